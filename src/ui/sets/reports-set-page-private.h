/* reports-set-page-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reports-set-page.h"
#include "reports-set-run.h"

G_BEGIN_DECLS

/* ReportsSetPage is split by concern: reports-set-page.c holds the set's
 * fields, its PBXs, reports and runs; reports-set-page-schedule.c its
 * schedule. */
struct _ReportsSetPage
{
  AdwBin                parent_instance;

  /* Owned references */
  ReportsSet           *set;
  GListModel           *servers;
  GPtrArray            *pbx_rows;
  GPtrArray            *report_rows;
  GPtrArray            *run_rows;
  ReportsSetRun        *run;
  GCancellable         *cancellable;      /* cancelled at dispose */
  GCancellable         *run_cancellable;
  guint                 secret_index;     /* the PBX whose secret is looked up */
  gboolean              loading_schedule;
  gboolean              loading_keep;

  /* Template widgets */
  AdwPreferencesGroup  *run_group;
  GtkButton            *run_button;
  GtkButton            *cancel_button;
  AdwActionRow         *last_run_row;
  AdwPreferencesGroup  *progress_group;
  AdwPreferencesGroup  *general_group;
  AdwEntryRow          *name_row;
  AdwActionRow         *folder_row;
  AdwEntryRow          *template_row;
  AdwActionRow         *example_row;
  GtkSpinButton        *keep_spin;
  AdwPreferencesGroup  *pbx_group;
  GtkMenuButton        *add_pbx_button;
  AdwPreferencesGroup  *report_group;
  AdwPreferencesGroup  *schedule_group;
  GtkButton            *schedule_button;
  AdwComboRow          *repeat_row;
  AdwComboRow          *weekday_row;
  AdwActionRow         *day_row;
  GtkSpinButton        *day_spin;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  AdwActionRow         *next_run_row;
};

void     _reports_set_page_show_toast           (ReportsSetPage *self,
                                                 const char     *text);
void     _reports_set_page_emit_changed         (ReportsSetPage *self);

/* reports-set-page-schedule.c */
void     _reports_set_page_load_schedule        (ReportsSetPage *self);
void     _reports_set_page_update_next_run      (ReportsSetPage *self);
void     _reports_set_page_schedule_changed_cb  (ReportsSetPage *self);
void     _reports_set_page_schedule_clicked_cb  (ReportsSetPage *self);
gboolean _reports_set_page_two_digits_cb        (GtkSpinButton  *spin,
                                                 gpointer        user_data);

G_END_DECLS
