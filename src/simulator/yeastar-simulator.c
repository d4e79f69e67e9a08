/* yeastar-simulator.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator.h"
#include "yeastar-simulator-faults.h"
#include "yeastar-simulator-private.h"

/*
 * A Yeastar P-Series PBX on 127.0.0.1, as far as Call Reports talks to one.
 *
 * Behaviour follows docs/pbx-api.md. Where the vendor leaves a gap the
 * choice is commented where it is made; the short list:
 *
 * - Every reply is HTTP 200 with a JSON {"errcode","errmsg"} body, errors
 *   included, and carries "Connection: close": the PBX closes the
 *   connection after each response.
 * - Wrong credentials answer 20002 (undocumented on the real PBX; any
 *   non-zero errcode is an authentication failure for the client).
 * - The fifth consecutive failure is still answered as a failure and
 *   blocks the IP; from then on every request answers 70004 with
 *   `block_expire_time` (seconds left) until `block-duration` has passed.
 * - Unknown files and expired links answer 60001 DATA NOT FOUND: the PBX
 *   deletes a report file when its link expires.
 *
 * This file holds the object and the request dispatch; the endpoints live
 * in the files that yeastar-simulator-private.h lists.
 */

G_DEFINE_FINAL_TYPE (YeastarSimulator, yeastar_simulator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_CLIENT_SECRET,
  PROP_DATE_FORMAT,
  PROP_TIME_FORMAT,
  PROP_FIRMWARE,
  PROP_MODEL,
  PROP_DEVICE_NAME,
  PROP_SERIAL,
  PROP_CLOCK,
  PROP_ACCESS_TOKEN_LIFETIME,
  PROP_REFRESH_TOKEN_LIFETIME,
  PROP_TOKEN_CAP,
  PROP_LINK_LIFETIME,
  PROP_REPORT_SIZE,
  PROP_ASYNC_DELAY_MS,
  PROP_EVENT_MSG_AS_STRING,
  PROP_BLOCK_DURATION,
  PROP_WEBSOCKET_IDLE_MS,
  PROP_MAX_REQUEST_LINE,
#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
  PROP_STALL_MS,
  PROP_HOSTILE_FILE_NAME,
  PROP_HUGE_JSON_SIZE,
  PROP_HOSTILE_TEXT,
#endif
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_yeastar_simulator_destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

GSource *
_yeastar_simulator_add_timeout (YeastarSimulator *self,
                                guint             ms,
                                GSourceFunc       func,
                                gpointer          data)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, "[yeastar-simulator]");
  g_source_attach (source, self->context);
  return source;
}

GDateTime *
_yeastar_simulator_dup_now (YeastarSimulator *self)
{
  if (self->clock != NULL)
    return g_date_time_ref (self->clock);

  return g_date_time_new_now_local ();
}

/* Queries */

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_free (param->value);
}

static char *
form_unescape (const char *text,
               gssize      len)
{
  g_autofree char *plus = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  char *decoded;

  g_strdelimit (plus, "+", ' ');
  decoded = g_uri_unescape_string (plus, NULL);
  return decoded ? decoded : g_strdup (plus);
}

/* The query as received, in order and decoded as a form ('+' is a space,
 * like the PBX's Go server decodes it). */
static GArray *
parse_query (SoupServerMessage *msg)
{
  GArray *params = g_array_new (FALSE, FALSE, sizeof (Param));
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto(GStrv) pairs = NULL;

  g_array_set_clear_func (params, param_clear);
  if (query == NULL || *query == '\0')
    return params;

  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equal = strchr (pairs[i], '=');
      Param param;

      if (*pairs[i] == '\0')
        continue;

      param.name = form_unescape (pairs[i], equal ? equal - pairs[i] : -1);
      param.value = equal ? form_unescape (equal + 1, -1) : g_strdup ("");
      g_array_append_val (params, param);
    }

  return params;
}

