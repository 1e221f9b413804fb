/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The township view (issue 8, items 3 and 4): the libelect.township/1
 * reader (doc/formats-township.md) and the report on a day D — steps
 * overdue and due across villages (RULES.md §9), problems under
 * supervision (挂账督办, 销号), risk flags, 换届纪律 records and the
 * 四议两公开 order of major decisions. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "reason-private.h"

/* ---- vocabularies ---------------------------------------------------------- */

enum { DEC_PROPOSAL, DEC_DISCUSSION, DEC_DELIBERATION, DEC_DECISION, DEC_DECISION_PUBLISHED,
       DEC_RESULT_PUBLISHED, N_DEC_STEPS };

static const char *const decision_codes[N_DEC_STEPS + 1] = {
  "party-proposal", "two-committees-discussion", "party-members-deliberation",
  "villagers-decision", "decision-published", "result-published", NULL,
};

static const char *const decision_titles[N_DEC_STEPS] = {
  N_("Proposal of the village Party organisation"),
  N_("Discussion by the two committees"),
  N_("Deliberation of the Party members' meeting"),
  N_("Decision of the villagers' (representatives') meeting"),
  N_("Decision made public"),
  N_("Result of implementation made public"),
};

enum { REC_PARTY_ADMISSION, REC_SPENDING, REC_CONTRACT, REC_ASSET_DISPOSAL, REC_SEAL_USE, N_REC };

static const char *const record_kinds[N_REC + 1] = {
  "party-admission", "spending", "contract", "asset-disposal", "seal-use", NULL,
};

static const char *const record_titles[N_REC] = {
  N_("Admission of a Party member"),
  N_("Spending"),
  N_("Contract signed"),
  N_("Disposal of collective assets"),
  N_("Use of the village seal"),
};

enum { RISK_VOIDED, RISK_PETITION, RISK_CLAN, RISK_BULLY, N_RISK };

static const char *const risk_kinds[N_RISK + 1] = {
  "voided-election", "petition", "clan-interference", "village-bully", NULL,
};

static const char *const risk_titles[N_RISK] = {
  N_("Risk: a prior election was declared void"),
  N_("Risk: petitions"),
  N_("Risk: interference by clan forces"),
  N_("Risk: interference by a “village bully” or organised crime"),
};

/* Sources of the rules that are policy, not statute (RULES.md §8: "policy,
 * not law"). Kept here, in one place. */
#define CITE_LEDGER "挂账督办、销号管理：换届工作问题清单制度（工作制度，非法律条文）"
#define CITE_RISK "难点村、复杂村派驻工作组：换届工作方案（政策，非法律条文）"
#define CITE_DISCIPLINE "换届纪律：地方换届工作方案（政策，非法律条文）"
#define CITE_DECISION "中国共产党农村基层组织工作条例（2019）“四议两公开”（条号待核）"
#define DISCIPLINE_PARAM "schedule.discipline_days_before"

const char *const *
elect_township_decision_step_codes (void)
{
  return decision_codes;
}

const char *const *
elect_township_record_kinds (void)
{
  return record_kinds;
}

const char *const *
elect_township_risk_kinds (void)
{
  return risk_kinds;
}

static int
index_of (const char *const *list, const char *s)
{
  for (int i = 0; list[i]; i++)
    if (strcmp (list[i], s) == 0)
      return i;
  return -1;
}

/* ---- the township ------------------------------------------------------------ */

typedef struct {
  char *id, *text, *owner;
  GDate opened, due, closed;
} Problem;

typedef struct {
  int kind;
  char *reason;
} Risk;

typedef struct {
  int kind;
  GDate date;
  char *text;
} Record;

typedef struct {
  char *id, *subject;
  GDate steps[N_DEC_STEPS];
} Decision;

typedef struct {
  char *name, *township, *profile;
  ElectVillageDates *dates;
  GArray *problems;   /* Problem */
  GArray *risks;      /* Risk */
  GArray *records;    /* Record */
  GArray *decisions;  /* Decision */
} Village;

struct _ElectTownship {
  gatomicrefcount ref;
  char *name;
  char *dir;            /* where the file was, for NAME.ini; or NULL */
  GPtrArray *villages;  /* Village * */
  GHashTable *rules;    /* profile name → ElectRules * */
};

static void
problem_clear (gpointer p)
{
  Problem *x = p;
  g_free (x->id);
  g_free (x->text);
  g_free (x->owner);
}

static void
risk_clear (gpointer p)
{
  g_free (((Risk *) p)->reason);
}

static void
record_clear (gpointer p)
{
  g_free (((Record *) p)->text);
}

static void
decision_clear (gpointer p)
{
  Decision *x = p;
  g_free (x->id);
  g_free (x->subject);
}

static Village *
village_new (void)
{
  Village *v = g_new0 (Village, 1);
  v->problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (v->problems, problem_clear);
  v->risks = g_array_new (FALSE, TRUE, sizeof (Risk));
  g_array_set_clear_func (v->risks, risk_clear);
  v->records = g_array_new (FALSE, TRUE, sizeof (Record));
  g_array_set_clear_func (v->records, record_clear);
  v->decisions = g_array_new (FALSE, TRUE, sizeof (Decision));
  g_array_set_clear_func (v->decisions, decision_clear);
  return v;
}

static void
village_free (gpointer p)
{
  Village *v = p;
  if (!v)
    return;
  g_free (v->name);
  g_free (v->township);
  g_free (v->profile);
  elect_village_dates_unref (v->dates);
  g_array_unref (v->problems);
  g_array_unref (v->risks);
  g_array_unref (v->records);
  g_array_unref (v->decisions);
  g_free (v);
}

static ElectTownship *
township_new (void)
{
  ElectTownship *t = g_new0 (ElectTownship, 1);
  g_atomic_ref_count_init (&t->ref);
  t->villages = g_ptr_array_new_with_free_func (village_free);
  t->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) elect_rules_unref);
  return t;
}

ElectTownship *
elect_township_ref (ElectTownship *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_township_unref (ElectTownship *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->name);
  g_free (self->dir);
  g_ptr_array_unref (self->villages);
  g_hash_table_unref (self->rules);
  g_free (self);
}

