/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The ballot-entry journal (libelect.journal/1, doc/formats-journal.md):
 * append-only, length-prefixed records, each closed by the SHA-256 of its
 * bytes, which also opens the next record (a chain). */
#include "config.h"
#include "audit-private.h"
#include "ballot-private.h"
#include "tally-private.h"
#include "i18n-private.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define J_MAGIC "ELJ1"
#define J_HEAD 56                 /* bytes before the payload */
#define J_TAIL ELECT_SHA256_LEN   /* the checksum after it */
#define J_MAX_PAYLOAD ((gsize) 1 << 20)
#define J_LABEL_MAX 256
#define J_FORMAT "libelect.journal/1"

enum {
  K_HEADER = 1,
  K_BALLOT = 2,
  K_SHEET = 3,
  K_ACCEPT = 4,
  K_DISCARD = 5,
};

typedef struct {
  guint8 kind;
  guint8 entry;
  guint32 batch;
  gint64 offset;
  char *payload;      /* NUL-terminated */
  gsize len;
} Rec;

typedef struct {
  guint32 batch;
  GArray *entry[3];   /* record indices (guint) of the current entries 1 and 2 */
  gboolean accepted;
} Batch;

struct _ElectJournal {
  char *origin;
  int fd;             /* -1 when read from memory */
  gboolean writable;
  gboolean broken;    /* a failed write could not be undone */
  ElectJournalSync sync;
  ElectPaper *paper;  /* nullable */
  char *paper_digest;
  char *label;
  GArray *recs;       /* Rec */
  guint8 head[ELECT_SHA256_LEN];
  char head_text[ELECT_DIGEST_TEXT_LEN];
  gint64 end;         /* the offset of the next record */
  int content;        /* 0, K_BALLOT or K_SHEET */
  GHashTable *batches;   /* batch -> Batch* */
  GPtrArray *batch_list; /* Batch*, in order of first record (owner) */
  GArray *counted;    /* record indices of counted ballots or sheets */
  char *recovery;
  gint64 dropped;
};

gsize
elect_journal_max_payload (void)
{
  return J_MAX_PAYLOAD;
}

/* ---- bytes ----------------------------------------------------------------- */

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static void
put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint32
get_u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;
  for (int i = 7; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

/* ---- state ----------------------------------------------------------------- */

static void
batch_free (gpointer p)
{
  Batch *b = p;
  for (int e = 1; e <= 2; e++)
    g_array_unref (b->entry[e]);
  g_free (b);
}

static Batch *
batch_get (ElectJournal *j, guint32 batch, gboolean create)
{
  Batch *b = g_hash_table_lookup (j->batches, GUINT_TO_POINTER (batch));
  if (b == NULL && create)
    {
      b = g_new0 (Batch, 1);
      b->batch = batch;
      for (int e = 1; e <= 2; e++)
        b->entry[e] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (j->batches, GUINT_TO_POINTER (batch), b);
      g_ptr_array_add (j->batch_list, b);
    }
  return b;
}

static ElectJournal *
journal_new (const char *origin)
{
  ElectJournal *j = g_new0 (ElectJournal, 1);
  j->origin = g_strdup (origin);
  j->fd = -1;
  j->sync = ELECT_JOURNAL_SYNC_ENTRY;
  j->recs = g_array_new (FALSE, FALSE, sizeof (Rec));
  j->batches = g_hash_table_new (NULL, NULL);
  j->batch_list = g_ptr_array_new_with_free_func (batch_free);
  j->counted = g_array_new (FALSE, FALSE, sizeof (guint));
  return j;
}

void
elect_journal_free (ElectJournal *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);   /* also releases the lock */
  for (guint i = 0; i < self->recs->len; i++)
    g_free (g_array_index (self->recs, Rec, i).payload);
  g_array_unref (self->recs);
  g_hash_table_unref (self->batches);
  g_ptr_array_unref (self->batch_list);
  g_array_unref (self->counted);
  if (self->paper)
    elect_paper_unref (self->paper);
  g_free (self->paper_digest);
  g_free (self->label);
  g_free (self->origin);
  g_free (self->recovery);
  g_free (self);
}

static gboolean
label_ok (const char *label)
{
  if (label == NULL)
    return TRUE;
  gsize n = strlen (label);
  if (n > J_LABEL_MAX || !g_utf8_validate (label, (gssize) n, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) label; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static JsonNode *
parse_payload (const Rec *r)
{
  return elect_json_parse (r->payload, r->len, "payload", ELECT_AUDIT_MAX_DEPTH, NULL);
}

/* The payload nodes of one entry of a batch (transfer full). */
static GPtrArray *
entry_nodes (const ElectJournal *j, const Batch *b, int e)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; i < b->entry[e]->len; i++)
    {
      const Rec *r = &g_array_index (j->recs, Rec, g_array_index (b->entry[e], guint, i));
      JsonNode *n = parse_payload (r);
      g_assert (n != NULL);  /* checked when the record was read or written */
      g_ptr_array_add (nodes, n);
    }
  return nodes;
}

