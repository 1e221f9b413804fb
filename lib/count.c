/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Counting one round (RULES.md §6): validity, thresholds, ranking, posts
 * from the highest down, shortfall, women member, relatives avoidance. */
#include "config.h"
#include "tally-private.h"
#include "rules-private.h"
#include "reason-private.h"
#include "i18n-private.h"
#include "audit-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Indices of the supplementary.candidates vocabulary. */
enum {
  ELECT_SUPP_CANDIDATES_FIRST_ROUND_ORDER,
  ELECT_SUPP_CANDIDATES_WITH_SURPLUS,
  ELECT_SUPP_CANDIDATES_OR_OPEN_BALLOT,
  ELECT_SUPP_CANDIDATES_THOSE_NOT_PASSING,
};

/* ---- turnout and options ---------------------------------------------------------------------------- */

struct _ElectTurnout {
  gint64 electorate;
  gint64 issued;
  gint64 present;
  ElectRound round;
};

ElectTurnout *
elect_turnout_new (void)
{
  ElectTurnout *t = g_new0 (ElectTurnout, 1);
  t->electorate = -1;
  t->issued = -1;
  t->present = -1;
  t->round = ELECT_ROUND_REGULAR;
  return t;
}

ElectTurnout *
elect_turnout_copy (const ElectTurnout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

void
elect_turnout_free (ElectTurnout *self)
{
  g_free (self);
}

static gboolean
set_count (gint64 *slot, gint64 v, gint64 min, const char *what, GError **error)
{
  if (v < min || v > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("%s: %lld is not a count between 0 and %lld"),
                   what, (long long) v, (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  *slot = v;
  return TRUE;
}

gboolean
elect_turnout_set_electorate (ElectTurnout *self, gint64 electorate, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_count (&self->electorate, electorate, 0, "electorate", error);
}

gboolean
elect_turnout_set_issued (ElectTurnout *self, gint64 issued, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_count (&self->issued, issued, -1, "ballots_issued", error);
}

gboolean
elect_turnout_set_present (ElectTurnout *self, gint64 present, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_count (&self->present, present, -1, "present", error);
}

void
elect_turnout_set_round (ElectTurnout *self, ElectRound round)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (round >= ELECT_ROUND_REGULAR && round <= ELECT_ROUND_SUPPLEMENTARY);
  self->round = round;
}

gint64
elect_turnout_get_electorate (const ElectTurnout *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->electorate;
}

gint64
elect_turnout_get_issued (const ElectTurnout *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->issued;
}

gint64
elect_turnout_get_present (const ElectTurnout *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->present;
}

ElectRound
elect_turnout_get_round (const ElectTurnout *self)
{
  g_return_val_if_fail (self != NULL, ELECT_ROUND_REGULAR);
  return self->round;
}

typedef struct {
  char *a;
  char *b;
  guint64 bit;   /* ElectRelationBits of the relation */
  guint64 conv;  /* and of its converse */
} Relation;

struct _ElectCountOptions {
  GArray *relations;   /* Relation */
  guint earlier_elected;
  gboolean earlier_chair;
  gboolean earlier_woman;
};

static void
relation_clear (gpointer p)
{
  Relation *r = p;
  g_free (r->a);
  g_free (r->b);
}

ElectCountOptions *
elect_count_options_new (void)
{
  ElectCountOptions *o = g_new0 (ElectCountOptions, 1);
  o->relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  g_array_set_clear_func (o->relations, relation_clear);
  return o;
}

void
elect_count_options_free (ElectCountOptions *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->relations);
  g_free (self);
}

gboolean
elect_count_options_add_relation (ElectCountOptions *self, const char *name_a,
                                  const char *name_b, const char *relation,
                                  GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name_a != NULL && name_b != NULL && relation != NULL, FALSE);
  static const char *const conv[] = { "spouse", "child", "parent", "sibling",
                                      "grandchild", "grandparent" };
  int idx = -1;
  for (int i = 0; elect_relation_choices[i]; i++)
    if (strcmp (elect_relation_choices[i], relation) == 0)
      idx = i;
  if (idx < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Unknown relation “%s”; expected spouse, parent, child, sibling, grandparent or grandchild"),
                   relation);
      return FALSE;
    }
  g_autofree char *a = elect_name_normalize (name_a, -1);
  g_autofree char *b = elect_name_normalize (name_b, -1);
  if (a == NULL || b == NULL || !*a || !*b || strcmp (a, b) == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A relation needs two different, non-blank UTF-8 names"));
      return FALSE;
    }
  int cidx = 0;
  for (int i = 0; elect_relation_choices[i]; i++)
    if (strcmp (elect_relation_choices[i], conv[idx]) == 0)
      cidx = i;
  Relation r = { g_steal_pointer (&a), g_steal_pointer (&b),
                 G_GUINT64_CONSTANT (1) << idx, G_GUINT64_CONSTANT (1) << cidx };
  g_array_append_val (self->relations, r);
  return TRUE;
}

void
elect_count_options_set_earlier (ElectCountOptions *self, guint elected,
                                 gboolean chair_elected, gboolean woman_elected)
{
  g_return_if_fail (self != NULL);
  self->earlier_elected = elected;
  self->earlier_chair = chair_elected;
  self->earlier_woman = woman_elected;
}

/* ---- the outcome ------------------------------------------------------------------------------------ */

typedef struct {
  char *name;
  char *norm;
  gint64 votes;
  gint64 tally_votes;
  gint64 overlap;
  ElectStatus status;
  gboolean write_in;
  ElectSex sex;
  guint order;
} Row;

typedef struct {
  char *id;
  char *title;
  gint64 seats;
  gint64 threshold;
  gint64 abstentions;
  gint64 contest_void;
  gboolean women_only;
  GPtrArray *rows;          /* Row* */
  GPtrArray *elected;       /* char*, NULL-terminated */
  gint64 unfilled;
  ElectAction action;
  gint64 next_seats;
  GPtrArray *next_cands;    /* char*, NULL-terminated */
  gboolean next_women;
} CResult;

struct _ElectOutcome {
  gatomicrefcount ref;
  char *profile;
  ElectRound round;
  gboolean valid;
  gboolean sheet;
  gint64 electorate, issued, present;
  gint64 returned, bvalid, binvalid;
  gint64 q_required, q_actual;
  gboolean q_met;
  GPtrArray *contests;      /* CResult* */
  GPtrArray *reasons;       /* ElectReason* */
  gint64 defects[ELECT_N_DEFECTS];
};

static void
row_free (gpointer p)
{
  Row *r = p;
  g_free (r->name);
  g_free (r->norm);
  g_free (r);
}

static void
cresult_free (gpointer p)
{
  CResult *c = p;
  g_free (c->id);
  g_free (c->title);
  g_ptr_array_unref (c->rows);
  g_ptr_array_unref (c->elected);
  g_ptr_array_unref (c->next_cands);
  g_free (c);
}

static GPtrArray *
strv_array (void)
{
  GPtrArray *a = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (a, NULL);
  return a;
}

static void
strv_add (GPtrArray *a, const char *s)
{
  a->pdata[a->len - 1] = g_strdup (s);
  g_ptr_array_add (a, NULL);
}

static guint
strv_len (const GPtrArray *a)
{
  return a->len - 1;
}

static void
strv_clear (GPtrArray *a)
{
  g_ptr_array_set_size (a, 0);
  g_ptr_array_add (a, NULL);
}

ElectOutcome *
elect_outcome_ref (ElectOutcome *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_outcome_unref (ElectOutcome *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->profile);
  g_ptr_array_unref (self->contests);
  g_ptr_array_unref (self->reasons);
  g_free (self);
}

/* ---- counting --------------------------------------------------------------------------------------- */

typedef struct {
  const ElectRules *rules;
  const ElectPaper *paper;
  const ElectTally *tally;
  const ElectTurnout *turnout;
  const ElectCountOptions *options;
  ElectOutcome *o;
  ElectRound round;
  gint64 base;
  gint64 majority;         /* least votes for a majority of the base */
  gint64 floor;            /* least votes for the plurality floor, or -1 */
  int supp_rule;           /* ElectSuppRule, or -1 outside supplementary rounds */
  int two_posts;           /* ElectTwoPostsPolicy or -1 */
} Ctx;

