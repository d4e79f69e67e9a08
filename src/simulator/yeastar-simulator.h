/* yeastar-simulator.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YEASTAR_TYPE_SIMULATOR (yeastar_simulator_get_type ())

G_DECLARE_FINAL_TYPE (YeastarSimulator, yeastar_simulator, YEASTAR, SIMULATOR, GObject)

/* The endpoints a fault can be injected into. */
#define YEASTAR_SIMULATOR_GET_TOKEN      "get_token"
#define YEASTAR_SIMULATOR_REFRESH_TOKEN  "refresh_token"
#define YEASTAR_SIMULATOR_DEL_TOKEN      "del_token"
#define YEASTAR_SIMULATOR_INFORMATION    "system/information"
#define YEASTAR_SIMULATOR_MENU_OPTIONS   "system/get_menuoptions"
#define YEASTAR_SIMULATOR_REPORT         "call_report/download"
#define YEASTAR_SIMULATOR_FILE           "file"      /* GET /api/download/<file> */
#define YEASTAR_SIMULATOR_SUBSCRIBE      "subscribe" /* the WebSocket */

typedef enum
{
  YEASTAR_SIMULATOR_FAULT_NONE,
  YEASTAR_SIMULATOR_FAULT_STALL,                /* hold the reply for `stall-ms` */
  YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY,        /* send headers and part of the body, then close */
  YEASTAR_SIMULATOR_FAULT_HTTP_500,
  YEASTAR_SIMULATOR_FAULT_HTML,                 /* 200 with an HTML login page */
  YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON,
  YEASTAR_SIMULATOR_FAULT_WRONG_TYPES,          /* valid JSON, wrong member types */
  YEASTAR_SIMULATOR_FAULT_HUGE_JSON,            /* a 100 MB JSON reply, streamed */
  YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED,        /* errcode 10004 */
  YEASTAR_SIMULATOR_FAULT_TOKEN_CAP,            /* errcode 60002 */
  YEASTAR_SIMULATOR_FAULT_IP_BLOCKED,           /* errcode 70004 */
  YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN,         /* errcode 70087 */
  YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED,        /* errcode 10005 */
  YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED,         /* the file link answers as expired */
  YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME,    /* `file` is `hostile-file-name` */
  YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE, /* file link answers with an errcode JSON body */
  YEASTAR_SIMULATOR_FAULT_REPORT_FAILED,        /* event 30027 reports result "failure" */
  YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR,      /* errcode 40002 naming the request's first ID list */
  YEASTAR_SIMULATOR_FAULT_HTTP_502,             /* 502 Bad Gateway, as a proxy in front of the PBX
                                                 * answers; on "subscribe" it refuses the upgrade */
  YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT,         /* `hostile-text` as errmsg (-1); on call_report/download
                                                 * as errmsg, field, valid_msg and value of a 40002 */
} YeastarSimulatorFault;

/* Properties (all readable and writable; set them before or after start):
 *   "client-id", "client-secret"      credentials get_token accepts, default "demo" / "demo-secret"
 *   "date-format"                      system_date_format, e.g. "YYYY/MM/DD", "DD/MM/YYYY", "MM-DD-YYYY"
 *   "time-format"                      system_time_format, "HH:mm:ss" or "hh:mm:ss PM"
 *   "firmware"                         firmware_version, default "37.23.0.123"
 *   "model", "device-name", "serial"   model_name, device_name, sn
 *   "clock"                            GDateTime: fixed PBX wall clock (NULL: now, local time)
 *   "access-token-lifetime"            seconds, default 1800
 *   "refresh-token-lifetime"           seconds, default 86400
 *   "token-cap"                        live access tokens allowed, default 8
 *   "link-lifetime"                    seconds a download link is valid, default 1800
 *   "report-size"                      bytes of each generated report file (0: natural size);
 *                                      large sizes are generated while streaming, never held
 *   "async-delay-ms"                   delay before event 30027, default 200
 *   "event-msg-as-string"              send the 30027 `msg` as a JSON string, default FALSE
 *   "stall-ms"                         how long FAULT_STALL holds a reply, default 30000
 *   "hostile-file-name"                the `file` name FAULT_HOSTILE_FILE_NAME reports, default "../x.csv"
 * Added:
 *   "block-duration"                   seconds of the 70004 IP block after 5 failed logins, default 600
 *   "websocket-idle-ms"                a WebSocket without any frame this long is closed, default 60000
 *   "huge-json-size"                   bytes of a FAULT_HUGE_JSON reply, default 100 MiB
 *   "hostile-text"                     free text with control and bidi characters, default NULL
 *                                      (off). When set: the name of the first option of every
 *                                      menu and the `error` of a failed event 30027; also what
 *                                      FAULT_HOSTILE_TEXT answers (with a built-in text when unset)
 *   "max-request-line"                 the longest request line (method, target with query,
 *                                      version, CRLF) the web server takes, default 8192 as
 *                                      nginx's large_client_header_buffers 4 8k; longer
 *                                      requests get HTTP 414 and never reach the API
 *
 * Demo defaults: device "Demo PBX", model "Yeastar P570", firmware
 * "37.23.0.123", date "DD/MM/YYYY", time "hh:mm:ss PM".
 *
 * Choices where the vendor is silent: wrong credentials answer errcode 20002;
 * the 5th failure still answers 20002 and every later request answers 70004
 * with `block_expire_time` (seconds left); a request without User-Agent
 * answers -1 FAILURE; unknown files and expired links answer 60001; an
 * unknown report type answers -2 on both versions; v2.0 ignores parameters
 * the type does not take; a WebSocket handshake with a bad token answers
 * HTTP 200 with the 10004 JSON body instead of 101.
 */

