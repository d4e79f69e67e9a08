/* reports-report-view.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cell-sorter.h"
#include "reports-report-row.h"
#include "reports-report-view.h"
#include "reports-row-model.h"
#include "reports-table-cell.h"
#include "yeastar-text.h"

/*
 * The table of a report: the preamble above it, a GtkColumnView of the
 * rows (ReportsRowModel: sorted and searched in a worker thread, the
 * items made on demand), and a second column view below with the total
 * rows, pinned: never sorted, never searched, scrolled sideways with the
 * rows (the totals follow the rows' horizontal scrolling, and each total column
 * takes the width of its row column). The totals' header is hidden.
 *
 * A file's totals come at its end. While it loads, the totals' area shows
 * a row of empty cells (the height of a total row) under a dim "Totals
 * when the whole file is read", from the first screen on: the totals'
 * arrival then relayouts and redraws the totals alone, not the rows' area
 * too (whose height would change, a frame of 20 ms on a big file). A file
 * that has no totals loses the area when it is read.
 *
 * Cells are ReportsTableCells, laid out in their column view's
 * PangoContext (one per view, not one per cell as GtkInscription makes),
 * numbers to the right; control characters of the file are shown
 * escaped. A cell takes its column view's font: the totals' bold is set
 * on their column view, not on its rows.
 */

#define SAMPLE_ROWS 200
/* After the first screen the rows come in a few at a time, in idle
 * callbacks of low priority, each making their widgets for about
 * RAMP_BUDGET_US, until there are RAMP_ROWS of them: GTK 4.8 keeps the
 * row widgets of 200 rows around its anchor (GTK_LIST_VIEW_MAX_LIST_ITEMS,
 * two more per tracker) and makes those of every row added among them at
 * once, in ::items-changed. Between two frames these let in
 * RAMP_ROWS_PER_FRAME rows at most, each callback an iteration of the
 * main loop of its own; the frame measures and lays out those rows. The
 * rows after those get no widget until scrolled to; they come at once. */
#define RAMP_ROWS           256
#define RAMP_BUDGET_US      3000
/* The most rows let in between two frames: the frame measures and lays
 * them out. */
#define RAMP_ROWS_PER_FRAME 6

struct _ReportsReportView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkBox              *preamble_box;
  GtkScrolledWindow   *rows_window;
  GtkColumnView       *column_view;
  GtkLabel            *empty_label;
  GtkWidget           *totals_area;
  GtkWidget           *totals_pending;
  GtkScrolledWindow   *totals_window;
  GtkColumnView       *totals_view;

  /* Owned references */
  YeastarReportLoader *loader;
  ReportsRowModel     *rows;
  ReportsRowModel     *totals;
  GtkSelectionModel   *totals_selection;
  GtkMultiSelection   *selection;
  GSimpleActionGroup  *column_actions;
  GMenu               *columns_menu;
  GHashTable          *bound;   /* GtkListItem → CellData: the rows' cells bound */
  gboolean             widths_set;
  gboolean             ramping;     /* the rows after the first screen come in */
  guint                ramp_source;
  guint                ramp_in_frame;  /* rows let in since the last frame */
  gulong               ramp_frame_handler;
  gboolean             has_totals;  /* the totals' columns are made with the first total (or its placeholder) */
  gboolean             awaiting_totals;  /* the placeholder row is shown */
};

G_DEFINE_FINAL_TYPE (ReportsReportView, reports_report_view, GTK_TYPE_WIDGET)

typedef struct
{
  ReportsReportView *view;
  guint              column;
  gboolean           totals;
} CellData;

static YeastarReportTable *
cell_table (CellData         *data,
            ReportsReportRow *row)
{
  return reports_report_row_is_total (row) ? yeastar_report_loader_get_totals (data->view->loader)
                                           : yeastar_report_loader_get_rows (data->view->loader);
}

