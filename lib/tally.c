/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Validation of ballots (RULES.md §5) and the tally of one round. */
#include "config.h"
#include "tally-private.h"
#include "rules-private.h"
#include "reason-private.h"
#include "i18n-private.h"

#include <string.h>

const char *const elect_defect_codes[] = {
  "unreadable",
  "overvote",
  "overvote-contest",
  "duplicate-mark",
  "write-in-listed",
  "write-in-other-post",
  "write-in-unverified",
  "write-in-not-eligible",
  "write-in-ambiguous",
  "write-in-blank",
  "women-post-not-woman",
  "two-posts-void-ballot",
  "two-posts-separate",
  "two-posts-cascade-down",
  "abstain-write-in",
  "contradictory-mark",
  NULL
};

#define SEX_AMBIGUOUS 0xff

typedef struct {
  guint contest;
  guint key;
  gsize norm_off;
  ElectSex sex;
  gboolean unverified;
} ScratchWriteIn;

typedef struct {
  guint key;
  guint contest;
  int candidate;         /* listed candidate index, or -1 for a write-in */
  guint swi;             /* index in swi for a write-in */
  gboolean lower;        /* also marked for a higher post on this ballot */
} ScratchPerson;

static void
wi_entry_free (gpointer p)
{
  ElectWriteInEntry *e = p;
  g_free (e->norm);
  g_free (e);
}

ElectTally *
elect_tally_new (const ElectRules *rules, ElectPaper *paper, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  if (paper->contests->len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The ballot paper has no contest"));
      return NULL;
    }
  gboolean party_rules = elect_rules_get_kind (rules) == ELECT_KIND_PARTY_COMMITTEE;
  if (party_rules != paper->party)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   party_rules
                   ? _("Profile “%s” is for Party elections but the ballot paper has no for/against/abstain marks")
                   : _("Profile “%s” is not for Party elections but the ballot paper has for/against/abstain marks"),
                   elect_rules_get_name (rules));
      return NULL;
    }
  elect_paper_freeze (paper);

  ElectTally *t = g_new0 (ElectTally, 1);
  g_atomic_ref_count_init (&t->ref);
  t->rules = elect_rules_ref ((ElectRules *) rules);
  t->paper = elect_paper_ref (paper);
  t->overvote_policy = (int) elect_rules_p_int (rules, ELECT_P_COUNT_OVERVOTE);
  t->two_posts_policy = elect_rules_p_is_set (rules, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS)
    ? (int) elect_rules_p_int (rules, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS) : -1;

  guint nc = paper->contests->len;
  t->cand_off = g_new0 (guint, nc + 1);
  for (guint c = 0; c < nc; c++)
    t->cand_off[c + 1] = t->cand_off[c] + elect_paper_contest (paper, c)->candidates->len;
  t->n_cand_total = t->cand_off[nc];
  t->votes = g_new0 (gint64, t->n_cand_total + 1);
  t->against = g_new0 (gint64, t->n_cand_total + 1);
  t->overlap = g_new0 (gint64, t->n_cand_total + 1);
  t->nonempty = g_new0 (gint64, nc);
  t->contest_void = g_new0 (gint64, nc);
  t->wi = g_new0 (ElectWriteInTable, nc);
  for (guint c = 0; c < nc; c++)
    {
      t->wi[c].by_norm = g_hash_table_new (g_str_hash, g_str_equal);
      t->wi[c].sorted = g_ptr_array_new_with_free_func (wi_entry_free);
    }
  t->name_ids = g_hash_table_new (g_str_hash, g_str_equal);
  t->name_id_keys = g_ptr_array_new_with_free_func (g_free);
  t->sbits = g_new0 (guint64, paper->total_words);
  t->swi = g_array_sized_new (FALSE, FALSE, sizeof (ScratchWriteIn), 16);
  t->snames = g_string_sized_new (256);
  t->spersons = g_array_sized_new (FALSE, FALSE, sizeof (ScratchPerson), 16);
  return t;
}

ElectTally *
elect_tally_ref (ElectTally *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

static void
clear_eligible (ElectTally *self)
{
  g_clear_pointer (&self->eligible, g_hash_table_unref);
  g_clear_pointer (&self->eligible_sex, g_array_unref);
  g_clear_pointer (&self->eligible_names, g_ptr_array_unref);
}

void
elect_tally_unref (ElectTally *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  guint nc = self->paper->contests->len;
  for (guint c = 0; c < nc; c++)
    {
      g_hash_table_unref (self->wi[c].by_norm);
      g_ptr_array_unref (self->wi[c].sorted);
    }
  g_free (self->wi);
  g_free (self->cand_off);
  g_free (self->votes);
  g_free (self->against);
  g_free (self->overlap);
  g_free (self->nonempty);
  g_free (self->contest_void);
  clear_eligible (self);
  g_hash_table_unref (self->name_ids);
  g_ptr_array_unref (self->name_id_keys);
  g_free (self->sbits);
  g_array_unref (self->swi);
  g_string_free (self->snames, TRUE);
  g_array_unref (self->spersons);
  elect_paper_unref (self->paper);
  elect_rules_unref (self->rules);
  g_free (self);
}

ElectPaper *
elect_tally_get_paper (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->paper;
}

const ElectRules *
elect_tally_get_rules (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

static gboolean
tally_is_empty (const ElectTally *self)
{
  return self->returned == 0 && !self->sheet;
}

gboolean
elect_tally_set_eligible (ElectTally *self, const char *const *names,
                          const ElectSex *sexes, gsize n_names, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (names != NULL || n_names == 0, FALSE);

  if (!tally_is_empty (self))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The list of eligible persons must be given before any ballot"));
      return FALSE;
    }
  g_autoptr (GHashTable) h = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) sx = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < n_names; i++)
    {
      char *norm = names[i] ? elect_name_normalize (names[i], -1) : NULL;
      if (norm == NULL || !*norm)
        {
          g_free (norm);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("Eligible person %llu: the name is blank or not valid UTF-8"),
                       (unsigned long long) i + 1);
          return FALSE;
        }
      guint8 s = sexes ? (guint8) sexes[i] : ELECT_SEX_UNKNOWN;
      gpointer v = g_hash_table_lookup (h, norm);
      if (v)
        {
          g_array_index (sx, guint8, GPOINTER_TO_UINT (v) - 1) = SEX_AMBIGUOUS;
          g_free (norm);
          continue;
        }
      g_ptr_array_add (keep, norm);
      g_array_append_val (sx, s);
      g_hash_table_insert (h, norm, GUINT_TO_POINTER (sx->len));
    }
  clear_eligible (self);
  self->eligible = g_steal_pointer (&h);
  self->eligible_sex = g_steal_pointer (&sx);
  self->eligible_names = g_steal_pointer (&keep);
  return TRUE;
}

/* The key of a name for the two-posts check: a paper person's id, or an id
 * after them. */
static guint
name_key (ElectTally *self, const char *norm)
{
  gpointer v = g_hash_table_lookup (self->paper->person_by_norm, norm);
  if (v)
    return GPOINTER_TO_UINT (v) - 1;
  v = g_hash_table_lookup (self->name_ids, norm);
  if (v)
    return GPOINTER_TO_UINT (v) - 1;
  char *k = g_strdup (norm);
  g_ptr_array_add (self->name_id_keys, k);
  guint id = self->paper->person_norm->len + self->name_id_keys->len - 1;
  g_hash_table_insert (self->name_ids, k, GUINT_TO_POINTER (id + 1));
  return id;
}

