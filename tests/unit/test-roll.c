/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Voters: every rule of RULES.md §4 with its article — eligibility (§4.1),
 * registration categories (§4.2), Party members (§4.3), publication (§4.4),
 * proxies (§4.5), check-in (§4.6) — double registrations, and the roll CSV
 * reader (FORMATS.md §4) with line-precise errors. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "roll-private.h"
#include "csv-private.h"

/* ---- helpers ------------------------------------------------------------- */

static GDate
ymd (int y, int m, int d)
{
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g;
}

static const GDate *
E (void)
{
  static GDate e;
  e = ymd (2026, 12, 20);
  return &e;
}

static ElectRules *
rules (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (error)
    fail_msg ("%s: %s", name, error->message);
  return r;
}

/* A valid ID number born on y-m-d with sequence seq (0-999). */
static char *
id_born (int y, int m, int d, int seq)
{
  char buf[19];
  g_snprintf (buf, sizeof buf, "330102%04d%02d%02d%03d", y, m, d, seq);
  buf[17] = elect_id_number_check_character (buf);
  buf[18] = 0;
  return g_strdup (buf);
}

/* An adult villager with hukou here who lives here. */
static ElectVoter *
villager (int seq)
{
  g_autofree char *id = id_born (1980, 5, 1, seq);
  ElectVoter *v = elect_voter_new ("村民", id);
  elect_voter_set_hukou_here (v, TRUE);
  elect_voter_set_resides_here (v, TRUE);
  return v;
}

/* Hukou elsewhere, lives here since @since, applied, admitted. */
static ElectVoter *
newcomer (int seq, GDate since)
{
  g_autofree char *id = id_born (1985, 3, 3, seq);
  ElectVoter *v = elect_voter_new ("新村民", id);
  elect_voter_set_resides_here (v, TRUE);
  elect_voter_set_resident_since (v, &since);
  elect_voter_set_wants_to_vote (v, TRUE);
  elect_voter_set_approved (v, TRUE);
  return v;
}

static ElectEligibility *
judge (const char *profile, const ElectVoter *v)
{
  g_autoptr (ElectRules) r = rules (profile);
  return elect_voter_judge (v, r, E ());
}

static void
assert_verdict (const ElectEligibility *e, ElectVerdict verdict, ElectCategory cat,
                const char *code)
{
  if (elect_eligibility_get_verdict (e) != verdict
      || elect_eligibility_get_category (e) != cat
      || (code && !elect_eligibility_has_reason (e, code)))
    {
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < elect_eligibility_get_n_reasons (e); i++)
        g_string_append_printf (s, " %s", elect_reason_get_code (elect_eligibility_get_reason (e, i)));
      fail_msg ("verdict %d category %d reasons:%s; expected verdict %d category %d code %s",
                elect_eligibility_get_verdict (e), elect_eligibility_get_category (e), s->str,
                verdict, cat, code ? code : "-");
    }
}

static const char *
citation_of (const ElectEligibility *e, const char *code)
{
  for (guint i = 0; i < elect_eligibility_get_n_reasons (e); i++)
    {
      const ElectReason *r = elect_eligibility_get_reason (e, i);
      if (strcmp (elect_reason_get_code (r), code) == 0)
        return elect_reason_get_citation (r);
    }
  return NULL;
}

/* ---- §4.1 eligibility ---------------------------------------------------- */

/* VCL 13: 18 on election day E; the day before, not. */
static void
test_vcl13_turns_18_on_election_day (void **state)
{
  g_autofree char *id_on = id_born (2008, 12, 20, 11);
  g_autofree char *id_after = id_born (2008, 12, 21, 11);
  g_autoptr (ElectVoter) a = elect_voter_new ("甲", id_on);
  g_autoptr (ElectVoter) b = elect_voter_new ("乙", id_after);
  elect_voter_set_hukou_here (a, TRUE); elect_voter_set_resides_here (a, TRUE);
  elect_voter_set_hukou_here (b, TRUE); elect_voter_set_resides_here (b, TRUE);
  g_autoptr (ElectEligibility) ea = judge ("village-committee", a);
  g_autoptr (ElectEligibility) eb = judge ("village-committee", b);
  assert_verdict (ea, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, "category-1");
  assert_verdict (eb, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "under-18");
  assert_string_equal (citation_of (eb, "under-18"), "村民委员会组织法 第十三条");
}

/* RULES.md §1.5 with VCL 13: born 29 Feb 2008 is 18 on 1 Mar 2026, not on
 * 28 Feb 2026. */
static void
test_vcl13_29_february_birthday (void **state)
{
  g_autofree char *id = id_born (2008, 2, 29, 21);
  g_autoptr (ElectVoter) v = elect_voter_new ("丙", id);
  g_autoptr (ElectRules) r = rules ("village-committee");
  GDate feb28 = ymd (2026, 2, 28), mar1 = ymd (2026, 3, 1);
  elect_voter_set_hukou_here (v, TRUE);
  elect_voter_set_resides_here (v, TRUE);
  g_autoptr (ElectEligibility) e1 = elect_voter_judge (v, r, &feb28);
  g_autoptr (ElectEligibility) e2 = elect_voter_judge (v, r, &mar1);
  assert_verdict (e1, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "under-18");
  assert_verdict (e2, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, NULL);
}

/* VCL 13: deprived of political rights → not eligible; eligibility returns
 * the day after the deprivation ends. */
static void
test_vcl13_deprived_with_period (void **state)
{
  g_autoptr (ElectVoter) v = villager (31);
  GDate before = ymd (2026, 12, 19), on = ymd (2026, 12, 20);

  elect_voter_set_deprived (v, TRUE, NULL);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "deprived-political-rights");
    assert_string_equal (citation_of (e, "deprived-political-rights"), "村民委员会组织法 第十三条");
  }
  elect_voter_set_deprived (v, TRUE, &on);   /* last day of deprivation is E */
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "deprived-political-rights");
  }
  elect_voter_set_deprived (v, TRUE, &before);   /* ended the day before E */
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT,
                    "political-rights-restored");
  }
}

/* BJ 14: the EC's confirmation of incapacity; profiles without it ignore
 * the record (and say so). */
static void
test_bj14_cannot_exercise (void **state)
{
  g_autoptr (ElectVoter) v = villager (41);
  elect_voter_set_can_exercise (v, FALSE);
  g_autoptr (ElectEligibility) bj = judge ("beijing-village-committee", v);
  g_autoptr (ElectEligibility) vc = judge ("village-committee", v);
  assert_verdict (bj, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "cannot-exercise");
  assert_string_equal (citation_of (bj, "cannot-exercise"), "北京市村民委员会选举办法 第十四条");
  assert_verdict (vc, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT,
                  "cannot-exercise-not-applicable");
}

/* Every failing condition is reported, not only the first. */
static void
test_all_reasons_reported (void **state)
{
  g_autofree char *id = id_born (2010, 1, 1, 51);
  g_autoptr (ElectVoter) v = elect_voter_new ("丁", id);
  g_autoptr (ElectEligibility) e = NULL;
  elect_voter_set_deprived (v, TRUE, NULL);
  e = judge ("village-committee", v);
  assert_verdict (e, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "under-18");
  assert_true (elect_eligibility_has_reason (e, "deprived-political-rights"));
}

