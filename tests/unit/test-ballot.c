/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Ballot papers and the validation of one ballot (RULES.md §5): the shape
 * of a paper (§5.1), the validity of a ballot and of a mark (§5.2: over-
 * votes per contest and for the whole ballot, duplicate marks, write-ins
 * that resolve or not, the women's post, unreadable papers, Party for /
 * against / abstain lines), and one person marked for two posts under the
 * three policies of `same_person_two_posts` (§5.3). Every test asserts the
 * exact defect counters (stable codes, tb_assert_defects() checks all of
 * them), the ballots returned / valid / invalid and the votes, and runs
 * under every profile whose policy differs (data/profiles/ *.ini). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ballot-helpers.h"

/* The village-committee-like profiles and the citation of their over-vote
 * rule (RULES.md §3 row "over-vote"). */
static const struct {
  const char *profile;
  const char *overvote_citation;
} VC_PROFILES[] = {
  { "village-committee", "北京市村民委员会选举办法 第二十八条（全国法未规定，采各省通行规则）" },
  { "zhejiang-village-committee", "浙江省村民委员会选举办法 第二十七条" },
  { "shanghai-village-committee", "上海市村民委员会选举办法 第十九条" },
  { "beijing-village-committee", "北京市村民委员会选举办法 第二十八条" },
  { "henan-village-committee", "河南省实施《村民委员会组织法》办法 第三十五条" },
  { "residents-committee", "北京市村民委员会选举办法 第二十八条（全国法未规定，采各省通行规则）" },
  { "supervision-committee", "北京市村民委员会选举办法 第二十八条（全国法未规定，采各省通行规则）" },
};

static void
assert_reason (const ElectTally *t, const char *code, const char *citation,
               const char *param)
{
  g_autoptr (ElectReason) r = elect_tally_get_defect_reason (t, code);
  assert_non_null (r);
  assert_string_equal (elect_reason_get_code (r), code);
  assert_string_equal (elect_reason_get_citation (r), citation);
  if (param)
    assert_string_equal (elect_reason_get_param (r), param);
}

/* ---- §5.1 shape ------------------------------------------------------------ */

/* RULES §5.1, ZJ 21 (one paper for 主任, 副主任 and 委员, the women's post
 * listed separately): contests in paper order, which is rank order. */
