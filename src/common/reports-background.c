/* reports-background.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#if HAVE_LIBPORTAL
#include <libportal/portal.h>
#endif

#include "reports-background.h"

#if HAVE_LIBPORTAL
static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean autostart = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             autostart
                             ? _("Running in the background and at login was not allowed; "
                                 "scheduled sets run only while Call Reports is open")
                             : _("Running in the background was not allowed"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}
#endif

void
reports_background_request_async (gboolean             autostart,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
#if HAVE_LIBPORTAL
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GPtrArray) commandline = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = reports_background_dup_commandline ();
  g_autofree char *reason = reports_background_dup_reason ();
  g_autoptr(GError) error = NULL;
#endif

  g_task_set_source_tag (task, reports_background_request_async);
  g_task_set_task_data (task, GINT_TO_POINTER (autostart), NULL);

#if HAVE_LIBPORTAL
  /* XdpPortal takes the session bus without telling when there is none. */
  {
    g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, &error);

    if (bus == NULL)
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  }
  portal = xdp_portal_new ();

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (commandline, g_strdup (words[i]));

  /* The portal ends the request when it answers; the task holds the
   * portal object until then. */
  xdp_portal_request_background (portal, NULL, reason, commandline,
                                 autostart ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 cancellable, on_background_requested, g_steal_pointer (&task));
#else
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This build of Call Reports cannot ask to run in the background "
                             "(it was built without libportal)"));
#endif
}

gboolean
reports_background_request_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
