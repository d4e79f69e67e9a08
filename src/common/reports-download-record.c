/* reports-download-record.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-download-record.h"

/* One download as the Reports page lists it, kept across restarts: the
 * PBX it was asked of, the report type and the request's values (IDs
 * included, so that it can be retried), the names the PBX gave those
 * IDs when it was asked, the folder, and what became of it (the saved
 * file's path and size, or why it failed). A report of a set run also
 * has the set's name and its place in the set. */
struct _ReportsDownloadRecord
{
  GObject                parent_instance;

  char                  *id;
  char                  *pbx_uri;
  char                  *pbx_name;
  char                  *report_type;
  GVariant              *values;
  GVariant              *names;  /* a{ss}: "api_name/ID" → the PBX's name */
  char                  *folder;
  GDateTime             *created;
  ReportsDownloadStatus  status;
  char                  *path;
  char                  *message;
  guint64                size;
  gboolean               file_missing;
  char                  *set_name;
  guint                  set_report;
  guint64                received;
  gint64                 total;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (ReportsDownloadRecord, reports_download_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_PATH,
  PROP_MESSAGE,
  PROP_SIZE,
  PROP_FILE_MISSING,
  PROP_PBX_NAME,
  PROP_VALUES,
  PROP_RECEIVED,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Records written before the names were kept have no a{ss} at the end:
 * they still load, with IDs and no names. */
#define RECORD_TYPE "(sssssa{ss}xussta{ss})"
#define RECORD_TYPE_WITHOUT_NAMES "(sssssa{ss}xusst)"
/* A set's report: the set's name and the report's index appended. */
#define SET_RECORD_TYPE "(sssssa{ss}xussta{ss}su)"

static void
reports_download_record_finalize (GObject *object)
{
  ReportsDownloadRecord *self = REPORTS_DOWNLOAD_RECORD (object);

  g_free (self->id);
  g_free (self->pbx_uri);
  g_free (self->pbx_name);
  g_free (self->report_type);
  g_clear_pointer (&self->values, g_variant_unref);
  g_clear_pointer (&self->names, g_variant_unref);
  g_free (self->folder);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->path);
  g_free (self->message);
  g_free (self->set_name);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_download_record_parent_class)->finalize (object);
}

