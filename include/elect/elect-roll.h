/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-roll.h
 * @brief Voters: eligibility, registration, the published roll, double
 * registrations, proxies and check-in.
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
#include <elect/elect-collate.h>

G_BEGIN_DECLS

/** @defgroup roll Voters and the roll (选民登记)
 *
 * An ::ElectVoter holds the facts the election committee records about one
 * person (hukou, residence, the will to take part, the assembly's consent,
 * political rights, Party status). elect_voter_judge() applies a profile to
 * them on an election day and returns an ::ElectEligibility: the verdict
 * (::ElectVerdict), the registration category (::ElectCategory) and every
 * reason with its citation (RULES.md §4.1–§4.3).
 *
 * An ::ElectRoll is the roll of one village (or community, or Party
 * organisation): voters with their eligibility, the published list with
 * masked ID numbers (§4.4), proxies (§4.5) and the count of ballots issued
 * at check-in (§4.6). ::ElectDedup finds people registered in more than one
 * roll (VCL 13), at the scale of a province.
 *
 * Objects are not thread-safe for mutation; distinct objects may be used
 * from distinct threads; an ::ElectEligibility is immutable.
 *  @{
 */

/** @brief The outcome of registration for one person. */
typedef enum {
  /** On the roll (登记参加选举). */
  ELECT_VERDICT_REGISTERED = 0,
  /** Eligible, but no registration category applies. */
  ELECT_VERDICT_NOT_REGISTERED = 1,
  /** Without the right to vote (under 18, deprived of political rights,
   *  confirmed unable to exercise it; for the Party, not a full member or
   *  rights suspended; an invalid ID number in lenient reading). */
  ELECT_VERDICT_NOT_ELIGIBLE = 2,
} ElectVerdict;

/**
 * @brief Registration category (RULES.md §4.2). Categories 1–3 are those of
 * VCL 13; 4–7 are provincial extra categories, each enabled by the profile
 * parameter `electorate.extra_categories`.
 */
typedef enum {
  /** No category (not registered, or a Party roll). */
  ELECT_CATEGORY_NONE = 0,
  /** 1: hukou here and lives here (VCL 13 (一)). */
  ELECT_CATEGORY_HUKOU_RESIDENT = 1,
  /** 2: hukou here, lives elsewhere, has said they will take part (VCL 13
   *  (二); HA 20: or has given a written proxy). */
  ELECT_CATEGORY_HUKOU_AWAY = 2,
  /** 3: hukou elsewhere, lived (ZJ: or did village work, BJ: or worked)
   *  here for the profile's years, applied, admitted by the assembly (VCL 13
   *  (三); HA 20: with a certificate from the hukou village). */
  ELECT_CATEGORY_NON_HUKOU_RESIDENT = 3,
  /** 4: lives in the spouse's village after marriage, hukou not moved,
   *  applied, confirmed by the election committee (SH 9, `spouse-residence`). */
  ELECT_CATEGORY_SPOUSE_RESIDENCE = 4,
  /** 5: former villager with rights in the collective economy, applied,
   *  confirmed by the election committee (SH 9, `collective-member`). */
  ELECT_CATEGORY_COLLECTIVE_MEMBER = 5,
  /** 6: formerly agricultural hukou of the village, now non-agricultural,
   *  still lives or works here, admitted by the assembly (BJ 13 (三),
   *  `ex-agricultural-hukou`). */
  ELECT_CATEGORY_EX_AGRICULTURAL_HUKOU = 6,
  /** 7: a qualified person (graduate, professional title, retired cadre)
   *  who came to work and live in the village, admitted by the assembly
   *  (HA 20 (四), `talent`). */
  ELECT_CATEGORY_TALENT = 7,
} ElectCategory;

/** @brief Status of a Party member (PER Art. 5). */
typedef enum {
  /** Not a Party member (or not stated). */
  ELECT_PARTY_STATUS_NONE = 0,
  /** 正式党员: votes and stands. */
  ELECT_PARTY_STATUS_FULL = 1,
  /** 预备党员: probationary member, no vote. */
  ELECT_PARTY_STATUS_PROBATIONARY = 2,
  /** 留党察看: on probation within the Party, no vote during the period. */
  ELECT_PARTY_STATUS_SUSPENDED = 3,
  /** 被留置或逮捕: detained or arrested, rights suspended. */
  ELECT_PARTY_STATUS_DETAINED = 4,
} ElectPartyStatus;