/* GB 11643 / RULES.md §1.5: a malformed ID is not guessed at. */
static void
test_bad_id_not_eligible (void **state)
{
  g_autoptr (ElectVoter) v = elect_voter_new ("戊", "110105194912310021");
  elect_voter_set_hukou_here (v, TRUE);
  elect_voter_set_resides_here (v, TRUE);
  g_autoptr (ElectEligibility) e = judge ("village-committee", v);
  assert_verdict (e, ELECT_VERDICT_NOT_ELIGIBLE, ELECT_CATEGORY_NONE, "bad-id");
  assert_int_equal (elect_eligibility_get_sex (e), ELECT_SEX_UNKNOWN);
}

/* ---- §4.2 registration categories ---------------------------------------- */

/* VCL 13 (一) and (二). */
static void
test_vcl13_categories_1_and_2 (void **state)
{
  g_autoptr (ElectVoter) v = villager (61);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, "category-1");
    assert_true (elect_eligibility_is_entitled (e));
  }
  elect_voter_set_resides_here (v, FALSE);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-intent");
  }
  elect_voter_set_wants_to_vote (v, TRUE);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_AWAY, "category-2");
  }
}

/* HA 20 (二): a written proxy counts as the will to take part; not under
 * the national law. */
static void
test_ha20_written_proxy_is_intent (void **state)
{
  g_autoptr (ElectVoter) v = villager (71);
  elect_voter_set_resides_here (v, FALSE);
  elect_voter_set_written_proxy (v, TRUE);
  g_autoptr (ElectEligibility) ha = judge ("henan-village-committee", v);
  g_autoptr (ElectEligibility) vc = judge ("village-committee", v);
  assert_verdict (ha, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_AWAY, "category-2");
  assert_verdict (vc, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-intent");
}

/* VCL 13 (三): lived here one year on E — the boundary day. */
static void
test_vcl13_residence_one_year_boundary (void **state)
{
  g_autoptr (ElectVoter) ok = newcomer (81, ymd (2025, 12, 20));
  g_autoptr (ElectVoter) late = newcomer (82, ymd (2025, 12, 21));
  g_autoptr (ElectEligibility) e1 = judge ("village-committee", ok);
  g_autoptr (ElectEligibility) e2 = judge ("village-committee", late);
  assert_verdict (e1, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_NON_HUKOU_RESIDENT, "category-3");
  assert_verdict (e2, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "residence-under-1-year");
  assert_string_equal (citation_of (e2, "residence-under-1-year"),
                       "村民委员会组织法 第十三条第二款第三项");
}

/* VCL 13 (三): own application and the assembly's consent. */
static void
test_vcl13_application_and_consent (void **state)
{
  g_autoptr (ElectVoter) v = newcomer (91, ymd (2020, 1, 1));
  elect_voter_set_approved (v, FALSE);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-assembly-consent");
  }
  elect_voter_set_wants_to_vote (v, FALSE);
  {
    g_autoptr (ElectEligibility) e = judge ("village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-application");
    assert_true (elect_eligibility_has_reason (e, "no-assembly-consent"));
  }
}

/* ZJ 13 (三): a year of village work counts; not under VCL 13. BJ 13 (四):
 * living or working. */
static void
test_zj13_bj13_work_counts (void **state)
{
  g_autofree char *id = id_born (1990, 6, 6, 101);
  g_autoptr (ElectVoter) v = elect_voter_new ("己", id);
  GDate since = ymd (2024, 1, 1);
  elect_voter_set_works_since (v, &since);
  elect_voter_set_wants_to_vote (v, TRUE);
  elect_voter_set_approved (v, TRUE);
  g_autoptr (ElectEligibility) zj = judge ("zhejiang-village-committee", v);
  g_autoptr (ElectEligibility) bj = judge ("beijing-village-committee", v);
  g_autoptr (ElectEligibility) vc = judge ("village-committee", v);
  assert_verdict (zj, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_NON_HUKOU_RESIDENT, "work-counts");
  assert_string_equal (citation_of (zj, "work-counts"), "浙江省村民委员会选举办法 第十三条");
  assert_verdict (bj, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_NON_HUKOU_RESIDENT, "work-counts");
  assert_verdict (vc, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "not-resident");
}

/* ZJ 13 (village work for 1 year counts): the boundary, tested both sides:
 * work since E − 1 year is enough, a day later is not. A profile where work
 * does not count (VCL 13) judges a resident with only a work date as one
 * without a residence date. */
static void
test_zj13_work_one_year_boundary (void **state)
{
  g_autofree char *id = id_born (1990, 6, 6, 102);
  GDate on = ymd (2025, 12, 20), late = ymd (2025, 12, 21);
  {
    g_autoptr (ElectVoter) v = elect_voter_new ("庚", id);
    elect_voter_set_works_since (v, &on);
    elect_voter_set_wants_to_vote (v, TRUE);
    elect_voter_set_approved (v, TRUE);
    g_autoptr (ElectEligibility) zj = judge ("zhejiang-village-committee", v);
    assert_verdict (zj, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_NON_HUKOU_RESIDENT, "work-counts");
  }
  {
    g_autoptr (ElectVoter) v = elect_voter_new ("庚", id);
    elect_voter_set_works_since (v, &late);
    elect_voter_set_wants_to_vote (v, TRUE);
    elect_voter_set_approved (v, TRUE);
    g_autoptr (ElectEligibility) zj = judge ("zhejiang-village-committee", v);
    assert_verdict (zj, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "residence-under-1-year");
    assert_false (elect_eligibility_has_reason (zj, "work-counts"));
  }
  {
    g_autoptr (ElectVoter) v = elect_voter_new ("庚", id);
    elect_voter_set_resides_here (v, TRUE);
    elect_voter_set_works_since (v, &on);
    elect_voter_set_wants_to_vote (v, TRUE);
    elect_voter_set_approved (v, TRUE);
    g_autoptr (ElectEligibility) vc = judge ("village-committee", v);
    assert_verdict (vc, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-residence-date");
    assert_false (elect_eligibility_has_reason (vc, "residence-under-1-year"));
  }
}

/* VCL 13: ethnicity, sex, occupation, origin, religion, education,
 * property and length of residence play no part for a villager with hukou
 * here: what the model holds of them (sex from the ID number, the
 * villager group, a residence date) changes no verdict, under every
 * village profile, the supervision committee's included. */
static void
test_vcl13_no_other_conditions (void **state)
{
  static const char *profiles[] = { "village-committee", "zhejiang-village-committee",
                                    "shanghai-village-committee", "beijing-village-committee",
                                    "henan-village-committee", "supervision-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autofree char *man = id_born (1960, 1, 1, 111);    /* 17th digit odd */
      g_autofree char *woman = id_born (2008, 12, 20, 112); /* even, just 18 */
      GDate yesterday = ymd (2026, 12, 19);
      g_autoptr (ElectVoter) a = elect_voter_new ("甲", man);
      g_autoptr (ElectVoter) b = elect_voter_new ("阿卜杜拉·买买提", woman);
      elect_voter_set_hukou_here (a, TRUE);
      elect_voter_set_resides_here (a, TRUE);
      elect_voter_set_group (a, "第一组");
      elect_voter_set_hukou_here (b, TRUE);
      elect_voter_set_resides_here (b, TRUE);
      elect_voter_set_resident_since (b, &yesterday);
      elect_voter_set_group (b, "第九组");
      g_autoptr (ElectEligibility) ea = judge (profiles[i], a);
      g_autoptr (ElectEligibility) eb = judge (profiles[i], b);
      assert_verdict (ea, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, "category-1");
      assert_verdict (eb, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, "category-1");
      assert_int_equal (elect_eligibility_get_sex (ea), ELECT_SEX_MALE);
      assert_int_equal (elect_eligibility_get_sex (eb), ELECT_SEX_FEMALE);
    }
}

/* HA 20 (三): a certificate from the hukou village is needed. */
static void
test_ha20_home_certificate (void **state)
{
  g_autoptr (ElectVoter) v = newcomer (111, ymd (2020, 1, 1));
  {
    g_autoptr (ElectEligibility) e = judge ("henan-village-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-home-certificate");
    assert_string_equal (citation_of (e, "no-home-certificate"),
                         "河南省实施《村民委员会组织法》办法 第二十条");
  }
  elect_voter_set_home_certificate (v, TRUE);
  {
    g_autoptr (ElectEligibility) e = judge ("henan-village-committee", v);
    assert_verdict (e, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_NON_HUKOU_RESIDENT, "category-3");
  }
}

/* SH 9, BJ 13 (三), HA 20 (四): provincial extra categories, each only in
 * its province. */
static void
test_extra_categories (void **state)
{
  struct { ElectCategory cat; const char *profile; const char *code; gboolean needs_application; } cases[] = {
    { ELECT_CATEGORY_SPOUSE_RESIDENCE, "shanghai-village-committee", "category-spouse-residence", TRUE },
    { ELECT_CATEGORY_COLLECTIVE_MEMBER, "shanghai-village-committee", "category-collective-member", TRUE },
    { ELECT_CATEGORY_EX_AGRICULTURAL_HUKOU, "beijing-village-committee", "category-ex-agricultural-hukou", FALSE },
    { ELECT_CATEGORY_TALENT, "henan-village-committee", "category-talent", TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = id_born (1970, 7, 7, 120 + i);
      g_autoptr (ElectVoter) v = elect_voter_new ("庚", id);
      elect_voter_set_extra_category (v, cases[i].cat);
      elect_voter_set_resides_here (v, TRUE);
      elect_voter_set_wants_to_vote (v, TRUE);
      elect_voter_set_approved (v, TRUE);
      {
        g_autoptr (ElectEligibility) e = judge (cases[i].profile, v);
        assert_verdict (e, ELECT_VERDICT_REGISTERED, cases[i].cat, cases[i].code);
        assert_true (strlen (citation_of (e, cases[i].code)) > 0);
      }
      {
        g_autoptr (ElectEligibility) e = judge ("village-committee", v);
        assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE,
                        "extra-category-not-in-profile");
      }
      elect_voter_set_approved (v, FALSE);
      {
        g_autoptr (ElectEligibility) e = judge (cases[i].profile, v);
        assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "no-assembly-consent");
      }
      elect_voter_set_approved (v, TRUE);
      elect_voter_set_wants_to_vote (v, FALSE);
      {
        g_autoptr (ElectEligibility) e = judge (cases[i].profile, v);
        assert_int_equal (elect_eligibility_get_verdict (e),
                          cases[i].needs_application ? ELECT_VERDICT_NOT_REGISTERED
                                                     : ELECT_VERDICT_REGISTERED);
      }
    }
}

