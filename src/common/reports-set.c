/* reports-set.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
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
    g_param_spec_uint ("keep-months", NULL, NULL, 0, REPORTS_SET_MAX_KEEP_MONTHS, 0,
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

  keep_months = MIN (keep_months, REPORTS_SET_MAX_KEEP_MONTHS);
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
