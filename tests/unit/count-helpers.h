/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Small helpers for the ballot, tally and count suites: papers and ballots
 * from compact strings. Include after cmocka.h. */
#pragma once

#include "tally-private.h"
#include "rules-private.h"

#include <string.h>

static inline ElectRules *
th_rules (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (r);
  return r;
}

/* "chair:1:王一,李二/f|member:3:陈五,刘六" — a candidate suffix /f or /m gives
 * the sex; a contest id prefixed with '*' is the women's post; a contest with
 * no candidates is written "id:seats:". */
static inline ElectPaper *
th_paper (gboolean party, const char *spec)
{
  ElectPaper *p = elect_paper_new (party);
  g_auto (GStrv) contests = g_strsplit (spec, "|", -1);
  for (guint i = 0; contests[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (contests[i], ":", 3);
      assert_non_null (parts[1]);
      gboolean women = parts[0][0] == '*';
      const char *id = women ? parts[0] + 1 : parts[0];
      g_autoptr (GError) error = NULL;
      int c = elect_paper_add_contest (p, id, id, g_ascii_strtoll (parts[1], NULL, 10), &error);
      if (error)
        fail_msg ("%s", error->message);
      if (women)
        elect_paper_set_women_only (p, (guint) c, TRUE);
      if (parts[2] == NULL || !*parts[2])
        continue;
      g_auto (GStrv) names = g_strsplit (parts[2], ",", -1);
      for (guint k = 0; names[k]; k++)
        {
          ElectSex sex = ELECT_SEX_UNKNOWN;
          char *slash = strchr (names[k], '/');
          if (slash)
            {
              sex = slash[1] == 'f' ? ELECT_SEX_FEMALE : ELECT_SEX_MALE;
              *slash = '\0';
            }
          if (elect_paper_add_candidate (p, (guint) c, names[k], sex, &error) < 0)
            fail_msg ("%s", error->message);
        }
    }
  return p;
}

/* Fills a ballot from "chair=王一;member=陈五,孙九" (a name not listed in the
 * contest is written in; "!" alone is an unreadable paper). Party papers:
 * "chair=+王一,-李二,~赵四,>孙九" (for, against, abstain, write-in) and
 * "-李二>孙九" writes 孙九 in on 李二's line. */
static inline void
th_fill (ElectBallot *b, const char *spec)
{
  ElectPaper *p = elect_ballot_get_paper (b);
  elect_ballot_reset (b);
  if (strcmp (spec, "!") == 0)
    {
      elect_ballot_set_unreadable (b);
      return;
    }
  if (!*spec)
    return;
  g_auto (GStrv) contests = g_strsplit (spec, ";", -1);
  for (guint i = 0; contests[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (contests[i], "=", 2);
      int c = elect_paper_find_contest (p, kv[0], -1);
      assert_true (c >= 0);
      if (kv[1] == NULL || !*kv[1])
        continue;
      g_auto (GStrv) names = g_strsplit (kv[1], ",", -1);
      for (guint k = 0; names[k]; k++)
        {
          const char *n = names[k];
          if (elect_paper_has_party_marks (p) && strchr ("+-~>", n[0]))
            {
              ElectMark m = n[0] == '+' ? ELECT_MARK_FOR : n[0] == '-' ? ELECT_MARK_AGAINST
                          : ELECT_MARK_ABSTAIN;
              if (n[0] == '>')
                {
                  elect_ballot_write_in (b, (guint) c, n + 1, -1);
                  continue;
                }
              g_autofree char *line = g_strdup (n + 1);
              char *gt = strchr (line, '>');
              if (gt)
                *gt = '\0';
              int k2 = elect_paper_find_candidate (p, (guint) c, line, -1);
              assert_true (k2 >= 0);
              elect_ballot_mark_party (b, (guint) c, (guint) k2, m);
              if (gt)
                elect_ballot_write_in_on_line (b, (guint) c, (guint) k2, gt + 1, -1);
              continue;
            }
          int k2 = elect_paper_find_candidate (p, (guint) c, n, -1);
          if (k2 >= 0)
            elect_ballot_mark (b, (guint) c, (guint) k2);
          else
            elect_ballot_write_in (b, (guint) c, n, -1);
        }
    }
}

/* Adds @n ballots like @spec. */
static inline void
th_add (ElectTally *t, ElectBallot *b, const char *spec, guint n)
{
  th_fill (b, spec);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      assert_true (elect_tally_add_ballot (t, b, &error));
      assert_null (error);
    }
}

static inline ElectTally *
th_tally (const ElectRules *r, ElectPaper *p)
{
  g_autoptr (GError) error = NULL;
  ElectTally *t = elect_tally_new (r, p, &error);
  if (error)
    fail_msg ("%s", error->message);
  return t;
}

static inline ElectTurnout *
th_turnout (gint64 electorate, gint64 issued, gint64 present, ElectRound round)
{
  ElectTurnout *t = elect_turnout_new ();
  assert_true (elect_turnout_set_electorate (t, electorate, NULL));
  assert_true (elect_turnout_set_issued (t, issued, NULL));
  assert_true (elect_turnout_set_present (t, present, NULL));
  elect_turnout_set_round (t, round);
  return t;
}

static inline ElectOutcome *
th_count (const ElectRules *r, const ElectPaper *p, const ElectTally *t,
          const ElectTurnout *to, const ElectCountOptions *opt)
{
  g_autoptr (GError) error = NULL;
  ElectOutcome *o = elect_count_full (r, p, t, to, opt, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (o);
  /* Every outcome serialises. */
  g_autofree char *json = elect_outcome_to_json (o, "zh");
  assert_non_null (json);
  return o;
}

static inline int
th_row (const ElectOutcome *o, guint c, const char *name)
{
  for (guint i = 0; i < elect_outcome_get_n_candidates (o, c); i++)
    if (strcmp (elect_outcome_get_candidate_name (o, c, i), name) == 0)
      return (int) i;
  fail_msg ("no row %s in contest %u", name, c);
  return -1;
}

static inline ElectStatus
th_status (const ElectOutcome *o, guint c, const char *name)
{
  return elect_outcome_get_candidate_status (o, c, (guint) th_row (o, c, name));
}

static inline gint64
th_votes (const ElectOutcome *o, guint c, const char *name)
{
  return elect_outcome_get_candidate_votes (o, c, (guint) th_row (o, c, name));
}

static inline guint
th_strv_len (const char *const *v)
{
  guint n = 0;
  while (v[n])
    n++;
  return n;
}

static inline gboolean
th_strv_has (const char *const *v, const char *s)
{
  for (guint i = 0; v[i]; i++)
    if (strcmp (v[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* The outcome as JSON without the messages (for comparisons). */
static inline char *
th_json (const ElectOutcome *o)
{
  return elect_outcome_to_json (o, "en");
}
