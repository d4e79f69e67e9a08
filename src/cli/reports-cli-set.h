/* reports-cli-set.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   reports_cli_set_run          (int          argc,
                                    char       **argv);

G_END_DECLS
