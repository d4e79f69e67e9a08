/* reports-id-match.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-id-match-private.h"

struct _ReportsIdMatch
{
  GObject            parent_instance;

  ReportsIdMatches  *matches;  /* not owned: it forgets its places before it goes */
  YeastarMenuOption *option;
  guint              position;
  guint              selected : 1;
  guint              unknown : 1;
};

G_DEFINE_FINAL_TYPE (ReportsIdMatch, reports_id_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPTION,
  PROP_POSITION,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

ReportsIdMatch *
_reports_id_match_new (ReportsIdMatches *matches,
                       guint             position)
{
  ReportsIdMatch *self;

  g_return_val_if_fail (REPORTS_IS_ID_MATCHES (matches), NULL);

  self = g_object_new (REPORTS_TYPE_ID_MATCH, NULL);
  self->matches = matches;
  self->position = position;
  self->option = g_object_ref (reports_id_matches_get_option (matches, position));
  self->selected = reports_id_matches_get_selected (matches, position);
  self->unknown = reports_id_matches_get_unknown (matches, position);

  return self;
}

void
_reports_id_match_update (ReportsIdMatch *self)
{
  gboolean selected;

  g_return_if_fail (REPORTS_IS_ID_MATCH (self));
  g_return_if_fail (self->matches != NULL);

  selected = reports_id_matches_get_selected (self->matches, self->position);

  g_object_freeze_notify (G_OBJECT (self));
  self->unknown = reports_id_matches_get_unknown (self->matches, self->position);
  if (g_set_object (&self->option, reports_id_matches_get_option (self->matches, self->position)))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPTION]);
  if (self->selected != selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_reports_id_match_forget (ReportsIdMatch *self)
{
  g_return_if_fail (REPORTS_IS_ID_MATCH (self));

  self->matches = NULL;
}

YeastarMenuOption *
reports_id_match_get_option (ReportsIdMatch *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCH (self), NULL);

  return self->option;
}

guint
reports_id_match_get_position (ReportsIdMatch *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCH (self), 0);

  return self->position;
}

gboolean
reports_id_match_get_unknown (ReportsIdMatch *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCH (self), FALSE);

  return self->unknown;
}

gboolean
reports_id_match_get_selected (ReportsIdMatch *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_MATCH (self), FALSE);

  return self->selected;
}

void
reports_id_match_set_selected (ReportsIdMatch *self,
                               gboolean        selected)
{
  g_return_if_fail (REPORTS_IS_ID_MATCH (self));

  /* The matches update this place. A place that was removed from the list
   * keeps what it showed until its row lets it go. */
  if (self->matches != NULL)
    reports_id_matches_set_selected (self->matches, self->position, selected);
}

static void
reports_id_match_finalize (GObject *object)
{
  ReportsIdMatch *self = REPORTS_ID_MATCH (object);

  g_clear_object (&self->option);

  G_OBJECT_CLASS (reports_id_match_parent_class)->finalize (object);
}

static void
reports_id_match_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReportsIdMatch *self = REPORTS_ID_MATCH (object);

  switch (prop_id)
    {
    case PROP_OPTION:
      g_value_set_object (value, self->option);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_match_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReportsIdMatch *self = REPORTS_ID_MATCH (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      reports_id_match_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_match_class_init (ReportsIdMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_id_match_finalize;
  object_class->get_property = reports_id_match_get_property;
  object_class->set_property = reports_id_match_set_property;

  properties [PROP_OPTION] =
    g_param_spec_object ("option", NULL, NULL,
                         YEASTAR_TYPE_MENU_OPTION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_match_init (ReportsIdMatch *self)
{
}
