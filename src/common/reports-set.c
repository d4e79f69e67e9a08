/* reports-set.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "reports-name-template.h"
#include "reports-set.h"
#include "yeastar-client.h"

/*
 * A report set: a named list of report requests with relative periods,
 * the PBXs to run them on, where the files go and how they are named,
 * and when the set runs by itself. It holds no secret.
 *
 * The file format (version 1), e.g.:
 *
 *   {
 *     "version": 1,
 *     "name": "Monthly",
 *     "output": "/home/ada/Reports",
 *     "name_template": "{pbx}/{type}-{period}.csv",
 *     "keep_months": 24,
 *     "pbxs": [ { "server": "https://pbx.example.com:8088", "client_id": "…",
 *                 "pinned_certificate": "AB:CD:…" } ],
 *     "reports": [ { "type": "QueuePerformance", "period": "last-month",
 *                    "async": false, "params": { "queue_id_list": "1,2" } } ],
 *     "schedule": { "every": "monthly", "day": 1, "time": "07:00" }
 *   }
 *
 * "output", "keep_months", "pinned_certificate", "params", "async" and
 * "schedule" may be left out. A file of a later version is refused rather than half read.
 */

struct _ReportsSet
{
  GObject          parent_instance;

  char            *name;
  char            *output;
  char            *name_template;
  guint            keep_months;
  ReportsSchedule  schedule;
  GPtrArray       *pbxs;
  GPtrArray       *reports;
};

G_DEFINE_FINAL_TYPE (ReportsSet, reports_set, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OUTPUT,
  PROP_NAME_TEMPLATE,
  PROP_KEEP_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);

  return TRUE;
}

/* More months than anyone keeps reports for; it bounds the arithmetic. */
#define MAX_KEEP_MONTHS 1200

ReportsSetPbx *
reports_set_pbx_new (const char *server,
                     const char *client_id)
{
  ReportsSetPbx *pbx = g_new0 (ReportsSetPbx, 1);

  pbx->server = g_strdup (server);
  pbx->client_id = g_strdup (client_id);

  return pbx;
}

void
reports_set_pbx_free (ReportsSetPbx *pbx)
{
  if (pbx == NULL)
    return;

  g_free (pbx->server);
  g_free (pbx->client_id);
  g_free (pbx->pinned_certificate);
  g_free (pbx);
}

ReportsSetReport *
reports_set_report_new (const char          *type,
                        const ReportsPeriod *period)
{
  ReportsSetReport *report = g_new0 (ReportsSetReport, 1);

  report->type = g_strdup (type);
  if (period != NULL)
    report->period = *period;

  return report;
}

void
reports_set_report_free (ReportsSetReport *report)
{
  if (report == NULL)
    return;

  g_free (report->type);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    g_free (report->values[p]);
  g_free (report);
}

gboolean
reports_set_report_check (const ReportsSetReport  *report,
                          GError                 **error)
{
  const YeastarReportType *type;

  g_return_val_if_fail (report != NULL, FALSE);

  type = yeastar_report_type_lookup (report->type);
  if (type == NULL)
    {
      g_autofree char *quoted = g_utf8_make_valid (report->type != NULL ? report->type : "", -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a report type"), quoted);
      return FALSE;
    }

  if (!yeastar_report_type_uses_period (type) && !yeastar_report_type_uses_range (type))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s takes no dates, so it has no place in a set of periods"),
                   yeastar_report_type_get_api_name (type));
      return FALSE;
    }

  if (yeastar_report_type_uses_period (type) && !reports_period_has_time (&report->period))
    {
      g_autofree char *period = reports_period_to_string (&report->period);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: a report type's API name and a period such as last-week */
                   _("%s covers a day, a month or a year, not %s"),
                   yeastar_report_type_get_api_name (type), period);
      return FALSE;
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (report->values[p] == NULL)
        continue;

      if (kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD || p == YEASTAR_PARAM_IS_ASYNC ||
          !yeastar_report_type_takes (type, p))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: a parameter's API name and a report type's API name */
                       _("%s is not a parameter a set can give %s"),
                       yeastar_param_get_api_name (p), yeastar_report_type_get_api_name (type));
          return FALSE;
        }
    }

  if (report->async && !yeastar_report_type_takes (type, YEASTAR_PARAM_IS_ASYNC))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s cannot be prepared in the background (is_async)"),
                   yeastar_report_type_get_api_name (type));
      return FALSE;
    }

  return TRUE;
}

