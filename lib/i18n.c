/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "i18n-private.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

const char *
elect_gettext (const char *msgid)
{
  static gsize bound = 0;
  if (g_once_init_enter (&bound))
    {
      const char *dir = g_getenv ("ELECT_LOCALEDIR");
      bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

gboolean
elect_lang_is_zh (const char *lang)
{
  return lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0;
}

static int
cmp_entry (const void *key, const void *elem)
{
  return strcmp (key, ((const ElectCatalogEntry *) elem)->msgid);
}

const char *
elect_tr (const char *lang, const char *msgid)
{
  if (!elect_lang_is_zh (lang) || msgid == NULL)
    return msgid;
  const ElectCatalogEntry *e = bsearch (msgid, elect_catalog_zh, elect_catalog_zh_len,
                                        sizeof *elect_catalog_zh, cmp_entry);
  return e ? e->msgstr : msgid;
}
