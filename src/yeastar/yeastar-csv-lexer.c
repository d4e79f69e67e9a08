/* yeastar-csv-lexer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-csv-lexer.h"
#include "yeastar-report-file.h"

/*
 * The byte level of a report file: reads the stream in blocks of up to
 * 256 KiB,
 * turns them into UTF-8 as they come (UTF-8 with or without a BOM, UTF-16
 * with a BOM, or Windows-1252 when the start is not UTF-8), and cuts the
 * text into records of cells.
 *
 * CSV as spreadsheets write it (RFC 4180, leniently): a field that starts
 * with '"' runs to the next lone '"' and may hold separators, newlines and
 * doubled quotes; a quote elsewhere is a character; CRLF, LF or a lone CR
 * ends a record. Nothing is ever fatal but size: a NUL or an invalid byte
 * becomes U+FFFD, a quote left open at the end of the file ends there
 * (yeastar_csv_lexer_is_truncated()), and a record over 16 MiB or 4,096
 * cells is an error rather than the whole file in memory.
 *
 * The inner loops look each byte up in a table of the few bytes that
 * matter (separator, quote, CR, LF, NUL) and copy the runs between them
 * with one memcpy into the record's buffer; nothing is allocated per cell.
 */

/* Blocks start small (a small file costs little) and double up to 256 KiB. */
#define FIRST_READ_SIZE (16 * 1024)
#define READ_SIZE       (256 * 1024)
#define SNIFF_SIZE      FIRST_READ_SIZE
#define SNIFF_LINES     64

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,
} State;

struct _YeastarCsvLexer
{
  GInputStream          *stream;

  /* Raw bytes: raw[raw_used..raw_len) are not decoded yet. */
  guint8                *raw;
  gsize                  raw_cap;
  gsize                  raw_len;
  gsize                  raw_used;
  gboolean               eof;
  guint64                bytes_read;

  /* The decoded block being cut: text[pos..text_len). */
  char                  *decoded;
  const char            *text;
  gsize                  text_len;
  gsize                  pos;

  YeastarReportEncoding  encoding;
  char                   separator;
  gboolean               started;

  /* The record being built. */
  State                  state;
  gboolean               in_record;
  gboolean               skip_lf;
  gboolean               truncated;
  guint64                line;
  guint64                record_line;
  char                  *rec;
  gsize                  rec_len;
  gsize                  rec_cap;
  guint32               *starts;
  guint                  starts_cap;
  guint                  n_cells;

  guint8                 plain[256];
  guint8                 quoted[256];
};

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined are kept
 * as the C1 controls of the same value, as browsers do. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

YeastarCsvLexer *
yeastar_csv_lexer_new (GInputStream *stream)
{
  YeastarCsvLexer *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (YeastarCsvLexer, 1);
  self->stream = g_object_ref (stream);
  self->raw_cap = FIRST_READ_SIZE;
  self->raw = g_malloc (self->raw_cap + 8);
  self->separator = ',';
  self->line = 1;
  self->rec_cap = 4096;
  self->rec = g_malloc (self->rec_cap);
  self->starts_cap = 64;
  self->starts = g_new (guint32, self->starts_cap);

  return self;
}

void
yeastar_csv_lexer_free (YeastarCsvLexer *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_free (self->raw);
  g_free (self->decoded);
  g_free (self->rec);
  g_free (self->starts);
  g_free (self);
}

YeastarReportEncoding
yeastar_csv_lexer_get_encoding (YeastarCsvLexer *self)
{
  return self->encoding;
}

char
yeastar_csv_lexer_get_separator (YeastarCsvLexer *self)
{
  return self->separator;
}

guint64
yeastar_csv_lexer_get_bytes_read (YeastarCsvLexer *self)
{
  return self->bytes_read;
}

gboolean
yeastar_csv_lexer_is_truncated (YeastarCsvLexer *self)
{
  return self->truncated;
}

