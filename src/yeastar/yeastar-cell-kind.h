/* yeastar-cell-kind.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "yeastar-date-format.h"

G_BEGIN_DECLS

/* What the cells of a report column hold. */
typedef enum
{
  YEASTAR_CELL_KIND_TEXT,
  YEASTAR_CELL_KIND_INTEGER,    /* -12, 1021 (not 007: a leading zero is text) */
  YEASTAR_CELL_KIND_DECIMAL,    /* 12.50, and 12,50 in a file separated by ';' or tab */
  YEASTAR_CELL_KIND_PERCENTAGE, /* 45.23% */
  YEASTAR_CELL_KIND_DURATION,   /* HH:MM:SS, hours may exceed 99 */
  YEASTAR_CELL_KIND_DATE_TIME,  /* a date, with or without a time, in a PBX display format */
} YeastarCellKind;

/* The kinds a cell could be, as a mask: one bit per kind, and one bit per
 * date order a date-time could be read in. */
typedef enum
{
  YEASTAR_CELL_MATCH_INTEGER    = 1 << 0,
  YEASTAR_CELL_MATCH_DECIMAL    = 1 << 1,
  YEASTAR_CELL_MATCH_PERCENTAGE = 1 << 2,
  YEASTAR_CELL_MATCH_DURATION   = 1 << 3,
  YEASTAR_CELL_MATCH_DATE_YMD   = 1 << 4,
  YEASTAR_CELL_MATCH_DATE_MDY   = 1 << 5,
  YEASTAR_CELL_MATCH_DATE_DMY   = 1 << 6,
} YeastarCellMatch;

#define YEASTAR_CELL_MATCH_DATE (YEASTAR_CELL_MATCH_DATE_YMD | YEASTAR_CELL_MATCH_DATE_MDY | \
                                 YEASTAR_CELL_MATCH_DATE_DMY)
#define YEASTAR_CELL_MATCH_ANY  (YEASTAR_CELL_MATCH_INTEGER | YEASTAR_CELL_MATCH_DECIMAL | \
                                 YEASTAR_CELL_MATCH_PERCENTAGE | YEASTAR_CELL_MATCH_DURATION | \
                                 YEASTAR_CELL_MATCH_DATE)

const char       *yeastar_cell_kind_to_string     (YeastarCellKind    kind);
guint             yeastar_cell_match              (const char        *text,
                                                   gsize              length,
                                                   gboolean           decimal_comma);
YeastarCellKind   yeastar_cell_kind_from_match    (guint              match,
                                                   YeastarDateOrder  *order,
                                                   YeastarDateOrder   preferred);
gboolean          yeastar_cell_parse_number       (const char        *text,
                                                   YeastarCellKind    kind,
                                                   double            *value);
char             *yeastar_cell_dup_iso8601        (const char        *text,
                                                   YeastarDateOrder   order);
gboolean          yeastar_cell_split_agent_label  (const char        *text,
                                                   char             **number,
                                                   char             **name);

G_END_DECLS
