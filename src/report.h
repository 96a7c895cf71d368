/* report.h - what every report holds, gathered once for all the formats.
 *
 * A report is built from a criteria source (the model and its exact text),
 * a session (the answers), the result of scoring them and, for a stored
 * session, what the store knows of it (id, status, dates). It adds what the
 * renderers would otherwise each work out: the recommendation sentence, why
 * each criterion has its weight, each criterion's reason sentence, the lines
 * saying what would change the winner, and the audit hashes. The sentences
 * are those `verdict score` prints (score_format.h), so every face says the
 * same thing the same way.
 *
 * Every text a report holds or points to is valid UTF-8: the criteria model
 * is checked by its loader, and the session's project, respondent and notes
 * are copied with any invalid byte replaced by U+FFFD. Texts are not escaped:
 * each renderer escapes for its own format.
 *
 * Ownership: a report points to (and never frees) the criteria, session and
 * result it was built from, which must outlive it; every string it made
 * itself is freed by report_free(). */
#ifndef VERDICT_REPORT_H
#define VERDICT_REPORT_H

#include <stddef.h>
#include <time.h>

#include "criteria.h"
#include "criteria_source.h"
#include "score.h"
#include "score_format.h"
#include "session.h"
#include "store.h"
#include "strbuf.h"

/* "verdict-answers/1": the first line of the canonical answers text. */
#define REPORT_ANSWERS_FORMAT "verdict-answers/1"
#define REPORT_SHA256_HEX 65    /* 64 hex digits and a NUL */

/* The paper a printed report is laid out for (issue 16). */
enum report_paper {
	REPORT_PAPER_A4,        /* 595 x 842 pt */
	REPORT_PAPER_LETTER,    /* 612 x 792 pt */
};

/* Why one criterion has its weight, and what it says for each option. */
struct report_row {
	const char *weight_source;  /* "default", "profile", "person" or "pairwise" */
	char *weight_reason;        /* score_weight_story(), capitalised: "Normally 2; +3
	                             * Kind of product: Real-time app; now 5" */
	int question;               /* profile question that moved the weight most, or -1 */
	int choice;                 /* its chosen choice, or -1 */
	char *reason;               /* how it weighs between the leader and the runner-up
	                             * (score_reason_text()) */
	char **rating_traces;       /* [noptions]: score_rating_trace() where an answer
	                             * replaced that option's rating, else NULL */
	int pairwise;               /* weighed in pairs: the reports show its share of
	                             * the weight, not a step of the scale */
	char share[32];             /* its share of the whole weight: "32.7%" */
};

/* A criterion whose weight alone would change the result. */
struct report_change {
	size_t criterion;
	double step;                /* the whole step of the scale where it changes */
	int new_winner;             /* the winner there: option index, or -1 for a tie */
	char *text;                 /* the same as one sentence (score_sensitivity_text()) */
};

struct report {
	const struct criteria *c;
	const struct session *s;
	const struct result *r;

	char *criteria_source;      /* where the criteria text came from */
	long long session_id;       /* 0 when the session is not saved */
	const char *status;         /* "complete", "in-progress" or "not-saved" */
	const char *status_text;    /* the same for people: "complete", "in progress", "not saved" */
	time_t created;             /* 0 when not saved */
	time_t updated;             /* 0 when not saved */
	time_t generated;           /* when the report was made */

	char *project;              /* NULL when not given */
	char *respondent;           /* NULL when not given */
	char *notes;                /* NULL when not given */

	char *recommendation;       /* in one sentence, as `verdict score` says it:
	                             * "Recommendation: Node.js, clearly (margin ...)." */
	char *summary;              /* the same at more length, with both scores */
	char *confidence_sentence;  /* what the confidence means, with the trials */
	const char *strength_text;  /* "Clear", "Leaning" or "Too close to call" */
	char confidence_text[16];   /* e.g. "93%" */

	struct report_row *rows;    /* [c->ncriteria] */
	size_t nchanges;            /* none for a tie */
	struct report_change *changes; /* nearest to the current weight first */
	char *steady_text;          /* one sentence for the criteria that cannot change the
	                             * winner (or for a tie), or NULL when there are none */
	size_t ngiveups;            /* none for a tie */
	size_t giveup_criteria[SCORE_MAX_GIVEUPS]; /* where the runner-up is stronger */
	char *giveups[SCORE_MAX_GIVEUPS]; /* score_giveup_text() for each */
	char *unknown_project;      /* score_unknown_project_text(), or NULL when answered */
	char *top_lever;            /* score_top_lever_text(), or NULL */
	char **lever_headings;      /* [c->nquestions] score_lever_question_text() */
	char **levers;              /* [r->nlevers] score_lever_short_text() */
	char *methods_text;         /* whether the three methods agree (score_methods_text()) */
	struct score_lines pairwise_lines; /* how the comparisons in pairs came out
	                                    * (score_pairwise_lines()); none for ratings */
	struct score_lines given_lines; /* the comparisons the person gave, in words
	                                 * (score_given_lines()); none for ratings */
	char *warning;              /* score_inconsistent_text(), or NULL when the
	                             * comparisons do not contradict each other */

