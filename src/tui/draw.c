/* draw.c - drawing helpers: roles, safe measured text, panes, bars, lines. */
#include "tui/draw.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

static const char *const glyphs[][2] = {
	/* [glyph] = { UTF-8, ASCII } */
	[GLYPH_RULE] = { "\u2500", "-" },
	[GLYPH_FULL] = { "\u2588", "#" },
	[GLYPH_EMPTY] = { "\u2591", "." },
	[GLYPH_ELLIPSIS] = { "\u2026", "~" },
	[GLYPH_DOT] = { " \u00b7 ", " | " },
	[GLYPH_POINTER] = { "\u25b8", ">" },
	[GLYPH_RADIO_ON] = { "(\u2022)", "(*)" },
	[GLYPH_RADIO_OFF] = { "( )", "( )" },
	[GLYPH_MORE_UP] = { "\u25b2", "^" },
	[GLYPH_MORE_DOWN] = { "\u25bc", "v" },
	[GLYPH_CARET] = { "^", "^" },
	[GLYPH_BULLET] = { "\u2022", "*" },
	[GLYPH_ARROW] = { "\u2192", "->" },
	[GLYPH_BOX_V] = { "\u2502", "|" },
	[GLYPH_BOX_TL] = { "\u250c", "+" },
	[GLYPH_BOX_TR] = { "\u2510", "+" },
	[GLYPH_BOX_BL] = { "\u2514", "+" },
	[GLYPH_BOX_BR] = { "\u2518", "+" },
};

/* Eighths of a bar cell, for the bar's ragged end. */
static const char *const eighths[8] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
};

const char *glyph(const struct tui *t, enum glyph g)
{
	return glyphs[g][t->utf8 ? 0 : 1];
}

/* Each role in colour (foreground, background, attributes; -1 is the
 * terminal's own colour) and in monochrome. */
static const struct {
	short fg, bg;
	attr_t color;
	attr_t mono;
} styles[ROLE_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_HEADER] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_TITLE] = { -1, -1, A_BOLD, A_BOLD },
	[ROLE_GROUP] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_CURRENT] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_DEFAULT] = { COLOR_CYAN, -1, A_NORMAL, A_UNDERLINE },
	[ROLE_KEY] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_BAR_WIN] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_BAR] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_BAR_EMPTY] = { -1, -1, A_DIM, A_DIM },
	[ROLE_GOOD] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_WARN] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE },
	[ROLE_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
};

void draw_setup_roles(struct tui *t)
{
	int defaults = t->color && use_default_colors() == OK;
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!t->color) {
			t->roles[r] = styles[r].mono;
			continue;
		}
		short fg = styles[r].fg, bg = styles[r].bg;
		t->roles[r] = styles[r].color;
		if (fg < 0 && bg < 0)
			continue;
		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		if (r < COLOR_PAIRS && init_pair((short)r, fg, bg) == OK)
			t->roles[r] |= COLOR_PAIR(r);
	}
}

attr_t draw_attr(const struct tui *t, enum role role)
{
	return t->roles[role];
}

int draw_wide(struct tui *t, int y, int x, int w, enum role role, const wchar_t *s, size_t n,
              int ellipsis)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return 0;
	if (x + w > t->cols)
		w = t->cols - x;
	if (w <= 0)
		return 0;
	int used;
	size_t fit = text_fit(s, n, w, &used);
	int cut = ellipsis && fit < n && s[fit];
	if (cut)
		fit = text_fit(s, n, w - 1, &used);
	wattrset(stdscr, (int)t->roles[role]);
	move(y, x);
	if (fit)
		addnwstr(s, (int)fit);
	if (cut) {
		addstr(glyph(t, GLYPH_ELLIPSIS));
		used++;
	}
	wattrset(stdscr, A_NORMAL);
	return used;
}

wchar_t *draw_sanitize(const char *s, int keep_newlines)
{
	return text_sanitize(s, keep_newlines);
}

