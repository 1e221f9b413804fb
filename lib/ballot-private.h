/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of papers, ballots and tallies, shared by paper.c, ballot.c,
 * tally.c and count.c. Never installed. */
#pragma once

#include "elect/elect.h"

G_BEGIN_DECLS

#define ELECT_MAX_CONTESTS 64
#define ELECT_MAX_CANDIDATES 4096
#define ELECT_NAME_BUF 256

typedef struct {
  char *name;          /* as given */
  char *norm;          /* normalised (RULES §1.7) */
  ElectSex sex;
  char *birth_date;
  char *ethnicity;
  guint person;        /* index in the paper's person table */
} ElectCandidate;

typedef struct {
  char *id;
  char *title;
  gint64 seats;
  gboolean women_only;
  GPtrArray *candidates;     /* ElectCandidate* */
  GHashTable *by_norm;       /* norm -> GUINT_TO_POINTER (index + 1) */
  guint word_off;            /* first mark word of the contest in a ballot */
  guint n_words;             /* (n_candidates + 63) / 64, at least 1 */
} ElectContest;

/* A person listed in two or more contests: one (contest, candidate) per
 * listing, for the two-posts check of every ballot. */
typedef struct {
  guint person;
  guint contest;
  guint candidate;
} ElectListing;

struct _ElectPaper {
  gatomicrefcount ref;
  gboolean party;
  gboolean frozen;
  GPtrArray *contests;       /* ElectContest* */
  /* Persons: the distinct normalised names of candidates. */
  GHashTable *person_by_norm;  /* norm -> GUINT_TO_POINTER (id + 1) */
  GPtrArray *person_norm;      /* id -> norm (borrowed from a candidate) */
  GArray *person_sex;          /* ElectSex per person */
  GArray *person_n_contests;   /* guint per person */
  /* Built by freeze: listings of persons on two or more contests. */
  GArray *multi;               /* ElectListing */
  guint total_words;
};

typedef struct {
  guint contest;
  int line;            /* candidate line of a Party write-in, or -1 */
  gsize off;           /* in the ballot's name buffer */
  gsize len;
} ElectWriteIn;

struct _ElectBallot {
  ElectPaper *paper;
  guint64 *marks;      /* for-marks, paper->total_words words */
  guint64 *against;    /* Party */
  guint64 *abstain;    /* Party */
  guint64 *contra;     /* lines marked twice with different marks */
  guint32 *dups;       /* duplicate marks per contest */
  guint64 dirty;       /* contests touched since the last reset */
  gboolean unreadable;
  gboolean any_party;  /* some against/abstain/contra bit set */
  GArray *write_ins;   /* ElectWriteIn */
  GString *names;      /* bytes of the written-in names */
};

void elect_paper_freeze (ElectPaper *self);

static inline ElectContest *
elect_paper_contest (const ElectPaper *paper, guint c)
{
  return g_ptr_array_index (paper->contests, c);
}

static inline guint
elect_contest_n_candidates (const ElectContest *contest)
{
  return contest->candidates->len;
}

/* Normalises @name into @buf (ELECT_NAME_BUF bytes) when it is plain (ASCII
 * and CJK ideographs, no spaces at the ends): no allocation. Otherwise
 * returns elect_name_normalize() in *heap (free it). Returns the normalised
 * NUL-terminated name, or NULL for invalid UTF-8. */
const char *elect_name_norm_fast (const char *name, gssize length,
                                  char *buf, char **heap);

G_END_DECLS
