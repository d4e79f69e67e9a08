/* test-id-matches.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ReportsIdMatches, the ID selector's model: what a search matches, the
 * places a list view holds and how they follow the search, what
 * items-changed reports, and the selection. */

#include "config.h"

#include <string.h>

#include "reports-id-match.h"
#include "reports-id-matches.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static GListModel *
make_options (const char * const *pairs)
{
  GListStore *store = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);

  /* pairs: ID, text, ID, text, … */
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_autoptr(YeastarMenuOption) option = yeastar_menu_option_new ("extension", pairs[i], pairs[i + 1], NULL);

      g_list_store_append (store, option);
    }

  return G_LIST_MODEL (store);
}

static const char * const staff[] = {
  "1", "1001 - Alice Martin",
  "2", "1002 - Bruno Ball",
  "3", "1003 - Ärger Özil",
  "4", "1004 - Straße Süd",
  "5", "1005 - alice cooper",
  "60", "Sales",
  NULL
};

static GVariant *
pairs (const char *text)
{
  /* A new non-floating reference. */
  return g_variant_parse (G_VARIANT_TYPE ("a(ss)"), text, NULL, NULL, NULL);
}

static void
assert_selection (ReportsIdMatches *matches,
                  const char       *expected)
{
  g_autoptr(GVariant) selection = reports_id_matches_dup_selection (matches);
  g_autofree char *text = g_variant_print (selection, FALSE);

  g_assert_false (g_variant_is_floating (selection));
  g_assert_cmpstr (text, ==, expected);
}

/* The IDs of what the matches list, in order, comma-separated. */
static char *
listed_ids (ReportsIdMatches *matches)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (matches));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsIdMatch) place = g_list_model_get_item (G_LIST_MODEL (matches), i);

      g_assert_cmpuint (reports_id_match_get_position (place), ==, i);
      g_assert_true (reports_id_match_get_option (place) == reports_id_matches_get_option (matches, i));
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, yeastar_menu_option_get_id (reports_id_match_get_option (place)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_search (ReportsIdMatches *matches,
               const char       *search,
               const char       *expected_ids)
{
  g_autofree char *ids = NULL;

  reports_id_matches_set_search (matches, search);
  g_assert_cmpstr (reports_id_matches_get_search (matches), ==, search);
  ids = listed_ids (matches);
  g_assert_cmpstr (ids, ==, expected_ids);
}

static void
test_search (void)
{
  g_autoptr(GListModel) options = make_options (staff);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (matches)) == REPORTS_TYPE_ID_MATCH);
  g_assert_cmpuint (reports_id_matches_get_n_options (matches), ==, 6);
  g_assert_cmpstr (reports_id_matches_get_search (matches), ==, "");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (matches), 6));

  assert_search (matches, "", "1,2,3,4,5,60");
  assert_search (matches, "alice", "1,5");
  assert_search (matches, "ALICE", "1,5");
  assert_search (matches, "  Alice ", "1,5");
  assert_search (matches, "alice m", "1");
  assert_search (matches, "alice ma", "1");
  assert_search (matches, "alice max", "");
  assert_search (matches, "al", "1,2,5,60");

  /* Casefolded, not only ASCII. */
  assert_search (matches, "ärger", "3");
  assert_search (matches, "ÄRGER ÖZIL", "3");
  assert_search (matches, "STRASSE", "4");

  /* The ID is searched too, but a search does not run from the text
   * into the ID, nor from one option into the next. */
  assert_search (matches, "60", "60");
  assert_search (matches, "sales60", "");
  assert_search (matches, "cooper60", "");
  assert_search (matches, "cooper\nsales", "");
  assert_search (matches, "\x1f", "");
  assert_search (matches, "1001", "1");
  assert_search (matches, "100", "1,2,3,4,5");
  assert_search (matches, "s", "4,60");
  assert_search (matches, "", "1,2,3,4,5,60");
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, added);
  g_array_set_size (changes, 0);
}

