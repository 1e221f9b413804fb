/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Digests of an election's inputs and of its result; Ed25519 keys
 * (libsodium), signed results and detached signatures of election files
 * (doc/formats-journal.md). */
#include "config.h"
#include "audit-private.h"
#include "i18n-private.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define KEY_FILE_MAX 4096
#define LABEL_MAX 256
#define SECRET_HEADER "libelect.secret-key/1"
#define PUBLIC_HEADER "libelect.public-key/1"
#define RESULT_FORMAT "libelect.result/1"
#define SIGNATURE_FORMAT "libelect.signature/1"
#define SIGNED_FORMAT "libelect.signed/1"
#define KEY_ID_LEN 16

struct _ElectSigningKey {
  char key_id[KEY_ID_LEN + 1];
  char *label;
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 *sk;   /* crypto_sign_SECRETKEYBYTES, sodium_malloc: locked, guarded, wiped */
};

struct _ElectVerifyKey {
  char key_id[KEY_ID_LEN + 1];
  char *label;
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
};

static gboolean
sodium_ready (GError **error)
{
  static gsize state = 0;   /* 1: ready, 2: failed */
  if (g_once_init_enter (&state))
    g_once_init_leave (&state, sodium_init () < 0 ? 2 : 1);
  if (state == 1)
    return TRUE;
  g_set_error_literal (error, ELECT_ERROR, ELECT_ERROR_FAILED,
                       _("The cryptographic library (libsodium) could not be initialised"));
  return FALSE;
}

/* ---- digests of inputs ------------------------------------------------------ */

static void
member_int_or_null (JsonBuilder *b, const char *name, gint64 v)
{
  json_builder_set_member_name (b, name);
  if (v < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, v);
}

static JsonNode *
tally_node (const ElectTally *t, const ElectPaper *paper)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gboolean party = elect_paper_has_party_marks (paper);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, elect_tally_is_sheet (t) ? "tally_sheet" : "ballots");
  member_int_or_null (b, "ballots_returned", elect_tally_get_ballots_returned (t));
  member_int_or_null (b, "ballots_valid", elect_tally_get_ballots_valid (t));
  member_int_or_null (b, "ballots_invalid", elect_tally_get_ballots_invalid (t));
  json_builder_set_member_name (b, "contests");
  json_builder_begin_array (b);
  for (guint c = 0; c < elect_paper_get_n_contests (paper); c++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, elect_paper_get_contest_id (paper, c));
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; i < elect_paper_get_n_candidates (paper, c); i++)
        {
          const char *name = elect_paper_get_candidate_name (paper, c, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, name);
          json_builder_set_member_name (b, "votes");
          json_builder_add_int_value (b, elect_tally_get_votes (t, c, i));
          if (party)
            {
              json_builder_set_member_name (b, "against");
              json_builder_add_int_value (b, elect_tally_get_votes_against (t, c, i));
            }
          json_builder_set_member_name (b, "overlap");
          json_builder_add_int_value (b, elect_tally_get_overlap_votes (t, c, name, -1));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "write_ins");
      json_builder_begin_array (b);
      for (guint i = 0; i < elect_tally_get_n_write_ins (t, c); i++)
        {
          const char *name = elect_tally_get_write_in_name (t, c, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, name);
          json_builder_set_member_name (b, "votes");
          json_builder_add_int_value (b, elect_tally_get_write_in_votes (t, c, i));
          json_builder_set_member_name (b, "overlap");
          json_builder_add_int_value (b, elect_tally_get_overlap_votes (t, c, name, -1));
          json_builder_set_member_name (b, "sex");
          json_builder_add_string_value (b, elect_sex_to_string (elect_tally_get_write_in_sex (t, c, i)));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "abstentions");
      json_builder_add_int_value (b, elect_tally_get_abstentions (t, c));
      json_builder_set_member_name (b, "void_marks");
      json_builder_add_int_value (b, elect_tally_get_contest_void (t, c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "defects");
  json_builder_begin_object (b);
  for (const char *const *code = elect_tally_list_defect_codes (); *code; code++)
    {
      gint64 n = elect_tally_get_defect_count (t, *code);
      if (n)
        {
          json_builder_set_member_name (b, *code);
          json_builder_add_int_value (b, n);
        }
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonNode *
inputs_node (const ElectElection *election)
{
  const ElectRules *rules = elect_election_get_rules (election);
  const ElectPaper *paper = elect_election_get_paper (election);
  const ElectTurnout *turnout = elect_election_get_turnout (election);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "libelect.inputs/1");
  /* the resolved profile: every parameter's value (not where it was set,
   * nor the file it was read from) */
  json_builder_set_member_name (b, "profile");
  json_builder_begin_object (b);
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    {
      g_autofree char *v = elect_rules_get_value_string (rules, *k);
      json_builder_set_member_name (b, *k);
      if (v)
        json_builder_add_string_value (b, v);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "turnout");
  json_builder_begin_object (b);
  member_int_or_null (b, "electorate", elect_turnout_get_electorate (turnout));
  member_int_or_null (b, "ballots_issued", elect_turnout_get_issued (turnout));
  member_int_or_null (b, "present", elect_turnout_get_present (turnout));
  json_builder_set_member_name (b, "round");
  json_builder_add_string_value (b, elect_round_to_string (elect_turnout_get_round (turnout)));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "paper");
  json_builder_add_value (b, elect_paper_canonical_node (paper));
  json_builder_set_member_name (b, "tally");
  json_builder_add_value (b, tally_node (elect_election_get_tally (election), paper));
  json_builder_set_member_name (b, "options");
  json_builder_add_value (b, elect_count_options_canonical_node (elect_election_get_options (election)));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
elect_audit_canonical_election (const ElectElection *election)
{
  g_return_val_if_fail (election != NULL, NULL);
  g_autoptr (JsonNode) n = inputs_node (election);
  return elect_canon_compact (n);
}

char *
elect_audit_digest_election (const ElectElection *election)
{
  g_return_val_if_fail (election != NULL, NULL);
  g_autofree char *text = elect_audit_canonical_election (election);
  return elect_digest_of (text, strlen (text));
}

char *
elect_audit_digest_paper (const ElectPaper *paper)
{
  g_return_val_if_fail (paper != NULL, NULL);
  g_autoptr (JsonNode) n = elect_paper_canonical_node (paper);
  g_autofree char *text = elect_canon_compact (n);
  return elect_digest_of (text, strlen (text));
}

/* ---- documents ------------------------------------------------------------- */

/* Whether every number of @node is a whole number and every string (names
 * too) valid UTF-8: what our documents hold, and what the canonical layout
 * writes back unchanged. */
static gboolean
plain_values (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return FALSE;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      return TRUE;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (a); i++)
          if (!plain_values (json_array_get_element (a, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        GList *members = json_object_get_members (o);
        gboolean ok = TRUE;
        for (GList *l = members; l && ok; l = l->next)
          ok = g_utf8_validate (l->data, -1, NULL)
               && plain_values (json_object_get_member (o, l->data));
        g_list_free (members);
        return ok;
      }
    default:
      return TRUE;
    }
}

static JsonNode *
parse_doc (const char *data, gssize length, const char *origin, const char *format,
           GError **error)
{
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  JsonNode *root = elect_json_parse (data, len, origin, ELECT_AUDIT_MAX_DEPTH, error);
  if (root == NULL)
    return NULL;
  if (!plain_values (root))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: a number that is not a whole number, or a string that is not UTF-8"),
                   origin);
      json_node_unref (root);
      return NULL;
    }
  JsonNode *f = JSON_NODE_HOLDS_OBJECT (root)
    ? json_object_get_member (json_node_get_object (root), "format") : NULL;
  if (f == NULL || json_node_get_value_type (f) != G_TYPE_STRING
      || strcmp (json_node_get_string (f), format) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not a %s document"),
                   origin, format);
      json_node_unref (root);
      return NULL;
    }
  return root;
}

