/* yeastar-simulator-faults.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator-faults.h"
#include "yeastar-simulator-private.h"

/* Fault injection for the tests (see yeastar-simulator-faults.h): faults
 * per endpoint, the replies that replace the real one whatever the
 * endpoint, and stalled replies. Never built into the installed app. */

typedef struct
{
  YeastarSimulatorFault fault;
  guint                 remaining; /* 0: until cleared */
} Fault;

typedef struct
{
  YeastarSimulator  *self;
  SoupServerMessage *msg;
  GSource           *source;
} Stall;

static void stall_finished_cb (SoupServerMessage *msg,
                               Stall             *stall);

static void
stall_free (gpointer data)
{
  Stall *stall = data;

  _yeastar_simulator_destroy_source (&stall->source);
  g_signal_handlers_disconnect_by_func (stall->msg, stall_finished_cb, stall);
  g_object_unref (stall->msg);
  g_free (stall);
}


void
_yeastar_simulator_faults_init (YeastarSimulator *self)
{
  self->faults = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->stalls = g_ptr_array_new_with_free_func (stall_free);
}

/* A default for FAULT_HOSTILE_TEXT without "hostile-text": an OSC that
 * sets the terminal title, a colour, a forged line, an RLO, DEL and a C1 CSI. */
#define DEFAULT_HOSTILE_TEXT "\033]0;pwned\007\033[31mred\r\n9999\tAdmin\342\200\256gpj.exe\177\302\233"

const char *
_yeastar_simulator_hostile_text (YeastarSimulator *self)
{
  return self->hostile_text != NULL && self->hostile_text[0] != '\0' ? self->hostile_text
                                                                       : DEFAULT_HOSTILE_TEXT;
}

/* Faults that replace the reply, whatever the endpoint. */

static const char *
wrong_types_body (const char *endpoint)
{
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_GET_TOKEN) == 0 ||
      g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REFRESH_TOKEN) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token_expire_time\":\"1800\","
           "\"access_token\":12345,\"refresh_token_expire_time\":null,\"refresh_token\":[\"x\"]}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_INFORMATION) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"firmware_version\":37,"
           "\"system_date_format\":[\"DD/MM/YYYY\"],\"system_time_format\":null,\"timestamp\":\"now\"}}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_MENU_OPTIONS) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"text\":\"1001 - Alice Martin\",\"value\":34}}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REPORT) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"file\":12345,"
           "\"download_resource_url\":{\"url\":\"/api/download/x.csv\"}}";

  return "{\"errcode\":\"0\",\"errmsg\":0}";
}

static void
reply_huge_json (YeastarSimulator  *self,
                 SoupServerMessage *msg)
{
  static const char item[] = "{\"text\":\"1001 - Alice Martin\",\"value\":\"34\",\"type\":\"SIP\"},";
  g_autoptr(GBytes) head = g_bytes_new_static ("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[", 40);
  g_autoptr(GBytes) tail = g_bytes_new_static ("{\"text\":\"end\",\"value\":\"0\",\"type\":\"\"}]}", 38);
  g_autoptr(GBytes) block = NULL;
  GString *items = g_string_sized_new (CHUNK_SIZE + sizeof item);
  guint64 n_blocks;

  while (items->len < CHUNK_SIZE)
    g_string_append (items, item);
  block = g_string_free_to_bytes (items);

  /* Whole blocks only, so the JSON stays valid. */
  n_blocks = MAX (self->huge_json_size / g_bytes_get_size (block), 1);
  _yeastar_simulator_reply_streamed (msg, "application/json; charset=utf-8", head, block, tail,
                                     g_bytes_get_size (head) + n_blocks * g_bytes_get_size (block) + g_bytes_get_size (tail));
}