static ElectWriteInEntry *
wi_entry (ElectTally *self, guint c, const char *norm, ElectSex sex)
{
  ElectWriteInTable *tab = &self->wi[c];
  ElectWriteInEntry *e = g_hash_table_lookup (tab->by_norm, norm);
  if (e)
    return e;
  e = g_new0 (ElectWriteInEntry, 1);
  e->norm = g_strdup (norm);
  e->sex = sex;
  /* insert sorted */
  guint lo = 0, hi = tab->sorted->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (strcmp (((ElectWriteInEntry *) g_ptr_array_index (tab->sorted, mid))->norm, norm) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (tab->sorted, (gint) lo, e);
  g_hash_table_insert (tab->by_norm, e->norm, e);
  return e;
}

static gboolean
check_countable (ElectTally *self, gint64 more, GError **error)
{
  if (self->sheet)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("This tally is a tally sheet: ballots cannot be added to it"));
      return FALSE;
    }
  if (more > ELECT_COUNT_MAX - self->returned)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("More than %lld ballots"), (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  return TRUE;
}

static inline guint
contest_popcount (const guint64 *bits, const ElectContest *ct)
{
  guint n = 0;
  for (guint w = 0; w < ct->n_words; w++)
    n += (guint) __builtin_popcountll (bits[ct->word_off + w]);
  return n;
}

/* Resolves the write-ins of a ballot into sbits (listed candidates) and
 * swi (other names); counts the defects of void marks. */
static void
resolve_write_ins (ElectTally *self, const ElectBallot *b)
{
  const ElectPaper *paper = self->paper;
  for (guint i = 0; i < b->write_ins->len; i++)
    {
      const ElectWriteIn *w = &g_array_index (b->write_ins, ElectWriteIn, i);
      const ElectContest *ct = elect_paper_contest (paper, w->contest);
      if (paper->party && w->line >= 0)
        {
          guint wd = ct->word_off + (guint) w->line / 64;
          guint64 bit = G_GUINT64_CONSTANT (1) << (w->line % 64);
          if (b->abstain[wd] & bit)
            {
              self->defects[ELECT_DEFECT_ABSTAIN_WRITE_IN]++;
              continue;
            }
        }
      char buf[ELECT_NAME_BUF];
      g_autofree char *heap = NULL;
      const char *norm = elect_name_norm_fast (b->names->str + w->off, (gssize) w->len,
                                               buf, &heap);
      if (norm == NULL || !*norm)
        {
          self->defects[ELECT_DEFECT_WRITE_IN_BLANK]++;
          continue;
        }
      gpointer v = g_hash_table_lookup (ct->by_norm, norm);
      if (v)
        {
          guint k = GPOINTER_TO_UINT (v) - 1;
          guint wd = ct->word_off + k / 64;
          guint64 bit = G_GUINT64_CONSTANT (1) << (k % 64);
          self->defects[ELECT_DEFECT_WRITE_IN_LISTED]++;
          if (self->sbits[wd] & bit)
            self->defects[ELECT_DEFECT_DUPLICATE_MARK]++;
          self->sbits[wd] |= bit;
          continue;
        }
      ElectSex sex = ELECT_SEX_UNKNOWN;
      gboolean unverified = FALSE;
      v = g_hash_table_lookup (paper->person_by_norm, norm);
      if (v)
        {
          sex = g_array_index (paper->person_sex, ElectSex, GPOINTER_TO_UINT (v) - 1);
          self->defects[ELECT_DEFECT_WRITE_IN_OTHER_POST]++;
        }
      else if (self->eligible)
        {
          v = g_hash_table_lookup (self->eligible, norm);
          if (v == NULL)
            {
              self->defects[ELECT_DEFECT_WRITE_IN_NOT_ELIGIBLE]++;
              continue;
            }
          guint8 s = g_array_index (self->eligible_sex, guint8, GPOINTER_TO_UINT (v) - 1);
          if (s == SEX_AMBIGUOUS)
            {
              self->defects[ELECT_DEFECT_WRITE_IN_AMBIGUOUS]++;
              continue;
            }
          sex = (ElectSex) s;
        }
      else
        unverified = TRUE;
      if (ct->women_only && sex != ELECT_SEX_FEMALE)
        {
          self->defects[ELECT_DEFECT_WOMEN_POST_NOT_WOMAN]++;
          continue;
        }
      guint key = name_key (self, norm);
      gboolean dup = FALSE;
      for (guint j = 0; j < self->swi->len && !dup; j++)
        {
          const ScratchWriteIn *o = &g_array_index (self->swi, ScratchWriteIn, j);
          dup = o->contest == w->contest && o->key == key;
        }
      if (dup)
        {
          self->defects[ELECT_DEFECT_DUPLICATE_MARK]++;
          continue;
        }
      if (unverified)
        self->defects[ELECT_DEFECT_WRITE_IN_UNVERIFIED]++;
      ScratchWriteIn s = { w->contest, key, self->snames->len, sex, unverified };
      g_string_append_len (self->snames, norm, (gssize) strlen (norm) + 1);
      g_array_append_val (self->swi, s);
    }
}

/* Adds to spersons the listing of paper person @key (listed on one contest
 * only, under the normalised name @norm) when it is marked on this ballot
 * in one of the contests of @live, unless it is there already (RULES §5.3). */
static void
add_single_listing (ElectTally *self, guint64 live, guint key, const char *norm)
{
  const ElectPaper *paper = self->paper;
  GArray *sp = self->spersons;
  for (guint64 d = live; d; d &= d - 1)
    {
      guint c = (guint) __builtin_ctzll (d);
      const ElectContest *ct = elect_paper_contest (paper, c);
      gpointer v = g_hash_table_lookup (ct->by_norm, norm);
      if (v == NULL)
        continue;
      guint k = GPOINTER_TO_UINT (v) - 1;
      if (!(self->sbits[ct->word_off + k / 64] & (G_GUINT64_CONSTANT (1) << (k % 64))))
        return;
      for (guint i = 0; i < sp->len; i++)
        {
          const ScratchPerson *o = &g_array_index (sp, ScratchPerson, i);
          if (o->key == key && o->contest == c && o->candidate == (int) k)
            return;
        }
      ScratchPerson p = { key, c, (int) k, 0, FALSE };
      g_array_append_val (sp, p);
      return;
    }
}