YeastarSimulator *yeastar_simulator_new                  (void);
/* Listens on 127.0.0.1 and a free port. With a certificate, serves https and wss. */
gboolean          yeastar_simulator_start                (YeastarSimulator      *self,
                                                          GTlsCertificate       *certificate,
                                                          GError               **error);
void              yeastar_simulator_stop                 (YeastarSimulator      *self);
/* "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT", no trailing slash. */
char             *yeastar_simulator_dup_base_uri         (YeastarSimulator      *self);

/* How many options each menu has ("extension", "ext_group", "trunk", "IVR",
 * "ring_group", "queue", "queue_agent" per queue). Up to 20,000 extensions. */
void              yeastar_simulator_set_menu_size        (YeastarSimulator      *self,
                                                          const char            *menu,
                                                          guint                  n_options);
/* The internal ID of a menu's first option (extensions start at 34 and
 * extension groups at 1 unless told otherwise); the others follow it. */
void              yeastar_simulator_set_menu_first_id    (YeastarSimulator      *self,
                                                          const char            *menu,
                                                          guint                  first_id);

/* Make every issued access token expire now (the next use answers 10004). */
void              yeastar_simulator_expire_access_tokens (YeastarSimulator      *self);
/* Also make refresh tokens dead (refresh_token answers 10004). */
void              yeastar_simulator_expire_refresh_tokens (YeastarSimulator     *self);

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
/* Test hooks, only in the simulator the tests link (see
 * yeastar-simulator-faults.h); the installed app has none of them, nor
 * the properties "stall-ms", "hostile-file-name", "huge-json-size" and
 * "hostile-text". */

/* Fail the next `count` requests to `endpoint` (0: every request until
 * cleared). Faults to different endpoints are independent. */
void              yeastar_simulator_inject_fault         (YeastarSimulator      *self,
                                                          const char            *endpoint,
                                                          YeastarSimulatorFault  fault,
                                                          guint                  count);
void              yeastar_simulator_clear_faults         (YeastarSimulator      *self);

/* Events 30027 whose delay passes while held are kept, in the order of
 * the requests they answer, until released: a test can act between a
 * request's "PROCESSING" reply and its event. */
void              yeastar_simulator_hold_events          (YeastarSimulator      *self);
void              yeastar_simulator_release_events       (YeastarSimulator      *self);
guint             yeastar_simulator_get_held_event_count (YeastarSimulator      *self);
#endif

/* What the tests check. */
guint             yeastar_simulator_get_request_count    (YeastarSimulator      *self,
                                                          const char            *endpoint);
guint             yeastar_simulator_get_total_request_count (YeastarSimulator   *self);
/* The query string of the last request to `endpoint`, access_token removed,
 * percent-decoded, parameters in the order received. NULL if none. */
char             *yeastar_simulator_dup_last_query       (YeastarSimulator      *self,
                                                          const char            *endpoint);
/* Every such query string to `endpoint` since the start, in the order
 * received (an empty array if none). */
GStrv             yeastar_simulator_dup_queries          (YeastarSimulator      *self,
                                                          const char            *endpoint);
/* The API version ("v1.0" or "v2.0") of the last call_report/download. */
const char       *yeastar_simulator_get_last_api_version (YeastarSimulator      *self);
guint             yeastar_simulator_get_live_token_count (YeastarSimulator      *self);
guint             yeastar_simulator_get_failed_login_count (YeastarSimulator    *self);
guint             yeastar_simulator_get_heartbeat_count  (YeastarSimulator      *self);
/* Every access and refresh token ever issued, for leak scans. */
GStrv             yeastar_simulator_dup_issued_tokens    (YeastarSimulator      *self);
/* The exact bytes the simulator serves for a file it offered, for
 * byte-for-byte comparison (only for files of natural size). */
GBytes           *yeastar_simulator_dup_file_contents    (YeastarSimulator      *self,
                                                          const char            *file_name);

G_END_DECLS
