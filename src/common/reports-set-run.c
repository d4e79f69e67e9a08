/* reports-set-run.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "reports-name-template.h"
#include "reports-set-names.h"
#include "reports-set-run.h"
#include "yeastar-cancellable.h"
#include "yeastar-client.h"
#include "yeastar-download.h"
#include "yeastar-request-length.h"

/*
 * Runs a report set: for each PBX one YeastarClient, so one login and one
 * access token (the PBX allows 8 at a time, shared with the window and
 * other tools), at most REPORTS_SET_RUN_MAX_CONCURRENT downloads at once,
 * and one del_token when its last report is done. The PBXs run side by
 * side.
 *
 * Numbers and names the set keeps for IDs are resolved on each PBX once
 * it is connected, before its first download (reports-set-names.c): a
 * name that matches nothing or several options fails its report alone.
 *
 * Each download goes into a private folder of its own inside a hidden
 * ".call-reports-XXXXXX" folder of the set's output folder (the same file
 * system), and is then given its name from the set's template with
 * link(2), which never replaces a file: a report exists under its final
 * name only when complete, and two reports of the same name become
 * "NAME" and "NAME (2)".
 */

typedef struct _PbxRun PbxRun;

typedef struct
{
  PbxRun                 *pbx;
  const ReportsSetReport *report;
  guint                   result_index;
  char                   *values[YEASTAR_N_PARAMS]; /* the IDs on this PBX */
  YeastarReportRequest   *request;
  char                   *relative;
  GFile                  *folder;
  GCancellable           *cancellable;  /* this report's, cancelled with the run's */
  gulong                  chain_id;
} Job;

struct _PbxRun
{
  ReportsSetRun       *run;      /* unowned */
  guint                index;
  const ReportsSetPbx *pbx;
  char                *secret;
  char                *pin;
  GError              *error;
  YeastarClient       *client;
  YeastarPbxInfo      *info;
  GDateTime           *now;
  char                *host;
  ReportsSetNames     *names;
  GPtrArray           *jobs;
  guint                next_job;
  guint                active;
  guint                finished;
  gboolean             closed;
};

struct _ReportsSetRun
{
  GObject       parent_instance;

  ReportsSet   *set;
  GPtrArray    *pbxs;       /* PbxRun */
  GArray       *results;    /* ReportsSetResult */

  GTask        *task;
  GFile        *output;
  GFile        *temp;
  guint         n_open;     /* PBXs not yet closed */
  guint         next_folder;
};

G_DEFINE_FINAL_TYPE (ReportsSetRun, reports_set_run, G_TYPE_OBJECT)

