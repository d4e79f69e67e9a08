/* yeastar-client.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-async-slot.h"
#include "yeastar-client-private.h"
#include "yeastar-enums.h"
#include "yeastar-error.h"
#include "yeastar-event-stream.h"
#include "yeastar-menu-option.h"
#include "yeastar-request-length.h"
#include "yeastar-origin.h"
#include "yeastar-transfer-watch.h"

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

#define USER_AGENT "OpenAPI"
#define MAX_REPLY_BYTES (32 * 1024 * 1024)   /* 20,000 menu options are ~2 MB */
#define READ_CHUNK 65536
#define PARSE_IN_THREAD_BYTES (64 * 1024)  /* bigger replies are parsed in a worker thread */
#define DEFAULT_REPORT_TIMEOUT 300
#define DEFAULT_IO_TIMEOUT 120               /* docs: sync reports may take 60-120 s */
#define REFRESH_MARGIN_US (60 * G_USEC_PER_SEC)

struct _YeastarReportLink
{
  char *file;
  char *url;
};

G_DEFINE_BOXED_TYPE (YeastarReportLink, yeastar_report_link,
                     yeastar_report_link_copy, yeastar_report_link_free)

struct _YeastarClient
{
  GObject parent_instance;

  char *base_uri;
  char *host;
  char *client_id;
  char *client_secret;
  char *pinned;
  YeastarApiVersion api_version;
  guint report_timeout;
  YeastarTransferLimits limits;

  SoupSession *session;

  /* The token pair; expiry times are g_get_monotonic_time() values so a
   * wall-clock change cannot make a token look fresh. */
  char *access_token;
  char *refresh_token;
  gint64 access_expires;
  gint64 refresh_expires;
  gint64 access_margin;
  gint64 refresh_margin;
  GError *login_error;

  /* Every secret this client ever held, NULL-terminated, for scrubbing. */
  GPtrArray *secrets;

  GQueue queue;
  GTask *current;

  YeastarPbxInfo *pbx_info;
  YeastarDateFormat *corrected_format;
  YeastarEventStream *events;
  /* The one asynchronous report request outstanding (event 30027 names
   * no request; see yeastar-async-slot.c). */
  YeastarAsyncSlot *async_slot;
};

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

typedef enum
{
  CALL_API,        /* an OpenAPI call with access_token */
  CALL_TOKEN,      /* only make sure there is a token and return it */
  CALL_LOGIN,      /* explicit get_token */
  CALL_DEL_TOKEN,  /* revoke */
} CallKind;

typedef enum
{
  STAGE_LOGIN,
  STAGE_REFRESH,
  STAGE_API,
  STAGE_DEL_TOKEN,
} Stage;

typedef struct
{
  CallKind kind;
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
static void update_logged_in    (YeastarClient *self);

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
/* Report links                                                           */

YeastarReportLink *
yeastar_report_link_new (const char *file,
                         const char *download_resource_url)
{
  YeastarReportLink *self;

  g_return_val_if_fail (download_resource_url != NULL, NULL);

  self = g_new0 (YeastarReportLink, 1);
  self->file = g_strdup (file ? file : "");
  self->url = g_strdup (download_resource_url);
  return self;
}

YeastarReportLink *
yeastar_report_link_copy (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return yeastar_report_link_new (self->file, self->url);
}

void
yeastar_report_link_free (YeastarReportLink *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->url);
  g_free (self);
}

const char *
yeastar_report_link_get_file (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

const char *
yeastar_report_link_get_url (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

/* The link of a call_report/download reply with errcode 0. */
YeastarReportLink *
_yeastar_report_link_new_from_json (JsonObject  *root,
                                    GError     **error)
{
  const char *file = _yeastar_json_get_string (root, "file");
  const char *url = _yeastar_json_get_string (root, "download_resource_url");

  if (url == NULL || url[0] != '/' ||
      (json_object_has_member (root, "file") && file == NULL))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s answer has no usable download link for the report."));
      return NULL;
    }

  return yeastar_report_link_new (file, url);
}

/* ---------------------------------------------------------------------- */
/* TLS fingerprints                                                       */

/**
 * yeastar_tls_certificate_dup_fingerprint:
 * @certificate: a certificate
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the DER encoding as
 *   upper-case hex pairs separated by colons, as
 *   `openssl x509 -fingerprint -sha256` prints it
 */
char *
yeastar_tls_certificate_dup_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  out = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);

  return g_string_free (out, FALSE);
}

