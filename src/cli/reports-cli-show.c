/* reports-cli-show.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "reports-cli.h"
#include "reports-cli-show.h"
#include "yeastar-report-file.h"

/*
 * `call-reports show FILE`: a report file as a table on the terminal, its
 * preamble first and its total rows after a rule; or with --json one
 * object for scripts, numbers as numbers. Everything read from the file
 * is data: control characters (C0, DEL, C1) and bidirectional controls
 * are printed escaped in the table; the JSON escapes what JSON must.
 *
 * The table is written as it goes (a buffer flushed every 64 KiB), never
 * built as one string or one JSON tree, so a file of a million rows costs
 * the reader's memory only.
 */

/* A cell wider than this is cut, with "…", in the table. */
#define MAX_CELL_WIDTH 48
#define FLUSH_SIZE     (64 * 1024)

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* The escape of @c, or "" when it is printed as it is. */
static void
escape_char (gunichar  c,
             char     *escape,
             gsize     size)
{
  escape[0] = '\0';
  if (c == '\n')
    g_strlcpy (escape, "\\n", size);
  else if (c == '\r')
    g_strlcpy (escape, "\\r", size);
  else if (c == '\t')
    g_strlcpy (escape, "\\t", size);
  else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
    g_snprintf (escape, size, "\\x%02x", c);
  else if (is_bidi_control (c))
    g_snprintf (escape, size, "\\u%04x", c);
}

static guint
char_width (gunichar    c,
            const char *escape)
{
  if (escape[0] != '\0')
    return (guint) strlen (escape);
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/* Appends @text (when @out is not %NULL) with its control characters
 * escaped, and returns its display width; a text wider than @max_width
 * columns is cut with "…" (0: no limit). */
static guint
append_escaped (GString    *out,
                const char *text,
                guint       max_width)
{
  guint total = 0;
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char escape[16];

      escape_char (c, escape, sizeof escape);
      total += char_width (c, escape);
    }

  if (max_width == 0 || total <= max_width)
    max_width = G_MAXUINT;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char escape[16];
      guint w;

      escape_char (c, escape, sizeof escape);
      w = char_width (c, escape);

      if (max_width != G_MAXUINT && width + w > max_width - 1)
        {
          if (out != NULL)
            g_string_append (out, "…");
          return width + 1;
        }

      if (out != NULL)
        {
          if (escape[0] != '\0')
            g_string_append (out, escape);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      width += w;
    }

  return width;
}

static void
flush (GString *out,
       gboolean force)
{
  if (out->len >= FLUSH_SIZE || (force && out->len > 0))
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

static gboolean
is_numeric (YeastarCellKind kind)
{
  return kind == YEASTAR_CELL_KIND_INTEGER || kind == YEASTAR_CELL_KIND_DECIMAL ||
         kind == YEASTAR_CELL_KIND_PERCENTAGE || kind == YEASTAR_CELL_KIND_DURATION;
}

static void
measure (YeastarReportFile  *file,
         YeastarReportTable *table,
         guint              *widths)
{
  guint n_columns = yeastar_report_file_get_n_columns (file);
  g_autofree const char **cells = g_new (const char *, MAX (n_columns, 1));

  for (guint r = 0; r < yeastar_report_table_get_n_rows (table); r++)
    {
      yeastar_report_table_get_row (table, r, cells, n_columns);
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], append_escaped (NULL, cells[c], MAX_CELL_WIDTH));
    }
}

static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             gboolean    right,
             gboolean    last)
{
  gsize start = out->len;
  guint w;

  w = append_escaped (out, text, MAX_CELL_WIDTH);
  if (w < width && right)
    {
      g_autofree char *pad = g_strnfill (width - w, ' ');

      g_string_insert (out, (gssize) start, pad);
    }
  else if (w < width && !last)
    {
      for (guint i = w; i < width; i++)
        g_string_append_c (out, ' ');
    }
}

static void
append_table (GString            *out,
              YeastarReportFile  *file,
              YeastarReportTable *table,
              const guint        *widths)
{
  guint n_columns = yeastar_report_file_get_n_columns (file);
  g_autofree const char **cells = g_new (const char *, MAX (n_columns, 1));

  for (guint r = 0; r < yeastar_report_table_get_n_rows (table); r++)
    {
      gsize line_start = out->len;

      yeastar_report_table_get_row (table, r, cells, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = cells[c];

          if (c > 0)
            g_string_append (out, "  ");
          /* Numbers to the right; a label such as "Total" stays left. */
          append_cell (out, text, widths[c],
                       is_numeric (yeastar_report_file_get_column_kind (file, c)) &&
                       yeastar_cell_match (text, strlen (text), TRUE) != 0,
                       c + 1 == n_columns);
        }
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
      flush (out, FALSE);
    }
}

