/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The rendering machinery shared by the four documents: the context (font,
 * language, page size), text layouts checked for missing glyphs, documents
 * as a flow of items, and the atomic PDF/SVG output. */
#pragma once

#include "print-private.h"

#include <pango/pangocairo.h>

/* Points per millimetre. */
#define PRINT_MM (72.0 / 25.4)

typedef struct {
  const ElectPrintOptions *opts;
  const char *lang;             /* "zh" or "en" */
  gboolean zh;
  gboolean svg;
  PangoFontMap *fontmap;        /* the thread's default: not owned */
  PangoContext *pctx;
  PangoFontDescription *font;
  PangoFontset *fontset;        /* for finding the character without a glyph */
  double page_w, page_h, margin;
  double scale;                 /* of the type (the ballot shrinks to fit) */
  GError *error;                /* the first problem met while laying out */
} PrintCtx;

PrintCtx *print_ctx_new (const ElectPrintOptions *opts, GError **error);
void print_ctx_free (PrintCtx *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintCtx, print_ctx_free)

/* The width of the area inside the margins. */
double print_content_width (const PrintCtx *c);

/* A message of the compiled-in catalogue in the document's language. */
const char *print_tr (const PrintCtx *c, const char *msgid) G_GNUC_FORMAT (2);

/* A layout of text in the document's font at size × scale points, bold or
 * not, wrapped at width (no wrapping when width <= 0). A character that no
 * font can show is recorded in c->error. */
PangoLayout *print_text (PrintCtx *c, const char *text, double size, gboolean bold,
                         double width, PangoAlignment align);
double print_layout_height (PangoLayout *layout);
double print_layout_width (PangoLayout *layout);
void print_show (cairo_t *cr, PangoLayout *layout, double x, double y);

/* Dates: "2026年12月20日" or "20 December 2026". */
char *print_format_date (const PrintCtx *c, const GDate *date);
/* The date of option `date` (or NULL when it is not set). */
char *print_option_date (const PrintCtx *c);
/* 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
char *print_chinese_number (guint n);
/* The heading number of the n-th section (1-based): "一、" or "1. ". */
char *print_section_number (const PrintCtx *c, guint n);
/* The body that publishes the document: option `issuer`, or a default for
 * the kind of election. */
const char *print_issuer (const PrintCtx *c, ElectKind kind);

/* ---- documents as a flow of items ---------------------------------------------- */

typedef struct _PrintItem PrintItem;
typedef void (*PrintDrawFunc) (PrintCtx *c, cairo_t *cr, const PrintItem *item,
                               double x, double y, double width);

struct _PrintItem {
  double height;
  gboolean keep_with_next;
  PrintDrawFunc draw;           /* NULL: blank space */
  PangoLayout *layout;          /* owned, or NULL */
  double indent;
  GPtrArray *cells;             /* owned PangoLayouts (NULL entries allowed) */
  GArray *xs;                   /* double: the left edge of each column, then the right edge */
  guint flags;
  gpointer data;
  GDestroyNotify free_data;
};

/* Flags of table rows (print_item_table_row). */
#define PRINT_ROW_HEADER   (1u << 0)   /* shaded, bold headings */
#define PRINT_ROW_BORDERS  (1u << 1)   /* ruled cells */

typedef struct {
  PrintCtx *c;
  GPtrArray *items;             /* PrintItem * */
  char *running;                /* footer text at the left, or NULL */
  gboolean numbered;            /* "第 1 页 共 3 页" in the footer */
  guint n_pages;
  guint *page;
  double *y;
} PrintDoc;

PrintDoc *print_doc_new (PrintCtx *c);
void print_doc_free (PrintDoc *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintDoc, print_doc_free)

/* Removes every item (to lay the document out again at another scale). */
void print_doc_clear (PrintDoc *d);
PrintItem *print_doc_add (PrintDoc *d, double height, PrintDrawFunc draw);
PrintItem *print_doc_add_space (PrintDoc *d, double height);
/* A paragraph over the content width (less indent). */
PrintItem *print_doc_add_text (PrintDoc *d, const char *text, double size, gboolean bold,
                               PangoAlignment align, double indent);
/* A table row: cells[i] (text, may be NULL) between xs[i] and xs[i+1]
 * (offsets from the left margin); bold[i] optional. */
PrintItem *print_doc_add_row (PrintDoc *d, const char *const *cells, const double *xs,
                              guint n, double size, guint flags,
                              const PangoAlignment *align);
/* The closing block: the issuer with the place of the seal (盖章) and the
 * date, at the right. */
PrintItem *print_doc_add_seal (PrintDoc *d, const char *issuer, const char *date);
/* The closing block of a notice: a space of gap points, 特此公告, the seal
 * and the date, kept on one page with the last two printed items before it
 * (and the spaces between), so that it never stands alone on a page. */
void print_doc_add_closing (PrintDoc *d, double gap, double size, const char *issuer,
                            const char *date);

/* Flows the items onto pages (the footer is drawn in the bottom margin);
 * returns the number of pages. */
guint print_doc_flow (PrintDoc *d);
/* Flows and writes the document atomically. */
gboolean print_doc_write (PrintDoc *d, const char *path, const char *meta_title,
                          guint *out_pages, GError **error);

/* ---- output --------------------------------------------------------------------- */

typedef void (*PrintPageFunc) (PrintCtx *c, cairo_t *cr, guint page, guint n_pages,
                               gpointer data);

/* Renders n_pages pages with draw () into memory (PDF, or SVG with the pages
 * one below the other), then writes path atomically. */
gboolean print_write (PrintCtx *c, guint n_pages, PrintPageFunc draw, gpointer data,
                      const char *path, const char *meta_title, GError **error);

/* The footer: running text at the left, page numbers at the right. */
void print_footer (PrintCtx *c, cairo_t *cr, guint page, guint n_pages, const char *left,
                   gboolean numbered);

/* Takes c->error (the first missing glyph) into error; TRUE when there was
 * none. */
gboolean print_ctx_check (PrintCtx *c, GError **error);

/* Orders names for printing: by strokes under collation, or as given;
 * returns a new array of borrowed pointers (NULL with error set when a name
 * cannot be ordered). */
GPtrArray *print_order_names (const char *const *names, guint n, gboolean strokes,
                              ElectCollation collation, GError **error);
