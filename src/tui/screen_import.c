/* screen_import.c - the import dialog, over the history: a file name (a JSON
 * report from `verdict export --format json`, or another verdict database,
 * told apart by their first bytes), then its sessions brought in with the
 * same code as `verdict import` (import.h). Imported, the dialog closes, the
 * history is read again and the bottom line says how many came in; not
 * imported, the dialog stays and says why, so the name can be mended, and
 * nothing is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "xalloc.h"

#define BOX_WIDTH 76            /* the dialog's width, at most */
#define LABEL_WIDTH 10          /* "File" and the gap after it */
#define BASE_HEIGHT 7           /* the dialog's rows, without a note */

/* The first 16 bytes of every SQLite database. */
static const char sqlite_magic[16] = "SQLite format 3";

struct import_state {
	char error[VERROR_MSG_MAX + 40]; /* why the last try imported nothing, or "" */
	int note_scroll;
	struct text_field path;
};

static void import_init(struct tui *t, void *state)
{
	(void)t;
	struct import_state *s = state;
	s->path.max = TUI_TEXT_MAX;
}

void screen_import_open(struct tui *t)
{
	struct import_state *s = tui_state(t, SCREEN_IMPORT);
	s->error[0] = '\0';
	s->note_scroll = 0;
	field_set(&s->path, "");
	tui_open_over(t, SCREEN_IMPORT);
}

static unsigned import_mode(const struct tui *t, const void *state)
{
	(void)t;
	(void)state;
	return KC_IMPORT;
}

/* TYPED as a path: "~/" at its start is the home directory. A new string. */
static char *resolve(const char *typed)
{
	const char *home = getenv("HOME");
	if (strncmp(typed, "~/", 2) == 0 && home && *home) {
		size_t n = strlen(home) + strlen(typed);
		char *p = xmalloc(n);
		snprintf(p, n, "%s%s", home, typed + 1);
		return p;
	}
	return xstrdup(typed);
}

/* Whether PATH starts as a SQLite database does (a file that cannot be read
 * is left to the JSON reader, which names it). */
static int is_database(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char head[sizeof sqlite_magic];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == sizeof head && memcmp(head, sqlite_magic, sizeof head) == 0;
}

static void do_import(struct tui *t, struct import_state *s)
{
	const struct text_field *f = &s->path;
	size_t blank = 0;
	for (size_t i = 0; i < f->len; i++) {
		if (!text_char_safe(f->buf[i])) {
			snprintf(s->error, sizeof s->error, "Nothing imported: a file name cannot "
			         "hold control characters.");
			return;
		}
		blank += f->buf[i] == L' ';
	}
	if (blank == f->len) {
		snprintf(s->error, sizeof s->error, "Nothing imported: type a file name first.");
		return;
	}
	char *typed = field_text(f);
	char *path = resolve(typed);
	free(typed);
	struct import_batch b;
	import_batch_init(&b);
	struct verror err;
	int rc;
	if (is_database(path)) {
		rc = import_read_db(path, store_file(t->store), &b, &err);
	} else {
		struct diags d;
		rc = import_read_report(path, &b, &d, &err);
		if (rc && d.count)
			diags_fail(&d, &err);
		diags_free(&d);
	}
	free(path);
	/* What cannot be read is said in the dialog, whatever its kind; a
	 * failure of this database while writing ends the walk-through. */
	int fatal = 0;
	struct import_outcome *out = xcalloc(b.n + 1, sizeof *out);
	if (rc == 0) {
		rc = import_batch_store(t->store, &b, out, &err);
		fatal = rc && err.kind != VERROR_INPUT;
	}
	size_t added = 0, skipped = 0;
	for (size_t i = 0; rc == 0 && i < b.n; i++) {
		if (out[i].skipped)
			skipped++;
		else
			added++;
	}
	free(out);
	import_batch_free(&b);
	if (fatal) {
		/* Said after the terminal is restored. */
		snprintf(t->fatal, sizeof t->fatal, "%s", err.msg);
		t->status = verror_exit_status(err.kind);
		t->quit = 1;
		return;
	}
	if (rc) {
		snprintf(s->error, sizeof s->error, "Nothing imported: %s", err.msg);
		return;
	}
	s->error[0] = '\0';
	tui_close_over(t);
	screen_history_reload(t);
	tui_message(t, ROLE_GOOD, "%zu session%s imported, %zu already here.", added,
	            added == 1 ? "" : "s", skipped);
}

