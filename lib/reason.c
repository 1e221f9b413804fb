/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "reason-private.h"
#include "i18n-private.h"

#include <json-glib/json-glib.h>

struct _ElectReason {
  gatomicrefcount ref;
  char *code;
  char *citation;
  char *param;
  char *message_en;
  char *message_zh;
};

static ElectReason *
reason_alloc (const char *code, const char *citation, const char *param)
{
  ElectReason *r = g_new0 (ElectReason, 1);
  g_atomic_ref_count_init (&r->ref);
  r->code = g_strdup (code);
  r->citation = g_strdup (citation ? citation : "");
  r->param = g_strdup (param);
  return r;
}

ElectReason *
elect_reason_new (const char *code, const char *citation,
                  const char *message_en, const char *message_zh)
{
  g_return_val_if_fail (code != NULL && *code, NULL);
  g_return_val_if_fail (message_en != NULL, NULL);
  ElectReason *r = reason_alloc (code, citation, NULL);
  r->message_en = g_strdup (message_en);
  r->message_zh = g_strdup (message_zh ? message_zh : message_en);
  return r;
}

ElectReason *
elect_reason_new_printf (const char *code, const char *citation,
                         const char *param, const char *msgid_format, ...)
{
  va_list ap, ap2;
  ElectReason *r = reason_alloc (code, citation, param);
  va_start (ap, msgid_format);
  va_copy (ap2, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  r->message_en = g_strdup_vprintf (msgid_format, ap);
  r->message_zh = g_strdup_vprintf (elect_tr ("zh", msgid_format), ap2);
#pragma GCC diagnostic pop
  va_end (ap2);
  va_end (ap);
  return r;
}

ElectReason *
elect_reason_new_full (const char *code, const char *citation, const char *param,
                       const char *message_en, const char *message_zh)
{
  g_return_val_if_fail (code != NULL && *code, NULL);
  g_return_val_if_fail (message_en != NULL && message_zh != NULL, NULL);
  ElectReason *r = reason_alloc (code, citation, param);
  r->message_en = g_strdup (message_en);
  r->message_zh = g_strdup (message_zh);
  return r;
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
  g_free (self->code);
  g_free (self->citation);
  g_free (self->param);
  g_free (self->message_en);
  g_free (self->message_zh);
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
