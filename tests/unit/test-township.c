/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The township view (issue 8, items 3 and 4): one test per rule, with both
 * sides of each boundary — a step's last day on D−1, D and D+1; due within
 * N days at N and N+1; a problem (挂账督办) due on D and on D+1; a 换届纪律
 * record on the first day of the window and the day before, on the last day
 * and the day after; each 四议两公开 order violation and the correct order;
 * the reader's errors; and the sample township on a fixed day. */
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
  g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g;
}

static char *
iso_plus (GDate base, int n)
{
  if (n >= 0)
    g_date_add_days (&base, (guint) n);
  else
    g_date_subtract_days (&base, (guint) -n);
  char buf[16];
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &base);
  return g_strdup (buf);
}

/* Election day E = 20 December 2026 (village-committee: the roll's last
 * day is E−20 = 30 November, the handover's E+10 = 30 December). */
#define E_ISO "2026-12-20"

/* A township of one village "测试村" on E with @extra members (JSON text
 * after "election_day", e.g. `"steps": {...}`), under @profile. */
static ElectTownship *
one_village (const char *profile, const char *extra)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"libelect.township/1\", \"township\": \"测试镇\", \"profile\": \"%s\","
    " \"villages\": [{\"name\": \"测试村\", \"election_day\": \"" E_ISO "\"%s%s}]}",
    profile, extra && *extra ? ", " : "", extra ? extra : "");
  g_autoptr (GError) error = NULL;
  ElectTownship *t = elect_township_new_from_json (json, -1, "t.json", &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (t);
  return t;
}

static ElectTownshipReport *
report_on (ElectTownship *t, GDate d, guint n)
{
  g_autoptr (GError) error = NULL;
  ElectTownshipReport *r = elect_township_report_new (t, &d, n, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (r);
  return r;
}

/* The index of the first finding of village 0 with @code and @subject (NULL:
 * any), or −1. */
static int
find (const ElectTownshipReport *r, const char *code, const char *subject)
{
  for (guint k = 0; k < elect_township_report_get_n_findings (r, 0); k++)
    {
      ElectReason *reason = elect_township_report_get_finding_reason (r, 0, k);
      if (strcmp (elect_reason_get_code (reason), code) == 0
          && (!subject || strcmp (elect_township_report_get_finding_subject (r, 0, k), subject) == 0))
        return (int) k;
    }
  return -1;
}

/* A local profile with the 换届纪律 window of @days days (policy, not law). */
static ElectRules *
discipline_rules (int days)
{
  g_autofree char *ini = g_strdup_printf (
    "[profile]\nname=local-discipline\ntitle=t\nextends=village-committee\n"
    "[schedule]\ndiscipline_days_before=%d\n"
    "discipline_days_before.citation=某县换届工作方案：换届纪律（地方政策，非法律条文）\n", days);
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load_from_data (ini, -1, "local.ini", &error);
  if (error)
    fail_msg ("%s", error->message);
  return r;
}

/* ---- progress (RULES.md §9 across villages) -------------------------------- */

/* The roll's last day is 30 November: on D = 1 December (last = D−1) it is
 * overdue; on D = 30 November (last = D) it is due, not overdue; on D = 29
 * November (last = D+1) due. */
static void
test_step_overdue_last_day_before_D (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = one_village ("village-committee", NULL);
  {
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 0);
    int k = find (r, "township-step-overdue", "roll-published");
    assert_true (k >= 0);
    assert_int_equal (elect_township_report_get_finding_kind (r, 0, (guint) k),
                      ELECT_TOWNSHIP_FINDING_OVERDUE);
    assert_true (elect_township_report_village_is_behind (r, 0));
    assert_true (elect_township_report_village_is_flagged (r, 0));
    ElectReason *reason = elect_township_report_get_finding_reason (r, 0, (guint) k);
    assert_string_equal (elect_reason_get_citation (reason), "村民委员会组织法 第十四条");
    assert_non_null (strstr (elect_reason_get_message (reason, "zh"), "公布选民名单"));
    g_auto (GStrv) behind = elect_township_report_list_behind (r);
    assert_int_equal (g_strv_length (behind), 1);
    assert_string_equal (behind[0], "测试村");
  }
  {
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 11, 30), 0);
    assert_int_equal (find (r, "township-step-overdue", "roll-published"), -1);
    assert_true (find (r, "township-step-due", "roll-published") >= 0);
    assert_false (elect_township_report_village_is_behind (r, 0));
  }
  {
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 11, 29), 1);
    assert_int_equal (find (r, "township-step-overdue", "roll-published"), -1);
    assert_true (find (r, "township-step-due", "roll-published") >= 0);
  }
}

