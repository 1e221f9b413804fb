/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Vetting of prospective candidates (资格联审, RULES.md §7.2): the
 * statutory bars and negative lists as data; election-committee
 * conflicts. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "reason-private.h"
#include "rules-private.h"
#include "slate-private.h"

#define CITE_VCL12 "村民委员会组织法 第十二条"
#define CITE_VCL13 "村民委员会组织法 第十三条"
#define CITE_VCL18 "村民委员会组织法 第十八条"
#define CITE_ZJ9 "浙江省村民委员会选举办法 第九条"
#define MAX_ITEMS 1000

typedef enum { KIND_EVENT, KIND_FLAG, KIND_AGE_CAP } ItemKind;

typedef struct {
  char *id;
  char *title;
  char *source;
  ItemKind kind;
  ElectVettingVerdict severity;
  int lookback_months;       /* 0: ever */
  int max_age;
  GDate age_date;
  guint posts_mask;          /* 0: every post */
  int incumbent;             /* -1: either */
} Item;

struct _ElectNegativeList {
  gatomicrefcount rc;
  GPtrArray *items;          /* Item* */
};

typedef struct {
  char *item;
  GDate date;                /* invalid: none */
} Fact;

typedef struct {
  char *name;
  char *relation;
} Relative;

struct _ElectCandidateRecord {
  char *name;
  GDate birth;               /* invalid: unknown */
  gboolean voter, capacity, sentenced;
  int post;                  /* -1: none */
  gboolean incumbent;
  GArray *facts;             /* Fact */
  GArray *relatives;         /* Relative */
};

typedef struct {
  char *item;
  ElectVettingVerdict severity;
  char *date;
  ElectReason *reason;
} Match;

struct _ElectVetting {
  gatomicrefcount rc;
  char *name;
  ElectVettingVerdict verdict;
  GArray *matches;           /* Match */
};

/* ---------------------------------------------------------- negative list */

static void
item_free (gpointer p)
{
  Item *it = p;
  g_free (it->id);
  g_free (it->title);
  g_free (it->source);
  g_free (it);
}

