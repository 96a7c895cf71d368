/* screen_export.c - the export dialog, over the results or the history: a
 * format, a file name (by default one built from the project and the date,
 * in the working directory), then the report written with the export API.
 * Written, the dialog closes and the screen underneath says where the report
 * went; not written, the dialog stays and says why, so the name can be
 * mended. A file that is there already is replaced only after asking. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_pdf.h"
#include "clock.h"
#include "cli_report.h"
#include "export.h"
#include "export_pdf.h"
#include "saved_session.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "text.h"
#include "xalloc.h"

#define BOX_WIDTH 76            /* the dialog's width, at most */
#define LABEL_WIDTH 10          /* "Format" and "File", and the gap after them */
#define BASE_HEIGHT (8 + REPORT_FORMATS) /* the dialog's rows, without a note */
#define PICK_FIELD 100          /* a click on the file name; 0-4 are the formats */

/* The formats in menu order (1-5 pick them), and a few words on each. */
static const struct {
	enum report_format format;
	const char *blurb;
} menu[REPORT_FORMATS] = {
	{ REPORT_MD, "plain text that renders as a document" },
	{ REPORT_HTML, "one page with charts; prints well" },
	{ REPORT_JSON, "for programs: verdict-report/1" },
	{ REPORT_CSV, "a table for spreadsheets" },
	{ REPORT_PDF, "pages to send, fonts included" },
};

struct export_state {
	long long id;           /* the stored session, or 0: the one being answered */
	char title[200];        /* "Export session 3: Shop rewrite" */
	enum report_format format;
	int part;               /* 0 the formats, 1 the file name */
	int confirm;            /* asking whether to replace the file there */
	char names[REPORT_FORMATS][128];        /* the default file name in each format */
	char error[800];        /* why the last try wrote nothing, or "" */
	int note_scroll;        /* in that, or the question, when it does not fit */
	struct text_field path;
};

/* FORMAT's place in the menu. */
static int position(enum report_format format)
{
	for (int i = 0; i < REPORT_FORMATS; i++)
		if (menu[i].format == format)
			return i;
	return 0;
}

/* The first time: HTML, the report people send. Later, the format used
 * last. */
static void export_init(struct tui *t, void *state)
{
	(void)t;
	struct export_state *e = state;
	e->path.max = TUI_TEXT_MAX;
	e->format = REPORT_HTML;
}

void screen_export_open(struct tui *t, long long id, const char *project,
                        const char *respondent)
{
	struct export_state *e = tui_state(t, SCREEN_EXPORT);
	e->id = id;
	e->part = 0;
	e->confirm = 0;
	e->error[0] = '\0';
	e->note_scroll = 0;
	long long shown = id ? id : t->flow.id;
	if (project || respondent)
		snprintf(e->title, sizeof e->title, "Export session %lld: %s%s%s", shown,
		         project ? project : "", project && respondent ? glyph(t, GLYPH_DOT) : "",
		         respondent ? respondent : "");
	else
		snprintf(e->title, sizeof e->title, "Export session %lld", shown);
	time_t now = clock_now();
	for (int f = 0; f < REPORT_FORMATS; f++)
		if (export_default_name(project, now, (enum report_format)f, e->names[f],
		                        sizeof e->names[f]))
			snprintf(e->names[f], sizeof e->names[f], "verdict-report.%s",
			         report_format_ext((enum report_format)f));
	field_set(&e->path, e->names[e->format]);
	tui_open_over(t, SCREEN_EXPORT);
}

static void export_leave(struct tui *t, void *state)
{
	(void)t;
	struct export_state *e = state;
	e->confirm = 0;
}

static unsigned export_mode(const struct tui *t, const void *state)
{
	(void)t;
	const struct export_state *e = state;
	return e->confirm ? KC_CONFIRM : e->part ? KC_PATH : KC_EXPORT;
}

/* Whether TEXT ends with "." and EXT, in any case. */
static int has_ext(const char *text, const char *ext)
{
	size_t n = strlen(text), m = strlen(ext);
	return n > m + 1 && text[n - m - 1] == '.' && strcasecmp(text + n - m, ext) == 0;
}

/* Chooses FORMAT. The file name follows: the default name of the new
 * format when it was the old one's default, or the same name with the new
 * ending when it ended with the old format's; what else was typed stays. */