static ElectEntryDiff *
compare_entries (const ElectJournal *j, const Batch *b)
{
  g_autoptr (GPtrArray) first = entry_nodes (j, b, 1);
  g_autoptr (GPtrArray) second = entry_nodes (j, b, 2);
  if (j->content == K_SHEET)
    return elect_entry_diff_sheet_nodes (first->len ? g_ptr_array_index (first, 0) : NULL,
                                         second->len ? g_ptr_array_index (second, 0) : NULL);
  return elect_entry_diff_ballot_nodes (j->paper, (JsonNode *const *) first->pdata, first->len,
                                        (JsonNode *const *) second->pdata, second->len);
}

/* Whether a record of this kind may come now; @what names the record in
 * messages ("" when appending). Does not change the journal. */
static gboolean
check_record (const ElectJournal *j, const char *what, int kind, int entry, guint32 batch,
              JsonNode *node, GError **error)
{
  Batch *b = g_hash_table_lookup (j->batches, GUINT_TO_POINTER (batch));
  switch (kind)
    {
    case K_BALLOT:
    case K_SHEET:
      if (entry < ELECT_ENTRY_SINGLE || entry > ELECT_ENTRY_SECOND)
        goto bad_entry;
      if (j->content && j->content != kind)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       kind == K_SHEET ? _("%sa tally sheet in a journal of ballots")
                                       : _("%sa ballot in a journal of tally sheets"), what);
          return FALSE;
        }
      if (entry != ELECT_ENTRY_SINGLE && b && b->accepted)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sbatch %u was accepted already"), what, batch);
          return FALSE;
        }
      if (kind == K_SHEET && entry == ELECT_ENTRY_SINGLE && j->counted->len)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sa tally sheet is counted already"), what);
          return FALSE;
        }
      if (kind == K_SHEET && entry != ELECT_ENTRY_SINGLE && b && b->entry[entry]->len)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sentry %d of batch %u has a tally sheet already: discard it first"),
                       what, entry, batch);
          return FALSE;
        }
      if (node && !JSON_NODE_HOLDS_OBJECT (node))
        goto bad_payload;
      if (node && kind == K_BALLOT && j->paper)
        {
          /* a ballot of this paper: contests and "spoiled", nothing else */
          GList *members = json_object_get_members (json_node_get_object (node));
          gboolean ok = TRUE;
          for (GList *l = members; l && ok; l = l->next)
            ok = strcmp (l->data, "spoiled") == 0
                 || elect_paper_find_contest (j->paper, l->data, -1) >= 0;
          g_list_free (members);
          if (!ok)
            goto bad_payload;
        }
      if (node && kind == K_SHEET)
        {
          JsonObject *o = json_node_get_object (node);
          JsonNode *v = json_object_get_member (o, "votes");
          if (v == NULL || !JSON_NODE_HOLDS_OBJECT (v)
              || !json_object_has_member (o, "ballots_returned")
              || !json_object_has_member (o, "ballots_invalid")
              || json_object_get_size (o) != 3)
            goto bad_payload;
        }
      return TRUE;
    case K_ACCEPT:
    case K_DISCARD:
      if (b == NULL || (b->entry[1]->len == 0 && b->entry[2]->len == 0))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sbatch %u has no entry"), what, batch);
          return FALSE;
        }
      if (b->accepted)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sbatch %u was accepted already"), what, batch);
          return FALSE;
        }
      if (kind == K_DISCARD)
        {
          if (entry != ELECT_ENTRY_FIRST && entry != ELECT_ENTRY_SECOND)
            goto bad_entry;
          if (b->entry[entry]->len == 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%sentry %d of batch %u is empty"), what, entry, batch);
              return FALSE;
            }
          return TRUE;
        }
      if (entry != ELECT_ENTRY_SINGLE)
        goto bad_entry;
      for (int e = 1; e <= 2; e++)
        if (b->entry[e]->len == 0)
          {
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("%sbatch %u has no entry %d: it cannot be compared"), what, batch, e);
            return FALSE;
          }
      if (j->content == K_SHEET && j->counted->len)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%sa tally sheet is counted already"), what);
          return FALSE;
        }
      if (node)
        {
          /* a record read from a file: its entries must agree, and its count
           * must be theirs */
          JsonNode *count = JSON_NODE_HOLDS_OBJECT (node)
            ? json_object_get_member (json_node_get_object (node), "count") : NULL;
          if (count == NULL || json_node_get_value_type (count) != G_TYPE_INT64
              || json_node_get_int (count) != (gint64) b->entry[1]->len)
            goto bad_payload;
          g_autoptr (ElectEntryDiff) d = compare_entries (j, b);
          if (elect_entry_diff_get_n_items (d) != 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%saccepts batch %u, whose two entries differ"), what, batch);
              return FALSE;
            }
        }
      return TRUE;
    default:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%sunknown kind of record %d"),
                   what, kind);
      return FALSE;
    }