/* VCL 13 last paragraph: registered elsewhere → not here. */
static void
test_vcl13_registered_elsewhere (void **state)
{
  g_autoptr (ElectVoter) v = villager (131);
  elect_voter_set_registered_elsewhere (v, TRUE);
  g_autoptr (ElectEligibility) e = judge ("village-committee", v);
  assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "registered-elsewhere");
}

/* RCL 4 / 8: residents of the area vote, whatever their hukou. */
static void
test_rcl_residents (void **state)
{
  g_autofree char *id = id_born (1975, 1, 1, 141);
  g_autoptr (ElectVoter) v = elect_voter_new ("辛", id);
  elect_voter_set_resides_here (v, TRUE);
  {
    g_autoptr (ElectEligibility) e = judge ("residents-committee", v);
    assert_verdict (e, ELECT_VERDICT_REGISTERED, ELECT_CATEGORY_HUKOU_RESIDENT, "category-1");
  }
  elect_voter_set_resides_here (v, FALSE);
  {
    g_autoptr (ElectEligibility) e = judge ("residents-committee", v);
    assert_verdict (e, ELECT_VERDICT_NOT_REGISTERED, ELECT_CATEGORY_NONE, "not-resident");
  }
}

/* ---- §4.3 Party members (PER Art. 5) ------------------------------------ */

static void
test_per5_party_statuses (void **state)
{
  struct { ElectPartyStatus s; ElectVerdict v; const char *code; } cases[] = {
    { ELECT_PARTY_STATUS_FULL, ELECT_VERDICT_REGISTERED, "party-full-member" },
    { ELECT_PARTY_STATUS_PROBATIONARY, ELECT_VERDICT_NOT_ELIGIBLE, "party-probationary" },
    { ELECT_PARTY_STATUS_SUSPENDED, ELECT_VERDICT_NOT_ELIGIBLE, "party-suspended" },   /* 留党察看 */
    { ELECT_PARTY_STATUS_DETAINED, ELECT_VERDICT_NOT_ELIGIBLE, "party-detained" },
    { ELECT_PARTY_STATUS_NONE, ELECT_VERDICT_NOT_ELIGIBLE, "not-party-member" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ElectVoter) v = villager (150 + i);
      elect_voter_set_party_status (v, cases[i].s);
      g_autoptr (ElectEligibility) e = judge ("party-committee", v);
      assert_verdict (e, cases[i].v, ELECT_CATEGORY_NONE, cases[i].code);
      assert_int_equal (elect_eligibility_is_entitled (e), cases[i].v == ELECT_VERDICT_REGISTERED);
      assert_non_null (strstr (citation_of (e, cases[i].code), "第五条"));
    }
}

/* PER Art. 5: exclusions from 应到会, each recorded with its reason and
 * effective only with approval. */
static void
test_per5_exclusions_from_entitled (void **state)
{
  g_autoptr (ElectRules) r = rules ("party-committee");
  g_autoptr (ElectRoll) roll = elect_roll_new (r, E ());
  const char *codes[] = { NULL, "exclusion-ill", "exclusion-abroad", "exclusion-serving-sentence",
                          "exclusion-bedridden", "exclusion-working-away" };
  for (guint x = 0; x <= ELECT_EXCLUSION_WORKING_AWAY; x++)
    {
      g_autoptr (ElectVoter) v = villager (170 + x);
      elect_voter_set_party_status (v, ELECT_PARTY_STATUS_FULL);
      elect_voter_set_exclusion (v, (ElectExclusion) x, TRUE);
      gint i = elect_roll_add (roll, v, NULL);
      const ElectEligibility *e = elect_roll_get_eligibility (roll, i);
      assert_int_equal (elect_eligibility_get_verdict (e), ELECT_VERDICT_REGISTERED);
      assert_int_equal (elect_eligibility_is_entitled (e), x == 0);
      if (x)
        assert_true (elect_eligibility_has_reason (e, codes[x]));
    }
  {
    g_autoptr (ElectVoter) v = villager (180);
    elect_voter_set_party_status (v, ELECT_PARTY_STATUS_FULL);
    elect_voter_set_exclusion (v, ELECT_EXCLUSION_ABROAD, FALSE);
    gint i = elect_roll_add (roll, v, NULL);
    const ElectEligibility *e = elect_roll_get_eligibility (roll, i);
    assert_true (elect_eligibility_is_entitled (e));
    assert_true (elect_eligibility_has_reason (e, "exclusion-not-approved"));
  }
  assert_int_equal (elect_roll_count (roll, ELECT_VERDICT_REGISTERED), 7);
  assert_int_equal (elect_roll_count_entitled (roll), 2);
}

