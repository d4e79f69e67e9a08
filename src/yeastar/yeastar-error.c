/* yeastar-error.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-error.h"

G_DEFINE_QUARK (yeastar-error-quark, yeastar_error)
