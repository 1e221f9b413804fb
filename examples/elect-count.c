/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-count: counts one round of an election from an election file
 * (FORMATS.md §1) and writes the result (FORMATS.md §2) as JSON, or the
 * announcement a township posts (选举结果公告) as text.
 *
 *   elect-count [--lang zh|en] [--format json|text] [-o FILE] FILE|-
 *
 * Exit status: 0 when the round was judged (also a void round), 1 when the
 * input is malformed (one line on stderr naming the file, the line and
 * column, the JSON path and what was expected), 2 on a usage error. With
 * -o, the output file is written atomically (a temporary file renamed into
 * place): nothing is left when the run fails. */
#include "config.h"
#include "common.h"

#include <elect/elect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  char *lang_opt = NULL, *format = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the output: zh or en"), "LANG" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (the result file, default) or text (the announcement)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of standard output"), "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("FILE|- - count one round of an election"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  g_autofree char *lang_owned = lang_opt;
  g_autofree char *format_owned = format;
  g_autofree char *output_owned = output;
  if (lang_opt && strcmp (lang_opt, "zh") != 0 && strcmp (lang_opt, "en") != 0)
    {
      example_fail (_("--lang takes zh or en"));
      return 2;
    }
  gboolean text = FALSE;
  if (format)
    {
      if (strcmp (format, "text") == 0)
        text = TRUE;
      else if (strcmp (format, "json") != 0)
        {
          example_fail (_("--format takes json or text"));
          return 2;
        }
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  g_autoptr (ElectElection) election = elect_election_read_file (argv[1], &error);
  if (election == NULL)
    {
      example_fail (error->message);
      return 1;
    }
  g_autoptr (ElectOutcome) outcome = elect_election_count (election, &error);
  if (outcome == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", strcmp (argv[1], "-") == 0 ? "<stdin>" : argv[1],
                                              error->message);
      example_fail (msg);
      return 1;
    }
  g_autofree char *out = text ? elect_outcome_to_text (outcome, election, lang)
                              : elect_outcome_to_json (outcome, lang);
  gsize len = strlen (out);
  if (len == 0 || out[len - 1] != '\n')
    {
      char *tmp = g_strconcat (out, "\n", NULL);
      g_free (out);
      out = tmp;
      len++;
    }
  return example_emit (output, out, len);
}
