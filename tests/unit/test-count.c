/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Counting one round (lib/count.c, RULES.md §6), rule by rule: round
 * validity (§6.1), thresholds with exact integers on both sides of every
 * boundary (§6.2), ranking and ties (§6.3), posts from the highest down with
 * cascade-down (§6.4), shortfall, supplementary rounds and vacancies (§6.5),
 * the women member (§6.6), relatives avoidance with refill (§6.7), the Party
 * specifics (§6.8) and tally sheets (§6.9). Each test names its RULES.md
 * paragraph and the statute article in a comment right above it. Every one
 * of the eight shipped profiles is counted at least once; most examples run
 * through both the per-ballot path and the tally-sheet path. Two property
 * tests (fixed seeds) check that the order of the ballots never matters and
 * that both paths decide alike on the same totals. The last test checks
 * that every reason code of lib/count.c was given by some test. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "count-helpers.h"

/* ---- helpers ------------------------------------------------------------- */

/* Reason codes given by any outcome of this suite (see the last test). */
static GHashTable *seen_codes;

static void
note_codes (const ElectOutcome *o)
{
  if (seen_codes == NULL)
    seen_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < elect_outcome_get_n_reasons (o); i++)
    {
      const char *code = elect_reason_get_code (elect_outcome_get_reason (o, i));
      if (!g_hash_table_contains (seen_codes, code))
        g_hash_table_add (seen_codes, g_strdup (code));
    }
}

/* One round: a profile, a paper, its tally and a ballot to fill. */
typedef struct {
  ElectRules *rules;
  ElectPaper *paper;
  ElectTally *tally;
  ElectBallot *ballot;
  gboolean party;
} Fx;

static void
fx_free (Fx *f)
{
  if (f == NULL)
    return;
  elect_ballot_free (f->ballot);
  elect_tally_unref (f->tally);
  elect_paper_unref (f->paper);
  elect_rules_unref (f->rules);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fx, fx_free)

/* Takes @rules. @paper as tb_paper(). */
static Fx *
fx_with_rules (ElectRules *rules, const char *paper)
{
  Fx *f = g_new0 (Fx, 1);
  f->rules = rules;
  f->party = elect_rules_get_kind (rules) == ELECT_KIND_PARTY_COMMITTEE;
  f->paper = tb_paper (f->party, paper);
  f->tally = tb_tally (f->rules, f->paper);
  f->ballot = elect_ballot_new (f->paper);
  return f;
}

static Fx *
fx_new (const char *profile, const char *paper)
{
  return fx_with_rules (tb_rules (profile), paper);
}

static void
fx_add (Fx *f, const char *spec, guint n)
{
  tb_add (f->tally, f->ballot, spec, n);
}

/* Adds @n valid ballots that give every name of @spec exactly its votes,
 * and @n_unreadable unreadable papers. @spec: "chair=王一:6,李二:3;
 * member=张三:9,赵四:8"; a name not listed in the contest is written in;
 * on Party papers the marks are "for". The marks of a contest are dealt
 * round-robin over the ballots, so no ballot marks a name twice, and the
 * marks of a ballot stay within the seats (asserted). Ballots without marks
 * are blank (abstentions). */
static void
fx_votes (Fx *f, guint n, guint n_unreadable, const char *spec)
{
  GString **ballots = g_new0 (GString *, n);
  for (guint i = 0; i < n; i++)
    ballots[i] = g_string_new (NULL);
  g_auto (GStrv) contests = g_strsplit (spec, ";", -1);
  for (guint c = 0; contests[c]; c++)
    {
      if (!*contests[c])
        continue;
      g_auto (GStrv) kv = g_strsplit (contests[c], "=", 2);
      int ci = elect_paper_find_contest (f->paper, kv[0], -1);
      assert_true (ci >= 0);
      gint64 seats = elect_paper_get_seats (f->paper, (guint) ci);
      GString **marks = g_new0 (GString *, n);
      guint k = 0;
      g_auto (GStrv) items = g_strsplit (kv[1], ",", -1);
      for (guint j = 0; items[j]; j++)
        {
          char *colon = strrchr (items[j], ':');
          assert_non_null (colon);
          *colon = '\0';
          guint v = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
          assert_true (v <= n);
          for (guint x = 0; x < v; x++, k++)
            {
              GString **m = &marks[k % n];
              if (*m == NULL)
                *m = g_string_new (NULL);
              else
                g_string_append_c (*m, ',');
              g_string_append_printf (*m, "%s%s", f->party ? "+" : "", items[j]);
            }
        }
      assert_true ((gint64) k <= seats * (gint64) n);
      for (guint i = 0; i < n; i++)
        if (marks[i])
          {
            g_string_append_printf (ballots[i], "%s%s=%s", ballots[i]->len ? ";" : "",
                                    kv[0], marks[i]->str);
            g_string_free (marks[i], TRUE);
          }
      g_free (marks);
    }
  for (guint i = 0; i < n; i++)
    {
      fx_add (f, ballots[i]->str, 1);
      g_string_free (ballots[i], TRUE);
    }
  g_free (ballots);
  fx_add (f, "!", n_unreadable);
}

/* Makes the tally a tally sheet: @returned, @invalid, @valid (-1: not
 * given) and the votes of @spec (as fx_votes()). */
static void
fx_sheet_raw (Fx *f, gint64 returned, gint64 invalid, gint64 valid, const char *spec)
{
  g_autoptr (GError) error = NULL;
  assert_true (elect_tally_set_sheet (f->tally, returned, invalid, &error));
  if (valid >= 0)
    assert_true (elect_tally_set_sheet_valid (f->tally, valid, &error));
  g_auto (GStrv) contests = g_strsplit (spec, ";", -1);
  for (guint c = 0; contests[c]; c++)
    {
      if (!*contests[c])
        continue;
      g_auto (GStrv) kv = g_strsplit (contests[c], "=", 2);
      int ci = elect_paper_find_contest (f->paper, kv[0], -1);
      assert_true (ci >= 0);
      g_auto (GStrv) items = g_strsplit (kv[1], ",", -1);
      for (guint j = 0; items[j]; j++)
        {
          char *colon = strrchr (items[j], ':');
          assert_non_null (colon);
          *colon = '\0';
          gint64 v = g_ascii_strtoll (colon + 1, NULL, 10);
          int k = elect_paper_find_candidate (f->paper, (guint) ci, items[j], -1);
          if (k >= 0)
            assert_true (elect_tally_set_sheet_votes (f->tally, (guint) ci, (guint) k, v, &error));
          else
            assert_true (elect_tally_set_sheet_write_in (f->tally, (guint) ci, items[j], -1, v,
                                                         &error));
        }
    }
  assert_null (error);
}

/* The same totals through the ballots (@sheet FALSE) or a tally sheet. */
static void
fx_fill (Fx *f, gboolean sheet, guint n, guint n_unreadable, const char *spec)
{
  if (sheet)
    fx_sheet_raw (f, n + n_unreadable, n_unreadable, n, spec);
  else
    fx_votes (f, n, n_unreadable, spec);
}

static ElectOutcome *
fx_count_full (Fx *f, gint64 electorate, gint64 issued, gint64 present, ElectRound round,
               const ElectCountOptions *opt)
{
  g_autoptr (ElectTurnout) to = th_turnout (electorate, issued, present, round);
  ElectOutcome *o = th_count (f->rules, f->paper, f->tally, to, opt);
  note_codes (o);
  return o;
}

/* A regular round of a villagers'-style profile. */
static ElectOutcome *
fx_count (Fx *f, gint64 electorate, gint64 issued)
{
  return fx_count_full (f, electorate, issued, -1, ELECT_ROUND_REGULAR, NULL);
}

static guint
n_code (const ElectOutcome *o, const char *code)
{
  guint n = 0;
  for (guint i = 0; i < elect_outcome_get_n_reasons (o); i++)
    n += strcmp (elect_reason_get_code (elect_outcome_get_reason (o, i)), code) == 0;
  return n;
}

static void
check_code (const ElectOutcome *o, const char *code, gboolean want, const char *file, int line)
{
  if (elect_outcome_has_reason (o, code) != want)
    {
      g_autofree char *j = th_json (o);
      fail_msg ("%s:%d: reason “%s” %s\n%s", file, line, code,
                want ? "missing" : "not expected", j);
    }
}
#define assert_code(o, code) check_code (o, code, TRUE, __FILE__, __LINE__)
#define assert_no_code(o, code) check_code (o, code, FALSE, __FILE__, __LINE__)

/* The first reason with @code cites something containing @article. */
static void
check_cites (const ElectOutcome *o, const char *code, const char *article, const char *file,
             int line)
{
  for (guint i = 0; i < elect_outcome_get_n_reasons (o); i++)
    {
      const ElectReason *r = elect_outcome_get_reason (o, i);
      if (strcmp (elect_reason_get_code (r), code) != 0)
        continue;
      if (strstr (elect_reason_get_citation (r), article) == NULL)
        fail_msg ("%s:%d: “%s” cites “%s”, expected “%s”", file, line, code,
                  elect_reason_get_citation (r), article);
      return;
    }
  g_autofree char *j = th_json (o);
  fail_msg ("%s:%d: reason “%s” missing\n%s", file, line, code, j);
}
#define assert_cites(o, code, article) check_cites (o, code, article, __FILE__, __LINE__)

static void
check_strv (const ElectOutcome *o, const char *const *v, const char *csv, const char *what,
            const char *file, int line)
{
  g_autofree char *got = g_strjoinv (",", (char **) v);
  if (strcmp (got, csv) != 0)
    {
      g_autofree char *j = th_json (o);
      fail_msg ("%s:%d: %s: “%s”, expected “%s”\n%s", file, line, what, got, csv, j);
    }
}
/* The people elected in contest @c, in order, comma-separated. */
#define assert_elected(o, c, csv) \
  check_strv (o, elect_outcome_get_elected (o, c), csv, "elected", __FILE__, __LINE__)

static void
check_next (const ElectOutcome *o, guint c, ElectAction action, gint64 seats, const char *csv,
            const char *file, int line)
{
  if (elect_outcome_get_next_action (o, c) != action
      || elect_outcome_get_next_seats (o, c) != seats)
    {
      g_autofree char *j = th_json (o);
      fail_msg ("%s:%d: contest %u: next %d for %lld seat(s), expected %d for %lld\n%s", file,
                line, c, (int) elect_outcome_get_next_action (o, c),
                (long long) elect_outcome_get_next_seats (o, c), (int) action,
                (long long) seats, j);
    }
  check_strv (o, elect_outcome_get_next_candidates (o, c), csv, "next candidates", file, line);
}
/* The next action of contest @c, its seats and candidates (in order). */
#define assert_next(o, c, action, seats, csv) \
  check_next (o, c, action, seats, csv, __FILE__, __LINE__)

static void
check_row (const ElectOutcome *o, guint c, const char *name, ElectStatus status, gint64 votes,
           const char *file, int line)
{
  if (th_status (o, c, name) != status || th_votes (o, c, name) != votes)
    {
      g_autofree char *j = th_json (o);
      fail_msg ("%s:%d: %s in contest %u: status %d with %lld votes, expected %d with %lld\n%s",
                file, line, name, c, (int) th_status (o, c, name),
                (long long) th_votes (o, c, name), (int) status, (long long) votes, j);
    }
}
/* A result row: status and votes. */
#define assert_row(o, c, name, status, votes) \
  check_row (o, c, name, status, votes, __FILE__, __LINE__)

static void
assert_quorum (const ElectOutcome *o, gboolean met, gint64 required, gint64 actual)
{
  gint64 req = 0, act = 0;
  assert_int_equal (elect_outcome_get_quorum (o, &req, &act), met);
  assert_int_equal (req, required);
  assert_int_equal (act, actual);
}

/* A void or uncounted round: nothing decided, every contest @action. */
static void
assert_undecided (const ElectOutcome *o, ElectAction action)
{
  assert_false (elect_outcome_is_valid (o));
  for (guint c = 0; c < elect_outcome_get_n_contests (o); c++)
    {
      assert_elected (o, c, "");
      assert_int_equal (elect_outcome_get_unfilled (o, c), elect_outcome_get_next_seats (o, c));
      assert_int_equal (elect_outcome_get_next_action (o, c), action);
      assert_int_equal (elect_outcome_get_threshold (o, c), 0);
    }
  assert_no_code (o, "elected");
  assert_no_code (o, "threshold-majority");
  assert_no_code (o, "threshold-plurality");
  assert_no_code (o, "threshold-revote");
}

static ElectCountOptions *
relation (const char *a, const char *b, const char *rel)
{
  ElectCountOptions *opt = elect_count_options_new ();
  g_autoptr (GError) error = NULL;
  assert_true (elect_count_options_add_relation (opt, a, b, rel, &error));
  assert_null (error);
  return opt;
}

static gboolean
json_has (const ElectOutcome *o, const char *s)
{
  g_autofree char *j = th_json (o);
  return strstr (j, s) != NULL;
}

typedef struct {
  const char *profile;
  const char *article;   /* a substring of the citation expected */
} ProfileArticle;

/* ---- §6.1 round validity ---------------------------------------------------- */

/* RULES §6.1(b): turnout quorum 2*returned > registered voters, both sides of
 * the boundary, for an even and an odd electorate — VCL Art. 15(2), ZJ
 * Art. 27, SH Art. 19, BJ Art. 28, HA Art. 35, RCL Art. 8 (by reference to
 * VCL 15), the supervision committee as the villagers' committee (VCL 32). */