static void
test_shape_contests_in_paper_order_zj21 (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectPaper) p = elect_paper_new (FALSE);
  assert_int_equal (elect_paper_add_contest (p, "chair", "主任", 1, &error), 0);
  assert_int_equal (elect_paper_add_contest (p, "vice", NULL, 1, &error), 1);
  assert_int_equal (elect_paper_add_contest (p, "women", "妇女委员", 1, &error), 2);
  assert_int_equal (elect_paper_add_contest (p, "member", "委员", 3, &error), 3);
  assert_null (error);
  elect_paper_set_women_only (p, 2, TRUE);
  assert_int_equal (elect_paper_add_candidate (p, 0, "王建国", ELECT_SEX_MALE, &error), 0);
  assert_int_equal (elect_paper_add_candidate (p, 0, "李明华", ELECT_SEX_UNKNOWN, &error), 1);
  assert_int_equal (elect_paper_add_candidate (p, 2, "刘秀英", ELECT_SEX_FEMALE, &error), 0);
  /* a candidate of unknown sex may be listed on the women's post */
  assert_int_equal (elect_paper_add_candidate (p, 2, "赵丽", ELECT_SEX_UNKNOWN, &error), 1);
  assert_null (error);
  elect_paper_set_candidate_info (p, 2, 0, "1978-03-12", "汉族");

  assert_false (elect_paper_has_party_marks (p));
  assert_false (elect_paper_is_frozen (p));
  assert_int_equal (elect_paper_get_n_contests (p), 4);
  assert_string_equal (elect_paper_get_contest_id (p, 0), "chair");
  assert_string_equal (elect_paper_get_contest_title (p, 0), "主任");
  assert_string_equal (elect_paper_get_contest_title (p, 1), "vice");
  assert_int_equal (elect_paper_get_seats (p, 3), 3);
  assert_false (elect_paper_is_women_only (p, 0));
  assert_true (elect_paper_is_women_only (p, 2));
  assert_int_equal (elect_paper_find_contest (p, "member", -1), 3);
  assert_int_equal (elect_paper_find_contest (p, "chairman", 5), 0);
  assert_int_equal (elect_paper_find_contest (p, "chai", -1), -1);
  assert_int_equal (elect_paper_get_n_candidates (p, 0), 2);
  assert_int_equal (elect_paper_get_n_candidates (p, 3), 0);
  assert_string_equal (elect_paper_get_candidate_name (p, 0, 1), "李明华");
  assert_int_equal (elect_paper_get_candidate_sex (p, 0, 0), ELECT_SEX_MALE);
  assert_int_equal (elect_paper_get_candidate_sex (p, 0, 1), ELECT_SEX_UNKNOWN);
  assert_string_equal (elect_paper_get_candidate_birth_date (p, 2, 0), "1978-03-12");
  assert_string_equal (elect_paper_get_candidate_ethnicity (p, 2, 0), "汉族");
  assert_null (elect_paper_get_candidate_birth_date (p, 2, 1));
  assert_int_equal (elect_paper_max_contests (), 64);
  assert_int_equal (elect_paper_max_candidates (), 4096);

  /* a ballot freezes the paper (no contest or candidate can change) */
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  assert_true (elect_paper_is_frozen (p));
  assert_ptr_equal (elect_ballot_get_paper (b), p);
  assert_int_equal (elect_paper_add_contest (p, "x", NULL, 1, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_paper_add_candidate (p, 0, "孙九", ELECT_SEX_UNKNOWN, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_int_equal (elect_paper_get_n_candidates (p, 0), 2);
}

/* RULES §5.1: what a paper cannot hold (ELECT_ERROR_INVALID / _LIMIT). */
static void
test_shape_paper_errors (void **state)
{
  (void) state;
  g_autoptr (ElectPaper) p = elect_paper_new (FALSE);
  static const struct { const char *id; gint64 seats; int code; } bad[] = {
    { "", 1, ELECT_ERROR_INVALID },
    { "\xff", 1, ELECT_ERROR_INVALID },
    { "c", 0, ELECT_ERROR_INVALID },
    { "c", -1, ELECT_ERROR_INVALID },
    { "c", (G_GINT64_CONSTANT (1) << 40) + 1, ELECT_ERROR_LIMIT },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_int_equal (elect_paper_add_contest (p, bad[i].id, NULL, bad[i].seats, &error), -1);
      assert_non_null (error);
      assert_int_equal (error->code, bad[i].code);
    }
  g_autoptr (GError) error = NULL;
  /* the largest seat count is accepted (elect_count_max()) */
  assert_int_equal (elect_paper_add_contest (p, "c", NULL, elect_count_max (), &error), 0);
  assert_int_equal (elect_paper_add_contest (p, "c", NULL, 1, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* the same normalised name twice in a contest (RULES §1.7) */
  assert_int_equal (elect_paper_add_candidate (p, 0, "王一", ELECT_SEX_UNKNOWN, &error), 0);
  assert_int_equal (elect_paper_add_candidate (p, 0, "　王一 ", ELECT_SEX_UNKNOWN, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_paper_add_candidate (p, 0, "　 ", ELECT_SEX_UNKNOWN, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_paper_add_candidate (p, 0, "\xe7\x8e", ELECT_SEX_UNKNOWN, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* a man on the women's post (ZJ 21) */
  assert_int_equal (elect_paper_add_contest (p, "women", NULL, 1, &error), 1);
  elect_paper_set_women_only (p, 1, TRUE);
  assert_int_equal (elect_paper_add_candidate (p, 1, "黄志明", ELECT_SEX_MALE, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_paper_add_candidate (p, 1, "何丽娟", ELECT_SEX_FEMALE, &error), 0);
  /* 64 contests at most, 4096 candidates per contest at most */
  for (guint i = 2; i < 64; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      assert_int_equal (elect_paper_add_contest (p, id, NULL, 1, &error), (int) i);
    }
  assert_int_equal (elect_paper_add_contest (p, "c64", NULL, 1, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  for (guint k = 0; k < 4096; k++)
    {
      g_autofree char *n = g_strdup_printf ("候选%u", k);
      assert_int_equal (elect_paper_add_candidate (p, 2, n, ELECT_SEX_UNKNOWN, &error), (int) k);
    }
  assert_int_equal (elect_paper_add_candidate (p, 2, "候选4096", ELECT_SEX_UNKNOWN, &error), -1);
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
}

/* RULES §5.1 with §1.7: names are found after normalisation (NFC, ASCII
 * and full-width spaces trimmed, full-width Latin letters and digits
 * folded); a name on two posts is one person (§5.3). */
static void
test_shape_names_normalised_rules_1_7 (void **state)
{
  (void) state;
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,Li Ming2|member:3:王一,陈五");
  assert_int_equal (elect_paper_find_candidate (p, 0, "王一", -1), 0);
  assert_int_equal (elect_paper_find_candidate (p, 0, "　王一 ", -1), 0);
  assert_int_equal (elect_paper_find_candidate (p, 0, "Ｌｉ Ｍｉｎｇ２", -1), 1);
  assert_int_equal (elect_paper_find_candidate (p, 0, "王一二", 6), 0);
  assert_int_equal (elect_paper_find_candidate (p, 0, "王一二", -1), -1);
  assert_int_equal (elect_paper_find_candidate (p, 0, "\xff", -1), -1);
  assert_int_equal (elect_paper_find_candidate (p, 0, "陈五", -1), -1);
  assert_int_equal (elect_paper_find_candidate (p, 1, "陈五", -1), 1);
  /* white-box: 王一 is one person listed on two posts */
  assert_int_equal (p->person_norm->len, 3);
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (p->person_by_norm, "王一")) - 1;
  assert_int_equal (g_array_index (p->person_n_contests, guint, id), 2);
  elect_paper_freeze (p);
  assert_int_equal (p->multi->len, 2);
}

/* RULES §5.1, ZJ 21 (自荐直选: the voter may vote for a self-nominee or
 * write in another voter): a contest without candidates takes only
 * written names, and its seats still bound the marks (ZJ 27). */
static void
test_shape_open_ballot_zj21 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:2:");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=孙九,周十", 2);
  tb_add (t, b, "member=孙九", 1);
  tb_add (t, b, "member=孙九,周十,吴一", 1);   /* 3 names for 2 seats */
  tb_add (t, b, "", 1);
  tb_assert_ballots (t, 5, 4, 1);
  tb_assert_defects (t, "write-in-unverified=8,overvote=1");
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 2);
  assert_int_equal (tb_wi_votes (t, 0, "孙九"), 3);
  assert_int_equal (tb_wi_votes (t, 0, "周十"), 2);
  assert_int_equal (tb_wi_votes (t, 0, "吴一"), -1);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 1);
}

/* RULES §5.1 (PER, article [approx]): a Party paper marks each line for,
 * against or abstain; the tally and the profile must agree on it. */
static void
test_shape_party_lines_per (void **state)
{
  (void) state;
  g_autoptr (ElectRules) party = tb_rules ("party-committee");
  g_autoptr (ElectRules) vc = tb_rules ("village-committee");
  g_autoptr (ElectPaper) pp = tb_paper (TRUE, "committee:2:马文华,王丽萍,石磊");
  g_autoptr (ElectPaper) vp = tb_paper (FALSE, "committee:2:马文华,王丽萍,石磊");
  g_autoptr (GError) error = NULL;
  assert_null (elect_tally_new (vc, pp, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_null (elect_tally_new (party, vp, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (ElectPaper) empty = elect_paper_new (FALSE);
  assert_null (elect_tally_new (vc, empty, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);

  assert_true (elect_paper_has_party_marks (pp));
  g_autoptr (ElectTally) t = tb_tally (party, pp);
  g_autoptr (ElectBallot) b = elect_ballot_new (pp);
  tb_add (t, b, "committee=+马文华,-王丽萍,~石磊", 3);
  tb_add (t, b, "committee=+马文华,+王丽萍", 2);
  tb_add (t, b, "committee=-马文华,-王丽萍,-石磊", 1);
  /* elect_ballot_mark() on a Party paper is a mark "for" */
  elect_ballot_reset (b);
  elect_ballot_mark (b, 0, 2);
  assert_true (elect_tally_add_ballot (t, b, NULL));
  tb_assert_ballots (t, 7, 7, 0);
  tb_assert_defects (t, "");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 5);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 2);
  assert_int_equal (elect_tally_get_votes (t, 0, 2), 1);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 1), 4);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 2), 1);
  /* a ballot without any "for" mark or write-in has no counted mark */
  assert_int_equal (elect_tally_get_abstentions (t, 0), 1);
}

/* RULES §5.1: a ballot is a reusable scratch object; a reset forgets every
 * mark, write-in, Party mark and the unreadable flag. */
static void
test_shape_ballot_reset (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("party-committee");
  g_autoptr (ElectPaper) p = tb_paper (TRUE, "committee:2:马文华,王丽萍,石磊");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_fill (b, "committee=+马文华,+马文华,-王丽萍,~石磊>张红梅,+石磊");
  elect_ballot_set_unreadable (b);
  assert_true (elect_ballot_is_unreadable (b));
  elect_ballot_reset (b);
  assert_false (elect_ballot_is_unreadable (b));
  assert_true (elect_tally_add_ballot (t, b, NULL));
  tb_fill (b, "committee=+王丽萍");
  assert_true (elect_tally_add_ballot (t, b, NULL));
  tb_assert_ballots (t, 2, 2, 0);
  tb_assert_defects (t, "");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 0);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 1);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 1), 0);
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 0);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 1);
}

