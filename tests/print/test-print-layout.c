/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libelect-print, white-box: the layout arithmetic (print-layout.c: flowing
 * blocks onto pages, grids, the scale that fits, the slots of the public
 * roll) and the readers of the input documents (print-model.c: villager
 * group numbers, the public roll CSV, the result and slate JSON). No Pango:
 * these are numbers and parsers. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "print-private.h"

/* ---- print_flow ---------------------------------------------------------------- */

static void
test_flow_breaks_where_a_block_does_not_fit (void **state)
{
  PrintBlock b[] = { { 100, FALSE }, { 100, FALSE }, { 100, FALSE } };
  guint page[3];
  double y[3];
  /* 200 fits exactly (the boundary), 300 does not. */
  assert_int_equal (print_flow (b, 3, 200, 200, page, y), 2);
  assert_int_equal (page[0], 0);
  assert_int_equal (page[1], 0);
  assert_int_equal (page[2], 1);
  assert_true (y[1] == 100 && y[2] == 0);
  /* One point less and the second block moves too. */
  assert_int_equal (print_flow (b, 3, 199, 199, page, y), 3);
  assert_int_equal (page[1], 1);
}

static void
test_flow_first_page_is_shorter (void **state)
{
  PrintBlock b[] = { { 100, FALSE }, { 100, FALSE }, { 100, FALSE } };
  guint page[3];
  double y[3];
  assert_int_equal (print_flow (b, 3, 150, 300, page, y), 2);
  assert_int_equal (page[0], 0);
  assert_int_equal (page[1], 1);
  assert_int_equal (page[2], 1);
}

static void
test_flow_keeps_a_heading_with_what_follows (void **state)
{
  /* body, heading (kept with the next), body that does not fit: the
   * heading goes to the next page with it. */
  PrintBlock b[] = { { 180, FALSE }, { 20, TRUE }, { 100, FALSE } };
  guint page[3];
  double y[3];
  assert_int_equal (print_flow (b, 3, 250, 250, page, y), 2);
  assert_int_equal (page[0], 0);
  assert_int_equal (page[1], 1);
  assert_int_equal (page[2], 1);
  assert_true (y[1] == 0 && y[2] == 20);
}

static void
test_flow_chain_longer_than_a_page_ends (void **state)
{
  /* Every block kept with the next, together taller than a page: the chain
   * starts a page, so it is split rather than moved for ever. */
  PrintBlock b[] = { { 50, FALSE }, { 100, TRUE }, { 100, TRUE }, { 100, TRUE }, { 100, FALSE } };
  guint page[5];
  double y[5];
  assert_int_equal (print_flow (b, 5, 250, 250, page, y), 3);
  assert_int_equal (page[0], 0);
  assert_int_equal (page[1], 1);   /* the chain moved once, to a fresh page */
  assert_int_equal (page[2], 1);
  assert_int_equal (page[3], 2);
  assert_int_equal (page[4], 2);
}

static void
test_flow_block_taller_than_a_page (void **state)
{
  PrintBlock b[] = { { 10, FALSE }, { 400, FALSE }, { 10, FALSE } };
  guint page[3];
  double y[3];
  assert_int_equal (print_flow (b, 3, 250, 250, page, y), 3);
  assert_int_equal (page[1], 1);
  assert_true (y[1] == 0);
  assert_int_equal (page[2], 2);
  /* Nothing at all: one (empty) page. */
  assert_int_equal (print_flow (NULL, 0, 250, 250, NULL, NULL), 1);
}

static void
test_flow_closing_block_takes_the_last_lines_along (void **state)
{
  /* An announcement's end as print_doc_add_closing () chains it: lines,
   * the last two kept with the gap, 特此公告, a space and the seal. When the
   * seal does not fit, the last two lines go with it to the next page: the
   * seal's page is never only the closing block. */
  PrintBlock b[] = { { 100, FALSE }, { 20, FALSE }, { 20, TRUE }, { 20, TRUE },
                     { 16, TRUE }, { 15, TRUE }, { 10, TRUE }, { 110, FALSE } };
  guint page[8];
  double y[8];
  assert_int_equal (print_flow (b, 8, 250, 250, page, y), 2);
  assert_int_equal (page[1], 0);
  assert_int_equal (page[2], 1);
  assert_true (y[2] == 0);
  assert_int_equal (page[3], 1);
  assert_int_equal (page[7], 1);
  /* Room for it all: one page. */
  assert_int_equal (print_flow (b, 8, 311, 311, page, y), 1);
}

/* ---- grids and the scale that fits ------------------------------------------------- */

