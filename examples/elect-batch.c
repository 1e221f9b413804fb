/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* elect-batch: counts many election files (FORMATS.md §1) at once, on every
 * core, writes each result (FORMATS.md §2) next to its input or under an
 * output directory, and a summary (`libelect.batch-summary/1`,
 * doc/formats-batch.md) by township and in total, with the structure
 * statistics of the new committees when committee files
 * (`libelect.committee/1`, *.committee.json) lie beside the elections.
 *
 *   elect-batch [--jobs N] [--output-dir DIR] [--summary FILE]
 *               [--list FILE] [--lang zh|en] [--committee-profile P]
 *               [DIR|FILE ...]
 *
 * Workers take the files in sorted order from a shared index (the queue is
 * the list of files itself, so nothing grows with the batch), read, count
 * and write one file at a time and keep only a few numbers per file: never
 * an outcome. The summary is built from those numbers after the workers
 * are done, in sorted order, so it does not depend on the number of
 * workers or their scheduling.
 *
 * Exit status: 0 when every file was counted and written; 1 when some file
 * was malformed or its result could not be written (each named on stderr,
 * one line each, in sorted order, and in the summary; the other files are
 * still counted); 2 on a usage error. */
#include "config.h"
#include "common.h"

#include <elect/elect.h>
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ELECTION_FORMAT "libelect.election/1"
#define SUMMARY_FORMAT "libelect.batch-summary/1"
/* Files up to this size are read whole, once (format sniffed and parsed
 * from the same buffer); larger ones are streamed by the reader. */
#define WHOLE_FILE_MAX (1u << 20)
#define N_ACTIONS 8
#define N_EDUCATION 7
#define N_ROUNDS 4

typedef enum {
  KIND_ELECTION,
  KIND_COMMITTEE,
} Kind;

typedef enum {
  ST_PENDING,
  ST_DONE,        /* counted (election) or checked (committee) */
  ST_MALFORMED,   /* the input could not be read or judged */
  ST_SKIPPED,     /* found in a directory, of another format */
  ST_WRITE_FAILED,
} Status;

typedef enum {
  VERDICT_VALID,
  VERDICT_VOID,
  VERDICT_RECOUNT,
} Verdict;

/* What the summary needs of one committee file. */
typedef struct {
  gboolean valid;
  gint64 members, women, young, both;
  gint64 one_num, one_den;      /* 一肩挑: 1/1, 0/1, or 0/0 when not computed */
  gint64 age_sum, age_known;
  gint64 education[N_EDUCATION];
} CommitteeFacts;

/* One input file: where it is, and the few numbers the summary needs. */
typedef struct {
  char *path;      /* as found: the argument, or the directory joined with the relative path */
  char *rel;       /* the path below --output-dir (until the result's path is made) */
  char *township;  /* the name of the directory holding the file (interned) */
  char *out;       /* the result file (elections) */
  char *error;     /* the one-line error (malformed, write failed), or the format (skipped) */
  guint8 kind, status, verdict, round;
  gboolean named;  /* given as an argument or in --list: never skipped */
  guint8 actions;  /* bit per ElectAction of some contest */
  gint64 ballots, seats, filled;
  gint32 action_seats[N_ACTIONS];
  CommitteeFacts *cf;
} Item;

typedef struct {
  GPtrArray *items;            /* Item, sorted by path */
  const char *lang;
  const ElectRules *committee_rules[3];
  gint next;                   /* the next item to take */
  gint done;                   /* items finished */
  gint64 ballots_done;         /* ballots counted: __atomic_* */
} Batch;

/* Totals of a group of files (a township, or all). */
typedef struct {
  gint64 files, elections, valid, void_, recount, malformed, skipped, write_failed;
  gint64 ballots, seats, filled;
  gint64 rounds[N_ROUNDS];
  gint64 action_elections[N_ACTIONS], action_contests[N_ACTIONS], action_seats[N_ACTIONS];
  gint64 committees, committees_malformed, committee_violations;
  CommitteeFacts cf;
} Totals;

static const char *const action_names[N_ACTIONS] = {
  "none", "revote", "supplementary", "women_seat", "vacant", "rerun", "recount", "avoidance_vote",
};
static const char *const round_names[N_ROUNDS] = { NULL, "regular", "revote", "supplementary" };
static const char *const education_names[N_EDUCATION] = {
  "unknown", "primary", "junior-secondary", "senior-secondary", "junior-college", "bachelor",
  "postgraduate",
};

static void
item_free (gpointer p)
{
  Item *it = p;
  g_free (it->path);
  g_free (it->rel);
  g_free (it->out);
  g_free (it->error);
  g_free (it->cf);
  g_free (it);
}

