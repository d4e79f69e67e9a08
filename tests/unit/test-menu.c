/* test-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-menu-match.h"
#include "yeastar-menu-option.h"
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

/* The matching `download` and the report sets share: IDs stay; numbers,
 * names and whole texts (any case) become the one option's ID; nothing or
 * several matches is an error that lists the candidates, escaped. */
static void
test_match (void)
{
  static const char * const menu[][3] = {
    { "extension", "34", "1001 - Alice Martin" },
    { "extension", "35", "1002 - Bruno Ball" },
    { "extension", "36", "1003 - Sales" },
    { "ext_group", "1", "Sales" },
    { "ext_group", "2", "Evil\033]0;x\007" },
  };
  const struct {
    const char *value;
    gboolean    single;
    const char *ids;     /* NULL: an error */
    const char *needle;  /* in the error */
  } cases[] = {
    { "34", FALSE, "34", NULL },
    { "1001", FALSE, "34", NULL },
    { "alice martin", FALSE, "34", NULL },
    { " 1002 - BRUNO BALL ,2", FALSE, "35,2", NULL },
    { "Sales", FALSE, NULL, "“Sales” matches more than one entry; give one of these IDs:\n  36\t1003 - Sales\n  1\tSales" },
    { "Zoe", FALSE, NULL, "“Zoe” is no ID, number or name the PBX knows" },
    { "Zoe", FALSE, NULL, "\n  2\tEvil\\x1b]0;x\\x07" },
    { "Alice Martin,", FALSE, NULL, "--x contains an empty item" },
    { "34,35", TRUE, NULL, "--x takes one ID, not a list" },
  };
  g_autoptr(GListStore) options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);

  for (guint i = 0; i < G_N_ELEMENTS (menu); i++)
    {
      g_autoptr(YeastarMenuOption) option = yeastar_menu_option_new (menu[i][0], menu[i][1], menu[i][2], "");

      g_list_store_append (options, option);
    }

  g_assert_false (yeastar_menu_match_need_lookup ("34, 35"));
  g_assert_false (yeastar_menu_match_need_lookup ("34,,35"));
  g_assert_true (yeastar_menu_match_need_lookup ("34,Sales"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ids = yeastar_menu_match_resolve ("--x", cases[i].value, cases[i].single,
                                                         G_LIST_MODEL (options), &error);

      g_test_message ("%s → %s", cases[i].value, ids != NULL ? ids : error->message);
      g_assert_cmpstr (ids, ==, cases[i].ids);
      if (cases[i].ids == NULL)
        {
          g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_nonnull (strstr (error->message, cases[i].needle));
        }
    }

  g_assert_true (yeastar_menu_match_check_items ("--x", "Alice, Bob", FALSE, NULL));
  g_assert_false (yeastar_menu_match_check_items ("--x", "Alice, ,Bob", FALSE, NULL));
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
  g_test_add_func ("/yeastar/menu/match", test_match);

  return g_test_run ();
}
