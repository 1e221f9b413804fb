/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Edge layer of the roll: the roll CSV (FORMATS.md §4), the proxies CSV and
 * the verdicts JSON (FORMATS.md §5). */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "csv-private.h"
#include "roll-private.h"
#include "rules-private.h"
#include "i18n-private.h"

#define ROLL_MAX_ROWS 10000000u

guint
elect_roll_max_rows (void)
{
  return ROLL_MAX_ROWS;
}

typedef enum {
  COL_NAME, COL_ID, COL_HUKOU, COL_RESIDES, COL_RESIDENT_SINCE, COL_WANTS,
  COL_APPROVED, COL_POLITICAL, COL_CAN_EXERCISE, COL_ELSEWHERE, COL_PARTY,
  COL_BIRTH, COL_SEX, COL_GROUP, COL_WORKS_SINCE, COL_HOME_CERT, COL_WRITTEN_PROXY,
  COL_EXTRA, COL_DEPRIVED_UNTIL, COL_EXCLUSION, COL_EXCLUSION_APPROVED,
  N_COLS
} RollCol;

static const char *const roll_cols[N_COLS] = {
  "name", "id_number", "hukou_here", "resides_here", "resident_since", "wants_to_vote",
  "approved", "political_rights", "can_exercise", "registered_elsewhere", "party_status",
  "birth_date", "sex", "group", "works_since", "home_certificate", "written_proxy",
  "extra_category", "deprived_until", "party_exclusion", "exclusion_approved",
};

static const char *
fname (const char *f)
{
  return f ? f : "<input>";
}

/* Maps header names to column indexes; -1 for x- columns. */
static gboolean
read_header (GPtrArray *fields, const char *const *names, guint n_names, gint *map,
             gint *pos, const char *filename, guint line, GError **error)
{
  for (guint c = 0; c < n_names; c++)
    pos[c] = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *h = g_ptr_array_index (fields, i);
      g_autofree char *hs = g_strstrip (g_strdup (h));
      gint found = -1;
      if (g_str_has_prefix (hs, "x-") || g_str_has_prefix (hs, "X-"))
        {
          map[i] = -1;
          continue;
        }
      for (guint c = 0; c < n_names; c++)
        if (strcmp (hs, names[c]) == 0)
          found = (gint) c;
      if (found < 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY,
                       _("%s:%u: column %u: unknown column '%s' (prefix it with x- to keep it)"),
                       fname (filename), line, i + 1, hs);
          return FALSE;
        }
      if (pos[found] >= 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s:%u: column %u: column '%s' appears twice"),
                       fname (filename), line, i + 1, hs);
          return FALSE;
        }
      map[i] = found;
      pos[found] = (gint) i;
    }
  return TRUE;
}

#define CELL(c) (pos[c] >= 0 ? (const char *) g_ptr_array_index (fields, pos[c]) : "")
#define FAIL(code, ...) \
  G_STMT_START { \
    g_autofree char *m_ = g_strdup_printf (__VA_ARGS__); \
    g_set_error (error, ELECT_ERROR, code, "%s:%u: %s", fname (filename), line, m_); \
    return FALSE; \
  } G_STMT_END

static gboolean
cell_bool (GPtrArray *fields, const gint *pos, RollCol c, gboolean dflt, gboolean *out,
           const char *filename, guint line, GError **error)
{
  const char *s = CELL (c);
  *out = dflt;
  if (*s == '\0')
    return TRUE;
  if (!elect_csv_parse_bool (s, out))
    FAIL (ELECT_ERROR_INVALID, _("column %s: expected yes or no, found '%s'"), roll_cols[c], s);
  return TRUE;
}

static gboolean
cell_date (GPtrArray *fields, const gint *pos, RollCol c, GDate *out, gboolean *present,
           const char *filename, guint line, GError **error)
{
  const char *s = CELL (c);
  *present = FALSE;
  g_date_clear (out, 1);
  if (*s == '\0')
    return TRUE;
  if (!elect_csv_parse_date (s, out))
    FAIL (ELECT_ERROR_INVALID, _("column %s: expected a date YYYY-MM-DD, found '%s'"),
          roll_cols[c], s);
  *present = TRUE;
  return TRUE;
}

