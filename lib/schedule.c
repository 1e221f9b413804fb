/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The election timeline (工期倒排, RULES.md §9), the check of a village's
 * actual dates, the libelect.village-dates/1 reader (doc/formats-schedule.md)
 * and the arithmetic of recall and by-elections (§10, VCL 16, 19). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "reason-private.h"
#include "rules-private.h"

/* ---- the steps -------------------------------------------------------------- */

/* Where a window starts. */
typedef enum {
  BASE_NONE,          /* a deadline: E − N */
  BASE_E,             /* the election day */
  BASE_ROLL,          /* the roll's publication */
  BASE_OBJECTION,     /* the receipt of an objection */
  BASE_COMMITTEE,     /* the committee's formation: E, or the supplementary round */
} Base;

typedef struct {
  const char *code;
  const char *title;          /* N_() */
  ElectParamId param;
  Base base;
  gboolean conditional;
  const char *depends_on;     /* the step whose actual date starts the window */
} StepDef;

enum {
  S_ROLL, S_OBJECTIONS, S_DECISION, S_SELF_NOMINATION, S_CANDIDATE_LIST, S_ARRANGEMENTS,
  S_PROXIES, S_PROXY_LIST, S_WITHDRAWAL, S_RESULTS, S_SUPPLEMENTARY, S_HANDOVER, S_AUDIT,
  N_STEPS
};

static const StepDef step_defs[N_STEPS] = {
  { "roll-published", N_("Roll published"), ELECT_P_ROLL_PUBLISH_DAYS_BEFORE, BASE_NONE, FALSE, NULL },
  { "objections-window", N_("Objections to the roll"), ELECT_P_ROLL_OBJECTION_DAYS, BASE_ROLL, TRUE,
    "roll-published" },
  { "objection-decision", N_("Decision on an objection"), ELECT_P_ROLL_DECISION_DAYS, BASE_OBJECTION,
    TRUE, "objections-window" },
  { "self-nomination-closes", N_("Self-nomination closes"), ELECT_P_CANDIDATES_SELF_NOMINATION_DAYS_BEFORE,
    BASE_NONE, TRUE, NULL },
  { "candidate-list-published", N_("Official candidate list published"),
    ELECT_P_CANDIDATES_LIST_DAYS_BEFORE, BASE_NONE, FALSE, NULL },
  { "voting-arrangements-announced", N_("Time, place and manner of voting announced"),
    ELECT_P_SCHEDULE_ARRANGEMENTS_DAYS_BEFORE, BASE_NONE, FALSE, NULL },
  { "proxies-filed", N_("Proxies filed"), ELECT_P_PROXY_FILED_DAYS_BEFORE, BASE_NONE, TRUE, NULL },
  { "proxy-list-published", N_("List of proxies published"), ELECT_P_PROXY_LIST_DAYS_BEFORE, BASE_NONE,
    TRUE, NULL },
  { "candidate-withdrawal", N_("Candidate withdrawal"), ELECT_P_CANDIDATES_WITHDRAWAL_DAYS_BEFORE,
    BASE_NONE, TRUE, NULL },
  { "results-announced", N_("Results announced"), ELECT_P_SCHEDULE_RESULTS_DAYS_AFTER, BASE_E, FALSE,
    NULL },
  { "supplementary-round", N_("Supplementary round"), ELECT_P_SUPPLEMENTARY_WITHIN_DAYS, BASE_E, TRUE,
    NULL },
  { "handover", N_("Handover to the new committee"), ELECT_P_SCHEDULE_HANDOVER_DAYS, BASE_COMMITTEE,
    FALSE, "supplementary-round" },
  { "departure-audit-published", N_("Departure audit results published"),
    ELECT_P_SCHEDULE_AUDIT_DAYS_BEFORE, BASE_NONE, FALSE, NULL },
};

static const char *const step_codes[N_STEPS + 1] = {
  "roll-published", "objections-window", "objection-decision", "self-nomination-closes",
  "candidate-list-published", "voting-arrangements-announced", "proxies-filed",
  "proxy-list-published", "candidate-withdrawal", "results-announced", "supplementary-round",
  "handover", "departure-audit-published", NULL,
};

