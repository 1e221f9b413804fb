/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-tally.h
 * @brief ::ElectTally: validation of ballots and the count of votes of one
 * round (计票), from ballots, from bit masks in bulk, or from a tally sheet.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-reason.h>
#include <elect/elect-rules.h>
#include <elect/elect-ballot.h>

G_BEGIN_DECLS

/** @defgroup tally Tally
 *
 * A tally holds the totals of one round: ballots returned, valid and
 * invalid; per contest the votes of every listed candidate, the votes of
 * written-in names (另选他人, on a side path keyed by normalised name), the
 * abstentions, and (on Party papers) the votes against; and how often each
 * ballot defect occurred, by stable code.
 *
 * There are three ways to fill a tally, which may not be mixed with the
 * third:
 *
 * 1. **Ballots**, one at a time: elect_tally_add_ballot() validates a ballot
 *    by RULES.md §5 and counts it. Fast: no allocation and no hashing for
 *    listed candidates.
 * 2. **Masks**, in bulk: elect_tally_add_masks() counts an array of ballots
 *    of one contest with at most 64 candidates, one 64-bit mask per ballot,
 *    at memory speed.
 * 3. **A tally sheet** (计票单, RULES.md §6.9): elect_tally_set_sheet() and
 *    elect_tally_set_sheet_votes() record totals. The ballot-level rules of
 *    §5 cannot be applied; elect_count() checks the sheet's arithmetic and
 *    reports every inconsistency.
 *
 * The defect codes (stable, part of the contract) are listed by
 * elect_tally_list_defect_codes(); elect_tally_get_defect_reason() gives the
 * message and the citation of each.
 *
 * Threads: a tally must not be mutated from two threads at once; distinct
 * tallies of one paper may be filled in parallel and merged with
 * elect_tally_merge().
 *  @{
 */

/** @brief The totals of one round (reference counted). */
typedef struct _ElectTally ElectTally;

/**
 * @brief Creates an empty tally. Freezes @p paper (elect_paper_is_frozen()).
 * @param rules the profile: decides the over-vote policy (`count.overvote`)
 * and the policy for one person marked for two posts
 * (`count.same_person_two_posts`)
 * @param paper the paper of the round; it must have at least one contest
 * @param error (out) (optional): ELECT_ERROR_INVALID (a paper without
 * contests, a Party profile with a paper that has no party marks or the
 * reverse)
 * @return a new tally (transfer full), or NULL: release with
 * elect_tally_unref().
 * @since 0.1
 */
ELECT_API ElectTally *elect_tally_new (const ElectRules *rules,
                                       ElectPaper *paper,
                                       GError **error);

/**
 * @brief Adds a reference.
 * @param self a tally
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectTally *elect_tally_ref (ElectTally *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a tally
 * @since 0.1
 */
ELECT_API void elect_tally_unref (ElectTally *self);

/**
 * @brief The paper of the tally.
 * @param self a tally
 * @return the paper (transfer none).
 * @since 0.1
 */
ELECT_API ElectPaper *elect_tally_get_paper (const ElectTally *self);

/**
 * @brief The profile of the tally.
 * @param self a tally
 * @return the profile (transfer none).
 * @since 0.1
 */
ELECT_API const ElectRules *elect_tally_get_rules (const ElectTally *self);

/**
 * @brief Supplies the list of eligible persons (the roll, or the people who
 * may be written in) against which write-ins are resolved. Without it,
 * write-ins that do not name a candidate of the paper are accepted as given
 * and flagged (`write-in-unverified`). With it, a write-in that names no one
 * on the list is a void mark (`write-in-not-eligible`), and a name shared
 * by several people on the list is a void mark (`write-in-ambiguous`).
 * Call before adding ballots; a second call replaces the list.
 * @param self a tally, still empty
 * @param names the names (UTF-8), @p n_names of them
 * @param sexes (nullable): the sex of each person, or NULL when unknown
 * @param n_names the number of names
 * @param error (out) (optional): ELECT_ERROR_INVALID (a name that is not
 * valid UTF-8 or blank, the tally is not empty)
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_set_eligible (ElectTally *self,
                                             const char *const *names,
                                             const ElectSex *sexes,
                                             gsize n_names,
                                             GError **error);

/**
 * @brief Validates one ballot (RULES.md §5.2, §5.3) and counts it.
 *
 * - Unreadable (废票): an invalid ballot (`unreadable`).
 * - More names marked in a contest than its seats: the whole ballot is
 *   invalid (`overvote`), or only that contest is void (`overvote-contest`)
 *   when `count.overvote` is `void-contest`.
 * - The same person marked twice in a contest counts once
 *   (`duplicate-mark`), also when a write-in names a marked candidate.
 * - A write-in naming a listed candidate of the contest is a mark for them
 *   (`write-in-listed`); one naming a candidate of another post is a mark for
 *   that person in this post (`write-in-other-post`), counted on the
 *   write-in side path.
 * - A write-in that names no eligible person or several is a void mark
 *   (`write-in-not-eligible`, `write-in-ambiguous`); a blank write-in is a
 *   void mark (`write-in-blank`); without an eligible list a write-in is
 *   accepted and flagged (`write-in-unverified`).
 * - On the women's post, a write-in for a person not known to be a woman is
 *   a void mark (`women-post-not-woman`).
 * - One person marked for two posts: by `count.same_person_two_posts`, the
 *   ballot is invalid (`two-posts-void-ballot`, ZJ 27), or each mark counts
 *   (`two-posts-separate`, `two-posts-cascade-down`, HA 25: see elect_count()).
 * - Party papers: a write-in on a line marked abstain is a void mark
 *   (`abstain-write-in`); a line marked twice differently is a void mark
 *   (`contradictory-mark`).
 * - A contest without any counted mark is an abstention in that contest.
 *
 * @param self a tally that is not a tally sheet
 * @param ballot a ballot of the tally's paper (not changed)
 * @param error (out) (optional): ELECT_ERROR_INVALID (a ballot of another
 * paper, the tally is a tally sheet), ELECT_ERROR_LIMIT (more than
 * elect_count_max() ballots)
 * @return TRUE when counted (valid or not), FALSE on error (nothing counted).
 * @since 0.1
 */