/* A copy of @obj's members without @skip (values shared). */
static JsonObject *
object_without (JsonObject *obj, const char *skip)
{
  JsonObject *o = json_object_new ();
  GList *members = json_object_get_members (obj);
  for (GList *l = members; l; l = l->next)
    if (strcmp (l->data, skip) != 0)
      json_object_set_member (o, l->data, json_node_copy (json_object_get_member (obj, l->data)));
  g_list_free (members);
  return o;
}

static char *
result_digest_of_root (JsonNode *root)
{
  g_autoptr (JsonObject) o = object_without (json_node_get_object (root), "audit");
  g_autoptr (JsonNode) n = json_node_init_object (json_node_alloc (), o);
  g_autofree char *text = elect_canon_compact (n);
  return elect_digest_of (text, strlen (text));
}

char *
elect_audit_digest_result (const char *result_json, gssize length, GError **error)
{
  g_return_val_if_fail (result_json != NULL, NULL);
  g_autoptr (JsonNode) root = parse_doc (result_json, length, "result", RESULT_FORMAT, error);
  if (root == NULL)
    return NULL;
  return result_digest_of_root (root);
}

/* The first line where @a and @b differ (1-based). */
static gint64
first_diff_line (const char *a, gsize alen, const char *b, gsize blen)
{
  gint64 line = 1;
  for (gsize i = 0; i < alen && i < blen && a[i] == b[i]; i++)
    line += a[i] == '\n';
  return line;
}

static gboolean
check_layout (JsonNode *root, const char *data, gssize length, const char *origin,
              GError **error)
{
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  g_autofree char *canon = elect_canon_pretty (root);
  gsize clen = strlen (canon);
  if (clen == len && memcmp (canon, data, len) == 0)
    return TRUE;
  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
               _("%s: the file differs from its signed layout at line %lld: it was changed after it was signed"),
               origin, (long long) first_diff_line (canon, clen, data, len));
  return FALSE;
}

