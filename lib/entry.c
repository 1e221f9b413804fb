/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Canonical forms of ballots, tally sheets and papers, and double entry:
 * the field-by-field comparison of two entries of one batch. */
#include "config.h"
#include "audit-private.h"
#include "tally-private.h"
#include "i18n-private.h"

#include <string.h>

/* ---- canonical forms ----------------------------------------------------- */

typedef struct {
  int line;          /* candidate line of a Party write-in, or -1 */
  char *name;
} WriteIn;

static int
cmp_write_in (gconstpointer a, gconstpointer b)
{
  const WriteIn *x = a, *y = b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
write_in_clear (gpointer p)
{
  g_free (((WriteIn *) p)->name);
}

static inline gboolean
bit_set (const guint64 *words, const ElectContest *ct, guint i)
{
  return (words[ct->word_off + i / 64] >> (i % 64)) & 1;
}

static void
add_names (JsonBuilder *b, const ElectContest *ct, const guint64 *words, guint32 repeat)
{
  const char *first = NULL;
  for (guint i = 0; i < ct->candidates->len; i++)
    if (bit_set (words, ct, i))
      {
        const ElectCandidate *cand = g_ptr_array_index (ct->candidates, i);
        json_builder_add_string_value (b, cand->name);
        if (first == NULL)
          first = cand->name;
      }
  /* Duplicate marks count once; only their number matters (a defect), so
   * they are written as repeats of the first marked name. */
  for (guint32 k = 0; first && k < repeat; k++)
    json_builder_add_string_value (b, first);
}

static gboolean
any_bit (const guint64 *words, const ElectContest *ct)
{
  for (guint w = 0; w < ct->n_words; w++)
    if (words[ct->word_off + w])
      return TRUE;
  return FALSE;
}

JsonNode *
elect_ballot_canonical_node (const ElectBallot *ballot, GError **error)
{
  g_return_val_if_fail (ballot != NULL, NULL);
  const ElectPaper *paper = ballot->paper;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  if (ballot->unreadable)
    {
      /* The marks of an unreadable paper are not counted (RULES.md §5.2). */
      json_builder_set_member_name (b, "spoiled");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_end_object (b);
      return json_builder_get_root (b);
    }
  g_autoptr (GArray) wis = g_array_new (FALSE, FALSE, sizeof (WriteIn));
  g_array_set_clear_func (wis, write_in_clear);
  for (guint c = 0; c < paper->contests->len; c++)
    {
      const ElectContest *ct = elect_paper_contest (paper, c);
      g_array_set_size (wis, 0);
      for (guint i = 0; i < ballot->write_ins->len; i++)
        {
          const ElectWriteIn *w = &g_array_index (ballot->write_ins, ElectWriteIn, i);
          if (w->contest != c)
            continue;
          const char *name = ballot->names->str + w->off;
          if (!g_utf8_validate_len (name, w->len, NULL))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("A name written in contest “%s” is not valid UTF-8"), ct->id);
              return NULL;
            }
          WriteIn x = { w->line, g_strndup (name, w->len) };
          g_array_append_val (wis, x);
        }
      g_array_sort (wis, cmp_write_in);
      gboolean party_form = paper->party
        && (any_bit (ballot->against, ct) || any_bit (ballot->abstain, ct)
            || (wis->len && g_array_index (wis, WriteIn, wis->len - 1).line >= 0));
      gboolean marked = any_bit (ballot->marks, ct);
      if (!marked && wis->len == 0 && !party_form)
        continue;   /* an abstention: no member */
      json_builder_set_member_name (b, ct->id);
      if (!party_form)
        {
          json_builder_begin_array (b);
          add_names (b, ct, ballot->marks, ballot->dups[c]);
          for (guint i = 0; i < wis->len; i++)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "write_in");
              json_builder_add_string_value (b, g_array_index (wis, WriteIn, i).name);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          continue;
        }
      /* A Party line object (doc/election-format.md). A line marked
       * differently twice is listed under both marks: the reader sees the
       * contradiction again. */
      json_builder_begin_object (b);
      if (any_bit (ballot->abstain, ct))
        {
          json_builder_set_member_name (b, "abstain");
          json_builder_begin_array (b);
          add_names (b, ct, ballot->abstain, 0);
          json_builder_end_array (b);
        }
      if (any_bit (ballot->against, ct))
        {
          json_builder_set_member_name (b, "against");
          json_builder_begin_array (b);
          add_names (b, ct, ballot->against, 0);
          json_builder_end_array (b);
        }
      gboolean line_write_ins = FALSE;
      if (marked || (wis->len && g_array_index (wis, WriteIn, 0).line < 0))
        {
          json_builder_set_member_name (b, "for");
          json_builder_begin_array (b);
          add_names (b, ct, ballot->marks, ballot->dups[c]);
          for (guint i = 0; i < wis->len; i++)
            if (g_array_index (wis, WriteIn, i).line < 0)
              json_builder_add_string_value (b, g_array_index (wis, WriteIn, i).name);
          json_builder_end_array (b);
        }
      for (guint i = 0; i < wis->len; i++)
        line_write_ins |= g_array_index (wis, WriteIn, i).line >= 0;
      if (line_write_ins)
        {
          json_builder_set_member_name (b, "write_in");
          json_builder_begin_object (b);
          int last = -1;
          for (guint i = 0; i < wis->len; i++)
            {
              const WriteIn *w = &g_array_index (wis, WriteIn, i);
              if (w->line < 0)
                continue;
              const ElectCandidate *cand = g_ptr_array_index (ct->candidates, (guint) w->line);
              if (w->line == last)
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                               _("Two names are written on the line of “%s” in contest “%s”"),
                               cand->name, ct->id);
                  return NULL;
                }
              last = w->line;
              json_builder_set_member_name (b, cand->name);
              json_builder_add_string_value (b, w->name);
            }
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
elect_sheet_canonical_node (const ElectTally *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  const ElectPaper *paper = sheet->paper;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ballots_returned");
  json_builder_add_int_value (b, elect_tally_get_ballots_returned (sheet));
  json_builder_set_member_name (b, "ballots_invalid");
  json_builder_add_int_value (b, elect_tally_get_ballots_invalid (sheet));
  json_builder_set_member_name (b, "votes");
  json_builder_begin_object (b);
  for (guint c = 0; c < paper->contests->len; c++)
    {
      const ElectContest *ct = elect_paper_contest (paper, c);
      json_builder_set_member_name (b, ct->id);
      json_builder_begin_object (b);
      for (guint i = 0; i < ct->candidates->len; i++)
        {
          const ElectCandidate *cand = g_ptr_array_index (ct->candidates, i);
          json_builder_set_member_name (b, cand->name);
          json_builder_add_int_value (b, elect_tally_get_votes (sheet, c, i));
        }
      guint nw = elect_tally_get_n_write_ins (sheet, c);
      for (guint i = 0; i < nw; i++)
        {
          json_builder_set_member_name (b, elect_tally_get_write_in_name (sheet, c, i));
          json_builder_add_int_value (b, elect_tally_get_write_in_votes (sheet, c, i));
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
elect_paper_canonical_node (const ElectPaper *paper)
{
  g_return_val_if_fail (paper != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "party_marks");
  json_builder_add_boolean_value (b, paper->party);
  json_builder_set_member_name (b, "contests");
  json_builder_begin_array (b);
  for (guint c = 0; c < paper->contests->len; c++)
    {
      const ElectContest *ct = elect_paper_contest (paper, c);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, ct->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, ct->title ? ct->title : ct->id);
      json_builder_set_member_name (b, "seats");
      json_builder_add_int_value (b, ct->seats);
      json_builder_set_member_name (b, "women_only");
      json_builder_add_boolean_value (b, ct->women_only);
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; i < ct->candidates->len; i++)
        {
          const ElectCandidate *cand = g_ptr_array_index (ct->candidates, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, cand->name);
          json_builder_set_member_name (b, "sex");
          json_builder_add_string_value (b, elect_sex_to_string (cand->sex));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- differences ----------------------------------------------------------- */

typedef struct {
  char *place;
  char *first;    /* JSON text, or NULL: absent */
  char *second;
} DiffItem;

struct _ElectEntryDiff {
  GArray *items;  /* DiffItem */
};

static void
diff_item_clear (gpointer p)
{
  DiffItem *d = p;
  g_free (d->place);
  g_free (d->first);
  g_free (d->second);
}

static ElectEntryDiff *
diff_new (void)
{
  ElectEntryDiff *d = g_new0 (ElectEntryDiff, 1);
  d->items = g_array_new (FALSE, FALSE, sizeof (DiffItem));
  g_array_set_clear_func (d->items, diff_item_clear);
  return d;
}

static void
diff_add (ElectEntryDiff *d, char *place, JsonNode *first, JsonNode *second)
{
  DiffItem it = { place, first ? elect_canon_compact (first) : NULL,
                  second ? elect_canon_compact (second) : NULL };
  g_array_append_val (d->items, it);
}

static gboolean
nodes_equal (JsonNode *a, JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  g_autofree char *x = elect_canon_compact (a);
  g_autofree char *y = elect_canon_compact (b);
  return strcmp (x, y) == 0;
}

static JsonNode *
member_or_null (JsonNode *obj, const char *name)
{
  if (obj == NULL || !JSON_NODE_HOLDS_OBJECT (obj))
    return NULL;
  return json_object_get_member (json_node_get_object (obj), name);
}

static int
cmp_strp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names of the members of one or two objects: those of @order first (a
 * contest order), then the others sorted. */
static GPtrArray *
member_union (JsonNode *a, JsonNode *b, const char *const *order)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; order && order[i]; i++)
    if (member_or_null (a, order[i]) || member_or_null (b, order[i]))
      {
        g_ptr_array_add (names, g_strdup (order[i]));
        g_hash_table_add (seen, (gpointer) order[i]);
      }
  GPtrArray *rest = g_ptr_array_new ();
  JsonNode *both[2] = { a, b };
  for (int k = 0; k < 2; k++)
    {
      if (both[k] == NULL || !JSON_NODE_HOLDS_OBJECT (both[k]))
        continue;
      GList *members = json_object_get_members (json_node_get_object (both[k]));
      for (GList *l = members; l; l = l->next)
        if (!g_hash_table_contains (seen, l->data))
          {
            g_hash_table_add (seen, l->data);
            g_ptr_array_add (rest, l->data);
          }
      g_list_free (members);
    }
  g_ptr_array_sort (rest, cmp_strp);
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (names, g_strdup (g_ptr_array_index (rest, i)));
  g_ptr_array_unref (rest);
  return names;
}

ElectEntryDiff *
elect_entry_diff_ballot_nodes (const ElectPaper *paper,
                               JsonNode *const *first, guint n_first,
                               JsonNode *const *second, guint n_second)
{
  ElectEntryDiff *d = diff_new ();
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_ptr_array_add (order, (gpointer) "spoiled");
  for (guint c = 0; paper && c < paper->contests->len; c++)
    g_ptr_array_add (order, elect_paper_contest (paper, c)->id);
  g_ptr_array_add (order, NULL);
  if (n_first != n_second)
    {
      g_autoptr (JsonNode) a = json_node_init_int (json_node_alloc (), n_first);
      g_autoptr (JsonNode) b = json_node_init_int (json_node_alloc (), n_second);
      diff_add (d, g_strdup ("ballots"), a, b);
    }
  guint n = MAX (n_first, n_second);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *a = i < n_first ? first[i] : NULL;
      JsonNode *b = i < n_second ? second[i] : NULL;
      if (a == NULL || b == NULL)
        {
          diff_add (d, g_strdup_printf ("ballots[%u]", i), a, b);
          continue;
        }
      g_autoptr (GPtrArray) names = member_union (a, b, (const char *const *) order->pdata);
      for (guint k = 0; k < names->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);
          JsonNode *x = member_or_null (a, name), *y = member_or_null (b, name);
          if (!nodes_equal (x, y))
            diff_add (d, g_strdup_printf ("ballots[%u].%s", i, name), x, y);
        }
    }
  return d;
}

