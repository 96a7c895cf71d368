/* tui.h - the walk-through: its state, its screens and the loop that runs them.
 *
 * One loop (tui.c) reads a key, looks it up in the key table (keys.h) and
 * hands the action to the screen on show, then redraws. Each screen is a file
 * of its own with the same small face, struct screen_ops. The course of the
 * session (which step comes next, saving each answer) is the flow's (flow.h),
 * which walk.h shows; drawing helpers are in draw.h; text measuring is in
 * text.h.
 *
 * Ownership: struct tui owns everything it points to except G, the store
 * included (the flow borrows it). It is set up by tui_open() and released,
 * with the terminal restored and the database closed, by tui_teardown(),
 * which every exit path goes through. */
#ifndef VERDICT_TUI_H
#define VERDICT_TUI_H

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <wchar.h>

#include "cli.h"
#include "flow.h"
#include "store.h"
#include "tui/input.h"
#include "tui/keys.h"

/* The smallest terminal the screens are laid out for. */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 18

#define TUI_FIELD_MAX 80        /* characters in a project or respondent name */
#define TUI_TEXT_MAX 1000       /* characters in any field: a file name */
#define TUI_HITS_MAX 160        /* clickable places on one screen */
#define TUI_SIGNALS 4           /* the signals caught (tui.c) */

enum screen_id {
	SCREEN_START,
	SCREEN_PROFILE,
	SCREEN_CRITERION,
	SCREEN_REVIEW,
	SCREEN_RESULTS,
	SCREEN_HISTORY,
	SCREEN_HELP,            /* over the screen it was called from */
	SCREEN_EXPORT,          /* a dialog over the results or the history */
	SCREEN_EDIT,            /* a dialog over a step: where a change to a finished
	                         * session goes */
	SCREEN_WEIGHING,        /* before weighing: rating each criterion, or in pairs */
	SCREEN_PAIRWISE,        /* the comparisons, one at a time */
	SCREEN_CONSISTENCY,     /* the review of a pairwise session: how consistent, and
	                         * the hints */
	SCREEN_TEAM,            /* a project's group view, from the history */
	SCREEN_DECIDE,          /* a dialog over the results: the decision recorded */
	SCREEN_DIFF,            /* two sessions compared, over the history */
	SCREEN_IMPORT,          /* a dialog over the history: sessions from a file */
	SCREEN_COUNT,
};

/* How many screens can be open beneath the one on show: a step, under the
 * export dialog or the question before a change, under the help. */
#define TUI_UNDER_MAX 4

/* What a piece of the screen is, not how it looks: draw.c maps each role to
 * colours, or to bold, reverse and underline on a monochrome terminal. */
enum role {
	ROLE_NORMAL,
	ROLE_HEADER,            /* the top line */
	ROLE_TITLE,             /* a screen's main line */
	ROLE_GROUP,             /* a group heading, the rule's labels */
	ROLE_DIM,               /* secondary text */
	ROLE_SELECTED,          /* the highlighted item */
	ROLE_CURRENT,           /* the weight chosen on the scale */
	ROLE_DEFAULT,           /* the default mark */
	ROLE_KEY,               /* a key name in a hint */
	ROLE_BAR_WIN,           /* the leading option's bar */
	ROLE_BAR,               /* the other bars */
	ROLE_BAR_EMPTY,         /* the rest of a bar */
	ROLE_GOOD,
	ROLE_WARN,
	ROLE_ERROR,
	ROLE_FIELD,             /* a text field */
	ROLE_COUNT,
};

struct tui;

/* One screen. Each is a file of its own, and its state is its own: a struct
 * of STATE_SIZE bytes declared in that file, which the loop allocates
 * (zeroed) when the walk-through starts and passes to every operation. INIT
 * sets it up once then; ENTER each time the screen comes up; LEAVE when
 * another screen takes its place (not one opened over it); DONE at the end
 * frees what the state holds. MODE says the key context of the moment when
 * the screen has modes within it (a field being typed in, a question asked),
 * else CONTEXT holds. DRAW draws the lines between the top line and the
 * bottom line; ACT takes one action. Any of INIT, ENTER, LEAVE, DONE and MODE
 * may be NULL. */
