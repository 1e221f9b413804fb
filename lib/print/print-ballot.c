/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The ballot paper (选票): elect_print_ballot().
 *
 * Layout: the title, 选票, the election day, the instructions in a box, then
 * one block per post: a heading bar (一、主任（应选1名）) and either a grid of
 * cells, each with the name above and a box to mark below, followed by as
 * many write-in cells (另选他人) as seats (villagers' and residents'
 * committees), or, on Party papers, a table with a row per candidate and
 * the columns For, Against, Abstain and Write-in (RULES.md §5.1). Names are
 * in stroke order under the profile's convention (RULES.md §7.3) unless
 * `order=given`. The type shrinks in steps of 5 % down to 55 % until the
 * paper fits one page; below that it continues on further pages.
 *
 * A Party paper keeps a row per candidate while that fits one page with
 * the type at 75 % or more; a longer one is printed compact: the candidates
 * of a post side by side, a column each (the name, then the places For,
 * Against, Abstain and Write-in below it), as many columns to a band as the
 * width takes (7 posts of 15 candidates: one band a post, one A4 page). */
#include "config.h"
#include "print-render-private.h"

#include <string.h>

#define NAME_SIZE 13.0
#define LABEL_SIZE 7.5
/* Write-in places are printed one per seat; more seats than this on one post
 * is not a paper anyone could fill in. */
#define MAX_WRITE_INS 99
#define SCALE_MIN 0.55
#define SCALE_STEP 0.05
/* A Party paper with a row per candidate, at no smaller type than this;
 * below it the compact layout (a column per candidate). */
#define ROW_SCALE_MIN 0.75
/* The box to mark: 15 pt (5.3 mm) at full scale, never below 11 pt. */
#define BOX_SIDE(c) MAX (11.0, 15.0 * (c)->scale)
/* The least width of a cell: 19 mm at full scale. */
#define CELL_MIN_W(c) (19 * PRINT_MM * (c)->scale)

typedef struct {
  const char *title;
  gint64 seats;
  gboolean women_only;
  GPtrArray *names;             /* borrowed from the paper, in print order */
} Contest;

typedef struct {
  PrintCtx *c;
  PrintDoc *doc;
  const ElectRules *rules;
  gboolean party;
  gboolean compact;             /* a Party paper with a column per candidate */
  GPtrArray *contests;          /* Contest * */
} Ballot;

static void
contest_free (gpointer p)
{
  Contest *k = p;
  if (k->names)
    g_ptr_array_unref (k->names);
  g_free (k);
}

/* ---- the instructions -------------------------------------------------------------- */