/* ---- §5.2 over-votes ------------------------------------------------------- */

/* RULES §5.2, ZJ 27, SH 19, BJ 28, HA 35: more names marked in a contest
 * than its seats voids the whole ballot (the other contests too); exactly
 * the seats, or fewer, is valid. Every village-like profile. */
static void
test_overvote_voids_ballot_zj27_sh19_bj28_ha35 (void **state)
{
  (void) state;
  for (guint i = 0; i < G_N_ELEMENTS (VC_PROFILES); i++)
    {
      g_autoptr (ElectRules) r = tb_rules (VC_PROFILES[i].profile);
      g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:3:陈五,刘六,赵七,孙八");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, "chair=王一;member=陈五,刘六,赵七", 1);      /* = seats: valid */
      tb_add (t, b, "chair=王一;member=陈五,刘六", 1);           /* < seats: valid */
      tb_add (t, b, "chair=王一;member=陈五,刘六,赵七,孙八", 1); /* 4 > 3 */
      tb_add (t, b, "chair=王一,李二;member=陈五", 1);           /* 2 > 1 */
      tb_assert_ballots (t, 4, 2, 2);
      tb_assert_defects (t, "overvote=2");
      assert_int_equal (elect_tally_get_votes (t, 0, 0), 2);
      assert_int_equal (elect_tally_get_votes (t, 0, 1), 0);
      assert_int_equal (elect_tally_get_votes (t, 1, 0), 2);
      assert_int_equal (elect_tally_get_votes (t, 1, 2), 1);
      assert_int_equal (elect_tally_get_votes (t, 1, 3), 0);
      assert_int_equal (elect_tally_get_contest_void (t, 1), 0);
      assert_reason (t, "overvote", VC_PROFILES[i].overvote_citation, "count.overvote");
    }
}

/* RULES §5.2 (ZJ 27 "所选人数"): the names counted against the seats are
 * the distinct people marked, write-ins included; a duplicate counts
 * once and a void write-in is not a name (a void mark, not a void
 * ballot). */
