/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The tally of one round (lib/tally.c): votes per candidate, write-ins,
 * abstentions, valid and invalid ballots and defect counters from ballots
 * (RULES.md §5.2, §6.2); the 64-bit mask bulk path, which must give exactly
 * the tally of the per-ballot path (a property test over random ballots
 * with a fixed seed, 0 to 64 candidates, both over-vote policies); merging
 * boxes; tally sheets (§6.9); the stable defect codes and their reasons;
 * and a round with more ballots returned than issued (§6.1). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ballot-helpers.h"

/* The bulk kernels (each checked where the CPU runs it). */
static const ElectBulkKernel KERNELS[] = { ELECT_BULK_SCALAR, ELECT_BULK_AVX2, ELECT_BULK_AVX512 };

/* Asserts that two tallies of the same paper hold the same counts. */
static void
assert_same_tally (const ElectTally *a, const ElectTally *b)
{
  const ElectPaper *p = elect_tally_get_paper (a);
  assert_ptr_equal (p, elect_tally_get_paper (b));
  assert_int_equal (elect_tally_get_ballots_returned (a), elect_tally_get_ballots_returned (b));
  assert_int_equal (elect_tally_get_ballots_valid (a), elect_tally_get_ballots_valid (b));
  assert_int_equal (elect_tally_get_ballots_invalid (a), elect_tally_get_ballots_invalid (b));
  for (guint c = 0; c < elect_paper_get_n_contests (p); c++)
    {
      for (guint k = 0; k < elect_paper_get_n_candidates (p, c); k++)
        {
          if (elect_tally_get_votes (a, c, k) != elect_tally_get_votes (b, c, k))
            fail_msg ("contest %u candidate %u: %lld != %lld votes", c, k,
                      (long long) elect_tally_get_votes (a, c, k),
                      (long long) elect_tally_get_votes (b, c, k));
          assert_int_equal (elect_tally_get_votes_against (a, c, k),
                            elect_tally_get_votes_against (b, c, k));
        }
      assert_int_equal (elect_tally_get_abstentions (a, c), elect_tally_get_abstentions (b, c));
      assert_int_equal (elect_tally_get_contest_void (a, c), elect_tally_get_contest_void (b, c));
      assert_int_equal (elect_tally_get_n_write_ins (a, c), elect_tally_get_n_write_ins (b, c));
      for (guint i = 0; i < elect_tally_get_n_write_ins (a, c); i++)
        {
          assert_string_equal (elect_tally_get_write_in_name (a, c, i),
                               elect_tally_get_write_in_name (b, c, i));
          assert_int_equal (elect_tally_get_write_in_votes (a, c, i),
                            elect_tally_get_write_in_votes (b, c, i));
        }
    }
  for (const char *const *code = elect_tally_list_defect_codes (); *code; code++)
    if (elect_tally_get_defect_count (a, *code) != elect_tally_get_defect_count (b, *code))
      fail_msg ("defect %s: %lld != %lld", *code,
                (long long) elect_tally_get_defect_count (a, *code),
                (long long) elect_tally_get_defect_count (b, *code));
}

/* ---- totals from ballots ----------------------------------------------------- */

/* RULES §5.2 and §6.2 (VCL 15, BJ 28): per candidate votes, write-ins,
 * abstentions per contest (a missing contest, an empty one, one with only
 * void marks), valid and invalid ballots (returned = valid + invalid). */
