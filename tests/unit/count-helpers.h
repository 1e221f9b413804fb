/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the count and journal suites: turnouts, counts and the rows of
 * an outcome, over the papers, ballots and tallies of ballot-helpers.h
 * (tb_rules, tb_paper, tb_fill, tb_add, tb_tally). Include after cmocka.h. */
#pragma once

#include "ballot-helpers.h"

#include <json-glib/json-glib.h>
#include <string.h>

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
/* elect_outcome_to_json() writes its text itself: it must be byte for byte
 * what json-glib's generator (pretty, indent 2) makes of the same document,
 * as it was written before (the golden files of tests/data depend on it). */
static inline void
th_check_like_json_glib (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_data (parser, text, -1, &error))
    fail_msg ("not JSON: %s\n%s", error->message, text);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, json_parser_get_root (parser));
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  g_autofree char *again = json_generator_to_data (gen, NULL);
  if (strcmp (again, text) != 0)
    fail_msg ("not as json-glib writes it:\n%s\n---- json-glib:\n%s", text, again);
}

static inline char *
th_json (const ElectOutcome *o)
{
  char *j = elect_outcome_to_json (o, "en");
  th_check_like_json_glib (j);
  return j;
}
