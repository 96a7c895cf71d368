/* cmd_show.c - verdict show: one saved session's answers and its result,
 * recomputed with the scoring engine from the criteria text stored with it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_report.h"
#include "clock.h"
#include "export.h"
#include "saved_session.h"
#include "score.h"
#include "score_format.h"
#include "store.h"
#include "text_print.h"

static void show_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict show ID [--format text|json|md] [--draft]\n"
	        "       verdict show ID --revisions [--format text|json]\n"
	        "\n"
	        "Shows a saved session: who answered, the profile answers, the weights the\n"
	        "person set, and the result, recomputed from the exact criteria text the\n"
	        "session was answered against (so it holds even after the criteria file\n"
	        "changed or was deleted), then the decision recorded ('verdict decide')\n"
	        "beside that advice, how it turned out ('verdict review') and the earlier\n"
	        "entries of the journal. json and md are the full reports of\n"
	        "'verdict export'. Nothing in the database is changed.\n"
	        "\n"
	        "A session that is not finished has no recommendation yet: text shows its\n"
	        "answers and says so; json and md give nothing and exit 1.\n"
	        "\n"
	        "  -f, --format FMT  text (the default), json or md\n"
	        "  -d, --draft       show an unfinished session's result as it stands,\n"
	        "                    marked as a draft\n"
	        "  -r, --revisions   the session's revisions: the answers it had before\n"
	        "                    each change, and how they differ from now\n"
	        "                    ('verdict revert ID REV' brings one back)\n"
	        "  -h, --help        this help\n"
	        "\n"
	        "Exit status: 0 success, 1 unknown session or no recommendation yet, 2 usage\n"
	        "error, 3 storage failure.\n");
}

/* Where an imported session came from, and when it was imported. */
static int write_origin(FILE *out, const struct stored_session *meta)
{
	if (!meta || !meta->origin)
		return 0;
	char when[CLOCK_TEXT_MAX];
	clock_format_into(meta->imported, 0, when);
	return text_printf(out, "Imported from %s on %s\n", meta->origin, when) < 0 ? -1 : 0;
}

/* The journal of META beside the advice of R (NULL: no result): the latest
 * decision in a sentence, why, the outcome, then the earlier entries. */
static int write_journal(FILE *out, const struct criteria *c, const struct result *r,
                         const struct stored_session *meta)
{
	const struct journal_entry *review;
	const struct journal_entry *d = score_latest_decision(meta, &review);
	if (!d)
		return 0;
	int rc = 0;
	char *text = score_decision_text_new(c, r, d);
	rc |= text_printf(out, "%s\n", text) < 0;
	free(text);
	if (d->note)
		rc |= text_printf(out, "  Why: %s\n", d->note) < 0;
	if (review) {
		text = score_review_text_new(review);
		rc |= text_printf(out, "  %s\n", text) < 0;
		free(text);
	}
	/* The entries superseded, oldest first. */
	size_t shown = 1 + (review != NULL);
	if (meta->njournal > shown) {
		rc |= text_printf(out, "Earlier in the journal:\n") < 0;
		for (size_t i = 0; i < meta->njournal; i++) {
			const struct journal_entry *e = &meta->journal[i];
			if (e == d || e == review)
				continue;
			char when[CLOCK_TEXT_MAX];
			clock_format_into(e->at, 0, when);
			if (strcmp(e->kind, "decision") == 0)
				rc |= text_printf(out, "  %s: decided on %s%s%s\n", when, e->option_name,
				                  e->note ? ": " : "", e->note ? e->note : "") < 0;
			else if (e->rating)
				rc |= text_printf(out, "  %s: outcome %s, rated %d of 5\n", when, e->note,
				                  e->rating) < 0;
			else
				rc |= text_printf(out, "  %s: outcome %s\n", when, e->note) < 0;
		}
	}
	return rc ? -1 : 0;
}

static void print_answers(const struct saved_session *ss)
{
	const struct stored_session *st = &ss->stored;
	const struct criteria *c = ss->source.model;
	const struct session *s = ss->session;
	char created[40], updated[40];
	clock_format(st->created, created, sizeof created);
	clock_format(st->updated, updated, sizeof updated);

	text_printf(stdout, "Session %lld: %s, answered by %s\n", st->id,
	            st->project ? st->project : "(no project name)",
	            st->respondent ? st->respondent : "(no name given)");
	text_printf(stdout, "Criteria: %s (%s, from %s)\n", c->title, c->id, st->criteria_name);
	text_printf(stdout, "Status: %s; started %s, last answer %s\n",
	            st->status == SESSION_COMPLETE ? "complete" : "in progress", created, updated);
	if (st->copied_from)
		text_printf(stdout, "Copied from session %lld\n", st->copied_from);
	write_origin(stdout, st);
	if (st->notes) {
		/* The notes keep their lines. */
		fputs("Notes: ", stdout);
		text_puts(stdout, st->notes, TEXT_LINES);
		fputc('\n', stdout);
	}

	if (c->nquestions) {
		text_printf(stdout, "\nProfile:\n");
		for (size_t q = 0; q < c->nquestions; q++) {
			int ch = s->choices[q];
			text_printf(stdout, "  %s %s\n", c->questions[q].prompt,
			            ch >= 0 ? c->questions[q].choices[ch].label : "(not answered)");
		}
	}
	if (s->weighting == WEIGHTING_PAIRWISE) {
		/* Weighed in pairs: the comparisons are what the person set. */
		struct score_lines given;
		score_given_lines(c, s, &given);
		text_printf(stdout, "\nWeighed by comparing the criteria in pairs; you said:%s\n",
		            given.count ? "" : " nothing yet");
		for (size_t j = 0; j < given.count; j++)
			text_printf(stdout, "  - %s\n", given.items[j]);
		score_lines_free(&given);
		text_printf(stdout, "\n");
		return;
	}
	size_t nset = 0;
	for (size_t i = 0; i < c->ncriteria; i++)
		nset += s->weight_set[i];
	text_printf(stdout, "\nWeights set by the person: %s\n",
	            nset ? "" : "none (defaults and profile)");
	for (size_t i = 0; i < c->ncriteria; i++)
		if (s->weight_set[i])
			text_printf(stdout, "  %s: %g (%s)\n", c->criteria[i].name, s->weights[i],
			            criteria_weight_label(c, s->weights[i]));
	text_printf(stdout, "\n");
}

