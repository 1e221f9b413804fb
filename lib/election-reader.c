/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The election-file reader (FORMATS.md §1, libelect.election/1): a strict,
 * streaming reader over json-scan.c. See elect-election.h for the contract.
 *
 * Ballots are parsed straight into per-contest 64-bit masks while they are
 * "simple" (marks of listed candidates of contests with at most 64
 * candidates, no write-in, no duplicate, and no person marked in two
 * contests); a simple ballot is queued, one mask per contest, in columns of
 * MASK_BATCH ballots for elect_tally_add_mask_columns() (which counts each
 * contest with the bulk kernels of elect_tally_add_masks(), and an
 * over-vote under the policy void-ballot as voiding the whole ballot);
 * anything else is replayed into the reused ElectBallot and given to
 * elect_tally_add_ballot().
 *
 * A village's ballots repeat: a few hundred distinct texts among a
 * thousand ballots. The text of each ballot counted as a simple or a
 * spoiled one (up to its first '}', when that is its end) is kept, with
 * what it was counted as, in a small table (BallotMemo); a later ballot
 * whose bytes are the same up to its first '}' is counted alike without
 * being parsed again. The same bytes parse the same way (a JSON object ends
 * where it ends), so this changes no count and no message. Names are resolved by comparing the
 * raw bytes with the candidates' names through a 256-slot table indexed by
 * (length, first byte, last byte); only a name that does not match byte for
 * byte is validated, normalised and looked up with
 * elect_paper_find_candidate(). */
#include "config.h"

#include "elect/elect.h"
#include "elect/elect-election.h"
#include "json-scan-private.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "tally-private.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define FORMAT_NAME "libelect.election/1"
#define MASK_BATCH 2048

struct _ElectElection {
  gatomicrefcount ref;
  ElectRules *rules;
  ElectPaper *paper;
  ElectTally *tally;
  ElectTurnout *turnout;
  ElectCountOptions *options;
  char *title;
  char *date;
  gint64 n_ballots;
};

/* ---- the header, kept until the paper can be built ---------------------- */

typedef struct {
  char *name;
  ElectSex sex;
  char *birth_date;
  char *ethnicity;
  gint64 off;
} CandDef;

typedef struct {
  char *id;
  char *title;
  gint64 seats;
  gboolean women_only;
  GArray *cands;   /* CandDef */
  gint64 off;
} ContestDef;

/* Ballot texts already counted (see the head comment). */
#define MEMO_SLOTS 1024          /* a power of two; filled to 3/4 at most */
#define MEMO_TEXT 65536          /* bytes of kept texts */
#define MEMO_MAX_LEN 256         /* longest ballot text kept */
#define MEMO_MAX_CONTESTS 8      /* papers with more contests are not memoised */

enum { MEMO_EMPTY, MEMO_SIMPLE, MEMO_UNREADABLE };

typedef struct {
  guint64 hash;
  guint64 used;        /* MEMO_SIMPLE: the contests given */
  guint32 off;         /* in text */
  guint16 len;
  guint8 kind;
} MemoEntry;

typedef struct {
  MemoEntry *slots;
  guint64 *masks;      /* MEMO_MAX_CONTESTS per slot */
  char *text;
  gsize text_len;
  guint n;
  gboolean full;       /* no more room: lookups only */
  gint64 lookups, hits;
} BallotMemo;

/* Per contest of the paper: the raw-name lookup table. */
typedef struct {
  guint n;
  const char **names;
  gsize *lens;
  guint16 head[256];    /* 1 + first candidate index of the slot, 0 = none */
  guint16 *next;        /* 1 + next index in the slot's chain */
  const char *id;
  gsize id_len;
  char *id_pad;         /* the id, zero-padded for word compares */
  char *pad;            /* the names, each zero-padded to 8 bytes + 8 */
  gsize *pad_off;
  gboolean maskable;    /* at most 64 candidates */
  guint64 multi;        /* candidates who are persons listed on another contest */
} ContestIndex;

enum {
  M_FORMAT = 1 << 0, M_PROFILE = 1 << 1, M_ELECTORATE = 1 << 2,
  M_ISSUED = 1 << 3, M_PRESENT = 1 << 4, M_ROUND = 1 << 5,
  M_CONTESTS = 1 << 6, M_BALLOTS = 1 << 7, M_TOTALS = 1 << 8,
  M_TITLE = 1 << 9, M_DATE = 1 << 10, M_ELIGIBLE = 1 << 11,
  M_RELATIONS = 1 << 12, M_EARLIER = 1 << 13,
};

typedef struct {
  JScan s;
  const char *origin;
  char *base_dir;
  GError *error;

  guint seen;
  ElectElection *el;
  GPtrArray *contests;        /* ContestDef */
  GPtrArray *eligible_names;  /* char* */
  GArray *eligible_sexes;     /* ElectSex */
  gboolean eligible_set;

  ContestIndex *idx;
  guint n_idx;
  ElectBallot *ballot;
  guint64 masks[64];
  /* The queued simple ballots: contest c's masks at cols + c * cap, for
   * the contests of maskable (a row is written whole: no clearing). */
  guint64 *cols;
  gsize cap;                  /* MASK_BATCH, less for many contests */
  gsize n_rows;
  guint64 maskable;           /* contests of at most 64 candidates */
  guint64 cols_used;          /* contests with a mask in the queue */
  gboolean any_multi;         /* some person is listed on two contests */
  BallotMemo *memo;           /* the table of this file */
  gboolean memo_off;          /* it stopped serving: not looked at */

  gboolean tallied;           /* ballots or totals were counted */
  gboolean deferred;          /* ballots/totals must be read at the end */
  gboolean deferred_totals;
  gint64 deferred_off;
} Reader;

/* ---- errors -------------------------------------------------------------- */

static gboolean
fail_scan (Reader *r, const char *path)
{
  if (r->error == NULL)
    r->error = js_error_take (&r->s, r->origin, path);
  return FALSE;
}

