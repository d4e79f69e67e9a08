/* reports-id-matches.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-id-match-private.h"
#include "reports-id-matches.h"

struct _ReportsIdMatches
{
  GObject    parent_instance;

  GPtrArray *options;    /* YeastarMenuOption, owned: the PBX's, then the unknown IDs */
  guint      n_known;    /* how many options are the PBX's */
  guint8    *selected;   /* by option */
  guint      n_selected;
  GString   *keys;       /* each option's casefolded search key, each ending in KEY_END */
  GArray    *starts;     /* guint: where each key starts in keys, and keys->len at the end */
  GArray    *matches;    /* guint: the options that match, by position */
  GPtrArray *places;     /* ReportsIdMatch by position, weak: NULL where none is held */
  char      *search;
  char      *needle;     /* search, stripped and casefolded */
  guint      selected_only : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReportsIdMatches, reports_id_matches, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_SELECTED,
  PROP_SEARCH,
  PROP_SELECTED_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Bytes no search contains: they end a key and separate its parts, so
 * that a search matches within the option's text or within its ID. */
#define KEY_END      '\n'
#define KEY_PART_END '\x1f'

#define OPTION_AT(self, position) g_array_index ((self)->matches, guint, (position))

static void
place_gone_cb (gpointer  data,
               GObject  *where_the_object_was)
{
  ReportsIdMatches *self = data;
  guint position = reports_id_match_get_position (REPORTS_ID_MATCH (where_the_object_was));

  if (position < self->places->len && g_ptr_array_index (self->places, position) == where_the_object_was)
    g_ptr_array_index (self->places, position) = NULL;
}

static void
forget_place (ReportsIdMatches *self,
              guint             position)
{
  ReportsIdMatch *place = g_ptr_array_index (self->places, position);

  if (place != NULL)
    {
      g_object_weak_unref (G_OBJECT (place), place_gone_cb, self);
      _reports_id_match_forget (place);
      g_ptr_array_index (self->places, position) = NULL;
    }
}

/* After a change to the selection of many options: the places show it
 * and "n-selected" says so. */
static void
selection_changed (ReportsIdMatches *self)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      ReportsIdMatch *place = g_ptr_array_index (self->places, i);

      if (place != NULL)
        _reports_id_match_update (place);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
}

static void
set_option_selected (ReportsIdMatches *self,
                     guint             option,
                     gboolean          selected)
{
  if (self->selected[option] != !!selected)
    {
      self->selected[option] = !!selected;
      if (selected)
        self->n_selected++;
      else
        self->n_selected--;
    }
}

static GType
reports_id_matches_get_item_type (GListModel *model)
{
  return REPORTS_TYPE_ID_MATCH;
}

static guint
reports_id_matches_get_n_items (GListModel *model)
{
  return REPORTS_ID_MATCHES (model)->matches->len;
}

static gpointer
reports_id_matches_get_item (GListModel *model,
                             guint       position)
{
  ReportsIdMatches *self = REPORTS_ID_MATCHES (model);
  ReportsIdMatch *place;

  if (position >= self->matches->len)
    return NULL;

  place = g_ptr_array_index (self->places, position);
  if (place != NULL)
    return g_object_ref (place);

  place = _reports_id_match_new (self, position);
  g_object_weak_ref (G_OBJECT (place), place_gone_cb, self);
  g_ptr_array_index (self->places, position) = place;

  return place;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = reports_id_matches_get_item_type;
  iface->get_n_items = reports_id_matches_get_n_items;
  iface->get_item = reports_id_matches_get_item;
}

static void
append_key_part (GString    *keys,
                 const char *text)
{
  if (text == NULL)
    return;

  /* Casefolding ASCII is lowering its case, and much faster. */
  if (g_str_is_ascii (text))
    {
      for (const char *c = text; *c != '\0'; c++)
        g_string_append_c (keys, g_ascii_tolower (*c));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_string_append (keys, folded);
    }
}

/* Adds an option at the end, unselected and not yet in the matches. */
static void
append_option (ReportsIdMatches  *self,
               YeastarMenuOption *option)
{
  guint end;

  g_ptr_array_add (self->options, option);
  append_key_part (self->keys, yeastar_menu_option_get_text (option));
  g_string_append_c (self->keys, KEY_PART_END);
  append_key_part (self->keys, yeastar_menu_option_get_id (option));
  g_string_append_c (self->keys, KEY_END);
  end = self->keys->len;
  g_array_append_val (self->starts, end);
}

ReportsIdMatches *
reports_id_matches_new (GListModel *options)
{
  ReportsIdMatches *self;
  guint n_options;

  g_return_val_if_fail (G_IS_LIST_MODEL (options), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (options), YEASTAR_TYPE_MENU_OPTION), NULL);

  self = g_object_new (REPORTS_TYPE_ID_MATCHES, NULL);

  /* One buffer of all the keys makes a search one strstr() through it,
   * instead of one per option scattered over the heap. */
  n_options = g_list_model_get_n_items (options);
  for (guint i = 0; i < n_options; i++)
    append_option (self, g_list_model_get_item (options, i));
  self->n_known = n_options;

  self->selected = g_new0 (guint8, MAX (n_options, 1));
  g_array_set_size (self->matches, n_options);
  for (guint i = 0; i < n_options; i++)
    OPTION_AT (self, i) = i;
  g_ptr_array_set_size (self->places, n_options);

  return self;
}

