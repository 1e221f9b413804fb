/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The election-file reader and its streaming JSON scanner (lib/json-scan.c,
 * lib/election-reader.c): the same document read from memory, from a file
 * and from a pipe written in odd-sized chunks (so tokens straddle every
 * kind of buffer boundary) gives the same tally; line and column of errors
 * are right from every source; tokens longer than the buffer grow it, up to
 * the limit; the scanner's strings (escapes, surrogates, UTF-8) and numbers
 * follow RFC 8259; the second pass over ballots that come first. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "elect/elect.h"
#include "elect/elect-election.h"
#include "json-scan-private.h"

/* ---- helpers ------------------------------------------------------------- */

static const char *const NAMES[] = { "王建国", "李明华", "张伟", "陈志强", "刘秀英", "Ｗang　", "赵丽" };

/* A document of n ballots in one contest of 7 candidates, 3 seats; a long
 * x- string of xlen bytes in the header when xlen > 0. */
static char *
make_doc (guint n, gsize xlen, gboolean ballots_first)
{
  GString *b = g_string_new (NULL);
  GRand *rnd = g_rand_new_with_seed (42);
  g_string_append (b, "[\n");
  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) g_rand_int_range (rnd, 0, 5);  /* 4 marks: an over-vote */
      g_string_append (b, i ? ",\n  {\"m\": [" : "  {\"m\": [");
      for (guint j = 0; j < k; j++)
        {
          guint c = (guint) g_rand_int_range (rnd, 0, 8);
          /* index 7: a write-in; an escaped name now and then */
          if (c == 7)
            g_string_append (b, j ? ", \"钱多多\"" : "\"钱多多\"");
          else if (i % 5 == 0 && c == 0)
            g_string_append (b, j ? ", \"\\u738b\\u5efa\\u56fd\"" : "\"\\u738b\\u5efa\\u56fd\"");
          else
            g_string_append_printf (b, "%s\"%s\"", j ? ", " : "", NAMES[c]);
        }
      g_string_append (b, "]}");
    }
  g_string_append (b, "\n]");
  GString *d = g_string_new ("{\n");
  if (ballots_first)
    g_string_append_printf (d, "\"ballots\": %s,\n", b->str);
  g_string_append (d, "\"format\": \"libelect.election/1\",\n\"profile\": \"village-committee\",\n"
                      "\"electorate\": 1000000,\n");
  if (xlen)
    {
      g_string_append (d, "\"x-long\": \"");
      for (gsize i = 0; i < xlen; i++)
        g_string_append_c (d, 'a' + (char) (i % 26));
      g_string_append (d, "\",\n");
    }
  g_string_append (d, "\"contests\": [{\"id\": \"m\", \"seats\": 3, \"candidates\": [");
  for (guint i = 0; i < G_N_ELEMENTS (NAMES); i++)
    g_string_append_printf (d, "%s\"%s\"", i ? ", " : "", NAMES[i]);
  g_string_append (d, "]}]");
  if (!ballots_first)
    g_string_append_printf (d, ",\n\"ballots\": %s", b->str);
  g_string_append (d, "\n}\n");
  g_string_free (b, TRUE);
  g_rand_free (rnd);
  return g_string_free (d, FALSE);
}

/* Reads text through a pipe written in chunks of 1, 7, 4093, … bytes. */
static ElectElection *
read_pipe (const char *text, GError **error)
{
  int fds[2];
  assert_int_equal (pipe (fds), 0);
  pid_t pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      close (fds[0]);
      static const gsize chunks[] = { 1, 7, 4093, 65537, 3, 1 << 20 };
      gsize len = strlen (text), at = 0;
      for (guint i = 0; at < len; i++)
        {
          gsize n = MIN (chunks[i % G_N_ELEMENTS (chunks)], len - at);
          ssize_t w = write (fds[1], text + at, n);
          if (w <= 0)
            _exit (1);
          at += (gsize) w;
        }
      _exit (0);
    }
  close (fds[1]);
  ElectElection *el = elect_election_read_fd (fds[0], "pipe", NULL, error);
  close (fds[0]);
  int status;
  waitpid (pid, &status, 0);
  return el;
}

