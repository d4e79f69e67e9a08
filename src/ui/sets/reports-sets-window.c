/* reports-sets-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-display-path.h"
#include "reports-server.h"
#include "reports-set-deletion.h"
#include "reports-set-page.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-sets-schedule.h"
#include "reports-sets-util.h"
#include "reports-sets-window.h"

struct _ReportsSetsWindow
{
  AdwWindow             parent_instance;

  /* Owned references */
  GSettings            *settings;
  GListStore           *servers;
  GPtrArray            *rows;
  GCancellable         *cancellable;
  ReportsSetDeletion   *deletion;        /* the last deletion, while it can be undone */
  AdwToast             *deletion_toast;  /* its toast */

  /* Borrowed: set_page when a set is open, else NULL */
  ReportsSetPage       *page;
  /* Weak: the main window whose sets window this is */
  GtkWindow            *parent;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *import_button;
  GtkButton            *new_button;
  GtkMenuButton        *set_menu_button;
  AdwToastOverlay      *toast_overlay;
  GPtrArray            *toasts;          /* the toasts added, until dismissed */
  AdwViewStack         *stack;
  AdwPreferencesGroup  *list_group;
  ReportsSetPage       *set_page;
};

G_DEFINE_FINAL_TYPE (ReportsSetsWindow, reports_sets_window, ADW_TYPE_WINDOW)

static void open_set (ReportsSetsWindow *self,
                      const char        *name);

static void
toast_dismissed_cb (AdwToast          *toast,
                    ReportsSetsWindow *self)
{
  g_signal_handlers_disconnect_by_func (toast, toast_dismissed_cb, self);
  g_ptr_array_remove (self->toasts, toast);
}

/* The newest toast replaces the ones before, which are dismissed first
 * (the queued ones, then the one shown), so no toast needs
 * ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 aborts when a high-priority
 * toast is dismissed while the toast it postponed is still hiding
 * (show_toast: assertion failed: (!info->widget)). Takes @toast. */
void
reports_sets_window_add_toast (ReportsSetsWindow *self,
                               AdwToast          *toast)
{
  g_return_if_fail (REPORTS_IS_SETS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  while (self->toasts->len > 0)
    {
      g_autoptr(AdwToast) last = g_object_ref (g_ptr_array_index (self->toasts, self->toasts->len - 1));

      toast_dismissed_cb (last, self);
      adw_toast_dismiss (last);
    }

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (ReportsSetsWindow *self,
            const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  reports_sets_window_add_toast (self, toast);
}

/* The list ----------------------------------------------------------- */

static void
row_activated_cb (AdwActionRow      *row,
                  ReportsSetsWindow *self)
{
  open_set (self, g_object_get_data (G_OBJECT (row), "set-name"));
}

static void
rebuild_list (ReportsSetsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = reports_set_store_list (&error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (names == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(ReportsSet) set = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      set = reports_set_store_load (names[i], &load_error);
      if (set != NULL)
        {
          g_autofree char *summary = reports_sets_describe_set (set);
          g_autofree char *last = reports_sets_describe_last_run (names[i], TRUE);

          subtitle = g_strdup_printf ("%s\n%s", summary, last);
        }
      else
        subtitle = g_strdup (load_error->message);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      /* A file that cannot be read says why, and does not open. */
      if (set != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      else
        gtk_widget_add_css_class (row, "error");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), set != NULL);
      g_object_set_data_full (G_OBJECT (row), "set-name", g_strdup (names[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->page == NULL)
    adw_view_stack_set_visible_child_name (self->stack, names[0] != NULL ? "list" : "empty");
}

static void
update_header (ReportsSetsWindow *self)
{
  gboolean on_set = self->page != NULL;
  gboolean busy = on_set && reports_set_page_get_busy (self->page);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), on_set);
  gtk_widget_set_visible (GTK_WIDGET (self->set_menu_button), on_set);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !on_set);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !on_set);
  adw_window_title_set_subtitle (self->window_title,
                                 on_set ? reports_set_get_name (reports_set_page_get_set (self->page)) : NULL);

  /* A running set is left only once it is done or cancelled. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.back", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.duplicate", on_set && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.export", on_set);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.delete", on_set && !busy);
}

static void
page_changed_cb (ReportsSetsWindow *self)
{
  update_header (self);
  rebuild_list (self);
}

static void
close_page (ReportsSetsWindow *self)
{
  if (self->page == NULL)
    return;

  self->page = NULL;
  rebuild_list (self);
  update_header (self);
}

static void
open_set (ReportsSetsWindow *self,
          const char        *name)
{
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  set = reports_set_store_load (name, &error);
  if (set == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* The page is the template's, so that assistive technologies see it
   * (GTK 4.8 does not tell them of a stack page added later). */
  if (reports_set_page_get_busy (self->set_page))
    return;

  reports_set_page_set_set (self->set_page, set, G_LIST_MODEL (self->servers));
  self->page = self->set_page;
  adw_view_stack_set_visible_child_name (self->stack, "set");
  update_header (self);
}

/* A name no set has yet: @base, or "@base 2", "@base 3"… */
static char *
free_name (const char *base)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, n);
      g_autoptr(GFile) file = reports_set_store_dup_file (name);

      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&name);
    }

  return NULL;
}