#define CITE(ctx, id) \
  (elect_rules_p_is_set ((ctx)->rules, id) ? elect_rules_p_citation ((ctx)->rules, id) : "")
#define PKEY(ctx, id) \
  (elect_rules_p_is_set ((ctx)->rules, id) ? elect_rules_p_key (id) : NULL)

#define REASON(ctx, code, id, ...) \
  g_ptr_array_add ((ctx)->o->reasons, \
                   elect_reason_new_printf (code, CITE (ctx, id), PKEY (ctx, id), __VA_ARGS__))

static gint64
least (const Ctx *ctx, ElectParamId id, gint64 whole)
{
  return elect_fraction_least (elect_rules_p_fraction (ctx->rules, id), whole);
}

/* Rows of a contest from the tally: listed candidates, then write-ins. */
static CResult *
contest_rows (const Ctx *ctx, guint c)
{
  const ElectContest *ct = elect_paper_contest (ctx->paper, c);
  const ElectTally *t = ctx->tally;
  CResult *r = g_new0 (CResult, 1);
  r->id = g_strdup (ct->id);
  r->title = g_strdup (ct->title);
  r->seats = ct->seats;
  r->women_only = ct->women_only;
  r->rows = g_ptr_array_new_with_free_func (row_free);
  r->elected = strv_array ();
  r->next_cands = strv_array ();
  r->abstentions = elect_tally_get_abstentions (t, c);
  r->contest_void = t->contest_void[c];
  guint order = 0;
  for (guint k = 0; k < ct->candidates->len; k++)
    {
      const ElectCandidate *cand = g_ptr_array_index (ct->candidates, k);
      Row *row = g_new0 (Row, 1);
      row->name = g_strdup (cand->name);
      row->norm = g_strdup (cand->norm);
      row->votes = row->tally_votes = t->votes[t->cand_off[c] + k];
      row->overlap = t->overlap[t->cand_off[c] + k];
      row->sex = cand->sex;
      row->order = order++;
      g_ptr_array_add (r->rows, row);
    }
  const GPtrArray *wi = t->wi[c].sorted;
  for (guint j = 0; j < wi->len; j++)
    {
      const ElectWriteInEntry *e = g_ptr_array_index (wi, j);
      Row *row = g_new0 (Row, 1);
      row->name = g_strdup (e->norm);
      row->norm = g_strdup (e->norm);
      row->votes = row->tally_votes = e->votes;
      row->overlap = e->overlap;
      row->sex = e->sex;
      row->write_in = TRUE;
      row->order = order++;
      g_ptr_array_add (r->rows, row);
    }
  return r;
}

static int
row_cmp (gconstpointer a, gconstpointer b)
{
  const Row *x = *(Row *const *) a;
  const Row *y = *(Row *const *) b;
  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gboolean
row_rankable (const Row *row)
{
  return row->status != ELECT_STATUS_ELECTED_HIGHER_POST
      && row->status != ELECT_STATUS_NOT_ELIGIBLE
      && row->status != ELECT_STATUS_RELATIVE_AVOIDED;
}

/* RULES §6.3: those at or above @thr by votes; ties at the last seats are
 * never broken. Returns the seats left for a revote (0 when none). */
static gint64
rank (CResult *r, gint64 thr, gint64 seats)
{
  thr = MAX (thr, 1);
  g_ptr_array_sort (r->rows, row_cmp);
  GPtrArray *pass = g_ptr_array_new ();
  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);
      if (!row_rankable (row))
        continue;
      if (row->votes >= thr)
        g_ptr_array_add (pass, row);
      else
        row->status = ELECT_STATUS_BELOW_THRESHOLD;
    }
  gint64 left = 0;
  if ((gint64) pass->len <= seats)
    for (guint i = 0; i < pass->len; i++)
      ((Row *) g_ptr_array_index (pass, i))->status = ELECT_STATUS_ELECTED;
  else if (seats > 0)
    {
      gint64 v = ((Row *) g_ptr_array_index (pass, seats - 1))->votes;
      gint64 w = ((Row *) g_ptr_array_index (pass, seats))->votes;
      gint64 n_el = 0;
      for (guint i = 0; i < pass->len; i++)
        {
          Row *row = g_ptr_array_index (pass, i);
          if (row->votes > v || (v > w && (gint64) i < seats))
            {
              row->status = ELECT_STATUS_ELECTED;
              n_el++;
            }
          else if (row->votes == v)
            row->status = ELECT_STATUS_TIED;
          else
            row->status = ELECT_STATUS_OUTRANKED;
        }
      if (v == w)
        left = seats - n_el;
    }
  else
    for (guint i = 0; i < pass->len; i++)
      ((Row *) g_ptr_array_index (pass, i))->status = ELECT_STATUS_OUTRANKED;
  g_ptr_array_unref (pass);
  return left;
}

typedef struct {
  GPtrArray *contests;       /* CResult* */
  gint64 *revote_seats;      /* per contest */
  gboolean *plurality;       /* per contest: decided by the plurality floor */
} Pass;

static void
pass_clear (Pass *p)
{
  g_clear_pointer (&p->contests, g_ptr_array_unref);
  g_clear_pointer (&p->revote_seats, g_free);
  g_clear_pointer (&p->plurality, g_free);
}

/* One top-down pass over the posts (RULES §6.4, §5.3 cascade-down), with the
 * people excluded by relatives avoidance so far. */
static void
decide_posts (const Ctx *ctx, GHashTable *excluded, const gint64 *reduce, Pass *p,
              gboolean with_reasons)
{
  guint nc = ctx->paper->contests->len;
  p->contests = g_ptr_array_new_with_free_func (cresult_free);
  p->revote_seats = g_new0 (gint64, nc);
  p->plurality = g_new0 (gboolean, nc);
  /* keys: the rows' normal forms; carry's values: the rows' votes (the rows
   * live in p->contests, after this function, and a row's votes are not
   * changed once its contest is decided) */
  g_autoptr (GHashTable) elected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) carry = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < nc; c++)
    {
      CResult *r = contest_rows (ctx, c);
      g_ptr_array_add (p->contests, r);
      for (guint i = 0; i < r->rows->len; i++)
        {
          Row *row = g_ptr_array_index (r->rows, i);
          if (g_hash_table_contains (elected, row->norm))
            {
              row->status = ELECT_STATUS_ELECTED_HIGHER_POST;
              continue;
            }
          if (r->women_only && row->write_in && row->sex != ELECT_SEX_FEMALE)
            {
              row->status = ELECT_STATUS_NOT_ELIGIBLE;
              continue;
            }
          g_autofree char *ek = excluded && g_hash_table_size (excluded) != 0
                                  ? g_strdup_printf ("%u\x1f%s", c, row->norm) : NULL;
          if (ek && g_hash_table_contains (excluded, ek))
            {
              row->status = ELECT_STATUS_RELATIVE_AVOIDED;
              continue;
            }
          gint64 *cv = g_hash_table_lookup (carry, row->norm);
          if (cv && ctx->two_posts == ELECT_TWO_POSTS_CASCADE_DOWN && ctx->tally->sheet)
            {
              /* RULES §6.9: a sheet does not show how many ballots marked
               * the person for both posts, so the carry (those ballots'
               * higher-post votes less the overlap) cannot be computed. */
              if (with_reasons && *cv > 0)
                REASON (ctx, "sheet-no-cascade", ELECT_P_COUNT_SAME_PERSON_TWO_POSTS,
                        N_("%s did not win a higher post, but a tally sheet does not show how many ballots marked them for both posts: no votes are carried down to “%s” (count the ballots to apply the rule)"),
                        row->name, r->title);
            }
          else if (cv && ctx->two_posts == ELECT_TWO_POSTS_CASCADE_DOWN)
            {
              gint64 add = MAX (0, *cv - row->overlap);
              row->votes += add;
              if (with_reasons && add > 0)
                REASON (ctx, "cascade-down", ELECT_P_COUNT_SAME_PERSON_TWO_POSTS,
                        N_("%s did not win a higher post: %lld of those votes are added to the %lld votes for “%s”, and never the other way"),
                        row->name, (long long) add, (long long) row->tally_votes, r->title);
            }
        }

      gint64 seats = r->seats - (reduce ? reduce[c] : 0);
      gint64 thr;
      switch (ctx->round)
        {
        case ELECT_ROUND_REVOTE:
          thr = 1;
          break;
        case ELECT_ROUND_SUPPLEMENTARY:
          if (ctx->supp_rule == ELECT_SUPP_MAJORITY)
            thr = ctx->majority;
          else if (ctx->supp_rule == ELECT_SUPP_MAJORITY_THEN_PLURALITY)
            {
              gboolean any = FALSE;
              for (guint i = 0; i < r->rows->len; i++)
                {
                  const Row *row = g_ptr_array_index (r->rows, i);
                  any |= row_rankable (row) && row->votes >= ctx->majority;
                }
              thr = any ? ctx->majority : ctx->floor;
              p->plurality[c] = !any;
            }
          else
            {
              thr = ctx->floor;
              p->plurality[c] = TRUE;
            }
          break;
        default:
          thr = ctx->majority;
          break;
        }
      r->threshold = MAX (thr, 1);
      p->revote_seats[c] = rank (r, thr, seats);

      for (guint i = 0; i < r->rows->len; i++)
        {
          Row *row = g_ptr_array_index (r->rows, i);
          if (row->status == ELECT_STATUS_ELECTED)
            {
              g_hash_table_add (elected, row->norm);
              strv_add (r->elected, row->name);
            }
          else if (row->status == ELECT_STATUS_BELOW_THRESHOLD
                   || row->status == ELECT_STATUS_OUTRANKED)
            g_hash_table_insert (carry, row->norm, &row->votes);
        }
      r->unfilled = r->seats - strv_len (r->elected);
    }
}