/* Due within N days: last = D+N is due, last = D+N+1 is not. */
static void
test_step_due_within_n_days (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = one_village ("village-committee", NULL);
  GDate d = ymd (2026, 11, 20);   /* the roll's last day is D+10 */
  {
    g_autoptr (ElectTownshipReport) r = report_on (t, d, 10);
    int k = find (r, "township-step-due", "roll-published");
    assert_true (k >= 0);
    assert_int_equal (elect_township_report_get_finding_kind (r, 0, (guint) k),
                      ELECT_TOWNSHIP_FINDING_DUE);
    assert_int_equal (elect_township_report_count (r, 0, ELECT_TOWNSHIP_FINDING_DUE), 1);
  }
  {
    g_autoptr (ElectTownshipReport) r = report_on (t, d, 9);
    assert_int_equal (find (r, "township-step-due", "roll-published"), -1);
    assert_int_equal (elect_township_report_count (r, 0, ELECT_TOWNSHIP_FINDING_DUE), 0);
  }
}

/* Done by the last day: no finding; done after it (and by D): done late; a
 * date after D is not done yet on D. */
static void
test_step_done_on_time_late_or_after_D (void **state)
{
  (void) state;
  {
    g_autoptr (ElectTownship) t = one_village ("village-committee",
                                               "\"steps\": {\"roll-published\": \"2026-11-30\"}");
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 3), 0);
    assert_int_equal (find (r, "township-step-overdue", "roll-published"), -1);
    assert_int_equal (find (r, "township-step-done-late", "roll-published"), -1);
  }
  {
    g_autoptr (ElectTownship) t = one_village ("village-committee",
                                               "\"steps\": {\"roll-published\": \"2026-12-01\"}");
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 3), 0);
    assert_true (find (r, "township-step-done-late", "roll-published") >= 0);
    assert_false (elect_township_report_village_is_behind (r, 0));
    g_autoptr (ElectTownshipReport) before = report_on (t, ymd (2026, 11, 30), 0);
    assert_int_equal (find (before, "township-step-done-late", "roll-published"), -1);
  }
  {
    g_autoptr (ElectTownship) t = one_village ("village-committee",
                                               "\"steps\": {\"roll-published\": \"2026-12-02\"}");
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 0);
    assert_true (find (r, "township-step-overdue", "roll-published") >= 0);
  }
}

/* A conditional step (ZJ 20: self-nomination) without a date is never
 * overdue; the required ZJ 18 candidate list is. */
static void
test_conditional_step_never_overdue (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = one_village ("zhejiang-village-committee", NULL);
  g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 19), 0);
  assert_int_equal (find (r, "township-step-overdue", "self-nomination-closes"), -1);
  assert_true (find (r, "township-step-overdue", "candidate-list-published") >= 0);
}

/* ---- 挂账督办, 销号管理 ------------------------------------------------------- */

static void
test_problem_past_due_on_due_day (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = one_village ("village-committee",
    "\"problems\": ["
    "{\"id\": \"A\", \"text\": \"甲\", \"opened\": \"2026-11-01\", \"owner\": \"王\", \"due\": \"2026-12-01\"},"
    "{\"id\": \"B\", \"text\": \"乙\", \"opened\": \"2026-11-01\", \"due\": \"2026-12-02\"},"
    "{\"id\": \"C\", \"text\": \"丙\", \"opened\": \"2026-11-01\", \"due\": \"2026-11-20\", \"closed\": \"2026-12-01\"},"
    "{\"id\": \"D\", \"text\": \"丁\", \"opened\": \"2026-11-01\", \"due\": \"2026-11-20\", \"closed\": \"2026-12-02\"},"
    "{\"id\": \"E\", \"text\": \"戊\", \"opened\": \"2026-12-02\", \"due\": \"2026-12-03\"}]");
  g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 0);
  int a = find (r, "problem-past-due", "A");
  assert_true (a >= 0);   /* due on D, open: past due */
  assert_int_equal (elect_township_report_get_finding_kind (r, 0, (guint) a),
                    ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE);
  ElectReason *reason = elect_township_report_get_finding_reason (r, 0, (guint) a);
  assert_non_null (strstr (elect_reason_get_message (reason, "zh"), "挂账督办"));
  assert_non_null (strstr (elect_reason_get_citation (reason), "非法律条文"));
  assert_true (find (r, "problem-open", "B") >= 0);        /* due D+1: not past due */
  assert_int_equal (find (r, "problem-past-due", "B"), -1);
  assert_true (find (r, "problem-closed", "C") >= 0);      /* closed (销号) on D */
  assert_true (find (r, "problem-past-due", "D") >= 0);    /* closed only after D */
  assert_int_equal (find (r, "problem-open", "E"), -1);    /* opened after D */
  assert_int_equal (find (r, "problem-past-due", "E"), -1);
  assert_true (elect_township_report_village_is_flagged (r, 0));
}

