/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-macros.h
 * @brief Export, deprecation and language-binding macros used by every
 * public header.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <glib.h>

/**
 * @def ELECT_API
 * @brief Marks a declaration as part of the exported ABI.
 *
 * The library is built with `-fvisibility=hidden`; only declarations that
 * carry this macro, and are listed in the version script, are exported.
 */
#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef ELECT_COMPILATION
#    define ELECT_API __declspec(dllexport) extern
#  else
#    define ELECT_API __declspec(dllimport) extern
#  endif
#elif defined(__GNUC__)
#  define ELECT_API __attribute__((visibility("default"))) extern
#else
#  define ELECT_API extern
#endif

/**
 * @def ELECT_DEPRECATED_FOR(f)
 * @brief Marks a function as deprecated in favour of @p f.
 *
 * A deprecated symbol stays for at least one release and is removed only
 * together with a soname bump (see the stability page).
 */
#if defined(__GNUC__)
#  define ELECT_DEPRECATED_FOR(f) __attribute__((deprecated("Use " #f " instead")))
#else
#  define ELECT_DEPRECATED_FOR(f)
#endif
