/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The official candidate list (正式候选人名单): elect_print_candidates()
 * from a paper and elect_print_candidates_from_json() from the output of
 * elect-slate. The order of the names follows the profile (RULES.md §7.3;
 * `candidates.list_order`: by nomination votes or by strokes) unless the
 * option `order` says otherwise, and the list states the rule it follows
 * with its citation. */
#include "config.h"
#include "print-render-private.h"

#include <stdlib.h>
#include <string.h>

#define NAMES_PER_ROW 6
#define NAME_SIZE 14.0

typedef enum { ORDER_STROKES, ORDER_VOTES, ORDER_GIVEN } ListOrder;

typedef struct {
  const char *title;
  gint64 seats;
  gboolean women_only;
  GPtrArray *names;             /* borrowed, in print order */
  GPtrArray *primary;           /* borrowed */
} ListPost;

static void
list_post_free (gpointer p)
{
  ListPost *post = p;
  if (post->names)
    g_ptr_array_unref (post->names);
  if (post->primary)
    g_ptr_array_unref (post->primary);
  g_free (post);
}

typedef struct {
  const ElectRules *rules;      /* NULL when no profile is known */
  ElectCollation collation;
  ListOrder order;
  gboolean valid;
  GPtrArray *posts;             /* ListPost * */
} List;

static char *
order_statement (PrintCtx *c, const List *l)
{
  const char *rule, *citation = NULL;
  switch (l->order)
    {
    case ORDER_VOTES:
      rule = print_tr (c, N_("in order of nomination votes, most first"));
      citation = l->rules ? elect_rules_get_citation (l->rules, "candidates.list_order") : NULL;
      break;
    case ORDER_GIVEN:
      rule = print_tr (c, N_("in the order given"));
      break;
    default:
      rule = l->collation == ELECT_COLLATION_NAME_STROKES
             ? print_tr (c, N_("in order of the strokes of the name"))
             : print_tr (c, N_("in order of the strokes of the surname"));
      if (l->rules)
        {
          const char *lo = elect_rules_get_policy (l->rules, "candidates.list_order", NULL);
          citation = elect_rules_get_citation (l->rules, lo && strcmp (lo, "strokes") == 0
                                                         ? "candidates.list_order"
                                                         : "candidates.name_order");
        }
      break;
    }
  if (citation && *citation)
    return g_strdup_printf (print_tr (c, N_("%s (%s)")), rule, citation);
  return g_strdup (rule);
}

