/* reports-cli-connection.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-secrets.h"
#include "yeastar-error.h"
#include "yeastar-simulator.h"
#include "yeastar-text.h"

/* A secret file larger than this is not a Client Secret. */
#define MAX_SECRET_FILE_SIZE 4096

/* How long the run waits for the PBX to revoke its token at exit; a
 * shorter bound can be set (for tests) in this environment variable, in
 * whole seconds from 1 to 10. */
#define REVOKE_TIMEOUT_SECONDS 10
#define REVOKE_TIMEOUT_ENV "CALL_REPORTS_REVOKE_TIMEOUT"

struct _ReportsCliConnection
{
  /* Options, as GOptionContext fills them */
  char              *server;
  char              *client_id;
  char              *secret_file;
  char              *pin;
  char              *api;
  gboolean           demo;
  gboolean           quiet;

  /* Resolved by check () */
  char              *base_uri;
  char              *secret;
  char              *fingerprint;
  YeastarApiVersion  api_version;

  /* Owned by open () and close () */
  GCancellable      *cancellable;
  YeastarSimulator  *simulator;
  YeastarClient     *client;
  YeastarPbxInfo    *pbx_info;
  guint              sigint_source;
  guint              sigterm_source;
  YeastarTransferLimits limits;
  guint              progress : 1;
  guint              has_limits : 1;
  guint              interrupted : 1; /* a first SIGINT or SIGTERM came */
  guint              revoking : 1;    /* close () waits for del_token */
};

ReportsCliConnection *
reports_cli_connection_new (void)
{
  ReportsCliConnection *self = g_new0 (ReportsCliConnection, 1);

  self->cancellable = g_cancellable_new ();
  self->progress = isatty (STDERR_FILENO);

  return self;
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

void
reports_cli_connection_free (ReportsCliConnection *self)
{
  if (self == NULL)
    return;

  reports_cli_connection_close (self);

  g_free (self->server);
  g_free (self->client_id);
  g_free (self->secret_file);
  g_free (self->pin);
  g_free (self->api);
  g_free (self->base_uri);
  clear_secret (&self->secret);
  g_free (self->fingerprint);
  g_clear_object (&self->cancellable);
  g_free (self);
}

void
reports_cli_connection_add_options (ReportsCliConnection *self,
                                    GOptionContext       *context)
{
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &self->server,
      N_("The PBX’s address, e.g. https://pbx.example.com:8088"), N_("URL") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &self->client_id,
      N_("The Client ID of the API application (Integrations > API)"), N_("ID") },
    { "client-secret-file", 0, 0, G_OPTION_ARG_FILENAME, &self->secret_file,
      N_("Read the Client Secret from FILE (else from $CALL_REPORTS_CLIENT_SECRET, else from the keyring)"),
      N_("FILE") },
    { "pin-certificate", 0, 0, G_OPTION_ARG_STRING, &self->pin,
      N_("Trust the self-signed certificate with this SHA-256 fingerprint"), N_("SHA256") },
    { "api", 0, 0, G_OPTION_ARG_STRING, &self->api,
      N_("API version of the reports: auto (from the firmware, the default), v1 or v2"), N_("auto|v1|v2") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &self->demo,
      N_("Use the built-in simulated PBX instead of --server"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &self->quiet,
      N_("Print no progress on standard error"), NULL },
    { NULL }
  };

  g_return_if_fail (self != NULL);
  g_return_if_fail (context != NULL);

  /* In the main group, so that --help shows them; the entries are copied,
   * the strings are static. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
parse_api_version (const char        *text,
                   YeastarApiVersion *version)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *version = YEASTAR_API_VERSION_AUTO;
  else if (g_str_equal (text, "v1") || g_str_equal (text, "v1.0"))
    *version = YEASTAR_API_VERSION_V1;
  else if (g_str_equal (text, "v2") || g_str_equal (text, "v2.0"))
    *version = YEASTAR_API_VERSION_V2;
  else
    return FALSE;

  return TRUE;
}

char *
reports_cli_read_secret_file (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  gsize length = 0;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode) && !S_ISFIFO (st.st_mode))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--client-secret-file: “%s” is not a regular file"), display);
          return NULL;
        }

      if (S_ISREG (st.st_mode) && st.st_size > MAX_SECRET_FILE_SIZE)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--client-secret-file: “%s” is too large to hold a Client Secret"), display);
          return NULL;
        }

      /* A readable-by-anyone secret is a mistake worth telling, but not
       * worth failing a nightly job for: a group-readable file is how a
       * service group is usually given the secret. */
      if (S_ISREG (st.st_mode) && (st.st_mode & S_IROTH) != 0)
        g_printerr (_("call-reports: warning: “%s” can be read by every user of this computer; "
                      "restrict it with “chmod o-r”\n"), display);
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--client-secret-file: %s"), local_error->message);
      return NULL;
    }

  /* One trailing newline (as `echo` writes it) is not part of the secret. */
  if (length > 0 && contents[length - 1] == '\n')
    contents[--length] = '\0';
  if (length > 0 && contents[length - 1] == '\r')
    contents[--length] = '\0';

  if (length == 0 || strlen (contents) != length)
    {
      memset (contents, 0, length);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--client-secret-file: “%s” holds no Client Secret"), display);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

/* The Client Secret, from --client-secret-file, $CALL_REPORTS_CLIENT_SECRET
 * or the keyring entry the window saved, in that order. */
static char *
find_secret (ReportsCliConnection  *self,
             GError               **error)
{
  g_autoptr(GError) keyring_error = NULL;
  const char *env;
  char *secret;

  if (self->secret_file != NULL)
    return reports_cli_read_secret_file (self->secret_file, error);

  env = g_getenv (REPORTS_CLI_SECRET_ENV);
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  secret = reports_secrets_lookup_sync (self->base_uri, self->client_id,
                                        self->cancellable, &keyring_error);
  if (secret != NULL)
    return secret;

  if (keyring_error != NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                 _("No Client Secret: give --client-secret-file FILE or set $%s; "
                   "the keyring could not be read (%s)"),
                 REPORTS_CLI_SECRET_ENV, keyring_error->message);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                 _("No Client Secret: give --client-secret-file FILE, set $%s, "
                   "or save the secret for this server and Client ID in the window "
                   "(it keeps it in the keyring)"),
                 REPORTS_CLI_SECRET_ENV);

  return NULL;
}

