/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Candidates: the surplus rules of every profile at their boundaries and the
 * nomination count (RULES.md §7.1). Each test names its source. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "rules-private.h"

static ElectRules *
load (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (!r)
    fail_msg ("%s", error->message);
  return r;
}

/* Checks the surplus rule for @cands candidates; returns the reason code. */
static gboolean
surplus_ok (const ElectRules *r, ElectPostKind post, gint64 seats, gint64 cands,
            gint64 nominees, const char *expect_code)
{
  gboolean ok = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectReason) why = elect_surplus_check (r, post, seats, cands, nominees, &ok, &error);
  if (!why)
    fail_msg ("%s", error->message);
  assert_string_equal (elect_reason_get_code (why), expect_code);
  assert_true (elect_reason_get_citation (why)[0] != '\0');
  return ok;
}

/* PER Art. 13 [approx] (差额不少于应选人数的20%, 5*(c−s) >= s): 5 seats
 * with 5 candidates fails, with 6 passes; 7 seats needs 9; 3 needs 4; 9
 * needs 11; no upper limit. */
static void
test_per13_party_twenty_percent (void **state)
{
  g_autoptr (ElectRules) r = load ("party-committee");
  const gint64 cases[][2] = { { 5, 6 }, { 7, 9 }, { 3, 4 }, { 9, 11 }, { 1, 2 }, { 10, 12 } };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 s = cases[i][0], least = cases[i][1];
      assert_false (surplus_ok (r, ELECT_POST_KIND_ALL, s, least - 1, -1, "surplus-too-few"));
      assert_true (surplus_ok (r, ELECT_POST_KIND_ALL, s, least, -1, "surplus-ok"));
      assert_true (surplus_ok (r, ELECT_POST_KIND_ALL, s, least + 20, -1, "surplus-ok"));
      gint64 lo, hi;
      assert_true (elect_surplus_range (r, ELECT_POST_KIND_ALL, s, -1, &lo, &hi, NULL));
      assert_int_equal (lo, least);
      assert_int_equal (hi, -1);
    }
  assert_false (surplus_ok (r, ELECT_POST_KIND_ALL, 5, 5, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_ALL, 5, 6, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_ALL, 7, 8, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_ALL, 7, 9, -1, "surplus-ok"));
}

/* VCL 15 (候选人名额应当多于应选名额): more candidates than seats, no upper
 * limit; Zhejiang and the supervision committee inherit it. */
static void
test_vcl15_more_than_seats (void **state)
{
  const char *profiles[] = { "village-committee", "zhejiang-village-committee", "supervision-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (ElectRules) r = load (profiles[i]);
      assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 3, -1, "surplus-too-few"));
      assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 4, -1, "surplus-ok"));
      assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 30, -1, "surplus-ok"));
      assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 1, 1, "surplus-too-few"));
      assert_true (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 2, -1, "surplus-ok"));
    }
}

/* SH 12: chair and vice-chair exactly one more; members one to three more. */
static void
test_sh12_per_post (void **state)
{
  g_autoptr (ElectRules) r = load ("shanghai-village-committee");
  assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 1, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 2, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 3, -1, "surplus-too-many"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 2, 2, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_VICE, 2, 3, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 2, 4, -1, "surplus-too-many"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 3, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 4, -1, "surplus-ok"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 6, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 7, -1, "surplus-too-many"));
}

/* BJ 16: every post one or two more. */
static void
test_bj16_per_post (void **state)
{
  g_autoptr (ElectRules) r = load ("beijing-village-committee");
  const ElectPostKind posts[] = { ELECT_POST_KIND_CHAIR, ELECT_POST_KIND_VICE, ELECT_POST_KIND_MEMBER };
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      gint64 s = posts[i] == ELECT_POST_KIND_MEMBER ? 3 : 1;
      assert_false (surplus_ok (r, posts[i], s, s, -1, "surplus-too-few"));
      assert_true (surplus_ok (r, posts[i], s, s + 1, -1, "surplus-ok"));
      assert_true (surplus_ok (r, posts[i], s, s + 2, -1, "surplus-ok"));
      assert_false (surplus_ok (r, posts[i], s, s + 3, -1, "surplus-too-many"));
    }
}

/* HA 24: chair +1, vice +1, members +1…+2. */
static void
test_ha24_per_post (void **state)
{
  g_autoptr (ElectRules) r = load ("henan-village-committee");
  assert_true (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 2, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 3, -1, "surplus-too-many"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 1, 1, -1, "surplus-too-few"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 3, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 4, -1, "surplus-ok"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 5, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 3, 6, -1, "surplus-too-many"));
}

