/* cmd_records.c - sessions as records: verdict copy (a new session from an
 * old one), verdict revert (bring back a revision), and the revisions that
 * 'verdict show ID --revisions' lists. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "criteria.h"
#include "diff_format.h"
#include "saved_session.h"
#include "store.h"
#include "text_print.h"
#include "xalloc.h"

/* Prints TEXT, a stored name, made safe for the terminal (text.h). */
static void put_safe(const char *text)
{
	text_puts(stdout, text, TEXT_LINE);
}

/* ---- verdict copy ---- */

static void copy_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict copy ID [--project NAME]\n"
	        "\n"
	        "Makes a new session from saved session ID (a scenario to try other\n"
	        "answers on, leaving the original as it is): the same criteria text,\n"
	        "answers, names, notes and status, under a new id, which it prints. The\n"
	        "copy remembers which session it came from ('verdict show' says so).\n"
	        "\n"
	        "  -p, --project NAME  the copy's project name (else the original's)\n"
	        "  -h, --help          this help\n"
	        "\n"
	        "Exit status: 0 copied, 1 no such session, 2 usage error, 3 storage failure.\n");
}

int cmd_copy(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "project", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *project = NULL;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
		if (ch == 'p') {
			project = optarg;
		} else if (ch == 'h') {
			copy_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("copy", argv, longopts, copy_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict copy: %s\n", optind >= argc ? "name the session to copy"
		                                                      : "copy one session at a time");
		copy_usage(stderr);
		return EXIT_USAGE;
	}
	long long id, copy = 0;
	if (cli_session_id("copy", argv[optind], &id))
		return EXIT_USAGE;
	if (project && !*project) {
		text_printf(stderr, "verdict copy: --project needs a name\n");
		return EXIT_USAGE;
	}
	struct store *st;
	int status = cli_open_store("copy", g, 0, &st);
	if (status)
		return status;
	if (store_copy(st, id, project, &copy))
		status = cli_fail("copy", store_error(st));
	else
		text_printf(stdout, "Copied session %lld to session %lld.\n", id, copy);
	store_close(st);
	return status;
}

/* ---- verdict revert ---- */

static void revert_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict revert ID REV\n"
	        "\n"
	        "Brings back revision REV of saved session ID: the answers, names, notes\n"
	        "and status it had then ('verdict show ID --revisions' lists them). The\n"
	        "answers it has now are kept as a revision first, so a revert can itself\n"
	        "be reverted.\n"
	        "\n"
	        "Exit status: 0 reverted, 1 no such session or revision, 2 usage error,\n"
	        "3 storage failure.\n");
}

int cmd_revert(int argc, char **argv, const struct global_opts *g)
{
	int status = cli_only_help("revert", argc, argv, revert_usage);
	if (status >= 0)
		return status;
	if (argc - optind != 2) {
		text_printf(stderr, "verdict revert: name the session and the revision to bring back\n");
		revert_usage(stderr);
		return EXIT_USAGE;
	}
	long long id, rev, kept = 0;
	if (cli_session_id("revert", argv[optind], &id))
		return EXIT_USAGE;
	if (saved_session_parse_id(argv[optind + 1], &rev, NULL)) {
		char dbw[600];
		text_printf(stderr, "verdict revert: '%s' is not a revision number: use one that "
		            "'verdict %sshow %lld --revisions' shows\n", argv[optind + 1],
		            cli_db_words(g->db, dbw, sizeof dbw), id);
		return EXIT_USAGE;
	}
	struct store *st;
	status = cli_open_store("revert", g, 0, &st);
	if (status)
		return status;
	if (store_revert(st, id, rev, &kept))
		status = cli_fail("revert", store_error(st));
	else if (kept == rev)
		text_printf(stdout, "Session %lld already has the answers of revision %lld; nothing was changed.\n",
		       id, rev);
	else
		text_printf(stdout, "Session %lld has the answers of revision %lld again; the answers it had are "
		       "kept as revision %lld.\n", id, rev, kept);
	store_close(st);
	return status;
}

/* ---- verdict show ID --revisions ---- */

