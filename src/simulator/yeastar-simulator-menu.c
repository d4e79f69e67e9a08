/* yeastar-simulator-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "yeastar-simulator-menu.h"

/* Small, like a demo office. */
static const guint default_sizes[YEASTAR_SIMULATOR_N_MENUS] = { 12, 3, 2, 2, 2, 3, 4 };

/* The first internal ID of each menu by default; see the header. */
static const guint default_first_ids[YEASTAR_SIMULATOR_N_MENUS] = { 34, 1, 3, 1, 1, 1, 34 };

/* The dialable number of the first object, 0 if it has none. */
static const guint first_numbers[YEASTAR_SIMULATOR_N_MENUS] = { 1001, 0, 0, 6200, 6300, 6400, 1001 };

static const char * const known_empty_menus[] = {
  "org_list", "role", "phonebook", "group_vm", "conference", "pinset",
};

static const char * const first_names[] = {
  "Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Greta", "Hugo", "Ines", "Jonas",
  "Keiko", "Liam", "Maria", "Noah", "Olga", "Pedro", "Qiu", "Rosa", "Samir", "Tanja",
  "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe",
};

static const char * const last_names[] = {
  "Martin", "Ball", "Schmidt", "Rossi", "Dubois", "Novak", "Jensen", "García", "Kowalski",
  "Silva", "Nakamura", "O'Brien", "Petrov", "Haddad", "Larsen", "Moreau", "Costa", "Weber",
  "Fischer", "Andersson", "Yilmaz", "Chen", "Okafor",
};

static const char * const group_names[] = {
  "Sales", "Support", "Accounts", "Management", "Warehouse", "Reception", "Engineering",
};

static const char * const ivr_names[] = { "Main Menu", "After Hours", "Holiday Greeting" };

static const char * const ring_group_names[] = { "Sales Team", "Front Desk", "Night Shift" };

static const char * const queue_names[] = { "Support", "Sales", "Billing", "Technical", "VIP" };

void
_yeastar_simulator_menus_init (YeastarSimulatorMenus *menus)
{
  memcpy (menus->sizes, default_sizes, sizeof menus->sizes);
  memcpy (menus->first_ids, default_first_ids, sizeof menus->first_ids);
}

gboolean
_yeastar_simulator_menu_from_name (const char           *name,
                                   YeastarSimulatorMenu *menu)
{
  YeastarMenu found;

  /* The PBX's names are case-sensitive. */
  if (!yeastar_menu_from_name (name, FALSE, &found))
    return FALSE;

  *menu = (YeastarSimulatorMenu) found;
  return TRUE;
}

gboolean
_yeastar_simulator_menu_is_empty_known (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_empty_menus); i++)
    if (g_strcmp0 (name, known_empty_menus[i]) == 0)
      return TRUE;

  return FALSE;
}

guint
_yeastar_simulator_menu_get_id (const YeastarSimulatorMenus *menus,
                                YeastarSimulatorMenu         menu,
                                guint                        index)
{
  return menus->first_ids[menu] + index;
}

gboolean
_yeastar_simulator_menu_lookup_id (const YeastarSimulatorMenus *menus,
                                   YeastarSimulatorMenu         menu,
                                   const char                  *id,
                                   guint                       *index)
{
  guint64 value;
  char *end = NULL;

  if (id == NULL || !g_ascii_isdigit (id[0]))
    return FALSE;

  value = g_ascii_strtoull (id, &end, 10);
  if (*end != '\0' || value < menus->first_ids[menu] || value - menus->first_ids[menu] >= menus->sizes[menu])
    return FALSE;

  *index = value - menus->first_ids[menu];
  return TRUE;
}

static const char *
pick (const char * const *names,
      guint               n_names,
      guint               index,
      const char         *fallback,
      char              **owned)
{
  if (index < n_names)
    return names[index];

  *owned = g_strdup_printf ("%s %u", fallback, index + 1);
  return *owned;
}

