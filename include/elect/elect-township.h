/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-township.h
 * @brief The township view across villages: who is behind on the timeline
 * on a given day, what falls due, problems under supervision (挂账督办,
 * 销号管理), risk flags, 换届纪律 (election-period discipline) and the
 * 四议两公开 order of major decisions.
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
#include <elect/elect-schedule.h>

G_BEGIN_DECLS

/** @defgroup township Township progress (乡镇换届进度), problems and discipline
 *
 * A township (or county) file, `libelect.township/1` JSON
 * (doc/formats-township.md), lists villages: the name, the township, the
 * profile, the election day E and the steps done with their dates (the step
 * codes of `libelect.village-dates/1`, elect_schedule_step_codes()), and,
 * per village, a ledger of problems, risk flags, dated records and major
 * decisions. elect_township_report_new() judges every village **on a day
 * D** and gives an ::ElectTownshipReport: per village a list of findings,
 * each an ::ElectReason (stable code, zh/en message, citation or policy
 * source) with its ::ElectTownshipFindingKind and subject.
 *
 * **Progress (工期倒排 across villages).** Each village's dates are checked
 * with elect_schedule_check() against its profile; then, as of D, a step
 * counts as done only when its date is on or before D. For each applicable
 * step that is not conditional (conditional steps take place only when
 * needed and are never overdue), and for a conditional step once it has a
 * date:
 *
 * | reason code | kind | condition |
 * |---|---|---|
 * | `township-step-overdue` | ::ELECT_TOWNSHIP_FINDING_OVERDUE | not done and its last day is before D (last < D) |
 * | `township-step-due` | ::ELECT_TOWNSHIP_FINDING_DUE | not done and its last day is D … D+N |
 * | `township-step-done-late` | ::ELECT_TOWNSHIP_FINDING_DONE_LATE | done (on or before D) after its last day |
 *
 * A village with an overdue step is **behind** (elect_township_report_village_is_behind()).
 *
 * **挂账督办, 销号管理 (problems under supervision).** Each problem of a
 * village's ledger has an id, a text, the day it was opened, an owner, a due
 * day and, once solved, the day it was closed (销号). On D a problem closed
 * on or before D is closed (`problem-closed`); one still open whose due day
 * is on or before D is **past due** (`problem-past-due`, flagged); one open
 * and due after D is `problem-open`. The ledger is local working practice
 * (督办 policy), not statute: the citation says so.
 *
 * **Risk flags (难点村, 复杂村).** A flag has a kind — `voided-election` (a
 * prior election declared void), `petition` (信访), `clan-interference`
 * (宗族势力干扰), `village-bully` (“村霸”、黑恶势力干扰) — and its reason in
 * the file; each gives `risk-<kind>`. A village with any flag is
 * **complex** (`village-complex`): a work team (工作组) is to be sent.
 *
 * **换届纪律 (discipline).** Records of the kinds `party-admission` (发展党员),
 * `spending` (大额开支), `contract` (签订合同), `asset-disposal` (处置集体资产)
 * and `seal-use` (使用公章) dated inside the pre-election window are flagged
 * (`discipline-in-window`). The window runs from E −
 * `schedule.discipline_days_before` up to and including the last day of the
 * handover (the `handover` step). No statute fixes this window: it is local
 * 换届纪律 policy, so the national profile leaves the parameter `none` (the
 * check is off) and a local profile sets it, with the policy text as its
 * citation.
 *
 * **四议两公开 (major decisions).** A major decision has six steps, each to be
 * present, dated, and in this order (the same day is allowed):
 * `party-proposal` (村党组织提议), `two-committees-discussion` (村“两委”会议商议),
 * `party-members-deliberation` (党员大会审议), `villagers-decision`
 * (村民会议或村民代表会议决议), `decision-published` (决议公开),
 * `result-published` (实施结果公开). The first missing step gives
 * `decision-step-missing`; the first step dated before the step preceding it
 * gives `decision-out-of-order`; a decision with all six in order gives
 * `decision-in-order` (::ELECT_TOWNSHIP_FINDING_DECISION_OK, not a problem).
 * Decisions are judged as recorded, whatever D: list a decision once its
 * steps are done.
 *
 * A village is **flagged** (elect_township_report_village_is_flagged())
 * when it is behind, complex, has a problem past due, a discipline record in
 * the window or a 四议两公开 violation. The daily report
 * (elect_township_report_to_json(), elect_township_report_to_text()) lists,
 * beside the schedule, the villages behind, the problems past due and the
 * flagged villages.
 *
 * Townships and reports are immutable once read or made and may be shared
 * between threads; elect_township_add_rules() must not race with a report
 * on the same township. GLib aborts on out-of-memory.
 *  @{
 */

