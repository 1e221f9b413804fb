/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Candidates (RULES.md §7.1): the surplus rules of the profiles and the
 * nomination count. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "reason-private.h"
#include "rules-private.h"
#include "slate-private.h"

/* Rules the profile table does not carry a parameter for (they hold
 * wherever the nomination is by ballot; cited to the province that states
 * them). */
#define CITE_ZJ17 "浙江省村民委员会选举办法 第十七条"
#define CITE_ZJ18 "浙江省村民委员会选举办法 第十八条"
/* A voter nominates people (ZJ 17 ¶1 limits "所提名的候选人人数", the number
 * of people): a name written twice for one post is one nomination of one
 * person (RULES.md §1.7: names compared after normalisation). */
#define CITE_ZJ17_PEOPLE "浙江省村民委员会选举办法 第十七条第一款（按所提名的人数计，同一人只计一次）"

#define MAX_SEATS 99

/* ---------------------------------------------------------------- surplus */

static ElectParamId
post_param (ElectPostKind post)
{
  switch (post)
    {
    case ELECT_POST_KIND_CHAIR: return ELECT_P_CANDIDATES_SURPLUS_CHAIR;
    case ELECT_POST_KIND_VICE: return ELECT_P_CANDIDATES_SURPLUS_VICE;
    case ELECT_POST_KIND_MEMBER:
    case ELECT_POST_KIND_ALL:
    default: return ELECT_P_CANDIDATES_SURPLUS_MEMBER;
    }
}

/* The range and the parameter that decided it. */
static void
surplus_range (const ElectRules *rules, ElectPostKind post, gint64 seats, gint64 nominees,
               gint64 *min_c, gint64 *max_c, ElectParamId *decided, gboolean *equal)
{
  gint64 lo = 1, hi = -1;
  ElectParamId id = ELECT_P_CANDIDATES_SURPLUS;
  switch (elect_rules_p_int (rules, ELECT_P_CANDIDATES_SURPLUS))
    {
    case ELECT_SURPLUS_PER_POST:
      if (elect_rules_p_is_set (rules, post_param (post)))
        {
          id = post_param (post);
          elect_rules_p_range (rules, id, &lo, &hi);
        }
      break;
    case ELECT_SURPLUS_FRACTION:
      if (elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_SURPLUS_FRACTION))
        {
          id = ELECT_P_CANDIDATES_SURPLUS_FRACTION;
          ElectFraction f = elect_rules_p_fraction (rules, id);
          lo = elect_fraction_least (f, seats);
        }
      break;
    case ELECT_SURPLUS_MORE_THAN_SEATS:
    default:
      break;
    }
  *min_c = seats + lo;
  *max_c = hi < 0 ? -1 : seats + hi;
  *equal = FALSE;
  if (nominees == seats
      && elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_EQUAL_WHEN_NOMINEES_EQUAL_SEATS)
      && elect_rules_p_int (rules, ELECT_P_CANDIDATES_EQUAL_WHEN_NOMINEES_EQUAL_SEATS))
    {
      *min_c = seats;
      *equal = TRUE;
    }
  *decided = id;
}

static gboolean
check_seats (gint64 seats, GError **error)
{
  if (seats < 1 || seats > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("Seats must be between 1 and %lld, not %lld"),
                   (long long) ELECT_COUNT_MAX, (long long) seats);
      return FALSE;
    }
  return TRUE;
}

gboolean
elect_surplus_range (const ElectRules *rules, ElectPostKind post, gint64 seats, gint64 nominees,
                     gint64 *min_candidates, gint64 *max_candidates, GError **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_seats (seats, error))
    return FALSE;
  gint64 lo, hi;
  ElectParamId id;
  gboolean equal;
  surplus_range (rules, post, seats, nominees, &lo, &hi, &id, &equal);
  if (min_candidates)
    *min_candidates = lo;
  if (max_candidates)
    *max_candidates = hi;
  return TRUE;
}

