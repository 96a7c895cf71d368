/* layer: base */
/* test_verror.c - an error as a value: kind, message, exit status, and the
 * cut of a long message at a character boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "verror.h"

static void test_set(void **state)
{
	(void)state;
	struct verror err;
	assert_int_equal(verror_set(&err, VERROR_INPUT, "no session %lld in %s", 7LL, "s.db"), -1);
	assert_int_equal(err.kind, VERROR_INPUT);
	assert_string_equal(err.msg, "no session 7 in s.db");
	/* Formats are printf's; the message is kept raw, bytes and all. */
	assert_int_equal(verror_set(&err, VERROR_STORAGE, "%s: %d%%", "\x1b[31mx", 5), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_string_equal(err.msg, "\x1b[31mx: 5%");
	/* No record kept: still -1. */
	assert_int_equal(verror_set(NULL, VERROR_USAGE, "ignored %d", 1), -1);
}

static void test_clear_and_copy(void **state)
{
	(void)state;
	struct verror a, b;
	verror_set(&a, VERROR_USAGE, "bad word");
	assert_int_equal(verror_copy(&b, &a), -1);
	assert_int_equal(b.kind, VERROR_USAGE);
	assert_string_equal(b.msg, "bad word");
	assert_int_equal(verror_copy(NULL, &a), -1);
	assert_int_equal(verror_copy(&a, &a), -1);
	assert_string_equal(a.msg, "bad word");
	verror_clear(&b);
	assert_int_equal(b.kind, VERROR_NONE);
	assert_string_equal(b.msg, "");
	verror_clear(NULL);
}

static void test_exit_status(void **state)
{
	(void)state;
	assert_int_equal(verror_exit_status(VERROR_NONE), 0);
	assert_int_equal(verror_exit_status(VERROR_INPUT), 1);
	assert_int_equal(verror_exit_status(VERROR_USAGE), 2);
	assert_int_equal(verror_exit_status(VERROR_STORAGE), 3);
	assert_int_equal(verror_exit_status(VERROR_MEMORY), 3);
}

static int vset(struct verror *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = verror_vset(err, VERROR_STORAGE, fmt, ap);
	va_end(ap);
	return rc;
}

static void test_vset(void **state)
{
	(void)state;
	struct verror err;
	assert_int_equal(vset(&err, "%s is %s", "s.db", "locked"), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_string_equal(err.msg, "s.db is locked");
}

/* N bytes of 'a' then TAIL, as a message: what is kept. */
static void expect_cut(size_t n, const char *tail, size_t want_len, const char *want_tail)
{
	char in[VERROR_MSG_MAX + 16];
	assert_true(n + strlen(tail) < sizeof in);
	memset(in, 'a', n);
	strcpy(in + n, tail);
	struct verror err;
	verror_set(&err, VERROR_INPUT, "%s", in);
	if (strlen(err.msg) != want_len)
		fail_msg("%zu bytes + '%s': kept %zu bytes, want %zu", n, tail, strlen(err.msg),
		         want_len);
	assert_string_equal(err.msg + want_len - strlen(want_tail), want_tail);
}

static void test_cut_at_a_character(void **state)
{
	(void)state;
	const size_t room = VERROR_MSG_MAX - 1;         /* bytes a message keeps */
	/* Fits exactly: kept whole, the last character too. */
	expect_cut(room - 2, "\xc3\xa9", room, "\xc3\xa9");
	expect_cut(room - 4, "\xf0\x9f\x98\x80", room, "\xf0\x9f\x98\x80");
	/* One byte over: the character cut in two goes whole. */
	expect_cut(room - 1, "\xc3\xa9", room - 1, "a");
	expect_cut(room - 2, "\xe2\x82\xac", room - 2, "a");
	expect_cut(room - 1, "\xe2\x82\xac", room - 1, "a");
	expect_cut(room - 3, "\xf0\x9f\x98\x80", room - 3, "a");
	expect_cut(room - 1, "\xf0\x9f\x98\x80", room - 1, "a");
	/* ASCII is cut where it is. */
	expect_cut(room + 5, "", room, "a");
	/* A character that ends the room before the cut is kept. */
	expect_cut(room - 2, "\xc3\xa9zz", room, "\xc3\xa9");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_clear_and_copy),
		cmocka_unit_test(test_exit_status),
		cmocka_unit_test(test_vset),
		cmocka_unit_test(test_cut_at_a_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
