/* saved_session.c - a stored session brought back to life. */
#include "saved_session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "xalloc.h"

int saved_session_parse_id(const char *text, long long *id, struct verror *err)
{
	long long v = 0;
	if (text && *text && strspn(text, "0123456789") == strlen(text)) {
		errno = 0;
		v = strtoll(text, NULL, 10);
		if (errno)
			v = 0;
	}
	if (v <= 0)
		return verror_set(err, VERROR_USAGE, "'%s' is not a session id (a positive number; "
		                  "'verdict list' shows them)", text ? text : "");
	*id = v;
	return 0;
}

/* The index of NAME at LEVEL: a criterion of C, or a group of G; -1 for
 * none. */
static int item_index(const struct criteria *c, const struct criteria_groups *g,
                      enum judgment_level level, const char *name)
{
	return level == JUDGE_GROUPS ? criteria_group_find(g, name)
	                             : criteria_criterion_index(c, name);
}

/* Maps the stored comparisons onto the model: criteria by id, groups by
 * name (criteria_groups.h), in the order they were first given. One the
 * criteria text does not know is damage, as for an answer. */
static int restore_judgments(struct store *st, struct saved_session *s, struct verror *err)
{
	const struct criteria *c = s->source.model;
	struct criteria_groups g;
	criteria_groups_init(&g, c);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < s->stored.njudgments; i++) {
		const struct stored_judgment *sj = &s->stored.judgments[i];
		enum judgment_level level = strcmp(sj->level, "groups") == 0 ? JUDGE_GROUPS
		                                                             : JUDGE_CRITERIA;
		int a = item_index(c, &g, level, sj->a);
		int b = item_index(c, &g, level, sj->b);
		if (a < 0 || b < 0 || a == b)
			rc = verror_set(err, VERROR_STORAGE, "session %lld: stored comparison of %s "
			                "'%s' with '%s' does not fit its criteria: %s is damaged (or "
			                "was edited by hand); it was not changed. Move it aside or use "
			                "--db to choose another file", s->stored.id, sj->level, sj->a,
			                sj->b, store_file(st));
		else
			session_set_judgment(s->session, level, (size_t)a, (size_t)b, sj->value);
	}
	criteria_groups_free(&g);
	return rc;
}

/* Maps the stored answers onto the model. The text is the one they were
 * given against (its SHA-256 is checked as it is read), so an answer it does
 * not know is damage, or an edit by hand: reported as damage, not guessed. */
static int restore_answers(struct store *st, struct saved_session *s, struct verror *err)
{
	const struct criteria *c = s->source.model;
	struct session *se = s->session;
	for (size_t i = 0; i < s->stored.nchoices; i++) {
		const struct stored_choice *sc = &s->stored.choices[i];
		int q = criteria_question_index(c, sc->question);
		int ch = q < 0 ? -1 : criteria_choice_index(&c->questions[q], sc->choice);
		if (ch < 0)
			return verror_set(err, VERROR_STORAGE, "session %lld: stored answer '%s: %s' is "
			                  "not in its criteria: %s is damaged (or was edited by hand); it "
			                  "was not changed. Move it aside or use --db to choose another "
			                  "file", s->stored.id, sc->question, sc->choice, store_file(st));
		se->choices[q] = ch;
	}
	for (size_t i = 0; i < s->stored.nweights; i++) {
		const struct stored_weight *sw = &s->stored.weights[i];
		int k = criteria_criterion_index(c, sw->criterion);
		if (k < 0 || !(sw->weight >= c->scale.min && sw->weight <= c->scale.max))
			return verror_set(err, VERROR_STORAGE, "session %lld: stored weight '%s: %g' "
			                  "does not fit its criteria: %s is damaged (or was edited by "
			                  "hand); it was not changed. Move it aside or use --db to choose "
			                  "another file", s->stored.id, sw->criterion, sw->weight,
			                  store_file(st));
		se->weights[k] = sw->weight;
		se->weight_set[k] = 1;
	}
	se->weighting = strcmp(s->stored.weighting ? s->stored.weighting : "ratings",
	                       "pairwise") == 0 ? WEIGHTING_PAIRWISE : WEIGHTING_RATINGS;
	if (restore_judgments(st, s, err))
		return -1;
	session_set_text(&se->project, s->stored.project);
	session_set_text(&se->respondent, s->stored.respondent);
	session_set_text(&se->notes, s->stored.notes);
	return 0;
}

int saved_session_load(struct store *st, long long id, struct saved_session *out,
                       struct diags *d, struct verror *err)
{
	memset(out, 0, sizeof *out);
	char name[512];
	snprintf(name, sizeof name, "session %lld criteria", id);
	if (store_load(st, id, &out->stored)) {
		if (d)
			diags_init(d, name);
		return verror_copy(err, store_error(st));
	}
	snprintf(name, sizeof name, "session %lld criteria (%s)", id,
	         out->stored.criteria_name ? out->stored.criteria_name : "stored");
	/* The text goes over to the source, which keeps it (not a copy of
	 * what can be megabytes). */
	char *text = out->stored.criteria_text;
	out->stored.criteria_text = NULL;
	if (criteria_source_adopt(name, text, out->stored.criteria_len, &out->source, d, err)) {
		stored_session_free(&out->stored);
		return -1;
	}
	out->session = session_new(out->source.model);
	out->db_file = xstrdup(store_file(st));
	if (restore_answers(st, out, err)) {
		saved_session_free(out);
		return -1;
	}
	return 0;
}

struct rev_numbers {
	long long *revs;
	size_t n, cap;
};

static int note_rev(const struct revision_summary *r, void *ctx)
{
	struct rev_numbers *ns = ctx;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 8;
		ns->revs = xrealloc(ns->revs, ns->cap * sizeof *ns->revs);
	}
	ns->revs[ns->n++] = r->rev;
	return 0;
}

int saved_revisions_load(struct store *st, long long id, struct stored_session **out,
                         size_t *n, struct verror *err)
{
	*out = NULL;
	*n = 0;
	struct rev_numbers ns = { 0 };
	if (store_revisions(st, id, note_rev, &ns)) {
		free(ns.revs);
		return verror_copy(err, store_error(st));
	}
	struct stored_session *revs = ns.n ? xcalloc(ns.n, sizeof *revs) : NULL;
	for (size_t i = 0; i < ns.n; i++)
		if (store_revision_load(st, id, ns.revs[i], &revs[i])) {
			saved_revisions_free(revs, i);
			free(ns.revs);
			return verror_copy(err, store_error(st));
		}
	free(ns.revs);
	*out = revs;
	*n = ns.n;
	return 0;
}

void saved_revisions_free(struct stored_session *revs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		stored_session_free(&revs[i]);
	free(revs);
}

int saved_session_load_revisions(struct store *st, struct saved_session *s,
                                 struct verror *err)
{
	saved_revisions_free(s->revisions, s->nrevisions);
	s->revisions = NULL;
	s->nrevisions = 0;
	return saved_revisions_load(st, s->stored.id, &s->revisions, &s->nrevisions, err);
}

void saved_session_free(struct saved_session *s)
{
	saved_revisions_free(s->revisions, s->nrevisions);
	session_free(s->session);
	free(s->db_file);
	criteria_source_free(&s->source);
	stored_session_free(&s->stored);
	memset(s, 0, sizeof *s);
}