const char *
_yeastar_simulator_lookup_param (GArray     *params,
                                 const char *name)
{
  /* The last occurrence wins. */
  for (guint i = params->len; i-- > 0;)
    if (strcmp (g_array_index (params, Param, i).name, name) == 0)
      return g_array_index (params, Param, i).value;

  return NULL;
}

static void
remember_query (YeastarSimulator *self,
                const char       *endpoint,
                GArray           *params)
{
  GString *query = g_string_new (NULL);
  GPtrArray *all;

  for (guint i = 0; i < params->len; i++)
    {
      const Param *param = &g_array_index (params, Param, i);

      if (strcmp (param->name, "access_token") == 0)
        continue;
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append_printf (query, "%s=%s", param->name, param->value);
    }

  all = g_hash_table_lookup (self->queries, endpoint);
  if (all == NULL)
    {
      all = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->queries, (char *) endpoint, all);
    }
  g_ptr_array_add (all, g_strdup (query->str));

  g_hash_table_insert (self->last_queries, (char *) endpoint, g_string_free (query, FALSE));
}

/* Routing */

static const char * const endpoints[] = {
  YEASTAR_SIMULATOR_GET_TOKEN,
  YEASTAR_SIMULATOR_REFRESH_TOKEN,
  YEASTAR_SIMULATOR_DEL_TOKEN,
  YEASTAR_SIMULATOR_INFORMATION,
  YEASTAR_SIMULATOR_MENU_OPTIONS,
  YEASTAR_SIMULATOR_REPORT,
  YEASTAR_SIMULATOR_SUBSCRIBE,
};

/* The endpoint constant for a path, and its API version. */
static const char *
classify (const char  *path,
          const char **version)
{
  *version = NULL;

  if (g_str_has_prefix (path, "/api/download/"))
    return YEASTAR_SIMULATOR_FILE;

  if (!g_str_has_prefix (path, "/openapi/"))
    return NULL;

  path += strlen ("/openapi/");
  if (g_str_has_prefix (path, "v1.0/"))
    *version = "v1.0";
  else if (g_str_has_prefix (path, "v2.0/"))
    *version = "v2.0";
  else
    return NULL;

  path += strlen ("v1.0/");
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (strcmp (path, endpoints[i]) == 0)
      return endpoints[i];

  return NULL;
}

static gboolean
is_endpoint (const char *endpoint,
             const char *name)
{
  return g_strcmp0 (endpoint, name) == 0;
}

static const char uri_too_long_page[] =
  "<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n"
  "<body>\r\n<center><h1>414 Request-URI Too Large</h1></center>\r\n"
  "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/* "GET /path?query HTTP/1.1\r\n" as it came, longer than the limit. */
static gboolean
request_line_too_long (YeastarSimulator  *self,
                       SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  gsize length;

  if (self->max_request_line == 0)
    return FALSE;

  length = strlen (soup_server_message_get_method (msg)) + 1 +
           strlen (g_uri_get_path (uri)) +
           (query != NULL ? 1 + strlen (query) : 0) +
           strlen (" HTTP/1.1\r\n");

  return length > self->max_request_line;
}

/* Everything every request goes through. Returns TRUE when the request
 * got its reply here; otherwise `*fault` is for the endpoint's handler. */
