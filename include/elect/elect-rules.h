/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-rules.h
 * @brief Rule profiles: the law of one province and one body, as data.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>

G_BEGIN_DECLS

/** @defgroup rules Rule profiles
 *
 * A profile (规则配置) is a named set of typed parameters, each with a value
 * and the citation of the article it comes from. The national profiles
 * (`village-committee` for the 村民委员会 under the Villagers' Committee
 * Organic Law, `residents-committee` for the 居民委员会, `party-committee`
 * for the 党支部/党总支/党委 and `supervision-committee` for the 村务监督委员会)
 * are extended by provincial ones (`zhejiang-village-committee`, …) that
 * override only what differs.
 *
 * Profiles are GKeyFile files (see the user guide, "Writing a profile"):
 *
 * @code{.ini}
 * [profile]
 * name=guangdong-village-committee
 * title=广东省村民委员会选举
 * extends=village-committee
 *
 * [proxy]
 * max_principals=3
 * max_principals.citation=广东省村民委员会选举办法 第二十八条
 * @endcode
 *
 * Parameters are addressed as `group.key` (`"count.quorum"`). Their types
 * are ::ElectParamType: integers, booleans, ranges (`3-7`), fractions with
 * their comparison (`>1/2` is "more than half", `>=1/3` "at least a third"),
 * policies (one name from a fixed list), sets (names joined by `,`) and day
 * offsets. A fraction is `>N/D` with N < D (a strict `>D/D`, "more than
 * the whole", could never be met) or `>=N/D` with N ≤ D, D ≤ 1000. The value
 * `none` says the rule does not exist in this profile.
 *
 * A loaded profile is immutable: it may be shared between threads.
 *  @{
 */

/** @brief A resolved, validated, immutable rule profile. */
typedef struct _ElectRules ElectRules;

/**
 * @brief The body a profile elects.
 */
typedef enum {
  /** 村民委员会, villagers' committee (VC). */
  ELECT_KIND_VILLAGE_COMMITTEE = 1,
  /** 居民委员会, urban residents' committee (RC). */
  ELECT_KIND_RESIDENTS_COMMITTEE = 2,
  /** 党支部/党总支/党委委员会, Party branch, general branch or committee. */
  ELECT_KIND_PARTY_COMMITTEE = 3,
  /** 村务监督委员会, village affairs supervision committee (VSC). */
  ELECT_KIND_SUPERVISION_COMMITTEE = 4,
} ElectKind;

/**
 * @brief The type of a profile parameter.
 */
typedef enum {
  /** A whole number (`3`). */
  ELECT_PARAM_TYPE_INT = 1,
  /** `true` or `false`. */
  ELECT_PARAM_TYPE_BOOL = 2,
  /** An inclusive range (`3-7`; `2` means `2-2`). */
  ELECT_PARAM_TYPE_RANGE = 3,
  /** A fraction with its comparison: `>1/2` (strict) or `>=1/3` (inclusive). */
  ELECT_PARAM_TYPE_FRACTION = 4,
  /** One name from the parameter's fixed list of choices. */
  ELECT_PARAM_TYPE_POLICY = 5,
  /** Zero or more names from the parameter's fixed list, joined by `,`. */
  ELECT_PARAM_TYPE_SET = 6,
  /** A number of days (a deadline relative to election day). */
  ELECT_PARAM_TYPE_DAYS = 7,
} ElectParamType;

/**
 * @brief Loads a profile by built-in name or from a key file.
 *
 * A name without `/` and without the `.ini` suffix is looked up first as
 * `NAME.ini` in each directory of the environment variable
 * `ELECT_PROFILE_PATH` (colon-separated), then among the built-in profiles
 * (compiled into the library, so it works uninstalled). Anything else is a
 * path to a key file. A file's `extends=` names its parent (a name of
 * letters, digits, `-` and `_`, never a path), looked up first as `NAME.ini`
 * beside the file, then as a name.
 *
 * A built-in profile is parsed and resolved once per process: later loads
 * of the same name return a new reference to the same immutable profile
 * (safe to share across threads, see @ref threading), as long as no
 * `NAME.ini` in `ELECT_PROFILE_PATH` overrides it or one of its parents;
 * that check is made at every load. A profile that resolves to a key file
 * (a path, or a name found in `ELECT_PROFILE_PATH`) is read anew every time:
 * the file may have changed. Errors are the same either way.
 *
 * @param name_or_path a built-in name (`"village-committee"`) or a path
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND (no such profile or
 * file), ELECT_ERROR_IO, ELECT_ERROR_PARSE (not a key file),
 * ELECT_ERROR_UNKNOWN_KEY (unknown group or key), ELECT_ERROR_INVALID (a bad
 * value, a contradiction between parameters, a parameter defined nowhere, an
 * inheritance cycle). The message names the file, the group and the key.
 * @return the profile (transfer full) or NULL: release with elect_rules_unref().
 * @since 0.1
 */
