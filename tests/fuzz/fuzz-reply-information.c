/* fuzz-reply-information.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A system/information reply body: the envelope, then YeastarPbxInfo from
 * its `data` (firmware, date and time formats, clock), as on_information()
 * in yeastar-client.c does.
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-private.h"
#include "yeastar-error.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static YeastarClient *client;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  JsonNode *node;

  fuzz_init ();
  if (client == NULL)
    client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);

  body = g_bytes_new (data, size);
  root = _yeastar_client_parse_reply (client, body, "system/information", FALSE, FALSE, &error);
  if (root == NULL)
    {
      fuzz_assert_no_secret (error);
      return 0;
    }

  node = json_object_get_member (root, "data");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;

  info = _yeastar_pbx_info_new_from_json (json_node_get_object (node), &error);
  if (info == NULL)
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      return 0;
    }

  {
    YeastarDateFormat *format = yeastar_pbx_info_get_date_format (info);
    g_autofree char *layout = NULL;
    g_autofree char *description = NULL;

    g_assert (format != NULL);
    layout = yeastar_date_format_to_go_layout (format);
    description = yeastar_date_format_to_string (format);
    g_assert (layout != NULL && description != NULL);
    (void) yeastar_pbx_info_get_default_api_version (info);
    (void) yeastar_pbx_info_get_clock (info);
  }

  return 0;
}