static void
s6_1b_turnout_quorum_vcl15_zj27_sh19_bj28_ha35 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "村民委员会组织法 第十五条" },
    { "zhejiang-village-committee", "浙江省村民委员会选举办法 第二十七条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第十九条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第二十八条" },
    { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第三十五条" },
    { "residents-committee", "城市居民委员会组织法 第八条" },
    { "supervision-committee", "村民委员会组织法 第十五条" },
  };
  static const gint64 electorates[] = { 100, 7 };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint e = 0; e < G_N_ELEMENTS (electorates); e++)
      for (gint64 extra = 0; extra <= 1; extra++)
        {
          gint64 half = electorates[e] / 2;        /* 50 of 100, 3 of 7 */
          gint64 returned = half + extra;
          g_autoptr (Fx) f = fx_new (cases[i].profile, "member:1:王一,李二");
          fx_add (f, "member=王一", (guint) returned);
          g_autoptr (ElectOutcome) o = fx_count (f, electorates[e], returned);
          if (extra == 0)
            {
              /* exactly half: not more than half */
              assert_quorum (o, FALSE, half + 1, returned);
              assert_code (o, "quorum-not-met");
              assert_no_code (o, "quorum-met");
              assert_cites (o, "quorum-not-met", cases[i].article);
              assert_undecided (o, ELECT_ACTION_RERUN);
              assert_next (o, 0, ELECT_ACTION_RERUN, 1, "");
            }
          else
            {
              assert_true (elect_outcome_is_valid (o));
              assert_quorum (o, TRUE, half + 1, returned);
              assert_code (o, "quorum-met");
              assert_no_code (o, "quorum-not-met");
              assert_cites (o, "quorum-met", cases[i].article);
              assert_elected (o, 0, "王一");
            }
        }
}

/* RULES §6.1(b), §6.8, §11: Party attendance quorum 5*present > 4*entitled
 * (PER [approx] Art. 26): exactly four-fifths is not enough (the decided
 * default); the profile option ">=" makes it enough. */
static void
s6_1b_party_attendance_four_fifths_per26 (void **state)
{
  static const struct { gint64 entitled, present; gboolean met; gint64 required; } cases[] = {
    { 50, 40, FALSE, 41 }, { 50, 41, TRUE, 41 },
    { 7, 5, FALSE, 6 }, { 7, 6, TRUE, 6 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (Fx) f = fx_new ("party-committee", "committee:3:甲,乙,丙,丁");
      fx_add (f, "committee=+甲,+乙,+丙", (guint) cases[i].present);
      g_autoptr (ElectOutcome) o = fx_count_full (f, cases[i].entitled, -1, cases[i].present,
                                                  ELECT_ROUND_REGULAR, NULL);
      assert_quorum (o, cases[i].met, cases[i].required, cases[i].present);
      assert_int_equal (elect_outcome_is_valid (o), cases[i].met);
      assert_cites (o, cases[i].met ? "quorum-met" : "quorum-not-met", "五分之四");
      if (cases[i].met)
        assert_elected (o, 0, "甲,乙,丙");
      else
        assert_undecided (o, ELECT_ACTION_RERUN);
    }

  /* the option: exactly four-fifths is enough, one less is not */
  static const char inclusive[] =
    "[profile]\nname=party-inclusive\nextends=party-committee\n"
    "[count]\nquorum=>=4/5\nquorum.citation=旧解释：达到五分之四即有效\n";
  for (gint64 present = 39; present <= 40; present++)
    {
      g_autoptr (GError) error = NULL;
      ElectRules *r = elect_rules_load_from_data (inclusive, -1, "inclusive.ini", &error);
      assert_non_null (r);
      g_autoptr (Fx) f = fx_with_rules (r, "committee:3:甲,乙,丙,丁");
      fx_add (f, "committee=+甲,+乙,+丙", (guint) present);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 50, -1, present, ELECT_ROUND_REGULAR, NULL);
      assert_quorum (o, present == 40, 40, present);
      assert_int_equal (elect_outcome_is_valid (o), present == 40);
    }
}

/* RULES §6.1(a): more ballots returned than voters who voted (ZJ Art. 27,
 * SH Art. 19, BJ Art. 28, and the national profile by the provinces' common
 * rule) or than ballots issued (HA Art. 35) voids the round; equal is valid.
 * The bound is checked before the quorum (§6.1 "in this order"). */
static void
s6_1a_returned_exceeds_issued_zj27_sh19_bj28_ha35 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "北京市村民委员会选举办法 第二十八条" },
    { "zhejiang-village-committee", "浙江省村民委员会选举办法 第二十七条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第十九条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第二十八条" },
    { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第三十五条" },
    { "residents-committee", "北京市村民委员会选举办法 第二十八条" },
    { "supervision-committee", "北京市村民委员会选举办法 第二十八条" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (guint returned = 10; returned <= 11; returned++)
        {
          g_autoptr (Fx) f = fx_new (cases[i].profile, "member:1:王一,李二");
          fx_add (f, "member=王一", returned);
          g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
          if (returned == 11)
            {
              assert_code (o, "returned-exceeds-issued");
              assert_cites (o, "returned-exceeds-issued", cases[i].article);
              assert_undecided (o, ELECT_ACTION_RERUN);
            }
          else
            {
              assert_true (elect_outcome_is_valid (o));
              assert_no_code (o, "returned-exceeds-issued");
              assert_elected (o, 0, "王一");
            }
        }
      /* void bound first: 11 of 100 would fail the quorum too */
      g_autoptr (Fx) f = fx_new (cases[i].profile, "member:1:王一,李二");
      fx_add (f, "member=王一", 11);
      g_autoptr (ElectOutcome) o = fx_count (f, 100, 10);
      assert_code (o, "returned-exceeds-issued");
      assert_no_code (o, "quorum-not-met");
      assert_no_code (o, "quorum-met");
      assert_undecided (o, ELECT_ACTION_RERUN);
    }
}

/* RULES §6.1(a), §6.8: Party ballots returned above the members present void
 * the round (PER [approx] Art. 27); equal is valid. */
static void
s6_1a_party_returned_exceeds_present_per27 (void **state)
{
  for (guint returned = 10; returned <= 11; returned++)
    {
      g_autoptr (Fx) f = fx_new ("party-committee", "committee:3:甲,乙,丙,丁");
      fx_add (f, "committee=+甲,+乙,+丙", returned);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 12, -1, 10, ELECT_ROUND_REGULAR, NULL);
      if (returned == 11)
        {
          assert_code (o, "returned-exceeds-present");
          assert_cites (o, "returned-exceeds-present", "收回选票多于投票人数");
          assert_no_code (o, "quorum-met");
          assert_undecided (o, ELECT_ACTION_RERUN);
        }
      else
        {
          assert_true (elect_outcome_is_valid (o));
          assert_no_code (o, "returned-exceeds-present");
          assert_elected (o, 0, "甲,乙,丙");
        }
    }
}

/* RULES §6.1: missing inputs are GErrors; election findings never are
 * (elect-count.h). The Party profile counts the members present (PER). */
static void
s6_1_missing_inputs_are_errors (void **state)
{
  g_autoptr (Fx) f = fx_new ("village-committee", "member:1:王一,李二");
  fx_add (f, "member=王一", 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectTurnout) none = elect_turnout_new ();
  assert_null (elect_count (f->rules, f->paper, f->tally, none, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);

  g_autoptr (ElectTurnout) to = th_turnout (5, 3, -1, ELECT_ROUND_REGULAR);
  g_autoptr (ElectPaper) other = tb_paper (FALSE, "member:1:王一,李二");
  assert_null (elect_count (f->rules, other, f->tally, to, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);

  g_autoptr (Fx) p = fx_new ("party-committee", "committee:1:甲,乙");
  fx_add (p, "committee=+甲", 3);
  assert_null (elect_count (p->rules, p->paper, p->tally, to, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

/* ---- §6.2 thresholds ----------------------------------------------------- */

/* RULES §6.2, §11: a candidate needs 2*votes > participants, the ballots
 * returned with the invalid ones (BJ Art. 28 废票计入选票总数): exactly half
 * fails, half plus one wins; an odd base — VCL Art. 15(2), ZJ Art. 28, SH
 * Art. 20, BJ Art. 29, HA Art. 36, RCL Art. 8, VSC as VC. Ballots and tally
 * sheet alike. */
static void
s6_2_majority_exactly_half_vcl15_zj28_sh20_bj29_ha36 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "村民委员会组织法 第十五条" },
    { "zhejiang-village-committee", "浙江省村民委员会选举办法 第二十八条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第二十条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第二十九条" },
    { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第三十六条" },
    { "residents-committee", "城市居民委员会组织法 第八条" },
    { "supervision-committee", "村民委员会组织法 第十五条" },
  };
  const char *paper = "chair:1:王一,李二|member:2:张三,赵四,陈五";
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int sheet = 0; sheet <= 1; sheet++)
      {
        /* 10 returned, 2 of them invalid: 5 is a majority of the valid
         * ballots but exactly half of the participants */
        g_autoptr (Fx) f = fx_new (cases[i].profile, paper);
        fx_fill (f, sheet, 8, 2, "chair=王一:5,李二:3;member=张三:8,赵四:5,陈五:2");
        g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
        assert_int_equal (elect_outcome_get_threshold (o, 0), 6);
        assert_int_equal (elect_outcome_get_threshold (o, 1), 6);
        assert_row (o, 0, "王一", ELECT_STATUS_BELOW_THRESHOLD, 5);
        assert_row (o, 1, "赵四", ELECT_STATUS_BELOW_THRESHOLD, 5);
        assert_row (o, 1, "张三", ELECT_STATUS_ELECTED, 8);
        assert_elected (o, 0, "");
        assert_elected (o, 1, "张三");
        assert_int_equal (elect_outcome_get_unfilled (o, 0), 1);
        assert_int_equal (elect_outcome_get_unfilled (o, 1), 1);
        assert_cites (o, "threshold-majority", cases[i].article);
        assert_code (o, "below-threshold");

        /* half plus one */
        g_autoptr (Fx) g = fx_new (cases[i].profile, paper);
        fx_fill (g, sheet, 9, 1, "chair=王一:6,李二:3;member=张三:9,赵四:6,陈五:2");
        g_autoptr (ElectOutcome) p = fx_count (g, 15, 10);
        assert_int_equal (elect_outcome_get_threshold (p, 0), 6);
        assert_row (p, 0, "王一", ELECT_STATUS_ELECTED, 6);
        assert_row (p, 1, "赵四", ELECT_STATUS_ELECTED, 6);
        assert_elected (p, 0, "王一");
        assert_elected (p, 1, "张三,赵四");
        assert_int_equal (elect_outcome_get_unfilled (p, 1), 0);
        assert_cites (p, "elected", cases[i].article);

        /* an odd base of 11: 6 wins, 5 fails */
        g_autoptr (Fx) h = fx_new (cases[i].profile, paper);
        fx_fill (h, sheet, 10, 1, "chair=王一:6,李二:4;member=张三:9,赵四:6,陈五:5");
        g_autoptr (ElectOutcome) q = fx_count (h, 15, 11);
        assert_int_equal (elect_outcome_get_threshold (q, 1), 6);
        assert_row (q, 0, "王一", ELECT_STATUS_ELECTED, 6);
        assert_row (q, 1, "赵四", ELECT_STATUS_ELECTED, 6);
        assert_row (q, 1, "陈五", ELECT_STATUS_BELOW_THRESHOLD, 5);
      }
}

/* RULES §6.2, §6.8: a Party candidate needs 2*yes > members present, not of
 * the ballots returned; against and abstain marks are not yes (PER [approx]
 * Art. 29); a shortfall goes to a further round among all who did not pass,
 * or the seats may be reduced (PER [approx] Art. 30). */
static void
s6_2_party_majority_of_present_per29 (void **state)
{
  for (gint64 present = 9; present <= 10; present++)
    {
      g_autoptr (Fx) f = fx_new ("party-committee", "committee:3:甲,乙,丙,丁,戊");
      fx_add (f, "committee=+甲,+乙,+丙", 4);
      fx_add (f, "committee=+甲,+乙,-丙", 1);
      fx_add (f, "committee=+乙,-丙,~丁", 1);
      fx_add (f, "committee=-甲,-丙,+丁", 3);
      assert_int_equal (elect_tally_get_votes_against (f->tally, 0, 2), 5);
      g_autoptr (ElectOutcome) o = fx_count_full (f, present + 2, -1, present,
                                                  ELECT_ROUND_REGULAR, NULL);
      assert_true (elect_outcome_is_valid (o));
      assert_row (o, 0, "乙", ELECT_STATUS_ELECTED, 6);
      assert_row (o, 0, "丙", ELECT_STATUS_BELOW_THRESHOLD, 4);
      assert_row (o, 0, "丁", ELECT_STATUS_BELOW_THRESHOLD, 3);
      assert_row (o, 0, "戊", ELECT_STATUS_BELOW_THRESHOLD, 0);
      assert_cites (o, "threshold-majority", "超过实到会有选举权人数的一半");
      assert_code (o, "seats-may-be-reduced");
      assert_code (o, "shortfall-supplementary");
      if (present == 10)
        {
          /* 5 of 9 returned would be a majority of the ballots, not of the
           * 10 present */
          assert_int_equal (elect_outcome_get_threshold (o, 0), 6);
          assert_row (o, 0, "甲", ELECT_STATUS_BELOW_THRESHOLD, 5);
          assert_elected (o, 0, "乙");
          assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 2, "甲,丙,丁,戊");
        }
      else
        {
          assert_int_equal (elect_outcome_get_threshold (o, 0), 5);
          assert_row (o, 0, "甲", ELECT_STATUS_ELECTED, 5);
          assert_elected (o, 0, "乙,甲");
          /* all who did not pass, not seats plus a surplus */
          assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "丙,丁,戊");
        }
    }
}

/* RULES §6.2, §6.5, §11: in a supplementary round the most votes win with at
 * least one third of the ballots cast in that round, invalid ones included:
 * 3*votes >= cast; exactly one third is enough, below is not; no turnout
 * quorum applies in that round — VCL Art. 15(2), ZJ Art. 29(3), SH Art. 21,
 * BJ Art. 30(2); RCL and VSC as VC. A supplementary round may fall short
 * again: another round, ties at the cut-off all included. */