static gboolean
cell_choice (GPtrArray *fields, const gint *pos, RollCol c, const char *const *choices,
             const char *const *alt, gint *out, const char *filename, guint line,
             GError **error)
{
  const char *s = CELL (c);
  *out = 0;
  if (*s == '\0')
    return TRUE;
  for (gint i = 0; choices[i]; i++)
    if (g_ascii_strcasecmp (s, choices[i]) == 0 || (alt && strcmp (s, alt[i]) == 0))
      {
        *out = i;
        return TRUE;
      }
  {
    g_autofree char *list = g_strjoinv (", ", (char **) choices);
    FAIL (ELECT_ERROR_INVALID, _("column %s: expected one of %s, found '%s'"),
          roll_cols[c], list, s);
  }
}

static gboolean
read_row (ElectRoll *roll, GPtrArray *fields, const gint *pos, guint line,
          const char *filename, ElectRollCsvFlags flags, GError **error)
{
  g_autoptr (ElectVoter) v = NULL;
  g_autoptr (GError) idErr = NULL;
  gboolean b, present, id_ok;
  GDate d, birth;
  ElectSex sex;
  gint k;
  const char *name = CELL (COL_NAME), *id = CELL (COL_ID);
  g_autofree char *idt = g_strstrip (g_strdup (id));
  g_autofree char *namen = elect_name_normalize (name, -1);

  if (namen == NULL || *namen == '\0')
    FAIL (ELECT_ERROR_INVALID, _("column name: the name is empty"));

  id_ok = elect_id_number_parse (idt, -1, &roll->day, NULL, &birth, &sex, &idErr);
  if (!id_ok && !(flags & ELECT_ROLL_CSV_LENIENT))
    FAIL (ELECT_ERROR_INVALID, _("column id_number: %s"), idErr->message);

  v = elect_voter_new (namen, idt);
  elect_voter_set_row (v, line);

  /* Register facts that must agree with the ID number (RULES.md §1.5). */
  if (!cell_date (fields, pos, COL_BIRTH, &d, &present, filename, line, error))
    return FALSE;
  if (present && id_ok && g_date_compare (&d, &birth) != 0)
    FAIL (ELECT_ERROR_INVALID, _("column birth_date: %s contradicts the ID number (born %.8s)"),
          CELL (COL_BIRTH), idt + 6);
  {
    static const char *const sexes[] = { "", "male", "female", NULL };
    static const char *const sexes_zh[] = { "", "男", "女", NULL };
    const char *s = CELL (COL_SEX);
    if (*s)
      {
        if (!cell_choice (fields, pos, COL_SEX, sexes, sexes_zh, &k, filename, line, error))
          return FALSE;
        if (k == 0)
          FAIL (ELECT_ERROR_INVALID, _("column sex: expected male or female, found '%s'"), s);
        if (id_ok && (ElectSex) k != sex)
          FAIL (ELECT_ERROR_INVALID, _("column sex: %s contradicts the ID number (17th digit %c)"),
                s, idt[16]);
      }
  }

  {
    g_autofree char *group = elect_name_normalize (CELL (COL_GROUP), -1);
    elect_voter_set_group (v, group);
  }
#define BOOLCOL(col, dflt, setter) \
  if (!cell_bool (fields, pos, col, dflt, &b, filename, line, error)) return FALSE; \
  setter (v, b);
  BOOLCOL (COL_HUKOU, FALSE, elect_voter_set_hukou_here)
  BOOLCOL (COL_RESIDES, FALSE, elect_voter_set_resides_here)
  BOOLCOL (COL_WANTS, FALSE, elect_voter_set_wants_to_vote)
  BOOLCOL (COL_APPROVED, FALSE, elect_voter_set_approved)
  BOOLCOL (COL_CAN_EXERCISE, TRUE, elect_voter_set_can_exercise)
  BOOLCOL (COL_ELSEWHERE, FALSE, elect_voter_set_registered_elsewhere)
  BOOLCOL (COL_HOME_CERT, FALSE, elect_voter_set_home_certificate)
  BOOLCOL (COL_WRITTEN_PROXY, FALSE, elect_voter_set_written_proxy)
#undef BOOLCOL

  if (!cell_date (fields, pos, COL_RESIDENT_SINCE, &d, &present, filename, line, error))
    return FALSE;
  elect_voter_set_resident_since (v, present ? &d : NULL);
  if (!cell_date (fields, pos, COL_WORKS_SINCE, &d, &present, filename, line, error))
    return FALSE;
  elect_voter_set_works_since (v, present ? &d : NULL);

  {
    static const char *const pr[] = { "yes", "deprived", NULL };
    static const char *const pr_zh[] = { "是", "剥夺", NULL };
    gboolean dpresent;
    GDate until;
    if (!cell_choice (fields, pos, COL_POLITICAL, pr, pr_zh, &k, filename, line, error))
      return FALSE;
    if (!cell_date (fields, pos, COL_DEPRIVED_UNTIL, &until, &dpresent, filename, line, error))
      return FALSE;
    if (dpresent && k != 1)
      FAIL (ELECT_ERROR_INVALID, _("column deprived_until: given, but political_rights is not 'deprived'"));
    elect_voter_set_deprived (v, k == 1, dpresent ? &until : NULL);
  }
  {
    static const char *const ps[] = { "", "full", "probationary", "suspended", "detained", NULL };
    static const char *const ps_zh[] = { "", "正式党员", "预备党员", "留党察看", "留置", NULL };
    if (!cell_choice (fields, pos, COL_PARTY, ps, ps_zh, &k, filename, line, error))
      return FALSE;
    elect_voter_set_party_status (v, (ElectPartyStatus) k);
  }
  {
    static const char *const ex[] = { "", "spouse-residence", "collective-member",
      "ex-agricultural-hukou", "talent", NULL };
    if (!cell_choice (fields, pos, COL_EXTRA, ex, NULL, &k, filename, line, error))
      return FALSE;
    elect_voter_set_extra_category (v, k == 0 ? ELECT_CATEGORY_NONE
                                              : (ElectCategory) (ELECT_CATEGORY_SPOUSE_RESIDENCE + k - 1));
  }
  {
    static const char *const xs[] = { "", "ill", "abroad", "serving-sentence", "bedridden",
      "working-away", NULL };
    gboolean approved;
    if (!cell_choice (fields, pos, COL_EXCLUSION, xs, NULL, &k, filename, line, error))
      return FALSE;
    if (!cell_bool (fields, pos, COL_EXCLUSION_APPROVED, FALSE, &approved, filename, line, error))
      return FALSE;
    elect_voter_set_exclusion (v, (ElectExclusion) k, approved);
  }

  if (elect_roll_add (roll, v, &idErr) < 0)
    FAIL (ELECT_ERROR_INVALID, _("column id_number: %s"), idErr->message);
  return TRUE;
}