void
elect_township_add_rules (ElectTownship *self, ElectRules *rules)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rules != NULL);
  g_hash_table_replace (self->rules, g_strdup (elect_rules_get_name (rules)),
                        elect_rules_ref (rules));
}

const char *
elect_township_get_name (const ElectTownship *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

guint
elect_township_get_n_villages (const ElectTownship *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->villages->len;
}

const char *
elect_township_get_village_name (const ElectTownship *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < self->villages->len, NULL);
  return ((Village *) self->villages->pdata[index])->name;
}

const ElectVillageDates *
elect_township_get_village_dates (const ElectTownship *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < self->villages->len, NULL);
  return ((Village *) self->villages->pdata[index])->dates;
}

/* ---- the reader ---------------------------------------------------------------- */

#define TOWNSHIP_MAX_INPUT (4 * 1024 * 1024)
#define TOWNSHIP_MAX_VILLAGES 10000

typedef struct {
  const char *origin;
  GError **error;
} Ctx;

static gboolean fail (Ctx *c, int code, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Ctx *c, int code, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (c->error, ELECT_ERROR, code, "%s: %s", c->origin, msg);
  return FALSE;
}

/* Years 1000 … 9000: E − 365 and D + 366 stay valid GDates. */
#define MIN_YEAR 1000
#define MAX_YEAR 9000

static gboolean
check_members (Ctx *c, JsonObject *o, const char *path, const char *const *known)
{
  return elect_json_check_members (o, known, c->origin, path, c->error);
}

/* A string member: @required (and not empty), or absent/null leaves *out
 * NULL. */
static gboolean
get_string (Ctx *c, JsonObject *o, const char *path, const char *key, gboolean required,
            char **out)
{
  gboolean failed;
  const char *s = elect_json_get_string (o, key,
                                         ELECT_JSON_NULL_ABSENT
                                           | (required ? ELECT_JSON_REQUIRED : 0),
                                         c->origin, path, c->error, &failed);
  if (failed)
    return FALSE;
  if (!s)
    return TRUE;
  if (required && !*s)
    return fail (c, ELECT_ERROR_INVALID, _("%s.%s: expected a non-empty string"), path, key);
  g_free (*out);
  *out = g_strdup (s);
  return TRUE;
}

/* A date member: @required, or absent/null leaves *out cleared. */
static gboolean
get_date (Ctx *c, JsonObject *o, const char *path, const char *key, gboolean required, GDate *out)
{
  if (!elect_json_get_date (o, key,
                            ELECT_JSON_NULL_ABSENT | ELECT_JSON_DATE_TYPE
                              | (required ? ELECT_JSON_REQUIRED : 0),
                            MIN_YEAR, out, NULL, c->origin, path, c->error))
    {
      if (required && c->error && *c->error && !json_object_has_member (o, key))
        {
          g_clear_error (c->error);
          return fail (c, ELECT_ERROR_INVALID, _("%s.%s: missing (a date YYYY-MM-DD)"), path, key);
        }
      return FALSE;
    }
  if (g_date_valid (out) && g_date_get_year (out) > MAX_YEAR)
    {
      g_set_error (c->error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: %s.%s: expected a date YYYY-MM-DD, not “%s”"), c->origin, path, key,
                   json_object_get_string_member (o, key));
      g_date_clear (out, 1);
      return FALSE;
    }
  return TRUE;
}

/* An optional array member whose elements are objects. */
static gboolean
get_objects (Ctx *c, JsonObject *o, const char *path, const char *key, JsonArray **out)
{
  gboolean failed;
  *out = NULL;
  if (json_object_has_member (o, key) && JSON_NODE_HOLDS_NULL (json_object_get_member (o, key)))
    return TRUE;
  JsonArray *a = elect_json_get_array (o, key, c->origin, path, c->error, &failed);
  if (failed)
    return FALSE;
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, i)))
      return fail (c, ELECT_ERROR_INVALID, _("%s.%s[%u]: expected an object"), path, key, i);
  *out = a;
  return TRUE;
}

static gboolean
profile_name_ok (const char *s)
{
  gsize n = strlen (s);
  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_problems (Ctx *c, Village *v, JsonObject *vo, const char *vpath)
{
  JsonArray *a;
  if (!get_objects (c, vo, vpath, "problems", &a))
    return FALSE;
  static const char *const known[] = { "id", "text", "opened", "owner", "due", "closed", NULL };
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.problems[%u]", vpath, i);
      JsonObject *o = json_array_get_object_element (a, i);
      Problem p = { 0 };
      g_array_append_val (v->problems, p);
      Problem *q = &g_array_index (v->problems, Problem, v->problems->len - 1);
      if (!check_members (c, o, path, known) || !get_string (c, o, path, "id", TRUE, &q->id)
          || !get_string (c, o, path, "text", TRUE, &q->text)
          || !get_string (c, o, path, "owner", FALSE, &q->owner)
          || !get_date (c, o, path, "opened", TRUE, &q->opened)
          || !get_date (c, o, path, "due", TRUE, &q->due)
          || !get_date (c, o, path, "closed", FALSE, &q->closed))
        return FALSE;
      for (guint k = 0; k + 1 < v->problems->len; k++)
        if (strcmp (g_array_index (v->problems, Problem, k).id, q->id) == 0)
          return fail (c, ELECT_ERROR_INVALID, _("%s.id: a second problem “%s”"), path, q->id);
      if (g_date_compare (&q->due, &q->opened) < 0)
        return fail (c, ELECT_ERROR_INVALID, _("%s.due: before the day the problem was opened"),
                     path);
      if (g_date_valid (&q->closed) && g_date_compare (&q->closed, &q->opened) < 0)
        return fail (c, ELECT_ERROR_INVALID,
                     _("%s.closed: before the day the problem was opened"), path);
    }
  return TRUE;
}