static char *
instructions (Ballot *b)
{
  PrintCtx *c = b->c;
  const char *overvote = elect_rules_get_policy (b->rules, "count.overvote", NULL);
  const char *two_posts = elect_rules_get_policy (b->rules, "count.same_person_two_posts", NULL);
  gboolean contest_only = overvote && strcmp (overvote, "void-contest") == 0;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) women = g_string_new (NULL);
  GString *out = g_string_new (print_tr (c, N_("How to fill in this ballot:")));

  if (b->party && b->compact)
    {
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("For each candidate, draw “○” in exactly one of the places For, Against and Abstain below the name."))));
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("If you vote against a candidate, you may write the name of another person in the Write-in place below that candidate's name."))));
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("Do not abstain on a candidate and write in below the same name: such a choice is void."))));
    }
  else if (b->party)
    {
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("For each candidate, draw “○” in exactly one of the columns For, Against and Abstain."))));
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("If you vote against a candidate, you may write the name of another person in the Write-in column of that row."))));
      g_ptr_array_add (lines, g_strdup (print_tr (c, N_("Do not abstain and write in on the same row: such a choice is void."))));
    }
  if (b->party)
    {
      g_ptr_array_add (lines, g_strdup (contest_only
        ? print_tr (c, N_("Vote for no more people than the seats of a post (write-ins included); otherwise the choices for that post are invalid."))
        : print_tr (c, N_("Vote for no more people than the seats (write-ins included); otherwise the whole ballot is invalid."))));
    }
  else
    {
      guint listed = 0;
      for (guint i = 0; i < b->contests->len; i++)
        listed += ((const Contest *) g_ptr_array_index (b->contests, i))->names->len;
      if (listed == 0)
        /* An open ballot (海选): no candidates, every name is written. */
        g_ptr_array_add (lines, g_strdup (print_tr (c, N_("Write the name of each person you vote for in a Write-in space and draw “○” in the box below it."))));
      else
        {
          g_ptr_array_add (lines, g_strdup (print_tr (c, N_("To vote for a candidate, draw “○” in the box below the name; leave the box empty for a candidate you do not vote for."))));
          g_ptr_array_add (lines, g_strdup (print_tr (c, N_("To vote for someone who is not listed, write the name in a Write-in space and draw “○” in the box below it."))));
        }
      g_ptr_array_add (lines, g_strdup (contest_only
        ? print_tr (c, N_("Mark no more names in a post than its seats (write-ins included); otherwise the choices for that post are invalid."))
        : print_tr (c, N_("Mark no more names in a post than its seats (write-ins included); otherwise the whole ballot is invalid."))));
    }
  for (guint i = 0; i < b->contests->len; i++)
    {
      const Contest *k = g_ptr_array_index (b->contests, i);
      if (!k->women_only)
        continue;
      if (women->len)
        g_string_append (women, c->zh ? "、" : ", ");
      g_string_append (women, k->title);
    }
  if (women->len)
    g_ptr_array_add (lines, g_strdup_printf (print_tr (c, N_("The post of %s is for women only: vote for a woman.")), women->str));
  if (b->contests->len > 1 && two_posts && strcmp (two_posts, "void-ballot") == 0)
    g_ptr_array_add (lines, g_strdup (print_tr (c, N_("Do not vote for the same person for two posts; otherwise the whole ballot is invalid."))));
  g_ptr_array_add (lines, g_strdup (print_tr (c, N_("Write with a black or blue pen. A ballot marked outside the places for marks, or that cannot be read, is invalid."))));
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "\n%u. %s", i + 1, (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

#define BOX_PAD 6.0

static void
draw_boxed_text (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y,
                 double width)
{
  cairo_set_line_width (cr, 0.7);
  cairo_rectangle (cr, x, y, width, item->height);
  cairo_stroke (cr);
  print_show (cr, item->layout, x + BOX_PAD * c->scale, y + BOX_PAD * c->scale);
}

/* ---- a post's heading --------------------------------------------------------------- */

static void
draw_heading (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y, double width)
{
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  cairo_rectangle (cr, x, y, width, item->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  print_show (cr, item->layout, x + 4 * c->scale, y + (item->height - print_layout_height (item->layout)) / 2);
}

static void
add_heading (Ballot *b, guint index, const Contest *k)
{
  PrintCtx *c = b->c;
  g_autofree char *num = print_section_number (c, index + 1);
  g_autofree char *seats = g_strdup_printf (print_tr (c, N_(" (%lld seat(s) to elect)")),
                                            (long long) k->seats);
  g_autofree char *text = g_strconcat (num, k->title, seats,
                                       k->women_only ? print_tr (c, N_(" — a post of its own, for women only")) : "",
                                       NULL);
  PangoLayout *l = print_text (c, text, NAME_SIZE, TRUE, print_content_width (c) - 8 * c->scale,
                               PANGO_ALIGN_LEFT);
  PrintItem *item = print_doc_add (b->doc, print_layout_height (l) + 4 * c->scale, draw_heading);
  item->layout = l;
  item->keep_with_next = TRUE;
}

/* ---- the grid of a villagers' committee paper --------------------------------------- */

typedef struct {
  double cell_w, name_h, box_h;
  guint n;                      /* cells in this row */
} GridRow;

static void
draw_grid_row (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y,
               double width)
{
  const GridRow *g = item->data;
  PangoLayout *label = item->layout;
  double side = BOX_SIDE (c);

  cairo_set_line_width (cr, 0.7);
  for (guint i = 0; i < g->n; i++)
    {
      double x0 = x + i * g->cell_w;
      PangoLayout *name = g_ptr_array_index (item->cells, i);
      cairo_rectangle (cr, x0, y, g->cell_w, g->name_h + g->box_h);
      cairo_move_to (cr, x0, y + g->name_h);
      cairo_line_to (cr, x0 + g->cell_w, y + g->name_h);
      cairo_stroke (cr);
      if (name)
        print_show (cr, name, x0 + (g->cell_w - print_layout_width (name)) / 2,
                    y + (g->name_h - print_layout_height (name)) / 2);
      else
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
          print_show (cr, label, x0 + 2, y + 1.5);
          cairo_restore (cr);
        }
      cairo_rectangle (cr, x0 + (g->cell_w - side) / 2, y + g->name_h + (g->box_h - side) / 2,
                       side, side);
      cairo_stroke (cr);
    }
}

static void
ref_layout (GPtrArray *cells, PangoLayout *l)
{
  g_ptr_array_add (cells, l ? g_object_ref (l) : NULL);
}

static void
clear_layout (gpointer p)
{
  if (p)
    g_object_unref (p);
}

static void
add_grid (Ballot *b, const Contest *k, double cell_w, guint cols)
{
  PrintCtx *c = b->c;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (clear_layout);
  guint n = k->names->len + (guint) k->seats;
  double name_h = 0, box_h = MAX (BOX_SIDE (c) + 5, 22 * c->scale);

  for (guint i = 0; i < k->names->len; i++)
    {
      PangoLayout *l = print_text (c, g_ptr_array_index (k->names, i), NAME_SIZE, FALSE, -1,
                                   PANGO_ALIGN_CENTER);
      name_h = MAX (name_h, print_layout_height (l));
      g_ptr_array_add (cells, l);
    }
  for (gint64 i = 0; i < k->seats; i++)
    g_ptr_array_add (cells, NULL);
  if (name_h == 0)
    {
      g_autoptr (PangoLayout) probe = print_text (c, "另", NAME_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
      name_h = print_layout_height (probe);
    }
  name_h += 10 * c->scale;

  for (guint first = 0; first < n; first += cols)
    {
      GridRow *g = g_new0 (GridRow, 1);
      PrintItem *item;
      g->cell_w = cell_w;
      g->name_h = name_h;
      g->box_h = box_h;
      g->n = MIN (cols, n - first);
      item = print_doc_add (b->doc, name_h + box_h, draw_grid_row);
      item->data = g;
      item->free_data = g_free;
      item->cells = g_ptr_array_new_with_free_func (clear_layout);
      for (guint i = first; i < first + g->n; i++)
        ref_layout (item->cells, g_ptr_array_index (cells, i));
      item->layout = print_text (c, print_tr (c, N_("Write-in")), LABEL_SIZE, FALSE, -1,
                                 PANGO_ALIGN_LEFT);
      item->keep_with_next = first + cols < n;
    }
}

/* The width of the widest name cell of the paper at the current scale. */
static double
cell_width (Ballot *b)
{
  PrintCtx *c = b->c;
  g_autoptr (PangoLayout) label = print_text (c, print_tr (c, N_("Write-in")), LABEL_SIZE, FALSE,
                                              -1, PANGO_ALIGN_LEFT);
  double w = MAX (print_layout_width (label) + 4, CELL_MIN_W (c));
  for (guint i = 0; i < b->contests->len; i++)
    {
      const Contest *k = g_ptr_array_index (b->contests, i);
      for (guint j = 0; j < k->names->len; j++)
        {
          g_autoptr (PangoLayout) l = print_text (c, g_ptr_array_index (k->names, j), NAME_SIZE,
                                                  FALSE, -1, PANGO_ALIGN_LEFT);
          w = MAX (w, print_layout_width (l) + 16 * c->scale);
        }
    }
  return w;
}

/* ---- the table of a Party paper ------------------------------------------------------ */

static void
add_party_table (Ballot *b, const Contest *k)
{
  PrintCtx *c = b->c;
  double w = print_content_width (c);
  const double xs[] = { 0, 0.08 * w, 0.38 * w, 0.50 * w, 0.62 * w, 0.74 * w, w };
  const PangoAlignment align[] = { PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER,
                                   PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER };
  const char *head[] = { print_tr (c, N_("No.")), print_tr (c, N_("Candidate")),
                         print_tr (c, N_("For")), print_tr (c, N_("Against")),
                         print_tr (c, N_("Abstain")), print_tr (c, N_("Write-in")) };
  PrintItem *item = print_doc_add_row (b->doc, head, xs, 6, 10, PRINT_ROW_HEADER | PRINT_ROW_BORDERS,
                                       align);
  item->keep_with_next = TRUE;
  for (guint i = 0; i < k->names->len; i++)
    {
      char num[16];
      const char *row[6] = { num, g_ptr_array_index (k->names, i), NULL, NULL, NULL, NULL };
      g_snprintf (num, sizeof num, "%u", i + 1);
      item = print_doc_add_row (b->doc, row, xs, 6, NAME_SIZE, PRINT_ROW_BORDERS, align);
      item->height = MAX (item->height, 24 * c->scale);
      item->keep_with_next = i + 1 < k->names->len;
    }
}

/* ---- the compact table of a long Party paper ---------------------------------------- */

/* The places of a column: the name, For, Against, Abstain, Write-in. */
#define PARTY_ROWS 5
/* The labels: 9 pt at full scale, never below 6.5 pt. */
#define PARTY_LABEL_SIZE(c) MAX (9.0, 6.5 / (c)->scale)
#define PARTY_PAD 4.0
/* A place to mark: 20 pt (7 mm) high at full scale, never below 12 pt
 * (4.2 mm, above the 11 pt box of the other papers). */
#define PARTY_MARK_H(c) MAX (12.0, 20.0 * (c)->scale)
/* A place to write a name in: never below 17 pt (6 mm). */
#define PARTY_WRITE_MIN 17.0
/* The least width of a column: 15 mm at full scale, never below 10 mm (a
 * name is written in it by hand). */
#define PARTY_COL_MIN(c) MAX (10 * PRINT_MM, 15 * PRINT_MM * (c)->scale)

typedef struct {
  double label_w, col_w;
  double h[PARTY_ROWS];
  guint n;                      /* candidates (columns) in this band */
} PartyBand;

static const char *const party_labels[PARTY_ROWS] = {
  N_("Candidate"), N_("For"), N_("Against"), N_("Abstain"), N_("Write-in"),
};

static void
draw_party_band (PrintCtx *c, cairo_t *cr, const PrintItem *item, double x, double y,
                 double width)
{
  const PartyBand *g = item->data;
  double right = x + g->label_w + g->n * g->col_w, top = y;

  /* The labels' column shaded, as the headings of the other tables. */
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, x, y, g->label_w, item->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint r = 0; r < PARTY_ROWS; r++)
    {
      PangoLayout *label = g_ptr_array_index (item->cells, r);
      print_show (cr, label, x + PARTY_PAD * c->scale,
                  top + (g->h[r] - print_layout_height (label)) / 2);
      if (r == 0)
        for (guint i = 0; i < g->n; i++)
          {
            PangoLayout *name = g_ptr_array_index (item->cells, PARTY_ROWS + i);
            double x0 = x + g->label_w + i * g->col_w;
            print_show (cr, name, x0 + (g->col_w - print_layout_width (name)) / 2,
                        top + (g->h[0] - print_layout_height (name)) / 2);
          }
      top += g->h[r];
    }
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y, right - x, item->height);
  top = y;
  for (guint r = 0; r + 1 < PARTY_ROWS; r++)
    {
      top += g->h[r];
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, right, top);
    }
  for (guint i = 0; i < g->n; i++)
    {
      cairo_move_to (cr, x + g->label_w + i * g->col_w, y);
      cairo_line_to (cr, x + g->label_w + i * g->col_w, y + item->height);
    }
  cairo_stroke (cr);
  /* The names' row apart from the places to mark. */
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x, y + g->h[0]);
  cairo_line_to (cr, right, y + g->h[0]);
  cairo_stroke (cr);
}

