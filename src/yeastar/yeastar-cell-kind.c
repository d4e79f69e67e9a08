/* yeastar-cell-kind.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-cell-kind.h"

/*
 * The values of report cells, as the PBX writes them: counts, amounts,
 * rates ("45.23%"), durations ("01:02:03", hours beyond 99 allowed) and
 * date-times in its display format (YYYY/MM/DD, MM/DD/YYYY or DD/MM/YYYY,
 * with '/', '-' or '.', then an optional "HH:MM[:SS]" and AM/PM). Every
 * function reads ASCII digits by hand: no locale, no allocation while
 * matching, and nothing longer than a short number is ever looked at.
 *
 * yeastar_date_format_parse_date_time() wants one exact layout with a
 * time; report cells hold dates with or without a time, so the date-time
 * scanner here is a tolerant one that shares its YeastarDateOrder.
 */

/* Longest number read: 18 digits fit a gint64, decimals a bit more. */
#define MAX_NUMBER 40

const char *
yeastar_cell_kind_to_string (YeastarCellKind kind)
{
  switch (kind)
    {
    case YEASTAR_CELL_KIND_INTEGER:    return "integer";
    case YEASTAR_CELL_KIND_DECIMAL:    return "decimal";
    case YEASTAR_CELL_KIND_PERCENTAGE: return "percentage";
    case YEASTAR_CELL_KIND_DURATION:   return "duration";
    case YEASTAR_CELL_KIND_DATE_TIME:  return "date-time";
    case YEASTAR_CELL_KIND_TEXT:
    default:                           return "text";
    }
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static void
trim (const char **text,
      gsize       *length)
{
  const char *p = *text;
  gsize n = *length;

  while (n > 0 && (*p == ' ' || *p == '\t'))
    p++, n--;
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  *text = p;
  *length = n;
}

/* Reads 1 to @max digits; FALSE without one. */
static gboolean
read_number (const char **p,
             const char  *end,
             guint        max,
             guint       *value,
             guint       *n_digits)
{
  guint v = 0;
  guint n = 0;

  while (*p < end && is_digit (**p) && n < max)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (*p < end && is_digit (**p))
    return FALSE;
  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return n > 0;
}

typedef struct
{
  guint f[3];
  guint digits[3];
  guint hour, minute, second;
  gboolean has_time;
} DateParts;

static gboolean
scan_date (const char *p,
           const char *end,
           DateParts  *parts)
{
  char separator = 0;

  memset (parts, 0, sizeof *parts);

  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          if (p >= end || (*p != '/' && *p != '-' && *p != '.'))
            return FALSE;
          if (separator == 0)
            separator = *p;
          else if (*p != separator)
            return FALSE;
          p++;
        }
      if (!read_number (&p, end, 4, &parts->f[i], &parts->digits[i]))
        return FALSE;
    }

  if (p == end)
    return TRUE;

  /* "2024-03-01T10:00:00" too, as some exports write it. */
  if (*p != ' ' && *p != 'T')
    return FALSE;
  while (p < end && (*p == ' ' || *p == 'T'))
    p++;

  if (!read_number (&p, end, 2, &parts->hour, NULL) || p >= end || *p++ != ':' ||
      !read_number (&p, end, 2, &parts->minute, NULL))
    return FALSE;
  if (p < end && *p == ':')
    {
      p++;
      if (!read_number (&p, end, 2, &parts->second, NULL))
        return FALSE;
    }
  while (p < end && *p == ' ')
    p++;
  if (end - p == 2 && (p[1] == 'M' || p[1] == 'm') &&
      (p[0] == 'A' || p[0] == 'a' || p[0] == 'P' || p[0] == 'p'))
    {
      if (parts->hour < 1 || parts->hour > 12)
        return FALSE;
      if (p[0] == 'P' || p[0] == 'p')
        parts->hour = parts->hour % 12 + 12;
      else
        parts->hour = parts->hour % 12;
      p = end;
    }
  if (p != end || parts->hour > 23 || parts->minute > 59 || parts->second > 59)
    return FALSE;

  parts->has_time = TRUE;
  return TRUE;
}

