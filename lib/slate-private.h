/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Shared by slate.c and vetting.c. Never installed. */
#pragma once

#include <json-glib/json-glib.h>

#include "elect/elect.h"

/* Adds {"code","message","citation"[,"param"]} to @b. */
void elect_slate_json_reason (JsonBuilder *b, const ElectReason *r, const char *lang);
/* Adds the slate's JSON object to @b. */
void elect_slate_build_json (const ElectSlate *self, JsonBuilder *b,
                             ElectCollation collation, const char *lang);
