/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A program outside the tree, built against the INSTALLED libelect-print with
 * `pkg-config --cflags --libs libelect-print-1` (see check-install.py): it
 * includes <elect/elect-print.h> directly, checks that an unknown layout
 * option is refused, and prints the path libelect-print was loaded from. */
#include <elect/elect-print.h>

#include <stdio.h>
#include <string.h>

int
main (void)
{
  g_autoptr (ElectPrintOptions) o = elect_print_options_new ();
  g_autoptr (GError) error = NULL;
  FILE *maps;
  char line[4096];

  if (elect_print_options_set (o, "colour", "red", &error)
      || !g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY))
    {
      fprintf (stderr, "an unknown layout option was not refused\n");
      return 1;
    }
  printf ("libelect-print with libelect %s: %s\n", elect_version_string (), error->message);
  maps = fopen ("/proc/self/maps", "r");
  while (maps && fgets (line, sizeof line, maps))
    {
      char *p = strstr (line, "/");
      if (p && strstr (p, "libelect-print.so"))
        {
          printf ("library %s", p);
          break;
        }
    }
  if (maps)
    fclose (maps);
  return 0;
}
