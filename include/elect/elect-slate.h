/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-slate.h
 * @brief Candidates: the surplus rules, nomination counts (提名), vetting
 * against a negative list (资格联审) and election-committee conflicts.
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
#include <elect/elect-collate.h>

G_BEGIN_DECLS

/** @defgroup slate Candidates
 *
 * RULES.md §7.1 and §7.2.
 *
 * **Surplus (差额).** How many official candidates a post needs for its
 * seats comes from the profile: `candidates.surplus` is `more-than-seats`
 * (VCL 15: at least one more), `per-post` (`candidates.surplus_chair`,
 * `_vice`, `_member`: ranges of extra candidates, e.g. Shanghai chair exactly
 * +1, Beijing +1…+2; a post kind whose range is unset falls back to "at
 * least one more"; a contest of all seats uses the members' range) or
 * `fraction` (Party: `5*(c−s) >= s`, at least 20 % more). Where
 * `candidates.equal_when_nominees_equal_seats` holds (residents'
 * committees), as many candidates as seats are allowed when exactly as many
 * people were nominated.
 *
 * **Nomination (提名).** ::ElectNomination counts nomination ballots per
 * post. On one ballot, more names for a post than its seats void that
 * post's nominations on the ballot when `candidates.nomination_limit_seats`
 * holds (ZJ 17, BJ 16, HA 24); a person named for two posts on one ballot
 * has both of those nominations void (ZJ 17); a name repeated for one post
 * counts once. A meeting needs `candidates.nomination_quorum` of the voters.
 * The official candidates of a post are the top of its count, as many as
 * chosen within the surplus range (by default the least allowed); when the
 * cut-off falls inside a group of equal counts, the whole group goes to a
 * primary vote (预选) for the places left, reported as such. A person
 * validly nominated for two or more posts (by different ballots) must
 * confirm in writing which one to stand for (ZJ 18 ¶2: reason
 * `must-choose-one-post`, whatever their place in each count; people
 * excluded before the count are left out). A name repeated for one post on
 * a ballot is one nomination (`nomination-duplicate-name`, ZJ 17 ¶1: the
 * limit counts people).
 *
 * **Vetting (资格联审).** The statutory bars (not eligible to vote; lost
 * legal capacity or under a criminal sentence: VCL 13, 18; BJ 18) and the
 * items of an ::ElectNegativeList, evaluated on a reference date, give an
 * ::ElectVettingVerdict with every matching item, its evidence date and its
 * source. **Look-back boundary:** an event dated D matches an item with a
 * look-back of N years (or months) when the reference date is *before* the
 * N-th anniversary of D ("不满N年"): released exactly N years before the
 * reference date no longer matches; a day later than that, it does. The 29
 * February rule of elect_anniversary() applies.
 *  @{
 */

/**
 * @brief The kind of post a contest fills (which surplus range applies).
 */
typedef enum {
  /** 主任 (chair). */
  ELECT_POST_KIND_CHAIR = 0,
  /** 副主任 (vice-chair). */
  ELECT_POST_KIND_VICE = 1,
  /** 委员 (member). */
  ELECT_POST_KIND_MEMBER = 2,
  /** All seats in one contest (不分职位, Party committees). */
  ELECT_POST_KIND_ALL = 3,
} ElectPostKind;

/**
 * @brief The outcome of the nomination count for one nominee of a post.
 */
typedef enum {
  /** An official candidate (正式候选人). */
  ELECT_NOMINEE_OFFICIAL = 0,
  /** Tied at the cut-off: a primary vote (预选) among the tied decides. */
  ELECT_NOMINEE_PRIMARY = 1,
  /** Below the cut-off. */
  ELECT_NOMINEE_NOT_SELECTED = 2,
  /** Excluded before the count (barred by vetting, withdrew). */
  ELECT_NOMINEE_EXCLUDED = 3,
} ElectNomineeStatus;

/**
 * @brief The verdict of vetting one person (资格联审).
 */
typedef enum {
  /** No bar and no negative-list item applies. */
  ELECT_VETTING_ELIGIBLE = 0,
  /** A soft item (不宜) applies: may stand, but should not be recommended. */
  ELECT_VETTING_NOT_RECOMMENDED = 1,
  /** A statutory bar or a hard item applies: may not stand. */
  ELECT_VETTING_BARRED = 2,
} ElectVettingVerdict;

/* ---------------------------------------------------------------- surplus */