ElectRoll *
elect_roll_new_from_csv_data (ElectRules *rules, const GDate *election_day,
                              const char *data, gsize len, const char *filename,
                              const char *encoding, ElectRollCsvFlags flags,
                              GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (ElectRoll) roll = NULL;
  g_autofree gint *map = NULL;
  gint pos[N_COLS];
  gsize tlen;
  guint line, ncols, rows = 0;
  ElectCsvReader r;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  text = elect_csv_to_utf8 (data ? data : "", len, encoding, filename, &tlen, error);
  if (text == NULL)
    return NULL;
  elect_csv_reader_init (&r, text, tlen, filename);
  fields = g_ptr_array_new_with_free_func (g_free);

  if (!elect_csv_next (&r, fields, &line, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                     _("%s:1: empty file: expected a header row"), fname (filename));
      return NULL;
    }
  ncols = fields->len;
  map = g_new (gint, ncols);
  if (!read_header (fields, roll_cols, N_COLS, map, pos, filename, line, error))
    return NULL;
  if (pos[COL_NAME] < 0 || pos[COL_ID] < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s:%u: the header must have the columns name and id_number"),
                   fname (filename), line);
      return NULL;
    }

  roll = elect_roll_new (rules, election_day);
  for (;;)
    {
      GError *e = NULL;
      if (!elect_csv_next (&r, fields, &line, &e))
        {
          if (e)
            {
              g_propagate_error (error, e);
              return NULL;
            }
          break;
        }
      if (fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0')
        continue;   /* blank line */
      if (fields->len != ncols)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s:%u: %u fields, but the header has %u"),
                       fname (filename), line, fields->len, ncols);
          return NULL;
        }
      if (++rows > ROLL_MAX_ROWS)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                       _("%s:%u: more than %u rows"), fname (filename), line, ROLL_MAX_ROWS);
          return NULL;
        }
      if (!read_row (roll, fields, pos, line, filename, flags, error))
        return NULL;
    }
  return g_steal_pointer (&roll);
}

