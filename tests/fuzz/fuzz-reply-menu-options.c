/* fuzz-reply-menu-options.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A system/get_menuoptions reply body: the envelope, then the options list
 * (string or integer `value`, `text`, optional `type`).
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-menu-option.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static YeastarClient *client;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GListStore) store = NULL;

  fuzz_init ();
  if (client == NULL)
    client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);

  body = g_bytes_new (data, size);
  root = _yeastar_client_parse_reply (client, body, "system/get_menuoptions", FALSE, FALSE, &error);
  if (root == NULL)
    {
      fuzz_assert_no_secret (error);
      return 0;
    }

  store = _yeastar_menu_options_new_from_json ("extension", root, &error);
  if (store == NULL)
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert (yeastar_menu_option_get_id (option) != NULL);
      g_assert (yeastar_menu_option_get_text (option) != NULL);
    }

  return 0;
}
