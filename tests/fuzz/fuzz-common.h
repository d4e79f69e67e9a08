/* fuzz-common.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the libFuzzer targets (header-only). A target defines
 * LLVMFuzzerTestOneInput() and calls fuzz_init() first. Log messages below
 * warning are dropped (debug output would only slow the fuzzer down); a
 * warning or critical aborts, so that libFuzzer records it as a crash.
 */

#pragma once

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define FUZZ_CLIENT_ID "fuzz-client-id"
#define FUZZ_SECRET "Fuzz-Client-Secret-0123456789"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* The input as a NUL-terminated string (it may hold more NULs). */
static inline char *
fuzz_dup_string (const uint8_t *data,
                 size_t         size)
{
  char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

/* Neither may ever reach an error message. */
static inline void
fuzz_assert_no_secret (const GError *error)
{
  if (error != NULL && strstr (error->message, FUZZ_SECRET) != NULL)
    {
      g_printerr ("the Client Secret leaked into an error message: %s\n", error->message);
      abort ();
    }
}