static void
save_new (ReportsSetsWindow *self,
          ReportsSet        *set,
          const char        *base)
{
  g_autofree char *name = free_name (base);
  g_autoptr(GError) error = NULL;

  if (name == NULL || !reports_set_check_name (name, NULL))
    {
      show_toast (self, _("There is no free name for the set; rename or delete a set first"));
      return;
    }

  reports_set_set_name (set, name);
  if (!reports_set_store_save (set, FALSE, &error))
    {
      show_toast (self, error->message);
      return;
    }

  rebuild_list (self);
  open_set (self, name);
}

/* Actions ------------------------------------------------------------ */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  g_autoptr(ReportsSet) set = reports_set_new (_("New Set"));
  g_autofree char *folder = g_settings_get_string (self->settings, "destination-folder");

  if (folder[0] != '\0')
    reports_set_set_output (set, folder);

  save_new (self, set, _("New Set"));
}

/* Back to the list; on the list, Escape closes the window. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);

  if (self->page != NULL)
    close_page (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  ReportsSet *set;
  g_autoptr(ReportsSet) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize length;

  if (self->page == NULL)
    return;

  set = reports_set_page_get_set (self->page);
  data = reports_set_to_data (set, &length);
  copy = reports_set_new_from_data (data, length, &error);
  if (copy == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* A copy does not run by itself next to the original. */
  reports_set_set_schedule (copy, NULL);
  /* Translators: the name of a copy of a set */
  base = g_strdup_printf (_("%s (Copy)"), reports_set_get_name (set));
  save_new (self, copy, base);
}

/* The deletion is kept for Undo until its toast is dismissed (it times
 * out, or is closed) or the window closes: then it is final. */
