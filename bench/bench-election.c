/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-election: the election-file path end to end (parse, validate,
 * tally, decide: elect_election_read_file() + elect_election_count()) on
 * generated files of N ballots (one contest "member" of 7 seats, 20
 * candidates, 0–7 distinct marks per ballot, deterministic), next to
 * parse-only passes over the same file measured in the same run: libelect's
 * own streaming scanner (js_skip_value(), no tally) and, when built with
 * yajl, a yajl_parse() loop with empty callbacks. Each measurement runs in
 * a fresh child process so its peak RSS (getrusage ru_maxrss via wait4) is
 * its own; the best of --repeat runs is reported.
 *
 *   bench-election [--dir DIR] [--repeat K] [N ...]     (default N: 1000000 10000000)
 *
 * The files (about 57 bytes per ballot) are written once to DIR (default
 * $TMPDIR or /tmp) and kept for later runs. */
#include "config.h"

#include "elect/elect.h"
#include "elect/elect-election.h"
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

#ifdef HAVE_YAJL
#include <yajl/yajl_parse.h>
#endif

static const char *const names[20] = {
  "王建国", "李明华", "张伟", "陈志强", "刘秀英", "赵丽", "孙海涛", "周文斌", "吴晓燕", "郑国庆",
  "冯建平", "黄志明", "何丽娟", "林德胜", "马文华", "石磊", "许文", "邓海燕", "曹立新", "彭丽",
};

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

static int
generate (const char *path, gint64 n)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  FILE *f = fopen (tmp, "w");
  if (!f)
    {
      g_printerr ("cannot write %s: %s\n", tmp, g_strerror (errno));
      return 1;
    }
  setvbuf (f, NULL, _IOFBF, 1 << 20);
  fprintf (f, "{\n  \"format\": \"libelect.election/1\",\n  \"profile\": \"village-committee\",\n"
              "  \"electorate\": %" G_GINT64_FORMAT ",\n  \"ballots_issued\": %" G_GINT64_FORMAT ",\n"
              "  \"contests\": [{\"id\": \"member\", \"title\": \"委员\", \"seats\": 7, \"candidates\": [",
           n + n / 4, n);
  for (int i = 0; i < 20; i++)
    fprintf (f, "%s\"%s\"", i ? ", " : "", names[i]);
  fprintf (f, "]}],\n  \"ballots\": [\n");
  guint64 s = 0x9e3779b97f4a7c15ull;
  for (gint64 b = 0; b < n; b++)
    {
      int perm[20];
      for (int i = 0; i < 20; i++)
        perm[i] = i;
      int k = (int) (xorshift (&s) % 8);
      fputs ("{\"member\":[", f);
      for (int i = 0; i < k; i++)
        {
          int j = i + (int) (xorshift (&s) % (guint64) (20 - i));
          int t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
          fprintf (f, "%s\"%s\"", i ? "," : "", names[perm[i]]);
        }
      fputs (b + 1 < n ? "]},\n" : "]}\n", f);
    }
  fputs ("  ]\n}\n", f);
  if (fclose (f) != 0 || rename (tmp, path) != 0)
    {
      g_printerr ("cannot write %s: %s\n", path, g_strerror (errno));
      return 1;
    }
  return 0;
}

/* ---- children: one measurement each, prints "SECONDS BALLOTS" ----------- */

static int
child_count (const char *path)
{
  double t0 = now ();
  GError *error = NULL;
  ElectElection *el = elect_election_read_file (path, &error);
  if (!el)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ElectOutcome *o = elect_election_count (el, &error);
  if (!o)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  double t = now () - t0;
  printf ("%.6f %" G_GINT64_FORMAT " %s\n", t, elect_election_get_n_ballots (el),
          elect_outcome_get_elected (o, 0)[0] ? elect_outcome_get_elected (o, 0)[0] : "-");
  elect_outcome_unref (o);
  elect_election_unref (el);
  return 0;
}

static int
child_scan (const char *path)
{
  double t0 = now ();
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    return 1;
  JScan s;
  js_init_fd (&s, fd);
  gboolean ok = js_skip_value (&s, 0) && js_peek (&s) == -1;
  if (!ok)
    {
      GError *e = js_error_take (&s, path, NULL);
      g_printerr ("%s\n", e->message);
      return 1;
    }
  js_clear (&s);
  close (fd);
  printf ("%.6f 0 -\n", now () - t0);
  return 0;
}

#ifdef HAVE_YAJL
static int cb_null (void *ctx) { (void) ctx; return 1; }
static int cb_bool (void *ctx, int b) { (void) ctx; (void) b; return 1; }
static int cb_num (void *ctx, const char *s, size_t l) { (void) ctx; (void) s; (void) l; return 1; }
static int cb_str (void *ctx, const unsigned char *s, size_t l) { (void) ctx; (void) s; (void) l; return 1; }
static int cb_map_key (void *ctx, const unsigned char *s, size_t l) { (void) ctx; (void) s; (void) l; return 1; }

static int
child_yajl (const char *path)
{
  static const yajl_callbacks cbs = {
    cb_null, cb_bool, NULL, NULL, cb_num, cb_str, cb_null, cb_map_key, cb_null, cb_null, cb_null,
  };
  double t0 = now ();
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    return 1;
  yajl_handle h = yajl_alloc (&cbs, NULL, NULL);
  static unsigned char buf[1 << 20];
  ssize_t got;
  while ((got = read (fd, buf, sizeof buf)) > 0)
    if (yajl_parse (h, buf, (size_t) got) != yajl_status_ok)
      return 1;
  if (yajl_complete_parse (h) != yajl_status_ok)
    return 1;
  yajl_free (h);
  close (fd);
  printf ("%.6f 0 -\n", now () - t0);
  return 0;
}
#endif

