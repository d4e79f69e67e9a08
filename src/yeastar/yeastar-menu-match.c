/* yeastar-menu-match.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-menu-match.h"
#include "yeastar-menu-option.h"
#include "yeastar-text.h"

/* Knowing whether "1001" is an ID takes the menu from the PBX, so a value
 * made of digits only is sent as IDs without asking (no extra request per
 * report); a value with any other item has the menus fetched and every
 * item checked (see yeastar-menu-match.h). */

/* How many candidates an error lists before "and N more". */
#define MAX_CANDIDATES 15

gboolean
yeastar_menu_match_need_lookup (const char *value)
{
  g_auto(GStrv) items = NULL;

  if (value == NULL)
    return FALSE;

  items = g_strsplit (value, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      /* An empty item is left to the local validation, which rejects it
       * without asking the PBX anything. */
      g_strstrip (items[i]);
      if (items[i][0] != '\0' && !yeastar_text_is_digits (items[i], -1))
        return TRUE;
    }

  return FALSE;
}

char *
yeastar_menu_match_dup_number (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return NULL;

  while (g_ascii_isdigit (*p))
    p++;

  if (p == text)
    return NULL;

  /* "1001 - Alice Martin" or "1001" alone; not "3CX Trunk". */
  if (*p != '\0' && *p != ' ')
    return NULL;

  return g_strndup (text, p - text);
}

const char *
yeastar_menu_match_get_name (const char *text)
{
  const char *dash;
  g_autofree char *number = NULL;

  if (text == NULL)
    return NULL;

  number = yeastar_menu_match_dup_number (text);
  dash = strstr (text, " - ");

  if (number != NULL && dash == text + strlen (number))
    return dash + strlen (" - ");

  return text;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

static gboolean
option_matches (YeastarMenuOption *option,
                const char        *item)
{
  const char *text = yeastar_menu_option_get_text (option);
  g_autofree char *number = yeastar_menu_match_dup_number (text);

  return g_strcmp0 (number, item) == 0 ||
         same_text (yeastar_menu_match_get_name (text), item) ||
         same_text (text, item);
}

static void
append_candidates (GString    *text,
                   GPtrArray  *candidates,
                   GListModel *all)
{
  guint n = candidates != NULL ? candidates->len : g_list_model_get_n_items (all);

  for (guint i = 0; i < n && i < MAX_CANDIDATES; i++)
    {
      g_autoptr(YeastarMenuOption) option = NULL;

      if (candidates != NULL)
        option = g_object_ref (g_ptr_array_index (candidates, i));
      else
        option = g_list_model_get_item (all, i);

      {
        g_autofree char *id = yeastar_text_escape (yeastar_menu_option_get_id (option), -1);
        g_autofree char *name = yeastar_text_escape (yeastar_menu_option_get_text (option), -1);

        g_string_append_printf (text, "\n  %s\t%s", id, name);
      }
    }

  if (n > MAX_CANDIDATES)
    /* Translators: after a list of candidates cut short */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n  … and %u more", "\n  … and %u more",
                                               n - MAX_CANDIDATES),
                            n - MAX_CANDIDATES);
}

static char *
resolve_item (const char  *option_name,
              const char  *item,
              GListModel  *options,
              GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = NULL;
  g_autofree char *quoted = g_utf8_make_valid (item, -1);
  guint n = g_list_model_get_n_items (options);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);

      if (g_strcmp0 (yeastar_menu_option_get_id (option), item) == 0)
        return g_strdup (item);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);

      if (option_matches (option, item))
        g_ptr_array_add (matches, g_steal_pointer (&option));
    }

  if (matches->len == 1)
    return g_strdup (yeastar_menu_option_get_id (g_ptr_array_index (matches, 0)));

  text = g_string_new (NULL);
  if (matches->len == 0)
    {
      g_string_append_printf (text,
                              /* Translators: %s are an option (--ext-id-list) and what was given */
                              _("%s: “%s” is no ID, number or name the PBX knows; the candidates are (ID, name):"),
                              option_name, quoted);
      if (n == 0)
        g_string_append_printf (text, "\n  %s", _("(none: the list is empty)"));
      append_candidates (text, NULL, options);
    }
  else
    {
      g_string_append_printf (text,
                              /* Translators: %s are an option (--ext-id-list) and what was given */
                              _("%s: “%s” matches more than one entry; give one of these IDs:"),
                              option_name, quoted);
      append_candidates (text, matches, NULL);
    }

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, text->str);

  return NULL;
}

gboolean
yeastar_menu_match_check_items (const char  *label,
                                const char  *value,
                                gboolean     single,
                                GError     **error)
{
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  items = g_strsplit (value, ",", -1);

  if (single && g_strv_length (items) > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s takes one ID, not a list"), label);
      return FALSE;
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s contains an empty item; separate IDs with single commas"), label);
          return FALSE;
        }
    }

  return TRUE;
}

char *
yeastar_menu_match_resolve (const char  *label,
                            const char  *value,
                            gboolean     single,
                            GListModel  *options,
                            GError     **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (options), NULL);

  if (!yeastar_menu_match_check_items (label, value, single, error))
    return NULL;

  items = g_strsplit (value, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *id = NULL;

      g_strstrip (items[i]);
      id = resolve_item (label, items[i], options, error);
      if (id == NULL)
        return NULL;

      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}