ElectEntryDiff *
elect_entry_diff_sheet_nodes (JsonNode *first, JsonNode *second)
{
  ElectEntryDiff *d = diff_new ();
  static const char *const counts[] = { "ballots_returned", "ballots_invalid", NULL };
  for (int i = 0; counts[i]; i++)
    {
      JsonNode *x = member_or_null (first, counts[i]), *y = member_or_null (second, counts[i]);
      if (!nodes_equal (x, y))
        diff_add (d, g_strconcat ("totals.", counts[i], NULL), x, y);
    }
  JsonNode *va = member_or_null (first, "votes"), *vb = member_or_null (second, "votes");
  g_autoptr (GPtrArray) contests = member_union (va, vb, NULL);
  for (guint c = 0; c < contests->len; c++)
    {
      const char *cid = g_ptr_array_index (contests, c);
      JsonNode *ca = member_or_null (va, cid), *cb = member_or_null (vb, cid);
      /* candidates in the order of the first entry, then the others */
      g_autoptr (GPtrArray) order = g_ptr_array_new ();
      if (ca && JSON_NODE_HOLDS_OBJECT (ca))
        {
          GList *members = json_object_get_members (json_node_get_object (ca));
          for (GList *l = members; l; l = l->next)
            g_ptr_array_add (order, l->data);
          g_list_free (members);
        }
      g_ptr_array_add (order, NULL);
      g_autoptr (GPtrArray) names = member_union (ca, cb, (const char *const *) order->pdata);
      for (guint k = 0; k < names->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);
          JsonNode *x = member_or_null (ca, name), *y = member_or_null (cb, name);
          if (!nodes_equal (x, y))
            diff_add (d, g_strdup_printf ("totals.votes.%s.%s", cid, name), x, y);
        }
    }
  return d;
}