ElectRoll *
elect_roll_new_from_csv_file (ElectRules *rules, const GDate *election_day,
                              const char *path, const char *encoding,
                              ElectRollCsvFlags flags, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) ferr = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &data, &len, &ferr))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, "%s", ferr->message);
      return NULL;
    }
  return elect_roll_new_from_csv_data (rules, election_day, data, len, path, encoding,
                                       flags, error);
}

/* ---- proxies CSV ---------------------------------------------------------------------- */

enum { PC_PRINCIPAL, PC_PROXY, PC_RELATION, PC_WRITTEN, PC_AWAY, PC_FILED, PC_CANDIDATE, N_PC };
static const char *const proxy_cols[N_PC] = {
  "principal_id", "proxy_id", "relation", "written", "principal_away", "filed",
  "proxy_is_candidate",
};

gboolean
elect_roll_add_proxies_from_csv_data (ElectRoll *self, const char *data, gsize len,
                                      const char *filename, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree gint *map = NULL;
  gint pos[N_PC];
  gsize tlen;
  guint line, ncols;
  ElectCsvReader r;

  g_return_val_if_fail (self != NULL, FALSE);

  text = elect_csv_to_utf8 (data ? data : "", len, NULL, filename, &tlen, error);
  if (text == NULL)
    return FALSE;
  elect_csv_reader_init (&r, text, tlen, filename);
  fields = g_ptr_array_new_with_free_func (g_free);
  if (!elect_csv_next (&r, fields, &line, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                     _("%s:1: empty file: expected a header row"), fname (filename));
      return FALSE;
    }
  ncols = fields->len;
  map = g_new (gint, ncols);
  if (!read_header (fields, proxy_cols, N_PC, map, pos, filename, line, error))
    return FALSE;
  for (guint c = 0; c < PC_CANDIDATE; c++)
    if (pos[c] < 0)
      {
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                     _("%s:%u: the header has no column %s"), fname (filename), line,
                     proxy_cols[c]);
        return FALSE;
      }

  /* Validate everything first, then add: all or nothing. */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (;;)
    {
      GError *e = NULL;
      GPtrArray *copy;
      gboolean b;
      GDate d;
      if (!elect_csv_next (&r, fields, &line, &e))
        {
          if (e)
            {
              g_propagate_error (error, e);
              return FALSE;
            }
          break;
        }
      if (fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0')
        continue;
      if (fields->len != ncols)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s:%u: %u fields, but the header has %u"),
                       fname (filename), line, fields->len, ncols);
          return FALSE;
        }
      for (guint c = PC_WRITTEN; c < N_PC; c++)
        {
          const char *s = CELL (c);
          if (c == PC_FILED)
            {
              if (!elect_csv_parse_date (s, &d))
                FAIL (ELECT_ERROR_INVALID, _("column %s: expected a date YYYY-MM-DD, found '%s'"),
                      proxy_cols[c], s);
            }
          else if ((c != PC_CANDIDATE || *s) && !elect_csv_parse_bool (s, &b))
            FAIL (ELECT_ERROR_INVALID, _("column %s: expected yes or no, found '%s'"),
                  proxy_cols[c], s);
        }
      for (guint c = PC_PRINCIPAL; c <= PC_PROXY; c++)
        if (*CELL (c) == '\0')
          FAIL (ELECT_ERROR_INVALID, _("column %s: empty"), proxy_cols[c]);
      copy = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; c < N_PC; c++)
        g_ptr_array_add (copy, g_strstrip (g_strdup (CELL (c))));
      g_ptr_array_add (rows, copy);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      gboolean written = FALSE, away = FALSE, cand = FALSE;
      GDate filed;
      elect_csv_parse_bool (g_ptr_array_index (row, PC_WRITTEN), &written);
      elect_csv_parse_bool (g_ptr_array_index (row, PC_AWAY), &away);
      elect_csv_parse_date (g_ptr_array_index (row, PC_FILED), &filed);
      if (*(const char *) g_ptr_array_index (row, PC_CANDIDATE)
          && elect_csv_parse_bool (g_ptr_array_index (row, PC_CANDIDATE), &cand) && cand)
        elect_roll_add_candidate (self, g_ptr_array_index (row, PC_PROXY));
      elect_roll_add_proxy (self, g_ptr_array_index (row, PC_PRINCIPAL),
                            g_ptr_array_index (row, PC_PROXY),
                            g_ptr_array_index (row, PC_RELATION), written, away, &filed);
    }
  return TRUE;
}

