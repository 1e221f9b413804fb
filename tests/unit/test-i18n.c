/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Messages in two languages: the compiled-in zh_CN table (ElectReason,
 * parameter descriptions, profile dumps) and gettext for GError messages in
 * the process locale, from the catalogue built in <builddir>/po
 * (ELECT_LOCALEDIR, set by the test environment). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rules-private.h"
#include "reason-private.h"
#include "i18n-private.h"
#include "tally-private.h"

static gboolean
has_cjk (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x4E00 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* Every parameter description (N_() in rules-private.h) has a Chinese
 * translation in po/zh_CN.po, compiled into the library. */
static void
test_every_param_description_is_translated (void **state)
{
  int n = 0;
  for (const char *const *k = elect_rules_list_params (); *k; k++, n++)
    {
      const char *en = elect_rules_param_get_description (*k, "en");
      const char *zh = elect_rules_param_get_description (*k, "zh");
      assert_non_null (en);
      assert_non_null (zh);
      if (strcmp (en, zh) == 0 || !has_cjk (zh))
        fail_msg ("parameter %s: no zh_CN translation of “%s”", *k, en);
      assert_false (has_cjk (en));
      /* NULL and unknown languages are English */
      assert_string_equal (elect_rules_param_get_description (*k, NULL), en);
      assert_string_equal (elect_rules_param_get_description (*k, "fr"), en);
      assert_string_equal (elect_rules_param_get_description (*k, "zh_CN.UTF-8"), zh);
    }
  assert_true (n > 0);
}

/* elect-profile --lang zh prints the Chinese description of every
 * parameter, and no English one. */
static void
test_elect_profile_lang_zh_prints_chinese_descriptions (void **state)
{
  const char *build = g_getenv ("ELECT_BUILD_ROOT");
  if (build == NULL)
    fail_msg ("ELECT_BUILD_ROOT is not set");
  g_autofree char *prog = g_build_filename (build, "examples", "elect-profile", NULL);
  const char *argv[] = { prog, "--lang", "zh", "village-committee", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    fail_msg ("%s: %s", prog, error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("%s failed: %s", prog, err);
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    {
      const char *zh = elect_rules_param_get_description (*k, "zh");
      const char *en = elect_rules_param_get_description (*k, "en");
      if (strstr (out, zh) == NULL)
        fail_msg ("elect-profile --lang zh does not print “%s” (%s)", zh, *k);
      if (strstr (out, en) != NULL)
        fail_msg ("elect-profile --lang zh prints the English “%s” (%s)", en, *k);
    }
  assert_non_null (strstr (out, "依据: 村民委员会组织法 第十五条第二款"));
  assert_non_null (strstr (out, "规则配置: village-committee"));
}

/* A reason made from an N_() format keeps both languages, whatever the
 * process locale; the Chinese one is the zh_CN.po translation, formatted
 * with the same arguments. */
static void
test_reason_printf_keeps_en_and_zh (void **state)
{
  g_autoptr (ElectReason) r =
    elect_reason_new_printf ("test-unknown-param", "村民委员会组织法 第十五条第二款",
                             "count.quorum", "no parameter named “%s”", "count.quorom");
  assert_string_equal (elect_reason_get_code (r), "test-unknown-param");
  assert_string_equal (elect_reason_get_param (r), "count.quorum");
  assert_string_equal (elect_reason_get_citation (r), "村民委员会组织法 第十五条第二款");
  assert_string_equal (elect_reason_get_message (r, "en"), "no parameter named “count.quorom”");
  assert_string_equal (elect_reason_get_message (r, NULL), "no parameter named “count.quorom”");
  assert_string_equal (elect_reason_get_message (r, "zh"), "没有名为“count.quorom”的参数");
  assert_string_equal (elect_reason_get_message (r, "zh-CN"), "没有名为“count.quorom”的参数");

  /* 64-bit counts in formats (%lld) survive the translation. */
  g_autoptr (ElectReason) r2 =
    elect_reason_new_printf ("test-limit", NULL, NULL, "count %lld is outside 0…%lld",
                             (long long) ELECT_COUNT_MAX + 1, (long long) ELECT_COUNT_MAX);
  assert_string_equal (elect_reason_get_message (r2, "zh"),
                       "数目 1099511627777 超出 0…1099511627776 的范围");
  assert_string_equal (elect_reason_get_citation (r2), "");

  /* A format without a translation stays English in both. */
  g_autoptr (ElectReason) r3 =
    elect_reason_new_printf ("test-untranslated", NULL, NULL, "untranslated %d", 7);
  assert_string_equal (elect_reason_get_message (r3, "zh"), "untranslated 7");

  g_autofree char *json = elect_reason_to_json (r, "zh");
  assert_non_null (strstr (json, "没有名为“count.quorom”的参数"));
}

/* The compiled-in table is sorted (bsearch) and has no untranslated entry. */
static void
test_catalog_is_sorted_and_translated (void **state)
{
  assert_true (elect_catalog_zh_len > 0);
  for (unsigned i = 0; i < elect_catalog_zh_len; i++)
    {
      assert_true (*elect_catalog_zh[i].msgstr != '\0');
      if (i > 0 && strcmp (elect_catalog_zh[i - 1].msgid, elect_catalog_zh[i].msgid) >= 0)
        fail_msg ("catalogue not sorted at “%s”", elect_catalog_zh[i].msgid);
      assert_ptr_equal (elect_tr ("zh", elect_catalog_zh[i].msgid), elect_catalog_zh[i].msgstr);
      assert_string_equal (elect_tr ("en", elect_catalog_zh[i].msgid), elect_catalog_zh[i].msgid);
    }
}

/* GError messages are translated into the process locale with gettext:
 * LANGUAGE=zh_CN in the C.UTF-8 locale, catalogue from ELECT_LOCALEDIR. */
static void
test_gerror_message_follows_process_locale (void **state)
{
  const char *dir = g_getenv ("ELECT_LOCALEDIR");
  if (dir == NULL || *dir == '\0')
    fail_msg ("ELECT_LOCALEDIR is not set");
  g_autofree char *mo = g_build_filename (dir, "zh_CN", "LC_MESSAGES", "libelect.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    fail_msg ("%s was not built", mo);

  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) r = elect_rules_load ("no-such-profile", &error);
  assert_null (r);
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  if (!g_str_has_prefix (error->message, "没有名为“no-such-profile”的规则配置；内置规则配置："))
    fail_msg ("not translated: %s", error->message);

  g_clear_error (&error);
  const char *bad = "[profile]\nname=bad\nextends=village-committee\n[count]\novervote=void-everything\n";
  ElectRules *r2 = elect_rules_load_from_data (bad, -1, "bad.ini", &error);
  assert_null (r2);
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  if (strstr (error->message, "bad.ini：组 [count]，键“overvote”：未知的规则名“void-everything”") == NULL)
    fail_msg ("not translated: %s", error->message);

  /* The reason table does not follow the locale: English stays English. */
  g_autoptr (ElectReason) reason =
    elect_reason_new_printf ("test", NULL, NULL, "no parameter named “%s”", "x");
  assert_string_equal (elect_reason_get_message (reason, "en"), "no parameter named “x”");
}

/* TRUE when @s holds a run of two Latin letters: an English word left in a
 * Chinese message. */
static gboolean
has_latin_word (const char *s)
{
  for (const char *p = s; *p && p[1]; p++)
    if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]))
      return TRUE;
  return FALSE;
}

