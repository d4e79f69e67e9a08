/* yeastar-client.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-client-private.h"
#include "yeastar-enums.h"
#include "yeastar-error.h"
#include "yeastar-transfer-watch.h"

/* The client object: its properties, the messages it builds, the errors
 * of the transport, and the calls other than call_report/download. How
 * calls are queued and tokens kept is in yeastar-client-call.c; the
 * report flow in yeastar-report-job.c. */

#define USER_AGENT "OpenAPI"
#define DEFAULT_REPORT_TIMEOUT 300
#define DEFAULT_IO_TIMEOUT 120               /* docs: sync reports may take 60-120 s */

G_DEFINE_FINAL_TYPE (YeastarClient, yeastar_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_CLIENT_ID,
  PROP_CLIENT_SECRET,
  PROP_API_VERSION,
  PROP_PINNED_CERTIFICATE,
  PROP_REPORT_TIMEOUT,
  PROP_LOGGED_IN,
  PROP_PBX_INFO,
  PROP_DATE_FORMAT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       YeastarClient        *self)
{
  g_autoptr(GUri) own = g_uri_parse (self->base_uri, SOUP_HTTP_URI_FLAGS, NULL);

  return _yeastar_tls_accept_certificate (msg, certificate, self->pinned, own);
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

const char * const *
_yeastar_client_get_secrets (YeastarClient *self)
{
  return (const char * const *) self->secrets->pdata;
}

void
_yeastar_client_remember_secret (YeastarClient *self,
                                 const char    *secret)
{
  if (secret == NULL || secret[0] == '\0')
    return;

  for (guint i = 0; i + 1 < self->secrets->len; i++)
    if (g_str_equal (g_ptr_array_index (self->secrets, i), secret))
      return;

  /* Keep the array NULL-terminated. */
  g_ptr_array_insert (self->secrets, self->secrets->len - 1, g_strdup (secret));
}

static char *
describe_cause (YeastarClient *self,
                const GError  *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
          return g_strdup (_("the connection was refused; check the address and port"));
        case G_IO_ERROR_TIMED_OUT:
          return g_strdup (_("no answer in time"));
        case G_IO_ERROR_HOST_UNREACHABLE:   /* == G_IO_ERROR_HOST_NOT_FOUND */
        case G_IO_ERROR_NETWORK_UNREACHABLE:
          return g_strdup (_("the host cannot be found or reached"));
        case G_IO_ERROR_CONNECTION_CLOSED:   /* == G_IO_ERROR_BROKEN_PIPE */
          return g_strdup (_("the connection was closed"));
        case G_IO_ERROR_PARTIAL_INPUT:
          return g_strdup (_("the reply ended too early"));
        default:
          break;
        }
    }
  else if (error->domain == G_RESOLVER_ERROR)
    return g_strdup (_("the host name was not found"));

  /* Anything else: GLib's text, which may quote the URI (and so the
   * access_token): scrub it. */
  return _yeastar_error_scrub (error->message, _yeastar_client_get_secrets (self));
}

GError *
_yeastar_client_transport_error (YeastarClient *self,
                                 SoupMessage   *msg,
                                 const GError  *error)
{
  const GError *deadline = yeastar_transfer_watch_peek_message_error (msg);
  g_autofree char *cause = NULL;
  GError *tls_error;

  /* A deadline cancelled the exchange: say which. */
  if (deadline != NULL)
    return g_error_copy (deadline);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  if (error->domain == YEASTAR_ERROR)
    return g_error_copy (error);

  tls_error = _yeastar_tls_refusal_error (msg, self->host, self->pinned);
  if (tls_error != NULL)
    return tls_error;

  cause = describe_cause (self, error);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                        _("Could not set up a secure connection to the PBX at %s: %s"),
                        self->host, cause);

  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                      _("Could not reach the PBX at %s: %s"), self->host, cause);
}


/* Messages                                                               */

/* Percent-encodes what must not appear raw in a request line (space,
 * control, non-ASCII, '#'); existing %XX escapes are kept. */
