/* reports-id-matches.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-id-match-private.h"
#include "reports-id-matches.h"

struct _ReportsIdMatches
{
  GObject    parent_instance;

  GPtrArray *options;    /* YeastarMenuOption, owned */
  guint8    *selected;   /* by option */
  guint      n_selected;
  GString   *keys;       /* each option's casefolded search key, each ending in KEY_END */
  GArray    *starts;     /* guint: where each key starts in keys, and keys->len at the end */
  GArray    *matches;    /* guint: the options that match, by position */
  GPtrArray *places;     /* ReportsIdMatch by position, weak: NULL where none is held */
  char      *search;
  char      *needle;     /* search, stripped and casefolded */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReportsIdMatches, reports_id_matches, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_SELECTED,
  PROP_SEARCH,
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
    {
      YeastarMenuOption *option = g_list_model_get_item (options, i);
      guint start = self->keys->len;

      g_ptr_array_add (self->options, option);
      g_array_append_val (self->starts, start);
      append_key_part (self->keys, yeastar_menu_option_get_text (option));
      g_string_append_c (self->keys, KEY_PART_END);
      append_key_part (self->keys, yeastar_menu_option_get_id (option));
      g_string_append_c (self->keys, KEY_END);
    }
  g_array_append_val (self->starts, self->keys->len);

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

char **
reports_id_matches_select_ids (ReportsIdMatches   *self,
                               const char * const *ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  guint n_selected;

  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);

  /* An ID is the first option's that has it. */
  n_selected = self->n_selected;
  for (guint i = 0; i < self->options->len && g_hash_table_size (wanted) > 0; i++)
    {
      if (g_hash_table_remove (wanted, yeastar_menu_option_get_id (g_ptr_array_index (self->options, i))))
        set_option_selected (self, i, TRUE);
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (g_hash_table_remove (wanted, ids[i]))
        g_strv_builder_add (unknown, ids[i]);
    }

  if (self->n_selected != n_selected)
    selection_changed (self);

  return g_strv_builder_end (unknown);
}

char **
reports_id_matches_dup_selected_ids (ReportsIdMatches *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (self), NULL);

  for (guint i = 0; i < self->options->len; i++)
    {
      if (self->selected[i])
        g_strv_builder_add (builder, yeastar_menu_option_get_id (g_ptr_array_index (self->options, i)));
    }

  return g_strv_builder_end (builder);
}

void
reports_id_matches_set_search (ReportsIdMatches *self,
                               const char       *search)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  g_autoptr(GArray) matches = NULL;
  guint old_n, new_n, kept;

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

  matches = g_array_sized_new (FALSE, FALSE, sizeof (guint), needle[0] == '\0' ? self->options->len : 64);
  if (needle[0] == '\0')
    {
      for (guint i = 0; i < self->options->len; i++)
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
          g_array_append_val (matches, i);
          from = keys + g_array_index (self->starts, guint, i + 1);
        }
    }

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_matches_init (ReportsIdMatches *self)
{
  self->options = g_ptr_array_new_with_free_func (g_object_unref);
  self->keys = g_string_new (NULL);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->places = g_ptr_array_new ();
  self->search = g_strdup ("");
  self->needle = g_strdup ("");
}