ElectReason *
elect_surplus_check (const ElectRules *rules, ElectPostKind post, gint64 seats,
                     gint64 candidates, gint64 nominees, gboolean *ok, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (ok != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_seats (seats, error))
    return NULL;
  if (candidates < 0 || candidates > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("The number of candidates must be between 0 and %lld, not %lld"),
                   (long long) ELECT_COUNT_MAX, (long long) candidates);
      return NULL;
    }
  gint64 lo, hi;
  ElectParamId id;
  gboolean equal;
  surplus_range (rules, post, seats, nominees, &lo, &hi, &id, &equal);
  const char *cite = elect_rules_p_citation (rules, id);
  const char *key = elect_rules_p_key (id);
  if (equal && candidates == seats)
    {
      *ok = TRUE;
      /* Cited to the exception itself (BJr 13 ¶2, HAr 9), not to the
       * surplus range it sets aside. */
      const char *ecite = elect_rules_p_citation (rules, ELECT_P_CANDIDATES_EQUAL_WHEN_NOMINEES_EQUAL_SEATS);
      return elect_reason_new_printf ("equal-election-allowed", ecite && *ecite ? ecite : cite,
                                      elect_rules_p_key (ELECT_P_CANDIDATES_EQUAL_WHEN_NOMINEES_EQUAL_SEATS),
                                      N_("Candidates %lld, seats %lld: an equal election is allowed because exactly as many people were nominated"),
                                      (long long) candidates, (long long) seats);
    }
  if (candidates < lo)
    {
      *ok = FALSE;
      return elect_reason_new_printf ("surplus-too-few", cite, key,
                                      N_("Candidates %lld, seats %lld: at least %lld are required"),
                                      (long long) candidates, (long long) seats, (long long) lo);
    }
  if (hi >= 0 && candidates > hi)
    {
      *ok = FALSE;
      return elect_reason_new_printf ("surplus-too-many", cite, key,
                                      N_("Candidates %lld, seats %lld: at most %lld are allowed"),
                                      (long long) candidates, (long long) seats, (long long) hi);
    }
  *ok = TRUE;
  if (hi >= 0)
    return elect_reason_new_printf ("surplus-ok", cite, key,
                                    N_("Candidates %lld, seats %lld: within the allowed %lld–%lld"),
                                    (long long) candidates, (long long) seats, (long long) lo, (long long) hi);
  return elect_reason_new_printf ("surplus-ok", cite, key,
                                  N_("Candidates %lld, seats %lld: at least %lld are required, and there are enough"),
                                  (long long) candidates, (long long) seats, (long long) lo);
}

/* ------------------------------------------------------------- nomination */

typedef struct {
  char *name;
  gint64 votes;
  guint seq;                 /* order of first appearance */
  ElectNomineeStatus status;
} Nominee;

typedef struct {
  char *id;
  ElectPostKind kind;
  gint64 seats;
  gint64 wanted;             /* -1: the least allowed */
  gint64 min_c, max_c;       /* set by the count */
  GArray *nominees;          /* Nominee */
  GHashTable *index;         /* name -> index + 1 */
  GPtrArray *reasons;        /* ElectReason*: this post's decisions */
} Post;

struct _ElectNomination {
  gatomicrefcount rc;
  ElectRules *rules;
  GPtrArray *posts;          /* Post* */
  gboolean turnout_set;
  gint64 voters, participants;
  gint64 ballots;
  gint64 overvotes, two_posts, duplicates;
  guint seq;
  GHashTable *excluded;      /* name -> ElectReason* or NULL */
  GPtrArray *excluded_order; /* names, in order of exclusion */
};

struct _ElectSlate {
  gatomicrefcount rc;
  gboolean valid;
  GPtrArray *posts;          /* Post* (owned) */
  GPtrArray *reasons;        /* ElectReason* */
};