static gboolean
read_risks (Ctx *c, Village *v, JsonObject *vo, const char *vpath)
{
  JsonArray *a;
  if (!get_objects (c, vo, vpath, "risks", &a))
    return FALSE;
  static const char *const known[] = { "kind", "reason", NULL };
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.risks[%u]", vpath, i);
      JsonObject *o = json_array_get_object_element (a, i);
      g_autofree char *kind = NULL;
      Risk r = { 0 };
      if (!check_members (c, o, path, known) || !get_string (c, o, path, "kind", TRUE, &kind))
        return FALSE;
      if ((r.kind = index_of (risk_kinds, kind)) < 0)
        return fail (c, ELECT_ERROR_UNKNOWN_KEY,
                     _("%s.kind: unknown risk “%s” (voided-election, petition, clan-interference, village-bully)"),
                     path, kind);
      g_array_append_val (v->risks, r);
      if (!get_string (c, o, path, "reason", TRUE,
                       &g_array_index (v->risks, Risk, v->risks->len - 1).reason))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_records (Ctx *c, Village *v, JsonObject *vo, const char *vpath)
{
  JsonArray *a;
  if (!get_objects (c, vo, vpath, "records", &a))
    return FALSE;
  static const char *const known[] = { "kind", "date", "text", NULL };
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.records[%u]", vpath, i);
      JsonObject *o = json_array_get_object_element (a, i);
      g_autofree char *kind = NULL;
      Record r = { 0 };
      if (!check_members (c, o, path, known) || !get_string (c, o, path, "kind", TRUE, &kind))
        return FALSE;
      if ((r.kind = index_of (record_kinds, kind)) < 0)
        return fail (c, ELECT_ERROR_UNKNOWN_KEY,
                     _("%s.kind: unknown record kind “%s” (party-admission, spending, contract, asset-disposal, seal-use)"),
                     path, kind);
      if (!get_date (c, o, path, "date", TRUE, &r.date))
        return FALSE;
      g_array_append_val (v->records, r);
      if (!get_string (c, o, path, "text", FALSE,
                       &g_array_index (v->records, Record, v->records->len - 1).text))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_decisions (Ctx *c, Village *v, JsonObject *vo, const char *vpath)
{
  JsonArray *a;
  if (!get_objects (c, vo, vpath, "decisions", &a))
    return FALSE;
  static const char *const known[] = { "id", "subject", "steps", NULL };
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.decisions[%u]", vpath, i);
      JsonObject *o = json_array_get_object_element (a, i);
      Decision d = { 0 };
      for (int k = 0; k < N_DEC_STEPS; k++)
        g_date_clear (&d.steps[k], 1);
      g_array_append_val (v->decisions, d);
      Decision *q = &g_array_index (v->decisions, Decision, v->decisions->len - 1);
      if (!check_members (c, o, path, known) || !get_string (c, o, path, "id", TRUE, &q->id)
          || !get_string (c, o, path, "subject", FALSE, &q->subject))
        return FALSE;
      JsonNode *sn = json_object_get_member (o, "steps");
      if (!sn || !JSON_NODE_HOLDS_OBJECT (sn))
        return fail (c, ELECT_ERROR_INVALID, _("%s.steps: expected an object"), path);
      JsonObject *so = json_node_get_object (sn);
      g_autofree char *spath = g_strdup_printf ("%s.steps", path);
      g_autoptr (GList) members = json_object_get_members (so);
      for (GList *l = members; l; l = l->next)
        {
          const char *code = l->data;
          if (g_str_has_prefix (code, "x-"))
            continue;
          int k = index_of (decision_codes, code);
          if (k < 0)
            return fail (c, ELECT_ERROR_UNKNOWN_KEY,
                         _("%s: unknown step “%s” of 四议两公开"), spath, code);
          if (!get_date (c, so, spath, code, FALSE, &q->steps[k]))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_village (Ctx *c, ElectTownship *t, JsonObject *vo, const char *path,
              const char *default_township, const char *default_profile)
{
  static const char *const known[] = { "name", "township", "profile", "election_day", "steps",
                                       "problems", "risks", "records", "decisions", NULL };
  Village *v = village_new ();
  g_ptr_array_add (t->villages, v);
  if (!check_members (c, vo, path, known) || !get_string (c, vo, path, "name", TRUE, &v->name)
      || !get_string (c, vo, path, "township", FALSE, &v->township)
      || !get_string (c, vo, path, "profile", FALSE, &v->profile))
    return FALSE;
  for (guint k = 0; k + 1 < t->villages->len; k++)
    if (strcmp (((Village *) t->villages->pdata[k])->name, v->name) == 0)
      return fail (c, ELECT_ERROR_INVALID, _("%s.name: a second village “%s”"), path, v->name);
  if (!v->township)
    v->township = g_strdup (default_township);
  if (!v->profile)
    {
      if (!default_profile)
        return fail (c, ELECT_ERROR_INVALID, _("%s.profile: missing (a string), and $.profile is not given"),
                     path);
      v->profile = g_strdup (default_profile);
    }
  if (!profile_name_ok (v->profile))
    return fail (c, ELECT_ERROR_INVALID,
                 _("%s.profile: “%s” is not a profile name (letters, digits, - and _)"), path,
                 v->profile);
  GDate day;
  if (!get_date (c, vo, path, "election_day", TRUE, &day))
    return FALSE;
  v->dates = elect_village_dates_new (&day);
  elect_village_dates_set_village (v->dates, v->name);
  JsonNode *sn = json_object_get_member (vo, "steps");
  if (sn && !JSON_NODE_HOLDS_NULL (sn))
    {
      if (!JSON_NODE_HOLDS_OBJECT (sn))
        return fail (c, ELECT_ERROR_INVALID, _("%s.steps: expected an object"), path);
      JsonObject *so = json_node_get_object (sn);
      g_autofree char *spath = g_strdup_printf ("%s.steps", path);
      g_autoptr (GList) members = json_object_get_members (so);
      for (GList *l = members; l; l = l->next)
        {
          const char *code = l->data;
          if (g_str_has_prefix (code, "x-"))
            continue;
          if (index_of (elect_schedule_step_codes (), code) < 0)
            return fail (c, ELECT_ERROR_UNKNOWN_KEY, _("%s: unknown step “%s”"), spath, code);
          GDate d;
          if (!get_date (c, so, spath, code, FALSE, &d))
            return FALSE;
          if (g_date_valid (&d))
            elect_village_dates_set (v->dates, code, &d);
        }
    }
  return read_problems (c, v, vo, path) && read_risks (c, v, vo, path)
         && read_records (c, v, vo, path) && read_decisions (c, v, vo, path);
}

ElectTownship *
elect_township_new_from_json (const char *data, gssize length, const char *origin,
                              GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  Ctx c = { origin ? origin : "<township>", error };
  g_autoptr (JsonNode) root = elect_json_doc_parse (data, length, c.origin, TOWNSHIP_MAX_INPUT,
                                                    "libelect.township/1", error);
  if (!root)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  static const char *const top[] = { "format", "township", "county", "profile", "villages", NULL };
  g_autoptr (ElectTownship) t = township_new ();
  g_autofree char *county = NULL, *profile = NULL;
  if (!check_members (&c, o, "$", top) || !get_string (&c, o, "$", "township", FALSE, &t->name)
      || !get_string (&c, o, "$", "county", FALSE, &county)
      || !get_string (&c, o, "$", "profile", FALSE, &profile))
    return NULL;
  JsonNode *vn = json_object_get_member (o, "villages");
  if (!vn || !JSON_NODE_HOLDS_ARRAY (vn))
    {
      fail (&c, ELECT_ERROR_INVALID, _("$.villages: expected an array"));
      return NULL;
    }
  JsonArray *va = json_node_get_array (vn);
  if (json_array_get_length (va) > TOWNSHIP_MAX_VILLAGES)
    {
      fail (&c, ELECT_ERROR_LIMIT, _("$.villages: more than %d villages"), TOWNSHIP_MAX_VILLAGES);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (va); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.villages[%u]", i);
      JsonNode *n = json_array_get_element (va, i);
      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          fail (&c, ELECT_ERROR_INVALID, _("%s: expected an object"), path);
          return NULL;
        }
      if (!read_village (&c, t, json_node_get_object (n), path, t->name, profile))
        return NULL;
    }
  return g_steal_pointer (&t);
}

ElectTownship *
elect_township_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!elect_json_doc_read_file (path, &text, &len, error))
    return NULL;
  ElectTownship *t = elect_township_new_from_json (text, (gssize) len, path, error);
  if (t)
    t->dir = g_path_get_dirname (path);
  return t;
}

/* ---- the report ------------------------------------------------------------------ */

typedef struct {
  ElectTownshipFindingKind kind;
  char *subject;
  GDate date;       /* the last day, due day, record date or decision step date */
  gint64 days;      /* overdue / left / late / past due; 0 otherwise */
  ElectReason *reason;
} Finding;

typedef struct {
  const Village *v;
  ElectScheduleCheck *check;
  GArray *findings;   /* Finding */
  gboolean behind, complex, flagged;
  GDate window_first, window_last;   /* the discipline window, or cleared */
} VReport;

struct _ElectTownshipReport {
  gatomicrefcount ref;
  ElectTownship *township;
  GDate day;
  guint days;
  GPtrArray *villages;   /* VReport * */
};

static void
finding_clear (gpointer p)
{
  Finding *f = p;
  g_free (f->subject);
  elect_reason_unref (f->reason);
}

static void
vreport_free (gpointer p)
{
  VReport *r = p;
  elect_schedule_check_unref (r->check);
  g_array_unref (r->findings);
  g_free (r);
}

static void
iso (const GDate *d, char buf[16])
{
  if (d && g_date_valid (d))
    g_date_strftime (buf, 16, "%Y-%m-%d", d);
  else
    g_strlcpy (buf, "-", 16);
}

static char *
format_lang (const char *lang, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  char *s = g_strdup_vprintf (elect_tr (lang, fmt), ap);
#pragma GCC diagnostic pop
  va_end (ap);
  return s;
}

/* Adds a finding; takes @en and @zh. */
static void
add_finding (VReport *r, ElectTownshipFindingKind kind, const char *subject, const GDate *date,
             gint64 days, const char *code, const char *citation, const char *param, char *en,
             char *zh)
{
  Finding f = { kind, g_strdup (subject), { 0 }, days, NULL };
  g_date_clear (&f.date, 1);
  if (date && g_date_valid (date))
    f.date = *date;
  f.reason = elect_reason_new_full (code, citation, param, en, zh);
  g_free (en);
  g_free (zh);
  g_array_append_val (r->findings, f);
}

/* A finding whose message is "<title>: <fmt …>" in each language: @title
 * is an N_() title (or NULL), @fmt an English format marked N_(). */
static void add_titled (VReport *r, ElectTownshipFindingKind kind, const char *subject,
                        const GDate *date, gint64 days, const char *code, const char *citation,
                        const char *param, const char *title, const char *fmt, ...)
  G_GNUC_PRINTF (10, 11);

static void
add_titled (VReport *r, ElectTownshipFindingKind kind, const char *subject, const GDate *date,
            gint64 days, const char *code, const char *citation, const char *param,
            const char *title, const char *fmt, ...)
{
  va_list ap, ap2;
  va_start (ap, fmt);
  va_copy (ap2, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_autofree char *en = g_strdup_vprintf (fmt, ap);
  g_autofree char *zh = g_strdup_vprintf (elect_tr ("zh", fmt), ap2);
#pragma GCC diagnostic pop
  va_end (ap2);
  va_end (ap);
  add_finding (r, kind, subject, date, days, code, citation, param,
               title ? g_strdup_printf ("%s: %s", title, en) : g_strdup (en),
               title ? g_strdup_printf ("%s：%s", elect_tr ("zh", title), zh) : g_strdup (zh));
}

/* Progress on D: overdue, due within N days, done late. */
static void
judge_steps (VReport *r, const GDate *D, guint days_ahead)
{
  const ElectSchedule *s = elect_schedule_check_get_schedule (r->check);
  GDate horizon = *D;
  g_date_add_days (&horizon, days_ahead);
  for (guint i = 0; i < elect_schedule_get_n_steps (s); i++)
    {
      const ElectScheduleStep *st = elect_schedule_get_step (s, i);
      if (!elect_schedule_step_is_applicable (st))
        continue;
      const GDate *last = elect_schedule_step_get_last (st);
      const GDate *actual = elect_schedule_check_get_actual (r->check, i);
      const char *code = elect_schedule_step_get_code (st);
      /* the English title is the msgid of the zh one */
      const char *title = elect_schedule_step_get_title (st, "en");
      const char *cite = elect_schedule_step_get_citation (st);
      const char *param = elect_schedule_step_get_param (st);
      char l[16], a[16];
      iso (last, l);
      iso (actual, a);
      if (actual && g_date_compare (actual, D) <= 0)
        {
          gint64 late = g_date_days_between (last, actual);
          if (late > 0)
            add_titled (r, ELECT_TOWNSHIP_FINDING_DONE_LATE, code, last, late,
                        "township-step-done-late", cite, param, title,
                        N_("done on %s, %lld day(s) after the last day %s"), a, (long long) late, l);
          continue;
        }
      /* Not done on D. A conditional step takes place only when needed. */
      if (elect_schedule_step_is_conditional (st))
        continue;
      if (g_date_compare (last, D) < 0)
        {
          gint64 over = g_date_days_between (last, D);
          r->behind = TRUE;
          add_titled (r, ELECT_TOWNSHIP_FINDING_OVERDUE, code, last, over,
                      "township-step-overdue", cite, param, title,
                      N_("not done, last day %s, %lld day(s) overdue"), l, (long long) over);
        }
      else if (g_date_compare (last, &horizon) <= 0)
        {
          gint64 left = g_date_days_between (D, last);
          add_titled (r, ELECT_TOWNSHIP_FINDING_DUE, code, last, left, "township-step-due", cite,
                      param, title, N_("not done, last day %s, due in %lld day(s)"), l,
                      (long long) left);
        }
    }
}

/* 挂账督办, 销号管理 on D. */
static void
judge_problems (VReport *r, const GDate *D)
{
  for (guint i = 0; i < r->v->problems->len; i++)
    {
      const Problem *p = &g_array_index (r->v->problems, Problem, i);
      if (g_date_compare (&p->opened, D) > 0)
        continue;   /* not yet opened on D */
      char due[16], closed[16];
      iso (&p->due, due);
      iso (&p->closed, closed);
      const char *owner = p->owner ? p->owner : "—";
      if (g_date_valid (&p->closed) && g_date_compare (&p->closed, D) <= 0)
        add_titled (r, ELECT_TOWNSHIP_FINDING_PROBLEM_CLOSED, p->id, &p->closed, 0,
                    "problem-closed", CITE_LEDGER, NULL, NULL,
                    N_("Problem %s (%s, owner %s): closed (销号) on %s"), p->id, p->text, owner,
                    closed);
      else if (g_date_compare (&p->due, D) <= 0)
        {
          gint64 over = g_date_days_between (&p->due, D);
          add_titled (r, ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE, p->id, &p->due, over,
                      "problem-past-due", CITE_LEDGER, NULL, NULL,
                      N_("Problem %s (%s, owner %s): still open on its due day %s or later, %lld day(s) past due (挂账督办)"),
                      p->id, p->text, owner, due, (long long) over);
        }
      else
        {
          gint64 left = g_date_days_between (D, &p->due);
          add_titled (r, ELECT_TOWNSHIP_FINDING_PROBLEM_OPEN, p->id, &p->due, left,
                      "problem-open", CITE_LEDGER, NULL, NULL,
                      N_("Problem %s (%s, owner %s): open, due %s, %lld day(s) left"), p->id,
                      p->text, owner, due, (long long) left);
        }
    }
}

static void
judge_risks (VReport *r)
{
  static const char *const codes[N_RISK] = {
    "risk-voided-election", "risk-petition", "risk-clan-interference", "risk-village-bully",
  };
  for (guint i = 0; i < r->v->risks->len; i++)
    {
      const Risk *k = &g_array_index (r->v->risks, Risk, i);
      add_titled (r, ELECT_TOWNSHIP_FINDING_RISK, risk_kinds[k->kind], NULL, 0, codes[k->kind],
                  CITE_RISK, NULL, risk_titles[k->kind], "%s", k->reason);
    }
  if (r->v->risks->len > 0)
    {
      r->complex = TRUE;
      add_titled (r, ELECT_TOWNSHIP_FINDING_RISK, "complex", NULL, 0, "village-complex", CITE_RISK,
                  NULL, NULL,
                  N_("A complex village (复杂村, %u risk flag(s)): a work team is to be sent"),
                  r->v->risks->len);
    }
}

/* 换届纪律: records dated from E − N up to the handover's last day. */
static void
judge_discipline (VReport *r, const ElectRules *rules)
{
  g_date_clear (&r->window_first, 1);
  g_date_clear (&r->window_last, 1);
  gint64 n;
  if (!elect_rules_is_set (rules, DISCIPLINE_PARAM)
      || !elect_rules_get_int (rules, DISCIPLINE_PARAM, &n, NULL))
    return;   /* off: local policy only */
  const ElectSchedule *s = elect_schedule_check_get_schedule (r->check);
  const GDate *E = elect_schedule_get_election_day (s);
  r->window_first = *E;
  g_date_subtract_days (&r->window_first, (guint) n);
  const ElectScheduleStep *h = elect_schedule_lookup_step (s, "handover");
  const GDate *hl = h ? elect_schedule_step_get_last (h) : NULL;
  r->window_last = hl ? *hl : *E;
  const char *cite = elect_rules_get_citation (rules, DISCIPLINE_PARAM);
  if (!cite || !*cite)
    cite = CITE_DISCIPLINE;
  char f[16], l[16], d[16];
  iso (&r->window_first, f);
  iso (&r->window_last, l);
  for (guint i = 0; i < r->v->records->len; i++)
    {
      const Record *rec = &g_array_index (r->v->records, Record, i);
      if (g_date_compare (&rec->date, &r->window_first) < 0
          || g_date_compare (&rec->date, &r->window_last) > 0)
        continue;
      iso (&rec->date, d);
      add_titled (r, ELECT_TOWNSHIP_FINDING_DISCIPLINE, record_kinds[rec->kind], &rec->date, 0,
                  "discipline-in-window", cite, DISCIPLINE_PARAM, record_titles[rec->kind],
                  N_("dated %s, inside the election-period discipline window (换届纪律) %s to %s: %s"),
                  d, f, l, rec->text ? rec->text : "—");
    }
}

/* 四议两公开: every step present, dated, in order (the same day allowed). */
static void
judge_decisions (VReport *r)
{
  for (guint i = 0; i < r->v->decisions->len; i++)
    {
      const Decision *dc = &g_array_index (r->v->decisions, Decision, i);
      const char *subj = dc->subject ? dc->subject : "—";
      int bad = -1;
      gboolean missing = FALSE;
      for (int k = 0; k < N_DEC_STEPS && bad < 0; k++)
        {
          if (!g_date_valid (&dc->steps[k]))
            bad = k, missing = TRUE;
          else if (k > 0 && g_date_compare (&dc->steps[k], &dc->steps[k - 1]) < 0)
            bad = k;
        }
      if (bad < 0)
        {
          char a[16], b[16];
          iso (&dc->steps[0], a);
          iso (&dc->steps[N_DEC_STEPS - 1], b);
          add_titled (r, ELECT_TOWNSHIP_FINDING_DECISION_OK, dc->id, &dc->steps[N_DEC_STEPS - 1], 0,
                      "decision-in-order", CITE_DECISION, NULL, NULL,
                      N_("Decision %s (%s): the six steps of 四议两公开 are in order, %s to %s"),
                      dc->id, subj, a, b);
        }
      else if (missing)
        add_titled (r, ELECT_TOWNSHIP_FINDING_DECISION, dc->id, NULL, 0, "decision-step-missing",
                    CITE_DECISION, NULL, decision_titles[bad],
                    N_("decision %s (%s): missing or undated; 四议两公开 requires every step, in order"),
                    dc->id, subj);
      else
        {
          char a[16], b[16];
          iso (&dc->steps[bad], a);
          iso (&dc->steps[bad - 1], b);
          const char *fmt = N_("decision %s (%s): dated %s, before the preceding step (%s, %s); 四议两公开 requires this order");
          g_autofree char *ren = format_lang ("en", fmt, dc->id, subj, a, decision_titles[bad - 1], b);
          g_autofree char *rzh = format_lang ("zh", fmt, dc->id, subj, a,
                                              elect_tr ("zh", decision_titles[bad - 1]), b);
          add_finding (r, ELECT_TOWNSHIP_FINDING_DECISION, dc->id, &dc->steps[bad], 0,
                       "decision-out-of-order", CITE_DECISION, NULL,
                       g_strdup_printf ("%s: %s", decision_titles[bad], ren),
                       g_strdup_printf ("%s：%s", elect_tr ("zh", decision_titles[bad]), rzh));
        }
    }
}

static ElectRules *
resolve_rules (ElectTownship *t, const Village *v, GError **error)
{
  ElectRules *rules = g_hash_table_lookup (t->rules, v->profile);
  if (rules)
    return rules;
  g_autoptr (GError) local = NULL;
  g_autofree char *beside = NULL;
  if (t->dir)
    {
      g_autofree char *file = g_strconcat (v->profile, ".ini", NULL);
      beside = g_build_filename (t->dir, file, NULL);
      if (!g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        g_clear_pointer (&beside, g_free);
    }
  rules = elect_rules_load (beside ? beside : v->profile, &local);
  if (!rules)
    {
      g_set_error (error, ELECT_ERROR, local->code, _("village “%s”: profile “%s”: %s"), v->name,
                   v->profile, local->message);
      return NULL;
    }
  g_hash_table_replace (t->rules, g_strdup (v->profile), rules);
  return rules;
}

ElectTownshipReport *
elect_township_report_new (ElectTownship *self, const GDate *day, guint days_ahead, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (g_date_get_year (day) >= 1000 && g_date_get_year (day) <= 9000, NULL);
  g_return_val_if_fail (days_ahead <= 366, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (ElectTownshipReport) rep = g_new0 (ElectTownshipReport, 1);
  g_atomic_ref_count_init (&rep->ref);
  rep->township = elect_township_ref (self);
  rep->day = *day;
  rep->days = days_ahead;
  rep->villages = g_ptr_array_new_with_free_func (vreport_free);
  for (guint i = 0; i < self->villages->len; i++)
    {
      const Village *v = self->villages->pdata[i];
      ElectRules *rules = resolve_rules (self, v, error);
      if (!rules)
        return NULL;
      g_autoptr (GError) local = NULL;
      ElectScheduleCheck *check = elect_schedule_check (rules, v->dates, &local);
      if (!check)
        {
          g_set_error (error, ELECT_ERROR, local->code, _("village “%s”: %s"), v->name,
                       local->message);
          return NULL;
        }
      VReport *r = g_new0 (VReport, 1);
      r->v = v;
      r->check = check;
      r->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
      g_array_set_clear_func (r->findings, finding_clear);
      g_ptr_array_add (rep->villages, r);
      judge_steps (r, day, days_ahead);
      judge_problems (r, day);
      judge_risks (r);
      judge_discipline (r, rules);
      judge_decisions (r);
      r->flagged = r->behind || r->complex;
      for (guint k = 0; k < r->findings->len; k++)
        {
          ElectTownshipFindingKind kind = g_array_index (r->findings, Finding, k).kind;
          if (kind == ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE
              || kind == ELECT_TOWNSHIP_FINDING_DISCIPLINE || kind == ELECT_TOWNSHIP_FINDING_DECISION)
            r->flagged = TRUE;
        }
    }
  return g_steal_pointer (&rep);
}

ElectTownshipReport *
elect_township_report_ref (ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_township_report_unref (ElectTownshipReport *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  if (self->villages)
    g_ptr_array_unref (self->villages);
  elect_township_unref (self->township);
  g_free (self);
}

const GDate *
elect_township_report_get_day (const ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->day;
}

guint
elect_township_report_get_days_ahead (const ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->days;
}

guint
elect_township_report_get_n_villages (const ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->villages->len;
}

static const VReport *
vr (const ElectTownshipReport *self, guint village)
{
  return self->villages->pdata[village];
}

#define VR_CHECK(self, village, val) \
  g_return_val_if_fail ((self) != NULL && (village) < (self)->villages->len, val)

const char *
elect_township_report_get_village_name (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, NULL);
  return vr (self, village)->v->name;
}

gboolean
elect_township_report_village_is_behind (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, FALSE);
  return vr (self, village)->behind;
}

gboolean
elect_township_report_village_is_complex (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, FALSE);
  return vr (self, village)->complex;
}

gboolean
elect_township_report_village_is_flagged (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, FALSE);
  return vr (self, village)->flagged;
}

const ElectScheduleCheck *
elect_township_report_get_check (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, NULL);
  return vr (self, village)->check;
}

