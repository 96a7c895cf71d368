/* pair_line.c - one comparison as one line (pair_line.h). */
#include "tui/pair_line.h"

#include <math.h>
#include <stdio.h>

#include "tui/draw.h"

int pair_pos(double value)
{
	if (!(value > 0))
		return 0;
	int pos = value >= 1 ? -(int)lround(value - 1) : (int)lround(1 / value - 1);
	if (pos < -PAIR_POS_MAX)
		pos = -PAIR_POS_MAX;
	if (pos > PAIR_POS_MAX)
		pos = PAIR_POS_MAX;
	return pos;
}

double pair_value(int pos)
{
	return pos <= 0 ? 1.0 - pos : 1.0 / (pos + 1);
}

/* Whether place POS is shown on the line: the odd values. */
static int shown(int pos)
{
	return pos % 2 == 0;
}

int pair_step(int pos, int dir)
{
	int p = pos + dir;
	while (p >= -PAIR_POS_MAX && p <= PAIR_POS_MAX && !shown(p))
		p += dir;
	return p < -PAIR_POS_MAX || p > PAIR_POS_MAX ? pos : p;
}

int pair_digit(int pos, int d)
{
	if (d <= 1)
		return 0;
	return pos > 0 ? d - 1 : -(d - 1);
}

void pair_words(const char *a, const char *b, int pos, char *buf, size_t len)
{
	if (pos == 0)
		snprintf(buf, len, "%s and %s matter equally", a, b);
	else
		snprintf(buf, len, "%s matters %d times as much as %s", pos < 0 ? a : b,
		         (pos < 0 ? -pos : pos) + 1, pos < 0 ? b : a);
}

void pair_value_text(double value, char *buf, size_t len)
{
	if (value >= 1)
		snprintf(buf, len, "%ld", lround(value));
	else
		snprintf(buf, len, "1/%ld", lround(1 / value));
}

const char *pair_item_name(const struct criteria *c, const struct criteria_groups *groups,
                           enum judgment_level level, size_t i)
{
	return level == JUDGE_GROUPS ? groups->names[i] : c->criteria[i].name;
}

void pair_draw_line(struct tui *t, int y, const char *a, const char *b, int pos)
{
	/* The scale: "◀ 9 7 5 3 1 3 5 7 9 ▶", the highlighted value in
	 * brackets that take the blanks around it, a value between two shown
	 * ones coming in between them. */
	int scale = 21 + (shown(pos) ? 0 : 2);
	int w = t->cols - 4, side = (w - scale - 2) / 2;
	int aw = draw_width(a), bw = draw_width(b);
	aw = aw < side ? aw : side;
	bw = bw < side ? bw : side;
	int x = 2 + (w - (aw + 1 + scale + 1 + bw)) / 2;
	draw_text(t, y, x, aw, ROLE_TITLE, a);
	x += aw + 1;
	x += draw_text(t, y, x, 1, ROLE_DIM, t->utf8 ? "\u25c0" : "<");
	int before = 0;         /* the last value drawn was the highlighted one */
	for (int p = -PAIR_POS_MAX; p <= PAIR_POS_MAX; p++) {
		if (!shown(p) && p != pos)
			continue;
		int on = p == pos;
		char digit[4];
		snprintf(digit, sizeof digit, "%d", (p < 0 ? -p : p) + 1);
		draw_text(t, y, x, 1, on || before ? ROLE_CURRENT : ROLE_NORMAL,
		          on ? "[" : before ? "]" : " ");
		draw_text(t, y, x + 1, 1, on ? ROLE_CURRENT : ROLE_NORMAL, digit);
		hit_add(t, y, x + 1, 1, ACT_PICK, PAIR_PICK_BASE + p);
		x += 2;
		before = on;
	}
	x += draw_text(t, y, x, 1, before ? ROLE_CURRENT : ROLE_NORMAL, before ? "]" : " ");
	x += draw_text(t, y, x, 1, ROLE_DIM, t->utf8 ? "\u25b6" : ">");
	draw_text(t, y, x + 1, bw, ROLE_TITLE, b);
}
