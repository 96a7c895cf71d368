/* saved_results.c - the results of sessions saved without them, filled in. */
#include "saved_results.h"

#include <stdlib.h>

#include "saved_session.h"
#include "score.h"

/* Scores session ID into *MARGIN and *STRENGTH: 0 when known, -1 when its
 * criteria text no longer reads, its answers do not fit it, or nothing can be
 * weighed (then it is left as it is). */
static int score_one(struct store *st, long long id, double *margin, const char **strength)
{
	struct saved_session sv;
	struct verror err;
	verror_clear(&err);
	if (saved_session_load(st, id, &sv, NULL, &err))
		return -1;
	struct result r;
	int rc = -1;
	if (score_session(sv.source.model, sv.session, &r) == SCORE_OK) {
		*margin = r.margin;
		*strength = strength_name(r.strength);
		rc = 0;
		result_free(&r);
	}
	saved_session_free(&sv);
	return rc;
}

int saved_results_fill(struct store *st, size_t *filled, struct verror *err)
{
	long long *ids = NULL;
	size_t n = 0, kept = 0;
	if (filled)
		*filled = 0;
	/* Looked for first, outside any transaction: most opens find none. */
	if (store_unscored(st, &ids, &n))
		return verror_copy(err, store_error(st));
	free(ids);
	if (n == 0)
		return 0;
	if (store_fill_begin(st))
		return verror_copy(err, store_error(st));
	/* Again inside the transaction: another process may have changed them. */
	int rc = store_unscored(st, &ids, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		double margin;
		const char *strength;
		if (score_one(st, ids[i], &margin, &strength))
			continue;
		rc = store_fill_result(st, ids[i], margin, strength);
		if (rc == 0)
			kept++;
	}
	free(ids);
	if (store_fill_end(st, rc))
		return verror_copy(err, store_error(st));
	if (filled)
		*filled = kept;
	return 0;
}