static char *
encode_query (const char *query)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) query; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p >= 0x7F || *p == '#' || *p == '"' || *p == '<' ||
          *p == '>' || *p == '\\' || *p == '^' || *p == '`' || *p == '{' ||
          *p == '|' || *p == '}')
        g_string_append_printf (out, "%%%02X", *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

SoupMessage *
_yeastar_client_new_message (YeastarClient *self,
                             const char    *method,
                             const char    *path,
                             const char    *query,
                             const char    *access_token)
{
  g_autofree char *encoded = query && query[0] ? encode_query (query) : NULL;
  g_autofree char *uri = NULL;
  SoupMessage *msg;

  uri = g_strconcat (self->base_uri, path,
                     encoded ? "?" : "", encoded ? encoded : "",
                     access_token ? (encoded ? "&" : "?") : "",
                     access_token ? "access_token=" : "",
                     access_token ? access_token : "",
                     NULL);

  msg = soup_message_new (method, uri);
  if (msg == NULL)
    return NULL;

  /* Redirects are judged by the caller (yeastar-origin.c). */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect_object (msg, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
  return msg;
}

/* A GET of @uri, which is within the PBX's origin. */
SoupMessage *
_yeastar_client_new_message_for_uri (YeastarClient *self,
                                     GUri          *uri)
{
  SoupMessage *msg = soup_message_new_from_uri ("GET", uri);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect_object (msg, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
  return msg;
}

GUri *
_yeastar_client_dup_origin (YeastarClient *self)
{
  return g_uri_parse (self->base_uri, SOUP_HTTP_URI_FLAGS, NULL);
}

const YeastarTransferLimits *
_yeastar_client_get_transfer_limits (YeastarClient *self)
{
  return &self->limits;
}

SoupSession *
_yeastar_client_get_session (YeastarClient *self)
{
  return self->session;
}

const char *
_yeastar_client_get_host (YeastarClient *self)
{
  return self->host;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

void
_yeastar_client_notify_logged_in (YeastarClient *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOGGED_IN]);
}

void
_yeastar_client_set_corrected_format (YeastarClient     *self,
                                      YeastarDateFormat *format)
{
  g_clear_pointer (&self->corrected_format, yeastar_date_format_unref);
  self->corrected_format = yeastar_date_format_ref (format);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_FORMAT]);
}

static void
yeastar_client_dispose (GObject *object)
{
  YeastarClient *self = (YeastarClient *) object;

  /* The stream closes itself (_yeastar_event_stream_release()). */
  g_object_set_data (G_OBJECT (self), _YEASTAR_CLIENT_EVENTS_KEY, NULL);

  if (self->session != NULL)
    soup_session_abort (self->session);

  G_OBJECT_CLASS (yeastar_client_parent_class)->dispose (object);
}

static void
yeastar_client_finalize (GObject *object)
{
  YeastarClient *self = (YeastarClient *) object;

  /* Queued tasks hold a reference on the client, so the queue is empty. */
  g_assert (g_queue_is_empty (&self->queue));
  g_assert (self->current == NULL);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_secret, g_free);
  g_clear_pointer (&self->pinned, g_free);
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->refresh_token, g_free);
  g_clear_error (&self->login_error);
  g_clear_pointer (&self->secrets, g_ptr_array_unref);
  g_clear_object (&self->pbx_info);
  g_clear_pointer (&self->corrected_format, yeastar_date_format_unref);
  g_clear_object (&self->async_slot);

  G_OBJECT_CLASS (yeastar_client_parent_class)->finalize (object);
}

