/* score.h - from a criteria model and a session, the recommendation.
 *
 * Pure functions: no I/O, no globals, no terminal, no database. Every figure
 * the faces and the exports show comes from a `struct result`. The formulas
 * are written out in docs/scoring.md.
 *
 * Ownership: a `struct result` owns every array it points to and is freed
 * with result_free(); it holds no pointer into the criteria or the session,
 * which the caller keeps and which score_session() only reads. */
#ifndef VERDICT_SCORE_H
#define VERDICT_SCORE_H

#include <stddef.h>

#include "ahp.h"
#include "criteria.h"
#include "score_methods.h"
#include "session.h"

#define SCORE_MIN_TRIALS  10000
#define SCORE_MAX_REASONS 5

/* Where a criterion's effective weight came from. */
enum weight_source {
	WEIGHT_DEFAULT,         /* the criteria file's default_weight */
	WEIGHT_PROFILE,         /* the default, moved by profile answers */
	WEIGHT_PERSON,          /* set by the person */
	WEIGHT_PAIRWISE,        /* from the person's comparisons in pairs */
};

/* The three ways of adding up (score_methods.h). */
enum method {
	METHOD_WEIGHTED_SUM,    /* verdict's own: the recommendation */
	METHOD_WEIGHTED_PRODUCT,
	METHOD_TOPSIS,
	METHOD_COUNT,
};

/* One matrix of a pairwise weighting: the criteria of one group (or of the
 * whole set, when it is flat), or the groups themselves. */
struct pairwise_matrix {
	enum judgment_level level;
	int group;              /* JUDGE_CRITERIA: the group compared within, -1 for a
	                         * flat set; JUDGE_GROUPS: -1 */
	size_t nitems;
	size_t *items;          /* [nitems]: criterion or group indices; the ahp result's
	                         * item i is items[i] */
	enum ahp_status status; /* AHP_EMPTY for a matrix with no comparisons yet (a group
	                         * of one criterion needs none: its weight is 1) */
	struct ahp_result ahp;  /* when status is AHP_OK */
};

/* How a pairwise weighting came out (result.pairwise). Weights multiply
 * down the levels: a criterion's share is its group's share times its
 * share within the group. */
struct pairwise_info {
	size_t nmatrices;
	struct pairwise_matrix *matrices; /* the groups' own matrix first, when the set has
	                                   * groups, then each group's in order */
	int worst;              /* the matrix with the highest consistency ratio, or -1 */
	int has_next;           /* 1 when a missing comparison would tell more */
	struct judgment next;   /* the one that would tell the most, in model indices,
	                         * with the value filled in for it now */
	size_t nleft_out;       /* criteria in no comparison: weight 0 */
};

enum strength {
	STRENGTH_CLEAR,
	STRENGTH_LEANING,
	STRENGTH_TOO_CLOSE,
};

/* For one criterion: the weight at which another option would draw level with
 * the winner, holding every other weight. */
struct sensitivity {
	double threshold;       /* on the scale; NAN when no weight on it changes the winner */
	int new_winner;         /* option index, or -1 when threshold is NAN */
	double step;            /* the whole step of the scale nearest the current weight at
	                         * which the result differs (another winner, or for a tie a
	                         * winner, or for a winner a tie); NAN when no step does */
	int step_winner;        /* the winner at that step: option index, or -1 for a tie */
	enum strength step_strength; /* the result's strength at that step */
};

/* What another answer to one profile question would give, all else kept. */
struct lever {
	size_t question;        /* question index */
	size_t choice;          /* the other choice's index */
	int winner;             /* option index, or -1 for a tie */
	enum strength strength;
	double margin;
};

/* One profile answer's part in a weight or a rating. */
struct cause {
	size_t question;
	size_t choice;
	size_t option;          /* rating causes: the option rated */
	double delta;           /* weight causes: the change it made */
	double from;            /* rating causes: the file's rating */
	double to;              /* rating causes: the rating the answer gives */
};

