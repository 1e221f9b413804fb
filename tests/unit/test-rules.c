/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Rule profiles: loading, inheritance, typed values, contradictions.
 * Every test names the article whose parameter it checks. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules-private.h"

static ElectRules *
load_ok (const char *name)
{
  g_autoptr (GError) error = NULL;
  ElectRules *r = elect_rules_load (name, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_non_null (r);
  return r;
}

/* VCL 15: "有登记参加选举的村民过半数投票，选举有效" — strictly more than half. */
static void
test_vcl15_quorum_more_than_half (void **state)
{
  g_autoptr (ElectRules) r = load_ok ("village-committee");
  gboolean holds;
  assert_true (elect_rules_fraction_holds (r, "count.quorum", 500, 1000, &holds, NULL));
  assert_false (holds);   /* exactly half fails */
  assert_true (elect_rules_fraction_holds (r, "count.quorum", 501, 1000, &holds, NULL));
  assert_true (holds);
  gint64 least;
  assert_true (elect_rules_fraction_least (r, "count.quorum", 890, &least, NULL));
  assert_int_equal (least, 446);
  assert_string_equal (elect_rules_get_citation (r, "count.quorum"),
                       "村民委员会组织法 第十五条第二款");
}

/* ZJ 27: one person marked for two posts voids the ballot in Zhejiang, and
 * the value is overridden while the rest is inherited from the VCL. */
static void
test_zj27_two_posts_void_ballot_inherits_rest (void **state)
{
  g_autoptr (ElectRules) r = load_ok ("zhejiang-village-committee");
  assert_string_equal (elect_rules_get_policy (r, "count.same_person_two_posts", NULL), "void-ballot");
  assert_string_equal (elect_rules_get_origin (r, "count.same_person_two_posts"),
                       "zhejiang-village-committee");
  assert_string_equal (elect_rules_get_origin (r, "general.term_years"), "village-committee");
  assert_string_equal (elect_rules_get_parent (r), "village-committee");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vcl15_quorum_more_than_half),
    cmocka_unit_test (test_zj27_two_posts_void_ballot_inherits_rest),
  };
  return cmocka_run_group_tests_name ("rules", tests, NULL, NULL);
}
