/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The result announcement (选举结果公告): elect_print_result() and
 * elect_print_result_from_json(). From a result (FORMATS.md §2): the
 * turnout and the validity of the round, the persons elected per post, each
 * post's votes in a table, what happens next, the basis of every decision
 * with its citation (option `reasons`), then 特此公告, the issuer with the
 * place of the seal and the date. */
#include "config.h"
#include "print-render-private.h"

#include <string.h>

#define BODY 11.0
#define TABLE 10.5

static const char *
status_text (PrintCtx *c, const char *status)
{
  if (strcmp (status, "elected") == 0)
    return print_tr (c, N_("elected"));
  if (strcmp (status, "below_threshold") == 0)
    return print_tr (c, N_("below the threshold"));
  if (strcmp (status, "outranked") == 0)
    return print_tr (c, N_("reached the threshold, outranked"));
  if (strcmp (status, "tied") == 0)
    return print_tr (c, N_("tied at the last seat: revote"));
  if (strcmp (status, "elected_higher_post") == 0)
    return print_tr (c, N_("elected to a higher post"));
  if (strcmp (status, "relative_avoided") == 0)
    return print_tr (c, N_("gives way to a relative (avoidance)"));
  if (strcmp (status, "not_eligible") == 0)
    return print_tr (c, N_("not eligible for this post"));
  return print_tr (c, N_("not decided"));
}

static char *
join_names (PrintCtx *c, const GPtrArray *names)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; names && i < names->len; i++)
    {
      if (i)
        g_string_append (out, c->zh ? "、" : ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
  if (out->len == 0)
    g_string_append (out, print_tr (c, N_("(none)")));
  return g_string_free (out, FALSE);
}

/* Appends to out (a GString) the sentence of a next action. */
static gboolean
append_next (PrintCtx *c, GString *out, const PrintResContest *k)
{
  g_autofree char *names = join_names (c, k->next_candidates);
  long long seats = (long long) k->next_seats;
  const char *end = print_tr (c, N_("."));

  if (strcmp (k->action, "revote") == 0)
    {
      g_string_append_printf (out, print_tr (c, N_("a revote for %lld seat(s) among the tied candidates: ")), seats);
      g_string_append (out, names);
      g_string_append (out, end);
    }
  else if (strcmp (k->action, "supplementary") == 0)
    {
      g_string_append_printf (out, print_tr (c, N_("a supplementary round for %lld seat(s); candidates: ")), seats);
      g_string_append (out, names);
      g_string_append (out, end);
    }
  else if (strcmp (k->action, "women_seat") == 0)
    {
      g_string_append_printf (out, print_tr (c, N_("a woman member must still be elected (%lld seat(s)); candidates: ")), seats);
      g_string_append (out, names);
      g_string_append (out, end);
    }
  else if (strcmp (k->action, "vacant") == 0)
    g_string_append_printf (out, print_tr (c, N_("%lld seat(s) stay vacant, as the rules allow.")), seats);
  else if (strcmp (k->action, "rerun") == 0)
    g_string_append (out, print_tr (c, N_("the round is void: the election is held again.")));
  else if (strcmp (k->action, "recount") == 0)
    g_string_append (out, print_tr (c, N_("the tally sheet does not add up: the ballots are counted again.")));
  else if (strcmp (k->action, "avoidance_vote") == 0)
    {
      g_string_append (out, print_tr (c, N_("a further vote between related winners: ")));
      g_string_append (out, names);
      g_string_append (out, end);
    }
  else
    return FALSE;
  return TRUE;
}

static char *
turnout_text (PrintCtx *c, const PrintResult *r, gboolean party)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (strcmp (r->round, "revote") == 0)
    g_string_append (out, print_tr (c, N_("This was a revote among tied candidates. ")));
  else if (strcmp (r->round, "supplementary") == 0)
    g_string_append (out, print_tr (c, N_("This was a supplementary round. ")));
  g_ptr_array_add (parts, g_strdup_printf (party ? print_tr (c, N_("%lld members entitled to vote"))
                                                 : print_tr (c, N_("%lld registered voters")),
                                           (long long) r->electorate));
  if (r->present >= 0)
    g_ptr_array_add (parts, g_strdup_printf (print_tr (c, N_("%lld present")), (long long) r->present));
  if (r->issued >= 0)
    g_ptr_array_add (parts, g_strdup_printf (print_tr (c, N_("%lld ballots issued")), (long long) r->issued));
  g_ptr_array_add (parts, g_strdup_printf (print_tr (c, N_("%lld ballots returned")), (long long) r->returned));
  g_ptr_array_add (parts, g_strdup_printf (print_tr (c, N_("%lld valid and %lld invalid")),
                                           (long long) r->ballots_valid, (long long) r->ballots_invalid));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i)
        g_string_append (out, c->zh ? "，" : ", ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  g_string_append (out, print_tr (c, N_(".")));
  if (r->quorum_required >= 0)
    {
      g_string_append (out, c->zh ? "" : " ");
      g_string_append_printf (out, r->quorum_met
                                ? print_tr (c, N_("At least %lld had to take part and %lld did: the quorum is met."))
                                : print_tr (c, N_("At least %lld had to take part and %lld did: the quorum is not met.")),
                              (long long) r->quorum_required, (long long) r->quorum_actual);
    }
  g_string_append (out, c->zh ? "" : " ");
  g_string_append (out, r->valid ? print_tr (c, N_("The election is valid."))
                                 : print_tr (c, N_("The election is not valid: no one is elected.")));
  return g_string_free (out, FALSE);
}

