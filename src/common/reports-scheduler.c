/* reports-scheduler.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-scheduler.h"
#include "reports-secrets.h"
#include "reports-set-state.h"
#include "reports-set-store.h"

/*
 * One entry per set with a schedule. Its next run is the schedule's first
 * time after a reference: the set's last run, or when its schedule was
 * turned on if that is later, or (neither known) when this scheduler
 * first saw it. A due time in the past is a run that was missed; it runs
 * at once, and as that run becomes the reference, only once.
 *
 * GLib's timers count on the monotonic clock, which stops while the
 * computer sleeps, so a timer is never armed for more than
 * MAX_TIMER_SECONDS: after a resume the scheduler looks again within
 * that time.
 */

#define MAX_TIMER_SECONDS 300
/* Changes of the sets folder come in bursts (a file written whole is a
 * temporary file and a rename). */
#define RELOAD_DELAY_MS 500

typedef struct
{
  char          *name;
  ReportsSet    *set;
  gint64         reference;  /* Unix time */
  ReportsSetRun *run;        /* while it runs */
  guint          next_secret;
  gboolean       seen;
  gboolean       orphan;     /* no longer scheduled; dropped after its run */
} Entry;

struct _ReportsScheduler
{
  GObject                     parent_instance;

  GHashTable                 *entries;  /* name → Entry */
  ReportsSchedulerClockFunc   clock;
  gpointer                    clock_data;
  ReportsSchedulerSecretFunc  secret_func;
  gpointer                    secret_data;
  GCancellable               *cancellable;
  GFileMonitor               *monitor;
  guint                       timeout_id;
  guint                       reload_id;
  guint                       n_scheduled;
  guint                       n_running;
};

G_DEFINE_FINAL_TYPE (ReportsScheduler, reports_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_SCHEDULED,
  PROP_N_RUNNING,
  N_PROPS
};

enum {
  RUN_STARTED,
  RUN_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void entry_start_run (ReportsScheduler *self,
                             Entry            *entry);

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_clear_object (&entry->set);
  g_clear_object (&entry->run);
  g_free (entry);
}

static GDateTime *
scheduler_now (ReportsScheduler *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_date_time_new_now_local ();
}

/**
 * reports_scheduler_stop:
 *
 * Cancels the runs under way and starts no other: the process is about
 * to end. Each cancelled run still counts in #ReportsScheduler:n-running
 * until it has ended (its partial files removed, its token revoked); no
 * run is recorded or signalled as finished.
 */
void
reports_scheduler_stop (ReportsScheduler *self)
{
  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
reports_scheduler_dispose (GObject *object)
{
  reports_scheduler_stop (REPORTS_SCHEDULER (object));

  G_OBJECT_CLASS (reports_scheduler_parent_class)->dispose (object);
}

static void
reports_scheduler_finalize (GObject *object)
{
  ReportsScheduler *self = (ReportsScheduler *) object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_scheduler_parent_class)->finalize (object);
}

