/* keys.h - the walk-through's one key table.
 *
 * Every key the walk-through answers to is a row of keys_table: the key, the
 * action it triggers, where it applies, its name, what it does (for the help
 * screen) and its short hint (for the bottom line). The input loop looks keys
 * up here, the help screen lists the rows, and the bottom line shows the
 * hints, so help never drifts from behaviour.
 *
 * A hint is written "KEYS|WHAT", e.g. "Enter|next", so that the bottom line
 * can show the keys apart from what they do.
 *
 * Names, help and hints may hold tokens that keys_expand() renders for the
 * terminal at hand: {up} {down} {left} {right} (arrows, or words where the
 * terminal has no such characters) and {digits} (the weights a digit can
 * pick, e.g. "0-5"). */
#ifndef VERDICT_TUI_KEYS_H
#define VERDICT_TUI_KEYS_H

#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_ACCEPT,             /* Enter: accept and go on */
	ACT_BACK,               /* Backspace or b: the step before */
	ACT_DIGIT,              /* a digit: arg is its value */
	ACT_NEXT_PART,          /* Tab: the next part of the screen */
	ACT_PREV_PART,          /* Shift-Tab */
	ACT_DEFAULT,            /* the weight back to its default */
	ACT_DELETE,             /* delete, after asking */
	ACT_YES,
	ACT_NO,
	ACT_NEW,                /* a new session */
	ACT_EXPORT,             /* e: export a report of a session */
	ACT_LEAVE,              /* Esc: leave a field, a dialogue or help */
	ACT_HELP,
	ACT_QUIT,
	ACT_REDRAW,
	ACT_ERASE,              /* in a text field: the character before the cursor */
	ACT_ERASE_NEXT,         /* in a text field: the character under the cursor */
	ACT_CLEAR,              /* in a text field: all of it */
	ACT_CHAR,               /* in a text field: a character typed; arg is it */
	ACT_PICK,               /* a mouse click on an item; arg is its index or value */
	ACT_ENOUGH,             /* enough comparisons for now: on to the review */
	ACT_SKIP,               /* a comparison left unanswered: on to the next */
	ACT_FIT,                /* take the value a hint suggests */
	ACT_WEIGHING,           /* weigh the other way: ratings or pairs */
	ACT_TEAM,               /* the group view of a session's project */
	ACT_DECIDE,             /* d on the results: record the option chosen */
	ACT_MARK,               /* history: mark a session to compare another with */
	ACT_COMPARE,            /* history: compare the marked session with the highlighted */
	ACT_IMPORT,             /* history: import sessions from a file */
};

/* Where a key applies: one bit per screen, and for the modes within them. */
enum key_context {
	KC_START = 1u << 0,
	KC_PROFILE = 1u << 1,
	KC_CRITERION = 1u << 2,
	KC_REVIEW = 1u << 3,
	KC_RESULTS = 1u << 4,
	KC_HISTORY = 1u << 5,
	KC_HELP = 1u << 6,
	KC_FIELD = 1u << 7,     /* typing in a text field: letters are text */
	KC_CONFIRM = 1u << 8,   /* a yes/no question */
	KC_SMALL = 1u << 9,     /* the terminal is too small to draw */
	KC_EXPORT = 1u << 10,   /* the export dialog, choosing a format */
	KC_PATH = 1u << 11,     /* the export dialog, typing the file name */
	KC_EDIT = 1u << 12,     /* a finished session to change: a copy or the original */
	KC_WEIGHING = 1u << 13, /* how to weigh: rating each criterion or in pairs */
	KC_PAIRWISE = 1u << 14, /* the comparisons, two criteria at a time */
	KC_CONSISTENCY = 1u << 15, /* the review of a pairwise session */
	KC_TEAM = 1u << 16,     /* a project's group view */
	KC_DECIDE = 1u << 17,   /* the decision dialog, choosing the option */
	KC_NOTE = 1u << 18,     /* the decision dialog, typing why */
	KC_DIFF = 1u << 19,     /* two sessions compared (screen_diff.c) */
	KC_IMPORT = 1u << 20,   /* the import dialog, typing the file name */
};

#define KC_SCREENS (KC_START | KC_PROFILE | KC_CRITERION | KC_REVIEW | KC_RESULTS | \
                    KC_HISTORY | KC_HELP | KC_EXPORT | KC_WEIGHING | KC_PAIRWISE | \
                    KC_CONSISTENCY | KC_TEAM | KC_DECIDE | KC_DIFF)
/* Typing in any text field: the editing keys. */
#define KC_TYPING (KC_FIELD | KC_PATH | KC_NOTE | KC_IMPORT)

struct key_binding {
	int key;                /* a character (below 128), or a curses KEY_ code */
	int fkey;               /* 1 when key is a curses KEY_ code */
	enum action action;
	int arg;
	unsigned where;         /* enum key_context bits */
	const char *name;       /* as shown, e.g. "Enter", "{up}" */
	const char *help;       /* for the help screen; NULL: an alias of the row above */
	const char *hint;       /* for the bottom line ("KEYS|WHAT"), or NULL */
};

extern const struct key_binding keys_table[];
extern const size_t keys_count;

/* The action of KEY (FKEY when a curses KEY_ code) in CONTEXT (one or more
 * enum key_context bits), with its argument in *ARG; ACT_NONE when unbound. */
enum action keys_lookup(unsigned context, int key, int fkey, int *arg);

/* The movement actions (up, down, page up and down, home, end) applied to a
 * highlight *CUR over N rows, PAGE rows to a page; WRAP makes up and down go
 * round from one end to the other. Returns 1 when A was one of them. */
int keys_move_cursor(enum action a, int *cur, int n, int page, int wrap);
/* The movement actions applied to a scroll offset *SCROLL, PAGE rows to a
 * page; never below 0, and the end is far past the bottom, for the drawing to
 * clamp. Returns 1 when A was one of them. */
int keys_move_scroll(enum action a, int *scroll, int page);

/* Renders S with its tokens expanded into BUF (LEN bytes, always terminated):
 * arrows when UTF8, words otherwise; DIGITS stands for {digits}. */
void keys_expand(const char *s, int utf8, const char *digits, char *buf, size_t len);

/* The names of row I and of the alias rows after it, joined with spaces and
 * expanded, into BUF. Returns the index of the next row that is not an alias. */
size_t keys_names(size_t i, int utf8, const char *digits, char *buf, size_t len);

#endif
