/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-dedup: double registrations across the rolls of a province
 * (RULES.md §4.2, VCL 13). Generates N registrations (default 50 million)
 * in villages of 1,000, 1 % of them the same person registered again in a
 * second village; finds them with ElectDedup on T threads; then runs the
 * baseline, `LC_ALL=C sort -u` over the same ID numbers written one a line
 * to a temporary file, and prints both with their ratio.
 *
 *   bench-dedup [--threads T] [--no-baseline] [N]
 *
 * Targets (issue 4): 50 M in < 60 s and < 2 GiB peak RSS on 2 cores. The
 * exit status is 1 when the result is wrong (duplicates or distinct count
 * differ from what was planted, or from sort -u) or, at N >= 50 M, when a
 * target is missed. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "elect/elect.h"

#define DAYS 29220u      /* 80 years of birth dates from 1940-01-01 */
#define N_REGIONS 100u
#define VILLAGE 1000u

static char (*dates)[9];
static char regions[N_REGIONS][7];

static void
init_tables (void)
{
  GDate d;
  dates = g_malloc (DAYS * sizeof *dates);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 1, 1940);
  for (guint i = 0; i < DAYS; i++)
    {
      g_snprintf (dates[i], 9, "%04u%02u%02u", g_date_get_year (&d), g_date_get_month (&d),
                  g_date_get_day (&d));
      g_date_add_days (&d, 1);
    }
  for (guint r = 0; r < N_REGIONS; r++)
    g_snprintf (regions[r], 7, "33%02u%02u", 1 + r / 10, 1 + r % 10);
}

/* The k-th distinct person's ID number (unique for k < 2.9e9). */
static void
fresh_id (guint64 k, char id[19])
{
  guint64 r = k / N_REGIONS;
  memcpy (id, regions[k % N_REGIONS], 6);
  memcpy (id + 6, dates[r % DAYS], 8);
  id[14] = (char) ('0' + (r / DAYS) / 100 % 10);
  id[15] = (char) ('0' + (r / DAYS) / 10 % 10);
  id[16] = (char) ('0' + (r / DAYS) % 10);
  id[17] = elect_id_number_check_character (id);
  id[18] = '\0';
}

/* Registration i: every 100th (i % 100 == 99) repeats registration i - 50
 * in the next village. */