static gboolean
is_numeric (YeastarCellKind kind)
{
  return kind == YEASTAR_CELL_KIND_INTEGER || kind == YEASTAR_CELL_KIND_DECIMAL ||
         kind == YEASTAR_CELL_KIND_PERCENTAGE || kind == YEASTAR_CELL_KIND_DURATION;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellData                 *data)
{
  GtkWidget *view = GTK_WIDGET (data->totals ? data->view->totals_view : data->view->column_view);
  GtkWidget *cell = reports_table_cell_new (gtk_widget_get_pango_context (view));

  gtk_widget_add_css_class (cell, "report-cell");
  gtk_list_item_set_child (item, cell);
}

static void
draw_cell (CellData    *data,
           GtkListItem *item)
{
  ReportsReportRow *row = gtk_list_item_get_item (item);
  ReportsTableCell *cell = REPORTS_TABLE_CELL (gtk_list_item_get_child (item));
  YeastarReportLoader *loader = data->view->loader;
  const char *text;
  g_autofree char *escaped = NULL;

  if (loader == NULL || row == NULL)
    return;

  /* (The totals' placeholder row has no row of the table: empty cells.) */
  if (reports_report_row_get_index (row) < yeastar_report_table_get_n_rows (cell_table (data, row)))
    text = yeastar_report_table_get_cell (cell_table (data, row), reports_report_row_get_index (row), data->column);
  else
    text = "";
  escaped = yeastar_text_escape (text, -1);
  reports_table_cell_set_text (cell, escaped);
  /* Numbers to the right; a "Total" label in a number column stays left. */
  {
    YeastarCellKind kind = data->column < yeastar_report_loader_get_n_columns (loader)
                           ? yeastar_report_loader_get_column_kind (loader, data->column) : YEASTAR_CELL_KIND_TEXT;
    double value;

    reports_table_cell_set_xalign (cell,
                                   is_numeric (kind) && (!data->totals || yeastar_cell_parse_number (text, kind, &value))
                                   ? 1.0f : 0.0f);
  }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellData                 *data)
{
  draw_cell (data, item);
  if (!data->totals)
    g_hash_table_insert (data->view->bound, item, data);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CellData                 *data)
{
  if (!data->totals && data->view->bound != NULL)
    g_hash_table_remove (data->view->bound, item);
}

/* A new order keeps the items, and so the row widgets (see
 * ReportsRowModel): the cells bound show the rows now at their
 * positions, and the selected positions are other rows now. */
static void
reordered_cb (ReportsReportView *self,
              ReportsRowModel   *rows)
{
  GHashTableIter iter;
  gpointer item, data;

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, &data))
    draw_cell (data, item);
}

static GtkListItemFactory *
cell_factory_new (ReportsReportView *self,
                  guint              column,
                  gboolean           totals)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellData *data = g_new0 (CellData, 1);

  data->view = self;
  data->column = column;
  data->totals = totals;
  g_object_set_data_full (G_OBJECT (factory), "cell-data", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), data);

  return factory;
}

static char *
column_title (YeastarReportLoader *loader,
              guint                column)
{
  const char *name = yeastar_report_loader_get_column_name (loader, column);

  if (name[0] == '\0')
    /* Translators: the title of a column the file's header does not name */
    return g_strdup_printf (_("Column %u"), column + 1);
  return yeastar_text_escape (name, -1);
}

/* A width for each column from its title and its first rows, so that
 * the rows and the totals line up. */
static int
column_width (ReportsReportView *self,
              guint              column,
              int                char_width)
{
  YeastarReportTable *rows = yeastar_report_loader_get_rows (self->loader);
  guint n = MIN (yeastar_report_table_get_n_rows (rows), SAMPLE_ROWS);
  g_autofree char *title = column_title (self->loader, column);
  glong chars = g_utf8_strlen (title, -1) + 2;

  for (guint i = 0; i < n; i++)
    chars = MAX (chars, g_utf8_strlen (yeastar_report_table_get_cell (rows, i, column), -1));

  return CLAMP ((int) chars * MAX (char_width, 6) + 24, 64, 420);
}

static void
column_visible_cb (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  GtkColumnViewColumn *column = user_data;

  g_simple_action_set_state (action, state);
  gtk_column_view_column_set_visible (column, g_variant_get_boolean (state));
}

