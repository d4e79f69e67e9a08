/* reports-set-state-json.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A set's state file (reports-set-state.h), read and written with
 * json-glib, which only the network module links (docs/architecture.md,
 * "The network module"): the executable calls these two functions
 * through the module's stubs. */

#include "config.h"

#include <errno.h>
#include <json-glib/json-glib.h>

#include "reports-set-state.h"

#define STATE_VERSION 1

/* A state file larger than this is not one of ours. */
#define MAX_STATE_FILE_SIZE (16 * 1024 * 1024)

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

ReportsSetState *
reports_set_state_load (const char *name)
{
  g_autoptr(ReportsSetState) state = reports_set_state_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) state_file = reports_set_state_dup_file (name);
  g_autofree char *path = g_file_get_path (state_file);
  g_autofree char *contents = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonNode *files;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      length > MAX_STATE_FILE_SIZE ||
      !json_parser_load_from_data (parser, contents, length, NULL))
    return g_steal_pointer (&state);

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_steal_pointer (&state);
  root = json_node_get_object (node);

  if (member_int (root, "version") != STATE_VERSION)
    return g_steal_pointer (&state);

  state->last_run = member_int (root, "last_run");
  state->scheduled = member_int (root, "scheduled");
  state->n_saved = (guint) CLAMP (member_int (root, "saved"), 0, G_MAXUINT);
  state->n_failed = (guint) CLAMP (member_int (root, "failed"), 0, G_MAXUINT);
  state->n_cancelled = (guint) CLAMP (member_int (root, "cancelled"), 0, G_MAXUINT);
  state->message = g_strdup (member_string (root, "message"));

  files = json_object_get_member (root, "files");
  if (files != NULL && JSON_NODE_HOLDS_ARRAY (files))
    {
      JsonArray *array = json_node_get_array (files);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          ReportsSetStateFile *file;
          const char *file_path;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;

          file_path = member_string (json_node_get_object (element), "path");
          if (file_path == NULL || !g_path_is_absolute (file_path))
            continue;

          file = g_new0 (ReportsSetStateFile, 1);
          file->path = g_strdup (file_path);
          file->saved = member_int (json_node_get_object (element), "saved");
          g_ptr_array_add (state->files, file);
        }
    }

  return g_steal_pointer (&state);
}

gboolean
reports_set_state_save (ReportsSetState  *state,
                        const char       *name,
                        GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) state_file = reports_set_state_dup_file (name);
  g_autofree char *path = g_file_get_path (state_file);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = NULL;

  g_return_val_if_fail (state != NULL, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_VERSION);
  json_builder_set_member_name (builder, "last_run");
  json_builder_add_int_value (builder, state->last_run);
  if (state->scheduled != 0)
    {
      json_builder_set_member_name (builder, "scheduled");
      json_builder_add_int_value (builder, state->scheduled);
    }
  json_builder_set_member_name (builder, "saved");
  json_builder_add_int_value (builder, state->n_saved);
  json_builder_set_member_name (builder, "failed");
  json_builder_add_int_value (builder, state->n_failed);
  if (state->n_cancelled != 0)
    {
      json_builder_set_member_name (builder, "cancelled");
      json_builder_add_int_value (builder, state->n_cancelled);
    }
  if (state->message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, state->message);
    }
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->files->len; i++)
    {
      ReportsSetStateFile *file = g_ptr_array_index (state->files, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, file->path);
      json_builder_set_member_name (builder, "saved");
      json_builder_add_int_value (builder, file->saved);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