/* RULES §6.7: the first pair of related winners, in post order. Returns
 * FALSE when there is none. */
static gboolean
find_related (const Ctx *ctx, const Pass *p, guint *out_c, const Row **out_loser,
              const Row **out_keeper, const char **out_rel, gboolean *out_tie)
{
  if (ctx->options == NULL || ctx->options->relations->len == 0)
    return FALSE;
  if (elect_rules_p_int (ctx->rules, ELECT_P_RELATIVES_AVOIDANCE) != ELECT_AVOIDANCE_KEEP_HIGHER_POST)
    return FALSE;
  guint64 set = elect_rules_p_bits (ctx->rules, ELECT_P_RELATIVES_RELATIONS);
  guint nc = p->contests->len;
  for (guint ci = 0; ci < nc; ci++)
    {
      const CResult *ri = g_ptr_array_index (p->contests, ci);
      for (guint i = 0; i < ri->rows->len; i++)
        {
          const Row *a = g_ptr_array_index (ri->rows, i);
          if (a->status != ELECT_STATUS_ELECTED)
            continue;
          for (guint cj = ci; cj < nc; cj++)
            {
              const CResult *rj = g_ptr_array_index (p->contests, cj);
              for (guint j = cj == ci ? i + 1 : 0; j < rj->rows->len; j++)
                {
                  const Row *b = g_ptr_array_index (rj->rows, j);
                  if (b->status != ELECT_STATUS_ELECTED)
                    continue;
                  for (guint k = 0; k < ctx->options->relations->len; k++)
                    {
                      const Relation *rel = &g_array_index (ctx->options->relations, Relation, k);
                      gboolean ab = strcmp (rel->a, a->norm) == 0 && strcmp (rel->b, b->norm) == 0;
                      gboolean ba = strcmp (rel->a, b->norm) == 0 && strcmp (rel->b, a->norm) == 0;
                      if (!(ab || ba) || !((rel->bit | rel->conv) & set))
                        continue;
                      for (int q = 0; elect_relation_choices[q]; q++)
                        if (rel->bit == (G_GUINT64_CONSTANT (1) << q))
                          *out_rel = elect_relation_choices[q];
                      /* keep the higher post; same post: more votes */
                      *out_tie = cj == ci && a->votes == b->votes;
                      *out_c = cj;
                      *out_keeper = a;
                      *out_loser = b;
                      return TRUE;
                    }
                }
            }
        }
    }
  return FALSE;
}

/* The relation of two related winners in words, the same both ways round
 * (elect_relation_choices names one side). */
static const char *
relation_words (const char *rel)
{
  if (strcmp (rel, "spouse") == 0)
    return N_("spouses");
  if (strcmp (rel, "parent") == 0 || strcmp (rel, "child") == 0)
    return N_("parent and child");
  if (strcmp (rel, "sibling") == 0)
    return N_("siblings");
  return N_("grandparent and grandchild");
}

/* A reason of RULES §6.7 about @a and @b: @msgid_format takes the two names
 * and the relation, which is a translated word of its own, so each language
 * is formatted with its own words. */
static void
relatives_reason (Ctx *ctx, const char *code, const char *msgid_format,
                  const char *a, const char *b, const char *rel)
{
  const char *words = relation_words (rel);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_autofree char *en = g_strdup_printf (msgid_format, a, b, words);
  g_autofree char *zh = g_strdup_printf (elect_tr ("zh", msgid_format), a, b,
                                         elect_tr ("zh", words));
#pragma GCC diagnostic pop
  g_ptr_array_add (ctx->o->reasons,
                   elect_reason_new_full (code, CITE (ctx, ELECT_P_RELATIVES_AVOIDANCE),
                                          PKEY (ctx, ELECT_P_RELATIVES_AVOIDANCE), en, zh));
}

static gint64
surplus_for (const Ctx *ctx, const CResult *r)
{
  const ElectRules *rules = ctx->rules;
  switch (elect_rules_p_int (rules, ELECT_P_CANDIDATES_SURPLUS))
    {
    case ELECT_SURPLUS_PER_POST:
      {
        ElectParamId id = strcmp (r->id, "chair") == 0 ? ELECT_P_CANDIDATES_SURPLUS_CHAIR
                        : strcmp (r->id, "vice") == 0 ? ELECT_P_CANDIDATES_SURPLUS_VICE
                        : ELECT_P_CANDIDATES_SURPLUS_MEMBER;
        gint64 lo = 1, hi = 1;
        if (elect_rules_p_is_set (rules, id))
          elect_rules_p_range (rules, id, &lo, &hi);
        return MAX (lo, 1);
      }
    case ELECT_SURPLUS_FRACTION:
      if (elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_SURPLUS_FRACTION))
        return MAX (1, least (ctx, ELECT_P_CANDIDATES_SURPLUS_FRACTION, r->unfilled));
      return 1;
    default:
      return 1;
    }
}

/* RULES §6.5: the candidates of a supplementary round. */
static void
supplementary_candidates (const Ctx *ctx, CResult *r, gboolean women_only)
{
  int policy = (int) elect_rules_p_int (ctx->rules, ELECT_P_SUPPLEMENTARY_CANDIDATES);
  GPtrArray *pool = g_ptr_array_new ();
  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);
      if ((row->status == ELECT_STATUS_BELOW_THRESHOLD || row->status == ELECT_STATUS_OUTRANKED)
          && (!women_only || !row->write_in || row->sex == ELECT_SEX_FEMALE))
        g_ptr_array_add (pool, row);
    }
  g_ptr_array_sort (pool, row_cmp);
  guint take = pool->len;
  if (policy != ELECT_SUPP_CANDIDATES_THOSE_NOT_PASSING)
    {
      gint64 k = r->unfilled + surplus_for (ctx, r);
      if ((gint64) pool->len > k)
        {
          gint64 cut = ((Row *) g_ptr_array_index (pool, k - 1))->votes;
          take = (guint) k;
          while (take < pool->len && ((Row *) g_ptr_array_index (pool, take))->votes == cut)
            take++;
          if (take > (guint) k)
            {
              GString *names = g_string_new (NULL);
              for (guint i = 0; i < take; i++)
                if (((Row *) g_ptr_array_index (pool, i))->votes == cut)
                  g_string_append_printf (names, "%s%s", names->len ? "、" : "",
                                          ((Row *) g_ptr_array_index (pool, i))->name);
              REASON (ctx, "supplementary-tie-at-cutoff", ELECT_P_SUPPLEMENTARY_CANDIDATES,
                      N_("“%s”: %s are tied with %lld votes at the cut-off of the supplementary candidates: all of them are included"),
                      r->title, names->str, (long long) cut);
              g_string_free (names, TRUE);
            }
        }
    }
  for (guint i = 0; i < take; i++)
    strv_add (r->next_cands, ((Row *) g_ptr_array_index (pool, i))->name);
  g_ptr_array_unref (pool);
}