static void
s6_2_supplementary_one_third_vcl15_zj29_sh21_bj30 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "村民委员会组织法 第十五条" },
    { "zhejiang-village-committee", "浙江省村民委员会选举办法 第二十九条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第二十一条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第三十条" },
    { "residents-committee", "村民委员会组织法 第十五条" },
    { "supervision-committee", "村民委员会组织法 第十五条" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int sheet = 0; sheet <= 1; sheet++)
      {
        /* 9 cast (1 invalid, 1 blank): 3 is exactly one third */
        g_autoptr (Fx) f = fx_new (cases[i].profile, "member:1:张三,赵四,陈五");
        fx_fill (f, sheet, 8, 1, "member=张三:3,赵四:2,陈五:2");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 100, 9, -1, ELECT_ROUND_SUPPLEMENTARY,
                                                    NULL);
        assert_true (elect_outcome_is_valid (o));
        assert_quorum (o, TRUE, -1, 9);
        assert_code (o, "quorum-none");
        assert_int_equal (elect_outcome_get_threshold (o, 0), 3);
        assert_cites (o, "threshold-plurality", cases[i].article);
        assert_no_code (o, "threshold-majority");
        assert_row (o, 0, "张三", ELECT_STATUS_ELECTED, 3);
        assert_elected (o, 0, "张三");
        assert_next (o, 0, ELECT_ACTION_NONE, 0, "");

        /* 10 cast (2 invalid): 3 is below one third */
        g_autoptr (Fx) g = fx_new (cases[i].profile, "member:1:张三,赵四,陈五");
        fx_fill (g, sheet, 8, 2, "member=张三:3,赵四:2,陈五:2");
        g_autoptr (ElectOutcome) p = fx_count_full (g, 100, 10, -1, ELECT_ROUND_SUPPLEMENTARY,
                                                    NULL);
        assert_int_equal (elect_outcome_get_threshold (p, 0), 4);
        assert_row (p, 0, "张三", ELECT_STATUS_BELOW_THRESHOLD, 3);
        assert_elected (p, 0, "");
        /* one seat plus one: 赵四 and 陈五 tie at the cut-off */
        assert_next (p, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "张三,赵四,陈五");
        assert_code (p, "supplementary-tie-at-cutoff");
        assert_no_code (p, "vacancy-allowed");
      }
}

/* RULES §6.2, §6.5: Henan's supplementary round elects by majority first and
 * by the one-third plurality only when nobody has a majority (HA Art. 38(3)),
 * and needs a turnout above one half again (HA Art. 38(2)); other profiles
 * have no quorum in that round (RULES §11). */
static void
s6_5_henan_supplementary_majority_then_plurality_ha38 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      /* 7 of 12 is a majority: only the majority counts */
      g_autoptr (Fx) f = fx_new ("henan-village-committee", "member:2:张三,赵四,陈五");
      fx_fill (f, sheet, 12, 0, "member=张三:7,赵四:5,陈五:3");
      g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_SUPPLEMENTARY, NULL);
      assert_int_equal (elect_outcome_get_threshold (o, 0), 7);
      assert_code (o, "threshold-majority");
      assert_no_code (o, "threshold-plurality");
      assert_row (o, 0, "张三", ELECT_STATUS_ELECTED, 7);
      assert_row (o, 0, "赵四", ELECT_STATUS_BELOW_THRESHOLD, 5);
      assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "赵四,陈五");
      assert_quorum (o, TRUE, 11, 12);
      assert_cites (o, "quorum-met", "第三十八条");

      /* 6 of 12 is exactly half: nobody has a majority, so plurality with
       * 3*votes >= 12 */
      g_autoptr (Fx) g = fx_new ("henan-village-committee", "member:2:张三,赵四,陈五");
      fx_fill (g, sheet, 12, 0, "member=张三:6,赵四:4,陈五:3");
      g_autoptr (ElectOutcome) p = fx_count_full (g, 20, 12, -1, ELECT_ROUND_SUPPLEMENTARY, NULL);
      assert_int_equal (elect_outcome_get_threshold (p, 0), 4);
      assert_cites (p, "threshold-plurality", "第三十八条");
      assert_elected (p, 0, "张三,赵四");
      assert_row (p, 0, "陈五", ELECT_STATUS_BELOW_THRESHOLD, 3);
      assert_next (p, 0, ELECT_ACTION_NONE, 0, "");
    }

  /* turnout: exactly half of 24 is void, 13 is enough */
  for (guint returned = 12; returned <= 13; returned++)
    {
      g_autoptr (Fx) f = fx_new ("henan-village-committee", "member:1:张三,赵四");
      fx_add (f, "member=张三", returned);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 24, returned, -1,
                                                  ELECT_ROUND_SUPPLEMENTARY, NULL);
      assert_quorum (o, returned == 13, 13, returned);
      if (returned == 12)
        {
          assert_cites (o, "quorum-not-met", "第三十八条");
          assert_undecided (o, ELECT_ACTION_RERUN);
        }
      else
        assert_elected (o, 0, "张三");
    }
  /* the national profile: no quorum in a supplementary round */
  g_autoptr (Fx) f = fx_new ("village-committee", "member:1:张三,赵四");
  fx_add (f, "member=张三", 12);
  g_autoptr (ElectOutcome) o = fx_count_full (f, 24, 12, -1, ELECT_ROUND_SUPPLEMENTARY, NULL);
  assert_quorum (o, TRUE, -1, 12);
  assert_elected (o, 0, "张三");
}

/* RULES §6.5, §6.8: a Party supplementary round still needs 2*yes > present,
 * with no plurality rule (PER [approx] Art. 30). */
static void
s6_8_party_supplementary_still_majority_per30 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    for (guint yes = 5; yes <= 6; yes++)
      {
        g_autoptr (Fx) f = fx_new ("party-committee", "committee:1:甲,乙");
        g_autofree char *spec = g_strdup_printf ("committee=甲:%u,乙:4", yes);
        fx_fill (f, sheet, 10, 0, spec);
        g_autoptr (ElectOutcome) o = fx_count_full (f, 12, -1, 10, ELECT_ROUND_SUPPLEMENTARY,
                                                    NULL);
        assert_int_equal (elect_outcome_get_threshold (o, 0), 6);
        assert_no_code (o, "threshold-plurality");
        assert_code (o, "threshold-majority");
        if (yes == 5)
          {
            /* a plurality and above one third, but exactly half */
            assert_row (o, 0, "甲", ELECT_STATUS_BELOW_THRESHOLD, 5);
            assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "甲,乙");
            assert_code (o, "seats-may-be-reduced");
          }
        else
          {
            assert_elected (o, 0, "甲");
            assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
          }
        /* no surplus check outside the regular round */
        assert_no_code (o, "candidate-surplus-short");
      }
}

/* ---- §6.3 ranking --------------------------------------------------------- */

/* RULES §6.3: a revote among the tied is decided by most votes, without the
 * majority (ZJ Art. 28(2), SH Art. 20(2), BJ Art. 29, HA Art. 36); a revote
 * that ties again says revote again. */
static void
s6_3_revote_most_votes_win_zj28 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", "member:1:张三,赵四");
      fx_fill (f, sheet, 10, 0, "member=张三:4,赵四:3");
      g_autoptr (ElectOutcome) o = fx_count_full (f, 100, 10, -1, ELECT_ROUND_REVOTE, NULL);
      assert_int_equal (elect_outcome_get_round (o), ELECT_ROUND_REVOTE);
      assert_int_equal (elect_outcome_get_threshold (o, 0), 1);
      assert_cites (o, "threshold-revote", "浙江省村民委员会选举办法 第二十八条");
      assert_row (o, 0, "张三", ELECT_STATUS_ELECTED, 4);
      assert_row (o, 0, "赵四", ELECT_STATUS_OUTRANKED, 3);
      assert_next (o, 0, ELECT_ACTION_NONE, 0, "");

      g_autoptr (Fx) g = fx_new ("village-committee", "member:1:张三,赵四");
      fx_fill (g, sheet, 10, 0, "member=张三:4,赵四:4");
      g_autoptr (ElectOutcome) p = fx_count_full (g, 100, 10, -1, ELECT_ROUND_REVOTE, NULL);
      assert_row (p, 0, "张三", ELECT_STATUS_TIED, 4);
      assert_row (p, 0, "赵四", ELECT_STATUS_TIED, 4);
      assert_elected (p, 0, "");
      assert_next (p, 0, ELECT_ACTION_REVOTE, 1, "张三,赵四");
      assert_code (p, "tie-revote-again");
      assert_no_code (p, "tie-revote");
    }
}

/* RULES §6.3: more candidates reach the threshold than there are seats: the
 * seats go in vote order and the rest are outranked, never elected (VCL
 * Art. 15(2); ZJ Art. 28(2) 以得票多的当选; RCL Art. 8). */
static void
s6_3_more_passers_than_seats_vote_order (void **state)
{
  static const char *const profiles[] = { "village-committee", "residents-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    for (int sheet = 0; sheet <= 1; sheet++)
      {
        g_autoptr (Fx) f = fx_new (profiles[i], "member:2:张三,赵四,陈五,刘六");
        fx_fill (f, sheet, 12, 0, "member=张三:9,赵四:8,陈五:7");
        g_autoptr (ElectOutcome) o = fx_count (f, 20, 12);
        assert_int_equal (elect_outcome_get_threshold (o, 0), 7);
        assert_elected (o, 0, "张三,赵四");
        assert_row (o, 0, "陈五", ELECT_STATUS_OUTRANKED, 7);
        assert_row (o, 0, "刘六", ELECT_STATUS_BELOW_THRESHOLD, 0);
        assert_code (o, "outranked");
        assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
      }
}

/* RULES §6.3: candidates tied at the last seat(s) are none of them elected;
 * the result names them and the seats left for a revote; the tie is never
 * broken by paper order (ZJ Art. 28(2) 就得票数相等的人进行再次投票, SH
 * Art. 20(2), BJ Art. 29, HA Art. 36). A tie inside the seats or below the
 * cut-off is no revote. */
static void
s6_3_tie_at_last_seats_revote_zj28_sh20_bj29_ha36 (void **state)
{
  static const char *const profiles[] = {
    "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
    "beijing-village-committee", "henan-village-committee",
  };
  static const char *const papers[] = { "member:2:张三,赵四,陈五", "member:2:陈五,赵四,张三" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
      for (int sheet = 0; sheet <= 1; sheet++)
        {
          g_autoptr (Fx) f = fx_new (profiles[i], papers[k]);
          fx_fill (f, sheet, 14, 0, "member=张三:10,赵四:9,陈五:9");
          g_autoptr (ElectOutcome) o = fx_count (f, 20, 14);
          assert_int_equal (elect_outcome_get_threshold (o, 0), 8);
          assert_elected (o, 0, "张三");
          assert_row (o, 0, "赵四", ELECT_STATUS_TIED, 9);
          assert_row (o, 0, "陈五", ELECT_STATUS_TIED, 9);
          assert_int_equal (elect_outcome_get_unfilled (o, 0), 1);
          /* the tied in paper order: neither paper order elects anyone */
          assert_next (o, 0, ELECT_ACTION_REVOTE, 1, k == 0 ? "赵四,陈五" : "陈五,赵四");
          assert_cites (o, "tie-revote", "浙江省村民委员会选举办法 第二十八条");
          assert_int_equal (n_code (o, "tied"), 2);
          assert_no_code (o, "shortfall-supplementary");
        }

  for (int sheet = 0; sheet <= 1; sheet++)
    {
      /* three tied for two seats */
      g_autoptr (Fx) f = fx_new ("village-committee", "member:3:张三,赵四,陈五,刘六");
      fx_fill (f, sheet, 14, 0, "member=张三:12,赵四:9,陈五:9,刘六:9");
      g_autoptr (ElectOutcome) o = fx_count (f, 20, 14);
      assert_elected (o, 0, "张三");
      assert_next (o, 0, ELECT_ACTION_REVOTE, 2, "赵四,陈五,刘六");

      /* a tie inside the seats elects both */
      g_autoptr (Fx) g = fx_new ("village-committee", "member:2:张三,赵四,陈五");
      fx_fill (g, sheet, 12, 0, "member=张三:9,赵四:9,陈五:6");
      g_autoptr (ElectOutcome) p = fx_count (g, 20, 12);
      assert_elected (p, 0, "张三,赵四");
      assert_next (p, 0, ELECT_ACTION_NONE, 0, "");
      assert_no_code (p, "tied");

      /* a tie after the last seat (12 > 11 = 11): both outranked */
      g_autoptr (Fx) h = fx_new ("village-committee", "member:3:张三,赵四,陈五,刘六,周七");
      fx_fill (h, sheet, 20, 0, "member=张三:13,赵四:12,陈五:12,刘六:11,周七:11");
      g_autoptr (ElectOutcome) q = fx_count (h, 30, 20);
      assert_int_equal (elect_outcome_get_threshold (q, 0), 11);
      assert_elected (q, 0, "张三,赵四,陈五");
      assert_row (q, 0, "刘六", ELECT_STATUS_OUTRANKED, 11);
      assert_row (q, 0, "周七", ELECT_STATUS_OUTRANKED, 11);
      assert_next (q, 0, ELECT_ACTION_NONE, 0, "");
      assert_no_code (q, "tied");
    }
}

/* RULES §6.3: below the threshold no one is elected in a regular round,
 * whatever the shortfall (VCL Art. 15(2) 始得当选); a tie below the
 * threshold is no revote. */
static void
s6_3_below_threshold_never_elected_vcl15 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", "member:3:张三,赵四,陈五,刘六");
      fx_fill (f, sheet, 10, 0, "member=张三:8,赵四:5,陈五:5,刘六:4");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_elected (o, 0, "张三");
      assert_row (o, 0, "赵四", ELECT_STATUS_BELOW_THRESHOLD, 5);
      assert_row (o, 0, "陈五", ELECT_STATUS_BELOW_THRESHOLD, 5);
      assert_row (o, 0, "刘六", ELECT_STATUS_BELOW_THRESHOLD, 4);
      assert_int_equal (elect_outcome_get_unfilled (o, 0), 2);
      assert_no_code (o, "tied");
      assert_no_code (o, "tie-revote");
      assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 2, "赵四,陈五,刘六");
    }
}

/* RULES §3 (tie at the last seats), §6.3: the supervision committee goes on
 * voting among the tied (SD Art. 31, profile supervision-committee). */
