/* saved_session.h - a stored session brought back to life: its criteria
 * reparsed from the exact text it was answered against, and its answers mapped
 * back onto that model, ready to score, show, export or resume. */
#ifndef VERDICT_SAVED_SESSION_H
#define VERDICT_SAVED_SESSION_H

#include "criteria_source.h"
#include "diag.h"
#include "session.h"
#include "store.h"
#include "verror.h"

struct saved_session {
	struct stored_session stored;   /* as read from the store, but for its criteria
	                                 * text, which has gone over to SOURCE */
	struct criteria_source source;  /* name and text from the store, model parsed */
	struct session *session;        /* answers as indices into source.model */
	char *db_file;                  /* the database it came from (store_file()), so
	                                 * that no report is written over it */
	struct stored_session *revisions; /* saved_session_load_revisions(): its
	                                   * revisions, oldest first; else none */
	size_t nrevisions;
};

/* Loads session ID from ST. Returns 0, or -1 with ERR: VERROR_INPUT for an
 * unknown id, or a stored criteria text this verdict no longer accepts (its
 * positioned errors go into D as criteria_source_adopt() says; D may be
 * NULL, and is the caller's to free when not); VERROR_STORAGE for a storage
 * failure, damage included (stored answers their own criteria text does not
 * know). Free with saved_session_free() after success. */
int saved_session_load(struct store *st, long long id, struct saved_session *out,
                       struct diags *d, struct verror *err);
void saved_session_free(struct saved_session *s);

/* Loads every revision of session ID from ST (store_revision_load()), oldest
 * first, into *OUT (the caller's: saved_revisions_free()) and their count
 * into *N (0 and NULL for none). Returns 0, or -1 with ERR (the store's
 * kind). */
int saved_revisions_load(struct store *st, long long id, struct stored_session **out,
                         size_t *n, struct verror *err);
void saved_revisions_free(struct stored_session *revs, size_t n);
/* saved_revisions_load() into S->revisions, for a report that carries them
 * (the JSON report). saved_session_free() frees them. */
int saved_session_load_revisions(struct store *st, struct saved_session *s,
                                 struct verror *err);

/* Parses a session id from the command line: a positive decimal number.
 * Returns 0, or -1 with ERR (VERROR_USAGE) saying that TEXT is not one. */
int saved_session_parse_id(const char *text, long long *id, struct verror *err);

#endif
