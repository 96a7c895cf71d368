/* text.h - text as a terminal shows it: untrusted UTF-8 made safe, measured by
 * display width, cut and wrapped.
 *
 * Pure functions: no curses, no I/O, no globals. Text from a criteria file or
 * typed by a person goes through text_sanitize() before it reaches the
 * screen, so control characters and escape sequences never do. Widths are
 * display columns (wcwidth), so wide and combining characters line up. */
#ifndef VERDICT_TUI_TEXT_H
#define VERDICT_TUI_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decodes UTF-8 TEXT (NULL reads as "") into a new wide string that is safe to
 * print: escape sequences (CSI, OSC, DCS and the like, 7- and 8-bit) and
 * control characters are removed, tabs become spaces, bidirectional overrides
 * are dropped, bytes that are not UTF-8 and characters the terminal cannot
 * show become U+FFFD (or '?' where the locale has no such character). Line
 * feeds are kept when KEEP_NEWLINES, otherwise they become spaces. The caller
 * frees the result; NULL on allocation failure. */
wchar_t *text_sanitize(const char *text, int keep_newlines);

/* Whether character C may go to the terminal as it is: not a control
 * character, not an invisible mark that reorders text, and one the terminal
 * can show (what text_sanitize() keeps unchanged). */
int text_char_safe(wchar_t c);

/* The display width of one character: 0 for combining marks, 2 for wide
 * characters, 1 for anything wcwidth() cannot measure. */
int text_char_width(wchar_t c);

/* The display width of the first N characters of S. */
int text_width(const wchar_t *s, size_t n);

/* How many of the first N characters of S fit in COLS columns, never splitting
 * a character from the combining marks after it. Their width goes to *WIDTH
 * when WIDTH is not NULL. */
size_t text_fit(const wchar_t *s, size_t n, int cols, int *width);

/* One line of wrapped text: LEN characters from START, WIDTH columns wide. */
struct text_span {
	size_t start;
	size_t len;
	int width;
};

/* Wraps S (a sanitized string) to COLS columns, one line per call: breaks at
 * spaces where it can, splits words longer than a line, starts a new line at
 * each line feed and drops the spaces at a break. *POS starts at 0. Returns 1
 * with the next line in *LINE, or 0 when the text is used up. */
int text_wrap_next(const wchar_t *s, size_t *pos, int cols, struct text_span *line);

/* The number of lines text_wrap_next() makes of S at COLS columns (at least 1). */
int text_wrap_count(const wchar_t *s, int cols);

/* Encodes the first N characters of S as a new UTF-8 string, which the caller
 * frees; NULL on allocation failure. */
char *text_to_utf8(const wchar_t *s, size_t n);

#endif
