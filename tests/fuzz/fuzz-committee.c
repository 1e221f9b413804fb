/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the committee-file reader (libelect.committee/1,
 * elect_committee_new_from_json) and the composition check of what it
 * reads (elect_committee_check) under the Zhejiang, Shanghai and national
 * profiles. Either a committee comes back and can be checked and
 * serialised, or an ELECT_ERROR with a valid UTF-8 message; never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static ElectRules *
must_load (const char *name)
{
  ElectRules *r = elect_rules_load (name, NULL);
  if (!r)
    abort ();
  return r;
}

static void
check_error (GError *error)
{
  if (!error || error->domain != ELECT_ERROR || !g_utf8_validate (error->message, -1, NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ElectRules *vc[3], *party, *vsc;
  if (!party)
    {
      vc[0] = must_load ("zhejiang-village-committee");
      vc[1] = must_load ("shanghai-village-committee");
      vc[2] = must_load ("village-committee");
      party = must_load ("party-committee");
      vsc = must_load ("supervision-committee");
    }
  GError *error = NULL;
  ElectCommittee *c = elect_committee_new_from_json ((const char *) data, (gssize) size,
                                                     "fuzz.json", &error);
  if (!c)
    {
      check_error (error);
      g_clear_error (&error);
      return 0;
    }
  if (error)
    abort ();
  GDate *ref = g_date_new_dmy (30, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (vc); i++)
    {
      /* With the file's own reference date (or none), then a fixed one. */
      for (int fixed = 0; fixed <= 1; fixed++)
        {
          ElectComposition *res = elect_committee_check (c, vc[i], party, vsc, fixed ? ref : NULL,
                                                         &error);
          if (!res)
            {
              check_error (error);
              g_clear_error (&error);
              continue;
            }
          for (guint f = 0; f < elect_composition_get_n_findings (res); f++)
            if (!elect_reason_get_code (elect_composition_get_finding (res, f, NULL)))
              abort ();
          char *json = elect_composition_to_json (res, fixed ? "zh" : "en");
          if (!json || !g_utf8_validate (json, -1, NULL))
            abort ();
          g_free (json);
          elect_composition_unref (res);
        }
    }
  /* Only the VC: people on other committees are an error, not a crash. */
  ElectComposition *res = elect_committee_check (c, vc[2], NULL, NULL, ref, &error);
  if (res)
    elect_composition_unref (res);
  else
    check_error (error);
  g_clear_error (&error);
  g_date_free (ref);
  elect_committee_unref (c);
  return 0;
}