static void
commit_deletion (ReportsSetsWindow *self)
{
  g_clear_pointer (&self->deletion, reports_set_deletion_free);
  if (self->deletion_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->deletion_toast, self);
  g_clear_object (&self->deletion_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.undo-delete", FALSE);
}

static void
deletion_dismissed_cb (AdwToast          *toast,
                       ReportsSetsWindow *self)
{
  if (toast == self->deletion_toast)
    commit_deletion (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  g_autoptr(ReportsSetDeletion) deletion = g_steal_pointer (&self->deletion);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->deletion_toast);
  g_autoptr(GError) error = NULL;

  if (deletion == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "sets.undo-delete", FALSE);
  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }

  if (!reports_set_deletion_undo (deletion, &error))
    {
      show_toast (self, error->message);
      return;
    }

  rebuild_list (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GError) error = NULL;
  ReportsSetDeletion *deletion;

  if (self->page == NULL)
    return;

  name = g_strdup (reports_set_get_name (reports_set_page_get_set (self->page)));
  deletion = reports_set_deletion_new (name, &error);
  if (deletion == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* One Undo at a time: an earlier deletion is final now. */
  if (self->deletion_toast != NULL)
    adw_toast_dismiss (self->deletion_toast);
  commit_deletion (self);
  self->deletion = deletion;

  close_page (self);
  rebuild_list (self);

  /* Translators: %s is a set's name */
  text = g_strdup_printf (_("Deleted ‘%s’"), name);
  escaped = g_markup_escape_text (text, -1);
  self->deletion_toast = g_object_ref_sink (adw_toast_new (escaped));
  adw_toast_set_button_label (self->deletion_toast, _("_Undo"));
  adw_toast_set_action_name (self->deletion_toast, "sets.undo-delete");
  adw_toast_set_timeout (self->deletion_toast, 10);
  g_signal_connect (self->deletion_toast, "dismissed", G_CALLBACK (deletion_dismissed_cb), self);
  gtk_widget_action_set_enabled (widget, "sets.undo-delete", TRUE);
  reports_sets_window_add_toast (self, g_object_ref (self->deletion_toast));
}

static void
export_response_cb (GtkNativeDialog   *native,
                    int                response,
                    ReportsSetsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->page != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      /* The file chooser asked before replacing a file. */
      if (!reports_set_save_file (reports_set_page_get_set (self->page), file, TRUE, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *display = reports_display_path_file (file);
          /* Translators: %s is a file's path */
          g_autofree char *text = g_strdup_printf (_("Exported to %s"), display);

          show_toast (self, text);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static GtkFileFilter *
set_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Report Sets"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  return filter;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = set_file_filter ();

  if (self->page == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export the Set"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  file_name = g_strdup_printf ("%s.json", reports_set_get_name (reports_set_page_get_set (self->page)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_response_cb (GtkNativeDialog   *native,
                    int                response,
                    ReportsSetsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      set = reports_set_load_file (file, &error);
      if (set == NULL)
        show_toast (self, error->message);
      else
        {
          g_autofree char *base = g_strdup (reports_set_get_name (set));

          /* A shared set does not run by itself until its schedule is
           * saved here: it is kept, not enabled. */
          save_new (self, set, base);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = set_file_filter ();

  native = gtk_file_chooser_native_new (_("Import a Set"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The object --------------------------------------------------------- */

static gboolean
reports_sets_window_close_request (GtkWindow *window)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (window);

  /* Closing the window cancels a run; what is saved stays. A deletion
   * is final. */
  if (self->page != NULL)
    reports_set_page_cancel (self->page);
  commit_deletion (self);

  return GTK_WINDOW_CLASS (reports_sets_window_parent_class)->close_request (window);
}

static void
reports_sets_window_dispose (GObject *object)
{
  ReportsSetsWindow *self = REPORTS_SETS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  self->page = NULL;
  commit_deletion (self);

  if (self->parent != NULL)
    {
      g_object_set_data (G_OBJECT (self->parent), "reports-sets-window", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
      self->parent = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_SETS_WINDOW);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->toasts != NULL)
    {
      for (guint i = 0; i < self->toasts->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->toasts, i), toast_dismissed_cb, self);
      g_clear_pointer (&self->toasts, g_ptr_array_unref);
    }
  g_clear_object (&self->servers);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_sets_window_parent_class)->dispose (object);
}

static void
reports_sets_window_class_init (ReportsSetsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reports_sets_window_dispose;
  window_class->close_request = reports_sets_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sets/reports-sets-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, set_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetsWindow, set_page);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_header);

  g_type_ensure (REPORTS_TYPE_SET_PAGE);

  gtk_widget_class_install_action (widget_class, "sets.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "sets.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sets.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "sets.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "sets.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "sets.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sets.undo-delete", NULL, undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sets.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "sets.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "sets.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "sets.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
reports_sets_window_init (ReportsSetsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->rows = g_ptr_array_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.undo-delete", FALSE);
}

ReportsSetsWindow *
reports_sets_window_present (GtkWindow  *parent,
                             GSettings  *settings,
                             const char *name)
{
  ReportsSetsWindow *self = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (parent != NULL)
    self = g_object_get_data (G_OBJECT (parent), "reports-sets-window");

  if (self == NULL)
    {
      self = g_object_new (REPORTS_TYPE_SETS_WINDOW,
                           "transient-for", parent,
                           "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                           NULL);
      self->settings = g_object_ref (settings);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      if (parent != NULL)
        {
          self->parent = parent;
          g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
          g_object_set_data (G_OBJECT (parent), "reports-sets-window", self);
        }
    }

  /* The saved PBXs as they are now. */
  g_clear_object (&self->servers);
  self->servers = reports_server_list_load (settings);

  rebuild_list (self);
  if (name != NULL)
    open_set (self, name);
  else if (self->page == NULL)
    update_header (self);

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

void
reports_sets_window_reload (GtkWindow *parent)
{
  ReportsSetsWindow *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  self = g_object_get_data (G_OBJECT (parent), "reports-sets-window");
  if (self == NULL)
    return;

  rebuild_list (self);

  /* The set open is shown as it is saved now, unless it is running (then
   * it is read again when the run is done). */
  if (self->page != NULL && !reports_set_page_get_busy (self->page))
    {
      g_autofree char *name = g_strdup (reports_set_get_name (reports_set_page_get_set (self->page)));

      open_set (self, name);
    }
}
