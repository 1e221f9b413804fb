/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The timeline (工期倒排, RULES.md §9): one test per deadline, naming its
 * article, with both sides of each boundary; the check of actual dates and
 * the libelect.village-dates/1 reader; recall (罢免) and by-elections
 * (补选, §10: VCL 16, 19) with exact integer boundaries. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <json-glib/json-glib.h>

#include "elect/elect.h"

/* ---- helpers ------------------------------------------------------------- */

static GDate
ymd (int y, int m, int d)
{
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g;
}

/* Election day: 20 December 2026. */
static GDate
E_plus (int n)
{
  GDate g = ymd (2026, 12, 20);
  if (n >= 0)
    g_date_add_days (&g, (guint) n);
  else
    g_date_subtract_days (&g, (guint) -n);
  return g;
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

static void
assert_day (const GDate *got, GDate want)
{
  assert_non_null (got);
  if (g_date_compare (got, &want) != 0)
    {
      char a[16], b[16];
      g_date_strftime (a, sizeof a, "%Y-%m-%d", got);
      g_date_strftime (b, sizeof b, "%Y-%m-%d", &want);
      fail_msg ("got %s, expected %s", a, b);
    }
}

/* Checks one village whose only recorded date is @code on @day (plus an
 * optional earlier step @dep_code on @dep_day); returns the status of @code
 * and its days late. */
static ElectScheduleStatus
check_step (const char *profile, const char *code, GDate day, const char *dep_code, GDate dep_day,
            gint64 *out_late, char **out_reason_code, char **out_citation)
{
  g_autoptr (ElectRules) r = rules (profile);
  GDate e = E_plus (0);
  g_autoptr (ElectVillageDates) d = elect_village_dates_new (&e);
  elect_village_dates_set (d, code, &day);
  if (dep_code)
    elect_village_dates_set (d, dep_code, &dep_day);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectScheduleCheck) c = elect_schedule_check (r, d, &error);
  assert_null (error);
  gint i = elect_schedule_check_find (c, code);
  assert_true (i >= 0);
  if (out_late)
    *out_late = elect_schedule_check_get_days_late (c, (guint) i);
  ElectReason *reason = elect_schedule_check_get_reason (c, (guint) i);
  if (out_reason_code)
    *out_reason_code = g_strdup (elect_reason_get_code (reason));
  if (out_citation)
    *out_citation = g_strdup (elect_reason_get_citation (reason));
  return elect_schedule_check_get_status (c, (guint) i);
}

static GDate
no_day (void)
{
  GDate g;
  g_date_clear (&g, 1);
  return g;
}

