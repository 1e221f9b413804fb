/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-township: the daily report of a township's (or county's)
 * elections on a day D, from a libelect.township/1 file
 * (doc/formats-township.md): the villages behind on the timeline (工期倒排),
 * the steps due in the next N days, problems past due (挂账督办), risk flags,
 * 换届纪律 records and 四议两公开 violations.
 *
 *   elect-township [--lang zh|en] [--format json|text] --date D [--days N]
 *                  [-o FILE] FILE
 *
 * Exit status: 0 when the report was made (also when villages are behind),
 * 1 when the input is malformed or a profile cannot be loaded (one line on
 * stderr naming the file and the JSON path or the village), 2 on a usage
 * error. With -o, the output file is written atomically. */
#include "config.h"
#include "common.h"

#include <elect/elect.h>
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
  int y = atoi (s), m = atoi (s + 5), day = atoi (s + 8);
  if (y < 1000 || y > 9000 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  char *lang_opt = NULL, *format = NULL, *output = NULL, *date = NULL;
  gint days = 7;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the output: zh or en"), "LANG" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (the report file, default) or text (a table)"), "FORMAT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day D of the report, YYYY-MM-DD (required)"), "D" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Steps whose last day is within N days of D are due (default 7)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of standard output"), "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("FILE - the daily report of a township's elections"));
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
  g_autofree char *date_owned = date;
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
  GDate day;
  if (!date)
    {
      example_fail (_("--date D is required"));
      return 2;
    }
  if (!parse_day (date, &day))
    {
      example_fail (_("--date takes a day YYYY-MM-DD"));
      return 2;
    }
  if (days < 0 || days > 366)
    {
      example_fail (_("--days takes a number from 0 to 366"));
      return 2;
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  g_autoptr (ElectTownship) township = elect_township_load (argv[1], &error);
  if (township == NULL)
    {
      example_fail (error->message);
      return 1;
    }
  g_autoptr (ElectTownshipReport) report = elect_township_report_new (township, &day, (guint) days,
                                                                      &error);
  if (report == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", argv[1], error->message);
      example_fail (msg);
      return 1;
    }
  g_autofree char *out = text ? elect_township_report_to_text (report, lang)
                              : elect_township_report_to_json (report, lang);
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