static void
test_grid_columns_and_rows (void **state)
{
  assert_int_equal (print_grid_columns (510, 51, 0), 10);     /* exactly 10 */
  assert_int_equal (print_grid_columns (509, 51, 0), 9);
  assert_int_equal (print_grid_columns (510, 51, 3), 3);      /* no empty columns */
  assert_int_equal (print_grid_columns (40, 51, 5), 1);       /* wider than the page */
  assert_int_equal (print_grid_rows (16, 15), 2);
  assert_int_equal (print_grid_rows (15, 15), 1);
  assert_int_equal (print_grid_rows (0, 15), 0);
}

/* Pages as a step function of the scale: one page at or below 0.72. */
static guint
pages_step (double scale, gpointer data)
{
  (*(guint *) data)++;
  return scale > 0.72 + 1e-9 ? 2 : 1;
}

static guint
pages_never (double scale, gpointer data)
{
  (*(guint *) data)++;
  return 2;
}

static void
test_fit_scale_takes_the_largest_that_fits (void **state)
{
  guint calls = 0;
  gboolean fits = FALSE;
  double s = print_fit_scale (pages_step, &calls, 1, 1.0, 0.55, 0.05, &fits);
  assert_true (fits);
  assert_true (s > 0.6999 && s < 0.7001);   /* 1.0, 0.95, …, 0.70 */
  assert_int_equal (calls, 7);
  /* Nothing fits: the smallest scale, and it was tried. */
  calls = 0;
  s = print_fit_scale (pages_never, &calls, 1, 1.0, 0.55, 0.05, &fits);
  assert_false (fits);
  assert_true (s > 0.5499 && s < 0.5501);
  assert_int_equal (calls, 10);
}

/* ---- the roll's slots ------------------------------------------------------------------ */

static void
assert_slot (GArray *slots, guint i, PrintRollKind kind, guint group, guint person,
             guint page, guint column, guint row)
{
  const PrintRollSlot *s = &g_array_index (slots, PrintRollSlot, i);
  if (s->kind != kind || s->page != page || s->column != column || s->row != row
      || (kind != PRINT_ROLL_TOTAL && s->group != group)
      || (kind == PRINT_ROLL_PERSON && s->person != person))
    fail_msg ("slot %u: kind %d group %u person %u at %u/%u/%u, expected kind %d group %u "
              "person %u at %u/%u/%u", i, s->kind, s->group, s->person, s->page, s->column,
              s->row, kind, group, person, page, column, row);
}

static void
test_roll_flow_continues_groups_across_columns (void **state)
{
  const guint sizes[] = { 5, 3 };
  guint pages = 0;
  g_autoptr (GArray) s = print_roll_flow (sizes, 2, 4, 4, 2, &pages);
  assert_int_equal (pages, 2);
  assert_int_equal (s->len, 15);
  assert_slot (s, 0, PRINT_ROLL_GROUP, 0, 0, 0, 0, 0);
  assert_slot (s, 1, PRINT_ROLL_PERSON, 0, 0, 0, 0, 1);
  assert_slot (s, 3, PRINT_ROLL_PERSON, 0, 2, 0, 0, 3);
  assert_slot (s, 4, PRINT_ROLL_CONTINUED, 0, 0, 0, 1, 0);
  assert_slot (s, 6, PRINT_ROLL_PERSON, 0, 4, 0, 1, 2);
  assert_slot (s, 7, PRINT_ROLL_GROUP_TOTAL, 0, 0, 0, 1, 3);
  assert_slot (s, 8, PRINT_ROLL_GROUP, 1, 0, 1, 0, 0);
  assert_slot (s, 11, PRINT_ROLL_PERSON, 1, 2, 1, 0, 3);
  assert_slot (s, 12, PRINT_ROLL_CONTINUED, 1, 0, 1, 1, 0);
  assert_slot (s, 13, PRINT_ROLL_GROUP_TOTAL, 1, 0, 1, 1, 1);
  assert_slot (s, 14, PRINT_ROLL_TOTAL, 0, 0, 1, 1, 2);
}

static void
test_roll_flow_never_ends_a_column_with_a_heading (void **state)
{
  const guint sizes[] = { 1, 1 };
  guint pages = 0;
  g_autoptr (GArray) s = print_roll_flow (sizes, 2, 4, 4, 2, &pages);
  /* Group 0 takes rows 0–2; group 1's heading would be row 3, the last. */
  assert_slot (s, 2, PRINT_ROLL_GROUP_TOTAL, 0, 0, 0, 0, 2);
  assert_slot (s, 3, PRINT_ROLL_GROUP, 1, 0, 0, 1, 0);
  assert_slot (s, 5, PRINT_ROLL_GROUP_TOTAL, 1, 0, 0, 1, 2);
  assert_slot (s, 6, PRINT_ROLL_TOTAL, 0, 0, 0, 1, 3);
  assert_int_equal (pages, 1);
}