/* ---- risk flags ---------------------------------------------------------------- */

static void
test_risk_flags_make_a_complex_village (void **state)
{
  (void) state;
  {
    g_autoptr (ElectTownship) t = one_village ("village-committee",
                                               "\"steps\": {\"roll-published\": \"2026-11-30\"}");
    g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 0);
    assert_false (elect_township_report_village_is_complex (r, 0));
    assert_int_equal (find (r, "village-complex", NULL), -1);
  }
  g_autoptr (ElectTownship) t = one_village ("village-committee",
    "\"steps\": {\"roll-published\": \"2026-11-30\"}, \"risks\": ["
    "{\"kind\": \"voided-election\", \"reason\": \"2021年选举无效\"},"
    "{\"kind\": \"petition\", \"reason\": \"信访\"},"
    "{\"kind\": \"clan-interference\", \"reason\": \"宗族\"},"
    "{\"kind\": \"village-bully\", \"reason\": \"村霸\"}]");
  g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 0);
  assert_true (elect_township_report_village_is_complex (r, 0));
  assert_true (elect_township_report_village_is_flagged (r, 0));
  assert_false (elect_township_report_village_is_behind (r, 0));
  assert_true (find (r, "risk-voided-election", "voided-election") >= 0);
  assert_true (find (r, "risk-petition", "petition") >= 0);
  assert_true (find (r, "risk-clan-interference", "clan-interference") >= 0);
  int k = find (r, "risk-village-bully", "village-bully");
  assert_true (k >= 0);
  assert_non_null (strstr (elect_reason_get_message (elect_township_report_get_finding_reason (r, 0, (guint) k), "zh"),
                           "村霸"));
  assert_true (find (r, "village-complex", "complex") >= 0);
  assert_int_equal (elect_township_report_count (r, 0, ELECT_TOWNSHIP_FINDING_RISK), 5);
}

/* ---- 换届纪律 ------------------------------------------------------------------- */

static ElectTownshipReport *
discipline_report (ElectRules *rules, const char *date, const char *kind)
{
  g_autofree char *extra = g_strdup_printf (
    "\"steps\": {\"roll-published\": \"2026-11-30\"},"
    " \"records\": [{\"kind\": \"%s\", \"date\": \"%s\", \"text\": \"记录\"}]", kind, date);
  g_autoptr (ElectTownship) t = one_village (rules ? elect_rules_get_name (rules) : "village-committee",
                                             extra);
  if (rules)
    elect_township_add_rules (t, rules);
  return report_on (t, ymd (2026, 12, 1), 0);
}

/* N = 90: the window starts on E−90 = 21 September 2026. */
static void
test_discipline_window_first_day (void **state)
{
  (void) state;
  g_autoptr (ElectRules) rules = discipline_rules (90);
  g_autofree char *first = iso_plus (ymd (2026, 12, 20), -90);
  g_autofree char *before = iso_plus (ymd (2026, 12, 20), -91);
  assert_string_equal (first, "2026-09-21");
  for (const char *const *k = elect_township_record_kinds (); *k; k++)
    {
      g_autoptr (ElectTownshipReport) in = discipline_report (rules, first, *k);
      int i = find (in, "discipline-in-window", *k);
      assert_true (i >= 0);
      ElectReason *reason = elect_township_report_get_finding_reason (in, 0, (guint) i);
      assert_string_equal (elect_reason_get_param (reason), "schedule.discipline_days_before");
      assert_non_null (strstr (elect_reason_get_citation (reason), "地方政策"));
      assert_non_null (strstr (elect_reason_get_message (reason, "zh"), "换届纪律"));
      assert_true (elect_township_report_village_is_flagged (in, 0));
      g_autoptr (ElectTownshipReport) out = discipline_report (rules, before, *k);
      assert_int_equal (find (out, "discipline-in-window", NULL), -1);
      assert_false (elect_township_report_village_is_flagged (out, 0));
    }
}