static void
yeastar_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YeastarClient *self = YEASTAR_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;

    case PROP_API_VERSION:
      g_value_set_enum (value, self->api_version);
      break;

    case PROP_PINNED_CERTIFICATE:
      g_value_set_string (value, self->pinned);
      break;

    case PROP_REPORT_TIMEOUT:
      g_value_set_uint (value, self->report_timeout);
      break;

    case PROP_LOGGED_IN:
      g_value_set_boolean (value, yeastar_client_get_logged_in (self));
      break;

    case PROP_PBX_INFO:
      g_value_set_object (value, self->pbx_info);
      break;

    case PROP_DATE_FORMAT:
      g_value_set_boxed (value, yeastar_client_get_date_format (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  YeastarClient *self = YEASTAR_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      /* Already normalised by yeastar_client_new(); g_object_new() callers
       * get it normalised here, or the client stays unusable (NULL). */
      self->base_uri = yeastar_client_normalize_base_uri (g_value_get_string (value), NULL);
      break;

    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;

    case PROP_CLIENT_SECRET:
      self->client_secret = g_value_dup_string (value);
      break;

    case PROP_API_VERSION:
      yeastar_client_set_api_version (self, g_value_get_enum (value));
      break;

    case PROP_PINNED_CERTIFICATE:
      yeastar_client_set_pinned_certificate (self, g_value_get_string (value));
      break;

    case PROP_REPORT_TIMEOUT:
      yeastar_client_set_report_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_client_constructed (GObject *object)
{
  YeastarClient *self = (YeastarClient *) object;
  g_autoptr(GUri) uri = NULL;

  G_OBJECT_CLASS (yeastar_client_parent_class)->constructed (object);

  if (self->base_uri != NULL)
    uri = g_uri_parse (self->base_uri, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    self->host = g_uri_get_port (uri) > 0
      ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
      : g_strdup (g_uri_get_host (uri));
  else
    self->host = g_strdup ("?");

  _yeastar_client_remember_secret (self, self->client_secret);
}

static void
yeastar_client_class_init (YeastarClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = yeastar_client_constructed;
  object_class->dispose = yeastar_client_dispose;
  object_class->finalize = yeastar_client_finalize;
  object_class->get_property = yeastar_client_get_property;
  object_class->set_property = yeastar_client_set_property;

  properties [PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Write-only: the secret never leaves the client. */
  properties [PROP_CLIENT_SECRET] =
    g_param_spec_string ("client-secret", NULL, NULL, NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* AUTO: from the firmware; a request's own version wins over this. */
  properties [PROP_API_VERSION] =
    g_param_spec_enum ("api-version", NULL, NULL,
                       YEASTAR_TYPE_API_VERSION, YEASTAR_API_VERSION_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PINNED_CERTIFICATE] =
    g_param_spec_string ("pinned-certificate", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REPORT_TIMEOUT] =
    g_param_spec_uint ("report-timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_REPORT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOGGED_IN] =
    g_param_spec_boolean ("logged-in", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PBX_INFO] =
    g_param_spec_object ("pbx-info", NULL, NULL, YEASTAR_TYPE_PBX_INFO,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* What reports are asked for in: the PBX's format, or the one a v2.0
   * 40002 asked for on this connection. */
  properties [PROP_DATE_FORMAT] =
    g_param_spec_boxed ("date-format", NULL, NULL, YEASTAR_TYPE_DATE_FORMAT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_client_init (YeastarClient *self)
{
  self->report_timeout = DEFAULT_REPORT_TIMEOUT;
  self->limits.header_timeout = YEASTAR_DEFAULT_HEADER_TIMEOUT;
  self->limits.min_speed = YEASTAR_DEFAULT_MIN_SPEED;
  self->limits.stall_time = YEASTAR_DEFAULT_STALL_TIME;
  self->secrets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->secrets, NULL);
  g_queue_init (&self->queue);
  self->async_slot = yeastar_async_slot_new ();

  /* One session for everything. API calls go one at a time (see
   * yeastar-client-call.c); the second connection leaves room for
   * the event WebSocket's handshake beside a call. Report files are fetched
   * outside libsoup (yeastar-http1-get.c). */
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", DEFAULT_IO_TIMEOUT,
                                                 "max-conns-per-host", 2,
                                                 NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/**
 * yeastar_client_new:
 * @base_uri: the PBX address, see yeastar_client_normalize_base_uri()
 * @client_id: the API application's Client ID
 * @client_secret: its Client Secret
 *
 * Returns: (transfer full) (nullable): a client, or NULL if @base_uri is
 *   not usable
 */
YeastarClient *
yeastar_client_new (const char  *base_uri,
                    const char  *client_id,
                    const char  *client_secret,
                    GError     **error)
{
  g_autofree char *normalized = yeastar_client_normalize_base_uri (base_uri, error);

  if (normalized == NULL)
    return NULL;

  if (client_id == NULL || client_id[0] == '\0' || client_secret == NULL || client_secret[0] == '\0')
    {
      g_set_error_literal (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                           _("Enter the Client ID and Client Secret shown under Integrations > "
                             "API on the PBX."));
      return NULL;
    }

  return g_object_new (YEASTAR_TYPE_CLIENT,
                       "base-uri", normalized,
                       "client-id", client_id,
                       "client-secret", client_secret,
                       NULL);
}

const char *
yeastar_client_get_base_uri (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  return self->base_uri;
}

const char *
yeastar_client_get_client_id (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  return self->client_id;
}

YeastarApiVersion
yeastar_client_get_api_version (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), YEASTAR_API_VERSION_AUTO);
  return self->api_version;
}

/* AUTO chooses from the firmware; a request's own version wins over this. */
void
yeastar_client_set_api_version (YeastarClient     *self,
                                YeastarApiVersion  version)
{
  g_return_if_fail (YEASTAR_IS_CLIENT (self));

  if (self->api_version != version)
    {
      self->api_version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_API_VERSION]);
    }
}

const char *
yeastar_client_get_pinned_certificate (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  return self->pinned;
}

/**
 * yeastar_client_set_pinned_certificate:
 * @sha256: (nullable): the SHA-256 fingerprint of the one certificate to
 *   accept although it is not trusted, or NULL for normal verification only
 *
 * Returns: FALSE if @sha256 is not a SHA-256 fingerprint (nothing changes)
 */
gboolean
yeastar_client_set_pinned_certificate (YeastarClient *self,
                                       const char    *sha256)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), FALSE);

  if (sha256 != NULL)
    {
      normalized = yeastar_tls_normalize_fingerprint (sha256);
      if (normalized == NULL)
        return FALSE;
    }

  if (g_strcmp0 (normalized, self->pinned) != 0)
    {
      g_free (self->pinned);
      self->pinned = g_steal_pointer (&normalized);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PINNED_CERTIFICATE]);
    }

  return TRUE;
}