static gboolean
valid_id (const char *id)
{
  if (!*id || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

#define FAIL_KEY(code, fmt, ...) \
  do { g_set_error (error, ELECT_ERROR, code, fmt, __VA_ARGS__); return NULL; } while (0)

static Item *
parse_item (GKeyFile *kf, const char *group, const char *origin, GError **error)
{
  static const char *const known[] = { "title", "kind", "severity", "source", "lookback",
                                       "max_age", "age_date", "posts", "incumbent", NULL };
  const char *id = group + strlen ("item ");
  if (!valid_id (id))
    FAIL_KEY (ELECT_ERROR_INVALID,
              _("%s: [%s]: an item id is 1 to 64 letters, digits, '-' or '_'"), origin, group);
  g_auto (GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    if (!g_strv_contains (known, keys[i]))
      FAIL_KEY (ELECT_ERROR_UNKNOWN_KEY, _("%s: [%s]: unknown key “%s”"), origin, group, keys[i]);
  g_autoptr (GPtrArray) vals = g_ptr_array_new_with_free_func (g_free);
  const char *req[] = { "title", "kind", "severity", "source" };
  for (guint i = 0; i < G_N_ELEMENTS (req); i++)
    {
      char *v = g_key_file_get_string (kf, group, req[i], NULL);
      if (!v || !*v)
        {
          g_free (v);
          FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s]: the key “%s” is required"), origin, group, req[i]);
        }
      g_ptr_array_add (vals, v);
    }
  Item *it = g_new0 (Item, 1);
  g_autoptr (GPtrArray) guard = g_ptr_array_new_with_free_func (item_free);
  g_ptr_array_add (guard, it);
  it->id = g_strdup (id);
  it->title = g_strdup (vals->pdata[0]);
  it->source = g_strdup (vals->pdata[3]);
  it->incumbent = -1;
  g_date_clear (&it->age_date, 1);
  const char *kind = vals->pdata[1], *sev = vals->pdata[2];
  if (strcmp (kind, "event") == 0)
    it->kind = KIND_EVENT;
  else if (strcmp (kind, "flag") == 0)
    it->kind = KIND_FLAG;
  else if (strcmp (kind, "age-cap") == 0)
    it->kind = KIND_AGE_CAP;
  else
    FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] kind: expected event, flag or age-cap, not “%s”"),
              origin, group, kind);
  if (strcmp (sev, "barred") == 0)
    it->severity = ELECT_VETTING_BARRED;
  else if (strcmp (sev, "not-recommended") == 0)
    it->severity = ELECT_VETTING_NOT_RECOMMENDED;
  else
    FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] severity: expected barred or not-recommended, not “%s”"),
              origin, group, sev);

  g_autofree char *lookback = g_key_file_get_string (kf, group, "lookback", NULL);
  if (lookback)
    {
      if (it->kind != KIND_EVENT)
        FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] lookback: only an event item has a look-back period"),
                  origin, group);
      gsize n = strlen (lookback);
      char unit = n ? lookback[n - 1] : '\0';
      char *end = NULL;
      errno = 0;
      long v = (n >= 2 && g_ascii_isdigit (lookback[0])) ? strtol (lookback, &end, 10) : -1;
      if (v < 1 || errno || end != lookback + n - 1 || (unit != 'y' && unit != 'm')
          || (unit == 'y' && v > 100) || (unit == 'm' && v > 1200))
        FAIL_KEY (ELECT_ERROR_INVALID,
                  _("%s: [%s] lookback: expected a number of years or months such as 5y or 18m, not “%s”"),
                  origin, group, lookback);
      it->lookback_months = (int) (unit == 'y' ? v * 12 : v);
    }
  gboolean has_age = g_key_file_has_key (kf, group, "max_age", NULL);
  gboolean has_date = g_key_file_has_key (kf, group, "age_date", NULL);
  if (it->kind == KIND_AGE_CAP)
    {
      if (!has_age || !has_date)
        FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s]: an age-cap item needs max_age and age_date"),
                  origin, group);
      g_autofree char *a = g_key_file_get_string (kf, group, "max_age", NULL);
      char *end = NULL;
      long v = a && g_ascii_isdigit (a[0]) ? strtol (a, &end, 10) : -1;
      if (v < 0 || v > 150 || !end || *end)
        FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] max_age: expected an age from 0 to 150, not “%s”"),
                  origin, group, a ? a : "");
      it->max_age = (int) v;
      g_autofree char *d = g_key_file_get_string (kf, group, "age_date", NULL);
      if (!d || !elect_json_parse_iso_date (d, 1, &it->age_date))
        FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] age_date: expected a date YYYY-MM-DD, not “%s”"),
                  origin, group, d ? d : "");
      g_autofree char *posts = g_key_file_get_string (kf, group, "posts", NULL);
      if (posts)
        {
          g_auto (GStrv) parts = g_strsplit (posts, ";", -1);
          for (guint i = 0; parts[i]; i++)
            {
              g_strstrip (parts[i]);
              if (!*parts[i])
                continue;
              ElectPostKind k;
              if (!elect_post_kind_from_string (parts[i], &k))
                FAIL_KEY (ELECT_ERROR_INVALID,
                          _("%s: [%s] posts: expected chair, vice, member or all, not “%s”"),
                          origin, group, parts[i]);
              it->posts_mask |= 1u << k;
            }
        }
      g_autofree char *inc = g_key_file_get_string (kf, group, "incumbent", NULL);
      if (inc)
        {
          if (strcmp (inc, "true") == 0)
            it->incumbent = 1;
          else if (strcmp (inc, "false") == 0)
            it->incumbent = 0;
          else
            FAIL_KEY (ELECT_ERROR_INVALID, _("%s: [%s] incumbent: expected true or false, not “%s”"),
                      origin, group, inc);
        }
    }
  else if (has_age || has_date || g_key_file_has_key (kf, group, "posts", NULL)
           || g_key_file_has_key (kf, group, "incumbent", NULL))
    FAIL_KEY (ELECT_ERROR_INVALID,
              _("%s: [%s]: max_age, age_date, posts and incumbent belong to age-cap items only"),
              origin, group);
  g_ptr_array_steal_index (guard, 0);
  return it;
}

