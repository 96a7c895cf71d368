/* cli.h - the commands of the command line, each in a file of its own, and
 * the helpers they share (cli_*.c).
 *
 * Each command takes the arguments after the command name (argv[0] is the
 * command) and returns the process exit status. The layers below print
 * nothing: they return a struct verror (verror.h), and a command says it
 * with cli_fail(), whose exit status is verror_exit_status() of its kind. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

#include <stdio.h>

#include "diag.h"
#include "verror.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_INVALID = 1,       /* invalid input: criteria, answers, ids */
	EXIT_USAGE = 2,         /* wrong command-line words */
	EXIT_STORAGE = 3,       /* storage or I/O failure */
};

/* Options every command takes, gathered before the command runs. */
struct global_opts {
	const char *db;         /* --db PATH, or NULL */
	int no_color;           /* --no-color */
};

/* cli_error.c: says ERR on standard error as "verdict CMD: MESSAGE" (plain
 * "verdict: MESSAGE" when CMD is NULL, for options given before any
 * command), the message cleaned for the terminal (text_printf()). Returns
 * the exit status of its kind, verror_exit_status(). */
int cli_fail(const char *cmd, const struct verror *err);
/* A loader's failure: every positioned error of D ("FILE:LINE:COLUMN: error:
 * MESSAGE", diags_print()) when D holds any, else cli_fail(CMD, ERR).
 * Returns the exit status of ERR's kind. */
int cli_fail_input(const char *cmd, struct diags *d, const struct verror *err);

/* cli_locale.c: whether the locale's characters are UTF-8 (its codeset is
 * UTF-8, however spelt), so that block bars and an ellipsis can be printed;
 * else ASCII stands in. The one rule for every command. */
int cli_utf8_locale(void);

/* cli_output.c: says that standard output could not be written, as "verdict
 * CMD: cannot write to standard output: REASON" (ERRNUM, 0 when unknown,
 * gives the reason). Returns EXIT_STORAGE. */
int cli_output_failed(const char *cmd, int errnum);
/* Writes LEN bytes of DATA to standard output and flushes it: EXIT_OK, or
 * cli_output_failed() with the reason. For a large report, whose failure
 * would otherwise be found only at the end, its reason lost. */
int cli_write_stdout(const char *cmd, const char *data, size_t len);

struct store;

/* cli_store.c: opens the sessions database named by --db, VERDICT_DB or the
 * default place (store_path()), with store_open_flags() FLAGS. On failure
 * says why (cli_fail()) and returns its exit status; else stores the handle
 * in *ST (closed with store_close()) and returns EXIT_OK. Opened for writing
 * (FLAGS without STORE_OPEN_READ_ONLY), it first keeps the results of complete
 * sessions saved without them (saved_results_fill()); a failure of that is
 * not the command's, and says nothing: the listing scores them as before. */
int cli_open_store(const char *cmd, const struct global_opts *g, unsigned flags,
                   struct store **st);

/* Parses TEXT, a session id from the command line (saved_session_parse_id()),
 * into *ID. Returns EXIT_OK, or EXIT_USAGE having said why. */
int cli_session_id(const char *cmd, const char *text, long long *id);

/* cli_hint.c: the words a suggested command needs to reach the database
 * DB (--db as given, or NULL for the one the environment names): "" for
 * NULL, else "--db 'PATH' " quoted for a POSIX shell (a ' in PATH as '\''),
 * to follow "verdict " in a message. Into BUF of LEN bytes; a path too long
 * for it gives "--db PATH ", for the person to fill in. Returns BUF. */
const char *cli_db_words(const char *db, char *buf, size_t len);

struct option;

/* cli_option.c: says on stderr, as "verdict CMD: ...", what getopt_long()
 * just refused in ARGV (an unknown option, a missing or unwanted value), the
 * option cleaned for the terminal (text_print.h). LONGOPTS is the table given
 * to getopt_long(); main() sets opterr to 0, so getopt says nothing itself. */
void cli_bad_option(const char *cmd, char *const argv[], const struct option *longopts);
/* cli_bad_option(), then USAGE on stderr. Returns EXIT_USAGE. */
int cli_bad_usage(const char *cmd, char *const argv[], const struct option *longopts,
                  void (*usage)(FILE *out));
/* The options of a command that takes none but -h/--help: reads them with
 * getopt_long() from ARGV (ARGC words). Returns -1 to go on, optind at the
 * first operand; EXIT_OK after printing USAGE on stdout for -h; EXIT_USAGE
 * after cli_bad_usage() for anything else. */
int cli_only_help(const char *cmd, int argc, char **argv, void (*usage)(FILE *out));

struct json_t;

/* cli_diags.c: the errors of D, sorted by position (diags_sort()), each as
 * a JSON object {file, line, column, end_line, end_column, severity, code,
 * message, hint} appended to LIST ('verdict check --format json'); an end
 * not known is the start, a hint not given null. */
void cli_diags_json(struct json_t *list, struct diags *d);
/* An error about FILE as a whole (it could not be read): line, column and
 * their ends 0. */
void cli_diag_json_whole(struct json_t *list, const char *file, const char *code,
                         const char *message);
/* The errors of D, sorted, as GitHub Actions workflow commands to OUT, one
 * a line: "::error file=F,line=L,col=C,endColumn=E,title=CODE::MESSAGE"
 * (endLine=L2 in place of endColumn for an error over several lines), the
 * message (hint included) and the properties escaped as GitHub reads them;
 * then, for errors past the limit, one more without a position. */
void cli_diags_github(FILE *out, struct diags *d);
/* An error about FILE as a whole, without a position. */
void cli_diag_github_whole(FILE *out, const char *file, const char *code,
                           const char *message);

int cmd_check(int argc, char **argv, const struct global_opts *g);
int cmd_score(int argc, char **argv, const struct global_opts *g);
int cmd_list(int argc, char **argv, const struct global_opts *g);
int cmd_show(int argc, char **argv, const struct global_opts *g);
int cmd_delete(int argc, char **argv, const struct global_opts *g);
int cmd_export(int argc, char **argv, const struct global_opts *g);
int cmd_import(int argc, char **argv, const struct global_opts *g);
int cmd_run(int argc, char **argv, const struct global_opts *g);
int cmd_copy(int argc, char **argv, const struct global_opts *g);
int cmd_revert(int argc, char **argv, const struct global_opts *g);
int cmd_decide(int argc, char **argv, const struct global_opts *g);
int cmd_review(int argc, char **argv, const struct global_opts *g);
int cmd_diff(int argc, char **argv, const struct global_opts *g);
int cmd_selftest(int argc, char **argv, const struct global_opts *g);
int cmd_team(int argc, char **argv, const struct global_opts *g);
int cmd_new(int argc, char **argv, const struct global_opts *g);
int cmd_schema(int argc, char **argv, const struct global_opts *g);

/* The JSON Schemas of docs/schema, compiled in (build/cli_schemas.c), for
 * 'verdict schema': each LEN bytes, NUL-terminated. */
extern const char criteria_schema[];
extern const size_t criteria_schema_len;
extern const char answers_schema[];
extern const size_t answers_schema_len;

struct saved_session;
/* 'verdict show ID --revisions' (cmd_records.c): the revisions of the session
 * SS, loaded from ST, as text (what each had that differs from now) or, when
 * JSON, as one object; the command it suggests names DB (--db, or NULL).
 * Returns an exit status, having said why on stderr. */
int show_revisions(struct store *st, const struct saved_session *ss, int json, const char *db);

#endif
