/* reports-report-page-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reports-report-page.h"
#include "reports-selection-store.h"
#include "reports-type-chooser.h"

G_BEGIN_DECLS

struct _ReportsReportPage
{
  AdwBin                parent_instance;

  /* Owned references */
  ReportsSession       *session;
  ReportsSelectionStore *selections; /* the session's PBX's */
  YeastarReportRequest *request;
  GSettings            *settings;
  GFile                *folder;
  GPtrArray            *rows;       /* the rows of the current type, in order */
  GPtrArray            *bindings;   /* their bindings to the request */
  GHashTable           *row_params; /* row → YeastarParam + 1 */
  GCancellable         *cancellable;
  guint                 loading : 1;
  guint                 attempted : 1; /* Download was pressed on this type */

  /* Borrowed references */
  GtkWidget            *preview_row;
  GtkWidget            *agent_row;

  /* Template widgets */
  AdwExpanderRow       *pbx_row;
  AdwActionRow         *model_row;
  AdwActionRow         *format_row;
  AdwActionRow         *clock_row;
  AdwComboRow          *api_row;
  GtkLabel             *api_warning_label;
  AdwLeaflet           *leaflet;
  GtkButton            *back_button;
  GtkLabel             *type_title_label;
  GtkLabel             *type_description_label;
  GtkScrolledWindow    *scrolled_window;
  AdwToastOverlay      *toast_overlay;
  ReportsTypeChooser   *type_chooser;
  AdwPreferencesGroup  *params_group;
  GtkMenuButton        *presets_button;
  GMenuModel           *presets_menu;
  GMenuModel           *period_presets_menu;
  GtkButton            *folder_button;
  AdwButtonContent     *folder_content;
  GtkLabel             *invalid_label;
  GtkButton            *download_button;
};

enum {
  SIGNAL_DOWNLOAD,
  N_SIGNALS
};

extern guint _reports_report_page_signals [N_SIGNALS];

/* reports-report-page.c */
GFile *_reports_report_page_default_folder      (void);
void   _reports_report_page_set_folder          (ReportsReportPage *self,
                                                 GFile             *folder);
void   _reports_report_page_validate            (ReportsReportPage *self);
GtkWidget *_reports_report_page_first_invalid_row (ReportsReportPage *self);

/* reports-report-page-actions.c */
void   _reports_report_page_class_init_actions  (GtkWidgetClass    *widget_class);
void   _reports_report_page_init_shortcuts      (ReportsReportPage *self);
void   _reports_report_page_set_current_period  (ReportsReportPage *self);

G_END_DECLS