static void
reports_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReportsScheduler *self = REPORTS_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_N_SCHEDULED:
      g_value_set_uint (value, self->n_scheduled);
      break;

    case PROP_N_RUNNING:
      g_value_set_uint (value, self->n_running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_scheduler_class_init (ReportsSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_scheduler_dispose;
  object_class->finalize = reports_scheduler_finalize;
  object_class->get_property = reports_scheduler_get_property;

  properties[PROP_N_SCHEDULED] =
    g_param_spec_uint ("n-scheduled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_RUNNING] =
    g_param_spec_uint ("n-running", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReportsScheduler::run-started:
   * @run: the ReportsSetRun, not started yet
   */
  signals[RUN_STARTED] =
    g_signal_new ("run-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REPORTS_TYPE_SET_RUN);

  /**
   * ReportsScheduler::run-finished:
   * @run: the ReportsSetRun, its results filled in and recorded
   * @error: (nullable): a GError when the run failed as a whole
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, REPORTS_TYPE_SET_RUN, G_TYPE_POINTER);
}

static void
reports_scheduler_init (ReportsScheduler *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
}

ReportsScheduler *
reports_scheduler_new (void)
{
  return g_object_new (REPORTS_TYPE_SCHEDULER, NULL);
}

void
reports_scheduler_set_clock (ReportsScheduler          *self,
                             ReportsSchedulerClockFunc  func,
                             gpointer                   user_data)
{
  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  self->clock = func;
  self->clock_data = user_data;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

void
reports_scheduler_set_secret_func (ReportsScheduler           *self,
                                   ReportsSchedulerSecretFunc  func,
                                   gpointer                    user_data)
{
  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  self->secret_func = func;
  self->secret_data = user_data;
}

static void
set_n_running (ReportsScheduler *self,
               guint             n_running)
{
  if (self->n_running == n_running)
    return;

  self->n_running = n_running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
}

static void
update_n_scheduled (ReportsScheduler *self)
{
  GHashTableIter iter;
  Entry *entry;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    n += !entry->orphan;

  if (self->n_scheduled == n)
    return;

  self->n_scheduled = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCHEDULED]);
}

/* The schedule's first time after the entry's reference, in @now's zone. */
static GDateTime *
entry_dup_due (Entry     *entry,
               GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->reference);
  g_autoptr(GDateTime) reference = NULL;

  if (utc == NULL)
    return NULL;

  reference = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));

  return reports_schedule_next (reports_set_get_schedule (entry->set), reference);
}

static gint64
load_reference (const char *name,
                GDateTime  *now)
{
  g_autoptr(ReportsSetState) state = reports_set_state_load (name);
  gint64 reference = MAX (state->last_run, state->scheduled);

  return reference > 0 ? reference : g_date_time_to_unix (now);
}

void
reports_scheduler_reload (ReportsScheduler *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GHashTableIter iter;
  Entry *entry;

  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  now = scheduler_now (self);
  names = reports_set_store_list (&error);
  if (names == NULL)
    {
      g_warning ("The report sets could not be read: %s", error->message);
      return;
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry->seen = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(ReportsSet) set = NULL;
      g_autoptr(GError) load_error = NULL;

      set = reports_set_store_load (names[i], &load_error);
      if (set == NULL)
        {
          g_warning ("The report set “%s” is not scheduled: %s", names[i], load_error->message);
          continue;
        }

      if (reports_set_get_schedule (set)->kind == REPORTS_SCHEDULE_NONE)
        continue;

      entry = g_hash_table_lookup (self->entries, names[i]);
      if (entry == NULL)
        {
          entry = g_new0 (Entry, 1);
          entry->name = g_strdup (names[i]);
          g_hash_table_insert (self->entries, entry->name, entry);
        }

      g_set_object (&entry->set, set);
      entry->seen = TRUE;
      entry->orphan = FALSE;
      /* A run in progress records itself when it ends. */
      if (entry->run == NULL)
        entry->reference = load_reference (names[i], now);
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (entry->seen)
        continue;
      if (entry->run != NULL)
        entry->orphan = TRUE;
      else
        g_hash_table_iter_remove (&iter);
    }

  update_n_scheduled (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  ReportsScheduler *self = user_data;

  self->timeout_id = 0;
  reports_scheduler_check (self);

  return G_SOURCE_REMOVE;
}

void
reports_scheduler_check (ReportsScheduler *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  GHashTableIter iter;
  Entry *entry;

  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  now = scheduler_now (self);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      g_autoptr(GDateTime) time = NULL;

      if (entry->run != NULL || entry->orphan)
        continue;

      time = entry_dup_due (entry, now);
      if (time == NULL)
        continue;

      if (g_date_time_compare (time, now) <= 0)
        g_ptr_array_add (due, entry);
      else if (next == NULL || g_date_time_compare (time, next) < 0)
        {
          g_clear_pointer (&next, g_date_time_unref);
          next = g_date_time_ref (time);
        }
    }

  /* Started after the walk: a run may end (and check again) at once. */
  for (guint i = 0; i < due->len; i++)
    entry_start_run (self, g_ptr_array_index (due, i));

  /* The tests' clock moves when they say so. */
  if (next != NULL && self->clock == NULL && self->timeout_id == 0)
    {
      GTimeSpan span = g_date_time_difference (next, now);
      guint seconds = (guint) CLAMP (span / G_TIME_SPAN_SECOND + 1, 1, MAX_TIMER_SECONDS);

      self->timeout_id = g_timeout_add_seconds (seconds, on_timeout, self);
    }
}

static gboolean
on_reload (gpointer user_data)
{
  ReportsScheduler *self = user_data;

  self->reload_id = 0;
  reports_scheduler_reload (self);
  reports_scheduler_check (self);

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  ReportsScheduler *self = user_data;

  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload, self);
}

void
reports_scheduler_start (ReportsScheduler *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REPORTS_IS_SCHEDULER (self));

  if (self->monitor == NULL)
    {
      folder = reports_set_store_dup_folder ();
      g_file_make_directory_with_parents (folder, NULL, NULL);
      self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self, 0);
      else
        g_warning ("Changes of the report sets will be seen at the next start: %s", error->message);
    }

  reports_scheduler_reload (self);
  reports_scheduler_check (self);
}