static const char *
status_json (ElectStatus s)
{
  switch (s)
    {
    case ELECT_STATUS_ELECTED: return "elected";
    case ELECT_STATUS_BELOW_THRESHOLD: return "below_threshold";
    case ELECT_STATUS_OUTRANKED: return "outranked";
    case ELECT_STATUS_TIED: return "tied";
    case ELECT_STATUS_ELECTED_HIGHER_POST: return "elected_higher_post";
    case ELECT_STATUS_RELATIVE_AVOIDED: return "relative_avoided";
    case ELECT_STATUS_NOT_ELIGIBLE: return "not_eligible";
    default: return "void";
    }
}

static const char *
action_json (ElectAction a)
{
  switch (a)
    {
    case ELECT_ACTION_NONE: return "none";
    case ELECT_ACTION_REVOTE: return "revote";
    case ELECT_ACTION_SUPPLEMENTARY: return "supplementary";
    case ELECT_ACTION_WOMEN_SEAT: return "women_seat";
    case ELECT_ACTION_VACANT: return "vacant";
    case ELECT_ACTION_RERUN: return "rerun";
    case ELECT_ACTION_RECOUNT: return "recount";
    case ELECT_ACTION_AVOIDANCE_VOTE: return "avoidance_vote";
    default: return "none";
    }
}

/* A round not decided (void, or an inconsistent sheet): every contest gets
 * @action and no one is elected. */
static void
undecided (Ctx *ctx, ElectAction action)
{
  ElectOutcome *o = ctx->o;
  o->valid = FALSE;
  o->contests = g_ptr_array_new_with_free_func (cresult_free);
  for (guint c = 0; c < ctx->paper->contests->len; c++)
    {
      CResult *r = contest_rows (ctx, c);
      g_ptr_array_sort (r->rows, row_cmp);
      for (guint i = 0; i < r->rows->len; i++)
        ((Row *) g_ptr_array_index (r->rows, i))->status = 0;
      r->threshold = 0;
      r->unfilled = r->seats;
      r->action = action;
      r->next_seats = r->seats;
      g_ptr_array_add (o->contests, r);
    }
}

/* RULES §6.9: the arithmetic of a tally sheet. */
static gboolean
sheet_consistent (Ctx *ctx)
{
  const ElectTally *t = ctx->tally;
  gboolean ok = TRUE;
  REASON (ctx, "sheet-no-ballot-rules", ELECT_P_COUNT_OVERVOTE,
          N_("Counted from a tally sheet: the validity rules of single ballots and marks cannot be applied"));
  if (t->invalid > t->returned)
    {
      ok = FALSE;
      REASON (ctx, "sheet-invalid-exceeds-returned", ELECT_P_COUNT_WIN_BASE,
              N_("The tally sheet has %lld invalid ballots but only %lld ballots returned"),
              (long long) t->invalid, (long long) t->returned);
    }
  if (t->sheet_valid_set && t->sheet_valid + t->invalid != t->returned)
    {
      ok = FALSE;
      REASON (ctx, "sheet-valid-invalid-mismatch", ELECT_P_COUNT_WIN_BASE,
              N_("The tally sheet's valid (%lld) and invalid (%lld) ballots do not add up to the %lld ballots returned"),
              (long long) t->sheet_valid, (long long) t->invalid, (long long) t->returned);
    }
  gint64 valid = t->sheet_valid_set ? t->sheet_valid : MAX (0, t->returned - t->invalid);
  for (guint c = 0; c < ctx->paper->contests->len; c++)
    {
      const ElectContest *ct = elect_paper_contest (ctx->paper, c);
      gint64 sum = 0;
      for (guint k = 0; k < ct->candidates->len; k++)
        {
          gint64 v = t->votes[t->cand_off[c] + k];
          sum += v;
          if (v > valid)
            {
              ok = FALSE;
              REASON (ctx, "sheet-candidate-exceeds-valid", ELECT_P_COUNT_WIN_BASE,
                      N_("“%s”: %s has %lld votes, more than the %lld valid ballots"),
                      ct->title, ((ElectCandidate *) g_ptr_array_index (ct->candidates, k))->name,
                      (long long) v, (long long) valid);
            }
        }
      const GPtrArray *wi = t->wi[c].sorted;
      for (guint j = 0; j < wi->len; j++)
        {
          const ElectWriteInEntry *e = g_ptr_array_index (wi, j);
          sum += e->votes;
          if (e->votes > valid)
            {
              ok = FALSE;
              REASON (ctx, "sheet-candidate-exceeds-valid", ELECT_P_COUNT_WIN_BASE,
                      N_("“%s”: %s has %lld votes, more than the %lld valid ballots"),
                      ct->title, e->norm, (long long) e->votes, (long long) valid);
            }
        }
      /* valid <= 2^40 and seats <= 2^40 would overflow: compare by division */
      if (sum / ct->seats > valid || (sum / ct->seats == valid && sum % ct->seats))
        {
          ok = FALSE;
          REASON (ctx, "sheet-contest-votes-exceed", ELECT_P_COUNT_OVERVOTE,
                  N_("“%s”: %lld votes in all, more than %lld valid ballots times %lld seats"),
                  ct->title, (long long) sum, (long long) valid, (long long) ct->seats);
        }
    }
  return ok;
}

ElectOutcome *
elect_count (const ElectRules *rules, const ElectPaper *paper,
             const ElectTally *tally, const ElectTurnout *turnout, GError **error)
{
  return elect_count_full (rules, paper, tally, turnout, NULL, error);
}

