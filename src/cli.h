/* cli.h - the commands of the command line, each in a file of its own.
 *
 * Each takes the arguments after the command name (argv[0] is the command)
 * and returns the process exit status. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

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

struct store;

/* Opens the sessions database named by --db, VERDICT_DB or the default place,
 * with store_open_flags() FLAGS. On failure prints "verdict CMD: why" to
 * stderr and returns EXIT_STORAGE; else stores the handle in *ST (closed with
 * store_close()) and returns EXIT_OK. */
int cli_open_store(const char *cmd, const struct global_opts *g, unsigned flags,
                   struct store **st);

struct option;

/* Says on stderr, as "verdict CMD: ...", what getopt_long() just refused
 * in ARGV (an unknown option, a missing or unwanted value), the option cleaned
 * for the terminal (text_print.h). LONGOPTS is the table given to getopt_long();
 * main() sets opterr to 0, so getopt says nothing itself. */
void cli_bad_option(const char *cmd, char *const argv[], const struct option *longopts);

int cmd_check(int argc, char **argv, const struct global_opts *g);
int cmd_score(int argc, char **argv, const struct global_opts *g);
int cmd_list(int argc, char **argv, const struct global_opts *g);
int cmd_show(int argc, char **argv, const struct global_opts *g);
int cmd_delete(int argc, char **argv, const struct global_opts *g);
int cmd_export(int argc, char **argv, const struct global_opts *g);
int cmd_run(int argc, char **argv, const struct global_opts *g);
int cmd_copy(int argc, char **argv, const struct global_opts *g);
int cmd_revert(int argc, char **argv, const struct global_opts *g);

struct saved_session;
/* 'verdict show ID --revisions' (cmd_records.c): the revisions of the session
 * SS, loaded from ST, as text (what each had that differs from now) or, when
 * JSON, as one object. Returns an exit status, having said why on stderr. */
int show_revisions(struct store *st, const struct saved_session *ss, int json);

#endif