/* ---- the parent ------------------------------------------------------------ */

typedef struct {
  double seconds;
  long maxrss_kb;
  gint64 ballots;
} Run;

static gboolean
run_child (const char *self, const char *mode, const char *path, Run *out)
{
  int pipefd[2];
  if (pipe (pipefd) != 0)
    return FALSE;
  pid_t pid = fork ();
  if (pid == 0)
    {
      dup2 (pipefd[1], 1);
      close (pipefd[0]);
      close (pipefd[1]);
      execl (self, self, "--child", mode, path, (char *) NULL);
      _exit (127);
    }
  close (pipefd[1]);
  char line[256] = { 0 };
  ssize_t n = read (pipefd[0], line, sizeof line - 1);
  close (pipefd[0]);
  int status;
  struct rusage ru;
  if (wait4 (pid, &status, 0, &ru) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || n <= 0)
    return FALSE;
  out->seconds = g_ascii_strtod (line, NULL);
  out->ballots = g_ascii_strtoll (strchr (line, ' ') + 1, NULL, 10);
  out->maxrss_kb = ru.ru_maxrss;
  return TRUE;
}

static gboolean
best_of (const char *self, const char *mode, const char *path, int repeat, Run *best)
{
  memset (best, 0, sizeof *best);
  best->seconds = 1e300;
  for (int i = 0; i < repeat; i++)
    {
      Run r;
      if (!run_child (self, mode, path, &r))
        return FALSE;
      if (r.seconds < best->seconds)
        *best = r;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    {
      if (strcmp (argv[2], "count") == 0)
        return child_count (argv[3]);
      if (strcmp (argv[2], "scan") == 0)
        return child_scan (argv[3]);
#ifdef HAVE_YAJL
      if (strcmp (argv[2], "yajl") == 0)
        return child_yajl (argv[3]);
#endif
      return 2;
    }
  const char *dir = g_get_tmp_dir ();
  int repeat = 3;
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--dir") == 0 && i + 1 < argc)
        dir = argv[++i];
      else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        repeat = atoi (argv[++i]);
      else
        {
          gint64 n = g_ascii_strtoll (argv[i], NULL, 10);
          if (n <= 0)
            {
              g_printerr ("usage: bench-election [--dir DIR] [--repeat K] [N ...]\n");
              return 2;
            }
          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      gint64 d[] = { 1000000, 10000000 };
      g_array_append_vals (sizes, d, 2);
    }
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  printf ("election file path (parse, validate, tally, decide), best of %d; peak RSS per process\n", repeat);
  for (guint i = 0; i < sizes->len; i++)
    {
      gint64 n = g_array_index (sizes, gint64, i);
      g_autofree char *name = g_strdup_printf ("libelect-bench-election-%" G_GINT64_FORMAT ".json", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st;
      if (stat (path, &st) != 0)
        {
          printf ("generating %s ...\n", path);
          fflush (stdout);
          if (generate (path, n) != 0 || stat (path, &st) != 0)
            return 1;
        }
      Run count = { 0 }, scan = { 0 };
      if (!best_of (self, "count", path, repeat, &count) || count.ballots != n)
        {
          g_printerr ("the count of %s failed\n", path);
          return 1;
        }
      if (!best_of (self, "scan", path, repeat, &scan))
        {
          g_printerr ("the scan of %s failed\n", path);
          return 1;
        }
      double mb = (double) st.st_size / 1e6;
      printf ("\n%" G_GINT64_FORMAT " ballots, %.1f MB (%s)\n", n, mb, path);
      printf ("  end to end (elect_election_read_file + count): %7.3f s  %6.2f M ballots/s  %6.0f MB/s  peak RSS %6.1f MB\n",
              count.seconds, (double) n / count.seconds / 1e6, mb / count.seconds, count.maxrss_kb / 1024.0);
      printf ("  parse only, libelect scanner:                   %7.3f s  %6.2f M ballots/s  %6.0f MB/s  peak RSS %6.1f MB\n",
              scan.seconds, (double) n / scan.seconds / 1e6, mb / scan.seconds, scan.maxrss_kb / 1024.0);
#ifdef HAVE_YAJL
      Run yajl = { 0 };
      if (best_of (self, "yajl", path, repeat, &yajl))
        {
          printf ("  parse only, yajl_parse (empty callbacks):       %7.3f s  %6.2f M ballots/s  %6.0f MB/s  peak RSS %6.1f MB\n",
                  yajl.seconds, (double) n / yajl.seconds / 1e6, mb / yajl.seconds, yajl.maxrss_kb / 1024.0);
          printf ("  ratio end to end / yajl parse-only: %.2f (time), %.2f (throughput)\n",
                  count.seconds / yajl.seconds, yajl.seconds / count.seconds);
        }
#endif
      printf ("  ratio end to end / own scanner parse-only: %.2f (time), %.2f (throughput)\n",
              count.seconds / scan.seconds, scan.seconds / count.seconds);
      printf ("  target: >= 10 M ballots/s end to end: %s; peak RSS < 64 MB: %s\n",
              (double) n / count.seconds >= 10e6 ? "met" : "NOT met",
              count.maxrss_kb < 64 * 1024 ? "met" : "NOT met");
    }
  g_array_free (sizes, TRUE);
  return 0;
}