static void
test_roll_flow_counts_every_person_once (void **state)
{
  const guint sizes[] = { 188, 195, 193, 206, 193, 205, 201, 205 };
  guint pages = 0, people = 0, last_page = 0;
  g_autoptr (GArray) s = print_roll_flow (sizes, G_N_ELEMENTS (sizes), 40, 50, 2, &pages);
  for (guint i = 0; i < s->len; i++)
    {
      const PrintRollSlot *slot = &g_array_index (s, PrintRollSlot, i);
      people += slot->kind == PRINT_ROLL_PERSON;
      assert_true (slot->page >= last_page);
      assert_true (slot->row < (slot->page == 0 ? 40u : 50u));
      last_page = slot->page;
    }
  assert_int_equal (people, 1586);
  assert_int_equal (pages, last_page + 1);
}

/* ---- villager groups ------------------------------------------------------------------- */

/* ---- the public roll CSV (RULES.md §4.4: masked ID numbers only) ---------------------------- */

static void
test_roll_csv_groups_and_totals (void **state)
{
  const char *csv = "group,name,sex,id_masked\r\n"
                    "第十组,王芳,female,110105********002X\r\n"
                    "第二组,\"李,明\",male,110105********0011\r\n"
                    "第十组,张三,male,110105********0031\n"
                    "第二组,赵四,,110105********0051\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (PrintRollList) l = print_roll_list_from_csv (csv, -1, &error);
  const PrintRollGroup *g;
  assert_null (error);
  assert_non_null (l);
  assert_int_equal (l->n_people, 4);
  assert_int_equal (l->male, 2);
  assert_int_equal (l->female, 1);
  assert_int_equal (l->groups->len, 2);
  g = g_ptr_array_index (l->groups, 0);
  assert_string_equal (g->name, "第二组");
  assert_int_equal (g->people->len, 2);
  assert_string_equal (((PrintRollPerson *) g_ptr_array_index (g->people, 0))->name, "李,明");
  assert_int_equal (((PrintRollPerson *) g_ptr_array_index (g->people, 1))->sex, ELECT_SEX_UNKNOWN);
  g = g_ptr_array_index (l->groups, 1);
  assert_string_equal (g->name, "第十组");
  assert_int_equal (g->female, 1);
}

/* RULES.md §4.4 (VCL 14: the roll is published): the published roll never
 * shows a full ID number; the printed roll refuses a row whose number has no
 * mask. */
static void
test_roll_csv_refuses_a_full_id_number (void **state)
{
  const char *csv = "group,name,sex,id_masked\n第一组,王芳,female,110105********002X\n"
                    "第一组,李明,male,110105199001010011\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (PrintRollList) l = print_roll_list_from_csv (csv, -1, &error);
  assert_null (l);
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  assert_non_null (strstr (error->message, "3"));
}

static void
test_roll_csv_errors (void **state)
{
  static const struct { const char *csv; int code; const char *where; } cases[] = {
    { "group,name,id_masked\n", ELECT_ERROR_INVALID, "1" },
    { "", ELECT_ERROR_INVALID, "1" },
    { "group,name,sex,id_masked\n\"第一组,王芳,female,1101********0000\n", ELECT_ERROR_PARSE, "2" },
    { "group,name,sex,id_masked\n第一组,王\"芳,female,1101********0000\n", ELECT_ERROR_PARSE, "2" },
    { "group,name,sex,id_masked\n第一组,王芳,female\n", ELECT_ERROR_INVALID, "2" },
    { "group,name,sex,id_masked\n第一组,王芳,f,1101********0000\n", ELECT_ERROR_INVALID, "2" },
    { "group,name,sex,id_masked\n第一组,,male,1101********0000\n", ELECT_ERROR_INVALID, "2" },
    { "group,name,sex,id_masked\n第一组,\xff,male,1101********0000\n", ELECT_ERROR_PARSE, "UTF-8" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PrintRollList) l = print_roll_list_from_csv (cases[i].csv, -1, &error);
      if (l != NULL || error == NULL || error->code != cases[i].code
          || strstr (error->message, cases[i].where) == NULL)
        fail_msg ("case %u: %s", i, error ? error->message : "no error");
    }
}

/* ---- the result JSON (FORMATS.md §2) ------------------------------------------------------- */

