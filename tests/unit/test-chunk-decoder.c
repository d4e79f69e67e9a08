/* test-chunk-decoder.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "yeastar-http1-get.h"

#include <string.h>

/* Decodes @input fed in pieces of @step bytes (0: at once) into a small
 * output buffer of @out_step bytes. Returns the body, or NULL with
 * @error; *done tells whether the body was complete. */
static GString *
decode (const char *input,
        gsize       step,
        gsize       out_step,
        gboolean   *done,
        GError    **error)
{
  YeastarChunkDecoder decoder;
  GString *body = g_string_new (NULL);
  gsize length = strlen (input);
  gsize pos = 0;
  guint8 out[64];

  g_assert_cmpuint (out_step, <=, sizeof out);
  yeastar_chunk_decoder_init (&decoder);
  while (pos < length && !yeastar_chunk_decoder_is_done (&decoder))
    {
      gsize piece = step == 0 ? length - pos : MIN (step, length - pos);
      gsize piece_pos = 0;

      while (piece_pos < piece && !yeastar_chunk_decoder_is_done (&decoder))
        {
          gsize used, produced;

          if (!yeastar_chunk_decoder_decode (&decoder, (const guint8 *) input + pos + piece_pos,
                                             piece - piece_pos, &used, out, out_step, &produced,
                                             error))
            {
              g_string_free (body, TRUE);
              return NULL;
            }
          g_assert_true (used > 0 || produced > 0 || yeastar_chunk_decoder_is_done (&decoder));
          g_string_append_len (body, (const char *) out, produced);
          piece_pos += used;
        }
      pos += piece;
    }

  *done = yeastar_chunk_decoder_is_done (&decoder);
  return body;
}

static const struct
{
  const char *input;
  const char *body;    /* NULL: invalid */
  gboolean    done;
} cases[] = {
  { "0\r\n\r\n", "", TRUE },
  { "5\r\nhello\r\n0\r\n\r\n", "hello", TRUE },
  { "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world", TRUE },
  { "A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij", TRUE },
  { "0005\r\nhello\r\n000\r\n\r\n", "hello", TRUE },
  /* extensions, with bad white space before them */
  { "5;name=value\r\nhello\r\n0;last\r\n\r\n", "hello", TRUE },
  { "5 ;a=\"q;uo\\\"ted\"\r\nhello\r\n0\r\n\r\n", "hello", TRUE },
  { "5\t ;x\r\nhello\r\n0\r\n\r\n", "hello", TRUE },
  /* trailers */
  { "5\r\nhello\r\n0\r\nExpires: never\r\nX-A: b\r\n\r\n", "hello", TRUE },
  /* the data may hold CR and LF */
  { "4\r\n\r\n\r\n\r\n0\r\n\r\n", "\r\n\r\n", TRUE },
  /* what follows the body is not read */
  { "1\r\nx\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n", "x", TRUE },
  /* cut: everything before the final CRLF */
  { "", "", FALSE },
  { "5", "", FALSE },
  { "5\r", "", FALSE },
  { "5\r\nhel", "hel", FALSE },
  { "5\r\nhello", "hello", FALSE },
  { "5\r\nhello\r\n", "hello", FALSE },
  { "5\r\nhello\r\n0", "hello", FALSE },
  { "5\r\nhello\r\n0\r\n", "hello", FALSE },
  { "5\r\nhello\r\n0\r\n\r", "hello", FALSE },
  { "5\r\nhello\r\n0\r\nX-A: b\r\n", "hello", FALSE },
  /* malformed */
  { "zz\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "-5\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "0x5\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "5 5\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "5\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "5\r\rhello\r\n0\r\n\r\n", NULL, FALSE },
  { "5\r\nhelloX\r\n0\r\n\r\n", NULL, FALSE },
  { "5\r\nhello\rX0\r\n\r\n", NULL, FALSE },
  { "5\r\nhello\n0\r\n\r\n", NULL, FALSE },
  { "5;a\x01\r\nhello\r\n0\r\n\r\n", NULL, FALSE },
  { "5\r\nhello\r\n0\r\n X: folded\r\n\r\n", NULL, FALSE },
  { "5\r\nhello\r\n0\r\nX: a\rb\r\n\r\n", NULL, FALSE },
  { "5\r\nhello\r\n0\r\n\rX", NULL, FALSE },
  /* sizes that overflow 64 bits */
  { "10000000000000000\r\n", NULL, FALSE },
  { "FFFFFFFFFFFFFFFFF\r\n", NULL, FALSE },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].input, NULL);
      gboolean done = FALSE;
      GString *body;

      g_test_message ("case %u: %s", i, escaped);
      body = decode (cases[i].input, 0, 64, &done, &error);
      if (cases[i].body == NULL)
        {
          g_assert_null (body);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (body->str, ==, cases[i].body);
      g_assert_cmpint (done, ==, cases[i].done);
      g_string_free (body, TRUE);
    }
}

