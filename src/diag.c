/* diag.c - diagnostics: errors about a named input, with line and column. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text_print.h"

/* Past this many errors a file is not worth reading further. */
#define DIAGS_MAX 100

void diags_init(struct diags *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = strdup(file ? file : "<input>");
	if (!d->file)
		d->oom = 1;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].message);
	free(d->items);
	free(d->file);
	memset(d, 0, sizeof *d);
}

void diags_add(struct diags *d, int line, int column, const char *fmt, ...)
{
	if (d->count >= DIAGS_MAX) {
		d->dropped++;
		return;
	}
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct diag *items = realloc(d->items, cap * sizeof *items);
		if (!items) {
			d->oom = 1;
			return;
		}
		d->items = items;
		d->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (!msg) {
		d->oom = 1;
		return;
	}
	d->items[d->count++] = (struct diag){ line, column, msg };
}

void diags_print(struct diags *d, FILE *out)
{
	/* Insertion sort keeps equal positions in the order they were found. */
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
	for (size_t i = 0; i < d->count; i++)
		text_printf(out, "%s:%d:%d: error: %s\n", d->file, d->items[i].line,
		        d->items[i].column, d->items[i].message);
	if (d->dropped)
		text_printf(out, "%s: error: %zu more error%s not shown\n", d->file, d->dropped,
		            d->dropped == 1 ? "" : "s");
	if (d->oom)
		text_printf(out, "%s: error: out of memory while reporting errors\n", d->file);
}
