/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Replays a libFuzzer corpus without libFuzzer: every regular file of every
 * directory given on the command line (and every file given directly) is
 * passed once to LLVMFuzzerTestOneInput(), in name order. This turns each
 * fuzz target into an ordinary test (suite "fuzz") that runs with any
 * compiler and under the sanitizers of the build.
 *
 *   replay-NAME tests/fuzz/corpus/NAME [MORE_DIRS_OR_FILES...]
 *
 * Each input is copied into a buffer of exactly its size, so that a read
 * past the end is caught by AddressSanitizer or valgrind. Exits 1 when no
 * input was found (an empty corpus tests nothing). */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
replay_file (const char *path)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (path, &text, &len, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  /* An exact-size copy (g_file_get_contents adds a NUL after the data). */
  uint8_t *copy = malloc (len ? len : 1);
  if (copy == NULL)
    abort ();
  memcpy (copy, text, len);
  LLVMFuzzerTestOneInput (copy, len);
  free (copy);
  return TRUE;
}

int
main (int argc, char **argv)
{
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize (&argc, &argv);
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS_DIR|FILE...\n", argv[0]);
      return 2;
    }
  unsigned n = 0;
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          if (!replay_file (argv[i]))
            return 1;
          n++;
          continue;
        }
      g_autoptr (GError) error = NULL;
      GDir *dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "replay: %s\n", error->message);
          return 1;
        }
      g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *p = g_build_filename (argv[i], name, NULL);
          if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (paths, p);
          else
            g_free (p);
        }
      g_dir_close (dir);
      g_ptr_array_sort (paths, compare_names);
      for (guint k = 0; k < paths->len; k++)
        {
          if (!replay_file (g_ptr_array_index (paths, k)))
            return 1;
          n++;
        }
    }
  if (n == 0)
    {
      fprintf (stderr, "replay: no input found in the corpus\n");
      return 1;
    }
  printf ("replayed %u inputs\n", n);
  return 0;
}
