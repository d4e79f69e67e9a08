/* reports-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#if HAVE_BENCH_HOOK
# include "reports-bench.h"
#endif
#include "reports-compat.h"
#include "reports-connect-page.h"
#include "reports-download-label.h"
#include "reports-downloads-page.h"
#include "reports-report-page.h"
#include "reports-viewer.h"
#include "reports-window.h"
#include "sets/reports-add-to-set-dialog.h"
#include "sets/reports-sets-window.h"
#include "yeastar-text.h"

/* How long the application stays after its last window closed, waiting
 * for the PBX to revoke the token (del_token). */
#define REVOKE_TIMEOUT_SECONDS 10

struct _ReportsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;
  ReportsSession       *session;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;   /* until the first connection */
  GtkBox               *content_box;
  AdwViewSwitcherTitle *switcher_title; /* from the first connection on */
  AdwViewSwitcherBar   *switcher_bar;
  GtkButton            *disconnect_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwViewStack         *main_stack;     /* likewise */
  ReportsConnectPage   *connect_page;
  ReportsReportPage    *report_page;    /* built at the first connection */
  ReportsDownloadsPage *downloads_page; /* likewise */
  AdwToast             *last_toast;     /* weak */
};

G_DEFINE_FINAL_TYPE (ReportsWindow, reports_window, ADW_TYPE_APPLICATION_WINDOW)

