/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Rule profiles: the values of RULES.md §3 for each shipped profile (one
 * test per row of the table, each entry naming its article), the
 * contradictions validate() rejects (one test per check), value parsing,
 * inheritance and loading errors. White-box: the internal typed access of
 * rules-private.h is tested too. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "rules-private.h"
#include "profiles-builtin-private.h"

/* ---- helpers ------------------------------------------------------------- */

static ElectRules *
load_ok (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (error)
    fail_msg ("%s: %s", name, error->message);
  assert_non_null (r);
  return r;
}

static ElectRules *
data_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load_from_data (text, -1, "test.ini", &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (r);
  return r;
}

/* Loads @text (origin "contra.ini"), expects failure with @code and a message
 * containing every string of the NULL-terminated list. */
static void
data_fails (const char *text, int code, ...)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load_from_data (text, -1, "contra.ini", &error);
  if (r != NULL)
    {
      elect_rules_unref (r);
      fail_msg ("loaded, expected error %d for:\n%s", code, text);
    }
  assert_non_null (error);
  assert_true (error->domain == ELECT_ERROR);
  if (error->code != code)
    fail_msg ("error code %d, expected %d: %s", error->code, code, error->message);
  va_list ap;
  va_start (ap, code);
  for (const char *s = va_arg (ap, const char *); s; s = va_arg (ap, const char *))
    if (strstr (error->message, s) == NULL)
      fail_msg ("the message lacks “%s”: %s", s, error->message);
  va_end (ap);
}

#define VC_CHILD "[profile]\nname=contra\nextends=village-committee\n"

/* One expected parameter of one shipped profile (RULES.md §3). */
typedef struct {
  const char *profile;
  const char *key;
  const char *value;      /* as written: ">1/2", "3-7", "none" */
  const char *citation;   /* a substring of the citation, or NULL for "" */
  const char *origin;     /* the profile that sets it */
} Expect;

static void
check_expectations (const Expect *e, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (ElectRules) r = load_ok (e[i].profile);
      g_autofree char *v = elect_rules_get_value_string (r, e[i].key);
      assert_non_null (v);
      if (strcmp (v, e[i].value) != 0)
        fail_msg ("%s %s = %s, expected %s", e[i].profile, e[i].key, v, e[i].value);
      const char *c = elect_rules_get_citation (r, e[i].key);
      assert_non_null (c);
      if (e[i].citation ? strstr (c, e[i].citation) == NULL : *c != '\0')
        fail_msg ("%s %s: citation “%s”, expected “%s”", e[i].profile, e[i].key, c,
                  e[i].citation ? e[i].citation : "");
      if (e[i].origin && strcmp (elect_rules_get_origin (r, e[i].key), e[i].origin) != 0)
        fail_msg ("%s %s: set in %s, expected %s", e[i].profile, e[i].key,
                  elect_rules_get_origin (r, e[i].key), e[i].origin);
    }
}

#define CHECK(table) check_expectations (table, G_N_ELEMENTS (table))

static gboolean
holds (const ElectRules *r, const char *key, gint64 part, gint64 whole)
{
  gboolean h = FALSE;
  g_autoptr (GError) error = NULL;
  if (!elect_rules_fraction_holds (r, key, part, whole, &h, &error))
    fail_msg ("%s", error->message);
  return h;
}

static gint64
least (const ElectRules *r, const char *key, gint64 whole)
{
  gint64 l = -1;
  g_autoptr (GError) error = NULL;
  if (!elect_rules_fraction_least (r, key, whole, &l, &error))
    fail_msg ("%s", error->message);
  return l;
}

/* ---- RULES.md §3, row by row ---------------------------------------------- */

/* seats total: VCL 6 (3–7), ZJ 2, SH 2, BJ 3, HA 8 (3–7, normally ≤ 5),
 * RCL 7 (5–9), PER (3–5, ≤ 7 [approx]), ZJi 30 (supervision 3–5). */
static void
test_seats_vcl6_zj2_sh2_bj3_ha8_rcl7_per_zji30 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "seats.range", "3-7", "村民委员会组织法 第六条", "village-committee" },
    { "village-committee", "seats.normal_max", "none", NULL, "village-committee" },
    { "zhejiang-village-committee", "seats.range", "3-7", "浙江省实施《村民委员会组织法》办法 第二条", "zhejiang-village-committee" },
    { "shanghai-village-committee", "seats.range", "3-7", "上海市村民委员会选举办法 第二条", NULL },
    { "beijing-village-committee", "seats.range", "3-7", "北京市村民委员会选举办法 第三条", NULL },
    { "henan-village-committee", "seats.range", "3-7", "第八条", NULL },
    { "henan-village-committee", "seats.normal_max", "5", "河南省实施《村民委员会组织法》办法 第八条", NULL },
    { "residents-committee", "seats.range", "5-9", "城市居民委员会组织法 第七条", NULL },
    { "party-committee", "seats.range", "3-7", "中国共产党基层组织选举工作条例", NULL },
    { "party-committee", "seats.normal_max", "5", "中国共产党基层组织选举工作条例", NULL },
    { "supervision-committee", "seats.range", "3-5", "第三十条", NULL },
    { "shanghai-supervision-committee", "seats.range", "3-7", "上海市实施《村民委员会组织法》办法 第二十五条", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) ha = load_ok ("henan-village-committee");
  gint64 lo, hi;
  assert_true (elect_rules_get_range (ha, "seats.range", &lo, &hi, NULL));
  assert_int_equal (lo, 3);
  assert_int_equal (hi, 7);
  assert_int_equal (elect_rules_p_int (ha, ELECT_P_SEATS_NORMAL_MAX), 5);
}

/* term: VCL 11 (5 years; the BJ and HA texts say 3, superseded by the 2018
 * VCL, RULES.md §11), RCL 8, Party 5. */
static void
test_term_vcl11_rcl8_five_years (void **state)
{
  static const Expect e[] = {
    { "village-committee", "general.term_years", "5", "村民委员会组织法 第十一条", NULL },
    { "beijing-village-committee", "general.term_years", "5", "村民委员会组织法 第十一条", "village-committee" },
    { "henan-village-committee", "general.term_years", "5", "村民委员会组织法 第十一条", "village-committee" },
    { "residents-committee", "general.term_years", "5", "城市居民委员会组织法 第八条", "residents-committee" },
    { "party-committee", "general.term_years", "5", "中国共产党章程", "party-committee" },
  };
  CHECK (e);
}

/* body elected and electorate: VCL 13 registered voters; RCL 8 residents,
 * household or group representatives; PER Art. 5 full members only. */
static void
test_kind_and_electorate_vcl13_rcl8_per5 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "electorate.modes", "registered-voters", "村民委员会组织法 第十三条", NULL },
    { "residents-committee", "electorate.modes", "all-residents,household-representatives,group-representatives", "城市居民委员会组织法 第八条", NULL },
    { "party-committee", "electorate.modes", "full-members", "第五条", NULL },
  };
  /* the supervision committee's electorate is the VC's, cited by the VCL */
  static const Expect vsc[] = {
    { "supervision-committee", "electorate.modes", "registered-voters", "村民委员会组织法 第十三条", "village-committee" },
  };
  CHECK (e);
  CHECK (vsc);
  static const struct { const char *name; ElectKind kind; } kinds[] = {
    { "village-committee", ELECT_KIND_VILLAGE_COMMITTEE },
    { "zhejiang-village-committee", ELECT_KIND_VILLAGE_COMMITTEE },
    { "residents-committee", ELECT_KIND_RESIDENTS_COMMITTEE },
    { "party-committee", ELECT_KIND_PARTY_COMMITTEE },
    { "supervision-committee", ELECT_KIND_SUPERVISION_COMMITTEE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (ElectRules) r = load_ok (kinds[i].name);
      assert_int_equal (elect_rules_get_kind (r), kinds[i].kind);
    }
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  g_auto (GStrv) modes = elect_rules_get_set (p, "electorate.modes", NULL);
  assert_non_null (modes);
  assert_string_equal (modes[0], "full-members");
  assert_null (modes[1]);
}

/* minimum age on election day: 18 (VCL 13, RCL 8); Party: membership. */
static void
test_min_age_vcl13_rcl_18_party_none (void **state)
{
  static const Expect e[] = {
    { "village-committee", "electorate.min_age", "18", "村民委员会组织法 第十三条", NULL },
    { "zhejiang-village-committee", "electorate.min_age", "18", "村民委员会组织法 第十三条", "village-committee" },
    { "residents-committee", "electorate.min_age", "18", "城市居民委员会组织法 第四条", NULL },
    { "party-committee", "electorate.min_age", "none", NULL, "party-committee" },
  };
  CHECK (e);
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  g_autoptr (GError) error = NULL;
  gint64 v;
  assert_false (elect_rules_get_int (p, "electorate.min_age", &v, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNSET));
  assert_false (elect_rules_is_set (p, "electorate.min_age"));
}

/* non-hukou residence: VCL 13 (1 year, work does not count); ZJ 13 (village
 * work counts); SH 9 (extra categories); BJ 13 (live or work, ex-agricultural
 * hukou); HA 20 (certificate of not voting at home, talent category). */