static void
s6_3_supervision_tie_continue_voting_sd31 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("supervision-committee", "member:2:张三,赵四,陈五");
      fx_fill (f, sheet, 14, 0, "member=张三:10,赵四:9,陈五:9");
      g_autoptr (ElectOutcome) o = fx_count (f, 20, 14);
      assert_elected (o, 0, "张三");
      assert_next (o, 0, ELECT_ACTION_REVOTE, 1, "赵四,陈五");
      assert_cites (o, "tie-continue-voting", "山东省实施《村民委员会组织法》办法 第三十一条");
      assert_no_code (o, "tie-revote");
    }
}

/* ---- §6.4 several posts --------------------------------------------------- */

/* RULES §6.4, §5.3 (separate): posts are decided from the chair down; a
 * person elected to a higher post is not ranked for a lower one and those
 * votes go to no one else (a write-in for them too); one who fails a higher
 * post may win a lower one (VCL Art. 15; ZJ Art. 21(3) 一次性投票选举主任、
 * 副主任和委员). */
static void
s6_4_posts_from_highest_down (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("village-committee",
                                 "chair:1:王一/m,李二/m|vice:1:李二/m,张三/m"
                                 "|member:2:王一/m,张三/m,赵四/f");
      fx_fill (f, sheet, 14, 0,
               "chair=王一:9,李二:5;vice=李二:8,张三:6;member=王一:10,张三:9,赵四:8,李二:1");
      g_autoptr (ElectOutcome) o = fx_count (f, 20, 14);
      assert_int_equal (elect_outcome_get_threshold (o, 2), 8);
      assert_elected (o, 0, "王一");
      assert_elected (o, 1, "李二");
      assert_row (o, 1, "张三", ELECT_STATUS_BELOW_THRESHOLD, 6);
      /* without the removal 赵四 would be outranked by 王一 */
      assert_row (o, 2, "王一", ELECT_STATUS_ELECTED_HIGHER_POST, 10);
      assert_row (o, 2, "李二", ELECT_STATUS_ELECTED_HIGHER_POST, 1);
      assert_true (elect_outcome_is_candidate_write_in (o, 2, (guint) th_row (o, 2, "李二")));
      assert_row (o, 2, "张三", ELECT_STATUS_ELECTED, 9);
      assert_row (o, 2, "赵四", ELECT_STATUS_ELECTED, 8);
      assert_elected (o, 2, "张三,赵四");
      assert_int_equal (n_code (o, "elected-higher-post"), 2);
      for (guint c = 0; c < 3; c++)
        assert_next (o, c, ELECT_ACTION_NONE, 0, "");
      assert_code (o, "women-member-met");
    }
}

/* RULES §5.3 (cascade-down), §6.4: Henan adds the votes of a person who
 * fails a higher post to their votes for the next lower post, once per
 * ballot, never upward (HA Art. 25(2)); the national profile keeps them
 * apart (VCL 15); Zhejiang voids such a ballot, which stays in the base of
 * the threshold (ZJ Art. 27(3), BJ Art. 28). */
static void
s6_4_cascade_down_ha25 (void **state)
{
  static const char paper[] = "chair:1:王一/m,李二/m,张三/m|member:2:王一/m,张三/m,赵四/f";
  static const char *const profiles[] = {
    "henan-village-committee", "village-committee", "zhejiang-village-committee",
  };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (Fx) f = fx_new (profiles[i], paper);
      fx_add (f, "chair=王一;member=张三,赵四", 3);
      fx_add (f, "chair=王一;member=王一,张三", 1);
      fx_add (f, "chair=李二;member=王一,赵四", 2);
      fx_add (f, "chair=李二;member=张三", 4);
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_int_equal (elect_outcome_get_threshold (o, 1), 6);
      assert_elected (o, 0, "李二");
      switch (i)
        {
        case 0:   /* Henan: 3 + (4 - 1 ballot marking 王一 twice) = 6 */
          assert_int_equal (elect_tally_get_votes (f->tally, 1, 0), 3);
          assert_int_equal (elect_tally_get_overlap_votes (f->tally, 1, "王一", -1), 1);
          assert_int_equal (elect_tally_get_defect_count (f->tally, "two-posts-cascade-down"), 1);
          assert_row (o, 0, "王一", ELECT_STATUS_BELOW_THRESHOLD, 4);
          assert_row (o, 1, "王一", ELECT_STATUS_ELECTED, 6);
          assert_row (o, 1, "张三", ELECT_STATUS_ELECTED, 8);
          /* never upward: 张三's 8 member votes are not added to the chair */
          assert_row (o, 0, "张三", ELECT_STATUS_BELOW_THRESHOLD, 0);
          assert_elected (o, 1, "张三,王一");
          assert_int_equal (n_code (o, "cascade-down"), 1);
          assert_cites (o, "cascade-down", "河南省实施《村民委员会组织法》办法 第二十五条");
          /* no woman elected, the members are complete: the women's seat */
          assert_next (o, 1, ELECT_ACTION_WOMEN_SEAT, 1, "赵四");
          break;
        case 1:   /* separate */
          assert_row (o, 1, "王一", ELECT_STATUS_BELOW_THRESHOLD, 3);
          assert_elected (o, 1, "张三");
          assert_no_code (o, "cascade-down");
          assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "赵四,王一");
          break;
        default:  /* void-ballot: 9 valid, base still 10 */
          assert_int_equal (elect_tally_get_ballots_invalid (f->tally), 1);
          assert_int_equal (elect_tally_get_defect_count (f->tally, "two-posts-void-ballot"), 1);
          assert_row (o, 0, "王一", ELECT_STATUS_BELOW_THRESHOLD, 3);
          assert_row (o, 1, "张三", ELECT_STATUS_ELECTED, 7);
          assert_row (o, 1, "赵四", ELECT_STATUS_BELOW_THRESHOLD, 5);
          assert_row (o, 1, "王一", ELECT_STATUS_BELOW_THRESHOLD, 2);
          assert_no_code (o, "cascade-down");
          break;
        }
    }
}

/* ---- §6.5 shortfall, supplementary round, vacancies ----------------------- */

/* RULES §6.5: a shortfall leads to a supplementary round for the unfilled
 * seats, the candidates being the best-placed non-elected, seats plus the
 * profile's surplus, everyone tied at the cut-off included and flagged (VCL
 * Art. 15(2) 第一次投票未当选的人员得票多的为候选人; SH Art. 21 按照差额;
 * BJ Art. 30(2) 差额; HA Art. 38(2); RCL, VSC as VC). */
static void
s6_5_shortfall_supplementary_candidates_vcl15 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "村民委员会组织法 第十五条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第二十一条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第三十条" },
    { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第三十八条" },
    { "residents-committee", "村民委员会组织法 第十五条" },
    { "supervision-committee", "村民委员会组织法 第十五条" },
  };
  static const char paper[] = "member:3:张三/m,赵四/f,陈五/m,刘六/m,周七/m";
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int sheet = 0; sheet <= 1; sheet++)
      {
        gboolean women = i < 4;   /* residents and supervision: not required */
        g_autoptr (Fx) f = fx_new (cases[i].profile, paper);
        fx_fill (f, sheet, 10, 0, "member=张三:7,赵四:5,陈五:4,刘六:3,周七:1");
        g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
        assert_elected (o, 0, "张三");
        assert_int_equal (elect_outcome_get_unfilled (o, 0), 2);
        assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 2, "赵四,陈五,刘六");
        assert_cites (o, "shortfall-supplementary", cases[i].article);
        assert_no_code (o, "supplementary-tie-at-cutoff");
        assert_no_code (o, "vacancy-allowed");
        /* Shanghai could leave seats vacant with three elected, Beijing
         * with four after a supplementary round: they say why not */
        assert_int_equal (elect_outcome_has_reason (o, "vacancy-condition-not-met"),
                          i == 1 || i == 2);
        /* no woman elected, a supplementary round is due: it is flagged */
        assert_int_equal (elect_outcome_has_reason (o, "women-member-missing"), women);
        assert_int_equal (json_has (o, "\"women_seat\""), women);

        g_autoptr (Fx) g = fx_new (cases[i].profile, paper);
        fx_fill (g, sheet, 10, 0, "member=张三:7,赵四:5,陈五:4,刘六:3,周七:3");
        g_autoptr (ElectOutcome) p = fx_count (g, 15, 10);
        assert_next (p, 0, ELECT_ACTION_SUPPLEMENTARY, 2, "赵四,陈五,刘六,周七");
        assert_code (p, "supplementary-tie-at-cutoff");
      }
}

/* RULES §6.5: Shanghai lets unfilled seats stay vacant once three members
 * are elected, by decision of the assembly; with fewer it holds a
 * supplementary round (SH Art. 21 当选人数达到三人的…是否暂缺…决定);
 * earlier rounds count. */
static void
s6_5_vacancy_shanghai_three_elected_sh21 (void **state)
{
  static const char paper[] = "chair:1:王一/m,李二/m|member:4:张三/m,赵四/f,陈五/m,刘六/m,周七/m";
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("shanghai-village-committee", paper);
      fx_fill (f, sheet, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:4,刘六:3,周七:2");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_elected (o, 0, "王一");
      assert_elected (o, 1, "张三,赵四");
      assert_next (o, 1, ELECT_ACTION_VACANT, 2, "");
      assert_cites (o, "vacancy-allowed", "上海市村民委员会选举办法 第二十一条");
      assert_code (o, "women-member-met");

      /* two elected (a tie below the threshold for the chair) */
      g_autoptr (Fx) g = fx_new ("shanghai-village-committee", paper);
      fx_fill (g, sheet, 10, 0, "chair=王一:5,李二:5;member=张三:8,赵四:7,陈五:4,刘六:3,周七:2");
      g_autoptr (ElectOutcome) p = fx_count (g, 15, 10);
      assert_elected (p, 0, "");
      assert_next (p, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "王一,李二");
      assert_next (p, 1, ELECT_ACTION_SUPPLEMENTARY, 2, "陈五,刘六,周七");
      assert_cites (p, "vacancy-condition-not-met", "上海市村民委员会选举办法 第二十一条");
      assert_no_code (p, "vacancy-allowed");
    }
  /* a supplementary round: two from before and one now make three */
  for (guint earlier = 1; earlier <= 2; earlier++)
    {
      g_autoptr (Fx) f = fx_new ("shanghai-village-committee", "member:2:陈五/m,刘六/m,周七/m");
      fx_votes (f, 10, 0, "member=陈五:4,刘六:3,周七:2");
      g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
      elect_count_options_set_earlier (opt, earlier, FALSE, TRUE);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
      assert_elected (o, 0, "陈五");
      if (earlier == 2)
        assert_next (o, 0, ELECT_ACTION_VACANT, 1, "");
      else
        assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
    }
}

/* RULES §6.5, §6.6: Zhejiang allows vacancies only after the supplementary
 * round, once three members are elected (ZJ Art. 30 经另行选举…已选足三人);
 * it may also hold that round as an open ballot (ZJ Art. 29(2)); the
 * women's post is never left vacant (ZJ Art. 29(4)). */
static void
s6_5_vacancy_zhejiang_after_supplementary_zj30 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("zhejiang-village-committee",
                                 "chair:1:王一/m,李二/m|member:3:张三/m,赵四/m,陈五/m,刘六/m"
                                 "|*women:1:林芳/f,何丽/f");
      fx_fill (f, sheet, 10, 0,
               "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:4,刘六:3;women=林芳:6,何丽:4");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      /* four elected, but a regular round */
      assert_elected (o, 2, "林芳");
      assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "陈五,刘六");
      assert_cites (o, "vacancy-condition-not-met", "浙江省村民委员会选举办法 第三十条");
      assert_cites (o, "supplementary-open-ballot-allowed", "浙江省村民委员会选举办法 第二十九条");
      assert_no_code (o, "vacancy-allowed");
    }
  for (guint earlier = 0; earlier <= 1; earlier++)
    {
      g_autoptr (Fx) f = fx_new ("zhejiang-village-committee",
                                 "member:2:陈五/m,刘六/m,周七/m|*women:1:林芳/f");
      fx_votes (f, 10, 0, "member=陈五:5,刘六:3,周七:2;women=林芳:7");
      g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
      elect_count_options_set_earlier (opt, earlier, TRUE, FALSE);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
      assert_elected (o, 0, "陈五");
      assert_elected (o, 1, "林芳");
      if (earlier == 1)   /* exactly three: 1 + 陈五 + 林芳 */
        {
          assert_next (o, 0, ELECT_ACTION_VACANT, 1, "");
          assert_cites (o, "vacancy-allowed", "浙江省村民委员会选举办法 第三十条");
        }
      else                /* two */
        {
          assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
          assert_code (o, "vacancy-condition-not-met");
        }
    }
  {
    /* two in all: another supplementary round */
    g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", "member:2:陈五/m,刘六/m,周七/m|*women:1:林芳/f");
    fx_votes (f, 10, 0, "member=陈五:5,刘六:3,周七:2;women=林芳:3");
    g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
    elect_count_options_set_earlier (opt, 1, TRUE, TRUE);
    g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
    assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
    assert_code (o, "vacancy-condition-not-met");
    /* the women's post stays on the ballot */
    assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "林芳");
  }
  {
    /* five elected in all, the women's post still unfilled: not vacant */
    g_autoptr (Fx) f = fx_new ("zhejiang-village-committee",
                               "member:1:陈五/m,刘六/m|*women:1:林芳/f,何丽/f");
    fx_votes (f, 10, 0, "member=陈五:5,刘六:3;women=林芳:3,何丽:3");
    g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
    elect_count_options_set_earlier (opt, 4, TRUE, FALSE);
    g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
    assert_elected (o, 0, "陈五");
    assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "林芳,何丽");
    assert_cites (o, "women-post-unfilled", "浙江省村民委员会选举办法 第二十九条");
    assert_no_code (o, "vacancy-allowed");
  }
}

/* RULES §6.5: Beijing may stop after the supplementary round only when more
 * than three members are elected and the chair is among them (BJ Art. 30(3)
 * 当选人数超过三人并已选出村民委员会主任); not after the regular round. */
