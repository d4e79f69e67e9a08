/* reports-viewer-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-chart.h"
#include "reports-compat.h"
#include "reports-report-view.h"
#include "reports-sort-menu.h"
#include "reports-viewer.h"
#include "reports-viewer-window.h"
#include "yeastar-report-loader.h"
#include "yeastar-text.h"

/*
 * A window per report file: the title and period of its preamble in the
 * header bar, a Table | Chart switcher, a progress bar while the rows
 * stream in (the first screen shows at once), and the viewer's actions:
 * search (Ctrl+F), copy the selected rows as TSV (Ctrl+C), show or hide
 * columns, sort by a column from the menu (ReportsSortMenu), the table or
 * the chart (Alt+1, Alt+2), export the chart as PNG or SVG (Ctrl+E,
 * Shift+Ctrl+E), and its own shortcuts window (Ctrl+?). A file dropped
 * on it opens in a window of its own. Closing the window stops the
 * reading.
 *
 * reports_viewer_window_present_when_ready() shows the window once the
 * first screen of rows is in (or the file failed, or a moment passed):
 * its first frame shows them, instead of an empty window whose frames
 * the rows then wait behind. The first batch of rows is a screenful of
 * the window's height: every row of it gets its widgets at once.
 */

/* The least height of a table row, in pixels: the first batch fills the
 * window's height below its header bar with rows of it (the first of them
 * is the column titles' height at least), whatever the preamble above
 * them takes. */
#define MIN_ROW_HEIGHT        24
/* The least height of the header bar, in pixels (libadwaita's is 46 and
 * more). */
#define MIN_HEADER_BAR_HEIGHT 46
/* How long reports_viewer_window_present_when_ready() waits at most. */
#define PRESENT_TIMEOUT_MS 250
/* How long the reading waits at most for the first screen to be drawn
 * (the view resumes it after that frame). */
#define FIRST_SCREEN_PAUSE_MS 1000

struct _ReportsViewerWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *switcher_bar;
  GtkToggleButton      *search_button;
  GtkProgressBar       *progress_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  ReportsReportView    *report_view;
  GtkStack             *chart_stack;
  GtkStack             *chart_content_stack;
  GtkSpinner           *chart_spinner;
  AdwStatusPage        *chart_status;
  GtkLabel             *chart_title;
  GtkDropDown          *value_dropdown;
  ReportsChart         *chart;
  AdwStatusPage        *error_page;
  GMenu                *columns_submenu;
  GMenu                *sort_submenu;
  GtkMenuButton        *menu_button;
  GMenuModel           *viewer_menu;
  gulong                title_visible_handler;  /* the bar shown while the title is */

  /* Owned references */
  GFile                *file;
  YeastarReportLoader  *loader;
  GArray               *chart_columns;  /* guint: the dropdown's columns */
  ReportsSortMenu      *sort_menu;
  int                   label_column;

  /* Cancelled when the window closes */
  GCancellable         *cancellable;
  /* The chart's data being made; cancelled by another column's choice */
  GCancellable         *chart_cancellable;
  guint                 present_source;  /* waiting to be presented */
};

G_DEFINE_FINAL_TYPE (ReportsViewerWindow, reports_viewer_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (ReportsViewerWindow *self,
       const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_titles (ReportsViewerWindow *self)
{
  const char * const *preamble = yeastar_report_loader_get_preamble (self->loader);
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *name = yeastar_text_escape (basename, -1);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* The title line, and the period (or the next line) as the subtitle. */
  title = preamble[0] != NULL ? yeastar_text_escape (preamble[0], -1) : g_strdup (name);
  for (guint i = 1; preamble[0] != NULL && preamble[i] != NULL && subtitle == NULL; i++)
    if (g_str_has_prefix (preamble[i], "Period") || preamble[i + 1] == NULL || i == 1)
      subtitle = yeastar_text_escape (preamble[i], -1);
  if (subtitle == NULL)
    subtitle = g_strdup (preamble[0] != NULL ? name : "");

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
progress_cb (ReportsViewerWindow *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, yeastar_report_loader_get_fraction (self->loader));
}

static void
show_chart_busy (ReportsViewerWindow *self,
                 gboolean             busy)
{
  gtk_spinner_set_spinning (self->chart_spinner, busy);
  gtk_stack_set_visible_child_name (self->chart_content_stack, busy ? "busy" : "chart");
}

static void
chart_data_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ReportsViewerWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ReportsChartData *data = reports_chart_data_new_for_report_finish (result, &error);

  /* Cancelled: the window closed, or another column was chosen. */
  if (data == NULL)
    return;

  g_clear_object (&self->chart_cancellable);
  gtk_label_set_text (self->chart_title, data->title);
  reports_chart_set_data (self->chart, data);
  show_chart_busy (self, FALSE);
}

/* The chart's data is made from every row in a worker thread (a million
 * rows take a while); the chart shows a spinner meanwhile. */
static void
value_selected_cb (ReportsViewerWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->value_dropdown);

  if (self->chart_columns == NULL || selected >= self->chart_columns->len || self->label_column < 0)
    return;

  g_cancellable_cancel (self->chart_cancellable);
  g_clear_object (&self->chart_cancellable);
  /* (dispose cancels it too.) */
  self->chart_cancellable = g_cancellable_new ();

  gtk_label_set_text (self->chart_title, "");
  reports_chart_set_data (self->chart, NULL);
  show_chart_busy (self, TRUE);
  reports_chart_data_new_for_report_async (self->loader, (guint) self->label_column,
                                           g_array_index (self->chart_columns, guint, selected),
                                           self->chart_cancellable, chart_data_cb, g_object_ref (self));
}