static gboolean
handle_common (YeastarSimulator      *self,
               SoupServerMessage     *msg,
               const char            *endpoint,
               GArray                *params,
               YeastarSimulatorFault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *user_agent = soup_message_headers_get_one (headers, "User-Agent");
  guint count;

  self->total_requests++;
  *fault = YEASTAR_SIMULATOR_FAULT_NONE;

  if (endpoint != NULL)
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, endpoint));
      g_hash_table_insert (self->request_counts, (char *) endpoint, GUINT_TO_POINTER (count + 1));
      remember_query (self, endpoint, params);
    }

  /* The vendor says every request MUST carry a User-Agent and does not say
   * what happens without one; the simulator refuses it with the generic
   * -1 FAILURE so that a client that forgets it fails loudly. */
  if (user_agent == NULL || *user_agent == '\0')
    {
      _yeastar_simulator_reply_error (msg, -1);
      return TRUE;
    }

  if (_yeastar_simulator_reply_if_blocked (self, msg))
    return TRUE;

  *fault = _yeastar_simulator_take_fault (self, endpoint);
  return _yeastar_simulator_apply_reply_fault (self, msg, endpoint, *fault);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  YeastarSimulator *self = user_data;
  g_autoptr(GArray) params = parse_query (msg);
  const char *version = NULL;
  const char *endpoint = classify (path, &version);
  const char *access_token = _yeastar_simulator_lookup_param (params, "access_token");
  YeastarSimulatorFault fault;

  g_assert (YEASTAR_IS_SIMULATOR (self));

  /* The web server in front of the API refuses a request line longer than
   * its header buffer; the API never sees the request. */
  if (request_line_too_long (self, msg))
    {
      self->total_requests++;
      _yeastar_simulator_set_body (msg, SOUP_STATUS_REQUEST_URI_TOO_LONG, "text/html",
                                   uri_too_long_page, strlen (uri_too_long_page));
      return;
    }

  if (handle_common (self, msg, endpoint, params, &fault))
    goto out;

  if (endpoint == NULL)
    {
      /* The web UI's login page at the root, 404 elsewhere; an unknown
       * OpenAPI path is 10001, an unknown version 10003. */
      if (strcmp (path, "/") == 0)
        _yeastar_simulator_reply_login_page (msg);
      else if (g_str_has_prefix (path, "/openapi/v1.0/") || g_str_has_prefix (path, "/openapi/v2.0/"))
        _yeastar_simulator_reply_error (msg, 10001);
      else if (g_str_has_prefix (path, "/openapi/"))
        _yeastar_simulator_reply_error (msg, 10003);
      else
        _yeastar_simulator_set_body (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>404 Not Found</body></html>\n", 40);
      goto out;
    }

  /* Only the cdr and call_report families exist on v2.0. */
  if (g_strcmp0 (version, "v2.0") == 0 && !is_endpoint (endpoint, YEASTAR_SIMULATOR_REPORT))
    {
      _yeastar_simulator_reply_error (msg, 10001);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_GET_TOKEN))
    {
      _yeastar_simulator_handle_get_token (self, msg);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_REFRESH_TOKEN))
    {
      _yeastar_simulator_handle_refresh_token (self, msg);
      goto out;
    }

  if (!_yeastar_simulator_access_token_valid (self, access_token))
    {
      _yeastar_simulator_reply_error (msg, 10004);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_DEL_TOKEN))
    _yeastar_simulator_handle_del_token (self, msg, access_token);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_INFORMATION))
    _yeastar_simulator_handle_information (self, msg);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_MENU_OPTIONS))
    _yeastar_simulator_handle_menu_options (self, msg, params);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_REPORT))
    {
      self->last_api_version = version;
      _yeastar_simulator_handle_report (self, msg, params, g_strcmp0 (version, "v2.0") == 0, fault);
    }
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_FILE))
    _yeastar_simulator_handle_file (self, msg, fault);
  /* YEASTAR_SIMULATOR_SUBSCRIBE: status stays unset, so the WebSocket
   * handshake goes on in _yeastar_simulator_websocket_callback. */

out:
  if (fault == YEASTAR_SIMULATOR_FAULT_STALL)
    _yeastar_simulator_stall_reply (self, msg);
}

/* GObject */

static void
yeastar_simulator_dispose (GObject *object)
{
  YeastarSimulator *self = (YeastarSimulator *) object;

  yeastar_simulator_stop (self);

  G_OBJECT_CLASS (yeastar_simulator_parent_class)->dispose (object);
}