/* RULES §5.2 ("every defect has a stable code, a message and the rule's
 * citation"), VCL Art. 15: the message of every ballot defect code is
 * translated, with the count in it, and carries the citation of its
 * parameter. */
static void
test_every_defect_reason_is_translated (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) rules = elect_rules_load ("zhejiang-village-committee", &error);
  assert_non_null (rules);
  g_autoptr (ElectPaper) paper = elect_paper_new (FALSE);
  assert_int_equal (elect_paper_add_contest (paper, "chair", "主任", 1, &error), 0);
  assert_int_equal (elect_paper_add_candidate (paper, 0, "王一", ELECT_SEX_MALE, &error), 0);
  g_autoptr (ElectTally) tally = elect_tally_new (rules, paper, &error);
  assert_non_null (tally);
  int n = 0;
  for (const char *const *code = elect_tally_list_defect_codes (); *code; code++, n++)
    {
      g_autoptr (ElectReason) r = elect_tally_get_defect_reason (tally, *code);
      assert_non_null (r);
      assert_string_equal (elect_reason_get_code (r), *code);
      const char *en = elect_reason_get_message (r, "en");
      const char *zh = elect_reason_get_message (r, "zh");
      if (strcmp (en, zh) == 0 || !has_cjk (zh) || has_latin_word (zh))
        fail_msg ("defect %s: no zh_CN translation of “%s” (“%s”)", *code, en, zh);
      /* the count (0 here) survives in both languages */
      assert_non_null (strchr (en, '0'));
      assert_non_null (strchr (zh, '0'));
      assert_true (*elect_reason_get_citation (r) != '\0');
    }
  assert_int_equal (n, ELECT_N_DEFECTS);
}

/* RULES §6.7, ZJ Art. 31 (relatives avoidance): the relation is named in
 * each language ("spouses" / 夫妻), and the tie case keeps the two names of
 * the further vote (they outlive the counting passes). */