static gboolean
date_fields (const DateParts  *parts,
             YeastarDateOrder  order,
             guint            *year,
             guint            *month,
             guint            *day)
{
  switch (order)
    {
    case YEASTAR_DATE_ORDER_YMD:
      if (parts->digits[0] != 4 || parts->digits[1] > 2 || parts->digits[2] > 2)
        return FALSE;
      *year = parts->f[0], *month = parts->f[1], *day = parts->f[2];
      break;
    case YEASTAR_DATE_ORDER_MDY:
      if (parts->digits[2] != 4 || parts->digits[0] > 2 || parts->digits[1] > 2)
        return FALSE;
      *month = parts->f[0], *day = parts->f[1], *year = parts->f[2];
      break;
    case YEASTAR_DATE_ORDER_DMY:
      if (parts->digits[2] != 4 || parts->digits[0] > 2 || parts->digits[1] > 2)
        return FALSE;
      *day = parts->f[0], *month = parts->f[1], *year = parts->f[2];
      break;
    default:
      return FALSE;
    }

  return *year >= 1 && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

static guint
match_date (const char *p,
            const char *end)
{
  static const struct { YeastarDateOrder order; guint bit; } orders[] = {
    { YEASTAR_DATE_ORDER_YMD, YEASTAR_CELL_MATCH_DATE_YMD },
    { YEASTAR_DATE_ORDER_MDY, YEASTAR_CELL_MATCH_DATE_MDY },
    { YEASTAR_DATE_ORDER_DMY, YEASTAR_CELL_MATCH_DATE_DMY },
  };
  DateParts parts;
  guint match = 0;

  if (!scan_date (p, end, &parts))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      guint year, month, day;

      if (date_fields (&parts, orders[i].order, &year, &month, &day))
        match |= orders[i].bit;
    }

  return match;
}

static guint
match_duration (const char *p,
                const char *end)
{
  guint hours, minutes, seconds, n;

  if (!read_number (&p, end, 6, &hours, NULL) || p >= end || *p++ != ':')
    return 0;
  if (!read_number (&p, end, 2, &minutes, &n) || n != 2 || p >= end || *p++ != ':')
    return 0;
  if (!read_number (&p, end, 2, &seconds, &n) || n != 2 || p != end)
    return 0;

  return minutes < 60 && seconds < 60 ? YEASTAR_CELL_MATCH_DURATION : 0;
}

static guint
match_number (const char *p,
              const char *end,
              gboolean    decimal_comma)
{
  const char *start;
  gboolean fraction = FALSE;
  gboolean percent = FALSE;
  gsize int_digits;

  if (p < end && *p == '-')
    p++;
  start = p;
  while (p < end && is_digit (*p))
    p++;
  int_digits = (gsize) (p - start);
  if (int_digits == 0 || int_digits > 18)
    return 0;

  if (p < end && (*p == '.' || (decimal_comma && *p == ',')))
    {
      const char *frac = ++p;

      while (p < end && is_digit (*p))
        p++;
      if (p == frac || p - frac > 18)
        return 0;
      fraction = TRUE;
    }

  if (p < end && *p == '%')
    {
      p++;
      percent = TRUE;
    }

  if (p != end)
    return 0;

  if (percent)
    return YEASTAR_CELL_MATCH_PERCENTAGE;

  /* 007, 0034…: an extension or a phone number, not a count. */
  if (!fraction && int_digits > 1 && *start == '0')
    return 0;

  return fraction ? YEASTAR_CELL_MATCH_DECIMAL : YEASTAR_CELL_MATCH_INTEGER | YEASTAR_CELL_MATCH_DECIMAL;
}

