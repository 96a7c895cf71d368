/* input.h - the walk-through's keys as they come from the terminal: curses
 * function keys, and characters decoded from the bytes typed in the locale's
 * own encoding (UTF-8, Latin-1, or plain ASCII in the C locale), so that text
 * typed under any locale is stored as the characters typed, as UTF-8.
 *
 * Bytes the locale cannot read (a "ë" typed under LC_ALL=C) are reported as
 * such rather than guessed at, and cost only themselves: the keys after them
 * still arrive. A terminal that has gone away (closed, hung up) is told from
 * one that is merely quiet. */
#ifndef VERDICT_TUI_INPUT_H
#define VERDICT_TUI_INPUT_H

#include <wchar.h>

enum input_kind {
	INPUT_NONE,             /* nothing within curses' timeout, or a signal came */
	INPUT_KEY,              /* a curses KEY_ code */
	INPUT_CHAR,             /* a character, decoded */
	INPUT_UNREADABLE,       /* bytes not in the locale's encoding: left out */
	INPUT_HANGUP,           /* the terminal is gone: no more keys will come */
};

/* Decoding state across reads: a character's bytes may come apart. */
struct input {
	mbstate_t state;
	int partial;            /* bytes of a character read so far */
	int dropped;            /* bytes left out before the key just read */
};

/* Reads one key from curses' standard screen (keypad on, a timeout set) into
 * *KEY: a KEY_ code for INPUT_KEY, a character for INPUT_CHAR. A character
 * cut short by the key after it is left out, and DROPPED set, with that key
 * read. */
enum input_kind input_read(struct input *in, wint_t *key);

/* Whether the locale's encoding is plain ASCII (the C locale), for saying
 * what can be typed. */
int input_ascii_only(void);

#endif
