/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Committee composition (RULES.md §8): every rule at both sides of its
 * boundary, under the profiles that differ. Each test names its source. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rules-private.h"

#define V ELECT_COMMITTEE_BODY_VILLAGE
#define P ELECT_COMMITTEE_BODY_PARTY
#define S ELECT_COMMITTEE_BODY_SUPERVISION
#define NONE ELECT_COMMITTEE_POST_NONE
#define CHAIR ELECT_COMMITTEE_POST_CHAIR
#define VICE ELECT_COMMITTEE_POST_VICE
#define MEMBER ELECT_COMMITTEE_POST_MEMBER
#define WOMEN ELECT_COMMITTEE_POST_WOMEN_MEMBER

static ElectRules *
load (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (!r)
    fail_msg ("%s", error->message);
  return r;
}

/* Adds a person with posts on the three committees. */
static guint
add (ElectCommittee *c, const char *name, ElectSex sex, ElectCommitteePost vc,
     ElectCommitteePost party, ElectCommitteePost vsc)
{
  int i = elect_committee_add_person (c, name);
  assert_true (i >= 0);
  elect_committee_set_sex (c, (guint) i, sex);
  assert_true (elect_committee_set_post (c, (guint) i, V, vc));
  assert_true (elect_committee_set_post (c, (guint) i, P, party));
  assert_true (elect_committee_set_post (c, (guint) i, S, vsc));
  return (guint) i;
}

/* A VC of @n members (the first a woman, unless @women is FALSE). */
static void
add_vc (ElectCommittee *c, guint n, gboolean women)
{
  static const char *const names[] = { "甲一", "乙二", "丙三", "丁四", "戊五", "己六", "庚七",
                                       "辛八", "壬九", "癸十" };
  for (guint i = 0; i < n; i++)
    add (c, names[i], i == 0 && women ? ELECT_SEX_FEMALE : ELECT_SEX_MALE,
         i == 0 ? CHAIR : MEMBER, NONE, NONE);
}

static ElectComposition *
check (const ElectCommittee *c, const ElectRules *vc, const ElectRules *party,
       const ElectRules *vsc, const char *day)
{
  GDate d;
  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  assert_true (g_date_valid (&d));
  g_autoptr (GError) error = NULL;
  ElectComposition *res = elect_committee_check (c, vc, party, vsc, &d, &error);
  if (!res)
    fail_msg ("%s", error->message);
  return res;
}

/* The first finding with @code, or NULL; its kind in *kind. */
static ElectReason *
find (const ElectComposition *res, const char *code, ElectCompositionFinding *kind)
{
  for (guint i = 0; i < elect_composition_get_n_findings (res); i++)
    {
      ElectCompositionFinding k;
      ElectReason *r = elect_composition_get_finding (res, i, &k);
      if (strcmp (elect_reason_get_code (r), code) == 0)
        {
          if (kind)
            *kind = k;
          /* Every finding is written in both languages. */
          assert_true (elect_reason_get_message (r, "en")[0] != '\0');
          assert_true (elect_reason_get_message (r, "zh")[0] != '\0');
          return r;
        }
    }
  return NULL;
}

static guint
count (const ElectComposition *res, const char *code)
{
  guint n = 0;
  for (guint i = 0; i < elect_composition_get_n_findings (res); i++)
    if (strcmp (elect_reason_get_code (elect_composition_get_finding (res, i, NULL)), code) == 0)
      n++;
  return n;
}

static void
assert_cites (const ElectReason *r, const char *needle)
{
  assert_non_null (r);
  if (!strstr (elect_reason_get_citation (r), needle))
    fail_msg ("citation “%s” lacks “%s”", elect_reason_get_citation (r), needle);
}

/* VCL 6 (三至七人), ZJi 30 (VSC 三至五人), SHi 25 (VSC 三至七人 — the national
 * VSC profile follows ZJi 30): size at min−1, min, max, max+1. */
