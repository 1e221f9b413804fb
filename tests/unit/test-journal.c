/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The ballot-entry journal (lib/journal.c) and double entry (lib/entry.c).
 *
 * The law behind it: counting is public and recorded (VCL 15 "公开计票";
 * ZJ 26: the scrutineers check, count and record the votes and sign the
 * record), forging ballots or falsifying the count voids an election
 * (VCL 17), and the ballot is secret (VCL 15 "无记名投票", RULES.md §4.6).
 * So a journal must lose no acknowledged entry, show any alteration, count
 * nothing entered twice until both entries agree, and hold no identity. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <unistd.h>

#include "audit-private.h"
#include "count-helpers.h"
#include "journal-helpers.h"

typedef struct {
  char *dir;
  char *path;       /* dir/j.journal */
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->dir = g_dir_make_tmp ("elect-journal-XXXXXX", NULL);
  assert_non_null (f->dir);
  f->path = g_build_filename (f->dir, "j.journal", NULL);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  jh_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f);
  return 0;
}

static const char *const PAPER = "chair:1:王一,李二|member:2:张三,赵四,陈五";

/* Ballot @i of a fixed sequence: marks and a write-in that names it. */
static void
fill (ElectBallot *b, guint i)
{
  elect_ballot_reset (b);
  elect_ballot_mark (b, 0, i % 2);
  elect_ballot_mark (b, 1, i % 3);
  g_autofree char *name = g_strdup_printf ("写入%u", i);
  elect_ballot_write_in (b, 1, name, -1);
}

static ElectJournal *
make_journal (const char *path, ElectPaper *paper, guint n)
{
  g_autoptr (GError) error = NULL;
  ElectJournal *j = elect_journal_create (path, paper, "城关镇第3计票站", &error);
  if (j == NULL)
    fail_msg ("%s", error->message);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  for (guint i = 0; i < n; i++)
    {
      fill (b, i);
      if (!elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error))
        fail_msg ("%s", error->message);
    }
  return j;
}

/* Created, appended, closed and reopened: every entry is there, and the
 * head digest is the same. */
