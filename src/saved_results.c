/* saved_results.c - the results of sessions saved without them, filled in. */
#include "saved_results.h"

#include <stdlib.h>

#include "saved_session.h"
#include "score.h"
#include "xalloc.h"

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
	struct unscored *found = NULL;
	size_t n = 0, scored = 0, kept = 0;
	if (filled)
		*filled = 0;
	/* Most opens find none: no lock is taken then. */
	if (store_unscored(st, &found, &n))
		return verror_copy(err, store_error(st));
	/* Scored before the transaction, so another process's saves wait for no
	 * scoring; a session changed meanwhile is not written (store_fill_result()). */
	double *margins = n ? xreallocarray(NULL, n, sizeof *margins) : NULL;
	const char **strengths = n ? xreallocarray(NULL, n, sizeof *strengths) : NULL;
	for (size_t i = 0; i < n; i++)
		strengths[i] = NULL;
	for (size_t i = 0; i < n && i < SAVED_RESULTS_FILL_TRIES &&
	     scored < SAVED_RESULTS_FILL_MAX; i++)
		if (score_one(st, found[i].id, &margins[i], &strengths[i]) == 0)
			scored++;
	int rc = 0;
	if (scored) {
		rc = store_fill_begin(st);
		if (rc == 0) {
			for (size_t i = 0; rc == 0 && i < n; i++) {
				int written = 0;
				if (strengths[i])
					rc = store_fill_result(st, &found[i], margins[i], strengths[i],
					                       &written);
				kept += (size_t)written;
			}
			rc = store_fill_end(st, rc);
		}
	}
	free(found);
	free(margins);
	free(strengths);
	if (rc)
		return verror_copy(err, store_error(st));
	if (filled)
		*filled = kept;
	return 0;
}
