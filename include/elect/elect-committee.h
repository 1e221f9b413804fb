/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-committee.h
 * @brief Committee composition (班子结构) checked on the final members of a
 * village's committees: size, women and minority members, relatives
 * avoidance (任职回避), the supervision committee's exclusions, and the
 * reports 一肩挑, 交叉任职, members under 35 and education.
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
#include <elect/elect-person.h>

G_BEGIN_DECLS

/** @defgroup committee Committee composition
 *
 * RULES.md §8. An ::ElectCommittee holds the people of one village who
 * finally hold a post on one of its three committees — the villagers'
 * committee (村民委员会, VC; or a residents' committee), the Party
 * committee (村党组织委员会) and the village affairs supervision committee
 * (村务监督委员会, VSC) — or another village role that matters for the
 * supervision committee, with their facts (sex, date of birth, ethnicity,
 * education), the relations between them, and the village's configuration
 * (the ethnic groups to be represented; optional policy targets).
 * elect_committee_check() checks it against the three profiles and gives
 * an immutable ::ElectComposition: a list of findings, each an
 * ::ElectReason with a stable code and the citation of the profile
 * parameter (or statute) that decided it.
 *
 * **Requirements (violations when not met):**
 * - **size**: each committee present has as many members as its profile's
 *   `seats.range` allows (VCL 6, ZJ 2, SH 2, ZJi 30, SHi 25…): codes
 *   `committee-size-ok`, `committee-too-small`, `committee-too-large`;
 * - **women member** where the profile's `women.member` is `required` or
 *   `separate-post` (VCL 6 ¶2, ZJ 21, SH 2, BJ 3, HA 8): at least one
 *   member of sex ::ELECT_SEX_FEMALE (an unknown sex does not count):
 *   `women-member-present`, `women-member-missing`; a 妇女委员 post held by
 *   someone who is not a woman: `women-post-not-woman`;
 * - **minority member** (VCL 6 ¶2 "多民族村民居住的村应当有人数较少的民族的成员";
 *   RCL 7 for a residents' committee): for each ethnic group configured
 *   with elect_committee_add_minority_group(), one VC member of that
 *   group: `minority-member-present`, `minority-member-missing`; off when
 *   no group is configured;
 * - **relatives avoidance (任职回避) inside a committee**, where the
 *   committee's profile has `relatives.avoidance` other than `none`: two
 *   members related by a relation of its `relatives.relations` (ZJ 31:
 *   spouses, parent and child, siblings; HA 8 the same; SH 2: spouses and
 *   lineal relatives): `relatives-on-committee`, naming who the rule keeps
 *   (the higher post; the same post: more votes, RULES.md §6.7);
 * - **the supervision committee (VCL 32)**: no VSC member may be a VC
 *   member (`supervision-vc-member`, when `supervision.excluded_roles`
 *   holds `vc-member`), a relative of a VC member by a relation of
 *   `supervision.excluded_relations` (near relatives, CC 1045:
 *   `supervision-vc-relative`), or hold another role of
 *   `supervision.excluded_roles` (ZJi 30: 村文书 `village-clerk`, 村报账员
 *   `bookkeeper`; SHi 25: 村集体经济组织管理人员 `collective-economy-manager`,
 *   村财务人员 `finance-staff`): `supervision-excluded-role`. These
 *   parameters are read from the **VC profile** when one is given (it is
 *   the province's profile: Zhejiang and Shanghai set different roles), and
 *   from the VSC profile otherwise.
 *
 * **Reports (never violations)**, computed over the 两委 members (the
 * distinct people on the VC or the Party committee, whichever are present):
 * - **一肩挑** (`party-secretary-is-chair` or `party-secretary-not-chair`):
 *   whether the Party secretary (书记) is the VC chair; the figure
 *   ::ELECT_COMPOSITION_FIGURE_ONE_SHOULDER is 1/1 or 0/1; both committees
 *   must be present;
 * - **交叉任职** (`cross-membership-share`): people on both the VC and the
 *   Party committee, over the 两委 members; both committees present;
 * - **women** (`women-share`) and **members under 35** on the reference
 *   date (`under-35-share`; RULES.md §1.5: a person is 35 from the 35th
 *   anniversary of the date of birth, elect_age_on(); a member without a
 *   date of birth is counted in the denominator only, and
 *   `birth-date-unknown` names them);
 * - **education** (`education-counts`): members per ::ElectEducation level.
 *
 * **Targets** are national and local policy, not law: each is off until
 * set with elect_committee_set_target(), and then compared exactly, by
 * cross-multiplication (`part * den >= num * whole`, "at least"), giving
 * `<figure>-target-met` or `<figure>-target-not-met` (`women-target-met`,
 * `one-shoulder-target-not-met`, `cross-membership-target-met`,
 * `under-35-target-met` …), cited to the source given with the target.
 *
 * **Relations** are stored as given (`b` is `a`'s relation) and matched in
 * both directions: a pair is related by a set that holds the relation or
 * its converse (parent/child, grandparent/grandchild).
 *
 * An ::ElectCommittee is mutable and not thread-safe; an ::ElectComposition
 * is immutable and may be shared between threads. GLib aborts on
 * out-of-memory: allocation failure is not an error code.
 *
 * The file format `libelect.committee/1` is described in
 * @ref formats-committee.
 *  @{
 */