int draw_text(struct tui *t, int y, int x, int w, enum role role, const char *s)
{
	if (y < 0 || y >= t->rows || w <= 0)
		return 0;
	wchar_t *ws = draw_sanitize(s, 0);
	int used = draw_wide(t, y, x, w, role, ws, wcslen(ws), 1);
	free(ws);
	return used;
}

int draw_textf(struct tui *t, int y, int x, int w, enum role role, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return draw_text(t, y, x, w, role, buf);
}

int draw_width(const char *s)
{
	wchar_t *ws = draw_sanitize(s, 0);
	int w = text_width(ws, wcslen(ws));
	free(ws);
	return w;
}

int draw_lines(const char *s, int cols)
{
	wchar_t *ws = draw_sanitize(s, 1);
	int n = text_wrap_count(ws, cols);
	free(ws);
	return n;
}

void draw_fill(struct tui *t, int y, int x, int w, enum role role)
{
	if (y < 0 || y >= t->rows || x < 0)
		return;
	if (x + w > t->cols)
		w = t->cols - x;
	if (w <= 0)
		return;
	wattrset(stdscr, (int)t->roles[role]);
	mvhline(y, x, ' ', w);
	wattrset(stdscr, A_NORMAL);
}

void pane_init(struct pane *p, int top, int left, int height, int width, int scroll)
{
	p->top = top;
	p->left = left;
	p->height = height > 0 ? height : 0;
	p->width = width > 1 ? width : 1;
	p->scroll = scroll > 0 ? scroll : 0;
	p->y = 0;
}

int pane_row(const struct pane *p, int line)
{
	int r = line - p->scroll;
	return r >= 0 && r < p->height ? p->top + r : -1;
}

void pane_text(struct tui *t, struct pane *p, int indent, enum role role, const char *s)
{
	int row = pane_row(p, p->y++);
	if (row >= 0)
		draw_text(t, row, p->left + indent, p->width - indent, role, s);
}

int pane_wrapped(struct tui *t, struct pane *p, int indent, enum role role, const char *s)
{
	wchar_t *ws = draw_sanitize(s, 1);
	int cols = p->width - indent;
	size_t pos = 0;
	struct text_span line;
	int n = 0;
	while (text_wrap_next(ws, &pos, cols, &line)) {
		int row = pane_row(p, p->y);
		if (row >= 0)
			draw_wide(t, row, p->left + indent, cols, role, ws + line.start, line.len, 0);
		p->y++;
		n++;
	}
	if (!n) {
		p->y++;
		n = 1;
	}
	free(ws);
	return n;
}

int pane_cell(struct tui *t, const struct pane *p, int line, int indent, int w, enum role role,
              const char *s)
{
	struct pane cell = *p;
	cell.y = line;
	cell.width = indent + (w > 1 ? w : 1);
	return pane_wrapped(t, &cell, indent, role, s);
}

void pane_blank(struct pane *p)
{
	p->y++;
}

void pane_follow(struct tui *t, const struct pane *p, int from, int to, int *scroll)
{
	int want = *scroll;
	if (to - from > p->height || from < want)
		want = from;
	else if (to > want + p->height)
		want = to - p->height;
	if (want < 0)
		want = 0;
	if (want != *scroll) {
		*scroll = want;
		t->again = 1;
	}
}

void pane_finish(struct tui *t, const struct pane *p, int *scroll)
{
	int max = p->y - p->height;
	if (max < 0)
		max = 0;
	if (*scroll > max) {
		*scroll = max;
		t->again = 1;
	}
	int x = p->left + p->width;
	if (x >= t->cols || p->height <= 0)
		return;
	wattrset(stdscr, (int)t->roles[ROLE_DIM]);
	if (*scroll > 0)
		mvaddstr(p->top, x, glyph(t, GLYPH_MORE_UP));
	if (p->y > *scroll + p->height)
		mvaddstr(p->top + p->height - 1, x, glyph(t, GLYPH_MORE_DOWN));
	wattrset(stdscr, A_NORMAL);
}