static void
append_rule (GString     *out,
             guint        n_columns,
             const guint *widths)
{
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, "  ");
      for (guint i = 0; i < widths[c]; i++)
        g_string_append (out, "─");
    }
  g_string_append_c (out, '\n');
}

static void
print_text (YeastarReportFile *file)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *preamble = yeastar_report_file_get_preamble (file);
  guint n_columns = yeastar_report_file_get_n_columns (file);
  g_autofree guint *widths = g_new0 (guint, MAX (n_columns, 1));
  YeastarReportTable *totals = yeastar_report_file_get_totals (file);

  for (guint i = 0; preamble[i] != NULL; i++)
    {
      append_escaped (out, preamble[i], 0);
      g_string_append_c (out, '\n');
    }
  if (preamble[0] != NULL)
    g_string_append_c (out, '\n');

  for (guint c = 0; c < n_columns; c++)
    widths[c] = MAX (1, append_escaped (NULL, yeastar_report_file_get_column_name (file, c), MAX_CELL_WIDTH));
  measure (file, yeastar_report_file_get_rows (file), widths);
  measure (file, totals, widths);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, "  ");
      append_cell (out, yeastar_report_file_get_column_name (file, c), widths[c],
                   is_numeric (yeastar_report_file_get_column_kind (file, c)), c + 1 == n_columns);
    }
  g_string_append_c (out, '\n');
  append_rule (out, n_columns, widths);

  append_table (out, file, yeastar_report_file_get_rows (file), widths);
  if (yeastar_report_table_get_n_rows (totals) > 0)
    {
      append_rule (out, n_columns, widths);
      append_table (out, file, totals, widths);
    }

  flush (out, TRUE);
}

/* JSON ---------------------------------------------------------------------- */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static gboolean
is_empty (const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;
  return *text == '\0';
}

static void
append_json_cell (GString           *out,
                  YeastarReportFile *file,
                  guint              column,
                  const char        *text)
{
  YeastarCellKind kind = yeastar_report_file_get_column_kind (file, column);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (is_empty (text))
    {
      g_string_append (out, "null");
      return;
    }

  switch (kind)
    {
    case YEASTAR_CELL_KIND_INTEGER:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        char *end = NULL;
        gint64 integer = g_ascii_strtoll (stripped, &end, 10);

        if (end != stripped && *end == '\0')
          {
            g_string_append_printf (out, "%" G_GINT64_FORMAT, integer);
            return;
          }
      }
      break;

    case YEASTAR_CELL_KIND_DECIMAL:
    case YEASTAR_CELL_KIND_PERCENTAGE:
    case YEASTAR_CELL_KIND_DURATION:
      if (yeastar_cell_parse_number (text, kind, &value))
        {
          /* 15 digits: "45.23" stays 45.23, not 45.229999999999997. */
          g_string_append (out, g_ascii_formatd (number, sizeof number, "%.15g", value));
          return;
        }
      break;

    case YEASTAR_CELL_KIND_DATE_TIME:
      {
        g_autofree char *iso = yeastar_cell_dup_iso8601 (text, yeastar_report_file_get_column_date_order (file, column));

        if (iso != NULL)
          {
            append_json_string (out, iso);
            return;
          }
      }
      break;

    case YEASTAR_CELL_KIND_TEXT:
    default:
      break;
    }

  /* Text, or a cell that is not of its column's kind ("n/a" in a total). */
  append_json_string (out, text);
}

static void
append_json_rows (GString            *out,
                  YeastarReportFile  *file,
                  YeastarReportTable *table)
{
  guint n_columns = yeastar_report_file_get_n_columns (file);
  guint n_rows = yeastar_report_table_get_n_rows (table);
  g_autofree const char **cells = g_new (const char *, MAX (n_columns, 1));

  g_string_append_c (out, '[');
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (out, r > 0 ? ",\n    [" : "\n    [");
      yeastar_report_table_get_row (table, r, cells, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, ", ");
          append_json_cell (out, file, c, cells[c]);
        }
      g_string_append_c (out, ']');
      flush (out, FALSE);
    }
  g_string_append (out, n_rows > 0 ? "\n  ]" : "]");
}