static int
step_index (const char *code)
{
  if (code)
    for (int i = 0; i < N_STEPS; i++)
      if (strcmp (step_codes[i], code) == 0)
        return i;
  return -1;
}

const char *const *
elect_schedule_step_codes (void)
{
  return step_codes;
}

struct _ElectScheduleStep {
  const StepDef *def;
  gboolean applicable;
  gint64 days;
  GDate start;     /* windows only */
  GDate last;
  const char *citation;
};

struct _ElectSchedule {
  gatomicrefcount ref;
  ElectRules *rules;
  GDate day;
  ElectScheduleStep steps[N_STEPS];
};

struct _ElectVillageDates {
  gatomicrefcount ref;
  GDate day;
  char *profile;
  char *village;
  GDate actual[N_STEPS];
};

typedef struct {
  ElectScheduleStatus status;
  gint64 days_late;
  GDate actual;
  ElectReason *reason;
} CheckRow;

struct _ElectScheduleCheck {
  gatomicrefcount ref;
  ElectSchedule *schedule;
  char *village;
  CheckRow rows[N_STEPS];
};

/* Dates are at least a year after 1 January of year 1 (E − 365 stays valid). */
#define MIN_JULIAN 366

static void
iso (const GDate *d, char buf[16])
{
  if (d && g_date_valid (d))
    g_date_strftime (buf, 16, "%Y-%m-%d", d);
  else
    g_strlcpy (buf, "-", 16);
}

static const char *
cite (const ElectRules *rules, ElectParamId id)
{
  const char *c = elect_rules_p_citation (rules, id);
  return c ? c : "";
}

static gboolean
date_set (const GDate *d)
{
  return d && g_date_valid (d);
}

/* Computes the steps; @actual (nullable) gives the actual dates that start
 * dependent windows. */
static ElectSchedule *
schedule_build (ElectRules *rules, const GDate *day, const GDate *actual)
{
  ElectSchedule *s = g_new0 (ElectSchedule, 1);
  g_atomic_ref_count_init (&s->ref);
  s->rules = elect_rules_ref (rules);
  s->day = *day;
  gboolean proxies = elect_rules_p_int (rules, ELECT_P_PROXY_ALLOWED) != 0;

  for (int i = 0; i < N_STEPS; i++)
    {
      ElectScheduleStep *st = &s->steps[i];
      const StepDef *def = &step_defs[i];
      st->def = def;
      st->days = -1;
      g_date_clear (&st->start, 1);
      g_date_clear (&st->last, 1);
      st->citation = cite (rules, def->param);
      if (!elect_rules_p_is_set (rules, def->param)
          || ((i == S_PROXIES || i == S_PROXY_LIST) && !proxies))
        continue;
      gint64 n = elect_rules_p_int (rules, def->param);
      GDate start;
      g_date_clear (&start, 1);
      switch (def->base)
        {
        case BASE_NONE:
          /* RULES.md §1.6: "选举日的N日前" is met by d <= E − N. */
          st->last = *day;
          g_date_subtract_days (&st->last, (guint) n);
          break;
        case BASE_E:
          start = *day;
          break;
        case BASE_ROLL:
          if (actual && date_set (&actual[S_ROLL]))
            start = actual[S_ROLL];
          else if (s->steps[S_ROLL].applicable)
            start = s->steps[S_ROLL].last;
          break;
        case BASE_OBJECTION:
          if (actual && date_set (&actual[S_OBJECTIONS]))
            start = actual[S_OBJECTIONS];
          else if (s->steps[S_OBJECTIONS].applicable)
            start = s->steps[S_OBJECTIONS].last;
          break;
        case BASE_COMMITTEE:
          start = *day;
          if (actual && date_set (&actual[S_SUPPLEMENTARY]) && s->steps[S_SUPPLEMENTARY].applicable
              && g_date_compare (&actual[S_SUPPLEMENTARY], day) > 0)
            start = actual[S_SUPPLEMENTARY];
          break;
        }
      if (def->base != BASE_NONE)
        {
          if (!g_date_valid (&start))
            continue;   /* nothing to start from: the roll has no deadline */
          GDate first;
          g_date_clear (&first, 1);
          /* The windows of the roll (VCL 14) are those of roll.c; CC 201: the
           * start day is not counted, the last day is P + N. */
          if (def->base == BASE_ROLL)
            elect_roll_objection_window (rules, &start, &first, &st->last, NULL);
          else if (def->base == BASE_OBJECTION)
            elect_roll_decision_deadline (rules, &start, &st->last, NULL);
          else
            {
              st->last = start;
              g_date_add_days (&st->last, (guint) n);
            }
          st->start = start;
        }
      st->days = n;
      st->applicable = TRUE;
    }
  return s;
}