/* The dropdown of the columns to chart: numbers and durations, the
 * first one after the label column chosen. */
static void
fill_chart (ReportsViewerWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = yeastar_report_loader_get_n_columns (self->loader);
  gboolean no_rows = yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (self->loader)) == 0;
  guint chosen = 0;

  g_clear_pointer (&self->chart_columns, g_array_unref);
  self->chart_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_column = reports_chart_data_find_label_column (self->loader);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;

      if ((int) i == self->label_column || !reports_chart_data_is_chartable (yeastar_report_loader_get_column_kind (self->loader, i)))
        continue;
      if (yeastar_report_loader_get_column_kind (self->loader, i) == YEASTAR_CELL_KIND_INTEGER &&
          self->chart_columns->len == chosen && i < (guint) self->label_column)
        chosen++;  /* an extension or queue number before the label is no value */
      name = yeastar_text_escape (yeastar_report_loader_get_column_name (self->loader, i), -1);
      gtk_string_list_append (names, name);
      g_array_append_val (self->chart_columns, i);
    }

  if (self->chart_columns->len == 0 || self->label_column < 0 || no_rows)
    {
      /* Say which: a report with no row (a period without calls) has
       * no column kinds either (they come from the cells), and is not
       * one without numbers. */
      if (no_rows)
        adw_status_page_set_description (self->chart_status, _("The report has no rows: no calls in its period match its filters."));
      else
        adw_status_page_set_description (self->chart_status, _("The report has no column of numbers or durations."));
      gtk_stack_set_visible_child_name (self->chart_stack, "empty");
      return;
    }

  gtk_drop_down_set_model (self->value_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->value_dropdown, MIN (chosen, self->chart_columns->len - 1));
  value_selected_cb (self);
  gtk_stack_set_visible_child_name (self->chart_stack, "chart");
}

static void
header_ready_cb (ReportsViewerWindow *self)
{
  update_titles (self);
  /* The view has made its columns' toggles by now: one change. */
  g_menu_append_section (self->columns_submenu, NULL, reports_report_view_get_columns_menu (self->report_view));

  self->sort_menu = reports_sort_menu_new (GTK_COLUMN_VIEW (reports_report_view_get_column_view (self->report_view)));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", reports_sort_menu_get_action_group (self->sort_menu));
  g_menu_append_section (self->sort_submenu, NULL, reports_sort_menu_get_menu (self->sort_menu));
}

/* The menu's popover is made when it is first opened: its column
 * toggles cost the first screen of rows nothing. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  ReportsViewerWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->viewer_menu);
}

static void
present_now (ReportsViewerWindow *self)
{
  if (self->present_source == 0)
    return;

  g_clear_handle_id (&self->present_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->loader, present_now, self);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  ReportsViewerWindow *self = user_data;

  g_signal_handlers_disconnect_by_func (self->loader, present_now, self);
  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ReportsViewerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  present_now (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);

  if (!yeastar_report_loader_load_finish (YEASTAR_REPORT_LOADER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (!yeastar_report_loader_is_header_ready (self->loader))
        {
          g_autofree char *message = yeastar_text_escape (error->message, -1);

          adw_status_page_set_description (self->error_page, message);
          gtk_stack_set_visible_child_name (self->main_stack, "error");
          /* No table nor chart: the file's name in the header bar. */
          adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->search_button), FALSE);
          g_clear_signal_handler (&self->title_visible_handler, self->switcher_title);
          gtk_widget_set_visible (self->switcher_bar, FALSE);
          return;
        }
      toast (self, error->message);
    }
  else if (yeastar_report_loader_is_truncated (self->loader))
    {
      toast (self, _("The file ends inside a quoted cell: its last row may be incomplete"));
    }

  fill_chart (self);
}

