/* cmd_sessions.c - verdict list and verdict delete: browsing and removing
 * saved sessions. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "clock.h"
#include "saved_session.h"
#include "store.h"

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
	        "(\"in-progress\" or \"complete\"), winner and updated (ISO 8601, UTC);\n"
	        "missing values are null. Nothing in the database is changed.\n"
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
};

/* Whether S is printable ASCII, one column a byte: the common case, and
 * much cheaper to measure and print. */
static int plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/* The next character of S (LEN bytes) in *WC and its display width in *CW,
 * where anything that cannot be shown (a control character, a byte that is
 * not UTF-8) is one column, shown as '?' (*BAD set). Returns its length. */
static size_t next_char(const char *s, size_t len, mbstate_t *ps, int *cw, int *bad)
{
	wchar_t wc;
	size_t k = mbrtowc(&wc, s, len, ps);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		memset(ps, 0, sizeof *ps);
		*cw = 1;
		*bad = 1;
		return 1;
	}
	*cw = wcwidth(wc);
	*bad = *cw < 0;
	if (*bad)
		*cw = 1;
	return k;
}

/* Display columns of S. */
static int text_width(const char *s)
{
	if (plain_ascii(s))
		return (int)strlen(s);
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	int w = 0, cw, bad;
	for (size_t len = strlen(s), k; len; s += k, len -= k) {
		k = next_char(s, len, &ps, &cw, &bad);
		w += cw;
	}
	return w;
}

/* Prints S, FULL columns wide, in WIDTH columns: cut with an ellipsis when
 * longer, padded when PAD. Control characters print as '?', so a name cannot
 * drive the terminal. */
static void print_cell(const char *s, int full, int width, int pad)
{
	int shown = full;
	if (plain_ascii(s)) {
		if (full > width) {
			fwrite(s, 1, (size_t)(width - 1), stdout);
			shown = width - 1;
		} else {
			fputs(s, stdout);
		}
	} else {
		int budget = full > width ? width - 1 : width, cw, bad;
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		shown = 0;
		for (size_t len = strlen(s), k; len; s += k, len -= k) {
			k = next_char(s, len, &ps, &cw, &bad);
			if (shown + cw > budget)
				break;
			if (bad)
				putchar('?');
			else
				fwrite(s, 1, k, stdout);
			shown += cw;
		}
	}
	if (full > width) {
		fputs(MB_CUR_MAX > 1 ? "\xe2\x80\xa6" : ".", stdout);
		shown++;
	}
	static const char spaces[] = "                                ";
	for (int gap = width - shown; pad && gap > 0; gap -= (int)sizeof spaces - 1)
		fwrite(spaces, 1, gap < (int)sizeof spaces - 1 ? (size_t)gap : sizeof spaces - 1,
		       stdout);
}

/* The texts of a row's columns, with a stand-in for those not given. */
static void row_texts(const struct session_summary *s, const char *text[NTEXT])
{
	text[COL_PROJECT] = s->project ? s->project : "-";
	text[COL_RESPONDENT] = s->respondent ? s->respondent : "-";
	text[COL_CRITERIA] = s->criteria_title ? s->criteria_title : "-";
	text[COL_WINNER] = s->winner_name ? s->winner_name
	                 : s->status == SESSION_COMPLETE ? "(tie)" : "-";
}

/* First pass: the widest id and text of each column, within the caps. */
static int measure_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	const char *text[NTEXT];
	row_texts(s, text);
	int d = snprintf(NULL, 0, "%lld", s->id);
	if (d > t->idw)
		t->idw = d;
	for (int c = 0; c < NTEXT; c++) {
		if (t->width[c] >= col_caps[c])
			continue;
		int w = text_width(text[c]);
		if (w > t->width[c])
			t->width[c] = w > col_caps[c] ? col_caps[c] : w;
	}
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
		print_cell(col_heads[c], (int)strlen(col_heads[c]), t->width[c], 1);
	}
	printf("  %-11s  ", "STATUS");
	print_cell(col_heads[COL_WINNER], (int)strlen(col_heads[COL_WINNER]),
	           t->width[COL_WINNER], 1);
	fputs("  UPDATED\n", stdout);
}

/* Second pass: one line per session. */
static int print_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	const char *text[NTEXT];
	row_texts(s, text);
	printf("%*lld", t->idw, s->id);
	for (int c = 0; c < COL_WINNER; c++) {
		fputs("  ", stdout);
		print_cell(text[c], text_width(text[c]), t->width[c], 1);
	}
	printf("  %-11s  ", status_text(s->status));
	print_cell(text[COL_WINNER], text_width(text[COL_WINNER]), t->width[COL_WINNER], 1);
	/* Rows come newest first, many within the same minute. */
	if (s->updated != t->when || !t->when_text[0]) {
		t->when = s->updated;
		clock_format(s->updated, t->when_text, sizeof t->when_text);
	}
	printf("  %s\n", t->when_text);
	return ferror(stdout) ? 1 : 0;
}

