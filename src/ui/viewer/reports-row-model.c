/* reports-row-model.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-report-row.h"
#include "reports-row-model.h"

/*
 * The rows of a YeastarReportLoader (or its totals) as a GListModel of
 * ReportsReportRow, made on demand: the model holds only the order of the
 * rows shown (4 bytes a row, none while in file order), so a million
 * rows stay a million table rows, not objects. Rows appear as the loader
 * delivers them.
 *
 * Sorting by a column (yeastar_report_table_sort(), by the column's
 * kind) and searching (a row is shown when one of its cells contains the
 * text, ignoring case) run in a worker thread over the loader's table,
 * which is only read once the load is over: a sort or search asked for
 * while rows still stream in is applied when the last batch is in.
 *
 * An item keeps its identity while it lives: get_item() gives the same
 * object for a position as long as someone holds it, and a new order
 * points the living items at their new rows before ::items-changed.
 * GTK 4.8 replaces the row widget of every item that changed: after a
 * sort of a million rows that was every row widget (a cell widget per
 * column each), and the sort's frame waited for them. Now it keeps them;
 * ::reordered tells the view to draw the new rows into the cells it has
 * bound, and that the selection's positions mean other rows now.
 */

struct _ReportsRowModel
{
  GObject              parent_instance;

  YeastarReportLoader *loader;
  gboolean             totals;

  guint               *order;   /* NULL: the table's rows in file order */
  guint                n_items;

  int                  sort_column;  /* -1: file order */
  gboolean             descending;
  char                *search;       /* casefolded, NULL: none */

  GCancellable        *cancellable;  /* the running sort or search */
  gboolean             pending;      /* asked for while loading */
  gboolean             held;         /* new rows wait: reports_row_model_hold() */

  GHashTable          *live;         /* position → ReportsReportRow, weak */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReportsRowModel, reports_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  REORDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
reports_row_model_get_item_type (GListModel *model)
{
  return REPORTS_TYPE_REPORT_ROW;
}

static guint
reports_row_model_get_n_items (GListModel *model)
{
  return REPORTS_ROW_MODEL (model)->n_items;
}

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_object_was)
{
  ReportsRowModel *self = data;
  guint position = reports_report_row_get_position ((ReportsReportRow *) where_the_object_was);

  if (g_hash_table_lookup (self->live, GUINT_TO_POINTER (position)) == where_the_object_was)
    g_hash_table_remove (self->live, GUINT_TO_POINTER (position));
}

static gpointer
reports_row_model_get_item (GListModel *model,
                            guint       position)
{
  ReportsRowModel *self = REPORTS_ROW_MODEL (model);
  ReportsReportRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = reports_report_row_new (reports_row_model_get_row (self, position), self->totals);
  reports_report_row_set_position (row, position);
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  return row;
}

/* The living items show the rows now at their positions; those past
 * the end are let go (GTK drops them). */
static void
retarget_items (ReportsRowModel *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < self->n_items)
        {
          reports_report_row_set_index (value, reports_row_model_get_row (self, position));
        }
      else
        {
          g_object_weak_unref (value, row_gone_cb, self);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = reports_row_model_get_item_type;
  iface->get_n_items = reports_row_model_get_n_items;
  iface->get_item = reports_row_model_get_item;
}

static YeastarReportTable *
table (ReportsRowModel *self)
{
  return self->totals ? yeastar_report_loader_get_totals (self->loader)
                      : yeastar_report_loader_get_rows (self->loader);
}