static void
test_overvote_counts_distinct_people_zj27 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:陈五,刘六,赵七,孙八");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  const char *eligible[] = { "陈五", "刘六", "赵七", "孙八", "吴一", "郑二" };
  assert_true (elect_tally_set_eligible (t, eligible, NULL, G_N_ELEMENTS (eligible), NULL));
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=陈五,陈五,刘六,赵七", 1);   /* 3 distinct: valid */
  tb_add (t, b, "member=陈五,刘六,>陈五", 1);        /* 2 distinct: valid */
  tb_add (t, b, "member=陈五,刘六,吴一", 1);          /* 3 with a write-in: valid */
  tb_add (t, b, "member=陈五,刘六,吴一,郑二", 1);     /* 4 with write-ins: over */
  tb_add (t, b, "member=陈五,刘六,赵七,钱多多", 1);   /* a void write-in: valid */
  tb_add (t, b, "member=陈五,刘六,赵七,>孙八", 1);    /* a listed write-in: over */
  tb_assert_ballots (t, 6, 4, 2);
  tb_assert_defects (t, "overvote=2,duplicate-mark=2,write-in-listed=2,write-in-not-eligible=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 4);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 4);
  assert_int_equal (elect_tally_get_votes (t, 0, 2), 2);
  assert_int_equal (elect_tally_get_votes (t, 0, 3), 0);
  assert_int_equal (tb_wi_votes (t, 0, "吴一"), 1);
  assert_int_equal (tb_wi_votes (t, 0, "郑二"), -1);
  assert_int_equal (tb_wi_votes (t, 0, "钱多多"), -1);
}

/* RULES §5.2 ("whether only that contest is void is a profile parameter"):
 * under count.overvote=void-contest the over-voted contest is void and the
 * rest of the ballot counts; each void contest is one defect. */
static void
test_overvote_void_contest_policy (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules_with ("village-committee", TB_VOID_CONTEST);
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:3:陈五,刘六,赵七,孙八");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "chair=王一;member=陈五,刘六,赵七,孙八", 1);
  tb_add (t, b, "chair=王一,李二;member=陈五,刘六,赵七,孙八", 1);
  tb_add (t, b, "chair=李二;member=陈五", 1);
  tb_assert_ballots (t, 3, 3, 0);
  tb_assert_defects (t, "overvote-contest=3");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 1);
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 1, 1), 0);
  assert_int_equal (elect_tally_get_contest_void (t, 0), 1);
  assert_int_equal (elect_tally_get_contest_void (t, 1), 2);
  /* a void contest is neither counted nor an abstention */
  assert_int_equal (elect_tally_get_abstentions (t, 0), 0);
  assert_int_equal (elect_tally_get_abstentions (t, 1), 0);
  assert_reason (t, "overvote-contest", "RULES.md §5.2 (test)", "count.overvote");
}

/* RULES §6.8 / §5.2 (PER [approx] 27 "多于规定应选人数的选票无效"): more
 * lines marked for than seats voids the ballot; a write-in on an against
 * line is a name too; a contradictory line is no mark. */
static void
test_overvote_party_per27 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("party-committee");
  g_autoptr (ElectPaper) p = tb_paper (TRUE, "committee:3:马文华,王丽萍,石磊,刘建军");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "committee=+马文华,+王丽萍,+石磊,+刘建军", 1);        /* 4 > 3 */
  tb_add (t, b, "committee=+马文华,+王丽萍,+石磊,-刘建军", 1);        /* 3: valid */
  tb_add (t, b, "committee=+马文华,+王丽萍,+石磊,-刘建军>张红梅", 1); /* 4 > 3 */
  tb_add (t, b, "committee=+马文华,+王丽萍,+石磊,+刘建军,-刘建军", 1); /* 3: valid */
  tb_assert_ballots (t, 4, 2, 2);
  tb_assert_defects (t, "overvote=2,contradictory-mark=1,write-in-unverified=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 2);
  assert_int_equal (elect_tally_get_votes (t, 0, 3), 0);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 3), 1);
  assert_reason (t, "overvote",
                 "中国共产党基层组织选举工作条例·多于规定应选人数的选票无效（条号待核：第二十七条）",
                 "count.overvote");
}

/* ---- §5.2 marks ------------------------------------------------------------- */

/* RULES §5.2: the same person marked twice in one contest counts once
 * (duplicate-mark); the ballot stays valid. */
static void
test_duplicate_mark_counts_once (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("beijing-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:2:陈五,刘六,赵七");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "chair=王一,王一;member=陈五,陈五,陈五,刘六", 1);
  tb_add (t, b, "chair=李二,>李二", 1);      /* a write-in of a marked candidate */
  tb_add (t, b, "member=>孙九,>孙九　,刘六", 1); /* the same written name twice */
  tb_assert_ballots (t, 3, 3, 0);
  tb_assert_defects (t, "duplicate-mark=5,write-in-listed=1,write-in-unverified=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 1);
  assert_int_equal (elect_tally_get_votes (t, 1, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 1, 1), 2);
  assert_int_equal (tb_wi_votes (t, 1, "孙九"), 1);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 1);
  assert_int_equal (elect_tally_get_abstentions (t, 1), 1);
}

/* RULES §5.2: a write-in naming a candidate listed in the same contest is a
 * mark for that candidate (after name normalisation, §1.7). */
static void
test_write_in_listed_is_a_mark (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("shanghai-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:2:陈五,刘六,赵七");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=>陈五,>　刘六 ", 2);
  tb_add (t, b, "member=赵七,>陈五", 1);
  tb_assert_ballots (t, 3, 3, 0);
  tb_assert_defects (t, "write-in-listed=5");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 3);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 2);
  assert_int_equal (elect_tally_get_votes (t, 0, 2), 1);
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 0);
}

/* RULES §5.2: a write-in naming a candidate of another post is a mark for
 * that person in this post; when that person is not marked for the other
 * post, §5.3 does not apply (valid even under ZJ 27). */