guint
reports_id_matches_get_n_options (ReportsIdMatches *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), 0);

  return self->options->len;
}

guint
reports_id_matches_get_n_selected (ReportsIdMatches *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), 0);

  return self->n_selected;
}

const char *
reports_id_matches_get_search (ReportsIdMatches *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), NULL);

  return self->search;
}

YeastarMenuOption *
reports_id_matches_get_option (ReportsIdMatches *self,
                               guint             position)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), NULL);
  g_return_val_if_fail (position < self->matches->len, NULL);

  return g_ptr_array_index (self->options, OPTION_AT (self, position));
}

gboolean
reports_id_matches_get_unknown (ReportsIdMatches *self,
                                guint             position)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), FALSE);
  g_return_val_if_fail (position < self->matches->len, FALSE);

  return OPTION_AT (self, position) >= self->n_known;
}

guint
reports_id_matches_get_n_unknown (ReportsIdMatches *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), 0);

  return self->options->len - self->n_known;
}

gboolean
reports_id_matches_get_selected_only (ReportsIdMatches *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), FALSE);

  return self->selected_only;
}

gboolean
reports_id_matches_get_selected (ReportsIdMatches *self,
                                 guint             position)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), FALSE);
  g_return_val_if_fail (position < self->matches->len, FALSE);

  return self->selected[OPTION_AT (self, position)];
}

void
reports_id_matches_set_selected (ReportsIdMatches *self,
                                 guint             position,
                                 gboolean          selected)
{
  guint n_selected;
  ReportsIdMatch *place;

  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));
  g_return_if_fail (position < self->matches->len);

  n_selected = self->n_selected;
  set_option_selected (self, OPTION_AT (self, position), selected);
  if (self->n_selected == n_selected)
    return;

  place = g_ptr_array_index (self->places, position);
  if (place != NULL)
    _reports_id_match_update (place);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
}

void
reports_id_matches_select_all (ReportsIdMatches *self)
{
  guint n_selected;

  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));

  n_selected = self->n_selected;
  for (guint i = 0; i < self->matches->len; i++)
    set_option_selected (self, OPTION_AT (self, i), TRUE);
  if (self->n_selected == n_selected)
    return;

  selection_changed (self);
}

void
reports_id_matches_unselect_all (ReportsIdMatches *self)
{
  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));

  if (self->n_selected == 0)
    return;

  memset (self->selected, 0, self->options->len);
  self->n_selected = 0;
  selection_changed (self);
}

static void update_matches (ReportsIdMatches *self);

void
reports_id_matches_select (ReportsIdMatches *self,
                           GVariant         *selection)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) unknown = NULL;
  GVariantIter iter;
  const char *menu;
  const char *id;
  guint n_options;
  guint n_selected;

  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));
  g_return_if_fail (selection == NULL || g_variant_is_of_type (selection, G_VARIANT_TYPE ("a(ss)")));

  if (selection == NULL || g_variant_n_children (selection) == 0)
    return;

  /* A pair is the first option's that has its menu and ID. */
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = self->options->len; i > 0; i--)
    {
      YeastarMenuOption *option = g_ptr_array_index (self->options, i - 1);
      char *key = g_strconcat (yeastar_menu_option_get_menu (option), "\n", yeastar_menu_option_get_id (option), NULL);

      g_hash_table_replace (i - 1 < self->n_known ? known : unknown, key, GUINT_TO_POINTER (i));
    }

  n_options = self->options->len;
  n_selected = self->n_selected;
  g_variant_iter_init (&iter, selection);
  while (g_variant_iter_next (&iter, "(&s&s)", &menu, &id))
    {
      g_autofree char *key = g_strconcat (menu, "\n", id, NULL);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (known, key));

      if (found == 0)
        found = GPOINTER_TO_UINT (g_hash_table_lookup (unknown, key));

      if (found == 0 && menu[0] != '\0' && id[0] != '\0')
        {
          /* The PBX no longer has it: an entry of its own, selected, so
           * that the user sees it and can remove it. */
          g_autofree char *text = NULL;

          /* Translators: an ID in a saved selection that the PBX no
           * longer lists; %s is the ID, e.g. "20000". */
          text = g_strdup_printf (_("Unknown, ID %s"), id);
          append_option (self, yeastar_menu_option_new (menu, id, text, NULL));
          self->selected = g_renew (guint8, self->selected, self->options->len);
          self->selected[self->options->len - 1] = FALSE;
          found = self->options->len;
          g_hash_table_insert (unknown, g_steal_pointer (&key), GUINT_TO_POINTER (found));
        }

      if (found > 0)
        set_option_selected (self, found - 1, TRUE);
    }

  if (self->options->len != n_options || self->selected_only)
    update_matches (self);
  if (self->n_selected != n_selected)
    selection_changed (self);
}

