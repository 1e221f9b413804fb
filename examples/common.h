/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Shared by the example programs: language selection and error output.
 * The programs use only the public API of libelect. */
#pragma once

#include <elect/elect.h>
#include <glib/gi18n-lib.h>

/* Scans argv for --lang zh|en (or --lang=…) before option parsing, so that
 * --help is already translated; sets LANGUAGE and the locale accordingly and
 * binds the "libelect" message catalogue. Returns "zh" or "en". */
const char *example_init_lang (int argc, char **argv, const char *default_lang);

/* Prints "PROGRAM: MESSAGE" on stderr (one line). */
void example_fail (const char *message);

/* Writes LEN bytes of TEXT to the file OUTPUT atomically (a temporary file
 * renamed into place, so a failed run leaves no partial output), or to
 * standard output when OUTPUT is NULL. Returns the exit status: 0, or 1
 * after reporting the failure with example_fail(). */
int example_emit (const char *output, const char *text, gsize len);
