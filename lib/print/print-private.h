/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libelect-print internals without Pango or Cairo: the options, the models
 * of the input documents and their readers (print-model.c, fuzzed), and the
 * pure layout arithmetic (print-layout.c, unit-tested). */
#pragma once

#include "elect/elect-print.h"
#include "i18n-private.h"

/* ---- options ---------------------------------------------------------------- */

typedef enum {
  PRINT_OPT_FORMAT,
  PRINT_OPT_LANG,
  PRINT_OPT_PAPER,
  PRINT_OPT_FONT,
  PRINT_OPT_TITLE,
  PRINT_OPT_DATE,
  PRINT_OPT_ISSUER,
  PRINT_OPT_PUBLISHED,
  PRINT_OPT_ORDER,
  PRINT_OPT_REASONS,
  PRINT_OPT_PROFILE,
  PRINT_OPT_N
} PrintOpt;

struct _ElectPrintOptions {
  char *values[PRINT_OPT_N];
};

/* The value of an option, or its default (never NULL for the options that
 * have one; NULL for title, date, issuer, published, profile). */
const char *print_opt (const ElectPrintOptions *opts, PrintOpt opt);

/* Parses an ISO 8601 date; FALSE when it is not one. */
gboolean print_parse_date (const char *s, GDate *out);

/* ---- the candidate list (libelect.slate/1 or a bare slate) ------------------ */

typedef struct {
  char *name;
  gint64 votes;
  char *status;             /* official, primary, not-selected, excluded */
} PrintNominee;

typedef struct {
  char *id;
  char *title;              /* NULL when the document has none */
  char *kind;               /* chair, vice, member, or NULL */
  gint64 seats;
  gboolean women_only;
  GPtrArray *official;      /* char *, in the document's order */
  GPtrArray *nominees;      /* PrintNominee *, maybe empty */
} PrintListPost;

typedef struct {
  char *profile;            /* NULL when the document names none */
  char *name_order;         /* NULL when the document names none */
  gboolean valid;
  GPtrArray *posts;         /* PrintListPost * */
} PrintList;

PrintList *print_list_from_json (const char *data, gssize length, GError **error);
void print_list_free (PrintList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintList, print_list_free)

/* ---- the result (libelect.result/1) ------------------------------------------- */

typedef struct {
  char *name;
  gint64 votes;
  char *status;
  gboolean write_in;
} PrintResCandidate;

typedef struct {
  char *id;
  char *title;              /* the id when the document has no title */
  gint64 seats, threshold, unfilled;
  gint64 abstentions;       /* -1 when absent (tally sheets) */
  GPtrArray *elected;       /* char * */
  char *action;             /* none, revote, supplementary, women_seat, vacant, rerun */
  gint64 next_seats;        /* -1 when absent */
  GPtrArray *next_candidates; /* char * */
  gboolean women_seat;
  GPtrArray *candidates;    /* PrintResCandidate * */
} PrintResContest;

typedef struct {
  char *code, *message, *citation;
} PrintResReason;

typedef struct {
  char *profile;
  char *round;              /* regular, revote, supplementary */
  gboolean valid;
  gint64 electorate;
  gint64 issued, present;   /* -1 when absent */
  gint64 returned, ballots_valid, ballots_invalid;
  gint64 quorum_required;   /* -1 when null */
  gint64 quorum_actual;
  gboolean quorum_met;
  GPtrArray *contests;      /* PrintResContest * */
  GPtrArray *reasons;       /* PrintResReason * */
} PrintResult;

PrintResult *print_result_from_json (const char *data, gssize length, GError **error);
void print_result_free (PrintResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintResult, print_result_free)

/* ---- the public roll (the CSV of elect_roll_to_public_csv()) ------------------- */

typedef struct {
  char *name;
  char *id_masked;
  ElectSex sex;
} PrintRollPerson;

typedef struct {
  char *name;
  GPtrArray *people;        /* PrintRollPerson *, in the CSV's order */
  guint male, female;
} PrintRollGroup;

typedef struct {
  GPtrArray *groups;        /* PrintRollGroup *, in print order */
  guint n_people, male, female;
} PrintRollList;

/* Reads `group,name,sex,id_masked` CSV; groups are put in the order of
 * elect_group_compare(). A row whose id_masked is not masked (no `*`) is
 * refused: the printed roll never shows a full ID number. */
PrintRollList *print_roll_list_from_csv (const char *data, gssize length, GError **error);
void print_roll_list_free (PrintRollList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintRollList, print_roll_list_free)


/* ---- layout arithmetic (print-layout.c) ------------------------------------- */

typedef struct {
  double height;
  gboolean keep_with_next;  /* do not end a page after this block */
} PrintBlock;

/* Places blocks top to bottom: the first page has first_avail points of
 * height, the others avail. A block that does not fit goes to the next page,
 * taking along the blocks before it that are kept with it (unless they
 * already start a page). A block taller than a page gets a page of its own.
 * Writes each block's page (0-based) and top offset; returns the number of
 * pages (at least 1). */
guint print_flow (const PrintBlock *blocks, guint n, double first_avail, double avail,
                  guint *out_page, double *out_y);

/* Columns of a grid of cells of width cell_w in avail_w (at least 1, at most
 * n_cells when n_cells > 0). */
guint print_grid_columns (double avail_w, double cell_w, guint n_cells);
/* Rows of a grid of n_cells in cols columns. */
guint print_grid_rows (guint n_cells, guint cols);

/* The largest scale s = s_max − k·step (k = 0, 1, …, s ≥ s_min) for which
 * pages_at (s) ≤ max_pages; s_min when there is none (*out_fits FALSE). */
typedef guint (*PrintPagesAt) (double scale, gpointer data);
double print_fit_scale (PrintPagesAt pages_at, gpointer data, guint max_pages,
                        double s_max, double s_min, double step, gboolean *out_fits);

/* The public roll: slots of a page of `columns` columns of `rows` rows
 * (`rows_first` on the first page, below the notice). */
typedef enum {
  PRINT_ROLL_GROUP = 0,     /* the group's heading */
  PRINT_ROLL_CONTINUED = 1, /* the group's heading again, at the top of a column */
  PRINT_ROLL_PERSON = 2,
  PRINT_ROLL_GROUP_TOTAL = 3,
  PRINT_ROLL_TOTAL = 4,     /* the village's total, last */
} PrintRollKind;

typedef struct {
  PrintRollKind kind;
  guint group;              /* index of the group (not for TOTAL) */
  guint person;             /* index within the group (PERSON) */
  guint page, column, row;
} PrintRollSlot;

/* Lays out the groups (group_sizes[g] people each): a heading, the people,
 * the group's total; at the end the total. A heading never ends a column
 * (it moves to the next); a column that starts inside a group starts with a
 * CONTINUED heading. Returns the slots in reading order (GArray of
 * PrintRollSlot) and the number of pages. rows and rows_first are at least
 * 3 (a heading, a person and a total fit a column). */
GArray *print_roll_flow (const guint *group_sizes, guint n_groups, guint rows_first,
                         guint rows, guint columns, guint *out_pages);