bad_entry:
  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%sentry number %d is not allowed here"),
               what, entry);
  return FALSE;
bad_payload:
  g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("%sthe payload is not what this kind of record holds"),
               what);
  return FALSE;
}

/* Records the effect of record @index (already checked). */
static void
apply_record (ElectJournal *j, guint index)
{
  const Rec *r = &g_array_index (j->recs, Rec, index);
  Batch *b;
  switch (r->kind)
    {
    case K_BALLOT:
    case K_SHEET:
      j->content = r->kind;
      if (r->entry == ELECT_ENTRY_SINGLE)
        g_array_append_val (j->counted, index);
      else
        g_array_append_val (batch_get (j, r->batch, TRUE)->entry[r->entry], index);
      break;
    case K_ACCEPT:
      b = batch_get (j, r->batch, FALSE);
      b->accepted = TRUE;
      g_array_append_vals (j->counted, b->entry[1]->data, b->entry[1]->len);
      break;
    case K_DISCARD:
      b = batch_get (j, r->batch, FALSE);
      g_array_set_size (b->entry[r->entry], 0);
      break;
    default:
      break;
    }
}

/* ---- reading --------------------------------------------------------------- */

/* Whether a complete record with a correct checksum starts anywhere in
 * data[from, len). The bytes hashed are bounded (twice the file and one
 * record): a file crafted with markers everywhere is taken as damaged in
 * the middle (refused) rather than scanned for ever. A real torn end (a
 * part of one record, zeros) holds few markers; real damage in the middle
 * is followed at once by an intact record. */