guint
reports_scheduler_get_n_scheduled (ReportsScheduler *self)
{
  g_return_val_if_fail (REPORTS_IS_SCHEDULER (self), 0);

  return self->n_scheduled;
}

guint
reports_scheduler_get_n_running (ReportsScheduler *self)
{
  g_return_val_if_fail (REPORTS_IS_SCHEDULER (self), 0);

  return self->n_running;
}

GDateTime *
reports_scheduler_dup_next_run (ReportsScheduler *self,
                                const char       *name)
{
  g_autoptr(GDateTime) now = NULL;
  Entry *entry;

  g_return_val_if_fail (REPORTS_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, name);
  if (entry == NULL || entry->orphan)
    return NULL;

  now = scheduler_now (self);

  return entry_dup_due (entry, now);
}

/* A run: the secrets, one PBX after the other, then the run engine. */

typedef struct
{
  ReportsScheduler *self;
  char             *name;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->self);
  g_free (data->name);
  g_free (data);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunData *data = user_data;
  ReportsScheduler *self = data->self;
  g_autoptr(ReportsSetRun) run = g_object_ref (REPORTS_SET_RUN (source));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) record_error = NULL;
  Entry *entry;

  reports_set_run_start_finish (run, result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      set_n_running (self, self->n_running - 1);
      run_data_free (data);
      return;
    }

  now = scheduler_now (self);
  if (!reports_set_state_record_run (run, error, now, &record_error))
    g_warning ("The run of the report set “%s” could not be recorded: %s",
               data->name, record_error->message);

  entry = g_hash_table_lookup (self->entries, data->name);
  if (entry != NULL && entry->run == run)
    {
      g_clear_object (&entry->run);
      entry->reference = g_date_time_to_unix (now);
      if (entry->orphan)
        g_hash_table_remove (self->entries, data->name);
    }

  set_n_running (self, self->n_running - 1);
  g_signal_emit (self, signals[RUN_FINISHED], 0, run, error);

  update_n_scheduled (self);
  reports_scheduler_check (self);
  run_data_free (data);
}

static void entry_next_secret (RunData *data);

static void
entry_take_secret (RunData      *data,
                   char         *secret,
                   const GError *error)
{
  Entry *entry = g_hash_table_lookup (data->self->entries, data->name);
  guint index = entry->next_secret++;

  if (secret != NULL)
    {
      reports_set_run_set_secret (entry->run, index, secret);
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
  else
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (entry->set, index);
      g_autoptr(GError) missing = reports_set_pbx_new_missing_secret_error (pbx, error);

      reports_set_run_set_pbx_error (entry->run, index, missing);
    }

  entry_next_secret (data);
}

static void
on_secret_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RunData *data = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = reports_secrets_lookup_finish (result, &error);

  if (g_cancellable_is_cancelled (data->self->cancellable))
    {
      if (secret != NULL)
        memset (secret, 0, strlen (secret));
      g_free (secret);
      set_n_running (data->self, data->self->n_running - 1);
      run_data_free (data);
      return;
    }

  entry_take_secret (data, secret, error);
}

static void
entry_next_secret (RunData *data)
{
  ReportsScheduler *self = data->self;
  Entry *entry = g_hash_table_lookup (self->entries, data->name);
  const ReportsSetPbx *pbx;

  if (entry->next_secret == reports_set_get_n_pbxs (entry->set))
    {
      reports_set_run_start_async (entry->run, self->cancellable, on_run_done, data);
      return;
    }

  pbx = reports_set_get_pbx (entry->set, entry->next_secret);
  if (self->secret_func != NULL)
    entry_take_secret (data, self->secret_func (pbx, self->secret_data), NULL);
  else
    reports_secrets_lookup_async (pbx->server, pbx->client_id, self->cancellable,
                                  on_secret_looked_up, data);
}

static void
entry_start_run (ReportsScheduler *self,
                 Entry            *entry)
{
  RunData *data;

  g_assert (entry->run == NULL);

  g_debug ("Running the scheduled report set “%s”", entry->name);
  entry->run = reports_set_run_new (entry->set);
  entry->next_secret = 0;
  set_n_running (self, self->n_running + 1);
  g_signal_emit (self, signals[RUN_STARTED], 0, entry->run);

  data = g_new0 (RunData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (entry->name);
  entry_next_secret (data);
}
