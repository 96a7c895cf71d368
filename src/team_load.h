/* team_load.h - a group view's sessions gathered from the store: the
 * finished sessions of one project (or those named by id), checked to share
 * one criteria text, combined (team.h) and put into words (team_report.h).
 * What `verdict team` and the walk-through's team screen both show.
 *
 * Prints nothing: every refusal is a struct verror, worded once here:
 *   - a project with no sessions, an unknown id, an id named twice;
 *   - fewer than two finished sessions ("a group view needs at least two
 *     finished sessions, ...");
 *   - sessions on different criteria texts, grouped by text: "the sessions
 *     do not share one criteria text: sessions 3 and 5 use criteria text
 *     1a2b3c4d5e6f, session 7 uses 9f8e7d6c5b4a; ...".
 * Sessions not finished are left out and listed as such.
 *
 * Ownership: a struct team_group owns its sessions, its result and its
 * report; team_group_free() frees them. */
#ifndef VERDICT_TEAM_LOAD_H
#define VERDICT_TEAM_LOAD_H

#include <stddef.h>
#include <time.h>

#include "saved_session.h"
#include "store.h"
#include "team.h"
#include "team_report.h"
#include "verror.h"

/* How many hex digits of a criteria text's SHA-256 name it in messages and
 * in the text report. */
#define TEAM_TEXT_ID_DIGITS 12

struct team_group {
	size_t n;
	struct saved_session *ss;       /* [n] the finished sessions */
	const struct session **sessions; /* [n] their answers, on ss[0]'s model */
	struct team_member *members;    /* [n] pointing into ss */
	size_t nleft;
	struct team_member *left;       /* [nleft] sessions left out, not finished */
	char **left_names;              /* [nleft] owned copies for LEFT */
	char *project;                  /* the project, or NULL */
	struct team_result t;
	struct team_report rep;
};

/* The finished sessions of PROJECT (store_list()'s matching: any case),
 * lowest id first. Returns 0, or -1 with ERR: VERROR_INPUT for the
 * refusals above, the store's kind for a failure to read. GENERATED dates
 * the report. */
int team_load_project(struct store *st, const char *project, time_t generated,
                      struct team_group *g, struct verror *err);
/* The sessions IDS[0..N), in that order. As above. */
int team_load_ids(struct store *st, const long long *ids, size_t n, time_t generated,
                  struct team_group *g, struct verror *err);
void team_group_free(struct team_group *g);

#endif
