/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Crash test of the ballot-entry journal: a child process enters ballots
 * and acknowledges each one (per entry, or per batch of five after
 * elect_journal_sync()); the parent kills it with SIGKILL at a random
 * moment, reopens the journal (which recovers it) and checks that every
 * acknowledged ballot is there, byte for byte (the journal must equal a
 * reference journal of the same ballots: records carry no time, so the
 * same ballots make the same bytes). Then the next child goes on with the
 * same journal. Every seventeenth ballot has a 256 KiB write-in, so that
 * its record spans many pages, and every other kill is aimed a few
 * microseconds into such a write, to tear it.
 *
 * The law behind it: a lost ballot record voids an election, and a
 * falsified one too (VCL 17); the count is recorded (ZJ 26).
 *
 * ELECT_CRASH_ITERATIONS sets the number of kills (default 200; the
 * valgrind setup runs 20; `bench-journal-crash` runs 5,000), and
 * ELECT_CRASH_MAX_DELAY_US the longest wait before a kill (default 25 ms;
 * 600 ms under valgrind, where everything is slower). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "count-helpers.h"
#include "journal-helpers.h"

#define FRESH_EVERY 25      /* a new journal after this many kills */
#define BATCH 5
#define CHILD_CAP 1000000   /* a child exits by itself after this many entries (never, in practice) */
#define MARK G_MAXUINT32    /* sent by the child before a long write */

static const char *const PAPER = "chair:1:王一,李二|member:2:张三,赵四,陈五";

static void
fill (ElectBallot *b, guint i, char *big)
{
  elect_ballot_reset (b);
  if (i % 11 == 10)
    {
      elect_ballot_set_unreadable (b);
      return;
    }
  elect_ballot_mark (b, 0, i % 2);
  elect_ballot_mark (b, 1, i % 3);
  if (i % 5 == 0)
    elect_ballot_mark (b, 1, (i / 5) % 3);
  char name[32];
  g_snprintf (name, sizeof name, "#%u", i);
  elect_ballot_write_in (b, 1, name, -1);
  if (i % 17 == 16)
    {
      g_snprintf (big, 16, "#%u.", i);
      elect_ballot_write_in (b, 0, big, -1);
    }
}

static char *
big_name (void)
{
  gsize n = 256 * 1024;
  char *s = g_malloc (n + 1);
  for (gsize i = 0; i < n; i++)
    s[i] = 'a' + (char) (i % 26);
  s[n] = '\0';
  return s;
}

/* The child: reopen, append from where the journal is, acknowledge. */
G_GNUC_NORETURN static void
child (const char *path, ElectPaper *paper, gboolean batch_mode, int ack_fd)
{
  g_autoptr (GError) error = NULL;
  ElectJournal *j = elect_journal_open (path, paper, &error);
  if (j == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      _exit (3);
    }
  if (batch_mode)
    elect_journal_set_sync (j, ELECT_JOURNAL_SYNC_BATCH);
  ElectBallot *b = elect_ballot_new (paper);
  char *big = big_name ();
  guint n = elect_journal_get_n_counted (j);
  for (guint k = 0; k < CHILD_CAP; k++, n++)
    {
      fill (b, n, big);
      if (n % 17 == 16)
        {
          /* tell the parent a long write begins: it may aim its kill */
          guint32 m = MARK;
          if (write (ack_fd, &m, sizeof m) != sizeof m)
            _exit (6);
        }
      if (!elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          _exit (4);
        }
      gboolean ack = !batch_mode;
      if (batch_mode && (k + 1) % BATCH == 0)
        {
          if (!elect_journal_sync (j, &error))
            _exit (5);
          ack = TRUE;
        }
      if (ack)
        {
          guint32 v = n + 1;   /* ballots acknowledged so far */
          if (write (ack_fd, &v, sizeof v) != sizeof v)
            _exit (6);
        }
    }
  _exit (0);
}

/* Appends ballots to the reference journal until it has @n. */
static void
grow_reference (ElectJournal *ref, ElectBallot *b, guint n, char *big)
{
  g_autoptr (GError) error = NULL;
  for (guint i = elect_journal_get_n_counted (ref); i < n; i++)
    {
      fill (b, i, big);
      if (!elect_journal_append_ballot (ref, ELECT_ENTRY_SINGLE, 0, b, &error))
        fail_msg ("%s", error->message);
    }
  if (!elect_journal_sync (ref, &error))
    fail_msg ("%s", error->message);
}

