/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libelect-print: layout options, the rendering context (font check, text
 * layouts with missing-glyph detection), documents as a flow of items, and
 * the atomic PDF/SVG output. The four documents are in print-ballot.c,
 * print-roll.c, print-list.c and print-result.c. */
#include "config.h"
#include "print-render-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- options ------------------------------------------------------------------- */

static const char *const option_keys[PRINT_OPT_N + 1] = {
  "format", "lang", "paper", "font", "title", "date", "issuer", "published", "order",
  "reasons", "profile", NULL,
};

/* The choices of the options that have a fixed set of values (NULL: free
 * text or a date); the first is the default. */
static const char *const format_choices[] = { "pdf", "svg", NULL };
static const char *const lang_choices[] = { "zh", "en", NULL };
static const char *const paper_choices[] = { "a4", "a3", NULL };
static const char *const order_choices[] = { "profile", "strokes", "given", NULL };
static const char *const reasons_choices[] = { "yes", "no", NULL };

static const char *const *
option_choices (PrintOpt opt)
{
  switch (opt)
    {
    case PRINT_OPT_FORMAT: return format_choices;
    case PRINT_OPT_LANG: return lang_choices;
    case PRINT_OPT_PAPER: return paper_choices;
    case PRINT_OPT_ORDER: return order_choices;
    case PRINT_OPT_REASONS: return reasons_choices;
    default: return NULL;
    }
}

#define DEFAULT_FONT "Noto Serif CJK SC"
#define MAX_TEXT_CHARS 500

const char *
print_opt (const ElectPrintOptions *opts, PrintOpt opt)
{
  const char *const *choices = option_choices (opt);
  if (opts && opts->values[opt])
    return opts->values[opt];
  if (choices)
    return choices[0];
  if (opt == PRINT_OPT_FONT)
    return DEFAULT_FONT;
  return NULL;
}

gboolean
print_parse_date (const char *s, GDate *out)
{
  int y, m, d;
  char extra;
  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-'
      || sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  if (out)
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

ElectPrintOptions *
elect_print_options_new (void)
{
  return g_new0 (ElectPrintOptions, 1);
}

ElectPrintOptions *
elect_print_options_copy (const ElectPrintOptions *self)
{
  ElectPrintOptions *copy;
  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (ElectPrintOptions, 1);
  for (guint i = 0; i < PRINT_OPT_N; i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

void
elect_print_options_free (ElectPrintOptions *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < PRINT_OPT_N; i++)
    g_free (self->values[i]);
  g_free (self);
}

const char *const *
elect_print_options_list_keys (void)
{
  return option_keys;
}

static int
option_index (const char *key)
{
  for (int i = 0; i < PRINT_OPT_N; i++)
    if (strcmp (option_keys[i], key) == 0)
      return i;
  return -1;
}

static gboolean
text_ok (const char *value)
{
  glong n;
  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;
  n = g_utf8_strlen (value, -1);
  if (n < 1 || n > MAX_TEXT_CHARS)
    return FALSE;
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
elect_print_options_set (ElectPrintOptions *self, const char *key, const char *value,
                         GError **error)
{
  int opt;
  const char *const *choices;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  opt = option_index (key);
  if (opt < 0)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) option_keys);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY,
                   _("Unknown layout option “%s” (the options are: %s)"), key, known);
      return FALSE;
    }
  if (value != NULL)
    {
      choices = option_choices ((PrintOpt) opt);
      if (choices && !g_strv_contains (choices, value))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) choices);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("Layout option “%s” takes one of %s, not “%s”"), key, list, value);
          return FALSE;
        }
      if ((opt == PRINT_OPT_DATE || opt == PRINT_OPT_PUBLISHED) && !print_parse_date (value, NULL))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("Layout option “%s” takes a date YYYY-MM-DD, not “%s”"), key, value);
          return FALSE;
        }
      if (!choices && !text_ok (value))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("Layout option “%s” takes text of 1 to %u characters, without control characters"),
                       key, (guint) MAX_TEXT_CHARS);
          return FALSE;
        }
    }
  g_free (self->values[opt]);
  self->values[opt] = g_strdup (value);
  return TRUE;
}

const char *
elect_print_options_get (const ElectPrintOptions *self, const char *key)
{
  int opt;
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  opt = option_index (key);
  return opt < 0 ? NULL : self->values[opt];
}

/* ---- the context ---------------------------------------------------------------- */

/* Characters every document prints: a font that has them has Chinese. */
static const char font_probe[] = "选举票候选人名单公告委员会组第页共";

