/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-slate: vet prospective candidates and count the nomination; print
 * the vetting verdicts and the official candidates in stroke order (JSON,
 * libelect.slate/1, doc/formats-candidates.md).
 *
 *   elect-slate --profile P --nominations FILE --candidates FILE
 *               [--negative-list FILE] --reference-date YYYY-MM-DD
 *               [--name-order surname-strokes|name-strokes] [--lang zh|en]
 *               [-o FILE]
 *
 * Barred people (statutory bars, hard negative-list items) are excluded from
 * the count and the next nominee moves up; not-recommended people stay, with
 * their verdict. Exit 1 (one line on stderr, nothing on stdout) for a
 * malformed input, 2 for a usage error. */
#include "config.h"
#include "common.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gboolean
parse_day (const char *s, GDate *d)
{
  g_date_clear (d, 1);
  if (!s || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  int y = atoi (s), m = atoi (s + 5), dd = atoi (s + 8);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (d, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static void
add_reason (JsonBuilder *b, ElectReason *r, const char *lang)
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

static void
add_json_text (JsonBuilder *b, const char *text)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  if (json_parser_load_from_data (p, text, -1, NULL))
    json_builder_add_value (b, json_node_copy (json_parser_get_root (p)));
  else
    json_builder_add_null_value (b);
}

/* Adds the slate's JSON with each post's "title" taken from the nomination
 * file's posts (an optional member of libelect.slate/1, for printing the
 * list: doc/formats-candidates.md). */
static void
add_slate_with_titles (JsonBuilder *b, const char *slate_json, const char *nominations_json)
{
  g_autoptr (JsonParser) sp = json_parser_new ();
  g_autoptr (JsonParser) np = json_parser_new ();
  JsonNode *root, *posts, *nposts;
  if (!json_parser_load_from_data (sp, slate_json, -1, NULL))
    {
      json_builder_add_null_value (b);
      return;
    }
  root = json_parser_get_root (sp);
  posts = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "posts") : NULL;
  if (posts && JSON_NODE_HOLDS_ARRAY (posts) && json_parser_load_from_data (np, nominations_json, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (np))
      && (nposts = json_object_get_member (json_node_get_object (json_parser_get_root (np)), "posts"))
      && JSON_NODE_HOLDS_ARRAY (nposts))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (posts)); i++)
      {
        JsonObject *post = json_array_get_object_element (json_node_get_array (posts), i);
        const char *id = json_object_get_string_member_with_default (post, "id", "");
        for (guint k = 0; k < json_array_get_length (json_node_get_array (nposts)); k++)
          {
            JsonNode *n = json_array_get_element (json_node_get_array (nposts), k);
            JsonObject *np_post = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
            if (np_post && g_strcmp0 (json_object_get_string_member_with_default (np_post, "id", NULL), id) == 0
                && json_object_get_string_member_with_default (np_post, "title", NULL))
              json_object_set_string_member (post, "title",
                                             json_object_get_string_member (np_post, "title"));
          }
      }
  json_builder_add_value (b, json_node_copy (root));
}

