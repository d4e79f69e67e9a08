/* test-transfer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "client-test-util.h"
#include "raw-server.h"
#include "yeastar-download.h"

/*
 * The transfer faults a SoupServer cannot produce, through a raw-socket
 * server (tests/lib/raw-server.c) in front of the simulator: the API
 * calls are forwarded to the simulator, and the report file's link
 * (/api/download/…) is answered by the mode under test: a cut or
 * malformed body, a redirect to another origin, dripped headers, a slow
 * body, a size no disk has. Every case checks the error message, that
 * nothing visible is left in the folder, and that no message carries a
 * token or the Client Secret.
 */

typedef enum
{
  MODE_FORWARD,
  MODE_LENGTH_CUT,        /* Content-Length 1000, 10 bytes, close */
  MODE_CHUNK_CUT,         /* chunked, closed inside a chunk */
  MODE_CHUNK_BOUNDARY,    /* chunked, closed after a whole chunk */
  MODE_CHUNK_MALFORMED,   /* a chunk size that is not hexadecimal */
  MODE_EMPTY,             /* 200, Content-Length 0 */
  MODE_REDIRECT_OTHER,    /* 302 to the other server, the query (token) kept */
  MODE_REDIRECT_API,      /* system/information answered 302 to the other server */
  MODE_REDIRECT_SAME,     /* 302 to /moved/…, then the file */
  MODE_DRIP_HEADERS,      /* one header line every 300 ms */
  MODE_SLOW_BODY,         /* 10 bytes every 200 ms */
  MODE_HUGE,              /* Content-Length of a petabyte */
  MODE_GZIP,              /* the file gzip-compressed, though identity was asked for */
  MODE_UNKNOWN_CODING,    /* Content-Encoding: br */
} Mode;

#define REPORT_BODY "Time,Queue,Calls\n2026-07-01,Sales,12\n"

typedef struct
{
  YeastarSimulator *sim;
  RawServer *raw;
  RawServer *other;
  YeastarClient *client;
  Mode mode;
  char *dir;
  GFile *folder;
} TransferFixture;

static gboolean
answer_other (RawServer        *server,
              RawConnection    *connection,
              const RawRequest *request,
              gpointer          user_data)
{
  raw_connection_printf (connection,
                         "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %zu\r\n"
                         "Connection: close\r\n\r\n%s", strlen ("evil,data\n"), "evil,data\n");
  return TRUE;
}

static gboolean
answer_file (RawConnection *connection)
{
  return raw_connection_printf (connection,
                                "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %zu\r\n"
                                "Connection: close\r\n\r\n%s", strlen (REPORT_BODY), REPORT_BODY);
}

