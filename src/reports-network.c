/* reports-network.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The executable's side of the network module, call-reports-network.so
 * (docs/architecture.md, "The network module"): the code that needs
 * libsoup, libsecret and libportal, loaded at the first call of one of
 * its functions instead of at start-up. The generated stubs
 * (build-aux/gen-network-stubs.py) call reports_network_lookup(). */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>
#include <stdlib.h>

#include "reports-network.h"

static GModule *module;

/* The build tree's module when this executable is the build tree's (run
 * from build/src), else the installed one. */
static char *
dup_module_path (void)
{
  g_autofree char *exe = NULL;
  g_autofree char *exe_dir = NULL;
  char *build_dir;

#if DEVELOPMENT_BUILD
  /* For the test of a module that cannot be loaded (tests/integration/test-cli.c). */
  {
    const char *path = g_getenv ("CALL_REPORTS_NETWORK_MODULE");

    if (path != NULL && path[0] != '\0')
      return g_strdup (path);
  }
#endif

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    exe_dir = g_path_get_dirname (exe);
  /* /proc/self/exe has no symbolic links; the build directory may. */
  build_dir = realpath (NETWORK_MODULE_BUILD_DIR, NULL);
  if (exe_dir != NULL && build_dir != NULL && g_str_equal (exe_dir, build_dir))
    {
      free (build_dir);
      return g_build_filename (NETWORK_MODULE_BUILD_DIR, NETWORK_MODULE_NAME, NULL);
    }
  free (build_dir);

  return g_build_filename (NETWORK_MODULE_DIR, NETWORK_MODULE_NAME, NULL);
}

/* Without the module the app cannot connect, download or reach the
 * keyring: a broken installation, said plainly. g_module_error() is
 * dlerror()'s text: paths and symbol names, never a secret. */
G_GNUC_NORETURN static void
exit_unloadable (const char *path)
{
  fflush (stdout);
  fprintf (stderr, _("call-reports: cannot load the network module %s: %s\n"),
           path, g_module_error ());
  exit (1);
}

static GModule *
load_module (void)
{
  g_autofree char *path = dup_module_path ();
  GModule *loaded;

  loaded = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (loaded == NULL)
    exit_unloadable (path);
  /* Its GTypes stay registered: it is never unloaded. */
  g_module_make_resident (loaded);
  g_debug ("Loaded the network module %s", path);

  return loaded;
}

/**
 * reports_network_lookup:
 * @cache: where the address is kept (a stub's static variable)
 * @name: a function of the network module
 *
 * Loads the network module on the first call (from any thread), then
 * returns the address of @name in it. Exits with a message on standard
 * error when the module or the function is not there.
 *
 * Returns: the function's address
 */
gpointer
reports_network_lookup (gpointer   *cache,
                        const char *name)
{
  gpointer address = g_atomic_pointer_get (cache);

  if (address != NULL)
    return address;

  if (g_once_init_enter (&module))
    g_once_init_leave (&module, load_module ());

  if (!g_module_symbol (module, name, &address) || address == NULL)
    exit_unloadable (g_module_name (module));
  g_atomic_pointer_set (cache, address);

  return address;
}

/**
 * reports_network_is_loaded:
 *
 * Returns: whether the network module has been loaded
 */
gboolean
reports_network_is_loaded (void)
{
  return g_atomic_pointer_get (&module) != NULL;
}