gboolean
reports_set_check_name (const char  *name,
                        GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("A set needs a name"));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL) || strlen (name) > REPORTS_SET_NAME_MAX ||
      name[0] == '.' || name[0] == '-' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    goto bad;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        goto bad;
    }

  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %d is the longest name in bytes */
               _("A set name is up to %d bytes of text without “/”, “\\” or control "
                 "characters, and does not start with “.” or “-”"), REPORTS_SET_NAME_MAX);

  return FALSE;
}

static void
reports_set_finalize (GObject *object)
{
  ReportsSet *self = (ReportsSet *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->name_template, g_free);
  g_clear_pointer (&self->pbxs, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (reports_set_parent_class)->finalize (object);
}

static void
reports_set_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ReportsSet *self = REPORTS_SET (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OUTPUT:
      g_value_set_string (value, self->output);
      break;

    case PROP_NAME_TEMPLATE:
      g_value_set_string (value, self->name_template);
      break;

    case PROP_KEEP_MONTHS:
      g_value_set_uint (value, self->keep_months);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_set_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ReportsSet *self = REPORTS_SET (object);

  switch (prop_id)
    {
    case PROP_NAME:
      reports_set_set_name (self, g_value_get_string (value));
      break;

    case PROP_OUTPUT:
      reports_set_set_output (self, g_value_get_string (value));
      break;

    case PROP_NAME_TEMPLATE:
      reports_set_set_name_template (self, g_value_get_string (value));
      break;

    case PROP_KEEP_MONTHS:
      reports_set_set_keep_months (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_set_class_init (ReportsSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_set_finalize;
  object_class->get_property = reports_set_get_property;
  object_class->set_property = reports_set_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTPUT] =
    g_param_spec_string ("output", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME_TEMPLATE] =
    g_param_spec_string ("name-template", NULL, NULL, REPORTS_NAME_TEMPLATE_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEEP_MONTHS] =
    g_param_spec_uint ("keep-months", NULL, NULL, 0, MAX_KEEP_MONTHS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_set_init (ReportsSet *self)
{
  self->name_template = g_strdup (REPORTS_NAME_TEMPLATE_DEFAULT);
  self->pbxs = g_ptr_array_new_with_free_func ((GDestroyNotify) reports_set_pbx_free);
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) reports_set_report_free);
}

ReportsSet *
reports_set_new (const char *name)
{
  return g_object_new (REPORTS_TYPE_SET, "name", name, NULL);
}

const char *
reports_set_get_name (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  return self->name;
}

void
reports_set_set_name (ReportsSet *self,
                      const char *name)
{
  g_return_if_fail (REPORTS_IS_SET (self));

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
reports_set_get_output (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  return self->output;
}

void
reports_set_set_output (ReportsSet *self,
                        const char *output)
{
  g_return_if_fail (REPORTS_IS_SET (self));

  if (output != NULL && output[0] == '\0')
    output = NULL;

  if (set_str (&self->output, output))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUT]);
}

GFile *
reports_set_dup_output_folder (ReportsSet *self)
{
  const char *downloads;

  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  if (self->output != NULL)
    return g_file_new_for_path (self->output);

  downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  return g_file_new_for_path (downloads != NULL ? downloads : g_get_home_dir ());
}

const char *
reports_set_get_name_template (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  return self->name_template;
}

void
reports_set_set_name_template (ReportsSet *self,
                               const char *name_template)
{
  g_return_if_fail (REPORTS_IS_SET (self));

  if (name_template == NULL)
    name_template = REPORTS_NAME_TEMPLATE_DEFAULT;

  if (set_str (&self->name_template, name_template))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_TEMPLATE]);
}

guint
reports_set_get_keep_months (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), 0);

  return self->keep_months;
}

void
reports_set_set_keep_months (ReportsSet *self,
                             guint       keep_months)
{
  g_return_if_fail (REPORTS_IS_SET (self));

  keep_months = MIN (keep_months, MAX_KEEP_MONTHS);
  if (self->keep_months != keep_months)
    {
      self->keep_months = keep_months;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_MONTHS]);
    }
}