/* ---- base64 (strict: the standard alphabet, padding required) -------------- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Writes the base64 of @n bytes into @out (4 * ((n + 2) / 3) + 1 bytes). */
static void
b64_encode (const guint8 *in, gsize n, char *out)
{
  gsize o = 0;
  for (gsize i = 0; i < n; i += 3)
    {
      guint32 v = (guint32) in[i] << 16;
      if (i + 1 < n)
        v |= (guint32) in[i + 1] << 8;
      if (i + 2 < n)
        v |= in[i + 2];
      out[o++] = b64[v >> 18];
      out[o++] = b64[(v >> 12) & 63];
      out[o++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
      out[o++] = i + 2 < n ? b64[v & 63] : '=';
    }
  out[o] = '\0';
}

static int
b64_value (char c)
{
  const char *p = c ? strchr (b64, c) : NULL;
  return p ? (int) (p - b64) : -1;
}

/* Decodes exactly @n bytes from the base64 text @s of @slen bytes; FALSE
 * when it is not the canonical base64 of @n bytes (padding required, the
 * unused bits zero). */
static gboolean
b64_decode (const char *s, gsize slen, guint8 *out, gsize n)
{
  gsize pad = (3 - n % 3) % 3;
  if (slen != 4 * ((n + 2) / 3))
    return FALSE;
  gsize o = 0;
  gboolean ok = TRUE;
  guint32 w = 0;
  guint8 bytes[3];
  for (gsize i = 0; ok && i < slen; i += 4)
    {
      gboolean last = i + 4 == slen;
      w = 0;
      for (gsize k = 0; ok && k < 4; k++)
        {
          int v;
          if (last && k >= 4 - pad)
            {
              ok = s[i + k] == '=';
              v = 0;
            }
          else
            ok = (v = b64_value (s[i + k])) >= 0;
          w = w << 6 | (guint32) (ok ? v : 0);
        }
      bytes[0] = (guint8) (w >> 16);
      bytes[1] = (guint8) (w >> 8);
      bytes[2] = (guint8) w;
      for (int k = 0; ok && k < 3; k++)
        {
          if (o < n)
            out[o++] = bytes[k];
          else
            ok = bytes[k] == 0;
        }
    }
  sodium_memzero (bytes, sizeof bytes);   /* it may have held a secret */
  sodium_memzero (&w, sizeof w);
  return ok && o == n;
}

/* ---- keys ------------------------------------------------------------------ */

static void
key_id_of (const guint8 pk[crypto_sign_PUBLICKEYBYTES], char out[KEY_ID_LEN + 1])
{
  guint8 d[ELECT_SHA256_LEN];
  elect_sha256 (pk, crypto_sign_PUBLICKEYBYTES, d);
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < KEY_ID_LEN / 2; i++)
    {
      out[2 * i] = hex[d[i] >> 4];
      out[2 * i + 1] = hex[d[i] & 15];
    }
  out[KEY_ID_LEN] = '\0';
}

static gboolean
label_ok (const char *label)
{
  if (label == NULL || !*label)
    return FALSE;
  gsize n = strlen (label);
  if (n > LABEL_MAX || !g_utf8_validate (label, (gssize) n, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) label; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static ElectSigningKey *
signing_key_from_seed (const guint8 *seed, const char *label)
{
  ElectSigningKey *k = g_new0 (ElectSigningKey, 1);
  k->sk = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (k->sk == NULL)
    g_error ("sodium_malloc failed");
  crypto_sign_seed_keypair (k->pk, k->sk, seed);
  key_id_of (k->pk, k->key_id);
  k->label = g_strdup (label);
  return k;
}

ElectSigningKey *
elect_signing_key_generate (const char *label, GError **error)
{
  g_return_val_if_fail (label != NULL, NULL);
  if (!sodium_ready (error))
    return NULL;
  if (!label_ok (label))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A key's label must be UTF-8 text of 1 to %d bytes without control characters"),
                   LABEL_MAX);
      return NULL;
    }
  guint8 *seed = sodium_malloc (crypto_sign_SEEDBYTES);
  if (seed == NULL)
    g_error ("sodium_malloc failed");
  randombytes_buf (seed, crypto_sign_SEEDBYTES);
  ElectSigningKey *k = signing_key_from_seed (seed, label);
  sodium_free (seed);
  return k;
}

void
elect_signing_key_free (ElectSigningKey *self)
{
  if (self == NULL)
    return;
  sodium_free (self->sk);   /* wipes */
  g_free (self->label);
  g_free (self);
}

const char *
elect_signing_key_get_key_id (const ElectSigningKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key_id;
}

const char *
elect_signing_key_get_label (const ElectSigningKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

ElectVerifyKey *
elect_signing_key_get_verify_key (const ElectSigningKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  ElectVerifyKey *v = g_new0 (ElectVerifyKey, 1);
  memcpy (v->key_id, self->key_id, sizeof v->key_id);
  memcpy (v->pk, self->pk, sizeof v->pk);
  v->label = g_strdup (self->label);
  return v;
}

ElectVerifyKey *
elect_verify_key_copy (const ElectVerifyKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  ElectVerifyKey *v = g_new0 (ElectVerifyKey, 1);
  *v = *self;
  v->label = g_strdup (self->label);
  return v;
}

void
elect_verify_key_free (ElectVerifyKey *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self);
}

const char *
elect_verify_key_get_key_id (const ElectVerifyKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key_id;
}