static void
test_residence_vcl13_zj13_sh9_bj13_ha20 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "electorate.residence_years", "1", "村民委员会组织法 第十三条第二款第三项", NULL },
    { "village-committee", "electorate.work_counts", "no", "村民委员会组织法 第十三条", NULL },
    { "village-committee", "electorate.extra_categories", "", NULL, NULL },
    { "zhejiang-village-committee", "electorate.work_counts", "village-work", "浙江省村民委员会选举办法 第十三条", "zhejiang-village-committee" },
    { "shanghai-village-committee", "electorate.extra_categories", "spouse-residence,collective-member", "上海市村民委员会选举办法 第九条第三款", NULL },
    { "shanghai-village-committee", "electorate.residence_years", "1", "上海市村民委员会选举办法 第九条", "village-committee" },
    { "beijing-village-committee", "electorate.work_counts", "any-work", "北京市村民委员会选举办法 第十三条", NULL },
    { "beijing-village-committee", "electorate.extra_categories", "ex-agricultural-hukou", "北京市村民委员会选举办法 第十三条", NULL },
    { "beijing-village-committee", "electorate.incapacity_confirmation", "true", "北京市村民委员会选举办法 第十四条", NULL },
    { "henan-village-committee", "electorate.home_certificate", "true", "第二十条", NULL },
    { "henan-village-committee", "electorate.proxy_is_intent", "true", "第二十条", NULL },
    { "henan-village-committee", "electorate.extra_categories", "talent", "第二十条", NULL },
    { "village-committee", "electorate.home_certificate", "false", NULL, NULL },
    { "residents-committee", "electorate.residence_years", "none", NULL, "residents-committee" },
    { "party-committee", "electorate.work_counts", "none", NULL, "party-committee" },
  };
  CHECK (e);
  g_autoptr (ElectRules) bj = load_ok ("beijing-village-committee");
  assert_string_equal (elect_rules_get_policy (bj, "electorate.work_counts", NULL), "any-work");
  gboolean b = TRUE;
  g_autoptr (ElectRules) vc = load_ok ("village-committee");
  assert_true (elect_rules_get_bool (vc, "electorate.home_certificate", &b, NULL));
  assert_false (b);
  g_auto (GStrv) none = elect_rules_get_set (vc, "electorate.extra_categories", NULL);
  assert_non_null (none);
  assert_null (none[0]);   /* the empty set is an empty array */
}

/* roll deadlines: VCL 14 (published E−20; objections within 5 days, decided
 * within 3); BJ 15 (written); HA 21 (written, late objections refused);
 * none for the RC and the Party. */
static void
test_roll_deadlines_vcl14_bj15_ha21 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "roll.publish_days_before", "20", "村民委员会组织法 第十四条", NULL },
    { "village-committee", "roll.objection_days", "5", "村民委员会组织法 第十四条第二款", NULL },
    { "village-committee", "roll.decision_days", "3", "村民委员会组织法 第十四条第二款", NULL },
    { "village-committee", "roll.objection_written", "false", NULL, NULL },
    { "zhejiang-village-committee", "roll.publish_days_before", "20", "第十四条", "village-committee" },
    { "beijing-village-committee", "roll.objection_written", "true", "北京市村民委员会选举办法 第十五条", NULL },
    { "henan-village-committee", "roll.objection_written", "true", "第二十一条", NULL },
    { "henan-village-committee", "roll.late_objection_refused", "true", "第二十一条", NULL },
    { "residents-committee", "roll.publish_days_before", "none", NULL, NULL },
    { "party-committee", "roll.objection_days", "none", NULL, NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) vc = load_ok ("village-committee");
  gint64 d;
  assert_true (elect_rules_get_int (vc, "roll.publish_days_before", &d, NULL));   /* days via get_int */
  assert_int_equal (d, 20);
  assert_int_equal (elect_rules_param_get_type ("roll.publish_days_before"), ELECT_PARAM_TYPE_DAYS);
}

/* candidate surplus: VCL 15 (more than seats); SH 12 (chair +1, vice +1,
 * members +1…+3); BJ 16 (+1…+2 each); HA 24 (+1, +1, +1…+2); RC (BJr 13,
 * HAr 9: +1…+2, equal allowed when nominees = seats); PER Art. 13
 * (5*(c−s) >= s, at least 20 %). */
static void
test_surplus_vcl15_sh12_bj16_ha24_bjr13_per13 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "candidates.surplus", "more-than-seats", "村民委员会组织法 第十五条", NULL },
    { "village-committee", "candidates.surplus_member", "none", NULL, NULL },
    { "shanghai-village-committee", "candidates.surplus", "per-post", "上海市村民委员会选举办法 第十二条", NULL },
    { "shanghai-village-committee", "candidates.surplus_chair", "1", "第十二条", NULL },
    { "shanghai-village-committee", "candidates.surplus_vice", "1", "第十二条", NULL },
    { "shanghai-village-committee", "candidates.surplus_member", "1-3", "第十二条", NULL },
    { "beijing-village-committee", "candidates.surplus_chair", "1-2", "北京市村民委员会选举办法 第十六条", NULL },
    { "beijing-village-committee", "candidates.surplus_vice", "1-2", "第十六条", NULL },
    { "beijing-village-committee", "candidates.surplus_member", "1-2", "第十六条", NULL },
    { "henan-village-committee", "candidates.surplus_chair", "1", "第二十四条", NULL },
    { "henan-village-committee", "candidates.surplus_vice", "1", "第二十四条", NULL },
    { "henan-village-committee", "candidates.surplus_member", "1-2", "第二十四条", NULL },
    { "residents-committee", "candidates.surplus_member", "1-2", "北京市实施《城市居民委员会组织法》办法 第十三条", NULL },
    { "residents-committee", "candidates.equal_when_nominees_equal_seats", "true", "第十三条", NULL },
    { "village-committee", "candidates.equal_when_nominees_equal_seats", "false", NULL, NULL },
    { "party-committee", "candidates.surplus", "fraction", "第十三条", NULL },
    { "party-committee", "candidates.surplus_fraction", ">=1/5", "第十三条", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  /* PER 13: surplus c−s of s seats, 5*(c−s) >= s: exactly 20 % passes. */
  assert_true (holds (p, "candidates.surplus_fraction", 1, 5));    /* 5 seats, 6 candidates: at */
  assert_false (holds (p, "candidates.surplus_fraction", 0, 5));   /* equal election */
  assert_true (holds (p, "candidates.surplus_fraction", 1, 3));    /* 3 → 4 */
  assert_false (holds (p, "candidates.surplus_fraction", 1, 7));   /* 7 → 8 is too few */
  assert_int_equal (least (p, "candidates.surplus_fraction", 3), 1);   /* 3 → ≥ 4 */
  assert_int_equal (least (p, "candidates.surplus_fraction", 5), 1);   /* 5 → 6 */
  assert_int_equal (least (p, "candidates.surplus_fraction", 7), 2);   /* 7 → 9 */
  assert_int_equal (least (p, "candidates.surplus_fraction", 9), 2);   /* 9 → 11 */
  g_autoptr (ElectRules) sh = load_ok ("shanghai-village-committee");
  gint64 lo, hi;
  assert_true (elect_rules_get_range (sh, "candidates.surplus_member", &lo, &hi, NULL));
  assert_int_equal (lo, 1);
  assert_int_equal (hi, 3);
}

/* candidate list: ZJ 18 (E−5, by votes; nomination meeting > 1/2, at most
 * as many nominees as seats; ZJ 17, 20), SH 12 (E−5, by votes), BJ 20 (E−5,
 * by nomination votes), HA 26 (E−5); none in the VCL; Party by strokes. */
static void
test_candidate_list_zj18_sh12_bj20_ha26 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "candidates.list_days_before", "none", NULL, NULL },
    { "village-committee", "candidates.list_order", "unspecified", NULL, NULL },
    { "zhejiang-village-committee", "candidates.list_days_before", "5", "浙江省村民委员会选举办法 第十八条", NULL },
    { "zhejiang-village-committee", "candidates.list_order", "votes", "浙江省村民委员会选举办法 第十八条", NULL },
    { "zhejiang-village-committee", "candidates.withdrawal_days_before", "3", "第十八条", NULL },
    { "zhejiang-village-committee", "candidates.self_nomination_days_before", "10", "第二十条", NULL },
    { "zhejiang-village-committee", "candidates.nomination_quorum", ">1/2", "第十八条", NULL },
    { "zhejiang-village-committee", "candidates.nomination_limit_seats", "true", "第十七条", NULL },
    { "shanghai-village-committee", "candidates.list_days_before", "5", "上海市村民委员会选举办法 第十二条", NULL },
    { "shanghai-village-committee", "candidates.list_order", "votes", "第十二条", NULL },
    { "beijing-village-committee", "candidates.list_days_before", "5", "北京市村民委员会选举办法 第二十条", NULL },
    { "beijing-village-committee", "candidates.list_order", "nomination-votes", "第二十条", NULL },
    { "henan-village-committee", "candidates.list_days_before", "5", "第二十六条", NULL },
    { "party-committee", "candidates.list_order", "strokes", "中国共产党基层组织选举工作条例", NULL },
    { "village-committee", "candidates.name_order", "surname-strokes", "GF 3003-1999", NULL },
  };
  CHECK (e);
}

