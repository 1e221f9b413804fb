/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-batch: a province's village elections counted by elect-batch end to
 * end (find the files, read, validate, tally, decide, write each result
 * atomically, write the summary) with J workers, next to baselines measured
 * in the same run over the same files with the same number of threads:
 * reading every file (what `cat` of all of them to /dev/null costs: the
 * page cache and the system calls) and libelect's own JSON scanner over
 * every file (js_skip_value(): parse only, no tally). Each measurement runs
 * in a child process; wait4() gives its peak RSS and its user and system
 * time.
 *
 *   bench-batch [--dir DIR] [--out-dir DIR] [--jobs J] [--repeat K] [--ballots B] ELECT_BATCH [N ...]
 *
 * N villages (default 50000 and 5000), B ballots each (default 1000), in
 * townships of 100 villages: DIR/libelect-bench-batch-N/town-TTT/village-VVVVV.json
 * (DIR: $TMPDIR or /tmp), written once and reused (a file ".complete" marks
 * a finished set). The results go to DIR/libelect-bench-batch-N.out.PID.K,
 * one directory per run, all removed at the end (--out-dir puts them in
 * another directory: /dev/shm measures the batch without the disk's inode
 * allocator, see bench/meson.build). The paper is a village's: 主任 (1 of 2), 副主任 (1 of 2),
 * 委员 (3 of 5); every 97th village misses its quorum (a void round). */
#include "config.h"

#include "elect/elect.h"
#include "json-scan-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define VILLAGES_PER_TOWN 100

static const char *const chair[2] = { "王建国", "李明华" };
static const char *const vice[2] = { "张伟", "陈志强" };
static const char *const member[5] = { "刘秀英", "赵丽", "孙海涛", "周文斌", "吴晓燕" };

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static guint64
xorshift (guint64 *s)
{
  guint64 x = *s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *s = x;
}

/* ---- the files ---------------------------------------------------------------- */

static gboolean
write_village (const char *path, gint64 v, gint64 ballots, GString *s)
{
  guint64 seed = 0x9e3779b97f4a7c15ull ^ ((guint64) v * 0xbf58476d1ce4e5b9ull);
  if (seed == 0)
    seed = 1;
  gint64 electorate = v % 97 == 0 ? ballots * 5 / 2 : ballots + ballots / 4;
  g_string_truncate (s, 0);
  g_string_append_printf (s,
    "{\n  \"format\": \"libelect.election/1\",\n  \"profile\": \"village-committee\",\n"
    "  \"title\": \"第%" G_GINT64_FORMAT "村 村民委员会选举\",\n"
    "  \"electorate\": %" G_GINT64_FORMAT ",\n  \"ballots_issued\": %" G_GINT64_FORMAT ",\n"
    "  \"contests\": [\n"
    "    {\"id\": \"chair\", \"title\": \"主任\", \"seats\": 1, \"candidates\": [\"%s\", \"%s\"]},\n"
    "    {\"id\": \"vice\", \"title\": \"副主任\", \"seats\": 1, \"candidates\": [\"%s\", \"%s\"]},\n"
    "    {\"id\": \"member\", \"title\": \"委员\", \"seats\": 3, \"candidates\": [\"%s\", \"%s\", \"%s\", \"%s\", \"%s\"]}\n"
    "  ],\n  \"ballots\": [\n",
    v, electorate, ballots, chair[0], chair[1], vice[0], vice[1],
    member[0], member[1], member[2], member[3], member[4]);
  for (gint64 b = 0; b < ballots; b++)
    {
      guint64 r = xorshift (&seed);
      if (r % 100 == 0)
        g_string_append (s, "{\"spoiled\": true}");
      else
        {
          int perm[5] = { 0, 1, 2, 3, 4 };
          int k = (int) ((r >> 8) % 4);
          g_string_append_printf (s, "{\"chair\":[\"%s\"],\"vice\":[\"%s\"],\"member\":[",
                                  chair[(r >> 16) % 10 < 6 ? 0 : 1], vice[(r >> 20) % 10 < 7 ? 0 : 1]);
          for (int i = 0; i < k; i++)
            {
              int j = i + (int) ((r >> (24 + 4 * i)) % (guint64) (5 - i));
              int t = perm[i];
              perm[i] = perm[j];
              perm[j] = t;
              g_string_append_printf (s, "%s\"%s\"", i ? "," : "", member[perm[i]]);
            }
          g_string_append (s, "]}");
        }
      g_string_append (s, b + 1 < ballots ? ",\n" : "\n");
    }
  g_string_append (s, "  ]\n}\n");
  return g_file_set_contents (path, s->str, (gssize) s->len, NULL);
}

