/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* People: the GB 11643 resident ID number (structure, check character,
 * errors), ages with the 29 February rule (RULES.md §1.5), masking (§4.4),
 * name normalisation (§1.7). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "elect/elect.h"

static GDate
ymd (int y, int m, int d)
{
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g;
}

/* Builds a valid ID from region, date and sequence with its check char. */
static void
make_id (char out[19], const char *region, const char *date8, const char *seq3)
{
  memcpy (out, region, 6);
  memcpy (out + 6, date8, 8);
  memcpy (out + 14, seq3, 3);
  out[17] = elect_id_number_check_character (out);
  out[18] = '\0';
}

static void
expect_invalid (const char *id, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  assert_false (elect_id_number_parse (id, -1, NULL, NULL, NULL, NULL, &error));
  assert_non_null (error);
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    fail_msg ("'%s': message '%s' lacks '%s'", id, error->message, fragment);
}

/* GB 11643-1999, the example of the standard: 11010519491231002X. */
static void
test_gb11643_example (void **state)
{
  guint region = 0;
  GDate birth, expect = ymd (1949, 12, 31);
  ElectSex sex = ELECT_SEX_UNKNOWN;
  g_autoptr (GError) error = NULL;

  assert_int_equal (elect_id_number_check_character ("11010519491231002"), 'X');
  assert_true (elect_id_number_parse ("11010519491231002X", -1, NULL, &region, &birth,
                                      &sex, &error));
  assert_null (error);
  assert_int_equal (region, 110105);
  assert_int_equal (g_date_compare (&birth, &expect), 0);
  assert_int_equal (sex, ELECT_SEX_FEMALE);   /* 17th digit 2: even */
  /* A lower-case x is accepted. */
  assert_true (elect_id_number_parse ("11010519491231002x", -1, NULL, NULL, NULL, NULL, NULL));
  /* The other example of the standard (male, check character 4). */
  assert_int_equal (elect_id_number_check_character ("44052418800101001"), '4');
}

/* The check character is ISO 7064 MOD 11-2: computed independently here
 * from its definition (sum of a_i * 2^(17-i) mod 11, then (12 - s) mod 11,
 * 10 written X) for many numbers. */
static void
test_check_character_definition (void **state)
{
  GRand *rand = g_rand_new_with_seed (11643);
  for (int n = 0; n < 20000; n++)
    {
      char d[18];
      int s = 0, c;
      for (int i = 0; i < 17; i++)
        d[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      d[17] = '\0';
      for (int i = 0; i < 17; i++)
        s += (d[i] - '0') * (int) ((1u << (17 - i)) % 11);
      c = (12 - s % 11) % 11;
      assert_int_equal (elect_id_number_check_character (d), c == 10 ? 'X' : '0' + c);
    }
  g_rand_free (rand);
  assert_int_equal (elect_id_number_check_character ("1101051949123100A"), '\0');
}

/* Property: every single-character change of a valid ID is detected
 * (position 1-18, every other character of 0-9 and X). */
static void
test_single_change_detected (void **state)
{
  const char *bases[] = { "11010519491231002X", NULL, NULL, NULL };
  char b1[19], b2[19], b3[19];
  make_id (b1, "330102", "19800229", "123");
  make_id (b2, "440524", "20000101", "001");
  make_id (b3, "650102", "19991231", "998");
  bases[1] = b1; bases[2] = b2; bases[3] = b3;
  const char alphabet[] = "0123456789X";
  guint tried = 0;

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      assert_true (elect_id_number_parse (bases[b], -1, NULL, NULL, NULL, NULL, NULL));
      for (int pos = 0; pos < 18; pos++)
        for (const char *a = alphabet; *a; a++)
          {
            char id[19];
            if (*a == bases[b][pos])
              continue;
            memcpy (id, bases[b], 19);
            id[pos] = *a;
            tried++;
            if (elect_id_number_parse (id, -1, NULL, NULL, NULL, NULL, NULL))
              fail_msg ("change at %d to %c of %s not detected: %s", pos + 1, *a, bases[b], id);
          }
    }
  assert_int_equal (tried, 4 * 18 * 10);
}

/* Errors say what is wrong. */
static void
test_errors_name_the_fault (void **state)
{
  char valid[19];
  expect_invalid ("1101051949123100", "16 characters, expected 18");
  expect_invalid ("11010519491231002X1", "19 characters");
  expect_invalid ("", "0 characters");
  expect_invalid ("1101051949A231002X", "non-digit at position 11");
  expect_invalid ("11010519491231002Y", "position 18");
  make_id (valid, "110105", "19490230", "002");
  expect_invalid (valid, "impossible date");
  make_id (valid, "110105", "19491301", "002");
  expect_invalid (valid, "impossible date");
  make_id (valid, "110105", "19000229", "002");   /* 1900 is not a leap year */
  expect_invalid (valid, "impossible date");
  expect_invalid ("110105194912310021", "check character expected X found 1");
  /* A date of birth after the reference date. */
  {
    g_autoptr (GError) error = NULL;
    GDate ref = ymd (2026, 12, 20);
    make_id (valid, "110105", "20261221", "002");
    assert_false (elect_id_number_parse (valid, -1, &ref, NULL, NULL, NULL, &error));
    assert_non_null (strstr (error->message, "after 2026-12-20"));
    make_id (valid, "110105", "20261220", "002");
    assert_true (elect_id_number_parse (valid, -1, &ref, NULL, NULL, NULL, NULL));
  }
  /* Length in characters, not bytes. */
  expect_invalid ("一二三", "3 characters");
}

