/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Double registrations across rolls (VCL 13: a person registered in one
 * village may not vote in another), at the scale of a province.
 *
 * Each registration is 12 bytes: the ID number packed into 57 bits (the 17
 * digits as a number; the check character is implied) and a 32-bit place
 * index. Finding the numbers registered in two places is a grouping, not a
 * sort: the registrations are scattered into 4096 buckets by a hash of the
 * key (one parallel pass, per-thread histograms), then each bucket, which
 * fits in the L2 cache (~12 000 entries for 50 M), is radix-sorted on the
 * key (11-bit digits, passes where every key has the same digit skipped)
 * and scanned for runs of equal keys. Buckets are shared between threads
 * through an atomic counter. Memory: 24 bytes per registration (the array
 * and its scatter copy). The groups found are sorted by ID number before
 * they are reported, so the output does not depend on the thread count. */
#include "config.h"

#include <string.h>

#include "roll-private.h"
#include "i18n-private.h"

typedef struct __attribute__ ((packed)) {
  guint64 key;
  guint32 place;
} Reg;

G_STATIC_ASSERT (sizeof (Reg) == 12);

typedef struct {
  guint64 key;
  guint32 first;  /* offset in the places array */
  guint32 n;
} Group;

struct _ElectDedup {
  Reg *regs;
  gsize n, cap;
  GPtrArray *places;   /* char * */
  guint64 n_distinct;
};

#define BUCKET_BITS 12
#define N_BUCKETS (1u << BUCKET_BITS)
#define DIGIT_BITS 11
#define N_DIGITS 2048u
#define KEY_BITS 57

ElectDedup *
elect_dedup_new (void)
{
  ElectDedup *d = g_new0 (ElectDedup, 1);
  d->places = g_ptr_array_new_with_free_func (g_free);
  return d;
}

void
elect_dedup_free (ElectDedup *self)
{
  if (self == NULL)
    return;
  g_free (self->regs);
  g_ptr_array_unref (self->places);
  g_free (self);
}

void
elect_dedup_reserve (ElectDedup *self, gsize n)
{
  g_return_if_fail (self != NULL);
  if (n > self->cap)
    {
      self->regs = g_renew (Reg, self->regs, n);
      self->cap = n;
    }
}

guint32
elect_dedup_add_place (ElectDedup *self, const char *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, 0);
  g_ptr_array_add (self->places, g_strdup (name));
  return self->places->len - 1;
}

const char *
elect_dedup_get_place_name (const ElectDedup *self, guint32 place)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (place >= self->places->len)
    return "";
  return g_ptr_array_index (self->places, place);
}

guint64
elect_id_number_pack (const char *id)
{
  guint64 key = 0;
  char c;

  g_return_val_if_fail (id != NULL, G_MAXUINT64);
  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (id[i]))
        return G_MAXUINT64;
      key = key * 10 + (guint64) (id[i] - '0');
    }
  c = id[17] == 'x' ? 'X' : id[17];
  if (id[18] != '\0' || c != elect_id_number_check_character (id))
    return G_MAXUINT64;
  return key;
}

void
elect_id_number_unpack (guint64 key, char out_id[19])
{
  g_return_if_fail (out_id != NULL);
  for (int i = 16; i >= 0; i--)
    {
      out_id[i] = (char) ('0' + key % 10);
      key /= 10;
    }
  out_id[17] = elect_id_number_check_character (out_id);
  out_id[18] = '\0';
}

void
elect_dedup_add_key (ElectDedup *self, guint32 place, guint64 key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key < G_GUINT64_CONSTANT (100000000000000000));
  if (self->n == self->cap)
    elect_dedup_reserve (self, self->cap ? self->cap * 2 : 1024);
  self->regs[self->n].key = key;
  self->regs[self->n].place = place;
  self->n++;
}

gboolean
elect_dedup_add (ElectDedup *self, guint32 place, const char *id_number, GError **error)
{
  guint64 key;

  g_return_val_if_fail (self != NULL && id_number != NULL, FALSE);
  key = elect_id_number_pack (id_number);
  if (key == G_MAXUINT64)
    {
      /* Say what is wrong. */
      g_autoptr (GError) e = NULL;
      if (!elect_id_number_parse (id_number, -1, NULL, NULL, NULL, NULL, &e))
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, "%s", e->message);
      else
        g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                     _("ID number %s is not valid"), id_number);
      return FALSE;
    }
  elect_dedup_add_key (self, place, key);
  return TRUE;
}

