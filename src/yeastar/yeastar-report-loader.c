/* yeastar-report-loader.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-report-loader.h"

/*
 * A report file read in a worker thread and handed, batch by batch, to
 * the thread that created the loader (its thread-default main context):
 * a first small batch as soon as the header and a screenful of rows are
 * read, then batches of about `batch-bytes` of text until the end.
 *
 * The worker fills a fresh pair of YeastarReportTables (rows and totals)
 * for each batch and gives them away; the main thread moves their blocks
 * into its own two tables (yeastar_report_table_take_rows(), a few bytes
 * a row), so that the rows are never copied and the main thread's tables
 * are only ever touched by the main thread. With each batch come the
 * columns as known so far (a wider row adds columns; a column's kind
 * covers the rows read so far) and the bytes read, for a progress bar.
 *
 * The worker may wait after the first batch
 * (yeastar_report_loader_set_first_batch_pause()) until the main thread
 * has drawn it (yeastar_report_loader_resume()): a worker reading at full
 * speed takes a core from the main thread and the display server while
 * they make and draw the first screen.
 *
 * Signals, in this order, on the main thread: ::header-ready once,
 * ::columns-changed when the columns or their kinds change,
 * ::rows-added and ::totals-added per batch; then the load's callback.
 */

#define DEFAULT_FIRST_BATCH 64
#define DEFAULT_BATCH_BYTES (8 * 1024 * 1024 - 512 * 1024)

typedef struct
{
  char             *name;
  YeastarCellKind   kind;
  YeastarDateOrder  order;
} Column;

struct _YeastarReportLoader
{
  GObject              parent_instance;

  GFile               *file;
  guint                first_batch;
  gsize                batch_bytes;
  guint                pause_ms;   /* after the first batch, at most */
  struct _Gate        *gate;       /* the running load's, while it may pause */

  /* The main thread's view of the file */
  GStrv                preamble;
  GArray              *columns;   /* Column */
  YeastarReportTable  *rows;
  YeastarReportTable  *totals;
  guint64              bytes_read;
  guint64              size;
  guint                loading : 1;
  guint                header_ready : 1;
  guint                reserved : 1;
  guint                truncated : 1;
};

G_DEFINE_FINAL_TYPE (YeastarReportLoader, yeastar_report_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOADING,
  PROP_BYTES_READ,
  PROP_SIZE,
  PROP_N_ROWS,
  N_PROPS
};

enum {
  HEADER_READY,
  COLUMNS_CHANGED,
  ROWS_ADDED,
  TOTALS_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the worker hands over: owned by the batch until applied. */
typedef struct
{
  YeastarReportLoader *loader;      /* ref */
  GCancellable        *cancellable; /* nullable, ref */
  GStrv                preamble;    /* the first batch only */
  GArray              *columns;     /* Column */
  YeastarReportTable  *rows;
  YeastarReportTable  *totals;
  guint64              bytes_read;
  guint64              size;
  gboolean             truncated;
} Batch;

/* Where the worker waits after the first batch: shared by the worker
 * and the main thread, under its mutex. */
typedef struct _Gate
{
  gatomicrefcount ref_count;
  GMutex          mutex;
  GCond           cond;
  gboolean        open;
} Gate;

/* The worker's own, immutable for it: never the loader's fields. */
typedef struct
{
  YeastarReportLoader *loader;      /* ref, only passed on to batches */
  GFile               *file;
  GMainContext        *context;
  guint                first_batch;
  gsize                batch_bytes;
  guint                pause_ms;
  Gate                *gate;        /* ref, nullable */
} Job;

static Gate *
gate_new (void)
{
  Gate *gate = g_new0 (Gate, 1);

  g_atomic_ref_count_init (&gate->ref_count);
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  return gate;
}

static Gate *
gate_ref (Gate *gate)
{
  g_atomic_ref_count_inc (&gate->ref_count);
  return gate;
}

static void
gate_unref (Gate *gate)
{
  if (!g_atomic_ref_count_dec (&gate->ref_count))
    return;
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
  g_free (gate);
}

/* Any thread: the main thread's resume, the cancellable's cancel. */
static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

static void
gate_cancelled_cb (GCancellable *cancellable,
                   Gate         *gate)
{
  gate_open (gate);
}

/* The worker: until the gate opens, the load is cancelled or @max_ms
 * passed. */
static void
gate_wait (Gate         *gate,
           guint         max_ms,
           GCancellable *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) max_ms * G_TIME_SPAN_MILLISECOND;
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (gate_cancelled_cb), gate_ref (gate),
                                     (GDestroyNotify) gate_unref);

  g_mutex_lock (&gate->mutex);
  while (!gate->open)
    if (!g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
      break;
  g_mutex_unlock (&gate->mutex);

  g_cancellable_disconnect (cancellable, handler);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

static GArray *
columns_new (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, column_clear);
  return columns;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_object (&batch->loader);
  g_clear_object (&batch->cancellable);
  g_clear_pointer (&batch->preamble, g_strfreev);
  g_clear_pointer (&batch->columns, g_array_unref);
  g_clear_pointer (&batch->rows, yeastar_report_table_free);
  g_clear_pointer (&batch->totals, yeastar_report_table_free);
  g_free (batch);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->loader);
  g_clear_object (&job->file);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->gate, gate_unref);
  g_free (job);
}