ElectOutcome *
elect_count_full (const ElectRules *rules, const ElectPaper *paper,
                  const ElectTally *tally, const ElectTurnout *turnout,
                  const ElectCountOptions *options, GError **error)
{
  g_return_val_if_fail (rules != NULL && paper != NULL, NULL);
  g_return_val_if_fail (tally != NULL && turnout != NULL, NULL);

  if (tally->paper != paper)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The tally is of another ballot paper"));
      return NULL;
    }
  if (turnout->electorate < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The electorate (registered voters or members entitled to vote) is not given"));
      return NULL;
    }
  gboolean need_present =
       elect_rules_p_int (rules, ELECT_P_COUNT_QUORUM_MEASURE) == ELECT_QUORUM_PRESENT
    || elect_rules_p_int (rules, ELECT_P_COUNT_VOID_BOUND) == ELECT_VOID_BOUND_PRESENT
    || elect_rules_p_int (rules, ELECT_P_COUNT_WIN_BASE) == ELECT_WIN_BASE_PRESENT;
  if (need_present && turnout->present < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Profile “%s” counts the members present, but “present” is not given"),
                   elect_rules_get_name (rules));
      return NULL;
    }
  if (elect_rules_p_int (rules, ELECT_P_COUNT_WIN_BASE) == ELECT_WIN_BASE_ISSUED
      && turnout->issued < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Profile “%s” counts the ballots issued, but “ballots_issued” is not given"),
                   elect_rules_get_name (rules));
      return NULL;
    }

  ElectOutcome *o = g_new0 (ElectOutcome, 1);
  g_atomic_ref_count_init (&o->ref);
  o->profile = g_strdup (elect_rules_get_name (rules));
  o->round = turnout->round;
  o->sheet = tally->sheet;
  o->electorate = turnout->electorate;
  o->issued = turnout->issued;
  o->present = turnout->present;
  o->returned = tally->returned;
  o->bvalid = tally->sheet && tally->sheet_valid_set ? tally->sheet_valid : tally->valid;
  o->binvalid = tally->invalid;
  o->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  memcpy (o->defects, tally->defects, sizeof o->defects);
  o->q_required = -1;
  o->q_met = TRUE;
  o->valid = TRUE;

  Ctx ctx_ = { rules, paper, tally, turnout, options, o, turnout->round, 0, 0, -1, -1, -1 };
  Ctx *ctx = &ctx_;
  ctx->two_posts = elect_rules_p_is_set (rules, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS)
    ? (int) elect_rules_p_int (rules, ELECT_P_COUNT_SAME_PERSON_TWO_POSTS) : -1;

  /* Ballot defects (RULES §5), as reasons. */
  for (int k = 0; k < ELECT_N_DEFECTS; k++)
    if (tally->defects[k] > 0)
      g_ptr_array_add (o->reasons, elect_tally_get_defect_reason (tally, elect_defect_codes[k]));

  /* §6.9 */
  if (tally->sheet && !sheet_consistent (ctx))
    {
      undecided (ctx, ELECT_ACTION_RECOUNT);
      return o;
    }

  /* §6.1 (a): more ballots returned than the bound voids the round. */
  gint64 bound = elect_rules_p_int (rules, ELECT_P_COUNT_VOID_BOUND) == ELECT_VOID_BOUND_PRESENT
    ? turnout->present : turnout->issued;
  if (turnout->issued >= 0 && tally->returned > turnout->issued)
    {
      REASON (ctx, "returned-exceeds-issued", ELECT_P_COUNT_VOID_BOUND,
              N_("%lld ballots were returned but only %lld were issued: the round is void and must be held again"),
              (long long) tally->returned, (long long) turnout->issued);
      undecided (ctx, ELECT_ACTION_RERUN);
      return o;
    }
  if (bound >= 0 && tally->returned > bound)
    {
      REASON (ctx, "returned-exceeds-present", ELECT_P_COUNT_VOID_BOUND,
              N_("%lld ballots were returned but only %lld members were present: the round is void and must be held again"),
              (long long) tally->returned, (long long) bound);
      undecided (ctx, ELECT_ACTION_RERUN);
      return o;
    }

  /* §6.1 (b): quorum; in a revote or supplementary round only the profile's
   * supplementary quorum (RULES §11). */
  ElectParamId qid = turnout->round == ELECT_ROUND_REGULAR ? ELECT_P_COUNT_QUORUM
                                                           : ELECT_P_SUPPLEMENTARY_QUORUM;
  o->q_actual = elect_rules_p_int (rules, ELECT_P_COUNT_QUORUM_MEASURE) == ELECT_QUORUM_PRESENT
    ? turnout->present : tally->returned;
  if (elect_rules_p_is_set (rules, qid))
    {
      ElectFraction f = elect_rules_p_fraction (rules, qid);
      o->q_required = elect_fraction_least (f, turnout->electorate);
      o->q_met = elect_fraction_holds (f, o->q_actual, turnout->electorate);
      if (o->q_met)
        REASON (ctx, "quorum-met", qid,
                N_("Quorum met: %lld of %lld, at least %lld needed"),
                (long long) o->q_actual, (long long) turnout->electorate,
                (long long) o->q_required);
      else
        {
          REASON (ctx, "quorum-not-met", qid,
                  N_("Quorum not met: %lld of %lld, at least %lld needed: the round is void and must be held again"),
                  (long long) o->q_actual, (long long) turnout->electorate,
                  (long long) o->q_required);
          undecided (ctx, ELECT_ACTION_RERUN);
          return o;
        }
    }
  else
    REASON (ctx, "quorum-none", qid,
            N_("No turnout quorum applies to this round"));

  /* §6.2: base and thresholds. */
  switch (elect_rules_p_int (rules, ELECT_P_COUNT_WIN_BASE))
    {
    case ELECT_WIN_BASE_PRESENT: ctx->base = turnout->present; break;
    case ELECT_WIN_BASE_ISSUED: ctx->base = turnout->issued; break;
    default: ctx->base = tally->returned; break;
    }
  ctx->majority = least (ctx, ELECT_P_COUNT_WIN_THRESHOLD, ctx->base);
  if (turnout->round == ELECT_ROUND_SUPPLEMENTARY)
    {
      ctx->supp_rule = (int) elect_rules_p_int (rules, ELECT_P_SUPPLEMENTARY_RULE);
      if (ctx->supp_rule != ELECT_SUPP_MAJORITY
          && elect_rules_p_is_set (rules, ELECT_P_SUPPLEMENTARY_PLURALITY_FLOOR))
        ctx->floor = least (ctx, ELECT_P_SUPPLEMENTARY_PLURALITY_FLOOR, tally->returned);
      else if (ctx->supp_rule != ELECT_SUPP_MAJORITY)
        ctx->floor = 1;
    }

  /* §6.4 + §6.7: decide the posts, then apply relatives avoidance until no
   * related pair is elected. */
  guint nc = paper->contests->len;
  g_autoptr (GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gint64 *reduce = g_new0 (gint64, nc);
  Pass pass = { 0 };
  int avoid_tie_contest = -1;
  g_autofree char *tie_a = NULL, *tie_b = NULL;
  gboolean refill = elect_rules_p_int (rules, ELECT_P_RELATIVES_REFILL) == ELECT_REFILL_NEXT_BY_VOTES;
  for (guint iter = 0;; iter++)
    {
      pass_clear (&pass);
      decide_posts (ctx, excluded, reduce, &pass, FALSE);
      guint c;
      const Row *loser, *keeper;
      const char *rel = "";
      gboolean tie;
      if (iter > 256 || !find_related (ctx, &pass, &c, &loser, &keeper, &rel, &tie))
        break;
      if (tie)
        {
          relatives_reason (ctx, "relatives-tie",
                            N_("%s and %s are %s and may not serve together; they hold the same post with the same votes: a further vote between them decides"),
                            keeper->name, loser->name, rel);
          avoid_tie_contest = (int) c;
          /* copies: the rows go with the pass */
          tie_a = g_strdup (keeper->name);
          tie_b = g_strdup (loser->name);
          break;
        }
      relatives_reason (ctx, "relatives-avoided",
                        N_("%s keeps the seat and %s gives way: they are %s and may not serve together (the higher post is kept; on the same post, more votes)"),
                        keeper->name, loser->name, rel);
      if (refill)
        REASON (ctx, "relatives-refill", ELECT_P_RELATIVES_REFILL,
                N_("The seat freed in “%s” goes to the next person by votes who reached the threshold"),
                elect_paper_contest (paper, c)->title);
      else
        {
          reduce[c]++;
          REASON (ctx, "relatives-seat-unfilled", ELECT_P_RELATIVES_REFILL,
                  N_("The seat freed in “%s” is not refilled from this round"),
                  elect_paper_contest (paper, c)->title);
        }
      g_hash_table_add (excluded, g_strdup_printf ("%u\x1f%s", c, loser->norm));
    }
  /* Final pass with reasons (cascade-down). */
  pass_clear (&pass);
  decide_posts (ctx, excluded, reduce, &pass, TRUE);
  o->contests = g_steal_pointer (&pass.contests);

  /* Per-contest reasons, shortfall and next actions (§6.3, §6.5). */
  gint64 total_elected = options ? options->earlier_elected : 0;
  for (guint c = 0; c < nc; c++)
    total_elected += strv_len (((CResult *) g_ptr_array_index (o->contests, c))->elected);
  gboolean chair_elected = (options && options->earlier_chair)
    || (nc > 1 && ((CResult *) g_ptr_array_index (o->contests, 0))->unfilled == 0);
  int vacancy = (int) elect_rules_p_int (rules, ELECT_P_SUPPLEMENTARY_VACANCY);
  gint64 vac_min = elect_rules_p_is_set (rules, ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED)
    ? elect_rules_p_int (rules, ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED) : 0;
  gboolean vac_chair = elect_rules_p_int (rules, ELECT_P_SUPPLEMENTARY_VACANCY_REQUIRES_CHAIR) != 0;
  int women = (int) elect_rules_p_int (rules, ELECT_P_WOMEN_MEMBER);
  gboolean keep_women = elect_rules_p_int (rules, ELECT_P_WOMEN_KEEP_POST_IN_SUPPLEMENTARY) != 0;

  for (guint c = 0; c < nc; c++)
    {
      CResult *r = g_ptr_array_index (o->contests, c);
      ElectParamId rule_id = o->round == ELECT_ROUND_SUPPLEMENTARY
        ? ELECT_P_SUPPLEMENTARY_RULE
        : o->round == ELECT_ROUND_REVOTE ? ELECT_P_COUNT_TIE : ELECT_P_COUNT_WIN_THRESHOLD;
      if (o->round == ELECT_ROUND_REVOTE)
        REASON (ctx, "threshold-revote", rule_id,
                N_("“%s”: revote among the tied: the most votes win"), r->title);
      else if (pass.plurality[c])
        REASON (ctx, "threshold-plurality", ELECT_P_SUPPLEMENTARY_PLURALITY_FLOOR,
                N_("“%s”: supplementary round: the most votes win, with at least %lld votes (of %lld ballots cast)"),
                r->title, (long long) r->threshold, (long long) tally->returned);
      else
        REASON (ctx, "threshold-majority", ELECT_P_COUNT_WIN_THRESHOLD,
                N_("“%s”: at least %lld votes are needed to be elected (of a base of %lld)"),
                r->title, (long long) r->threshold, (long long) ctx->base);
      if (r->women_only && women == ELECT_WOMEN_SEPARATE_POST)
        REASON (ctx, "women-post-women-only", ELECT_P_WOMEN_MEMBER,
                N_("“%s” is the women's post: only women are counted"), r->title);

      for (guint i = 0; i < r->rows->len; i++)
        {
          const Row *row = g_ptr_array_index (r->rows, i);
          switch (row->status)
            {
            case ELECT_STATUS_ELECTED:
              REASON (ctx, "elected", rule_id,
                      N_("%s is elected to “%s” with %lld votes"),
                      row->name, r->title, (long long) row->votes);
              break;
            case ELECT_STATUS_BELOW_THRESHOLD:
              REASON (ctx, "below-threshold", rule_id,
                      N_("%s is not elected to “%s”: %lld votes, below the %lld needed"),
                      row->name, r->title, (long long) row->votes, (long long) r->threshold);
              break;
            case ELECT_STATUS_OUTRANKED:
              REASON (ctx, "outranked", rule_id,
                      N_("%s reached the threshold of “%s” with %lld votes but more candidates did than seats, with more votes"),
                      row->name, r->title, (long long) row->votes);
              break;
            case ELECT_STATUS_TIED:
              REASON (ctx, "tied", ELECT_P_COUNT_TIE,
                      N_("%s is tied with %lld votes at the last seats of “%s”: a revote decides, ties are never broken by lot or order"),
                      row->name, (long long) row->votes, r->title);
              break;
            case ELECT_STATUS_ELECTED_HIGHER_POST:
              REASON (ctx, "elected-higher-post", ELECT_P_COUNT_SAME_PERSON_TWO_POSTS,
                      N_("%s is elected to a higher post and is not ranked for “%s”; those votes go to no one else"),
                      row->name, r->title);
              break;
            case ELECT_STATUS_NOT_ELIGIBLE:
              REASON (ctx, "not-eligible-women-post", ELECT_P_WOMEN_MEMBER,
                      N_("%s is not known to be a woman and cannot be elected to the women's post “%s”"),
                      row->name, r->title);
              break;
            case ELECT_STATUS_RELATIVE_AVOIDED:
              break;
            default:
              break;
            }
        }

      if (avoid_tie_contest == (int) c)
        {
          r->action = ELECT_ACTION_AVOIDANCE_VOTE;
          r->next_seats = 1;
          strv_add (r->next_cands, tie_a);
          strv_add (r->next_cands, tie_b);
          continue;
        }
      if (pass.revote_seats[c] > 0)
        {
          r->action = ELECT_ACTION_REVOTE;
          r->next_seats = pass.revote_seats[c];
          for (guint i = 0; i < r->rows->len; i++)
            {
              const Row *row = g_ptr_array_index (r->rows, i);
              if (row->status == ELECT_STATUS_TIED)
                strv_add (r->next_cands, row->name);
            }
          gboolean cont = elect_rules_p_int (rules, ELECT_P_COUNT_TIE) == ELECT_TIE_CONTINUE;
          if (o->round == ELECT_ROUND_REVOTE)
            REASON (ctx, "tie-revote-again", ELECT_P_COUNT_TIE,
                    N_("“%s”: the revote tied again: revote again among the tied for %lld seat(s)"),
                    r->title, (long long) r->next_seats);
          else if (cont)
            REASON (ctx, "tie-continue-voting", ELECT_P_COUNT_TIE,
                    N_("“%s”: a tie at the last %lld seat(s): voting continues among the tied"),
                    r->title, (long long) r->next_seats);
          else
            REASON (ctx, "tie-revote", ELECT_P_COUNT_TIE,
                    N_("“%s”: a tie at the last %lld seat(s): a revote among the tied decides"),
                    r->title, (long long) r->next_seats);
          continue;
        }
      if (r->unfilled <= 0)
        {
          r->action = ELECT_ACTION_NONE;
          continue;
        }
      /* Shortfall. */
      gboolean women_post = r->women_only && women == ELECT_WOMEN_SEPARATE_POST && keep_women;
      gboolean vac_ok = FALSE;
      if (!women_post)
        switch (vacancy)
          {
          case ELECT_VACANCY_AFTER_REGULAR:
            vac_ok = total_elected >= vac_min && (!vac_chair || chair_elected);
            break;
          case ELECT_VACANCY_AFTER_SUPPLEMENTARY:
            vac_ok = o->round == ELECT_ROUND_SUPPLEMENTARY && total_elected >= vac_min
                     && (!vac_chair || chair_elected);
            break;
          default:
            break;
          }
      if (vac_ok)
        {
          r->action = ELECT_ACTION_VACANT;
          r->next_seats = r->unfilled;
          REASON (ctx, "vacancy-allowed", ELECT_P_SUPPLEMENTARY_VACANCY,
                  N_("“%s”: %lld seat(s) unfilled; %lld members are elected, as the rules require for this, so the seats may stay vacant"),
                  r->title, (long long) r->unfilled, (long long) total_elected);
          continue;
        }
      if (vacancy == ELECT_VACANCY_AFTER_REGULAR || vacancy == ELECT_VACANCY_AFTER_SUPPLEMENTARY)
        REASON (ctx, "vacancy-condition-not-met", ELECT_P_SUPPLEMENTARY_VACANCY_MIN_ELECTED,
                N_("“%s”: the seats may not stay vacant: %lld members elected; the rules need at least %lld, and where they say so a supplementary round held first and the chair elected"),
                r->title, (long long) total_elected, (long long) vac_min);
      r->action = ELECT_ACTION_SUPPLEMENTARY;
      r->next_seats = r->unfilled;
      supplementary_candidates (ctx, r, r->women_only);
      if (women_post)
        REASON (ctx, "women-post-unfilled", ELECT_P_WOMEN_KEEP_POST_IN_SUPPLEMENTARY,
                N_("The women's post “%s” is unfilled: it stays on the supplementary ballot until a woman is elected"),
                r->title);
      REASON (ctx, "shortfall-supplementary", ELECT_P_SUPPLEMENTARY_CANDIDATES,
              N_("“%s”: %lld seat(s) unfilled: a supplementary round with %u candidate(s)"),
              r->title, (long long) r->unfilled, strv_len (r->next_cands));
      if (elect_rules_p_int (rules, ELECT_P_SUPPLEMENTARY_CANDIDATES) == ELECT_SUPP_CANDIDATES_OR_OPEN_BALLOT)
        REASON (ctx, "supplementary-open-ballot-allowed", ELECT_P_SUPPLEMENTARY_CANDIDATES,
                N_("“%s”: the supplementary round may also be held as an open ballot"), r->title);
      if (vacancy == ELECT_VACANCY_BY_DECISION)
        REASON (ctx, "seats-may-be-reduced", ELECT_P_SUPPLEMENTARY_VACANCY,
                N_("“%s”: when the elected are close to the number of seats, the seats may instead be reduced by decision"),
                r->title);
    }

  /* §6.6: the women member. */
  if (women != ELECT_WOMEN_NOT_REQUIRED)
    {
      gboolean woman = options && options->earlier_woman;
      gboolean unknown = FALSE;
      int women_post = -1;
      for (guint c = 0; c < nc; c++)
        {
          const CResult *r = g_ptr_array_index (o->contests, c);
          if (r->women_only)
            women_post = (int) c;
          for (guint i = 0; i < r->rows->len; i++)
            {
              const Row *row = g_ptr_array_index (r->rows, i);
              if (row->status != ELECT_STATUS_ELECTED)
                continue;
              woman |= row->sex == ELECT_SEX_FEMALE || r->women_only;
              unknown |= row->sex == ELECT_SEX_UNKNOWN && !r->women_only;
            }
        }
      if (women == ELECT_WOMEN_SEPARATE_POST && women_post < 0)
        REASON (ctx, "women-post-missing", ELECT_P_WOMEN_MEMBER,
                N_("The profile has a separate women's post but the ballot paper has none"));
      if (woman)
        REASON (ctx, "women-member-met", ELECT_P_WOMEN_MEMBER,
                N_("A woman is elected: the women-member rule is met"));
      else if (unknown)
        REASON (ctx, "women-member-unknown", ELECT_P_WOMEN_MEMBER,
                N_("The sex of some elected members is not known: the women-member rule cannot be checked"));
      else if (women_post < 0 || women != ELECT_WOMEN_SEPARATE_POST)
        {
          CResult *r = g_ptr_array_index (o->contests, nc - 1);
          REASON (ctx, "women-member-missing", ELECT_P_WOMEN_MEMBER,
                  N_("No woman is elected: the committee does not meet the women-member rule; a woman must still be elected (“%s”)"),
                  r->title);
          if (r->action == ELECT_ACTION_NONE || r->action == ELECT_ACTION_VACANT)
            {
              r->action = ELECT_ACTION_WOMEN_SEAT;
              r->next_seats = 1;
              strv_clear (r->next_cands);
              for (guint i = 0; i < r->rows->len; i++)
                {
                  const Row *row = g_ptr_array_index (r->rows, i);
                  if (row->sex == ELECT_SEX_FEMALE && row->status != ELECT_STATUS_ELECTED
                      && row->status != ELECT_STATUS_ELECTED_HIGHER_POST)
                    strv_add (r->next_cands, row->name);
                }
            }
          else
            r->next_women = TRUE;
        }
    }

  /* Party: the surplus of candidates (PER Art. 13), reported. */
  if (o->round == ELECT_ROUND_REGULAR
      && elect_rules_p_int (rules, ELECT_P_CANDIDATES_SURPLUS) == ELECT_SURPLUS_FRACTION
      && elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_SURPLUS_FRACTION))
    for (guint c = 0; c < nc; c++)
      {
        const ElectContest *ct = elect_paper_contest (paper, c);
        gint64 nc_ = ct->candidates->len;
        if (nc_ == 0)
          continue;
        ElectFraction f = elect_rules_p_fraction (rules, ELECT_P_CANDIDATES_SURPLUS_FRACTION);
        if (nc_ < ct->seats || !elect_fraction_holds (f, nc_ - ct->seats, ct->seats))
          REASON (ctx, "candidate-surplus-short", ELECT_P_CANDIDATES_SURPLUS_FRACTION,
                  N_("“%s”: %lld candidates for %lld seats is less than the surplus the rules require"),
                  ct->title, (long long) nc_, (long long) ct->seats);
      }

  pass_clear (&pass);
  return o;
}