/**
 * @brief One of the three committees of a village.
 */
typedef enum {
  /** 村民委员会 (VC), or a residents' committee (居民委员会). */
  ELECT_COMMITTEE_BODY_VILLAGE = 0,
  /** 村党组织委员会 (the Party branch, general branch or committee). */
  ELECT_COMMITTEE_BODY_PARTY = 1,
  /** 村务监督委员会 (VSC). */
  ELECT_COMMITTEE_BODY_SUPERVISION = 2,
} ElectCommitteeBody;

/**
 * @brief A post on a committee.
 */
typedef enum {
  /** Not on this committee. */
  ELECT_COMMITTEE_POST_NONE = 0,
  /** 主任 (VC, VSC chair) or 书记 (Party secretary). */
  ELECT_COMMITTEE_POST_CHAIR = 1,
  /** 副主任 (VC vice-chair) or 副书记 (Party deputy secretary); not on the
   *  VSC. */
  ELECT_COMMITTEE_POST_VICE = 2,
  /** 委员 (member). */
  ELECT_COMMITTEE_POST_MEMBER = 3,
  /** 妇女委员 (women member, a member post; VC only). */
  ELECT_COMMITTEE_POST_WOMEN_MEMBER = 4,
} ElectCommitteePost;

/**
 * @brief The highest education completed (学历), for the education report.
 */
typedef enum {
  /** Not recorded. */
  ELECT_EDUCATION_UNKNOWN = 0,
  /** 小学及以下 (primary school or less). */
  ELECT_EDUCATION_PRIMARY = 1,
  /** 初中 (junior secondary). */
  ELECT_EDUCATION_JUNIOR_SECONDARY = 2,
  /** 高中、中专 (senior secondary, technical secondary). */
  ELECT_EDUCATION_SENIOR_SECONDARY = 3,
  /** 大专 (junior college). */
  ELECT_EDUCATION_JUNIOR_COLLEGE = 4,
  /** 本科 (bachelor). */
  ELECT_EDUCATION_BACHELOR = 5,
  /** 研究生 (postgraduate). */
  ELECT_EDUCATION_POSTGRADUATE = 6,
} ElectEducation;

/**
 * @brief A reported figure of the composition, and the target it may be
 * compared with.
 */
typedef enum {
  /** Women among the 两委 members. */
  ELECT_COMPOSITION_FIGURE_WOMEN = 0,
  /** 一肩挑: 1/1 when the Party secretary is the VC chair, else 0/1. */
  ELECT_COMPOSITION_FIGURE_ONE_SHOULDER = 1,
  /** 交叉任职: people on both the VC and the Party committee, among the 两委
   *  members. */
  ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP = 2,
  /** Members under 35 on the reference date, among the 两委 members. */
  ELECT_COMPOSITION_FIGURE_UNDER_35 = 3,
} ElectCompositionFigure;

/**
 * @brief What a finding of elect_committee_check() says.
 */
typedef enum {
  /** A requirement is not met (a bar of the law or of the profile). */
  ELECT_COMPOSITION_FINDING_VIOLATION = 0,
  /** A requirement was checked and is met. */
  ELECT_COMPOSITION_FINDING_SATISFIED = 1,
  /** A reported figure, not a bar. */
  ELECT_COMPOSITION_FINDING_REPORT = 2,
  /** A configured target is met. */
  ELECT_COMPOSITION_FINDING_TARGET_MET = 3,
  /** A configured target is not met. */
  ELECT_COMPOSITION_FINDING_TARGET_NOT_MET = 4,
} ElectCompositionFinding;

