/* pair_line.h - one comparison of two criteria (or groups) as one line:
 * "Speed ◀ 9 7 5 3 1 3 5 7 9 ▶ Syntax", the highlight on the answer, and
 * what it means in words. Shared by the comparisons (screen_pairwise.c) and
 * the review of a pairwise session (screen_consistency.c).
 *
 * A place on the line is POS, from -8 to 8: below 0 the item on the left
 * matters 1 - POS times as much (-8: 9 times), 0 equally, above 0 the one on
 * the right POS + 1 times as much. The line shows the odd values of Saaty's
 * scale (1, 3, 5, 7, 9: equal, a little, clearly, much, extremely more);
 * the arrows move between them, and a digit reaches the values between. */
#ifndef VERDICT_TUI_PAIR_LINE_H
#define VERDICT_TUI_PAIR_LINE_H

#include <stddef.h>

#include "session.h"
#include "tui/tui.h"

#define PAIR_POS_MAX 8

/* The place of VALUE (left over right), and the value of place POS. */
int pair_pos(double value);
double pair_value(int pos);
/* The next place shown on the line from POS towards DIR (-1 left, 1 right),
 * or POS at the end. */
int pair_step(int pos, int dir);
/* Digit D (1 to 9) from POS: that many times, on the side of POS (from 0,
 * the left). */
int pair_digit(int pos, int d);
/* "Speed matters 5 times as much as Syntax", "Speed and Syntax matter
 * equally", into BUF, for POS. A and B are raw: the drawing cleans them. */
void pair_words(const char *a, const char *b, int pos, char *buf, size_t len);
/* A value as the answers file writes it: "7", "1", "1/5". */
void pair_value_text(double value, char *buf, size_t len);
/* The name of item I of a comparison at LEVEL: a criterion's, or a
 * group's in GROUPS. */
const char *pair_item_name(const struct criteria *c, const struct criteria_groups *groups,
                           enum judgment_level level, size_t i);

/* Draws the line for A against B with the highlight on POS, centred on row
 * Y, each value a click target (ACT_PICK with the place + PAIR_PICK_BASE);
 * the names cut to fit. */
#define PAIR_PICK_BASE 1000
void pair_draw_line(struct tui *t, int y, const char *a, const char *b, int pos);

#endif