static void
test_vcl6_size_boundaries (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  const struct { guint n; const char *code; } cases[] = {
    { 2, "committee-too-small" }, { 3, "committee-size-ok" },
    { 7, "committee-size-ok" }, { 8, "committee-too-large" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      add_vc (c, cases[i].n, TRUE);
      g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
      ElectCompositionFinding kind;
      ElectReason *r = find (res, cases[i].code, &kind);
      assert_cites (r, "村民委员会组织法 第六条");
      assert_string_equal (elect_reason_get_param (r), "seats.range");
      assert_int_equal (kind, strcmp (cases[i].code, "committee-size-ok") == 0
                                ? ELECT_COMPOSITION_FINDING_SATISFIED
                                : ELECT_COMPOSITION_FINDING_VIOLATION);
      assert_int_equal (elect_composition_is_valid (res), kind == ELECT_COMPOSITION_FINDING_SATISFIED);
      assert_int_equal (elect_composition_get_size (res, V), cases[i].n);
      assert_int_equal (elect_composition_get_size (res, S), -1);
    }
  /* The supervision committee: 3–5 (ZJi 30). */
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  const struct { guint n; const char *code; } vcases[] = {
    { 2, "committee-too-small" }, { 3, "committee-size-ok" },
    { 5, "committee-size-ok" }, { 6, "committee-too-large" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (vcases); i++)
    {
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      for (guint k = 0; k < vcases[i].n; k++)
        {
          g_autofree char *name = g_strdup_printf ("监督%u", k);
          add (c, name, ELECT_SEX_MALE, NONE, NONE, k == 0 ? CHAIR : MEMBER);
        }
      g_autoptr (ElectComposition) res = check (c, NULL, NULL, vsc, "2026-11-30");
      assert_cites (find (res, vcases[i].code, NULL), "第三十条");
    }
  /* Shanghai's: 3–7 (SHi 25). */
  g_autoptr (ElectRules) sh = load ("shanghai-supervision-committee");
  const struct { guint n; const char *code; } scases[] = {
    { 2, "committee-too-small" }, { 3, "committee-size-ok" },
    { 7, "committee-size-ok" }, { 8, "committee-too-large" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (scases); i++)
    {
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      for (guint k = 0; k < scases[i].n; k++)
        {
          g_autofree char *name = g_strdup_printf ("监督%u", k);
          add (c, name, ELECT_SEX_MALE, NONE, NONE, k == 0 ? CHAIR : MEMBER);
        }
      g_autoptr (ElectComposition) res = check (c, NULL, NULL, sh, "2026-11-30");
      assert_cites (find (res, scases[i].code, NULL), "上海市实施《村民委员会组织法》办法 第二十五条");
    }
}

/* VCL 6 ¶2 (应当有妇女成员): no woman fails, one woman passes; a VSC profile
 * that does not require one reports nothing; ZJ 21's 妇女委员 post held by a
 * man fails. */
static void
test_vcl6_women_member (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  {
    g_autoptr (ElectCommittee) c = elect_committee_new ();
    add_vc (c, 3, FALSE);
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    ElectCompositionFinding kind;
    assert_cites (find (res, "women-member-missing", &kind), "村民委员会组织法 第六条第二款");
    assert_int_equal (kind, ELECT_COMPOSITION_FINDING_VIOLATION);
    assert_false (elect_composition_is_valid (res));
    assert_null (find (res, "women-member-present", NULL));
  }
  {
    g_autoptr (ElectCommittee) c = elect_committee_new ();
    add_vc (c, 3, TRUE);
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    ElectCompositionFinding kind;
    assert_non_null (find (res, "women-member-present", &kind));
    assert_int_equal (kind, ELECT_COMPOSITION_FINDING_SATISFIED);
    assert_null (find (res, "women-member-missing", NULL));
    assert_true (elect_composition_is_valid (res));
  }
  {
    /* An unknown sex is not a woman. */
    g_autoptr (ElectCommittee) c = elect_committee_new ();
    add_vc (c, 3, FALSE);
    elect_committee_set_sex (c, 0, ELECT_SEX_UNKNOWN);
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    assert_non_null (find (res, "women-member-missing", NULL));
  }
  {
    g_autoptr (ElectRules) zj = load ("zhejiang-village-committee");
    g_autoptr (ElectCommittee) c = elect_committee_new ();
    add_vc (c, 3, TRUE);
    add (c, "男委员", ELECT_SEX_MALE, WOMEN, NONE, NONE);
    g_autoptr (ElectComposition) res = check (c, zj, NULL, NULL, "2026-11-30");
    assert_cites (find (res, "women-post-not-woman", NULL), "浙江省村民委员会选举办法 第二十一条");
    assert_non_null (find (res, "women-member-present", NULL));
  }
  {
    g_autoptr (ElectRules) vsc = load ("supervision-committee");
    g_autoptr (ElectCommittee) c = elect_committee_new ();
    for (guint k = 0; k < 3; k++)
      {
        g_autofree char *name = g_strdup_printf ("监督%u", k);
        add (c, name, ELECT_SEX_MALE, NONE, NONE, MEMBER);
      }
    g_autoptr (ElectComposition) res = check (c, NULL, NULL, vsc, "2026-11-30");
    assert_null (find (res, "women-member-missing", NULL));
    assert_true (elect_composition_is_valid (res));
  }
}

/* VCL 6 ¶2 (多民族村民居住的村应当有人数较少的民族的成员); RCL 7 for a
 * residents' committee; off when no group is configured. */
static void
test_vcl6_minority_member (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  {
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    assert_null (find (res, "minority-member-missing", NULL));
    assert_null (find (res, "minority-member-present", NULL));
  }
  elect_committee_add_minority_group (c, "回族");
  elect_committee_add_minority_group (c, " 回族 ");
  {
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    assert_cites (find (res, "minority-member-missing", NULL), "村民委员会组织法 第六条第二款");
    assert_int_equal (count (res, "minority-member-missing"), 1);
    assert_false (elect_composition_is_valid (res));
  }
  elect_committee_set_ethnicity (c, 1, "回族");
  {
    g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
    assert_cites (find (res, "minority-member-present", NULL), "村民委员会组织法 第六条第二款");
    assert_true (elect_composition_is_valid (res));
  }
  g_autoptr (ElectRules) rc = load ("residents-committee");
  g_autoptr (ElectCommittee) r = elect_committee_new ();
  add_vc (r, 5, TRUE);
  elect_committee_add_minority_group (r, "满族");
  g_autoptr (ElectComposition) res = check (r, rc, NULL, NULL, "2026-11-30");
  assert_cites (find (res, "minority-member-missing", NULL), "城市居民委员会组织法 第七条");
}

/* 任职回避 inside the VC: ZJ 31 (spouses, parent and child, siblings) and HA 8
 * exclude siblings, SH 2 (spouses and lineal relatives) does not; the
 * national profile has no rule. The higher post stays. */
static void
test_zj31_relatives_within_committee (void **state)
{
  (void) state;
  const struct { const char *profile; const char *rel; const char *cite; } bad[] = {
    { "zhejiang-village-committee", "sibling", "浙江省村民委员会选举办法 第三十一条" },
    { "zhejiang-village-committee", "spouse", "浙江省村民委员会选举办法 第三十一条" },
    { "henan-village-committee", "sibling", "河南省实施《村民委员会组织法》办法 第八条" },
    { "shanghai-village-committee", "spouse", "上海市村民委员会选举办法 第二条" },
    { "shanghai-village-committee", "grandchild", "上海市村民委员会选举办法 第二条" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (ElectRules) rules = load (bad[i].profile);
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      add_vc (c, 3, TRUE);
      /* 甲一 (chair) and 丙三 (member); recorded from both sides: one finding. */
      assert_true (elect_committee_add_relation (c, 0, 2, bad[i].rel));
      assert_true (elect_committee_add_relation (c, 2, 0, strcmp (bad[i].rel, "grandchild") == 0
                                                               ? "grandparent" : bad[i].rel));
      g_autoptr (ElectComposition) res = check (c, rules, NULL, NULL, "2026-11-30");
      ElectReason *r = find (res, "relatives-on-committee", NULL);
      assert_cites (r, bad[i].cite);
      assert_string_equal (elect_reason_get_param (r), "relatives.relations");
      assert_int_equal (count (res, "relatives-on-committee"), 1);
      assert_non_null (strstr (elect_reason_get_message (r, "en"), "the higher post, 甲一"));
      assert_false (elect_composition_is_valid (res));
    }
  const struct { const char *profile; const char *rel; } ok[] = {
    { "shanghai-village-committee", "sibling" },  /* SH 2: not lineal */
    { "village-committee", "spouse" },            /* VCL: no rule */
    { "zhejiang-village-committee", "grandparent" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr (ElectRules) rules = load (ok[i].profile);
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      add_vc (c, 3, TRUE);
      assert_true (elect_committee_add_relation (c, 1, 2, ok[i].rel));
      g_autoptr (ElectComposition) res = check (c, rules, NULL, NULL, "2026-11-30");
      assert_null (find (res, "relatives-on-committee", NULL));
      assert_true (elect_composition_is_valid (res));
    }
  /* Same post: votes decide (RULES.md §6.7). */
  g_autoptr (ElectRules) zj = load ("zhejiang-village-committee");
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  assert_true (elect_committee_add_relation (c, 1, 2, "parent"));
  g_autoptr (ElectComposition) res = check (c, zj, NULL, NULL, "2026-11-30");
  ElectReason *r = find (res, "relatives-on-committee", NULL);
  assert_non_null (strstr (elect_reason_get_message (r, "en"), "more votes"));
}

/* Builds a VC of 3 and a VSC of 3 whose member 监督甲 is related to the VC
 * chair by @rel (none when NULL) and holds @role (none when NULL). */
static ElectCommittee *
vc_and_vsc (const char *rel, const char *role)
{
  ElectCommittee *c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  guint s = add (c, "监督甲", ELECT_SEX_MALE, NONE, NONE, CHAIR);
  add (c, "监督乙", ELECT_SEX_FEMALE, NONE, NONE, MEMBER);
  add (c, "监督丙", ELECT_SEX_MALE, NONE, NONE, MEMBER);
  if (rel)
    assert_true (elect_committee_add_relation (c, 0, s, rel));
  if (role)
    assert_true (elect_committee_add_role (c, s, role));
  return c;
}

/* VCL 32 (村民委员会成员及其近亲属不得担任村务监督机构成员): a VC member's spouse
 * on the VSC fails under the national, Zhejiang (ZJi 30) and Shanghai (SHi
 * 25) profiles; without the relation it passes; a VC member on the VSC
 * fails. */
static void
test_vcl32_vc_relative_on_supervision (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  const char *const profiles[] = { "village-committee", "zhejiang-village-committee",
                                   "shanghai-village-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (ElectRules) vc = load (profiles[i]);
      {
        g_autoptr (ElectCommittee) c = vc_and_vsc ("spouse", NULL);
        g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
        ElectReason *r = find (res, "supervision-vc-relative", NULL);
        assert_cites (r, "村民委员会组织法 第三十二条");
        assert_string_equal (elect_reason_get_param (r), "supervision.excluded_relations");
        assert_int_equal (count (res, "supervision-vc-relative"), 1);
        assert_false (elect_composition_is_valid (res));
        assert_null (find (res, "supervision-exclusions-ok", NULL));
      }
      {
        /* The relation written on the other side (the VSC member's record,
         * "the chair is my grandchild"). */
        g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, NULL);
        assert_true (elect_committee_add_relation (c, 3, 0, "grandchild"));
        g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
        assert_non_null (find (res, "supervision-vc-relative", NULL));
      }
      {
        g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, NULL);
        g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
        assert_non_null (find (res, "supervision-exclusions-ok", NULL));
        assert_true (elect_composition_is_valid (res));
      }
      {
        g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, NULL);
        assert_true (elect_committee_set_post (c, 1, S, MEMBER));
        g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
        ElectReason *r = find (res, "supervision-vc-member", NULL);
        assert_non_null (r);
        assert_string_equal (elect_reason_get_param (r), "supervision.excluded_roles");
      }
    }
}

/* ZJi 30 (村文书、村报账员不得担任村务监督委员会成员): a clerk or bookkeeper on the
 * VSC fails under Zhejiang, not under the national or Shanghai profile; the
 * national VSC profile (which follows ZJi 30) applies when no VC profile is
 * given. */
static void
test_zji30_clerk_on_supervision (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  g_autoptr (ElectRules) zj = load ("zhejiang-village-committee");
  const char *const roles[] = { "village-clerk", "bookkeeper" };
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, roles[i]);
      g_autoptr (ElectComposition) res = check (c, zj, NULL, vsc, "2026-11-30");
      assert_cites (find (res, "supervision-excluded-role", NULL),
                    "浙江省实施《村民委员会组织法》办法 第三十条");
      assert_false (elect_composition_is_valid (res));
    }
  const char *const others[] = { "village-committee", "shanghai-village-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (ElectRules) vc = load (others[i]);
      g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, "village-clerk");
      g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
      assert_null (find (res, "supervision-excluded-role", NULL));
      assert_true (elect_composition_is_valid (res));
    }
  /* No VC in the check: the VSC profile's parameters. */
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  guint s = add (c, "监督甲", ELECT_SEX_MALE, NONE, NONE, CHAIR);
  add (c, "监督乙", ELECT_SEX_FEMALE, NONE, NONE, MEMBER);
  add (c, "监督丙", ELECT_SEX_MALE, NONE, NONE, MEMBER);
  assert_true (elect_committee_add_role (c, s, "village-clerk"));
  g_autoptr (ElectComposition) res = check (c, NULL, NULL, vsc, "2026-11-30");
  assert_cites (find (res, "supervision-excluded-role", NULL), "第三十条");
}