/* ---- getters ---------------------------------------------------------------------------------------- */

gboolean
elect_outcome_is_valid (const ElectOutcome *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->valid;
}

ElectRound
elect_outcome_get_round (const ElectOutcome *self)
{
  g_return_val_if_fail (self != NULL, ELECT_ROUND_REGULAR);
  return self->round;
}

gboolean
elect_outcome_get_quorum (const ElectOutcome *self, gint64 *out_required,
                          gint64 *out_actual)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (out_required)
    *out_required = self->q_required;
  if (out_actual)
    *out_actual = self->q_actual;
  return self->q_met;
}

guint
elect_outcome_get_n_contests (const ElectOutcome *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->contests->len;
}

#define OC(self, contest, val) \
  g_return_val_if_fail (self != NULL, val); \
  g_return_val_if_fail (contest < self->contests->len, val); \
  const CResult *r = g_ptr_array_index (self->contests, contest)

#define OROW(self, contest, index, val) \
  OC (self, contest, val); \
  g_return_val_if_fail (index < r->rows->len, val); \
  const Row *row = g_ptr_array_index (r->rows, index)

gint64
elect_outcome_get_threshold (const ElectOutcome *self, guint contest)
{
  OC (self, contest, 0);
  return r->threshold;
}

guint
elect_outcome_get_n_candidates (const ElectOutcome *self, guint contest)
{
  OC (self, contest, 0);
  return r->rows->len;
}

