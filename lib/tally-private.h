/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of the tally, shared with count.c. Never installed. */
#pragma once

#include "ballot-private.h"

G_BEGIN_DECLS

typedef enum {
  ELECT_DEFECT_UNREADABLE,
  ELECT_DEFECT_OVERVOTE,
  ELECT_DEFECT_OVERVOTE_CONTEST,
  ELECT_DEFECT_DUPLICATE_MARK,
  ELECT_DEFECT_WRITE_IN_LISTED,
  ELECT_DEFECT_WRITE_IN_OTHER_POST,
  ELECT_DEFECT_WRITE_IN_UNVERIFIED,
  ELECT_DEFECT_WRITE_IN_NOT_ELIGIBLE,
  ELECT_DEFECT_WRITE_IN_AMBIGUOUS,
  ELECT_DEFECT_WRITE_IN_BLANK,
  ELECT_DEFECT_WOMEN_POST_NOT_WOMAN,
  ELECT_DEFECT_TWO_POSTS_VOID_BALLOT,
  ELECT_DEFECT_TWO_POSTS_SEPARATE,
  ELECT_DEFECT_TWO_POSTS_CASCADE_DOWN,
  ELECT_DEFECT_ABSTAIN_WRITE_IN,
  ELECT_DEFECT_CONTRADICTORY_MARK,
  ELECT_N_DEFECTS
} ElectDefect;

typedef struct {
  char *norm;
  gint64 votes;
  gint64 overlap;        /* ballots that also marked the person higher up */
  ElectSex sex;
  gboolean unverified;   /* accepted without an eligible list */
} ElectWriteInEntry;

typedef struct {
  GHashTable *by_norm;   /* norm -> ElectWriteInEntry* */
  GPtrArray *sorted;     /* ElectWriteInEntry*, sorted by norm (owner) */
} ElectWriteInTable;

struct _ElectTally {
  gatomicrefcount ref;
  ElectRules *rules;
  ElectPaper *paper;
  gboolean sheet;
  gboolean sheet_valid_set;
  int overvote_policy;   /* ElectOvervotePolicy */
  int two_posts_policy;  /* ElectTwoPostsPolicy, -1 when unset */

  gint64 returned;
  gint64 valid;
  gint64 invalid;
  gint64 sheet_valid;    /* as given by a tally sheet */
  guint *cand_off;       /* per contest, offset into votes */
  guint n_cand_total;
  gint64 *votes;
  gint64 *against;
  gint64 *overlap;
  gint64 *nonempty;      /* per contest: valid ballots with a counted mark */
  gint64 *contest_void;  /* per contest */
  ElectWriteInTable *wi; /* per contest */
  gint64 defects[ELECT_N_DEFECTS];

  /* Eligible persons: norm -> index + 1 into eligible_sex (sex 0xff:
   * ambiguous). */
  GHashTable *eligible;
  GArray *eligible_sex;
  GPtrArray *eligible_names;
  /* Names that are not paper persons, for the two-posts check. */
  GHashTable *name_ids;
  GPtrArray *name_id_keys;

  /* Per-ballot scratch, reused: no allocation after warm-up. */
  guint64 *sbits;
  GArray *swi;
  GString *snames;
  GArray *spersons;
};

extern const char *const elect_defect_codes[];

/* The kernels of elect_tally_add_masks() (for tests and bench-tally): AUTO
 * takes the fastest this CPU runs; every kernel gives the same result. */
typedef enum {
  ELECT_BULK_AUTO,
  ELECT_BULK_SCALAR,   /* portable: per-bit byte counters */
  ELECT_BULK_AVX2,     /* x86-64 with AVX2: bit-sliced vertical counters */
  ELECT_BULK_AVX512,   /* x86-64 with AVX-512F and VPOPCNTDQ: the same, 8 lanes,
                        * one-instruction popcount and carry-save adders */
} ElectBulkKernel;

gboolean elect_bulk_kernel_available (ElectBulkKernel kernel);
/* The kernel that ELECT_BULK_AUTO runs on this CPU. */
ElectBulkKernel elect_bulk_kernel_best (void);

/* elect_tally_add_masks() with a given kernel, which must be available. */
gboolean elect_tally_add_masks_kernel (ElectTally *self, guint contest,
                                       const guint64 *masks, gsize n_masks,
                                       ElectBulkKernel kernel, GError **error);

/* n ballots given as per-contest columns of masks, cols[c][i] (NULL: no
 * mark in contest c): each contest of a non-NULL column has at most 64
 * candidates, and no ballot marks a person for two posts (the caller
 * checks; see tally.c). The same counts as elect_tally_add_ballot() of each
 * ballot. */
gboolean elect_tally_add_mask_columns (ElectTally *self, const guint64 *const *cols,
                                       gsize n, GError **error);

G_END_DECLS