gboolean
elect_tally_add_ballot (ElectTally *self, const ElectBallot *ballot, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ballot != NULL, FALSE);

  const ElectPaper *paper = self->paper;
  if (ballot->paper != paper)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The ballot is of another ballot paper than the tally"));
      return FALSE;
    }
  if (!check_countable (self, 1, error))
    return FALSE;

  self->returned++;
  if (ballot->unreadable)
    {
      self->invalid++;
      self->defects[ELECT_DEFECT_UNREADABLE]++;
      return TRUE;
    }

  const guint64 dirty = ballot->dirty;
  guint64 d;
  /* Marks of the ballot, minus contradictory Party lines. */
  for (d = dirty; d; d &= d - 1)
    {
      guint c = (guint) __builtin_ctzll (d);
      const ElectContest *ct = elect_paper_contest (paper, c);
      for (guint w = 0; w < ct->n_words; w++)
        {
          guint i = ct->word_off + w;
          guint64 m = ballot->marks[i];
          if (ballot->any_party)
            {
              self->defects[ELECT_DEFECT_CONTRADICTORY_MARK] +=
                (gint64) __builtin_popcountll (ballot->contra[i]);
              m &= ~ballot->contra[i];
            }
          self->sbits[i] = m;
        }
      self->defects[ELECT_DEFECT_DUPLICATE_MARK] += ballot->dups[c];
    }
  g_array_set_size (self->swi, 0);
  g_string_truncate (self->snames, 0);
  if (ballot->write_ins->len)
    resolve_write_ins (self, ballot);

  /* Over-votes (RULES §5.2): more distinct people marked than seats. */
  gboolean void_ballot = FALSE;
  guint64 void_contests = 0;
  for (d = dirty; d; d &= d - 1)
    {
      guint c = (guint) __builtin_ctzll (d);
      const ElectContest *ct = elect_paper_contest (paper, c);
      gint64 n = contest_popcount (self->sbits, ct);
      for (guint j = 0; j < self->swi->len; j++)
        n += g_array_index (self->swi, ScratchWriteIn, j).contest == c;
      if (n > ct->seats)
        {
          if (self->overvote_policy == ELECT_OVERVOTE_VOID_BALLOT)
            void_ballot = TRUE;
          else
            {
              void_contests |= G_GUINT64_CONSTANT (1) << c;
              self->defects[ELECT_DEFECT_OVERVOTE_CONTEST]++;
            }
        }
    }
  if (void_ballot)
    {
      self->defects[ELECT_DEFECT_OVERVOTE]++;
      self->invalid++;
      return TRUE;
    }

  /* One person marked for two posts (RULES §5.3). */
  GArray *sp = self->spersons;
  g_array_set_size (sp, 0);
  if (paper->multi->len && (dirty & (dirty - 1)))
    for (guint i = 0; i < paper->multi->len; i++)
      {
        const ElectListing *l = &g_array_index (paper->multi, ElectListing, i);
        const ElectContest *ct = elect_paper_contest (paper, l->contest);
        if (!(dirty & (G_GUINT64_CONSTANT (1) << l->contest))
            || (void_contests & (G_GUINT64_CONSTANT (1) << l->contest)))
          continue;
        if (self->sbits[ct->word_off + l->candidate / 64]
            & (G_GUINT64_CONSTANT (1) << (l->candidate % 64)))
          {
            ScratchPerson p = { l->person, l->contest, (int) l->candidate, 0, FALSE };
            g_array_append_val (sp, p);
          }
      }
  for (guint j = 0; j < self->swi->len; j++)
    {
      const ScratchWriteIn *w = &g_array_index (self->swi, ScratchWriteIn, j);
      if (void_contests & (G_GUINT64_CONSTANT (1) << w->contest))
        continue;
      ScratchPerson p = { w->key, w->contest, -1, j, FALSE };
      g_array_append_val (sp, p);
      /* A write-in of a candidate listed on one other post only: that
       * listing is not in paper->multi, so add it here when it is marked
       * (ZJ 27: "选举同一人为两项以上职务"), once per ballot. */
      if (w->key < paper->person_norm->len
          && g_array_index (paper->person_n_contests, guint, w->key) == 1)
        add_single_listing (self, dirty & ~void_contests, w->key,
                            self->snames->str + w->norm_off);
    }
  gboolean two_posts = FALSE;
  for (guint i = 0; i < sp->len; i++)
    for (guint j = 0; j < sp->len; j++)
      {
        const ScratchPerson *hi = &g_array_index (sp, ScratchPerson, i);
        const ScratchPerson *lo = &g_array_index (sp, ScratchPerson, j);
        if (hi->key != lo->key || hi->contest >= lo->contest)
          continue;
        two_posts = TRUE;
        g_array_index (sp, ScratchPerson, j).lower = TRUE;
      }
  if (two_posts)
    {
      switch (self->two_posts_policy)
        {
        case ELECT_TWO_POSTS_VOID_BALLOT:
          self->defects[ELECT_DEFECT_TWO_POSTS_VOID_BALLOT]++;
          self->invalid++;
          return TRUE;
        case ELECT_TWO_POSTS_CASCADE_DOWN:
          self->defects[ELECT_DEFECT_TWO_POSTS_CASCADE_DOWN]++;
          break;
        default:
          self->defects[ELECT_DEFECT_TWO_POSTS_SEPARATE]++;
          break;
        }
    }

  /* Count. */
  self->valid++;
  for (d = dirty; d; d &= d - 1)
    {
      guint c = (guint) __builtin_ctzll (d);
      if (void_contests & (G_GUINT64_CONSTANT (1) << c))
        {
          self->contest_void[c]++;
          continue;
        }
      const ElectContest *ct = elect_paper_contest (paper, c);
      gint64 *votes = self->votes + self->cand_off[c];
      gboolean any = FALSE;
      for (guint w = 0; w < ct->n_words; w++)
        {
          guint64 m = self->sbits[ct->word_off + w];
          any |= m != 0;
          while (m)
            {
              votes[w * 64 + (guint) __builtin_ctzll (m)]++;
              m &= m - 1;
            }
          if (ballot->any_party)
            {
              guint i = ct->word_off + w;
              m = ballot->against[i] & ~ballot->contra[i];
              gint64 *against = self->against + self->cand_off[c];
              while (m)
                {
                  against[w * 64 + (guint) __builtin_ctzll (m)]++;
                  m &= m - 1;
                }
            }
        }
      for (guint j = 0; j < self->swi->len; j++)
        {
          const ScratchWriteIn *w = &g_array_index (self->swi, ScratchWriteIn, j);
          if (w->contest != c)
            continue;
          ElectWriteInEntry *e = wi_entry (self, c, self->snames->str + w->norm_off, w->sex);
          e->votes++;
          e->unverified |= w->unverified;
          any = TRUE;
        }
      if (any)
        self->nonempty[c]++;
    }
  /* cascade-down bookkeeping: ballots that marked a person both here and
   * higher up (HA 25: their votes are not added twice). */
  for (guint i = 0; two_posts && i < sp->len; i++)
    {
      const ScratchPerson *p = &g_array_index (sp, ScratchPerson, i);
      if (!p->lower)
        continue;
      guint c = p->contest;
      if (p->candidate >= 0)
        self->overlap[self->cand_off[c] + (guint) p->candidate]++;
      else
        {
          const ScratchWriteIn *w = &g_array_index (self->swi, ScratchWriteIn, p->swi);
          wi_entry (self, c, self->snames->str + w->norm_off, w->sex)->overlap++;
        }
    }
  return TRUE;
}

/* ---- bulk masks ------------------------------------------------------------------------------------- */

/* Bit i of a byte -> byte i of a word (0 or 1). */
static const guint64 *
spread_table (void)
{
  static guint64 tab[256];
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      for (guint v = 0; v < 256; v++)
        {
          guint64 s = 0;
          for (guint i = 0; i < 8; i++)
            if (v & (1u << i))
              s |= G_GUINT64_CONSTANT (1) << (8 * i);
          tab[v] = s;
        }
      g_once_init_leave (&once, 1);
    }
  return tab;
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)

/* Counts masks of up to 16 bits: per-bit byte counters (two words of eight
 * byte lanes), flushed every 255 masks. The popcount comes from the same
 * spread words. Branch-free; 2 table loads and one multiply per mask. */