enum {
  REPORT_STARTED,
  REPORT_PROGRESS,
  REPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pbx_pump  (PbxRun *pbx);
static void pbx_close (PbxRun *pbx);

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void
job_free (Job *job)
{
  g_clear_object (&job->cancellable);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    g_free (job->values[p]);
  g_clear_object (&job->request);
  g_clear_object (&job->folder);
  g_free (job->relative);
  g_free (job);
}

static void
pbx_run_free (PbxRun *pbx)
{
  clear_secret (&pbx->secret);
  g_free (pbx->pin);
  g_clear_error (&pbx->error);
  g_clear_pointer (&pbx->names, reports_set_names_free);
  g_clear_object (&pbx->client);
  g_clear_object (&pbx->info);
  g_clear_pointer (&pbx->now, g_date_time_unref);
  g_free (pbx->host);
  g_clear_pointer (&pbx->jobs, g_ptr_array_unref);
  g_free (pbx);
}

static void
result_clear (gpointer data)
{
  ReportsSetResult *result = data;

  g_free (result->server);
  g_free (result->client_id);
  g_free (result->pbx_name);
  g_free (result->type);
  g_free (result->period);
  g_free (result->path);
  g_clear_error (&result->error);
}

static void
reports_set_run_finalize (GObject *object)
{
  ReportsSetRun *self = (ReportsSetRun *) object;

  g_clear_object (&self->set);
  g_clear_pointer (&self->pbxs, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_array_unref);
  g_clear_object (&self->output);
  g_clear_object (&self->temp);

  G_OBJECT_CLASS (reports_set_run_parent_class)->finalize (object);
}

static void
reports_set_run_class_init (ReportsSetRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_set_run_finalize;

  signals[REPORT_STARTED] =
    g_signal_new ("report-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[REPORT_PROGRESS] =
    g_signal_new ("report-progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[REPORT_FINISHED] =
    g_signal_new ("report-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
reports_set_run_init (ReportsSetRun *self)
{
  self->pbxs = g_ptr_array_new_with_free_func ((GDestroyNotify) pbx_run_free);
  self->results = g_array_new (FALSE, TRUE, sizeof (ReportsSetResult));
  g_array_set_clear_func (self->results, result_clear);
}

ReportsSetRun *
reports_set_run_new (ReportsSet *set)
{
  ReportsSetRun *self;

  g_return_val_if_fail (REPORTS_IS_SET (set), NULL);

  self = g_object_new (REPORTS_TYPE_SET_RUN, NULL);
  self->set = g_object_ref (set);

  for (guint i = 0; i < reports_set_get_n_pbxs (set); i++)
    {
      PbxRun *pbx = g_new0 (PbxRun, 1);

      pbx->run = self;
      pbx->index = i;
      pbx->pbx = reports_set_get_pbx (set, i);
      pbx->pin = g_strdup (pbx->pbx->pinned_certificate);
      pbx->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
      g_ptr_array_add (self->pbxs, pbx);

      for (guint r = 0; r < reports_set_get_n_reports (set); r++)
        {
          const ReportsSetReport *report = reports_set_get_report (set, r);
          ReportsSetResult result = { 0, };
          Job *job = g_new0 (Job, 1);

          result.server = g_strdup (pbx->pbx->server);
          result.client_id = g_strdup (pbx->pbx->client_id);
          result.type = g_strdup (report->type);
          result.period = reports_period_to_string (&report->period);
          result.total = -1;
          g_array_append_val (self->results, result);

          job->pbx = pbx;
          job->report = report;
          job->result_index = self->results->len - 1;
          job->cancellable = g_cancellable_new ();
          g_ptr_array_add (pbx->jobs, job);
        }
    }

  return self;
}

ReportsSet *
reports_set_run_get_set (ReportsSetRun *self)
{
  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), NULL);

  return self->set;
}

static PbxRun *
get_pbx (ReportsSetRun *self,
         guint          pbx_index)
{
  g_return_val_if_fail (pbx_index < self->pbxs->len, NULL);

  return g_ptr_array_index (self->pbxs, pbx_index);
}

void
reports_set_run_set_secret (ReportsSetRun *self,
                            guint          pbx_index,
                            const char    *secret)
{
  PbxRun *pbx;

  g_return_if_fail (REPORTS_IS_SET_RUN (self));

  if ((pbx = get_pbx (self, pbx_index)) == NULL)
    return;

  clear_secret (&pbx->secret);
  pbx->secret = g_strdup (secret);
}

void
reports_set_run_set_pbx_error (ReportsSetRun *self,
                               guint          pbx_index,
                               const GError  *error)
{
  PbxRun *pbx;

  g_return_if_fail (REPORTS_IS_SET_RUN (self));
  g_return_if_fail (error != NULL);

  if ((pbx = get_pbx (self, pbx_index)) == NULL)
    return;

  g_clear_error (&pbx->error);
  pbx->error = g_error_copy (error);
}

void
reports_set_run_set_pinned_certificate (ReportsSetRun *self,
                                        guint          pbx_index,
                                        const char    *sha256)
{
  PbxRun *pbx;

  g_return_if_fail (REPORTS_IS_SET_RUN (self));

  if ((pbx = get_pbx (self, pbx_index)) == NULL)
    return;

  g_free (pbx->pin);
  pbx->pin = g_strdup (sha256);
}

guint
reports_set_run_get_n_results (ReportsSetRun *self)
{
  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), 0);

  return self->results->len;
}

const ReportsSetResult *
reports_set_run_get_result (ReportsSetRun *self,
                            guint          index)
{
  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return &g_array_index (self->results, ReportsSetResult, index);
}

guint
reports_set_run_get_n_failed (ReportsSetRun *self)
{
  guint n = 0;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), 0);

  for (guint i = 0; i < self->results->len; i++)
    {
      if (g_array_index (self->results, ReportsSetResult, i).error != NULL)
        n++;
    }

  return n;
}

