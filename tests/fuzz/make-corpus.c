/* make-corpus.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the seed corpora of the fuzz targets from the simulator's real
 * replies: make-corpus DIR writes DIR/<target>/<name>. Run by hand after
 * the simulator changes (build-aux/check-fuzz.sh --corpus); the files are
 * committed in tests/fuzz/corpus/.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator.h"

typedef struct
{
  YeastarSimulator *sim;
  SoupSession *session;
  char *base;
  char *token;
  const char *dir;
} Maker;

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GBytes **body = user_data;

  *body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  if (*body == NULL)
    *body = g_bytes_new (NULL, 0);
}

static GBytes *
request (Maker      *m,
         const char *method,
         const char *path,
         const char *json_body)
{
  g_autofree char *uri = g_strconcat (m->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  GBytes *body = NULL;

  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (m->session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);
  return body;
}

static void
save (Maker      *m,
      const char *target,
      const char *name,
      const char *data,
      gsize       len)
{
  g_autofree char *folder = g_build_filename (m->dir, target, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (folder, 0755);
  if (!g_file_set_contents (path, data, len, &error))
    g_error ("%s", error->message);
}

static void
save_bytes (Maker      *m,
            const char *target,
            const char *name,
            GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  save (m, target, name, data, len);
}

/* GET an API path with the current token; the reply goes to @target. */
static GBytes *
api (Maker      *m,
     const char *target,
     const char *name,
     const char *path,
     const char *query)
{
  g_autofree char *full = g_strdup_printf ("%s?%s%saccess_token=%s", path, query ? query : "",
                                           query ? "&" : "", m->token);
  GBytes *body = request (m, "GET", full, NULL);

  save_bytes (m, target, name, body);
  return body;
}

static char *
member (GBytes     *body,
        const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  JsonObject *object;

  if (!json_parser_load_from_data (parser, data, len, NULL))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, name))
    return NULL;
  return g_strdup (json_object_get_string_member (object, name));
}

static void
login (Maker *m)
{
  g_autoptr(GBytes) body = request (m, "POST", "/openapi/v1.0/get_token",
                                    "{\"username\":\"demo\",\"password\":\"demo-secret\"}");

  g_free (m->token);
  m->token = member (body, "access_token");
  g_assert (m->token != NULL);
}