static gboolean
intact_record_after (const guint8 *data, gsize len, gsize from)
{
  guint64 budget = 2 * (guint64) len + J_HEAD + J_MAX_PAYLOAD + J_TAIL;
  for (gsize p = from; p + J_HEAD + J_TAIL <= len; p++)
    {
      const guint8 *m = memchr (data + p, J_MAGIC[0], len - p);
      if (m == NULL)
        return FALSE;
      p = (gsize) (m - data);
      if (p + J_HEAD + J_TAIL > len || memcmp (m, J_MAGIC, 4) != 0)
        continue;
      gsize l = get_u32 (m + 4);
      if (l > J_MAX_PAYLOAD || p + J_HEAD + l + J_TAIL > len || m[18] != 0 || m[19] != 0)
        continue;
      if (budget < J_HEAD + l)
        return TRUE;
      budget -= J_HEAD + l;
      guint8 h[ELECT_SHA256_LEN];
      elect_sha256 (m, J_HEAD + l, h);
      if (memcmp (h, m + J_HEAD + l, ELECT_SHA256_LEN) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_header_payload (ElectJournal *j, JsonNode *node, const char *what, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *format = o ? json_object_get_member (o, "format") : NULL;
  JsonNode *paper = o ? json_object_get_member (o, "paper") : NULL;
  JsonNode *label = o ? json_object_get_member (o, "label") : NULL;
  guint8 d[ELECT_SHA256_LEN];
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING
      || strcmp (json_node_get_string (format), J_FORMAT) != 0
      || paper == NULL || json_node_get_value_type (paper) != G_TYPE_STRING
      || !elect_digest_parse (json_node_get_string (paper), d)
      || (label && (json_node_get_value_type (label) != G_TYPE_STRING
                    || !label_ok (json_node_get_string (label))))
      || json_object_get_size (o) != 2u + (label != NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%snot the header of a %s journal"), what, J_FORMAT);
      return FALSE;
    }
  j->paper_digest = g_strdup (json_node_get_string (paper));
  j->label = label ? g_strdup (json_node_get_string (label)) : NULL;
  if (j->paper)
    {
      g_autofree char *mine = elect_audit_digest_paper (j->paper);
      if (strcmp (mine, j->paper_digest) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: the journal was made for another ballot paper (%s, not %s)"),
                       j->origin, j->paper_digest, mine);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads every record of @data; on a torn end, records it in j->recovery and
 * sets *torn_at. */
static gboolean
read_records (ElectJournal *j, const guint8 *data, gsize len, gint64 *torn_at, GError **error)
{
  gsize off = 0;
  guint8 prev[ELECT_SHA256_LEN] = { 0 };
  *torn_at = -1;
  if (len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                   _("%s: an empty file, not a %s journal"), j->origin, J_FORMAT);
      return FALSE;
    }
  while (off < len)
    {
      guint index = j->recs->len;
      const guint8 *p = data + off;
      gsize rest = len - off;
      const char *why = NULL;
      gsize l = 0;
      if (rest < J_HEAD)
        why = N_("an incomplete record header");
      else if (memcmp (p, J_MAGIC, 4) != 0)
        why = N_("no record marker");
      else if ((l = get_u32 (p + 4)) > J_MAX_PAYLOAD)
        why = N_("a record length out of range");
      else if (rest < J_HEAD + l + J_TAIL)
        why = N_("an incomplete record");
      else
        {
          guint8 h[ELECT_SHA256_LEN];
          elect_sha256 (p, J_HEAD + l, h);
          if (memcmp (h, p + J_HEAD + l, ELECT_SHA256_LEN) != 0)
            why = N_("a checksum that does not match");
        }
      if (why)
        {
          if (index == 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s: not a %s journal (its first record has %s)"),
                           j->origin, J_FORMAT, _(why));
              return FALSE;
            }
          if (intact_record_after (data, len, off + 1))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("%s: record %u (byte %lld) has %s, and intact records follow it: "
                             "the journal was altered or damaged"),
                           j->origin, index, (long long) off, _(why));
              return FALSE;
            }
          /* A torn end: what a write interrupted by a crash leaves. */
          j->dropped = (gint64) rest;
          j->recovery = g_strdup_printf (_("%s: the last %lld bytes (record %u, from byte %lld) "
                                           "have %s, as a write interrupted by a crash leaves "
                                           "them: they were dropped; the %u records before "
                                           "them are intact"),
                                         j->origin, (long long) rest, index, (long long) off,
                                         _(why), index);
          *torn_at = (gint64) off;
          return TRUE;
        }
      g_autofree char *what = g_strdup_printf (_("%s: record %u (byte %lld): "), j->origin,
                                               index, (long long) off);
      /* complete and intact: now it must chain */
      if (get_u64 (p + 8) != index)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%sits sequence number is %llu: records were removed or reordered"),
                       what, (unsigned long long) get_u64 (p + 8));
          return FALSE;
        }
      if (memcmp (p + 24, prev, ELECT_SHA256_LEN) != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%sit does not chain to the record before it: the journal was altered"),
                       what);
          return FALSE;
        }
      int kind = p[16], entry = p[17];
      guint32 batch = get_u32 (p + 20);
      if (p[18] != 0 || p[19] != 0 || (index == 0) != (kind == K_HEADER)
          || (kind == K_HEADER && (entry != 0 || batch != 0)))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%sa malformed record header"), what);
          return FALSE;
        }
      Rec r = { (guint8) kind, (guint8) entry, batch, (gint64) off,
                g_strndup ((const char *) p + J_HEAD, l), l };
      g_autoptr (GError) e = NULL;
      g_autoptr (JsonNode) node = elect_json_parse (r.payload, l, "payload", ELECT_AUDIT_MAX_DEPTH, &e);
      if (node == NULL || strlen (r.payload) != l)
        {
          g_free (r.payload);
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                       _("%sthe payload is not a JSON document"), what);
          return FALSE;
        }
      if (kind == K_HEADER)
        {
          if (!read_header_payload (j, node, what, error))
            {
              g_free (r.payload);
              return FALSE;
            }
        }
      else if (!check_record (j, what, kind, entry, batch, node, error))
        {
          /* (the payload's shape too, and for an acceptance, that the two
           * entries agree) */
          g_free (r.payload);
          return FALSE;
        }
      g_array_append_val (j->recs, r);
      apply_record (j, index);
      memcpy (prev, p + J_HEAD + l, ELECT_SHA256_LEN);
      off += J_HEAD + l + J_TAIL;
    }
  return TRUE;
}

static gboolean
finish_read (ElectJournal *j, const guint8 *data, gsize len, ElectPaper *paper,
             gint64 *torn_at, GError **error)
{
  if (paper)
    {
      elect_paper_freeze (paper);
      j->paper = elect_paper_ref (paper);
    }
  if (!read_records (j, data, len, torn_at, error))
    return FALSE;
  const Rec *last = &g_array_index (j->recs, Rec, j->recs->len - 1);
  memcpy (j->head, data + last->offset + J_HEAD + last->len, ELECT_SHA256_LEN);
  elect_digest_text (j->head, j->head_text);
  j->end = last->offset + J_HEAD + (gint64) last->len + J_TAIL;
  return TRUE;
}

