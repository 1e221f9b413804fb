/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-ballot.h
 * @brief ::ElectPaper (the layout of a ballot paper) and ::ElectBallot (the
 * marks of one paper ballot).
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-person.h>

G_BEGIN_DECLS

/** @defgroup ballot Ballot papers and ballots
 *
 * A **paper** (选票式样) lists the contests (posts: 主任 chair, 副主任 vice
 * chair, 委员 member, optionally 妇女委员 the women's post) in paper order,
 * which is also the rank order of the posts, from the highest down (RULES.md
 * §5.1, §6.4). Each contest has an identifier, a title, a number of seats and
 * a list of candidates. A contest without candidates is an open ballot
 * (海选/自荐直选): every name is written in. Elections "not by post" have one
 * contest.
 *
 * A **ballot** (选票) is the content of one paper ballot returned: marks for
 * listed candidates, written-in names (另选他人, write-in), or, on Party
 * papers, for / against / abstain per candidate. An #ElectBallot is a
 * reusable scratch object: fill it, give it to elect_tally_add_ballot(),
 * reset it with elect_ballot_reset() and fill it again. After the first few
 * ballots, filling and resetting allocate nothing.
 *
 * A ballot carries **no voter identity**, by construction: there is no
 * field for it, and no function of the library joins ballots with the
 * check-in record (RULES.md §4.6).
 *
 * **Names** are compared after Unicode NFC normalisation, trimming of ASCII
 * and full-width (U+3000) spaces and folding of full-width Latin letters and
 * digits to ASCII (RULES.md §1.7), as elect_name_normalize() does. The sex
 * of candidates is an ::ElectSex (elect-person.h). Two candidates
 * with the same normalised name in different contests are taken to be the
 * same person (RULES.md §5.3); within one contest they are an error.
 *
 * Threads: a paper is mutable until a tally is made from it
 * (elect_tally_new() freezes it); a frozen paper is immutable and may be
 * shared between threads. A ballot must be used by one thread at a time.
 *  @{
 */

/** @brief The layout of a ballot paper: contests, seats, candidates
 * (reference counted). */
typedef struct _ElectPaper ElectPaper;

/** @brief The marks of one paper ballot; a reusable scratch object. */
typedef struct _ElectBallot ElectBallot;

/**
 * @brief A mark on a Party ballot line (RULES.md §5.1): 赞成 / 不赞成 / 弃权.
 */
typedef enum {
  /** 赞成, for. */
  ELECT_MARK_FOR = 1,
  /** 不赞成, against (the voter may write in another person). */
  ELECT_MARK_AGAINST = 2,
  /** 弃权, abstain. */
  ELECT_MARK_ABSTAIN = 3,
} ElectMark;

/**
 * @brief The largest number of contests of a paper (64).
 * @return the limit.
 * @since 0.1
 */
ELECT_API guint elect_paper_max_contests (void);

/**
 * @brief The largest number of candidates of one contest (4096).
 * @return the limit.
 * @since 0.1
 */
ELECT_API guint elect_paper_max_candidates (void);

/**
 * @brief Creates an empty paper.
 * @param party_marks TRUE for a Party paper whose lines are marked for,
 * against or abstain (elect_ballot_mark_party()); FALSE for a paper whose
 * candidates are simply marked (elect_ballot_mark())
 * @return a new paper (transfer full): release with elect_paper_unref().
 * @since 0.1
 */
ELECT_API ElectPaper *elect_paper_new (gboolean party_marks);

/**
 * @brief Adds a reference.
 * @param self a paper
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectPaper *elect_paper_ref (ElectPaper *self);

/**
 * @brief Drops a reference; frees the paper when it was the last. NULL-safe.
 * @param self (nullable): a paper
 * @since 0.1
 */
ELECT_API void elect_paper_unref (ElectPaper *self);

/**
 * @brief Appends a contest (a post) after the existing ones. Paper order is
 * rank order: add the highest post first.
 * @param self a paper, not frozen
 * @param id the contest's identifier (`"chair"`), non-empty, unique in the
 * paper, UTF-8
 * @param title (nullable): the post's title (`"主任"`), or NULL for @p id
 * @param seats the number of seats, 1 or more
 * @param error (out) (optional): ELECT_ERROR_INVALID (empty or duplicate id,
 * invalid UTF-8, 0 seats, the paper is frozen), ELECT_ERROR_LIMIT (more than
 * elect_paper_max_contests() contests, seats above elect_count_max())
 * @return the index of the new contest, or -1 on error.
 * @since 0.1
 */
ELECT_API int elect_paper_add_contest (ElectPaper *self, const char *id,
                                       const char *title, gint64 seats,
                                       GError **error);

