/* reports-set.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-period.h"
#include "reports-schedule.h"
#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* The version of the set file format this code writes and reads. */
#define REPORTS_SET_VERSION 1

/* The longest set name, in bytes. */
#define REPORTS_SET_NAME_MAX 100

/* More months than anyone keeps reports for; it bounds the arithmetic. */
#define REPORTS_SET_MAX_KEEP_MONTHS 1200

/**
 * ReportsSetPbx:
 *
 * A PBX a set downloads from: its normalised address, the Client ID, and
 * the SHA-256 fingerprint of its self-signed certificate if it is pinned
 * (not a secret). Never a secret: that comes from the keyring, the
 * environment or a file when the set runs.
 */
typedef struct
{
  char *server;
  char *client_id;
  char *pinned_certificate;  /* nullable */
} ReportsSetPbx;

/**
 * ReportsSetReport:
 *
 * One report request of a set: the type's API name, the relative period,
 * the API's value of every other parameter the type takes (NULL: not
 * given), and whether the PBX prepares it in the background (is_async).
 */
typedef struct
{
  char          *type;
  ReportsPeriod  period;
  char          *values[YEASTAR_N_PARAMS];
  gboolean       async;
} ReportsSetReport;

ReportsSetPbx    *reports_set_pbx_new     (const char             *server,
                                           const char             *client_id);
void              reports_set_pbx_free    (ReportsSetPbx          *pbx);
ReportsSetReport *reports_set_report_new  (const char             *type,
                                           const ReportsPeriod    *period);
void              reports_set_report_free (ReportsSetReport       *report);
/* Checks the type, the period and the values against the type's table. */
gboolean          reports_set_report_check (const ReportsSetReport *report,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsSetPbx, reports_set_pbx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsSetReport, reports_set_report_free)

#define REPORTS_TYPE_SET (reports_set_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSet, reports_set, REPORTS, SET, GObject)

/* A name is a file name of its own: 1 to REPORTS_SET_NAME_MAX bytes of
 * UTF-8, no '/', no control characters, not starting with '.' or '-'. */
gboolean          reports_set_check_name        (const char        *name,
                                                 GError           **error);

ReportsSet       *reports_set_new               (const char        *name);
const char       *reports_set_get_name          (ReportsSet        *self);
void              reports_set_set_name          (ReportsSet        *self,
                                                 const char        *name);
/* The folder the files go to; NULL: the user's download folder. */
const char       *reports_set_get_output        (ReportsSet        *self);
void              reports_set_set_output        (ReportsSet        *self,
                                                 const char        *output);
GFile            *reports_set_dup_output_folder (ReportsSet        *self);
const char       *reports_set_get_name_template (ReportsSet        *self);
void              reports_set_set_name_template (ReportsSet        *self,
                                                 const char        *name_template);
/* 0: keep every file. */
guint             reports_set_get_keep_months   (ReportsSet        *self);
void              reports_set_set_keep_months   (ReportsSet        *self,
                                                 guint              keep_months);
const ReportsSchedule *reports_set_get_schedule (ReportsSet        *self);
void              reports_set_set_schedule      (ReportsSet        *self,
                                                 const ReportsSchedule *schedule);

guint             reports_set_get_n_pbxs        (ReportsSet        *self);
const ReportsSetPbx *reports_set_get_pbx        (ReportsSet        *self,
                                                 guint              index);
char                *reports_set_server_dup_host (const char       *server);
GError              *reports_set_pbx_new_missing_secret_error (const ReportsSetPbx *pbx,
                                                               const GError        *lookup_error);
/* Takes @pbx; FALSE (and @pbx freed) if the same server and Client ID
 * are there already. */
gboolean          reports_set_add_pbx           (ReportsSet        *self,
                                                 ReportsSetPbx     *pbx);
gboolean          reports_set_remove_pbx        (ReportsSet        *self,
                                                 guint              index);
guint             reports_set_get_n_reports     (ReportsSet        *self);
const ReportsSetReport *reports_set_get_report  (ReportsSet        *self,
                                                 guint              index);
/* Takes @report. */
void              reports_set_add_report        (ReportsSet        *self,
                                                 ReportsSetReport  *report);
gboolean          reports_set_remove_report     (ReportsSet        *self,
                                                 guint              index);

/* The set file: JSON with a "version". Reading checks everything that is
 * read (a hand-edited or shared file is input like any other). */
ReportsSet       *reports_set_new_from_data     (const char        *data,
                                                 gsize              length,
                                                 GError           **error);
char             *reports_set_to_data           (ReportsSet        *self,
                                                 gsize             *length);

G_END_DECLS