#undef CELL
#undef FAIL

/* ---- verdicts JSON (FORMATS.md §5) ---------------------------------------------------- */

static void
add_reason (JsonBuilder *b, const ElectReason *r, const char *lang)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, elect_reason_get_code (r));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, elect_reason_get_message (r, lang));
  json_builder_set_member_name (b, "citation");
  json_builder_add_string_value (b, elect_reason_get_citation (r));
  json_builder_end_object (b);
}

char *
elect_roll_to_json (const ElectRoll *self, const char *lang)
{
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonGenerator) gen = NULL;
  g_autoptr (JsonNode) root = NULL;
  char day[16];
  static const char *const verdicts[] = { "registered", "not_registered", "not_eligible" };

  g_return_val_if_fail (self != NULL, NULL);

  g_date_strftime (day, sizeof day, "%Y-%m-%d", &self->day);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "libelect.roll-verdicts/1");
  json_builder_set_member_name (b, "profile");
  json_builder_add_string_value (b, elect_rules_get_name (self->rules));
  json_builder_set_member_name (b, "election_day");
  json_builder_add_string_value (b, day);
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, self->voters->len);
  for (guint k = 0; k < 3; k++)
    {
      json_builder_set_member_name (b, verdicts[k]);
      json_builder_add_int_value (b, elect_roll_count (self, (ElectVerdict) k));
    }
  json_builder_set_member_name (b, "entitled");
  json_builder_add_int_value (b, elect_roll_count_entitled (self));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->voters->len; i++)
    {
      const ElectVoter *v = g_ptr_array_index (self->voters, i);
      const ElectEligibility *e = g_ptr_array_index (self->verdicts, i);
      g_autofree char *masked = elect_id_number_mask (v->id_number);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, v->row);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, v->name);
      json_builder_set_member_name (b, "id_masked");
      json_builder_add_string_value (b, masked);
      json_builder_set_member_name (b, "verdict");
      json_builder_add_string_value (b, verdicts[e->verdict]);
      json_builder_set_member_name (b, "category");
      if (e->category == ELECT_CATEGORY_NONE)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, e->category);
      json_builder_set_member_name (b, "reasons");
      json_builder_begin_array (b);
      for (guint k = 0; k < e->reasons->len; k++)
        add_reason (b, g_ptr_array_index (e->reasons, k), lang);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}
