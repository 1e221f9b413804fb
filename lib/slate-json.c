/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Readers of the nomination file (libelect.nominations/1) and the
 * candidate-record file (libelect.candidates/1), doc/formats-candidates.md.
 * Every error names the origin and the JSON path. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "rules-private.h"

#define SLATE_MAX_INPUT (64 * 1024 * 1024)

ElectNomination *
elect_nomination_new_from_json (ElectRules *rules, const char *data, gssize length,
                                const char *origin, char ***committee, GError **error)
{
  g_return_val_if_fail (rules != NULL && data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!origin)
    origin = "<nominations>";
  if (committee)
    *committee = NULL;
  g_autoptr (JsonNode) root = elect_json_doc_parse (data, length, origin, SLATE_MAX_INPUT,
                                                    "libelect.nominations/1", error);
  if (!root)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  static const char *const top[] = { "format", "profile", "voters", "participants", "posts",
                                     "ballots", "committee", NULL };
  if (!elect_json_check_members (o, top, origin, "$", error))
    return NULL;
  g_autoptr (ElectNomination) nom = elect_nomination_new (rules);
  gint64 voters = -1, participants = -1;
  if (!elect_json_get_int (o, "voters", ELECT_JSON_OPTIONAL, 0, ELECT_COUNT_MAX, &voters, origin,
                           "$", error)
      || !elect_json_get_int (o, "participants", ELECT_JSON_OPTIONAL, 0, ELECT_COUNT_MAX,
                              &participants, origin, "$", error))
    return NULL;
  if ((voters >= 0) != (participants >= 0))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: $: give both “voters” and “participants”, or neither"), origin);
      return NULL;
    }
  if (voters >= 0 && !elect_nomination_set_turnout (nom, voters, participants, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: $.participants: more than the %lld voters"), origin, (long long) voters);
      return NULL;
    }
  gboolean failed;
  elect_json_get_string (o, "profile", ELECT_JSON_OPTIONAL, origin, "$", error, &failed);
  if (failed)
    return NULL;

  JsonNode *pn = json_object_get_member (o, "posts");
  if (!pn || !JSON_NODE_HOLDS_ARRAY (pn) || json_array_get_length (json_node_get_array (pn)) == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.posts: expected a non-empty array"),
                   origin);
      return NULL;
    }
  JsonArray *posts = json_node_get_array (pn);
  guint n_posts = json_array_get_length (posts);
  if (n_posts > 16)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: $.posts: more than 16 posts"), origin);
      return NULL;
    }
  static const char *const post_keys[] = { "id", "kind", "title", "seats", "candidates", NULL };
  for (guint i = 0; i < n_posts; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.posts[%u]", i);
      JsonObject *po = elect_json_array_get_object (posts, i, post_keys, origin, path, error);
      if (!po)
        return NULL;
      const char *id = elect_json_get_string (po, "id", ELECT_JSON_REQUIRED, origin, path, error,
                                              &failed);
      if (failed)
        return NULL;
      const char *kind_s = elect_json_get_string (po, "kind", ELECT_JSON_REQUIRED, origin, path,
                                                  error, &failed);
      if (failed)
        return NULL;
      elect_json_get_string (po, "title", ELECT_JSON_OPTIONAL, origin, path, error, &failed);
      if (failed)
        return NULL;
      ElectPostKind kind;
      if (!elect_post_kind_from_string (kind_s, &kind))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: %s.kind: expected chair, vice, member or all"), origin, path);
          return NULL;
        }
      gint64 seats = 0, cands = -1;
      if (!elect_json_get_int (po, "seats", ELECT_JSON_REQUIRED, 1, 99, &seats, origin, path, error)
          || !elect_json_get_int (po, "candidates", ELECT_JSON_OPTIONAL, 1, 990, &cands, origin,
                                  path, error))
        return NULL;
      g_autoptr (GError) local = NULL;
      if (!elect_nomination_add_post (nom, id, kind, seats, &local))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, "%s: %s: %s", origin, path, local->message);
          return NULL;
        }
      if (cands > 0)
        elect_nomination_set_candidates (nom, id, cands, NULL);
    }

  JsonNode *bn = json_object_get_member (o, "ballots");
  if (!bn || !JSON_NODE_HOLDS_ARRAY (bn))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.ballots: expected an array"), origin);
      return NULL;
    }
  JsonArray *ballots = json_node_get_array (bn);
  g_autoptr (GPtrArray) ps = g_ptr_array_new ();
  g_autoptr (GPtrArray) ns = g_ptr_array_new ();
  for (guint b = 0; b < json_array_get_length (ballots); b++)
    {
      g_autofree char *path = g_strdup_printf ("$.ballots[%u]", b);
      JsonNode *e = json_array_get_element (ballots, b);
      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: %s: expected an object {post id: [names]}"), origin, path);
          return NULL;
        }
      g_ptr_array_set_size (ps, 0);
      g_ptr_array_set_size (ns, 0);
      JsonObject *bo = json_node_get_object (e);
      g_autoptr (GList) members = json_object_get_members (bo);
      for (GList *l = members; l; l = l->next)
        {
          const char *post = l->data;
          JsonNode *ln = json_object_get_member (bo, post);
          gboolean known = FALSE;
          for (guint i = 0; i < n_posts; i++)
            {
              JsonObject *po = json_array_get_object_element (posts, i);
              if (strcmp (json_object_get_string_member (po, "id"), post) == 0)
                known = TRUE;
            }
          if (!known)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s: “%s” is not a post id of $.posts"), origin, path, post);
              return NULL;
            }
          if (!JSON_NODE_HOLDS_ARRAY (ln))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.%s: expected an array of names"), origin, path, post);
              return NULL;
            }
          JsonArray *names = json_node_get_array (ln);
          if (json_array_get_length (names) > 1000)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: %s.%s: too many names"),
                           origin, path, post);
              return NULL;
            }
          for (guint k = 0; k < json_array_get_length (names); k++)
            {
              JsonNode *nn = json_array_get_element (names, k);
              const char *name = json_node_get_value_type (nn) == G_TYPE_STRING
                                   ? json_node_get_string (nn) : NULL;
              g_autofree char *norm = name ? elect_name_normalize (name, -1) : NULL;
              if (!norm || !*norm)
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                               _("%s: %s.%s[%u]: expected a non-empty name"), origin, path, post, k);
                  return NULL;
                }
              g_ptr_array_add (ps, (gpointer) post);
              g_ptr_array_add (ns, (gpointer) name);
            }
        }
      g_autoptr (GError) local = NULL;
      if (!elect_nomination_add_ballot (nom, (const char *const *) ps->pdata,
                                        (const char *const *) ns->pdata, ps->len, &local))
        {
          g_set_error (error, ELECT_ERROR, local->code, "%s: %s: %s", origin, path, local->message);
          return NULL;
        }
    }

  JsonNode *cn = json_object_get_member (o, "committee");
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  if (cn)
    {
      if (!JSON_NODE_HOLDS_ARRAY (cn))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: $.committee: expected an array of names"), origin);
          return NULL;
        }
      JsonArray *ca = json_node_get_array (cn);
      for (guint i = 0; i < json_array_get_length (ca); i++)
        {
          JsonNode *nn = json_array_get_element (ca, i);
          if (json_node_get_value_type (nn) != G_TYPE_STRING || !*json_node_get_string (nn))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: $.committee[%u]: expected a non-empty name"), origin, i);
              return NULL;
            }
          g_ptr_array_add (members, g_strdup (json_node_get_string (nn)));
        }
    }
  g_ptr_array_add (members, NULL);
  if (committee)
    *committee = (char **) g_ptr_array_free (g_steal_pointer (&members), FALSE);
  return g_steal_pointer (&nom);
}

