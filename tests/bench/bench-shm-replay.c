/* bench-shm-replay.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RUSAGE_THREAD, struct ucred */
#define _GNU_SOURCE

#include <cairo-xlib.h>
#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <X11/Xlib.h>

/*
 * The frames of the viewer's chart case (tests/bench/bench-viewer.c)
 * replayed through cairo-xlib without GTK, to see which frame touches
 * fresh memory (docs/benchmarks.md, issue 15):
 *
 *   bench-shm-replay table|none|big
 *
 * in an X session (build-aux/ci-session.sh). Each frame is what GDK
 * 4.8's cairo context does with a frame's damage: an image surface of the
 * damage's extents (malloc'd), filled, then painted onto the window's
 * xlib surface, which uploads it through a MIT-SHM image from cairo's
 * pools; then XSync and 16 ms. The sizes are the viewer's (960×680
 * window): the sort's frame, 950×623; 60 frames between ("table": the
 * scroll frames' 943×486, under 2 MiB; "big": 950×560, over 2 MiB;
 * "none": none); then the Chart tab's frame, 950×614, twice. For the
 * first and the last two it prints the process's minor page faults and
 * the X server's (where it is a local process we may read).
 */

static int server_pid = -1;

static long
server_faults (void)
{
  g_autofree char *path = NULL;
  g_autofree char *stat = NULL;
  const char *fields;
  long faults = -1;

  if (server_pid <= 0)
    return -1;
  path = g_strdup_printf ("/proc/%d/stat", server_pid);
  /* minflt is the 10th field, the 8th after the command's ")". */
  if (g_file_get_contents (path, &stat, NULL, NULL) && (fields = strrchr (stat, ')')) != NULL &&
      sscanf (fields + 1, " %*c %*d %*d %*d %*d %*d %*u %ld", &faults) != 1)
    faults = -1;
  return faults;
}

static long
own_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

static void
frame (Display         *display,
       cairo_surface_t *window,
       int              width,
       int              height,
       gboolean         print)
{
  long faults = own_faults ();
  long xfaults = server_faults ();
  cairo_surface_t *paint = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (paint);

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_destroy (cr);

  cr = cairo_create (window);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, paint, 5, 5);
  cairo_rectangle (cr, 5, 5, width, height);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (paint);
  cairo_surface_flush (window);
  XSync (display, False);

  if (print)
    printf ("frame %dx%d (%d bytes) page-faults %ld xserver-page-faults %ld\n", width, height, width * height * 4,
            own_faults () - faults, xfaults >= 0 ? server_faults () - xfaults : -1);
  g_usleep (16000);
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Window xwindow;
  cairo_surface_t *window;
  struct ucred cred;
  socklen_t len = sizeof cred;
  const char *between = argc == 2 ? argv[1] : "";
  int height;

  if (g_str_equal (between, "table"))
    height = 486;
  else if (g_str_equal (between, "big"))
    height = 560;
  else if (g_str_equal (between, "none"))
    height = 0;
  else
    {
      fprintf (stderr, "usage: bench-shm-replay table|none|big\n");
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-shm-replay: no X display\n");
      return 1;
    }
  if (getsockopt (ConnectionNumber (display), SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0)
    server_pid = cred.pid;

  xwindow = XCreateSimpleWindow (display, DefaultRootWindow (display), 0, 0, 960, 680, 0, 0, 0);
  XMapWindow (display, xwindow);
  XSync (display, False);
  window = cairo_xlib_surface_create (display, xwindow, DefaultVisual (display, DefaultScreen (display)), 960, 680);

  frame (display, window, 950, 623, TRUE);
  for (guint i = 0; height > 0 && i < 60; i++)
    frame (display, window, height == 486 ? 943 : 950, height, i == 59);
  frame (display, window, 950, 614, TRUE);
  frame (display, window, 950, 614, TRUE);

  cairo_surface_destroy (window);
  XCloseDisplay (display);
  return 0;
}