/**
 * yeastar_cell_match:
 * @text: the cell, not necessarily NUL-terminated
 * @length: its length in bytes
 * @decimal_comma: whether ',' may be the decimal mark (files separated
 *   by ';' or tab)
 *
 * Returns: a #YeastarCellMatch mask of what @text could be; 0 for text
 *   (and for an empty cell)
 */
guint
yeastar_cell_match (const char *text,
                    gsize       length,
                    gboolean    decimal_comma)
{
  const char *end;

  trim (&text, &length);
  if (length == 0 || length > 64)
    return 0;
  end = text + length;

  if (!is_digit (*text) && *text != '-')
    return 0;

  if (memchr (text, ':', length) != NULL)
    {
      if (memchr (text, '/', length) != NULL || memchr (text, ' ', length) != NULL ||
          memchr (text, 'T', length) != NULL || (length > 10 && text[4] == '-'))
        return match_date (text, end);
      return match_duration (text, end);
    }

  if (length >= 8)
    {
      guint date = match_date (text, end);

      if (date != 0)
        return date;
    }

  return match_number (text, end, decimal_comma);
}

/**
 * yeastar_cell_kind_from_match:
 * @match: the AND of the masks of a column's non-empty cells
 * @order: (out): the date order, for %YEASTAR_CELL_KIND_DATE_TIME
 * @preferred: the order to take when the cells fit more than one
 *
 * Returns: the column's kind. When dates fit more than one order (all
 *   days ≤ 12), @preferred wins if it fits, then YMD, DMY, MDY.
 */
YeastarCellKind
yeastar_cell_kind_from_match (guint             match,
                              YeastarDateOrder *order,
                              YeastarDateOrder  preferred)
{
  static const guint date_bits[] = {
    [YEASTAR_DATE_ORDER_YMD] = YEASTAR_CELL_MATCH_DATE_YMD,
    [YEASTAR_DATE_ORDER_MDY] = YEASTAR_CELL_MATCH_DATE_MDY,
    [YEASTAR_DATE_ORDER_DMY] = YEASTAR_CELL_MATCH_DATE_DMY,
  };

  *order = preferred;

  if (match & YEASTAR_CELL_MATCH_INTEGER)
    return YEASTAR_CELL_KIND_INTEGER;
  if (match & YEASTAR_CELL_MATCH_DECIMAL)
    return YEASTAR_CELL_KIND_DECIMAL;
  if (match & YEASTAR_CELL_MATCH_PERCENTAGE)
    return YEASTAR_CELL_KIND_PERCENTAGE;
  if (match & YEASTAR_CELL_MATCH_DURATION)
    return YEASTAR_CELL_KIND_DURATION;
  if (match & YEASTAR_CELL_MATCH_DATE)
    {
      if ((guint) preferred < G_N_ELEMENTS (date_bits) && (match & date_bits[preferred]))
        *order = preferred;
      else if (match & YEASTAR_CELL_MATCH_DATE_YMD)
        *order = YEASTAR_DATE_ORDER_YMD;
      else if (match & YEASTAR_CELL_MATCH_DATE_DMY)
        *order = YEASTAR_DATE_ORDER_DMY;
      else
        *order = YEASTAR_DATE_ORDER_MDY;
      return YEASTAR_CELL_KIND_DATE_TIME;
    }

  return YEASTAR_CELL_KIND_TEXT;
}

/**
 * yeastar_cell_parse_number:
 * @text: a cell
 * @kind: its column's kind: integer, decimal, percentage or duration
 * @value: (out): the number; a duration in seconds, "45.23%" as 45.23
 *
 * Returns: whether @text is a value of @kind
 */