/* The reports the run's cancellation, or their own, stopped: counted in
 * reports_set_run_get_n_failed () too. */
guint
reports_set_run_get_n_cancelled (ReportsSetRun *self)
{
  guint n = 0;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), 0);

  for (guint i = 0; i < self->results->len; i++)
    {
      if (g_error_matches (g_array_index (self->results, ReportsSetResult, i).error,
                           G_IO_ERROR, G_IO_ERROR_CANCELLED))
        n++;
    }

  return n;
}

static ReportsSetResult *
job_get_result (Job *job)
{
  return &g_array_index (job->pbx->run->results, ReportsSetResult, job->result_index);
}

static Job *
find_job (ReportsSetRun *self,
          guint          index)
{
  for (guint i = 0; i < self->pbxs->len; i++)
    {
      PbxRun *pbx = g_ptr_array_index (self->pbxs, i);

      for (guint j = 0; j < pbx->jobs->len; j++)
        {
          Job *job = g_ptr_array_index (pbx->jobs, j);

          if (job->result_index == index)
            return job;
        }
    }

  return NULL;
}

void
reports_set_run_cancel_report (ReportsSetRun *self,
                               guint          index)
{
  Job *job;

  g_return_if_fail (REPORTS_IS_SET_RUN (self));
  g_return_if_fail (index < self->results->len);

  /* A report not started yet is not started; a running one stops. */
  if ((job = find_job (self, index)) != NULL)
    g_cancellable_cancel (job->cancellable);
}

YeastarReportRequest *
reports_set_run_get_request (ReportsSetRun *self,
                             guint          index)
{
  Job *job;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  job = find_job (self, index);
  return job != NULL ? job->request : NULL;
}

/* What reports_set_run_cancel_report () cancels. */
GCancellable *
reports_set_run_get_cancellable (ReportsSetRun *self,
                                 guint          index)
{
  Job *job;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  job = find_job (self, index);
  return job != NULL ? job->cancellable : NULL;
}

static void
job_finish (Job          *job,
            GFile        *file,
            guint64       bytes,
            const GError *error)
{
  ReportsSetResult *result = job_get_result (job);
  ReportsSetRun *self = job->pbx->run;

  g_assert (!result->done);

  result->done = TRUE;
  if (file != NULL)
    {
      result->path = g_file_get_path (file);
      result->bytes = bytes;
    }
  else
    {
      g_assert (error != NULL);
      result->error = g_error_copy (error);
    }

  if (job->folder != NULL)
    g_file_delete (job->folder, NULL, NULL);

  if (job->chain_id != 0 && self->task != NULL && g_task_get_cancellable (self->task) != NULL)
    g_cancellable_disconnect (g_task_get_cancellable (self->task), job->chain_id);
  job->chain_id = 0;

  job->pbx->finished++;
  g_signal_emit (self, signals[REPORT_FINISHED], 0, job->result_index);
}

static void
pbx_fail_all (PbxRun       *pbx,
              const GError *error)
{
  for (guint i = 0; i < pbx->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (pbx->jobs, i);

      if (!job_get_result (job)->done)
        job_finish (job, NULL, 0, error);
    }
}

static void
run_check_done (ReportsSetRun *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->n_open > 0 || self->task == NULL)
    return;

  /* Every job's folder is gone; only an empty folder is removed. */
  if (self->temp != NULL)
    g_file_delete (self->temp, NULL, NULL);

  task = g_steal_pointer (&self->task);
  g_task_return_boolean (task, TRUE);
}