guint
yeastar_client_get_report_timeout (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), 0);
  return self->report_timeout;
}

/* How long an async report (is_async=1) may take before event 30027. */
void
yeastar_client_set_report_timeout (YeastarClient *self,
                                   guint          seconds)
{
  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->report_timeout != seconds)
    {
      self->report_timeout = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT_TIMEOUT]);
    }
}

/**
 * yeastar_client_set_transfer_limits:
 * @limits: the deadlines of every exchange with the PBX
 *
 * Sets how long the headers of an answer may take once it started, and
 * how slow a body may be (bytes per second over a window of seconds);
 * see yeastar-transfer-watch.c. The defaults are 60 s, 1 KiB/s and 60 s.
 * Applies to exchanges started from now on.
 */
void
yeastar_client_set_transfer_limits (YeastarClient               *self,
                                    const YeastarTransferLimits *limits)
{
  guint io_timeout;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (limits != NULL);

  self->limits = *limits;

  /* libsoup's idle timeout must not cut a longer deadline short. */
  io_timeout = MAX (DEFAULT_IO_TIMEOUT, MAX (limits->header_timeout, limits->stall_time));
  g_object_set (self->session, "timeout", io_timeout, NULL);
}

void
yeastar_client_get_transfer_limits (YeastarClient         *self,
                                    YeastarTransferLimits *limits)
{
  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (limits != NULL);

  *limits = self->limits;
}

gboolean
yeastar_client_get_logged_in (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), FALSE);
  return self->access_token != NULL;
}

/**
 * yeastar_client_get_date_format:
 *
 * Returns: (transfer none) (nullable): the format reports are asked for
 *   in: the one a v2.0 validator asked for on this connection (its
 *   YeastarHourSource is YEASTAR_HOUR_SOURCE_PBX_HINT), else the PBX's;
 *   NULL before system/information was read
 */
YeastarDateFormat *
yeastar_client_get_date_format (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);

  if (self->corrected_format != NULL)
    return self->corrected_format;

  return self->pbx_info != NULL ? yeastar_pbx_info_get_date_format (self->pbx_info) : NULL;
}

/**
 * yeastar_client_get_cached_pbx_info:
 *
 * Returns: (transfer none) (nullable): the system information read on this
 *   connection, if any
 */
