/* cli_pdf.h - running verdict-pdf, the companion that draws PDF reports
 * (export_pdf.h says why it is a program of its own).
 *
 * It is looked for beside the running verdict (as built: ./verdict-pdf),
 * then in ../libexec/verdict/ from there (as installed: make install puts
 * verdict in BINDIR and verdict-pdf in LIBEXECDIR/verdict). It is verdict
 * itself with the PDF renderer, so it is given the same command. */
#ifndef VERDICT_CLI_PDF_H
#define VERDICT_CLI_PDF_H

#include <stddef.h>

#include "cli.h"

/* Replaces this process with verdict-pdf running command CMD with its
 * ARGC words ARGV (ARGV[0] the command's name) and the global options G.
 * Returns only when that could not be done, having said why on standard
 * error: EXIT_STORAGE. */
int cli_pdf_exec(const char *cmd, int argc, char **argv, const struct global_opts *g);

/* Runs verdict-pdf with the words ARGV (ARGV[0] ignored: the companion's
 * path goes there), standard input and output on /dev/null, and waits for
 * it. What it said on standard error, without its "verdict CMD: " and line
 * ends, goes into MSG (LEN bytes). Returns its exit status, or EXIT_STORAGE
 * with MSG saying why it could not be run. For the walk-through, which must
 * keep the terminal. */
int cli_pdf_run(char **argv, char *msg, size_t len);

#endif
