/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the nomination reader (libelect.nominations/1,
 * elect_nomination_new_from_json) and the count. Either the count gives a
 * slate whose statuses and JSON are consistent, or an ELECT_ERROR; never a
 * crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ElectRules *rules[3];
  static const char *const names[3] = { "zhejiang-village-committee", "party-committee",
                                         "residents-committee" };
  for (int i = 0; i < 3; i++)
    if (!rules[i] && !(rules[i] = elect_rules_load (names[i], NULL)))
      abort ();
  ElectRules *r = rules[size % 3];
  GError *error = NULL;
  char **committee = NULL;
  ElectNomination *nom = elect_nomination_new_from_json (r, (const char *) data, (gssize) size,
                                                         "fuzz.json", &committee, &error);
  if (!nom)
    {
      if (!error || error->domain != ELECT_ERROR || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_error_free (error);
      return 0;
    }
  elect_nomination_exclude (nom, "王一", NULL);
  ElectSlate *slate = elect_nomination_count (nom, &error);
  if (slate)
    {
      for (guint p = 0; p < elect_slate_get_n_posts (slate); p++)
        {
          gint64 prev = G_MAXINT64;
          for (guint i = 0; i < elect_slate_get_n_nominees (slate, p); i++)
            {
              gint64 v = elect_slate_get_nominee_votes (slate, p, i);
              if (v > prev || v < 1)
                abort ();
              prev = v;
            }
          char **official = elect_slate_get_official (slate, p, ELECT_COLLATION_SURNAME_STROKES, &error);
          g_clear_error (&error);
          g_strfreev (official);
        }
      char *json = elect_slate_to_json (slate, ELECT_COLLATION_NAME_STROKES, "en");
      if (!json)
        abort ();
      g_free (json);
      elect_slate_unref (slate);
    }
  else
    {
      if (!error || error->domain != ELECT_ERROR)
        abort ();
      g_error_free (error);
    }
  g_strfreev (committee);
  elect_nomination_unref (nom);
  return 0;
}
