/* criteria.h - the criteria model: options, scale, criteria, profile questions.
 *
 * A criteria set is loaded once from YAML text and never changed afterwards;
 * every other layer reads it. It knows no terminal, no database, no files: the
 * caller hands it the text and a name to use in messages. */
#ifndef VERDICT_CRITERIA_H
#define VERDICT_CRITERIA_H

#include <stddef.h>

#include "diag.h"

#define CRITERIA_VERSION      1
#define CRITERIA_MIN_OPTIONS  2
#define CRITERIA_MAX_OPTIONS  16
#define CRITERIA_RATING_MAX   10.0

struct criteria_option {
	char *id;
	char *name;
};

struct scale {
	int min;                /* weights run from min to max, in whole steps */
	int max;
	char **labels;          /* max - min + 1 labels, one per whole step */
};

struct criterion {
	char *id;
	char *name;
	char *group;            /* NULL when not given */
	char *question;
	char *source;           /* NULL when not given */
	double default_weight;  /* on the scale */
	double *ratings;        /* [noptions], 0..10 */
	char **why;             /* [noptions], entries NULL where not given */
};

struct weight_delta {
	size_t criterion;       /* index into criteria[] */
	double delta;           /* signed change to the default weight */
};

struct rating_override {
	size_t criterion;       /* index into criteria[] */
	size_t option;          /* index into options[] */
	double rating;          /* replaces the criterion's rating */
};

struct choice {
	char *id;
	char *label;
	char *name;             /* a short name for summaries; NULL when not given */
	size_t ndeltas;
	struct weight_delta *deltas;
	size_t noverrides;
	struct rating_override *overrides;
};

struct question {
	char *id;
	char *prompt;
	char *name;             /* a short name for summaries; NULL when not given */
	size_t nchoices;
	struct choice *choices;
};

/* Margins, in score points, that set how firm a recommendation is: a margin
 * at or above `clear` is clear, at or above `leaning` is leaning, below that
 * too close to call. A margin below `tie` means there is no winner at all. */
struct strength_thresholds {
	double tie;             /* default 0.5 */
	double leaning;         /* default 2.0 */
	double clear;           /* default 8.0 */
};

/* Which strengths a calibration example allows: a bit per strength. */
#define EXPECT_CLEAR      1u
#define EXPECT_LEANING    2u
#define EXPECT_TOO_CLOSE  4u
#define EXPECT_NO_WINNER  (-1)  /* expect_winner of "none": too close to call */

struct session;

/* A calibration example the set carries: answers and what they must give.
 * `verdict check` scores each one. */
struct criteria_example {
	char *name;
	int line;               /* where the example starts, for messages */
	int column;
	struct session *answers; /* its choices and weights */
	int expect_winner;      /* option index, or EXPECT_NO_WINNER */
	unsigned expect_strengths; /* EXPECT_* bits; 0 when any strength will do */
};

/* A term the set's texts use, with a one-line plain definition. */
struct glossary_entry {
	char *term;
	char *definition;
};

/* The ids of one list of the model (its criteria, its questions) in strcmp
 * order, each with its place in the list: an id is found in O(log n). The
 * strings are the model's own. A list with a repeated id (a model that fails
 * to load) keeps each copy, the first given first. */
struct criteria_id_slot {
	const char *id;
	size_t index;
};

struct criteria_id_index {
	size_t n;               /* the list's valid ids */
	struct criteria_id_slot *slots; /* [n], owned */
};

struct yaml_arena;

/* Every string of the model lies in STRINGS, the texts of the file's tree
 * (yaml_tree.h), freed with the model. */
struct criteria {
	int version;
	char *id;
	char *title;
	char *summary;          /* NULL when not given */
	size_t noptions;
	struct criteria_option *options;
	struct scale scale;
	size_t ncriteria;
	struct criterion *criteria;
	size_t nquestions;
	struct question *questions;
	struct strength_thresholds strength;
	size_t nexamples;
	struct criteria_example *examples;
	size_t nglossary;
	struct glossary_entry *glossary; /* in the file's order */
	struct criteria_id_index criterion_ids; /* built as the criteria are loaded */
	struct criteria_id_index question_ids;  /* built as the questions are loaded */
	struct yaml_arena *strings;
};

/* Parses and validates criteria YAML text of LEN bytes (need not be
 * NUL-terminated). Every problem found is added to DIAGS, positioned.
 * Returns a new model, which the caller frees with criteria_free(), or NULL
 * when the text has any error. */
struct criteria *criteria_parse(const char *text, size_t len, struct diags *diags);
void criteria_free(struct criteria *c);

/* Index of the option, criterion or question with this id, or -1. Criteria
 * and questions are found through their id index, options (at most
 * CRITERIA_MAX_OPTIONS) by a scan. */
int criteria_option_index(const struct criteria *c, const char *id);
int criteria_criterion_index(const struct criteria *c, const char *id);
int criteria_question_index(const struct criteria *c, const char *id);
/* Index of the choice with this id in question Q, or -1: a scan, as an
 * answer names one choice of each question. */
int criteria_choice_index(const struct question *q, const char *id);
/* The place in its list of the first item with this id in IX, or -1. When
 * PROBES is not NULL, *PROBES is set to the ids compared (for tests: at most
 * one more than the bits of IX->n). */
int criteria_id_find(const struct criteria_id_index *ix, const char *id, size_t *probes);

/* The label of the whole step nearest WEIGHT on the scale. */
const char *criteria_weight_label(const struct criteria *c, double weight);

/* The short name of question Q (its `name`, else its prompt) and of choice
 * CH of it (its `name`, else its label). */
const char *criteria_question_name(const struct question *q);
const char *criteria_choice_name(const struct choice *ch);

#endif
