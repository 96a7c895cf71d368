/* tui.h - the walk-through: its state, its screens and the loop that runs them.
 *
 * One loop (tui.c) reads a key, looks it up in the key table (keys.h) and
 * hands the action to the screen on show, then redraws. Each screen is a file
 * of its own with the same small face, struct screen_ops. The session flow
 * (which step comes next, saving each answer) is in walk.h; drawing helpers
 * are in draw.h; text measuring is in text.h.
 *
 * Ownership: struct tui owns everything it points to except G. It is set up
 * by tui_open() and released, with the terminal restored and the database
 * closed, by tui_teardown(), which every exit path goes through. */
#ifndef VERDICT_TUI_H
#define VERDICT_TUI_H

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <wchar.h>

#include "cli.h"
#include "criteria_source.h"
#include "score.h"
#include "session.h"
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
	SCREEN_HELP,
	SCREEN_EXPORT,          /* a dialog over the results or the history */
	SCREEN_COUNT,
};

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

/* One screen. ENTER is called when the screen comes up, DRAW draws the lines
 * between the top line and the bottom line, ACT takes one action. */
struct screen_ops {
	const char *name;
	unsigned context;       /* its enum key_context bit */
	void (*enter)(struct tui *t);
	void (*draw)(struct tui *t);
	void (*act)(struct tui *t, enum action a, int arg);
};

extern const struct screen_ops screen_start_ops;
extern const struct screen_ops screen_profile_ops;
extern const struct screen_ops screen_criterion_ops;
extern const struct screen_ops screen_review_ops;
extern const struct screen_ops screen_results_ops;
extern const struct screen_ops screen_history_ops;
extern const struct screen_ops screen_help_ops;
extern const struct screen_ops screen_export_ops;

/* The screen ID's operations. */
const struct screen_ops *tui_screen_ops(enum screen_id id);

/* Fills the start screen's fields with the names from the command line. */
void screen_start_fill(struct tui *t);

/* The question before a finished session is changed, over the screen on
 * show while t->edit.asking: drawn after the screen, and taking its keys. */
void edit_dialog_draw(struct tui *t);
void edit_dialog_act(struct tui *t, enum action a, int arg);

/* Opens the export dialog over the screen on show, for stored session ID, or
 * for the session being answered when ID is 0. PROJECT (for the default file
 * name) and RESPONDENT may be NULL. */
void screen_export_open(struct tui *t, long long id, const char *project,
                        const char *respondent);

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

struct start_state {
	int part;               /* 0 the menu, 1 project, 2 respondent */
	int cursor;             /* in the menu */
	int items[4];           /* enum start_item, in menu order */
	int nitems;
	struct text_field project;
	struct text_field respondent;
	long long resume_id;    /* the unfinished session offered, or 0 */
	char resume_label[200];
	int nsaved;             /* sessions in the database */
	int scroll;             /* in the title and summary, when they are cut */
	int room;               /* the rows they had when last drawn */
};

struct history_row {
	long long id;
	char *project;
	char *respondent;
	char *title;
	char *winner;
	int complete;
	time_t updated;
};

struct history_state {
	struct list_state list;
	struct history_row *rows;
	size_t nrows;
	size_t cap;
	int confirm;            /* asking whether to delete the highlighted row */
};

struct export_state {
	enum screen_id from;    /* the screen underneath, shown again after */
	long long id;           /* the stored session, or 0: the one being answered */
	char title[200];        /* "Export session 3: Shop rewrite" */
	int format;             /* enum report_format (export.h) */
	int part;               /* 0 the formats, 1 the file name */
	int confirm;            /* asking whether to replace the file there */
	char names[4][128];     /* the default file name in each format */
	char error[800];        /* why the last try wrote nothing, or "" */
	int note_scroll;        /* in that, or the question, when it does not fit */
	struct text_field path;
};

/* A change to a finished session, waiting for the person to say where it
 * goes (walk.h, edit_dialog.c). */
enum change_kind { CHANGE_CHOICE, CHANGE_WEIGHT, CHANGE_CLEAR };
enum edit_where { EDIT_COPY, EDIT_ORIGINAL };

struct edit_state {
	int asking;             /* the question is on the screen */
	int cursor;             /* enum edit_where highlighted; a copy at first */
	int scroll;             /* in the dialog, on a small screen */
	enum change_kind kind;  /* the change: a question's choice, a weight, */
	size_t index;           /* which question or criterion, */
	double value;           /* and the choice or the weight */
};

struct results_state {
	int part;               /* 0 the summary, 1 the breakdown */
	int scroll[2];
	int column;             /* the first option column of the breakdown shown */
};

#define TUI_TERMS_MAX 64

struct tui {
	const struct global_opts *g;
	struct store *store;
	struct criteria_source fresh;   /* the set new sessions are answered on */
	struct criteria_source loaded;  /* a reopened session's own set */
	const struct criteria *c;       /* the current session's: fresh or loaded */
	const struct criteria_source *src;
	char *project_arg;              /* from --project and --respondent */
	char *respondent_arg;

	/* The session being answered: none while id is 0. */
	struct session *s;
	long long id;
	int step;                       /* see walk.h */
	int complete;
	struct result result;
	int have_result;
	enum score_status score_status;

	/* The screens. */
	enum screen_id screen;
	enum screen_id left;            /* the screen shown before it, by tui_show() */
	enum screen_id help_from;
	struct start_state start;
	struct list_state profile;
	int crit_scroll;
	struct list_state review;
	struct results_state results;
	struct history_state history;
	struct export_state export;
	struct edit_state edit;
	int help_scroll;
	size_t terms[TUI_TERMS_MAX];    /* glossary terms on the screen help was called from */
	size_t nterms;

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
	struct text_field *field;       /* the field being typed in, or NULL */
	int cursor_y, cursor_x;         /* where the field's cursor is drawn */
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

/* Before anything else: refuses, with a message on stderr, when standard input
 * or output is not a terminal or TERM names no terminal that can be drawn on.
 * Returns 0 or the exit status. */
int tui_check_terminal(void);

/* Starts curses on the terminal, catching SIGINT, SIGQUIT, SIGTERM and SIGHUP.
 * T must hold its store and fresh criteria. Returns 0 or an exit status,
 * having said why on stderr. */
int tui_open(struct tui *t);

/* Runs the loop until the person quits, a signal comes or something fails.
 * Returns the exit status. */
int tui_run(struct tui *t);

/* The one way out: restores the terminal, prints what went wrong, closes the
 * database and frees everything T owns. Safe to call more than once. */
void tui_teardown(struct tui *t);

/* Shows screen ID, calling its enter(). */
void tui_show(struct tui *t, enum screen_id id);

/* A line for the bottom of the screen until the next key. */
void tui_message(struct tui *t, enum role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A storage call failed: keep store_error() to print, end with the exit
 * status of its kind (3). Returns -1, to pass on. */
int tui_fail_storage(struct tui *t);
/* Memory ran out: end with status 3. Returns -1. */
int tui_fail_memory(struct tui *t);

#endif