static gboolean fail_at (Reader *r, gint64 off, int code, const char *path,
                         const char *fmt, ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (Reader *r, gint64 off, int code, const char *path, const char *fmt, ...)
{
  if (r->error != NULL)
    return FALSE;
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_clear_pointer (&r->s.err_msg, g_free);
  r->s.err_code = code;
  r->s.err_off = off;
  /* one line: a message of another module may hold line breaks */
  g_strdelimit (msg, "\r\n", ' ');
  r->s.err_msg = g_steal_pointer (&msg);
  return fail_scan (r, path);
}

/* A GError from the library, at a position and path. */
static gboolean
fail_gerror (Reader *r, gint64 off, const char *path, GError *e)
{
  gboolean ret = fail_at (r, off, e->domain == ELECT_ERROR ? e->code : ELECT_ERROR_INVALID,
                          path, "%s", e->message);
  g_error_free (e);
  return ret;
}

static gint64
here (Reader *r)
{
  return js_offset (&r->s, r->s.p);
}

/* JSONPath index step: [i] (without printf: paths are built for every
 * contest and candidate of every file, before any error). */
static void
path_index (GString *p, guint64 i)
{
  char buf[24];
  int n = (int) sizeof buf;
  buf[--n] = ']';
  do
    buf[--n] = (char) ('0' + i % 10);
  while ((i /= 10) != 0);
  buf[--n] = '[';
  g_string_append_len (p, buf + n, (gssize) sizeof buf - n);
}

/* JSONPath member step: .name or ["name"]. */
static void
path_member (GString *p, const char *name)
{
  gboolean plain = name[0] != '\0' && !g_ascii_isdigit (name[0]);
  for (const char *c = name; *c && plain; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-' && !((guchar) *c & 0x80))
      plain = FALSE;
  if (plain)
    {
      g_string_append_c (p, '.');
      g_string_append (p, name);
    }
  else
    {
      g_string_append (p, "[\"");
      elect_json_append_escaped (p, name);
      g_string_append (p, "\"]");
    }
}

static const char *
describe (int c)
{
  switch (c)
    {
    case -1: return _("the end of the input");
    case '"': return _("a string");
    case '{': return _("an object");
    case '[': return _("an array");
    case 't': case 'f': return _("true or false");
    case 'n': return "null";
    default:
      if (c == '-' || (c >= '0' && c <= '9'))
        return _("a number");
      return _("an invalid character");
    }
}

/* The next value must start with one of the bytes of @starts. */
static gboolean
expect_value (Reader *r, const char *starts, const char *what, const char *path)
{
  int c = js_peek (&r->s);
  if (c == -2)
    return fail_scan (r, path);
  if (c >= 0 && strchr (starts, c) != NULL)
    return TRUE;
  if (c == -1)
    return fail_at (r, here (r), ELECT_ERROR_PARSE, path,
                    _("expected %s, found the end of the input (truncated file?)"), what);
  if (strchr ("\"{[tfn-0123456789", c) == NULL)
    return fail_at (r, here (r), ELECT_ERROR_PARSE, path, _("expected %s, found %s"),
                    what, describe (c));
  return fail_at (r, here (r), ELECT_ERROR_INVALID, path, _("expected %s, found %s"),
                  what, describe (c));
}

/* ---- typed values -------------------------------------------------------- */

/* A string value, validated; copied when @out_copy. */
static gboolean
read_string (Reader *r, const char *path, const char **out, gsize *out_len)
{
  if (!expect_value (r, "\"", _("a string"), path))
    return FALSE;
  gint64 off = here (r);
  gboolean raw;
  if (!js_string (&r->s, out, out_len, &raw))
    return fail_scan (r, path);
  if (raw && !js_string_validate (&r->s, *out, *out_len, off))
    return fail_scan (r, path);
  return TRUE;
}

static char *
read_string_dup (Reader *r, const char *path)
{
  const char *s;
  gsize len;
  if (!read_string (r, path, &s, &len))
    return NULL;
  return g_strndup (s, len);
}

/* A count: a whole number from 0 to elect_count_max(). */
static gboolean
read_count (Reader *r, const char *path, gint64 *out)
{
  if (!expect_value (r, "-0123456789", _("a whole number"), path))
    return FALSE;
  gint64 off = here (r);
  JsNumber n;
  if (!js_number (&r->s, &n))
    return fail_scan (r, path);
  if (n.negative && (n.overflow || n.value != 0))
    return fail_at (r, off, ELECT_ERROR_INVALID, path,
                    _("expected a whole number of 0 or more, found a negative number"));
  if (!n.integer)
    return fail_at (r, off, ELECT_ERROR_INVALID, path,
                    _("expected a whole number, found a number with a fraction or an exponent"));
  if (n.overflow || n.value > elect_count_max ())
    return fail_at (r, off, ELECT_ERROR_LIMIT, path,
                    _("a number above the largest count accepted (%lld)"),
                    (long long) elect_count_max ());
  *out = n.value;
  return TRUE;
}

static gboolean
read_bool (Reader *r, const char *path, gboolean *out)
{
  if (!expect_value (r, "tf", _("true or false"), path))
    return FALSE;
  int v;
  if (!js_literal (&r->s, &v))
    return fail_scan (r, path);
  *out = v == 1;
  return TRUE;
}

/* Between members or elements: ',' (TRUE, *more) or the closing byte. */
static gboolean
next_item (Reader *r, char close, const char *path, gboolean *more)
{
  int c = js_peek (&r->s);
  if (c == ',')
    {
      r->s.p++;
      *more = TRUE;
      return TRUE;
    }
  if (c == close)
    {
      r->s.p++;
      *more = FALSE;
      return TRUE;
    }
  if (c == -2)
    return fail_scan (r, path);
  if (c == -1)
    return fail_at (r, here (r), ELECT_ERROR_PARSE, path,
                    _("expected ',' or '%c', found the end of the input (truncated file?)"), close);
  return fail_at (r, here (r), ELECT_ERROR_PARSE, path, _("expected ',' or '%c', found %s"),
                  close, describe (c));
}

/* Opens an object: consumes '{'; *empty when it is '{}'. */
static gboolean
open_object (Reader *r, const char *path, gboolean *empty)
{
  if (!expect_value (r, "{", _("an object"), path))
    return FALSE;
  r->s.p++;
  int c = js_peek (&r->s);
  if (c == '}')
    {
      r->s.p++;
      *empty = TRUE;
      return TRUE;
    }
  *empty = FALSE;
  return TRUE;
}

static gboolean
open_array (Reader *r, const char *path, const char *what, gboolean *empty)
{
  if (!expect_value (r, "[", what, path))
    return FALSE;
  r->s.p++;
  int c = js_peek (&r->s);
  if (c == ']')
    {
      r->s.p++;
      *empty = TRUE;
      return TRUE;
    }
  if (c == -2)
    return fail_scan (r, path);
  *empty = FALSE;
  return TRUE;
}

/* A member name and its ':'; the name is copied into @key. */
static gboolean
read_key (Reader *r, const char *path, GString *key, gint64 *out_off)
{
  const char *s;
  gsize len;
  int c = js_peek (&r->s);
  if (c != '"')
    {
      if (c == -2)
        return fail_scan (r, path);
      return fail_at (r, here (r), ELECT_ERROR_PARSE, path, _("expected %s, found %s"),
                      _("a member name (a string)"), describe (c));
    }
  *out_off = here (r);
  if (!read_string (r, path, &s, &len))
    return FALSE;
  g_string_truncate (key, 0);
  g_string_append_len (key, s, len);
  if (memchr (s, 0, len) != NULL)
    return fail_at (r, *out_off, ELECT_ERROR_INVALID, path, _("a member name with a NUL character"));
  if (!js_expect (&r->s, ':', "':'"))
    return fail_scan (r, path);
  return TRUE;
}

static gboolean
unknown_member (Reader *r, gint64 off, const char *path, const char *key, const char *known)
{
  g_autoptr (GString) k = g_string_new (NULL);
  elect_json_append_escaped (k, key);
  return fail_at (r, off, ELECT_ERROR_INVALID, path,
                  _("unknown member \"%s\" (expected one of: %s; names of extensions begin with \"x-\")"),
                  k->str, known);
}

static gboolean
skip_value (Reader *r, const char *path)
{
  if (!js_skip_value (&r->s, 2))
    return fail_scan (r, path);
  return TRUE;
}

/* ---- contests -------------------------------------------------------------- */

static void
contest_def_free (gpointer p)
{
  ContestDef *d = p;
  for (guint i = 0; d->cands && i < d->cands->len; i++)
    {
      CandDef *c = &g_array_index (d->cands, CandDef, i);
      g_free (c->name);
      g_free (c->birth_date);
      g_free (c->ethnicity);
    }
  if (d->cands)
    g_array_free (d->cands, TRUE);
  g_free (d->id);
  g_free (d->title);
  g_free (d);
}

static gboolean
parse_sex (Reader *r, const char *path, ElectSex *out)
{
  gint64 off = here (r);
  const char *s;
  gsize len;
  if (!read_string (r, path, &s, &len))
    return FALSE;
  if (len == 6 && memcmp (s, "female", 6) == 0)
    *out = ELECT_SEX_FEMALE;
  else if (len == 4 && memcmp (s, "male", 4) == 0)
    *out = ELECT_SEX_MALE;
  else if (len == 7 && memcmp (s, "unknown", 7) == 0)
    *out = ELECT_SEX_UNKNOWN;
  else
    return fail_at (r, off, ELECT_ERROR_INVALID, path,
                    _("expected \"female\", \"male\" or \"unknown\""));
  return TRUE;
}

static gboolean
parse_candidate (Reader *r, GString *path, CandDef *cd)
{
  int c = js_peek (&r->s);
  cd->off = here (r);
  if (c == '"')
    {
      cd->name = read_string_dup (r, path->str);
      return cd->name != NULL;
    }
  gboolean empty, more = TRUE;
  if (!expect_value (r, "\"{", _("a name or an object {\"name\", \"gender\", ...}"), path->str)
      || !open_object (r, path->str, &empty))
    return FALSE;
  gsize plen = path->len;
  g_autoptr (GString) key = g_string_new (NULL);
  guint seen = 0;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, path->str, key, &koff))
        return FALSE;
      path_member (path, key->str);
      static const char *const ckeys[] = { "name", "gender", "birth_date", "ethnicity", "sex" };
      guint bit = 0;
      for (guint i = 0; i < G_N_ELEMENTS (ckeys); i++)
        if (strcmp (key->str, ckeys[i]) == 0)
          bit = i == 4 ? 2 : 1u << i;
      /* before the value: a second value must not replace the first */
      if (bit & seen)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      gboolean ok;
      if (strcmp (key->str, "name") == 0)
        bit = 1, ok = (cd->name = read_string_dup (r, path->str)) != NULL;
      else if (strcmp (key->str, "gender") == 0 || strcmp (key->str, "sex") == 0)
        bit = 2, ok = parse_sex (r, path->str, &cd->sex);
      else if (strcmp (key->str, "birth_date") == 0)
        bit = 4, ok = (cd->birth_date = read_string_dup (r, path->str)) != NULL;
      else if (strcmp (key->str, "ethnicity") == 0)
        bit = 8, ok = (cd->ethnicity = read_string_dup (r, path->str)) != NULL;
      else if (g_str_has_prefix (key->str, "x-"))
        ok = skip_value (r, path->str);
      else
        {
          g_string_truncate (path, plen);
          return unknown_member (r, koff, path->str, key->str, "name, gender, birth_date, ethnicity");
        }
      if (!ok)
        return FALSE;
      if (bit & seen)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      seen |= bit;
      g_string_truncate (path, plen);
      if (!next_item (r, '}', path->str, &more))
        return FALSE;
    }
  if (cd->name == NULL)
    return fail_at (r, cd->off, ELECT_ERROR_INVALID, path->str, _("a candidate without \"name\""));
  return TRUE;
}