/* SHi 25 (村集体经济组织管理人员…、村财务人员不得担任村务监督委员会成员): fails under
 * Shanghai, not under Zhejiang. */
static void
test_shi25_finance_staff_on_supervision (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  g_autoptr (ElectRules) sh = load ("shanghai-village-committee");
  g_autoptr (ElectRules) zj = load ("zhejiang-village-committee");
  const char *const roles[] = { "finance-staff", "collective-economy-manager" };
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, roles[i]);
      g_autoptr (ElectComposition) res = check (c, sh, NULL, vsc, "2026-11-30");
      assert_cites (find (res, "supervision-excluded-role", NULL),
                    "上海市实施《村民委员会组织法》办法 第二十五条");
      g_autoptr (ElectComposition) res2 = check (c, zj, NULL, vsc, "2026-11-30");
      assert_null (find (res2, "supervision-excluded-role", NULL));
    }
}

/* SHi 25 (村集体经济组织管理人员及其近亲属…不得担任村务监督委员会成员): the spouse or a
 * sibling of the collective economy's manager (who sits on no committee)
 * may not sit on the VSC under Shanghai; a relation outside the near
 * relatives, or the finance staff's spouse (finance staff themselves are
 * excluded, not their relatives), passes; under the national and Zhejiang
 * profiles (VCL 32, ZJi 30 name only VC members' relatives) it passes. */