/**
 * @brief The number of official candidates the profile allows for a post.
 * @param rules a rule profile
 * @param post the kind of post
 * @param seats the seats of the post, 1 … elect_count_max()
 * @param nominees the number of people nominated, or -1 when unknown (used
 * for the equal-election exception)
 * @param min_candidates (out) (optional): the least number of candidates
 * @param max_candidates (out) (optional): the largest number, or -1 when
 * the profile sets no upper limit
 * @param error return location for a GError, or NULL
 * @return TRUE; FALSE with ::ELECT_ERROR_LIMIT when @p seats is out of
 * range.
 * @since 0.1
 */
ELECT_API gboolean elect_surplus_range (const ElectRules *rules,
                                        ElectPostKind post,
                                        gint64 seats,
                                        gint64 nominees,
                                        gint64 *min_candidates,
                                        gint64 *max_candidates,
                                        GError **error);

/**
 * @brief Checks a list of official candidates against the surplus rule.
 * @param rules a rule profile
 * @param post the kind of post
 * @param seats the seats of the post, 1 … elect_count_max()
 * @param candidates the number of official candidates, 0 …
 * elect_count_max()
 * @param nominees the number of people nominated, or -1 when unknown
 * @param ok (out): whether the list satisfies the rule
 * @param error return location for a GError, or NULL
 * @return the reason (transfer full), with code `surplus-ok`,
 * `surplus-too-few`, `surplus-too-many` or `equal-election-allowed` and the
 * citation of the deciding parameter; NULL with ::ELECT_ERROR_LIMIT for a
 * count out of range.
 * @since 0.1
 */
ELECT_API ElectReason *elect_surplus_check (const ElectRules *rules,
                                            ElectPostKind post,
                                            gint64 seats,
                                            gint64 candidates,
                                            gint64 nominees,
                                            gboolean *ok,
                                            GError **error);

/* ------------------------------------------------------------- nomination */

/**
 * @brief A nomination count in progress (mutable; not thread-safe).
 */
typedef struct _ElectNomination ElectNomination;

/**
 * @brief The result of a nomination count (immutable, thread-safe).
 */
typedef struct _ElectSlate ElectSlate;

/**
 * @brief Starts a nomination count.
 * @param rules the profile (a reference is taken)
 * @return a new count (transfer full): release with
 * elect_nomination_unref().
 * @since 0.1
 */
ELECT_API ElectNomination *elect_nomination_new (ElectRules *rules);

/**
 * @brief Reads a nomination file (`libelect.nominations/1`, JSON,
 * doc/formats-candidates.md): its posts, turnout and ballots.
 * @param rules the profile (a reference is taken)
 * @param data the file's text
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param origin (nullable): the file name for messages
 * @param committee (out) (optional) (transfer full): the election
 * committee's members (NULL-terminated, maybe empty): free with
 * g_strfreev()
 * @param error return location for a GError, or NULL
 * @return a count with every ballot added (transfer full), or NULL with
 * ::ELECT_ERROR_PARSE (not JSON: line and column), ::ELECT_ERROR_INVALID or
 * ::ELECT_ERROR_UNKNOWN_KEY (naming the JSON path, e.g.
 * `$.ballots[12].chair[1]`) or ::ELECT_ERROR_LIMIT.
 * @since 0.1
 */
ELECT_API ElectNomination *elect_nomination_new_from_json (ElectRules *rules,
                                                           const char *data,
                                                           gssize length,
                                                           const char *origin,
                                                           char ***committee,
                                                           GError **error);

/**
 * @brief Adds a reference.
 * @param self a count
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectNomination *elect_nomination_ref (ElectNomination *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a count
 * @since 0.1
 */
ELECT_API void elect_nomination_unref (ElectNomination *self);

/**
 * @brief Adds a post (a contest) before the first ballot.
 * @param self a count
 * @param id the post's id, unique (`"chair"`)
 * @param post its kind
 * @param seats its seats, 1 … 99
 * @param error return location for a GError, or NULL
 * @return TRUE; FALSE with ::ELECT_ERROR_INVALID (duplicate or empty id,
 * seats out of range, ballots already added).
 * @since 0.1
 */
ELECT_API gboolean elect_nomination_add_post (ElectNomination *self,
                                              const char *id,
                                              ElectPostKind post,
                                              gint64 seats,
                                              GError **error);