static PangoLayout *
party_label (PrintCtx *c, guint row)
{
  return print_text (c, print_tr (c, party_labels[row]), PARTY_LABEL_SIZE (c), TRUE, -1,
                     PANGO_ALIGN_LEFT);
}

/* The width of the labels' column at the current scale. */
static double
party_label_width (PrintCtx *c)
{
  double w = 0;
  for (guint r = 0; r < PARTY_ROWS; r++)
    {
      g_autoptr (PangoLayout) l = party_label (c, r);
      w = MAX (w, print_layout_width (l));
    }
  return w + 2 * PARTY_PAD * c->scale;
}

/* The least width of a candidate's column: the widest name of the paper. */
static double
party_column_width (Ballot *b)
{
  PrintCtx *c = b->c;
  double w = PARTY_COL_MIN (c);
  for (guint i = 0; i < b->contests->len; i++)
    {
      const Contest *k = g_ptr_array_index (b->contests, i);
      for (guint j = 0; j < k->names->len; j++)
        {
          g_autoptr (PangoLayout) l = print_text (c, g_ptr_array_index (k->names, j), NAME_SIZE,
                                                  FALSE, -1, PANGO_ALIGN_LEFT);
          w = MAX (w, print_layout_width (l) + 2 * PARTY_PAD * c->scale);
        }
    }
  return w;
}

