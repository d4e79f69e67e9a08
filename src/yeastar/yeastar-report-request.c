/* yeastar-report-request.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-enums.h"
#include "yeastar-error.h"
#include "yeastar-report-request.h"
#include "yeastar-text.h"

/*
 * The request the window and the CLI fill in, and the one place that turns
 * it into a call_report/download query. Everything per report type comes
 * from the table in yeastar-report-type.c.
 *
 * Storage:
 *
 * - Parameter values are strings, kept per report type: switching from
 *   Extension Call Statistics to IVR Report and back restores the
 *   extensions, and a value entered for one type is never sent for
 *   another. Flags are "0"/"1", enum values are the API's spelling
 *   ("no_answer", "1"), ID lists are "1,2,3"; NULL (or "" when setting)
 *   means unset.
 *
 * - Each non-time parameter is also a string property named after its API
 *   name with '-' for '_' ("ext-id-list", "need-detail"), made in
 *   class_init from the table; it shows the current type's value.
 *
 * - The date-time range (start-time, end-time) and the period (period-kind,
 *   period) are shared by all types: a user who picked July keeps July when
 *   trying another report. A type uses one of the two; the other is
 *   ignored, neither validated nor sent.
 *
 * - is_async is not a filter but a way of delivery, so it is shared too; the
 *   "async" boolean property and the "is-async" string property are two
 *   views of it. is_async=1 is sent only when async is TRUE; "0" is the
 *   default and never sent.
 *
 * - set_value() on a parameter the current type does not take is recorded,
 *   not dropped, so that validate() can reject it instead of silently
 *   sending less than asked.
 */

struct _YeastarReportRequest
{
  GObject                  parent_instance;

  const YeastarReportType *type;
  /* yeastar_report_type_get_count () × YEASTAR_N_PARAMS; the time slots and
   * the is_async slots are unused. */
  char                   **values;
  char                    *is_async;

  GDateTime               *start_time;
  GDateTime               *end_time;
  GDateTime               *period;
  YeastarPeriodKind        period_kind;
  YeastarApiVersion        api_version;
};

G_DEFINE_FINAL_TYPE (YeastarReportRequest, yeastar_report_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT_TYPE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_PERIOD_KIND,
  PROP_PERIOD,
  PROP_API_VERSION,
  PROP_ASYNC,
  N_PROPS,
  /* Then one property per non-time parameter, PROP_FIRST_PARAM + param. */
  PROP_FIRST_PARAM = N_PROPS,
};

static GParamSpec *properties [N_PROPS];
static GParamSpec *param_properties [YEASTAR_N_PARAMS];

/* Longest piece of user input quoted back in an error message. */
#define MAX_QUOTED 64

static inline gboolean
param_is_valid (YeastarParam param)
{
  return (guint) param < YEASTAR_N_PARAMS;
}

static inline gboolean
param_is_time (YeastarParam param)
{
  YeastarValueKind kind = yeastar_param_get_value_kind (param);

  return kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD;
}

static char **
value_slot (YeastarReportRequest *self,
            YeastarParam          param)
{
  g_assert (YEASTAR_IS_REPORT_REQUEST (self));
  g_assert (param_is_valid (param));
  g_assert (!param_is_time (param));

  if (param == YEASTAR_PARAM_IS_ASYNC)
    return &self->is_async;

  return &self->values[yeastar_report_type_get_index (self->type) * YEASTAR_N_PARAMS + param];
}

/* Same wall-clock time in the same offset; g_date_time_equal () alone
 * would call 10:00+02:00 and 08:00Z equal, but the PBX gets the fields. */
static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
set_date_time (GDateTime **field,
               GDateTime  *value)
{
  if (date_time_same (*field, value))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);

  return TRUE;
}