static void
test_write_in_other_post_zj27 (void **state)
{
  (void) state;
  const char *profiles[] = { "zhejiang-village-committee", "village-committee", "henan-village-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (ElectRules) r = tb_rules (profiles[i]);
      g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王建国/m,李明华|vice:1:张伟,陈志强/m|member:3:孙海涛,周文斌");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, "chair=王建国;vice=张伟;member=孙海涛,周文斌,陈志强", 4);
      tb_add (t, b, "chair=李明华;member=王建国", 1);
      tb_assert_ballots (t, 5, 5, 0);
      tb_assert_defects (t, "write-in-other-post=5");
      assert_int_equal (tb_wi_votes (t, 2, "陈志强"), 4);
      assert_int_equal (tb_wi_votes (t, 2, "王建国"), 1);
      assert_int_equal (elect_tally_get_write_in_sex (t, 2, 0), ELECT_SEX_MALE);
      assert_int_equal (elect_tally_get_votes (t, 1, 1), 0);
      assert_int_equal (elect_tally_get_overlap_votes (t, 2, "陈志强", -1), 0);
    }
}

/* RULES §5.2: without a list of eligible persons a write-in is accepted as
 * written and flagged (write-in-unverified); with the list, a name on no
 * one (write-in-not-eligible) or on several (write-in-ambiguous, §1.7)
 * is a void mark, not a void ballot. */
static void
test_write_in_resolution_with_and_without_list (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王建国|member:3:孙海涛,周文斌");
  const char *spec[] = { "member=孙海涛,钱多多", "member=王芳", "member=黄志明", "member=Ｗａｎｇ　" };

  /* no list */
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    tb_add (t, b, spec[i], 1);
  tb_assert_ballots (t, 4, 4, 0);
  tb_assert_defects (t, "write-in-unverified=4");
  assert_int_equal (tb_wi_votes (t, 1, "钱多多"), 1);
  assert_int_equal (tb_wi_votes (t, 1, "王芳"), 1);
  assert_int_equal (tb_wi_votes (t, 1, "Wang"), 1);
  assert_int_equal (elect_tally_get_abstentions (t, 1), 0);

  /* with a list: two people called 王芳, 钱多多 is not on it */
  g_autoptr (ElectTally) u = tb_tally (r, p);
  const char *eligible[] = { "王建国", "孙海涛", "周文斌", "王芳", "黄志明", "王芳　", "wang" };
  assert_true (elect_tally_set_eligible (u, eligible, NULL, G_N_ELEMENTS (eligible), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    tb_add (u, b, spec[i], 1);
  tb_assert_ballots (u, 4, 4, 0);
  tb_assert_defects (u, "write-in-not-eligible=2,write-in-ambiguous=1");
  assert_int_equal (elect_tally_get_n_write_ins (u, 1), 1);
  assert_int_equal (tb_wi_votes (u, 1, "黄志明"), 1);
  assert_int_equal (elect_tally_get_votes (u, 1, 0), 1);
  /* the ballots whose only mark was void abstained in that contest */
  assert_int_equal (elect_tally_get_abstentions (u, 1), 2);
}

/* RULES §5.2: a blank or unreadable written name is a void mark. */
static void
test_write_in_blank (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "member:3:孙海涛,周文斌");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "member=孙海涛,>　,>  ", 1);
  elect_ballot_reset (b);
  elect_ballot_write_in (b, 0, "\xff\xfe", -1);
  elect_ballot_write_in (b, 0, "", -1);
  elect_ballot_write_in (b, 0, "周文斌XYZ", 9);   /* the length is honoured */
  assert_true (elect_tally_add_ballot (t, b, NULL));
  tb_assert_ballots (t, 2, 2, 0);
  tb_assert_defects (t, "write-in-blank=4,write-in-listed=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 1);
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 0);
}

/* RULES §5.2 and §6.6, ZJ 21 (妇女委员 listed separately): a write-in on the
 * women's post for a person not known to be a woman is a void mark. */
static void
test_women_post_write_in_zj21 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "*women:1:刘秀英/f,赵丽/f|member:3:孙海涛/m,吴晓燕/f");
  const char *spec[] = { "women=何丽娟", "women=黄志明", "women=林某", "women=孙海涛",
                         "women=吴晓燕", "women=刘秀英" };

  g_autoptr (ElectTally) t = tb_tally (r, p);
  const char *eligible[] = { "何丽娟", "黄志明", "林某" };
  const ElectSex sexes[] = { ELECT_SEX_FEMALE, ELECT_SEX_MALE, ELECT_SEX_UNKNOWN };
  assert_true (elect_tally_set_eligible (t, eligible, sexes, 3, NULL));
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    tb_add (t, b, spec[i], 1);
  tb_assert_ballots (t, 6, 6, 0);
  tb_assert_defects (t, "women-post-not-woman=3,write-in-other-post=2");
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 2);
  assert_int_equal (tb_wi_votes (t, 0, "何丽娟"), 1);
  assert_int_equal (tb_wi_votes (t, 0, "吴晓燕"), 1);
  for (guint i = 0; i < 2; i++)
    assert_int_equal (elect_tally_get_write_in_sex (t, 0, i), ELECT_SEX_FEMALE);
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 3);
  assert_reason (t, "women-post-not-woman", "浙江省村民委员会选举办法 第二十一条", "women.member");

  /* without a list, nobody written in is known to be a woman; the same
   * names on an ordinary post are accepted */
  g_autoptr (ElectTally) u = tb_tally (r, p);
  tb_add (u, b, "women=何丽娟;member=何丽娟", 1);
  tb_assert_ballots (u, 1, 1, 0);
  tb_assert_defects (u, "women-post-not-woman=1,write-in-unverified=1");
  assert_int_equal (elect_tally_get_n_write_ins (u, 0), 0);
  assert_int_equal (tb_wi_votes (u, 1, "何丽娟"), 1);
}