static void
yeastar_report_loader_finalize (GObject *object)
{
  YeastarReportLoader *self = (YeastarReportLoader *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->gate, gate_unref);
  g_clear_pointer (&self->preamble, g_strfreev);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->rows, yeastar_report_table_free);
  g_clear_pointer (&self->totals, yeastar_report_table_free);

  G_OBJECT_CLASS (yeastar_report_loader_parent_class)->finalize (object);
}

static void
yeastar_report_loader_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  YeastarReportLoader *self = YEASTAR_REPORT_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_BYTES_READ:
      g_value_set_uint64 (value, self->bytes_read);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_N_ROWS:
      g_value_set_uint (value, yeastar_report_table_get_n_rows (self->rows));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_loader_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  YeastarReportLoader *self = YEASTAR_REPORT_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_loader_class_init (YeastarReportLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_report_loader_finalize;
  object_class->get_property = yeastar_report_loader_get_property;
  object_class->set_property = yeastar_report_loader_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BYTES_READ] =
    g_param_spec_uint64 ("bytes-read", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YeastarReportLoader::header-ready:
   *
   * The preamble and the columns are known; before the first rows.
   */
  signals[HEADER_READY] =
    g_signal_new ("header-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * YeastarReportLoader::columns-changed:
   *
   * A wider row added columns, or the rows of a batch changed a column's
   * kind (an integer column met a text cell).
   */
  signals[COLUMNS_CHANGED] =
    g_signal_new ("columns-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * YeastarReportLoader::rows-added:
   * @position: the first new row of yeastar_report_loader_get_rows()
   * @n_added: how many
   */
  signals[ROWS_ADDED] =
    g_signal_new ("rows-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * YeastarReportLoader::totals-added:
   * @position: the first new row of yeastar_report_loader_get_totals()
   * @n_added: how many
   */
  signals[TOTALS_ADDED] =
    g_signal_new ("totals-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
yeastar_report_loader_init (YeastarReportLoader *self)
{
  self->first_batch = DEFAULT_FIRST_BATCH;
  self->batch_bytes = DEFAULT_BATCH_BYTES;
  self->columns = columns_new ();
  self->rows = yeastar_report_table_new ();
  self->totals = yeastar_report_table_new ();
}

YeastarReportLoader *
yeastar_report_loader_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (YEASTAR_TYPE_REPORT_LOADER, "file", file, NULL);
}

/**
 * yeastar_report_loader_get_file:
 *
 * Returns: (transfer none): the file
 */
GFile *
yeastar_report_loader_get_file (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), NULL);

  return self->file;
}

/**
 * yeastar_report_loader_set_first_batch:
 * @n_rows: the rows of the first batch (a screenful), at least 1
 *
 * Before yeastar_report_loader_load_async(); 64 by default: GtkListView in GTK 4.8 makes up
 * to 200 row widgets at once, and a first batch that small is on screen
 * sooner.
 */
void
yeastar_report_loader_set_first_batch (YeastarReportLoader *self,
                                       guint                n_rows)
{
  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (self));

  self->first_batch = MAX (n_rows, 1);
}

/**
 * yeastar_report_loader_set_first_batch_pause:
 * @max_ms: how long the worker waits at most after the first batch; 0
 *   (the default): it does not wait
 *
 * Before yeastar_report_loader_load_async(): once the first batch is
 * handed over, the worker waits for yeastar_report_loader_resume() (or
 * the load's cancellation, or @max_ms), so that the first screen is made
 * and drawn without the worker taking a core meanwhile.
 */
void
yeastar_report_loader_set_first_batch_pause (YeastarReportLoader *self,
                                             guint                max_ms)
{
  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (self));

  self->pause_ms = max_ms;
}

