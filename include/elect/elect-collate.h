/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-collate.h
 * @brief Ordering names by strokes (按姓氏笔画), the mainland way.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-rules.h>

G_BEGIN_DECLS

/** @defgroup collate Stroke order of names
 *
 * Candidate lists are printed in stroke order (按姓氏笔画, RULES.md §7.3),
 * counted the mainland way (GF 3003-1999, the order of the 通用规范汉字表):
 *
 * 1. **Two characters**: fewer strokes first (阝 is 2 strokes: 陈 has 7);
 *    equal counts: the five-class stroke sequence in writing order, 横 1 <
 *    竖 2 < 撇 3 < 点 4 < 折 5, compared stroke by stroke; the same
 *    sequence (叶/申, 田/由): the position in the 通用规范汉字表 (Unihan kTGH;
 *    characters outside the table after those in it); then the code point.
 * 2. **Two names**: character by character. Compound surnames get no special
 *    treatment (欧阳… sorts among the 8-stroke 欧).
 * 3. **Not part of the key**: annotations in parentheses, full-width
 *    `（女）` or ASCII `(回族)`, anywhere in the name (one level; an
 *    unmatched parenthesis is an error); the middle dots of transliterated
 *    names (U+00B7 ·, U+2027 ‧, U+30FB ・, U+FF65 ･, U+2022 •) and spaces
 *    (ASCII, U+3000) inside a name; the name is first normalised as
 *    elect_name_normalize() does (NFC, trimmed, full-width letters and digits
 *    folded).
 * 4. **Latin letters and digits** (a documented choice): allowed; they sort
 *    after every Chinese character, the digits 0–9 first, then the letters
 *    A–Z without regard to case (张A before 张B; 王2 before 王A).
 * 5. **Everything else** (a character the table has no strokes for: a
 *    recent CJK extension, punctuation, kana) is an error naming the name and
 *    the character: never placed silently.
 * 6. **Same keys**: input order is kept (stable).
 *
 * The two conventions for names of one surname (profile parameter
 * `candidates.name_order`) are ::ElectCollation values. ICU's
 * `zh@collation=stroke` is deliberately not used: it counts 阝 as 3 strokes
 * (the Taiwan convention) and puts 陈 after 林 and 欧.
 *
 * The stroke data comes from fcitx's `py_stroke.mb` (Debian package
 * fcitx5-module-pinyinhelper, LGPL-2.1+) with kTGH from Unihan, generated
 * into the library by `tools/gen-strokes.py` (see `data/strokes/README.md`).
 *
 * Every function here is pure and thread-safe.
 *  @{
 */

/**
 * @brief How names of the same surname are ordered (RULES.md §7.3.3).
 */
typedef enum {
  /** 姓氏笔画 (`surname-strokes`): a two-character name is read as surname +
   *  blank + given name, and the blank sorts before every character: 李强
   *  before 李干杰, 田富 before 田大利. Party committees, the usual reading of
   *  "按姓氏笔画". */
  ELECT_COLLATION_SURNAME_STROKES = 0,
  /** 姓名笔画 (`name-strokes`): plain character-by-character comparison, a
   *  prefix first: 李干杰 before 李强, 田大利 before 田富, 李飞 before 李飞跃.
   *  People's congresses. */
  ELECT_COLLATION_NAME_STROKES = 1,
} ElectCollation;

/**
 * @brief The convention a profile asks for (its `candidates.name_order`).
 * @param rules a rule profile
 * @return the profile's convention; ::ELECT_COLLATION_SURNAME_STROKES when
 * the parameter is not set.
 * @since 0.1
 */
ELECT_API ElectCollation elect_collation_for_rules (const ElectRules *rules);

/**
 * @brief The stroke data of one character.
 * @param c a Unicode character (a full-width Latin letter or digit is not
 * folded here)
 * @param strokes (out) (optional): the number of strokes, counted the
 * mainland way
 * @param rank (out) (optional): the position of @p c among the characters of
 * the table in stroke order (1 is the first); two characters compare as
 * their ranks
 * @return TRUE when the table has data for @p c, FALSE otherwise (the
 * outputs are then set to 0).
 * @since 0.1
 */
ELECT_API gboolean elect_collate_char_info (gunichar c,
                                            guint *strokes,
                                            guint32 *rank);

/**
 * @brief Compares two names in stroke order.
 * @param a a name in UTF-8
 * @param b a name in UTF-8
 * @param collation the convention for names of one surname
 * @param error return location for a GError, or NULL
 * @return a negative value when @p a comes first, 0 when their keys are
 * equal, a positive value when @p b comes first; 0 with @p error set
 * (::ELECT_ERROR_INVALID) when a name is not valid UTF-8, has an unmatched
 * parenthesis or a character without stroke data.
 * @since 0.1
 */
ELECT_API int elect_collate_compare (const char *a,
                                     const char *b,
                                     ElectCollation collation,
                                     GError **error);

/**
 * @brief Computes the stable stroke order of a list of names.
 * @param names the names in UTF-8 (any annotations included)
 * @param n_names the number of names
 * @param collation the convention for names of one surname
 * @param order (out caller-allocates) (array length=n_names): receives the
 * indexes of @p names in stroke order; equal keys keep their input order
 * @param bad_index (out) (optional): on failure, the index of the first
 * name that cannot be ordered
 * @param error return location for a GError, or NULL
 * @return TRUE on success; FALSE with ::ELECT_ERROR_INVALID naming the name
 * and the offending character when a name is not valid UTF-8, has an
 * unmatched parenthesis or a character without stroke data (@p order is then
 * left unspecified).
 * @since 0.1
 */
ELECT_API gboolean elect_collate_order (const char *const *names,
                                        gsize n_names,
                                        ElectCollation collation,
                                        gsize *order,
                                        gsize *bad_index,
                                        GError **error);

/**
 * @brief Sorts a NULL-terminated array of names in place, in stroke order.
 * @param names (inout) (array zero-terminated=1): the names; only the order
 * of the pointers changes
 * @param collation the convention for names of one surname
 * @param error return location for a GError, or NULL
 * @return TRUE on success; FALSE with ::ELECT_ERROR_INVALID (as
 * elect_collate_order()) and @p names unchanged.
 * @since 0.1
 */
ELECT_API gboolean elect_collate_sort (char **names,
                                       ElectCollation collation,
                                       GError **error);

/** @} */

G_END_DECLS