/**
 * yeastar_tls_normalize_fingerprint:
 * @text: a SHA-256 fingerprint in hex, with or without ':' (or spaces),
 *   in any case, optionally prefixed "SHA256 Fingerprint="
 *
 * Returns: (transfer full) (nullable): the canonical form, or NULL if
 *   @text is not 32 bytes of hex
 */
char *
yeastar_tls_normalize_fingerprint (const char *text)
{
  const char *p;
  GString *hex;
  GString *out;

  if (text == NULL)
    return NULL;

  p = strchr (text, '=');
  if (p != NULL)
    text = p + 1;

  hex = g_string_new (NULL);
  for (p = text; *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '-')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (hex, TRUE);
          return NULL;
        }
      g_string_append_c (hex, g_ascii_toupper (*p));
    }

  if (hex->len != 64)
    {
      g_string_free (hex, TRUE);
      return NULL;
    }

  out = g_string_sized_new (96);
  for (guint i = 0; i < 64; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_len (out, hex->str + i, 2);
    }
  g_string_free (hex, TRUE);

  return g_string_free (out, FALSE);
}

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       YeastarClient        *self)
{
  g_autofree char *fingerprint = yeastar_tls_certificate_dup_fingerprint (certificate);
  g_autoptr(GUri) own = g_uri_parse (self->base_uri, SOUP_HTTP_URI_FLAGS, NULL);

  /* The pin belongs to the PBX's origin only (messages never leave it,
   * see yeastar-origin.c; this is the second lock). */
  if (fingerprint != NULL && self->pinned != NULL && g_str_equal (fingerprint, self->pinned) &&
      own != NULL && yeastar_origin_equal (soup_message_get_uri (msg), own))
    return TRUE;

  /* Remember what was refused, for the error message. Only refusals are
   * recorded, so a later network error is never mistaken for TLS. */
  g_object_set_data_full (G_OBJECT (msg), "yeastar-refused-fingerprint",
                          g_steal_pointer (&fingerprint), g_free);
  g_object_set_data_full (G_OBJECT (msg), "yeastar-refused-certificate",
                          g_object_ref (certificate), g_object_unref);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

const char * const *
_yeastar_client_get_secrets (YeastarClient *self)
{
  return (const char * const *) self->secrets->pdata;
}

static void
remember_secret (YeastarClient *self,
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
  const char *refused = msg ? g_object_get_data (G_OBJECT (msg), "yeastar-refused-fingerprint") : NULL;
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

  if (refused != NULL)
    {
      if (self->pinned != NULL)
        tls_error = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TLS_CHANGED,
                                 _("Warning: the PBX at %s now shows a different certificate than "
                                   "the one you accepted. Someone may be intercepting the connection. "
                                   "Do not continue unless the administrator replaced the certificate.\n"
                                   "Accepted SHA-256 fingerprint: %s\n"
                                   "Presented SHA-256 fingerprint: %s"),
                                 self->host, self->pinned, refused);
      else
        tls_error = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED,
                                 _("The certificate of the PBX at %s is not trusted (it is probably "
                                   "self-signed). Compare its SHA-256 fingerprint with the one shown "
                                   "on the PBX before accepting it:\n%s"),
                                 self->host, refused);
      _yeastar_error_set_certificate (tls_error,
                                      g_object_get_data (G_OBJECT (msg), "yeastar-refused-certificate"),
                                      refused);
      return tls_error;
    }

  cause = describe_cause (self, error);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                        _("Could not set up a secure connection to the PBX at %s: %s"),
                        self->host, cause);

  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                      _("Could not reach the PBX at %s: %s"), self->host, cause);
}

static gboolean
looks_like_html (GBytes *body)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gsize i = 0;

  if (data == NULL)
    return FALSE;
  /* Skip a UTF-8 BOM and white space. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

/* The JSON of a reply, or NULL when it is not JSON. Touches nothing but
 * @body, so that big replies can be parsed in a worker thread. */
static JsonNode *
parse_json (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);
  JsonNode *root;

  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

static GError *
html_error (YeastarClient *self)
{
  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                      _("The server at %s answered with a web page instead of the Yeastar "
                        "OpenAPI. Check the address and port, and that the API is enabled "
                        "under Integrations > API."), self->host);
}