static void
bulk16 (const guint64 *restrict masks, gsize n, gint64 seats,
        const guint64 *restrict tab, gint64 *restrict counts,
        gint64 *out_over, gint64 *out_zero, guint64 *out_or)
{
  gint64 over = 0, zero = 0;
  guint64 orall = 0;
  gsize i = 0;
  guint64 lim = (guint64) MIN (seats, 64);
  while (i < n)
    {
      gsize end = MIN (n, i + 255);
      guint64 a0 = 0, a1 = 0;
      for (; i < end; i++)
        {
          guint64 m = masks[i];
          orall |= m;
          guint64 s0 = tab[m & 0xff];
          guint64 s1 = tab[(m >> 8) & 0xff];
          guint64 pc = ((s0 + s1) * ONES) >> 56;
          guint64 ok = (guint64) 0 - (guint64) (pc <= lim);
          a0 += s0 & ok;
          a1 += s1 & ok;
          over += (gint64) (pc > lim);
          zero += m == 0;
        }
      for (guint b = 0; b < 8; b++)
        {
          counts[b] += (gint64) ((a0 >> (8 * b)) & 0xff);
          counts[8 + b] += (gint64) ((a1 >> (8 * b)) & 0xff);
        }
    }
  *out_over = over;
  *out_zero = zero;
  *out_or = orall;
}

/* Any width up to 64 bits. */
static void
bulk64 (const guint64 *restrict masks, gsize n, gint64 seats, guint nbytes,
        const guint64 *restrict tab, gint64 *restrict counts,
        gint64 *out_over, gint64 *out_zero, guint64 *out_or)
{
  gint64 over = 0, zero = 0;
  guint64 orall = 0;
  gsize i = 0;
  guint64 lim = (guint64) MIN (seats, 64);
  while (i < n)
    {
      gsize end = MIN (n, i + 255);
      guint64 acc[8] = { 0 };
      for (; i < end; i++)
        {
          guint64 m = masks[i];
          orall |= m;
          guint64 pc = (guint64) __builtin_popcountll (m);
          if (pc > lim)
            {
              over++;
              continue;
            }
          zero += m == 0;
          for (guint b = 0; b < nbytes; b++)
            acc[b] += tab[(m >> (8 * b)) & 0xff];
        }
      for (guint b = 0; b < nbytes; b++)
        for (guint k = 0; k < 8; k++)
          counts[8 * b + k] += (gint64) ((acc[b] >> (8 * k)) & 0xff);
    }
  *out_over = over;
  *out_zero = zero;
  *out_or = orall;
}

/* The portable kernel: bulk16 or bulk64. */
static void
bulk_scalar (const guint64 *restrict masks, gsize n, gint64 seats, guint ncand,
             gint64 *restrict counts, gint64 *out_over, gint64 *out_zero,
             guint64 *out_or)
{
  const guint64 *tab = spread_table ();
  if (ncand <= 16)
    bulk16 (masks, n, seats, tab, counts, out_over, out_zero, out_or);
  else
    bulk64 (masks, n, seats, (ncand + 7) / 8, tab, counts, out_over, out_zero, out_or);
}