/* proxies: VCL 15 (allowed, near relatives, no limit stated); ZJ 25 (3, not a
 * candidate, filed by E−3); SH 16 (3, filed by E−5, list by E−2, none on the
 * day); BJ 25 (3, not a candidate); HA 30 (3); RC 3; PER Art. 24 (none, 0);
 * supervision committee 3 (as the VC, with the provinces' common limit). */
static void
test_proxy_vcl15_zj25_sh16_bj25_ha30_per24 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "proxy.allowed", "true", "村民委员会组织法 第十五条第四款", NULL },
    { "village-committee", "proxy.max_principals", "none", NULL, NULL },
    { "village-committee", "proxy.relations", "spouse,parent,child,sibling,grandparent,grandchild", "民法典 第一千零四十五条", NULL },
    { "village-committee", "proxy.on_election_day", "true", NULL, NULL },
    { "zhejiang-village-committee", "proxy.max_principals", "3", "浙江省村民委员会选举办法 第二十五条", NULL },
    { "zhejiang-village-committee", "proxy.candidate_may_be_proxy", "false", "第二十五条", NULL },
    { "zhejiang-village-committee", "proxy.filed_days_before", "3", "第二十五条", NULL },
    { "shanghai-village-committee", "proxy.max_principals", "3", "上海市村民委员会选举办法 第十六条", NULL },
    { "shanghai-village-committee", "proxy.filed_days_before", "5", "第十六条", NULL },
    { "shanghai-village-committee", "proxy.list_days_before", "2", "第十六条", NULL },
    { "shanghai-village-committee", "proxy.on_election_day", "false", "第十六条", NULL },
    { "beijing-village-committee", "proxy.max_principals", "3", "北京市村民委员会选举办法 第二十五条", NULL },
    { "beijing-village-committee", "proxy.candidate_may_be_proxy", "false", "第二十五条", NULL },
    { "henan-village-committee", "proxy.max_principals", "3", "第三十条", NULL },
    { "residents-committee", "proxy.max_principals", "3", "通行规则", NULL },
    { "party-committee", "proxy.allowed", "false", "第二十四条", NULL },
    { "party-committee", "proxy.max_principals", "0", "第二十四条", NULL },
    { "supervision-committee", "proxy.allowed", "true", "第十五条第四款", "village-committee" },
    { "supervision-committee", "proxy.max_principals", "3", "第二十五条", "supervision-committee" },
  };
  CHECK (e);
  g_autoptr (ElectRules) zj = load_ok ("zhejiang-village-committee");
  gint64 n;
  assert_true (elect_rules_get_int (zj, "proxy.max_principals", &n, NULL));
  assert_int_equal (n, 3);
  gboolean b = TRUE;
  assert_true (elect_rules_get_bool (zj, "proxy.candidate_may_be_proxy", &b, NULL));
  assert_false (b);
}

/* turnout quorum: VCL 15 `2*returned > registered` (ZJ 27, SH 19, BJ 28,
 * HA 35 the same); PER [approx] 26 `5*present > 4*entitled`. Exactly at the
 * fraction fails, one above passes. */
static void
test_quorum_vcl15_half_per26_four_fifths (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.quorum", ">1/2", "村民委员会组织法 第十五条第二款", NULL },
    { "village-committee", "count.quorum_measure", "returned", "第十五条第二款", NULL },
    { "zhejiang-village-committee", "count.quorum", ">1/2", "浙江省村民委员会选举办法 第二十七条", "village-committee" },
    { "shanghai-village-committee", "count.quorum", ">1/2", "上海市村民委员会选举办法 第十九条", NULL },
    { "beijing-village-committee", "count.quorum", ">1/2", "北京市村民委员会选举办法 第二十八条", NULL },
    { "henan-village-committee", "count.quorum", ">1/2", "第三十五条", NULL },
    { "residents-committee", "count.quorum", ">1/2", "城市居民委员会组织法 第八条", NULL },
    { "party-committee", "count.quorum", ">4/5", "五分之四", "party-committee" },
    { "party-committee", "count.quorum_measure", "present", "五分之四", NULL },
  };
  CHECK (e);
  static const char *const half[] = {
    "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
    "beijing-village-committee", "henan-village-committee", "residents-committee",
    "supervision-committee",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (half); i++)
    {
      g_autoptr (ElectRules) r = load_ok (half[i]);
      assert_false (holds (r, "count.quorum", 500, 1000));   /* exactly half */
      assert_true (holds (r, "count.quorum", 501, 1000));    /* one above */
      assert_false (holds (r, "count.quorum", 3, 7));
      assert_true (holds (r, "count.quorum", 4, 7));
      assert_int_equal (least (r, "count.quorum", 890), 446);
      assert_int_equal (least (r, "count.quorum", 891), 446);
    }
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  assert_false (holds (p, "count.quorum", 80, 100));   /* exactly four fifths */
  assert_true (holds (p, "count.quorum", 81, 100));
  assert_false (holds (p, "count.quorum", 501, 1000)); /* a VC majority is not enough */
  assert_int_equal (least (p, "count.quorum", 100), 81);
  assert_int_equal (least (p, "count.quorum", 7), 6);  /* 5*6 > 28 > 5*5 */
  gint64 num, den;
  gboolean strict;
  assert_true (elect_rules_get_fraction (p, "count.quorum", &num, &den, &strict, NULL));
  assert_int_equal (num, 4);
  assert_int_equal (den, 5);
  assert_true (strict);
}

/* round void: returned > voters who voted (ZJ 27, SH 19, BJ 28); returned >
 * ballots issued (HA 35); returned > present (PER [approx] 27). */
static void
test_void_bound_zj27_ha35_issued_per27_present (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.void_bound", "voters-who-voted", "北京市村民委员会选举办法 第二十八条", NULL },
    { "zhejiang-village-committee", "count.void_bound", "voters-who-voted", "浙江省村民委员会选举办法 第二十七条", "village-committee" },
    { "shanghai-village-committee", "count.void_bound", "voters-who-voted", "第十九条", NULL },
    { "beijing-village-committee", "count.void_bound", "voters-who-voted", "第二十八条", NULL },
    { "henan-village-committee", "count.void_bound", "issued", "河南省实施《村民委员会组织法》办法 第三十五条", "henan-village-committee" },
    { "party-committee", "count.void_bound", "present", "收回选票多于投票人数", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) ha = load_ok ("henan-village-committee");
  assert_int_equal (elect_rules_p_int (ha, ELECT_P_COUNT_VOID_BOUND), ELECT_VOID_BOUND_ISSUED);
  g_autoptr (ElectRules) vc = load_ok ("village-committee");
  assert_int_equal (elect_rules_p_int (vc, ELECT_P_COUNT_VOID_BOUND), ELECT_VOID_BOUND_VOTERS);
}

/* over-vote: that ballot is invalid (ZJ 27, SH 19, BJ 28, HA 35, PER 27). */
static void
test_overvote_void_ballot_zj27_sh19_bj28_ha35_per27 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.overvote", "void-ballot", "北京市村民委员会选举办法 第二十八条", NULL },
    { "zhejiang-village-committee", "count.overvote", "void-ballot", "浙江省村民委员会选举办法 第二十七条", NULL },
    { "shanghai-village-committee", "count.overvote", "void-ballot", "上海市村民委员会选举办法 第十九条", NULL },
    { "beijing-village-committee", "count.overvote", "void-ballot", "北京市村民委员会选举办法 第二十八条", NULL },
    { "henan-village-committee", "count.overvote", "void-ballot", "第三十五条", NULL },
    { "party-committee", "count.overvote", "void-ballot", "多于规定应选人数的选票无效", NULL },
  };
  CHECK (e);
  data_fails (VC_CHILD "[count]\novervote=void-half\n", ELECT_ERROR_INVALID,
              "contra.ini", "[count]", "overvote", "void-half", "void-ballot, void-contest", NULL);
}

/* one person marked for two posts on one ballot (RULES.md §5.3): separate
 * (VCL, SH, BJ, RC), void-ballot (ZJ 27), cascade-down (HA 25), n/a (Party). */
