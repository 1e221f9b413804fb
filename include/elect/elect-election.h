/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-election.h
 * @brief ::ElectElection: one round of an election read from an election
 * file (`libelect.election/1`), streamed; and the announcement of its
 * result (选举结果公告).
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-rules.h>
#include <elect/elect-ballot.h>
#include <elect/elect-tally.h>
#include <elect/elect-count.h>

G_BEGIN_DECLS

/** @defgroup election Election files
 *
 * An election file (FORMATS.md §1, `libelect.election/1`) holds one round of
 * one election: the profile, the turnout, the paper (contests, seats,
 * candidates) and either the ballots returned or the totals of a tally
 * sheet (计票单). Reading one gives an #ElectElection: the profile
 * (#ElectRules), the paper (#ElectPaper), the filled tally (#ElectTally),
 * the turnout (#ElectTurnout) and the optional inputs of counting
 * (#ElectCountOptions); elect_election_count() then counts the round.
 *
 * **Streaming.** Ballots are never kept: each is parsed into one reused
 * #ElectBallot and added to the tally at once (ballots that mark only
 * listed candidates of contests of at most 64 candidates, without
 * write-ins, duplicate marks or one person marked for two posts, are
 * counted in batches by the bulk kernels of elect_tally_add_masks(), one
 * column of masks per contest, with the same result; a ballot whose text
 * repeats an earlier one byte for byte is counted as that one was,
 * without being parsed again). The reader reads the
 * file in fixed blocks of 1 MiB with its own strict JSON scanner (RFC
 * 8259), so its memory does not depend on the number of ballots.
 *
 * **Member order.** The members of the top-level object may come in any
 * order. Ballots (and totals) are tallied when they are met if `profile`
 * and `contests` came before them; otherwise, and when `eligible` comes
 * after them, the reader makes a second pass over the ballots at the end
 * (it remembers only the offset of `ballots`). A pipe cannot be read twice:
 * then `profile`, `contests` and `eligible` must come before `ballots` and
 * `totals`, or reading fails with ELECT_ERROR_INVALID saying so.
 *
 * **Extensions of the format** (optional members, all documented in the
 * user guide, doc/election-format.md): `title` (the election's name, for
 * the announcement), `date` (the election day, ISO 8601), `eligible` (the
 * names, or `{"name", "gender"}` objects, against which write-ins are
 * resolved, elect_tally_set_eligible()), `relations` (`[{"a", "b",
 * "relation"}]` between candidates, for relatives avoidance),
 * `earlier` (`{"elected", "chair_elected", "woman_elected"}` of the rounds
 * before a supplementary one), a contest's `women_only` (the women's post),
 * and on Party papers a contest's ballot value as an object `{"for": [...],
 * "against": [...], "abstain": [...], "write_in": {"LINE": "NAME"}}`.
 * Members whose names begin with `x-` are ignored; any other unknown member
 * is an error.
 *
 * **Errors** are GErrors of ::ELECT_ERROR whose message names the file, the
 * line and column (columns count characters), the JSON path
 * (`$.contests[2].seats`, `$.ballots[10533].member[1]`) and what was
 * expected: ELECT_ERROR_PARSE (not JSON, truncated, invalid UTF-8),
 * ELECT_ERROR_INVALID (a wrong type, a negative count, an unknown member,
 * contest id or format, 0 seats, a duplicate candidate), ELECT_ERROR_LIMIT
 * (a number above elect_count_max(), a string longer than 1 MiB, nesting
 * deeper than 64), ELECT_ERROR_NOT_FOUND / ELECT_ERROR_IO (the file or
 * the profile).
 *
 * Threads: an election is immutable once read (its tally and paper are not
 * changed by counting) and may be shared between threads for reading.
 *  @{
 */

/** @brief One round of an election read from a file (reference counted). */
typedef struct _ElectElection ElectElection;

/**
 * @brief Reads an election file.
 * @param path the file's path, or `"-"` for standard input; a profile given
 * as a path in the file is resolved relative to the file's directory
 * @param error (out) (optional): see the group description
 * @return the election (transfer full), or NULL: release with
 * elect_election_unref().
 * @since 0.1
 */
