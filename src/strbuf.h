/* strbuf.h - a growable text buffer that reports are rendered into.
 *
 * Appending never fails: memory comes from xalloc.h, which ends the process
 * when there is none, so a renderer writes straight through.
 *
 * Ownership: the buffer owns `data`; strbuf_free() releases it, and
 * strbuf_take() hands it to the caller instead. */
#ifndef VERDICT_STRBUF_H
#define VERDICT_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;             /* NUL-terminated once anything was appended; may be NULL */
	size_t len;             /* bytes of text, not counting the NUL */
	size_t cap;
};

/* An empty buffer; nothing is allocated until the first append. */
void strbuf_init(struct strbuf *b);
void strbuf_free(struct strbuf *b);

/* Appends LEN bytes of DATA (which may hold NUL bytes). */
void strbuf_add(struct strbuf *b, const char *data, size_t len);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char ch);
/* Appends as printf does; a format the C library cannot render (an encoding
 * error) appends nothing. */
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The text so far, never NULL (an empty buffer gives ""). */
const char *strbuf_str(const struct strbuf *b);

/* Hands the text (NUL-terminated, *LEN bytes when LEN is not NULL) to the
 * caller, who frees it, and leaves B empty. Never NULL. */
char *strbuf_take(struct strbuf *b, size_t *len);

/* Copies the text into BUF (LEN bytes, always NUL-terminated when LEN > 0,
 * cut short when it does not fit) and frees B, for functions that answer as
 * snprintf does. Returns the whole text's length (at most INT_MAX). */
int strbuf_copy_out(struct strbuf *b, char *buf, size_t len);

#endif
