/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-order: print names in stroke order (按姓氏笔画, RULES.md §7.3).
 *
 *   elect-order [--name-order surname-strokes|name-strokes] [--lang zh|en] [FILE|-]
 *
 * Input: UTF-8 text, one name a line; a line may carry an annotation in
 * parentheses (王芳（女）). Output: the same lines, unchanged, in stroke order,
 * one a line. A UTF-8 byte-order mark at the start, a CR before a line's LF
 * and lines holding only spaces are dropped. Exit 1 with one line on stderr
 * ("FILE:LINE: message") for invalid UTF-8 or a character without stroke
 * data; nothing is printed then. Exit 2 on a usage error. */
#include "config.h"
#include "common.h"

#include <stdio.h>
#include <string.h>

static gboolean
read_all (const char *path, char **contents, gsize *length, GError **error)
{
  if (strcmp (path, "-") != 0)
    return g_file_get_contents (path, contents, length, error);
  GString *buf = g_string_new (NULL);
  char chunk[65536];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buf, chunk, (gssize) n);
  if (ferror (stdin))
    {
      g_string_free (buf, TRUE);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, _("Cannot read standard input"));
      return FALSE;
    }
  *length = buf->len;
  *contents = g_string_free (buf, FALSE);
  return TRUE;
}

int
main (int argc, char **argv)
{
  example_init_lang (argc, argv, "zh");
  g_autofree char *order_opt = NULL, *lang_opt = NULL;
  GOptionEntry entries[] = {
    { "name-order", 0, 0, G_OPTION_ARG_STRING, &order_opt,
      N_("Names of one surname: surname-strokes (default) or name-strokes"), "ORDER" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh or en"), "LANG" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("[FILE|-] — order names by strokes"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  ElectCollation coll = ELECT_COLLATION_SURNAME_STROKES;
  if (order_opt)
    {
      if (!elect_collation_from_string (order_opt, &coll))
        {
          g_autofree char *msg = g_strdup_printf (
            _("--name-order: expected surname-strokes or name-strokes, not “%s”"), order_opt);
          example_fail (msg);
          return 2;
        }
    }
  if (argc > 2)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  const char *path = argc == 2 ? argv[1] : "-";
  const char *shown = strcmp (path, "-") == 0 ? "<stdin>" : path;

  g_autofree char *text = NULL;
  gsize len = 0;
  if (!read_all (path, &text, &len, &error))
    {
      example_fail (error->message);
      return 1;
    }

  /* Split into lines, remembering each line's number. */
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gsize));
  char *p = text, *end = text + len;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (gsize lineno = 1; p < end; lineno++)
    {
      char *nl = memchr (p, '\n', (size_t) (end - p));
      char *stop = nl ? nl : end;
      if (stop > p && stop[-1] == '\r')
        stop[-1] = '\0', stop--;
      *stop = '\0';   /* end is the terminating NUL of the buffer */
      const char *bad = NULL;
      if (!g_utf8_validate_len (p, (gsize) (stop - p), &bad))
        {
          g_autofree char *msg = g_strdup_printf (_("%s:%llu: not valid UTF-8"),
                                                  shown, (unsigned long long) lineno);
          example_fail (msg);
          return 1;
        }
      g_autofree char *trimmed = g_strdup (p);
      g_strstrip (trimmed);
      gboolean blank = TRUE;
      for (const char *q = trimmed; *q; q = g_utf8_next_char (q))
        if (g_utf8_get_char (q) != 0x3000)
          {
            blank = FALSE;
            break;
          }
      if (!blank)
        {
          g_ptr_array_add (lines, p);
          g_array_append_val (numbers, lineno);
        }
      if (!nl)
        break;
      p = nl + 1;
    }

  g_autofree gsize *order = g_new (gsize, MAX (lines->len, 1));
  gsize bad_index = 0;
  if (!elect_collate_order ((const char *const *) lines->pdata, lines->len, coll,
                            order, &bad_index, &error))
    {
      g_autofree char *msg = g_strdup_printf ("%s:%" G_GSIZE_FORMAT ": %s", shown,
                                              g_array_index (numbers, gsize, bad_index),
                                              error->message);
      example_fail (msg);
      return 1;
    }
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, lines->pdata[order[i]]);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
  return fflush (stdout) == 0 ? 0 : 1;
}