/* ---- §4.4 publication ------------------------------------------------------ */

static ElectVoter *
named (const char *name, const char *group, int seq, gboolean registered)
{
  g_autofree char *id = id_born (1960, 2, 2, seq);
  ElectVoter *v = elect_voter_new (name, id);
  elect_voter_set_group (v, group);
  elect_voter_set_hukou_here (v, TRUE);
  elect_voter_set_resides_here (v, registered);
  return v;
}

static int
reverse_order (const ElectVoter *a, const ElectVoter *b, gpointer data)
{
  (*(int *) data)++;
  return -strcmp (elect_voter_get_name (a), elect_voter_get_name (b));
}

/* VCL 14: the public roll masks IDs, lists the registered only, ordered by
 * group then name; the name order is a hook. */
static void
test_vcl14_public_roll (void **state)
{
  g_autoptr (ElectRules) r = rules ("village-committee");
  g_autoptr (ElectRoll) roll = elect_roll_new (r, E ());
  const char *names[] = { "b", "a", "c", "d" };
  const char *groups[] = { "2组", "2组", "1组", "1组" };
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (ElectVoter) v = named (names[i], groups[i], 200 + i, i != 3);
      assert_true (elect_roll_add (roll, v, NULL) >= 0);
    }
  g_autofree char *csv = elect_roll_to_public_csv (roll, FALSE);
  g_autofree char *bom = elect_roll_to_public_csv (roll, TRUE);
  g_autofree char *full = id_born (1960, 2, 2, 200);
  g_autofree char *masked = elect_id_number_mask (full);
  assert_null (strstr (csv, full));
  assert_non_null (strstr (csv, masked));
  assert_null (strstr (csv, "d,"));   /* not registered: not published */
  {
    const char *c = strstr (csv, "1组,c,"), *a = strstr (csv, "2组,a,"), *b = strstr (csv, "2组,b,");
    assert_non_null (c); assert_non_null (a); assert_non_null (b);
    assert_true (c < a && a < b);
  }
  assert_true (g_str_has_prefix (csv, "group,name,sex,id_masked\r\n"));
  assert_true (g_str_has_prefix (bom, "\xEF\xBB\xBFgroup,"));
  {
    int calls = 0;
    elect_roll_set_name_order (roll, reverse_order, &calls);
    g_autofree char *rev = elect_roll_to_public_csv (roll, FALSE);
    assert_true (calls > 0);
    assert_true (strstr (rev, "2组,b,") < strstr (rev, "2组,a,"));
  }
}

/* RULES.md §7.3 on the public roll: 陈 (7 strokes, 阝 = 2) before 林 (8),
 * though 林 < 陈 in code points; a name without stroke data is reported. */
static void
test_public_roll_stroke_order (void **state)
{
  g_autoptr (ElectRules) r = rules ("village-committee");
  g_autoptr (ElectRoll) roll = elect_roll_new (r, E ());
  g_autoptr (GError) error = NULL;
  const char *names[] = { "林一", "陈一" };
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ElectVoter) v = named (names[i], "1组", 260 + i, TRUE);
      elect_roll_add (roll, v, NULL);
    }
  {
    g_autofree char *plain = elect_roll_to_public_csv (roll, FALSE);
    assert_true (strstr (plain, "林一") < strstr (plain, "陈一"));   /* code points */
  }
  assert_true (elect_roll_use_stroke_order (roll, &error));
  {
    g_autofree char *csv = elect_roll_to_public_csv (roll, FALSE);
    assert_true (strstr (csv, "陈一") < strstr (csv, "林一"));
  }
  {
    g_autoptr (ElectVoter) v = named ("\xe3\x81\x82", "1组", 262, TRUE);   /* kana: no strokes */
    elect_roll_add (roll, v, NULL);
    assert_false (elect_roll_use_stroke_order (roll, &error));
    assert_int_equal (error->code, ELECT_ERROR_INVALID);
  }
}

/* VCL 14 with RULES.md §1.6: objections P+1 … P+5, decision within 3 days
 * of receipt; published by E−20. */
static void
test_vcl14_objection_window_and_deadline (void **state)
{
  g_autoptr (ElectRules) r = rules ("village-committee");
  g_autoptr (ElectRules) party = rules ("party-committee");
  GDate p = ymd (2026, 11, 30), first, last, dec;
  GDate exp_first = ymd (2026, 12, 1), exp_last = ymd (2026, 12, 5), exp_dec = ymd (2026, 12, 8);
  g_autoptr (GError) error = NULL;

  assert_true (elect_roll_objection_window (r, &p, &first, &last, NULL));
  assert_int_equal (g_date_compare (&first, &exp_first), 0);
  assert_int_equal (g_date_compare (&last, &exp_last), 0);
  assert_true (elect_roll_decision_deadline (r, &last, &dec, NULL));
  assert_int_equal (g_date_compare (&dec, &exp_dec), 0);
  assert_false (elect_roll_objection_window (party, &p, &first, &last, &error));
  assert_int_equal (error->code, ELECT_ERROR_UNSET);
  {
    GDate e20 = ymd (2026, 11, 30), e19 = ymd (2026, 12, 1);
    g_autoptr (ElectReason) ok = elect_roll_check_publication (r, &e20, E ());
    g_autoptr (ElectReason) late = elect_roll_check_publication (r, &e19, E ());
    assert_string_equal (elect_reason_get_code (ok), "roll-published-in-time");
    assert_string_equal (elect_reason_get_code (late), "roll-published-late");
    assert_string_equal (elect_reason_get_citation (late), "村民委员会组织法 第十四条");
  }
}

/* ---- §4.5 proxies ---------------------------------------------------------- */

static ElectRoll *
proxy_roll (const char *profile, int n)
{
  g_autoptr (ElectRules) r = rules (profile);
  ElectRoll *roll = elect_roll_new (r, E ());
  for (int i = 0; i < n; i++)
    {
      g_autoptr (ElectVoter) v = villager (300 + i);
      elect_roll_add (roll, v, NULL);
    }
  return roll;
}

static const char *
vid (ElectRoll *roll, int i)
{
  return elect_voter_get_id_number (elect_roll_get_voter (roll, i));
}

static gboolean
proxy_has (ElectRoll *roll, guint i, const char *code)
{
  GPtrArray *rs = elect_roll_proxy_get_reasons (roll, i);
  for (guint k = 0; k < rs->len; k++)
    if (strcmp (elect_reason_get_code (g_ptr_array_index (rs, k)), code) == 0)
      return TRUE;
  return FALSE;
}

/* ZJ 25: at most 3 principals per proxy; the 4th, in filing order, is
 * invalid. */
static void
test_zj25_fourth_proxy_invalid (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("zhejiang-village-committee", 6);
  GDate filed = ymd (2026, 12, 1);
  for (int i = 1; i <= 4; i++)
    elect_roll_add_proxy (roll, vid (roll, i), vid (roll, 0), "sibling", TRUE, TRUE, &filed);
  assert_int_equal (elect_roll_validate_proxies (roll), 3);
  assert_true (elect_roll_proxy_is_valid (roll, 2));
  assert_false (elect_roll_proxy_is_valid (roll, 3));
  assert_true (proxy_has (roll, 3, "proxy-too-many"));
  assert_int_equal (elect_roll_proxy_count_principals (roll, vid (roll, 0)), 3);
  /* The national law states no maximum. */
  {
    g_autoptr (ElectRoll) vc = proxy_roll ("village-committee", 6);
    for (int i = 1; i <= 4; i++)
      elect_roll_add_proxy (vc, vid (vc, i), vid (vc, 0), "sibling", TRUE, TRUE, &filed);
    assert_int_equal (elect_roll_validate_proxies (vc), 4);
  }
}