guint
elect_township_report_get_n_findings (const ElectTownshipReport *self, guint village)
{
  VR_CHECK (self, village, 0);
  return vr (self, village)->findings->len;
}

static const Finding *
finding (const ElectTownshipReport *self, guint village, guint index)
{
  const VReport *r = vr (self, village);
  return index < r->findings->len ? &g_array_index (r->findings, Finding, index) : NULL;
}

ElectTownshipFindingKind
elect_township_report_get_finding_kind (const ElectTownshipReport *self, guint village,
                                        guint index)
{
  VR_CHECK (self, village, ELECT_TOWNSHIP_FINDING_OVERDUE);
  const Finding *f = finding (self, village, index);
  g_return_val_if_fail (f != NULL, ELECT_TOWNSHIP_FINDING_OVERDUE);
  return f->kind;
}

const char *
elect_township_report_get_finding_subject (const ElectTownshipReport *self, guint village,
                                           guint index)
{
  VR_CHECK (self, village, NULL);
  const Finding *f = finding (self, village, index);
  g_return_val_if_fail (f != NULL, NULL);
  return f->subject;
}

ElectReason *
elect_township_report_get_finding_reason (const ElectTownshipReport *self, guint village,
                                          guint index)
{
  VR_CHECK (self, village, NULL);
  const Finding *f = finding (self, village, index);
  g_return_val_if_fail (f != NULL, NULL);
  return f->reason;
}