static void
post_free (gpointer p)
{
  Post *post = p;
  if (!post)
    return;
  g_free (post->id);
  for (guint i = 0; i < post->nominees->len; i++)
    g_free (g_array_index (post->nominees, Nominee, i).name);
  g_array_unref (post->nominees);
  g_hash_table_unref (post->index);
  g_ptr_array_unref (post->reasons);
  g_free (post);
}

static Post *
post_new (const char *id, ElectPostKind kind, gint64 seats)
{
  Post *post = g_new0 (Post, 1);
  post->id = g_strdup (id);
  post->kind = kind;
  post->seats = seats;
  post->wanted = -1;
  post->nominees = g_array_new (FALSE, FALSE, sizeof (Nominee));
  post->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  post->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  return post;
}

ElectNomination *
elect_nomination_new (ElectRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  ElectNomination *self = g_new0 (ElectNomination, 1);
  g_atomic_ref_count_init (&self->rc);
  self->rules = elect_rules_ref (rules);
  self->posts = g_ptr_array_new_with_free_func (post_free);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) elect_reason_unref);
  self->excluded_order = g_ptr_array_new_with_free_func (g_free);
  return self;
}

ElectNomination *
elect_nomination_ref (ElectNomination *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_nomination_unref (ElectNomination *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  elect_rules_unref (self->rules);
  g_ptr_array_unref (self->posts);
  g_hash_table_unref (self->excluded);
  g_ptr_array_unref (self->excluded_order);
  g_free (self);
}

static Post *
find_post (GPtrArray *posts, const char *id, guint *index)
{
  for (guint i = 0; i < posts->len; i++)
    {
      Post *p = posts->pdata[i];
      if (strcmp (p->id, id) == 0)
        {
          if (index)
            *index = i;
          return p;
        }
    }
  return NULL;
}

gboolean
elect_nomination_add_post (ElectNomination *self, const char *id, ElectPostKind kind,
                           gint64 seats, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (self->ballots > 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Post “%s” added after the first nomination ballot"), id);
      return FALSE;
    }
  if (*id == '\0' || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A post id must be a non-empty UTF-8 string"));
      return FALSE;
    }
  if ((guint) kind > ELECT_POST_KIND_ALL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("Post “%s”: unknown kind"), id);
      return FALSE;
    }
  if (find_post (self->posts, id, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("Post “%s” is defined twice"), id);
      return FALSE;
    }
  if (seats < 1 || seats > MAX_SEATS)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Post “%s”: seats must be between 1 and %d, not %lld"),
                   id, MAX_SEATS, (long long) seats);
      return FALSE;
    }
  g_ptr_array_add (self->posts, post_new (id, kind, seats));
  return TRUE;
}

gboolean
elect_nomination_set_candidates (ElectNomination *self, const char *id, gint64 candidates,
                                 GError **error)
{
  g_return_val_if_fail (self != NULL && id != NULL, FALSE);
  Post *p = find_post (self->posts, id, NULL);
  if (!p)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND, _("No post “%s”"), id);
      return FALSE;
    }
  if (candidates < 1 || candidates > 10 * MAX_SEATS)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("Post “%s”: the number of candidates asked for (%lld) is out of range"), id, (long long) candidates);
      return FALSE;
    }
  p->wanted = candidates;
  return TRUE;
}

gboolean
elect_nomination_set_turnout (ElectNomination *self, gint64 voters, gint64 participants,
                              GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (voters < 0 || voters > ELECT_COUNT_MAX || participants < 0 || participants > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("Voter counts must be between 0 and %lld"), (long long) ELECT_COUNT_MAX);
      return FALSE;
    }
  if (participants > voters)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%lld voters took part in the nomination but only %lld are registered"), (long long) participants, (long long) voters);
      return FALSE;
    }
  self->turnout_set = TRUE;
  self->voters = voters;
  self->participants = participants;
  return TRUE;
}

