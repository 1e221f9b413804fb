/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "common.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

const char *
example_init_lang (int argc, char **argv, const char *default_lang)
{
  const char *lang = default_lang;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
    }
  gboolean zh = g_ascii_strncasecmp (lang, "zh", 2) == 0;
  g_setenv ("LANGUAGE", zh ? "zh_CN" : "en", TRUE);
  const char *loc = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 always exists. */
  if (loc == NULL || strcmp (loc, "C") == 0 || strcmp (loc, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  const char *dir = g_getenv ("ELECT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return zh ? "zh" : "en";
}

void
example_fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

int
example_emit (const char *output, const char *text, gsize len)
{
  g_autoptr (GError) error = NULL;
  if (output)
    {
      /* A temporary file renamed into place: nothing is left behind, and an
       * earlier file of that name is kept, unless the whole write succeeds. */
      if (!g_file_set_contents_full (output, text, (gssize) len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        {
          example_fail (error->message);
          return 1;
        }
      return 0;
    }
  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      example_fail (_("cannot write to standard output"));
      return 1;
    }
  return 0;
}