static void
test_two_posts_zj27_void_ballot_ha25_cascade (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.same_person_two_posts", "separate", "村民委员会组织法 第十五条", NULL },
    { "zhejiang-village-committee", "count.same_person_two_posts", "void-ballot", "浙江省村民委员会选举办法 第二十七条", "zhejiang-village-committee" },
    { "shanghai-village-committee", "count.same_person_two_posts", "separate", NULL, "village-committee" },
    { "beijing-village-committee", "count.same_person_two_posts", "separate", NULL, "village-committee" },
    { "henan-village-committee", "count.same_person_two_posts", "cascade-down", "河南省实施《村民委员会组织法》办法 第二十五条", NULL },
    { "residents-committee", "count.same_person_two_posts", "separate", NULL, NULL },
    { "party-committee", "count.same_person_two_posts", "none", NULL, "party-committee" },
  };
  /* inherited values keep the national citation */
  static const Expect cites[] = {
    { "shanghai-village-committee", "count.same_person_two_posts", "separate", "村民委员会组织法 第十五条", "village-committee" },
    { "beijing-village-committee", "count.same_person_two_posts", "separate", "村民委员会组织法 第十五条", "village-committee" },
    { "residents-committee", "count.same_person_two_posts", "separate", "村民委员会组织法 第十五条", "village-committee" },
  };
  check_expectations (e, 2);
  check_expectations (e + 4, 1);
  check_expectations (e + 6, 1);
  CHECK (cites);
  g_autoptr (ElectRules) zj = load_ok ("zhejiang-village-committee");
  assert_int_equal (elect_rules_p_int (zj, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS), ELECT_TWO_POSTS_VOID_BALLOT);
  g_autoptr (ElectRules) ha = load_ok ("henan-village-committee");
  assert_int_equal (elect_rules_p_int (ha, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS), ELECT_TWO_POSTS_CASCADE_DOWN);
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  g_autoptr (GError) error = NULL;
  assert_null (elect_rules_get_policy (p, "count.same_person_two_posts", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNSET));
}

/* win base and threshold: ballots returned, invalid included (BJ 28), more
 * than half (VCL 15, ZJ 28, SH 20, BJ 29, HA 36); Party: members present
 * (PER [approx] 29), 2*yes > present. */
static void
test_win_base_bj28_returned_per29_present (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.win_base", "returned", "村民委员会组织法 第十五条第二款", NULL },
    { "village-committee", "count.win_threshold", ">1/2", "村民委员会组织法 第十五条第二款", NULL },
    { "zhejiang-village-committee", "count.win_threshold", ">1/2", "浙江省村民委员会选举办法 第二十八条", NULL },
    { "shanghai-village-committee", "count.win_threshold", ">1/2", "上海市村民委员会选举办法 第二十条", NULL },
    { "beijing-village-committee", "count.win_base", "returned", "北京市村民委员会选举办法 第二十八条", NULL },
    { "beijing-village-committee", "count.win_threshold", ">1/2", "北京市村民委员会选举办法 第二十九条", NULL },
    { "henan-village-committee", "count.win_threshold", ">1/2", "第三十六条", NULL },
    { "party-committee", "count.win_base", "present", "实到会有选举权人数", "party-committee" },
    { "party-committee", "count.win_threshold", ">1/2", "实到会有选举权人数的一半", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) p = load_ok ("party-committee");
  assert_int_equal (elect_rules_p_int (p, ELECT_P_COUNT_WIN_BASE), ELECT_WIN_BASE_PRESENT);
  assert_false (holds (p, "count.win_threshold", 40, 80));
  assert_true (holds (p, "count.win_threshold", 41, 80));
  g_autoptr (ElectRules) vc = load_ok ("village-committee");
  assert_int_equal (elect_rules_p_int (vc, ELECT_P_COUNT_WIN_BASE), ELECT_WIN_BASE_RETURNED);
  assert_int_equal (least (vc, "count.win_threshold", 1001), 501);
  assert_int_equal (least (vc, "count.win_threshold", 1000), 501);
}

/* tie at the last seats: revote (ZJ 28, PER 29); continue voting for the
 * supervision committee (SD 31). */
static void
test_tie_zj28_revote_sd31_continue (void **state)
{
  static const Expect e[] = {
    { "village-committee", "count.tie", "revote", "浙江省村民委员会选举办法 第二十八条", NULL },
    { "zhejiang-village-committee", "count.tie", "revote", "浙江省村民委员会选举办法 第二十八条", "village-committee" },
    { "party-committee", "count.tie", "revote", "票数相等", "village-committee" },
    { "supervision-committee", "count.tie", "continue-voting", "山东省实施《村民委员会组织法》办法 第三十一条", "supervision-committee" },
  };
  CHECK (e);
}

/* supplementary round: plurality with 3*votes >= cast (VCL 15, ZJ 29, SH 21,
 * BJ 30); HA 38: first a majority, then plurality, turnout > 1/2 again;
 * Party: still a majority of those present (PER [approx] 30); within 30 days
 * (ZJ 29, SH 21) or 15 days (BJ 30). */
static void
test_supplementary_vcl15_ha38_per30_days_zj29_bj30 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "supplementary.rule", "plurality", "村民委员会组织法 第十五条第二款", NULL },
    { "village-committee", "supplementary.plurality_floor", ">=1/3", "村民委员会组织法 第十五条第二款", NULL },
    { "village-committee", "supplementary.quorum", "none", NULL, NULL },
    { "village-committee", "supplementary.candidates", "first-round-order", "第十五条第二款", NULL },
    { "zhejiang-village-committee", "supplementary.plurality_floor", ">=1/3", "浙江省村民委员会选举办法 第二十九条", NULL },
    { "zhejiang-village-committee", "supplementary.within_days", "30", "第二十九条", NULL },
    { "zhejiang-village-committee", "supplementary.candidates", "first-round-order-or-open-ballot", "第二十九条", NULL },
    { "shanghai-village-committee", "supplementary.within_days", "30", "上海市村民委员会选举办法 第二十一条", NULL },
    { "shanghai-village-committee", "supplementary.candidates", "first-round-order-with-surplus", "第二十一条", NULL },
    { "beijing-village-committee", "supplementary.within_days", "15", "北京市村民委员会选举办法 第三十条", NULL },
    { "beijing-village-committee", "supplementary.candidates", "first-round-order-with-surplus", "第三十条", NULL },
    { "henan-village-committee", "supplementary.rule", "majority-then-plurality", "第三十八条", NULL },
    { "henan-village-committee", "supplementary.quorum", ">1/2", "第三十八条", NULL },
    { "henan-village-committee", "supplementary.candidates", "first-round-order", "第三十八条", NULL },
    { "party-committee", "supplementary.rule", "majority", "另行选举", NULL },
    { "party-committee", "supplementary.plurality_floor", "none", NULL, NULL },
    { "party-committee", "supplementary.candidates", "those-not-passing", "未当选的候选人", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) vc = load_ok ("village-committee");
  assert_true (holds (vc, "supplementary.plurality_floor", 100, 300));   /* exactly a third */
  assert_false (holds (vc, "supplementary.plurality_floor", 99, 300));
  assert_true (holds (vc, "supplementary.plurality_floor", 101, 300));
  assert_int_equal (least (vc, "supplementary.plurality_floor", 10), 4);
  assert_int_equal (least (vc, "supplementary.plurality_floor", 9), 3);
  g_autoptr (ElectRules) ha = load_ok ("henan-village-committee");
  assert_false (holds (ha, "supplementary.quorum", 50, 100));
  assert_true (holds (ha, "supplementary.quorum", 51, 100));
  assert_int_equal (elect_rules_p_int (ha, ELECT_P_SUPPLEMENTARY_RULE), ELECT_SUPP_MAJORITY_THEN_PLURALITY);
}

/* vacancy: ZJ 30 (≥ 3 elected after the supplementary round); SH 21 (≥ 3
 * after the regular round, by the assembly's decision); BJ 30 (> 3 elected
 * AND the chair elected); Party by decision (PER [approx] 30); never (VCL). */
