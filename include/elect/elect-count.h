/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-count.h
 * @brief elect_count(): who is elected in one round, and what must happen
 * next; ::ElectTurnout, ::ElectCountOptions and the immutable
 * ::ElectOutcome.
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
#include <elect/elect-tally.h>

G_BEGIN_DECLS

/** @defgroup count Counting
 *
 * elect_count() is a pure function of a profile, a paper, a tally and the
 * turnout of one round. It decides, in this order (RULES.md §6):
 *
 * 1. the validity of the round (§6.1): ballots returned above the bound of
 *    `count.void_bound` voids the round; then the quorum of `count.quorum`
 *    measured by `count.quorum_measure`; a tally sheet whose arithmetic does
 *    not add up (§6.9) is not counted at all (next action `recount`);
 * 2. per contest, from the highest post down (§6.4), the threshold (§6.2,
 *    the least integer satisfying `count.win_threshold` of the base
 *    `count.win_base`; in a supplementary round `supplementary.rule`, §6.5;
 *    in a revote, most votes), the ranking with ties reported and never
 *    broken (§6.3), the removal of those elected to a higher post, and
 *    `cascade-down` (HA 25);
 * 3. relatives avoidance with refill (§6.7), when relations are given in
 *    the options;
 * 4. the next action of each contest: none, a revote among the tied, a
 *    supplementary round (candidates by `supplementary.candidates`), seats
 *    left vacant (`supplementary.vacancy*`), the women's seat (§6.6), a rerun
 *    of a void round, or a recount of an inconsistent tally sheet.
 *
 * Every decision carries reasons with stable codes and the citations of the
 * profile's parameters. Election findings are never GErrors.
 *
 * The outcome is immutable and may be shared between threads.
 *  @{
 */

/** @brief The turnout of a round: counts only, never linked to ballots. */
typedef struct _ElectTurnout ElectTurnout;

/** @brief Optional inputs of elect_count_full(). */
typedef struct _ElectCountOptions ElectCountOptions;

/** @brief The immutable result of counting one round (reference counted). */
typedef struct _ElectOutcome ElectOutcome;

/**
 * @brief The kind of round.
 */
typedef enum {
  /** The regular round (正式选举). */
  ELECT_ROUND_REGULAR = 1,
  /** A revote among candidates tied at the last seats (再次投票): most
   *  votes wins (ZJ 28). */
  ELECT_ROUND_REVOTE = 2,
  /** A supplementary round for unfilled seats (另行选举, VCL 15). */
  ELECT_ROUND_SUPPLEMENTARY = 3,
} ElectRound;

/**
 * @brief The status of a candidate in a contest's result.
 */
typedef enum {
  /** Elected (当选). */
  ELECT_STATUS_ELECTED = 1,
  /** Did not reach the threshold. */
  ELECT_STATUS_BELOW_THRESHOLD = 2,
  /** Reached the threshold, but more did than seats, and lost on votes. */
  ELECT_STATUS_OUTRANKED = 3,
  /** Reached the threshold and ties at the last seats: a revote decides. */
  ELECT_STATUS_TIED = 4,
  /** Elected to a higher post in this round, so not ranked here (§6.4). */
  ELECT_STATUS_ELECTED_HIGHER_POST = 5,
  /** Would be elected but gives way to a relative (任职回避, §6.7). */
  ELECT_STATUS_RELATIVE_AVOIDED = 6,
  /** Not eligible for this contest (a man on the women's post, §6.6). */
  ELECT_STATUS_NOT_ELIGIBLE = 7,
} ElectStatus;

/**
 * @brief What must happen next in a contest.
 */
typedef enum {
  /** Nothing: every seat is filled. */
  ELECT_ACTION_NONE = 0,
  /** A revote among the tied candidates for the seats left. */
  ELECT_ACTION_REVOTE = 1,
  /** A supplementary round (另行选举) for the unfilled seats. */
  ELECT_ACTION_SUPPLEMENTARY = 2,
  /** The women-member rule applies: a woman must still be elected. */
  ELECT_ACTION_WOMEN_SEAT = 3,
  /** The unfilled seats stay vacant, as the profile allows. */
  ELECT_ACTION_VACANT = 4,
  /** The round is void: vote again. */
  ELECT_ACTION_RERUN = 5,
  /** The tally sheet does not add up: count again; nothing was decided. */
  ELECT_ACTION_RECOUNT = 6,
  /** A further vote between related winners with the same post and votes
   *  (§6.7). */
  ELECT_ACTION_AVOIDANCE_VOTE = 7,
} ElectAction;