struct result {
	size_t noptions;
	size_t ncriteria;
	double *weights;        /* [ncriteria] effective weights */
	enum weight_source *weight_source; /* [ncriteria] */
	int *weight_cause;      /* [ncriteria] question index whose choice moved it most, or -1;
	                         * -1 unless the source is WEIGHT_PROFILE */
	double *ratings;        /* [ncriteria * noptions] effective ratings, row per criterion */
	int *rating_cause;      /* [ncriteria * noptions] question index whose chosen choice
	                         * replaced the rating with another value, or -1 */
	size_t nquestions;
	int *choices;           /* [nquestions] the session's choices, or SESSION_NO_CHOICE */
	double *contributions;  /* [ncriteria * noptions] points each criterion adds to each score */
	double *scores;         /* [noptions], 0..100 */
	size_t *ranking;        /* [noptions] option indices, best first */
	int winner;             /* option index, or -1 for a tie */
	double margin;          /* first score minus second, points */
	double total_weight;    /* sum of the effective weights, > 0 */
	enum strength strength;
	size_t nreasons;
	size_t reasons[SCORE_MAX_REASONS]; /* criterion indices most in the winner's favour,
	                                    * largest advantage first; none for a tie */
	struct sensitivity *sensitivity;   /* [ncriteria] */
	double confidence;      /* 0..1 share of perturbed weightings keeping the winner
	                         * (for a tie: keeping the tie) */
	unsigned trials;        /* how many perturbed weightings were tried */
	int dominant;           /* 1 when no weighting on the scale puts another option
	                         * ahead of the winner (0 for a tie) */
	int rating_dominant;    /* 1 when, besides, the winner is rated at least as high as
	                         * every other option on every criterion */
	int answered;           /* how many profile questions were answered */
	size_t nlevers;
	struct lever *levers;   /* [nlevers]: every other choice of every question, in the
	                         * file's order */
	int top_lever;          /* the lever that gives another winner the widest margin,
	                         * one of a question not answered yet first, or -1 when no
	                         * other answer changes the winner */
	double *weight_shares;  /* [ncriteria]: weights[i] / total_weight, summing to 1 */
	struct method_result methods[METHOD_COUNT]; /* [METHOD_WEIGHTED_SUM] is this result */
	int methods_agree;      /* 1 when the three methods name the same winner (or
	                         * all three a tie) */
	struct pairwise_info *pairwise; /* NULL unless the session weighs in pairs */
};

enum score_status {
	SCORE_OK,
	SCORE_ALL_WEIGHTS_ZERO, /* nothing to weigh: an input error */
	SCORE_PAIRWISE_INCOMPLETE, /* weighing in pairs, and the comparisons do not yet link
	                            * the criteria of some matrix (or there are none) */
};

/* Scores session S against criteria C into R. On SCORE_OK the caller frees R
 * with result_free(); on failure R holds nothing to free. */
enum score_status score_session(const struct criteria *c, const struct session *s,
                                struct result *r);
void result_free(struct result *r);

/* A person-readable message for a status. */
const char *score_status_message(enum score_status st);
/* The name of METHOD in JSON: "weighted_sum", "weighted_product", "topsis";
 * and for people: "weighted sum", "weighted product", "TOPSIS". */
const char *method_key(enum method m);
const char *method_name(enum method m);

/* "clear", "leaning" or "too-close". */
const char *strength_name(enum strength st);
/* Where a weight came from, in a word for people: "yours", "answers" (the
 * default moved by profile answers) or "default". */
const char *weight_source_name(enum weight_source s);

/* The itemised causes of a criterion's weight before the person's own, as
 * score_profile_weight() finds them: which answers moved the file's default
 * and by how much.
 *
 * Ownership: ITEMS is allocated (through xalloc.h, so it cannot fail) and
 * belongs to the record; weight_causes_free() frees it and empties the
 * record. A record with no causes holds no allocation, and freeing it is
 * still right. */
