/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Digests and signatures (lib/audit.c): the canonical digest of an
 * election's inputs and of its result, Ed25519 keys, signed results and
 * signed tally sheets.
 *
 * The law behind it: a falsified count voids an election (VCL 17); the
 * scrutineers sign the record of the count (ZJ 26 "经监票人签字"); the
 * count is public so anyone may recount (VCL 15 "公开计票"). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include "audit-private.h"
#include "journal-helpers.h"

static const char *const ELECTION_HEAD =
  "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
  "\"electorate\": 10, \"ballots_issued\": 9, \"contests\": ["
  "{\"id\": \"chair\", \"title\": \"主任\", \"seats\": 1, \"candidates\": [\"王一\", \"李二\"]},"
  "{\"id\": \"member\", \"title\": \"委员\", \"seats\": 2, \"candidates\": [\"张三\", \"赵四\", \"陈五\"]}],"
  "\"ballots\": [";

static const char *const BALLOTS[] = {
  "{\"chair\": [\"王一\"], \"member\": [\"张三\", \"赵四\"]}",
  "{\"chair\": [\"王一\"], \"member\": [\"张三\"]}",
  "{\"chair\": [\"李二\"], \"member\": [\"赵四\", \"陈五\"]}",
  "{\"chair\": [\"王一\"], \"member\": [\"张三\", {\"write_in\": \"孙九\"}]}",
  "{\"spoiled\": true}",
  "{\"member\": [\"张三\", \"赵四\", \"陈五\"]}",
};

/* The election of BALLOTS in the order @order (indices), with ballot
 * @change (or -1) replaced by @repl. */
static ElectElection *
election_of (const guint *order, guint n, int change, const char *repl)
{
  GString *b = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append (b, ", ");
      g_string_append (b, (int) order[i] == change ? repl : BALLOTS[order[i]]);
    }
  g_autofree char *text = g_strconcat (ELECTION_HEAD, b->str, "]}", NULL);
  g_string_free (b, TRUE);
  g_autoptr (GError) error = NULL;
  ElectElection *e = elect_election_read_data (text, -1, "e.json", NULL, &error);
  if (e == NULL)
    fail_msg ("%s", error->message);
  return e;
}

static char *
result_of (const ElectElection *e, const char *lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectOutcome) o = elect_election_count (e, &error);
  assert_non_null (o);
  return elect_outcome_to_json (o, lang);
}

/* Anyone who recounts the same ballots, in any order, gets the same
 * digest of the inputs (VCL 15 公开计票); one vote more for someone else
 * changes it, and so does the profile. */
static void
test_digest_inputs (void **state)
{
  static const guint fwd[] = { 0, 1, 2, 3, 4, 5 }, rev[] = { 5, 4, 3, 2, 1, 0 };
  g_autoptr (ElectElection) a = election_of (fwd, 6, -1, NULL);
  g_autoptr (ElectElection) b = election_of (rev, 6, -1, NULL);
  g_autofree char *da = elect_audit_digest_election (a);
  g_autofree char *db = elect_audit_digest_election (b);
  assert_string_equal (da, db);
  assert_int_equal (strlen (da), 71);
  assert_true (g_str_has_prefix (da, "sha256:"));
  g_autofree char *canon = elect_audit_canonical_election (a);
  g_autofree char *sha = elect_digest_of (canon, strlen (canon));
  assert_string_equal (sha, da);
  assert_true (g_str_has_prefix (canon, "{\"format\":\"libelect.inputs/1\",\"options\":"));
  /* 王一 -> 李二 on one ballot */
  g_autoptr (ElectElection) c = election_of (fwd, 6, 1, "{\"chair\": [\"李二\"], \"member\": [\"张三\"]}");
  g_autofree char *dc = elect_audit_digest_election (c);
  assert_string_not_equal (da, dc);
  /* a defect differs (a duplicate mark) though the votes do not */
  g_autoptr (ElectElection) d = election_of (fwd, 6, 1, "{\"chair\": [\"王一\", \"王一\"], \"member\": [\"张三\"]}");
  g_autofree char *dd = elect_audit_digest_election (d);
  assert_string_not_equal (da, dd);
  /* the paper's digest does not depend on ballots */
  g_autofree char *pa = elect_audit_digest_paper (elect_election_get_paper (a));
  g_autofree char *pc = elect_audit_digest_paper (elect_election_get_paper (c));
  assert_string_equal (pa, pc);
}

