/* reports-set-run-records.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-request-store.h"
#include "reports-set-run-records.h"
#include "reports-set-store.h"
#include "yeastar-text.h"

/*
 * The records of a set run, kept as the run's data: one per result, in
 * the Reports page's history, so that a set's reports are listed there as
 * single downloads are, and kept across restarts. They follow the run's
 * "report-started", "report-progress" and "report-finished".
 */

#define RECORDS_KEY "reports-set-run-records"

typedef struct
{
  ReportsDownloadHistory *history;
  GPtrArray              *records;  /* ReportsDownloadRecord, one per result */
} Records;

static void
fail_record (ReportsDownloadRecord *record,
             const char            *message)
{
  if (reports_download_record_get_status (record) != REPORTS_DOWNLOAD_RUNNING)
    return;

  reports_download_record_set_cancellable (record, NULL);
  reports_download_record_set_message (record, message);
  reports_download_record_set_status (record, REPORTS_DOWNLOAD_FAILED);
}

static void
records_free (gpointer data)
{
  Records *records = data;

  /* A run that ended without finishing a report (it failed as a whole). */
  for (guint i = 0; i < records->records->len; i++)
    fail_record (g_ptr_array_index (records->records, i), _("The set’s run ended before this report"));

  g_clear_object (&records->history);
  g_ptr_array_unref (records->records);
  g_free (records);
}

/* The report's values before its PBX answers: its IDs, and its period on
 * the computer's clock (the PBX's replaces it once known, as the run
 * counts on it). */
static GVariant *
dup_report_values (const ReportsSetReport *report)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const YeastarReportType *type = yeastar_report_type_lookup (report->type);

  if (type == NULL)
    return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0));

  yeastar_report_request_set_report_type (request, report->type);
  if (yeastar_report_type_uses_period (type))
    {
      g_autoptr(GDateTime) time = NULL;
      YeastarPeriodKind kind;

      if (reports_period_get_time (&report->period, now, &kind, &time))
        {
          yeastar_report_request_set_period_kind (request, kind);
          yeastar_report_request_set_period (request, time);
        }
    }
  else
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      reports_period_get_bounds (&report->period, now, &start, &end);
      yeastar_report_request_set_start_time (request, start);
      yeastar_report_request_set_end_time (request, end);
    }
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (report->values[p] != NULL)
        yeastar_report_request_set_value (request, p, report->values[p]);
    }

  return reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_WITH_IDS);
}

static void
update_names (ReportsSetRun         *run,
              guint                  index,
              ReportsDownloadRecord *record)
{
  const ReportsSetResult *result = reports_set_run_get_result (run, index);
  YeastarReportRequest *request = reports_set_run_get_request (run, index);

  if (result->pbx_name != NULL)
    reports_download_record_set_pbx_name (record, result->pbx_name);
  if (request != NULL)
    {
      g_autoptr(GVariant) values = reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_WITH_IDS);

      reports_download_record_set_values (record, values);
    }
}

static void
on_report_started (ReportsSetRun *run,
                   guint          index,
                   Records       *records)
{
  update_names (run, index, g_ptr_array_index (records->records, index));
}

static void
on_report_progress (ReportsSetRun *run,
                    guint          index,
                    Records       *records)
{
  const ReportsSetResult *result = reports_set_run_get_result (run, index);

  reports_download_record_set_progress (g_ptr_array_index (records->records, index),
                                        result->received, result->total);
}

static void
on_report_finished (ReportsSetRun *run,
                    guint          index,
                    Records       *records)
{
  const ReportsSetResult *result = reports_set_run_get_result (run, index);
  ReportsDownloadRecord *record = g_ptr_array_index (records->records, index);

  update_names (run, index, record);
  reports_download_record_set_cancellable (record, NULL);

  if (result->path != NULL)
    {
      reports_download_record_set_progress (record, result->bytes, result->bytes);
      reports_download_record_set_size (record, result->bytes);
      reports_download_record_set_path (record, result->path);
      reports_download_record_set_status (record, REPORTS_DOWNLOAD_DONE);
    }
  else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    reports_download_record_set_status (record, REPORTS_DOWNLOAD_CANCELLED);
  else
    {
      g_autofree char *message = yeastar_text_escape (result->error != NULL ? result->error->message : "", -1);

      fail_record (record, message);
    }
}