static void
add_party_compact (Ballot *b, const Contest *k, double label_w, double col_w, guint cols)
{
  PrintCtx *c = b->c;
  guint n = k->names->len;

  for (guint first = 0; first < n; first += cols)
    {
      PartyBand *g = g_new0 (PartyBand, 1);
      PrintItem *item;
      double name_h = 0;

      g->label_w = label_w;
      g->col_w = col_w;
      g->n = MIN (cols, n - first);
      item = print_doc_add (b->doc, 0, draw_party_band);
      item->data = g;
      item->free_data = g_free;
      item->cells = g_ptr_array_new_with_free_func (clear_layout);
      for (guint r = 0; r < PARTY_ROWS; r++)
        g_ptr_array_add (item->cells, party_label (c, r));
      for (guint i = first; i < first + g->n; i++)
        {
          /* A name longer than the column wraps within it. */
          PangoLayout *l = print_text (c, g_ptr_array_index (k->names, i), NAME_SIZE, FALSE,
                                       col_w - 2 * PARTY_PAD * c->scale, PANGO_ALIGN_CENTER);
          name_h = MAX (name_h, print_layout_height (l));
          g_ptr_array_add (item->cells, l);
        }
      g->h[0] = name_h + 2 * PARTY_PAD * c->scale;
      g->h[1] = g->h[2] = g->h[3] = PARTY_MARK_H (c);
      g->h[4] = MAX (PARTY_WRITE_MIN, g->h[0]);
      for (guint r = 0; r < PARTY_ROWS; r++)
        item->height += g->h[r];
      item->keep_with_next = first + cols < n;
    }
}

