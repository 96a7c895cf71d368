/* text.c - untrusted text made safe for where it goes (text_clean()), and
 * measured, cut and wrapped by display width. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

size_t text_utf8_decode(const char *s, size_t len, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned b = p[0];
	size_t need;
	uint32_t v, min;
	if (b < 0x80) {
		*c = b;
		return 1;
	} else if (b >= 0xC2 && b <= 0xDF) {
		need = 1, v = b & 0x1F, min = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		need = 2, v = b & 0x0F, min = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3, v = b & 0x07, min = 0x10000;
	} else {
		*c = TEXT_BAD_CHAR;
		return 1;
	}
	size_t i = 1;
	for (; i <= need; i++) {
		if (i >= len || (p[i] & 0xC0) != 0x80) {
			*c = TEXT_BAD_CHAR;
			return i;
		}
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = TEXT_BAD_CHAR;
	*c = v;
	return i;
}

size_t text_utf8_encode(uint32_t c, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

int text_code_safe(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return 0;               /* C0, DEL, C1 */
	if (c < 0x061C)
		return 1;               /* the common case, quickly */
	if (c == 0x061C || c == 0x200E || c == 0x200F)
		return 0;               /* ALM, LRM, RLM */
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return 0;               /* embeddings, overrides, isolates */
	if (c == 0xFEFF)
		return 0;               /* an invisible byte-order mark */
	return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

/* How MODE writes tab, LF or CR C: as it is, a space, or (TEXT_LINES) LF
 * for a line break. */
static void put_space(struct strbuf *out, uint32_t c, enum text_mode mode)
{
	switch (mode) {
	case TEXT_HTML:
	case TEXT_CSV:
	case TEXT_UTF8:         /* never comes here: it keeps every character */
	case TEXT_JSON:         /* only LF comes here */
		strbuf_putc(out, (char)c);
		return;
	case TEXT_LINES:
		strbuf_putc(out, c == '\t' ? ' ' : '\n');
		return;
	case TEXT_LINE:
	case TEXT_MARKDOWN:
		break;
	}
	strbuf_putc(out, ' ');
}

/* An unsafe character C, or the LEN bad bytes at P when C is TEXT_BAD_CHAR,
 * as MODE writes it. */
static void put_unsafe(struct strbuf *out, uint32_t c, const char *p, size_t len,
                       enum text_mode mode)
{
	char esc[12];
	if (mode == TEXT_LINE || mode == TEXT_LINES) {
		if (c == TEXT_BAD_CHAR) {
			for (size_t k = 0; k < len; k++) {
				snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)p[k]);
				strbuf_puts(out, esc);
			}
		} else {
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
			strbuf_puts(out, esc);
		}
	} else if (mode == TEXT_JSON && c != TEXT_BAD_CHAR) {
		snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);    /* as jansson writes C0 */
		strbuf_puts(out, esc);
	} else {
		strbuf_puts(out, "\xef\xbf\xbd");        /* U+FFFD */
	}
}

void text_clean(struct strbuf *out, const char *s, size_t len, enum text_mode mode)
{
	size_t i = 0, safe = 0;         /* s[safe..i) is safe, not yet copied */
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		uint32_t c;
		size_t k = text_utf8_decode(s + i, len - i, &c);
		if (c != TEXT_BAD_CHAR && (mode == TEXT_UTF8 || text_code_safe(c))) {
			i += k;
			continue;
		}
		strbuf_add(out, s + safe, i - safe);
		if ((c == '\t' || c == '\n' || c == '\r') && !(mode == TEXT_JSON && c != '\n')) {
			/* A CR LF pair is one line break. */
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n' && mode != TEXT_HTML &&
			    mode != TEXT_CSV)
				k = 2;
			put_space(out, c, mode);
		} else {
			put_unsafe(out, c, s + i, k, mode);
		}
		i += k;
		safe = i;
	}
	strbuf_add(out, s + safe, i - safe);
}

char *text_clean_new(const char *s, enum text_mode mode)
{
	struct strbuf b;
	strbuf_init(&b);
	if (!s)
		s = "";
	text_clean(&b, s, strlen(s), mode);
	return strbuf_take(&b, NULL);
}

int text_is_plain(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F)
			return 0;
	return 1;
}

/* Whether the LEN bytes at S are all printable ASCII (0x20-0x7E), eight at
 * a time: a byte below 0x20 or above 0x7E sets its top bit in LOW or HIGH. */
static int plain_bytes(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t low = (x - 0x20 * ones) & ~x;  /* a byte < 0x20 */
		uint64_t high = (x + ones) | x;         /* a byte >= 0x7F */
		if ((low | high) & tops)
			return 0;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F)
			return 0;
	return 1;
}

const char *text_line_cell(const char *s, size_t len, struct strbuf *scratch,
                           size_t *out_len, int *width)
{
	if (plain_bytes(s, len)) {
		*out_len = len;
		*width = (int)len;
		return s;
	}
	scratch->len = 0;
	if (scratch->data)
		scratch->data[0] = '\0';
	text_clean(scratch, s, strnlen(s, len), TEXT_LINE);
	const char *clean = strbuf_str(scratch);
	*out_len = scratch->len;
	*width = text_utf8_width(clean, scratch->len);
	return clean;
}