static void
yeastar_simulator_finalize (GObject *object)
{
  YeastarSimulator *self = (YeastarSimulator *) object;

  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->date_format);
  g_free (self->time_format);
  g_free (self->firmware);
  g_free (self->model);
  g_free (self->device_name);
  g_free (self->serial);
  g_free (self->hostile_file_name);
  g_free (self->hostile_text);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->access_tokens, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_ptr_array_unref);
  g_clear_pointer (&self->faults, g_hash_table_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->last_queries, g_hash_table_unref);
  g_clear_pointer (&self->queries, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->subscribers, g_ptr_array_unref);
  g_clear_pointer (&self->stalls, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (yeastar_simulator_parent_class)->finalize (object);
}

static void
yeastar_simulator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  YeastarSimulator *self = YEASTAR_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_CLIENT_SECRET:
      g_value_set_string (value, self->client_secret);
      break;
    case PROP_DATE_FORMAT:
      g_value_set_string (value, self->date_format);
      break;
    case PROP_TIME_FORMAT:
      g_value_set_string (value, self->time_format);
      break;
    case PROP_FIRMWARE:
      g_value_set_string (value, self->firmware);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;
    case PROP_SERIAL:
      g_value_set_string (value, self->serial);
      break;
    case PROP_CLOCK:
      g_value_set_boxed (value, self->clock);
      break;
    case PROP_ACCESS_TOKEN_LIFETIME:
      g_value_set_uint (value, self->access_token_lifetime);
      break;
    case PROP_REFRESH_TOKEN_LIFETIME:
      g_value_set_uint (value, self->refresh_token_lifetime);
      break;
    case PROP_TOKEN_CAP:
      g_value_set_uint (value, self->token_cap);
      break;
    case PROP_LINK_LIFETIME:
      g_value_set_uint (value, self->link_lifetime);
      break;
    case PROP_REPORT_SIZE:
      g_value_set_uint64 (value, self->report_size);
      break;
    case PROP_ASYNC_DELAY_MS:
      g_value_set_uint (value, self->async_delay_ms);
      break;
    case PROP_EVENT_MSG_AS_STRING:
      g_value_set_boolean (value, self->event_msg_as_string);
      break;
    case PROP_BLOCK_DURATION:
      g_value_set_uint (value, self->block_duration);
      break;
    case PROP_WEBSOCKET_IDLE_MS:
      g_value_set_uint (value, self->websocket_idle_ms);
      break;
    case PROP_MAX_REQUEST_LINE:
      g_value_set_uint (value, self->max_request_line);
      break;
#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
    case PROP_STALL_MS:
      g_value_set_uint (value, self->stall_ms);
      break;
    case PROP_HOSTILE_FILE_NAME:
      g_value_set_string (value, self->hostile_file_name);
      break;
    case PROP_HUGE_JSON_SIZE:
      g_value_set_uint64 (value, self->huge_json_size);
      break;
    case PROP_HOSTILE_TEXT:
      g_value_set_string (value, self->hostile_text);
      break;
