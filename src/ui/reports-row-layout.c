/* reports-row-layout.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-row-layout.h"

/**
 * ReportsRowLayout:
 *
 * The layout of an AdwActionRow's header box (`box.header`: prefixes,
 * icon, the title box and the suffixes, side by side), sized height for
 * width without asking a child its width for a height.
 *
 * GTK 4.8's horizontal GtkBoxLayout asks each child its width at the
 * box's height when it allocates, and its width at its least height when
 * it is measured for a width. For the row's title box, whose labels wrap,
 * GtkLabel answers both with a binary search of text layouts at many
 * widths: about 40 layouts a row to the first frame, the larger part of
 * what the connection page's two action rows cost at start-up.
 *
 * This layout places the same children in the same places: each gets its
 * width as GtkBoxLayout would (its minimum width, the room left shared out
 * towards the natural widths, then to the children that expand), but from
 * the widths the children ask for at any height. The results are the same
 * as long as the children that do not expand are as wide at any height
 * (a switch, an icon, a button), which is what rows have as suffixes; the
 * title box, which expands, gets the rest of the width, as it does in a
 * GtkBox. A child's height is asked for its width only.
 *
 * GtkWidget's allocation asks a child that is not aligned to fill its
 * height (the title box is centered) its width at its height too, which
 * is the same search. So the title box is set to fill, and this layout
 * centers it, where GtkWidget would have: at its natural height for its
 * width, in the middle of the row.
 *
 * The spacing between the children is the box's own, from the theme's
 * border-spacing: the box's GtkBoxLayout is kept and measures the box's
 * width (which needs no search), and the spacing is what that adds to
 * the children's widths.
 */

struct _ReportsRowLayout
{
  GtkLayoutManager  parent_instance;

  /* Owned references */
  GtkLayoutManager *box_layout;

  /* Weak references */
  GtkWidget        *centered;
};

G_DEFINE_FINAL_TYPE (ReportsRowLayout, reports_row_layout, GTK_TYPE_LAYOUT_MANAGER)

#define MAX_CHILDREN 8

/* The children to lay out, their widths at any height and the spacing:
 * returns how many there are (at most MAX_CHILDREN). */
static guint
measure_children (ReportsRowLayout *self,
                  GtkWidget        *widget,
                  GtkRequestedSize *sizes,
                  int              *spacing)
{
  int children_min = 0;
  int box_min = 0, box_nat = 0, unused_min = -1, unused_nat = -1;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < MAX_CHILDREN;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[n].minimum_size, &sizes[n].natural_size,
                          NULL, NULL);
      sizes[n].data = child;
      children_min += sizes[n].minimum_size;
      n++;
    }

  *spacing = 0;
  if (n > 1)
    {
      /* The children's measures are cached by GTK: this costs no layout.
       * GTK 4.8's GtkBoxLayout writes to every pointer. */
      gtk_layout_manager_measure (self->box_layout, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                  &box_min, &box_nat, &unused_min, &unused_nat);
      *spacing = MAX (0, (box_min - children_min) / (int) (n - 1));
    }

  return n;
}

/* Shares out @width as GtkBoxLayout does: every child its minimum, the
 * rest towards their natural widths, and what is still left to the
 * children that expand. Leaves each child's width in natural_size. */
static void
distribute (GtkRequestedSize *sizes,
            guint             n,
            int               width,
            int               spacing)
{
  int extra = width - (int) (n - 1) * spacing;
  guint n_expand = 0;
  int per_child = 0;
  int remainder = 0;

  for (guint i = 0; i < n; i++)
    {
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
    }

  /* This raises each minimum_size towards its natural_size. */
  extra = gtk_distribute_natural_allocation (MAX (0, extra), n, sizes);
  if (n_expand > 0)
    {
      per_child = extra / (int) n_expand;
      remainder = extra % (int) n_expand;
    }

  for (guint i = 0; i < n; i++)
    {
      int size = sizes[i].minimum_size;

      if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        {
          size += per_child;
          if (remainder > 0)
            {
              size++;
              remainder--;
            }
        }

      sizes[i].natural_size = size;
    }
}