static void
test_shi25_relative_of_manager_on_supervision (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  const struct { const char *profile; const char *role; const char *rel; gboolean barred; } cases[] = {
    { "shanghai-village-committee", "collective-economy-manager", "spouse", TRUE },
    { "shanghai-village-committee", "collective-economy-manager", "sibling", TRUE },
    { "shanghai-village-committee", "collective-economy-manager", NULL, FALSE },
    { "shanghai-village-committee", "finance-staff", "spouse", FALSE },
    { "village-committee", "collective-economy-manager", "spouse", FALSE },
    { "zhejiang-village-committee", "collective-economy-manager", "spouse", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectRules) vc = load (cases[i].profile);
      g_autoptr (ElectCommittee) c = vc_and_vsc (NULL, NULL);
      guint m = add (c, "经理戊", ELECT_SEX_MALE, NONE, NONE, NONE);
      assert_true (elect_committee_add_role (c, m, cases[i].role));
      /* 监督甲 is person 3 (after the VC of 3) */
      if (cases[i].rel)
        assert_true (elect_committee_add_relation (c, m, 3, cases[i].rel));
      g_autoptr (ElectComposition) res = check (c, vc, NULL, vsc, "2026-11-30");
      ElectReason *r = find (res, "supervision-role-relative", NULL);
      if (!cases[i].barred)
        {
          if (r)
            fail_msg ("case %u (%s): %s", i, cases[i].profile, elect_reason_get_message (r, "en"));
          assert_true (elect_composition_is_valid (res));
          continue;
        }
      if (!r)
        fail_msg ("case %u (%s): no supervision-role-relative", i, cases[i].profile);
      assert_cites (r, "上海市实施《村民委员会组织法》办法 第二十五条");
      assert_string_equal (elect_reason_get_param (r), "supervision.relatives_of_roles");
      assert_non_null (strstr (elect_reason_get_message (r, "zh"), "监督甲"));
      assert_false (elect_composition_is_valid (res));
    }
}

