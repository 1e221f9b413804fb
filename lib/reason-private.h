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

/* Creates a reason from messages already written in each language, for a
 * message whose arguments differ between the languages (a word of the
 * message that is itself translated). Copies every string. */
ElectReason *elect_reason_new_full (const char *code,
                                    const char *citation,
                                    const char *param,
                                    const char *message_en,
                                    const char *message_zh);