gboolean
elect_nomination_add_ballot (ElectNomination *self, const char *const *post_ids,
                             const char *const *names, gsize n_marks, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (n_marks == 0 || (post_ids != NULL && names != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (self->ballots >= ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("Too many nomination ballots"));
      return FALSE;
    }
  guint n_posts = self->posts->len;
  if (n_marks > (gsize) n_posts * MAX_SEATS * 4 + 64)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("A nomination ballot names %llu people: too many"), (unsigned long long) n_marks);
      return FALSE;
    }
  /* Validate everything first: a ballot is added whole or not at all. */
  g_autoptr (GPtrArray) norm = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *where = g_new (guint, MAX (n_marks, 1));
  for (gsize i = 0; i < n_marks; i++)
    {
      if (!post_ids[i] || !find_post (self->posts, post_ids[i], &where[i]))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND, _("No post “%s”"),
                       post_ids[i] && g_utf8_validate (post_ids[i], -1, NULL) ? post_ids[i] : "?");
          return FALSE;
        }
      char *n = names[i] ? elect_name_normalize (names[i], -1) : NULL;
      if (!n || !*n)
        {
          g_free (n);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("A nominated name is empty or not valid UTF-8"));
          return FALSE;
        }
      g_ptr_array_add (norm, n);
    }
  self->ballots++;

  /* Per post: distinct names (a repeated name counts once). */
  g_autoptr (GPtrArray) per_post = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < n_posts; p++)
    g_ptr_array_add (per_post, g_ptr_array_new ());
  g_autoptr (GHashTable) posts_of = g_hash_table_new (g_str_hash, g_str_equal);  /* name -> n posts */
  for (gsize i = 0; i < n_marks; i++)
    {
      GPtrArray *list = per_post->pdata[where[i]];
      const char *n = norm->pdata[i];
      gboolean dup = FALSE;
      for (guint k = 0; k < list->len; k++)
        if (strcmp (list->pdata[k], n) == 0)
          dup = TRUE;
      if (dup)
        {
          self->duplicates++;
          continue;
        }
      g_ptr_array_add (list, (gpointer) n);
      g_hash_table_insert (posts_of, (gpointer) n,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (posts_of, n)) + 1));
    }
  /* ZJ 17: the same person for two posts on one ballot: those nominations
   * are void. */
  GHashTableIter it;
  gpointer key, val;
  g_hash_table_iter_init (&it, posts_of);
  while (g_hash_table_iter_next (&it, &key, &val))
    if (GPOINTER_TO_UINT (val) > 1)
      self->two_posts++;
  gboolean limit = elect_rules_p_int (self->rules, ELECT_P_CANDIDATES_NOMINATION_LIMIT_SEATS) != 0;
  for (guint p = 0; p < n_posts; p++)
    {
      Post *post = self->posts->pdata[p];
      GPtrArray *list = per_post->pdata[p];
      if (limit && (gint64) list->len > post->seats)
        {
          self->overvotes++;
          continue;
        }
      for (guint k = 0; k < list->len; k++)
        {
          const char *n = list->pdata[k];
          if (GPOINTER_TO_UINT (g_hash_table_lookup (posts_of, n)) > 1)
            continue;
          guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (post->index, n));
          if (idx == 0)
            {
              Nominee nom = { g_strdup (n), 0, self->seq++, ELECT_NOMINEE_NOT_SELECTED };
              g_array_append_val (post->nominees, nom);
              idx = post->nominees->len;
              g_hash_table_insert (post->index, g_strdup (n), GUINT_TO_POINTER (idx));
            }
          g_array_index (post->nominees, Nominee, idx - 1).votes++;
        }
    }
  return TRUE;
}