/* RULES §5.2, BJ 28: a paper that cannot be read or is marked outside the
 * allowed places (废票) is invalid, whatever it holds, and counts in the
 * ballots returned and in the win base. */
static void
test_unreadable_bj28 (void **state)
{
  (void) state;
  const char *profiles[] = { "beijing-village-committee", "village-committee" };
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr (ElectRules) r = tb_rules (profiles[i]);
      g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, "chair=王一", 2);
      tb_fill (b, "chair=王一,李二,钱多多");
      elect_ballot_set_unreadable (b);
      assert_true (elect_tally_add_ballot (t, b, NULL));
      tb_add (t, b, "!", 1);
      tb_assert_ballots (t, 4, 2, 2);
      tb_assert_defects (t, "unreadable=2");
      assert_int_equal (elect_tally_get_votes (t, 0, 0), 2);
      assert_int_equal (elect_tally_get_votes (t, 0, 1), 0);
      assert_int_equal (elect_tally_get_n_write_ins (t, 0), 0);
      g_autoptr (ElectReason) why = elect_tally_get_defect_reason (t, "unreadable");
      assert_string_equal (elect_reason_get_param (why), "count.win_base");

      /* base 4 (废票 included): 2 votes are not more than half */
      g_autoptr (ElectTurnout) to = elect_turnout_new ();
      assert_true (elect_turnout_set_electorate (to, 6, NULL));
      assert_true (elect_turnout_set_issued (to, 4, NULL));
      g_autoptr (ElectOutcome) o = elect_count (r, p, t, to, NULL);
      assert_non_null (o);
      assert_true (elect_outcome_is_valid (o));
      assert_int_equal (elect_outcome_get_threshold (o, 0), 3);
      guint row = 0;
      while (strcmp (elect_outcome_get_candidate_name (o, 0, row), "王一") != 0)
        row++;
      assert_int_equal (elect_outcome_get_candidate_votes (o, 0, row), 2);
      assert_int_equal (elect_outcome_get_candidate_status (o, 0, row), ELECT_STATUS_BELOW_THRESHOLD);
      assert_true (elect_outcome_has_reason (o, "unreadable"));
    }
}

/* RULES §5.2 (Party ballots; PER [approx]): abstaining and writing in on
 * the same line is a void mark (abstain-write-in); a voter against a
 * candidate may write in another person on that line. */
static void
test_party_abstain_plus_write_in_per (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("party-committee");
  g_autoptr (ElectPaper) p = tb_paper (TRUE, "committee:2:马文华,王丽萍,石磊");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "committee=+马文华,~石磊>张红梅", 1);
  tb_add (t, b, "committee=+马文华,-石磊>张红梅", 2);
  tb_add (t, b, "committee=+马文华,>李四", 1);
  /* the write-in first, the abstain mark after: still void */
  elect_ballot_reset (b);
  elect_ballot_write_in_on_line (b, 0, 1, "张红梅", -1);
  elect_ballot_mark_party (b, 0, 1, ELECT_MARK_ABSTAIN);
  assert_true (elect_tally_add_ballot (t, b, NULL));
  tb_assert_ballots (t, 5, 5, 0);
  tb_assert_defects (t, "abstain-write-in=2,write-in-unverified=3");
  assert_int_equal (tb_wi_votes (t, 0, "张红梅"), 2);
  assert_int_equal (tb_wi_votes (t, 0, "李四"), 1);
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 4);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 2), 2);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 1);
  assert_reason (t, "abstain-write-in",
                 "中国共产党基层组织选举工作条例·多于规定应选人数的选票无效（条号待核：第二十七条）",
                 "count.overvote");
}

/* RULES §5.2 (Party ballots): a line marked twice with different marks is
 * contradictory, a void mark (neither for nor against); the same mark twice
 * is not ("for" twice is a duplicate). */
static void
test_party_contradictory_mark_per (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("party-committee");
  g_autoptr (ElectPaper) p = tb_paper (TRUE, "committee:2:马文华,王丽萍,石磊");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "committee=+马文华,-马文华,+王丽萍", 1);
  tb_add (t, b, "committee=+马文华,~马文华", 1);
  tb_add (t, b, "committee=-石磊,~石磊,+王丽萍", 1);
  tb_add (t, b, "committee=-石磊,-石磊,+王丽萍,+王丽萍", 1);
  tb_add (t, b, "committee=~石磊,~石磊", 1);
  tb_assert_ballots (t, 5, 5, 0);
  tb_assert_defects (t, "contradictory-mark=3,duplicate-mark=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 0);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 0), 0);
  assert_int_equal (elect_tally_get_votes (t, 0, 1), 3);
  assert_int_equal (elect_tally_get_votes_against (t, 0, 2), 1);
  assert_int_equal (elect_tally_get_abstentions (t, 0), 2);
}

/* ---- §5.3 one person marked for two posts ----------------------------------- */

typedef enum { P_SEPARATE, P_VOID, P_CASCADE } Policy;

static const struct {
  const char *profile;
  Policy policy;
  const char *citation;
} TWO_POSTS[] = {
  { "village-committee", P_SEPARATE, "村民委员会组织法 第十五条（未规定；逐职位分别计票）" },
  { "zhejiang-village-committee", P_VOID, "浙江省村民委员会选举办法 第二十七条" },
  { "shanghai-village-committee", P_SEPARATE, "村民委员会组织法 第十五条（未规定；逐职位分别计票）" },
  { "beijing-village-committee", P_SEPARATE, "村民委员会组织法 第十五条（未规定；逐职位分别计票）" },
  { "henan-village-committee", P_CASCADE, "河南省实施《村民委员会组织法》办法 第二十五条" },
  { "residents-committee", P_SEPARATE, "村民委员会组织法 第十五条（未规定；逐职位分别计票）" },
  { "supervision-committee", P_SEPARATE, "村民委员会组织法 第十五条（未规定；逐职位分别计票）" },
};

