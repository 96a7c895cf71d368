/* cmd_journal.c - 'verdict decide' and 'verdict review': the decision
 * journal, the option actually chosen beside the advice, and later how it
 * turned out (store_decide(), store_review()). */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "cli.h"
#include "criteria.h"
#include "saved_session.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "text_print.h"

/* ---- verdict decide ---- */

static void decide_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict decide ID --chose OPTION [--note TEXT]\n"
	        "\n"
	        "Records the option actually chosen for saved session ID, and why, with\n"
	        "the date, beside the advice the session gave (its winner). OPTION is an\n"
	        "option's id or name, whatever the case of its letters. A new decision\n"
	        "supersedes the last one, which stays in the session's journal ('verdict\n"
	        "show ID' lists it). A session not finished yet has no advice: the\n"
	        "decision is recorded without one. It changes none of the answers.\n"
	        "\n"
	        "  -c, --chose OPTION  the option chosen (its id or name)\n"
	        "  -n, --note TEXT     why it was chosen\n"
	        "  -h, --help          this help\n"
	        "\n"
	        "Exit status: 0 recorded, 1 no such session or option, 2 usage error,\n"
	        "3 storage failure.\n");
}

/* The next letter of *P (UTF-8), folded to lower case by Unicode's simple
 * case mapping where the locale knows it; moves *P past it. */
static wint_t next_folded(const char **p, locale_t loc)
{
	uint32_t c = 0;
	size_t n = text_utf8_decode(*p, strlen(*p), &c);
	*p += n ? n : 1;
	if (!n)
		c = 0xFFFD;
	return loc ? towlower_l((wint_t)c, loc) : towlower((wint_t)c);
}

/* Whether A and B are the same name whatever the case of their letters. */
static int same_name(const char *a, const char *b)
{
	locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	int same = 1;
	while (same && (*a || *b))
		same = *a && *b && next_folded(&a, loc) == next_folded(&b, loc);
	if (loc)
		freelocale(loc);
	return same;
}

/* The option of C that WANT names (its id first, then its name, whatever
 * the case), or -1. */
static long find_option(const struct criteria *c, const char *want)
{
	for (size_t o = 0; o < c->noptions; o++)
		if (strcmp(c->options[o].id, want) == 0)
			return (long)o;
	for (size_t o = 0; o < c->noptions; o++)
		if (same_name(c->options[o].id, want) || same_name(c->options[o].name, want))
			return (long)o;
	return -1;
}

/* Says that WANT is none of C's options, listing them. Returns EXIT_INVALID. */
static int unknown_option(long long id, const struct criteria *c, const char *want)
{
	struct strbuf list;
	strbuf_init(&list);
	for (size_t o = 0; o < c->noptions; o++)
		text_format(&list, "%s%s (%s)", o ? ", " : "", c->options[o].id, c->options[o].name);
	text_printf(stderr, "verdict decide: '%s' is not an option of session %lld; ", want, id);
	fprintf(stderr, "choose one of: %s\n", list.data ? list.data : "");
	strbuf_free(&list);
	return EXIT_INVALID;
}

int cmd_decide(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "chose", required_argument, NULL, 'c' },
		{ "note", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *chose = NULL, *note = NULL;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:n:h", longopts, NULL)) != -1) {
		if (ch == 'c') {
			chose = optarg;
		} else if (ch == 'n') {
			note = optarg;
		} else if (ch == 'h') {
			decide_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("decide", argv, longopts, decide_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict decide: %s\n", optind >= argc
		            ? "name the session the decision is for" : "decide one session at a time");
		decide_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("decide", argv[optind], &id))
		return EXIT_USAGE;
	if (!chose || !*chose) {
		text_printf(stderr, "verdict decide: say which option was chosen with --chose OPTION\n");
		return EXIT_USAGE;
	}
	if (note && !*note) {
		text_printf(stderr, "verdict decide: --note needs a text (leave it out for none)\n");
		return EXIT_USAGE;
	}
	struct store *st;
	int status = cli_open_store("decide", g, 0, &st);
	if (status)
		return status;
	struct saved_session ss;
	struct diags d;
	struct verror err;
	if (saved_session_load(st, id, &ss, &d, &err)) {
		status = cli_fail_input("decide", &d, &err);
		diags_free(&d);
		store_close(st);
		return status;
	}
	diags_free(&d);
	const struct criteria *c = ss.source.model;
	long o = find_option(c, chose);
	if (o < 0) {
		status = unknown_option(id, c, chose);
	} else {
		const char *name = c->options[o].name;
		int complete = ss.stored.status == SESSION_COMPLETE;
		const char *advised = complete ? ss.stored.winner_name : NULL;
		if (store_decide(st, id, c->options[o].id, name, advised, note, NULL))
			status = cli_fail("decide", store_error(st));
		else if (!complete)
			text_printf(stdout, "Recorded for session %lld: %s chosen; the session is not "
			            "finished, so there is no advice to compare it with.\n", id, name);
		else if (!advised)
			text_printf(stdout, "Recorded for session %lld: %s chosen; the advice was a "
			            "tie.\n", id, name);
		else if (strcmp(advised, name) == 0)
			text_printf(stdout, "Recorded for session %lld: %s chosen, as advised.\n", id,
			            name);
		else
			text_printf(stdout, "Recorded for session %lld: %s chosen, not %s as "
			            "advised.\n", id, name, advised);
	}
	saved_session_free(&ss);
	store_close(st);
	return status;
}

