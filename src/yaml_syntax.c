/* yaml_syntax.c - libyaml's syntax errors in words a person can act on: a
 * tab in the indentation said as such (every one of them), and a hint for
 * the commonest slips (the indentation, text that needs quotes). */
#include "yaml_syntax.h"

#include <string.h>

#include "yaml_text.h"

/* The column (0-based, in bytes) of the first tab in the indentation of the
 * line that starts at byte AT, or -1. A line with nothing but blanks or a
 * comment has no indentation to speak of. */
static int tab_in_indentation(const char *text, size_t len, size_t at)
{
	int tab = -1;
	size_t i = at;
	for (; i < len && (text[i] == ' ' || text[i] == '\t'); i++)
		if (text[i] == '\t' && tab < 0)
			tab = (int)(i - at);
	if (i >= len || text[i] == '\n' || text[i] == '\r' || text[i] == '#')
		return -1;
	return tab;
}

/* libyaml stops at the first tab that breaks the indentation, at LINE.
 * Every line from there on that is indented with a tab is reported, so
 * that all of them can be fixed at once (the lines before LINE were read
 * well, tabs or not). */
static void report_tabs(struct diags *d, const char *text, size_t len, int line)
{
	size_t at = yaml_text_line_start(text, len, line);
	for (int l = line; at < len; l++) {
		int tab = tab_in_indentation(text, len, at);
		if (tab >= 0) {
			/* The error spans the indentation from its first tab. */
			size_t blanks = 0;
			while (at + blanks < len && (text[at + blanks] == ' ' || text[at + blanks] == '\t'))
				blanks++;
			diags_error(d, "tab-indent", l, tab + 1, "tab character in the "
			            "indentation: YAML indents with spaces only");
			diags_end(d, l, (int)blanks + 1);
		}
		const char *nl = memchr(text + at, '\n', len - at);
		if (!nl)
			break;
		at = (size_t)(nl - text) + 1;
	}
}

#define INDENT_HINT "indent this line like the one above"

/* Whether the line that starts at byte AT has ": " (or ":" at its end)
 * before byte END: a key and its value before that point. */
static int key_before(const char *text, size_t at, size_t end)
{
	for (size_t i = at; i + 1 < end; i++)
		if (text[i] == ':' && (text[i + 1] == ' ' || text[i + 1] == '\t'))
			return 1;
	return 0;
}

/* A hint for the quoting of a value that holds ': ', from the line at AT:
 * "KEY: "VALUE"" when the line is a plain "KEY: VALUE" the value of which
 * can be put in double quotes as it is. */
static void quote_hint(struct diags *d, const char *text, size_t len, size_t at)
{
	const char *s = text + at, *end = text + len;
	const char *eol = memchr(s, '\n', (size_t)(end - s));
	if (!eol)
		eol = end;
	while (s < eol && (*s == ' ' || (*s == '-' && s + 1 < eol && s[1] == ' ')))
		s++;
	const char *colon = s;
	while (colon + 1 < eol && !(colon[0] == ':' && colon[1] == ' '))
		colon++;
	const char *v = colon + 2, *ve = eol;
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\r'))
		ve--;
	int simple = colon + 1 < eol && v < ve && *v != '"' && *v != '\'' && (ve - s) < 160;
	for (const char *q = s; simple && q < ve; q++)
		if (*q == '"' || *q == '\\' || *q == '#' || (unsigned char)*q < 0x20)
			simple = 0;
	if (simple)
		diags_hint(d, "quote text that contains ': ', as %.*s: \"%.*s\"",
		           (int)(colon - s), s, (int)(ve - v), v);
	else
		diags_hint(d, "quote text that contains ': '");
}

/* A plain hint for what libyaml's words for a syntax error at LINE:COLUMN
 * mean, added to that error: most come of a slip in the indentation or of
 * text that needs quotes. */
static void syntax_hint(struct diags *d, const char *text, size_t len, const yaml_parser_t *p,
                        int line, int column)
{
	const char *problem = p->problem ? p->problem : "";
	size_t at = yaml_text_line_start(text, len, line);
	size_t pos = yaml_text_offset(text, len, line, column);
	if (strcmp(problem, "did not find expected '-' indicator") == 0 ||
	    strcmp(problem, "did not find expected key") == 0) {
		diags_hint(d, INDENT_HINT);
	} else if (strcmp(problem, "mapping values are not allowed in this context") == 0) {
		/* A second ': ' on a line whose key came first is in the value;
		 * a first one is a key where the indentation allows none. */
		if (key_before(text, at, pos))
			quote_hint(d, text, len, at);
		else
			diags_hint(d, INDENT_HINT);
	} else if (strcmp(problem, "block sequence entries are not allowed in this context") == 0) {
		if (key_before(text, at, pos))
			diags_hint(d, "start the list on the next line: each item ('- ') "
			           "goes on a line of its own, indented under its key");
		else
			diags_hint(d, INDENT_HINT);
	} else if (strcmp(problem, "could not find expected ':'") == 0) {
		diags_hint(d, "line %zu has no ': ': write it as 'key: value', or indent it "
		           "if it goes on with the text above", p->context_mark.line + 1);
	} else if (strcmp(problem, "found character that cannot start any token") == 0 &&
	           pos < len && (text[pos] == '@' || text[pos] == '`')) {
		diags_hint(d, "quote text that starts with '%c'", text[pos]);
	} else if (strcmp(problem, "found unexpected end of stream") == 0 && p->context &&
	           strstr(p->context, "quoted scalar")) {
		diags_hint(d, "close the quote opened at line %zu",
		           p->context_mark.line + 1);
	}
}

void yaml_syntax_error(struct diags *d, const char *text, size_t len, const yaml_parser_t *p)
{
	int line = (int)p->problem_mark.line + 1, column = (int)p->problem_mark.column + 1;
	/* A tab in the indentation is the commonest cause of a scanner error,
	 * and libyaml's words for it do not say so. */
	if (tab_in_indentation(text, len, yaml_text_line_start(text, len, line)) >= 0) {
		report_tabs(d, text, len, line);
		return;
	}
	if (p->context)
		diags_error(d, "yaml-syntax", line, column, "YAML syntax: %s (%s that started at line "
		            "%zu)", p->problem, p->context, p->context_mark.line + 1);
	else
		diags_error(d, "yaml-syntax", line, column, "YAML syntax: %s",
		            p->problem ? p->problem : "error");
	syntax_hint(d, text, len, p, line, column);
}