ElectJournal *
elect_journal_read_data (const void *data, gsize length, const char *origin,
                         ElectPaper *paper, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_autoptr (ElectJournal) j = journal_new (origin ? origin : "<memory>");
  gint64 torn_at;
  if (!finish_read (j, data, length, paper, &torn_at, error))
    return NULL;
  return g_steal_pointer (&j);
}

static gboolean set_io_error (GError **error, int err, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

/* ELECT_ERROR_NOT_FOUND for ENOENT, else ELECT_ERROR_IO; io_fail() with
 * the current errno (read before the message is translated). */
#define io_fail(error, fmt, origin) \
  ({ int e_ = errno; set_io_error ((error), e_, (fmt), (origin), g_strerror (e_)); })

static gboolean
set_io_error (GError **error, int err, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (error, ELECT_ERROR, err == ENOENT ? ELECT_ERROR_NOT_FOUND : ELECT_ERROR_IO,
                       msg);
  return FALSE;
}

static gboolean
read_all (int fd, const char *origin, GByteArray *out, GError **error)
{
  guint8 buf[65536];
  gint64 off = 0;
  for (;;)
    {
      ssize_t n = pread (fd, buf, sizeof buf, off);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return io_fail (error, _("%s: cannot read: %s"), origin);
      if (n == 0)
        return TRUE;
      g_byte_array_append (out, buf, (guint) n);
      off += n;
    }
}

static ElectJournal *
open_file (const char *path, ElectPaper *paper, gboolean writable, GError **error)
{
  g_autoptr (ElectJournal) j = journal_new (path);
  j->fd = g_open (path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC, 0);
  if (j->fd < 0)
    {
      io_fail (error, _("%s: cannot open the journal: %s"), path);
      return NULL;
    }
  if (writable && flock (j->fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EWOULDBLOCK)
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO,
                     _("%s: the journal is open in another program"), path);
      else
        io_fail (error, _("%s: cannot lock the journal: %s"), path);
      return NULL;
    }
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  if (!read_all (j->fd, path, bytes, error))
    return NULL;
  gint64 torn_at;
  if (!finish_read (j, bytes->data, bytes->len, paper, &torn_at, error))
    return NULL;
  if (writable)
    {
      if (torn_at >= 0)
        {
          /* Keep the dropped bytes beside the journal before cutting them
           * off: a torn write and a last record altered by hand look alike,
           * and the evidence of the second must not be destroyed. */
          g_autofree char *aside = g_strdup_printf ("%s.dropped-%lld", path, (long long) torn_at);
          g_autoptr (GError) local = NULL;
          if (!g_file_set_contents_full (aside, (const char *) bytes->data + torn_at,
                                         (gssize) (bytes->len - (gsize) torn_at),
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO,
                           _("%s: cannot keep the torn end of the journal aside in %s: %s"),
                           path, aside, local->message);
              return NULL;
            }
          if (ftruncate (j->fd, torn_at) != 0 || fdatasync (j->fd) != 0)
            {
              io_fail (error, _("%s: cannot drop the torn end of the journal: %s"), path);
              return NULL;
            }
          g_autofree char *more = g_strdup_printf (_("%s (kept in %s)"), j->recovery, aside);
          g_free (j->recovery);
          j->recovery = g_steal_pointer (&more);
        }
      j->writable = TRUE;
    }
  return g_steal_pointer (&j);
}

ElectJournal *
elect_journal_open (const char *path, ElectPaper *paper, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (paper != NULL, NULL);
  return open_file (path, paper, TRUE, error);
}

ElectJournal *
elect_journal_open_read_only (const char *path, ElectPaper *paper, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_file (path, paper, FALSE, error);
}

/* ---- writing --------------------------------------------------------------- */

static guint8 *
build_record (guint64 seq, int kind, int entry, guint32 batch, const guint8 prev[ELECT_SHA256_LEN],
              const char *payload, gsize len, gsize *out_size)
{
  gsize size = J_HEAD + len + J_TAIL;
  guint8 *buf = g_malloc0 (size);
  memcpy (buf, J_MAGIC, 4);
  put_u32 (buf + 4, (guint32) len);
  put_u64 (buf + 8, seq);
  buf[16] = (guint8) kind;
  buf[17] = (guint8) entry;
  put_u32 (buf + 20, batch);
  memcpy (buf + 24, prev, ELECT_SHA256_LEN);
  memcpy (buf + J_HEAD, payload, len);
  elect_sha256 (buf, J_HEAD + len, buf + J_HEAD + len);
  *out_size = size;
  return buf;
}

