/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the readers of small JSON documents (see json-doc-private.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"

/* @name escaped as in a JSON string (\" \\ and \u00XX for a control
 * character): a message is one line, whatever the input's keys hold. */
void
elect_json_append_escaped (GString *p, const char *name)
{
  for (const char *c = name; *c; c++)
    {
      guchar u = (guchar) *c;
      if (u == '"' || u == '\\')
        g_string_append_c (p, '\\');
      if (u < 0x20 || u == 0x7f)
        g_string_append_printf (p, "\\u%04x", u);
      else
        g_string_append_c (p, *c);
    }
}

/* The value of the 4 hex digits at @at, or -1. */
static int
hex4 (const char *text, gsize len, gsize at)
{
  if (at + 4 > len)
    return -1;
  int v = 0;
  for (gsize k = at; k < at + 4; k++)
    {
      int d = g_ascii_xdigit_value (text[k]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* json-glib's scanner accepts escapes that JSON does not (GScanner's octal
 * \NNN among them), and those can put bytes that are not UTF-8 into a
 * string. RFC 8259 allows only \" \\ \/ \b \f \n \r \t and \uXXXX; a
 * \uXXXX of a surrogate must be the high half of a pair followed by the
 * low half (RFC 8259 §8.2: a lone one is not a character). */
gboolean
elect_json_check_escapes (const char *text, gsize len, const char *origin, GError **error)
{
  gboolean in_string = FALSE;
  guint line = 1;
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == '\n')
        line++;
      if (!in_string)
        {
          in_string = c == '"';
          continue;
        }
      if (c == '"')
        in_string = FALSE;
      else if (c == '\\')
        {
          char e = i + 1 < len ? text[i + 1] : '\0';
          gboolean ok = strchr ("\"\\/bfnrt", e) != NULL && e != '\0';
          if (e == 'u')
            {
              int v = hex4 (text, len, i + 2);
              ok = v >= 0;
              if (v >= 0xD800 && v <= 0xDFFF)
                {
                  /* a surrogate is only half of a character: a high one
                   * must be followed by a low one (else json-glib writes
                   * bytes that are not UTF-8) */
                  int lo = v <= 0xDBFF && i + 7 < len && text[i + 6] == '\\' && text[i + 7] == 'u'
                             ? hex4 (text, len, i + 8) : -1;
                  if (lo < 0xDC00 || lo > 0xDFFF)
                    {
                      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                                   _("%s:%u: not JSON: a \\u escape of a lone surrogate (half of a pair) in a string"),
                                   origin, line);
                      return FALSE;
                    }
                  i += 6;
                }
            }
          if (!ok)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s:%u: not JSON: an escape other than \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX in a string"),
                           origin, line);
              return FALSE;
            }
          i++;
        }
    }
  return TRUE;
}

JsonNode *
elect_json_doc_parse (const char *data, gssize length, const char *origin, int max_input,
                      const char *format, GError **error)
{
  const char *text = data ? data : "";
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  if (len > (gsize) max_input)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: larger than %d bytes"), origin,
                   max_input);
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not valid UTF-8"), origin);
      return NULL;
    }
  if (!elect_json_check_escapes (text, len, origin, error))
    return NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, text, (gssize) len, &local))
    {
      /* json-glib may cut a multi-byte character in its excerpt. */
      g_autofree char *msg = g_utf8_make_valid (local->message, -1);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not JSON: %s"), origin, msg);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (!root || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $: expected a JSON object"), origin);
      return NULL;
    }
  JsonObject *o = json_node_get_object (root);
  JsonNode *f = json_object_get_member (o, "format");
  if (!f || json_node_get_value_type (f) != G_TYPE_STRING
      || strcmp (json_node_get_string (f), format) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.format: expected \"%s\""),
                   origin, format);
      return NULL;
    }
  return json_node_copy (root);
}

gboolean
elect_json_doc_read_file (const char *path, char **text, gsize *len, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, text, len, &local))
    {
      g_set_error (error, ELECT_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? ELECT_ERROR_NOT_FOUND : ELECT_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
elect_json_check_members (JsonObject *o, const char *const *known, const char *origin,
                          const char *path, GError **error)
{
  g_autoptr (GList) members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      const char *k = l->data;
      if (g_str_has_prefix (k, "x-") || g_strv_contains (known, k))
        continue;
      g_autofree char *valid = g_utf8_make_valid (k, -1);
      g_autoptr (GString) name = g_string_new (NULL);
      elect_json_append_escaped (name, valid);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY, _("%s: %s: unknown member “%s”"),
                   origin, path, name->str);
      return FALSE;
    }
  return TRUE;
}