ELECT_API ElectRules *elect_rules_load (const char *name_or_path,
                                        GError **error);

/**
 * @brief Loads a profile from key-file text in memory.
 *
 * `extends=` is resolved as for elect_rules_load() by name (not beside a
 * file).
 * @param data the key-file text (UTF-8)
 * @param length the length of @p data in bytes, or -1 if NUL-terminated
 * @param origin (nullable): a name for messages (a file name), or NULL
 * @param error (out) (optional): as elect_rules_load()
 * @return the profile (transfer full) or NULL.
 * @since 0.1
 */
ELECT_API ElectRules *elect_rules_load_from_data (const char *data,
                                                  gssize length,
                                                  const char *origin,
                                                  GError **error);

/**
 * @brief Adds a reference.
 * @param self a profile
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectRules *elect_rules_ref (ElectRules *self);

/**
 * @brief Drops a reference. NULL-safe.
 * @param self (nullable): a profile
 * @since 0.1
 */
ELECT_API void elect_rules_unref (ElectRules *self);

/**
 * @brief The names of the built-in profiles.
 * @return a NULL-terminated static array (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_rules_list_builtin (void);

/**
 * @brief The profile's name (`"zhejiang-village-committee"`).
 * @param self a profile
 * @return the name (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_name (const ElectRules *self);

/**
 * @brief The profile's title, in Chinese (`"浙江省村民委员会选举"`).
 * @param self a profile
 * @return the title, or the name when the profile has none (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_title (const ElectRules *self);

/**
 * @brief The name of the profile this one extends.
 * @param self a profile
 * @return the parent's name, or NULL for a root profile (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_parent (const ElectRules *self);

/**
 * @brief The body the profile elects (parameter `general.kind`).
 * @param self a profile
 * @return the kind.
 * @since 0.1
 */
ELECT_API ElectKind elect_rules_get_kind (const ElectRules *self);

/**
 * @brief The keys of every parameter a profile has, in dump order.
 * @return a NULL-terminated static array of `group.key` strings (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_rules_list_params (void);

/**
 * @brief The type of a parameter.
 * @param key a parameter key (`"count.quorum"`)
 * @return its type, or 0 when @p key is not a parameter.
 * @since 0.1
 */
ELECT_API ElectParamType elect_rules_param_get_type (const char *key);

/**
 * @brief The allowed names of a policy or set parameter.
 * @param key a parameter key
 * @return a NULL-terminated static array (transfer none), or NULL when the
 * parameter is not a policy or a set or does not exist.
 * @since 0.1
 */
ELECT_API const char *const *elect_rules_param_get_choices (const char *key);

/**
 * @brief A one-line description of a parameter, in English or Chinese.
 * @param key a parameter key
 * @param lang (nullable): `"zh"` or `"en"` (NULL: English)
 * @return the description (transfer none), or NULL for an unknown key.
 * @since 0.1
 */
ELECT_API const char *elect_rules_param_get_description (const char *key,
                                                         const char *lang);