static void
start_loading (ReportsViewerWindow *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *name = yeastar_text_escape (basename, -1);

  adw_view_switcher_title_set_title (self->switcher_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  int width, height;

  self->loader = yeastar_report_loader_new (self->file);
  /* (GTK 4.8 needs both.) */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  yeastar_report_loader_set_first_batch (self->loader, (guint) MAX (height - MIN_HEADER_BAR_HEIGHT, 1) / MIN_ROW_HEIGHT + 1);
  /* A worker reading on at full speed took a core from the first screen
   * (the main thread, the display server, Pango's font thread): about a
   * sixth of its time on a 2-core machine (docs/benchmarks.md). */
  yeastar_report_loader_set_first_batch_pause (self->loader, FIRST_SCREEN_PAUSE_MS);
  g_signal_connect_object (self->loader, "header-ready", G_CALLBACK (header_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify::bytes-read", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  reports_report_view_set_loader (self->report_view, self->loader);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  yeastar_report_loader_load_async (self->loader, self->cancellable, load_cb, g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  reports_report_view_copy_selection (REPORTS_VIEWER_WINDOW (widget)->report_view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "table");
  gtk_toggle_button_set_active (self->search_button, !gtk_toggle_button_get_active (self->search_button));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ReportsViewerWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = reports_compat_choose_file_finish (result, &error);
  g_autofree char *path = NULL;
  gboolean ok;

  if (file == NULL)
    return;

  path = g_file_get_basename (file);
  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    ok = reports_chart_save_svg (self->chart, file, self->cancellable, &error);
  else
    ok = reports_chart_save_png (self->chart, file, &error);

  if (!ok)
    {
      toast (self, error->message);
      return;
    }
  {
    g_autofree char *escaped = yeastar_text_escape (path, -1);
    g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), escaped);

    toast (self, text);
  }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  const ReportsChartData *data = reports_chart_get_data (self->chart);
  g_autofree char *name = NULL;

  if (data == NULL)
    {
      toast (self, _("There is no chart to export"));
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "chart");
  name = g_strdup_printf ("%s.%s", data->title, g_str_equal (format, "svg") ? "svg" : "png");
  g_strdelimit (name, "/\\", '-');
  reports_compat_save_file_async (GTK_WINDOW (self),
                                  g_str_equal (format, "svg") ? _("Export Chart as SVG") : _("Export Chart as PNG"),
                                  name, self->cancellable, export_done_cb, g_object_ref (self));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Built when asked for, as the main window's. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/reports-viewer-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* The bar at the bottom when the header has no room for the switcher:
 * hidden, not only unrevealed, so that the first screen neither measures
 * it nor loads its font. */
static void
title_visible_cb (ReportsViewerWindow *self)
{
  gtk_widget_set_visible (self->switcher_bar, adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* The bar gets its stack, and so its buttons, when first shown: about
 * 1 % of the main thread's work to the first screen (callgrind) went to
 * buttons never shown. */
static void
switcher_bar_map_cb (ReportsViewerWindow *self)
{
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (self->switcher_bar);

  if (adw_view_switcher_bar_get_stack (bar) == NULL)
    adw_view_switcher_bar_set_stack (bar, self->view_stack);
}

static void
dark_cb (ReportsViewerWindow *self,
         GParamSpec          *pspec,
         AdwStyleManager     *manager)
{
  reports_chart_set_dark (self->chart, adw_style_manager_get_dark (manager));
}

static void
reports_viewer_window_constructed (GObject *object)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (object);

  G_OBJECT_CLASS (reports_viewer_window_parent_class)->constructed (object);

  if (self->file != NULL)
    start_loading (self);
}

static void
reports_viewer_window_dispose (GObject *object)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->chart_cancellable);
  g_clear_handle_id (&self->present_source, g_source_remove);
  if (self->switcher_title != NULL)
    g_clear_signal_handler (&self->title_visible_handler, self->switcher_title);
  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_VIEWER_WINDOW);

  g_clear_object (&self->loader);
  g_clear_pointer (&self->chart_columns, g_array_unref);
  g_clear_object (&self->sort_menu);

  G_OBJECT_CLASS (reports_viewer_window_parent_class)->dispose (object);
}