/**
 * yeastar_report_loader_resume:
 *
 * Lets the worker go on after the first batch
 * (yeastar_report_loader_set_first_batch_pause()); nothing otherwise.
 */
void
yeastar_report_loader_resume (YeastarReportLoader *self)
{
  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (self));

  if (self->gate != NULL)
    gate_open (self->gate);
}

/**
 * yeastar_report_loader_set_batch_bytes:
 * @n_bytes: the text of the later batches; 7.5 MiB by default (one block
 *   of a YeastarReportTable, nearly full)
 */
void
yeastar_report_loader_set_batch_bytes (YeastarReportLoader *self,
                                       gsize                n_bytes)
{
  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (self));

  self->batch_bytes = MAX (n_bytes, 1);
}

static GArray *
snapshot_columns (YeastarReportFile *file)
{
  GArray *columns = columns_new ();
  guint n = yeastar_report_file_get_n_columns (file);

  for (guint i = 0; i < n; i++)
    {
      Column column;

      column.name = g_strdup (yeastar_report_file_get_column_name (file, i));
      column.kind = yeastar_report_file_get_column_kind (file, i);
      column.order = yeastar_report_file_get_column_date_order (file, i);
      g_array_append_val (columns, column);
    }
  return columns;
}

static gboolean
columns_equal (GArray *a,
               GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const Column *x = &g_array_index (a, Column, i);
      const Column *y = &g_array_index (b, Column, i);

      if (x->kind != y->kind || x->order != y->order || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }
  return TRUE;
}

/* On the main thread. */
static void
apply_batch (YeastarReportLoader *self,
             Batch               *batch)
{
  guint rows_position = yeastar_report_table_get_n_rows (self->rows);
  guint totals_position = yeastar_report_table_get_n_rows (self->totals);
  guint n_rows = yeastar_report_table_get_n_rows (batch->rows);
  guint n_totals = yeastar_report_table_get_n_rows (batch->totals);
  gboolean columns_changed = !columns_equal (self->columns, batch->columns);

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_pointer (&self->columns, g_array_unref);
  self->columns = g_steal_pointer (&batch->columns);
  self->size = batch->size;
  self->truncated = batch->truncated;
  if (self->bytes_read != batch->bytes_read)
    {
      self->bytes_read = batch->bytes_read;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_READ]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);

  if (!self->header_ready)
    {
      self->preamble = g_steal_pointer (&batch->preamble);
      self->header_ready = TRUE;
      g_signal_emit (self, signals[HEADER_READY], 0);
    }
  else if (columns_changed)
    {
      g_signal_emit (self, signals[COLUMNS_CHANGED], 0);
    }

  /* Room for the whole file's rows, estimated from the first batch of
   * full size: the table grown by doubling copied its bookkeeping into
   * fresh pages on this thread, tens of ms per step for a million rows. */
  if (!self->reserved && rows_position > 0 && self->size > self->bytes_read && self->bytes_read > 0)
    {
      guint64 expected = (guint64) (rows_position + n_rows) * self->size / self->bytes_read;

      expected += expected / 8;
      yeastar_report_table_reserve (self->rows, (guint) MIN (expected, G_MAXUINT32 - 1));
      self->reserved = TRUE;
    }

  /* A table of 2³² − 2 rows is full: the rest is dropped (the reader
   * errs before that: a table can not hold them either). */
  if (yeastar_report_table_take_rows (self->rows, g_steal_pointer (&batch->rows)) && n_rows > 0)
    {
      g_signal_emit (self, signals[ROWS_ADDED], 0, rows_position, n_rows);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
    }
  if (yeastar_report_table_take_rows (self->totals, g_steal_pointer (&batch->totals)) && n_totals > 0)
    g_signal_emit (self, signals[TOTALS_ADDED], 0, totals_position, n_totals);

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
deliver_batch (gpointer data)
{
  Batch *batch = data;

  /* A cancelled load delivers nothing more. */
  if (batch->cancellable == NULL || !g_cancellable_is_cancelled (batch->cancellable))
    apply_batch (batch->loader, batch);

  return G_SOURCE_REMOVE;
}