ElectSchedule *
elect_schedule_new (ElectRules *rules, const GDate *election_day)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day)
                        && g_date_get_julian (election_day) >= MIN_JULIAN, NULL);
  return schedule_build (rules, election_day, NULL);
}

ElectSchedule *
elect_schedule_ref (ElectSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_schedule_unref (ElectSchedule *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  elect_rules_unref (self->rules);
  g_free (self);
}

const ElectRules *
elect_schedule_get_rules (const ElectSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

const GDate *
elect_schedule_get_election_day (const ElectSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->day;
}

guint
elect_schedule_get_n_steps (const ElectSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return N_STEPS;
}

const ElectScheduleStep *
elect_schedule_get_step (const ElectSchedule *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < N_STEPS, NULL);
  return &self->steps[index];
}

const ElectScheduleStep *
elect_schedule_lookup_step (const ElectSchedule *self, const char *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  int i = step_index (code);
  return i < 0 ? NULL : &self->steps[i];
}

GPtrArray *
elect_schedule_list_applicable_steps (const ElectSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  GPtrArray *a = g_ptr_array_new ();
  for (int i = 0; i < N_STEPS; i++)
    if (self->steps[i].applicable)
      g_ptr_array_add (a, (gpointer) &self->steps[i]);
  return a;
}

const char *
elect_schedule_step_get_code (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return step->def->code;
}

const char *
elect_schedule_step_get_title (const ElectScheduleStep *step, const char *lang)
{
  g_return_val_if_fail (step != NULL, NULL);
  return elect_tr (lang, step->def->title);
}

ElectScheduleKind
elect_schedule_step_get_kind (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, ELECT_SCHEDULE_KIND_DEADLINE);
  return step->def->base == BASE_NONE ? ELECT_SCHEDULE_KIND_DEADLINE : ELECT_SCHEDULE_KIND_WINDOW;
}

gboolean
elect_schedule_step_is_applicable (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);
  return step->applicable;
}

gboolean
elect_schedule_step_is_conditional (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);
  return step->def->conditional;
}

gint64
elect_schedule_step_get_days (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, -1);
  return step->days;
}

const GDate *
elect_schedule_step_get_start (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return g_date_valid (&step->start) ? &step->start : NULL;
}

const GDate *
elect_schedule_step_get_last (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return g_date_valid (&step->last) ? &step->last : NULL;
}

const char *
elect_schedule_step_get_depends_on (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return step->def->depends_on;
}

const char *
elect_schedule_step_get_param (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return elect_rules_p_key (step->def->param);
}

const char *
elect_schedule_step_get_citation (const ElectScheduleStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);
  return step->citation;
}

/* ---- JSON writers ------------------------------------------------------------ */