static void
test_crash (void **state)
{
  guint iterations = 200;
  const char *env = g_getenv ("ELECT_CRASH_ITERATIONS");
  if (env && *env)
    iterations = (guint) g_ascii_strtoull (env, NULL, 10);
  gint32 max_delay = 25000;   /* microseconds */
  env = g_getenv ("ELECT_CRASH_MAX_DELAY_US");
  if (env && *env)
    max_delay = (gint32) g_ascii_strtoull (env, NULL, 10);
  g_autofree char *dir = g_dir_make_tmp ("elect-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.journal", NULL);
  g_autofree char *refpath = g_build_filename (dir, "reference.journal", NULL);
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  g_autofree char *big = big_name ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rnd = g_rand_new_with_seed (20261220);
  ElectJournal *ref = NULL;
  guint before = 0;   /* ballots in the journal before this child */
  guint64 kills = 0, recoveries = 0, acked_total = 0, torn = 0, unacked_found = 0,
          exited = 0, max_entries = 0, cuts = 0;
  for (guint it = 0; it < iterations; it++)
    {
      if (it % FRESH_EVERY == 0)
        {
          elect_journal_free (ref);
          g_unlink (path);
          g_unlink (refpath);
          ElectJournal *j = elect_journal_create (path, paper, "crash test", &error);
          if (j == NULL)
            fail_msg ("%s", error->message);
          elect_journal_free (j);
          before = 0;
          ref = elect_journal_create (refpath, paper, "crash test", &error);
          elect_journal_set_sync (ref, ELECT_JOURNAL_SYNC_BATCH);
        }
      gboolean batch_mode = g_rand_boolean (rnd);
      int fds[2];
      assert_int_equal (pipe (fds), 0);
      fflush (NULL);
      pid_t pid = fork ();
      assert_true (pid >= 0);
      if (pid == 0)
        {
          close (fds[0]);
          child (path, paper, batch_mode, fds[1]);
        }
      close (fds[1]);
      /* Kill at a random moment (while opening, appending, syncing), or,
       * every other time, a few microseconds into the next long write. */
      gboolean aim = g_rand_boolean (rnd);
      gint64 deadline = g_get_monotonic_time () + g_rand_int_range (rnd, 0, max_delay);
      guint32 acked = 0, v;
      gboolean any = FALSE, eof = FALSE;
      for (;;)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0 || eof)
            break;
          struct pollfd pfd = { fds[0], POLLIN, 0 };
          if (poll (&pfd, 1, (int) ((left + 999) / 1000)) <= 0)
            continue;
          ssize_t r = read (fds[0], &v, sizeof v);
          if (r != sizeof v)
            {
              eof = TRUE;
              continue;
            }
          if (v != MARK)
            {
              acked = v, any = TRUE;
              continue;
            }
          if (aim)
            {
              gint64 until = g_get_monotonic_time () + g_rand_int_range (rnd, 0, 3000);
              while (g_get_monotonic_time () < until)
                ;
              break;
            }
        }
      kill (pid, SIGKILL);
      int status;
      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        ;
      if (WIFEXITED (status))
        {
          if (WEXITSTATUS (status) != 0)
            fail_msg ("iteration %u: the child failed (status %d)", it, WEXITSTATUS (status));
          exited++;
        }
      else
        {
          assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
          kills++;
        }
      while (read (fds[0], &v, sizeof v) == sizeof v)
        if (v != MARK)
          acked = v, any = TRUE;
      close (fds[0]);

      /* Every third time, also what a power cut may do to the record the
       * kill interrupted (a SIGKILL cannot tear a write on kernels whose
       * page cache copies a whole record at once): cut the file anywhere
       * after the acknowledged records and leave zeros after the cut. */
      if (it % 3 == 2)
        {
          grow_reference (ref, b, acked, big);
          GStatBuf st;
          assert_int_equal (g_stat (refpath, &st), 0);
          gsize acked_end = (gsize) st.st_size;
          g_autoptr (GBytes) cur = jh_read_bytes (path);
          gsize size = g_bytes_get_size (cur);
          if (size > acked_end + 1)
            {
              gsize cut = acked_end + 1 + (gsize) g_rand_int_range (rnd, 0, (gint32) MIN (size - acked_end - 1, G_MAXINT32));
              gsize zeros = (gsize) g_rand_int_range (rnd, 0, 8192);
              g_autofree guint8 *buf = g_malloc0 (cut + zeros);
              memcpy (buf, g_bytes_get_data (cur, NULL), cut);
              jh_write (path, buf, cut + zeros);
              cuts++;
            }
        }

      /* recover, and compare with the reference */
      ElectJournal *j = elect_journal_open (path, paper, &error);
      if (j == NULL)
        fail_msg ("iteration %u: the journal cannot be reopened: %s", it, error->message);
      recoveries++;
      guint n = elect_journal_get_n_counted (j);
      if (elect_journal_get_recovery (j))
        torn++;
      elect_journal_free (j);
      if (!any)
        acked = before;   /* killed before its first acknowledgement */
      if (n < acked)
        fail_msg ("iteration %u: %u ballots acknowledged, %u recovered", it, acked, n);
      acked_total += acked - before;
      unacked_found += n - acked;
      before = n;
      max_entries = MAX (max_entries, n);
      grow_reference (ref, b, n, big);
      g_autoptr (GBytes) got = jh_read_bytes (path);
      g_autoptr (GBytes) want = jh_read_bytes (refpath);
      if (!g_bytes_equal (got, want))
        fail_msg ("iteration %u: the recovered journal (%zu bytes) differs from the reference "
                  "journal of %u ballots (%zu bytes)", it, g_bytes_get_size (got), n,
                  g_bytes_get_size (want));
    }
  elect_journal_free (ref);
  printf ("journal crash test: %u iterations, %llu SIGKILLs (%llu children finished first), "
          "%llu recoveries; all %llu acknowledged entries recovered byte for byte, every time "
          "(and %llu entries written but not yet acknowledged); %llu torn ends dropped "
          "(%llu power cuts simulated); journals of up to %llu ballots\n",
          iterations, (unsigned long long) kills, (unsigned long long) exited,
          (unsigned long long) recoveries, (unsigned long long) acked_total,
          (unsigned long long) unacked_found, (unsigned long long) torn,
          (unsigned long long) cuts, (unsigned long long) max_entries);
  assert_int_equal (recoveries, iterations);
  jh_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_crash),
  };
  return cmocka_run_group_tests_name ("journal-crash", tests, NULL, NULL);
}