ReportsWindow *
reports_window_new (ReportsApplication *application)
{
  g_return_val_if_fail (REPORTS_IS_APPLICATION (application), NULL);

  return g_object_new (REPORTS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
reports_window_connect_demo (ReportsWindow *self)
{
  g_return_if_fail (REPORTS_IS_WINDOW (self));

  reports_connect_page_connect_demo (self->connect_page);
}

void
reports_window_reconnect (ReportsWindow *self)
{
  g_return_if_fail (REPORTS_IS_WINDOW (self));

  reports_connect_page_reconnect_last (self->connect_page);
}

static void
download_cb (ReportsWindow        *self,
             YeastarReportRequest *request,
             GFile                *folder)
{
  reports_downloads_page_start (self->downloads_page, request, folder);
}

/* A toast where it covers no control the user needs: over the Request
 * page's form, above its bar, while that page shows; else over the page
 * shown, below the header bar and above the narrow window's switcher.
 *
 * The newest toast replaces the one before, which is dismissed first, so
 * no toast needs ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 aborts when a
 * high-priority toast is dismissed while the toast it postponed is still
 * hiding (show_toast: assertion failed: (!info->widget)), as a set run's
 * reports finishing one after another did. */
static void
add_toast (ReportsWindow *self,
           AdwToast      *toast)
{
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, toast);

  if (self->report_page != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") == 0 &&
      adw_view_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->report_page))
    reports_report_page_add_toast (self->report_page, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast when a download ends: "Saved ‘Queue Performance, November
 * 2026’" with Open, or the failure with Details, which shows the row. */
static void
download_finished_cb (ReportsWindow         *self,
                      ReportsDownloadRecord *record)
{
  g_autofree char *name = reports_download_label_title (reports_download_record_get_report_type (record),
                                                        reports_download_record_get_values (record));
  g_autofree char *title = NULL;
  AdwToast *toast;

  switch (reports_download_record_get_status (record))
    {
    case REPORTS_DOWNLOAD_DONE:
      /* Translators: a toast; %s is a report's name, e.g. "Queue Performance, November 2026". */
      title = g_strdup_printf (_("Saved ‘%s’"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_detailed_action_name (toast, "win.open-download");
      break;

    case REPORTS_DOWNLOAD_FAILED:
      /* Translators: a toast; %s is a report's name, e.g. "Queue Performance, November 2026". */
      title = g_strdup_printf (_("Could not download ‘%s’"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_detailed_action_name (toast, "win.show-download");
      /* A failure stays until dismissed or followed by another toast. */
      adw_toast_set_timeout (toast, 0);
      break;

    case REPORTS_DOWNLOAD_RUNNING:
    case REPORTS_DOWNLOAD_CANCELLED:
    case REPORTS_DOWNLOAD_INTERRUPTED:
    default:
      return;
    }

  adw_toast_set_action_target_value (toast, g_variant_new_string (reports_download_record_get_id (record)));
  add_toast (self, toast);
}

/* Retry of a set's report whose set or PBX is gone: the record keeps
 * its first failure, the toast says why it did not run again. */
static void
retry_failed_cb (ReportsWindow         *self,
                 ReportsDownloadRecord *record,
                 const char            *reason)
{
  /* libadwaita 1.2's toast titles are markup. */
  g_autofree char *escaped = g_markup_escape_text (reason, -1);
  /* Translators: %s says why, e.g. the set “Daily” could not be read */
  g_autofree char *title = g_strdup_printf (_("Cannot retry: %s"), escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

static void
title_visible_cb (ReportsWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->session != NULL && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* The Request and Reports pages are built when first needed, so that
 * start-up draws only the connection page. */
static void
ensure_pages (ReportsWindow *self)
{
  g_autoptr(ReportsDownloadHistory) history = NULL;
  AdwViewStackPage *page;

  if (self->report_page != NULL)
    return;

  /* The page switcher too: start-up draws a plain title. */
  self->main_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->main_stack), "main");
  self->switcher_title = ADW_VIEW_SWITCHER_TITLE (adw_view_switcher_title_new ());
  adw_view_switcher_title_set_stack (self->switcher_title, self->main_stack);
  adw_view_switcher_title_set_title (self->switcher_title, _("Call Reports"));
  adw_header_bar_set_title_widget (self->header_bar, GTK_WIDGET (self->switcher_title));
  self->window_title = NULL;
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->main_stack);
  gtk_box_append (self->content_box, GTK_WIDGET (self->switcher_bar));
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (title_visible_cb), self,
                           G_CONNECT_SWAPPED);

  self->report_page = g_object_new (REPORTS_TYPE_REPORT_PAGE, NULL);
  reports_report_page_set_settings (self->report_page, self->settings);
  g_signal_connect_object (self->report_page, "download", G_CALLBACK (download_cb), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->main_stack, GTK_WIDGET (self->report_page), "request", _("Request"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");

  history = reports_download_history_dup_default ();
  self->downloads_page = reports_downloads_page_new (history);
  g_signal_connect_object (self->downloads_page, "finished", G_CALLBACK (download_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->downloads_page, "retry-failed", G_CALLBACK (retry_failed_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->main_stack, GTK_WIDGET (self->downloads_page), "reports", _("Reports"));
  adw_view_stack_page_set_icon_name (page, "folder-download-symbolic");

  adw_view_stack_set_visible_child_name (self->main_stack, "request");
}

static void
set_session (ReportsWindow  *self,
             ReportsSession *session)
{
  g_set_object (&self->session, session);

  if (session != NULL)
    ensure_pages (self);
  if (self->report_page != NULL)
    {
      reports_report_page_set_session (self->report_page, session);
      reports_downloads_page_set_session (self->downloads_page, session);
    }

  if (session != NULL)
    {
      YeastarPbxInfo *info = reports_session_get_pbx_info (session);
      g_autofree char *device_name = yeastar_text_escape (yeastar_pbx_info_get_device_name (info), -1);

      adw_view_switcher_title_set_subtitle (self->switcher_title, device_name);
      gtk_stack_set_visible_child_name (self->stack, "main");
    }
  else
    {
      if (self->switcher_title != NULL)
        adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "connect");
    }

  /* The switcher (and its bar, when the window is narrow) only while
   * connected. */
  if (self->switcher_title != NULL)
    {
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, session != NULL);
      title_visible_cb (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->disconnect_button), session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.disconnect", session != NULL);
  /* The demo PBX lives only as long as the window: no set can reach it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-set",
                                 session != NULL && !reports_session_is_demo (session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request", session != NULL);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  if (self->report_page != NULL)
    adw_view_stack_set_visible_child_name (self->main_stack, g_variant_get_string (parameter, NULL));
}

/* Ctrl+D, Ctrl+F (Ctrl+T) and Ctrl+Shift+O from any page: the Reports
 * page has no search of its own, so they show the Request page and act
 * there, as its Download button, its sidebar's search and its Save Into
 * button would. */
static void
request_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);
  const char *page_action = g_variant_get_string (parameter, NULL);

  if (self->report_page == NULL || self->session == NULL || !g_str_has_prefix (page_action, "report."))
    return;

  adw_view_stack_set_visible_child_name (self->main_stack, "request");
  gtk_widget_activate_action (GTK_WIDGET (self->report_page), page_action, NULL);
}

static void
open_download_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  if (self->downloads_page != NULL)
    reports_downloads_page_open (self->downloads_page, g_variant_get_string (parameter, NULL));
}

static void
show_download_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  if (self->downloads_page == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->main_stack, "reports");
  reports_downloads_page_reveal (self->downloads_page, g_variant_get_string (parameter, NULL));
}

static void
connected_cb (ReportsWindow  *self,
              ReportsSession *session)
{
  set_session (self, session);
}

static void
close_session_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  /* The token is revoked when the PBX answers; if it cannot, it expires
   * on its own within 30 minutes. */
  if (!reports_session_close_finish (REPORTS_SESSION (object), result, &error))
    g_debug ("Could not revoke the access token: %s", error->message);

  if (app != NULL)
    g_application_release (app);
}

static void
disconnect_now (ReportsWindow *self)
{
  /* Cancelled first, so that none is left waiting for a PBX that is gone;
   * the token is revoked after the calls still queued. */
  if (self->downloads_page != NULL)
    reports_downloads_page_cancel_all (self->downloads_page);

  reports_session_close_async (self->session, NULL, close_session_cb, NULL);
  set_session (self, NULL);
}

static void
confirm_disconnect_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ReportsWindow) self = user_data;

  if (reports_compat_confirm_finish (result, NULL) && self->session != NULL)
    disconnect_now (self);
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  if (self->session == NULL)
    return;

  /* Reports still being prepared or downloaded are not dropped silently. */
  if (self->downloads_page != NULL && reports_downloads_page_get_busy (self->downloads_page))
    {
      reports_compat_confirm_full_async (widget,
                                         _("Cancel Downloads and Disconnect?"),
                                         _("Reports are still being prepared or downloaded. They are "
                                           "cancelled, and nothing of them is saved."),
                                         _("_Keep Connected"),
                                         _("Cancel Downloads and _Disconnect"),
                                         TRUE, NULL, confirm_disconnect_cb, g_object_ref (self));
      return;
    }

  disconnect_now (self);
}

/* The shortcuts window is built when asked for, not with every window as
 * GtkApplication does with gtk/help-overlay.ui: that cost start-up 12 ms
 * (build-aux/bench.sh). */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/reports-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
sets_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  reports_sets_window_present (GTK_WINDOW (self), self->settings,
                               parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL);
}

static void
set_added_cb (ReportsWindow *self,
              const char    *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of a report set */
  g_autofree char *title = g_strdup_printf (_("Added to “%s”"), escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Show Set"));
  adw_toast_set_action_name (toast, "win.show-set");
  adw_toast_set_action_target (toast, "s", name);
  add_toast (self, toast);
}

/* "Add to Set…": the form's request and the PBX into a report set. */
static void
add_to_set_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);
  ReportsAddToSetDialog *dialog;

  if (self->session == NULL || self->report_page == NULL || reports_session_is_demo (self->session))
    return;

  dialog = reports_add_to_set_dialog_new (GTK_WINDOW (self), self->session,
                                          reports_report_page_get_request (self->report_page),
                                          self->settings);
  g_signal_connect_object (dialog, "added", G_CALLBACK (set_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The primary menu's popover is made when the menu is first opened:
 * start-up builds only what it shows. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ReportsWindow *self = REPORTS_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static gboolean
cancel_revocation (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_REMOVE;
}

/* The connection page takes the focus before the window is first shown,
 * where its map would give it: GTK then styles and measures the page
 * once with the focus where the first frame shows it, rather than again
 * after the focus moved in the middle of showing the window (about
 * 1.5 M instructions of start-up, docs/benchmarks.md). */
static void
reports_window_show (GtkWidget *widget)
{
  ReportsWindow *self = REPORTS_WINDOW (widget);

  if (self->session == NULL && gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    reports_connect_page_focus_form (self->connect_page);

  GTK_WIDGET_CLASS (reports_window_parent_class)->show (widget);
}

static gboolean
reports_window_close_request (GtkWindow *window)
{
  ReportsWindow *self = REPORTS_WINDOW (window);

  /* Revoke the token on the way out so that it does not count against
   * the PBX's cap of eight; the application stays alive until the PBX
   * answered. */
  if (self->session != NULL)
    {
      GApplication *app = g_application_get_default ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      if (app != NULL)
        g_application_hold (app);
      /* A PBX that does not answer holds the exit for a bounded time. */
      g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, REVOKE_TIMEOUT_SECONDS, cancel_revocation,
                                  g_object_ref (cancellable), g_object_unref);
      reports_session_close_async (self->session, cancellable, close_session_cb,
                                   app != NULL ? g_object_ref (app) : NULL);
      g_clear_object (&self->session);
    }

  return GTK_WINDOW_CLASS (reports_window_parent_class)->close_request (window);
}

static void
reports_window_dispose (GObject *object)
{
  ReportsWindow *self = REPORTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_WINDOW);

  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reports_window_parent_class)->dispose (object);
}

static void
reports_window_class_init (ReportsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reports_window_dispose;
  widget_class->show = reports_window_show;
  window_class->close_request = reports_window_close_request;

  g_type_ensure (REPORTS_TYPE_CONNECT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, connect_page);
  gtk_widget_class_bind_template_callback (widget_class, connected_cb);

  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.sets", NULL, sets_action);
  gtk_widget_class_install_action (widget_class, "win.show-set", "s", sets_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-set", NULL, add_to_set_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.request", "s", request_action);
  gtk_widget_class_install_action (widget_class, "win.open-download", "s", open_download_action);
  gtk_widget_class_install_action (widget_class, "win.show-download", "s", show_download_action);

  /* Alt+1 and Alt+2: the Request and Reports pages. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "request");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "reports");
  /* The Request page's own shortcuts, from the Reports page as well. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.request", "s", "report.download");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.request", "s", "report.choose-type");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.request", "s", "report.choose-type");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.request", "s", "report.choose-folder");

}

static void
reports_window_init (ReportsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reports_viewer_install_drop_target (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The size is restored before the window is mapped and saved by the
   * binding whenever it changes. */
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self, NULL);

  reports_connect_page_set_settings (self->connect_page, self->settings);
  set_session (self, NULL);

#if HAVE_BENCH_HOOK
  /* CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1: build-aux/bench.sh's start-up time. */
  reports_bench_watch_first_frame (GTK_WINDOW (self));
#endif
}
