/* fuzz-file-name.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file-name sanitiser on any bytes the PBX could send as `file`.
 * Whatever comes in, the name that comes out is valid UTF-8, at most
 * YEASTAR_FILE_NAME_MAX bytes, one path component that is not hidden, and
 * has no control characters; a numbered variant keeps all of that, with
 * room for the number.
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-file-name.h"

static void
check_name (const char *name,
            gsize       max)
{
  gsize len;

  g_assert (name != NULL);
  len = strlen (name);
  if (len == 0 || len > max)
    {
      g_printerr ("name of %" G_GSIZE_FORMAT " bytes (at most %" G_GSIZE_FORMAT "): %s\n", len, max, name);
      abort ();
    }
  g_assert (g_utf8_validate (name, -1, NULL));
  g_assert (name[0] != '.');
  g_assert (strchr (name, '/') == NULL);
  g_assert (strchr (name, '\\') == NULL);
  g_assert (strcmp (name, "..") != 0);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (!g_unichar_iscntrl (c));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *sanitized = NULL;
  g_autofree char *again = NULL;

  fuzz_init ();
  text = fuzz_dup_string (data, size);
  sanitized = yeastar_file_name_sanitize (text);
  check_name (sanitized, YEASTAR_FILE_NAME_MAX);

  /* Sanitising is idempotent. */
  again = yeastar_file_name_sanitize (sanitized);
  g_assert (strcmp (again, sanitized) == 0);

  for (guint number = 2; number < 1000000; number *= 31)
    {
      g_autofree char *numbered = yeastar_file_name_with_number (sanitized, number);

      /* The header leaves room for " (NNNN)" beyond the maximum. */
      check_name (numbered, YEASTAR_FILE_NAME_MAX + strlen (" (9999999)"));
      g_assert (strcmp (numbered, sanitized) != 0);
    }

  return 0;
}