/* The envelope of a parsed reply (@root NULL: the reply was not JSON). */
static JsonObject *
check_envelope (YeastarClient  *self,
                JsonNode       *root,
                const char     *endpoint,
                GError        **error)
{
  JsonObject *object;
  JsonNode *errcode;

  if (root == NULL)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” that is not valid JSON."), endpoint);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” that is not a JSON object."), endpoint);
      return NULL;
    }

  object = json_node_get_object (root);
  errcode = json_object_get_member (object, "errcode");
  if (errcode == NULL || !JSON_NODE_HOLDS_VALUE (errcode) ||
      json_node_get_value_type (errcode) != G_TYPE_INT64)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” without a numeric error code."), endpoint);
      return NULL;
    }

  if (json_object_has_member (object, "errmsg"))
    {
      JsonNode *errmsg = json_object_get_member (object, "errmsg");

      if (!JSON_NODE_HOLDS_VALUE (errmsg) || json_node_get_value_type (errmsg) != G_TYPE_STRING)
        {
          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                       _("The PBX sent a reply to “%s” whose error message is not text."), endpoint);
          return NULL;
        }
    }

  return json_object_ref (object);
}

JsonObject *
_yeastar_client_parse_envelope (YeastarClient  *self,
                                GBytes         *body,
                                const char     *endpoint,
                                GError        **error)
{
  g_autoptr(JsonNode) root = NULL;

  if (looks_like_html (body))
    {
      g_propagate_error (error, html_error (self));
      return NULL;
    }

  root = parse_json (body);
  return check_envelope (self, root, endpoint, error);
}

/* Checks the HTTP layer of a reply. */
static gboolean
check_http (YeastarClient  *self,
            Call           *call,
            GError        **error)
{
  guint status = soup_message_get_status (call->msg);
  const char *content_type;

  if (status >= 500)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                   _("The PBX failed to answer “%s” (HTTP status %u). Try again later."),
                   call->endpoint, status);
      return FALSE;
    }

  if (status == SOUP_STATUS_REQUEST_URI_TOO_LONG)
    {
      g_propagate_error (error, _yeastar_error_new_request_too_long (call->endpoint));
      return FALSE;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      g_autoptr(GUri) own = _yeastar_client_dup_origin (self);
      g_autoptr(GUri) target = yeastar_origin_redirect_target (call->msg, own, self->host, error);

      /* Within the origin: still not what an OpenAPI call gets. */
      if (target != NULL)
        g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                     _("The server at %s redirected “%s” elsewhere on itself (HTTP status %u), "
                       "which a Yeastar PBX does not do. Check the address and port."),
                     self->host, call->endpoint, status);
      return FALSE;
    }

  if (status == 404)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                   _("The server at %s does not offer the Yeastar OpenAPI (HTTP status 404). "
                     "Check the address and port, and that the API is enabled under "
                     "Integrations > API."), self->host);
      return FALSE;
    }

  if (status < 200 || status >= 300)
    {
      /* [INFERRED] The PBX answers 200 even for failures; anything else
       * comes from something in front of it (proxy, other web server). */
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                   _("The server at %s answered “%s” with HTTP status %u, which a Yeastar "
                     "PBX does not send. Check the address and port."),
                   self->host, call->endpoint, status);
      return FALSE;
    }

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (call->msg), NULL);
  if (content_type != NULL && g_ascii_strcasecmp (content_type, "text/html") == 0)
    {
      g_propagate_error (error, html_error (self));
      return FALSE;
    }

  return TRUE;
}

/* errcode of an envelope: 0, or 2 with @allow_processing, or its GError. */
static JsonObject *
check_errcode (YeastarClient  *self,
               JsonObject     *root,
               const char     *endpoint,
               gboolean        allow_processing,
               gboolean        during_login,
               GError        **error)
{
  gint64 errcode = json_object_get_int_member (root, "errcode");

  if (errcode == 0 || (errcode == 2 && allow_processing))
    return json_object_ref (root);

  g_propagate_error (error,
                     _yeastar_error_from_errcode (errcode,
                                                  (_yeastar_json_get_string (root, "errmsg") ?: ""),
                                                  root, endpoint, during_login,
                                                  _yeastar_client_get_secrets (self)));
  return NULL;
}