static ElectElection *
read_file (const char *text, GError **error)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("test-election-XXXXXX.json", &path, NULL);
  assert_true (fd >= 0);
  close (fd);
  assert_true (g_file_set_contents (path, text, -1, NULL));
  ElectElection *el = elect_election_read_file (path, error);
  g_unlink (path);
  return el;
}

static void
assert_same_tally (ElectElection *a, ElectElection *b)
{
  ElectTally *ta = elect_election_get_tally (a), *tb = elect_election_get_tally (b);
  assert_int_equal (elect_election_get_n_ballots (a), elect_election_get_n_ballots (b));
  assert_int_equal (elect_tally_get_ballots_valid (ta), elect_tally_get_ballots_valid (tb));
  assert_int_equal (elect_tally_get_ballots_invalid (ta), elect_tally_get_ballots_invalid (tb));
  for (guint k = 0; k < G_N_ELEMENTS (NAMES); k++)
    assert_int_equal (elect_tally_get_votes (ta, 0, k), elect_tally_get_votes (tb, 0, k));
  assert_int_equal (elect_tally_get_n_write_ins (ta, 0), elect_tally_get_n_write_ins (tb, 0));
  for (const char *const *c = elect_tally_list_defect_codes (); *c; c++)
    assert_int_equal (elect_tally_get_defect_count (ta, *c), elect_tally_get_defect_count (tb, *c));
}

static void
expect_error (ElectElection *el, GError **perror, int code, const char *has)
{
  GError *error = *perror;
  *perror = NULL;
  assert_null (el);
  assert_non_null (error);
  if (error->code != code || strstr (error->message, has) == NULL)
    {
      g_printerr ("error %d \"%s\", expected %d with \"%s\"\n", error->code, error->message, code, has);
      fail ();
    }
  g_error_free (error);
}

/* ---- the fast path against elect_tally_add_ballot() ---------------------- */

/* Candidates of the random papers: some persons are listed on two contests
 * (two posts), some names are never listed (write-ins). */
static const char *const POOL[] = { "王建国", "李明华", "张伟", "陈志强", "刘秀英", "赵丽",
                                    "孙海涛", "周文斌", "吴晓燕", "郑秀兰" };
static const char *const OUTSIDERS[] = { "钱多多", "冯小刚", "  ", "" };

typedef struct {
  guint n_contests;
  gint64 seats[4];
  guint n_cands[4];
  guint cand[4][8];   /* indices into POOL */
} RandPaper;

/* One random ballot of paper p, as JSON (appended to @doc) and as the list
 * of its (contest, name) marks and its spoiled flag. */
static void
rand_ballot (GRand *rnd, const RandPaper *p, GString *doc, GPtrArray *names, GArray *contests,
             gboolean *spoiled)
{
  *spoiled = g_rand_int_range (rnd, 0, 40) == 0;
  g_string_append_c (doc, '{');
  gboolean first = TRUE;
  if (*spoiled)
    {
      g_string_append (doc, "\"spoiled\": true");
      first = FALSE;
    }
  for (guint c = 0; c < p->n_contests; c++)
    {
      guint r = (guint) g_rand_int_range (rnd, 0, 100);
      if (r < 10)
        continue;   /* contest not given */
      g_string_append_printf (doc, "%s\"c%u\": [", first ? "" : ", ", c);
      first = FALSE;
      /* mostly at most the seats; sometimes one more (an over-vote) */
      guint k = (guint) g_rand_int_range (rnd, 0, (gint32) p->seats[c] + 1);
      if (g_rand_int_range (rnd, 0, 12) == 0)
        k = (guint) p->seats[c] + 1;
      for (guint j = 0; j < k; j++)
        {
          guint w = (guint) g_rand_int_range (rnd, 0, 100);
          const char *name;
          if (w < 3)
            name = OUTSIDERS[g_rand_int_range (rnd, 0, G_N_ELEMENTS (OUTSIDERS))];
          else if (w < 6)
            name = POOL[g_rand_int_range (rnd, 0, G_N_ELEMENTS (POOL))];  /* maybe another post's */
          else
            name = POOL[p->cand[c][g_rand_int_range (rnd, 0, (gint32) p->n_cands[c])]];
          /* a duplicate now and then */
          if (j > 0 && g_rand_int_range (rnd, 0, 30) == 0)
            name = g_ptr_array_index (names, names->len - 1);
          g_string_append_printf (doc, "%s\"%s\"", j ? ", " : "", name);
          g_ptr_array_add (names, (gpointer) name);
          g_array_append_val (contests, c);
        }
      g_string_append_c (doc, ']');
    }
  g_string_append_c (doc, '}');
}

