/* glossary.c - which glossary terms a text uses. */
#include "glossary.h"

static int is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A byte that can be part of a word: ASCII letters and digits, and every
 * byte of a multi-byte UTF-8 character (letters of other scripts). */
static int is_word(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch >= 0x80;
}

static unsigned char lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

/* The length of TEXT's match of TERM at its start, or 0. */
static size_t match_at(const unsigned char *text, const unsigned char *term)
{
	const unsigned char *t = text, *p = term;
	while (*p) {
		if (is_space(*p)) {
			if (!is_space(*t))
				return 0;
			while (is_space(*p))
				p++;
			while (is_space(*t))
				t++;
			continue;
		}
		if (lower(*t) != lower(*p))
			return 0;
		t++;
		p++;
	}
	return (size_t)(t - text);
}

int glossary_mentions(const char *text, const char *term)
{
	const unsigned char *s = (const unsigned char *)text, *w = (const unsigned char *)term;
	while (is_space(*w))
		w++;
	if (!*w)
		return 0;
	for (size_t i = 0; s[i]; i++) {
		if (i > 0 && is_word(s[i - 1]) && is_word(w[0]))
			continue;
		size_t n = match_at(s + i, w);
		if (!n)
			continue;
		/* The term's own last byte decides whether a boundary is needed. */
		size_t tl = 0;
		while (w[tl])
			tl++;
		while (tl > 0 && is_space(w[tl - 1]))
			tl--;
		/* A plural "s" may follow: "frameworks" uses "framework". */
		size_t end = i + n;
		if (tl && w[tl - 1] != 's' && s[end] == 's' && !is_word(s[end + 1]))
			end++;
		if (tl && is_word(w[tl - 1]) && is_word(s[end]))
			continue;
		return 1;
	}
	return 0;
}

size_t glossary_find(const struct criteria *c, const char *text, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t g = 0; g < c->nglossary; g++) {
		if (!glossary_mentions(text, c->glossary[g].term))
			continue;
		if (n < max)
			out[n] = g;
		n++;
	}
	return n;
}
