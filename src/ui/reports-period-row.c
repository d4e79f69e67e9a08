/* reports-period-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-day-button.h"
#include "reports-period-row.h"
#include "yeastar-enums.h"

struct _ReportsPeriodRow
{
  AdwActionRow       parent_instance;

  YeastarPeriodKind  kind;
  GDateTime         *period;
  guint              updating : 1;

  /* Template widgets */
  ReportsDayButton  *day_button;
  GtkDropDown       *month_dropdown;
  GtkSpinButton     *year_spin;
};

G_DEFINE_FINAL_TYPE (ReportsPeriodRow, reports_period_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PERIOD_KIND,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
reports_period_row_new (void)
{
  return g_object_new (REPORTS_TYPE_PERIOD_ROW, NULL);
}

YeastarPeriodKind
reports_period_row_get_period_kind (ReportsPeriodRow *self)
{
  g_return_val_if_fail (REPORTS_IS_PERIOD_ROW (self), YEASTAR_PERIOD_DAY);

  return self->kind;
}

GDateTime *
reports_period_row_get_period (ReportsPeriodRow *self)
{
  g_return_val_if_fail (REPORTS_IS_PERIOD_ROW (self), NULL);

  return self->period;
}

static void
sync_widgets (ReportsPeriodRow *self)
{
  self->updating = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 self->kind == YEASTAR_PERIOD_DAY ? _("Day") :
                                 self->kind == YEASTAR_PERIOD_MONTH ? _("Month") : _("Year"));
  gtk_widget_set_visible (GTK_WIDGET (self->day_button), self->kind == YEASTAR_PERIOD_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_dropdown), self->kind == YEASTAR_PERIOD_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), self->kind != YEASTAR_PERIOD_DAY);

  reports_day_button_set_day (self->day_button, self->period);
  if (self->period != NULL)
    {
      gtk_drop_down_set_selected (self->month_dropdown, g_date_time_get_month (self->period) - 1);
      gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (self->period));
    }

  self->updating = FALSE;
}

static void
set_period (ReportsPeriodRow *self,
            int               year,
            int               month,
            int               day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) period = g_date_time_new (utc, year, month, day, 0, 0, 0);

  reports_period_row_set_period (self, period);
}

void
reports_period_row_set_period_kind (ReportsPeriodRow  *self,
                                    YeastarPeriodKind  kind)
{
  g_return_if_fail (REPORTS_IS_PERIOD_ROW (self));
  g_return_if_fail (kind <= YEASTAR_PERIOD_YEAR);

  if (self->kind == kind)
    return;

  self->kind = kind;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD_KIND]);
}

void
reports_period_row_set_period (ReportsPeriodRow *self,
                               GDateTime        *period)
{
  g_return_if_fail (REPORTS_IS_PERIOD_ROW (self));

  if (self->period == period ||
      (self->period != NULL && period != NULL && g_date_time_equal (self->period, period)))
    return;

  g_clear_pointer (&self->period, g_date_time_unref);
  if (period != NULL)
    self->period = g_date_time_ref (period);

  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD]);
}

static void
day_picked_cb (ReportsPeriodRow *self,
               int               year,
               int               month,
               int               day)
{
  if (!self->updating)
    set_period (self, year, month, day);
}

static void
month_year_changed_cb (ReportsPeriodRow *self)
{
  int year;
  int month;

  if (self->updating)
    return;

  year = gtk_spin_button_get_value_as_int (self->year_spin);
  month = self->kind == YEASTAR_PERIOD_MONTH ? (int) gtk_drop_down_get_selected (self->month_dropdown) + 1 : 1;
  set_period (self, year, month, 1);
}

static void
reports_period_row_dispose (GObject *object)
{
  ReportsPeriodRow *self = REPORTS_PERIOD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_PERIOD_ROW);
  g_clear_pointer (&self->period, g_date_time_unref);

  G_OBJECT_CLASS (reports_period_row_parent_class)->dispose (object);
}

static void
reports_period_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReportsPeriodRow *self = REPORTS_PERIOD_ROW (object);

  switch (prop_id)
    {
    case PROP_PERIOD_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_period_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReportsPeriodRow *self = REPORTS_PERIOD_ROW (object);

  switch (prop_id)
    {
    case PROP_PERIOD_KIND:
      reports_period_row_set_period_kind (self, g_value_get_enum (value));
      break;

    case PROP_PERIOD:
      reports_period_row_set_period (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_period_row_class_init (ReportsPeriodRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_period_row_dispose;

  g_type_ensure (REPORTS_TYPE_DAY_BUTTON);
  object_class->get_property = reports_period_row_get_property;
  object_class->set_property = reports_period_row_set_property;

  properties [PROP_PERIOD_KIND] =
    g_param_spec_enum ("period-kind", NULL, NULL,
                       YEASTAR_TYPE_PERIOD_KIND, YEASTAR_PERIOD_DAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-period-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsPeriodRow, day_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsPeriodRow, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReportsPeriodRow, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, day_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_year_changed_cb);
}

static void
reports_period_row_init (ReportsPeriodRow *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  gtk_widget_init_template (GTK_WIDGET (self));
  reports_day_button_set_placeholder (self->day_button, _("Choose a Day"));
  reports_day_button_set_label (self->day_button, _("Day"));


  /* Month names in the user's language, from the C library. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new (utc, 2000, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      gtk_string_list_append (months, name);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));

  sync_widgets (self);
}