/**
 * @brief Creates a turnout with every count unknown and a regular round.
 * @return a new turnout (transfer full): free with elect_turnout_free().
 * @since 0.1
 */
ELECT_API ElectTurnout *elect_turnout_new (void);

/**
 * @brief Copies a turnout.
 * @param self a turnout
 * @return a copy (transfer full).
 * @since 0.1
 */
ELECT_API ElectTurnout *elect_turnout_copy (const ElectTurnout *self);

/**
 * @brief Frees a turnout. NULL-safe.
 * @param self (nullable): a turnout
 * @since 0.1
 */
ELECT_API void elect_turnout_free (ElectTurnout *self);

/**
 * @brief Sets the electorate: registered voters (村民/居民 elections) or
 * members entitled to vote (应到会有选举权的党员). Required by elect_count().
 * @param self a turnout
 * @param electorate the count
 * @param error (out) (optional): ELECT_ERROR_LIMIT (negative or above
 * elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_turnout_set_electorate (ElectTurnout *self,
                                                 gint64 electorate,
                                                 GError **error);

/**
 * @brief Sets the ballots issued (发出选票数), also the number of voters who
 * voted (投票人数). Optional; -1 unsets it.
 * @param self a turnout
 * @param issued the count, or -1
 * @param error (out) (optional): ELECT_ERROR_LIMIT (below -1 or above
 * elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_turnout_set_issued (ElectTurnout *self, gint64 issued,
                                             GError **error);

/**
 * @brief Sets the members present with voting rights (实到会, Party
 * elections). Optional; -1 unsets it.
 * @param self a turnout
 * @param present the count, or -1
 * @param error (out) (optional): ELECT_ERROR_LIMIT (below -1 or above
 * elect_count_max())
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_turnout_set_present (ElectTurnout *self, gint64 present,
                                              GError **error);

/**
 * @brief Sets the kind of round (default ELECT_ROUND_REGULAR).
 * @param self a turnout
 * @param round the round
 * @since 0.1
 */
ELECT_API void elect_turnout_set_round (ElectTurnout *self, ElectRound round);

/**
 * @brief The electorate.
 * @param self a turnout
 * @return the count, or -1 when unset.
 * @since 0.1
 */
ELECT_API gint64 elect_turnout_get_electorate (const ElectTurnout *self);

/**
 * @brief The ballots issued.
 * @param self a turnout
 * @return the count, or -1 when unknown.
 * @since 0.1
 */
ELECT_API gint64 elect_turnout_get_issued (const ElectTurnout *self);

/**
 * @brief The members present.
 * @param self a turnout
 * @return the count, or -1 when unknown.
 * @since 0.1
 */
ELECT_API gint64 elect_turnout_get_present (const ElectTurnout *self);

/**
 * @brief The kind of round.
 * @param self a turnout
 * @return the round.
 * @since 0.1
 */
ELECT_API ElectRound elect_turnout_get_round (const ElectTurnout *self);

/**
 * @brief Creates empty options.
 * @return new options (transfer full): free with elect_count_options_free().
 * @since 0.1
 */
ELECT_API ElectCountOptions *elect_count_options_new (void);

/**
 * @brief Frees options. NULL-safe.
 * @param self (nullable): options
 * @since 0.1
 */
ELECT_API void elect_count_options_free (ElectCountOptions *self);

