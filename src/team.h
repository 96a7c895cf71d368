/* team.h - the group view: several people's sessions on one criteria set,
 * combined into one recommendation, with where they disagree.
 *
 * Pure functions, like score.h: no I/O, no globals, no terminal, no
 * database. The group is scored through score_session() itself, as a
 * session that carries the group's weights (and, for a group that weighed
 * in pairs, the group's comparisons), so its scores, ranking, winner,
 * strength and confidence follow the same rules as one person's. Every
 * rule of the group (the mean, the geometric mean of comparisons, the
 * answers' plurality, the spread, the consensus and how many would have to
 * change their mind) is written out in docs/scoring.md, "The group view",
 * with a worked example.
 *
 * Ownership: a struct team_result owns everything it points to and is
 * freed with team_result_free(); it keeps no pointer into the criteria or
 * the sessions, which team_build() only reads. */
#ifndef VERDICT_TEAM_H
#define VERDICT_TEAM_H

#include <stddef.h>

#include "criteria.h"
#include "score.h"
#include "session.h"

/* How the group's weights are made. */
enum team_method {
	TEAM_MEAN,              /* the mean of the respondents' effective weights */
	TEAM_AIJ,               /* every respondent weighed in pairs: the geometric mean
	                         * of their comparisons, pair by pair (aggregation of
	                         * individual judgments), solved as one person's */
};

/* How far the respondents' weights of one criterion lie apart. */
struct team_spread {
	size_t criterion;
	double min, max;
	double mean;            /* of the respondents' effective weights */
	double sd;              /* population standard deviation (divided by N) */
};

/* One profile question, as the group answered it. */
struct team_answer {
	size_t question;
	int choice;             /* the group's: the choice more respondents gave than any
	                         * other (not answering counts as an answer), or
	                         * SESSION_NO_CHOICE when none leads or that is not
	                         * answering */
	int differs;            /* 1 when the respondents did not all give the same */
};

/* Goepel's AHP consensus indicator (docs/scoring.md). */
struct team_consensus {
	double h_alpha;         /* the mean of the respondents' Shannon entropies */
	double h_gamma;         /* the entropy of the mean of their weight shares */
	double h_beta;          /* h_gamma - h_alpha */
	double value;           /* (exp(-h_beta) - 1/n) / (1 - 1/n), 0 to 1; 1 for n = 1 */
};

struct team_result {
	size_t nrespondents;
	size_t ncriteria;
	enum team_method method;
	struct session *group;  /* the session scored for the group: its choices are the
	                         * group's answers, its weights (or comparisons) the
	                         * group's */
	struct result result;   /* the group's: weights, scores, ranking, winner,
	                         * strength, confidence; result.pairwise for TEAM_AIJ */
	double group_cr;        /* TEAM_AIJ: the highest consistency ratio of the group's
	                         * matrices; else 0 */
	struct result *own;     /* [nrespondents]: each one's own result */
	double *weights;        /* [nrespondents * ncriteria]: each one's effective weights,
	                         * a row per respondent */
	struct team_spread *spread; /* [ncriteria]: the largest standard deviation first;
	                             * equal ones by the larger range, then the file's
	                             * order */
	struct team_answer *answers; /* [nquestions] in the file's order */
	size_t nquestions;
	size_t ndiffer;         /* questions whose answers differ */
	struct team_consensus consensus;
	int runner_up;          /* the group's second option, or -1 */
	int champion;           /* the respondent whose weights favour the runner-up most
	                         * over the group's winner, or -1 for a tie */
	int flip;               /* how many respondents taking the champion's weights
	                         * change the group's winner; -1 when none does (or for
	                         * a tie) */
	size_t nflip_order;
	size_t *flip_order;     /* [nflip_order]: the respondents other than the champion
	                         * in the order they take its weights, the one whose
	                         * change helps the runner-up most first; the first FLIP
	                         * of them change the winner */
};

enum team_status {
	TEAM_OK,
	TEAM_TOO_FEW,           /* fewer than two sessions */
	TEAM_RESPONDENT,        /* one respondent's session cannot be scored:
	                         * *BAD_RESPONDENT says which, *BAD_STATUS why */
	TEAM_GROUP,             /* the group cannot be scored (every weight zero):
	                         * *BAD_STATUS says why */
};

/* Combines the N sessions S[0..N) on criteria C (each made on C: the same
 * criteria text) into OUT. On TEAM_OK the caller frees OUT with
 * team_result_free(); otherwise OUT holds nothing to free, and
 * BAD_RESPONDENT and BAD_STATUS (each may be NULL) say what failed. */
enum team_status team_build(const struct criteria *c, const struct session *const *s, size_t n,
                            struct team_result *out, size_t *bad_respondent,
                            enum score_status *bad_status);
void team_result_free(struct team_result *t);

/* Goepel's consensus of N respondents' weights W (a row of M per respondent,
 * each row summing to more than 0), on their shares of each row's total. */
void team_consensus_of(const double *w, size_t n, size_t m, struct team_consensus *out);

/* Goepel's words for a consensus: "very low" below 0.5, "low" to 0.625,
 * "moderate" to 0.75, "high" to 0.875, "very high" from there. */
const char *team_consensus_word(double value);

/* "mean" or "aij". */
const char *team_method_key(enum team_method m);

#endif
