/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the roll CSV reader (elect_roll_new_from_csv_data, FORMATS.md
 * §4) and the proxies CSV reader. The first byte chooses the profile, the
 * leniency and the encoding; the rest is the file. A roll either loads and
 * can be judged, published (no full ID number), serialised and deduplicated,
 * or the call fails with an ELECT_ERROR GError with a UTF-8 message that
 * names the file; never a crash, a leak or an error without a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "roll-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const profiles[] = {
  "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
  "beijing-village-committee", "henan-village-committee", "residents-committee",
  "party-committee", "supervision-committee",
};

static void
check_error (GError *error)
{
  if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL
      || !g_utf8_validate (error->message, -1, NULL)
      || strstr (error->message, "fuzz.csv") == NULL)
    abort ();
  g_error_free (error);
}

static gboolean
in_text (ElectRoll *roll, const char *id)
{
  for (guint i = 0; i < elect_roll_get_n_voters (roll); i++)
    {
      ElectVoter *v = elect_roll_get_voter (roll, i);
      if (strstr (elect_voter_get_name (v), id) || strstr (elect_voter_get_group (v), id))
        return TRUE;
    }
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ElectRules *rules[8];
  GError *error = NULL;
  ElectRoll *roll;
  GDate day;
  guint8 sel = size ? data[0] : 0;
  const char *text = size > 1 ? (const char *) data + 1 : "";
  gsize len = size > 1 ? size - 1 : 0;
  const char *encoding = (sel & 0x10) ? "GB18030" : (sel & 0x20) ? "UTF-8" : NULL;

  if (rules[sel & 7] == NULL)
    rules[sel & 7] = elect_rules_load (profiles[sel & 7], NULL);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 12, 2026);

  roll = elect_roll_new_from_csv_data (rules[sel & 7], &day, text, len, "fuzz.csv", encoding,
                                       (sel & 8) ? ELECT_ROLL_CSV_LENIENT : 0, &error);
  if (roll == NULL)
    {
      check_error (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  {
    char *json = elect_roll_to_json (roll, (sel & 0x40) ? "zh" : "en");
    char *pub = elect_roll_to_public_csv (roll, sel & 0x80);
    ElectDedup *d = elect_dedup_new ();
    guint reg = 0;
    if (json == NULL || pub == NULL)
      abort ();
    for (guint i = 0; i < elect_roll_get_n_voters (roll); i++)
      {
        const ElectEligibility *e = elect_roll_get_eligibility (roll, i);
        const char *id = elect_voter_get_id_number (elect_roll_get_voter (roll, i));
        if (elect_eligibility_get_n_reasons (e) == 0)
          abort ();
        if (elect_eligibility_get_verdict (e) == ELECT_VERDICT_REGISTERED)
          {
            reg++;
            /* The public roll never holds a full ID number (unless the
             * input wrote one into a name or a group). */
            if (strlen (id) == 18 && strstr (pub, id) != NULL && !in_text (roll, id))
              abort ();
          }
      }
    elect_dedup_add_roll (d, roll, "a");
    elect_dedup_add_roll (d, roll, "b");
    if (elect_dedup_run (d, 1, NULL, NULL) != elect_dedup_get_n_distinct (d)
        || elect_dedup_get_n_registrations (d) > 2 * (guint64) reg)
      abort ();
    elect_dedup_free (d);
    g_free (json);
    g_free (pub);
  }

  /* The same bytes as a proxies file against this roll. */
  if (!elect_roll_add_proxies_from_csv_data (roll, text, len, "fuzz.csv", &error))
    check_error (error);
  else
    {
      char *pub;
      elect_roll_validate_proxies (roll);
      pub = elect_roll_proxies_to_public_csv (roll, FALSE);
      g_free (pub);
    }
  elect_roll_unref (roll);
  return 0;
}