static gboolean
parse_contest (Reader *r, GString *path, ContestDef *d)
{
  gboolean empty, more = TRUE;
  d->off = here (r);
  if (!open_object (r, path->str, &empty))
    return FALSE;
  gsize plen = path->len;
  g_autoptr (GString) key = g_string_new (NULL);
  guint seen = 0;
  d->seats = -1;
  d->cands = g_array_new (FALSE, TRUE, sizeof (CandDef));
  gint64 seats_off = -1;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, path->str, key, &koff))
        return FALSE;
      path_member (path, key->str);
      static const char *const ckeys[] = { "id", "title", "seats", "women_only", "candidates" };
      guint bit = 0;
      for (guint i = 0; i < G_N_ELEMENTS (ckeys); i++)
        if (strcmp (key->str, ckeys[i]) == 0)
          bit = 1u << i;
      if (bit & seen)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      gboolean ok;
      if (strcmp (key->str, "id") == 0)
        {
          bit = 1;
          gint64 off = here (r);
          ok = (d->id = read_string_dup (r, path->str)) != NULL;
          if (ok && d->id[0] == '\0')
            return fail_at (r, off, ELECT_ERROR_INVALID, path->str, _("an empty contest id"));
        }
      else if (strcmp (key->str, "title") == 0)
        bit = 2, ok = (d->title = read_string_dup (r, path->str)) != NULL;
      else if (strcmp (key->str, "seats") == 0)
        {
          bit = 4;
          seats_off = here (r);
          ok = read_count (r, path->str, &d->seats);
          if (ok && d->seats == 0)
            return fail_at (r, seats_off, ELECT_ERROR_INVALID, path->str,
                            _("a contest with 0 seats: expected 1 or more"));
        }
      else if (strcmp (key->str, "women_only") == 0)
        bit = 8, ok = read_bool (r, path->str, &d->women_only);
      else if (strcmp (key->str, "candidates") == 0)
        {
          bit = 16;
          gboolean cempty, cmore = TRUE;
          ok = open_array (r, path->str, _("an array of candidates"), &cempty);
          gsize clen = path->len;
          g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          while (ok && !cempty && cmore)
            {
              if (d->cands->len >= elect_paper_max_candidates ())
                return fail_at (r, here (r), ELECT_ERROR_LIMIT, path->str,
                                _("more than %u candidates in a contest"), elect_paper_max_candidates ());
              path_index (path, d->cands->len);
              CandDef cd = { 0 };
              ok = parse_candidate (r, path, &cd);
              g_array_append_val (d->cands, cd);
              if (!ok)
                return FALSE;
              char nbuf[ELECT_NAME_BUF];
              char *norm = NULL;
              const char *fast = elect_name_norm_fast (cd.name, -1, nbuf, &norm);
              if (norm == NULL)
                norm = g_strdup (fast);   /* a plain name is its own normal form */
              if (norm == NULL || norm[0] == '\0')
                {
                  g_free (norm);
                  return fail_at (r, cd.off, ELECT_ERROR_INVALID, path->str, _("a blank candidate name"));
                }
              if (g_hash_table_contains (names, norm))
                {
                  fail_at (r, cd.off, ELECT_ERROR_INVALID, path->str,
                           _("duplicate candidate name \"%s\" in the contest"), cd.name);
                  g_free (norm);
                  return FALSE;
                }
              g_hash_table_add (names, norm);
              g_string_truncate (path, clen);
              ok = next_item (r, ']', path->str, &cmore);
            }
        }
      else if (g_str_has_prefix (key->str, "x-"))
        ok = skip_value (r, path->str);
      else
        {
          g_string_truncate (path, plen);
          return unknown_member (r, koff, path->str, key->str,
                                 "id, title, seats, candidates, women_only");
        }
      if (!ok)
        return FALSE;
      if (bit & seen)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      seen |= bit;
      g_string_truncate (path, plen);
      if (!next_item (r, '}', path->str, &more))
        return FALSE;
    }
  if (!(seen & 1))
    return fail_at (r, d->off, ELECT_ERROR_INVALID, path->str, _("a contest without \"id\""));
  if (!(seen & 4))
    return fail_at (r, d->off, ELECT_ERROR_INVALID, path->str, _("a contest without \"seats\""));
  if (!(seen & 16))
    return fail_at (r, d->off, ELECT_ERROR_INVALID, path->str, _("a contest without \"candidates\""));
  return TRUE;
}

static gboolean
parse_contests (Reader *r)
{
  gboolean empty, more = TRUE;
  g_autoptr (GString) path = g_string_new ("$.contests");
  gint64 off = here (r);
  if (!open_array (r, path->str, _("an array of contests"), &empty))
    return FALSE;
  if (empty)
    return fail_at (r, off, ELECT_ERROR_INVALID, path->str, _("expected at least one contest"));
  r->contests = g_ptr_array_new_with_free_func (contest_def_free);
  while (more)
    {
      if (r->contests->len >= elect_paper_max_contests ())
        return fail_at (r, here (r), ELECT_ERROR_LIMIT, path->str,
                        _("more than %u contests"), elect_paper_max_contests ());
      g_string_assign (path, "$.contests");
      path_index (path, r->contests->len);
      ContestDef *d = g_new0 (ContestDef, 1);
      g_ptr_array_add (r->contests, d);
      if (!parse_contest (r, path, d))
        return FALSE;
      for (guint i = 0; i + 1 < r->contests->len; i++)
        if (strcmp (((ContestDef *) r->contests->pdata[i])->id, d->id) == 0)
          return fail_at (r, d->off, ELECT_ERROR_INVALID, path->str,
                          _("duplicate contest id \"%s\""), d->id);
      g_string_assign (path, "$.contests");
      if (!next_item (r, ']', path->str, &more))
        return FALSE;
    }
  return TRUE;
}

/* ---- the paper and the lookup tables ------------------------------------- */

static inline guint
name_slot (const char *s, gsize len)
{
  if (len == 0)
    return 0;
  return ((guint) len * 37u + (guint) (guchar) s[0] * 7u + (guint) (guchar) s[len - 1]) & 255u;
}

static void
index_clear (Reader *r)
{
  for (guint i = 0; i < r->n_idx; i++)
    {
      g_free (r->idx[i].names);
      g_free (r->idx[i].lens);
      g_free (r->idx[i].next);
      g_free (r->idx[i].pad);
      g_free (r->idx[i].pad_off);
      g_free (r->idx[i].id_pad);
    }
  g_clear_pointer (&r->idx, g_free);
  g_clear_pointer (&r->cols, g_free);
  if (r->memo)
    {
      g_free (r->memo->slots);
      g_free (r->memo->masks);
      g_free (r->memo->text);
      g_clear_pointer (&r->memo, g_free);
    }
  r->n_idx = 0;
}

static void
index_build (Reader *r)
{
  ElectPaper *paper = r->el->paper;
  r->n_idx = elect_paper_get_n_contests (paper);
  r->idx = g_new0 (ContestIndex, r->n_idx);
  for (guint c = 0; c < r->n_idx; c++)
    {
      ContestIndex *x = &r->idx[c];
      x->id = elect_paper_get_contest_id (paper, c);
      x->id_len = strlen (x->id);
      x->n = elect_paper_get_n_candidates (paper, c);
      x->maskable = x->n <= 64 && !elect_paper_has_party_marks (paper);
      x->names = g_new (const char *, x->n + 1);
      x->lens = g_new (gsize, x->n + 1);
      x->next = g_new0 (guint16, x->n + 1);
      x->pad_off = g_new (gsize, x->n + 1);
      gsize total = 0;
      for (guint k = 0; k < x->n; k++)
        {
          x->pad_off[k] = total;
          total += (strlen (elect_paper_get_candidate_name (paper, c, k)) | 7) + 9;
        }
      x->pad = g_malloc0 (total + 8);
      for (guint k = 0; k < x->n; k++)
        {
          const char *nm = elect_paper_get_candidate_name (paper, c, k);
          memcpy (x->pad + x->pad_off[k], nm, strlen (nm));
        }
      x->id_pad = g_malloc0 ((x->id_len | 7) + 9);
      memcpy (x->id_pad, x->id, x->id_len);
      for (guint k = x->n; k-- > 0;)
        {
          x->names[k] = elect_paper_get_candidate_name (paper, c, k);
          x->lens[k] = strlen (x->names[k]);
          guint slot = name_slot (x->names[k], x->lens[k]);
          x->next[k] = x->head[slot];
          x->head[slot] = (guint16) (k + 1);
        }
    }
  for (guint i = 0; i < paper->multi->len; i++)
    {
      const ElectListing *l = &g_array_index (paper->multi, ElectListing, i);
      if (l->candidate < 64)
        r->idx[l->contest].multi |= G_GUINT64_CONSTANT (1) << l->candidate;
      r->any_multi = TRUE;
    }
}

/* Whether @len bytes at @s (in the scanner's padded buffer: up to 8 bytes
 * past the end may be read) equal the zero-padded @pad. */
static inline gboolean
eq_padded (const char *s, gsize len, const char *pad)
{
  gsize i = 0;
  guint64 a, b;
  for (; i + 8 <= len; i += 8)
    {
      memcpy (&a, s + i, 8);
      memcpy (&b, pad + i, 8);
      if (a != b)
        return FALSE;
    }
  if (i == len)
    return TRUE;
  memcpy (&a, s + i, 8);
  memcpy (&b, pad + i, 8);
  return (a & (G_MAXUINT64 >> (64 - 8 * (len - i)))) == b;
}

/* The candidate whose name is exactly these bytes, or -1. @raw: @s is in
 * the scanner's buffer (word compares); otherwise memcmp. */
static inline int
index_find_raw (const ContestIndex *x, const char *s, gsize len, gboolean raw)
{
  for (guint k1 = x->head[name_slot (s, len)]; k1 != 0; k1 = x->next[k1 - 1])
    if (x->lens[k1 - 1] == len
        && (raw ? eq_padded (s, len, x->pad + x->pad_off[k1 - 1])
                : memcmp (x->names[k1 - 1], s, len) == 0))
      return (int) k1 - 1;
  return -1;
}

static inline int
index_find_contest (const Reader *r, const char *s, gsize len, gboolean raw)
{
  for (guint c = 0; c < r->n_idx; c++)
    if (r->idx[c].id_len == len
        && (raw ? eq_padded (s, len, r->idx[c].id_pad) : memcmp (r->idx[c].id, s, len) == 0))
      return (int) c;
  return -1;
}