/**
 * @brief Whether a parameter has a value (is not `none`) in the profile.
 * @param self a profile
 * @param key a parameter key
 * @return TRUE when the parameter exists and has a value.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_is_set (const ElectRules *self, const char *key);

/**
 * @brief Gets an integer or day-offset parameter.
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_INT or ELECT_PARAM_TYPE_DAYS
 * @param out_value (out): the value
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND (unknown key),
 * ELECT_ERROR_TYPE (another type), ELECT_ERROR_UNSET (value `none`)
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_get_int (const ElectRules *self, const char *key,
                                        gint64 *out_value, GError **error);

/**
 * @brief Gets a boolean parameter.
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_BOOL
 * @param out_value (out): the value
 * @param error (out) (optional): as elect_rules_get_int()
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_get_bool (const ElectRules *self, const char *key,
                                         gboolean *out_value, GError **error);

/**
 * @brief Gets a range parameter.
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_RANGE
 * @param out_min (out): the least value
 * @param out_max (out): the greatest value
 * @param error (out) (optional): as elect_rules_get_int()
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_get_range (const ElectRules *self, const char *key,
                                          gint64 *out_min, gint64 *out_max,
                                          GError **error);

/**
 * @brief Gets a fraction parameter: "part OP num/den of the whole".
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_FRACTION
 * @param out_num (out): numerator
 * @param out_den (out): denominator (> 0)
 * @param out_strict (out): TRUE for `>` (超过, 过半数), FALSE for `>=` (以上, 不少于)
 * @param error (out) (optional): as elect_rules_get_int()
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_get_fraction (const ElectRules *self, const char *key,
                                             gint64 *out_num, gint64 *out_den,
                                             gboolean *out_strict, GError **error);

/**
 * @brief Tests a count against a fraction parameter, exactly (by
 * cross-multiplication, never floating point).
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_FRACTION
 * @param part the count tested (votes, ballots returned, members present)
 * @param whole the base (participants, electorate, members entitled)
 * @param out_holds (out): whether @p part satisfies the fraction of @p whole
 * @param error (out) (optional): as elect_rules_get_int(), and
 * ELECT_ERROR_LIMIT when a count is negative or above elect_count_max()
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_fraction_holds (const ElectRules *self, const char *key,
                                               gint64 part, gint64 whole,
                                               gboolean *out_holds, GError **error);

/**
 * @brief The least count that satisfies a fraction parameter of a whole
 * (for "more than half of 890" it is 446).
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_FRACTION
 * @param whole the base
 * @param out_least (out): the least count
 * @param error (out) (optional): as elect_rules_fraction_holds()
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_rules_fraction_least (const ElectRules *self, const char *key,
                                               gint64 whole, gint64 *out_least,
                                               GError **error);

/**
 * @brief Gets a policy parameter.
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_POLICY
 * @param error (out) (optional): as elect_rules_get_int()
 * @return the policy name (transfer none, static), or NULL on error.
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_policy (const ElectRules *self, const char *key,
                                              GError **error);

/**
 * @brief Gets a set parameter.
 * @param self a profile
 * @param key a parameter key of type ELECT_PARAM_TYPE_SET
 * @param error (out) (optional): as elect_rules_get_int()
 * @return a NULL-terminated array of names in the order of the choices
 * (transfer full: free with g_strfreev()), or NULL on error. An empty set is
 * an empty array.
 * @since 0.1
 */
ELECT_API char **elect_rules_get_set (const ElectRules *self, const char *key,
                                      GError **error);

/**
 * @brief The value of any parameter as written in a key file (`>1/2`, `3-7`,
 * `none`).
 * @param self a profile
 * @param key a parameter key
 * @return a newly allocated string (transfer full), or NULL for an unknown key.
 * @since 0.1
 */
ELECT_API char *elect_rules_get_value_string (const ElectRules *self, const char *key);

/**
 * @brief The citation of a parameter's value (`"村民委员会组织法 第十五条"`).
 * @param self a profile
 * @param key a parameter key
 * @return the citation (transfer none): "" when the profile gives none, NULL
 * for an unknown key.
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_citation (const ElectRules *self, const char *key);

/**
 * @brief Which profile set a parameter's value: the built-in name
 * (`"village-committee"`) or the path of the key file.
 * @param self a profile
 * @param key a parameter key
 * @return the origin (transfer none), NULL for an unknown key.
 * @since 0.1
 */
ELECT_API const char *elect_rules_get_origin (const ElectRules *self, const char *key);

/**
 * @brief The fully resolved profile as readable text: every parameter, its
 * value, the profile that set it and its citation.
 * @param self a profile
 * @param lang (nullable): `"zh"` or `"en"` for the headings and descriptions
 * @return a newly allocated string (transfer full).
 * @since 0.1
 */
ELECT_API char *elect_rules_dump (const ElectRules *self, const char *lang);

/**
 * @brief The fully resolved profile as a JSON document
 * `{"name":…,"title":…,"extends":…,"kind":…,"params":{"count.quorum":
 * {"type":"fraction","value":">1/2","origin":…,"citation":…},…}}`.
 * @param self a profile
 * @return a newly allocated string (transfer full).
 * @since 0.1
 */
ELECT_API char *elect_rules_to_json (const ElectRules *self);

/**
 * @brief The largest count (of voters, ballots or votes) the library
 * accepts: 2^40. Larger inputs are rejected with ELECT_ERROR_LIMIT.
 * @return the limit.
 * @since 0.1
 */
ELECT_API gint64 elect_count_max (void);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectRules, elect_rules_unref)

G_END_DECLS
