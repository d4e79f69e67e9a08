/* reports-selection-store.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-selection-store.h"
#include "yeastar-report-type.h"

#define SELECTIONS_KEY "id-selections"

struct _ReportsSelectionStore
{
  GObject    parent_instance;

  GSettings *settings; /* NULL: kept in memory only */
  char      *server;
  char      *client_id;
  GVariant  *memory;   /* a{sas}: kind → IDs, without settings */
};

G_DEFINE_FINAL_TYPE (ReportsSelectionStore, reports_selection_store, G_TYPE_OBJECT)

ReportsSelectionStore *
reports_selection_store_new (GSettings  *settings,
                             const char *server,
                             const char *client_id)
{
  ReportsSelectionStore *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  self = g_object_new (REPORTS_TYPE_SELECTION_STORE, NULL);
  g_set_object (&self->settings, settings);
  self->server = g_strdup (server);
  self->client_id = g_strdup (client_id);

  return self;
}

const char *
reports_selection_store_get_server (ReportsSelectionStore *self)
{
  g_return_val_if_fail (REPORTS_IS_SELECTION_STORE (self), NULL);

  return self->server;
}

const char *
reports_selection_store_get_client_id (ReportsSelectionStore *self)
{
  g_return_val_if_fail (REPORTS_IS_SELECTION_STORE (self), NULL);

  return self->client_id;
}

/* Every PBX's entry of the settings but the one of @server and
 * @client_id, which is returned in @found (a{sas}) when asked for. */
static void
scan_settings (GSettings       *settings,
               const char      *server,
               const char      *client_id,
               GVariantBuilder *others,
               GVariant       **found)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, SELECTIONS_KEY);
  GVariantIter iter;
  const char *entry_server;
  const char *entry_client_id;
  GVariant *kinds;

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "(&s&s@a{sas})", &entry_server, &entry_client_id, &kinds))
    {
      if (g_str_equal (entry_server, server) && g_str_equal (entry_client_id, client_id))
        {
          if (found != NULL && *found == NULL)
            *found = g_variant_ref (kinds);
        }
      else if (others != NULL && entry_server[0] != '\0')
        {
          g_variant_builder_add (others, "(ss@a{sas})", entry_server, entry_client_id, kinds);
        }
      g_variant_unref (kinds);
    }
}

/* a{sas}: what is kept for this PBX. */
static GVariant *
load_kinds (ReportsSelectionStore *self)
{
  GVariant *kinds = NULL;

  if (self->settings == NULL)
    return g_variant_ref (self->memory);

  scan_settings (self->settings, self->server, self->client_id, NULL, &kinds);

  return kinds != NULL ? kinds : g_variant_ref_sink (g_variant_new ("a{sas}", NULL));
}

static void
save_kinds (ReportsSelectionStore *self,
            GVariant              *kinds)
{
  GVariantBuilder all;

  g_variant_ref_sink (kinds);

  if (self->settings == NULL)
    {
      g_clear_pointer (&self->memory, g_variant_unref);
      self->memory = kinds;
      return;
    }

  g_variant_builder_init (&all, G_VARIANT_TYPE ("a(ssa{sas})"));
  scan_settings (self->settings, self->server, self->client_id, &all, NULL);
  if (g_variant_n_children (kinds) > 0)
    g_variant_builder_add (&all, "(ss@a{sas})", self->server, self->client_id, kinds);
  g_settings_set_value (self->settings, SELECTIONS_KEY, g_variant_builder_end (&all));
  g_variant_unref (kinds);
}

/* Without empty IDs and repeats, in order; NULL when none is left. */
static GVariant *
ids_value (const char * const *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (ids[i][0] != '\0' && g_hash_table_add (seen, (gpointer) ids[i]))
        g_variant_builder_add (&builder, "s", ids[i]);
    }

  if (g_hash_table_size (seen) == 0)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_builder_end (&builder);
}

char **
reports_selection_store_dup_ids (ReportsSelectionStore *self,
                                 const char            *kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GVariant) kinds = NULL;
  g_autoptr(GVariant) ids = NULL;

  g_return_val_if_fail (REPORTS_IS_SELECTION_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  kinds = load_kinds (self);
  ids = g_variant_lookup_value (kinds, kind, G_VARIANT_TYPE_STRING_ARRAY);
  if (ids != NULL)
    {
      g_autofree const char **strv = g_variant_get_strv (ids, NULL);
      g_autoptr(GVariant) clean = ids_value (strv);

      if (clean != NULL)
        {
          g_autofree const char **clean_strv = g_variant_get_strv (clean, NULL);

          g_strv_builder_addv (builder, clean_strv);
        }
    }

  return g_strv_builder_end (builder);
}

/* @old (a{sas}) with the kinds of @changes (kind → as, or an empty as
 * to remove it) replaced, in @old's order and then @changes'. */
static GVariant *
replace_kinds (GVariant   *old,
               GHashTable *changes,
               GPtrArray  *order)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *kind;
  GVariant *ids;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &kind, &ids))
    {
      if (kind[0] != '\0' && !g_hash_table_contains (changes, kind))
        g_variant_builder_add (&builder, "{s@as}", kind, ids);
      g_variant_unref (ids);
    }

  for (guint i = 0; i < order->len; i++)
    {
      kind = g_ptr_array_index (order, i);
      ids = g_hash_table_lookup (changes, kind);
      if (ids != NULL && g_variant_n_children (ids) > 0)
        g_variant_builder_add (&builder, "{s@as}", kind, ids);
    }

  return g_variant_builder_end (&builder);
}

