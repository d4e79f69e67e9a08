/* reports-certificate.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the certificate dialog shows of a refused certificate: subject,
 * issuer and validity, one per line, translated. NULL when @certificate
 * is NULL. */
char *reports_certificate_describe (GTlsCertificate *certificate);

G_END_DECLS
