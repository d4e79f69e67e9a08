/* test-download-history.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Reports page's list: kept in a file across restarts, a running
 * download read back as interrupted, a file deleted since noticed, and
 * a damaged file refused without losing the application. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reports-download-history-private.h"
#include "reports-download-label.h"
#include "yeastar-menu-option.h"

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = g_dir_make_tmp ("test-download-history-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->file = g_file_new_build_filename (fixture->dir, "state", "downloads.gvariant", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) parent = g_file_get_parent (fixture->file);

  g_file_delete (fixture->file, NULL, NULL);
  g_file_delete (parent, NULL, NULL);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static GVariant *
values (const char *text)
{
  return g_variant_parse (G_VARIANT_TYPE ("a{ss}"), text, NULL, NULL, NULL);
}

static ReportsDownloadRecord *
new_record (const char *type)
{
  g_autoptr(GVariant) v = values ("{'queue_id_list': '6,7', 'start_time': '2026-11-01T00:00:00'}");

  return reports_download_record_new ("https://127.0.0.1:8088", "Demo PBX", type, v, "/tmp");
}

static ReportsDownloadRecord *
nth (ReportsDownloadHistory *history,
     guint                   position)
{
  ReportsDownloadRecord *record = g_list_model_get_item (G_LIST_MODEL (history), position);

  /* The list holds a reference. */
  g_object_unref (record);
  return record;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadHistory) again = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadRecord) done = new_record ("queueperformance");
  g_autoptr(ReportsDownloadRecord) failed = new_record ("extcallstatistics");
  g_autoptr(ReportsDownloadRecord) running = new_record ("ivr");
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autoptr(GVariant) names = values ("{'queue_id_list/6': 'Sales', 'queue_id_list/7': 'Support'}");
  g_autofree char *values_text = NULL;
  ReportsDownloadRecord *record;

  g_assert_true (g_file_set_contents (path, "data", -1, NULL));
  g_assert_true (reports_download_history_load (history, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  reports_download_record_set_names (done, names);
  reports_download_history_add (history, done);
  reports_download_history_add (history, failed);
  reports_download_history_add (history, running);
  reports_download_record_set_path (done, path);
  reports_download_record_set_size (done, 4);
  reports_download_record_set_status (done, REPORTS_DOWNLOAD_DONE);
  reports_download_record_set_message (failed, "The PBX refused: Queue");
  reports_download_record_set_status (failed, REPORTS_DOWNLOAD_FAILED);
  g_assert_false (reports_download_record_get_file_missing (done));
  reports_download_history_flush (history);

  /* Read back as a restart does: newest first; what ran is interrupted. */
  g_assert_true (reports_download_history_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  record = nth (again, 0);
  g_assert_cmpstr (reports_download_record_get_report_type (record), ==, "ivr");
  g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_INTERRUPTED);
  record = nth (again, 1);
  g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_FAILED);
  g_assert_cmpstr (reports_download_record_get_message (record), ==, "The PBX refused: Queue");
  record = nth (again, 2);
  g_assert_cmpstr (reports_download_record_get_id (record), ==, reports_download_record_get_id (done));
  g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_DONE);
  g_assert_cmpstr (reports_download_record_get_path (record), ==, path);
  g_assert_cmpstr (reports_download_record_get_pbx_name (record), ==, "Demo PBX");
  g_assert_cmpuint (reports_download_record_get_size (record), ==, 4);
  g_assert_false (reports_download_record_get_file_missing (record));
  values_text = g_variant_print (reports_download_record_get_values (record), FALSE);
  g_assert_cmpstr (values_text, ==, "{'queue_id_list': '6,7', 'start_time': '2026-11-01T00:00:00'}");
  /* The IDs' names are kept with the record. */
  g_clear_pointer (&values_text, g_free);
  values_text = g_variant_print (reports_download_record_get_names (record), FALSE);
  g_assert_cmpstr (values_text, ==, "{'queue_id_list/6': 'Sales', 'queue_id_list/7': 'Support'}");
  g_assert_cmpuint (g_variant_n_children (reports_download_record_get_names (nth (again, 1))), ==, 0);
  g_assert_true (reports_download_history_lookup (again, reports_download_record_get_id (done)) == record);

  /* A file deleted since is shown as such. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (reports_download_history_load (again, NULL));
  g_assert_true (reports_download_record_get_file_missing (nth (again, 2)));
}

static void
test_remove_and_clear (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadHistory) again = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadRecord) a = new_record ("queueperformance");
  g_autoptr(ReportsDownloadRecord) b = new_record ("extcallstatistics");
  g_autoptr(ReportsDownloadRecord) c = new_record ("ivr");

  reports_download_history_add (history, a);
  reports_download_history_add (history, b);
  reports_download_history_add (history, c);
  reports_download_history_remove (history, b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);

  /* Clearing keeps what still runs. */
  reports_download_record_set_status (a, REPORTS_DOWNLOAD_CANCELLED);
  reports_download_history_clear_finished (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  g_assert_true (nth (history, 0) == c);

  reports_download_history_flush (history);
  g_assert_true (reports_download_history_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
}

/* A damaged file is an error and an empty list; a record of another
 * shape is skipped and the others kept. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_new (fixture->file);
  g_autoptr(GFile) parent = g_file_get_parent (fixture->file);
  g_autoptr(GError) error = NULL;
  const char *mixed = "[<('x', 1)>, <('id', 'u', 'n', 'ivr', '/tmp', @a{ss} {}, int64 0, uint32 2, '', 'no', uint64 0)>]";

  g_assert_true (g_file_make_directory_with_parents (parent, NULL, NULL));
  g_assert_true (g_file_replace_contents (fixture->file, "not a list {", 12, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (reports_download_history_load (history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  g_assert_true (g_file_replace_contents (fixture->file, mixed, strlen (mixed), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (reports_download_history_load (history, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  g_assert_cmpstr (reports_download_record_get_message (nth (history, 0)), ==, "no");
  /* A record kept before the names were loads, without names. */
  g_assert_cmpuint (g_variant_n_children (reports_download_record_get_names (nth (history, 0))), ==, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A set's report keeps the set's name and its place in the set across a
 * restart; its PBX name and values, learnt as it runs, too. What it
 * received so far is not kept. A set record without a name is refused. */
static void
test_set_record (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadHistory) again = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadRecord) single = new_record ("ivr");
  g_autoptr(ReportsDownloadRecord) record = new_record ("queueperformance");
  g_autoptr(GVariant) later = values ("{'queue_id_list': '6,7', 'time': '2026-11-01T00:00:00', 'period_kind': 'month'}");
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *values_text = NULL;
  guint notified = 0;
  ReportsDownloadRecord *read;

  g_assert_null (reports_download_record_get_set_name (single));
  g_assert_cmpint (reports_download_record_get_total (record), ==, -1);
  reports_download_record_set_set (record, "Monthly “Pack”", 2);
  reports_download_record_set_cancellable (record, cancellable);
  g_assert_true (reports_download_record_get_cancellable (record) == cancellable);
  reports_download_history_add (history, single);
  reports_download_history_add (history, record);

  g_signal_connect_swapped (record, "notify::received", G_CALLBACK (count_cb), &notified);
  g_signal_connect_swapped (record, "notify::total", G_CALLBACK (count_cb), &notified);
  reports_download_record_set_progress (record, 1000, 4000);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (reports_download_record_get_received (record), ==, 1000);
  g_assert_cmpint (reports_download_record_get_total (record), ==, 4000);

  reports_download_record_set_pbx_name (record, "Main Office");
  reports_download_record_set_values (record, later);
  reports_download_record_set_message (record, "refused");
  reports_download_record_set_status (record, REPORTS_DOWNLOAD_FAILED);
  reports_download_history_flush (history);

  g_assert_true (reports_download_history_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  read = nth (again, 0);
  g_assert_cmpstr (reports_download_record_get_set_name (read), ==, "Monthly “Pack”");
  g_assert_cmpuint (reports_download_record_get_set_report (read), ==, 2);
  g_assert_cmpstr (reports_download_record_get_pbx_name (read), ==, "Main Office");
  g_assert_cmpint (reports_download_record_get_status (read), ==, REPORTS_DOWNLOAD_FAILED);
  g_assert_cmpuint (reports_download_record_get_received (read), ==, 0);
  g_assert_null (reports_download_record_get_cancellable (read));
  values_text = g_variant_print (reports_download_record_get_values (read), FALSE);
  g_assert_cmpstr (values_text, ==, "{'queue_id_list': '6,7', 'time': '2026-11-01T00:00:00', 'period_kind': 'month'}");
  read = nth (again, 1);
  g_assert_null (reports_download_record_get_set_name (read));
  g_assert_cmpstr (reports_download_record_get_report_type (read), ==, "ivr");

  /* A single download is written without the set's fields. */
  variant = g_variant_ref_sink (reports_download_record_to_variant (single));
  g_assert_cmpstr (g_variant_get_type_string (variant), ==, "(sssssa{ss}xussta{ss})");
  g_clear_pointer (&variant, g_variant_unref);

  variant = g_variant_parse (NULL, "('id', 'u', 'n', 'ivr', '/tmp', @a{ss} {}, int64 0, uint32 2, "
                             "'', 'no', uint64 0, @a{ss} {}, '', uint32 0)", NULL, NULL, NULL);
  g_assert_null (reports_download_record_new_from_variant (variant));
}

static ReportsDownloadHistory *
read_back (Fixture *fixture)
{
  ReportsDownloadHistory *again = reports_download_history_new (fixture->file);

  g_assert_true (reports_download_history_load (again, NULL));
  return again;
}

static guint64
file_inode (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* A burst of changes, as a set run's parallel downloads make when they
 * finish, is one write a little later, not one write per change; what is
 * not written yet is written by a flush and by the last unref. Each write
 * puts a new file in place of the old one, never one written into. */
static void
test_coalesced (Fixture       *fixture,
                gconstpointer  user_data)
{
  ReportsDownloadHistory *history = reports_download_history_new (fixture->file);
  g_autoptr(ReportsDownloadHistory) again = NULL;
  ReportsDownloadRecord *records[4];
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autoptr(GFile) parent = g_file_get_parent (fixture->file);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) child = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint64 inode;
  guint n_children = 0;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    records[i] = new_record ("queueperformance");
  reports_download_history_add_all (history, records, G_N_ELEMENTS (records));

  /* Each download ends: its bytes, its file, its size, its status. */
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      for (guint64 received = 0; received <= 4000; received += 1000)
        reports_download_record_set_progress (records[i], received, 4000);
      reports_download_record_set_path (records[i], path);
      reports_download_record_set_size (records[i], 4000);
      reports_download_record_set_pbx_name (records[i], "Main Office");
      reports_download_record_set_status (records[i], REPORTS_DOWNLOAD_DONE);
    }

  /* Nothing written yet: it waits for the burst to end. */
  g_assert_true (_reports_download_history_get_pending (history));
  g_assert_cmpuint (_reports_download_history_get_n_saves (history), ==, 0);
  g_assert_false (g_file_query_exists (fixture->file, NULL));

  timeout_id = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (_reports_download_history_get_pending (history) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  /* One write, with every record as it ended. */
  g_assert_cmpuint (_reports_download_history_get_n_saves (history), ==, 1);
  again = read_back (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, G_N_ELEMENTS (records));
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_assert_cmpint (reports_download_record_get_status (nth (again, i)), ==, REPORTS_DOWNLOAD_DONE);
      g_assert_cmpuint (reports_download_record_get_size (nth (again, i)), ==, 4000);
      g_assert_cmpstr (reports_download_record_get_pbx_name (nth (again, i)), ==, "Main Office");
    }
  g_clear_object (&again);

  /* A flush writes what waits, at once, and only that. */
  inode = file_inode (fixture);
  reports_download_record_set_status (records[0], REPORTS_DOWNLOAD_FAILED);
  g_assert_true (_reports_download_history_get_pending (history));
  reports_download_history_flush (history);
  g_assert_false (_reports_download_history_get_pending (history));
  g_assert_cmpuint (_reports_download_history_get_n_saves (history), ==, 2);
  reports_download_history_flush (history);
  g_assert_cmpuint (_reports_download_history_get_n_saves (history), ==, 2);
  again = read_back (fixture);
  g_assert_cmpint (reports_download_record_get_status (nth (again, 0)), ==, REPORTS_DOWNLOAD_FAILED);
  g_clear_object (&again);
  /* A new file renamed over the old one: a reader, or a process killed
   * while it writes, sees the old list or the new one. */
  g_assert_cmpuint (file_inode (fixture), !=, inode);

  /* The last unref writes what waits too. */
  reports_download_history_remove (history, records[3]);
  reports_download_record_set_status (records[1], REPORTS_DOWNLOAD_CANCELLED);
  g_assert_true (_reports_download_history_get_pending (history));
  g_object_unref (history);
  again = read_back (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpint (reports_download_record_get_status (nth (again, 1)), ==, REPORTS_DOWNLOAD_CANCELLED);

  /* No temporary file left beside it. */
  children = g_file_enumerate_children (parent, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  g_assert_nonnull (children);
  while ((child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_assert_cmpstr (g_file_info_get_name (child), ==, "downloads.gvariant");
      n_children++;
      g_clear_object (&child);
    }
  g_assert_cmpuint (n_children, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    g_object_unref (records[i]);
}

static void
assert_title (const char *type,
              const char *values_text,
              const char *expected)
{
  g_autoptr(GVariant) v = values (values_text);
  g_autofree char *title = reports_download_label_title (type, v);

  g_assert_cmpstr (title, ==, expected);
}

/* How a download is named on the Reports page and in its toast. */
static void
test_labels (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GVariant) ids = values ("{'queue_id_list': '6,7', 'agent_id_list': '1,2,3,4,5'}");
  g_autoptr(GVariant) none = values ("{}");
  g_autoptr(GVariant) names = values ("{'queue_id_list/6': 'Sales', 'queue_id_list/7': 'Support', "
                                      "'agent_id_list/1': '1001 - Alice Martin', 'agent_id_list/3': 'Eve\\u001b[31m'}");
  g_autoptr(GVariant) one_agent = values ("{'agent_id_list': '1'}");
  g_autofree char *ids_text = reports_download_label_ids ("queuesatisfactiondetail", ids, NULL);
  g_autofree char *names_text = reports_download_label_ids ("queuesatisfactiondetail", ids, names);
  g_autofree char *one_text = reports_download_label_ids ("queuesatisfactiondetail", one_agent, names);
  g_autofree char *no_ids = reports_download_label_ids ("queueperformance", none, names);

  assert_title ("queueperformance", "{'start_time': '2026-11-01T00:00:00', 'end_time': '2026-11-30T23:59:59'}",
                "Queue Performance, November 2026");
  assert_title ("queueperformance", "{'start_time': '2026-11-03T00:00:00', 'end_time': '2026-11-03T23:59:59'}",
                "Queue Performance, 3 November 2026");
  assert_title ("ivr", "{'start_time': '2026-01-01T00:00:00', 'end_time': '2026-12-31T23:59:59'}",
                "IVR Report, 2026");
  assert_title ("ivr", "{'start_time': '2026-11-03T00:00:00', 'end_time': '2026-11-09T23:59:59'}",
                "IVR Report, 3 November 2026 – 9 November 2026");
  assert_title ("ivr", "{'start_time': '2026-11-03T00:00:00'}", "IVR Report, from 3 November 2026");
  assert_title ("ivr", "{}", "IVR Report, all the data");
  assert_title ("trunkactivity", "{'time': '2026-02-01T00:00:00', 'period_kind': 'month'}",
                "PBX Call Activity, February 2026");
  assert_title ("trunkactivity", "{'time': '2026-02-01T00:00:00', 'period_kind': 'year'}",
                "PBX Call Activity, 2026");
  assert_title ("trunkactivity", "{'time': '2026-02-05T00:00:00', 'period_kind': 'day'}",
                "PBX Call Activity, 5 February 2026");

  /* The IDs of the fields in the table's order, the first two of each;
   * the PBX's names where known, escaped. */
  g_assert_cmpstr (ids_text, ==, "Queues: 6, 7; Agents: 1, 2 and 3 more");
  g_assert_cmpstr (names_text, ==, "Queues: Sales, Support; Agents: 1001 - Alice Martin, 2 and 3 more");
  g_assert_cmpstr (one_text, ==, "Agents: 1001 - Alice Martin");
  g_assert_null (no_ids);

  /* A control character in a name is shown escaped, not sent to the
   * terminal or the label as it is. */
  {
    g_autoptr(GVariant) third = values ("{'agent_id_list': '3,1'}");
    g_autofree char *escaped = reports_download_label_ids ("queuesatisfactiondetail", third, names);

    g_assert_null (strchr (escaped, '\x1b'));
    g_assert_true (g_str_has_prefix (escaped, "Agents: Eve"));
    g_assert_true (g_str_has_suffix (escaped, ", 1001 - Alice Martin"));
  }
}

static GListModel *
peek_test_menu (const char *menu,
                const char *queue_id,
                gpointer    user_data)
{
  GHashTable *menus = user_data;
  g_autofree char *key = g_strdup_printf ("%s:%s", menu, queue_id != NULL ? queue_id : "");

  return g_hash_table_lookup (menus, key);
}

static void
add_option (GHashTable *menus,
            const char *key,
            const char *menu,
            const char *id,
            const char *text)
{
  GListStore *store = g_hash_table_lookup (menus, key);
  g_autoptr(YeastarMenuOption) option = yeastar_menu_option_new (menu, id, text, "");

  if (store == NULL)
    {
      store = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
      g_hash_table_insert (menus, g_strdup (key), store);
    }
  g_list_store_append (store, option);
}

/* The names of a request's IDs, from every menu its field takes (an
 * extension list: extensions and groups) and the agents of its queue;
 * an ID no menu has gets no name. */
static void
test_collect_names (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GHashTable) menus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GVariant) request = values ("{'ext_id_list': '34,9,77', 'queue_id': '6', 'agent_id_list': '34'}");
  g_autoptr(GVariant) names = NULL;
  g_autofree char *text = NULL;

  add_option (menus, "extension:", "extension", "34", "1001 - Alice Martin");
  add_option (menus, "ext_group:", "ext_group", "9", "Sales");
  add_option (menus, "queue_agent:6", "queue_agent", "34", "1001 - Alice (agent)");
  add_option (menus, "queue_agent:7", "queue_agent", "34", "not this queue");

  names = g_variant_ref_sink (reports_download_label_collect_names (request, peek_test_menu, menus));
  text = g_variant_print (names, FALSE);
  g_assert_cmpstr (text, ==, "{'ext_id_list/34': '1001 - Alice Martin', 'ext_id_list/9': 'Sales', "
                   "'agent_id_list/34': '1001 - Alice (agent)'}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/common/download-history/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/common/download-history/remove-and-clear", Fixture, NULL,
              fixture_set_up, test_remove_and_clear, fixture_tear_down);
  g_test_add ("/common/download-history/labels", Fixture, NULL,
              fixture_set_up, test_labels, fixture_tear_down);
  g_test_add ("/common/download-history/set-record", Fixture, NULL,
              fixture_set_up, test_set_record, fixture_tear_down);
  g_test_add ("/common/download-history/collect-names", Fixture, NULL,
              fixture_set_up, test_collect_names, fixture_tear_down);
  g_test_add ("/common/download-history/damaged", Fixture, NULL,
              fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/common/download-history/coalesced", Fixture, NULL,
              fixture_set_up, test_coalesced, fixture_tear_down);

  return g_test_run ();
}