void
elect_nomination_exclude (ElectNomination *self, const char *name, ElectReason *why)
{
  g_return_if_fail (self != NULL && name != NULL);
  char *n = elect_name_normalize (name, -1);
  if (!n)
    return;
  if (!g_hash_table_contains (self->excluded, n))
    g_ptr_array_add (self->excluded_order, g_strdup (n));
  g_hash_table_replace (self->excluded, n, why ? elect_reason_ref (why) : NULL);
}

static int
nominee_cmp (gconstpointer pa, gconstpointer pb)
{
  const Nominee *a = pa, *b = pb;
  if (a->votes != b->votes)
    return a->votes > b->votes ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq ? 1 : 0;
}

static Post *
post_copy (const Post *src)
{
  Post *p = post_new (src->id, src->kind, src->seats);
  p->wanted = src->wanted;
  for (guint i = 0; i < src->nominees->len; i++)
    {
      Nominee n = g_array_index (src->nominees, Nominee, i);
      n.name = g_strdup (n.name);
      g_array_append_val (p->nominees, n);
    }
  return p;
}

static char *
join_names (GPtrArray *names)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      if (i)
        g_string_append (s, "、");
      g_string_append (s, names->pdata[i]);
    }
  return g_string_free (s, FALSE);
}

ElectSlate *
elect_nomination_count (ElectNomination *self, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const ElectRules *rules = self->rules;
  if (self->posts->len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("The nomination has no post"));
      return NULL;
    }
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  gboolean valid = TRUE;

  /* The meeting's quorum (ZJ 18, BJ 16, HA 24). */
  if (elect_rules_p_is_set (rules, ELECT_P_CANDIDATES_NOMINATION_QUORUM))
    {
      const char *cite = elect_rules_p_citation (rules, ELECT_P_CANDIDATES_NOMINATION_QUORUM);
      const char *key = elect_rules_p_key (ELECT_P_CANDIDATES_NOMINATION_QUORUM);
      if (!self->turnout_set)
        g_ptr_array_add (reasons, elect_reason_new_printf (
          "nomination-quorum-not-checked", cite, key,
          N_("The number of voters who took part in the nomination was not given: its quorum was not checked")));
      else
        {
          ElectFraction f = elect_rules_p_fraction (rules, ELECT_P_CANDIDATES_NOMINATION_QUORUM);
          gint64 least = elect_fraction_least (f, self->voters);
          if (elect_fraction_holds (f, self->participants, self->voters))
            g_ptr_array_add (reasons, elect_reason_new_printf (
              "nomination-quorum-met", cite, key,
              N_("%lld of %lld voters took part in the nomination (%lld needed): the nomination is valid"),
              (long long) self->participants, (long long) self->voters, (long long) least));
          else
            {
              valid = FALSE;
              g_ptr_array_add (reasons, elect_reason_new_printf (
                "nomination-quorum-not-met", cite, key,
                N_("%lld of %lld voters took part in the nomination (%lld needed): the nomination is not valid"),
                (long long) self->participants, (long long) self->voters, (long long) least));
            }
        }
    }
  if (self->overvotes)
    g_ptr_array_add (reasons, elect_reason_new_printf (
      "nomination-too-many-names",
      elect_rules_p_citation (rules, ELECT_P_CANDIDATES_NOMINATION_LIMIT_SEATS),
      elect_rules_p_key (ELECT_P_CANDIDATES_NOMINATION_LIMIT_SEATS),
      N_("Cases where a ballot named more people for a post than its seats: %lld (those nominations are void)"),
      (long long) self->overvotes));
  if (self->two_posts)
    g_ptr_array_add (reasons, elect_reason_new_printf (
      "nomination-two-posts-void", CITE_ZJ17, NULL,
      N_("Cases where a ballot named the same person for two posts: %lld (those nominations are void)"),
      (long long) self->two_posts));
  if (self->duplicates)
    g_ptr_array_add (reasons, elect_reason_new_printf (
      "nomination-duplicate-name", CITE_ZJ17_PEOPLE, NULL,
      N_("Cases where a ballot named the same person twice for one post: %lld (counted once)"),
      (long long) self->duplicates));

  for (guint i = 0; i < self->excluded_order->len; i++)
    {
      ElectReason *why = g_hash_table_lookup (self->excluded, self->excluded_order->pdata[i]);
      if (why)
        g_ptr_array_add (reasons, elect_reason_ref (why));
    }

  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func (post_free);
  for (guint p = 0; p < self->posts->len; p++)
    {
      Post *post = post_copy (self->posts->pdata[p]);
      g_ptr_array_add (posts, post);
      g_array_sort (post->nominees, nominee_cmp);
      g_autoptr (GArray) eligible = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < post->nominees->len; i++)
        {
          Nominee *n = &g_array_index (post->nominees, Nominee, i);
          if (g_hash_table_contains (self->excluded, n->name))
            n->status = ELECT_NOMINEE_EXCLUDED;
          else
            g_array_append_val (eligible, i);
        }
      gint64 n_elig = eligible->len;
      gint64 lo, hi;
      ElectParamId id;
      gboolean equal;
      surplus_range (rules, post->kind, post->seats, n_elig, &lo, &hi, &id, &equal);
      post->min_c = lo;
      post->max_c = hi;
      gint64 wanted = post->wanted >= 0 ? post->wanted : lo;
      if (wanted < lo || (hi >= 0 && wanted > hi))
        {
          if (hi < 0)
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                         _("Post “%s”: candidates asked for: %lld, but the profile requires at least %lld (seats: %lld)"),
                         post->id, (long long) wanted, (long long) lo, (long long) post->seats);
          else
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                         _("Post “%s”: candidates asked for: %lld, but the profile allows %lld–%lld (seats: %lld)"),
                         post->id, (long long) wanted, (long long) lo, (long long) hi, (long long) post->seats);
          return NULL;
        }
      post->wanted = wanted;
      if (!valid)
        continue;
      gint64 official = 0;
      if (n_elig <= wanted)
        {
          for (guint k = 0; k < eligible->len; k++)
            g_array_index (post->nominees, Nominee, g_array_index (eligible, guint, k)).status = ELECT_NOMINEE_OFFICIAL;
          official = n_elig;
        }
      else
        {
          Nominee *at = &g_array_index (post->nominees, Nominee, g_array_index (eligible, guint, wanted - 1));
          Nominee *next = &g_array_index (post->nominees, Nominee, g_array_index (eligible, guint, wanted));
          gint64 cut = at->votes;
          gboolean tie = next->votes == cut;
          g_autoptr (GPtrArray) tied = g_ptr_array_new ();
          for (guint k = 0; k < eligible->len; k++)
            {
              Nominee *n = &g_array_index (post->nominees, Nominee, g_array_index (eligible, guint, k));
              if (n->votes > cut || (!tie && (gint64) k < wanted))
                {
                  n->status = ELECT_NOMINEE_OFFICIAL;
                  official++;
                }
              else if (tie && n->votes == cut)
                {
                  n->status = ELECT_NOMINEE_PRIMARY;
                  g_ptr_array_add (tied, n->name);
                }
            }
          if (tie)
            {
              g_autofree char *names = join_names (tied);
              g_ptr_array_add (post->reasons, elect_reason_new_printf (
                "primary-required", CITE_ZJ18, NULL,
                N_("Post %s: %s are tied at the cut-off (nominations each: %lld): a primary vote (预选) among them fills the places left (%lld)"),
                post->id, names, (long long) cut, (long long) (wanted - official)));
            }
        }
        {
          gboolean ok;
          gboolean tied_here = FALSE;
          for (guint i = 0; i < post->nominees->len; i++)
            if (g_array_index (post->nominees, Nominee, i).status == ELECT_NOMINEE_PRIMARY)
              tied_here = TRUE;
          if (!tied_here)
            {
              ElectReason *r = elect_surplus_check (rules, post->kind, post->seats, official, n_elig, &ok, NULL);
              if (r)
                g_ptr_array_add (post->reasons, r);
            }
        }
    }

  for (guint p = 0; p < posts->len; p++)
    {
      Post *post = posts->pdata[p];
      for (guint i = 0; i < post->reasons->len; i++)
        g_ptr_array_add (reasons, elect_reason_ref (post->reasons->pdata[i]));
    }

  /* ZJ 18 ¶2 (同一选民被同时提名为两项以上职务的候选人的，本人应当以书面形式
   * 确认作为其中一项职务的候选人): anyone validly nominated for two or more
   * posts (by different ballots: on one ballot those nominations are void,
   * ZJ 17 ¶2) must choose one, whatever their place in each count; people
   * excluded before the count (barred, withdrew) are not asked. */
  {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
    g_autoptr (GPtrArray) order = g_ptr_array_new ();
    for (guint p = 0; p < posts->len; p++)
      {
        Post *post = posts->pdata[p];
        for (guint i = 0; i < post->nominees->len; i++)
          {
            Nominee *n = &g_array_index (post->nominees, Nominee, i);
            if (n->status == ELECT_NOMINEE_EXCLUDED || n->votes < 1)
              continue;
            GPtrArray *list = g_hash_table_lookup (seen, n->name);
            if (!list)
              {
                list = g_ptr_array_new ();
                g_hash_table_insert (seen, n->name, list);
                g_ptr_array_add (order, n->name);
              }
            g_ptr_array_add (list, post->id);
          }
      }
    for (guint i = 0; i < order->len; i++)
      {
        GPtrArray *list = g_hash_table_lookup (seen, order->pdata[i]);
        if (list->len < 2)
          continue;
        g_autofree char *where = join_names (list);
        g_ptr_array_add (reasons, elect_reason_new_printf (
          "must-choose-one-post", CITE_ZJ18, NULL,
          N_("%s is nominated for several posts (%s) and must confirm in writing which one to stand for"),
          (const char *) order->pdata[i], where));
      }
  }

  ElectSlate *slate = g_new0 (ElectSlate, 1);
  g_atomic_ref_count_init (&slate->rc);
  slate->valid = valid;
  slate->posts = g_steal_pointer (&posts);
  slate->reasons = g_steal_pointer (&reasons);
  return slate;
}

