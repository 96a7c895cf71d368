/* field.h - one-line text fields: typing in them and drawing them.
 *
 * A struct text_field (tui.h) holds wide characters that are safe to show:
 * a typed character is kept only when it passes iswprint() and
 * text_char_safe(), and field_set() sanitizes what it is given. The start
 * screen's names and the export dialog's file name are fields. */
#ifndef VERDICT_TUI_FIELD_H
#define VERDICT_TUI_FIELD_H

#include "tui/tui.h"

/* The most characters F holds: its max, or TUI_FIELD_MAX when that is 0. */
size_t field_max(const struct text_field *f);

/* Replaces F's text with UTF-8 text UTF8 (NULL reads as ""), sanitized and cut
 * to field_max(F), with the cursor at its end. */
void field_set(struct text_field *f, const char *utf8);

/* Applies an editing action to F: ACT_CHAR (ARG is the character), ACT_ERASE,
 * ACT_ERASE_NEXT, ACT_CLEAR, ACT_LEFT, ACT_RIGHT, ACT_HOME or ACT_END; other
 * actions do nothing. Returns 1 when the text changed, else 0. */
int field_edit(struct text_field *f, enum action a, int arg);

/* F's text as a new UTF-8 string, which the caller frees. */
char *field_text(const struct text_field *f);

/* Draws F in W columns at Y, X, scrolled sideways to keep its cursor in view;
 * when FOCUSED, the terminal's cursor goes there. */
void field_draw(struct tui *t, int y, int x, int w, const struct text_field *f, int focused);

#endif