/* Every fault that gives a JSON or HTML body, on one endpoint. */
static void
faults (Maker      *m,
        const char *target,
        const char *endpoint,
        const char *path,
        const char *query)
{
  static const struct
  {
    YeastarSimulatorFault fault;
    const char *name;
  } list[] = {
    { YEASTAR_SIMULATOR_FAULT_HTTP_500, "http-500" },
    { YEASTAR_SIMULATOR_FAULT_HTML, "html" },
    { YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON, "truncated" },
    { YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, "wrong-types" },
    { YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED, "token-expired" },
    { YEASTAR_SIMULATOR_FAULT_TOKEN_CAP, "token-cap" },
    { YEASTAR_SIMULATOR_FAULT_IP_BLOCKED, "ip-blocked" },
    { YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN, "ip-forbidden" },
    { YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, "access-denied" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    {
      g_autoptr(GBytes) body = NULL;

      yeastar_simulator_inject_fault (m->sim, endpoint, list[i].fault, 1);
      if (g_str_equal (endpoint, YEASTAR_SIMULATOR_GET_TOKEN))
        {
          body = request (m, "POST", path, "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
          save_bytes (m, target, list[i].name, body);
        }
      else
        {
          body = api (m, target, list[i].name, path, query);
        }
      /* The error replies are seeds of the error target too. */
      if (i > 0)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", target + strlen ("fuzz-reply-"), list[i].name);

          save_bytes (m, "fuzz-reply-error", name, body);
        }
    }
  yeastar_simulator_clear_faults (m->sim);
}

/* The websocket ---------------------------------------------------------- */

typedef struct
{
  SoupWebsocketConnection *connection;
  GPtrArray *frames;
  gboolean done;
} Socket;

static void
on_frame (SoupWebsocketConnection *connection,
          int                      type,
          GBytes                  *message,
          Socket                  *socket)
{
  g_ptr_array_add (socket->frames, g_bytes_ref (message));
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Socket *socket = user_data;

  socket->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, NULL);
  socket->done = TRUE;
}

static void
events (Maker      *m,
        const char *prefix)
{
  g_autofree char *uri = g_strdup_printf ("%s/openapi/v1.0/subscribe?access_token=%s", m->base, m->token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  Socket socket = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref), FALSE };
  gint64 until;

  soup_session_websocket_connect_async (m->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        connected_cb, &socket);
  while (!socket.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert (socket.connection != NULL);
  g_signal_connect (socket.connection, "message", G_CALLBACK (on_frame), &socket);
  soup_websocket_connection_send_text (socket.connection, "{\"topic_list\":[30027]}");

  g_bytes_unref (api (m, "fuzz-reply-report", "async-processing", "/openapi/v2.0/call_report/download",
                      "type=ivr&ivr_id_list=1&is_async=1"));
  yeastar_simulator_inject_fault (m->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);
  {
    g_autofree char *path = g_strdup_printf ("/openapi/v2.0/call_report/download?type=ivr&ivr_id_list=1&is_async=1&access_token=%s",
                                             m->token);

    g_bytes_unref (request (m, "GET", path, NULL));
  }

  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  soup_websocket_connection_send_text (socket.connection, "heartbeat");
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  for (guint i = 0; i < socket.frames->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", prefix, i);

      save_bytes (m, "fuzz-event", name, g_ptr_array_index (socket.frames, i));
    }

  soup_websocket_connection_close (socket.connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  while (soup_websocket_connection_get_state (socket.connection) != SOUP_WEBSOCKET_STATE_CLOSED)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&socket.connection);
  g_ptr_array_unref (socket.frames);
}

/* ----------------------------------------------------------------------- */

static void
information (Maker      *m,
             const char *date_format,
             const char *time_format,
             const char *name)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *data;
  g_autofree char *text = NULL;

  g_object_set (m->sim, "date-format", date_format, "time-format", time_format, NULL);
  body = api (m, "fuzz-reply-information", name, "/openapi/v1.0/system/information", NULL);

  /* The same formats and clock as a date-format seed, with a date in the
   * PBX's own form from its clock. */
  g_assert (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  data = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "data");
  text = g_strdup_printf ("%s\n%s\n%s\n%s",
                          json_object_get_string_member (data, "system_date_format"),
                          json_object_get_string_member (data, "system_time_format"),
                          json_object_get_string_member (data, "system_time"),
                          json_object_get_string_member (data, "system_time"));
  save (m, "fuzz-date-format", name, text, strlen (text));
}

/* A 40002 reply of the v2.0 validator: its Go-layout hint is a seed. */
static void
validator (Maker      *m,
           const char *date_format,
           const char *time_format,
           const char *name)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *list;
  g_autofree char *target = g_strdup_printf ("validator-%s", name);

  g_object_set (m->sim, "date-format", date_format, "time-format", time_format, NULL);
  body = api (m, "fuzz-reply-error", target, "/openapi/v2.0/call_report/download",
              "type=extcallstatistics&ext_id_list=1&start_time=2026-99-99&end_time=nonsense");
  save_bytes (m, "fuzz-reply-report", target, body);

  g_assert (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "invalid_param_list"))
    return;
  list = json_object_get_array_member (root, "invalid_param_list");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *valid_msg = json_object_get_string_member_with_default (item, "valid_msg", NULL);
      g_autofree char *seed = g_strdup_printf ("hint-%s-%u", name, i);

      if (valid_msg != NULL)
        save (m, "fuzz-date-format", seed, valid_msg, strlen (valid_msg));
    }
}

static void
report (Maker      *m,
        const char *query,
        const char *name)
{
  g_autoptr(GBytes) body = api (m, "fuzz-reply-report", name, "/openapi/v2.0/call_report/download", query);
  g_autofree char *file = member (body, "file");

  if (file != NULL)
    save (m, "fuzz-file-name", name, file, strlen (file));
}

/* A report file of the simulator, for the report-file reader. */
static void
report_file (Maker      *m,
             const char *query,
             const char *name)
{
  g_autofree char *full = g_strdup_printf ("/openapi/v2.0/call_report/download?%s&access_token=%s", query, m->token);
  g_autoptr(GBytes) body = request (m, "GET", full, NULL);
  g_autofree char *file = member (body, "file");
  g_autoptr(GBytes) contents = file != NULL ? yeastar_simulator_dup_file_contents (m->sim, file) : NULL;

  if (contents == NULL)
    g_error ("no report file for %s: %.*s", query, (int) g_bytes_get_size (body),
             (const char *) g_bytes_get_data (body, NULL));
  save_bytes (m, "fuzz-report-file", name, contents);
}