static void
test_places (void)
{
  g_autoptr(GListModel) options = make_options (staff);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(ReportsIdMatch) first = NULL;
  g_autoptr(ReportsIdMatch) last = NULL;
  g_autoptr(ReportsIdMatch) again = NULL;
  guint option_notifies = 0;

  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), changes);

  /* As a list view holds the rows it shows. */
  first = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  last = g_list_model_get_item (G_LIST_MODEL (matches), 5);
  again = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  g_assert_true (first == again);
  g_clear_object (&again);
  g_signal_connect (first, "notify::option", G_CALLBACK (count_notify_cb), &option_notifies);

  /* Narrowing: only the places past the new end are removed; the first
   * place stays and shows the first match. */
  reports_id_matches_set_search (matches, "bruno");
  assert_change (changes, 1, 5, 0);
  g_assert_cmpuint (option_notifies, ==, 1);
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (first)), ==, "2");
  again = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  g_assert_true (first == again);
  g_clear_object (&again);

  /* The removed place keeps what it showed and follows the matches no
   * more: selecting it changes nothing. */
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (last)), ==, "60");
  reports_id_match_set_selected (last, TRUE);
  g_assert_false (reports_id_match_get_selected (last));
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 0);

  /* The same number of matches: no items-changed, the place shows the
   * other option. */
  reports_id_matches_set_search (matches, "sales");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (option_notifies, ==, 2);
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (first)), ==, "60");

  /* The same text with other spaces or case: nothing changes. */
  reports_id_matches_set_search (matches, " SALES ");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (option_notifies, ==, 2);

  /* Widening adds places at the end. */
  reports_id_matches_set_search (matches, "");
  assert_change (changes, 1, 0, 5);
  g_assert_cmpuint (option_notifies, ==, 3);
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (first)), ==, "1");
  again = g_list_model_get_item (G_LIST_MODEL (matches), 5);
  g_assert_false (again == last);
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (again)), ==, "60");
  g_clear_object (&again);

  /* Nothing matches, then everything again. */
  reports_id_matches_set_search (matches, "zzz");
  assert_change (changes, 0, 6, 0);
  reports_id_matches_set_search (matches, "");
  assert_change (changes, 0, 0, 6);

  /* A place outlives its matches harmlessly. */
  g_clear_object (&matches);
  reports_id_match_set_selected (first, TRUE);
  g_assert_false (reports_id_match_get_selected (first));
}

static void
test_selection (void)
{
  g_autoptr(GListModel) options = make_options (staff);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);
  g_autoptr(ReportsIdMatch) place = NULL;
  g_autoptr(GVariant) saved = pairs ("[('extension', '5'), ('extension', '2'), ('extension', '5')]");
  guint count_notifies = 0;
  guint selected_notifies = 0;

  g_signal_connect (matches, "notify::n-selected", G_CALLBACK (count_notify_cb), &count_notifies);

  /* Pairs from a saved selection: each once, in the options' order. */
  reports_id_matches_select (matches, saved);
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 2);
  g_assert_cmpuint (reports_id_matches_get_n_unknown (matches), ==, 0);
  g_assert_cmpuint (count_notifies, ==, 1);
  assert_selection (matches, "[('extension', '2'), ('extension', '5')]");

  /* Selecting through a place, as a row's check box does. */
  place = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  g_signal_connect (place, "notify::selected", G_CALLBACK (count_notify_cb), &selected_notifies);
  g_object_set (place, "selected", TRUE, NULL);
  g_assert_true (reports_id_match_get_selected (place));
  g_assert_true (reports_id_matches_get_selected (matches, 0));
  g_assert_cmpuint (selected_notifies, ==, 1);
  g_assert_cmpuint (count_notifies, ==, 2);
  reports_id_match_set_selected (place, TRUE);
  g_assert_cmpuint (selected_notifies, ==, 1);
  g_assert_cmpuint (count_notifies, ==, 2);

  /* The selection stays through searches, and the place shows the
   * selection of the option it shows now. */
  reports_id_matches_set_search (matches, "bruno");
  g_assert_true (reports_id_match_get_selected (place));
  reports_id_matches_set_search (matches, "sales");
  g_assert_false (reports_id_match_get_selected (place));
  g_assert_cmpuint (selected_notifies, ==, 2);

  /* Select All takes what matches the search, and only that. */
  reports_id_matches_set_search (matches, "1003");
  reports_id_matches_select_all (matches);
  g_assert_true (reports_id_match_get_selected (place));
  reports_id_matches_set_search (matches, "");
  assert_selection (matches, "[('extension', '1'), ('extension', '2'), ('extension', '3'), ('extension', '5')]");

  /* Unselecting through the matches updates the places. */
  g_assert_true (reports_id_match_get_selected (place));
  reports_id_matches_set_selected (matches, 0, FALSE);
  g_assert_false (reports_id_match_get_selected (place));
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 3);

  /* Clear takes all, also what does not match the search. */
  reports_id_matches_set_search (matches, "sales");
  reports_id_matches_select_all (matches);
  g_assert_true (reports_id_match_get_selected (place));
  reports_id_matches_unselect_all (matches);
  g_assert_false (reports_id_match_get_selected (place));
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 0);
  assert_selection (matches, "[]");
}