void draw_bar(struct tui *t, int y, int x, int w, double fraction, enum role fill)
{
	if (w <= 0 || y < 0 || y >= t->rows)
		return;
	if (!(fraction > 0))
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	int eighth_cells = (int)lround(fraction * w * 8);
	int full = eighth_cells / 8, part = t->utf8 ? eighth_cells % 8 : 0;
	if (!t->utf8 && eighth_cells % 8 >= 4 && full < w)
		full++;
	move(y, x);
	wattrset(stdscr, (int)t->roles[fill]);
	for (int i = 0; i < full; i++)
		addstr(glyph(t, GLYPH_FULL));
	if (part)
		addstr(eighths[part]);
	wattrset(stdscr, (int)t->roles[ROLE_BAR_EMPTY]);
	for (int i = full + (part ? 1 : 0); i < w; i++)
		addstr(glyph(t, GLYPH_EMPTY));
	wattrset(stdscr, A_NORMAL);
}

/* Puts glyph G at Y, X when that is on the screen. */
static void put_glyph(struct tui *t, int y, int x, enum glyph g)
{
	if (y >= 0 && y < t->rows && x >= 0 && x < t->cols)
		mvaddstr(y, x, glyph(t, g));
}

void draw_box(struct tui *t, int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	for (int r = 0; r < h; r++)
		draw_fill(t, y + r, x, w, ROLE_NORMAL);
	wattrset(stdscr, (int)t->roles[ROLE_NORMAL]);
	for (int c = 1; c < w - 1; c++) {
		put_glyph(t, y, x + c, GLYPH_RULE);
		put_glyph(t, y + h - 1, x + c, GLYPH_RULE);
	}
	for (int r = 1; r < h - 1; r++) {
		put_glyph(t, y + r, x, GLYPH_BOX_V);
		put_glyph(t, y + r, x + w - 1, GLYPH_BOX_V);
	}
	put_glyph(t, y, x, GLYPH_BOX_TL);
	put_glyph(t, y, x + w - 1, GLYPH_BOX_TR);
	put_glyph(t, y + h - 1, x, GLYPH_BOX_BL);
	put_glyph(t, y + h - 1, x + w - 1, GLYPH_BOX_BR);
	wattrset(stdscr, A_NORMAL);
	if (title && w > 8) {
		int used = draw_text(t, y, x + 3, w - 8, ROLE_GROUP, title);
		draw_fill(t, y, x + 2, 1, ROLE_NORMAL);
		draw_fill(t, y, x + 3 + used, 1, ROLE_NORMAL);
	}
}

void draw_dim(struct tui *t, int top, int bottom)
{
	for (int y = top; y <= bottom && y < t->rows; y++)
		if (y >= 0)
			mvchgat(y, 0, t->cols, A_DIM, 0, NULL);
}

void draw_rule(struct tui *t, int y, const char *left, const char *right)
{
	if (y < 0 || y >= t->rows)
		return;
	int x0 = 1, x1 = t->cols - 1;
	wattrset(stdscr, (int)t->roles[ROLE_DIM]);
	for (int x = x0; x < x1; x++)
		mvaddstr(y, x, glyph(t, GLYPH_RULE));
	wattrset(stdscr, A_NORMAL);
	int rw = 0;
	if (right) {
		rw = draw_width(right) + 2;
		if (rw > (x1 - x0) / 2)
			rw = (x1 - x0) / 2;
		int x = x1 - 2 - rw;
		mvaddch(y, x, ' ');
		draw_text(t, y, x + 1, rw - 2, ROLE_GROUP, right);
		mvaddch(y, x + rw - 1, ' ');
	}
	if (left) {
		int room = x1 - x0 - 2 - rw - 4;
		if (room > 2) {
			mvaddch(y, x0 + 2, ' ');
			int w = draw_text(t, y, x0 + 3, room - 2, ROLE_GROUP, left);
			mvaddch(y, x0 + 3 + w, ' ');
		}
	}
}