/* The JSON part of a reply's check: the envelope, then errcode. Separate
 * so that the fuzz targets reach it without a network. */
JsonObject *
_yeastar_client_parse_reply (YeastarClient  *self,
                             GBytes         *body,
                             const char     *endpoint,
                             gboolean        allow_processing,
                             gboolean        during_login,
                             GError        **error)
{
  g_autoptr(JsonObject) root = _yeastar_client_parse_envelope (self, body, endpoint, error);

  if (root == NULL)
    return NULL;

  return check_errcode (self, root, endpoint, allow_processing, during_login, error);
}

/* ---------------------------------------------------------------------- */
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
  /* NULL when it is not JSON; check_envelope() says so. */
  g_task_return_pointer (parse, parse_json (task_data), (GDestroyNotify) json_node_unref);
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

  envelope = check_envelope (self, node, call->endpoint, &error);
  if (envelope != NULL)
    root = check_errcode (self, envelope, call->endpoint, call->allow_processing, call_is_login (call), &error);
  call_exchange_done (task, root, g_steal_pointer (&error));
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
  if (g_bytes_get_size (body) < PARSE_IN_THREAD_BYTES || looks_like_html (body))
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
call_new (CallKind    kind,
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
  update_logged_in (self);
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
    remember_secret (self, json_object_get_string_member (root, names[i]));

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

  update_logged_in (self);
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
    case CALL_API:
      call_send_api (task);
      break;

    case CALL_TOKEN:
    case CALL_LOGIN:
      {
        gint64 *expires = g_new (gint64, 1);

        /* The token and its expiry travel together; see the finish. */
        *expires = self->access_expires - self->access_margin;
        g_object_set_data_full (G_OBJECT (task), "expires", expires, g_free);
        call_return (task, g_strdup (self->access_token), g_free, NULL);
      }
      break;

    case CALL_DEL_TOKEN:
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
    case CALL_LOGIN:
      /* The user asked to connect: a remembered refusal may be retried. */
      g_clear_error (&self->login_error);
      call_ensure_token (task);
      break;

    case CALL_DEL_TOKEN:
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

    case CALL_API:
    case CALL_TOKEN:
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

/* Queues a JSON API call; the result is the reply's root JsonObject. */
static void
client_call_async (YeastarClient       *self,
                   const char          *method,
                   YeastarApiVersion    version,
                   const char          *endpoint,
                   const char          *query,
                   gboolean             allow_processing,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Call *call = call_new (CALL_API, method, version_path (version), endpoint, query);

  call->allow_processing = !!allow_processing;
  client_enqueue (self, call, client_call_async, cancellable, callback, user_data);
}

static JsonObject *
client_call_finish (YeastarClient  *self,
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

  client_enqueue (self, call_new (CALL_TOKEN, NULL, NULL, "token", NULL),
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

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
update_logged_in (YeastarClient *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOGGED_IN]);
}

static void
yeastar_client_dispose (GObject *object)
{
  YeastarClient *self = (YeastarClient *) object;

  if (self->events != NULL)
    yeastar_event_stream_close (self->events);
  g_clear_object (&self->events);

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

  remember_secret (self, self->client_secret);
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

  /* One session for everything. max-conns-per-host 1 matches the PBX,
   * which closes every connection after one answer anyway. */
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", DEFAULT_IO_TIMEOUT,
                                                 "max-conns-per-host", 2,
                                                 NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/**
 * yeastar_client_normalize_base_uri:
 * @text: what the user typed: "https://pbx:8088", "pbx.example.com", …
 *
 * Accepts http and https only; without a scheme, https is assumed. Drops
 * trailing slashes; refuses user info, a query or a fragment.
 *
 * Returns: (transfer full) (nullable): e.g. "https://192.168.5.150:8088"
 */
char *
yeastar_client_normalize_base_uri (const char  *text,
                                   GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) out = NULL;
  const char *scheme;
  const char *path;

  if (text == NULL)
    goto invalid;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    goto invalid;

  with_scheme = strstr (stripped, "://") ? g_strdup (stripped) : g_strconcat ("https://", stripped, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    goto invalid;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    goto invalid;
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    goto invalid;

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s://", g_ascii_strcasecmp (scheme, "http") == 0 ? "http" : "https");
  if (strchr (g_uri_get_host (uri), ':') != NULL)
    g_string_append_printf (out, "[%s]", g_uri_get_host (uri));   /* IPv6 literal */
  else
    {
      g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
      g_string_append (out, host);
    }
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (out, ":%d", g_uri_get_port (uri));

  /* A path prefix is kept (a PBX behind a reverse proxy), minus slashes. */
  path = g_uri_get_path (uri);
  g_string_append (out, path);
  while (out->len > 0 && out->str[out->len - 1] == '/')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);

invalid:
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
               _("“%s” is not a PBX address. Use https://address:8088 for a PBX on the "
                 "premises or https://name.yeastarcloud.com for a cloud PBX."),
               text ? text : "");
  return NULL;
}

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

  root = client_call_finish (self, result, &error);
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

  client_call_async (self, "GET", YEASTAR_API_VERSION_V1, "system/information", NULL, FALSE,
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
  client_enqueue (self, call_new (CALL_DEL_TOKEN, NULL, NULL, "del_token", NULL),
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
  Call *call;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_connect_async);

  /* Reuses a valid token; logs in only if needed. */
  call = call_new (CALL_LOGIN, NULL, NULL, "get_token", NULL);

  client_enqueue (self, call, yeastar_client_connect_async, cancellable,
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

  if (self->events != NULL)
    yeastar_event_stream_close (self->events);
  g_clear_object (&self->events);
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

  client_enqueue (self, call_new (CALL_DEL_TOKEN, NULL, NULL, "del_token", NULL),
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

/* get_menuoptions ------------------------------------------------------- */

static const char * const known_menus[] = {
  "extension", "ext_group", "trunk", "IVR", "ring_group", "queue", "queue_agent", NULL,
};

typedef struct
{
  char       *menu;
  JsonObject *root;
} BuildOptions;

static void
build_options_free (BuildOptions *data)
{
  g_free (data->menu);
  g_clear_pointer (&data->root, json_object_unref);
  g_free (data);
}

/* Making 20,000 options and freeing their JSON take about 60 ms: in a
 * worker thread, like the parsing, whose task holds no client either. */
static void
build_options_thread (GTask        *build,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  BuildOptions *data = task_data;
  GError *error = NULL;
  GListStore *store;

  store = _yeastar_menu_options_new_from_json (data->menu, data->root, &error);
  g_clear_pointer (&data->root, json_object_unref);

  if (store == NULL)
    g_task_return_error (build, error);
  else
    g_task_return_pointer (build, store, g_object_unref);
}

static void
on_options_built (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GListStore *store;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
on_menu_options (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) build = NULL;
  GCancellable *cancellable;
  BuildOptions *data;
  JsonObject *root;

  root = client_call_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (BuildOptions, 1);
  data->menu = g_strdup (g_task_get_task_data (task));
  data->root = root;
  cancellable = g_task_get_cancellable (task);
  build = g_task_new (NULL, cancellable, on_options_built, g_steal_pointer (&task));
  g_task_set_source_tag (build, on_menu_options);
  g_task_set_task_data (build, data, (GDestroyNotify) build_options_free);
  g_task_run_in_thread (build, build_options_thread);
}

void
yeastar_client_get_menu_options_async (YeastarClient       *self,
                                       const char          *menu,
                                       const char          *queue_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = NULL;
  g_autofree char *escaped_id = NULL;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (menu != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_get_menu_options_async);
  g_task_set_task_data (task, g_strdup (menu), g_free);

  if (!g_strv_contains (known_menus, menu))
    {
      g_task_return_new_error (task, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                               _("“%s” is not a list of options this program knows."), menu);
      return;
    }

  if (g_str_equal (menu, "queue_agent"))
    {
      if (queue_id == NULL || queue_id[0] == '\0')
        {
          g_task_return_new_error (task, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                                   _("Choose a queue to list its agents."));
          return;
        }
      escaped_id = g_uri_escape_string (queue_id, NULL, FALSE);
      query = g_strdup_printf ("menu=%s&id=%s", menu, escaped_id);
    }
  else
    query = g_strdup_printf ("menu=%s", menu);

  client_call_async (self, "GET", YEASTAR_API_VERSION_V1, "system/get_menuoptions", query, FALSE,
                     cancellable, on_menu_options, g_steal_pointer (&task));
}

/**
 * yeastar_client_get_menu_options_finish:
 *
 * Returns: (transfer full): a #GListModel of #YeastarMenuOption
 */
GListModel *
yeastar_client_get_menu_options_finish (YeastarClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* call_report/download -------------------------------------------------- */

typedef struct
{
  YeastarReportRequest *request;
  YeastarReportPhaseFunc phase_func;
  gpointer phase_data;
  YeastarApiVersion version;
  YeastarEventStream *events;
  YeastarAsyncSlot *slot;   /* held while an asynchronous request may be outstanding */
  GCancellable *wait_cancellable;
  gulong abandon_id;
  GCancellable *caller_cancellable;
  YeastarReportLink *event_link;
  GError *event_error;
  guint corrected : 1;
  guint processing : 1;     /* the PBX answered errcode 2 */
  guint event_done : 1;
  guint waiting : 1;        /* a wait on the event stream is running */
  guint sent : 1;           /* an asynchronous request went to the queue */
  guint replied : 1;        /* ... and its HTTP reply arrived */
} ReportData;

static void report_release_slot (ReportData *data);

static void
report_data_free (ReportData *data)
{
  if (data->abandon_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->abandon_id);
  g_clear_object (&data->caller_cancellable);
  if (data->wait_cancellable != NULL)
    g_cancellable_cancel (data->wait_cancellable);
  g_clear_object (&data->wait_cancellable);
  /* Nothing of this request can be outstanding any more: the wait and the
   * HTTP call each hold the task until they are done. */
  data->waiting = FALSE;
  data->replied = TRUE;
  report_release_slot (data);
  g_clear_object (&data->request);
  g_clear_object (&data->events);
  g_clear_pointer (&data->event_link, yeastar_report_link_free);
  g_clear_error (&data->event_error);
  g_free (data);
}

static void report_send (GTask *task);

/* Gives the asynchronous slot back once nothing of this request can be
 * outstanding: no wait runs and no request is on its way. */
static void
report_release_slot (ReportData *data)
{
  if (data->slot == NULL || data->waiting || (data->sent && !data->replied))
    return;

  yeastar_async_slot_release (data->slot);
  g_clear_object (&data->slot);
}

static gboolean
report_task_done (GTask *task)
{
  return g_task_get_completed (task) || g_object_get_data (G_OBJECT (task), "returned") != NULL;
}

static void
report_return (GTask             *task,
               YeastarReportLink *link,
               GError            *error)
{
  ReportData *data = g_task_get_task_data (task);

  if (report_task_done (task))
    {
      yeastar_report_link_free (link);
      g_clear_error (&error);
      return;
    }
  g_object_set_data (G_OBJECT (task), "returned", GINT_TO_POINTER (TRUE));

  /* Stop a wait that is no longer needed; but while the PBX may still
   * prepare this request's report, its event is awaited and discarded,
   * so that it cannot complete a later request. */
  if (data->waiting && data->wait_cancellable != NULL &&
      !(data->sent && (!data->replied || data->processing)))
    g_cancellable_cancel (data->wait_cancellable);
  report_release_slot (data);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, link, (GDestroyNotify) yeastar_report_link_free);
}

static void
on_report_event (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  YeastarReportLink *link;

  data->waiting = FALSE;
  link = yeastar_event_stream_wait_report_finish (YEASTAR_EVENT_STREAM (object), result, &error);

  if (report_task_done (task))
    {
      /* The caller cancelled (or the request failed) while the PBX
      * prepared the report: this event was its, and is dropped. */
      g_debug ("event 30027 of a cancelled request discarded (%s)",
               link != NULL ? "a link" : error->message);
      g_clear_pointer (&link, yeastar_report_link_free);
      report_release_slot (data);
      return;
    }

  if (data->processing)
    {
      /* The HTTP reply came first: this is the answer. */
      report_return (task, link, g_steal_pointer (&error));
      return;
    }

  /* The event beat the HTTP reply (or the wait was stopped): keep it. */
  data->event_done = TRUE;
  data->event_link = link;
  data->event_error = g_steal_pointer (&error);
}

static YeastarDateFormat *
report_format (YeastarClient *self)
{
  return self->corrected_format ? self->corrected_format
                                : yeastar_pbx_info_get_date_format (self->pbx_info);
}

/* The "valid format: <Go layout>" hint of a 40002 reply, as a format.
 * A date-time layout (start_time, end_time) tells the whole format. A
 * date-only layout (a day's `time`) tells only the date order and the
 * separator: the 12/24-hour setting of @current is kept, because a format
 * without time, remembered for the connection, would take the time out of
 * every later range report. A date-time hint wins over a date-only one. */
static YeastarDateFormat *
format_from_hint (const GError      *error,
                  YeastarDateFormat *current)
{
  GPtrArray *params = yeastar_error_get_invalid_params (error);
  g_autoptr(YeastarDateFormat) date_only = NULL;

  for (guint i = 0; params != NULL && i < params->len; i++)
    {
      const char *valid_msg = yeastar_invalid_param_get_valid_msg (g_ptr_array_index (params, i));
      g_autoptr(YeastarDateFormat) format = NULL;

      if (valid_msg == NULL || strstr (valid_msg, "valid format") == NULL)
        continue;
      format = yeastar_date_format_new_from_go_layout (valid_msg, NULL);
      if (format == NULL)
        continue;
      if (yeastar_date_format_has_time (format))
        return g_steal_pointer (&format);
      if (date_only == NULL)
        date_only = g_steal_pointer (&format);
    }

  if (date_only == NULL)
    return NULL;

  if (current == NULL)
    return yeastar_date_format_new_full (yeastar_date_format_get_order (date_only),
                                         yeastar_date_format_get_separator (date_only),
                                         FALSE);

  return yeastar_date_format_with_date_of (current, date_only);
}

static void
on_report_reply (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  YeastarReportLink *link;

  root = client_call_finish (self, result, &error);
  data->replied = TRUE;

  if (data->sent && report_task_done (task))
    {
      /* Abandoned by the caller while the request was on its way. If the
       * PBX took it, its event is still to come: keep waiting for it
       * (and holding the slot); otherwise nothing will come. */
      if (root != NULL && json_object_get_int_member (root, "errcode") == 2)
        data->processing = TRUE;
      else if (data->waiting)
        g_cancellable_cancel (data->wait_cancellable);
      report_release_slot (data);
      return;
    }

  if (root == NULL)
    {
      if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER) && !data->corrected)
        {
          g_autoptr(YeastarDateFormat) corrected = format_from_hint (error, report_format (self));

          /* Retry once with the format the PBX's validator asked for, and
           * keep it for this connection; the same format again is no fix. */
          if (corrected != NULL && !yeastar_date_format_equal (corrected, report_format (self)))
            {
              g_autofree char *description = yeastar_date_format_to_string (corrected);

              g_debug ("PBX asked for date format %s, retrying once", description);
              g_clear_pointer (&self->corrected_format, yeastar_date_format_unref);
              self->corrected_format = g_steal_pointer (&corrected);
              g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_FORMAT]);
              data->corrected = TRUE;
              report_send (task);
              return;
            }
        }
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (json_object_get_int_member (root, "errcode") == 2)
    {
      if (data->events == NULL)
        {
          report_return (task, NULL,
                         g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                      _("The PBX prepares the report in the background although "
                                        "it was asked for it directly.")));
          return;
        }

      data->processing = TRUE;
      if (data->phase_func != NULL && !report_task_done (task))
        data->phase_func (_YEASTAR_REPORT_PHASE_PREPARING, data->phase_data);

      if (data->event_done)
        report_return (task, g_steal_pointer (&data->event_link), g_steal_pointer (&data->event_error));
      return;
    }

  link = _yeastar_report_link_new_from_json (root, &error);
  report_return (task, link, g_steal_pointer (&error));
}