/* The window ends on the handover's last day, E+10 = 30 December. */
static void
test_discipline_window_last_day_is_handover (void **state)
{
  (void) state;
  g_autoptr (ElectRules) rules = discipline_rules (90);
  g_autoptr (ElectTownshipReport) in = discipline_report (rules, "2026-12-30", "seal-use");
  assert_true (find (in, "discipline-in-window", "seal-use") >= 0);
  g_autoptr (ElectTownshipReport) out = discipline_report (rules, "2026-12-31", "seal-use");
  assert_int_equal (find (out, "discipline-in-window", NULL), -1);
}

/* The national profile sets no window (no statute fixes one): no flag. */
static void
test_discipline_off_in_national_profile (void **state)
{
  (void) state;
  g_autoptr (ElectRules) vc = elect_rules_load ("village-committee", NULL);
  assert_false (elect_rules_is_set (vc, "schedule.discipline_days_before"));
  g_autoptr (ElectTownshipReport) r = discipline_report (NULL, "2026-12-01", "contract");
  assert_int_equal (find (r, "discipline-in-window", NULL), -1);
}

/* ---- 四议两公开 ------------------------------------------------------------------- */

static const char *const GOOD[6] = {
  "2026-06-01", "2026-06-03", "2026-06-05", "2026-06-07", "2026-06-09", "2026-09-01",
};

/* A report of one decision with the dates @dates (NULL: missing). */
static ElectTownshipReport *
decision_report (const char *const dates[6])
{
  const char *const *codes = elect_township_decision_step_codes ();
  GString *s = g_string_new ("\"steps\": {\"roll-published\": \"2026-11-30\"},"
                             " \"decisions\": [{\"id\": \"D1\", \"subject\": \"修路\", \"steps\": {");
  gboolean first = TRUE;
  for (int k = 0; k < 6; k++)
    if (dates[k])
      {
        g_string_append_printf (s, "%s\"%s\": \"%s\"", first ? "" : ", ", codes[k], dates[k]);
        first = FALSE;
      }
  g_string_append (s, "}}]");
  g_autofree char *extra = g_string_free (s, FALSE);
  g_autoptr (ElectTownship) t = one_village ("village-committee", extra);
  return report_on (t, ymd (2026, 12, 1), 0);
}

static void
test_decision_correct_order (void **state)
{
  (void) state;
  g_autoptr (ElectTownshipReport) r = decision_report (GOOD);
  int k = find (r, "decision-in-order", "D1");
  assert_true (k >= 0);
  assert_int_equal (elect_township_report_get_finding_kind (r, 0, (guint) k),
                    ELECT_TOWNSHIP_FINDING_DECISION_OK);
  assert_non_null (strstr (elect_reason_get_citation (elect_township_report_get_finding_reason (r, 0, (guint) k)),
                           "四议两公开"));
  assert_false (elect_township_report_village_is_flagged (r, 0));
  /* the same day for two steps is allowed */
  const char *const same[6] = { GOOD[0], GOOD[0], GOOD[2], GOOD[2], GOOD[4], GOOD[4] };
  g_autoptr (ElectTownshipReport) r2 = decision_report (same);
  assert_true (find (r2, "decision-in-order", "D1") >= 0);
}

/* Each step dated one day before the step preceding it is reported, and
 * only the first such step. */
static void
test_decision_each_step_out_of_order (void **state)
{
  (void) state;
  const char *const *codes = elect_township_decision_step_codes ();
  for (int k = 1; k < 6; k++)
    {
      const char *dates[6];
      memcpy (dates, GOOD, sizeof dates);
      g_autofree char *early = iso_plus (ymd (2026, 6, 1), 2 * (k - 1) - 1);   /* previous − 1 */
      if (k == 5)
        {
          g_free (early);
          early = g_strdup ("2026-06-08");
        }
      dates[k] = early;
      g_autoptr (ElectTownshipReport) r = decision_report (dates);
      int i = find (r, "decision-out-of-order", "D1");
      if (i < 0)
        fail_msg ("step %s dated %s: no decision-out-of-order", codes[k], early);
      assert_int_equal (elect_township_report_get_finding_kind (r, 0, (guint) i),
                        ELECT_TOWNSHIP_FINDING_DECISION);
      assert_int_equal (find (r, "decision-in-order", NULL), -1);
      assert_int_equal (elect_township_report_count (r, 0, ELECT_TOWNSHIP_FINDING_DECISION), 1);
      assert_true (elect_township_report_village_is_flagged (r, 0));
      /* the finding's date is the offending step's */
      g_autofree char *json = elect_township_report_to_json (r, "en");
      g_autofree char *needle = g_strdup_printf ("\"date\" : \"%s\"", early);
      assert_non_null (strstr (json, needle));
    }
}

