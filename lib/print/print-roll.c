/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The public roll (选民名单, RULES.md §4.4): elect_print_roll().
 *
 * The people and their masked ID numbers come from
 * elect_roll_to_public_csv(), read back with print_roll_list_from_csv(),
 * so the printed roll lists exactly who the published CSV lists, masked the
 * same way (and the reader refuses an ID number without a mask). Two
 * columns of a table per page (No., name, sex, ID number), by villager
 * group with a heading, a subtotal per group and the total at the end; the
 * notice at the top of the first page gives the election day, the
 * publication day and the objection period; every page is numbered. */
#include "config.h"
#include "print-render-private.h"

#include <string.h>

#define ROW_SIZE 9.0
#define ROW_H 14.0
#define GUTTER (6 * PRINT_MM)
#define COLUMNS 2

typedef struct {
  PrintCtx *c;
  PrintRollList *list;
  ElectKind kind;
  PangoLayout *title;
  PangoLayout *notice;
  double top_first;             /* where the table starts on the first page */
  GArray *slots;
  guint *first_slot;            /* per page, index of its first slot; [n_pages] = slots->len */
  char *running;
} Roll;

/* Offsets of the columns of one table, from its left edge, and its width. */
static void
column_xs (const PrintCtx *c, double xs[5])
{
  double w = (print_content_width (c) - (COLUMNS - 1) * GUTTER) / COLUMNS;
  xs[0] = 0;
  xs[1] = 0.12 * w;
  xs[2] = 0.40 * w;
  xs[3] = 0.52 * w;
  xs[4] = w;
}

static void
cell (PrintCtx *c, cairo_t *cr, const char *text, double x0, double x1, double y,
      gboolean bold, PangoAlignment align)
{
  g_autoptr (PangoLayout) l = print_text (c, text, ROW_SIZE, bold, x1 - x0 - 4, align);
  print_show (cr, l, x0 + 2, y + (ROW_H - print_layout_height (l)) / 2);
}

static void
shaded (cairo_t *cr, double x, double y, double w, double level)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, level, level, level);
  cairo_rectangle (cr, x, y, w, ROW_H);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_header_row (Roll *r, cairo_t *cr, double x, double y)
{
  PrintCtx *c = r->c;
  double xs[5];
  const char *heads[4] = { print_tr (c, N_("No.")), print_tr (c, N_("Name")),
                           print_tr (c, N_("Sex")), print_tr (c, N_("ID number (masked)")) };
  column_xs (c, xs);
  shaded (cr, x, y, xs[4], 0.85);
  for (guint i = 0; i < 4; i++)
    cell (c, cr, heads[i], x + xs[i], x + xs[i + 1], y, TRUE, PANGO_ALIGN_CENTER);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y + ROW_H);
  cairo_line_to (cr, x + xs[4], y + ROW_H);
  cairo_stroke (cr);
}