/* The totals' column under the rows' column @i: its width and
 * visibility follow it. */
static void
add_total_column (ReportsReportView *self,
                  guint              i)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);
  g_autoptr(GtkColumnViewColumn) total = NULL;
  g_autofree char *title = column_title (self->loader, i);

  total = gtk_column_view_column_new (title, cell_factory_new (self, i, TRUE));
  gtk_column_view_append_column (self->totals_view, total);
  g_object_bind_property (column, "fixed-width", total, "fixed-width", G_BINDING_SYNC_CREATE);
  g_object_bind_property (column, "visible", total, "visible", G_BINDING_SYNC_CREATE);
}

static void
add_column (ReportsReportView *self,
            guint              i)
{
  g_autofree char *title = column_title (self->loader, i);
  g_autofree char *action_name = g_strdup_printf ("column-%u", i);
  g_autofree char *detailed = g_strdup_printf ("columns.column-%u", i);
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(ReportsCellSorter) sorter = reports_cell_sorter_new (self->loader, i);
  g_autoptr(GSimpleAction) action = NULL;

  column = gtk_column_view_column_new (title, cell_factory_new (self, i, FALSE));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_append_column (self->column_view, column);
  /* The totals' columns (their header hidden, but made all the same)
   * wait for a total: most reports have one, at their end. */
  if (self->has_totals)
    add_total_column (self, i);

  action = g_simple_action_new_stateful (action_name, NULL, g_variant_new_boolean (TRUE));
  g_signal_connect_object (action, "change-state", G_CALLBACK (column_visible_cb), column, 0);
  g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
  g_menu_append (self->columns_menu, title, detailed);
}

static void
set_widths (ReportsReportView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0123456789");
  int char_width;

  /* The width of a digit: pango_context_get_metrics() would load every
   * font of the language's coverage, 10 ms and more a call. */
  pango_layout_get_pixel_size (layout, &char_width, NULL);
  char_width = (char_width + 9) / 10;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_fixed_width (column, column_width (self, i, char_width));
    }
  self->widths_set = TRUE;
}

static void
update_columns (ReportsReportView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = yeastar_report_loader_get_n_columns (self->loader);

  for (guint i = g_list_model_get_n_items (columns); i < n; i++)
    add_column (self, i);
}

static void
fill_preamble (ReportsReportView *self)
{
  const char * const *lines = yeastar_report_loader_get_preamble (self->loader);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preamble_box))) != NULL)
    gtk_box_remove (self->preamble_box, child);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *text = yeastar_text_escape (lines[i], -1);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, i == 0 ? "heading" : "dim-label");
      gtk_box_append (self->preamble_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preamble_box), lines[0] != NULL);
}

/* The totals' area from the first screen on, while the file loads: a
 * row of empty cells under "Totals when the whole file is read". */
static void
show_totals_pending (ReportsReportView *self)
{
  g_autoptr(GListStore) store = g_list_store_new (REPORTS_TYPE_REPORT_ROW);
  g_autoptr(ReportsReportRow) placeholder = reports_report_row_new (G_MAXUINT, TRUE);
  g_autoptr(GtkNoSelection) selection = NULL;

  g_list_store_append (store, placeholder);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));
  self->has_totals = TRUE;
  self->awaiting_totals = TRUE;
  gtk_column_view_set_model (self->totals_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_column_separators (self->totals_view, FALSE);
  gtk_widget_set_visible (self->totals_pending, TRUE);
  gtk_widget_set_visible (self->totals_area, TRUE);
}

/* The file's totals in place of the placeholder: the same height for
 * one total row, so only the totals' area is laid out again. */
static void
show_totals (ReportsReportView *self)
{
  if (!self->awaiting_totals)
    return;
  self->awaiting_totals = FALSE;
  gtk_column_view_set_model (self->totals_view, self->totals_selection);
  gtk_column_view_set_show_column_separators (self->totals_view, TRUE);
  gtk_widget_set_visible (self->totals_pending, FALSE);
}