static gboolean
write_full (int fd, const guint8 *buf, gsize size, gint64 off)
{
  gsize done = 0;
  while (done < size)
    {
      ssize_t n = pwrite (fd, buf + done, size - done, off + (gint64) done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/* Appends one record (checked already) and applies it. */
static gboolean
append_record (ElectJournal *j, int kind, int entry, guint32 batch, const char *payload,
               gboolean force_sync, GError **error)
{
  gsize len = strlen (payload);
  if (len > J_MAX_PAYLOAD)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT,
                   _("%s: an entry of %llu bytes, more than the %llu bytes a record holds"),
                   j->origin, (unsigned long long) len, (unsigned long long) J_MAX_PAYLOAD);
      return FALSE;
    }
  gsize size;
  g_autofree guint8 *buf = build_record (j->recs->len, kind, entry, batch, j->head,
                                         payload, len, &size);
  if (!write_full (j->fd, buf, size, j->end)
      || ((force_sync || j->sync == ELECT_JOURNAL_SYNC_ENTRY) && fdatasync (j->fd) != 0))
    {
      int err = errno;
      /* Undo the partial record, so that the file still ends cleanly. */
      if (ftruncate (j->fd, j->end) != 0)
        j->broken = TRUE;
      return set_io_error (error, err, _("%s: cannot write the journal: %s"), j->origin, g_strerror (err));
    }
  Rec r = { (guint8) kind, (guint8) entry, batch, j->end, g_strndup (payload, len), len };
  g_array_append_val (j->recs, r);
  memcpy (j->head, buf + J_HEAD + len, ELECT_SHA256_LEN);
  elect_digest_text (j->head, j->head_text);
  j->end += (gint64) size;
  apply_record (j, j->recs->len - 1);
  return TRUE;
}

static gboolean
check_writable (const ElectJournal *j, GError **error)
{
  if (!j->writable)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: the journal is open read-only"), j->origin);
      return FALSE;
    }
  if (j->broken)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO,
                   _("%s: a failed write could not be undone: close and reopen the journal"),
                   j->origin);
      return FALSE;
    }
  return TRUE;
}

ElectJournal *
elect_journal_create (const char *path, ElectPaper *paper, const char *label, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (paper != NULL, NULL);
  if (label && !*label)
    label = NULL;
  if (!label_ok (label))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("A label must be UTF-8 text of at most %d bytes without control characters"),
                   J_LABEL_MAX);
      return NULL;
    }
  elect_paper_freeze (paper);
  g_autofree char *digest = elect_audit_digest_paper (paper);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, J_FORMAT);
  if (label)
    {
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, label);
    }
  json_builder_set_member_name (b, "paper");
  json_builder_add_string_value (b, digest);
  json_builder_end_object (b);
  g_autoptr (JsonNode) node = json_builder_get_root (b);
  g_autofree char *payload = elect_canon_compact (node);
  static const guint8 zero[ELECT_SHA256_LEN] = { 0 };
  gsize size;
  g_autofree guint8 *buf = build_record (0, K_HEADER, 0, 0, zero, payload, strlen (payload), &size);

  /* Written aside, synced, then linked into place: the journal appears
   * whole or not at all, and an existing file is never replaced. */
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmpl = g_build_filename (dir, ".elect-journal-XXXXXX", NULL);
  int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      io_fail (error, _("%s: cannot create the journal: %s"), path);
      return NULL;
    }
  int err = 0;
  if (!write_full (fd, buf, size, 0) || fsync (fd) != 0)
    err = errno;
  else if (link (tmpl, path) != 0)
    {
      err = errno;
      /* a file system without hard links: rename, after a check */
      if ((err == EPERM || err == EOPNOTSUPP || err == ENOSYS)
          && !g_file_test (path, G_FILE_TEST_EXISTS))
        err = g_rename (tmpl, path) == 0 ? 0 : errno;
    }
  g_unlink (tmpl);
  close (fd);
  if (err)
    {
      if (err == EEXIST)
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO,
                     _("%s: the file exists already: open it instead of creating it"), path);
      else
        set_io_error (error, err, _("%s: cannot create the journal: %s"), path, g_strerror (err));
      return NULL;
    }
  int dfd = g_open (dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0);
  if (dfd >= 0)
    {
      if (fsync (dfd) != 0)
        err = errno;
      close (dfd);
    }
  if (err)
    {
      set_io_error (error, err, _("%s: cannot sync the journal's directory: %s"), path, g_strerror (err));
      return NULL;
    }
  return elect_journal_open (path, paper, error);
}

