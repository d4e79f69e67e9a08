/* test-text.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "yeastar-text.h"

static void
assert_escaped (const char *text,
                gssize      length,
                const char *expected)
{
  g_autofree char *escaped = yeastar_text_escape (text, length);
  g_autofree char *again = NULL;

  g_assert_cmpstr (escaped, ==, expected);
  g_assert_true (g_utf8_validate (escaped, -1, NULL));

  /* Escaping what is already safe changes nothing. */
  again = yeastar_text_escape (escaped, -1);
  g_assert_cmpstr (again, ==, escaped);
}

static void
test_plain (void)
{
  g_assert_null (yeastar_text_escape (NULL, -1));
  g_assert_null (yeastar_text_escape (NULL, 0));
  assert_escaped ("", -1, "");
  assert_escaped ("1001 - Alice Martin", -1, "1001 - Alice Martin");
  /* Letters of any script, combining marks, emoji and a backslash stay. */
  assert_escaped ("Zoë Ørsted – Мария 王芳 مريم 🙂 e\xcc\x81 C:\\x", -1,
                  "Zoë Ørsted – Мария 王芳 مريم 🙂 e\xcc\x81 C:\\x");
  /* A literal backslash-x is left for people to read. */
  assert_escaped ("a\\x1b", -1, "a\\x1b");
  /* Only @length bytes are read. */
  assert_escaped ("abcdef", 3, "abc");
}

static void
test_c0_del (void)
{
  assert_escaped ("a\nb", -1, "a\\nb");
  assert_escaped ("a\rb", -1, "a\\rb");
  assert_escaped ("a\tb", -1, "a\\tb");
  assert_escaped ("\x1b[31mred\x1b[0m", -1, "\\x1b[31mred\\x1b[0m");
  assert_escaped ("\x1b]0;title\x07", -1, "\\x1b]0;title\\x07");
  assert_escaped ("\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\", -1,
                  "\\x1b]8;;http://evil/\\x1b\\link\\x1b]8;;\\x1b\\");
  assert_escaped ("\x01\x08\x0b\x0c\x1f", -1, "\\x01\\x08\\x0b\\x0c\\x1f");
  assert_escaped ("del\x7f", -1, "del\\x7f");
  /* A NUL inside the given length is shown, not an end. */
  assert_escaped ("a\0b", 3, "a\\x00b");

  /* Every C0 control and DEL, one by one: never raw. */
  for (guint c = 0; c < 0x80; c++)
    {
      char in[2] = { (char) c, 0 };
      g_autofree char *escaped = yeastar_text_escape (in, 1);
      gboolean control = c < 0x20 || c == 0x7f;

      if (control)
        {
          g_assert_cmpint (escaped[0], ==, '\\');
          for (const char *p = escaped; *p != '\0'; p++)
            g_assert_true (*p >= 0x20 && *p < 0x7f);
        }
      else
        g_assert_cmpstr (escaped, ==, in);
    }
}

static void
test_c1 (void)
{
  /* U+0085 NEXT LINE, U+009B CSI (an ESC [ on some terminals) */
  assert_escaped ("a\xc2\x85" "b", -1, "a\\u0085b");
  assert_escaped ("\xc2\x9b" "31m", -1, "\\u009b31m");
  assert_escaped ("\xc2\x80\xc2\x9f", -1, "\\u0080\\u009f");
  /* U+00A0 and U+00A9 are printable. */
  assert_escaped ("\xc2\xa0\xc2\xa9", -1, "\xc2\xa0\xc2\xa9");
}

