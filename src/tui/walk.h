/* walk.h - the walk-through's course: the steps of a session, in order, and
 * every answer saved through the store the moment it is given.
 *
 * The steps are numbered as session.h says. The step reached is stored, so
 * a session resumes on it.
 *
 * Every function that writes to the store ends the walk-through through
 * tui_fail_storage() when the write fails, and then returns -1. */
#ifndef VERDICT_TUI_WALK_H
#define VERDICT_TUI_WALK_H

#include <stddef.h>

#include "tui/tui.h"

/* Starts a new session on the fresh criteria, with PROJECT and RESPONDENT
 * (NULL or empty when not given), on its first step. */
int walk_new(struct tui *t, const char *project, const char *respondent);
/* Reopens stored session ID: a finished one on its results, another on the
 * step where it stopped. Returns 0; 1 when it cannot be opened (the reason
 * is on the bottom line); -1 on a storage failure. */
int walk_open(struct tui *t, long long id);
/* Forgets the current session (it stays stored). */
void walk_close(struct tui *t);
/* The current session is no longer in the database (another program deleted
 * it): forgets it and goes back to the start screen, saying so. Returns -1. */
int walk_vanished(struct tui *t);

/* Goes to STEP (clamped), storing it, and shows its screen. */
int walk_goto(struct tui *t, int step);
int walk_next(struct tui *t);
/* The step before; from the first step, the start screen. */
int walk_back(struct tui *t);

/* Answers question Q with choice CHOICE (SESSION_NO_CHOICE to skip it).
 * Each of these changes a finished session only once the person has said
 * where (a copy, or the original with a revision kept: walk_edit_finished);
 * until then they return 1, with t->edit asking. */
int walk_set_choice(struct tui *t, size_t q, int choice);
/* Sets criterion K's weight (clamped to the scale), or forgets it. */
int walk_set_weight(struct tui *t, size_t k, double weight);
int walk_clear_weight(struct tui *t, size_t k);
/* A weight picked by number (a digit or a click): saved when V is on the
 * scale, else the message line says what the scale is. */
int walk_pick_weight(struct tui *t, size_t k, int v);

/* Makes the change t->edit asks about, WHERE: in a copy of the session
 * (store_copy), which becomes the session answered, or in the original,
 * whose answers are first kept as a revision (store_revision_save). A
 * changed choice then goes on to the next step, as Enter does. */
int walk_edit_finished(struct tui *t, enum edit_where where);
/* Answers t->edit's question with "change nothing". */
void walk_edit_cancel(struct tui *t);

/* Criterion K's weight as it stands, and where it comes from. */
double walk_weight(struct tui *t, size_t k, enum weight_source *source);
/* Criterion K's weight before the person's own: the default as the profile
 * answers moved it, with the question that moved it most in *CAUSE (-1). */
double walk_default_weight(struct tui *t, size_t k, int *cause);

/* Scores the session into t->result and marks it complete with its winner. */
int walk_score(struct tui *t);

#endif