/* RULES.md §1.5 (age from the anniversary; 29 February → 1 March): under 35
 * on the day before the 35th birthday, not on it. */
static void
test_rules15_under_35_boundary (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  const struct { const char *birth; const char *day; gint64 young; } cases[] = {
    { "1991-11-30", "2026-11-29", 1 }, { "1991-11-30", "2026-11-30", 0 },
    { "1992-02-29", "2027-02-28", 1 }, { "1992-02-29", "2027-03-01", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectCommittee) c = elect_committee_new ();
      add_vc (c, 3, TRUE);
      GDate b;
      g_date_clear (&b, 1);
      g_date_set_parse (&b, cases[i].birth);
      elect_committee_set_birth_date (c, 0, &b);
      GDate old;
      g_date_clear (&old, 1);
      g_date_set_dmy (&old, 1, 1, 1960);
      elect_committee_set_birth_date (c, 1, &old);
      elect_committee_set_birth_date (c, 2, &old);
      g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, cases[i].day);
      gint64 num = -1, den = -1;
      assert_true (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_UNDER_35, &num, &den));
      assert_int_equal (num, cases[i].young);
      assert_int_equal (den, 3);
      assert_non_null (find (res, "under-35-share", NULL));
      assert_null (find (res, "birth-date-unknown", NULL));
      /* The target "at least 1/3" is met exactly when there is one. */
      elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_UNDER_35, 1, 3, "换届方案");
      g_autoptr (ElectComposition) res2 = check (c, vc, NULL, NULL, cases[i].day);
      gboolean met;
      assert_true (elect_composition_get_target (res2, ELECT_COMPOSITION_FIGURE_UNDER_35, &met));
      assert_int_equal (met, cases[i].young == 1);
      assert_cites (find (res2, cases[i].young ? "under-35-target-met" : "under-35-target-not-met",
                          NULL), "换届方案");
    }
  /* A member without a date of birth is named, and not counted. */
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
  ElectReason *r = find (res, "birth-date-unknown", NULL);
  assert_non_null (strstr (elect_reason_get_message (r, "zh"), "甲一、乙二、丙三"));
}

/* A VC of @vc people and a Party committee of @party, @both of them on
 * both; the first VC member is chair, the first Party member secretary. */
static ElectCommittee *
two_committees (guint vc, guint party, guint both, gboolean one_shoulder)
{
  ElectCommittee *c = elect_committee_new ();
  for (guint i = 0; i < vc; i++)
    {
      g_autofree char *name = g_strdup_printf ("村委%u", i);
      gboolean cross = i < both;
      ElectCommitteePost pp = !cross ? NONE : (i == 0 && one_shoulder) ? CHAIR : MEMBER;
      add (c, name, i == 0 ? ELECT_SEX_FEMALE : ELECT_SEX_MALE, i == 0 ? CHAIR : MEMBER, pp, NONE);
    }
  for (guint i = both; i < party; i++)
    {
      g_autofree char *name = g_strdup_printf ("支委%u", i);
      add (c, name, ELECT_SEX_MALE, NONE, (i == both && !one_shoulder) ? CHAIR : MEMBER, NONE);
    }
  return c;
}

/* 交叉任职 (policy target, off by default): 2 of 6 两委 members on both
 * committees meets "at least 1/3" exactly and fails "at least 334/1000". */