/* A button "[ KEY LABEL ]" ending before column END on row Y, which a click
 * turns into action A. Returns its first column. */
static int button(struct tui *t, int y, int end, const char *key, const char *label,
                  enum action a)
{
	int w = 2 + draw_width(key) + 1 + draw_width(label) + 2;
	int x = end - w;
	draw_text(t, y, x, 2, ROLE_NORMAL, "[ ");
	int kw = draw_text(t, y, x + 2, w, ROLE_KEY, key);
	draw_text(t, y, x + 3 + kw, w, ROLE_TITLE, label);
	draw_text(t, y, x + w - 2, 2, ROLE_NORMAL, " ]");
	hit_add(t, y, x, w, a, 0);
	return x;
}

static void import_draw(struct tui *t, void *state)
{
	struct import_state *s = state;
	tui_draw_under(t);
	t->nhits = 0;
	t->cursor_y = -1;
	draw_dim(t, 1, t->rows - 2);

	int w = t->cols - 4 < BOX_WIDTH ? t->cols - 4 : BOX_WIDTH;
	int x0 = (t->cols - w) / 2;
	int inner = w - 4;
	int cx = x0 + 2 + LABEL_WIDTH;
	int cw = inner - LABEL_WIDTH;
	int avail = t->rows - 2;
	int lines = s->error[0] ? draw_lines(s->error, inner) : 0;
	int room = avail - BASE_HEIGHT - 1;
	if (lines > room)
		lines = room > 1 ? room : 1;
	int h = BASE_HEIGHT + (lines ? lines + 1 : 0);
	int y0 = 1 + (avail - h) / 2;
	draw_box(t, y0, x0, h, w, "Import sessions");

	int y = y0 + 1;
	draw_text(t, y, x0 + 2, inner, ROLE_DIM, "A JSON report (verdict export --format json) "
	          "or a verdict database.");
	y += 2;
	draw_text(t, y, x0 + 2, LABEL_WIDTH - 1, ROLE_TITLE, "File");
	draw_text(t, y, cx, 1, ROLE_DIM, "[");
	field_draw(t, y, cx + 1, cw - 2, &s->path, 1);
	draw_text(t, y, cx + cw - 1, 1, ROLE_DIM, "]");
	y += 2;
	if (lines) {
		struct pane p;
		pane_init(&p, y, x0 + 2, lines, inner, s->note_scroll);
		pane_wrapped(t, &p, 0, ROLE_ERROR, s->error);
		pane_finish(t, &p, &s->note_scroll);
		y += lines + 1;
	}
	int end = x0 + w - 2;
	end = button(t, y, end, "Esc", "Cancel", ACT_LEAVE) - 2;
	button(t, y, end, "Enter", "Import", ACT_ACCEPT);
}

static void import_act(struct tui *t, void *state, enum action a, int arg)
{
	struct import_state *s = state;
	switch (a) {
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		keys_move_scroll(a, &s->note_scroll, 3);
		break;
	case ACT_ACCEPT:
		s->note_scroll = 0;
		do_import(t, s);
		break;
	case ACT_LEAVE:
		tui_close_over(t);
		tui_message(t, ROLE_NORMAL, "Import cancelled: nothing imported.");
		break;
	default:
		if (field_edit(&s->path, a, arg))
			s->error[0] = '\0';
		break;
	}
}

const struct screen_ops screen_import_ops = {
	.name = "Import",
	.context = KC_IMPORT,
	.state_size = sizeof(struct import_state),
	.init = import_init,    /* opened with screen_import_open() */
	.mode = import_mode,
	.draw = import_draw,
	.act = import_act,
};
