/* test-selection-store.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ReportsSelectionStore: the IDs chosen on one PBX, by menu kind, in the
 * application's settings (the memory backend here) or only in memory. */

#include "config.h"

#include "reports-selection-store.h"

static const char * const ext_kinds[] = { "extension", "ext_group", NULL };

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (BASE_ID);

  g_settings_reset (settings, "id-selections");
  return settings;
}

static GVariant *
pairs (const char *text)
{
  /* A new non-floating reference. */
  return g_variant_parse (G_VARIANT_TYPE ("a(ss)"), text, NULL, NULL, NULL);
}

static void
assert_selection (ReportsSelectionStore *store,
                  const char            *expected)
{
  g_autoptr(GVariant) selection = reports_selection_store_dup_selection (store, ext_kinds);
  g_autofree char *text = g_variant_print (selection, FALSE);

  g_assert_false (g_variant_is_floating (selection));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_kinds (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(ReportsSelectionStore) store = reports_selection_store_new (settings, "http://127.0.0.1:8088", "app");
  g_autoptr(GVariant) one_extension = pairs ("[('extension', '1')]");
  g_autoptr(GVariant) both = pairs ("[('ext_group', '1'), ('extension', '1'), ('extension', '7'), ('trunk', '3')]");
  g_auto(GStrv) ids = NULL;

  assert_selection (store, "[]");

  /* Extension 1 is not extension group 1. */
  reports_selection_store_set_selection (store, ext_kinds, one_extension);
  assert_selection (store, "[('extension', '1')]");
  ids = reports_selection_store_dup_ids (store, "ext_group");
  g_assert_cmpstrv (ids, ((const char * const[]) { NULL }));
  g_clear_pointer (&ids, g_strfreev);

  /* Both kinds, kind by kind; a kind the field does not have is left
   * alone. */
  reports_selection_store_set_selection (store, ext_kinds, both);
  assert_selection (store, "[('extension', '1'), ('extension', '7'), ('ext_group', '1')]");
  ids = reports_selection_store_dup_ids (store, "trunk");
  g_assert_cmpstrv (ids, ((const char * const[]) { NULL }));
  g_clear_pointer (&ids, g_strfreev);

  /* Other kinds are kept when one field's kinds change. */
  reports_selection_store_set_ids (store, "trunk", (const char * const[]) { "3", "", "4", "3", NULL });
  reports_selection_store_set_selection (store, ext_kinds, one_extension);
  ids = reports_selection_store_dup_ids (store, "trunk");
  g_assert_cmpstrv (ids, ((const char * const[]) { "3", "4", NULL }));
  g_clear_pointer (&ids, g_strfreev);

  /* NULL clears the field's kinds. */
  reports_selection_store_set_selection (store, ext_kinds, NULL);
  assert_selection (store, "[]");
}

static void
test_per_pbx (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(ReportsSelectionStore) a = reports_selection_store_new (settings, "https://pbx-a.example:8088", "app");
  g_autoptr(ReportsSelectionStore) a_other_app = reports_selection_store_new (settings, "https://pbx-a.example:8088", "other");
  g_autoptr(ReportsSelectionStore) b = reports_selection_store_new (settings, "https://pbx-b.example:8088", "app");
  g_autoptr(ReportsSelectionStore) a_again = NULL;
  g_autoptr(GVariant) selection = pairs ("[('extension', '34'), ('ext_group', '2')]");
  g_autoptr(GVariant) saved = NULL;

  reports_selection_store_set_selection (a, ext_kinds, selection);
  reports_selection_store_set_ids (b, "queue", (const char * const[]) { "5", NULL });

  /* Another PBX, or the same PBX with another Client ID, sees nothing of
   * it. */
  assert_selection (b, "[]");
  assert_selection (a_other_app, "[]");

  /* The same PBX later, e.g. after a restart, sees it again; the other
   * PBX's selection is kept beside it. */
  a_again = reports_selection_store_new (settings, "https://pbx-a.example:8088", "app");
  assert_selection (a_again, "[('extension', '34'), ('ext_group', '2')]");
  saved = g_settings_get_value (settings, "id-selections");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 2);
  g_clear_pointer (&saved, g_variant_unref);

  /* Forgetting a PBX removes its selections and only them. */
  reports_selection_store_forget (settings, "https://pbx-a.example:8088", "app");
  assert_selection (a_again, "[]");
  saved = g_settings_get_value (settings, "id-selections");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);
  g_clear_pointer (&saved, g_variant_unref);

  /* An empty selection leaves no entry behind. */
  reports_selection_store_set_ids (b, "queue", NULL);
  saved = g_settings_get_value (settings, "id-selections");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 0);
}

