/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Messages: gettext for the process locale (GError messages, programs) and a
 * compiled-in zh_CN table for messages asked for in a given language
 * (ElectReason), generated from the same po/zh_CN.po. */
#pragma once

#include <glib.h>

typedef struct {
  const char *msgid;
  const char *msgstr;
} ElectCatalogEntry;

extern const ElectCatalogEntry elect_catalog_zh[];
extern const unsigned elect_catalog_zh_len;

/* Translates into the process locale (domain "libelect"). */
const char *elect_gettext (const char *msgid) G_GNUC_FORMAT (1);

/* TRUE for "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", … */
gboolean elect_lang_is_zh (const char *lang);

/* Translates into a given language regardless of the locale. */
const char *elect_tr (const char *lang, const char *msgid) G_GNUC_FORMAT (2);

#define _(s) elect_gettext (s)
#define N_(s) (s)
