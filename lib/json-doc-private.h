/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the readers of small JSON documents held whole in memory
 * (slate-json.c, committee.c, schedule.c; the date parser and the file
 * reader also serve vetting.c's key files). Never installed, never
 * exported.
 *
 * Every error is ELECT_ERROR in the domain and names the origin and the
 * JSON path: "ORIGIN: PATH.KEY: message". The member getters take the path
 * of the object and the key of the member; an absent member is not an
 * error unless ELECT_JSON_REQUIRED.
 *
 * The large documents (the election file) have their own streaming reader
 * (json-scan-private.h); canonical JSON and the strict parser of signed
 * documents are in canon-private.h. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  ELECT_JSON_OPTIONAL = 0,
  /* absent: "missing (a string)", "missing (an integer)" */
  ELECT_JSON_REQUIRED = 1 << 0,
  /* a JSON null counts as absent (else it is of the wrong type) */
  ELECT_JSON_NULL_ABSENT = 1 << 1,
  /* elect_json_get_date(): a member that is not a string is reported as
   * "expected a date YYYY-MM-DD" rather than "expected a string" */
  ELECT_JSON_DATE_TYPE = 1 << 2,
} ElectJsonFlags;

/* Parses @data (@length bytes, or NUL-terminated when negative; @data may be
 * NULL when @length is 0) as a document whose root is an object with
 * "format": @format. ELECT_ERROR_LIMIT when longer than @max_input bytes,
 * ELECT_ERROR_PARSE when not UTF-8 or not JSON, ELECT_ERROR_INVALID when the
 * root is not an object or the format differs. The root (transfer full). */
JsonNode *elect_json_doc_parse (const char *data, gssize length, const char *origin,
                                int max_input, const char *format, GError **error);

/* The contents of the file @path (any format) into @text (transfer full) and
 * @len; ELECT_ERROR_NOT_FOUND or ELECT_ERROR_IO with GLib's message. */
gboolean elect_json_doc_read_file (const char *path, char **text, gsize *len, GError **error);

/* ELECT_ERROR_UNKNOWN_KEY for the first member of @o at @path whose name is
 * neither in @known (NULL-terminated) nor starts with "x-". */
gboolean elect_json_check_members (JsonObject *o, const char *const *known, const char *origin,
                                   const char *path, GError **error);

/* The string member @key: NULL when absent (and not required) or on error,
 * which sets *@failed. */
const char *elect_json_get_string (JsonObject *o, const char *key, ElectJsonFlags flags,
                                   const char *origin, const char *path, GError **error,
                                   gboolean *failed);

/* The integer member @key, from @lo to @hi, into *@out (left alone when
 * absent and not required). */
gboolean elect_json_get_int (JsonObject *o, const char *key, ElectJsonFlags flags, gint64 lo,
                             gint64 hi, gint64 *out, const char *origin, const char *path,
                             GError **error);

/* The optional boolean member @key into *@out (left alone when absent). */
gboolean elect_json_get_bool (JsonObject *o, const char *key, gboolean *out, const char *origin,
                              const char *path, GError **error);

/* The date member @key ("YYYY-MM-DD", year at least @min_year) into @out,
 * cleared when absent; @has (may be NULL) tells whether it was there. */
gboolean elect_json_get_date (JsonObject *o, const char *key, ElectJsonFlags flags, int min_year,
                              GDate *out, gboolean *has, const char *origin, const char *path,
                              GError **error);

/* The optional array or object member @key: NULL when absent or on error,
 * which sets *@failed. */
JsonArray *elect_json_get_array (JsonObject *o, const char *key, const char *origin,
                                 const char *path, GError **error, gboolean *failed);
JsonObject *elect_json_get_object (JsonObject *o, const char *key, const char *origin,
                                   const char *path, GError **error, gboolean *failed);

/* Element @index of @a (its path @path) as an object whose members are
 * checked as by elect_json_check_members(); NULL on error. */
JsonObject *elect_json_array_get_object (JsonArray *a, guint index, const char *const *known,
                                         const char *origin, const char *path, GError **error);

/* Parses exactly "YYYY-MM-DD" (a real day, year at least @min_year) into
 * @d; FALSE (and @d cleared) otherwise, or when @s is NULL. */
gboolean elect_json_parse_iso_date (const char *s, int min_year, GDate *d);

/* Appends @name escaped as in a JSON string (\" \\ \u00XX). */
void elect_json_append_escaped (GString *p, const char *name);

/* Refuses a backslash escape that RFC 8259 does not have (json-glib takes
 * GScanner's, which can make strings that are not UTF-8), or half a
 * surrogate pair: a parse error naming @origin and the line. */
gboolean elect_json_check_escapes (const char *text, gsize len, const char *origin,
                                   GError **error);

G_END_DECLS
