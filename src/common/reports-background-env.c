/* reports-background-env.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What reports-background.h declares that needs no portal: whether the
 * app is sandboxed, and what it asks the portal for. Linked into the
 * executable, not the network module, as the app's scheduler asks
 * reports_background_is_sandboxed() at start-up. */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-background.h"

gboolean
reports_background_is_sandboxed (void)
{
  const char *forced = g_getenv ("CALL_REPORTS_SCHEDULER");

  if (g_strcmp0 (forced, "portal") == 0)
    return TRUE;
  if (g_strcmp0 (forced, "systemd") == 0)
    return FALSE;

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

GStrv
reports_background_dup_commandline (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* Inside Flatpak the portal runs it as `flatpak run --command=…`. */
  g_strv_builder_add (builder, "call-reports");
  g_strv_builder_add (builder, REPORTS_BACKGROUND_OPTION);

  return g_strv_builder_end (builder);
}

char *
reports_background_dup_reason (void)
{
  return g_strdup (_("Run scheduled report sets, also after the next login"));
}