static void
s6_5_vacancy_beijing_more_than_three_and_chair_bj30 (void **state)
{
  static const struct { guint earlier; gboolean chair; gboolean vacant; } cases[] = {
    { 3, TRUE, TRUE }, { 2, TRUE, FALSE }, { 3, FALSE, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (Fx) f = fx_new ("beijing-village-committee", "member:2:陈五/m,刘六/m,周七/m");
      fx_votes (f, 10, 0, "member=陈五:5,刘六:3,周七:2");
      g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
      elect_count_options_set_earlier (opt, cases[i].earlier, cases[i].chair, TRUE);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
      assert_elected (o, 0, "陈五");
      if (cases[i].vacant)
        {
          assert_next (o, 0, ELECT_ACTION_VACANT, 1, "");
          assert_cites (o, "vacancy-allowed", "北京市村民委员会选举办法 第三十条第三款");
        }
      else
        {
          assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
          assert_cites (o, "vacancy-condition-not-met", "北京市村民委员会选举办法 第三十条第三款");
        }
    }
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      /* four elected with the chair, but in the regular round */
      g_autoptr (Fx) f = fx_new ("beijing-village-committee",
                                 "chair:1:王一/m,李二/m|member:4:张三/m,赵四/f,陈五/m,刘六/m,周七/m");
      fx_fill (f, sheet, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:6,刘六:3,周七:2");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_elected (o, 1, "张三,赵四,陈五");
      assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
      assert_no_code (o, "vacancy-allowed");
    }
}

/* RULES §6.5: the national law and Henan never leave seats vacant: another
 * supplementary round, however many are elected (VCL Art. 15(2), HA
 * Art. 38(1) 不能足额产生当选人的，应当对不足的名额进行补选). */
static void
s6_5_never_vacant_vcl15_ha38 (void **state)
{
  static const char *const profiles[] = { "village-committee", "henan-village-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (Fx) f = fx_new (profiles[i], "member:2:陈五/m,刘六/m,周七/m");
      fx_votes (f, 10, 0, "member=陈五:5,刘六:3,周七:2");
      g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
      elect_count_options_set_earlier (opt, 6, TRUE, TRUE);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
      assert_elected (o, 0, "陈五");
      assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "刘六,周七");
      assert_no_code (o, "vacancy-allowed");
      assert_no_code (o, "vacancy-condition-not-met");
    }
}

/* ---- §6.6 women member ---------------------------------------------------- */

/* RULES §6.6: where a woman member is required and none is elected, the
 * result says so and the next action is the women's seat, or flags the
 * supplementary round due; unknown sexes cannot be checked; earlier rounds
 * count (VCL Art. 6(2), SH Art. 2(3), BJ Art. 3, HA Art. 8(3)). */
static void
s6_6_women_member_required_vcl6_sh2_bj3_ha8 (void **state)
{
  static const ProfileArticle cases[] = {
    { "village-committee", "村民委员会组织法 第六条" },
    { "shanghai-village-committee", "上海市村民委员会选举办法 第二条" },
    { "beijing-village-committee", "北京市村民委员会选举办法 第三条" },
    { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第八条" },
  };
  static const char paper[] = "chair:1:王一/m,李二/f|member:2:张三/m,赵四/m,陈五/f,刘六/f";
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (int sheet = 0; sheet <= 1; sheet++)
        {
          g_autoptr (Fx) f = fx_new (cases[i].profile, paper);
          fx_fill (f, sheet, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:3,刘六:2");
          g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
          assert_cites (o, "women-member-missing", cases[i].article);
          assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
          assert_next (o, 1, ELECT_ACTION_WOMEN_SEAT, 1, "陈五,刘六");
          assert_no_code (o, "women-member-met");
        }
      static const char *const met[] = {
        "chair=王一:7,李二:3;member=张三:8,陈五:7,赵四:3,刘六:2",
        "chair=李二:7,王一:3;member=张三:8,赵四:7,陈五:3,刘六:2",
      };
      for (guint k = 0; k < G_N_ELEMENTS (met); k++)
        {
          g_autoptr (Fx) f = fx_new (cases[i].profile, paper);
          fx_votes (f, 10, 0, met[k]);
          g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
          assert_cites (o, "women-member-met", cases[i].article);
          assert_no_code (o, "women-member-missing");
          assert_next (o, 1, ELECT_ACTION_NONE, 0, "");
        }
      {
        /* a shortfall and no woman: the supplementary round is flagged */
        g_autoptr (Fx) f = fx_new (cases[i].profile, paper);
        fx_votes (f, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:5,陈五:3,刘六:2");
        g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
        assert_code (o, "women-member-missing");
        assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "赵四,陈五");
        assert_true (json_has (o, "\"women_seat\""));
      }
      {
        /* sexes unknown */
        g_autoptr (Fx) f = fx_new (cases[i].profile, "chair:1:王一,李二|member:2:张三,赵四,陈五");
        fx_votes (f, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:3");
        g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
        assert_cites (o, "women-member-unknown", cases[i].article);
        assert_no_code (o, "women-member-missing");
        assert_next (o, 1, ELECT_ACTION_NONE, 0, "");
      }
      for (int woman = 0; woman <= 1; woman++)
        {
          /* a supplementary round: a woman elected earlier counts */
          g_autoptr (Fx) f = fx_new (cases[i].profile, "member:1:张三/m,赵四/m");
          fx_votes (f, 10, 0, "member=张三:6,赵四:2");
          g_autoptr (ElectCountOptions) opt = elect_count_options_new ();
          elect_count_options_set_earlier (opt, 4, TRUE, woman);
          g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY,
                                                      opt);
          assert_elected (o, 0, "张三");
          if (woman)
            {
              assert_code (o, "women-member-met");
              assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
            }
          else
            {
              assert_code (o, "women-member-missing");
              assert_next (o, 0, ELECT_ACTION_WOMEN_SEAT, 1, "");
            }
        }
    }
}

/* RULES §6.6: Zhejiang lists a separate women's post (ZJ Art. 21(3) 选票应当
 * 单列妇女委员职位), counted among women only: a man written in there is not
 * eligible, a woman written in may win; unfilled, it stays on the
 * supplementary ballot (ZJ Art. 29(4)); a paper without it is reported. */
static void
s6_6_zhejiang_women_post_zj21_zj29 (void **state)
{
  static const char paper[] =
    "chair:1:王一/m,李二/m|member:2:张三/m,赵四/m,陈五/m|*women:1:林芳/f,何丽/f";
  static const char *const people[] = { "孙九", "钱芳" };
  static const ElectSex sexes[] = { ELECT_SEX_MALE, ELECT_SEX_FEMALE };
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
      fx_fill (f, sheet, 10, 0,
               "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:3;women=林芳:6,何丽:4");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_elected (o, 2, "林芳");
      assert_cites (o, "women-post-women-only", "浙江省村民委员会选举办法 第二十一条");
      assert_code (o, "women-member-met");
      assert_next (o, 2, ELECT_ACTION_NONE, 0, "");

      g_autoptr (Fx) g = fx_new ("zhejiang-village-committee", paper);
      fx_fill (g, sheet, 10, 0,
               "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:3;women=林芳:5,何丽:4");
      g_autoptr (ElectOutcome) p = fx_count (g, 15, 10);
      assert_elected (p, 2, "");
      assert_next (p, 2, ELECT_ACTION_SUPPLEMENTARY, 1, "林芳,何丽");
      assert_cites (p, "women-post-unfilled", "浙江省村民委员会选举办法 第二十九条");
      assert_no_code (p, "women-member-missing");
    }
  {
    /* a tally sheet names a man on the women's post */
    g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
    assert_true (elect_tally_set_eligible (f->tally, people, sexes, 2, NULL));
    fx_sheet_raw (f, 10, 0, 10,
                  "chair=王一:7,李二:3;member=张三:8,赵四:7,陈五:3;women=林芳:3,孙九:6");
    g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
    assert_row (o, 2, "孙九", ELECT_STATUS_NOT_ELIGIBLE, 6);
    assert_cites (o, "not-eligible-women-post", "浙江省村民委员会选举办法 第二十一条");
    assert_elected (o, 2, "");
    assert_next (o, 2, ELECT_ACTION_SUPPLEMENTARY, 1, "林芳,何丽");
  }
  {
    /* ballots: a woman written in wins, a man's write-ins are void marks */
    g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
    assert_true (elect_tally_set_eligible (f->tally, people, sexes, 2, NULL));
    fx_add (f, "chair=王一;member=张三,赵四;women=钱芳", 6);
    fx_add (f, "chair=李二;member=陈五;women=孙九", 2);
    fx_add (f, "chair=王一;member=张三;women=林芳", 2);
    g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
    assert_int_equal (elect_tally_get_defect_count (f->tally, "women-post-not-woman"), 2);
    assert_elected (o, 2, "钱芳");
    assert_true (elect_outcome_is_candidate_write_in (o, 2, (guint) th_row (o, 2, "钱芳")));
    assert_elected (o, 1, "张三,赵四");
  }
  {
    g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", "chair:1:王一/m,李二/f|member:2:张三/m,赵四/m");
    fx_votes (f, 10, 0, "chair=王一:7,李二:3;member=张三:8,赵四:7");
    g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
    assert_cites (o, "women-post-missing", "浙江省村民委员会选举办法 第二十一条");
  }
}

/* RULES §3 (women member), §6.6: residents' committees (RCL Art. 7), Party
 * committees (PER) and the supervision committee (VCL Art. 32) have no
 * women-member rule: no women reason, no women's seat. */
static void
s6_6_women_not_required_rcl7_vcl32_per (void **state)
{
  static const char *const profiles[] = {
    "residents-committee", "supervision-committee", "party-committee",
  };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      gboolean party = strcmp (profiles[i], "party-committee") == 0;
      g_autoptr (Fx) f = fx_new (profiles[i], party ? "committee:2:张三/m,赵四/m,陈五/f"
                                                    : "member:2:张三/m,赵四/m,陈五/f");
      fx_votes (f, 10, 0, party ? "committee=张三:8,赵四:7,陈五:3" : "member=张三:8,赵四:7,陈五:3");
      g_autoptr (ElectOutcome) o = fx_count_full (f, 12, 10, party ? 10 : -1,
                                                  ELECT_ROUND_REGULAR, NULL);
      assert_elected (o, 0, "张三,赵四");
      assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
      for (guint k = 0; k < elect_outcome_get_n_reasons (o); k++)
        {
          const char *code = elect_reason_get_code (elect_outcome_get_reason (o, k));
          if (strstr (code, "women") != NULL)
            fail_msg ("%s: unexpected %s", profiles[i], code);
        }
      assert_false (json_has (o, "\"women_seat\""));
    }
}

/* ---- §6.7 relatives avoidance --------------------------------------------- */

/* RULES §6.7: relatives avoidance after counting (ZJ Art. 31): of two related
 * winners the higher post stays; on the same post, more votes; same post and
 * votes: a further vote between them; the freed seat goes to the next by
 * votes who reached the majority; relations outside the profile's set
 * (grandparents) do not count; a relation may be given either way round. */
static void
s6_7_zhejiang_avoidance_refill_zj31 (void **state)
{
  static const char paper[] =
    "chair:1:王一/m,李二/m|member:2:张三/m,赵四/m,陈五/m,刘六/m|*women:1:林芳/f,何丽/f";
  static const char va[] = "chair=王一:8,李二:4;member=张三:9,赵四:8,陈五:7;women=林芳:7,何丽:5";
  static const char vb[] =
    "chair=王一:8,李二:4;member=张三:9,赵四:8,陈五:6,刘六:1;women=林芳:7,何丽:5";
  static const char vd[] =
    "chair=王一:8,李二:4;member=张三:8,赵四:8,陈五:7,刘六:1;women=林芳:7,何丽:5";
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      {
        /* no relation */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, va);
        g_autoptr (ElectOutcome) o = fx_count (f, 20, 12);
        assert_elected (o, 1, "张三,赵四");
        assert_row (o, 1, "陈五", ELECT_STATUS_OUTRANKED, 7);
      }
      static const char *const rels[][3] = {
        { "王一", "张三", "spouse" },     /* chair and member */
        { "张三", "王一", "child" },      /* the same, given the other way */
      };
      for (guint k = 0; k < G_N_ELEMENTS (rels); k++)
        {
          g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
          fx_fill (f, sheet, 12, 0, va);
          g_autoptr (ElectCountOptions) opt = relation (rels[k][0], rels[k][1], rels[k][2]);
          g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
          assert_elected (o, 0, "王一");
          assert_row (o, 1, "张三", ELECT_STATUS_RELATIVE_AVOIDED, 9);
          assert_row (o, 1, "陈五", ELECT_STATUS_ELECTED, 7);
          assert_elected (o, 1, "赵四,陈五");
          assert_cites (o, "relatives-avoided", "浙江省村民委员会选举办法 第三十一条");
          assert_cites (o, "relatives-refill", "浙江省村民委员会选举办法 第三十一条");
          assert_next (o, 1, ELECT_ACTION_NONE, 0, "");
        }
      {
        /* the next one has no majority: the seat is not refilled */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, vb);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "张三", "spouse");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 1, "陈五", ELECT_STATUS_BELOW_THRESHOLD, 6);
        assert_elected (o, 1, "赵四");
        assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "陈五,刘六");
      }
      {
        /* the same post: the one with more votes stays */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, va);
        g_autoptr (ElectCountOptions) opt = relation ("张三", "赵四", "sibling");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 1, "赵四", ELECT_STATUS_RELATIVE_AVOIDED, 8);
        assert_elected (o, 1, "张三,陈五");
      }
      {
        /* the same post and votes: a further vote between them */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, vd);
        g_autoptr (ElectCountOptions) opt = relation ("张三", "赵四", "sibling");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_cites (o, "relatives-tie", "浙江省村民委员会选举办法 第三十一条");
        assert_next (o, 1, ELECT_ACTION_AVOIDANCE_VOTE, 1, "张三,赵四");
        assert_no_code (o, "relatives-avoided");
      }
      {
        /* grandparents are not in Zhejiang's set */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, va);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "张三", "grandparent");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_elected (o, 1, "张三,赵四");
        assert_no_code (o, "relatives-avoided");
      }
      {
        /* the women's post gives way to the chair; 何丽 has no majority */
        g_autoptr (Fx) f = fx_new ("zhejiang-village-committee", paper);
        fx_fill (f, sheet, 12, 0, va);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "林芳", "spouse");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 2, "林芳", ELECT_STATUS_RELATIVE_AVOIDED, 7);
        assert_elected (o, 2, "");
        assert_next (o, 2, ELECT_ACTION_SUPPLEMENTARY, 1, "何丽");
        assert_code (o, "women-post-unfilled");
      }
    }
  /* after a supplementary round the refill needs 3*votes >= cast (ZJ 31(3)) */
  static const char *const supp[] = { "member=陈五:6,刘六:5,周七:4,吴八:1",
                                      "member=陈五:6,刘六:5,周七:3,吴八:2" };
  for (guint k = 0; k < G_N_ELEMENTS (supp); k++)
    {
      g_autoptr (Fx) f = fx_new ("zhejiang-village-committee",
                                 "member:2:陈五/m,刘六/m,周七/m,吴八/m");
      fx_votes (f, 10, 0, supp[k]);
      g_autoptr (ElectCountOptions) opt = relation ("陈五", "刘六", "spouse");
      elect_count_options_set_earlier (opt, 0, TRUE, TRUE);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 15, 10, -1, ELECT_ROUND_SUPPLEMENTARY, opt);
      assert_int_equal (elect_outcome_get_threshold (o, 0), 4);
      assert_row (o, 0, "刘六", ELECT_STATUS_RELATIVE_AVOIDED, 5);
      assert_code (o, "relatives-refill");
      if (k == 0)
        {
          assert_elected (o, 0, "陈五,周七");
          assert_next (o, 0, ELECT_ACTION_NONE, 0, "");
        }
      else
        {
          assert_elected (o, 0, "陈五");
          assert_next (o, 0, ELECT_ACTION_SUPPLEMENTARY, 1, "周七,吴八");
        }
    }
}