struct screen_ops {
	const char *name;
	unsigned context;       /* its enum key_context bit */
	size_t state_size;
	void (*init)(struct tui *t, void *state);
	void (*enter)(struct tui *t, void *state);
	void (*leave)(struct tui *t, void *state);
	void (*done)(struct tui *t, void *state);
	unsigned (*mode)(const struct tui *t, const void *state);
	void (*draw)(struct tui *t, void *state);
	void (*act)(struct tui *t, void *state, enum action a, int arg);
};

extern const struct screen_ops screen_start_ops;
extern const struct screen_ops screen_profile_ops;
extern const struct screen_ops screen_criterion_ops;
extern const struct screen_ops screen_review_ops;
extern const struct screen_ops screen_results_ops;
extern const struct screen_ops screen_history_ops;
extern const struct screen_ops screen_help_ops;
extern const struct screen_ops screen_export_ops;
extern const struct screen_ops screen_edit_ops;
extern const struct screen_ops screen_weighing_ops;
extern const struct screen_ops screen_pairwise_ops;
extern const struct screen_ops screen_consistency_ops;
extern const struct screen_ops screen_team_ops;
extern const struct screen_ops screen_decide_ops;
extern const struct screen_ops screen_diff_ops;
extern const struct screen_ops screen_import_ops;

/* The screen ID's operations. */
const struct screen_ops *tui_screen_ops(enum screen_id id);

/* Opens the export dialog over the screen on show, for stored session ID, or
 * for the session being answered when ID is 0. PROJECT (for the default file
 * name) and RESPONDENT may be NULL. */
void screen_export_open(struct tui *t, long long id, const char *project,
                        const char *respondent);

/* Shows the group view of PROJECT (screen_team.c): its finished sessions on
 * one criteria text, combined. When there is none to show (fewer than two,
 * different criteria texts), says why on the bottom line and stays. */
void screen_team_open(struct tui *t, const char *project);
/* Opens the dialog that records the decision for the session being
 * answered (screen_decide.c), over the results. */
void screen_decide_open(struct tui *t);

/* Opens the question before change CH is made to the finished session being
 * answered (edit_dialog.c), over the step on show. */
void edit_dialog_open(struct tui *t, struct flow_change ch);

/* Opens, over the screen on show, what differs between stored sessions
 * OLD_ID and NEW_ID and how each difference moved the result (verdict diff);
 * when one cannot be read, says why on the bottom line instead. */
void screen_diff_open(struct tui *t, long long old_id, long long new_id);

/* Opens the import dialog over the history (screen_import.c): a JSON report
 * or another verdict database, imported as `verdict import` does. */
void screen_import_open(struct tui *t);
/* Reads the saved sessions again for the history beneath a dialog, the
 * highlight kept where it can be. */
void screen_history_reload(struct tui *t);

/* A place on the screen that a mouse click turns into an action. */
struct hit {
	int y, x, w;
	enum action action;
	int arg;
};

/* A one-line text field (field.h): LEN characters, the cursor before
 * character CUR, at most MAX characters (0: TUI_FIELD_MAX). */
struct text_field {
	wchar_t buf[TUI_TEXT_MAX + 1];
	size_t len;
	size_t cur;
	size_t max;
};

/* A scrolled list: the highlighted item and the first line shown. */
struct list_state {
	int cursor;
	int scroll;
	int reading;            /* scrolled up past the highlight, into the text above */
};

struct tui {
	const struct global_opts *g;
	struct store *store;
	char *project_arg;              /* from --project and --respondent */
	char *respondent_arg;