static Batch *
batch_new (Job          *job,
           GCancellable *cancellable,
           guint64       size)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->loader = g_object_ref (job->loader);
  batch->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  batch->rows = yeastar_report_table_new ();
  batch->totals = yeastar_report_table_new ();
  batch->size = size;
  return batch;
}

static void
batch_close (Batch             *batch,
             YeastarReportFile *file)
{
  batch->columns = snapshot_columns (file);
  batch->bytes_read = yeastar_report_file_get_bytes_read (file);
  batch->truncated = yeastar_report_file_is_truncated (file);
}

/* An idle source in the loader's context, never g_main_context_invoke():
 * that runs the callback in the calling thread when the context is the
 * global default one and nobody holds it at that moment. */
static void
send_batch (Job   *job,
            Batch *batch)
{
  GSource *source = g_idle_source_new ();

  /* After the window's redraws and input; in order, before the result. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, deliver_batch, batch, batch_free);
  g_source_set_static_name (source, "[yeastar] report batch");
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static guint64
stream_size (GFileInputStream *stream,
             GCancellable     *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                              cancellable, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return 0;
  return (guint64) g_file_info_get_size (info);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(YeastarReportFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Batch *batch;
  YeastarReportRow row;
  guint64 size;
  gsize bytes = 0;
  guint n = 0;
  gboolean first = TRUE;

  stream = g_file_read (job->file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  size = stream_size (stream, cancellable);

  file = yeastar_report_file_new (G_INPUT_STREAM (stream));
  if (!yeastar_report_file_read_header (file, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  batch = batch_new (job, cancellable, size);
  batch->preamble = g_strdupv ((char **) yeastar_report_file_get_preamble (file));

  while (yeastar_report_file_next_row (file, &row, cancellable, &error))
    {
      if (!yeastar_report_table_append (row.is_total ? batch->totals : batch->rows, &row.record))
        {
          g_set_error_literal (&error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_TOO_LARGE,
                               _("The report has more cells than can be held"));
          break;
        }
      n++;
      bytes += row.record.n_cells > 0 ? row.record.starts[row.record.n_cells] : 0;

      if ((first && n >= job->first_batch) || (!first && bytes >= job->batch_bytes))
        {
          batch_close (batch, file);
          send_batch (job, batch);
          if (first && job->gate != NULL)
            gate_wait (job->gate, job->pause_ms, cancellable);
          batch = batch_new (job, cancellable, size);
          first = FALSE;
          n = 0;
          bytes = 0;
        }
    }

  if (error != NULL)
    {
      batch_free (batch);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The last batch is the task's result: applied before the callback. */
  batch_close (batch, file);
  g_task_return_pointer (task, batch, batch_free);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  YeastarReportLoader *self = YEASTAR_REPORT_LOADER (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Batch *batch;

  self->loading = FALSE;
  g_clear_pointer (&self->gate, gate_unref);

  batch = g_task_propagate_pointer (G_TASK (result), &error);
  if (batch == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_batch (self, batch);
  batch_free (batch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_task_return_boolean (task, TRUE);
}

/**
 * yeastar_report_loader_load_async:
 *
 * Reads the file in a worker thread; the rows arrive in batches
 * (::rows-added) in the thread-default main context of the caller, and
 * @callback runs once the last one is in. Once only.
 */
void
yeastar_report_loader_load_async (YeastarReportLoader *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Job *job;

  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_report_loader_load_async);

  if (self->loading || self->header_ready)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "The report is already loaded");
      return;
    }

  job = g_new0 (Job, 1);
  job->loader = g_object_ref (self);
  job->file = g_object_ref (self->file);
  job->context = g_main_context_ref_thread_default ();
  job->first_batch = self->first_batch;
  job->batch_bytes = self->batch_bytes;
  job->pause_ms = self->pause_ms;
  if (self->pause_ms > 0)
    {
      self->gate = gate_new ();
      job->gate = gate_ref (self->gate);
    }

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  worker = g_task_new (self, cancellable, load_done, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  /* The batches, and after them the result, come at idle priority: the
   * window's redraws and input go first, and they stay in order. */
  g_task_set_priority (worker, G_PRIORITY_DEFAULT_IDLE);
  g_task_set_task_data (worker, job, job_free);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
yeastar_report_loader_load_finish (YeastarReportLoader  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
yeastar_report_loader_is_loading (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), FALSE);

  return self->loading;
}

gboolean
yeastar_report_loader_is_header_ready (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), FALSE);

  return self->header_ready;
}