static void
print_json (YeastarReportFile *file)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *preamble = yeastar_report_file_get_preamble (file);
  const char *title = yeastar_report_file_get_title (file);

  g_string_append (out, "{\n  \"title\": ");
  if (title != NULL)
    append_json_string (out, title);
  else
    g_string_append (out, "null");

  g_string_append (out, ",\n  \"preamble\": [");
  for (guint i = 0; preamble[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_json_string (out, preamble[i]);
    }

  g_string_append (out, "],\n  \"columns\": [");
  for (guint c = 0; c < yeastar_report_file_get_n_columns (file); c++)
    {
      g_string_append (out, c > 0 ? ",\n    {\"name\": " : "\n    {\"name\": ");
      append_json_string (out, yeastar_report_file_get_column_name (file, c));
      g_string_append (out, ", \"kind\": ");
      append_json_string (out, yeastar_cell_kind_to_string (yeastar_report_file_get_column_kind (file, c)));
      g_string_append_c (out, '}');
    }

  g_string_append (out, "\n  ],\n  \"rows\": ");
  append_json_rows (out, file, yeastar_report_file_get_rows (file));
  g_string_append (out, ",\n  \"totals\": ");
  append_json_rows (out, file, yeastar_report_file_get_totals (file));
  g_string_append (out, "\n}\n");

  flush (out, TRUE);
}

static gboolean
parse_date_order (const char        *text,
                  YeastarDateOrder  *order)
{
  if (g_ascii_strcasecmp (text, "ymd") == 0)
    *order = YEASTAR_DATE_ORDER_YMD;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *order = YEASTAR_DATE_ORDER_MDY;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *order = YEASTAR_DATE_ORDER_DMY;
  else
    return FALSE;
  return TRUE;
}

int
reports_cli_show_run (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(YeastarReportFile) report = NULL;
  g_autofree char *date_order = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) args = NULL;
  YeastarDateOrder order = YEASTAR_DATE_ORDER_YMD;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object: title, preamble, columns, rows and totals"), NULL },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order,
      N_("The PBX’s date order, for dates that could be read either way (every day ≤ 12)"), "ymd|mdy|dmy" },
    { NULL }
  };

  context = g_option_context_new (_("FILE — show a downloaded report as a table"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints a call report file as a table: its title, period and "
                                  "filters first, then the rows with the columns aligned, and the "
                                  "total rows after a rule. No PBX is contacted."));
  g_option_context_set_description (context, reports_cli_get_exit_status_help ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("call-reports show: %s\n", error->message);
      return REPORTS_EXIT_USAGE;
    }

  if (date_order != NULL && !parse_date_order (date_order, &order))
    {
      g_autofree char *quoted = g_utf8_make_valid (date_order, -1);

      g_printerr (_("call-reports show: --date-order: “%s” is not one of ymd, mdy, dmy\n"), quoted);
      return REPORTS_EXIT_USAGE;
    }

  if (args[1] == NULL || args[2] != NULL)
    {
      g_printerr (_("call-reports show: give exactly one report file\n"));
      return REPORTS_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (args[1]);
  display = g_utf8_make_valid (args[1], -1);

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      g_printerr (_("call-reports show: cannot read “%s”: %s\n"), display, error->message);
      return REPORTS_EXIT_FILE_SYSTEM;
    }

  report = yeastar_report_file_new (G_INPUT_STREAM (stream));
  yeastar_report_file_set_date_order (report, order);
  if (!yeastar_report_file_load (report, NULL, &error))
    {
      if (g_error_matches (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT))
        g_printerr (_("call-reports show: “%s” is not a call report: %s\n"), display, error->message);
      else
        g_printerr (_("call-reports show: cannot read “%s”: %s\n"), display, error->message);
      return REPORTS_EXIT_FILE_SYSTEM;
    }

  if (yeastar_report_file_is_truncated (report))
    g_printerr (_("call-reports show: “%s” ends inside a quoted field; its last row may be incomplete\n"),
                display);

  if (json)
    print_json (report);
  else
    print_text (report);

  return REPORTS_EXIT_OK;
}