/**
 * @brief The people of one village's committees and its configuration
 * (mutable; not thread-safe).
 */
typedef struct _ElectCommittee ElectCommittee;

/**
 * @brief The result of elect_committee_check() (immutable, thread-safe).
 */
typedef struct _ElectComposition ElectComposition;

/* ------------------------------------------------------------ the input */

/**
 * @brief Creates an empty committee set: no people, no minority groups, no
 * targets, no reference date.
 * @return a new object (transfer full): release with
 * elect_committee_unref().
 * @since 0.1
 */
ELECT_API ElectCommittee *elect_committee_new (void);

/**
 * @brief Reads a committee file (`libelect.committee/1`, JSON,
 * @ref formats-committee).
 * @param data the file's text
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param origin (nullable): the file name for messages
 * @param error return location for a GError, or NULL
 * @return a new object (transfer full), or NULL with ::ELECT_ERROR_PARSE
 * (not UTF-8, not JSON), ::ELECT_ERROR_INVALID or
 * ::ELECT_ERROR_UNKNOWN_KEY (naming the file and the JSON path, e.g.
 * `$.people[3].posts.village`) or ::ELECT_ERROR_LIMIT (too large).
 * @since 0.1
 */
ELECT_API ElectCommittee *elect_committee_new_from_json (const char *data,
                                                         gssize length,
                                                         const char *origin,
                                                         GError **error);

/**
 * @brief Adds a reference.
 * @param self a committee set
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectCommittee *elect_committee_ref (ElectCommittee *self);

/**
 * @brief Drops a reference; frees the object when it was the last.
 * NULL-safe.
 * @param self (nullable): a committee set
 * @since 0.1
 */
ELECT_API void elect_committee_unref (ElectCommittee *self);

/**
 * @brief Adds a person (on no committee yet, sex unknown, no other fact).
 * @param self a committee set
 * @param name the name (normalised as elect_name_normalize() does; two
 * people may share a name: they are told apart by their index)
 * @return the person's index (0, 1, …), or -1 when @p name is empty after
 * normalisation or not valid UTF-8.
 * @since 0.1
 */
ELECT_API int elect_committee_add_person (ElectCommittee *self,
                                          const char *name);

/**
 * @brief The number of people added.
 * @param self a committee set
 * @return the number of people.
 * @since 0.1
 */
ELECT_API guint elect_committee_get_n_people (const ElectCommittee *self);

/**
 * @brief A person's normalised name.
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @return the name (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API const char *elect_committee_get_name (const ElectCommittee *self,
                                                guint person);

/**
 * @brief Sets a person's sex.
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param sex the sex
 * @since 0.1
 */
ELECT_API void elect_committee_set_sex (ElectCommittee *self,
                                        guint person,
                                        ElectSex sex);

/**
 * @brief Sets a person's date of birth.
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param birth_date (nullable): a valid date (copied), or NULL for unknown
 * @since 0.1
 */
ELECT_API void elect_committee_set_birth_date (ElectCommittee *self,
                                               guint person,
                                               const GDate *birth_date);

/**
 * @brief A person's date of birth (set with
 * elect_committee_set_birth_date(), or read from `birth_date` or
 * `id_number` of a committee file).
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param out_date (out) (optional): the date
 * @return TRUE when the date of birth is known.
 * @since 0.1
 */
ELECT_API gboolean elect_committee_get_birth_date (const ElectCommittee *self,
                                                   guint person,
                                                   GDate *out_date);

/**
 * @brief Sets a person's ethnic group (民族), compared after normalisation
 * with the groups of elect_committee_add_minority_group().
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param ethnicity (nullable): the group as written (`"回族"`), or NULL for
 * unknown (copied)
 * @since 0.1
 */
ELECT_API void elect_committee_set_ethnicity (ElectCommittee *self,
                                              guint person,
                                              const char *ethnicity);

/**
 * @brief Sets a person's education.
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param education the level
 * @since 0.1
 */
ELECT_API void elect_committee_set_education (ElectCommittee *self,
                                              guint person,
                                              ElectEducation education);