/**
 * @brief Marks a contest as the women's post (妇女委员, ZJ 21): only women
 * may be elected to it; a write-in for a person who is not known to be a
 * woman is a void mark (RULES.md §5.2, §6.6).
 * @param self a paper, not frozen
 * @param contest a contest index
 * @param women_only TRUE for the women's post
 * @since 0.1
 */
ELECT_API void elect_paper_set_women_only (ElectPaper *self, guint contest,
                                           gboolean women_only);

/**
 * @brief Appends a candidate to a contest (ballot order).
 * @param self a paper, not frozen
 * @param contest a contest index
 * @param name the candidate's name (UTF-8)
 * @param sex the candidate's sex, or ELECT_SEX_UNKNOWN
 * @param error (out) (optional): ELECT_ERROR_INVALID (invalid UTF-8, a blank
 * name, the same normalised name twice in the contest, a woman-only contest
 * with a candidate known not to be a woman, the paper is frozen),
 * ELECT_ERROR_LIMIT (more than elect_paper_max_candidates())
 * @return the index of the candidate in the contest, or -1 on error.
 * @since 0.1
 */
ELECT_API int elect_paper_add_candidate (ElectPaper *self, guint contest,
                                         const char *name, ElectSex sex,
                                         GError **error);

/**
 * @brief Records optional facts about a candidate (not used by the counting
 * rules; kept for announcements).
 * @param self a paper, not frozen
 * @param contest a contest index
 * @param candidate a candidate index
 * @param birth_date (nullable): ISO 8601 date of birth, or NULL
 * @param ethnicity (nullable): ethnicity (民族), or NULL
 * @since 0.1
 */
ELECT_API void elect_paper_set_candidate_info (ElectPaper *self, guint contest,
                                               guint candidate,
                                               const char *birth_date,
                                               const char *ethnicity);

/**
 * @brief Whether the paper is a Party paper (for / against / abstain marks).
 * @param self a paper
 * @return TRUE for a Party paper.
 * @since 0.1
 */
ELECT_API gboolean elect_paper_has_party_marks (const ElectPaper *self);

/**
 * @brief Whether the paper is frozen (a tally was made from it).
 * @param self a paper
 * @return TRUE when frozen (immutable).
 * @since 0.1
 */
ELECT_API gboolean elect_paper_is_frozen (const ElectPaper *self);

/**
 * @brief The number of contests.
 * @param self a paper
 * @return the number of contests.
 * @since 0.1
 */
ELECT_API guint elect_paper_get_n_contests (const ElectPaper *self);

/**
 * @brief Looks up a contest by identifier (exact comparison).
 * @param self a paper
 * @param id an identifier
 * @param length the length of @p id in bytes, or -1 if NUL-terminated
 * @return the contest index, or -1 when there is none.
 * @since 0.1
 */
ELECT_API int elect_paper_find_contest (const ElectPaper *self, const char *id,
                                        gssize length);

/**
 * @brief A contest's identifier.
 * @param self a paper
 * @param contest a contest index
 * @return the identifier (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_paper_get_contest_id (const ElectPaper *self,
                                                  guint contest);

/**
 * @brief A contest's title.
 * @param self a paper
 * @param contest a contest index
 * @return the title (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_paper_get_contest_title (const ElectPaper *self,
                                                     guint contest);

/**
 * @brief A contest's seats.
 * @param self a paper
 * @param contest a contest index
 * @return the number of seats.
 * @since 0.1
 */
ELECT_API gint64 elect_paper_get_seats (const ElectPaper *self, guint contest);

/**
 * @brief Whether a contest is the women's post.
 * @param self a paper
 * @param contest a contest index
 * @return TRUE for the women's post.
 * @since 0.1
 */
ELECT_API gboolean elect_paper_is_women_only (const ElectPaper *self,
                                              guint contest);

/**
 * @brief The number of listed candidates of a contest (0 for an open ballot).
 * @param self a paper
 * @param contest a contest index
 * @return the number of candidates.
 * @since 0.1
 */
ELECT_API guint elect_paper_get_n_candidates (const ElectPaper *self,
                                              guint contest);

/**
 * @brief A candidate's name, as given.
 * @param self a paper
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the name (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_paper_get_candidate_name (const ElectPaper *self,
                                                      guint contest,
                                                      guint candidate);

/**
 * @brief A candidate's sex.
 * @param self a paper
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the sex.
 * @since 0.1
 */
ELECT_API ElectSex elect_paper_get_candidate_sex (const ElectPaper *self,
                                                  guint contest,
                                                  guint candidate);

