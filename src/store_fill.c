/* store_fill.c - the results of complete sessions that were saved without
 * them (before schema version 3, or reverted since), filled in by a writer
 * in one transaction: the store cannot score, so its caller scores and this
 * file lists and writes. The statements are in store.c's table. */
#include <math.h>
#include <stdlib.h>

#include "store_internal.h"
#include "xalloc.h"

int store_unscored(struct store *st, struct unscored **found, size_t *n)
{
	*found = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, STMT_UNSCORED);
	if (!s)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*found = xreallocarray(*found, cap, sizeof **found);
		}
		(*found)[(*n)++] = (struct unscored){
			.id = sqlite3_column_int64(s, 0),
			.updated = sqlite3_column_int64(s, 1),
			.kept_rev = sqlite3_column_int64(s, 2),
			.edited = sqlite3_column_int(s, 3),
		};
	}
	store_finish(s);
	if (rc == SQLITE_DONE)
		return 0;
	free(*found);
	*found = NULL;
	*n = 0;
	return store_fail(st, rc, NULL);
}

int store_fill_begin(struct store *st)
{
	/* Not a moment's wait for another's lock: the fill is put off instead. */
	sqlite3_busy_timeout(st->db, 0);
	int rc = store_write_begin(st, LOST_FILL);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return rc;
}

int store_fill_result(struct store *st, const struct unscored *u, double margin,
                      const char *strength, int *written)
{
	if (written)
		*written = 0;
	/* SQLite rolls back by itself after some failures (an I/O error): a
	 * write now would be a transaction of its own. */
	if (sqlite3_get_autocommit(st->db))
		return store_failf(st, "%s: session %lld: no fill is under way; %s", st->path, u->id,
		                   LOST_FILL);
	strength = store_strength_known(strength);
	if (!strength || !isfinite(margin))
		return store_failf(st, "%s: session %lld: a result needs a known strength and a "
		                   "finite margin", st->path, u->id);
	sqlite3_stmt *s = store_stmt(st, STMT_RESULT_FILL);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, u->id);
	sqlite3_bind_double(s, 2, margin);
	sqlite3_bind_text(s, 3, strength, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, u->updated);
	sqlite3_bind_int64(s, 5, u->kept_rev);
	sqlite3_bind_int(s, 6, u->edited);
	if (store_write_step(st, s, LOST_FILL))
		return -1;
	if (written)
		*written = sqlite3_changes(st->db) > 0;
	return 0;
}

int store_fill_end(struct store *st, int rc)
{
	return store_write_end(st, rc, LOST_FILL);
}