/* Adds the set bits of four 64-bit lanes, with weight @w, to @counts. */
static void
add_lane_bits (const guint64 lanes[4], gint64 w, gint64 *restrict counts)
{
  for (guint l = 0; l < 4; l++)
    for (guint64 m = lanes[l]; m; m &= m - 1)
      counts[__builtin_ctzll (m)] += w;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2_KERNEL 1
#include <immintrin.h>

/* Carry-save adder of three bit vectors: (h, l) = a + b + c per bit. */
#define CSA(h, l, a, b, c) \
  do { \
    __m256i u_ = _mm256_xor_si256 ((a), (b)); \
    (h) = _mm256_or_si256 (_mm256_and_si256 ((a), (b)), _mm256_and_si256 (u_, (c))); \
    (l) = _mm256_xor_si256 (u_, (c)); \
  } while (0)

#define AVX2_PLANES 10

/* Vertical counters of the weight-16 carries: planes[j] holds bit j of
 * every bit position's count of them. Adds them to @counts and clears
 * them. */
__attribute__ ((target ("avx2"))) static void
avx2_flush_planes (__m256i *planes, gint64 *restrict counts)
{
  guint64 lanes[4];
  for (guint j = 0; j < AVX2_PLANES; j++)
    {
      _mm256_storeu_si256 ((__m256i *) lanes, planes[j]);
      add_lane_bits (lanes, (gint64) 16 << j, counts);
      planes[j] = _mm256_setzero_si256 ();
    }
}

__attribute__ ((target ("avx2"))) static guint64
avx2_sum_lanes (__m256i v)
{
  guint64 lanes[4];
  _mm256_storeu_si256 ((__m256i *) lanes, v);
  return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}

/* The AVX2 kernel, for any width: blocks of 64 masks (16 vectors of four)
 * are counted per bit position with bit-sliced vertical counters (a
 * Harley-Seal tree of carry-save adders: ones, twos, fours, eights, and a
 * ripple counter of the sixteens), so no per-mask loop over bits. The
 * popcount of each mask (nibble table and sum of absolute differences)
 * finds over-votes, which are cleared from the block and counted apart.
 * Branch-free; about 18 vector instructions per four masks. The masks of
 * a last partial block go through the scalar kernel. Same results as
 * bulk_scalar(), by test (test-tally.c). */
__attribute__ ((target ("avx2"))) static void
bulk_avx2 (const guint64 *restrict masks, gsize n, gint64 seats, guint ncand,
           gint64 *restrict counts, gint64 *out_over, gint64 *out_zero,
           guint64 *out_or)
{
  const __m256i zero = _mm256_setzero_si256 ();
  const __m256i low4 = _mm256_set1_epi8 (0x0f);
  const __m256i lut = _mm256_setr_epi8 (0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i lim = _mm256_set1_epi64x (MIN (seats, 64));
  const gboolean check = seats < (gint64) ncand;   /* else no over-vote is possible */
  __m256i ones = zero, twos = zero, fours = zero, eights = zero;
  __m256i planes[AVX2_PLANES];
  for (guint j = 0; j < AVX2_PLANES; j++)
    planes[j] = zero;
  __m256i overv = zero, zerov = zero, orv = zero;
  guint pending = 0;
  gsize i = 0;

  for (; i + 64 <= n; i += 64)
    {
      __m256i v[16];
      for (guint k = 0; k < 16; k++)
        {
          __m256i x = _mm256_loadu_si256 ((const __m256i *) (masks + i + 4 * k));
          orv = _mm256_or_si256 (orv, x);
          zerov = _mm256_sub_epi64 (zerov, _mm256_cmpeq_epi64 (x, zero));
          if (check)
            {
              __m256i lo = _mm256_and_si256 (x, low4);
              __m256i hi = _mm256_and_si256 (_mm256_srli_epi16 (x, 4), low4);
              __m256i nib = _mm256_add_epi8 (_mm256_shuffle_epi8 (lut, lo),
                                             _mm256_shuffle_epi8 (lut, hi));
              __m256i bad = _mm256_cmpgt_epi64 (_mm256_sad_epu8 (nib, zero), lim);
              overv = _mm256_sub_epi64 (overv, bad);
              x = _mm256_andnot_si256 (bad, x);
            }
          v[k] = x;
        }
      __m256i twos_a, twos_b, fours_a, fours_b, eights_a, eights_b, sixteens;
      CSA (twos_a, ones, ones, v[0], v[1]);
      CSA (twos_b, ones, ones, v[2], v[3]);
      CSA (fours_a, twos, twos, twos_a, twos_b);
      CSA (twos_a, ones, ones, v[4], v[5]);
      CSA (twos_b, ones, ones, v[6], v[7]);
      CSA (fours_b, twos, twos, twos_a, twos_b);
      CSA (eights_a, fours, fours, fours_a, fours_b);
      CSA (twos_a, ones, ones, v[8], v[9]);
      CSA (twos_b, ones, ones, v[10], v[11]);
      CSA (fours_a, twos, twos, twos_a, twos_b);
      CSA (twos_a, ones, ones, v[12], v[13]);
      CSA (twos_b, ones, ones, v[14], v[15]);
      CSA (fours_b, twos, twos, twos_a, twos_b);
      CSA (eights_b, fours, fours, fours_a, fours_b);
      CSA (sixteens, eights, eights, eights_a, eights_b);
      __m256i carry = sixteens;
      for (guint j = 0; j < AVX2_PLANES; j++)
        {
          __m256i t = _mm256_and_si256 (planes[j], carry);
          planes[j] = _mm256_xor_si256 (planes[j], carry);
          carry = t;
        }
      /* one sixteens per block: the planes hold up to 2^PLANES - 1 */
      if (++pending == (1u << AVX2_PLANES) - 1)
        {
          avx2_flush_planes (planes, counts);
          pending = 0;
        }
    }
  avx2_flush_planes (planes, counts);
  const __m256i rest[4] = { ones, twos, fours, eights };
  for (guint w = 0; w < 4; w++)
    {
      guint64 lanes[4];
      _mm256_storeu_si256 ((__m256i *) lanes, rest[w]);
      add_lane_bits (lanes, (gint64) 1 << w, counts);
    }
  gint64 over = (gint64) avx2_sum_lanes (overv);
  gint64 zeros = (gint64) avx2_sum_lanes (zerov);
  guint64 lanes[4];
  _mm256_storeu_si256 ((__m256i *) lanes, orv);
  guint64 orall = lanes[0] | lanes[1] | lanes[2] | lanes[3];

  gint64 t_over = 0, t_zero = 0;
  guint64 t_or = 0;
  bulk_scalar (masks + i, n - i, seats, ncand, counts, &t_over, &t_zero, &t_or);
  *out_over = over + t_over;
  *out_zero = zeros + t_zero;
  *out_or = orall | t_or;
}
#undef CSA

#define AVX512_TARGET "avx512f,avx512vpopcntdq"
#define AVX512_PLANES 10

/* Carry-save adder with AVX-512's ternary logic: h = majority (a, b, c),
 * l = a ^ b ^ c, one instruction each. */
#define CSA512(h, l, a, b, c) \
  do { \
    __m512i a_ = (a), b_ = (b), c_ = (c); \
    (h) = _mm512_ternarylogic_epi64 (a_, b_, c_, 0xe8); \
    (l) = _mm512_ternarylogic_epi64 (a_, b_, c_, 0x96); \
  } while (0)

__attribute__ ((target (AVX512_TARGET))) static void
avx512_flush_planes (__m512i *planes, gint64 *restrict counts)
{
  guint64 lanes[8];
  for (guint j = 0; j < AVX512_PLANES; j++)
    {
      _mm512_storeu_si512 ((void *) lanes, planes[j]);
      add_lane_bits (lanes, (gint64) 16 << j, counts);
      add_lane_bits (lanes + 4, (gint64) 16 << j, counts);
      planes[j] = _mm512_setzero_si512 ();
    }
}

/* The AVX-512 kernel: bulk_avx2() on eight lanes, blocks of 128 masks (16
 * vectors of eight). The popcount of a mask is one instruction (VPOPCNTQ),
 * over-votes and blank masks are mask registers added to lane counters, and
 * each carry-save adder is two ternary-logic instructions, so about 7
 * vector instructions per eight masks. Same results as bulk_scalar(), by
 * test (test-tally.c). */
__attribute__ ((target (AVX512_TARGET))) static void
bulk_avx512 (const guint64 *restrict masks, gsize n, gint64 seats, guint ncand,
             gint64 *restrict counts, gint64 *out_over, gint64 *out_zero,
             guint64 *out_or)
{
  const __m512i zero = _mm512_setzero_si512 ();
  const __m512i lim = _mm512_set1_epi64 (MIN (seats, 64));
  const gboolean check = seats < (gint64) ncand;   /* else no over-vote is possible */
  __m512i ones = zero, twos = zero, fours = zero, eights = zero;
  __m512i planes[AVX512_PLANES];
  for (guint j = 0; j < AVX512_PLANES; j++)
    planes[j] = zero;
  const __m512i one = _mm512_set1_epi64 (1);
  __m512i orv = zero, overv = zero, zerov = zero;
  guint pending = 0;
  gsize i = 0;

  for (; i + 128 <= n; i += 128)
    {
      __m512i v[16];
      for (guint k = 0; k < 16; k++)
        {
          __m512i x = _mm512_loadu_si512 ((const void *) (masks + i + 8 * k));
          orv = _mm512_or_si512 (orv, x);
          /* per-lane counters (a scalar popcount of the mask registers
           * would be a library call without -mpopcnt) */
          zerov = _mm512_mask_add_epi64 (zerov, _mm512_testn_epi64_mask (x, x), zerov, one);
          if (check)
            {
              __mmask8 bad = _mm512_cmpgt_epu64_mask (_mm512_popcnt_epi64 (x), lim);
              overv = _mm512_mask_add_epi64 (overv, bad, overv, one);
              x = _mm512_maskz_mov_epi64 ((__mmask8) ~bad, x);
            }
          v[k] = x;
        }
      __m512i twos_a, twos_b, fours_a, fours_b, eights_a, eights_b, sixteens;
      CSA512 (twos_a, ones, ones, v[0], v[1]);
      CSA512 (twos_b, ones, ones, v[2], v[3]);
      CSA512 (fours_a, twos, twos, twos_a, twos_b);
      CSA512 (twos_a, ones, ones, v[4], v[5]);
      CSA512 (twos_b, ones, ones, v[6], v[7]);
      CSA512 (fours_b, twos, twos, twos_a, twos_b);
      CSA512 (eights_a, fours, fours, fours_a, fours_b);
      CSA512 (twos_a, ones, ones, v[8], v[9]);
      CSA512 (twos_b, ones, ones, v[10], v[11]);
      CSA512 (fours_a, twos, twos, twos_a, twos_b);
      CSA512 (twos_a, ones, ones, v[12], v[13]);
      CSA512 (twos_b, ones, ones, v[14], v[15]);
      CSA512 (fours_b, twos, twos, twos_a, twos_b);
      CSA512 (eights_b, fours, fours, fours_a, fours_b);
      CSA512 (sixteens, eights, eights, eights_a, eights_b);
      __m512i carry = sixteens;
      for (guint j = 0; j < AVX512_PLANES; j++)
        {
          __m512i t = _mm512_and_si512 (planes[j], carry);
          planes[j] = _mm512_xor_si512 (planes[j], carry);
          carry = t;
        }
      /* one sixteens per block: the planes hold up to 2^PLANES - 1 */
      if (++pending == (1u << AVX512_PLANES) - 1)
        {
          avx512_flush_planes (planes, counts);
          pending = 0;
        }
    }
  avx512_flush_planes (planes, counts);
  const __m512i rest[4] = { ones, twos, fours, eights };
  for (guint w = 0; w < 4; w++)
    {
      guint64 lanes[8];
      _mm512_storeu_si512 ((void *) lanes, rest[w]);
      add_lane_bits (lanes, (gint64) 1 << w, counts);
      add_lane_bits (lanes + 4, (gint64) 1 << w, counts);
    }
  guint64 orall = (guint64) _mm512_reduce_or_epi64 (orv);
  guint64 over = (guint64) _mm512_reduce_add_epi64 (overv);
  guint64 zeros = (guint64) _mm512_reduce_add_epi64 (zerov);

  gint64 t_over = 0, t_zero = 0;
  guint64 t_or = 0;
  bulk_scalar (masks + i, n - i, seats, ncand, counts, &t_over, &t_zero, &t_or);
  *out_over = (gint64) over + t_over;
  *out_zero = (gint64) zeros + t_zero;
  *out_or = orall | t_or;
}
#undef CSA512
#endif

gboolean
elect_bulk_kernel_available (ElectBulkKernel kernel)
{
  switch (kernel)
    {
    case ELECT_BULK_AUTO:
    case ELECT_BULK_SCALAR:
      return TRUE;
    case ELECT_BULK_AVX2:
#ifdef HAVE_AVX2_KERNEL
      return __builtin_cpu_supports ("avx2");
#else
      return FALSE;
#endif
    case ELECT_BULK_AVX512:
#ifdef HAVE_AVX2_KERNEL
      return __builtin_cpu_supports ("avx512f") && __builtin_cpu_supports ("avx512vpopcntdq");
#else
      return FALSE;
#endif
    default:
      return FALSE;
    }
}

ElectBulkKernel
elect_bulk_kernel_best (void)
{
  if (elect_bulk_kernel_available (ELECT_BULK_AVX512))
    return ELECT_BULK_AVX512;
  if (elect_bulk_kernel_available (ELECT_BULK_AVX2))
    return ELECT_BULK_AVX2;
  return ELECT_BULK_SCALAR;
}

gboolean
elect_tally_add_masks (ElectTally *self, guint contest, const guint64 *masks,
                       gsize n_masks, GError **error)
{
  return elect_tally_add_masks_kernel (self, contest, masks, n_masks,
                                       ELECT_BULK_AUTO, error);
}

/* The bits of a contest's @ncand candidates (at most 64). */
static inline guint64
candidate_bits (guint ncand)
{
  return ncand == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << ncand) - 1;
}

/* Runs @kernel (not ELECT_BULK_AUTO) over @n masks. */
static void
bulk_run (ElectBulkKernel kernel, const guint64 *masks, gsize n, gint64 seats, guint ncand,
          gint64 *counts, gint64 *over, gint64 *zero, guint64 *orall)
{
#ifdef HAVE_AVX2_KERNEL
  if (kernel == ELECT_BULK_AVX512)
    bulk_avx512 (masks, n, seats, ncand, counts, over, zero, orall);
  else if (kernel == ELECT_BULK_AVX2)
    bulk_avx2 (masks, n, seats, ncand, counts, over, zero, orall);
  else
#endif
    bulk_scalar (masks, n, seats, ncand, counts, over, zero, orall);
}

gboolean
elect_tally_add_masks_kernel (ElectTally *self, guint contest,
                              const guint64 *masks, gsize n_masks,
                              ElectBulkKernel kernel, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (elect_bulk_kernel_available (kernel), FALSE);
  g_return_val_if_fail (contest < self->paper->contests->len, FALSE);
  g_return_val_if_fail (masks != NULL || n_masks == 0, FALSE);

  const ElectContest *ct = elect_paper_contest (self->paper, contest);
  guint ncand = ct->candidates->len;
  if (ncand > 64)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s” has %u candidates: masks hold at most 64"),
                   ct->id, ncand);
      return FALSE;
    }
  if (n_masks > (gsize) ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("More than %lld ballots"), (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  if (!check_countable (self, (gint64) n_masks, error))
    return FALSE;

  gint64 counts[64] = { 0 };
  gint64 over = 0, zero = 0;
  guint64 orall = 0;
  if (kernel == ELECT_BULK_AUTO)
    kernel = elect_bulk_kernel_best ();
  bulk_run (kernel, masks, n_masks, ct->seats, ncand, counts, &over, &zero, &orall);

  guint64 allowed = candidate_bits (ncand);
  if (orall & ~allowed)
    {
      for (gsize i = 0; i < n_masks; i++)
        if (masks[i] & ~allowed)
          {
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("Contest “%s”: mask %llu marks bit %d, but the contest has %u candidates"),
                         ct->id, (unsigned long long) i, 63 - __builtin_clzll (masks[i] & ~allowed), ncand);
            return FALSE;
          }
    }

  gint64 n = (gint64) n_masks;
  self->returned += n;
  if (self->overvote_policy == ELECT_OVERVOTE_VOID_BALLOT)
    {
      self->invalid += over;
      self->valid += n - over;
      self->defects[ELECT_DEFECT_OVERVOTE] += over;
    }
  else
    {
      self->valid += n;
      self->contest_void[contest] += over;
      self->defects[ELECT_DEFECT_OVERVOTE_CONTEST] += over;
    }
  /* In bulk16 zero masks are counted before the over-vote test, but a zero
   * mask is never an over-vote (seats >= 1). */
  self->nonempty[contest] += n - over - zero;
  gint64 *votes = self->votes + self->cand_off[contest];
  for (guint k = 0; k < ncand; k++)
    votes[k] += counts[k];
  return TRUE;
}