ElectNegativeList *
elect_negative_list_load_from_data (const char *data, gssize length, const char *origin,
                                    GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!origin)
    origin = "<negative list>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not valid UTF-8"), origin);
      return NULL;
    }
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, &local))
    {
      g_autofree char *msg = g_utf8_make_valid (local->message, -1);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not a key file: %s"), origin, msg);
      return NULL;
    }
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      if (strcmp (groups[i], "list") == 0)
        {
          g_auto (GStrv) keys = g_key_file_get_keys (kf, groups[i], NULL, NULL);
          for (guint k = 0; keys && keys[k]; k++)
            if (strcmp (keys[k], "title") != 0 && strcmp (keys[k], "source") != 0)
              {
                g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY,
                             _("%s: [%s]: unknown key “%s”"), origin, groups[i], keys[k]);
                return NULL;
              }
          continue;
        }
      if (!g_str_has_prefix (groups[i], "item "))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY,
                       _("%s: unknown group [%s] (expected [list] or [item ID])"), origin, groups[i]);
          return NULL;
        }
      if (items->len >= MAX_ITEMS)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: more than %d items"), origin,
                       MAX_ITEMS);
          return NULL;
        }
      Item *it = parse_item (kf, groups[i], origin, error);
      if (!it)
        return NULL;
      g_ptr_array_add (items, it);
    }
  ElectNegativeList *self = g_new0 (ElectNegativeList, 1);
  g_atomic_ref_count_init (&self->rc);
  self->items = g_steal_pointer (&items);
  return self;
}

ElectNegativeList *
elect_negative_list_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!elect_json_doc_read_file (path, &text, &len, error))
    return NULL;
  return elect_negative_list_load_from_data (text, (gssize) len, path, error);
}

ElectNegativeList *
elect_negative_list_ref (ElectNegativeList *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_negative_list_unref (ElectNegativeList *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  g_ptr_array_unref (self->items);
  g_free (self);
}

guint
elect_negative_list_get_n_items (const ElectNegativeList *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const char *
elect_negative_list_get_item_id (const ElectNegativeList *self, guint i)
{
  g_return_val_if_fail (self != NULL && i < self->items->len, NULL);
  return ((Item *) self->items->pdata[i])->id;
}

/* ----------------------------------------------------------------- record */

ElectCandidateRecord *
elect_candidate_record_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  char *n = elect_name_normalize (name, -1);
  if (!n)
    return NULL;
  ElectCandidateRecord *self = g_new0 (ElectCandidateRecord, 1);
  self->name = n;
  g_date_clear (&self->birth, 1);
  self->voter = TRUE;
  self->capacity = TRUE;
  self->post = -1;
  self->facts = g_array_new (FALSE, FALSE, sizeof (Fact));
  self->relatives = g_array_new (FALSE, FALSE, sizeof (Relative));
  return self;
}

void
elect_candidate_record_free (ElectCandidateRecord *self)
{
  if (!self)
    return;
  for (guint i = 0; i < self->facts->len; i++)
    g_free (g_array_index (self->facts, Fact, i).item);
  for (guint i = 0; i < self->relatives->len; i++)
    {
      g_free (g_array_index (self->relatives, Relative, i).name);
      g_free (g_array_index (self->relatives, Relative, i).relation);
    }
  g_array_unref (self->facts);
  g_array_unref (self->relatives);
  g_free (self->name);
  g_free (self);
}

const char *
elect_candidate_record_get_name (const ElectCandidateRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

void
elect_candidate_record_set_birth_date (ElectCandidateRecord *self, const GDate *birth_date)
{
  g_return_if_fail (self != NULL);
  g_date_clear (&self->birth, 1);
  if (birth_date && g_date_valid (birth_date))
    self->birth = *birth_date;
}

void
elect_candidate_record_set_status (ElectCandidateRecord *self, gboolean voter,
                                   gboolean legal_capacity, gboolean sentenced)
{
  g_return_if_fail (self != NULL);
  self->voter = voter;
  self->capacity = legal_capacity;
  self->sentenced = sentenced;
}

void
elect_candidate_record_set_post (ElectCandidateRecord *self, ElectPostKind post, gboolean incumbent)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) post <= ELECT_POST_KIND_ALL);
  self->post = (int) post;
  self->incumbent = incumbent;
}