static void
test_vacancy_zj30_ge3_sh21_after_regular_bj30_gt3_chair (void **state)
{
  static const Expect e[] = {
    { "village-committee", "supplementary.vacancy", "never", "村民委员会组织法 第十五条第二款", NULL },
    { "zhejiang-village-committee", "supplementary.vacancy", "after-supplementary", "浙江省村民委员会选举办法 第三十条", NULL },
    { "zhejiang-village-committee", "supplementary.vacancy_min_elected", "3", "浙江省村民委员会选举办法 第三十条", NULL },
    { "zhejiang-village-committee", "supplementary.vacancy_requires_chair", "false", NULL, "village-committee" },
    { "shanghai-village-committee", "supplementary.vacancy", "after-regular", "上海市村民委员会选举办法 第二十一条", NULL },
    { "shanghai-village-committee", "supplementary.vacancy_min_elected", "3", "第二十一条", NULL },
    { "beijing-village-committee", "supplementary.vacancy", "after-supplementary", "北京市村民委员会选举办法 第三十条第三款", NULL },
    { "beijing-village-committee", "supplementary.vacancy_min_elected", "4", "超过三人", NULL },
    { "beijing-village-committee", "supplementary.vacancy_requires_chair", "true", "已选出村民委员会主任", NULL },
    { "party-committee", "supplementary.vacancy", "by-decision", "可减少名额", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) zj = load_ok ("zhejiang-village-committee");
  assert_int_equal (elect_rules_p_int (zj, ELECT_P_SUPPLEMENTARY_VACANCY), ELECT_VACANCY_AFTER_SUPPLEMENTARY);
  g_autoptr (ElectRules) sh = load_ok ("shanghai-village-committee");
  assert_int_equal (elect_rules_p_int (sh, ELECT_P_SUPPLEMENTARY_VACANCY), ELECT_VACANCY_AFTER_REGULAR);
}

/* women member: required (VCL 6, SH 2, BJ 3, HA 8); a separate post kept in
 * the supplementary round (ZJ 21, 29); not required (RCL 7, Party, VSC). */
static void
test_women_vcl6_zj21_separate_post (void **state)
{
  static const Expect e[] = {
    { "village-committee", "women.member", "required", "村民委员会组织法 第六条第二款", NULL },
    { "village-committee", "women.keep_post_in_supplementary", "false", NULL, NULL },
    { "zhejiang-village-committee", "women.member", "separate-post", "浙江省村民委员会选举办法 第二十一条", NULL },
    { "zhejiang-village-committee", "women.keep_post_in_supplementary", "true", "浙江省村民委员会选举办法 第二十九条", NULL },
    { "shanghai-village-committee", "women.member", "required", "上海市村民委员会选举办法 第二条", NULL },
    { "beijing-village-committee", "women.member", "required", "北京市村民委员会选举办法 第三条", NULL },
    { "henan-village-committee", "women.member", "required", "第八条", NULL },
    { "residents-committee", "women.member", "not-required", "城市居民委员会组织法 第七条", NULL },
    { "party-committee", "women.member", "not-required", "未规定妇女委员", NULL },
    { "supervision-committee", "women.member", "not-required", "第三十二条", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) zj = load_ok ("zhejiang-village-committee");
  assert_int_equal (elect_rules_p_int (zj, ELECT_P_WOMEN_MEMBER), ELECT_WOMEN_SEPARATE_POST);
}

/* relatives avoidance: ZJ 31 (spouse, parent–child, siblings; keep the
 * higher post, refill by votes); SH 2 (spouse and lineal relatives); HA 8
 * (spouse, parents, children, siblings; no refill); none in the VCL. */
static void
test_relatives_zj31_sh2_ha8 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "relatives.avoidance", "none", NULL, NULL },
    { "village-committee", "relatives.relations", "", NULL, NULL },
    { "zhejiang-village-committee", "relatives.avoidance", "keep-higher-post", "浙江省村民委员会选举办法 第三十一条", NULL },
    { "zhejiang-village-committee", "relatives.relations", "spouse,parent,child,sibling", "第三十一条", NULL },
    { "zhejiang-village-committee", "relatives.refill", "next-by-votes", "第三十一条", NULL },
    { "shanghai-village-committee", "relatives.avoidance", "keep-higher-post", "上海市村民委员会选举办法 第二条", NULL },
    { "shanghai-village-committee", "relatives.relations", "spouse,parent,child,grandparent,grandchild", "直系血亲", NULL },
    { "henan-village-committee", "relatives.relations", "spouse,parent,child,sibling", "第八条", NULL },
    { "henan-village-committee", "relatives.refill", "none", "未规定递补", NULL },
  };
  CHECK (e);
  g_autoptr (ElectRules) sh = load_ok ("shanghai-village-committee");
  guint64 bits = elect_rules_p_bits (sh, ELECT_P_RELATIVES_RELATIONS);
  assert_true (bits & ELECT_REL_SPOUSE);
  assert_true (bits & ELECT_REL_GRANDCHILD);
  assert_false (bits & ELECT_REL_SIBLING);   /* siblings are not lineal (SH 2) */
  g_autoptr (ElectRules) zj = load_ok ("zhejiang-village-committee");
  assert_int_equal (elect_rules_p_bits (zj, ELECT_P_RELATIVES_RELATIONS),
                    ELECT_REL_SPOUSE | ELECT_REL_PARENT | ELECT_REL_CHILD | ELECT_REL_SIBLING);
}

/* supervision committee exclusions: VC members and their near relatives
 * (VCL 32); + village clerk and bookkeeper (ZJi 30); + collective-economy
 * managers and finance staff (SHi 25). */
static void
test_supervision_exclusions_vcl32_zji30_shi25 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "supervision.excluded_roles", "vc-member", "村民委员会组织法 第三十二条", NULL },
    { "village-committee", "supervision.excluded_relations", "spouse,parent,child,sibling,grandparent,grandchild", "村民委员会组织法 第三十二条", NULL },
    { "zhejiang-village-committee", "supervision.excluded_roles", "vc-member,village-clerk,bookkeeper", "浙江省实施《村民委员会组织法》办法 第三十条", NULL },
    { "supervision-committee", "supervision.excluded_roles", "vc-member,village-clerk,bookkeeper", "第三十条", NULL },
    { "shanghai-village-committee", "supervision.excluded_roles", "vc-member,collective-economy-manager,finance-staff", "上海市实施《村民委员会组织法》办法 第二十五条", NULL },
    { "residents-committee", "supervision.excluded_roles", "", NULL, NULL },
    { "party-committee", "supervision.excluded_relations", "", NULL, NULL },
  };
  CHECK (e);
}

/* schedule: results announced on the spot (VCL 15), on the day or the next
 * (ZJ 32); handover within 10 days (VCL 20). */
static void
test_schedule_vcl15_zj32_vcl20 (void **state)
{
  static const Expect e[] = {
    { "village-committee", "schedule.results_days_after", "0", "村民委员会组织法 第十五条第三款", NULL },
    { "zhejiang-village-committee", "schedule.results_days_after", "1", "浙江省村民委员会选举办法 第三十二条", NULL },
    { "village-committee", "schedule.handover_days", "10", "村民委员会组织法 第二十条", NULL },
    { "party-committee", "schedule.handover_days", "none", NULL, NULL },
  };
  CHECK (e);
}

/* Every shipped profile loads, validates, and gives every parameter. */
static void
test_all_builtin_profiles_complete (void **state)
{
  const char *const *names = elect_rules_list_builtin ();
  assert_int_equal (g_strv_length ((char **) names), 9);
  for (const char *const *n = names; *n; n++)
    {
      g_autoptr (ElectRules) r = load_ok (*n);
      assert_string_equal (elect_rules_get_name (r), *n);
      assert_true (g_utf8_strlen (elect_rules_get_title (r), -1) > 0);
      for (const char *const *k = elect_rules_list_params (); *k; k++)
        {
          assert_non_null (elect_rules_get_origin (r, *k));
          g_autofree char *v = elect_rules_get_value_string (r, *k);
          assert_non_null (v);
          /* a parameter with a value and a citation-less origin is only
           * allowed in the national root, never in a province's overrides */
          if (strcmp (elect_rules_get_origin (r, *k), *n) == 0 && strcmp (*n, "village-committee") != 0 &&
              elect_rules_is_set (r, *k) && strcmp (v, "") != 0 &&
              *elect_rules_get_citation (r, *k) == '\0')
            fail_msg ("%s: %s = %s is set here without a citation", *n, *k, v);
        }
    }
}

/* ---- contradictions: one test per check of validate() ---------------------- */

/* RULES.md §3: "seats 3–7 but a minimum of 8" — the usual maximum outside the range. */
static void
test_contra_normal_max_outside_seats (void **state)
{
  data_fails (VC_CHILD "[seats]\nnormal_max=8\n", ELECT_ERROR_INVALID,
              "contra.ini", "[seats]", "normal_max", "range", NULL);
  data_fails (VC_CHILD "[seats]\nrange=5-9\nnormal_max=4\n", ELECT_ERROR_INVALID,
              "contra.ini", "[seats]", "normal_max", NULL);
  g_autoptr (ElectRules) ok = data_ok (VC_CHILD "[seats]\nnormal_max=7\n");   /* at the bound */
  assert_int_equal (elect_rules_p_int (ok, ELECT_P_SEATS_NORMAL_MAX), 7);
}

static void
test_contra_proxy_forbidden_but_principals (void **state)
{
  data_fails (VC_CHILD "[proxy]\nallowed=false\nmax_principals=3\n", ELECT_ERROR_INVALID,
              "contra.ini", "[proxy]", "max_principals", "allowed", NULL);
}

static void
test_contra_proxy_allowed_zero_principals (void **state)
{
  data_fails (VC_CHILD "[proxy]\nmax_principals=0\n", ELECT_ERROR_INVALID,
              "contra.ini", "[proxy]", "max_principals", "allowed", NULL);
}

static void
test_contra_proxy_allowed_no_relations (void **state)
{
  data_fails (VC_CHILD "[proxy]\nrelations=\n", ELECT_ERROR_INVALID,
              "contra.ini", "[proxy]", "relations", "allowed", NULL);
}

static void
test_contra_per_post_surplus_without_member_surplus (void **state)
{
  data_fails (VC_CHILD "[candidates]\nsurplus=per-post\n", ELECT_ERROR_INVALID,
              "contra.ini", "[candidates]", "surplus_member", "surplus", NULL);
}

static void
test_contra_fraction_surplus_without_fraction (void **state)
{
  data_fails (VC_CHILD "[candidates]\nsurplus=fraction\n", ELECT_ERROR_INVALID,
              "contra.ini", "[candidates]", "surplus_fraction", NULL);
}

