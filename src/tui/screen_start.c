/* screen_start.c - the first screen: what the criteria set is about, a new
 * session (with an optional project and respondent), resuming the latest
 * unfinished one, and the history. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/field.h"
#include "tui/walk.h"

enum start_item {
	ITEM_NEW,
	ITEM_RESUME,
	ITEM_HISTORY,
	ITEM_QUIT,
};

/* Mouse targets for the two fields, after the menu's item indices. */
#define PICK_PROJECT 101
#define PICK_RESPONDENT 102

struct start_state {
	int part;               /* 0 the menu, 1 project, 2 respondent */
	int cursor;             /* in the menu */
	int items[4];           /* enum start_item, in menu order */
	int nitems;
	struct text_field project;
	struct text_field respondent;
	long long resume_id;    /* the unfinished session offered, or 0 */
	char resume_label[200];
	int nsaved;             /* sessions in the database */
	int scroll;             /* in the title and summary, when they are cut */
	int room;               /* the rows they had when last drawn */
};

static int count_one(const struct session_summary *s, void *ctx)
{
	(void)s;
	(*(int *)ctx)++;
	return 0;
}

/* The session to offer to resume (flow_resumable()), described. */
static void find_resume(struct tui *t, struct start_state *st)
{
	struct verror err;
	if (flow_resumable(&t->flow, &st->resume_id, &err)) {
		walk_failed(t, &err);
		return;
	}
	if (st->resume_id)
		flow_resume_label(&t->flow, st->resume_id, st->resume_label,
		                  sizeof st->resume_label);
}

/* The highlight on coming back: what was just left, so that Enter goes back
 * to it. The history is the history; an unfinished session left from its
 * first step is resumed; a finished one is in the history; else a new
 * session. */
static int returning_item(const struct tui *t)
{
	if (t->left == SCREEN_HISTORY)
		return ITEM_HISTORY;
	if (t->flow.id && !t->flow.complete)
		return ITEM_RESUME;
	return t->flow.id ? ITEM_HISTORY : ITEM_NEW;
}

/* The names from the command line, in the fields at first. */
static void start_init(struct tui *t, void *state)
{
	struct start_state *st = state;
	field_set(&st->project, t->project_arg);
	field_set(&st->respondent, t->respondent_arg);
}

static void start_enter(struct tui *t, void *state)
{
	struct start_state *st = state;
	st->part = 0;
	st->cursor = 0;
	st->scroll = 0;
	st->nsaved = 0;
	if (store_list(t->store, NULL, count_one, &st->nsaved) < 0) {
		tui_fail_storage(t);
		return;
	}
	find_resume(t, st);
	st->nitems = 0;
	st->items[st->nitems++] = ITEM_NEW;
	if (st->resume_id)
		st->items[st->nitems++] = ITEM_RESUME;
	if (st->nsaved)
		st->items[st->nitems++] = ITEM_HISTORY;
	st->items[st->nitems++] = ITEM_QUIT;
	int back = returning_item(t);
	for (int i = 0; i < st->nitems; i++)
		if (st->items[i] == back)
			st->cursor = i;
}

static unsigned start_mode(const struct tui *t, const void *state)
{
	(void)t;
	const struct start_state *st = state;
	return st->part ? KC_FIELD : KC_START;
}

static const char *item_label(const struct start_state *st, int item, char *buf, size_t len)
{
	switch (item) {
	case ITEM_NEW:
		return "Start a new session";
	case ITEM_RESUME:
		return st->resume_label;
	case ITEM_HISTORY:
		snprintf(buf, len, "History: %d saved session%s", st->nsaved,
		         st->nsaved == 1 ? "" : "s");
		return buf;
	default:
		return "Quit";
	}
}

