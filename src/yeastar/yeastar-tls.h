/* yeastar-tls.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char              *yeastar_tls_certificate_dup_fingerprint (GTlsCertificate     *certificate);
char              *yeastar_tls_normalize_fingerprint       (const char          *text);

G_END_DECLS