void
_yeastar_simulator_menu_describe (YeastarSimulatorMenu   menu,
                                  guint                  index,
                                  char                 **number,
                                  char                 **name)
{
  g_autofree char *owned = NULL;
  const char *text = NULL;

  g_assert (number != NULL);
  g_assert (name != NULL);

  *number = first_numbers[menu] != 0 ? g_strdup_printf ("%u", first_numbers[menu] + index) : NULL;

  switch (menu)
    {
    case YEASTAR_SIMULATOR_MENU_EXTENSION:
    case YEASTAR_SIMULATOR_MENU_QUEUE_AGENT:
      /* Walk the last names at another pace so the pairs repeat late. */
      *name = g_strdup_printf ("%s %s",
                               first_names[index % G_N_ELEMENTS (first_names)],
                               last_names[(index + index / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names)]);
      return;
    case YEASTAR_SIMULATOR_MENU_EXT_GROUP:
      text = pick (group_names, G_N_ELEMENTS (group_names), index, "Group", &owned);
      break;
    case YEASTAR_SIMULATOR_MENU_TRUNK:
      *name = g_strdup_printf ("SIP-Trunk-%u", index + 1);
      return;
    case YEASTAR_SIMULATOR_MENU_IVR:
      text = pick (ivr_names, G_N_ELEMENTS (ivr_names), index, "IVR", &owned);
      break;
    case YEASTAR_SIMULATOR_MENU_RING_GROUP:
      text = pick (ring_group_names, G_N_ELEMENTS (ring_group_names), index, "Ring Group", &owned);
      break;
    case YEASTAR_SIMULATOR_MENU_QUEUE:
      text = pick (queue_names, G_N_ELEMENTS (queue_names), index, "Queue", &owned);
      break;
    case YEASTAR_SIMULATOR_N_MENUS:
    default:
      g_assert_not_reached ();
    }

  *name = g_strdup (text);
}

guint
_yeastar_simulator_menu_get_n_agents (const YeastarSimulatorMenus *menus)
{
  return MIN (menus->sizes[YEASTAR_SIMULATOR_MENU_QUEUE_AGENT],
              menus->sizes[YEASTAR_SIMULATOR_MENU_EXTENSION]);
}

/* Queues overlap: queue n starts n * 3 extensions further. */
guint
_yeastar_simulator_menu_get_agent (const YeastarSimulatorMenus *menus,
                                   guint                        queue_index,
                                   guint                        agent)
{
  guint n_extensions = menus->sizes[YEASTAR_SIMULATOR_MENU_EXTENSION];

  g_assert (n_extensions > 0);

  return (queue_index * 3 + agent) % n_extensions;
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (json, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guint) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
append_option (GString              *json,
               YeastarSimulatorMenu  menu,
               guint                 index,
               guint                 id,
               gboolean              first,
               const char           *hostile_name)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  const char *type = "";

  _yeastar_simulator_menu_describe (menu, index, &number, &name);
  if (first && hostile_name != NULL)
    {
      g_free (name);
      name = g_strdup (hostile_name);
    }

  /* `type` is documented for trunks ("SIP"); extensions are SIP
   * extensions; the other objects have no type and send "". */
  if (menu == YEASTAR_SIMULATOR_MENU_TRUNK || menu == YEASTAR_SIMULATOR_MENU_EXTENSION ||
      menu == YEASTAR_SIMULATOR_MENU_QUEUE_AGENT)
    type = "SIP";

  if (!first)
    g_string_append_c (json, ',');
  g_string_append (json, "{\"text\":");
  if (number != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s - %s", number, name);
      append_json_string (json, text);
    }
  else
    {
      append_json_string (json, name);
    }
  g_string_append_printf (json, ",\"value\":\"%u\",\"type\":\"%s\"}", id, type);
}

void
_yeastar_simulator_menu_append_json (const YeastarSimulatorMenus *menus,
                                     YeastarSimulatorMenu         menu,
                                     guint                        queue_index,
                                     GString                     *json)
{
  g_string_append_c (json, '[');

  if (menu == YEASTAR_SIMULATOR_MENU_QUEUE_AGENT)
    {
      guint n = _yeastar_simulator_menu_get_n_agents (menus);

      for (guint i = 0; i < n; i++)
        {
          guint ext = _yeastar_simulator_menu_get_agent (menus, queue_index, i);

          append_option (json, YEASTAR_SIMULATOR_MENU_EXTENSION, ext,
                         _yeastar_simulator_menu_get_id (menus, YEASTAR_SIMULATOR_MENU_EXTENSION, ext),
                         i == 0, menus->hostile_name);
        }
    }
  else
    {
      for (guint i = 0; i < menus->sizes[menu]; i++)
        append_option (json, menu, i, _yeastar_simulator_menu_get_id (menus, menu, i), i == 0, menus->hostile_name);
    }

  g_string_append_c (json, ']');
}