static void
test_tally_totals_vcl15_bj28 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:3:陈五,刘六,赵七,孙八");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  assert_ptr_equal (elect_tally_get_paper (t), p);
  assert_ptr_equal (elect_tally_get_rules (t), r);
  assert_false (elect_tally_is_sheet (t));
  tb_assert_ballots (t, 0, 0, 0);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "chair=王一;member=陈五,刘六,赵七", 40);
  tb_add (t, b, "chair=李二;member=陈五,孙八", 25);
  tb_add (t, b, "chair=王一", 7);                        /* no member marks */
  tb_add (t, b, "chair=;member=", 3);                    /* empty everywhere */
  tb_add (t, b, "member=刘六,>　", 2);                   /* a blank write-in */
  tb_add (t, b, "member=>　", 1);                        /* only a void mark */
  tb_add (t, b, "chair=王一;member=陈五,钱多多", 4);      /* an unverified write-in */
  tb_add (t, b, "chair=王一,李二;member=陈五", 5);        /* over-vote */
  tb_add (t, b, "!", 6);                                 /* 废票 */
  tb_assert_ballots (t, 93, 82, 11);
  tb_assert_defects (t, "overvote=5,unreadable=6,write-in-blank=3,write-in-unverified=4");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 51);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 25);
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 69);
  assert_int_equal (elect_tally_get_votes (t, 1, 1), 42);
  assert_int_equal (elect_tally_get_votes (t, 1, 2), 40);
  assert_int_equal (elect_tally_get_votes (t, 1, 3), 25);
  assert_int_equal (tb_wi_votes (t, 1, "钱多多"), 4);
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 0);
  /* valid 82: chair marked on 40 + 25 + 7 + 4 */
  assert_int_equal (elect_tally_get_abstentions (t, 0), 82 - 76);
  /* member marked on 40 + 25 + 2 + 4 */
  assert_int_equal (elect_tally_get_abstentions (t, 1), 82 - 71);
  for (guint c = 0; c < 2; c++)
    assert_int_equal (elect_tally_get_contest_void (t, c), 0);
  /* the Party-only counter is 0 elsewhere */
  assert_int_equal (elect_tally_get_votes_against (t, 0, 0), 0);
}

/* RULES §5.2: written-in names are kept per contest by normalised name
 * (§1.7), sorted in byte order, with their votes and known sex. */
static void
test_tally_write_in_table (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一/m|member:5:陈五/f");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  const char *eligible[] = { "王一", "陈五", "赵丽", "Wang", "周文" };
  const ElectSex sexes[] = { ELECT_SEX_MALE, ELECT_SEX_FEMALE, ELECT_SEX_FEMALE,
                             ELECT_SEX_MALE, ELECT_SEX_UNKNOWN };
  assert_true (elect_tally_set_eligible (t, eligible, sexes, 5, NULL));
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=赵丽,Ｗａｎｇ　,周文,王一", 2);
  tb_add (t, b, "member=　赵丽,Wang", 1);
  tb_assert_ballots (t, 3, 3, 0);
  tb_assert_defects (t, "write-in-other-post=2");
  assert_int_equal (elect_tally_get_n_write_ins (t, 1), 4);
  static const struct { const char *name; gint64 votes; ElectSex sex; } want[] = {
    { "Wang", 3, ELECT_SEX_MALE }, { "周文", 2, ELECT_SEX_UNKNOWN },
    { "王一", 2, ELECT_SEX_MALE }, { "赵丽", 3, ELECT_SEX_FEMALE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      assert_string_equal (elect_tally_get_write_in_name (t, 1, i), want[i].name);
      assert_int_equal (elect_tally_get_write_in_votes (t, 1, i), want[i].votes);
      assert_int_equal (elect_tally_get_write_in_sex (t, 1, i), want[i].sex);
    }
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 0);
  assert_int_equal (elect_tally_get_overlap_votes (t, 1, "nobody", -1), 0);
  assert_int_equal (elect_tally_get_overlap_votes (t, 1, "\xff", -1), 0);
}

/* RULES §5.2: the list of eligible persons is given before the ballots;
 * a blank name is refused; a second call replaces the list. */