static void
on_disconnected (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PbxRun *pbx = user_data;
  ReportsSetRun *self = pbx->run;

  /* A failed revocation leaves a token that expires by itself; the
   * reports are saved either way. */
  yeastar_client_disconnect_finish (YEASTAR_CLIENT (source), result, NULL);

  self->n_open--;
  run_check_done (self);
  g_object_unref (self);
}

static void
pbx_close (PbxRun *pbx)
{
  ReportsSetRun *self = pbx->run;

  if (pbx->closed)
    return;
  pbx->closed = TRUE;

  if (pbx->client != NULL && yeastar_client_get_logged_in (pbx->client))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      /* A fresh cancellable: even a cancelled run revokes its token. */
      yeastar_client_disconnect_async (pbx->client, cancellable, on_disconnected, pbx);
      g_object_ref (self);
      return;
    }

  self->n_open--;
  run_check_done (self);
}

static void
on_download_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = user_data;
  YeastarDownload *download = YEASTAR_DOWNLOAD (source);
  PbxRun *pbx = job->pbx;
  ReportsSetRun *self = pbx->run;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;

  file = yeastar_download_start_finish (download, result, &error);
  if (file != NULL)
    {
      target = reports_name_template_prepare (self->output, job->relative, &error);
      if (target != NULL)
        saved = reports_name_template_link (file, target, &error);
      if (saved == NULL)
        g_file_delete (file, NULL, NULL);
    }

  g_signal_handlers_disconnect_by_data (download, job);
  job_finish (job, saved, yeastar_download_get_bytes_received (download), error);
  g_object_unref (download);

  pbx->active--;
  pbx_pump (pbx);
  g_object_unref (self);
}

static void
on_download_progress (YeastarDownload *download,
                      GParamSpec      *pspec,
                      Job             *job)
{
  ReportsSetResult *result = job_get_result (job);
  guint64 received = yeastar_download_get_bytes_received (download);
  gint64 total = yeastar_download_get_total_bytes (download);

  if (result->received == received && result->total == total)
    return;

  result->received = received;
  result->total = total;
  g_signal_emit (job->pbx->run, signals[REPORT_PROGRESS], 0, job->result_index);
}

static void
job_start (Job *job)
{
  PbxRun *pbx = job->pbx;
  ReportsSetRun *self = pbx->run;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  YeastarDownload *download;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    {
      job_finish (job, NULL, 0, error);
      return;
    }

  name = g_strdup_printf ("%u", self->next_folder++);
  job->folder = g_file_get_child (self->temp, name);
  if (!g_file_make_directory (job->folder, NULL, &error))
    {
      g_clear_object (&job->folder);
      job_finish (job, NULL, 0, error);
      return;
    }

  pbx->active++;
  download = yeastar_download_new (pbx->client, job->request, job->folder);
  g_signal_connect (download, "notify::bytes-received", G_CALLBACK (on_download_progress), job);
  g_signal_connect (download, "notify::total-bytes", G_CALLBACK (on_download_progress), job);
  yeastar_download_start_async (download, job->cancellable, on_download_done, job);
  g_object_ref (self);
  g_signal_emit (self, signals[REPORT_STARTED], 0, job->result_index);
}

static void
pbx_pump (PbxRun *pbx)
{
  while (pbx->active < REPORTS_SET_RUN_MAX_CONCURRENT && pbx->next_job < pbx->jobs->len)
    {
      Job *job = g_ptr_array_index (pbx->jobs, pbx->next_job++);

      if (!job_get_result (job)->done)
        job_start (job);
    }

  if (pbx->active == 0 && pbx->finished == pbx->jobs->len)
    pbx_close (pbx);
}

/* The request of @job on the PBX's clock, with the IDs resolved on the
 * PBX, and its file's name. */