/**
 * @brief Asks for a number of official candidates for a post (default:
 * the least the profile allows).
 * @param self a count
 * @param id a post id
 * @param candidates the number wanted; checked against the surplus range
 * when counting
 * @param error return location for a GError, or NULL
 * @return TRUE; FALSE with ::ELECT_ERROR_NOT_FOUND (no such post) or
 * ::ELECT_ERROR_LIMIT.
 * @since 0.1
 */
ELECT_API gboolean elect_nomination_set_candidates (ElectNomination *self,
                                                    const char *id,
                                                    gint64 candidates,
                                                    GError **error);

/**
 * @brief Sets the turnout of the nomination: registered voters and those
 * who took part (ballots returned or present at the meeting).
 * @param self a count
 * @param voters registered voters, 0 … elect_count_max()
 * @param participants voters who took part, 0 … @p voters
 * @param error return location for a GError, or NULL
 * @return TRUE; FALSE with ::ELECT_ERROR_LIMIT or ::ELECT_ERROR_INVALID.
 * @since 0.1
 */
ELECT_API gboolean elect_nomination_set_turnout (ElectNomination *self,
                                                 gint64 voters,
                                                 gint64 participants,
                                                 GError **error);

/**
 * @brief Adds one nomination ballot: pairs (post, name).
 * @param self a count
 * @param post_ids (array length=n_marks): the post of each name
 * @param names (array length=n_marks): the names nominated
 * @param n_marks the number of pairs (0: a blank ballot)
 * @param error return location for a GError, or NULL
 * @return TRUE (defects such as too many names are results, recorded for
 * the count); FALSE with ::ELECT_ERROR_NOT_FOUND for an unknown post or
 * ::ELECT_ERROR_INVALID for a name that is empty or not valid UTF-8 (the
 * ballot is then not added).
 * @since 0.1
 */
ELECT_API gboolean elect_nomination_add_ballot (ElectNomination *self,
                                                const char *const *post_ids,
                                                const char *const *names,
                                                gsize n_marks,
                                                GError **error);

/**
 * @brief Excludes a person from the count (barred by vetting, withdrew):
 * the next in the count moves up.
 * @param self a count
 * @param name the person's name
 * @param why (nullable) (transfer none): the reason, added to the result
 * @since 0.1
 */
ELECT_API void elect_nomination_exclude (ElectNomination *self,
                                         const char *name,
                                         ElectReason *why);

/**
 * @brief Counts: the official candidates of every post.
 * @param self a count with at least one post
 * @param error return location for a GError, or NULL
 * @return the result (transfer full), or NULL with ::ELECT_ERROR_INVALID
 * (no post) or ::ELECT_ERROR_LIMIT (a number of candidates outside the
 * surplus range was asked for).
 * @since 0.1
 */
ELECT_API ElectSlate *elect_nomination_count (ElectNomination *self,
                                              GError **error);

/**
 * @brief Adds a reference.
 * @param self a slate
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectSlate *elect_slate_ref (ElectSlate *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a slate
 * @since 0.1
 */
ELECT_API void elect_slate_unref (ElectSlate *self);

/**
 * @brief Whether the nomination is valid (its quorum, when the profile has
 * one, is met). When it is not, no one is an official candidate.
 * @param self a slate
 * @return TRUE when valid.
 * @since 0.1
 */
ELECT_API gboolean elect_slate_is_valid (const ElectSlate *self);

/**
 * @brief The number of posts.
 * @param self a slate
 * @return the number of posts, in the order they were added.
 * @since 0.1
 */
ELECT_API guint elect_slate_get_n_posts (const ElectSlate *self);

/**
 * @brief The id of a post.
 * @param self a slate
 * @param post index of the post
 * @return the id (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_slate_get_post_id (const ElectSlate *self,
                                               guint post);

/**
 * @brief The nominees of a post, in count order (most nominations first,
 * equal counts in order of first appearance).
 * @param self a slate
 * @param post index of the post
 * @return the number of nominees.
 * @since 0.1
 */
ELECT_API guint elect_slate_get_n_nominees (const ElectSlate *self,
                                            guint post);

