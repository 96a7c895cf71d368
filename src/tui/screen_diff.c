/* screen_diff.c - two saved sessions compared, over the history: what
 * differs, each session's result, how much each difference moved the
 * margin, and the sentence that says why (the text of 'verdict diff'). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "diff_format.h"
#include "saved_session.h"
#include "strbuf.h"
#include "tui/draw.h"
#include "xalloc.h"

struct diff_state {
	long long old_id, new_id;
	struct strbuf text;     /* the report, cleaned for the terminal, a line each */
	int scroll;
};

void screen_diff_open(struct tui *t, long long old_id, long long new_id)
{
	struct diff_state *s = tui_state(t, SCREEN_DIFF);
	struct saved_session a, b;
	struct diags d;
	struct verror err;
	int rc = saved_session_load(t->store, old_id, &a, &d, &err);
	diags_free(&d);
	if (rc) {
		tui_message(t, ROLE_WARN, "Session %lld cannot be compared: %s", old_id, err.msg);
		return;
	}
	rc = saved_session_load(t->store, new_id, &b, &d, &err);
	diags_free(&d);
	if (rc) {
		saved_session_free(&a);
		tui_message(t, ROLE_WARN, "Session %lld cannot be compared: %s", new_id, err.msg);
		return;
	}
	struct session_diff sd;
	session_diff(a.source.model, a.session, b.source.model, b.session, &sd);
	strbuf_free(&s->text);
	strbuf_init(&s->text);
	diff_write_sessions_text(&s->text, old_id, a.source.model, new_id, b.source.model, &sd);
	session_diff_free(&sd);
	saved_session_free(&a);
	saved_session_free(&b);
	s->old_id = old_id;
	s->new_id = new_id;
	s->scroll = 0;
	tui_open_over(t, SCREEN_DIFF);
}

static void diff_done(struct tui *t, void *state)
{
	(void)t;
	struct diff_state *s = state;
	strbuf_free(&s->text);
}

static void diff_draw(struct tui *t, void *state)
{
	struct diff_state *s = state;
	char title[96];
	snprintf(title, sizeof title, "Session %lld compared with session %lld", s->new_id,
	         s->old_id);
	draw_rule(t, 1, title, NULL);
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, s->scroll);
	const char *line = strbuf_str(&s->text);
	/* The first line repeats the title, and the blank after it: left out. */
	const char *nl = strchr(line, '\n');
	line = nl ? nl + 1 : line + strlen(line);
	if (*line == '\n')
		line++;
	while (*line) {
		nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		char *one = xstrndup(line, n);
		if (!n)
			pane_blank(&p);
		else
			pane_wrapped(t, &p, line[0] == ' ' ? 2 : 0, line[0] == ' ' ? ROLE_NORMAL
			             : strchr(one, ':') && one[n - 1] == ':' ? ROLE_GROUP : ROLE_TITLE,
			             one + (line[0] == ' ' ? 2 : 0));
		free(one);
		line += n + (nl != NULL);
	}
	pane_finish(t, &p, &s->scroll);
}

static void diff_act(struct tui *t, void *state, enum action a, int arg)
{
	(void)arg;
	struct diff_state *s = state;
	if (a == ACT_LEAVE || a == ACT_BACK) {
		tui_close_over(t);
		return;
	}
	keys_move_scroll(a, &s->scroll, t->rows - 6);
	if (s->scroll < 0)
		s->scroll = 0;
}

const struct screen_ops screen_diff_ops = {
	.name = "Two sessions compared",
	.context = KC_DIFF,
	.state_size = sizeof(struct diff_state),
	.done = diff_done,      /* opened with screen_diff_open() */
	.draw = diff_draw,
	.act = diff_act,
};