static void
reports_download_record_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ReportsDownloadRecord *self = REPORTS_DOWNLOAD_RECORD (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_FILE_MISSING:
      g_value_set_boolean (value, self->file_missing);
      break;

    case PROP_PBX_NAME:
      g_value_set_string (value, self->pbx_name);
      break;

    case PROP_VALUES:
      g_value_set_variant (value, self->values);
      break;

    case PROP_RECEIVED:
      g_value_set_uint64 (value, self->received);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_download_record_class_init (ReportsDownloadRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_download_record_finalize;
  object_class->get_property = reports_download_record_get_property;

  properties [PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, REPORTS_DOWNLOAD_INTERRUPTED, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE_MISSING] =
    g_param_spec_boolean ("file-missing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PBX_NAME] =
    g_param_spec_string ("pbx-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUES] =
    g_param_spec_variant ("values", NULL, NULL, G_VARIANT_TYPE ("a{ss}"), NULL,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECEIVED] =
    g_param_spec_uint64 ("received", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_download_record_init (ReportsDownloadRecord *self)
{
  self->total = -1;
  self->names = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0));
}

ReportsDownloadRecord *
reports_download_record_new (const char *pbx_uri,
                             const char *pbx_name,
                             const char *report_type,
                             GVariant   *values,
                             const char *folder)
{
  ReportsDownloadRecord *self;

  g_return_val_if_fail (report_type != NULL, NULL);
  g_return_val_if_fail (values != NULL && g_variant_is_of_type (values, G_VARIANT_TYPE ("a{ss}")), NULL);

  self = g_object_new (REPORTS_TYPE_DOWNLOAD_RECORD, NULL);
  self->id = g_uuid_string_random ();
  self->pbx_uri = g_strdup (pbx_uri != NULL ? pbx_uri : "");
  self->pbx_name = g_strdup (pbx_name != NULL ? pbx_name : "");
  self->report_type = g_strdup (report_type);
  self->values = g_variant_ref_sink (values);
  self->folder = g_strdup (folder != NULL ? folder : "");
  self->created = g_date_time_new_now_utc ();
  self->status = REPORTS_DOWNLOAD_RUNNING;

  return self;
}

/* NULL for a variant of another type: a record file from a newer
 * version, or damaged, loses that record and no other. */
ReportsDownloadRecord *
reports_download_record_new_from_variant (GVariant *variant)
{
  ReportsDownloadRecord *self;
  g_autoptr(GVariant) values = NULL;
  g_autoptr(GVariant) names = NULL;
  const char *id, *pbx_uri, *pbx_name, *report_type, *folder, *path, *message;
  const char *set_name = NULL;
  guint32 set_report = 0;
  gint64 created;
  guint32 status;
  guint64 size;

  if (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE (SET_RECORD_TYPE)))
    {
      g_variant_get (variant, "(&s&s&s&s&s@a{ss}xu&s&st@a{ss}&su)",
                     &id, &pbx_uri, &pbx_name, &report_type, &folder, &values, &created, &status,
                     &path, &message, &size, &names, &set_name, &set_report);
      if (set_name[0] == '\0')
        return NULL;
    }
  else if (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE (RECORD_TYPE)))
    g_variant_get (variant, "(&s&s&s&s&s@a{ss}xu&s&st@a{ss})",
                   &id, &pbx_uri, &pbx_name, &report_type, &folder, &values, &created, &status,
                   &path, &message, &size, &names);
  else if (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE (RECORD_TYPE_WITHOUT_NAMES)))
    g_variant_get (variant, "(&s&s&s&s&s@a{ss}xu&s&st)",
                   &id, &pbx_uri, &pbx_name, &report_type, &folder, &values, &created, &status,
                   &path, &message, &size);
  else
    return NULL;

  if (id[0] == '\0' || status > REPORTS_DOWNLOAD_INTERRUPTED)
    return NULL;

  self = g_object_new (REPORTS_TYPE_DOWNLOAD_RECORD, NULL);
  self->id = g_strdup (id);
  self->pbx_uri = g_strdup (pbx_uri);
  self->pbx_name = g_strdup (pbx_name);
  self->report_type = g_strdup (report_type);
  self->folder = g_strdup (folder);
  self->values = g_steal_pointer (&values);
  if (names != NULL)
    {
      g_variant_unref (self->names);
      self->names = g_steal_pointer (&names);
    }
  self->created = g_date_time_new_from_unix_utc (created);
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  self->status = status == REPORTS_DOWNLOAD_RUNNING ? REPORTS_DOWNLOAD_INTERRUPTED : status;
  self->path = path[0] != '\0' ? g_strdup (path) : NULL;
  self->message = message[0] != '\0' ? g_strdup (message) : NULL;
  self->size = size;
  self->set_name = g_strdup (set_name);
  self->set_report = set_report;
  reports_download_record_check_file (self);

  return self;
}

GVariant *
reports_download_record_to_variant (ReportsDownloadRecord *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self), NULL);

  if (self->set_name != NULL)
    return g_variant_new ("(sssss@a{ss}xusst@a{ss}su)",
                          self->id, self->pbx_uri, self->pbx_name, self->report_type, self->folder,
                          self->values, g_date_time_to_unix (self->created), (guint32) self->status,
                          self->path != NULL ? self->path : "",
                          self->message != NULL ? self->message : "",
                          self->size, self->names, self->set_name, (guint32) self->set_report);

  return g_variant_new ("(sssss@a{ss}xusst@a{ss})",
                        self->id, self->pbx_uri, self->pbx_name, self->report_type, self->folder,
                        self->values, g_date_time_to_unix (self->created), (guint32) self->status,
                        self->path != NULL ? self->path : "",
                        self->message != NULL ? self->message : "",
                        self->size, self->names);
}

