/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Canonical JSON and SHA-256 helpers (see canon-private.h). */
#include "config.h"
#include "canon-private.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "elect/elect.h"

#include <string.h>

void
elect_canon_append_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (GString *out, guint level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

int
elect_canon_cmp_strp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
append_value (GString *out, JsonNode *node, gboolean pretty, guint level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;
    case JSON_NODE_VALUE:
      {
        GType t = json_node_get_value_type (node);
        if (t == G_TYPE_INT64)
          g_string_append_printf (out, "%lld", (long long) json_node_get_int (node));
        else if (t == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (t == G_TYPE_DOUBLE)
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g",
                                                   json_node_get_double (node)));
          }
        else if (t == G_TYPE_STRING)
          elect_canon_append_string (out, json_node_get_string (node));
        else
          g_string_append (out, "null");
        return;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (out, ',');
            if (pretty)
              indent (out, level + 1);
            append_value (out, json_array_get_element (a, i), pretty, level + 1);
          }
        if (pretty && n)
          indent (out, level);
        g_string_append_c (out, ']');
        return;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        /* json-glib keeps the members in document order */
        GList *members = json_object_get_members (o);
        guint n = g_list_length (members);
        g_autofree const char **names = g_new (const char *, n + 1);
        guint i = 0;
        for (GList *l = members; l; l = l->next)
          names[i++] = l->data;
        names[n] = NULL;
        g_list_free (members);
        if (!pretty)
          qsort (names, n, sizeof *names, elect_canon_cmp_strp);
        g_string_append_c (out, '{');
        for (i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (out, ',');
            if (pretty)
              indent (out, level + 1);
            elect_canon_append_string (out, names[i]);
            g_string_append (out, pretty ? ": " : ":");
            append_value (out, json_object_get_member (o, names[i]), pretty, level + 1);
          }
        if (pretty && n)
          indent (out, level);
        g_string_append_c (out, '}');
        return;
      }
    }
}

void
elect_canon_append (GString *out, JsonNode *node, gboolean pretty, guint level)
{
  append_value (out, node, pretty, level);
}

char *
elect_canon_compact (JsonNode *node)
{
  GString *out = g_string_new (NULL);
  append_value (out, node, FALSE, 0);
  return g_string_free (out, FALSE);
}

char *
elect_canon_pretty (JsonNode *node)
{
  GString *out = g_string_new (NULL);
  append_value (out, node, TRUE, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The nesting depth of a JSON text (strings skipped), or G_MAXUINT when it
 * exceeds @max. */
static guint
json_depth (const char *data, gsize len, guint max)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return G_MAXUINT;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
}

JsonNode *
elect_json_parse (const char *data, gsize len, const char *origin, guint max_depth,
                  GError **error)
{
  const char *end = NULL;
  if (!g_utf8_validate_len (data, len, &end))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: byte %lld: not valid UTF-8"), origin,
                   (long long) (end - data));
      return NULL;
    }
  if (json_depth (data, len, max_depth) == G_MAXUINT)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("%s: JSON nested deeper than %u levels"), origin, max_depth);
      return NULL;
    }
  if (!elect_json_check_escapes (data, len, origin, error))
    return NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) e = NULL;
  if (len == 0 || !json_parser_load_from_data (parser, data, (gssize) len, &e))
    {
      /* json-glib's message may quote a string cut in the middle of a
       * character: ours are valid UTF-8 */
      g_autofree char *why = g_utf8_make_valid (e ? e->message : _("empty"), -1);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not a JSON document: %s"),
                   origin, why);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not a JSON document: %s"),
                   origin, _("empty"));
      return NULL;
    }
  return json_node_copy (root);
}

void
elect_sha256 (const void *data, gsize len, guint8 out[ELECT_SHA256_LEN])
{
  g_autoptr (GChecksum) c = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (c, data, (gssize) len);
  gsize n = ELECT_SHA256_LEN;
  g_checksum_get_digest (c, out, &n);
}

void
elect_digest_text (const guint8 digest[ELECT_SHA256_LEN], char out[ELECT_DIGEST_TEXT_LEN])
{
  static const char hex[] = "0123456789abcdef";
  memcpy (out, "sha256:", 7);
  for (int i = 0; i < ELECT_SHA256_LEN; i++)
    {
      out[7 + 2 * i] = hex[digest[i] >> 4];
      out[8 + 2 * i] = hex[digest[i] & 15];
    }
  out[ELECT_DIGEST_TEXT_LEN - 1] = '\0';
}

char *
elect_digest_of (const void *data, gsize len)
{
  guint8 d[ELECT_SHA256_LEN];
  char text[ELECT_DIGEST_TEXT_LEN];
  elect_sha256 (data, len, d);
  elect_digest_text (d, text);
  return g_strdup (text);
}

gboolean
elect_digest_parse (const char *text, guint8 out[ELECT_SHA256_LEN])
{
  if (text == NULL || strlen (text) != ELECT_DIGEST_TEXT_LEN - 1
      || strncmp (text, "sha256:", 7) != 0)
    return FALSE;
  for (int i = 0; i < ELECT_SHA256_LEN; i++)
    {
      int hi = g_ascii_xdigit_value (text[7 + 2 * i]);
      int lo = g_ascii_xdigit_value (text[8 + 2 * i]);
      if (hi < 0 || lo < 0 || g_ascii_isupper (text[7 + 2 * i]) || g_ascii_isupper (text[8 + 2 * i]))
        return FALSE;
      out[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}
