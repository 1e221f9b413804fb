/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: the readers of libelect-print's input documents
 * (lib/print/print-model.c, compiled into this target): the result JSON
 * (libelect.result/1, FORMATS.md §2), the candidate list JSON
 * (libelect.slate/1) and the public roll CSV (group,name,sex,id_masked).
 * The first byte chooses the reader; the rest is the document. Each reader
 * either returns a model whose counts agree with what it holds, or fails
 * with an ELECT_ERROR GError with a UTF-8 message; never a crash or a leak.
 * A roll it accepts never holds an ID number without a mask (RULES.md
 * §4.4). Rendering is not fuzzed: it takes no input of its own. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "print-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_error (GError *error)
{
  if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL
      || !g_utf8_validate (error->message, -1, NULL))
    abort ();
  g_error_free (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  guint8 sel = size ? data[0] : 0;
  const char *text = size > 1 ? (const char *) data + 1 : "";
  gssize len = size > 1 ? (gssize) size - 1 : 0;

  switch (sel % 3)
    {
    case 0:
      {
        PrintResult *r = print_result_from_json (text, len, &error);
        if (r == NULL)
          {
            check_error (error);
            break;
          }
        for (guint i = 0; i < r->contests->len; i++)
          {
            const PrintResContest *c = g_ptr_array_index (r->contests, i);
            if (c->title == NULL || c->action == NULL || c->seats < 0 || c->elected == NULL)
              abort ();
          }
        print_result_free (r);
        break;
      }
    case 1:
      {
        PrintList *l = print_list_from_json (text, len, &error);
        if (l == NULL)
          {
            check_error (error);
            break;
          }
        for (guint i = 0; i < l->posts->len; i++)
          {
            const PrintListPost *p = g_ptr_array_index (l->posts, i);
            if (p->id == NULL || p->seats < 1 || p->official == NULL || p->nominees == NULL)
              abort ();
          }
        print_list_free (l);
        break;
      }
    default:
      {
        PrintRollList *l = print_roll_list_from_csv (text, len, &error);
        guint n = 0, male = 0, female = 0;
        if (l == NULL)
          {
            check_error (error);
            break;
          }
        for (guint g = 0; g < l->groups->len; g++)
          {
            const PrintRollGroup *grp = g_ptr_array_index (l->groups, g);
            if (g > 0 && elect_group_compare (((PrintRollGroup *) g_ptr_array_index (l->groups, g - 1))->name,
                                              grp->name) > 0)
              abort ();
            for (guint k = 0; k < grp->people->len; k++)
              {
                const PrintRollPerson *p = g_ptr_array_index (grp->people, k);
                if (strchr (p->id_masked, '*') == NULL || *p->name == '\0')
                  abort ();
                male += p->sex == ELECT_SEX_MALE;
                female += p->sex == ELECT_SEX_FEMALE;
              }
            n += grp->people->len;
          }
        if (n != l->n_people || male != l->male || female != l->female)
          abort ();
        print_roll_list_free (l);
        break;
      }
    }
  {
    guint64 num;
    /* The group-number parser on the same bytes, as a name. */
    char *name = g_strndup (text, (gsize) len);
    elect_group_number (name, &num);
    g_free (name);
  }
  return 0;
}
