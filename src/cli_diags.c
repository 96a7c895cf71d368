/* cli_diags.c - a file's errors as 'verdict check --format json|github'
 * prints them: JSON objects, or GitHub Actions workflow commands. The text
 * form is diags_print()'s. */
#include <jansson.h>
#include <string.h>

#include "cli.h"
#include "score_format.h"
#include "strbuf.h"
#include "text.h"
#include "text_print.h"

/* E's end, as E's start when it is not known (an error about the whole
 * file, or one found before the text was read). */
static void end_of(const struct diag *e, int *line, int *column)
{
	*line = e->end_line > 0 ? e->end_line : e->line;
	*column = e->end_line > 0 ? e->end_column : e->column;
}

static json_t *one(const char *file, int line, int column, int end_line, int end_column,
                   const char *code, const char *message, size_t message_len, const char *hint)
{
	json_t *o = json_object();
	json_object_set_new(o, "file", score_json_text(file));
	json_object_set_new(o, "line", json_integer(line));
	json_object_set_new(o, "column", json_integer(column));
	json_object_set_new(o, "end_line", json_integer(end_line));
	json_object_set_new(o, "end_column", json_integer(end_column));
	json_object_set_new(o, "severity", json_string("error"));
	json_object_set_new(o, "code", json_string(code));
	struct strbuf msg;
	strbuf_init(&msg);
	strbuf_printf(&msg, "%.*s", (int)message_len, message);
	json_object_set_new(o, "message", score_json_text(strbuf_str(&msg)));
	strbuf_free(&msg);
	json_object_set_new(o, "hint", score_json_text(hint));
	return o;
}

void cli_diags_json(json_t *list, struct diags *d)
{
	diags_sort(d);
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *e = &d->items[i];
		int end_line, end_column;
		end_of(e, &end_line, &end_column);
		json_array_append_new(list, one(d->file, e->line, e->column, end_line, end_column,
		                                e->code, e->message, diag_message_len(e),
		                                e->hint ? e->message + e->hint : NULL));
	}
}

void cli_diag_json_whole(json_t *list, const char *file, const char *code, const char *message)
{
	json_array_append_new(list, one(file, 0, 0, 0, 0, code, message, strlen(message), NULL));
}

/* S (LEN bytes) cleaned for one line of a log and escaped as a workflow
 * command's message (DATA) or, when PROPERTY, as one of its properties'
 * values, into SB: '%', CR and LF as %25, %0D and %0A, and in a property
 * ':' and ',' too, as %3A and %2C. */
static void escape(struct strbuf *sb, const char *s, size_t len, int property)
{
	struct strbuf clean;
	strbuf_init(&clean);
	text_clean(&clean, s, len, TEXT_LINE);
	for (const char *p = strbuf_str(&clean); *p; p++) {
		switch (*p) {
		case '%':
			strbuf_puts(sb, "%25");
			break;
		case '\r':
			strbuf_puts(sb, "%0D");
			break;
		case '\n':
			strbuf_puts(sb, "%0A");
			break;
		case ':':
			strbuf_puts(sb, property ? "%3A" : ":");
			break;
		case ',':
			strbuf_puts(sb, property ? "%2C" : ",");
			break;
		default:
			strbuf_printf(sb, "%c", *p);
		}
	}
	strbuf_free(&clean);
}

/* One "::error ...::MESSAGE" line to OUT; LINE 0 leaves the position out. */
static void command(FILE *out, const char *file, int line, int column, int end_line,
                    int end_column, const char *code, const char *message, size_t message_len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "::error file=");
	escape(&sb, file, strlen(file), 1);
	if (line > 0) {
		strbuf_printf(&sb, ",line=%d", line);
		/* A column range is for one line only. */
		if (end_line == line)
			strbuf_printf(&sb, ",col=%d,endColumn=%d", column, end_column);
		else
			strbuf_printf(&sb, ",col=%d,endLine=%d", column, end_line);
	}
	strbuf_puts(&sb, ",title=");
	escape(&sb, code, strlen(code), 1);
	strbuf_puts(&sb, "::");
	escape(&sb, message, message_len, 0);
	text_printf(out, "%s\n", strbuf_str(&sb));
	strbuf_free(&sb);
}

void cli_diags_github(FILE *out, struct diags *d)
{
	diags_sort(d);
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *e = &d->items[i];
		int end_line, end_column;
		end_of(e, &end_line, &end_column);
		command(out, d->file, e->line, e->column, end_line, end_column, e->code, e->message,
		        strlen(e->message));
	}
	if (d->dropped) {
		char more[80];
		snprintf(more, sizeof more, "%zu more error%s not shown", d->dropped,
		         d->dropped == 1 ? "" : "s");
		command(out, d->file, 0, 0, 0, 0, "too-many-errors", more, strlen(more));
	}
}

void cli_diag_github_whole(FILE *out, const char *file, const char *code, const char *message)
{
	command(out, file, 0, 0, 0, 0, code, message, strlen(message));
}