const ReportsSchedule *
reports_set_get_schedule (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  return &self->schedule;
}

void
reports_set_set_schedule (ReportsSet            *self,
                          const ReportsSchedule *schedule)
{
  g_return_if_fail (REPORTS_IS_SET (self));

  if (schedule == NULL)
    memset (&self->schedule, 0, sizeof self->schedule);
  else
    self->schedule = *schedule;
}

guint
reports_set_get_n_pbxs (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), 0);

  return self->pbxs->len;
}

const ReportsSetPbx *
reports_set_get_pbx (ReportsSet *self,
                     guint       index)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);
  g_return_val_if_fail (index < self->pbxs->len, NULL);

  return g_ptr_array_index (self->pbxs, index);
}

/* The host of a set's PBX address, as a report's row names the PBX
 * until it has answered: "pbx.example.com" for
 * "https://pbx.example.com:8088". */
char *
reports_set_server_dup_host (const char *server)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (server != NULL, NULL);

  uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (server);

  return g_strdup (g_uri_get_host (uri));
}

/* Why a set's PBX has no Client Secret when the window or the in-app
 * scheduler runs the set: @lookup_error is the keyring's failure, or NULL
 * when the keyring holds no secret for the PBX. */
GError *
reports_set_pbx_new_missing_secret_error (const ReportsSetPbx *pbx,
                                          const GError        *lookup_error)
{
  g_return_val_if_fail (pbx != NULL, NULL);

  if (lookup_error != NULL)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                        _("No Client Secret for %s: the keyring could not be read (%s)"),
                        pbx->server, lookup_error->message);

  return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      _("No Client Secret for %s and Client ID %s in the keyring: connect "
                        "to it once with Remember This PBX"),
                      pbx->server, pbx->client_id);
}

gboolean
reports_set_add_pbx (ReportsSet    *self,
                     ReportsSetPbx *pbx)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), FALSE);
  g_return_val_if_fail (pbx != NULL, FALSE);

  for (guint i = 0; i < self->pbxs->len; i++)
    {
      const ReportsSetPbx *other = g_ptr_array_index (self->pbxs, i);

      if (g_strcmp0 (other->server, pbx->server) == 0 &&
          g_strcmp0 (other->client_id, pbx->client_id) == 0)
        {
          reports_set_pbx_free (pbx);
          return FALSE;
        }
    }

  g_ptr_array_add (self->pbxs, pbx);

  return TRUE;
}

guint
reports_set_get_n_reports (ReportsSet *self)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), 0);

  return self->reports->len;
}

const ReportsSetReport *
reports_set_get_report (ReportsSet *self,
                        guint       index)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);

  return g_ptr_array_index (self->reports, index);
}

void
reports_set_add_report (ReportsSet       *self,
                        ReportsSetReport *report)
{
  g_return_if_fail (REPORTS_IS_SET (self));
  g_return_if_fail (report != NULL);

  g_ptr_array_add (self->reports, report);
}

gboolean
reports_set_remove_pbx (ReportsSet *self,
                        guint       index)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), FALSE);

  if (index >= self->pbxs->len)
    return FALSE;

  g_ptr_array_remove_index (self->pbxs, index);

  return TRUE;
}

gboolean
reports_set_remove_report (ReportsSet *self,
                           guint       index)
{
  g_return_val_if_fail (REPORTS_IS_SET (self), FALSE);

  if (index >= self->reports->len)
    return FALSE;

  g_ptr_array_remove_index (self->reports, index);

  return TRUE;
}

/* Reading ------------------------------------------------------------ */

static gboolean
format_error (GError    **error,
              const char *member)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is the JSON member at fault, e.g. "pbxs" */
               _("Not a valid report set file: “%s” is missing or wrong"), member);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *member,
            gboolean    optional)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? "" : NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_uint (JsonObject *object,
          const char *member,
          guint       max,
          guint      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      *out = 0;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 0 || value > max)
    return FALSE;

  *out = (guint) value;

  return TRUE;
}

