/* cmd_sessions.c - verdict list and verdict delete: browsing and removing
 * saved sessions. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "saved_session.h"
#include "score.h"
#include "score_format.h"
#include "store.h"
#include "text_print.h"
#include "xalloc.h"

/* ---- verdict list ---- */

static void list_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict list [--project NAME] [--format text|json]\n"
	        "\n"
	        "Lists the saved sessions, newest first: id, project, respondent, criteria\n"
	        "title, status, winner and when each was last updated (UTC). --project\n"
	        "keeps only that project's sessions (the name in any case: 'shop' finds\n"
	        "'Shop'). --format json prints an array of\n"
	        "objects with the keys id, project, respondent, criteria_title, status\n"
	        "(\"in-progress\" or \"complete\"), winner, margin and strength (a complete\n"
	        "session's, as 'verdict score --format json' gives them) and updated (ISO\n"
	        "8601, UTC); missing values are null. Nothing in the database is changed.\n"
	        "\n"
	        "Exit status: 0 success, 2 usage error, 3 storage failure.\n");
}

/* The text listing reads the sessions twice, streaming both times: once to
 * size the columns, once to print. Nothing is gathered in memory, so a
 * listing of 100,000 sessions costs what printing them costs. */
enum { COL_PROJECT, COL_RESPONDENT, COL_CRITERIA, COL_WINNER, NTEXT };

static const char *const col_heads[NTEXT] = { "PROJECT", "RESPONDENT", "CRITERIA", "WINNER" };
/* A column is never wider than this; longer text is cut with an ellipsis. */
static const int col_caps[NTEXT] = { 24, 20, 32, 16 };

struct table {
	int idw;                /* width of the id column */
	int width[NTEXT];       /* widths of the text columns */
	size_t n;               /* rows seen */
	time_t when;            /* the time last formatted, and its text */
	char when_text[64];
	const char *ellipsis;   /* what stands for the cut end of a cell */
};

/* Display columns of S, text cleaned by row_texts(). */
static int cell_width(const char *s)
{
	return text_is_plain(s) ? (int)strlen(s) : text_utf8_width(s, strlen(s));
}

/* Prints S, cleaned text FULL columns wide, in WIDTH columns: cut with T's
 * ellipsis when longer, padded when PAD. */
static void print_cell(const struct table *t, const char *s, int full, int width, int pad)
{
	int shown = full;
	size_t len = strlen(s);
	if (full > width) {
		if (text_is_plain(s)) {
			len = (size_t)(width - 1);
			shown = width - 1;
		} else {
			len = text_utf8_fit(s, len, width - 1, &shown);
		}
	}
	fwrite(s, 1, len, stdout);
	if (full > width) {
		fputs(t->ellipsis, stdout);
		shown++;
	}
	static const char spaces[] = "                                ";
	for (int gap = width - shown; pad && gap > 0; gap -= (int)sizeof spaces - 1)
		fwrite(spaces, 1, gap < (int)sizeof spaces - 1 ? (size_t)gap : sizeof spaces - 1,
		       stdout);
}

/* The texts of a row's columns, with a stand-in for those not given, safe
 * for the terminal: printable ASCII as it is, anything else cleaned
 * (text.h) into a new string in CLEAN[c], which free_texts() frees. */
static void row_texts(const struct session_summary *s, const char *text[NTEXT],
                      char *clean[NTEXT])
{
	text[COL_PROJECT] = s->project ? s->project : "-";
	text[COL_RESPONDENT] = s->respondent ? s->respondent : "-";
	text[COL_CRITERIA] = s->criteria_title ? s->criteria_title : "-";
	text[COL_WINNER] = s->winner_name ? s->winner_name
	                 : s->status == SESSION_COMPLETE ? "(tie)" : "-";
	for (int c = 0; c < NTEXT; c++) {
		clean[c] = NULL;
		if (text_is_plain(text[c]))
			continue;
		clean[c] = text_clean_new(text[c], TEXT_LINE);
		text[c] = clean[c];
	}
}

