/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the journal, audit and crash suites: ballots from the ballot
 * objects of election files (as the election reader reads them), templates
 * (an election file with "ballots": []), temporary directories. Include
 * after cmocka.h. */
#pragma once

#include "elect/elect.h"
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Marks @b as the ballot object @o of an election file says (FORMATS.md
 * §1, doc/election-format.md): listed names are marks, other names and
 * {"write_in": NAME} are write-ins, Party line objects, "spoiled". */
static inline void
jh_fill_ballot (ElectBallot *b, JsonObject *o)
{
  ElectPaper *paper = elect_ballot_get_paper (b);
  GList *members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      JsonNode *v = json_object_get_member (o, key);
      if (strcmp (key, "spoiled") == 0)
        {
          if (json_node_get_boolean (v))
            elect_ballot_set_unreadable (b);
          continue;
        }
      if (g_str_has_prefix (key, "x-"))
        continue;
      int c = elect_paper_find_contest (paper, key, -1);
      assert_true (c >= 0);
      if (JSON_NODE_HOLDS_ARRAY (v))
        {
          JsonArray *a = json_node_get_array (v);
          for (guint i = 0; i < json_array_get_length (a); i++)
            {
              JsonNode *e = json_array_get_element (a, i);
              if (JSON_NODE_HOLDS_OBJECT (e))
                {
                  elect_ballot_write_in (b, (guint) c,
                                         json_object_get_string_member (json_node_get_object (e), "write_in"), -1);
                  continue;
                }
              const char *name = json_node_get_string (e);
              int k = elect_paper_find_candidate (paper, (guint) c, name, -1);
              if (k >= 0)
                elect_ballot_mark (b, (guint) c, (guint) k);
              else
                elect_ballot_write_in (b, (guint) c, name, -1);
            }
          continue;
        }
      JsonObject *lines = json_node_get_object (v);
      static const char *const marks[] = { "for", "against", "abstain" };
      for (int m = 0; m < 3; m++)
        {
          if (!json_object_has_member (lines, marks[m]))
            continue;
          JsonArray *a = json_object_get_array_member (lines, marks[m]);
          for (guint i = 0; i < json_array_get_length (a); i++)
            {
              const char *name = json_array_get_string_element (a, i);
              int k = elect_paper_find_candidate (paper, (guint) c, name, -1);
              if (k >= 0)
                elect_ballot_mark_party (b, (guint) c, (guint) k, (ElectMark) (m + 1));
              else
                elect_ballot_write_in (b, (guint) c, name, -1);
            }
        }
      if (json_object_has_member (lines, "write_in"))
        {
          JsonObject *w = json_object_get_object_member (lines, "write_in");
          GList *wl = json_object_get_members (w);
          for (GList *x = wl; x; x = x->next)
            {
              int k = elect_paper_find_candidate (paper, (guint) c, x->data, -1);
              assert_true (k >= 0);
              elect_ballot_write_in_on_line (b, (guint) c, (guint) k,
                                             json_object_get_string_member (w, x->data), -1);
            }
          g_list_free (wl);
        }
    }
  g_list_free (members);
}

/* Splits election file @path into a template written to @dir/template.json
 * (every member but "ballots", then "ballots": []) and its ballot objects
 * (returned, transfer full: an array of JsonNode). */
static inline GPtrArray *
jh_split_election (const char *path, const char *dir, char **out_template)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_file (parser, path, &error))
    fail_msg ("%s", error->message);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  GPtrArray *ballots = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonArray *a = json_object_get_array_member (root, "ballots");
  for (guint i = 0; i < json_array_get_length (a); i++)
    g_ptr_array_add (ballots, json_node_copy (json_array_get_element (a, i)));
  g_autoptr (JsonObject) t = json_object_new ();
  GList *members = json_object_get_members (root);
  for (GList *l = members; l; l = l->next)
    if (strcmp (l->data, "ballots") != 0)
      json_object_set_member (t, l->data, json_node_copy (json_object_get_member (root, l->data)));
  g_list_free (members);
  json_object_set_array_member (t, "ballots", json_array_new ());
  g_autoptr (JsonNode) tn = json_node_init_object (json_node_alloc (), t);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, tn);
  *out_template = g_build_filename (dir, "template.json", NULL);
  if (!json_generator_to_file (gen, *out_template, &error))
    fail_msg ("%s", error->message);
  return ballots;
}

/* Reads a template (or any election file) and returns its election. */
static inline ElectElection *
jh_read (const char *path)
{
  g_autoptr (GError) error = NULL;
  ElectElection *e = elect_election_read_file (path, &error);
  if (e == NULL)
    fail_msg ("%s", error->message);
  return e;
}

/* Writes @len bytes to @path (replacing it). */
static inline void
jh_write (const char *path, const void *data, gsize len)
{
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, data, (gssize) len, &error))
    fail_msg ("%s", error->message);
}

static inline GBytes *
jh_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, &error))
    fail_msg ("%s", error->message);
  return g_bytes_new_take (data, len);
}

/* Removes a temporary directory and what is in it (one level). */
static inline void
jh_rmdir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d)
    {
      const char *name;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (dir, name, NULL);
          g_unlink (p);
        }
      g_dir_close (d);
    }
  g_rmdir (dir);
}

/* The result JSON of counting an election file's text. */
static inline char *
jh_count_text (const char *text, const char *base_dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectElection) e = elect_election_read_data (text, -1, "export", base_dir, &error);
  if (e == NULL)
    fail_msg ("%s", error->message);
  g_autoptr (ElectOutcome) o = elect_election_count (e, &error);
  if (o == NULL)
    fail_msg ("%s", error->message);
  return elect_outcome_to_json (o, "en");
}

static inline char *
jh_count_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectElection) e = jh_read (path);
  g_autoptr (ElectOutcome) o = elect_election_count (e, &error);
  if (o == NULL)
    fail_msg ("%s", error->message);
  return elect_outcome_to_json (o, "en");
}
