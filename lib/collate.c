/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Stroke order of names (RULES.md §7.3). A name becomes a key: an array of
 * character ranks from the generated table (data/strokes/strokes-table.c);
 * keys compare lexicographically, a prefix first. Under surname-strokes a
 * two-character name gets a blank (0, below every rank) after the surname. */
#include "config.h"

#include "elect/elect.h"
#include "i18n-private.h"
#include "rules-private.h"
#include "strokes-private.h"

/* Key values after the Han ranks: digits, then letters (documented in
 * elect-collate.h). */
#define KEY_DIGIT(d)  (elect_stroke_n_chars + 1 + (guint32) (d))
#define KEY_LETTER(l) (elect_stroke_n_chars + 11 + (guint32) (l))

ElectCollation
elect_collation_for_rules (const ElectRules *rules)
{
  g_return_val_if_fail (rules != NULL, ELECT_COLLATION_SURNAME_STROKES);
  if (!elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_NAME_ORDER))
    return ELECT_COLLATION_SURNAME_STROKES;
  return elect_rules_p_int (rules, ELECT_P_CANDIDATES_NAME_ORDER) == ELECT_NAME_ORDER_NAME_STROKES
           ? ELECT_COLLATION_NAME_STROKES
           : ELECT_COLLATION_SURNAME_STROKES;
}

gboolean
elect_collate_char_info (gunichar c, guint *strokes, guint32 *rank)
{
  guint32 r = 0;
  for (guint i = 0; i < elect_stroke_n_blocks; i++)
    if (c >= elect_stroke_blocks[i].first && c <= elect_stroke_blocks[i].last)
      {
        r = elect_stroke_blocks[i].rank[c - elect_stroke_blocks[i].first];
        break;
      }
  if (rank)
    *rank = r;
  if (strokes)
    {
      guint n = 0;
      if (r != 0)
        while (n + 1 <= elect_stroke_max + 1 && elect_stroke_first_rank[n + 1] <= r)
          n++;
      *strokes = n;
    }
  return r != 0;
}

static gboolean
is_ignored (gunichar c)
{
  switch (c)
    {
    case 0x00B7: case 0x2027: case 0x30FB: case 0xFF65: case 0x2022:
    case ' ': case '\t': case 0x3000:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Builds the key of @name; NULL with @error set when it cannot be ordered. */
static GArray *
make_key (const char *name, ElectCollation collation, GError **error)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A name is not valid UTF-8"));
      return NULL;
    }
  g_autofree char *norm = elect_name_normalize (name, -1);
  if (norm == NULL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A name is not valid UTF-8"));
      return NULL;
    }
  g_autoptr (GArray) key = g_array_new (FALSE, FALSE, sizeof (guint32));
  int depth = 0;
  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '(' || c == 0xFF08)
        {
          depth++;
          continue;
        }
      if (c == ')' || c == 0xFF09)
        {
          if (depth == 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("Name “%s”: unmatched closing parenthesis"), name);
              return NULL;
            }
          depth--;
          continue;
        }
      if (depth > 0 || is_ignored (c))
        continue;
      guint32 v;
      if (c >= '0' && c <= '9')
        v = KEY_DIGIT (c - '0');
      else if (c >= 'A' && c <= 'Z')
        v = KEY_LETTER (c - 'A');
      else if (c >= 'a' && c <= 'z')
        v = KEY_LETTER (c - 'a');
      else if (!elect_collate_char_info (c, NULL, &v))
        {
          char buf[8] = { 0 };
          g_unichar_to_utf8 (c, buf);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("Name “%s”: the character “%s” (U+%04X) has no stroke data"),
                       name, buf, (guint) c);
          return NULL;
        }
      g_array_append_val (key, v);
    }
  if (depth != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Name “%s”: unmatched opening parenthesis"), name);
      return NULL;
    }
  if (key->len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Name “%s” has no characters to order by"), name);
      return NULL;
    }
  if (collation == ELECT_COLLATION_SURNAME_STROKES && key->len == 2)
    {
      guint32 blank = 0;
      g_array_insert_val (key, 1, blank);
    }
  return g_steal_pointer (&key);
}

static int
key_cmp (const GArray *a, const GArray *b)
{
  guint n = MIN (a->len, b->len);
  for (guint i = 0; i < n; i++)
    {
      guint32 x = g_array_index (a, guint32, i), y = g_array_index (b, guint32, i);
      if (x != y)
        return x < y ? -1 : 1;
    }
  return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

int
elect_collate_compare (const char *a, const char *b, ElectCollation collation, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  g_autoptr (GArray) ka = make_key (a, collation, error);
  if (!ka)
    return 0;
  g_autoptr (GArray) kb = make_key (b, collation, error);
  if (!kb)
    return 0;
  return key_cmp (ka, kb);
}

typedef struct {
  GArray *key;
  gsize index;
} Item;

static int
item_cmp (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const Item *a = pa, *b = pb;
  int c = key_cmp (a->key, b->key);
  if (c)
    return c;
  return a->index < b->index ? -1 : a->index > b->index ? 1 : 0;
}

gboolean
elect_collate_order (const char *const *names, gsize n_names, ElectCollation collation,
                     gsize *order, gsize *bad_index, GError **error)
{
  g_return_val_if_fail (names != NULL || n_names == 0, FALSE);
  g_return_val_if_fail (order != NULL || n_names == 0, FALSE);
  g_return_val_if_fail (collation == ELECT_COLLATION_SURNAME_STROKES
                        || collation == ELECT_COLLATION_NAME_STROKES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (n_names > G_MAXINT)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("Too many names to order"));
      return FALSE;
    }
  Item *items = g_new0 (Item, MAX (n_names, 1));
  gboolean ok = TRUE;
  for (gsize i = 0; i < n_names; i++)
    {
      items[i].index = i;
      items[i].key = make_key (names[i], collation, error);
      if (!items[i].key)
        {
          if (bad_index)
            *bad_index = i;
          ok = FALSE;
          break;
        }
    }
  if (ok)
    {
      g_qsort_with_data (items, (gint) n_names, sizeof (Item), item_cmp, NULL);
      for (gsize i = 0; i < n_names; i++)
        order[i] = items[i].index;
    }
  for (gsize i = 0; i < n_names; i++)
    if (items[i].key)
      g_array_unref (items[i].key);
  g_free (items);
  return ok;
}

gboolean
elect_collate_sort (char **names, ElectCollation collation, GError **error)
{
  g_return_val_if_fail (names != NULL, FALSE);
  gsize n = g_strv_length (names);
  g_autofree gsize *order = g_new (gsize, MAX (n, 1));
  if (!elect_collate_order ((const char *const *) names, n, collation, order, NULL, error))
    return FALSE;
  g_autofree char **copy = g_memdup2 (names, sizeof (char *) * n);
  for (gsize i = 0; i < n; i++)
    names[i] = copy[order[i]];
  return TRUE;
}
