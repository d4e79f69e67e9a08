/* yeastar-report-job.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-client-private.h"
#include "yeastar-error.h"
#include "yeastar-event-stream.h"
#include "yeastar-request-length.h"

/* One call_report/download request of YeastarClient: the system
 * information first (for the API version and the date format), then the
 * request through the client's queue, retried once in the date format a
 * v2.0 validator asks for; an asynchronous request (errcode 2) waits for
 * event 30027 on the client's event stream, one at a time (the async
 * slot). */

typedef struct
{
  YeastarReportRequest *request;
  YeastarReportPhaseFunc phase_func;
  gpointer phase_data;
  YeastarApiVersion version;
  YeastarEventStream *events;
  YeastarAsyncSlot *slot;   /* held while an asynchronous request may be outstanding */
  GCancellable *wait_cancellable;
  gulong abandon_id;
  GCancellable *caller_cancellable;
  YeastarReportLink *event_link;
  GError *event_error;
  guint corrected : 1;
  guint processing : 1;     /* the PBX answered errcode 2 */
  guint event_done : 1;
  guint waiting : 1;        /* a wait on the event stream is running */
  guint sent : 1;           /* an asynchronous request went to the queue */
  guint replied : 1;        /* ... and its HTTP reply arrived */
} ReportData;

static void report_release_slot (ReportData *data);

static void
report_data_free (ReportData *data)
{
  if (data->abandon_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->abandon_id);
  g_clear_object (&data->caller_cancellable);
  if (data->wait_cancellable != NULL)
    g_cancellable_cancel (data->wait_cancellable);
  g_clear_object (&data->wait_cancellable);
  /* Nothing of this request can be outstanding any more: the wait and the
   * HTTP call each hold the task until they are done. */
  data->waiting = FALSE;
  data->replied = TRUE;
  report_release_slot (data);
  g_clear_object (&data->request);
  g_clear_object (&data->events);
  g_clear_pointer (&data->event_link, yeastar_report_link_free);
  g_clear_error (&data->event_error);
  g_free (data);
}

static void report_send (GTask *task);

/* Gives the asynchronous slot back once nothing of this request can be
 * outstanding: no wait runs and no request is on its way. */
static void
report_release_slot (ReportData *data)
{
  if (data->slot == NULL || data->waiting || (data->sent && !data->replied))
    return;

  yeastar_async_slot_release (data->slot);
  g_clear_object (&data->slot);
}

static gboolean
report_task_done (GTask *task)
{
  return g_task_get_completed (task) || g_object_get_data (G_OBJECT (task), "returned") != NULL;
}

static void
report_return (GTask             *task,
               YeastarReportLink *link,
               GError            *error)
{
  ReportData *data = g_task_get_task_data (task);

  if (report_task_done (task))
    {
      yeastar_report_link_free (link);
      g_clear_error (&error);
      return;
    }
  g_object_set_data (G_OBJECT (task), "returned", GINT_TO_POINTER (TRUE));

  /* Stop a wait that is no longer needed; but while the PBX may still
   * prepare this request's report, its event is awaited and discarded,
   * so that it cannot complete a later request. */
  if (data->waiting && data->wait_cancellable != NULL &&
      !(data->sent && (!data->replied || data->processing)))
    g_cancellable_cancel (data->wait_cancellable);
  report_release_slot (data);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, link, (GDestroyNotify) yeastar_report_link_free);
}

static void
on_report_event (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  YeastarReportLink *link;

  data->waiting = FALSE;
  link = yeastar_event_stream_wait_report_finish (YEASTAR_EVENT_STREAM (object), result, &error);

  if (report_task_done (task))
    {
      /* The caller cancelled (or the request failed) while the PBX
      * prepared the report: this event was its, and is dropped. */
      g_debug ("event 30027 of a cancelled request discarded (%s)",
               link != NULL ? "a link" : error->message);
      g_clear_pointer (&link, yeastar_report_link_free);
      report_release_slot (data);
      return;
    }

  if (data->processing)
    {
      /* The HTTP reply came first: this is the answer. */
      report_return (task, link, g_steal_pointer (&error));
      return;
    }

  /* The event beat the HTTP reply (or the wait was stopped): keep it. */
  data->event_done = TRUE;
  data->event_link = link;
  data->event_error = g_steal_pointer (&error);
}

static YeastarDateFormat *
report_format (YeastarClient *self)
{
  return self->corrected_format ? self->corrected_format
                                : yeastar_pbx_info_get_date_format (self->pbx_info);
}

