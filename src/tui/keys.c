/* keys.c - the walk-through's one key table: input, help and hints. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

/* A character key, and a curses KEY_ code. */
#define K(k, act, arg, where, name, help, hint) { k, 0, act, arg, where, name, help, hint }
#define F(k, act, arg, where, name, help, hint) { k, 1, act, arg, where, name, help, hint }

/* The screens with a highlight to move, and those that scroll. */
#define KC_MENUS (KC_START | KC_PROFILE | KC_REVIEW | KC_HISTORY | KC_CONSISTENCY)
#define KC_SCROLLS (KC_CRITERION | KC_RESULTS | KC_HELP | KC_PAIRWISE | KC_TEAM | KC_DIFF)
#define KC_STEPS (KC_PROFILE | KC_CRITERION | KC_REVIEW | KC_RESULTS | KC_WEIGHING | \
                  KC_PAIRWISE | KC_CONSISTENCY)
#define KC_WEIGHTS (KC_CRITERION | KC_REVIEW)

/* Enter, as the three codes terminals send for it. */
#define ENTER(where, help, hint) \
	K('\n', ACT_ACCEPT, 0, where, "Enter", help, hint), \
	K('\r', ACT_ACCEPT, 0, where, NULL, NULL, NULL), \
	F(KEY_ENTER, ACT_ACCEPT, 0, where, NULL, NULL, NULL)

/* Backspace, as the three codes terminals send for it. */
#define BACKSPACE(act, where, help) \
	F(KEY_BACKSPACE, act, 0, where, "Backspace", help, NULL), \
	K(127, act, 0, where, NULL, NULL, NULL), \
	K(CTRL('h'), act, 0, where, NULL, NULL, NULL)

#define DIGIT(d) K('0' + (d), ACT_DIGIT, d, KC_WEIGHTS, NULL, NULL, NULL)

