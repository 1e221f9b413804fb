/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* People: resident ID numbers (GB 11643-1999), ages, names. */
#include "config.h"

#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "person-private.h"

/* ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for positions 1..17. */
static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_chars[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

char
elect_id_number_check_character (const char *digits17)
{
  int sum = 0;

  g_return_val_if_fail (digits17 != NULL, '\0');

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (digits17[i]))
        return '\0';
      sum += (digits17[i] - '0') * id_weights[i];
    }
  return id_check_chars[sum % 11];
}

static int
digits_value (const char *s, int n)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* What is wrong with an ID number, in @lang (NULL: the process locale), or
 * NULL when it is valid. */
#define TR(s) (lang ? elect_tr (lang, s) : _(s))
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
id_problem (const char *id, gssize len, const GDate *reference, const char *lang,
            guint *out_region, GDate *out_birth_date, ElectSex *out_sex)
{
  char check, found;
  int year, month, day;
  GDate birth;
  glong nchars;

  if (len < 0)
    len = strlen (id);

  if (len != 18)
    {
      if (g_utf8_validate (id, len, NULL))
        nchars = g_utf8_strlen (id, len);
      else
        nchars = len;
      return g_strdup_printf (TR (N_("ID number has %ld characters, expected 18")), nchars);
    }
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      return g_strdup_printf (TR (N_("ID number has a non-digit at position %d")), i + 1);
  found = id[17] == 'x' ? 'X' : id[17];
  if (!g_ascii_isdigit (found) && found != 'X')
    return g_strdup (TR (N_("ID number has a character other than a digit or X at position 18")));

  year = digits_value (id + 6, 4);
  month = digits_value (id + 10, 2);
  day = digits_value (id + 12, 2);
  if (year < 1800 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    return g_strdup_printf (TR (N_("ID number has an impossible date of birth %.8s")), id + 6);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  if (reference != NULL && g_date_compare (&birth, reference) > 0)
    {
      char ref[16];
      g_date_strftime (ref, sizeof ref, "%Y-%m-%d", reference);
      return g_strdup_printf (TR (N_("ID number has a date of birth %.8s after %s")), id + 6, ref);
    }

  check = elect_id_number_check_character (id);
  if (check != found)
    return g_strdup_printf (TR (N_("ID number check character expected %c found %c")),
                            check, id[17]);

  if (out_region)
    *out_region = (guint) digits_value (id, 6);
  if (out_birth_date)
    *out_birth_date = birth;
  if (out_sex)
    *out_sex = ((id[16] - '0') % 2) ? ELECT_SEX_MALE : ELECT_SEX_FEMALE;
  return NULL;
}
#pragma GCC diagnostic pop
#undef TR

char *
elect_id_number_problem (const char *id, const GDate *reference, const char *lang)
{
  return id_problem (id, -1, reference, lang, NULL, NULL, NULL);
}

gboolean
elect_id_number_parse (const char *id,
                       gssize len,
                       const GDate *reference,
                       guint *out_region,
                       GDate *out_birth_date,
                       ElectSex *out_sex,
                       GError **error)
{
  char *problem;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (reference == NULL || g_date_valid (reference), FALSE);

  problem = id_problem (id, len, reference, NULL, out_region, out_birth_date, out_sex);
  if (problem != NULL)
    {
      g_set_error_literal (error, ELECT_ERROR, ELECT_ERROR_INVALID, problem);
      g_free (problem);
      return FALSE;
    }
  return TRUE;
}

char *
elect_id_number_mask (const char *id)
{
  GString *out;
  glong n, i;
  const char *p;

  g_return_val_if_fail (id != NULL, NULL);

  if (!g_utf8_validate (id, -1, NULL))
    {
      /* Not text: mask every byte. */
      n = strlen (id);
      return g_strnfill (n, '*');
    }
  n = g_utf8_strlen (id, -1);
  out = g_string_sized_new (strlen (id));
  for (i = 0, p = id; i < n; i++, p = g_utf8_next_char (p))
    {
      if (n > 10 && (i < 6 || i >= n - 4))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

gboolean
elect_anniversary (const GDate *birth_date, guint years, GDate *out_date)
{
  guint y;
  GDateMonth m;
  GDateDay d;

  g_return_val_if_fail (birth_date != NULL && g_date_valid (birth_date), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  y = g_date_get_year (birth_date) + years;
  if (y > 9999)
    return FALSE;
  m = g_date_get_month (birth_date);
  d = g_date_get_day (birth_date);
  g_date_clear (out_date, 1);
  if (m == G_DATE_FEBRUARY && d == 29 && !g_date_is_leap_year (y))
    g_date_set_dmy (out_date, 1, G_DATE_MARCH, y);   /* the 29 February rule */
  else
    g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

int
elect_age_on (const GDate *birth_date, const GDate *day)
{
  int age;
  GDate ann;

  g_return_val_if_fail (birth_date != NULL && g_date_valid (birth_date), -1);
  g_return_val_if_fail (day != NULL && g_date_valid (day), -1);

  if (g_date_compare (day, birth_date) < 0)
    return -1;
  age = g_date_get_year (day) - g_date_get_year (birth_date);
  if (!elect_anniversary (birth_date, age, &ann) || g_date_compare (&ann, day) > 0)
    age--;
  return age;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
         || c == '\v' || c == 0x3000;
}

char *
elect_name_normalize (const char *name, gssize len)
{
  g_autofree char *nfc = NULL;
  GString *out;
  const char *p, *start, *end;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate_len (name, len < 0 ? strlen (name) : (gsize) len, NULL))
    return NULL;
  nfc = g_utf8_normalize (name, len, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  /* Trim. */
  start = nfc;
  while (*start && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - start);
  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A)
          || (c >= 0xFF41 && c <= 0xFF5A))
        g_string_append_c (out, (char) (c - 0xFEE0));
      else if (c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  /* Folding can leave a combining mark after a plain letter (Ｅ + U+0301):
   * compose again so the result is NFC. */
  g_autofree char *folded = g_string_free (out, FALSE);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

gboolean
elect_name_equal (const char *a, const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  na = elect_name_normalize (a, -1);
  nb = elect_name_normalize (b, -1);
  return na != NULL && nb != NULL && strcmp (na, nb) == 0;
}
