/* reports-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-window.h"

struct _ReportsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *primary_menu_button;
  AdwViewStack         *stack;
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

static void
reports_window_dispose (GObject *object)
{
  ReportsWindow *self = REPORTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reports_window_parent_class)->dispose (object);
}

static void
reports_window_class_init (ReportsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsWindow, stack);
}

static void
reports_window_init (ReportsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The size is restored before the window is mapped and saved by the
   * binding whenever it changes. */
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
