/* reports-date-time-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "reports-date-time-row.h"
#include "reports-day-button.h"

struct _ReportsDateTimeRow
{
  AdwActionRow    parent_instance;

  GDateTime      *date_time;
  guint           updating : 1;
  guint           twelve_hour : 1;
  guint           end_of_day : 1;

  /* Template widgets */
  ReportsDayButton *day_button;
  GtkMenuButton  *time_button;
  GtkSpinButton  *hour_spin;
  GtkAdjustment  *hour_adjustment;
  GtkSpinButton  *minute_spin;
  GtkSpinButton  *second_spin;
  GtkDropDown    *meridiem_dropdown;
};

G_DEFINE_FINAL_TYPE (ReportsDateTimeRow, reports_date_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE_TIME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gboolean
reports_locale_uses_12_hour (void)
{
  const char *format = nl_langinfo (T_FMT);

  return format != NULL &&
         (strstr (format, "%I") != NULL || strstr (format, "%l") != NULL ||
          strstr (format, "%r") != NULL || strstr (format, "%p") != NULL);
}

GtkWidget *
reports_date_time_row_new (const char *title)
{
  return g_object_new (REPORTS_TYPE_DATE_TIME_ROW,
                       "title", title,
                       NULL);
}

GDateTime *
reports_date_time_row_get_date_time (ReportsDateTimeRow *self)
{
  g_return_val_if_fail (REPORTS_IS_DATE_TIME_ROW (self), NULL);

  return self->date_time;
}

static void
update_accessible_names (ReportsDateTimeRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *date_label = NULL;
  g_autofree char *time_label = NULL;
  g_autofree char *hour_label = NULL;
  g_autofree char *minute_label = NULL;
  g_autofree char *second_label = NULL;
  g_autofree char *meridiem_label = NULL;

  /* Translators: accessible names of the parts of a date-time row; %s is
   * the row's title, "From" or "To". */
  date_label = g_strdup_printf (_("%s date"), title);
  time_label = g_strdup_printf (_("%s time"), title);
  hour_label = g_strdup_printf (_("%s hour"), title);
  minute_label = g_strdup_printf (_("%s minute"), title);
  second_label = g_strdup_printf (_("%s second"), title);
  meridiem_label = g_strdup_printf (_("%s AM or PM"), title);

  reports_day_button_set_label (self->day_button, date_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_button), GTK_ACCESSIBLE_PROPERTY_LABEL, time_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, hour_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, minute_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->second_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, second_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->meridiem_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, meridiem_label, -1);
}

static void
sync_widgets (ReportsDateTimeRow *self)
{
  g_autofree char *time_text = NULL;
  int hour;

  self->updating = TRUE;

  reports_day_button_set_day (self->day_button, self->date_time);
  if (self->date_time != NULL)
    {
      /* The time as the user's language writes it (24-hour, or with
       * AM/PM); a translation can give a format of its own, as glibc's
       * %X in zh_CN ("00时00分00秒") does not suit a button. */
      /* Translators: the format of a time of day on a button, see
       * g_date_time_format(); %X is the locale's time. */
      time_text = g_date_time_format (self->date_time, C_("time of day", "%X"));
      gtk_menu_button_set_label (self->time_button, time_text);

      hour = g_date_time_get_hour (self->date_time);
      if (self->twelve_hour)
        {
          gtk_drop_down_set_selected (self->meridiem_dropdown, hour >= 12 ? 1 : 0);
          hour %= 12;
          if (hour == 0)
            hour = 12;
        }
      gtk_spin_button_set_value (self->hour_spin, hour);
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (self->date_time));
      gtk_spin_button_set_value (self->second_spin, g_date_time_get_second (self->date_time));
    }
  else
    {
      gtk_menu_button_set_label (self->time_button, "--:--:--");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->time_button), self->date_time != NULL);

  self->updating = FALSE;
}