static void set_format(struct export_state *e, enum report_format format)
{
	if (format == e->format)
		return;
	enum report_format old = e->format;
	e->format = format;
	e->error[0] = '\0';
	char *typed = field_text(&e->path);
	const char *from = report_format_ext(old);
	const char *to = report_format_ext(format);
	if (strcmp(typed, e->names[old]) == 0) {
		field_set(&e->path, e->names[format]);
	} else if (has_ext(typed, from)) {
		size_t stem = strlen(typed) - strlen(from);
		char *renamed = xmalloc(stem + strlen(to) + 1);
		memcpy(renamed, typed, stem);
		strcpy(renamed + stem, to);
		size_t cur = e->path.cur;
		field_set(&e->path, renamed);
		if (cur < e->path.len)
			e->path.cur = cur;
		free(renamed);
	}
	free(typed);
}

/* TYPED as a path to write to: "~/" at its start is the home directory;
 * anything else is as typed, relative to the working directory. A new
 * string. */
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

/* The PDF of the session to PATH, drawn by verdict-pdf (export_pdf.h) from
 * the session as stored, which the walk-through saves at every answer.
 * Returns 0, or -1 with ERR saying why nothing was written; a failure of
 * the database there ends the walk-through as it would here. */
static int write_pdf(struct tui *t, struct export_state *e, const char *path, struct verror *err)
{
	long long id = e->id ? e->id : t->flow.id;
	if (!t->store || id <= 0)
		return verror_set(err, VERROR_INPUT, "No report written: a PDF is made of a saved "
		                  "session, and this one is not saved");
	char db[PATH_MAX + 8], sid[32], out[PATH_MAX + TUI_TEXT_MAX * 4 + 16];
	snprintf(db, sizeof db, "--db=%s", store_file(t->store));
	snprintf(sid, sizeof sid, "%lld", id);
	snprintf(out, sizeof out, "--output=%s", path);
	char export_word[] = "export", format[] = "--format=pdf", draft[] = "--draft";
	char *argv[] = { NULL, db, export_word, sid, format, out, draft, NULL };
	char msg[VERROR_MSG_MAX];
	int rc = cli_pdf_run(argv, msg, sizeof msg);
	if (rc == EXIT_OK)
		return 0;
	return verror_set(err, rc == EXIT_STORAGE ? VERROR_STORAGE : VERROR_INPUT, "%s",
	                  msg[0] ? msg : "No report written: verdict-pdf failed");
}

/* Writes the report to the file named, unless it is there already and
 * REPLACE is 0: then asks first. */
