/* reports-row-wrap.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-row-wrap.h"

/**
 * reports_row_wrap_titles_by_word:
 * @widget: a row, or a widget holding rows
 *
 * libadwaita 1.2 wraps a row's title by word or, where a word does not
 * fit, by character (PANGO_WRAP_WORD_CHAR), so a narrow window squeezed
 * the title beside a wide suffix and broke a single word ("Beric-htstyp").
 * Wrapped by word only, a title is never narrower than its longest word:
 * the suffix, which ellipsizes, gives way instead. Subtitles (paths,
 * messages) keep breaking anywhere.
 */
void
reports_row_wrap_titles_by_word (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title"))
    gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reports_row_wrap_titles_by_word (child);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
}

/**
 * reports_combo_row_show_full_items:
 * @row: a combo row whose model is a #GtkStringList
 *
 * AdwComboRow 1.2's own items are limited to 20 characters, so "v1.0, for
 * data from before the upgrade" was cut short even at 1280 px. These
 * items take up to 48 characters, and ellipsize only when the row is
 * really narrow.
 */
void
reports_combo_row_show_full_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  adw_combo_row_set_factory (row, factory);
}
