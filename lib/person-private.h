/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of people. Never installed. */
#pragma once

#include "elect/elect.h"

G_BEGIN_DECLS

/* What is wrong with an ID number in a language ("en", "zh"; NULL: the
 * process locale), or NULL when it is valid (transfer full). */
char *elect_id_number_problem (const char *id, const GDate *reference, const char *lang);

G_END_DECLS