static void
test_contra_plurality_without_floor (void **state)
{
  data_fails (VC_CHILD "[supplementary]\nplurality_floor=none\n", ELECT_ERROR_INVALID,
              "contra.ini", "[supplementary]", "plurality_floor", "rule", NULL);
  data_fails (VC_CHILD "[supplementary]\nrule=majority-then-plurality\nplurality_floor=none\n",
              ELECT_ERROR_INVALID, "contra.ini", "plurality_floor", NULL);
  g_autoptr (ElectRules) ok = data_ok (VC_CHILD "[supplementary]\nrule=majority\nplurality_floor=none\n");
  assert_false (elect_rules_is_set (ok, "supplementary.plurality_floor"));
}

static void
test_contra_vacancy_without_min_elected (void **state)
{
  data_fails (VC_CHILD "[supplementary]\nvacancy=after-regular\n", ELECT_ERROR_INVALID,
              "contra.ini", "[supplementary]", "vacancy_min_elected", "vacancy", NULL);
  data_fails (VC_CHILD "[supplementary]\nvacancy=after-supplementary\n", ELECT_ERROR_INVALID,
              "contra.ini", "vacancy_min_elected", NULL);
}

static void
test_contra_vacancy_min_elected_above_seats (void **state)
{
  data_fails (VC_CHILD "[supplementary]\nvacancy=after-regular\nvacancy_min_elected=8\n",
              ELECT_ERROR_INVALID, "contra.ini", "[supplementary]", "vacancy_min_elected",
              "[seats]", "range", NULL);
  g_autoptr (ElectRules) ok = data_ok (VC_CHILD "[supplementary]\nvacancy=after-regular\nvacancy_min_elected=7\n");
  assert_int_equal (elect_rules_p_int (ok, ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED), 7);
}

static void
test_contra_vacancy_never_requires_chair (void **state)
{
  data_fails (VC_CHILD "[supplementary]\nvacancy_requires_chair=true\n", ELECT_ERROR_INVALID,
              "contra.ini", "[supplementary]", "vacancy_requires_chair", "vacancy", NULL);
}

static void
test_contra_avoidance_without_relations (void **state)
{
  data_fails (VC_CHILD "[relatives]\navoidance=keep-higher-post\n", ELECT_ERROR_INVALID,
              "contra.ini", "[relatives]", "relations", "avoidance", NULL);
}

static void
test_contra_refill_without_avoidance (void **state)
{
  data_fails (VC_CHILD "[relatives]\nrefill=next-by-votes\n", ELECT_ERROR_INVALID,
              "contra.ini", "[relatives]", "refill", "avoidance", NULL);
}

static void
test_contra_women_post_kept_but_not_separate (void **state)
{
  data_fails (VC_CHILD "[women]\nkeep_post_in_supplementary=true\n", ELECT_ERROR_INVALID,
              "contra.ini", "[women]", "keep_post_in_supplementary", "member", NULL);
}

static void
test_contra_win_threshold_at_least_zero (void **state)
{
  data_fails (VC_CHILD "[count]\nwin_threshold=>=0/2\n", ELECT_ERROR_INVALID,
              "contra.ini", "[count]", "win_threshold", NULL);
  g_autoptr (ElectRules) ok = data_ok (VC_CHILD "[count]\nwin_threshold=>0/1\n");
  assert_true (holds (ok, "count.win_threshold", 1, 100));
  assert_false (holds (ok, "count.win_threshold", 0, 100));
}

static void
test_contra_proxy_list_before_filing (void **state)
{
  data_fails (VC_CHILD "[proxy]\nfiled_days_before=3\nlist_days_before=5\n", ELECT_ERROR_INVALID,
              "contra.ini", "[proxy]", "list_days_before", "filed_days_before", NULL);
  g_autoptr (ElectRules) ok = data_ok (VC_CHILD "[proxy]\nfiled_days_before=5\nlist_days_before=5\n");
  assert_int_equal (elect_rules_p_int (ok, ELECT_P_PROXY_LIST_DAYS_BEFORE), 5);
}

static void
test_contra_objections_after_election_day (void **state)
{
  data_fails (VC_CHILD "[roll]\nobjection_days=21\n", ELECT_ERROR_INVALID,
              "contra.ini", "[roll]", "objection_days", "publish_days_before", NULL);
}

static void
test_contra_parameter_defined_nowhere (void **state)
{
  data_fails ("[profile]\nname=orphan\n[general]\nkind=village-committee\n", ELECT_ERROR_INVALID,
              "contra.ini", "[general]", "term_years", "orphan", NULL);
}

/* ---- value parsing: each type's errors name the file, group and key -------- */