static gboolean
answer (RawServer        *server,
        RawConnection    *connection,
        const RawRequest *request,
        gpointer          user_data)
{
  TransferFixture *f = user_data;
  const char *query = strchr (request->target, '?');

  if (f->mode == MODE_REDIRECT_API && g_str_has_suffix (request->path, "/system/information"))
    {
      raw_connection_printf (connection,
                             "HTTP/1.1 302 Found\r\nLocation: %s/steal%s\r\n"
                             "Content-Length: 0\r\nConnection: close\r\n\r\n",
                             raw_server_get_base_uri (f->other), query ? query : "");
      return TRUE;
    }

  if (g_str_has_prefix (request->path, "/moved/"))
    return answer_file (connection) || TRUE;

  if (!g_str_has_prefix (request->path, "/api/download/"))
    return FALSE;

  switch (f->mode)
    {
    case MODE_FORWARD:
    case MODE_REDIRECT_API:
      return FALSE;

    case MODE_LENGTH_CUT:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n"
                            "Connection: close\r\n\r\nTime,Queue", -1);
      break;

    case MODE_CHUNK_CUT:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"
                            "\r\n11\r\nTime,Queue,Calls\n\r\n20\r\n2026-07-01", -1);
      break;

    case MODE_CHUNK_BOUNDARY:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"
                            "\r\n11\r\nTime,Queue,Calls\n\r\n", -1);
      break;

    case MODE_CHUNK_MALFORMED:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"
                            "\r\n11\r\nTime,Queue,Calls\n\r\nzz\r\n2026-07-01,Sales,12\n\r\n0\r\n\r\n", -1);
      break;

    case MODE_EMPTY:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 0\r\n"
                            "Connection: close\r\n\r\n", -1);
      break;

    case MODE_REDIRECT_OTHER:
      raw_connection_printf (connection,
                             "HTTP/1.1 302 Found\r\nLocation: %s/steal%s\r\nContent-Length: 0\r\n"
                             "Connection: close\r\n\r\n",
                             raw_server_get_base_uri (f->other), query ? query : "");
      break;

    case MODE_REDIRECT_SAME:
      raw_connection_printf (connection,
                             "HTTP/1.1 302 Found\r\nLocation: /moved%s%s\r\nContent-Length: 0\r\n"
                             "Connection: close\r\n\r\n",
                             request->path + strlen ("/api/download"), query ? query : "");
      break;

    case MODE_DRIP_HEADERS:
      raw_connection_write (connection, "HTTP/1.1 200 OK\r\n", -1);
      for (guint i = 0; i < 20; i++)
        if (!raw_connection_sleep (connection, 300) ||
            !raw_connection_printf (connection, "X-Drip-%u: %u\r\n", i, i))
          return TRUE;
      answer_file (connection);
      break;

    case MODE_SLOW_BODY:
      {
        g_autofree char *body = g_strnfill (300, 'x');

        raw_connection_write (connection,
                              "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 300\r\n"
                              "Connection: close\r\n\r\n", -1);
        raw_connection_drip (connection, body, -1, 10, 200);
      }
      break;

    case MODE_HUGE:
      raw_connection_write (connection,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                            "Content-Length: 1125899906842624\r\nConnection: close\r\n\r\n"
                            REPORT_BODY, -1);
      break;

    case MODE_GZIP:
      {
        g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
        guint8 out[1024];
        gsize read = 0, written = 0;

        g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), REPORT_BODY, strlen (REPORT_BODY),
                                              out, sizeof out, G_CONVERTER_INPUT_AT_END,
                                              &read, &written, NULL), ==, G_CONVERTER_FINISHED);
        raw_connection_printf (connection,
                               "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Encoding: gzip\r\n"
                               "Content-Length: %zu\r\nConnection: close\r\n\r\n", written);
        raw_connection_write (connection, (const char *) out, written);
      }
      break;

    case MODE_UNKNOWN_CODING:
      raw_connection_printf (connection,
                             "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Encoding: br\r\n"
                             "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                             strlen (REPORT_BODY), REPORT_BODY);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static void
transfer_setup (TransferFixture *f,
                gconstpointer    data)
{
  g_autofree char *sim_uri = NULL;
  g_autoptr(GError) error = NULL;
  YeastarTransferLimits limits = { .header_timeout = 1, .min_speed = 1024, .stall_time = 1 };

  f->mode = GPOINTER_TO_INT (data);
  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim, "client-id", TEST_CLIENT_ID, "client-secret", TEST_SECRET, NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  sim_uri = yeastar_simulator_dup_base_uri (f->sim);

  f->raw = raw_server_new (sim_uri, answer, f);
  f->other = raw_server_new (NULL, answer_other, f);
  f->client = yeastar_client_new (raw_server_get_base_uri (f->raw), TEST_CLIENT_ID, TEST_SECRET, &error);
  g_assert_no_error (error);
  /* Small deadlines, so that no case waits long. */
  yeastar_client_set_transfer_limits (f->client, &limits);

  f->dir = g_dir_make_tmp ("test-transfer-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

/* Every name in the folder, hidden ones too. */
static GPtrArray *
list_folder (TransferFixture *f)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
transfer_teardown (TransferFixture *f,
                   gconstpointer    data)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->folder);
  g_clear_object (&f->client);
  /* The client's connections close in an idle. */
  spin_for (50);
  g_clear_pointer (&f->raw, raw_server_free);
  g_clear_pointer (&f->other, raw_server_free);
  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
}

static GFile *
run_download (TransferFixture  *f,
              GError          **error)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueperformance");
  g_autoptr(YeastarDownload) download = yeastar_download_new (f->client, request, f->folder);
  g_autoptr(GAsyncResult) result = NULL;
  GFile *file;

  yeastar_download_start_async (download, NULL, store_result_cb, &result);
  file = yeastar_download_start_finish (download, wait_result (&result), error);
  if (file == NULL)
    {
      g_assert_cmpint (yeastar_download_get_state (download), ==, YEASTAR_DOWNLOAD_STATE_FAILED);
      assert_no_secrets (f->sim, yeastar_download_get_error (download));
    }
  return file;
}

static void
assert_folder_empty (TransferFixture *f)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  if (names->len > 0)
    g_error ("the folder is not empty: %s", (char *) g_ptr_array_index (names, 0));
}

static void
assert_error_says (const GError *error,
                   GQuark        domain,
                   int           code,
                   const char   *says)
{
  g_assert_error (error, domain, code);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

/* 3: a body that ends early is an error; nothing is saved. */
static void
test_cut (TransferFixture *f,
          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK, "the transfer was cut");
  assert_folder_empty (f);
}

static void
test_cut_after (TransferFixture *f,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK, "was cut after");
  assert_folder_empty (f);
}

