/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-schedule.h
 * @brief The election timeline (工期倒排): every deadline of RULES.md §9
 * computed from election day, a village's actual dates checked against
 * them, and the arithmetic of recall (罢免) and by-elections (补选, §10).
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

G_BEGIN_DECLS

/** @defgroup schedule Timeline (工期倒排), recall (罢免) and by-elections (补选)
 *
 * **工期倒排到日.** Given election day E and a profile, elect_schedule_new()
 * computes every step of RULES.md §9, backward and forward, in timeline
 * order. Each step (::ElectScheduleStep) has a stable code
 * (elect_schedule_step_codes()), the profile parameter that sets it and that
 * parameter's citation, and either
 *
 * - a **deadline** (::ELECT_SCHEDULE_KIND_DEADLINE): "选举日的N日前" is met by
 *   a day d <= E − N (RULES.md §1.6); or
 * - a **window** (::ELECT_SCHEDULE_KIND_WINDOW) from a start day P: "自P之日起
 *   N日内" covers P+1 … P+N (the start day is not counted, CC 201), so the
 *   last day is P+N. A step done on P itself is on time (the period has
 *   begun); a step done before P is early.
 *
 * | code | kind | parameter | start, last day |
 * |---|---|---|---|
 * | `roll-published` | deadline | `roll.publish_days_before` | E−20 (VCL 14) |
 * | `objections-window` | window | `roll.objection_days` | from the roll's publication: P+5 (VCL 14) |
 * | `objection-decision` | window | `roll.decision_days` | from the receipt of the objection: +3 (VCL 14) |
 * | `self-nomination-closes` | deadline | `candidates.self_nomination_days_before` | E−10 (ZJ 20) |
 * | `candidate-list-published` | deadline | `candidates.list_days_before` | E−5 (ZJ 18, SH 12, BJ 20, HA 26) |
 * | `voting-arrangements-announced` | deadline | `schedule.arrangements_days_before` | E−5 (ZJ 22) |
 * | `proxies-filed` | deadline | `proxy.filed_days_before` | E−3 (ZJ 25), E−5 (SH 16) |
 * | `proxy-list-published` | deadline | `proxy.list_days_before` | E−2 (SH 16) |
 * | `candidate-withdrawal` | deadline | `candidates.withdrawal_days_before` | E−3 (ZJ) |
 * | `results-announced` | window | `schedule.results_days_after` | from E: E (VCL 15), E+1 (ZJ 32) |
 * | `supplementary-round` | window | `supplementary.within_days` | from E: E+30 (ZJ 29, SH 21), E+15 (BJ 30) |
 * | `handover` | window | `schedule.handover_days` | from the committee's formation: +10 (VCL 20) |
 * | `departure-audit-published` | deadline | `schedule.audit_days_before` | E−1: before the election (VCL 35) |
 *
 * A step whose parameter is `none` in the profile is **not applicable**
 * (elect_schedule_step_is_applicable(); elect_schedule_list_applicable_steps()
 * leaves it out); so are the proxy steps where `proxy.allowed` is false. A
 * **conditional** step takes place only when something happens (an
 * objection, a withdrawal, a proxy, a supplementary round, an election
 * without candidates): having no date for it is not a defect.
 *
 * In the plan (elect_schedule_new()) a window whose start is an earlier step
 * starts on that step's last day (the objection window starts on E−20, the
 * decision period on the last day of the objection window, the handover on
 * E). elect_schedule_check() starts them on the village's **actual** dates
 * instead, where recorded: the objection window on the actual publication of
 * the roll, the decision period on the actual receipt of the objection (the
 * date of `objections-window`), the handover on the actual supplementary
 * round (the committee is formed when its last members are elected).
 *
 * **Checking actual dates.** An ::ElectVillageDates holds one village's
 * actual dates (step code → date), read from `libelect.village-dates/1` JSON
 * (doc/formats-schedule.md). elect_schedule_check() gives, for each step, an
 * ::ElectScheduleStatus, the number of days late (exact day arithmetic) and
 * an ::ElectReason with a stable code, a message in zh_CN and en and the
 * citation:
 *
 * | reason code | status |
 * |---|---|
 * | `schedule-on-time` | ::ELECT_SCHEDULE_STATUS_ON_TIME |
 * | `schedule-late` | ::ELECT_SCHEDULE_STATUS_LATE (the message says by how many days) |
 * | `schedule-early` | ::ELECT_SCHEDULE_STATUS_EARLY (before the window's start day) |
 * | `schedule-missing` | ::ELECT_SCHEDULE_STATUS_MISSING (a required step without a date) |
 * | `schedule-not-held` | ::ELECT_SCHEDULE_STATUS_NOT_HELD (a conditional step without a date) |
 * | `schedule-not-applicable` | ::ELECT_SCHEDULE_STATUS_NOT_APPLICABLE |
 *
 * Each reason's parameter (elect_reason_get_param()) names the rule; the
 * step is the one of the same index in elect_schedule_check_get_schedule().
 *
 * **罢免 and 补选 (VCL 16, 19).** elect_recall_check_request() and
 * elect_recall_check_vote() apply VCL 16 with exact integer arithmetic
 * (`5*signatures >= voters` or `3*signatures >= representatives`;
 * `2*returned > registered` and `2*yes > returned`);
 * elect_by_election_term_end() gives the day a by-elected member's term ends:
 * the committee's (VCL 19).
 *
 * Schedules, village dates once read and check results are immutable and
 * may be shared between threads; an ::ElectVillageDates being filled with
 * elect_village_dates_set() must not be used from two threads at once.
 *  @{
 */