static const char *
two_posts_code (Policy p)
{
  return p == P_VOID ? "two-posts-void-ballot"
       : p == P_CASCADE ? "two-posts-cascade-down" : "two-posts-separate";
}

/* The votes of @name in contest @c: as a listed candidate or as a written-in
 * name; 0 when it has none. */
static gint64
name_votes (const ElectTally *t, const ElectPaper *p, guint c, const char *name)
{
  int k = elect_paper_find_candidate (p, c, name, -1);
  if (k >= 0)
    return elect_tally_get_votes (t, c, (guint) k);
  return MAX (0, tb_wi_votes (t, c, name));
}

/* Adds one ballot @spec that marks 王一 for the posts "chair" (contest 0)
 * and "member" (contest 1) of @paper, and a plain ballot for 李二 and 陈五,
 * under every profile: void-ballot (ZJ 27) voids it; separate and
 * cascade-down (HA 25) count every mark and record the lower post's
 * overlap. @extra: the other defects of @spec. */
static void
check_two_posts (const char *paper, const char *spec, const char *extra)
{
  for (guint i = 0; i < G_N_ELEMENTS (TWO_POSTS); i++)
    {
      g_autoptr (ElectRules) r = tb_rules (TWO_POSTS[i].profile);
      g_autoptr (ElectPaper) p = tb_paper (FALSE, paper);
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, spec, 1);
      tb_add (t, b, "chair=李二;member=陈五", 1);
      Policy pol = TWO_POSTS[i].policy;
      g_autofree char *want = g_strdup_printf ("%s=1%s%s", two_posts_code (pol),
                                               *extra ? "," : "", extra);
      tb_assert_defects (t, want);
      assert_reason (t, two_posts_code (pol), TWO_POSTS[i].citation,
                     "count.same_person_two_posts");
      gint64 overlap = elect_tally_get_overlap_votes (t, 1, "王一", -1);
      if (pol == P_VOID)
        {
          tb_assert_ballots (t, 2, 1, 1);
          assert_int_equal (name_votes (t, p, 0, "王一"), 0);
          assert_int_equal (name_votes (t, p, 1, "王一"), 0);
          assert_int_equal (overlap, 0);
        }
      else
        {
          tb_assert_ballots (t, 2, 2, 0);
          assert_int_equal (name_votes (t, p, 0, "王一"), 1);
          assert_int_equal (name_votes (t, p, 1, "王一"), 1);
          /* the lower post's votes on ballots that also marked the person
           * higher up: not added twice by cascade-down (HA 25) */
          assert_int_equal (overlap, 1);
          assert_int_equal (elect_tally_get_overlap_votes (t, 0, "王一", -1), 0);
        }
      assert_int_equal (name_votes (t, p, 0, "李二"), 1);
      assert_int_equal (name_votes (t, p, 1, "陈五"), 1);
      assert_int_equal (name_votes (t, p, 1, "刘六"), pol == P_VOID ? 0 : 1);
    }
}

/* RULES §5.3, ZJ 27 (选举同一人为两项以上职务的无效), HA 25: a person listed
 * on two posts and marked on both. */
static void
test_two_posts_listed_twice_zj27_ha25 (void **state)
{
  (void) state;
  check_two_posts ("chair:1:王一,李二|member:3:王一,陈五,刘六", "chair=王一;member=王一,刘六", "");
}

/* RULES §5.3, ZJ 27, HA 25 (the village-2026 sample's defect): a person
 * listed on the chair post only, marked there and written in on the member
 * post. This was not seen as two posts (no listing on two contests). */
static void
test_two_posts_write_in_of_marked_candidate_zj27_ha25 (void **state)
{
  (void) state;
  check_two_posts ("chair:1:王一,李二|member:3:陈五,刘六,孙八", "chair=王一;member=王一,刘六",
                   "write-in-other-post=1");
}

/* RULES §5.3, ZJ 27: the same, the other way up: written in on the higher
 * post, listed and marked on the lower one. */
static void
test_two_posts_write_in_higher_listed_lower_zj27 (void **state)
{
  (void) state;
  check_two_posts ("chair:1:李二|member:3:王一,陈五,刘六", "chair=王一;member=王一,刘六",
                   "write-in-other-post=1");
}

/* RULES §5.3, ZJ 27: a person on no list written in on two posts. */
static void
test_two_posts_write_in_twice_zj27 (void **state)
{
  (void) state;
  check_two_posts ("chair:1:李二|member:3:陈五,刘六", "chair=王一;member=王一,刘六",
                   "write-in-unverified=2");
}

/* RULES §5.3, ZJ 27, HA 25: three posts on one ballot are one defect of the
 * ballot; each lower post records its overlap once, however the person
 * got onto it (listed, listed on two posts, written in). */
