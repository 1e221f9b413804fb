/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libelect-print through its public API only (<elect/elect-print.h>, linked
 * against libelect-print.so.1 like any user): options, the font check, the
 * four documents from objects in memory, and the promise of the output: a
 * file on success, none (and an earlier one untouched) on failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <elect/elect-print.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *dir;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->dir = g_dir_make_tmp ("elect-print-api-XXXXXX", NULL);
  *state = f;
  return f->dir ? 0 : -1;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static char *
path_in (void **state, const char *name)
{
  return g_build_filename (((Fixture *) *state)->dir, name, NULL);
}

static ElectPaper *
small_paper (const char *extra_name)
{
  ElectPaper *paper = elect_paper_new (FALSE);
  g_autoptr (GError) error = NULL;
  int chair = elect_paper_add_contest (paper, "chair", "主任", 1, &error);
  int member = elect_paper_add_contest (paper, "member", "委员", 2, &error);
  assert_true (chair == 0 && member == 1);
  /* Given out of stroke order: 李 (7) before 王 (4). */
  assert_true (elect_paper_add_candidate (paper, 0, "李明华", ELECT_SEX_MALE, &error) >= 0);
  assert_true (elect_paper_add_candidate (paper, 0, "王建国", ELECT_SEX_MALE, &error) >= 0);
  assert_true (elect_paper_add_candidate (paper, 1, "陈志强", ELECT_SEX_MALE, &error) >= 0);
  assert_true (elect_paper_add_candidate (paper, 1, "刘秀英", ELECT_SEX_FEMALE, &error) >= 0);
  assert_true (elect_paper_add_candidate (paper, 1, "孙海涛", ELECT_SEX_MALE, &error) >= 0);
  if (extra_name)
    assert_true (elect_paper_add_candidate (paper, 1, extra_name, ELECT_SEX_UNKNOWN, &error) >= 0);
  return paper;
}