	/* The session being answered, and its course (flow.h). */
	struct flow flow;

	/* The screens: the one on show, over those it was opened from. */
	enum screen_id screen;
	enum screen_id under[TUI_UNDER_MAX];    /* beneath it, the bottom one first */
	int nunder;
	enum screen_id left;            /* the screen shown before it, by tui_show() */
	void *state[SCREEN_COUNT];      /* each screen's own (struct screen_ops) */

	/* The terminal. */
	SCREEN *term;
	struct input input;             /* the keys coming in, being decoded */
	int utf8;
	int color;
	attr_t roles[ROLE_COUNT];
	int rows, cols;
	int small;                      /* too small to draw: the message instead */
	int again;                      /* draw once more: a scroll position moved */
	struct hit hits[TUI_HITS_MAX];
	int nhits;
	int cursor_y, cursor_x;         /* where a field's cursor is drawn, or -1 */
	char message[256];              /* shown on the bottom line until the next key */
	enum role message_role;

	/* Ending. */
	int quit;
	int status;                     /* the exit status */
	int signal;                     /* the signal that ended the loop, or 0 */
	char fatal[VERROR_MSG_MAX];     /* printed after the terminal is restored */
	FILE *timing;                   /* VERDICT_TUI_TIMING names a file that gets, per
	                                 * key, "HANDLE DRAW" in microseconds: taking the
	                                 * action (saving included), then redrawing */
	struct sigaction old_sig[TUI_SIGNALS];
};

/* Set by the signal handler, read by the loop: the only mutable global. */
extern volatile sig_atomic_t tui_signal;

enum tui_terminal {
	TUI_TERMINAL_OK,        /* the walk-through can draw here */
	TUI_TERMINAL_NONE,      /* standard input or output is not a terminal */
	TUI_TERMINAL_UNDRAWABLE,/* a terminal, but TERM names none that can be drawn on:
	                         * unset, unknown, or one that cannot move the cursor */
};

/* Before anything else: whether the walk-through can draw here, and when
 * not, why, into WHY (a sentence for after "verdict: "; the terminal type
 * in it is raw, to be printed with text_printf()). Prints nothing. */
enum tui_terminal tui_check_terminal(char *why, size_t len);

/* Starts curses on the terminal, catching SIGINT, SIGQUIT, SIGTERM and SIGHUP.
 * T must hold its store and its flow (flow_init()). Returns 0 or an exit
 * status, having said why on stderr. */
int tui_open(struct tui *t);

/* Runs the loop until the person quits, a signal comes or something fails.
 * Returns the exit status. */
int tui_run(struct tui *t);

/* The one way out: restores the terminal, prints what went wrong, closes the
 * database and frees everything T owns. Safe to call more than once. */
void tui_teardown(struct tui *t);

/* Shows screen ID in place of every screen open (each one's leave(), the
 * one on show first), calling its enter(). */
void tui_show(struct tui *t, enum screen_id id);
/* Opens screen ID over the one on show, which stays as it is beneath (a
 * dialog, the help), calling ID's enter(). */
void tui_open_over(struct tui *t, enum screen_id id);
/* Closes the screen on show (its leave()), showing again the one beneath as
 * it was. */
void tui_close_over(struct tui *t);
/* The screen beneath the one on show, or the one on show when none is. */
enum screen_id tui_under(const struct tui *t);
/* Draws the screen beneath the one on show, for a dialog to dim. */
void tui_draw_under(struct tui *t);
/* Screen ID's own state, for the functions of its file that open it
 * (screen_export_open(), edit_dialog_open()). */
void *tui_state(const struct tui *t, enum screen_id id);

/* A line for the bottom of the screen until the next key. */
void tui_message(struct tui *t, enum role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A storage call failed: keep store_error() to print, end with the exit
 * status of its kind (3). Returns -1, to pass on. */
int tui_fail_storage(struct tui *t);

#endif