static gboolean
render (PrintCtx *c, const List *l, ElectKind kind, const char *path, guint *out_pages,
        GError **error)
{
  g_autoptr (PrintDoc) d = print_doc_new (c);
  const char *opt_title = print_opt (c->opts, PRINT_OPT_TITLE);
  g_autofree char *title = opt_title
    ? g_strdup_printf (print_tr (c, N_("%s: official candidates")), opt_title)
    : g_strdup (print_tr (c, N_("Official candidates")));
  g_autofree char *rule = order_statement (c, l);
  g_autofree char *order = g_strdup_printf (print_tr (c, N_("Order of the names: %s.")), rule);
  g_autofree char *date = print_option_date (c);
  double w = print_content_width (c);
  double xs[NAMES_PER_ROW + 1];
  PangoAlignment align[NAMES_PER_ROW];

  for (guint i = 0; i <= NAMES_PER_ROW; i++)
    xs[i] = w * i / NAMES_PER_ROW;
  for (guint i = 0; i < NAMES_PER_ROW; i++)
    align[i] = PANGO_ALIGN_CENTER;

  d->running = g_strdup (title);
  print_doc_add_text (d, title, 18, TRUE, PANGO_ALIGN_CENTER, 0);
  print_doc_add_space (d, 10);
  print_doc_add_text (d, print_tr (c, N_("The official candidates are published as follows.")), 11,
                      FALSE, PANGO_ALIGN_LEFT, 0);
  print_doc_add_space (d, 3);
  print_doc_add_text (d, order, 11, FALSE, PANGO_ALIGN_LEFT, 0);
  if (!l->valid)
    {
      print_doc_add_space (d, 6);
      print_doc_add_text (d, print_tr (c, N_("The nomination is not valid: no official candidates can be published.")),
                          11, TRUE, PANGO_ALIGN_LEFT, 0);
    }
  for (guint i = 0; i < l->posts->len; i++)
    {
      const ListPost *post = g_ptr_array_index (l->posts, i);
      g_autofree char *num = print_section_number (c, i + 1);
      g_autofree char *seats = g_strdup_printf (print_tr (c, N_(" (%lld seat(s), %u candidate(s))")),
                                                (long long) post->seats, post->names->len);
      g_autofree char *heading = g_strconcat (num, post->title, seats,
                                              post->women_only ? print_tr (c, N_(" — a post of its own, for women only")) : "",
                                              NULL);
      PrintItem *item;
      print_doc_add_space (d, 12);
      item = print_doc_add_text (d, heading, 12, TRUE, PANGO_ALIGN_LEFT, 0);
      item->keep_with_next = TRUE;
      print_doc_add_space (d, 4)->keep_with_next = TRUE;
      if (post->names->len == 0)
        print_doc_add_text (d, print_tr (c, N_("(none)")), NAME_SIZE, FALSE, PANGO_ALIGN_LEFT,
                            12);
      for (guint first = 0; first < post->names->len; first += NAMES_PER_ROW)
        {
          const char *cells[NAMES_PER_ROW] = { NULL };
          for (guint k = 0; k < NAMES_PER_ROW && first + k < post->names->len; k++)
            cells[k] = g_ptr_array_index (post->names, first + k);
          item = print_doc_add_row (d, cells, xs, NAMES_PER_ROW, NAME_SIZE, 0, align);
          item->keep_with_next = first + NAMES_PER_ROW < post->names->len;
        }
      if (post->primary && post->primary->len > 0)
        {
          GString *names = g_string_new (NULL);
          g_autofree char *line = NULL;
          for (guint k = 0; k < post->primary->len; k++)
            {
              if (k)
                g_string_append (names, c->zh ? "、" : ", ");
              g_string_append (names, g_ptr_array_index (post->primary, k));
            }
          line = g_strdup_printf (print_tr (c, N_("Tied at the cut-off, to be decided by a primary vote: %s")),
                                  names->str);
          g_string_free (names, TRUE);
          print_doc_add_space (d, 4);
          print_doc_add_text (d, line, 10.5, FALSE, PANGO_ALIGN_LEFT, 12);
        }
    }
  print_doc_add_closing (d, 18, 11, print_issuer (c, kind), date);
  return print_doc_write (d, path, title, out_pages, error);
}

static ListOrder
option_order (const ElectPrintOptions *options, const ElectRules *rules, gboolean votes_known)
{
  const char *order = print_opt (options, PRINT_OPT_ORDER);
  if (strcmp (order, "given") == 0)
    return ORDER_GIVEN;
  if (strcmp (order, "strokes") == 0 || rules == NULL || !votes_known)
    return ORDER_STROKES;
  order = elect_rules_get_policy (rules, "candidates.list_order", NULL);
  if (order && (strcmp (order, "votes") == 0 || strcmp (order, "nomination-votes") == 0))
    return ORDER_VOTES;
  return ORDER_STROKES;
}

gboolean
elect_print_candidates (const ElectRules *rules, const ElectPaper *paper,
                        const ElectPrintOptions *options, const char *path, guint *out_pages,
                        GError **error)
{
  g_autoptr (PrintCtx) c = NULL;
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func (list_post_free);
  List l;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = print_ctx_new (options, error);
  if (c == NULL)
    return FALSE;
  l.rules = rules;
  l.collation = elect_collation_for_rules (rules);
  /* A paper has no nomination votes: by strokes, or as given. */
  l.order = option_order (options, rules, FALSE);
  l.valid = TRUE;
  l.posts = posts;
  for (guint i = 0; i < elect_paper_get_n_contests (paper); i++)
    {
      ListPost *post = g_new0 (ListPost, 1);
      guint n = elect_paper_get_n_candidates (paper, i);
      g_autofree const char **names = g_new0 (const char *, n + 1);
      g_ptr_array_add (posts, post);
      post->title = elect_paper_get_contest_title (paper, i);
      post->seats = elect_paper_get_seats (paper, i);
      post->women_only = elect_paper_is_women_only (paper, i);
      for (guint j = 0; j < n; j++)
        names[j] = elect_paper_get_candidate_name (paper, i, j);
      post->names = print_order_names (names, n, l.order != ORDER_GIVEN, l.collation, error);
      if (post->names == NULL)
        return FALSE;
    }
  return render (c, &l, elect_rules_get_kind (rules), path, out_pages, error);
}

static gint64
nominee_votes (const PrintListPost *post, const char *name)
{
  for (guint i = 0; i < post->nominees->len; i++)
    {
      const PrintNominee *n = g_ptr_array_index (post->nominees, i);
      if (strcmp (n->name, name) == 0)
        return n->votes;
    }
  return -1;
}

