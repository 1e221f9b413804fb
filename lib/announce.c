/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The announcement of a result (选举结果公告): elect_outcome_to_text(). */
#include "config.h"

#include "elect/elect.h"
#include "elect/elect-election.h"
#include "i18n-private.h"

#include <stdlib.h>
#include <string.h>

#define T(msgid) elect_tr (lang, msgid)

static const char *
status_text (const char *lang, ElectStatus st)
{
  switch (st)
    {
    case ELECT_STATUS_ELECTED: return T (N_("elected"));
    case ELECT_STATUS_BELOW_THRESHOLD: return T (N_("below the threshold"));
    case ELECT_STATUS_OUTRANKED: return T (N_("reached the threshold, outranked"));
    case ELECT_STATUS_TIED: return T (N_("tied at the last seat: revote"));
    case ELECT_STATUS_ELECTED_HIGHER_POST: return T (N_("elected to a higher post"));
    case ELECT_STATUS_RELATIVE_AVOIDED: return T (N_("gives way to a relative (avoidance)"));
    case ELECT_STATUS_NOT_ELIGIBLE: return T (N_("not eligible for this post"));
    /* the round was not decided (void, or a tally sheet to count again) */
    default: return T (N_("not decided"));
    }
}

static void
append_names (GString *out, const char *lang, const char *const *names)
{
  const char *sep = elect_lang_is_zh (lang) ? "、" : ", ";
  for (guint i = 0; names && names[i]; i++)
    {
      if (i)
        g_string_append (out, sep);
      g_string_append (out, names[i]);
    }
  if (names == NULL || names[0] == NULL)
    g_string_append (out, T (N_("(none)")));
}

static void
append_count (GString *out, gint64 n)
{
  if (n < 0)
    g_string_append (out, "—");
  else
    g_string_append_printf (out, "%lld", (long long) n);
}

static const char *const zh_numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

static void
append_next (GString *out, const char *lang, const ElectOutcome *o, guint c)
{
  gint64 seats = elect_outcome_get_next_seats (o, c);
  const char *const *cands = elect_outcome_get_next_candidates (o, c);
  g_string_append (out, T (N_("Next: ")));
  switch (elect_outcome_get_next_action (o, c))
    {
    case ELECT_ACTION_NONE:
      g_string_append (out, T (N_("none, every seat is filled.")));
      break;
    case ELECT_ACTION_REVOTE:
      g_string_append_printf (out, T (N_("a revote for %lld seat(s) among the tied candidates: ")), (long long) seats);
      append_names (out, lang, cands);
      g_string_append (out, T (N_(".")));
      break;
    case ELECT_ACTION_SUPPLEMENTARY:
      g_string_append_printf (out, T (N_("a supplementary round for %lld seat(s); candidates: ")), (long long) seats);
      append_names (out, lang, cands);
      g_string_append (out, T (N_(".")));
      break;
    case ELECT_ACTION_WOMEN_SEAT:
      g_string_append_printf (out, T (N_("a woman member must still be elected (%lld seat(s)); candidates: ")), (long long) seats);
      append_names (out, lang, cands);
      g_string_append (out, T (N_(".")));
      break;
    case ELECT_ACTION_VACANT:
      g_string_append_printf (out, T (N_("%lld seat(s) stay vacant, as the rules allow.")), (long long) seats);
      break;
    case ELECT_ACTION_RERUN:
      g_string_append (out, T (N_("the round is void: the election is held again.")));
      break;
    case ELECT_ACTION_RECOUNT:
      g_string_append (out, T (N_("the tally sheet does not add up: the ballots are counted again.")));
      break;
    case ELECT_ACTION_AVOIDANCE_VOTE:
      g_string_append (out, T (N_("a further vote between related winners: ")));
      append_names (out, lang, cands);
      g_string_append (out, T (N_(".")));
      break;
    default:
      break;
    }
  g_string_append_c (out, '\n');
}