static void
add_heading (PrintDoc *d, const char *text)
{
  print_doc_add_space (d, 10)->keep_with_next = TRUE;
  print_doc_add_text (d, text, 12.5, TRUE, PANGO_ALIGN_LEFT, 0)->keep_with_next = TRUE;
  print_doc_add_space (d, 4)->keep_with_next = TRUE;
}

static gboolean
render (PrintCtx *c, const PrintResult *r, const char *path, guint *out_pages, GError **error)
{
  g_autoptr (PrintDoc) d = print_doc_new (c);
  g_autoptr (ElectRules) rules = elect_rules_load (r->profile, NULL);
  gboolean party = rules ? elect_rules_get_kind (rules) == ELECT_KIND_PARTY_COMMITTEE
                         : r->present >= 0;
  ElectKind kind = rules ? elect_rules_get_kind (rules)
                         : party ? ELECT_KIND_PARTY_COMMITTEE : ELECT_KIND_VILLAGE_COMMITTEE;
  const char *opt_title = print_opt (c->opts, PRINT_OPT_TITLE);
  g_autofree char *title = NULL;
  g_autofree char *date = print_option_date (c);
  g_autofree char *turnout = turnout_text (c, r, party);
  double w = print_content_width (c);
  guint section = 0;
  gboolean any_next = FALSE;
  GString *next = g_string_new (NULL);

  if (opt_title && c->zh && g_str_has_suffix (opt_title, "选举"))
    title = g_strdup_printf ("%s结果公告", opt_title);   /* not "…选举选举结果公告" */
  else if (opt_title)
    title = g_strdup_printf (print_tr (c, N_("%s: announcement of the result")), opt_title);
  else
    title = g_strdup (print_tr (c, N_("Announcement of the election result")));

  d->running = g_strdup (title);
  print_doc_add_text (d, title, 18, TRUE, PANGO_ALIGN_CENTER, 0);
  print_doc_add_space (d, 10);
  if (date)
    {
      g_autofree char *line = g_strdup_printf (print_tr (c, N_("Election day: %s")), date);
      print_doc_add_text (d, line, BODY, FALSE, PANGO_ALIGN_LEFT, 0);
      print_doc_add_space (d, 3);
    }
  print_doc_add_text (d, turnout, BODY, FALSE, PANGO_ALIGN_LEFT, 0);

  /* Who is elected to which post. */
  {
    g_autofree char *num = print_section_number (c, ++section);
    g_autofree char *h = g_strconcat (num, print_tr (c, N_("The persons elected")), NULL);
    const double xs[] = { 0, 0.3 * w, w };
    const char *head[] = { print_tr (c, N_("Post")), print_tr (c, N_("Elected")) };
    add_heading (d, h);
    print_doc_add_row (d, head, xs, 2, TABLE, PRINT_ROW_HEADER | PRINT_ROW_BORDERS, NULL)
      ->keep_with_next = TRUE;
    for (guint i = 0; i < r->contests->len; i++)
      {
        const PrintResContest *k = g_ptr_array_index (r->contests, i);
        g_autofree char *names = join_names (c, k->elected);
        const char *row[] = { k->title, names };
        print_doc_add_row (d, row, xs, 2, TABLE, PRINT_ROW_BORDERS, NULL)->keep_with_next =
          i + 1 < r->contests->len;
      }
  }

  /* The votes, post by post. */
  {
    g_autofree char *num = print_section_number (c, ++section);
    g_autofree char *h = g_strconcat (num, print_tr (c, N_("The votes")), NULL);
    const double xs[] = { 0, 0.4 * w, 0.6 * w, w };
    const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT };
    add_heading (d, h);
    for (guint i = 0; i < r->contests->len; i++)
      {
        const PrintResContest *k = g_ptr_array_index (r->contests, i);
        g_autofree char *sub = k->threshold > 0
          ? g_strdup_printf (print_tr (c, N_("%s (%lld seat(s); at least %lld votes to be elected)")),
                             k->title, (long long) k->seats, (long long) k->threshold)
          : g_strdup_printf (print_tr (c, N_("%s (%lld seat(s))")), k->title, (long long) k->seats);
        const char *head[] = { print_tr (c, N_("Candidate")), print_tr (c, N_("Votes")),
                               print_tr (c, N_("Result")) };
        if (i)
          print_doc_add_space (d, 6)->keep_with_next = TRUE;
        print_doc_add_text (d, sub, BODY, TRUE, PANGO_ALIGN_LEFT, 0)->keep_with_next = TRUE;
        print_doc_add_space (d, 3)->keep_with_next = TRUE;
        print_doc_add_row (d, head, xs, 3, TABLE, PRINT_ROW_HEADER | PRINT_ROW_BORDERS, align)
          ->keep_with_next = TRUE;
        for (guint j = 0; j < k->candidates->len; j++)
          {
            const PrintResCandidate *cand = g_ptr_array_index (k->candidates, j);
            g_autofree char *name = cand->write_in
              ? g_strconcat (cand->name, print_tr (c, N_(" (write-in)")), NULL)
              : g_strdup (cand->name);
            char votes[32];
            const char *row[] = { name, votes, status_text (c, cand->status) };
            g_snprintf (votes, sizeof votes, "%lld", (long long) cand->votes);
            print_doc_add_row (d, row, xs, 3, TABLE, PRINT_ROW_BORDERS, align)->keep_with_next =
              j + 1 < k->candidates->len || k->abstentions >= 0;
          }
        if (k->abstentions >= 0)
          {
            g_autofree char *line = g_strdup_printf (print_tr (c, N_("Abstentions: %lld")),
                                                     (long long) k->abstentions);
            print_doc_add_space (d, 2)->keep_with_next = TRUE;
            print_doc_add_text (d, line, TABLE, FALSE, PANGO_ALIGN_LEFT, 0);
          }
        if (strcmp (k->action, "none") != 0)
          {
            g_string_append_printf (next, "%s%s", next->len ? "\n" : "", k->title);
            g_string_append (next, c->zh ? "：" : ": ");
            if (!append_next (c, next, k))
              g_string_append (next, k->action);
            any_next = TRUE;
          }
      }
  }

  /* What happens next. */
  {
    g_autofree char *num = print_section_number (c, ++section);
    g_autofree char *h = g_strconcat (num, print_tr (c, N_("What happens next")), NULL);
    add_heading (d, h);
    print_doc_add_text (d, any_next ? next->str : print_tr (c, N_("Every seat is filled: nothing remains to be decided.")),
                        BODY, FALSE, PANGO_ALIGN_LEFT, 0);
  }
  g_string_free (next, TRUE);

  /* The basis of the decisions. */
  if (strcmp (print_opt (c->opts, PRINT_OPT_REASONS), "yes") == 0 && r->reasons->len > 0)
    {
      g_autofree char *num = print_section_number (c, ++section);
      g_autofree char *h = g_strconcat (num, print_tr (c, N_("Basis of the decisions")), NULL);
      add_heading (d, h);
      for (guint i = 0; i < r->reasons->len; i++)
        {
          const PrintResReason *reason = g_ptr_array_index (r->reasons, i);
          const char *msg = reason->message && *reason->message ? reason->message : reason->code;
          g_autofree char *line = reason->citation && *reason->citation
            ? g_strdup_printf (print_tr (c, N_("%s (%s)")), msg, reason->citation)
            : g_strdup (msg);
          g_autofree char *bullet = g_strconcat ("• ", line, NULL);
          print_doc_add_text (d, bullet, 8.5, FALSE, PANGO_ALIGN_LEFT, 6);
          print_doc_add_space (d, 1.5);
        }
    }

  /* With at least the last lines above it (never alone on the last page). */
  print_doc_add_closing (d, 16, BODY, print_issuer (c, kind), date);
  return print_doc_write (d, path, title, out_pages, error);
}

gboolean
elect_print_result_from_json (const char *data, gssize length, const ElectPrintOptions *options,
                              const char *path, guint *out_pages, GError **error)
{
  g_autoptr (PrintCtx) c = NULL;
  g_autoptr (PrintResult) r = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = print_ctx_new (options, error);
  if (c == NULL)
    return FALSE;
  r = print_result_from_json (data, length, error);
  if (r == NULL)
    return FALSE;
  return render (c, r, path, out_pages, error);
}

gboolean
elect_print_result (const ElectOutcome *outcome, const ElectPrintOptions *options,
                    const char *path, guint *out_pages, GError **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (outcome != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json = elect_outcome_to_json (outcome, print_opt (options, PRINT_OPT_LANG));
  return elect_print_result_from_json (json, -1, options, path, out_pages, error);
}
