/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-reason.h
 * @brief ::ElectReason, the basis of every decision the library makes.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>

G_BEGIN_DECLS

/** @defgroup reason Reasons
 *
 * Every decision of the library (a voter registered or not, a candidate
 * barred, a ballot or a mark set aside, a person elected or not, a round
 * void) is returned with one or more reasons. A reason has:
 *
 * - a stable **code** (`"quorum-not-met"`): part of the API contract, never
 *   renamed, safe to compare and to store;
 * - a **citation** of the rule it applies, in Chinese as the statute names
 *   itself (`"村民委员会组织法 第十五条"`, the Villagers' Committee Organic Law,
 *   Article 15), so that officials can publish the basis of the decision;
 * - a human **message** in English and in Simplified Chinese; messages are
 *   not part of the contract and may be improved between releases;
 * - optionally the **parameter** of the rule profile that decided it
 *   (`"count.quorum"`).
 *
 * Reasons are immutable and reference counted; they may be shared between
 * threads.
 *  @{
 */

/**
 * @brief An immutable, reference-counted explanation of one decision.
 */
typedef struct _ElectReason ElectReason;

/**
 * @brief Creates a reason from its parts (for bindings and for programs that
 * add their own decisions).
 * @param code stable code, lower case ASCII words joined by '-'
 * @param citation (nullable): citation of the rule, or NULL
 * @param message_en English message
 * @param message_zh (nullable): Simplified Chinese message, or NULL to use
 * the English one
 * @return a new reason (transfer full): release with elect_reason_unref().
 * @since 0.1
 */
ELECT_API ElectReason *elect_reason_new (const char *code,
                                         const char *citation,
                                         const char *message_en,
                                         const char *message_zh);

/**
 * @brief Adds a reference.
 * @param self a reason
 * @return @p self (transfer full).
 * @since 0.1
 */
ELECT_API ElectReason *elect_reason_ref (ElectReason *self);

/**
 * @brief Drops a reference; frees the reason when it was the last. NULL-safe.
 * @param self (nullable): a reason
 * @since 0.1
 */
ELECT_API void elect_reason_unref (ElectReason *self);

/**
 * @brief The stable code (`"overvote"`, `"quorum-met"`, …).
 * @param self a reason
 * @return the code (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API const char *elect_reason_get_code (const ElectReason *self);

/**
 * @brief The citation of the rule applied (`"村民委员会组织法 第十五条"`).
 * @param self a reason
 * @return the citation, or "" when none applies (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_reason_get_citation (const ElectReason *self);

/**
 * @brief The profile parameter that decided, as `group.key`, if any.
 * @param self a reason
 * @return the parameter key or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_reason_get_param (const ElectReason *self);

/**
 * @brief The message in a language.
 * @param self a reason
 * @param lang (nullable): `"zh"`, `"zh_CN"` or `"zh-CN"` for Simplified
 * Chinese; `"en"` or NULL for English. Another value gives English.
 * @return the message (transfer none), valid as long as @p self.
 * @since 0.1
 */
ELECT_API const char *elect_reason_get_message (const ElectReason *self,
                                                const char *lang);

/**
 * @brief Serialises the reason as a JSON object
 * `{"code":…,"message":…,"citation":…}` (plus `"param"` when set).
 * @param self a reason
 * @param lang (nullable): the language of the message, as for
 * elect_reason_get_message()
 * @return a newly allocated string (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_reason_to_json (const ElectReason *self,
                                      const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectReason, elect_reason_unref)

G_END_DECLS