static gboolean
generate (const char *root, gint64 villages, gint64 ballots)
{
  g_autofree char *mark = g_build_filename (root, ".complete", NULL);
  if (g_file_test (mark, G_FILE_TEST_EXISTS))
    return TRUE;
  printf ("generating %" G_GINT64_FORMAT " villages of %" G_GINT64_FORMAT " ballots in %s ...\n",
          villages, ballots, root);
  fflush (stdout);
  GString *s = g_string_sized_new (ballots * 100 + 4096);
  for (gint64 v = 0; v < villages; v++)
    {
      char town[32], name[32];
      g_snprintf (town, sizeof town, "town-%03" G_GINT64_FORMAT, v / VILLAGES_PER_TOWN);
      g_snprintf (name, sizeof name, "village-%05" G_GINT64_FORMAT ".json", v);
      g_autofree char *dir = g_build_filename (root, town, NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_mkdir_with_parents (dir, 0755) != 0 || !write_village (path, v, ballots, s))
        {
          g_printerr ("cannot write %s: %s\n", path, g_strerror (errno));
          return FALSE;
        }
    }
  g_string_free (s, TRUE);
  return g_file_set_contents (mark, "", 0, NULL);
}

static void
list_files (const char *dir, GPtrArray *out)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        continue;
      char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        {
          list_files (p, out);
          g_free (p);
        }
      else
        g_ptr_array_add (out, p);
    }
  g_dir_close (d);
}

/* ---- the baselines (children) --------------------------------------------------- */

typedef struct {
  GPtrArray *files;
  gint next;
  gboolean scan;
  gint failed;
} Pass;

static gpointer
pass_worker (gpointer data)
{
  Pass *p = data;
  char *buf = g_malloc (1 << 20);
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&p->next, 1);
      if (i >= p->files->len)
        break;
      int fd = open (g_ptr_array_index (p->files, i), O_RDONLY);
      if (fd < 0)
        {
          g_atomic_int_set (&p->failed, 1);
          continue;
        }
      if (p->scan)
        {
          JScan s;
          js_init_fd (&s, fd);
          if (!(js_skip_value (&s, 0) && js_peek (&s) == -1))
            g_atomic_int_set (&p->failed, 1);
          js_clear (&s);
        }
      else
        while (read (fd, buf, 1 << 20) > 0)
          ;
      close (fd);
    }
  g_free (buf);
  return NULL;
}

static int
child_pass (const char *root, int jobs, gboolean scan)
{
  Pass p = { .files = g_ptr_array_new_with_free_func (g_free), .scan = scan };
  list_files (root, p.files);
  GThread **t = g_new (GThread *, jobs);
  for (int i = 0; i < jobs; i++)
    t[i] = g_thread_new ("pass", pass_worker, &p);
  for (int i = 0; i < jobs; i++)
    g_thread_join (t[i]);
  g_free (t);
  int failed = p.failed;
  g_ptr_array_unref (p.files);
  return failed ? 1 : 0;
}

/* ---- the parent ----------------------------------------------------------------- */

typedef struct {
  double wall, cpu;
  long maxrss_kb;
} Run;

static gboolean
run_child (char **argv, Run *out)
{
  double t0 = now ();
  pid_t pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      execv (argv[0], argv);
      _exit (127);
    }
  int status;
  struct rusage ru;
  if (wait4 (pid, &status, 0, &ru) != pid)
    return FALSE;
  out->wall = now () - t0;
  out->cpu = (double) ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6
           + (double) ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
  out->maxrss_kb = ru.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s exited with status %d\n", argv[0], WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  char *argv[] = { "rm", "-rf", (char *) path, NULL };
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
report (const char *what, const Run *r, gint64 ballots, int jobs)
{
  printf ("  %-34s %8.2f s  %7.2f M ballots/s  %6.2f M/s per core  CPU %4.2f cores  peak RSS %7.1f MB\n",
          what, r->wall, ballots / r->wall / 1e6, ballots / r->wall / 1e6 / jobs, r->cpu / r->wall,
          r->maxrss_kb / 1024.0);
}

