/* team_report.h - the group view (team.h) in words and as reports: the
 * text of `verdict team`, and its JSON, Markdown and HTML
 * (export_team_json.c, export_team_md.c, export_team_html.c).
 *
 * A team report is built once from the criteria, the respondents' sessions
 * and what the store knows of them (ids, respondent names), and the
 * group's result; it holds the sentences every format shares, so each
 * says the same thing the same way. Every text it holds is valid UTF-8
 * (names from the database are copied with bad bytes made U+FFFD) and not
 * escaped: each renderer cleans and escapes for its own format.
 * docs/exports.md lists every JSON key and what the reports show.
 *
 * Ownership: the report points to (and never frees) the criteria, the
 * sessions and the team result, which must outlive it; the strings it made
 * are freed by team_report_free(). */
#ifndef VERDICT_TEAM_REPORT_H
#define VERDICT_TEAM_REPORT_H

#include <stddef.h>
#include <time.h>

#include "criteria.h"
#include "report.h"
#include "session.h"
#include "strbuf.h"
#include "team.h"
#include "verror.h"

#define TEAM_JSON_FORMAT "verdict-team/1"

/* One respondent as the store knows them. */
struct team_member {
	long long id;           /* the session's id */
	const char *respondent; /* NULL when not given */
};

struct team_report {
	const struct criteria *c;
	const struct session *const *s;   /* [n] */
	const struct team_result *t;
	size_t n;
	long long *ids;         /* [n] */
	char **respondents;     /* [n]: the names as given, or NULL */
	char **names;           /* [n]: the name, or "session N" without one */
	size_t nleft;
	long long *left_ids;    /* [nleft]: sessions left out, not finished */
	char **left_names;      /* [nleft] as NAMES */
	char *project;          /* NULL when not known */
	char criteria_sha256[REPORT_SHA256_HEX];
	time_t generated;

	char *recommendation;   /* "Group recommendation: Python, clearly (margin 14.6
	                         * points, confidence 100%)." */
	char *method_text;      /* how the group's weights were made */
	char *consensus_text;   /* the consensus and what it means */
	char *change_text;      /* how many would have to change their mind */
	char **outcomes;        /* [n]: each one's own result, "Python, clearly, by 16.0
	                         * points" */
	char **answer_texts;    /* [c->nquestions]: for a question whose answers differ,
	                         * who answered what and the group's answer; else NULL */
	char *answers_note;     /* how the group's answers are chosen, or NULL when
	                         * every answer is the same */
};

/* Builds REP. CRITERIA_TEXT (LEN bytes) is the shared text, for its hash;
 * S[0..N) the sessions (in T's order), MEMBERS[0..N) who they are,
 * LEFT[0..NLEFT) the sessions left out; PROJECT may be NULL. */
void team_report_build(struct team_report *rep, const struct criteria *c,
                       const char *criteria_text, size_t len, const struct session *const *s,
                       const struct team_result *t, const struct team_member *members,
                       size_t n, const struct team_member *left, size_t nleft,
                       const char *project, time_t generated);
void team_report_free(struct team_report *rep);

enum team_format {
	TEAM_FORMAT_TEXT,
	TEAM_FORMAT_JSON,
	TEAM_FORMAT_MD,
	TEAM_FORMAT_HTML,
};

/* "text", "json", "md" (or "markdown"), "html" into *OUT; -1 for another. */
int team_format_parse(const char *name, enum team_format *out);

/* The renderers: each appends the whole report to OUT. The text is for a
 * terminal (cleaned, TEXT_LINE; with UTF8, block bars, else '#'). */
void team_text(const struct team_report *rep, struct strbuf *out, int utf8);
void export_team_json(const struct team_report *rep, struct strbuf *out);
void export_team_md(const struct team_report *rep, struct strbuf *out);
void export_team_html(const struct team_report *rep, struct strbuf *out);
void team_render(enum team_format f, const struct team_report *rep, struct strbuf *out,
                 int utf8);

/* Renders REP in format F and writes it to PATH as export_write() does
 * (export.h): atomically, never over a database (DB: the one the sessions
 * came from, refused by device and inode too). Prints nothing. Returns 0,
 * or -1 with ERR saying "No report written: " and why. */
int team_report_write(enum team_format f, const struct team_report *rep, const char *path,
                      const char *db, int utf8, struct verror *err);

/* How session S weighs, in a word: "ratings" or "pairwise". */
const char *team_weighting_key(const struct session *s);

#endif