static void
add_date (JsonBuilder *b, const char *name, const GDate *d)
{
  char buf[16];
  json_builder_set_member_name (b, name);
  if (date_set (d))
    {
      iso (d, buf);
      json_builder_add_string_value (b, buf);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_step (JsonBuilder *b, const ElectSchedule *s, const ElectScheduleStep *st, const char *lang)
{
  add_string (b, "code", st->def->code);
  add_string (b, "title", elect_tr (lang, st->def->title));
  add_string (b, "kind", elect_schedule_kind_to_string (elect_schedule_step_get_kind (st)));
  json_builder_set_member_name (b, "applicable");
  json_builder_add_boolean_value (b, st->applicable);
  json_builder_set_member_name (b, "conditional");
  json_builder_add_boolean_value (b, st->def->conditional);
  json_builder_set_member_name (b, "days");
  if (st->applicable)
    json_builder_add_int_value (b, st->days);
  else
    json_builder_add_null_value (b);
  add_date (b, "start", &st->start);
  add_date (b, "last", &st->last);
  json_builder_set_member_name (b, "offset");
  if (st->applicable)
    json_builder_add_int_value (b, g_date_days_between (&s->day, &st->last));
  else
    json_builder_add_null_value (b);
  add_string (b, "depends_on", st->def->depends_on);
  add_string (b, "param", elect_rules_p_key (st->def->param));
  add_string (b, "citation", st->citation);
}

static char *
finish (JsonBuilder *b)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

char *
elect_schedule_to_json (const ElectSchedule *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", "libelect.schedule/1");
  add_string (b, "profile", elect_rules_get_name (self->rules));
  add_date (b, "election_day", &self->day);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (int i = 0; i < N_STEPS; i++)
    {
      json_builder_begin_object (b);
      add_step (b, self, &self->steps[i], lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return finish (b);
}

/* ---- village dates ---------------------------------------------------------- */

ElectVillageDates *
elect_village_dates_new (const GDate *election_day)
{
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day)
                        && g_date_get_julian (election_day) >= MIN_JULIAN, NULL);
  ElectVillageDates *d = g_new0 (ElectVillageDates, 1);
  g_atomic_ref_count_init (&d->ref);
  d->day = *election_day;
  for (int i = 0; i < N_STEPS; i++)
    g_date_clear (&d->actual[i], 1);
  return d;
}

ElectVillageDates *
elect_village_dates_ref (ElectVillageDates *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_village_dates_unref (ElectVillageDates *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->profile);
  g_free (self->village);
  g_free (self);
}

const GDate *
elect_village_dates_get_election_day (const ElectVillageDates *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->day;
}

void
elect_village_dates_set_profile (ElectVillageDates *self, const char *profile)
{
  g_return_if_fail (self != NULL);
  g_free (self->profile);
  self->profile = g_strdup (profile);
}

const char *
elect_village_dates_get_profile (const ElectVillageDates *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->profile;
}

void
elect_village_dates_set_village (ElectVillageDates *self, const char *village)
{
  g_return_if_fail (self != NULL);
  g_free (self->village);
  self->village = g_strdup (village);
}

const char *
elect_village_dates_get_village (const ElectVillageDates *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->village;
}

void
elect_village_dates_set (ElectVillageDates *self, const char *code, const GDate *date)
{
  g_return_if_fail (self != NULL);
  int i = step_index (code);
  g_return_if_fail (i >= 0);
  g_return_if_fail (date == NULL || g_date_valid (date));
  if (date)
    self->actual[i] = *date;
  else
    g_date_clear (&self->actual[i], 1);
}

const GDate *
elect_village_dates_get (const ElectVillageDates *self, const char *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  int i = step_index (code);
  return i >= 0 && g_date_valid (&self->actual[i]) ? &self->actual[i] : NULL;
}

char *
elect_village_dates_to_json (const ElectVillageDates *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", "libelect.village-dates/1");
  if (self->profile)
    add_string (b, "profile", self->profile);
  if (self->village)
    add_string (b, "village", self->village);
  add_date (b, "election_day", &self->day);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_object (b);
  for (int i = 0; i < N_STEPS; i++)
    if (g_date_valid (&self->actual[i]))
      add_date (b, step_codes[i], &self->actual[i]);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return finish (b);
}

/* The reader (style of slate-json.c: every error names the origin and the
 * JSON path). */
#define DATES_MAX_INPUT (1024 * 1024)
/* Four-digit years from 1000: E − 365 days stays a valid GDate. */
#define DATES_MIN_YEAR 1000

ElectVillageDates *
elect_village_dates_new_from_json (const char *data, gssize length, const char *origin,
                                   GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!origin)
    origin = "<village-dates>";
  g_autoptr (JsonNode) root = elect_json_doc_parse (data, length, origin, DATES_MAX_INPUT,
                                                     "libelect.village-dates/1", error);
  if (!root)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  static const char *const top[] = { "format", "profile", "village", "election_day", "steps", NULL };
  if (!elect_json_check_members (o, top, origin, "$", error))
    return NULL;
  GDate day;
  if (!elect_json_get_date (o, "election_day", ELECT_JSON_REQUIRED | ELECT_JSON_DATE_TYPE,
                            DATES_MIN_YEAR, &day, NULL, origin, "$", error))
    return NULL;
  g_autoptr (ElectVillageDates) d = elect_village_dates_new (&day);
  gboolean failed;
  const char *profile = elect_json_get_string (o, "profile", ELECT_JSON_NULL_ABSENT, origin, "$",
                                               error, &failed);
  if (failed)
    return NULL;
  const char *village = elect_json_get_string (o, "village", ELECT_JSON_NULL_ABSENT, origin, "$",
                                               error, &failed);
  if (failed)
    return NULL;
  d->profile = g_strdup (profile);
  d->village = g_strdup (village);
  JsonNode *steps = json_object_get_member (o, "steps");
  if (!steps)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.steps: missing (an object)"),
                   origin);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (steps))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.steps: expected an object"),
                   origin);
      return NULL;
    }
  JsonObject *so = json_node_get_object (steps);
  g_autoptr (GList) members = json_object_get_members (so);
  for (GList *l = members; l; l = l->next)
    {
      const char *code = l->data;
      if (g_str_has_prefix (code, "x-"))
        continue;
      int i = step_index (code);
      if (i < 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY, _("%s: %s: unknown step “%s”"),
                       origin, "$.steps", code);
          return NULL;
        }
      /* null: not recorded */
      if (!elect_json_get_date (so, code, ELECT_JSON_NULL_ABSENT | ELECT_JSON_DATE_TYPE,
                                DATES_MIN_YEAR, &d->actual[i], NULL, origin, "$.steps", error))
        return NULL;
    }
  return g_steal_pointer (&d);
}