static void
test_reopen (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (GError) error = NULL;
  char head[ELECT_DIGEST_TEXT_LEN];
  {
    g_autoptr (ElectJournal) j = make_journal (f->path, paper, 25);
    assert_int_equal (elect_journal_get_n_records (j), 26);
    assert_int_equal (elect_journal_get_n_counted (j), 25);
    g_strlcpy (head, elect_journal_get_head (j), sizeof head);
    assert_true (g_str_has_prefix (head, "sha256:"));
    /* one program at a time appends */
    g_autoptr (ElectJournal) again = elect_journal_open (f->path, paper, &error);
    assert_null (again);
    assert_int_equal (error->code, ELECT_ERROR_IO);
    g_clear_error (&error);
    /* a new journal never replaces a file */
    assert_null (elect_journal_create (f->path, paper, NULL, &error));
    assert_int_equal (error->code, ELECT_ERROR_IO);
    g_clear_error (&error);
  }
  g_autoptr (ElectJournal) j = elect_journal_open (f->path, paper, &error);
  if (j == NULL)
    fail_msg ("%s", error->message);
  assert_int_equal (elect_journal_get_n_records (j), 26);
  assert_int_equal (elect_journal_get_n_counted (j), 25);
  assert_string_equal (elect_journal_get_head (j), head);
  assert_string_equal (elect_journal_get_label (j), "城关镇第3计票站");
  assert_null (elect_journal_get_recovery (j));
  assert_int_equal (elect_journal_get_dropped_bytes (j), 0);
  g_autofree char *pd = elect_audit_digest_paper (paper);
  assert_string_equal (elect_journal_get_paper_digest (j), pd);

  /* another paper is refused */
  g_autoptr (ElectPaper) other = tb_paper (FALSE, "chair:1:王一,李二|member:2:张三,赵四,陈六");
  elect_journal_free (g_steal_pointer (&j));
  assert_null (elect_journal_open (f->path, other, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);

  /* read-only: the same records; appending fails */
  g_autoptr (ElectJournal) ro = elect_journal_open_read_only (f->path, NULL, &error);
  assert_non_null (ro);
  assert_int_equal (elect_journal_get_n_counted (ro), 25);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  assert_false (elect_journal_append_ballot (ro, ELECT_ENTRY_SINGLE, 0, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  assert_null (elect_journal_open (missing, paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_NOT_FOUND);
}

/* Every sample election, entered ballot by ballot into a journal and
 * exported, counts to exactly the same result as the file itself: the
 * journal loses no mark, write-in, Party line or defect (RULES.md §5.2;
 * Party papers §5.1, PER). */
static void
test_export_counts_the_same (void **state)
{
  Fixture *f = *state;
  static const char *const samples[] = {
    "village-2026/election.json", "party-branch/election.json",
    "supplementary/round1.json", "supplementary/round2.json",
  };
  const char *src = g_getenv ("ELECT_SOURCE_ROOT");
  assert_non_null (src);
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *path = g_build_filename (src, "examples", "data", samples[s], NULL);
      g_autofree char *tmpl = NULL;
      g_autoptr (GPtrArray) ballots = jh_split_election (path, f->dir, &tmpl);
      g_autoptr (ElectElection) te = jh_read (tmpl);
      ElectPaper *paper = elect_election_get_paper (te);
      g_autoptr (GError) error = NULL;
      g_unlink (f->path);
      g_autoptr (ElectJournal) j = elect_journal_create (f->path, paper, NULL, &error);
      assert_non_null (j);
      elect_journal_set_sync (j, ELECT_JOURNAL_SYNC_BATCH);
      g_autoptr (ElectBallot) b = elect_ballot_new (paper);
      for (guint i = 0; i < ballots->len; i++)
        {
          elect_ballot_reset (b);
          jh_fill_ballot (b, json_node_get_object (g_ptr_array_index (ballots, i)));
          if (!elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 1, b, &error))
            fail_msg ("%s ballot %u: %s", samples[s], i, error->message);
        }
      assert_true (elect_journal_sync (j, &error));
      assert_int_equal (elect_journal_get_n_counted (j), ballots->len);
      g_autofree char *text = elect_journal_export (j, tmpl, &error);
      if (text == NULL)
        fail_msg ("%s: %s", samples[s], error->message);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *want = jh_count_file (path);
      g_autofree char *got = jh_count_text (text, dir);
      if (strcmp (want, got) != 0)
        fail_msg ("%s: the export counts differently:\n%s\n----\n%s", samples[s], want, got);
      /* and reopened from disk, the same export */
      elect_journal_free (g_steal_pointer (&j));
      g_autoptr (ElectJournal) r = elect_journal_open_read_only (f->path, paper, &error);
      assert_non_null (r);
      g_autofree char *text2 = elect_journal_export (r, tmpl, &error);
      assert_string_equal (text, text2);
      g_unlink (tmpl);
    }
}

/* Secret ballot (VCL 15 无记名投票, RULES.md §4.6): records carry no time
 * and no identity, so the same ballots give the same journal bytes; and
 * the export lists ballots sorted, so it tells nothing about the order in
 * which they were entered. */
static void
test_secrecy_no_order_no_time (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autofree char *p1 = g_build_filename (f->dir, "a.journal", NULL);
  g_autofree char *p2 = g_build_filename (f->dir, "b.journal", NULL);
  g_autofree char *p3 = g_build_filename (f->dir, "c.journal", NULL);
  elect_journal_free (make_journal (p1, paper, 12));
  g_usleep (1100000);   /* a second later: nothing may depend on the time */
  elect_journal_free (make_journal (p2, paper, 12));
  g_autoptr (GBytes) a = jh_read_bytes (p1), b = jh_read_bytes (p2);
  assert_true (g_bytes_equal (a, b));
  /* the same ballots in reverse order: another journal, the same export */
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectJournal) j = elect_journal_create (p3, paper, "城关镇第3计票站", &error);
  g_autoptr (ElectBallot) ballot = elect_ballot_new (paper);
  for (guint i = 12; i-- > 0;)
    {
      fill (ballot, i);
      assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, ballot, &error));
    }
  g_autofree char *tmpl = g_build_filename (f->dir, "t.json", NULL);
  const char *t = "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
                  "\"electorate\": 30, \"contests\": [{\"id\": \"chair\", \"seats\": 1, "
                  "\"candidates\": [\"王一\", \"李二\"]}, {\"id\": \"member\", \"seats\": 2, "
                  "\"candidates\": [\"张三\", \"赵四\", \"陈五\"]}], \"ballots\": []}";
  jh_write (tmpl, t, strlen (t));
  g_autoptr (ElectJournal) ja = elect_journal_open_read_only (p1, paper, &error);
  g_autofree char *ea = elect_journal_export (ja, tmpl, &error);
  if (ea == NULL)
    fail_msg ("%s", error->message);
  g_autofree char *ec = elect_journal_export (j, tmpl, &error);
  assert_non_null (ec);
  assert_string_equal (ea, ec);
  assert_null (strstr (ea, "\"x-"));
}