static const char result_json[] =
  "{\"format\":\"libelect.result/1\",\"profile\":\"village-committee\",\"round\":\"regular\","
  "\"valid\":true,\"electorate\":1000,\"ballots_issued\":900,\"ballots_returned\":890,"
  "\"ballots_valid\":878,\"ballots_invalid\":12,"
  "\"quorum\":{\"required\":501,\"actual\":890,\"met\":true},"
  "\"contests\":[{\"id\":\"chair\",\"title\":\"主任\",\"seats\":1,\"threshold\":446,"
  "\"elected\":[\"王一\"],\"unfilled\":0,\"next\":{\"action\":\"none\"},"
  "\"candidates\":[{\"name\":\"王一\",\"votes\":520,\"status\":\"elected\"},"
  "{\"name\":\"孙九\",\"votes\":3,\"status\":\"below_threshold\",\"write_in\":true}]}],"
  "\"reasons\":[{\"code\":\"quorum-met\",\"message\":\"…\",\"citation\":\"村民委员会组织法 第二十四条\"}],"
  "\"x-extension\":1}";

static void
test_result_json_reads (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrintResult) r = print_result_from_json (result_json, -1, &error);
  const PrintResContest *c;
  assert_null (error);
  assert_non_null (r);
  assert_true (r->valid);
  assert_int_equal (r->electorate, 1000);
  assert_int_equal (r->issued, 900);
  assert_int_equal (r->present, -1);
  assert_int_equal (r->quorum_required, 501);
  c = g_ptr_array_index (r->contests, 0);
  assert_string_equal (c->title, "主任");
  assert_int_equal (c->threshold, 446);
  assert_int_equal (c->abstentions, -1);
  assert_string_equal (c->action, "none");
  assert_int_equal (c->candidates->len, 2);
  assert_true (((PrintResCandidate *) g_ptr_array_index (c->candidates, 1))->write_in);
  assert_int_equal (r->reasons->len, 1);
}

static void
test_result_json_errors_name_the_path (void **state)
{
  static const struct { const char *from, *to, *path; int code; } cases[] = {
    { "libelect.result/1", "libelect.result/2", "$.format", ELECT_ERROR_INVALID },
    { "\"seats\":1", "\"seats\":\"1\"", "$.contests[0].seats", ELECT_ERROR_INVALID },
    { "\"votes\":520", "\"votes\":-520", "$.contests[0].candidates[0].votes", ELECT_ERROR_INVALID },
    { "\"votes\":520", "\"votes\":5.5", "$.contests[0].candidates[0].votes", ELECT_ERROR_INVALID },
    { "\"quorum\"", "\"x-quorum\"", "$.quorum", ELECT_ERROR_INVALID },
    { "\"elected\":[\"王一\"]", "\"elected\":[\"\"]", "$.contests[0].elected[0]", ELECT_ERROR_INVALID },
    { "\"next\":{\"action\":\"none\"}", "\"next\":[]", "$.contests[0].next", ELECT_ERROR_INVALID },
    { "{\"format\"", "[{\"format\"", "", ELECT_ERROR_PARSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) doc = g_string_new (result_json);
      g_autoptr (GError) error = NULL;
      g_autoptr (PrintResult) r = NULL;
      g_string_replace (doc, cases[i].from, cases[i].to, 1);
      r = print_result_from_json (doc->str, (gssize) doc->len, &error);
      if (r != NULL || error == NULL || error->code != cases[i].code
          || strstr (error->message, cases[i].path) == NULL)
        fail_msg ("case %u: %s", i, error ? error->message : "no error");
    }
}

/* ---- the slate JSON (doc/formats-candidates.md) ---------------------------------------------- */

static void
test_slate_json_reads_both_shapes (void **state)
{
  const char *full = "{\"format\":\"libelect.slate/1\",\"profile\":\"zhejiang-village-committee\","
                     "\"name_order\":\"surname-strokes\",\"vetting\":[],\"nomination\":{\"valid\":true,"
                     "\"posts\":[{\"id\":\"women\",\"kind\":\"member\",\"title\":\"妇女委员\",\"seats\":1,"
                     "\"official\":[\"刘秀英\",\"赵丽\"],\"nominees\":[{\"name\":\"刘秀英\",\"votes\":520,"
                     "\"status\":\"official\"},{\"name\":\"朱红\",\"votes\":60,\"status\":\"excluded\"}]}]}}";
  const char *bare = "{\"valid\":false,\"posts\":[{\"id\":\"chair\",\"seats\":1,\"official\":[]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (PrintList) l = print_list_from_json (full, -1, &error);
  g_autoptr (PrintList) b = NULL;
  const PrintListPost *p;
  assert_null (error);
  assert_string_equal (l->profile, "zhejiang-village-committee");
  p = g_ptr_array_index (l->posts, 0);
  assert_string_equal (p->title, "妇女委员");
  assert_int_equal (p->official->len, 2);
  assert_int_equal (p->nominees->len, 2);
  b = print_list_from_json (bare, -1, &error);
  assert_null (error);
  assert_false (b->valid);
  assert_null (b->profile);
  assert_null (((PrintListPost *) g_ptr_array_index (b->posts, 0))->title);
}