/* Ballots of several contests as per-contest columns of masks (the
 * election reader's fast path): ballot i marks cols[c][i] in contest c,
 * nothing where cols[c] is NULL. Each column is counted by the bulk kernel;
 * the ballots are then counted once. Under the over-vote policy
 * void-ballot, an over-vote in one contest voids the whole ballot: when the
 * kernels saw any over-vote, the batch is counted ballot by ballot instead.
 * The caller guarantees that no ballot marks a person for two posts (marks
 * of listings of paper->multi in two contests): those need
 * elect_tally_add_ballot(). */
gboolean
elect_tally_add_mask_columns (ElectTally *self, const guint64 *const *cols, gsize n,
                              GError **error)
{
  g_return_val_if_fail (self != NULL && cols != NULL, FALSE);
  const ElectPaper *paper = self->paper;
  guint nc = paper->contests->len;
  if (n > (gsize) ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("More than %lld ballots"), (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  if (!check_countable (self, (gint64) n, error))
    return FALSE;
  if (n == 0)
    return TRUE;

  ElectBulkKernel kernel = elect_bulk_kernel_best ();
  gint64 counts[ELECT_MAX_CONTESTS][64];
  gint64 over[ELECT_MAX_CONTESTS], zero[ELECT_MAX_CONTESTS];
  gint64 any_over = 0;
  for (guint c = 0; c < nc; c++)
    {
      if (cols[c] == NULL)
        continue;
      const ElectContest *ct = elect_paper_contest (paper, c);
      guint ncand = ct->candidates->len;
      g_return_val_if_fail (ncand <= 64, FALSE);
      memset (counts[c], 0, sizeof counts[c]);
      guint64 orall = 0;
      bulk_run (kernel, cols[c], n, ct->seats, ncand, counts[c], &over[c], &zero[c], &orall);
      g_return_val_if_fail ((orall & ~candidate_bits (ncand)) == 0, FALSE);
      any_over += over[c];
    }

  gint64 nn = (gint64) n;
  self->returned += nn;
  if (any_over && self->overvote_policy == ELECT_OVERVOTE_VOID_BALLOT)
    {
      /* One over-vote voids the ballot: count ballot by ballot. */
      for (gsize i = 0; i < n; i++)
        {
          gboolean bad = FALSE;
          for (guint c = 0; c < nc && !bad; c++)
            bad = cols[c] && __builtin_popcountll (cols[c][i])
                               > elect_paper_contest (paper, c)->seats;
          if (bad)
            {
              self->invalid++;
              self->defects[ELECT_DEFECT_OVERVOTE]++;
              continue;
            }
          self->valid++;
          for (guint c = 0; c < nc; c++)
            {
              guint64 m = cols[c] ? cols[c][i] : 0;
              if (m == 0)
                continue;
              self->nonempty[c]++;
              gint64 *votes = self->votes + self->cand_off[c];
              for (; m; m &= m - 1)
                votes[__builtin_ctzll (m)]++;
            }
        }
      return TRUE;
    }
  self->valid += nn;
  for (guint c = 0; c < nc; c++)
    {
      if (cols[c] == NULL)
        continue;
      /* void-contest: the marks of an over-voted contest are void */
      self->contest_void[c] += over[c];
      self->defects[ELECT_DEFECT_OVERVOTE_CONTEST] += over[c];
      self->nonempty[c] += nn - over[c] - zero[c];
      gint64 *votes = self->votes + self->cand_off[c];
      guint ncand = elect_paper_contest (paper, c)->candidates->len;
      for (guint k = 0; k < ncand; k++)
        votes[k] += counts[c][k];
    }
  return TRUE;
}

/* ---- merge ------------------------------------------------------------------------------------------- */

gboolean
elect_tally_merge (ElectTally *self, const ElectTally *other, GError **error)
{
  g_return_val_if_fail (self != NULL && other != NULL, FALSE);
  if (other->paper != self->paper || other->sheet || self->sheet)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Only tallies of ballots of the same ballot paper can be merged"));
      return FALSE;
    }
  if (!check_countable (self, other->returned, error))
    return FALSE;
  self->returned += other->returned;
  self->valid += other->valid;
  self->invalid += other->invalid;
  for (guint i = 0; i < self->n_cand_total; i++)
    {
      self->votes[i] += other->votes[i];
      self->against[i] += other->against[i];
      self->overlap[i] += other->overlap[i];
    }
  for (guint c = 0; c < self->paper->contests->len; c++)
    {
      self->nonempty[c] += other->nonempty[c];
      self->contest_void[c] += other->contest_void[c];
      const GPtrArray *src = other->wi[c].sorted;
      for (guint j = 0; j < src->len; j++)
        {
          const ElectWriteInEntry *o = g_ptr_array_index (src, j);
          ElectWriteInEntry *e = wi_entry (self, c, o->norm, o->sex);
          e->votes += o->votes;
          e->overlap += o->overlap;
          e->unverified |= o->unverified;
        }
    }
  for (guint k = 0; k < ELECT_N_DEFECTS; k++)
    self->defects[k] += other->defects[k];
  return TRUE;
}

/* ---- tally sheets ---------------------------------------------------------------------------------- */

static gboolean
check_count (gint64 v, const char *what, GError **error)
{
  if (v < 0 || v > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("%s: %lld is not a count between 0 and %lld"),
                   what, (long long) v, (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  return TRUE;
}

gboolean
elect_tally_set_sheet (ElectTally *self, gint64 ballots_returned,
                       gint64 ballots_invalid, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->sheet && self->returned > 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Ballots were already added: this tally cannot become a tally sheet"));
      return FALSE;
    }
  if (!check_count (ballots_returned, "ballots_returned", error)
      || !check_count (ballots_invalid, "ballots_invalid", error))
    return FALSE;
  self->sheet = TRUE;
  self->returned = ballots_returned;
  self->invalid = ballots_invalid;
  self->valid = MAX (0, ballots_returned - ballots_invalid);
  return TRUE;
}

gboolean
elect_tally_set_sheet_valid (ElectTally *self, gint64 ballots_valid, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->sheet)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Not a tally sheet: call elect_tally_set_sheet() first"));
      return FALSE;
    }
  if (!check_count (ballots_valid, "ballots_valid", error))
    return FALSE;
  self->sheet_valid = ballots_valid;
  self->sheet_valid_set = TRUE;
  return TRUE;
}

