/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Strict RFC 4180 reading and encoding detection (see csv-private.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv-private.h"
#include "elect/elect.h"
#include "i18n-private.h"

static const char *
fname (const char *f)
{
  return f ? f : "<input>";
}

char *
elect_csv_to_utf8 (const char *data, gsize len, const char *encoding,
                   const char *filename, gsize *out_len, GError **error)
{
  const char *end = NULL;
  char *out;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0
      && (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0
          || g_ascii_strcasecmp (encoding, "UTF8") == 0))
    {
      data += 3;
      len -= 3;
      encoding = "UTF-8";
    }

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0
      || g_ascii_strcasecmp (encoding, "UTF8") == 0)
    {
      if (g_utf8_validate_len (data, len, &end) && memchr (data, '\0', len) == NULL)
        {
          *out_len = len;
          return g_strndup (data, len);
        }
      if (encoding != NULL || memchr (data, '\0', len) != NULL)
        {
          guint line = 1;
          const char *bad = end ? end : data;
          if (memchr (data, '\0', len) != NULL && (end == NULL || (const char *) memchr (data, '\0', len) < bad))
            bad = memchr (data, '\0', len);
          for (const char *q = data; q < bad; q++)
            line += *q == '\n';
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s:%u: not valid UTF-8 text (byte %lu)"),
                       fname (filename), line, (unsigned long) (bad - data) + 1);
          return NULL;
        }
      encoding = "GB18030";
    }

  {
    gsize read = 0, written = 0;
    g_autoptr (GError) cerr = NULL;
    out = g_convert (data, len, "UTF-8", encoding, &read, &written, &cerr);
    if (out == NULL)
      {
        guint line = 1;
        for (gsize i = 0; i < read && i < len; i++)
          line += data[i] == '\n';
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                     _("%s:%u: neither UTF-8 nor valid %s text: %s"),
                     fname (filename), line, encoding, cerr->message);
        return NULL;
      }
    if (memchr (out, '\0', written) != NULL)
      {
        g_free (out);
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                     _("%s: the text contains a NUL character"), fname (filename));
        return NULL;
      }
    /* A BOM converted from another encoding. */
    if (written >= 3 && memcmp (out, "\xEF\xBB\xBF", 3) == 0)
      {
        memmove (out, out + 3, written - 3 + 1);
        written -= 3;
      }
    *out_len = written;
    return out;
  }
}

void
elect_csv_reader_init (ElectCsvReader *r, const char *utf8, gsize len, const char *filename)
{
  r->p = utf8;
  r->end = utf8 + len;
  r->filename = filename;
  r->line = 1;
}

gboolean
elect_csv_next (ElectCsvReader *r, GPtrArray *fields, guint *out_line, GError **error)
{
  GString *f;

  g_ptr_array_set_size (fields, 0);
  if (r->p >= r->end)
    return FALSE;

  *out_line = r->line;
  f = g_string_new (NULL);
  for (;;)
    {
      if (r->p < r->end && *r->p == '"')
        {
          guint start_line = r->line;
          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                               _("%s:%u: a quoted field is not closed (it opens on line %u)"),
                               fname (r->filename), r->line, start_line);
                  g_string_free (f, TRUE);
                  return FALSE;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (f, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->line++;
              g_string_append_c (f, *r->p++);
            }
          if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s:%u: field %u: text after the closing quote"),
                           fname (r->filename), r->line, fields->len + 1);
              g_string_free (f, TRUE);
              return FALSE;
            }
        }
      else
        {
          while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              if (*r->p == '"')
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                               _("%s:%u: field %u: a quote inside an unquoted field (quote the field and double the quote)"),
                               fname (r->filename), r->line, fields->len + 1);
                  g_string_free (f, TRUE);
                  return FALSE;
                }
              g_string_append_c (f, *r->p++);
            }
        }
      g_ptr_array_add (fields, g_string_free (f, FALSE));
      f = NULL;
      if (r->p >= r->end)
        return TRUE;
      if (*r->p == ',')
        {
          r->p++;
          f = g_string_new (NULL);
          continue;
        }
      /* End of record: \n, \r\n or a lone \r. */
      if (*r->p == '\r')
        {
          r->p++;
          if (r->p < r->end && *r->p == '\n')
            r->p++;
        }
      else
        r->p++;
      r->line++;
      return TRUE;
    }
}

gboolean
elect_csv_parse_bool (const char *s, gboolean *out)
{
  static const char *const yes[] = { "yes", "y", "true", "1", "是", NULL };
  static const char *const no[] = { "no", "n", "false", "0", "否", NULL };
  for (guint i = 0; yes[i]; i++)
    if (g_ascii_strcasecmp (s, yes[i]) == 0)
      return (*out = TRUE, TRUE);
  for (guint i = 0; no[i]; i++)
    if (g_ascii_strcasecmp (s, no[i]) == 0)
      return (*out = FALSE, TRUE);
  return FALSE;
}

gboolean
elect_csv_parse_date (const char *s, GDate *out)
{
  int y, m, d;
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = atoi (s);
  m = atoi (s + 5);
  d = atoi (s + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}