guint32
elect_dedup_add_roll (ElectDedup *self, const ElectRoll *roll, const char *place_name)
{
  guint32 place;

  g_return_val_if_fail (self != NULL && roll != NULL && place_name != NULL, 0);
  place = elect_dedup_add_place (self, place_name);
  for (guint i = 0; i < roll->voters->len; i++)
    {
      const ElectVoter *v = g_ptr_array_index (roll->voters, i);
      const ElectEligibility *e = g_ptr_array_index (roll->verdicts, i);
      guint64 key;
      if (e->verdict != ELECT_VERDICT_REGISTERED)
        continue;
      key = elect_id_number_pack (v->id_number);
      if (key != G_MAXUINT64)
        elect_dedup_add_key (self, place, key);
    }
  return place;
}

guint64
elect_dedup_get_n_registrations (const ElectDedup *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

guint64
elect_dedup_get_n_distinct (const ElectDedup *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_distinct;
}

/* ---- the parallel grouping ------------------------------------------------------------ */

static inline guint
bucket_of (guint64 key)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - BUCKET_BITS));
}

typedef struct {
  ElectDedup *d;
  Reg *tmp;
  guint n_threads;
  gsize *hist;          /* n_threads * N_BUCKETS: counts, then write offsets */
  gsize bucket_start[N_BUCKETS + 1];
  gint next_bucket;     /* atomic */
  GArray **groups;      /* per thread: Group */
  GArray **places;      /* per thread: guint32 */
  guint64 *distinct;    /* per thread */
} Job;

typedef struct {
  Job *job;
  guint t;
  int phase;
} Work;

static void
phase_histogram (Job *job, guint t)
{
  gsize lo = job->d->n * t / job->n_threads, hi = job->d->n * (t + 1) / job->n_threads;
  gsize *h = job->hist + (gsize) t * N_BUCKETS;
  const Reg *r = job->d->regs;
  for (gsize i = lo; i < hi; i++)
    h[bucket_of (r[i].key)]++;
}

static void
phase_scatter (Job *job, guint t)
{
  gsize lo = job->d->n * t / job->n_threads, hi = job->d->n * (t + 1) / job->n_threads;
  gsize *h = job->hist + (gsize) t * N_BUCKETS;
  const Reg *r = job->d->regs;
  Reg *out = job->tmp;
  for (gsize i = lo; i < hi; i++)
    out[h[bucket_of (r[i].key)]++] = r[i];
}

