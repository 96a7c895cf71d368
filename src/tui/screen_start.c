/* screen_start.c - the first screen: what the criteria set is about, a new
 * session (with an optional project and respondent), resuming the latest
 * unfinished one, and the history. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "saved_session.h"
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

static int count_one(const struct session_summary *s, void *ctx)
{
	(void)s;
	(*(int *)ctx)++;
	return 0;
}

/* Describes unfinished session ID for the menu. */
static void describe_resume(struct tui *t, long long id)
{
	struct start_state *st = &t->start;
	st->resume_id = id;
	snprintf(st->resume_label, sizeof st->resume_label, "Resume session %lld", id);
	struct saved_session sv;
	if (saved_session_load(t->store, id, &sv, NULL, NULL))
		return;
	char where[64];
	walk_step_label(sv.source.model, sv.stored.step, where, sizeof where);
	const char *who = sv.stored.project ? sv.stored.project : sv.stored.respondent;
	snprintf(st->resume_label, sizeof st->resume_label, "Resume %s%s%s at %s", who ? "\"" : "",
	         who ? who : "the unfinished session", who ? "\"" : "", where);
	saved_session_free(&sv);
}

/* The session to offer to resume: the one just left, when it is unfinished,
 * else the newest unfinished one, if any. */
static void find_resume(struct tui *t)
{
	t->start.resume_id = 0;
	if (t->id && !t->complete) {
		describe_resume(t, t->id);
		return;
	}
	long long id;
	int rc = store_latest_unfinished(t->store, &id);
	if (rc) {
		tui_fail_storage(t);
		return;
	}
	if (id)
		describe_resume(t, id);
}

/* The highlight on coming back: what was just left, so that Enter goes back
 * to it. The history is the history; an unfinished session left from its
 * first step is resumed; a finished one is in the history; else a new
 * session. */
static int returning_item(const struct tui *t)
{
	if (t->left == SCREEN_HISTORY)
		return ITEM_HISTORY;
	if (t->id && !t->complete)
		return ITEM_RESUME;
	return t->id ? ITEM_HISTORY : ITEM_NEW;
}

static void start_enter(struct tui *t)
{
	struct start_state *st = &t->start;
	st->part = 0;
	st->cursor = 0;
	st->scroll = 0;
	st->nsaved = 0;
	if (store_list(t->store, NULL, count_one, &st->nsaved) < 0) {
		tui_fail_storage(t);
		return;
	}
	find_resume(t);
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
	t->field = NULL;
}

static const char *item_label(const struct tui *t, int item, char *buf, size_t len)
{
	switch (item) {
	case ITEM_NEW:
		return "Start a new session";
	case ITEM_RESUME:
		return t->start.resume_label;
	case ITEM_HISTORY:
		snprintf(buf, len, "History: %d saved session%s", t->start.nsaved,
		         t->start.nsaved == 1 ? "" : "s");
		return buf;
	default:
		return "Quit";
	}
}

static void start_draw(struct tui *t)
{
	struct start_state *st = &t->start;
	const struct criteria *c = t->fresh.model;
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
		          item_label(t, st->items[i], buf, sizeof buf));
		hit_add(t, y, 2, w, ACT_PICK, i);
	}
}

static void set_part(struct tui *t, int part)
{
	struct start_state *st = &t->start;
	st->part = (part + 3) % 3;
	t->field = st->part == 1 ? &st->project : st->part == 2 ? &st->respondent : NULL;
}

static void choose(struct tui *t)
{
	struct start_state *st = &t->start;
	switch (st->items[st->cursor]) {
	case ITEM_NEW: {
		char *project = field_text(&st->project);
		char *respondent = field_text(&st->respondent);
		if (!project || !respondent)
			tui_fail_memory(t);
		else
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

static void start_act(struct tui *t, enum action a, int arg)
{
	struct start_state *st = &t->start;
	if (a == ACT_PICK && arg >= PICK_PROJECT) {
		set_part(t, arg - PICK_PROJECT + 1);
		return;
	}
	if (st->part) {
		switch (a) {
		case ACT_ACCEPT:
		case ACT_NEXT_PART:
			set_part(t, st->part + 1);
			break;
		case ACT_PREV_PART:
			set_part(t, st->part - 1);
			break;
		case ACT_LEAVE:
			set_part(t, 0);
			break;
		case ACT_PICK:
			set_part(t, 0);
			if (arg >= 0 && arg < st->nitems) {
				st->cursor = arg;
				choose(t);
			}
			break;
		default:
			field_edit(t->field, a, arg);
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
		set_part(t, 1);
		break;
	case ACT_PICK:
		if (arg >= 0 && arg < st->nitems) {
			st->cursor = arg;
			choose(t);
		}
		break;
	case ACT_ACCEPT:
		choose(t);
		break;
	default:
		break;
	}
}

void screen_start_fill(struct tui *t)
{
	field_set(&t->start.project, t->project_arg);
	field_set(&t->start.respondent, t->respondent_arg);
}

const struct screen_ops screen_start_ops = {
	.name = "Start",
	.context = KC_START,
	.enter = start_enter,
	.draw = start_draw,
	.act = start_act,
};
