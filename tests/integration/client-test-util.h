/* client-test-util.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the client's integration tests (header-only): a simulator and
 * a client on 127.0.0.1, main-loop helpers and the token-leak check.
 */

#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include "yeastar-client.h"
#include "yeastar-error.h"
#include "yeastar-simulator.h"

#define TEST_CLIENT_ID "test-client-id"
#define TEST_SECRET "S3cr3t-Client-Secret-42"

typedef struct
{
  YeastarSimulator *sim;
  YeastarClient *client;
  char *base_uri;
} Fixture;

static inline void
fixture_start (Fixture         *f,
               GTlsCertificate *certificate)
{
  g_autoptr(GError) error = NULL;

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim, "client-id", TEST_CLIENT_ID, "client-secret", TEST_SECRET, NULL);
  g_assert_true (yeastar_simulator_start (f->sim, certificate, &error));
  g_assert_no_error (error);
  f->base_uri = yeastar_simulator_dup_base_uri (f->sim);
  f->client = yeastar_client_new (f->base_uri, TEST_CLIENT_ID, TEST_SECRET, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->client);
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_start (f, NULL);
}

static inline void
spin_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
flag_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for a while (token lifetimes, heartbeats). */
static inline void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_timeout_cb, &done);
  spin_until (&done);
}

static inline void
spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  spin_idle ();
  if (f->client != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->client));
  yeastar_simulator_stop (f->sim);
  spin_idle ();
  g_clear_object (&f->sim);
  g_clear_pointer (&f->base_uri, g_free);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static inline GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* No error message may contain a token or the Client Secret. */
static inline void
assert_no_secrets (YeastarSimulator *sim,
                   const GError     *error)
{
  g_auto(GStrv) tokens = NULL;

  if (error == NULL)
    return;

  g_assert_null (strstr (error->message, TEST_SECRET));
  g_assert_null (strstr (error->message, "access_token="));
  tokens = yeastar_simulator_dup_issued_tokens (sim);
  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    g_assert_null (strstr (error->message, tokens[i]));
}

static inline YeastarPbxInfo *
connect_client (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  YeastarPbxInfo *info;

  yeastar_client_connect_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* A request of @type_name with every required parameter, a July 2026
 * range or month, in the parameter table's order. */
static inline YeastarReportRequest *
new_full_request (const char *type_name)
{
  YeastarReportRequest *request = yeastar_report_request_new ();
  const YeastarReportType *type = yeastar_report_type_lookup (type_name);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 7, 31, 23, 59, 59);
  g_autoptr(GDateTime) month = g_date_time_new_local (2026, 7, 15, 12, 0, 0);

  g_assert_nonnull (type);
  yeastar_report_request_set_report_type (request, type_name);

  if (yeastar_report_type_uses_range (type))
    {
      yeastar_report_request_set_start_time (request, start);
      yeastar_report_request_set_end_time (request, end);
    }
  if (yeastar_report_type_uses_period (type))
    {
      yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_MONTH);
      yeastar_report_request_set_period (request, month);
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!yeastar_report_type_requires (type, p))
        continue;
      if (kind == YEASTAR_VALUE_ID_LIST)
        yeastar_report_request_set_value (request, p, "1,2");
      else if (kind == YEASTAR_VALUE_ID)
        yeastar_report_request_set_value (request, p, "1");
    }

  return request;
}
