/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Vetting (资格联审, RULES.md §7.2) and election-committee conflicts (VCL
 * 12, ZJ 9). Each test names its source. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rules-private.h"

static const char LIST[] =
  "[list]\ntitle=test\n"
  "[item prison]\ntitle=released less than 5 years ago\nkind=event\nlookback=5y\n"
  "severity=barred\nsource=SRC-PRISON\n"
  "[item detention]\ntitle=detained less than 18 months ago\nkind=event\nlookback=18m\n"
  "severity=not-recommended\nsource=SRC-DETENTION\n"
  "[item bribery]\ntitle=bribery in this election\nkind=event\nseverity=barred\nsource=SRC-BRIBERY\n"
  "[item investigation]\ntitle=under investigation\nkind=flag\nseverity=barred\nsource=SRC-INV\n"
  "[item absent]\ntitle=long absent\nkind=flag\nseverity=not-recommended\nsource=SRC-ABSENT\n"
  "[item new-chair-age]\ntitle=new chair over 45\nkind=age-cap\nmax_age=45\nage_date=2026-12-31\n"
  "posts=chair\nincumbent=false\nseverity=not-recommended\nsource=SRC-AGE45\n"
  "[item old-chair-age]\ntitle=continuing chair over 55\nkind=age-cap\nmax_age=55\n"
  "age_date=2026-12-31\nposts=chair\nincumbent=true\nseverity=not-recommended\nsource=SRC-AGE55\n";

static ElectNegativeList *
list (void)
{
  g_autoptr (GError) error = NULL;
  ElectNegativeList *l = elect_negative_list_load_from_data (LIST, -1, "test.ini", &error);
  if (!l)
    fail_msg ("%s", error->message);
  return l;
}

