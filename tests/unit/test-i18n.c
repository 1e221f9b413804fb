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
  };
  return cmocka_run_group_tests_name ("i18n", tests, NULL, NULL);
}