struct json_out {
	size_t n;
	int failed;
};

static json_t *json_text(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* One object per line, streamed: the listing may hold many sessions. */
static int print_json_row(const struct session_summary *s, void *ctx)
{
	struct json_out *o = ctx;
	char when[32];
	clock_format_iso(s->updated, when, sizeof when);
	json_t *obj = json_object();
	if (!obj || json_object_set_new(obj, "id", json_integer(s->id)) ||
	    json_object_set_new(obj, "project", json_text(s->project)) ||
	    json_object_set_new(obj, "respondent", json_text(s->respondent)) ||
	    json_object_set_new(obj, "criteria_title", json_text(s->criteria_title)) ||
	    json_object_set_new(obj, "status", json_string(s->status == SESSION_COMPLETE
	                                                   ? "complete" : "in-progress")) ||
	    json_object_set_new(obj, "winner", json_text(s->winner_name)) ||
	    json_object_set_new(obj, "updated", json_string(when))) {
		json_decref(obj);
		o->failed = 1;
		return 1;
	}
	fputs(o->n++ ? ",\n  " : "[\n  ", stdout);
	if (json_dumpf(obj, stdout, JSON_PRESERVE_ORDER))
		o->failed = 1;
	json_decref(obj);
	return o->failed;
}

/* The sessions may hold client names: a file other users can read gets a
 * warning (the listing goes on). */
static void warn_if_shared(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & (S_IRGRP | S_IROTH)))
		return;
	fprintf(stderr, "verdict list: warning: %s can be read by other users (mode %04o); "
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
			list_usage(stderr);
			return EXIT_USAGE;
		}
	}
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		fprintf(stderr, "verdict list: unknown format '%s'; use text or json\n", format);
		return EXIT_USAGE;
	}
	if (optind < argc) {
		fprintf(stderr, "verdict list: unexpected '%s'\n", argv[optind]);
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
		struct json_out o = { 0 };
		rc = store_list(st, project, print_json_row, &o);
		fputs(o.n ? "\n]\n" : "[]\n", stdout);
		if (o.failed) {
			fprintf(stderr, "verdict list: out of memory\n");
			status = EXIT_STORAGE;
		}
	} else {
		struct table t = { .idw = 2 };
		for (int c = 0; c < NTEXT; c++)
			t.width[c] = (int)strlen(col_heads[c]);
		rc = store_list(st, project, measure_row, &t);
		if (rc == 0 && t.n) {
			print_head(&t);
			rc = store_list(st, project, print_row, &t);
		} else if (rc == 0) {
			printf(project ? "No saved sessions for project '%s'.\n"
			               : "No saved sessions.%s\n", project ? project : "");
		}
	}
	if (rc < 0) {
		fprintf(stderr, "verdict list: %s\n", store_error(st));
		status = EXIT_STORAGE;
	}
	store_close(st);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "verdict list: cannot write the listing\n");
		status = EXIT_STORAGE;
	}
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

/* "(project, respondent)" or the part of it that is known, into BUF. */
static void describe_names(const struct stored_session *s, char *buf, size_t len)
{
	if (s->project && s->respondent)
		snprintf(buf, len, " (%s, %s)", s->project, s->respondent);
	else if (s->project || s->respondent)
		snprintf(buf, len, " (%s)", s->project ? s->project : s->respondent);
	else
		buf[0] = '\0';
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/* Asks on the terminal; 1 for yes. */
static int confirm(long long id, const char *names)
{
	fprintf(stderr, "Delete session %lld%s? [y/N] ", id, names);
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
			delete_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "verdict delete: %s\n",
		        optind >= argc ? "name the session to delete" : "delete one session at a time");
		delete_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (saved_session_parse_id(argv[optind], &id)) {
		fprintf(stderr, "verdict delete: '%s' is not a session id: use the number "
		        "'verdict list' shows\n", argv[optind]);
		return EXIT_USAGE;
	}
	struct store *st;
	int status = cli_open_store("delete", g, 0, &st);
	if (status)
		return status;
	struct stored_session s;
	int rc = store_load(st, id, &s);
	if (rc == 0) {
		char names[512];
		describe_names(&s, names, sizeof names);
		stored_session_free(&s);
		if (!yes && isatty(STDIN_FILENO) && !confirm(id, names)) {
			printf("Kept session %lld.\n", id);
		} else {
			rc = store_delete(st, id);
			if (rc == 0)
				printf("Deleted session %lld%s.\n", id, names);
		}
	}
	if (rc == STORE_NOT_FOUND) {
		fprintf(stderr, "verdict delete: no session %lld in %s; 'verdict list' shows the "
		        "saved ones\n", id, store_file(st));
		status = EXIT_INVALID;
	} else if (rc) {
		fprintf(stderr, "verdict delete: %s\n", store_error(st));
		status = EXIT_STORAGE;
	}
	store_close(st);
	return status;
}
