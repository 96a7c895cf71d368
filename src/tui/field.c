/* field.c - one-line text fields: typing in them and drawing them. */
#include "tui/field.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui/draw.h"
#include "text.h"
#include "xalloc.h"

size_t field_max(const struct text_field *f)
{
	size_t max = f->max ? f->max : TUI_FIELD_MAX;
	return max < TUI_TEXT_MAX ? max : TUI_TEXT_MAX;
}

void field_set(struct text_field *f, const char *utf8)
{
	size_t max = field_max(f);
	f->len = f->cur = 0;
	f->buf[0] = L'\0';
	wchar_t *w = draw_sanitize(utf8, 0);
	for (size_t i = 0; w[i] && f->len < max; i++)
		f->buf[f->len++] = w[i];
	f->buf[f->len] = L'\0';
	f->cur = f->len;
	free(w);
}

int field_edit(struct text_field *f, enum action a, int arg)
{
	switch (a) {
	case ACT_CHAR:
		if (f->len < field_max(f) && iswprint((wint_t)arg) && text_char_safe((wchar_t)arg)) {
			memmove(f->buf + f->cur + 1, f->buf + f->cur, (f->len - f->cur) * sizeof *f->buf);
			f->buf[f->cur++] = (wchar_t)arg;
			f->buf[++f->len] = L'\0';
			return 1;
		}
		break;
	case ACT_ERASE:
		if (f->cur > 0) {
			memmove(f->buf + f->cur - 1, f->buf + f->cur, (f->len - f->cur + 1) * sizeof *f->buf);
			f->cur--;
			f->len--;
			return 1;
		}
		break;
	case ACT_ERASE_NEXT:
		if (f->cur < f->len) {
			memmove(f->buf + f->cur, f->buf + f->cur + 1, (f->len - f->cur) * sizeof *f->buf);
			f->len--;
			return 1;
		}
		break;
	case ACT_CLEAR:
		if (f->len) {
			f->len = f->cur = 0;
			f->buf[0] = L'\0';
			return 1;
		}
		break;
	case ACT_LEFT:
		if (f->cur > 0)
			f->cur--;
		break;
	case ACT_RIGHT:
		if (f->cur < f->len)
			f->cur++;
		break;
	case ACT_HOME:
		f->cur = 0;
		break;
	case ACT_END:
		f->cur = f->len;
		break;
	default:
		break;
	}
	return 0;
}

char *field_text(const struct text_field *f)
{
	return text_to_utf8(f->buf, f->len);
}

void field_draw(struct tui *t, int y, int x, int w, const struct text_field *f, int focused)
{
	draw_fill(t, y, x, w, ROLE_FIELD);
	size_t from = 0;
	while (from < f->cur && text_width(f->buf + from, f->cur - from) > w - 1)
		from++;
	draw_wide(t, y, x, w, ROLE_FIELD, f->buf + from, f->len - from, 0);
	if (focused) {
		t->cursor_y = y;
		t->cursor_x = x + text_width(f->buf + from, f->cur - from);
	}
}