guint
elect_township_report_count (const ElectTownshipReport *self, guint village,
                             ElectTownshipFindingKind kind)
{
  VR_CHECK (self, village, 0);
  const VReport *r = vr (self, village);
  guint n = 0;
  for (guint k = 0; k < r->findings->len; k++)
    n += g_array_index (r->findings, Finding, k).kind == kind;
  return n;
}

static char **
list_where (const ElectTownshipReport *self, gboolean flagged)
{
  GPtrArray *a = g_ptr_array_new ();
  for (guint i = 0; i < self->villages->len; i++)
    if (flagged ? vr (self, i)->flagged : vr (self, i)->behind)
      g_ptr_array_add (a, g_strdup (vr (self, i)->v->name));
  g_ptr_array_add (a, NULL);
  return (char **) g_ptr_array_free (a, FALSE);
}

char **
elect_township_report_list_behind (const ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_where (self, FALSE);
}

char **
elect_township_report_list_flagged (const ElectTownshipReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_where (self, TRUE);
}

/* ---- writers ------------------------------------------------------------------------ */

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
add_date (JsonBuilder *b, const char *name, const GDate *d)
{
  char buf[16];
  json_builder_set_member_name (b, name);
  if (d && g_date_valid (d))
    {
      iso (d, buf);
      json_builder_add_string_value (b, buf);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_bool (JsonBuilder *b, const char *name, gboolean v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, v);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

static void
add_names (JsonBuilder *b, const char *name, char **names)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (char **n = names; *n; n++)
    json_builder_add_string_value (b, *n);
  json_builder_end_array (b);
  g_strfreev (names);
}

static const ElectTownshipFindingKind all_kinds[] = {
  ELECT_TOWNSHIP_FINDING_OVERDUE, ELECT_TOWNSHIP_FINDING_DUE, ELECT_TOWNSHIP_FINDING_DONE_LATE,
  ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE, ELECT_TOWNSHIP_FINDING_PROBLEM_OPEN,
  ELECT_TOWNSHIP_FINDING_PROBLEM_CLOSED, ELECT_TOWNSHIP_FINDING_RISK,
  ELECT_TOWNSHIP_FINDING_DISCIPLINE, ELECT_TOWNSHIP_FINDING_DECISION,
  ELECT_TOWNSHIP_FINDING_DECISION_OK,
};

static void
add_finding_json (JsonBuilder *b, const Finding *f, const char *village, const char *lang)
{
  json_builder_begin_object (b);
  if (village)
    add_string (b, "village", village);
  add_string (b, "kind", elect_township_finding_kind_to_string (f->kind));
  add_string (b, "subject", f->subject);
  add_date (b, "date", &f->date);
  add_int (b, "days", f->days);
  add_string (b, "code", elect_reason_get_code (f->reason));
  add_string (b, "message", elect_reason_get_message (f->reason, lang));
  add_string (b, "citation", elect_reason_get_citation (f->reason));
  add_string (b, "param", elect_reason_get_param (f->reason));
  json_builder_end_object (b);
}

char *
elect_township_report_to_json (const ElectTownshipReport *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", "libelect.township-report/1");
  add_string (b, "township", self->township->name);
  add_date (b, "date", &self->day);
  add_int (b, "days", self->days);
  add_names (b, "behind", elect_township_report_list_behind (self));
  add_names (b, "flagged", elect_township_report_list_flagged (self));
  json_builder_set_member_name (b, "complex");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->villages->len; i++)
    if (vr (self, i)->complex)
      json_builder_add_string_value (b, vr (self, i)->v->name);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems_past_due");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->villages->len; i++)
    for (guint k = 0; k < vr (self, i)->findings->len; k++)
      {
        const Finding *f = finding (self, i, k);
        if (f->kind == ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE)
          add_finding_json (b, f, vr (self, i)->v->name, lang);
      }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "villages");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->villages->len; i++)
    {
      const VReport *r = vr (self, i);
      json_builder_begin_object (b);
      add_string (b, "name", r->v->name);
      add_string (b, "township", r->v->township);
      add_string (b, "profile", r->v->profile);
      add_date (b, "election_day", elect_village_dates_get_election_day (r->v->dates));
      add_bool (b, "behind", r->behind);
      add_bool (b, "complex", r->complex);
      add_bool (b, "flagged", r->flagged);
      json_builder_set_member_name (b, "discipline_window");
      if (g_date_valid (&r->window_first))
        {
          json_builder_begin_object (b);
          add_date (b, "first", &r->window_first);
          add_date (b, "last", &r->window_last);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "summary");
      json_builder_begin_object (b);
      for (gsize k = 0; k < G_N_ELEMENTS (all_kinds); k++)
        add_int (b, elect_township_finding_kind_to_string (all_kinds[k]),
                 elect_township_report_count (self, i, all_kinds[k]));
      json_builder_end_object (b);
      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint k = 0; k < r->findings->len; k++)
        add_finding_json (b, finding (self, i, k), NULL, lang);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