static GtkSizeRequestMode
reports_row_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
reports_row_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  ReportsRowLayout *self = REPORTS_ROW_LAYOUT (manager);
  GtkRequestedSize sizes[MAX_CHILDREN];
  int spacing;
  guint n;

  /* The width, at any height: the box's own, which searches nothing. The
   * height at an unknown width likewise. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL || for_size < 0)
    {
      gtk_layout_manager_measure (self->box_layout, widget, orientation, -1,
                                  minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  *minimum = *natural = 0;
  n = measure_children (self, widget, sizes, &spacing);
  distribute (sizes, n, for_size, spacing);

  for (guint i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, sizes[i].natural_size,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
reports_row_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  ReportsRowLayout *self = REPORTS_ROW_LAYOUT (manager);
  GtkRequestedSize sizes[MAX_CHILDREN];
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int spacing;
  int x = 0;
  guint n;

  n = measure_children (self, widget, sizes, &spacing);
  distribute (sizes, n, width, spacing);

  for (guint i = 0; i < n; i++)
    {
      GtkAllocation allocation = { x, 0, sizes[i].natural_size, height };

      if (sizes[i].data == self->centered)
        {
          int child_min, child_nat;

          /* As gtk_widget_size_allocate() centers a child. */
          gtk_widget_measure (self->centered, GTK_ORIENTATION_VERTICAL, allocation.width,
                              &child_min, &child_nat, NULL, NULL);
          child_nat = MAX (child_min, MIN (height, child_nat));
          if (height > child_nat)
            {
              allocation.y = (height - child_nat) / 2;
              allocation.height = child_nat;
            }
        }

      if (rtl)
        allocation.x = width - allocation.x - allocation.width;

      gtk_widget_size_allocate (sizes[i].data, &allocation, -1);
      x += sizes[i].natural_size + spacing;
    }
}

static void
reports_row_layout_dispose (GObject *object)
{
  ReportsRowLayout *self = REPORTS_ROW_LAYOUT (object);

  g_clear_object (&self->box_layout);
  g_clear_weak_pointer (&self->centered);

  G_OBJECT_CLASS (reports_row_layout_parent_class)->dispose (object);
}

static void
reports_row_layout_class_init (ReportsRowLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->dispose = reports_row_layout_dispose;

  layout_class->get_request_mode = reports_row_layout_get_request_mode;
  layout_class->measure = reports_row_layout_measure;
  layout_class->allocate = reports_row_layout_allocate;
}

static void
reports_row_layout_init (ReportsRowLayout *self)
{
}

/**
 * reports_row_layout_new:
 * @box_layout: the horizontal #GtkBoxLayout of the box this will lay out
 * @centered: (nullable): a child of the box to center vertically at its
 *   natural height, which is aligned to fill
 *
 * Returns: (transfer full): a layout for the box that was laid out by
 *   @box_layout
 */
GtkLayoutManager *
reports_row_layout_new (GtkLayoutManager *box_layout,
                        GtkWidget        *centered)
{
  ReportsRowLayout *self;

  g_return_val_if_fail (GTK_IS_BOX_LAYOUT (box_layout), NULL);
  g_return_val_if_fail (centered == NULL || GTK_IS_WIDGET (centered), NULL);

  self = g_object_new (REPORTS_TYPE_ROW_LAYOUT, NULL);
  self->box_layout = g_object_ref (box_layout);
  g_set_weak_pointer (&self->centered, centered);

  return GTK_LAYOUT_MANAGER (self);
}

/**
 * reports_row_layout_install:
 * @row: an action row
 *
 * Lays out @row's header box with a #ReportsRowLayout, which centers the
 * title box (`box.title`) in its stead, and lets the header box fill the
 * row. libadwaita 1.2 never calls the
 * header box's GtkBox functions after building it (only those of its
 * prefix and suffix boxes), so its layout can change.
 *
 * Returns: whether the row's header box was found
 */
gboolean
reports_row_layout_install (AdwActionRow *row)
{
  GtkWidget *header;
  GtkWidget *title_box = NULL;
  GtkLayoutManager *box_layout;

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), FALSE);

  header = gtk_widget_get_first_child (GTK_WIDGET (row));
  if (!GTK_IS_BOX (header) || !gtk_widget_has_css_class (header, "header"))
    return FALSE;

  box_layout = gtk_widget_get_layout_manager (header);
  if (REPORTS_IS_ROW_LAYOUT (box_layout))
    return TRUE;
  if (!GTK_IS_BOX_LAYOUT (box_layout) ||
      gtk_orientable_get_orientation (GTK_ORIENTABLE (box_layout)) != GTK_ORIENTATION_HORIZONTAL)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (header);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
      title_box = child;

  if (title_box == NULL || gtk_widget_get_valign (title_box) != GTK_ALIGN_CENTER)
    return FALSE;

  gtk_widget_set_layout_manager (header, reports_row_layout_new (box_layout, title_box));
  gtk_widget_set_valign (title_box, GTK_ALIGN_FILL);
  /* The header box draws nothing of its own and is as high as its title
   * box or suffix, which it centers; a list gives a row its least height,
   * so the header box fills the row as it did when centered. Centered,
   * GtkWidget asked it its width at its height (and its height at any
   * width, to bound that height) at each allocation. */
  gtk_widget_set_valign (header, GTK_ALIGN_FILL);

  return TRUE;
}
