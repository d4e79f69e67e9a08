/* yeastar-simulator-faults.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "yeastar-simulator.h"

/* Fault injection, for the tests only: yeastar-simulator-faults.c is built
 * into the simulator library of the tests and benchmarks, which is
 * compiled with YEASTAR_SIMULATOR_TEST_HOOKS; the installed app links the
 * simulator without it, and these calls are no-ops there. */

G_BEGIN_DECLS

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS

void                  _yeastar_simulator_faults_init       (YeastarSimulator      *self);
/* The fault injected into `endpoint` for this request, counted down. */
YeastarSimulatorFault _yeastar_simulator_take_fault        (YeastarSimulator      *self,
                                                            const char            *endpoint);
/* Replaces the reply for faults that do so whatever the endpoint; returns
 * FALSE when the endpoint's handler is to apply the fault itself. */
gboolean              _yeastar_simulator_apply_reply_fault (YeastarSimulator      *self,
                                                            SoupServerMessage     *msg,
                                                            const char            *endpoint,
                                                            YeastarSimulatorFault  fault);
/* Holds the reply for `stall-ms`. */
void                  _yeastar_simulator_stall_reply       (YeastarSimulator      *self,
                                                            SoupServerMessage     *msg);
/* "hostile-text", or a built-in text with control characters. */
const char           *_yeastar_simulator_hostile_text      (YeastarSimulator      *self);

#else

static inline void
_yeastar_simulator_faults_init (YeastarSimulator *self)
{
}

static inline YeastarSimulatorFault
_yeastar_simulator_take_fault (YeastarSimulator *self,
                               const char       *endpoint)
{
  return YEASTAR_SIMULATOR_FAULT_NONE;
}

static inline gboolean
_yeastar_simulator_apply_reply_fault (YeastarSimulator      *self,
                                      SoupServerMessage     *msg,
                                      const char            *endpoint,
                                      YeastarSimulatorFault  fault)
{
  return FALSE;
}

static inline void
_yeastar_simulator_stall_reply (YeastarSimulator  *self,
                                SoupServerMessage *msg)
{
}

#endif

G_END_DECLS
