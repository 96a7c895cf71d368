/* draw.h - drawing helpers for the screens: roles, text that is sanitized,
 * measured by display width and cut with an ellipsis, wrapped paragraphs,
 * scrolled panes, bars, the top and bottom lines, and click targets.
 *
 * All text goes through text_sanitize() on its way to the terminal. */
#ifndef VERDICT_TUI_DRAW_H
#define VERDICT_TUI_DRAW_H

#include <stddef.h>
#include <wchar.h>

#include "tui/tui.h"

/* Glyphs, as characters where the locale is UTF-8 and ASCII elsewhere. */
enum glyph {
	GLYPH_RULE,             /* a horizontal line */
	GLYPH_FULL,             /* a filled bar cell */
	GLYPH_EMPTY,            /* an empty bar cell */
	GLYPH_ELLIPSIS,
	GLYPH_DOT,              /* the separator between hints */
	GLYPH_POINTER,          /* the highlight's mark */
	GLYPH_RADIO_ON,
	GLYPH_RADIO_OFF,
	GLYPH_MORE_UP,
	GLYPH_MORE_DOWN,
	GLYPH_CARET,            /* points up at the default weight */
	GLYPH_BULLET,
	GLYPH_ARROW,            /* "from ... to" */
	GLYPH_BOX_V,            /* a box's sides; its top and bottom are GLYPH_RULE */
	GLYPH_BOX_TL,           /* its corners */
	GLYPH_BOX_TR,
	GLYPH_BOX_BL,
	GLYPH_BOX_BR,
};

const char *glyph(const struct tui *t, enum glyph g);

/* Chooses the colours, or monochrome attributes, of each role. */
void draw_setup_roles(struct tui *t);
attr_t draw_attr(const struct tui *t, enum role role);

/* text_sanitize(S, KEEP_NEWLINES), never NULL: running out of memory ends
 * verdict (xalloc.h). The caller frees it. */
wchar_t *draw_sanitize(const char *s, int keep_newlines);

/* Draws UTF-8 text S on row Y from column X in at most W columns, cut with an
 * ellipsis when it does not fit. Returns the columns used. */
int draw_text(struct tui *t, int y, int x, int w, enum role role, const char *s);
/* The same for N characters of a sanitized wide string, cut short without an
 * ellipsis unless ELLIPSIS. */
int draw_wide(struct tui *t, int y, int x, int w, enum role role, const wchar_t *s, size_t n,
              int ellipsis);
/* printf-style draw_text(). */
int draw_textf(struct tui *t, int y, int x, int w, enum role role, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The display width of UTF-8 text S once sanitized. */
int draw_width(const char *s);
/* The number of lines UTF-8 text S takes wrapped at COLS columns. */
int draw_lines(const char *s, int cols);
/* Fills W columns of row Y from X with ROLE's attributes (blanks). */
void draw_fill(struct tui *t, int y, int x, int w, enum role role);

/* A scrolled region: document lines from SCROLL shown on screen rows TOP to
 * TOP + HEIGHT - 1, columns LEFT to LEFT + WIDTH - 1. Y is the next document
 * line to lay out; after drawing it is the document's height. */
struct pane {
	int top, left, height, width;
	int scroll;
	int y;
};

void pane_init(struct pane *p, int top, int left, int height, int width, int scroll);
/* The screen row of document line LINE, or -1 when it is scrolled out of view. */
int pane_row(const struct pane *p, int line);
/* Lays out one line of UTF-8 text at INDENT, cut to fit. */
void pane_text(struct tui *t, struct pane *p, int indent, enum role role, const char *s);
/* Lays out UTF-8 text wrapped at INDENT; returns its number of lines. Line
 * feeds in S start new lines. */
int pane_wrapped(struct tui *t, struct pane *p, int indent, enum role role, const char *s);
/* A table cell: UTF-8 text S wrapped in W columns from INDENT, starting at
 * document line LINE, leaving the pane's next line where it is. Returns the
 * cell's number of lines, so that a row is as tall as its tallest cell. */
int pane_cell(struct tui *t, const struct pane *p, int line, int indent, int w, enum role role,
              const char *s);
/* An empty line. */
void pane_blank(struct pane *p);
/* Keeps document lines FROM to TO - 1 in view, moving *SCROLL if it must
 * (and asking for another draw). */
void pane_follow(struct tui *t, const struct pane *p, int from, int to, int *scroll);
/* After laying out: pulls *SCROLL back when the document got shorter, and
 * marks more text above or below in the right margin. */
void pane_finish(struct tui *t, const struct pane *p, int *scroll);

/* A box of H rows and W columns at Y, X, its inside cleared, with TITLE (or
 * NULL) in its top line. */
void draw_box(struct tui *t, int y, int x, int h, int w, const char *title);
/* Dims rows TOP to BOTTOM, colours and all: what lies under a dialog. */
void draw_dim(struct tui *t, int top, int bottom);

/* A horizontal bar W columns wide, FRACTION (0..1) of it filled. */
void draw_bar(struct tui *t, int y, int x, int w, double fraction, enum role fill);

/* A rule across row Y with LEFT near its start and RIGHT near its end
 * (either may be NULL): "- Technical ------------ 4 of 19 -". */
void draw_rule(struct tui *t, int y, const char *left, const char *right);

/* The top line: verdict, the criteria title, and the session's names. */
void draw_header(struct tui *t);
/* The bottom line: the key table's hints for CONTEXT, which a click runs, or
 * the message of the moment. */
void draw_footer(struct tui *t, unsigned context);
/* The message shown instead of the screens when the terminal is too small. */
void draw_too_small(struct tui *t);

/* Registers a click target of W columns at Y, X. */
void hit_add(struct tui *t, int y, int x, int w, enum action action, int arg);
/* The click target at Y, X, or NULL. */
const struct hit *hit_find(const struct tui *t, int y, int x);

/* The digits that pick a weight on C's scale, e.g. "0-5", into BUF. */
void draw_digits(const struct criteria *c, char *buf, size_t len);

#endif