/* A crash while a record is written leaves a torn end: for every length
 * of the last record cut short, reopening recovers every earlier record,
 * reports what it dropped, and truncates the file so appending goes on. */
static void
test_torn_end (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  elect_journal_free (make_journal (f->path, paper, 6));
  g_autoptr (GBytes) whole = jh_read_bytes (f->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  /* the last record starts where a 5-ballot journal ends */
  g_autofree char *p5 = g_build_filename (f->dir, "five.journal", NULL);
  elect_journal_free (make_journal (p5, paper, 5));
  g_autoptr (GBytes) five = jh_read_bytes (p5);
  gsize last = g_bytes_get_size (five);
  assert_true (last < size && memcmp (data, g_bytes_get_data (five, NULL), last) == 0);
  g_autoptr (GError) error = NULL;
  for (gsize cut = last + 1; cut < size; cut++)
    {
      g_autoptr (ElectJournal) j = elect_journal_read_data (data, cut, "cut", paper, &error);
      if (j == NULL)
        fail_msg ("cut at %zu: %s", cut, error->message);
      assert_int_equal (elect_journal_get_n_counted (j), 5);
      assert_int_equal (elect_journal_get_dropped_bytes (j), (gint64) (cut - last));
      assert_non_null (elect_journal_get_recovery (j));
      assert_non_null (strstr (elect_journal_get_recovery (j), "record 6"));
    }
  /* a power cut may leave zeros after the last whole record */
  g_autofree guint8 *zeros = g_malloc0 (size + 4096);
  memcpy (zeros, data, size);
  g_autoptr (ElectJournal) z = elect_journal_read_data (zeros, size + 4096, "zeros", paper, &error);
  assert_non_null (z);
  assert_int_equal (elect_journal_get_n_counted (z), 6);
  assert_int_equal (elect_journal_get_dropped_bytes (z), 4096);

  /* opened for appending, the torn end is cut off the file, and kept aside
   * byte for byte (a torn write and an altered last record look alike:
   * the evidence stays) */
  jh_write (f->path, data, size - 7);
  {
    g_autoptr (ElectJournal) j = elect_journal_open (f->path, paper, &error);
    assert_non_null (j);
    assert_int_equal (elect_journal_get_n_counted (j), 5);
    assert_non_null (elect_journal_get_recovery (j));
    g_autofree char *aside = g_strdup_printf ("%s.dropped-%zu", f->path, last);
    g_autoptr (GBytes) kept = jh_read_bytes (aside);
    assert_int_equal (g_bytes_get_size (kept), size - 7 - last);
    assert_memory_equal (g_bytes_get_data (kept, NULL), data + last, size - 7 - last);
    assert_non_null (strstr (elect_journal_get_recovery (j), aside));
    g_unlink (aside);
    g_autoptr (ElectBallot) b = elect_ballot_new (paper);
    fill (b, 5);
    assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error));
  }
  g_autoptr (GBytes) again = jh_read_bytes (f->path);
  assert_true (g_bytes_equal (again, whole));   /* the same sixth record again */
}

/* A journal changed anywhere but at its torn end is refused, with the
 * record named: a byte changed, a record removed, two records swapped
 * (VCL 17: a falsified count must not pass). */