/* BJr 13, HAr 9: residents' committees +1…+2, but an equal election is
 * allowed when exactly as many people were nominated as seats. */
static void
test_bjr13_equal_when_nominees_equal_seats (void **state)
{
  g_autoptr (ElectRules) r = load ("residents-committee");
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 5, 5, "equal-election-allowed"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 5, 6, "surplus-too-few"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 5, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 7, 9, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 8, 9, "surplus-too-many"));
  /* The village committee has no such exception. */
  g_autoptr (ElectRules) vc = load ("village-committee");
  assert_false (surplus_ok (vc, ELECT_POST_KIND_MEMBER, 5, 5, 5, "surplus-too-few"));
}

/* HA 24 ¶2 (主任、副主任的候选人数应当比应选人数多一名): chair and vice-chair
 * exactly one more, at both ends of the range. */
static void
test_ha24_chair_vice_exactly_one_more (void **state)
{
  g_autoptr (ElectRules) r = load ("henan-village-committee");
  assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 1, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 2, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_CHAIR, 1, 3, -1, "surplus-too-many"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 1, 1, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_VICE, 1, 2, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 1, 3, -1, "surplus-too-many"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_VICE, 2, 3, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_VICE, 2, 4, -1, "surplus-too-many"));
  gint64 lo, hi;
  assert_true (elect_surplus_range (r, ELECT_POST_KIND_VICE, 1, -1, &lo, &hi, NULL));
  assert_int_equal (lo, 2);
  assert_int_equal (hi, 2);
  g_autoptr (ElectReason) why = NULL;
  gboolean ok;
  why = elect_surplus_check (r, ELECT_POST_KIND_VICE, 1, 3, -1, &ok, NULL);
  assert_non_null (strstr (elect_reason_get_citation (why), "河南省实施《村民委员会组织法》办法 第二十四条"));
}

/* Residents' committees: the RCL sets no surplus; BJr 13 ¶2 (候选人一般应多于
 * 应选名额一至二人) and HAr 9 (一般应实行差额选举；…相等时，也可以实行等额选举)
 * give +1…+2 for every post, and an equal election when exactly as many
 * were nominated as there are seats. 6 candidates for 5 seats passes; the
 * chair and vice-chair posts have the same range. */
static void
test_rcl_bjr13_har9_residents_boundaries (void **state)
{
  g_autoptr (ElectRules) r = load ("residents-committee");
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 5, -1, "surplus-too-few"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 6, -1, "surplus-ok"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 6, 6, "surplus-ok"));
  assert_true (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 7, -1, "surplus-ok"));
  assert_false (surplus_ok (r, ELECT_POST_KIND_MEMBER, 5, 8, -1, "surplus-too-many"));
  const ElectPostKind posts[] = { ELECT_POST_KIND_CHAIR, ELECT_POST_KIND_VICE };
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      assert_false (surplus_ok (r, posts[i], 1, 1, -1, "surplus-too-few"));
      assert_false (surplus_ok (r, posts[i], 1, 1, 2, "surplus-too-few"));
      assert_true (surplus_ok (r, posts[i], 1, 1, 1, "equal-election-allowed"));
      assert_true (surplus_ok (r, posts[i], 1, 2, -1, "surplus-ok"));
      assert_true (surplus_ok (r, posts[i], 1, 3, -1, "surplus-ok"));
      assert_false (surplus_ok (r, posts[i], 1, 4, -1, "surplus-too-many"));
      gint64 lo, hi;
      assert_true (elect_surplus_range (r, posts[i], 1, -1, &lo, &hi, NULL));
      assert_int_equal (lo, 2);
      assert_int_equal (hi, 3);
    }
  /* The equal-election exception is cited to its own sources (HAr 9 too),
   * the surplus range to BJr 13. */
  gboolean ok;
  g_autoptr (ElectReason) eq = elect_surplus_check (r, ELECT_POST_KIND_MEMBER, 5, 5, 5, &ok, NULL);
  assert_true (ok);
  assert_non_null (strstr (elect_reason_get_citation (eq), "河南省实施《城市居民委员会组织法》办法 第九条"));
  assert_string_equal (elect_reason_get_param (eq), "candidates.equal_when_nominees_equal_seats");
  g_autoptr (ElectReason) six = elect_surplus_check (r, ELECT_POST_KIND_MEMBER, 5, 6, -1, &ok, NULL);
  assert_non_null (strstr (elect_reason_get_citation (six), "北京市实施《城市居民委员会组织法》办法 第十三条"));
}