/* ZJ 25, BJ 25: a candidate may not be a proxy; VCL 15 does not forbid it. */
static void
test_zj25_bj25_candidate_proxy (void **state)
{
  const char *profiles[] = { "zhejiang-village-committee", "beijing-village-committee", "village-committee" };
  GDate filed = ymd (2026, 12, 1);
  for (guint p = 0; p < 3; p++)
    {
      g_autoptr (ElectRoll) roll = proxy_roll (profiles[p], 2);
      elect_roll_add_candidate (roll, vid (roll, 0));
      elect_roll_add_proxy (roll, vid (roll, 1), vid (roll, 0), "spouse", TRUE, TRUE, &filed);
      elect_roll_validate_proxies (roll);
      assert_int_equal (elect_roll_proxy_is_valid (roll, 0), p == 2);
      if (p < 2)
        assert_true (proxy_has (roll, 0, "proxy-is-candidate"));
    }
}

/* VCL 15: written, a near relative, both registered here, principal away;
 * no sub-delegation; one proxy per principal. */
static void
test_vcl15_proxy_conditions (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("village-committee", 6);
  GDate filed = ymd (2026, 12, 1);
  elect_roll_add_proxy (roll, vid (roll, 1), vid (roll, 0), "cousin", TRUE, TRUE, &filed);   /* 0 */
  elect_roll_add_proxy (roll, vid (roll, 2), vid (roll, 0), "parent", FALSE, TRUE, &filed);  /* 1 */
  elect_roll_add_proxy (roll, vid (roll, 3), vid (roll, 0), "child", TRUE, FALSE, &filed);   /* 2 */
  elect_roll_add_proxy (roll, "11010519491231002X", vid (roll, 0), "child", TRUE, TRUE, &filed); /* 3 */
  elect_roll_add_proxy (roll, vid (roll, 4), vid (roll, 5), "spouse", TRUE, TRUE, &filed);   /* 4 */
  elect_roll_add_proxy (roll, vid (roll, 5), vid (roll, 0), "spouse", TRUE, TRUE, &filed);   /* 5 */
  elect_roll_add_proxy (roll, vid (roll, 4), vid (roll, 0), "spouse", TRUE, TRUE, &filed);   /* 6 */
  assert_int_equal (elect_roll_validate_proxies (roll), 1);
  assert_true (proxy_has (roll, 0, "proxy-not-near-relative"));
  assert_true (proxy_has (roll, 1, "proxy-not-written"));
  assert_true (proxy_has (roll, 2, "proxy-principal-not-away"));
  assert_true (proxy_has (roll, 3, "proxy-principal-not-registered"));
  assert_true (proxy_has (roll, 4, "proxy-sub-delegation"));   /* 5 gave their own vote */
  assert_true (elect_roll_proxy_is_valid (roll, 5));
  assert_true (proxy_has (roll, 6, "proxy-principal-twice"));
}

/* VCL 15: the proxy is a registered voter of the same village, not the
 * principal; the authorisation is dated, and before election day where
 * proxies on the day are allowed (VC). */
static void
test_vcl15_proxy_registered_dated (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("village-committee", 6);
  GDate filed = ymd (2026, 12, 1), after = ymd (2026, 12, 21), none;
  g_date_clear (&none, 1);
  elect_roll_add_proxy (roll, vid (roll, 1), "11010519491231002X", "child", TRUE, TRUE, &filed); /* 0 */
  elect_roll_add_proxy (roll, vid (roll, 2), vid (roll, 2), "spouse", TRUE, TRUE, &filed);      /* 1 */
  elect_roll_add_proxy (roll, vid (roll, 3), vid (roll, 0), "spouse", TRUE, TRUE, &none);       /* 2 */
  elect_roll_add_proxy (roll, vid (roll, 4), vid (roll, 0), "spouse", TRUE, TRUE, &after);      /* 3 */
  elect_roll_add_proxy (roll, vid (roll, 5), vid (roll, 0), "spouse", TRUE, TRUE, E ());        /* 4 */
  assert_int_equal (elect_roll_validate_proxies (roll), 1);
  assert_true (proxy_has (roll, 0, "proxy-not-registered"));
  assert_true (proxy_has (roll, 1, "proxy-self"));
  assert_true (proxy_has (roll, 2, "proxy-no-filing-date"));
  assert_true (proxy_has (roll, 3, "proxy-filed-after-election"));
  /* the national profile allows a proxy given on election day */
  assert_true (elect_roll_proxy_is_valid (roll, 4));
}

/* SH 16: filed by E−5, none on election day; ZJ 25: by E−3. */
static void
test_sh16_zj25_deadlines (void **state)
{
  g_autoptr (ElectRoll) sh = proxy_roll ("shanghai-village-committee", 5);
  GDate e5 = ymd (2026, 12, 15), e4 = ymd (2026, 12, 16);
  elect_roll_add_proxy (sh, vid (sh, 1), vid (sh, 0), "spouse", TRUE, TRUE, &e5);
  elect_roll_add_proxy (sh, vid (sh, 2), vid (sh, 0), "spouse", TRUE, TRUE, &e4);
  elect_roll_add_proxy (sh, vid (sh, 3), vid (sh, 0), "spouse", TRUE, TRUE, E ());
  elect_roll_validate_proxies (sh);
  assert_true (elect_roll_proxy_is_valid (sh, 0));
  assert_true (proxy_has (sh, 1, "proxy-filed-late"));
  assert_true (proxy_has (sh, 2, "proxy-on-election-day"));
  /* SH 16: the list of proxies published by E−2. */
  {
    g_autoptr (ElectRules) r = rules ("shanghai-village-committee");
    g_autoptr (ElectRules) vc = rules ("village-committee");
    GDate e2 = ymd (2026, 12, 18), e1 = ymd (2026, 12, 19);
    g_autoptr (ElectReason) ok = elect_roll_check_proxy_list (r, &e2, E ());
    g_autoptr (ElectReason) late = elect_roll_check_proxy_list (r, &e1, E ());
    g_autoptr (ElectReason) none = elect_roll_check_proxy_list (vc, &e1, E ());
    assert_string_equal (elect_reason_get_code (ok), "proxy-list-published-in-time");
    assert_string_equal (elect_reason_get_code (late), "proxy-list-published-late");
    assert_string_equal (elect_reason_get_citation (late), "上海市村民委员会选举办法 第十六条");
    assert_string_equal (elect_reason_get_code (none), "proxy-list-not-required");
  }
  {
    g_autoptr (ElectRoll) zj = proxy_roll ("zhejiang-village-committee", 3);
    GDate e3 = ymd (2026, 12, 17), e2 = ymd (2026, 12, 18);
    elect_roll_add_proxy (zj, vid (zj, 1), vid (zj, 0), "spouse", TRUE, TRUE, &e3);
    elect_roll_add_proxy (zj, vid (zj, 2), vid (zj, 0), "spouse", TRUE, TRUE, &e2);
    elect_roll_validate_proxies (zj);
    assert_true (elect_roll_proxy_is_valid (zj, 0));
    assert_true (proxy_has (zj, 1, "proxy-filed-late"));
  }
}

