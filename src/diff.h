/* diff.h - what differs between two versions of a criteria set, or between
 * two sessions, and how much each difference moved the result.
 *
 * Pure, like score.h: no I/O, no terminal, no database. The method (exact
 * Shapley values over the changed inputs) is written out in
 * docs/scoring.md, "Comparing two sessions".
 *
 * Ownership: every struct here owns its arrays and is freed with its _free
 * function. Texts the items point to are the models' own strings (or the
 * item's own buffers): the models must outlive the diff. */
#ifndef VERDICT_DIFF_H
#define VERDICT_DIFF_H

#include <stddef.h>

#include "criteria.h"
#include "score.h"
#include "session.h"

/* Past this many changed inputs the players are grouped (by criterion or
 * question, then by kind) so that the exact computation stays small. */
#define DIFF_MAX_PLAYERS 16

enum diff_kind {
	/* the criteria text (diff_criteria()) */
	DIFF_SET_TEXT,          /* FIELD "id", "title" or "summary" */
	DIFF_OPTION_ADDED,
	DIFF_OPTION_REMOVED,
	DIFF_OPTION_TEXT,       /* FIELD "name" */
	DIFF_SCALE,             /* FIELD "range" (OLD_TEXT/NEW_TEXT "0-5") or "labels" */
	DIFF_STRENGTH,          /* the thresholds, OLD_TEXT/NEW_TEXT "0.5 / 2 / 8" */
	DIFF_CRITERION_ADDED,
	DIFF_CRITERION_REMOVED,
	DIFF_DEFAULT_WEIGHT,    /* OLD_VALUE -> NEW_VALUE */
	DIFF_RATING,            /* OPTION's rating, OLD_VALUE -> NEW_VALUE */
	DIFF_CRITERION_TEXT,    /* FIELD "name", "question", "group", "source" or "why"
	                         * (with OPTION) */
	DIFF_QUESTION_ADDED,
	DIFF_QUESTION_REMOVED,
	DIFF_QUESTION_EFFECTS,  /* its choices move weights or ratings otherwise, or
	                         * choices were added or removed */
	DIFF_QUESTION_TEXT,     /* FIELD "prompt", "name" or "label" (of choice ID2) */
	/* the sessions (session_diff()) */
	DIFF_SESSION_TEXT,      /* FIELD "project", "respondent" or "notes" */
	DIFF_ANSWER,            /* a profile answer: OLD_ID/NEW_ID the choices (NULL:
	                         * not answered), OLD_TEXT/NEW_TEXT their short names
	                         * (criteria_choice_name()) */
	DIFF_WEIGHT,            /* the person's weight: HAS_OLD/HAS_NEW whether set */
	DIFF_WEIGHING,          /* OLD_TEXT/NEW_TEXT "ratings" or "pairwise" */
	DIFF_COMPARISON,        /* ID over ID2 (FIELD "criteria" or "groups"): HAS_OLD,
	                         * OLD_VALUE, HAS_NEW, NEW_VALUE */
};

struct diff_item {
	enum diff_kind kind;
	const char *id;         /* the criterion's, question's or option's id; NULL for
	                         * the set, the scale, the thresholds, the weighing */
	const char *name;       /* its name for people: the new version's, else the old's */
	const char *field;      /* which text (see the kinds); NULL otherwise */
	const char *option;     /* DIFF_RATING and "why": the option's id */
	const char *option_name;
	const char *id2;        /* DIFF_COMPARISON: the other item; "label": the choice */
	const char *name2;
	const char *old_text;   /* texts (NULL: none) */
	const char *new_text;
	const char *old_id;     /* DIFF_ANSWER: the choices' ids */
	const char *new_id;
	double old_value;
	double new_value;
	int has_old;            /* DIFF_WEIGHT, DIFF_COMPARISON: whether there is one */
	int has_new;
	int player;             /* its player in the attribution, or -1 (a change that
	                         * cannot move a score, or no attribution) */
	char old_buf[48];       /* room for OLD_TEXT/NEW_TEXT made of numbers */
	char new_buf[48];
};

struct diff {
	size_t n;
	size_t cap;
	struct diff_item *items;
};

/* What differs from criteria set A (the old) to B (the new), appended to D
 * (zeroed by the caller, or already holding items): the set's texts, the
 * options, the scale and thresholds, the criteria added and removed (by id),
 * then for each criterion in both, in B's order, its default weight, its
 * ratings (options in both, in B's order) and its texts; then the
 * questions. Items point into A and B. */