static gboolean
build_paper (Reader *r)
{
  ElectElection *el = r->el;
  gboolean party = elect_rules_get_kind (el->rules) == ELECT_KIND_PARTY_COMMITTEE;
  el->paper = elect_paper_new (party);
  g_autoptr (GString) path = g_string_new (NULL);
  for (guint i = 0; i < r->contests->len; i++)
    {
      ContestDef *d = r->contests->pdata[i];
      GError *e = NULL;
      g_string_assign (path, "$.contests");
      path_index (path, i);
      int ci = elect_paper_add_contest (el->paper, d->id, d->title, d->seats, &e);
      if (ci < 0)
        return fail_gerror (r, d->off, path->str, e);
      elect_paper_set_women_only (el->paper, (guint) ci, d->women_only);
      for (guint k = 0; k < d->cands->len; k++)
        {
          CandDef *cd = &g_array_index (d->cands, CandDef, k);
          int ki = elect_paper_add_candidate (el->paper, (guint) ci, cd->name, cd->sex, &e);
          if (ki < 0)
            {
              g_string_append_printf (path, ".candidates[%u]", k);
              return fail_gerror (r, cd->off, path->str, e);
            }
          if (cd->birth_date || cd->ethnicity)
            elect_paper_set_candidate_info (el->paper, (guint) ci, (guint) ki,
                                            cd->birth_date, cd->ethnicity);
        }
    }
  GError *e = NULL;
  el->tally = elect_tally_new (el->rules, el->paper, &e);
  if (el->tally == NULL)
    return fail_gerror (r, 0, "$", e);
  index_build (r);
  r->ballot = elect_ballot_new (el->paper);
  return TRUE;
}

/* A fresh tally of the same paper (a second pass over the ballots). */
static gboolean
renew_tally (Reader *r)
{
  GError *e = NULL;
  g_clear_pointer (&r->el->tally, elect_tally_unref);
  r->el->tally = elect_tally_new (r->el->rules, r->el->paper, &e);
  if (r->el->tally == NULL)
    return fail_gerror (r, 0, "$", e);
  r->el->n_ballots = 0;
  return TRUE;
}

static gboolean
apply_eligible (Reader *r, gint64 off)
{
  if (!r->eligible_names || r->el->tally == NULL || r->eligible_set)
    return TRUE;
  GError *e = NULL;
  if (!elect_tally_set_eligible (r->el->tally, (const char *const *) r->eligible_names->pdata,
                                 (const ElectSex *) (void *) r->eligible_sexes->data,
                                 r->eligible_names->len, &e))
    return fail_gerror (r, off, "$.eligible", e);
  r->eligible_set = TRUE;
  return TRUE;
}

/* ---- ballots ------------------------------------------------------------- */

static gboolean
flush_batch (Reader *r)
{
  if (r->n_rows == 0)
    return TRUE;
  const guint64 *cols[ELECT_MAX_CONTESTS] = { NULL };
  for (guint64 u = r->cols_used; u; u &= u - 1)
    {
      guint c = (guint) __builtin_ctzll (u);
      cols[c] = r->cols + (gsize) c * r->cap;
    }
  GError *e = NULL;
  gboolean ok = elect_tally_add_mask_columns (r->el->tally, cols, r->n_rows, &e);
  r->n_rows = 0;
  r->cols_used = 0;
  if (!ok)
    return fail_gerror (r, here (r), "$.ballots", e);
  return TRUE;
}

/* The first '}' among the @max bytes at @p (NULL if none), and the hash of
 * the bytes up to it, in one pass: 8 bytes at a time while they are all
 * inside the @max (a word of them has a '}' when the SWAR test below finds
 * one; its lowest flagged byte is the first '}'), then byte by byte. */
static inline guint64
memo_mix (guint64 h, guint64 w)
{
  h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 32);
}

/* The hash of @len bytes whose last word mixed into @h is @w. */
static inline guint64
memo_finish (guint64 h, guint64 w, gsize len)
{
  return memo_mix (h, w) ^ ((guint64) len * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53));
}

static inline const guchar *
memo_scan (const guchar *p, gsize max, guint64 *hash)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 h = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  gsize i = 0;
  for (; i + 8 <= max; i += 8)
    {
      guint64 w;
      memcpy (&w, p + i, 8);
      guint64 x = w ^ (ones * '}');
      guint64 hit = (x - ones) & ~x & highs;
      if (hit)
        {
          guint k = (guint) __builtin_ctzll (hit) >> 3;
          if (k < 7)
            w &= (G_GUINT64_CONSTANT (1) << (8 * (k + 1))) - 1;
          *hash = memo_finish (h, w, i + k + 1);
          return p + i + k;
        }
      h = memo_mix (h, w);
    }
  guint64 w = 0;
  for (guint k = 0; i + k < max; k++)
    {
      w |= (guint64) p[i + k] << (8 * k);
      if (p[i + k] == '}')
        {
          *hash = memo_finish (h, w, i + k + 1);
          return p + i + k;
        }
    }
  return NULL;
}

/* The entry of these bytes, or the empty slot where they would go (the
 * table is never full: at most 3/4 of the slots are used). */
static inline MemoEntry *
memo_find (BallotMemo *m, const guchar *p, gsize len, guint64 h)
{
  for (guint i = (guint) h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1))
    {
      MemoEntry *e = &m->slots[i];
      if (e->kind == MEMO_EMPTY
          || (e->hash == h && e->len == len && memcmp (m->text + e->off, p, len) == 0))
        return e;
    }
}

static void
memo_add (BallotMemo *m, MemoEntry *e, const guchar *p, gsize len, guint64 h, guint8 kind,
          guint64 used, const guint64 *masks)
{
  if (m->n + 1 > MEMO_SLOTS * 3 / 4 || m->text_len + len > MEMO_TEXT)
    {
      m->full = TRUE;
      return;
    }
  memcpy (m->text + m->text_len, p, len);
  e->hash = h;
  e->used = used;
  e->off = (guint32) m->text_len;
  e->len = (guint16) len;
  e->kind = kind;
  guint64 *em = m->masks + (gsize) (e - m->slots) * MEMO_MAX_CONTESTS;
  for (guint64 u = used; u; u &= u - 1)
    em[__builtin_ctzll (u)] = masks[__builtin_ctzll (u)];
  m->text_len += len;
  m->n++;
}

/* Queues a simple ballot: the masks of the contests given (@used). */
static inline gboolean
queue_row (Reader *r, guint64 used, const guint64 *masks)
{
  gsize row = r->n_rows++;
  for (guint64 u = r->maskable; u; u &= u - 1)
    {
      guint c = (guint) __builtin_ctzll (u);
      r->cols[(gsize) c * r->cap + row] = (used & u & -u) ? masks[c] : 0;
    }
  r->cols_used |= used;
  if (G_UNLIKELY (r->n_rows == r->cap))
    return flush_batch (r);
  return TRUE;
}

/* Turns the simple state of the current ballot into ElectBallot marks. */
static void
go_slow (Reader *r, guint64 used, gboolean *slow)
{
  if (*slow)
    return;
  *slow = TRUE;
  for (guint64 u = used; u; u &= u - 1)
    {
      guint c = (guint) __builtin_ctzll (u);
      for (guint64 m = r->masks[c]; m; m &= m - 1)
        elect_ballot_mark (r->ballot, c, (guint) __builtin_ctzll (m));
    }
}

static void
ballot_path (GString *p, gint64 i, const ContestIndex *x, int mark)
{
  g_string_printf (p, "$.ballots[%" G_GINT64_FORMAT "]", i);
  if (x)
    path_member (p, x->id);
  if (mark >= 0)
    g_string_append_printf (p, "[%d]", mark);
}

static gboolean fail_ballot (Reader *r, gint64 off, int code, gint64 i, const ContestIndex *x,
                             int mark, const char *fmt, ...) G_GNUC_PRINTF (7, 8);

static gboolean
fail_ballot (Reader *r, gint64 off, int code, gint64 i, const ContestIndex *x, int mark,
             const char *fmt, ...)
{
  g_autoptr (GString) p = g_string_new (NULL);
  ballot_path (p, i, x, mark);
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  return fail_at (r, off, code, p->str, "%s", msg);
}

/* A scanner failure inside ballot i. */
static gboolean
fail_ballot_scan (Reader *r, gint64 i, const ContestIndex *x, int mark)
{
  g_autoptr (GString) p = g_string_new (NULL);
  ballot_path (p, i, x, mark);
  return fail_scan (r, p->str);
}

/* Resolves a name of contest c (bytes s, len; raw: not yet validated) to a
 * candidate, or -1 for a write-in (then validated). -2 on error. */
static int
resolve_name (Reader *r, guint c, const char *s, gsize len, gboolean raw, gint64 off)
{
  int k = index_find_raw (&r->idx[c], s, len, raw);
  if (k >= 0)
    return k;
  if (raw && !js_string_validate (&r->s, s, len, off))
    return -2;
  return elect_paper_find_candidate (r->el->paper, c, s, (gssize) len);
}

/* A Party line object: {"for": [...], "against": [...], "abstain": [...],
 * "write_in": {"LINE": "NAME"}}. Always on the slow path. */