/* PER Art. 24: no proxies in Party elections. */
static void
test_per24_no_proxies (void **state)
{
  g_autoptr (ElectRules) r = rules ("party-committee");
  g_autoptr (ElectRoll) roll = elect_roll_new (r, E ());
  GDate filed = ymd (2026, 12, 1);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (ElectVoter) v = villager (400 + i);
      elect_voter_set_party_status (v, ELECT_PARTY_STATUS_FULL);
      elect_roll_add (roll, v, NULL);
    }
  elect_roll_add_proxy (roll, vid (roll, 1), vid (roll, 0), "spouse", TRUE, TRUE, &filed);
  assert_int_equal (elect_roll_validate_proxies (roll), 0);
  assert_true (proxy_has (roll, 0, "proxy-not-allowed"));
}

/* The public list of proxies masks IDs and lists valid ones only. */
static void
test_proxy_public_list (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("zhejiang-village-committee", 6);
  GDate filed = ymd (2026, 12, 1);
  for (int i = 1; i <= 4; i++)
    elect_roll_add_proxy (roll, vid (roll, i), vid (roll, 0), "sibling", TRUE, TRUE, &filed);
  elect_roll_validate_proxies (roll);
  g_autofree char *csv = elect_roll_proxies_to_public_csv (roll, FALSE);
  for (int i = 0; i < 5; i++)
    assert_null (strstr (csv, vid (roll, i)));
  {
    guint lines = 0;
    for (const char *p = csv; *p; p++)
      lines += *p == '\n';
    assert_int_equal (lines, 1 + 3);
  }
}

/* RULES.md §4.4 (the roll posted by villager group): group names compare
 * by their number, Arabic or Chinese, 第二组 before 第十组 before 第十二组;
 * names without a number come after, in code-point order. */
static void
test_vcl14_group_order (void **state)
{
  static const struct { const char *name; guint64 n; } nums[] = {
    { "第三组", 3 }, { "三组", 3 }, { "第3组", 3 }, { "12组", 12 }, { "第十组", 10 },
    { "第十二组", 12 }, { "第二十组", 20 }, { "第二十一组", 21 }, { "第一百零五组", 105 },
    { "第两组", 2 }, { "〇组", 0 }, { "二十三组", 23 }, { "第一组", 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (nums); i++)
    {
      guint64 n = 999;
      if (!elect_group_number (nums[i].name, &n) || n != nums[i].n)
        fail_msg ("%s: %llu, expected %llu", nums[i].name, (unsigned long long) n,
                  (unsigned long long) nums[i].n);
    }
  guint64 n = 7;
  assert_false (elect_group_number ("东组", &n));
  assert_false (elect_group_number ("", &n));
  assert_false (elect_group_number ("\xff", &n));
  assert_int_equal (n, 7);
  assert_true (elect_group_compare ("第二组", "第十组") < 0);
  assert_true (elect_group_compare ("第十组", "第十二组") < 0);
  assert_true (elect_group_compare ("第九组", "10组") < 0);
  assert_true (elect_group_compare ("第二十组", "东组") < 0);
  assert_true ((elect_group_compare ("东组", "西组") < 0) == (strcmp ("东组", "西组") < 0));
  assert_int_equal (elect_group_compare ("第三组", "第三组"), 0);
}

/* ---- §4.6 check-in --------------------------------------------------------- */

/* RULES.md §4.6 (VCL 15 proxies; check-in kept apart from ballots): ballots
 * issued per desk, a proxy holder one more per valid principal. */
static void
test_check_in_ballots_issued (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("zhejiang-village-committee", 8);
  GDate filed = ymd (2026, 12, 1);
  g_autoptr (GError) error = NULL;
  guint hall, box;

  elect_roll_add_proxy (roll, vid (roll, 1), vid (roll, 0), "spouse", TRUE, TRUE, &filed);
  elect_roll_add_proxy (roll, vid (roll, 2), vid (roll, 0), "child", TRUE, TRUE, &filed);
  elect_roll_validate_proxies (roll);
  hall = elect_roll_add_desk (roll, ELECT_DESK_MAIN_HALL, "中心会场");
  box = elect_roll_add_desk (roll, ELECT_DESK_MOBILE_BOX, "流动票箱1");
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 0), NULL), 3);
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 3), NULL), 1);
  assert_int_equal (elect_roll_check_in (roll, box, vid (roll, 4), NULL), 1);
  /* Twice: refused. */
  assert_int_equal (elect_roll_check_in (roll, box, vid (roll, 4), &error), 0);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A principal's ballot went to the proxy. */
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 1), &error), 0);
  g_clear_error (&error);
  assert_int_equal (elect_roll_check_in (roll, hall, "11010519491231002X", &error), 0);
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
  assert_int_equal (elect_roll_get_desk_issued (roll, hall), 4);
  assert_int_equal (elect_roll_get_desk_issued (roll, box), 1);
  assert_int_equal (elect_roll_get_proxy_issued (roll), 2);
  assert_int_equal (elect_roll_get_ballots_issued (roll), 5);
}

/* RULES.md §4.6 (VCL 15: each valid proxy lets one more ballot be issued
 * to its holder, and no more): check-in before the proxies are validated
 * is refused; a principal who checked in in person is not represented a
 * second time; a principal represented by the holder is refused later. */
static void
test_vcl15_check_in_one_ballot_per_person (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("zhejiang-village-committee", 8);
  GDate filed = ymd (2026, 12, 1);
  g_autoptr (GError) error = NULL;
  guint hall;

  elect_roll_add_proxy (roll, vid (roll, 1), vid (roll, 0), "spouse", TRUE, TRUE, &filed);
  elect_roll_add_proxy (roll, vid (roll, 2), vid (roll, 0), "child", TRUE, TRUE, &filed);
  hall = elect_roll_add_desk (roll, ELECT_DESK_MAIN_HALL, "中心会场");
  /* not validated yet: nobody is checked in */
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 1), &error), 0);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_roll_get_ballots_issued (roll), 0);

  elect_roll_validate_proxies (roll);
  /* the holder collects their own and two principals' ballots */
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 0), NULL), 3);
  /* a represented principal who comes in person is refused */
  assert_int_equal (elect_roll_check_in (roll, hall, vid (roll, 2), &error), 0);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_roll_get_ballots_issued (roll), 3);
  assert_int_equal (elect_roll_get_proxy_issued (roll), 2);
}

/* ---- double registration (VCL 13) ---------------------------------------- */

typedef struct {
  GString *out;
  guint64 n;
} DupCtx;

static void
on_dup (const char *id, const guint32 *places, guint n, gpointer data)
{
  DupCtx *c = data;
  g_string_append_printf (c->out, "%s:", id);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (c->out, "%u,", places[i]);
  g_string_append_c (c->out, ';');
  c->n++;
}

static void
test_vcl13_double_registration (void **state)
{
  g_autoptr (ElectDedup) d = elect_dedup_new ();
  g_autoptr (GError) error = NULL;
  guint32 a = elect_dedup_add_place (d, "甲村"), b = elect_dedup_add_place (d, "乙村");
  guint32 c = elect_dedup_add_place (d, "丙村");
  DupCtx ctx = { g_string_new (NULL), 0 };

  assert_true (elect_dedup_add (d, a, "11010519491231002X", NULL));
  assert_true (elect_dedup_add (d, c, "11010519491231002x", NULL));
  assert_true (elect_dedup_add (d, b, "11010519491231002X", NULL));
  assert_true (elect_dedup_add (d, a, "440524188001010014", NULL));
  assert_true (elect_dedup_add (d, a, "440524188001010014", NULL));   /* same place twice */
  assert_false (elect_dedup_add (d, a, "440524188001010015", &error));
  assert_non_null (strstr (error->message, "expected 4 found 5"));
  assert_int_equal (elect_dedup_run (d, 1, on_dup, &ctx), 1);
  assert_string_equal (ctx.out->str, "11010519491231002X:0,1,2,;");
  assert_int_equal (elect_dedup_get_n_distinct (d), 2);
  assert_string_equal (elect_dedup_get_place_name (d, b), "乙村");
  g_string_free (ctx.out, TRUE);
}

