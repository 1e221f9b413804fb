/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Canonical JSON (digests, signed documents, journal payloads) and SHA-256
 * helpers, shared by journal.c, entry.c and audit.c. Never installed.
 *
 * Two layouts, both fully defined here (never json-glib's generator, whose
 * output may change between versions and would break old signatures):
 *  - compact: no whitespace, object members sorted by the bytes of their
 *    UTF-8 names: the text that digests are computed over;
 *  - pretty: members in document order, two spaces of indentation per
 *    level, `": "` after names, one member or element per line, a final
 *    newline: the layout of signed files, checked byte for byte.
 * Strings escape only `"`, `\` and the control characters below U+0020
 * (`\b \f \n \r \t`, others as `\u00XX`); every other character is written
 * as UTF-8. Integers are written in decimal; other numbers with %.17g. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ELECT_SHA256_LEN 32
/* "sha256:" and 64 hexadecimal digits, NUL-terminated */
#define ELECT_DIGEST_TEXT_LEN (7 + 64 + 1)

/* Appends the canonical text of @node; in the pretty layout, as a value at
 * nesting @level (0 for a whole document). */
void elect_canon_append (GString *out, JsonNode *node, gboolean pretty, guint level);
/* The canonical text of @node (transfer full). */
char *elect_canon_compact (JsonNode *node);
char *elect_canon_pretty (JsonNode *node);

/* strcmp() of two `const char *` elements (g_ptr_array_sort, qsort). */
int elect_canon_cmp_strp (gconstpointer a, gconstpointer b);

/* Appends a JSON string literal with the canonical escaping. */
void elect_canon_append_string (GString *out, const char *s);

/* Parses a JSON document strictly enough for our formats: valid UTF-8
 * without NUL, nesting at most @max_depth, one value. ELECT_ERROR_PARSE
 * (or ELECT_ERROR_LIMIT for depth) with "ORIGIN: message" on failure. */
JsonNode *elect_json_parse (const char *data, gsize len, const char *origin,
                            guint max_depth, GError **error);

/* SHA-256 of @data into @out. */
void elect_sha256 (const void *data, gsize len, guint8 out[ELECT_SHA256_LEN]);
/* "sha256:HEX" of raw digest bytes into @out. */
void elect_digest_text (const guint8 digest[ELECT_SHA256_LEN],
                        char out[ELECT_DIGEST_TEXT_LEN]);
/* "sha256:HEX" of the SHA-256 of @data (transfer full). */
char *elect_digest_of (const void *data, gsize len);
/* Parses "sha256:HEX" (lower-case hex); FALSE when malformed. */
gboolean elect_digest_parse (const char *text, guint8 out[ELECT_SHA256_LEN]);

G_END_DECLS