const char *
elect_outcome_get_candidate_name (const ElectOutcome *self, guint contest, guint index)
{
  OROW (self, contest, index, NULL);
  return row->name;
}

gint64
elect_outcome_get_candidate_votes (const ElectOutcome *self, guint contest, guint index)
{
  OROW (self, contest, index, 0);
  return row->votes;
}

ElectStatus
elect_outcome_get_candidate_status (const ElectOutcome *self, guint contest, guint index)
{
  OROW (self, contest, index, 0);
  return row->status;
}

gboolean
elect_outcome_is_candidate_write_in (const ElectOutcome *self, guint contest, guint index)
{
  OROW (self, contest, index, FALSE);
  return row->write_in;
}

const char *const *
elect_outcome_get_elected (const ElectOutcome *self, guint contest)
{
  OC (self, contest, NULL);
  return (const char *const *) r->elected->pdata;
}

gint64
elect_outcome_get_unfilled (const ElectOutcome *self, guint contest)
{
  OC (self, contest, 0);
  return r->unfilled;
}

ElectAction
elect_outcome_get_next_action (const ElectOutcome *self, guint contest)
{
  OC (self, contest, ELECT_ACTION_NONE);
  return r->action;
}

gint64
elect_outcome_get_next_seats (const ElectOutcome *self, guint contest)
{
  OC (self, contest, 0);
  return r->next_seats;
}

const char *const *
elect_outcome_get_next_candidates (const ElectOutcome *self, guint contest)
{
  OC (self, contest, NULL);
  return (const char *const *) r->next_cands->pdata;
}

guint
elect_outcome_get_n_reasons (const ElectOutcome *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->reasons->len;
}

const ElectReason *
elect_outcome_get_reason (const ElectOutcome *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return g_ptr_array_index (self->reasons, index);
}

gboolean
elect_outcome_has_reason (const ElectOutcome *self, const char *code)
{
  g_return_val_if_fail (self != NULL && code != NULL, FALSE);
  for (guint i = 0; i < self->reasons->len; i++)
    if (strcmp (elect_reason_get_code (g_ptr_array_index (self->reasons, i)), code) == 0)
      return TRUE;
  return FALSE;
}

/* ---- JSON (FORMATS.md §2) --------------------------------------------------------------------------- */

/* The result is written straight into a buffer, byte for byte as
 * json-glib's generator (pretty, indent 2) wrote it from a JsonBuilder
 * tree: "name" : value, members and elements one per line, "[]" for an
 * empty array, "{" + the indentation + "}" for an empty object, and
 * json-glib's string escapes (\" \\ \b \t \n \f \r, \u00xx for the other
 * bytes 0x01-0x1e and 0x7f; 0x1f and all other bytes as they are), null
 * for a NULL string. The golden files of tests/data compare this output
 * exactly; test-count checks it against json-glib's generator. */
typedef struct {
  char *buf;
  gsize len, cap;
  guint depth;                     /* of the open container */
  gboolean has[16];                /* the container at depth d has items */
} JWriter;

static void
jw_grow (JWriter *w, gsize more)
{
  while (w->cap - w->len < more + 1)
    w->cap *= 2;
  w->buf = g_realloc (w->buf, w->cap);
}

static inline void
jw_put (JWriter *w, const char *p, gsize n)
{
  if (G_UNLIKELY (w->cap - w->len < n + 1))
    jw_grow (w, n);
  memcpy (w->buf + w->len, p, n);
  w->len += n;
}

static inline void
jw_putc (JWriter *w, char c)
{
  if (G_UNLIKELY (w->cap - w->len < 2))
    jw_grow (w, 1);
  w->buf[w->len++] = c;
}

#define jw_lit(w, s) jw_put ((w), (s), sizeof (s) - 1)

static const char jw_spaces[] = "                                ";

static void
jw_indent (JWriter *w, guint level)
{
  gsize n = (gsize) level * 2;
  while (n > 0)
    {
      gsize k = MIN (n, sizeof jw_spaces - 1);
      jw_put (w, jw_spaces, k);
      n -= k;
    }
}

