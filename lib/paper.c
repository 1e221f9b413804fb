/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Ballot papers: contests (posts) in rank order, seats, candidates. */
#include "config.h"
#include "ballot-private.h"
#include "rules-private.h"
#include "i18n-private.h"

#include <string.h>

guint
elect_paper_max_contests (void)
{
  return ELECT_MAX_CONTESTS;
}

guint
elect_paper_max_candidates (void)
{
  return ELECT_MAX_CANDIDATES;
}

const char *
elect_name_norm_fast (const char *name, gssize length, char *buf, char **heap)
{
  gsize len = length < 0 ? strlen (name) : (gsize) length;
  const guchar *s = (const guchar *) name;
  gboolean plain = len > 0 && len < ELECT_NAME_BUF && s[0] != ' ' && s[len - 1] != ' ';

  *heap = NULL;
  for (gsize i = 0; plain && i < len;)
    {
      guchar c = s[i];
      if (c >= 0x21 && c < 0x7f)
        i++;
      else if (c == ' ')
        i++;
      else if (c >= 0xE4 && c <= 0xE9 && i + 2 < len
               && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
        i += 3;      /* U+4E00..U+9FFF: CJK unified ideographs, NFC-stable */
      else
        plain = FALSE;
    }
  if (plain)
    {
      memcpy (buf, name, len);
      buf[len] = '\0';
      return buf;
    }
  if (len > 0 && !g_utf8_validate_len (name, len, NULL))
    return NULL;
  *heap = elect_name_normalize (name, (gssize) len);
  return *heap;
}

static void
candidate_free (gpointer p)
{
  ElectCandidate *c = p;
  g_free (c->name);
  g_free (c->norm);
  g_free (c->birth_date);
  g_free (c->ethnicity);
  g_free (c);
}

static void
contest_free (gpointer p)
{
  ElectContest *c = p;
  g_free (c->id);
  g_free (c->title);
  g_ptr_array_unref (c->candidates);
  g_hash_table_unref (c->by_norm);
  g_free (c);
}

ElectPaper *
elect_paper_new (gboolean party_marks)
{
  ElectPaper *p = g_new0 (ElectPaper, 1);
  g_atomic_ref_count_init (&p->ref);
  p->party = party_marks;
  p->contests = g_ptr_array_new_with_free_func (contest_free);
  p->person_by_norm = g_hash_table_new (g_str_hash, g_str_equal);
  p->person_norm = g_ptr_array_new ();
  p->person_sex = g_array_new (FALSE, TRUE, sizeof (ElectSex));
  p->person_n_contests = g_array_new (FALSE, TRUE, sizeof (guint));
  p->multi = g_array_new (FALSE, TRUE, sizeof (ElectListing));
  return p;
}

ElectPaper *
elect_paper_ref (ElectPaper *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_paper_unref (ElectPaper *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_hash_table_unref (self->person_by_norm);
  g_ptr_array_unref (self->person_norm);
  g_array_unref (self->person_sex);
  g_array_unref (self->person_n_contests);
  g_array_unref (self->multi);
  g_ptr_array_unref (self->contests);
  g_free (self);
}

int
elect_paper_add_contest (ElectPaper *self, const char *id, const char *title,
                         gint64 seats, GError **error)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  if (self->frozen)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The ballot paper can no longer change: a tally was made from it"));
      return -1;
    }
  if (!*id || !g_utf8_validate (id, -1, NULL)
      || (title && !g_utf8_validate (title, -1, NULL)))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A contest needs a non-empty UTF-8 identifier and title"));
      return -1;
    }
  if (elect_paper_find_contest (self, id, -1) >= 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s” appears twice on the ballot paper"), id);
      return -1;
    }
  if (seats < 1)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s”: %lld seats; expected at least 1"),
                   id, (long long) seats);
      return -1;
    }
  if (seats > ELECT_COUNT_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("Contest “%s”: %lld seats is above the limit"),
                   id, (long long) seats);
      return -1;
    }
  if (self->contests->len >= ELECT_MAX_CONTESTS)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("A ballot paper has at most %u contests"), ELECT_MAX_CONTESTS);
      return -1;
    }
  ElectContest *c = g_new0 (ElectContest, 1);
  c->id = g_strdup (id);
  c->title = g_strdup (title ? title : id);
  c->seats = seats;
  c->candidates = g_ptr_array_new_with_free_func (candidate_free);
  c->by_norm = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (self->contests, c);
  return (int) self->contests->len - 1;
}

