/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-roll: eligibility verdicts of a roll (JSON), the public roll with
 * masked ID numbers (CSV), proxies, and double registrations across rolls.
 *
 *   elect-roll --profile P --election-day D [--publish] [--lenient] [--excel]
 *              [--encoding E] [--lang zh|en] [--proxies FILE [--publish-proxies]]
 *              [-o FILE] ROLL.csv
 *   elect-roll --profile P --election-day D --dedup ROLL.csv ROLL2.csv...
 *
 * Exit status: 0 when the input was read and judged, 1 when it is malformed
 * (one line on stderr naming the file, the line and the column), 2 on a
 * usage error. Nothing is written to the output file unless the whole run
 * succeeded (it is written to a temporary file, then renamed).
 */
#include "config.h"
#include "common.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  ElectRoll **rolls;
  char **files;
  ElectDedup *dedup;
  JsonBuilder *b;
} DedupCtx;

static void
on_duplicate (const char *id, const guint32 *places, guint n, gpointer data)
{
  DedupCtx *c = data;
  json_builder_begin_object (c->b);
  json_builder_set_member_name (c->b, "id_number");
  json_builder_add_string_value (c->b, id);
  json_builder_set_member_name (c->b, "places");
  json_builder_begin_array (c->b);
  for (guint i = 0; i < n; i++)
    {
      ElectRoll *roll = c->rolls[places[i]];
      gint k = elect_roll_find (roll, id);
      json_builder_begin_object (c->b);
      json_builder_set_member_name (c->b, "file");
      json_builder_add_string_value (c->b, c->files[places[i]]);
      if (k >= 0)
        {
          ElectVoter *v = elect_roll_get_voter (roll, (guint) k);
          json_builder_set_member_name (c->b, "row");
          json_builder_add_int_value (c->b, elect_voter_get_row (v));
          json_builder_set_member_name (c->b, "name");
          json_builder_add_string_value (c->b, elect_voter_get_name (v));
        }
      json_builder_end_object (c->b);
    }
  json_builder_end_array (c->b);
  json_builder_end_object (c->b);
}

static char *
builder_to_string (JsonBuilder *b)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