const char *
elect_verify_key_get_label (const ElectVerifyKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

/* Parses a key file's text. @secret: the key is a seed (32 bytes) written
 * under "secret"; messages then never quote the text. On success, *label
 * and *key_id are set and the key's bytes are in @key (32 bytes). */
static gboolean
parse_key_text (const char *data, gsize len, const char *origin, gboolean secret,
                char **out_label, char out_id[KEY_ID_LEN + 1], guint8 *key, GError **error)
{
  const char *header = secret ? SECRET_HEADER : PUBLIC_HEADER;
  const char *key_field = secret ? "secret" : "public";
  if (len > KEY_FILE_MAX)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("%s: more than %d bytes: not a key file"), origin, KEY_FILE_MAX);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: not UTF-8 text: not a key file"),
                   origin);
      return FALSE;
    }
  gboolean have[3] = { FALSE, FALSE, FALSE };   /* key-id, label, key */
  g_autofree char *label = NULL;
  gsize start = 0;
  for (int line = 1; start < len; line++)
    {
      const char *s = data + start;
      const char *nl = memchr (s, '\n', len - start);
      gsize n = nl ? (gsize) (nl - s) : len - start;
      start += n + (nl != NULL);
      if (n && s[n - 1] == '\r')
        n--;
      if (line == 1)
        {
          if (n != strlen (header) || memcmp (s, header, n) != 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s: line 1: expected “%s”: not a key file of this kind"),
                           origin, header);
              return FALSE;
            }
          continue;
        }
      const char *colon = memchr (s, ':', n);
      if (colon == NULL || (gsize) (colon - s) + 1 >= n || colon[1] != ' ')
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s: line %d: expected “NAME: VALUE”"), origin, line);
          return FALSE;
        }
      gsize nlen = (gsize) (colon - s);
      const char *v = colon + 2;
      gsize vlen = n - nlen - 2;
      int field = -1;
      if (nlen == 6 && memcmp (s, "key-id", 6) == 0)
        field = 0;
      else if (nlen == 5 && memcmp (s, "label", 5) == 0)
        field = 1;
      else if (nlen == strlen (key_field) && memcmp (s, key_field, nlen) == 0)
        field = 2;
      if (field < 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY,
                       _("%s: line %d: an unknown field (expected key-id, label and %s)"),
                       origin, line, key_field);
          return FALSE;
        }
      if (have[field])
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s: line %d: a field given twice"), origin, line);
          return FALSE;
        }
      have[field] = TRUE;
      if (field == 0)
        {
          gboolean ok = vlen == KEY_ID_LEN;
          for (gsize i = 0; ok && i < vlen; i++)
            ok = g_ascii_isxdigit (v[i]) && !g_ascii_isupper (v[i]);
          if (!ok)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s: line %d: a key id is 16 hexadecimal digits"), origin, line);
              return FALSE;
            }
          memcpy (out_id, v, KEY_ID_LEN);
          out_id[KEY_ID_LEN] = '\0';
        }
      else if (field == 1)
        {
          g_free (label);
          label = g_strndup (v, vlen);
          if (strlen (label) != vlen || !label_ok (label))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s: line %d: a label is UTF-8 text of 1 to %d bytes without control characters"),
                           origin, line, LABEL_MAX);
              return FALSE;
            }
        }
      else if (!b64_decode (v, vlen, key, 32))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s: line %d: the key is not the base64 text of 32 bytes"), origin, line);
          return FALSE;
        }
    }
  static const char *const names[] = { "key-id", "label", NULL };
  if (len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: an empty file: not a key file"),
                   origin);
      return FALSE;
    }
  for (int f = 0; f < 3; f++)
    if (!have[f])
      {
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%s: the field “%s” is missing"),
                     origin, f < 2 ? names[f] : key_field);
        return FALSE;
      }
  *out_label = g_steal_pointer (&label);
  return TRUE;
}

static ElectVerifyKey *
verify_key_parse (const char *data, gsize len, const char *origin, GError **error)
{
  ElectVerifyKey v = { { 0 }, NULL, { 0 } };
  char id[KEY_ID_LEN + 1];
  if (!parse_key_text (data, len, origin, FALSE, &v.label, id, v.pk, error))
    return NULL;
  key_id_of (v.pk, v.key_id);
  if (strcmp (id, v.key_id) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: the key id does not match the key: the file is damaged"), origin);
      g_free (v.label);
      return NULL;
    }
  ElectVerifyKey *k = g_new (ElectVerifyKey, 1);
  *k = v;
  return k;
}

static ElectSigningKey *
signing_key_parse (const char *data, gsize len, const char *origin, GError **error)
{
  if (!sodium_ready (error))
    return NULL;
  guint8 *seed = sodium_malloc (32);
  if (seed == NULL)
    g_error ("sodium_malloc failed");
  g_autofree char *label = NULL;
  char id[KEY_ID_LEN + 1];
  ElectSigningKey *k = NULL;
  if (parse_key_text (data, len, origin, TRUE, &label, id, seed, error))
    {
      k = signing_key_from_seed (seed, label);
      if (strcmp (id, k->key_id) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: the key id does not match the key: the file is damaged"), origin);
          elect_signing_key_free (k);
          k = NULL;
        }
    }
  sodium_free (seed);
  return k;
}