int
main (int argc, char **argv)
{
  if (argc == 5 && strcmp (argv[1], "--child") == 0)
    return child_pass (argv[3], atoi (argv[4]), strcmp (argv[2], "scan") == 0);
  const char *dir = g_get_tmp_dir (), *out_dir = NULL, *batch = NULL;
  int jobs = 2, repeat = 1;
  gint64 ballots = 1000;
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--dir") == 0 && i + 1 < argc)
        dir = argv[++i];
      else if (strcmp (argv[i], "--out-dir") == 0 && i + 1 < argc)
        out_dir = argv[++i];
      else if (strcmp (argv[i], "--jobs") == 0 && i + 1 < argc)
        jobs = atoi (argv[++i]);
      else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        repeat = atoi (argv[++i]);
      else if (strcmp (argv[i], "--ballots") == 0 && i + 1 < argc)
        ballots = g_ascii_strtoll (argv[++i], NULL, 10);
      else if (!batch)
        batch = argv[i];
      else
        {
          gint64 n = g_ascii_strtoll (argv[i], NULL, 10);
          if (n <= 0)
            batch = NULL;
          g_array_append_val (sizes, n);
        }
    }
  if (!batch || jobs < 1 || repeat < 1 || ballots < 1)
    {
      g_printerr ("usage: bench-batch [--dir DIR] [--out-dir DIR] [--jobs J] [--repeat K] [--ballots B] ELECT_BATCH [N ...]\n");
      return 2;
    }
  if (sizes->len == 0)
    {
      gint64 d[] = { 50000, 5000 };
      g_array_append_vals (sizes, d, 2);
    }
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  GPtrArray *outs = g_ptr_array_new_with_free_func (g_free);
  char jobs_s[16];
  g_snprintf (jobs_s, sizeof jobs_s, "%d", jobs);

  printf ("elect-batch end to end (find, read, validate, tally, decide, write results and summary)\n"
          "with %d workers, best of %d; baselines with %d threads over the same files; %d processors\n",
          jobs, repeat, jobs, (int) g_get_num_processors ());
  for (guint i = 0; i < sizes->len; i++)
    {
      gint64 n = g_array_index (sizes, gint64, i);
      g_autofree char *name = ballots == 1000
        ? g_strdup_printf ("libelect-bench-batch-%" G_GINT64_FORMAT, n)
        : g_strdup_printf ("libelect-bench-batch-%" G_GINT64_FORMAT "x%" G_GINT64_FORMAT, n, ballots);
      g_autofree char *root = g_build_filename (dir, name, NULL);
      g_autofree char *summary = g_strconcat (root, ".summary.json", NULL);
      if (!generate (root, n, ballots))
        return 1;
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      list_files (root, files);
      gint64 bytes = 0;
      for (guint f = 0; f < files->len; f++)
        {
          struct stat st;
          if (stat (g_ptr_array_index (files, f), &st) == 0)
            bytes += st.st_size;
        }
      gint64 total = n * ballots;

      Run best_batch = { 1e300, 0, 0 }, best_read = { 1e300, 0, 0 }, best_scan = { 1e300, 0, 0 };
      for (int k = 0; k < repeat; k++)
        {
          Run r;
          char *rargv[] = { self, "--child", "read", root, jobs_s, NULL };
          if (!run_child (rargv, &r))
            return 1;
          if (r.wall < best_read.wall)
            best_read = r;
          char *sargv[] = { self, "--child", "scan", root, jobs_s, NULL };
          if (!run_child (sargv, &r))
            return 1;
          if (r.wall < best_scan.wall)
            best_scan = r;
          /* A new output directory for every run, removed only at the end:
           * ext4 allocates inodes slowly next to many recently deleted ones
           * (recently_deleted() in the inode allocator), which a removal
           * right before the run would measure instead of the batch. */
          g_autofree char *base = g_path_get_basename (root);
          g_autofree char *out = out_dir
            ? g_strdup_printf ("%s/%s.out.%d.%d", out_dir, base, (int) getpid (), k)
            : g_strdup_printf ("%s.out.%d.%d", root, (int) getpid (), k);
          g_ptr_array_add (outs, g_strdup (out));
          char *bargv[] = { (char *) batch, "--jobs", jobs_s, "--output-dir", out, "--summary", summary,
                            root, NULL };
          if (!run_child (bargv, &r))
            return 1;
          if (r.wall < best_batch.wall)
            best_batch = r;
        }
      /* The summary's totals must hold every ballot. */
      g_autofree char *text = NULL;
      g_autofree char *want = g_strdup_printf ("\"ballots\": %" G_GINT64_FORMAT ",", total);
      if (!g_file_get_contents (summary, &text, NULL, NULL) || !strstr (text, want))
        {
          g_printerr ("the summary %s does not count %" G_GINT64_FORMAT " ballots\n", summary, total);
          return 1;
        }
      printf ("\n%" G_GINT64_FORMAT " villages x %" G_GINT64_FORMAT " ballots = %.1f M ballots, %.0f MB (%s)\n",
              n, ballots, total / 1e6, bytes / 1e6, root);
      report ("elect-batch end to end:", &best_batch, total, jobs);
      report ("baseline: read every file (cat):", &best_read, total, jobs);
      report ("baseline: parse only (own scanner):", &best_scan, total, jobs);
      printf ("  ratio end to end / read: %.2f (time); end to end / parse-only: %.2f (time)\n",
              best_batch.wall / best_read.wall, best_batch.wall / best_scan.wall);
      printf ("  target >= 5 M ballots/s per core: %s\n",
              total / best_batch.wall / 1e6 / jobs >= 5.0 ? "met" : "NOT met");
    }
  for (guint i = 0; i < outs->len; i++)
    remove_tree (g_ptr_array_index (outs, i));
  g_ptr_array_unref (outs);
  g_array_free (sizes, TRUE);
  return 0;
}