ELECT_API ElectElection *elect_election_read_file (const char *path,
                                                   GError **error);

/**
 * @brief Reads an election file from an open file descriptor (not closed).
 * A seekable descriptor is read from its current offset.
 * @param fd a readable file descriptor
 * @param origin (nullable): the name used in messages (`"<stdin>"` if NULL)
 * @param base_dir (nullable): the directory against which a profile path is
 * resolved (the current directory if NULL)
 * @param error (out) (optional): see the group description
 * @return the election (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectElection *elect_election_read_fd (int fd, const char *origin,
                                                 const char *base_dir,
                                                 GError **error);

/**
 * @brief Reads an election file from memory.
 * @param data the JSON text (need not be NUL-terminated)
 * @param length the length of @p data in bytes, or -1 if NUL-terminated
 * @param origin (nullable): the name used in messages (`"<memory>"` if NULL)
 * @param base_dir (nullable): the directory against which a profile path is
 * resolved (the current directory if NULL)
 * @param error (out) (optional): see the group description
 * @return the election (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectElection *elect_election_read_data (const char *data,
                                                   gssize length,
                                                   const char *origin,
                                                   const char *base_dir,
                                                   GError **error);

/**
 * @brief Adds a reference.
 * @param self an election
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectElection *elect_election_ref (ElectElection *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): an election
 * @since 0.1
 */
ELECT_API void elect_election_unref (ElectElection *self);

/**
 * @brief The profile named by the file.
 * @param self an election
 * @return the profile (transfer none).
 * @since 0.1
 */
ELECT_API const ElectRules *elect_election_get_rules (const ElectElection *self);

/**
 * @brief The paper (contests, seats, candidates); frozen.
 * @param self an election
 * @return the paper (transfer none).
 * @since 0.1
 */
ELECT_API ElectPaper *elect_election_get_paper (const ElectElection *self);

/**
 * @brief The tally of the ballots, or the tally sheet of the totals.
 * @param self an election
 * @return the tally (transfer none).
 * @since 0.1
 */
ELECT_API ElectTally *elect_election_get_tally (const ElectElection *self);

/**
 * @brief The turnout (electorate, ballots issued, members present, round).
 * @param self an election
 * @return the turnout (transfer none).
 * @since 0.1
 */
ELECT_API const ElectTurnout *elect_election_get_turnout (const ElectElection *self);

/**
 * @brief The options of counting given by the file (`relations`,
 * `earlier`).
 * @param self an election
 * @return the options (transfer none).
 * @since 0.1
 */
ELECT_API const ElectCountOptions *elect_election_get_options (const ElectElection *self);

/**
 * @brief The election's title (`title` member), if given.
 * @param self an election
 * @return the title or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_election_get_title (const ElectElection *self);

/**
 * @brief The election day (`date` member, ISO 8601), if given.
 * @param self an election
 * @return the date or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_election_get_date (const ElectElection *self);

/**
 * @brief The number of ballots read (0 for a tally sheet).
 * @param self an election
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_election_get_n_ballots (const ElectElection *self);

/**
 * @brief Counts the round: elect_count_full() on the election's profile,
 * paper, tally, turnout and options.
 * @param self an election
 * @param error (out) (optional): as elect_count_full()
 * @return the outcome (transfer full), or NULL: release with
 * elect_outcome_unref().
 * @since 0.1
 */
ELECT_API ElectOutcome *elect_election_count (const ElectElection *self,
                                              GError **error);

/**
 * @brief The announcement of a result that a township posts (选举结果公告):
 * title and date, electorate, turnout, ballots valid and invalid, each
 * candidate's votes per post, who is elected to which post, and what must
 * happen next, with the reasons of the decisions and their citations.
 * @param outcome the outcome of elect_election_count() on @p election
 * @param election the election the outcome was counted from
 * @param lang (nullable): `"zh"` (the default) or `"en"`
 * @return the text, UTF-8, lines ending in `\n` (transfer full): free with
 * g_free().
 * @since 0.1
 */
ELECT_API char *elect_outcome_to_text (const ElectOutcome *outcome,
                                       const ElectElection *election,
                                       const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectElection, elect_election_unref)

G_END_DECLS
