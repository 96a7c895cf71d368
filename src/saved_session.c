/* saved_session.c - a stored session brought back to life. */
#include "saved_session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int saved_session_parse_id(const char *text, long long *id)
{
	if (!text || !*text || strspn(text, "0123456789") != strlen(text))
		return -1;
	errno = 0;
	char *end;
	long long v = strtoll(text, &end, 10);
	if (errno || v <= 0)
		return -1;
	*id = v;
	return 0;
}

/* Maps the stored answers onto the model. The text is the one they were
 * given against (its SHA-256 is checked as it is read), so an answer it does
 * not know is damage, or an edit by hand: reported as damage, not guessed. */
static int restore_answers(struct store *st, struct saved_session *s)
{
	const struct criteria *c = s->source.model;
	struct session *se = s->session;
	for (size_t i = 0; i < s->stored.nchoices; i++) {
		const struct stored_choice *sc = &s->stored.choices[i];
		int q = criteria_question_index(c, sc->question);
		int ch = q < 0 ? -1 : criteria_choice_index(&c->questions[q], sc->choice);
		if (ch < 0) {
			fprintf(stderr, "verdict: session %lld: stored answer '%s: %s' is not in its "
			        "criteria: %s is damaged (or was edited by hand); it was not changed. Move "
			        "it aside or use --db to choose another file\n", s->stored.id,
			        sc->question, sc->choice, store_file(st));
			return EXIT_STORAGE;
		}
		se->choices[q] = ch;
	}
	for (size_t i = 0; i < s->stored.nweights; i++) {
		const struct stored_weight *sw = &s->stored.weights[i];
		int k = criteria_criterion_index(c, sw->criterion);
		if (k < 0 || !(sw->weight >= c->scale.min && sw->weight <= c->scale.max)) {
			fprintf(stderr, "verdict: session %lld: stored weight '%s: %g' does not fit its "
			        "criteria: %s is damaged (or was edited by hand); it was not changed. Move "
			        "it aside or use --db to choose another file\n", s->stored.id,
			        sw->criterion, sw->weight, store_file(st));
			return EXIT_STORAGE;
		}
		se->weights[k] = sw->weight;
		se->weight_set[k] = 1;
	}
	if (session_set_text(&se->project, s->stored.project) ||
	    session_set_text(&se->respondent, s->stored.respondent) ||
	    session_set_text(&se->notes, s->stored.notes)) {
		fprintf(stderr, "verdict: out of memory\n");
		return EXIT_STORAGE;
	}
	return EXIT_OK;
}

int saved_session_load(struct store *st, long long id, struct saved_session *out)
{
	memset(out, 0, sizeof *out);
	int rc = store_load(st, id, &out->stored);
	if (rc == STORE_NOT_FOUND) {
		fprintf(stderr, "verdict: no session %lld; 'verdict list' shows the saved ones\n", id);
		return EXIT_INVALID;
	}
	if (rc) {
		fprintf(stderr, "verdict: %s\n", store_error(st));
		return EXIT_STORAGE;
	}
	char name[512];
	snprintf(name, sizeof name, "session %lld criteria (%s)", id,
	         out->stored.criteria_name ? out->stored.criteria_name : "stored");
	rc = criteria_source_from_text(name, out->stored.criteria_text, out->stored.criteria_len,
	                               &out->source);
	if (rc) {
		stored_session_free(&out->stored);
		return rc;
	}
	out->session = session_new(out->source.model);
	if (!out->session) {
		fprintf(stderr, "verdict: out of memory\n");
		saved_session_free(out);
		return EXIT_STORAGE;
	}
	rc = restore_answers(st, out);
	if (rc)
		saved_session_free(out);
	return rc;
}

void saved_session_free(struct saved_session *s)
{
	session_free(s->session);
	criteria_source_free(&s->source);
	stored_session_free(&s->stored);
	memset(s, 0, sizeof *s);
}
