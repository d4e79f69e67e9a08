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