static void
draw_slot (Roll *r, cairo_t *cr, const PrintRollSlot *s, double x, double y)
{
  PrintCtx *c = r->c;
  double xs[5];
  column_xs (c, xs);
  switch (s->kind)
    {
    case PRINT_ROLL_GROUP:
    case PRINT_ROLL_CONTINUED:
      {
        const PrintRollGroup *g = g_ptr_array_index (r->list->groups, s->group);
        const char *name = *g->name ? g->name : print_tr (c, N_("(no group)"));
        g_autofree char *text = s->kind == PRINT_ROLL_GROUP
          ? g_strdup_printf (print_tr (c, N_("%s (%u people)")), name, g->people->len)
          : g_strdup_printf (print_tr (c, N_("%s (continued)")), name);
        shaded (cr, x, y, xs[4], 0.93);
        cell (c, cr, text, x + xs[0], x + xs[4], y, TRUE, PANGO_ALIGN_LEFT);
        break;
      }
    case PRINT_ROLL_PERSON:
      {
        const PrintRollGroup *g = g_ptr_array_index (r->list->groups, s->group);
        const PrintRollPerson *p = g_ptr_array_index (g->people, s->person);
        char num[16];
        g_snprintf (num, sizeof num, "%u", s->person + 1);
        cell (c, cr, num, x + xs[0], x + xs[1], y, FALSE, PANGO_ALIGN_CENTER);
        cell (c, cr, p->name, x + xs[1], x + xs[2], y, FALSE, PANGO_ALIGN_LEFT);
        cell (c, cr, p->sex == ELECT_SEX_MALE ? print_tr (c, N_("male"))
                     : p->sex == ELECT_SEX_FEMALE ? print_tr (c, N_("female")) : "",
              x + xs[2], x + xs[3], y, FALSE, PANGO_ALIGN_CENTER);
        cell (c, cr, p->id_masked, x + xs[3], x + xs[4], y, FALSE, PANGO_ALIGN_LEFT);
        cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
        cairo_set_line_width (cr, 0.4);
        cairo_move_to (cr, x, y + ROW_H);
        cairo_line_to (cr, x + xs[4], y + ROW_H);
        cairo_stroke (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        break;
      }
    case PRINT_ROLL_GROUP_TOTAL:
      {
        const PrintRollGroup *g = g_ptr_array_index (r->list->groups, s->group);
        g_autofree char *text = g_strdup_printf (print_tr (c, N_("Subtotal: %u (men %u, women %u)")),
                                                 g->people->len, g->male, g->female);
        cell (c, cr, text, x + xs[0], x + xs[4], y, FALSE, PANGO_ALIGN_RIGHT);
        break;
      }
    case PRINT_ROLL_TOTAL:
      {
        g_autofree char *text = g_strdup_printf (
          r->kind == ELECT_KIND_PARTY_COMMITTEE
            ? print_tr (c, N_("Total: %u members with the right to vote (men %u, women %u)"))
            : print_tr (c, N_("Total: %u registered voters (men %u, women %u)")),
          r->list->n_people, r->list->male, r->list->female);
        shaded (cr, x, y, xs[4], 0.85);
        cell (c, cr, text, x + xs[0], x + xs[4], y, TRUE, PANGO_ALIGN_LEFT);
        break;
      }
    }
}

static void
draw_page (PrintCtx *c, cairo_t *cr, guint page, guint n_pages, gpointer data)
{
  Roll *r = data;
  double top = c->margin, colw = (print_content_width (c) - (COLUMNS - 1) * GUTTER) / COLUMNS;
  guint used_columns = 0;

  if (page == 0)
    {
      print_show (cr, r->title, c->margin, c->margin);
      print_show (cr, r->notice, c->margin, c->margin + print_layout_height (r->title) + 6);
      top = c->margin + r->top_first;
    }
  for (guint i = r->first_slot[page]; i < r->first_slot[page + 1]; i++)
    {
      const PrintRollSlot *s = &g_array_index (r->slots, PrintRollSlot, i);
      double x = c->margin + s->column * (colw + GUTTER);
      used_columns = MAX (used_columns, s->column + 1);
      draw_slot (r, cr, s, x, top + ROW_H * (s->row + 1));
    }
  for (guint col = 0; col < used_columns; col++)
    draw_header_row (r, cr, c->margin + col * (colw + GUTTER), top);
  print_footer (c, cr, page, n_pages, r->running, TRUE);
}

static char *
notice_text (PrintCtx *c, const ElectRoll *roll, ElectKind kind)
{
  const ElectRules *rules = elect_roll_get_rules (roll);
  const char *title = print_opt (c->opts, PRINT_OPT_TITLE);
  GString *out = g_string_new (NULL);
  GDate day, published;
  gint64 before = 0, decide = 0;
  gboolean have_published = FALSE;
  g_autofree char *day_s = NULL;

  elect_roll_get_election_day (roll, &day);
  day_s = print_format_date (c, &day);
  if (kind == ELECT_KIND_PARTY_COMMITTEE)
    {
      if (title)
        g_string_append_printf (out, print_tr (c, N_("The following Party members have the right to vote in %s.")), title);
      else
        g_string_append (out, print_tr (c, N_("The following Party members have the right to vote in this election.")));
    }
  else if (title)
    g_string_append_printf (out, print_tr (c, N_("The following voters are registered for %s.")), title);
  else
    g_string_append (out, print_tr (c, N_("The following voters are registered for this election.")));
  g_string_append (out, (c->zh ? "" : " "));
  g_string_append_printf (out, print_tr (c, N_("Election day: %s.")), day_s);

  if (print_parse_date (print_opt (c->opts, PRINT_OPT_PUBLISHED), &published))
    have_published = TRUE;
  else if (elect_rules_get_int (rules, "roll.publish_days_before", &before, NULL))
    {
      published = day;
      g_date_subtract_days (&published, (guint) before);
      have_published = TRUE;
    }
  if (have_published)
    {
      g_autofree char *p = print_format_date (c, &published);
      GDate first, last;
      g_string_append (out, (c->zh ? "" : " "));
      g_string_append_printf (out, print_tr (c, N_("Published on %s.")), p);
      if (elect_roll_objection_window (rules, &published, &first, &last, NULL)
          && elect_rules_get_int (rules, "roll.decision_days", &decide, NULL))
        {
          g_autofree char *f = print_format_date (c, &first);
          g_autofree char *l = print_format_date (c, &last);
          g_string_append (out, (c->zh ? "" : " "));
          g_string_append_printf (out, print_tr (c, N_("Objections to the roll may be made from %s to %s to the %s, and are decided within %lld days of receipt (%s).")),
                                  f, l, print_issuer (c, kind), (long long) decide,
                                  elect_rules_get_citation (rules, "roll.objection_days"));
        }
    }
  g_string_append (out, (c->zh ? "" : " "));
  g_string_append (out, print_tr (c, N_("ID numbers show only their first 6 and last 4 characters.")));
  return g_string_free (out, FALSE);
}

gboolean
elect_print_roll (const ElectRoll *roll, const ElectPrintOptions *options, const char *path,
                  guint *out_pages, GError **error)
{
  g_autoptr (PrintCtx) c = NULL;
  g_autoptr (PrintRollList) list = NULL;
  g_autoptr (GArray) sizes = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *title = NULL;
  const char *opt_title;
  Roll r = { 0 };
  guint n_pages, rows, rows_first;
  double avail;
  gboolean ok;

  g_return_val_if_fail (roll != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = print_ctx_new (options, error);
  if (c == NULL)
    return FALSE;
  csv = elect_roll_to_public_csv (roll, FALSE);
  list = print_roll_list_from_csv (csv, -1, error);
  if (list == NULL)
    return FALSE;

  r.c = c;
  r.list = list;
  r.kind = elect_rules_get_kind (elect_roll_get_rules (roll));
  opt_title = print_opt (options, PRINT_OPT_TITLE);
  if (r.kind == ELECT_KIND_PARTY_COMMITTEE)
    title = opt_title ? g_strdup_printf (print_tr (c, N_("%s: members with the right to vote")), opt_title)
                      : g_strdup (print_tr (c, N_("Members with the right to vote")));
  else
    title = opt_title ? g_strdup_printf (print_tr (c, N_("%s: the roll of voters")), opt_title)
                      : g_strdup (print_tr (c, N_("Roll of voters")));
  r.running = title;
  r.title = print_text (c, title, 16, TRUE, print_content_width (c), PANGO_ALIGN_CENTER);
  notice = notice_text (c, roll, r.kind);
  r.notice = print_text (c, notice, 9.5, FALSE, print_content_width (c), PANGO_ALIGN_LEFT);
  r.top_first = print_layout_height (r.title) + 6 + print_layout_height (r.notice) + 8;

  avail = c->page_h - 2 * c->margin;
  rows = (guint) ((avail - ROW_H) / ROW_H);             /* below the header row */
  rows_first = (guint) MAX (0, (avail - r.top_first - ROW_H) / ROW_H);
  sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint g = 0; g < list->groups->len; g++)
    {
      const PrintRollGroup *grp = g_ptr_array_index (list->groups, g);
      g_array_append_val (sizes, grp->people->len);
    }
  r.slots = print_roll_flow ((const guint *) sizes->data, sizes->len, rows_first, rows, COLUMNS,
                             &n_pages);
  r.first_slot = g_new0 (guint, n_pages + 1);
  for (guint p = 0, i = 0; p <= n_pages; p++)
    {
      while (i < r.slots->len && g_array_index (r.slots, PrintRollSlot, i).page < p)
        i++;
      r.first_slot[p] = i;
    }

  ok = print_ctx_check (c, error)
       && print_write (c, n_pages, draw_page, &r, path, title, error);
  g_object_unref (r.title);
  g_object_unref (r.notice);
  g_array_unref (r.slots);
  g_free (r.first_slot);
  if (ok && out_pages)
    *out_pages = n_pages;
  return ok;
}