static gboolean
job_prepare (Job                *job,
             GDateTime          *now,
             YeastarDateFormat  *date_format,
             const char         *pbx_name,
             const char         *host,
             GError            **error)
{
  const ReportsSetReport *report = job->report;
  ReportsSetResult *result = job_get_result (job);
  ReportsSetRun *self = job->pbx->run;
  const YeastarReportType *type = yeastar_report_type_lookup (report->type);
  ReportsNameValues values = { 0, };

  job->request = yeastar_report_request_new ();
  yeastar_report_request_set_report_type (job->request, report->type);

  if (yeastar_report_type_uses_period (type))
    {
      g_autoptr(GDateTime) time = NULL;
      YeastarPeriodKind kind;

      if (reports_period_get_time (&report->period, now, &kind, &time))
        {
          yeastar_report_request_set_period_kind (job->request, kind);
          yeastar_report_request_set_period (job->request, time);
        }
    }
  else
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      reports_period_get_bounds (&report->period, now, &start, &end);
      yeastar_report_request_set_start_time (job->request, start);
      yeastar_report_request_set_end_time (job->request, end);
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (job->values[p] != NULL)
        yeastar_report_request_set_value (job->request, p, job->values[p]);
    }
  yeastar_report_request_set_async (job->request, report->async);

  g_free (result->period);
  result->period = reports_period_dup_label (&report->period, now);
  g_free (result->pbx_name);
  result->pbx_name = g_strdup (pbx_name);

  values.pbx = pbx_name;
  values.host = host;
  values.type = report->type;
  values.period = result->period;
  values.set = reports_set_get_name (self->set);
  job->relative = reports_name_template_expand (reports_set_get_name_template (self->set), &values);

  return yeastar_report_request_validate (job->request, NULL, error) &&
         yeastar_report_request_check_length (job->request, date_format, NULL, error);
}

static const char *
pbx_get_name (PbxRun *pbx)
{
  const char *name = yeastar_pbx_info_get_device_name (pbx->info);

  return name != NULL && name[0] != '\0' ? name : pbx->host;
}

static void on_names_fetched (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

/* Resolves the names of the reports not prepared yet, fetching the menus
 * they need, and then prepares their requests; downloads start once every
 * report of the PBX is ready or failed. */
static void
pbx_resolve (PbxRun *pbx)
{
  ReportsSetRun *self = pbx->run;

  for (guint i = 0; i < pbx->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (pbx->jobs, i);
      g_autoptr(GError) job_error = NULL;
      ReportsSetNamesStatus status;

      if (job_get_result (job)->done || job->request != NULL)
        continue;

      status = reports_set_names_resolve (pbx->names, job->report, job->values, &job_error);
      if (status == REPORTS_SET_NAMES_NEED_MENUS)
        continue;

      if (status == REPORTS_SET_NAMES_FAILED ||
          !job_prepare (job, pbx->now, yeastar_pbx_info_get_date_format (pbx->info),
                        pbx_get_name (pbx), pbx->host, &job_error))
        job_finish (job, NULL, 0, job_error);
    }

  if (reports_set_names_has_pending (pbx->names))
    {
      reports_set_names_fetch_async (pbx->names, g_task_get_cancellable (self->task),
                                     on_names_fetched, pbx);
      g_object_ref (self);
      return;
    }

  pbx_pump (pbx);
}

static void
on_names_fetched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PbxRun *pbx = user_data;
  ReportsSetRun *self = pbx->run;

  reports_set_names_fetch_finish (pbx->names, result);
  pbx_resolve (pbx);
  g_object_unref (self);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PbxRun *pbx = user_data;
  ReportsSetRun *self = pbx->run;
  g_autoptr(GError) error = NULL;

  pbx->info = yeastar_client_connect_finish (pbx->client, result, &error);
  if (pbx->info == NULL)
    {
      pbx_fail_all (pbx, error);
      pbx_close (pbx);
      g_object_unref (self);
      return;
    }

  /* The periods count on the PBX's clock and in its time zone; the
   * computer's clock only when the PBX did not tell its own. */
  if (yeastar_pbx_info_get_clock (pbx->info) != NULL)
    pbx->now = g_date_time_ref (yeastar_pbx_info_get_clock (pbx->info));
  else
    pbx->now = g_date_time_new_now_local ();

  pbx->host = reports_set_server_dup_host (pbx->pbx->server);
  pbx->names = reports_set_names_new (pbx->client, pbx_get_name (pbx));

  /* A report the set cannot send fails without asking the PBX anything. */
  for (guint i = 0; i < pbx->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (pbx->jobs, i);
      g_autoptr(GError) job_error = NULL;

      if (!reports_set_report_check (job->report, &job_error))
        job_finish (job, NULL, 0, job_error);
    }

  pbx_resolve (pbx);
  g_object_unref (self);
}

