/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A small strict RFC 4180 reader with line-precise errors, and encoding
 * detection (UTF-8 with or without BOM, else GB18030). Never installed.
 *
 * Why not libcsv (Debian libcsv-dev)? It reports a failure as a byte count
 * with no physical line or column, treats the end of a quoted field loosely
 * unless CSV_STRICT (and then only by return code), and would add a
 * dependency for ~150 lines of code; this reader is fuzzed
 * (tests/fuzz/fuzz-roll.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *p;       /* next byte */
  const char *end;
  const char *filename;
  guint line;          /* physical line of p (1-based) */
} ElectCsvReader;

/* Converts @data to UTF-8 (transfer full, NUL-terminated, without BOM):
 * @encoding NULL detects (UTF-8, else GB18030). */
char *elect_csv_to_utf8 (const char *data, gsize len, const char *encoding,
                         const char *filename, gsize *out_len, GError **error);

void elect_csv_reader_init (ElectCsvReader *r, const char *utf8, gsize len,
                            const char *filename);

/* Reads the next record into @fields (char*, owned by the array, which must
 * have g_free as free func). Returns FALSE at the end (error unset) or on a
 * syntax error (error set: ELECT_ERROR_PARSE naming file and line).
 * *out_line is the physical line where the record starts. */
gboolean elect_csv_next (ElectCsvReader *r, GPtrArray *fields, guint *out_line,
                         GError **error);

/* yes/no in English or Chinese; FALSE on another word. */
gboolean elect_csv_parse_bool (const char *s, gboolean *out);

/* ISO 8601 date YYYY-MM-DD (a real date). */
gboolean elect_csv_parse_date (const char *s, GDate *out);

G_END_DECLS