/** @brief The shape of a step's time limit. */
typedef enum {
  /** On or before a day: d <= E − N. */
  ELECT_SCHEDULE_KIND_DEADLINE = 0,
  /** Within N days after a start day P: P <= d <= P + N. */
  ELECT_SCHEDULE_KIND_WINDOW = 1,
} ElectScheduleKind;

/** @brief The outcome of checking one step's actual date. */
typedef enum {
  /** Done by the deadline (within the window). */
  ELECT_SCHEDULE_STATUS_ON_TIME = 0,
  /** Done after the last day. */
  ELECT_SCHEDULE_STATUS_LATE = 1,
  /** A required step without a date. */
  ELECT_SCHEDULE_STATUS_MISSING = 2,
  /** The profile has no such step. */
  ELECT_SCHEDULE_STATUS_NOT_APPLICABLE = 3,
  /** A conditional step without a date (it did not take place). */
  ELECT_SCHEDULE_STATUS_NOT_HELD = 4,
  /** Done before the window's start day. */
  ELECT_SCHEDULE_STATUS_EARLY = 5,
} ElectScheduleStatus;

/** @brief The timeline of one election (immutable, reference counted). */
typedef struct _ElectSchedule ElectSchedule;
/** @brief One step of a timeline (borrowed from its ::ElectSchedule). */
typedef struct _ElectScheduleStep ElectScheduleStep;
/** @brief One village's actual dates (reference counted). */
typedef struct _ElectVillageDates ElectVillageDates;
/** @brief The result of checking actual dates (immutable, reference counted). */
typedef struct _ElectScheduleCheck ElectScheduleCheck;

/**
 * @brief Every step code, in timeline order (the order of every schedule).
 * @return a NULL-terminated static array (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_schedule_step_codes (void);

/**
 * @brief Computes the timeline (工期倒排) of an election on @p election_day.
 * @param rules a profile (a reference is taken)
 * @param election_day the election day E
 * @return a new schedule (transfer full): release with elect_schedule_unref().
 * Every step of elect_schedule_step_codes() is present, applicable or not.
 * @since 0.1
 */
ELECT_API ElectSchedule *elect_schedule_new (ElectRules *rules, const GDate *election_day);

/** @brief Adds a reference. @param self a schedule
 * @return @p self (transfer full). @since 0.1 */