static void free_texts(char *clean[NTEXT])
{
	for (int c = 0; c < NTEXT; c++)
		free(clean[c]);
}

/* First pass: the widest id and text of each column, within the caps. */
static int measure_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	const char *text[NTEXT];
	char *clean[NTEXT];
	row_texts(s, text, clean);
	int d = snprintf(NULL, 0, "%lld", s->id);
	if (d > t->idw)
		t->idw = d;
	for (int c = 0; c < NTEXT; c++) {
		if (t->width[c] >= col_caps[c])
			continue;
		int w = cell_width(text[c]);
		if (w > t->width[c])
			t->width[c] = w > col_caps[c] ? col_caps[c] : w;
	}
	free_texts(clean);
	t->n++;
	return 0;
}

static const char *status_text(enum session_status st)
{
	return st == SESSION_COMPLETE ? "complete" : "in progress";
}

static void print_head(const struct table *t)
{
	printf("%*s", t->idw, "ID");
	for (int c = 0; c < COL_WINNER; c++) {
		fputs("  ", stdout);
		print_cell(t, col_heads[c], (int)strlen(col_heads[c]), t->width[c], 1);
	}
	printf("  %-11s  ", "STATUS");
	print_cell(t, col_heads[COL_WINNER], (int)strlen(col_heads[COL_WINNER]),
	           t->width[COL_WINNER], 1);
	fputs("  UPDATED\n", stdout);
}

/* Second pass: one line per session. */
static int print_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	const char *text[NTEXT];
	char *clean[NTEXT];
	row_texts(s, text, clean);
	printf("%*lld", t->idw, s->id);
	for (int c = 0; c < COL_WINNER; c++) {
		fputs("  ", stdout);
		print_cell(t, text[c], cell_width(text[c]), t->width[c], 1);
	}
	printf("  %-11s  ", status_text(s->status));
	print_cell(t, text[COL_WINNER], cell_width(text[COL_WINNER]), t->width[COL_WINNER], 1);
	free_texts(clean);
	/* Rows come newest first, many within the same minute. */
	if (s->updated != t->when || !t->when_text[0]) {
		t->when = s->updated;
		clock_format(s->updated, t->when_text, sizeof t->when_text);
	}
	printf("  %s\n", t->when_text);
	return ferror(stdout) ? 1 : 0;
}

/* The JSON listing: one object per line, streamed (the listing may hold
 * many sessions), each row built in one buffer and written in large blocks. */
struct json_list {
	struct store *st;
	size_t n;               /* rows written */
	char *buf;              /* the rows not written yet */
	size_t len, cap;
};