/* The width of code point C: as text_char_width(), 1 for a bad byte. */
static int code_width(uint32_t c)
{
	return c == TEXT_BAD_CHAR ? 1 : text_char_width((wchar_t)c);
}

int text_utf8_width(const char *s, size_t len)
{
	int w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += text_utf8_decode(s + i, len - i, &c);
		w += code_width(c);
	}
	return w;
}

size_t text_utf8_fit(const char *s, size_t len, int cols, int *width)
{
	size_t i = 0;
	int used = 0;
	while (i < len) {
		uint32_t c;
		size_t k = text_utf8_decode(s + i, len - i, &c);
		int w = code_width(c);
		if (used + w > cols)
			break;
		used += w;
		i += k;
		/* The combining marks after it go with it. */
		while (i < len) {
			size_t m = text_utf8_decode(s + i, len - i, &c);
			if (c == TEXT_BAD_CHAR || code_width(c) != 0)
				break;
			i += m;
		}
	}
	if (width)
		*width = used;
	return i;
}

/* ---- wide characters ---- */

int text_char_safe(wchar_t c)
{
	return c >= 0 && text_code_safe((uint32_t)c) && wcwidth(c) >= 0;
}

wchar_t *text_sanitize(const char *text, int keep_newlines)
{
	struct strbuf b;
	strbuf_init(&b);
	if (!text)
		text = "";
	text_clean(&b, text, strlen(text), keep_newlines ? TEXT_LINES : TEXT_LINE);
	size_t n = b.len;
	wchar_t *out = xreallocarray(NULL, n + 1, sizeof *out);
	wchar_t bad = wcwidth(0xFFFD) > 0 ? (wchar_t)0xFFFD : L'?';
	const char *p = strbuf_str(&b);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += text_utf8_decode(p + i, n - i, &c);
		if (c == '\n')
			out[o++] = L'\n';
		else
			out[o++] = c == TEXT_BAD_CHAR || wcwidth((wchar_t)c) < 0 ? bad : (wchar_t)c;
	}
	out[o] = L'\0';
	strbuf_free(&b);
	return out;
}

int text_char_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int text_width(const wchar_t *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		w += text_char_width(s[i]);
	return w;
}

/* The end of the character at I with the combining marks after it. */
static size_t cluster_end(const wchar_t *s, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && s[j] && text_char_width(s[j]) == 0)
		j++;
	return j;
}

size_t text_fit(const wchar_t *s, size_t n, int cols, int *width)
{
	size_t i = 0;
	int used = 0;
	while (i < n && s[i]) {
		int w = text_char_width(s[i]);
		if (used + w > cols)
			break;
		used += w;
		i = cluster_end(s, n, i);
	}
	if (width)
		*width = used;
	return i;
}

/* Drops the spaces at the end of a wrapped line. */
static void trim_spaces(const wchar_t *s, struct text_span *line)
{
	while (line->len > 0 && s[line->start + line->len - 1] == L' ') {
		line->len--;
		line->width--;
	}
}

int text_wrap_next(const wchar_t *s, size_t *pos, int cols, struct text_span *line)
{
	size_t i = *pos;
	if (!s[i])
		return 0;
	if (cols < 1)
		cols = 1;
	size_t start = i, brk = 0;
	int width = 0, brk_width = 0, have_brk = 0;
	while (s[i] && s[i] != L'\n') {
		int w = text_char_width(s[i]);
		size_t j = cluster_end(s, (size_t)-1, i);
		if (s[i] == L' ' && i > start) {
			brk = i;
			brk_width = width;
			have_brk = 1;
		}
		if (width + w > cols) {
			size_t next;
			if (s[i] == L' ') {
				line->len = i - start;
				line->width = width;
				next = i;
			} else if (have_brk) {
				line->len = brk - start;
				line->width = brk_width;
				next = brk;
			} else if (i == start) {
				line->len = j - start;     /* one character wider than the line */
				line->width = w;
				next = j;
			} else {
				line->len = i - start;     /* a word longer than a line */
				line->width = width;
				next = i;
			}
			while (s[next] == L' ')
				next++;
			line->start = start;
			trim_spaces(s, line);
			*pos = next;
			return 1;
		}
		width += w;
		i = j;
	}
	line->start = start;
	line->len = i - start;
	line->width = width;
	trim_spaces(s, line);
	*pos = s[i] == L'\n' ? i + 1 : i;
	return 1;
}

int text_wrap_count(const wchar_t *s, int cols)
{
	size_t pos = 0;
	struct text_span line;
	int n = 0;
	while (text_wrap_next(s, &pos, cols, &line))
		n++;
	return n ? n : 1;
}

char *text_to_utf8(const wchar_t *s, size_t n)
{
	char *out = xreallocarray(NULL, n + 1, 4);
	size_t o = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		o += text_utf8_encode((uint32_t)s[i], out + o);
	out[o] = '\0';
	return out;
}