/* Reads once into raw after what is left of the last block. */
static gboolean
read_more (YeastarCsvLexer  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  gssize n;

  if (self->eof || self->raw_len >= self->raw_cap)
    return TRUE;

  n = g_input_stream_read (self->stream, self->raw + self->raw_len, self->raw_cap - self->raw_len,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->raw_len += (gsize) n;
  self->bytes_read += (guint64) n;

  return TRUE;
}

static char *
ensure_decoded (YeastarCsvLexer *self)
{
  /* At most 3 bytes of UTF-8 for each byte in. */
  if (self->decoded == NULL)
    self->decoded = g_malloc (3 * (self->raw_cap + 8) + 16);
  return self->decoded;
}

static inline gboolean
is_ascii (const guint8 *p,
          gsize         n)
{
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 word;

      memcpy (&word, p + i, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < n; i++)
    if (p[i] & 0x80)
      return FALSE;

  return TRUE;
}

/* Where an incomplete UTF-8 sequence at the end of p[0..n) starts; n if
 * there is none. */
static gsize
utf8_boundary (const guint8 *p,
               gsize         n)
{
  for (gsize back = 1; back <= 4 && back <= n; back++)
    {
      guint8 c = p[n - back];
      gsize need;

      if ((c & 0xC0) == 0x80)
        continue;
      if (c < 0x80)
        return n;
      need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
      return back < need ? n - back : n;
    }

  return n;
}

static gsize
put_unichar (char     *out,
             gunichar  c)
{
  return (gsize) g_unichar_to_utf8 (c, out);
}

/* Decodes raw[raw_used..raw_len) into text, keeping an incomplete
 * character for the next block unless at the end of the file. */
static void
decode (YeastarCsvLexer *self)
{
  const guint8 *in = self->raw + self->raw_used;
  gsize avail = self->raw_len - self->raw_used;
  gsize used = 0;
  gsize out_len = 0;
  char *out;

  switch (self->encoding)
    {
    case YEASTAR_REPORT_ENCODING_UTF8:
    case YEASTAR_REPORT_ENCODING_UTF8_BOM:
      {
        gsize boundary = self->eof ? avail : utf8_boundary (in, avail);
        const char *bad;

        used = boundary;
        if (is_ascii (in, boundary) || g_utf8_validate_len ((const char *) in, boundary, NULL))
          {
            self->text = (const char *) in;
            self->text_len = boundary;
            break;
          }

        /* Invalid bytes: each one becomes U+FFFD. */
        out = ensure_decoded (self);
        for (gsize i = 0; i < boundary;)
          {
            g_utf8_validate_len ((const char *) in + i, boundary - i, &bad);
            memcpy (out + out_len, in + i, (gsize) ((const guint8 *) bad - (in + i)));
            out_len += (gsize) ((const guint8 *) bad - (in + i));
            i = (gsize) ((const guint8 *) bad - in);
            if (i < boundary)
              {
                out_len += put_unichar (out + out_len, 0xFFFD);
                i++;
              }
          }
        self->text = out;
        self->text_len = out_len;
      }
      break;

    case YEASTAR_REPORT_ENCODING_UTF16LE:
    case YEASTAR_REPORT_ENCODING_UTF16BE:
      {
        gboolean le = self->encoding == YEASTAR_REPORT_ENCODING_UTF16LE;

        out = ensure_decoded (self);
        while (used + 1 < avail)
          {
            gunichar u = le ? (gunichar) (in[used] | in[used + 1] << 8) : (gunichar) (in[used] << 8 | in[used + 1]);

            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (used + 3 >= avail)
                  {
                    if (!self->eof)
                      break;
                    out_len += put_unichar (out + out_len, 0xFFFD);
                    used += 2;
                    continue;
                  }
                low = le ? (gunichar) (in[used + 2] | in[used + 3] << 8) : (gunichar) (in[used + 2] << 8 | in[used + 3]);
                if (low >= 0xDC00 && low <= 0xDFFF)
                  {
                    out_len += put_unichar (out + out_len, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    used += 4;
                  }
                else
                  {
                    out_len += put_unichar (out + out_len, 0xFFFD);
                    used += 2;
                  }
                continue;
              }
            if (u >= 0xDC00 && u <= 0xDFFF)
              u = 0xFFFD;
            if (u < 0x80)
              out[out_len++] = (char) u;
            else
              out_len += put_unichar (out + out_len, u);
            used += 2;
          }
        /* An odd byte at the very end. */
        if (self->eof && used < avail)
          {
            out_len += put_unichar (out + out_len, 0xFFFD);
            used = avail;
          }
        self->text = out;
        self->text_len = out_len;
      }
      break;

    case YEASTAR_REPORT_ENCODING_WINDOWS_1252:
    default:
      out = ensure_decoded (self);
      for (; used < avail; used++)
        {
          guint8 c = in[used];

          if (c < 0x80)
            out[out_len++] = (char) c;
          else if (c < 0xA0)
            out_len += put_unichar (out + out_len, cp1252_high[c - 0x80]);
          else
            out_len += put_unichar (out + out_len, c);
        }
      self->text = out;
      self->text_len = out_len;
      break;
    }

  self->raw_used += used;
  self->pos = 0;
}

/* Moves what is left to the front, reads the next block and decodes it. */
static gboolean
refill (YeastarCsvLexer  *self,
        GCancellable     *cancellable,
        GError          **error)
{
  gsize carry = self->raw_len - self->raw_used;

  memmove (self->raw, self->raw + self->raw_used, carry);
  self->raw_len = carry;
  self->raw_used = 0;
  self->text_len = 0;
  self->pos = 0;

  /* The last block has been cut: the buffers may grow. */
  if (self->raw_cap < READ_SIZE)
    {
      self->raw_cap *= 2;
      self->raw = g_realloc (self->raw, self->raw_cap + 8);
      g_clear_pointer (&self->decoded, g_free);
    }

  if (!read_more (self, cancellable, error))
    return FALSE;

  decode (self);
  return TRUE;
}

/* UTF-8 when valid, or when its valid multi-byte characters outnumber
 * the invalid bytes (a UTF-8 file with a stray byte); Windows-1252 text
 * has almost no valid multi-byte sequences. */
static gboolean
looks_like_utf8 (const guint8 *p,
                 gsize         n)
{
  gsize valid = 0;
  gsize invalid = 0;
  const char *end;

  for (gsize i = 0; i < n;)
    {
      if (g_utf8_validate_len ((const char *) p + i, n - i, &end))
        {
          for (gsize k = i; k < n; k++)
            valid += (p[k] & 0xC0) == 0xC0;
          break;
        }
      for (gsize k = i; k < (gsize) ((const guint8 *) end - p); k++)
        valid += (p[k] & 0xC0) == 0xC0;
      i = (gsize) ((const guint8 *) end - p) + 1;
      /* A NUL stops the validator but is no sign of another encoding. */
      invalid += *end != '\0';
    }

  return invalid == 0 || valid > invalid;
}

static YeastarReportEncoding
detect_encoding (const guint8 *p,
                 gsize         n,
                 gboolean      eof,
                 gsize        *bom)
{
  gsize odd_zeros = 0;
  gsize even_zeros = 0;
  gsize sample = MIN (n, 1024) & ~(gsize) 1;

  *bom = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      *bom = 3;
      return YEASTAR_REPORT_ENCODING_UTF8_BOM;
    }
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
    {
      *bom = 2;
      return YEASTAR_REPORT_ENCODING_UTF16LE;
    }
  if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
    {
      *bom = 2;
      return YEASTAR_REPORT_ENCODING_UTF16BE;
    }

  /* UTF-16 without a BOM: mostly ASCII text, so every other byte is 0. */
  for (gsize i = 0; i < sample; i += 2)
    {
      even_zeros += p[i] == 0;
      odd_zeros += p[i + 1] == 0;
    }
  if (sample >= 8 && odd_zeros * 10 >= sample / 2 * 7 && even_zeros * 20 < sample / 2)
    return YEASTAR_REPORT_ENCODING_UTF16LE;
  if (sample >= 8 && even_zeros * 10 >= sample / 2 * 7 && odd_zeros * 20 < sample / 2)
    return YEASTAR_REPORT_ENCODING_UTF16BE;

  return looks_like_utf8 (p, eof ? n : utf8_boundary (p, n)) ? YEASTAR_REPORT_ENCODING_UTF8
                                                               : YEASTAR_REPORT_ENCODING_WINDOWS_1252;
}