ElectVerifyKey *
elect_verify_key_load_from_data (const char *data, gssize length, const char *origin,
                                 GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return verify_key_parse (data, length < 0 ? strlen (data) : (gsize) length,
                           origin ? origin : "<memory>", error);
}

ElectSigningKey *
elect_signing_key_load_from_data (const char *data, gssize length, const char *origin,
                                  GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return signing_key_parse (data, length < 0 ? strlen (data) : (gsize) length,
                            origin ? origin : "<memory>", error);
}

/* Reads a key file (at most KEY_FILE_MAX + 1 bytes) into a buffer from
 * sodium_malloc (wiped by sodium_free). */
static char *
read_key_file (const char *path, gboolean secret, gsize *out_len, GError **error)
{
  if (!sodium_ready (error))
    return NULL;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, ELECT_ERROR, e == ENOENT ? ELECT_ERROR_NOT_FOUND : ELECT_ERROR_IO,
                   _("%s: cannot open the key file: %s"), path, g_strerror (e));
      return NULL;
    }
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, _("%s: not a regular file"), path);
      return NULL;
    }
  if (secret && (st.st_mode & 077))
    {
      close (fd);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO,
                   _("%s: a secret key file that other users may read or write (mode %04o): "
                     "make it private (chmod 600)"),
                   path, (unsigned) (st.st_mode & 07777));
      return NULL;
    }
  char *buf = sodium_malloc (KEY_FILE_MAX + 2);
  if (buf == NULL)
    g_error ("sodium_malloc failed");
  gsize len = 0;
  while (len < KEY_FILE_MAX + 1)
    {
      ssize_t n = read (fd, buf + len, KEY_FILE_MAX + 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          close (fd);
          sodium_free (buf);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, _("%s: cannot read: %s"),
                       path, g_strerror (e));
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  close (fd);
  buf[len] = '\0';
  *out_len = len;
  return buf;
}

ElectSigningKey *
elect_signing_key_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  gsize len;
  char *buf = read_key_file (path, TRUE, &len, error);
  if (buf == NULL)
    return NULL;
  ElectSigningKey *k = signing_key_parse (buf, len, path, error);
  sodium_free (buf);
  return k;
}

ElectVerifyKey *
elect_verify_key_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  gsize len;
  char *buf = read_key_file (path, FALSE, &len, error);
  if (buf == NULL)
    return NULL;
  ElectVerifyKey *k = verify_key_parse (buf, len, path, error);
  sodium_free (buf);
  return k;
}

char *
elect_verify_key_to_text (const ElectVerifyKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  char pk[45];
  b64_encode (self->pk, sizeof self->pk, pk);
  return g_strdup_printf ("%s\nkey-id: %s\nlabel: %s\npublic: %s\n", PUBLIC_HEADER,
                          self->key_id, self->label, pk);
}

/* Writes @len bytes to a new file (O_EXCL) of @mode, synced. */
static gboolean
write_new_file (const char *path, const char *text, gsize len, int mode, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  int e = 0;
  if (fd < 0)
    e = errno;
  else
    {
      gsize done = 0;
      while (done < len && e == 0)
        {
          ssize_t n = write (fd, text + done, len - done);
          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            e = n < 0 ? errno : EIO;
          else
            done += (gsize) n;
        }
      if (e == 0 && fsync (fd) != 0)
        e = errno;
      if (close (fd) != 0 && e == 0)
        e = errno;
      if (e)
        g_unlink (path);
    }
  if (e)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, _("%s: cannot write the key file: %s"),
                   path, g_strerror (e));
      return FALSE;
    }
  return TRUE;
}

gboolean
elect_verify_key_save (const ElectVerifyKey *self, const char *path, GError **error)
{
  g_return_val_if_fail (self != NULL && path != NULL, FALSE);
  g_autofree char *text = elect_verify_key_to_text (self);
  return write_new_file (path, text, strlen (text), 0644, error);
}

gboolean
elect_signing_key_save (const ElectSigningKey *self, const char *path, GError **error)
{
  g_return_val_if_fail (self != NULL && path != NULL, FALSE);
  /* The text is built in guarded memory, wiped afterwards, never in a
   * GString (whose growth would leave copies behind). */
  gsize cap = strlen (SECRET_HEADER) + strlen (self->label) + 128;
  char *text = sodium_malloc (cap);
  if (text == NULL)
    g_error ("sodium_malloc failed");
  char seed64[45];
  b64_encode (self->sk, crypto_sign_SEEDBYTES, seed64);  /* the seed opens the secret key */
  int n = g_snprintf (text, cap, "%s\nkey-id: %s\nlabel: %s\nsecret: %s\n", SECRET_HEADER,
                      self->key_id, self->label, seed64);
  sodium_memzero (seed64, sizeof seed64);
  gboolean ok = write_new_file (path, text, (gsize) n, 0600, error);
  sodium_free (text);
  return ok;
}

