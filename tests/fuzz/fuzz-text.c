/* fuzz-text.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The escaping of PBX text on any bytes: what comes out is valid UTF-8
 * without a control, bidi or line separator character, escaping it again
 * changes nothing, and the JSON variant of a generated document parses
 * back to the same text.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "yeastar-text.h"

static void
check_inert (const char *text,
             gboolean    newlines)
{
  g_assert (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && newlines)
        continue;
      g_assert (!(c < 0x20 || (c >= 0x7f && c <= 0x9f)));
      g_assert (!(c == 0x061c || c == 0x200e || c == 0x200f));
      g_assert (!(c >= 0x202a && c <= 0x202e));
      g_assert (!(c >= 0x2066 && c <= 0x2069));
      g_assert (!(c == 0x2028 || c == 0x2029));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *escaped = NULL;
  g_autofree char *again = NULL;

  fuzz_init ();

  /* Any bytes, NULs included. */
  escaped = yeastar_text_escape ((const char *) data, size);
  check_inert (escaped, FALSE);
  again = yeastar_text_escape (escaped, -1);
  g_assert (strcmp (again, escaped) == 0);

  /* A valid string through json-glib and the JSON variant. */
  {
    g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *json = NULL;
    g_autofree char *shown = NULL;

    json_node_set_string (node, text);
    json_generator_set_root (generator, node);
    json = json_generator_to_data (generator, NULL);
    shown = yeastar_text_escape_json (json);
    check_inert (shown, FALSE);
    g_assert (json_parser_load_from_data (parser, shown, -1, NULL));
    g_assert (strcmp (json_node_get_string (json_parser_get_root (parser)), text) == 0);
  }

  return 0;
}
