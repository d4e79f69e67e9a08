/* test-fault-matrix.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every operation of the API layer against every fault the simulator can
 * inject. For each pair: the error the user sees (its YEASTAR_ERROR code
 * and what its message says), no crash, no hang (every wait is bounded by
 * the client's timeouts, which the test sets short), no file and no
 * `.part` left in the folder, and the same operation succeeds once the
 * fault is cleared. The matrix is printed as a table at the end.
 *
 * The client talks to the simulator through a small TCP relay on a port of
 * its own, so that "connection refused" is real (the relay stops
 * listening) and the retry reaches the same address once it listens again.
 */

#include "config.h"

#include "client-test-util.h"
#include "yeastar-private.h"
#include "yeastar-download.h"

#define IO_TIMEOUT_S 1      /* the client's SoupSession timeout in this test */
#define STALL_MS     4000   /* how long the simulator stalls: past the timeout */

typedef enum
{
  OP_LOGIN,
  OP_REFRESH,
  OP_INFORMATION,
  OP_MENU_OPTIONS,
  OP_REPORT,
  OP_ASYNC_REPORT,
  OP_DOWNLOAD,
  N_OPS
} Op;

static const struct
{
  const char *name;
  const char *endpoint;   /* where the fault is injected */
} ops[N_OPS] = {
  { "login", YEASTAR_SIMULATOR_GET_TOKEN },
  { "refresh", YEASTAR_SIMULATOR_REFRESH_TOKEN },
  { "information", YEASTAR_SIMULATOR_INFORMATION },
  { "menu options", YEASTAR_SIMULATOR_MENU_OPTIONS },
  { "report", YEASTAR_SIMULATOR_REPORT },
  { "async report", YEASTAR_SIMULATOR_REPORT },
  { "download", YEASTAR_SIMULATOR_FILE },
};

typedef enum
{
  FAULT_REFUSED,
  FAULT_RESET,
  FAULT_STALL,
  FAULT_HTTP_500,
  FAULT_HTML,
  FAULT_TRUNCATED,
  FAULT_WRONG_TYPES,
  FAULT_HUGE,
  FAULT_TOKEN_EXPIRED,
  FAULT_TOKEN_CAP,
  FAULT_IP_BLOCKED,
  FAULT_LINK_EXPIRED,
  FAULT_HOSTILE_NAME,
  N_FAULTS
} Fault;

static const struct
{
  const char            *name;
  const char            *column;  /* for the table */
  YeastarSimulatorFault  fault;   /* NONE: the relay refuses connections */
} faults[N_FAULTS] = {
  { "refused", "refused", YEASTAR_SIMULATOR_FAULT_NONE },
  { "reset mid-body", "reset", YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY },
  { "stall", "stall", YEASTAR_SIMULATOR_FAULT_STALL },
  { "HTTP 500", "http500", YEASTAR_SIMULATOR_FAULT_HTTP_500 },
  { "HTML", "html", YEASTAR_SIMULATOR_FAULT_HTML },
  { "truncated JSON", "truncated", YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON },
  { "wrong types", "types", YEASTAR_SIMULATOR_FAULT_WRONG_TYPES },
  { "100 MB JSON", "100MB", YEASTAR_SIMULATOR_FAULT_HUGE_JSON },
  { "token expired", "expired", YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED },
  { "token cap", "tokencap", YEASTAR_SIMULATOR_FAULT_TOKEN_CAP },
  { "IP blocked", "blocked", YEASTAR_SIMULATOR_FAULT_IP_BLOCKED },
  { "link expired", "link", YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED },
  { "hostile name", "hostile", YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME },
};

/* What a cell expects: 0 means the operation succeeds (the fault does not
 * apply to that endpoint, or is handled), else the YEASTAR_ERROR code and
 * a fragment of its message. */
typedef struct
{
  int         code;
  const char *says;
} Expect;