static gboolean
font_has (PangoFontset *fontset, gunichar c)
{
  PangoFont *font = pango_fontset_get_font (fontset, c);
  gboolean ok = font != NULL && pango_font_has_char (font, c);
  if (font)
    g_object_unref (font);
  return ok;
}

PrintCtx *
print_ctx_new (const ElectPrintOptions *opts, GError **error)
{
  g_autoptr (PrintCtx) c = g_new0 (PrintCtx, 1);
  cairo_font_options_t *fo;
  const char *paper;

  c->opts = opts;
  c->lang = print_opt (opts, PRINT_OPT_LANG);
  c->zh = strcmp (c->lang, "zh") == 0;
  c->svg = strcmp (print_opt (opts, PRINT_OPT_FORMAT), "svg") == 0;
  c->scale = 1.0;
  paper = print_opt (opts, PRINT_OPT_PAPER);
  if (strcmp (paper, "a3") == 0)
    {
      c->page_w = 297 * PRINT_MM;
      c->page_h = 420 * PRINT_MM;
    }
  else
    {
      c->page_w = 210 * PRINT_MM;
      c->page_h = 297 * PRINT_MM;
    }
  c->margin = 15 * PRINT_MM;

  c->fontmap = pango_cairo_font_map_get_default ();
  c->pctx = pango_font_map_create_context (c->fontmap);
  /* Points as device units, no hinting: layouts measure the same on every
   * surface, so what was measured is what is drawn. */
  pango_cairo_context_set_resolution (c->pctx, 72);
  fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (c->pctx, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_language (c->pctx, pango_language_from_string (c->zh ? "zh-cn" : "en"));

  c->font = pango_font_description_from_string (print_opt (opts, PRINT_OPT_FONT));
  pango_font_description_set_size (c->font, 12 * PANGO_SCALE);
  c->fontset = pango_font_map_load_fontset (c->fontmap, c->pctx, c->font,
                                            pango_language_from_string ("zh-cn"));
  for (const char *p = font_probe; *p; p = g_utf8_next_char (p))
    if (c->fontset == NULL || !font_has (c->fontset, g_utf8_get_char (p)))
      {
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND,
                     _("No installed font has Chinese characters (font “%s”): install one, "
                       "on Debian the package fonts-noto-cjk"),
                     print_opt (opts, PRINT_OPT_FONT));
        return NULL;
      }
  return g_steal_pointer (&c);
}

void
print_ctx_free (PrintCtx *c)
{
  if (c == NULL)
    return;
  g_clear_object (&c->fontset);
  g_clear_object (&c->pctx);
  if (c->font)
    pango_font_description_free (c->font);
  g_clear_error (&c->error);
  g_free (c);
}

gboolean
print_ctx_check (PrintCtx *c, GError **error)
{
  if (c->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&c->error));
  return FALSE;
}

double
print_content_width (const PrintCtx *c)
{
  return c->page_w - 2 * c->margin;
}

const char *
print_tr (const PrintCtx *c, const char *msgid)
{
  return elect_tr (c->lang, msgid);
}

gboolean
elect_print_check_fonts (const ElectPrintOptions *options, GError **error)
{
  g_autoptr (PrintCtx) c = print_ctx_new (options, error);
  return c != NULL;
}

/* ---- text -------------------------------------------------------------------------- */

static void
find_missing (PrintCtx *c, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      char buf[8] = { 0 };
      if (g_unichar_isspace (ch) || g_unichar_iscntrl (ch) || font_has (c->fontset, ch))
        continue;
      g_unichar_to_utf8 (ch, buf);
      g_set_error (&c->error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("No installed font can show the character “%s” (U+%04X) of “%s”"),
                   buf, (guint) ch, text);
      return;
    }
  g_set_error (&c->error, ELECT_ERROR, ELECT_ERROR_INVALID,
               _("No installed font can show every character of “%s”"), text);
}