ELECT_API ElectSchedule *elect_schedule_ref (ElectSchedule *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a schedule
 * @since 0.1 */
ELECT_API void elect_schedule_unref (ElectSchedule *self);

/** @brief The profile of a schedule. @param self a schedule
 * @return the profile (transfer none). @since 0.1 */
ELECT_API const ElectRules *elect_schedule_get_rules (const ElectSchedule *self);
/** @brief The election day. @param self a schedule
 * @return the day (transfer none). @since 0.1 */
ELECT_API const GDate *elect_schedule_get_election_day (const ElectSchedule *self);
/** @brief The number of steps (all of elect_schedule_step_codes()).
 * @param self a schedule @return the count. @since 0.1 */
ELECT_API guint elect_schedule_get_n_steps (const ElectSchedule *self);

/**
 * @brief A step by index.
 * @param self a schedule
 * @param index 0 … elect_schedule_get_n_steps() − 1
 * @return the step (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API const ElectScheduleStep *elect_schedule_get_step (const ElectSchedule *self,
                                                            guint index);

/**
 * @brief A step by code.
 * @param self a schedule
 * @param code a step code (`"roll-published"`)
 * @return the step (transfer none), or NULL for an unknown code.
 * @since 0.1
 */
ELECT_API const ElectScheduleStep *elect_schedule_lookup_step (const ElectSchedule *self,
                                                               const char *code);

/**
 * @brief The steps the profile defines (the applicable ones), in timeline
 * order.
 * @param self a schedule
 * @return a new array of `const ElectScheduleStep *` (transfer container:
 * free it with g_ptr_array_unref(); the steps belong to @p self).
 * @since 0.1
 */
ELECT_API GPtrArray *elect_schedule_list_applicable_steps (const ElectSchedule *self);

/**
 * @brief The schedule as `libelect.schedule/1` JSON (doc/formats-schedule.md).
 * @param self a schedule
 * @param lang (nullable): the language of the step titles (`"zh"`, `"en"`)
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_schedule_to_json (const ElectSchedule *self, const char *lang);

/** @brief The stable code of a step. @param step a step
 * @return the code (transfer none). @since 0.1 */
ELECT_API const char *elect_schedule_step_get_code (const ElectScheduleStep *step);
/** @brief The title of a step (“公布选民名单”, “Roll published”).
 * @param step a step @param lang (nullable): `"zh"` or `"en"` (NULL: English)
 * @return the title (transfer none). @since 0.1 */
ELECT_API const char *elect_schedule_step_get_title (const ElectScheduleStep *step,
                                                     const char *lang);
/** @brief The kind of a step's limit. @param step a step
 * @return the kind. @since 0.1 */
ELECT_API ElectScheduleKind elect_schedule_step_get_kind (const ElectScheduleStep *step);
/** @brief Whether the profile has this step. @param step a step
 * @return TRUE when applicable. @since 0.1 */
ELECT_API gboolean elect_schedule_step_is_applicable (const ElectScheduleStep *step);
/** @brief Whether the step takes place only when something happens (an
 * objection, a proxy, a withdrawal, a supplementary round, self-nomination).
 * @param step a step @return TRUE when conditional. @since 0.1 */
ELECT_API gboolean elect_schedule_step_is_conditional (const ElectScheduleStep *step);
/** @brief N, the number of days of the parameter.
 * @param step a step @return N, or −1 when not applicable. @since 0.1 */
ELECT_API gint64 elect_schedule_step_get_days (const ElectScheduleStep *step);
/** @brief The start day P of a window (not counted, CC 201).
 * @param step a step
 * @return the day (transfer none), or NULL for a deadline or a step not
 * applicable. @since 0.1 */
ELECT_API const GDate *elect_schedule_step_get_start (const ElectScheduleStep *step);
/** @brief The last day on which the step is on time (E − N, or P + N).
 * @param step a step
 * @return the day (transfer none), or NULL when not applicable. @since 0.1 */
ELECT_API const GDate *elect_schedule_step_get_last (const ElectScheduleStep *step);
/** @brief The code of the step whose date starts this window
 * (`objections-window` ← `roll-published`, `objection-decision` ←
 * `objections-window`, `handover` ← `supplementary-round`).
 * @param step a step @return the code (transfer none), or NULL. @since 0.1 */
ELECT_API const char *elect_schedule_step_get_depends_on (const ElectScheduleStep *step);
/** @brief The profile parameter of the step, as `group.key`.
 * @param step a step @return the key (transfer none). @since 0.1 */
ELECT_API const char *elect_schedule_step_get_param (const ElectScheduleStep *step);
/** @brief The citation of the step's parameter in the profile.
 * @param step a step @return the citation, or "" (transfer none). @since 0.1 */
ELECT_API const char *elect_schedule_step_get_citation (const ElectScheduleStep *step);

/* ---- a village's actual dates --------------------------------------------- */

/**
 * @brief Creates an empty record of actual dates.
 * @param election_day the (actual) election day E
 * @return a new record (transfer full): release with elect_village_dates_unref().
 * @since 0.1
 */
ELECT_API ElectVillageDates *elect_village_dates_new (const GDate *election_day);
/** @brief Adds a reference. @param self a record
 * @return @p self (transfer full). @since 0.1 */
ELECT_API ElectVillageDates *elect_village_dates_ref (ElectVillageDates *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a record
 * @since 0.1 */
ELECT_API void elect_village_dates_unref (ElectVillageDates *self);
/** @brief The election day. @param self a record
 * @return the day (transfer none). @since 0.1 */
ELECT_API const GDate *elect_village_dates_get_election_day (const ElectVillageDates *self);
/** @brief Sets the name of the profile the dates are for.
 * @param self a record @param profile (nullable): a profile name @since 0.1 */
ELECT_API void elect_village_dates_set_profile (ElectVillageDates *self, const char *profile);
/** @brief The name of the profile. @param self a record
 * @return the name (transfer none), or NULL. @since 0.1 */
ELECT_API const char *elect_village_dates_get_profile (const ElectVillageDates *self);
/** @brief Sets the village's name. @param self a record
 * @param village (nullable): the name @since 0.1 */
ELECT_API void elect_village_dates_set_village (ElectVillageDates *self, const char *village);
/** @brief The village's name. @param self a record
 * @return the name (transfer none), or NULL. @since 0.1 */
ELECT_API const char *elect_village_dates_get_village (const ElectVillageDates *self);

/**
 * @brief Records the actual date of a step. For `objections-window` it is
 * the day an objection was received (the latest, when several were); for
 * `objection-decision` the day it was decided; for `proxies-filed` the
 * latest filing.
 * @param self a record
 * @param code a step code of elect_schedule_step_codes()
 * @param date (nullable): the date, or NULL to remove it
 * @since 0.1
 */
ELECT_API void elect_village_dates_set (ElectVillageDates *self, const char *code,
                                        const GDate *date);

/**
 * @brief The actual date of a step.
 * @param self a record
 * @param code a step code
 * @return the date (transfer none), or NULL when none is recorded.
 * @since 0.1
 */
ELECT_API const GDate *elect_village_dates_get (const ElectVillageDates *self,
                                                const char *code);

/**
 * @brief Reads `libelect.village-dates/1` JSON (doc/formats-schedule.md).
 * @param data the bytes (UTF-8)
 * @param length the length of @p data, or −1 when NUL-terminated
 * @param origin (nullable): the file name used in error messages
 * @param error (out) (optional): ELECT_ERROR_LIMIT (larger than 1 MiB),
 * ELECT_ERROR_PARSE (not UTF-8, not JSON), ELECT_ERROR_INVALID (a missing
 * or malformed member, a bad date), ELECT_ERROR_UNKNOWN_KEY (an unknown
 * member or step code; members starting with `x-` are ignored); the
 * message names the file and the JSON path (`$.steps.handover`)
 * @return a new record (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectVillageDates *elect_village_dates_new_from_json (const char *data,
                                                                gssize length,
                                                                const char *origin,
                                                                GError **error);

/**
 * @brief Reads a `libelect.village-dates/1` file.
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND (no such file),
 * ELECT_ERROR_IO, and as elect_village_dates_new_from_json()
 * @return a new record (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectVillageDates *elect_village_dates_load (const char *path, GError **error);

/**
 * @brief Writes the record as `libelect.village-dates/1` JSON.
 * @param self a record
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_village_dates_to_json (const ElectVillageDates *self);

/* ---- checking ------------------------------------------------------------- */

/**
 * @brief Checks a village's actual dates against the timeline of @p rules
 * on the record's election day; windows that start on an earlier step start
 * on its actual date where recorded.
 * @param rules a profile (a reference is taken)
 * @param dates the actual dates
 * @param error (out) (optional): ELECT_ERROR_INVALID when @p dates names a
 * profile other than @p rules
 * @return a new result (transfer full): release with
 * elect_schedule_check_unref(); or NULL on error.
 * @since 0.1
 */
ELECT_API ElectScheduleCheck *elect_schedule_check (ElectRules *rules,
                                                    const ElectVillageDates *dates,
                                                    GError **error);
/** @brief Adds a reference. @param self a result
 * @return @p self (transfer full). @since 0.1 */
ELECT_API ElectScheduleCheck *elect_schedule_check_ref (ElectScheduleCheck *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a result
 * @since 0.1 */
ELECT_API void elect_schedule_check_unref (ElectScheduleCheck *self);
/** @brief The schedule checked against, with windows started on actual
 * dates; its steps have the indices of the result's.
 * @param self a result @return the schedule (transfer none). @since 0.1 */
ELECT_API const ElectSchedule *elect_schedule_check_get_schedule (const ElectScheduleCheck *self);
/** @brief The village's name, as in the dates. @param self a result
 * @return the name (transfer none), or NULL. @since 0.1 */
ELECT_API const char *elect_schedule_check_get_village (const ElectScheduleCheck *self);
/** @brief The status of a step. @param self a result
 * @param index a step index @return the status. @since 0.1 */
ELECT_API ElectScheduleStatus elect_schedule_check_get_status (const ElectScheduleCheck *self,
                                                               guint index);
/** @brief Days after the last day (> 0 when late), or before the start day
 * (< 0 when early); 0 otherwise.
 * @param self a result @param index a step index
 * @return the signed number of days. @since 0.1 */
ELECT_API gint64 elect_schedule_check_get_days_late (const ElectScheduleCheck *self,
                                                     guint index);
/** @brief The actual date of a step. @param self a result
 * @param index a step index
 * @return the date (transfer none), or NULL when none was recorded. @since 0.1 */
ELECT_API const GDate *elect_schedule_check_get_actual (const ElectScheduleCheck *self,
                                                        guint index);
/** @brief The reason of a step's status. @param self a result
 * @param index a step index
 * @return the reason (transfer none), valid as long as @p self. @since 0.1 */
ELECT_API ElectReason *elect_schedule_check_get_reason (const ElectScheduleCheck *self,
                                                        guint index);
/** @brief The index of a step by code. @param self a result
 * @param code a step code
 * @return the index, or −1 for an unknown code. @since 0.1 */
ELECT_API gint elect_schedule_check_find (const ElectScheduleCheck *self, const char *code);
/** @brief The number of steps with a status. @param self a result
 * @param status a status @return the count. @since 0.1 */
ELECT_API guint elect_schedule_check_count (const ElectScheduleCheck *self,
                                            ElectScheduleStatus status);
/** @brief Whether no step is late, early or missing.
 * @param self a result @return TRUE when the timeline was kept. @since 0.1 */
ELECT_API gboolean elect_schedule_check_is_on_time (const ElectScheduleCheck *self);
/**
 * @brief The result as `libelect.schedule-check/1` JSON
 * (doc/formats-schedule.md).
 * @param self a result
 * @param lang (nullable): the language of titles and messages
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_schedule_check_to_json (const ElectScheduleCheck *self,
                                              const char *lang);

/* ---- recall (罢免) and by-elections (补选) --------------------------------- */

/**
 * @brief Whether a request to recall a member of the villagers' committee
 * (罢免) has enough signatures (VCL 16 ¶1): `5*voter_signatures >= voters`
 * ("五分之一以上有选举权的村民") or `3*representative_signatures >=
 * representatives` ("三分之一以上的村民代表"), exact integer arithmetic. A
 * route with an electorate of 0 is not used (pass 0, 0).
 * @param voters villagers with the right to vote
 * @param voter_signatures how many of them signed
 * @param representatives villagers' representatives
 * @param representative_signatures how many of them signed
 * @param out_valid (out) (optional): whether the request is valid
 * @param error (out) (optional): ELECT_ERROR_INVALID for a negative count, a
 * count above elect_count_max(), or more signatures than signers
 * @return a reason (transfer full): `recall-request-valid` or
 * `recall-request-invalid`, citing VCL 16; NULL on error.
 * @since 0.1
 */
ELECT_API ElectReason *elect_recall_check_request (gint64 voters, gint64 voter_signatures,
                                                   gint64 representatives,
                                                   gint64 representative_signatures,
                                                   gboolean *out_valid, GError **error);

/**
 * @brief Whether a recall vote (罢免表决) passes (VCL 16 ¶2): more than half
 * of the registered voters voted, `2*returned > registered`, and more than
 * half of those who voted said yes, `2*yes > returned`. Exactly half fails.
 * @param registered voters registered to take part
 * @param returned ballots returned (voters who voted)
 * @param yes ballots for the recall
 * @param out_passed (out) (optional): whether the member is recalled
 * @param error (out) (optional): ELECT_ERROR_INVALID for a negative count, a
 * count above elect_count_max(), more ballots than voters or more yes than
 * ballots
 * @return a reason (transfer full): `recall-passed`, `recall-turnout-not-met`
 * or `recall-not-approved`, citing VCL 16; NULL on error.
 * @since 0.1
 */
ELECT_API ElectReason *elect_recall_check_vote (gint64 registered, gint64 returned,
                                                gint64 yes, gboolean *out_passed,
                                                GError **error);

/**
 * @brief The day the committee's term ends, which is also the end of the
 * term of a member elected in a by-election (补选, VCL 19): the
 * `general.term_years`-th anniversary of the committee's election day (CC
 * 201, 203: the last day of a period in years is the corresponding day; a 29
 * February without one gives 28 February).
 * @param rules a profile
 * @param committee_elected the day the committee was elected
 * @param out_end (out): the last day of the term
 * @param error (out) (optional): ELECT_ERROR_UNSET when the profile has no
 * term
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_by_election_term_end (const ElectRules *rules,
                                               const GDate *committee_elected,
                                               GDate *out_end, GError **error);

/**
 * @brief Explains the term of a member elected in a by-election (补选) on
 * @p by_election_day (VCL 19).
 * @param rules a profile
 * @param committee_elected the day the committee was elected
 * @param by_election_day the day of the by-election
 * @param error (out) (optional): ELECT_ERROR_UNSET as
 * elect_by_election_term_end(); ELECT_ERROR_INVALID when the by-election is
 * before the committee's election
 * @return a reason (transfer full): `by-election-term` (the term ends with
 * the committee's, on the day named) or `by-election-after-term` (the
 * committee's term has ended: a new election is due); NULL on error.
 * @since 0.1
 */
ELECT_API ElectReason *elect_by_election_check (const ElectRules *rules,
                                                const GDate *committee_elected,
                                                const GDate *by_election_day,
                                                GError **error);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectSchedule, elect_schedule_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectVillageDates, elect_village_dates_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectScheduleCheck, elect_schedule_check_unref)

G_END_DECLS
