/* yeastar-file-name.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-file-name.h"

/* An extension longer than this is treated as part of the name, so a
 * hostile "x.<300 characters>" cannot push the whole budget into it. */
#define MAX_EXTENSION_BYTES 16

static gboolean
is_dropped_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:     /* C0, DEL, C1 */
    case G_UNICODE_FORMAT:      /* bidi overrides, zero-width joiners: spoofing */
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;

    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_SPACE_SEPARATOR:
    default:
      return FALSE;
    }
}

/* Characters that are legal on Linux but not on the FAT/exFAT/NTFS
 * volumes a report is often saved to; they become '_'. */
static gboolean
is_replaced_char (gunichar c)
{
  return c == ':' || c == '*' || c == '?' || c == '"' ||
         c == '<' || c == '>' || c == '|';
}

static gboolean
is_trimmed_char (gunichar c)
{
  return c == '.' || g_unichar_isspace (c);
}

/* Cuts @str to at most @max_bytes on a character boundary. */
static void
truncate_utf8 (GString *str,
               gsize    max_bytes)
{
  const char *end;

  if (str->len <= max_bytes)
    return;

  end = str->str + max_bytes;
  /* Step back to the start of the character that straddles the limit. */
  while (end > str->str && (*end & 0xC0) == 0x80)
    end--;
  g_string_truncate (str, end - str->str);
}

static void
trim_edges (GString *str)
{
  const char *p = str->str;
  const char *end = str->str + str->len;
  const char *last;
  gsize start;

  while (p < end && is_trimmed_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  start = p - str->str;
  g_string_erase (str, 0, start);

  while (str->len > 0)
    {
      last = g_utf8_find_prev_char (str->str, str->str + str->len);
      if (last == NULL || !is_trimmed_char (g_utf8_get_char (last)))
        break;
      g_string_truncate (str, last - str->str);
    }
}

/* Returns the byte offset of the extension's dot, or -1. A dot at the
 * very start is not an extension, and neither is an overlong tail. */
static gssize
find_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name || dot[1] == '\0')
    return -1;
  if (strlen (dot) > MAX_EXTENSION_BYTES)
    return -1;
  return dot - name;
}

/**
 * yeastar_file_name_sanitize:
 * @name: (nullable): the name the server suggested, any bytes
 *
 * Turns a server-provided file name into one that is safe to create
 * inside the download folder: only the part after the last '/' or '\\'
 * is kept, invalid UTF-8 becomes U+FFFD, control and invisible format
 * characters are removed, characters other systems reject become '_',
 * runs of dots collapse to one (so ".." cannot survive), leading and
 * trailing dots and spaces go (no hidden files), and the result is at
 * most %YEASTAR_FILE_NAME_MAX bytes, cut inside the stem so that the
 * extension is kept. An empty result becomes %YEASTAR_FILE_NAME_FALLBACK.
 *
 * Returns: (transfer full): a non-empty, valid UTF-8 file name
 */
char *
yeastar_file_name_sanitize (const char *name)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  const char *base;
  const char *p;
  gunichar previous = 0;
  gssize ext;

  if (name == NULL)
    return g_strdup (YEASTAR_FILE_NAME_FALLBACK);

  valid = g_utf8_make_valid (name, -1);

  /* Directory parts, with either separator. */
  base = valid;
  for (p = valid; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;

  out = g_string_sized_new (strlen (base));
  for (p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dropped_char (c))
        continue;
      if (is_replaced_char (c))
        c = '_';
      else if (g_unichar_isspace (c))
        c = ' ';   /* tabs and exotic spaces are dropped above or become a plain space */
      if (c == '.' && previous == '.')
        continue;
      g_string_append_unichar (out, c);
      previous = c;
    }

  trim_edges (out);

  if (out->len > YEASTAR_FILE_NAME_MAX)
    {
      ext = find_extension (out->str);
      if (ext >= 0)
        {
          g_autofree char *extension = g_strdup (out->str + ext);

          g_string_truncate (out, ext);
          truncate_utf8 (out, YEASTAR_FILE_NAME_MAX - strlen (extension));
          trim_edges (out);
          g_string_append (out, extension);
        }
      else
        {
          truncate_utf8 (out, YEASTAR_FILE_NAME_MAX);
          trim_edges (out);
        }
    }

  if (out->len == 0 || (out->str[0] == '.'))
    return g_strdup (YEASTAR_FILE_NAME_FALLBACK);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * yeastar_file_name_with_number:
 * @sanitized: a name returned by yeastar_file_name_sanitize()
 * @number: 1 for the name itself, 2 or more for a numbered variant
 *
 * Returns: (transfer full): @sanitized for 1, else "stem (N).ext"
 */
char *
yeastar_file_name_with_number (const char *sanitized,
                               guint       number)
{
  gssize ext;

  g_return_val_if_fail (sanitized != NULL, NULL);

  if (number <= 1)
    return g_strdup (sanitized);

  ext = find_extension (sanitized);
  if (ext < 0)
    return g_strdup_printf ("%s (%u)", sanitized, number);

  return g_strdup_printf ("%.*s (%u)%s", (int) ext, sanitized, number, sanitized + ext);
}
