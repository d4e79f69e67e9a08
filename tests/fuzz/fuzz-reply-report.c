/* fuzz-reply-report.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A call_report/download reply body: the envelope (errcode 2 PROCESSING
 * allowed, as for an async request), the 40002 validator list, then the
 * `file` and `download_resource_url` of the link.
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
  g_autoptr(YeastarReportLink) link = NULL;

  fuzz_init ();
  if (client == NULL)
    client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);

  body = g_bytes_new (data, size);
  root = _yeastar_client_parse_reply (client, body, "call_report/download", TRUE, FALSE, &error);
  if (root == NULL)
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      fuzz_assert_no_secret (error);
      return 0;
    }

  if (json_object_get_int_member (root, "errcode") == 2)
    return 0;

  link = _yeastar_report_link_new_from_json (root, &error);
  if (link == NULL)
    {
      g_assert (error != NULL && error->domain == YEASTAR_ERROR);
      return 0;
    }

  g_assert (yeastar_report_link_get_url (link)[0] == '/');
  {
    g_autoptr(YeastarReportLink) copy = yeastar_report_link_copy (link);

    g_assert (g_strcmp0 (yeastar_report_link_get_file (copy), yeastar_report_link_get_file (link)) == 0);
  }

  return 0;
}