const char *
elect_json_get_string (JsonObject *o, const char *key, ElectJsonFlags flags, const char *origin,
                       const char *path, GError **error, gboolean *failed)
{
  JsonNode *n = json_object_get_member (o, key);
  *failed = FALSE;
  if (!n || ((flags & ELECT_JSON_NULL_ABSENT) && JSON_NODE_HOLDS_NULL (n)))
    {
      if (flags & ELECT_JSON_REQUIRED)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: missing (a string)"),
                       origin, path, key);
          *failed = TRUE;
        }
      return NULL;
    }
  if (json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: expected a string"),
                   origin, path, key);
      *failed = TRUE;
      return NULL;
    }
  /* a \u escape of a lone surrogate gives bytes that are not UTF-8 */
  if (!g_utf8_validate (json_node_get_string (n), -1, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: not valid UTF-8"),
                   origin, path, key);
      *failed = TRUE;
      return NULL;
    }
  return json_node_get_string (n);
}

gboolean
elect_json_get_int (JsonObject *o, const char *key, ElectJsonFlags flags, gint64 lo, gint64 hi,
                    gint64 *out, const char *origin, const char *path, GError **error)
{
  JsonNode *n = json_object_get_member (o, key);
  if (!n || ((flags & ELECT_JSON_NULL_ABSENT) && JSON_NODE_HOLDS_NULL (n)))
    {
      if (!(flags & ELECT_JSON_REQUIRED))
        return TRUE;
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: missing (an integer)"),
                   origin, path, key);
      return FALSE;
    }
  if (json_node_get_value_type (n) != G_TYPE_INT64 || json_node_get_int (n) < lo
      || json_node_get_int (n) > hi)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: %s.%s: expected an integer from %lld to %lld"),
                   origin, path, key, (long long) lo, (long long) hi);
      return FALSE;
    }
  *out = json_node_get_int (n);
  return TRUE;
}

gboolean
elect_json_get_bool (JsonObject *o, const char *key, gboolean *out, const char *origin,
                     const char *path, GError **error)
{
  JsonNode *n = json_object_get_member (o, key);
  if (!n)
    return TRUE;
  if (json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: expected true or false"),
                   origin, path, key);
      return FALSE;
    }
  *out = json_node_get_boolean (n);
  return TRUE;
}

gboolean
elect_json_parse_iso_date (const char *s, int min_year, GDate *d)
{
  g_date_clear (d, 1);
  if (!s || strlen (s) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : !g_ascii_isdigit (s[i]))
      return FALSE;
  int y = atoi (s), m = atoi (s + 5), dd = atoi (s + 8);
  if (y < min_year || !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (d, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
elect_json_get_date (JsonObject *o, const char *key, ElectJsonFlags flags, int min_year,
                     GDate *out, gboolean *has, const char *origin, const char *path,
                     GError **error)
{
  g_date_clear (out, 1);
  if (has)
    *has = FALSE;
  JsonNode *n = json_object_get_member (o, key);
  if ((flags & ELECT_JSON_DATE_TYPE) && n
      && !((flags & ELECT_JSON_NULL_ABSENT) && JSON_NODE_HOLDS_NULL (n))
      && json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: %s.%s: expected a date YYYY-MM-DD"), origin, path, key);
      return FALSE;
    }
  gboolean failed;
  const char *s = elect_json_get_string (o, key, flags, origin, path, error, &failed);
  if (failed)
    return FALSE;
  if (!s)
    return TRUE;
  if (!elect_json_parse_iso_date (s, min_year, out))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: %s.%s: expected a date YYYY-MM-DD, not “%s”"), origin, path, key, s);
      return FALSE;
    }
  if (has)
    *has = TRUE;
  return TRUE;
}

JsonArray *
elect_json_get_array (JsonObject *o, const char *key, const char *origin, const char *path,
                      GError **error, gboolean *failed)
{
  JsonNode *n = json_object_get_member (o, key);
  *failed = FALSE;
  if (!n)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: expected an array"),
                   origin, path, key);
      *failed = TRUE;
      return NULL;
    }
  return json_node_get_array (n);
}

JsonObject *
elect_json_get_object (JsonObject *o, const char *key, const char *origin, const char *path,
                       GError **error, gboolean *failed)
{
  JsonNode *n = json_object_get_member (o, key);
  *failed = FALSE;
  if (!n)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: expected an object"),
                   origin, path, key);
      *failed = TRUE;
      return NULL;
    }
  return json_node_get_object (n);
}

JsonObject *
elect_json_array_get_object (JsonArray *a, guint index, const char *const *known,
                             const char *origin, const char *path, GError **error)
{
  JsonNode *e = json_array_get_element (a, index);
  if (!JSON_NODE_HOLDS_OBJECT (e))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s: expected an object"), origin, path);
      return NULL;
    }
  JsonObject *o = json_node_get_object (e);
  if (!elect_json_check_members (o, known, origin, path, error))
    return NULL;
  return o;
}