/**
 * @brief Declares two candidates related (an input: the library does not
 * know families). Used by relatives avoidance (§6.7) when the relation is in
 * the profile's `relatives.relations`.
 * @param self options
 * @param name_a a name
 * @param name_b another name
 * @param relation a relation of the vocabulary of `relatives.relations`:
 * `spouse`, `parent` (@p name_a is a parent of @p name_b), `child`,
 * `sibling`, `grandparent`, `grandchild`
 * @param error (out) (optional): ELECT_ERROR_INVALID (an unknown relation,
 * invalid UTF-8, blank names, the same name twice)
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_count_options_add_relation (ElectCountOptions *self,
                                                     const char *name_a,
                                                     const char *name_b,
                                                     const char *relation,
                                                     GError **error);

/**
 * @brief Describes the earlier rounds of the same election, for the rules
 * that look at the whole committee after a supplementary round: vacancies
 * (`supplementary.vacancy_min_elected`, `supplementary.vacancy_requires_chair`)
 * and the women-member rule.
 * @param self options
 * @param elected members elected in earlier rounds
 * @param chair_elected whether the chair was elected in an earlier round
 * @param woman_elected whether a woman was elected in an earlier round
 * @since 0.1
 */
ELECT_API void elect_count_options_set_earlier (ElectCountOptions *self,
                                                guint elected,
                                                gboolean chair_elected,
                                                gboolean woman_elected);

/**
 * @brief Counts one round (see the group description).
 * @param rules the profile
 * @param paper the paper of the round (the tally's paper)
 * @param tally the tally
 * @param turnout the turnout; the electorate must be set
 * @param error (out) (optional): ELECT_ERROR_INVALID (the tally is of
 * another paper, the electorate is not set, the profile needs members
 * present and they are not set)
 * @return the outcome (transfer full), or NULL on error: release with
 * elect_outcome_unref().
 * @since 0.1
 */
ELECT_API ElectOutcome *elect_count (const ElectRules *rules,
                                     const ElectPaper *paper,
                                     const ElectTally *tally,
                                     const ElectTurnout *turnout,
                                     GError **error);

/**
 * @brief Counts one round with options (relations between candidates,
 * earlier rounds).
 * @param rules the profile
 * @param paper the paper of the round
 * @param tally the tally
 * @param turnout the turnout
 * @param options (nullable): options, or NULL as for elect_count()
 * @param error (out) (optional): as elect_count()
 * @return the outcome (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectOutcome *elect_count_full (const ElectRules *rules,
                                          const ElectPaper *paper,
                                          const ElectTally *tally,
                                          const ElectTurnout *turnout,
                                          const ElectCountOptions *options,
                                          GError **error);

/**
 * @brief Adds a reference.
 * @param self an outcome
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectOutcome *elect_outcome_ref (ElectOutcome *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): an outcome
 * @since 0.1
 */
ELECT_API void elect_outcome_unref (ElectOutcome *self);

/**
 * @brief Whether the round is valid (not void, and not an inconsistent
 * tally sheet).
 * @param self an outcome
 * @return TRUE for a valid round.
 * @since 0.1
 */
ELECT_API gboolean elect_outcome_is_valid (const ElectOutcome *self);

/**
 * @brief The kind of round counted.
 * @param self an outcome
 * @return the round.
 * @since 0.1
 */
ELECT_API ElectRound elect_outcome_get_round (const ElectOutcome *self);

/**
 * @brief The quorum: the least count that meets it, the actual count (ballots
 * returned or members present per `count.quorum_measure`), and whether it is
 * met.
 * @param self an outcome
 * @param out_required (out) (optional): the least count, or -1 when the
 * round has no quorum
 * @param out_actual (out) (optional): the count measured
 * @return TRUE when met (or none applies).
 * @since 0.1
 */
ELECT_API gboolean elect_outcome_get_quorum (const ElectOutcome *self,
                                             gint64 *out_required,
                                             gint64 *out_actual);

/**
 * @brief The number of contests (as on the paper).
 * @param self an outcome
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_outcome_get_n_contests (const ElectOutcome *self);

/**
 * @brief A contest's threshold: the least number of votes with which a
 * candidate can be elected in this round (§6.2).
 * @param self an outcome
 * @param contest a contest index
 * @return the threshold.
 * @since 0.1
 */
ELECT_API gint64 elect_outcome_get_threshold (const ElectOutcome *self,
                                              guint contest);

