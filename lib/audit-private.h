/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of the integrity layer (journal.c, entry.c, audit.c) and the
 * canonical forms of ballots, tally sheets, papers and counting options.
 * Never installed. */
#pragma once

#include "elect/elect.h"
#include "canon-private.h"

G_BEGIN_DECLS

/* The deepest nesting our JSON payloads and signed documents may have. */
#define ELECT_AUDIT_MAX_DEPTH 16

/* The canonical JSON of a ballot (a ballot object of FORMATS.md §1 that the
 * election reader counts exactly as the ballot: marks in paper order,
 * write-ins as {"write_in": NAME} sorted by name, {"spoiled": true} for an
 * unreadable paper). NULL with ELECT_ERROR_INVALID when a written-in name is
 * not valid UTF-8 or two names are written on one Party line. */
JsonNode *elect_ballot_canonical_node (const ElectBallot *ballot, GError **error);

/* The canonical JSON of a tally sheet's totals (FORMATS.md §1 `totals`). */
JsonNode *elect_sheet_canonical_node (const ElectTally *sheet);

/* The canonical JSON of a paper (contests, seats, candidates, sexes). */
JsonNode *elect_paper_canonical_node (const ElectPaper *paper);

/* The canonical JSON of counting options (relations sorted, earlier
 * rounds); defined in count.c, next to the options' structure. */
JsonNode *elect_count_options_canonical_node (const ElectCountOptions *options);

/* Compares two entries given as arrays of canonical ballot nodes or as two
 * sheet nodes; @paper orders the contests of a ballot. */
ElectEntryDiff *elect_entry_diff_ballot_nodes (const ElectPaper *paper,
                                               JsonNode *const *first, guint n_first,
                                               JsonNode *const *second, guint n_second);
ElectEntryDiff *elect_entry_diff_sheet_nodes (JsonNode *first, JsonNode *second);

G_END_DECLS
