/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-print.h
 * @brief Printable documents (libelect-print): the ballot paper (选票), the
 * public roll (选民名单), the official candidate list (正式候选人名单) and
 * the result announcement (选举结果公告), as A4 PDF or SVG.
 *
 * This header belongs to the separate, optional library libelect-print
 * (built when Pango and Cairo are found, meson option `print`). Include it
 * directly; it includes `<elect/elect.h>`:
 *
 * @code
 * #include <elect/elect-print.h>
 * @endcode
 *
 * Compile and link with `pkg-config --cflags --libs libelect-print-1`.
 */
#pragma once

#include <elect/elect.h>

G_BEGIN_DECLS

/** @defgroup print Printable documents (libelect-print)
 *
 * Four documents that a village election prints and posts, rendered with
 * Pango and Cairo in a Chinese font (fonts-noto-cjk on Debian), on A4 (or
 * A3) pages, as PDF or SVG (an SVG holds every page, one below the other):
 *
 * - elect_print_ballot(): the ballot paper of a round: title, date,
 *   instructions, one block per post with its seats (应选N名), the
 *   candidates in stroke order (按姓氏笔画, the profile's
 *   `candidates.name_order`), a box to mark for each, as many write-in
 *   places (另选他人) as seats, the women's post (妇女委员) as a block of its
 *   own; on Party papers a row per candidate with the columns for, against
 *   and abstain (赞成、反对、弃权) and a write-in column (a long Party paper
 *   compact: a column per candidate, the places to mark below the name).
 *   The paper is scaled to fit one page (7 posts of 15 candidates fit one
 *   A4 page, village or Party); a paper that does not fit even at the
 *   smallest type continues on further pages.
 * - elect_print_roll(): the public roll (RULES.md §4.4): registered voters
 *   only, by villager group (groups in the order of their numbers: 第二组
 *   before 第十组), names in the order of elect_roll_to_public_csv(), sex,
 *   ID numbers masked as that function masks them (no full ID number is
 *   ever printed), page numbers, totals per group and for the village,
 *   the election day, the publication day and the objection period.
 * - elect_print_candidates() and elect_print_candidates_from_json(): the
 *   official candidate list of each post, with the order rule stated on
 *   the list and its citation.
 * - elect_print_result() and elect_print_result_from_json(): the result
 *   announcement: turnout, validity, each candidate's votes per post, who
 *   is elected to which post, what happens next, the basis of every
 *   decision, the date and a place for the election committee's seal
 *   (盖章).
 *
 * **Layout options** are strings set with elect_print_options_set()
 * (elect_print_options_list_keys() lists them): `format` (`pdf`, the
 * default, or `svg`), `lang` (`zh`, the default, or `en`: the language of
 * the printed words; names are printed as given), `paper` (`a4`, the
 * default, or `a3`), `font` (a Pango family list, default `Noto Serif CJK
 * SC`), `title` (the election's name), `date` (the date printed on the
 * document, ISO 8601), `issuer` (the body that publishes the document,
 * printed above the seal, e.g. `青山村村民选举委员会`), `published` (the
 * day the roll is published, ISO 8601; default: the last day the profile
 * allows, `roll.publish_days_before` days before the election day),
 * `order` (`profile`, the default, `strokes` or `given`: the order of names
 * on the ballot and the candidate list), `reasons` (`yes`, the default, or
 * `no`: whether the announcement lists the basis of each decision),
 * `profile` (the profile of a candidate list read from JSON that names
 * none). An unknown key is an error, so a misspelt option never goes
 * unnoticed.
 *
 * **Fonts.** Every document is checked before anything is written: when no
 * installed font has Chinese characters, the call fails with
 * ::ELECT_ERROR_NOT_FOUND saying which package to install; when a name
 * has a character that no installed font can show, it fails with
 * ::ELECT_ERROR_INVALID naming the name and the character (a ballot is
 * never printed with a missing glyph).
 *
 * **Output** is written atomically: the document is rendered in memory,
 * then written to a temporary file in the directory of @p path and renamed
 * over it. On any error no file is written and an existing file of that
 * name is left as it was.
 *
 * **Errors** (::ELECT_ERROR): ::ELECT_ERROR_NOT_FOUND (no Chinese font),
 * ::ELECT_ERROR_INVALID (a name that cannot be ordered or shown, an option
 * value that is not valid, an input document with a wrong member),
 * ::ELECT_ERROR_PARSE (an input that is not JSON), ::ELECT_ERROR_LIMIT (a
 * post of more than 99 seats on a ballot, an input beyond the readers'
 * limits), ::ELECT_ERROR_IO (the output cannot be written),
 * ::ELECT_ERROR_FAILED (Cairo failed).
 *
 * Threads: the functions may be called from several threads at once, each
 * with its own options (Pango's font map is per thread).
 *  @{
 */

/** @brief Layout options of a document (a plain value: copy with
 * elect_print_options_copy(), release with elect_print_options_free()). */
typedef struct _ElectPrintOptions ElectPrintOptions;

/**
 * @brief New options, every key at its default.
 * @return the options (transfer full): release with
 * elect_print_options_free().
 * @since 0.1
 */
ELECT_API ElectPrintOptions *elect_print_options_new (void);

/**
 * @brief Copies options.
 * @param self options
 * @return a copy (transfer full).
 * @since 0.1
 */