/**
 * @brief The number of result rows of a contest: listed candidates and
 * written-in names, ordered by votes descending, then listed candidates in
 * paper order, then written-in names in byte order.
 * @param self an outcome
 * @param contest a contest index
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_outcome_get_n_candidates (const ElectOutcome *self,
                                                guint contest);

/**
 * @brief The name of a result row.
 * @param self an outcome
 * @param contest a contest index
 * @param index a row
 * @return the name (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_outcome_get_candidate_name (const ElectOutcome *self,
                                                        guint contest,
                                                        guint index);

/**
 * @brief The votes of a result row (after `cascade-down`, if it applied).
 * @param self an outcome
 * @param contest a contest index
 * @param index a row
 * @return the votes.
 * @since 0.1
 */
ELECT_API gint64 elect_outcome_get_candidate_votes (const ElectOutcome *self,
                                                    guint contest, guint index);

/**
 * @brief The status of a result row.
 * @param self an outcome
 * @param contest a contest index
 * @param index a row
 * @return the status.
 * @since 0.1
 */
ELECT_API ElectStatus elect_outcome_get_candidate_status (const ElectOutcome *self,
                                                          guint contest,
                                                          guint index);

/**
 * @brief Whether a result row is a written-in name (另选他人).
 * @param self an outcome
 * @param contest a contest index
 * @param index a row
 * @return TRUE for a write-in.
 * @since 0.1
 */
ELECT_API gboolean elect_outcome_is_candidate_write_in (const ElectOutcome *self,
                                                        guint contest,
                                                        guint index);

/**
 * @brief The people elected in a contest, by votes descending.
 * @param self an outcome
 * @param contest a contest index
 * @return a NULL-terminated array of names (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_outcome_get_elected (const ElectOutcome *self,
                                                        guint contest);

/**
 * @brief The seats of a contest left unfilled by this round.
 * @param self an outcome
 * @param contest a contest index
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_outcome_get_unfilled (const ElectOutcome *self,
                                             guint contest);

/**
 * @brief What must happen next in a contest.
 * @param self an outcome
 * @param contest a contest index
 * @return the action.
 * @since 0.1
 */
ELECT_API ElectAction elect_outcome_get_next_action (const ElectOutcome *self,
                                                     guint contest);

/**
 * @brief The seats of the next action (revote, supplementary round, women's
 * seat, vacancy).
 * @param self an outcome
 * @param contest a contest index
 * @return the count (0 for none).
 * @since 0.1
 */
ELECT_API gint64 elect_outcome_get_next_seats (const ElectOutcome *self,
                                               guint contest);

/**
 * @brief The candidates of the next action (the tied, the candidates of the
 * supplementary round, the women who may fill the women's seat).
 * @param self an outcome
 * @param contest a contest index
 * @return a NULL-terminated array of names (transfer none), empty when the
 * action names no candidates (an open ballot).
 * @since 0.1
 */
ELECT_API const char *const *elect_outcome_get_next_candidates (const ElectOutcome *self,
                                                                guint contest);

/**
 * @brief The number of reasons (every decision of the count, in order).
 * @param self an outcome
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_outcome_get_n_reasons (const ElectOutcome *self);

/**
 * @brief A reason.
 * @param self an outcome
 * @param index an index below elect_outcome_get_n_reasons()
 * @return the reason (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API const ElectReason *elect_outcome_get_reason (const ElectOutcome *self,
                                                       guint index);

/**
 * @brief Whether a reason with a code was given (for tests and programs).
 * @param self an outcome
 * @param code a reason code
 * @return TRUE when some reason has @p code.
 * @since 0.1
 */
ELECT_API gboolean elect_outcome_has_reason (const ElectOutcome *self,
                                             const char *code);

/**
 * @brief Serialises the outcome in the result format `libelect.result/1`
 * (FORMATS.md §2), with the tally's ballot defects and abstentions.
 * @param self an outcome
 * @param lang (nullable): the language of reason messages (`"zh"`, `"en"`)
 * @return a newly allocated JSON text (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_outcome_to_json (const ElectOutcome *self,
                                       const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectTurnout, elect_turnout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectCountOptions, elect_count_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectOutcome, elect_outcome_unref)

G_END_DECLS
