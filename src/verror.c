/* verror.c - an error as a value (verror.h). */
#include "verror.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* MSG was cut to LEN bytes: drops a UTF-8 character left incomplete at its
 * end, so that the message ends at a character boundary. */
static void cut_whole(char *msg, size_t len)
{
	const unsigned char *m = (const unsigned char *)msg;
	size_t start = len;
	while (start > 0 && (m[start - 1] & 0xC0) == 0x80 && len - start < 3)
		start--;
	if (start == 0)
		return;
	unsigned lead = m[start - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (lead >= 0x80 && len - (start - 1) < need)
		msg[start - 1] = '\0';
}

int verror_set(struct verror *err, enum verror_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror_vset(err, kind, fmt, ap);
	va_end(ap);
	return -1;
}

int verror_vset(struct verror *err, enum verror_kind kind, const char *fmt, va_list ap)
{
	if (!err)
		return -1;
	err->kind = kind;
	int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	if (n < 0) {
		err->msg[0] = '\0';
	} else if ((size_t)n >= sizeof err->msg) {
		cut_whole(err->msg, sizeof err->msg - 1);
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

int verror_copy(struct verror *err, const struct verror *from)
{
	if (err && err != from)
		*err = *from;
	return -1;
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
