/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* profile-query: the example of the libelect main page. Loads a rule
 * profile and asks it about one parameter: its value, where it was set, the
 * article it comes from, and (for a fraction) whether a count satisfies it.
 *
 *   profile-query [PROFILE [PARAMETER]]
 *   profile-query zhejiang-village-committee count.same_person_two_posts
 *
 * Build it outside the source tree with:
 *   cc -o profile-query profile-query.c $(pkg-config --cflags --libs libelect-1)
 */
#include <elect/elect.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  const char *name = argc > 1 ? argv[1] : "village-committee";
  const char *key = argc > 2 ? argv[2] : "count.quorum";
  g_autoptr (GError) error = NULL;

  /* A built-in profile by name, or a key file by path. */
  g_autoptr (ElectRules) rules = elect_rules_load (name, &error);
  if (rules == NULL)
    {
      fprintf (stderr, "profile-query: %s\n", error->message);
      return 1;
    }

  /* The value as written in a key file: ">1/2", "3-7", "void-ballot"… */
  g_autofree char *value = elect_rules_get_value_string (rules, key);
  if (value == NULL)
    {
      fprintf (stderr, "profile-query: no parameter named %s\n", key);
      return 1;
    }
  printf ("%s (%s)\n", elect_rules_get_title (rules), elect_rules_get_name (rules));
  printf ("  %s = %s\n", key, value);
  printf ("  %s\n", elect_rules_param_get_description (key, "en"));
  printf ("  set in: %s\n", elect_rules_get_origin (rules, key));
  printf ("  citation: %s\n", elect_rules_get_citation (rules, key));

  /* Fractions are compared exactly, by cross-multiplication: with ">1/2",
   * 500 of 1000 fails ("more than half" excludes exactly half). */
  if (elect_rules_param_get_type (key) == ELECT_PARAM_TYPE_FRACTION &&
      elect_rules_is_set (rules, key))
    {
      for (gint64 part = 500; part <= 501; part++)
        {
          gboolean holds = FALSE;
          if (!elect_rules_fraction_holds (rules, key, part, 1000, &holds, &error))
            {
              fprintf (stderr, "profile-query: %s\n", error->message);
              return 1;
            }
          printf ("  %" G_GINT64_FORMAT " of 1000: %s\n", part,
                  holds ? "holds" : "does not hold");
        }
    }
  return 0;
}