ElectEntryDiff *
elect_entry_compare_ballots (const ElectBallot *const *first, gsize n_first,
                             const ElectBallot *const *second, gsize n_second,
                             GError **error)
{
  g_return_val_if_fail (first != NULL || n_first == 0, NULL);
  g_return_val_if_fail (second != NULL || n_second == 0, NULL);
  g_return_val_if_fail (n_first <= G_MAXUINT && n_second <= G_MAXUINT, NULL);
  const ElectPaper *paper = n_first ? first[0]->paper : n_second ? second[0]->paper : NULL;
  for (gsize i = 0; i < n_first; i++)
    g_return_val_if_fail (first[i] != NULL && first[i]->paper == paper, NULL);
  for (gsize i = 0; i < n_second; i++)
    g_return_val_if_fail (second[i] != NULL && second[i]->paper == paper, NULL);
  g_autoptr (GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GPtrArray) b = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (gsize i = 0; i < n_first; i++)
    {
      JsonNode *n = elect_ballot_canonical_node (first[i], error);
      if (n == NULL)
        return NULL;
      g_ptr_array_add (a, n);
    }
  for (gsize i = 0; i < n_second; i++)
    {
      JsonNode *n = elect_ballot_canonical_node (second[i], error);
      if (n == NULL)
        return NULL;
      g_ptr_array_add (b, n);
    }
  return elect_entry_diff_ballot_nodes (paper, (JsonNode *const *) a->pdata, a->len,
                                        (JsonNode *const *) b->pdata, b->len);
}

