/* reports-report-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-report-row.h"

/*
 * An item of the viewer's list models: the index of a row in the
 * loader's table of rows (or of totals), nothing else. Made on demand by
 * ReportsRowModel for the rows on screen, so that a million rows cost no
 * million objects. A probe row is never shown: see ReportsCellSorter.
 */

struct _ReportsReportRow
{
  GObject parent_instance;

  guint   index;
  guint   is_total : 1;
  guint   is_probe : 1;
};

G_DEFINE_FINAL_TYPE (ReportsReportRow, reports_report_row, G_TYPE_OBJECT)

static void
reports_report_row_class_init (ReportsReportRowClass *klass)
{
}

static void
reports_report_row_init (ReportsReportRow *self)
{
}

ReportsReportRow *
reports_report_row_new (guint    index,
                        gboolean is_total)
{
  ReportsReportRow *self = g_object_new (REPORTS_TYPE_REPORT_ROW, NULL);

  self->index = index;
  self->is_total = !!is_total;
  return self;
}

ReportsReportRow *
reports_report_row_new_probe (void)
{
  ReportsReportRow *self = g_object_new (REPORTS_TYPE_REPORT_ROW, NULL);

  self->is_probe = TRUE;
  return self;
}

guint
reports_report_row_get_index (ReportsReportRow *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_ROW (self), 0);

  return self->index;
}

gboolean
reports_report_row_is_total (ReportsReportRow *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_ROW (self), FALSE);

  return self->is_total;
}

gboolean
reports_report_row_is_probe (ReportsReportRow *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_ROW (self), FALSE);

  return self->is_probe;
}
