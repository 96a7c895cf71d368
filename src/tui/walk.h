/* walk.h - the walk-through's side of the flow (flow.h): the screen of each
 * step, the question before a finished session is changed, and what a
 * failure shows.
 *
 * The course of a session (its steps, each answer saved the moment it is
 * given) is the flow's; these call it and then show what follows. When the
 * store fails, the walk-through ends through walk_failed() (status 3, the
 * reason printed after the terminal is restored); when the session being
 * answered was deleted by another program, it goes back to the start screen,
 * saying so. Either way these return -1. */
#ifndef VERDICT_TUI_WALK_H
#define VERDICT_TUI_WALK_H

#include <stddef.h>

#include "flow.h"
#include "tui/tui.h"

/* Starts a new session (flow_new()) and shows its first step. */
int walk_new(struct tui *t, const char *project, const char *respondent);
/* Reopens stored session ID and shows its step. Returns 0; 1 when it cannot
 * be opened (the reason is on the bottom line); -1 on a storage failure. */
int walk_open(struct tui *t, long long id);
/* Goes to STEP (flow_goto()) and shows its screen. */
int walk_goto(struct tui *t, int step);
int walk_next(struct tui *t);
/* The step before; from the first step, the start screen. */
int walk_back(struct tui *t);

/* Gives answer CH (flow_answer()). A change to a finished session waits
 * until the person says where it goes (walk_edit_finished()): then this
 * returns 1, the question on the screen. */
int walk_answer(struct tui *t, struct flow_change ch);
/* walk_answer() for a choice, a weight (held to the scale), or the default. */
int walk_set_choice(struct tui *t, size_t q, int choice);
int walk_set_weight(struct tui *t, size_t k, double weight);
int walk_clear_weight(struct tui *t, size_t k);
/* A weight picked by number (a digit or a click): saved when V is on the
 * scale, else the message line says what the scale is. */
int walk_pick_weight(struct tui *t, size_t k, int v);

/* Weighs the way W (flow_weighting()), and shows the first step of weighing
 * that way; for a finished session, after asking where the change goes. */
int walk_set_weighting(struct tui *t, enum weighting w);
/* 1 when weighing is about to start in a session not finished: on its first
 * step of weighing with nothing weighed yet, when the walk-through asks how
 * to weigh (screen_weighing.c). */
int walk_choosing(const struct tui *t);

/* Makes change CH to the finished session WHERE (flow_edit_finished()), and
 * says where it went. A changed choice then goes on to the next step, as
 * Enter does. */
int walk_edit_finished(struct tui *t, struct flow_change ch, enum flow_where where);
/* Says that the change asked about was not made. */
void walk_edit_cancel(struct tui *t);

/* Scores the session (flow_score()). */
int walk_score(struct tui *t);

/* What the walk-through does when a flow call failed with ERR: ends for a
 * storage failure; shows the message, and the start screen when the session
 * is gone. Returns -1. */
int walk_failed(struct tui *t, const struct verror *err);

#endif
