/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect.h
 * @brief The umbrella header of libelect: the only header users include.
 *
 * @code
 * #include <elect/elect.h>
 * @endcode
 *
 * Compile and link with `pkg-config --cflags --libs libelect-1`.
 */
#pragma once

#define ELECT_INSIDE
#include <elect/elect-macros.h>
#include <elect/elect-version.h>
#include <elect/elect-error.h>
#include <elect/elect-reason.h>
#include <elect/elect-rules.h>
#include <elect/elect-ballot.h>
#include <elect/elect-tally.h>
#include <elect/elect-count.h>
#include <elect/elect-election.h>
#include <elect/elect-person.h>
#include <elect/elect-roll.h>
#include <elect/elect-collate.h>
#include <elect/elect-slate.h>
#include <elect/elect-committee.h>
#include <elect/elect-journal.h>
#include <elect/elect-audit.h>
#include <elect/elect-schedule.h>
#include <elect/elect-township.h>
#include <elect/elect-enums.h>
#undef ELECT_INSIDE
