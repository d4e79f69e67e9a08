/* fuzz-reply-token.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A get_token or refresh_token reply body: the envelope, the login errcodes
 * (20002, 60002, 70004 …) and the token pair with its lifetimes. A fresh
 * client per input, because a client remembers every token it was given
 * (to scrub them from messages).
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-private.h"
#include "yeastar-error.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(YeastarClient) client = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;

  fuzz_init ();
  client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);
  g_assert (client != NULL);

  body = g_bytes_new (data, size);
  root = _yeastar_client_parse_reply (client, body, "get_token", FALSE, TRUE, &error);
  if (root == NULL)
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      fuzz_assert_no_secret (error);
      return 0;
    }

  if (_yeastar_client_store_tokens (client, root, &error))
    {
      g_assert_no_error (error);
      g_assert (yeastar_client_get_logged_in (client));
    }
  else
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      g_assert (!yeastar_client_get_logged_in (client));
      fuzz_assert_no_secret (error);
    }

  return 0;
}
