/* reports-chart-data.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reports-chart-data.h"
#include "yeastar-text.h"

/*
 * The values a chart draws, from a report's rows: one numeric or
 * duration column against the label column (the first text column:
 * extension, agent, queue, trunk; or the first date-time column).
 *
 * - Rows that are days or hours (the label column holds date-times, or
 *   time ranges such as "10:00-11:00"): a line, in the file's order.
 * - Otherwise bars, largest first: the first 20, then "Others" for the
 *   rest (their sum; their mean for percentages, which do not add up).
 *
 * A million rows take a while (each value parsed, each label looked up):
 * reports_chart_data_new_for_report_async() makes the chart's data in a
 * worker thread from the loader's rows, which no longer change once the
 * loader has read the whole file.
 */

/* How many rows between two looks at the cancellable. */
#define CANCEL_EVERY 65536

ReportsChartData *
reports_chart_data_new (const char      *title,
                        YeastarCellKind  kind,
                        gboolean         line)
{
  ReportsChartData *self = g_new0 (ReportsChartData, 1);

  self->title = g_strdup (title);
  self->kind = kind;
  self->line = line;
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

void
reports_chart_data_free (ReportsChartData *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->value_name);
  g_free (self->label_name);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);
  g_free (self);
}

void
reports_chart_data_add (ReportsChartData *self,
                        const char       *label,
                        double            value)
{
  g_ptr_array_add (self->labels, yeastar_text_escape (label, -1));
  g_array_append_val (self->values, value);
}

gboolean
reports_chart_data_is_chartable (YeastarCellKind kind)
{
  return kind == YEASTAR_CELL_KIND_INTEGER || kind == YEASTAR_CELL_KIND_DECIMAL ||
         kind == YEASTAR_CELL_KIND_PERCENTAGE || kind == YEASTAR_CELL_KIND_DURATION;
}

/* "10:00-11:00", "10:00 - 11:00", "10:00": an hour of a day. */
static gboolean
is_hour_label (const char *text)
{
  return g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':' &&
         g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]);
}

/**
 * reports_chart_data_find_label_column:
 *
 * Returns: the column that names the rows: the first text column (or the
 *   number column just before it: "Agent Number", "Agent Name"); without
 *   text columns, the first date-time column (a day or hour a row), else
 *   the first; -1 without columns
 */
int
reports_chart_data_find_label_column (YeastarReportLoader *loader)
{
  guint n = yeastar_report_loader_get_n_columns (loader);

  for (guint i = 0; i < n; i++)
    if (yeastar_report_loader_get_column_kind (loader, i) == YEASTAR_CELL_KIND_TEXT)
      return i > 0 && yeastar_report_loader_get_column_kind (loader, i - 1) == YEASTAR_CELL_KIND_INTEGER
             ? (int) i - 1 : (int) i;
  for (guint i = 0; i < n; i++)
    if (yeastar_report_loader_get_column_kind (loader, i) == YEASTAR_CELL_KIND_DATE_TIME)
      return (int) i;
  return n > 0 ? 0 : -1;
}

/* An agent "1021-Alexander Cano", a queue "6400" and "Support": the
 * label column and the text column after it, when the first is a number. */
static char *
row_label (YeastarReportLoader *loader,
           YeastarReportTable  *rows,
           guint                row,
           guint                label_column)
{
  const char *label = yeastar_report_table_get_cell (rows, row, label_column);
  guint next = label_column + 1;

  if (yeastar_report_loader_get_column_kind (loader, label_column) == YEASTAR_CELL_KIND_INTEGER &&
      next < yeastar_report_loader_get_n_columns (loader) &&
      yeastar_report_loader_get_column_kind (loader, next) == YEASTAR_CELL_KIND_TEXT)
    {
      const char *name = yeastar_report_table_get_cell (rows, row, next);

      if (*name != '\0')
        return g_strdup_printf ("%s %s", label, name);
    }
  return g_strdup (label);
}

typedef struct
{
  guint  row;
  double value;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return (x->row > y->row) - (x->row < y->row);
}

