/* yeastar-client-call.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-client-private.h"
#include "yeastar-error.h"

/* How the client talks to the PBX.
 *
 * Every API call goes through one FIFO queue with a single slot: at most
 * one API request is in flight (the PBX dislikes parallel calls). The call
 * at the head of the queue first makes sure there is a valid access token,
 * by refreshing or logging in itself, while it still holds the slot; so
 * there is never more than one login or refresh in flight, and callers that
 * arrive meanwhile simply wait in the queue. File downloads and the
 * WebSocket take their token through the same queue but stream outside it,
 * so a large download does not block the UI's small calls.
 *
 * A login refused by the PBX (wrong credentials, token cap, blocked IP) is
 * remembered and returned to every later call without contacting the PBX
 * again: five failures block the IP, so only an explicit
 * yeastar_client_connect_async() tries again.
 */

#define MAX_REPLY_BYTES (32 * 1024 * 1024)   /* 20,000 menu options are ~2 MB */
#define READ_CHUNK 65536
#define PARSE_IN_THREAD_BYTES (64 * 1024)  /* bigger replies are parsed in a worker thread */
#define REFRESH_MARGIN_US (60 * G_USEC_PER_SEC)

typedef enum
{
  STAGE_LOGIN,
  STAGE_REFRESH,
  STAGE_API,
  STAGE_DEL_TOKEN,
} Stage;

typedef struct
{
  YeastarCallKind kind;
  Stage stage;
  char *method;
  const char *version;    /* "v1.0" / "v2.0" */
  char *endpoint;
  char *query;
  guint allow_processing : 1;
  guint retried : 1;
  guint logged_in : 1;

  SoupMessage *msg;
  GInputStream *stream;
  GByteArray *reply;
  GCancellable *cancellable;
  gulong cancel_id;
  YeastarTransferWatch *watch;   /* the deadlines of the current exchange */
} Call;

static void call_begin          (GTask *task);
static void call_ensure_token   (GTask *task);
static void client_pump         (YeastarClient *self);

static void
call_free (Call *call)
{
  if (call->cancel_id != 0)
    g_cancellable_disconnect (call->cancellable, call->cancel_id);
  g_clear_object (&call->cancellable);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->endpoint, g_free);
  g_clear_pointer (&call->query, g_free);
  g_clear_object (&call->watch);
  g_clear_object (&call->msg);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->reply, g_byte_array_unref);
  g_free (call);
}


/* ---------------------------------------------------------------------- */
/* The exchange: send one message, read the bounded body, check it        */

static void call_exchange_done (GTask *task, JsonObject *root, GError *error);

static gboolean
call_is_login (Call *call)
{
  return call->stage == STAGE_LOGIN || call->stage == STAGE_REFRESH;
}

static void
parse_thread (GTask        *parse,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  /* NULL when it is not JSON; _yeastar_reply_check_envelope() says so. */
  g_task_return_pointer (parse, _yeastar_reply_parse_json (task_data), (GDestroyNotify) json_node_unref);
}

static void
on_call_parsed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  JsonObject *root = NULL;

  node = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      call_exchange_done (task, NULL, _yeastar_client_transport_error (self, call->msg, error));
      return;
    }

  envelope = _yeastar_reply_check_envelope (node, call->endpoint, &error);
  if (envelope != NULL)
    root = _yeastar_reply_check_errcode (envelope, call->endpoint, call->allow_processing,
                                         call_is_login (call), _yeastar_client_get_secrets (self), &error);
  call_exchange_done (task, root, g_steal_pointer (&error));
}

/* The HTTP layer of a reply (yeastar-reply.c). */
static gboolean
check_http (YeastarClient  *self,
            Call           *call,
            GError        **error)
{
  g_autoptr(GUri) own = _yeastar_client_dup_origin (self);

  return _yeastar_reply_check_http (call->msg, call->endpoint, own, self->host, error);
}