void
elect_journal_set_sync (ElectJournal *self, ElectJournalSync mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mode == ELECT_JOURNAL_SYNC_ENTRY || mode == ELECT_JOURNAL_SYNC_BATCH);
  self->sync = mode;
}

ElectJournalSync
elect_journal_get_sync (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, ELECT_JOURNAL_SYNC_ENTRY);
  return self->sync;
}

gboolean
elect_journal_sync (ElectJournal *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->fd < 0 || !self->writable)
    return TRUE;
  if (fdatasync (self->fd) != 0)
    return io_fail (error, _("%s: cannot sync the journal: %s"), self->origin);
  return TRUE;
}

static gboolean
same_paper (const ElectJournal *j, const ElectPaper *paper, GError **error)
{
  if (paper == j->paper)
    return TRUE;
  g_autofree char *d = elect_audit_digest_paper (paper);
  if (strcmp (d, j->paper_digest) == 0)
    return TRUE;
  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
               _("%s: an entry on another ballot paper than the journal's"), j->origin);
  return FALSE;
}

static gboolean
append_entry (ElectJournal *j, int kind, ElectEntry entry, guint32 batch, JsonNode *node,
              GError **error)
{
  g_autofree char *what = g_strdup_printf ("%s: ", j->origin);
  if (!check_record (j, what, kind, (int) entry, batch, NULL, error))
    return FALSE;
  g_autofree char *payload = elect_canon_compact (node);
  return append_record (j, kind, (int) entry, batch, payload, FALSE, error);
}

gboolean
elect_journal_append_ballot (ElectJournal *self, ElectEntry entry, guint32 batch,
                             const ElectBallot *ballot, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ballot != NULL, FALSE);
  g_return_val_if_fail (entry >= ELECT_ENTRY_SINGLE && entry <= ELECT_ENTRY_SECOND, FALSE);
  if (!check_writable (self, error) || !same_paper (self, ballot->paper, error))
    return FALSE;
  g_autoptr (JsonNode) node = elect_ballot_canonical_node (ballot, error);
  if (node == NULL)
    return FALSE;
  return append_entry (self, K_BALLOT, entry, batch, node, error);
}

gboolean
elect_journal_append_sheet (ElectJournal *self, ElectEntry entry, guint32 batch,
                            const ElectTally *sheet, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (entry >= ELECT_ENTRY_SINGLE && entry <= ELECT_ENTRY_SECOND, FALSE);
  if (!check_writable (self, error) || !same_paper (self, sheet->paper, error))
    return FALSE;
  if (!elect_tally_is_sheet (sheet))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: not a tally sheet (elect_tally_set_sheet() was not called)"),
                   self->origin);
      return FALSE;
    }
  g_autoptr (JsonNode) node = elect_sheet_canonical_node (sheet);
  return append_entry (self, K_SHEET, entry, batch, node, error);
}

ElectEntryDiff *
elect_journal_compare_batch (const ElectJournal *self, guint32 batch, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  const Batch *b = g_hash_table_lookup (self->batches, GUINT_TO_POINTER (batch));
  for (int e = 1; e <= 2; e++)
    if (b == NULL || b->entry[e]->len == 0)
      {
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                     _("%s: batch %u has no entry %d: it cannot be compared"),
                     self->origin, batch, e);
        return NULL;
      }
  return compare_entries (self, b);
}

ElectEntryDiff *
elect_journal_accept_batch (ElectJournal *self, guint32 batch, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (!check_writable (self, error))
    return NULL;
  g_autofree char *what = g_strdup_printf ("%s: ", self->origin);
  if (!check_record (self, what, K_ACCEPT, 0, batch, NULL, error))
    return NULL;
  const Batch *b = g_hash_table_lookup (self->batches, GUINT_TO_POINTER (batch));
  ElectEntryDiff *d = compare_entries (self, b);
  if (elect_entry_diff_get_n_items (d) != 0)
    return d;   /* nothing is counted until the two entries agree */
  g_autofree char *payload = g_strdup_printf ("{\"count\":%u}", b->entry[1]->len);
  if (!append_record (self, K_ACCEPT, 0, batch, payload, TRUE, error))
    {
      elect_entry_diff_free (d);
      return NULL;
    }
  return d;
}

gboolean
elect_journal_discard_entry (ElectJournal *self, guint32 batch, ElectEntry entry,
                             GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry == ELECT_ENTRY_FIRST || entry == ELECT_ENTRY_SECOND, FALSE);
  if (!check_writable (self, error))
    return FALSE;
  g_autofree char *what = g_strdup_printf ("%s: ", self->origin);
  if (!check_record (self, what, K_DISCARD, (int) entry, batch, NULL, error))
    return FALSE;
  return append_record (self, K_DISCARD, (int) entry, batch, "{}", TRUE, error);
}