gboolean
yeastar_cell_parse_number (const char      *text,
                           YeastarCellKind  kind,
                           double          *value)
{
  char buffer[MAX_NUMBER + 1];
  gsize length;
  char *end = NULL;
  guint match;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  length = strlen (text);
  trim (&text, &length);
  match = yeastar_cell_match (text, length, TRUE);

  switch (kind)
    {
    case YEASTAR_CELL_KIND_DURATION:
      {
        const char *p = text;
        guint h = 0, m = 0, s = 0;

        /* The match has checked the shape; the reads cannot fail, but
         * say so rather than leave the compiler guessing. */
        if (!(match & YEASTAR_CELL_MATCH_DURATION) ||
            !read_number (&p, text + length, 6, &h, NULL) ||
            ++p > text + length ||
            !read_number (&p, text + length, 2, &m, NULL) ||
            ++p > text + length ||
            !read_number (&p, text + length, 2, &s, NULL))
          return FALSE;
        *value = (double) h * 3600 + m * 60 + s;
        return TRUE;
      }

    case YEASTAR_CELL_KIND_INTEGER:
    case YEASTAR_CELL_KIND_DECIMAL:
    case YEASTAR_CELL_KIND_PERCENTAGE:
      if (!(match & (YEASTAR_CELL_MATCH_INTEGER | YEASTAR_CELL_MATCH_DECIMAL | YEASTAR_CELL_MATCH_PERCENTAGE)) ||
          length > MAX_NUMBER)
        return FALSE;
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      for (char *p = buffer; *p != '\0'; p++)
        if (*p == ',')
          *p = '.';
      *value = g_ascii_strtod (buffer, &end);
      return end != buffer && (*end == '\0' || *end == '%');

    case YEASTAR_CELL_KIND_TEXT:
    case YEASTAR_CELL_KIND_DATE_TIME:
    default:
      return FALSE;
    }
}

/**
 * yeastar_cell_dup_iso8601:
 * @text: a date-time cell
 * @order: the column's date order
 *
 * Returns: (nullable): "2024-03-01T14:05:00", or "2024-03-01" for a date
 *   alone (no zone: the PBX writes its local time); %NULL when @text is
 *   not a valid date in @order
 */
char *
yeastar_cell_dup_iso8601 (const char       *text,
                          YeastarDateOrder  order)
{
  DateParts parts;
  gsize length;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  trim (&text, &length);
  if (length > 64 || !scan_date (text, text + length, &parts) ||
      !date_fields (&parts, order, &year, &month, &day) ||
      year > 9999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  if (!parts.has_time)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:%02u",
                          year, month, day, parts.hour, parts.minute, parts.second);
}

static gboolean
all_digits (const char *p,
            gsize       n)
{
  if (n == 0 || n > 32)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!is_digit (p[i]))
      return FALSE;
  return TRUE;
}

/**
 * yeastar_cell_split_agent_label:
 * @text: a cell such as "1021-Alexander Cano" or "Alexander Cano<1021>"
 * @number: (out) (optional): "1021"
 * @name: (out) (optional): "Alexander Cano"
 *
 * Agent, extension and queue labels stay text in the table; this exposes
 * their parts, e.g. for a chart's labels.
 *
 * Returns: whether @text is such a label
 */
gboolean
yeastar_cell_split_agent_label (const char  *text,
                                char       **number,
                                char       **name)
{
  gsize length;
  const char *dash;
  const char *open;

  g_return_val_if_fail (text != NULL, FALSE);

  length = strlen (text);
  trim (&text, &length);

  dash = memchr (text, '-', length);
  if (dash != NULL && all_digits (text, (gsize) (dash - text)) && text + length - dash > 1)
    {
      if (number != NULL)
        *number = g_strndup (text, (gsize) (dash - text));
      if (name != NULL)
        *name = g_strstrip (g_strndup (dash + 1, (gsize) (text + length - dash - 1)));
      return TRUE;
    }

  open = length > 2 && text[length - 1] == '>' ? g_strrstr_len (text, (gssize) length, "<") : NULL;
  if (open != NULL && open > text && all_digits (open + 1, (gsize) (text + length - open - 2)))
    {
      if (number != NULL)
        *number = g_strndup (open + 1, (gsize) (text + length - open - 2));
      if (name != NULL)
        *name = g_strstrip (g_strndup (text, (gsize) (open - text)));
      return TRUE;
    }

  return FALSE;
}