static void
on_call_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GTask) parse = NULL;
  JsonObject *root;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      call_exchange_done (task, NULL, _yeastar_client_transport_error (self, call->msg, error));
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      yeastar_transfer_watch_add_bytes (call->watch, g_bytes_get_size (chunk));
      if (call->reply->len + g_bytes_get_size (chunk) > MAX_REPLY_BYTES)
        {
          call_exchange_done (task, NULL,
                              g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                           _("The PBX’s reply to “%s” is unreasonably large."),
                                           call->endpoint));
          return;
        }
      g_byte_array_append (call->reply, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                       yeastar_transfer_watch_get_cancellable (call->watch),
                                       on_call_read, g_object_ref (task));
      return;
    }

  yeastar_transfer_watch_stop (call->watch);

  /* A body cut short of its Content-Length is a network failure, not
   * malformed JSON. */
  {
    SoupMessageHeaders *headers = soup_message_get_response_headers (call->msg);

    if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
        soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
        soup_message_headers_get_content_length (headers) != (goffset) call->reply->len)
      {
        g_autoptr(GError) partial = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "");

        call_exchange_done (task, NULL, _yeastar_client_transport_error (self, call->msg, partial));
        return;
      }
  }

  if (!check_http (self, call, &error))
    {
      call_exchange_done (task, NULL, g_steal_pointer (&error));
      return;
    }

  body = g_bytes_new (call->reply->data, call->reply->len);
  if (g_bytes_get_size (body) < PARSE_IN_THREAD_BYTES || _yeastar_reply_looks_like_html (body))
    {
      root = _yeastar_client_parse_reply (self, body, call->endpoint, call->allow_processing,
                                          call_is_login (call), &error);
      call_exchange_done (task, root, g_steal_pointer (&error));
      return;
    }

  /* Parsing 20,000 menu options takes json-glib about 50 ms: not on the
   * main thread (build-aux/bench.sh, the selector case). The worker's
   * task holds no client, so that the client is never finalized off the
   * main thread. */
  parse = g_task_new (NULL, call->cancellable, on_call_parsed, g_steal_pointer (&task));
  g_task_set_source_tag (parse, on_call_read);
  g_task_set_task_data (parse, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (parse, parse_thread);
}

static void
on_call_sent (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  call->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (call->stream == NULL)
    {
      call_exchange_done (task, NULL, _yeastar_client_transport_error (self, call->msg, error));
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->msg));
  if (length > MAX_REPLY_BYTES)
    {
      call_exchange_done (task, NULL,
                          g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                       _("The PBX’s reply to “%s” is unreasonably large."),
                                       call->endpoint));
      return;
    }

  g_clear_pointer (&call->reply, g_byte_array_unref);
  call->reply = g_byte_array_new ();
  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   yeastar_transfer_watch_get_cancellable (call->watch),
                                   on_call_read, g_object_ref (task));
}

static void
call_exchange (GTask       *task,
               Stage        stage,
               const char  *method,
               const char  *path,
               const char  *query,
               const char  *token,
               JsonBuilder *body)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  call->stage = stage;
  g_clear_object (&call->msg);
  g_clear_object (&call->stream);

  call->msg = _yeastar_client_new_message (self, method, path, query, token);
  if (call->msg == NULL)
    {
      call_exchange_done (task, NULL,
                          g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                                       _("Could not build a valid request for “%s”."),
                                       call->endpoint));
      return;
    }

  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) node = json_builder_get_root (body);
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;
      char *text;

      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, &len);
      bytes = g_bytes_new_take (text, len);
      soup_message_set_request_body_from_bytes (call->msg, "application/json", bytes);
    }

  g_debug ("%s %s (%s)", method, path,
           stage == STAGE_LOGIN ? "login" : stage == STAGE_REFRESH ? "refresh" :
           stage == STAGE_DEL_TOKEN ? "revoke" : "call");

  g_clear_object (&call->watch);
  call->watch = yeastar_transfer_watch_new (call->msg, self->host, &self->limits, call->cancellable);
  soup_session_send_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                           yeastar_transfer_watch_get_cancellable (call->watch),
                           on_call_sent, g_object_ref (task));
}

/* ---------------------------------------------------------------------- */
/* Queue                                                                  */

