/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Fuzz target: ballot-entry journals (elect_journal_read_data,
 * libelect.journal/1). The first byte chooses how the rest is read:
 *
 *  even: the bytes of a journal file, read with and without the paper;
 *  odd:  a list of records to be chained into a valid journal by this
 *        target (so that the fuzzer gets past the checksums): records are
 *        separated by the byte 0xff; each is KIND ENTRY BATCH PAYLOAD… (kind
 *        2 ballot, 3 tally sheet, 4 accept, 5 discard). The first record,
 *        the header, is written here for the fixed paper.
 *
 * A journal either reads, and then answers every getter, compares every
 * batch and exports to an election file the election reader accepts, or
 * fails with one GError of the ELECT_ERROR domain whose message is valid
 * UTF-8; never a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "elect/elect.h"
#include "canon-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static ElectPaper *paper;
static char *template_path;

static const char TEMPLATE[] =
  "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
  "\"electorate\": 100, \"contests\": ["
  "{\"id\": \"chair\", \"title\": \"主任\", \"seats\": 1, \"candidates\": [\"王一\", \"李二\"]},"
  "{\"id\": \"member\", \"title\": \"委员\", \"seats\": 2, \"candidates\": [\"张三\", \"赵四\", \"陈五\"]}],"
  "\"ballots\": []}";

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzz-journal-XXXXXX", NULL);
  template_path = g_build_filename (dir, "template.json", NULL);
  if (!g_file_set_contents (template_path, TEMPLATE, -1, NULL))
    abort ();
  ElectElection *e = elect_election_read_file (template_path, NULL);
  if (e == NULL)
    abort ();
  paper = elect_paper_ref (elect_election_get_paper (e));
  elect_election_unref (e);
  return 0;
}

static void
check_error (GError *error)
{
  if (error == NULL || error->domain != ELECT_ERROR || error->message == NULL
      || error->message[0] == '\0' || !g_utf8_validate (error->message, -1, NULL))
    abort ();
}

static void
exercise (ElectJournal *j, gboolean with_paper)
{
  if (elect_journal_get_n_records (j) == 0
      || elect_journal_get_n_counted (j) >= elect_journal_get_n_records (j)
      || !g_str_has_prefix (elect_journal_get_head (j), "sha256:")
      || strlen (elect_journal_get_paper_digest (j)) != 71)
    abort ();
  for (guint i = 0; i < elect_journal_get_n_pending (j); i++)
    {
      GError *error = NULL;
      ElectEntryDiff *d = elect_journal_compare_batch (j, elect_journal_get_pending (j, i), &error);
      if (d == NULL)
        {
          check_error (error);
          g_error_free (error);
          continue;
        }
      char *text = elect_entry_diff_to_text (d, "zh");
      if (!g_utf8_validate (text, -1, NULL))
        abort ();
      g_free (text);
      elect_entry_diff_free (d);
    }
  GError *error = NULL;
  char *out = elect_journal_export (j, template_path, &error);
  if (out == NULL)
    {
      check_error (error);
      g_error_free (error);
      return;
    }
  if (!with_paper)
    abort ();   /* a journal without its paper cannot be exported */
  ElectElection *e = elect_election_read_data (out, -1, "export", NULL, NULL);
  if (e == NULL)
    abort ();   /* the export was read back before it was returned */
  elect_election_unref (e);
  g_free (out);
}

static void
read_bytes (const uint8_t *data, size_t size)
{
  for (int k = 0; k < 2; k++)
    {
      GError *error = NULL;
      ElectJournal *j = elect_journal_read_data (data, size, "fuzz.journal", k ? paper : NULL, &error);
      if (j == NULL)
        {
          check_error (error);
          g_error_free (error);
          continue;
        }
      if (error)
        abort ();
      exercise (j, k == 1);
      elect_journal_free (j);
    }
}

static void
add_record (GByteArray *out, guint64 seq, int kind, int entry, guint32 batch,
            const guint8 *prev, const void *payload, gsize len)
{
  guint8 head[56] = { 'E', 'L', 'J', '1' };
  for (int i = 0; i < 4; i++)
    head[4 + i] = (guint8) (len >> (8 * i));
  for (int i = 0; i < 8; i++)
    head[8 + i] = (guint8) (seq >> (8 * i));
  head[16] = (guint8) kind;
  head[17] = (guint8) entry;
  for (int i = 0; i < 4; i++)
    head[20 + i] = (guint8) (batch >> (8 * i));
  memcpy (head + 24, prev, 32);
  guint start = out->len;
  g_byte_array_append (out, head, sizeof head);
  g_byte_array_append (out, payload, (guint) len);
  guint8 sum[ELECT_SHA256_LEN];
  elect_sha256 (out->data + start, sizeof head + len, sum);
  g_byte_array_append (out, sum, sizeof sum);
}

static void
build_and_read (const uint8_t *data, size_t size)
{
  GByteArray *out = g_byte_array_new ();
  guint8 prev[32] = { 0 };
  char *digest = elect_audit_digest_paper (paper);
  char *header = g_strdup_printf ("{\"format\":\"libelect.journal/1\",\"paper\":\"%s\"}", digest);
  add_record (out, 0, 1, 0, 0, prev, header, strlen (header));
  memcpy (prev, out->data + out->len - 32, 32);
  g_free (header);
  g_free (digest);
  guint64 seq = 1;
  size_t i = 0;
  while (i < size && seq < 200)
    {
      const uint8_t *end = memchr (data + i, 0xff, size - i);
      size_t n = end ? (size_t) (end - (data + i)) : size - i;
      if (n >= 3)
        {
          add_record (out, seq++, 2 + data[i] % 4, data[i + 1] % 3, data[i + 2] % 4, prev,
                      data + i + 3, n - 3);
          memcpy (prev, out->data + out->len - 32, 32);
        }
      i += n + 1;
    }
  read_bytes (out->data, out->len);
  g_byte_array_unref (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  if (data[0] % 2 == 0)
    read_bytes (data + 1, size - 1);
  else
    build_and_read (data + 1, size - 1);
  return 0;
}
