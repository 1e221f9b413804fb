/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Public-API tests of the foundation (version, errors, reasons, rule
 * profiles), linked against the shared library libelect.so.1 like any user:
 * only <elect/elect.h>. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <elect/elect.h>
#include <glib/gstdio.h>
#include <string.h>

/* A scratch directory per test. */
static int
setup_tmp (void **state)
{
  char *dir = g_dir_make_tmp ("elect-api-XXXXXX", NULL);
  assert_non_null (dir);
  *state = dir;
  return 0;
}

static int
teardown_tmp (void **state)
{
  char *dir = *state;
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *n;
  while (d && (n = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, n, NULL);
      g_unlink (p);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
  g_free (dir);
  g_unsetenv ("ELECT_PROFILE_PATH");
  return 0;
}

static char *
write_file (const char *dir, const char *name, const char *text)
{
  char *p = g_build_filename (dir, name, NULL);
  assert_true (g_file_set_contents (p, text, -1, NULL));
  return p;
}

static void
assert_contains (const char *hay, const char *needle)
{
  if (strstr (hay, needle) == NULL)
    fail_msg ("“%s” lacks “%s”", hay, needle);
}

/* ---- version ------------------------------------------------------------- */

static void
test_version (void **state)
{
  assert_string_equal (elect_version_string (), ELECT_VERSION_STRING);
  int ma = -1, mi = -1, mc = -1;
  elect_version (&ma, &mi, &mc);
  assert_int_equal (ma, ELECT_MAJOR_VERSION);
  assert_int_equal (mi, ELECT_MINOR_VERSION);
  assert_int_equal (mc, ELECT_MICRO_VERSION);
  elect_version (NULL, NULL, NULL);   /* each out-param is optional */
  assert_null (elect_check_version (ELECT_MAJOR_VERSION, ELECT_MINOR_VERSION, ELECT_MICRO_VERSION));
  assert_null (elect_check_version (ELECT_MAJOR_VERSION, 0, 0));
  assert_non_null (elect_check_version (ELECT_MAJOR_VERSION + 1, 0, 0));
  assert_non_null (elect_check_version (ELECT_MAJOR_VERSION, ELECT_MINOR_VERSION + 1, 0));
  assert_true (ELECT_CHECK_VERSION (ELECT_MAJOR_VERSION, ELECT_MINOR_VERSION, ELECT_MICRO_VERSION));
  assert_false (ELECT_CHECK_VERSION (ELECT_MAJOR_VERSION + 1, 0, 0));
}

/* ---- errors and enums -------------------------------------------------------- */

static void
test_error_domain_and_enum_strings (void **state)
{
  assert_true (ELECT_ERROR == elect_error_quark ());
  assert_string_equal (g_quark_to_string (ELECT_ERROR), "elect-error-quark");
  assert_string_equal (elect_error_to_string (ELECT_ERROR_NOT_FOUND), "not-found");
  assert_string_equal (elect_error_to_string (ELECT_ERROR_UNKNOWN_KEY), "unknown-key");
  ElectError e = 0;
  assert_true (elect_error_from_string ("limit", &e));
  assert_int_equal (e, ELECT_ERROR_LIMIT);
  assert_false (elect_error_from_string ("no-such-code", &e));
  assert_null (elect_error_to_string ((ElectError) 999));
  assert_string_equal (elect_kind_to_string (ELECT_KIND_PARTY_COMMITTEE), "party-committee");
  ElectKind k = 0;
  assert_true (elect_kind_from_string ("supervision-committee", &k));
  assert_int_equal (k, ELECT_KIND_SUPERVISION_COMMITTEE);
  ElectParamType t = 0;
  assert_true (elect_param_type_from_string ("fraction", &t));
  assert_int_equal (t, ELECT_PARAM_TYPE_FRACTION);
}

/* ---- reasons --------------------------------------------------------------- */

static void
test_reason (void **state)
{
  g_autoptr (ElectReason) r = elect_reason_new ("quorum-met", "村民委员会组织法 第十五条",
                                                "More than half voted", "过半数投票");
  assert_string_equal (elect_reason_get_code (r), "quorum-met");
  assert_string_equal (elect_reason_get_citation (r), "村民委员会组织法 第十五条");
  assert_null (elect_reason_get_param (r));
  assert_string_equal (elect_reason_get_message (r, NULL), "More than half voted");
  assert_string_equal (elect_reason_get_message (r, "en"), "More than half voted");
  assert_string_equal (elect_reason_get_message (r, "zh"), "过半数投票");
  assert_string_equal (elect_reason_get_message (r, "zh_CN"), "过半数投票");
  g_autofree char *json = elect_reason_to_json (r, "zh");
  assert_contains (json, "\"code\"");
  assert_contains (json, "quorum-met");
  assert_contains (json, "过半数投票");
  assert_contains (json, "第十五条");
  ElectReason *r2 = elect_reason_ref (r);
  assert_ptr_equal (r2, r);
  elect_reason_unref (r2);
  assert_string_equal (elect_reason_get_code (r), "quorum-met");   /* still alive */
  g_autoptr (ElectReason) plain = elect_reason_new ("x", NULL, "English only", NULL);
  assert_string_equal (elect_reason_get_citation (plain), "");
  assert_string_equal (elect_reason_get_message (plain, "zh"), "English only");
  elect_reason_unref (NULL);
}

/* ---- a new province: extends village-committee, overrides two parameters ---- */

static void
test_new_province_key_file (void **state)
{
  const char *dir = *state;
  g_autofree char *path = write_file (dir, "guangdong-village-committee.ini",
    "# a province the library does not ship\n"
    "[profile]\nname=guangdong-village-committee\ntitle=广东省村民委员会选举\n"
    "extends=village-committee\n\n"
    "[proxy]\nmax_principals=2\nmax_principals.citation=广东省村民委员会选举办法 第二十条\n\n"
    "[count]\nsame_person_two_posts=void-ballot\n"
    "same_person_two_posts.citation=广东省村民委员会选举办法 第三十条\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) r = elect_rules_load (path, &error);
  if (error)
    fail_msg ("%s", error->message);
  assert_string_equal (elect_rules_get_name (r), "guangdong-village-committee");
  assert_string_equal (elect_rules_get_title (r), "广东省村民委员会选举");
  assert_string_equal (elect_rules_get_parent (r), "village-committee");
  assert_int_equal (elect_rules_get_kind (r), ELECT_KIND_VILLAGE_COMMITTEE);
  /* the two overrides: value, citation and origin from the file */
  gint64 n = 0;
  assert_true (elect_rules_get_int (r, "proxy.max_principals", &n, NULL));
  assert_int_equal (n, 2);
  assert_string_equal (elect_rules_get_origin (r, "proxy.max_principals"), path);
  assert_string_equal (elect_rules_get_citation (r, "proxy.max_principals"), "广东省村民委员会选举办法 第二十条");
  assert_string_equal (elect_rules_get_policy (r, "count.same_person_two_posts", NULL), "void-ballot");
  assert_string_equal (elect_rules_get_origin (r, "count.same_person_two_posts"), path);
  /* everything else inherited from the national profile, with its citations */
  gboolean h = FALSE;
  assert_true (elect_rules_fraction_holds (r, "count.quorum", 501, 1000, &h, NULL));
  assert_true (h);
  assert_string_equal (elect_rules_get_origin (r, "count.quorum"), "village-committee");
  assert_string_equal (elect_rules_get_citation (r, "count.quorum"), "村民委员会组织法 第十五条第二款");
  assert_string_equal (elect_rules_get_origin (r, "seats.range"), "village-committee");
  int overridden = 0;
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    overridden += strcmp (elect_rules_get_origin (r, *k), path) == 0;
  assert_int_equal (overridden, 2);
  /* the dump says which are inherited */
  g_autofree char *dump = elect_rules_dump (r, "en");
  assert_contains (dump, "set in: village-committee (inherited)");
  g_autofree char *own = g_strdup_printf ("set in: %s\n", path);
  assert_contains (dump, own);
  g_autofree char *json = elect_rules_to_json (r);
  assert_contains (json, "\"proxy.max_principals\"");
  assert_contains (json, "guangdong-village-committee");
}

/* RULES.md §3: an unknown policy name fails with a message that names the
 * file, the group and the key. */
static void
test_unknown_policy_names_file_group_key (void **state)
{
  const char *dir = *state;
  g_autofree char *path = write_file (dir, "bad.ini",
    "[profile]\nname=bad\nextends=village-committee\n[count]\novervote=void-everything\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) r = elect_rules_load (path, &error);
  assert_null (r);
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_INVALID));
  assert_contains (error->message, path);
  assert_contains (error->message, "[count]");
  assert_contains (error->message, "overvote");
  assert_contains (error->message, "void-everything");
  assert_contains (error->message, "void-ballot");   /* what was expected */
}

static void
test_unknown_group_key_and_missing (void **state)
{
  const char *dir = *state;
  g_autofree char *g = write_file (dir, "g.ini", "[profile]\nextends=village-committee\n[counting]\nx=1\n");
  g_autofree char *k = write_file (dir, "k.ini", "[profile]\nextends=village-committee\n[count]\nx=1\n");
  g_autoptr (GError) error = NULL;
  assert_null (elect_rules_load (g, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY));
  assert_contains (error->message, g);
  assert_contains (error->message, "[counting]");
  g_clear_error (&error);
  assert_null (elect_rules_load (k, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY));
  assert_contains (error->message, "[count]");
  assert_contains (error->message, "“x”");
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (dir, "missing.ini", NULL);
  assert_null (elect_rules_load (missing, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_null (elect_rules_load (missing, NULL));   /* error is optional */
  /* a file without a name takes its base name */
  g_autofree char *noname = write_file (dir, "hubei-village-committee.ini",
                                        "[profile]\nextends=village-committee\n");
  g_autoptr (ElectRules) r = elect_rules_load (noname, &error);
  assert_non_null (r);
  assert_string_equal (elect_rules_get_name (r), "hubei-village-committee");
  assert_string_equal (elect_rules_get_title (r), "hubei-village-committee");
}

/* ELECT_PROFILE_PATH: names are looked up there first (colon-separated,
 * empty entries skipped), then among the built-ins. */
static void
test_profile_path_lookup (void **state)
{
  const char *dir = *state;
  g_autofree char *p = write_file (dir, "zhejiang-village-committee.ini",
    "[profile]\nname=zhejiang-village-committee\nextends=village-committee\n"
    "[proxy]\nmax_principals=4\nmax_principals.citation=local copy\n");
  g_autofree char *g = write_file (dir, "guangdong-village-committee.ini",
    "[profile]\nextends=village-committee\n");
  g_autoptr (GError) error = NULL;

  g_unsetenv ("ELECT_PROFILE_PATH");
  assert_null (elect_rules_load ("guangdong-village-committee", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  g_clear_error (&error);

  g_autofree char *env = g_strdup_printf ("/nonexistent::%s", dir);
  g_setenv ("ELECT_PROFILE_PATH", env, TRUE);
  g_autoptr (ElectRules) gd = elect_rules_load ("guangdong-village-committee", &error);
  assert_null (error);
  assert_string_equal (elect_rules_get_name (gd), "guangdong-village-committee");
  g_autoptr (ElectRules) zj = elect_rules_load ("zhejiang-village-committee", &error);
  assert_null (error);
  gint64 n = 0;
  assert_true (elect_rules_get_int (zj, "proxy.max_principals", &n, NULL));
  assert_int_equal (n, 4);   /* the path shadows the built-in */
  assert_string_equal (elect_rules_get_origin (zj, "proxy.max_principals"), p);

  g_setenv ("ELECT_PROFILE_PATH", "", TRUE);
  g_autoptr (ElectRules) builtin = elect_rules_load ("zhejiang-village-committee", &error);
  assert_null (error);
  assert_true (elect_rules_get_int (builtin, "proxy.max_principals", &n, NULL));
  assert_int_equal (n, 3);   /* ZJ 25 */
  assert_string_equal (elect_rules_get_origin (builtin, "proxy.max_principals"), "zhejiang-village-committee");
}

static void
test_load_from_data (void **state)
{
  static const char text[] =
    "[profile]\nname=mem\nextends=party-committee\n[count]\nquorum=>=4/5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectRules) r = elect_rules_load_from_data (text, -1, "mem.ini", &error);
  assert_null (error);
  assert_string_equal (elect_rules_get_name (r), "mem");
  assert_string_equal (elect_rules_get_origin (r, "count.quorum"), "mem.ini");
  assert_string_equal (elect_rules_get_origin (r, "count.win_base"), "party-committee");
  /* PER: the option ">=": exactly four fifths is then enough */
  gboolean h = FALSE;
  assert_true (elect_rules_fraction_holds (r, "count.quorum", 80, 100, &h, NULL));
  assert_true (h);
  /* an explicit length stops before the override */
  gssize cut = (gssize) (strstr (text, "[count]") - text);
  g_autoptr (ElectRules) r2 = elect_rules_load_from_data (text, cut, "mem.ini", &error);
  assert_null (error);
  assert_string_equal (elect_rules_get_origin (r2, "count.quorum"), "party-committee");
  /* without an origin, messages say <data> */
  assert_null (elect_rules_load_from_data ("[profile]\n[x]\n", -1, NULL, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNKNOWN_KEY));
  assert_contains (error->message, "<data>");
  assert_contains (error->message, "[x]");
}

/* ---- typed getters ------------------------------------------------------------ */

static void
test_typed_getter_errors (void **state)
{
  g_autoptr (ElectRules) r = elect_rules_load ("party-committee", NULL);
  assert_non_null (r);
  g_autoptr (GError) error = NULL;
  gint64 i = 0, j = 0;
  gboolean b = FALSE;

  assert_false (elect_rules_get_int (r, "count.tie", &i, &error));          /* a policy */
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_TYPE));
  assert_contains (error->message, "count.tie");
  g_clear_error (&error);
  assert_false (elect_rules_get_int (r, "electorate.min_age", &i, &error));  /* none */
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNSET));
  g_clear_error (&error);
  assert_false (elect_rules_get_int (r, "count.nothing", &i, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (elect_rules_get_bool (r, "seats.range", &b, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_TYPE));
  g_clear_error (&error);
  assert_false (elect_rules_get_range (r, "count.quorum", &i, &j, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_TYPE));
  g_clear_error (&error);
  gint64 num, den;
  assert_false (elect_rules_get_fraction (r, "supplementary.plurality_floor", &num, &den, &b, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_UNSET));
  g_clear_error (&error);
  assert_null (elect_rules_get_policy (r, "proxy.relations", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_TYPE));
  g_clear_error (&error);
  assert_null (elect_rules_get_set (r, "count.tie", &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_TYPE));
  g_clear_error (&error);
  assert_false (elect_rules_get_int (r, "count.tie", &i, NULL));   /* error is optional */

  /* successes */
  assert_true (elect_rules_get_range (r, "seats.range", &i, &j, &error));
  assert_true (elect_rules_get_bool (r, "proxy.allowed", &b, &error));
  assert_false (b);   /* PER Art. 24 */
  g_auto (GStrv) rel = elect_rules_get_set (r, "proxy.relations", &error);
  assert_non_null (rel);
  assert_string_equal (rel[0], "spouse");
  assert_null (error);

  /* values as strings, citations and origins of unknown keys */
  assert_null (elect_rules_get_value_string (r, "count.nothing"));
  assert_null (elect_rules_get_citation (r, "count.nothing"));
  assert_null (elect_rules_get_origin (r, "count.nothing"));
  assert_false (elect_rules_is_set (r, "count.nothing"));
  g_autofree char *none = elect_rules_get_value_string (r, "electorate.min_age");
  assert_string_equal (none, "none");
}

static void
test_param_catalogue (void **state)
{
  const char *const *keys = elect_rules_list_params ();
  guint n = g_strv_length ((char **) keys);
  assert_true (n >= 60);
  for (guint i = 0; i < n; i++)
    {
      assert_non_null (strchr (keys[i], '.'));
      ElectParamType t = elect_rules_param_get_type (keys[i]);
      assert_true (t >= ELECT_PARAM_TYPE_INT && t <= ELECT_PARAM_TYPE_DAYS);
      assert_true ((elect_rules_param_get_choices (keys[i]) != NULL) ==
                   (t == ELECT_PARAM_TYPE_POLICY || t == ELECT_PARAM_TYPE_SET));
      assert_non_null (elect_rules_param_get_description (keys[i], "en"));
      assert_non_null (elect_rules_param_get_description (keys[i], "zh"));
    }
  assert_int_equal (elect_rules_param_get_type ("count.nothing"), 0);
  assert_null (elect_rules_param_get_choices ("seats.range"));
  assert_null (elect_rules_param_get_description ("count.nothing", "en"));
  const char *const *tie = elect_rules_param_get_choices ("count.tie");
  assert_string_equal (tie[0], "revote");
  const char *const *b = elect_rules_list_builtin ();
  assert_int_equal (g_strv_length ((char **) b), 9);
}

/* ---- exact fractions and the count limit ------------------------------------------ */

static void
test_fraction_least_strict_and_inclusive (void **state)
{
  g_autoptr (ElectRules) vc = elect_rules_load ("village-committee", NULL);
  gint64 l = -1;
  /* strict: more than half (VCL 15) */
  assert_true (elect_rules_fraction_least (vc, "count.quorum", 890, &l, NULL));
  assert_int_equal (l, 446);
  assert_true (elect_rules_fraction_least (vc, "count.quorum", 889, &l, NULL));
  assert_int_equal (l, 445);
  assert_true (elect_rules_fraction_least (vc, "count.quorum", 0, &l, NULL));
  assert_int_equal (l, 1);
  /* inclusive: at least a third (VCL 15, supplementary round) */
  assert_true (elect_rules_fraction_least (vc, "supplementary.plurality_floor", 300, &l, NULL));
  assert_int_equal (l, 100);
  assert_true (elect_rules_fraction_least (vc, "supplementary.plurality_floor", 301, &l, NULL));
  assert_int_equal (l, 101);
  assert_true (elect_rules_fraction_least (vc, "supplementary.plurality_floor", 0, &l, NULL));
  assert_int_equal (l, 0);
  /* the least count satisfies, one less does not */
  for (gint64 whole = 0; whole < 50; whole++)
    {
      gboolean h;
      assert_true (elect_rules_fraction_least (vc, "supplementary.plurality_floor", whole, &l, NULL));
      assert_true (elect_rules_fraction_holds (vc, "supplementary.plurality_floor", l, whole, &h, NULL));
      assert_true (h);
      if (l > 0)
        {
          assert_true (elect_rules_fraction_holds (vc, "supplementary.plurality_floor", l - 1, whole, &h, NULL));
          assert_false (h);
        }
    }
  gint64 num, den;
  gboolean strict = TRUE;
  assert_true (elect_rules_get_fraction (vc, "supplementary.plurality_floor", &num, &den, &strict, NULL));
  assert_int_equal (num, 1);
  assert_int_equal (den, 3);
  assert_false (strict);
}

static void
test_count_max_limit (void **state)
{
  g_autoptr (ElectRules) vc = elect_rules_load ("village-committee", NULL);
  gint64 max = elect_count_max ();
  assert_true (max == (G_GINT64_CONSTANT (1) << 40));
  g_autoptr (GError) error = NULL;
  gboolean h;
  gint64 l;
  assert_true (elect_rules_fraction_holds (vc, "count.quorum", max, max, &h, &error));
  assert_true (h);
  assert_true (elect_rules_fraction_least (vc, "count.quorum", max, &l, &error));
  assert_int_equal (l, max / 2 + 1);
  assert_false (elect_rules_fraction_holds (vc, "count.quorum", max + 1, max, &h, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_LIMIT));
  g_clear_error (&error);
  assert_false (elect_rules_fraction_holds (vc, "count.quorum", 1, max + 1, &h, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_LIMIT));
  g_clear_error (&error);
  assert_false (elect_rules_fraction_holds (vc, "count.quorum", -1, 10, &h, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_LIMIT));
  g_clear_error (&error);
  assert_false (elect_rules_fraction_least (vc, "count.quorum", G_MAXINT64, &l, &error));
  assert_true (g_error_matches (error, ELECT_ERROR, ELECT_ERROR_LIMIT));
}

/* ---- lifetime ------------------------------------------------------------------------- */

static void
test_refcount_and_autoptr (void **state)
{
  ElectRules *r = elect_rules_load ("zhejiang-village-committee", NULL);
  assert_non_null (r);
  const char *name = elect_rules_get_name (r);
  ElectRules *r2 = elect_rules_ref (r);
  assert_ptr_equal (r, r2);
  elect_rules_unref (r);
  /* still alive through the second reference; borrowed strings still valid */
  assert_string_equal (elect_rules_get_name (r2), "zhejiang-village-committee");
  assert_ptr_equal (elect_rules_get_name (r2), name);
  elect_rules_unref (r2);
  elect_rules_unref (NULL);
  {
    g_autoptr (ElectRules) a = elect_rules_load ("village-committee", NULL);
    g_autoptr (ElectRules) none = NULL;
    assert_non_null (a);
    assert_null (none);
  }
}

/* The dump: headings, every parameter, the (inherited) marks, in both
 * languages; the JSON has every parameter. */
static void
test_dump_and_json (void **state)
{
  g_autoptr (ElectRules) r = elect_rules_load ("zhejiang-village-committee", NULL);
  g_autofree char *en = elect_rules_dump (r, "en");
  g_autofree char *zh = elect_rules_dump (r, "zh");
  g_autofree char *dflt = elect_rules_dump (r, NULL);
  assert_string_equal (en, dflt);
  assert_string_not_equal (en, zh);
  g_autofree char *json = elect_rules_to_json (r);
  for (const char *const *k = elect_rules_list_params (); *k; k++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", *k);
      assert_contains (json, quoted);
      const char *c = elect_rules_get_citation (r, *k);
      if (*c)
        assert_contains (en, c);
    }
  assert_contains (en, "(inherited)");
  assert_contains (en, "浙江省村民委员会选举办法 第二十七条");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_version),
    cmocka_unit_test (test_error_domain_and_enum_strings),
    cmocka_unit_test (test_reason),
    cmocka_unit_test_setup_teardown (test_new_province_key_file, setup_tmp, teardown_tmp),
    cmocka_unit_test_setup_teardown (test_unknown_policy_names_file_group_key, setup_tmp, teardown_tmp),
    cmocka_unit_test_setup_teardown (test_unknown_group_key_and_missing, setup_tmp, teardown_tmp),
    cmocka_unit_test_setup_teardown (test_profile_path_lookup, setup_tmp, teardown_tmp),
    cmocka_unit_test (test_load_from_data),
    cmocka_unit_test (test_typed_getter_errors),
    cmocka_unit_test (test_param_catalogue),
    cmocka_unit_test (test_fraction_least_strict_and_inclusive),
    cmocka_unit_test (test_count_max_limit),
    cmocka_unit_test (test_refcount_and_autoptr),
    cmocka_unit_test (test_dump_and_json),
  };
  return cmocka_run_group_tests_name ("api-rules", tests, NULL, NULL);
}
