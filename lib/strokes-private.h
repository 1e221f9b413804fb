/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The generated stroke-order table (data/strokes/strokes-table.c, made by
 * tools/gen-strokes.py). Never installed. */
#pragma once

#include <glib.h>

typedef struct {
  guint32 first;          /* first code point of the block */
  guint32 last;           /* last code point, inclusive */
  const guint32 *rank;    /* rank per code point, 0: no data */
} ElectStrokeBlock;

extern const ElectStrokeBlock elect_stroke_blocks[];
extern const guint elect_stroke_n_blocks;
extern const guint32 elect_stroke_n_chars;
extern const guint elect_stroke_max;
extern const guint32 elect_stroke_first_rank[];