gboolean
reports_cli_connection_check (ReportsCliConnection  *self,
                              GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!parse_api_version (self->api, &self->api_version))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--api: “%s” is not an API version; use auto, v1 or v2"), self->api);
      return FALSE;
    }

  if (self->pin != NULL)
    {
      g_clear_pointer (&self->fingerprint, g_free);
      self->fingerprint = yeastar_tls_normalize_fingerprint (self->pin);
      if (self->fingerprint == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--pin-certificate: not a SHA-256 fingerprint; give the 64 "
                                 "hexadecimal digits, with or without colons, as the TLS "
                                 "error or `openssl x509 -fingerprint -sha256` print them"));
          return FALSE;
        }
    }

  if (self->demo)
    {
      if (self->server != NULL || self->client_id != NULL || self->secret_file != NULL ||
          self->pin != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--demo uses the built-in simulated PBX and its own "
                                 "credentials; leave out --server, --client-id, "
                                 "--client-secret-file and --pin-certificate"));
          return FALSE;
        }

      return TRUE;
    }

  if (self->server == NULL || self->server[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--server is missing: give the PBX’s address, or --demo"));
      return FALSE;
    }

  g_clear_pointer (&self->base_uri, g_free);
  self->base_uri = yeastar_client_normalize_base_uri (self->server, &local_error);
  if (self->base_uri == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--server: %s"), local_error->message);
      return FALSE;
    }

  if (self->client_id == NULL || self->client_id[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--client-id is missing: give the Client ID of the API "
                             "application (Integrations > API on the PBX)"));
      return FALSE;
    }

  if (self->secret == NULL)
    {
      self->secret = find_secret (self, error);
      if (self->secret == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_signal (ReportsCliConnection *self,
           int                   signum)
{
  /* The first signal cancels the command, which notices, then closes:
   * that still revokes the token, with a fresh cancellable and within
   * the bound. A second signal, or one while the token is being revoked,
   * ends the process at once, as a user pressing Ctrl+C again expects. */
  if (self->interrupted || self->revoking)
    {
      g_printerr (_("call-reports: interrupted; the access token was not revoked and "
                    "expires by itself within 30 minutes\n"));
      _exit (128 + signum);
    }

  self->interrupted = TRUE;
  g_cancellable_cancel (self->cancellable);
}

static gboolean
on_sigint (gpointer user_data)
{
  on_signal (user_data, SIGINT);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sigterm (gpointer user_data)
{
  on_signal (user_data, SIGTERM);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_demo (ReportsCliConnection  *self,
            GError               **error)
{
  self->simulator = yeastar_simulator_new ();
  if (!yeastar_simulator_start (self->simulator, NULL, error))
    {
      g_clear_object (&self->simulator);
      return FALSE;
    }

  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->client_id, g_free);
  clear_secret (&self->secret);
  self->base_uri = yeastar_simulator_dup_base_uri (self->simulator);
  g_object_get (self->simulator,
                "client-id", &self->client_id,
                "client-secret", &self->secret,
                NULL);

  return TRUE;
}

gboolean
reports_cli_connection_open (ReportsCliConnection  *self,
                             GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->client == NULL, FALSE);

  if (self->sigint_source == 0)
    {
      self->sigint_source = g_unix_signal_add (SIGINT, on_sigint, self);
      self->sigterm_source = g_unix_signal_add (SIGTERM, on_sigterm, self);
    }

  if (self->demo)
    {
      reports_cli_connection_progress (self, _("Starting the simulated PBX…"));
      if (!start_demo (self, error))
        return FALSE;
    }

  self->client = yeastar_client_new (self->base_uri, self->client_id, self->secret, error);
  if (self->client == NULL)
    return FALSE;

  /* Before the login, so that it is bounded too. */
  if (self->has_limits)
    yeastar_client_set_transfer_limits (self->client, &self->limits);

  if (self->fingerprint != NULL && !yeastar_client_set_pinned_certificate (self->client, self->fingerprint))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--pin-certificate: not a SHA-256 fingerprint"));
      return FALSE;
    }

  yeastar_client_set_api_version (self->client, self->api_version);

  reports_cli_connection_progress (self, _("Connecting to %s…"), self->base_uri);
  yeastar_client_connect_async (self->client, self->cancellable, reports_cli_store_result, &result);
  reports_cli_wait (&result);

  info = yeastar_client_connect_finish (self->client, result, error);
  if (info == NULL)
    return FALSE;

  g_set_object (&self->pbx_info, info);

  return TRUE;
}

static guint
revoke_timeout (void)
{
  const char *text = g_getenv (REVOKE_TIMEOUT_ENV);
  guint64 seconds = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, REVOKE_TIMEOUT_SECONDS, &seconds, NULL))
    return (guint) seconds;

  return REVOKE_TIMEOUT_SECONDS;
}