static void
yeastar_report_request_finalize (GObject *object)
{
  YeastarReportRequest *self = (YeastarReportRequest *) object;
  guint n = yeastar_report_type_get_count () * YEASTAR_N_PARAMS;

  for (guint i = 0; i < n; i++)
    g_free (self->values[i]);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->is_async, g_free);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);
  g_clear_pointer (&self->period, g_date_time_unref);

  G_OBJECT_CLASS (yeastar_report_request_parent_class)->finalize (object);
}

static void
yeastar_report_request_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  YeastarReportRequest *self = YEASTAR_REPORT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_REPORT_TYPE:
      g_value_set_string (value, yeastar_report_type_get_api_name (self->type));
      break;

    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;

    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;

    case PROP_PERIOD_KIND:
      g_value_set_enum (value, self->period_kind);
      break;

    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;

    case PROP_API_VERSION:
      g_value_set_enum (value, self->api_version);
      break;

    case PROP_ASYNC:
      g_value_set_boolean (value, yeastar_report_request_get_async (self));
      break;

    default:
      if (prop_id >= PROP_FIRST_PARAM &&
          prop_id < PROP_FIRST_PARAM + YEASTAR_N_PARAMS &&
          param_properties[prop_id - PROP_FIRST_PARAM] == pspec)
        g_value_set_string (value, yeastar_report_request_get_value (self, prop_id - PROP_FIRST_PARAM));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_request_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  YeastarReportRequest *self = YEASTAR_REPORT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_REPORT_TYPE:
      yeastar_report_request_set_report_type (self, g_value_get_string (value));
      break;

    case PROP_START_TIME:
      yeastar_report_request_set_start_time (self, g_value_get_boxed (value));
      break;

    case PROP_END_TIME:
      yeastar_report_request_set_end_time (self, g_value_get_boxed (value));
      break;

    case PROP_PERIOD_KIND:
      yeastar_report_request_set_period_kind (self, g_value_get_enum (value));
      break;

    case PROP_PERIOD:
      yeastar_report_request_set_period (self, g_value_get_boxed (value));
      break;

    case PROP_API_VERSION:
      yeastar_report_request_set_api_version (self, g_value_get_enum (value));
      break;

    case PROP_ASYNC:
      yeastar_report_request_set_async (self, g_value_get_boolean (value));
      break;

    default:
      if (prop_id >= PROP_FIRST_PARAM &&
          prop_id < PROP_FIRST_PARAM + YEASTAR_N_PARAMS &&
          param_properties[prop_id - PROP_FIRST_PARAM] == pspec)
        yeastar_report_request_set_value (self, prop_id - PROP_FIRST_PARAM, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_request_class_init (YeastarReportRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_report_request_finalize;
  object_class->get_property = yeastar_report_request_get_property;
  object_class->set_property = yeastar_report_request_set_property;

  /* The report type's API name, e.g. "extcallstatistics". */
  properties [PROP_REPORT_TYPE] =
    g_param_spec_string ("report-type", NULL, NULL,
                         yeastar_report_type_get_api_name (yeastar_report_type_get_default ()),
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* PBX wall-clock time: the fields are sent as they are, in the PBX
   * display format, whatever the time zone of the GDateTime. */
  properties [PROP_START_TIME] =
    g_param_spec_boxed ("start-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_END_TIME] =
    g_param_spec_boxed ("end-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERIOD_KIND] =
    g_param_spec_enum ("period-kind", NULL, NULL,
                       YEASTAR_TYPE_PERIOD_KIND,
                       YEASTAR_PERIOD_DAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Any moment in the day, month or year the `time` parameter names. */
  properties [PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_API_VERSION] =
    g_param_spec_enum ("api-version", NULL, NULL,
                       YEASTAR_TYPE_API_VERSION,
                       YEASTAR_API_VERSION_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASYNC] =
    g_param_spec_boolean ("async", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *name = NULL;

      if (param_is_time (p))
        continue;

      name = g_strdelimit (g_strdup (yeastar_param_get_api_name (p)), "_", '-');
      param_properties[p] =
        g_param_spec_string (g_intern_string (name), NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
      g_object_class_install_property (object_class, PROP_FIRST_PARAM + p, param_properties[p]);
    }
}

static void
yeastar_report_request_init (YeastarReportRequest *self)
{
  self->type = yeastar_report_type_get_default ();
  self->values = g_new0 (char *, yeastar_report_type_get_count () * YEASTAR_N_PARAMS);
  self->period_kind = YEASTAR_PERIOD_DAY;
  self->api_version = YEASTAR_API_VERSION_AUTO;
}

YeastarReportRequest *
yeastar_report_request_new (void)
{
  return g_object_new (YEASTAR_TYPE_REPORT_REQUEST, NULL);
}

/* A new request with the same type, times, period, API version, async
 * flag and the values of the parameters the type takes: what a download
 * keeps while the form goes on changing. Values kept for other types are
 * not copied. */
YeastarReportRequest *
yeastar_report_request_copy (YeastarReportRequest *self)
{
  YeastarReportRequest *copy;
  const YeastarReportType *type;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);

  type = yeastar_report_request_get_report_type (self);
  copy = yeastar_report_request_new ();
  yeastar_report_request_set_report_type (copy, yeastar_report_type_get_api_name (type));
  yeastar_report_request_set_start_time (copy, yeastar_report_request_get_start_time (self));
  yeastar_report_request_set_end_time (copy, yeastar_report_request_get_end_time (self));
  yeastar_report_request_set_period_kind (copy, yeastar_report_request_get_period_kind (self));
  yeastar_report_request_set_period (copy, yeastar_report_request_get_period (self));
  yeastar_report_request_set_api_version (copy, yeastar_report_request_get_api_version (self));
  yeastar_report_request_set_async (copy, yeastar_report_request_get_async (self));
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (yeastar_report_type_takes (type, p) && yeastar_report_request_find_param_property (p) != NULL)
        yeastar_report_request_set_value (copy, p, yeastar_report_request_get_value (self, p));
    }

  return copy;
}

/* The string property of a non-time parameter ("ext-id-list" for
 * YEASTAR_PARAM_EXT_ID_LIST), for g_object_bind_property () and friends;
 * NULL for start_time, end_time and time. */
GParamSpec *
yeastar_report_request_find_param_property (YeastarParam param)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (param_is_valid (param), NULL);

  klass = g_type_class_ref (YEASTAR_TYPE_REPORT_REQUEST);

  return param_properties[param];
}

const YeastarReportType *
yeastar_report_request_get_report_type (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);

  return self->type;
}

/* @api_name must be a type of the table (see yeastar_report_type_lookup ()). */
void
yeastar_report_request_set_report_type (YeastarReportRequest *self,
                                        const char           *api_name)
{
  const YeastarReportType *type;
  const YeastarReportType *old_type;

  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));
  g_return_if_fail (api_name != NULL);

  type = yeastar_report_type_lookup (api_name);
  g_return_if_fail (type != NULL);

  if (type == self->type)
    return;

  old_type = self->type;

  g_object_freeze_notify (G_OBJECT (self));

  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT_TYPE]);

  /* The parameter properties show the new type's values. */
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *before;
      const char *after;

      if (param_properties[p] == NULL || p == YEASTAR_PARAM_IS_ASYNC)
        continue;

      before = self->values[yeastar_report_type_get_index (old_type) * YEASTAR_N_PARAMS + p];
      after = self->values[yeastar_report_type_get_index (type) * YEASTAR_N_PARAMS + p];

      if (g_strcmp0 (before, after) != 0)
        g_object_notify_by_pspec (G_OBJECT (self), param_properties[p]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

GDateTime *
yeastar_report_request_get_start_time (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);

  return self->start_time;
}