/* The result does not depend on the thread count; a large random case
 * checked against a hash table. */
static void
test_dedup_threads_and_oracle (void **state)
{
  g_autoptr (ElectDedup) d = elect_dedup_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GRand *rand = g_rand_new_with_seed (42);
  guint64 expected = 0;
  GHashTable *dups = g_hash_table_new (g_int64_hash, g_int64_equal);
  const guint N = 300000;
  gint64 *keys = g_new (gint64, N);

  for (guint i = 0; i < N; i++)
    {
      char id[19];
      g_snprintf (id, sizeof id, "%06u%04u0101%03u", 330100 + g_rand_int_range (rand, 0, 3),
                  1950 + g_rand_int_range (rand, 0, 50), g_rand_int_range (rand, 0, 1000));
      id[17] = elect_id_number_check_character (id);
      id[18] = 0;
      guint32 place = i % 100;
      keys[i] = (gint64) elect_id_number_pack (id);
      elect_dedup_add_key (d, place, (guint64) keys[i]);
      {
        gpointer prev;
        if (g_hash_table_lookup_extended (seen, &keys[i], NULL, &prev))
          {
            if (GPOINTER_TO_UINT (prev) != place + 1 && !g_hash_table_contains (dups, &keys[i]))
              {
                g_hash_table_add (dups, &keys[i]);
                expected++;
              }
          }
        else
          g_hash_table_insert (seen, &keys[i], GUINT_TO_POINTER (place + 1));
      }
    }
  /* (A key seen twice in the same place and then elsewhere is caught by the
   * first occurrence's place differing from a later one.) */
  {
    DupCtx c1 = { g_string_new (NULL), 0 }, c2 = { g_string_new (NULL), 0 };
    guint64 n1 = elect_dedup_run (d, 1, on_dup, &c1);
    guint64 n2 = elect_dedup_run (d, 2, on_dup, &c2);
    assert_int_equal (n1, n2);
    assert_string_equal (c1.out->str, c2.out->str);
    assert_int_equal (n1, expected);
    assert_int_equal (elect_dedup_get_n_distinct (d), g_hash_table_size (seen));
    g_string_free (c1.out, TRUE);
    g_string_free (c2.out, TRUE);
  }
  g_hash_table_unref (dups);
  g_free (keys);
  g_rand_free (rand);
}

static void
test_pack_unpack (void **state)
{
  char out[19];
  guint64 k = elect_id_number_pack ("11010519491231002X");
  assert_int_equal (k, G_GUINT64_CONSTANT (11010519491231002));
  elect_id_number_unpack (k, out);
  assert_string_equal (out, "11010519491231002X");
  assert_true (elect_id_number_pack ("110105194912310021") == G_MAXUINT64);
  assert_true (elect_id_number_pack ("11010519491231002X0") == G_MAXUINT64);
  elect_id_number_unpack (1, out);
  assert_string_equal (out, "00000000000000001X");
}

/* ---- the roll CSV (FORMATS.md §4) ---------------------------------------- */

static ElectRoll *
csv (const char *text, ElectRollCsvFlags flags, GError **error)
{
  g_autoptr (ElectRules) r = rules ("village-committee");
  return elect_roll_new_from_csv_data (r, E (), text, strlen (text), "roll.csv", NULL,
                                       flags, error);
}

static void
expect_csv_error (const char *text, int code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = csv (text, 0, &error);
  assert_null (roll);
  if (error == NULL)
    fail_msg ("no error for: %s", text);
  if (error->code != code || strstr (error->message, fragment) == NULL)
    fail_msg ("error %d '%s', expected %d with '%s'", error->code, error->message, code, fragment);
}

#define HDR "name,id_number,hukou_here,resides_here\n"
#define ROW_OK "王芳,11010519491231002X,yes,yes\n"

static void
test_csv_reads_rows (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = csv ("\xEF\xBB\xBF" "x-note,name,id_number,hukou_here,resides_here,group\r\n"
                                    "\"a, b\",\u3000王芳 ,11010519491231002X,yes,yes,一组\r\n"
                                    "\"multi\nline\",李明,440524188001010014,是,否,二组\r\n"
                                    "\r\n", 0, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_int_equal (elect_roll_get_n_voters (roll), 2);
  assert_string_equal (elect_voter_get_name (elect_roll_get_voter (roll, 0)), "王芳");
  assert_int_equal (elect_voter_get_row (elect_roll_get_voter (roll, 0)), 2);
  assert_int_equal (elect_voter_get_row (elect_roll_get_voter (roll, 1)), 3);
  assert_int_equal (elect_eligibility_get_verdict (elect_roll_get_eligibility (roll, 1)),
                    ELECT_VERDICT_NOT_REGISTERED);
}

/* Malformed rows: errors name the file, the line and the column. */
static void
test_csv_line_precise_errors (void **state)
{
  expect_csv_error (HDR ROW_OK "李明,440524188001010015,yes,yes\n", ELECT_ERROR_INVALID,
                    "roll.csv:3: column id_number: ID number check character expected 4 found 5");
  expect_csv_error (HDR ROW_OK ROW_OK, ELECT_ERROR_INVALID, "roll.csv:3: column id_number");
  expect_csv_error (HDR ROW_OK "a,b\n", ELECT_ERROR_PARSE, "roll.csv:3: 2 fields, but the header has 4");
  expect_csv_error (HDR "\"x\ny\",11010519491231002X,yes,yes\n李明,4405241880,yes,yes\n",
                    ELECT_ERROR_INVALID, "roll.csv:4:");
  expect_csv_error (HDR ROW_OK "\"unclosed,1,2,3\n", ELECT_ERROR_PARSE, "quoted field is not closed");
  expect_csv_error (HDR ROW_OK "a\"b,1,2,3\n", ELECT_ERROR_PARSE, "roll.csv:3: field 1: a quote");
  expect_csv_error (HDR ROW_OK "\"a\"b,1,2,3\n", ELECT_ERROR_PARSE, "roll.csv:3: field 1: text after");
  expect_csv_error ("name,id_number,colour\n", ELECT_ERROR_UNKNOWN_KEY, "roll.csv:1: column 3: unknown column 'colour'");
  expect_csv_error ("name,name,id_number\n", ELECT_ERROR_INVALID, "appears twice");
  expect_csv_error ("name,hukou_here\n", ELECT_ERROR_INVALID, "name and id_number");
  expect_csv_error ("", ELECT_ERROR_PARSE, "empty file");
  expect_csv_error (HDR "王芳,11010519491231002X,maybe,yes\n", ELECT_ERROR_INVALID,
                    "roll.csv:2: column hukou_here: expected yes or no, found 'maybe'");
  expect_csv_error ("name,id_number,resident_since\n王芳,11010519491231002X,2025-02-30\n",
                    ELECT_ERROR_INVALID, "roll.csv:2: column resident_since: expected a date");
  expect_csv_error ("name,id_number\n ,11010519491231002X\n", ELECT_ERROR_INVALID, "name is empty");
  expect_csv_error ("name,id_number\n王芳,11010519491231002X\xff\n", ELECT_ERROR_PARSE, "GB18030");
}

/* RULES.md §1.5: a birth_date or sex column contradicting the ID number is
 * an error for that row. */
static void
test_csv_register_contradicts_id (void **state)
{
  expect_csv_error ("name,id_number,birth_date\n王芳,11010519491231002X,1949-12-30\n",
                    ELECT_ERROR_INVALID, "roll.csv:2: column birth_date");
  expect_csv_error ("name,id_number,sex\n王芳,11010519491231002X,male\n",
                    ELECT_ERROR_INVALID, "roll.csv:2: column sex");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ElectRoll) roll = csv ("name,id_number,birth_date,sex\n王芳,11010519491231002X,1949-12-31,女\n",
                                      0, &error);
    assert_non_null (roll);
  }
}