static int
cmp_u32 (const void *a, const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* Sorts one bucket (ping-pong between the two arrays) and collects groups. */
static void
sort_bucket (Job *job, guint t, guint b, gsize *count /* N_DIGITS scratch */)
{
  gsize lo = job->bucket_start[b], n = job->bucket_start[b + 1] - lo;
  Reg *src = job->tmp + lo, *dst = job->d->regs + lo;
  GArray *groups = job->groups[t], *places = job->places[t];

  if (n == 0)
    return;
  for (guint shift = 0; shift < KEY_BITS; shift += DIGIT_BITS)
    {
      gsize sum = 0;
      memset (count, 0, N_DIGITS * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        count[(src[i].key >> shift) & (N_DIGITS - 1)]++;
      if (count[(src[0].key >> shift) & (N_DIGITS - 1)] == n)
        continue;   /* every key has this digit */
      for (guint k = 0; k < N_DIGITS; k++)
        {
          gsize c = count[k];
          count[k] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        dst[count[(src[i].key >> shift) & (N_DIGITS - 1)]++] = src[i];
      Reg *sw = src;
      src = dst;
      dst = sw;
    }

  /* Keep every registration in the finder's array, so it can run again. */
  if (src != job->d->regs + lo)
    {
      memcpy (job->d->regs + lo, src, n * sizeof (Reg));
      src = job->d->regs + lo;
    }

  /* Runs of equal keys in src. */
  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;
      while (j < n && src[j].key == src[i].key)
        j++;
      job->distinct[t]++;
      if (j - i > 1)
        {
          guint first = places->len, k_out;
          for (gsize k = i; k < j; k++)
            {
              guint32 p = src[k].place;
              g_array_append_val (places, p);
            }
          qsort (&g_array_index (places, guint32, first), j - i, sizeof (guint32), cmp_u32);
          k_out = first + 1;
          for (guint k = first + 1; k < places->len; k++)
            if (g_array_index (places, guint32, k) != g_array_index (places, guint32, k_out - 1))
              g_array_index (places, guint32, k_out++) = g_array_index (places, guint32, k);
          g_array_set_size (places, k_out);
          if (k_out - first >= 2)
            {
              Group g = { src[i].key, first, k_out - first };
              g_array_append_val (groups, g);
            }
          else
            g_array_set_size (places, first);
        }
      i = j;
    }
}

static void
phase_buckets (Job *job, guint t)
{
  g_autofree gsize *count = g_new (gsize, N_DIGITS);
  for (;;)
    {
      gint b = g_atomic_int_add (&job->next_bucket, 1);
      if (b >= (gint) N_BUCKETS)
        break;
      sort_bucket (job, t, (guint) b, count);
    }
}

static gpointer
worker (gpointer data)
{
  Work *w = data;
  switch (w->phase)
    {
    case 0: phase_histogram (w->job, w->t); break;
    case 1: phase_scatter (w->job, w->t); break;
    default: phase_buckets (w->job, w->t); break;
    }
  return NULL;
}

static void
run_phase (Job *job, int phase)
{
  GThread *threads[64];
  Work work[64];
  for (guint t = 0; t < job->n_threads; t++)
    {
      work[t].job = job;
      work[t].t = t;
      work[t].phase = phase;
      if (t > 0)
        threads[t] = g_thread_new ("elect-dedup", worker, &work[t]);
    }
  worker (&work[0]);
  for (guint t = 1; t < job->n_threads; t++)
    g_thread_join (threads[t]);
}

typedef struct {
  Group g;
  guint t;
} TGroup;

static int
cmp_tgroup (const void *a, const void *b)
{
  guint64 x = ((const TGroup *) a)->g.key, y = ((const TGroup *) b)->g.key;
  return x < y ? -1 : x > y;
}

guint64
elect_dedup_run (ElectDedup *self, guint n_threads, ElectDedupFunc func, gpointer user_data)
{
  Job job;
  gsize pos = 0;
  g_autofree TGroup *all = NULL;
  gsize n_groups = 0;

  g_return_val_if_fail (self != NULL, 0);

  self->n_distinct = 0;
  if (self->n == 0)
    return 0;
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, 64);
  if (self->n < 100000)
    n_threads = 1;

  memset (&job, 0, sizeof job);
  job.d = self;
  job.n_threads = n_threads;
  job.tmp = g_new (Reg, MAX (self->n, 1));
  job.hist = g_new0 (gsize, (gsize) n_threads * N_BUCKETS);
  job.groups = g_new (GArray *, n_threads);
  job.places = g_new (GArray *, n_threads);
  job.distinct = g_new0 (guint64, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      job.groups[t] = g_array_new (FALSE, FALSE, sizeof (Group));
      job.places[t] = g_array_new (FALSE, FALSE, sizeof (guint32));
    }

  run_phase (&job, 0);
  /* Offsets: bucket-major, thread-minor, so the scatter is stable. */
  for (guint b = 0; b < N_BUCKETS; b++)
    {
      job.bucket_start[b] = pos;
      for (guint t = 0; t < n_threads; t++)
        {
          gsize c = job.hist[(gsize) t * N_BUCKETS + b];
          job.hist[(gsize) t * N_BUCKETS + b] = pos;
          pos += c;
        }
    }
  job.bucket_start[N_BUCKETS] = pos;
  run_phase (&job, 1);
  run_phase (&job, 2);

  self->n_distinct = 0;
  for (guint t = 0; t < n_threads; t++)
    {
      self->n_distinct += job.distinct[t];
      n_groups += job.groups[t]->len;
    }
  all = g_new (TGroup, MAX (n_groups, 1));
  n_groups = 0;
  for (guint t = 0; t < n_threads; t++)
    for (guint i = 0; i < job.groups[t]->len; i++)
      {
        all[n_groups].g = g_array_index (job.groups[t], Group, i);
        all[n_groups].t = t;
        n_groups++;
      }
  qsort (all, n_groups, sizeof (TGroup), cmp_tgroup);
  if (func)
    for (gsize i = 0; i < n_groups; i++)
      {
        char id[19];
        elect_id_number_unpack (all[i].g.key, id);
        func (id, &g_array_index (job.places[all[i].t], guint32, all[i].g.first), all[i].g.n,
              user_data);
      }

  for (guint t = 0; t < n_threads; t++)
    {
      g_array_unref (job.groups[t]);
      g_array_unref (job.places[t]);
    }
  g_free (job.groups);
  g_free (job.places);
  g_free (job.distinct);
  g_free (job.hist);
  g_free (job.tmp);
  return n_groups;
}