ElectVillageDates *
elect_village_dates_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!elect_json_doc_read_file (path, &text, &len, error))
    return NULL;
  return elect_village_dates_new_from_json (text, (gssize) len, path, error);
}

/* ---- checking ------------------------------------------------------------------ */

/* A reason whose message names the step in each language: "<title>: "
 * then @fmt (an English format marked N_(), translated in po/zh_CN.po). */
static ElectReason *step_reason (const char *code, const ElectScheduleStep *st,
                                 const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static ElectReason *
step_reason (const char *code, const ElectScheduleStep *st, const char *fmt, ...)
{
  va_list ap, ap2;
  va_start (ap, fmt);
  va_copy (ap2, ap);
  g_autofree char *rest_en = NULL, *rest_zh = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  rest_en = g_strdup_vprintf (fmt, ap);
  rest_zh = g_strdup_vprintf (elect_tr ("zh", fmt), ap2);
#pragma GCC diagnostic pop
  va_end (ap2);
  va_end (ap);
  g_autofree char *en = g_strdup_printf ("%s: %s", st->def->title, rest_en);
  g_autofree char *zh = g_strdup_printf ("%s：%s", elect_tr ("zh", st->def->title), rest_zh);
  return elect_reason_new_full (code, st->citation, elect_rules_p_key (st->def->param), en, zh);
}

static void
check_row (CheckRow *row, const ElectScheduleStep *st, const GDate *actual)
{
  char a[16], last[16], start[16];
  row->days_late = 0;
  g_date_clear (&row->actual, 1);
  if (date_set (actual))
    row->actual = *actual;
  iso (actual, a);
  iso (&st->last, last);
  iso (&st->start, start);

  if (!st->applicable)
    {
      row->status = ELECT_SCHEDULE_STATUS_NOT_APPLICABLE;
      row->reason = step_reason ("schedule-not-applicable", st,
                                 N_("the profile sets no time limit for this step"));
      return;
    }
  if (!date_set (actual))
    {
      if (st->def->conditional)
        {
          row->status = ELECT_SCHEDULE_STATUS_NOT_HELD;
          row->reason = step_reason ("schedule-not-held", st,
                                     N_("no date recorded: the step takes place only when needed (last day %s)"),
                                     last);
        }
      else
        {
          row->status = ELECT_SCHEDULE_STATUS_MISSING;
          row->reason = step_reason ("schedule-missing", st, N_("no date recorded (last day %s)"), last);
        }
      return;
    }
  if (g_date_valid (&st->start) && g_date_compare (actual, &st->start) < 0)
    {
      row->status = ELECT_SCHEDULE_STATUS_EARLY;
      row->days_late = -(gint64) g_date_days_between (actual, &st->start);
      row->reason = step_reason ("schedule-early", st,
                                 N_("done on %s, %lld day(s) before the period starts on %s"),
                                 a, (long long) -row->days_late, start);
      return;
    }
  gint64 late = g_date_days_between (&st->last, actual);
  if (late <= 0)
    {
      row->status = ELECT_SCHEDULE_STATUS_ON_TIME;
      row->reason = step_reason ("schedule-on-time", st, N_("done on %s, by the last day %s"), a, last);
      return;
    }
  row->status = ELECT_SCHEDULE_STATUS_LATE;
  row->days_late = late;
  row->reason = step_reason ("schedule-late", st, N_("done on %s, %lld day(s) after the last day %s"),
                             a, (long long) late, last);
}

ElectScheduleCheck *
elect_schedule_check (ElectRules *rules, const ElectVillageDates *dates, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (dates != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (dates->profile && strcmp (dates->profile, elect_rules_get_name (rules)) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The dates are for the profile “%s”, not “%s”"), dates->profile,
                   elect_rules_get_name (rules));
      return NULL;
    }
  ElectScheduleCheck *c = g_new0 (ElectScheduleCheck, 1);
  g_atomic_ref_count_init (&c->ref);
  c->schedule = schedule_build (rules, &dates->day, dates->actual);
  c->village = g_strdup (dates->village);
  for (int i = 0; i < N_STEPS; i++)
    check_row (&c->rows[i], &c->schedule->steps[i], &dates->actual[i]);
  return c;
}

ElectScheduleCheck *
elect_schedule_check_ref (ElectScheduleCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_schedule_check_unref (ElectScheduleCheck *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  for (int i = 0; i < N_STEPS; i++)
    elect_reason_unref (self->rows[i].reason);
  elect_schedule_unref (self->schedule);
  g_free (self->village);
  g_free (self);
}

const ElectSchedule *
elect_schedule_check_get_schedule (const ElectScheduleCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->schedule;
}

const char *
elect_schedule_check_get_village (const ElectScheduleCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->village;
}

ElectScheduleStatus
elect_schedule_check_get_status (const ElectScheduleCheck *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < N_STEPS, ELECT_SCHEDULE_STATUS_NOT_APPLICABLE);
  return self->rows[index].status;
}

gint64
elect_schedule_check_get_days_late (const ElectScheduleCheck *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < N_STEPS, 0);
  return self->rows[index].days_late;
}