/**
 * @brief The name of a nominee.
 * @param self a slate
 * @param post index of the post
 * @param i index of the nominee
 * @return the normalised name (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_slate_get_nominee_name (const ElectSlate *self,
                                                    guint post,
                                                    guint i);

/**
 * @brief The valid nominations of a nominee.
 * @param self a slate
 * @param post index of the post
 * @param i index of the nominee
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_slate_get_nominee_votes (const ElectSlate *self,
                                                guint post,
                                                guint i);

/**
 * @brief The status of a nominee.
 * @param self a slate
 * @param post index of the post
 * @param i index of the nominee
 * @return the status.
 * @since 0.1
 */
ELECT_API ElectNomineeStatus elect_slate_get_nominee_status (const ElectSlate *self,
                                                             guint post,
                                                             guint i);

/**
 * @brief The official candidates of a post in stroke order (RULES.md §7.3).
 * @param self a slate
 * @param post index of the post
 * @param collation the convention for names of one surname
 * @param error return location for a GError, or NULL
 * @return a NULL-terminated array (transfer full): free with g_strfreev();
 * NULL with ::ELECT_ERROR_INVALID when a name cannot be ordered.
 * @since 0.1
 */
ELECT_API char **elect_slate_get_official (const ElectSlate *self,
                                           guint post,
                                           ElectCollation collation,
                                           GError **error);

/**
 * @brief The number of reasons (every decision of the count).
 * @param self a slate
 * @return the number of reasons.
 * @since 0.1
 */
ELECT_API guint elect_slate_get_n_reasons (const ElectSlate *self);

/**
 * @brief A reason.
 * @param self a slate
 * @param i index, below elect_slate_get_n_reasons()
 * @return the reason (transfer none).
 * @since 0.1
 */
ELECT_API ElectReason *elect_slate_get_reason (const ElectSlate *self,
                                               guint i);

/**
 * @brief Whether a reason with a code was given.
 * @param self a slate
 * @param code a reason code (`"primary-required"`)
 * @return TRUE when some reason has @p code.
 * @since 0.1
 */
ELECT_API gboolean elect_slate_has_reason (const ElectSlate *self,
                                           const char *code);

/**
 * @brief The slate as JSON: `{"valid":…, "posts":[{"id", "kind", "seats",
 * "candidates_min", "candidates_max", "official":[…stroke order…],
 * "nominees":[{"name","votes","status"}]}], "reasons":[…]}`.
 * @param self a slate
 * @param collation the convention for the stroke order of "official"
 * @param lang (nullable): the language of the messages (`"zh"`, `"en"`)
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_slate_to_json (const ElectSlate *self,
                                     ElectCollation collation,
                                     const char *lang);

/* ---------------------------------------------------------------- vetting */

/**
 * @brief A negative list (负面清单): conditions as data (immutable,
 * reference counted, thread-safe).
 *
 * A key file with one group per item, `[item ID]`, and the keys
 * - `title` (required): what the item says;
 * - `kind` (required): `event` (a dated event such as a release from
 *   prison: the person's record names events by their item id), `flag` (a
 *   standing condition such as "under investigation") or `age-cap` (the age
 *   on a fixed date);
 * - `severity` (required): `barred` or `not-recommended`;
 * - `source` (required): the document the item comes from;
 * - `lookback` (event; optional): `5y`, `3y`, `18m`; absent: ever;
 * - `max_age` and `age_date` (age-cap; required): the person may not be
 *   older than `max_age` on `age_date` (YYYY-MM-DD);
 * - `posts` (age-cap; optional): the post kinds it applies to, e.g.
 *   `chair;vice`; `incumbent` (optional): `true` or `false`, to apply to
 *   continuing or new office holders only.
 *
 * An optional `[list]` group holds `title` and `source` of the whole list.
 */
typedef struct _ElectNegativeList ElectNegativeList;

/**
 * @brief Loads a negative list from a key file.
 * @param path the file
 * @param error return location for a GError, or NULL
 * @return the list (transfer full), or NULL with ::ELECT_ERROR_IO,
 * ::ELECT_ERROR_PARSE, ::ELECT_ERROR_UNKNOWN_KEY or ::ELECT_ERROR_INVALID
 * naming the file, the group and the key.
 * @since 0.1
 */
ELECT_API ElectNegativeList *elect_negative_list_load (const char *path,
                                                       GError **error);

/**
 * @brief Loads a negative list from key-file text.
 * @param data the text (UTF-8)
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param origin (nullable): a name for messages
 * @param error return location for a GError, or NULL
 * @return the list (transfer full), or NULL (errors as
 * elect_negative_list_load()).
 * @since 0.1
 */
