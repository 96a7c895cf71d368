/* verror.c - an error as a value (verror.h). */
#include "verror.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int verror_set(struct verror *err, enum verror_kind kind, const char *fmt, ...)
{
	if (!err)
		return -1;
	err->kind = kind;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	if (n < 0) {
		err->msg[0] = '\0';
	} else if ((size_t)n >= sizeof err->msg) {
		/* Cut at a character boundary: drop continuation bytes at the end. */
		size_t end = sizeof err->msg - 1;
		while (end > 0 && ((unsigned char)err->msg[end] & 0xC0) == 0x80)
			end--;
		err->msg[end] = '\0';
	}
	return -1;
}

void verror_clear(struct verror *err)
{
	if (!err)
		return;
	err->kind = VERROR_NONE;
	err->msg[0] = '\0';
}

int verror_exit_status(enum verror_kind kind)
{
	switch (kind) {
	case VERROR_NONE:
		return 0;
	case VERROR_INPUT:
		return 1;
	case VERROR_USAGE:
		return 2;
	case VERROR_STORAGE:
	case VERROR_MEMORY:
		return 3;
	}
	return 3;
}