void
yeastar_report_request_set_start_time (YeastarReportRequest *self,
                                       GDateTime            *start_time)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));

  if (set_date_time (&self->start_time, start_time))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_TIME]);
}

GDateTime *
yeastar_report_request_get_end_time (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);

  return self->end_time;
}

void
yeastar_report_request_set_end_time (YeastarReportRequest *self,
                                     GDateTime            *end_time)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));

  if (set_date_time (&self->end_time, end_time))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END_TIME]);
}

YeastarPeriodKind
yeastar_report_request_get_period_kind (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), YEASTAR_PERIOD_DAY);

  return self->period_kind;
}

void
yeastar_report_request_set_period_kind (YeastarReportRequest *self,
                                        YeastarPeriodKind     period_kind)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));
  g_return_if_fail (period_kind <= YEASTAR_PERIOD_YEAR);

  if (self->period_kind != period_kind)
    {
      self->period_kind = period_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD_KIND]);
    }
}

GDateTime *
yeastar_report_request_get_period (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);

  return self->period;
}

void
yeastar_report_request_set_period (YeastarReportRequest *self,
                                   GDateTime            *period)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));

  if (set_date_time (&self->period, period))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD]);
}

YeastarApiVersion
yeastar_report_request_get_api_version (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), YEASTAR_API_VERSION_AUTO);

  return self->api_version;
}