static void write_report(struct tui *t, struct export_state *e, int replace)
{
	const struct text_field *f = &e->path;
	size_t blank = 0;
	for (size_t i = 0; i < f->len; i++) {
		/* Typing lets none in (field.c); should one come, refuse it. */
		if (!text_char_safe(f->buf[i])) {
			snprintf(e->error, sizeof e->error, "No report written: a file name cannot "
			         "hold control characters.");
			return;
		}
		blank += f->buf[i] == L' ';
	}
	if (blank == f->len) {
		snprintf(e->error, sizeof e->error, "No report written: type a file name first.");
		return;
	}
	char *typed = field_text(f);
	char *path = resolve(typed);
	free(typed);
	struct stat sb;
	if (!replace && stat(path, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		e->confirm = 1;
		free(path);
		return;
	}
	enum report_format format = e->format;
	struct verror err;
	int rc;
	/* The config file's defaults and the locale's paper, as the command
	 * line has them. */
	struct cli_report rep;
	cli_report_init(&rep);
	struct verror bad;
	if (cli_report_load(&rep, &bad)) {
		rc = verror_set(&err, bad.kind, "No report written: %s", bad.msg);
	} else if (format == REPORT_PDF && !export_pdf_here()) {
		/* verdict-pdf reads the config file itself, as verdict export does. */
		rc = write_pdf(t, e, path, &err);
	} else if (e->id) {
		struct saved_session ss;
		struct verror why;
		rc = saved_session_load(t->store, e->id, &ss, NULL, &why);
		if (rc && why.kind == VERROR_INPUT) {
			verror_set(&err, why.kind, "No report written: session %lld cannot be loaded: %s",
			           e->id, why.msg);
		} else if (rc) {
			/* The database failed: said after the terminal is restored. */
			snprintf(t->fatal, sizeof t->fatal, "%s", why.msg);
			t->status = verror_exit_status(why.kind);
			t->quit = 1;
			cli_report_free(&rep);
			free(path);
			return;
		} else {
			/* The JSON report carries the revisions, for `verdict import`. */
			rc = format == REPORT_JSON ? saved_session_load_revisions(t->store, &ss, &err)
			                           : 0;
			if (rc == 0)
				rc = export_write_saved(format, path, &ss, &rep.opts, &err);
			saved_session_free(&ss);
		}
	} else {
		rc = export_write_session(format, path, t->flow.src, t->flow.s, t->store, t->flow.id,
		                          &rep.opts, &err);
	}
	cli_report_free(&rep);
	if (rc) {
		free(path);
		snprintf(e->error, sizeof e->error, "%s", err.msg);
		return;
	}
	e->error[0] = '\0';
	tui_close_over(t);
	tui_message(t, ROLE_GOOD, "%s report written to %s", report_format_title(format), path);
	free(path);
}

/* Draws UTF-8 text S in W columns at Y, X; when it is too wide, its end,
 * after an ellipsis. */
static void draw_tail(struct tui *t, int y, int x, int w, enum role role, const char *s)
{
	wchar_t *ws = draw_sanitize(s, 0);
	size_t n = wcslen(ws), from = n;
	int used = 0;
	if (text_width(ws, n) <= w) {
		draw_wide(t, y, x, w, role, ws, n, 0);
		free(ws);
		return;
	}
	while (from > 0 && used + text_char_width(ws[from - 1]) <= w - 1)
		used += text_char_width(ws[--from]);
	while (from < n && text_char_width(ws[from]) == 0)
		from++;         /* not a combining mark without its character */
	if (w > 1) {
		draw_text(t, y, x, 1, role, glyph(t, GLYPH_ELLIPSIS));
		draw_wide(t, y, x + 1, w - 1, role, ws + from, n - from, 0);
	}
	free(ws);
}

/* Where the file named would go, in full, into BUF. */
static void full_path(const struct export_state *e, char *buf, size_t len)
{
	char *typed = field_text(&e->path);
	char *path = resolve(typed);
	free(typed);
	char cwd[PATH_MAX];
	if (path[0] == '/')
		snprintf(buf, len, "%s", path);
	else if (getcwd(cwd, sizeof cwd))
		snprintf(buf, len, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", path);
	else
		snprintf(buf, len, "%s, in the working directory", path);
	free(path);
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

static void export_draw(struct tui *t, void *state)
{
	struct export_state *e = state;
	/* The screen underneath, dimmed; only the dialog takes clicks. */
	tui_draw_under(t);
	t->nhits = 0;
	t->cursor_y = -1;
	draw_dim(t, 1, t->rows - 2);

	int w = t->cols - 4 < BOX_WIDTH ? t->cols - 4 : BOX_WIDTH;
	int x0 = (t->cols - w) / 2;
	int inner = w - 4;                      /* from x0 + 2 */
	int cx = x0 + 2 + LABEL_WIDTH;          /* the formats and the file name */
	int cw = inner - LABEL_WIDTH;

	/* What the dialog has to say: its question, or why nothing was written. */
	char note[sizeof e->error + 200] = "";
	enum role note_role = ROLE_ERROR;
	if (e->confirm) {
		char *typed = field_text(&e->path);
		snprintf(note, sizeof note, "%s is there already. Replace it?", typed);
		free(typed);
		note_role = ROLE_WARN;
	} else if (e->error[0]) {
		snprintf(note, sizeof note, "%s", e->error);
	}
	int avail = t->rows - 2;
	int lines = note[0] ? draw_lines(note, inner) : 0;
	int compact = BASE_HEIGHT + (lines ? lines + 1 : 0) > avail;
	/* Compact: no blank row above the formats, below them, or below the
	 * file's path. */
	int room = avail - BASE_HEIGHT + (compact ? 3 : 0) - 1;
	if (lines > room)
		lines = room > 1 ? room : 1;
	int h = BASE_HEIGHT - (compact ? 3 : 0) + (lines ? lines + 1 : 0);
	int y0 = 1 + (avail - h) / 2;
	draw_box(t, y0, x0, h, w, e->title);

	int y = y0 + (compact ? 1 : 2);
	draw_text(t, y, x0 + 2, LABEL_WIDTH - 1, e->part ? ROLE_NORMAL : ROLE_TITLE, "Format");
	int blurbs = 1;
	for (int i = 0; i < REPORT_FORMATS; i++)
		blurbs &= 21 + draw_width(menu[i].blurb) <= cw;
	for (int i = 0; i < REPORT_FORMATS; i++) {
		int row = y + i, sel = menu[i].format == e->format;
		int lit = sel && !e->part && !e->confirm;
		enum role role = lit ? ROLE_SELECTED : ROLE_NORMAL;
		if (lit) {
			draw_fill(t, row, cx, cw, ROLE_SELECTED);
			draw_text(t, row, cx, 2, role, glyph(t, GLYPH_POINTER));
		}
		draw_text(t, row, cx + 2, 4, role, glyph(t, sel ? GLYPH_RADIO_ON : GLYPH_RADIO_OFF));
		draw_text(t, row, cx + 6, 9, lit ? role : sel ? ROLE_TITLE : ROLE_NORMAL,
		          report_format_title(menu[i].format));
		draw_textf(t, row, cx + 15, 6, lit ? role : ROLE_DIM, ".%s",
		           report_format_ext(menu[i].format));
		if (blurbs)
			draw_text(t, row, cx + 21, cw - 21, lit ? role : ROLE_DIM, menu[i].blurb);
		hit_add(t, row, cx, cw, ACT_PICK, i);
	}
	y += REPORT_FORMATS + (compact ? 0 : 1);

	draw_text(t, y, x0 + 2, LABEL_WIDTH - 1, e->part ? ROLE_TITLE : ROLE_NORMAL, "File");
	draw_text(t, y, cx, 1, ROLE_DIM, "[");
	field_draw(t, y, cx + 1, cw - 2, &e->path, e->part && !e->confirm);
	draw_text(t, y, cx + cw - 1, 1, ROLE_DIM, "]");
	hit_add(t, y, x0 + 2, inner, ACT_PICK, PICK_FIELD);
	char full[PATH_MAX + TUI_TEXT_MAX * 4 + 40];
	full_path(e, full, sizeof full);
	draw_tail(t, y + 1, cx + 1, cw - 2, ROLE_DIM, full);
	y += compact ? 2 : 3;

	if (lines) {
		/* Scrolled (PgUp, PgDn) when the dialog cannot grow to show it all. */
		struct pane p;
		pane_init(&p, y, x0 + 2, lines, inner, e->note_scroll);
		pane_wrapped(t, &p, 0, note_role, note);
		pane_finish(t, &p, &e->note_scroll);
		y += lines + 1;
	}
	int end = x0 + w - 2;
	if (e->confirm) {
		end = button(t, y, end, "n", "Keep it", ACT_NO) - 2;
		button(t, y, end, "y", "Replace", ACT_YES);
	} else {
		end = button(t, y, end, "Esc", "Cancel", ACT_LEAVE) - 2;
		button(t, y, end, "Enter", "Write", ACT_ACCEPT);
	}
}

/* Chooses the format at place I of the menu, if there is one. */
static void pick(struct export_state *e, int i)
{
	if (i >= 0 && i < REPORT_FORMATS)
		set_format(e, menu[i].format);
}

static void export_act(struct tui *t, void *state, enum action a, int arg)
{
	struct export_state *e = state;
	if (e->confirm && (a == ACT_PAGE_UP || a == ACT_PAGE_DOWN)) {
		keys_move_scroll(a, &e->note_scroll, 3);
		return;
	}
	if (e->confirm) {
		e->confirm = 0;
		e->note_scroll = 0;
		if (a == ACT_YES)
			write_report(t, e, 1);
		return;
	}
	int cur = position(e->format);
	e->note_scroll = a == ACT_PAGE_UP || a == ACT_PAGE_DOWN ? e->note_scroll : 0;
	switch (a) {
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		keys_move_scroll(a, &e->note_scroll, 3);
		break;
	case ACT_ACCEPT:
		write_report(t, e, 0);
		break;
	case ACT_LEAVE:
		tui_close_over(t);
		tui_message(t, ROLE_NORMAL, "Export cancelled: nothing written.");
		break;
	case ACT_NEXT_PART:
	case ACT_PREV_PART:
		e->part = !e->part;
		break;
	case ACT_UP:
	case ACT_DOWN:
		keys_move_cursor(a, &cur, REPORT_FORMATS, REPORT_FORMATS, 1);
		pick(e, cur);
		break;
	case ACT_DIGIT:
		pick(e, arg - 1);
		break;
	case ACT_PICK:
		if (arg == PICK_FIELD) {
			e->part = 1;
		} else if (arg >= 0 && arg < REPORT_FORMATS) {
			e->part = 0;
			pick(e, arg);
		}
		break;
	default:
		if (e->part && field_edit(&e->path, a, arg))
			e->error[0] = '\0';
		break;
	}
}

const struct screen_ops screen_export_ops = {
	.name = "Export",
	.context = KC_EXPORT,
	.state_size = sizeof(struct export_state),
	.init = export_init,    /* opened with screen_export_open() */
	.leave = export_leave,
	.mode = export_mode,
	.draw = export_draw,
	.act = export_act,
};
