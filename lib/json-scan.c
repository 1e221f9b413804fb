/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The streaming JSON scanner: see json-scan-private.h. */
#include "config.h"

#include "json-scan-private.h"
#include "i18n-private.h"
#include "elect/elect.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

const guint8 js_ws_table[256] = {
  [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

/* Bytes that end the fast scan of a string: the quote, the backslash, the
 * control characters (the NUL sentinel among them). */
static const guint8 js_str_stop[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
  [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
  [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
  [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
  [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
  [0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1,
};

static void
js_init_common (JScan *s, gsize cap)
{
  memset (s, 0, sizeof *s);
  s->cap = cap;
  /* only the sentinel and the padding need zeros until the first fill
   * (every fill writes them after what it read) */
  s->buf = g_malloc (s->cap + 1 + JS_PAD);
  memset (s->buf, 0, 1 + JS_PAD);
  s->p = s->end = s->buf;
  s->sbuf = g_string_sized_new (256);
  s->err_code = -1;
}

void
js_init_fd (JScan *s, int fd)
{
  js_init_common (s, JS_BLOCK);
  s->fd = fd;
  s->seekable = lseek (fd, 0, SEEK_CUR) >= 0;
  if (s->seekable)
    s->src_off = lseek (fd, 0, SEEK_CUR);
  s->base = s->src_off;
}

void
js_init_memory (JScan *s, const void *data, gsize len)
{
  /* small documents get a small buffer (it grows for long tokens) */
  js_init_common (s, MIN (JS_BLOCK, MAX ((gsize) 256, len)));
  s->fd = -1;
  s->mem = data;
  s->mem_len = len;
  s->seekable = TRUE;
}

void
js_clear (JScan *s)
{
  g_free (s->buf);
  s->buf = NULL;
  if (s->sbuf)
    g_string_free (s->sbuf, TRUE);
  s->sbuf = NULL;
  g_clear_pointer (&s->err_msg, g_free);
}

static gboolean
js_failv (JScan *s, gint64 off, int code, const char *fmt, va_list ap)
{
  if (s->err_code >= 0)
    return FALSE;   /* keep the first failure */
  s->err_code = code;
  s->err_off = off;
  s->err_msg = g_strdup_vprintf (fmt, ap);
  return FALSE;
}

gboolean
js_fail_off (JScan *s, gint64 off, int code, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  js_failv (s, off, code, fmt, ap);
  va_end (ap);
  return FALSE;
}

gboolean
js_fail (JScan *s, const guchar *at, int code, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  js_failv (s, js_offset (s, at), code, fmt, ap);
  va_end (ap);
  return FALSE;
}

/* Counts lines and the column (in characters) over bytes. */
static void
js_count_lines (const guchar *b, gsize n, gint64 *lines, gint64 *col)
{
  const guchar *last = NULL;
  for (const guchar *q = b, *e = b + n; q < e;)
    {
      const guchar *nl = memchr (q, '\n', (gsize) (e - q));
      if (nl == NULL)
        break;
      (*lines)++;
      last = nl;
      q = nl + 1;
    }
  const guchar *from = last ? last + 1 : b;
  if (last)
    *col = 0;
  for (const guchar *q = from; q < b + n; q++)
    if ((*q & 0xc0) != 0x80)
      (*col)++;
}

gboolean
js_fill (JScan *s, const guchar **keep)
{
  if (s->eof)
    return FALSE;
  const guchar *from = keep ? *keep : s->p;
  gsize kept = (gsize) (s->end - from);
  gsize dropped = (gsize) (from - s->buf);
  if (!s->seekable && dropped > 0)
    js_count_lines (s->buf, dropped, &s->lines_before, &s->col_before);
  if (dropped > 0 && kept > 0)
    memmove (s->buf, from, kept);
  s->base += (gint64) dropped;
  if (kept >= s->cap / 2)
    {
      /* a long token: grow, bounded by the longest string accepted */
      if (s->cap >= JS_BLOCK + 2 * JS_STRING_MAX)
        return js_fail_off (s, s->base, ELECT_ERROR_LIMIT,
                            _("a token longer than %u bytes"), (unsigned) JS_STRING_MAX);
      s->cap *= 2;
      s->buf = g_realloc (s->buf, s->cap + 1 + JS_PAD);
    }
  gsize room = s->cap - kept;
  gssize got;
  if (s->fd >= 0)
    {
      do
        got = read (s->fd, s->buf + kept, room);
      while (got < 0 && errno == EINTR);
      if (got < 0)
        {
          int e = errno;
          s->end = s->buf + kept;
          s->buf[kept] = 0;
          s->p = s->buf + (s->p - from);
          if (keep)
            *keep = s->buf;
          return js_fail_off (s, s->base + (gint64) kept, ELECT_ERROR_IO,
                              _("cannot read: %s"), g_strerror (e));
        }
    }
  else
    {
      gsize left = s->mem_len - (gsize) s->src_off;
      got = (gssize) MIN (left, room);
      memcpy (s->buf + kept, s->mem + s->src_off, (gsize) got);
    }
  s->src_off += got;
  if (got == 0)
    s->eof = TRUE;
  s->p = s->buf + (s->p - from);
  if (keep)
    *keep = s->buf;
  s->end = s->buf + kept + (gsize) got;
  memset ((guchar *) s->end, 0, 1 + JS_PAD);
  return got > 0;
}

int
js_peek_slow (JScan *s)
{
  for (;;)
    {
      while (s->p < s->end && js_ws_table[*s->p])
        s->p++;
      if (s->p < s->end)
        return *s->p;
      if (!js_fill (s, NULL))
        return s->err_code >= 0 ? -2 : -1;
    }
}

static const char *
js_describe (int c, char tmp[16])
{
  if (c == -1)
    return _("the end of the input");
  if (c < 0)
    return _("a read error");
  if (c == '"')
    return _("a string");
  if (c == '{')
    return _("an object");
  if (c == '[')
    return _("an array");
  if (c == '-' || (c >= '0' && c <= '9'))
    return _("a number");
  if (c == 't' || c == 'f')
    return _("true or false");
  if (c == 'n')
    return "null";
  if (c >= 0x21 && c < 0x7f)
    g_snprintf (tmp, 16, "'%c'", c);
  else
    g_snprintf (tmp, 16, "byte 0x%02x", (unsigned) c);
  return tmp;
}

gboolean
js_expect (JScan *s, char c, const char *what)
{
  int n = js_peek (s);
  if (n == c)
    {
      s->p++;
      return TRUE;
    }
  if (n == -2)
    return FALSE;
  char tmp[16];
  return js_fail (s, s->p, n == -1 ? ELECT_ERROR_PARSE : ELECT_ERROR_PARSE,
                  _("expected %s, found %s"), what, js_describe (n, tmp));
}

static int
js_hex4 (const guchar *q)
{
  int v = 0;
  for (int i = 0; i < 4; i++)
    {
      int c = q[i], d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return -1;
      v = v * 16 + d;
    }
  return v;
}

gboolean
js_string_validate (JScan *s, const char *str, gsize len, gint64 at_off)
{
  const char *bad = NULL;
  if (g_utf8_validate_len (str, len, &bad))
    return TRUE;
  gsize where = (gsize) (bad - str);
  if (where < len && str[where] == '\0')
    return js_fail_off (s, at_off, ELECT_ERROR_PARSE, _("a NUL character in a string"));
  return js_fail_off (s, at_off, ELECT_ERROR_PARSE,
                      _("invalid UTF-8 in a string (byte %u of the string)"),
                      (unsigned) where + 1);
}

/* Decodes a string with escapes from @start (after the opening quote) into
 * s->sbuf; the whole raw string is in the buffer up to @close (its closing
 * quote). */
static gboolean
js_decode (JScan *s, const guchar *start, const guchar *close)
{
  GString *o = s->sbuf;
  g_string_truncate (o, 0);
  for (const guchar *q = start; q < close;)
    {
      if (*q != '\\')
        {
          const guchar *r = q;
          while (r < close && *r != '\\')
            r++;
          g_string_append_len (o, (const char *) q, r - q);
          q = r;
          continue;
        }
      int c = q[1];
      switch (c)
        {
        case '"': g_string_append_c (o, '"'); q += 2; break;
        case '\\': g_string_append_c (o, '\\'); q += 2; break;
        case '/': g_string_append_c (o, '/'); q += 2; break;
        case 'b': g_string_append_c (o, '\b'); q += 2; break;
        case 'f': g_string_append_c (o, '\f'); q += 2; break;
        case 'n': g_string_append_c (o, '\n'); q += 2; break;
        case 'r': g_string_append_c (o, '\r'); q += 2; break;
        case 't': g_string_append_c (o, '\t'); q += 2; break;
        case 'u':
          {
            int u = close - q >= 6 ? js_hex4 (q + 2) : -1;
            if (u < 0)
              return js_fail (s, q, ELECT_ERROR_PARSE,
                              _("expected four hexadecimal digits after \\u"));
            q += 6;
            gunichar ch = (gunichar) u;
            if (u >= 0xd800 && u <= 0xdbff)
              {
                int lo = close - q >= 6 && q[0] == '\\' && q[1] == 'u' ? js_hex4 (q + 2) : -1;
                if (lo < 0xdc00 || lo > 0xdfff)
                  return js_fail (s, q - 6, ELECT_ERROR_PARSE,
                                  _("a high surrogate \\u%04X without its low surrogate"), (unsigned) u);
                ch = 0x10000 + (((gunichar) u - 0xd800) << 10) + ((gunichar) lo - 0xdc00);
                q += 6;
              }
            else if (u >= 0xdc00 && u <= 0xdfff)
              return js_fail (s, q - 6, ELECT_ERROR_PARSE,
                              _("a low surrogate \\u%04X without its high surrogate"), (unsigned) u);
            if (ch == 0)
              return js_fail (s, q - 6, ELECT_ERROR_PARSE, _("a NUL character in a string"));
            g_string_append_unichar (o, ch);
            break;
          }
        default:
          return js_fail (s, q, ELECT_ERROR_PARSE, _("an invalid escape sequence in a string"));
        }
    }
  return TRUE;
}

gboolean
js_string (JScan *s, const char **out, gsize *len, gboolean *raw)
{
  const guchar *start = s->p;   /* the opening quote */
  const guchar *q = start + 1;
  gboolean escaped = FALSE;
  for (;;)
    {
      /* 8 bytes at a time: stop at '"', '\\' or a byte below 0x20 (the
       * sentinel among them); the buffer is padded so the loads stay in it */
      for (;;)
        {
          guint64 w;
          memcpy (&w, q, 8);
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64 xq = w ^ (ones * '"'), xb = w ^ (ones * '\\');
          guint64 hit = ((xq - ones) & ~xq) | ((xb - ones) & ~xb) | ((w - ones * 0x20) & ~w);
          hit &= high;
          if (hit)
            {
              q += __builtin_ctzll (hit) >> 3;
              break;
            }
          q += 8;
        }
      while (!js_str_stop[*q])
        q++;
      if (*q == '"')
        break;
      if (*q == '\\')
        {
          escaped = TRUE;
          if (q + 1 < s->end)
            {
              q += 2;
              continue;
            }
        }
      else if (q < s->end)
        return js_fail (s, q, ELECT_ERROR_PARSE,
                        _("a control character (byte 0x%02x) in a string: escape it"), (unsigned) *q);
      /* the end of the buffer: read on, keeping the string */
      gsize off = (gsize) (q - start);
      if ((gsize) (q - start) > JS_STRING_MAX)
        return js_fail (s, start, ELECT_ERROR_LIMIT,
                        _("a string longer than %u bytes"), (unsigned) JS_STRING_MAX);
      if (!js_fill (s, &start))
        {
          if (s->err_code < 0)
            js_fail (s, start, ELECT_ERROR_PARSE, _("a string that never ends (truncated input)"));
          return FALSE;
        }
      q = start + off;
    }
  if ((gsize) (q - start - 1) > JS_STRING_MAX)
    return js_fail (s, start, ELECT_ERROR_LIMIT,
                    _("a string longer than %u bytes"), (unsigned) JS_STRING_MAX);
  s->p = q + 1;
  if (!escaped)
    {
      *out = (const char *) start + 1;
      *len = (gsize) (q - start - 1);
      *raw = TRUE;
      return TRUE;
    }
  if (!js_decode (s, start + 1, q))
    return FALSE;
  if (!js_string_validate (s, s->sbuf->str, s->sbuf->len, js_offset (s, start)))
    return FALSE;
  *out = s->sbuf->str;
  *len = s->sbuf->len;
  *raw = FALSE;
  return TRUE;
}

/* The current byte, reading on when the buffer is exhausted; -1 at the end. */
static int
js_cur (JScan *s)
{
  if (s->p < s->end)
    return *s->p;
  if (!js_fill (s, NULL))
    return -1;
  return *s->p;
}

gboolean
js_number (JScan *s, JsNumber *out)
{
  gint64 start = js_offset (s, s->p);
  memset (out, 0, sizeof *out);
  out->integer = TRUE;
  int c = js_cur (s);
  guint64 mag = 0;
  if (c == '-')
    {
      out->negative = TRUE;
      s->p++;
      c = js_cur (s);
    }
  if (c < '0' || c > '9')
    return s->err_code >= 0 ? FALSE
      : js_fail_off (s, start, ELECT_ERROR_PARSE, _("a malformed number"));
  if (c == '0')
    {
      s->p++;
      c = js_cur (s);
      if (c >= '0' && c <= '9')
        return js_fail_off (s, start, ELECT_ERROR_PARSE, _("a number with a leading zero"));
    }
  else
    while (c >= '0' && c <= '9')
      {
        guint d = (guint) (c - '0');
        if (mag > (G_MAXUINT64 - d) / 10)
          out->overflow = TRUE;
        else
          mag = mag * 10 + d;
        s->p++;
        c = js_cur (s);
      }
  if (c == '.')
    {
      out->integer = FALSE;
      s->p++;
      c = js_cur (s);
      if (c < '0' || c > '9')
        return s->err_code >= 0 ? FALSE
          : js_fail_off (s, start, ELECT_ERROR_PARSE, _("a malformed number"));
      while (c >= '0' && c <= '9')
        {
          s->p++;
          c = js_cur (s);
        }
    }
  if (c == 'e' || c == 'E')
    {
      out->integer = FALSE;
      s->p++;
      c = js_cur (s);
      if (c == '+' || c == '-')
        {
          s->p++;
          c = js_cur (s);
        }
      if (c < '0' || c > '9')
        return s->err_code >= 0 ? FALSE
          : js_fail_off (s, start, ELECT_ERROR_PARSE, _("a malformed number"));
      while (c >= '0' && c <= '9')
        {
          s->p++;
          c = js_cur (s);
        }
    }
  if (s->err_code >= 0)
    return FALSE;
  if (!out->overflow && mag > (guint64) G_MAXINT64)
    out->overflow = TRUE;
  out->value = out->overflow ? 0 : (out->negative ? -(gint64) mag : (gint64) mag);
  return TRUE;
}

gboolean
js_literal (JScan *s, int *out)
{
  static const struct { const char *word; int value; } words[] = {
    { "true", 1 }, { "false", 0 }, { "null", -1 },
  };
  gint64 start = js_offset (s, s->p);
  int c = js_cur (s);
  for (unsigned i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (c != words[i].word[0])
        continue;
      for (const char *w = words[i].word; *w; w++)
        {
          if (js_cur (s) != *w)
            return s->err_code >= 0 ? FALSE
              : js_fail_off (s, start, ELECT_ERROR_PARSE, _("expected %s"), words[i].word);
          s->p++;
        }
      *out = words[i].value;
      return TRUE;
    }
  return js_fail_off (s, start, ELECT_ERROR_PARSE, _("expected a value"));
}

gboolean
js_skip_value (JScan *s, guint depth)
{
  /* An explicit stack of open containers: '{' or '['. */
  char stack[JS_DEPTH_MAX + 1];
  guint top = 0;
  char tmp[16];
  gboolean need_value = TRUE;
  for (;;)
    {
      int c = js_peek (s);
      if (c == -2)
        return FALSE;
      if (need_value)
        {
          const char *str;
          gsize len;
          gboolean raw;
          JsNumber num;
          int lit;
          switch (c)
            {
            case '"':
              if (!js_string_fast (s, &str, &len, &raw))
                return FALSE;
              if (raw && !js_string_validate (s, str, len, js_offset (s, s->p) - (gint64) len - 2))
                return FALSE;
              break;
            case '{':
            case '[':
              if (depth + top >= JS_DEPTH_MAX)
                return js_fail (s, s->p, ELECT_ERROR_LIMIT,
                                _("nested deeper than %u levels"), (unsigned) JS_DEPTH_MAX);
              stack[top++] = (char) c;
              s->p++;
              c = js_peek (s);
              if (c == -2)
                return FALSE;
              if (c == (stack[top - 1] == '{' ? '}' : ']'))
                {
                  s->p++;
                  top--;
                  break;
                }
              if (stack[top - 1] == '{')
                {
                  if (c != '"')
                    return js_fail (s, s->p, ELECT_ERROR_PARSE,
                                    _("expected %s, found %s"), _("a member name"), js_describe (c, tmp));
                  if (!js_string_fast (s, &str, &len, &raw))
                    return FALSE;
                  if (raw && !js_string_validate (s, str, len, js_offset (s, s->p) - (gint64) len - 2))
                    return FALSE;
                  if (!js_expect (s, ':', "':'"))
                    return FALSE;
                }
              continue;   /* a value follows */
            case 't':
            case 'f':
            case 'n':
              if (!js_literal (s, &lit))
                return FALSE;
              break;
            default:
              if (c == '-' || (c >= '0' && c <= '9'))
                {
                  if (!js_number (s, &num))
                    return FALSE;
                  break;
                }
              return js_fail (s, s->p, ELECT_ERROR_PARSE,
                              _("expected %s, found %s"), _("a value"), js_describe (c, tmp));
            }
        }
      /* after a value */
      if (top == 0)
        return TRUE;
      c = js_peek (s);
      if (c == -2)
        return FALSE;
      char close = stack[top - 1] == '{' ? '}' : ']';
      if (c == close)
        {
          s->p++;
          top--;
          need_value = FALSE;
          continue;
        }
      if (c != ',')
        return js_fail (s, s->p, ELECT_ERROR_PARSE, _("expected %s, found %s"),
                        close == '}' ? _("',' or '}'") : _("',' or ']'"), js_describe (c, tmp));
      s->p++;
      if (stack[top - 1] == '{')
        {
          c = js_peek (s);
          if (c == -2)
            return FALSE;
          if (c != '"')
            return js_fail (s, s->p, ELECT_ERROR_PARSE,
                            _("expected %s, found %s"), _("a member name"), js_describe (c, tmp));
          const char *str;
          gsize len;
          gboolean raw;
          if (!js_string_fast (s, &str, &len, &raw))
            return FALSE;
          if (raw && !js_string_validate (s, str, len, js_offset (s, s->p) - (gint64) len - 2))
            return FALSE;
          if (!js_expect (s, ':', "':'"))
            return FALSE;
        }
      need_value = TRUE;
    }
}

gboolean
js_seek (JScan *s, gint64 off)
{
  g_return_val_if_fail (s->seekable, FALSE);
  if (off >= s->base && off <= js_offset (s, s->end))
    {
      s->p = s->buf + (off - s->base);
      return TRUE;
    }
  if (s->fd >= 0 && lseek (s->fd, off, SEEK_SET) < 0)
    return js_fail_off (s, off, ELECT_ERROR_IO, _("cannot seek: %s"), g_strerror (errno));
  s->src_off = off;
  s->base = off;
  s->eof = FALSE;
  s->p = s->end = s->buf;
  memset (s->buf, 0, 1 + JS_PAD);
  return TRUE;
}

void
js_position (JScan *s, gint64 off, gint64 *line, gint64 *col)
{
  gint64 lines = 0, c = 0;
  if (s->fd < 0)
    js_count_lines (s->mem, (gsize) MIN ((guint64) off, s->mem_len), &lines, &c);
  else if (s->seekable)
    {
      guchar block[65536];
      gint64 at = 0;
      while (at < off)
        {
          gssize got = pread (s->fd, block, (gsize) MIN ((gint64) sizeof block, off - at), at);
          if (got <= 0)
            break;
          js_count_lines (block, (gsize) got, &lines, &c);
          at += got;
        }
    }
  else
    {
      lines = s->lines_before;
      c = s->col_before;
      if (off >= s->base && off <= js_offset (s, s->end))
        js_count_lines (s->buf, (gsize) (off - s->base), &lines, &c);
    }
  *line = lines + 1;
  *col = c + 1;
}

GError *
js_error_take (JScan *s, const char *origin, const char *path)
{
  gint64 line, col;
  int code = s->err_code >= 0 ? s->err_code : ELECT_ERROR_FAILED;
  js_position (s, s->err_off, &line, &col);
  GError *e = g_error_new (ELECT_ERROR, code, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": %s%s%s",
                           origin, line, col, path ? path : "", path ? ": " : "",
                           s->err_msg ? s->err_msg : _("unknown failure"));
  g_clear_pointer (&s->err_msg, g_free);
  s->err_code = -1;
  return e;
}
