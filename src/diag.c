/* diag.c - diagnostics: errors about a named input, with line and column. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text_print.h"
#include "xalloc.h"

/* Past this many errors a file is not worth reading further. */
#define DIAGS_MAX 100

void diags_init(struct diags *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = xstrdup(file ? file : "<input>");
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].message);
	free(d->items);
	free(d->file);
	memset(d, 0, sizeof *d);
}

void diags_rewind(struct diags *d, size_t count, size_t dropped)
{
	while (d->count > count)
		free(d->items[--d->count].message);
	d->dropped = dropped;
	d->last_dropped = 1;
}

int diags_full(const struct diags *d)
{
	return d->count >= DIAGS_MAX;
}

/* The message FMT, AP formatted, in a new string. */
static char *format(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	msg[0] = '\0';
	if (n > 0)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	return msg;
}

static void add(struct diags *d, const char *code, int line, int column, const char *fmt,
                va_list ap)
{
	if (diags_full(d)) {
		d->dropped++;
		d->last_dropped = 1;
		return;
	}
	d->last_dropped = 0;
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
	}
	d->items[d->count++] = (struct diag){ .line = line, .column = column, .code = code,
	                                      .message = format(fmt, ap) };
}

void diags_error(struct diags *d, const char *code, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, code ? code : DIAG_CODE_GENERAL, line, column, fmt, ap);
	va_end(ap);
}

void diags_add(struct diags *d, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_CODE_GENERAL, line, column, fmt, ap);
	va_end(ap);
}

void diags_hint(struct diags *d, const char *fmt, ...)
{
	if (d->last_dropped || !d->count)
		return;
	struct diag *e = &d->items[d->count - 1];
	va_list ap;
	va_start(ap, fmt);
	char *hint = format(fmt, ap);
	va_end(ap);
	size_t len = strlen(e->message), hlen = strlen(hint);
	e->message = xrealloc(e->message, len + 2 + hlen + 1);
	memcpy(e->message + len, "; ", 2);
	memcpy(e->message + len + 2, hint, hlen + 1);
	e->hint = len + 2;
	free(hint);
}

void diags_end(struct diags *d, int end_line, int end_column)
{
	if (d->last_dropped || !d->count)
		return;
	d->items[d->count - 1].end_line = end_line;
	d->items[d->count - 1].end_column = end_column;
}

size_t diag_message_len(const struct diag *e)
{
	return e->hint ? e->hint - 2 : strlen(e->message);
}

void diags_too_large(struct diags *d, size_t size, int at_least, size_t bound)
{
	if (at_least)
		diags_error(d, "too-large", 1, 1, "file is more than the bound of %zu bytes (%zu "
		            "MiB); it was read no further", bound, bound >> 20);
	else
		diags_error(d, "too-large", 1, 1, "file is %zu bytes, over the bound of %zu bytes "
		            "(%zu MiB)", size, bound, bound >> 20);
}

/* Insertion sort keeps equal positions in the order they were found. */
void diags_sort(struct diags *d)
{
	for (size_t i = 1; i < d->count; i++) {
		struct diag t = d->items[i];
		size_t j = i;
		while (j > 0 && (d->items[j - 1].line > t.line ||
		                 (d->items[j - 1].line == t.line && d->items[j - 1].column > t.column))) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = t;
	}
}

void diags_print(struct diags *d, FILE *out)
{
	diags_sort(d);
	for (size_t i = 0; i < d->count; i++)
		text_printf(out, "%s:%d:%d: error: %s\n", d->file, d->items[i].line,
		        d->items[i].column, d->items[i].message);
	if (d->dropped)
		text_printf(out, "%s: error: %zu more error%s not shown\n", d->file, d->dropped,
		            d->dropped == 1 ? "" : "s");
}

int diags_fail(struct diags *d, struct verror *err)
{
	diags_sort(d);
	if (!d->count)
		return verror_set(err, VERROR_INPUT, "%s: not valid", d->file);
	size_t more = d->count - 1 + d->dropped;
	const struct diag *first = &d->items[0];
	if (!more)
		return verror_set(err, VERROR_INPUT, "%s:%d:%d: %s", d->file, first->line,
		                  first->column, first->message);
	return verror_set(err, VERROR_INPUT, "%s:%d:%d: %s (and %zu more error%s)", d->file,
	                  first->line, first->column, first->message, more, more == 1 ? "" : "s");
}