/* ---- signatures ------------------------------------------------------------ */

/* The bytes a signature is made over: the canonical JSON of what is
 * signed, by whom. */
static char *
signed_message (const char *what, JsonNode *digests, const char *key_id, const char *label)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SIGNED_FORMAT);
  json_builder_set_member_name (b, "what");
  json_builder_add_string_value (b, what);
  json_builder_set_member_name (b, "digests");
  json_builder_add_value (b, json_node_copy (digests));
  json_builder_set_member_name (b, "key_id");
  json_builder_add_string_value (b, key_id);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_end_object (b);
  g_autoptr (JsonNode) n = json_builder_get_root (b);
  return elect_canon_compact (n);
}

static JsonNode *
make_signature (const char *what, JsonNode *digests, const ElectSigningKey *key)
{
  g_autofree char *msg = signed_message (what, digests, key->key_id, key->label);
  guint8 sig[crypto_sign_BYTES];
  crypto_sign_detached (sig, NULL, (const guint8 *) msg, strlen (msg), key->sk);
  char sig64[89], pk64[45];
  b64_encode (sig, sizeof sig, sig64);
  b64_encode (key->pk, sizeof key->pk, pk64);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key_id");
  json_builder_add_string_value (b, key->key_id);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, key->label);
  json_builder_set_member_name (b, "public_key");
  json_builder_add_string_value (b, pk64);
  json_builder_set_member_name (b, "signature");
  json_builder_add_string_value (b, sig64);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* Checks every signature of @sigs over @digests; appends the key ids to
 * @signers. */
static gboolean
check_signatures (JsonNode *sigs, const char *what, JsonNode *digests, const char *origin,
                  const ElectVerifyKey *const *trusted, gsize n_trusted, GPtrArray *signers,
                  GError **error)
{
  if (sigs == NULL || !JSON_NODE_HOLDS_ARRAY (sigs))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: “signatures” is not an array"), origin);
      return FALSE;
    }
  JsonArray *a = json_node_get_array (sigs);
  guint n = json_array_get_length (a);
  if (n == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND, _("%s: no signature"), origin);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *s = json_array_get_element (a, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (s) ? json_node_get_object (s) : NULL;
      const char *key_id = string_member (o, "key_id");
      const char *label = string_member (o, "label");
      const char *pk64 = string_member (o, "public_key");
      const char *sig64 = string_member (o, "signature");
      guint8 pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
      if (!key_id || !label || !pk64 || !sig64 || json_object_get_size (o) != 4
          || !label_ok (label)
          || !b64_decode (pk64, strlen (pk64), pk, sizeof pk)
          || !b64_decode (sig64, strlen (sig64), sig, sizeof sig))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%s: signature %u is malformed"), origin, i + 1);
          return FALSE;
        }
      char id[KEY_ID_LEN + 1];
      key_id_of (pk, id);
      if (strcmp (id, key_id) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: signature %u: its key id does not match its public key"),
                       origin, i + 1);
          return FALSE;
        }
      if (n_trusted)
        {
          const ElectVerifyKey *t = NULL;
          for (gsize k = 0; k < n_trusted && t == NULL; k++)
            if (strcmp (trusted[k]->key_id, id) == 0
                && memcmp (trusted[k]->pk, pk, sizeof pk) == 0)
              t = trusted[k];
          if (t == NULL)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: signature %u is by key %s (“%s”), which is not among the trusted keys"),
                           origin, i + 1, id, label);
              return FALSE;
            }
        }
      for (guint k = 0; k < signers->len; k++)
        if (strcmp (g_ptr_array_index (signers, k), id) == 0)
          {
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("%s: key %s signed twice"), origin, id);
            return FALSE;
          }
      g_autofree char *msg = signed_message (what, digests, key_id, label);
      if (!sodium_ready (error))
        return FALSE;
      if (crypto_sign_verify_detached (sig, (const guint8 *) msg, strlen (msg), pk) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: signature %u (key %s, “%s”) does not verify: the document was changed after it was signed"),
                       origin, i + 1, id, label);
          return FALSE;
        }
      g_ptr_array_add (signers, g_strdup (id));
    }
  return TRUE;
}