static void
header_ready_cb (ReportsReportView   *self,
                 YeastarReportLoader *loader)
{
  fill_preamble (self);
  if (!self->has_totals && yeastar_report_loader_is_loading (loader) &&
      yeastar_report_table_get_n_rows (yeastar_report_loader_get_totals (loader)) == 0)
    show_totals_pending (self);
  update_columns (self);
}

static void ramp (ReportsReportView *self);

static void
ramp_frame_cb (GdkFrameClock     *clock,
               ReportsReportView *self)
{
  g_clear_signal_handler (&self->ramp_frame_handler, clock);
  self->ramp_in_frame = 0;
  ramp (self);
}

static void update_empty (ReportsReportView *self);

static gboolean
ramp_cb (gpointer user_data)
{
  ReportsReportView *self = REPORTS_REPORT_VIEW (user_data);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 start = g_get_monotonic_time ();
  /* (The rows delivered and not shown yet.) */
  guint waiting = reports_row_model_show_more (self->rows, 0);

  /* One row at a time: its widgets are made in ::items-changed, so the
   * time taken is the cost. */
  while (waiting > 0 && (clock == NULL || self->ramp_in_frame < RAMP_ROWS_PER_FRAME) &&
         g_list_model_get_n_items (G_LIST_MODEL (self->rows)) < RAMP_ROWS &&
         g_get_monotonic_time () - start < RAMP_BUDGET_US)
    {
      waiting = reports_row_model_show_more (self->rows, 1);
      self->ramp_in_frame++;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) >= RAMP_ROWS ||
      (waiting == 0 && !yeastar_report_loader_is_loading (self->loader)))
    {
      self->ramping = FALSE;
      reports_row_model_hold (self->rows, FALSE);
      update_empty (self);
    }
  if (!self->ramping || waiting == 0)
    {
      /* Rows to come: the next batch starts it again. */
      self->ramp_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->ramp_in_frame >= RAMP_ROWS_PER_FRAME && clock != NULL)
    {
      /* The next rows after the frame that lays these out. */
      self->ramp_source = 0;
      self->ramp_frame_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (ramp_frame_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
ramp (ReportsReportView *self)
{
  if (self->ramping && self->ramp_source == 0 && self->ramp_frame_handler == 0)
    self->ramp_source = g_idle_add_full (G_PRIORITY_LOW, ramp_cb, self, NULL);
}

static void
first_paint_cb (GdkFrameClock     *clock,
                ReportsReportView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  /* The worker waits after the first batch, if asked to, until then. */
  if (self->loader != NULL)
    yeastar_report_loader_resume (self->loader);
  if (self->rows != NULL)
    {
      self->ramping = TRUE;
      ramp (self);
    }
}

static void
wait_first_paint (ReportsReportView *self)
{
  g_signal_handlers_disconnect_by_func (self, wait_first_paint, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rows_added_cb (ReportsReportView   *self,
               guint                position,
               guint                n_added,
               YeastarReportLoader *loader)
{
  if (self->widths_set)
    {
      ramp (self);
      return;
    }

  set_widths (self);
  /* The first screen of rows is drawn before the next batches: GTK 4.8
   * makes up to 200 row widgets at once, a cell widget per column each.
   * The window may not be shown yet (it waits for these rows). */
  if (position == 0 && yeastar_report_loader_is_loading (loader))
    {
      reports_row_model_hold (self->rows, TRUE);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        wait_first_paint (self);
      else
        g_signal_connect (self, "map", G_CALLBACK (wait_first_paint), NULL);
    }
}

/* The totals in their placeholder's place; a file read without totals
 * loses the area. */
static void
end_totals_pending (ReportsReportView *self)
{
  gboolean any = yeastar_report_table_get_n_rows (yeastar_report_loader_get_totals (self->loader)) > 0;

  show_totals (self);
  gtk_widget_set_visible (self->totals_area, any);
}

static void
totals_frame_cb (GdkFrameClock     *clock,
                 ReportsReportView *self)
{
  g_signal_handlers_disconnect_by_func (clock, totals_frame_cb, self);
  if (self->loader != NULL && self->awaiting_totals)
    end_totals_pending (self);
}

/* The end of the load, with the placeholder on screen: the totals come
 * in the frame after the one of the load's last batch, which hides the
 * window's progress bar at the top of the content. GTK 4.8's cairo
 * renderer on X11 repaints the bounding box of a frame's changes: the
 * bar and the totals in one frame repainted the whole content, about
 * 20 ms of the main thread (docs/benchmarks.md); in two frames each is
 * a strip. */
static void
end_totals_pending_after_paint (ReportsReportView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      end_totals_pending (self);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, totals_frame_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (totals_frame_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Over the rows' area, once the file is read: that it has no rows, or
 * that the search matches none. */
static void
update_empty (ReportsReportView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean loaded = self->loader != NULL && !yeastar_report_loader_is_loading (self->loader);
  gboolean no_rows = loaded &&
                     yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (self->loader)) == 0;
  gboolean no_match = loaded && !no_rows && !self->ramping && search[0] != '\0' &&
                      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  if (no_rows)
    gtk_label_set_label (self->empty_label, _("This report has no rows"));
  else if (no_match)
    gtk_label_set_label (self->empty_label, _("No rows match the search"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), no_rows || no_match);
}

static void
loading_cb (ReportsReportView *self)
{
  ramp (self);
  update_empty (self);
  /* Read, and no totals: the placeholder goes. */
  if (self->awaiting_totals && !yeastar_report_loader_is_loading (self->loader))
    end_totals_pending_after_paint (self);
}

static void
totals_added_cb (ReportsReportView   *self,
                 guint                position,
                 guint                n_added,
                 YeastarReportLoader *loader)
{
  if (!self->has_totals)
    {
      guint n = g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));

      self->has_totals = TRUE;
      for (guint i = 0; i < n; i++)
        add_total_column (self, i);
    }
  if (self->awaiting_totals)
    {
      end_totals_pending_after_paint (self);
    }
  else
    {
      show_totals (self);
      gtk_widget_set_visible (self->totals_area, TRUE);
    }
  if (!self->widths_set)
    set_widths (self);
}

static void
sorter_changed_cb (ReportsReportView *self,
                   GtkSorterChange    change,
                   GtkSorter         *sorter)
{
  guint column;
  gboolean descending;

  if (self->rows == NULL)
    return;
  if (reports_cell_sorter_find_primary (sorter, &column, &descending))
    reports_row_model_set_sort (self->rows, (int) column, descending);
  else
    reports_row_model_set_sort (self->rows, -1, FALSE);
}

static void
search_changed_cb (ReportsReportView *self,
                   GtkSearchEntry    *entry)
{
  if (self->rows != NULL)
    reports_row_model_set_search (self->rows, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_empty (self);
}

void
reports_report_view_set_loader (ReportsReportView   *self,
                                YeastarReportLoader *loader)
{
  GtkWidget *totals_header;

  g_return_if_fail (REPORTS_IS_REPORT_VIEW (self));
  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (loader));
  g_return_if_fail (self->loader == NULL);

  self->loader = g_object_ref (loader);
  self->rows = reports_row_model_new (loader, FALSE);
  self->totals = reports_row_model_new (loader, TRUE);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  g_signal_connect_object (self->rows, "reordered", G_CALLBACK (reordered_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->totals_selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->totals))));
  gtk_column_view_set_model (self->totals_view, self->totals_selection);

  /* The totals have no header of their own: they sit under the rows'. */
  totals_header = gtk_widget_get_first_child (GTK_WIDGET (self->totals_view));
  if (totals_header != NULL)
    gtk_widget_set_visible (totals_header, FALSE);
  /* (One adjustment shared by the two scrolled windows makes GTK 4.8
   * restyle their scrollbars while it styles them, a use after free.) */
  g_object_bind_property (gtk_scrolled_window_get_hadjustment (self->rows_window), "value",
                          gtk_scrolled_window_get_hadjustment (self->totals_window), "value",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (loader, "header-ready", G_CALLBACK (header_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loader, "columns-changed", G_CALLBACK (update_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loader, "rows-added", G_CALLBACK (rows_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loader, "totals-added", G_CALLBACK (totals_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loader, "notify::loading", G_CALLBACK (loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  if (yeastar_report_loader_is_header_ready (loader))
    header_ready_cb (self, loader);
}

GtkWidget *
reports_report_view_get_search_bar (ReportsReportView *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_VIEW (self), NULL);

  return GTK_WIDGET (self->search_bar);
}

GtkWidget *
reports_report_view_get_column_view (ReportsReportView *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_VIEW (self), NULL);

  return GTK_WIDGET (self->column_view);
}

/**
 * reports_report_view_get_columns_menu:
 *
 * Returns: (transfer none): a menu of the columns to show, whose actions
 *   are in the group "columns" of the view
 */
GMenuModel *
reports_report_view_get_columns_menu (ReportsReportView *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_VIEW (self), NULL);

  return G_MENU_MODEL (self->columns_menu);
}

/**
 * reports_report_view_get_column_actions:
 *
 * Returns: (transfer none): the actions of reports_report_view_get_columns_menu()
 */
GActionGroup *
reports_report_view_get_column_actions (ReportsReportView *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_VIEW (self), NULL);

  return G_ACTION_GROUP (self->column_actions);
}

static void
append_tsv_cell (GString    *tsv,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (tsv, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/**
 * reports_report_view_dup_selection_tsv:
 *
 * Returns: (nullable): the selected rows' visible cells as tab-separated
 *   lines, the column titles first; %NULL when nothing is selected
 */
char *
reports_report_view_dup_selection_tsv (ReportsReportView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autoptr(GArray) visible = NULL;
  GListModel *columns;
  GtkBitsetIter iter;
  YeastarReportTable *rows;
  guint position;

  g_return_val_if_fail (REPORTS_IS_REPORT_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return NULL;

  visible = g_array_new (FALSE, FALSE, sizeof (guint));
  columns = gtk_column_view_get_columns (self->column_view);
  tsv = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      if (visible->len > 0)
        g_string_append_c (tsv, '\t');
      append_tsv_cell (tsv, yeastar_report_loader_get_column_name (self->loader, i));
      g_array_append_val (visible, i);
    }
  g_string_append_c (tsv, '\n');

  rows = yeastar_report_loader_get_rows (self->loader);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      guint row = reports_row_model_get_row (self->rows, position);

      for (guint i = 0; i < visible->len; i++)
        {
          if (i > 0)
            g_string_append_c (tsv, '\t');
          append_tsv_cell (tsv, yeastar_report_table_get_cell (rows, row, g_array_index (visible, guint, i)));
        }
      g_string_append_c (tsv, '\n');
    }

  return g_string_free (g_steal_pointer (&tsv), FALSE);
}

void
reports_report_view_copy_selection (ReportsReportView *self)
{
  g_autofree char *tsv = NULL;

  g_return_if_fail (REPORTS_IS_REPORT_VIEW (self));

  tsv = reports_report_view_dup_selection_tsv (self);
  if (tsv != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  reports_report_view_copy_selection (REPORTS_REPORT_VIEW (widget));
}

static void
reports_report_view_dispose (GObject *object)
{
  ReportsReportView *self = REPORTS_REPORT_VIEW (object);

  /* (A frame's handler waiting goes with the view.) */
  self->ramping = FALSE;
  g_clear_handle_id (&self->ramp_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_REPORT_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->totals_selection);
  g_clear_object (&self->totals);
  g_clear_object (&self->loader);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->columns_menu);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (reports_report_view_parent_class)->dispose (object);
}

static void
reports_report_view_class_init (ReportsReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_report_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, box);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, preamble_box);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, rows_window);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, totals_area);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, totals_pending);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, totals_window);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportView, totals_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "view.copy", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportview");
}

static void
reports_report_view_init (ReportsReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_actions = g_simple_action_group_new ();
  self->columns_menu = g_menu_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (self->column_actions));
}

GtkWidget *
reports_report_view_new (void)
{
  return g_object_new (REPORTS_TYPE_REPORT_VIEW, NULL);
}