gboolean
elect_tally_set_sheet_votes (ElectTally *self, guint contest, guint candidate,
                             gint64 votes, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (contest < self->paper->contests->len, FALSE);
  g_return_val_if_fail (candidate < elect_paper_contest (self->paper, contest)->candidates->len, FALSE);
  if (!self->sheet)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Not a tally sheet: call elect_tally_set_sheet() first"));
      return FALSE;
    }
  if (!check_count (votes, "votes", error))
    return FALSE;
  self->votes[self->cand_off[contest] + candidate] = votes;
  return TRUE;
}

gboolean
elect_tally_set_sheet_write_in (ElectTally *self, guint contest, const char *name,
                                gssize length, gint64 votes, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (contest < self->paper->contests->len, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  if (!self->sheet)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Not a tally sheet: call elect_tally_set_sheet() first"));
      return FALSE;
    }
  if (!check_count (votes, "votes", error))
    return FALSE;
  g_autofree char *norm = elect_name_normalize (name, length);
  if (norm == NULL || !*norm)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A written-in name is blank or not valid UTF-8"));
      return FALSE;
    }
  const ElectContest *ct = elect_paper_contest (self->paper, contest);
  gpointer v = g_hash_table_lookup (ct->by_norm, norm);
  if (v)
    {
      self->votes[self->cand_off[contest] + GPOINTER_TO_UINT (v) - 1] = votes;
      return TRUE;
    }
  ElectSex sex = ELECT_SEX_UNKNOWN;
  v = g_hash_table_lookup (self->paper->person_by_norm, norm);
  if (v)
    sex = g_array_index (self->paper->person_sex, ElectSex, GPOINTER_TO_UINT (v) - 1);
  else if (self->eligible && (v = g_hash_table_lookup (self->eligible, norm)))
    {
      guint8 s = g_array_index (self->eligible_sex, guint8, GPOINTER_TO_UINT (v) - 1);
      sex = s == SEX_AMBIGUOUS ? ELECT_SEX_UNKNOWN : (ElectSex) s;
    }
  wi_entry (self, contest, norm, sex)->votes = votes;
  return TRUE;
}

gboolean
elect_tally_is_sheet (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->sheet;
}

/* ---- getters --------------------------------------------------------------------------------------- */

gint64
elect_tally_get_ballots_returned (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->returned;
}

gint64
elect_tally_get_ballots_valid (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->valid;
}

gint64
elect_tally_get_ballots_invalid (const ElectTally *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->invalid;
}

#define TALLY_CONTEST(self, contest, val) \
  g_return_val_if_fail (self != NULL, val); \
  g_return_val_if_fail (contest < self->paper->contests->len, val)