char *
elect_outcome_to_text (const ElectOutcome *outcome, const ElectElection *election,
                       const char *lang)
{
  g_return_val_if_fail (outcome != NULL, NULL);
  g_return_val_if_fail (election != NULL, NULL);
  if (lang == NULL)
    lang = "zh";
  gboolean zh = elect_lang_is_zh (lang);
  const ElectRules *rules = elect_election_get_rules (election);
  const ElectPaper *paper = elect_election_get_paper (election);
  const ElectTally *tally = elect_election_get_tally (election);
  const ElectTurnout *turnout = elect_election_get_turnout (election);
  const char *title = elect_election_get_title (election);
  const char *date = elect_election_get_date (election);
  GString *out = g_string_new (NULL);

  /* title */
  if (title && zh && g_str_has_suffix (title, "选举"))
    g_string_append_printf (out, "%s结果公告", title);   /* not "…选举选举结果公告" */
  else if (title)
    g_string_append_printf (out, T (N_("%s: announcement of the result")), title);
  else
    g_string_append (out, T (N_("Announcement of the election result")));
  g_string_append (out, "\n\n");
  if (date)
    {
      int y = atoi (date), m = atoi (date + 5), d = atoi (date + 8);
      if (zh)
        g_string_append_printf (out, "选举日期：%d年%d月%d日\n", y, m, d);
      else
        g_string_append_printf (out, "Election day: %s\n", date);
    }
  g_string_append_printf (out, T (N_("Rules: %s (%s)\n")),
                          elect_rules_get_title (rules), elect_rules_get_name (rules));
  switch (elect_turnout_get_round (turnout))
    {
    case ELECT_ROUND_REVOTE:
      g_string_append (out, T (N_("Round: revote among tied candidates\n")));
      break;
    case ELECT_ROUND_SUPPLEMENTARY:
      g_string_append (out, T (N_("Round: supplementary round\n")));
      break;
    default:
      break;
    }

  /* turnout */
  gint64 electorate = elect_turnout_get_electorate (turnout);
  gint64 issued = elect_turnout_get_issued (turnout);
  gint64 present = elect_turnout_get_present (turnout);
  g_string_append (out, T (N_("Electorate: ")));
  append_count (out, electorate);
  if (present >= 0)
    {
      g_string_append (out, T (N_("; present: ")));
      append_count (out, present);
    }
  if (issued >= 0)
    {
      g_string_append (out, T (N_("; ballots issued: ")));
      append_count (out, issued);
    }
  g_string_append (out, T (N_("; ballots returned: ")));
  append_count (out, elect_tally_get_ballots_returned (tally));
  g_string_append (out, T (N_(" (valid: ")));
  append_count (out, elect_tally_get_ballots_valid (tally));
  g_string_append (out, T (N_(", invalid: ")));
  append_count (out, elect_tally_get_ballots_invalid (tally));
  g_string_append (out, T (N_(").\n")));

  gint64 required = -1, actual = -1;
  gboolean met = elect_outcome_get_quorum (outcome, &required, &actual);
  if (required >= 0)
    g_string_append_printf (out, T (N_("Quorum: at least %lld, actual %lld: %s.\n")),
                            (long long) required, (long long) actual, met ? T (N_("met")) : T (N_("not met")));
  g_string_append (out, elect_outcome_is_valid (outcome)
                   ? T (N_("The round is valid.\n")) : T (N_("The round is NOT valid: no one is elected.\n")));

  /* contests */
  guint n = elect_outcome_get_n_contests (outcome);
  for (guint c = 0; c < n; c++)
    {
      g_string_append_c (out, '\n');
      const char *ctitle = elect_paper_get_contest_title (paper, c);
      long long seats = (long long) elect_paper_get_seats (paper, c);
      /* 0 when the round was not decided: no threshold to announce */
      long long thr = (long long) elect_outcome_get_threshold (outcome, c);
      if (zh)
        {
          if (c < G_N_ELEMENTS (zh_numerals))
            g_string_append_printf (out, "%s、", zh_numerals[c]);
          else
            g_string_append_printf (out, "%u. ", c + 1);
          if (thr > 0)
            g_string_append_printf (out, "%s（应选 %lld 名，当选至少须得 %lld 票）\n",
                                    ctitle, seats, thr);
          else
            g_string_append_printf (out, "%s（应选 %lld 名）\n", ctitle, seats);
        }
      else if (thr > 0)
        g_string_append_printf (out, "%u. %s (%lld seat(s); at least %lld votes to be elected)\n",
                                c + 1, ctitle, seats, thr);
      else
        g_string_append_printf (out, "%u. %s (%lld seat(s))\n", c + 1, ctitle, seats);
      guint rows = elect_outcome_get_n_candidates (outcome, c);
      for (guint i = 0; i < rows; i++)
        {
          const char *name = elect_outcome_get_candidate_name (outcome, c, i);
          gint64 votes = elect_outcome_get_candidate_votes (outcome, c, i);
          g_string_append_printf (out, "    %s", name);
          if (elect_outcome_is_candidate_write_in (outcome, c, i))
            g_string_append (out, T (N_(" (write-in)")));
          g_string_append_printf (out, T (N_(": %lld votes, %s\n")), (long long) votes,
                                  status_text (lang, elect_outcome_get_candidate_status (outcome, c, i)));
        }
      g_string_append_printf (out, "  %s", T (N_("Elected: ")));
      append_names (out, lang, elect_outcome_get_elected (outcome, c));
      g_string_append_c (out, '\n');
      gint64 unfilled = elect_outcome_get_unfilled (outcome, c);
      if (unfilled > 0)
        g_string_append_printf (out, T (N_("  Seats unfilled: %lld\n")), (long long) unfilled);
      if (!elect_tally_is_sheet (tally))
        g_string_append_printf (out, T (N_("  Abstentions: %lld\n")),
                                (long long) elect_tally_get_abstentions (tally, c));
      g_string_append (out, "  ");
      append_next (out, lang, outcome, c);
    }

  /* ballot defects */
  if (!elect_tally_is_sheet (tally))
    {
      gboolean any = FALSE;
      for (const char *const *code = elect_tally_list_defect_codes (); *code; code++)
        {
          gint64 k = elect_tally_get_defect_count (tally, *code);
          if (k == 0)
            continue;
          if (!any)
            g_string_append_printf (out, "\n%s\n", T (N_("Ballot defects:")));
          any = TRUE;
          g_autoptr (ElectReason) r = elect_tally_get_defect_reason (tally, *code);
          g_string_append_printf (out, "  [%s] %lld: %s\n", *code, (long long) k,
                                  r ? elect_reason_get_message (r, lang) : *code);
        }
    }

  /* reasons */
  guint nr = elect_outcome_get_n_reasons (outcome);
  if (nr > 0)
    g_string_append_printf (out, "\n%s\n", T (N_("Basis of the decisions:")));
  for (guint i = 0; i < nr; i++)
    {
      const ElectReason *r = elect_outcome_get_reason (outcome, i);
      const char *cit = elect_reason_get_citation (r);
      g_string_append_printf (out, "  - %s", elect_reason_get_message (r, lang));
      if (cit && *cit)
        g_string_append_printf (out, zh ? "（%s）" : " (%s)", cit);
      g_string_append_printf (out, " [%s]\n", elect_reason_get_code (r));
    }
  return g_string_free (out, FALSE);
}
