/* yeastar-pbx-info.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-pbx-info.h"

/* What system/information says about the PBX. Immutable: the client
 * builds one per connection and caches it. */
struct _YeastarPbxInfo
{
  GObject parent_instance;

  char *device_name;
  char *model;
  char *firmware;
  char *serial;
  char *date_format_string;
  char *time_format_string;
  char *system_time;
  gint64 timestamp;

  YeastarDateFormat *date_format;
  GDateTime *clock;
};

G_DEFINE_FINAL_TYPE (YeastarPbxInfo, yeastar_pbx_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEVICE_NAME,
  PROP_MODEL,
  PROP_FIRMWARE,
  PROP_SERIAL,
  PROP_DATE_FORMAT_STRING,
  PROP_TIME_FORMAT_STRING,
  PROP_SYSTEM_TIME,
  PROP_TIMESTAMP,
  PROP_DATE_FORMAT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
yeastar_pbx_info_finalize (GObject *object)
{
  YeastarPbxInfo *self = (YeastarPbxInfo *) object;

  g_clear_pointer (&self->device_name, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->firmware, g_free);
  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->date_format_string, g_free);
  g_clear_pointer (&self->time_format_string, g_free);
  g_clear_pointer (&self->system_time, g_free);
  g_clear_pointer (&self->date_format, yeastar_date_format_unref);
  g_clear_pointer (&self->clock, g_date_time_unref);

  G_OBJECT_CLASS (yeastar_pbx_info_parent_class)->finalize (object);
}

static void
yeastar_pbx_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  YeastarPbxInfo *self = YEASTAR_PBX_INFO (object);

  switch (prop_id)
    {
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_FIRMWARE:
      g_value_set_string (value, self->firmware);
      break;

    case PROP_SERIAL:
      g_value_set_string (value, self->serial);
      break;

    case PROP_DATE_FORMAT_STRING:
      g_value_set_string (value, self->date_format_string);
      break;

    case PROP_TIME_FORMAT_STRING:
      g_value_set_string (value, self->time_format_string);
      break;

    case PROP_SYSTEM_TIME:
      g_value_set_string (value, self->system_time);
      break;

    case PROP_TIMESTAMP:
      g_value_set_int64 (value, self->timestamp);
      break;

    case PROP_DATE_FORMAT:
      g_value_set_boxed (value, self->date_format);
      break;

    case PROP_CLOCK:
      g_value_set_boxed (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_pbx_info_class_init (YeastarPbxInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_pbx_info_finalize;
  object_class->get_property = yeastar_pbx_info_get_property;

  /* All read-only: the object is built from a reply and never changes. */
  properties [PROP_DEVICE_NAME] =
    g_param_spec_string ("device-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FIRMWARE] =
    g_param_spec_string ("firmware", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SERIAL] =
    g_param_spec_string ("serial", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE_FORMAT_STRING] =
    g_param_spec_string ("date-format-string", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIME_FORMAT_STRING] =
    g_param_spec_string ("time-format-string", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SYSTEM_TIME] =
    g_param_spec_string ("system-time", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIMESTAMP] =
    g_param_spec_int64 ("timestamp", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE_FORMAT] =
    g_param_spec_boxed ("date-format", NULL, NULL, YEASTAR_TYPE_DATE_FORMAT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CLOCK] =
    g_param_spec_boxed ("clock", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_pbx_info_init (YeastarPbxInfo *self)
{
}

void
_yeastar_pbx_info_fields_clear (YeastarPbxInfoFields *fields)
{
  g_clear_pointer (&fields->device_name, g_free);
  g_clear_pointer (&fields->model, g_free);
  g_clear_pointer (&fields->firmware, g_free);
  g_clear_pointer (&fields->serial, g_free);
  g_clear_pointer (&fields->date_format, g_free);
  g_clear_pointer (&fields->time_format, g_free);
  g_clear_pointer (&fields->system_time, g_free);
}

/* The information of a system/information reply, whose JSON the network
 * module reads (yeastar-reply-json.c): takes the strings of @fields
 * (cleared, also on error), reads the date format and works out the PBX
 * clock. */
YeastarPbxInfo *
_yeastar_pbx_info_new_take (YeastarPbxInfoFields  *fields,
                            GError               **error)
{
  g_autoptr(YeastarPbxInfo) self = g_object_new (YEASTAR_TYPE_PBX_INFO, NULL);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  self->device_name = g_steal_pointer (&fields->device_name);
  self->model = g_steal_pointer (&fields->model);
  self->firmware = g_steal_pointer (&fields->firmware);
  self->serial = g_steal_pointer (&fields->serial);
  self->date_format_string = g_steal_pointer (&fields->date_format);
  self->time_format_string = g_steal_pointer (&fields->time_format);
  self->system_time = g_steal_pointer (&fields->system_time);
  self->timestamp = fields->timestamp;
  _yeastar_pbx_info_fields_clear (fields);

  self->date_format = yeastar_date_format_new (self->date_format_string,
                                               self->time_format_string,
                                               self->system_time,
                                               &local_error);
  if (self->date_format == NULL)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX uses a date format this program does not understand: %s"),
                   local_error->message);
      return NULL;
    }

  /* The PBX clock: `timestamp` is the instant, `system_time` the PBX's wall
   * clock at that instant, so their difference is the PBX's UTC offset
   * [INFERRED], rounded to the minute. Without both, the local zone. */
  if (self->timestamp > 0)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) wall = NULL;

      if (self->system_time != NULL)
        wall = yeastar_date_format_parse_date_time (self->date_format, self->system_time, utc, NULL);

      if (wall != NULL)
        {
          gint64 offset = g_date_time_to_unix (wall) - self->timestamp;
          g_autoptr(GTimeZone) zone = NULL;

          offset = ((offset + (offset >= 0 ? 30 : -30)) / 60) * 60;
          if (offset > -24 * 3600 && offset < 24 * 3600)
            zone = g_time_zone_new_offset ((gint32) offset);
          if (zone != NULL)
            {
              g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (self->timestamp);

              self->clock = g_date_time_to_timezone (instant, zone);
            }
        }

      if (self->clock == NULL)
        self->clock = g_date_time_new_from_unix_local (self->timestamp);
    }

  return g_steal_pointer (&self);
}

const char *
yeastar_pbx_info_get_device_name (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->device_name;
}

const char *
yeastar_pbx_info_get_model (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->model;
}

const char *
yeastar_pbx_info_get_firmware (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->firmware;
}

const char *
yeastar_pbx_info_get_serial (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->serial;
}

const char *
yeastar_pbx_info_get_date_format_string (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->date_format_string;
}

const char *
yeastar_pbx_info_get_time_format_string (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->time_format_string;
}

const char *
yeastar_pbx_info_get_system_time (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->system_time;
}

gint64
yeastar_pbx_info_get_timestamp (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), 0);
  return self->timestamp;
}