static gboolean
cancel_revocation (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_REMOVE;
}

void
reports_cli_connection_close (ReportsCliConnection *self)
{
  g_return_if_fail (self != NULL);

  if (self->client != NULL && yeastar_client_get_logged_in (self->client))
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      guint timeout = revoke_timeout ();
      guint timeout_id;

      /* A PBX that does not answer del_token must not hold the exit (a
       * systemd unit's stop, a script): the wait is bounded. */
      self->revoking = TRUE;
      timeout_id = g_timeout_add (timeout * 1000, cancel_revocation, cancellable);
      yeastar_client_disconnect_async (self->client, cancellable, reports_cli_store_result, &result);
      reports_cli_wait (&result);
      self->revoking = FALSE;

      /* The run's outcome is already decided; a failed revocation only
       * leaves a token that expires by itself within 30 minutes. */
      if (!yeastar_client_disconnect_finish (self->client, result, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_printerr (_("call-reports: warning: the PBX did not revoke the access token in "
                          "time (%u s); it expires by itself within 30 minutes\n"),
                        timeout);
          else
            g_printerr (_("call-reports: warning: could not revoke the access token: %s\n"),
                        error->message);
        }

      /* Fired, the timeout removed itself; it only cancels. */
      if (!g_cancellable_is_cancelled (cancellable))
        g_source_remove (timeout_id);
    }

  g_clear_object (&self->pbx_info);
  g_clear_object (&self->client);

  if (self->simulator != NULL)
    {
      yeastar_simulator_stop (self->simulator);
      g_clear_object (&self->simulator);
    }

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
}

/* The deadlines of every exchange, the login included; call before open (). */
void
reports_cli_connection_set_transfer_limits (ReportsCliConnection        *self,
                                            const YeastarTransferLimits *limits)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (limits != NULL);

  self->limits = *limits;
  self->has_limits = TRUE;
}