static void
call_return (GTask    *task,
             gpointer  value,
             GDestroyNotify value_free,
             GError   *error)
{
  /* The task holds the client; keep it alive past the task's end. */
  g_autoptr(YeastarClient) self = g_object_ref (g_task_get_source_object (task));
  Call *call = g_task_get_task_data (task);

  g_clear_object (&call->stream);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, value_free);

  if (self->current == task)
    {
      g_clear_object (&self->current);
      client_pump (self);
    }
}

static gboolean
prune_cancelled (gpointer user_data)
{
  g_autoptr(YeastarClient) self = user_data;
  GList *link = self->queue.head;

  while (link != NULL)
    {
      GList *next = link->next;
      GTask *task = link->data;

      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          g_queue_delete_link (&self->queue, link);
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
        }
      link = next;
    }

  return G_SOURCE_REMOVE;
}

static void
on_queued_cancelled (GCancellable  *cancellable,
                     YeastarClient *self)
{
  /* May run in another thread, and inside g_cancellable_cancel(): defer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, prune_cancelled, g_object_ref (self), NULL);
}

static void
client_pump (YeastarClient *self)
{
  while (self->current == NULL && !g_queue_is_empty (&self->queue))
    {
      GTask *task = g_queue_pop_head (&self->queue);

      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          continue;
        }

      self->current = task;
      call_begin (task);
    }
}

static void
client_enqueue (YeastarClient       *self,
                Call                *call,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  if (cancellable != NULL)
    {
      call->cancellable = g_object_ref (cancellable);
      call->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_queued_cancelled),
                                               self, NULL);
    }

  g_queue_push_tail (&self->queue, task);
  client_pump (self);
}

static Call *
call_new (YeastarCallKind    kind,
          const char *method,
          const char *version,
          const char *endpoint,
          const char *query)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->method = g_strdup (method);
  call->version = version;
  call->endpoint = g_strdup (endpoint);
  call->query = g_strdup (query);
  return call;
}

/* ---------------------------------------------------------------------- */
/* Tokens                                                                 */

static gboolean
token_is_fresh (YeastarClient *self)
{
  return self->access_token != NULL &&
         g_get_monotonic_time () < self->access_expires - self->access_margin;
}

static gboolean
refresh_is_possible (YeastarClient *self)
{
  return self->refresh_token != NULL &&
         g_get_monotonic_time () < self->refresh_expires - self->refresh_margin;
}

static void
forget_tokens (YeastarClient *self)
{
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->refresh_token, g_free);
  self->access_expires = 0;
  self->refresh_expires = 0;
  _yeastar_client_notify_logged_in (self);
}

static gboolean
store_tokens (YeastarClient  *self,
              JsonObject     *root,
              GError        **error)
{
  const char *names[] = { "access_token", "refresh_token" };
  const char *lifetimes[] = { "access_token_expire_time", "refresh_token_expire_time" };
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < 2; i++)
    {
      JsonNode *token = json_object_get_member (root, names[i]);
      JsonNode *lifetime = json_object_get_member (root, lifetimes[i]);

      if (token == NULL || !JSON_NODE_HOLDS_VALUE (token) ||
          json_node_get_value_type (token) != G_TYPE_STRING ||
          json_node_get_string (token)[0] == '\0' ||
          lifetime == NULL || !JSON_NODE_HOLDS_VALUE (lifetime) ||
          json_node_get_value_type (lifetime) != G_TYPE_INT64 ||
          json_node_get_int (lifetime) <= 0)
        {
          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                       _("The PBX’s login reply has no usable “%s”."), names[i]);
          return FALSE;
        }
    }

  for (guint i = 0; i < 2; i++)
    _yeastar_client_remember_secret (self, json_object_get_string_member (root, names[i]));

  g_free (self->access_token);
  self->access_token = g_strdup (json_object_get_string_member (root, "access_token"));
  g_free (self->refresh_token);
  self->refresh_token = g_strdup (json_object_get_string_member (root, "refresh_token"));

  /* Renew about 60 s early; for short lifetimes (tests, odd PBXs) half way. */
  {
    gint64 access = json_object_get_int_member (root, "access_token_expire_time") * G_USEC_PER_SEC;
    gint64 refresh = json_object_get_int_member (root, "refresh_token_expire_time") * G_USEC_PER_SEC;

    self->access_expires = now + access;
    self->refresh_expires = now + refresh;
    self->access_margin = MIN (REFRESH_MARGIN_US, access / 2);
    self->refresh_margin = MIN (REFRESH_MARGIN_US, refresh / 2);
  }

  _yeastar_client_notify_logged_in (self);
  return TRUE;
}