/** @brief Reasons to leave a full member out of 应到会 (members entitled to
 *  attend), each needing the higher organisation's approval (PER Art. 5). */
typedef enum {
  /** No exclusion. */
  ELECT_EXCLUSION_NONE = 0,
  /** Too ill to express their will (患病不能表达本人意志). */
  ELECT_EXCLUSION_ILL = 1,
  /** Abroad privately for 6 months or more (因私出国半年以上). */
  ELECT_EXCLUSION_ABROAD = 2,
  /** Serving a sentence (正在服刑). */
  ELECT_EXCLUSION_SERVING_SENTENCE = 3,
  /** Bedridden (长期卧床). */
  ELECT_EXCLUSION_BEDRIDDEN = 4,
  /** Working away 6 months or more, membership not transferred (外出务工
   *  半年以上且未转组织关系). */
  ELECT_EXCLUSION_WORKING_AWAY = 5,
} ElectExclusion;

/** @brief The facts recorded about one person on a roll. */
typedef struct _ElectVoter ElectVoter;

/** @brief The verdict on one person: immutable. */
typedef struct _ElectEligibility ElectEligibility;

/** @brief The roll of one village, community or Party organisation. */
typedef struct _ElectRoll ElectRoll;

/** @brief Finds the same ID number registered in several rolls. */
typedef struct _ElectDedup ElectDedup;

/**
 * @brief Creates a voter record with the defaults: no local hukou, not
 * living here, no application, no consent, political rights held, able to
 * exercise them, not registered elsewhere, not a Party member.
 * @param name the name as written (UTF-8)
 * @param id_number the 18-character ID number as written (validated only by
 * elect_voter_judge())
 * @return a new voter (transfer full).
 * @since 0.1
 */
