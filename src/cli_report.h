/* cli_report.h - what a person may ask of a report beyond its format, on the
 * command line and from the config file, for every command that writes one
 * (verdict export, verdict score --format, verdict show --format) and for
 * the walk-through's export dialog.
 *
 * The options win over the config file ($XDG_CONFIG_HOME/verdict/config.yaml,
 * else ~/.config/verdict/config.yaml; export_config.h), which wins over the
 * locale for the paper (cli_paper_default()). */
#ifndef VERDICT_CLI_REPORT_H
#define VERDICT_CLI_REPORT_H

#include <getopt.h>

#include "diag.h"
#include "export.h"
#include "export_config.h"
#include "verror.h"

/* getopt_long() codes of the report options, past any character. */
enum {
	CLI_OPT_PREPARED_BY = 0x100,
	CLI_OPT_PREPARED_FOR,
	CLI_OPT_LOGO,
	CLI_OPT_PAPER,
	CLI_OPT_BRIEF,
	CLI_OPT_EXCEL,
};

/* The entries of a command's getopt_long() table for them. */
#define CLI_REPORT_LONGOPTS \
	{ "prepared-by", required_argument, NULL, CLI_OPT_PREPARED_BY }, \
	{ "prepared-for", required_argument, NULL, CLI_OPT_PREPARED_FOR }, \
	{ "logo", required_argument, NULL, CLI_OPT_LOGO }, \
	{ "paper", required_argument, NULL, CLI_OPT_PAPER }, \
	{ "brief", no_argument, NULL, CLI_OPT_BRIEF }, \
	{ "excel", no_argument, NULL, CLI_OPT_EXCEL }

/* The usage lines that say them. */
#define CLI_REPORT_USAGE \
	"Report options (docs/exports.md):\n" \
	"  --prepared-by TEXT     who prepared the report (\"Name, Firm\")\n" \
	"  --prepared-for TEXT    whom it is for (\"Client\")\n" \
	"  --logo FILE.png        a logo for its first page: a PNG file of at most\n" \
	"                         512 KiB and 2000 x 2000 pixels\n" \
	"  --paper a4|letter      the paper it is laid out for (default: the config\n" \
	"                         file's, else the locale's: letter in the US,\n" \
	"                         Canada, Mexico and a few more, else A4)\n" \
	"  --brief                leave out the full breakdown and the answers\n" \
	"  --excel                CSV for spreadsheets: a UTF-8 byte-order mark\n" \
	"                         first, so that Excel reads accented names right\n" \
	"Defaults for --prepared-by, --prepared-for, --logo and --paper come from\n" \
	"$XDG_CONFIG_HOME/verdict/config.yaml (else ~/.config/verdict/config.yaml).\n"

/* The report options being gathered. */
struct cli_report {
	struct export_options opts; /* what the report is made with */
	int paper_set;              /* --paper given */
	struct export_config cfg;   /* the config file's, which OPTS may point into */
	char *logo_path;            /* the config file's logo, resolved; owned */
};

void cli_report_init(struct cli_report *r);
void cli_report_free(struct cli_report *r);

/* Takes option CH (a CLI_OPT_* code) with ARG into R. Returns 1 when it was
 * one of them, 0 for any other CH, or -1 after saying on
 * stderr why ARG is wrong (an unknown paper). */
int cli_report_option(const char *cmd, int ch, const char *arg, struct cli_report *r);

/* Fills what the options left unset from the config file, then the paper
 * from the locale. Returns EXIT_OK, or the exit status after saying why (a
 * config file with errors: each "FILE:LINE:COLUMN: error: ..."). */
int cli_report_defaults(const char *cmd, struct cli_report *r);

/* The same for a face that prints nothing (the walk-through): OPTS set from
 * the config file and the locale, the config's texts kept in R. Returns 0,
 * or -1 with ERR holding the config file's first error in one line. */
int cli_report_load(struct cli_report *r, struct verror *err);

/* The config file's path, in a new string the caller frees, or NULL when
 * neither XDG_CONFIG_HOME (an absolute path) nor HOME is set. */
char *cli_config_path(void);

/* The paper for locale NAME (as in LANG, e.g. "en_US.UTF-8"): letter when
 * its territory (the two letters after the language and '_') is one of the countries that
 * use it (US, CA, MX, PR, PH, CL, CO, VE, CR, GT, NI, PA, SV, DO), else A4;
 * A4 for NULL, "", "C" and "POSIX". */
enum report_paper cli_paper_for_locale(const char *name);
/* The paper the locale asks for: the locale's own LC_PAPER (glibc's
 * nl_langinfo(_NL_PAPER_WIDTH): 216 mm is letter) when it can be had, else
 * cli_paper_for_locale() of the first of LC_ALL, LC_PAPER and LANG that is
 * set and not empty. */
enum report_paper cli_paper_default(void);

#endif
