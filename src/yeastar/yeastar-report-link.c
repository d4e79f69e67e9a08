/* yeastar-report-link.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-error.h"
#include "yeastar-private.h"
#include "yeastar-report-link.h"

struct _YeastarReportLink
{
  char *file;
  char *url;
};

G_DEFINE_BOXED_TYPE (YeastarReportLink, yeastar_report_link,
                     yeastar_report_link_copy, yeastar_report_link_free)

YeastarReportLink *
yeastar_report_link_new (const char *file,
                         const char *download_resource_url)
{
  YeastarReportLink *self;

  g_return_val_if_fail (download_resource_url != NULL, NULL);

  self = g_new0 (YeastarReportLink, 1);
  self->file = g_strdup (file ? file : "");
  self->url = g_strdup (download_resource_url);
  return self;
}

YeastarReportLink *
yeastar_report_link_copy (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return yeastar_report_link_new (self->file, self->url);
}

void
yeastar_report_link_free (YeastarReportLink *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->url);
  g_free (self);
}

const char *
yeastar_report_link_get_file (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

const char *
yeastar_report_link_get_url (const YeastarReportLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

/* The link of a call_report/download reply with errcode 0. */
YeastarReportLink *
_yeastar_report_link_new_from_json (JsonObject  *root,
                                    GError     **error)
{
  const char *file = _yeastar_json_get_string (root, "file");
  const char *url = _yeastar_json_get_string (root, "download_resource_url");

  if (url == NULL || url[0] != '/' ||
      (json_object_has_member (root, "file") && file == NULL))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s answer has no usable download link for the report."));
      return NULL;
    }

  return yeastar_report_link_new (file, url);
}

/* ---------------------------------------------------------------------- */