ELECT_API ElectPrintOptions *elect_print_options_copy (const ElectPrintOptions *self);

/**
 * @brief Releases options. NULL-safe.
 * @param self (nullable): options
 * @since 0.1
 */
ELECT_API void elect_print_options_free (ElectPrintOptions *self);

/**
 * @brief Sets a layout option (see the group description).
 * @param self options
 * @param key the option's name (`"format"`)
 * @param value (nullable): its value (`"svg"`); NULL restores the default
 * @param error (out) (optional): ::ELECT_ERROR_UNKNOWN_KEY for a key that
 * is not a layout option (the message lists the known ones),
 * ::ELECT_ERROR_INVALID for a value the option does not take (the message
 * says what it takes); the options are then unchanged
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_print_options_set (ElectPrintOptions *self,
                                            const char *key,
                                            const char *value,
                                            GError **error);

/**
 * @brief The value of a layout option.
 * @param self options
 * @param key the option's name
 * @return the value set, or NULL when the option has its default or the
 * key is not a layout option (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_print_options_get (const ElectPrintOptions *self,
                                               const char *key);

/**
 * @brief The names of the layout options.
 * @return a NULL-terminated static array (transfer none).
 * @since 0.1
 */
ELECT_API const char *const *elect_print_options_list_keys (void);

/**
 * @brief Checks that an installed font can show Chinese text in the
 * options' `font`.
 * @param options (nullable): options (NULL: the defaults)
 * @param error (out) (optional): ::ELECT_ERROR_NOT_FOUND when no installed
 * font has Chinese characters
 * @return TRUE when documents can be printed.
 * @since 0.1
 */
ELECT_API gboolean elect_print_check_fonts (const ElectPrintOptions *options,
                                            GError **error);

/**
 * @brief Prints the ballot paper of a round.
 * @param rules the profile (name order, overvote rule, kind of election)
 * @param paper the paper: its contests, seats and candidates
 * @param options (nullable): layout options (`title` and `date` are printed
 * at the top; NULL: the defaults)
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_ballot (const ElectRules *rules,
                                       const ElectPaper *paper,
                                       const ElectPrintOptions *options,
                                       const char *path,
                                       guint *out_pages,
                                       GError **error);

/**
 * @brief Prints the public roll (选民名单): registered voters by villager
 * group with masked ID numbers, page numbers and totals.
 * @param roll a judged roll (its profile and election day are used)
 * @param options (nullable): layout options (`title`, `published`,
 * `issuer`)
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_roll (const ElectRoll *roll,
                                     const ElectPrintOptions *options,
                                     const char *path,
                                     guint *out_pages,
                                     GError **error);

/**
 * @brief Prints the official candidate list from the candidates of a paper
 * (正式候选人名单), in stroke order (or, with `order=given`, in the paper's
 * order), the rule stated on the list.
 * @param rules the profile
 * @param paper the paper whose candidates are official
 * @param options (nullable): layout options
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_candidates (const ElectRules *rules,
                                           const ElectPaper *paper,
                                           const ElectPrintOptions *options,
                                           const char *path,
                                           guint *out_pages,
                                           GError **error);

/**
 * @brief Prints the official candidate list from the output of
 * `elect-slate` (`libelect.slate/1`, doc/formats-candidates.md) or from
 * elect_slate_to_json(). The order follows the profile's
 * `candidates.list_order`: by nomination votes (`votes`,
 * `nomination-votes`: most first, equal counts in stroke order) or by
 * strokes (`strokes`, `unspecified`); `order=strokes` or `order=given`
 * (the order of `official`) overrides it. Posts take their `title` when the
 * document has one. Nominees tied at the cut-off (`primary`) are listed as
 * such: a primary vote (预选) decides among them.
 * @param data the JSON text
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param options (nullable): layout options; the key `profile` names the
 * profile when the document does not
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description; the message of
 * ::ELECT_ERROR_INVALID names the JSON path (`$.nomination.posts[1].seats`)
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_candidates_from_json (const char *data,
                                                     gssize length,
                                                     const ElectPrintOptions *options,
                                                     const char *path,
                                                     guint *out_pages,
                                                     GError **error);

/**
 * @brief Prints the result announcement (选举结果公告) of a counted round.
 * @param outcome the outcome
 * @param options (nullable): layout options (`title`, `date`, `issuer`,
 * `reasons`)
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_result (const ElectOutcome *outcome,
                                       const ElectPrintOptions *options,
                                       const char *path,
                                       guint *out_pages,
                                       GError **error);

/**
 * @brief Prints the result announcement from a result file
 * (`libelect.result/1`, FORMATS.md §2, as `elect-count` writes it).
 * @param data the JSON text
 * @param length its length in bytes, or -1 when NUL-terminated
 * @param options (nullable): layout options
 * @param path the file to write
 * @param out_pages (out) (optional): the number of pages written
 * @param error (out) (optional): see the group description; the message of
 * ::ELECT_ERROR_INVALID names the JSON path (`$.contests[0].seats`)
 * @return TRUE when the file was written.
 * @since 0.1
 */
ELECT_API gboolean elect_print_result_from_json (const char *data,
                                                 gssize length,
                                                 const ElectPrintOptions *options,
                                                 const char *path,
                                                 guint *out_pages,
                                                 GError **error);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectPrintOptions, elect_print_options_free)

G_END_DECLS