ElectSlate *
elect_slate_ref (ElectSlate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_slate_unref (ElectSlate *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  g_ptr_array_unref (self->posts);
  g_ptr_array_unref (self->reasons);
  g_free (self);
}

gboolean
elect_slate_is_valid (const ElectSlate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->valid;
}

guint
elect_slate_get_n_posts (const ElectSlate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->posts->len;
}

static const Post *
slate_post (const ElectSlate *self, guint post)
{
  g_return_val_if_fail (self != NULL && post < self->posts->len, NULL);
  return self->posts->pdata[post];
}

const char *
elect_slate_get_post_id (const ElectSlate *self, guint post)
{
  const Post *p = slate_post (self, post);
  return p ? p->id : NULL;
}

guint
elect_slate_get_n_nominees (const ElectSlate *self, guint post)
{
  const Post *p = slate_post (self, post);
  return p ? p->nominees->len : 0;
}

static const Nominee *
slate_nominee (const ElectSlate *self, guint post, guint i)
{
  const Post *p = slate_post (self, post);
  g_return_val_if_fail (p != NULL && i < p->nominees->len, NULL);
  return &g_array_index (p->nominees, Nominee, i);
}

const char *
elect_slate_get_nominee_name (const ElectSlate *self, guint post, guint i)
{
  const Nominee *n = slate_nominee (self, post, i);
  return n ? n->name : NULL;
}

gint64
elect_slate_get_nominee_votes (const ElectSlate *self, guint post, guint i)
{
  const Nominee *n = slate_nominee (self, post, i);
  return n ? n->votes : 0;
}

ElectNomineeStatus
elect_slate_get_nominee_status (const ElectSlate *self, guint post, guint i)
{
  const Nominee *n = slate_nominee (self, post, i);
  return n ? n->status : ELECT_NOMINEE_NOT_SELECTED;
}

char **
elect_slate_get_official (const ElectSlate *self, guint post, ElectCollation collation,
                          GError **error)
{
  const Post *p = slate_post (self, post);
  g_return_val_if_fail (p != NULL, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->nominees->len; i++)
    {
      const Nominee *n = &g_array_index (p->nominees, Nominee, i);
      if (n->status == ELECT_NOMINEE_OFFICIAL)
        g_ptr_array_add (names, g_strdup (n->name));
    }
  g_ptr_array_add (names, NULL);
  char **strv = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  if (!elect_collate_sort (strv, collation, error))
    {
      g_strfreev (strv);
      return NULL;
    }
  return strv;
}

guint
elect_slate_get_n_reasons (const ElectSlate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->reasons->len;
}

ElectReason *
elect_slate_get_reason (const ElectSlate *self, guint i)
{
  g_return_val_if_fail (self != NULL && i < self->reasons->len, NULL);
  return self->reasons->pdata[i];
}

gboolean
elect_slate_has_reason (const ElectSlate *self, const char *code)
{
  g_return_val_if_fail (self != NULL && code != NULL, FALSE);
  for (guint i = 0; i < self->reasons->len; i++)
    if (strcmp (elect_reason_get_code (self->reasons->pdata[i]), code) == 0)
      return TRUE;
  return FALSE;
}

void
elect_slate_json_reason (JsonBuilder *b, const ElectReason *r, const char *lang)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, elect_reason_get_code (r));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, elect_reason_get_message (r, lang));
  json_builder_set_member_name (b, "citation");
  json_builder_add_string_value (b, elect_reason_get_citation (r));
  if (elect_reason_get_param (r))
    {
      json_builder_set_member_name (b, "param");
      json_builder_add_string_value (b, elect_reason_get_param (r));
    }
  json_builder_end_object (b);
}