static void
test_memory (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(ReportsSelectionStore) store = reports_selection_store_new (NULL, "http://127.0.0.1:8088", "app");
  g_autoptr(ReportsSelectionStore) saved_store = reports_selection_store_new (settings, "http://127.0.0.1:8088", "app");
  g_autoptr(GVariant) selection = pairs ("[('ext_group', '3')]");
  g_autoptr(GVariant) saved = NULL;

  /* A PBX the user did not remember: nothing reaches the settings. */
  reports_selection_store_set_selection (store, ext_kinds, selection);
  assert_selection (store, "[('ext_group', '3')]");
  assert_selection (saved_store, "[]");
  saved = g_settings_get_value (settings, "id-selections");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 0);
}

static void
test_damaged (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(ReportsSelectionStore) store = reports_selection_store_new (settings, "http://127.0.0.1:8088", "app");
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) edited = NULL;

  /* Settings edited by hand: an entry without a server, empty and
   * repeated IDs, a PBX listed twice (the first counts). */
  edited = g_variant_parse (G_VARIANT_TYPE ("a(ssa{sas})"),
                            "[('', 'app', {'extension': ['9']}),"
                            " ('http://127.0.0.1:8088', 'app', {'extension': ['', '5', '5', '6']}),"
                            " ('http://127.0.0.1:8088', 'app', {'extension': ['8']})]",
                            NULL, NULL, NULL);
  g_settings_set_value (settings, "id-selections", edited);
  assert_selection (store, "[('extension', '5'), ('extension', '6')]");

  /* Saving cleans it up. */
  reports_selection_store_set_ids (store, "queue", (const char * const[]) { "1", NULL });
  saved = g_settings_get_value (settings, "id-selections");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);
}

/* IDs saved per report type by earlier versions, for no PBX in
 * particular, are dropped; the other values stay. */
static void
test_drop_report_values_ids (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GVariant) values = NULL;
  g_autoptr(GVariant) old = NULL;
  g_autofree char *text = NULL;

  old = g_variant_parse (G_VARIANT_TYPE ("a{sa{ss}}"),
                         "{'extcallstatistics': {'ext_id_list': '3,35', 'communication_type': 'Inbound'},"
                         " 'queueagentperformance': {'queue_id': '1', 'agent_id_list': '34'},"
                         " 'trunkdiddodactivity': {'trunk_id': '3', 'time': '2026-11-01T00:00:00'}}",
                         NULL, NULL, NULL);
  g_settings_set_value (settings, "report-values", old);
  reports_selection_store_drop_report_values_ids (settings);
  values = g_settings_get_value (settings, "report-values");
  text = g_variant_print (values, FALSE);
  g_assert_cmpstr (text, ==,
                   "{'extcallstatistics': {'communication_type': 'Inbound'}, 'queueagentperformance': {}, "
                   "'trunkdiddodactivity': {'time': '2026-11-01T00:00:00'}}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/selection-store/kinds", test_kinds);
  g_test_add_func ("/common/selection-store/per-pbx", test_per_pbx);
  g_test_add_func ("/common/selection-store/memory", test_memory);
  g_test_add_func ("/common/selection-store/damaged", test_damaged);
  g_test_add_func ("/common/selection-store/drop-report-values-ids", test_drop_report_values_ids);

  return g_test_run ();
}