static int
item_cmp (gconstpointer a, gconstpointer b)
{
  const Item *x = *(const Item *const *) a, *y = *(const Item *const *) b;
  return strcmp (x->path, y->path);
}

/* ---- finding the files ------------------------------------------------------ */

/* The township of a file: the name of the directory that holds it. */
static char *
township_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *abs = g_canonicalize_filename (dir, NULL);
  return g_path_get_basename (abs);
}

/* The result's name: FOO.json -> FOO.result.json (FOO -> FOO.result.json). */
static char *
result_name (const char *path)
{
  if (g_str_has_suffix (path, ".json"))
    return g_strdup_printf ("%.*s.result.json", (int) (strlen (path) - 5), path);
  return g_strconcat (path, ".result.json", NULL);
}

static void
add_item (GPtrArray *items, const char *path, const char *rel, gboolean named)
{
  Item *it = g_new0 (Item, 1);
  it->path = g_strdup (path);
  it->rel = g_strdup (rel);
  g_autofree char *town = township_of (path);
  it->township = (char *) g_intern_string (town);
  it->named = named;
  it->kind = g_str_has_suffix (path, ".committee.json") ? KIND_COMMITTEE : KIND_ELECTION;
  g_ptr_array_add (items, it);
}

/* Walks DIR (REL below the directory argument ROOT): every *.json file but
 * results (*.result.json); hidden entries and links to directories are
 * skipped. Returns FALSE (with the reason in *error) when a directory cannot
 * be read. */
static gboolean
walk (GPtrArray *items, const char *root, const char *rel, GError **error)
{
  g_autofree char *dir = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr (GDir) d = g_dir_open (dir, 0, error);
  if (!d)
    return FALSE;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        continue;
      g_autofree char *sub = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, sub, NULL);
      struct stat lst, st;
      if (lstat (full, &lst) != 0)
        continue;
      if (S_ISDIR (lst.st_mode))
        {
          if (!walk (items, root, sub, error))
            return FALSE;
          continue;
        }
      if (stat (full, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (!g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".result.json"))
        continue;
      add_item (items, full, sub, FALSE);
    }
  return TRUE;
}

/* A file named directly: below --output-dir at its own relative path when
 * that stays below (no "..", not absolute), else under its base name. */
static void
add_named (GPtrArray *items, const char *arg)
{
  g_autofree char *canon = g_canonicalize_filename (arg, "/");
  gboolean below = !g_path_is_absolute (arg) && strstr (arg, "..") == NULL;
  g_autofree char *rel = below ? g_strdup (canon + 1) : g_path_get_basename (arg);
  add_item (items, arg, rel, TRUE);
}

static gboolean
add_argument (GPtrArray *items, const char *arg, GError **error)
{
  if (g_file_test (arg, G_FILE_TEST_IS_DIR))
    return walk (items, arg, NULL, error);
  add_named (items, arg);
  return TRUE;
}

/* ---- one file --------------------------------------------------------------- */

/* The value of the top-level member "format" if it lies within the first N
 * bytes, as a new string; NULL when it is not found there or not a plain
 * string (then the reader decides). Only the nesting of the text is
 * followed: the reader checks everything else. */
static char *
sniff_format (const char *p, gsize n)
{
  int depth = 0;
  gboolean want_key = FALSE;
  gsize i = 0;
  while (i < n)
    {
      char c = p[i];
      if (c == '"')
        {
          gsize start = ++i;
          while (i < n && p[i] != '"')
            i += p[i] == '\\' ? 2 : 1;
          if (i >= n)
            return NULL;
          gsize end = i++;
          if (depth == 1 && want_key)
            {
              want_key = FALSE;
              if (end - start != 6 || memcmp (p + start, "format", 6) != 0)
                continue;
              while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
                i++;
              if (i >= n || p[i++] != ':')
                return NULL;
              while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
                i++;
              if (i >= n || p[i] != '"')
                return NULL;
              gsize vs = ++i;
              while (i < n && p[i] != '"' && p[i] != '\\')
                i++;
              if (i >= n || p[i] != '"')
                return NULL;
              return g_strndup (p + vs, i - vs);
            }
          continue;
        }
      if (c == '{' || c == '[')
        {
          depth++;
          if (depth == 1)
            want_key = c == '{';
        }
      else if (c == '}' || c == ']')
        depth--;
      else if (c == ',' && depth == 1)
        want_key = TRUE;
      i++;
    }
  return NULL;
}

static char *
one_line (const char *msg)
{
  char *s = g_strdup (msg);
  for (char *q = s; *q; q++)
    if (*q == '\n' || *q == '\r')
      *q = ' ';
  return s;
}