static void
test_bidi (void)
{
  static const struct {
    const char *utf8;
    const char *escaped;
  } cases[] = {
    { "\xd8\x9c", "\\u061c" },
    { "\xe2\x80\x8e", "\\u200e" },
    { "\xe2\x80\x8f", "\\u200f" },
    { "\xe2\x80\xaa", "\\u202a" },
    { "\xe2\x80\xab", "\\u202b" },
    { "\xe2\x80\xac", "\\u202c" },
    { "\xe2\x80\xad", "\\u202d" },
    { "\xe2\x80\xae", "\\u202e" },
    { "\xe2\x81\xa6", "\\u2066" },
    { "\xe2\x81\xa7", "\\u2067" },
    { "\xe2\x81\xa8", "\\u2068" },
    { "\xe2\x81\xa9", "\\u2069" },
    { "\xe2\x80\xa8", "\\u2028" },
    { "\xe2\x80\xa9", "\\u2029" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *in = g_strconcat ("x", cases[i].utf8, "y", NULL);
      g_autofree char *expected = g_strconcat ("x", cases[i].escaped, "y", NULL);

      assert_escaped (in, -1, expected);
    }

  /* The "report.exe" trick: RLO makes "gpj.exe" read as "exe.jpg". */
  assert_escaped ("Alice\xe2\x80\xaegpj.exe", -1, "Alice\\u202egpj.exe");

  /* Neighbours of the ranges are ordinary characters. */
  assert_escaped ("\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa", -1,
                  "\xe2\x80\x8d\\u2029\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa");
}

static void
test_invalid_utf8 (void)
{
  /* A lone continuation byte, a cut sequence, an overlong NUL and slash,
   * a surrogate, and a byte that never occurs in UTF-8. */
  assert_escaped ("a\x80" "b", -1, "a\\x80b");
  assert_escaped ("a\xe2\x80", -1, "a\\xe2\\x80");
  assert_escaped ("\xc0\x80", -1, "\\xc0\\x80");
  assert_escaped ("\xc0\xaf", -1, "\\xc0\\xaf");
  assert_escaped ("\xed\xa0\x80", -1, "\\xed\\xa0\\x80");
  assert_escaped ("\xff\xfe", -1, "\\xff\\xfe");
  assert_escaped ("\xf4\x90\x80\x80", -1, "\\xf4\\x90\\x80\\x80");
  /* Valid text after the bad byte is kept: resynchronised. */
  assert_escaped ("\xffZoë\x1b", -1, "\\xffZoë\\x1b");
  /* A sequence cut by @length is invalid, not read past the end. */
  assert_escaped ("\xc3\xa9", 1, "\\xc3");
}

static void
test_one_line (void)
{
  /* A menu name that would forge an `options` row stays on its line. */
  g_autofree char *escaped = yeastar_text_escape ("Alice\n9999\tAdmin\r\xe2\x80\xa8" "x", -1);

  g_assert_null (strchr (escaped, '\n'));
  g_assert_null (strchr (escaped, '\r'));
  g_assert_null (strchr (escaped, '\t'));
  g_assert_null (strstr (escaped, "\xe2\x80\xa8"));
  g_assert_cmpstr (escaped, ==, "Alice\\n9999\\tAdmin\\r\\u2028x");
}

static void
test_random (void)
{
  /* Whatever bytes come in: valid UTF-8 out, without any character the
   * function promises to escape. */
  GRand *rand = g_rand_new_with_seed (20260802);

  for (guint round = 0; round < 2000; round++)
    {
      guint8 bytes[48];
      g_autofree char *escaped = NULL;
      guint len = g_rand_int_range (rand, 0, sizeof bytes);

      for (guint i = 0; i < len; i++)
        {
          /* Bias towards the interesting bytes. */
          static const guint8 interesting[] = { 0x1b, 0x0a, 0x0d, 0x7f, 0xc2, 0x9b, 0xe2, 0x80, 0xae, 0x81, 0xa6 };

          if (g_rand_boolean (rand))
            bytes[i] = interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))];
          else
            bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
        }

      escaped = yeastar_text_escape ((const char *) bytes, len);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
      for (const char *p = escaped; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
          g_assert_false (c == 0x061c || c == 0x200e || c == 0x200f);
          g_assert_false (c >= 0x202a && c <= 0x202e);
          g_assert_false (c >= 0x2066 && c <= 0x2069);
          g_assert_false (c == 0x2028 || c == 0x2029);
        }
    }

  g_rand_free (rand);
}

/* The --json output: json-glib's own escapes plus ours, and a JSON reader
 * gets the exact text back. */
static void
test_json (void)
{
  static const char *texts[] = {
    "1001 - Alice Martin",
    "Evil\x1b]0;pwned\x07\r\n9999\tAdmin\xe2\x80\xaegpj.exe\x7f\xc2\x9b",
    "\xe2\x80\xa8\xe2\x80\xa9\xd8\x9c\xe2\x81\xa6x\xe2\x81\xa9 Zoë 王芳 🙂",
    /* json-glib 1.6 writes U+001F raw (found by fuzz-text). */
    "unit\x1fseparator\x1e\x01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *escaped = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, texts[i]);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);

      escaped = yeastar_text_escape_json (json);
      g_test_message ("%s", escaped);

      /* Nothing a terminal acts on but the generator's own line breaks. */
      for (const char *p = escaped; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_false (c < 0x20 && c != '\n');
          g_assert_false (c >= 0x7f && c <= 0x9f);
          g_assert_false (c == 0x061c || c == 0x200e || c == 0x200f);
          g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
          g_assert_false (c == 0x2028 || c == 0x2029);
        }

      json_parser_load_from_data (parser, escaped, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "text"),
                       ==, texts[i]);
    }
}

/* The one whole-number check of the CLI's IDs, the request's checks and
 * the simulator's v2.0 validator. */
static void
test_is_digits (void)
{
  g_assert_true (yeastar_text_is_digits ("0", -1));
  g_assert_true (yeastar_text_is_digits ("0034", -1));
  g_assert_true (yeastar_text_is_digits ("12,x", 2));
  g_assert_false (yeastar_text_is_digits ("12,x", 3));
  g_assert_false (yeastar_text_is_digits ("", -1));
  g_assert_false (yeastar_text_is_digits ("12", 0));
  g_assert_false (yeastar_text_is_digits ("-1", -1));
  g_assert_false (yeastar_text_is_digits ("+1", -1));
  g_assert_false (yeastar_text_is_digits (" 1", -1));
  g_assert_false (yeastar_text_is_digits ("1 ", -1));
  g_assert_false (yeastar_text_is_digits ("1.5", -1));
  /* Other scripts' digits are not ASCII digits. */
  g_assert_false (yeastar_text_is_digits ("\xd9\xa1", -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/text/plain", test_plain);
  g_test_add_func ("/yeastar/text/c0-del", test_c0_del);
  g_test_add_func ("/yeastar/text/c1", test_c1);
  g_test_add_func ("/yeastar/text/bidi", test_bidi);
  g_test_add_func ("/yeastar/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/yeastar/text/one-line", test_one_line);
  g_test_add_func ("/yeastar/text/random", test_random);
  g_test_add_func ("/yeastar/text/json", test_json);
  g_test_add_func ("/yeastar/text/is-digits", test_is_digits);

  return g_test_run ();
}