/* ---- the whole paper --------------------------------------------------------------------- */

static void
build (Ballot *b)
{
  PrintCtx *c = b->c;
  PrintDoc *d = b->doc;
  const char *title = print_opt (c->opts, PRINT_OPT_TITLE);
  g_autofree char *date = print_option_date (c);
  g_autofree char *text = instructions (b);
  double w = print_content_width (c);
  double cell_w = 0, label_w = 0, col_w = 0;
  guint cols = 1;
  PrintItem *item;

  if (b->compact)
    {
      guint most = 0;
      for (guint i = 0; i < b->contests->len; i++)
        most = MAX (most, ((const Contest *) g_ptr_array_index (b->contests, i))->names->len);
      label_w = party_label_width (c);
      cols = print_grid_columns (w - label_w, party_column_width (b), most);
      /* The columns spread over the whole width, the same in every post. */
      col_w = (w - label_w) / cols;
    }
  else if (!b->party)
    {
      cell_w = cell_width (b);
      cols = print_grid_columns (w, cell_w, 0);
    }

  print_doc_clear (d);
  if (title)
    print_doc_add_text (d, title, 15, TRUE, PANGO_ALIGN_CENTER, 0);
  print_doc_add_text (d, print_tr (c, N_("Ballot paper")), 22, TRUE, PANGO_ALIGN_CENTER, 0);
  if (date)
    {
      g_autofree char *line = g_strdup_printf (print_tr (c, N_("Election day: %s")), date);
      print_doc_add_space (d, 2);
      print_doc_add_text (d, line, 10.5, FALSE, PANGO_ALIGN_CENTER, 0);
    }
  print_doc_add_space (d, 6);
  {
    PangoLayout *l = print_text (c, text, 9, FALSE, w - 2 * BOX_PAD * c->scale, PANGO_ALIGN_LEFT);
    item = print_doc_add (d, print_layout_height (l) + 2 * BOX_PAD * c->scale, draw_boxed_text);
    item->layout = l;
  }
  for (guint i = 0; i < b->contests->len; i++)
    {
      const Contest *k = g_ptr_array_index (b->contests, i);
      print_doc_add_space (d, 7);
      add_heading (b, i, k);
      if (b->compact)
        add_party_compact (b, k, label_w, col_w, cols);
      else if (b->party)
        add_party_table (b, k);
      else
        /* Cells spread over the whole width, the same in every post. */
        add_grid (b, k, w / cols, cols);
    }
}