void
yeastar_report_request_set_api_version (YeastarReportRequest *self,
                                        YeastarApiVersion     api_version)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));
  g_return_if_fail (api_version <= YEASTAR_API_VERSION_V2);

  if (self->api_version != api_version)
    {
      self->api_version = api_version;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_API_VERSION]);
    }
}

gboolean
yeastar_report_request_get_async (YeastarReportRequest *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), FALSE);

  return g_strcmp0 (self->is_async, "1") == 0;
}

void
yeastar_report_request_set_async (YeastarReportRequest *self,
                                  gboolean              async)
{
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));

  yeastar_report_request_set_value (self, YEASTAR_PARAM_IS_ASYNC, async ? "1" : NULL);
}

/* The current type's value of a non-time parameter, or NULL when unset. */
const char *
yeastar_report_request_get_value (YeastarReportRequest *self,
                                  YeastarParam          param)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);
  g_return_val_if_fail (param_is_valid (param), NULL);
  g_return_val_if_fail (!param_is_time (param), NULL);

  return *value_slot (self, param);
}

/* Sets the current type's value of a non-time parameter; NULL or "" unsets
 * it. The value is kept as given and checked by validate (). */
void
yeastar_report_request_set_value (YeastarReportRequest *self,
                                  YeastarParam          param,
                                  const char           *value)
{
  char **slot;
  gboolean was_async;

  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (self));
  g_return_if_fail (param_is_valid (param));
  g_return_if_fail (!param_is_time (param));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  slot = value_slot (self, param);
  if (g_strcmp0 (*slot, value) == 0)
    return;

  was_async = yeastar_report_request_get_async (self);

  g_free (*slot);
  *slot = g_strdup (value);

  g_object_notify_by_pspec (G_OBJECT (self), param_properties[param]);
  if (param == YEASTAR_PARAM_IS_ASYNC && was_async != yeastar_report_request_get_async (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASYNC]);
}

/* Untrusted text, made safe to show: control characters escaped, valid
 * UTF-8 and bounded. */
static char *
quote_input (const char *text)
{
  g_autofree char *escaped = yeastar_text_escape (text, -1);

  if (g_utf8_strlen (escaped, -1) > MAX_QUOTED)
    {
      g_autofree char *cut = g_utf8_substring (escaped, 0, MAX_QUOTED);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&escaped);
}

