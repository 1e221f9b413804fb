/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Prints the parameter table of doc/profiles.md from the library's own
 * table (elect_rules_list_params() and friends), so that the page cannot
 * drift from the code: the docs test compares the two. */
#include <elect/elect.h>
#include <stdio.h>

static void
print_cell (const char *s)
{
  for (; *s; s++)
    {
      if (*s == '|')
        fputs ("\\|", stdout);
      else
        putchar (*s);
    }
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) national = elect_rules_load ("village-committee", &error);
  if (national == NULL)
    {
      fprintf (stderr, "param-table: %s\n", error->message);
      return 1;
    }
  printf ("| parameter | type | choices | meaning | 含义 | `village-committee` |\n");
  printf ("|---|---|---|---|---|---|\n");
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    {
      ElectParamType type = elect_rules_param_get_type (*k);
      const char *const *choices = elect_rules_param_get_choices (*k);
      g_autofree char *value = elect_rules_get_value_string (national, *k);
      printf ("| `%s` | %s | ", *k, elect_param_type_to_string (type));
      if (choices != NULL)
        for (int c = 0; choices[c]; c++)
          printf ("%s`%s`", c ? ", " : "", choices[c]);
      else
        fputs ("—", stdout);
      fputs (" | ", stdout);
      print_cell (elect_rules_param_get_description (*k, "en"));
      fputs (" | ", stdout);
      print_cell (elect_rules_param_get_description (*k, "zh"));
      if (*value)
        printf (" | `%s` |\n", value);
      else
        printf (" | (empty) |\n");
    }
  return 0;
}
