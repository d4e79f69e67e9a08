/* reports-type-entry.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-type-entry.h"

struct _ReportsTypeEntry
{
  GObject                  parent_instance;

  YeastarCategory          category;
  const YeastarReportType *type;
  char                    *folded;
};

G_DEFINE_FINAL_TYPE (ReportsTypeEntry, reports_type_entry, G_TYPE_OBJECT)

ReportsTypeEntry *
reports_type_entry_new_heading (YeastarCategory category)
{
  ReportsTypeEntry *self = g_object_new (REPORTS_TYPE_TYPE_ENTRY, NULL);

  self->category = category;

  return self;
}

ReportsTypeEntry *
reports_type_entry_new_type (const YeastarReportType *type)
{
  ReportsTypeEntry *self;
  g_autofree char *key = NULL;

  g_return_val_if_fail (type != NULL, NULL);

  self = g_object_new (REPORTS_TYPE_TYPE_ENTRY, NULL);
  self->type = type;
  self->category = yeastar_report_type_get_category (type);
  key = g_strdup_printf ("%s\x1f%s",
                         yeastar_report_type_get_title (type),
                         yeastar_report_type_get_api_name (type));
  self->folded = g_utf8_casefold (key, -1);

  return self;
}

gboolean
reports_type_entry_is_heading (ReportsTypeEntry *self)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_ENTRY (self), FALSE);

  return self->type == NULL;
}

YeastarCategory
reports_type_entry_get_category (ReportsTypeEntry *self)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_ENTRY (self), 0);

  return self->category;
}

const YeastarReportType *
reports_type_entry_get_report_type (ReportsTypeEntry *self)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_ENTRY (self), NULL);

  return self->type;
}

const char *
reports_type_entry_get_title (ReportsTypeEntry *self)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_ENTRY (self), NULL);

  return self->type != NULL ? yeastar_report_type_get_title (self->type)
                            : yeastar_category_get_title (self->category);
}

gboolean
reports_type_entry_matches (ReportsTypeEntry *self,
                            const char       *folded_needle)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_ENTRY (self), FALSE);

  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;

  return self->folded != NULL && strstr (self->folded, folded_needle) != NULL;
}

static void
reports_type_entry_finalize (GObject *object)
{
  ReportsTypeEntry *self = REPORTS_TYPE_ENTRY (object);

  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (reports_type_entry_parent_class)->finalize (object);
}

static void
reports_type_entry_class_init (ReportsTypeEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reports_type_entry_finalize;
}

static void
reports_type_entry_init (ReportsTypeEntry *self)
{
}