static GDate *
date (const char *iso)
{
  int y, m, d;
  assert_int_equal (sscanf (iso, "%d-%d-%d", &y, &m, &d), 3);
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static ElectVetting *
vet_fact (const char *item, const char *when, const char *reference)
{
  g_autoptr (ElectNegativeList) l = list ();
  g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new ("王一");
  g_autoptr (GDate) d = when ? date (when) : NULL;
  elect_candidate_record_add_fact (rec, item, d);
  g_autoptr (GDate) ref = date (reference);
  return elect_vet (rec, l, ref);
}

/* RULES §7.2 look-back boundary (documented in elect-slate.h): "released
 * less than 5 years ago" (不满5年). Released exactly 5 years before the
 * reference date: the period has elapsed, eligible; one day later: barred. */
static void
test_72_lookback_boundary_exactly_n_years (void **state)
{
  g_autoptr (ElectVetting) exact = vet_fact ("prison", "2021-12-20", "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (exact), ELECT_VETTING_ELIGIBLE);
  assert_int_equal (elect_vetting_get_n_matches (exact), 0);

  g_autoptr (ElectVetting) inside = vet_fact ("prison", "2021-12-21", "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (inside), ELECT_VETTING_BARRED);
  assert_int_equal (elect_vetting_get_n_matches (inside), 1);
  const char *item, *when;
  ElectVettingVerdict sev;
  ElectReason *r = elect_vetting_get_match (inside, 0, &item, &sev, &when);
  assert_string_equal (item, "prison");
  assert_int_equal (sev, ELECT_VETTING_BARRED);
  assert_string_equal (when, "2021-12-21");
  assert_string_equal (elect_reason_get_code (r), "negative-list-item");
  assert_string_equal (elect_reason_get_citation (r), "SRC-PRISON");
}

/* The same boundary for 29 February (the rule of elect_anniversary): 5
 * years from 2020-02-29 end on 2025-03-01. */
static void
test_72_lookback_29_february (void **state)
{
  g_autoptr (ElectVetting) before = vet_fact ("prison", "2020-02-29", "2025-02-28");
  assert_int_equal (elect_vetting_get_verdict (before), ELECT_VETTING_BARRED);
  g_autoptr (ElectVetting) on = vet_fact ("prison", "2020-02-29", "2025-03-01");
  assert_int_equal (elect_vetting_get_verdict (on), ELECT_VETTING_ELIGIBLE);
}

/* Look-back in months (18m), soft severity: not-recommended. */
static void
test_72_lookback_months_soft (void **state)
{
  g_autoptr (ElectVetting) in = vet_fact ("detention", "2025-06-21", "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (in), ELECT_VETTING_NOT_RECOMMENDED);
  g_autoptr (ElectVetting) out = vet_fact ("detention", "2025-06-20", "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (out), ELECT_VETTING_ELIGIBLE);
}

/* An event without a look-back matches however old (bribery in this
 * election); an event item recorded without a date matches too (it cannot
 * be shown to be outside the period). */
static void
test_72_event_without_lookback_or_date (void **state)
{
  g_autoptr (ElectVetting) old = vet_fact ("bribery", "1990-01-01", "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (old), ELECT_VETTING_BARRED);
  g_autoptr (ElectVetting) undated = vet_fact ("prison", NULL, "2026-12-20");
  assert_int_equal (elect_vetting_get_verdict (undated), ELECT_VETTING_BARRED);
  const char *when = "x";
  elect_vetting_get_match (undated, 0, NULL, NULL, &when);
  assert_null (when);
}

/* Standing flags; every matching item is listed, the verdict is the most
 * severe. */
static void
test_72_flags_every_match_listed (void **state)
{
  g_autoptr (ElectNegativeList) l = list ();
  g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new ("李二");
  elect_candidate_record_add_fact (rec, "absent", NULL);
  g_autoptr (GDate) ref = date ("2026-12-20");
  g_autoptr (ElectVetting) soft = elect_vet (rec, l, ref);
  assert_int_equal (elect_vetting_get_verdict (soft), ELECT_VETTING_NOT_RECOMMENDED);
  g_autoptr (GDate) since = date ("2026-03-01");
  elect_candidate_record_add_fact (rec, "investigation", since);
  g_autoptr (ElectVetting) both = elect_vet (rec, l, ref);
  assert_int_equal (elect_vetting_get_verdict (both), ELECT_VETTING_BARRED);
  assert_int_equal (elect_vetting_get_n_matches (both), 2);
  const char *item, *when;
  /* Matches come in the order of the list: investigation, then absent. */
  elect_vetting_get_match (both, 0, &item, NULL, &when);
  assert_string_equal (item, "investigation");
  assert_string_equal (when, "2026-03-01");
  g_autofree char *json = elect_vetting_to_json (both, "en");
  assert_non_null (strstr (json, "\"verdict\":\"barred\""));
  assert_non_null (strstr (json, "SRC-ABSENT"));
  assert_non_null (strstr (json, "SRC-INV"));
}

/* VCL 13 (eligible to vote), VCL 18 (lost legal capacity or sentenced),
 * BJ 18: statutory bars, with or without a negative list. */
static void
test_vcl13_vcl18_statutory_bars (void **state)
{
  g_autoptr (GDate) ref = date ("2026-12-20");
  const struct { gboolean voter, capacity, sentenced; const char *item, *cite; } cases[] = {
    { FALSE, TRUE, FALSE, "not-voter", "村民委员会组织法 第十三条" },
    { TRUE, FALSE, FALSE, "no-legal-capacity", "村民委员会组织法 第十八条" },
    { TRUE, TRUE, TRUE, "sentenced", "村民委员会组织法 第十八条" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new ("张三");
      elect_candidate_record_set_status (rec, cases[i].voter, cases[i].capacity, cases[i].sentenced);
      g_autoptr (ElectVetting) v = elect_vet (rec, NULL, ref);
      assert_int_equal (elect_vetting_get_verdict (v), ELECT_VETTING_BARRED);
      const char *item;
      ElectReason *r = elect_vetting_get_match (v, 0, &item, NULL, NULL);
      assert_string_equal (item, cases[i].item);
      assert_string_equal (elect_reason_get_code (r), "statutory-bar");
      assert_string_equal (elect_reason_get_citation (r), cases[i].cite);
    }
  g_autoptr (ElectCandidateRecord) ok = elect_candidate_record_new ("张三");
  g_autoptr (ElectVetting) v = elect_vet (ok, NULL, ref);
  assert_int_equal (elect_vetting_get_verdict (v), ELECT_VETTING_ELIGIBLE);
}

/* RULES §7.2 local age caps on a fixed date: a new chair at most 45, a
 * continuing chair at most 55 (on 2026-12-31); other posts unaffected. */
static void
test_72_age_caps (void **state)
{
  g_autoptr (ElectNegativeList) l = list ();
  g_autoptr (GDate) ref = date ("2026-12-20");
  const struct { const char *born; ElectPostKind post; gboolean inc; ElectVettingVerdict want; } cases[] = {
    { "1981-12-31", ELECT_POST_KIND_CHAIR, FALSE, ELECT_VETTING_ELIGIBLE },          /* 45 */
    { "1981-12-30", ELECT_POST_KIND_CHAIR, FALSE, ELECT_VETTING_ELIGIBLE },          /* 45 */
    { "1980-12-31", ELECT_POST_KIND_CHAIR, FALSE, ELECT_VETTING_NOT_RECOMMENDED },   /* 46 */
    { "1980-12-31", ELECT_POST_KIND_CHAIR, TRUE, ELECT_VETTING_ELIGIBLE },
    { "1980-12-31", ELECT_POST_KIND_MEMBER, FALSE, ELECT_VETTING_ELIGIBLE },
    { "1971-12-31", ELECT_POST_KIND_CHAIR, TRUE, ELECT_VETTING_ELIGIBLE },           /* 55 */
    { "1970-12-31", ELECT_POST_KIND_CHAIR, TRUE, ELECT_VETTING_NOT_RECOMMENDED },    /* 56 */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new ("赵四");
      g_autoptr (GDate) born = date (cases[i].born);
      elect_candidate_record_set_birth_date (rec, born);
      elect_candidate_record_set_post (rec, cases[i].post, cases[i].inc);
      g_autoptr (ElectVetting) v = elect_vet (rec, l, ref);
      if (elect_vetting_get_verdict (v) != cases[i].want)
        fail_msg ("case %u (%s): verdict %d", i, cases[i].born, elect_vetting_get_verdict (v));
    }
  /* Born 1980-12-30: 46 on 2026-12-31; the evidence date is the birth date. */
  g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new ("赵四");
  g_autoptr (GDate) born = date ("1980-12-30");
  elect_candidate_record_set_birth_date (rec, born);
  elect_candidate_record_set_post (rec, ELECT_POST_KIND_CHAIR, FALSE);
  g_autoptr (ElectVetting) v = elect_vet (rec, l, ref);
  assert_int_equal (elect_vetting_get_verdict (v), ELECT_VETTING_NOT_RECOMMENDED);
  const char *item, *when;
  elect_vetting_get_match (v, 0, &item, NULL, &when);
  assert_string_equal (item, "new-chair-age");
  assert_string_equal (when, "1980-12-30");
}

/* The shipped example lists (RULES §7.2) load and carry a source on every
 * item. */
static void
test_72_shipped_lists_load (void **state)
{
  const char *root = g_getenv ("ELECT_SOURCE_ROOT");
  if (!root)
    skip ();
  const char *files[] = { "village-5-years.ini", "village-3-years.ini" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, "data", "negative-lists", files[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ElectNegativeList) l = elect_negative_list_load (path, &error);
      if (!l)
        fail_msg ("%s", error->message);
      assert_int_equal (elect_negative_list_get_n_items (l), 14);
      assert_string_equal (elect_negative_list_get_item_id (l, 0), "criminal-record");
    }
}

static void
expect_list_error (const char *text, ElectError code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectNegativeList) l = elect_negative_list_load_from_data (text, -1, "bad.ini", &error);
  assert_null (l);
  assert_non_null (error);
  assert_int_equal (error->code, code);
  if (!strstr (error->message, needle) || !strstr (error->message, "bad.ini"))
    fail_msg ("message “%s” lacks “%s”", error->message, needle);
}

static void
test_list_errors_name_group_and_key (void **state)
{
  expect_list_error ("[item a]\ntitle=t\nkind=flag\nseverity=barred\nsource=s\ncolour=red\n",
                     ELECT_ERROR_UNKNOWN_KEY, "colour");
  expect_list_error ("[item a]\ntitle=t\nkind=flag\nseverity=barred\n", ELECT_ERROR_INVALID, "source");
  expect_list_error ("[item a]\ntitle=t\nkind=event\nlookback=5x\nseverity=barred\nsource=s\n",
                     ELECT_ERROR_INVALID, "lookback");
  expect_list_error ("[item a]\ntitle=t\nkind=flag\nlookback=5y\nseverity=barred\nsource=s\n",
                     ELECT_ERROR_INVALID, "lookback");
  expect_list_error ("[item a]\ntitle=t\nkind=event\nseverity=hard\nsource=s\n",
                     ELECT_ERROR_INVALID, "severity");
  expect_list_error ("[item a]\ntitle=t\nkind=age-cap\nmax_age=45\nage_date=2026-02-30\n"
                     "severity=barred\nsource=s\n", ELECT_ERROR_INVALID, "age_date");
  expect_list_error ("[other]\nx=1\n", ELECT_ERROR_UNKNOWN_KEY, "other");
  expect_list_error ("[item a b]\ntitle=t\nkind=flag\nseverity=barred\nsource=s\n",
                     ELECT_ERROR_INVALID, "item a b");
  expect_list_error ("not a key file", ELECT_ERROR_PARSE, "key file");
}

/* VCL 12, ZJ 9 ¶1: a member of the election committee who is nominated
 * must leave it; ZJ 9 ¶2: also a member whose spouse, parent, child or
 * sibling is nominated (only where the relatives rule applies). */
static void
test_vcl12_zj9_committee_conflicts (void **state)
{
  g_autoptr (ElectCandidateRecord) a = elect_candidate_record_new ("王一");
  g_autoptr (ElectCandidateRecord) b = elect_candidate_record_new ("李二");
  assert_true (elect_candidate_record_add_relative (b, "李父", "parent"));
  assert_true (elect_candidate_record_add_relative (b, "李祖", "grandparent"));
  assert_false (elect_candidate_record_add_relative (b, "某", "cousin"));
  ElectCandidateRecord *noms[] = { a, b };
  const char *committee[] = { "王一", "李父", "李祖", "张三", NULL };
  g_autoptr (GPtrArray) vcl = elect_committee_conflicts (committee, noms, 2, FALSE);
  assert_int_equal (vcl->len, 1);
  assert_string_equal (elect_reason_get_code (vcl->pdata[0]), "committee-member-nominated");
  assert_non_null (strstr (elect_reason_get_citation (vcl->pdata[0]), "第十二条"));
  g_autoptr (GPtrArray) zj = elect_committee_conflicts (committee, noms, 2, TRUE);
  assert_int_equal (zj->len, 2);   /* 王一 and 李父; not the grandparent */
  assert_string_equal (elect_reason_get_code (zj->pdata[1]), "committee-member-relative-nominated");
  assert_string_equal (elect_reason_get_citation (zj->pdata[1]), "浙江省村民委员会选举办法 第九条");
}

static gboolean
relatives_rule (const ElectRules *r, const char **citation)
{
  gboolean on = FALSE;
  g_autoptr (GError) error = NULL;
  if (!elect_rules_get_bool (r, "candidates.relatives_leave_committee", &on, &error))
    fail_msg ("%s", error->message);
  if (citation)
    *citation = elect_rules_get_citation (r, "candidates.relatives_leave_committee");
  return on;
}

/* Whether the committee conflicts of @r include a relative's (ZJ 9 ¶2). */
static gboolean
relative_conflict (const ElectRules *r)
{
  g_autoptr (ElectCandidateRecord) a = elect_candidate_record_new ("刘秀英");
  assert_true (elect_candidate_record_add_relative (a, "刘建华", "sibling"));
  ElectCandidateRecord *noms[] = { a };
  const char *committee[] = { "刘建华", NULL };
  g_autoptr (GPtrArray) c = elect_committee_conflicts (committee, noms, 1, relatives_rule (r, NULL));
  return c->len == 1
         && strcmp (elect_reason_get_code (c->pdata[0]), "committee-member-relative-nominated") == 0;
}

/* ZJ 9 ¶2 (…候选人…的配偶、父母子女、兄弟姐妹担任村民选举委员会成员的，应当退出)
 * is a parameter of the profile, candidates.relatives_leave_committee, not
 * a matter of the profile's name: a grandchild of the Zhejiang profile (a
 * key file extending a key file extending it) keeps it, with its citation;
 * the national profile (VCL 12: only the nominated member leaves) has it
 * off; a profile named "zhejiang-…" that extends the national one does not
 * get it by its name; a new province's profile that sets it has it. */
static void
test_zj9_relatives_rule_is_a_profile_parameter (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("elect-zj9-XXXXXX", &error);
  assert_non_null (dir);
  g_autofree char *county = g_build_filename (dir, "jx-county.ini", NULL);
  g_autofree char *village = g_build_filename (dir, "jx-village.ini", NULL);
  assert_true (g_file_set_contents (county, "[profile]\nname=jx-county\n"
                                    "extends=zhejiang-village-committee\n", -1, NULL));
  assert_true (g_file_set_contents (village, "[profile]\nname=jx-village\nextends=jx-county\n"
                                    "[seats]\nrange=5-7\nrange.citation=local\n", -1, NULL));
  g_autoptr (ElectRules) grandchild = elect_rules_load (village, &error);
  if (!grandchild)
    fail_msg ("%s", error->message);
  assert_string_equal (elect_rules_get_parent (grandchild), "jx-county");
  const char *cite = NULL;
  assert_true (relatives_rule (grandchild, &cite));
  assert_string_equal (cite, "浙江省村民委员会选举办法 第九条");
  assert_true (relative_conflict (grandchild));
  g_remove (village);
  g_remove (county);
  g_rmdir (dir);

  g_autoptr (ElectRules) zj = elect_rules_load ("zhejiang-village-committee", &error);
  assert_non_null (zj);
  assert_true (relatives_rule (zj, NULL));
  assert_true (relative_conflict (zj));

  g_autoptr (ElectRules) vc = elect_rules_load ("village-committee", &error);
  assert_non_null (vc);
  assert_false (relatives_rule (vc, NULL));
  assert_false (relative_conflict (vc));

  g_autoptr (ElectRules) named = elect_rules_load_from_data (
    "[profile]\nname=zhejiang-test\nextends=village-committee\n", -1, "named.ini", &error);
  if (!named)
    fail_msg ("%s", error->message);
  assert_false (relatives_rule (named, NULL));

  g_autoptr (ElectRules) custom = elect_rules_load_from_data (
    "[profile]\nname=guangdong-village-committee\nextends=village-committee\n"
    "[candidates]\nrelatives_leave_committee=true\n"
    "relatives_leave_committee.citation=某省村民委员会选举办法 第八条\n", -1, "gd.ini", &error);
  if (!custom)
    fail_msg ("%s", error->message);
  assert_true (relatives_rule (custom, &cite));
  assert_string_equal (cite, "某省村民委员会选举办法 第八条");
  assert_true (relative_conflict (custom));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_72_lookback_boundary_exactly_n_years),
    cmocka_unit_test (test_72_lookback_29_february),
    cmocka_unit_test (test_72_lookback_months_soft),
    cmocka_unit_test (test_72_event_without_lookback_or_date),
    cmocka_unit_test (test_72_flags_every_match_listed),
    cmocka_unit_test (test_vcl13_vcl18_statutory_bars),
    cmocka_unit_test (test_72_age_caps),
    cmocka_unit_test (test_72_shipped_lists_load),
    cmocka_unit_test (test_list_errors_name_group_and_key),
    cmocka_unit_test (test_vcl12_zj9_committee_conflicts),
    cmocka_unit_test (test_zj9_relatives_rule_is_a_profile_parameter),
  };
  return cmocka_run_group_tests_name ("vetting", tests, NULL, NULL);
}
