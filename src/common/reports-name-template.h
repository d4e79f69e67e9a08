/* reports-name-template.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The file-name template of a report set: a relative path whose
 * placeholders a run fills in.
 *
 *   {pbx}     the PBX's device name (system/information), else its host
 *   {host}    the host name of the PBX's address
 *   {type}    the report type's API name, e.g. QueuePerformance
 *   {period}  the period's label, e.g. 2026-11 (see reports-period.h)
 *   {set}     the set's name
 *
 * '/' separates folders. Every value and every folder and file name is
 * made safe as a downloaded file's name is: no "..", no hidden names, no
 * control characters, no absolute path. */
#define REPORTS_NAME_TEMPLATE_DEFAULT "{pbx}/{type}-{period}.csv"

typedef struct
{
  const char *pbx;
  const char *host;
  const char *type;
  const char *period;
  const char *set;
} ReportsNameValues;

/* Checks a template before it is saved: relative, no "..", only known
 * placeholders, a file name at the end. */
gboolean  reports_name_template_check   (const char              *name_template,
                                         GError                 **error);
/* The safe relative path, folders separated by '/'. */
char     *reports_name_template_expand  (const char              *name_template,
                                         const ReportsNameValues *values);
/* Makes @relative's folders below @folder and returns a GFile for the
 * first name of "NAME", "NAME (2)", "NAME (3)"… that is free; the file
 * is not created (reports_name_template_link() does that without ever
 * replacing a file). */
GFile    *reports_name_template_prepare (GFile                   *folder,
                                         const char              *relative,
                                         GError                 **error);
/* Gives @source the name @target, or the next free "NAME (N)" if a file
 * appeared there meanwhile, never replacing one; returns the final file. */
GFile    *reports_name_template_link    (GFile                   *source,
                                         GFile                   *target,
                                         GError                 **error);

G_END_DECLS