/* NULL when @cancellable was cancelled. */
static ReportsChartData *
new_for_report (YeastarReportLoader *loader,
                guint                label_column,
                guint                value_column,
                GCancellable        *cancellable)
{
  YeastarReportTable *rows = yeastar_report_loader_get_rows (loader);
  YeastarCellKind kind = yeastar_report_loader_get_column_kind (loader, value_column);
  guint n = yeastar_report_table_get_n_rows (rows);
  /* Sized for every row at once: grown, its reallocs copied it with
   * malloc's arena lock held, and the main thread's allocations waited. */
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n);
  g_autofree char *value_name = yeastar_text_escape (yeastar_report_loader_get_column_name (loader, value_column), -1);
  g_autofree char *label_name = yeastar_text_escape (yeastar_report_loader_get_column_name (loader, label_column), -1);
  ReportsChartData *self;
  gboolean line;

  line = yeastar_report_loader_get_column_kind (loader, label_column) == YEASTAR_CELL_KIND_DATE_TIME ||
         (n > 0 && is_hour_label (yeastar_report_table_get_cell (rows, 0, label_column)));

  self = reports_chart_data_new (NULL, kind, line);
  self->value_name = g_steal_pointer (&value_name);
  self->label_name = g_steal_pointer (&label_name);
  /* "Agent Number" and "Agent Name" make the labels: the chart is "by" the name. */
  if (yeastar_report_loader_get_column_kind (loader, label_column) == YEASTAR_CELL_KIND_INTEGER &&
      label_column + 1 < yeastar_report_loader_get_n_columns (loader) &&
      yeastar_report_loader_get_column_kind (loader, label_column + 1) == YEASTAR_CELL_KIND_TEXT)
    {
      g_free (self->label_name);
      self->label_name = yeastar_text_escape (yeastar_report_loader_get_column_name (loader, label_column + 1), -1);
    }
  g_free (self->title);
  /* Translators: a chart's title, e.g. "Talk Time by Agent" */
  self->title = g_strdup_printf (_("%s by %s"), self->value_name, self->label_name);

  for (guint i = 0; i < n; i++)
    {
      Entry entry = { i, 0 };

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        {
          reports_chart_data_free (self);
          return NULL;
        }

      if (yeastar_cell_parse_number (yeastar_report_table_get_cell (rows, i, value_column), kind, &entry.value) &&
          isfinite (entry.value))
        g_array_append_val (entries, entry);
    }

  if (line)
    {
      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *e = &g_array_index (entries, Entry, i);
          g_autofree char *label = row_label (loader, rows, e->row, label_column);

          /* A day: "01/03/2024", not "01/03/2024 12:00:00 AM". */
          if (g_str_has_suffix (label, " 12:00:00 AM") || g_str_has_suffix (label, " 00:00:00"))
            *strrchr (label, ' ') = '\0';
          if (g_str_has_suffix (label, " 12:00:00"))
            *strrchr (label, ' ') = '\0';
          reports_chart_data_add (self, label, e->value);
        }
      return self;
    }

  /* Rows with the same label (an agent's calls) add up, as one bar. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    guint kept = 0;

    for (guint i = 0; i < entries->len; i++)
      {
        Entry *e = &g_array_index (entries, Entry, i);
        char *label;
        gpointer slot;

        if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
          {
            reports_chart_data_free (self);
            return NULL;
          }
        label = row_label (loader, rows, e->row, label_column);

        if (g_hash_table_lookup_extended (seen, label, NULL, &slot))
          {
            guint at = GPOINTER_TO_UINT (slot);

            g_array_index (entries, Entry, at).value += e->value;
            g_array_index (counts, guint, at)++;
            g_free (label);
            continue;
          }
        g_hash_table_insert (seen, g_strdup (label), GUINT_TO_POINTER (kept));
        g_array_index (entries, Entry, kept) = *e;
        g_array_set_size (counts, kept + 1);
        g_array_index (counts, guint, kept) = 1;
        g_ptr_array_add (names, label);
        g_array_index (entries, Entry, kept).row = kept;
        kept++;
      }
    g_array_set_size (entries, kept);
    if (kind == YEASTAR_CELL_KIND_PERCENTAGE)
      for (guint i = 0; i < kept; i++)
        g_array_index (entries, Entry, i).value /= g_array_index (counts, guint, i);

    g_array_sort (entries, compare_entries);
    for (guint i = 0; i < MIN (entries->len, REPORTS_CHART_TOP); i++)
      {
        const Entry *e = &g_array_index (entries, Entry, i);

        reports_chart_data_add (self, names->pdata[e->row], e->value);
      }
  }
  if (entries->len > REPORTS_CHART_TOP)
    {
      double sum = 0;
      guint rest = entries->len - REPORTS_CHART_TOP;

      for (guint i = REPORTS_CHART_TOP; i < entries->len; i++)
        sum += g_array_index (entries, Entry, i).value;
      /* Translators: the bar of a chart that sums up the rows beyond the first 20 */
      reports_chart_data_add (self, _("Others"), kind == YEASTAR_CELL_KIND_PERCENTAGE ? sum / rest : sum);
      self->others = TRUE;
    }

  return self;
}

