/* simulator-test-util.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator.h"

G_BEGIN_DECLS

/* What the test-simulator files share: a simulator and a libsoup session
 * on one thread, each request spinning the main context until done. */
typedef struct
{
  YeastarSimulator *sim;
  SoupSession      *session;
  char             *base;
  char             *token;
} Fixture;

void         fixture_set_up    (Fixture       *fx,
                                gconstpointer  data);
void         fixture_tear_down (Fixture       *fx,
                                gconstpointer  data);

GBytes      *send_message      (SoupSession   *session,
                                SoupMessage   *msg,
                                GError       **error);
SoupMessage *new_message       (Fixture       *fx,
                                const char    *method,
                                const char    *path,
                                const char    *json_body);
/* A JSON reply as a JsonNode (object expected). */
JsonNode    *request_json      (Fixture       *fx,
                                const char    *method,
                                const char    *path,
                                const char    *json_body);
gint64       errcode_of        (JsonNode      *node);
const char  *string_of         (JsonNode      *node,
                                const char    *member);
char        *login             (Fixture       *fx);
/* GET path?query&access_token=<fx->token>; query is already encoded. */
JsonNode    *api_get           (Fixture       *fx,
                                const char    *path,
                                const char    *query);
/* GET of a download link with the fixture's token; asserts no error. */
GBytes      *download          (Fixture       *fx,
                                const char    *link,
                                SoupMessage  **out_msg);
/* The length of a download streamed in chunks, and its first bytes. */
guint64      stream_length     (Fixture       *fx,
                                const char    *link,
                                char         **head,
                                GError       **error);

/* Each file adds its tests, in the order of the paths. */
void         test_simulator_add_auth   (void);
void         test_simulator_add_api    (void);
void         test_simulator_add_files  (void);
void         test_simulator_add_events (void);
void         test_simulator_add_faults (void);

#define SIMULATOR_TEST_ADD(path, func) \
  g_test_add ("/simulator/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