static gboolean
read_pbxs (ReportsSet  *self,
           JsonArray   *array,
           GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *server = NULL;
      ReportsSetPbx *pbx;
      JsonObject *object;
      const char *text;
      const char *client_id;
      const char *pin;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, "pbxs");
      object = json_node_get_object (node);

      text = get_string (object, "server", FALSE);
      client_id = get_string (object, "client_id", FALSE);
      if (text == NULL)
        return format_error (error, "server");
      if (client_id == NULL || client_id[0] == '\0')
        return format_error (error, "client_id");

      server = yeastar_client_normalize_base_uri (text, &local_error);
      if (server == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a valid report set file: %s"), local_error->message);
          return FALSE;
        }

      pbx = reports_set_pbx_new (server, client_id);

      pin = get_string (object, "pinned_certificate", TRUE);
      if (pin == NULL)
        return format_error (error, "pinned_certificate");
      if (pin[0] != '\0')
        {
          pbx->pinned_certificate = yeastar_tls_normalize_fingerprint (pin);
          if (pbx->pinned_certificate == NULL)
            {
              reports_set_pbx_free (pbx);
              return format_error (error, "pinned_certificate");
            }
        }

      reports_set_add_pbx (self, pbx);
    }

  return TRUE;
}

static gboolean
read_report (ReportsSet  *self,
             JsonObject  *object,
             GError     **error)
{
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  ReportsPeriod period;
  const char *type = get_string (object, "type", FALSE);
  const char *period_text = get_string (object, "period", FALSE);
  JsonNode *params = json_object_get_member (object, "params");
  JsonNode *async = json_object_get_member (object, "async");

  if (type == NULL)
    return format_error (error, "type");
  if (period_text == NULL || !reports_period_parse (period_text, &period, NULL))
    return format_error (error, "period");

  report = reports_set_report_new (type, &period);

  if (async != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (async) || json_node_get_value_type (async) != G_TYPE_BOOLEAN)
        return format_error (error, "async");
      report->async = json_node_get_boolean (async);
    }

  if (params != NULL)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *values;

      if (!JSON_NODE_HOLDS_OBJECT (params))
        return format_error (error, "params");
      values = json_node_get_object (params);
      members = json_object_get_members (values);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *value = get_string (values, l->data, FALSE);
          YeastarParam param;

          if (!yeastar_param_from_api_name (l->data, &param))
            return format_error (error, l->data);
          if (value == NULL || !g_utf8_validate (value, -1, NULL))
            return format_error (error, l->data);
          g_free (report->values[param]);
          report->values[param] = g_strdup (value);
        }
    }

  if (!reports_set_report_check (report, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return FALSE;
    }

  reports_set_add_report (self, g_steal_pointer (&report));

  return TRUE;
}

static gboolean
read_schedule (ReportsSet  *self,
               JsonObject  *object,
               GError     **error)
{
  ReportsSchedule schedule = { 0, };
  const char *every = get_string (object, "every", FALSE);
  const char *time = get_string (object, "time", FALSE);

  if (!reports_schedule_kind_from_name (every, &schedule.kind))
    return format_error (error, "every");
  if (!reports_schedule_parse_time (time, &schedule.hour, &schedule.minute, NULL))
    return format_error (error, "time");

  if (schedule.kind == REPORTS_SCHEDULE_WEEKLY &&
      !reports_schedule_parse_weekday (get_string (object, "weekday", FALSE), &schedule.weekday, NULL))
    return format_error (error, "weekday");

  if (schedule.kind == REPORTS_SCHEDULE_MONTHLY &&
      (!get_uint (object, "day", REPORTS_SCHEDULE_MAX_DAY, &schedule.day) || schedule.day == 0))
    return format_error (error, "day");

  reports_set_set_schedule (self, &schedule);

  return TRUE;
}

