/* reports-cell-sorter.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-cell-sorter.h"
#include "reports-report-row.h"

/*
 * The sorter of one column of the viewer, by the column's kind: numbers,
 * percentages and durations by value, date-times by time, text by code
 * point, empty cells last (as yeastar_report_table_sort(), which does the
 * real work on a million rows in one pass).
 *
 * GtkColumnView keeps the order of its columns' sorters in a
 * GtkColumnViewSorter; GTK 4.8 cannot say which column is the primary
 * one (gtk_column_view_sorter_get_primary_sort_column() is 4.10), so
 * reports_cell_sorter_find_primary() asks it to compare two probe rows:
 * every column sorter answers "less" for probes and notes that it was
 * asked, so the first one asked is the primary column, and the sign of
 * the answer says whether it is inverted. Public API only, on any GTK 4.
 */

struct _ReportsCellSorter
{
  GtkSorter            parent_instance;

  YeastarReportLoader *loader;
  guint                column;
};

G_DEFINE_FINAL_TYPE (ReportsCellSorter, reports_cell_sorter, GTK_TYPE_SORTER)

/* The sorter a probe comparison reached first; main thread only. */
static ReportsCellSorter *probed;

static GtkOrdering
compare_numbers (gboolean ok1,
                 double   a,
                 gboolean ok2,
                 double   b)
{
  if (!ok1 || !ok2)
    return ok1 == ok2 ? GTK_ORDERING_EQUAL : ok1 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
cell_key (const char       *text,
          YeastarCellKind   kind,
          YeastarDateOrder  order,
          double           *key)
{
  g_autofree char *iso = NULL;

  if (kind != YEASTAR_CELL_KIND_DATE_TIME)
    return yeastar_cell_parse_number (text, kind, key);

  iso = yeastar_cell_dup_iso8601 (text, order);
  if (iso == NULL)
    return FALSE;
  /* ISO 8601 texts sort as times; compare them as texts below. */
  *key = 0;
  return TRUE;
}

static GtkOrdering
reports_cell_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  ReportsCellSorter *self = REPORTS_CELL_SORTER (sorter);
  ReportsReportRow *row1 = item1;
  ReportsReportRow *row2 = item2;
  YeastarReportTable *table;
  const char *a, *b;
  YeastarCellKind kind;
  YeastarDateOrder order;
  double x = 0, y = 0;
  gboolean ok1, ok2;

  if (reports_report_row_is_probe (row1) || reports_report_row_is_probe (row2))
    {
      if (probed == NULL)
        probed = self;
      return GTK_ORDERING_SMALLER;
    }

  if (self->loader == NULL || self->column >= yeastar_report_loader_get_n_columns (self->loader))
    return GTK_ORDERING_EQUAL;

  table = reports_report_row_is_total (row1) ? yeastar_report_loader_get_totals (self->loader)
                                             : yeastar_report_loader_get_rows (self->loader);
  a = yeastar_report_table_get_cell (table, reports_report_row_get_index (row1), self->column);
  table = reports_report_row_is_total (row2) ? yeastar_report_loader_get_totals (self->loader)
                                             : yeastar_report_loader_get_rows (self->loader);
  b = yeastar_report_table_get_cell (table, reports_report_row_get_index (row2), self->column);

  kind = yeastar_report_loader_get_column_kind (self->loader, self->column);
  order = yeastar_report_loader_get_column_date_order (self->loader, self->column);
  if (kind == YEASTAR_CELL_KIND_TEXT)
    {
      if (*a == '\0' || *b == '\0')
        return compare_numbers (*a != '\0', 0, *b != '\0', 0);
      return gtk_ordering_from_cmpfunc (strcmp (a, b));
    }

  ok1 = cell_key (a, kind, order, &x);
  ok2 = cell_key (b, kind, order, &y);
  if (kind == YEASTAR_CELL_KIND_DATE_TIME && ok1 && ok2)
    {
      g_autofree char *i1 = yeastar_cell_dup_iso8601 (a, order);
      g_autofree char *i2 = yeastar_cell_dup_iso8601 (b, order);

      return gtk_ordering_from_cmpfunc (strcmp (i1, i2));
    }
  return compare_numbers (ok1, x, ok2, y);
}

static GtkSorterOrder
reports_cell_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
reports_cell_sorter_dispose (GObject *object)
{
  ReportsCellSorter *self = REPORTS_CELL_SORTER (object);

  g_clear_weak_pointer (&self->loader);

  G_OBJECT_CLASS (reports_cell_sorter_parent_class)->dispose (object);
}

static void
reports_cell_sorter_class_init (ReportsCellSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->dispose = reports_cell_sorter_dispose;
  sorter_class->compare = reports_cell_sorter_compare;
  sorter_class->get_order = reports_cell_sorter_get_order;
}

static void
reports_cell_sorter_init (ReportsCellSorter *self)
{
}

ReportsCellSorter *
reports_cell_sorter_new (YeastarReportLoader *loader,
                         guint                column)
{
  ReportsCellSorter *self = g_object_new (REPORTS_TYPE_CELL_SORTER, NULL);

  g_set_weak_pointer (&self->loader, loader);
  self->column = column;
  return self;
}

guint
reports_cell_sorter_get_column (ReportsCellSorter *self)
{
  g_return_val_if_fail (REPORTS_IS_CELL_SORTER (self), 0);

  return self->column;
}

/**
 * reports_cell_sorter_find_primary:
 * @column_view_sorter: gtk_column_view_get_sorter()
 * @column: (out): the column of the primary ReportsCellSorter
 * @descending: (out): whether it sorts largest first
 *
 * Returns: %FALSE when no column is sorted
 */
gboolean
reports_cell_sorter_find_primary (GtkSorter *column_view_sorter,
                                  guint     *column,
                                  gboolean  *descending)
{
  g_autoptr(ReportsReportRow) a = reports_report_row_new_probe ();
  g_autoptr(ReportsReportRow) b = reports_report_row_new_probe ();
  GtkOrdering result;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  probed = NULL;
  result = gtk_sorter_compare (column_view_sorter, a, b);
  if (probed == NULL || result == GTK_ORDERING_EQUAL)
    {
      probed = NULL;
      return FALSE;
    }

  *column = probed->column;
  *descending = result == GTK_ORDERING_LARGER;
  probed = NULL;
  return TRUE;
}
