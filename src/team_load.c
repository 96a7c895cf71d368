/* team_load.c - a group view's sessions from the store (team_load.h). */
#include "team_load.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static void group_init(struct team_group *g, size_t room)
{
	memset(g, 0, sizeof *g);
	g->ss = xcalloc(room + 1, sizeof *g->ss);
	g->sessions = xcalloc(room + 1, sizeof *g->sessions);
	g->members = xcalloc(room + 1, sizeof *g->members);
	g->left = xcalloc(room + 1, sizeof *g->left);
	g->left_names = xcalloc(room + 1, sizeof *g->left_names);
}

static void leave_out(struct team_group *g, long long id, const char *respondent)
{
	g->left_names[g->nleft] = respondent ? xstrdup(respondent) : NULL;
	g->left[g->nleft] = (struct team_member){ id, g->left_names[g->nleft] };
	g->nleft++;
}

/* "session 3", "sessions 3 and 5", "sessions 3, 5 and 8". */
static void id_list(struct strbuf *sb, const long long *ids, size_t n)
{
	strbuf_puts(sb, n == 1 ? "session " : "sessions ");
	for (size_t k = 0; k < n; k++) {
		if (k)
			strbuf_puts(sb, k + 1 == n ? " and " : ", ");
		strbuf_printf(sb, "%lld", ids[k]);
	}
}

/* Fewer than two finished: say so, with what there is. */
static int too_few(const struct team_group *g, struct verror *err)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "a group view needs at least two finished sessions, and ");
	if (g->n == 0) {
		strbuf_puts(&sb, "none is finished");
	} else {
		strbuf_puts(&sb, "only one is: ");
		id_list(&sb, &g->members[0].id, 1);
	}
	if (g->nleft) {
		long long *ids = xcalloc(g->nleft, sizeof *ids);
		for (size_t k = 0; k < g->nleft; k++)
			ids[k] = g->left[k].id;
		strbuf_puts(&sb, " (not finished: ");
		id_list(&sb, ids, g->nleft);
		strbuf_puts(&sb, ")");
		free(ids);
	}
	verror_set(err, VERROR_INPUT, "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return -1;
}

/* Whether the finished sessions share one criteria text; if not, ERR
 * names them grouped by text, in the order each text first appears. */
static int one_text(const struct team_group *g, struct verror *err)
{
	size_t n = g->n;
	size_t *text_of = xcalloc(n, sizeof *text_of);
	size_t ntexts = 0;
	size_t *first = xcalloc(n, sizeof *first);      /* each text's first session */
	for (size_t k = 0; k < n; k++) {
		const struct criteria_source *a = &g->ss[k].source;
		size_t x = 0;
		while (x < ntexts) {
			const struct criteria_source *b = &g->ss[first[x]].source;
			if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0)
				break;
			x++;
		}
		if (x == ntexts)
			first[ntexts++] = k;
		text_of[k] = x;
	}
	int rc = 0;
	if (ntexts > 1) {
		struct strbuf sb;
		strbuf_init(&sb);
		strbuf_puts(&sb, "the sessions do not share one criteria text: ");
		long long *ids = xcalloc(n, sizeof *ids);
		for (size_t x = 0; x < ntexts; x++) {
			size_t count = 0;
			for (size_t k = 0; k < n; k++)
				if (text_of[k] == x)
					ids[count++] = g->members[k].id;
			char hex[REPORT_SHA256_HEX];
			const struct criteria_source *src = &g->ss[first[x]].source;
			report_sha256_hex(src->text, src->len, hex);
			if (x)
				strbuf_puts(&sb, ", ");
			id_list(&sb, ids, count);
			strbuf_printf(&sb, " use%s %s%.*s", count == 1 ? "s" : "",
			              x ? "" : "criteria text ", TEAM_TEXT_ID_DIGITS, hex);
		}
		strbuf_puts(&sb, "; a group view combines answers to the same criteria, so name "
		            "sessions that share one");
		free(ids);
		verror_set(err, VERROR_INPUT, "%s", strbuf_str(&sb));
		strbuf_free(&sb);
		rc = -1;
	}
	free(first);
	free(text_of);
	return rc;
}

/* The project every finished session names (the first one's spelling), or
 * NULL when they differ or one has none. */
static const char *shared_project(const struct team_group *g)
{
	const char *p = g->n ? g->ss[0].stored.project : NULL;
	for (size_t k = 1; k < g->n && p; k++) {
		const char *q = g->ss[k].stored.project;
		if (!q || strcmp(p, q) != 0)
			p = NULL;
	}
	return p;
}

/* With G's finished sessions loaded: checks them, combines them and
 * builds the report. */
