/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-print: the printable documents of an election as PDF or SVG, with
 * libelect-print (doc/printing.md).
 *
 *   elect-print ballot ELECTION.json -o ballot.pdf
 *   elect-print candidates SLATE.json|ELECTION.json -o list.pdf
 *   elect-print roll --profile P --election-day D ROLL.csv -o roll.pdf
 *   elect-print result [--election ELECTION.json] RESULT.json -o notice.pdf
 *
 * Options of every command: --format pdf|svg (default: from the output's
 * extension, else pdf), --lang zh|en, --title, --date, --issuer, and
 * -O KEY=VALUE for any layout option (elect-print.h). Exit status: 0 when
 * the document was written, 1 when the input is malformed or the document
 * cannot be printed (one line on stderr), 2 on a usage error (an unknown
 * command or layout option, a missing -o). Nothing is written unless the
 * whole run succeeded. */
#include "config.h"
#include "common.h"

#include <elect/elect-print.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

typedef enum { CMD_BALLOT, CMD_CANDIDATES, CMD_ROLL, CMD_RESULT } Command;

static int
fail_input (const char *file, const GError *error)
{
  g_autofree char *msg = file ? g_strdup_printf ("%s: %s", file, error->message)
                              : g_strdup (error->message);
  /* One line, whatever the message holds. */
  g_strdelimit (msg, "\r\n", ' ');
  example_fail (msg);
  return 1;
}

static gboolean
read_input (const char *path, char **data, gsize *len, GError **error)
{
  if (strcmp (path, "-") != 0)
    return g_file_get_contents (path, data, len, error);
  GString *buf = g_string_new (NULL);
  char chunk[65536];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buf, chunk, (gssize) n);
  *len = buf->len;
  *data = g_string_free (buf, FALSE);
  return TRUE;
}

/* Sets a layout option unless the user set it. */
static void
set_default (ElectPrintOptions *opts, const char *key, const char *value)
{
  if (value && elect_print_options_get (opts, key) == NULL)
    elect_print_options_set (opts, key, value, NULL);
}

/* The top-level "format" member of a JSON document, or NULL. */
static char *
json_format (const char *data, gsize len)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  JsonNode *root;
  if (!json_parser_load_from_data (p, data, (gssize) len, NULL))
    return NULL;
  root = json_parser_get_root (p);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  JsonNode *f = json_object_get_member (json_node_get_object (root), "format");
  if (f == NULL || json_node_get_value_type (f) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (f));
}