/* The "valid format: <Go layout>" hint of a 40002 reply, as a format.
 * A date-time layout (start_time, end_time) tells the whole format. A
 * date-only layout (a day's `time`) tells only the date order and the
 * separator: the 12/24-hour setting of @current is kept, because a format
 * without time, remembered for the connection, would take the time out of
 * every later range report. A date-time hint wins over a date-only one. */
static YeastarDateFormat *
format_from_hint (const GError      *error,
                  YeastarDateFormat *current)
{
  GPtrArray *params = yeastar_error_get_invalid_params (error);
  g_autoptr(YeastarDateFormat) date_only = NULL;

  for (guint i = 0; params != NULL && i < params->len; i++)
    {
      const char *valid_msg = yeastar_invalid_param_get_valid_msg (g_ptr_array_index (params, i));
      g_autoptr(YeastarDateFormat) format = NULL;

      if (valid_msg == NULL || strstr (valid_msg, "valid format") == NULL)
        continue;
      format = yeastar_date_format_new_from_go_layout (valid_msg, NULL);
      if (format == NULL)
        continue;
      if (yeastar_date_format_has_time (format))
        return g_steal_pointer (&format);
      if (date_only == NULL)
        date_only = g_steal_pointer (&format);
    }

  if (date_only == NULL)
    return NULL;

  if (current == NULL)
    return yeastar_date_format_new_full (yeastar_date_format_get_order (date_only),
                                         yeastar_date_format_get_separator (date_only),
                                         FALSE);

  return yeastar_date_format_with_date_of (current, date_only);
}

static void
on_report_reply (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  YeastarReportLink *link;

  root = _yeastar_client_call_finish (self, result, &error);
  data->replied = TRUE;

  if (data->sent && report_task_done (task))
    {
      /* Abandoned by the caller while the request was on its way. If the
       * PBX took it, its event is still to come: keep waiting for it
       * (and holding the slot); otherwise nothing will come. */
      if (root != NULL && json_object_get_int_member (root, "errcode") == 2)
        data->processing = TRUE;
      else if (data->waiting)
        g_cancellable_cancel (data->wait_cancellable);
      report_release_slot (data);
      return;
    }

  if (root == NULL)
    {
      if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER) && !data->corrected)
        {
          g_autoptr(YeastarDateFormat) corrected = format_from_hint (error, report_format (self));

          /* Retry once with the format the PBX's validator asked for, and
           * keep it for this connection; the same format again is no fix. */
          if (corrected != NULL && !yeastar_date_format_equal (corrected, report_format (self)))
            {
              g_autofree char *description = yeastar_date_format_to_string (corrected);

              g_debug ("PBX asked for date format %s, retrying once", description);
              _yeastar_client_set_corrected_format (self, corrected);
              data->corrected = TRUE;
              report_send (task);
              return;
            }
        }
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (json_object_get_int_member (root, "errcode") == 2)
    {
      if (data->events == NULL)
        {
          report_return (task, NULL,
                         g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                      _("The PBX prepares the report in the background although "
                                        "it was asked for it directly.")));
          return;
        }

      data->processing = TRUE;
      if (data->phase_func != NULL && !report_task_done (task))
        data->phase_func (_YEASTAR_REPORT_PHASE_PREPARING, data->phase_data);

      if (data->event_done)
        report_return (task, g_steal_pointer (&data->event_link), g_steal_pointer (&data->event_error));
      return;
    }

  link = _yeastar_report_link_new_from_json (root, &error);
  report_return (task, link, g_steal_pointer (&error));
}