PangoLayout *
print_text (PrintCtx *c, const char *text, double size, gboolean bold, double width,
            PangoAlignment align)
{
  PangoLayout *l = pango_layout_new (c->pctx);
  PangoFontDescription *fd = pango_font_description_copy (c->font);

  pango_font_description_set_absolute_size (fd, size * c->scale * PANGO_SCALE);
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (l, fd);
  pango_font_description_free (fd);
  if (width > 0)
    {
      pango_layout_set_width (l, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (l, align);
  pango_layout_set_text (l, text, -1);
  if (c->error == NULL && pango_layout_get_unknown_glyphs_count (l) > 0)
    find_missing (c, text);
  return l;
}

double
print_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
print_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
print_show (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---- words ------------------------------------------------------------------------- */

char *
print_format_date (const PrintCtx *c, const GDate *date)
{
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };
  int y = g_date_get_year (date), m = g_date_get_month (date), d = g_date_get_day (date);
  if (c->zh)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup_printf ("%d %s %d", d, months[m - 1], y);
}

char *
print_option_date (const PrintCtx *c)
{
  GDate d;
  if (!print_parse_date (print_opt (c->opts, PRINT_OPT_DATE), &d))
    return NULL;
  return print_format_date (c, &d);
}

char *
print_chinese_number (guint n)
{
  static const char *const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  if (n == 0 || n > 99)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n / 10 == 1 ? "" : digits[n / 10],
                          n % 10 == 0 ? "" : digits[n % 10]);
}

char *
print_section_number (const PrintCtx *c, guint n)
{
  if (c->zh)
    {
      g_autofree char *num = print_chinese_number (n);
      return g_strdup_printf ("%s、", num);
    }
  return g_strdup_printf ("%u. ", n);
}

const char *
print_issuer (const PrintCtx *c, ElectKind kind)
{
  const char *issuer = print_opt (c->opts, PRINT_OPT_ISSUER);
  if (issuer)
    return issuer;
  switch (kind)
    {
    case ELECT_KIND_RESIDENTS_COMMITTEE:
      return print_tr (c, N_("Residents' election committee"));
    case ELECT_KIND_PARTY_COMMITTEE:
      return print_tr (c, N_("Party branch committee"));
    default:
      return print_tr (c, N_("Villagers' election committee"));
    }
}

GPtrArray *
print_order_names (const char *const *names, guint n, gboolean strokes,
                   ElectCollation collation, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_sized_new (n);
  g_autofree gsize *order = g_new (gsize, MAX (n, 1));
  if (!strokes)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (out, (gpointer) names[i]);
      return g_steal_pointer (&out);
    }
  if (!elect_collate_order (names, n, collation, order, NULL, error))
    return NULL;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, (gpointer) names[order[i]]);
  return g_steal_pointer (&out);
}

/* ---- documents as a flow of items ------------------------------------------------ */

static void
item_free (gpointer p)
{
  PrintItem *item = p;
  g_clear_object (&item->layout);
  if (item->cells)
    g_ptr_array_unref (item->cells);
  if (item->xs)
    g_array_unref (item->xs);
  if (item->free_data)
    item->free_data (item->data);
  g_free (item);
}

PrintDoc *
print_doc_new (PrintCtx *c)
{
  PrintDoc *d = g_new0 (PrintDoc, 1);
  d->c = c;
  d->items = g_ptr_array_new_with_free_func (item_free);
  d->numbered = TRUE;
  return d;
}

void
print_doc_clear (PrintDoc *d)
{
  g_ptr_array_set_size (d->items, 0);
  g_clear_pointer (&d->page, g_free);
  g_clear_pointer (&d->y, g_free);
  d->n_pages = 0;
}

void
print_doc_free (PrintDoc *d)
{
  if (d == NULL)
    return;
  print_doc_clear (d);
  g_ptr_array_unref (d->items);
  g_free (d->running);
  g_free (d);
}

PrintItem *
print_doc_add (PrintDoc *d, double height, PrintDrawFunc draw)
{
  PrintItem *item = g_new0 (PrintItem, 1);
  item->height = height;
  item->draw = draw;
  g_ptr_array_add (d->items, item);
  return item;
}

PrintItem *
print_doc_add_space (PrintDoc *d, double height)
{
  return print_doc_add (d, height * d->c->scale, NULL);
}

static void
draw_text (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y, double width)
{
  print_show (cr, item->layout, x + item->indent, y);
}

PrintItem *
print_doc_add_text (PrintDoc *d, const char *text, double size, gboolean bold,
                    PangoAlignment align, double indent)
{
  PangoLayout *l = print_text (d->c, text, size, bold, print_content_width (d->c) - indent, align);
  PrintItem *item = print_doc_add (d, print_layout_height (l), draw_text);
  item->layout = l;
  item->indent = indent;
  return item;
}

#define CELL_PAD 4.0

