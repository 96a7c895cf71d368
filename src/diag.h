/* diag.h - diagnostics: errors about a named input, with line and column.
 *
 * A loader appends every problem it finds to a `struct diags` and goes on, so
 * that a person sees all the errors of a file in one run, as a compiler shows
 * them. Lines and columns are 1-based; 0 means "the whole file". */
#ifndef VERDICT_DIAG_H
#define VERDICT_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "verror.h"

struct diag {
	int line;
	int column;
	int end_line;           /* where the text the error is about ends: its line and */
	int end_column;         /* the column just past it; 0 until diags_spans() */
	const char *code;       /* the kind of error, a stable name ("unknown-key"), static;
	                         * docs/criteria-format.md lists them */
	char *message;          /* owned; the whole message, its hint included */
	size_t hint;            /* where in MESSAGE its hint starts (after "; "), or 0 */
};

struct diags {
	char *file;             /* owned; the name shown before each message */
	size_t count;
	size_t cap;
	struct diag *items;     /* owned */
	size_t dropped;         /* errors past the limit, counted not kept */
	int last_dropped;       /* the last error added was only counted */
};

/* Starts an empty list for messages about FILE (copied). */
void diags_init(struct diags *d, const char *file);
/* Forgets the messages added since D held COUNT of them and DROPPED more. */
void diags_rewind(struct diags *d, size_t count, size_t dropped);
/* Frees the messages and the file name; the list may be reused after init. */
void diags_free(struct diags *d);

/* Whether D holds as many errors as it keeps: a further one is only counted,
 * so a caller may spare the work of wording it (a "did you mean" search). */
int diags_full(const struct diags *d);

/* Records an error of kind CODE (a static string, DIAG_CODE_GENERAL for
 * none in particular) at LINE:COLUMN, printf-style. */
void diags_error(struct diags *d, const char *code, int line, int column, const char *fmt,
                 ...) __attribute__((format(printf, 5, 6)));
/* diags_error() with the code DIAG_CODE_GENERAL. */
void diags_add(struct diags *d, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Adds a hint, printf-style, to the error added last: its message goes on
 * with "; HINT", and the hint is known apart (struct diag's HINT). Nothing
 * when that error was only counted. */
void diags_hint(struct diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets where the error added last ends (struct diag's END_LINE and
 * END_COLUMN); nothing when that error was only counted. */
void diags_end(struct diags *d, int end_line, int end_column);

/* The code of an error added with diags_add(). */
#define DIAG_CODE_GENERAL "error"

/* Records, at 1:1, that the file is over the size bound of BOUND bytes: it is
 * SIZE bytes, or, when AT_LEAST (input read no further than the bound, such
 * as a pipe), more than BOUND. The one wording of that error. */
void diags_too_large(struct diags *d, size_t size, int at_least, size_t bound);

/* Sorts by position, keeping errors at one position in the order they were
 * added. */
void diags_sort(struct diags *d);

/* The message of E without its hint: its length in bytes. */
size_t diag_message_len(const struct diag *e);

/* Sorts by position (stable) and prints "FILE:LINE:COLUMN: error: MESSAGE"
 * lines to OUT, the file name and the message each cleaned for one terminal
 * line (text_print.h): what they quote from the input cannot drive the
 * terminal or break the line. */
void diags_print(struct diags *d, FILE *out);

/* Sorts D as diags_print() does and records in ERR (VERROR_INPUT) one line
 * for all of it: the first error as "FILE:LINE:COLUMN: MESSAGE", then
 * " (and N more errors)" when there are others. For a face that shows one
 * line (the walk-through); the command line prints D whole. Returns -1. */
int diags_fail(struct diags *d, struct verror *err);

#endif