/* FORMATS.md §5: --lenient turns a bad ID into a verdict. */
static void
test_csv_lenient_bad_id (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = csv (HDR "李明,440524188001010015,yes,yes\n", ELECT_ROLL_CSV_LENIENT,
                                    &error);
  assert_non_null (roll);
  assert_true (elect_eligibility_has_reason (elect_roll_get_eligibility (roll, 0), "bad-id"));
  assert_int_equal (elect_eligibility_get_verdict (elect_roll_get_eligibility (roll, 0)),
                    ELECT_VERDICT_NOT_ELIGIBLE);
}

/* GB18030 (Chinese Excel) is detected and converted. */
static void
test_csv_gb18030 (void **state)
{
  const char *utf8 = "name,id_number,hukou_here,resides_here,group\n王芳,11010519491231002X,是,是,第一组\n";
  gsize n;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &n, NULL);
  g_autoptr (ElectRules) r = rules ("village-committee");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = elect_roll_new_from_csv_data (r, E (), gb, n, "gb.csv", NULL, 0, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_string_equal (elect_voter_get_name (elect_roll_get_voter (roll, 0)), "王芳");
  assert_string_equal (elect_voter_get_group (elect_roll_get_voter (roll, 0)), "第一组");
  /* Given explicitly as UTF-8, the same bytes are an error naming the line. */
  {
    g_autoptr (GError) e2 = NULL;
    g_autoptr (ElectRoll) r2 = elect_roll_new_from_csv_data (r, E (), gb, n, "gb.csv", "UTF-8", 0, &e2);
    assert_null (r2);
    assert_non_null (strstr (e2->message, "gb.csv:2: not valid UTF-8"));
  }
}

/* FORMATS.md §5: the JSON verdicts. */
static void
test_json_verdicts (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = csv (HDR ROW_OK "李明,440524188001010014,no,no\n", 0, &error);
  g_autofree char *json = elect_roll_to_json (roll, "en");
  assert_non_null (strstr (json, "\"format\" : \"libelect.roll-verdicts/1\""));
  assert_non_null (strstr (json, "\"election_day\" : \"2026-12-20\""));
  assert_non_null (strstr (json, "\"registered\" : 1"));
  assert_non_null (strstr (json, "\"not_registered\" : 1"));
  assert_non_null (strstr (json, "\"id_masked\" : \"110105********002X\""));
  assert_non_null (strstr (json, "\"category\" : null"));
  assert_null (strstr (json, "11010519491231002X"));
}

static void
test_proxies_csv (void **state)
{
  g_autoptr (ElectRoll) roll = proxy_roll ("zhejiang-village-committee", 3);
  g_autofree char *text = g_strdup_printf (
    "principal_id,proxy_id,relation,written,principal_away,filed,proxy_is_candidate,x-note\n"
    "%s,%s,spouse,yes,yes,2026-12-01,no,\n"
    "%s,%s,child,yes,yes,2026-12-01,yes,\n",
    vid (roll, 1), vid (roll, 0), vid (roll, 0), vid (roll, 2));
  g_autoptr (GError) error = NULL;
  assert_true (elect_roll_add_proxies_from_csv_data (roll, text, strlen (text), "p.csv", &error));
  assert_int_equal (elect_roll_get_n_proxies (roll), 2);
  elect_roll_validate_proxies (roll);
  /* Row 2's holder gave their own vote away (row 3): no sub-delegation;
   * row 3's holder is a candidate (ZJ 25). */
  assert_false (elect_roll_proxy_is_valid (roll, 0));
  assert_true (proxy_has (roll, 0, "proxy-sub-delegation"));
  assert_false (elect_roll_proxy_is_valid (roll, 1));
  assert_true (proxy_has (roll, 1, "proxy-is-candidate"));
  {
    const char *bad = "principal_id,proxy_id,relation,written,principal_away,filed\na,b,spouse,yes,yes,2026-13-01\n";
    g_autoptr (GError) e2 = NULL;
    assert_false (elect_roll_add_proxies_from_csv_data (roll, bad, strlen (bad), "p.csv", &e2));
    assert_non_null (strstr (e2->message, "p.csv:2: column filed"));
    assert_int_equal (elect_roll_get_n_proxies (roll), 2);   /* nothing added */
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vcl13_turns_18_on_election_day),
    cmocka_unit_test (test_vcl13_29_february_birthday),
    cmocka_unit_test (test_vcl13_deprived_with_period),
    cmocka_unit_test (test_bj14_cannot_exercise),
    cmocka_unit_test (test_all_reasons_reported),
    cmocka_unit_test (test_bad_id_not_eligible),
    cmocka_unit_test (test_vcl13_categories_1_and_2),
    cmocka_unit_test (test_ha20_written_proxy_is_intent),
    cmocka_unit_test (test_vcl13_residence_one_year_boundary),
    cmocka_unit_test (test_vcl13_application_and_consent),
    cmocka_unit_test (test_zj13_bj13_work_counts),
    cmocka_unit_test (test_zj13_work_one_year_boundary),
    cmocka_unit_test (test_vcl13_no_other_conditions),
    cmocka_unit_test (test_ha20_home_certificate),
    cmocka_unit_test (test_extra_categories),
    cmocka_unit_test (test_vcl13_registered_elsewhere),
    cmocka_unit_test (test_rcl_residents),
    cmocka_unit_test (test_per5_party_statuses),
    cmocka_unit_test (test_per5_exclusions_from_entitled),
    cmocka_unit_test (test_vcl14_public_roll),
    cmocka_unit_test (test_public_roll_stroke_order),
    cmocka_unit_test (test_vcl14_objection_window_and_deadline),
    cmocka_unit_test (test_zj25_fourth_proxy_invalid),
    cmocka_unit_test (test_zj25_bj25_candidate_proxy),
    cmocka_unit_test (test_vcl15_proxy_conditions),
    cmocka_unit_test (test_vcl15_proxy_registered_dated),
    cmocka_unit_test (test_sh16_zj25_deadlines),
    cmocka_unit_test (test_per24_no_proxies),
    cmocka_unit_test (test_proxy_public_list),
    cmocka_unit_test (test_vcl14_group_order),
    cmocka_unit_test (test_check_in_ballots_issued),
    cmocka_unit_test (test_vcl15_check_in_one_ballot_per_person),
    cmocka_unit_test (test_vcl13_double_registration),
    cmocka_unit_test (test_dedup_threads_and_oracle),
    cmocka_unit_test (test_pack_unpack),
    cmocka_unit_test (test_csv_reads_rows),
    cmocka_unit_test (test_csv_line_precise_errors),
    cmocka_unit_test (test_csv_register_contradicts_id),
    cmocka_unit_test (test_csv_lenient_bad_id),
    cmocka_unit_test (test_csv_gb18030),
    cmocka_unit_test (test_json_verdicts),
    cmocka_unit_test (test_proxies_csv),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