static guint
pages_at (double scale, gpointer data)
{
  Ballot *b = data;
  b->c->scale = scale;
  build (b);
  if (b->c->error)
    return 1;   /* stop: the error is reported */
  return print_doc_flow (b->doc);
}

gboolean
elect_print_ballot (const ElectRules *rules, const ElectPaper *paper,
                    const ElectPrintOptions *options, const char *path, guint *out_pages,
                    GError **error)
{
  g_autoptr (PrintCtx) c = NULL;
  g_autoptr (PrintDoc) doc = NULL;
  g_autoptr (GPtrArray) contests = g_ptr_array_new_with_free_func (contest_free);
  const char *order;
  gboolean strokes;
  Ballot b;
  double scale;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = print_ctx_new (options, error);
  if (c == NULL)
    return FALSE;
  order = print_opt (options, PRINT_OPT_ORDER);
  strokes = strcmp (order, "given") != 0;
  for (guint i = 0; i < elect_paper_get_n_contests (paper); i++)
    {
      Contest *k = g_new0 (Contest, 1);
      guint n = elect_paper_get_n_candidates (paper, i);
      g_autofree const char **names = g_new0 (const char *, n + 1);
      g_ptr_array_add (contests, k);
      k->title = elect_paper_get_contest_title (paper, i);
      k->seats = elect_paper_get_seats (paper, i);
      k->women_only = elect_paper_is_women_only (paper, i);
      if (k->seats > MAX_WRITE_INS)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                       _("Post “%s” has %lld seats: a ballot paper prints at most %u write-in places a post"),
                       k->title, (long long) k->seats, (guint) MAX_WRITE_INS);
          return FALSE;
        }
      for (guint j = 0; j < n; j++)
        names[j] = elect_paper_get_candidate_name (paper, i, j);
      k->names = print_order_names (names, n, strokes, elect_collation_for_rules (rules), error);
      if (k->names == NULL)
        return FALSE;
    }

  doc = print_doc_new (c);
  b.c = c;
  b.doc = doc;
  b.rules = rules;
  b.party = elect_paper_has_party_marks (paper);
  b.compact = FALSE;
  b.contests = contests;
  if (b.party)
    {
      /* A row per candidate while the type stays large; else compact. */
      gboolean fits = FALSE;
      scale = print_fit_scale (pages_at, &b, 1, 1.0, ROW_SCALE_MIN, SCALE_STEP, &fits);
      b.compact = !fits;
    }
  if (!b.party || b.compact)
    scale = print_fit_scale (pages_at, &b, 1, 1.0, SCALE_MIN, SCALE_STEP, NULL);
  if (!print_ctx_check (c, error))
    return FALSE;
  g_debug ("ballot: type scale %.2f%s", scale, b.compact ? ", compact" : "");
  c->scale = scale;
  build (&b);
  {
    const char *title = print_opt (options, PRINT_OPT_TITLE);
    g_autofree char *meta = title ? g_strdup_printf ("%s %s", title, print_tr (c, N_("Ballot paper")))
                                  : g_strdup (print_tr (c, N_("Ballot paper")));
    return print_doc_write (doc, path, meta, out_pages, error);
  }
}
