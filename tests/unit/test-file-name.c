/* test-file-name.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-file-name.h"

/* Properties every sanitised name must have, whatever the input. */
static void
assert_safe (const char *name)
{
  g_assert_nonnull (name);
  g_assert_cmpuint (strlen (name), >, 0);
  g_assert_cmpuint (strlen (name), <=, YEASTAR_FILE_NAME_MAX);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_null (strchr (name, '/'));
  g_assert_null (strchr (name, '\\'));
  g_assert_null (strstr (name, ".."));
  g_assert_cmpint (name[0], !=, '.');
  g_assert_cmpint (name[0], !=, ' ');
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

static void
check (const char *input,
       const char *expected)
{
  g_autofree char *name = yeastar_file_name_sanitize (input);

  assert_safe (name);
  if (expected != NULL)
    g_assert_cmpstr (name, ==, expected);
}

static void
test_plain (void)
{
  check ("QueueSatisfaction-X.7.0.7-download-20220608094753-ejP6Z6htIfhsCQbP.csv",
         "QueueSatisfaction-X.7.0.7-download-20220608094753-ejP6Z6htIfhsCQbP.csv");
  check ("Sep-Agent-Performance_detail.csv", "Sep-Agent-Performance_detail.csv");
  check ("Rapport été.csv", "Rapport été.csv");
}

static void
test_directories (void)
{
  check ("../x.csv", "x.csv");
  check ("../../../../etc/passwd", "passwd");
  check ("a/b.csv", "b.csv");
  check ("C:\\Windows\\evil.csv", "evil.csv");
  check ("/absolute/path.csv", "path.csv");
  check ("..\\..\\x.csv", "x.csv");
  check ("dir/", YEASTAR_FILE_NAME_FALLBACK);
  check ("..", YEASTAR_FILE_NAME_FALLBACK);
  check ("a..b.csv", "a.b.csv");
}

static void
test_hidden (void)
{
  check (".bashrc", "bashrc");
  check ("...csv", "csv");
  check ("  . .hidden.csv", "hidden.csv");
  check ("report.csv.", "report.csv");
}

static void
test_control (void)
{
  check ("a\nb\tc\rd\x01" "e\x7f.csv", "abcde.csv");
  check ("a\xc2\x85" "b.csv", "ab.csv");                    /* C1 NEL */
  check ("evil\xe2\x80\xae" "vsc.exe", "evilvsc.exe");      /* RLO override */
  check ("a:b*c?d\"e<f>g|h.csv", "a_b_c_d_e_f_g_h.csv");
  check ("\x01\x02\x03", YEASTAR_FILE_NAME_FALLBACK);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *name = yeastar_file_name_sanitize ("bad\xff\xfe" "name.csv");

  assert_safe (name);
  g_assert_true (g_str_has_prefix (name, "bad"));
  g_assert_true (g_str_has_suffix (name, "name.csv"));
}

static void
test_empty (void)
{
  check (NULL, YEASTAR_FILE_NAME_FALLBACK);
  check ("", YEASTAR_FILE_NAME_FALLBACK);
  check ("   ", YEASTAR_FILE_NAME_FALLBACK);
  check ("/", YEASTAR_FILE_NAME_FALLBACK);
}

static void
test_long (void)
{
  g_autofree char *stem = g_strnfill (300, 'a');
  g_autofree char *input = g_strconcat (stem, ".csv", NULL);
  g_autofree char *name = yeastar_file_name_sanitize (input);
  g_autofree char *multibyte = NULL;
  g_autofree char *multibyte_name = NULL;
  g_autofree char *long_ext = NULL;
  g_autofree char *long_ext_name = NULL;
  GString *builder = g_string_new (NULL);

  assert_safe (name);
  g_assert_cmpuint (strlen (name), ==, YEASTAR_FILE_NAME_MAX);
  g_assert_true (g_str_has_suffix (name, ".csv"));

  /* Cut on a character boundary. */
  for (guint i = 0; i < 150; i++)
    g_string_append (builder, "é");
  g_string_append (builder, ".csv");
  multibyte = g_string_free (builder, FALSE);
  multibyte_name = yeastar_file_name_sanitize (multibyte);
  assert_safe (multibyte_name);
  g_assert_true (g_str_has_suffix (multibyte_name, ".csv"));

  /* An "extension" of 300 characters is not kept whole. */
  long_ext = g_strconcat ("x.", stem, NULL);
  long_ext_name = yeastar_file_name_sanitize (long_ext);
  assert_safe (long_ext_name);
}

static void
test_numbered (void)
{
  g_autofree char *one = yeastar_file_name_with_number ("name.csv", 1);
  g_autofree char *two = yeastar_file_name_with_number ("name.csv", 2);
  g_autofree char *three = yeastar_file_name_with_number ("archive.tar.gz", 3);
  g_autofree char *none = yeastar_file_name_with_number ("README", 2);

  g_assert_cmpstr (one, ==, "name.csv");
  g_assert_cmpstr (two, ==, "name (2).csv");
  g_assert_cmpstr (three, ==, "archive.tar (3).gz");
  g_assert_cmpstr (none, ==, "README (2)");
}

/* Cheap deterministic fuzzing: random bytes never give an unsafe name. */
static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 5000; round++)
    {
      guint len = g_rand_int_range (rand, 0, 400);
      g_autofree char *input = g_malloc (len + 1);
      g_autofree char *name = NULL;

      for (guint i = 0; i < len; i++)
        {
          static const char interesting[] = "./\\.\x01\n :é";
          guint pick = g_rand_int_range (rand, 0, 4);

          input[i] = pick == 0 ? interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
                               : (char) g_rand_int_range (rand, 1, 256);
        }
      input[len] = '\0';

      name = yeastar_file_name_sanitize (input);
      assert_safe (name);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/file-name/plain", test_plain);
  g_test_add_func ("/yeastar/file-name/directories", test_directories);
  g_test_add_func ("/yeastar/file-name/hidden", test_hidden);
  g_test_add_func ("/yeastar/file-name/control", test_control);
  g_test_add_func ("/yeastar/file-name/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/yeastar/file-name/empty", test_empty);
  g_test_add_func ("/yeastar/file-name/long", test_long);
  g_test_add_func ("/yeastar/file-name/numbered", test_numbered);
  g_test_add_func ("/yeastar/file-name/random", test_random);

  return g_test_run ();
}