void
elect_slate_build_json (const ElectSlate *self, JsonBuilder *b, ElectCollation collation,
                        const char *lang)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, self->valid);
  json_builder_set_member_name (b, "posts");
  json_builder_begin_array (b);
  for (guint p = 0; p < self->posts->len; p++)
    {
      const Post *post = self->posts->pdata[p];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, post->id);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, elect_post_kind_to_string (post->kind));
      json_builder_set_member_name (b, "seats");
      json_builder_add_int_value (b, post->seats);
      json_builder_set_member_name (b, "candidates_min");
      json_builder_add_int_value (b, post->min_c);
      json_builder_set_member_name (b, "candidates_max");
      if (post->max_c < 0)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, post->max_c);
      json_builder_set_member_name (b, "official");
      json_builder_begin_array (b);
      g_auto (GStrv) official = elect_slate_get_official (self, p, collation, NULL);
      for (guint i = 0; official && official[i]; i++)
        json_builder_add_string_value (b, official[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "nominees");
      json_builder_begin_array (b);
      for (guint i = 0; i < post->nominees->len; i++)
        {
          const Nominee *n = &g_array_index (post->nominees, Nominee, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, n->name);
          json_builder_set_member_name (b, "votes");
          json_builder_add_int_value (b, n->votes);
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, elect_nominee_status_to_string (n->status));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "reasons");
      json_builder_begin_array (b);
      for (guint i = 0; i < post->reasons->len; i++)
        elect_slate_json_reason (b, post->reasons->pdata[i], lang);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "reasons");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->reasons->len; i++)
    elect_slate_json_reason (b, self->reasons->pdata[i], lang);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
elect_slate_to_json (const ElectSlate *self, ElectCollation collation, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  elect_slate_build_json (self, b, collation, lang);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}