ELECT_API gboolean elect_tally_add_ballot (ElectTally *self,
                                           const ElectBallot *ballot,
                                           GError **error);

/**
 * @brief Counts ballots of one contest in bulk, from an array of bit masks.
 *
 * Each mask is one ballot returned that is marked only in @p contest (every
 * other contest of the paper is an abstention): bit i set means candidate i
 * is marked. A mask with more bits than the contest's seats is an over-vote
 * (`overvote`: the ballot is invalid; or `overvote-contest` under
 * `count.overvote=void-contest`); a zero mask is an abstention. The result
 * equals elect_tally_add_ballot() on the same ballots. The loop runs at
 * memory speed (see `bench/bench-tally`).
 *
 * @param self a tally that is not a tally sheet
 * @param contest a contest with at most 64 listed candidates
 * @param masks the masks, @p n_masks of them
 * @param n_masks the number of masks
 * @param error (out) (optional): ELECT_ERROR_INVALID (more than 64
 * candidates, a bit set beyond the last candidate, the tally is a tally
 * sheet), ELECT_ERROR_LIMIT (more than elect_count_max() ballots). On error
 * nothing is counted.
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_add_masks (ElectTally *self, guint contest,
                                          const guint64 *masks, gsize n_masks,
                                          GError **error);

/**
 * @brief Adds the counts of another tally of the same paper and profile
 * (parallel counting of several boxes).
 * @param self a tally
 * @param other another tally of the same paper, not a tally sheet
 * @param error (out) (optional): ELECT_ERROR_INVALID (another paper, a tally
 * sheet), ELECT_ERROR_LIMIT (a sum above elect_count_max())
 * @return TRUE on success (on error @p self is unchanged).
 * @since 0.1
 */
ELECT_API gboolean elect_tally_merge (ElectTally *self, const ElectTally *other,
                                      GError **error);

/**
 * @brief Makes the tally a tally sheet (计票单, RULES.md §6.9) and records its
 * ballot totals. Votes are recorded with elect_tally_set_sheet_votes().
 * @param self an empty tally or a tally sheet
 * @param ballots_returned every paper returned, valid or not (收回选票)
 * @param ballots_invalid the invalid ones (无效票)
 * @param error (out) (optional): ELECT_ERROR_INVALID (ballots were already
 * added), ELECT_ERROR_LIMIT (a negative count or one above
 * elect_count_max()). An inconsistent sheet (invalid > returned) is not an
 * error: elect_count() reports it.
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_set_sheet (ElectTally *self,
                                          gint64 ballots_returned,
                                          gint64 ballots_invalid,
                                          GError **error);

/**
 * @brief Records the valid ballots (有效票) a tally sheet states, so that
 * elect_count() checks that valid + invalid = returned (RULES.md §6.9).
 * Without it the valid ballots are returned − invalid.
 * @param self a tally sheet (elect_tally_set_sheet() was called)
 * @param ballots_valid the valid ballots as written on the sheet
 * @param error (out) (optional): ELECT_ERROR_INVALID (not a tally sheet),
 * ELECT_ERROR_LIMIT (negative or above elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_set_sheet_valid (ElectTally *self,
                                                gint64 ballots_valid,
                                                GError **error);

/**
 * @brief Records a candidate's votes on a tally sheet.
 * @param self a tally sheet (elect_tally_set_sheet() was called)
 * @param contest a contest index
 * @param candidate a candidate index
 * @param votes the votes (for, on a Party paper)
 * @param error (out) (optional): ELECT_ERROR_INVALID (not a tally sheet),
 * ELECT_ERROR_LIMIT (negative or above elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_set_sheet_votes (ElectTally *self, guint contest,
                                                guint candidate, gint64 votes,
                                                GError **error);

/**
 * @brief Records the votes of a written-in name on a tally sheet. A name
 * that is a listed candidate of the contest sets that candidate's votes.
 * @param self a tally sheet
 * @param contest a contest index
 * @param name the name (UTF-8)
 * @param length the length of @p name in bytes, or -1 if NUL-terminated
 * @param votes the votes
 * @param error (out) (optional): ELECT_ERROR_INVALID (not a tally sheet,
 * invalid UTF-8, a blank name), ELECT_ERROR_LIMIT (negative or above
 * elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_set_sheet_write_in (ElectTally *self,
                                                   guint contest,
                                                   const char *name,
                                                   gssize length,
                                                   gint64 votes,
                                                   GError **error);

/**
 * @brief Whether the tally is a tally sheet.
 * @param self a tally
 * @return TRUE for a tally sheet.
 * @since 0.1
 */
