/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-profile: list the built-in rule profiles, or print one fully
 * resolved (every parameter, its value, where it was set, its citation).
 *
 *   elect-profile --list
 *   elect-profile [--lang zh|en] [--json] NAME|FILE
 */
#include "config.h"
#include "common.h"

#include <stdlib.h>

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  gboolean list = FALSE, json = FALSE;
  char *lang_opt = NULL;
  GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the built-in profiles"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the resolved profile as JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the output: zh or en"), "LANG" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("[NAME|FILE] — show a rule profile"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  g_free (lang_opt);

  if (list)
    {
      if (argc != 1)
        {
          example_fail (_("--list takes no profile name"));
          return 2;
        }
      for (const char *const *n = elect_rules_list_builtin (); *n; n++)
        {
          g_autoptr (ElectRules) r = elect_rules_load (*n, &error);
          if (!r)
            {
              example_fail (error->message);
              return 1;
            }
          const char *parent = elect_rules_get_parent (r);
          g_print ("%-28s %s%s%s\n", *n, elect_rules_get_title (r),
                   parent ? "  ← " : "", parent ? parent : "");
        }
      return 0;
    }

  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  g_autoptr (ElectRules) rules = elect_rules_load (argv[1], &error);
  if (!rules)
    {
      example_fail (error->message);
      return 1;
    }
  g_autofree char *out = json ? elect_rules_to_json (rules) : elect_rules_dump (rules, lang);
  g_print ("%s\n", out);
  return 0;
}