/** @brief What a finding of a township report is about. */
typedef enum {
  /** A step not done whose last day is before D (`township-step-overdue`). */
  ELECT_TOWNSHIP_FINDING_OVERDUE = 0,
  /** A step not done whose last day is within D … D+N (`township-step-due`). */
  ELECT_TOWNSHIP_FINDING_DUE = 1,
  /** A step done after its last day (`township-step-done-late`). */
  ELECT_TOWNSHIP_FINDING_DONE_LATE = 2,
  /** An open problem whose due day is D or earlier (`problem-past-due`). */
  ELECT_TOWNSHIP_FINDING_PROBLEM_PAST_DUE = 3,
  /** An open problem not yet due (`problem-open`). */
  ELECT_TOWNSHIP_FINDING_PROBLEM_OPEN = 4,
  /** A closed problem, 销号 (`problem-closed`). */
  ELECT_TOWNSHIP_FINDING_PROBLEM_CLOSED = 5,
  /** A risk flag (`risk-voided-election`, `risk-petition`,
   * `risk-clan-interference`, `risk-village-bully`) or the resulting
   * `village-complex`. */
  ELECT_TOWNSHIP_FINDING_RISK = 6,
  /** A record dated inside the discipline window (`discipline-in-window`). */
  ELECT_TOWNSHIP_FINDING_DISCIPLINE = 7,
  /** A 四议两公开 violation (`decision-step-missing`, `decision-out-of-order`). */
  ELECT_TOWNSHIP_FINDING_DECISION = 8,
  /** A decision taken in the 四议两公开 order (`decision-in-order`). */
  ELECT_TOWNSHIP_FINDING_DECISION_OK = 9,
} ElectTownshipFindingKind;

/** @brief A township file: villages with their dates, problems, risks,
 * records and decisions (reference counted). */
typedef struct _ElectTownship ElectTownship;
/** @brief The judgement of a township on a day (immutable, reference counted). */
typedef struct _ElectTownshipReport ElectTownshipReport;

/**
 * @brief The 四议两公开 step codes of a major decision, in the required order.
 * @return a NULL-terminated static array (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_township_decision_step_codes (void);

/**
 * @brief The kinds of dated records the 换届纪律 check looks at.
 * @return a NULL-terminated static array (transfer none): `party-admission`,
 * `spending`, `contract`, `asset-disposal`, `seal-use`.
 * @since 0.1
 */
ELECT_API const char *const *elect_township_record_kinds (void);

/**
 * @brief The kinds of risk flags.
 * @return a NULL-terminated static array (transfer none): `voided-election`,
 * `petition`, `clan-interference`, `village-bully`.
 * @since 0.1
 */
ELECT_API const char *const *elect_township_risk_kinds (void);

/**
 * @brief Reads `libelect.township/1` JSON (doc/formats-township.md).
 * @param data the bytes (UTF-8)
 * @param length the length of @p data, or −1 when NUL-terminated
 * @param origin (nullable): the file name used in error messages; profiles
 * named by the villages are looked up beside it (`NAME.ini`) first
 * @param error (out) (optional): ELECT_ERROR_LIMIT (larger than 4 MiB or
 * more than 10000 villages), ELECT_ERROR_PARSE (not UTF-8, not JSON),
 * ELECT_ERROR_INVALID (a missing or malformed member, a bad date, a bad
 * profile name, a duplicate village or problem id), ELECT_ERROR_UNKNOWN_KEY
 * (an unknown member, step code, record kind, risk kind or decision step;
 * members starting with `x-` are ignored); the message names the file and
 * the JSON path (`$.villages[3].problems[0].due`)
 * @return a new township (transfer full): release with
 * elect_township_unref(); or NULL on error.
 * @since 0.1
 */
