/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the candidate-record reader (libelect.candidates/1,
 * elect_candidate_records_from_json) and vetting of what it reads against a
 * small negative list. Either records come back and every one can be vetted
 * and serialised, or an ELECT_ERROR with a message; never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char LIST[] =
  "[item criminal-record]\ntitle=t\nkind=event\nlookback=5y\nseverity=barred\nsource=s\n"
  "[item long-absent]\ntitle=t\nkind=flag\nseverity=not-recommended\nsource=s\n"
  "[item detention]\ntitle=t\nkind=event\nlookback=18m\nseverity=not-recommended\nsource=s\n"
  "[item new-chair-age]\ntitle=t\nkind=age-cap\nmax_age=45\nage_date=2026-12-31\nposts=chair\n"
  "incumbent=false\nseverity=not-recommended\nsource=s\n";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ElectNegativeList *list;
  if (!list)
    list = elect_negative_list_load_from_data (LIST, -1, "fuzz.ini", NULL);
  if (!list)
    abort ();
  char *text = g_strndup ((const char *) data, size);
  GError *error = NULL;
  /* With the list (facts checked against it) and without. */
  for (int with = 0; with <= 1; with++)
    {
      GPtrArray *people = elect_candidate_records_from_json (text, (gssize) strlen (text), "fuzz.json",
                                                             with ? list : NULL, &error);
      if (!people)
        {
          if (!error || error->domain != ELECT_ERROR || !g_utf8_validate (error->message, -1, NULL))
            abort ();
          g_clear_error (&error);
          continue;
        }
      if (error)
        abort ();
      GDate *ref = g_date_new_dmy (30, 11, 2026);
      for (guint i = 0; i < people->len; i++)
        {
          ElectVetting *v = elect_vet (people->pdata[i], list, ref);
          char *json = elect_vetting_to_json (v, "zh");
          if (!json || !g_utf8_validate (json, -1, NULL))
            abort ();
          g_free (json);
          elect_vetting_unref (v);
        }
      GPtrArray *c = elect_committee_conflicts ((const char *const[]) { "王一", NULL },
                                                (ElectCandidateRecord *const *) people->pdata,
                                                people->len, TRUE);
      g_ptr_array_unref (c);
      g_date_free (ref);
      g_ptr_array_unref (people);
    }
  /* The negative-list reader on the same bytes. */
  ElectNegativeList *l = elect_negative_list_load_from_data ((const char *) data, (gssize) size,
                                                             "fuzz.ini", &error);
  if (l)
    elect_negative_list_unref (l);
  else if (!error || error->domain != ELECT_ERROR)
    abort ();
  g_clear_error (&error);
  g_free (text);
  return 0;
}