/**
 * yeastar_pbx_info_get_date_format:
 *
 * Returns: (transfer none): the PBX's display format
 */
YeastarDateFormat *
yeastar_pbx_info_get_date_format (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->date_format;
}

/**
 * yeastar_pbx_info_get_clock:
 *
 * Returns: (transfer none) (nullable): the PBX clock when system/information
 *   was read, in the PBX's UTC offset, or NULL without a timestamp
 */
GDateTime *
yeastar_pbx_info_get_clock (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), NULL);
  return self->clock;
}

/* Compares dotted firmware versions part by part, numerically, so that
 * 37.9.0.1 < 37.21.0.117 (a string compare gets this wrong). Non-numeric
 * parts (the docs' "X.7.0.16") count as 0. */
int
yeastar_firmware_compare (const char *a,
                          const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a ? a : "", ".", -1);
  g_auto(GStrv) pb = g_strsplit (b ? b : "", ".", -1);
  guint na = g_strv_length (pa);
  guint nb = g_strv_length (pb);

  for (guint i = 0; i < MAX (na, nb); i++)
    {
      guint64 va = i < na ? g_ascii_strtoull (pa[i], NULL, 10) : 0;
      guint64 vb = i < nb ? g_ascii_strtoull (pb[i], NULL, 10) : 0;

      if (va != vb)
        return va < vb ? -1 : 1;
    }

  return 0;
}

/* v2.0 call reports exist from NN.21.0.117 on, where NN is the edition:
 * 37 Appliance, 83 Software, 84 Cloud. Other editions: v1.0. */
gboolean
yeastar_firmware_has_v2_reports (const char *firmware)
{
  guint64 edition;
  g_autofree char *threshold = NULL;

  if (firmware == NULL)
    return FALSE;

  edition = g_ascii_strtoull (firmware, NULL, 10);
  if (edition != 37 && edition != 83 && edition != 84)
    return FALSE;

  threshold = g_strdup_printf ("%" G_GUINT64_FORMAT ".21.0.117", edition);
  return yeastar_firmware_compare (firmware, threshold) >= 0;
}

YeastarApiVersion
yeastar_pbx_info_get_default_api_version (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), YEASTAR_API_VERSION_V1);

  return yeastar_firmware_has_v2_reports (self->firmware) ? YEASTAR_API_VERSION_V2
                                                           : YEASTAR_API_VERSION_V1;
}

/**
 * yeastar_pbx_info_v1_returns_empty_ranges:
 *
 * On firmware with v2.0 reports, v1.0 accepts a start_time/end_time window
 * and silently answers with no rows (milaportal, live). The UI warns when
 * the user forces v1.0 there.
 */
gboolean
yeastar_pbx_info_v1_returns_empty_ranges (YeastarPbxInfo *self)
{
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (self), FALSE);

  return yeastar_firmware_has_v2_reports (self->firmware);
}