static int
fail (const char *msg, int status)
{
  example_fail (msg);
  return status;
}

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  g_autofree char *profile = NULL, *nominations = NULL, *candidates = NULL, *negative = NULL;
  g_autofree char *reference = NULL, *order_opt = NULL, *lang_opt = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile, N_("Rule profile (name or key file)"), "P" },
    { "nominations", 0, 0, G_OPTION_ARG_FILENAME, &nominations, N_("Nomination file (JSON)"), "FILE" },
    { "candidates", 0, 0, G_OPTION_ARG_FILENAME, &candidates, N_("Candidate-record file (JSON)"), "FILE" },
    { "negative-list", 0, 0, G_OPTION_ARG_FILENAME, &negative, N_("Negative list (key file)"), "FILE" },
    { "reference-date", 0, 0, G_OPTION_ARG_STRING, &reference, N_("Reference date of the vetting, YYYY-MM-DD"), "D" },
    { "name-order", 0, 0, G_OPTION_ARG_STRING, &order_opt,
      N_("Names of one surname: surname-strokes or name-strokes (default: the profile's)"), "ORDER" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh or en"), "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of standard output"), "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— vet candidates and list the official candidates"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return fail (error->message, 2);
  if (argc != 1 || !profile || !nominations || !candidates || !reference)
    return fail (_("--profile, --nominations, --candidates and --reference-date are required"), 2);
  GDate ref;
  if (!parse_day (reference, &ref))
    return fail (_("--reference-date: expected a date YYYY-MM-DD"), 2);

  g_autoptr (ElectRules) rules = elect_rules_load (profile, &error);
  if (!rules)
    return fail (error->message, 1);
  ElectCollation coll = elect_collation_for_rules (rules);
  if (order_opt && !elect_collation_from_string (order_opt, &coll))
    return fail (_("--name-order: expected surname-strokes or name-strokes"), 2);

  g_autoptr (ElectNegativeList) list = NULL;
  if (negative)
    {
      list = elect_negative_list_load (negative, &error);
      if (!list)
        return fail (error->message, 1);
    }
  g_autofree char *ctext = NULL, *ntext = NULL;
  gsize clen = 0, nlen = 0;
  if (!g_file_get_contents (candidates, &ctext, &clen, &error)
      || !g_file_get_contents (nominations, &ntext, &nlen, &error))
    return fail (error->message, 1);
  g_autoptr (GPtrArray) people = elect_candidate_records_from_json (ctext, (gssize) clen, candidates,
                                                                     list, &error);
  if (!people)
    return fail (error->message, 1);
  g_auto (GStrv) committee = NULL;
  g_autoptr (ElectNomination) nom = elect_nomination_new_from_json (rules, ntext, (gssize) nlen,
                                                                    nominations, &committee, &error);
  if (!nom)
    return fail (error->message, 1);

  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "libelect.slate/1");
  json_builder_set_member_name (b, "profile");
  json_builder_add_string_value (b, elect_rules_get_name (rules));
  json_builder_set_member_name (b, "reference_date");
  json_builder_add_string_value (b, reference);
  json_builder_set_member_name (b, "name_order");
  json_builder_add_string_value (b, elect_collation_to_string (coll));

  /* Vetting, in the stroke order of the names. */
  g_autofree gsize *order = g_new (gsize, MAX (people->len, 1));
  g_autofree const char **names = g_new0 (const char *, people->len + 1);
  for (guint i = 0; i < people->len; i++)
    names[i] = elect_candidate_record_get_name (people->pdata[i]);
  gsize bad = 0;
  if (!elect_collate_order (names, people->len, coll, order, &bad, &error))
    {
      g_autofree char *msg = g_strdup_printf ("%s: $.people[%" G_GSIZE_FORMAT "].name: %s",
                                              candidates, bad, error->message);
      return fail (msg, 1);
    }
  json_builder_set_member_name (b, "vetting");
  json_builder_begin_array (b);
  for (guint k = 0; k < people->len; k++)
    {
      ElectCandidateRecord *rec = people->pdata[order[k]];
      g_autoptr (ElectVetting) v = elect_vet (rec, list, &ref);
      g_autofree char *vj = elect_vetting_to_json (v, lang);
      add_json_text (b, vj);
      if (elect_vetting_get_verdict (v) == ELECT_VETTING_BARRED)
        {
          /* The reason is the first match that bars (a statutory bar or a
           * hard item), not a soft (不宜) item that may come before it. */
          ElectReason *why = NULL;
          for (guint m = 0; !why && m < elect_vetting_get_n_matches (v); m++)
            {
              ElectVettingVerdict sev;
              ElectReason *r = elect_vetting_get_match (v, m, NULL, &sev, NULL);
              if (sev == ELECT_VETTING_BARRED)
                why = r;
            }
          elect_nomination_exclude (nom, elect_candidate_record_get_name (rec), why);
        }
    }
  json_builder_end_array (b);

  /* Election-committee conflicts: a nominated member leaves (VCL 12); so
   * does a member who is a nominee's spouse, parent, child or sibling where
   * the profile says so (candidates.relatives_leave_committee: ZJ 9 in
   * Zhejiang and every profile that extends it). The library cites ZJ 9 for
   * that rule: a profile that states it elsewhere has its own article cited. */
  static const char relatives_key[] = "candidates.relatives_leave_committee";
  gboolean relatives = FALSE;
  if (!elect_rules_get_bool (rules, relatives_key, &relatives, &error))
    return fail (error->message, 1);
  g_autoptr (GPtrArray) conflicts = elect_committee_conflicts ((const char *const *) committee,
                                                              (ElectCandidateRecord *const *) people->pdata,
                                                              people->len, relatives);
  const char *relatives_cite = elect_rules_get_citation (rules, relatives_key);
  if (relatives && relatives_cite && *relatives_cite)
    {
      /* The same conflicts without the relatives rule: the nominated
       * members, in the same order, with the national citation alone. */
      g_autoptr (GPtrArray) plain = elect_committee_conflicts ((const char *const *) committee,
                                                              (ElectCandidateRecord *const *) people->pdata,
                                                              people->len, FALSE);
      guint k = 0;
      for (guint i = 0; i < conflicts->len; i++)
        {
          ElectReason *r = conflicts->pdata[i];
          const char *code = elect_reason_get_code (r);
          g_autofree char *cite = NULL;
          if (strcmp (code, "committee-member-relative-nominated") == 0)
            cite = g_strdup (relatives_cite);
          else if (strcmp (code, "committee-member-nominated") == 0 && k < plain->len)
            cite = g_strconcat (elect_reason_get_citation (plain->pdata[k++]), "；", relatives_cite, NULL);
          if (!cite || strcmp (cite, elect_reason_get_citation (r)) == 0)
            continue;
          conflicts->pdata[i] = elect_reason_new (code, cite, elect_reason_get_message (r, "en"),
                                                  elect_reason_get_message (r, "zh"));
          elect_reason_unref (r);
        }
    }
  json_builder_set_member_name (b, "committee_conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; i < conflicts->len; i++)
    add_reason (b, conflicts->pdata[i], lang);
  json_builder_end_array (b);

  g_autoptr (ElectSlate) slate = elect_nomination_count (nom, &error);
  if (!slate)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", nominations, error->message);
      return fail (msg, 1);
    }
  for (guint p = 0; p < elect_slate_get_n_posts (slate); p++)
    {
      g_auto (GStrv) official = elect_slate_get_official (slate, p, coll, &error);
      if (!official)
        {
          g_autofree char *msg = g_strdup_printf ("%s: %s", nominations, error->message);
          return fail (msg, 1);
        }
    }
  /* Nominees without a candidate record were not vetted. */
  json_builder_set_member_name (b, "not_vetted");
  json_builder_begin_array (b);
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_add (known, (gpointer) names[i]);
  for (guint p = 0; p < elect_slate_get_n_posts (slate); p++)
    for (guint i = 0; i < elect_slate_get_n_nominees (slate, p); i++)
      {
        const char *n = elect_slate_get_nominee_name (slate, p, i);
        if (!g_hash_table_contains (known, n))
          {
            g_hash_table_add (known, (gpointer) n);
            json_builder_add_string_value (b, n);
          }
      }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "nomination");
  g_autofree char *sj = elect_slate_to_json (slate, coll, lang);
  add_slate_with_titles (b, sj, ntext);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  gsize len = 0;
  g_autofree char *json = json_generator_to_data (gen, &len);
  g_autofree char *out = g_strconcat (json, "\n", NULL);
  return example_emit (output, out, len + 1);
}
