/* verror.h - an error as a value: what kind of failure, and a message for a
 * person.
 *
 * Every layer below the faces reports a failure this way and prints nothing.
 * The caller decides: the command line maps the kind to an exit status
 * (verror_exit_status()) and prints the message; the walk-through shows it on
 * its bottom line. docs/style.md gives the return convention around it. */
#ifndef VERDICT_VERROR_H
#define VERDICT_VERROR_H

#include <stdarg.h>
#include <stddef.h>

enum verror_kind {
	VERROR_NONE = 0,
	VERROR_INPUT,           /* bad input: criteria, answers, an unknown id */
	VERROR_USAGE,           /* wrong command-line words */
	VERROR_STORAGE,         /* the database or a file could not be read or written */
	VERROR_MEMORY,          /* memory ran out (where it is not fatal: see xalloc.h) */
};

#define VERROR_MSG_MAX 800

/* MSG is raw: it may quote a name, a path or a value from input, the database
 * or the arguments. A face cleans it for where it goes (text_printf's %s, the
 * walk-through's drawing) and never prints it as a format. */
struct verror {
	enum verror_kind kind;
	char msg[VERROR_MSG_MAX];
};

/* Records a failure of KIND in ERR (which may be NULL: nothing is kept), its
 * message formatted as printf does and cut short, at a character boundary,
 * when longer than VERROR_MSG_MAX - 1 bytes. Returns -1, so that a function
 * can end with `return verror_set(err, ...);`. */
int verror_set(struct verror *err, enum verror_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* verror_set() with a va_list. */
int verror_vset(struct verror *err, enum verror_kind kind, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* Clears ERR to VERROR_NONE and "". */
void verror_clear(struct verror *err);
/* Copies FROM into ERR (which may be NULL), to pass on a failure a lower
 * call recorded. Returns -1, as verror_set() does. */
int verror_copy(struct verror *err, const struct verror *from);

/* The process exit status for KIND: 0 for none, 1 for input, 2 for usage,
 * 3 for storage and memory (cli.h's enum exit_status). */
int verror_exit_status(enum verror_kind kind);

#endif