static void start_draw(struct tui *t, void *state)
{
	struct start_state *st = state;
	const struct criteria *c = t->flow.fresh.model;
	int w = t->cols - 4;
	char intro[400], took[64];
	/* About 15 seconds a question and 8 a point to weigh, rounded up. */
	size_t minutes = (c->nquestions * 15 + c->ncriteria * 8 + 59) / 60;
	if (minutes <= 1)
		snprintf(took, sizeof took, "about a minute");
	else
		snprintf(took, sizeof took, "about %zu minutes", minutes);
	char asked[64] = "";
	if (c->nquestions)
		snprintf(asked, sizeof asked, "%zu question%s about your project, then ", c->nquestions,
		         c->nquestions == 1 ? "" : "s");
	snprintf(intro, sizeof intro,
	         "%s%zu point%s to weigh: %s. Every answer is saved as you give it, so you can "
	         "stop at any time and resume later.", asked, c->ncriteria,
	         c->ncriteria == 1 ? "" : "s", took);
	if (!c->nquestions)
		intro[0] = (char)toupper((unsigned char)intro[0]);
	int intro_lines = draw_lines(intro, w);
	/* The title and summary take what the rest leaves; when that is too
	 * little, they scroll (PgUp, PgDn) above a line that says so. */
	int below = 1 + intro_lines + 1 + 2 + 1 + st->nitems;
	int avail = t->rows - 2 - 2 - below;
	if (avail < 2)
		avail = 2;
	int block = draw_lines(c->title, w) + (c->summary ? 1 + draw_lines(c->summary, w) : 0);
	int cut = block > avail;
	int shown = cut ? avail - 1 : block;
	st->room = shown;

	struct pane p;
	pane_init(&p, 2, 2, shown, w, st->scroll);
	pane_wrapped(t, &p, 0, ROLE_TITLE, c->title);
	if (c->summary) {
		pane_blank(&p);
		pane_wrapped(t, &p, 0, ROLE_NORMAL, c->summary);
	}
	pane_finish(t, &p, &st->scroll);
	if (cut) {
		int end = st->scroll + shown >= block;
		draw_text(t, 2 + shown, 2, w, ROLE_DIM, end ? "(PgUp: back to the start of this text)"
		          : "(PgDn: more of this text)");
		shown++;
	}
	int intro_top = 2 + shown + 1;
	pane_init(&p, intro_top, 2, intro_lines, w, 0);
	pane_wrapped(t, &p, 0, ROLE_DIM, intro);
	int fields_top = intro_top + intro_lines + 1;
	int menu_top = fields_top + 3;

	const char *labels[2] = { "Project", "Respondent" };
	struct text_field *fields[2] = { &st->project, &st->respondent };
	int fw = t->cols - 2 - 17 - 15;
	if (fw > 40)
		fw = 40;
	for (int i = 0; i < 2; i++) {
		int y = fields_top + i;
		int focused = st->part == i + 1;
		draw_text(t, y, 4, 12, focused ? ROLE_TITLE : ROLE_NORMAL, labels[i]);
		draw_text(t, y, 16, 1, ROLE_DIM, "[");
		field_draw(t, y, 17, fw, fields[i], focused);
		draw_text(t, y, 17 + fw, 1, ROLE_DIM, "]");
		draw_text(t, y, 19 + fw, t->cols - 20 - fw, ROLE_DIM,
		          focused ? "Enter: next" : i ? "optional" : "optional, Tab");
		hit_add(t, y, 4, 14 + fw, ACT_PICK, PICK_PROJECT + i);
	}
	char buf[100];
	for (int i = 0; i < st->nitems; i++) {
		int y = menu_top + i;
		int sel = st->part == 0 && st->cursor == i;
		if (sel) {
			draw_fill(t, y, 2, w, ROLE_SELECTED);
			draw_text(t, y, 2, 2, ROLE_SELECTED, glyph(t, GLYPH_POINTER));
		}
		draw_text(t, y, 4, w - 2, sel ? ROLE_SELECTED : ROLE_NORMAL,
		          item_label(st, st->items[i], buf, sizeof buf));
		hit_add(t, y, 2, w, ACT_PICK, i);
	}
}

static void set_part(struct start_state *st, int part)
{
	st->part = (part + 3) % 3;
}

static void choose(struct tui *t, struct start_state *st)
{
	switch (st->items[st->cursor]) {
	case ITEM_NEW: {
		char *project = field_text(&st->project);
		char *respondent = field_text(&st->respondent);
		walk_new(t, project, respondent);
		free(project);
		free(respondent);
		break;
	}
	case ITEM_RESUME:
		walk_open(t, st->resume_id);
		break;
	case ITEM_HISTORY:
		tui_show(t, SCREEN_HISTORY);
		break;
	default:
		t->quit = 1;
	}
}

static void start_act(struct tui *t, void *state, enum action a, int arg)
{
	struct start_state *st = state;
	if (a == ACT_PICK && arg >= PICK_PROJECT) {
		set_part(st, arg - PICK_PROJECT + 1);
		return;
	}
	if (st->part) {
		switch (a) {
		case ACT_ACCEPT:
		case ACT_NEXT_PART:
			set_part(st, st->part + 1);
			break;
		case ACT_PREV_PART:
			set_part(st, st->part - 1);
			break;
		case ACT_LEAVE:
			set_part(st, 0);
			break;
		case ACT_PICK:
			set_part(st, 0);
			if (arg >= 0 && arg < st->nitems) {
				st->cursor = arg;
				choose(t, st);
			}
			break;
		default:
			field_edit(st->part == 1 ? &st->project : &st->respondent, a, arg);
		}
		return;
	}
	switch (a) {
	case ACT_UP:
		st->cursor = st->cursor > 0 ? st->cursor - 1 : st->nitems - 1;
		break;
	case ACT_DOWN:
		st->cursor = st->cursor + 1 < st->nitems ? st->cursor + 1 : 0;
		break;
	case ACT_HOME:
		st->cursor = 0;
		break;
	case ACT_END:
		st->cursor = st->nitems - 1;
		break;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		keys_move_scroll(a, &st->scroll, st->room > 1 ? st->room - 1 : 1);
		break;
	case ACT_NEXT_PART:
		set_part(st, 1);
		break;
	case ACT_PICK:
		if (arg >= 0 && arg < st->nitems) {
			st->cursor = arg;
			choose(t, st);
		}
		break;
	case ACT_ACCEPT:
		choose(t, st);
		break;
	default:
		break;
	}
}

const struct screen_ops screen_start_ops = {
	.name = "Start",
	.context = KC_START,
	.state_size = sizeof(struct start_state),
	.init = start_init,
	.enter = start_enter,
	.mode = start_mode,
	.draw = start_draw,
	.act = start_act,
};