/* On time on @ok, late by exactly one day on the next day. */
static void
assert_boundary (const char *profile, const char *code, GDate ok, const char *citation)
{
  gint64 late = -1;
  g_autofree char *rc = NULL, *cit = NULL;
  assert_int_equal (check_step (profile, code, ok, NULL, no_day (), &late, &rc, &cit),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
  assert_int_equal (late, 0);
  assert_string_equal (rc, "schedule-on-time");
  if (citation)
    assert_string_equal (cit, citation);
  GDate next = ok;
  g_date_add_days (&next, 1);
  g_clear_pointer (&rc, g_free);
  assert_int_equal (check_step (profile, code, next, NULL, no_day (), &late, &rc, NULL),
                    ELECT_SCHEDULE_STATUS_LATE);
  assert_int_equal (late, 1);
  assert_string_equal (rc, "schedule-late");
}

static void
assert_not_applicable (const char *profile, const char *code)
{
  g_autoptr (ElectRules) r = rules (profile);
  GDate e = E_plus (0);
  g_autoptr (ElectSchedule) s = elect_schedule_new (r, &e);
  const ElectScheduleStep *st = elect_schedule_lookup_step (s, code);
  assert_non_null (st);
  assert_false (elect_schedule_step_is_applicable (st));
  assert_null (elect_schedule_step_get_last (st));
  g_autoptr (GPtrArray) a = elect_schedule_list_applicable_steps (s);
  for (guint i = 0; i < a->len; i++)
    assert_string_not_equal (elect_schedule_step_get_code (a->pdata[i]), code);
  g_autofree char *rc = NULL;
  assert_int_equal (check_step (profile, code, e, NULL, no_day (), NULL, &rc, NULL),
                    ELECT_SCHEDULE_STATUS_NOT_APPLICABLE);
  assert_string_equal (rc, "schedule-not-applicable");
}

static const GDate *
plan_last (const char *profile, const char *code)
{
  static GDate out;
  g_autoptr (ElectRules) r = rules (profile);
  GDate e = E_plus (0);
  g_autoptr (ElectSchedule) s = elect_schedule_new (r, &e);
  const GDate *d = elect_schedule_step_get_last (elect_schedule_lookup_step (s, code));
  assert_non_null (d);
  out = *d;
  return &out;
}

/* ---- §9: the steps, one article each ----------------------------------------- */

/* VCL 14: the roll is published by E−20: E−20 on time, E−19 late by 1. */
static void
test_vcl14_roll_published_by_e_minus_20 (void **state)
{
  (void) state;
  assert_day (plan_last ("village-committee", "roll-published"), E_plus (-20));
  assert_boundary ("village-committee", "roll-published", E_plus (-20), "村民委员会组织法 第十四条");
  assert_boundary ("zhejiang-village-committee", "roll-published", E_plus (-20), NULL);
}

/* VCL 14 ¶2 (CC 201): objections within 5 days of publication P cover
 * P+1 … P+5: P+5 in, P+6 out; the window starts on the actual publication. */
static void
test_vcl14_objection_window_p_plus_1_to_p_plus_5 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = rules ("village-committee");
  GDate e = E_plus (0);
  g_autoptr (ElectSchedule) s = elect_schedule_new (r, &e);
  const ElectScheduleStep *st = elect_schedule_lookup_step (s, "objections-window");
  assert_int_equal (elect_schedule_step_get_kind (st), ELECT_SCHEDULE_KIND_WINDOW);
  assert_true (elect_schedule_step_is_conditional (st));
  assert_string_equal (elect_schedule_step_get_depends_on (st), "roll-published");
  assert_day (elect_schedule_step_get_start (st), E_plus (-20));
  assert_day (elect_schedule_step_get_last (st), E_plus (-15));

  /* The roll published on P = E−25: the same days as roll.c's window. */
  GDate p = E_plus (-25), first, last;
  assert_true (elect_roll_objection_window (r, &p, &first, &last, NULL));
  assert_day (&first, E_plus (-24));
  gint64 late;
  g_autofree char *rc = NULL;
  assert_int_equal (check_step ("village-committee", "objections-window", last, "roll-published", p,
                                &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
  assert_int_equal (check_step ("village-committee", "objections-window", first, "roll-published",
                                p, &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
  GDate p6 = E_plus (-19);
  assert_int_equal (check_step ("village-committee", "objections-window", p6, "roll-published", p,
                                &late, &rc, NULL),
                    ELECT_SCHEDULE_STATUS_LATE);
  assert_int_equal (late, 1);
  assert_string_equal (rc, "schedule-late");
  /* Before the roll was published: early. */
  GDate before = E_plus (-26);
  assert_int_equal (check_step ("village-committee", "objections-window", before, "roll-published",
                                p, &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_EARLY);
  assert_int_equal (late, -1);
}

/* VCL 14 ¶2: an objection is decided within 3 days of its receipt R: R+3 in,
 * R+4 late by 1. */
static void
test_vcl14_objection_decision_3_days_after_receipt (void **state)
{
  (void) state;
  GDate recv = E_plus (-22);
  gint64 late;
  assert_int_equal (check_step ("village-committee", "objection-decision", E_plus (-19),
                                "objections-window", recv, &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
  assert_int_equal (check_step ("village-committee", "objection-decision", E_plus (-18),
                                "objections-window", recv, &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_LATE);
  assert_int_equal (late, 1);
  /* In the plan: the last day of the window + 3 = E−12. */
  assert_day (plan_last ("village-committee", "objection-decision"), E_plus (-12));
}

/* ZJ 20: self-nomination closes by E−10; no such step in VCL. */
static void
test_zj20_self_nomination_closes_e_minus_10 (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "self-nomination-closes", E_plus (-10),
                   "浙江省村民委员会选举办法 第二十条");
  assert_not_applicable ("village-committee", "self-nomination-closes");
}

/* ZJ 18, SH 12, BJ 20, HA 26: the official candidate list by E−5; VCL sets
 * no deadline. */
static void
test_candidate_list_e_minus_5_zj18_sh12_bj20_ha26_absent_vcl (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "candidate-list-published", E_plus (-5),
                   "浙江省村民委员会选举办法 第十八条");
  assert_boundary ("shanghai-village-committee", "candidate-list-published", E_plus (-5),
                   "上海市村民委员会选举办法 第十二条");
  assert_boundary ("beijing-village-committee", "candidate-list-published", E_plus (-5),
                   "北京市村民委员会选举办法 第二十条");
  assert_boundary ("henan-village-committee", "candidate-list-published", E_plus (-5),
                   "河南省实施《村民委员会组织法》办法 第二十六条");
  assert_not_applicable ("village-committee", "candidate-list-published");
}

/* ZJ 22: time, place and manner of voting announced by E−5. */
static void
test_zj22_voting_arrangements_e_minus_5 (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "voting-arrangements-announced", E_plus (-5),
                   "浙江省村民委员会选举办法 第二十二条");
  assert_not_applicable ("village-committee", "voting-arrangements-announced");
}

/* ZJ 25: proxies filed by E−3; SH 16: by E−5. */
static void
test_proxies_filed_zj25_e_minus_3_sh16_e_minus_5 (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "proxies-filed", E_plus (-3),
                   "浙江省村民委员会选举办法 第二十五条");
  assert_boundary ("shanghai-village-committee", "proxies-filed", E_plus (-5),
                   "上海市村民委员会选举办法 第十六条");
  /* PER Art. 24: no proxies at all. */
  assert_not_applicable ("party-committee", "proxies-filed");
}

/* SH 16: the list of proxies published by E−2; ZJ sets no such day. */
static void
test_sh16_proxy_list_e_minus_2 (void **state)
{
  (void) state;
  assert_boundary ("shanghai-village-committee", "proxy-list-published", E_plus (-2),
                   "上海市村民委员会选举办法 第十六条");
  assert_not_applicable ("zhejiang-village-committee", "proxy-list-published");
}

/* ZJ 19 (cited by the profile as 第十八条): a candidate withdraws by E−3. */
static void
test_zj_candidate_withdrawal_e_minus_3 (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "candidate-withdrawal", E_plus (-3), NULL);
  assert_not_applicable ("village-committee", "candidate-withdrawal");
}

/* VCL 15: results announced on E; ZJ 32: on E or E+1; before E is early. */
static void
test_results_vcl15_on_e_zj32_e_plus_1 (void **state)
{
  (void) state;
  assert_boundary ("village-committee", "results-announced", E_plus (0), NULL);
  assert_boundary ("zhejiang-village-committee", "results-announced", E_plus (1),
                   "浙江省村民委员会选举办法 第三十二条（当日或次日公布当选名单）");
  gint64 late;
  assert_int_equal (check_step ("zhejiang-village-committee", "results-announced", E_plus (-1),
                                NULL, no_day (), &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_EARLY);
  assert_int_equal (late, -1);
}

/* ZJ 29, SH 21: supplementary round within 30 days (E+30 in, E+31 out);
 * BJ 30: within 15 days. */
static void
test_supplementary_zj29_sh21_e_plus_30_bj30_e_plus_15 (void **state)
{
  (void) state;
  assert_boundary ("zhejiang-village-committee", "supplementary-round", E_plus (30),
                   "浙江省村民委员会选举办法 第二十九条");
  assert_boundary ("shanghai-village-committee", "supplementary-round", E_plus (30),
                   "上海市村民委员会选举办法 第二十一条");
  assert_boundary ("beijing-village-committee", "supplementary-round", E_plus (15),
                   "北京市村民委员会选举办法 第三十条");
  /* ZJ 29: "选举投票日当日" is in time too. */
  assert_int_equal (check_step ("zhejiang-village-committee", "supplementary-round", E_plus (0),
                                NULL, no_day (), NULL, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
}

/* VCL 20: handover within 10 days of the new committee: E+10 in, E+11 out;
 * after a supplementary round, from that round. */
static void
test_vcl20_handover_10_days (void **state)
{
  (void) state;
  assert_boundary ("village-committee", "handover", E_plus (10), "村民委员会组织法 第二十条");
  gint64 late;
  assert_int_equal (check_step ("zhejiang-village-committee", "handover", E_plus (17),
                                "supplementary-round", E_plus (7), &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_ON_TIME);
  assert_int_equal (check_step ("zhejiang-village-committee", "handover", E_plus (18),
                                "supplementary-round", E_plus (7), &late, NULL, NULL),
                    ELECT_SCHEDULE_STATUS_LATE);
  assert_int_equal (late, 1);
}

/* VCL 35: the departure audit is published before the election: E−1 in, E
 * late by 1; the Party committee has no such step. */
static void
test_vcl35_departure_audit_before_election (void **state)
{
  (void) state;
  assert_boundary ("village-committee", "departure-audit-published", E_plus (-1), NULL);
  assert_not_applicable ("party-committee", "departure-audit-published");
}

/* A required step without a date is missing; a conditional one not held. */
static void
test_missing_and_not_held (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = rules ("zhejiang-village-committee");
  GDate e = E_plus (0), roll = E_plus (-21);
  g_autoptr (ElectVillageDates) d = elect_village_dates_new (&e);
  elect_village_dates_set (d, "roll-published", &roll);
  g_autoptr (ElectScheduleCheck) c = elect_schedule_check (r, d, NULL);
  assert_non_null (c);
  gint i = elect_schedule_check_find (c, "results-announced");
  assert_int_equal (elect_schedule_check_get_status (c, (guint) i), ELECT_SCHEDULE_STATUS_MISSING);
  assert_string_equal (elect_reason_get_code (elect_schedule_check_get_reason (c, (guint) i)),
                       "schedule-missing");
  i = elect_schedule_check_find (c, "supplementary-round");
  assert_int_equal (elect_schedule_check_get_status (c, (guint) i), ELECT_SCHEDULE_STATUS_NOT_HELD);
  assert_string_equal (elect_reason_get_code (elect_schedule_check_get_reason (c, (guint) i)),
                       "schedule-not-held");
  assert_int_equal (elect_schedule_check_count (c, ELECT_SCHEDULE_STATUS_ON_TIME), 1);
  assert_false (elect_schedule_check_is_on_time (c));
  /* The objection window of the actual roll: E−21 … E−16. */
  const ElectScheduleStep *st =
    elect_schedule_lookup_step (elect_schedule_check_get_schedule (c), "objections-window");
  assert_day (elect_schedule_step_get_start (st), E_plus (-21));
  assert_day (elect_schedule_step_get_last (st), E_plus (-16));
  assert_int_equal (elect_schedule_check_find (c, "no-such-step"), -1);
}

/* Messages in both languages, naming the step and the number of days. */
static void
test_reason_messages_zh_en (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = rules ("village-committee");
  GDate e = E_plus (0), roll = E_plus (-17);
  g_autoptr (ElectVillageDates) d = elect_village_dates_new (&e);
  elect_village_dates_set (d, "roll-published", &roll);
  g_autoptr (ElectScheduleCheck) c = elect_schedule_check (r, d, NULL);
  ElectReason *reason = elect_schedule_check_get_reason (c, 0);
  assert_string_equal (elect_reason_get_code (reason), "schedule-late");
  assert_string_equal (elect_reason_get_param (reason), "roll.publish_days_before");
  const char *en = elect_reason_get_message (reason, "en");
  const char *zh = elect_reason_get_message (reason, "zh");
  assert_non_null (strstr (en, "Roll published"));
  assert_non_null (strstr (en, "3 day(s) after the last day 2026-11-30"));
  assert_non_null (strstr (zh, "公布选民名单"));
  assert_non_null (strstr (zh, "3日"));
  assert_null (strstr (zh, "day"));
  assert_int_equal (elect_schedule_check_get_days_late (c, 0), 3);
}

/* The steps a profile defines. */
static void
test_applicable_steps_per_profile (void **state)
{
  (void) state;
  GDate e = E_plus (0);
  g_autoptr (ElectRules) vcl = rules ("village-committee");
  g_autoptr (ElectRules) zj = rules ("zhejiang-village-committee");
  g_autoptr (ElectSchedule) s1 = elect_schedule_new (vcl, &e);
  g_autoptr (ElectSchedule) s2 = elect_schedule_new (zj, &e);
  g_autoptr (GPtrArray) a1 = elect_schedule_list_applicable_steps (s1);
  g_autoptr (GPtrArray) a2 = elect_schedule_list_applicable_steps (s2);
  /* VCL: roll, objections, decision, results, handover, departure audit. */
  assert_int_equal (a1->len, 6);
  /* ZJ adds self-nomination, list, arrangements, proxies, withdrawal,
   * supplementary. */
  assert_int_equal (a2->len, 12);
  assert_int_equal (elect_schedule_get_n_steps (s1), g_strv_length ((char **) elect_schedule_step_codes ()));
  assert_string_equal (elect_schedule_step_get_title (elect_schedule_get_step (s1, 0), "zh"),
                       "公布选民名单");
  assert_string_equal (elect_schedule_step_get_param (elect_schedule_get_step (s1, 0)),
                       "roll.publish_days_before");
}

/* ---- JSON ----------------------------------------------------------------------- */

static void
test_village_dates_reader (void **state)
{
  (void) state;
  static const char ok[] =
    "{\"format\":\"libelect.village-dates/1\",\"profile\":\"zhejiang-village-committee\","
    "\"village\":\"东村\",\"election_day\":\"2026-12-20\",\"x-note\":1,"
    "\"steps\":{\"roll-published\":\"2026-11-30\",\"handover\":null,\"x-extra\":\"?\"}}";
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectVillageDates) d = elect_village_dates_new_from_json (ok, -1, "v.json", &error);
  assert_null (error);
  assert_non_null (d);
  assert_string_equal (elect_village_dates_get_profile (d), "zhejiang-village-committee");
  assert_string_equal (elect_village_dates_get_village (d), "东村");
  assert_day (elect_village_dates_get_election_day (d), E_plus (0));
  assert_day (elect_village_dates_get (d, "roll-published"), E_plus (-20));
  assert_null (elect_village_dates_get (d, "handover"));

  /* Round trip. */
  g_autofree char *json = elect_village_dates_to_json (d);
  g_autoptr (ElectVillageDates) d2 = elect_village_dates_new_from_json (json, -1, "rt.json", &error);
  assert_null (error);
  assert_day (elect_village_dates_get (d2, "roll-published"), E_plus (-20));

  static const struct { const char *text; int code; const char *needle; } bad[] = {
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\","
      "\"steps\":{\"rol-published\":\"2026-11-30\"}}", ELECT_ERROR_UNKNOWN_KEY, "$.steps" },
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\","
      "\"steps\":{\"handover\":\"2026-02-30\"}}", ELECT_ERROR_INVALID, "$.steps.handover" },
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\","
      "\"steps\":{\"handover\":20261230}}", ELECT_ERROR_INVALID, "$.steps.handover" },
    { "{\"format\":\"libelect.village-dates/1\",\"steps\":{}}", ELECT_ERROR_INVALID,
      "$.election_day" },
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\"}",
      ELECT_ERROR_INVALID, "$.steps" },
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\",\"steps\":[]}",
      ELECT_ERROR_INVALID, "$.steps" },
    { "{\"format\":\"libelect.village-dates/1\",\"election_day\":\"2026-12-20\",\"steps\":{},"
      "\"days\":1}", ELECT_ERROR_UNKNOWN_KEY, "days" },
    { "{\"format\":\"libelect.candidates/1\"}", ELECT_ERROR_INVALID, "$.format" },
    { "{\"format\":", ELECT_ERROR_PARSE, "not JSON" },
    { "[]", ELECT_ERROR_INVALID, "$" },
  };
  for (gsize k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autoptr (GError) e = NULL;
      g_autoptr (ElectVillageDates) x = elect_village_dates_new_from_json (bad[k].text, -1,
                                                                           "v.json", &e);
      assert_null (x);
      assert_non_null (e);
      if (!g_error_matches (e, ELECT_ERROR, bad[k].code) || !strstr (e->message, "v.json")
          || !strstr (e->message, bad[k].needle))
        fail_msg ("case %u: %s", (unsigned) k, e->message);
    }

  g_autoptr (GError) ferr = NULL;
  assert_null (elect_village_dates_load ("/nonexistent/v.json", &ferr));
  assert_true (g_error_matches (ferr, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
}

static JsonObject *
parse_object (JsonParser *p, const char *text)
{
  assert_true (json_parser_load_from_data (p, text, -1, NULL));
  return json_node_get_object (json_parser_get_root (p));
}

static void
test_schedule_and_check_json (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = rules ("shanghai-village-committee");
  GDate e = E_plus (0), late = E_plus (-1);
  g_autoptr (ElectSchedule) s = elect_schedule_new (r, &e);
  g_autofree char *sj = elect_schedule_to_json (s, "zh");
  g_autoptr (JsonParser) p1 = json_parser_new ();
  JsonObject *o = parse_object (p1, sj);
  assert_string_equal (json_object_get_string_member (o, "format"), "libelect.schedule/1");
  JsonArray *steps = json_object_get_array_member (o, "steps");
  assert_int_equal (json_array_get_length (steps), elect_schedule_get_n_steps (s));
  JsonObject *proxy_list = NULL;
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *st = json_array_get_object_element (steps, i);
      if (strcmp (json_object_get_string_member (st, "code"), "proxy-list-published") == 0)
        proxy_list = st;
    }
  assert_non_null (proxy_list);
  assert_string_equal (json_object_get_string_member (proxy_list, "last"), "2026-12-18");
  assert_int_equal (json_object_get_int_member (proxy_list, "offset"), -2);
  assert_string_equal (json_object_get_string_member (proxy_list, "kind"), "deadline");
  assert_string_equal (json_object_get_string_member (proxy_list, "citation"),
                       "上海市村民委员会选举办法 第十六条");

  g_autoptr (ElectVillageDates) d = elect_village_dates_new (&e);
  elect_village_dates_set_profile (d, "shanghai-village-committee");
  elect_village_dates_set_village (d, "西村");
  elect_village_dates_set (d, "proxy-list-published", &late);
  g_autoptr (ElectScheduleCheck) c = elect_schedule_check (r, d, NULL);
  g_autofree char *cj = elect_schedule_check_to_json (c, "en");
  g_autoptr (JsonParser) p2 = json_parser_new ();
  o = parse_object (p2, cj);
  assert_string_equal (json_object_get_string_member (o, "format"), "libelect.schedule-check/1");
  assert_string_equal (json_object_get_string_member (o, "village"), "西村");
  assert_false (json_object_get_boolean_member (o, "on_time"));
  JsonObject *summary = json_object_get_object_member (o, "summary");
  assert_int_equal (json_object_get_int_member (summary, "late"), 1);
  steps = json_object_get_array_member (o, "steps");
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *st = json_array_get_object_element (steps, i);
      if (strcmp (json_object_get_string_member (st, "code"), "proxy-list-published") != 0)
        continue;
      assert_string_equal (json_object_get_string_member (st, "status"), "late");
      assert_int_equal (json_object_get_int_member (st, "days_late"), 1);
      assert_string_equal (json_object_get_string_member (st, "actual"), "2026-12-19");
      JsonObject *reason = json_object_get_object_member (st, "reason");
      assert_string_equal (json_object_get_string_member (reason, "code"), "schedule-late");
    }

  /* Dates for another profile. */
  g_autoptr (ElectRules) bj = rules ("beijing-village-committee");
  g_autoptr (GError) error = NULL;
  assert_null (elect_schedule_check (bj, d, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

/* ---- §10: recall and by-elections ------------------------------------------------ */

/* VCL 16 ¶1: one fifth of the voters or more: 5*s = voters valid, one less
 * signature not. */
static void
test_vcl16_recall_request_one_fifth_of_voters (void **state)
{
  (void) state;
  gboolean valid = FALSE;
  g_autoptr (ElectReason) r1 = elect_recall_check_request (1000, 200, 0, 0, &valid, NULL);
  assert_true (valid);
  assert_string_equal (elect_reason_get_code (r1), "recall-request-valid");
  assert_string_equal (elect_reason_get_citation (r1), "村民委员会组织法 第十六条第一款");
  g_autoptr (ElectReason) r2 = elect_recall_check_request (1000, 199, 0, 0, &valid, NULL);
  assert_false (valid);
  assert_string_equal (elect_reason_get_code (r2), "recall-request-invalid");
  /* 1001 voters: 5 * 201 = 1005 >= 1001 valid, 5 * 200 = 1000 not. */
  g_autoptr (ElectReason) r3 = elect_recall_check_request (1001, 201, 0, 0, &valid, NULL);
  assert_true (valid);
  g_autoptr (ElectReason) r4 = elect_recall_check_request (1001, 200, 0, 0, &valid, NULL);
  assert_false (valid);
  assert_non_null (strstr (elect_reason_get_message (r4, "zh"), "罢免"));
}

/* VCL 16 ¶1: one third of the representatives or more: 3*s = reps valid. */
static void
test_vcl16_recall_request_one_third_of_representatives (void **state)
{
  (void) state;
  gboolean valid = FALSE;
  g_autoptr (ElectReason) r1 = elect_recall_check_request (1000, 0, 30, 10, &valid, NULL);
  assert_true (valid);
  g_autoptr (ElectReason) r2 = elect_recall_check_request (1000, 0, 30, 9, &valid, NULL);
  assert_false (valid);
  /* No representatives: that route is not used. */
  g_autoptr (ElectReason) r3 = elect_recall_check_request (0, 0, 0, 0, &valid, NULL);
  assert_false (valid);
  g_autoptr (GError) error = NULL;
  assert_null (elect_recall_check_request (10, 11, 0, 0, &valid, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (elect_recall_check_request (-1, 0, 0, 0, &valid, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

/* VCL 16 ¶2: more than half of the registered voters vote: 2*returned =
 * registered fails, one more passes. */
static void
test_vcl16_recall_vote_turnout_more_than_half (void **state)
{
  (void) state;
  gboolean passed = TRUE;
  g_autoptr (ElectReason) r1 = elect_recall_check_vote (1000, 500, 500, &passed, NULL);
  assert_false (passed);
  assert_string_equal (elect_reason_get_code (r1), "recall-turnout-not-met");
  assert_string_equal (elect_reason_get_citation (r1), "村民委员会组织法 第十六条第二款");
  g_autoptr (ElectReason) r2 = elect_recall_check_vote (1000, 501, 501, &passed, NULL);
  assert_true (passed);
  assert_string_equal (elect_reason_get_code (r2), "recall-passed");
}

/* VCL 16 ¶2: more than half of those who voted say yes: 2*yes = returned
 * fails, one more passes. */
static void
test_vcl16_recall_vote_yes_more_than_half (void **state)
{
  (void) state;
  gboolean passed = TRUE;
  g_autoptr (ElectReason) r1 = elect_recall_check_vote (1000, 600, 300, &passed, NULL);
  assert_false (passed);
  assert_string_equal (elect_reason_get_code (r1), "recall-not-approved");
  g_autoptr (ElectReason) r2 = elect_recall_check_vote (1000, 600, 301, &passed, NULL);
  assert_true (passed);
  g_autoptr (GError) error = NULL;
  assert_null (elect_recall_check_vote (1000, 1001, 0, &passed, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (elect_recall_check_vote (1000, 600, 601, &passed, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

/* VCL 19: a by-elected member's term ends with the committee's (term_years
 * from the committee's election; CC 203 for 29 February). */
static void
test_vcl19_by_election_term_ends_with_committee (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = rules ("village-committee");
  GDate elected = ymd (2021, 3, 15), end;
  assert_true (elect_by_election_term_end (r, &elected, &end, NULL));
  assert_day (&end, ymd (2026, 3, 15));
  GDate leap = ymd (2024, 2, 29);
  assert_true (elect_by_election_term_end (r, &leap, &end, NULL));
  assert_day (&end, ymd (2029, 2, 28));

  GDate by = ymd (2024, 6, 1);
  g_autoptr (ElectReason) r1 = elect_by_election_check (r, &elected, &by, NULL);
  assert_string_equal (elect_reason_get_code (r1), "by-election-term");
  assert_string_equal (elect_reason_get_citation (r1), "村民委员会组织法 第十九条");
  assert_non_null (strstr (elect_reason_get_message (r1, "en"), "2026-03-15"));
  GDate last = ymd (2026, 3, 15), after = ymd (2026, 3, 16);
  g_autoptr (ElectReason) r2 = elect_by_election_check (r, &elected, &last, NULL);
  assert_string_equal (elect_reason_get_code (r2), "by-election-term");
  g_autoptr (ElectReason) r3 = elect_by_election_check (r, &elected, &after, NULL);
  assert_string_equal (elect_reason_get_code (r3), "by-election-after-term");
  g_autoptr (GError) error = NULL;
  GDate before = ymd (2020, 1, 1);
  assert_null (elect_by_election_check (r, &elected, &before, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vcl14_roll_published_by_e_minus_20),
    cmocka_unit_test (test_vcl14_objection_window_p_plus_1_to_p_plus_5),
    cmocka_unit_test (test_vcl14_objection_decision_3_days_after_receipt),
    cmocka_unit_test (test_zj20_self_nomination_closes_e_minus_10),
    cmocka_unit_test (test_candidate_list_e_minus_5_zj18_sh12_bj20_ha26_absent_vcl),
    cmocka_unit_test (test_zj22_voting_arrangements_e_minus_5),
    cmocka_unit_test (test_proxies_filed_zj25_e_minus_3_sh16_e_minus_5),
    cmocka_unit_test (test_sh16_proxy_list_e_minus_2),
    cmocka_unit_test (test_zj_candidate_withdrawal_e_minus_3),
    cmocka_unit_test (test_results_vcl15_on_e_zj32_e_plus_1),
    cmocka_unit_test (test_supplementary_zj29_sh21_e_plus_30_bj30_e_plus_15),
    cmocka_unit_test (test_vcl20_handover_10_days),
    cmocka_unit_test (test_vcl35_departure_audit_before_election),
    cmocka_unit_test (test_missing_and_not_held),
    cmocka_unit_test (test_reason_messages_zh_en),
    cmocka_unit_test (test_applicable_steps_per_profile),
    cmocka_unit_test (test_village_dates_reader),
    cmocka_unit_test (test_schedule_and_check_json),
    cmocka_unit_test (test_vcl16_recall_request_one_fifth_of_voters),
    cmocka_unit_test (test_vcl16_recall_request_one_third_of_representatives),
    cmocka_unit_test (test_vcl16_recall_vote_turnout_more_than_half),
    cmocka_unit_test (test_vcl16_recall_vote_yes_more_than_half),
    cmocka_unit_test (test_vcl19_by_election_term_ends_with_committee),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