/* Messages hold a count without an English plural ("1 seats", "1 times"). */
static void
test_messages_without_plural_of_one (void **state)
{
  g_autoptr (ElectRules) r = load ("village-committee");
  gboolean ok;
  g_autoptr (ElectReason) why = elect_surplus_check (r, ELECT_POST_KIND_CHAIR, 1, 2, -1, &ok, NULL);
  const char *en = elect_reason_get_message (why, "en");
  assert_null (strstr (en, "1 seats"));
  assert_non_null (strstr (en, "seats 1"));
}

static void
test_surplus_bad_counts (void **state)
{
  g_autoptr (ElectRules) r = load ("village-committee");
  g_autoptr (GError) error = NULL;
  gboolean ok;
  assert_null (elect_surplus_check (r, ELECT_POST_KIND_MEMBER, 0, 1, -1, &ok, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  assert_null (elect_surplus_check (r, ELECT_POST_KIND_MEMBER, 3, -1, -1, &ok, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
}

/* ------------------------------------------------------------ nomination */

static void
ballot (ElectNomination *n, const char *spec)
{
  /* "post:name,post:name" */
  g_auto (GStrv) parts = g_strsplit (spec, ",", -1);
  guint len = *spec ? g_strv_length (parts) : 0;
  g_autofree const char **posts = g_new0 (const char *, len + 1);
  g_autofree const char **names = g_new0 (const char *, len + 1);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < len; i++)
    {
      char **pn = g_strsplit (parts[i], ":", 2);
      g_ptr_array_add (keep, pn);
      posts[i] = pn[0];
      names[i] = pn[1];
    }
  g_autoptr (GError) error = NULL;
  if (!elect_nomination_add_ballot (n, posts, names, len, &error))
    fail_msg ("%s", error->message);
}

static void
ballots (ElectNomination *n, guint times, const char *spec)
{
  for (guint i = 0; i < times; i++)
    ballot (n, spec);
}

static ElectNomination *
nomination (const char *profile, const char *posts)
{
  g_autoptr (ElectRules) r = load (profile);
  ElectNomination *n = elect_nomination_new (r);
  g_auto (GStrv) parts = g_strsplit (posts, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (parts[i], ":", 3);
      ElectPostKind kind;
      assert_true (elect_post_kind_from_string (f[1], &kind));
      g_autoptr (GError) error = NULL;
      if (!elect_nomination_add_post (n, f[0], kind, g_ascii_strtoll (f[2], NULL, 10), &error))
        fail_msg ("%s", error->message);
    }
  return n;
}

static ElectSlate *
count (ElectNomination *n)
{
  g_autoptr (GError) error = NULL;
  ElectSlate *s = elect_nomination_count (n, &error);
  if (!s)
    fail_msg ("%s", error->message);
  return s;
}

static ElectNomineeStatus
status_of (const ElectSlate *s, guint post, const char *name, gint64 *votes)
{
  for (guint i = 0; i < elect_slate_get_n_nominees (s, post); i++)
    if (strcmp (elect_slate_get_nominee_name (s, post, i), name) == 0)
      {
        if (votes)
          *votes = elect_slate_get_nominee_votes (s, post, i);
        return elect_slate_get_nominee_status (s, post, i);
      }
  fail_msg ("%s is not a nominee", name);
  return ELECT_NOMINEE_EXCLUDED;
}

/* VCL 15 / ZJ 18 (按得票多少直接确定正式候选人): the top of the count, seats
 * plus the least surplus (Zhejiang chair: 2 candidates). */
static void
test_zj18_top_of_count (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee", "chair:chair:1");
  ballots (n, 10, "chair:王一");
  ballots (n, 8, "chair:李二");
  ballots (n, 5, "chair:张三");
  g_autoptr (ElectSlate) s = count (n);
  assert_true (elect_slate_is_valid (s));
  gint64 v;
  assert_int_equal (status_of (s, 0, "王一", &v), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (v, 10);
  assert_int_equal (status_of (s, 0, "李二", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 0, "张三", &v), ELECT_NOMINEE_NOT_SELECTED);
  assert_int_equal (v, 5);
  assert_true (elect_slate_has_reason (s, "surplus-ok"));
  assert_false (elect_slate_has_reason (s, "primary-required"));
  g_auto (GStrv) official = elect_slate_get_official (s, 0, ELECT_COLLATION_SURNAME_STROKES, NULL);
  assert_int_equal (g_strv_length (official), 2);
  assert_string_equal (official[0], "王一");   /* 王 4 strokes before 李 7 */
  assert_string_equal (official[1], "李二");
}

/* RULES §7.1 / ZJ 18 ¶1(二): a tie at the cut-off requires a primary vote
 * (预选) among the tied; a tie above the cut-off does not. */
static void
test_zj18_tie_at_cutoff_primary (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee", "member:member:3");
  ballots (n, 10, "member:甲");
  ballots (n, 9, "member:乙");
  ballots (n, 8, "member:丙");
  ballots (n, 7, "member:丁,member:田");   /* 丁 and 田 tie at places 4-5 */
  ballots (n, 7, "member:申");             /* and 申 too */
  ballots (n, 1, "member:叶");
  g_autoptr (ElectSlate) s = count (n);
  /* 4 candidates wanted: 甲 乙 丙 official, 丁 田 申 tied for the last place. */
  assert_int_equal (status_of (s, 0, "甲", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 0, "丙", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 0, "丁", NULL), ELECT_NOMINEE_PRIMARY);
  assert_int_equal (status_of (s, 0, "田", NULL), ELECT_NOMINEE_PRIMARY);
  assert_int_equal (status_of (s, 0, "申", NULL), ELECT_NOMINEE_PRIMARY);
  assert_int_equal (status_of (s, 0, "叶", NULL), ELECT_NOMINEE_NOT_SELECTED);
  assert_true (elect_slate_has_reason (s, "primary-required"));

  g_autoptr (ElectNomination) m = nomination ("zhejiang-village-committee", "chair:chair:1");
  ballots (m, 6, "chair:甲");
  ballots (m, 6, "chair:乙");
  ballots (m, 2, "chair:丙");
  g_autoptr (ElectSlate) t = count (m);
  assert_int_equal (status_of (t, 0, "甲", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (t, 0, "乙", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_false (elect_slate_has_reason (t, "primary-required"));
}

/* ZJ 17 ¶1 (不得超过应选…职数), BJ 16, HA 24: more names than seats voids that
 * post's nominations on the ballot; the VCL sets no such limit. */
static void
test_zj17_limit_to_seats (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee",
                                               "chair:chair:1,member:member:2");
  ballot (n, "chair:王一,chair:李二,member:张三");
  g_autoptr (ElectSlate) s = count (n);
  assert_int_equal (elect_slate_get_n_nominees (s, 0), 0);
  assert_int_equal (status_of (s, 1, "张三", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_true (elect_slate_has_reason (s, "nomination-too-many-names"));

  g_autoptr (ElectNomination) v = nomination ("village-committee", "chair:chair:1");
  ballot (v, "chair:王一,chair:李二");
  g_autoptr (ElectSlate) t = count (v);
  assert_int_equal (elect_slate_get_n_nominees (t, 0), 2);
  assert_false (elect_slate_has_reason (t, "nomination-too-many-names"));
}

/* ZJ 17 ¶2: one person named for two posts on one ballot: void; a name
 * repeated in one post counts once. */
static void
test_zj17_same_person_two_posts_void (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("village-committee",
                                               "chair:chair:1,member:member:3");
  ballot (n, "chair:王一,member:王一,member:李二,member:李二");
  g_autoptr (ElectSlate) s = count (n);
  assert_int_equal (elect_slate_get_n_nominees (s, 0), 0);
  gint64 v;
  assert_int_equal (elect_slate_get_n_nominees (s, 1), 1);
  status_of (s, 1, "李二", &v);
  assert_int_equal (v, 1);
  assert_true (elect_slate_has_reason (s, "nomination-two-posts-void"));
  assert_true (elect_slate_has_reason (s, "nomination-duplicate-name"));
}

/* ZJ 18 ¶2: a person who is an official candidate for two posts (from
 * different ballots) must choose one. */
static void
test_zj18_must_choose_one_post (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee",
                                               "chair:chair:1,vice:vice:1");
  ballots (n, 5, "chair:王一,vice:李二");
  ballots (n, 4, "chair:李二,vice:张三");
  g_autoptr (ElectSlate) s = count (n);
  assert_int_equal (status_of (s, 0, "李二", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 1, "李二", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_true (elect_slate_has_reason (s, "must-choose-one-post"));
}

/* ZJ 18 ¶2 (同一选民被同时提名为两项以上职务的候选人的，本人应当以书面形式确认
 * 作为其中一项职务的候选人): being *nominated* for two posts (on different
 * ballots) is enough; the person need not be an official candidate of
 * both. A person excluded before the count is not asked; a person named for
 * two posts only on one ballot has no valid nomination (ZJ 17 ¶2). */
static void
test_zj18_nominated_for_two_posts_must_choose (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee",
                                               "chair:chair:1,vice:vice:1");
  ballots (n, 6, "chair:王一,vice:张三");
  ballots (n, 5, "chair:李二,vice:赵四");
  ballots (n, 1, "vice:王一");            /* 王一: official chair, not selected vice */
  ballots (n, 1, "chair:钱五,vice:孙六");
  ballots (n, 1, "vice:钱五");            /* 钱五: not selected in either post */
  ballot (n, "chair:周七,vice:周七");     /* void: one ballot, two posts */
  ballots (n, 2, "chair:吴八");
  ballots (n, 2, "vice:吴八");            /* 吴八: barred below */
  g_autoptr (ElectReason) bar = elect_reason_new ("statutory-bar", "村民委员会组织法 第十八条", "barred", NULL);
  elect_nomination_exclude (n, "吴八", bar);
  g_autoptr (ElectSlate) s = count (n);
  assert_int_equal (status_of (s, 0, "王一", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 1, "王一", NULL), ELECT_NOMINEE_NOT_SELECTED);
  guint must = 0;
  gboolean wang = FALSE, qian = FALSE;
  for (guint i = 0; i < elect_slate_get_n_reasons (s); i++)
    {
      ElectReason *r = elect_slate_get_reason (s, i);
      if (strcmp (elect_reason_get_code (r), "must-choose-one-post") != 0)
        continue;
      must++;
      const char *en = elect_reason_get_message (r, "en");
      wang = wang || strstr (en, "王一") != NULL;
      qian = qian || strstr (en, "钱五") != NULL;
      assert_null (strstr (en, "周七"));
      assert_null (strstr (en, "吴八"));
      assert_string_equal (elect_reason_get_citation (r), "浙江省村民委员会选举办法 第十八条");
    }
  assert_int_equal (must, 2);
  assert_true (wang);
  assert_true (qian);

  /* Also when the nomination meeting missed its quorum (ZJ 18 ¶1(二): the
   * nominees are then preliminary candidates for a primary vote). */
  g_autoptr (ElectNomination) q = nomination ("zhejiang-village-committee",
                                               "chair:chair:1,vice:vice:1");
  assert_true (elect_nomination_set_turnout (q, 100, 40, NULL));
  ballots (q, 2, "chair:王一");
  ballots (q, 1, "vice:王一");
  g_autoptr (ElectSlate) t = count (q);
  assert_false (elect_slate_is_valid (t));
  assert_true (elect_slate_has_reason (t, "must-choose-one-post"));
}

/* RULES §1.7, ZJ 17 ¶1 (the limit counts the people nominated): a name
 * repeated for one post on a ballot counts once, and the reason says so
 * with a citation; the defect counts are stated without "1 times". */
static void
test_zj17_duplicate_name_cited (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("village-committee", "member:member:3");
  ballot (n, "member:李二,member:李二,member:张三");
  ballot (n, "member:王一,member:王一");
  g_autoptr (ElectSlate) s = count (n);
  gint64 v;
  status_of (s, 0, "李二", &v);
  assert_int_equal (v, 1);
  gboolean found = FALSE;
  for (guint i = 0; i < elect_slate_get_n_reasons (s); i++)
    {
      ElectReason *r = elect_slate_get_reason (s, i);
      if (strcmp (elect_reason_get_code (r), "nomination-duplicate-name") != 0)
        continue;
      found = TRUE;
      assert_non_null (strstr (elect_reason_get_citation (r), "浙江省村民委员会选举办法 第十七条"));
      assert_non_null (strstr (elect_reason_get_message (r, "en"), ": 2"));
    }
  assert_true (found);

  g_autoptr (ElectNomination) m = nomination ("zhejiang-village-committee", "chair:chair:1,vice:vice:1");
  ballot (m, "chair:王一,chair:李二");
  ballot (m, "chair:张三,vice:张三");
  ballot (m, "vice:赵四,vice:赵四");
  g_autoptr (ElectSlate) t = count (m);
  const char *codes[] = { "nomination-too-many-names", "nomination-two-posts-void",
                          "nomination-duplicate-name" };
  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    {
      gboolean seen = FALSE;
      for (guint i = 0; i < elect_slate_get_n_reasons (t); i++)
        {
          ElectReason *r = elect_slate_get_reason (t, i);
          if (strcmp (elect_reason_get_code (r), codes[k]) != 0)
            continue;
          seen = TRUE;
          assert_null (strstr (elect_reason_get_message (r, "en"), "1 times"));
          assert_true (elect_reason_get_citation (r)[0] != '\0');
        }
      if (!seen)
        fail_msg ("no %s", codes[k]);
    }
}

/* ZJ 18 (由过半数选民参加投票提名), BJ 16, HA 24: the nomination needs more
 * than half of the voters; exactly half is not enough. */
static void
test_zj18_bj16_ha24_nomination_quorum (void **state)
{
  const char *profiles[] = { "zhejiang-village-committee", "beijing-village-committee",
                             "henan-village-committee" };
  for (guint k = 0; k < 3 * 2; k++)
    {
      int participants = 500 + (int) (k % 2);
      g_autoptr (ElectNomination) n = nomination (profiles[k / 2], "chair:chair:1");
      assert_true (elect_nomination_set_turnout (n, 1000, participants, NULL));
      ballots (n, 3, "chair:王一");
      ballots (n, 2, "chair:李二");
      g_autoptr (ElectSlate) s = count (n);
      if (participants == 500)
        {
          assert_false (elect_slate_is_valid (s));
          assert_true (elect_slate_has_reason (s, "nomination-quorum-not-met"));
          assert_int_equal (status_of (s, 0, "王一", NULL), ELECT_NOMINEE_NOT_SELECTED);
        }
      else
        {
          assert_true (elect_slate_is_valid (s));
          assert_true (elect_slate_has_reason (s, "nomination-quorum-met"));
          assert_int_equal (status_of (s, 0, "王一", NULL), ELECT_NOMINEE_OFFICIAL);
        }
    }
  /* The VCL profile has no nomination quorum. */
  g_autoptr (ElectNomination) v = nomination ("village-committee", "chair:chair:1");
  assert_true (elect_nomination_set_turnout (v, 1000, 10, NULL));
  ballot (v, "chair:王一");
  g_autoptr (ElectSlate) t = count (v);
  assert_true (elect_slate_is_valid (t));
}

/* RULES §7.2 feeding §7.1: a nominee barred by vetting is excluded and the
 * next in the count moves up. */
static void
test_excluded_next_moves_up (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("beijing-village-committee", "chair:chair:1");
  ballots (n, 9, "chair:王一");
  ballots (n, 8, "chair:李二");
  ballots (n, 3, "chair:张三");
  g_autoptr (ElectReason) why = elect_reason_new ("statutory-bar", "村民委员会组织法 第十八条", "barred", NULL);
  elect_nomination_exclude (n, "李二", why);
  g_autoptr (ElectSlate) s = count (n);
  assert_int_equal (status_of (s, 0, "李二", NULL), ELECT_NOMINEE_EXCLUDED);
  assert_int_equal (status_of (s, 0, "张三", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_true (elect_slate_has_reason (s, "statutory-bar"));
}

/* SH 12: asking for more chair candidates than +1 is refused; BJ 16 lets
 * the election committee choose +2. */
static void
test_set_candidates_within_range (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("shanghai-village-committee", "chair:chair:1");
  assert_true (elect_nomination_set_candidates (n, "chair", 3, NULL));
  ballots (n, 3, "chair:王一");
  g_autoptr (GError) error = NULL;
  assert_null (elect_nomination_count (n, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);

  g_autoptr (ElectNomination) b = nomination ("beijing-village-committee", "chair:chair:1");
  assert_true (elect_nomination_set_candidates (b, "chair", 3, NULL));
  ballots (b, 3, "chair:王一");
  ballots (b, 2, "chair:李二");
  ballots (b, 1, "chair:张三");
  ballots (b, 1, "chair:赵四");   /* 张三 and 赵四 tie at the third place */
  g_autoptr (ElectSlate) s = count (b);
  assert_int_equal (status_of (s, 0, "李二", NULL), ELECT_NOMINEE_OFFICIAL);
  assert_int_equal (status_of (s, 0, "张三", NULL), ELECT_NOMINEE_PRIMARY);
  assert_int_equal (status_of (s, 0, "赵四", NULL), ELECT_NOMINEE_PRIMARY);
  assert_false (elect_nomination_set_candidates (b, "nope", 2, NULL));
}

/* VCL 15 with too few nominees: everyone nominated is a candidate and the
 * shortfall is reported; BJr 13: with exactly as many nominees as seats,
 * an equal election. */
static void
test_too_few_and_equal_exception (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("village-committee", "member:member:3");
  ballot (n, "member:甲,member:乙,member:丙");
  g_autoptr (ElectSlate) s = count (n);
  assert_true (elect_slate_has_reason (s, "surplus-too-few"));
  assert_int_equal (status_of (s, 0, "丙", NULL), ELECT_NOMINEE_OFFICIAL);

  g_autoptr (ElectNomination) r = nomination ("residents-committee", "member:member:3");
  ballot (r, "member:甲,member:乙,member:丙");
  g_autoptr (ElectSlate) t = count (r);
  assert_true (elect_slate_has_reason (t, "equal-election-allowed"));
  assert_false (elect_slate_has_reason (t, "surplus-too-few"));
}

static void
test_bad_input (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("village-committee", "chair:chair:1");
  g_autoptr (GError) error = NULL;
  const char *p[] = { "nope" }, *nm[] = { "王一" };
  assert_false (elect_nomination_add_ballot (n, p, nm, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  const char *p2[] = { "chair" }, *bad[] = { "\xff" };
  assert_false (elect_nomination_add_ballot (n, p2, bad, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_false (elect_nomination_add_post (n, "chair", ELECT_POST_KIND_CHAIR, 1, &error));
  g_clear_error (&error);
  assert_false (elect_nomination_add_post (n, "x", ELECT_POST_KIND_MEMBER, 0, &error));
  g_clear_error (&error);
  assert_false (elect_nomination_set_turnout (n, 10, 11, &error));
  g_clear_error (&error);
  g_autoptr (ElectRules) r = load ("village-committee");
  g_autoptr (ElectNomination) empty = elect_nomination_new (r);
  assert_null (elect_nomination_count (empty, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
}

static void
test_json (void **state)
{
  g_autoptr (ElectNomination) n = nomination ("zhejiang-village-committee", "chair:chair:1");
  ballots (n, 3, "chair:李二");
  ballots (n, 2, "chair:王一");
  g_autoptr (ElectSlate) s = count (n);
  g_autofree char *json = elect_slate_to_json (s, ELECT_COLLATION_SURNAME_STROKES, "en");
  /* "official" (stroke order: 王一 before 李二) precedes "nominees" (count
   * order: 李二 first). */
  const char *official = strstr (json, "\"official\"");
  assert_non_null (official);
  assert_true (strstr (official, "王一") < strstr (official, "李二"));
  assert_non_null (strstr (json, "\"status\" : \"official\""));
}


static void
expect_reader_error (gboolean nominations, const char *json, ElectError code, const char *path)
{
  g_autoptr (GError) error = NULL;
  if (nominations)
    {
      g_autoptr (ElectRules) r = load ("village-committee");
      g_autoptr (ElectNomination) n = elect_nomination_new_from_json (r, json, -1, "n.json", NULL, &error);
      assert_null (n);
    }
  else
    {
      g_autoptr (GPtrArray) p = elect_candidate_records_from_json (json, -1, "c.json", NULL, &error);
      assert_null (p);
    }
  assert_non_null (error);
  assert_int_equal (error->code, code);
  if (!strstr (error->message, path) || !strstr (error->message, nominations ? "n.json" : "c.json"))
    fail_msg ("“%s” does not name %s", error->message, path);
}

/* The readers of doc/formats-candidates.md name the file and the JSON path
 * of every error. */
static void
test_readers_name_json_path (void **state)
{
  const char *post = "\"posts\": [{\"id\": \"chair\", \"kind\": \"chair\", \"seats\": 1}]";
  g_autofree char *bad_post = g_strdup_printf (
    "{\"format\": \"libelect.nominations/1\", %s, \"ballots\": [{\"chair\": [\"王一\"]}, {\"vice\": [\"李二\"]}]}", post);
  expect_reader_error (TRUE, bad_post, ELECT_ERROR_INVALID, "$.ballots[1]");
  g_autofree char *bad_name = g_strdup_printf (
    "{\"format\": \"libelect.nominations/1\", %s, \"ballots\": [{\"chair\": [\"王一\", 3]}]}", post);
  expect_reader_error (TRUE, bad_name, ELECT_ERROR_INVALID, "$.ballots[0].chair[1]");
  expect_reader_error (TRUE, "{\"format\": \"libelect.nominations/1\", \"posts\": "
                       "[{\"id\": \"chair\", \"kind\": \"chair\", \"seats\": 0}], \"ballots\": []}",
                       ELECT_ERROR_INVALID, "$.posts[0].seats");
  expect_reader_error (TRUE, "{\"format\": \"libelect.election/1\"}", ELECT_ERROR_INVALID, "$.format");
  expect_reader_error (TRUE, "{\"format\": \"libelect.nominations/1\", \"colour\": 1}",
                       ELECT_ERROR_UNKNOWN_KEY, "colour");
  expect_reader_error (TRUE, "{\"format\": ", ELECT_ERROR_PARSE, "n.json");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\", \"facts\": [{\"item\": \"x\", \"date\": \"2021-02-29\"}]}]}",
                       ELECT_ERROR_INVALID, "$.people[0].facts[0].date");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\"}, {\"name\": \" 王一 \"}]}",
                       ELECT_ERROR_INVALID, "$.people[1].name");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王芳\", \"id_number\": \"11010519491231002X\", "
                       "\"birth_date\": \"1949-12-30\"}]}",
                       ELECT_ERROR_INVALID, "$.people[0].birth_date");
  /* Strict JSON escapes: json-glib would take \351 (an octal escape of its
   * scanner) and put a byte that is not UTF-8 into a key or a name; found
   * by fuzz-candidates, which checks every message is UTF-8. */
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\", \"po\\351st\": \"chair\"}]}",
                       ELECT_ERROR_PARSE, "c.json:1");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王\\x41\"}]}",
                       ELECT_ERROR_PARSE, "escape");
  /* Half a surrogate pair in a key (json-glib would write bytes that are
   * not UTF-8; found by fuzz-schedule), and a control character in a key,
   * which the message must escape (one line; found by fuzz-election). */
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\", \"p\\ude0aost\": \"chair\"}]}",
                       ELECT_ERROR_PARSE, "lone surrogate");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\", \"p\\ud83dost\": \"chair\"}]}",
                       ELECT_ERROR_PARSE, "c.json:1");
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王一\", \"p\\ud83d\\ude00\\nst\": \"chair\"}]}",
                       ELECT_ERROR_UNKNOWN_KEY, "“p😀\\u000ast”");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) p = elect_candidate_records_from_json (
      "{\"format\": \"libelect.candidates/1\", \"people\": [{\"name\": \"\\u738b\\/\\\"一\\\"\"}]}",
      -1, "c.json", NULL, &error);
    assert_null (error);
    assert_string_equal (elect_candidate_record_get_name (p->pdata[0]), "王/\"一\"");
  }
  expect_reader_error (FALSE, "{\"format\": \"libelect.candidates/1\", \"people\": "
                       "[{\"name\": \"王芳\", \"relatives\": [{\"name\": \"王父\", \"relation\": \"uncle\"}]}]}",
                       ELECT_ERROR_INVALID, "$.people[0].relatives[0]");

  /* A good file: the date of birth comes from the ID number. */
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = elect_candidate_records_from_json (
    "{\"format\": \"libelect.candidates/1\", \"people\": [{\"name\": \"王芳\", "
    "\"id_number\": \"11010519491231002X\", \"post\": \"chair\"}]}", -1, "c.json", NULL, &error);
  if (!people)
    fail_msg ("%s", error->message);
  assert_int_equal (people->len, 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_per13_party_twenty_percent),
    cmocka_unit_test (test_vcl15_more_than_seats),
    cmocka_unit_test (test_sh12_per_post),
    cmocka_unit_test (test_bj16_per_post),
    cmocka_unit_test (test_ha24_per_post),
    cmocka_unit_test (test_bjr13_equal_when_nominees_equal_seats),
    cmocka_unit_test (test_ha24_chair_vice_exactly_one_more),
    cmocka_unit_test (test_rcl_bjr13_har9_residents_boundaries),
    cmocka_unit_test (test_messages_without_plural_of_one),
    cmocka_unit_test (test_surplus_bad_counts),
    cmocka_unit_test (test_zj18_top_of_count),
    cmocka_unit_test (test_zj18_tie_at_cutoff_primary),
    cmocka_unit_test (test_zj17_limit_to_seats),
    cmocka_unit_test (test_zj17_same_person_two_posts_void),
    cmocka_unit_test (test_zj18_must_choose_one_post),
    cmocka_unit_test (test_zj18_nominated_for_two_posts_must_choose),
    cmocka_unit_test (test_zj17_duplicate_name_cited),
    cmocka_unit_test (test_zj18_bj16_ha24_nomination_quorum),
    cmocka_unit_test (test_excluded_next_moves_up),
    cmocka_unit_test (test_set_candidates_within_range),
    cmocka_unit_test (test_too_few_and_equal_exception),
    cmocka_unit_test (test_bad_input),
    cmocka_unit_test (test_json),
    cmocka_unit_test (test_readers_name_json_path),
  };
  return cmocka_run_group_tests_name ("slate", tests, NULL, NULL);
}