/* The result's digest is the same however the file is laid out, and
 * changes with any vote (VCL 17). */
static void
test_digest_result (void **state)
{
  static const guint fwd[] = { 0, 1, 2, 3, 4, 5 };
  g_autoptr (ElectElection) a = election_of (fwd, 6, -1, NULL);
  g_autofree char *r = result_of (a, "en");
  g_autoptr (GError) error = NULL;
  g_autofree char *d1 = elect_audit_digest_result (r, -1, &error);
  assert_non_null (d1);
  /* re-laid out: compact */
  g_autoptr (JsonNode) n = elect_json_parse (r, strlen (r), "r", 16, &error);
  g_autofree char *compact = elect_canon_compact (n);
  g_autofree char *d2 = elect_audit_digest_result (compact, -1, &error);
  assert_string_equal (d1, d2);
  /* a vote changed */
  g_autofree char *changed = g_strdup (r);
  char *v = strstr (changed, "\"votes\" : 3");
  assert_non_null (v);
  v[strlen ("\"votes\" : ")] = '4';
  g_autofree char *d3 = elect_audit_digest_result (changed, -1, &error);
  assert_string_not_equal (d1, d3);
  assert_null (elect_audit_digest_result ("{\"format\": \"libelect.election/1\"}", -1, &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
}

/* Keys: generated, saved (secret: mode 0600), loaded back with the same
 * id; malformed key files are refused with clear errors that never quote a
 * secret; a secret key file other users can read is refused. */
static void
test_keys (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("elect-keys-XXXXXX", NULL);
  g_autofree char *sec = g_build_filename (dir, "station.key", NULL);
  g_autofree char *pub = g_build_filename (dir, "station.pub", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectSigningKey) k = elect_signing_key_generate ("城关镇第3计票站", &error);
  assert_non_null (k);
  assert_int_equal (strlen (elect_signing_key_get_key_id (k)), 16);
  assert_string_equal (elect_signing_key_get_label (k), "城关镇第3计票站");
  assert_true (elect_signing_key_save (k, sec, &error));
  assert_false (elect_signing_key_save (k, sec, &error));   /* never overwritten */
  assert_int_equal (error->code, ELECT_ERROR_IO);
  g_clear_error (&error);
  struct stat st;
  assert_int_equal (g_stat (sec, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);
  g_autoptr (ElectVerifyKey) v = elect_signing_key_get_verify_key (k);
  assert_true (elect_verify_key_save (v, pub, &error));
  g_autoptr (ElectSigningKey) k2 = elect_signing_key_load (sec, &error);
  if (k2 == NULL)
    fail_msg ("%s", error->message);
  assert_string_equal (elect_signing_key_get_key_id (k2), elect_signing_key_get_key_id (k));
  g_autoptr (ElectVerifyKey) v2 = elect_verify_key_load (pub, &error);
  assert_non_null (v2);
  assert_string_equal (elect_verify_key_get_key_id (v2), elect_signing_key_get_key_id (k));
  assert_string_equal (elect_verify_key_get_label (v2), "城关镇第3计票站");
  g_autoptr (ElectVerifyKey) v3 = elect_verify_key_copy (v2);
  g_autofree char *t2 = elect_verify_key_to_text (v2);
  g_autofree char *t3 = elect_verify_key_to_text (v3);
  assert_string_equal (t2, t3);
  assert_true (g_str_has_prefix (t2, "libelect.public-key/1\nkey-id: "));
  assert_null (elect_signing_key_generate ("", &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);

  /* the secret, and damaged copies of the file */
  g_autoptr (GBytes) bytes = jh_read_bytes (sec);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *s = strstr (text, "secret: ");
  assert_non_null (s);
  g_autofree char *secret = g_strndup (s + 8, 44);
  struct { const char *from, *to; int code; } bad[] = {
    { "libelect.secret-key/1", "libelect.public-key/1", ELECT_ERROR_PARSE },
    { "secret: ", "secret:", ELECT_ERROR_PARSE },
    { "secret: ", "secrets: ", ELECT_ERROR_UNKNOWN_KEY },
    { "label: ", "label: \x01", ELECT_ERROR_PARSE },
    { "key-id: ", "key-id: 0", ELECT_ERROR_PARSE },
    { "=\n", "\n", ELECT_ERROR_PARSE },
    { "=\n", "=\nsecret: x\n", ELECT_ERROR_PARSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *t = NULL;
      char *at = strstr (text, bad[i].from);
      assert_non_null (at);
      t = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, bad[i].to, at + strlen (bad[i].from));
      g_autoptr (GError) e = NULL;
      assert_null (elect_signing_key_load_from_data (t, -1, "station.key", &e));
      if (e->code != bad[i].code)
        fail_msg ("case %u: code %d, expected %d: %s", i, e->code, bad[i].code, e->message);
      assert_true (g_str_has_prefix (e->message, "station.key: "));
      for (gsize k8 = 0; k8 + 8 <= strlen (secret); k8++)
        {
          char sub[9];
          memcpy (sub, secret + k8, 8);
          sub[8] = '\0';
          if (strstr (e->message, sub) != NULL)
            fail_msg ("case %u: the message quotes the secret: %s", i, e->message);
        }
    }
  /* the key id checks the key: one base64 digit of the secret changed */
  g_autofree char *t = g_strdup (text);
  char *sp = strstr (t, "secret: ") + 8;
  sp[3] = sp[3] == 'A' ? 'B' : 'A';
  assert_null (elect_signing_key_load_from_data (t, -1, "station.key", &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_null (strstr (error->message, secret));
  g_clear_error (&error);
  /* other users may read it: refused */
  assert_int_equal (g_chmod (sec, 0640), 0);
  assert_null (elect_signing_key_load (sec, &error));
  assert_int_equal (error->code, ELECT_ERROR_IO);
  assert_non_null (strstr (error->message, "chmod 600"));
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (dir, "none.key", NULL);
  assert_null (elect_verify_key_load (missing, &error));
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a public key file is not a secret key file */
  assert_null (elect_signing_key_load_from_data (t2, -1, "x", &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
  jh_rmdir (dir);
}

/* Sign a result (ZJ 26: the record is signed), co-sign it, verify it
 * against trusted keys and against the election it was counted from. */
static void
test_sign_result (void **state)
{
  static const guint fwd[] = { 0, 1, 2, 3, 4, 5 };
  g_autoptr (ElectElection) e = election_of (fwd, 6, -1, NULL);
  g_autofree char *r = result_of (e, "zh");
  g_autofree char *inputs = elect_audit_digest_election (e);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectSigningKey) k1 = elect_signing_key_generate ("计票站", &error);
  g_autoptr (ElectSigningKey) k2 = elect_signing_key_generate ("监票人", &error);
  g_autoptr (ElectSigningKey) k3 = elect_signing_key_generate ("他人", &error);
  g_autoptr (ElectVerifyKey) v1 = elect_signing_key_get_verify_key (k1);
  g_autoptr (ElectVerifyKey) v2 = elect_signing_key_get_verify_key (k2);
  g_autoptr (ElectVerifyKey) v3 = elect_signing_key_get_verify_key (k3);
  g_autofree char *s1 = elect_audit_sign_result (r, -1, inputs, k1, &error);
  if (s1 == NULL)
    fail_msg ("%s", error->message);
  assert_non_null (strstr (s1, "\"audit\": {\n    \"inputs\": \"sha256:"));
  const ElectVerifyKey *t1[] = { v1 };
  char **signers = NULL;
  assert_true (elect_audit_verify_result (s1, -1, e, t1, 1, &signers, &error));
  assert_int_equal (g_strv_length (signers), 1);
  assert_string_equal (signers[0], elect_signing_key_get_key_id (k1));
  g_strfreev (signers);
  /* without trusted keys: integrity only */
  assert_true (elect_audit_verify_result (s1, -1, NULL, NULL, 0, NULL, &error));
  /* not a trusted key */
  const ElectVerifyKey *t3[] = { v3 };
  assert_false (elect_audit_verify_result (s1, -1, NULL, t3, 1, NULL, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* co-signed by the supervisor; not twice by the same key */
  g_autofree char *s2 = elect_audit_sign_result (s1, -1, NULL, k2, &error);
  assert_non_null (s2);
  assert_null (elect_audit_sign_result (s2, -1, NULL, k2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  const ElectVerifyKey *t12[] = { v1, v2 };
  assert_true (elect_audit_verify_result (s2, -1, e, t12, 2, &signers, &error));
  assert_int_equal (g_strv_length (signers), 2);
  g_strfreev (signers);
  /* one of two signers not trusted: refused */
  assert_false (elect_audit_verify_result (s2, -1, e, t1, 1, NULL, &error));
  g_clear_error (&error);
  /* another election's inputs */
  g_autoptr (ElectElection) other = election_of (fwd, 5, -1, NULL);
  assert_false (elect_audit_verify_result (s1, -1, other, t1, 1, NULL, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* not signed */
  assert_false (elect_audit_verify_result (r, -1, NULL, NULL, 0, NULL, &error));
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* the digest in the signed file is the result's digest */
  g_autofree char *d = elect_audit_digest_result (r, -1, &error);
  g_autofree char *ds = elect_audit_digest_result (s2, -1, &error);
  assert_string_equal (d, ds);
  assert_non_null (strstr (s2, d));
  /* a result altered, then signed again: signing refuses it */
  g_autofree char *alt = g_strdup (s1);
  char *v = strstr (alt, "\"votes\": 3");
  v[strlen ("\"votes\": ")] = '4';
  assert_null (elect_audit_sign_result (alt, -1, NULL, k2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
}

/* Property: flipping any byte of a signed result, or of a signed tally
 * sheet's signature, is detected: verification fails every time (a
 * changed space included: the signed layout is checked byte for byte). */
static void
test_flip_every_byte (void **state)
{
  static const guint fwd[] = { 0, 1, 2, 3, 4, 5 };
  g_autoptr (ElectElection) e = election_of (fwd, 6, -1, NULL);
  g_autofree char *r = result_of (e, "zh");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectSigningKey) k = elect_signing_key_generate ("计票站", &error);
  g_autoptr (ElectVerifyKey) v = elect_signing_key_get_verify_key (k);
  const ElectVerifyKey *t[] = { v };
  g_autofree char *signed_r = elect_audit_sign_result (r, -1, NULL, k, &error);
  g_autofree char *sig = elect_audit_sign_election (e, NULL, -1, k, &error);
  assert_non_null (sig);
  assert_true (elect_audit_verify_election (e, sig, -1, t, 1, NULL, &error));
  static const guint8 masks[] = { 0x01, 0x80, 0xff, 0x29, 0x02 };
  guint step = g_getenv ("ELECT_TEST_QUICK") ? 5 : 1;
  const char *docs[] = { signed_r, sig };
  for (int which = 0; which < 2; which++)
    {
      gsize len = strlen (docs[which]);
      g_autofree char *copy = g_strdup (docs[which]);
      for (gsize i = 0; i < len; i += step)
        {
          guint8 mask = masks[i % G_N_ELEMENTS (masks)];
          copy[i] = (char) (copy[i] ^ mask);
          g_autoptr (GError) e2 = NULL;
          gboolean ok = which == 0
            ? elect_audit_verify_result (copy, (gssize) len, NULL, t, 1, NULL, &e2)
            : elect_audit_verify_election (e, copy, (gssize) len, t, 1, NULL, &e2);
          if (ok)
            fail_msg ("document %d: byte %zu ^ 0x%02x was not detected", which, i, mask);
          assert_non_null (e2);
          copy[i] = (char) (copy[i] ^ mask);
        }
      /* a space turned into a tab, and one appended */
      char *sp = strchr (copy, ' ');
      *sp = '\t';
      assert_false (which == 0 ? elect_audit_verify_result (copy, -1, NULL, t, 1, NULL, NULL)
                               : elect_audit_verify_election (e, copy, -1, t, 1, NULL, NULL));
      *sp = ' ';
      g_autofree char *more = g_strconcat (copy, " ", NULL);
      assert_false (which == 0 ? elect_audit_verify_result (more, -1, NULL, t, 1, NULL, NULL)
                               : elect_audit_verify_election (e, more, -1, t, 1, NULL, NULL));
    }
}

/* A tally sheet (RULES.md §6.9) signed by the station, co-signed, and
 * verified by the township; the signature does not fit a changed sheet. */
static void
test_sign_sheet (void **state)
{
#define SHEET(n) \
  "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", " \
  "\"electorate\": 1000, \"ballots_issued\": 900, \"contests\": [" \
  "{\"id\": \"chair\", \"seats\": 1, \"candidates\": [\"王一\", \"李二\"]}], " \
  "\"totals\": {\"ballots_returned\": 890, \"ballots_invalid\": 12, " \
  "\"votes\": {\"chair\": {\"王一\": 520, \"李二\": " n "}}}}"
  const char *t1 = SHEET ("340");
  const char *t2 = SHEET ("341");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectElection) e1 = elect_election_read_data (t1, -1, "s", NULL, &error);
  g_autoptr (ElectElection) e2 = elect_election_read_data (t2, -1, "s", NULL, &error);
  g_autoptr (ElectSigningKey) k = elect_signing_key_generate ("计票站", &error);
  g_autoptr (ElectSigningKey) k2 = elect_signing_key_generate ("监票人", &error);
  g_autoptr (ElectVerifyKey) v = elect_signing_key_get_verify_key (k);
  g_autoptr (ElectVerifyKey) v2 = elect_signing_key_get_verify_key (k2);
  g_autofree char *sig = elect_audit_sign_election (e1, NULL, -1, k, &error);
  assert_non_null (sig);
  assert_true (g_str_has_prefix (sig, "{\n  \"format\": \"libelect.signature/1\",\n  \"inputs\": \"sha256:"));
  g_autofree char *sig2 = elect_audit_sign_election (e1, sig, -1, k2, &error);
  assert_non_null (sig2);
  const ElectVerifyKey *t[] = { v, v2 };
  char **signers = NULL;
  assert_true (elect_audit_verify_election (e1, sig2, -1, t, 2, &signers, &error));
  assert_int_equal (g_strv_length (signers), 2);
  g_strfreev (signers);
  assert_false (elect_audit_verify_election (e2, sig2, -1, t, 2, NULL, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_null (elect_audit_sign_election (e2, sig, -1, k2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_digest_inputs),
    cmocka_unit_test (test_digest_result),
    cmocka_unit_test (test_keys),
    cmocka_unit_test (test_sign_result),
    cmocka_unit_test (test_flip_every_byte),
    cmocka_unit_test (test_sign_sheet),
  };
  return cmocka_run_group_tests_name ("audit", tests, NULL, NULL);
}
