/* examples.c - a criteria set's calibration examples, checked. */
#include "examples.h"

#include <stdio.h>

#include "score.h"
#include "score_number.h"

static unsigned strength_bit(enum strength st)
{
	switch (st) {
	case STRENGTH_CLEAR:
		return EXPECT_CLEAR;
	case STRENGTH_LEANING:
		return EXPECT_LEANING;
	case STRENGTH_TOO_CLOSE:
		break;
	}
	return EXPECT_TOO_CLOSE;
}

/* "leaning or clear" for the bits in SET. */
static void strengths_text(unsigned set, char *buf, size_t len)
{
	static const unsigned bits[] = { EXPECT_CLEAR, EXPECT_LEANING, EXPECT_TOO_CLOSE };
	static const char *const names[] = { "clear", "leaning", "too-close" };
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < 3; i++) {
		if (!(set & bits[i]))
			continue;
		int n = snprintf(buf + o, len - o, "%s%s", o ? " or " : "", names[i]);
		if (n < 0 || (size_t)n >= len - o)
			return;
		o += (size_t)n;
	}
}

size_t examples_check(const struct criteria *c, struct diags *d)
{
	size_t missed = 0;
	for (size_t i = 0; i < c->nexamples; i++) {
		const struct criteria_example *ex = &c->examples[i];
		if (!ex->answers)
			continue;
		struct result r;
		enum score_status st = score_session(c, ex->answers, &r);
		if (st != SCORE_OK) {
			diags_error(d, "example-no-weight", ex->line, ex->column,
			            "example '%s': %s", ex->name, score_status_message(st));
			missed++;
			continue;
		}
		int winner_ok = r.winner == ex->expect_winner;
		int strength_ok = !ex->expect_strengths ||
		                  (ex->expect_strengths & strength_bit(r.strength));
		if (!winner_ok || !strength_ok) {
			char want[64], margin[32];
			strengths_text(ex->expect_strengths, want, sizeof want);
			score_points(margin, sizeof margin, r.margin);
			const char *expected = ex->expect_winner >= 0
			                       ? c->options[ex->expect_winner].id : "no winner";
			const char *got = r.winner >= 0 ? c->options[r.winner].id : "no winner";
			diags_error(d, "example-missed", ex->line, ex->column,
			            "example '%s' expects %s%s%s%s, got %s, %s, margin %s points",
			            ex->name, expected, *want ? " (" : "", want, *want ? ")" : "",
			            got, strength_name(r.strength), margin);
			missed++;
		}
		result_free(&r);
	}
	return missed;
}
