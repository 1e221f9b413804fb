/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "elect/elect.h"

/* Creates a reason whose message is @msgid_format (an English printf format
 * marked with N_() and translated in po/zh_CN.po) formatted in both
 * languages. Positional arguments (%1$s) are allowed in translations. */
ElectReason *elect_reason_new_printf (const char *code,
                                      const char *citation,
                                      const char *param,
                                      const char *msgid_format,
                                      ...) G_GNUC_PRINTF (4, 5);