/**
 * yeastar_report_loader_is_truncated:
 *
 * Returns: whether the file ended inside a quoted field
 */
gboolean
yeastar_report_loader_is_truncated (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), FALSE);

  return self->truncated;
}

/* The bytes of the file read when the last batch was made. */
guint64
yeastar_report_loader_get_bytes_read (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), 0);

  return self->bytes_read;
}

/* The file's size, 0 when unknown (a pipe). */
guint64
yeastar_report_loader_get_size (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), 0);

  return self->size;
}

/**
 * yeastar_report_loader_get_fraction:
 *
 * Returns: how much of the file is read, 0 to 1 (1 once loaded)
 */
double
yeastar_report_loader_get_fraction (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), 0);

  if (self->header_ready && !self->loading)
    return 1.0;
  if (self->size == 0)
    return 0.0;
  return MIN (1.0, (double) self->bytes_read / (double) self->size);
}

/**
 * yeastar_report_loader_get_title:
 *
 * Returns: (nullable): the first preamble line
 */
const char *
yeastar_report_loader_get_title (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), NULL);

  return self->preamble != NULL ? self->preamble[0] : NULL;
}

/**
 * yeastar_report_loader_get_preamble:
 *
 * Returns: (transfer none): the lines before the header, the title first
 */
const char * const *
yeastar_report_loader_get_preamble (YeastarReportLoader *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), none);

  return self->preamble != NULL ? (const char * const *) self->preamble : none;
}

guint
yeastar_report_loader_get_n_columns (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), 0);

  return self->columns->len;
}

const char *
yeastar_report_loader_get_column_name (YeastarReportLoader *self,
                                       guint                column)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), "");
  g_return_val_if_fail (column < self->columns->len, "");

  return g_array_index (self->columns, Column, column).name;
}

YeastarCellKind
yeastar_report_loader_get_column_kind (YeastarReportLoader *self,
                                       guint                column)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), YEASTAR_CELL_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, YEASTAR_CELL_KIND_TEXT);

  return g_array_index (self->columns, Column, column).kind;
}

YeastarDateOrder
yeastar_report_loader_get_column_date_order (YeastarReportLoader *self,
                                             guint                column)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), YEASTAR_DATE_ORDER_YMD);
  g_return_val_if_fail (column < self->columns->len, YEASTAR_DATE_ORDER_YMD);

  return g_array_index (self->columns, Column, column).order;
}

/**
 * yeastar_report_loader_get_rows:
 *
 * Returns: (transfer none): the data rows delivered so far; grows on
 *   ::rows-added, on the main thread only
 */
YeastarReportTable *
yeastar_report_loader_get_rows (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), NULL);

  return self->rows;
}

/**
 * yeastar_report_loader_get_totals:
 *
 * Returns: (transfer none): the total and subtotal rows delivered so far
 */
YeastarReportTable *
yeastar_report_loader_get_totals (YeastarReportLoader *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (self), NULL);

  return self->totals;
}