static void
test_cross_membership_target (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  g_autoptr (ElectRules) party = load ("party-committee");
  g_autoptr (ElectCommittee) c = two_committees (5, 3, 2, TRUE);
  {
    g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
    gint64 num, den;
    assert_true (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, &num, &den));
    assert_int_equal (num, 2);
    assert_int_equal (den, 6);
    ElectCompositionFinding kind;
    assert_non_null (find (res, "cross-membership-share", &kind));
    assert_int_equal (kind, ELECT_COMPOSITION_FINDING_REPORT);
    assert_false (elect_composition_get_target (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, NULL));
    assert_null (find (res, "cross-membership-target-met", NULL));
    assert_int_equal (elect_composition_get_size (res, P), 3);
  }
  elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, 1, 3, NULL);
  {
    g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
    gboolean met = FALSE;
    assert_true (elect_composition_get_target (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, &met));
    assert_true (met);
    ElectCompositionFinding kind;
    assert_non_null (find (res, "cross-membership-target-met", &kind));
    assert_int_equal (kind, ELECT_COMPOSITION_FINDING_TARGET_MET);
  }
  elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, 334, 1000, NULL);
  {
    g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
    gboolean met = TRUE;
    assert_true (elect_composition_get_target (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, &met));
    assert_false (met);
    ElectCompositionFinding kind;
    assert_non_null (find (res, "cross-membership-target-not-met", &kind));
    assert_int_equal (kind, ELECT_COMPOSITION_FINDING_TARGET_NOT_MET);
    /* Targets are never violations. */
    assert_true (elect_composition_is_valid (res));
  }
  elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, 0, 0, NULL);
  {
    g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
    assert_false (elect_composition_get_target (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, NULL));
  }
}

/* 一肩挑 (a report; a target when configured): the Party secretary is the VC
 * chair, or not; without a Party committee it is not computed. */
static void
test_one_shoulder_report (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  g_autoptr (ElectRules) party = load ("party-committee");
  for (int yes = 0; yes <= 1; yes++)
    {
      g_autoptr (ElectCommittee) c = two_committees (5, 3, 1, yes);
      elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_ONE_SHOULDER, 1, 1, "政策文件");
      g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
      gint64 num, den;
      assert_true (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_ONE_SHOULDER, &num, &den));
      assert_int_equal (num, yes);
      assert_int_equal (den, 1);
      assert_non_null (find (res, yes ? "party-secretary-is-chair" : "party-secretary-not-chair", NULL));
      assert_non_null (find (res, yes ? "one-shoulder-target-met" : "one-shoulder-target-not-met", NULL));
      ElectReason *r = find (res, yes ? "party-secretary-is-chair" : "party-secretary-not-chair", NULL);
      assert_non_null (strstr (elect_reason_get_message (r, "zh"), "一肩挑"));
    }
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  g_autoptr (ElectComposition) res = check (c, vc, NULL, NULL, "2026-11-30");
  assert_false (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_ONE_SHOULDER, NULL, NULL));
  assert_false (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, NULL, NULL));
  assert_null (find (res, "party-secretary-not-chair", NULL));
}

/* Women share and education counts over the 两委 members (reports). */
static void
test_women_share_and_education (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  g_autoptr (ElectRules) party = load ("party-committee");
  g_autoptr (ElectCommittee) c = two_committees (5, 3, 2, TRUE);
  elect_committee_set_education (c, 0, ELECT_EDUCATION_BACHELOR);
  elect_committee_set_education (c, 1, ELECT_EDUCATION_BACHELOR);
  elect_committee_set_education (c, 5, ELECT_EDUCATION_POSTGRADUATE);
  elect_committee_set_target (c, ELECT_COMPOSITION_FIGURE_WOMEN, 1, 6, NULL);
  g_autoptr (ElectComposition) res = check (c, vc, party, NULL, "2026-11-30");
  gint64 num, den;
  assert_true (elect_composition_get_figure (res, ELECT_COMPOSITION_FIGURE_WOMEN, &num, &den));
  assert_int_equal (num, 1);
  assert_int_equal (den, 6);
  assert_non_null (find (res, "women-target-met", NULL));
  assert_int_equal (elect_composition_get_education_count (res, ELECT_EDUCATION_BACHELOR), 2);
  assert_int_equal (elect_composition_get_education_count (res, ELECT_EDUCATION_POSTGRADUATE), 1);
  assert_int_equal (elect_composition_get_education_count (res, ELECT_EDUCATION_UNKNOWN), 3);
  ElectReason *r = find (res, "education-counts", NULL);
  assert_non_null (strstr (elect_reason_get_message (r, "zh"), "本科 2 人"));
  /* PER: the Party profile requires no woman. */
  assert_int_equal (count (res, "women-member-present"), 1);
}