static void
assert_same_counts (const ElectTally *a, const ElectTally *b)
{
  ElectPaper *paper = elect_tally_get_paper (a);
  assert_int_equal (elect_tally_get_ballots_returned (a), elect_tally_get_ballots_returned (b));
  assert_int_equal (elect_tally_get_ballots_valid (a), elect_tally_get_ballots_valid (b));
  assert_int_equal (elect_tally_get_ballots_invalid (a), elect_tally_get_ballots_invalid (b));
  for (guint c = 0; c < elect_paper_get_n_contests (paper); c++)
    {
      for (guint k = 0; k < elect_paper_get_n_candidates (paper, c); k++)
        {
          const char *nm = elect_paper_get_candidate_name (paper, c, k);
          assert_int_equal (elect_tally_get_votes (a, c, k), elect_tally_get_votes (b, c, k));
          assert_int_equal (elect_tally_get_votes_against (a, c, k), elect_tally_get_votes_against (b, c, k));
          assert_int_equal (elect_tally_get_overlap_votes (a, c, nm, -1),
                            elect_tally_get_overlap_votes (b, c, nm, -1));
        }
      assert_int_equal (elect_tally_get_abstentions (a, c), elect_tally_get_abstentions (b, c));
      assert_int_equal (elect_tally_get_contest_void (a, c), elect_tally_get_contest_void (b, c));
      guint nw = elect_tally_get_n_write_ins (a, c);
      assert_int_equal (nw, elect_tally_get_n_write_ins (b, c));
      for (guint w = 0; w < nw; w++)
        {
          const char *nm = elect_tally_get_write_in_name (a, c, w);
          assert_string_equal (nm, elect_tally_get_write_in_name (b, c, w));
          assert_int_equal (elect_tally_get_write_in_votes (a, c, w), elect_tally_get_write_in_votes (b, c, w));
          assert_int_equal (elect_tally_get_write_in_sex (a, c, w), elect_tally_get_write_in_sex (b, c, w));
          assert_int_equal (elect_tally_get_overlap_votes (a, c, nm, -1),
                            elect_tally_get_overlap_votes (b, c, nm, -1));
        }
    }
  for (const char *const *d = elect_tally_list_defect_codes (); *d; d++)
    if (elect_tally_get_defect_count (a, *d) != elect_tally_get_defect_count (b, *d))
      fail_msg ("defect %s: %lld != %lld", *d, (long long) elect_tally_get_defect_count (a, *d),
                (long long) elect_tally_get_defect_count (b, *d));
}

/* Random elections of 1 to 4 contests (over-votes, blanks, empty ballots,
 * contests left out, spoiled ballots, duplicates, write-ins of outsiders and
 * of other posts' candidates, persons listed on two posts) under every
 * built-in profile: the reader (simple ballots in columns of masks, the
 * rest one by one) gives the same tally, and the same outcome, as every
 * ballot given to elect_tally_add_ballot(). Sizes straddle the reader's
 * batches (2,048 ballots). */
