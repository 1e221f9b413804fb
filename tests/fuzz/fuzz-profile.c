/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: rule profiles from key-file text (elect_rules_load_from_data).
 * A profile either loads, validates and can be queried and dumped, or fails
 * with a GError of the ELECT_ERROR domain that names its origin; never a
 * crash, a leak or an error without a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  const char *text = size ? (const char *) data : "";
  ElectRules *r = elect_rules_load_from_data (text, (gssize) size, "fuzz.ini", &error);
  if (r == NULL)
    {
      if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL ||
          error->message[0] == '\0' || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  /* Every query of every parameter must work on a validated profile. */
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    {
      g_free (elect_rules_get_value_string (r, *k));
      if (elect_rules_get_citation (r, *k) == NULL || elect_rules_get_origin (r, *k) == NULL)
        abort ();
      if (elect_rules_param_get_type (*k) == ELECT_PARAM_TYPE_FRACTION && elect_rules_is_set (r, *k))
        {
          gint64 least = -1;
          gboolean holds = FALSE;
          if (!elect_rules_fraction_least (r, *k, elect_count_max (), &least, NULL) ||
              !elect_rules_fraction_holds (r, *k, least, elect_count_max (), &holds, NULL) || !holds)
            abort ();
          if (least > 0 &&
              (!elect_rules_fraction_holds (r, *k, least - 1, elect_count_max (), &holds, NULL) || holds))
            abort ();
        }
      if (elect_rules_param_get_type (*k) == ELECT_PARAM_TYPE_SET && elect_rules_is_set (r, *k))
        g_strfreev (elect_rules_get_set (r, *k, NULL));
    }
  g_free (elect_rules_dump (r, "en"));
  g_free (elect_rules_dump (r, "zh"));
  g_free (elect_rules_to_json (r));
  elect_rules_unref (r);
  return 0;
}