int
main (int argc, char **argv)
{
  example_init_lang (argc, argv, "zh");
  g_autofree char *output = NULL, *format = NULL, *lang = NULL, *title = NULL, *date = NULL;
  g_autofree char *issuer = NULL, *profile = NULL, *day_s = NULL, *encoding = NULL;
  g_autofree char *election_file = NULL;
  g_auto (GStrv) layout = NULL;
  gboolean lenient = FALSE, strokes = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the document to FILE (required)"), "FILE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf or svg (default: from the output's extension)"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the document: zh or en"), "LANG" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The election's name, printed in the title"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date printed on the document, YYYY-MM-DD"), "D" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("The body that publishes the document (printed above the seal)"), "TEXT" },
    { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &layout, N_("A layout option KEY=VALUE (repeatable)"), "KEY=VALUE" },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile, N_("roll: the rule profile, a built-in name or a key file"), "P" },
    { "election-day", 'e', 0, G_OPTION_ARG_STRING, &day_s, N_("roll: the election day, YYYY-MM-DD"), "D" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("roll: encoding of the CSV (default: UTF-8, else GB18030)"), "E" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, N_("roll: a malformed ID number is a verdict, not an error"), NULL },
    { "stroke-order", 0, 0, G_OPTION_ARG_NONE, &strokes, N_("roll: names by strokes within a group (default when the profile's roll.order says so)"), NULL },
    { "election", 0, 0, G_OPTION_ARG_FILENAME, &election_file, N_("result: take the title and the date from this election file"), "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("ballot|candidates|roll|result INPUT -o FILE — print an election document"));
  g_autoptr (ElectPrintOptions) opts = elect_print_options_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  const char *input;
  Command cmd;
  gsize len = 0;
  guint pages = 0;
  gboolean ok = FALSE;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  if (argc != 3)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  if (strcmp (argv[1], "ballot") == 0)
    cmd = CMD_BALLOT;
  else if (strcmp (argv[1], "candidates") == 0)
    cmd = CMD_CANDIDATES;
  else if (strcmp (argv[1], "roll") == 0)
    cmd = CMD_ROLL;
  else if (strcmp (argv[1], "result") == 0)
    cmd = CMD_RESULT;
  else
    {
      g_autofree char *msg = g_strdup_printf (_("unknown document “%s”: use ballot, candidates, roll or result"), argv[1]);
      example_fail (msg);
      return 2;
    }
  input = argv[2];
  if (output == NULL)
    {
      example_fail (_("-o FILE is required"));
      return 2;
    }
  if (cmd == CMD_ROLL && (profile == NULL || day_s == NULL))
    {
      example_fail (_("roll: --profile and --election-day are required"));
      return 2;
    }

  /* Layout options: -O first, then the named options; every one checked
   * before anything is read (an unknown key is a usage error). */
  for (guint i = 0; layout && layout[i]; i++)
    {
      const char *eq = strchr (layout[i], '=');
      g_autofree char *key = eq ? g_strndup (layout[i], (gsize) (eq - layout[i])) : g_strdup (layout[i]);
      if (eq == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("-O takes KEY=VALUE, not “%s”"), layout[i]);
          example_fail (msg);
          return 2;
        }
      if (!elect_print_options_set (opts, key, eq + 1, &error))
        {
          example_fail (error->message);
          return 2;
        }
    }
  if (format == NULL && elect_print_options_get (opts, "format") == NULL
      && g_str_has_suffix (output, ".svg"))
    format = g_strdup ("svg");
  {
    const char *named[][2] = { { "format", format }, { "lang", lang }, { "title", title },
                               { "date", date }, { "issuer", issuer } };
    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      if (named[i][1] && !elect_print_options_set (opts, named[i][0], named[i][1], &error))
        {
          example_fail (error->message);
          return 2;
        }
  }

  switch (cmd)
    {
    case CMD_BALLOT:
    case CMD_CANDIDATES:
      {
        g_autoptr (ElectElection) election = NULL;
        g_autofree char *fmt = NULL;
        if (!read_input (input, &data, &len, &error))
          return fail_input (NULL, error);
        fmt = json_format (data, len);
        if (cmd == CMD_CANDIDATES && g_strcmp0 (fmt, "libelect.election/1") != 0)
          {
            ok = elect_print_candidates_from_json (data, (gssize) len, opts, output, &pages, &error);
            if (!ok)
              return fail_input (input, error);
            break;
          }
        {
          g_autofree char *dir = strcmp (input, "-") == 0 ? NULL : g_path_get_dirname (input);
          election = elect_election_read_data (data, (gssize) len,
                                               strcmp (input, "-") == 0 ? "<stdin>" : input,
                                               dir, &error);
        }
        if (election == NULL)
          return fail_input (NULL, error);
        set_default (opts, "title", elect_election_get_title (election));
        set_default (opts, "date", elect_election_get_date (election));
        ok = cmd == CMD_BALLOT
          ? elect_print_ballot (elect_election_get_rules (election), elect_election_get_paper (election),
                                opts, output, &pages, &error)
          : elect_print_candidates (elect_election_get_rules (election),
                                    elect_election_get_paper (election), opts, output, &pages, &error);
        if (!ok)
          return fail_input (input, error);
        break;
      }
    case CMD_ROLL:
      {
        g_autoptr (ElectRules) rules = elect_rules_load (profile, &error);
        g_autoptr (ElectRoll) roll = NULL;
        const char *order;
        GDate day;
        if (rules == NULL)
          {
            example_fail (error->message);
            return error->code == ELECT_ERROR_NOT_FOUND ? 2 : 1;
          }
        {
          int y, m, d;
          char extra;
          if (strlen (day_s) != 10 || sscanf (day_s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3
              || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
            {
              example_fail (_("--election-day: expected a date YYYY-MM-DD"));
              return 2;
            }
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
        }
        roll = elect_roll_new_from_csv_file (rules, &day, input, encoding,
                                             lenient ? ELECT_ROLL_CSV_LENIENT : 0, &error);
        if (roll == NULL)
          return fail_input (NULL, error);
        order = elect_rules_get_policy (rules, "roll.order", NULL);
        if ((strokes || (order && g_str_has_suffix (order, "strokes")))
            && !elect_roll_use_stroke_order (roll, &error))
          return fail_input (input, error);
        ok = elect_print_roll (roll, opts, output, &pages, &error);
        if (!ok)
          return fail_input (input, error);
        break;
      }
    case CMD_RESULT:
      {
        if (election_file)
          {
            g_autoptr (ElectElection) election = elect_election_read_file (election_file, &error);
            if (election == NULL)
              return fail_input (NULL, error);
            set_default (opts, "title", elect_election_get_title (election));
            set_default (opts, "date", elect_election_get_date (election));
          }
        if (!read_input (input, &data, &len, &error))
          return fail_input (NULL, error);
        ok = elect_print_result_from_json (data, (gssize) len, opts, output, &pages, &error);
        if (!ok)
          return fail_input (input, error);
        break;
      }
    }
  return ok ? 0 : 1;
}