void
elect_paper_set_women_only (ElectPaper *self, guint contest, gboolean women_only)
{
  g_return_if_fail (self != NULL && !self->frozen);
  g_return_if_fail (contest < self->contests->len);
  elect_paper_contest (self, contest)->women_only = women_only;
}

int
elect_paper_add_candidate (ElectPaper *self, guint contest, const char *name,
                           ElectSex sex, GError **error)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (contest < self->contests->len, -1);
  g_return_val_if_fail (name != NULL, -1);
  g_return_val_if_fail (sex >= ELECT_SEX_UNKNOWN && sex <= ELECT_SEX_FEMALE, -1);

  ElectContest *c = elect_paper_contest (self, contest);
  if (self->frozen)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("The ballot paper can no longer change: a tally was made from it"));
      return -1;
    }
  /* elect_name_normalize(), without its two NFC passes for a plain name */
  char buf[ELECT_NAME_BUF];
  char *heap = NULL;
  const char *fast = elect_name_norm_fast (name, -1, buf, &heap);
  g_autofree char *norm = heap ? heap : g_strdup (fast);
  if (norm == NULL || !*norm)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s”: a candidate's name is blank or not valid UTF-8"),
                   c->id);
      return -1;
    }
  if (g_hash_table_contains (c->by_norm, norm))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s”: candidate “%s” is listed twice"), c->id, name);
      return -1;
    }
  if (c->women_only && sex == ELECT_SEX_MALE)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Contest “%s” is the women's post: candidate “%s” is not a woman"),
                   c->id, name);
      return -1;
    }
  if (c->candidates->len >= ELECT_MAX_CANDIDATES)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("Contest “%s”: more than %u candidates"), c->id,
                   ELECT_MAX_CANDIDATES);
      return -1;
    }

  ElectCandidate *cand = g_new0 (ElectCandidate, 1);
  cand->name = g_strdup (name);
  cand->norm = g_steal_pointer (&norm);
  cand->sex = sex;
  g_ptr_array_add (c->candidates, cand);
  g_hash_table_insert (c->by_norm, cand->norm, GUINT_TO_POINTER (c->candidates->len));

  gpointer v = g_hash_table_lookup (self->person_by_norm, cand->norm);
  if (v == NULL)
    {
      cand->person = self->person_norm->len;
      g_ptr_array_add (self->person_norm, cand->norm);
      g_hash_table_insert (self->person_by_norm, cand->norm,
                           GUINT_TO_POINTER (cand->person + 1));
      g_array_append_val (self->person_sex, sex);
      guint one = 0;
      g_array_append_val (self->person_n_contests, one);
    }
  else
    {
      cand->person = GPOINTER_TO_UINT (v) - 1;
      ElectSex *ps = &g_array_index (self->person_sex, ElectSex, cand->person);
      if (*ps == ELECT_SEX_UNKNOWN)
        *ps = sex;
    }
  g_array_index (self->person_n_contests, guint, cand->person)++;
  return (int) c->candidates->len - 1;
}

void
elect_paper_set_candidate_info (ElectPaper *self, guint contest, guint candidate,
                                const char *birth_date, const char *ethnicity)
{
  g_return_if_fail (self != NULL && !self->frozen);
  g_return_if_fail (contest < self->contests->len);
  ElectContest *c = elect_paper_contest (self, contest);
  g_return_if_fail (candidate < c->candidates->len);
  ElectCandidate *cand = g_ptr_array_index (c->candidates, candidate);
  g_free (cand->birth_date);
  g_free (cand->ethnicity);
  cand->birth_date = g_strdup (birth_date);
  cand->ethnicity = g_strdup (ethnicity);
}

