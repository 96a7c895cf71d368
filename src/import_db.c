/* import_db.c - every session of another verdict database (import
 * --from-db), read through a read-only connection: the file is never
 * written, not even migrated. */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "criteria_source.h"
#include "saved_session.h"
#include "xalloc.h"

struct ids {
	long long *v;
	size_t n, cap;
};

static int note_id(const struct session_summary *s, void *ctx)
{
	struct ids *ids = ctx;
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 16;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
	}
	ids->v[ids->n++] = s->id;
	return 0;
}

static int cmp_id(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;
	return (a > b) - (a < b);
}

/* Session ID of ST (the file PATH) into a new item of B, checked. */
static int read_one(struct store *st, const char *path, long long id, struct import_batch *b,
                    struct verror *err)
{
	struct import_item *it = import_batch_add(b);
	it->file = xstrdup(path);
	size_t len = strlen(path) + sizeof "database ";
	it->origin = xmalloc(len);
	snprintf(it->origin, len, "database %s", path);
	it->source_id = id;
	if (store_load(st, id, &it->s))
		return verror_set(err, VERROR_INPUT, "%s: session %lld cannot be read: %s", path, id,
		                  store_error(st)->msg);
	if (!it->s.uid)
		return verror_set(err, VERROR_INPUT, "%s was written by an older verdict: its "
		                  "sessions have no uid yet to import them by. Any command of this "
		                  "verdict that saves to it (the walk-through, 'copy', 'decide') brings "
		                  "it up to date; then import it", path);
	if (saved_revisions_load(st, id, &it->revs, &it->nrevs, err))
		return -1;
	struct criteria_source src;
	struct verror why;
	char where[600];
	snprintf(where, sizeof where, "%s: session %lld criteria", path, id);
	if (criteria_source_from_text(where, it->s.criteria_text, it->s.criteria_len, &src, NULL,
	                              &why))
		return verror_set(err, VERROR_INPUT, "%s: session %lld: its criteria text does not "
		                  "load in this verdict: %s", path, id, why.msg);
	snprintf(where, sizeof where, "%s: session %lld", path, id);
	struct session *se = session_new(src.model);
	int rc = import_fit_answers(src.model, &it->s, se, where, err);
	session_free(se);
	for (size_t r = 0; rc == 0 && r < it->nrevs; r++) {
		snprintf(where, sizeof where, "%s: session %lld, revision %lld", path, id,
		         it->revs[r].revision);
		se = session_new(src.model);
		rc = import_fit_answers(src.model, &it->revs[r], se, where, err);
		session_free(se);
	}
	criteria_source_free(&src);
	return rc;
}

int import_read_db(const char *path, const char *into, struct import_batch *b,
                   struct verror *err)
{
	struct stat from, to;
	if (stat(path, &from))
		return verror_set(err, VERROR_INPUT, "%s: %s", path, strerror(errno));
	if (!S_ISREG(from.st_mode))
		return verror_set(err, VERROR_INPUT, "%s is not a file: --from-db takes a verdict "
		                  "database", path);
	if (into && stat(into, &to) == 0 && from.st_dev == to.st_dev && from.st_ino == to.st_ino)
		return verror_set(err, VERROR_INPUT, "%s is the database being imported into: "
		                  "nothing to import from it. Give --from-db another verdict database",
		                  path);
	struct store *st;
	struct verror why;
	if (store_open_flags(path, STORE_OPEN_READ_ONLY, &st, &why))
		return verror_set(err, VERROR_INPUT, "%s cannot be read as a verdict database: %s",
		                  path, why.msg);
	struct ids ids = { 0 };
	int rc = 0;
	if (store_list(st, NULL, note_id, &ids))
		rc = verror_set(err, VERROR_INPUT, "%s cannot be read as a verdict database: %s",
		                path, store_error(st)->msg);
	if (ids.n)
		qsort(ids.v, ids.n, sizeof *ids.v, cmp_id);
	size_t before = b->n;
	for (size_t i = 0; rc == 0 && i < ids.n; i++)
		rc = read_one(st, path, ids.v[i], b, err);
	if (rc)
		import_batch_cut(b, before);
	free(ids.v);
	store_close(st);
	return rc;
}