gint64
elect_tally_get_votes (const ElectTally *self, guint contest, guint candidate)
{
  TALLY_CONTEST (self, contest, 0);
  g_return_val_if_fail (candidate < self->cand_off[contest + 1] - self->cand_off[contest], 0);
  return self->votes[self->cand_off[contest] + candidate];
}

gint64
elect_tally_get_votes_against (const ElectTally *self, guint contest, guint candidate)
{
  TALLY_CONTEST (self, contest, 0);
  g_return_val_if_fail (candidate < self->cand_off[contest + 1] - self->cand_off[contest], 0);
  return self->against[self->cand_off[contest] + candidate];
}

gint64
elect_tally_get_abstentions (const ElectTally *self, guint contest)
{
  TALLY_CONTEST (self, contest, 0);
  if (self->sheet)
    return 0;
  return self->valid - self->nonempty[contest] - self->contest_void[contest];
}

gint64
elect_tally_get_contest_void (const ElectTally *self, guint contest)
{
  TALLY_CONTEST (self, contest, 0);
  return self->contest_void[contest];
}

guint
elect_tally_get_n_write_ins (const ElectTally *self, guint contest)
{
  TALLY_CONTEST (self, contest, 0);
  return self->wi[contest].sorted->len;
}

#define WI_ENTRY(self, contest, index, val) \
  TALLY_CONTEST (self, contest, val); \
  g_return_val_if_fail (index < self->wi[contest].sorted->len, val); \
  const ElectWriteInEntry *e = g_ptr_array_index (self->wi[contest].sorted, index)

const char *
elect_tally_get_write_in_name (const ElectTally *self, guint contest, guint index)
{
  WI_ENTRY (self, contest, index, NULL);
  return e->norm;
}

gint64
elect_tally_get_write_in_votes (const ElectTally *self, guint contest, guint index)
{
  WI_ENTRY (self, contest, index, 0);
  return e->votes;
}

ElectSex
elect_tally_get_write_in_sex (const ElectTally *self, guint contest, guint index)
{
  WI_ENTRY (self, contest, index, ELECT_SEX_UNKNOWN);
  return e->sex;
}

gint64
elect_tally_get_overlap_votes (const ElectTally *self, guint contest,
                               const char *name, gssize length)
{
  TALLY_CONTEST (self, contest, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_autofree char *norm = elect_name_normalize (name, length);
  if (norm == NULL)
    return 0;
  const ElectContest *ct = elect_paper_contest (self->paper, contest);
  gpointer v = g_hash_table_lookup (ct->by_norm, norm);
  if (v)
    return self->overlap[self->cand_off[contest] + GPOINTER_TO_UINT (v) - 1];
  const ElectWriteInEntry *e = g_hash_table_lookup (self->wi[contest].by_norm, norm);
  return e ? e->overlap : 0;
}

const char *const *
elect_tally_list_defect_codes (void)
{
  return elect_defect_codes;
}

static int
defect_index (const char *code)
{
  for (int k = 0; k < ELECT_N_DEFECTS; k++)
    if (strcmp (elect_defect_codes[k], code) == 0)
      return k;
  return -1;
}

gint64
elect_tally_get_defect_count (const ElectTally *self, const char *code)
{
  g_return_val_if_fail (self != NULL && code != NULL, 0);
  int k = defect_index (code);
  return k < 0 ? 0 : self->defects[k];
}

ElectReason *
elect_tally_get_defect_reason (const ElectTally *self, const char *code)
{
  g_return_val_if_fail (self != NULL && code != NULL, NULL);
  int k = defect_index (code);
  if (k < 0)
    return NULL;
  const ElectRules *r = self->rules;
  gint64 n = self->defects[k];
  ElectParamId p = ELECT_P_COUNT_OVERVOTE;
  const char *fmt = NULL;
  switch ((ElectDefect) k)
    {
    case ELECT_DEFECT_UNREADABLE:
      fmt = N_("%lld ballot(s) could not be read or were marked outside the allowed places (废票): invalid, but counted among the ballots returned");
      p = ELECT_P_COUNT_WIN_BASE;
      break;
    case ELECT_DEFECT_OVERVOTE:
      fmt = N_("%lld ballot(s) marked more names in a contest than its seats: the whole ballot is invalid");
      break;
    case ELECT_DEFECT_OVERVOTE_CONTEST:
      fmt = N_("%lld contest(s) on ballots marked more names than seats: the marks of that contest are void, the rest of the ballot counts");
      break;
    case ELECT_DEFECT_DUPLICATE_MARK:
      fmt = N_("%lld time(s) the same person was marked twice in one contest: counted once");
      break;
    case ELECT_DEFECT_WRITE_IN_LISTED:
      fmt = N_("%lld write-in(s) named a candidate listed in the same contest: counted as a mark for that candidate");
      break;
    case ELECT_DEFECT_WRITE_IN_OTHER_POST:
      fmt = N_("%lld write-in(s) named a candidate of another post: counted for that person in this post");
      break;
    case ELECT_DEFECT_WRITE_IN_UNVERIFIED:
      fmt = N_("%lld write-in(s) accepted as written: no list of eligible persons was given to verify them");
      break;
    case ELECT_DEFECT_WRITE_IN_NOT_ELIGIBLE:
      fmt = N_("%lld write-in(s) named no eligible person: void marks");
      break;
    case ELECT_DEFECT_WRITE_IN_AMBIGUOUS:
      fmt = N_("%lld write-in(s) named several eligible persons with the same name: void marks");
      break;
    case ELECT_DEFECT_WRITE_IN_BLANK:
      fmt = N_("%lld write-in(s) were blank or unreadable: void marks");
      break;
    case ELECT_DEFECT_WOMEN_POST_NOT_WOMAN:
      fmt = N_("%lld write-in(s) on the women's post named a person not known to be a woman: void marks");
      p = ELECT_P_WOMEN_MEMBER;
      break;
    case ELECT_DEFECT_TWO_POSTS_VOID_BALLOT:
      fmt = N_("%lld ballot(s) marked one person for two posts: the whole ballot is invalid");
      p = ELECT_P_COUNT_SAME_PERSON_TWO_POSTS;
      break;
    case ELECT_DEFECT_TWO_POSTS_SEPARATE:
      fmt = N_("%lld ballot(s) marked one person for two posts: each mark counts for its post, posts are decided from the highest down");
      p = ELECT_P_COUNT_SAME_PERSON_TWO_POSTS;
      break;
    case ELECT_DEFECT_TWO_POSTS_CASCADE_DOWN:
      fmt = N_("%lld ballot(s) marked one person for two posts: each mark counts; votes for a post the person fails are added to the next lower post, once per ballot");
      p = ELECT_P_COUNT_SAME_PERSON_TWO_POSTS;
      break;
    case ELECT_DEFECT_ABSTAIN_WRITE_IN:
      fmt = N_("%lld line(s) marked abstain and written in at once: void marks");
      break;
    case ELECT_DEFECT_CONTRADICTORY_MARK:
      fmt = N_("%lld line(s) marked with two different marks: void marks");
      break;
    default:
      g_assert_not_reached ();
    }
  const char *cit = elect_rules_p_is_set (r, p) ? elect_rules_p_citation (r, p) : "";
  const char *key = elect_rules_p_is_set (r, p) ? elect_rules_p_key (p) : NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
  return elect_reason_new_printf (code, cit, key, fmt, (long long) n);
#pragma GCC diagnostic pop
}