struct weight_causes {
	enum weight_source source; /* WEIGHT_DEFAULT or WEIGHT_PROFILE, as for the weight */
	int biggest;            /* the question whose answer moved it most (of equal moves,
	                         * the first), or -1 unless the source is WEIGHT_PROFILE:
	                         * what result.weight_cause holds */
	size_t count;
	struct cause *items;    /* [count]: each chosen answer whose delta to the criterion is
	                         * not 0, in the order of the questions, listed even when they
	                         * cancel out or the clamp undoes them; NULL when count is 0 */
};
void weight_causes_free(struct weight_causes *causes);

/* Criterion K's weight before the person's own: the criteria file's
 * default plus the deltas of session S's chosen profile answers, clamped to
 * the scale, whether or not the person set a weight (S NULL: no answers).
 * This is the rule of every weight verdict shows; docs/scoring.md gives it
 * in words. K must be below C->ncriteria; S is only read. CAUSES, when not
 * NULL, receives the itemised causes, which the caller frees with
 * weight_causes_free(). */
double score_profile_weight(const struct criteria *c, const struct session *s, size_t k,
                            struct weight_causes *causes);

/* The effective weight of criterion I for session S, and where it came from,
 * without scoring: the person's weight when they set one (clamped to the
 * scale; *SOURCE WEIGHT_PERSON, *CAUSE -1), else score_profile_weight()
 * with its source and biggest cause. SOURCE and CAUSE may be NULL. */
double score_effective_weight(const struct criteria *c, const struct session *s,
                              size_t i, enum weight_source *source, int *cause);

/* score_profile_weight() for the answers R was scored with. */
double score_answers_weight(const struct criteria *c, const struct result *r, size_t i,
                            struct weight_causes *causes);

/* The items of score_answers_weight()'s causes, at most MAX into OUT; none
 * when the person set the weight. Returns how many there are (which may
 * exceed MAX). */
size_t score_weight_causes(const struct criteria *c, const struct result *r, size_t i,
                           struct cause *out, size_t max);
/* The items of score_profile_weight()'s causes for session S, whether or
 * not the person has set the weight. As above. */
size_t score_profile_causes(const struct criteria *c, const struct session *s, size_t i,
                            struct cause *out, size_t max);
/* The profile answers of session S that replace criterion I's ratings, as
 * score_rating_causes() finds them in a result, for the walk-through before
 * there is one. */
size_t score_profile_rating_causes(const struct criteria *c, const struct session *s, size_t i,
                                   struct cause *out, size_t max);
/* The profile answers of R that replaced criterion I's ratings and are in
 * force (a later question's replacement wins), option by option. As above. */
size_t score_rating_causes(const struct criteria *c, const struct result *r, size_t i,
                           struct cause *out, size_t max);

/* When an answer replaced option O's rating on criterion K, "normally 9,
 * for your answer “Mostly JavaScript”" into BUF; else "". Returns as
 * snprintf does. */
int score_rating_trace(const struct criteria *c, const struct result *r, size_t k, size_t o,
                       char *buf, size_t len);

/* Writes into BUF (LEN bytes, always NUL-terminated when LEN > 0) a plain
 * sentence saying how criterion K weighs between the leading option and the
 * runner-up of R, with the weight's label and the leader's `why` text, e.g.
 * "Live features (importance: Critical): Node.js rates 9 out of 10, Python 5.
 * Made for always-connected apps: ...". Returns the length of the whole
 * sentence, as snprintf does (truncated when >= LEN), or -1 when K is out of
 * range. */
int score_reason_text(const struct criteria *c, const struct result *r, size_t k, char *buf,
                      size_t len);

/* The same sentence from the runner-up's side, for "what you give up":
 * how criterion K weighs between the runner-up and the leader, with the
 * runner-up's `why` text. */
int score_giveup_text(const struct criteria *c, const struct result *r, size_t k, char *buf,
                      size_t len);

/* The criteria on which the runner-up gains more points than the winner,
 * largest loss first (equal ones in the file's order): at most MAX into
 * OUT. None for a tie. Returns how many. */
size_t score_giveups(const struct result *r, size_t *out, size_t max);

#endif