static void
draw_row (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y, double width)
{
  guint n = item->xs->len - 1;
  double x0 = x + g_array_index (item->xs, double, 0);
  double x1 = x + g_array_index (item->xs, double, n);

  if (item->flags & PRINT_ROW_HEADER)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, x0, y, x1 - x0, item->height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  if (item->flags & PRINT_ROW_BORDERS)
    {
      cairo_set_line_width (cr, 0.6);
      for (guint i = 0; i < n; i++)
        {
          double a = g_array_index (item->xs, double, i), b = g_array_index (item->xs, double, i + 1);
          cairo_rectangle (cr, x + a, y, b - a, item->height);
        }
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = g_ptr_array_index (item->cells, i);
      if (l == NULL)
        continue;
      print_show (cr, l, x + g_array_index (item->xs, double, i) + CELL_PAD,
                  y + (item->height - print_layout_height (l)) / 2);
    }
}

static void
clear_layout (gpointer p)
{
  if (p)
    g_object_unref (p);
}

PrintItem *
print_doc_add_row (PrintDoc *d, const char *const *cells, const double *xs, guint n,
                   double size, guint flags, const PangoAlignment *align)
{
  PrintItem *item = print_doc_add (d, 0, draw_row);
  double h = 0;
  item->cells = g_ptr_array_new_with_free_func (clear_layout);
  item->xs = g_array_sized_new (FALSE, FALSE, sizeof (double), n + 1);
  g_array_append_vals (item->xs, xs, n + 1);
  item->flags = flags;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = NULL;
      if (cells[i])
        {
          l = print_text (d->c, cells[i], size, (flags & PRINT_ROW_HEADER) != 0,
                          xs[i + 1] - xs[i] - 2 * CELL_PAD, align ? align[i] : PANGO_ALIGN_LEFT);
          h = MAX (h, print_layout_height (l));
        }
      g_ptr_array_add (item->cells, l);
    }
  item->height = h + 2 * CELL_PAD * d->c->scale;
  return item;
}

typedef struct {
  PangoLayout *issuer, *date;
} Seal;

static void
seal_free (gpointer p)
{
  Seal *s = p;
  g_clear_object (&s->issuer);
  g_clear_object (&s->date);
  g_free (s);
}

#define SEAL_R (19 * PRINT_MM)

static void
draw_seal (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y, double width)
{
  const Seal *s = item->data;
  double wi = print_layout_width (s->issuer);
  double wd = print_layout_width (s->date);
  double right = x + width;
  double cx = right - SEAL_R - 4 * PRINT_MM, cy = y + SEAL_R;
  double dashes[] = { 3, 2 };

  /* Where the seal goes: a light dashed circle. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, SEAL_R, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_restore (cr);
  print_show (cr, s->issuer, MIN (cx - wi / 2, right - wi), cy - print_layout_height (s->issuer));
  print_show (cr, s->date, MIN (cx - wd / 2, right - wd), cy + 4);
}

PrintItem *
print_doc_add_seal (PrintDoc *d, const char *issuer, const char *date)
{
  Seal *s = g_new0 (Seal, 1);
  g_autofree char *text = g_strdup_printf (print_tr (d->c, N_("%s (seal)")), issuer);
  PrintItem *item;
  s->issuer = print_text (d->c, text, 11, FALSE, -1, PANGO_ALIGN_LEFT);
  /* Without a date, the blank that is filled in by hand. */
  s->date = print_text (d->c, date ? date : print_tr (d->c, N_("Date: ____________")), 11, FALSE,
                        -1, PANGO_ALIGN_LEFT);
  item = print_doc_add (d, 2 * SEAL_R + 4, draw_seal);
  item->data = s;
  item->free_data = seal_free;
  return item;
}

/* The items before the closing block that stay on its page. */
#define CLOSING_KEEPS 2

void
print_doc_add_closing (PrintDoc *d, double gap, double size, const char *issuer,
                       const char *date)
{
  guint printed = 0;

  /* Back to the last two items that print something (a table's last rows,
   * the last two lines of a list): they and the spaces after them go to the
   * next page with the closing block when it does not fit. */
  for (guint i = d->items->len; i > 0 && printed < CLOSING_KEEPS; i--)
    {
      PrintItem *item = g_ptr_array_index (d->items, i - 1);
      item->keep_with_next = TRUE;
      if (item->draw != NULL)
        printed++;
    }
  print_doc_add_space (d, gap)->keep_with_next = TRUE;
  print_doc_add_text (d, print_tr (d->c, N_("Hereby announced.")), size, FALSE, PANGO_ALIGN_LEFT,
                      22)->keep_with_next = TRUE;
  print_doc_add_space (d, 10)->keep_with_next = TRUE;
  print_doc_add_seal (d, issuer, date);
}