static void
report_send (GTask *task)
{
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  query = yeastar_report_request_to_query (data->request, report_format (self), &error);
  if (query == NULL)
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* A URL the PBX's web server would refuse (HTTP 414) is not sent. */
  if (!yeastar_report_request_check_length (data->request, report_format (self), NULL, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (data->events == NULL)
    {
      _yeastar_client_call_async (self, "GET", data->version, "call_report/download", query,
                                  FALSE, g_task_get_cancellable (task),
                                  on_report_reply, g_object_ref (task));
      return;
    }

  /* An asynchronous request is not cancelled on its way: only its reply
   * tells whether the PBX took it, and then its event must be awaited. */
  data->sent = TRUE;
  data->replied = FALSE;
  _yeastar_client_call_async (self, "GET", data->version, "call_report/download", query,
                              TRUE, NULL, on_report_reply, g_object_ref (task));
}

static gboolean
report_abandon (gpointer user_data)
{
  GTask *task = user_data;

  report_return (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
  return G_SOURCE_REMOVE;
}

/* The caller cancelled an asynchronous request: it ends at once for the
 * caller, while the request keeps its place (see report_return). */
static void
on_report_cancelled (GCancellable *cancellable,
                     GTask        *task)
{
  /* Inside g_cancellable_cancel(): defer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, report_abandon, g_object_ref (task), g_object_unref);
}

static void
on_report_events_open (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!yeastar_event_stream_open_finish (YEASTAR_EVENT_STREAM (object), result, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Subscribed: start waiting BEFORE the request goes out. The wait is
   * not the caller's to cancel: see report_return. */
  data->wait_cancellable = g_cancellable_new ();
  if (g_task_get_cancellable (task) != NULL)
    {
      data->caller_cancellable = g_object_ref (g_task_get_cancellable (task));
      data->abandon_id = g_cancellable_connect (data->caller_cancellable, G_CALLBACK (on_report_cancelled),
                                                task, NULL);
    }
  data->waiting = TRUE;
  yeastar_event_stream_wait_report_async (data->events, self->report_timeout,
                                          data->wait_cancellable, on_report_event,
                                          g_object_ref (task));
  report_send (task);
}

static void
on_report_slot (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarClient *self = g_task_get_source_object (task);
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!yeastar_async_slot_acquire_finish (YEASTAR_ASYNC_SLOT (object), result, &error))
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* Released when the task's data goes, i.e. when nothing of this request
   * is outstanding any more. */
  data->slot = g_object_ref (YEASTAR_ASYNC_SLOT (object));

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The client keeps the stream, and lets it go (it closes itself) when
   * it logs out or is disposed; yeastar-private.h. */
  data->events = g_object_get_data (G_OBJECT (self), _YEASTAR_CLIENT_EVENTS_KEY);
  if (data->events == NULL)
    {
      data->events = yeastar_event_stream_new (self);
      g_object_set_data_full (G_OBJECT (self), _YEASTAR_CLIENT_EVENTS_KEY,
                              data->events, _yeastar_event_stream_release);
    }
  g_object_ref (data->events);
  yeastar_event_stream_open_async (data->events, g_task_get_cancellable (task),
                                   on_report_events_open, g_object_ref (task));
}

static void
on_report_info (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  ReportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;

  info = yeastar_client_get_pbx_info_finish (self, result, &error);
  if (info == NULL)
    {
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* The request's version wins, then the client's, then the firmware. */
  data->version = yeastar_report_request_get_api_version (data->request);
  if (data->version == YEASTAR_API_VERSION_AUTO)
    data->version = self->api_version;
  if (data->version == YEASTAR_API_VERSION_AUTO)
    data->version = yeastar_pbx_info_get_default_api_version (info);

  if (!yeastar_report_request_get_async (data->request))
    {
      report_send (task);
      return;
    }

  /* One asynchronous request at a time: wait for the slot first. */
  yeastar_async_slot_acquire_async (self->async_slot, g_task_get_cancellable (task),
                                    on_report_slot, g_object_ref (task));
}

void
_yeastar_client_request_report_async (YeastarClient          *self,
                                      YeastarReportRequest   *request,
                                      YeastarReportPhaseFunc  phase_func,
                                      gpointer                phase_data,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReportData *data;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (request));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_request_report_async);

  data = g_new0 (ReportData, 1);
  data->request = g_object_ref (request);
  data->phase_func = phase_func;
  data->phase_data = phase_data;
  g_task_set_task_data (task, data, (GDestroyNotify) report_data_free);

  /* Nothing is sent for a request that cannot be valid. */
  if (!yeastar_report_request_validate (request, NULL, &error))
    {
      if (error->domain != YEASTAR_ERROR)
        {
          GError *wrapped = g_error_new_literal (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST, error->message);

          g_clear_error (&error);
          error = wrapped;
        }
      report_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (phase_func != NULL)
    phase_func (_YEASTAR_REPORT_PHASE_REQUESTING, phase_data);

  yeastar_client_get_pbx_info_async (self, cancellable, on_report_info, g_steal_pointer (&task));
}

/**
 * yeastar_client_request_report_async:
 * @request: what to generate
 *
 * Asks the PBX for a report and returns where to download it. The request
 * is validated locally first. With the request's "async" set, the event
 * stream is subscribed before the request goes out and the link arrives
 * with event 30027 (within #YeastarClient:report-timeout). A 40002 reply
 * with a "valid format:" hint is retried once with that format.
 */
void
yeastar_client_request_report_async (YeastarClient        *self,
                                     YeastarReportRequest *request,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  _yeastar_client_request_report_async (self, request, NULL, NULL, cancellable, callback, user_data);
}

YeastarReportLink *
yeastar_client_request_report_finish (YeastarClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
