/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-journal: appends to a ballot-entry journal (elect-journal.h) on
 * the disk of TMPDIR, with an fsync per entry (ELECT_JOURNAL_SYNC_ENTRY,
 * the default: each entry acknowledged on disk) and per batch of 100
 * (ELECT_JOURNAL_SYNC_BATCH), and reopens (verifies) the result; prints
 * entries per second. The baseline is the same number of bytes written
 * with write(2) and one fsync per record / per batch, without the
 * library (the cost of the disk alone).
 *
 *   bench-journal [ENTRIES_SYNCED_EACH] [ENTRIES_BATCHED]   (defaults 2000, 200000) */
#include <elect/elect.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ElectPaper *
make_paper (void)
{
  ElectPaper *p = elect_paper_new (FALSE);
  static const char *const chair[] = { "王建国", "李明华" };
  static const char *const member[] = { "张伟", "陈志强", "刘秀英", "赵丽", "孙国庆", "周梅" };
  int c = elect_paper_add_contest (p, "chair", "主任", 1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chair); i++)
    elect_paper_add_candidate (p, (guint) c, chair[i], ELECT_SEX_UNKNOWN, NULL);
  c = elect_paper_add_contest (p, "member", "委员", 3, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (member); i++)
    elect_paper_add_candidate (p, (guint) c, member[i], ELECT_SEX_UNKNOWN, NULL);
  return p;
}

static void
fill (ElectBallot *b, guint i)
{
  elect_ballot_reset (b);
  elect_ballot_mark (b, 0, i % 2);
  for (guint k = 0; k < 3; k++)
    elect_ballot_mark (b, 1, (i + 2 * k) % 6);
  if (i % 10 == 0)
    elect_ballot_write_in (b, 1, "钱多多", -1);
}

static double
run (const char *path, ElectPaper *paper, guint n, guint batch, gsize *bytes)
{
  g_autoptr (GError) error = NULL;
  g_unlink (path);
  ElectJournal *j = elect_journal_create (path, paper, "bench", &error);
  if (j == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  if (batch > 1)
    elect_journal_set_sync (j, ELECT_JOURNAL_SYNC_BATCH);
  ElectBallot *b = elect_ballot_new (paper);
  gint64 t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      fill (b, i);
      if (!elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error)
          || (batch > 1 && (i + 1) % batch == 0 && !elect_journal_sync (j, &error)))
        {
          fprintf (stderr, "%s\n", error->message);
          exit (1);
        }
    }
  if (!elect_journal_sync (j, &error))
    exit (1);
  gint64 t1 = g_get_monotonic_time ();
  elect_ballot_free (b);
  elect_journal_free (j);
  GStatBuf st;
  g_stat (path, &st);
  *bytes = (gsize) st.st_size;
  return (double) (t1 - t0) / 1e6;
}

/* The disk alone: the same bytes in records of the same size, with
 * fdatasync per record or per batch. */
static double
baseline (const char *path, gsize bytes, guint n, guint batch)
{
  gsize rec = bytes / (n + 1);
  g_autofree char *buf = g_malloc0 (rec);
  g_unlink (path);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  gint64 t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      if (write (fd, buf, rec) != (ssize_t) rec)
        exit (1);
      if ((i + 1) % batch == 0)
        fdatasync (fd);
    }
  fdatasync (fd);
  gint64 t1 = g_get_monotonic_time ();
  close (fd);
  return (double) (t1 - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  guint n_each = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  guint n_batch = argc > 2 ? (guint) atoi (argv[2]) : 200000;
  g_autofree char *dir = g_dir_make_tmp ("bench-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.journal", NULL);
  g_autofree char *base = g_build_filename (dir, "baseline.bin", NULL);
  ElectPaper *paper = make_paper ();
  gsize bytes;
  printf ("%-34s %10s %10s %12s %14s\n", "mode", "entries", "seconds", "entries/s", "baseline/s");
  double t = run (path, paper, n_each, 1, &bytes);
  double tb = baseline (base, bytes, n_each, 1);
  printf ("%-34s %10u %10.2f %12.0f %14.0f\n", "fsync per entry", n_each, t, n_each / t, n_each / tb);
  t = run (path, paper, n_batch, 100, &bytes);
  tb = baseline (base, bytes, n_batch, 100);
  printf ("%-34s %10u %10.2f %12.0f %14.0f\n", "fsync per batch of 100", n_batch, t, n_batch / t, n_batch / tb);
  /* reopen: every record read and checked */
  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  ElectJournal *j = elect_journal_open_read_only (path, paper, &error);
  gint64 t1 = g_get_monotonic_time ();
  if (j == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%-34s %10u %10.2f %12.0f %14s\n", "reopen and verify", elect_journal_get_n_counted (j),
          (t1 - t0) / 1e6, elect_journal_get_n_counted (j) / ((t1 - t0) / 1e6), "-");
  printf ("journal of %u entries: %zu bytes (%.0f bytes per entry)\n", n_batch, bytes,
          (double) bytes / n_batch);
  elect_journal_free (j);
  elect_paper_unref (paper);
  g_unlink (path);
  g_unlink (base);
  g_rmdir (dir);
  return 0;
}