static char *
read_file (const char *path)
{
  char *data = NULL;
  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static void
test_options (void **state)
{
  g_autoptr (ElectPrintOptions) o = elect_print_options_new ();
  g_autoptr (ElectPrintOptions) copy = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *keys = elect_print_options_list_keys ();
  guint n = 0;
  for (; keys[n]; n++)
    ;
  assert_int_equal (n, 11);
  assert_true (g_strv_contains (keys, "format") && g_strv_contains (keys, "order"));
  assert_null (elect_print_options_get (o, "title"));
  assert_true (elect_print_options_set (o, "title", "青山村第十二届村民委员会选举", &error));
  copy = elect_print_options_copy (o);
  assert_string_equal (elect_print_options_get (copy, "title"), "青山村第十二届村民委员会选举");
  assert_false (elect_print_options_set (o, "papper", "a4", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY));
  assert_non_null (strstr (error->message, "papper"));
  g_clear_error (&error);
  assert_false (elect_print_options_set (o, "order", "random", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  assert_null (elect_print_options_get (o, "order"));
  assert_null (elect_print_options_get (o, "no-such-key"));
  assert_true (elect_print_check_fonts (NULL, NULL));
}

static void
test_ballot_from_memory (void **state)
{
  g_autoptr (ElectRules) rules = elect_rules_load ("village-committee", NULL);
  g_autoptr (ElectPaper) paper = small_paper (NULL);
  g_autoptr (ElectPrintOptions) o = elect_print_options_new ();
  g_autofree char *pdf = path_in (state, "ballot.pdf");
  g_autofree char *svg = path_in (state, "ballot.svg");
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  guint pages = 0;

  assert_true (elect_print_ballot (rules, paper, NULL, pdf, &pages, &error));
  assert_null (error);
  assert_int_equal (pages, 1);
  data = read_file (pdf);
  assert_non_null (data);
  assert_true (g_str_has_prefix (data, "%PDF-"));
  g_clear_pointer (&data, g_free);

  assert_true (elect_print_options_set (o, "format", "svg", &error));
  assert_true (elect_print_ballot (rules, paper, o, svg, NULL, &error));
  data = read_file (svg);
  assert_non_null (data);
  assert_non_null (strstr (data, "<svg"));
}

static void
test_failure_writes_nothing (void **state)
{
  g_autoptr (ElectRules) rules = elect_rules_load ("village-committee", NULL);
  /* A character without stroke data cannot be ordered (RULES.md §7.3.4). */
  g_autoptr (ElectPaper) paper = small_paper ("王☃");
  g_autofree char *pdf = path_in (state, "kept.pdf");
  g_autofree char *absent = path_in (state, "absent.pdf");
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;

  assert_true (g_file_set_contents (pdf, "earlier", -1, NULL));
  assert_false (elect_print_ballot (rules, paper, NULL, pdf, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  data = read_file (pdf);
  assert_string_equal (data, "earlier");
  g_clear_error (&error);
  assert_false (elect_print_ballot (rules, paper, NULL, absent, NULL, &error));
  assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A directory that does not exist: an I/O error. */
  {
    g_autoptr (ElectPaper) ok = small_paper (NULL);
    g_autofree char *nowhere = path_in (state, "no/such/dir/ballot.pdf");
    assert_false (elect_print_ballot (rules, ok, NULL, nowhere, NULL, &error));
    assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_IO));
  }
}

static void
test_roll_and_result_from_objects (void **state)
{
  g_autoptr (ElectRules) rules = elect_rules_load ("zhejiang-village-committee", NULL);
  g_autofree char *csv = g_build_filename (TEST_DATA_DIR, "village-2026", "roll.csv", NULL);
  g_autofree char *efile = g_build_filename (TEST_DATA_DIR, "village-2026", "election.json", NULL);
  g_autofree char *roll_pdf = path_in (state, "roll.pdf");
  g_autofree char *notice_pdf = path_in (state, "notice.pdf");
  g_autofree char *list_pdf = path_in (state, "list.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRoll) roll = NULL;
  g_autoptr (ElectElection) election = NULL;
  g_autoptr (ElectOutcome) outcome = NULL;
  GDate day;
  guint pages = 0;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 12, 2026);
  roll = elect_roll_new_from_csv_file (rules, &day, csv, NULL, 0, &error);
  assert_non_null (roll);
  assert_true (elect_print_roll (roll, NULL, roll_pdf, &pages, &error));
  /* 1586 registered voters, two columns of about 50 a page. */
  assert_true (pages >= 10 && pages <= 30);

  election = elect_election_read_file (efile, &error);
  assert_non_null (election);
  outcome = elect_election_count (election, &error);
  assert_non_null (outcome);
  assert_true (elect_print_result (outcome, NULL, notice_pdf, &pages, &error));
  assert_true (pages >= 1);
  assert_true (elect_print_candidates (elect_election_get_rules (election),
                                       elect_election_get_paper (election), NULL, list_pdf,
                                       &pages, &error));
  assert_int_equal (pages, 1);
}

static void
test_candidates_from_json (void **state)
{
  const char *bare = "{\"valid\":true,\"posts\":[{\"id\":\"chair\",\"kind\":\"chair\",\"seats\":1,"
                     "\"official\":[\"王建国\",\"李明华\"],\"nominees\":[{\"name\":\"李明华\",\"votes\":9,"
                     "\"status\":\"official\"},{\"name\":\"王建国\",\"votes\":3,\"status\":\"official\"}]}]}";
  g_autoptr (ElectPrintOptions) o = elect_print_options_new ();
  g_autofree char *pdf = path_in (state, "list.pdf");
  g_autoptr (GError) error = NULL;
  assert_true (elect_print_candidates_from_json (bare, -1, NULL, pdf, NULL, &error));
  assert_null (error);
  /* A profile that is not there. */
  assert_true (elect_print_options_set (o, "profile", "no-such-profile", &error));
  assert_false (elect_print_candidates_from_json (bare, -1, o, pdf, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (elect_print_candidates_from_json ("{\"posts\": 3}", -1, NULL, pdf, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  assert_non_null (strstr (error->message, "$.posts"));
  g_clear_error (&error);
  assert_false (elect_print_result_from_json ("not json", -1, NULL, pdf, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_PARSE));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_options),
    cmocka_unit_test_setup_teardown (test_ballot_from_memory, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failure_writes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_roll_and_result_from_objects, setup, teardown),
    cmocka_unit_test_setup_teardown (test_candidates_from_json, setup, teardown),
  };
  return cmocka_run_group_tests_name ("print-api", tests, NULL, NULL);
}
