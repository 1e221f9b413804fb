/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A small, strict, streaming JSON scanner (RFC 8259) for the readers of
 * large files (the election reader's ballots).
 *
 * It is a pull scanner without a grammar of its own: the caller walks the
 * document (js_peek() for the next significant byte, js_string(),
 * js_number(), js_literal(), js_skip_value() for a whole value) and so
 * decides what it expects where. Input comes from a file descriptor or from
 * memory, always through one fixed-size buffer (JS_BLOCK bytes, grown only
 * to hold one long string token, up to JS_STRING_MAX): memory does not grow
 * with the document. The buffer always ends with a NUL sentinel, so the hot
 * loops test one table per byte and no bounds.
 *
 * Strings are returned raw (a pointer into the buffer, no copy) when they
 * have no escapes; then their UTF-8 is NOT yet validated, so a caller that
 * compares them with known valid names can skip validation on a match
 * (js_string_validate() otherwise). Strings with escapes are decoded (with
 * \u surrogate pairs) into a scratch buffer and validated.
 *
 * Failures are recorded in the scanner (code, byte offset, message without
 * a JSON path); the caller adds the path with js_error_take(). Line and
 * column of an offset are computed only when an error is reported: by
 * re-reading the source from the start when it is seekable (a file, memory),
 * or from counts kept while reading a pipe. Columns count characters. */
#pragma once

#include <glib.h>
#include <string.h>

#define JS_BLOCK ((gsize) 1 << 20)
#define JS_STRING_MAX ((gsize) 1 << 20)
#define JS_DEPTH_MAX 64
/* Zero bytes after the sentinel: word loads near the end stay in the buffer. */
#define JS_PAD 16

typedef struct {
  gint64 value;       /* the value when it is an integer that fits */
  gboolean integer;   /* no fraction, no exponent */
  gboolean overflow;  /* an integer beyond gint64 */
  gboolean negative;
} JsNumber;

typedef struct _JScan JScan;

struct _JScan {
  const guchar *p;     /* the next byte */
  const guchar *end;   /* end of buffered data; *end == 0 */
  guchar *buf;
  gsize cap;           /* allocated bytes of buf, sentinel excluded */
  gint64 base;         /* source offset of buf[0] */

  int fd;              /* -1 for memory */
  const guchar *mem;
  gsize mem_len;
  gint64 src_off;      /* source offset of the next byte to read */
  gboolean eof;
  gboolean seekable;

  /* pipes: lines and column (characters) of the data before base */
  gint64 lines_before;
  gint64 col_before;

  GString *sbuf;       /* decoded strings with escapes */

  /* the first failure */
  int err_code;        /* ElectError, or -1 when none */
  gint64 err_off;
  char *err_msg;
};

/* Whitespace per RFC 8259. */
extern const guint8 js_ws_table[256];

void js_init_fd (JScan *s, int fd);
void js_init_memory (JScan *s, const void *data, gsize len);
void js_clear (JScan *s);

/* Refills when the buffer is exhausted; returns FALSE on EOF or error
 * (err_code set on error). Keeps bytes from *keep on (adjusting it). */
gboolean js_fill (JScan *s, const guchar **keep);

/* Records a failure at @at (a pointer into the buffer). Always FALSE. */
gboolean js_fail (JScan *s, const guchar *at, int code, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
gboolean js_fail_off (JScan *s, gint64 off, int code, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

/* The source offset of a buffer pointer. */
static inline gint64
js_offset (const JScan *s, const guchar *at)
{
  return s->base + (at - s->buf);
}

int js_peek_slow (JScan *s);

/* Skips whitespace; returns the next byte (not consumed), or -1 at the end
 * of input, or -2 on a read error (recorded). */
static inline int
js_peek (JScan *s)
{
  const guchar *p = s->p;
  while (js_ws_table[*p])
    p++;
  s->p = p;
  if (G_UNLIKELY (p == s->end))
    return js_peek_slow (s);
  return *p;
}

/* Expects byte @c next (after whitespace) and consumes it. */
gboolean js_expect (JScan *s, char c, const char *what);

/* A string at s->p (which must be '"'). *out and *len: the content, valid until
 * the next scanner call; *raw TRUE when it was taken without decoding (then
 * not yet UTF-8 validated). */
gboolean js_string (JScan *s, const char **out, gsize *len, gboolean *raw);
/* js_string() with the common case inline: a string without escapes that
 * is whole in the buffer (8 bytes at a time: stop at '"', '\\' or a byte
 * below 0x20, the NUL sentinel among them; the buffer is padded so the word
 * loads stay in it). Anything else goes to js_string(). */
static inline gboolean
js_string_fast (JScan *s, const char **out, gsize *len, gboolean *raw)
{
  const guchar *q = s->p + 1;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  for (;;)
    {
      guint64 w;
      memcpy (&w, q, 8);
      guint64 xq = w ^ (ones * '"'), xb = w ^ (ones * '\\');
      guint64 hit = (((xq - ones) & ~xq) | ((xb - ones) & ~xb) | ((w - ones * 0x20) & ~w))
                    & (ones * 0x80);
      if (hit)
        {
          q += __builtin_ctzll (hit) >> 3;
          break;
        }
      q += 8;
    }
  gsize n = (gsize) (q - s->p - 1);
  if (G_LIKELY (*q == '"' && n <= JS_STRING_MAX))
    {
      *out = (const char *) s->p + 1;
      *len = n;
      *raw = TRUE;
      s->p = q + 1;
      return TRUE;
    }
  return js_string (s, out, len, raw);
}

/* Validates a raw string's UTF-8 (no NUL); on failure records an error at
 * @at_off. */
gboolean js_string_validate (JScan *s, const char *str, gsize len, gint64 at_off);

/* A number at s->p. */
gboolean js_number (JScan *s, JsNumber *out);
/* true / false / null at s->p: *out 1, 0 or -1. */
gboolean js_literal (JScan *s, int *out);
/* Skips one whole value (validating its syntax) at depth @depth. */
gboolean js_skip_value (JScan *s, guint depth);

/* Rewinds a seekable source to @off (an offset at a token boundary). */
gboolean js_seek (JScan *s, gint64 off);

/* Line and column (1-based, characters) of a source offset. */
void js_position (JScan *s, gint64 off, gint64 *line, gint64 *col);

/* After a failure: the message as "ORIGIN:LINE:COL: PATH: MSG" in a new
 * GError (path may be NULL); clears the recorded failure. */
GError *js_error_take (JScan *s, const char *origin, const char *path);
