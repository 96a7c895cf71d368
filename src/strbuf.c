/* strbuf.c - a growable text buffer. */
#include "strbuf.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void strbuf_init(struct strbuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void strbuf_free(struct strbuf *b)
{
	free(b->data);
	strbuf_init(b);
}

/* Makes room for EXTRA more bytes plus the NUL. */
static void grow(struct strbuf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		xalloc_die();   /* more than memory can hold */
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void strbuf_add(struct strbuf *b, const char *data, size_t len)
{
	grow(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void strbuf_putc(struct strbuf *b, char ch)
{
	strbuf_add(b, &ch, 1);
}

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		strbuf_add(b, small, (size_t)n);
		return;
	}
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *strbuf_str(const struct strbuf *b)
{
	return b->data ? b->data : "";
}

char *strbuf_take(struct strbuf *b, size_t *len)
{
	char *data = b->data ? b->data : xcalloc(1, 1);
	if (len)
		*len = b->len;
	strbuf_init(b);
	return data;
}

int strbuf_copy_out(struct strbuf *b, char *buf, size_t len)
{
	if (buf && len) {
		size_t n = b->len < len - 1 ? b->len : len - 1;
		if (n)
			memcpy(buf, b->data, n);
		buf[n] = '\0';
	}
	int whole = b->len > INT_MAX ? INT_MAX : (int)b->len;
	strbuf_free(b);
	return whole;
}