/* ---- verdict review ---- */

static void review_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict review ID --outcome TEXT [--rating 1-5]\n"
	        "\n"
	        "Records, later, how the decision recorded for saved session ID turned\n"
	        "out ('verdict decide' records the decision; a session without one has\n"
	        "nothing to review yet), with the date and, if given, a rating from 1\n"
	        "(badly) to 5 (very well). Every view shows the latest review of the\n"
	        "latest decision.\n"
	        "\n"
	        "  -o, --outcome TEXT  how it turned out\n"
	        "  -r, --rating N      how well, from 1 to 5\n"
	        "  -h, --help          this help\n"
	        "\n"
	        "Exit status: 0 recorded, 1 no such session or no decision to review,\n"
	        "2 usage error, 3 storage failure.\n");
}

/* The latest decision in S's journal, or NULL. */
static const struct journal_entry *latest_decision(const struct stored_session *s)
{
	for (size_t i = s->njournal; i-- > 0;)
		if (strcmp(s->journal[i].kind, "decision") == 0)
			return &s->journal[i];
	return NULL;
}

int cmd_review(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "outcome", required_argument, NULL, 'o' },
		{ "rating", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *outcome = NULL, *rating_text = NULL;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:r:h", longopts, NULL)) != -1) {
		if (ch == 'o') {
			outcome = optarg;
		} else if (ch == 'r') {
			rating_text = optarg;
		} else if (ch == 'h') {
			review_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("review", argv, longopts, review_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict review: %s\n", optind >= argc
		            ? "name the session the review is for" : "review one session at a time");
		review_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("review", argv[optind], &id))
		return EXIT_USAGE;
	if (!outcome || !*outcome) {
		text_printf(stderr, "verdict review: say how it turned out with --outcome TEXT\n");
		return EXIT_USAGE;
	}
	int rating = 0;
	if (rating_text) {
		if (strlen(rating_text) != 1 || rating_text[0] < '1' || rating_text[0] > '5') {
			text_printf(stderr, "verdict review: --rating must be a whole number from 1 to "
			            "5, not '%s'\n", rating_text);
			return EXIT_USAGE;
		}
		rating = rating_text[0] - '0';
	}
	struct store *st;
	int status = cli_open_store("review", g, 0, &st);
	if (status)
		return status;
	struct stored_session s;
	if (store_load(st, id, &s)) {
		status = cli_fail("review", store_error(st));
		store_close(st);
		return status;
	}
	const struct journal_entry *dec = latest_decision(&s);
	if (!dec) {
		char dbw[600];
		text_printf(stderr, "verdict review: session %lld has no decision to review yet; "
		            "record it first with 'verdict %sdecide %lld --chose OPTION'\n", id,
		            cli_db_words(g->db, dbw, sizeof dbw), id);
		status = EXIT_INVALID;
	} else if (store_review(st, id, outcome, rating, NULL)) {
		status = cli_fail("review", store_error(st));
	} else if (rating) {
		text_printf(stdout, "Recorded for session %lld: how choosing %s turned out, rated "
		            "%d of 5.\n", id, dec->option_name, rating);
	} else {
		text_printf(stdout, "Recorded for session %lld: how choosing %s turned out.\n", id,
		            dec->option_name);
	}
	stored_session_free(&s);
	store_close(st);
	return status;
}