static void
test_fast_path_matches_ballots (void **state)
{
  (void) state;
  GRand *rnd = g_rand_new_with_seed (20260);
  /* every built-in profile, and the over-vote policy void-contest (no
   * built-in has it) with each two-posts policy */
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func (g_free);
  for (const char *const *n = elect_rules_list_builtin (); *n; n++)
    g_ptr_array_add (profiles, g_strdup (*n));
  g_autofree char *dir = g_dir_make_tmp ("test-election-XXXXXX", NULL);
  assert_non_null (dir);
  static const char *const two_posts_policies[] = { "separate", "void-ballot", "cascade-down" };
  for (guint i = 0; i < G_N_ELEMENTS (two_posts_policies); i++)
    {
      g_autofree char *fname = g_strdup_printf ("void-contest-%s.ini", two_posts_policies[i]);
      char *path = g_build_filename (dir, fname, NULL);
      g_autofree char *text = g_strdup_printf ("[profile]\nextends=village-committee\n[count]\n"
                                               "overvote=void-contest\nsame_person_two_posts=%s\n",
                                               two_posts_policies[i]);
      assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (profiles, path);
    }
  for (guint pi = 0; pi < profiles->len; pi++)
    for (int round = 0; round < 6; round++)
      {
        const char *prof = g_ptr_array_index (profiles, pi);
        RandPaper p = { 0 };
        p.n_contests = 1 + (guint) g_rand_int_range (rnd, 0, 4);
        gboolean two_posts = round % 2 == 1;
        for (guint c = 0; c < p.n_contests; c++)
          {
            p.seats[c] = 1 + g_rand_int_range (rnd, 0, 3);
            p.n_cands[c] = (guint) p.seats[c] + 1 + (guint) g_rand_int_range (rnd, 0, 3);
            /* distinct persons per contest; with two_posts, contests may share */
            guint base = two_posts ? (guint) g_rand_int_range (rnd, 0, 4) : 0;
            for (guint k = 0; k < p.n_cands[c]; k++)
              p.cand[c][k] = (base + k) % G_N_ELEMENTS (POOL);
            if (!two_posts && p.n_contests > 1)
              for (guint k = 0; k < p.n_cands[c]; k++)
                p.cand[c][k] = (c * 10 + k) % G_N_ELEMENTS (POOL);
          }
        if (!two_posts && p.n_contests > 1)
          {
            /* keep the persons distinct across contests when the pool allows */
            guint next = 0;
            for (guint c = 0; c < p.n_contests; c++)
              for (guint k = 0; k < p.n_cands[c]; k++)
                p.cand[c][k] = next++ % G_N_ELEMENTS (POOL);
          }
        gint64 n = round < 2 ? 300 : 2048 + g_rand_int_range (rnd, -3, 4100);

        GString *doc = g_string_new (NULL);
        g_string_append_printf (doc, "{\"format\": \"libelect.election/1\", \"profile\": \"%s\",\n"
                                     "\"electorate\": %" G_GINT64_FORMAT ", \"ballots_issued\": %" G_GINT64_FORMAT ", "
                                     "\"present\": %" G_GINT64_FORMAT ", \"contests\": [",
                                prof, n + n / 3, n, n);
        for (guint c = 0; c < p.n_contests; c++)
          {
            g_string_append_printf (doc, "%s{\"id\": \"c%u\", \"seats\": %" G_GINT64_FORMAT ", \"candidates\": [",
                                    c ? ", " : "", c, p.seats[c]);
            for (guint k = 0; k < p.n_cands[c]; k++)
              g_string_append_printf (doc, "%s\"%s\"", k ? ", " : "", POOL[p.cand[c][k]]);
            g_string_append (doc, "]}");
          }
        g_string_append (doc, "],\n\"ballots\": [\n");
        g_autoptr (GPtrArray) names = g_ptr_array_new ();
        g_autoptr (GArray) contests = g_array_new (FALSE, FALSE, sizeof (guint));
        g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
        g_autoptr (GArray) spoiled = g_array_new (FALSE, FALSE, sizeof (gboolean));
        for (gint64 i = 0; i < n; i++)
          {
            gboolean sp;
            if (i)
              g_string_append (doc, ",\n");
            rand_ballot (rnd, &p, doc, names, contests, &sp);
            g_array_append_val (ends, names->len);
            g_array_append_val (spoiled, sp);
          }
        g_string_append (doc, "\n]}\n");

        GError *e = NULL;
        g_autoptr (ElectElection) el = elect_election_read_data (doc->str, (gssize) doc->len, "rand", NULL, &e);
        if (e)
          fail_msg ("%s round %d: %s", prof, round, e->message);
        assert_int_equal (elect_election_get_n_ballots (el), n);
        ElectPaper *paper = elect_election_get_paper (el);
        const ElectRules *rules = elect_election_get_rules (el);
        g_autoptr (ElectTally) slow = elect_tally_new (rules, paper, &e);
        assert_null (e);
        ElectBallot *b = elect_ballot_new (paper);
        guint at = 0;
        for (gint64 i = 0; i < n; i++)
          {
            guint end = g_array_index (ends, guint, i);
            for (; at < end; at++)
              {
                guint c = g_array_index (contests, guint, at);
                const char *nm = g_ptr_array_index (names, at);
                int k = elect_paper_find_candidate (paper, c, nm, -1);
                if (k >= 0)
                  elect_ballot_mark (b, c, (guint) k);
                else
                  elect_ballot_write_in (b, c, nm, -1);
              }
            if (g_array_index (spoiled, gboolean, i))
              elect_ballot_set_unreadable (b);
            assert_true (elect_tally_add_ballot (slow, b, &e));
            elect_ballot_reset (b);
          }
        elect_ballot_free (b);
        assert_same_counts (elect_election_get_tally (el), slow);

        g_autoptr (ElectOutcome) oa = elect_election_count (el, &e);
        if (e)
          fail_msg ("%s round %d: %s", prof, round, e->message);
        g_autoptr (ElectOutcome) ob = elect_count_full (rules, paper, slow, elect_election_get_turnout (el),
                                                        elect_election_get_options (el), &e);
        assert_null (e);
        g_autofree char *ja = elect_outcome_to_json (oa, "en");
        g_autofree char *jb = elect_outcome_to_json (ob, "en");
        assert_string_equal (ja, jb);
        g_string_free (doc, TRUE);
      }
  for (guint pi = 0; pi < profiles->len; pi++)
    if (g_path_is_absolute (g_ptr_array_index (profiles, pi)))
      g_unlink (g_ptr_array_index (profiles, pi));
  g_rmdir (dir);
  g_rand_free (rnd);
}