static gboolean
has_signer (JsonNode *sigs, const char *key_id)
{
  JsonArray *a = json_node_get_array (sigs);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *s = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_OBJECT (s))
        {
          const char *id = string_member (json_node_get_object (s), "key_id");
          if (id && strcmp (id, key_id) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static char **
take_signers (GPtrArray *signers)
{
  g_ptr_array_add (signers, NULL);
  return (char **) g_ptr_array_free (signers, FALSE);
}

/* The `audit` member of a signed result, checked against its content:
 * members, digests. Sets *digests (a new node {"inputs"?, "result"}). */
static gboolean
check_audit (JsonNode *root, const char *origin, JsonNode **digests, GError **error)
{
  JsonObject *ro = json_node_get_object (root);
  JsonNode *audit = json_object_get_member (ro, "audit");
  if (audit == NULL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND,
                   _("%s: the result is not signed (no “audit” member)"), origin);
      return FALSE;
    }
  JsonObject *ao = JSON_NODE_HOLDS_OBJECT (audit) ? json_node_get_object (audit) : NULL;
  const char *result = string_member (ao, "result");
  const char *inputs = string_member (ao, "inputs");
  guint8 d[ELECT_SHA256_LEN];
  if (result == NULL || !elect_digest_parse (result, d)
      || (ao && json_object_has_member (ao, "inputs") && (!inputs || !elect_digest_parse (inputs, d)))
      || !json_object_has_member (ao, "signatures")
      || json_object_get_size (ao) != 2u + (inputs != NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: the “audit” member is malformed"), origin);
      return FALSE;
    }
  g_autofree char *actual = result_digest_of_root (root);
  if (strcmp (actual, result) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: the result does not match its digest (%s, now %s): it was changed after it was signed"),
                   origin, result, actual);
      return FALSE;
    }
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  if (inputs)
    {
      json_builder_set_member_name (b, "inputs");
      json_builder_add_string_value (b, inputs);
    }
  json_builder_set_member_name (b, "result");
  json_builder_add_string_value (b, result);
  json_builder_end_object (b);
  *digests = json_builder_get_root (b);
  return TRUE;
}

char *
elect_audit_sign_result (const char *result_json, gssize length, const char *inputs_digest,
                         const ElectSigningKey *key, GError **error)
{
  g_return_val_if_fail (result_json != NULL && key != NULL, NULL);
  guint8 d[ELECT_SHA256_LEN];
  if (inputs_digest && !elect_digest_parse (inputs_digest, d))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("“%s” is not a digest (sha256: and 64 hexadecimal digits)"), inputs_digest);
      return NULL;
    }
  const char *origin = "result";
  g_autoptr (JsonNode) root = parse_doc (result_json, length, origin, RESULT_FORMAT, error);
  if (root == NULL)
    return NULL;
  JsonObject *ro = json_node_get_object (root);
  g_autoptr (JsonArray) sigs = json_array_new ();
  g_autoptr (JsonNode) digests = NULL;
  if (json_object_has_member (ro, "audit"))
    {
      /* a signed result: it must verify as it is before it is signed again */
      g_autoptr (GPtrArray) signers = g_ptr_array_new_with_free_func (g_free);
      if (!check_audit (root, origin, &digests, error))
        return NULL;
      JsonObject *ao = json_node_get_object (json_object_get_member (ro, "audit"));
      JsonNode *old = json_object_get_member (ao, "signatures");
      if (!check_signatures (old, "result", digests, origin, NULL, 0, signers, error))
        return NULL;
      const char *had = string_member (ao, "inputs");
      if (inputs_digest && g_strcmp0 (had, inputs_digest) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       had ? _("%s: it was signed with the digest of other inputs")
                           : _("%s: it was signed without the digest of its inputs, which cannot be added now"),
                       origin);
          return NULL;
        }
      if (has_signer (old, key->key_id))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: key %s signed it already"), origin, key->key_id);
          return NULL;
        }
      JsonArray *oa = json_node_get_array (old);
      for (guint i = 0; i < json_array_get_length (oa); i++)
        json_array_add_element (sigs, json_node_copy (json_array_get_element (oa, i)));
    }
  else
    {
      g_autofree char *result = result_digest_of_root (root);
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      if (inputs_digest)
        {
          json_builder_set_member_name (b, "inputs");
          json_builder_add_string_value (b, inputs_digest);
        }
      json_builder_set_member_name (b, "result");
      json_builder_add_string_value (b, result);
      json_builder_end_object (b);
      digests = json_builder_get_root (b);
    }
  if (!sodium_ready (error))
    return NULL;
  json_array_add_element (sigs, make_signature ("result", digests, key));
  /* the document, then "audit" last: digests, then signatures */
  g_autoptr (JsonObject) out = object_without (ro, "audit");
  JsonObject *audit = json_object_new ();
  JsonObject *dig = json_node_get_object (digests);
  if (json_object_has_member (dig, "inputs"))
    json_object_set_string_member (audit, "inputs", json_object_get_string_member (dig, "inputs"));
  json_object_set_string_member (audit, "result", json_object_get_string_member (dig, "result"));
  json_object_set_array_member (audit, "signatures", json_array_ref (sigs));
  json_object_set_object_member (out, "audit", audit);
  g_autoptr (JsonNode) n = json_node_init_object (json_node_alloc (), out);
  return elect_canon_pretty (n);
}