/* 5: a redirect to another origin is refused, naming it; the other
 * server never sees the request (nor the token in its query). */
static void
test_redirect_other (TransferFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);
  const char *other = raw_server_get_base_uri (f->other);

  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK, "redirected the request to another server");
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK, other);
  g_assert_null (strstr (error->message, "steal"));
  g_assert_cmpuint (raw_server_get_request_count (f->other), ==, 0);
  assert_folder_empty (f);
}

/* … and so is one on an API call (here system/information, a GET). */
static void
test_redirect_api (TransferFixture *f,
                   gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK, raw_server_get_base_uri (f->other));
  g_assert_cmpuint (raw_server_get_request_count (f->other), ==, 0);
  assert_folder_empty (f);
}

/* Within the PBX's origin, a redirect of the download is followed. */
static void
test_redirect_same (TransferFixture *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) requests = raw_server_dup_requests (f->raw);
  gboolean moved = FALSE;

  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, REPORT_BODY);
  name = g_file_get_basename (file);
  g_assert_false (g_str_has_prefix (name, "."));
  for (guint i = 0; requests[i] != NULL; i++)
    moved |= g_str_has_prefix (requests[i], "GET /moved/");
  g_assert_true (moved);
}

/* 7: headers dripped one line at a time end at the header deadline. */
static void
test_drip_headers (TransferFixture *f,
                   gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 start = g_get_monotonic_time ();

  file = run_download (f, &error);
  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT, "did not finish its headers within 1 second");
  /* 1 s, not the 6 s of the whole drip */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  assert_folder_empty (f);
}

/* … and a body slower than the minimum speed at the end of its window. */
static void
test_slow_body (TransferFixture *f,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 start = g_get_monotonic_time ();

  file = run_download (f, &error);
  g_assert_null (file);
  /* g_format_size() puts a no-break space before the unit. */
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT, "was slower than 1.0\u00a0kB per second for 1 second");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  assert_folder_empty (f);
}

/* 13: a size no disk has is refused before the first byte is written. */
static void
test_no_room (TransferFixture *f,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_null (file);
  assert_error_says (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "There is not enough room in the folder");
  g_assert_null (strstr (error->message, ".part"));
  assert_folder_empty (f);
}

/* … and a folder that does not exist before anything is asked. */
static void
test_missing_folder (TransferFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *expected = g_strdup_printf ("The folder “%s” does not exist.", missing);

  g_clear_object (&f->folder);
  f->folder = g_file_new_for_path (missing);
  file = run_download (f, &error);
  g_assert_null (file);
  assert_error_says (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, expected);
  g_assert_cmpuint (raw_server_get_request_count (f->raw), ==, 0);
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

/* The file, unchanged, through the raw server: the forwarding works. */
static void
test_forward (TransferFixture *f,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
}

/* A compressed body, though none was asked for, is saved decoded; a
 * coding this program cannot read is refused and nothing is saved. */
static void
test_gzip (TransferFixture *f,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, REPORT_BODY);
}

static void
test_unknown_coding (TransferFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = run_download (f, &error);

  g_assert_null (file);
  assert_error_says (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE, "encoding this program cannot read (br)");
  assert_folder_empty (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, mode, func) \
  g_test_add ("/yeastar/transfer/" path, TransferFixture, GINT_TO_POINTER (mode), \
              transfer_setup, func, transfer_teardown)

  ADD ("forward", MODE_FORWARD, test_forward);
  ADD ("cut/content-length", MODE_LENGTH_CUT, test_cut_after);
  ADD ("cut/inside-chunk", MODE_CHUNK_CUT, test_cut_after);
  ADD ("cut/chunk-boundary", MODE_CHUNK_BOUNDARY, test_cut_after);
  ADD ("cut/malformed-chunk", MODE_CHUNK_MALFORMED, test_cut_after);
  ADD ("cut/empty", MODE_EMPTY, test_cut);
  ADD ("redirect/other-origin", MODE_REDIRECT_OTHER, test_redirect_other);
  ADD ("redirect/api-call", MODE_REDIRECT_API, test_redirect_api);
  ADD ("redirect/same-origin", MODE_REDIRECT_SAME, test_redirect_same);
  ADD ("deadline/headers", MODE_DRIP_HEADERS, test_drip_headers);
  ADD ("deadline/slow-body", MODE_SLOW_BODY, test_slow_body);
  ADD ("folder/no-room", MODE_HUGE, test_no_room);
  ADD ("folder/missing", MODE_FORWARD, test_missing_folder);
  ADD ("coding/gzip", MODE_GZIP, test_gzip);
  ADD ("coding/unknown", MODE_UNKNOWN_CODING, test_unknown_coding);

#undef ADD

  return g_test_run ();
}