/* Each missing step is reported as missing, naming it. */
static void
test_decision_each_step_missing (void **state)
{
  (void) state;
  static const char *const zh_titles[6] = {
    "村党组织提议", "村“两委”会议商议", "党员大会审议", "村民会议或村民代表会议决议", "决议公开", "实施结果公开",
  };
  for (int k = 0; k < 6; k++)
    {
      const char *dates[6];
      memcpy (dates, GOOD, sizeof dates);
      dates[k] = NULL;
      g_autoptr (ElectTownshipReport) r = decision_report (dates);
      int i = find (r, "decision-step-missing", "D1");
      assert_true (i >= 0);
      const char *msg = elect_reason_get_message (elect_township_report_get_finding_reason (r, 0, (guint) i), "zh");
      if (!g_str_has_prefix (msg, zh_titles[k]))
        fail_msg ("step %d: %s", k, msg);
      assert_int_equal (find (r, "decision-out-of-order", NULL), -1);
    }
}

/* ---- the reader ----------------------------------------------------------------- */

static void
expect_error (const char *json, int code, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectTownship) t = elect_township_new_from_json (json, -1, "bad.json", &error);
  assert_null (t);
  assert_non_null (error);
  if (error->code != code || !strstr (error->message, "bad.json") || !strstr (error->message, path))
    fail_msg ("code %d, message %s (expected %d, %s)", error->code, error->message, code, path);
}

#define HEAD "{\"format\": \"libelect.township/1\", \"profile\": \"village-committee\", \"villages\": "

static void
test_reader_errors_name_file_and_path (void **state)
{
  (void) state;
  expect_error ("{\"format\": \"x\"}", ELECT_ERROR_INVALID, "$.format");
  expect_error ("{", ELECT_ERROR_PARSE, "not JSON");
  expect_error (HEAD "[], \"bogus\": 1}", ELECT_ERROR_UNKNOWN_KEY, "bogus");
  expect_error (HEAD "[{\"name\": \"A\"}]}", ELECT_ERROR_INVALID, "$.villages[0].election_day");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-02-30\"}]}", ELECT_ERROR_INVALID,
                "$.villages[0].election_day");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\"},"
                " {\"name\": \"A\", \"election_day\": \"2026-12-20\"}]}",
                ELECT_ERROR_INVALID, "$.villages[1].name");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"steps\": {\"nope\": null}}]}",
                ELECT_ERROR_UNKNOWN_KEY, "$.villages[0].steps");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"profile\": \"../x\"}]}",
                ELECT_ERROR_INVALID, "$.villages[0].profile");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"risks\": [{\"kind\": \"x\", \"reason\": \"r\"}]}]}",
                ELECT_ERROR_UNKNOWN_KEY, "$.villages[0].risks[0].kind");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"records\": [{\"kind\": \"contract\"}]}]}",
                ELECT_ERROR_INVALID, "$.villages[0].records[0].date");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"problems\": ["
                "{\"id\": \"P\", \"text\": \"t\", \"opened\": \"2026-11-02\", \"due\": \"2026-11-01\"}]}]}",
                ELECT_ERROR_INVALID, "$.villages[0].problems[0].due");
  expect_error (HEAD "[{\"name\": \"A\", \"election_day\": \"2026-12-20\", \"decisions\": ["
                "{\"id\": \"D\", \"steps\": {\"party-vote\": \"2026-01-01\"}}]}]}",
                ELECT_ERROR_UNKNOWN_KEY, "$.villages[0].decisions[0].steps");
  expect_error ("{\"format\": \"libelect.township/1\", \"villages\": [{\"name\": \"A\", \"election_day\": \"2026-12-20\"}]}",
                ELECT_ERROR_INVALID, "$.villages[0].profile");
}