gboolean
_yeastar_client_store_tokens (YeastarClient  *self,
                              JsonObject     *root,
                              GError        **error)
{
  return store_tokens (self, root, error);
}

static void
call_login (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) body = json_builder_new ();

  call->logged_in = TRUE;

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "username");
  json_builder_add_string_value (body, self->client_id);
  json_builder_set_member_name (body, "password");
  json_builder_add_string_value (body, self->client_secret);
  json_builder_end_object (body);

  call_exchange (task, STAGE_LOGIN, "POST", "/openapi/v1.0/get_token", NULL, NULL, body);
}

static void
call_refresh (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  g_autoptr(JsonBuilder) body = json_builder_new ();

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "refresh_token");
  json_builder_add_string_value (body, self->refresh_token);
  json_builder_end_object (body);

  call_exchange (task, STAGE_REFRESH, "POST", "/openapi/v1.0/refresh_token", NULL, NULL, body);
}

static void
call_send_api (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/openapi/%s/%s", call->version, call->endpoint);

  call_exchange (task, STAGE_API, call->method, path, call->query, self->access_token, NULL);
}

static void
call_token_ready (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  switch (call->kind)
    {
    case _YEASTAR_CALL_API:
      call_send_api (task);
      break;

    case _YEASTAR_CALL_TOKEN:
    case _YEASTAR_CALL_LOGIN:
      {
        gint64 *expires = g_new (gint64, 1);

        /* The token and its expiry travel together; see the finish. */
        *expires = self->access_expires - self->access_margin;
        g_object_set_data_full (G_OBJECT (task), "expires", expires, g_free);
        call_return (task, g_strdup (self->access_token), g_free, NULL);
      }
      break;

    case _YEASTAR_CALL_DEL_TOKEN:
    default:
      g_assert_not_reached ();
    }
}

static void
call_ensure_token (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  if (self->login_error != NULL)
    call_return (task, NULL, NULL, g_error_copy (self->login_error));
  else if (token_is_fresh (self))
    call_token_ready (task);
  else if (refresh_is_possible (self))
    call_refresh (task);
  else if (!call->logged_in)
    call_login (task);
  else
    /* Logged in during this very call and the token is already stale:
     * never loop on get_token. */
    call_return (task, NULL, NULL,
                 g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED,
                              _("The PBX hands out access tokens that expire at once. "
                                "Check the PBX clock.")));
}

static gboolean
is_refusal (const GError *error)
{
  return error->domain == YEASTAR_ERROR &&
         (error->code == YEASTAR_ERROR_AUTHENTICATION_FAILED ||
          error->code == YEASTAR_ERROR_TOKEN_LIMIT ||
          error->code == YEASTAR_ERROR_IP_BLOCKED ||
          error->code == YEASTAR_ERROR_IP_FORBIDDEN ||
          error->code == YEASTAR_ERROR_PERMISSION_DENIED);
}

