/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Rule profiles: loading key files with inheritance, typed parameters with
 * citations, validation, queries and dumps. */
#include "config.h"
#include "rules-private.h"
#include "i18n-private.h"
#include "profiles-builtin-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* ---- vocabularies --------------------------------------------------------- */

const char *const elect_kind_choices[] = {
  "village-committee", "residents-committee", "party-committee",
  "supervision-committee", NULL };
const char *const elect_electorate_choices[] = {
  "registered-voters", "all-residents", "household-representatives",
  "group-representatives", "full-members", NULL };
const char *const elect_work_choices[] = { "no", "village-work", "any-work", NULL };
const char *const elect_extra_category_choices[] = {
  "spouse-residence", "collective-member", "ex-agricultural-hukou", "talent", NULL };
const char *const elect_roll_order_choices[] = {
  "group-then-strokes", "strokes", "unspecified", NULL };
const char *const elect_surplus_choices[] = {
  "more-than-seats", "per-post", "fraction", NULL };
const char *const elect_list_order_choices[] = {
  "votes", "nomination-votes", "strokes", "unspecified", NULL };
const char *const elect_name_order_choices[] = {
  "surname-strokes", "name-strokes", NULL };
const char *const elect_relation_choices[] = {
  "spouse", "parent", "child", "sibling", "grandparent", "grandchild", NULL };
const char *const elect_quorum_measure_choices[] = { "returned", "present", NULL };
const char *const elect_void_bound_choices[] = {
  "voters-who-voted", "issued", "present", NULL };
const char *const elect_overvote_choices[] = { "void-ballot", "void-contest", NULL };
const char *const elect_two_posts_choices[] = {
  "separate", "void-ballot", "cascade-down", NULL };
const char *const elect_win_base_choices[] = { "returned", "issued", "present", NULL };
const char *const elect_tie_choices[] = { "revote", "continue-voting", NULL };
const char *const elect_supp_rule_choices[] = {
  "plurality", "majority-then-plurality", "majority", NULL };
const char *const elect_supp_candidates_choices[] = {
  "first-round-order", "first-round-order-with-surplus",
  "first-round-order-or-open-ballot", "those-not-passing", NULL };
const char *const elect_vacancy_choices[] = {
  "never", "after-regular", "after-supplementary", "by-decision", NULL };
const char *const elect_women_choices[] = {
  "not-required", "required", "separate-post", NULL };
const char *const elect_avoidance_choices[] = { "none", "keep-higher-post", NULL };
const char *const elect_refill_choices[] = { "none", "next-by-votes", NULL };
const char *const elect_role_choices[] = {
  "vc-member", "village-clerk", "bookkeeper", "collective-economy-manager",
  "finance-staff", NULL };

/* ---- the parameter table --------------------------------------------------- */

typedef struct {
  const char *key;
  ElectParamType type;
  const char *const *choices;
  gint64 lo, hi;
  gboolean optional;
  const char *doc;
} ParamSpec;

#define TYPE_INT ELECT_PARAM_TYPE_INT
#define TYPE_BOOL ELECT_PARAM_TYPE_BOOL
#define TYPE_RANGE ELECT_PARAM_TYPE_RANGE
#define TYPE_FRACTION ELECT_PARAM_TYPE_FRACTION
#define TYPE_POLICY ELECT_PARAM_TYPE_POLICY
#define TYPE_SET ELECT_PARAM_TYPE_SET
#define TYPE_DAYS ELECT_PARAM_TYPE_DAYS