static void
report_send (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  query = yeastar_report_request_to_query (data->request, report_format (self), &error);
  if (query == NULL)
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* A URL the PBX's web server would refuse (HTTP 414) is not sent. */
  if (!yeastar_report_request_check_length (data->request, report_format (self), NULL, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (data->events == NULL)
    {
      client_call_async (self, "GET", data->version, "call_report/download", query,
                         FALSE, g_task_get_cancellable (task),
                         on_report_reply, g_object_ref (task));
      return;
    }

  /* An asynchronous request is not cancelled on its way: only its reply
   * tells whether the PBX took it, and then its event must be awaited. */
  data->sent = TRUE;
  data->replied = FALSE;
  client_call_async (self, "GET", data->version, "call_report/download", query,
                     TRUE, NULL, on_report_reply, g_object_ref (task));
}

static gboolean
report_abandon (gpointer user_data)
{
  GTask *task = user_data;

  report_return (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
  return G_SOURCE_REMOVE;
}

/* The caller cancelled an asynchronous request: it ends at once for the
 * caller, while the request keeps its place (see report_return). */
static void
on_report_cancelled (GCancellable *cancellable,
                     GTask        *task)
{
  /* Inside g_cancellable_cancel(): defer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, report_abandon, g_object_ref (task), g_object_unref);
}

static void
on_report_events_open (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!yeastar_event_stream_open_finish (YEASTAR_EVENT_STREAM (object), result, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Subscribed: start waiting BEFORE the request goes out. The wait is
   * not the caller's to cancel: see report_return. */
  data->wait_cancellable = g_cancellable_new ();
  if (g_task_get_cancellable (task) != NULL)
    {
      data->caller_cancellable = g_object_ref (g_task_get_cancellable (task));
      data->abandon_id = g_cancellable_connect (data->caller_cancellable, G_CALLBACK (on_report_cancelled),
                                                task, NULL);
    }
  data->waiting = TRUE;
  yeastar_event_stream_wait_report_async (data->events, self->report_timeout,
                                          data->wait_cancellable, on_report_event,
                                          g_object_ref (task));
  report_send (task);
}

static void
on_report_slot (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!yeastar_async_slot_acquire_finish (YEASTAR_ASYNC_SLOT (object), result, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* Released when the task's data goes, i.e. when nothing of this request
   * is outstanding any more. */
  data->slot = g_object_ref (YEASTAR_ASYNC_SLOT (object));

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->events == NULL)
    self->events = yeastar_event_stream_new (self);
  data->events = g_object_ref (self->events);
  yeastar_event_stream_open_async (data->events, g_task_get_cancellable (task),
                                   on_report_events_open, g_object_ref (task));
}

static void
on_report_info (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;

  info = yeastar_client_get_pbx_info_finish (self, result, &error);
  if (info == NULL)
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* The request's version wins, then the client's, then the firmware. */
  data->version = yeastar_report_request_get_api_version (data->request);
  if (data->version == YEASTAR_API_VERSION_AUTO)
    data->version = self->api_version;
  if (data->version == YEASTAR_API_VERSION_AUTO)
    data->version = yeastar_pbx_info_get_default_api_version (info);

  if (!yeastar_report_request_get_async (data->request))
    {
      report_send (task);
      return;
    }

  /* One asynchronous request at a time: wait for the slot first. */
  yeastar_async_slot_acquire_async (self->async_slot, g_task_get_cancellable (task),
                                    on_report_slot, g_object_ref (task));
}

void
_yeastar_client_request_report_async (YeastarClient          *self,
                                      YeastarReportRequest   *request,
                                      YeastarReportPhaseFunc  phase_func,
                                      gpointer                phase_data,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReportData *data;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (request));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_request_report_async);

  data = g_new0 (ReportData, 1);
  data->request = g_object_ref (request);
  data->phase_func = phase_func;
  data->phase_data = phase_data;
  g_task_set_task_data (task, data, (GDestroyNotify) report_data_free);

  /* Nothing is sent for a request that cannot be valid. */
  if (!yeastar_report_request_validate (request, NULL, &error))
    {
      if (error->domain != YEASTAR_ERROR)
        {
          GError *wrapped = g_error_new_literal (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST, error->message);

          g_clear_error (&error);
          error = wrapped;
        }
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (phase_func != NULL)
    phase_func (_YEASTAR_REPORT_PHASE_REQUESTING, phase_data);

  yeastar_client_get_pbx_info_async (self, cancellable, on_report_info, g_steal_pointer (&task));
}

/**
 * yeastar_client_request_report_async:
 * @request: what to generate
 *
 * Asks the PBX for a report and returns where to download it. The request
 * is validated locally first. With the request's "async" set, the event
 * stream is subscribed before the request goes out and the link arrives
 * with event 30027 (within #YeastarClient:report-timeout). A 40002 reply
 * with a "valid format:" hint is retried once with that format.
 */
void
yeastar_client_request_report_async (YeastarClient        *self,
                                     YeastarReportRequest *request,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  _yeastar_client_request_report_async (self, request, NULL, NULL, cancellable, callback, user_data);
}

YeastarReportLink *
yeastar_client_request_report_finish (YeastarClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