static void
call_exchange_done (GTask      *task,
                    JsonObject *root,
                    GError     *error)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonObject) owned_root = root;

  switch (call->stage)
    {
    case STAGE_LOGIN:
      if (error == NULL && !store_tokens (self, root, &error))
        {
          /* A "successful" login without tokens: do not try again. */
        }
      if (error != NULL)
        {
          /* Remember refusals so nothing retries the login by itself. */
          if (is_refusal (error))
            {
              g_clear_error (&self->login_error);
              self->login_error = g_error_copy (error);
            }
          call_return (task, NULL, NULL, error);
          return;
        }
      call_ensure_token (task);
      return;

    case STAGE_REFRESH:
      if (error == NULL && store_tokens (self, root, &error))
        {
          call_ensure_token (task);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK) ||
          g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED) ||
          g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_CHANGED) ||
          g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_IP_BLOCKED) ||
          g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_IP_FORBIDDEN))
        {
          call_return (task, NULL, NULL, error);
          return;
        }
      /* The refresh token is dead (or the reply odd): log in once. */
      g_debug ("refresh refused, logging in again");
      g_clear_error (&error);
      forget_tokens (self);
      call_ensure_token (task);
      return;

    case STAGE_API:
      if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED) && !call->retried)
        {
          /* 10004: renew (refresh, or log in if that fails) once and retry once. */
          g_debug ("%s answered 10004, renewing the token", call->endpoint);
          g_clear_error (&error);
          call->retried = TRUE;
          self->access_expires = 0;
          call_ensure_token (task);
          return;
        }
      if (error != NULL)
        call_return (task, NULL, NULL, error);
      else
        call_return (task, g_steal_pointer (&owned_root), (GDestroyNotify) json_object_unref, NULL);
      return;

    case STAGE_DEL_TOKEN:
      /* The token is gone locally whatever the PBX said. */
      forget_tokens (self);
      if (error != NULL)
        call_return (task, NULL, NULL, error);
      else
        call_return (task, GINT_TO_POINTER (TRUE), NULL, NULL);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
call_begin (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  switch (call->kind)
    {
    case _YEASTAR_CALL_LOGIN:
      /* The user asked to connect: a remembered refusal may be retried. */
      g_clear_error (&self->login_error);
      call_ensure_token (task);
      break;

    case _YEASTAR_CALL_DEL_TOKEN:
      if (self->access_token == NULL)
        call_return (task, GINT_TO_POINTER (TRUE), NULL, NULL);
      else if (g_get_monotonic_time () >= self->access_expires)
        {
          /* Already expired: nothing left to revoke. */
          forget_tokens (self);
          call_return (task, GINT_TO_POINTER (TRUE), NULL, NULL);
        }
      else
        {
          g_autofree char *token = g_strdup (self->access_token);

          call_exchange (task, STAGE_DEL_TOKEN, "GET", "/openapi/v1.0/del_token", NULL, token, NULL);
        }
      break;

    case _YEASTAR_CALL_API:
    case _YEASTAR_CALL_TOKEN:
      call_ensure_token (task);
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
version_path (YeastarApiVersion version)
{
  return version == YEASTAR_API_VERSION_V2 ? "v2.0" : "v1.0";
}

void
_yeastar_client_enqueue (YeastarClient       *self,
                         YeastarCallKind      kind,
                         const char          *endpoint,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_assert (kind != _YEASTAR_CALL_API);

  client_enqueue (self, call_new (kind, NULL, NULL, endpoint, NULL),
                  source_tag, cancellable, callback, user_data);
}

void
_yeastar_client_call_async (YeastarClient       *self,
                            const char          *method,
                            YeastarApiVersion    version,
                            const char          *endpoint,
                            const char          *query,
                            gboolean             allow_processing,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Call *call = call_new (_YEASTAR_CALL_API, method, version_path (version), endpoint, query);

  call->allow_processing = !!allow_processing;
  client_enqueue (self, call, _yeastar_client_call_async, cancellable, callback, user_data);
}

JsonObject *
_yeastar_client_call_finish (YeastarClient  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_yeastar_client_get_access_token_async (YeastarClient       *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (YEASTAR_IS_CLIENT (self));

  client_enqueue (self, call_new (_YEASTAR_CALL_TOKEN, NULL, NULL, "token", NULL),
                  _yeastar_client_get_access_token_async, cancellable, callback, user_data);
}

char *
_yeastar_client_get_access_token_finish (YeastarClient  *self,
                                         GAsyncResult   *result,
                                         gint64         *expires_at,
                                         GError        **error)
{
  char *token = g_task_propagate_pointer (G_TASK (result), error);

  if (expires_at != NULL)
    {
      gint64 *expires = g_object_get_data (G_OBJECT (result), "expires");

      *expires_at = expires ? *expires : 0;
    }
  return token;
}

void
_yeastar_client_invalidate_token (YeastarClient *self,
                                  const char    *token)
{
  g_return_if_fail (YEASTAR_IS_CLIENT (self));

  if (token != NULL && g_strcmp0 (token, self->access_token) == 0)
    self->access_expires = 0;
}