/* Rows for one context come in the order their hints are shown. */
const struct key_binding keys_table[] = {
	/* The export dialog: a format, a file name, then write or cancel. */
	ENTER(KC_EXPORT | KC_PATH, "write the report (asking first if the file is there already)",
	      "Enter|write"),
	K(27, ACT_LEAVE, 0, KC_EXPORT | KC_PATH, "Esc", "cancel: nothing is written", "Esc|cancel"),
	K('b', ACT_LEAVE, 0, KC_EXPORT, "b", "cancel, as Esc does", NULL),
	BACKSPACE(ACT_LEAVE, KC_EXPORT, NULL),
	K('\t', ACT_NEXT_PART, 0, KC_EXPORT, "Tab", "edit the file name", "Tab|file name"),
	F(KEY_BTAB, ACT_NEXT_PART, 0, KC_EXPORT, "Shift-Tab", NULL, NULL),
	K('\t', ACT_NEXT_PART, 0, KC_PATH, "Tab", "back to the formats", "Tab|formats"),
	F(KEY_BTAB, ACT_NEXT_PART, 0, KC_PATH, "Shift-Tab", NULL, NULL),
	F(KEY_UP, ACT_UP, 0, KC_EXPORT, "{up}",
	  "the format above; a default file name follows the format", "{up}/{down} 1-5|format"),
	K('k', ACT_UP, 0, KC_EXPORT, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_EXPORT, "{down}", "the format below", NULL),
	K('j', ACT_DOWN, 0, KC_EXPORT, "j", NULL, NULL),
	K('1', ACT_DIGIT, 1, KC_EXPORT, "1-5", "a format by its number: 1 Markdown, 2 HTML, 3 JSON, "
	  "4 CSV, 5 PDF", NULL),
	K('2', ACT_DIGIT, 2, KC_EXPORT, NULL, NULL, NULL),
	K('3', ACT_DIGIT, 3, KC_EXPORT, NULL, NULL, NULL),
	K('4', ACT_DIGIT, 4, KC_EXPORT, NULL, NULL, NULL),
	K('5', ACT_DIGIT, 5, KC_EXPORT, NULL, NULL, NULL),
	F(KEY_UP, ACT_UP, 0, KC_PATH, "{up}", "the format above, without leaving the file name",
	  NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_PATH, "{down}", "the format below", NULL),
	F(KEY_PPAGE, ACT_PAGE_UP, 0, KC_EXPORT | KC_PATH | KC_CONFIRM, "PgUp",
	  "scroll the message up, when it does not fit", NULL),
	F(KEY_NPAGE, ACT_PAGE_DOWN, 0, KC_EXPORT | KC_PATH | KC_CONFIRM, "PgDn",
	  "scroll the message down", NULL),

	/* The decision dialog: the option chosen, why, then record or cancel. */
	ENTER(KC_DECIDE | KC_NOTE, "record the decision (saved at once)", "Enter|record"),
	K(27, ACT_LEAVE, 0, KC_DECIDE | KC_NOTE, "Esc", "cancel: nothing is recorded",
	  "Esc|cancel"),
	K('b', ACT_LEAVE, 0, KC_DECIDE, "b", "cancel, as Esc does", NULL),
	BACKSPACE(ACT_LEAVE, KC_DECIDE, NULL),
	K('\t', ACT_NEXT_PART, 0, KC_DECIDE, "Tab", "type why it was chosen", "Tab|why"),
	F(KEY_BTAB, ACT_NEXT_PART, 0, KC_DECIDE, "Shift-Tab", NULL, NULL),
	K('\t', ACT_NEXT_PART, 0, KC_NOTE, "Tab", "back to the options", "Tab|options"),
	F(KEY_BTAB, ACT_NEXT_PART, 0, KC_NOTE, "Shift-Tab", NULL, NULL),
	F(KEY_UP, ACT_UP, 0, KC_DECIDE, "{up}", "the option above", "{up}/{down} 1-9|option"),
	K('k', ACT_UP, 0, KC_DECIDE, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_DECIDE, "{down}", "the option below", NULL),
	K('j', ACT_DOWN, 0, KC_DECIDE, "j", NULL, NULL),
	K('1', ACT_DIGIT, 1, KC_DECIDE, "1-9", "an option by its place in the list", NULL),
	K('2', ACT_DIGIT, 2, KC_DECIDE, NULL, NULL, NULL),
	K('3', ACT_DIGIT, 3, KC_DECIDE, NULL, NULL, NULL),
	K('4', ACT_DIGIT, 4, KC_DECIDE, NULL, NULL, NULL),
	K('5', ACT_DIGIT, 5, KC_DECIDE, NULL, NULL, NULL),
	K('6', ACT_DIGIT, 6, KC_DECIDE, NULL, NULL, NULL),
	K('7', ACT_DIGIT, 7, KC_DECIDE, NULL, NULL, NULL),
	K('8', ACT_DIGIT, 8, KC_DECIDE, NULL, NULL, NULL),
	K('9', ACT_DIGIT, 9, KC_DECIDE, NULL, NULL, NULL),

	/* The import dialog: a file name to type. */
	ENTER(KC_IMPORT, "import the file's sessions (nothing is written if any is damaged or "
	      "conflicts)", "Enter|import"),
	K(27, ACT_LEAVE, 0, KC_IMPORT, "Esc", "cancel: nothing is imported", "Esc|cancel"),
	F(KEY_PPAGE, ACT_PAGE_UP, 0, KC_IMPORT, "PgUp", "scroll the message up, when it does "
	  "not fit", NULL),
	F(KEY_NPAGE, ACT_PAGE_DOWN, 0, KC_IMPORT, "PgDn", "scroll it down", NULL),

	/* A finished session about to change: in a copy or in the original. */
	F(KEY_UP, ACT_UP, 0, KC_EDIT, "{up}", "the choice above", "{up}/{down}|choose"),
	K('k', ACT_UP, 0, KC_EDIT, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_EDIT, "{down}", "the choice below", NULL),
	K('j', ACT_DOWN, 0, KC_EDIT, "j", NULL, NULL),
	ENTER(KC_EDIT, "make the change where the highlight is", "Enter|change"),
	K('c', ACT_PICK, 0 /* FLOW_IN_COPY */, KC_EDIT, "c", "make the change in a copy", NULL),
	K('o', ACT_PICK, 1 /* FLOW_IN_ORIGINAL */, KC_EDIT, "o",
	  "make the change in the original, its answers before kept as a revision", NULL),
	K(27, ACT_LEAVE, 0, KC_EDIT, "Esc", "change nothing", "Esc|change nothing"),
	K('n', ACT_LEAVE, 0, KC_EDIT, "n", NULL, NULL),
	K('b', ACT_LEAVE, 0, KC_EDIT, "b", NULL, NULL),
	BACKSPACE(ACT_LEAVE, KC_EDIT, NULL),

	/* Typing in a text field: every printable character is text. */
	ENTER(KC_FIELD, "go to the next field, then to the menu", "Enter|next"),
	K('\t', ACT_NEXT_PART, 0, KC_FIELD, "Tab", "the next field", NULL),
	F(KEY_DOWN, ACT_NEXT_PART, 0, KC_FIELD, "{down}", NULL, NULL),
	F(KEY_BTAB, ACT_PREV_PART, 0, KC_FIELD, "Shift-Tab", "the field before", NULL),
	F(KEY_UP, ACT_PREV_PART, 0, KC_FIELD, "{up}", NULL, NULL),
	K(27, ACT_LEAVE, 0, KC_FIELD, "Esc", "back to the menu", "Esc|menu"),
	F(KEY_LEFT, ACT_LEFT, 0, KC_TYPING, "{left}", "move the cursor left", NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_TYPING, "{right}", "move the cursor right", NULL),
	F(KEY_HOME, ACT_HOME, 0, KC_TYPING, "Home", "the start of the field", NULL),
	K(CTRL('a'), ACT_HOME, 0, KC_TYPING, "Ctrl-A", NULL, NULL),
	F(KEY_END, ACT_END, 0, KC_TYPING, "End", "the end of the field", NULL),
	K(CTRL('e'), ACT_END, 0, KC_TYPING, "Ctrl-E", NULL, NULL),
	BACKSPACE(ACT_ERASE, KC_TYPING, "delete the character before the cursor"),
	F(KEY_DC, ACT_ERASE_NEXT, 0, KC_TYPING, "Delete", "delete the character under the cursor",
	  NULL),
	K(CTRL('u'), ACT_CLEAR, 0, KC_TYPING, "Ctrl-U", "clear the field", NULL),
	K(CTRL('c'), ACT_QUIT, 0, KC_TYPING, "Ctrl-C", "quit (q is text here)", "Ctrl-C|quit"),

	/* A yes/no question. */
	K('y', ACT_YES, 0, KC_CONFIRM, "y", "yes", "y|yes"),
	K('Y', ACT_YES, 0, KC_CONFIRM, "Y", NULL, NULL),
	K('n', ACT_NO, 0, KC_CONFIRM, "n", "no", "n|no"),
	K('N', ACT_NO, 0, KC_CONFIRM, "N", NULL, NULL),
	K(27, ACT_NO, 0, KC_CONFIRM, "Esc", NULL, NULL),

	/* Moving the highlight. */
	F(KEY_UP, ACT_UP, 0, KC_START | KC_PROFILE | KC_WEIGHING, "{up}", "move the highlight up",
	  "{up}/{down}|choose"),
	K('k', ACT_UP, 0, KC_START | KC_PROFILE | KC_WEIGHING, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_START | KC_PROFILE | KC_WEIGHING, "{down}",
	  "move the highlight down", NULL),
	K('j', ACT_DOWN, 0, KC_START | KC_PROFILE | KC_WEIGHING, "j", NULL, NULL),
	K('1', ACT_PICK, 0, KC_WEIGHING, "1", "rate each criterion on the scale", NULL),
	K('2', ACT_PICK, 1, KC_WEIGHING, "2", "compare the criteria two at a time", NULL),

	/* Comparing two at a time. */
	F(KEY_LEFT, ACT_LEFT, 0, KC_PAIRWISE, "{left}",
	  "towards the criterion on the left: it matters more", "{left}/{right}|choose"),
	K('h', ACT_LEFT, 0, KC_PAIRWISE, "h", NULL, NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_PAIRWISE, "{right}",
	  "towards the criterion on the right", NULL),
	K('l', ACT_RIGHT, 0, KC_PAIRWISE, "l", NULL, NULL),
	K('1', ACT_DIGIT, 1, KC_PAIRWISE, "1-9", "that many times as much, on the side of the "
	  "highlight (from 1, the left); 1 is equal", NULL),
	K('2', ACT_DIGIT, 2, KC_PAIRWISE, NULL, NULL, NULL),
	K('3', ACT_DIGIT, 3, KC_PAIRWISE, NULL, NULL, NULL),
	K('4', ACT_DIGIT, 4, KC_PAIRWISE, NULL, NULL, NULL),
	K('5', ACT_DIGIT, 5, KC_PAIRWISE, NULL, NULL, NULL),
	K('6', ACT_DIGIT, 6, KC_PAIRWISE, NULL, NULL, NULL),
	K('7', ACT_DIGIT, 7, KC_PAIRWISE, NULL, NULL, NULL),
	K('8', ACT_DIGIT, 8, KC_PAIRWISE, NULL, NULL, NULL),
	K('9', ACT_DIGIT, 9, KC_PAIRWISE, NULL, NULL, NULL),
	ENTER(KC_PAIRWISE, "give the highlighted answer (saved at once) and go on to the next "
	      "comparison", "Enter|give"),
	K('e', ACT_ENOUGH, 0, KC_PAIRWISE, "e", "enough for now: on to the review, once the "
	  "comparisons link every criterion; the rest only make the weights surer",
	  "e|enough for now"),
	K('s', ACT_SKIP, 0, KC_PAIRWISE, "s", "skip this comparison: nothing is saved for it, and "
	  "the next one is asked (a skipped one is asked again at the end, if it is still needed)",
	  "s|skip"),

	/* The review of a pairwise session: the hints, fixed in place. */
	F(KEY_UP, ACT_UP, 0, KC_CONSISTENCY, "{up}", "the hint above", "{up}/{down}|hint"),
	K('k', ACT_UP, 0, KC_CONSISTENCY, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_CONSISTENCY, "{down}", "the hint below", NULL),
	K('j', ACT_DOWN, 0, KC_CONSISTENCY, "j", NULL, NULL),
	F(KEY_LEFT, ACT_LEFT, 0, KC_CONSISTENCY, "{left}",
	  "move the hint's answer towards the criterion on the left", "{left}/{right}|change"),
	K('h', ACT_LEFT, 0, KC_CONSISTENCY, "h", NULL, NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_CONSISTENCY, "{right}",
	  "move it towards the criterion on the right", NULL),
	K('l', ACT_RIGHT, 0, KC_CONSISTENCY, "l", NULL, NULL),
	K('f', ACT_FIT, 0, KC_CONSISTENCY, "f", "fix: give the hint's comparison the value the "
	  "rest of your answers suggest (saved at once)", "f|fix"),
	ENTER(KC_CONSISTENCY, "give the answer moved with {left}/{right}; with none moved, see "
	      "the results", "Enter|give/results"),
	K('w', ACT_WEIGHING, 0, KC_CONSISTENCY, "w", "rate each criterion on the scale instead "
	  "(the comparisons are kept)", "w|rate instead"),
	K('w', ACT_WEIGHING, 0, KC_REVIEW, "w", "compare the criteria two at a time instead "
	  "(the weights are kept)", NULL),
	F(KEY_UP, ACT_UP, 0, KC_REVIEW, "{up}", "move the highlight up", "{up}/{down}|move"),
	K('k', ACT_UP, 0, KC_REVIEW, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_REVIEW, "{down}", "move the highlight down", NULL),
	K('j', ACT_DOWN, 0, KC_REVIEW, "j", NULL, NULL),
	/* The history's bar is full: its arrows are not hinted. */
	F(KEY_UP, ACT_UP, 0, KC_HISTORY, "{up}", "move the highlight up", NULL),
	K('k', ACT_UP, 0, KC_HISTORY, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_HISTORY, "{down}", "move the highlight down", NULL),
	K('j', ACT_DOWN, 0, KC_HISTORY, "j", NULL, NULL),

	/* Choosing a weight: on a criterion's screen, and in the review. */
	F(KEY_LEFT, ACT_LEFT, 0, KC_CRITERION, "{left}", "a lower weight",
	  "{left}/{right} or {digits}|choose"),
	K('h', ACT_LEFT, 0, KC_CRITERION, "h", NULL, NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_CRITERION, "{right}", "a higher weight", NULL),
	K('l', ACT_RIGHT, 0, KC_CRITERION, "l", NULL, NULL),
	F(KEY_LEFT, ACT_LEFT, 0, KC_REVIEW, "{left}", "a lower weight for the highlighted criterion",
	  "{left}/{right} or {digits}|change"),
	K('h', ACT_LEFT, 0, KC_REVIEW, "h", NULL, NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_REVIEW, "{right}",
	  "a higher weight for the highlighted criterion", NULL),
	K('l', ACT_RIGHT, 0, KC_REVIEW, "l", NULL, NULL),
	K('0', ACT_DIGIT, 0, KC_WEIGHTS, "{digits}", "pick that weight directly", NULL),
	DIGIT(1), DIGIT(2), DIGIT(3), DIGIT(4), DIGIT(5), DIGIT(6), DIGIT(7), DIGIT(8),
	DIGIT(9),

	/* Scrolling. */
	F(KEY_UP, ACT_UP, 0, KC_SCROLLS, "{up}", "scroll up", NULL),
	K('k', ACT_UP, 0, KC_SCROLLS, "k", NULL, NULL),
	F(KEY_DOWN, ACT_DOWN, 0, KC_SCROLLS, "{down}", "scroll down", NULL),
	K('j', ACT_DOWN, 0, KC_SCROLLS, "j", NULL, NULL),
	F(KEY_LEFT, ACT_LEFT, 0, KC_RESULTS, "{left}", "scroll the breakdown table left", NULL),
	K('h', ACT_LEFT, 0, KC_RESULTS, "h", NULL, NULL),
	F(KEY_RIGHT, ACT_RIGHT, 0, KC_RESULTS, "{right}", "scroll the breakdown table right",
	  NULL),
	K('l', ACT_RIGHT, 0, KC_RESULTS, "l", NULL, NULL),
	F(KEY_PPAGE, ACT_PAGE_UP, 0, (KC_MENUS & ~KC_START) | KC_SCROLLS, "PgUp", "a page up", NULL),
	F(KEY_NPAGE, ACT_PAGE_DOWN, 0, (KC_MENUS & ~KC_START) | KC_SCROLLS, "PgDn", "a page down",
	  NULL),
	F(KEY_PPAGE, ACT_PAGE_UP, 0, KC_START, "PgUp", "scroll the title and summary up, when "
	  "they do not fit", NULL),
	F(KEY_NPAGE, ACT_PAGE_DOWN, 0, KC_START, "PgDn", "scroll them down", NULL),
	K(' ', ACT_PAGE_DOWN, 0, KC_RESULTS | KC_HELP, "Space", NULL, NULL),
	F(KEY_HOME, ACT_HOME, 0, KC_MENUS | KC_SCROLLS, "Home", "the top", NULL),
	K('g', ACT_HOME, 0, KC_MENUS | KC_SCROLLS, "g", NULL, NULL),
	F(KEY_END, ACT_END, 0, KC_MENUS | KC_SCROLLS, "End", "the bottom", NULL),
	K('G', ACT_END, 0, KC_MENUS | KC_SCROLLS, "G", NULL, NULL),

	/* Going on. */
	ENTER(KC_START, "choose the highlighted item", "Enter|choose"),
	ENTER(KC_PROFILE, "accept the highlighted answer and go on", "Enter|next"),
	ENTER(KC_WEIGHING, "weigh the highlighted way and go on", "Enter|next"),
	ENTER(KC_CRITERION, "accept the weight and go on", "Enter|next"),
	ENTER(KC_REVIEW, "see the results", "Enter|results"),
	ENTER(KC_HISTORY, "open the session: its results, or where it stopped", "Enter|open"),
	K('\t', ACT_NEXT_PART, 0, KC_START, "Tab", "type a project or respondent name",
	  "Tab|names"),
	K('\t', ACT_NEXT_PART, 0, KC_RESULTS, "Tab", "switch between the summary and the breakdown",
	  "Tab|summary/breakdown"),
	F(KEY_BTAB, ACT_PREV_PART, 0, KC_RESULTS, "Shift-Tab", NULL, NULL),
	K('d', ACT_DEFAULT, 0, KC_WEIGHTS, "d", "back to the default weight", NULL),
	K('e', ACT_EXPORT, 0, KC_RESULTS | KC_HISTORY, "e",
	  "export a report to a file: Markdown, HTML, JSON or CSV", "e|export"),
	K('d', ACT_DECIDE, 0, KC_RESULTS, "d", "record the decision: the option actually chosen "
	  "and why, kept beside the advice", "d|decided"),
	K('n', ACT_NEW, 0, KC_RESULTS, "n", "start a new session", "n|new session"),
	K('d', ACT_DELETE, 0, KC_HISTORY, "d", "delete the highlighted session (asks first)",
	  "d|delete"),
	F(KEY_DC, ACT_DELETE, 0, KC_HISTORY, "Delete", NULL, NULL),
	K('t', ACT_TEAM, 0, KC_HISTORY, "t", "the group view of the highlighted session's project: "
	  "its finished sessions on the same criteria, combined", "t|team"),
	K('m', ACT_MARK, 0, KC_HISTORY, "m", "mark the highlighted session (again: unmark it), to "
	  "compare another with it", "m|mark"),
	K('c', ACT_COMPARE, 0, KC_HISTORY, "c", "compare the marked session with the highlighted "
	  "one: what differs, and how much each difference moved the result", "c|compare"),
	K('i', ACT_IMPORT, 0, KC_HISTORY, "i", "import sessions answered elsewhere: a JSON report "
	  "(verdict export --format json) or another verdict database", "i|import"),

	/* Going back. */
	K('b', ACT_BACK, 0, KC_STEPS, "b", "back to the step before (answers are kept)", "b|back"),
	BACKSPACE(ACT_BACK, KC_STEPS, NULL),
	K('b', ACT_BACK, 0, KC_HISTORY, "b", "back to the start screen", "b|back"),
	BACKSPACE(ACT_BACK, KC_HISTORY, NULL),
	K(27, ACT_BACK, 0, KC_HISTORY, "Esc", NULL, NULL),
	K('b', ACT_BACK, 0, KC_TEAM, "b", "back to the saved sessions", "b|back"),
	BACKSPACE(ACT_BACK, KC_TEAM, NULL),
	K(27, ACT_BACK, 0, KC_TEAM, "Esc", NULL, NULL),
	K(27, ACT_LEAVE, 0, KC_HELP, "Esc", "back to where you were", "Esc|back"),
	K(27, ACT_LEAVE, 0, KC_DIFF, "Esc", "back to the saved sessions", "Esc|back"),
	K('b', ACT_LEAVE, 0, KC_DIFF, "b", NULL, NULL),
	BACKSPACE(ACT_LEAVE, KC_DIFF, NULL),
	K('\n', ACT_LEAVE, 0, KC_DIFF, "Enter", NULL, NULL),
	K('\r', ACT_LEAVE, 0, KC_DIFF, NULL, NULL, NULL),
	F(KEY_ENTER, ACT_LEAVE, 0, KC_DIFF, NULL, NULL, NULL),
	K('?', ACT_LEAVE, 0, KC_HELP, "?", NULL, NULL),
	K('b', ACT_LEAVE, 0, KC_HELP, "b", NULL, NULL),
	BACKSPACE(ACT_LEAVE, KC_HELP, NULL),
	K('\n', ACT_LEAVE, 0, KC_HELP, "Enter", NULL, NULL),
	K('\r', ACT_LEAVE, 0, KC_HELP, NULL, NULL, NULL),
	F(KEY_ENTER, ACT_LEAVE, 0, KC_HELP, NULL, NULL, NULL),

	/* Everywhere. */
	K('?', ACT_HELP, 0, KC_SCREENS & ~KC_HELP, "?", "help: the keys of this screen", "?|help"),
	F(KEY_F(1), ACT_HELP, 0, KC_SCREENS & ~KC_HELP, "F1", NULL, NULL),
	K('q', ACT_QUIT, 0, KC_SCREENS | KC_CONFIRM | KC_SMALL | KC_EDIT, "q",
	  "quit; every answer is already saved", "q|quit (saved)"),
	K(CTRL('l'), ACT_REDRAW, 0, KC_SCREENS | KC_CONFIRM | KC_SMALL | KC_EDIT, "Ctrl-L",
	  "redraw the screen", NULL),
};

