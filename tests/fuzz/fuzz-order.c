/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: stroke ordering of names (elect_collate_order), the input of
 * elect-order: lines of arbitrary bytes. Either every name is ordered — the
 * result is a permutation, sorted according to elect_collate_compare(), and
 * stable — or the call fails with an ELECT_ERROR naming a valid index. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 65536)
    return 0;
  char *text = g_strndup ((const char *) data, size);   /* stops at a NUL */
  char **names = g_strsplit (text, "\n", -1);
  gsize n = g_strv_length (names);
  gsize *order = g_new (gsize, n + 1);
  gboolean *seen = g_new0 (gboolean, n + 1);
  for (int c = 0; c <= 1; c++)
    {
      ElectCollation coll = c ? ELECT_COLLATION_NAME_STROKES : ELECT_COLLATION_SURNAME_STROKES;
      GError *error = NULL;
      gsize bad = G_MAXSIZE;
      if (!elect_collate_order ((const char *const *) names, n, coll, order, &bad, &error))
        {
          if (error == NULL || error->domain != ELECT_ERROR || bad >= n ||
              !g_utf8_validate (error->message, -1, NULL))
            abort ();
          g_error_free (error);
          continue;
        }
      memset (seen, 0, sizeof (gboolean) * (n + 1));
      for (gsize i = 0; i < n; i++)
        {
          if (order[i] >= n || seen[order[i]])
            abort ();
          seen[order[i]] = TRUE;
        }
      for (gsize i = 1; i < n; i++)
        {
          int cmp = elect_collate_compare (names[order[i - 1]], names[order[i]], coll, &error);
          if (error || cmp > 0 || (cmp == 0 && order[i - 1] > order[i]))
            abort ();
          /* Antisymmetry. */
          int back = elect_collate_compare (names[order[i]], names[order[i - 1]], coll, NULL);
          if ((cmp == 0) != (back == 0) || (cmp < 0 && back <= 0))
            abort ();
        }
    }
  g_free (seen);
  g_free (order);
  g_strfreev (names);
  g_free (text);
  return 0;
}
