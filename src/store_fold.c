/* store_fold.c - the connection's own SQL function verdict_fold(), which
 * folds the letters of a name to lower case so that 'verdict list --project'
 * finds a project whatever the case of its letters. Nothing stored in the
 * file uses it: it is made afresh on every connection (store_functions). */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "store_internal.h"
#include "text.h"

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
		uint32_t w;
		len = text_utf8_decode((const char *)s + k, n - k, &w);
		if (w == TEXT_BAD_CHAR) {
			memcpy(out + o, s + k, len);    /* kept as they are */
			o += len;
			continue;
		}
		wint_t lw = w < 0x80 ? (wint_t)(w >= 'A' && w <= 'Z' ? w + ('a' - 'A') : w)
		          : loc ? towlower_l((wint_t)w, loc) : towlower((wint_t)w);
		o += text_utf8_encode(lw > 0x10ffff ? w : (uint32_t)lw, out + o);
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