static void
test_duplicate_ids (void)
{
  const char * const pairs_text[] = { "7", "Sales (group)", "7", "1007 - Seven", NULL };
  g_autoptr(GListModel) options = make_options (pairs_text);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);
  g_autoptr(GVariant) saved = pairs ("[('extension', '7')]");

  /* A pair selects the first option that has it, and comes out once. */
  reports_id_matches_select (matches, saved);
  assert_selection (matches, "[('extension', '7')]");
  g_assert_true (reports_id_matches_get_selected (matches, 0));
  g_assert_false (reports_id_matches_get_selected (matches, 1));
}

/* An extension and an extension group with the same ID, as a real PBX
 * numbers them: two options, selected apart. */
static void
test_kinds (void)
{
  g_autoptr(GListStore) options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
  g_autoptr(YeastarMenuOption) user = yeastar_menu_option_new ("extension", "1", "1000 - User 0", NULL);
  g_autoptr(YeastarMenuOption) other = yeastar_menu_option_new ("extension", "2", "1001 - User 1", NULL);
  g_autoptr(YeastarMenuOption) sales = yeastar_menu_option_new ("ext_group", "1", "Sales", NULL);
  g_autoptr(ReportsIdMatches) matches = NULL;
  g_autoptr(ReportsIdMatches) reopened = NULL;
  g_autoptr(GVariant) selection = NULL;

  g_list_store_append (options, sales);
  g_list_store_append (options, user);
  g_list_store_append (options, other);
  matches = reports_id_matches_new (G_LIST_MODEL (options));

  /* Ticking the extension selects it, not the group listed first. */
  reports_id_matches_set_search (matches, "user 0");
  reports_id_matches_set_selected (matches, 0, TRUE);
  reports_id_matches_set_search (matches, "");
  g_assert_false (reports_id_matches_get_selected (matches, 0));
  g_assert_true (reports_id_matches_get_selected (matches, 1));
  selection = reports_id_matches_dup_selection (matches);
  assert_selection (matches, "[('extension', '1')]");

  /* Reopened on the same options, the extension is ticked again. */
  reopened = reports_id_matches_new (G_LIST_MODEL (options));
  reports_id_matches_select (reopened, selection);
  g_assert_false (reports_id_matches_get_selected (reopened, 0));
  g_assert_true (reports_id_matches_get_selected (reopened, 1));
  g_assert_cmpuint (reports_id_matches_get_n_selected (reopened), ==, 1);
  g_assert_cmpuint (reports_id_matches_get_n_unknown (reopened), ==, 0);

  /* Both, kind by kind in the options' order. */
  reports_id_matches_select_all (reopened);
  assert_selection (reopened, "[('ext_group', '1'), ('extension', '1'), ('extension', '2')]");
}