static void
record_free (gpointer p)
{
  elect_candidate_record_free (p);
}

GPtrArray *
elect_candidate_records_from_json (const char *data, gssize length, const char *origin,
                                   const ElectNegativeList *list, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!origin)
    origin = "<candidates>";
  g_autoptr (JsonNode) root = elect_json_doc_parse (data, length, origin, SLATE_MAX_INPUT,
                                                    "libelect.candidates/1", error);
  if (!root)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  static const char *const top[] = { "format", "people", NULL };
  if (!elect_json_check_members (o, top, origin, "$", error))
    return NULL;
  JsonNode *pn = json_object_get_member (o, "people");
  if (!pn || !JSON_NODE_HOLDS_ARRAY (pn))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.people: expected an array"), origin);
      return NULL;
    }
  JsonArray *people = json_node_get_array (pn);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (record_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *const keys[] = { "name", "id_number", "birth_date", "voter", "legal_capacity",
                                      "sentenced", "post", "incumbent", "facts", "relatives", NULL };
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.people[%u]", i);
      JsonObject *po = elect_json_array_get_object (people, i, keys, origin, path, error);
      if (!po)
        return NULL;
      gboolean failed;
      const char *name = elect_json_get_string (po, "name", ELECT_JSON_REQUIRED, origin, path,
                                                error, &failed);
      if (failed)
        return NULL;
      g_autoptr (ElectCandidateRecord) rec = elect_candidate_record_new (name);
      if (!rec || !*elect_candidate_record_get_name (rec))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.name: expected a non-empty name"),
                       origin, path);
          return NULL;
        }
      if (!g_hash_table_add (seen, g_strdup (elect_candidate_record_get_name (rec))))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: %s.name: “%s” has two records (names identify people in this file)"),
                       origin, path, name);
          return NULL;
        }
      GDate birth;
      if (!elect_json_get_date (po, "birth_date", ELECT_JSON_OPTIONAL, 1, &birth, NULL, origin,
                                path, error))
        return NULL;
      const char *id = elect_json_get_string (po, "id_number", ELECT_JSON_OPTIONAL, origin, path,
                                              error, &failed);
      if (failed)
        return NULL;
      if (id)
        {
          GDate from_id;
          g_autoptr (GError) local = NULL;
          if (!elect_id_number_parse (id, -1, NULL, NULL, &from_id, NULL, &local))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, "%s: %s.id_number: %s", origin, path,
                           local->message);
              return NULL;
            }
          if (g_date_valid (&birth) && g_date_compare (&birth, &from_id) != 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.birth_date: contradicts the date of birth in id_number"), origin, path);
              return NULL;
            }
          birth = from_id;
        }
      if (g_date_valid (&birth))
        elect_candidate_record_set_birth_date (rec, &birth);
      gboolean voter = TRUE, capacity = TRUE, sentenced = FALSE, incumbent = FALSE;
      if (!elect_json_get_bool (po, "voter", &voter, origin, path, error)
          || !elect_json_get_bool (po, "legal_capacity", &capacity, origin, path, error)
          || !elect_json_get_bool (po, "sentenced", &sentenced, origin, path, error)
          || !elect_json_get_bool (po, "incumbent", &incumbent, origin, path, error))
        return NULL;
      elect_candidate_record_set_status (rec, voter, capacity, sentenced);
      const char *post = elect_json_get_string (po, "post", ELECT_JSON_OPTIONAL, origin, path,
                                                error, &failed);
      if (failed)
        return NULL;
      if (post)
        {
          ElectPostKind kind;
          if (!elect_post_kind_from_string (post, &kind))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.post: expected chair, vice, member or all"), origin, path);
              return NULL;
            }
          elect_candidate_record_set_post (rec, kind, incumbent);
        }
      JsonNode *fn = json_object_get_member (po, "facts");
      if (fn && !JSON_NODE_HOLDS_ARRAY (fn))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.facts: expected an array"), origin, path);
          return NULL;
        }
      static const char *const fact_keys[] = { "item", "date", NULL };
      for (guint f = 0; fn && f < json_array_get_length (json_node_get_array (fn)); f++)
        {
          g_autofree char *fpath = g_strdup_printf ("%s.facts[%u]", path, f);
          JsonObject *fo = elect_json_array_get_object (json_node_get_array (fn), f, fact_keys,
                                                        origin, fpath,
                                                        error);
          if (!fo)
            return NULL;
          const char *item = elect_json_get_string (fo, "item", ELECT_JSON_REQUIRED, origin, fpath,
                                                    error, &failed);
          if (failed)
            return NULL;
          if (list)
            {
              gboolean found = FALSE;
              for (guint k = 0; k < elect_negative_list_get_n_items (list); k++)
                if (strcmp (elect_negative_list_get_item_id (list, k), item) == 0)
                  found = TRUE;
              if (!found)
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                               _("%s: %s.item: “%s” is not an item of the negative list"), origin, fpath, item);
                  return NULL;
                }
            }
          GDate d;
          if (!elect_json_get_date (fo, "date", ELECT_JSON_OPTIONAL, 1, &d, NULL, origin, fpath,
                                    error))
            return NULL;
          elect_candidate_record_add_fact (rec, item, g_date_valid (&d) ? &d : NULL);
        }
      JsonNode *rn = json_object_get_member (po, "relatives");
      if (rn && !JSON_NODE_HOLDS_ARRAY (rn))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.relatives: expected an array"), origin, path);
          return NULL;
        }
      static const char *const rel_keys[] = { "name", "relation", NULL };
      for (guint r = 0; rn && r < json_array_get_length (json_node_get_array (rn)); r++)
        {
          g_autofree char *rpath = g_strdup_printf ("%s.relatives[%u]", path, r);
          JsonObject *ro = elect_json_array_get_object (json_node_get_array (rn), r, rel_keys,
                                                        origin, rpath,
                                                        error);
          if (!ro)
            return NULL;
          const char *rname = elect_json_get_string (ro, "name", ELECT_JSON_REQUIRED, origin,
                                                     rpath, error, &failed);
          if (failed)
            return NULL;
          const char *rel = elect_json_get_string (ro, "relation", ELECT_JSON_REQUIRED, origin,
                                                   rpath, error, &failed);
          if (failed)
            return NULL;
          if (!elect_candidate_record_add_relative (rec, rname, rel))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s: expected a non-empty name and a relation (spouse, parent, child, "
                             "sibling, grandparent, grandchild)"), origin, rpath);
              return NULL;
            }
        }
      g_ptr_array_add (out, g_steal_pointer (&rec));
    }
  return g_steal_pointer (&out);
}