/* A profile that cannot be found is an error of the report naming the village. */
static void
test_report_unknown_profile (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = one_village ("no-such-profile", NULL);
  GDate d = ymd (2026, 12, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectTownshipReport) r = elect_township_report_new (t, &d, 7, &error);
  assert_null (r);
  assert_non_null (error);
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
  assert_non_null (strstr (error->message, "测试村"));
}

/* ---- the sample township ----------------------------------------------------------- */

#define SAMPLE TEST_DATA_DIR "/../../examples/data/township-2026/township.json"

/* On 1 December 2026 exactly these villages are behind (a required step
 * whose last day is before D is not done). */
static void
test_sample_township_behind_on_fixed_day (void **state)
{
  (void) state;
  static const char *const expected[] = { "北坡村", "松岗村", "石门村", "红旗村", "高桥村", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectTownship) t = elect_township_load (SAMPLE, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_true (elect_township_get_n_villages (t) >= 30);
  assert_string_equal (elect_township_get_name (t), "青山镇");
  g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 7);
  g_auto (GStrv) behind = elect_township_report_list_behind (r);
  g_autofree char *got = g_strjoinv (",", behind);
  g_autofree char *want = g_strjoinv (",", (char **) expected);
  assert_string_equal (got, want);
  /* the sample has each kind of finding */
  guint n[ELECT_TOWNSHIP_FINDING_DECISION_OK + 1] = { 0 };
  for (guint v = 0; v < elect_township_report_get_n_villages (r); v++)
    for (int k = 0; k <= ELECT_TOWNSHIP_FINDING_DECISION_OK; k++)
      n[k] += elect_township_report_count (r, v, (ElectTownshipFindingKind) k);
  for (int k = 0; k <= ELECT_TOWNSHIP_FINDING_DECISION_OK; k++)
    if (n[k] == 0)
      fail_msg ("no finding of kind %s in the sample",
                elect_township_finding_kind_to_string ((ElectTownshipFindingKind) k));
}

/* The report's JSON and table, in both languages. */
static void
test_report_json_and_text (void **state)
{
  (void) state;
  g_autoptr (ElectTownship) t = elect_township_load (SAMPLE, NULL);
  assert_non_null (t);
  g_autoptr (ElectTownshipReport) r = report_on (t, ymd (2026, 12, 1), 7);
  g_autofree char *json = elect_township_report_to_json (r, "zh");
  g_autoptr (JsonParser) p = json_parser_new ();
  assert_true (json_parser_load_from_data (p, json, -1, NULL));
  JsonObject *o = json_node_get_object (json_parser_get_root (p));
  assert_string_equal (json_object_get_string_member (o, "format"), "libelect.township-report/1");
  assert_string_equal (json_object_get_string_member (o, "date"), "2026-12-01");
  assert_int_equal (json_array_get_length (json_object_get_array_member (o, "behind")), 5);
  assert_true (json_array_get_length (json_object_get_array_member (o, "problems_past_due")) > 0);
  g_autofree char *zh = elect_township_report_to_text (r, "zh");
  assert_non_null (strstr (zh, "进度滞后：北坡村、松岗村"));
  assert_non_null (strstr (zh, "挂账督办"));
  g_autofree char *en = elect_township_report_to_text (r, "en");
  assert_non_null (strstr (en, "Behind: 北坡村, 松岗村"));
  assert_non_null (strstr (en, "Steps overdue:"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_step_overdue_last_day_before_D),
    cmocka_unit_test (test_step_due_within_n_days),
    cmocka_unit_test (test_step_done_on_time_late_or_after_D),
    cmocka_unit_test (test_conditional_step_never_overdue),
    cmocka_unit_test (test_problem_past_due_on_due_day),
    cmocka_unit_test (test_risk_flags_make_a_complex_village),
    cmocka_unit_test (test_discipline_window_first_day),
    cmocka_unit_test (test_discipline_window_last_day_is_handover),
    cmocka_unit_test (test_discipline_off_in_national_profile),
    cmocka_unit_test (test_decision_correct_order),
    cmocka_unit_test (test_decision_each_step_out_of_order),
    cmocka_unit_test (test_decision_each_step_missing),
    cmocka_unit_test (test_reader_errors_name_file_and_path),
    cmocka_unit_test (test_report_unknown_profile),
    cmocka_unit_test (test_sample_township_behind_on_fixed_day),
    cmocka_unit_test (test_report_json_and_text),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
