/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* One paper ballot: a reusable scratch object, no voter identity. */
#include "config.h"
#include "ballot-private.h"

#include <string.h>

ElectBallot *
elect_ballot_new (ElectPaper *paper)
{
  g_return_val_if_fail (paper != NULL, NULL);
  g_return_val_if_fail (paper->contests->len > 0, NULL);
  elect_paper_freeze (paper);
  ElectBallot *b = g_new0 (ElectBallot, 1);
  b->paper = elect_paper_ref (paper);
  guint w = paper->total_words;
  b->marks = g_new0 (guint64, w);
  b->against = g_new0 (guint64, w);
  b->abstain = g_new0 (guint64, w);
  b->contra = g_new0 (guint64, w);
  b->dups = g_new0 (guint32, paper->contests->len);
  b->write_ins = g_array_sized_new (FALSE, FALSE, sizeof (ElectWriteIn), 8);
  b->names = g_string_sized_new (256);
  return b;
}

void
elect_ballot_free (ElectBallot *self)
{
  if (self == NULL)
    return;
  g_free (self->marks);
  g_free (self->against);
  g_free (self->abstain);
  g_free (self->contra);
  g_free (self->dups);
  g_array_unref (self->write_ins);
  g_string_free (self->names, TRUE);
  elect_paper_unref (self->paper);
  g_free (self);
}

void
elect_ballot_reset (ElectBallot *self)
{
  g_return_if_fail (self != NULL);
  guint64 d = self->dirty;
  while (d)
    {
      guint c = (guint) __builtin_ctzll (d);
      d &= d - 1;
      const ElectContest *ct = elect_paper_contest (self->paper, c);
      memset (self->marks + ct->word_off, 0, ct->n_words * sizeof (guint64));
      if (self->any_party)
        {
          memset (self->against + ct->word_off, 0, ct->n_words * sizeof (guint64));
          memset (self->abstain + ct->word_off, 0, ct->n_words * sizeof (guint64));
          memset (self->contra + ct->word_off, 0, ct->n_words * sizeof (guint64));
        }
      self->dups[c] = 0;
    }
  self->dirty = 0;
  self->any_party = FALSE;
  self->unreadable = FALSE;
  g_array_set_size (self->write_ins, 0);
  g_string_truncate (self->names, 0);
}

ElectPaper *
elect_ballot_get_paper (const ElectBallot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->paper;
}

#define CHECK_LINE(self, contest, candidate) \
  g_return_if_fail (self != NULL); \
  g_return_if_fail (contest < self->paper->contests->len); \
  const ElectContest *ct = elect_paper_contest (self->paper, contest); \
  g_return_if_fail (candidate < ct->candidates->len); \
  guint w_ = ct->word_off + candidate / 64; \
  guint64 bit_ = G_GUINT64_CONSTANT (1) << (candidate % 64)

void
elect_ballot_mark (ElectBallot *self, guint contest, guint candidate)
{
  CHECK_LINE (self, contest, candidate);
  self->dirty |= G_GUINT64_CONSTANT (1) << contest;
  if (self->marks[w_] & bit_)
    self->dups[contest]++;
  self->marks[w_] |= bit_;
}

void
elect_ballot_mark_party (ElectBallot *self, guint contest, guint candidate,
                         ElectMark mark)
{
  CHECK_LINE (self, contest, candidate);
  g_return_if_fail (mark >= ELECT_MARK_FOR && mark <= ELECT_MARK_ABSTAIN);
  self->dirty |= G_GUINT64_CONSTANT (1) << contest;
  guint64 *arr = mark == ELECT_MARK_FOR ? self->marks
               : mark == ELECT_MARK_AGAINST ? self->against : self->abstain;
  guint64 others = (self->marks[w_] | self->against[w_] | self->abstain[w_]) & ~arr[w_];
  if (mark != ELECT_MARK_FOR)
    self->any_party = TRUE;
  if (arr[w_] & bit_)
    {
      if (mark == ELECT_MARK_FOR)
        self->dups[contest]++;
    }
  else if (others & bit_)
    {
      self->contra[w_] |= bit_;
      self->any_party = TRUE;
    }
  arr[w_] |= bit_;
}

static void
add_write_in (ElectBallot *self, guint contest, int line, const char *name,
              gssize length)
{
  gsize len = length < 0 ? strlen (name) : (gsize) length;
  ElectWriteIn wi = { contest, line, self->names->len, len };
  g_string_append_len (self->names, name, (gssize) len);
  g_array_append_val (self->write_ins, wi);
  self->dirty |= G_GUINT64_CONSTANT (1) << contest;
}

void
elect_ballot_write_in (ElectBallot *self, guint contest, const char *name,
                       gssize length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (contest < self->paper->contests->len);
  g_return_if_fail (name != NULL);
  add_write_in (self, contest, -1, name, length);
}

void
elect_ballot_write_in_on_line (ElectBallot *self, guint contest, guint candidate,
                               const char *name, gssize length)
{
  CHECK_LINE (self, contest, candidate);
  (void) w_;
  (void) bit_;
  g_return_if_fail (name != NULL);
  add_write_in (self, contest, (int) candidate, name, length);
}

void
elect_ballot_set_unreadable (ElectBallot *self)
{
  g_return_if_fail (self != NULL);
  self->unreadable = TRUE;
}

gboolean
elect_ballot_is_unreadable (const ElectBallot *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->unreadable;
}
