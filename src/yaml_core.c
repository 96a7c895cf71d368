/* yaml_core.c - what a plain scalar means under YAML 1.2's core schema. */
#include "yaml_core.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether TEXT is one of the NULL-terminated WORDS. */
static int one_of(const char *text, const char *const words[])
{
	for (size_t i = 0; words[i]; i++)
		if (strcmp(text, words[i]) == 0)
			return 1;
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* [-+]?[0-9]+ */
static int is_decimal_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return 0;
	while (is_digit(*s))
		s++;
	return *s == '\0';
}

/* 0o[0-7]+ or 0x[0-9a-fA-F]+: RADIX 8 or 16, else 0. */
static int radix_of(const char *s)
{
	if (s[0] != '0' || (s[1] != 'o' && s[1] != 'x') || !s[2])
		return 0;
	int radix = s[1] == 'o' ? 8 : 16;
	for (s += 2; *s; s++) {
		int v = hex_value(*s);
		if (v < 0 || v >= radix)
			return 0;
	}
	return radix;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static int is_decimal_float(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	int digits = 0;
	while (is_digit(*s))
		s++, digits++;
	if (*s == '.') {
		s++;
		int after = 0;
		while (is_digit(*s))
			s++, after++;
		/* ".5" and "5." are numbers; "." is not. */
		if (!digits && !after)
			return 0;
		digits += after;
	}
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!is_digit(*s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	return *s == '\0';
}

int ycore_is_inf(const char *text)
{
	static const char *const inf[] = { ".inf", ".Inf", ".INF", NULL };
	if (*text == '-' || *text == '+')
		text++;
	return one_of(text, inf);
}

int ycore_is_nan(const char *text)
{
	static const char *const nan_words[] = { ".nan", ".NaN", ".NAN", NULL };
	return one_of(text, nan_words);
}

int ycore_is_null(const char *text)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	/* Only these first characters can begin a null. */
	return (text[0] == '\0' || text[0] == '~' || text[0] == 'n' || text[0] == 'N') &&
	       one_of(text, nulls);
}

enum ycore_type ycore_resolve(const char *text)
{
	static const char *const bools[] = {
		"true", "True", "TRUE", "false", "False", "FALSE", NULL,
	};
	/* Only these first characters can begin a null or a boolean. */
	switch (text[0]) {
	case '\0':
	case '~':
	case 'n':
	case 'N':
		if (ycore_is_null(text))
			return YCORE_NULL;
		break;
	case 't':
	case 'T':
	case 'f':
	case 'F':
		if (one_of(text, bools))
			return YCORE_BOOL;
		break;
	default:
		break;
	}
	if (is_decimal_int(text) || radix_of(text))
		return YCORE_INT;
	if (is_decimal_float(text) || ycore_is_inf(text) || ycore_is_nan(text))
		return YCORE_FLOAT;
	return YCORE_STR;
}

int ycore_small_integer(const char *text, double *out)
{
	const char *p = text + (*text == '-' || *text == '+');
	int64_t v = 0;
	size_t digits = 0;
	for (; is_digit(p[digits]); digits++) {
		if (digits == 15)
			return 0;
		v = v * 10 + (p[digits] - '0');
	}
	if (digits == 0 || p[digits] != '\0')
		return 0;
	*out = *text == '-' ? -(double)v : (double)v;
	return 1;
}

double ycore_number(const char *text)
{
	int radix = radix_of(text);
	if (radix) {
		double v = 0;
		for (const char *p = text + 2; *p; p++)
			v = v * radix + hex_value(*p);
		return v;
	}
	if (ycore_is_inf(text))
		return *text == '-' ? -HUGE_VAL : HUGE_VAL;
	if (is_decimal_float(text))     /* decimal integers too */
		return strtod(text, NULL);  /* ERANGE only says "rounded": the value stands */
	return nan("");
}