static void
pbx_start (PbxRun *pbx)
{
  ReportsSetRun *self = pbx->run;
  g_autoptr(GError) error = NULL;

  self->n_open++;

  /* Cancelled before it started (while its secret was looked up): its
   * reports are cancelled, whatever the lookup said. */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (self->task), &error))
    {
      pbx_fail_all (pbx, error);
      pbx_close (pbx);
      return;
    }

  if (pbx->error == NULL && pbx->secret == NULL)
    g_set_error (&pbx->error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("No Client Secret for %s"), pbx->pbx->server);

  if (pbx->error != NULL)
    {
      pbx_fail_all (pbx, pbx->error);
      pbx_close (pbx);
      return;
    }

  /* Nothing to download: no login. */
  if (pbx->jobs->len == 0)
    {
      pbx_close (pbx);
      return;
    }

  pbx->client = yeastar_client_new (pbx->pbx->server, pbx->pbx->client_id, pbx->secret, &error);
  clear_secret (&pbx->secret);
  if (pbx->client != NULL && pbx->pin != NULL &&
      !yeastar_client_set_pinned_certificate (pbx->client, pbx->pin))
    {
      g_clear_object (&pbx->client);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Not a SHA-256 fingerprint"));
    }

  if (pbx->client == NULL)
    {
      pbx_fail_all (pbx, error);
      pbx_close (pbx);
      return;
    }

  yeastar_client_connect_async (pbx->client, g_task_get_cancellable (self->task), on_connected, pbx);
  g_object_ref (self);
}

static gboolean
prepare_output (ReportsSetRun  *self,
                GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;

  self->output = reports_set_dup_output_folder (self->set);
  display = g_file_get_parse_name (self->output);

  info = g_file_query_info (self->output, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("The output folder “%s” cannot be used: %s"), display, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("The output “%s” is not a folder"), display);
      return FALSE;
    }

  path = g_file_get_path (self->output);
  temp = g_build_filename (path, ".call-reports-XXXXXX", NULL);
  if (g_mkdtemp_full (temp, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The output folder “%s” cannot be used: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  self->temp = g_file_new_for_path (temp);

  return TRUE;
}

void
reports_set_run_start_async (ReportsSetRun       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REPORTS_IS_SET_RUN (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, reports_set_run_start_async);

  if (!prepare_output (self, &error))
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The run's cancellable stops every report; each report's, only it. */
  if (cancellable != NULL)
    {
      for (guint i = 0; i < self->pbxs->len; i++)
        {
          PbxRun *pbx = g_ptr_array_index (self->pbxs, i);

          for (guint j = 0; j < pbx->jobs->len; j++)
            {
              Job *job = g_ptr_array_index (pbx->jobs, j);

              job->chain_id = yeastar_cancellable_chain (cancellable, job->cancellable);
            }
        }
    }

  /* Counts as open until every PBX has started, so that a PBX that fails
   * at once does not finish the run. */
  self->n_open = 1;
  for (guint i = 0; i < self->pbxs->len; i++)
    pbx_start (g_ptr_array_index (self->pbxs, i));
  self->n_open--;

  run_check_done (self);
}

gboolean
reports_set_run_start_finish (ReportsSetRun  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (REPORTS_IS_SET_RUN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
