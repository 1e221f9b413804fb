/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-collate (cands): stroke ordering of N generated names (2 and 3
 * characters from common surname and given-name characters, some with an
 * annotation), both conventions, against a baseline: the same array sorted
 * with g_qsort_with_data and strcmp (byte order), the cheapest order there
 * is. Prints seconds and the ratio.
 *   meson test -C BUILD --benchmark bench-collate --verbose */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elect/elect.h"

static const char SURNAMES[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char GIVEN[] = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌海波宁晓燕玉梅飞跃德福大利富干";

static int
cmp_str (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  gsize n = argc > 1 ? (gsize) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  glong ns, ng;
  gunichar *s = g_utf8_to_ucs4 (SURNAMES, -1, NULL, &ns, NULL);
  gunichar *g = g_utf8_to_ucs4 (GIVEN, -1, NULL, &ng, NULL);
  GRand *rand = g_rand_new_with_seed (20261220);
  char **names = g_new (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      GString *b = g_string_new (NULL);
      g_string_append_unichar (b, s[g_rand_int_range (rand, 0, (gint32) ns)]);
      int len = g_rand_int_range (rand, 1, 3);
      for (int k = 0; k < len; k++)
        g_string_append_unichar (b, g[g_rand_int_range (rand, 0, (gint32) ng)]);
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append (b, "（女）");
      names[i] = g_string_free (b, FALSE);
    }
  names[n] = NULL;
  gsize *order = g_new (gsize, n);
  for (int c = 0; c <= 1; c++)
    {
      GTimer *t = g_timer_new ();
      GError *error = NULL;
      if (!elect_collate_order ((const char *const *) names, n, (ElectCollation) c, order, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      double secs = g_timer_elapsed (t, NULL);
      char **copy = g_memdup2 (names, sizeof (char *) * n);
      g_timer_start (t);
      g_qsort_with_data (copy, (gint) n, sizeof (char *), cmp_str, NULL);
      double base = g_timer_elapsed (t, NULL);
      printf ("%s: %" G_GSIZE_FORMAT " names in %.3f s (%.0f names/s); strcmp sort %.3f s; ratio %.1f\n",
              elect_collation_to_string ((ElectCollation) c), n, secs, n / secs, base, secs / base);
      g_free (copy);
      g_timer_destroy (t);
    }
  g_strfreev (names);
  g_free (order);
  g_free (s);
  g_free (g);
  g_rand_free (rand);
  return 0;
}