/* Every split of the input, and a one-byte output, give the same. */
static void
test_splits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = strlen (cases[i].input);

      for (gsize step = 1; step <= MAX (length, 1); step++)
        for (gsize out_step = 1; out_step <= 7; out_step += 6)
          {
            g_autoptr(GError) error = NULL;
            gboolean done = FALSE;
            GString *body = decode (cases[i].input, step, out_step, &done, &error);

            if (cases[i].body == NULL)
              {
                g_assert_null (body);
                g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
                continue;
              }
            g_assert_no_error (error);
            g_assert_cmpstr (body->str, ==, cases[i].body);
            g_assert_cmpint (done, ==, cases[i].done);
            g_string_free (body, TRUE);
          }
    }
}

/* A split at every byte boundary of a two-chunk body: the first part
 * fed alone, then the rest. */
static void
test_every_boundary (void)
{
  const char *input = "1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n3\r\n123\r\n0\r\nT: v\r\n\r\n";
  gsize length = strlen (input);

  for (gsize cut = 0; cut <= length; cut++)
    {
      YeastarChunkDecoder decoder;
      g_autoptr(GString) body = g_string_new (NULL);
      const char *parts[2] = { input, input + cut };
      gsize lengths[2] = { cut, length - cut };
      guint8 out[100];

      yeastar_chunk_decoder_init (&decoder);
      for (guint p = 0; p < 2; p++)
        {
          gsize pos = 0;

          while (pos < lengths[p])
            {
              g_autoptr(GError) error = NULL;
              gsize used, produced;

              g_assert_true (yeastar_chunk_decoder_decode (&decoder, (const guint8 *) parts[p] + pos,
                                                           lengths[p] - pos, &used, out, sizeof out,
                                                           &produced, &error));
              g_assert_no_error (error);
              g_string_append_len (body, (const char *) out, produced);
              pos += used;
            }
          /* The body is complete only after its last byte. */
          g_assert_cmpint (yeastar_chunk_decoder_is_done (&decoder), ==,
                           p == 1 || cut == length);
        }
      g_assert_cmpstr (body->str, ==, "abcdefghijklmnopqrstuvwxyz123");
    }
}

/* A size line (with extensions) or trailers without end are refused
 * once too long, not buffered for ever. */
static void
test_long_lines (void)
{
  g_autoptr(GString) line = g_string_new ("5;");
  g_autoptr(GString) trailers = g_string_new ("0\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  gboolean done = FALSE;

  while (line->len <= YEASTAR_CHUNK_MAX_LINE)
    g_string_append_c (line, 'x');
  g_assert_null (decode (line->str, 100, 64, &done, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  while (trailers->len <= 2 * YEASTAR_CHUNK_MAX_TRAILERS)
    g_string_append (trailers, "X-Pad: 0123456789\r\n");
  g_assert_null (decode (trailers->str, 1000, 64, &done, &error2));
  g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* The largest size is read, and then the data is expected. */
static void
test_huge_size (void)
{
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;
  GString *body = decode ("FFFFFFFFFFFFFFFF\r\nabc", 0, 64, &done, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (body->str, ==, "abc");
  g_assert_false (done);
  g_string_free (body, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/chunk-decoder/cases", test_cases);
  g_test_add_func ("/yeastar/chunk-decoder/splits", test_splits);
  g_test_add_func ("/yeastar/chunk-decoder/every-boundary", test_every_boundary);
  g_test_add_func ("/yeastar/chunk-decoder/long-lines", test_long_lines);
  g_test_add_func ("/yeastar/chunk-decoder/huge-size", test_huge_size);

  return g_test_run ();
}