typedef struct {
  const char *name;
  gint64 votes;
  guint stroke_rank;
} Ranked;

static gint
by_votes (gconstpointer pa, gconstpointer pb)
{
  const Ranked *a = pa, *b = pb;
  if (a->votes != b->votes)
    return a->votes > b->votes ? -1 : 1;
  return a->stroke_rank < b->stroke_rank ? -1 : a->stroke_rank > b->stroke_rank;
}

static const char *
default_title (PrintCtx *c, const PrintListPost *post)
{
  if (post->title)
    return post->title;
  if (post->kind && strcmp (post->kind, "chair") == 0)
    return print_tr (c, N_("Chair"));
  if (post->kind && strcmp (post->kind, "vice") == 0)
    return print_tr (c, N_("Vice-chair"));
  if (post->kind && strcmp (post->kind, "member") == 0)
    return print_tr (c, N_("Member"));
  return post->id;
}

gboolean
elect_print_candidates_from_json (const char *data, gssize length,
                                  const ElectPrintOptions *options, const char *path,
                                  guint *out_pages, GError **error)
{
  g_autoptr (PrintCtx) c = NULL;
  g_autoptr (PrintList) model = NULL;
  g_autoptr (ElectRules) rules = NULL;
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func (list_post_free);
  const char *profile;
  gboolean votes_known = TRUE;
  List l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = print_ctx_new (options, error);
  if (c == NULL)
    return FALSE;
  model = print_list_from_json (data, length, error);
  if (model == NULL)
    return FALSE;
  profile = model->profile ? model->profile : print_opt (options, PRINT_OPT_PROFILE);
  if (profile)
    {
      rules = elect_rules_load (profile, error);
      if (rules == NULL)
        return FALSE;
    }
  l.rules = rules;
  l.collation = rules ? elect_collation_for_rules (rules) : ELECT_COLLATION_SURNAME_STROKES;
  if (model->name_order)
    {
      if (strcmp (model->name_order, "name-strokes") == 0)
        l.collation = ELECT_COLLATION_NAME_STROKES;
      else if (strcmp (model->name_order, "surname-strokes") == 0)
        l.collation = ELECT_COLLATION_SURNAME_STROKES;
      else
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: expected “%s” or “%s”"), "$.name_order", "surname-strokes",
                       "name-strokes");
          return FALSE;
        }
    }
  for (guint i = 0; i < model->posts->len; i++)
    {
      const PrintListPost *p = g_ptr_array_index (model->posts, i);
      for (guint k = 0; k < p->official->len; k++)
        if (nominee_votes (p, g_ptr_array_index (p->official, k)) < 0)
          votes_known = FALSE;
    }
  l.order = option_order (options, rules, votes_known);
  l.valid = model->valid;
  l.posts = posts;
  for (guint i = 0; i < model->posts->len; i++)
    {
      const PrintListPost *p = g_ptr_array_index (model->posts, i);
      ListPost *post = g_new0 (ListPost, 1);
      g_ptr_array_add (posts, post);
      post->title = default_title (c, p);
      post->seats = p->seats;
      post->women_only = p->women_only;
      post->names = print_order_names ((const char *const *) p->official->pdata, p->official->len,
                                       l.order != ORDER_GIVEN, l.collation, error);
      if (post->names == NULL)
        return FALSE;
      if (l.order == ORDER_VOTES)
        {
          /* Most votes first; equal votes in stroke order (names->pdata is
           * in stroke order now). */
          g_autofree Ranked *ranked = g_new0 (Ranked, MAX (post->names->len, 1));
          for (guint k = 0; k < post->names->len; k++)
            {
              ranked[k].name = g_ptr_array_index (post->names, k);
              ranked[k].votes = nominee_votes (p, ranked[k].name);
              ranked[k].stroke_rank = k;
            }
          qsort (ranked, post->names->len, sizeof *ranked, by_votes);
          for (guint k = 0; k < post->names->len; k++)
            post->names->pdata[k] = (gpointer) ranked[k].name;
        }
      post->primary = g_ptr_array_new ();
      for (guint k = 0; k < p->nominees->len; k++)
        {
          const PrintNominee *n = g_ptr_array_index (p->nominees, k);
          if (n->status && strcmp (n->status, "primary") == 0)
            g_ptr_array_add (post->primary, n->name);
        }
    }
  return render (c, &l, rules ? elect_rules_get_kind (rules) : ELECT_KIND_VILLAGE_COMMITTEE, path,
                 out_pages, error);
}