#define OK { 0, NULL }
#define REFUSED { YEASTAR_ERROR_NETWORK, "connection was refused" }
#define EARLY { YEASTAR_ERROR_NETWORK, "ended too early" }
#define CUT { YEASTAR_ERROR_NETWORK, "was cut after" }
#define SLOW { YEASTAR_ERROR_NETWORK, "no answer in time" }
#define SERVER { YEASTAR_ERROR_SERVER, "HTTP status 500" }
#define HTML { YEASTAR_ERROR_NOT_YEASTAR, "web page" }
#define NOT_JSON { YEASTAR_ERROR_MALFORMED_REPLY, "not valid JSON" }
#define NO_TOKEN { YEASTAR_ERROR_MALFORMED_REPLY, "no usable “access_token”" }
#define NO_INFO { YEASTAR_ERROR_MALFORMED_REPLY, "no usable “firmware_version”" }
#define NO_LIST { YEASTAR_ERROR_MALFORMED_REPLY, "is not a list" }
#define NO_LINK { YEASTAR_ERROR_MALFORMED_REPLY, "no usable download link" }
#define HUGE { YEASTAR_ERROR_MALFORMED_REPLY, "unreasonably large" }
#define MESSAGE { YEASTAR_ERROR_NOT_A_FILE, "a message instead of the report file" }
#define LOGIN_REFUSED { YEASTAR_ERROR_AUTHENTICATION_FAILED, "refused to log in (error 10004" }
#define EXPIRED { YEASTAR_ERROR_TOKEN_EXPIRED, "even after a new one was obtained" }
#define CAP { YEASTAR_ERROR_TOKEN_LIMIT, "maximum number of access tokens" }
#define ERR_60002 { YEASTAR_ERROR_SERVER, "error 60002" }
#define BLOCKED { YEASTAR_ERROR_IP_BLOCKED, "blocked this computer" }
#define LINK { YEASTAR_ERROR_LINK_EXPIRED, "link has expired" }

/* Notes on the cells that succeed: a failed refresh_token is followed by
 * one get_token, which works; link expiry and hostile names only exist
 * for report files (a hostile name is saved under a safe name). 60002
 * outside get_token is not the token cap, so it is a generic PBX error. */
static const Expect expected[N_OPS][N_FAULTS] = {
  /*                  refused  reset  stall  500     HTML  truncated  types     huge  expired        cap        blocked  link  hostile */
  [OP_LOGIN] = { REFUSED, EARLY, SLOW, SERVER, HTML, NOT_JSON, NO_TOKEN, HUGE, LOGIN_REFUSED, CAP, BLOCKED, OK, OK },
  [OP_REFRESH] = { REFUSED, EARLY, SLOW, OK, OK, OK, OK, OK, OK, OK, BLOCKED, OK, OK },
  [OP_INFORMATION] = { REFUSED, EARLY, SLOW, SERVER, HTML, NOT_JSON, NO_INFO, HUGE, EXPIRED, ERR_60002, BLOCKED, OK, OK },
  [OP_MENU_OPTIONS] = { REFUSED, EARLY, SLOW, SERVER, HTML, NOT_JSON, NO_LIST, HUGE, EXPIRED, ERR_60002, BLOCKED, OK, OK },
  [OP_REPORT] = { REFUSED, EARLY, SLOW, SERVER, HTML, NOT_JSON, NO_LINK, HUGE, EXPIRED, ERR_60002, BLOCKED, OK, OK },
  [OP_ASYNC_REPORT] = { REFUSED, EARLY, SLOW, SERVER, HTML, NOT_JSON, NO_LINK, HUGE, EXPIRED, ERR_60002, BLOCKED, OK, OK },
  [OP_DOWNLOAD] = { REFUSED, CUT, SLOW, { YEASTAR_ERROR_SERVER, "HTTP status 500" }, HTML, MESSAGE, MESSAGE, MESSAGE, EXPIRED,
                    { YEASTAR_ERROR_NOT_A_FILE, "error 60002" }, BLOCKED, LINK, OK },
};

