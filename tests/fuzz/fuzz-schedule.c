/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the reader of a village's actual dates
 * (libelect.village-dates/1, elect_village_dates_new_from_json) and the
 * check of what it reads against every built-in village profile. Either a
 * record comes back, round-trips through its JSON, and can be checked and
 * serialised, or an ELECT_ERROR with a valid UTF-8 message; never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const PROFILES[] = {
  "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
  "beijing-village-committee", "party-committee",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ElectRules *rules[G_N_ELEMENTS (PROFILES)];
  if (!rules[0])
    for (gsize i = 0; i < G_N_ELEMENTS (PROFILES); i++)
      if (!(rules[i] = elect_rules_load (PROFILES[i], NULL)))
        abort ();

  GError *error = NULL;
  ElectVillageDates *d = elect_village_dates_new_from_json ((const char *) data, (gssize) size,
                                                            "fuzz.json", &error);
  if (!d)
    {
      if (!error || error->domain != ELECT_ERROR || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_clear_error (&error);
      return 0;
    }
  if (error)
    abort ();

  /* The record's own JSON reads back to the same dates. */
  char *json = elect_village_dates_to_json (d);
  ElectVillageDates *again = elect_village_dates_new_from_json (json, -1, "again.json", NULL);
  if (!again)
    abort ();
  for (const char *const *c = elect_schedule_step_codes (); *c; c++)
    {
      const GDate *a = elect_village_dates_get (d, *c), *b = elect_village_dates_get (again, *c);
      if ((a == NULL) != (b == NULL) || (a && g_date_compare (a, b) != 0))
        abort ();
    }
  elect_village_dates_unref (again);
  g_free (json);

  /* Checked against each profile (the profile named in the record is
   * ignored: it may name none of these). */
  const char *named = elect_village_dates_get_profile (d);
  char *saved = g_strdup (named);
  elect_village_dates_set_profile (d, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (PROFILES); i++)
    {
      ElectScheduleCheck *c = elect_schedule_check (rules[i], d, &error);
      if (!c || error)
        abort ();
      guint n = elect_schedule_get_n_steps (elect_schedule_check_get_schedule (c)), total = 0;
      for (int s = 0; s <= ELECT_SCHEDULE_STATUS_EARLY; s++)
        total += elect_schedule_check_count (c, (ElectScheduleStatus) s);
      if (total != n)
        abort ();
      for (guint k = 0; k < n; k++)
        {
          ElectReason *r = elect_schedule_check_get_reason (c, k);
          if (!r || !g_utf8_validate (elect_reason_get_message (r, "zh"), -1, NULL))
            abort ();
        }
      char *out = elect_schedule_check_to_json (c, i % 2 ? "zh" : "en");
      if (!out || !g_utf8_validate (out, -1, NULL))
        abort ();
      g_free (out);
      elect_schedule_check_unref (c);

      ElectSchedule *s = elect_schedule_new (rules[i], elect_village_dates_get_election_day (d));
      out = elect_schedule_to_json (s, "zh");
      if (!out)
        abort ();
      g_free (out);
      elect_schedule_unref (s);
    }
  elect_village_dates_set_profile (d, saved);
  g_free (saved);
  elect_village_dates_unref (d);
  return 0;
}