static gboolean
check_id_list (YeastarReportRequest  *self,
               YeastarParam           param,
               const char            *value,
               GError               **error)
{
  const char *item = value;

  for (;;)
    {
      const char *comma = strchr (item, ',');
      gsize len = comma != NULL ? (gsize) (comma - item) : strlen (item);

      if (len == 0)
        {
          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                       /* Translators: the first %s is a field's title, the second its API name */
                       _("%s (%s) contains an empty ID; separate IDs with single commas"),
                       yeastar_param_get_title (param), yeastar_param_get_api_name (param));
          return FALSE;
        }

      if (!yeastar_text_is_digits (item, len))
        {
          g_autofree char *raw = g_strndup (item, len);
          g_autofree char *quoted = quote_input (raw);

          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                       /* Translators: the first %s is a field's title, the second its API name, the third the wrong text */
                       _("%s (%s) must be a comma-separated list of numeric IDs; “%s” is not one"),
                       yeastar_param_get_title (param), yeastar_param_get_api_name (param), quoted);
          return FALSE;
        }

      if (comma == NULL)
        return TRUE;

      item = comma + 1;
    }
}

static gboolean
check_value (YeastarReportRequest  *self,
             YeastarParam           param,
             const char            *value,
             GError               **error)
{
  const char *title = yeastar_param_get_title (param);
  const char *api_name = yeastar_param_get_api_name (param);
  g_autofree char *quoted = quote_input (value);

  switch (yeastar_param_get_value_kind (param))
    {
    case YEASTAR_VALUE_ID_LIST:
      return check_id_list (self, param, value, error);

    case YEASTAR_VALUE_ID:
      if (yeastar_text_is_digits (value, strlen (value)))
        return TRUE;
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name, the third the wrong text */
                   _("%s (%s) must be one numeric ID, not “%s”"),
                   title, api_name, quoted);
      return FALSE;

    case YEASTAR_VALUE_SECONDS:
      if (yeastar_text_is_digits (value, strlen (value)) &&
          g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, NULL, NULL))
        return TRUE;
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name, the third the wrong text */
                   _("%s (%s) must be a whole, non-negative number of seconds, not “%s”"),
                   title, api_name, quoted);
      return FALSE;

    case YEASTAR_VALUE_FLAG:
      if (g_str_equal (value, "0") || g_str_equal (value, "1"))
        return TRUE;
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name, the third the wrong text */
                   _("%s (%s) must be 0 or 1, not “%s”"),
                   title, api_name, quoted);
      return FALSE;

    case YEASTAR_VALUE_ENUM:
      {
        const char * const *allowed = yeastar_report_type_get_enum_values (self->type, param);
        g_autofree char *list = NULL;

        if (allowed != NULL && g_strv_contains (allowed, value))
          return TRUE;

        list = allowed != NULL ? g_strjoinv (", ", (char **) allowed) : g_strdup ("");
        g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                     /* Translators: %s are a field's title, its API name, the allowed values, a report type's title and the wrong text */
                     _("%s (%s) must be one of %s for %s, not “%s”"),
                     title, api_name, list, yeastar_report_type_get_title (self->type), quoted);
        return FALSE;
      }

    case YEASTAR_VALUE_TEXT:
      if (g_utf8_validate (value, -1, NULL))
        {
          const char *p;

          for (p = value; *p != '\0'; p++)
            {
              if ((guchar) *p < 0x20 || *p == 0x7f)
                break;
            }
          if (*p == '\0')
            return TRUE;
        }
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name */
                   _("%s (%s) contains characters that cannot be sent"),
                   title, api_name);
      return FALSE;

    case YEASTAR_VALUE_DATE_TIME:
    case YEASTAR_VALUE_PERIOD:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
set_required_error (YeastarReportRequest  *self,
                    YeastarParam           param,
                    GError               **error)
{
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
               /* Translators: the first %s is a field's title, the second its API name, the third a report type's title */
               _("%s (%s) is required for %s"),
               yeastar_param_get_title (param),
               yeastar_param_get_api_name (param),
               yeastar_report_type_get_title (self->type));
  return FALSE;
}