/* The ballot memo of lib/election-reader.c keys a ballot by its bytes up to
 * its first '}', found 8 bytes at a time: a '}' at every offset of a word,
 * texts that end after their first '}' (a name with a '}'), spoiled ones,
 * and a file whose distinct texts outnumber the table (the memo gives up)
 * must all count as the ballots say (FORMATS.md §1: every ballot counts
 * once, as marked). */
static void
test_ballot_memo_counts_as_marked (void **state)
{
  (void) state;
  for (int distinct_many = 0; distinct_many < 2; distinct_many++)
    {
      GString *doc = g_string_new ("{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\",\n"
                                   "\"electorate\": 100000, \"ballots_issued\": 60000, \"contests\": ["
                                   "{\"id\": \"c0\", \"seats\": 2, \"candidates\": [\"甲\", \"乙\", \"丙\", \"}丁\"]}],\n"
                                   "\"ballots\": [\n");
      gint64 want[4] = { 0 }, n = 0, unreadable = 0;
      guint reps = distinct_many ? 1 : 5;
      guint variants = distinct_many ? 3000 : 40;
      for (guint rep = 0; rep < reps; rep++)
        for (guint v = 0; v < variants; v++)
          {
            /* v spaces before '}' move it across the 8-byte words */
            guint pad = v % 17 + (distinct_many ? v / 17 : 0);
            guint kind = v % 4;
            if (n)
              g_string_append (doc, ",\n");
            if (kind == 0)
              g_string_append (doc, "{\"c0\":[\"甲\"]");
            else if (kind == 1)
              g_string_append (doc, "{\"c0\":[\"甲\",\"乙\"]");
            else if (kind == 2)
              g_string_append (doc, "{\"c0\":[\"}丁\",\"丙\"]");
            else
              g_string_append (doc, "{\"spoiled\":true");
            for (guint k = 0; k < pad; k++)
              g_string_append_c (doc, ' ');
            g_string_append (doc, "}");
            n++;
            if (kind == 0)
              want[0]++;
            else if (kind == 1)
              want[0]++, want[1]++;
            else if (kind == 2)
              want[3]++, want[2]++;
            else
              unreadable++;
          }
      g_string_append (doc, "\n]}\n");
      GError *e = NULL;
      g_autoptr (ElectElection) el = elect_election_read_data (doc->str, (gssize) doc->len, "memo", NULL, &e);
      if (e)
        fail_msg ("%s", e->message);
      assert_int_equal (elect_election_get_n_ballots (el), n);
      const ElectTally *t = elect_election_get_tally (el);
      for (guint k = 0; k < 4; k++)
        if (elect_tally_get_votes (t, 0, k) != want[k])
          fail_msg ("distinct_many %d candidate %u: %" G_GINT64_FORMAT " votes, want %" G_GINT64_FORMAT,
                    distinct_many, k, elect_tally_get_votes (t, 0, k), want[k]);
      g_autoptr (ElectOutcome) o = elect_election_count (el, &e);
      assert_non_null (o);
      g_autofree char *json = elect_outcome_to_json (o, "en");
      g_autofree char *want_defect = g_strdup_printf ("\"unreadable\" : %" G_GINT64_FORMAT, unreadable);
      if (strstr (json, want_defect) == NULL)
        fail_msg ("distinct_many %d: want %s in\n%s", distinct_many, want_defect, json);
      g_string_free (doc, TRUE);
    }
}