/**
 * reports_chart_data_new_for_report:
 *
 * The chart of @value_column by @label_column of the rows read so far.
 */
ReportsChartData *
reports_chart_data_new_for_report (YeastarReportLoader *loader,
                                   guint                label_column,
                                   guint                value_column)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_LOADER (loader), NULL);

  return new_for_report (loader, label_column, value_column, NULL);
}

typedef struct
{
  guint label_column;
  guint value_column;
} Columns;

static void
new_for_report_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  const Columns *columns = task_data;
  ReportsChartData *data;

  data = new_for_report (source_object, columns->label_column, columns->value_column, cancellable);
  /* NULL only when cancelled. */
  if (data == NULL)
    g_task_return_error_if_cancelled (task);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) reports_chart_data_free);
}

/**
 * reports_chart_data_new_for_report_async:
 * @loader: a loader that has read its whole file (its rows no longer
 *   change; the task holds a reference to it)
 *
 * reports_chart_data_new_for_report() in a worker thread.
 */
void
reports_chart_data_new_for_report_async (YeastarReportLoader *loader,
                                         guint                label_column,
                                         guint                value_column,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Columns *columns;

  g_return_if_fail (YEASTAR_IS_REPORT_LOADER (loader));
  g_return_if_fail (!yeastar_report_loader_is_loading (loader));
  g_return_if_fail (label_column < yeastar_report_loader_get_n_columns (loader));
  g_return_if_fail (value_column < yeastar_report_loader_get_n_columns (loader));

  task = g_task_new (loader, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_chart_data_new_for_report_async);
  columns = g_new (Columns, 1);
  columns->label_column = label_column;
  columns->value_column = value_column;
  g_task_set_task_data (task, columns, g_free);
  g_task_run_in_thread (task, new_for_report_thread);
}

/**
 * reports_chart_data_new_for_report_finish:
 *
 * Returns: (transfer full): the chart's data, or %NULL with @error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
ReportsChartData *
reports_chart_data_new_for_report_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == reports_chart_data_new_for_report_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A value as the report writes it: durations as H:MM:SS. */
char *
reports_chart_format_value (YeastarCellKind kind,
                            double          value)
{
  switch ((int) kind)
    {
    case YEASTAR_CELL_KIND_DURATION:
      {
        gint64 seconds = (gint64) llround (fabs (value));

        return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", value < 0 ? "-" : "",
                                seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60));
      }

    case YEASTAR_CELL_KIND_PERCENTAGE:
      return g_strdup_printf ("%.2f%%", value);

    case YEASTAR_CELL_KIND_INTEGER:
      return g_strdup_printf ("%.0f", value);

    default:
      if (value == floor (value) && fabs (value) < 1e15)
        return g_strdup_printf ("%.0f", value);
      return g_strdup_printf ("%.2f", value);
    }
}

/**
 * reports_chart_data_dup_description:
 *
 * Returns: the chart in words, for a screen reader: its title, then each
 *   label and value, "label: value", separated by "; " (the first 500,
 *   then how many more: a line of hours of a month has 744)
 */
char *
reports_chart_data_dup_description (const ReportsChartData *self)
{
  GString *text = g_string_new (self->title);

  g_string_append (text, ". ");
  for (guint i = 0; i < self->values->len; i++)
    {
      if (i == REPORTS_CHART_MAX_DESCRIBED)
        {
          g_string_append (text, "; ");
          /* Translators: the end of a chart's description for a screen
           * reader when it has more values than it lists */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                     self->values->len - i),
                                  self->values->len - i);
          break;
        }

      g_autofree char *value = reports_chart_format_value (self->kind, g_array_index (self->values, double, i));

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", (const char *) self->labels->pdata[i], value);
    }
  return g_string_free (text, FALSE);
}