static const char *choice_of(const struct stored_session *s, const char *question)
{
	for (size_t i = 0; i < s->nchoices; i++)
		if (strcmp(s->choices[i].question, question) == 0)
			return s->choices[i].choice;
	return NULL;
}

static int weight_of(const struct stored_session *s, const char *criterion, double *w)
{
	for (size_t i = 0; i < s->nweights; i++)
		if (strcmp(s->weights[i].criterion, criterion) == 0) {
			*w = s->weights[i].weight;
			return 1;
		}
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The comparison of A and B at LEVEL in S, whichever way round, as A over B
 * into *V; 0 when S has none. */
static int judgment_of(const struct stored_session *s, const char *level, const char *a,
                       const char *b, double *v)
{
	for (size_t i = 0; i < s->njudgments; i++) {
		const struct stored_judgment *j = &s->judgments[i];
		if (strcmp(j->level, level) != 0)
			continue;
		if (strcmp(j->a, a) == 0 && strcmp(j->b, b) == 0) {
			*v = j->value;
			return 1;
		}
		if (strcmp(j->a, b) == 0 && strcmp(j->b, a) == 0) {
			*v = 1 / j->value;
			return 1;
		}
	}
	return 0;
}

/* A comparison's value in plain terms: "3 times", or "1/5 of" for a
 * reciprocal of a whole number. */
static void print_ratio(double v)
{
	struct strbuf b;
	strbuf_init(&b);
	diff_ratio_words(&b, v);
	text_puts(stdout, strbuf_str(&b), TEXT_LINE);
	strbuf_free(&b);
}

/* The name of A, an item of a comparison at LEVEL: a criterion's name, or a
 * group's. */
static const char *item_name(const struct criteria *c, const char *level, const char *a)
{
	int k = strcmp(level, "criteria") == 0 ? criteria_criterion_index(c, a) : -1;
	return k >= 0 ? c->criteria[k].name : a;
}

/* One line for comparison J of revision R (or, when ONLY_NOW, of NOW alone)
 * that NOW does not hold the same; returns 1 when printed. */
static int print_judgment_change(const struct criteria *c, const struct stored_judgment *j,
                                 const struct stored_session *other, int only_now)
{
	double v = 0;
	int there = judgment_of(other, j->level, j->a, j->b, &v);
	if (only_now ? there : there && v == j->value)
		return 0;
	text_printf(stdout, "    ");
	put_safe(item_name(c, j->level, j->a));
	text_printf(stdout, " against ");
	put_safe(item_name(c, j->level, j->b));
	text_printf(stdout, ": ");
	if (only_now) {
		text_printf(stdout, "not compared (now ");
		print_ratio(j->value);
		text_printf(stdout, ")\n");
		return 1;
	}
	print_ratio(j->value);
	if (there) {
		text_printf(stdout, " (now ");
		print_ratio(v);
		text_printf(stdout, ")\n");
	} else {
		text_printf(stdout, " (now not compared)\n");
	}
	return 1;
}

/* The label of choice ID of question Q, or ID itself. */
static const char *choice_label(const struct question *q, const char *id)
{
	int k = q ? criteria_choice_index(q, id) : -1;
	return k >= 0 ? q->choices[k].label : id;
}

static void print_name_change(const char *what, const char *then, const char *now)
{
	text_printf(stdout, "    %s: ", what);
	put_safe(then ? then : "(none)");
	text_printf(stdout, " (now ");
	put_safe(now ? now : "(none)");
	text_printf(stdout, ")\n");
}

static const char *status_word(const struct stored_session *s)
{
	return s->status == SESSION_COMPLETE ? "complete" : "in progress";
}

static const char *weighing_words(const char *weighting)
{
	return strcmp(weighting, "pairwise") == 0 ? "comparing criteria in pairs"
	                                          : "a weight for each criterion";
}

/* What revision R had that differs from session NOW, one line each. */
static void print_differences(const struct criteria *c, const struct stored_session *r,
                              const struct stored_session *now)
{
	int any = 0;
	if (r->status != now->status || !same_text(r->winner_name, now->winner_name)) {
		text_printf(stdout, "    Status: %s", status_word(r));
		if (r->status == SESSION_COMPLETE) {
			text_printf(stdout, ", winner ");
			put_safe(r->winner_name ? r->winner_name : "none (a tie)");
		}
		text_printf(stdout, " (now %s", status_word(now));
		if (now->status == SESSION_COMPLETE) {
			text_printf(stdout, ", winner ");
			put_safe(now->winner_name ? now->winner_name : "none (a tie)");
		}
		text_printf(stdout, ")\n");
		any = 1;
	}
	if (!same_text(r->project, now->project)) {
		print_name_change("Project", r->project, now->project);
		any = 1;
	}
	if (!same_text(r->respondent, now->respondent)) {
		print_name_change("Respondent", r->respondent, now->respondent);
		any = 1;
	}
	if (!same_text(r->notes, now->notes)) {
		text_printf(stdout, "    Notes: changed since\n");
		any = 1;
	}
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const char *a = choice_of(r, qu->id), *b = choice_of(now, qu->id);
		if (same_text(a, b))
			continue;
		text_printf(stdout, "    ");
		put_safe(qu->name ? qu->name : qu->prompt);
		text_printf(stdout, ": ");
		put_safe(a ? choice_label(qu, a) : "(not answered)");
		text_printf(stdout, " (now ");
		put_safe(b ? choice_label(qu, b) : "(not answered)");
		text_printf(stdout, ")\n");
		any = 1;
	}
	for (size_t k = 0; k < c->ncriteria; k++) {
		double a = 0, b = 0;
		int ha = weight_of(r, c->criteria[k].id, &a), hb = weight_of(now, c->criteria[k].id, &b);
		if (ha == hb && (!ha || a == b))
			continue;
		text_printf(stdout, "    Weight of ");
		put_safe(c->criteria[k].name);
		if (ha)
			text_printf(stdout, ": %g (%s)", a, criteria_weight_label(c, a));
		else
			text_printf(stdout, ": not set");
		if (hb)
			text_printf(stdout, " (now %g, %s)\n", b, criteria_weight_label(c, b));
		else
			text_printf(stdout, " (now not set)\n");
		any = 1;
	}
	if (strcmp(r->weighting, now->weighting) != 0) {
		text_printf(stdout, "    Weighing: %s (now %s)\n", weighing_words(r->weighting),
		            weighing_words(now->weighting));
		any = 1;
	}
	for (size_t i = 0; i < r->njudgments; i++)
		any |= print_judgment_change(c, &r->judgments[i], now, 0);
	for (size_t i = 0; i < now->njudgments; i++) {
		double v;
		const struct stored_judgment *j = &now->judgments[i];
		if (!judgment_of(r, j->level, j->a, j->b, &v))
			any |= print_judgment_change(c, j, r, 1);
	}
	if (!any)
		text_printf(stdout, "    The same answers as now.\n");
}