static void
add_change (GHashTable         *changes,
            GPtrArray          *order,
            const char         *kind,
            const char * const *ids)
{
  GVariant *value = ids_value (ids);

  if (g_hash_table_contains (changes, kind))
    return;

  g_hash_table_insert (changes, (gpointer) kind,
                       g_variant_ref_sink (value != NULL ? value : g_variant_new_strv (NULL, 0)));
  g_ptr_array_add (order, (gpointer) kind);
}

void
reports_selection_store_set_ids (ReportsSelectionStore *self,
                                 const char            *kind,
                                 const char * const    *ids)
{
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_variant_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GVariant) kinds = NULL;

  g_return_if_fail (REPORTS_IS_SELECTION_STORE (self));
  g_return_if_fail (kind != NULL && kind[0] != '\0');

  kinds = load_kinds (self);
  add_change (changes, order, kind, ids);
  save_kinds (self, replace_kinds (kinds, changes, order));
}

GVariant *
reports_selection_store_dup_selection (ReportsSelectionStore *self,
                                       const char * const    *kinds)
{
  GVariantBuilder builder;

  g_return_val_if_fail (REPORTS_IS_SELECTION_STORE (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint k = 0; kinds != NULL && kinds[k] != NULL; k++)
    {
      g_auto(GStrv) ids = reports_selection_store_dup_ids (self, kinds[k]);

      for (guint i = 0; ids[i] != NULL; i++)
        g_variant_builder_add (&builder, "(ss)", kinds[k], ids[i]);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

void
reports_selection_store_set_selection (ReportsSelectionStore *self,
                                       const char * const    *kinds,
                                       GVariant              *selection)
{
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_variant_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GVariant) old = NULL;

  g_return_if_fail (REPORTS_IS_SELECTION_STORE (self));
  g_return_if_fail (selection == NULL || g_variant_is_of_type (selection, G_VARIANT_TYPE ("a(ss)")));

  old = load_kinds (self);
  for (guint k = 0; kinds != NULL && kinds[k] != NULL; k++)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      GVariantIter iter;
      const char *kind;
      const char *id;

      if (selection != NULL)
        {
          g_variant_iter_init (&iter, selection);
          while (g_variant_iter_next (&iter, "(&s&s)", &kind, &id))
            {
              if (g_str_equal (kind, kinds[k]))
                g_ptr_array_add (ids, (gpointer) id);
            }
        }
      g_ptr_array_add (ids, NULL);
      if (kinds[k][0] != '\0')
        add_change (changes, order, kinds[k], (const char * const *) ids->pdata);
    }

  save_kinds (self, replace_kinds (old, changes, order));
}

void
reports_selection_store_forget (GSettings  *settings,
                                const char *server,
                                const char *client_id)
{
  g_autoptr(ReportsSelectionStore) store = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (server != NULL);
  g_return_if_fail (client_id != NULL);

  store = reports_selection_store_new (settings, server, client_id);
  save_kinds (store, g_variant_new ("a{sas}", NULL));
}

void
reports_selection_store_drop_report_values_ids (GSettings *settings)
{
  g_autoptr(GVariant) all = NULL;
  GVariantBuilder kept;
  GVariantIter iter;
  const char *api_name;
  GVariant *values;
  gboolean dropped = FALSE;

  g_return_if_fail (G_IS_SETTINGS (settings));

  all = g_settings_get_value (settings, "report-values");
  g_variant_builder_init (&kept, G_VARIANT_TYPE ("a{sa{ss}}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &api_name, &values))
    {
      GVariantBuilder type_values;
      GVariantIter value_iter;
      const char *key;
      const char *value;

      g_variant_builder_init (&type_values, G_VARIANT_TYPE ("a{ss}"));
      g_variant_iter_init (&value_iter, values);
      while (g_variant_iter_next (&value_iter, "{&s&s}", &key, &value))
        {
          YeastarParam param;

          if (yeastar_param_from_api_name (key, &param) &&
              (yeastar_param_get_value_kind (param) == YEASTAR_VALUE_ID_LIST ||
               yeastar_param_get_value_kind (param) == YEASTAR_VALUE_ID))
            dropped = TRUE;
          else
            g_variant_builder_add (&type_values, "{ss}", key, value);
        }
      g_variant_builder_add (&kept, "{sa{ss}}", api_name, &type_values);
      g_variant_unref (values);
    }

  if (dropped)
    g_settings_set_value (settings, "report-values", g_variant_builder_end (&kept));
  else
    g_variant_builder_clear (&kept);
}

static void
reports_selection_store_finalize (GObject *object)
{
  ReportsSelectionStore *self = REPORTS_SELECTION_STORE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->memory, g_variant_unref);

  G_OBJECT_CLASS (reports_selection_store_parent_class)->finalize (object);
}

static void
reports_selection_store_class_init (ReportsSelectionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_selection_store_finalize;
}

static void
reports_selection_store_init (ReportsSelectionStore *self)
{
  self->memory = g_variant_ref_sink (g_variant_new ("a{sas}", NULL));
}