static void
test_relatives_reasons_name_the_relation_in_each_language (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) rules = elect_rules_load ("zhejiang-village-committee", &error);
  assert_non_null (rules);
  g_autoptr (ElectPaper) paper = elect_paper_new (FALSE);
  assert_int_equal (elect_paper_add_contest (paper, "chair", "主任", 1, &error), 0);
  assert_int_equal (elect_paper_add_contest (paper, "member", "委员", 2, &error), 1);
  elect_paper_add_candidate (paper, 0, "王一", ELECT_SEX_MALE, &error);
  elect_paper_add_candidate (paper, 0, "李二", ELECT_SEX_MALE, &error);
  elect_paper_add_candidate (paper, 1, "张三", ELECT_SEX_FEMALE, &error);
  elect_paper_add_candidate (paper, 1, "赵四", ELECT_SEX_FEMALE, &error);
  elect_paper_add_candidate (paper, 1, "陈五", ELECT_SEX_MALE, &error);
  g_autoptr (ElectTally) tally = elect_tally_new (rules, paper, &error);
  assert_non_null (tally);
  assert_true (elect_tally_set_sheet (tally, 12, 0, &error));
  const gint64 votes[2][3] = { { 10, 2, 0 }, { 8, 8, 4 } };
  for (guint c = 0; c < 2; c++)
    for (guint k = 0; k < (c ? 3u : 2u); k++)
      assert_true (elect_tally_set_sheet_votes (tally, c, k, votes[c][k], &error));
  g_autoptr (ElectTurnout) turnout = elect_turnout_new ();
  assert_true (elect_turnout_set_electorate (turnout, 20, &error));
  assert_true (elect_turnout_set_issued (turnout, 12, &error));

  /* 张三 and 赵四, same post, same votes: a further vote between them */
  g_autoptr (ElectCountOptions) tie = elect_count_options_new ();
  assert_true (elect_count_options_add_relation (tie, "张三", "赵四", "sibling", &error));
  g_autoptr (ElectOutcome) o = elect_count_full (rules, paper, tally, turnout, tie, &error);
  assert_non_null (o);
  assert_int_equal (elect_outcome_get_next_action (o, 1), ELECT_ACTION_AVOIDANCE_VOTE);
  const char *const *next = elect_outcome_get_next_candidates (o, 1);
  assert_string_equal (next[0], "张三");
  assert_string_equal (next[1], "赵四");
  assert_null (next[2]);
  gboolean seen = FALSE;
  for (guint i = 0; i < elect_outcome_get_n_reasons (o); i++)
    {
      const ElectReason *r = elect_outcome_get_reason (o, i);
      if (strcmp (elect_reason_get_code (r), "relatives-tie") != 0)
        continue;
      seen = TRUE;
      assert_string_equal (elect_reason_get_message (r, "zh"),
                           "张三 与 赵四 系兄弟姐妹关系，不得同时任职；二人职位相同、得票相等：由二人再行投票决定");
      assert_non_null (strstr (elect_reason_get_message (r, "en"), "are siblings"));
      assert_string_equal (elect_reason_get_param (r), "relatives.avoidance");
    }
  assert_true (seen);

  /* 王一 (chair) and 张三 (member): the higher post keeps the seat */
  g_autoptr (ElectCountOptions) spouses = elect_count_options_new ();
  assert_true (elect_count_options_add_relation (spouses, "张三", "王一", "spouse", &error));
  g_autoptr (ElectOutcome) o2 = elect_count_full (rules, paper, tally, turnout, spouses, &error);
  assert_non_null (o2);
  assert_true (elect_outcome_has_reason (o2, "relatives-avoided"));
  for (guint i = 0; i < elect_outcome_get_n_reasons (o2); i++)
    {
      const ElectReason *r = elect_outcome_get_reason (o2, i);
      const char *zh = elect_reason_get_message (r, "zh");
      if (has_latin_word (zh))
        fail_msg ("reason %s: English in “%s”", elect_reason_get_code (r), zh);
      if (strcmp (elect_reason_get_code (r), "relatives-avoided") == 0)
        {
          assert_string_equal (zh, "王一 保留职务，张三 回避：二人系夫妻关系，不得同时任职"
                                   "（保留职位较高者；职位相同的，保留得票较多者）");
          assert_non_null (strstr (elect_reason_get_message (r, "en"),
                                   "王一 keeps the seat and 张三 gives way: they are spouses"));
        }
    }
}

int
main (void)
{
  /* What a Chinese desktop session gives a program that calls setlocale():
   * gettext ignores LANGUAGE in the "C" locale, so C.UTF-8. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      fprintf (stderr, "the C.UTF-8 locale is missing\n");
      return 1;
    }
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_every_param_description_is_translated),
    cmocka_unit_test (test_elect_profile_lang_zh_prints_chinese_descriptions),
    cmocka_unit_test (test_reason_printf_keeps_en_and_zh),
    cmocka_unit_test (test_catalog_is_sorted_and_translated),
    cmocka_unit_test (test_gerror_message_follows_process_locale),
    cmocka_unit_test (test_every_defect_reason_is_translated),
    cmocka_unit_test (test_relatives_reasons_name_the_relation_in_each_language),
  };
  return cmocka_run_group_tests_name ("i18n", tests, NULL, NULL);
}