ElectEntryDiff *
elect_entry_compare_sheets (const ElectTally *first, const ElectTally *second)
{
  g_return_val_if_fail (first != NULL && second != NULL, NULL);
  g_return_val_if_fail (elect_tally_is_sheet (first) && elect_tally_is_sheet (second), NULL);
  g_return_val_if_fail (first->paper == second->paper, NULL);
  g_autoptr (JsonNode) a = elect_sheet_canonical_node (first);
  g_autoptr (JsonNode) b = elect_sheet_canonical_node (second);
  return elect_entry_diff_sheet_nodes (a, b);
}

void
elect_entry_diff_free (ElectEntryDiff *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

guint
elect_entry_diff_get_n_items (const ElectEntryDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

#define CHECK_ITEM(self, index, val) \
  g_return_val_if_fail (self != NULL, val); \
  g_return_val_if_fail (index < self->items->len, val)

const char *
elect_entry_diff_get_place (const ElectEntryDiff *self, guint index)
{
  CHECK_ITEM (self, index, NULL);
  return g_array_index (self->items, DiffItem, index).place;
}

const char *
elect_entry_diff_get_first (const ElectEntryDiff *self, guint index)
{
  CHECK_ITEM (self, index, NULL);
  return g_array_index (self->items, DiffItem, index).first;
}

const char *
elect_entry_diff_get_second (const ElectEntryDiff *self, guint index)
{
  CHECK_ITEM (self, index, NULL);
  return g_array_index (self->items, DiffItem, index).second;
}

static const char *tr (const char *lang, const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (const char *lang, const char *msgid)
{
  return lang ? elect_tr (lang, msgid) : _(msgid);
}

char *
elect_entry_diff_to_text (const ElectEntryDiff *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  GString *out = g_string_new (NULL);
  if (self->items->len == 0)
    {
      g_string_append (out, tr (lang, N_("The two entries agree.")));
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, tr (lang, N_("The two entries differ in %u places:")),
                          self->items->len);
  g_string_append_c (out, '\n');
  const char *none = tr (lang, N_("(nothing)"));
  for (guint i = 0; i < self->items->len; i++)
    {
      const DiffItem *it = &g_array_index (self->items, DiffItem, i);
      g_string_append_printf (out, tr (lang, N_("%s: first entry %s, second entry %s")),
                              it->place, it->first ? it->first : none,
                              it->second ? it->second : none);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