void
elect_paper_freeze (ElectPaper *self)
{
  if (self->frozen)
    return;
  self->frozen = TRUE;
  guint off = 0;
  for (guint i = 0; i < self->contests->len; i++)
    {
      ElectContest *c = elect_paper_contest (self, i);
      c->word_off = off;
      c->n_words = MAX (1, (c->candidates->len + 63) / 64);
      off += c->n_words;
      for (guint k = 0; k < c->candidates->len; k++)
        {
          ElectCandidate *cand = g_ptr_array_index (c->candidates, k);
          if (g_array_index (self->person_n_contests, guint, cand->person) > 1)
            {
              ElectListing l = { cand->person, i, k };
              g_array_append_val (self->multi, l);
            }
        }
    }
  self->total_words = off;
}

gboolean
elect_paper_has_party_marks (const ElectPaper *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->party;
}

gboolean
elect_paper_is_frozen (const ElectPaper *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->frozen;
}

guint
elect_paper_get_n_contests (const ElectPaper *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->contests->len;
}

int
elect_paper_find_contest (const ElectPaper *self, const char *id, gssize length)
{
  g_return_val_if_fail (self != NULL && id != NULL, -1);
  gsize len = length < 0 ? strlen (id) : (gsize) length;
  for (guint i = 0; i < self->contests->len; i++)
    {
      const char *cid = elect_paper_contest (self, i)->id;
      if (strlen (cid) == len && memcmp (cid, id, len) == 0)
        return (int) i;
    }
  return -1;
}

#define CONTEST_OR(self, contest, val) \
  g_return_val_if_fail (self != NULL, val); \
  g_return_val_if_fail (contest < self->contests->len, val); \
  const ElectContest *c = elect_paper_contest (self, contest)

#define CANDIDATE_OR(self, contest, candidate, val) \
  CONTEST_OR (self, contest, val); \
  g_return_val_if_fail (candidate < c->candidates->len, val); \
  const ElectCandidate *cand = g_ptr_array_index (c->candidates, candidate)

const char *
elect_paper_get_contest_id (const ElectPaper *self, guint contest)
{
  CONTEST_OR (self, contest, NULL);
  return c->id;
}

const char *
elect_paper_get_contest_title (const ElectPaper *self, guint contest)
{
  CONTEST_OR (self, contest, NULL);
  return c->title;
}

gint64
elect_paper_get_seats (const ElectPaper *self, guint contest)
{
  CONTEST_OR (self, contest, 0);
  return c->seats;
}

gboolean
elect_paper_is_women_only (const ElectPaper *self, guint contest)
{
  CONTEST_OR (self, contest, FALSE);
  return c->women_only;
}

guint
elect_paper_get_n_candidates (const ElectPaper *self, guint contest)
{
  CONTEST_OR (self, contest, 0);
  return c->candidates->len;
}

const char *
elect_paper_get_candidate_name (const ElectPaper *self, guint contest, guint candidate)
{
  CANDIDATE_OR (self, contest, candidate, NULL);
  return cand->name;
}

ElectSex
elect_paper_get_candidate_sex (const ElectPaper *self, guint contest, guint candidate)
{
  CANDIDATE_OR (self, contest, candidate, ELECT_SEX_UNKNOWN);
  return cand->sex;
}

const char *
elect_paper_get_candidate_birth_date (const ElectPaper *self, guint contest,
                                      guint candidate)
{
  CANDIDATE_OR (self, contest, candidate, NULL);
  return cand->birth_date;
}

const char *
elect_paper_get_candidate_ethnicity (const ElectPaper *self, guint contest,
                                     guint candidate)
{
  CANDIDATE_OR (self, contest, candidate, NULL);
  return cand->ethnicity;
}

int
elect_paper_find_candidate (const ElectPaper *self, guint contest,
                            const char *name, gssize length)
{
  CONTEST_OR (self, contest, -1);
  g_return_val_if_fail (name != NULL, -1);
  char buf[ELECT_NAME_BUF];
  g_autofree char *heap = NULL;
  const char *norm = elect_name_norm_fast (name, length, buf, &heap);
  if (norm == NULL)
    return -1;
  gpointer v = g_hash_table_lookup (c->by_norm, norm);
  return v ? (int) GPOINTER_TO_UINT (v) - 1 : -1;
}