static void
test_parse_bad_values (void **state)
{
  static const struct { const char *text; const char *group; const char *key; } bad[] = {
    { "[electorate]\nmin_age=eighteen\n", "[electorate]", "min_age" },
    { "[electorate]\nmin_age=-1\n", "[electorate]", "min_age" },
    { "[electorate]\nmin_age=151\n", "[electorate]", "min_age" },
    { "[electorate]\nmin_age=99999999999999999999\n", "[electorate]", "min_age" },
    { "[general]\nterm_years=+5\n", "[general]", "term_years" },
    { "[proxy]\nallowed=maybe\n", "[proxy]", "allowed" },
    { "[seats]\nrange=7-3\n", "[seats]", "range" },
    { "[seats]\nrange=3-\n", "[seats]", "range" },
    { "[seats]\nrange=3-5-7\n", "[seats]", "range" },
    { "[seats]\nrange=0-7\n", "[seats]", "range" },
    { "[count]\nquorum=1/2\n", "[count]", "quorum" },
    { "[count]\nquorum=>3/2\n", "[count]", "quorum" },
    { "[count]\nquorum=>1/0\n", "[count]", "quorum" },
    { "[count]\nquorum=>1/2/3\n", "[count]", "quorum" },
    { "[count]\nquorum=>1/1001\n", "[count]", "quorum" },
    { "[count]\nquorum=<1/2\n", "[count]", "quorum" },
    { "[count]\nquorum=none\n", "[count]", "quorum" },        /* required */
    { "[count]\ntie=coin-toss\n", "[count]", "tie" },
    { "[proxy]\nrelations=spouse,cousin\n", "[proxy]", "relations" },
    { "[proxy]\nrelations=spouse,,child\n", "[proxy]", "relations" },
    { "[general]\nkind=city-council\n", "[general]", "kind" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strconcat (VC_CHILD, bad[i].text, NULL);
      data_fails (text, ELECT_ERROR_INVALID, "contra.ini", bad[i].group, bad[i].key, NULL);
    }
}

/* A strict fraction of the whole (">2/2", more than all of it) can never hold:
 * found by fuzz-profile (least count above the whole, beyond the limit). */
static void
test_parse_strict_whole_fraction_rejected (void **state)
{
  data_fails (VC_CHILD "[count]\nquorum=>2/2\n", ELECT_ERROR_INVALID,
              "contra.ini", "[count]", "quorum", ">2/2", NULL);
  data_fails (VC_CHILD "[count]\nwin_threshold=>1/1\n", ELECT_ERROR_INVALID,
              "contra.ini", "win_threshold", NULL);
  g_autoptr (ElectRules) all = data_ok (VC_CHILD "[count]\nquorum=>=1/1\n");   /* all of them */
  assert_true (holds (all, "count.quorum", 100, 100));
  assert_false (holds (all, "count.quorum", 99, 100));
  assert_int_equal (least (all, "count.quorum", elect_count_max ()), elect_count_max ());
}

/* Accepted spellings: spaces around values, yes/no, a single-number range,
 * ">= N/D" with spaces, policies named "none" where "none" is a policy. */
static void
test_parse_accepted_spellings (void **state)
{
  g_autoptr (ElectRules) r = data_ok (VC_CHILD
    "[seats]\nrange= 5 \n[proxy]\non_election_day=no\n"
    "[supplementary]\nplurality_floor=>= 1 / 4\n"
    "[relatives]\navoidance=none\nrefill=none\n"
    "[electorate]\nextra_categories= talent , spouse-residence \n");
  gint64 lo, hi;
  assert_true (elect_rules_get_range (r, "seats.range", &lo, &hi, NULL));
  assert_int_equal (lo, 5);
  assert_int_equal (hi, 5);
  g_autofree char *rs = elect_rules_get_value_string (r, "seats.range");
  assert_string_equal (rs, "5");
  gboolean b = TRUE;
  assert_true (elect_rules_get_bool (r, "proxy.on_election_day", &b, NULL));
  assert_false (b);
  g_autofree char *f = elect_rules_get_value_string (r, "supplementary.plurality_floor");
  assert_string_equal (f, ">=1/4");
  assert_string_equal (elect_rules_get_policy (r, "relatives.avoidance", NULL), "none");
  assert_true (elect_rules_is_set (r, "relatives.avoidance"));
  g_autofree char *set = elect_rules_get_value_string (r, "electorate.extra_categories");
  assert_string_equal (set, "spouse-residence,talent");   /* in the order of the choices */
}

/* ---- structure errors ---------------------------------------------------------- */

static void
test_unknown_group_and_key (void **state)
{
  data_fails (VC_CHILD "[counting]\nquorum=>1/2\n", ELECT_ERROR_UNKNOWN_KEY, "contra.ini", "[counting]", NULL);
  data_fails (VC_CHILD "[count]\nquorom=>1/2\n", ELECT_ERROR_UNKNOWN_KEY, "contra.ini", "[count]", "quorom", NULL);
  data_fails (VC_CHILD "[count]\nquorom.citation=x\n", ELECT_ERROR_UNKNOWN_KEY, "contra.ini", "quorom.citation", NULL);
  data_fails (VC_CHILD "[seats]\nquorum=>1/2\n", ELECT_ERROR_UNKNOWN_KEY, "contra.ini", "[seats]", "quorum", NULL);
  data_fails ("[profile]\nname=x\nextend=village-committee\n", ELECT_ERROR_UNKNOWN_KEY,
              "contra.ini", "[profile]", "extend", NULL);
}

static void
test_structure_errors (void **state)
{
  data_fails ("[count]\nquorum=>1/2\n", ELECT_ERROR_INVALID, "contra.ini", "[profile]", NULL);
  data_fails ("this is not a key file\n", ELECT_ERROR_PARSE, "contra.ini", NULL);
  data_fails ("[profile]\nname=\xff\xfe\n", ELECT_ERROR_PARSE, "contra.ini", "UTF-8", NULL);
}

static void
test_nul_byte_is_parse_error (void **state)
{
  static const char text[] = "[profile]\nname=x\0hidden\nextends=village-committee\n";
  g_autoptr (GError) error = NULL;
  assert_null (elect_rules_load_from_data (text, sizeof text - 1, "nul.ini", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_PARSE));
  assert_non_null (strstr (error->message, "nul.ini"));
}

/* extends names a profile; a missing one is NOT_FOUND naming the key. */
static void
test_extends_unknown_and_path (void **state)
{
  data_fails ("[profile]\nname=x\nextends=atlantis-village-committee\n", ELECT_ERROR_NOT_FOUND,
              "contra.ini", "[profile]", "extends", "atlantis-village-committee", NULL);
  data_fails ("[profile]\nname=x\nextends=../../etc/passwd\n", ELECT_ERROR_INVALID,
              "contra.ini", "[profile]", "extends", NULL);
  data_fails ("[profile]\nname=x\nextends=village-committee.ini\n", ELECT_ERROR_INVALID,
              "contra.ini", "extends", NULL);
}

/* Two key files that extend each other; and a chain deeper than 16. */
static void
test_extends_cycle_and_depth (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("elect-rules-XXXXXX", NULL);
  assert_non_null (dir);
  g_autofree char *a = g_build_filename (dir, "a.ini", NULL);
  g_autofree char *b = g_build_filename (dir, "b.ini", NULL);
  assert_true (g_file_set_contents (a, "[profile]\nname=a\nextends=b\n", -1, NULL));
  assert_true (g_file_set_contents (b, "[profile]\nname=b\nextends=a\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  assert_null (elect_rules_load (a, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  assert_non_null (strstr (error->message, "extends"));
  assert_non_null (strstr (error->message, "cycle"));
  g_clear_error (&error);

  /* self */
  g_autofree char *s = g_build_filename (dir, "self.ini", NULL);
  assert_true (g_file_set_contents (s, "[profile]\nname=self\nextends=self\n", -1, NULL));
  assert_null (elect_rules_load (s, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);

  /* d0 extends d1 … d19 extends village-committee: deeper than 16 levels */
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *p = g_strdup_printf ("%s/d%d.ini", dir, i);
      g_autofree char *t = i < 19 ? g_strdup_printf ("[profile]\nname=d%d\nextends=d%d\n", i, i + 1)
                                  : g_strdup ("[profile]\nname=d19\nextends=village-committee\n");
      assert_true (g_file_set_contents (p, t, -1, NULL));
    }
  g_autofree char *d0 = g_build_filename (dir, "d0.ini", NULL);
  assert_null (elect_rules_load (d0, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  g_autofree char *d10 = g_build_filename (dir, "d10.ini", NULL);   /* 11 levels: fine */
  g_autoptr (ElectRules) ok = elect_rules_load (d10, &error);
  assert_null (error);
  assert_string_equal (elect_rules_get_parent (ok), "d11");
  assert_string_equal (elect_rules_get_origin (ok, "count.quorum"), "village-committee");

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *p = g_strdup_printf ("%s/d%d.ini", dir, i);
      g_unlink (p);
    }
  g_unlink (a);
  g_unlink (b);
  g_unlink (s);
  g_rmdir (dir);
}

static void
test_missing_file_and_directory (void **state)
{
  g_autoptr (GError) error = NULL;
  assert_null (elect_rules_load ("/nonexistent/dir/x.ini", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "/nonexistent/dir/x.ini"));
  g_clear_error (&error);
  assert_null (elect_rules_load ("no-such-profile", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "no-such-profile"));
  assert_non_null (strstr (error->message, "village-committee"));   /* lists the built-ins */
  g_clear_error (&error);
  g_autofree char *dir = g_dir_make_tmp ("elect-rules-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "dir.ini", NULL);
  assert_int_equal (g_mkdir (sub, 0700), 0);
  assert_null (elect_rules_load (sub, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_IO));
  g_rmdir (sub);
  g_rmdir (dir);
}

/* A citation-only override keeps the parent's value and origin; a value
 * override without a citation drops the parent's citation (a new value needs
 * its own). */
static void
test_citation_inheritance (void **state)
{
  g_autoptr (ElectRules) r = data_ok (VC_CHILD
    "[count]\nquorum.citation=某省办法 第一条\ntie=continue-voting\n");
  assert_string_equal (elect_rules_get_citation (r, "count.quorum"), "某省办法 第一条");
  assert_string_equal (elect_rules_get_origin (r, "count.quorum"), "village-committee");
  assert_string_equal (elect_rules_get_citation (r, "count.tie"), "");
  assert_string_equal (elect_rules_get_origin (r, "count.tie"), "test.ini");
  /* the citation may precede its value in the file */
  g_autoptr (ElectRules) r2 = data_ok (VC_CHILD "[count]\ntie.citation=某省 第二条\ntie=continue-voting\n");
  assert_string_equal (elect_rules_get_citation (r2, "count.tie"), "某省 第二条");
  assert_string_equal (elect_rules_p_citation (r2, ELECT_P_COUNT_TIE), "某省 第二条");
}

/* ---- the cache of built-in profiles -------------------------------------------- */

/* What a profile says, in full: the dump in both languages and the JSON. */
static char *
rules_text (const ElectRules *r)
{
  g_autofree char *zh = elect_rules_dump (r, "zh");
  g_autofree char *en = elect_rules_dump (r, "en");
  g_autofree char *js = elect_rules_to_json (r);
  return g_strconcat (zh, "\n--\n", en, "\n--\n", js, NULL);
}

/* A built-in profile loaded twice (cold, then from the cache) is the same
 * profile; a key file given by path is read anew (it may change); a file
 * of ELECT_PROFILE_PATH shadows a cached built-in and its children, and
 * the built-in comes back when it is gone. */
static void
test_builtin_cache_same_results (void **state)
{
  (void) state;
  g_setenv ("ELECT_PROFILE_PATH", "", TRUE);
  elect_rules_builtin_cache_clear ();
  for (const char *const *n = elect_rules_list_builtin (); *n; n++)
    {
      ElectRules *a = load_ok (*n);
      ElectRules *b = load_ok (*n);
      g_autofree char *ta = rules_text (a);
      g_autofree char *tb = rules_text (b);
      assert_string_equal (ta, tb);
      assert_string_equal (elect_rules_get_name (b), *n);
      elect_rules_unref (a);
      /* b outlives a: the cache keeps its own reference */
      g_autofree char *tb2 = rules_text (b);
      assert_string_equal (tb, tb2);
      elect_rules_unref (b);
    }
  /* errors are unchanged */
  g_autoptr (GError) error = NULL;
  for (int k = 0; k < 2; k++)
    {
      assert_null (elect_rules_load ("no-such-profile", &error));
      assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
      assert_non_null (strstr (error->message, "village-committee"));
      g_clear_error (&error);
    }

  g_autofree char *dir = g_dir_make_tmp ("elect-rules-XXXXXX", NULL);
  assert_non_null (dir);
  g_autofree char *f = g_build_filename (dir, "mine.ini", NULL);
  assert_true (g_file_set_contents (f, "[profile]\nname=mine\nextends=village-committee\n"
                                       "[proxy]\nmax_principals=2\n", -1, NULL));
  gint64 n = 0;
  {
    g_autoptr (ElectRules) r = load_ok (f);
    assert_true (elect_rules_get_int (r, "proxy.max_principals", &n, NULL));
    assert_int_equal (n, 2);
  }
  assert_true (g_file_set_contents (f, "[profile]\nname=mine\nextends=village-committee\n"
                                       "[proxy]\nmax_principals=1\n", -1, NULL));
  {
    g_autoptr (ElectRules) r = load_ok (f);
    assert_true (elect_rules_get_int (r, "proxy.max_principals", &n, NULL));
    assert_int_equal (n, 1);
  }

  /* a parent of a cached built-in shadowed on the path */
  g_autoptr (ElectRules) zj0 = load_ok ("zhejiang-village-committee");
  g_autofree char *zj0_text = rules_text (zj0);
  g_autofree char *vc = g_build_filename (dir, "village-committee.ini", NULL);
  const char *vc_builtin = NULL;
  for (unsigned i = 0; i < elect_n_builtin_profiles; i++)
    if (strcmp (elect_builtin_profiles[i].name, "village-committee") == 0)
      vc_builtin = elect_builtin_profiles[i].text;
  assert_non_null (vc_builtin);
  g_autofree char *vc_text = g_strconcat (vc_builtin,
                                          "\n[count]\ntie=continue-voting\n", NULL);
  assert_true (g_file_set_contents (vc, vc_text, -1, NULL));
  g_setenv ("ELECT_PROFILE_PATH", dir, TRUE);
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (ElectRules) r = load_ok ("zhejiang-village-committee");
      g_autofree char *tie = elect_rules_get_value_string (r, "count.tie");
      assert_string_equal (tie, "continue-voting");
      assert_string_equal (elect_rules_get_origin (r, "count.tie"), vc);
      g_autoptr (ElectRules) v = load_ok ("village-committee");
      assert_string_equal (elect_rules_get_origin (v, "count.tie"), vc);
      g_autoptr (ElectRules) p = load_ok ("party-committee");   /* also a child */
      assert_string_equal (elect_rules_get_origin (p, "count.tie"), vc);
    }
  g_unlink (vc);
  {
    g_autoptr (ElectRules) r = load_ok ("zhejiang-village-committee");
    g_autofree char *t = rules_text (r);
    assert_string_equal (t, zj0_text);
  }
  g_setenv ("ELECT_PROFILE_PATH", "", TRUE);
  g_unlink (f);
  g_rmdir (dir);
}

typedef struct {
  char **want;      /* per built-in: rules_text() of a first load */
  gint failures;
} CacheRace;

static gpointer
cache_race_worker (gpointer data)
{
  CacheRace *cr = data;
  const char *const *names = elect_rules_list_builtin ();
  for (int it = 0; it < 500; it++)
    for (int i = 0; names[i]; i++)
      {
        GError *error = NULL;
        ElectRules *r = elect_rules_load (names[i], &error);
        if (r == NULL)
          {
            g_atomic_int_inc (&cr->failures);
            g_clear_error (&error);
            continue;
          }
        /* every load is compared in the first and last rounds, a sample in between */
        if (it == 0 || it == 499 || it % 37 == i % 37)
          {
            g_autofree char *t = rules_text (r);
            if (strcmp (t, cr->want[i]) != 0)
              g_atomic_int_inc (&cr->failures);
          }
        elect_rules_unref (r);
      }
  return NULL;
}

/* Four threads loading all the built-in profiles 500 times each, from an
 * empty cache: all succeed, and all give the same profiles. */
static void
test_builtin_cache_threads (void **state)
{
  (void) state;
  g_setenv ("ELECT_PROFILE_PATH", "", TRUE);
  const char *const *names = elect_rules_list_builtin ();
  guint nb = g_strv_length ((char **) names);
  assert_true (nb >= 8);
  CacheRace cr = { g_new0 (char *, nb + 1), 0 };
  for (guint i = 0; i < nb; i++)
    {
      /* the reference is a load from an empty cache: a full parse */
      elect_rules_builtin_cache_clear ();
      g_autoptr (ElectRules) r = load_ok (names[i]);
      cr.want[i] = rules_text (r);
    }
  for (int round = 0; round < 2; round++)
    {
      elect_rules_builtin_cache_clear ();   /* the threads race to fill it */
      GThread *t[4];
      for (int k = 0; k < 4; k++)
        t[k] = g_thread_new ("rules", cache_race_worker, &cr);
      for (int k = 0; k < 4; k++)
        g_thread_join (t[k]);
      assert_int_equal (g_atomic_int_get (&cr.failures), 0);
    }
  g_strfreev (cr.want);
}

/* The internal fraction helpers: exact at the limits (no overflow at 2^40
 * with a denominator of 1000). */
static void
test_fraction_helpers_exact_at_limits (void **state)
{
  ElectFraction half = { 1, 2, TRUE }, third = { 1, 3, FALSE }, f999 = { 999, 1000, TRUE };
  assert_int_equal (elect_fraction_least (half, 0), 1);
  assert_int_equal (elect_fraction_least (third, 0), 0);
  assert_int_equal (elect_fraction_least (half, ELECT_COUNT_MAX), ELECT_COUNT_MAX / 2 + 1);
  assert_true (elect_fraction_holds (half, ELECT_COUNT_MAX / 2 + 1, ELECT_COUNT_MAX));
  assert_false (elect_fraction_holds (half, ELECT_COUNT_MAX / 2, ELECT_COUNT_MAX));
  gint64 l = elect_fraction_least (f999, ELECT_COUNT_MAX);
  assert_true (elect_fraction_holds (f999, l, ELECT_COUNT_MAX));
  assert_false (elect_fraction_holds (f999, l - 1, ELECT_COUNT_MAX));
  assert_true (l <= ELECT_COUNT_MAX);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_seats_vcl6_zj2_sh2_bj3_ha8_rcl7_per_zji30),
    cmocka_unit_test (test_term_vcl11_rcl8_five_years),
    cmocka_unit_test (test_kind_and_electorate_vcl13_rcl8_per5),
    cmocka_unit_test (test_min_age_vcl13_rcl_18_party_none),
    cmocka_unit_test (test_residence_vcl13_zj13_sh9_bj13_ha20),
    cmocka_unit_test (test_roll_deadlines_vcl14_bj15_ha21),
    cmocka_unit_test (test_surplus_vcl15_sh12_bj16_ha24_bjr13_per13),
    cmocka_unit_test (test_candidate_list_zj18_sh12_bj20_ha26),
    cmocka_unit_test (test_proxy_vcl15_zj25_sh16_bj25_ha30_per24),
    cmocka_unit_test (test_quorum_vcl15_half_per26_four_fifths),
    cmocka_unit_test (test_void_bound_zj27_ha35_issued_per27_present),
    cmocka_unit_test (test_overvote_void_ballot_zj27_sh19_bj28_ha35_per27),
    cmocka_unit_test (test_two_posts_zj27_void_ballot_ha25_cascade),
    cmocka_unit_test (test_win_base_bj28_returned_per29_present),
    cmocka_unit_test (test_tie_zj28_revote_sd31_continue),
    cmocka_unit_test (test_supplementary_vcl15_ha38_per30_days_zj29_bj30),
    cmocka_unit_test (test_vacancy_zj30_ge3_sh21_after_regular_bj30_gt3_chair),
    cmocka_unit_test (test_women_vcl6_zj21_separate_post),
    cmocka_unit_test (test_relatives_zj31_sh2_ha8),
    cmocka_unit_test (test_supervision_exclusions_vcl32_zji30_shi25),
    cmocka_unit_test (test_schedule_vcl15_zj32_vcl20),
    cmocka_unit_test (test_all_builtin_profiles_complete),
    cmocka_unit_test (test_contra_normal_max_outside_seats),
    cmocka_unit_test (test_contra_proxy_forbidden_but_principals),
    cmocka_unit_test (test_contra_proxy_allowed_zero_principals),
    cmocka_unit_test (test_contra_proxy_allowed_no_relations),
    cmocka_unit_test (test_contra_per_post_surplus_without_member_surplus),
    cmocka_unit_test (test_contra_fraction_surplus_without_fraction),
    cmocka_unit_test (test_contra_plurality_without_floor),
    cmocka_unit_test (test_contra_vacancy_without_min_elected),
    cmocka_unit_test (test_contra_vacancy_min_elected_above_seats),
    cmocka_unit_test (test_contra_vacancy_never_requires_chair),
    cmocka_unit_test (test_contra_avoidance_without_relations),
    cmocka_unit_test (test_contra_refill_without_avoidance),
    cmocka_unit_test (test_contra_women_post_kept_but_not_separate),
    cmocka_unit_test (test_contra_win_threshold_at_least_zero),
    cmocka_unit_test (test_contra_proxy_list_before_filing),
    cmocka_unit_test (test_contra_objections_after_election_day),
    cmocka_unit_test (test_contra_parameter_defined_nowhere),
    cmocka_unit_test (test_parse_bad_values),
    cmocka_unit_test (test_parse_strict_whole_fraction_rejected),
    cmocka_unit_test (test_parse_accepted_spellings),
    cmocka_unit_test (test_unknown_group_and_key),
    cmocka_unit_test (test_structure_errors),
    cmocka_unit_test (test_nul_byte_is_parse_error),
    cmocka_unit_test (test_extends_unknown_and_path),
    cmocka_unit_test (test_extends_cycle_and_depth),
    cmocka_unit_test (test_missing_file_and_directory),
    cmocka_unit_test (test_citation_inheritance),
    cmocka_unit_test (test_fraction_helpers_exact_at_limits),
    cmocka_unit_test (test_builtin_cache_same_results),
    cmocka_unit_test (test_builtin_cache_threads),
  };
  return cmocka_run_group_tests_name ("rules", tests, NULL, NULL);
}