/**
 * @brief Sets the post a person holds on one committee (one post per
 * committee; ::ELECT_COMMITTEE_POST_NONE takes the person off it).
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param body the committee
 * @param post the post
 * @return TRUE; FALSE (nothing changed) when the committee has no such post:
 * ::ELECT_COMMITTEE_POST_WOMEN_MEMBER outside the VC,
 * ::ELECT_COMMITTEE_POST_VICE on the VSC.
 * @since 0.1
 */
ELECT_API gboolean elect_committee_set_post (ElectCommittee *self,
                                             guint person,
                                             ElectCommitteeBody body,
                                             ElectCommitteePost post);

/**
 * @brief The post a person holds on one committee.
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param body the committee
 * @return the post, ::ELECT_COMMITTEE_POST_NONE when not on it.
 * @since 0.1
 */
ELECT_API ElectCommitteePost elect_committee_get_post (const ElectCommittee *self,
                                                       guint person,
                                                       ElectCommitteeBody body);

/**
 * @brief Adds another village role a person holds (the roles of the
 * profile parameter `supervision.excluded_roles`, except `vc-member`, which
 * follows from the VC posts).
 * @param self a committee set
 * @param person an index below elect_committee_get_n_people()
 * @param role `"village-clerk"` (村文书), `"bookkeeper"` (村报账员),
 * `"collective-economy-manager"` (村集体经济组织管理人员) or
 * `"finance-staff"` (村财务人员)
 * @return TRUE; FALSE (nothing added) for another @p role.
 * @since 0.1
 */
ELECT_API gboolean elect_committee_add_role (ElectCommittee *self,
                                             guint person,
                                             const char *role);

/**
 * @brief Records that person @p b is person @p a's @p relation.
 * @param self a committee set
 * @param a an index below elect_committee_get_n_people()
 * @param b another index below elect_committee_get_n_people()
 * @param relation what @p b is to @p a: `"spouse"`, `"parent"`, `"child"`,
 * `"sibling"`, `"grandparent"` or `"grandchild"` (the vocabulary of the
 * profiles' relation sets)
 * @return TRUE; FALSE (nothing added) when @p a equals @p b or @p relation
 * is not in the vocabulary.
 * @since 0.1
 */
ELECT_API gboolean elect_committee_add_relation (ElectCommittee *self,
                                                 guint a,
                                                 guint b,
                                                 const char *relation);

/**
 * @brief Configures an ethnic group that must have a member on the VC (a
 * multi-ethnic village, VCL 6 ¶2: 人数较少的民族的成员).
 * @param self a committee set
 * @param ethnicity the group (`"回族"`), normalised; an empty name is
 * ignored; a group added twice counts once
 * @since 0.1
 */
ELECT_API void elect_committee_add_minority_group (ElectCommittee *self,
                                                   const char *ethnicity);

/**
 * @brief Sets (or clears) a policy target for a figure: the figure must be
 * at least @p num / @p den, compared by cross-multiplication.
 * @param self a committee set
 * @param figure the figure
 * @param num the numerator, 0 … @p den
 * @param den the denominator, 1 … 1000; 0 clears the target
 * @param source (nullable): the policy document that sets the target, used
 * as the finding's citation (copied)
 * @since 0.1
 */
ELECT_API void elect_committee_set_target (ElectCommittee *self,
                                           ElectCompositionFigure figure,
                                           gint64 num,
                                           gint64 den,
                                           const char *source);

/**
 * @brief Sets the reference date used when elect_committee_check() is given
 * none (the committee file's `reference_date`).
 * @param self a committee set
 * @param date (nullable): a valid date (copied), or NULL to clear it
 * @since 0.1
 */
ELECT_API void elect_committee_set_reference_date (ElectCommittee *self,
                                                   const GDate *date);

/**
 * @brief The reference date set with elect_committee_set_reference_date().
 * @param self a committee set
 * @param out_date (out) (optional): the date
 * @return TRUE when one is set.
 * @since 0.1
 */
ELECT_API gboolean elect_committee_get_reference_date (const ElectCommittee *self,
                                                       GDate *out_date);

/* ------------------------------------------------------------ the check */