static void
fail_item (Item *it, Status st, const char *msg)
{
  it->status = st;
  it->error = one_line (msg);
}

/* The directory of the last result a worker wrote (created or found):
 * consecutive files of a township share it, and g_mkdir_with_parents()
 * looks at every component of the path. */
typedef struct {
  char *buf;
  char *made_dir;
} WorkerState;

static void
count_election (Batch *b, Item *it, WorkerState *ws)
{
  char *buf = ws->buf;
  g_autoptr (GError) error = NULL;
  g_autoptr (ElectElection) el = NULL;
  int fd = open (it->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      g_autofree char *msg = g_strdup_printf (_("%s: cannot open: %s"), it->path, g_strerror (e));
      fail_item (it, ST_MALFORMED, msg);
      return;
    }
  gsize got = 0;
  gboolean eof = FALSE;
  while (got < WHOLE_FILE_MAX)
    {
      ssize_t n = read (fd, buf + got, WHOLE_FILE_MAX - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          close (fd);
          g_autofree char *msg = g_strdup_printf (_("%s: cannot read: %s"), it->path, g_strerror (e));
          fail_item (it, ST_MALFORMED, msg);
          return;
        }
      if (n == 0)
        {
          eof = TRUE;
          break;
        }
      got += (gsize) n;
    }
  if (!it->named)
    {
      g_autofree char *format = sniff_format (buf, got);
      if (format && strcmp (format, ELECTION_FORMAT) != 0)
        {
          close (fd);
          it->status = ST_SKIPPED;
          it->error = one_line (format);
          return;
        }
    }
  g_autofree char *dir = g_path_get_dirname (it->path);
  if (eof)
    el = elect_election_read_data (buf, (gssize) got, it->path, dir, &error);
  else if (lseek (fd, 0, SEEK_SET) == 0)
    el = elect_election_read_fd (fd, it->path, dir, &error);
  else
    g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_IO, _("%s: cannot read: %s"), it->path,
                 g_strerror (errno));
  close (fd);
  if (!el)
    {
      fail_item (it, ST_MALFORMED, error->message);
      return;
    }
  g_autoptr (ElectOutcome) outcome = elect_election_count (el, &error);
  if (!outcome)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", it->path, error->message);
      fail_item (it, ST_MALFORMED, msg);
      return;
    }

  /* The numbers of the summary, then the result: the outcome goes away
   * with this function. */
  it->ballots = elect_election_get_n_ballots (el);
  it->round = (guint8) elect_outcome_get_round (outcome);
  ElectPaper *paper = elect_election_get_paper (el);
  guint nc = elect_outcome_get_n_contests (outcome);
  gboolean recount = FALSE;
  for (guint c = 0; c < nc; c++)
    {
      gint64 seats = elect_paper_get_seats (paper, c);
      it->seats += seats;
      const char *const *elected = elect_outcome_get_elected (outcome, c);
      while (elected && *elected)
        {
          it->filled++;
          elected++;
        }
      ElectAction a = elect_outcome_get_next_action (outcome, c);
      if ((guint) a >= N_ACTIONS)
        continue;
      it->actions |= (guint8) (1u << a);
      gint64 s = (a == ELECT_ACTION_RERUN || a == ELECT_ACTION_RECOUNT)
                   ? seats : elect_outcome_get_next_seats (outcome, c);
      it->action_seats[a] += (gint32) s;
      if (a == ELECT_ACTION_RECOUNT)
        recount = TRUE;
    }
  it->verdict = elect_outcome_is_valid (outcome) ? VERDICT_VALID
              : recount ? VERDICT_RECOUNT : VERDICT_VOID;

  g_autofree char *json = elect_outcome_to_json (outcome, b->lang);
  gsize len = strlen (json);
  g_autofree char *text = (len == 0 || json[len - 1] != '\n') ? g_strconcat (json, "\n", NULL)
                                                              : g_strdup (json);
  g_autofree char *out_dir = g_path_get_dirname (it->out);
  if (ws->made_dir == NULL || strcmp (ws->made_dir, out_dir) != 0)
    {
      g_clear_pointer (&ws->made_dir, g_free);
      if (g_mkdir_with_parents (out_dir, 0755) != 0)
        {
          int e = errno;
          g_autofree char *msg = g_strdup_printf (_("%s: cannot create the directory: %s"), out_dir,
                                                  g_strerror (e));
          fail_item (it, ST_WRITE_FAILED, msg);
          return;
        }
      ws->made_dir = g_steal_pointer (&out_dir);
    }
  /* A temporary file renamed into place: a result is either complete or
   * absent. It is flushed to disk before the rename only when it replaces an
   * earlier result (G_FILE_SET_CONTENTS_ONLY_EXISTING): one fsync per new
   * file would cost more than the count. */
  if (!g_file_set_contents_full (it->out, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0644, &error))
    {
      fail_item (it, ST_WRITE_FAILED, error->message);
      return;
    }
  it->status = ST_DONE;
  __atomic_fetch_add (&b->ballots_done, it->ballots, __ATOMIC_RELAXED);
}