#endif
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (YeastarSimulator  *self,
            char             **field,
            const GValue      *value,
            GParamSpec        *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_uint (YeastarSimulator *self,
          guint            *field,
          const GValue     *value,
          GParamSpec       *pspec)
{
  if (*field == g_value_get_uint (value))
    return;

  *field = g_value_get_uint (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_uint64 (YeastarSimulator *self,
            guint64          *field,
            const GValue     *value,
            GParamSpec       *pspec)
{
  if (*field == g_value_get_uint64 (value))
    return;

  *field = g_value_get_uint64 (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
yeastar_simulator_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  YeastarSimulator *self = YEASTAR_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      set_string (self, &self->client_id, value, pspec);
      break;
    case PROP_CLIENT_SECRET:
      set_string (self, &self->client_secret, value, pspec);
      break;
    case PROP_DATE_FORMAT:
      set_string (self, &self->date_format, value, pspec);
      break;
    case PROP_TIME_FORMAT:
      set_string (self, &self->time_format, value, pspec);
      break;
    case PROP_FIRMWARE:
      set_string (self, &self->firmware, value, pspec);
      break;
    case PROP_MODEL:
      set_string (self, &self->model, value, pspec);
      break;
    case PROP_DEVICE_NAME:
      set_string (self, &self->device_name, value, pspec);
      break;
    case PROP_SERIAL:
      set_string (self, &self->serial, value, pspec);
      break;
    case PROP_CLOCK:
      {
        GDateTime *clock = g_value_get_boxed (value);

        if (clock == self->clock || (clock && self->clock && g_date_time_equal (clock, self->clock)))
          break;
        g_clear_pointer (&self->clock, g_date_time_unref);
        self->clock = clock ? g_date_time_ref (clock) : NULL;
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_ACCESS_TOKEN_LIFETIME:
      set_uint (self, &self->access_token_lifetime, value, pspec);
      break;
    case PROP_REFRESH_TOKEN_LIFETIME:
      set_uint (self, &self->refresh_token_lifetime, value, pspec);
      break;
    case PROP_TOKEN_CAP:
      set_uint (self, &self->token_cap, value, pspec);
      break;
    case PROP_LINK_LIFETIME:
      set_uint (self, &self->link_lifetime, value, pspec);
      break;
    case PROP_REPORT_SIZE:
      set_uint64 (self, &self->report_size, value, pspec);
      break;
    case PROP_ASYNC_DELAY_MS:
      set_uint (self, &self->async_delay_ms, value, pspec);
      break;
    case PROP_EVENT_MSG_AS_STRING:
      if (self->event_msg_as_string != g_value_get_boolean (value))
        {
          self->event_msg_as_string = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BLOCK_DURATION:
      set_uint (self, &self->block_duration, value, pspec);
      break;
    case PROP_WEBSOCKET_IDLE_MS:
      set_uint (self, &self->websocket_idle_ms, value, pspec);
      break;
    case PROP_MAX_REQUEST_LINE:
      set_uint (self, &self->max_request_line, value, pspec);
      break;
#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
    case PROP_STALL_MS:
      set_uint (self, &self->stall_ms, value, pspec);
      break;
    case PROP_HOSTILE_FILE_NAME:
      set_string (self, &self->hostile_file_name, value, pspec);
      break;
    case PROP_HUGE_JSON_SIZE:
      set_uint64 (self, &self->huge_json_size, value, pspec);
      break;
    case PROP_HOSTILE_TEXT:
      set_string (self, &self->hostile_text, value, pspec);
      self->menus.hostile_name = self->hostile_text != NULL && self->hostile_text[0] != '\0'
                                 ? self->hostile_text : NULL;
      break;
#endif
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STRING_PROP(id, name, default_value) \
  properties[id] = g_param_spec_string (name, NULL, NULL, default_value, \
                                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define UINT_PROP(id, name, max, default_value) \
  properties[id] = g_param_spec_uint (name, NULL, NULL, 0, max, default_value, \
                                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define UINT64_PROP(id, name, default_value) \
  properties[id] = g_param_spec_uint64 (name, NULL, NULL, 0, G_MAXUINT64, default_value, \
                                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))

static void
yeastar_simulator_class_init (YeastarSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_simulator_dispose;
  object_class->finalize = yeastar_simulator_finalize;
  object_class->get_property = yeastar_simulator_get_property;
  object_class->set_property = yeastar_simulator_set_property;

  /* The demo PBX: the values a newcomer sees in --demo. */
  STRING_PROP (PROP_CLIENT_ID, "client-id", "demo");
  STRING_PROP (PROP_CLIENT_SECRET, "client-secret", "demo-secret");
  STRING_PROP (PROP_DATE_FORMAT, "date-format", "DD/MM/YYYY");
  STRING_PROP (PROP_TIME_FORMAT, "time-format", "hh:mm:ss PM");
  STRING_PROP (PROP_FIRMWARE, "firmware", "37.23.0.123");
  STRING_PROP (PROP_MODEL, "model", "Yeastar P570");
  STRING_PROP (PROP_DEVICE_NAME, "device-name", "Demo PBX");
  STRING_PROP (PROP_SERIAL, "serial", "3631A2124D7E");

  properties[PROP_CLOCK] =
    g_param_spec_boxed ("clock", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT_MSG_AS_STRING] =
    g_param_spec_boolean ("event-msg-as-string", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                           G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  UINT_PROP (PROP_ACCESS_TOKEN_LIFETIME, "access-token-lifetime", G_MAXINT32, 1800);
  UINT_PROP (PROP_REFRESH_TOKEN_LIFETIME, "refresh-token-lifetime", G_MAXINT32, 86400);
  UINT_PROP (PROP_TOKEN_CAP, "token-cap", G_MAXUINT, 8);
  UINT_PROP (PROP_LINK_LIFETIME, "link-lifetime", G_MAXINT32, 1800);
  UINT_PROP (PROP_ASYNC_DELAY_MS, "async-delay-ms", G_MAXINT32, 200);
  /* Added: seconds the IP block lasts after 5 failed logins. */
  UINT_PROP (PROP_BLOCK_DURATION, "block-duration", G_MAXINT32, 600);
  /* Added: a WebSocket without any frame for this long is closed. */
  UINT_PROP (PROP_WEBSOCKET_IDLE_MS, "websocket-idle-ms", G_MAXINT32, 60000);
  UINT64_PROP (PROP_REPORT_SIZE, "report-size", 0);
  /* Added: the longest request line (method, target, version and CRLF)
   * the web server takes, as nginx's default large_client_header_buffers
   * 4 8k; a longer one is answered with HTTP 414 before the API sees it. */
  UINT_PROP (PROP_MAX_REQUEST_LINE, "max-request-line", G_MAXINT32, 8192);

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
  /* Test hooks (see yeastar-simulator-faults.h). */
  UINT_PROP (PROP_STALL_MS, "stall-ms", G_MAXINT32, 30000);
  STRING_PROP (PROP_HOSTILE_FILE_NAME, "hostile-file-name", "../x.csv");
  /* Added: the size of a FAULT_HUGE_JSON reply. */
  UINT64_PROP (PROP_HUGE_JSON_SIZE, "huge-json-size", 100 * 1024 * 1024);
  /* Added: free text with control and bidi characters, where the PBX
   * writes free text (see the header). */
  STRING_PROP (PROP_HOSTILE_TEXT, "hostile-text", NULL);
#endif

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_simulator_init (YeastarSimulator *self)
{
  self->tokens = g_ptr_array_new_with_free_func (_yeastar_simulator_token_free);
  self->access_tokens = g_hash_table_new (g_str_hash, g_str_equal);
  self->refresh_tokens = g_hash_table_new (g_str_hash, g_str_equal);
  self->request_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->last_queries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->queries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _yeastar_simulator_offered_file_free);
  self->subscribers = g_ptr_array_new_with_free_func (_yeastar_simulator_subscriber_free);
  self->events = g_ptr_array_new_with_free_func (_yeastar_simulator_pending_event_free);
  self->created_at = g_get_monotonic_time ();
  _yeastar_simulator_faults_init (self);
  self->name_salt = (guint64) g_random_int () << 32 | g_random_int ();
  _yeastar_simulator_menus_init (&self->menus);
}

/* Public API */

YeastarSimulator *
yeastar_simulator_new (void)
{
  return g_object_new (YEASTAR_TYPE_SIMULATOR, NULL);
}

gboolean
yeastar_simulator_start (YeastarSimulator  *self,
                         GTlsCertificate   *certificate,
                         GError           **error)
{
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (!certificate || G_IS_TLS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "The simulator is already running");
      return FALSE;
    }

  /* No server header: the real PBX does not advertise libsoup either. */
  server = soup_server_new ("server-header", NULL, NULL);
  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (server, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  soup_server_add_handler (server, NULL, server_callback, self, NULL);
  /* The token check runs in server_callback first (same path); the
   * handshake goes on only when that left the status unset. */
  soup_server_add_handler (server, "/openapi/v1.0/subscribe", server_callback, self, NULL);
  soup_server_add_websocket_handler (server, "/openapi/v1.0/subscribe", NULL, NULL,
                                     _yeastar_simulator_websocket_callback, self, NULL);

  if (!soup_server_listen_local (server, 0, options, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  g_assert (uris != NULL);
  self->base_uri = g_strdup_printf ("%s://127.0.0.1:%d",
                                    certificate ? "https" : "http",
                                    g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->context = g_main_context_ref_thread_default ();
  self->server = g_steal_pointer (&server);
  return TRUE;
}

void
yeastar_simulator_stop (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  if (self->events != NULL)
    g_ptr_array_set_size (self->events, 0);
  if (self->subscribers != NULL)
    g_ptr_array_set_size (self->subscribers, 0);
  if (self->stalls != NULL)
    g_ptr_array_set_size (self->stalls, 0);

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base_uri, g_free);
}

char *
yeastar_simulator_dup_base_uri (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return g_strdup (self->base_uri);
}

void
yeastar_simulator_set_menu_size (YeastarSimulator *self,
                                 const char       *menu,
                                 guint             n_options)
{
  YeastarSimulatorMenu kind;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (n_options <= YEASTAR_SIMULATOR_MAX_MENU_SIZE);

  if (!_yeastar_simulator_menu_from_name (menu, &kind))
    {
      g_critical ("The simulator has no menu “%s”", menu);
      return;
    }

  self->menus.sizes[kind] = n_options;
}

void
yeastar_simulator_set_menu_first_id (YeastarSimulator *self,
                                     const char       *menu,
                                     guint             first_id)
{
  YeastarSimulatorMenu kind;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (first_id <= G_MAXUINT - YEASTAR_SIMULATOR_MAX_MENU_SIZE);

  if (!_yeastar_simulator_menu_from_name (menu, &kind))
    {
      g_critical ("The simulator has no menu “%s”", menu);
      return;
    }

  self->menus.first_ids[kind] = first_id;
}

const char *
_yeastar_simulator_endpoint_key (const char *endpoint)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (g_strcmp0 (endpoint, endpoints[i]) == 0)
      return endpoints[i];

  return g_strcmp0 (endpoint, YEASTAR_SIMULATOR_FILE) == 0 ? YEASTAR_SIMULATOR_FILE : NULL;
}

guint
yeastar_simulator_get_request_count (YeastarSimulator *self,
                                     const char       *endpoint)
{
  const char *key = _yeastar_simulator_endpoint_key (endpoint);

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return key ? GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, key)) : 0;
}

guint
yeastar_simulator_get_total_request_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->total_requests;
}

char *
yeastar_simulator_dup_last_query (YeastarSimulator *self,
                                  const char       *endpoint)
{
  const char *key = _yeastar_simulator_endpoint_key (endpoint);

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return key ? g_strdup (g_hash_table_lookup (self->last_queries, key)) : NULL;
}

GStrv
yeastar_simulator_dup_queries (YeastarSimulator *self,
                               const char       *endpoint)
{
  const char *key = _yeastar_simulator_endpoint_key (endpoint);
  GPtrArray *all;
  GStrvBuilder *builder;
  GStrv queries;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  builder = g_strv_builder_new ();
  all = key != NULL ? g_hash_table_lookup (self->queries, key) : NULL;
  for (guint i = 0; all != NULL && i < all->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (all, i));
  queries = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return queries;
}

const char *
yeastar_simulator_get_last_api_version (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return self->last_api_version;
}
