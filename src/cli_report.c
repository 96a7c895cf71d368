/* cli_report.c - the report options, the config file and the paper the
 * locale asks for. */
#include "cli_report.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "files.h"
#include "text_print.h"
#include "xalloc.h"
#include "yaml_tree.h"

void cli_report_init(struct cli_report *r)
{
	memset(r, 0, sizeof *r);
}

void cli_report_free(struct cli_report *r)
{
	export_config_free(&r->cfg);
	free(r->logo_path);
	memset(r, 0, sizeof *r);
}

int cli_report_option(const char *cmd, int ch, const char *arg, struct cli_report *r)
{
	switch (ch) {
	case CLI_OPT_PREPARED_BY:
		r->opts.prepared_by = arg;
		return 1;
	case CLI_OPT_PREPARED_FOR:
		r->opts.prepared_for = arg;
		return 1;
	case CLI_OPT_LOGO:
		r->opts.logo = arg;
		return 1;
	case CLI_OPT_PAPER:
		if (report_paper_parse(arg, &r->opts.paper)) {
			text_printf(stderr, "verdict %s: unknown paper '%s'; use a4 or letter\n", cmd,
			            arg);
			return -1;
		}
		r->paper_set = 1;
		return 1;
	case CLI_OPT_BRIEF:
		r->opts.brief = 1;
		return 1;
	case CLI_OPT_EXCEL:
		r->opts.excel = 1;
		return 1;
	default:
		return 0;
	}
}

char *cli_config_path(void)
{
	static const char tail[] = "/verdict/config.yaml";
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	const char *dir = NULL, *sub = "";
	/* The XDG rule: a relative XDG_CONFIG_HOME is ignored. */
	if (xdg && xdg[0] == '/') {
		dir = xdg;
	} else if (home && *home) {
		dir = home;
		sub = "/.config";
	}
	if (!dir)
		return NULL;
	size_t n = strlen(dir) + strlen(sub) + sizeof tail;
	char *path = xmalloc(n);
	snprintf(path, n, "%s%s%s", dir, sub, tail);
	return path;
}

/* PATH's directory joined with NAME, unless NAME is absolute. */
static char *beside(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	if (name[0] == '/' || !slash)
		return xstrdup(name);
	size_t dir = (size_t)(slash - path) + 1;
	char *out = xmalloc(dir + strlen(name) + 1);
	memcpy(out, path, dir);
	strcpy(out + dir, name);
	return out;
}

/* Reads the config file, if there is one, into R->cfg. Returns 0, or -1
 * with D (when it has errors) and ERR. */
static int read_config(struct cli_report *r, struct diags *d, struct verror *err)
{
	char *path = cli_config_path();
	diags_init(d, path ? path : "config.yaml");
	if (!path || access(path, F_OK) != 0) {
		free(path);
		return 0;       /* no file: no defaults */
	}
	diags_free(d);
	char *text;
	size_t len;
	int rc = file_read_input(path, YAML_TREE_MAX_BYTES, &text, &len, d, err);
	if (rc == 0) {
		rc = export_config_parse(text, len, &r->cfg, d);
		free(text);
		if (rc)
			diags_fail(d, err);
	}
	if (rc == 0 && r->cfg.logo)
		r->logo_path = beside(path, r->cfg.logo);
	free(path);
	return rc;
}

/* What the options left unset, from the config file and the locale. */
static void fill(struct cli_report *r)
{
	if (!r->opts.prepared_by)
		r->opts.prepared_by = r->cfg.prepared_by;
	if (!r->opts.prepared_for)
		r->opts.prepared_for = r->cfg.prepared_for;
	if (!r->opts.logo)
		r->opts.logo = r->logo_path;
	if (!r->paper_set)
		r->opts.paper = r->cfg.has_paper ? r->cfg.paper : cli_paper_default();
}

int cli_report_defaults(const char *cmd, struct cli_report *r)
{
	struct diags d;
	struct verror err;
	int rc = read_config(r, &d, &err);
	int status = rc ? cli_fail_input(cmd, &d, &err) : EXIT_OK;
	diags_free(&d);
	if (status == EXIT_OK)
		fill(r);
	return status;
}

int cli_report_load(struct cli_report *r, struct verror *err)
{
	struct diags d;
	int rc = read_config(r, &d, err);
	diags_free(&d);
	if (rc == 0)
		fill(r);
	return rc;
}

enum report_paper cli_paper_for_locale(const char *name)
{
	/* The countries whose paper is letter (glibc's locales agree). */
	static const char letter[][3] = {
		"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "NI", "PA", "SV", "DO",
	};
	const char *u = name ? strchr(name, '_') : NULL;
	if (!u || u == name)
		return REPORT_PAPER_A4;         /* no language, no territory */
	size_t n = strcspn(u + 1, ".@");
	for (size_t i = 0; n == 2 && i < sizeof letter / sizeof letter[0]; i++)
		if (strncmp(u + 1, letter[i], 2) == 0)
			return REPORT_PAPER_LETTER;
	return REPORT_PAPER_A4;
}

/* The first of LC_ALL, LC_PAPER and LANG that is set and not empty, as
 * POSIX orders them, or NULL. */
static const char *paper_locale_name(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_PAPER", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

enum report_paper cli_paper_default(void)
{
	const char *name = paper_locale_name();
#if defined(__GLIBC__) && defined(LC_PAPER)
	/* The locale's own paper, when the locale is there to be read: its
	 * width is 216 mm for letter, 210 for A4. */
	if (name && setlocale(LC_PAPER, "")) {
		/* A number item: glibc gives it in the pointer's place, as
		 * locale(1) reads it. */
		union {
			const char *p;
			unsigned int w;
		} width = { .p = nl_langinfo(_NL_PAPER_WIDTH) };
		setlocale(LC_PAPER, "C");
		if (width.w == 216)
			return REPORT_PAPER_LETTER;
		if (width.w == 210)
			return REPORT_PAPER_A4;
	}
#endif
	return cli_paper_for_locale(name);
}
