/* saved_session.h - a stored session brought back to life: its criteria
 * reparsed from the exact text it was answered against, and its answers mapped
 * back onto that model, ready to score, show, export or resume. */
#ifndef VERDICT_SAVED_SESSION_H
#define VERDICT_SAVED_SESSION_H

#include "criteria_source.h"
#include "session.h"
#include "store.h"

struct saved_session {
	struct stored_session stored;   /* as read from the store */
	struct criteria_source source;  /* name and text from the store, model parsed */
	struct session *session;        /* answers as indices into source.model */
};

/* Loads session ID from ST. Returns 0, or an exit status after printing why to
 * stderr: EXIT_INVALID for an unknown id (or a stored criteria text this
 * verdict no longer accepts), EXIT_STORAGE for a storage failure, damage
 * included (stored answers their own criteria text does not know). Free with
 * saved_session_free() after success. */
int saved_session_load(struct store *st, long long id, struct saved_session *out);
void saved_session_free(struct saved_session *s);

/* Parses a session id from the command line: a positive decimal number.
 * Returns 0, or -1 when TEXT is not one. */
int saved_session_parse_id(const char *text, long long *id);

#endif