guint
print_doc_flow (PrintDoc *d)
{
  g_autofree PrintBlock *blocks = g_new0 (PrintBlock, MAX (d->items->len, 1));
  double avail = d->c->page_h - 2 * d->c->margin;

  for (guint i = 0; i < d->items->len; i++)
    {
      const PrintItem *item = g_ptr_array_index (d->items, i);
      blocks[i].height = item->height;
      blocks[i].keep_with_next = item->keep_with_next;
    }
  g_free (d->page);
  g_free (d->y);
  d->page = g_new0 (guint, MAX (d->items->len, 1));
  d->y = g_new0 (double, MAX (d->items->len, 1));
  d->n_pages = print_flow (blocks, d->items->len, avail, avail, d->page, d->y);
  return d->n_pages;
}

static void
draw_doc_page (PrintCtx *c, cairo_t *cr, guint page, guint n_pages, gpointer data)
{
  PrintDoc *d = data;
  for (guint i = 0; i < d->items->len; i++)
    {
      const PrintItem *item = g_ptr_array_index (d->items, i);
      if (d->page[i] != page || item->draw == NULL)
        continue;
      cairo_save (cr);
      item->draw (c, cr, item, c->margin, c->margin + d->y[i], print_content_width (c));
      cairo_restore (cr);
    }
  if (n_pages > 1 || d->running)
    print_footer (c, cr, page, n_pages, d->running, d->numbered && n_pages > 1);
}

gboolean
print_doc_write (PrintDoc *d, const char *path, const char *meta_title, guint *out_pages,
                 GError **error)
{
  guint n = print_doc_flow (d);
  if (!print_ctx_check (d->c, error))
    return FALSE;
  if (!print_write (d->c, n, draw_doc_page, d, path, meta_title, error))
    return FALSE;
  if (out_pages)
    *out_pages = n;
  return TRUE;
}

/* ---- output ------------------------------------------------------------------------- */

void
print_footer (PrintCtx *c, cairo_t *cr, guint page, guint n_pages, const char *left,
              gboolean numbered)
{
  double scale = c->scale, y = c->page_h - c->margin + 5 * PRINT_MM;
  c->scale = 1.0;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (left)
    {
      g_autoptr (PangoLayout) l = print_text (c, left, 8, FALSE, -1, PANGO_ALIGN_LEFT);
      print_show (cr, l, c->margin, y);
    }
  if (numbered)
    {
      g_autofree char *text = g_strdup_printf (print_tr (c, N_("Page %u of %u")), page + 1,
                                               n_pages);
      g_autoptr (PangoLayout) l = print_text (c, text, 8, FALSE, -1, PANGO_ALIGN_LEFT);
      print_show (cr, l, c->page_w - c->margin - print_layout_width (l), y);
    }
  cairo_restore (cr);
  c->scale = scale;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The gap between the pages of an SVG. */
#define SVG_GAP (8 * PRINT_MM)

gboolean
print_write (PrintCtx *c, guint n_pages, PrintPageFunc draw, gpointer data,
             const char *path, const char *meta_title, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL && n_pages > 0, FALSE);

  if (c->svg)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, c->page_w,
                                                     n_pages * c->page_h
                                                     + (n_pages - 1) * SVG_GAP);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    {
      GDate d;
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, c->page_w, c->page_h);
      if (meta_title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta_title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "libelect-print " PACKAGE_VERSION);
      /* The document's date, not the clock's: the same input gives the same
       * file. */
      if (print_parse_date (print_opt (c->opts, PRINT_OPT_DATE), &d))
        {
          char iso[32];
          g_snprintf (iso, sizeof iso, "%04d-%02d-%02dT00:00:00", g_date_get_year (&d),
                      g_date_get_month (&d), g_date_get_day (&d));
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
        }
    }
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      cairo_save (cr);
      if (c->svg)
        {
          cairo_translate (cr, 0, p * (c->page_h + SVG_GAP));
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_rectangle (cr, 0, 0, c->page_w, c->page_h);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw (c, cr, p, n_pages, data);
      cairo_restore (cr);
      if (!c->svg)
        cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!print_ctx_check (c, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_FAILED,
                   _("Cairo could not render the document: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  /* A temporary file in the same directory, renamed over path: a failed run
   * leaves no partial file and keeps an earlier one. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, (gssize) bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, _("Cannot write the document: %s"),
                   local->message);
      return FALSE;
    }
  return TRUE;
}
