/* yeastar-csv-lexer.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The text encoding of a report file, as detected. */
typedef enum
{
  YEASTAR_REPORT_ENCODING_UTF8,
  YEASTAR_REPORT_ENCODING_UTF8_BOM,
  YEASTAR_REPORT_ENCODING_UTF16LE,
  YEASTAR_REPORT_ENCODING_UTF16BE,
  YEASTAR_REPORT_ENCODING_WINDOWS_1252,
} YeastarReportEncoding;

/* Bounds on hostile input: a longer record or more cells is an error. */
#define YEASTAR_CSV_MAX_RECORD (16 * 1024 * 1024)
#define YEASTAR_CSV_MAX_CELLS  4096

/* One record: n_cells NUL-terminated UTF-8 cells in data, cell i at
 * data + starts[i], its length starts[i + 1] - starts[i] - 1. Valid until
 * the next call of yeastar_csv_lexer_next(). */
typedef struct
{
  const char    *data;
  const guint32 *starts;
  guint          n_cells;
  guint64        line;     /* 1-based line of the file the record starts on */
} YeastarCsvRecord;

typedef struct _YeastarCsvLexer YeastarCsvLexer;

YeastarCsvLexer       *yeastar_csv_lexer_new            (GInputStream      *stream);
void                   yeastar_csv_lexer_free           (YeastarCsvLexer   *self);
gboolean               yeastar_csv_lexer_start          (YeastarCsvLexer   *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);
gboolean               yeastar_csv_lexer_next           (YeastarCsvLexer   *self,
                                                         YeastarCsvRecord  *record,
                                                         GCancellable      *cancellable,
                                                         GError           **error);
YeastarReportEncoding  yeastar_csv_lexer_get_encoding   (YeastarCsvLexer   *self);
char                   yeastar_csv_lexer_get_separator  (YeastarCsvLexer   *self);
guint64                yeastar_csv_lexer_get_bytes_read (YeastarCsvLexer   *self);
gboolean               yeastar_csv_lexer_is_truncated   (YeastarCsvLexer   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarCsvLexer, yeastar_csv_lexer_free)

G_END_DECLS