const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

enum action keys_lookup(unsigned context, int key, int fkey, int *arg)
{
	for (size_t i = 0; i < keys_count; i++) {
		const struct key_binding *b = &keys_table[i];
		if ((b->where & context) && b->key == key && b->fkey == fkey) {
			*arg = b->arg;
			return b->action;
		}
	}
	*arg = 0;
	return ACT_NONE;
}

static const struct {
	const char *token, *utf8, *ascii;
} glyphs[] = {
	{ "{up}", "\xe2\x86\x91", "Up" },
	{ "{down}", "\xe2\x86\x93", "Down" },
	{ "{left}", "\xe2\x86\x90", "Left" },
	{ "{right}", "\xe2\x86\x92", "Right" },
};

void keys_expand(const char *s, int utf8, const char *digits, char *buf, size_t len)
{
	size_t o = 0;
	if (!len)
		return;
	while (*s && o + 1 < len) {
		const char *rep = NULL;
		size_t skip = 0;
		if (*s == '{') {
			for (size_t g = 0; g < sizeof glyphs / sizeof glyphs[0]; g++)
				if (!strncmp(s, glyphs[g].token, strlen(glyphs[g].token))) {
					rep = utf8 ? glyphs[g].utf8 : glyphs[g].ascii;
					skip = strlen(glyphs[g].token);
				}
			if (!rep && !strncmp(s, "{digits}", 8)) {
				rep = digits ? digits : "0-9";
				skip = 8;
			}
		}
		if (rep) {
			size_t n = strlen(rep);
			if (o + n >= len)
				break;
			memcpy(buf + o, rep, n);
			o += n;
			s += skip;
		} else {
			buf[o++] = *s++;
		}
	}
	buf[o] = '\0';
}

