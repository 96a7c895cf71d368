/* text.h - untrusted text made safe for where it goes, and measured by
 * display width: the one text module every face and report uses.
 *
 * Names, titles, ids, notes and file names come from criteria files, answers
 * files, the database and the command line: whoever wrote them may have put
 * in bytes that drive a terminal (ESC, the 8-bit CSI U+009B, OSC 52 that
 * writes the clipboard, a BEL) or marks that reorder what is shown (U+202E).
 * text_clean() is the one function that decides what such a character
 * becomes, for every destination (enum text_mode):
 *
 *   - on a terminal it is shown as a visible escape, \uXXXX for a character
 *     (four lowercase hex digits: "\u001b", "\u009b", "\u202e") and \xHH for
 *     a byte that is not UTF-8 ("\xff");
 *   - in Markdown, HTML and CSV reports it becomes U+FFFD;
 *   - in JSON it becomes the JSON escape \uXXXX (upper-case hex, as jansson
 *     writes the C0 controls: "\u009B"), which reads back as the very same
 *     character (nothing is lost) and is harmless on a terminal.
 *
 * The characters treated so (text_code_safe() says no): the C0 controls
 * U+0000-U+001F, DEL U+007F, the C1 controls U+0080-U+009F, the bidirectional
 * controls U+202A-U+202E (embeddings, overrides, pop) and U+2066-U+2069
 * (isolates), the marks U+200E, U+200F and U+061C, and U+FEFF; plus bytes
 * that are not UTF-8 (overlong forms, surrogates, past U+10FFFF, cut short).
 * Tab, line feed and carriage return are layout, not attacks: each mode
 * says what becomes of them.
 *
 * Pure functions: no curses, no I/O, no globals. Widths are display columns
 * (wcwidth() in the current locale), so wide and combining characters line
 * up. text_print.h writes cleaned text to a stream. */
#ifndef VERDICT_TEXT_H
#define VERDICT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "strbuf.h"

/* Where the text goes, which decides what tab, LF and CR become and how an
 * unsafe character is written. */
enum text_mode {
	TEXT_LINE,      /* terminal, one line: tab, LF, CR and CR LF are one space each;
	                 * unsafe characters \uXXXX, bad bytes \xHH */
	TEXT_LINES,     /* terminal, several lines: LF stays, CR and CR LF become LF,
	                 * tab a space; the rest as TEXT_LINE */
	TEXT_JSON,      /* JSON text (jansson's, whose strings hold no raw controls):
	                 * LF (its layout) stays, every other unsafe character is
	                 * written \uXXXX with upper-case hex as jansson writes
	                 * C0 controls, a JSON escape of that same character; bad
	                 * bytes (jansson makes none) U+FFFD */
	TEXT_MARKDOWN,  /* tab, LF, CR and CR LF a space each (a text stays on its
	                 * line); other unsafe characters and bad bytes U+FFFD */
	TEXT_HTML,      /* tab, LF and CR stay (HTML white space); the rest U+FFFD */
	TEXT_CSV,       /* tab, LF and CR stay (data, quoted by the writer); the rest
	                 * U+FFFD */
	TEXT_UTF8,      /* not for output: only bad bytes become U+FFFD, every
	                 * character stays, controls too; for text from the
	                 * database on its way into jansson, which takes only
	                 * UTF-8 and escapes controls itself (then TEXT_JSON) */
};

/* What utf8 decoding gives for a malformed sequence. */
#define TEXT_BAD_CHAR 0xFFFFFFFFu

/* Decodes one UTF-8 character from P (LEN > 0 bytes) into *C, TEXT_BAD_CHAR
 * for a malformed sequence (overlong, surrogate, past U+10FFFF, cut short).
 * Returns the number of bytes used, at least 1. */
size_t text_utf8_decode(const char *p, size_t len, uint32_t *c);

/* Encodes code point C (at most U+10FFFF, not a surrogate; anything else
 * becomes U+FFFD) as UTF-8 into OUT, which has room for 4 bytes. Returns the
 * number of bytes written, 1 to 4. */
size_t text_utf8_encode(uint32_t c, char *out);

/* Whether code point C may go anywhere as it is: not one of the characters
 * above. Tab, LF and CR are not safe here; the modes place them. */
int text_code_safe(uint32_t c);

/* Appends LEN bytes of S (which may hold NUL bytes), made safe for MODE, to
 * OUT. Safe characters are copied byte for byte. */
void text_clean(struct strbuf *out, const char *s, size_t len, enum text_mode mode);

/* S (NULL reads as "") made safe for MODE, as a new string the caller frees;
 * never NULL. */
char *text_clean_new(const char *s, enum text_mode mode);

/* Whether S is printable ASCII only (0x20-0x7E): text_clean() would copy it
 * as it is, and each byte is one column. */
int text_is_plain(const char *s);

/* One cell of a terminal table: S, a string of LEN bytes (SQLite's text,
 * which may hold a NUL: the text ends at the first one, as a C string does),
 * cleaned for one line (TEXT_LINE), with its display width in *WIDTH and its
 * length in *OUT_LEN. Printable ASCII, the common case, is checked a word at
 * a time and returned as it is (S itself, width = length, nothing copied);
 * other text is cleaned into SCRATCH (emptied first) and its text returned,
 * valid until SCRATCH changes. */
const char *text_line_cell(const char *s, size_t len, struct strbuf *scratch,
                           size_t *out_len, int *width);

/* The display width of LEN bytes of UTF-8 text S (already cleaned): 0 for a
 * combining mark, 2 for a wide character, 1 for anything wcwidth() cannot
 * measure. */
int text_utf8_width(const char *s, size_t len);

/* How many of the LEN bytes of UTF-8 text S fit in COLS columns: whole
 * characters, never one split from the combining marks after it. Their
 * width goes to *WIDTH when WIDTH is not NULL. */
size_t text_utf8_fit(const char *s, size_t len, int cols, int *width);

/* ---- wide characters, for curses ---- */

/* TEXT (NULL reads as "") cleaned as text_clean() does for a terminal
 * (TEXT_LINES when KEEP_NEWLINES, else TEXT_LINE), as a new wide string;
 * characters the locale cannot show become U+FFFD, or '?' where the locale
 * has no such character. The caller frees it; never NULL. */
wchar_t *text_sanitize(const char *text, int keep_newlines);

/* Whether character C may go to the terminal as it is: text_code_safe() and
 * one the locale can show. What can be typed into a field. */
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
 * frees; never NULL. */
char *text_to_utf8(const wchar_t *s, size_t n);

#endif