const GDate *
elect_schedule_check_get_actual (const ElectScheduleCheck *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < N_STEPS, NULL);
  return g_date_valid (&self->rows[index].actual) ? &self->rows[index].actual : NULL;
}

ElectReason *
elect_schedule_check_get_reason (const ElectScheduleCheck *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < N_STEPS, NULL);
  return self->rows[index].reason;
}

gint
elect_schedule_check_find (const ElectScheduleCheck *self, const char *code)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (code != NULL, -1);
  return step_index (code);
}

guint
elect_schedule_check_count (const ElectScheduleCheck *self, ElectScheduleStatus status)
{
  g_return_val_if_fail (self != NULL, 0);
  guint n = 0;
  for (int i = 0; i < N_STEPS; i++)
    n += self->rows[i].status == status;
  return n;
}

gboolean
elect_schedule_check_is_on_time (const ElectScheduleCheck *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return elect_schedule_check_count (self, ELECT_SCHEDULE_STATUS_LATE) == 0
         && elect_schedule_check_count (self, ELECT_SCHEDULE_STATUS_EARLY) == 0
         && elect_schedule_check_count (self, ELECT_SCHEDULE_STATUS_MISSING) == 0;
}

static void
add_reason (JsonBuilder *b, const ElectReason *r, const char *lang)
{
  json_builder_begin_object (b);
  add_string (b, "code", elect_reason_get_code (r));
  add_string (b, "message", elect_reason_get_message (r, lang));
  add_string (b, "citation", elect_reason_get_citation (r));
  add_string (b, "param", elect_reason_get_param (r));
  json_builder_end_object (b);
}

