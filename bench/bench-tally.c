/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-tally: the bulk mask path of the tally, elect_tally_add_masks(), on
 * N ballots of one contest (default: 100,000,000 ballots, 15 candidates,
 * 7 seats; each mask has at most `seats` marks, drawn before timing with a
 * fixed seed), next to the machine's single-core read bandwidth measured in
 * the same run: a plain sum (uint64 add) over the same array, taken just
 * before and just after the tally (the faster counts). The sum is
 * returned from a function the compiler cannot inline, printed and checked,
 * so it cannot be optimised away. Each run prints ballots/s, GB/s of masks
 * read, the baseline's GB/s and the ratio (and, for reference, the same
 * for the portable kernel that CPUs without AVX2 run); the counts are
 * checked against totals made while generating (exit 1 on a mismatch).
 * Goal: ratio >= 0.5.
 *
 *   bench-tally [--repeat K] [--candidates C] [--seats S] [N]
 *   meson test -C BUILD --benchmark bench-tally --verbose
 *
 * Measure on a release build (meson setup BUILD --buildtype=release). */
#include "config.h"

#include "elect/elect.h"
#include "tally-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *
kernel_name (ElectBulkKernel k)
{
  return k == ELECT_BULK_AVX512 ? "avx512" : k == ELECT_BULK_AVX2 ? "avx2" : "portable";
}

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

/* The baseline: one uint64 add per ballot, four independent sums so the
 * loop is bound by memory, not by the add latency. */