static json_t *json_text(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *revision_json(const struct stored_session *r, const struct revision_summary *sum)
{
	char kept[32], updated[32];
	clock_format_iso(sum ? sum->kept : 0, kept, sizeof kept);
	clock_format_iso(r->updated, updated, sizeof updated);
	json_t *o = json_object(), *ch = json_object(), *w = json_object();
	for (size_t i = 0; i < r->nchoices; i++)
		json_object_set_new(ch, r->choices[i].question, json_string(r->choices[i].choice));
	for (size_t i = 0; i < r->nweights; i++)
		json_object_set_new(w, r->weights[i].criterion, json_real(r->weights[i].weight));
	json_object_set_new(o, "rev", json_integer(r->revision));
	json_object_set_new(o, "kept", json_string(kept));
	json_object_set_new(o, "updated", json_string(updated));
	json_object_set_new(o, "status", json_string(r->status == SESSION_COMPLETE ? "complete"
	                                                                          : "in-progress"));
	json_object_set_new(o, "winner", json_text(r->winner_name));
	json_object_set_new(o, "project", json_text(r->project));
	json_object_set_new(o, "respondent", json_text(r->respondent));
	json_object_set_new(o, "notes", json_text(r->notes));
	json_object_set_new(o, "step", json_integer(r->step));
	json_object_set_new(o, "choices", ch);
	json_object_set_new(o, "weights", w);
	json_object_set_new(o, "weighting", json_string(r->weighting));
	json_t *js = json_array();
	for (size_t i = 0; i < r->njudgments; i++) {
		const struct stored_judgment *j = &r->judgments[i];
		json_t *one = json_object();
		json_object_set_new(one, "level", json_string(j->level));
		json_object_set_new(one, "a", json_string(j->a));
		json_object_set_new(one, "b", json_string(j->b));
		json_object_set_new(one, "value", json_real(j->value));
		json_array_append_new(js, one);
	}
	json_object_set_new(o, "judgments", js);
	return o;
}

struct kept_times {
	long long *revs;
	time_t *kept;
	size_t n, cap;
};

static int collect_kept(const struct revision_summary *r, void *ctx)
{
	struct kept_times *k = ctx;
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 16;
		k->revs = xreallocarray(k->revs, k->cap, sizeof *k->revs);
		k->kept = xreallocarray(k->kept, k->cap, sizeof *k->kept);
	}
	k->revs[k->n] = r->rev;
	k->kept[k->n++] = r->kept;
	return 0;
}