gboolean
_yeastar_simulator_apply_reply_fault (YeastarSimulator      *self,
                                      SoupServerMessage     *msg,
                                      const char            *endpoint,
                                      YeastarSimulatorFault  fault)
{
  const char *body;
  g_autoptr(GBytes) part = NULL;

  switch (fault)
    {
    case YEASTAR_SIMULATOR_FAULT_HTTP_500:
      _yeastar_simulator_set_body (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html",
                                   "<html><body><h1>500 Internal Server Error</h1></body></html>\n", 61);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HTTP_502:
      body = "<html><body><h1>502 Bad Gateway</h1></body></html>\n";
      _yeastar_simulator_set_body (msg, SOUP_STATUS_BAD_GATEWAY, "text/html", body, strlen (body));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HTML:
      _yeastar_simulator_reply_login_page (msg);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON:
      _yeastar_simulator_reply_json (msg, "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"da");
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_WRONG_TYPES:
      _yeastar_simulator_reply_json (msg, wrong_types_body (endpoint));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HUGE_JSON:
      reply_huge_json (self, msg);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED:
      _yeastar_simulator_reply_error (msg, 10004);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TOKEN_CAP:
      _yeastar_simulator_reply_error (msg, 60002);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_IP_BLOCKED:
      {
        g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (70004);

        json_builder_set_member_name (builder, "block_expire_time");
        json_builder_add_int_value (builder, self->block_duration);
        json_builder_end_object (builder);
        _yeastar_simulator_reply_builder (msg, builder);
      }
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN:
      _yeastar_simulator_reply_error (msg, 70087);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED:
      _yeastar_simulator_reply_error (msg, 10005);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT:
      /* call_report/download answers a 40002 (see _yeastar_simulator_handle_report). */
      if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REPORT) == 0)
        return FALSE;
      {
        g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply_text (-1, _yeastar_simulator_hostile_text (self));

        json_builder_end_object (builder);
        _yeastar_simulator_reply_builder (msg, builder);
      }
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY:
      /* The file endpoint drops its own body (see _yeastar_simulator_handle_file). */
      if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_FILE) == 0)
        return FALSE;
      body = "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"device_name\":\"Demo PBX\"}}";
      part = g_bytes_new_static (body, strlen (body) / 2);
      _yeastar_simulator_reply_dropped (msg, "application/json; charset=utf-8", part, strlen (body));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_NONE:
    case YEASTAR_SIMULATOR_FAULT_STALL:
    case YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED:
    case YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME:
    case YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE:
    case YEASTAR_SIMULATOR_FAULT_REPORT_FAILED:
    case YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR:
    default:
      return FALSE;
    }
}

YeastarSimulatorFault
_yeastar_simulator_take_fault (YeastarSimulator *self,
                               const char       *endpoint)
{
  Fault *fault = endpoint ? g_hash_table_lookup (self->faults, endpoint) : NULL;
  YeastarSimulatorFault result;

  if (fault == NULL)
    return YEASTAR_SIMULATOR_FAULT_NONE;

  result = fault->fault;
  if (fault->remaining > 0 && --fault->remaining == 0)
    g_hash_table_remove (self->faults, endpoint);

  return result;
}

static void
stall_finished_cb (SoupServerMessage *msg,
                   Stall             *stall)
{
  g_ptr_array_remove (stall->self->stalls, stall);
}

static gboolean
stall_done_cb (gpointer user_data)
{
  Stall *stall = user_data;

  g_clear_pointer (&stall->source, g_source_unref);
  soup_server_message_unpause (stall->msg);
  g_ptr_array_remove (stall->self->stalls, stall);
  return G_SOURCE_REMOVE;
}

void
_yeastar_simulator_stall_reply (YeastarSimulator  *self,
                                SoupServerMessage *msg)
{
  Stall *stall = g_new0 (Stall, 1);

  stall->self = self;
  stall->msg = g_object_ref (msg);
  stall->source = _yeastar_simulator_add_timeout (self, self->stall_ms, stall_done_cb, stall);
  g_signal_connect (msg, "finished", G_CALLBACK (stall_finished_cb), stall);
  g_ptr_array_add (self->stalls, stall);
  soup_server_message_pause (msg);
}

void
yeastar_simulator_inject_fault (YeastarSimulator      *self,
                                const char            *endpoint,
                                YeastarSimulatorFault  fault,
                                guint                  count)
{
  Fault *entry;
  const char *key;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (endpoint != NULL);

  /* Keys are the endpoint constants, compared by content. */
  key = _yeastar_simulator_endpoint_key (endpoint);
  g_return_if_fail (key != NULL);

  if (fault == YEASTAR_SIMULATOR_FAULT_NONE)
    {
      g_hash_table_remove (self->faults, key);
      return;
    }

  entry = g_new0 (Fault, 1);
  entry->fault = fault;
  entry->remaining = count;
  g_hash_table_replace (self->faults, (char *) key, entry);
}

void
yeastar_simulator_clear_faults (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  g_hash_table_remove_all (self->faults);
}