static void
test_tally_eligible_list (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:陈五");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (GError) error = NULL;
  const char *bad[] = { "赵丽", "　" };
  assert_false (elect_tally_set_eligible (t, bad, NULL, 2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  const char *bad2[] = { "赵丽", "\xff" };
  assert_false (elect_tally_set_eligible (t, bad2, NULL, 2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  const char *first[] = { "赵丽" };
  const char *second[] = { "周文" };
  assert_true (elect_tally_set_eligible (t, first, NULL, 1, NULL));
  assert_true (elect_tally_set_eligible (t, second, NULL, 1, NULL));
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=赵丽,周文", 1);
  tb_assert_defects (t, "write-in-not-eligible=1");
  assert_int_equal (tb_wi_votes (t, 0, "周文"), 1);
  assert_false (elect_tally_set_eligible (t, first, NULL, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  /* an empty list: every write-in that names no candidate is void */
  g_autoptr (ElectTally) u = tb_tally (r, p);
  assert_true (elect_tally_set_eligible (u, NULL, NULL, 0, NULL));
  tb_add (u, b, "member=赵丽,陈五", 1);
  tb_assert_defects (u, "write-in-not-eligible=1");
  assert_int_equal (elect_tally_get_votes (u, 0, 0), 1);
}

/* A ballot of another paper, or one ballot too many (elect_count_max()),
 * is an error and counts nothing. */
static void
test_tally_add_errors (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:陈五");
  g_autoptr (ElectPaper) q = tb_paper (FALSE, "member:3:陈五");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) other = elect_ballot_new (q);
  g_autoptr (GError) error = NULL;
  tb_fill (other, "member=陈五");
  assert_false (elect_tally_add_ballot (t, other, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  tb_assert_ballots (t, 0, 0, 0);

  /* white-box: a tally at the limit */
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_fill (b, "member=陈五");
  t->returned = elect_count_max () - 1;
  assert_true (elect_tally_add_ballot (t, b, NULL));
  assert_int_equal (elect_tally_get_ballots_returned (t), elect_count_max ());
  assert_false (elect_tally_add_ballot (t, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  guint64 m = 1;
  assert_false (elect_tally_add_masks (t, 0, &m, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  g_autoptr (ElectTally) u = tb_tally (r, p);
  tb_add (u, b, "member=陈五", 1);
  assert_false (elect_tally_merge (t, u, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  assert_int_equal (elect_tally_get_ballots_returned (t), elect_count_max ());
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
}

/* ---- masks -------------------------------------------------------------------- */

/* RULES §5.2 on the bulk path: a mask with more bits than seats is an
 * over-vote (the ballot, or under void-contest the contest), a zero mask
 * an abstention; the other contests of the paper abstain. */
static void
test_masks_basic (void **state)
{
  (void) state;
  const guint64 masks[] = { 0x0, 0x1, 0x3, 0x7, 0x10, 0x18, 0x1f, 0x0 };
  for (guint pol = 0; pol < 2; pol++)
    {
      g_autoptr (ElectRules) r = pol ? tb_rules_with ("zhejiang-village-committee", TB_VOID_CONTEST)
                                     : tb_rules ("zhejiang-village-committee");
      g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一|member:2:陈五,刘六,赵七,孙八,周九");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      assert_true (elect_tally_add_masks (t, 1, masks, G_N_ELEMENTS (masks), NULL));
      assert_true (elect_tally_add_masks (t, 1, NULL, 0, NULL));
      if (pol == 0)
        {
          tb_assert_ballots (t, 8, 6, 2);
          tb_assert_defects (t, "overvote=2");
          assert_int_equal (elect_tally_get_contest_void (t, 1), 0);
        }
      else
        {
          tb_assert_ballots (t, 8, 8, 0);
          tb_assert_defects (t, "overvote-contest=2");
          assert_int_equal (elect_tally_get_contest_void (t, 1), 2);
        }
      const gint64 votes[] = { 2, 1, 0, 1, 2 };
      for (guint k = 0; k < 5; k++)
        assert_int_equal (elect_tally_get_votes (t, 1, k), votes[k]);
      assert_int_equal (elect_tally_get_abstentions (t, 1), 2);
      assert_int_equal (elect_tally_get_abstentions (t, 0), pol ? 8 : 6);
      assert_int_equal (elect_tally_get_votes (t, 0, 0), 0);
    }
}

/* What the bulk path refuses: a bit beyond the last candidate, a contest of
 * more than 64 candidates, a tally sheet. Nothing is counted then. */
static void
test_masks_errors (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  GString *spec = g_string_new ("open:1:|c5:2:a,b,c,d,e|wide:3:");
  for (guint k = 0; k < 65; k++)
    g_string_append_printf (spec, "%s候选%u", k ? "," : "", k);
  g_autoptr (ElectPaper) p = tb_paper (FALSE, spec->str);
  g_string_free (spec, TRUE);
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (GError) error = NULL;
  const guint64 beyond[] = { 0x1, 0x20 };
  assert_false (elect_tally_add_masks (t, 1, beyond, 2, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_non_null (strstr (error->message, "mask 1"));
  g_clear_error (&error);
  const guint64 one = 0x1;
  assert_false (elect_tally_add_masks (t, 0, &one, 1, &error));   /* 0 candidates */
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_false (elect_tally_add_masks (t, 2, &one, 1, &error));   /* 65 candidates */
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  tb_assert_ballots (t, 0, 0, 0);
  tb_assert_defects (t, "");
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 0);
  /* an open-ballot contest takes zero masks: abstentions */
  const guint64 zeros[3] = { 0 };
  assert_true (elect_tally_add_masks (t, 0, zeros, 3, NULL));
  tb_assert_ballots (t, 3, 3, 0);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 3);

  g_autoptr (ElectTally) s = tb_tally (r, p);
  assert_true (elect_tally_set_sheet (s, 10, 1, NULL));
  assert_false (elect_tally_add_masks (s, 1, &one, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_int_equal (elect_tally_get_votes (s, 1, 0), 0);
}

static guint64
random_mask (GRand *rnd, guint ncand, gint64 seats)
{
  if (ncand == 0)
    return 0;
  guint64 allowed = ncand == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << ncand) - 1;
  double x = g_rand_double (rnd);
  if (x < 0.05)
    return 0;
  if (x < 0.08)
    return allowed;
  if (x < 0.3)
    {
      guint64 lo = g_rand_int (rnd);
      guint64 hi = g_rand_int (rnd);
      return (lo | hi << 32) & allowed;
    }
  /* at most seats distinct marks */
  guint k = (guint) g_rand_int_range (rnd, 0, (gint32) MIN ((gint64) ncand, seats) + 1);
  guint64 m = 0;
  for (guint i = 0; i < k; i++)
    m |= G_GUINT64_CONSTANT (1) << g_rand_int_range (rnd, 0, (gint32) ncand);
  return m;
}

/* RULES §5.2 (ZJ 27): the bulk mask path gives exactly the tally of the
 * per-ballot path (elect_tally_add_ballot()) and of a plain count done
 * here, for random ballots (fixed seed) of 0 to 64 candidates, seats from
 * 1 to above 64, batches crossing the 255-mask flush of the byte counters,
 * in one call or in random chunks, under both over-vote policies. */
static void
test_masks_equal_ballots_property (void **state)
{
  (void) state;
  static const guint ncands[] = { 0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64 };
  static const gint64 seatss[] = { 1, 3, 16, 64, 70 };
  /* 131,077 masks: more than the 1023 blocks of 64 (AVX2) or of 128
   * (AVX-512) after which those kernels flush their vertical counters
   * (only with 3 seats) */
  static const gsize sizes[] = { 0, 1, 63, 64, 65, 127, 128, 129, 254, 255, 256, 511, 1500, 131077 };
  g_autoptr (ElectRules) vb = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectRules) vc = tb_rules_with ("zhejiang-village-committee", TB_VOID_CONTEST);
  GRand *rnd = g_rand_new_with_seed (20260331);
  guint64 *masks = g_new (guint64, 131077);
  guint cases = 0, skipped = 0;
  for (guint a = 0; a < G_N_ELEMENTS (ncands); a++)
    for (guint s = 0; s < G_N_ELEMENTS (seatss); s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (guint pol = 0; pol < 2; pol++)
          {
            guint ncand = ncands[a];
            gint64 seats = seatss[s];
            gsize n = sizes[z];
            if (n > 1500 && seats != 3)
              {
                skipped++;
                continue;
              }
            const ElectRules *r = pol ? vc : vb;
            GString *spec = g_string_new ("other:1:甲,乙|c:");
            g_string_append_printf (spec, "%lld:", (long long) seats);
            for (guint k = 0; k < ncand; k++)
              g_string_append_printf (spec, "%s候选%u", k ? "," : "", k);
            g_autoptr (ElectPaper) p = tb_paper (FALSE, spec->str);
            g_string_free (spec, TRUE);
            for (gsize i = 0; i < n; i++)
              masks[i] = random_mask (rnd, ncand, seats);

            g_autoptr (ElectTally) bulk = tb_tally (r, p);
            g_autoptr (ElectTally) chunked = tb_tally (r, p);
            g_autoptr (ElectTally) single = tb_tally (r, p);
            ElectTally *kernels[G_N_ELEMENTS (KERNELS)] = { NULL };
            g_autoptr (GError) error = NULL;
            if (!elect_tally_add_masks (bulk, 1, masks, n, &error))
              fail_msg ("%s", error->message);
            for (guint k = 0; k < G_N_ELEMENTS (KERNELS); k++)
              if (elect_bulk_kernel_available (KERNELS[k]))
                {
                  kernels[k] = tb_tally (r, p);
                  assert_true (elect_tally_add_masks_kernel (kernels[k], 1, masks, n,
                                                             KERNELS[k], NULL));
                }
            for (gsize i = 0; i < n;)
              {
                gsize len = (gsize) g_rand_int_range (rnd, 1, 400);
                len = MIN (n - i, len);
                assert_true (elect_tally_add_masks (chunked, 1, masks + i, len, NULL));
                i += len;
              }
            g_autoptr (ElectBallot) b = elect_ballot_new (p);
            for (gsize i = 0; i < n; i++)
              {
                elect_ballot_reset (b);
                for (guint64 m = masks[i]; m; m &= m - 1)
                  elect_ballot_mark (b, 1, (guint) __builtin_ctzll (m));
                assert_true (elect_tally_add_ballot (single, b, NULL));
              }
            assert_same_tally (bulk, single);
            assert_same_tally (chunked, single);
            for (guint k = 0; k < G_N_ELEMENTS (KERNELS); k++)
              if (kernels[k])
                {
                  assert_same_tally (kernels[k], single);
                  elect_tally_unref (kernels[k]);
                }

            /* the plain count */
            gint64 over = 0, zero = 0, votes[64] = { 0 };
            for (gsize i = 0; i < n; i++)
              {
                if (__builtin_popcountll (masks[i]) > seats)
                  {
                    over++;
                    continue;
                  }
                zero += masks[i] == 0;
                for (guint k = 0; k < ncand; k++)
                  votes[k] += (masks[i] >> k) & 1;
              }
            assert_int_equal (elect_tally_get_ballots_returned (bulk), n);
            assert_int_equal (elect_tally_get_ballots_invalid (bulk), pol ? 0 : over);
            assert_int_equal (elect_tally_get_defect_count (bulk, pol ? "overvote-contest" : "overvote"), over);
            assert_int_equal (elect_tally_get_contest_void (bulk, 1), pol ? over : 0);
            assert_int_equal (elect_tally_get_abstentions (bulk, 1), zero);
            assert_int_equal (elect_tally_get_abstentions (bulk, 0), pol ? (gint64) n : (gint64) n - over);
            for (guint k = 0; k < ncand; k++)
              assert_int_equal (elect_tally_get_votes (bulk, 1, k), votes[k]);
            cases++;
          }
  assert_int_equal (cases + skipped, G_N_ELEMENTS (ncands) * G_N_ELEMENTS (seatss) * G_N_ELEMENTS (sizes) * 2);
  assert_int_equal (skipped, G_N_ELEMENTS (ncands) * (G_N_ELEMENTS (seatss) - 1) * 2);
  g_free (masks);
  g_rand_free (rnd);
}

/* The counters of the bulk kernels flush before they overflow (the byte
 * lanes of the scalar kernel every 255 masks, the vertical counters of the
 * AVX2 kernel every 1023 blocks of 64, of the AVX-512 kernel every 1023
 * blocks of 128): every candidate marked on every one of 300,000 masks. */
static void
test_masks_counters_do_not_overflow (void **state)
{
  (void) state;
  static const guint ncands[] = { 16, 17, 64 };
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  const gsize n = 300000;
  guint64 *masks = g_new (guint64, n);
  for (guint a = 0; a < G_N_ELEMENTS (ncands); a++)
    {
      guint ncand = ncands[a];
      GString *spec = g_string_new (NULL);
      g_string_append_printf (spec, "c:%u:", ncand);
      for (guint k = 0; k < ncand; k++)
        g_string_append_printf (spec, "%s候选%u", k ? "," : "", k);
      g_autoptr (ElectPaper) p = tb_paper (FALSE, spec->str);
      g_string_free (spec, TRUE);
      guint64 all = ncand == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << ncand) - 1;
      for (gsize i = 0; i < n; i++)
        masks[i] = all;
      for (guint kn = 0; kn < G_N_ELEMENTS (KERNELS); kn++)
        {
          if (!elect_bulk_kernel_available (KERNELS[kn]))
            continue;
          g_autoptr (ElectTally) t = tb_tally (r, p);
          assert_true (elect_tally_add_masks_kernel (t, 0, masks, n, KERNELS[kn], NULL));
          tb_assert_ballots (t, (gint64) n, (gint64) n, 0);
          for (guint k = 0; k < ncand; k++)
            assert_int_equal (elect_tally_get_votes (t, 0, k), n);
          assert_int_equal (elect_tally_get_abstentions (t, 0), 0);
        }
    }
  g_free (masks);
}

/* ---- merge --------------------------------------------------------------------- */

/* ARCHITECTURE (parallel counting of boxes): tallies of one paper merged
 * equal one tally of all their ballots, write-ins, Party marks and
 * defects included. */
static void
test_merge_boxes (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("henan-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:3:王一,陈五,刘六");
  g_autoptr (ElectTally) all = tb_tally (r, p);
  g_autoptr (ElectTally) box1 = tb_tally (r, p);
  g_autoptr (ElectTally) box2 = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  const char *specs[] = { "chair=王一;member=王一,陈五", "chair=李二;member=孙九,刘六",
                          "member=陈五,陈五", "!", "chair=王一,李二", "member=周十" };
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      tb_add (all, b, specs[i], i + 1);
      tb_add (i % 2 ? box1 : box2, b, specs[i], i + 1);
    }
  guint64 masks[] = { 0x1, 0x6, 0x7, 0x0 };
  assert_true (elect_tally_add_masks (all, 1, masks, 4, NULL));
  assert_true (elect_tally_add_masks (box2, 1, masks, 4, NULL));
  assert_true (elect_tally_merge (box1, box2, NULL));
  assert_same_tally (box1, all);
  assert_int_equal (elect_tally_get_overlap_votes (box1, 1, "王一", -1), 1);
  tb_assert_defects (box1, "two-posts-cascade-down=1,duplicate-mark=3,unreadable=4,"
                           "overvote=5,write-in-unverified=8");

  g_autoptr (GError) error = NULL;
  g_autoptr (ElectPaper) q = tb_paper (FALSE, "chair:1:王一,李二|member:3:王一,陈五,刘六");
  g_autoptr (ElectTally) other = tb_tally (r, q);
  assert_false (elect_tally_merge (box1, other, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (ElectTally) sheet = tb_tally (r, p);
  assert_true (elect_tally_set_sheet (sheet, 3, 0, NULL));
  assert_false (elect_tally_merge (box1, sheet, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_same_tally (box1, all);
}

/* ---- tally sheets ----------------------------------------------------------------- */

/* RULES §6.9: a tally sheet holds totals only; ballots cannot be added to
 * it, and it cannot be made from a tally with ballots. */
static void
test_sheet_totals_rules_6_9 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("residents-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:陈静,高远|member:4:许文,邓海燕");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (GError) error = NULL;
  assert_false (elect_tally_set_sheet_votes (t, 0, 0, 5, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_false (elect_tally_set_sheet_valid (t, 5, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_false (elect_tally_set_sheet (t, -1, 0, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  assert_false (elect_tally_set_sheet (t, elect_count_max () + 1, 0, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  assert_false (elect_tally_is_sheet (t));

  assert_true (elect_tally_set_sheet (t, 2012, 37, NULL));
  assert_true (elect_tally_is_sheet (t));
  tb_assert_ballots (t, 2012, 1975, 37);
  assert_true (elect_tally_set_sheet_votes (t, 0, 0, 1290, NULL));
  assert_true (elect_tally_set_sheet_write_in (t, 0, "罗晓东", -1, 12, NULL));
  assert_true (elect_tally_set_sheet_write_in (t, 1, "　许文", -1, 1502, NULL));
  assert_false (elect_tally_set_sheet_votes (t, 0, 1, -3, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  assert_false (elect_tally_set_sheet_write_in (t, 0, "　", -1, 1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_true (elect_tally_set_sheet_valid (t, 1975, NULL));
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1290);
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 1502);
  assert_int_equal (tb_wi_votes (t, 0, "罗晓东"), 12);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 0);
  /* a second call replaces the totals */
  assert_true (elect_tally_set_sheet (t, 2000, 40, NULL));
  tb_assert_ballots (t, 2000, 1960, 40);
  /* an inconsistent sheet is not an error here (elect_count() reports it) */
  assert_true (elect_tally_set_sheet (t, 5, 9, NULL));
  tb_assert_ballots (t, 5, 0, 9);

  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_fill (b, "chair=陈静");
  assert_false (elect_tally_add_ballot (t, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  tb_assert_defects (t, "");

  g_autoptr (ElectTally) u = tb_tally (r, p);
  tb_add (u, b, "chair=陈静", 1);
  assert_false (elect_tally_set_sheet (u, 10, 0, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_false (elect_tally_is_sheet (u));
}

/* ---- defect codes and reasons ---------------------------------------------------------- */

/* RULES §5.2 ("every defect has a stable code, a message and the rule's
 * citation"): the codes are a contract, in this order. */
static void
test_defect_codes_stable (void **state)
{
  (void) state;
  static const char *const want[] = {
    "unreadable", "overvote", "overvote-contest", "duplicate-mark", "write-in-listed",
    "write-in-other-post", "write-in-unverified", "write-in-not-eligible",
    "write-in-ambiguous", "write-in-blank", "women-post-not-woman",
    "two-posts-void-ballot", "two-posts-separate", "two-posts-cascade-down",
    "abstain-write-in", "contradictory-mark", NULL
  };
  const char *const *codes = elect_tally_list_defect_codes ();
  for (guint i = 0; want[i]; i++)
    {
      assert_non_null (codes[i]);
      assert_string_equal (codes[i], want[i]);
    }
  assert_null (codes[G_N_ELEMENTS (want) - 1]);
  assert_int_equal (G_N_ELEMENTS (want) - 1, ELECT_N_DEFECTS);

  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:陈五");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  assert_int_equal (elect_tally_get_defect_count (t, "same-person-two-posts"), 0);
  assert_null (elect_tally_get_defect_reason (t, "same-person-two-posts"));
  assert_null (elect_tally_get_defect_reason (t, ""));
}

/* RULES §5.2: each code's reason carries the code, a message with the
 * count and the citation of the profile's parameter (ZJ here). */
static void
test_defect_reasons_cited_zj (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:陈五");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  for (guint k = 0; k < ELECT_N_DEFECTS; k++)
    t->defects[k] = 100 + k;
  for (guint k = 0; k < ELECT_N_DEFECTS; k++)
    {
      const char *code = elect_tally_list_defect_codes ()[k];
      assert_int_equal (elect_tally_get_defect_count (t, code), 100 + k);
      g_autoptr (ElectReason) why = elect_tally_get_defect_reason (t, code);
      assert_non_null (why);
      assert_string_equal (elect_reason_get_code (why), code);
      g_autofree char *count = g_strdup_printf ("%u ", 100 + k);
      assert_true (g_str_has_prefix (elect_reason_get_message (why, "en"), count));
      const char *param = g_str_has_prefix (code, "two-posts") ? "count.same_person_two_posts"
                        : strcmp (code, "unreadable") == 0 ? "count.win_base"
                        : strcmp (code, "women-post-not-woman") == 0 ? "women.member"
                        : "count.overvote";
      assert_string_equal (elect_reason_get_param (why), param);
      assert_string_equal (elect_reason_get_citation (why), elect_rules_get_citation (r, param));
      assert_true (*elect_reason_get_citation (why) != '\0');
    }
}

/* ---- §6.1 returned > issued ------------------------------------------------------------ */

/* RULES §6.1 (a) (ZJ 27 "多于投票人数的无效", HA 35 "多于发出选票数", PER
 * [approx] 27): more ballots returned than issued (or than members
 * present) voids the round, whatever the ballots say; exactly as many is
 * valid. */
static void
test_returned_exceeds_issued_zj27_ha35_per27 (void **state)
{
  (void) state;
  const char *profiles[] = { "village-committee", "zhejiang-village-committee",
                             "henan-village-committee", "residents-committee", "party-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      gboolean party = strcmp (profiles[i], "party-committee") == 0;
      g_autoptr (ElectRules) r = tb_rules (profiles[i]);
      g_autoptr (ElectPaper) p = tb_paper (party, "c:1:王一,李二");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, party ? "c=+王一" : "c=王一", 5);
      for (gint64 issued = 5; issued >= 4; issued--)
        {
          g_autoptr (ElectTurnout) to = elect_turnout_new ();
          assert_true (elect_turnout_set_electorate (to, 6, NULL));
          if (party)
            assert_true (elect_turnout_set_present (to, issued, NULL));
          else
            assert_true (elect_turnout_set_issued (to, issued, NULL));
          g_autoptr (GError) error = NULL;
          g_autoptr (ElectOutcome) o = elect_count (r, p, t, to, &error);
          if (error)
            fail_msg ("%s: %s", profiles[i], error->message);
          const char *code = party ? "returned-exceeds-present" : "returned-exceeds-issued";
          if (issued == 5)
            {
              assert_true (elect_outcome_is_valid (o));
              assert_false (elect_outcome_has_reason (o, code));
              assert_string_equal (elect_outcome_get_elected (o, 0)[0], "王一");
            }
          else
            {
              assert_false (elect_outcome_is_valid (o));
              assert_true (elect_outcome_has_reason (o, code));
              assert_null (elect_outcome_get_elected (o, 0)[0]);
              assert_int_equal (elect_outcome_get_next_action (o, 0), ELECT_ACTION_RERUN);
            }
        }
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_tally_totals_vcl15_bj28),
    cmocka_unit_test (test_tally_write_in_table),
    cmocka_unit_test (test_tally_eligible_list),
    cmocka_unit_test (test_tally_add_errors),
    cmocka_unit_test (test_masks_basic),
    cmocka_unit_test (test_masks_errors),
    cmocka_unit_test (test_masks_equal_ballots_property),
    cmocka_unit_test (test_masks_counters_do_not_overflow),
    cmocka_unit_test (test_merge_boxes),
    cmocka_unit_test (test_sheet_totals_rules_6_9),
    cmocka_unit_test (test_defect_codes_stable),
    cmocka_unit_test (test_defect_reasons_cited_zj),
    cmocka_unit_test (test_returned_exceeds_issued_zj27_ha35_per27),
  };
  return cmocka_run_group_tests_name ("tally", tests, NULL, NULL);
}