void
reports_set_run_records_attach (ReportsSetRun          *run,
                                ReportsDownloadHistory *history)
{
  ReportsSet *set;
  Records *records;
  g_autoptr(GFile) output = NULL;
  g_autofree char *folder = NULL;
  guint n_reports;
  guint n_results;

  g_return_if_fail (REPORTS_IS_SET_RUN (run));
  g_return_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (history));
  g_return_if_fail (g_object_get_data (G_OBJECT (run), RECORDS_KEY) == NULL);

  set = reports_set_run_get_set (run);
  n_reports = reports_set_get_n_reports (set);
  n_results = reports_set_run_get_n_results (run);
  output = reports_set_dup_output_folder (set);
  folder = g_file_get_path (output);

  records = g_new0 (Records, 1);
  records->history = g_object_ref (history);
  records->records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_results; i++)
    {
      const ReportsSetResult *result = reports_set_run_get_result (run, i);
      const ReportsSetReport *report = reports_set_get_report (set, i % n_reports);
      g_autoptr(GVariant) values = dup_report_values (report);
      g_autofree char *host = reports_set_server_dup_host (result->server);
      ReportsDownloadRecord *record;

      record = reports_download_record_new (result->server, host, result->type, values, folder);
      reports_download_record_set_set (record, reports_set_get_name (set), i % n_reports);
      reports_download_record_set_cancellable (record, reports_set_run_get_cancellable (run, i));
      g_ptr_array_add (records->records, record);
    }

  /* The set's first report at the top; the list is written once. */
  reports_download_history_add_all (history, (ReportsDownloadRecord **) records->records->pdata,
                                    records->records->len);

  g_object_set_data_full (G_OBJECT (run), RECORDS_KEY, records, records_free);
  g_signal_connect (run, "report-started", G_CALLBACK (on_report_started), records);
  g_signal_connect (run, "report-progress", G_CALLBACK (on_report_progress), records);
  g_signal_connect (run, "report-finished", G_CALLBACK (on_report_finished), records);
}

ReportsDownloadRecord *
reports_set_run_records_get (ReportsSetRun *run,
                             guint          index)
{
  Records *records;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (run), NULL);

  records = g_object_get_data (G_OBJECT (run), RECORDS_KEY);
  if (records == NULL || index >= records->records->len)
    return NULL;

  return g_ptr_array_index (records->records, index);
}

void
reports_set_run_records_fail (ReportsSetRun *run,
                              const GError  *error)
{
  Records *records;
  g_autofree char *message = NULL;

  g_return_if_fail (REPORTS_IS_SET_RUN (run));
  g_return_if_fail (error != NULL);

  records = g_object_get_data (G_OBJECT (run), RECORDS_KEY);
  if (records == NULL)
    return;

  message = yeastar_text_escape (error->message, -1);
  for (guint i = 0; i < records->records->len; i++)
    {
      ReportsDownloadRecord *record = g_ptr_array_index (records->records, i);

      /* A cancelled run's reports are cancelled, as a cancelled download. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          reports_download_record_get_status (record) == REPORTS_DOWNLOAD_RUNNING)
        {
          reports_download_record_set_cancellable (record, NULL);
          reports_download_record_set_status (record, REPORTS_DOWNLOAD_CANCELLED);
        }
      else
        fail_record (record, message);
    }
}

ReportsSet *
reports_set_run_records_dup_retry_set (ReportsDownloadRecord  *record,
                                       GError                **error)
{
  const char *name;
  const char *type;
  g_autoptr(ReportsSet) set = NULL;
  guint n_reports;
  guint keep;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_RECORD (record), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = reports_download_record_get_set_name (record);
  type = reports_download_record_get_report_type (record);
  if (name == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This download is not part of a report set"));
      return NULL;
    }

  set = reports_set_store_load (name, error);
  if (set == NULL)
    return NULL;

  /* The PBX of the record, by its address; the others go. */
  for (guint i = reports_set_get_n_pbxs (set); i > 0; i--)
    {
      if (g_strcmp0 (reports_set_get_pbx (set, i - 1)->server, reports_download_record_get_pbx_uri (record)) != 0)
        reports_set_remove_pbx (set, i - 1);
    }
  if (reports_set_get_n_pbxs (set) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a set's name, the second a PBX's address */
                   _("The set “%s” no longer gets reports from %s"),
                   name, reports_download_record_get_pbx_uri (record));
      return NULL;
    }

  /* The report at its place, unless the set changed since: then the
   * first of its type. */
  n_reports = reports_set_get_n_reports (set);
  keep = reports_download_record_get_set_report (record);
  if (keep >= n_reports || g_strcmp0 (reports_set_get_report (set, keep)->type, type) != 0)
    {
      for (keep = 0; keep < n_reports; keep++)
        {
          if (g_strcmp0 (reports_set_get_report (set, keep)->type, type) == 0)
            break;
        }
    }
  if (keep == n_reports)
    {
      const YeastarReportType *report_type = yeastar_report_type_lookup (type);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a set's name, the second a report type's title */
                   _("The set “%s” no longer has the report “%s”"),
                   name, report_type != NULL ? yeastar_report_type_get_title (report_type) : type);
      return NULL;
    }

  for (guint i = n_reports; i > 0; i--)
    {
      if (i - 1 != keep)
        reports_set_remove_report (set, i - 1);
    }

  return g_steal_pointer (&set);
}
