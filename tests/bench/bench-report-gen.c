/* bench-report-gen.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-report-gen ROWS FILE: a report file of ROWS rows for
 * build-aux/bench.sh, in the shape the simulator writes (a preamble of
 * title, period and filter lines, a blank line, the header, the rows, a
 * Total row): per call, its time, agent, caller, counts, durations, a
 * rate and an amount, about 150 bytes a row; one name in 16 is quoted
 * (it holds a comma). The same ROWS always give the same bytes.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

/* The number of preamble lines before the header, blank line included:
 * bench.sh gives pandas skiprows=PREAMBLE_LINES. */
#define PREAMBLE_LINES 4

static const char * const first_names[] = {
  "Alexander", "María", "Jürgen", "Wang", "Fatima", "Olivia", "Liam", "Sofía",
  "Noah", "Emma", "Mateo", "Chloé", "Lucas", "Amelia", "Hiroshi", "Zoë",
};
static const char * const last_names[] = {
  "Cano", "García", "Müller", "Fang", "Haddad", "Smith", "Johnson", "López",
  "Brown", "Martin", "Rossi", "Dubois", "Silva", "Novak", "Tanaka", "Jansen",
};
static const char * const queues[] = { "6400 Support", "6401 Sales", "6402 Billing", "6403 Technical Support" };
static const char * const trunks[] = { "Telekom SIP Trunk", "Vodafone Business", "sipgate team", "1&1 Versatel" };

static guint32
mix (guint32 x)
{
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

static void
duration (char   *buffer,
          gsize   size,
          guint32 seconds)
{
  g_snprintf (buffer, size, "%02u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

int
main (int   argc,
      char *argv[])
{
  guint64 rows;
  FILE *out;
  guint64 total_calls = 0;
  guint64 total_answered = 0;
  guint64 total_talk = 0;
  guint64 total_cents = 0;

  if (argc != 3 || (rows = g_ascii_strtoull (argv[1], NULL, 10)) == 0)
    {
      g_printerr ("usage: bench-report-gen ROWS FILE\n");
      return 2;
    }

  out = fopen (argv[2], "w");
  if (out == NULL)
    {
      g_printerr ("bench-report-gen: cannot write %s\n", argv[2]);
      return 1;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);

  /* PREAMBLE_LINES lines. */
  fputs ("Agent Call Activity\n"
         "Period:,01/01/2026 12:00:00 AM - 31/12/2026 11:59:59 PM\n"
         "Queues:,\"6400 Support, 6401 Sales, 6402 Billing, 6403 Technical Support\"\n"
         "\n", out);
  fputs ("Time,Agent Number,Agent Name,Queue,Caller Number,Total Calls,Answered Calls,"
         "Missed Calls,Trunk,Ring Time,Talking Time,Holding Time,Waiting Time,Answered Rate,Amount\n", out);

  for (guint64 i = 0; i < rows; i++)
    {
      guint32 r = mix ((guint32) i * 2654435761u + 1);
      guint32 s = mix (r);
      guint agent = r % 256;
      guint day = 1 + (guint) (i * 365 / rows);
      GDate date;
      guint hour = s % 24;
      guint calls = 1 + s % 40;
      guint answered = r % (calls + 1);
      guint32 talk = mix (s) % 36000;
      guint32 wait = s % 600;
      guint cents = mix (r + 7) % 100000;
      guint32 ring = r % 60;
      guint32 hold = mix (s + 5) % 900;
      char talk_text[16];
      char wait_text[16];
      char ring_text[16];
      char hold_text[16];
      const char *first = first_names[agent % G_N_ELEMENTS (first_names)];
      const char *last = last_names[agent / G_N_ELEMENTS (first_names) % G_N_ELEMENTS (last_names)];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2026);
      g_date_add_days (&date, day - 1);
      duration (talk_text, sizeof talk_text, talk);
      duration (wait_text, sizeof wait_text, wait);
      duration (ring_text, sizeof ring_text, ring);
      duration (hold_text, sizeof hold_text, hold);

      fprintf (out, "%02u/%02u/2026 %02u:%02u:%02u %s,%u,",
               g_date_get_day (&date), g_date_get_month (&date),
               hour % 12 == 0 ? 12 : hour % 12, r / 7 % 60, r / 11 % 60, hour < 12 ? "AM" : "PM",
               1000 + agent);
      if (i % 16 == 0)
        fprintf (out, "\"%s, %s\",", last, first);
      else
        fprintf (out, "%s %s,", first, last);
      fprintf (out, "%s,+4930%07u,%u,%u,%u,%s,%s,%s,%s,%s,%u.%02u%%,%u.%02u\n",
               queues[r % G_N_ELEMENTS (queues)], mix (s + 3) % 10000000,
               calls, answered, calls - answered, trunks[s / 3 % G_N_ELEMENTS (trunks)],
               ring_text, talk_text, hold_text, wait_text,
               answered * 100 / calls, answered * 10000 / calls % 100, cents / 100, cents % 100);

      total_calls += calls;
      total_answered += answered;
      total_talk += talk;
      total_cents += cents;
    }

  fprintf (out, "Total,,,,,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",,,%" G_GUINT64_FORMAT ":%02u:%02u,,,,%" G_GUINT64_FORMAT ".%02u\n",
           total_calls, total_answered, total_calls - total_answered,
           total_talk / 3600, (guint) (total_talk / 60 % 60), (guint) (total_talk % 60),
           total_cents / 100, (guint) (total_cents % 100));

  if (fclose (out) != 0)
    {
      g_printerr ("bench-report-gen: cannot write %s\n", argv[2]);
      return 1;
    }

  return 0;
}
