/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-verify: what a township checks (elect-audit.h, elect-journal.h).
 *
 *   elect-verify [--lang zh|en] [--key PUBLIC]... [--election FILE]
 *                [--result SIGNED.json] [--signature FILE.sig]
 *                [--journal JOURNAL [--head DIGEST]]
 *
 * --result: a signed result (its layout, digest and every signature; with
 * --election, that it was counted from that election file). --signature:
 * the detached signature of --election (a tally sheet). --journal: every
 * record and the chain of a ballot-entry journal (with --election, the
 * journal's paper; with --head, its head digest, as written on the
 * minutes; a damaged or torn last record fails too). With --key (repeatable), every signature must be by one of
 * these keys; without, signatures are checked against the keys they carry
 * (integrity, not origin).
 *
 * Prints one line per check on standard output. Exit status: 0 when every
 * check passed, 1 when one failed (one line on standard error saying
 * which and why), 2 on a usage error. */
#include "config.h"
#include "common.h"

#include <stdio.h>
#include <string.h>

static char *
signer_list (char **ids, ElectVerifyKey **keys, guint n_keys)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; ids[i]; i++)
    {
      const char *label = NULL;
      for (guint k = 0; k < n_keys; k++)
        if (strcmp (elect_verify_key_get_key_id (keys[k]), ids[i]) == 0)
          label = elect_verify_key_get_label (keys[k]);
      if (i)
        g_string_append (s, ", ");
      if (label)
        g_string_append_printf (s, "%s (%s)", label, ids[i]);
      else
        g_string_append (s, ids[i]);
    }
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  example_init_lang (argc, argv, "zh");
  g_autofree char *lang_opt = NULL, *election_path = NULL, *result_path = NULL,
                  *signature_path = NULL, *journal_path = NULL, *head = NULL;
  g_auto (GStrv) key_paths = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh or en"), "LANG" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &key_paths,
      N_("A trusted verify key file (repeatable)"), "PUBLIC" },
    { "election", 0, 0, G_OPTION_ARG_FILENAME, &election_path,
      N_("The election file (or tally sheet) the other files belong to"), "FILE" },
    { "result", 0, 0, G_OPTION_ARG_FILENAME, &result_path, N_("A signed result to verify"), "FILE" },
    { "signature", 0, 0, G_OPTION_ARG_FILENAME, &signature_path,
      N_("The detached signature of --election to verify"), "FILE" },
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path,
      N_("A ballot-entry journal whose records and chain to verify"), "FILE" },
    { "head", 0, 0, G_OPTION_ARG_STRING, &head,
      N_("The head digest the journal must end with"), "DIGEST" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— verify signed results, signed tally sheets and journals"));
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
  if (argc != 1 || (!result_path && !signature_path && !journal_path)
      || (signature_path && !election_path) || (head && !journal_path))
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_verify_key_free);
  for (guint i = 0; key_paths && key_paths[i]; i++)
    {
      ElectVerifyKey *k = elect_verify_key_load (key_paths[i], &error);
      if (k == NULL)
        {
          example_fail (error->message);
          return 1;
        }
      g_ptr_array_add (keys, k);
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
  const ElectVerifyKey *const *trusted = (const ElectVerifyKey *const *) keys->pdata;

  if (result_path)
    {
      g_autofree char *text = NULL;
      gsize len;
      g_auto (GStrv) signers = NULL;
      if (!g_file_get_contents (result_path, &text, &len, &error)
          || !elect_audit_verify_result (text, (gssize) len, election, trusted, keys->len,
                                         &signers, &error))
        {
          g_autofree char *msg = g_strdup_printf ("%s: %s", result_path, error->message);
          example_fail (msg);
          return 1;
        }
      g_autofree char *who = signer_list (signers, (ElectVerifyKey **) keys->pdata, keys->len);
      g_autofree char *digest = elect_audit_digest_result (text, (gssize) len, NULL);
      printf (_("%s: the signed result verifies (%s); signed by %s%s\n"), result_path, digest, who,
              keys->len ? "" : _(" (keys not checked against trusted ones)"));
    }
  if (signature_path)
    {
      g_autofree char *text = NULL;
      gsize len;
      g_auto (GStrv) signers = NULL;
      if (!g_file_get_contents (signature_path, &text, &len, &error)
          || !elect_audit_verify_election (election, text, (gssize) len, trusted, keys->len,
                                           &signers, &error))
        {
          g_autofree char *msg = g_strdup_printf ("%s: %s", signature_path, error->message);
          example_fail (msg);
          return 1;
        }
      g_autofree char *who = signer_list (signers, (ElectVerifyKey **) keys->pdata, keys->len);
      g_autofree char *digest = elect_audit_digest_election (election);
      printf (_("%s: the signature of %s verifies (%s); signed by %s%s\n"), signature_path,
              election_path, digest, who,
              keys->len ? "" : _(" (keys not checked against trusted ones)"));
    }
  if (journal_path)
    {
      ElectPaper *paper = election ? elect_election_get_paper (election) : NULL;
      g_autoptr (ElectJournal) j = elect_journal_open_read_only (journal_path, paper, &error);
      if (j == NULL)
        {
          example_fail (error->message);
          return 1;
        }
      if (elect_journal_get_recovery (j))
        {
          /* a torn or damaged last record: a crash nobody recovered from,
           * or a change; either way not a journal to vouch for */
          example_fail (elect_journal_get_recovery (j));
          return 1;
        }
      if (head && strcmp (head, elect_journal_get_head (j)) != 0)
        {
          g_autofree char *msg = g_strdup_printf (
            _("%s: the journal ends with %s, not with the head %s given: records were removed or added at its end"),
            journal_path, elect_journal_get_head (j), head);
          example_fail (msg);
          return 1;
        }
      printf (_("%s: %u records intact and chained; %u %s counted, %u batches not accepted; head %s\n"),
              journal_path, elect_journal_get_n_records (j), elect_journal_get_n_counted (j),
              elect_journal_holds_sheets (j) ? _("tally sheets") : _("ballots"),
              elect_journal_get_n_pending (j), elect_journal_get_head (j));
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