/* The candidate with the most lines sharing one non-zero count of it
 * (outside quotes) among the first lines; ',' when none is found. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[SNIFF_LINES][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  guint best_freq = 0;
  guint best_count = 0;
  char best = ',';

  len = MIN (len, SNIFF_SIZE);
  for (gsize i = 0; i < len && n_lines < SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        n_lines++;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[n_lines][k]++;
    }
  if (n_lines < SNIFF_LINES)
    n_lines++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      for (guint a = 0; a < n_lines; a++)
        {
          guint freq = 0;

          if (counts[a][k] == 0)
            continue;
          for (guint b = 0; b < n_lines; b++)
            freq += counts[b][k] == counts[a][k];
          if (freq > best_freq || (freq == best_freq && counts[a][k] > best_count))
            {
              best_freq = freq;
              best_count = counts[a][k];
              best = candidates[k];
            }
        }
    }

  return best;
}

static void
set_tables (YeastarCsvLexer *self)
{
  memset (self->plain, 0, sizeof self->plain);
  memset (self->quoted, 0, sizeof self->quoted);
  self->plain[(guint8) self->separator] = 1;
  self->plain['"'] = 1;
  self->plain['\n'] = 1;
  self->plain['\r'] = 1;
  self->plain[0] = 1;
  self->quoted['"'] = 1;
  self->quoted['\n'] = 1;
  self->quoted[0] = 1;
}

/**
 * yeastar_csv_lexer_start:
 *
 * Reads the first block and detects the encoding and the separator. A
 * first line "sep=;" (as Excel writes it) sets the separator and is
 * skipped; only a tab or a printable ASCII character other than '"' is
 * taken, as a byte of a multi-byte character would cut characters apart.
 */