/* One of start_time/end_time without the other. The page lets both be
 * omitted (the PBX then picks its default range) but says nothing of one
 * alone; rather than guess, that is an error on the missing one. */
static gboolean
set_pair_error (YeastarParam   missing,
                YeastarParam   given,
                GError       **error)
{
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
               /* Translators: the %s are two fields' titles and API names */
               _("%s (%s) is required when %s (%s) is given"),
               yeastar_param_get_title (missing), yeastar_param_get_api_name (missing),
               yeastar_param_get_title (given), yeastar_param_get_api_name (given));
  return FALSE;
}

/* Checks one field for the current type, the way validate () does. */
gboolean
yeastar_report_request_validate_param (YeastarReportRequest  *self,
                                       YeastarParam           param,
                                       GError               **error)
{
  YeastarAvailability availability;
  const char *value;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), FALSE);
  g_return_val_if_fail (param_is_valid (param), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  availability = yeastar_report_type_get_availability (self->type, param);

  switch (param)
    {
    case YEASTAR_PARAM_START_TIME:
      if (availability == YEASTAR_AVAILABILITY_NONE)
        return TRUE;
      if (self->start_time == NULL && self->end_time != NULL)
        return set_pair_error (YEASTAR_PARAM_START_TIME, YEASTAR_PARAM_END_TIME, error);
      if (self->start_time == NULL && availability == YEASTAR_AVAILABILITY_REQUIRED)
        return set_required_error (self, param, error);
      if (self->start_time != NULL && self->end_time != NULL &&
          g_date_time_compare (self->start_time, self->end_time) > 0)
        {
          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                       /* Translators: the %s are two fields' titles and API names */
                       _("%s (%s) is after %s (%s)"),
                       yeastar_param_get_title (YEASTAR_PARAM_START_TIME),
                       yeastar_param_get_api_name (YEASTAR_PARAM_START_TIME),
                       yeastar_param_get_title (YEASTAR_PARAM_END_TIME),
                       yeastar_param_get_api_name (YEASTAR_PARAM_END_TIME));
          return FALSE;
        }
      return TRUE;

    case YEASTAR_PARAM_END_TIME:
      if (availability == YEASTAR_AVAILABILITY_NONE)
        return TRUE;
      if (self->end_time == NULL && self->start_time != NULL)
        return set_pair_error (YEASTAR_PARAM_END_TIME, YEASTAR_PARAM_START_TIME, error);
      if (self->end_time == NULL && availability == YEASTAR_AVAILABILITY_REQUIRED)
        return set_required_error (self, param, error);
      return TRUE;

    case YEASTAR_PARAM_TIME:
      if (availability == YEASTAR_AVAILABILITY_REQUIRED && self->period == NULL)
        return set_required_error (self, param, error);
      return TRUE;

    case YEASTAR_PARAM_EXT_ID_LIST:
    case YEASTAR_PARAM_TRUNK_ID:
    case YEASTAR_PARAM_TRUNK_ID_LIST:
    case YEASTAR_PARAM_IVR_ID_LIST:
    case YEASTAR_PARAM_RING_GROUP_ID_LIST:
    case YEASTAR_PARAM_QUEUE_ID:
    case YEASTAR_PARAM_QUEUE_ID_LIST:
    case YEASTAR_PARAM_AGENT_ID_LIST:
    case YEASTAR_PARAM_ABANDON_TIME:
    case YEASTAR_PARAM_TALK_TIME:
    case YEASTAR_PARAM_INCLUDE_INTERNAL:
    case YEASTAR_PARAM_CALLBACK_RESULT:
    case YEASTAR_PARAM_REASON:
    case YEASTAR_PARAM_COMMUNICATION_TYPE:
    case YEASTAR_PARAM_CALL_FROM:
    case YEASTAR_PARAM_CALL_TO:
    case YEASTAR_PARAM_CALL_TO_TYPE:
    case YEASTAR_PARAM_MISS_CALL_TYPE:
    case YEASTAR_PARAM_UNRETURN_STATUS:
    case YEASTAR_PARAM_NEED_DETAIL:
    case YEASTAR_PARAM_IS_ASYNC:
      break;

    case YEASTAR_N_PARAMS:
    default:
      g_return_val_if_reached (FALSE);
    }

  value = *value_slot (self, param);

  if (value == NULL)
    {
      if (availability == YEASTAR_AVAILABILITY_REQUIRED)
        return set_required_error (self, param, error);
      return TRUE;
    }

  if (availability == YEASTAR_AVAILABILITY_NONE)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name, the third a report type's title */
                   _("%s (%s) is not a parameter of %s"),
                   yeastar_param_get_title (param),
                   yeastar_param_get_api_name (param),
                   yeastar_report_type_get_title (self->type));
      return FALSE;
    }

  return check_value (self, param, value, error);
}