void
elect_candidate_record_add_fact (ElectCandidateRecord *self, const char *item, const GDate *date)
{
  g_return_if_fail (self != NULL && item != NULL);
  Fact f = { g_strdup (item), { 0 } };
  g_date_clear (&f.date, 1);
  if (date && g_date_valid (date))
    f.date = *date;
  g_array_append_val (self->facts, f);
}

gboolean
elect_candidate_record_add_relative (ElectCandidateRecord *self, const char *name,
                                     const char *relation)
{
  g_return_val_if_fail (self != NULL && name != NULL && relation != NULL, FALSE);
  if (!g_strv_contains (elect_relation_choices, relation))
    return FALSE;
  char *n = elect_name_normalize (name, -1);
  if (!n || !*n)
    {
      g_free (n);
      return FALSE;
    }
  Relative r = { n, g_strdup (relation) };
  g_array_append_val (self->relatives, r);
  return TRUE;
}

/* ---------------------------------------------------------------- vetting */

/* The day on which a period of @months from @d has fully elapsed; a day
 * that does not exist in the target month (29 February, 31st) gives the 1st
 * of the next month, as elect_anniversary() does. */
static void
add_months (const GDate *d, int months, GDate *out)
{
  int y = g_date_get_year (d), m = g_date_get_month (d) - 1 + months;
  y += m / 12;
  m = m % 12 + 1;
  int day = g_date_get_day (d);
  if (y > 9999)
    {
      g_date_set_dmy (out, 31, 12, 9999);
      return;
    }
  if (day > g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    {
      day = 1;
      if (++m > 12)
        m = 1, y++;
    }
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
}

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static void
add_match (ElectVetting *v, const char *item, ElectVettingVerdict sev, const GDate *date,
           ElectReason *reason)
{
  Match m = { g_strdup (item), sev, date && g_date_valid (date) ? iso (date) : NULL, reason };
  g_array_append_val (v->matches, m);
  if (sev > v->verdict)
    v->verdict = sev;
}

ElectVetting *
elect_vet (const ElectCandidateRecord *record, const ElectNegativeList *list, const GDate *reference)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), NULL);
  ElectVetting *v = g_new0 (ElectVetting, 1);
  g_atomic_ref_count_init (&v->rc);
  v->name = g_strdup (record->name);
  v->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  if (!record->voter)
    add_match (v, "not-voter", ELECT_VETTING_BARRED, NULL,
               elect_reason_new_printf ("statutory-bar", CITE_VCL13, NULL,
                                        N_("%s is not an eligible voter and may not stand"), record->name));
  if (!record->capacity)
    add_match (v, "no-legal-capacity", ELECT_VETTING_BARRED, NULL,
               elect_reason_new_printf ("statutory-bar", CITE_VCL18, NULL,
                                        N_("%s has lost legal capacity and may not stand"), record->name));
  if (record->sentenced)
    add_match (v, "sentenced", ELECT_VETTING_BARRED, NULL,
               elect_reason_new_printf ("statutory-bar", CITE_VCL18, NULL,
                                        N_("%s is under a criminal sentence and may not stand"), record->name));
  for (guint i = 0; list && i < list->items->len; i++)
    {
      const Item *it = list->items->pdata[i];
      if (it->kind == KIND_AGE_CAP)
        {
          if (!g_date_valid (&record->birth))
            continue;
          if (it->posts_mask && (record->post < 0 || !(it->posts_mask & (1u << record->post))))
            continue;
          if (it->incumbent >= 0 && (record->post < 0 || (it->incumbent != 0) != (record->incumbent != 0)))
            continue;
          int age = elect_age_on (&record->birth, &it->age_date);
          if (age > it->max_age)
            {
              g_autofree char *on = iso (&it->age_date);
              add_match (v, it->id, it->severity, &record->birth,
                         elect_reason_new_printf ("negative-list-item", it->source, NULL,
                                                  N_("%s: %s (aged %d on %s, above %d)"),
                                                  record->name, it->title, age, on, it->max_age));
            }
          continue;
        }
      for (guint f = 0; f < record->facts->len; f++)
        {
          const Fact *fact = &g_array_index (record->facts, Fact, f);
          if (strcmp (fact->item, it->id) != 0)
            continue;
          gboolean dated = g_date_valid (&fact->date);
          if (it->kind == KIND_EVENT && it->lookback_months > 0 && dated)
            {
              GDate end;
              add_months (&fact->date, it->lookback_months, &end);
              /* "less than N years ago": the period has not fully elapsed
               * on the reference date. */
              if (g_date_compare (reference, &end) >= 0)
                continue;
            }
          ElectReason *r;
          if (dated)
            {
              g_autofree char *d = iso (&fact->date);
              r = elect_reason_new_printf ("negative-list-item", it->source, NULL,
                                           N_("%s: %s (evidence dated %s)"), record->name, it->title, d);
            }
          else
            r = elect_reason_new_printf ("negative-list-item", it->source, NULL,
                                         N_("%s: %s"), record->name, it->title);
          add_match (v, it->id, it->severity, dated ? &fact->date : NULL, r);
        }
    }
  return v;
}