static void
set_n_items (ReportsRowModel *self,
             guint           *order,
             guint            n_items)
{
  guint old = self->n_items;
  guint common = MIN (old, n_items);
  guint lo = G_MAXUINT, hi = 0;
  GHashTableIter iter;
  gpointer key;

  g_free (self->order);
  self->order = order;
  self->n_items = n_items;
  retarget_items (self);
  g_signal_emit (self, signals[REORDERED], 0);

  /* The span of the living items left: the row widgets, and GTK's
   * trackers (its anchor, the focus) among them. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      lo = MIN (lo, GPOINTER_TO_UINT (key));
      hi = MAX (hi, GPOINTER_TO_UINT (key));
    }

  /* GTK 4.8 asks for every added item of a change that holds one of its
   * trackers, looking for the tracked items: a million new objects for
   * a million rows. So the change comes in parts, from the end, each as
   * the model is now: the rows gone or added at the end (none added where
   * the items let go were), then the rows after, over and before the
   * living items; only the part over them, a few hundred rows, adds
   * items where a tracker is. */
  if (lo == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n_items);
    }
  else
    {
      if (old != n_items)
        g_list_model_items_changed (G_LIST_MODEL (self), common, old - common, n_items - common);
      if (common > hi + 1)
        g_list_model_items_changed (G_LIST_MODEL (self), hi + 1, common - hi - 1, common - hi - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo + 1, hi - lo + 1);
      if (lo > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, lo, lo);
    }
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
rows_added_cb (ReportsRowModel     *self,
               guint                position,
               guint                n_added,
               YeastarReportLoader *loader)
{
  /* While rows stream in, the view is in file order. */
  if (self->order != NULL || self->held)
    return;

  self->n_items = position + n_added;
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_items - n_added, 0, n_added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * reports_row_model_hold:
 * @held: whether rows the loader adds wait
 *
 * While held, the model does not grow; released, it shows every row
 * delivered meanwhile. The view holds it from the first screen of rows
 * to their first frame, so that GTK draws them before it makes the
 * widgets of the next rows.
 */
void
reports_row_model_hold (ReportsRowModel *self,
                        gboolean         held)
{
  guint n;

  g_return_if_fail (REPORTS_IS_ROW_MODEL (self));

  self->held = held;
  if (held || self->order != NULL)
    return;

  n = yeastar_report_table_get_n_rows (table (self));
  if (n > self->n_items)
    {
      guint old = self->n_items;

      self->n_items = n;
      g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n - old);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/**
 * reports_row_model_show_more:
 * @n: how many more rows to show at most
 *
 * While held (and in file order), shows up to @n more of the rows the
 * loader has delivered: the view brings in the rows after the first
 * screen a few at a time, as GTK 4.8 makes the row widgets of every row
 * added within 200 of its anchor at once, in ::items-changed.
 *
 * Returns: how many rows delivered still wait
 */
guint
reports_row_model_show_more (ReportsRowModel *self,
                             guint            n)
{
  guint available;

  g_return_val_if_fail (REPORTS_IS_ROW_MODEL (self), 0);

  if (!self->held || self->order != NULL)
    return 0;

  available = yeastar_report_table_get_n_rows (table (self));
  if (available <= self->n_items)
    return 0;

  n = MIN (n, available - self->n_items);
  if (n > 0)
    {
      self->n_items += n;
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_items - n, 0, n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  return available - self->n_items;
}

typedef struct
{
  const YeastarReportTable *table;
  guint                     n_columns;
  int                       column;
  YeastarCellKind           kind;
  YeastarDateOrder          date_order;
  gboolean                  descending;
  char                     *search;
  guint                     n_result;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->search);
  g_free (job);
}

/* ASCII-only search text: compare bytes, ignoring ASCII case. */
static gboolean
ascii_contains (const char *haystack,
                const char *needle,
                gsize       needle_length)
{
  for (; *haystack != '\0'; haystack++)
    if (g_ascii_tolower (*haystack) == needle[0] &&
        g_ascii_strncasecmp (haystack, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
row_matches (const char **cells,
             guint        n,
             const char  *search,
             gboolean     ascii)
{
  gsize length = strlen (search);

  for (guint i = 0; i < n; i++)
    {
      if (ascii)
        {
          if (ascii_contains (cells[i], search, length))
            return TRUE;
        }
      else
        {
          g_autofree char *folded = g_utf8_casefold (cells[i], -1);

          if (strstr (folded, search) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) * text >= 0x80)
      return FALSE;
  return TRUE;
}

static void
order_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  guint n = yeastar_report_table_get_n_rows (job->table);
  g_autofree guint *order = NULL;
  g_autofree const char **cells = g_new (const char *, MAX (job->n_columns, 1));
  gboolean ascii;
  guint kept = 0;

  if (job->column >= 0)
    {
      order = yeastar_report_table_sort (job->table, (guint) job->column, job->kind, job->date_order,
                                         job->descending);
    }
  else
    {
      order = g_new (guint, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        order[i] = i;
    }

  if (job->search == NULL)
    {
      job->n_result = n;
      g_task_return_pointer (task, g_steal_pointer (&order), g_free);
      return;
    }

  ascii = is_ascii (job->search);
  for (guint i = 0; i < n; i++)
    {
      guint n_cells;

      if ((i & 0xFFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      n_cells = yeastar_report_table_get_row (job->table, order[i], cells, job->n_columns);
      if (row_matches (cells, MIN (n_cells, job->n_columns), job->search, ascii))
        order[kept++] = order[i];
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  job->n_result = kept;
  g_task_return_pointer (task, g_steal_pointer (&order), g_free);
}

static void
order_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ReportsRowModel *self = REPORTS_ROW_MODEL (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  guint *order;

  order = g_task_propagate_pointer (G_TASK (result), &error);
  if (order == NULL)
    return;

  g_clear_object (&self->cancellable);
  if (self->sort_column < 0 && self->search == NULL)
    {
      g_free (order);
      set_n_items (self, NULL, yeastar_report_table_get_n_rows (table (self)));
    }
  else
    {
      set_n_items (self, order, job->n_result);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_order (ReportsRowModel *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  gboolean was_busy = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (yeastar_report_loader_is_loading (self->loader))
    {
      self->pending = TRUE;
      if (was_busy)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }
  self->pending = FALSE;

  if (self->sort_column < 0 && self->search == NULL)
    {
      set_n_items (self, NULL, yeastar_report_table_get_n_rows (table (self)));
      if (was_busy)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  job = g_new0 (Job, 1);
  job->table = table (self);
  job->n_columns = yeastar_report_loader_get_n_columns (self->loader);
  job->column = self->sort_column < (int) job->n_columns ? self->sort_column : -1;
  if (job->column >= 0)
    {
      job->kind = yeastar_report_loader_get_column_kind (self->loader, (guint) job->column);
      job->date_order = yeastar_report_loader_get_column_date_order (self->loader, (guint) job->column);
    }
  job->descending = self->descending;
  job->search = g_strdup (self->search);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, order_done, NULL);
  g_task_set_source_tag (task, update_order);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, order_thread);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
loading_cb (ReportsRowModel     *self,
            GParamSpec          *pspec,
            YeastarReportLoader *loader)
{
  if (!yeastar_report_loader_is_loading (loader) && self->pending)
    update_order (self);
}

static void
reports_row_model_dispose (GObject *object)
{
  ReportsRowModel *self = REPORTS_ROW_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, row_gone_cb, self);
  g_hash_table_remove_all (self->live);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->loader != NULL)
    g_signal_handlers_disconnect_by_data (self->loader, self);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (reports_row_model_parent_class)->dispose (object);
}

static void
reports_row_model_finalize (GObject *object)
{
  ReportsRowModel *self = REPORTS_ROW_MODEL (object);

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->live, g_hash_table_unref);

  G_OBJECT_CLASS (reports_row_model_parent_class)->finalize (object);
}

static void
reports_row_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReportsRowModel *self = REPORTS_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, reports_row_model_is_busy (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_row_model_class_init (ReportsRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_row_model_dispose;
  object_class->finalize = reports_row_model_finalize;
  object_class->get_property = reports_row_model_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReportsRowModel::reordered:
   *
   * The rows have a new order (a sort, a search, or their end): the
   * living items show the rows now at their positions. Emitted before
   * ::items-changed, which keeps those items.
   */
  signals[REORDERED] =
    g_signal_new ("reordered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
reports_row_model_init (ReportsRowModel *self)
{
  self->sort_column = -1;
  self->live = g_hash_table_new (NULL, NULL);
}

/**
 * reports_row_model_new:
 * @totals: the loader's total rows rather than its data rows
 */
ReportsRowModel *
reports_row_model_new (YeastarReportLoader *loader,
                       gboolean             totals)
{
  ReportsRowModel *self;

  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (loader), NULL);

  self = g_object_new (REPORTS_TYPE_ROW_MODEL, NULL);
  self->loader = g_object_ref (loader);
  self->totals = totals;
  self->n_items = yeastar_report_table_get_n_rows (table (self));
  g_signal_connect_object (loader, totals ? "totals-added" : "rows-added", G_CALLBACK (rows_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loader, "notify::loading", G_CALLBACK (loading_cb), self, G_CONNECT_SWAPPED);

  return self;
}

YeastarReportLoader *
reports_row_model_get_loader (ReportsRowModel *self)
{
  g_return_val_if_fail (REPORTS_IS_ROW_MODEL (self), NULL);

  return self->loader;
}

/**
 * reports_row_model_set_sort:
 * @column: the column to sort by, -1 for the file's order
 */
void
reports_row_model_set_sort (ReportsRowModel *self,
                            int              column,
                            gboolean         descending)
{
  g_return_if_fail (REPORTS_IS_ROW_MODEL (self));

  if (self->sort_column == column && (column < 0 || self->descending == descending))
    return;

  self->sort_column = column;
  self->descending = descending;
  update_order (self);
}

/**
 * reports_row_model_set_search:
 * @text: (nullable): show only the rows with a cell that contains @text,
 *   in any case; %NULL or "" for every row
 */
void
reports_row_model_set_search (ReportsRowModel *self,
                              const char      *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (REPORTS_IS_ROW_MODEL (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);
  if (g_strcmp0 (folded, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  update_order (self);
}

/* Whether a sort or search is being worked out. */
gboolean
reports_row_model_is_busy (ReportsRowModel *self)
{
  g_return_val_if_fail (REPORTS_IS_ROW_MODEL (self), FALSE);

  return self->cancellable != NULL || self->pending;
}

/* The table row shown at @position. */
guint
reports_row_model_get_row (ReportsRowModel *self,
                           guint            position)
{
  g_return_val_if_fail (REPORTS_IS_ROW_MODEL (self), 0);
  g_return_val_if_fail (position < self->n_items, 0);

  return self->order != NULL ? self->order[position] : position;
}
