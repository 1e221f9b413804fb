/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-journal: the counting desk. Ballots (or the totals of a tally
 * sheet) are entered one a line and appended to a crash-safe journal
 * (elect-journal.h) before they are acknowledged; a batch may be entered
 * twice, by two people, and is counted only when both entries agree.
 *
 *   elect-journal [--lang zh|en] --election TEMPLATE.json [--sync entry|batch]
 *                 [--label TEXT] JOURNAL
 *
 * TEMPLATE.json is the election file of the round with "ballots": []. The
 * journal is created, or reopened (and recovered after a crash). Commands
 * come from standard input, one a line (a prompt is shown on a terminal);
 * `help` lists them. Each command answers one line on standard output
 * ("ok …"); a command that fails answers one line on standard error
 * ("elect-journal: line N: …") and the session goes on.
 *
 * Exit status: 0 when every command succeeded, 1 when one failed or the
 * journal could not be opened, 2 on a usage error. */
#include "config.h"
#include "common.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  ElectElection *tmpl;
  ElectPaper *paper;
  ElectJournal *journal;
  const char *template_path;
  const char *lang;
  ElectEntry entry;
  guint32 batch;
  guint n_entered;    /* in this entry of this batch */
  gboolean batch_sync;
} Desk;

static const char *
entry_name (ElectEntry e)
{
  return e == ELECT_ENTRY_FIRST ? _("first entry")
       : e == ELECT_ENTRY_SECOND ? _("second entry") : _("single entry");
}

static void
say (const char *text)
{
  printf ("%s\n", text);
  fflush (stdout);
}

/* Splits "张三,李四、王五" at ASCII and full-width commas and 、. */
static char **
split_names (const char *s)
{
  g_autofree char *t = g_strdup (s);
  static const char *const seps[] = { "，", "、" };
  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      char *p;
      while ((p = strstr (t, seps[i])) != NULL)
        {
          *p = ',';
          memmove (p + 1, p + strlen (seps[i]), strlen (p + strlen (seps[i])) + 1);
        }
    }
  char **parts = g_strsplit (t, ",", -1);
  return parts;
}

static gboolean
fail (GError **error, const char *msg)
{
  g_set_error_literal (error, ELECT_ERROR, ELECT_ERROR_INVALID, msg);
  return FALSE;
}

static int
find_contest (Desk *d, const char *id, GError **error)
{
  int c = elect_paper_find_contest (d->paper, id, -1);
  if (c < 0)
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a contest of the paper"), id);
      fail (error, msg);
    }
  return c;
}

static int
find_candidate (Desk *d, guint c, const char *name, GError **error)
{
  int k = elect_paper_find_candidate (d->paper, c, name, -1);
  if (k < 0)
    {
      g_autofree char *msg = g_strdup_printf (
        _("“%s” is not a candidate of “%s”: write a write-in as +NAME"), name,
        elect_paper_get_contest_id (d->paper, c));
      fail (error, msg);
    }
  return k;
}

/* "CONTEST=NAME,+WRITTEN,-AGAINST,~ABSTAIN,LINE>WRITTEN" */
static gboolean
parse_ballot (Desk *d, char **words, ElectBallot *b, GError **error)
{
  gboolean party = elect_paper_has_party_marks (d->paper);
  for (guint i = 0; words[i]; i++)
    {
      char *eq = strchr (words[i], '=');
      if (eq == NULL)
        return fail (error, _("a ballot is written CONTEST=NAME,NAME… (or “spoiled”)"));
      *eq = '\0';
      int c = find_contest (d, words[i], error);
      if (c < 0)
        return FALSE;
      g_auto (GStrv) names = split_names (eq + 1);
      for (guint k = 0; names[k]; k++)
        {
          char *n = g_strstrip (names[k]);
          if (*n == '\0')
            continue;
          char *gt = strchr (n, '>');
          if (*n == '+')
            elect_ballot_write_in (b, (guint) c, n + 1, -1);
          else if (gt && party)
            {
              *gt = '\0';
              int line = find_candidate (d, (guint) c, n, error);
              if (line < 0)
                return FALSE;
              elect_ballot_write_in_on_line (b, (guint) c, (guint) line, gt + 1, -1);
            }
          else if ((*n == '-' || *n == '~') && party)
            {
              int line = find_candidate (d, (guint) c, n + 1, error);
              if (line < 0)
                return FALSE;
              elect_ballot_mark_party (b, (guint) c, (guint) line,
                                       *n == '-' ? ELECT_MARK_AGAINST : ELECT_MARK_ABSTAIN);
            }
          else
            {
              int line = find_candidate (d, (guint) c, n, error);
              if (line < 0)
                return FALSE;
              elect_ballot_mark (b, (guint) c, (guint) line);
            }
        }
    }
  return TRUE;
}