void diff_criteria(const struct criteria *a, const struct criteria *b, struct diff *d);
void diff_free(struct diff *d);

/* A calibration example (by name, in either file) scored against both
 * versions: its answers are the file's own, or when only the other file
 * has it, that file's answers mapped by ids (diff_map_session()). */
struct diff_example {
	const char *name;
	int in_old, in_new;     /* whether each file has it */
	int ok_old, ok_new;     /* whether it could be scored (else the STATUS) */
	enum score_status st_old, st_new;
	const char *winner_old; /* the winner's option id, NULL for a tie */
	const char *winner_new;
	const char *winner_old_name;
	const char *winner_new_name;
	enum strength strength_old, strength_new;
	double margin_old, margin_new;
	int changed;            /* the winner or the strength differs (or one of the two
	                         * could not be scored) */
};

/* Every example of A and B, B's in its order then those of A alone, into
 * *OUT (the caller frees it with free()). Returns how many. */
size_t diff_examples(const struct criteria *a, const struct criteria *b,
                     struct diff_example **out);

/* Session S, answered on criteria FROM, as answers on criteria TO: each
 * choice by its question's and its own id, each weight by its criterion's
 * id, each comparison by its items' ids (criteria) or names (groups);
 * anything TO does not have is left out. Free with session_free(). */
struct session *diff_map_session(const struct criteria *from, const struct session *s,
                                 const struct criteria *to);

/* How the players of the attribution are shown: one share per player, or,
 * past DIFF_MAX_PLAYERS, one per group. */
enum diff_grouping {
	DIFF_GROUP_NONE,        /* one share per changed input */
	DIFF_GROUP_SUBJECT,     /* per criterion, per question, the scale, the weighing */
	DIFF_GROUP_KIND,        /* the criteria text, the answers, the weights */
};

enum diff_share_kind {
	SHARE_ITEM,             /* one changed input: ITEM */
	SHARE_CRITERION,        /* every change to criterion ID */
	SHARE_QUESTION,         /* every change to question ID (its answer, its effects) */
	SHARE_CRITERIA_TEXT,    /* every change to the criteria text */
	SHARE_ANSWERS,          /* every changed answer */
	SHARE_WEIGHTS,          /* every changed weight, comparison, the weighing */
};

struct diff_share {
	enum diff_share_kind kind;
	int item;               /* SHARE_ITEM: the difference; else its first item */
	const char *id;         /* SHARE_CRITERION/SHARE_QUESTION */
	const char *name;
	size_t nplayers;        /* how many changed inputs it holds */
	double value;           /* its Shapley value: points of the margin */
};

/* Why there is no attribution. */
enum diff_refusal {
	DIFF_ATTRIBUTED,
	DIFF_OPTIONS_DIFFER,    /* the versions do not have the same options */
	DIFF_NOT_SCORED,        /* a session cannot be scored (all weights zero, or
	                         * comparisons that do not link) */
};

struct session_diff {
	struct diff diff;       /* the criteria text's differences, then the sessions' */
	enum score_status st_old, st_new;
	struct result old_result; /* valid when its status is SCORE_OK */
	struct result new_result;
	enum diff_refusal refusal;
	/* The margin: the score of option FIRST minus that of option SECOND
	 * (indices into the new criteria's options). FIRST is the new session's
	 * first-ranked option; SECOND is the old session's first-ranked when that
	 * is another option, else the new session's second-ranked. */
	size_t first, second;
	double from, to;        /* the margin in the old session and in the new one */
	size_t nplayers;        /* the changed inputs that can move a score */
	size_t *player_share;   /* [nplayers]: each one's share (an item's PLAYER indexes it) */
	enum diff_grouping grouping;
	size_t nshares;
	struct diff_share *shares; /* in the order of the differences; their values sum
	                            * to TO - FROM */
};

/* Compares session S1 on criteria A (the old) with S2 on criteria B (the
 * new) into OUT, which the caller frees with session_diff_free(). The
 * margin moves from FROM to TO; each changed input that can move a score is
 * a player of a game whose value for a coalition (a set of players) is the
 * margin when those inputs take their new values and the others keep their
 * old ones, and each gets its exact Shapley value. */
void session_diff(const struct criteria *a, const struct session *s1, const struct criteria *b,
                  const struct session *s2, struct session_diff *out);
void session_diff_free(struct session_diff *d);

#endif
