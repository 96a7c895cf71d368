/* text_print.h - the one way text reaches a terminal from the command line.
 *
 * Every command's output, every diagnostic (FILE:LINE:COLUMN: error: ...,
 * "verdict CMD: ..."), the usage texts and the delete prompt are written
 * with these, so that whatever they quote from a criteria or answers file,
 * the database, the environment or the command line goes through
 * text_clean() (text.h) on its way and cannot drive the terminal. */
#ifndef VERDICT_TEXT_PRINT_H
#define VERDICT_TEXT_PRINT_H

#include <stdarg.h>
#include <stdio.h>

#include "strbuf.h"
#include "text.h"

/* printf() into OUT, where the format's own text is the program's and every
 * %s (and %c) argument is untrusted: it is cleaned as TEXT_LINE, and a width
 * or precision given with it counts display columns. Other conversions are
 * printf()'s. */
void text_format(struct strbuf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void text_vformat(struct strbuf *out, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* text_format() to the stream OUT. Returns the bytes written, or -1 when
 * writing failed. */
int text_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* S (NULL writes nothing) cleaned for MODE, to OUT. Returns 0, or -1 when
 * writing failed. */
int text_puts(FILE *out, const char *s, enum text_mode mode);

/* LEN bytes of S cleaned for MODE, to OUT. Returns 0 or -1. */
int text_write(FILE *out, const char *s, size_t len, enum text_mode mode);

#endif