	/* Where the session came from (issue 15): META's origin and import
	 * time, or NULL and 0 for a session made in this file or not saved. */
	char *origin;
	time_t imported;
	/* The decision journal (issue 15), from META: the latest decision and
	 * the latest review recorded after it, or NULL when there is none; they
	 * point into META, which must outlive the report. DECISION_DIFFERS is 1
	 * when the option chosen is not the winner this report recommends.
	 * DECISION_TEXT says it in one sentence for every format, or is NULL. */
	const struct journal_entry *decision;
	const struct journal_entry *review;
	int decision_differs;
	char *decision_text;

	/* Who prepared the report and for whom (issue 16), from the options or
	 * the config file, NULL when not given; copies freed by report_free(). */
	char *prepared_by;
	char *prepared_for;
	/* How it is laid out (issue 16), from struct export_options (export.h):
	 * the paper, whether it is brief (no full breakdown, no answers
	 * appendix), and a logo: the bytes of a validated PNG, or NULL. */
	enum report_paper paper;
	int brief;
	unsigned char *logo_png;
	size_t logo_len;
	/* The executive summary (issue 16): the criteria that favour the
	 * winner most, strongest first (none for a tie), and one line on the
	 * method. */
	size_t nstrongest;
	size_t strongest[3];
	char *method_note;

	/* For the JSON report's "session", so that `verdict import` can bring
	 * the session into another file (issue 15): the exact criteria text
	 * (SRC's), META itself (NULL when not saved), and the session's
	 * revisions as store_revision_load() gives them, oldest first (none
	 * unless the caller sets them after report_build(); they are the
	 * caller's and must outlive the report). */
	const char *criteria_text;
	size_t criteria_len;
	const struct stored_session *meta;
	const struct stored_session *revisions;
	size_t nrevisions;

	char *answers_canonical;    /* see report_canonical_answers() */
	char criteria_sha256[REPORT_SHA256_HEX];
	char answers_sha256[REPORT_SHA256_HEX];
};

/* Builds REP from SRC (model and exact text), session S and its result R
 * (from score_session(SRC->model, S, R)); META is the stored session's record,
 * or NULL for one that is not saved. GENERATED is the report's date. The
 * caller frees REP with report_free(). */
void report_build(struct report *rep, const struct criteria_source *src,
                  const struct session *s, const struct result *r,
                  const struct stored_session *meta, time_t generated);
void report_free(struct report *rep);

/* The canonical answers text that answers_sha256 is taken of, appended to
 * OUT: the line "verdict-answers/1", then one line "choice\tQUESTION\tCHOICE"
 * per answered profile question, in the criteria's order of questions, then
 * one line "weight\tCRITERION\tNUMBER" per weight the person set, in the
 * criteria's order of criteria; for a session that weighs in pairs, then
 * the line "weighting\tpairwise" and one line "pair\tLEVEL\tA\tB\tNUMBER"
 * per comparison in the order given (LEVEL "criteria" or "groups", A and B
 * criterion ids or group names, A over B); each line ending in "\n". NUMBER is the
 * shortest decimal (printf %.Ng, N from 1 to 17) that reads back as the same
 * double. Project, respondent and notes are not part of it: two people who
 * gave the same answers get the same hash. */
void report_canonical_answers(const struct criteria *c, const struct session *s,
                              struct strbuf *out);

/* The SHA-256 of LEN bytes at DATA, as 64 lowercase hex digits and a NUL. */
void report_sha256_hex(const void *data, size_t len, char hex[REPORT_SHA256_HEX]);

/* A new copy of TEXT (NULL gives NULL) in which every byte that is not part
 * of valid UTF-8 becomes U+FFFD (text_clean()'s TEXT_UTF8). The caller frees
 * it. */
char *report_utf8_copy(const char *text);

/* The name of option O (an index). */
const char *report_option_name(const struct report *rep, size_t o);

#endif
