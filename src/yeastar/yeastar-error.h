/* yeastar-error.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YEASTAR_ERROR (yeastar_error_quark ())

/**
 * YeastarError:
 *
 * Every failure the API layer reports. Messages are translated and written
 * for a PBX administrator; none ever contains a token or the Client Secret.
 */
typedef enum
{
  YEASTAR_ERROR_AUTHENTICATION_FAILED = 1, /* get_token refused: API disabled or wrong Client ID/Secret */
  YEASTAR_ERROR_TOKEN_LIMIT,               /* 60002: 8 live tokens */
  YEASTAR_ERROR_IP_BLOCKED,                /* 70004 */
  YEASTAR_ERROR_IP_FORBIDDEN,              /* 70087 */
  YEASTAR_ERROR_PERMISSION_DENIED,         /* 10005, 70084 */
  YEASTAR_ERROR_INTERFACE_MISSING,         /* 10001 */
  YEASTAR_ERROR_INVALID_PARAMETER,         /* 40002, see yeastar_error_get_invalid_params() */
  YEASTAR_ERROR_TOKEN_EXPIRED,             /* 10004 after the one refresh-and-retry */
  YEASTAR_ERROR_SERVER,                    /* HTTP 5xx, errcode -1/-2 and any other errcode */
  YEASTAR_ERROR_MALFORMED_REPLY,           /* not JSON, wrong JSON types, missing members */
  YEASTAR_ERROR_NETWORK,                   /* refused, reset, unreachable, timeout */
  YEASTAR_ERROR_TLS_UNTRUSTED,             /* certificate not trusted and not pinned */
  YEASTAR_ERROR_TLS_CHANGED,               /* pinned server now shows another certificate */
  YEASTAR_ERROR_NOT_YEASTAR,               /* the server does not speak the Yeastar OpenAPI */
  YEASTAR_ERROR_INVALID_REQUEST,           /* local validation; nothing was sent */
  YEASTAR_ERROR_REPORT_FAILED,             /* event 30027 with a failure result */
  YEASTAR_ERROR_TIMEOUT,                   /* waited too long for the PBX (e.g. event 30027) */
  YEASTAR_ERROR_LINK_EXPIRED,              /* download link no longer valid */
  YEASTAR_ERROR_NOT_A_FILE,                /* a JSON reply where the report file was expected */
} YeastarError;

GQuark yeastar_error_quark (void);

/**
 * YeastarInvalidParam:
 *
 * One entry of a 40002 reply's `invalid_param_list`: the parameter the
 * PBX rejected, its validator text, and the value if the PBX echoed it.
 */
typedef struct _YeastarInvalidParam YeastarInvalidParam;

#define YEASTAR_TYPE_INVALID_PARAM (yeastar_invalid_param_get_type ())

GType                yeastar_invalid_param_get_type      (void) G_GNUC_CONST;
YeastarInvalidParam *yeastar_invalid_param_new           (const char                *field,
                                                          const char                *valid_msg,
                                                          const char                *value);
YeastarInvalidParam *yeastar_invalid_param_copy          (const YeastarInvalidParam *self);
void                 yeastar_invalid_param_free          (YeastarInvalidParam       *self);
const char          *yeastar_invalid_param_get_field     (const YeastarInvalidParam *self);
const char          *yeastar_invalid_param_get_valid_msg (const YeastarInvalidParam *self);
const char          *yeastar_invalid_param_get_value     (const YeastarInvalidParam *self);

/* The invalid_param_list of a YEASTAR_ERROR_INVALID_PARAMETER error
 * (element type YeastarInvalidParam), or NULL. It survives g_error_copy(). */
GPtrArray           *yeastar_error_get_invalid_params    (const GError              *error);

/* The certificate a YEASTAR_ERROR_TLS_UNTRUSTED or _TLS_CHANGED error
 * refused, and its SHA-256 fingerprint ("AB:CD:…"), or NULL. */
GTlsCertificate     *yeastar_error_get_certificate       (const GError              *error);
const char          *yeastar_error_get_certificate_fingerprint (const GError        *error);

/* How a caller names a field the PBX refused (its API name, e.g.
 * "queue_id"): a new string, or NULL to show the API name itself. */
typedef char        *(*YeastarFieldNameFunc)             (const char                *api_name,
                                                          gpointer                   user_data);

/* Appends a line "\n<indent><name>: <the PBX's message> (value “…”)" to
 * @text for each field a 40002 @error names; FALSE when it names none. */
gboolean             yeastar_error_append_invalid_params (const GError              *error,
                                                          GString                   *text,
                                                          const char                *indent,
                                                          YeastarFieldNameFunc       name_func,
                                                          gpointer                   user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarInvalidParam, yeastar_invalid_param_free)

G_END_DECLS