static gboolean
parse_party_lines (Reader *r, gint64 bi, guint c)
{
  ContestIndex *x = &r->idx[c];
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GString) name = g_string_new (NULL);
  gboolean empty, more = TRUE;
  ballot_path (path, bi, x, -1);
  if (!open_object (r, path->str, &empty))
    return FALSE;
  gsize plen = path->len;
  guint seen = 0;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, path->str, key, &koff))
        return FALSE;
      path_member (path, key->str);
      ElectMark mark = 0;
      guint bit;
      if (strcmp (key->str, "for") == 0)
        mark = ELECT_MARK_FOR, bit = 1;
      else if (strcmp (key->str, "against") == 0)
        mark = ELECT_MARK_AGAINST, bit = 2;
      else if (strcmp (key->str, "abstain") == 0)
        mark = ELECT_MARK_ABSTAIN, bit = 4;
      else if (strcmp (key->str, "write_in") == 0)
        bit = 8;
      else
        {
          g_string_truncate (path, plen);
          return unknown_member (r, koff, path->str, key->str, "for, against, abstain, write_in");
        }
      if (seen & bit)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      seen |= bit;
      gboolean aempty, amore = TRUE;
      gsize alen = path->len;
      if (mark != 0)
        {
          if (!open_array (r, path->str, _("an array of names"), &aempty))
            return FALSE;
          for (guint j = 0; !aempty && amore; j++)
            {
              path_index (path, j);
              gint64 off = here (r);
              const char *s;
              gsize len;
              gboolean raw;
              if (!expect_value (r, "\"", _("a name (a string)"), path->str))
                return FALSE;
              if (!js_string (&r->s, &s, &len, &raw))
                return fail_scan (r, path->str);
              int k = resolve_name (r, c, s, len, raw, off);
              if (k == -2)
                return fail_scan (r, path->str);
              if (k >= 0)
                elect_ballot_mark_party (r->ballot, c, (guint) k, mark);
              else if (mark == ELECT_MARK_FOR)
                elect_ballot_write_in (r->ballot, c, s, (gssize) len);
              else
                {
                  g_string_truncate (name, 0);
                  g_string_append_len (name, s, len);
                  return fail_at (r, off, ELECT_ERROR_INVALID, path->str,
                                  _("\"%s\" is not a candidate of this contest: only listed candidates are marked against or abstain"),
                                  name->str);
                }
              g_string_truncate (path, alen);
              if (!next_item (r, ']', path->str, &amore))
                return FALSE;
            }
        }
      else
        {
          if (!open_object (r, path->str, &aempty))
            return FALSE;
          while (!aempty && amore)
            {
              gint64 loff;
              if (!read_key (r, path->str, name, &loff))
                return FALSE;
              path_member (path, name->str);
              int k = elect_paper_find_candidate (r->el->paper, c, name->str, (gssize) name->len);
              if (k < 0)
                return fail_at (r, loff, ELECT_ERROR_INVALID, path->str,
                                _("\"%s\" is not a candidate of this contest (a write-in is made on the line of a listed candidate)"),
                                name->str);
              const char *s;
              gsize len;
              if (!read_string (r, path->str, &s, &len))
                return FALSE;
              elect_ballot_write_in_on_line (r->ballot, c, (guint) k, s, (gssize) len);
              g_string_truncate (path, alen);
              if (!next_item (r, '}', path->str, &amore))
                return FALSE;
            }
        }
      g_string_truncate (path, plen);
      if (!next_item (r, '}', path->str, &more))
        return FALSE;
    }
  return TRUE;
}

/* An explicit write-in element {"write_in": "NAME"}. */
static gboolean
parse_write_in_element (Reader *r, GString *path, guint c)
{
  gboolean empty, more = TRUE;
  g_autoptr (GString) key = g_string_new (NULL);
  gint64 off = here (r);
  gboolean got = FALSE;
  if (!open_object (r, path->str, &empty))
    return FALSE;
  gsize plen = path->len;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, path->str, key, &koff))
        return FALSE;
      if (strcmp (key->str, "write_in") != 0 || got)
        return got ? fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"))
                   : unknown_member (r, koff, path->str, key->str, "write_in");
      path_member (path, key->str);
      const char *s;
      gsize len;
      if (!read_string (r, path->str, &s, &len))
        return FALSE;
      elect_ballot_write_in (r->ballot, c, s, (gssize) len);
      got = TRUE;
      g_string_truncate (path, plen);
      if (!next_item (r, '}', path->str, &more))
        return FALSE;
    }
  if (!got)
    return fail_at (r, off, ELECT_ERROR_INVALID, path->str,
                    _("expected a name or {\"write_in\": NAME}"));
  return TRUE;
}

/* Counts the ballot replayed into r->ballot (spoiled: as unreadable) with
 * elect_tally_add_ballot(), and resets it. */
static gboolean
add_replayed (Reader *r, gint64 bi, gboolean spoiled)
{
  GError *e = NULL;
  if (spoiled)
    elect_ballot_set_unreadable (r->ballot);
  if (!elect_tally_add_ballot (r->el->tally, r->ballot, &e))
    {
      g_autoptr (GString) p = g_string_new (NULL);
      ballot_path (p, bi, NULL, -1);
      return fail_gerror (r, here (r), p->str, e);
    }
  elect_ballot_reset (r->ballot);
  return TRUE;
}