/* ---- getters --------------------------------------------------------------- */

guint
elect_journal_get_n_records (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->recs->len;
}

guint
elect_journal_get_n_counted (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->counted->len;
}

gboolean
elect_journal_holds_sheets (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->content == K_SHEET;
}

static gboolean
batch_pending (const Batch *b)
{
  return !b->accepted && (b->entry[1]->len || b->entry[2]->len);
}

guint
elect_journal_get_n_pending (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, 0);
  guint n = 0;
  for (guint i = 0; i < self->batch_list->len; i++)
    n += batch_pending (g_ptr_array_index (self->batch_list, i));
  return n;
}

guint32
elect_journal_get_pending (const ElectJournal *self, guint index)
{
  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->batch_list->len; i++)
    {
      const Batch *b = g_ptr_array_index (self->batch_list, i);
      if (batch_pending (b) && index-- == 0)
        return b->batch;
    }
  g_return_val_if_reached (0);
}

const char *
elect_journal_get_head (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->head_text;
}

const char *
elect_journal_get_paper_digest (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->paper_digest;
}

const char *
elect_journal_get_label (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

const char *
elect_journal_get_recovery (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->recovery;
}

gint64
elect_journal_get_dropped_bytes (const ElectJournal *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->dropped;
}

/* ---- export ---------------------------------------------------------------- */

static int
cmp_payload (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
elect_journal_export (const ElectJournal *self, const char *template_path, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (template_path != NULL, NULL);
  if (self->paper == NULL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: the journal was opened without its paper: it cannot be exported"),
                   self->origin);
      return NULL;
    }
  g_autoptr (ElectElection) tmpl = elect_election_read_file (template_path, error);
  if (tmpl == NULL)
    return NULL;
  g_autofree char *digest = elect_audit_digest_paper (elect_election_get_paper (tmpl));
  if (strcmp (digest, self->paper_digest) != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: the template is of another ballot paper than the journal"),
                   template_path);
      return NULL;
    }
  if (elect_tally_is_sheet (elect_election_get_tally (tmpl)) || elect_election_get_n_ballots (tmpl))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: a template must have \"ballots\": [] (no ballots, no totals)"),
                   template_path);
      return NULL;
    }
  if (self->content == K_SHEET && self->counted->len == 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: no tally sheet is counted yet"), self->origin);
      return NULL;
    }
  g_autofree char *text = NULL;
  gsize text_len = 0;
  g_autoptr (GError) e = NULL;
  if (!g_file_get_contents (template_path, &text, &text_len, &e))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_IO, "%s", e->message);
      return NULL;
    }
  g_autoptr (JsonNode) root = elect_json_parse (text, text_len, template_path, 64, error);
  if (root == NULL)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  GString *out = g_string_new ("{\n");
  GList *members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      if (strcmp (name, "ballots") == 0 || strcmp (name, "totals") == 0)
        continue;
      g_string_append (out, "  ");
      elect_canon_append_string (out, name);
      g_string_append (out, ": ");
      elect_canon_append (out, json_object_get_member (o, name), TRUE, 1);
      g_string_append (out, ",\n");
    }
  g_list_free (members);
  if (self->content == K_SHEET)
    {
      const Rec *r = &g_array_index (self->recs, Rec, g_array_index (self->counted, guint, 0));
      g_string_append_printf (out, "  \"totals\": %s\n}\n", r->payload);
    }
  else
    {
      /* Sorted: the file tells nothing about the order of entry. */
      g_autoptr (GPtrArray) p = g_ptr_array_sized_new (self->counted->len);
      for (guint i = 0; i < self->counted->len; i++)
        g_ptr_array_add (p, g_array_index (self->recs, Rec,
                                           g_array_index (self->counted, guint, i)).payload);
      g_ptr_array_sort (p, cmp_payload);
      g_string_append (out, "  \"ballots\": [");
      for (guint i = 0; i < p->len; i++)
        g_string_append_printf (out, "%s\n    %s", i ? "," : "", (const char *) g_ptr_array_index (p, i));
      g_string_append (out, p->len ? "\n  ]\n}\n" : "]\n}\n");
    }
  /* The export must read back as an election of the same paper. */
  g_autofree char *dir = g_path_get_dirname (template_path);
  g_autoptr (ElectElection) back = elect_election_read_data (out->str, (gssize) out->len,
                                                             template_path, dir, error);
  if (back == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