static gboolean
parse_count (const char *s, gint64 *out)
{
  char *end = NULL;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  if (*end || v > (guint64) elect_count_max ())
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

/* "returned=N invalid=N CONTEST/NAME=N CONTEST/+WRITTEN=N" */
static gboolean
parse_sheet (Desk *d, char **words, ElectTally *t, GError **error)
{
  gint64 returned = -1, invalid = -1;
  for (guint i = 0; words[i]; i++)
    {
      char *eq = strchr (words[i], '=');
      gint64 v;
      if (eq == NULL || !parse_count (eq + 1, &v))
        return fail (error, _("a tally sheet is written returned=N invalid=N CONTEST/NAME=N…"));
      *eq = '\0';
      if (strcmp (words[i], "returned") == 0)
        returned = v;
      else if (strcmp (words[i], "invalid") == 0)
        invalid = v;
      else
        {
          char *slash = strchr (words[i], '/');
          if (slash == NULL)
            return fail (error, _("a tally sheet is written returned=N invalid=N CONTEST/NAME=N…"));
          *slash = '\0';
          int c = find_contest (d, words[i], error);
          if (c < 0)
            return FALSE;
          const char *name = slash + 1;
          if (*name == '+')
            {
              if (!elect_tally_set_sheet_write_in (t, (guint) c, name + 1, -1, v, error))
                return FALSE;
              continue;
            }
          int k = find_candidate (d, (guint) c, name, error);
          if (k < 0 || !elect_tally_set_sheet_votes (t, (guint) c, (guint) k, v, error))
            return FALSE;
        }
    }
  if (returned < 0 || invalid < 0)
    return fail (error, _("a tally sheet needs returned=N and invalid=N"));
  return elect_tally_set_sheet (t, returned, invalid, error);
}

static gboolean
parse_batch (const char *s, guint32 *out, GError **error)
{
  gint64 v;
  if (s == NULL || !parse_count (s, &v) || v > G_MAXUINT32)
    return fail (error, _("expected a batch number"));
  *out = (guint32) v;
  return TRUE;
}

static void
print_status (Desk *d)
{
  ElectJournal *j = d->journal;
  GString *pending = g_string_new (NULL);
  for (guint i = 0; i < elect_journal_get_n_pending (j); i++)
    g_string_append_printf (pending, "%s%u", i ? ", " : "", elect_journal_get_pending (j, i));
  g_autofree char *line = g_strdup_printf (
    _("ok: %u records, %u %s counted, batches not accepted: %s; head %s"),
    elect_journal_get_n_records (j), elect_journal_get_n_counted (j),
    elect_journal_holds_sheets (j) ? _("tally sheets") : _("ballots"),
    pending->len ? pending->str : _("none"), elect_journal_get_head (j));
  say (line);
  g_string_free (pending, TRUE);
}

static void
ack (Desk *d, const char *what)
{
  g_autofree char *line = NULL;
  const char *disk = d->batch_sync ? _(" (on disk at the next sync)") : "";
  if (d->entry == ELECT_ENTRY_SINGLE)
    line = g_strdup_printf (_("ok: %s recorded%s; %u counted"), what, disk,
                            elect_journal_get_n_counted (d->journal));
  else
    line = g_strdup_printf (_("ok: %s %u of batch %u, %s, recorded%s; counted when both entries agree"),
                            what, d->n_entered, d->batch, entry_name (d->entry), disk);
  say (line);
}

static const char *HELP = N_(
  "Commands, one a line:\n"
  "  ballot CONTEST=NAME,NAME… …   a ballot; +NAME is a write-in; on Party papers\n"
  "                                -NAME against, ~NAME abstain, LINE>NAME written on a line;\n"
  "                                “ballot” alone is a blank ballot\n"
  "  spoiled                        an unreadable ballot (废票)\n"
  "  sheet returned=N invalid=N CONTEST/NAME=N …   the totals of a tally sheet (+NAME: written in)\n"
  "  first BATCH | second BATCH     the next entries are the first or second entry of BATCH\n"
  "  single                         the next entries are single entries, counted at once\n"
  "  compare BATCH                  list the differences between the two entries of BATCH\n"
  "  accept BATCH                   count BATCH if its two entries agree\n"
  "  discard BATCH first|second     discard one entry of BATCH, to enter it again\n"
  "  sync                           force the entries to disk (with --sync batch)\n"
  "  status                         records, counted entries, batches not accepted, head digest\n"
  "  export FILE                    write the election file of the counted entries\n"
  "  quit                           end the session");

static gboolean
print_diff (Desk *d, ElectEntryDiff *diff)
{
  g_autofree char *text = elect_entry_diff_to_text (diff, d->lang);
  fputs (text, stdout);
  fflush (stdout);
  return elect_entry_diff_get_n_items (diff) == 0;
}

/* Runs one command; FALSE (with @error set) when it failed. */
static gboolean
run (Desk *d, char *line, gboolean *quit, GError **error)
{
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (line), " \t", -1);
  /* drop empty words (several spaces) */
  guint n = 0;
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  if (n == 0 || words[0][0] == '#')
    return TRUE;
  const char *cmd = words[0];
  if (strcmp (cmd, "ballot") == 0 || strcmp (cmd, "spoiled") == 0)
    {
      if (elect_journal_holds_sheets (d->journal))
        return fail (error, _("this journal holds tally sheets"));
      g_autoptr (ElectBallot) b = elect_ballot_new (d->paper);
      if (strcmp (cmd, "spoiled") == 0)
        {
          if (n != 1)
            return fail (error, _("“spoiled” takes nothing more"));
          elect_ballot_set_unreadable (b);
        }
      else if (!parse_ballot (d, words + 1, b, error))
        return FALSE;
      if (!elect_journal_append_ballot (d->journal, d->entry, d->batch, b, error))
        return FALSE;
      d->n_entered++;
      ack (d, _("ballot"));
      return TRUE;
    }
  if (strcmp (cmd, "sheet") == 0)
    {
      g_autoptr (ElectTally) t = elect_tally_new (elect_election_get_rules (d->tmpl), d->paper, error);
      if (t == NULL || !elect_tally_set_sheet (t, 0, 0, error) || !parse_sheet (d, words + 1, t, error)
          || !elect_journal_append_sheet (d->journal, d->entry, d->batch, t, error))
        return FALSE;
      d->n_entered++;
      ack (d, _("tally sheet"));
      return TRUE;
    }
  if (strcmp (cmd, "first") == 0 || strcmp (cmd, "second") == 0)
    {
      if (n != 2 || !parse_batch (words[1], &d->batch, error))
        return n == 2 ? FALSE : fail (error, _("expected a batch number"));
      d->entry = cmd[0] == 'f' ? ELECT_ENTRY_FIRST : ELECT_ENTRY_SECOND;
      d->n_entered = 0;
      g_autofree char *msg = g_strdup_printf (_("ok: entering the %s of batch %u"),
                                              entry_name (d->entry), d->batch);
      say (msg);
      return TRUE;
    }
  if (strcmp (cmd, "single") == 0)
    {
      d->entry = ELECT_ENTRY_SINGLE;
      d->batch = 0;
      say (_("ok: single entries, counted at once"));
      return TRUE;
    }
  if (strcmp (cmd, "compare") == 0 || strcmp (cmd, "accept") == 0)
    {
      guint32 batch;
      if (n != 2)
        return fail (error, _("expected a batch number"));
      if (!parse_batch (words[1], &batch, error))
        return FALSE;
      gboolean accept = cmd[0] == 'a';
      g_autoptr (ElectEntryDiff) diff = accept ? elect_journal_accept_batch (d->journal, batch, error)
                                               : elect_journal_compare_batch (d->journal, batch, error);
      if (diff == NULL)
        return FALSE;
      gboolean agree = print_diff (d, diff);
      if (accept)
        {
          if (!agree)
            {
              g_autofree char *msg = g_strdup_printf (
                _("batch %u is not accepted: its two entries differ (discard the wrong one and enter it again)"),
                batch);
              return fail (error, msg);
            }
          g_autofree char *msg = g_strdup_printf (_("ok: batch %u accepted; %u counted"), batch,
                                                  elect_journal_get_n_counted (d->journal));
          say (msg);
        }
      return TRUE;
    }
  if (strcmp (cmd, "discard") == 0)
    {
      guint32 batch;
      if (n != 3 || (strcmp (words[2], "first") != 0 && strcmp (words[2], "second") != 0))
        return fail (error, _("discard is written: discard BATCH first|second"));
      if (!parse_batch (words[1], &batch, error))
        return FALSE;
      ElectEntry e = words[2][0] == 'f' ? ELECT_ENTRY_FIRST : ELECT_ENTRY_SECOND;
      if (!elect_journal_discard_entry (d->journal, batch, e, error))
        return FALSE;
      g_autofree char *msg = g_strdup_printf (_("ok: the %s of batch %u is discarded"),
                                              entry_name (e), batch);
      say (msg);
      return TRUE;
    }
  if (strcmp (cmd, "sync") == 0)
    {
      if (!elect_journal_sync (d->journal, error))
        return FALSE;
      g_autofree char *msg = g_strdup_printf (_("ok: on disk; %u records"),
                                              elect_journal_get_n_records (d->journal));
      say (msg);
      return TRUE;
    }
  if (strcmp (cmd, "status") == 0)
    {
      print_status (d);
      return TRUE;
    }
  if (strcmp (cmd, "export") == 0)
    {
      if (n != 2)
        return fail (error, _("export is written: export FILE"));
      g_autofree char *text = elect_journal_export (d->journal, d->template_path, error);
      if (text == NULL)
        return FALSE;
      if (!g_file_set_contents_full (words[1], text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return FALSE;
      if (elect_journal_get_n_pending (d->journal))
        {
          g_autofree char *msg = g_strdup_printf (
            _("warning: %u batches are not accepted: their entries are not in the export"),
            elect_journal_get_n_pending (d->journal));
          example_fail (msg);
        }
      g_autofree char *msg = g_strdup_printf (_("ok: %s written; %u counted"), words[1],
                                              elect_journal_get_n_counted (d->journal));
      say (msg);
      return TRUE;
    }
  if (strcmp (cmd, "help") == 0)
    {
      say (_(HELP));
      return TRUE;
    }
  if (strcmp (cmd, "quit") == 0)
    {
      *quit = TRUE;
      return TRUE;
    }
  g_autofree char *msg = g_strdup_printf (_("unknown command “%s” (try help)"), cmd);
  return fail (error, msg);
}

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  g_autofree char *lang_opt = NULL, *template_path = NULL, *sync = NULL, *label = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh or en"), "LANG" },
    { "election", 0, 0, G_OPTION_ARG_FILENAME, &template_path,
      N_("The election file of the round, with \"ballots\": [] (required)"), "FILE" },
    { "sync", 0, 0, G_OPTION_ARG_STRING, &sync,
      N_("When entries go to disk: entry (each one, the default) or batch (at sync, accept, discard)"), "WHEN" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("A label for the counting desk, recorded in a new journal"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("JOURNAL — enter ballots or tally sheets at a counting desk"));
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
  gboolean batch_sync = FALSE;
  if (sync && !(batch_sync = strcmp (sync, "batch") == 0) && strcmp (sync, "entry") != 0)
    {
      example_fail (_("--sync takes entry or batch"));
      return 2;
    }
  if (argc != 2 || template_path == NULL)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  Desk d = { 0 };
  d.template_path = template_path;
  d.lang = lang;
  d.batch_sync = batch_sync;
  d.tmpl = elect_election_read_file (template_path, &error);
  if (d.tmpl == NULL)
    {
      example_fail (error->message);
      return 1;
    }
  d.paper = elect_election_get_paper (d.tmpl);
  gboolean existed = g_file_test (argv[1], G_FILE_TEST_EXISTS);
  d.journal = existed ? elect_journal_open (argv[1], d.paper, &error)
                      : elect_journal_create (argv[1], d.paper, label, &error);
  if (d.journal == NULL)
    {
      example_fail (error->message);
      elect_election_unref (d.tmpl);
      return 1;
    }
  if (batch_sync)
    elect_journal_set_sync (d.journal, ELECT_JOURNAL_SYNC_BATCH);
  if (elect_journal_get_recovery (d.journal))
    example_fail (elect_journal_get_recovery (d.journal));
  if (existed)
    print_status (&d);
  else
    {
      g_autofree char *msg = g_strdup_printf (_("ok: new journal %s"), argv[1]);
      say (msg);
    }

  gboolean tty = isatty (0), quit = FALSE, failed = FALSE;
  GString *line = g_string_new (NULL);
  char buf[4096];
  for (guint lineno = 1; !quit; lineno++)
    {
      if (tty)
        {
          fputs ("> ", stdout);
          fflush (stdout);
        }
      g_string_truncate (line, 0);
      gboolean got = FALSE;
      while (fgets (buf, sizeof buf, stdin))
        {
          got = TRUE;
          g_string_append (line, buf);
          if (line->len && line->str[line->len - 1] == '\n')
            break;
        }
      if (!got)
        break;
      if (!g_utf8_validate (line->str, (gssize) line->len, NULL))
        {
          g_autofree char *msg = g_strdup_printf (_("line %u: not UTF-8 text"), lineno);
          example_fail (msg);
          failed = TRUE;
          continue;
        }
      g_autoptr (GError) e = NULL;
      if (!run (&d, line->str, &quit, &e))
        {
          g_autofree char *msg = g_strdup_printf (_("line %u: %s"), lineno, e->message);
          example_fail (msg);
          failed = TRUE;
        }
    }
  g_string_free (line, TRUE);
  g_autoptr (GError) e = NULL;
  if (!elect_journal_sync (d.journal, &e))
    {
      example_fail (e->message);
      failed = TRUE;
    }
  elect_journal_free (d.journal);
  elect_election_unref (d.tmpl);
  return failed ? 1 : 0;
}