/**
 * @brief A candidate's date of birth, as given.
 * @param self a paper
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the date or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_paper_get_candidate_birth_date (const ElectPaper *self,
                                                            guint contest,
                                                            guint candidate);

/**
 * @brief A candidate's ethnicity, as given.
 * @param self a paper
 * @param contest a contest index
 * @param candidate a candidate index
 * @return the ethnicity or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_paper_get_candidate_ethnicity (const ElectPaper *self,
                                                           guint contest,
                                                           guint candidate);

/**
 * @brief Looks up a listed candidate of a contest by name (compared after
 * elect_name_normalize()). Fast: no allocation for names up to 256 bytes.
 * @param self a paper
 * @param contest a contest index
 * @param name a name (UTF-8; invalid UTF-8 finds nothing)
 * @param length the length of @p name in bytes, or -1 if NUL-terminated
 * @return the candidate index, or -1 when the contest lists no such name.
 * @since 0.1
 */
ELECT_API int elect_paper_find_candidate (const ElectPaper *self, guint contest,
                                          const char *name, gssize length);

/**
 * @brief Creates a ballot for a paper. The ballot holds a reference to the
 * paper.
 * @param paper a paper with at least one contest; it is frozen (no contest
 * or candidate can be added any more, elect_paper_is_frozen())
 * @return a new, empty ballot (transfer full): free with elect_ballot_free().
 * @since 0.1
 */
ELECT_API ElectBallot *elect_ballot_new (ElectPaper *paper);

/**
 * @brief Frees a ballot. NULL-safe.
 * @param self (nullable): a ballot
 * @since 0.1
 */
ELECT_API void elect_ballot_free (ElectBallot *self);

/**
 * @brief Empties a ballot for reuse (no allocation, no deallocation).
 * @param self a ballot
 * @since 0.1
 */
ELECT_API void elect_ballot_reset (ElectBallot *self);

/**
 * @brief The paper of a ballot.
 * @param self a ballot
 * @return the paper (transfer none).
 * @since 0.1
 */
ELECT_API ElectPaper *elect_ballot_get_paper (const ElectBallot *self);

/**
 * @brief Marks a listed candidate (划"○"). Marking the same candidate twice is
 * recorded: it counts once (defect `duplicate-mark`, RULES.md §5.2).
 * On a Party paper this is the same as elect_ballot_mark_party() with
 * ELECT_MARK_FOR.
 * @param self a ballot
 * @param contest a contest index
 * @param candidate a candidate index in the contest
 * @since 0.1
 */
ELECT_API void elect_ballot_mark (ElectBallot *self, guint contest,
                                  guint candidate);

/**
 * @brief Marks a line of a Party paper for, against or abstain. Marking a
 * line again with another mark is recorded as contradictory and voids the
 * line's mark (defect `contradictory-mark`).
 * @param self a ballot
 * @param contest a contest index
 * @param candidate a candidate index in the contest
 * @param mark the mark
 * @since 0.1
 */
ELECT_API void elect_ballot_mark_party (ElectBallot *self, guint contest,
                                        guint candidate, ElectMark mark);

/**
 * @brief Writes in a name (另选他人) in a contest. The name is resolved when
 * the ballot is tallied: to a listed candidate of the contest (a mark for
 * them), to a candidate of another post (a mark for that person in this
 * post), to an eligible person (elect_tally_set_eligible()), or else it is
 * accepted as given or void (RULES.md §5.2).
 * @param self a ballot
 * @param contest a contest index
 * @param name the name written (UTF-8; copied)
 * @param length the length of @p name in bytes, or -1 if NUL-terminated
 * @since 0.1
 */
ELECT_API void elect_ballot_write_in (ElectBallot *self, guint contest,
                                      const char *name, gssize length);

/**
 * @brief Writes in a name on the line of a listed candidate of a Party paper
 * (a voter against a candidate may write in another person). If that line
 * is marked abstain, the write-in is a void mark (defect
 * `abstain-write-in`, RULES.md §5.2).
 * @param self a ballot
 * @param contest a contest index
 * @param candidate the candidate index of the line
 * @param name the name written (UTF-8; copied)
 * @param length the length of @p name in bytes, or -1 if NUL-terminated
 * @since 0.1
 */
ELECT_API void elect_ballot_write_in_on_line (ElectBallot *self, guint contest,
                                              guint candidate,
                                              const char *name, gssize length);

/**
 * @brief Marks the paper as unreadable or marked outside the allowed places
 * (废票): an invalid ballot that counts in the ballots returned and in the
 * win base (RULES.md §5.2, BJ 28). Its other marks are ignored.
 * @param self a ballot
 * @since 0.1
 */
ELECT_API void elect_ballot_set_unreadable (ElectBallot *self);

/**
 * @brief Whether the ballot was marked unreadable.
 * @param self a ballot
 * @return TRUE for a 废票.
 * @since 0.1
 */
ELECT_API gboolean elect_ballot_is_unreadable (const ElectBallot *self);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectPaper, elect_paper_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectBallot, elect_ballot_free)

G_END_DECLS