ReportsSet *
reports_set_new_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ReportsSet) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *name;
  const char *output;
  const char *name_template;
  guint version = 0;
  guint keep_months = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return format_error (error, "version"), NULL;
  root = json_node_get_object (node);

  if (!get_uint (root, "version", G_MAXINT, &version) || version == 0)
    return format_error (error, "version"), NULL;
  if (version > REPORTS_SET_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This report set file is of version %u, made by a later version of "
                     "Call Reports; this one reads version %d"), version, REPORTS_SET_VERSION);
      return NULL;
    }

  name = get_string (root, "name", FALSE);
  if (!reports_set_check_name (name, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return NULL;
    }

  self = reports_set_new (name);

  output = get_string (root, "output", TRUE);
  if (output == NULL || (output[0] != '\0' && !g_path_is_absolute (output)))
    return format_error (error, "output"), NULL;
  reports_set_set_output (self, output);

  name_template = get_string (root, "name_template", TRUE);
  if (name_template == NULL)
    return format_error (error, "name_template"), NULL;
  if (name_template[0] != '\0')
    {
      if (!reports_name_template_check (name_template, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a valid report set file: %s"), local_error->message);
          return NULL;
        }
      reports_set_set_name_template (self, name_template);
    }

  if (!get_uint (root, "keep_months", MAX_KEEP_MONTHS, &keep_months))
    return format_error (error, "keep_months"), NULL;
  reports_set_set_keep_months (self, keep_months);

  node = json_object_get_member (root, "pbxs");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return format_error (error, "pbxs"), NULL;
  if (!read_pbxs (self, json_node_get_array (node), error))
    return NULL;

  node = json_object_get_member (root, "reports");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return format_error (error, "reports"), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return format_error (error, "reports"), NULL;
      if (!read_report (self, json_node_get_object (element), error))
        return NULL;
    }

  node = json_object_get_member (root, "schedule");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, "schedule"), NULL;
      if (!read_schedule (self, json_node_get_object (node), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* Writing ------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
write_report (JsonBuilder            *builder,
              const ReportsSetReport *report)
{
  g_autofree char *period = reports_period_to_string (&report->period);
  gboolean has_params = FALSE;

  json_builder_begin_object (builder);
  add_string (builder, "type", report->type);
  add_string (builder, "period", period);
  json_builder_set_member_name (builder, "async");
  json_builder_add_boolean_value (builder, report->async);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (report->values[p] == NULL)
        continue;

      if (!has_params)
        {
          json_builder_set_member_name (builder, "params");
          json_builder_begin_object (builder);
          has_params = TRUE;
        }

      add_string (builder, yeastar_param_get_api_name (p), report->values[p]);
    }

  if (has_params)
    json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
write_schedule (JsonBuilder           *builder,
                const ReportsSchedule *schedule)
{
  g_autofree char *time = g_strdup_printf ("%02u:%02u", schedule->hour, schedule->minute);

  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  add_string (builder, "every", reports_schedule_kind_name (schedule->kind));
  if (schedule->kind == REPORTS_SCHEDULE_WEEKLY)
    add_string (builder, "weekday", reports_schedule_weekday_name (schedule->weekday));
  if (schedule->kind == REPORTS_SCHEDULE_MONTHLY)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, schedule->day);
    }
  add_string (builder, "time", time);
  json_builder_end_object (builder);
}

char *
reports_set_to_data (ReportsSet *self,
                     gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;
  char *data;

  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, REPORTS_SET_VERSION);
  add_string (builder, "name", self->name);
  if (self->output != NULL)
    add_string (builder, "output", self->output);
  add_string (builder, "name_template", self->name_template);
  json_builder_set_member_name (builder, "keep_months");
  json_builder_add_int_value (builder, self->keep_months);

  json_builder_set_member_name (builder, "pbxs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->pbxs->len; i++)
    {
      const ReportsSetPbx *pbx = g_ptr_array_index (self->pbxs, i);

      json_builder_begin_object (builder);
      add_string (builder, "server", pbx->server);
      add_string (builder, "client_id", pbx->client_id);
      if (pbx->pinned_certificate != NULL)
        add_string (builder, "pinned_certificate", pbx->pinned_certificate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reports->len; i++)
    write_report (builder, g_ptr_array_index (self->reports, i));
  json_builder_end_array (builder);

  if (self->schedule.kind != REPORTS_SCHEDULE_NONE)
    write_schedule (builder, &self->schedule);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = g_string_new (NULL);
  data = json_generator_to_data (generator, NULL);
  g_string_append (text, data);
  g_string_append_c (text, '\n');
  g_free (data);

  if (length != NULL)
    *length = text->len;

  return g_string_free (text, FALSE);
}