static void
test_two_posts_three_posts_one_defect_zj27_ha25 (void **state)
{
  (void) state;
  for (guint i = 0; i < G_N_ELEMENTS (TWO_POSTS); i++)
    {
      g_autoptr (ElectRules) r = tb_rules (TWO_POSTS[i].profile);
      /* 王一: written in for chair and vice, listed and marked for member */
      g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:李二|vice:1:赵四|member:3:王一,陈五");
      g_autoptr (ElectTally) t = tb_tally (r, p);
      g_autoptr (ElectBallot) b = elect_ballot_new (p);
      tb_add (t, b, "chair=王一;vice=王一;member=王一,陈五", 1);
      Policy pol = TWO_POSTS[i].policy;
      g_autofree char *want = g_strdup_printf ("%s=1,write-in-other-post=2", two_posts_code (pol));
      tb_assert_defects (t, want);
      if (pol == P_VOID)
        {
          tb_assert_ballots (t, 1, 0, 1);
          assert_int_equal (elect_tally_get_votes (t, 2, 0), 0);
          continue;
        }
      tb_assert_ballots (t, 1, 1, 0);
      assert_int_equal (tb_wi_votes (t, 0, "王一"), 1);
      assert_int_equal (tb_wi_votes (t, 1, "王一"), 1);
      assert_int_equal (elect_tally_get_votes (t, 2, 0), 1);
      assert_int_equal (elect_tally_get_overlap_votes (t, 0, "王一", -1), 0);
      assert_int_equal (elect_tally_get_overlap_votes (t, 1, "王一", -1), 1);
      assert_int_equal (elect_tally_get_overlap_votes (t, 2, "王一", -1), 1);
    }
}

/* RULES §5.3, ZJ 27: the other side of the boundary: a person listed on
 * two posts (or written in on a post while listed on another) but marked
 * on one post only is not marked for two posts. */
static void
test_two_posts_marked_once_is_valid_zj27 (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules ("zhejiang-village-committee");
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|vice:1:赵四|member:3:王一,陈五");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "chair=李二;member=王一", 1);
  tb_add (t, b, "chair=王一;member=陈五", 1);
  tb_add (t, b, "chair=李二;vice=王一;member=陈五", 1);
  tb_add (t, b, "chair=李二;vice=陈五;member=王一", 1);   /* 陈五 written in on vice */
  tb_assert_ballots (t, 4, 4, 0);
  tb_assert_defects (t, "write-in-other-post=2");
  /* and the other side: 李二 marked (twice) on chair, written in on member */
  tb_add (t, b, "chair=李二,李二;member=李二", 1);
  tb_assert_ballots (t, 5, 4, 1);
  tb_assert_defects (t, "write-in-other-post=3,two-posts-void-ballot=1,duplicate-mark=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_votes (t, 2, 0), 2);
  assert_int_equal (tb_wi_votes (t, 1, "王一"), 1);
}

/* RULES §5.3 with the over-vote parameter of §5.2: under void-contest, a
 * void contest's marks are not marks, so they do not make two posts. */
static void
test_two_posts_ignores_void_contest (void **state)
{
  (void) state;
  g_autoptr (ElectRules) r = tb_rules_with ("zhejiang-village-committee", TB_VOID_CONTEST);
  g_autoptr (ElectPaper) p = tb_paper (FALSE, "chair:1:王一,李二|member:2:陈五,刘六");
  g_autoptr (ElectTally) t = tb_tally (r, p);
  g_autoptr (ElectBallot) b = elect_ballot_new (p);
  tb_add (t, b, "chair=王一;member=王一,陈五,刘六", 1);
  tb_add (t, b, "chair=王一;member=王一,陈五", 1);
  tb_assert_ballots (t, 2, 1, 1);
  tb_assert_defects (t, "write-in-other-post=2,overvote-contest=1,two-posts-void-ballot=1");
  assert_int_equal (elect_tally_get_votes (t, 0, 0), 1);
  assert_int_equal (elect_tally_get_contest_void (t, 1), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_shape_contests_in_paper_order_zj21),
    cmocka_unit_test (test_shape_paper_errors),
    cmocka_unit_test (test_shape_names_normalised_rules_1_7),
    cmocka_unit_test (test_shape_open_ballot_zj21),
    cmocka_unit_test (test_shape_party_lines_per),
    cmocka_unit_test (test_shape_ballot_reset),
    cmocka_unit_test (test_overvote_voids_ballot_zj27_sh19_bj28_ha35),
    cmocka_unit_test (test_overvote_counts_distinct_people_zj27),
    cmocka_unit_test (test_overvote_void_contest_policy),
    cmocka_unit_test (test_overvote_party_per27),
    cmocka_unit_test (test_duplicate_mark_counts_once),
    cmocka_unit_test (test_write_in_listed_is_a_mark),
    cmocka_unit_test (test_write_in_other_post_zj27),
    cmocka_unit_test (test_write_in_resolution_with_and_without_list),
    cmocka_unit_test (test_write_in_blank),
    cmocka_unit_test (test_women_post_write_in_zj21),
    cmocka_unit_test (test_unreadable_bj28),
    cmocka_unit_test (test_party_abstain_plus_write_in_per),
    cmocka_unit_test (test_party_contradictory_mark_per),
    cmocka_unit_test (test_two_posts_listed_twice_zj27_ha25),
    cmocka_unit_test (test_two_posts_write_in_of_marked_candidate_zj27_ha25),
    cmocka_unit_test (test_two_posts_write_in_higher_listed_lower_zj27),
    cmocka_unit_test (test_two_posts_write_in_twice_zj27),
    cmocka_unit_test (test_two_posts_three_posts_one_defect_zj27_ha25),
    cmocka_unit_test (test_two_posts_marked_once_is_valid_zj27),
    cmocka_unit_test (test_two_posts_ignores_void_contest),
  };
  return cmocka_run_group_tests_name ("ballot", tests, NULL, NULL);
}
