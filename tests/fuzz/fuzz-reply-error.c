/* fuzz-reply-error.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Any reply body through the envelope and errcode checks, as for a report
 * request: HTML, JSON that is not an object, errcodes with
 * invalid_param_list, IP blocks with block_expire_time. The message of the
 * GError it gives must never contain the Client Secret.
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
  GPtrArray *params;

  fuzz_init ();
  if (client == NULL)
    client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);

  body = g_bytes_new (data, size);
  root = _yeastar_client_parse_reply (client, body, "call_report/download", FALSE, FALSE, &error);
  if (root != NULL)
    return 0;

  g_assert (error != NULL && error->domain == YEASTAR_ERROR);
  fuzz_assert_no_secret (error);

  params = yeastar_error_get_invalid_params (error);
  for (guint i = 0; params != NULL && i < params->len; i++)
    {
      YeastarInvalidParam *param = g_ptr_array_index (params, i);

      g_assert (yeastar_invalid_param_get_field (param) != NULL);
      (void) yeastar_invalid_param_get_valid_msg (param);
      (void) yeastar_invalid_param_get_value (param);
    }

  /* A copy carries the list along. */
  {
    g_autoptr(GError) copy = g_error_copy (error);

    g_assert ((yeastar_error_get_invalid_params (copy) != NULL) == (params != NULL));
  }

  return 0;
}