gboolean
elect_audit_verify_result (const char *signed_json, gssize length,
                           const ElectElection *election,
                           const ElectVerifyKey *const *trusted, gsize n_trusted,
                           char ***out_signers, GError **error)
{
  g_return_val_if_fail (signed_json != NULL, FALSE);
  g_return_val_if_fail (trusted != NULL || n_trusted == 0, FALSE);
  const char *origin = "result";
  g_autoptr (JsonNode) root = parse_doc (signed_json, length, origin, RESULT_FORMAT, error);
  if (root == NULL)
    return FALSE;
  g_autoptr (JsonNode) digests = NULL;
  if (!check_audit (root, origin, &digests, error))
    return FALSE;
  JsonObject *ao = json_node_get_object (json_object_get_member (json_node_get_object (root), "audit"));
  if (election)
    {
      g_autofree char *inputs = elect_audit_digest_election (election);
      const char *had = string_member (ao, "inputs");
      if (had == NULL || strcmp (had, inputs) != 0)
        {
          if (had)
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("%s: it was counted from other inputs (%s) than the election given (%s)"),
                         origin, had, inputs);
          else
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("%s: it carries no digest of its inputs, so it cannot be matched with the election given (%s)"),
                         origin, inputs);
          return FALSE;
        }
    }
  g_autoptr (GPtrArray) signers = g_ptr_array_new_with_free_func (g_free);
  if (!check_signatures (json_object_get_member (ao, "signatures"), "result", digests, origin,
                         trusted, n_trusted, signers, error)
      || !check_layout (root, signed_json, length, origin, error))
    return FALSE;
  if (out_signers)
    *out_signers = take_signers (g_steal_pointer (&signers));
  return TRUE;
}

/* A detached signature document: checked members; *inputs borrowed. */
static JsonNode *
parse_signature_doc (const char *doc, gssize length, const char *origin, const char **inputs,
                     GError **error)
{
  JsonNode *root = parse_doc (doc, length, origin, SIGNATURE_FORMAT, error);
  if (root == NULL)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  guint8 d[ELECT_SHA256_LEN];
  *inputs = string_member (o, "inputs");
  if (*inputs == NULL || !elect_digest_parse (*inputs, d)
      || !json_object_has_member (o, "signatures") || json_object_get_size (o) != 3)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: a malformed signature document"), origin);
      json_node_unref (root);
      return NULL;
    }
  return root;
}

static JsonNode *
inputs_digests (const char *inputs)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "inputs");
  json_builder_add_string_value (b, inputs);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
elect_audit_sign_election (const ElectElection *election, const char *signature_doc,
                           gssize length, const ElectSigningKey *key, GError **error)
{
  g_return_val_if_fail (election != NULL && key != NULL, NULL);
  const char *origin = "signature";
  g_autofree char *inputs = elect_audit_digest_election (election);
  g_autoptr (JsonNode) digests = inputs_digests (inputs);
  g_autoptr (JsonArray) sigs = json_array_new ();
  if (signature_doc)
    {
      const char *had;
      g_autoptr (JsonNode) root = parse_signature_doc (signature_doc, length, origin, &had, error);
      if (root == NULL)
        return NULL;
      if (strcmp (had, inputs) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: it signs other inputs (%s) than the election given (%s)"),
                       origin, had, inputs);
          return NULL;
        }
      JsonNode *old = json_object_get_member (json_node_get_object (root), "signatures");
      g_autoptr (GPtrArray) signers = g_ptr_array_new_with_free_func (g_free);
      if (!check_signatures (old, "inputs", digests, origin, NULL, 0, signers, error))
        return NULL;
      if (has_signer (old, key->key_id))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: key %s signed it already"), origin, key->key_id);
          return NULL;
        }
      JsonArray *oa = json_node_get_array (old);
      for (guint i = 0; i < json_array_get_length (oa); i++)
        json_array_add_element (sigs, json_node_copy (json_array_get_element (oa, i)));
    }
  if (!sodium_ready (error))
    return NULL;
  json_array_add_element (sigs, make_signature ("inputs", digests, key));
  g_autoptr (JsonObject) o = json_object_new ();
  json_object_set_string_member (o, "format", SIGNATURE_FORMAT);
  json_object_set_string_member (o, "inputs", inputs);
  json_object_set_array_member (o, "signatures", json_array_ref (sigs));
  g_autoptr (JsonNode) n = json_node_init_object (json_node_alloc (), o);
  return elect_canon_pretty (n);
}

gboolean
elect_audit_verify_election (const ElectElection *election, const char *signature_doc,
                             gssize length, const ElectVerifyKey *const *trusted,
                             gsize n_trusted, char ***out_signers, GError **error)
{
  g_return_val_if_fail (election != NULL && signature_doc != NULL, FALSE);
  g_return_val_if_fail (trusted != NULL || n_trusted == 0, FALSE);
  const char *origin = "signature";
  const char *had;
  g_autoptr (JsonNode) root = parse_signature_doc (signature_doc, length, origin, &had, error);
  if (root == NULL)
    return FALSE;
  g_autofree char *inputs = elect_audit_digest_election (election);
  if (strcmp (had, inputs) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: it signs other inputs (%s) than the election given (%s)"),
                   origin, had, inputs);
      return FALSE;
    }
  g_autoptr (JsonNode) digests = inputs_digests (inputs);
  g_autoptr (GPtrArray) signers = g_ptr_array_new_with_free_func (g_free);
  if (!check_signatures (json_object_get_member (json_node_get_object (root), "signatures"),
                         "inputs", digests, origin, trusted, n_trusted, signers, error)
      || !check_layout (root, signature_doc, length, origin, error))
    return FALSE;
  if (out_signers)
    *out_signers = take_signers (g_steal_pointer (&signers));
  return TRUE;
}