ELECT_API ElectNegativeList *elect_negative_list_load_from_data (const char *data,
                                                                 gssize length,
                                                                 const char *origin,
                                                                 GError **error);

/**
 * @brief Adds a reference.
 * @param self a list
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectNegativeList *elect_negative_list_ref (ElectNegativeList *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a list
 * @since 0.1
 */
ELECT_API void elect_negative_list_unref (ElectNegativeList *self);

/**
 * @brief The number of items.
 * @param self a list
 * @return the number of items, in file order.
 * @since 0.1
 */
ELECT_API guint elect_negative_list_get_n_items (const ElectNegativeList *self);

/**
 * @brief The id of an item (the group name after `item `).
 * @param self a list
 * @param i index of the item
 * @return the id (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_negative_list_get_item_id (const ElectNegativeList *self,
                                                       guint i);

/**
 * @brief What is known of one prospective candidate (mutable, not
 * thread-safe).
 */
typedef struct _ElectCandidateRecord ElectCandidateRecord;

/**
 * @brief Creates a record; by default the person is an eligible voter with
 * legal capacity and no sentence, for no particular post.
 * @param name the person's name (normalised)
 * @return a new record (transfer full), or NULL when @p name is not valid
 * UTF-8: free with elect_candidate_record_free().
 * @since 0.1
 */
ELECT_API ElectCandidateRecord *elect_candidate_record_new (const char *name);

/**
 * @brief Frees a record. NULL-safe.
 * @param self (nullable): a record
 * @since 0.1
 */
ELECT_API void elect_candidate_record_free (ElectCandidateRecord *self);

/**
 * @brief The name of the person.
 * @param self a record
 * @return the normalised name (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_candidate_record_get_name (const ElectCandidateRecord *self);

/**
 * @brief Sets the date of birth (for age caps).
 * @param self a record
 * @param birth_date (nullable): a valid date, or NULL for unknown
 * @since 0.1
 */
ELECT_API void elect_candidate_record_set_birth_date (ElectCandidateRecord *self,
                                                      const GDate *birth_date);

/**
 * @brief Sets the statutory facts.
 * @param self a record
 * @param voter whether the person is on the roll / eligible to vote (VCL 13)
 * @param legal_capacity whether the person has full legal capacity (VCL 18)
 * @param sentenced whether the person is under a criminal sentence (VCL 18;
 * BJ 18)
 * @since 0.1
 */
ELECT_API void elect_candidate_record_set_status (ElectCandidateRecord *self,
                                                  gboolean voter,
                                                  gboolean legal_capacity,
                                                  gboolean sentenced);

/**
 * @brief Sets the post the person stands for and whether they hold it now.
 * @param self a record
 * @param post the kind of post
 * @param incumbent whether the person holds that post now (连任)
 * @since 0.1
 */
ELECT_API void elect_candidate_record_set_post (ElectCandidateRecord *self,
                                                ElectPostKind post,
                                                gboolean incumbent);

/**
 * @brief Records a dated event or a standing flag, named by the id of the
 * negative-list item it concerns.
 * @param self a record
 * @param item the item id (`"prison"`)
 * @param date (nullable): the date of the event (required for `event`
 * items to match) or of the start of the flag
 * @since 0.1
 */
ELECT_API void elect_candidate_record_add_fact (ElectCandidateRecord *self,
                                                const char *item,
                                                const GDate *date);

/**
 * @brief Records a near relative of the person (for election-committee
 * conflicts).
 * @param self a record
 * @param name the relative's name
 * @param relation `spouse`, `parent`, `child`, `sibling`, `grandparent` or
 * `grandchild`
 * @return TRUE; FALSE for an unknown relation or a name that is not valid
 * UTF-8.
 * @since 0.1
 */
ELECT_API gboolean elect_candidate_record_add_relative (ElectCandidateRecord *self,
                                                        const char *name,
                                                        const char *relation);

/**
 * @brief Reads a candidate-record file (`libelect.candidates/1`, JSON,
 * doc/formats-candidates.md).
 * @param data the file's text
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param origin (nullable): the file name for messages
 * @param list (nullable): a negative list; when given, every fact must name
 * one of its items
 * @param error return location for a GError, or NULL
 * @return (element-type ElectCandidateRecord) (transfer full): the records
 * in file order, freed with the array (g_ptr_array_unref()); NULL with
 * ::ELECT_ERROR_PARSE, ::ELECT_ERROR_INVALID or ::ELECT_ERROR_UNKNOWN_KEY
 * naming the JSON path (`$.people[3].facts[0].date`).
 * @since 0.1
 */