int show_revisions(struct store *st, const struct saved_session *ss, int json, const char *db)
{
	const struct stored_session *now = &ss->stored;
	long long id = now->id;
	struct kept_times k = { 0 };
	char dbw[600];
	if (store_revisions(st, id, collect_kept, &k)) {
		free(k.revs);
		free(k.kept);
		return cli_fail("show", store_error(st));
	}
	json_t *arr = json ? json_array() : NULL;
	if (!json) {
		text_printf(stdout, "Session %lld: ", id);
		put_safe(now->project ? now->project : "(no project name)");
		text_printf(stdout, ", now %s", status_word(now));
		if (now->status == SESSION_COMPLETE) {
			text_printf(stdout, ", winner ");
			put_safe(now->winner_name ? now->winner_name : "none (a tie)");
		}
		char updated[40];
		clock_format(now->updated, updated, sizeof updated);
		text_printf(stdout, "; last answer %s\n", updated);
		if (!k.n)
			text_printf(stdout, "No revisions: its answers have not been changed since it was finished.\n");
		else
			text_printf(stdout, "Revisions, the answers it had before each change ('verdict "
			            "%srevert %lld REV' brings one back):\n",
			            cli_db_words(db, dbw, sizeof dbw), id);
	}
	int status = EXIT_OK;
	for (size_t i = 0; i < k.n && status == EXIT_OK; i++) {
		struct stored_session r;
		if (store_revision_load(st, id, k.revs[i], &r)) {
			struct verror err = *store_error(st);
			/* Listed a moment ago: gone since is another process's doing. */
			if (err.kind == VERROR_INPUT)
				verror_set(&err, VERROR_STORAGE, "a revision went while it was read; try "
				           "again");
			status = cli_fail("show", &err);
			break;
		}
		if (json) {
			struct revision_summary sum = { .rev = k.revs[i], .kept = k.kept[i] };
			json_array_append_new(arr, revision_json(&r, &sum));
		} else {
			char kept[40], updated[40];
			clock_format(k.kept[i], kept, sizeof kept);
			clock_format(r.updated, updated, sizeof updated);
			text_printf(stdout, "\nRevision %lld, kept %s (answers of %s): %s", r.revision, kept, updated,
			       status_word(&r));
			if (r.status == SESSION_COMPLETE) {
				text_printf(stdout, ", winner ");
				put_safe(r.winner_name ? r.winner_name : "none (a tie)");
			}
			text_printf(stdout, "\n");
			print_differences(ss->source.model, &r, now);
		}
		stored_session_free(&r);
	}
	free(k.revs);
	free(k.kept);
	if (json && status == EXIT_OK) {
		json_t *doc = json_object();
		json_object_set_new(doc, "session", json_integer(id));
		json_object_set(doc, "revisions", arr);
		if (json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			fputc('\n', stdout);
		json_decref(doc);
	}
	json_decref(arr);
	return status;
}