static const ElectScheduleStatus all_statuses[] = {
  ELECT_SCHEDULE_STATUS_ON_TIME, ELECT_SCHEDULE_STATUS_LATE, ELECT_SCHEDULE_STATUS_EARLY,
  ELECT_SCHEDULE_STATUS_MISSING, ELECT_SCHEDULE_STATUS_NOT_HELD,
  ELECT_SCHEDULE_STATUS_NOT_APPLICABLE,
};

char *
elect_schedule_check_to_json (const ElectScheduleCheck *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  const ElectSchedule *s = self->schedule;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", "libelect.schedule-check/1");
  add_string (b, "profile", elect_rules_get_name (s->rules));
  add_string (b, "village", self->village);
  add_date (b, "election_day", &s->day);
  json_builder_set_member_name (b, "on_time");
  json_builder_add_boolean_value (b, elect_schedule_check_is_on_time (self));
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  for (gsize k = 0; k < G_N_ELEMENTS (all_statuses); k++)
    {
      json_builder_set_member_name (b, elect_schedule_status_to_string (all_statuses[k]));
      json_builder_add_int_value (b, elect_schedule_check_count (self, all_statuses[k]));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (int i = 0; i < N_STEPS; i++)
    {
      const CheckRow *row = &self->rows[i];
      json_builder_begin_object (b);
      add_step (b, s, &s->steps[i], lang);
      add_string (b, "status", elect_schedule_status_to_string (row->status));
      add_date (b, "actual", &row->actual);
      json_builder_set_member_name (b, "days_late");
      json_builder_add_int_value (b, row->days_late);
      json_builder_set_member_name (b, "reason");
      add_reason (b, row->reason, lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return finish (b);
}

/* ---- recall (罢免) and by-elections (补选), VCL 16, 19 ------------------------- */

#define CITE_RECALL_REQUEST "村民委员会组织法 第十六条第一款"
#define CITE_RECALL_VOTE "村民委员会组织法 第十六条第二款"
#define CITE_BY_ELECTION "村民委员会组织法 第十九条"

static gboolean
count_ok (gint64 v, GError **error)
{
  if (v < 0 || v > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Recall: the counts must be from 0 to %lld"), (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  return TRUE;
}

ElectReason *
elect_recall_check_request (gint64 voters, gint64 voter_signatures, gint64 representatives,
                            gint64 representative_signatures, gboolean *out_valid, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (out_valid)
    *out_valid = FALSE;
  if (!count_ok (voters, error) || !count_ok (voter_signatures, error)
      || !count_ok (representatives, error) || !count_ok (representative_signatures, error))
    return NULL;
  if (voter_signatures > voters)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Recall: more signatures (%lld) than voters (%lld)"),
                   (long long) voter_signatures, (long long) voters);
      return NULL;
    }
  if (representative_signatures > representatives)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Recall: more signatures (%lld) than representatives (%lld)"),
                   (long long) representative_signatures, (long long) representatives);
      return NULL;
    }
  /* VCL 16 ¶1: "五分之一以上" and "三分之一以上" include the boundary
   * (RULES.md §1.3). */
  gboolean by_voters = voters > 0 && 5 * voter_signatures >= voters;
  gboolean by_reps = representatives > 0 && 3 * representative_signatures >= representatives;
  if (out_valid)
    *out_valid = by_voters || by_reps;
  if (by_voters)
    return elect_reason_new_printf ("recall-request-valid", CITE_RECALL_REQUEST, NULL,
                                    N_("Recall request signed by %lld of %lld voters: one fifth or more, the request is valid"),
                                    (long long) voter_signatures, (long long) voters);
  if (by_reps)
    return elect_reason_new_printf ("recall-request-valid", CITE_RECALL_REQUEST, NULL,
                                    N_("Recall request signed by %lld of %lld villagers' representatives: one third or more, the request is valid"),
                                    (long long) representative_signatures, (long long) representatives);
  return elect_reason_new_printf ("recall-request-invalid", CITE_RECALL_REQUEST, NULL,
                                  N_("Recall request signed by %lld of %lld voters and %lld of %lld villagers' representatives: less than one fifth of the voters and less than one third of the representatives, the request is not valid"),
                                  (long long) voter_signatures, (long long) voters,
                                  (long long) representative_signatures, (long long) representatives);
}