static void
check_committee (Batch *b, Item *it)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (it->path, &data, &len, &error))
    {
      fail_item (it, ST_MALFORMED, error->message);
      return;
    }
  g_autoptr (ElectCommittee) c = elect_committee_new_from_json (data, (gssize) len, it->path, &error);
  if (!c)
    {
      fail_item (it, ST_MALFORMED, error->message);
      return;
    }
  /* Each committee is checked when someone holds a post on it. */
  const ElectRules *rules[3] = { NULL, NULL, NULL };
  guint n = elect_committee_get_n_people (c);
  for (guint i = 0; i < n; i++)
    for (guint body = 0; body < 3; body++)
      if (elect_committee_get_post (c, i, (ElectCommitteeBody) body) != ELECT_COMMITTEE_POST_NONE)
        rules[body] = b->committee_rules[body];
  g_autoptr (ElectComposition) comp = elect_committee_check (c, rules[0], rules[1], rules[2], NULL,
                                                             &error);
  if (!comp)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", it->path, error->message);
      fail_item (it, ST_MALFORMED, msg);
      return;
    }
  CommitteeFacts *f = g_new0 (CommitteeFacts, 1);
  f->valid = elect_composition_is_valid (comp);
  gint64 num, den;
  if (elect_composition_get_figure (comp, ELECT_COMPOSITION_FIGURE_WOMEN, &num, &den))
    {
      f->women = num;
      f->members = den;
    }
  if (elect_composition_get_figure (comp, ELECT_COMPOSITION_FIGURE_UNDER_35, &num, &den))
    f->young = num;
  if (elect_composition_get_figure (comp, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, &num, &den))
    f->both = num;
  if (elect_composition_get_figure (comp, ELECT_COMPOSITION_FIGURE_ONE_SHOULDER, &num, &den))
    {
      f->one_num = num;
      f->one_den = den;
    }
  for (guint e = 0; e < N_EDUCATION; e++)
    f->education[e] = elect_composition_get_education_count (comp, (ElectEducation) e);
  /* Average age of the 两委 members (VC or Party committee) whose date of
   * birth is known, in whole years on the reference date. */
  GDate ref;
  if (elect_committee_get_reference_date (c, &ref))
    for (guint i = 0; i < n; i++)
      {
        gboolean on_v = rules[0] && elect_committee_get_post (c, i, ELECT_COMMITTEE_BODY_VILLAGE) != ELECT_COMMITTEE_POST_NONE;
        gboolean on_p = rules[1] && elect_committee_get_post (c, i, ELECT_COMMITTEE_BODY_PARTY) != ELECT_COMMITTEE_POST_NONE;
        GDate birth;
        if ((on_v || on_p) && elect_committee_get_birth_date (c, i, &birth))
          {
            f->age_sum += elect_age_on (&birth, &ref);
            f->age_known++;
          }
      }
  it->cf = f;
  it->status = ST_DONE;
}

static gpointer
worker (gpointer data)
{
  Batch *b = data;
  WorkerState ws = { g_malloc (WHOLE_FILE_MAX), NULL };
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&b->next, 1);
      if (i >= b->items->len)
        break;
      Item *it = g_ptr_array_index (b->items, i);
      if (it->kind == KIND_COMMITTEE)
        check_committee (b, it);
      else
        count_election (b, it, &ws);
      g_atomic_int_inc (&b->done);
    }
  g_free (ws.buf);
  g_free (ws.made_dir);
  return NULL;
}

/* ---- the summary ------------------------------------------------------------ */