static int combine(struct team_group *g, const char *project, time_t generated,
                   struct verror *err)
{
	for (size_t k = 0; k < g->n; k++) {
		g->sessions[k] = g->ss[k].session;
		g->members[k] = (struct team_member){ g->ss[k].stored.id, g->ss[k].stored.respondent };
	}
	if (g->n < 2)
		return too_few(g, err);
	if (one_text(g, err))
		return -1;
	const struct criteria *c = g->ss[0].source.model;
	size_t bad = 0;
	enum score_status why = SCORE_OK;
	switch (team_build(c, g->sessions, g->n, &g->t, &bad, &why)) {
	case TEAM_OK:
		break;
	case TEAM_TOO_FEW:
		return too_few(g, err);
	case TEAM_RESPONDENT:
		return verror_set(err, VERROR_INPUT, "session %lld: %s", g->members[bad].id,
		                  score_status_message(why));
	case TEAM_GROUP:
		return verror_set(err, VERROR_INPUT, "the group's weights: %s",
		                  score_status_message(why));
	}
	const char *p = shared_project(g);
	if (!p)
		p = project;
	g->project = p ? xstrdup(p) : NULL;
	team_report_build(&g->rep, c, g->ss[0].source.text, g->ss[0].source.len, g->sessions,
	                  &g->t, g->members, g->n, g->left, g->nleft, g->project, generated);
	return 0;
}

struct listing {
	long long *ids;
	int *complete;
	char **respondents;
	size_t n, room;
};

static int collect(const struct session_summary *s, void *ctx)
{
	struct listing *l = ctx;
	if (l->n == l->room) {
		l->room = l->room ? 2 * l->room : 16;
		l->ids = xrealloc(l->ids, l->room * sizeof *l->ids);
		l->complete = xrealloc(l->complete, l->room * sizeof *l->complete);
		l->respondents = xrealloc(l->respondents, l->room * sizeof *l->respondents);
	}
	l->ids[l->n] = s->id;
	l->complete[l->n] = s->status == SESSION_COMPLETE;
	l->respondents[l->n] = s->respondent ? xstrndup(s->respondent, s->respondent_len) : NULL;
	l->n++;
	return 0;
}

static void listing_free(struct listing *l)
{
	for (size_t k = 0; k < l->n; k++)
		free(l->respondents[k]);
	free(l->respondents);
	free(l->ids);
	free(l->complete);
}

int team_load_project(struct store *st, const char *project, time_t generated,
                      struct team_group *g, struct verror *err)
{
	struct listing l = { 0 };
	if (store_list(st, project, collect, &l)) {
		listing_free(&l);
		memset(g, 0, sizeof *g);
		return verror_copy(err, store_error(st));
	}
	group_init(g, l.n);
	int rc = 0;
	if (l.n == 0)
		rc = verror_set(err, VERROR_INPUT, "no sessions in project '%s'; 'verdict list' "
		                "shows the projects", project);
	/* The listing is newest first: take them oldest first. */
	for (size_t j = l.n; j-- > 0 && !rc;) {
		if (!l.complete[j]) {
			leave_out(g, l.ids[j], l.respondents[j]);
			continue;
		}
		if (saved_session_load(st, l.ids[j], &g->ss[g->n], NULL, err)) {
			rc = -1;
			break;
		}
		g->n++;
	}
	listing_free(&l);
	if (!rc)
		rc = combine(g, project, generated, err);
	if (rc)
		team_group_free(g);
	return rc;
}

int team_load_ids(struct store *st, const long long *ids, size_t n, time_t generated,
                  struct team_group *g, struct verror *err)
{
	group_init(g, n);
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++)
		for (size_t j = 0; j < k && !rc; j++)
			if (ids[j] == ids[k])
				rc = verror_set(err, VERROR_USAGE, "session %lld is named twice", ids[k]);
	for (size_t k = 0; k < n && !rc; k++) {
		struct saved_session *ss = &g->ss[g->n];
		if (saved_session_load(st, ids[k], ss, NULL, err)) {
			rc = -1;
			break;
		}
		if (ss->stored.status != SESSION_COMPLETE) {
			leave_out(g, ids[k], ss->stored.respondent);
			saved_session_free(ss);
			memset(ss, 0, sizeof *ss);
			continue;
		}
		g->n++;
	}
	if (!rc)
		rc = combine(g, NULL, generated, err);
	if (rc)
		team_group_free(g);
	return rc;
}

void team_group_free(struct team_group *g)
{
	if (g->rep.t)
		team_report_free(&g->rep);
	if (g->t.nrespondents)
		team_result_free(&g->t);
	for (size_t k = 0; k < g->n; k++)
		saved_session_free(&g->ss[k]);
	free(g->ss);
	free((void *)g->sessions);
	free(g->members);
	for (size_t k = 0; k < g->nleft; k++)
		free(g->left_names[k]);
	free(g->left_names);
	free(g->left);
	free(g->project);
	memset(g, 0, sizeof *g);
}