static __attribute__ ((noinline)) guint64
plain_sum (const guint64 *a, gsize n)
{
  guint64 s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  gsize i = 0;
  for (; i + 4 <= n; i += 4)
    {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
  for (; i < n; i++)
    s0 += a[i];
  return s0 + s1 + s2 + s3;
}

static volatile guint64 sink;

int
main (int argc, char **argv)
{
  guint repeat = 3, ncand = 15;
  gint64 seats = 7;
  gsize n = 100000000;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        repeat = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--candidates") == 0 && i + 1 < argc)
        ncand = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--seats") == 0 && i + 1 < argc)
        seats = atoi (argv[++i]);
      else
        n = (gsize) g_ascii_strtoull (argv[i], NULL, 10);
    }
  if (ncand < 1 || ncand > 64 || seats < 1 || repeat < 1)
    {
      fprintf (stderr, "usage: bench-tally [--repeat K] [--candidates 1..64] [--seats S] [N]\n");
      return 2;
    }

  GError *error = NULL;
  ElectRules *rules = elect_rules_load ("village-committee", &error);
  if (!rules)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  ElectPaper *paper = elect_paper_new (FALSE);
  if (elect_paper_add_contest (paper, "member", "委员", seats, &error) < 0)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint k = 0; k < ncand; k++)
    {
      char name[32];
      snprintf (name, sizeof name, "候选人%u", k);
      if (elect_paper_add_candidate (paper, 0, name, ELECT_SEX_UNKNOWN, &error) < 0)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }

  /* The ballots, and their totals for the check. */
  double t0 = now ();
  guint64 *masks = g_new (guint64, n);
  gint64 want[64] = { 0 };
  gint64 want_zero = 0;
  guint64 s = 0x9e3779b97f4a7c15ull;
  gint64 maxk = MIN (seats, (gint64) ncand);
  for (gsize i = 0; i < n; i++)
    {
      guint64 r = xorshift (&s);
      guint k = (guint) (r % (guint64) (maxk + 1));
      guint64 m = 0;
      for (guint j = 0; j < k; j++)
        m |= G_GUINT64_CONSTANT (1) << (xorshift (&s) % ncand);
      masks[i] = m;
      want_zero += m == 0;
    }
  for (gsize i = 0; i < n; i++)
    for (guint64 m = masks[i]; m; m &= m - 1)
      want[__builtin_ctzll (m)]++;
  guint64 want_sum = 0;
  for (gsize i = 0; i < n; i++)
    want_sum += masks[i];
  printf ("bench-tally: %" G_GSIZE_FORMAT " ballots, %u candidates, %lld seats, %.0f MB of masks "
          "(generated in %.1f s); kernel: %s\n", n, ncand, (long long) seats, n * 8.0 / 1e6,
          now () - t0, kernel_name (elect_bulk_kernel_best ()));

  int status = 0;
  double best_tally = 1e30, best_sum = 1e30;
  for (guint run = 1; run <= repeat; run++)
    {
      double a = now ();
      guint64 sum = plain_sum (masks, n);
      double t_sum = now () - a;
      sink = sum;
      if (sum != want_sum)
        {
          fprintf (stderr, "plain sum: %" G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT "\n",
                   sum, want_sum);
          status = 1;
        }

      ElectTally *t = elect_tally_new (rules, paper, &error);
      a = now ();
      gboolean ok = elect_tally_add_masks (t, 0, masks, n, &error);
      double t_tally = now () - a;
      if (!ok)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      if (elect_tally_get_ballots_returned (t) != (gint64) n
          || elect_tally_get_ballots_valid (t) != (gint64) n
          || elect_tally_get_abstentions (t, 0) != want_zero)
        {
          fprintf (stderr, "run %u: wrong ballot totals\n", run);
          status = 1;
        }
      for (guint k = 0; k < ncand; k++)
        if (elect_tally_get_votes (t, 0, k) != want[k])
          {
            fprintf (stderr, "run %u: candidate %u: %lld votes, expected %lld\n", run, k,
                     (long long) elect_tally_get_votes (t, 0, k), (long long) want[k]);
            status = 1;
          }
      elect_tally_unref (t);

      /* the portable kernel, for reference (the bulk path before AVX2) */
      t = elect_tally_new (rules, paper, &error);
      a = now ();
      elect_tally_add_masks_kernel (t, 0, masks, n, ELECT_BULK_SCALAR, &error);
      double t_scalar = now () - a;
      for (guint k = 0; k < ncand; k++)
        if (elect_tally_get_votes (t, 0, k) != want[k])
          {
            fprintf (stderr, "run %u: scalar kernel: candidate %u: wrong votes\n", run, k);
            status = 1;
          }
      elect_tally_unref (t);

      /* the AVX2 kernel, for reference, where a faster one is the default */
      double t_avx2 = 0;
      if (elect_bulk_kernel_best () != ELECT_BULK_AVX2
          && elect_bulk_kernel_available (ELECT_BULK_AVX2))
        {
          t = elect_tally_new (rules, paper, &error);
          a = now ();
          elect_tally_add_masks_kernel (t, 0, masks, n, ELECT_BULK_AVX2, &error);
          t_avx2 = now () - a;
          for (guint k = 0; k < ncand; k++)
            if (elect_tally_get_votes (t, 0, k) != want[k])
              {
                fprintf (stderr, "run %u: avx2 kernel: candidate %u: wrong votes\n", run, k);
                status = 1;
              }
          elect_tally_unref (t);
        }

      /* the bandwidth again after the tally: the faster of the two sums is
       * this run's baseline (a conservative ratio on a busy machine) */
      a = now ();
      sum = plain_sum (masks, n);
      t_sum = MIN (t_sum, now () - a);
      sink = sum;

      double gbs_tally = n * 8.0 / t_tally / 1e9, gbs_sum = n * 8.0 / t_sum / 1e9;
      printf ("run %u: tally %.3f s, %.0f ballots/s, %.2f GB/s; plain sum %.3f s, %.2f GB/s; "
              "ratio %.2f (portable kernel: %.0f ballots/s, ratio %.2f", run, t_tally,
              n / t_tally, gbs_tally, t_sum, gbs_sum, gbs_tally / gbs_sum, n / t_scalar,
              t_sum / t_scalar);
      if (t_avx2 > 0)
        printf ("; avx2 kernel: %.0f ballots/s, ratio %.2f", n / t_avx2, t_sum / t_avx2);
      printf (")\n");
      best_tally = MIN (best_tally, t_tally);
      best_sum = MIN (best_sum, t_sum);
    }
  printf ("best: tally %.0f ballots/s, %.2f GB/s; plain sum %.2f GB/s; ratio %.2f (goal >= 0.50)\n",
          n / best_tally, n * 8.0 / best_tally / 1e9, n * 8.0 / best_sum / 1e9, best_sum / best_tally);

  g_free (masks);
  elect_paper_unref (paper);
  elect_rules_unref (rules);
  return status;
}