ELECT_API ElectTownship *elect_township_new_from_json (const char *data, gssize length,
                                                       const char *origin, GError **error);

/**
 * @brief Reads a `libelect.township/1` file.
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND (no such file),
 * ELECT_ERROR_IO, and as elect_township_new_from_json()
 * @return a new township (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectTownship *elect_township_load (const char *path, GError **error);

/** @brief Adds a reference. @param self a township
 * @return @p self (transfer full). @since 0.1 */
ELECT_API ElectTownship *elect_township_ref (ElectTownship *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a township
 * @since 0.1 */
ELECT_API void elect_township_unref (ElectTownship *self);

/**
 * @brief Supplies a profile for the villages that name it (by
 * elect_rules_get_name()), before any lookup on disk or among the built-in
 * profiles. A later profile of the same name replaces an earlier one.
 * @param self a township
 * @param rules a profile (a reference is taken)
 * @since 0.1
 */
ELECT_API void elect_township_add_rules (ElectTownship *self, ElectRules *rules);

/** @brief The township's name (`township` of the file).
 * @param self a township @return the name (transfer none), or NULL. @since 0.1 */
ELECT_API const char *elect_township_get_name (const ElectTownship *self);
/** @brief The number of villages. @param self a township
 * @return the count. @since 0.1 */
ELECT_API guint elect_township_get_n_villages (const ElectTownship *self);
/** @brief A village's name. @param self a township
 * @param index 0 … elect_township_get_n_villages() − 1
 * @return the name (transfer none). @since 0.1 */
ELECT_API const char *elect_township_get_village_name (const ElectTownship *self, guint index);
/** @brief A village's actual dates (with its name, profile and election day).
 * @param self a township @param index a village index
 * @return the dates (transfer none), valid as long as @p self. @since 0.1 */
ELECT_API const ElectVillageDates *elect_township_get_village_dates (const ElectTownship *self,
                                                                     guint index);

/**
 * @brief Judges every village on day @p day (D): progress, problems, risks,
 * discipline and decisions (see the module description).
 * @param self a township (the profiles it loads are cached in it)
 * @param day the day D
 * @param days_ahead N: steps whose last day is D … D+N are due (0 … 366)
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND, ELECT_ERROR_IO,
 * ELECT_ERROR_PARSE, ELECT_ERROR_INVALID, ELECT_ERROR_UNKNOWN_KEY as
 * elect_rules_load() for a village's profile (the message names the
 * village)
 * @return a new report (transfer full): release with
 * elect_township_report_unref(); or NULL on error.
 * @since 0.1
 */
ELECT_API ElectTownshipReport *elect_township_report_new (ElectTownship *self, const GDate *day,
                                                          guint days_ahead, GError **error);
/** @brief Adds a reference. @param self a report
 * @return @p self (transfer full). @since 0.1 */
ELECT_API ElectTownshipReport *elect_township_report_ref (ElectTownshipReport *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a report
 * @since 0.1 */
ELECT_API void elect_township_report_unref (ElectTownshipReport *self);

/** @brief The day D of the report. @param self a report
 * @return the day (transfer none). @since 0.1 */
ELECT_API const GDate *elect_township_report_get_day (const ElectTownshipReport *self);
/** @brief N, the days ahead of the report. @param self a report
 * @return N. @since 0.1 */
ELECT_API guint elect_township_report_get_days_ahead (const ElectTownshipReport *self);
/** @brief The number of villages (as in the township, same order).
 * @param self a report @return the count. @since 0.1 */
ELECT_API guint elect_township_report_get_n_villages (const ElectTownshipReport *self);
/** @brief A village's name. @param self a report @param village a village index
 * @return the name (transfer none). @since 0.1 */
ELECT_API const char *elect_township_report_get_village_name (const ElectTownshipReport *self,
                                                              guint village);
/** @brief Whether the village has a step overdue on D.
 * @param self a report @param village a village index
 * @return TRUE when behind. @since 0.1 */
ELECT_API gboolean elect_township_report_village_is_behind (const ElectTownshipReport *self,
                                                            guint village);
/** @brief Whether the village has a risk flag (复杂村: a work team is needed).
 * @param self a report @param village a village index
 * @return TRUE when complex. @since 0.1 */
ELECT_API gboolean elect_township_report_village_is_complex (const ElectTownshipReport *self,
                                                             guint village);
/** @brief Whether the village is behind, complex, or has a problem past
 * due, a record in the 换届纪律 window or a 四议两公开 violation.
 * @param self a report @param village a village index
 * @return TRUE when flagged. @since 0.1 */
ELECT_API gboolean elect_township_report_village_is_flagged (const ElectTownshipReport *self,
                                                             guint village);
/** @brief The schedule check of a village (its dates as of the file,
 * whatever D). @param self a report @param village a village index
 * @return the check (transfer none), valid as long as @p self. @since 0.1 */
ELECT_API const ElectScheduleCheck *elect_township_report_get_check (const ElectTownshipReport *self,
                                                                     guint village);
/** @brief The number of findings of a village.
 * @param self a report @param village a village index
 * @return the count. @since 0.1 */
ELECT_API guint elect_township_report_get_n_findings (const ElectTownshipReport *self,
                                                      guint village);
/** @brief The kind of a finding.
 * @param self a report @param village a village index
 * @param index 0 … elect_township_report_get_n_findings() − 1
 * @return the kind. @since 0.1 */
ELECT_API ElectTownshipFindingKind elect_township_report_get_finding_kind (const ElectTownshipReport *self,
                                                                           guint village,
                                                                           guint index);
/** @brief What a finding is about: a step code, a problem id, a risk kind
 * (or `complex`), a record kind, or a decision id.
 * @param self a report @param village a village index @param index a finding index
 * @return the subject (transfer none). @since 0.1 */
ELECT_API const char *elect_township_report_get_finding_subject (const ElectTownshipReport *self,
                                                                 guint village, guint index);
/** @brief The reason of a finding.
 * @param self a report @param village a village index @param index a finding index
 * @return the reason (transfer none), valid as long as @p self. @since 0.1 */
ELECT_API ElectReason *elect_township_report_get_finding_reason (const ElectTownshipReport *self,
                                                                 guint village, guint index);
/** @brief The number of findings of a kind in a village.
 * @param self a report @param village a village index @param kind a kind
 * @return the count. @since 0.1 */
ELECT_API guint elect_township_report_count (const ElectTownshipReport *self, guint village,
                                             ElectTownshipFindingKind kind);
/**
 * @brief The names of the villages behind on D, in file order.
 * @param self a report
 * @return a NULL-terminated array (transfer full): free with g_strfreev().
 * @since 0.1
 */
ELECT_API char **elect_township_report_list_behind (const ElectTownshipReport *self);
/**
 * @brief The names of the flagged villages, in file order.
 * @param self a report
 * @return a NULL-terminated array (transfer full): free with g_strfreev().
 * @since 0.1
 */
ELECT_API char **elect_township_report_list_flagged (const ElectTownshipReport *self);

/**
 * @brief The report as `libelect.township-report/1` JSON
 * (doc/formats-township.md).
 * @param self a report
 * @param lang (nullable): the language of titles and messages (`"zh"`, `"en"`)
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_township_report_to_json (const ElectTownshipReport *self, const char *lang);

/**
 * @brief The daily report as a readable table (one line per village, then
 * the steps overdue and due, the problems past due and the flagged
 * villages).
 * @param self a report
 * @param lang (nullable): `"zh"` or `"en"` (NULL: English)
 * @return a newly allocated string ending in a newline (transfer full):
 * free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_township_report_to_text (const ElectTownshipReport *self, const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectTownship, elect_township_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectTownshipReport, elect_township_report_unref)

G_END_DECLS
