/* yeastar-request-length.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-error.h"
#include "yeastar-request-length.h"

/*
 * call_report/download takes everything in its query string, the ID lists
 * too: Select All on 20,000 extensions makes a URL of some 120 KB. The web
 * server in front of the PBX's API refuses a request line longer than its
 * header buffer with HTTP 414, and the report never starts. The Yeastar
 * documentation states no limit; nginx's default, 8 KiB for the request
 * line (large_client_header_buffers 4 8k), is taken as the PBX's [INFERRED].
 *
 * So the request line is measured before anything is sent, with room for
 * the access token, and a request that would be too long is refused with
 * the advice to choose groups (an extension group instead of its
 * extensions) or to split the report.
 */

/* The longest spelling of each date: any order, '/' and 12 hours. */
static YeastarDateFormat *
longest_format (void)
{
  return yeastar_date_format_new_full (YEASTAR_DATE_ORDER_DMY, '/', TRUE);
}

static gsize
measure_query (const char *query)
{
  /* The percent-encoding the client applies leaves a query from
   * yeastar_report_request_to_query() as it is. */
  return strlen ("GET /openapi/v2.0/call_report/download?") + strlen (query) +
         strlen ("&access_token=") + YEASTAR_ACCESS_TOKEN_ALLOWANCE +
         strlen (" HTTP/1.1\r\n");
}

/**
 * yeastar_report_request_measure:
 * @self: a request that validates
 * @format: (nullable): the PBX's format, or NULL for the longest one
 *
 * Returns: the bytes of the request line that asks for @self, access
 *   token included (counted as YEASTAR_ACCESS_TOKEN_ALLOWANCE); 0 when
 *   @self does not validate
 */
gsize
yeastar_report_request_measure (YeastarReportRequest *self,
                                YeastarDateFormat    *format)
{
  g_autoptr(YeastarDateFormat) longest = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), 0);

  if (format == NULL)
    format = longest = longest_format ();

  query = yeastar_report_request_to_query (self, format, NULL);

  return query != NULL ? measure_query (query) : 0;
}

static guint
count_ids (const char *list)
{
  guint n = 1;

  for (const char *p = list; *p != '\0'; p++)
    if (*p == ',')
      n++;

  return n;
}

/**
 * yeastar_report_request_check_length:
 * @self: a request
 * @format: (nullable): the PBX's format, or NULL for the longest one
 *   (before the PBX is asked)
 * @out_param: (out) (optional): the parameter to shorten, the longest ID
 *   list, or YEASTAR_N_PARAMS
 * @error: YEASTAR_ERROR_INVALID_REQUEST when the request line would be
 *   longer than YEASTAR_MAX_REQUEST_LINE
 *
 * A request that does not validate passes: its fault is told by
 * yeastar_report_request_validate().
 */
gboolean
yeastar_report_request_check_length (YeastarReportRequest  *self,
                                     YeastarDateFormat     *format,
                                     YeastarParam          *out_param,
                                     GError               **error)
{
  const YeastarReportType *type;
  YeastarParam longest = YEASTAR_N_PARAMS;
  gsize longest_length = 0;
  gsize length;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_param != NULL)
    *out_param = YEASTAR_N_PARAMS;

  length = yeastar_report_request_measure (self, format);
  if (length <= YEASTAR_MAX_REQUEST_LINE)
    return TRUE;

  type = yeastar_report_request_get_report_type (self);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *value;

      if (!yeastar_report_type_takes (type, p) ||
          yeastar_param_get_value_kind (p) != YEASTAR_VALUE_ID_LIST)
        continue;

      value = yeastar_report_request_get_value (self, p);
      if (value == NULL || strlen (value) <= longest_length)
        continue;

      longest = p;
      longest_length = strlen (value);
    }

  if (out_param != NULL)
    *out_param = longest;

  if (longest == YEASTAR_N_PARAMS)
    g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                 _("The request would be %lu bytes long, more than the %u "
                   "bytes a PBX accepts (request too long, HTTP 414). Shorten the report’s "
                   "options."),
                 (unsigned long) length, YEASTAR_MAX_REQUEST_LINE);
  else
    {
      const char *list = yeastar_report_request_get_value (self, longest);
      guint n_ids = count_ids (list);

      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                   /* Translators: the first %s is a field's title, the second its API name,
                    * %u the number of IDs; the sizes are in bytes. */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s (%s) has %u ID: the request would be %lu bytes "
                                "long, more than the %u bytes a PBX accepts (request too long, "
                                "HTTP 414). Choose groups instead of single entries (for example "
                                "extension groups instead of extensions), or download the report "
                                "in parts with fewer IDs each.",
                                "%s (%s) has %u IDs: the request would be %lu bytes "
                                "long, more than the %u bytes a PBX accepts (request too long, "
                                "HTTP 414). Choose groups instead of single entries (for example "
                                "extension groups instead of extensions), or download the report "
                                "in parts with fewer IDs each.",
                                n_ids),
                   yeastar_param_get_title (longest), yeastar_param_get_api_name (longest),
                   n_ids, (unsigned long) length, YEASTAR_MAX_REQUEST_LINE);
    }

  return FALSE;
}
