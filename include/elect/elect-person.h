/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-person.h
 * @brief People: resident ID numbers (GB 11643), ages on a date and name
 * normalisation.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>

G_BEGIN_DECLS

/** @defgroup person People
 *
 * The 18-character citizen identity number of GB 11643-1999 (公民身份号码):
 *
 * | positions | meaning |
 * |---|---|
 * | 1–6 | region code (行政区划代码) of the place of registration |
 * | 7–14 | date of birth, `YYYYMMDD` |
 * | 15–17 | sequence code; the 17th digit is odd for men, even for women |
 * | 18 | check character, ISO 7064 MOD 11-2: `0`–`9` or `X` (for 10) |
 *
 * Ages follow RULES.md §1.5: a person born on D reaches the age N on the
 * N-th anniversary of D. **29 February rule:** a person born on 29 February
 * reaches an anniversary that falls in a common (non-leap) year on
 * **1 March** of that year (not on 28 February), as the day after 28
 * February is the first day on which the full number of years has elapsed.
 *
 * Names are compared after normalisation (RULES.md §1.7): Unicode NFC,
 * trimming of ASCII white space and the ideographic space U+3000 at both
 * ends, and folding of full-width Latin letters and digits (U+FF10–U+FF19,
 * U+FF21–U+FF3A, U+FF41–U+FF5A) to ASCII; U+3000 inside a name becomes an
 * ASCII space.
 *
 * Every function here is pure and thread-safe.
 *  @{
 */

/**
 * @brief Sex as given by the 17th digit of a resident ID number.
 */
typedef enum {
  /** Not known (no valid ID number). */
  ELECT_SEX_UNKNOWN = 0,
  /** Male: the 17th digit is odd. */
  ELECT_SEX_MALE = 1,
  /** Female: the 17th digit is even. */
  ELECT_SEX_FEMALE = 2,
} ElectSex;

/**
 * @brief Computes the ISO 7064 MOD 11-2 check character of the first 17
 * digits of a resident ID number.
 * @param digits17 at least 17 characters, the first 17 of which are read
 * @return `'0'`–`'9'` or `'X'`, or `'\0'` when one of the 17 characters is
 * not an ASCII digit.
 * @since 0.1
 */
ELECT_API char elect_id_number_check_character (const char *digits17);

/**
 * @brief Validates a resident ID number and extracts its parts.
 *
 * Checks, in this order: the length (18 characters), that positions 1–17
 * are digits and position 18 a digit or `X` (a lower-case `x` is accepted),
 * that positions 7–14 are a real date, not later than @p reference when
 * given, and the check character.
 *
 * @param id the ID number (UTF-8)
 * @param len length of @p id in bytes, or -1 when NUL-terminated
 * @param reference (nullable): a date of birth after this date is an error
 * (use the election day or today); NULL: no such check
 * @param out_region (out) (optional): the 6-digit region code as a number
 * @param out_birth_date (out) (optional): the date of birth
 * @param out_sex (out) (optional): the sex from the 17th digit
 * @param error (out) (optional): ELECT_ERROR_INVALID with a message saying
 * what is wrong (the length, a non-digit at position N, an impossible date,
 * a date after the reference date, or "check character expected X found Y")
 * @return TRUE when the number is valid.
 * @since 0.1
 */
ELECT_API gboolean elect_id_number_parse (const char *id,
                                          gssize len,
                                          const GDate *reference,
                                          guint *out_region,
                                          GDate *out_birth_date,
                                          ElectSex *out_sex,
                                          GError **error);

/**
 * @brief Masks a resident ID number for publication (RULES.md §4.4): the
 * first 6 and the last 4 characters are kept, the others become `*`.
 * @param id an ID number; any string is accepted: one of 10 characters or
 * fewer is masked entirely
 * @return a newly allocated string (transfer full) of the same number of
 * characters as @p id.
 * @since 0.1
 */
ELECT_API char *elect_id_number_mask (const char *id);

/**
 * @brief The date on which a person born on @p birth_date reaches the age
 * @p years (the 29 February rule: 1 March in a common year).
 * @param birth_date a valid date
 * @param years the age
 * @param out_date (out): the anniversary
 * @return TRUE, or FALSE when the anniversary is beyond year 9999.
 * @since 0.1
 */
ELECT_API gboolean elect_anniversary (const GDate *birth_date,
                                      guint years,
                                      GDate *out_date);

/**
 * @brief The age in whole years on a day (RULES.md §1.5, with the 29
 * February rule).
 * @param birth_date a valid date
 * @param day a valid date
 * @return the age, or -1 when @p day is before @p birth_date.
 * @since 0.1
 */
ELECT_API int elect_age_on (const GDate *birth_date, const GDate *day);

/**
 * @brief Normalises a name for comparison (RULES.md §1.7): NFC, trimmed of
 * ASCII and ideographic (U+3000) spaces, full-width Latin letters and digits
 * folded to ASCII.
 * @param name a name in UTF-8
 * @param len length of @p name in bytes, or -1 when NUL-terminated
 * @return a newly allocated string (transfer full), or NULL when @p name is
 * not valid UTF-8.
 * @since 0.1
 */
ELECT_API char *elect_name_normalize (const char *name, gssize len);

/**
 * @brief Whether two names are the same after elect_name_normalize().
 * @param a a name in UTF-8
 * @param b a name in UTF-8
 * @return TRUE when both are valid UTF-8 and equal after normalisation.
 * @since 0.1
 */
ELECT_API gboolean elect_name_equal (const char *a, const char *b);

/** @} */

G_END_DECLS
