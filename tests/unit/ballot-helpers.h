/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the ballot, tally, count and journal suites:
 * profiles, papers and ballots from compact strings, and an exact check of
 * every defect counter. Include after cmocka.h. */
#pragma once

#include "tally-private.h"
#include "rules-private.h"

#include <string.h>

static inline ElectRules *
tb_rules (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (error)
    fail_msg ("%s: %s", name, error->message);
  assert_non_null (r);
  return r;
}

/* The key-file lines of count.overvote=void-contest (RULES §5.2: only the
 * over-voted contest is void), for tb_rules_with(). */
#define TB_VOID_CONTEST "[count]\novervote=void-contest\novervote.citation=RULES.md §5.2 (test)\n"

/* A profile that extends @parent and adds the key-file lines @body (groups
 * included), e.g. "[count]\novervote=void-contest\n". */
static inline ElectRules *
tb_rules_with (const char *parent, const char *body)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("[profile]\nname=test-%s\nextends=%s\n%s",
                                           parent, parent, body);
  ElectRules *r = elect_rules_load_from_data (text, -1, "test.ini", &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (r);
  return r;
}

/* "chair:1:王一,李二/f|member:3:陈五,刘六": contests separated by '|', each
 * "id:seats:candidates"; a candidate suffix /f or /m gives the sex; an id
 * prefixed with '*' is the women's post; "id:seats:" has no candidates (an
 * open ballot). */
static inline ElectPaper *
tb_paper (gboolean party, const char *spec)
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
      int c = elect_paper_add_contest (p, id, NULL, g_ascii_strtoll (parts[1], NULL, 10), &error);
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

/* Resets @b and fills it from "chair=王一;member=陈五,>孙九": a name listed
 * in the contest is marked, any other name is written in, ">name" is always
 * written in (also a listed name); "!" alone is an unreadable paper.
 * Party papers: "c=+王一,-李二,~赵四,>孙九" (for, against, abstain,
 * write-in) and "-李二>孙九" also writes 孙九 in on 李二's line. */
static inline void
tb_fill (ElectBallot *b, const char *spec)
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
      if (c < 0)
        fail_msg ("no contest %s", kv[0]);
      if (kv[1] == NULL || !*kv[1])
        continue;
      g_auto (GStrv) names = g_strsplit (kv[1], ",", -1);
      for (guint k = 0; names[k]; k++)
        {
          const char *n = names[k];
          if (n[0] == '>')
            {
              elect_ballot_write_in (b, (guint) c, n + 1, -1);
              continue;
            }
          if (elect_paper_has_party_marks (p) && strchr ("+-~", n[0]))
            {
              ElectMark m = n[0] == '+' ? ELECT_MARK_FOR
                          : n[0] == '-' ? ELECT_MARK_AGAINST : ELECT_MARK_ABSTAIN;
              g_autofree char *line = g_strdup (n + 1);
              char *gt = strchr (line, '>');
              if (gt)
                *gt = '\0';
              int k2 = elect_paper_find_candidate (p, (guint) c, line, -1);
              if (k2 < 0)
                fail_msg ("no line %s", line);
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
tb_add (ElectTally *t, ElectBallot *b, const char *spec, guint n)
{
  tb_fill (b, spec);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      if (!elect_tally_add_ballot (t, b, &error))
        fail_msg ("%s", error->message);
    }
}

static inline ElectTally *
tb_tally (const ElectRules *r, ElectPaper *p)
{
  g_autoptr (GError) error = NULL;
  ElectTally *t = elect_tally_new (r, p, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (t);
  return t;
}

/* Asserts every defect counter: "overvote=1,duplicate-mark=2" gives the
 * expected non-zero ones (stable codes), every other code must be 0. */
static inline void
tb_assert_defects (const ElectTally *t, const char *spec)
{
  g_autoptr (GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] && *items[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (items[i], "=", 2);
      assert_non_null (kv[1]);
      gboolean known = FALSE;
      for (const char *const *c = elect_tally_list_defect_codes (); *c; c++)
        known |= strcmp (*c, kv[0]) == 0;
      if (!known)
        fail_msg ("not a defect code: %s", kv[0]);
      g_hash_table_insert (want, g_strdup (kv[0]),
                           GINT_TO_POINTER ((int) g_ascii_strtoll (kv[1], NULL, 10)));
    }
  for (const char *const *c = elect_tally_list_defect_codes (); *c; c++)
    {
      gint64 expect = GPOINTER_TO_INT (g_hash_table_lookup (want, *c));
      gint64 got = elect_tally_get_defect_count (t, *c);
      if (got != expect)
        fail_msg ("defect %s: %lld, expected %lld (expected set: %s)", *c,
                  (long long) got, (long long) expect, spec);
    }
}

/* The votes of a written-in name in a contest, or -1 when it has none. */
static inline gint64
tb_wi_votes (const ElectTally *t, guint contest, const char *name)
{
  for (guint i = 0; i < elect_tally_get_n_write_ins (t, contest); i++)
    if (strcmp (elect_tally_get_write_in_name (t, contest, i), name) == 0)
      return elect_tally_get_write_in_votes (t, contest, i);
  return -1;
}

/* Asserts returned, valid, invalid. */
#define tb_assert_ballots(t, ret, val, inv) \
  do { \
    assert_int_equal (elect_tally_get_ballots_returned (t), (ret)); \
    assert_int_equal (elect_tally_get_ballots_valid (t), (val)); \
    assert_int_equal (elect_tally_get_ballots_invalid (t), (inv)); \
  } while (0)
