/* text.c - text as a terminal shows it: sanitized, measured, cut and wrapped. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BAD_CHAR 0xFFFFFFFFu

/* Decodes one UTF-8 character from P (before END) into *C, BAD_CHAR for a
 * malformed sequence (overlong, surrogate, out of range, cut short). Returns
 * the number of bytes used, at least 1. */
static size_t utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *c)
{
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
		*c = BAD_CHAR;
		return 1;
	}
	size_t i = 1;
	for (; i <= need; i++) {
		if (p + i >= end || (p[i] & 0xC0) != 0x80) {
			*c = BAD_CHAR;
			return i;
		}
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = BAD_CHAR;
	*c = v;
	return i;
}

/* Past a control sequence's parameters and final byte (after "ESC [" or CSI). */
static const unsigned char *skip_csi(const unsigned char *p, const unsigned char *end)
{
	while (p < end && *p >= 0x20 && *p <= 0x3F)
		p++;
	while (p < end && *p >= 0x20 && *p <= 0x2F)
		p++;
	if (p < end && *p >= 0x40 && *p <= 0x7E)
		p++;
	return p;
}

/* Past a control string (OSC, DCS, SOS, PM, APC) and its terminator: BEL,
 * ESC \ or the 8-bit ST. An unterminated string runs to the end. */
static const unsigned char *skip_string(const unsigned char *p, const unsigned char *end)
{
	while (p < end) {
		if (*p == 0x07)
			return p + 1;
		if (*p == 0x1B && p + 1 < end && p[1] == '\\')
			return p + 2;
		if (*p == 0xC2 && p + 1 < end && p[1] == 0x9C)
			return p + 2;
		p++;
	}
	return p;
}

/* Past an escape sequence, P just after the ESC. */
static const unsigned char *skip_escape(const unsigned char *p, const unsigned char *end)
{
	if (p >= end)
		return p;
	switch (*p) {
	case '[':
		return skip_csi(p + 1, end);
	case ']': case 'P': case 'X': case '^': case '_':
		return skip_string(p + 1, end);
	default:
		while (p < end && *p >= 0x20 && *p <= 0x2F)
			p++;
		if (p < end && *p >= 0x30 && *p <= 0x7E)
			p++;
		return p;
	}
}

static int is_invisible_format(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

int text_char_safe(wchar_t c)
{
	uint32_t u = (uint32_t)c;
	return u >= 0x20 && !(u >= 0x7F && u < 0xA0) && !is_invisible_format(u) && u <= 0x10FFFF &&
	       wcwidth(c) >= 0;
}

wchar_t *text_sanitize(const char *text, int keep_newlines)
{
	if (!text)
		text = "";
	size_t n = strlen(text);
	wchar_t *out = malloc((n + 1) * sizeof *out);
	if (!out)
		return NULL;
	wchar_t bad = wcwidth(0xFFFD) > 0 ? (wchar_t)0xFFFD : L'?';
	const unsigned char *p = (const unsigned char *)text, *end = p + n;
	size_t o = 0;
	while (p < end) {
		uint32_t c;
		p += utf8_decode(p, end, &c);
		if (c == BAD_CHAR) {
			out[o++] = bad;
		} else if (c == 0x1B) {
			p = skip_escape(p, end);
		} else if (c == 0x9B) {
			p = skip_csi(p, end);
		} else if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F) {
			p = skip_string(p, end);
		} else if (c == '\t') {
			out[o++] = L' ';
		} else if (c == '\n') {
			out[o++] = keep_newlines ? L'\n' : L' ';
		} else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_invisible_format(c)) {
			continue;
		} else {
			out[o++] = wcwidth((wchar_t)c) < 0 ? bad : (wchar_t)c;
		}
	}
	out[o] = L'\0';
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
	char *out = malloc(n * 4 + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n && s[i]; i++) {
		uint32_t c = (uint32_t)s[i];
		if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = 0xFFFD;
		if (c < 0x80) {
			out[o++] = (char)c;
		} else if (c < 0x800) {
			out[o++] = (char)(0xC0 | (c >> 6));
			out[o++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[o++] = (char)(0xE0 | (c >> 12));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[o++] = (char)(0xF0 | (c >> 18));
			out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	out[o] = '\0';
	return out;
}