static void
jw_escape (JWriter *w, const char *str)
{
  const char *p = str, *run = str;
  for (; *p; p++)
    {
      guchar c = (guchar) *p;
      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) || c == 0x1f)
        continue;
      jw_put (w, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '"': jw_lit (w, "\\\""); break;
        case '\\': jw_lit (w, "\\\\"); break;
        case '\b': jw_lit (w, "\\b"); break;
        case '\f': jw_lit (w, "\\f"); break;
        case '\n': jw_lit (w, "\\n"); break;
        case '\r': jw_lit (w, "\\r"); break;
        case '\t': jw_lit (w, "\\t"); break;
        default:
          {
            char u[8];
            g_snprintf (u, sizeof u, "\\u00%02x", c);
            jw_put (w, u, 6);
          }
          break;
        }
    }
  jw_put (w, run, (gsize) (p - run));
}

/* Before an item of the open container. */
static void
jw_item (JWriter *w)
{
  if (w->has[w->depth])
    jw_putc (w, ',');
  jw_putc (w, '\n');
  w->has[w->depth] = TRUE;
  jw_indent (w, w->depth);
}

static void
jw_name (JWriter *w, const char *name)
{
  jw_item (w);
  jw_putc (w, '"');
  jw_escape (w, name);
  jw_lit (w, "\" : ");
}

static void
jw_open (JWriter *w, char c)
{
  jw_putc (w, c);
  w->depth++;
  g_assert (w->depth < G_N_ELEMENTS (w->has));
  w->has[w->depth] = FALSE;
}

static void
jw_close (JWriter *w, char c)
{
  gboolean had = w->has[w->depth];
  w->depth--;
  if (had)
    {
      jw_putc (w, '\n');
      jw_indent (w, w->depth);
    }
  else if (c == '}')
    jw_indent (w, w->depth);
  jw_putc (w, c);
}

static void
jw_int (JWriter *w, gint64 v)
{
  char buf[24];
  char *e = buf + sizeof buf, *p = e;
  guint64 u = v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
  do
    *--p = (char) ('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0)
    *--p = '-';
  jw_put (w, p, (gsize) (e - p));
}

static void
jw_str (JWriter *w, const char *v)
{
  if (v == NULL)
    {
      jw_lit (w, "null");   /* as json-glib writes a NULL string */
      return;
    }
  jw_putc (w, '"');
  jw_escape (w, v);
  jw_putc (w, '"');
}

static void
member_int (JWriter *w, const char *name, gint64 v)
{
  jw_name (w, name);
  jw_int (w, v);
}

static void
member_str (JWriter *w, const char *name, const char *v)
{
  jw_name (w, name);
  jw_str (w, v);
}

static void
member_bool (JWriter *w, const char *name, gboolean v)
{
  jw_name (w, name);
  if (v)
    jw_lit (w, "true");
  else
    jw_lit (w, "false");
}

static void
member_strv (JWriter *w, const char *name, const GPtrArray *a)
{
  jw_name (w, name);
  jw_open (w, '[');
  for (guint i = 0; i < strv_len (a); i++)
    {
      jw_item (w);
      jw_str (w, g_ptr_array_index (a, i));
    }
  jw_close (w, ']');
}

char *
elect_outcome_to_json (const ElectOutcome *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  JWriter w = { g_malloc (8192), 0, 8192, 0, { FALSE } };
  JWriter *b = &w;
  jw_open (b, '{');
  member_str (b, "format", "libelect.result/1");
  member_str (b, "profile", self->profile);
  member_str (b, "round", self->round == ELECT_ROUND_REVOTE ? "revote"
                          : self->round == ELECT_ROUND_SUPPLEMENTARY ? "supplementary" : "regular");
  member_str (b, "source", self->sheet ? "tally_sheet" : "ballots");
  member_bool (b, "valid", self->valid);
  member_int (b, "electorate", self->electorate);
  if (self->issued >= 0)
    member_int (b, "ballots_issued", self->issued);
  if (self->present >= 0)
    member_int (b, "present", self->present);
  member_int (b, "ballots_returned", self->returned);
  member_int (b, "ballots_valid", self->bvalid);
  member_int (b, "ballots_invalid", self->binvalid);
  jw_name (b, "quorum");
  jw_open (b, '{');
  jw_name (b, "required");
  if (self->q_required >= 0)
    jw_int (b, self->q_required);
  else
    jw_lit (b, "null");
  member_int (b, "actual", self->q_actual);
  member_bool (b, "met", self->q_met);
  jw_close (b, '}');

  jw_name (b, "contests");
  jw_open (b, '[');
  for (guint c = 0; c < self->contests->len; c++)
    {
      const CResult *r = g_ptr_array_index (self->contests, c);
      jw_item (b);
      jw_open (b, '{');
      member_str (b, "id", r->id);
      member_str (b, "title", r->title);
      member_int (b, "seats", r->seats);
      member_int (b, "threshold", r->threshold);
      member_strv (b, "elected", r->elected);
      member_int (b, "unfilled", r->unfilled);
      if (!self->sheet)
        member_int (b, "abstentions", r->abstentions);
      if (r->contest_void)
        member_int (b, "void_marks", r->contest_void);
      jw_name (b, "next");
      jw_open (b, '{');
      member_str (b, "action", action_json (r->action));
      if (r->action != ELECT_ACTION_NONE)
        {
          member_int (b, "seats", r->next_seats);
          member_strv (b, "candidates", r->next_cands);
        }
      if (r->next_women)
        member_bool (b, "women_seat", TRUE);
      jw_close (b, '}');
      jw_name (b, "candidates");
      jw_open (b, '[');
      for (guint i = 0; i < r->rows->len; i++)
        {
          const Row *row = g_ptr_array_index (r->rows, i);
          jw_item (b);
          jw_open (b, '{');
          member_str (b, "name", row->name);
          member_int (b, "votes", row->votes);
          member_str (b, "status", status_json (row->status));
          if (row->write_in)
            member_bool (b, "write_in", TRUE);
          jw_close (b, '}');
        }
      jw_close (b, ']');
      jw_close (b, '}');
    }
  jw_close (b, ']');

  jw_name (b, "reasons");
  jw_open (b, '[');
  for (guint i = 0; i < self->reasons->len; i++)
    {
      const ElectReason *reason = g_ptr_array_index (self->reasons, i);
      jw_item (b);
      jw_open (b, '{');
      member_str (b, "code", elect_reason_get_code (reason));
      member_str (b, "message", elect_reason_get_message (reason, lang));
      member_str (b, "citation", elect_reason_get_citation (reason));
      if (elect_reason_get_param (reason))
        member_str (b, "param", elect_reason_get_param (reason));
      jw_close (b, '}');
    }
  jw_close (b, ']');

  jw_name (b, "ballot_defects");
  jw_open (b, '{');
  for (int k = 0; k < ELECT_N_DEFECTS; k++)
    if (self->defects[k])
      member_int (b, elect_defect_codes[k], self->defects[k]);
  jw_close (b, '}');
  jw_close (b, '}');
  w.buf[w.len] = '\0';
  return w.buf;
}

/* The counting options as digested by elect_audit_digest_election()
 * (audit.c): relations sorted, the earlier rounds. */
JsonNode *
elect_count_options_canonical_node (const ElectCountOptions *options)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  g_autoptr (GPtrArray) rel = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; options && i < options->relations->len; i++)
    {
      const Relation *r = &g_array_index (options->relations, Relation, i);
      int idx = __builtin_ctzll (r->bit);
      GString *t = g_string_new ("{\"a\":");
      elect_canon_append_string (t, r->a);
      g_string_append (t, ",\"b\":");
      elect_canon_append_string (t, r->b);
      g_string_append_printf (t, ",\"relation\":\"%s\"}", elect_relation_choices[idx]);
      g_ptr_array_add (rel, g_string_free (t, FALSE));
    }
  g_ptr_array_sort (rel, (GCompareFunc) elect_canon_cmp_strp);
  for (guint i = 0; i < rel->len; i++)
    {
      g_autoptr (JsonNode) n = elect_json_parse (g_ptr_array_index (rel, i),
                                                 strlen (g_ptr_array_index (rel, i)),
                                                 "relation", 4, NULL);
      json_builder_add_value (b, g_steal_pointer (&n));
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "earlier");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "elected");
  json_builder_add_int_value (b, options ? options->earlier_elected : 0);
  json_builder_set_member_name (b, "chair_elected");
  json_builder_add_boolean_value (b, options && options->earlier_chair);
  json_builder_set_member_name (b, "woman_elected");
  json_builder_add_boolean_value (b, options && options->earlier_woman);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