/**
 * @brief Checks the composition of the committees (RULES.md §8).
 * @param self a committee set
 * @param village_rules (nullable): the VC profile (kind village-committee or
 * residents-committee), or NULL when the village has no VC in @p self
 * @param party_rules (nullable): the Party committee profile (kind
 * party-committee), or NULL
 * @param supervision_rules (nullable): the VSC profile (kind
 * supervision-committee), or NULL
 * @param reference_date (nullable): the election or reference date (for
 * ages), or NULL to use the one of elect_committee_set_reference_date()
 * @param error return location for a GError, or NULL
 * @return the result (transfer full): release with
 * elect_composition_unref(); NULL with ::ELECT_ERROR_INVALID when a profile
 * is of the wrong kind, when someone holds a post on a committee whose
 * profile is NULL, or when someone was born after the reference date;
 * ::ELECT_ERROR_UNSET when there is no reference date.
 * @since 0.1
 */
ELECT_API ElectComposition *elect_committee_check (const ElectCommittee *self,
                                                   const ElectRules *village_rules,
                                                   const ElectRules *party_rules,
                                                   const ElectRules *supervision_rules,
                                                   const GDate *reference_date,
                                                   GError **error);

/**
 * @brief Adds a reference.
 * @param self a result
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectComposition *elect_composition_ref (ElectComposition *self);

/**
 * @brief Drops a reference; frees the result when it was the last.
 * NULL-safe.
 * @param self (nullable): a result
 * @since 0.1
 */
ELECT_API void elect_composition_unref (ElectComposition *self);

/**
 * @brief Whether every requirement is met (no
 * ::ELECT_COMPOSITION_FINDING_VIOLATION; reports and targets never count).
 * @param self a result
 * @return TRUE when there is no violation.
 * @since 0.1
 */
ELECT_API gboolean elect_composition_is_valid (const ElectComposition *self);

/**
 * @brief The number of findings.
 * @param self a result
 * @return the number of findings, in a stable order: sizes, women,
 * minorities, relatives, supervision, then reports and targets.
 * @since 0.1
 */
ELECT_API guint elect_composition_get_n_findings (const ElectComposition *self);

/**
 * @brief One finding.
 * @param self a result
 * @param i an index below elect_composition_get_n_findings()
 * @param out_kind (out) (optional): what the finding says
 * @return the reason (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API ElectReason *elect_composition_get_finding (const ElectComposition *self,
                                                      guint i,
                                                      ElectCompositionFinding *out_kind);

/**
 * @brief The number of members a committee has.
 * @param self a result
 * @param body the committee
 * @return the number of people holding a post on it, or -1 when the
 * committee was not checked (its profile was NULL).
 * @since 0.1
 */
ELECT_API gint64 elect_composition_get_size (const ElectComposition *self,
                                             ElectCommitteeBody body);

/**
 * @brief A reported figure as an exact fraction.
 * @param self a result
 * @param figure the figure
 * @param out_num (out) (optional): the numerator
 * @param out_den (out) (optional): the denominator (may be 0 when there are
 * no 两委 members)
 * @return TRUE; FALSE when the figure was not computed (一肩挑 and 交叉任职
 * need both the VC and the Party committee; the others need one of them).
 * @since 0.1
 */
ELECT_API gboolean elect_composition_get_figure (const ElectComposition *self,
                                                 ElectCompositionFigure figure,
                                                 gint64 *out_num,
                                                 gint64 *out_den);

/**
 * @brief Whether a figure's target was met.
 * @param self a result
 * @param figure the figure
 * @param out_met (out) (optional): whether the target is met
 * @return TRUE when a target was set and the figure computed; FALSE
 * otherwise.
 * @since 0.1
 */
ELECT_API gboolean elect_composition_get_target (const ElectComposition *self,
                                                 ElectCompositionFigure figure,
                                                 gboolean *out_met);

/**
 * @brief The number of 两委 members at an education level.
 * @param self a result
 * @param education the level
 * @return the count.
 * @since 0.1
 */
ELECT_API gint64 elect_composition_get_education_count (const ElectComposition *self,
                                                        ElectEducation education);

/**
 * @brief Serialises the result as JSON (`libelect.composition/1`,
 * @ref formats-committee).
 * @param self a result
 * @param lang (nullable): the language of the messages, as for
 * elect_reason_get_message()
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_composition_to_json (const ElectComposition *self,
                                           const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectCommittee, elect_committee_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectComposition, elect_composition_unref)

G_END_DECLS