GVariant *
reports_id_matches_dup_selection (ReportsIdMatches *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < self->options->len; i++)
    {
      YeastarMenuOption *option = g_ptr_array_index (self->options, i);

      if (self->selected[i])
        g_variant_builder_add (&builder, "(ss)",
                               yeastar_menu_option_get_menu (option),
                               yeastar_menu_option_get_id (option));
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Whether the option passes the Selected Only filter: selected, or an ID
 * the PBX no longer has (which stays on show until it is applied). */
static inline gboolean
passes_filter (ReportsIdMatches *self,
               guint             option)
{
  return !self->selected_only || self->selected[option] || option >= self->n_known;
}

/* Finds the options that match the search and the filter, and moves them
 * through the places. */
static void
update_matches (ReportsIdMatches *self)
{
  const char *needle = self->needle;
  g_autoptr(GArray) matches = NULL;
  guint old_n, new_n, kept;

  matches = g_array_sized_new (FALSE, FALSE, sizeof (guint), needle[0] == '\0' ? self->options->len : 64);
  if (needle[0] == '\0')
    {
      for (guint i = 0; i < self->options->len; i++)
        if (passes_filter (self, i))
          g_array_append_val (matches, i);
    }
  else if (strchr (needle, KEY_END) == NULL && strchr (needle, KEY_PART_END) == NULL)
    {
      const char *keys = self->keys->str;
      const char *from = keys;
      const char *hit;
      guint i = 0;

      /* A hit is in the last key that starts at or before it; the search
       * goes on from the next key. */
      while ((hit = strstr (from, needle)) != NULL)
        {
          while (g_array_index (self->starts, guint, i + 1) <= (guint) (hit - keys))
            i++;
          if (passes_filter (self, i))
            g_array_append_val (matches, i);
          from = keys + g_array_index (self->starts, guint, i + 1);
        }
    }

  old_n = self->matches->len;
  new_n = matches->len;
  g_array_unref (self->matches);
  self->matches = g_steal_pointer (&matches);

  /* The places that stay show their new option; those past the end are
   * removed below and forgotten here. */
  for (guint i = 0; i < self->places->len; i++)
    {
      if (g_ptr_array_index (self->places, i) == NULL)
        continue;
      if (i < new_n)
        _reports_id_match_update (g_ptr_array_index (self->places, i));
      else
        forget_place (self, i);
    }
  g_ptr_array_set_size (self->places, new_n);

  kept = MIN (old_n, new_n);
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, new_n - kept);
}

void
reports_id_matches_set_selected_only (ReportsIdMatches *self,
                                      gboolean          selected_only)
{
  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));

  selected_only = !!selected_only;
  if (self->selected_only == selected_only)
    return;

  self->selected_only = selected_only;
  update_matches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ONLY]);
}

void
reports_id_matches_set_search (ReportsIdMatches *self,
                               const char       *search)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_if_fail (REPORTS_IS_ID_MATCHES (self));

  if (search == NULL)
    search = "";
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  stripped = g_strstrip (g_strdup (search));
  needle = g_utf8_casefold (stripped, -1);
  if (g_strcmp0 (self->needle, needle) == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
      return;
    }

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  update_matches (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

static void
reports_id_matches_dispose (GObject *object)
{
  ReportsIdMatches *self = REPORTS_ID_MATCHES (object);

  for (guint i = 0; i < self->places->len; i++)
    forget_place (self, i);

  G_OBJECT_CLASS (reports_id_matches_parent_class)->dispose (object);
}

static void
reports_id_matches_finalize (GObject *object)
{
  ReportsIdMatches *self = REPORTS_ID_MATCHES (object);

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_string_free (g_steal_pointer (&self->keys), TRUE);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (reports_id_matches_parent_class)->finalize (object);
}

static void
reports_id_matches_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReportsIdMatches *self = REPORTS_ID_MATCHES (object);

  switch (prop_id)
    {
    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_SELECTED_ONLY:
      g_value_set_boolean (value, self->selected_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_matches_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReportsIdMatches *self = REPORTS_ID_MATCHES (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      reports_id_matches_set_search (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_ONLY:
      reports_id_matches_set_selected_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_matches_class_init (ReportsIdMatchesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_id_matches_dispose;
  object_class->finalize = reports_id_matches_finalize;
  object_class->get_property = reports_id_matches_get_property;
  object_class->set_property = reports_id_matches_set_property;

  properties [PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SELECTED_ONLY] =
    g_param_spec_boolean ("selected-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_matches_init (ReportsIdMatches *self)
{
  self->options = g_ptr_array_new_with_free_func (g_object_unref);
  self->keys = g_string_new (NULL);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->starts, (guint) { 0 });
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->places = g_ptr_array_new ();
  self->search = g_strdup ("");
  self->needle = g_strdup ("");
}
