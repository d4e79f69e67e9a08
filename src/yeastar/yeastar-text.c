/* yeastar-text.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-text.h"

/*
 * Text from the PBX (errmsg, the 40002 field texts, event 30027's
 * `error`, system/information's names, menu option names and IDs) is data:
 * shown in a terminal, a log or a label, it must never act as a command.
 * An ESC starts terminal sequences (colours, window titles, OSC 8 links,
 * on some terminals clipboard writes), CR and LF forge lines (a menu name
 * "x\n1\tAdmin" would add a row to `call-reports options`), and the bidi
 * controls reorder what is displayed.
 *
 * Such characters are not removed but made visible, so that an
 * administrator sees that the PBX sent them and what they were:
 *
 *   LF, CR, TAB                    \n  \r  \t
 *   other C0 controls, DEL         \x1b  \x7f  (two lowercase hex digits)
 *   C1 controls U+0080–U+009F      \u009b
 *   bidi controls U+061C, U+200E,  \u202e
 *   U+200F, U+202A–U+202E,
 *   U+2066–U+2069
 *   line and paragraph separators  \u2028  \u2029
 *   U+2028, U+2029
 *   each byte of invalid UTF-8     \xff
 *
 * A backslash stays as it is: the result is for people to read, not an
 * encoding to reverse (`--json` carries the exact data). Because of that
 * the function is idempotent, and escaping a text twice is harmless.
 */

static gboolean
is_shown_escaped (gunichar c)
{
  if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
    return TRUE;

  switch (c)
    {
    case 0x061c:                    /* ARABIC LETTER MARK */
    case 0x200e:                    /* LEFT-TO-RIGHT MARK */
    case 0x200f:                    /* RIGHT-TO-LEFT MARK */
    case 0x2028:                    /* LINE SEPARATOR */
    case 0x2029:                    /* PARAGRAPH SEPARATOR */
      return TRUE;

    default:
      return (c >= 0x202a && c <= 0x202e) ||   /* LRE, RLE, PDF, LRO, RLO */
             (c >= 0x2066 && c <= 0x2069);     /* LRI, RLI, FSI, PDI */
    }
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  switch (c)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;

    case '\r':
      g_string_append (out, "\\r");
      break;

    case '\t':
      g_string_append (out, "\\t");
      break;

    default:
      if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      break;
    }
}

/**
 * yeastar_text_escape:
 * @text: (nullable): text from the PBX
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Makes PBX text safe to print or show: valid UTF-8 without control, bidi
 * or line separator characters, each shown as a visible escape (see
 * above). A NUL within @length is shown as `\x00`.
 *
 * Returns: (transfer full) (nullable): the text to show, NULL for NULL
 */
char *
yeastar_text_escape (const char *text,
                     gssize      length)
{
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return NULL;

  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length + 1);
  p = text;
  end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 here: this byte, shown, then resynchronise. */
          g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
          p++;
          continue;
        }

      if (c == 0)
        {
          /* g_utf8_get_char_validated () reads a NUL as the end. */
          g_string_append (out, "\\x00");
          p++;
          continue;
        }

      if (is_shown_escaped (c))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * yeastar_text_escape_json:
 * @json: a serialized JSON text, e.g. from json_generator_to_data ()
 *
 * The `--json` output keeps the PBX's texts exact. json-glib 1.6 writes
 * the C0 controls as `\u001b` and the like, but U+001F raw (not even valid
 * JSON), and DEL, the C1 controls, the bidi controls and U+2028/U+2029 as
 * they are, which act on a terminal that shows them. Apart from the line
 * breaks of pretty printing, these characters can only occur inside JSON
 * strings, where `\uXXXX` means the same character: writing them so
 * changes nothing for a JSON reader.
 *
 * Returns: (transfer full): @json with those characters as `\uXXXX`
 */
char *
yeastar_text_escape_json (const char *json)
{
  GString *out;

  g_return_val_if_fail (json != NULL, NULL);

  out = g_string_sized_new (strlen (json) + 1);

  for (const char *p = json; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* json-glib writes valid UTF-8; a stray byte is never written
           * raw (0x9b is a CSI to an 8-bit terminal). */
          g_string_append (out, "\\ufffd");
          p++;
          continue;
        }

      if (is_shown_escaped (c) && c != '\n')
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

gboolean
yeastar_text_is_digits (const char *text,
                        gssize      length)
{
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}