ElectReason *
elect_recall_check_vote (gint64 registered, gint64 returned, gint64 yes, gboolean *out_passed,
                         GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (out_passed)
    *out_passed = FALSE;
  if (!count_ok (registered, error) || !count_ok (returned, error) || !count_ok (yes, error))
    return NULL;
  if (returned > registered)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Recall: more ballots returned (%lld) than registered voters (%lld)"),
                   (long long) returned, (long long) registered);
      return NULL;
    }
  if (yes > returned)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Recall: more yes votes (%lld) than ballots returned (%lld)"),
                   (long long) yes, (long long) returned);
      return NULL;
    }
  /* VCL 16 ¶2: "过半数" is strictly more than half (RULES.md §1.2). */
  if (!(2 * returned > registered))
    return elect_reason_new_printf ("recall-turnout-not-met", CITE_RECALL_VOTE, NULL,
                                    N_("Recall vote: %lld of %lld registered voters voted, not more than half: the recall fails"),
                                    (long long) returned, (long long) registered);
  if (!(2 * yes > returned))
    return elect_reason_new_printf ("recall-not-approved", CITE_RECALL_VOTE, NULL,
                                    N_("Recall vote: %lld yes of %lld ballots returned, not more than half: the recall fails"),
                                    (long long) yes, (long long) returned);
  if (out_passed)
    *out_passed = TRUE;
  return elect_reason_new_printf ("recall-passed", CITE_RECALL_VOTE, NULL,
                                  N_("Recall vote: %lld of %lld registered voters voted and %lld voted yes, more than half each: the member is recalled"),
                                  (long long) returned, (long long) registered, (long long) yes);
}

gboolean
elect_by_election_term_end (const ElectRules *rules, const GDate *committee_elected,
                            GDate *out_end, GError **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (date_set (committee_elected), FALSE);
  g_return_val_if_fail (out_end != NULL, FALSE);
  if (!elect_rules_p_is_set (rules, ELECT_P_GENERAL_TERM_YEARS))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNSET, _("The profile has no value for %s"),
                   elect_rules_p_key (ELECT_P_GENERAL_TERM_YEARS));
      return FALSE;
    }
  guint years = (guint) elect_rules_p_int (rules, ELECT_P_GENERAL_TERM_YEARS);
  guint y = g_date_get_year (committee_elected) + years;
  GDateMonth m = g_date_get_month (committee_elected);
  GDateDay d = g_date_get_day (committee_elected);
  g_date_clear (out_end, 1);
  /* CC 203: the corresponding day; without one, the last day of the month. */
  if (m == G_DATE_FEBRUARY && d == 29 && !g_date_is_leap_year ((GDateYear) y))
    d = 28;
  g_date_set_dmy (out_end, d, m, (GDateYear) y);
  return TRUE;
}

ElectReason *
elect_by_election_check (const ElectRules *rules, const GDate *committee_elected,
                         const GDate *by_election_day, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (date_set (committee_elected) && date_set (by_election_day), NULL);
  char b1[16], b2[16];
  GDate end;
  if (g_date_compare (by_election_day, committee_elected) < 0)
    {
      iso (by_election_day, b1);
      iso (committee_elected, b2);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The by-election day %s is before the committee's election day %s"), b1, b2);
      return NULL;
    }
  if (!elect_by_election_term_end (rules, committee_elected, &end, error))
    return NULL;
  iso (by_election_day, b1);
  iso (&end, b2);
  if (g_date_compare (by_election_day, &end) > 0)
    return elect_reason_new_printf ("by-election-after-term", CITE_BY_ELECTION,
                                    elect_rules_p_key (ELECT_P_GENERAL_TERM_YEARS),
                                    N_("A by-election on %s is after the committee's term ended on %s: a new committee is to be elected"),
                                    b1, b2);
  return elect_reason_new_printf ("by-election-term", CITE_BY_ELECTION,
                                  elect_rules_p_key (ELECT_P_GENERAL_TERM_YEARS),
                                  N_("A member elected in the by-election on %s serves until the committee's term ends on %s"),
                                  b1, b2);
}