YeastarPbxInfo *
yeastar_client_get_cached_pbx_info (YeastarClient *self)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  return self->pbx_info;
}

/* system/information ---------------------------------------------------- */

static void
on_information (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  JsonNode *data;

  root = _yeastar_client_call_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = json_object_get_member (root, "data");
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    {
      g_task_return_new_error (task, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                               _("The PBX’s system information has no data."));
      return;
    }

  info = _yeastar_pbx_info_new_from_json (json_node_get_object (data), &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_set_object (&self->pbx_info, info))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PBX_INFO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_FORMAT]);
    }

  g_task_return_pointer (task, g_steal_pointer (&info), g_object_unref);
}

/**
 * yeastar_client_get_pbx_info_async:
 *
 * Reads system/information (v1.0; it does not exist on v2.0) once per
 * connection; later calls return the cached object.
 */
void
yeastar_client_get_pbx_info_async (YeastarClient       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_get_pbx_info_async);

  if (self->pbx_info != NULL)
    {
      g_task_return_pointer (task, g_object_ref (self->pbx_info), g_object_unref);
      return;
    }

  _yeastar_client_call_async (self, "GET", YEASTAR_API_VERSION_V1, "system/information", NULL, FALSE,
                              cancellable, on_information, g_steal_pointer (&task));
}

YeastarPbxInfo *
yeastar_client_get_pbx_info_finish (YeastarClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* connect / disconnect -------------------------------------------------- */

static void
on_connect_revoked (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_pointer (G_TASK (result), &error))
    g_debug ("could not revoke the token of a failed connection: %s", error->message);
}

static void
on_connect_info (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  YeastarPbxInfo *info;

  info = yeastar_client_get_pbx_info_finish (self, result, &error);
  if (info != NULL)
    {
      g_task_return_pointer (task, info, g_object_unref);
      return;
    }

  /* Logged in, but the connection cannot be used (or was cancelled): the
   * token must not stay live on the PBX, where it counts against the cap
   * of eight. The revocation runs on its own (the queue holds the client)
   * so that the error is shown at once; a later disconnect or connect
   * waits behind it in the queue. */
  _yeastar_client_enqueue (self, _YEASTAR_CALL_DEL_TOKEN, "del_token",
                           yeastar_client_connect_async, NULL, on_connect_revoked, NULL);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_connect_login (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = g_task_propagate_pointer (G_TASK (result), &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  yeastar_client_get_pbx_info_async (self, g_task_get_cancellable (task),
                                     on_connect_info, g_object_ref (task));
}

/**
 * yeastar_client_connect_async:
 *
 * Logs in and reads the system information. This is the only call that
 * retries a login the PBX refused earlier: call it when the user asks to.
 * With a valid token already, no new token is requested.
 */
void
yeastar_client_connect_async (YeastarClient       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_connect_async);

  /* Reuses a valid token; logs in only if needed. */
  _yeastar_client_enqueue (self, _YEASTAR_CALL_LOGIN, "get_token", yeastar_client_connect_async, cancellable,
                           on_connect_login, g_steal_pointer (&task));
}

YeastarPbxInfo *
yeastar_client_connect_finish (YeastarClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_del_token (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_pointer (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * yeastar_client_disconnect_async:
 *
 * Closes the event stream, revokes the access token with del_token (after
 * the queued calls) and forgets the token pair, the cached system
 * information and any learnt date format.
 */
void
yeastar_client_disconnect_async (YeastarClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_disconnect_async);

  /* The stream closes itself (_yeastar_event_stream_release()). */
  g_object_set_data (G_OBJECT (self), _YEASTAR_CLIENT_EVENTS_KEY, NULL);
  if (self->pbx_info != NULL)
    {
      g_clear_object (&self->pbx_info);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PBX_INFO]);
    }
  if (self->corrected_format != NULL)
    {
      g_clear_pointer (&self->corrected_format, yeastar_date_format_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_FORMAT]);
    }

  _yeastar_client_enqueue (self, _YEASTAR_CALL_DEL_TOKEN, "del_token",
                           yeastar_client_disconnect_async, cancellable,
                           on_del_token, g_steal_pointer (&task));
}

gboolean
yeastar_client_disconnect_finish (YeastarClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
