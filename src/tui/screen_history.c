/* screen_history.c - saved sessions, newest first: open one (its results, or
 * where it stopped), delete one after asking, export one (screen_export.c),
 * mark one and compare another with it (screen_diff.c), import sessions
 * from a file (screen_import.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "tui/draw.h"
#include "tui/walk.h"
#include "xalloc.h"

struct history_row {
	long long id;
	char *project;
	char *respondent;
	char *title;
	char *winner;
	char *decided;          /* the option of the latest decision, or NULL */
	char *origin;           /* where an imported session came from, or NULL */
	int differs;            /* the decision is not the winner */
	int complete;
	time_t updated;
};

struct history_state {
	struct list_state list;
	struct history_row *rows;       /* while the history is on show */
	size_t nrows;
	size_t cap;
	int confirm;            /* asking whether to delete the highlighted row */
	long long marked;       /* the session marked to compare another with, or 0 */
};

static char *copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int collect(const struct session_summary *s, void *ctx)
{
	struct history_state *h = ctx;
	if (h->nrows == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		h->rows = xreallocarray(h->rows, cap, sizeof *h->rows);
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
	r->decided = copy(s->decided);
	r->origin = copy(s->origin);
	r->differs = s->decided && s->winner_name && r->complete &&
	             strcmp(s->decided, s->winner_name) != 0;
	h->nrows++;
	return 0;
}

static void free_rows(struct history_state *h)
{
	for (size_t i = 0; i < h->nrows; i++) {
		free(h->rows[i].project);
		free(h->rows[i].respondent);
		free(h->rows[i].title);
		free(h->rows[i].winner);
		free(h->rows[i].decided);
		free(h->rows[i].origin);
	}
	h->nrows = 0;
}

static void load(struct tui *t, struct history_state *h)
{
	free_rows(h);
	if (store_list(t->store, NULL, collect, h))
		tui_fail_storage(t);
	if (h->list.cursor >= (int)h->nrows)
		h->list.cursor = h->nrows ? (int)h->nrows - 1 : 0;
}

void screen_history_reload(struct tui *t)
{
	if (tui_under(t) == SCREEN_HISTORY || t->screen == SCREEN_HISTORY)
		load(t, tui_state(t, SCREEN_HISTORY));
}

static void history_enter(struct tui *t, void *state)
{
	struct history_state *h = state;
	h->list.cursor = 0;
	h->list.scroll = 0;
	h->confirm = 0;
	load(t, h);
}

/* Another screen in its place: the rows are read again next time. */
static void history_leave(struct tui *t, void *state)
{
	(void)t;
	struct history_state *h = state;
	free_rows(h);
	free(h->rows);
	h->rows = NULL;
	h->cap = 0;
}

static unsigned history_mode(const struct tui *t, const void *state)
{
	(void)t;
	const struct history_state *h = state;
	return h->confirm ? KC_CONFIRM : KC_HISTORY;
}

static void names(const struct tui *t, const struct history_row *r, char *buf, size_t len)
{
	int n;
	if (r->project && r->respondent)
		n = snprintf(buf, len, "%s%s%s", r->project, glyph(t, GLYPH_DOT), r->respondent);
	else if (r->project || r->respondent)
		n = snprintf(buf, len, "%s", r->project ? r->project : r->respondent);
	else
		n = snprintf(buf, len, "(no name)");
	if (r->origin && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, " (imported from %s)", r->origin);
}

static void history_draw(struct tui *t, void *state)
{
	struct history_state *h = state;
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
	int from = 0, to = 0;
	for (size_t i = 0; i < h->nrows; i++) {
		const struct history_row *r = &h->rows[i];
		int sel = (int)i == h->list.cursor;
		enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char result[256];
		int n = r->complete ? snprintf(result, sizeof result, "%s", r->winner ? r->winner
		                                                                   : "a tie")
		                    : snprintf(result, sizeof result, "unfinished");
		/* The decision beside the advice, marked when it differs. */
		if (r->decided && n >= 0 && (size_t)n < sizeof result)
			snprintf(result + n, sizeof result - (size_t)n, "; decided %s%s", r->decided,
			         r->differs ? " (not advised)" : "");
		names(t, r, buf, sizeof buf);
		/* A row is as tall as its names or its result: nothing is cut. */
		int first = p.y, lines = draw_lines(buf, namew - 1);
		if (draw_lines(result, resultw) > lines)
			lines = draw_lines(result, resultw);
		p.y += lines;
		if (sel) {
			from = first;
			to = first + lines;
		}
		for (int l = 0; l < lines; l++) {
			int y = pane_row(&p, first + l);
			if (y < 0)
				continue;
			if (sel)
				draw_fill(t, y, 2, w, ROLE_SELECTED);
			hit_add(t, y, 2, w, ACT_PICK, (int)i);
		}
		pane_cell(t, &p, first, x - 2 + idw + datew, namew - 1, role, buf);
		pane_cell(t, &p, first, x - 2 + idw + datew + namew, resultw,
		          sel ? role : r->differs ? ROLE_WARN : r->complete ? ROLE_GOOD : ROLE_DIM,
		          result);
		int row = pane_row(&p, first);
		if (row < 0)
			continue;
		if (sel)
			draw_text(t, row, 2, 2, role, glyph(t, GLYPH_POINTER));
		draw_textf(t, row, x, idw, role, "%c%4lld", r->id == h->marked ? '*' : ' ', r->id);
		clock_format(r->updated, buf, sizeof buf);
		if (datew < 21)
			buf[10] = '\0';        /* the date alone: "2026-11-26" */
		draw_text(t, row, x + idw, datew - 1, role, buf);
	}
	pane_follow(t, &p, from, to, &h->list.scroll);
	pane_finish(t, &p, &h->list.scroll);
	if (h->confirm) {
		const struct history_row *r = &h->rows[h->list.cursor];
		names(t, r, buf + 256, 256);
		char q[600];
		snprintf(q, sizeof q, "Delete session %lld (%s) for good?", r->id, buf + 256);
		/* Whole: long names take the rows above. */
		int lines = draw_lines(q, w);
		if (lines > t->rows - 4)
			lines = t->rows - 4;
		struct pane qp;
		pane_init(&qp, t->rows - 1 - lines, 2, lines, w, 0);
		for (int y = qp.top - 1; y < t->rows - 1; y++)
			draw_fill(t, y, 0, t->cols, ROLE_NORMAL);
		pane_wrapped(t, &qp, 0, ROLE_WARN, q);
	}
}

static void history_act(struct tui *t, void *state, enum action a, int arg)
{
	struct history_state *h = state;
	int n = (int)h->nrows, page = t->rows - 7;
	int *cur = &h->list.cursor;
	if (h->confirm && (a == ACT_PAGE_UP || a == ACT_PAGE_DOWN))
		return;         /* the question is whole on the screen: still asking */
	if (h->confirm) {
		h->confirm = 0;
		if (a != ACT_YES || !n)
			return;
		long long id = h->rows[*cur].id;
		if (id == t->flow.id)
			flow_close(&t->flow);
		int rc = store_delete(t->store, id);
		if (rc && store_error(t->store)->kind != VERROR_INPUT) {
			tui_fail_storage(t);
			return;
		}
		load(t, h);
		if (rc)
			tui_message(t, ROLE_WARN, "Session %lld was already deleted (by another program?).",
			            id);
		else
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
	case ACT_TEAM:
		if (!n)
			break;
		if (!h->rows[*cur].project)
			tui_message(t, ROLE_WARN, "Session %lld has no project: a group view combines "
			            "the finished sessions of one project.", h->rows[*cur].id);
		else
			screen_team_open(t, h->rows[*cur].project);
		break;
	case ACT_MARK:
		if (!n)
			break;
		h->marked = h->marked == h->rows[*cur].id ? 0 : h->rows[*cur].id;
		if (h->marked)
			tui_message(t, ROLE_GOOD, "Session %lld marked (*): highlight another and press c "
			            "to compare them.", h->marked);
		else
			tui_message(t, ROLE_GOOD, "Session %lld unmarked.", h->rows[*cur].id);
		break;
	case ACT_COMPARE:
		if (!n)
			break;
		if (!h->marked)
			tui_message(t, ROLE_WARN, "Mark a session first (m), then highlight another and "
			            "press c.");
		else
			screen_diff_open(t, h->marked, h->rows[*cur].id);
		break;
	case ACT_IMPORT:
		screen_import_open(t);
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
	.state_size = sizeof(struct history_state),
	.enter = history_enter,
	.leave = history_leave,
	.done = history_leave,
	.mode = history_mode,
	.draw = history_draw,
	.act = history_act,
};