/* Programming and input errors. */
static void
test_errors (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = load ("village-committee");
  g_autoptr (ElectRules) party = load ("party-committee");
  g_autoptr (ElectCommittee) c = elect_committee_new ();
  add_vc (c, 3, TRUE);
  assert_int_equal (elect_committee_add_person (c, "　 "), -1);
  assert_false (elect_committee_set_post (c, 0, P, WOMEN));
  assert_false (elect_committee_set_post (c, 0, S, VICE));
  assert_true (elect_committee_set_post (c, 0, P, VICE));
  assert_int_equal (elect_committee_get_post (c, 0, P), VICE);
  assert_true (elect_committee_set_post (c, 0, P, NONE));
  assert_false (elect_committee_add_role (c, 0, "vc-member"));
  assert_false (elect_committee_add_role (c, 0, "mayor"));
  assert_false (elect_committee_add_relation (c, 0, 0, "spouse"));
  assert_false (elect_committee_add_relation (c, 0, 1, "cousin"));
  GDate d;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 30, 11, 2026);
  g_autoptr (GError) error = NULL;
  assert_null (elect_committee_check (c, party, NULL, NULL, &d, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (elect_committee_check (c, NULL, NULL, NULL, &d, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (elect_committee_check (c, vc, NULL, NULL, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNSET));
  g_clear_error (&error);
  elect_committee_set_reference_date (c, &d);
  g_autoptr (ElectComposition) res = elect_committee_check (c, vc, NULL, NULL, NULL, &error);
  assert_non_null (res);
  GDate late;
  g_date_clear (&late, 1);
  g_date_set_dmy (&late, 1, 12, 2026);
  elect_committee_set_birth_date (c, 1, &late);
  assert_null (elect_committee_check (c, vc, NULL, NULL, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

static const char FILE_OK[] =
  "{\"format\": \"libelect.committee/1\", \"village\": \"青山村\", \"reference_date\": \"2026-11-30\",\n"
  " \"minority_groups\": [\"回族\"],\n"
  " \"targets\": {\"women\": {\"num\": 1, \"den\": 3, \"source\": \"县方案\"},\n"
  "             \"one-shoulder\": {\"num\": 1, \"den\": 1}},\n"
  " \"people\": [\n"
  "  {\"id\": \"wjg\", \"name\": \"王建国\", \"sex\": \"male\", \"birth_date\": \"1972-05-01\",\n"
  "   \"education\": \"junior-college\", \"posts\": {\"village\": \"chair\", \"party\": \"secretary\"}},\n"
  "  {\"name\": \"李秀英\", \"sex\": \"female\", \"birth_date\": \"1992-03-15\", \"ethnicity\": \"回族\",\n"
  "   \"education\": \"bachelor\", \"posts\": {\"village\": \"women-member\", \"party\": \"member\"}},\n"
  "  {\"name\": \"陈明\", \"sex\": \"male\", \"posts\": {\"village\": \"vice-chair\", \"party\": \"deputy-secretary\"}},\n"
  "  {\"name\": \"张伟\", \"sex\": \"male\", \"posts\": {\"supervision\": \"chair\"},\n"
  "   \"relatives\": [{\"id\": \"wjg\", \"relation\": \"sibling\"}]},\n"
  "  {\"name\": \"赵强\", \"roles\": [\"village-clerk\"], \"posts\": {\"supervision\": \"member\"}},\n"
  "  {\"name\": \"孙丽\", \"sex\": \"female\", \"posts\": {\"supervision\": \"member\"}, \"x-note\": 1}\n"
  " ]}\n";

/* The committee file (doc/formats-committee.md) and the result's JSON. */
static void
test_json (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectCommittee) c = elect_committee_new_from_json (FILE_OK, -1, "c.json", &error);
  if (!c)
    fail_msg ("%s", error->message);
  assert_int_equal (elect_committee_get_n_people (c), 6);
  assert_string_equal (elect_committee_get_name (c, 1), "李秀英");
  assert_int_equal (elect_committee_get_post (c, 1, V), WOMEN);
  assert_int_equal (elect_committee_get_post (c, 0, P), CHAIR);
  assert_true (elect_committee_get_reference_date (c, NULL));
  GDate birth;
  assert_true (elect_committee_get_birth_date (c, 1, &birth));
  assert_int_equal (g_date_get_year (&birth), 1992);
  assert_int_equal (g_date_get_day (&birth), 15);
  assert_false (elect_committee_get_birth_date (c, 2, &birth));
  g_autoptr (ElectRules) zj = load ("zhejiang-village-committee");
  g_autoptr (ElectRules) party = load ("party-committee");
  g_autoptr (ElectRules) vsc = load ("supervision-committee");
  g_autoptr (ElectComposition) res = elect_committee_check (c, zj, party, vsc, NULL, &error);
  if (!res)
    fail_msg ("%s", error->message);
  assert_non_null (find (res, "supervision-vc-relative", NULL));
  assert_non_null (find (res, "supervision-excluded-role", NULL));
  assert_non_null (find (res, "minority-member-present", NULL));
  assert_non_null (find (res, "one-shoulder-target-met", NULL));
  assert_non_null (find (res, "women-target-met", NULL));   /* 1 of 3 */
  assert_false (elect_composition_is_valid (res));
  g_autofree char *json = elect_composition_to_json (res, "zh");
  g_autoptr (JsonParser) parser = json_parser_new ();
  assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  assert_string_equal (json_object_get_string_member (o, "format"), "libelect.composition/1");
  assert_false (json_object_get_boolean_member (o, "valid"));
  assert_string_equal (json_object_get_string_member (o, "reference_date"), "2026-11-30");
  JsonObject *sizes = json_object_get_object_member (o, "sizes");
  assert_int_equal (json_object_get_int_member (sizes, "village"), 3);
  JsonObject *fig = json_object_get_object_member (json_object_get_object_member (o, "figures"),
                                                   "cross-membership");
  assert_int_equal (json_object_get_int_member (fig, "num"), 3);
  assert_int_equal (json_object_get_int_member (fig, "den"), 3);
  JsonArray *fs = json_object_get_array_member (o, "findings");
  assert_true (json_array_get_length (fs) == elect_composition_get_n_findings (res));
  JsonObject *f0 = json_array_get_object_element (fs, 0);
  assert_string_equal (json_object_get_string_member (f0, "code"), "committee-size-ok");
  assert_string_equal (json_object_get_string_member (f0, "kind"), "satisfied");
  assert_string_equal (json_object_get_string_member (f0, "param"), "seats.range");
}

/* Errors name the file and the JSON path. */
static void
test_json_errors (void **state)
{
  (void) state;
  const struct { const char *text; int code; const char *needle; } cases[] = {
    { "{", ELECT_ERROR_PARSE, "c.json: not JSON" },
    { "[]", ELECT_ERROR_INVALID, "c.json: $: expected a JSON object" },
    { "{\"format\": \"libelect.candidates/1\", \"people\": []}", ELECT_ERROR_INVALID, "$.format" },
    { "{\"format\": \"libelect.committee/1\"}", ELECT_ERROR_INVALID, "$.people: missing" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [], \"extra\": 1}", ELECT_ERROR_UNKNOWN_KEY, "“extra”" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"posts\": {\"party\": \"chair\"}}]}",
      ELECT_ERROR_INVALID, "$.people[0].posts.party: expected secretary" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"posts\": {\"supervision\": \"vice-chair\"}}]}",
      ELECT_ERROR_INVALID, "$.people[0].posts.supervision" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\"}, {\"name\": \"甲\"}]}",
      ELECT_ERROR_INVALID, "$.people[1]: the id “甲” is used twice" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"relatives\": [{\"id\": \"乙\", \"relation\": \"spouse\"}]}]}",
      ELECT_ERROR_INVALID, "$.people[0].relatives[0].id: no person" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"relatives\": [{\"id\": \"甲\", \"relation\": \"spouse\"}]}]}",
      ELECT_ERROR_INVALID, "$.people[0].relatives[0]: expected another person" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"id\": \"a\"}, {\"name\": \"乙\", \"relatives\": [{\"id\": \"a\", \"relation\": \"cousin\"}]}]}",
      ELECT_ERROR_INVALID, "$.people[1].relatives[0]" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"roles\": [\"vc-member\"]}]}",
      ELECT_ERROR_INVALID, "$.people[0].roles[0]" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"birth_date\": \"1990-02-30\"}]}",
      ELECT_ERROR_INVALID, "$.people[0].birth_date" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"甲\", \"education\": \"phd\"}]}",
      ELECT_ERROR_INVALID, "$.people[0].education" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [{\"name\": \"  \"}]}",
      ELECT_ERROR_INVALID, "$.people[0].name" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [], \"targets\": {\"women\": {\"num\": 4, \"den\": 3}}}",
      ELECT_ERROR_INVALID, "$.targets.women.num" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [], \"targets\": {\"young\": {}}}",
      ELECT_ERROR_UNKNOWN_KEY, "$.targets" },
    { "{\"format\": \"libelect.committee/1\", \"people\": [], \"minority_groups\": [1]}",
      ELECT_ERROR_INVALID, "$.minority_groups[0]" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ElectCommittee) c = elect_committee_new_from_json (cases[i].text, -1, "c.json", &error);
      assert_null (c);
      assert_non_null (error);
      if (error->code != cases[i].code || !strstr (error->message, cases[i].needle))
        fail_msg ("case %u: %s (code %d)", i, error->message, error->code);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vcl6_size_boundaries),
    cmocka_unit_test (test_vcl6_women_member),
    cmocka_unit_test (test_vcl6_minority_member),
    cmocka_unit_test (test_zj31_relatives_within_committee),
    cmocka_unit_test (test_vcl32_vc_relative_on_supervision),
    cmocka_unit_test (test_zji30_clerk_on_supervision),
    cmocka_unit_test (test_shi25_finance_staff_on_supervision),
    cmocka_unit_test (test_shi25_relative_of_manager_on_supervision),
    cmocka_unit_test (test_rules15_under_35_boundary),
    cmocka_unit_test (test_cross_membership_target),
    cmocka_unit_test (test_one_shoulder_report),
    cmocka_unit_test (test_women_share_and_education),
    cmocka_unit_test (test_errors),
    cmocka_unit_test (test_json),
    cmocka_unit_test (test_json_errors),
  };
  return cmocka_run_group_tests_name ("committee", tests, NULL, NULL);
}
