/* screen_history.c - saved sessions, newest first: open one (its results, or
 * where it stopped), delete one after asking, export one (screen_export.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "tui/draw.h"
#include "tui/walk.h"

static char *copy(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int collect(const struct session_summary *s, void *ctx)
{
	struct history_state *h = ctx;
	if (h->nrows == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct history_row *rows = realloc(h->rows, cap * sizeof *rows);
		if (!rows)
			return -2;
		h->rows = rows;
		h->cap = cap;
	}
	struct history_row *r = &h->rows[h->nrows];
	memset(r, 0, sizeof *r);
	r->id = s->id;
	r->complete = s->status == SESSION_COMPLETE;
	r->updated = s->updated;
	r->project = copy(s->project);
	r->respondent = copy(s->respondent);
	r->title = copy(s->criteria_title);
	r->winner = copy(s->winner_name);
	h->nrows++;
	if ((s->project && !r->project) || (s->respondent && !r->respondent) ||
	    (s->criteria_title && !r->title) || (s->winner_name && !r->winner))
		return -2;
	return 0;
}

static void free_rows(struct history_state *h)
{
	for (size_t i = 0; i < h->nrows; i++) {
		free(h->rows[i].project);
		free(h->rows[i].respondent);
		free(h->rows[i].title);
		free(h->rows[i].winner);
	}
	h->nrows = 0;
}

static void load(struct tui *t)
{
	struct history_state *h = &t->history;
	free_rows(h);
	int rc = store_list(t->store, NULL, collect, h);
	if (rc == -2)
		tui_fail_memory(t);
	else if (rc)
		tui_fail_storage(t);
	if (h->list.cursor >= (int)h->nrows)
		h->list.cursor = h->nrows ? (int)h->nrows - 1 : 0;
}

static void history_enter(struct tui *t)
{
	t->history.list.cursor = 0;
	t->history.list.scroll = 0;
	t->history.confirm = 0;
	load(t);
}

static void names(const struct tui *t, const struct history_row *r, char *buf, size_t len)
{
	if (r->project && r->respondent)
		snprintf(buf, len, "%s%s%s", r->project, glyph(t, GLYPH_DOT), r->respondent);
	else if (r->project || r->respondent)
		snprintf(buf, len, "%s", r->project ? r->project : r->respondent);
	else
		snprintf(buf, len, "(no name)");
}

static void history_draw(struct tui *t)
{
	struct history_state *h = &t->history;
	char buf[512];
	snprintf(buf, sizeof buf, "%zu saved", h->nrows);
	draw_rule(t, 1, "Saved sessions, newest first", buf);
	int w = t->cols - 4;
	if (!h->nrows) {
		draw_text(t, 3, 2, w, ROLE_NORMAL, "No saved sessions yet.");
		return;
	}
	int resultw = w >= 90 ? 22 : 14, datew = w >= 80 ? 21 : 11, idw = 6;
	int namew = w - 2 - idw - datew - resultw;
	int x = 4;
	draw_text(t, 3, x, idw, ROLE_GROUP, "    #");
	draw_text(t, 3, x + idw, datew, ROLE_GROUP, "Updated");
	draw_text(t, 3, x + idw + datew, namew, ROLE_GROUP, "Project / respondent");
	draw_text(t, 3, x + idw + datew + namew, resultw, ROLE_GROUP, "Result");

	struct pane p;
	pane_init(&p, 4, 2, t->rows - 6, w, h->list.scroll);
	for (size_t i = 0; i < h->nrows; i++) {
		const struct history_row *r = &h->rows[i];
		int row = pane_row(&p, p.y++);
		if (row < 0)
			continue;
		int sel = (int)i == h->list.cursor;
		enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
		if (sel) {
			draw_fill(t, row, 2, w, ROLE_SELECTED);
			draw_text(t, row, 2, 2, role, glyph(t, GLYPH_POINTER));
		}
		draw_textf(t, row, x, idw, role, "%5lld", r->id);
		clock_format(r->updated, buf, sizeof buf);
		if (datew < 21)
			buf[10] = '\0';        /* the date alone: "2026-11-26" */
		draw_text(t, row, x + idw, datew - 1, role, buf);
		names(t, r, buf, sizeof buf);
		draw_text(t, row, x + idw + datew, namew - 1, role, buf);
		if (r->complete)
			snprintf(buf, sizeof buf, "%s", r->winner ? r->winner : "a tie");
		else
			snprintf(buf, sizeof buf, "unfinished");
		draw_text(t, row, x + idw + datew + namew, resultw,
		          sel ? role : r->complete ? ROLE_GOOD : ROLE_DIM, buf);
		hit_add(t, row, 2, w, ACT_PICK, (int)i);
	}
	pane_follow(t, &p, h->list.cursor, h->list.cursor + 1, &h->list.scroll);
	pane_finish(t, &p, &h->list.scroll);
	if (h->confirm) {
		const struct history_row *r = &h->rows[h->list.cursor];
		names(t, r, buf + 256, 256);
		char q[600];
		snprintf(q, sizeof q, "Delete session %lld (%s) for good?", r->id, buf + 256);
		draw_fill(t, t->rows - 2, 0, t->cols, ROLE_NORMAL);
		draw_text(t, t->rows - 2, 2, w, ROLE_WARN, q);
	}
}

static void history_act(struct tui *t, enum action a, int arg)
{
	struct history_state *h = &t->history;
	int n = (int)h->nrows, page = t->rows - 7;
	int *cur = &h->list.cursor;
	if (h->confirm) {
		h->confirm = 0;
		if (a != ACT_YES || !n)
			return;
		long long id = h->rows[*cur].id;
		if (id == t->id)
			walk_close(t);
		if (store_delete(t->store, id)) {
			tui_fail_storage(t);
			return;
		}
		load(t);
		tui_message(t, ROLE_GOOD, "Session %lld deleted.", id);
		return;
	}
	switch (a) {
	case ACT_PICK:
		if (arg < 0 || arg >= n)
			break;
		*cur = arg;
		/* fall through - a click opens */
	case ACT_ACCEPT:
		if (n)
			walk_open(t, h->rows[*cur].id);
		break;
	case ACT_DELETE:
		h->confirm = n > 0;
		break;
	case ACT_EXPORT:
		if (n)
			screen_export_open(t, h->rows[*cur].id, h->rows[*cur].project,
			                   h->rows[*cur].respondent);
		break;
	case ACT_BACK:
		tui_show(t, SCREEN_START);
		break;
	default:
		keys_move_cursor(a, cur, n, page, 0);
		break;
	}
}

const struct screen_ops screen_history_ops = {
	.name = "History",
	.context = KC_HISTORY,
	.enter = history_enter,
	.draw = history_draw,
	.act = history_act,
};
