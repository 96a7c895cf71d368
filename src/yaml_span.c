/* yaml_span.c - where an error in a YAML file ends: the end of the word,
 * the quoted text or the [...] or {...} at its position. */
#include "yaml_span.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The end of the quoted scalar whose opening QUOTE is at byte I. */
static size_t quoted_end(const char *text, size_t len, size_t i, char quote)
{
	for (i++; i < len; i++) {
		if (quote == '"' && text[i] == '\\') {
			i++;
			continue;
		}
		if (text[i] != quote)
			continue;
		if (quote == '\'' && i + 1 < len && text[i + 1] == '\'')
			i++;            /* '' is a quote inside */
		else
			return i + 1;
	}
	return len;
}

/* Whether byte I, on the line that starts at AT, lies in a flow collection
 * ([...] or {...}) opened on that line. */
static int in_flow(const char *text, size_t at, size_t i)
{
	int depth = 0;
	for (size_t k = at; k < i; k++) {
		if (text[k] == '"' || text[k] == '\'') {
			k = quoted_end(text, i, k, text[k]) - 1;
			continue;
		}
		depth += text[k] == '[' || text[k] == '{';
		depth -= (text[k] == ']' || text[k] == '}') && depth > 0;
	}
	return depth > 0;
}

/* The end (the byte just past it) of the token of TEXT that starts at byte
 * I of the line that starts at AT: a quoted scalar, a flow collection, a
 * plain scalar, an indicator or a tag, an anchor or an alias. */
static size_t token_end(const char *text, size_t len, size_t at, size_t i)
{
	if (i >= len || text[i] == '\n' || text[i] == '\r')
		return i;
	char c = text[i];
	if (c == '"' || c == '\'')
		return quoted_end(text, len, i, c);
	if (c == '[' || c == '{') {
		int depth = 0;
		for (size_t k = i; k < len; k++) {
			if (text[k] == '"' || text[k] == '\'') {
				k = quoted_end(text, len, k, text[k]) - 1;
				continue;
			}
			depth += text[k] == '[' || text[k] == '{';
			depth -= text[k] == ']' || text[k] == '}';
			if (depth == 0)
				return k + 1;
		}
		return len;
	}
	if ((c == '-' || c == '?' || c == ':') && (i + 1 >= len || strchr(" \t\r\n", text[i + 1])))
		return i + 1;
	int flow = in_flow(text, at, i);
	int word = c == '&' || c == '*' || c == '!';
	size_t k = i + 1;
	for (; k < len && text[k] != '\n' && text[k] != '\r'; k++) {
		char n = k + 1 < len ? text[k + 1] : '\n';
		if (text[k] == ':' && strchr(" \t\r\n", n))
			break;
		if (text[k] == '#' && (text[k - 1] == ' ' || text[k - 1] == '\t'))
			break;
		if ((flow || word) && strchr(",[]{}", text[k]))
			break;
		if (word && (text[k] == ' ' || text[k] == '\t'))
			break;
	}
	while (k > i + 1 && (text[k - 1] == ' ' || text[k - 1] == '\t'))
		k--;
	return k;
}

/* An error waiting for its end: its line, and its place in the list. */
struct pending {
	int line;
	size_t index;
};

static int by_line(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* The byte at COLUMN (in characters) of the line that starts at AT: a
 * byte-order mark at the start of the text is not a character. */
static size_t at_column(const char *text, size_t len, size_t at, int column)
{
	size_t i = at;
	if (i == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (int c = 1; c < column && i < len && text[i] != '\n'; c++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

void yaml_spans(struct diags *d, size_t from, const char *text, size_t len)
{
	if (d->count <= from)
		return;
	struct pending *todo = xcalloc(d->count - from, sizeof *todo);
	size_t n = 0;
	for (size_t j = from; j < d->count; j++)
		if (d->items[j].end_line == 0 && d->items[j].line > 0)
			todo[n++] = (struct pending){ d->items[j].line, j };
	/* In the order of their lines, so that the text is read once. */
	qsort(todo, n, sizeof *todo, by_line);
	size_t at = 0;
	int line = 1;
	for (size_t k = 0; k < n; k++) {
		struct diag *e = &d->items[todo[k].index];
		while (line < e->line && at < len) {
			const char *nl = memchr(text + at, '\n', len - at);
			at = nl ? (size_t)(nl - text) + 1 : len;
			line++;
		}
		size_t i = at_column(text, len, at, e->column);
		size_t end = token_end(text, len, at, i);
		/* The end's line and column, counted on from the start. */
		e->end_line = e->line;
		e->end_column = e->column;
		for (size_t b = i; b < end; b++) {
			unsigned char ch = (unsigned char)text[b];
			if (ch == '\n') {
				e->end_line++;
				e->end_column = 1;
			} else if ((ch & 0xC0) != 0x80) {
				e->end_column++;
			}
		}
	}
	free(todo);
}