size_t keys_names(size_t i, int utf8, const char *digits, char *buf, size_t len)
{
	char raw[128] = "";
	size_t used = 0;
	size_t j = i;
	do {
		const char *name = keys_table[j].name;
		if (name && used + strlen(name) + 2 < sizeof raw)
			used += (size_t)snprintf(raw + used, sizeof raw - used, "%s%s",
			                         used ? " " : "", name);
		j++;
	} while (j < keys_count && !keys_table[j].help && keys_table[j].action ==
	         keys_table[i].action && keys_table[j].where == keys_table[i].where);
	keys_expand(raw, utf8, digits, buf, len);
	return j;
}

int keys_move_cursor(enum action a, int *cur, int n, int page, int wrap)
{
	int last = n > 0 ? n - 1 : 0;
	switch (a) {
	case ACT_UP:
		*cur = *cur > 0 ? *cur - 1 : wrap ? last : 0;
		break;
	case ACT_DOWN:
		*cur = *cur < last ? *cur + 1 : wrap ? 0 : last;
		break;
	case ACT_PAGE_UP:
		*cur = *cur > page ? *cur - page : 0;
		break;
	case ACT_PAGE_DOWN:
		*cur = *cur + page < last ? *cur + page : last;
		break;
	case ACT_HOME:
		*cur = 0;
		break;
	case ACT_END:
		*cur = last;
		break;
	default:
		return 0;
	}
	return 1;
}

int keys_move_scroll(enum action a, int *scroll, int page)
{
	switch (a) {
	case ACT_UP:
		(*scroll)--;
		break;
	case ACT_DOWN:
		(*scroll)++;
		break;
	case ACT_PAGE_UP:
		*scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		*scroll += page;
		break;
	case ACT_HOME:
		*scroll = 0;
		break;
	case ACT_END:
		*scroll = 1 << 20;
		break;
	default:
		return 0;
	}
	if (*scroll < 0)
		*scroll = 0;
	return 1;
}
