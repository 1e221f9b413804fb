/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A program outside the tree, built against the INSTALLED libelect with
 * `pkg-config --cflags --libs libelect-1` (see check-install.py):
 *
 *   install-test PROFILE.ini
 *
 * prints the version, checks that headers and library agree, loads the
 * installed key file PROFILE.ini (and its parent, found beside it) and a
 * built-in profile, and prints the path the library was loaded from. */
#include <elect/elect.h>

#include <stdio.h>
#include <string.h>

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: install-test PROFILE.ini\n");
      return 2;
    }
  printf ("libelect %s (headers %s)\n", elect_version_string (), ELECT_VERSION_STRING);
  if (strcmp (elect_version_string (), ELECT_VERSION_STRING) != 0 ||
      elect_check_version (ELECT_MAJOR_VERSION, ELECT_MINOR_VERSION, ELECT_MICRO_VERSION) != NULL ||
      !ELECT_CHECK_VERSION (0, 1, 0))
    {
      fprintf (stderr, "version mismatch\n");
      return 1;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) installed = elect_rules_load (argv[1], &error);
  if (installed == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("profile %s from %s\n", elect_rules_get_name (installed),
          elect_rules_get_origin (installed, "count.same_person_two_posts"));
  printf ("parent %s from %s\n", elect_rules_get_parent (installed),
          elect_rules_get_origin (installed, "general.term_years"));

  g_autoptr (ElectRules) builtin = elect_rules_load ("party-committee", &error);
  if (builtin == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_autofree char *quorum = elect_rules_get_value_string (builtin, "count.quorum");
  printf ("built-in %s quorum %s\n", elect_rules_get_name (builtin), quorum);

  /* Where the dynamic loader found libelect. */
  FILE *maps = fopen ("/proc/self/maps", "r");
  char line[4096];
  while (maps && fgets (line, sizeof line, maps))
    {
      char *p = strstr (line, "/");
      if (p && strstr (p, "libelect.so"))
        {
          printf ("library %s", p);
          break;
        }
    }
  if (maps)
    fclose (maps);
  return 0;
}