static char *
proxies_json (ElectRoll *roll, const char *lang, char *verdicts_json)
{
  /* Adds "proxies" to the verdicts document (an optional field). */
  g_autoptr (JsonParser) p = json_parser_new ();
  JsonObject *obj;
  JsonArray *arr = json_array_new ();

  if (!json_parser_load_from_data (p, verdicts_json, -1, NULL))
    return g_strdup (verdicts_json);
  obj = json_node_get_object (json_parser_get_root (p));
  for (guint i = 0; i < elect_roll_get_n_proxies (roll); i++)
    {
      JsonObject *o = json_object_new ();
      JsonArray *rs = json_array_new ();
      GPtrArray *reasons = elect_roll_proxy_get_reasons (roll, i);
      json_object_set_int_member (o, "index", i + 1);
      json_object_set_boolean_member (o, "valid", elect_roll_proxy_is_valid (roll, i));
      for (guint k = 0; k < reasons->len; k++)
        {
          const ElectReason *r = g_ptr_array_index (reasons, k);
          JsonObject *ro = json_object_new ();
          json_object_set_string_member (ro, "code", elect_reason_get_code (r));
          json_object_set_string_member (ro, "message", elect_reason_get_message (r, lang));
          json_object_set_string_member (ro, "citation", elect_reason_get_citation (r));
          json_array_add_object_element (rs, ro);
        }
      json_object_set_array_member (o, "reasons", rs);
      json_array_add_object_element (arr, o);
    }
  json_object_set_array_member (obj, "proxies", arr);
  json_object_set_int_member (obj, "proxies_valid", elect_roll_validate_proxies (roll));
  {
    g_autoptr (JsonGenerator) gen = json_generator_new ();
    json_generator_set_root (gen, json_parser_get_root (p));
    json_generator_set_pretty (gen, TRUE);
    json_generator_set_indent (gen, 2);
    return json_generator_to_data (gen, NULL);
  }
}

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  gboolean publish = FALSE, lenient = FALSE, excel = FALSE, dedup = FALSE;
  gboolean publish_proxies = FALSE, strokes = FALSE;
  g_autofree char *profile = NULL, *day_s = NULL, *encoding = NULL, *output = NULL;
  g_autofree char *lang_opt = NULL, *proxies = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile, N_("Rule profile: a built-in name or a key file"), "P" },
    { "election-day", 'e', 0, G_OPTION_ARG_STRING, &day_s, N_("Election day, YYYY-MM-DD"), "D" },
    { "publish", 0, 0, G_OPTION_ARG_NONE, &publish, N_("Write the public roll (CSV, masked ID numbers)"), NULL },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, N_("A malformed ID number is a verdict, not an error"), NULL },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel, N_("Start CSV output with a byte order mark, for Excel"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Encoding of the input (default: UTF-8, else GB18030)"), "E" },
    { "proxies", 0, 0, G_OPTION_ARG_FILENAME, &proxies, N_("Authorisations to validate (CSV)"), "FILE" },
    { "stroke-order", 0, 0, G_OPTION_ARG_NONE, &strokes, N_("Order names on the public roll by strokes (default when the profile's roll.order says so)"), NULL },
    { "publish-proxies", 0, 0, G_OPTION_ARG_NONE, &publish_proxies, N_("Write the public list of valid proxies (CSV)"), NULL },
    { "dedup", 0, 0, G_OPTION_ARG_NONE, &dedup, N_("Report ID numbers registered in more than one roll"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the output: zh or en"), "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("ROLL.csv… — judge, publish or compare rolls"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) rules = NULL;
  g_autofree char *out = NULL;
  GDate day;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  if (profile == NULL || day_s == NULL)
    {
      example_fail (_("--profile and --election-day are required"));
      return 2;
    }
  g_date_clear (&day, 1);
  {
    int y, m, d;
    char extra;
    if (strlen (day_s) != 10 || sscanf (day_s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3
        || !g_date_valid_dmy (d, m, y))
      {
        example_fail (_("--election-day: expected a date YYYY-MM-DD"));
        return 2;
      }
    g_date_set_dmy (&day, d, m, y);
  }
  if ((!dedup && argc != 2) || (dedup && argc < 3))
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  if (publish + publish_proxies + dedup > 1 || (publish_proxies && !proxies))
    {
      example_fail (_("use one of --publish, --publish-proxies (with --proxies) and --dedup"));
      return 2;
    }

  rules = elect_rules_load (profile, &error);
  if (!rules)
    {
      example_fail (error->message);
      return error->code == ELECT_ERROR_NOT_FOUND ? 2 : 1;
    }

  if (dedup)
    {
      guint n = (guint) argc - 1;
      g_autofree ElectRoll **rolls = g_new0 (ElectRoll *, n);
      g_autoptr (ElectDedup) d = elect_dedup_new ();
      g_autoptr (JsonBuilder) b = json_builder_new ();
      DedupCtx c = { rolls, argv + 1, d, b };
      guint64 found;
      for (guint i = 0; i < n; i++)
        {
          rolls[i] = elect_roll_new_from_csv_file (rules, &day, argv[i + 1], encoding,
                                                   lenient ? ELECT_ROLL_CSV_LENIENT : 0, &error);
          if (!rolls[i])
            {
              example_fail (error->message);
              for (guint k = 0; k < i; k++)
                elect_roll_unref (rolls[k]);
              return 1;
            }
          elect_dedup_add_roll (d, rolls[i], argv[i + 1]);
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, "libelect.double-registrations/1");
      json_builder_set_member_name (b, "profile");
      json_builder_add_string_value (b, elect_rules_get_name (rules));
      json_builder_set_member_name (b, "rolls");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        json_builder_add_string_value (b, argv[i + 1]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "registrations");
      json_builder_add_int_value (b, (gint64) elect_dedup_get_n_registrations (d));
      json_builder_set_member_name (b, "duplicates");
      json_builder_begin_array (b);
      found = elect_dedup_run (d, 0, on_duplicate, &c);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, (gint64) found);
      json_builder_end_object (b);
      out = builder_to_string (b);
      for (guint i = 0; i < n; i++)
        elect_roll_unref (rolls[i]);
    }
  else
    {
      g_autoptr (ElectRoll) roll = elect_roll_new_from_csv_file (rules, &day, argv[1], encoding,
                                                                 lenient ? ELECT_ROLL_CSV_LENIENT : 0,
                                                                 &error);
      if (!roll)
        {
          example_fail (error->message);
          return 1;
        }
      if (proxies)
        {
          g_autofree char *data = NULL;
          gsize len;
          if (!g_file_get_contents (proxies, &data, &len, &error)
              || !elect_roll_add_proxies_from_csv_data (roll, data, len, proxies, &error))
            {
              example_fail (error->message);
              return 1;
            }
          elect_roll_validate_proxies (roll);
        }
      if (publish)
        {
          const char *order = elect_rules_get_policy (rules, "roll.order", NULL);
          if ((strokes || (order && g_str_has_suffix (order, "strokes")))
              && !elect_roll_use_stroke_order (roll, &error))
            {
              example_fail (error->message);
              return 1;
            }
          out = elect_roll_to_public_csv (roll, excel);
        }
      else if (publish_proxies)
        out = elect_roll_proxies_to_public_csv (roll, excel);
      else
        {
          out = elect_roll_to_json (roll, lang);
          if (proxies)
            {
              char *with = proxies_json (roll, lang, out);
              g_free (out);
              out = with;
            }
        }
    }

  if (!publish && !publish_proxies)
    {
      char *with_newline = g_strconcat (out, "\n", NULL);
      g_free (out);
      out = with_newline;
    }
  return example_emit (output, out, strlen (out));
}
