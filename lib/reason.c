/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "reason-private.h"
#include "i18n-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* One allocation: the struct, then its strings (a count makes a dozen
 * reasons per contest; the strings never change). */
struct _ElectReason {
  gatomicrefcount ref;
  const char *code;
  const char *citation;
  const char *param;      /* NULL when none */
  const char *message_en;
  const char *message_zh;
  char text[];
};

static ElectReason *
reason_make (const char *code, const char *citation, const char *param,
             const char *message_en, gsize en_len, const char *message_zh, gsize zh_len)
{
  if (citation == NULL)
    citation = "";
  gsize code_len = strlen (code), cit_len = strlen (citation);
  gsize param_len = param ? strlen (param) : 0;
  ElectReason *r = g_malloc (sizeof *r + code_len + cit_len + (param ? param_len + 1 : 0)
                             + en_len + zh_len + 4);
  g_atomic_ref_count_init (&r->ref);
  char *t = r->text;
#define PUT(field, str, len) \
  do { r->field = t; memcpy (t, (str), (len)); t[(len)] = '\0'; t += (len) + 1; } while (0)
  PUT (code, code, code_len);
  PUT (citation, citation, cit_len);
  if (param)
    PUT (param, param, param_len);
  else
    r->param = NULL;
  PUT (message_en, message_en, en_len);
  PUT (message_zh, message_zh, zh_len);
#undef PUT
  return r;
}

ElectReason *
elect_reason_new (const char *code, const char *citation,
                  const char *message_en, const char *message_zh)
{
  g_return_val_if_fail (code != NULL && *code, NULL);
  g_return_val_if_fail (message_en != NULL, NULL);
  if (message_zh == NULL)
    message_zh = message_en;
  return reason_make (code, citation, NULL, message_en, strlen (message_en),
                      message_zh, strlen (message_zh));
}

/* The message into @buf when it fits (almost all: no allocation), else
 * into a new string stored in @heap; returns its length. */
static gsize
format_message (char *buf, gsize size, char **heap, const char **out,
                const char *format, va_list ap)
{
  va_list aq;
  va_copy (aq, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  int n = g_vsnprintf (buf, size, format, aq);
  va_end (aq);
  if (n >= 0 && (gsize) n < size)
    {
      *out = buf;
      return (gsize) n;
    }
  *out = *heap = g_strdup_vprintf (format, ap);
#pragma GCC diagnostic pop
  return strlen (*heap);
}

ElectReason *
elect_reason_new_printf (const char *code, const char *citation,
                         const char *param, const char *msgid_format, ...)
{
  va_list ap, ap2;
  char en_buf[512], zh_buf[512];
  g_autofree char *en_heap = NULL, *zh_heap = NULL;
  const char *en, *zh;
  va_start (ap, msgid_format);
  va_copy (ap2, ap);
  gsize en_len = format_message (en_buf, sizeof en_buf, &en_heap, &en, msgid_format, ap);
  gsize zh_len = format_message (zh_buf, sizeof zh_buf, &zh_heap, &zh,
                                 elect_tr ("zh", msgid_format), ap2);
  va_end (ap2);
  va_end (ap);
  return reason_make (code, citation, param, en, en_len, zh, zh_len);
}

ElectReason *
elect_reason_new_full (const char *code, const char *citation, const char *param,
                       const char *message_en, const char *message_zh)
{
  g_return_val_if_fail (code != NULL && *code, NULL);
  g_return_val_if_fail (message_en != NULL && message_zh != NULL, NULL);
  return reason_make (code, citation, param, message_en, strlen (message_en),
                      message_zh, strlen (message_zh));
}

ElectReason *
elect_reason_ref (ElectReason *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_reason_unref (ElectReason *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self);
}

const char *
elect_reason_get_code (const ElectReason *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

const char *
elect_reason_get_citation (const ElectReason *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->citation;
}

const char *
elect_reason_get_param (const ElectReason *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->param;
}

const char *
elect_reason_get_message (const ElectReason *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  return elect_lang_is_zh (lang) ? self->message_zh : self->message_en;
}

char *
elect_reason_to_json (const ElectReason *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, self->code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, elect_reason_get_message (self, lang));
  json_builder_set_member_name (b, "citation");
  json_builder_add_string_value (b, self->citation);
  if (self->param)
    {
      json_builder_set_member_name (b, "param");
      json_builder_add_string_value (b, self->param);
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}