/* IDs the PBX no longer lists: shown after the options, selected, and
 * gone from the selection once unselected. */
static void
test_unknown (void)
{
  g_autoptr(GListModel) options = make_options (staff);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GVariant) saved = pairs ("[('extension', '20000'), ('extension', '2'), ('ext_group', '2'),"
                                     " ('extension', '20000'), ('', '9'), ('extension', '')]");
  g_autoptr(ReportsIdMatch) place = NULL;
  g_autofree char *ids = NULL;

  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), changes);

  reports_id_matches_select (matches, saved);
  assert_change (changes, 6, 0, 2);
  g_assert_cmpuint (reports_id_matches_get_n_options (matches), ==, 8);
  g_assert_cmpuint (reports_id_matches_get_n_unknown (matches), ==, 2);
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 3);
  ids = listed_ids (matches);
  g_assert_cmpstr (ids, ==, "1,2,3,4,5,60,20000,2");

  /* They say what they are, and are found by their ID and by that text. */
  place = g_list_model_get_item (G_LIST_MODEL (matches), 6);
  g_assert_true (reports_id_match_get_unknown (place));
  g_assert_true (reports_id_match_get_selected (place));
  g_assert_cmpstr (yeastar_menu_option_get_text (reports_id_match_get_option (place)), ==, "Unknown, ID 20000");
  g_assert_cmpstr (yeastar_menu_option_get_menu (reports_id_match_get_option (place)), ==, "extension");
  g_assert_false (reports_id_matches_get_unknown (matches, 1));
  g_assert_true (reports_id_matches_get_unknown (matches, 7));
  g_assert_cmpstr (yeastar_menu_option_get_menu (reports_id_matches_get_option (matches, 7)), ==, "ext_group");
  assert_search (matches, "20000", "20000");
  assert_search (matches, "unknown", "20000,2");
  assert_search (matches, "", "1,2,3,4,5,60,20000,2");
  g_array_set_size (changes, 0);
  assert_selection (matches, "[('extension', '2'), ('extension', '20000'), ('ext_group', '2')]");

  /* Selecting them again adds nothing. */
  reports_id_matches_select (matches, saved);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (reports_id_matches_get_n_options (matches), ==, 8);

  /* Unselected, an unknown ID stays on show but leaves the selection. */
  g_clear_object (&place);
  place = g_list_model_get_item (G_LIST_MODEL (matches), 6);
  reports_id_match_set_selected (place, FALSE);
  g_assert_cmpuint (reports_id_matches_get_n_selected (matches), ==, 2);
  assert_selection (matches, "[('extension', '2'), ('ext_group', '2')]");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (matches)), ==, 8);

  /* Clear takes them too. */
  reports_id_matches_unselect_all (matches);
  assert_selection (matches, "[]");
}