static void
test_broken_chain (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  elect_journal_free (make_journal (f->path, paper, 6));
  g_autoptr (GBytes) whole = jh_read_bytes (f->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  /* record boundaries, from journals of 0..5 ballots */
  gsize ends[7];
  for (guint n = 0; n <= 5; n++)
    {
      g_autofree char *p = g_build_filename (f->dir, "n.journal", NULL);
      g_unlink (p);
      elect_journal_free (make_journal (p, paper, n));
      g_autoptr (GBytes) b = jh_read_bytes (p);
      ends[n] = g_bytes_get_size (b);
    }
  ends[6] = size;
  g_autoptr (GError) error = NULL;
  /* a byte of record 3's payload */
  g_autofree guint8 *copy = g_memdup2 (data, size);
  copy[ends[2] + 60] ^= 0x01;
  assert_null (elect_journal_read_data (copy, size, "j", paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
  assert_non_null (strstr (error->message, "record 3 "));
  g_clear_error (&error);
  /* record 3 removed */
  GByteArray *cut = g_byte_array_new ();
  g_byte_array_append (cut, data, (guint) ends[2]);
  g_byte_array_append (cut, data + ends[3], (guint) (size - ends[3]));
  assert_null (elect_journal_read_data (cut->data, cut->len, "j", paper, &error));
  assert_non_null (strstr (error->message, "record 3 "));
  g_clear_error (&error);
  g_byte_array_unref (cut);
  /* records 3 and 4 swapped */
  GByteArray *sw = g_byte_array_new ();
  g_byte_array_append (sw, data, (guint) ends[2]);
  g_byte_array_append (sw, data + ends[3], (guint) (ends[4] - ends[3]));
  g_byte_array_append (sw, data + ends[2], (guint) (ends[3] - ends[2]));
  g_byte_array_append (sw, data + ends[4], (guint) (size - ends[4]));
  assert_null (elect_journal_read_data (sw->data, sw->len, "j", paper, &error));
  assert_non_null (strstr (error->message, "record 3 "));
  g_clear_error (&error);
  g_byte_array_unref (sw);
  /* not a journal */
  assert_null (elect_journal_read_data ("{}", 2, "j", paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
  g_clear_error (&error);
  assert_null (elect_journal_read_data ("", 0, "j", paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
}

/* Property: flipping any byte of a journal is detected, every time: the
 * journal is refused (naming a record), or the change is in its last
 * record, which is then dropped and reported; never silently accepted. */
static void
test_flip_every_byte (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  elect_journal_free (make_journal (f->path, paper, 8));
  g_autoptr (GBytes) whole = jh_read_bytes (f->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  g_autofree char *p7 = g_build_filename (f->dir, "seven.journal", NULL);
  elect_journal_free (make_journal (p7, paper, 7));
  g_autoptr (GBytes) seven = jh_read_bytes (p7);
  gsize last = g_bytes_get_size (seven);
  static const guint8 masks[] = { 0x01, 0x80, 0xff, 0x20, 0x5a };
  guint step = g_getenv ("ELECT_TEST_QUICK") ? 7 : 1;
  g_autofree guint8 *copy = g_memdup2 (data, size);
  guint refused = 0, dropped = 0;
  for (gsize i = 0; i < size; i += step)
    {
      guint8 mask = masks[i % G_N_ELEMENTS (masks)];
      copy[i] ^= mask;
      g_autoptr (GError) error = NULL;
      g_autoptr (ElectJournal) j = elect_journal_read_data (copy, size, "flip", paper, &error);
      if (j == NULL)
        {
          assert_true (error->code == ELECT_ERROR_PARSE || error->code == ELECT_ERROR_INVALID);
          refused++;
        }
      else
        {
          if (i < last || elect_journal_get_recovery (j) == NULL
              || elect_journal_get_n_counted (j) != 7)
            fail_msg ("byte %zu ^ 0x%02x was not detected", i, mask);
          dropped++;
        }
      copy[i] ^= mask;
    }
  assert_true (refused > 0 && dropped > 0);
  g_autoptr (ElectJournal) ok = elect_journal_read_data (copy, size, "flip", paper, NULL);
  assert_non_null (ok);
}

/* Double entry: two entries of a batch are compared field by field, every
 * difference is listed with its place, nothing is counted until they
 * agree; a wrong entry is discarded and entered again. Also after
 * reopening. */
static void
test_double_entry_ballots (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectJournal) j = elect_journal_create (f->path, paper, NULL, &error);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  for (guint i = 0; i < 3; i++)
    {
      fill (b, i);
      assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_FIRST, 7, b, &error));
      if (i == 1)
        {
          /* the second typist marks 张三 instead of 赵四 on ballot 2 */
          elect_ballot_reset (b);
          elect_ballot_mark (b, 0, 1);
          elect_ballot_mark (b, 1, 0);
          elect_ballot_write_in (b, 1, "写入1", -1);
        }
      assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SECOND, 7, b, &error));
    }
  assert_int_equal (elect_journal_get_n_counted (j), 0);
  assert_int_equal (elect_journal_get_n_pending (j), 1);
  assert_int_equal (elect_journal_get_pending (j, 0), 7);
  g_autoptr (ElectEntryDiff) d = elect_journal_accept_batch (j, 7, &error);
  assert_non_null (d);
  assert_int_equal (elect_entry_diff_get_n_items (d), 1);
  assert_string_equal (elect_entry_diff_get_place (d, 0), "ballots[1].member");
  assert_string_equal (elect_entry_diff_get_first (d, 0), "[\"赵四\",{\"write_in\":\"写入1\"}]");
  assert_string_equal (elect_entry_diff_get_second (d, 0), "[\"张三\",{\"write_in\":\"写入1\"}]");
  g_autofree char *text = elect_entry_diff_to_text (d, "en");
  assert_non_null (strstr (text, "ballots[1].member: first entry"));
  g_autofree char *zh = elect_entry_diff_to_text (d, "zh");
  assert_non_null (strstr (zh, "第一次录入"));
  /* nothing counted, nothing written */
  assert_int_equal (elect_journal_get_n_counted (j), 0);
  guint records = elect_journal_get_n_records (j);
  assert_int_equal (records, 7);
  /* the second entry is discarded and entered again, one ballot short */
  assert_true (elect_journal_discard_entry (j, 7, ELECT_ENTRY_SECOND, &error));
  assert_false (elect_journal_discard_entry (j, 7, ELECT_ENTRY_SECOND, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 2; i++)
    {
      fill (b, i);
      assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SECOND, 7, b, &error));
    }
  g_autoptr (ElectEntryDiff) d2 = elect_journal_accept_batch (j, 7, &error);
  assert_int_equal (elect_entry_diff_get_n_items (d2), 2);
  assert_string_equal (elect_entry_diff_get_place (d2, 0), "ballots");
  assert_string_equal (elect_entry_diff_get_first (d2, 0), "3");
  assert_string_equal (elect_entry_diff_get_second (d2, 0), "2");
  assert_string_equal (elect_entry_diff_get_place (d2, 1), "ballots[2]");
  assert_null (elect_entry_diff_get_second (d2, 1));
  fill (b, 2);
  assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SECOND, 7, b, &error));
  g_autoptr (ElectEntryDiff) d3 = elect_journal_accept_batch (j, 7, &error);
  assert_non_null (d3);
  assert_int_equal (elect_entry_diff_get_n_items (d3), 0);
  assert_int_equal (elect_journal_get_n_counted (j), 3);
  assert_int_equal (elect_journal_get_n_pending (j), 0);
  /* an accepted batch takes no more entries */
  assert_false (elect_journal_append_ballot (j, ELECT_ENTRY_FIRST, 7, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_null (elect_journal_accept_batch (j, 7, &error));
  g_clear_error (&error);
  /* a batch with one entry cannot be accepted */
  assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_FIRST, 8, b, &error));
  assert_null (elect_journal_accept_batch (j, 8, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* single entries count at once, next to batches */
  assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 9, b, &error));
  assert_int_equal (elect_journal_get_n_counted (j), 4);
  elect_journal_free (g_steal_pointer (&j));
  /* reopened: the same state */
  g_autoptr (ElectJournal) r = elect_journal_open (f->path, paper, &error);
  assert_non_null (r);
  assert_int_equal (elect_journal_get_n_counted (r), 4);
  assert_int_equal (elect_journal_get_n_pending (r), 1);
  assert_int_equal (elect_journal_get_pending (r, 0), 8);
}