/* A message names the JSON path and the member it rejects escaped as in
 * JSON, so that it stays one line (the fuzz target's contract) whatever the
 * keys hold: a key with a newline (\n) or a tab, in a path and as an
 * unknown member (found by fuzz-election). */
static void
test_messages_escape_keys (void **state)
{
  (void) state;
  const struct { const char *json; const char *want; } cases[] = {
    { "{\"format\": \"libelect.election/1\", \"co\\nx\": 1}", "unknown member \"co\\u000ax\"" },
    { "{\"format\": \"libelect.election/1\", \"profile\": \"village-committee\", \"contests\": "
      "[{\"x-\\t\": [1, ]}]}", "$.contests[0][\"x-\\u0009\"]" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) e = NULL;
      g_autoptr (ElectElection) el = elect_election_read_data (cases[i].json, -1, "k.json", NULL, &e);
      assert_null (el);
      assert_non_null (e);
      if (!strstr (e->message, cases[i].want) || strchr (e->message, '\n') || strchr (e->message, '\t'))
        fail_msg ("case %u: “%s” does not hold %s on one line", i, e->message, cases[i].want);
    }
}

/* ---- tests --------------------------------------------------------------- */

/* ~3 MB: tokens straddle 1 MiB buffer refills and every pipe chunk size. */
static void
test_sources_agree (void **state)
{
  g_autofree char *doc = make_doc (60000, 0, FALSE);
  assert_true (strlen (doc) > 2 * 1024 * 1024);
  GError *e = NULL;
  g_autoptr (ElectElection) mem = elect_election_read_data (doc, -1, "mem", NULL, &e);
  assert_null (e);
  g_autoptr (ElectElection) file = read_file (doc, &e);
  assert_null (e);
  g_autoptr (ElectElection) pipe_el = read_pipe (doc, &e);
  assert_null (e);
  assert_int_equal (elect_election_get_n_ballots (mem), 60000);
  assert_same_tally (mem, file);
  assert_same_tally (mem, pipe_el);
  /* the escaped and the full-width/space-padded names are the candidates
   * (RULES.md §1.7), not write-ins: the only write-in is 钱多多 */
  ElectTally *t = elect_election_get_tally (mem);
  assert_int_equal (elect_tally_get_n_write_ins (t, 0), 1);
  assert_string_equal (elect_tally_get_write_in_name (t, 0, 0), "钱多多");
  assert_true (elect_tally_get_votes (t, 0, 5) > 0);   /* "Ｗang　" */
}

/* Ballots before the profile: a second pass over a file or memory; the
 * same counts as with the header first. A pipe is refused with a message. */
static void
test_ballots_first (void **state)
{
  g_autofree char *first = make_doc (3000, 0, TRUE);
  g_autofree char *last = make_doc (3000, 0, FALSE);
  GError *e = NULL;
  g_autoptr (ElectElection) a = elect_election_read_data (first, -1, "a", NULL, &e);
  assert_null (e);
  g_autoptr (ElectElection) b = elect_election_read_data (last, -1, "b", NULL, &e);
  assert_null (e);
  g_autoptr (ElectElection) c = read_file (first, &e);
  assert_null (e);
  assert_same_tally (a, b);
  assert_same_tally (a, c);
  {
    ElectElection *x_ = read_pipe (first, &e);
    expect_error (x_, &e, ELECT_ERROR_INVALID, "pipe");
  }
}

