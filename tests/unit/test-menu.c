/* test-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-menu.h"
#include "yeastar-report-type.h"

/* The menu table (yeastar-menu.c) and the columns of the parameter table
 * that the command line and the window read. */

static void
test_names (void)
{
  static const char * const expected[] = {
    "extension", "ext_group", "trunk", "IVR", "ring_group", "queue", "queue_agent", NULL,
  };
  const char * const *names = yeastar_menu_get_names ();

  g_assert_cmpstrv (names, expected);
  for (guint m = 0; m < YEASTAR_N_MENUS; m++)
    {
      YeastarMenu found;

      g_assert_cmpstr (yeastar_menu_get_name (m), ==, expected[m]);
      g_assert_true (yeastar_menu_from_name (expected[m], FALSE, &found));
      g_assert_cmpint (found, ==, m);
      g_assert_nonnull (yeastar_menu_get_title (m));
    }
}

static void
test_lookup (void)
{
  YeastarMenu menu = YEASTAR_N_MENUS;

  /* The PBX's names are exact; a user's may be in any case. */
  g_assert_false (yeastar_menu_from_name ("ivr", FALSE, &menu));
  g_assert_true (yeastar_menu_from_name ("ivr", TRUE, &menu));
  g_assert_cmpint (menu, ==, YEASTAR_MENU_IVR);
  g_assert_true (yeastar_menu_from_name ("Queue_Agent", TRUE, &menu));
  g_assert_cmpint (menu, ==, YEASTAR_MENU_QUEUE_AGENT);
  g_assert_false (yeastar_menu_from_name ("phonebook", TRUE, NULL));
  g_assert_false (yeastar_menu_from_name ("", TRUE, NULL));
  g_assert_false (yeastar_menu_from_name (NULL, TRUE, NULL));
}

static void
test_needs_queue (void)
{
  for (guint m = 0; m < YEASTAR_N_MENUS; m++)
    g_assert_cmpint (yeastar_menu_needs_queue (m), ==, m == YEASTAR_MENU_QUEUE_AGENT);

  g_assert_true (yeastar_menu_name_needs_queue ("queue_agent"));
  g_assert_false (yeastar_menu_name_needs_queue ("queue"));
  g_assert_false (yeastar_menu_name_needs_queue ("unknown"));

  /* The parameters follow their menus: only agent_id_list needs a queue. */
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    g_assert_cmpint (yeastar_param_needs_queue (p), ==, p == YEASTAR_PARAM_AGENT_ID_LIST);
}

static void
test_param_menus (void)
{
  const char * const ext[] = { "extension", "ext_group", NULL };
  const char * const agents[] = { "queue_agent", NULL };

  g_assert_cmpstrv (yeastar_param_get_menus (YEASTAR_PARAM_EXT_ID_LIST), ext);
  g_assert_cmpstrv (yeastar_param_get_menus (YEASTAR_PARAM_AGENT_ID_LIST), agents);
  g_assert_cmpstr (yeastar_param_get_menu (YEASTAR_PARAM_TRUNK_ID), ==, "trunk");
  g_assert_null (yeastar_param_get_menus (YEASTAR_PARAM_TALK_TIME));
  g_assert_null (yeastar_param_get_menu (YEASTAR_PARAM_TALK_TIME));
}

static void
test_wording (void)
{
  g_autofree char *start = yeastar_param_dup_description (YEASTAR_PARAM_START_TIME);
  g_autofree char *ids = yeastar_param_dup_description (YEASTAR_PARAM_QUEUE_ID_LIST);
  g_autofree char *plain = yeastar_param_dup_description (YEASTAR_PARAM_CALL_FROM);
  g_autofree char *one = yeastar_param_format_count (YEASTAR_PARAM_EXT_ID_LIST, 1);
  g_autofree char *three = yeastar_param_format_count (YEASTAR_PARAM_AGENT_ID_LIST, 3);
  g_autofree char *items = yeastar_param_format_count (YEASTAR_PARAM_REASON, 2);

  g_assert_cmpstr (start, ==, "Start of the range, PBX time; a date alone is its 00:00:00 (start_time)");
  g_assert_cmpstr (ids, ==, "Queues: IDs, numbers or names as `options` lists them (queue_id_list)");
  g_assert_cmpstr (plain, ==, "Caller number (call_from)");
  g_assert_cmpstr (one, ==, "1 extension or group");
  g_assert_cmpstr (three, ==, "3 agents");
  g_assert_cmpstr (items, ==, "2 items");

  g_assert_cmpstr (yeastar_param_get_subtitle (YEASTAR_PARAM_TALK_TIME), ==, "In seconds; 0 leaves the filter out");
  g_assert_nonnull (yeastar_param_get_subtitle (YEASTAR_PARAM_IS_ASYNC));
  g_assert_null (yeastar_param_get_subtitle (YEASTAR_PARAM_NEED_DETAIL));

  g_assert_cmpstr (yeastar_report_type_get_api_name (yeastar_report_type_get_default ()), ==,
                   "extcallstatistics");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/menu/names", test_names);
  g_test_add_func ("/yeastar/menu/lookup", test_lookup);
  g_test_add_func ("/yeastar/menu/needs-queue", test_needs_queue);
  g_test_add_func ("/yeastar/menu/param-menus", test_param_menus);
  g_test_add_func ("/yeastar/menu/param-wording", test_wording);

  return g_test_run ();
}
