/* yeastar-simulator-files.c
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
#include "yeastar-simulator-report.h"

/* The report files call_report/download offers: their names, their
 * download links (GET /api/download/<file>) and serving them
 * (docs/pbx-api.md, Downloading a report). */

void
_yeastar_simulator_offered_file_free (gpointer data)
{
  OfferedFile *file = data;

  g_free (file->name);
  g_free (file->link);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_clear_pointer (&file->header, g_bytes_unref);
  g_clear_pointer (&file->block, g_bytes_unref);
  g_free (file);
}

static gboolean
is_plain_file_name (const char *name)
{
  if (*name == '\0' || *name == '.')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return TRUE;
}

static void
append_escaped (GString    *link,
                const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '~')
        g_string_append_c (link, *p);
      else
        g_string_append_printf (link, "%%%02X", *p);
    }
}

/* Names whose decoded path SoupServer refuses (400) as a dot segment. */
static gboolean
is_dot_segment_name (const char *name)
{
  g_autofree char *path = g_strconcat ("/", name, "/", NULL);

  return strstr (path, "/../") != NULL || strstr (path, "/./") != NULL;
}

/* download_resource_url for a name: percent-encoded whenever the name is
 * not plain, dots included, so "a/b.csv" stays one path segment. A name
 * that decodes to a dot segment ("../x.csv") is encoded twice, because
 * SoupServer rejects "/../" after decoding; _yeastar_simulator_handle_file decodes up to
 * twice. A client must take the link as opaque and never derive the file
 * name from it. */
static char *
link_for_name (const char *name)
{
  GString *link = g_string_new ("/api/download/");
  g_autoptr(GString) once = NULL;

  if (is_plain_file_name (name))
    {
      g_string_append (link, name);
      return g_string_free (link, FALSE);
    }

  if (!is_dot_segment_name (name))
    {
      append_escaped (link, name);
      return g_string_free (link, FALSE);
    }

  once = g_string_new (NULL);
  append_escaped (once, name);
  append_escaped (link, once->str);
  return g_string_free (link, FALSE);
}

/* splitmix64's finaliser: a bijection on 64-bit values. */
static guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;

  return x;
}

/* "<ReportName>-<firmware>-download-<YYYYMMDDhhmmss>-<16 chars>.csv", like
 * the vendor's example. The 16 characters come from the request counter
 * and a salt drawn when the simulator is made: every name a simulator
 * offers is different (the first 11 characters are the base-62 digits of
 * a bijection of the counter, and 62^11 > 2^64), and two simulators, in
 * one process or in two, almost surely never offer the same name, even
 * with the same clock. Only the name varies: a file's bytes depend on the
 * request and the clock alone. */
char *
_yeastar_simulator_new_file_name (YeastarSimulator        *self,
                                  const YeastarReportType *type)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const guint base = sizeof alphabet - 1;
  g_autoptr(GDateTime) now = _yeastar_simulator_dup_now (self);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  guint64 unique = mix64 (self->name_salt + ++self->report_counter * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  guint64 filler = mix64 (unique ^ self->name_salt);
  char suffix[17];

  for (guint i = 0; i < 16; i++)
    {
      guint64 *digits = i < 11 ? &unique : &filler;

      suffix[i] = alphabet[*digits % base];
      *digits /= base;
    }
  suffix[16] = '\0';

  return g_strdup_printf ("%s-%s-download-%s-%s.csv",
                          _yeastar_simulator_report_get_stem (type), self->firmware, stamp, suffix);
}

