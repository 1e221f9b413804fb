/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: key files, signed results and detached signatures
 * (elect-audit.h). The first byte chooses the reader of the rest:
 *
 *  0: a verify key file: if it loads, its text loads again to the same key;
 *  1: a secret key file: if it loads, what it signs verifies;
 *  2: a signed result: verified against the fixed trusted key and without
 *     keys; its digest; and if it is a result that can be signed by the
 *     fixed key, the signed text verifies, byte for byte;
 *  3: a detached signature of the fixed election: verified; co-signed
 *     when it can be, and then it verifies.
 *
 * Every failure is one GError of the ELECT_ERROR domain whose message is
 * valid UTF-8; never a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* A key made for fuzzing only (its secret is public, here). */
static const char FUZZ_KEY[] =
  "libelect.secret-key/1\n"
  "key-id: 20f46421e19f1ab0\n"
  "label: fuzz\n"
  "secret: T3rPMAS/znl3VX34r2FYB2xiUM4n1nCpCC9pc3khLWs=\n";

static const char ELECTION[] =
  "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
  "\"electorate\": 1000, \"ballots_issued\": 900, \"contests\": ["
  "{\"id\": \"chair\", \"seats\": 1, \"candidates\": [\"王一\", \"李二\"]}], "
  "\"totals\": {\"ballots_returned\": 890, \"ballots_invalid\": 12, "
  "\"votes\": {\"chair\": {\"王一\": 520, \"李二\": 340}}}}";

static ElectSigningKey *fuzz_key;
static ElectSigningKey *other_key;
static ElectVerifyKey *fuzz_pub;
static ElectElection *election;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_key = elect_signing_key_load_from_data (FUZZ_KEY, -1, "fuzz.key", NULL);
  other_key = elect_signing_key_generate ("other", NULL);
  election = elect_election_read_data (ELECTION, -1, "election", NULL, NULL);
  if (fuzz_key == NULL || other_key == NULL || election == NULL)
    abort ();
  fuzz_pub = elect_signing_key_get_verify_key (fuzz_key);
  return 0;
}

static void
check_error (GError *error)
{
  if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL
      || error->message[0] == '\0' || !g_utf8_validate (error->message, -1, NULL))
    abort ();
  g_error_free (error);
}

/* What the library signed must verify. */
static void
check_signed_result (const char *text)
{
  char **signers = NULL;
  if (!elect_audit_verify_result (text, -1, NULL, NULL, 0, &signers, NULL))
    abort ();
  g_strfreev (signers);
}

static void
fuzz_result (const char *text, gsize len)
{
  const ElectVerifyKey *t[] = { fuzz_pub };
  GError *error = NULL;
  char **signers = NULL;
  if (elect_audit_verify_result (text, (gssize) len, NULL, t, 1, &signers, &error))
    {
      if (signers == NULL || signers[0] == NULL)
        abort ();
      g_strfreev (signers);
    }
  else
    check_error (error);
  error = NULL;
  if (elect_audit_verify_result (text, (gssize) len, election, NULL, 0, NULL, &error))
    ;
  else
    check_error (error);
  error = NULL;
  char *d = elect_audit_digest_result (text, (gssize) len, &error);
  if (d == NULL)
    check_error (error);
  else if (strlen (d) != 71)
    abort ();
  g_free (d);
  error = NULL;
  char *s = elect_audit_sign_result (text, (gssize) len, NULL, other_key, &error);
  if (s == NULL)
    check_error (error);
  else
    {
      check_signed_result (s);
      g_free (s);
    }
}

static void
fuzz_signature (const char *text, gsize len)
{
  const ElectVerifyKey *t[] = { fuzz_pub };
  GError *error = NULL;
  if (!elect_audit_verify_election (election, text, (gssize) len, t, 1, NULL, &error))
    check_error (error);
  error = NULL;
  char *s = elect_audit_sign_election (election, text, (gssize) len, other_key, &error);
  if (s == NULL)
    check_error (error);
  else
    {
      if (!elect_audit_verify_election (election, s, -1, NULL, 0, NULL, NULL))
        abort ();
      g_free (s);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  /* a NUL-terminated copy: the readers take lengths, but the signed texts
   * they return are NUL-terminated */
  gsize len = size - 1;
  char *text = g_malloc (len + 1);
  memcpy (text, data + 1, len);
  text[len] = '\0';
  GError *error = NULL;
  switch (data[0] % 4)
    {
    case 0:
      {
        ElectVerifyKey *k = elect_verify_key_load_from_data (text, (gssize) len, "fuzz.pub", &error);
        if (k == NULL)
          {
            check_error (error);
            break;
          }
        char *t = elect_verify_key_to_text (k);
        ElectVerifyKey *k2 = elect_verify_key_load_from_data (t, -1, "again", NULL);
        if (k2 == NULL || strcmp (elect_verify_key_get_key_id (k), elect_verify_key_get_key_id (k2)) != 0
            || strcmp (elect_verify_key_get_label (k), elect_verify_key_get_label (k2)) != 0)
          abort ();
        g_free (t);
        elect_verify_key_free (k2);
        elect_verify_key_free (k);
        break;
      }
    case 1:
      {
        ElectSigningKey *k = elect_signing_key_load_from_data (text, (gssize) len, "fuzz.key", &error);
        if (k == NULL)
          {
            check_error (error);
            break;
          }
        char *sig = elect_audit_sign_election (election, NULL, -1, k, NULL);
        ElectVerifyKey *v = elect_signing_key_get_verify_key (k);
        const ElectVerifyKey *t[] = { v };
        if (sig == NULL || !elect_audit_verify_election (election, sig, -1, t, 1, NULL, NULL))
          abort ();
        g_free (sig);
        elect_verify_key_free (v);
        elect_signing_key_free (k);
        break;
      }
    case 2:
      fuzz_result (text, len);
      break;
    default:
      fuzz_signature (text, len);
      break;
    }
  g_free (text);
  return 0;
}
