/* reports-set-run-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-display-path.h"
#include "reports-set-run-row.h"
#include "reports-sets-util.h"
#include "yeastar-text.h"

struct _ReportsSetRunRow
{
  AdwActionRow    parent_instance;

  ReportsSetRun  *run;
  guint           index;

  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  GtkButton      *open_button;
};

G_DEFINE_FINAL_TYPE (ReportsSetRunRow, reports_set_run_row, ADW_TYPE_ACTION_ROW)

static void
open_clicked_cb (ReportsSetRunRow *self)
{
  const ReportsSetResult *result = reports_set_run_get_result (self->run, self->index);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) file = NULL;

  if (result->path == NULL)
    return;

  file = g_file_new_for_path (result->path);
  reports_compat_open_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file);
}

static void
set_title (ReportsSetRunRow *self)
{
  const ReportsSetResult *result = reports_set_run_get_result (self->run, self->index);
  const YeastarReportType *type = yeastar_report_type_lookup (result->type);
  g_autofree char *pbx = NULL;
  g_autofree char *title = NULL;

  if (result->pbx_name != NULL)
    pbx = yeastar_text_escape (result->pbx_name, -1);
  else
    pbx = reports_sets_dup_host (result->server);

  /* Translators: a report type's title, its period (2026-11 or
   * last-month) and the PBX it comes from */
  title = g_strdup_printf (_("%s, %s, from %s"),
                           type != NULL ? yeastar_report_type_get_title (type) : result->type,
                           result->period, pbx);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
}

static void
show_state (ReportsSetRunRow *self,
            const char       *state,
            const char       *subtitle)
{
  gtk_stack_set_visible_child_name (self->state_stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "running"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

void
reports_set_run_row_started (ReportsSetRunRow *self)
{
  g_return_if_fail (REPORTS_IS_SET_RUN_ROW (self));

  set_title (self);
  show_state (self, "running", _("Downloading…"));
}

void
reports_set_run_row_progress (ReportsSetRunRow *self)
{
  const ReportsSetResult *result;
  g_autofree char *received = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (REPORTS_IS_SET_RUN_ROW (self));

  result = reports_set_run_get_result (self->run, self->index);
  if (result->done)
    return;

  received = g_format_size (result->received);
  if (result->total > 0)
    {
      g_autofree char *total = g_format_size (result->total);

      /* Translators: download progress, e.g. "1.2 MB of 40 MB". */
      subtitle = g_strdup_printf (_("%s of %s"), received, total);
    }
  else
    /* Translators: download progress when the size is unknown. */
    subtitle = g_strdup_printf (_("%s received"), received);

  show_state (self, "running", subtitle);
}

void
reports_set_run_row_update (ReportsSetRunRow *self)
{
  const ReportsSetResult *result;

  g_return_if_fail (REPORTS_IS_SET_RUN_ROW (self));

  result = reports_set_run_get_result (self->run, self->index);
  set_title (self);

  if (result->path != NULL)
    {
      g_autofree char *size = g_format_size (result->bytes);
      g_autofree char *path = reports_display_path (result->path);
      g_autofree char *subtitle = NULL;

      /* Translators: a file's path and its size */
      subtitle = g_strdup_printf (_("Saved as %s (%s)"), path, size);
      show_state (self, "saved", subtitle);
    }
  else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* As the Reports page says it. */
    show_state (self, "cancelled", _("Cancelled; nothing was saved"));
  else if (result->error != NULL)
    {
      g_autofree char *message = yeastar_text_escape (result->error->message, -1);
      g_autofree char *subtitle = g_strdup_printf (_("Failed: %s"), message);

      show_state (self, "failed", subtitle);
    }
}

void
reports_set_run_row_fail (ReportsSetRunRow *self,
                          const char       *message)
{
  g_autofree char *escaped = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (REPORTS_IS_SET_RUN_ROW (self));
  g_return_if_fail (message != NULL);

  if (reports_set_run_get_result (self->run, self->index)->done)
    return;

  escaped = yeastar_text_escape (message, -1);
  subtitle = g_strdup_printf (_("Failed: %s"), escaped);
  show_state (self, "failed", subtitle);
}

/* The run was cancelled before this report ended. */
void
reports_set_run_row_cancel (ReportsSetRunRow *self)
{
  g_return_if_fail (REPORTS_IS_SET_RUN_ROW (self));

  if (reports_set_run_get_result (self->run, self->index)->done)
    return;

  show_state (self, "cancelled", _("Cancelled; nothing was saved"));
}

static void
reports_set_run_row_dispose (GObject *object)
{
  ReportsSetRunRow *self = REPORTS_SET_RUN_ROW (object);

  g_clear_object (&self->run);

  G_OBJECT_CLASS (reports_set_run_row_parent_class)->dispose (object);
}

static void
reports_set_run_row_class_init (ReportsSetRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_set_run_row_dispose;
}

static GtkWidget *
state_icon (const char *icon_name,
            const char *label,
            const char *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return image;
}

static void
reports_set_run_row_init (ReportsSetRunRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->state_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->state_stack), GTK_ALIGN_CENTER);

  gtk_stack_add_named (self->state_stack, state_icon ("content-loading-symbolic", _("Waiting"), "dim-label"), "waiting");
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Downloading"), -1);
  gtk_stack_add_named (self->state_stack, GTK_WIDGET (self->spinner), "running");
  gtk_stack_add_named (self->state_stack, state_icon ("emblem-ok-symbolic", _("Saved"), "success"), "saved");
  gtk_stack_add_named (self->state_stack, state_icon ("dialog-warning-symbolic", _("Failed"), "error"), "failed");
  gtk_stack_add_named (self->state_stack, state_icon ("action-unavailable-symbolic", _("Cancelled"), "dim-label"), "cancelled");

  self->open_button = GTK_BUTTON (gtk_button_new_from_icon_name ("document-open-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->open_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), _("Open the Report"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the Report"), -1);
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->state_stack));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  /* Paths, PBX names and error messages are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

static void
on_visible_child (ReportsSetRunRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->open_button),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "saved") == 0);
}

GtkWidget *
reports_set_run_row_new (ReportsSetRun *run,
                         guint          index)
{
  ReportsSetRunRow *self;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (run), NULL);

  self = g_object_new (REPORTS_TYPE_SET_RUN_ROW, NULL);
  self->run = g_object_ref (run);
  self->index = index;

  g_signal_connect_object (self->state_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_child), self, G_CONNECT_SWAPPED);
  set_title (self);
  show_state (self, "waiting", _("Waiting"));

  return GTK_WIDGET (self);
}
