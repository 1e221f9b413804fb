/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the reader of township files (libelect.township/1,
 * elect_township_new_from_json) and the report on a few days. Either a
 * township comes back and every report is made (its villages name built-in
 * profiles, or the report fails with an ELECT_ERROR) and serialised in both
 * languages, or an ELECT_ERROR with a valid UTF-8 message; never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
error_ok (const GError *error)
{
  return error && error->domain == ELECT_ERROR && g_utf8_validate (error->message, -1, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Only built-in profiles: no look-up on disk. */
  g_setenv ("ELECT_PROFILE_PATH", "", TRUE);
  GError *error = NULL;
  ElectTownship *t = elect_township_new_from_json ((const char *) data, (gssize) size,
                                                   "fuzz.json", &error);
  if (!t)
    {
      if (!error_ok (error))
        abort ();
      g_clear_error (&error);
      return 0;
    }
  if (error)
    abort ();
  static const int days[][4] = { { 2026, 12, 1, 7 }, { 1000, 1, 1, 0 }, { 9000, 12, 31, 366 } };
  for (gsize i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate d;
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, (GDateDay) days[i][2], (GDateMonth) days[i][1], (GDateYear) days[i][0]);
      ElectTownshipReport *r = elect_township_report_new (t, &d, (guint) days[i][3], &error);
      if (!r)
        {
          if (!error_ok (error))
            abort ();
          g_clear_error (&error);
          continue;
        }
      if (elect_township_report_get_n_villages (r) != elect_township_get_n_villages (t))
        abort ();
      for (guint v = 0; v < elect_township_report_get_n_villages (r); v++)
        {
          guint total = 0;
          for (int k = 0; k <= ELECT_TOWNSHIP_FINDING_DECISION_OK; k++)
            total += elect_township_report_count (r, v, (ElectTownshipFindingKind) k);
          if (total != elect_township_report_get_n_findings (r, v))
            abort ();
          if (elect_township_report_village_is_behind (r, v)
              && !elect_township_report_village_is_flagged (r, v))
            abort ();
        }
      char *json = elect_township_report_to_json (r, "zh");
      char *text = elect_township_report_to_text (r, "en");
      if (!json || !text || !g_utf8_validate (json, -1, NULL) || !g_utf8_validate (text, -1, NULL))
        abort ();
      g_free (json);
      g_free (text);
      char **behind = elect_township_report_list_behind (r);
      g_strfreev (behind);
      elect_township_report_unref (r);
    }
  elect_township_unref (t);
  return 0;
}