void
reports_date_time_row_set_date_time (ReportsDateTimeRow *self,
                                     GDateTime          *date_time)
{
  g_return_if_fail (REPORTS_IS_DATE_TIME_ROW (self));

  if (self->date_time == date_time ||
      (self->date_time != NULL && date_time != NULL && g_date_time_equal (self->date_time, date_time)))
    return;

  g_clear_pointer (&self->date_time, g_date_time_unref);
  if (date_time != NULL)
    self->date_time = g_date_time_ref (date_time);

  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_TIME]);
}

static void
commit (ReportsDateTimeRow *self,
        int                 year,
        int                 month,
        int                 day)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int hour = gtk_spin_button_get_value_as_int (self->hour_spin);

  if (self->twelve_hour)
    {
      hour %= 12;
      if (gtk_drop_down_get_selected (self->meridiem_dropdown) == 1)
        hour += 12;
    }

  date_time = g_date_time_new (utc, year, month, day, hour,
                               gtk_spin_button_get_value_as_int (self->minute_spin),
                               gtk_spin_button_get_value_as_int (self->second_spin));
  reports_date_time_row_set_date_time (self, date_time);
}

void
reports_date_time_row_set_end_of_day (ReportsDateTimeRow *self,
                                      gboolean            end_of_day)
{
  g_return_if_fail (REPORTS_IS_DATE_TIME_ROW (self));

  self->end_of_day = !!end_of_day;
}

static void
day_picked_cb (ReportsDateTimeRow *self,
               int                 year,
               int                 month,
               int                 day)
{
  if (self->updating)
    return;

  /* The first day picked for the end of a range means its whole day. */
  if (self->date_time == NULL && self->end_of_day)
    {
      self->updating = TRUE;
      gtk_spin_button_set_value (self->hour_spin, self->twelve_hour ? 11 : 23);
      gtk_drop_down_set_selected (self->meridiem_dropdown, 1);
      gtk_spin_button_set_value (self->minute_spin, 59);
      gtk_spin_button_set_value (self->second_spin, 59);
      self->updating = FALSE;
    }

  commit (self, year, month, day);
}

static void
time_changed_cb (ReportsDateTimeRow *self)
{
  if (self->updating || self->date_time == NULL)
    return;

  commit (self,
          g_date_time_get_year (self->date_time),
          g_date_time_get_month (self->date_time),
          g_date_time_get_day_of_month (self->date_time));
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
reports_date_time_row_constructed (GObject *object)
{
  ReportsDateTimeRow *self = REPORTS_DATE_TIME_ROW (object);

  G_OBJECT_CLASS (reports_date_time_row_parent_class)->constructed (object);

  update_accessible_names (self);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_accessible_names), self);
}

static void
reports_date_time_row_finalize (GObject *object)
{
  ReportsDateTimeRow *self = REPORTS_DATE_TIME_ROW (object);

  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (reports_date_time_row_parent_class)->finalize (object);
}

static void
reports_date_time_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REPORTS_TYPE_DATE_TIME_ROW);

  G_OBJECT_CLASS (reports_date_time_row_parent_class)->dispose (object);
}

static void
reports_date_time_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ReportsDateTimeRow *self = REPORTS_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_date_time_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ReportsDateTimeRow *self = REPORTS_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      reports_date_time_row_set_date_time (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_date_time_row_class_init (ReportsDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reports_date_time_row_constructed;
  object_class->dispose = reports_date_time_row_dispose;

  g_type_ensure (REPORTS_TYPE_DAY_BUTTON);
  object_class->finalize = reports_date_time_row_finalize;
  object_class->get_property = reports_date_time_row_get_property;
  object_class->set_property = reports_date_time_row_set_property;

  properties [PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-date-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, day_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, time_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, hour_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, second_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsDateTimeRow, meridiem_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, day_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
}

static void
reports_date_time_row_init (ReportsDateTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));


  self->twelve_hour = reports_locale_uses_12_hour ();
  if (self->twelve_hour)
    {
      gtk_adjustment_set_lower (self->hour_adjustment, 1);
      gtk_adjustment_set_upper (self->hour_adjustment, 12);
      gtk_widget_set_visible (GTK_WIDGET (self->meridiem_dropdown), TRUE);
    }

  sync_widgets (self);
}