ELECT_API GPtrArray *elect_candidate_records_from_json (const char *data,
                                                        gssize length,
                                                        const char *origin,
                                                        const ElectNegativeList *list,
                                                        GError **error);

/**
 * @brief The result of vetting one person (immutable, thread-safe).
 */
typedef struct _ElectVetting ElectVetting;

/**
 * @brief Vets a person on a reference date.
 * @param record the person
 * @param list (nullable): a negative list, or NULL for the statutory bars
 * only
 * @param reference the reference date (a valid date)
 * @return the result (transfer full): release with elect_vetting_unref().
 * @since 0.1
 */
ELECT_API ElectVetting *elect_vet (const ElectCandidateRecord *record,
                                   const ElectNegativeList *list,
                                   const GDate *reference);

/**
 * @brief Adds a reference.
 * @param self a result
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectVetting *elect_vetting_ref (ElectVetting *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a result
 * @since 0.1
 */
ELECT_API void elect_vetting_unref (ElectVetting *self);

/**
 * @brief The verdict: the most severe of the matches.
 * @param self a result
 * @return the verdict.
 * @since 0.1
 */
ELECT_API ElectVettingVerdict elect_vetting_get_verdict (const ElectVetting *self);

/**
 * @brief The number of matches (statutory bars and negative-list items).
 * @param self a result
 * @return the number of matches, one reason each.
 * @since 0.1
 */
ELECT_API guint elect_vetting_get_n_matches (const ElectVetting *self);

/**
 * @brief One match.
 * @param self a result
 * @param i index of the match
 * @param item (out) (optional) (transfer none): the item id, or for a
 * statutory bar `not-voter`, `no-legal-capacity` or `sentenced`
 * @param severity (out) (optional): ::ELECT_VETTING_BARRED or
 * ::ELECT_VETTING_NOT_RECOMMENDED
 * @param evidence_date (out) (optional) (transfer none): the date of the
 * evidence as YYYY-MM-DD, or NULL when none
 * @return the reason (transfer none): its code is `statutory-bar` or
 * `negative-list-item`, its citation the item's source.
 * @since 0.1
 */
ELECT_API ElectReason *elect_vetting_get_match (const ElectVetting *self,
                                                guint i,
                                                const char **item,
                                                ElectVettingVerdict *severity,
                                                const char **evidence_date);

/**
 * @brief The result as JSON: `{"name", "verdict", "matches":[{"item",
 * "severity", "date", "code", "message", "citation"}]}`.
 * @param self a result
 * @param lang (nullable): the language of the messages
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_vetting_to_json (const ElectVetting *self,
                                       const char *lang);

/**
 * @brief Election-committee conflicts: a member of the election committee
 * who is nominated must leave it (VCL 12, ZJ 9 ¶1); with @p relatives, so
 * must a member who is the spouse, parent, child or sibling of a nominee
 * (ZJ 9 ¶2).
 * @param committee (array zero-terminated=1): the members' names
 * @param nominees (array length=n_nominees): the nominees' records (their
 * relatives are used)
 * @param n_nominees the number of nominees
 * @param relatives whether the relatives rule applies: pass the profile's
 * `candidates.relatives_leave_committee` (true in Zhejiang and the
 * profiles that extend it; elect-slate does so)
 * @return (element-type ElectReason) (transfer full): one reason per member
 * who must leave (codes `committee-member-nominated`,
 * `committee-member-relative-nominated`); free with g_ptr_array_unref().
 * The reasons cite VCL 12 and, with @p relatives, ZJ 9 (the text this rule
 * comes from); a program whose profile cites another article for
 * `candidates.relatives_leave_committee` may re-cite them
 * (elect_rules_get_citation(), elect_reason_new()), as elect-slate does.
 * @since 0.1
 */
ELECT_API GPtrArray *elect_committee_conflicts (const char *const *committee,
                                                ElectCandidateRecord *const *nominees,
                                                gsize n_nominees,
                                                gboolean relatives);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectNomination, elect_nomination_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectSlate, elect_slate_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectNegativeList, elect_negative_list_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectCandidateRecord, elect_candidate_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectVetting, elect_vetting_unref)

G_END_DECLS