gboolean
yeastar_csv_lexer_start (YeastarCsvLexer  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  gsize bom;
  const char *text;

  g_return_val_if_fail (!self->started, FALSE);
  self->started = TRUE;

  while (!self->eof && self->raw_len < SNIFF_SIZE)
    if (!read_more (self, cancellable, error))
      return FALSE;

  self->encoding = detect_encoding (self->raw, self->raw_len, self->eof, &bom);
  self->raw_used = bom;
  decode (self);

  text = self->text;
  if (self->text_len >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      (self->text_len == 5 || text[5] == '\n' || text[5] == '\r') &&
      (text[4] == '\t' || (text[4] > ' ' && text[4] < 0x7F && text[4] != '"')))
    {
      self->separator = text[4];
      self->pos = 5;
      while (self->pos < self->text_len && (text[self->pos] == '\r' || text[self->pos] == '\n'))
        {
          if (text[self->pos] == '\n')
            self->line++;
          self->pos++;
          if (text[self->pos - 1] == '\n')
            break;
        }
    }
  else
    {
      self->separator = detect_separator (text, self->text_len);
    }

  set_tables (self);

  return TRUE;
}

static gboolean
append (YeastarCsvLexer  *self,
        const char       *p,
        gsize             n,
        GError          **error)
{
  if (G_UNLIKELY (self->rec_len + n + 8 > self->rec_cap))
    {
      if (self->rec_len + n + 8 > YEASTAR_CSV_MAX_RECORD)
        {
          g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, self->record_line);

          /* Translators: %s is a line number, %u a number of MiB */
          g_set_error (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_TOO_LARGE,
                       _("Line %s starts a record longer than %u MiB (a quote that is never closed?)"),
                       line, YEASTAR_CSV_MAX_RECORD / (1024 * 1024));
          return FALSE;
        }
      while (self->rec_len + n + 8 > self->rec_cap)
        self->rec_cap *= 2;
      self->rec = g_realloc (self->rec, self->rec_cap);
    }

  memcpy (self->rec + self->rec_len, p, n);
  self->rec_len += n;
  return TRUE;
}

static gboolean
end_cell (YeastarCsvLexer  *self,
          GError          **error)
{
  if (G_UNLIKELY (self->n_cells >= YEASTAR_CSV_MAX_CELLS))
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, self->record_line);

      /* Translators: %s is a line number, %u a number of fields */
      g_set_error (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_TOO_LARGE,
                   _("Line %s has more than %u fields"), line, YEASTAR_CSV_MAX_CELLS);
      return FALSE;
    }

  if (G_UNLIKELY (self->n_cells + 2 > self->starts_cap))
    {
      self->starts_cap = MIN (self->starts_cap * 2, YEASTAR_CSV_MAX_CELLS + 1);
      self->starts = g_renew (guint32, self->starts, self->starts_cap);
    }

  /* append() always leaves room for the NUL. */
  self->rec[self->rec_len++] = '\0';
  self->starts[++self->n_cells] = (guint32) self->rec_len;
  return TRUE;
}