/* Sex from the 17th digit: odd male, even female (RULES.md §1.5). */
static void
test_sex_from_digit_17 (void **state)
{
  char id[19];
  ElectSex sex;
  for (int d = 0; d < 10; d++)
    {
      char seq[4] = { '0', '0', (char) ('0' + d), 0 };
      make_id (id, "330102", "19800101", seq);
      assert_true (elect_id_number_parse (id, -1, NULL, NULL, NULL, &sex, NULL));
      assert_int_equal (sex, d % 2 ? ELECT_SEX_MALE : ELECT_SEX_FEMALE);
    }
}

/* RULES.md §1.5: 18 from the 18th anniversary, not the day before. */
static void
test_age_turns_18_on_anniversary (void **state)
{
  GDate birth = ymd (2008, 12, 20), e = ymd (2026, 12, 20), before = ymd (2026, 12, 19);
  assert_int_equal (elect_age_on (&birth, &e), 18);
  assert_int_equal (elect_age_on (&birth, &before), 17);
  GDate b0 = ymd (2000, 1, 1), d0 = ymd (1999, 12, 31);
  assert_int_equal (elect_age_on (&b0, &d0), -1);
  assert_int_equal (elect_age_on (&b0, &b0), 0);
}

/* RULES.md §1.5, the 29 February rule: 1 March in a common year. */
static void
test_age_29_february (void **state)
{
  GDate birth = ymd (2008, 2, 29), ann;
  GDate feb28 = ymd (2026, 2, 28), mar1 = ymd (2026, 3, 1);
  GDate leap28 = ymd (2028, 2, 28), leap29 = ymd (2028, 2, 29);
  assert_true (elect_anniversary (&birth, 18, &ann));
  assert_int_equal (g_date_compare (&ann, &mar1), 0);
  assert_int_equal (elect_age_on (&birth, &feb28), 17);
  assert_int_equal (elect_age_on (&birth, &mar1), 18);
  /* In a leap year the anniversary is 29 February itself. */
  assert_true (elect_anniversary (&birth, 20, &ann));
  assert_int_equal (g_date_compare (&ann, &leap29), 0);
  assert_int_equal (elect_age_on (&birth, &leap28), 19);
  assert_int_equal (elect_age_on (&birth, &leap29), 20);
}

/* RULES.md §4.4: the first 6 and last 4 characters kept. */
static void
test_mask (void **state)
{
  g_autofree char *m = elect_id_number_mask ("11010519491231002X");
  g_autofree char *s = elect_id_number_mask ("12345");
  assert_string_equal (m, "110105********002X");
  assert_string_equal (s, "*****");
}

/* RULES.md §1.7: NFC, trimming ASCII and full-width spaces, folding
 * full-width Latin letters and digits. */
static void
test_name_normalize (void **state)
{
  g_autofree char *a = elect_name_normalize ("\u3000 王芳\u3000 ", -1);
  g_autofree char *b = elect_name_normalize ("ＡＢＣ１２３ｘｙｚ", -1);
  g_autofree char *c = elect_name_normalize ("Jose\xcc\x81", -1);   /* e + combining acute */
  g_autofree char *d = elect_name_normalize ("阿卜杜拉·买买提", -1);
  assert_string_equal (a, "王芳");
  assert_string_equal (b, "ABC123xyz");
  assert_string_equal (c, "Jos\xc3\xa9");
  assert_string_equal (d, "阿卜杜拉·买买提");
  {
    /* RULES.md §1.7: folding then NFC: a full-width Ｅ with a combining
     * acute composes to É, equal to the precomposed form. */
    g_autofree char *f = elect_name_normalize ("\xef\xbc\xa5\xcc\x81", -1);
    assert_string_equal (f, "\xc3\x89");
    assert_true (elect_name_equal ("\xef\xbc\xa5\xcc\x81", "\xc3\x89"));
  }
  assert_null (elect_name_normalize ("\xff\xfe", -1));
  assert_true (elect_name_equal (" 王芳", "王芳\u3000"));
  assert_false (elect_name_equal ("王芳", "王方"));
  {
    g_autofree char *e = elect_name_normalize ("王芳XYZ", 6);
    assert_string_equal (e, "王芳");
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_gb11643_example),
    cmocka_unit_test (test_check_character_definition),
    cmocka_unit_test (test_single_change_detected),
    cmocka_unit_test (test_errors_name_the_fault),
    cmocka_unit_test (test_sex_from_digit_17),
    cmocka_unit_test (test_age_turns_18_on_anniversary),
    cmocka_unit_test (test_age_29_february),
    cmocka_unit_test (test_mask),
    cmocka_unit_test (test_name_normalize),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