/* A string longer than the 1 MiB block grows the buffer; one above the
 * 1 MiB limit is ELECT_ERROR_LIMIT, from every source. */
static void
test_long_tokens (void **state)
{
  g_autofree char *ok = make_doc (10, 900 * 1024, FALSE);
  g_autofree char *big = make_doc (10, 2 * 1024 * 1024, FALSE);
  GError *e = NULL;
  g_autoptr (ElectElection) a = read_file (ok, &e);
  assert_null (e);
  g_autoptr (ElectElection) b = read_pipe (ok, &e);
  assert_null (e);
  assert_same_tally (a, b);
  {
    ElectElection *x_ = elect_election_read_data (big, -1, "m", NULL, &e);
    expect_error (x_, &e, ELECT_ERROR_LIMIT, "longer than");
  }
  {
    ElectElection *x_ = read_file (big, &e);
    expect_error (x_, &e, ELECT_ERROR_LIMIT, "longer than");
  }
  {
    ElectElection *x_ = read_pipe (big, &e);
    expect_error (x_, &e, ELECT_ERROR_LIMIT, "longer than");
  }
}

/* Line and column (in characters) of an error deep in a large document, the
 * same from memory, a file and a pipe. */
static void
test_error_position (void **state)
{
  g_autofree char *doc = make_doc (40000, 0, FALSE);
  /* the ballot on line 30008: the ballots start on line 7 ("ballots": [ is line 6) */
  char *line = doc;
  for (int i = 1; i < 30008; i++)
    line = strchr (line, '\n') + 1;
  assert_true (g_str_has_prefix (line, ",\n") || g_str_has_prefix (line, "  {\"m\""));
  char *bad = strstr (line, "{\"m\"");
  memcpy (bad, "{\"q\"", 4);   /* an unknown contest id */
  g_autofree char *want = g_strdup_printf (":30008:%d: $.ballots[30001]: unknown contest id \"q\"",
                                           (int) g_utf8_strlen (line, bad - line) + 2);
  GError *e = NULL;
  {
    ElectElection *x_ = elect_election_read_data (doc, -1, "m", NULL, &e);
    expect_error (x_, &e, ELECT_ERROR_INVALID, want);
  }
  {
    ElectElection *x_ = read_file (doc, &e);
    expect_error (x_, &e, ELECT_ERROR_INVALID, want);
  }
  {
    ElectElection *x_ = read_pipe (doc, &e);
    expect_error (x_, &e, ELECT_ERROR_INVALID, want);
  }
}

/* The scanner's strings: escapes, surrogate pairs (RFC 8259 §7), raw UTF-8
 * left for the caller to validate; errors for lone surrogates, bad escapes,
 * control characters, NUL. */