void draw_header(struct tui *t)
{
	draw_fill(t, 0, 0, t->cols, ROLE_HEADER);
	const struct criteria *c = t->flow.c;
	char right[256] = "";
	if (t->flow.s && (t->flow.s->project || t->flow.s->respondent))
		snprintf(right, sizeof right, "%s%s%s", t->flow.s->project ? t->flow.s->project : "",
		         t->flow.s->project && t->flow.s->respondent ? glyph(t, GLYPH_DOT) : "",
		         t->flow.s->respondent ? t->flow.s->respondent : "");
	else if (t->flow.id)
		snprintf(right, sizeof right, "session %lld", t->flow.id);
	int rw = right[0] ? draw_width(right) : 0;
	if (rw > t->cols / 3)
		rw = t->cols / 3;
	int used = draw_text(t, 0, 1, 7, ROLE_HEADER, "verdict");
	char title[512];
	snprintf(title, sizeof title, "%s%s", glyph(t, GLYPH_DOT), c->title);
	draw_text(t, 0, 1 + used, t->cols - 2 - used - (rw ? rw + 2 : 0), ROLE_HEADER, title);
	if (rw)
		draw_text(t, 0, t->cols - 1 - rw, rw, ROLE_HEADER, right);
}

#define KC_EVERY (KC_START | KC_PROFILE | KC_CRITERION | KC_REVIEW | KC_RESULTS | KC_HISTORY | \
                  KC_WEIGHING | KC_PAIRWISE | KC_CONSISTENCY)

/* Draws the hint "KEYS|WHAT" at X on row Y, registering it for clicks.
 * Returns its width. */
static int draw_hint(struct tui *t, int y, int x, const char *hint, enum action a, int arg)
{
	const char *bar = strchr(hint, '|');
	char keys[64];
	size_t n = bar ? (size_t)(bar - hint) : strlen(hint);
	if (n >= sizeof keys)
		n = sizeof keys - 1;
	memcpy(keys, hint, n);
	keys[n] = '\0';
	int w = draw_text(t, y, x, t->cols - x, ROLE_KEY, keys);
	if (bar) {
		mvaddch(y, x + w, ' ');
		w += 1 + draw_text(t, y, x + w + 1, t->cols - x - w - 1, ROLE_NORMAL, bar + 1);
	}
	hit_add(t, y, x, w, a, arg);
	return w;
}

/* The width of hint "KEYS|WHAT" as drawn. */
static int hint_width(const char *hint)
{
	return draw_width(hint);        /* the bar is drawn as a space */
}

void draw_digits(const struct criteria *c, char *buf, size_t len)
{
	int lo = c->scale.min, hi = c->scale.max > 9 ? 9 : c->scale.max;
	if (lo > 9)
		snprintf(buf, len, "digits");
	else
		snprintf(buf, len, "%d-%d", lo, hi);
}

/* Whether the hint of row B goes at the right end: it works everywhere. */
static int hint_everywhere(const struct key_binding *b)
{
	return (b->where & KC_EVERY) == KC_EVERY;
}

/* Expands row B's hint into BUF; when SHORT, without its "(...)" part. */
static void hint_text(const struct tui *t, const struct key_binding *b, const char *digits,
                      int shorter, char *buf, size_t len)
{
	keys_expand(b->hint, t->utf8, digits, buf, len);
	char *paren = shorter ? strstr(buf, " (") : NULL;
	if (paren)
		*paren = '\0';
}

/* The width of every hint of CONTEXT on one line. */
static int hints_width(const struct tui *t, unsigned context, const char *digits, int shorter)
{
	char hint[128];
	int w = 0, dotw = draw_width(glyph(t, GLYPH_DOT));
	for (size_t i = 0; i < keys_count; i++) {
		const struct key_binding *b = &keys_table[i];
		if (!b->hint || !(b->where & context))
			continue;
		hint_text(t, b, digits, shorter, hint, sizeof hint);
		w += (w ? dotw : 0) + hint_width(hint);
	}
	return w + 4;
}