static void
test_selected_only (void)
{
  g_autoptr(GListModel) options = make_options (staff);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (options);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GVariant) saved = pairs ("[('extension', '5'), ('extension', '2'), ('extension', '777')]");
  g_autoptr(ReportsIdMatch) first = NULL;
  guint notifies = 0;

  reports_id_matches_select (matches, saved);
  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (matches, "notify::selected-only", G_CALLBACK (count_notify_cb), &notifies);
  first = g_list_model_get_item (G_LIST_MODEL (matches), 0);

  /* Only what is selected, and the unknown IDs. */
  g_object_set (matches, "selected-only", TRUE, NULL);
  g_assert_true (reports_id_matches_get_selected_only (matches));
  g_assert_cmpuint (notifies, ==, 1);
  assert_change (changes, 3, 4, 0);
  assert_search (matches, "", "2,5,777");
  g_assert_cmpstr (yeastar_menu_option_get_id (reports_id_match_get_option (first)), ==, "2");

  /* Combined with the search. */
  assert_search (matches, "alice", "5");
  assert_search (matches, "bruno", "2");
  assert_search (matches, "sales", "");
  assert_search (matches, "unknown", "777");

  /* Unselecting leaves the entry in place until the next search, so
   * that it does not vanish under the pointer. */
  assert_search (matches, "", "2,5,777");
  g_array_set_size (changes, 0);
  reports_id_matches_set_selected (matches, 0, FALSE);
  g_assert_cmpuint (changes->len, ==, 0);
  assert_search (matches, "o", "5,777");
  assert_search (matches, "", "5,777");

  /* The unknown ID stays on show while the filter is on, selected or
   * not: it is part of the saved selection until applied. */
  reports_id_matches_set_selected (matches, 1, FALSE);
  assert_search (matches, "  ", "5,777");

  /* Off again: everything. */
  g_array_set_size (changes, 0);
  reports_id_matches_set_selected_only (matches, FALSE);
  assert_change (changes, 2, 0, 5);
  assert_search (matches, "", "1,2,3,4,5,60,777");
  reports_id_matches_set_selected_only (matches, FALSE);
  g_assert_cmpuint (notifies, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
  g_autoptr(ReportsIdMatches) matches = reports_id_matches_new (G_LIST_MODEL (options));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (matches)), ==, 0);
  reports_id_matches_set_search (matches, "x");
  reports_id_matches_select_all (matches);
  reports_id_matches_unselect_all (matches);
  reports_id_matches_select (matches, NULL);
  reports_id_matches_set_selected_only (matches, TRUE);
  assert_selection (matches, "[]");
}

/* Against the plain definition, one strstr() per option, over many
 * options and searches, including hits at the very start and end. */
static void
test_many (void)
{
  g_autoptr(GListStore) options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
  g_autoptr(ReportsIdMatches) matches = NULL;
  const char *names[] = { "Alice", "Bruno", "Chloé", "Dmitri", "Émile", "Fatima", "Grégoire", "Hana" };
  const char *searches[] = { "a", "al", "ali", "alice m", "1", "19999", "z", "é", "É", "hana 1", "4 ", "x9", NULL };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = g_strdup_printf ("%u - %s %s", 1000 + i,
                                               names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                               names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      g_autoptr(YeastarMenuOption) option = yeastar_menu_option_new ("extension", id, text, NULL);

      g_list_store_append (options, option);
    }
  g_rand_free (rand);

  matches = reports_id_matches_new (G_LIST_MODEL (options));
  for (guint s = 0; searches[s] != NULL; s++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (searches[s]));
      g_autofree char *needle = g_utf8_casefold (stripped, -1);
      guint n = 0;

      reports_id_matches_set_search (matches, searches[s]);
      for (guint i = 0; i < 20000; i++)
        {
          g_autoptr(YeastarMenuOption) option = g_list_model_get_item (G_LIST_MODEL (options), i);
          g_autofree char *text = g_utf8_casefold (yeastar_menu_option_get_text (option), -1);

          if (strstr (text, needle) != NULL || strstr (yeastar_menu_option_get_id (option), needle) != NULL)
            {
              g_assert_cmpuint (n, <, g_list_model_get_n_items (G_LIST_MODEL (matches)));
              g_assert_true (reports_id_matches_get_option (matches, n) == option);
              n++;
            }
        }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (matches)), ==, n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/id-matches/search", test_search);
  g_test_add_func ("/ui/id-matches/places", test_places);
  g_test_add_func ("/ui/id-matches/selection", test_selection);
  g_test_add_func ("/ui/id-matches/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/ui/id-matches/kinds", test_kinds);
  g_test_add_func ("/ui/id-matches/unknown", test_unknown);
  g_test_add_func ("/ui/id-matches/selected-only", test_selected_only);
  g_test_add_func ("/ui/id-matches/empty", test_empty);
  g_test_add_func ("/ui/id-matches/many", test_many);

  return g_test_run ();
}