static void put(struct json_list *j, const char *s, size_t n)
{
	if (j->len + n > j->cap) {
		j->cap = (j->len + n) * 2;
		j->buf = xrealloc(j->buf, j->cap);
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

#define PUT_LIT(j, lit) put((j), (lit), sizeof(lit) - 1)

static void flush_rows(struct json_list *j)
{
	fwrite(j->buf, 1, j->len, stdout);
	j->len = 0;
}

/* S as a JSON string, as jansson writes it and text_write() then cleans it:
 * printable ASCII needs only '"' and '\' escaped; other text goes through
 * jansson and text_write(TEXT_JSON) as before (score_json_text() makes
 * bytes that are not UTF-8 valid first). NULL is null. */
static void put_text(struct json_list *j, const char *s)
{
	if (!s) {
		PUT_LIT(j, "null");
		return;
	}
	if (text_is_plain(s)) {
		put(j, "\"", 1);
		for (const char *run = s;;) {
			size_t k = strcspn(run, "\"\\");
			put(j, run, k);
			if (!run[k])
				break;
			put(j, run[k] == '"' ? "\\\"" : "\\\\", 2);
			run += k + 1;
		}
		put(j, "\"", 1);
		return;
	}
	json_t *v = score_json_text(s);
	char *dump = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
	json_decref(v);
	if (!dump)
		xalloc_die();   /* jansson fails only for memory here: every text is UTF-8 */
	flush_rows(j);
	text_write(stdout, dump, strlen(dump), TEXT_JSON);
	free(dump);
}

/* A margin as jansson writes a real: %.17g, with ".0" when it reads as an
 * integer; an exponent, which jansson rewrites, is left to jansson. */
static void put_real(struct json_list *j, double v)
{
	char num[40];
	int n = snprintf(num, sizeof num, "%.17g", v);
	if (n > 0 && (size_t)n < sizeof num - 2 && !strpbrk(num, "eEni")) {
		if (!strchr(num, '.')) {
			memcpy(num + n, ".0", 3);
			n += 2;
		}
		put(j, num, (size_t)n);
		return;
	}
	json_t *r = json_real(v);
	char *dump = r ? json_dumps(r, JSON_ENCODE_ANY) : NULL;
	json_decref(r);
	if (!dump)
		xalloc_die();
	put(j, dump, strlen(dump));
	free(dump);
}

/* The margin and strength of complete session S: as saved, or for one saved
 * before they were kept (schema version 2 or older), scored again from its
 * stored criteria text and answers. 0 when not known (its criteria text no
 * longer reads, or nothing to weigh). */
static int session_result(struct json_list *j, const struct session_summary *s,
                          double *margin, const char **strength)
{
	if (s->strength) {
		*margin = s->margin;
		*strength = s->strength;
		return 1;
	}
	struct saved_session sv;
	struct verror err;
	verror_clear(&err);
	int known = 0;
	if (saved_session_load(j->st, s->id, &sv, NULL, &err) == 0) {
		struct result r;
		if (score_session(sv.source.model, sv.session, &r) == SCORE_OK) {
			*margin = r.margin;
			*strength = strength_name(r.strength);
			known = 1;
			result_free(&r);
		}
		saved_session_free(&sv);
	}
	return known;
}

/* One row. Stops when standard output fails. */
static int print_json_row(const struct session_summary *s, void *ctx)
{
	struct json_list *j = ctx;
	char num[24], when[CLOCK_TEXT_MAX];
	if (j->n++)
		PUT_LIT(j, ",\n  {\"id\": ");
	else
		PUT_LIT(j, "[\n  {\"id\": ");
	put(j, num, (size_t)snprintf(num, sizeof num, "%lld", s->id));
	PUT_LIT(j, ", \"project\": ");
	put_text(j, s->project);
	PUT_LIT(j, ", \"respondent\": ");
	put_text(j, s->respondent);
	PUT_LIT(j, ", \"criteria_title\": ");
	put_text(j, s->criteria_title);
	if (s->status == SESSION_COMPLETE)
		PUT_LIT(j, ", \"status\": \"complete\", \"winner\": ");
	else
		PUT_LIT(j, ", \"status\": \"in-progress\", \"winner\": ");
	put_text(j, s->winner_name);
	double margin;
	const char *strength;
	if (s->status == SESSION_COMPLETE && session_result(j, s, &margin, &strength)) {
		PUT_LIT(j, ", \"margin\": ");
		put_real(j, margin);
		PUT_LIT(j, ", \"strength\": \"");
		put(j, strength, strlen(strength));
		PUT_LIT(j, "\"");
	} else {
		PUT_LIT(j, ", \"margin\": null, \"strength\": null");
	}
	PUT_LIT(j, ", \"updated\": \"");
	put(j, when, clock_format_into(s->updated, 1, when));
	PUT_LIT(j, "\"}");
	if (j->len >= 1 << 16)
		flush_rows(j);
	return ferror(stdout);
}

/* The sessions may hold client names: a file other users can read gets a
 * warning (the listing goes on). */
static void warn_if_shared(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & (S_IRGRP | S_IROTH)))
		return;
	text_printf(stderr, "verdict list: warning: %s can be read by other users (mode %04o); "
	        "'chmod 600' on it keeps the sessions private\n", path,
	        (unsigned)(sb.st_mode & 07777));
}