static void
add_totals (Totals *t, const Item *it)
{
  t->files++;
  switch (it->status)
    {
    case ST_MALFORMED:
      if (it->kind == KIND_COMMITTEE)
        t->committees_malformed++;
      t->malformed++;
      return;
    case ST_SKIPPED:
      t->skipped++;
      return;
    case ST_WRITE_FAILED:
      t->write_failed++;
      return;
    default:
      break;
    }
  if (it->kind == KIND_COMMITTEE)
    {
      const CommitteeFacts *f = it->cf;
      t->committees++;
      if (!f->valid)
        t->committee_violations++;
      t->cf.members += f->members;
      t->cf.women += f->women;
      t->cf.young += f->young;
      t->cf.both += f->both;
      t->cf.one_num += f->one_num;
      t->cf.one_den += f->one_den;
      t->cf.age_sum += f->age_sum;
      t->cf.age_known += f->age_known;
      for (guint e = 0; e < N_EDUCATION; e++)
        t->cf.education[e] += f->education[e];
      return;
    }
  t->elections++;
  if (it->verdict == VERDICT_VALID)
    t->valid++;
  else if (it->verdict == VERDICT_RECOUNT)
    t->recount++;
  else
    t->void_++;
  t->ballots += it->ballots;
  t->seats += it->seats;
  t->filled += it->filled;
  if (it->round < N_ROUNDS)
    t->rounds[it->round]++;
  for (guint a = 0; a < N_ACTIONS; a++)
    if (it->actions & (1u << a))
      {
        t->action_elections[a]++;
        t->action_seats[a] += it->action_seats[a];
      }
}

static void
json_string (GString *s, const char *v)
{
  g_string_append_c (s, '"');
  for (const unsigned char *p = (const unsigned char *) v; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (s, "\\n");
      else if (*p == '\t')
        g_string_append (s, "\\t");
      else if (*p < 0x20)
        g_string_append_printf (s, "\\u%04x", *p);
      else
        g_string_append_c (s, (char) *p);
    }
  g_string_append_c (s, '"');
}

/* An exact fraction with a decimal for display (4 places, rounded half up,
 * computed in integers so that it never depends on the platform). */
static void
json_fraction (GString *s, gint64 num, gint64 den)
{
  g_string_append_printf (s, "{\"num\": %lld, \"den\": %lld, \"decimal\": ", (long long) num,
                          (long long) den);
  if (den <= 0)
    g_string_append (s, "null}");
  else
    {
      gint64 q = (num * 20000 + den) / (2 * den);
      g_string_append_printf (s, "%lld.%04lld}", (long long) (q / 10000), (long long) (q % 10000));
    }
}

#define I64(name, v) g_string_append_printf (s, "%s\"" name "\": %lld", ind, (long long) (v))

static void
json_totals (GString *s, const Totals *t, const char *ind, gboolean any_committees)
{
  I64 ("files", t->files);
  g_string_append (s, ",\n");
  I64 ("elections", t->elections);
  g_string_append (s, ",\n");
  I64 ("valid", t->valid);
  g_string_append (s, ",\n");
  I64 ("void", t->void_);
  g_string_append (s, ",\n");
  I64 ("recount", t->recount);
  g_string_append (s, ",\n");
  I64 ("malformed", t->malformed);
  g_string_append (s, ",\n");
  I64 ("write_failed", t->write_failed);
  g_string_append (s, ",\n");
  I64 ("skipped", t->skipped);
  g_string_append (s, ",\n");
  I64 ("ballots", t->ballots);
  g_string_append (s, ",\n");
  I64 ("seats", t->seats);
  g_string_append (s, ",\n");
  I64 ("seats_filled", t->filled);
  g_string_append (s, ",\n");
  I64 ("seats_pending", t->seats - t->filled);
  g_string_append (s, ",\n");
  I64 ("supplementary_rounds", t->action_elections[ELECT_ACTION_SUPPLEMENTARY]);
  g_string_append (s, ",\n");
  I64 ("revotes", t->action_elections[ELECT_ACTION_REVOTE]);
  g_string_append_printf (s, ",\n%s\"rounds\": {", ind);
  for (guint r = 1; r < N_ROUNDS; r++)
    g_string_append_printf (s, "%s\"%s\": %lld", r > 1 ? ", " : "", round_names[r],
                            (long long) t->rounds[r]);
  g_string_append_printf (s, "},\n%s\"next\": {", ind);
  for (guint a = 1; a < N_ACTIONS; a++)
    g_string_append_printf (s, "%s\n%s  \"%s\": {\"elections\": %lld, \"seats\": %lld}",
                            a > 1 ? "," : "", ind, action_names[a],
                            (long long) t->action_elections[a], (long long) t->action_seats[a]);
  g_string_append_printf (s, "\n%s}", ind);
  if (!any_committees)
    return;
  g_string_append_printf (s, ",\n%s\"committees\": ", ind);
  if (t->committees == 0 && t->committees_malformed == 0)
    {
      g_string_append (s, "null");
      return;
    }
  const CommitteeFacts *f = &t->cf;
  g_string_append_printf (s, "{\n%s  \"checked\": %lld,\n%s  \"malformed\": %lld,\n"
                             "%s  \"with_violations\": %lld,\n%s  \"members\": %lld,\n%s  \"women\": ",
                          ind, (long long) t->committees, ind, (long long) t->committees_malformed,
                          ind, (long long) t->committee_violations, ind, (long long) f->members, ind);
  json_fraction (s, f->women, f->members);
  g_string_append_printf (s, ",\n%s  \"one_shoulder\": ", ind);
  json_fraction (s, f->one_num, f->one_den);
  g_string_append_printf (s, ",\n%s  \"cross_membership\": ", ind);
  json_fraction (s, f->both, f->members);
  g_string_append_printf (s, ",\n%s  \"under_35\": ", ind);
  json_fraction (s, f->young, f->members);
  g_string_append_printf (s, ",\n%s  \"average_age\": ", ind);
  json_fraction (s, f->age_sum, f->age_known);
  g_string_append_printf (s, ",\n%s  \"birth_date_unknown\": %lld,\n%s  \"education\": {", ind,
                          (long long) (f->members - f->age_known), ind);
  for (guint e = 0; e < N_EDUCATION; e++)
    g_string_append_printf (s, "%s\"%s\": %lld", e ? ", " : "", education_names[e],
                            (long long) f->education[e]);
  g_string_append_printf (s, "}\n%s}", ind);
}

