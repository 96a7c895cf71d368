/* text_print.c - printf() whose %s arguments are cleaned, and cleaned text
 * written to a stream. */
#include "text_print.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

/* S (LEN bytes) cleaned for one line, cut to PREC columns when PREC >= 0,
 * and padded with spaces to WIDTH columns, on the left unless LEFT. */
static void put_field(struct strbuf *out, const char *s, size_t len, int left, int width,
                      int prec)
{
	struct strbuf clean;
	strbuf_init(&clean);
	text_clean(&clean, s, len, TEXT_LINE);
	const char *t = strbuf_str(&clean);
	size_t n = clean.len;
	int cols;
	if (prec >= 0)
		n = text_utf8_fit(t, n, prec, &cols);
	else
		cols = text_utf8_width(t, n);
	int pad = width > cols ? width - cols : 0;
	for (int i = 0; !left && i < pad; i++)
		strbuf_putc(out, ' ');
	strbuf_add(out, t, n);
	for (int i = 0; left && i < pad; i++)
		strbuf_putc(out, ' ');
	strbuf_free(&clean);
}

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T, LEN_LD };

/* The conversion's length modifier at *P, which moves past it. */
static enum length length_at(const char **p)
{
	const char *s = *p;
	enum length len = LEN_NONE;
	switch (*s) {
	case 'h':
		len = s[1] == 'h' ? LEN_HH : LEN_H;
		break;
	case 'l':
		len = s[1] == 'l' ? LEN_LL : LEN_L;
		break;
	case 'z':
		len = LEN_Z;
		break;
	case 'j':
		len = LEN_J;
		break;
	case 't':
		len = LEN_T;
		break;
	case 'L':
		len = LEN_LD;
		break;
	default:
		return LEN_NONE;
	}
	*p = s + (len == LEN_HH || len == LEN_LL ? 2 : 1);
	return len;
}

/* A number's conversion, with the format SF rebuilt without '*'. The format
 * is not a literal, but it is one conversion of a format the compiler checked
 * against these very arguments (text_format()'s format attribute). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void put_number(struct strbuf *out, const char *sf, char conv, enum length len,
                       va_list *ap)
{
	switch (conv) {
	case 'd':
	case 'i':
		switch (len) {
		case LEN_L:
			strbuf_printf(out, sf, va_arg(*ap, long));
			return;
		case LEN_LL:
			strbuf_printf(out, sf, va_arg(*ap, long long));
			return;
		case LEN_Z:
			strbuf_printf(out, sf, va_arg(*ap, ssize_t));
			return;
		case LEN_J:
			strbuf_printf(out, sf, va_arg(*ap, intmax_t));
			return;
		case LEN_T:
			strbuf_printf(out, sf, va_arg(*ap, ptrdiff_t));
			return;
		default:
			strbuf_printf(out, sf, va_arg(*ap, int));
			return;
		}
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		switch (len) {
		case LEN_L:
			strbuf_printf(out, sf, va_arg(*ap, unsigned long));
			return;
		case LEN_LL:
			strbuf_printf(out, sf, va_arg(*ap, unsigned long long));
			return;
		case LEN_Z:
			strbuf_printf(out, sf, va_arg(*ap, size_t));
			return;
		case LEN_J:
			strbuf_printf(out, sf, va_arg(*ap, uintmax_t));
			return;
		case LEN_T:
			strbuf_printf(out, sf, va_arg(*ap, ptrdiff_t));
			return;
		default:
			strbuf_printf(out, sf, va_arg(*ap, unsigned));
			return;
		}
	case 'p':
		strbuf_printf(out, sf, va_arg(*ap, void *));
		return;
	default:                /* f F e E g G a A */
		if (len == LEN_LD)
			strbuf_printf(out, sf, va_arg(*ap, long double));
		else
			strbuf_printf(out, sf, va_arg(*ap, double));
		return;
	}
}
#pragma GCC diagnostic pop

/* The decimal number at *P, which moves past it. */
static int number_at(const char **p)
{
	int n = 0;
	while (**p >= '0' && **p <= '9') {
		if (n < 100000)
			n = n * 10 + (**p - '0');
		(*p)++;
	}
	return n;
}

void text_vformat(struct strbuf *out, const char *fmt, va_list ap)
{
	va_list args;
	va_copy(args, ap);
	const char *lit = fmt, *p = fmt;
	while (*p) {
		if (*p != '%') {
			p++;
			continue;
		}
		strbuf_add(out, lit, (size_t)(p - lit));      /* the program's own text */
		p++;
		if (*p == '%') {
			strbuf_putc(out, '%');
			lit = ++p;
			continue;
		}
		char flags[8];
		size_t nflags = 0;
		int left = 0, width = -1, prec = -1;
		while (*p && strchr("-+ #0'", *p)) {
			left |= *p == '-';
			if (nflags < sizeof flags - 1)
				flags[nflags++] = *p;
			p++;
		}
		flags[nflags] = '\0';
		if (*p == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				left = 1;
				width = width < -100000 ? 100000 : -width;
			}
			p++;
		} else if (*p >= '0' && *p <= '9') {
			width = number_at(&p);
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				prec = va_arg(args, int);
				p++;
			} else {
				prec = number_at(&p);
			}
		}
		const char *lenstart = p;
		enum length len = length_at(&p);
		size_t lenbytes = (size_t)(p - lenstart);
		char conv = *p;
		if (!conv)
			break;
		p++;
		lit = p;
		if (conv == 's') {
			const char *s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			put_field(out, s, strlen(s), left, width, prec);
		} else if (conv == 'c') {
			char ch = (char)va_arg(args, int);
			put_field(out, &ch, 1, left, width, -1);
		} else if (conv == 'n') {
			(void)va_arg(args, int *);      /* never written */
		} else if (strchr("diuoxXpfFeEgGaA", conv)) {
			char sf[48];
			int n = snprintf(sf, sizeof sf, "%%%s", flags);
			if (width >= 0)
				n += snprintf(sf + n, sizeof sf - (size_t)n, "%d", width);
			if (prec >= 0)
				n += snprintf(sf + n, sizeof sf - (size_t)n, ".%d", prec);
			snprintf(sf + n, sizeof sf - (size_t)n, "%.*s%c", (int)lenbytes, lenstart, conv);
			put_number(out, sf, conv, len, &args);
		}
	}
	strbuf_add(out, lit, strlen(lit));
	va_end(args);
}

void text_format(struct strbuf *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_vformat(out, fmt, ap);
	va_end(ap);
}

/* Writes B to OUT and frees it. Returns the bytes written or -1. */
static int flush_buf(FILE *out, struct strbuf *b)
{
	int rc = -1;
	if (!b->len || fwrite(b->data, 1, b->len, out) == b->len)
		rc = b->len > INT32_MAX ? INT32_MAX : (int)b->len;
	strbuf_free(b);
	return rc;
}

int text_printf(FILE *out, const char *fmt, ...)
{
	struct strbuf b;
	strbuf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	text_vformat(&b, fmt, ap);
	va_end(ap);
	return flush_buf(out, &b);
}

int text_write(FILE *out, const char *s, size_t len, enum text_mode mode)
{
	struct strbuf b;
	strbuf_init(&b);
	text_clean(&b, s, len, mode);
	return flush_buf(out, &b) < 0 ? -1 : 0;
}

int text_puts(FILE *out, const char *s, enum text_mode mode)
{
	return s ? text_write(out, s, strlen(s), mode) : 0;
}