ElectVetting *
elect_vetting_ref (ElectVetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_vetting_unref (ElectVetting *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  for (guint i = 0; i < self->matches->len; i++)
    {
      Match *m = &g_array_index (self->matches, Match, i);
      g_free (m->item);
      g_free (m->date);
      elect_reason_unref (m->reason);
    }
  g_array_unref (self->matches);
  g_free (self->name);
  g_free (self);
}

ElectVettingVerdict
elect_vetting_get_verdict (const ElectVetting *self)
{
  g_return_val_if_fail (self != NULL, ELECT_VETTING_BARRED);
  return self->verdict;
}

guint
elect_vetting_get_n_matches (const ElectVetting *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->matches->len;
}

ElectReason *
elect_vetting_get_match (const ElectVetting *self, guint i, const char **item,
                         ElectVettingVerdict *severity, const char **evidence_date)
{
  g_return_val_if_fail (self != NULL && i < self->matches->len, NULL);
  const Match *m = &g_array_index (self->matches, Match, i);
  if (item)
    *item = m->item;
  if (severity)
    *severity = m->severity;
  if (evidence_date)
    *evidence_date = m->date;
  return m->reason;
}

char *
elect_vetting_to_json (const ElectVetting *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "verdict");
  json_builder_add_string_value (b, elect_vetting_verdict_to_string (self->verdict));
  json_builder_set_member_name (b, "matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->matches->len; i++)
    {
      const Match *m = &g_array_index (self->matches, Match, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "item");
      json_builder_add_string_value (b, m->item);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, elect_vetting_verdict_to_string (m->severity));
      json_builder_set_member_name (b, "date");
      if (m->date)
        json_builder_add_string_value (b, m->date);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, elect_reason_get_code (m->reason));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, elect_reason_get_message (m->reason, lang));
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, elect_reason_get_citation (m->reason));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ------------------------------------------------- election committee */

GPtrArray *
elect_committee_conflicts (const char *const *committee, ElectCandidateRecord *const *nominees,
                           gsize n_nominees, gboolean relatives)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  g_return_val_if_fail (n_nominees == 0 || nominees != NULL, out);
  for (guint c = 0; committee && committee[c]; c++)
    {
      g_autofree char *member = elect_name_normalize (committee[c], -1);
      if (!member || !*member)
        continue;
      for (gsize n = 0; n < n_nominees; n++)
        {
          const ElectCandidateRecord *rec = nominees[n];
          if (strcmp (rec->name, member) == 0)
            {
              g_ptr_array_add (out, elect_reason_new_printf (
                "committee-member-nominated", relatives ? CITE_VCL12 "；" CITE_ZJ9 : CITE_VCL12, NULL,
                N_("%s is nominated and must leave the election committee"), member));
              continue;
            }
          if (!relatives)
            continue;
          for (guint r = 0; r < rec->relatives->len; r++)
            {
              const Relative *rel = &g_array_index (rec->relatives, Relative, r);
              if (strcmp (rel->name, member) != 0)
                continue;
              if (strcmp (rel->relation, "spouse") && strcmp (rel->relation, "parent")
                  && strcmp (rel->relation, "child") && strcmp (rel->relation, "sibling"))
                continue;
              g_ptr_array_add (out, elect_reason_new_printf (
                "committee-member-relative-nominated", CITE_ZJ9, NULL,
                N_("%s (%s of the nominee %s) must leave the election committee"),
                member, rel->relation, rec->name));
              break;
            }
        }
    }
  return out;
}