/* RULES §6.7: Henan keeps the higher post, on the same post the one with more
 * votes, for spouses, parents, children and siblings, but has no refill
 * rule: the freed seat stays unfilled (HA Art. 8(2)); Shanghai forbids
 * spouses and lineal relatives, not siblings (SH Art. 2(3)); the national
 * profile has no avoidance (VCL). */
static void
s6_7_henan_shanghai_no_refill_ha8_sh2 (void **state)
{
  static const char paper[] = "chair:1:王一/m,李二/m|member:2:张三/m,赵四/f,陈五/m";
  static const char votes[] = "chair=王一:8,李二:4;member=张三:9,赵四:8,陈五:7";
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      {
        g_autoptr (Fx) f = fx_new ("henan-village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "张三", "spouse");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 1, "张三", ELECT_STATUS_RELATIVE_AVOIDED, 9);
        assert_row (o, 1, "陈五", ELECT_STATUS_OUTRANKED, 7);
        assert_elected (o, 1, "赵四");
        assert_cites (o, "relatives-avoided", "河南省实施《村民委员会组织法》办法 第八条");
        assert_cites (o, "relatives-seat-unfilled", "河南省实施《村民委员会组织法》办法 第八条");
        assert_no_code (o, "relatives-refill");
        assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "陈五");
      }
      {
        g_autoptr (Fx) f = fx_new ("henan-village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("张三", "赵四", "sibling");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 1, "赵四", ELECT_STATUS_RELATIVE_AVOIDED, 8);
        assert_elected (o, 1, "张三");
        assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "陈五");
        assert_code (o, "women-member-missing");
      }
      {
        g_autoptr (Fx) f = fx_new ("henan-village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("张三", "王一", "grandchild");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_elected (o, 1, "张三,赵四");
        assert_no_code (o, "relatives-avoided");
      }
      {
        g_autoptr (Fx) f = fx_new ("shanghai-village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "张三", "grandparent");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_row (o, 1, "张三", ELECT_STATUS_RELATIVE_AVOIDED, 9);
        assert_elected (o, 1, "赵四");
        assert_cites (o, "relatives-avoided", "上海市村民委员会选举办法 第二条");
        assert_code (o, "relatives-seat-unfilled");
        /* two elected: no vacancy (SH 21) */
        assert_next (o, 1, ELECT_ACTION_SUPPLEMENTARY, 1, "陈五");
      }
      {
        g_autoptr (Fx) f = fx_new ("shanghai-village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("张三", "赵四", "sibling");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_elected (o, 1, "张三,赵四");
        assert_no_code (o, "relatives-avoided");
      }
      {
        g_autoptr (Fx) f = fx_new ("village-committee", paper);
        fx_fill (f, sheet, 12, 0, votes);
        g_autoptr (ElectCountOptions) opt = relation ("王一", "张三", "spouse");
        g_autoptr (ElectOutcome) o = fx_count_full (f, 20, 12, -1, ELECT_ROUND_REGULAR, opt);
        assert_elected (o, 1, "张三,赵四");
        assert_no_code (o, "relatives-avoided");
        assert_no_code (o, "relatives-tie");
      }
    }
}

/* ---- §6.8 Party ------------------------------------------------------------ */

/* RULES §6.8, §6.3: Party: more passers than seats go by votes; a tie at the
 * last seat is a revote among the tied (PER [approx] Art. 29). */
static void
s6_8_party_vote_order_and_tie_per29 (void **state)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      g_autoptr (Fx) f = fx_new ("party-committee", "committee:3:甲,乙,丙,丁,戊");
      fx_fill (f, sheet, 10, 0, "committee=甲:9,乙:8,丙:7,丁:6");
      g_autoptr (ElectOutcome) o = fx_count_full (f, 12, -1, 10, ELECT_ROUND_REGULAR, NULL);
      assert_int_equal (elect_outcome_get_threshold (o, 0), 6);
      assert_elected (o, 0, "甲,乙,丙");
      assert_row (o, 0, "丁", ELECT_STATUS_OUTRANKED, 6);
      assert_row (o, 0, "戊", ELECT_STATUS_BELOW_THRESHOLD, 0);
      assert_next (o, 0, ELECT_ACTION_NONE, 0, "");

      g_autoptr (Fx) g = fx_new ("party-committee", "committee:3:甲,乙,丙,丁,戊");
      fx_fill (g, sheet, 10, 0, "committee=甲:9,乙:8,丙:6,丁:6");
      g_autoptr (ElectOutcome) p = fx_count_full (g, 12, -1, 10, ELECT_ROUND_REGULAR, NULL);
      assert_elected (p, 0, "甲,乙");
      assert_next (p, 0, ELECT_ACTION_REVOTE, 1, "丙,丁");
      assert_cites (p, "tie-revote", "票数相等不能确定当选人时再次投票");
    }
}

/* RULES §6.8: Party committee candidates must exceed the seats by at least
 * 20 %: 5*(c-s) >= s — 3 seats need 4, 5 need 6 (exactly 20 %), 7 need 9
 * (PER Art. 13). */
static void
s6_8_party_candidate_surplus_per13 (void **state)
{
  static const char *const names[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬" };
  static const struct { guint seats, cands; gboolean short_; } cases[] = {
    { 3, 3, TRUE }, { 3, 4, FALSE }, { 5, 5, TRUE }, { 5, 6, FALSE },
    { 7, 8, TRUE }, { 7, 9, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *paper = g_string_new (NULL);
      GString *marks = g_string_new ("committee=");
      g_string_printf (paper, "committee:%u:", cases[i].seats);
      for (guint k = 0; k < cases[i].cands; k++)
        g_string_append_printf (paper, "%s%s", k ? "," : "", names[k]);
      for (guint k = 0; k < cases[i].seats; k++)
        g_string_append_printf (marks, "%s+%s", k ? "," : "", names[k]);
      g_autoptr (Fx) f = fx_new ("party-committee", paper->str);
      fx_add (f, marks->str, 10);
      g_autoptr (ElectOutcome) o = fx_count_full (f, 12, -1, 10, ELECT_ROUND_REGULAR, NULL);
      assert_int_equal (th_strv_len (elect_outcome_get_elected (o, 0)), cases[i].seats);
      assert_int_equal (elect_outcome_has_reason (o, "candidate-surplus-short"), cases[i].short_);
      if (cases[i].short_)
        assert_cites (o, "candidate-surplus-short", "第十三条");
      g_string_free (paper, TRUE);
      g_string_free (marks, TRUE);
    }
}

/* ---- §6.9 tally sheets ----------------------------------------------------- */

static const char sheet_paper[] = "chair:1:王一,李二|member:2:张三,赵四,陈五";

/* RULES §6.9: a consistent tally sheet is counted by the same decision code
 * and says that the ballot-level rules could not be applied; a candidate
 * with as many votes as valid ballots and a contest with valid × seats
 * votes are consistent. */
static void
s6_9_sheet_consistent (void **state)
{
  for (gint64 valid = -1; valid <= 8; valid += 9)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
      fx_sheet_raw (f, 10, 2, valid, "chair=王一:8,李二:0;member=张三:8,赵四:8,陈五:0");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_true (elect_outcome_is_valid (o));
      assert_code (o, "sheet-no-ballot-rules");
      assert_no_code (o, "sheet-candidate-exceeds-valid");
      assert_no_code (o, "sheet-contest-votes-exceed");
      assert_no_code (o, "sheet-valid-invalid-mismatch");
      assert_no_code (o, "sheet-invalid-exceeds-returned");
      assert_elected (o, 0, "王一");
      assert_elected (o, 1, "张三,赵四");
      assert_true (json_has (o, "\"tally_sheet\""));
    }
}

/* RULES §6.9: valid + invalid = returned, or the sheet is not counted
 * (recount), on either side. */
static void
s6_9_sheet_valid_plus_invalid_is_returned (void **state)
{
  for (gint64 valid = 7; valid <= 9; valid += 2)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
      fx_sheet_raw (f, 10, 2, valid, "chair=王一:6;member=张三:6");
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_code (o, "sheet-valid-invalid-mismatch");
      assert_undecided (o, ELECT_ACTION_RECOUNT);
      assert_next (o, 1, ELECT_ACTION_RECOUNT, 2, "");
      assert_no_code (o, "quorum-met");
    }
}

/* RULES §6.9 with §5.3 cascade-down (HA 25): a tally sheet cannot show how
 * many ballots marked one person for two posts, so no votes are carried
 * down and the result says so (the ballot path, s6_4_cascade_down_ha25,
 * carries them). 王一 fails the chair with 4; with 4 member votes they are
 * not elected (carrying would give 8, elected). */
static void
s6_9_sheet_no_cascade_ha25 (void **state)
{
  g_autoptr (Fx) f = fx_new ("henan-village-committee",
                             "chair:1:王一/m,李二/m|member:2:王一/m,张三/m,赵四/f");
  fx_sheet_raw (f, 10, 0, -1, "chair=王一:4,李二:6;member=王一:4,张三:8,赵四:6");
  g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
  assert_elected (o, 0, "李二");
  assert_row (o, 1, "王一", ELECT_STATUS_BELOW_THRESHOLD, 4);
  assert_elected (o, 1, "张三,赵四");
  assert_no_code (o, "cascade-down");
  assert_code (o, "sheet-no-cascade");
  assert_cites (o, "sheet-no-cascade", "河南省实施《村民委员会组织法》办法 第二十五条");
}

/* RULES §6.9: more invalid ballots than returned is reported; all invalid is
 * consistent. */
static void
s6_9_sheet_invalid_exceeds_returned (void **state)
{
  for (gint64 invalid = 6; invalid <= 7; invalid++)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
      fx_sheet_raw (f, 6, invalid, -1, "");
      g_autoptr (ElectOutcome) o = fx_count (f, 10, 6);
      if (invalid == 7)
        {
          assert_code (o, "sheet-invalid-exceeds-returned");
          assert_undecided (o, ELECT_ACTION_RECOUNT);
        }
      else
        {
          assert_true (elect_outcome_is_valid (o));
          assert_no_code (o, "sheet-invalid-exceeds-returned");
          assert_elected (o, 0, "");
        }
    }
}

/* RULES §6.9: no candidate, listed or written in, above the valid ballots. */
static void
s6_9_sheet_candidate_exceeds_valid (void **state)
{
  static const char *const specs[] = { "member=张三:9", "member=孙九:9" };
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
      fx_sheet_raw (f, 10, 2, 8, specs[i]);
      g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
      assert_int_equal (n_code (o, "sheet-candidate-exceeds-valid"), 1);
      assert_no_code (o, "sheet-contest-votes-exceed");
      assert_undecided (o, ELECT_ACTION_RECOUNT);
    }
}

/* RULES §6.9: a contest's votes at most valid ballots × seats (one above in
 * each contest: both reported). */
static void
s6_9_sheet_contest_votes_exceed_valid_times_seats (void **state)
{
  g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
  fx_sheet_raw (f, 10, 2, 8, "chair=王一:5,李二:4;member=张三:8,赵四:8,陈五:1");
  g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
  assert_int_equal (n_code (o, "sheet-contest-votes-exceed"), 2);
  assert_no_code (o, "sheet-candidate-exceeds-valid");
  assert_undecided (o, ELECT_ACTION_RECOUNT);
}

/* RULES §6.9: every violation of one sheet is reported with its code, none
 * silently; ballots returned above those issued voids the round (§6.1(a)). */
static void
s6_9_sheet_every_violation_reported (void **state)
{
  g_autoptr (Fx) f = fx_new ("village-committee", sheet_paper);
  fx_sheet_raw (f, 10, 12, 3, "chair=王一:4;member=张三:3,赵四:3,陈五:1");
  g_autoptr (ElectOutcome) o = fx_count (f, 15, 10);
  assert_code (o, "sheet-invalid-exceeds-returned");
  assert_code (o, "sheet-valid-invalid-mismatch");
  assert_int_equal (n_code (o, "sheet-candidate-exceeds-valid"), 1);
  assert_int_equal (n_code (o, "sheet-contest-votes-exceed"), 2);
  assert_undecided (o, ELECT_ACTION_RECOUNT);

  for (gint64 issued = 9; issued <= 10; issued++)
    {
      g_autoptr (Fx) g = fx_new ("village-committee", sheet_paper);
      fx_sheet_raw (g, 10, 0, 10, "chair=王一:7;member=张三:7");
      g_autoptr (ElectOutcome) p = fx_count (g, 15, issued);
      if (issued == 9)
        {
          assert_code (p, "returned-exceeds-issued");
          assert_undecided (p, ELECT_ACTION_RERUN);
        }
      else
        {
          assert_true (elect_outcome_is_valid (p));
          assert_elected (p, 0, "王一");
        }
    }
}