int cmd_list(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "project", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *project = NULL, *format = "text";
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "p:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			project = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'h':
			list_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("list", argv, longopts, list_usage);
		}
	}
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		text_printf(stderr, "verdict list: unknown format '%s'; use text or json\n", format);
		return EXIT_USAGE;
	}
	if (optind < argc) {
		text_printf(stderr, "verdict list: unexpected argument '%s'\n", argv[optind]);
		list_usage(stderr);
		return EXIT_USAGE;
	}
	struct store *st;
	int status = cli_open_store("list", g, STORE_OPEN_READ_ONLY, &st);
	if (status)
		return status;
	warn_if_shared(store_file(st));
	/* A listing may run to megabytes: write it in large blocks. */
	static char outbuf[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	int rc;
	if (json) {
		struct json_list j = { .st = st };
		rc = store_list(st, project, print_json_row, &j);
		flush_rows(&j);
		free(j.buf);
		fputs(j.n ? "\n]\n" : "[]\n", stdout);
	} else {
		struct table t = { .idw = 2, .ellipsis = cli_utf8_locale() ? "\xe2\x80\xa6" : "." };
		for (int c = 0; c < NTEXT; c++)
			t.width[c] = (int)strlen(col_heads[c]);
		rc = store_list(st, project, measure_row, &t);
		if (rc == 0 && t.n) {
			print_head(&t);
			rc = store_list(st, project, print_row, &t);
		} else if (rc == 0) {
			text_printf(stdout, project ? "No saved sessions for project '%s'.\n"
			                    : "No saved sessions.%s\n", project ? project : "");
		}
	}
	/* A failed write to standard output is main()'s to say (close_stdout()). */
	if (rc)
		status = cli_fail("list", store_error(st));
	store_close(st);
	return status;
}

/* ---- verdict delete ---- */

static void delete_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict delete ID [--yes]\n"
	        "\n"
	        "Deletes saved session ID (see 'verdict list'), with its answers. On a\n"
	        "terminal it asks first, unless --yes is given; otherwise it does not ask.\n"
	        "\n"
	        "Exit status: 0 deleted (or kept at the question), 1 no such session,\n"
	        "2 usage error, 3 storage failure.\n");
}

/* " (project, respondent)" or the part of it that is known, cleaned for
 * the terminal, into OUT. */
static void describe_names(const struct stored_session *s, struct strbuf *out)
{
	if (s->project && s->respondent)
		text_format(out, " (%s, %s)", s->project, s->respondent);
	else if (s->project || s->respondent)
		text_format(out, " (%s)", s->project ? s->project : s->respondent);
}

/* Asks on the terminal; 1 for yes. */
static int confirm(long long id, const char *names)
{
	text_printf(stderr, "Delete session %lld%s? [y/N] ", id, names);
	fflush(stderr);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

int cmd_delete(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int yes = 0, ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "yh", longopts, NULL)) != -1) {
		if (ch == 'y') {
			yes = 1;
		} else if (ch == 'h') {
			delete_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("delete", argv, longopts, delete_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict delete: %s\n",
		            optind >= argc ? "name the session to delete" : "delete one session at a time");
		delete_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("delete", argv[optind], &id))
		return EXIT_USAGE;
	struct store *st;
	int status = cli_open_store("delete", g, 0, &st);
	if (status)
		return status;
	struct stored_session s;
	int rc = store_load(st, id, &s);
	if (rc == 0) {
		struct strbuf names;
		strbuf_init(&names);
		describe_names(&s, &names);
		stored_session_free(&s);
		if (!yes && isatty(STDIN_FILENO) && !confirm(id, strbuf_str(&names))) {
			text_printf(stdout, "Kept session %lld.\n", id);
		} else {
			rc = store_delete(st, id);
			if (rc == 0)
				text_printf(stdout, "Deleted session %lld%s.\n", id, strbuf_str(&names));
		}
		strbuf_free(&names);
	}
	if (rc)
		status = cli_fail("delete", store_error(st));
	store_close(st);
	return status;
}
