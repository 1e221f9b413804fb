/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-sign: a counting station's keys and signatures (elect-audit.h).
 *
 *   elect-sign --keygen --label TEXT SECRET.key PUBLIC.pub
 *   elect-sign --key SECRET.key --result RESULT.json [--election FILE] [-o OUT]
 *   elect-sign --key SECRET.key --election FILE [--signature FILE.sig] [-o OUT]
 *
 * --keygen writes a new key pair (the secret key file with mode 0600; it
 * never leaves the station: give PUBLIC.pub to the township). --result
 * signs a result (elect-count's output), adding the digest of the
 * election's inputs when --election is given; a signed result gets one more
 * signature (co-signing). Otherwise --election alone makes a detached
 * signature of the election file (a tally sheet), or adds one to
 * --signature. The signed file goes to OUT (written atomically) or to
 * standard output. The secret key is never printed.
 *
 * Exit status: 0 on success, 1 when an input is malformed or does not
 * verify, 2 on a usage error. */
#include "config.h"
#include "common.h"

#include <stdio.h>
#include <string.h>

int
main (int argc, char **argv)
{
  example_init_lang (argc, argv, "zh");
  g_autofree char *lang_opt = NULL, *label = NULL, *key_path = NULL, *result_path = NULL,
                  *election_path = NULL, *signature_path = NULL, *output = NULL;
  gboolean keygen = FALSE;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh or en"), "LANG" },
    { "keygen", 0, 0, G_OPTION_ARG_NONE, &keygen, N_("Make a new key pair: SECRET PUBLIC"), NULL },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("The label of a new key: the station or the person who signs"), "TEXT" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path, N_("The secret key file to sign with"), "SECRET" },
    { "result", 0, 0, G_OPTION_ARG_FILENAME, &result_path, N_("A result to sign"), "FILE" },
    { "election", 0, 0, G_OPTION_ARG_FILENAME, &election_path,
      N_("The election file (or tally sheet): its inputs are signed, or bound to the result"), "FILE" },
    { "signature", 0, 0, G_OPTION_ARG_FILENAME, &signature_path,
      N_("A signature of --election to add this signature to"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically) instead of standard output"), "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— make keys, sign results and tally sheets"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  if (lang_opt && strcmp (lang_opt, "zh") != 0 && strcmp (lang_opt, "en") != 0)
    {
      example_fail (_("--lang takes zh or en"));
      return 2;
    }
  if (keygen)
    {
      if (argc != 3 || label == NULL || key_path || result_path || election_path)
        {
          g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
          g_printerr ("%s", help);
          return 2;
        }
      g_autoptr (ElectSigningKey) k = elect_signing_key_generate (label, &error);
      g_autoptr (ElectVerifyKey) v = k ? elect_signing_key_get_verify_key (k) : NULL;
      if (k == NULL || !elect_signing_key_save (k, argv[1], &error)
          || !elect_verify_key_save (v, argv[2], &error))
        {
          example_fail (error->message);
          return 1;
        }
      printf (_("key %s (“%s”): secret key in %s (keep it private), verify key in %s\n"),
              elect_signing_key_get_key_id (k), label, argv[1], argv[2]);
      return 0;
    }
  if (argc != 1 || key_path == NULL || (!result_path && !election_path)
      || (signature_path && result_path))
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  g_autoptr (ElectSigningKey) key = elect_signing_key_load (key_path, &error);
  if (key == NULL)
    {
      example_fail (error->message);
      return 1;
    }
  g_autoptr (ElectElection) election = NULL;
  if (election_path)
    {
      election = elect_election_read_file (election_path, &error);
      if (election == NULL)
        {
          example_fail (error->message);
          return 1;
        }
    }
  g_autofree char *out = NULL;
  const char *what = result_path ? result_path : election_path;
  if (result_path)
    {
      g_autofree char *text = NULL, *inputs = NULL;
      gsize len;
      if (election)
        inputs = elect_audit_digest_election (election);
      if (g_file_get_contents (result_path, &text, &len, &error))
        out = elect_audit_sign_result (text, (gssize) len, inputs, key, &error);
    }
  else
    {
      g_autofree char *old = NULL;
      gsize len = 0;
      if (!signature_path || g_file_get_contents (signature_path, &old, &len, &error))
        out = elect_audit_sign_election (election, old, (gssize) len, key, &error);
      what = signature_path ? signature_path : election_path;
    }
  if (out == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", what, error->message);
      example_fail (msg);
      return 1;
    }
  return example_emit (output, out, strlen (out));
}
