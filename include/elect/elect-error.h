/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-error.h
 * @brief The `ELECT_ERROR` GError domain and its codes.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>

G_BEGIN_DECLS

/** @defgroup errors Errors
 *
 * A call that cannot do its job (a missing or malformed file, an invalid
 * value, an I/O failure) sets a GError in the single domain ::ELECT_ERROR
 * with one of the ::ElectError codes, and returns FALSE or NULL. On success
 * the error is left untouched. Every `GError **error` argument may be NULL.
 *
 * Election findings (an ineligible voter, an invalid ballot, a missed quorum)
 * are never errors: they are results, returned as ::ElectReason values.
 *
 * Programming errors (a NULL object, an out-of-range enum value) are reported
 * with `g_return_val_if_fail()` critical warnings, not GErrors. Memory
 * exhaustion aborts, as everywhere in GLib; it is not an error code.
 *
 * The messages of errors are translated into the process locale with gettext
 * (domain `libelect`).
 *  @{
 */

/** @brief The error domain of libelect (a GQuark). */
#define ELECT_ERROR (elect_error_quark ())

/**
 * @brief Error codes of the ::ELECT_ERROR domain.
 *
 * Values are explicit and append-only: a code never changes meaning.
 */
typedef enum {
  /** Generic failure not covered by another code. */
  ELECT_ERROR_FAILED = 0,
  /** A named thing (profile, parameter, file) does not exist. */
  ELECT_ERROR_NOT_FOUND = 1,
  /** Input is not well formed (syntax: key file, JSON, CSV). */
  ELECT_ERROR_PARSE = 2,
  /** Input is well formed but a value is invalid or contradicts another. */
  ELECT_ERROR_INVALID = 3,
  /** A key, field or group that the format does not know. */
  ELECT_ERROR_UNKNOWN_KEY = 4,
  /** Reading or writing a file failed. */
  ELECT_ERROR_IO = 5,
  /** A number or size is beyond what the library accepts. */
  ELECT_ERROR_LIMIT = 6,
  /** A parameter is known but has no value in this profile (the rule does
   *  not exist for it, written `none` in the key file). */
  ELECT_ERROR_UNSET = 7,
  /** A value has another type than the one asked for. */
  ELECT_ERROR_TYPE = 8,
} ElectError;

/**
 * @brief The GQuark of the ::ELECT_ERROR domain ("elect-error-quark").
 * @return the quark.
 * @since 0.1
 */
ELECT_API GQuark elect_error_quark (void);

/** @} */

G_END_DECLS