static void
test_slate_json_errors_name_the_path (void **state)
{
  static const struct { const char *doc, *path; } cases[] = {
    { "{\"format\":\"libelect.slate/2\"}", "$.format" },
    { "{\"format\":\"libelect.slate/1\"}", "$.nomination" },
    { "{\"posts\":[{\"id\":\"chair\",\"seats\":0,\"official\":[]}]}", "$.posts[0].seats" },
    { "{\"posts\":[{\"id\":\"chair\",\"seats\":1}]}", "$.posts[0].official" },
    { "{\"format\":\"libelect.slate/1\",\"nomination\":{\"posts\":[{\"id\":\"c\",\"seats\":1,"
      "\"official\":[\"王一\",3]}]}}", "$.nomination.posts[0].official[1]" },
    { "{\"posts\":[{\"id\":\"c\",\"seats\":1,\"official\":[],\"nominees\":[{\"name\":\"王一\"}]}]}",
      "$.posts[0].nominees[0].votes" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PrintList) l = print_list_from_json (cases[i].doc, -1, &error);
      if (l != NULL || error == NULL || error->code != ELECT_ERROR_INVALID
          || strstr (error->message, cases[i].path) == NULL)
        fail_msg ("case %u: %s", i, error ? error->message : "no error");
    }
}

/* ---- options ------------------------------------------------------------------------------- */

static void
test_options_are_checked (void **state)
{
  g_autoptr (ElectPrintOptions) o = elect_print_options_new ();
  g_autoptr (GError) error = NULL;
  assert_string_equal (print_opt (o, PRINT_OPT_FORMAT), "pdf");
  assert_string_equal (print_opt (o, PRINT_OPT_ORDER), "profile");
  assert_null (print_opt (o, PRINT_OPT_TITLE));
  assert_false (elect_print_options_set (o, "colour", "red", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY));
  assert_non_null (strstr (error->message, "colour"));
  g_clear_error (&error);
  assert_false (elect_print_options_set (o, "format", "png", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (elect_print_options_set (o, "date", "2026-02-30", &error));
  g_clear_error (&error);
  assert_false (elect_print_options_set (o, "title", "a\nb", &error));
  g_clear_error (&error);
  assert_true (elect_print_options_set (o, "date", "2026-02-28", &error));
  assert_true (elect_print_options_set (o, "format", "svg", &error));
  assert_string_equal (print_opt (o, PRINT_OPT_FORMAT), "svg");
  assert_true (elect_print_options_set (o, "format", NULL, &error));
  assert_string_equal (print_opt (o, PRINT_OPT_FORMAT), "pdf");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_flow_breaks_where_a_block_does_not_fit),
    cmocka_unit_test (test_flow_first_page_is_shorter),
    cmocka_unit_test (test_flow_keeps_a_heading_with_what_follows),
    cmocka_unit_test (test_flow_chain_longer_than_a_page_ends),
    cmocka_unit_test (test_flow_block_taller_than_a_page),
    cmocka_unit_test (test_flow_closing_block_takes_the_last_lines_along),
    cmocka_unit_test (test_grid_columns_and_rows),
    cmocka_unit_test (test_fit_scale_takes_the_largest_that_fits),
    cmocka_unit_test (test_roll_flow_continues_groups_across_columns),
    cmocka_unit_test (test_roll_flow_never_ends_a_column_with_a_heading),
    cmocka_unit_test (test_roll_flow_counts_every_person_once),
    cmocka_unit_test (test_roll_csv_groups_and_totals),
    cmocka_unit_test (test_roll_csv_refuses_a_full_id_number),
    cmocka_unit_test (test_roll_csv_errors),
    cmocka_unit_test (test_result_json_reads),
    cmocka_unit_test (test_result_json_errors_name_the_path),
    cmocka_unit_test (test_slate_json_reads_both_shapes),
    cmocka_unit_test (test_slate_json_errors_name_the_path),
    cmocka_unit_test (test_options_are_checked),
  };
  return cmocka_run_group_tests_name ("print-layout", tests, NULL, NULL);
}
