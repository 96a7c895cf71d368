/* store_fold.c - the connection's own SQL function verdict_fold(), which
 * folds the letters of a name to lower case so that 'verdict list --project'
 * finds a project whatever the case of its letters. Nothing stored in the
 * file uses it: it is made afresh on every connection (store_functions). */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "store_internal.h"

/* Appends code point W to OUT as UTF-8; returns the bytes written. */
static size_t put_utf8(char *out, wint_t w)
{
	unsigned char *o = (unsigned char *)out;
	if (w < 0x80) {
		o[0] = (unsigned char)w;
		return 1;
	}
	if (w < 0x800) {
		o[0] = (unsigned char)(0xc0 | (w >> 6));
		o[1] = (unsigned char)(0x80 | (w & 0x3f));
		return 2;
	}
	if (w < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (w >> 12));
		o[1] = (unsigned char)(0x80 | ((w >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (w & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (w >> 18));
	o[1] = (unsigned char)(0x80 | ((w >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((w >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (w & 0x3f));
	return 4;
}

/* The code point of the UTF-8 character at S (N bytes), its length in *LEN;
 * -1 when S does not start a well-formed character. */
static long utf8_char(const unsigned char *s, size_t n, size_t *len)
{
	size_t k = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (!k || n < k || s[0] > 0xf4)
		return -1;
	long w = s[0] & (0x3f >> (k - 1));
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		w = (w << 6) | (s[i] & 0x3f);
	}
	static const long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (w < least[k] || w > 0x10ffff || (w >= 0xd800 && w < 0xe000))
		return -1;
	*len = k;
	return w;
}

/* verdict_fold(TEXT): TEXT with its letters in lower case, for matching names
 * whatever their case: ASCII letters, and the other letters by Unicode's
 * simple case mapping (the C library's towlower, in the C.UTF-8 locale when
 * there is one, else the user's). Bytes that are not UTF-8 are kept as they
 * are. NULL for NULL. This connection's own function: nothing stored in the
 * file uses it. */
static void fold_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	locale_t loc = sqlite3_user_data(ctx);
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	char *out = sqlite3_malloc64(4 * (sqlite3_uint64)n + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t o = 0;
	for (size_t k = 0, len; k < n; k += len) {
		len = 1;
		long w = s[k] < 0x80 ? s[k] : utf8_char(s + k, n - k, &len);
		if (w < 0) {
			out[o++] = (char)s[k];
			continue;
		}
		wint_t lw = w < 0x80 ? (wint_t)(w >= 'A' && w <= 'Z' ? w + ('a' - 'A') : w)
		          : loc ? towlower_l((wint_t)w, loc) : towlower((wint_t)w);
		o += put_utf8(out + o, lw > 0x10ffff ? (wint_t)w : lw);
	}
	sqlite3_result_text(ctx, out, (int)o, sqlite3_free);
}

static void free_locale(void *loc)
{
	freelocale((locale_t)loc);
}

int store_functions(struct store *st)
{
	locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	int rc = sqlite3_create_function_v2(st->db, "verdict_fold", 1,
	                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
	                                    loc, fold_function, NULL, NULL,
	                                    loc ? free_locale : NULL);
	return rc == SQLITE_OK ? 0 : store_fail(st, rc, NULL);
}