/* Display width: East Asian wide characters count two columns. */
static glong
width (const char *s)
{
  glong w = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      w += g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;
    }
  return w;
}

static void
pad (GString *out, const char *s, glong cols)
{
  g_string_append (out, s);
  if (cols == 0)
    return;   /* the last column */
  glong w = width (s);
  for (glong k = w; k < MAX (cols, w + 2); k++)
    g_string_append_c (out, ' ');
}

static void
section (GString *out, const ElectTownshipReport *self, const char *lang, const char *heading,
         ElectTownshipFindingKind kind)
{
  gboolean any = FALSE;
  for (guint i = 0; i < self->villages->len; i++)
    for (guint k = 0; k < vr (self, i)->findings->len; k++)
      {
        const Finding *f = finding (self, i, k);
        if (f->kind != kind)
          continue;
        if (!any)
          g_string_append_printf (out, "\n%s\n", elect_tr (lang, heading));
        any = TRUE;
        g_string_append_printf (out, "  %s  %s\n", vr (self, i)->v->name,
                                elect_reason_get_message (f->reason, lang));
      }
}

char *
elect_township_report_to_text (const ElectTownshipReport *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  GString *out = g_string_new (NULL);
  char d[16], e[16];
  iso (&self->day, d);
  g_autofree char *head = format_lang (lang, N_("%s: election progress on %s (next %u day(s))"),
                                      self->township->name ? self->township->name : "—", d,
                                      self->days);
  g_string_append_printf (out, "%s\n", head);
  static const char *const cols[] = {
    N_("Village"), N_("Election day"), N_("Status"), N_("Overdue"), N_("Due"),
    N_("Problems past due"), N_("Risks"), N_("Discipline"), N_("四议两公开"),
  };
  static const glong widths[] = { 14, 12, 10, 8, 8, 18, 8, 10, 10 };
  for (gsize c = 0; c < G_N_ELEMENTS (cols); c++)
    pad (out, elect_tr (lang, cols[c]), c + 1 < G_N_ELEMENTS (cols) ? widths[c] : 0);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->villages->len; i++)
    {
      const VReport *r = vr (self, i);
      iso (elect_village_dates_get_election_day (r->v->dates), e);
      const char *status = r->behind ? N_("behind") : r->flagged ? N_("flagged") : N_("on track");
      char n[9][24];
      g_snprintf (n[3], 24, "%u", elect_township_report_count (self, i, ELECT_TOWNSHIP_FINDING_OVERDUE));
      g_snprintf (n[4], 24, "%u", elect_township_report_count (self, i, ELECT_TOWNSHIP_FINDING_DUE));
      g_snprintf (n[5], 24, "%u", elect_township_report_count (self, i, ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE));
      g_snprintf (n[6], 24, "%u", r->v->risks->len);
      g_snprintf (n[7], 24, "%u", elect_township_report_count (self, i, ELECT_TOWNSHIP_FINDING_DISCIPLINE));
      g_snprintf (n[8], 24, "%u", elect_township_report_count (self, i, ELECT_TOWNSHIP_FINDING_DECISION));
      const char *cells[9] = { r->v->name, e, elect_tr (lang, status), n[3], n[4], n[5], n[6], n[7], n[8] };
      for (gsize c = 0; c < 9; c++)
        pad (out, cells[c], c + 1 < 9 ? widths[c] : 0);
      g_string_append_c (out, '\n');
    }
  section (out, self, lang, N_("Steps overdue:"), ELECT_TOWNSHIP_FINDING_OVERDUE);
  section (out, self, lang, N_("Steps due:"), ELECT_TOWNSHIP_FINDING_DUE);
  section (out, self, lang, N_("Steps done late:"), ELECT_TOWNSHIP_FINDING_DONE_LATE);
  section (out, self, lang, N_("Problems past due (挂账督办):"), ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE);
  section (out, self, lang, N_("Risk flags:"), ELECT_TOWNSHIP_FINDING_RISK);
  section (out, self, lang, N_("Discipline (换届纪律):"), ELECT_TOWNSHIP_FINDING_DISCIPLINE);
  section (out, self, lang, N_("Decisions out of the 四议两公开 order:"), ELECT_TOWNSHIP_FINDING_DECISION);
  g_auto (GStrv) behind = elect_township_report_list_behind (self);
  g_auto (GStrv) flagged = elect_township_report_list_flagged (self);
  g_autofree char *b = g_strjoinv (elect_lang_is_zh (lang) ? "、" : ", ", behind);
  g_autofree char *f = g_strjoinv (elect_lang_is_zh (lang) ? "、" : ", ", flagged);
  const char *sep = elect_lang_is_zh (lang) ? "" : " ";
  g_string_append_printf (out, "\n%s%s%s\n", elect_tr (lang, N_("Behind:")), sep, *b ? b : "—");
  g_string_append_printf (out, "%s%s%s\n", elect_tr (lang, N_("Flagged:")), sep, *f ? f : "—");
  return g_string_free (out, FALSE);
}
