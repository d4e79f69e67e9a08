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

/* ---------------------------------------------------------------------- */