static void
registration (guint64 i, guint64 n_places, char id[19], guint32 *place)
{
  if (i % 100 == 99)
    {
      guint64 j = i - 50;
      fresh_id (j - (j + 1) / 100, id);
      *place = (guint32) ((j / VILLAGE + 1) % n_places);
    }
  else
    {
      fresh_id (i - (i + 1) / 100, id);
      *place = (guint32) (i / VILLAGE);
    }
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
maxrss_mib (int who)
{
  struct rusage ru;
  getrusage (who, &ru);
  return ru.ru_maxrss / 1024.0;
}

int
main (int argc, char **argv)
{
  gint threads = 2;
  gboolean no_baseline = FALSE;
  GOptionEntry entries[] = {
    { "threads", 't', 0, G_OPTION_ARG_INT, &threads, "Threads for the grouping (default 2)", "T" },
    { "no-baseline", 0, 0, G_OPTION_ARG_NONE, &no_baseline, "Skip sort -u", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[N] — double registrations benchmark");
  g_autoptr (GError) error = NULL;
  guint64 n = 50000000, n_places, planted, found, distinct;
  double t0, t_add, t_run, rss;
  gboolean ok = TRUE;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 1)
    n = g_ascii_strtoull (argv[1], NULL, 10);
  if (n < 10000)
    n = 10000;
  n_places = (n + VILLAGE - 1) / VILLAGE;
  planted = n / 100;
  init_tables ();

  g_print ("bench-dedup: %" G_GUINT64_FORMAT " registrations in %" G_GUINT64_FORMAT
           " villages, %" G_GUINT64_FORMAT " planted double registrations, %d thread(s)\n",
           n, n_places, planted, threads);

  {
    g_autoptr (ElectDedup) d = elect_dedup_new ();
    char id[19];
    guint32 place;

    elect_dedup_reserve (d, n);
    for (guint64 p = 0; p < n_places; p++)
      {
        char name[32];
        g_snprintf (name, sizeof name, "village-%" G_GUINT64_FORMAT, p);
        elect_dedup_add_place (d, name);
      }
    t0 = now ();
    for (guint64 i = 0; i < n; i++)
      {
        registration (i, n_places, id, &place);
        if (!elect_dedup_add (d, place, id, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
      }
    t_add = now () - t0;
    t0 = now ();
    found = elect_dedup_run (d, (guint) threads, NULL, NULL);
    t_run = now () - t0;
    distinct = elect_dedup_get_n_distinct (d);
    rss = maxrss_mib (RUSAGE_SELF);
  }

  g_print ("  generate + validate + pack (ID strings -> 64-bit keys): %7.2f s\n", t_add);
  g_print ("  group (radix, %d threads):                              %7.2f s\n", threads, t_run);
  g_print ("  libelect total:                                         %7.2f s\n", t_add + t_run);
  g_print ("  peak RSS:                                               %7.0f MiB\n", rss);
  g_print ("  found %" G_GUINT64_FORMAT " IDs in two places, %" G_GUINT64_FORMAT " distinct IDs\n",
           found, distinct);
  if (found != planted || distinct != n - planted)
    {
      g_print ("  WRONG: expected %" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT "\n", planted,
               n - planted);
      ok = FALSE;
    }
  if (n >= 50000000 && (t_add + t_run >= 60.0 || rss >= 2048.0))
    {
      g_print ("  TARGET MISSED (< 60 s and < 2 GiB)\n");
      ok = FALSE;
    }

  if (!no_baseline)
    {
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int fd = g_file_open_tmp ("bench-dedup-XXXXXX.txt", &path, &error);
      FILE *f;
      char id[19];
      guint32 place;
      double t_write, t_sort;
      gint status;
      guint64 lines;

      if (fd < 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      f = fdopen (fd, "w");
      t0 = now ();
      for (guint64 i = 0; i < n; i++)
        {
          registration (i, n_places, id, &place);
          id[18] = '\n';
          fwrite (id, 1, 19, f);
        }
      if (fclose (f) != 0)
        {
          g_printerr ("write %s: %s\n", path, g_strerror (errno));
          return 1;
        }
      t_write = now () - t0;
      {
        g_autofree char *cmd = g_strdup_printf (
          "LC_ALL=C sort -u -S 1G --parallel=2 -T %s '%s' | wc -l", g_get_tmp_dir (), path);
        const char *sh[] = { "/bin/sh", "-c", cmd, NULL };
        t0 = now ();
        if (!g_spawn_sync (NULL, (char **) sh, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                           &status, &error))
          {
            g_printerr ("%s\n", error->message);
            unlink (path);
            return 1;
          }
        t_sort = now () - t0;
      }
      unlink (path);
      lines = g_ascii_strtoull (out, NULL, 10);
      g_print ("baseline: LC_ALL=C sort -u -S 1G --parallel=2 on the same %" G_GUINT64_FORMAT
               " IDs (file written in %.2f s, not counted)\n", n, t_write);
      g_print ("  sort -u:                                                %7.2f s, %" G_GUINT64_FORMAT
               " distinct lines, peak RSS of children %.0f MiB\n",
               t_sort, lines, maxrss_mib (RUSAGE_CHILDREN));
      g_print ("  ratio sort -u / libelect total:                         %7.2f x\n",
               t_sort / (t_add + t_run));
      g_print ("  ratio sort -u / libelect grouping only:                 %7.2f x\n",
               t_sort / t_run);
      if (lines != distinct)
        {
          g_print ("  WRONG: sort -u found %" G_GUINT64_FORMAT " distinct, libelect %" G_GUINT64_FORMAT "\n",
                   lines, distinct);
          ok = FALSE;
        }
    }
  g_print ("%s\n", ok ? "PASS" : "FAIL");
  g_free (dates);
  return ok ? 0 : 1;
}