int cmd_show(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "draft", no_argument, NULL, 'd' },
		{ "revisions", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	int ch, draft = 0, revisions = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:drh", longopts, NULL)) != -1) {
		if (ch == 'f') {
			format = optarg;
		} else if (ch == 'd') {
			draft = 1;
		} else if (ch == 'r') {
			revisions = 1;
		} else if (ch == 'h') {
			show_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("show", argv, longopts, show_usage);
		}
	}
	enum report_format rf = REPORT_MD;
	int text = strcmp(format, "text") == 0;
	if (!text && ((strcmp(format, "json") && strcmp(format, "md")) ||
	              report_format_parse(format, &rf))) {
		text_printf(stderr, "verdict show: unknown format '%s'; use text, json or md\n", format);
		return EXIT_USAGE;
	}
	if (revisions && !text && rf != REPORT_JSON) {
		fprintf(stderr, "verdict show: --revisions lists them as text or json\n");
		return EXIT_USAGE;
	}
	if (revisions && draft) {
		fprintf(stderr, "verdict show: --draft is for a result; --revisions shows none\n");
		return EXIT_USAGE;
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict show: name exactly one session id\n");
		show_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("show", argv[optind], &id))
		return EXIT_USAGE;
	struct store *st;
	int rc = cli_open_store("show", g, STORE_OPEN_READ_ONLY, &st);
	if (rc)
		return rc;
	struct saved_session ss;
	struct diags d;
	struct verror err;
	if (saved_session_load(st, id, &ss, &d, &err))
		rc = cli_fail_input("show", &d, &err);
	diags_free(&d);
	if (rc == EXIT_OK && revisions) {
		rc = show_revisions(st, &ss, !text, g->db);
		saved_session_free(&ss);
	} else if (rc == EXIT_OK && !text && rf == REPORT_JSON &&
	           saved_session_load_revisions(st, &ss, &err)) {
		/* the JSON report carries the revisions, as export's does */
		rc = cli_fail("show", &err);
		saved_session_free(&ss);
	}
	store_close(st);
	if (rc || revisions)
		return rc;
	/* Not finished: no recommendation, unless a draft is asked for. */
	if (ss.stored.status != SESSION_COMPLETE && !draft) {
		if (text) {
			print_answers(&ss);
			printf("Session %lld is not finished: no recommendation yet. Use --draft to see "
			       "the draft result.\n", id);
			if (score_latest_decision(&ss.stored, NULL)) {
				printf("\n");
				write_journal(stdout, ss.source.model, NULL, &ss.stored);
			}
		} else {
			fprintf(stderr, "verdict show: session %lld is not finished: no recommendation "
			        "yet. Use --draft to see the draft result.\n", id);
			rc = EXIT_INVALID;
		}
		saved_session_free(&ss);
		return rc;
	}

	struct result r;
	enum score_status sst = score_session(ss.source.model, ss.session, &r);
	if (sst != SCORE_OK) {
		/* The answers are worth seeing even when they give no result. */
		if (text)
			print_answers(&ss);
		verror_set(&err, VERROR_INPUT, "session %lld: %s", id, score_status_message(sst));
		saved_session_free(&ss);
		return cli_fail("show", &err);
	}
	if (text) {
		print_answers(&ss);
		if (ss.stored.status != SESSION_COMPLETE)
			printf("Draft: session %lld is not finished, so this result may still change.\n\n",
			       id);
		score_write_text(stdout, ss.source.model, ss.session, &r, cli_utf8_locale());
		if (score_latest_decision(&ss.stored, NULL)) {
			printf("\n");
			write_journal(stdout, ss.source.model, &r, &ss.stored);
		}
	} else {
		struct strbuf out;
		strbuf_init(&out);
		/* The config file's defaults, as verdict export has them. */
		struct cli_report rep;
		cli_report_init(&rep);
		rc = cli_report_defaults("show", &rep);
		if (rc == EXIT_OK && export_render_saved(rf, &ss, &r, clock_now(), &rep.opts, &out,
		                                         &err))
			rc = cli_fail("show", &err);
		else if (rc == EXIT_OK)
			rc = cli_write_stdout("show", strbuf_str(&out), out.len);
		cli_report_free(&rep);
		strbuf_free(&out);
	}
	/* A failed write of the text is main()'s to say (close_stdout()). */
	result_free(&r);
	saved_session_free(&ss);
	return rc;
}