GCancellable *
reports_cli_connection_get_cancellable (ReportsCliConnection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

YeastarClient *
reports_cli_connection_get_client (ReportsCliConnection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->client;
}

YeastarPbxInfo *
reports_cli_connection_get_pbx_info (ReportsCliConnection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pbx_info;
}

YeastarApiVersion
reports_cli_connection_get_api_version (ReportsCliConnection *self)
{
  g_return_val_if_fail (self != NULL, YEASTAR_API_VERSION_AUTO);

  if (self->api_version == YEASTAR_API_VERSION_AUTO && self->pbx_info != NULL)
    return yeastar_pbx_info_get_default_api_version (self->pbx_info);

  return self->api_version;
}

gboolean
reports_cli_connection_get_quiet (ReportsCliConnection *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->quiet;
}

void
reports_cli_connection_progress (ReportsCliConnection *self,
                                 const char           *format,
                                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  if (self->quiet || !self->progress)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s\n", text);
}

int
reports_cli_exit_status_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, REPORTS_EXIT_FAILURE);

  if (error->domain == G_OPTION_ERROR)
    return REPORTS_EXIT_USAGE;

  if (error->domain == YEASTAR_ERROR)
    {
      switch ((YeastarError) error->code)
        {
        case YEASTAR_ERROR_INVALID_REQUEST:
          return REPORTS_EXIT_USAGE;

        case YEASTAR_ERROR_AUTHENTICATION_FAILED:
        case YEASTAR_ERROR_TOKEN_LIMIT:
        case YEASTAR_ERROR_IP_BLOCKED:
        case YEASTAR_ERROR_IP_FORBIDDEN:
        case YEASTAR_ERROR_PERMISSION_DENIED:
        case YEASTAR_ERROR_TOKEN_EXPIRED:
          return REPORTS_EXIT_AUTH;

        case YEASTAR_ERROR_INVALID_PARAMETER:
        case YEASTAR_ERROR_INTERFACE_MISSING:
        case YEASTAR_ERROR_SERVER:
        case YEASTAR_ERROR_REPORT_FAILED:
        case YEASTAR_ERROR_LINK_EXPIRED:
        case YEASTAR_ERROR_NOT_A_FILE:
          return REPORTS_EXIT_REJECTED;

        case YEASTAR_ERROR_NETWORK:
        case YEASTAR_ERROR_TLS_UNTRUSTED:
        case YEASTAR_ERROR_TLS_CHANGED:
        case YEASTAR_ERROR_TIMEOUT:
        case YEASTAR_ERROR_MALFORMED_REPLY:
        case YEASTAR_ERROR_NOT_YEASTAR:
          return REPORTS_EXIT_NETWORK;

        default:
          return REPORTS_EXIT_FAILURE;
        }
    }

  if (error->domain == G_TLS_ERROR || error->domain == G_RESOLVER_ERROR)
    return REPORTS_EXIT_NETWORK;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return REPORTS_EXIT_FAILURE;

  if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return REPORTS_EXIT_FILE_SYSTEM;

  return REPORTS_EXIT_FAILURE;
}

/* A refused field as the command line knows it: "queue_id (--queue)". */
static char *
name_field_with_option (const char *api_name,
                        gpointer    user_data)
{
  g_autofree char *option = NULL;
  YeastarParam param;

  if (!yeastar_param_from_api_name (api_name, &param))
    return NULL;

  option = reports_cli_dup_param_option (param);
  return option != NULL ? g_strdup_printf ("%s (--%s)", api_name, option) : NULL;
}

/* Describes a 40002 error: the errcode and each field the PBX named, with
 * the option that sets it. */
static char *
describe_invalid_params (const GError *error)
{
  GString *text = g_string_new (_("The PBX rejected the request (errcode 40002 PARAMETER ERROR):"));

  if (!yeastar_error_append_invalid_params (error, text, "  ", name_field_with_option, NULL))
    {
      g_string_free (text, TRUE);
      return g_strdup_printf (_("The PBX rejected the request (errcode 40002): %s"), error->message);
    }

  return g_string_free (text, FALSE);
}

int
reports_cli_connection_fail (ReportsCliConnection *self,
                             const GError         *error)
{
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (error != NULL, REPORTS_EXIT_FAILURE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_string_new (_("Interrupted"));
  else if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER))
    {
      g_autofree char *text = describe_invalid_params (error);

      message = g_string_new (text);
    }
  else
    message = g_string_new (error->message);

  /* The window asks; the command line says how to trust the certificate. */
  if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED))
    {
      g_string_append_c (message, '\n');
      g_string_append (message, _("If the fingerprints match, trust this certificate with "
                                  "--pin-certificate and its fingerprint."));
    }

  /* The API layer never puts the secret or a token in a message; this is
   * a second lock on the same door. */
  if (self != NULL && self->secret != NULL && self->secret[0] != '\0')
    g_string_replace (message, self->secret, "…", 0);

  /* The API layer shows the PBX's texts escaped; this is a second lock
   * for any other cause. The message's own line breaks and tabs (a list
   * of "ID<TAB>name" candidates) stay: each piece between them is
   * escaped on its own. */
  {
    g_autofree char *text = g_string_free (g_steal_pointer (&message), FALSE);
    const char *p = text;

    message = g_string_new (NULL);
    for (;;)
      {
        gsize len = strcspn (p, "\n\t");
        g_autofree char *piece = yeastar_text_escape (p, len);

        g_string_append (message, piece);
        if (p[len] == '\0')
          break;
        g_string_append_c (message, p[len]);
        p += len + 1;
      }
  }

  g_printerr ("call-reports: %s\n", message->str);

  return reports_cli_exit_status_for_error (error);
}

void
reports_cli_store_result (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert (out != NULL);
  g_assert (*out == NULL);

  *out = g_object_ref (result);
}

void
reports_cli_wait (GAsyncResult **result)
{
  g_return_if_fail (result != NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}