#define GETTER(type, name, field) \
  type \
  reports_download_record_get_ ## name (ReportsDownloadRecord *self) \
  { \
    g_return_val_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self), 0); \
    return self->field; \
  }

GETTER (const char *, id, id)
GETTER (const char *, pbx_uri, pbx_uri)
GETTER (const char *, pbx_name, pbx_name)
GETTER (const char *, report_type, report_type)
GETTER (GVariant *, values, values)
GETTER (GVariant *, names, names)
GETTER (const char *, folder, folder)
GETTER (GDateTime *, created, created)
GETTER (ReportsDownloadStatus, status, status)
GETTER (const char *, path, path)
GETTER (const char *, message, message)
GETTER (guint64, size, size)
GETTER (gboolean, file_missing, file_missing)
GETTER (const char *, set_name, set_name)
GETTER (guint, set_report, set_report)
GETTER (guint64, received, received)
GETTER (gint64, total, total)
GETTER (GCancellable *, cancellable, cancellable)

void
reports_download_record_set_set (ReportsDownloadRecord *self,
                                 const char            *set_name,
                                 guint                  set_report)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));
  g_return_if_fail (set_name != NULL && set_name[0] != '\0');

  g_free (self->set_name);
  self->set_name = g_strdup (set_name);
  self->set_report = set_report;
}

void
reports_download_record_set_values (ReportsDownloadRecord *self,
                                    GVariant              *values)
{
  g_autoptr(GVariant) old = NULL;

  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));
  g_return_if_fail (values != NULL && g_variant_is_of_type (values, G_VARIANT_TYPE ("a{ss}")));

  old = g_steal_pointer (&self->values);
  self->values = g_variant_ref_sink (values);
  if (!g_variant_equal (old, self->values))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUES]);
}

void
reports_download_record_set_progress (ReportsDownloadRecord *self,
                                      guint64                received,
                                      gint64                 total)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->received != received)
    {
      self->received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECEIVED]);
    }
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
reports_download_record_set_cancellable (ReportsDownloadRecord *self,
                                         GCancellable          *cancellable)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}

void
reports_download_record_set_status (ReportsDownloadRecord *self,
                                    ReportsDownloadStatus  status)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
  reports_download_record_check_file (self);
}

/* The PBX's names of the request's IDs ("a{ss}", as
* reports_download_label_collect_names () makes them); set before the
* record is added to the history, which saves it. */
void
reports_download_record_set_names (ReportsDownloadRecord *self,
                                   GVariant              *names)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));
  g_return_if_fail (names != NULL && g_variant_is_of_type (names, G_VARIANT_TYPE ("a{ss}")));

  g_variant_ref_sink (names);
  g_variant_unref (self->names);
  self->names = names;
}

static void
set_string (ReportsDownloadRecord  *self,
            char                  **field,
            const char             *value,
            guint                   prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

void
reports_download_record_set_path (ReportsDownloadRecord *self,
                                  const char            *path)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  set_string (self, &self->path, path, PROP_PATH);
  reports_download_record_check_file (self);
}

void
reports_download_record_set_pbx_name (ReportsDownloadRecord *self,
                                      const char            *pbx_name)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  set_string (self, &self->pbx_name, pbx_name != NULL ? pbx_name : "", PROP_PBX_NAME);
}

void
reports_download_record_set_message (ReportsDownloadRecord *self,
                                     const char            *message)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  set_string (self, &self->message, message, PROP_MESSAGE);
}

void
reports_download_record_set_size (ReportsDownloadRecord *self,
                                  guint64                size)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZE]);
}

/* Whether the saved file is gone since (deleted or moved). */
void
reports_download_record_check_file (ReportsDownloadRecord *self)
{
  gboolean missing;

  g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (self));

  missing = self->status == REPORTS_DOWNLOAD_DONE && self->path != NULL &&
            !g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (missing == self->file_missing)
    return;

  self->file_missing = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE_MISSING]);
}
