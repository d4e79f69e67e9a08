/* reports-certificate.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-certificate.h"

/* Certificate fields come from the server: shown as they are, but
 * without control characters (a line break in a subject would fake a
 * line of the dialog). */
static char *
printable (const char *text)
{
  GString *out;

  if (text == NULL || text[0] == '\0')
    return g_strdup (C_("certificate field", "not given"));

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup (C_("certificate field", "not given"));

  local = g_date_time_to_local (date_time);
  /* Translators: the date format of a certificate's validity, see
   * g_date_time_format(); %x is the locale's date. */
  return g_date_time_format (local, C_("certificate date", "%x %H:%M"));
}

char *
reports_certificate_describe (GTlsCertificate *certificate)
{
  g_autofree char *subject_name = NULL;
  g_autofree char *issuer_name = NULL;
  g_autoptr(GDateTime) not_before = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (certificate == NULL)
    return NULL;

  g_object_get (certificate,
                "subject-name", &subject_name,
                "issuer-name", &issuer_name,
                "not-valid-before", &not_before,
                "not-valid-after", &not_after,
                NULL);

  subject = printable (subject_name);
  issuer = printable (issuer_name);
  from = format_date (not_before);
  to = format_date (not_after);

  /* Translators: the details of a server's certificate in the dialog
   * that asks whether to trust it; each %s is one field. */
  return g_strdup_printf (_("Subject: %s\nIssuer: %s\nValid from: %s\nValid until: %s"),
                          subject, issuer, from, to);
}