void draw_footer(struct tui *t, unsigned context)
{
	int y = t->rows - 1;
	if (t->message[0]) {
		/* Whole, however narrow the terminal: a longer message rises over
		 * the lines above, until the next key. */
		int lines = draw_lines(t->message, t->cols - 2);
		if (lines > t->rows - 1)
			lines = t->rows - 1;
		struct pane p;
		pane_init(&p, y - lines + 1, 1, lines, t->cols - 2, 0);
		for (int r = p.top; r <= y; r++)
			draw_fill(t, r, 0, t->cols, ROLE_NORMAL);
		pane_wrapped(t, &p, 0, t->message_role, t->message);
		return;
	}
	const struct criteria *c = t->flow.c;
	char digits[32];
	draw_digits(c, digits, sizeof digits);
	const char *dot = glyph(t, GLYPH_DOT);
	int dotw = draw_width(dot);
	int shorter = hints_width(t, context, digits, 0) > t->cols;
	/* What works everywhere goes at the right end, the rest from the left. */
	char hint[128];
	int right = 0;
	for (size_t i = 0; i < keys_count; i++) {
		const struct key_binding *b = &keys_table[i];
		if (!b->hint || !(b->where & context) || !hint_everywhere(b))
			continue;
		hint_text(t, b, digits, shorter, hint, sizeof hint);
		right += (right ? dotw : 0) + hint_width(hint);
	}
	int rx = t->cols - 1 - right, x = rx;
	for (size_t i = 0; i < keys_count; i++) {
		const struct key_binding *b = &keys_table[i];
		if (!b->hint || !(b->where & context) || !hint_everywhere(b))
			continue;
		hint_text(t, b, digits, shorter, hint, sizeof hint);
		if (x > rx)
			x += draw_text(t, y, x, dotw, ROLE_DIM, dot);
		x += draw_hint(t, y, x, hint, b->action, b->arg);
	}
	/* Those that do not fit are left out, and "…" says so (? lists every
	 * key): room is kept for it when not all fit. */
	int all = 1, limit = rx - 2;
	for (int pass = 0; pass < 2; pass++) {
		x = 1;
		int dropped = 0;
		for (size_t i = 0; i < keys_count; i++) {
			const struct key_binding *b = &keys_table[i];
			if (!b->hint || !(b->where & context) || hint_everywhere(b))
				continue;
			hint_text(t, b, digits, shorter, hint, sizeof hint);
			int w = hint_width(hint);
			if (x + (x > 1 ? dotw : 0) + w > limit) {
				dropped = 1;
				continue;
			}
			if (x > 1)
				x += pass ? draw_text(t, y, x, dotw, ROLE_DIM, dot) : dotw;
			x += pass ? draw_hint(t, y, x, hint, b->action, b->arg) : w;
		}
		if (pass == 0) {
			all = !dropped;
			if (!all)
				limit -= dotw + (t->utf8 ? 1 : 3);
		} else if (!all) {
			const char *more = t->utf8 ? "\u2026" : "...";
			if (x > 1)
				x += draw_text(t, y, x, dotw, ROLE_DIM, dot);
			int mw = draw_text(t, y, x, draw_width(more), ROLE_KEY, more);
			hit_add(t, y, x, mw, ACT_HELP, 0);
		}
	}
}

void draw_too_small(struct tui *t)
{
	char text[512];
	snprintf(text, sizeof text,
	         "Make the terminal larger, please.\n\n"
	         "verdict needs at least %d x %d; this one is %d x %d.\n\n"
	         "Your answers are saved. q quits.",
	         TUI_MIN_COLS, TUI_MIN_ROWS, t->cols, t->rows);
	struct pane p;
	pane_init(&p, 0, 1, t->rows, t->cols - 2, 0);
	pane_wrapped(t, &p, 0, ROLE_NORMAL, text);
}

void hit_add(struct tui *t, int y, int x, int w, enum action action, int arg)
{
	if (t->nhits >= TUI_HITS_MAX || w <= 0)
		return;
	t->hits[t->nhits++] = (struct hit){ y, x, w, action, arg };
}

const struct hit *hit_find(const struct tui *t, int y, int x)
{
	for (int i = t->nhits - 1; i >= 0; i--) {
		const struct hit *h = &t->hits[i];
		if (h->y == y && x >= h->x && x < h->x + h->w)
			return h;
	}
	return NULL;
}