static void
test_scanner_strings (void **state)
{
  static const struct { const char *json; const char *want; gboolean raw; } ok[] = {
    { "\"abc\"", "abc", TRUE },
    { "\"王一\"", "王一", TRUE },
    { "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "a\"b\\c/d\b\f\n\r\t", FALSE },
    { "\"\\u738b\\u4E00\"", "王一", FALSE },
    { "\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      JScan s;
      js_init_memory (&s, ok[i].json, strlen (ok[i].json));
      assert_int_equal (js_peek (&s), '"');
      const char *out;
      gsize len;
      gboolean raw;
      assert_true (js_string (&s, &out, &len, &raw));
      assert_int_equal (len, strlen (ok[i].want));
      assert_memory_equal (out, ok[i].want, len);
      assert_int_equal (raw, ok[i].raw);
      js_clear (&s);
    }
  static const char *const bad[] = {
    "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\u0041\"", "\"\\q\"", "\"\\u12g4\"", "\"a\tb\"",
    "\"\\u0000\"", "\"abc",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      JScan s;
      js_init_memory (&s, bad[i], strlen (bad[i]));
      js_peek (&s);
      const char *out;
      gsize len;
      gboolean raw;
      if (js_string (&s, &out, &len, &raw))
        fail_msg ("%s accepted", bad[i]);
      assert_int_equal (s.err_code, ELECT_ERROR_PARSE);
      js_clear (&s);
    }
  /* raw invalid UTF-8 is the caller's to reject */
  JScan s;
  js_init_memory (&s, "\"\xff\"", 3);
  js_peek (&s);
  const char *out;
  gsize len;
  gboolean raw;
  assert_true (js_string (&s, &out, &len, &raw));
  assert_true (raw);
  assert_false (js_string_validate (&s, out, len, 0));
  js_clear (&s);
}

/* Numbers: the RFC 8259 grammar; integers beyond 64 bits are flagged, not
 * wrapped; fractions and exponents are not integers. */
static void
test_scanner_numbers (void **state)
{
  static const struct { const char *json; gint64 value; gboolean integer, overflow, negative; } ok[] = {
    { "0", 0, TRUE, FALSE, FALSE },
    { "-0", 0, TRUE, FALSE, TRUE },
    { "1099511627776", G_GINT64_CONSTANT (1099511627776), TRUE, FALSE, FALSE },
    { "9223372036854775807", G_MAXINT64, TRUE, FALSE, FALSE },
    { "9223372036854775808", 0, TRUE, TRUE, FALSE },
    { "123456789012345678901234567890", 0, TRUE, TRUE, FALSE },
    { "-5", -5, TRUE, FALSE, TRUE },
    { "1.5", 1, FALSE, FALSE, FALSE },
    { "2e3", 2, FALSE, FALSE, FALSE },
    { "1E+2", 1, FALSE, FALSE, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      JScan s;
      JsNumber n;
      js_init_memory (&s, ok[i].json, strlen (ok[i].json));
      js_peek (&s);
      assert_true (js_number (&s, &n));
      assert_int_equal (n.integer, ok[i].integer);
      assert_int_equal (n.overflow, ok[i].overflow);
      assert_int_equal (n.negative, ok[i].negative);
      if (n.integer && !n.overflow)
        assert_int_equal (n.value, ok[i].value);
      assert_int_equal (js_peek (&s), -1);
      js_clear (&s);
    }
  static const char *const bad[] = { "01", "-", "1.", "1e", "-a", ".5", "1e+" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      JScan s;
      JsNumber n;
      js_init_memory (&s, bad[i], strlen (bad[i]));
      js_peek (&s);
      gboolean parsed = js_number (&s, &n) && js_peek (&s) == -1;
      if (parsed)
        fail_msg ("%s accepted", bad[i]);
      js_clear (&s);
    }
}

/* js_skip_value: any valid JSON value; the depth limit. */
static void
test_scanner_skip (void **state)
{
  static const char *const ok[] = {
    "{}", "[]", "{\"a\": [1, 2.5e-3, true, false, null, \"s\", {\"b\": {}}]}", " [ [ ] , { } ] ",
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      JScan s;
      js_init_memory (&s, ok[i], strlen (ok[i]));
      if (!js_skip_value (&s, 0) || js_peek (&s) != -1)
        fail_msg ("%s rejected: %s", ok[i], s.err_msg ? s.err_msg : "trailing data");
      js_clear (&s);
    }
  static const char *const bad[] = {
    "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "{1: 2}", "tru", "nul", "[\"\xc3\x28\"]",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      JScan s;
      js_init_memory (&s, bad[i], strlen (bad[i]));
      if (js_skip_value (&s, 0))
        fail_msg ("%s accepted", bad[i]);
      js_clear (&s);
    }
  g_autofree char *deep = g_strnfill (JS_DEPTH_MAX + 1, '[');
  JScan s;
  js_init_memory (&s, deep, strlen (deep));
  assert_false (js_skip_value (&s, 0));
  assert_int_equal (s.err_code, ELECT_ERROR_LIMIT);
  js_clear (&s);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_sources_agree),
    cmocka_unit_test (test_fast_path_matches_ballots),
    cmocka_unit_test (test_ballot_memo_counts_as_marked),
    cmocka_unit_test (test_messages_escape_keys),
    cmocka_unit_test (test_ballots_first),
    cmocka_unit_test (test_long_tokens),
    cmocka_unit_test (test_error_position),
    cmocka_unit_test (test_scanner_strings),
    cmocka_unit_test (test_scanner_numbers),
    cmocka_unit_test (test_scanner_skip),
  };
  return cmocka_run_group_tests_name ("election", tests, NULL, NULL);
}