/* Short names of the codes, for the table. */
static const char * const error_names[] = {
  [YEASTAR_ERROR_AUTHENTICATION_FAILED] = "AUTH",
  [YEASTAR_ERROR_TOKEN_LIMIT] = "TOKENCAP",
  [YEASTAR_ERROR_IP_BLOCKED] = "BLOCKED",
  [YEASTAR_ERROR_IP_FORBIDDEN] = "FORBIDDEN",
  [YEASTAR_ERROR_PERMISSION_DENIED] = "DENIED",
  [YEASTAR_ERROR_INTERFACE_MISSING] = "NOIFACE",
  [YEASTAR_ERROR_INVALID_PARAMETER] = "PARAM",
  [YEASTAR_ERROR_TOKEN_EXPIRED] = "EXPIRED",
  [YEASTAR_ERROR_SERVER] = "SERVER",
  [YEASTAR_ERROR_MALFORMED_REPLY] = "MALFORMED",
  [YEASTAR_ERROR_NETWORK] = "NETWORK",
  [YEASTAR_ERROR_TLS_UNTRUSTED] = "TLS",
  [YEASTAR_ERROR_TLS_CHANGED] = "TLSCHANGE",
  [YEASTAR_ERROR_NOT_YEASTAR] = "NOTPBX",
  [YEASTAR_ERROR_INVALID_REQUEST] = "REQUEST",
  [YEASTAR_ERROR_REPORT_FAILED] = "FAILED",
  [YEASTAR_ERROR_TIMEOUT] = "TIMEOUT",
  [YEASTAR_ERROR_LINK_EXPIRED] = "LINK",
  [YEASTAR_ERROR_NOT_A_FILE] = "NOTAFILE",
};

/* What each cell saw, for the table. */
static char *observed[N_OPS][N_FAULTS];

/* The relay ------------------------------------------------------------- */

typedef struct
{
  GSocketService *service;
  guint16 port;
  guint16 target_port;
} Relay;

static gboolean
on_relay_incoming (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   Relay             *relay)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;

  /* A connect on loopback completes in the kernel's backlog at once. */
  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", relay->target_port, NULL, NULL);
  if (upstream == NULL)
    return TRUE;   /* the client sees the connection closed */

  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                            G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  return TRUE;
}

static void
relay_listen (Relay *relay)
{
  g_autoptr(GError) error = NULL;

  relay->service = g_socket_service_new ();
  g_signal_connect (relay->service, "incoming", G_CALLBACK (on_relay_incoming), relay);
  if (relay->port == 0)
    {
      relay->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (relay->service), NULL, &error);
    }
  else
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, relay->port);

      g_socket_listener_add_address (G_SOCKET_LISTENER (relay->service), address,
                                     G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                     NULL, NULL, &error);
    }
  g_assert_no_error (error);
  g_socket_service_start (relay->service);
}

/* Stops listening: new connections are refused by the kernel. */
static void
relay_close (Relay *relay)
{
  if (relay->service == NULL)
    return;
  g_socket_service_stop (relay->service);
  g_socket_listener_close (G_SOCKET_LISTENER (relay->service));
  g_clear_object (&relay->service);
}

/* A cell ----------------------------------------------------------------- */

typedef struct
{
  YeastarSimulator *sim;
  YeastarClient *client;
  Relay relay;
  char *dir;
  GFile *folder;
} Cell;