static void
json_item (GString *s, const Item *it)
{
  g_string_append (s, "    {\"path\": ");
  json_string (s, it->path);
  g_string_append (s, ", \"township\": ");
  json_string (s, it->township);
  g_string_append_printf (s, ", \"kind\": \"%s\"", it->status == ST_SKIPPED ? "other"
                          : it->kind == KIND_COMMITTEE ? "committee" : "election");
  switch (it->status)
    {
    case ST_MALFORMED:
    case ST_WRITE_FAILED:
      g_string_append_printf (s, ", \"status\": \"%s\", \"error\": ",
                              it->status == ST_MALFORMED ? "malformed" : "write_failed");
      json_string (s, it->error);
      break;
    case ST_SKIPPED:
      g_string_append (s, ", \"status\": \"skipped\", \"format\": ");
      json_string (s, it->error);
      break;
    default:
      if (it->kind == KIND_COMMITTEE)
        {
          g_string_append_printf (s, ", \"status\": \"checked\", \"valid\": %s, \"members\": %lld",
                                  it->cf->valid ? "true" : "false", (long long) it->cf->members);
          break;
        }
      g_string_append (s, ", \"status\": \"counted\", \"result\": ");
      json_string (s, it->out);
      g_string_append_printf (s, ", \"round\": \"%s\", \"verdict\": \"%s\", \"ballots\": %lld, "
                                 "\"seats\": %lld, \"filled\": %lld, \"next\": [",
                              it->round < N_ROUNDS && round_names[it->round] ? round_names[it->round] : "regular",
                              it->verdict == VERDICT_VALID ? "valid"
                              : it->verdict == VERDICT_RECOUNT ? "recount" : "void",
                              (long long) it->ballots, (long long) it->seats, (long long) it->filled);
      gboolean first = TRUE;
      for (guint a = 1; a < N_ACTIONS; a++)
        if (it->actions & (1u << a))
          {
            g_string_append_printf (s, "%s\"%s\"", first ? "" : ", ", action_names[a]);
            first = FALSE;
          }
      g_string_append_c (s, ']');
    }
  g_string_append_c (s, '}');
}