static gboolean
parse_ballots (Reader *r)
{
  JScan *s = &r->s;
  ElectElection *el = r->el;
  gboolean empty, more = TRUE;
  if (!open_array (r, "$.ballots", _("an array of ballots"), &empty))
    return FALSE;
  gint64 bi = 0;
  r->maskable = 0;
  for (guint c = 0; c < r->n_idx; c++)
    if (r->idx[c].maskable)
      r->maskable |= G_GUINT64_CONSTANT (1) << c;
  const gboolean any_maskable = r->maskable != 0;
  if (any_maskable && r->cols == NULL)
    {
      /* at most 8,192 masks (64 KiB) in all */
      r->cap = MIN (MASK_BATCH, (gsize) 8192 / r->n_idx);
      r->cols = g_new (guint64, (gsize) r->n_idx * r->cap);
    }
  r->n_rows = 0;
  r->cols_used = 0;
  if (any_maskable && r->n_idx <= MEMO_MAX_CONTESTS && r->memo == NULL)
    {
      BallotMemo *m = r->memo = g_new0 (BallotMemo, 1);
      m->slots = g_new0 (MemoEntry, MEMO_SLOTS);
      m->masks = g_new (guint64, (gsize) MEMO_SLOTS * MEMO_MAX_CONTESTS);
      m->text = g_malloc (MEMO_TEXT);
    }
  const gint64 count_max = elect_count_max ();
  while (!empty && more)
    {
      if (G_UNLIKELY (bi >= count_max))
        return fail_ballot (r, here (r), ELECT_ERROR_LIMIT, bi, NULL, -1,
                            _("more ballots than the largest count accepted"));
      /* the ballot object */
      int ch = js_peek (s);
      if (G_UNLIKELY (ch != '{'))
        {
          g_autoptr (GString) p = g_string_new (NULL);
          ballot_path (p, bi, NULL, -1);
          return expect_value (r, "{", _("a ballot (an object)"), p->str);
        }
      /* a text counted before (its bytes up to the first '}') */
      BallotMemo *memo = r->memo_off ? NULL : r->memo;
      const guchar *m_start = s->p;
      gsize m_len = 0;
      guint64 m_hash = 0;
      gint64 m_off = 0;
      MemoEntry *m_slot = NULL;
      if (memo)
        {
          gsize avail = (gsize) (s->end - m_start);
          const guchar *close = memo_scan (m_start, MIN (avail, (gsize) MEMO_MAX_LEN), &m_hash);
          if (close)
            {
              m_len = (gsize) (close + 1 - m_start);
              m_slot = memo_find (memo, m_start, m_len, m_hash);
              memo->lookups++;
              if (m_slot->kind != MEMO_EMPTY)
                {
                  memo->hits++;
                  s->p = close + 1;
                  if (m_slot->kind == MEMO_SIMPLE)
                    {
                      if (!queue_row (r, m_slot->used,
                                      memo->masks + (gsize) (m_slot - memo->slots) * MEMO_MAX_CONTESTS))
                        return FALSE;
                    }
                  else if (!add_replayed (r, bi, TRUE))
                    return FALSE;
                  goto next_ballot;
                }
              if (memo->full)
                {
                  m_slot = NULL;
                  /* a table that filled up serving fewer than half of the
                   * ballots costs more than it saves (a miss costs a hash
                   * and a probe; bench-election's 29 % of hits is a loss
                   * of a third): stop looking */
                  if (memo->hits * 2 < memo->lookups)
                    r->memo_off = TRUE;
                }
              else
                m_off = here (r);
            }
        }
      s->p++;
      guint64 used = 0;
      gboolean slow = FALSE, spoiled = FALSE, spoiled_seen = FALSE;
      ch = js_peek (s);
      if (ch == '}')
        s->p++;
      else
        {
          gboolean bmore = TRUE;
          while (bmore)
            {
              /* contest id */
              ch = js_peek (s);
              gint64 koff = here (r);
              if (G_UNLIKELY (ch != '"'))
                {
                  if (ch == -2)
                    return fail_ballot_scan (r, bi, NULL, -1);
                  return fail_ballot (r, koff, ch == -1 ? ELECT_ERROR_PARSE : ELECT_ERROR_PARSE, bi, NULL, -1,
                                      _("expected a contest id (a string), found %s"), describe (ch));
                }
              const char *k;
              gsize klen;
              gboolean raw;
              if (!js_string_fast (s, &k, &klen, &raw))
                return fail_ballot_scan (r, bi, NULL, -1);
              int c = index_find_contest (r, k, klen, raw);
              if (G_UNLIKELY (c < 0))
                {
                  if (klen == 7 && memcmp (k, "spoiled", 7) == 0)
                    {
                      if (spoiled_seen)
                        return fail_ballot (r, koff, ELECT_ERROR_INVALID, bi, NULL, -1,
                                            _("\"spoiled\" given twice"));
                      spoiled_seen = TRUE;
                      g_autoptr (GString) p = g_string_new (NULL);
                      ballot_path (p, bi, NULL, -1);
                      g_string_append (p, ".spoiled");
                      if (!js_expect (s, ':', "':'"))
                        return fail_scan (r, p->str);
                      if (!read_bool (r, p->str, &spoiled))
                        return FALSE;
                      if (spoiled)
                        go_slow (r, used, &slow);
                      if (!next_item (r, '}', p->str, &bmore))
                        return FALSE;
                      continue;
                    }
                  if (klen >= 2 && k[0] == 'x' && k[1] == '-')
                    {
                      g_autoptr (GString) p = g_string_new (NULL);
                      ballot_path (p, bi, NULL, -1);
                      if (!js_expect (s, ':', "':'") || !js_skip_value (s, 3))
                        return fail_scan (r, p->str);
                      if (!next_item (r, '}', p->str, &bmore))
                        return FALSE;
                      continue;
                    }
                  if (raw && !js_string_validate (s, k, klen, koff))
                    return fail_ballot_scan (r, bi, NULL, -1);
                  g_autofree char *name = g_strndup (k, klen);
                  return fail_ballot (r, koff, ELECT_ERROR_INVALID, bi, NULL, -1,
                                      _("unknown contest id \"%s\" (not among $.contests)"), name);
                }
              ContestIndex *x = &r->idx[c];
              if (G_UNLIKELY (used & (G_GUINT64_CONSTANT (1) << c)))
                return fail_ballot (r, koff, ELECT_ERROR_INVALID, bi, x, -1,
                                    _("contest \"%s\" given twice in one ballot"), x->id);
              used |= G_GUINT64_CONSTANT (1) << c;
              r->masks[c] = 0;
              if (!x->maskable)
                go_slow (r, used, &slow);
              if (G_UNLIKELY (!js_expect (s, ':', "':'")))
                return fail_ballot_scan (r, bi, x, -1);
              ch = js_peek (s);
              if (G_UNLIKELY (ch != '['))
                {
                  if (ch == '{' && elect_paper_has_party_marks (el->paper))
                    {
                      go_slow (r, used, &slow);
                      if (!parse_party_lines (r, bi, (guint) c))
                        return FALSE;
                      goto next_member;
                    }
                  if (ch == -2)
                    return fail_ballot_scan (r, bi, x, -1);
                  return fail_ballot (r, here (r), ch < 0 ? ELECT_ERROR_PARSE : ELECT_ERROR_INVALID, bi, x, -1,
                                      _("expected an array of names, found %s"), describe (ch));
                }
              s->p++;
              ch = js_peek (s);
              if (ch == ']')
                s->p++;
              else
                {
                  gboolean mmore = TRUE;
                  for (int mi = 0; mmore; mi++)
                    {
                      ch = js_peek (s);
                      gint64 moff = here (r);
                      if (G_LIKELY (ch == '"'))
                        {
                          const char *m;
                          gsize mlen;
                          if (!js_string_fast (s, &m, &mlen, &raw))
                            return fail_ballot_scan (r, bi, x, mi);
                          int cand = index_find_raw (x, m, mlen, raw);
                          if (G_UNLIKELY (cand < 0))
                            {
                              if (raw && !js_string_validate (s, m, mlen, moff))
                                return fail_ballot_scan (r, bi, x, mi);
                              cand = elect_paper_find_candidate (el->paper, (guint) c, m, (gssize) mlen);
                              if (cand < 0)
                                {
                                  go_slow (r, used, &slow);
                                  elect_ballot_write_in (r->ballot, (guint) c, m, (gssize) mlen);
                                }
                            }
                          if (cand >= 0)
                            {
                              if (slow)
                                elect_ballot_mark (r->ballot, (guint) c, (guint) cand);
                              else
                                {
                                  guint64 bit = G_GUINT64_CONSTANT (1) << cand;
                                  if (G_UNLIKELY (r->masks[c] & bit))
                                    {
                                      go_slow (r, used, &slow);
                                      elect_ballot_mark (r->ballot, (guint) c, (guint) cand);
                                    }
                                  else
                                    r->masks[c] |= bit;
                                }
                            }
                        }
                      else if (ch == '{')
                        {
                          go_slow (r, used, &slow);
                          g_autoptr (GString) p = g_string_new (NULL);
                          ballot_path (p, bi, x, mi);
                          if (!parse_write_in_element (r, p, (guint) c))
                            return FALSE;
                        }
                      else
                        {
                          if (ch == -2)
                            return fail_ballot_scan (r, bi, x, mi);
                          return fail_ballot (r, moff, ch < 0 || !strchr ("\"{[tfn-0123456789", ch)
                                              ? ELECT_ERROR_PARSE : ELECT_ERROR_INVALID, bi, x, mi,
                                              _("expected a name (a string), found %s"), describe (ch));
                        }
                      ch = js_peek (s);
                      if (ch == ',')
                        s->p++;
                      else if (ch == ']')
                        {
                          s->p++;
                          mmore = FALSE;
                        }
                      else
                        {
                          g_autoptr (GString) p = g_string_new (NULL);
                          ballot_path (p, bi, x, -1);
                          return next_item (r, ']', p->str, &mmore);
                        }
                    }
                }
            next_member:
              ch = js_peek (s);
              if (ch == ',')
                s->p++;
              else if (ch == '}')
                {
                  s->p++;
                  bmore = FALSE;
                }
              else
                {
                  g_autoptr (GString) p = g_string_new (NULL);
                  ballot_path (p, bi, NULL, -1);
                  return next_item (r, '}', p->str, &bmore);
                }
            }
        }
      /* count the ballot */
      if (!slow && G_UNLIKELY (!any_maskable))
        go_slow (r, used, &slow);
      if (!slow && r->any_multi && (used & (used - 1)))
        {
          /* a person listed on two contests, marked in two: the two-posts
           * policy of elect_tally_add_ballot() decides */
          guint n_multi = 0;
          for (guint64 u = used; u; u &= u - 1)
            {
              guint c = (guint) __builtin_ctzll (u);
              n_multi += (r->masks[c] & r->idx[c].multi) != 0;
            }
          if (n_multi >= 2)
            go_slow (r, used, &slow);
        }
      /* the ballot was exactly the bytes up to its first '}' (and they are
       * still in the buffer: the parse did not read past them) */
      if (m_slot && here (r) == m_off + (gint64) m_len && (!slow || spoiled))
        memo_add (r->memo, m_slot, m_start, m_len, m_hash,
                  slow ? MEMO_UNREADABLE : MEMO_SIMPLE, used, r->masks);
      if (!slow && !queue_row (r, used, r->masks))
        return FALSE;
      if (slow && !add_replayed (r, bi, spoiled))
        return FALSE;
    next_ballot:
      bi++;
      ch = js_peek (s);
      if (G_LIKELY (ch == ','))
        s->p++;
      else if (ch == ']')
        {
          s->p++;
          more = FALSE;
        }
      else
        return next_item (r, ']', "$.ballots", &more);
    }
  if (!flush_batch (r))
    return FALSE;
  el->n_ballots = bi;
  return TRUE;
}

/* ---- totals (tally sheet) ------------------------------------------------- */

static gboolean
parse_votes (Reader *r)
{
  ElectTally *t = r->el->tally;
  g_autoptr (GString) path = g_string_new ("$.totals.votes");
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GString) name = g_string_new (NULL);
  gboolean empty, more = TRUE;
  guint64 seen_contests = 0;
  if (!open_object (r, path->str, &empty))
    return FALSE;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, path->str, key, &koff))
        return FALSE;
      int c = elect_paper_find_contest (r->el->paper, key->str, (gssize) key->len);
      if (c < 0)
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str,
                        _("unknown contest id \"%s\" (not among $.contests)"), key->str);
      path_member (path, key->str);
      if (seen_contests & (G_GUINT64_CONSTANT (1) << c))
        return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
      seen_contests |= G_GUINT64_CONSTANT (1) << c;
      gsize clen = path->len;
      gboolean cempty, cmore = TRUE;
      g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (!open_object (r, path->str, &cempty))
        return FALSE;
      while (!cempty && cmore)
        {
          gint64 noff;
          if (!read_key (r, path->str, name, &noff))
            return FALSE;
          path_member (path, name->str);
          gint64 votes;
          if (!read_count (r, path->str, &votes))
            return FALSE;
          char *norm = elect_name_normalize (name->str, (gssize) name->len);
          if (norm == NULL || norm[0] == '\0')
            {
              g_free (norm);
              return fail_at (r, noff, ELECT_ERROR_INVALID, path->str, _("a blank name"));
            }
          if (g_hash_table_contains (names, norm))
            {
              g_free (norm);
              return fail_at (r, noff, ELECT_ERROR_INVALID, path->str,
                              _("the same name twice in one contest"));
            }
          g_hash_table_add (names, norm);
          GError *e = NULL;
          int k = elect_paper_find_candidate (r->el->paper, (guint) c, name->str, (gssize) name->len);
          gboolean ok = k >= 0
            ? elect_tally_set_sheet_votes (t, (guint) c, (guint) k, votes, &e)
            : elect_tally_set_sheet_write_in (t, (guint) c, name->str, (gssize) name->len, votes, &e);
          if (!ok)
            return fail_gerror (r, noff, path->str, e);
          g_string_truncate (path, clen);
          if (!next_item (r, '}', path->str, &cmore))
            return FALSE;
        }
      g_string_assign (path, "$.totals.votes");
      if (!next_item (r, '}', path->str, &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_totals (Reader *r)
{
  gboolean empty, more = TRUE;
  gint64 off = here (r);
  g_autoptr (GString) key = g_string_new (NULL);
  gint64 returned = -1, invalid = -1, valid = -1;
  gboolean votes = FALSE;
  GError *e = NULL;
  if (!open_object (r, "$.totals", &empty))
    return FALSE;
  if (!elect_tally_set_sheet (r->el->tally, 0, 0, &e))
    return fail_gerror (r, off, "$.totals", e);
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, "$.totals", key, &koff))
        return FALSE;
      g_autofree char *p = g_strconcat ("$.totals.", key->str, NULL);
      gboolean ok, twice = FALSE;
      if (strcmp (key->str, "ballots_returned") == 0)
        twice = returned >= 0, ok = read_count (r, p, &returned);
      else if (strcmp (key->str, "ballots_invalid") == 0)
        twice = invalid >= 0, ok = read_count (r, p, &invalid);
      else if (strcmp (key->str, "ballots_valid") == 0)
        twice = valid >= 0, ok = read_count (r, p, &valid);
      else if (strcmp (key->str, "votes") == 0)
        twice = votes, votes = TRUE, ok = !twice && parse_votes (r);
      else if (g_str_has_prefix (key->str, "x-"))
        ok = skip_value (r, p);
      else
        return unknown_member (r, koff, "$.totals", key->str,
                               "ballots_returned, ballots_invalid, ballots_valid, votes");
      if (twice)
        return fail_at (r, koff, ELECT_ERROR_INVALID, p, _("given twice"));
      if (!ok)
        return FALSE;
      if (!next_item (r, '}', "$.totals", &more))
        return FALSE;
    }
  if (returned < 0)
    return fail_at (r, off, ELECT_ERROR_INVALID, "$.totals", _("a tally sheet without \"ballots_returned\""));
  if (invalid < 0)
    return fail_at (r, off, ELECT_ERROR_INVALID, "$.totals", _("a tally sheet without \"ballots_invalid\""));
  if (!votes)
    return fail_at (r, off, ELECT_ERROR_INVALID, "$.totals", _("a tally sheet without \"votes\""));
  if (!elect_tally_set_sheet (r->el->tally, returned, invalid, &e))
    return fail_gerror (r, off, "$.totals", e);
  /* Optional: the sheet's own count of valid ballots, so that
   * valid + invalid = returned is checked (RULES.md §6.9). */
  if (valid >= 0 && !elect_tally_set_sheet_valid (r->el->tally, valid, &e))
    return fail_gerror (r, off, "$.totals.ballots_valid", e);
  return TRUE;
}

