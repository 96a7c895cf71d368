/* plain.h - the plain face: `verdict run --plain` asks the walk-through's
 * questions line by line on standard input and output, without curses, for
 * screen readers, TERM=dumb, serial consoles and scripts.
 *
 * The same course as the walk-through, through the same flow (flow.h): a new
 * session or the unfinished one to resume; each profile question; each
 * criterion's weight; the review of every weight; the results, in the words
 * of `verdict score`. Every answer is saved the moment it is given. An
 * empty line takes the answer shown in [brackets], as Enter does in the
 * walk-through; a number picks an answer; b goes back a step, q stops, ?
 * says what can be typed. An answer that is none of these is asked again,
 * saying why. At the end of the input the session stays saved where it got
 * to, and resumes there.
 *
 * Everything from a criteria file or the database is written through
 * text_printf() (text_print.h), so it cannot drive the terminal. */
#ifndef VERDICT_PLAIN_H
#define VERDICT_PLAIN_H

#include <stdio.h>

#include "flow.h"

/* How the plain face starts. */
struct plain_opts {
	long long resume;       /* a stored session to go on with, or 0: the start */
	const char *project;    /* the names offered for a new session, or NULL */
	const char *respondent;
	const char *db;         /* --db as given, or NULL: the commands it suggests name it */
};

/* Runs the plain face on F (its store open, no session open), reading IN and
 * writing OUT, until the results are shown, the person stops (q, or the end
 * of IN), or the store fails. Says on OUT where a session stopped short was
 * left. Returns the exit status: 0; 1 when O's session cannot be opened; 3
 * when the store failed (said on standard error). */
int plain_run(struct flow *f, const struct plain_opts *o, FILE *in, FILE *out);

/* One line of IN without its line end ("\n" or "\r\n"), as a new string the
 * caller frees; NULL at the end of IN. A last line without a line end is a
 * line. */
char *plain_read_line(FILE *in);

#endif