/* ---- properties ------------------------------------------------------------ */

static const char *const PROFILES[] = {
  "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
  "beijing-village-committee", "henan-village-committee", "residents-committee",
  "party-committee", "supervision-committee",
};

static const char *const POOL[] = {
  "王一", "李二", "张三", "赵四", "陈五", "刘六", "周七", "吴八", "孙九", "郑十",
  "林芳", "何丽", "钱敏", "冯静", "褚伟", "卫强", "蒋英", "沈红", "韩雪", "杨洋",
  "朱琳", "秦海", "尤佳", "许诺",
};

static const char *const RELATIONS[] = {
  "spouse", "parent", "child", "sibling", "grandparent", "grandchild",
};

/* A random small election of one round. */
typedef struct {
  guint profile;
  gboolean party;
  char *paper;
  GPtrArray *ballots;        /* char*, tb_fill() specs */
  GPtrArray *eligible;       /* const char*: POOL names (a repeat is ambiguous) */
  GArray *eligible_sex;      /* ElectSex */
  ElectCountOptions *options;
  gint64 electorate, issued, present;
  ElectRound round;
} Gen;

static void
gen_clear (Gen *g)
{
  g_free (g->paper);
  g_ptr_array_unref (g->ballots);
  g_ptr_array_unref (g->eligible);
  g_array_unref (g->eligible_sex);
  elect_count_options_free (g->options);
}

/* Picks up to @k distinct indices of @w (weights) into @out; returns how
 * many. */
static guint
pick_weighted (GRand *r, const guint *w, guint n, guint k, guint *out)
{
  guint total = 0, got = 0;
  gboolean used[32] = { FALSE };
  for (guint i = 0; i < n; i++)
    total += w[i];
  while (got < k && total > 0)
    {
      guint x = (guint) g_rand_int_range (r, 0, (gint32) total);
      for (guint i = 0; i < n; i++)
        {
          if (used[i])
            continue;
          if (x < w[i])
            {
              used[i] = TRUE;
              total -= w[i];
              out[got++] = i;
              break;
            }
          x -= w[i];
        }
    }
  return got;
}

/* @distinct: no person on two contests (candidates and write-ins), so that
 * no ballot marks one person for two posts. */
static void
gen_election (GRand *r, gboolean distinct, Gen *g)
{
  memset (g, 0, sizeof *g);
  g->profile = (guint) g_rand_int_range (r, 0, G_N_ELEMENTS (PROFILES));
  g->party = strcmp (PROFILES[g->profile], "party-committee") == 0;
  g->ballots = g_ptr_array_new_with_free_func (g_free);
  g->eligible = g_ptr_array_new ();
  g->eligible_sex = g_array_new (FALSE, FALSE, sizeof (ElectSex));

  /* contests */
  const char *ids[4];
  gint64 seats[4];
  gboolean women[4] = { FALSE };
  guint nc;
  if (g->party)
    {
      nc = 1;
      ids[0] = "committee";
      seats[0] = g_rand_int_range (r, 1, 4);
    }
  else
    {
      nc = (guint) g_rand_int_range (r, 1, 4);
      static const char *const all[] = { "chair", "vice", "member" };
      for (guint c = 0; c < nc; c++)
        {
          ids[c] = all[3 - nc + c];
          seats[c] = strcmp (ids[c], "member") == 0 ? g_rand_int_range (r, 1, 4) : 1;
        }
      if (g->profile == 1 && g_rand_boolean (r))
        {
          ids[nc] = "women";
          seats[nc] = 1;
          women[nc] = TRUE;
          nc++;
        }
    }

  /* people: a sex each (women's post candidates are women) */
  guint perm[G_N_ELEMENTS (POOL)];
  ElectSex sex[G_N_ELEMENTS (POOL)];
  for (guint i = 0; i < G_N_ELEMENTS (POOL); i++)
    {
      perm[i] = i;
      sex[i] = (ElectSex) g_rand_int_range (r, 0, 3);
    }
  for (guint i = G_N_ELEMENTS (POOL) - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (r, 0, (gint32) i + 1);
      guint t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
  guint cand[4][8], ncand[4], wi[4][4], nwi[4];
  guint next = 0;
  for (guint c = 0; c < nc; c++)
    {
      ncand[c] = (guint) (seats[c] + g_rand_int_range (r, 0, 3));
      if (!g->party && !women[c] && g_rand_int_range (r, 0, 100) < 7)
        ncand[c] = 0;    /* an open ballot: names are written in */
      nwi[c] = 2;
      if (distinct)
        {
          for (guint k = 0; k < ncand[c]; k++)
            cand[c][k] = perm[next++];
          for (guint k = 0; k < nwi[c]; k++)
            wi[c][k] = perm[next++];
        }
      else
        {
          /* a random slice of the permutation, rotated per contest */
          guint off = (guint) g_rand_int_range (r, 0, G_N_ELEMENTS (POOL));
          for (guint k = 0; k < ncand[c] + nwi[c]; k++)
            {
              guint x = perm[(off + k) % G_N_ELEMENTS (POOL)];
              if (k < ncand[c])
                cand[c][k] = x;
              else
                wi[c][k - ncand[c]] = x;
            }
        }
      if (women[c])
        for (guint k = 0; k < ncand[c]; k++)
          sex[cand[c][k]] = ELECT_SEX_FEMALE;
    }

  GString *paper = g_string_new (NULL);
  for (guint c = 0; c < nc; c++)
    {
      g_string_append_printf (paper, "%s%s%s:%lld:", c ? "|" : "", women[c] ? "*" : "",
                              ids[c], (long long) seats[c]);
      for (guint k = 0; k < ncand[c]; k++)
        g_string_append_printf (paper, "%s%s%s", k ? "," : "", POOL[cand[c][k]],
                                sex[cand[c][k]] == ELECT_SEX_FEMALE ? "/f"
                                : sex[cand[c][k]] == ELECT_SEX_MALE ? "/m" : "");
    }
  g->paper = g_string_free (paper, FALSE);

  /* ballots */
  guint n = (guint) g_rand_int_range (r, 4, 31);
  guint w[4][12];
  for (guint c = 0; c < nc; c++)
    {
      for (guint k = 0; k < ncand[c]; k++)
        w[c][k] = (guint) g_rand_int_range (r, 1, 11);
      for (guint k = 0; k < nwi[c]; k++)
        w[c][ncand[c] + k] = (guint) g_rand_int_range (r, 0, ncand[c] ? 3 : 8);
    }
  for (guint b = 0; b < n; b++)
    {
      if (g_rand_int_range (r, 0, 100) < 5)
        {
          g_ptr_array_add (g->ballots, g_strdup ("!"));
          continue;
        }
      GString *s = g_string_new (NULL);
      for (guint c = 0; c < nc; c++)
        {
          guint k = (guint) g_rand_int_range (r, 0, (gint32) seats[c] + 1);
          if (g_rand_int_range (r, 0, 100) < 8)
            k = (guint) seats[c] + 1;                 /* an over-vote */
          guint got[12];
          guint m = pick_weighted (r, w[c], ncand[c] + nwi[c], k, got);
          GString *marks = g_string_new (NULL);
          gboolean chosen[8] = { FALSE };
          for (guint j = 0; j < m; j++)
            {
              gboolean listed = got[j] < ncand[c];
              const char *name = listed ? POOL[cand[c][got[j]]] : POOL[wi[c][got[j] - ncand[c]]];
              if (listed)
                chosen[got[j]] = TRUE;
              g_string_append_printf (marks, "%s%s%s", marks->len ? "," : "",
                                      g->party ? (listed ? "+" : ">") : "", name);
              if (j == 0 && g_rand_int_range (r, 0, 100) < 3)   /* marked twice */
                g_string_append_printf (marks, ",%s%s", g->party ? (listed ? "+" : ">") : "",
                                        name);
            }
          if (g->party)
            for (guint k2 = 0; k2 < ncand[c]; k2++)
              {
                if (chosen[k2])
                  continue;
                guint x = (guint) g_rand_int_range (r, 0, 100);
                if (x < 30)
                  g_string_append_printf (marks, "%s-%s", marks->len ? "," : "",
                                          POOL[cand[c][k2]]);
                else if (x < 50)
                  g_string_append_printf (marks, "%s~%s", marks->len ? "," : "",
                                          POOL[cand[c][k2]]);
              }
          if (marks->len)
            g_string_append_printf (s, "%s%s=%s", s->len ? ";" : "", ids[c], marks->str);
          g_string_free (marks, TRUE);
        }
      g_ptr_array_add (g->ballots, g_string_free (s, FALSE));
    }

  /* turnout */
  gint64 returned = n;
  if (g->party)
    {
      g->present = returned + g_rand_int_range (r, 0, 3);
      if (g_rand_int_range (r, 0, 100) < 6)
        g->present = returned - 1;
      g->electorate = g->present + g_rand_int_range (r, 0, (gint32) (g->present / 4 + 2));
      g->issued = g_rand_boolean (r) ? -1 : returned + g_rand_int_range (r, 0, 2);
    }
  else
    {
      g->present = -1;
      g->issued = returned + g_rand_int_range (r, 0, 3);
      if (g_rand_int_range (r, 0, 100) < 6)
        g->issued = returned - 1;
      g->electorate = g_rand_int_range (r, (gint32) returned, (gint32) (2 * returned + 3));
    }
  guint x = (guint) g_rand_int_range (r, 0, 100);
  g->round = x < 70 ? ELECT_ROUND_REGULAR : x < 90 ? ELECT_ROUND_SUPPLEMENTARY
                                                   : ELECT_ROUND_REVOTE;

  /* the eligible list, with one ambiguous name */
  if (g_rand_int_range (r, 0, 100) < 35)
    {
      for (guint i = 0; i < G_N_ELEMENTS (POOL); i++)
        {
          g_ptr_array_add (g->eligible, (gpointer) POOL[i]);
          g_array_append_val (g->eligible_sex, sex[i]);
        }
      guint amb = (guint) g_rand_int_range (r, 0, G_N_ELEMENTS (POOL));
      g_ptr_array_add (g->eligible, (gpointer) POOL[amb]);
      g_array_append_val (g->eligible_sex, sex[amb]);
    }

  /* relations and earlier rounds */
  g->options = elect_count_options_new ();
  guint nrel = g_rand_int_range (r, 0, 100) < 40 ? (guint) g_rand_int_range (r, 1, 3) : 0;
  for (guint i = 0; i < nrel; i++)
    {
      guint a = (guint) g_rand_int_range (r, 0, G_N_ELEMENTS (POOL));
      guint b = (a + (guint) g_rand_int_range (r, 1, G_N_ELEMENTS (POOL))) % G_N_ELEMENTS (POOL);
      assert_true (elect_count_options_add_relation (
        g->options, POOL[a], POOL[b],
        RELATIONS[g_rand_int_range (r, 0, G_N_ELEMENTS (RELATIONS))], NULL));
    }
  if (g->round == ELECT_ROUND_SUPPLEMENTARY)
    elect_count_options_set_earlier (g->options, (guint) g_rand_int_range (r, 0, 6),
                                     g_rand_boolean (r), g_rand_boolean (r));
}

static ElectTally *
gen_tally (const Gen *g, const ElectRules *rules, ElectPaper *paper)
{
  ElectTally *t = tb_tally (rules, paper);
  if (g->eligible->len)
    assert_true (elect_tally_set_eligible (t, (const char *const *) g->eligible->pdata,
                                           (const ElectSex *) (gpointer) g->eligible_sex->data,
                                           g->eligible->len, NULL));
  return t;
}

/* Adds the ballots @order[from..to) of @g. */
static void
gen_add (const Gen *g, ElectTally *t, ElectPaper *paper, const guint *order, guint from, guint to)
{
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  for (guint i = from; i < to; i++)
    tb_add (t, b, g_ptr_array_index (g->ballots, order[i]), 1);
}

static ElectOutcome *
gen_count (const Gen *g, const ElectRules *rules, ElectPaper *paper, const ElectTally *t)
{
  g_autoptr (ElectTurnout) to = th_turnout (g->electorate, g->issued, g->present, g->round);
  ElectOutcome *o = th_count (rules, paper, t, to, g->options);
  note_codes (o);
  return o;
}

/* RULES §6.3 (ties are never broken by order or chance), §6.9, and the
 * contract of elect_tally_merge(): a few hundred random small elections of
 * every profile (fixed seed); shuffling the ballots, or counting them in two
 * boxes merged, gives the same serialised outcome. */
static void
prop_ballot_order_never_matters (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261220);
  guint per_profile[G_N_ELEMENTS (PROFILES)] = { 0 };
  guint n_valid = 0, n_void = 0;
  for (guint iter = 0; iter < 300; iter++)
    {
      Gen g;
      gen_election (r, g_rand_boolean (r), &g);
      per_profile[g.profile]++;
      g_autoptr (ElectRules) rules = tb_rules (PROFILES[g.profile]);
      g_autoptr (ElectPaper) paper = tb_paper (g.party, g.paper);
      guint n = g.ballots->len;
      g_autofree guint *order = g_new (guint, n);
      for (guint i = 0; i < n; i++)
        order[i] = i;

      g_autoptr (ElectTally) t1 = gen_tally (&g, rules, paper);
      gen_add (&g, t1, paper, order, 0, n);
      g_autoptr (ElectOutcome) o1 = gen_count (&g, rules, paper, t1);
      g_autofree char *j1 = th_json (o1);
      if (elect_outcome_is_valid (o1))
        n_valid++;
      else
        n_void++;

      for (guint i = n - 1; i > 0; i--)
        {
          guint k = (guint) g_rand_int_range (r, 0, (gint32) i + 1);
          guint tmp = order[i];
          order[i] = order[k];
          order[k] = tmp;
        }
      g_autoptr (ElectTally) t2 = gen_tally (&g, rules, paper);
      gen_add (&g, t2, paper, order, 0, n);
      g_autoptr (ElectOutcome) o2 = gen_count (&g, rules, paper, t2);
      g_autofree char *j2 = th_json (o2);

      guint cut = (guint) g_rand_int_range (r, 0, (gint32) n + 1);
      g_autoptr (ElectTally) t3 = gen_tally (&g, rules, paper);
      g_autoptr (ElectTally) t4 = gen_tally (&g, rules, paper);
      gen_add (&g, t3, paper, order, 0, cut);
      gen_add (&g, t4, paper, order, cut, n);
      assert_true (elect_tally_merge (t3, t4, NULL));
      g_autoptr (ElectOutcome) o3 = gen_count (&g, rules, paper, t3);
      g_autofree char *j3 = th_json (o3);

      if (strcmp (j1, j2) != 0 || strcmp (j1, j3) != 0)
        fail_msg ("iteration %u (%s, paper %s): the order of the ballots changed the outcome:\n"
                  "%s\n---- shuffled:\n%s\n---- two boxes:\n%s",
                  iter, PROFILES[g.profile], g.paper, j1, j2, j3);
      gen_clear (&g);
    }
  for (guint i = 0; i < G_N_ELEMENTS (PROFILES); i++)
    assert_true (per_profile[i] > 10);
  assert_true (n_valid > 100);
  assert_true (n_void > 10);
}