static void
reports_viewer_window_finalize (GObject *object)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->chart_cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_viewer_window_parent_class)->finalize (object);
}

static void
reports_viewer_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_viewer_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ReportsViewerWindow *self = REPORTS_VIEWER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_viewer_window_class_init (ReportsViewerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reports_viewer_window_constructed;
  object_class->dispose = reports_viewer_window_dispose;
  object_class->finalize = reports_viewer_window_finalize;
  object_class->get_property = reports_viewer_window_get_property;
  object_class->set_property = reports_viewer_window_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REPORTS_TYPE_REPORT_VIEW);
  g_type_ensure (REPORTS_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-viewer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart_content_stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart_spinner);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart_status);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, value_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, columns_submenu);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, sort_submenu);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsViewerWindow, viewer_menu);

  gtk_widget_class_install_action (widget_class, "viewer.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "viewer.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "viewer.show-view", "s", show_view_action);
  /* Ctrl+? is the application's accelerator of this action name. */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "viewer.show-view", "s", "table");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "viewer.show-view", "s", "chart");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "viewer.export", "s", "png");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "viewer.export", "s", "svg");
}

static void
reports_viewer_window_init (ReportsViewerWindow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *search_bar;

  self->cancellable = g_cancellable_new ();
  self->label_column = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  self->title_visible_handler = g_signal_connect_object (self->switcher_title, "notify::title-visible",
                                                         G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  title_visible_cb (self);
  g_signal_connect_object (self->switcher_bar, "map", G_CALLBACK (switcher_bar_map_cb), self, G_CONNECT_SWAPPED);

  search_bar = reports_report_view_get_search_bar (self->report_view);
  g_object_bind_property (self->search_button, "active", search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (search_bar), GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  reports_report_view_get_column_actions (self->report_view));

  g_signal_connect_object (self->value_dropdown, "notify::selected", G_CALLBACK (value_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_cb), self, G_CONNECT_SWAPPED);
  dark_cb (self, NULL, manager);

  reports_viewer_install_drop_target (GTK_WIDGET (self));
}

/**
 * reports_viewer_window_new:
 *
 * A window showing @file; it starts reading it at once.
 */
ReportsViewerWindow *
reports_viewer_window_new (GtkApplication *application,
                           GFile          *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (REPORTS_TYPE_VIEWER_WINDOW,
                       "application", application,
                       "file", file,
                       NULL);
}

/**
 * reports_viewer_window_present_when_ready:
 *
 * Presents the window as soon as the first screen of rows is read, the
 * file is read or failed, or after a quarter of a second at the latest.
 */
void
reports_viewer_window_present_when_ready (ReportsViewerWindow *self)
{
  g_return_if_fail (REPORTS_IS_VIEWER_WINDOW (self));

  if (self->present_source != 0)
    return;
  if (self->loader == NULL || !yeastar_report_loader_is_loading (self->loader) ||
      yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (self->loader)) > 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->present_source = g_timeout_add (PRESENT_TIMEOUT_MS, present_timeout_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->present_source),
                            "[reports] present viewer");
  g_signal_connect_object (self->loader, "rows-added", G_CALLBACK (present_now), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GFile *
reports_viewer_window_get_file (ReportsViewerWindow *self)
{
  g_return_val_if_fail (REPORTS_IS_VIEWER_WINDOW (self), NULL);

  return self->file;
}

/**
 * reports_viewer_window_get_loader:
 *
 * Returns: (transfer none): the reader of the file (for the benchmark)
 */
YeastarReportLoader *
reports_viewer_window_get_loader (ReportsViewerWindow *self)
{
  g_return_val_if_fail (REPORTS_IS_VIEWER_WINDOW (self), NULL);

  return self->loader;
}

/**
 * reports_viewer_window_get_chart:
 *
 * Returns: (transfer none): the chart (for the benchmark)
 */
GtkWidget *
reports_viewer_window_get_chart (ReportsViewerWindow *self)
{
  g_return_val_if_fail (REPORTS_IS_VIEWER_WINDOW (self), NULL);

  return GTK_WIDGET (self->chart);
}

/**
 * reports_viewer_window_get_report_view:
 *
 * Returns: (transfer none): the table
 */
GtkWidget *
reports_viewer_window_get_report_view (ReportsViewerWindow *self)
{
  g_return_val_if_fail (REPORTS_IS_VIEWER_WINDOW (self), NULL);

  return GTK_WIDGET (self->report_view);
}