OfferedFile *
_yeastar_simulator_offer_file (YeastarSimulator        *self,
                               const YeastarReportType *type,
                               GArray                  *params,
                               const char              *name)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = _yeastar_simulator_dup_now (self);
  OfferedFile *file = g_new0 (OfferedFile, 1);
  YeastarSimulatorReportInput input = {
    type, table, &self->menus, self->date_format, self->time_format, now,
  };

  for (guint i = 0; i < params->len; i++)
    g_hash_table_insert (table, g_array_index (params, Param, i).name, g_array_index (params, Param, i).value);

  file->name = g_strdup (name);
  file->link = link_for_name (name);
  file->expires = g_get_monotonic_time () + (gint64) self->link_lifetime * G_USEC_PER_SEC;

  if (self->report_size > 0)
    {
      _yeastar_simulator_report_get_parts (&input, CHUNK_SIZE, &file->header, &file->block);
      file->size = self->report_size;
    }
  else
    {
      file->contents = _yeastar_simulator_report_generate (&input);
      file->size = g_bytes_get_size (file->contents);
    }

  g_hash_table_replace (self->files, file->name, file);
  return file;
}

/* errcode 0 with `file` and `download_resource_url`, as call_report/download
 * answers a synchronous request. */
void
_yeastar_simulator_reply_file_link (SoupServerMessage *msg,
                                    const OfferedFile *file)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (0);

  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file->name);
  json_builder_set_member_name (builder, "download_resource_url");
  json_builder_add_string_value (builder, file->link);
  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
}

/* GET /api/download/<file> */

static char *
header_safe_name (const char *name)
{
  char *safe = g_strdup (name);

  for (char *p = safe; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '_';

  return safe;
}

void
_yeastar_simulator_handle_file (YeastarSimulator      *self,
                                SoupServerMessage     *msg,
                                YeastarSimulatorFault  fault)
{
  /* The raw path, still encoded: the handler's `path` is decoded once
   * already, which would break names with '%' in them. */
  const char *raw = g_uri_get_path (soup_server_message_get_uri (msg)) + strlen ("/api/download/");
  g_autofree char *name = g_uri_unescape_string (raw, NULL);
  g_autofree char *twice = name ? g_uri_unescape_string (name, NULL) : NULL;
  OfferedFile *file = name ? g_hash_table_lookup (self->files, name) : NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GHashTable) disposition = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *safe_name = NULL;
  g_autoptr(GBytes) empty = NULL;

  if (file == NULL && twice != NULL)
    file = g_hash_table_lookup (self->files, twice);

  if (file == NULL || g_get_monotonic_time () >= file->expires ||
      fault == YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED)
    {
      _yeastar_simulator_reply_error (msg, 60001);
      return;
    }

  /* Some firmware answers the link with the JSON envelope again: a JSON
   * body with errcode 0 that is still not the file. */
  if (fault == YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE)
    {
      _yeastar_simulator_reply_file_link (msg, file);
      return;
    }

  safe_name = header_safe_name (file->name);
  g_hash_table_insert (disposition, (char *) "filename", safe_name);
  soup_message_headers_set_content_disposition (headers, "attachment", disposition);

  if (fault == YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY)
    {
      g_autoptr(GBytes) part = NULL;

      if (file->contents != NULL)
        part = g_bytes_new_from_bytes (file->contents, 0, g_bytes_get_size (file->contents) / 2);
      else
        part = g_bytes_new_from_bytes (file->block, 0, MIN (g_bytes_get_size (file->block), file->size / 2));
      _yeastar_simulator_reply_dropped (msg, "text/csv", part, file->size);
      return;
    }

  if (file->contents != NULL)
    {
      _yeastar_simulator_set_body (msg, SOUP_STATUS_OK, "text/csv",
                                   g_bytes_get_data (file->contents, NULL), g_bytes_get_size (file->contents));
      return;
    }

  empty = g_bytes_new_static ("", 0);
  _yeastar_simulator_reply_streamed (msg, "text/csv", file->header, file->block, empty, file->size);
}

GBytes *
yeastar_simulator_dup_file_contents (YeastarSimulator *self,
                                     const char       *file_name)
{
  OfferedFile *file;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  file = g_hash_table_lookup (self->files, file_name);
  if (file == NULL || file->contents == NULL)
    return NULL;

  return g_bytes_ref (file->contents);
}