/* Double entry of a tally sheet (RULES.md §6.9): returned, invalid and
 * every candidate's votes compared; one counted sheet at most. */
static void
test_double_entry_sheets (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectRules) rules = tb_rules ("village-committee");
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectTally) s1 = elect_tally_new (rules, paper, &error);
  g_autoptr (ElectTally) s2 = elect_tally_new (rules, paper, &error);
  assert_true (elect_tally_set_sheet (s1, 890, 12, &error));
  assert_true (elect_tally_set_sheet (s2, 890, 12, &error));
  assert_true (elect_tally_set_sheet_votes (s1, 0, 0, 520, &error));
  assert_true (elect_tally_set_sheet_votes (s2, 0, 0, 502, &error));
  assert_true (elect_tally_set_sheet_write_in (s2, 1, "孙九", -1, 3, &error));
  g_autoptr (ElectEntryDiff) d = elect_entry_compare_sheets (s1, s2);
  assert_int_equal (elect_entry_diff_get_n_items (d), 2);
  assert_string_equal (elect_entry_diff_get_place (d, 0), "totals.votes.chair.王一");
  assert_string_equal (elect_entry_diff_get_first (d, 0), "520");
  assert_string_equal (elect_entry_diff_get_second (d, 0), "502");
  assert_string_equal (elect_entry_diff_get_place (d, 1), "totals.votes.member.孙九");
  assert_null (elect_entry_diff_get_first (d, 1));

  g_autoptr (ElectJournal) j = elect_journal_create (f->path, paper, NULL, &error);
  assert_true (elect_journal_append_sheet (j, ELECT_ENTRY_FIRST, 1, s1, &error));
  assert_false (elect_journal_append_sheet (j, ELECT_ENTRY_FIRST, 1, s1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_true (elect_journal_append_sheet (j, ELECT_ENTRY_SECOND, 1, s2, &error));
  g_autoptr (ElectEntryDiff) d1 = elect_journal_accept_batch (j, 1, &error);
  assert_int_equal (elect_entry_diff_get_n_items (d1), 2);
  assert_int_equal (elect_journal_get_n_counted (j), 0);
  assert_true (elect_journal_discard_entry (j, 1, ELECT_ENTRY_SECOND, &error));
  assert_true (elect_journal_append_sheet (j, ELECT_ENTRY_SECOND, 1, s1, &error));
  g_autoptr (ElectEntryDiff) d2 = elect_journal_accept_batch (j, 1, &error);
  assert_int_equal (elect_entry_diff_get_n_items (d2), 0);
  assert_int_equal (elect_journal_get_n_counted (j), 1);
  assert_true (elect_journal_holds_sheets (j));
  /* no second counted sheet, no ballot in a journal of sheets */
  assert_false (elect_journal_append_sheet (j, ELECT_ENTRY_SINGLE, 2, s1, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  assert_false (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 2, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  /* exported: the sheet's totals count as the sheet */
  g_autofree char *tmpl = g_build_filename (f->dir, "t.json", NULL);
  const char *t = "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
                  "\"electorate\": 1000, \"contests\": [{\"id\": \"chair\", \"seats\": 1, "
                  "\"candidates\": [\"王一\", \"李二\"]}, {\"id\": \"member\", \"seats\": 2, "
                  "\"candidates\": [\"张三\", \"赵四\", \"陈五\"]}], \"ballots\": []}";
  jh_write (tmpl, t, strlen (t));
  g_autofree char *text = elect_journal_export (j, tmpl, &error);
  if (text == NULL)
    fail_msg ("%s", error->message);
  g_autoptr (ElectElection) e = elect_election_read_data (text, -1, "x", f->dir, &error);
  assert_non_null (e);
  ElectTally *t2 = elect_election_get_tally (e);
  assert_true (elect_tally_is_sheet (t2));
  assert_int_equal (elect_tally_get_ballots_returned (t2), 890);
  assert_int_equal (elect_tally_get_votes (t2, 0, 0), 520);
}

/* Appends a hand-made record to the journal bytes @j (chained to its last
 * record, with a correct checksum). */
static void
append_raw_record (GByteArray *j, guint64 seq, int kind, int entry, guint32 batch,
                   const char *payload)
{
  gsize l = strlen (payload);
  g_autofree guint8 *rec = g_malloc0 (56 + l + 32);
  memcpy (rec, "ELJ1", 4);
  for (int i = 0; i < 4; i++)
    rec[4 + i] = (guint8) (l >> (8 * i));
  for (int i = 0; i < 8; i++)
    rec[8 + i] = (guint8) (seq >> (8 * i));
  rec[16] = (guint8) kind;
  rec[17] = (guint8) entry;
  for (int i = 0; i < 4; i++)
    rec[20 + i] = (guint8) (batch >> (8 * i));
  memcpy (rec + 24, j->data + j->len - 32, 32);
  memcpy (rec + 56, payload, l);
  elect_sha256 (rec, 56 + l, rec + 56 + l);
  g_byte_array_append (j, rec, (guint) (56 + l + 32));
}

/* Secret ballot (VCL 15, RULES.md §4.6): the records hold the marks of
 * ballots and nothing else. The header holds the format, the desk's label
 * and the paper's digest; a ballot record holds contests and "spoiled";
 * a journal made by hand with anything else in a ballot record (a voter's
 * name, say) is refused, with the record named. */
static void
test_payloads_hold_ballots_only (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  elect_journal_free (make_journal (f->path, paper, 3));
  g_autoptr (GBytes) bytes = jh_read_bytes (f->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  /* walk the records: every payload's members */
  gsize off = 0;
  for (guint r = 0; off < size; r++)
    {
      gsize l = data[off + 4] | (gsize) data[off + 5] << 8 | (gsize) data[off + 6] << 16;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) n = elect_json_parse ((const char *) data + off + 56, l, "p", 16, &error);
      assert_non_null (n);
      JsonObject *o = json_node_get_object (n);
      GList *members = json_object_get_members (o);
      for (GList *m = members; m; m = m->next)
        {
          const char *name = m->data;
          if (r == 0)
            assert_true (strcmp (name, "format") == 0 || strcmp (name, "label") == 0
                         || strcmp (name, "paper") == 0);
          else
            assert_true (strcmp (name, "chair") == 0 || strcmp (name, "member") == 0);
        }
      g_list_free (members);
      off += 56 + l + 32;
    }
  assert_int_equal (off, size);
  GByteArray *forged = g_byte_array_new ();
  g_byte_array_append (forged, data, (guint) size);
  append_raw_record (forged, 4, 2, 0, 0, "{\"chair\":[\"王一\"],\"voter\":\"张三\"}");
  g_autoptr (GError) error = NULL;
  assert_null (elect_journal_read_data (forged->data, forged->len, "forged", paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_PARSE);
  assert_non_null (strstr (error->message, "record 4 "));
  g_byte_array_unref (forged);
}

/* A journal whose acceptance record accepts two entries that differ is
 * refused on reading: nothing is counted until the entries agree, even in
 * a journal written by hand with valid checksums. */
static void
test_forged_accept (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (ElectJournal) j = elect_journal_create (f->path, paper, NULL, &error);
    g_autoptr (ElectBallot) b = elect_ballot_new (paper);
    fill (b, 0);
    assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_FIRST, 1, b, &error));
    fill (b, 1);
    assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SECOND, 1, b, &error));
  }
  /* append an acceptance record by hand, with a correct chain */
  g_autoptr (GBytes) bytes = jh_read_bytes (f->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GByteArray *forged = g_byte_array_new ();
  g_byte_array_append (forged, data, (guint) size);
  append_raw_record (forged, 3, 4, 0, 1, "{\"count\":1}");
  assert_null (elect_journal_read_data (forged->data, forged->len, "forged", paper, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  assert_non_null (strstr (error->message, "record 3 "));
  g_byte_array_unref (forged);
}

/* Entries that are not whole ballots are refused before anything is
 * written: too large, invalid UTF-8, another paper; batch mode syncs on
 * demand. */
static void
test_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr (ElectPaper) paper = tb_paper (FALSE, PAPER);
  g_autoptr (GError) error = NULL;
  assert_null (elect_journal_create (f->path, paper, "bad\nlabel", &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (ElectJournal) j = elect_journal_create (f->path, paper, NULL, &error);
  assert_null (elect_journal_get_label (j));
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  g_autofree char *huge = g_strnfill (elect_journal_max_payload () + 1, 'x');
  elect_ballot_write_in (b, 0, huge, -1);
  assert_false (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_LIMIT);
  g_clear_error (&error);
  elect_ballot_reset (b);
  elect_ballot_write_in (b, 0, "\xff\xfe", 2);
  assert_false (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (ElectPaper) other = tb_paper (FALSE, "chair:1:王一");
  g_autoptr (ElectBallot) ob = elect_ballot_new (other);
  assert_false (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, ob, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_int_equal (elect_journal_get_n_records (j), 1);
  /* a paper equal in content (not the same object) is the same paper */
  g_autoptr (ElectPaper) same = tb_paper (FALSE, PAPER);
  g_autoptr (ElectBallot) sb = elect_ballot_new (same);
  elect_ballot_mark (sb, 0, 0);
  elect_journal_set_sync (j, ELECT_JOURNAL_SYNC_BATCH);
  assert_int_equal (elect_journal_get_sync (j), ELECT_JOURNAL_SYNC_BATCH);
  assert_true (elect_journal_append_ballot (j, ELECT_ENTRY_SINGLE, 0, sb, &error));
  assert_true (elect_journal_sync (j, &error));
  assert_int_equal (elect_journal_get_n_counted (j), 1);
  /* the template of an export must have no ballots */
  g_autofree char *tmpl = g_build_filename (f->dir, "t.json", NULL);
  const char *t = "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", "
                  "\"electorate\": 1000, \"contests\": [{\"id\": \"chair\", \"seats\": 1, "
                  "\"candidates\": [\"王一\", \"李二\"]}, {\"id\": \"member\", \"seats\": 2, "
                  "\"candidates\": [\"张三\", \"赵四\", \"陈五\"]}], \"ballots\": [{}]}";
  jh_write (tmpl, t, strlen (t));
  assert_null (elect_journal_export (j, tmpl, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
}

/* The canonical form of a Party ballot keeps every mark, the contradictory
 * line (marked for and against: a void mark, RULES.md §5.2) and a name
 * written on a line; a duplicate mark is kept as a repeat. */
static void
test_canonical_party (void **state)
{
  g_autoptr (ElectPaper) paper = tb_paper (TRUE, "committee:3:马文华,王丽萍,石磊,刘建军");
  g_autoptr (ElectBallot) b = elect_ballot_new (paper);
  elect_ballot_mark_party (b, 0, 0, ELECT_MARK_FOR);
  elect_ballot_mark_party (b, 0, 0, ELECT_MARK_FOR);
  elect_ballot_mark_party (b, 0, 1, ELECT_MARK_FOR);
  elect_ballot_mark_party (b, 0, 1, ELECT_MARK_AGAINST);
  elect_ballot_mark_party (b, 0, 2, ELECT_MARK_ABSTAIN);
  elect_ballot_write_in_on_line (b, 0, 3, "张红梅", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) n = elect_ballot_canonical_node (b, &error);
  g_autofree char *text = elect_canon_compact (n);
  assert_string_equal (text, "{\"committee\":{\"abstain\":[\"石磊\"],\"against\":[\"王丽萍\"],"
                             "\"for\":[\"马文华\",\"王丽萍\",\"马文华\"],\"write_in\":{\"刘建军\":\"张红梅\"}}}");
  elect_ballot_write_in_on_line (b, 0, 3, "李四", -1);
  assert_null (elect_ballot_canonical_node (b, &error));
  assert_int_equal (error->code, ELECT_ERROR_INVALID);
  g_clear_error (&error);
  elect_ballot_reset (b);
  elect_ballot_set_unreadable (b);
  elect_ballot_mark (b, 0, 0);
  g_autoptr (JsonNode) s = elect_ballot_canonical_node (b, &error);
  g_autofree char *st = elect_canon_compact (s);
  assert_string_equal (st, "{\"spoiled\":true}");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_reopen, setup, teardown),
    cmocka_unit_test_setup_teardown (test_export_counts_the_same, setup, teardown),
    cmocka_unit_test_setup_teardown (test_secrecy_no_order_no_time, setup, teardown),
    cmocka_unit_test_setup_teardown (test_torn_end, setup, teardown),
    cmocka_unit_test_setup_teardown (test_broken_chain, setup, teardown),
    cmocka_unit_test_setup_teardown (test_flip_every_byte, setup, teardown),
    cmocka_unit_test_setup_teardown (test_double_entry_ballots, setup, teardown),
    cmocka_unit_test_setup_teardown (test_double_entry_sheets, setup, teardown),
    cmocka_unit_test_setup_teardown (test_forged_accept, setup, teardown),
    cmocka_unit_test_setup_teardown (test_payloads_hold_ballots_only, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refusals, setup, teardown),
    cmocka_unit_test (test_canonical_party),
  };
  return cmocka_run_group_tests_name ("journal", tests, NULL, NULL);
}
