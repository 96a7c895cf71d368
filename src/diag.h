/* diag.h - diagnostics: errors about a named input, with line and column.
 *
 * A loader appends every problem it finds to a `struct diags` and goes on, so
 * that a person sees all the errors of a file in one run, as a compiler shows
 * them. Lines and columns are 1-based; 0 means "the whole file". */
#ifndef VERDICT_DIAG_H
#define VERDICT_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct diag {
	int line;
	int column;
	char *message;          /* owned */
};

struct diags {
	char *file;             /* owned; the name shown before each message */
	size_t count;
	size_t cap;
	struct diag *items;     /* owned */
	size_t dropped;         /* errors past the limit, counted not kept */
	int oom;                /* an allocation failed while recording */
};

/* Starts an empty list for messages about FILE (copied). */
void diags_init(struct diags *d, const char *file);
/* Frees the messages and the file name; the list may be reused after init. */
void diags_free(struct diags *d);

/* Records an error at LINE:COLUMN, printf-style. Never fails: on allocation
 * failure the oom flag is set and the message is dropped. */
void diags_add(struct diags *d, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Sorts by position (stable) and prints "FILE:LINE:COLUMN: error: MESSAGE"
 * lines to OUT, the file name and the message each cleaned for one terminal
 * line (text_print.h): what they quote from the input cannot drive the
 * terminal or break the line. */
void diags_print(struct diags *d, FILE *out);

#endif