/* Shapes the simulator does not write: other encodings, separators,
 * quoting, totals, truncation. */
static void
report_file_shapes (Maker *m)
{
  static const struct
  {
    const char *name;
    const char *data;
    gsize       len; /* 0: strlen */
  } shapes[] = {
    { "semicolon-spanish", "Informe\nPeriodo:;01/03/2024 - 31/03/2024\nAgente;Contestada;Tasa;Importe\n"
      "1021-Alexander Cano;4;45,23%;12,50\nTotal general;4;45,23%;12,50\n", 0 },
    { "tab-quotes", "Time\tNote\tTalk\r\n2024-03-01 10:00:00\t\"a\tb\r\nc \"\"q\"\"\"\t01:02:03\r\n"
      "\t\t01:02:03\r\n", 0 },
    { "utf8-bom", "\xEF\xBB\xBFTitle\nA,B\n\xE7\x8E\x8B\xE8\x8A\xB3,1\n\xE5\x90\x88\xE8\xAE\xA1,1\n", 0 },
    { "utf16le-bom", "\xFF\xFE" "A\0,\0B\0\n\0" "\x01\x4E,\0" "1\0\n\0", 18 },
    { "windows-1252", "Nebenstelle;Geb\xFChr\r\nJ\xFCrgen;12,50 \x80\r\n", 0 },
    { "sep-line", "sep=|\nA|B\n1|2\n", 0 },
    { "open-quote", "A,B\n1,\"never closed\n2,3\n", 0 },
    { "nul-and-stray", "A,B,C\n1,a\0b,\xFF\n", 21 },
    { "dates", "When,Day,Talk,Rate\n31/12/2024 11:59:59 PM,2024-12-31,100:00:00,-1.5%\n"
      "01/02/2024 12:00:00 AM,2024-02-29,00:00:00,0%\n", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    save (m, "fuzz-report-file", shapes[i].name, shapes[i].data,
          shapes[i].len ? shapes[i].len : strlen (shapes[i].data));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const hostile[] = {
    "../x.csv", "/etc/passwd", ".hidden.csv", "..", "a\nb\tc\x7f.csv", "C:\\Windows\\x.csv",
    "report\xff\xfe.csv", "%2e%2e%2fx.csv", "name with spaces and ümlauts – 2026.csv", NULL,
  };
  static const char * const cli_times[] = {
    "2022-04-01 00:00:00", "2022-04-01T00:00", "2022-04-01", "2022-04", "2022", "2024-02-29T23:59:59",
    "today", "last-month", "this-week", "2022-13-01", "", NULL,
  };
  Maker m = { 0, };
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: make-corpus DIR\n");
      return 2;
    }
  m.dir = argv[1];

  m.sim = yeastar_simulator_new ();
  g_object_set (m.sim, "async-delay-ms", 50, NULL);
  if (!yeastar_simulator_start (m.sim, NULL, &error))
    g_error ("%s", error->message);
  m.base = yeastar_simulator_dup_base_uri (m.sim);
  m.session = soup_session_new_with_options ("user-agent", "OpenAPI", NULL);

  /* Tokens */
  {
    g_autoptr(GBytes) ok = request (&m, "POST", "/openapi/v1.0/get_token",
                                    "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
    g_autoptr(GBytes) bad = request (&m, "POST", "/openapi/v1.0/get_token",
                                     "{\"username\":\"demo\",\"password\":\"nope\"}");
    g_autofree char *refresh = member (ok, "refresh_token");
    g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
    g_autoptr(GBytes) refreshed = request (&m, "POST", "/openapi/v1.0/refresh_token", body);

    save_bytes (&m, "fuzz-reply-token", "get-token", ok);
    save_bytes (&m, "fuzz-reply-token", "wrong-secret", bad);
    save_bytes (&m, "fuzz-reply-error", "token-wrong-secret", bad);
    save_bytes (&m, "fuzz-reply-token", "refresh-token", refreshed);
  }
  faults (&m, "fuzz-reply-token", YEASTAR_SIMULATOR_GET_TOKEN, "/openapi/v1.0/get_token", NULL);
  login (&m);

  /* Information and date formats */
  information (&m, "DD/MM/YYYY", "hh:mm:ss PM", "dmy-12h");
  information (&m, "YYYY/MM/DD", "HH:mm:ss", "ymd-24h");
  information (&m, "MM-DD-YYYY", "HH:mm:ss", "mdy-24h");
  information (&m, "DD-MM-YYYY", "hh:mm:ss PM", "dmy-dash-12h");
  faults (&m, "fuzz-reply-information", YEASTAR_SIMULATOR_INFORMATION, "/openapi/v1.0/system/information", NULL);

  /* Menu options */
  g_bytes_unref (api (&m, "fuzz-reply-menu-options", "extension", "/openapi/v1.0/system/get_menuoptions", "menu=extension"));
  g_bytes_unref (api (&m, "fuzz-reply-menu-options", "trunk", "/openapi/v1.0/system/get_menuoptions", "menu=trunk"));
  g_bytes_unref (api (&m, "fuzz-reply-menu-options", "queue-agent", "/openapi/v1.0/system/get_menuoptions",
                      "menu=queue_agent&queue_id=1"));
  g_bytes_unref (api (&m, "fuzz-reply-menu-options", "unknown-menu", "/openapi/v1.0/system/get_menuoptions", "menu=nonsense"));
  faults (&m, "fuzz-reply-menu-options", YEASTAR_SIMULATOR_MENU_OPTIONS, "/openapi/v1.0/system/get_menuoptions", "menu=extension");

  /* Reports, validator hints and file names */
  report (&m, "type=extcallstatistics&ext_id_list=1,2&start_time=01/07/2026 12:00:00 AM&end_time=31/07/2026 11:59:59 PM",
          "extcallstatistics");
  report (&m, "type=ivr&ivr_id_list=1", "ivr");
  report (&m, "type=nonsense", "unknown-type");
  g_object_set (m.sim, "date-format", "DD/MM/YYYY", "time-format", "hh:mm:ss PM", NULL);
  report_file (&m, "type=queueperformance&queue_id_list=1,2&start_time=01/07/2026 12:00:00 AM&end_time=31/07/2026 11:59:59 PM",
               "queueperformance");
  report_file (&m, "type=unreturnmisscall&start_time=01/07/2026 12:00:00 AM&end_time=03/07/2026 11:59:59 PM",
               "unreturnmisscall");
  report_file (&m, "type=queueavgwaittalktime&queue_id_list=1&time=07/2026", "queueavgwaittalktime");
  report_file (&m, "type=ivr&ivr_id_list=999", "ivr-no-rows");
  report_file_shapes (&m);
  validator (&m, "DD/MM/YYYY", "hh:mm:ss PM", "dmy-12h");
  validator (&m, "YYYY/MM/DD", "HH:mm:ss", "ymd-24h");
  validator (&m, "MM/DD/YYYY", "HH:mm:ss", "mdy-24h");
  faults (&m, "fuzz-reply-report", YEASTAR_SIMULATOR_REPORT, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1");
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("hostile-%u", i);

      g_object_set (m.sim, "hostile-file-name", hostile[i], NULL);
      yeastar_simulator_inject_fault (m.sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME, 1);
      report (&m, "type=ivr&ivr_id_list=1", name);
    }

  /* Event 30027, with msg as an object and as a string */
  events (&m, "msg-object");
  g_object_set (m.sim, "event-msg-as-string", TRUE, NULL);
  events (&m, "msg-string");

  /* PBX text as it is shown: plain, hostile, and not UTF-8. */
  {
    static const struct {
      const char *name;
      const char *text;
      gsize       len;
    } texts[] = {
      { "plain", "1001 - Alice Martin", 19 },
      { "hostile", "Evil\x1b]0;pwned\x07\x1b[31m\r\n9999\tAdmin\xe2\x80\xaegpj.exe\x7f\xc2\x9b", 44 },
      { "invalid", "\xff\xfe\xc0\x80\xed\xa0\x80\xe2\x80\xa8" "a\0b", 13 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      save (&m, "fuzz-text", texts[i].name, texts[i].text, texts[i].len);
  }

  /* The command line's times are typed by people, not sent by the PBX. */
  for (guint i = 0; cli_times[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("time-%u", i);

      save (&m, "fuzz-cli-time", name, cli_times[i], strlen (cli_times[i]));
    }

  g_clear_object (&m.session);
  yeastar_simulator_stop (m.sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&m.sim);
  g_free (m.base);
  g_free (m.token);
  return 0;
}