static const ParamSpec param_specs[ELECT_N_PARAMS] = {
#define ELECT_X_SPEC(id, key, type, choices, lo, hi, opt, doc) \
  { key, TYPE_##type, choices, lo, hi, opt, doc },
  ELECT_PARAMS (ELECT_X_SPEC)
#undef ELECT_X_SPEC
};

static const char *const param_keys[ELECT_N_PARAMS + 1] = {
#define ELECT_X_KEY(id, key, type, choices, lo, hi, opt, doc) key,
  ELECT_PARAMS (ELECT_X_KEY)
#undef ELECT_X_KEY
  NULL
};

static const char *const type_names[] = {
  NULL, "int", "bool", "range", "fraction", "policy", "set", "days" };

/* ---- the profile object ------------------------------------------------------ */

typedef struct {
  gboolean defined;   /* some profile in the chain gave it */
  gboolean set;       /* not "none" */
  gint64 a, b;        /* int/days/bool/policy index: a; range: a-b; fraction: a/b */
  gboolean strict;    /* fraction comparison */
  guint64 bits;       /* set */
  char *citation;
  char *origin;
  char *raw;          /* value as written */
} ParamValue;

struct _ElectRules {
  gatomicrefcount ref;
  char *name;
  char *title;
  char *parent;
  char *origin;       /* label of the outermost source */
  ParamValue v[ELECT_N_PARAMS];
};

static ElectRules *
rules_alloc (void)
{
  ElectRules *r = g_new0 (ElectRules, 1);
  g_atomic_ref_count_init (&r->ref);
  return r;
}

ElectRules *
elect_rules_ref (ElectRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_rules_unref (ElectRules *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  for (int i = 0; i < ELECT_N_PARAMS; i++)
    {
      g_free (self->v[i].citation);
      g_free (self->v[i].origin);
      g_free (self->v[i].raw);
    }
  g_free (self->name);
  g_free (self->title);
  g_free (self->parent);
  g_free (self->origin);
  g_free (self);
}

static int
param_index (const char *key)
{
  if (key == NULL)
    return -1;
  for (int i = 0; i < ELECT_N_PARAMS; i++)
    if (strcmp (param_specs[i].key, key) == 0)
      return i;
  return -1;
}

static int
choice_index (const char *const *choices, const char *s)
{
  for (int i = 0; choices[i]; i++)
    if (strcmp (choices[i], s) == 0)
      return i;
  return -1;
}

/* ---- parsing one value ----------------------------------------------------------- */

#define set_error(err, code, ...) \
  g_set_error (err, ELECT_ERROR, code, __VA_ARGS__)

static char *
choices_joined (const char *const *choices)
{
  return g_strjoinv (", ", (char **) choices);
}

/* Digits only, no sign, no spaces. Not g_ascii_string_to_unsigned(): its
 * first call in a process creates GLib's C locale under a g_once, and a
 * second thread waiting there can come back with errno set, which that
 * function reads as an error (seen by elect-batch: about one failed profile
 * load in 750 runs with two threads). */
static gboolean
parse_int (const char *s, gint64 lo, gint64 hi, gint64 *out)
{
  guint64 u = 0;
  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  for (const char *p = s; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (u > ((guint64) G_MAXINT64 - (guint64) (*p - '0')) / 10)
        return FALSE;
      u = u * 10 + (guint64) (*p - '0');
    }
  if ((gint64) u < lo || (gint64) u > hi)
    return FALSE;
  *out = (gint64) u;
  return TRUE;
}

/* Parses @text for parameter @i into @pv. On failure sets an error that
 * names @origin, the group and the key. */
static gboolean
parse_value (int i, const char *text, const char *origin, ParamValue *pv,
             GError **error)
{
  const ParamSpec *spec = &param_specs[i];
  const char *dot = strchr (spec->key, '.');
  g_autofree char *group = g_strndup (spec->key, dot - spec->key);
  const char *key = dot + 1;
  g_autofree char *s = g_strstrip (g_strdup (text));

  pv->set = TRUE;
  pv->a = pv->b = 0;
  pv->bits = 0;
  pv->strict = FALSE;

  if (strcmp (s, "none") == 0 &&
      !(spec->type == ELECT_PARAM_TYPE_POLICY && choice_index (spec->choices, "none") >= 0))
    {
      if (!spec->optional)
        {
          set_error (error, ELECT_ERROR_INVALID,
                     _("%s: group [%s], key “%s”: this parameter is required and cannot be “none”"),
                     origin, group, key);
          return FALSE;
        }
      pv->set = FALSE;
      return TRUE;
    }

  switch (spec->type)
    {
    case ELECT_PARAM_TYPE_INT:
    case ELECT_PARAM_TYPE_DAYS:
      if (!parse_int (s, spec->lo, spec->hi, &pv->a))
        {
          set_error (error, ELECT_ERROR_INVALID,
                     _("%s: group [%s], key “%s”: “%s” is not a whole number from %lld to %lld%s"),
                     origin, group, key, s, (long long) spec->lo, (long long) spec->hi,
                     spec->optional ? _(" or “none”") : "");
          return FALSE;
        }
      return TRUE;

    case ELECT_PARAM_TYPE_BOOL:
      if (strcmp (s, "true") == 0 || strcmp (s, "yes") == 0)
        pv->a = 1;
      else if (strcmp (s, "false") == 0 || strcmp (s, "no") == 0)
        pv->a = 0;
      else
        {
          set_error (error, ELECT_ERROR_INVALID,
                     _("%s: group [%s], key “%s”: “%s” is not a boolean; expected true or false"),
                     origin, group, key, s);
          return FALSE;
        }
      return TRUE;

    case ELECT_PARAM_TYPE_RANGE:
      {
        g_auto (GStrv) parts = g_strsplit (s, "-", 3);
        guint n = g_strv_length (parts);
        if (n < 1 || n > 2 || !parse_int (g_strstrip (parts[0]), spec->lo, spec->hi, &pv->a) ||
            (n == 2 && !parse_int (g_strstrip (parts[1]), spec->lo, spec->hi, &pv->b)))
          {
            set_error (error, ELECT_ERROR_INVALID,
                       _("%s: group [%s], key “%s”: “%s” is not a range; expected MIN-MAX with whole numbers from %lld to %lld"),
                       origin, group, key, s, (long long) spec->lo, (long long) spec->hi);
            return FALSE;
          }
        if (n == 1)
          pv->b = pv->a;
        if (pv->a > pv->b)
          {
            set_error (error, ELECT_ERROR_INVALID,
                       _("%s: group [%s], key “%s”: the minimum %lld exceeds the maximum %lld"),
                       origin, group, key, (long long) pv->a, (long long) pv->b);
            return FALSE;
          }
        return TRUE;
      }

    case ELECT_PARAM_TYPE_FRACTION:
      {
        const char *p = s;
        if (g_str_has_prefix (p, ">="))
          {
            pv->strict = FALSE;
            p += 2;
          }
        else if (p[0] == '>')
          {
            pv->strict = TRUE;
            p += 1;
          }
        else
          p = NULL;
        g_auto (GStrv) parts = p ? g_strsplit (p, "/", 3) : NULL;
        if (parts == NULL || g_strv_length (parts) != 2 ||
            !parse_int (g_strstrip (parts[0]), 0, ELECT_FRACTION_DEN_MAX, &pv->a) ||
            !parse_int (g_strstrip (parts[1]), 1, ELECT_FRACTION_DEN_MAX, &pv->b) ||
            pv->a > pv->b)
          {
            set_error (error, ELECT_ERROR_INVALID,
                       _("%s: group [%s], key “%s”: “%s” is not a fraction; expected >N/D (more than) or >=N/D (at least), with 0 ≤ N ≤ D ≤ %d"),
                       origin, group, key, s, ELECT_FRACTION_DEN_MAX);
            return FALSE;
          }
        /* "more than all of it" can never hold: no count exceeds its whole */
        if (pv->strict && pv->a == pv->b)
          {
            set_error (error, ELECT_ERROR_INVALID,
                       _("%s: group [%s], key “%s”: “%s” can never be met (more than the whole); use >=%lld/%lld for all of it"),
                       origin, group, key, s, (long long) pv->a, (long long) pv->b);
            return FALSE;
          }
        return TRUE;
      }

    case ELECT_PARAM_TYPE_POLICY:
      {
        int c = choice_index (spec->choices, s);
        if (c < 0)
          {
            g_autofree char *all = choices_joined (spec->choices);
            set_error (error, ELECT_ERROR_INVALID,
                       _("%s: group [%s], key “%s”: unknown policy “%s”; expected one of: %s"),
                       origin, group, key, s, all);
            return FALSE;
          }
        pv->a = c;
        return TRUE;
      }

    case ELECT_PARAM_TYPE_SET:
      {
        g_auto (GStrv) parts = g_strsplit (s, ",", -1);
        for (int k = 0; parts[k]; k++)
          {
            const char *item = g_strstrip (parts[k]);
            if (*item == '\0')
              {
                if (parts[1] == NULL)
                  break;   /* "" is the empty set */
                set_error (error, ELECT_ERROR_INVALID,
                           _("%s: group [%s], key “%s”: empty item in the list “%s”"),
                           origin, group, key, s);
                return FALSE;
              }
            int c = choice_index (spec->choices, item);
            if (c < 0)
              {
                g_autofree char *all = choices_joined (spec->choices);
                set_error (error, ELECT_ERROR_INVALID,
                           _("%s: group [%s], key “%s”: unknown name “%s”; expected names from: %s"),
                           origin, group, key, item, all);
                return FALSE;
              }
            pv->bits |= G_GUINT64_CONSTANT (1) << c;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static char *
value_to_string (int i, const ParamValue *pv)
{
  const ParamSpec *spec = &param_specs[i];
  if (!pv->set)
    return g_strdup ("none");
  switch (spec->type)
    {
    case ELECT_PARAM_TYPE_INT:
    case ELECT_PARAM_TYPE_DAYS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, pv->a);
    case ELECT_PARAM_TYPE_BOOL:
      return g_strdup (pv->a ? "true" : "false");
    case ELECT_PARAM_TYPE_RANGE:
      return pv->a == pv->b ? g_strdup_printf ("%" G_GINT64_FORMAT, pv->a)
                            : g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, pv->a, pv->b);
    case ELECT_PARAM_TYPE_FRACTION:
      return g_strdup_printf ("%s%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                              pv->strict ? ">" : ">=", pv->a, pv->b);
    case ELECT_PARAM_TYPE_POLICY:
      return g_strdup (spec->choices[pv->a]);
    case ELECT_PARAM_TYPE_SET:
      {
        GString *str = g_string_new (NULL);
        for (int c = 0; spec->choices[c]; c++)
          if (pv->bits & (G_GUINT64_CONSTANT (1) << c))
            {
              if (str->len)
                g_string_append_c (str, ',');
              g_string_append (str, spec->choices[c]);
            }
        return g_string_free (str, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* ---- loading ---------------------------------------------------------------------- */

#define MAX_DEPTH 16

typedef struct {
  GPtrArray *visiting;   /* names/paths on the current chain, for cycles */
  GPtrArray *applied;    /* (nullable) labels of every source applied (borrowed) */
  gboolean from_file;    /* some source was a key file */
} LoadCtx;

static gboolean apply_source (ElectRules *into, const char *text, gsize len,
                              const char *origin, const char *label,
                              const char *base_dir, const char *default_name,
                              LoadCtx *ctx, GError **error);

static int
builtin_index (const char *name)
{
  for (unsigned i = 0; i < elect_n_builtin_profiles; i++)
    if (strcmp (elect_builtin_profiles[i].name, name) == 0)
      return (int) i;
  return -1;
}

static const char *
builtin_text (const char *name)
{
  int i = builtin_index (name);
  return i < 0 ? NULL : elect_builtin_profiles[i].text;
}

/* The static copy of a built-in name (it outlives any load). */
static const char *
builtin_name (const char *name)
{
  int i = builtin_index (name);
  return i < 0 ? NULL : elect_builtin_profiles[i].name;
}

static gboolean
is_path (const char *s)
{
  return strchr (s, '/') != NULL || g_str_has_suffix (s, ".ini");
}

static gboolean
apply_file (ElectRules *into, const char *path, LoadCtx *ctx, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      set_error (error,
                 g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? ELECT_ERROR_NOT_FOUND : ELECT_ERROR_IO,
                 _("%s: cannot read the profile: %s"), path, local->message);
      return FALSE;
    }
  ctx->from_file = TRUE;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".ini"))
    base[strlen (base) - 4] = '\0';
  return apply_source (into, text, len, path, path, dir, base, ctx, error);
}

/* Resolves @name (a parent or a top-level name) and applies it. */
static gboolean
apply_named (ElectRules *into, const char *name, const char *base_dir,
             const char *referrer, LoadCtx *ctx, GError **error)
{
  if (base_dir)
    {
      g_autofree char *fname = g_strconcat (name, ".ini", NULL);
      g_autofree char *p = g_build_filename (base_dir, fname, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
        return apply_file (into, p, ctx, error);
    }
  const char *env = g_getenv ("ELECT_PROFILE_PATH");
  if (env && *env)
    {
      g_auto (GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (int k = 0; dirs[k]; k++)
        {
          if (!*dirs[k])
            continue;
          g_autofree char *fname = g_strconcat (name, ".ini", NULL);
          g_autofree char *p = g_build_filename (dirs[k], fname, NULL);
          if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
            return apply_file (into, p, ctx, error);
        }
    }
  const char *text = builtin_text (name);
  if (text)
    {
      if (ctx->applied)
        g_ptr_array_add (ctx->applied, (gpointer) builtin_name (name));
      return apply_source (into, text, strlen (text), name, name, NULL, name, ctx, error);
    }

  g_autofree char *all = g_strjoinv (", ", (char **) elect_builtin_profile_names);
  if (referrer)
    set_error (error, ELECT_ERROR_NOT_FOUND,
               _("%s: group [profile], key “extends”: no profile named “%s”; built-in profiles: %s"),
               referrer, name, all);
  else
    set_error (error, ELECT_ERROR_NOT_FOUND,
               _("no profile named “%s”; built-in profiles: %s"), name, all);
  return FALSE;
}

/* A parent is named, never given as a path: letters, digits, '-', '_'. */
static gboolean
is_profile_name (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

static const char *const profile_group_keys[] = {
  "name", "title", "extends", "description", NULL };

static gboolean
apply_source (ElectRules *into, const char *text, gsize len, const char *origin,
              const char *label, const char *base_dir, const char *default_name,
              LoadCtx *ctx, GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;

  if (ctx->visiting->len >= MAX_DEPTH)
    {
      set_error (error, ELECT_ERROR_INVALID,
                 _("%s: profiles extend each other more than %d levels deep"),
                 origin, MAX_DEPTH);
      return FALSE;
    }
  for (guint k = 0; k < ctx->visiting->len; k++)
    if (strcmp (g_ptr_array_index (ctx->visiting, k), label) == 0)
      {
        set_error (error, ELECT_ERROR_INVALID,
                   _("%s: group [profile], key “extends”: inheritance cycle through “%s”"),
                   origin, label);
        return FALSE;
      }

  if (!g_utf8_validate (text, len, NULL))
    {
      set_error (error, ELECT_ERROR_PARSE, _("%s: the profile is not valid UTF-8"), origin);
      return FALSE;
    }
  if (!g_key_file_load_from_data (kf, text, len, G_KEY_FILE_NONE, &local))
    {
      set_error (error, ELECT_ERROR_PARSE, _("%s: not a valid key file: %s"),
                 origin, local->message);
      return FALSE;
    }
  if (!g_key_file_has_group (kf, "profile"))
    {
      set_error (error, ELECT_ERROR_INVALID,
                 _("%s: missing group [profile] (with name= and, optionally, extends=)"),
                 origin);
      return FALSE;
    }

  /* [profile] */
  g_auto (GStrv) pkeys = g_key_file_get_keys (kf, "profile", NULL, NULL);
  for (int k = 0; pkeys && pkeys[k]; k++)
    if (!g_strv_contains (profile_group_keys, pkeys[k]))
      {
        set_error (error, ELECT_ERROR_UNKNOWN_KEY,
                   _("%s: group [profile], key “%s”: unknown key; expected name, title, extends or description"),
                   origin, pkeys[k]);
        return FALSE;
      }
  g_autofree char *name = g_key_file_get_string (kf, "profile", "name", NULL);
  g_autofree char *title = g_key_file_get_string (kf, "profile", "title", NULL);
  g_autofree char *extends = g_key_file_get_string (kf, "profile", "extends", NULL);
  if (extends)
    g_strstrip (extends);
  if (extends && *extends && !is_profile_name (extends))
    {
      set_error (error, ELECT_ERROR_INVALID,
                 _("%s: group [profile], key “extends”: “%s” is not a profile name (letters, digits, “-” and “_”, without “.ini”)"),
                 origin, extends);
      return FALSE;
    }

  g_ptr_array_add (ctx->visiting, g_strdup (label));
  if (extends && *extends)
    {
      if (!apply_named (into, extends, base_dir, origin, ctx, error))
        return FALSE;
    }
  g_free (g_ptr_array_steal_index (ctx->visiting, ctx->visiting->len - 1));

  /* The parameters of this file, group by group. */
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  for (int g = 0; groups[g]; g++)
    {
      if (strcmp (groups[g], "profile") == 0)
        continue;
      gboolean known_group = FALSE;
      gsize glen = strlen (groups[g]);
      for (int i = 0; i < ELECT_N_PARAMS; i++)
        if (strncmp (param_specs[i].key, groups[g], glen) == 0 && param_specs[i].key[glen] == '.')
          known_group = TRUE;
      if (!known_group)
        {
          set_error (error, ELECT_ERROR_UNKNOWN_KEY,
                     _("%s: group [%s]: unknown group"), origin, groups[g]);
          return FALSE;
        }
      g_auto (GStrv) keys = g_key_file_get_keys (kf, groups[g], NULL, NULL);
      /* values first, then citations, so "x.citation" may precede "x" */
      for (int pass = 0; pass < 2; pass++)
        for (int k = 0; keys && keys[k]; k++)
          {
            gboolean is_cite = g_str_has_suffix (keys[k], ".citation");
            if (is_cite != (pass == 1))
              continue;
            g_autofree char *pkey = is_cite
              ? g_strdup_printf ("%s.%.*s", groups[g], (int) (strlen (keys[k]) - strlen (".citation")), keys[k])
              : g_strdup_printf ("%s.%s", groups[g], keys[k]);
            int i = param_index (pkey);
            if (i < 0)
              {
                set_error (error, ELECT_ERROR_UNKNOWN_KEY,
                           _("%s: group [%s], key “%s”: unknown parameter"),
                           origin, groups[g], keys[k]);
                return FALSE;
              }
            g_autofree char *val = g_key_file_get_value (kf, groups[g], keys[k], NULL);
            ParamValue *pv = &into->v[i];
            if (is_cite)
              {
                g_free (pv->citation);
                pv->citation = g_strdup (g_strstrip (val));
                continue;
              }
            ParamValue nv = { 0 };
            if (!parse_value (i, val, origin, &nv, error))
              return FALSE;
            g_free (pv->citation);
            g_free (pv->origin);
            g_free (pv->raw);
            *pv = nv;
            pv->defined = TRUE;
            pv->citation = g_strdup ("");   /* a new value needs its own citation */
            pv->origin = g_strdup (label);
            pv->raw = g_strstrip (g_strdup (val));
          }
    }

  /* The outermost source names the profile. */
  if (ctx->visiting->len == 0)
    {
      g_free (into->name);
      into->name = g_strdup (name && *name ? g_strstrip (name) : default_name);
      g_free (into->title);
      into->title = g_strdup (title && *title ? g_strstrip (title) : into->name);
      g_free (into->parent);
      into->parent = extends && *extends ? g_strdup (extends) : NULL;
      g_free (into->origin);
      into->origin = g_strdup (label);
    }
  return TRUE;
}

/* ---- validation -------------------------------------------------------------------- */

static const char *
group_of (int i, char *buf, gsize n)
{
  const char *dot = strchr (param_specs[i].key, '.');
  g_snprintf (buf, n, "%.*s", (int) (dot - param_specs[i].key), param_specs[i].key);
  return buf;
}

static gboolean
contradiction (const ElectRules *r, GError **error, int i, int j, const char *why)
{
  char gi[32], gj[32];
  g_autofree char *vi = value_to_string (i, &r->v[i]);
  g_autofree char *vj = value_to_string (j, &r->v[j]);
  set_error (error, ELECT_ERROR_INVALID,
             _("%s: group [%s], key “%s”=%s contradicts group [%s], key “%s”=%s (set in %s): %s"),
             r->v[i].origin, group_of (i, gi, sizeof gi), strchr (param_specs[i].key, '.') + 1, vi,
             group_of (j, gj, sizeof gj), strchr (param_specs[j].key, '.') + 1, vj,
             r->v[j].origin, why);
  return FALSE;
}

#define P(id) (&r->v[ELECT_P_##id])

static gboolean
validate (const ElectRules *r, GError **error)
{
  for (int i = 0; i < ELECT_N_PARAMS; i++)
    if (!r->v[i].defined)
      {
        char g[32];
        set_error (error, ELECT_ERROR_INVALID,
                   _("%s: group [%s], key “%s”: not given by profile “%s” or the profiles it extends"),
                   r->origin, group_of (i, g, sizeof g), strchr (param_specs[i].key, '.') + 1, r->name);
        return FALSE;
      }

  if (P (SEATS_NORMAL_MAX)->set &&
      (P (SEATS_NORMAL_MAX)->a < P (SEATS_RANGE)->a || P (SEATS_NORMAL_MAX)->a > P (SEATS_RANGE)->b))
    return contradiction (r, error, ELECT_P_SEATS_NORMAL_MAX, ELECT_P_SEATS_RANGE,
                          _("the usual maximum must lie within the range of seats"));

  if (!P (PROXY_ALLOWED)->a && P (PROXY_MAX_PRINCIPALS)->set && P (PROXY_MAX_PRINCIPALS)->a > 0)
    return contradiction (r, error, ELECT_P_PROXY_MAX_PRINCIPALS, ELECT_P_PROXY_ALLOWED,
                          _("proxies are not allowed, so no proxy may hold principals"));
  if (P (PROXY_ALLOWED)->a && P (PROXY_MAX_PRINCIPALS)->set && P (PROXY_MAX_PRINCIPALS)->a == 0)
    return contradiction (r, error, ELECT_P_PROXY_MAX_PRINCIPALS, ELECT_P_PROXY_ALLOWED,
                          _("proxies are allowed, so a proxy must be able to hold at least one principal (or write none for no limit)"));
  if (P (PROXY_ALLOWED)->a && P (PROXY_RELATIONS)->bits == 0)
    return contradiction (r, error, ELECT_P_PROXY_RELATIONS, ELECT_P_PROXY_ALLOWED,
                          _("proxies are allowed, so the relations a proxy must have cannot be empty"));

  if (P (CANDIDATES_SURPLUS)->a == ELECT_SURPLUS_PER_POST && !P (CANDIDATES_SURPLUS_MEMBER)->set)
    return contradiction (r, error, ELECT_P_CANDIDATES_SURPLUS_MEMBER, ELECT_P_CANDIDATES_SURPLUS,
                          _("a per-post surplus needs at least the members' surplus"));
  if (P (CANDIDATES_SURPLUS)->a == ELECT_SURPLUS_FRACTION && !P (CANDIDATES_SURPLUS_FRACTION)->set)
    return contradiction (r, error, ELECT_P_CANDIDATES_SURPLUS_FRACTION, ELECT_P_CANDIDATES_SURPLUS,
                          _("a surplus as a share of seats needs that share"));

  if (P (SUPPLEMENTARY_RULE)->a != ELECT_SUPP_MAJORITY && !P (SUPPLEMENTARY_PLURALITY_FLOOR)->set)
    return contradiction (r, error, ELECT_P_SUPPLEMENTARY_PLURALITY_FLOOR, ELECT_P_SUPPLEMENTARY_RULE,
                          _("a plurality rule needs its floor (the least share of ballots cast)"));

  gint64 vac = P (SUPPLEMENTARY_VACANCY)->a;
  if ((vac == ELECT_VACANCY_AFTER_REGULAR || vac == ELECT_VACANCY_AFTER_SUPPLEMENTARY) &&
      !P (SUPPLEMENTARY_VACANCY_MIN_ELECTED)->set)
    return contradiction (r, error, ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED, ELECT_P_SUPPLEMENTARY_VACANCY,
                          _("seats may stay vacant only once a number of members is elected: give that number"));
  if (P (SUPPLEMENTARY_VACANCY_MIN_ELECTED)->set &&
      P (SUPPLEMENTARY_VACANCY_MIN_ELECTED)->a > P (SEATS_RANGE)->b)
    return contradiction (r, error, ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED, ELECT_P_SEATS_RANGE,
                          _("the members needed before seats may stay vacant exceed the largest committee"));
  if (vac == ELECT_VACANCY_NEVER && P (SUPPLEMENTARY_VACANCY_REQUIRES_CHAIR)->a)
    return contradiction (r, error, ELECT_P_SUPPLEMENTARY_VACANCY_REQUIRES_CHAIR, ELECT_P_SUPPLEMENTARY_VACANCY,
                          _("seats never stay vacant, so no condition for it can be given"));

  if (P (RELATIVES_AVOIDANCE)->a != ELECT_AVOIDANCE_NONE && P (RELATIVES_RELATIONS)->bits == 0)
    return contradiction (r, error, ELECT_P_RELATIVES_RELATIONS, ELECT_P_RELATIVES_AVOIDANCE,
                          _("relatives avoidance needs the relations it applies to"));
  if (P (RELATIVES_AVOIDANCE)->a == ELECT_AVOIDANCE_NONE && P (RELATIVES_REFILL)->a != ELECT_REFILL_NONE)
    return contradiction (r, error, ELECT_P_RELATIVES_REFILL, ELECT_P_RELATIVES_AVOIDANCE,
                          _("there is no avoidance, so no freed seat to refill"));

  if (P (WOMEN_KEEP_POST_IN_SUPPLEMENTARY)->a && P (WOMEN_MEMBER)->a != ELECT_WOMEN_SEPARATE_POST)
    return contradiction (r, error, ELECT_P_WOMEN_KEEP_POST_IN_SUPPLEMENTARY, ELECT_P_WOMEN_MEMBER,
                          _("only a separate women's post can be kept on the supplementary ballot"));

  if (P (COUNT_WIN_THRESHOLD)->a == 0 && P (COUNT_WIN_THRESHOLD)->strict == FALSE)
    return contradiction (r, error, ELECT_P_COUNT_WIN_THRESHOLD, ELECT_P_COUNT_WIN_BASE,
                          _("a threshold of at least 0 would elect a candidate with no votes"));

  if (P (PROXY_FILED_DAYS_BEFORE)->set && P (PROXY_LIST_DAYS_BEFORE)->set &&
      P (PROXY_LIST_DAYS_BEFORE)->a > P (PROXY_FILED_DAYS_BEFORE)->a)
    return contradiction (r, error, ELECT_P_PROXY_LIST_DAYS_BEFORE, ELECT_P_PROXY_FILED_DAYS_BEFORE,
                          _("the list of proxies cannot be published before the filing deadline"));
  if (P (ROLL_PUBLISH_DAYS_BEFORE)->set && P (ROLL_OBJECTION_DAYS)->set &&
      P (ROLL_OBJECTION_DAYS)->a > P (ROLL_PUBLISH_DAYS_BEFORE)->a)
    return contradiction (r, error, ELECT_P_ROLL_OBJECTION_DAYS, ELECT_P_ROLL_PUBLISH_DAYS_BEFORE,
                          _("the objection window would end after election day"));
  return TRUE;
}

/* ---- public loading --------------------------------------------------------------------- */

static ElectRules *
finish_load (ElectRules *r, gboolean ok, LoadCtx *ctx, GError **error)
{
  g_ptr_array_unref (ctx->visiting);
  if (!ok || !validate (r, error))
    {
      elect_rules_unref (r);
      return NULL;
    }
  return r;
}

/* The built-in profiles, each resolved once per process (an election file
 * names its profile, and a batch loads it for every file). A slot holds the
 * profile and the built-in names its chain was made of (itself, its parent,
 * ...); it is filled once, by a compare-and-exchange, and never freed.
 * Only a profile made of built-in texts alone is kept: one that resolved to
 * a key file of ELECT_PROFILE_PATH is loaded anew every time, as is any
 * profile given by path. Before a kept profile is returned, the directories
 * of ELECT_PROFILE_PATH (when set) are checked for a NAME.ini of each name
 * of its chain, which would override the built-in text. */
typedef struct {
  ElectRules *rules;
  const char **chain;   /* static names, NULL-terminated */
} BuiltinSlot;

static BuiltinSlot **
builtin_slots (void)
{
  static BuiltinSlot **slots;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      slots = g_new0 (BuiltinSlot *, elect_n_builtin_profiles);
      g_once_init_leave (&once, 1);
    }
  return slots;
}

static void
slot_free (BuiltinSlot *slot)
{
  elect_rules_unref (slot->rules);
  g_free (slot->chain);
  g_free (slot);
}

void
elect_rules_builtin_cache_clear (void)
{
  BuiltinSlot **slots = builtin_slots ();
  for (unsigned i = 0; i < elect_n_builtin_profiles; i++)
    {
      BuiltinSlot *slot = g_atomic_pointer_exchange (&slots[i], NULL);
      if (slot)
        slot_free (slot);
    }
}

static gboolean
overridden_on_path (const char *const *chain)
{
  const char *env = g_getenv ("ELECT_PROFILE_PATH");
  if (!env || !*env)
    return FALSE;
  g_auto (GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
  for (int n = 0; chain[n]; n++)
    for (int k = 0; dirs[k]; k++)
      {
        if (!*dirs[k])
          continue;
        g_autofree char *fname = g_strconcat (chain[n], ".ini", NULL);
        g_autofree char *p = g_build_filename (dirs[k], fname, NULL);
        if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
          return TRUE;
      }
  return FALSE;
}

static ElectRules *
load_uncached (const char *name_or_path, GPtrArray *applied, gboolean *from_file,
               GError **error)
{
  ElectRules *r = rules_alloc ();
  LoadCtx ctx = { g_ptr_array_new_with_free_func (g_free), applied, FALSE };
  gboolean ok = is_path (name_or_path)
    ? apply_file (r, name_or_path, &ctx, error)
    : apply_named (r, name_or_path, NULL, NULL, &ctx, error);
  if (from_file)
    *from_file = ctx.from_file;
  return finish_load (r, ok, &ctx, error);
}

ElectRules *
elect_rules_load (const char *name_or_path, GError **error)
{
  g_return_val_if_fail (name_or_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  int bi = is_path (name_or_path) ? -1 : builtin_index (name_or_path);
  if (bi < 0)
    return load_uncached (name_or_path, NULL, NULL, error);

  BuiltinSlot **slots = builtin_slots ();
  BuiltinSlot *slot = g_atomic_pointer_get (&slots[bi]);
  if (slot)
    {
      if (!overridden_on_path ((const char *const *) slot->chain))
        return elect_rules_ref (slot->rules);
      return load_uncached (name_or_path, NULL, NULL, error);
    }
  g_autoptr (GPtrArray) applied = g_ptr_array_new ();
  gboolean from_file = FALSE;
  ElectRules *r = load_uncached (name_or_path, applied, &from_file, error);
  if (r == NULL || from_file)
    return r;
  slot = g_new0 (BuiltinSlot, 1);
  slot->rules = elect_rules_ref (r);
  g_ptr_array_add (applied, NULL);
  slot->chain = (const char **) g_ptr_array_steal (applied, NULL);
  if (!g_atomic_pointer_compare_and_exchange (&slots[bi], NULL, slot))
    {
      /* Another thread kept its copy first: the two are equal. */
      slot_free (slot);
    }
  return r;
}

ElectRules *
elect_rules_load_from_data (const char *data, gssize length, const char *origin,
                            GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (memchr (data, '\0', len) != NULL)
    {
      set_error (error, ELECT_ERROR_PARSE, _("%s: the profile contains a NUL byte"),
                 origin ? origin : "<data>");
      return NULL;
    }
  ElectRules *r = rules_alloc ();
  LoadCtx ctx = { g_ptr_array_new_with_free_func (g_free), NULL, FALSE };
  const char *o = origin ? origin : "<data>";
  gboolean ok = apply_source (r, data, len, o, o, NULL, "custom", &ctx, error);
  return finish_load (r, ok, &ctx, error);
}

const char *const *
elect_rules_list_builtin (void)
{
  return elect_builtin_profile_names;
}

/* ---- queries -------------------------------------------------------------------------------- */

const char *
elect_rules_get_name (const ElectRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
elect_rules_get_title (const ElectRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
elect_rules_get_parent (const ElectRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->parent;
}

ElectKind
elect_rules_get_kind (const ElectRules *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (ElectKind) (self->v[ELECT_P_GENERAL_KIND].a + 1);
}

const char *const *
elect_rules_list_params (void)
{
  return param_keys;
}

ElectParamType
elect_rules_param_get_type (const char *key)
{
  int i = param_index (key);
  return i < 0 ? 0 : param_specs[i].type;
}

const char *const *
elect_rules_param_get_choices (const char *key)
{
  int i = param_index (key);
  return i < 0 ? NULL : param_specs[i].choices;
}

const char *
elect_rules_param_get_description (const char *key, const char *lang)
{
  int i = param_index (key);
  return i < 0 ? NULL : elect_tr (lang, param_specs[i].doc);
}

/* Looks @key up and checks its type and value; sets an error otherwise. */
static const ParamValue *
lookup (const ElectRules *self, const char *key, ElectParamType t1, ElectParamType t2,
        GError **error)
{
  int i = param_index (key);
  if (i < 0)
    {
      set_error (error, ELECT_ERROR_NOT_FOUND, _("no parameter named “%s”"), key ? key : "(null)");
      return NULL;
    }
  if (param_specs[i].type != t1 && param_specs[i].type != t2)
    {
      set_error (error, ELECT_ERROR_TYPE, _("parameter “%s” is of type %s, not %s"),
                 key, type_names[param_specs[i].type], type_names[t1]);
      return NULL;
    }
  if (!self->v[i].set)
    {
      set_error (error, ELECT_ERROR_UNSET,
                 _("parameter “%s” has no value (none) in profile “%s”"), key, self->name);
      return NULL;
    }
  return &self->v[i];
}

gboolean
elect_rules_is_set (const ElectRules *self, const char *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  int i = param_index (key);
  return i >= 0 && self->v[i].set;
}

gboolean
elect_rules_get_int (const ElectRules *self, const char *key, gint64 *out_value, GError **error)
{
  g_return_val_if_fail (self != NULL && out_value != NULL, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_INT, ELECT_PARAM_TYPE_DAYS, error);
  if (pv)
    *out_value = pv->a;
  return pv != NULL;
}

gboolean
elect_rules_get_bool (const ElectRules *self, const char *key, gboolean *out_value, GError **error)
{
  g_return_val_if_fail (self != NULL && out_value != NULL, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_BOOL, ELECT_PARAM_TYPE_BOOL, error);
  if (pv)
    *out_value = pv->a != 0;
  return pv != NULL;
}

gboolean
elect_rules_get_range (const ElectRules *self, const char *key, gint64 *out_min, gint64 *out_max,
                       GError **error)
{
  g_return_val_if_fail (self != NULL && out_min != NULL && out_max != NULL, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_RANGE, ELECT_PARAM_TYPE_RANGE, error);
  if (pv)
    {
      *out_min = pv->a;
      *out_max = pv->b;
    }
  return pv != NULL;
}

gboolean
elect_rules_get_fraction (const ElectRules *self, const char *key, gint64 *out_num,
                          gint64 *out_den, gboolean *out_strict, GError **error)
{
  g_return_val_if_fail (self != NULL && out_num && out_den && out_strict, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_FRACTION, ELECT_PARAM_TYPE_FRACTION, error);
  if (pv)
    {
      *out_num = pv->a;
      *out_den = pv->b;
      *out_strict = pv->strict;
    }
  return pv != NULL;
}

static gboolean
check_count (gint64 n, GError **error)
{
  if (n < 0 || n > ELECT_COUNT_MAX)
    {
      set_error (error, ELECT_ERROR_LIMIT,
                 _("count %lld is outside 0…%lld"),
                 (long long) n, (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  return TRUE;
}

gboolean
elect_rules_fraction_holds (const ElectRules *self, const char *key, gint64 part, gint64 whole,
                            gboolean *out_holds, GError **error)
{
  g_return_val_if_fail (self != NULL && out_holds != NULL, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_FRACTION, ELECT_PARAM_TYPE_FRACTION, error);
  if (!pv || !check_count (part, error) || !check_count (whole, error))
    return FALSE;
  ElectFraction f = { pv->a, pv->b, pv->strict };
  *out_holds = elect_fraction_holds (f, part, whole);
  return TRUE;
}

gboolean
elect_rules_fraction_least (const ElectRules *self, const char *key, gint64 whole,
                            gint64 *out_least, GError **error)
{
  g_return_val_if_fail (self != NULL && out_least != NULL, FALSE);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_FRACTION, ELECT_PARAM_TYPE_FRACTION, error);
  if (!pv || !check_count (whole, error))
    return FALSE;
  ElectFraction f = { pv->a, pv->b, pv->strict };
  *out_least = elect_fraction_least (f, whole);
  return TRUE;
}

const char *
elect_rules_get_policy (const ElectRules *self, const char *key, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_POLICY, ELECT_PARAM_TYPE_POLICY, error);
  return pv ? param_specs[param_index (key)].choices[pv->a] : NULL;
}

char **
elect_rules_get_set (const ElectRules *self, const char *key, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  const ParamValue *pv = lookup (self, key, ELECT_PARAM_TYPE_SET, ELECT_PARAM_TYPE_SET, error);
  if (!pv)
    return NULL;
  const char *const *choices = param_specs[param_index (key)].choices;
  GPtrArray *a = g_ptr_array_new ();
  for (int c = 0; choices[c]; c++)
    if (pv->bits & (G_GUINT64_CONSTANT (1) << c))
      g_ptr_array_add (a, g_strdup (choices[c]));
  g_ptr_array_add (a, NULL);
  return (char **) g_ptr_array_free (a, FALSE);
}

char *
elect_rules_get_value_string (const ElectRules *self, const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  int i = param_index (key);
  return i < 0 ? NULL : value_to_string (i, &self->v[i]);
}

const char *
elect_rules_get_citation (const ElectRules *self, const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  int i = param_index (key);
  return i < 0 ? NULL : self->v[i].citation;
}

const char *
elect_rules_get_origin (const ElectRules *self, const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  int i = param_index (key);
  return i < 0 ? NULL : self->v[i].origin;
}

gint64
elect_count_max (void)
{
  return ELECT_COUNT_MAX;
}

/* ---- internal typed access ---------------------------------------------------------------------- */

gboolean
elect_rules_p_is_set (const ElectRules *rules, ElectParamId id)
{
  return rules->v[id].set;
}

gint64
elect_rules_p_int (const ElectRules *rules, ElectParamId id)
{
  g_assert (rules->v[id].set);
  return rules->v[id].a;
}

void
elect_rules_p_range (const ElectRules *rules, ElectParamId id, gint64 *lo, gint64 *hi)
{
  g_assert (rules->v[id].set);
  *lo = rules->v[id].a;
  *hi = rules->v[id].b;
}

ElectFraction
elect_rules_p_fraction (const ElectRules *rules, ElectParamId id)
{
  g_assert (rules->v[id].set);
  ElectFraction f = { rules->v[id].a, rules->v[id].b, rules->v[id].strict };
  return f;
}

guint64
elect_rules_p_bits (const ElectRules *rules, ElectParamId id)
{
  return rules->v[id].set ? rules->v[id].bits : 0;
}

const char *
elect_rules_p_citation (const ElectRules *rules, ElectParamId id)
{
  return rules->v[id].citation;
}

const char *
elect_rules_p_key (ElectParamId id)
{
  return param_specs[id].key;
}

/* ---- dumps ------------------------------------------------------------------------------------------ */

char *
elect_rules_dump (const ElectRules *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  GString *s = g_string_new (NULL);
  gboolean zh = elect_lang_is_zh (lang);

  g_string_append_printf (s, "%s: %s — %s\n", elect_tr (lang, N_("profile")), self->name, self->title);
  if (self->parent)
    g_string_append_printf (s, "%s: %s\n", elect_tr (lang, N_("extends")), self->parent);
  g_string_append_printf (s, "%s: %s\n", elect_tr (lang, N_("kind")),
                          elect_kind_choices[self->v[ELECT_P_GENERAL_KIND].a]);

  char last_group[32] = "";
  for (int i = 0; i < ELECT_N_PARAMS; i++)
    {
      char g[32];
      group_of (i, g, sizeof g);
      if (strcmp (g, last_group) != 0)
        {
          g_string_append_printf (s, "\n[%s]\n", g);
          g_strlcpy (last_group, g, sizeof last_group);
        }
      const ParamValue *pv = &self->v[i];
      g_autofree char *val = value_to_string (i, pv);
      gboolean inherited = strcmp (pv->origin, self->origin) != 0;
      g_string_append_printf (s, "  %-34s = %s\n", strchr (param_specs[i].key, '.') + 1, val);
      g_string_append_printf (s, "      %s\n", elect_tr (lang, param_specs[i].doc));
      g_string_append_printf (s, "      %s: %s%s\n",
                              elect_tr (lang, N_("set in")), pv->origin,
                              inherited ? (zh ? "（继承）" : " (inherited)") : "");
      g_string_append_printf (s, "      %s: %s\n", elect_tr (lang, N_("citation")),
                              *pv->citation ? pv->citation : elect_tr (lang, N_("(none given)")));
    }
  return g_string_free (s, FALSE);
}

char *
elect_rules_to_json (const ElectRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, self->title);
  json_builder_set_member_name (b, "extends");
  if (self->parent)
    json_builder_add_string_value (b, self->parent);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, elect_kind_choices[self->v[ELECT_P_GENERAL_KIND].a]);
  json_builder_set_member_name (b, "params");
  json_builder_begin_object (b);
  for (int i = 0; i < ELECT_N_PARAMS; i++)
    {
      const ParamValue *pv = &self->v[i];
      g_autofree char *val = value_to_string (i, pv);
      json_builder_set_member_name (b, param_specs[i].key);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, type_names[param_specs[i].type]);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, val);
      json_builder_set_member_name (b, "origin");
      json_builder_add_string_value (b, pv->origin);
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, pv->citation);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}