static void
cell_start (Cell *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sim_uri = NULL;
  g_autofree char *relay_uri = NULL;
  g_autoptr(GUri) uri = NULL;

  cell->sim = yeastar_simulator_new ();
  g_object_set (cell->sim,
                "client-id", TEST_CLIENT_ID,
                "client-secret", TEST_SECRET,
                "stall-ms", STALL_MS,
                "async-delay-ms", 50,
                NULL);
  g_assert_true (yeastar_simulator_start (cell->sim, NULL, &error));
  g_assert_no_error (error);

  sim_uri = yeastar_simulator_dup_base_uri (cell->sim);
  uri = g_uri_parse (sim_uri, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  cell->relay.target_port = g_uri_get_port (uri);
  relay_listen (&cell->relay);

  relay_uri = g_strdup_printf ("http://127.0.0.1:%u", cell->relay.port);
  cell->client = yeastar_client_new (relay_uri, TEST_CLIENT_ID, TEST_SECRET, &error);
  g_assert_no_error (error);
  g_object_set (_yeastar_client_get_session (cell->client), "timeout", IO_TIMEOUT_S, NULL);
  yeastar_client_set_report_timeout (cell->client, 2);

  cell->dir = g_dir_make_tmp ("yeastar-faults-XXXXXX", &error);
  g_assert_no_error (error);
  cell->folder = g_file_new_for_path (cell->dir);
}

/* The names in the folder, sorted, comma-separated ("" when empty). */
static char *
list_folder (Cell *cell)
{
  g_autoptr(GDir) dir = g_dir_open (cell->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
empty_folder (Cell *cell)
{
  g_autoptr(GDir) dir = g_dir_open (cell->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cell->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
cell_stop (Cell *cell)
{
  spin_idle ();
  g_assert_finalize_object (g_steal_pointer (&cell->client));
  relay_close (&cell->relay);
  yeastar_simulator_stop (cell->sim);
  spin_idle ();
  g_clear_object (&cell->sim);
  empty_folder (cell);
  g_assert_cmpint (g_rmdir (cell->dir), ==, 0);
  g_clear_pointer (&cell->dir, g_free);
  g_clear_object (&cell->folder);
}

static gboolean
do_connect (Cell    *cell,
            GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;

  yeastar_client_connect_async (cell->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (cell->client, wait_result (&result), error);
  return info != NULL;
}

static gboolean
do_menu_options (Cell    *cell,
                 GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) options = NULL;

  yeastar_client_get_menu_options_async (cell->client, "extension", NULL, NULL, store_result_cb, &result);
  options = yeastar_client_get_menu_options_finish (cell->client, wait_result (&result), error);
  if (options != NULL)
    g_assert_cmpuint (g_list_model_get_n_items (options), >, 0);
  return options != NULL;
}

static YeastarReportRequest *
new_request (gboolean async)
{
  YeastarReportRequest *request = new_full_request ("extcallstatistics");

  yeastar_report_request_set_async (request, async);
  return request;
}

static gboolean
do_report (Cell      *cell,
           gboolean   async,
           GError   **error)
{
  g_autoptr(YeastarReportRequest) request = new_request (async);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarReportLink) link = NULL;

  yeastar_client_request_report_async (cell->client, request, NULL, store_result_cb, &result);
  link = yeastar_client_request_report_finish (cell->client, wait_result (&result), error);
  if (link != NULL)
    g_assert_cmpint (yeastar_report_link_get_url (link)[0], ==, '/');
  return link != NULL;
}

static gboolean
do_download (Cell    *cell,
             GError **error)
{
  g_autoptr(YeastarReportRequest) request = new_request (FALSE);
  g_autoptr(YeastarDownload) download = yeastar_download_new (cell->client, request, cell->folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_download_start_async (download, NULL, store_result_cb, &result);
  file = yeastar_download_start_finish (download, wait_result (&result), error);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      /* Saved inside the folder, under a safe name, complete. */
      g_assert_true (g_file_equal (parent, cell->folder));
      g_assert_cmpint (name[0], !=, '.');
      g_assert_false (g_str_has_suffix (name, ".part"));
      g_assert_true (g_file_query_exists (file, NULL));
    }
  return file != NULL;
}

/* What the operation does once the client is set up for it. */
static gboolean
run_op (Cell    *cell,
        Op       op,
        GError **error)
{
  switch (op)
    {
    case OP_LOGIN:
    case OP_INFORMATION:
      return do_connect (cell, error);
    case OP_REFRESH:
    case OP_MENU_OPTIONS:
      return do_menu_options (cell, error);
    case OP_REPORT:
      return do_report (cell, FALSE, error);
    case OP_ASYNC_REPORT:
      return do_report (cell, TRUE, error);
    case OP_DOWNLOAD:
      return do_download (cell, error);
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_cell (gconstpointer data)
{
  Op op = GPOINTER_TO_UINT (data) / N_FAULTS;
  Fault fault = GPOINTER_TO_UINT (data) % N_FAULTS;
  const Expect *expect = &expected[op][fault];
  const char *endpoint = ops[op].endpoint;
  Cell cell = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  gboolean ok;

  cell_start (&cell);

  /* Set up what the operation needs, fault-free. */
  if (op == OP_REFRESH)
    {
      /* A 2 s access token is renewed after half its life. */
      g_object_set (cell.sim, "access-token-lifetime", 2, NULL);
    }
  if (op != OP_LOGIN && op != OP_INFORMATION)
    {
      g_assert_true (do_connect (&cell, &error));
      g_assert_no_error (error);
    }
  if (op == OP_REFRESH)
    spin_for (1200);

  /* The hostile name comes with the report's link, not with the file. */
  if (fault == FAULT_HOSTILE_NAME && op == OP_DOWNLOAD)
    endpoint = YEASTAR_SIMULATOR_REPORT;

  if (fault == FAULT_REFUSED)
    relay_close (&cell.relay);
  else
    yeastar_simulator_inject_fault (cell.sim, endpoint, faults[fault].fault, 0);

  ok = run_op (&cell, op, &error);
  left = list_folder (&cell);

  g_test_message ("%s × %s: %s%s%s", ops[op].name, faults[fault].name,
                  ok ? "succeeded" : g_quark_to_string (error->domain),
                  ok ? "" : ": ", ok ? "" : error->message);

  if (expect->code == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      observed[op][fault] = g_strdup ("ok");
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, YEASTAR_ERROR, expect->code);
      g_assert_nonnull (strstr (error->message, expect->says));
      assert_no_secrets (cell.sim, error);
      observed[op][fault] = g_strdup (error_names[error->code]);
    }

  /* Nothing left behind by a failure: no file, no .part. A success of
   * the download leaves exactly the report. */
  if (ok && op == OP_DOWNLOAD)
    {
      g_assert_cmpstr (left, !=, "");
      g_assert_null (strchr (left, ','));
      g_assert_false (g_str_has_suffix (left, ".part"));
    }
  else
    {
      g_assert_cmpstr (left, ==, "");
    }
  empty_folder (&cell);

  /* The fault is gone: the same operation now works. */
  yeastar_simulator_clear_faults (cell.sim);
  if (fault == FAULT_REFUSED)
    relay_listen (&cell.relay);
  if (op != OP_LOGIN && op != OP_INFORMATION && !yeastar_client_get_logged_in (cell.client))
    {
      /* What the user does after a refused login: connect again. */
      g_assert_true (do_connect (&cell, &error));
      g_assert_no_error (error);
    }
  g_clear_error (&error);
  ok = run_op (&cell, op, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  cell_stop (&cell);
}

static void
print_matrix (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_test_message ("Fault matrix: ok = succeeds; otherwise the YEASTAR_ERROR code it fails with "
                  "(short name). Every cell: the expected message, no secret in it, nothing left "
                  "in the folder, the retry succeeds.");
  g_string_append_printf (line, "%-13s", "");
  for (guint f = 0; f < N_FAULTS; f++)
    g_string_append_printf (line, "|%-9s", faults[f].column);
  g_test_message ("%s", line->str);

  for (guint o = 0; o < N_OPS; o++)
    {
      g_string_truncate (line, 0);
      g_string_append_printf (line, "%-13s", ops[o].name);
      for (guint f = 0; f < N_FAULTS; f++)
        g_string_append_printf (line, "|%-9s", observed[o][f] ? observed[o][f] : "-");
      g_test_message ("%s", line->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint o = 0; o < N_OPS; o++)
    for (guint f = 0; f < N_FAULTS; f++)
      {
        g_autofree char *path = g_strdup_printf ("/yeastar/faults/%s/%s", ops[o].name, faults[f].name);

        g_strdelimit (path, " ", '-');
        g_test_add_data_func (path, GUINT_TO_POINTER (o * N_FAULTS + f), test_cell);
      }

  status = g_test_run ();
  print_matrix ();

  for (guint o = 0; o < N_OPS; o++)
    for (guint f = 0; f < N_FAULTS; f++)
      g_free (observed[o][f]);

  return status;
}