static void
begin_record (YeastarCsvLexer *self)
{
  self->in_record = TRUE;
  self->record_line = self->line;
  self->rec_len = 0;
  self->n_cells = 0;
  self->starts[0] = 0;
  self->state = STATE_FIELD_START;
}

/* Cuts text from pos: 1 when a record is complete, 0 at the end of the
 * block, -1 on error. */
static int
lex (YeastarCsvLexer  *self,
     GError          **error)
{
  static const char replacement[] = "\xEF\xBF\xBD";
  const char *text = self->text;
  const char *p = text + self->pos;
  const char *end = text + self->text_len;
  const guint8 *plain = self->plain;
  const guint8 *quoted = self->quoted;
  char separator = self->separator;

  while (p < end)
    {
      const char *q;
      char c;

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (*p == '\n')
            {
              p++;
              continue;
            }
        }

      if (!self->in_record)
        begin_record (self);

      switch (self->state)
        {
        case STATE_FIELD_START:
          if (*p == '"')
            {
              self->state = STATE_QUOTED;
              p++;
              break;
            }
          self->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          for (q = p; q < end && !plain[(guint8) *q]; q++)
            ;
          if (!append (self, p, (gsize) (q - p), error))
            return -1;
          p = q;
          if (p == end)
            break;
          c = *p++;
          if (c == separator)
            {
              if (!end_cell (self, error))
                return -1;
              self->state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              self->line++;
              self->skip_lf = c == '\r';
              if (!end_cell (self, error))
                return -1;
              self->in_record = FALSE;
              self->pos = (gsize) (p - text);
              return 1;
            }
          else if (c == '"')
            {
              if (!append (self, "\"", 1, error))
                return -1;
            }
          else if (!append (self, replacement, 3, error))
            {
              return -1;
            }
          break;

        case STATE_QUOTED:
          for (q = p; q < end && !quoted[(guint8) *q]; q++)
            ;
          if (!append (self, p, (gsize) (q - p), error))
            return -1;
          p = q;
          if (p == end)
            break;
          c = *p++;
          if (c == '"')
            {
              self->state = STATE_QUOTE_SEEN;
            }
          else if (c == '\n')
            {
              self->line++;
              if (!append (self, "\n", 1, error))
                return -1;
            }
          else if (!append (self, replacement, 3, error))
            {
              return -1;
            }
          break;

        case STATE_QUOTE_SEEN:
          if (*p == '"')
            {
              if (!append (self, "\"", 1, error))
                return -1;
              p++;
              self->state = STATE_QUOTED;
            }
          else
            {
              /* Closed: what follows up to the separator is kept. */
              self->state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->pos = self->text_len;
  return 0;
}

static void
fill_record (YeastarCsvLexer  *self,
             YeastarCsvRecord *record)
{
  record->data = self->rec;
  record->starts = self->starts;
  record->n_cells = self->n_cells;
  record->line = self->record_line;
}

/**
 * yeastar_csv_lexer_next:
 * @record: (out): the next record
 *
 * Returns: %TRUE with a record; %FALSE at the end of the file (@error
 *   unset) or on an error
 */
gboolean
yeastar_csv_lexer_next (YeastarCsvLexer   *self,
                        YeastarCsvRecord  *record,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_return_val_if_fail (self->started, FALSE);

  for (;;)
    {
      if (self->pos < self->text_len)
        {
          int done = lex (self, error);

          if (done < 0)
            return FALSE;
          if (done > 0)
            {
              fill_record (self, record);
              return TRUE;
            }
          continue;
        }

      if (self->eof && self->raw_used == self->raw_len)
        {
          if (!self->in_record)
            return FALSE;

          /* The last line, without its newline. */
          if (self->state == STATE_QUOTED)
            self->truncated = TRUE;
          if (!end_cell (self, error))
            return FALSE;
          self->in_record = FALSE;
          fill_record (self, record);
          return TRUE;
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!refill (self, cancellable, error))
        return FALSE;
    }
}