/* Checks every field in table order and reports the first wrong one in
 * @out_param (YEASTAR_N_PARAMS when all are fine). */
gboolean
yeastar_report_request_validate (YeastarReportRequest  *self,
                                 YeastarParam          *out_param,
                                 GError               **error)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (!yeastar_report_request_validate_param (self, p, error))
        {
          if (out_param != NULL)
            *out_param = p;
          return FALSE;
        }
    }

  if (out_param != NULL)
    *out_param = YEASTAR_N_PARAMS;

  return TRUE;
}

static void
append_param (GString      *query,
              YeastarParam  param,
              const char   *value)
{
  /* '/', ':' and ',' are left as they are, as in the vendor's examples
   * ("04/01/2022 00:00:00", "ext_id_list=34,35"); they are legal in a
   * query. Everything else reserved, and space, is percent-encoded. */
  g_autofree char *escaped = g_uri_escape_string (value, "/:,", FALSE);

  g_string_append_c (query, '&');
  g_string_append (query, yeastar_param_get_api_name (param));
  g_string_append_c (query, '=');
  g_string_append (query, escaped);
}

/* The query of call_report/download without access_token: "type=…" first,
 * then the parameters the type takes in table order, is_async=1 last when
 * async. Validates first. @format is the PBX display format. */
char *
yeastar_report_request_to_query (YeastarReportRequest  *self,
                                 YeastarDateFormat     *format,
                                 GError               **error)
{
  g_autoptr(GString) query = NULL;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!yeastar_report_request_validate (self, NULL, error))
    return NULL;

  query = g_string_new ("type=");
  g_string_append (query, yeastar_report_type_get_api_name (self->type));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *text = NULL;

      if (!yeastar_report_type_takes (self->type, p))
        continue;

      switch (yeastar_param_get_value_kind (p))
        {
        case YEASTAR_VALUE_DATE_TIME:
          {
            GDateTime *dt = (p == YEASTAR_PARAM_START_TIME) ? self->start_time : self->end_time;

            if (dt != NULL)
              text = yeastar_date_format_format_date_time (format, dt);
          }
          break;

        case YEASTAR_VALUE_PERIOD:
          if (self->period != NULL)
            text = yeastar_date_format_format_period (format, self->period_kind, self->period);
          break;

        case YEASTAR_VALUE_ID_LIST:
        case YEASTAR_VALUE_ID:
        case YEASTAR_VALUE_ENUM:
        case YEASTAR_VALUE_SECONDS:
        case YEASTAR_VALUE_TEXT:
        case YEASTAR_VALUE_FLAG:
          if (p == YEASTAR_PARAM_IS_ASYNC)
            {
              if (yeastar_report_request_get_async (self))
                text = g_strdup ("1");
            }
          else
            text = g_strdup (*value_slot (self, p));
          break;

        default:
          g_assert_not_reached ();
        }

      if (text != NULL)
        append_param (query, p, text);
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}