static int
str_ptr_cmp (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Writes what S holds to F and empties S. */
static gboolean
flush_to (GString *s, FILE *f)
{
  gboolean ok = fwrite (s->str, 1, s->len, f) == s->len;
  g_string_truncate (s, 0);
  return ok;
}

/* Writes the summary to F as it is built, so that the list of files is
 * never held in memory as text. */
static gboolean
write_summary (GPtrArray *items, FILE *f)
{
  Totals total = { 0 };
  g_autoptr (GHashTable) by_town = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean any_committees = FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = g_ptr_array_index (items, i);
      if (it->kind == KIND_COMMITTEE)
        any_committees = TRUE;
      Totals *t = g_hash_table_lookup (by_town, it->township);
      if (!t)
        {
          t = g_new0 (Totals, 1);
          g_hash_table_insert (by_town, it->township, t);
        }
      add_totals (t, it);
      add_totals (&total, it);
    }
  g_autofree const char **towns = (const char **) g_hash_table_get_keys_as_array (by_town, NULL);
  guint n_towns = g_hash_table_size (by_town);
  qsort (towns, n_towns, sizeof *towns, str_ptr_cmp);

  GString *s = g_string_new ("{\n  \"format\": \"" SUMMARY_FORMAT "\",\n  \"township_rule\": \"parent-directory\",\n  \"totals\": {\n");
  json_totals (s, &total, "    ", any_committees);
  g_string_append (s, "\n  },\n  \"townships\": [");
  for (guint i = 0; i < n_towns; i++)
    {
      g_string_append_printf (s, "%s\n    {\n      \"name\": ", i ? "," : "");
      json_string (s, towns[i]);
      g_string_append (s, ",\n");
      json_totals (s, g_hash_table_lookup (by_town, towns[i]), "      ", any_committees);
      g_string_append (s, "\n    }");
    }
  g_string_append (s, n_towns ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [");
  gboolean ok = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (s, i ? ",\n" : "\n");
      json_item (s, g_ptr_array_index (items, i));
      if (s->len >= 65536)
        ok = flush_to (s, f) && ok;
    }
  g_string_append (s, items->len ? "\n  ]\n}\n" : "]\n}\n");
  ok = flush_to (s, f) && ok;
  g_string_free (s, TRUE);
  return fflush (f) == 0 && ok;
}

/* The summary on standard output, or in PATH written atomically: a
 * temporary file beside it, flushed to disk and renamed into place. */
static int
emit_summary (GPtrArray *items, const char *path)
{
  if (!path)
    {
      if (!write_summary (items, stdout))
        {
          example_fail (_("cannot write to standard output"));
          return 1;
        }
      return 0;
    }
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  FILE *f = fd >= 0 ? fdopen (fd, "w") : NULL;
  gboolean ok = f && write_summary (items, f) && fsync (fileno (f)) == 0;
  int e = errno;
  if (f)
    ok = fclose (f) == 0 && ok;
  else if (fd >= 0)
    close (fd);
  if (ok && rename (tmp, path) == 0)
    return 0;
  e = errno ? errno : e;
  if (fd >= 0)
    unlink (tmp);
  g_autofree char *msg = g_strdup_printf (_("%s: cannot write: %s"), path, g_strerror (e));
  example_fail (msg);
  return 1;
}

/* ---- progress --------------------------------------------------------------- */

static void
show_progress (Batch *b, double t0, gboolean last)
{
  guint done = (guint) g_atomic_int_get (&b->done), total = b->items->len;
  double dt = g_get_monotonic_time () / 1e6 - t0;
  double rate = dt > 0 ? (double) __atomic_load_n (&b->ballots_done, __ATOMIC_RELAXED) / dt / 1e6 : 0;
  int width = 30, filled = total ? (int) ((guint64) done * (guint64) width / total) : width;
  char bar[64];
  for (int i = 0; i < width; i++)
    bar[i] = i < filled ? '#' : '-';
  bar[width] = '\0';
  g_printerr ("\r[%s] ", bar);
  /* TRANSLATORS: the progress line: files done of all, and the speed */
  g_printerr (_("%u/%u files, %.2f M ballots/s"), done, total, rate);
  g_printerr ("  %s", last ? "\n" : "");
}

/* ---- main ------------------------------------------------------------------- */

static gboolean
read_list (GPtrArray *items, const char *list, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (strcmp (list, "-") == 0)
    {
      GString *s = g_string_new (NULL);
      char chunk[65536];
      size_t n;
      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len (s, chunk, (gssize) n);
      len = s->len;
      data = g_string_free (s, FALSE);
    }
  else if (!g_file_get_contents (list, &data, &len, error))
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (char **l = lines; *l; l++)
    {
      g_strchomp (*l);
      if (**l && !add_argument (items, *l, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  const char *lang = example_init_lang (argc, argv, "zh");
  char *lang_opt = NULL, *output_dir = NULL, *summary = NULL, *list = NULL, *vc_profile = NULL;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Count on N threads (default: the number of processors)"), "N" },
    { "output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir, N_("Write the results under DIR, at the inputs' relative paths (default: next to each input)"), "DIR" },
    { "summary", 's', 0, G_OPTION_ARG_FILENAME, &summary, N_("Write the summary to FILE (atomically) instead of standard output"), "FILE" },
    { "list", 0, 0, G_OPTION_ARG_FILENAME, &list, N_("Read the files (or directories) to count from FILE, one path a line (- for standard input)"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the results and messages: zh or en"), "LANG" },
    { "committee-profile", 0, 0, G_OPTION_ARG_STRING, &vc_profile, N_("Profile of the villagers' committee for the committee files (default: village-committee)"), "PROFILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("[DIR|FILE...] - count many election files and summarise them"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      example_fail (error->message);
      return 2;
    }
  g_autofree char *lang_owned = lang_opt, *output_dir_owned = output_dir, *summary_owned = summary,
                  *list_owned = list, *vc_owned = vc_profile;
  if (lang_opt && strcmp (lang_opt, "zh") != 0 && strcmp (lang_opt, "en") != 0)
    {
      example_fail (_("--lang takes zh or en"));
      return 2;
    }
  if (jobs < 0 || jobs > 1024)
    {
      example_fail (_("--jobs takes a number from 1 to 1024"));
      return 2;
    }
  if (jobs == 0)
    jobs = (int) g_get_num_processors ();
  if (argc < 2 && !list)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  /* The files, sorted, each once. */
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  for (int i = 1; i < argc; i++)
    if (!add_argument (items, argv[i], &error))
      {
        example_fail (error->message);
        return 2;
      }
  if (list && !read_list (items, list, &error))
    {
      example_fail (error->message);
      return 2;
    }
  g_ptr_array_sort (items, item_cmp);
  g_autoptr (GHashTable) outs = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);
      if (i > 0 && strcmp (it->path, ((Item *) g_ptr_array_index (items, i - 1))->path) == 0)
        {
          g_ptr_array_remove_index (items, i--);
          continue;
        }
      if (it->kind == KIND_COMMITTEE)
        continue;
      g_autofree char *rel_out = result_name (output_dir ? it->rel : it->path);
      g_clear_pointer (&it->rel, g_free);
      it->out = output_dir ? g_build_filename (output_dir, rel_out, NULL) : g_steal_pointer (&rel_out);
      const char *other = g_hash_table_lookup (outs, it->out);
      if (other)
        {
          g_autofree char *msg = g_strdup_printf (_("%s and %s would both be written to %s"), other,
                                                  it->path, it->out);
          example_fail (msg);
          return 2;
        }
      g_hash_table_insert (outs, it->out, it->path);
    }
  g_clear_pointer (&outs, g_hash_table_unref);

  /* The profiles of the committee checks, loaded once and shared. */
  const char *names[3] = { vc_profile ? vc_profile : "village-committee", "party-committee",
                           "supervision-committee" };
  ElectRules *rules[3] = { NULL, NULL, NULL };
  Batch b = { .items = items, .lang = lang };
  for (guint i = 0; i < items->len; i++)
    if (((Item *) g_ptr_array_index (items, i))->kind == KIND_COMMITTEE)
      {
        for (int r = 0; r < 3; r++)
          {
            rules[r] = elect_rules_load (names[r], &error);
            if (!rules[r])
              {
                example_fail (error->message);
                return 2;
              }
            b.committee_rules[r] = rules[r];
          }
        break;
      }

  /* GLib creates the C locale of g_ascii_strtoull() and g_ascii_strtod()
   * on first use, under g_once; a thread that waits there can come back with
   * errno changed, and a caller that checks errno then rejects a good number
   * (libelect's profile reader did: "“5” is not a whole number", about once
   * in a thousand runs; it no longer uses these functions, but json-glib's
   * number parsing in the committee reader does). Create it before the
   * workers start. */
  (void) g_ascii_strtoull ("0", NULL, 10);

#ifdef __GLIBC__
  /* Every file allocates and frees the same few hundred kilobytes (its read
   * buffer, the scanner's, the tally and the outcome): keep them in the
   * heap, instead of returning them to the system after each file and
   * taking page faults to get them back. Memory stays flat: the largest
   * file's working set, per worker. */
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
  mallopt (M_MMAP_THRESHOLD, 8 << 20);
#endif

  gboolean progress = isatty (2) && items->len > 0;
  double t0 = g_get_monotonic_time () / 1e6;
  guint n_workers = MIN ((guint) jobs, MAX (items->len, 1u));
  GThread **threads = g_new0 (GThread *, n_workers);
  for (guint i = 0; i < n_workers; i++)
    threads[i] = g_thread_new ("elect-batch", worker, &b);
  if (progress)
    while ((guint) g_atomic_int_get (&b.done) < items->len)
      {
        show_progress (&b, t0, FALSE);
        g_usleep (200000);
      }
  for (guint i = 0; i < n_workers; i++)
    g_thread_join (threads[i]);
  g_free (threads);
  if (progress)
    show_progress (&b, t0, TRUE);
  for (int r = 0; r < 3; r++)
    elect_rules_unref (rules[r]);

  int status = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = g_ptr_array_index (items, i);
      if (it->status == ST_MALFORMED || it->status == ST_WRITE_FAILED)
        {
          example_fail (it->error);
          status = 1;
        }
    }
  int st = emit_summary (items, summary);
  return st ? st : status;
}