/* ---- other header members ------------------------------------------------ */

static gboolean
parse_eligible (Reader *r)
{
  gboolean empty, more = TRUE;
  g_autoptr (GString) path = g_string_new ("$.eligible");
  if (!open_array (r, path->str, _("an array of names"), &empty))
    return FALSE;
  r->eligible_names = g_ptr_array_new_with_free_func (g_free);
  r->eligible_sexes = g_array_new (FALSE, TRUE, sizeof (ElectSex));
  for (guint i = 0; !empty && more; i++)
    {
      g_string_printf (path, "$.eligible[%u]", i);
      CandDef cd = { 0 };
      gboolean ok = parse_candidate (r, path, &cd);
      g_free (cd.birth_date);
      g_free (cd.ethnicity);
      if (!ok)
        {
          g_free (cd.name);
          return FALSE;
        }
      g_ptr_array_add (r->eligible_names, cd.name);
      g_array_append_val (r->eligible_sexes, cd.sex);
      g_string_assign (path, "$.eligible");
      if (!next_item (r, ']', path->str, &more))
        return FALSE;
    }
  g_ptr_array_add (r->eligible_names, NULL);
  g_ptr_array_set_size (r->eligible_names, r->eligible_names->len - 1);
  return TRUE;
}

static gboolean
parse_relations (Reader *r)
{
  gboolean empty, more = TRUE;
  g_autoptr (GString) path = g_string_new ("$.relations");
  g_autoptr (GString) key = g_string_new (NULL);
  if (!open_array (r, path->str, _("an array of relations"), &empty))
    return FALSE;
  for (guint i = 0; !empty && more; i++)
    {
      g_string_printf (path, "$.relations[%u]", i);
      gsize plen = path->len;
      gint64 off = here (r);
      gboolean oempty, omore = TRUE;
      g_autofree char *a = NULL, *b = NULL, *rel = NULL;
      if (!open_object (r, path->str, &oempty))
        return FALSE;
      while (!oempty && omore)
        {
          gint64 koff;
          if (!read_key (r, path->str, key, &koff))
            return FALSE;
          path_member (path, key->str);
          char **slot = strcmp (key->str, "a") == 0 ? &a
                      : strcmp (key->str, "b") == 0 ? &b
                      : strcmp (key->str, "relation") == 0 ? &rel : NULL;
          if (slot == NULL)
            {
              g_string_truncate (path, plen);
              return unknown_member (r, koff, path->str, key->str, "a, b, relation");
            }
          if (*slot)
            return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
          if ((*slot = read_string_dup (r, path->str)) == NULL)
            return FALSE;
          g_string_truncate (path, plen);
          if (!next_item (r, '}', path->str, &omore))
            return FALSE;
        }
      if (!a || !b || !rel)
        return fail_at (r, off, ELECT_ERROR_INVALID, path->str,
                        _("a relation needs \"a\", \"b\" and \"relation\""));
      GError *e = NULL;
      if (!elect_count_options_add_relation (r->el->options, a, b, rel, &e))
        return fail_gerror (r, off, path->str, e);
      g_string_assign (path, "$.relations");
      if (!next_item (r, ']', path->str, &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_earlier (Reader *r)
{
  gboolean empty, more = TRUE;
  g_autoptr (GString) key = g_string_new (NULL);
  gint64 elected = 0;
  gboolean chair = FALSE, woman = FALSE;
  guint seen = 0;
  if (!open_object (r, "$.earlier", &empty))
    return FALSE;
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, "$.earlier", key, &koff))
        return FALSE;
      g_autofree char *p = g_strconcat ("$.earlier.", key->str, NULL);
      gboolean ok;
      guint bit;
      if (strcmp (key->str, "elected") == 0)
        bit = 1, ok = read_count (r, p, &elected);
      else if (strcmp (key->str, "chair_elected") == 0)
        bit = 2, ok = read_bool (r, p, &chair);
      else if (strcmp (key->str, "woman_elected") == 0)
        bit = 4, ok = read_bool (r, p, &woman);
      else
        return unknown_member (r, koff, "$.earlier", key->str, "elected, chair_elected, woman_elected");
      if (!ok)
        return FALSE;
      if (seen & bit)
        return fail_at (r, koff, ELECT_ERROR_INVALID, p, _("given twice"));
      seen |= bit;
      if (elected > G_MAXUINT)
        return fail_at (r, koff, ELECT_ERROR_LIMIT, p, _("too large"));
      if (!next_item (r, '}', "$.earlier", &more))
        return FALSE;
    }
  elect_count_options_set_earlier (r->el->options, (guint) elected, chair, woman);
  return TRUE;
}

static gboolean
valid_iso_date (const char *s)
{
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  int y = atoi (s), m = atoi (s + 5), d = atoi (s + 8);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
load_profile (Reader *r, gint64 off)
{
  const char *s;
  gsize len;
  if (!read_string (r, "$.profile", &s, &len))
    return FALSE;
  g_autofree char *name = g_strndup (s, len);
  if (name[0] == '\0' || memchr (s, 0, len))
    return fail_at (r, off, ELECT_ERROR_INVALID, "$.profile", _("expected a profile name or path"));
  g_autofree char *path = NULL;
  gboolean is_path = strchr (name, '/') != NULL || g_str_has_suffix (name, ".ini");
  if (is_path && !g_path_is_absolute (name) && r->base_dir)
    path = g_build_filename (r->base_dir, name, NULL);
  else
    path = g_strdup (name);
  GError *e = NULL;
  r->el->rules = elect_rules_load (path, &e);
  if (r->el->rules == NULL)
    return fail_gerror (r, off, "$.profile", e);
  return TRUE;
}

static gboolean
ready (Reader *r)
{
  return r->el->tally != NULL;
}

static gboolean
maybe_build (Reader *r)
{
  if (r->el->paper == NULL && r->el->rules && r->contests)
    return build_paper (r);
  return TRUE;
}

static gboolean
parse_document (Reader *r)
{
  JScan *s = &r->s;
  ElectElection *el = r->el;
  g_autoptr (GString) key = g_string_new (NULL);
  int c = js_peek (s);
  if (c == -2)
    return fail_scan (r, "$");
  if (c == -1)
    return fail_at (r, here (r), ELECT_ERROR_PARSE, "$", _("empty input: expected an election (a JSON object)"));
  if (c != '{')
    return fail_at (r, here (r), c == '[' || c == '"' ? ELECT_ERROR_INVALID : ELECT_ERROR_PARSE, "$",
                    _("expected an election (a JSON object), found %s"), describe (c));
  gboolean empty, more = TRUE;
  if (!open_object (r, "$", &empty))
    return FALSE;
  gint64 ballots_off = -1;
  gboolean ballots_early = FALSE;   /* streamed before eligible */
  while (!empty && more)
    {
      gint64 koff;
      if (!read_key (r, "$", key, &koff))
        return FALSE;
      g_autoptr (GString) path = g_string_new ("$");
      path_member (path, key->str);
      gint64 voff = here (r);
      static const struct { const char *name; guint bit; } members[] = {
        { "format", M_FORMAT }, { "profile", M_PROFILE }, { "electorate", M_ELECTORATE },
        { "ballots_issued", M_ISSUED }, { "present", M_PRESENT }, { "round", M_ROUND },
        { "contests", M_CONTESTS }, { "ballots", M_BALLOTS }, { "totals", M_TOTALS },
        { "title", M_TITLE }, { "date", M_DATE }, { "eligible", M_ELIGIBLE },
        { "relations", M_RELATIONS }, { "earlier", M_EARLIER },
      };
      guint bit = 0;
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (strcmp (key->str, members[i].name) == 0)
          bit = members[i].bit;
      if (bit == 0)
        {
          if (!g_str_has_prefix (key->str, "x-"))
            return unknown_member (r, koff, "$", key->str,
                                   "format, profile, electorate, ballots_issued, present, round, "
                                   "contests, ballots, totals, title, date, eligible, relations, earlier");
          if (!skip_value (r, path->str))
            return FALSE;
        }
      else
        {
          if (r->seen & bit)
            return fail_at (r, koff, ELECT_ERROR_INVALID, path->str, _("given twice"));
          if ((bit == M_BALLOTS && (r->seen & M_TOTALS)) || (bit == M_TOTALS && (r->seen & M_BALLOTS)))
            return fail_at (r, koff, ELECT_ERROR_INVALID, path->str,
                            _("both \"ballots\" and \"totals\": give one of them"));
          r->seen |= bit;
          gboolean ok = TRUE;
          gint64 n;
          const char *str;
          gsize len;
          GError *e = NULL;
          switch (bit)
            {
            case M_FORMAT:
              ok = read_string (r, path->str, &str, &len);
              if (ok && !(len == strlen (FORMAT_NAME) && memcmp (str, FORMAT_NAME, len) == 0))
                {
                  g_autofree char *got = g_strndup (str, len);
                  return fail_at (r, voff, ELECT_ERROR_INVALID, path->str,
                                  _("unknown format \"%s\": expected \"%s\""), got, FORMAT_NAME);
                }
              break;
            case M_PROFILE:
              ok = load_profile (r, voff) && maybe_build (r) && apply_eligible (r, voff);
              break;
            case M_ELECTORATE:
              ok = read_count (r, path->str, &n);
              if (ok && !elect_turnout_set_electorate (el->turnout, n, &e))
                return fail_gerror (r, voff, path->str, e);
              break;
            case M_ISSUED:
              ok = read_count (r, path->str, &n);
              if (ok && !elect_turnout_set_issued (el->turnout, n, &e))
                return fail_gerror (r, voff, path->str, e);
              break;
            case M_PRESENT:
              ok = read_count (r, path->str, &n);
              if (ok && !elect_turnout_set_present (el->turnout, n, &e))
                return fail_gerror (r, voff, path->str, e);
              break;
            case M_ROUND:
              ok = read_string (r, path->str, &str, &len);
              if (ok)
                {
                  ElectRound round;
                  if (len == 7 && memcmp (str, "regular", 7) == 0)
                    round = ELECT_ROUND_REGULAR;
                  else if (len == 6 && memcmp (str, "revote", 6) == 0)
                    round = ELECT_ROUND_REVOTE;
                  else if (len == 13 && memcmp (str, "supplementary", 13) == 0)
                    round = ELECT_ROUND_SUPPLEMENTARY;
                  else
                    return fail_at (r, voff, ELECT_ERROR_INVALID, path->str,
                                    _("expected \"regular\", \"revote\" or \"supplementary\""));
                  elect_turnout_set_round (el->turnout, round);
                }
              break;
            case M_TITLE:
              ok = (el->title = read_string_dup (r, path->str)) != NULL;
              break;
            case M_DATE:
              ok = (el->date = read_string_dup (r, path->str)) != NULL;
              if (ok && !valid_iso_date (el->date))
                return fail_at (r, voff, ELECT_ERROR_INVALID, path->str,
                                _("expected a date as YYYY-MM-DD"));
              break;
            case M_CONTESTS:
              ok = parse_contests (r) && maybe_build (r) && apply_eligible (r, voff);
              break;
            case M_ELIGIBLE:
              ok = parse_eligible (r);
              if (ok && r->tallied)
                {
                  /* ballots were counted without the list: count them again */
                  if (!s->seekable)
                    return fail_at (r, koff, ELECT_ERROR_INVALID, path->str,
                                    _("\"eligible\" after \"ballots\" or \"totals\" in a pipe: put it before them, or read a file"));
                  ok = renew_tally (r) && apply_eligible (r, voff);
                  r->tallied = FALSE;
                  r->deferred = TRUE;
                  r->deferred_totals = (r->seen & M_TOTALS) != 0;
                  r->deferred_off = ballots_off;
                  ballots_early = TRUE;
                }
              else if (ok)
                ok = apply_eligible (r, voff);
              break;
            case M_RELATIONS:
              ok = parse_relations (r);
              break;
            case M_EARLIER:
              ok = parse_earlier (r);
              break;
            case M_BALLOTS:
            case M_TOTALS:
              ballots_off = voff;
              if (ready (r))
                {
                  ok = bit == M_BALLOTS ? parse_ballots (r) : parse_totals (r);
                  r->tallied = TRUE;
                }
              else if (s->seekable)
                {
                  r->deferred = TRUE;
                  r->deferred_totals = bit == M_TOTALS;
                  r->deferred_off = voff;
                  ok = skip_value (r, path->str);
                }
              else
                return fail_at (r, koff, ELECT_ERROR_INVALID, path->str,
                                _("\"%s\" before \"profile\" and \"contests\" in a pipe: put them first, or read a file"),
                                key->str);
              break;
            default:
              g_assert_not_reached ();
            }
          if (!ok)
            return FALSE;
        }
      if (!next_item (r, '}', "$", &more))
        return FALSE;
    }
  (void) ballots_early;
  c = js_peek (s);
  if (c == -2)
    return fail_scan (r, "$");
  if (c != -1)
    return fail_at (r, here (r), ELECT_ERROR_PARSE, "$",
                    _("unexpected data after the end of the election object"));
  static const struct { guint bit; const char *name; } required[] = {
    { M_FORMAT, "format" }, { M_PROFILE, "profile" }, { M_ELECTORATE, "electorate" },
    { M_CONTESTS, "contests" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!(r->seen & required[i].bit))
      return fail_at (r, 0, ELECT_ERROR_INVALID, "$", _("missing member \"%s\""), required[i].name);
  if (!(r->seen & (M_BALLOTS | M_TOTALS)))
    return fail_at (r, 0, ELECT_ERROR_INVALID, "$", _("missing member \"ballots\" or \"totals\""));
  if (r->deferred)
    {
      if (!js_seek (s, r->deferred_off))
        return fail_scan (r, "$");
      gboolean ok = r->deferred_totals ? parse_totals (r) : parse_ballots (r);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- public -------------------------------------------------------------- */

static ElectElection *
election_new (void)
{
  ElectElection *el = g_new0 (ElectElection, 1);
  g_atomic_ref_count_init (&el->ref);
  el->turnout = elect_turnout_new ();
  el->options = elect_count_options_new ();
  return el;
}

ElectElection *
elect_election_ref (ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_election_unref (ElectElection *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  elect_rules_unref (self->rules);
  elect_paper_unref (self->paper);
  elect_tally_unref (self->tally);
  elect_turnout_free (self->turnout);
  elect_count_options_free (self->options);
  g_free (self->title);
  g_free (self->date);
  g_free (self);
}

static ElectElection *
read_with (Reader *r, GError **error)
{
  r->el = election_new ();
  gboolean ok = parse_document (r);
  index_clear (r);
  elect_ballot_free (r->ballot);
  if (r->contests)
    g_ptr_array_unref (r->contests);
  if (r->eligible_names)
    g_ptr_array_unref (r->eligible_names);
  if (r->eligible_sexes)
    g_array_unref (r->eligible_sexes);
  js_clear (&r->s);
  g_free (r->base_dir);
  if (!ok)
    {
      g_assert (r->error != NULL);
      g_propagate_error (error, r->error);
      elect_election_unref (r->el);
      return NULL;
    }
  return r->el;
}

ElectElection *
elect_election_read_fd (int fd, const char *origin, const char *base_dir, GError **error)
{
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  Reader r = { 0 };
  r.origin = origin ? origin : "<stdin>";
  r.base_dir = g_strdup (base_dir);
  js_init_fd (&r.s, fd);
  return read_with (&r, error);
}

ElectElection *
elect_election_read_data (const char *data, gssize length, const char *origin,
                          const char *base_dir, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  Reader r = { 0 };
  r.origin = origin ? origin : "<memory>";
  r.base_dir = g_strdup (base_dir);
  js_init_memory (&r.s, data, length < 0 ? strlen (data) : (gsize) length);
  return read_with (&r, error);
}

ElectElection *
elect_election_read_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (strcmp (path, "-") == 0)
    return elect_election_read_fd (0, "<stdin>", NULL, error);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, ELECT_ERROR, e == ENOENT ? ELECT_ERROR_NOT_FOUND : ELECT_ERROR_IO,
                   _("%s: cannot open: %s"), path, g_strerror (e));
      return NULL;
    }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  g_autofree char *dir = g_path_get_dirname (path);
  ElectElection *el = elect_election_read_fd (fd, path, dir, error);
  close (fd);
  return el;
}

const ElectRules *
elect_election_get_rules (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

ElectPaper *
elect_election_get_paper (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->paper;
}

ElectTally *
elect_election_get_tally (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tally;
}

const ElectTurnout *
elect_election_get_turnout (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->turnout;
}

const ElectCountOptions *
elect_election_get_options (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->options;
}

const char *
elect_election_get_title (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
elect_election_get_date (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

gint64
elect_election_get_n_ballots (const ElectElection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_ballots;
}

ElectOutcome *
elect_election_count (const ElectElection *self, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return elect_count_full (self->rules, self->paper, self->tally, self->turnout,
                           self->options, error);
}