/* The decisions of an outcome, without ballot defects and the tally-sheet
 * note: validity, quorum, per contest threshold, rows, elected, next. */
static char *
decisions (const ElectOutcome *o)
{
  GString *s = g_string_new (NULL);
  gint64 req, act;
  gboolean met = elect_outcome_get_quorum (o, &req, &act);
  g_string_append_printf (s, "valid=%d round=%d quorum=%d/%lld/%lld\n",
                          elect_outcome_is_valid (o), elect_outcome_get_round (o), met,
                          (long long) req, (long long) act);
  for (guint c = 0; c < elect_outcome_get_n_contests (o); c++)
    {
      g_autofree char *el = g_strjoinv (",", (char **) elect_outcome_get_elected (o, c));
      g_autofree char *nx = g_strjoinv (",", (char **) elect_outcome_get_next_candidates (o, c));
      g_string_append_printf (s, "contest %u: threshold=%lld unfilled=%lld elected=[%s] "
                              "next=%d/%lld/[%s]\n", c,
                              (long long) elect_outcome_get_threshold (o, c),
                              (long long) elect_outcome_get_unfilled (o, c), el,
                              elect_outcome_get_next_action (o, c),
                              (long long) elect_outcome_get_next_seats (o, c), nx);
      for (guint i = 0; i < elect_outcome_get_n_candidates (o, c); i++)
        g_string_append_printf (s, "  %s %lld %d%s\n", elect_outcome_get_candidate_name (o, c, i),
                                (long long) elect_outcome_get_candidate_votes (o, c, i),
                                elect_outcome_get_candidate_status (o, c, i),
                                elect_outcome_is_candidate_write_in (o, c, i) ? " w" : "");
    }
  const char *const *defects = elect_tally_list_defect_codes ();
  g_string_append (s, "reasons:");
  for (guint i = 0; i < elect_outcome_get_n_reasons (o); i++)
    {
      const ElectReason *reason = elect_outcome_get_reason (o, i);
      const char *code = elect_reason_get_code (reason);
      if (g_strv_contains (defects, code) || strcmp (code, "sheet-no-ballot-rules") == 0)
        continue;
      g_string_append_printf (s, " %s", code);
    }
  return g_string_free (s, FALSE);
}

/* RULES §6.9 (both paths use the same decision code): a few hundred random
 * small elections of every profile (fixed seed), counted from their ballots
 * and from a tally sheet of the same totals, decide alike. Henan's
 * cascade-down needs per-ballot overlaps a sheet cannot give (§5.3), so
 * Henan elections list no person on two posts. */
static void
prop_ballots_and_sheet_decide_alike (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (15042026);
  guint per_profile[G_N_ELEMENTS (PROFILES)] = { 0 };
  for (guint iter = 0; iter < 300; iter++)
    {
      Gen g;
      gen_election (r, TRUE, &g);
      if (g.profile != 4 && g_rand_boolean (r))
        {
          /* again, with people on several posts */
          gen_clear (&g);
          gen_election (r, FALSE, &g);
          if (g.profile == 4)
            {
              gen_clear (&g);
              gen_election (r, TRUE, &g);
            }
        }
      per_profile[g.profile]++;
      g_autoptr (ElectRules) rules = tb_rules (PROFILES[g.profile]);
      g_autoptr (ElectPaper) paper = tb_paper (g.party, g.paper);
      guint n = g.ballots->len;
      g_autofree guint *order = g_new (guint, n);
      for (guint i = 0; i < n; i++)
        order[i] = i;
      g_autoptr (ElectTally) t = gen_tally (&g, rules, paper);
      gen_add (&g, t, paper, order, 0, n);

      g_autoptr (ElectTally) s = gen_tally (&g, rules, paper);
      assert_true (elect_tally_set_sheet (s, elect_tally_get_ballots_returned (t),
                                          elect_tally_get_ballots_invalid (t), NULL));
      assert_true (elect_tally_set_sheet_valid (s, elect_tally_get_ballots_valid (t), NULL));
      for (guint c = 0; c < elect_paper_get_n_contests (paper); c++)
        {
          for (guint k = 0; k < elect_paper_get_n_candidates (paper, c); k++)
            assert_true (elect_tally_set_sheet_votes (s, c, k, elect_tally_get_votes (t, c, k),
                                                      NULL));
          for (guint k = 0; k < elect_tally_get_n_write_ins (t, c); k++)
            assert_true (elect_tally_set_sheet_write_in (s, c,
                                                         elect_tally_get_write_in_name (t, c, k),
                                                         -1,
                                                         elect_tally_get_write_in_votes (t, c, k),
                                                         NULL));
        }

      g_autoptr (ElectOutcome) ob = gen_count (&g, rules, paper, t);
      g_autoptr (ElectOutcome) os = gen_count (&g, rules, paper, s);
      /* the totals of real ballots are always a consistent sheet */
      assert_int_equal (elect_outcome_get_next_action (os, 0) == ELECT_ACTION_RECOUNT, FALSE);
      g_autofree char *db = decisions (ob);
      g_autofree char *ds = decisions (os);
      if (strcmp (db, ds) != 0)
        {
          g_autofree char *jb = th_json (ob);
          g_autofree char *js = th_json (os);
          fail_msg ("iteration %u (%s, paper %s): ballots and tally sheet differ:\n%s\n---- "
                    "sheet:\n%s\n==== ballots:\n%s\n==== sheet:\n%s",
                    iter, PROFILES[g.profile], g.paper, db, ds, jb, js);
        }
      gen_clear (&g);
    }
  for (guint i = 0; i < G_N_ELEMENTS (PROFILES); i++)
    assert_true (per_profile[i] > 10);
}

/* ---- the result's JSON -------------------------------------------------------- */

/* elect_outcome_to_json() escapes strings as json-glib's generator did:
 * a contest title with every ASCII control byte, quotes, backslashes and
 * non-ASCII text is written as json-glib writes that string. (Other
 * outcomes are compared with json-glib in th_json(), by the property tests
 * above.) */
static void
result_json_escapes_like_json_glib (void **state)
{
  (void) state;
  GString *title = g_string_new ("引号\"反斜杠\\/");
  for (int c = 1; c < 0x20; c++)
    g_string_append_c (title, (char) c);
  g_string_append (title, "\x7f末\xe2\x80\xa8");
  g_autoptr (ElectRules) rules = tb_rules ("village-committee");
  g_autoptr (ElectPaper) paper = elect_paper_new (FALSE);
  assert_int_equal (elect_paper_add_contest (paper, "c\"1", title->str, 1, NULL), 0);
  assert_int_equal (elect_paper_add_candidate (paper, 0, "王建国", ELECT_SEX_UNKNOWN, NULL), 0);
  g_autoptr (ElectTally) t = tb_tally (rules, paper);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  elect_ballot_mark (b, 0, 0);
  assert_true (elect_tally_add_ballot (t, b, NULL));
  g_autoptr (ElectTurnout) to = th_turnout (1, 1, -1, ELECT_ROUND_REGULAR);
  g_autoptr (ElectOutcome) o = th_count (rules, paper, t, to, NULL);
  g_autofree char *j = elect_outcome_to_json (o, "en");

  for (int k = 0; k < 2; k++)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, k ? "c\"1" : title->str);
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      json_generator_set_root (gen, node);
      g_autofree char *want = json_generator_to_data (gen, NULL);
      g_autofree char *line = g_strdup_printf ("\"%s\" : %s,\n", k ? "id" : "title", want);
      if (strstr (j, line) == NULL)
        fail_msg ("no %s in\n%s", line, j);
    }
  /* and the document has json-glib's layout */
  assert_non_null (strstr (j, "\n  \"quorum\" : {\n    \"required\" : 1,\n"));
  assert_non_null (strstr (j, "\n  \"ballot_defects\" : {  }\n}"));
  assert_true (g_str_has_prefix (j, "{\n  \"format\" : \"libelect.result/1\",\n"));
  g_string_free (title, TRUE);
}

/* ---- every reason code ------------------------------------------------------ */

/* Every reason code lib/count.c can give (grep -o '"[a-z-]*"' lib/count.c)
 * was given by some test above: no rule of RULES §6 goes untested. Runs
 * last. */
static void
every_reason_code_exercised (void **state)
{
  static const char *const codes[] = {
    "below-threshold", "candidate-surplus-short", "cascade-down", "elected",
    "elected-higher-post", "not-eligible-women-post", "outranked", "quorum-met",
    "quorum-none", "quorum-not-met", "relatives-avoided", "relatives-refill",
    "relatives-seat-unfilled", "relatives-tie", "returned-exceeds-issued",
    "returned-exceeds-present", "seats-may-be-reduced", "sheet-candidate-exceeds-valid",
    "sheet-contest-votes-exceed", "sheet-invalid-exceeds-returned", "sheet-no-ballot-rules",
    "sheet-no-cascade",
    "sheet-valid-invalid-mismatch", "shortfall-supplementary",
    "supplementary-open-ballot-allowed", "supplementary-tie-at-cutoff", "threshold-majority",
    "threshold-plurality", "threshold-revote", "tie-continue-voting", "tie-revote",
    "tie-revote-again", "tied", "vacancy-allowed", "vacancy-condition-not-met",
    "women-member-met", "women-member-missing", "women-member-unknown", "women-post-missing",
    "women-post-unfilled", "women-post-women-only",
  };
  assert_non_null (seen_codes);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (!g_hash_table_contains (seen_codes, codes[i]))
      fail_msg ("no test gave the reason code “%s”", codes[i]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (s6_1b_turnout_quorum_vcl15_zj27_sh19_bj28_ha35),
    cmocka_unit_test (s6_1b_party_attendance_four_fifths_per26),
    cmocka_unit_test (s6_1a_returned_exceeds_issued_zj27_sh19_bj28_ha35),
    cmocka_unit_test (s6_1a_party_returned_exceeds_present_per27),
    cmocka_unit_test (s6_1_missing_inputs_are_errors),
    cmocka_unit_test (s6_2_majority_exactly_half_vcl15_zj28_sh20_bj29_ha36),
    cmocka_unit_test (s6_2_party_majority_of_present_per29),
    cmocka_unit_test (s6_2_supplementary_one_third_vcl15_zj29_sh21_bj30),
    cmocka_unit_test (s6_5_henan_supplementary_majority_then_plurality_ha38),
    cmocka_unit_test (s6_8_party_supplementary_still_majority_per30),
    cmocka_unit_test (s6_3_revote_most_votes_win_zj28),
    cmocka_unit_test (s6_3_more_passers_than_seats_vote_order),
    cmocka_unit_test (s6_3_tie_at_last_seats_revote_zj28_sh20_bj29_ha36),
    cmocka_unit_test (s6_3_below_threshold_never_elected_vcl15),
    cmocka_unit_test (s6_3_supervision_tie_continue_voting_sd31),
    cmocka_unit_test (s6_4_posts_from_highest_down),
    cmocka_unit_test (s6_4_cascade_down_ha25),
    cmocka_unit_test (s6_5_shortfall_supplementary_candidates_vcl15),
    cmocka_unit_test (s6_5_vacancy_shanghai_three_elected_sh21),
    cmocka_unit_test (s6_5_vacancy_zhejiang_after_supplementary_zj30),
    cmocka_unit_test (s6_5_vacancy_beijing_more_than_three_and_chair_bj30),
    cmocka_unit_test (s6_5_never_vacant_vcl15_ha38),
    cmocka_unit_test (s6_6_women_member_required_vcl6_sh2_bj3_ha8),
    cmocka_unit_test (s6_6_zhejiang_women_post_zj21_zj29),
    cmocka_unit_test (s6_6_women_not_required_rcl7_vcl32_per),
    cmocka_unit_test (s6_7_zhejiang_avoidance_refill_zj31),
    cmocka_unit_test (s6_7_henan_shanghai_no_refill_ha8_sh2),
    cmocka_unit_test (s6_8_party_vote_order_and_tie_per29),
    cmocka_unit_test (s6_8_party_candidate_surplus_per13),
    cmocka_unit_test (s6_9_sheet_consistent),
    cmocka_unit_test (s6_9_sheet_valid_plus_invalid_is_returned),
    cmocka_unit_test (s6_9_sheet_no_cascade_ha25),
    cmocka_unit_test (s6_9_sheet_invalid_exceeds_returned),
    cmocka_unit_test (s6_9_sheet_candidate_exceeds_valid),
    cmocka_unit_test (s6_9_sheet_contest_votes_exceed_valid_times_seats),
    cmocka_unit_test (s6_9_sheet_every_violation_reported),
    cmocka_unit_test (prop_ballot_order_never_matters),
    cmocka_unit_test (prop_ballots_and_sheet_decide_alike),
    cmocka_unit_test (result_json_escapes_like_json_glib),
    cmocka_unit_test (every_reason_code_exercised),
  };
  int rc = cmocka_run_group_tests_name ("count", tests, NULL, NULL);
  g_clear_pointer (&seen_codes, g_hash_table_unref);
  return rc;
}
