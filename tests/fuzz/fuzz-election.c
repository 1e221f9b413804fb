/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: election files from memory (elect_election_read_data,
 * FORMATS.md §1). An input either reads, counts and serialises (JSON and the
 * announcement in both languages), or fails with one GError of the
 * ELECT_ERROR domain whose message is valid UTF-8 and names the origin and
 * a JSON path; never a crash, a leak, a hang or an error without a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"
#include "elect/elect-election.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  /* base_dir NULL: profile paths resolve against the current directory; the
   * corpus uses built-in profile names. */
  ElectElection *el = elect_election_read_data (size ? (const char *) data : "", (gssize) size,
                                                "fuzz.json", NULL, &error);
  if (el == NULL)
    {
      if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL
          || !g_utf8_validate (error->message, -1, NULL)
          || !g_str_has_prefix (error->message, "fuzz.json:")
          || strchr (error->message, '\n') != NULL)
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();
  ElectOutcome *o = elect_election_count (el, &error);
  if (o == NULL)
    {
      if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL)
        abort ();
      g_error_free (error);
    }
  else
    {
      char *json = elect_outcome_to_json (o, "en");
      char *zh = elect_outcome_to_text (o, el, "zh");
      char *en = elect_outcome_to_text (o, el, "en");
      if (!json || !zh || !en || !g_utf8_validate (zh, -1, NULL) || !g_utf8_validate (en, -1, NULL))
        abort ();
      g_free (json);
      g_free (zh);
      g_free (en);
      elect_outcome_unref (o);
    }
  elect_election_unref (el);
  return 0;
}
