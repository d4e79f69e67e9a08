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
 *
 * The model keeps the row objects it made for their position while they
 * live and, when its order changes, points them at the rows now at their
 * positions (reports_report_row_set_index()): GTK 4.8 then keeps the row
 * widgets of an unchanged item instead of making them anew.
 */

struct _ReportsReportRow
{
  GObject parent_instance;

  guint   index;
  guint   position;
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

/* For ReportsRowModel: the row it now shows at the item's position. */
void
reports_report_row_set_index (ReportsReportRow *self,
                              guint             index)
{
  g_return_if_fail (REPORTS_IS_REPORT_ROW (self));

  self->index = index;
}

/* For ReportsRowModel: the position it made the item for. */
guint
reports_report_row_get_position (ReportsReportRow *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_ROW (self), 0);

  return self->position;
}

void
reports_report_row_set_position (ReportsReportRow *self,
                                 guint             position)
{
  g_return_if_fail (REPORTS_IS_REPORT_ROW (self));

  self->position = position;
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