ELECT_API ElectVoter *elect_voter_new (const char *name, const char *id_number);
/** @brief Adds a reference. @param self a voter @return @p self (transfer full). @since 0.1 */
ELECT_API ElectVoter *elect_voter_ref (ElectVoter *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a voter @since 0.1 */
ELECT_API void elect_voter_unref (ElectVoter *self);
/** @brief The name as given. @param self a voter @return the name (transfer none). @since 0.1 */
ELECT_API const char *elect_voter_get_name (const ElectVoter *self);
/** @brief The ID number as given. @param self a voter @return the ID number (transfer none). @since 0.1 */
ELECT_API const char *elect_voter_get_id_number (const ElectVoter *self);
/** @brief Sets the villager group (村民小组) used to order the published roll.
 * @param self a voter @param group (nullable): the group's name @since 0.1 */
ELECT_API void elect_voter_set_group (ElectVoter *self, const char *group);
/** @brief The villager group. @param self a voter @return the group or "" (transfer none). @since 0.1 */
ELECT_API const char *elect_voter_get_group (const ElectVoter *self);
/** @brief Sets the line of the roll file the voter comes from (0: none).
 * @param self a voter @param row 1-based line number @since 0.1 */
ELECT_API void elect_voter_set_row (ElectVoter *self, guint row);
/** @brief The line of the roll file. @param self a voter @return the line, 0 if none. @since 0.1 */
ELECT_API guint elect_voter_get_row (const ElectVoter *self);
/** @brief Sets whether the hukou is in this village (户籍在本村).
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_hukou_here (ElectVoter *self, gboolean value);
/** @brief Sets whether the person lives here (在本村居住).
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_resides_here (ElectVoter *self, gboolean value);
/** @brief Sets the day since which a person without local hukou lives here.
 * @param self a voter @param since (nullable): the date, NULL: unknown @since 0.1 */
ELECT_API void elect_voter_set_resident_since (ElectVoter *self, const GDate *since);
/** @brief Sets the day since which the person works in (ZJ: does village
 * work for, 从事村务工作) the village; counts as residence where the
 * profile's `electorate.work_counts` says so.
 * @param self a voter @param since (nullable): the date, NULL: none @since 0.1 */
ELECT_API void elect_voter_set_works_since (ElectVoter *self, const GDate *since);
/** @brief Sets whether the person said they will take part, or for
 * category 3 and the extra categories applied personally (本人申请).
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_wants_to_vote (ElectVoter *self, gboolean value);
/** @brief Sets whether the assembly (or for SH's extra categories the
 * election committee) admitted the person.
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_approved (ElectVoter *self, gboolean value);
/** @brief Sets whether the person holds a certificate of the hukou village
 * that they do not register there (HA 20).
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_home_certificate (ElectVoter *self, gboolean value);
/** @brief Sets whether a hukou voter living elsewhere has given a written
 * proxy (HA 20: counts as the will to take part).
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_written_proxy (ElectVoter *self, gboolean value);
/** @brief Sets the provincial extra category the person applies under.
 * @param self a voter
 * @param category one of the categories 4–7, or ::ELECT_CATEGORY_NONE
 * @since 0.1 */
ELECT_API void elect_voter_set_extra_category (ElectVoter *self, ElectCategory category);
/** @brief Records a deprivation of political rights (剥夺政治权利).
 * @param self a voter
 * @param deprived whether the person was deprived
 * @param until (nullable): the last day of the deprivation; the right
 * returns the day after. NULL: no end (for life, or not known)
 * @since 0.1 */
ELECT_API void elect_voter_set_deprived (ElectVoter *self, gboolean deprived,
                                         const GDate *until);
/** @brief Records the election committee's confirmation that the person
 * cannot exercise the right (BJ 14: lost legal capacity).
 * @param self a voter @param value FALSE when confirmed unable @since 0.1 */
ELECT_API void elect_voter_set_can_exercise (ElectVoter *self, gboolean value);
/** @brief Records that the person is already registered in another place.
 * @param self a voter @param value the fact @since 0.1 */
ELECT_API void elect_voter_set_registered_elsewhere (ElectVoter *self, gboolean value);
/** @brief Sets the Party status (Party rolls).
 * @param self a voter @param status the status @since 0.1 */
ELECT_API void elect_voter_set_party_status (ElectVoter *self, ElectPartyStatus status);
/** @brief Records an exclusion from 应到会.
 * @param self a voter
 * @param exclusion the reason, ::ELECT_EXCLUSION_NONE for none
 * @param approved whether the higher organisation approved it
 * @since 0.1 */
ELECT_API void elect_voter_set_exclusion (ElectVoter *self, ElectExclusion exclusion,
                                          gboolean approved);

/**
 * @brief Applies a profile to a voter on an election day (RULES.md §4.1–4.3).
 *
 * Every condition is checked and every failing one is reported: a person
 * may be both under 18 and deprived of political rights.
 *
 * @param self a voter
 * @param rules a profile
 * @param election_day the election day E
 * @return the verdict (transfer full).
 * @since 0.1
 */
ELECT_API ElectEligibility *elect_voter_judge (const ElectVoter *self,
                                               const ElectRules *rules,
                                               const GDate *election_day);

/** @brief Adds a reference. @param self a verdict @return @p self (transfer full). @since 0.1 */
ELECT_API ElectEligibility *elect_eligibility_ref (ElectEligibility *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a verdict @since 0.1 */
ELECT_API void elect_eligibility_unref (ElectEligibility *self);
/** @brief The verdict. @param self a verdict @return the verdict. @since 0.1 */
ELECT_API ElectVerdict elect_eligibility_get_verdict (const ElectEligibility *self);
/** @brief The registration category. @param self a verdict
 * @return the category, ::ELECT_CATEGORY_NONE when not registered. @since 0.1 */
ELECT_API ElectCategory elect_eligibility_get_category (const ElectEligibility *self);
/** @brief For Party rolls, whether the member counts in 应到会.
 * @param self a verdict
 * @return TRUE for a registered full member without an approved exclusion;
 * for other rolls, TRUE when registered. @since 0.1 */
ELECT_API gboolean elect_eligibility_is_entitled (const ElectEligibility *self);
/** @brief The sex from the ID number. @param self a verdict
 * @return the sex, ::ELECT_SEX_UNKNOWN for an invalid ID. @since 0.1 */
ELECT_API ElectSex elect_eligibility_get_sex (const ElectEligibility *self);
/** @brief The date of birth from the ID number.
 * @param self a verdict @param out_date (out): the date
 * @return FALSE when the ID number is invalid. @since 0.1 */
ELECT_API gboolean elect_eligibility_get_birth_date (const ElectEligibility *self,
                                                     GDate *out_date);
/** @brief The number of reasons. @param self a verdict @return the count (≥ 1). @since 0.1 */
ELECT_API guint elect_eligibility_get_n_reasons (const ElectEligibility *self);
/** @brief A reason. @param self a verdict @param index 0 … n−1
 * @return the reason (transfer none). @since 0.1 */
ELECT_API const ElectReason *elect_eligibility_get_reason (const ElectEligibility *self,
                                                            guint index);
/** @brief Whether one of the reasons has a code.
 * @param self a verdict @param code a reason code
 * @return TRUE when a reason has @p code. @since 0.1 */
ELECT_API gboolean elect_eligibility_has_reason (const ElectEligibility *self,
                                                 const char *code);

/**
 * @brief A comparison of two voters for the published roll.
 * @param a a voter
 * @param b a voter
 * @param user_data the data given with the function
 * @return < 0, 0 or > 0.
 * @since 0.1
 */
typedef int (*ElectVoterCompareFunc) (const ElectVoter *a, const ElectVoter *b,
                                      gpointer user_data);

/**
 * @brief Creates an empty roll.
 * @param rules a profile (a reference is taken)
 * @param election_day the election day E
 * @return a new roll (transfer full).
 * @since 0.1
 */
ELECT_API ElectRoll *elect_roll_new (ElectRules *rules, const GDate *election_day);
/** @brief Adds a reference. @param self a roll @return @p self (transfer full). @since 0.1 */
ELECT_API ElectRoll *elect_roll_ref (ElectRoll *self);
/** @brief Drops a reference. NULL-safe. @param self (nullable): a roll @since 0.1 */
ELECT_API void elect_roll_unref (ElectRoll *self);
/** @brief The profile. @param self a roll @return the profile (transfer none). @since 0.1 */
ELECT_API ElectRules *elect_roll_get_rules (const ElectRoll *self);
/** @brief The election day. @param self a roll @param out_date (out): E @since 0.1 */
ELECT_API void elect_roll_get_election_day (const ElectRoll *self, GDate *out_date);

/**
 * @brief Adds a person and judges them.
 * @param self a roll
 * @param voter a voter (a reference is taken)
 * @param error (out) (optional): ELECT_ERROR_INVALID when the same valid ID
 * number is already on this roll
 * @return the index of the voter, or -1 on error.
 * @since 0.1
 */
ELECT_API gint elect_roll_add (ElectRoll *self, ElectVoter *voter, GError **error);
/** @brief The number of people. @param self a roll @return the count. @since 0.1 */
ELECT_API guint elect_roll_get_n_voters (const ElectRoll *self);
/** @brief A person. @param self a roll @param index 0 … n−1
 * @return the voter (transfer none). @since 0.1 */
ELECT_API ElectVoter *elect_roll_get_voter (const ElectRoll *self, guint index);
/** @brief The verdict on a person. @param self a roll @param index 0 … n−1
 * @return the verdict (transfer none). @since 0.1 */
ELECT_API const ElectEligibility *elect_roll_get_eligibility (const ElectRoll *self,
                                                              guint index);
/** @brief Finds a person by ID number (a lower-case x matches X).
 * @param self a roll @param id_number an ID number
 * @return the index, or -1. @since 0.1 */
ELECT_API gint elect_roll_find (const ElectRoll *self, const char *id_number);
/** @brief Counts people with a verdict.
 * @param self a roll @param verdict a verdict @return the count. @since 0.1 */
ELECT_API guint elect_roll_count (const ElectRoll *self, ElectVerdict verdict);
/** @brief The electorate: registered voters, or for Party rolls the members
 * entitled to attend (应到会), approved exclusions left out.
 * @param self a roll @return the count. @since 0.1 */
ELECT_API guint elect_roll_count_entitled (const ElectRoll *self);

/**
 * @brief Sets the order of the published roll within a villager group
 * (default: code-point order of the normalised name, then the input order;
 * elect_roll_use_stroke_order() sets the stroke order, which `elect-roll`
 * uses when the profile's `roll.order` ends in `strokes`, as the national
 * profile's does).
 * @param self a roll
 * @param func (nullable): the comparison, NULL for the default
 * @param user_data data for @p func
 * @since 0.1
 */
ELECT_API void elect_roll_set_name_order (ElectRoll *self, ElectVoterCompareFunc func,
                                          gpointer user_data);

/**
 * @brief Orders names on the public roll by strokes (按姓氏笔画, RULES.md
 * §7.3), with the profile's `candidates.name_order` convention (see
 * elect_collate_compare()).
 * @param self a roll
 * @param error (out) (optional): ELECT_ERROR_INVALID naming the name and
 * the character when a registered voter's name cannot be ordered (a
 * character without stroke data); the order is then unchanged
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_roll_use_stroke_order (ElectRoll *self, GError **error);

/**
 * @brief The number of a villager group (村民小组) from its name: `第三组`,
 * `三组`, `第十二组`, `12组`, `第3组` give 3, 3, 12, 12, 3 (an optional
 * 第, then Arabic digits or Chinese numerals 〇零一二两三四五六七八九十百千,
 * then anything).
 * @param name a group name (UTF-8)
 * @param out_number (out): the number, set only on success
 * @return TRUE when @p name starts with a number, FALSE otherwise (also
 * for invalid UTF-8 and numbers above 10^9).
 * @since 0.1
 */
ELECT_API gboolean elect_group_number (const char *name, guint64 *out_number);

/**
 * @brief Compares villager group names the way a roll is posted: numbered
 * groups by number (第二组 before 第十组), before groups without a number,
 * which follow in code-point order; equal numbers by code point.
 * @param a a group name @param b another
 * @return negative, 0 or positive, as strcmp().
 * @since 0.1
 */
ELECT_API int elect_group_compare (const char *a, const char *b);

/**
 * @brief The public roll (RULES.md §4.4, FORMATS.md §5): registered voters
 * only, ordered by villager group (by number, elect_group_compare(); unless
 * the profile's `roll.order` is `strokes`) then by name (see
 * elect_roll_set_name_order()), as CSV with the header
 * `group,name,sex,id_masked`; ID numbers keep only their first 6 and last 4
 * characters.
 * @param self a roll
 * @param bom whether to start with a UTF-8 byte order mark (for Excel)
 * @return a newly allocated string (transfer full).
 * @since 0.1
 */
ELECT_API char *elect_roll_to_public_csv (const ElectRoll *self, gboolean bom);

/**
 * @brief The verdicts as `libelect.roll-verdicts/1` JSON (FORMATS.md §5).
 * @param self a roll
 * @param lang (nullable): the language of the messages (`"zh"`, `"en"`)
 * @return a newly allocated string (transfer full).
 * @since 0.1
 */
ELECT_API char *elect_roll_to_json (const ElectRoll *self, const char *lang);

/**
 * @brief The objection window of a roll published on @p published (VCL 14,
 * RULES.md §1.6: the publication day is not counted, the window is P+1 …
 * P+N for N = `roll.objection_days`).
 * @param rules a profile
 * @param published the publication day P
 * @param out_first (out): the first day of the window
 * @param out_last (out): the last day of the window
 * @param error (out) (optional): ELECT_ERROR_UNSET when the profile has no
 * objection period
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_roll_objection_window (const ElectRules *rules,
                                                const GDate *published,
                                                GDate *out_first, GDate *out_last,
                                                GError **error);

/**
 * @brief The last day for the election committee to decide an objection
 * received on @p received (`roll.decision_days` after it, RULES.md §1.6).
 * @param rules a profile
 * @param received the day the objection was received
 * @param out_last (out): the deadline
 * @param error (out) (optional): ELECT_ERROR_UNSET when the profile has no
 * decision period
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_roll_decision_deadline (const ElectRules *rules,
                                                 const GDate *received,
                                                 GDate *out_last, GError **error);

/**
 * @brief Checks the publication day against `roll.publish_days_before`
 * (VCL 14: by E−20).
 * @param rules a profile
 * @param published the publication day
 * @param election_day the election day
 * @return a reason (transfer full): `roll-published-in-time`,
 * `roll-published-late`, or `roll-publication-not-required`.
 * @since 0.1
 */
ELECT_API ElectReason *elect_roll_check_publication (const ElectRules *rules,
                                                     const GDate *published,
                                                     const GDate *election_day);

/** @brief Options of the roll CSV reader. */
typedef enum {
  /** Strict reading (the default). */
  ELECT_ROLL_CSV_NONE = 0,
  /** A malformed ID number gives a `not_eligible` verdict with reason
   *  `bad-id` instead of an error. */
  ELECT_ROLL_CSV_LENIENT = 1 << 0,
} ElectRollCsvFlags;

/**
 * @brief Reads a roll CSV (FORMATS.md §4) from memory.
 *
 * RFC 4180 with a header row; column order free; unknown columns are an
 * error unless prefixed `x-`. Encodings: UTF-8 with or without a byte order
 * mark, or GB18030 (the encoding of CSV files saved by Chinese Excel):
 * valid UTF-8 is read as UTF-8, anything else is converted from GB18030.
 *
 * @param rules a profile (a reference is taken by the roll)
 * @param election_day the election day
 * @param data the file's bytes
 * @param len the length of @p data
 * @param filename (nullable): the name used in error messages
 * @param encoding (nullable): `"UTF-8"`, `"GB18030"` (or any iconv name);
 * NULL to detect
 * @param flags options
 * @param error (out) (optional): ELECT_ERROR_PARSE (CSV syntax, encoding),
 * ELECT_ERROR_UNKNOWN_KEY (unknown column), ELECT_ERROR_INVALID (a bad value,
 * an ID number, a date, a `birth_date` or `sex` column contradicting the ID
 * number, the same ID twice), ELECT_ERROR_LIMIT (more than elect_roll_max_rows()
 * rows); the message names the file, the line and the column
 * @return a new roll (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectRoll *elect_roll_new_from_csv_data (ElectRules *rules,
                                                   const GDate *election_day,
                                                   const char *data, gsize len,
                                                   const char *filename,
                                                   const char *encoding,
                                                   ElectRollCsvFlags flags,
                                                   GError **error);

/**
 * @brief Reads a roll CSV file, as elect_roll_new_from_csv_data().
 * @param rules a profile
 * @param election_day the election day
 * @param path the file
 * @param encoding (nullable): as elect_roll_new_from_csv_data()
 * @param flags options
 * @param error (out) (optional): ELECT_ERROR_IO, and as
 * elect_roll_new_from_csv_data()
 * @return a new roll (transfer full), or NULL on error.
 * @since 0.1
 */
ELECT_API ElectRoll *elect_roll_new_from_csv_file (ElectRules *rules,
                                                   const GDate *election_day,
                                                   const char *path,
                                                   const char *encoding,
                                                   ElectRollCsvFlags flags,
                                                   GError **error);

/** @brief The largest number of rows a roll CSV may have (10 000 000).
 * @return the limit. @since 0.1 */
ELECT_API guint elect_roll_max_rows (void);

/* ---- proxies ------------------------------------------------------------ */

/**
 * @brief Adds a written authorisation (委托投票, RULES.md §4.5), in filing
 * order. Validity is decided by elect_roll_validate_proxies().
 * @param self a roll
 * @param principal_id the ID number of the voter who authorises
 * @param proxy_id the ID number of the proxy holder
 * @param relation the relation of the proxy to the principal: `spouse`,
 * `parent`, `child`, `sibling`, `grandparent`, `grandchild` (the vocabulary
 * of `proxy.relations`), or another word (then not a near relative)
 * @param written whether the authorisation is in writing
 * @param principal_away whether the principal is away during voting
 * @param filed the day it was filed
 * @return the index of the authorisation.
 * @since 0.1
 */
ELECT_API guint elect_roll_add_proxy (ElectRoll *self, const char *principal_id,
                                      const char *proxy_id, const char *relation,
                                      gboolean written, gboolean principal_away,
                                      const GDate *filed);

/**
 * @brief Checks the publication day of the list of proxies against
 * `proxy.list_days_before` (SH 16: by E−2).
 * @param rules a profile
 * @param published the day the list was published
 * @param election_day the election day
 * @return a reason (transfer full): `proxy-list-published-in-time`,
 * `proxy-list-published-late`, or `proxy-list-not-required`.
 * @since 0.1
 */
ELECT_API ElectReason *elect_roll_check_proxy_list (const ElectRules *rules,
                                                    const GDate *published,
                                                    const GDate *election_day);

/**
 * @brief Records that a person is a candidate (for `proxy.candidate_may_be_proxy`).
 * @param self a roll
 * @param id_number the candidate's ID number
 * @since 0.1
 */
ELECT_API void elect_roll_add_candidate (ElectRoll *self, const char *id_number);

/**
 * @brief Validates every authorisation against the roll and the profile:
 * proxies allowed, principal registered and away, proxy registered here,
 * relation in `proxy.relations`, written, proxy not a candidate where
 * `proxy.candidate_may_be_proxy` is false, at most `proxy.max_principals`
 * principals per proxy in filing order (the next ones are invalid), no
 * sub-delegation (a principal cannot hold proxies, a proxy holder cannot
 * give one), one authorisation per principal, filed by E − `proxy.filed_days_before`,
 * not on election day where `proxy.on_election_day` is false.
 * @param self a roll
 * @return the number of valid authorisations.
 * @since 0.1
 */
ELECT_API guint elect_roll_validate_proxies (ElectRoll *self);
/** @brief The number of authorisations. @param self a roll @return the count. @since 0.1 */
ELECT_API guint elect_roll_get_n_proxies (const ElectRoll *self);
/** @brief Whether an authorisation is valid (after elect_roll_validate_proxies()).
 * @param self a roll @param index 0 … n−1 @return TRUE when valid. @since 0.1 */
ELECT_API gboolean elect_roll_proxy_is_valid (const ElectRoll *self, guint index);
/** @brief The reasons of an authorisation's verdict.
 * @param self a roll @param index 0 … n−1
 * @return a reason array (transfer none), at least one reason. @since 0.1 */
ELECT_API GPtrArray *elect_roll_proxy_get_reasons (const ElectRoll *self, guint index);
/** @brief The number of valid principals a proxy holder holds.
 * @param self a roll @param proxy_id the holder's ID number @return the count. @since 0.1 */
ELECT_API guint elect_roll_proxy_count_principals (const ElectRoll *self,
                                                    const char *proxy_id);
/**
 * @brief The public list of valid proxies (委托投票公示): CSV with the header
 * `principal,principal_id_masked,proxy,proxy_id_masked,relation`.
 * @param self a roll
 * @param bom whether to start with a UTF-8 byte order mark
 * @return a newly allocated string (transfer full).
 * @since 0.1
 */
ELECT_API char *elect_roll_proxies_to_public_csv (const ElectRoll *self, gboolean bom);

/**
 * @brief Reads authorisations from CSV with the columns `principal_id`,
 * `proxy_id`, `relation`, `written` (yes/no), `principal_away` (yes/no),
 * `filed` (date) and optionally `proxy_is_candidate` (yes/no); `x-` columns
 * are ignored. Rows are in filing order.
 * @param self a roll
 * @param data the bytes (UTF-8 or GB18030, as the roll)
 * @param len the length of @p data
 * @param filename (nullable): the name used in error messages
 * @param error (out) (optional): ELECT_ERROR_PARSE, ELECT_ERROR_UNKNOWN_KEY,
 * ELECT_ERROR_INVALID, naming the line and column
 * @return TRUE on success (then every row was added).
 * @since 0.1
 */
ELECT_API gboolean elect_roll_add_proxies_from_csv_data (ElectRoll *self,
                                                         const char *data, gsize len,
                                                         const char *filename,
                                                         GError **error);

/* ---- check-in ----------------------------------------------------------- */

/** @brief The kind of a place where ballots are issued. */
typedef enum {
  /** The main hall (中心会场) or a polling station. */
  ELECT_DESK_MAIN_HALL = 0,
  /** A mobile ballot box (流动票箱). */
  ELECT_DESK_MOBILE_BOX = 1,
} ElectDeskKind;

/**
 * @brief Adds a check-in desk.
 * @param self a roll
 * @param kind the kind
 * @param name the desk's name (`"中心会场"`, `"流动票箱1"`)
 * @return the desk's index.
 * @since 0.1
 */
ELECT_API guint elect_roll_add_desk (ElectRoll *self, ElectDeskKind kind, const char *name);

/**
 * @brief Records that a registered voter received a ballot at a desk
 * (RULES.md §4.6). Only who and where is recorded: nothing links a check-in
 * to a ballot. A proxy holder checking in receives one ballot more for each
 * valid principal, and those principals count as checked in (a principal
 * who comes later is refused); once proxies are added,
 * elect_roll_validate_proxies() must be called before any check-in.
 * @param self a roll
 * @param desk a desk index
 * @param id_number the voter's ID number
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND (not on the roll),
 * ELECT_ERROR_INVALID (not registered, already checked in or represented
 * by a proxy, a principal whose ballot goes to a proxy, or proxies added
 * and not yet validated)
 * @return the number of ballots issued to this person (1 + valid
 * principals), or 0 on error.
 * @since 0.1
 */
ELECT_API guint elect_roll_check_in (ElectRoll *self, guint desk, const char *id_number,
                                     GError **error);
/** @brief The number of desks. @param self a roll @return the count. @since 0.1 */
ELECT_API guint elect_roll_get_n_desks (const ElectRoll *self);
/** @brief Ballots issued at a desk, proxies' extra ballots included.
 * @param self a roll @param desk a desk index @return the count. @since 0.1 */
ELECT_API gint64 elect_roll_get_desk_issued (const ElectRoll *self, guint desk);
/** @brief Ballots issued through proxies (all desks).
 * @param self a roll @return the count. @since 0.1 */
ELECT_API gint64 elect_roll_get_proxy_issued (const ElectRoll *self);
/** @brief Ballots issued in all: the bound `ballots_issued` used by counting.
 * @param self a roll @return the count. @since 0.1 */
ELECT_API gint64 elect_roll_get_ballots_issued (const ElectRoll *self);

/* ---- double registration ----------------------------------------------- */

/**
 * @brief Packs a valid ID number into a 64-bit key: the value of its 17
 * digits (< 10^17 < 2^57); the check character is implied.
 * @param id_number an ID number
 * @return the key, or G_MAXUINT64 when @p id_number is not a valid ID number.
 * @since 0.1
 */
ELECT_API guint64 elect_id_number_pack (const char *id_number);
/**
 * @brief Unpacks a key of elect_id_number_pack().
 * @param key a key
 * @param out_id (out): 19 bytes: the ID number and a NUL
 * @since 0.1
 */
ELECT_API void elect_id_number_unpack (guint64 key, char out_id[19]);

/**
 * @brief A callback for each ID number registered in more than one place.
 * @param id_number the ID number
 * @param places the place indexes, in ascending order
 * @param n_places their number (≥ 2)
 * @param user_data the data given
 * @since 0.1
 */
typedef void (*ElectDedupFunc) (const char *id_number, const guint32 *places,
                                guint n_places, gpointer user_data);

/**
 * @brief Creates an empty double-registration finder.
 * @return a new finder (transfer full): release with elect_dedup_free().
 * @since 0.1
 */
ELECT_API ElectDedup *elect_dedup_new (void);
/** @brief Frees a finder. NULL-safe. @param self (nullable): a finder @since 0.1 */
ELECT_API void elect_dedup_free (ElectDedup *self);
/** @brief Reserves room for @p n registrations in all (avoids regrowth).
 * @param self a finder @param n the number of registrations @since 0.1 */
ELECT_API void elect_dedup_reserve (ElectDedup *self, gsize n);
/** @brief The number of registrations added. @param self a finder
 * @return the count. @since 0.1 */
ELECT_API guint64 elect_dedup_get_n_registrations (const ElectDedup *self);
/** @brief The number of distinct ID numbers found by the last
 * elect_dedup_run(). @param self a finder @return the count. @since 0.1 */
ELECT_API guint64 elect_dedup_get_n_distinct (const ElectDedup *self);
/** @brief Adds a place (a village's roll). @param self a finder
 * @param name the place's name @return the place index. @since 0.1 */
ELECT_API guint32 elect_dedup_add_place (ElectDedup *self, const char *name);
/** @brief The name of a place. @param self a finder @param place an index
 * @return the name (transfer none). @since 0.1 */
ELECT_API const char *elect_dedup_get_place_name (const ElectDedup *self, guint32 place);
/**
 * @brief Adds one registration.
 * @param self a finder
 * @param place a place index
 * @param id_number an ID number
 * @param error (out) (optional): ELECT_ERROR_INVALID for an invalid number
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_dedup_add (ElectDedup *self, guint32 place,
                                    const char *id_number, GError **error);
/** @brief Adds one registration by key (elect_id_number_pack()).
 * @param self a finder @param place a place index @param key a key @since 0.1 */
ELECT_API void elect_dedup_add_key (ElectDedup *self, guint32 place, guint64 key);
/** @brief Adds the registered voters of a roll as one place.
 * @param self a finder @param roll a roll @param place_name the place's name
 * @return the place index. @since 0.1 */
ELECT_API guint32 elect_dedup_add_roll (ElectDedup *self, const ElectRoll *roll,
                                        const char *place_name);
/**
 * @brief Sorts the registrations (radix sort, on @p n_threads threads) and
 * calls @p func for each ID number found in two or more places (the same
 * number twice in one place counts once), in ascending order of the number.
 * @param self a finder
 * @param n_threads threads to use (0: as many as processors)
 * @param func (nullable): the callback
 * @param user_data data for @p func
 * @return the number of ID numbers registered in more than one place.
 * @since 0.1
 */
ELECT_API guint64 elect_dedup_run (ElectDedup *self, guint n_threads,
                                   ElectDedupFunc func, gpointer user_data);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectVoter, elect_voter_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectEligibility, elect_eligibility_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectRoll, elect_roll_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectDedup, elect_dedup_free)

G_END_DECLS