ELECT_API gboolean elect_tally_is_sheet (const ElectTally *self);

/**
 * @brief Ballots returned (收回选票): every paper, valid or not.
 * @param self a tally
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_ballots_returned (const ElectTally *self);

/**
 * @brief Valid ballots (有效票).
 * @param self a tally
 * @return the count (for an inconsistent sheet, never below 0).
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_ballots_valid (const ElectTally *self);

/**
 * @brief Invalid ballots (无效票, 废票 included).
 * @param self a tally
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_ballots_invalid (const ElectTally *self);

/**
 * @brief The votes of a listed candidate (on a Party paper: votes for).
 * @param self a tally
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the votes.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_votes (const ElectTally *self, guint contest,
                                        guint candidate);

/**
 * @brief The votes against a listed candidate of a Party paper.
 * @param self a tally
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the votes against (0 on other papers).
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_votes_against (const ElectTally *self,
                                                guint contest, guint candidate);

/**
 * @brief The number of valid ballots that abstained in a contest (no counted
 * mark in it).
 * @param self a tally
 * @param contest a contest index
 * @return the count (0 for a tally sheet).
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_abstentions (const ElectTally *self,
                                              guint contest);

/**
 * @brief The number of valid ballots whose marks in a contest were void
 * (over-vote under `count.overvote=void-contest`).
 * @param self a tally
 * @param contest a contest index
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_contest_void (const ElectTally *self,
                                               guint contest);

/**
 * @brief The number of distinct written-in names of a contest (sorted by
 * normalised name, in byte order).
 * @param self a tally
 * @param contest a contest index
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_tally_get_n_write_ins (const ElectTally *self,
                                             guint contest);

/**
 * @brief A written-in name (normalised) of a contest.
 * @param self a tally
 * @param contest a contest index
 * @param index an index below elect_tally_get_n_write_ins()
 * @return the name (transfer none), valid until the tally changes.
 * @since 0.1
 */
ELECT_API const char *elect_tally_get_write_in_name (const ElectTally *self,
                                                     guint contest, guint index);

/**
 * @brief The votes of a written-in name of a contest.
 * @param self a tally
 * @param contest a contest index
 * @param index an index below elect_tally_get_n_write_ins()
 * @return the votes.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_write_in_votes (const ElectTally *self,
                                                 guint contest, guint index);

/**
 * @brief The sex of a written-in person, when known (a candidate of another
 * post, or an eligible person with a sex).
 * @param self a tally
 * @param contest a contest index
 * @param index an index below elect_tally_get_n_write_ins()
 * @return the sex.
 * @since 0.1
 */
ELECT_API ElectSex elect_tally_get_write_in_sex (const ElectTally *self,
                                                 guint contest, guint index);

/**
 * @brief The votes a person received in a contest on ballots that also
 * marked them for a higher post (needed by `cascade-down`, HA 25: those
 * votes are not added twice).
 * @param self a tally
 * @param contest a contest index
 * @param name a name (compared after normalisation)
 * @param length the length of @p name in bytes, or -1 if NUL-terminated
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_overlap_votes (const ElectTally *self,
                                                guint contest,
                                                const char *name,
                                                gssize length);

/**
 * @brief The stable codes of every ballot defect the tally can record.
 * @return a NULL-terminated static array (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_tally_list_defect_codes (void);

/**
 * @brief How many times a defect occurred.
 * @param self a tally
 * @param code a defect code (elect_tally_list_defect_codes())
 * @return the count (0 for an unknown code).
 * @since 0.1
 */
ELECT_API gint64 elect_tally_get_defect_count (const ElectTally *self,
                                               const char *code);

/**
 * @brief The reason of a defect: its code, its message and the citation of
 * the rule (from the tally's profile).
 * @param self a tally
 * @param code a defect code
 * @return a new reason (transfer full), or NULL for an unknown code.
 * @since 0.1
 */
ELECT_API ElectReason *elect_tally_get_defect_reason (const ElectTally *self,
                                                      const char *code);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectTally, elect_tally_unref)

G_END_DECLS
