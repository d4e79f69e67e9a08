/* yeastar-simulator-auth.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator-private.h"

/* get_token, refresh_token and del_token: the tokens, the cap on live
 * access tokens ("token-cap", 8 as on the PBX) and the IP block after
 * FAILURES_BEFORE_BLOCK failed logins (docs/pbx-api.md, Tokens). */

void
_yeastar_simulator_token_free (gpointer data)
{
  Token *token = data;

  g_free (token->access_token);
  g_free (token->refresh_token);
  g_free (token);
}

static void
reply_blocked (YeastarSimulator  *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (70004);
  gint64 left = (self->blocked_until - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  /* Seconds left, like the *_expire_time lifetimes of get_token; the real
   * unit is undocumented. */
  json_builder_set_member_name (builder, "block_expire_time");
  json_builder_add_int_value (builder, MAX (left, 1));
  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
}

gboolean
_yeastar_simulator_reply_if_blocked (YeastarSimulator  *self,
                                     SoupServerMessage *msg)
{
  if (self->blocked_until == 0)
    return FALSE;

  if (g_get_monotonic_time () < self->blocked_until)
    {
      reply_blocked (self, msg);
      return TRUE;
    }

  self->blocked_until = 0;
  self->failed_logins = 0;
  return FALSE;
}

/* Tokens */

static char *
new_token_string (void)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char *token = g_new (char, 33);

  for (guint i = 0; i < 32; i++)
    token[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  token[32] = '\0';
  return token;
}

static gboolean
token_access_alive (const Token *token,
                    gint64       now)
{
  return now < token->access_expires;
}

static guint
count_live_tokens (YeastarSimulator *self)
{
  gint64 now = g_get_monotonic_time ();
  guint n = 0;

  for (guint i = 0; i < self->tokens->len; i++)
    if (token_access_alive (g_ptr_array_index (self->tokens, i), now))
      n++;

  return n;
}

gboolean
_yeastar_simulator_access_token_valid (YeastarSimulator *self,
                                       const char       *access_token)
{
  Token *token;

  if (access_token == NULL)
    return FALSE;

  token = g_hash_table_lookup (self->access_tokens, access_token);
  return token != NULL && token_access_alive (token, g_get_monotonic_time ());
}

static void
reply_new_token (YeastarSimulator  *self,
                 SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 now = g_get_monotonic_time ();
  Token *token;

  /* The cap counts live access tokens; refresh_token issues one too, so it
   * is capped the same way. */
  if (count_live_tokens (self) >= self->token_cap)
    {
      _yeastar_simulator_reply_error (msg, 60002);
      return;
    }

  token = g_new0 (Token, 1);
  token->access_token = new_token_string ();
  token->refresh_token = new_token_string ();
  token->access_expires = now + (gint64) self->access_token_lifetime * G_USEC_PER_SEC;
  token->refresh_expires = now + (gint64) self->refresh_token_lifetime * G_USEC_PER_SEC;
  g_ptr_array_add (self->tokens, token);
  g_hash_table_insert (self->access_tokens, token->access_token, token);
  g_hash_table_insert (self->refresh_tokens, token->refresh_token, token);

  builder = _yeastar_simulator_begin_reply (0);
  json_builder_set_member_name (builder, "access_token_expire_time");
  json_builder_add_int_value (builder, self->access_token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token->access_token);
  json_builder_set_member_name (builder, "refresh_token_expire_time");
  json_builder_add_int_value (builder, self->refresh_token_lifetime);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, token->refresh_token);
  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
}

static JsonObject *
parse_body_object (SoupServerMessage *msg,
                   JsonNode         **root)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  *root = NULL;
  if (data == NULL || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  *root = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*root);
}

void
_yeastar_simulator_handle_get_token (YeastarSimulator  *self,
                                     SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_body_object (msg, &root);
  const char *username;
  const char *password;

  /* Not JSON: a syntax error, not a failed login. */
  if (object == NULL)
    {
      _yeastar_simulator_reply_error (msg, 40001);
      return;
    }

  username = json_object_get_string_member_with_default (object, "username", NULL);
  password = json_object_get_string_member_with_default (object, "password", NULL);

  if (g_strcmp0 (username, self->client_id) != 0 || g_strcmp0 (password, self->client_secret) != 0)
    {
      self->failed_logins++;
      if (self->failed_logins >= FAILURES_BEFORE_BLOCK)
        self->blocked_until = g_get_monotonic_time () + (gint64) self->block_duration * G_USEC_PER_SEC;
      _yeastar_simulator_reply_error (msg, WRONG_CREDENTIALS_ERRCODE);
      return;
    }

  self->failed_logins = 0;
  reply_new_token (self, msg);
}

void
_yeastar_simulator_handle_refresh_token (YeastarSimulator  *self,
                                         SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_body_object (msg, &root);
  const char *refresh_token;
  Token *token;

  if (object == NULL)
    {
      _yeastar_simulator_reply_error (msg, 40001);
      return;
    }

  refresh_token = json_object_get_string_member_with_default (object, "refresh_token", NULL);
  token = refresh_token ? g_hash_table_lookup (self->refresh_tokens, refresh_token) : NULL;
  if (token == NULL || g_get_monotonic_time () >= token->refresh_expires)
    {
      _yeastar_simulator_reply_error (msg, 10004);
      return;
    }

  /* The old refresh token dies; its access token lives on until it
   * expires and keeps counting toward the cap. */
  token->refresh_expires = 0;
  reply_new_token (self, msg);
}

void
_yeastar_simulator_handle_del_token (YeastarSimulator  *self,
                                     SoupServerMessage *msg,
                                     const char        *access_token)
{
  Token *token = g_hash_table_lookup (self->access_tokens, access_token);

  /* Revoking logs out: the pair's refresh token dies with it. */
  token->access_expires = 0;
  token->refresh_expires = 0;
  _yeastar_simulator_reply_error (msg, 0);
}

void
yeastar_simulator_expire_access_tokens (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  for (guint i = 0; i < self->tokens->len; i++)
    ((Token *) g_ptr_array_index (self->tokens, i))->access_expires = 0;
}

void
yeastar_simulator_expire_refresh_tokens (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  for (guint i = 0; i < self->tokens->len; i++)
    ((Token *) g_ptr_array_index (self->tokens, i))->refresh_expires = 0;
}

guint
yeastar_simulator_get_live_token_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return count_live_tokens (self);
}

guint
yeastar_simulator_get_failed_login_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->failed_logins;
}

GStrv
yeastar_simulator_dup_issued_tokens (YeastarSimulator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  for (guint i = 0; i < self->tokens->len; i++)
    {
      const Token *token = g_ptr_array_index (self->tokens, i);

      g_strv_builder_add (builder, token->access_token);
      g_strv_builder_add (builder, token->refresh_token);
    }

  return g_strv_builder_end (builder);
}
