/* plain_internal.h - the plain face's own state and the helpers its files
 * share (plain.c: the start, the questions, the ratings; plain_pairwise.c:
 * weighing in pairs). Not for any other file. */
#ifndef VERDICT_PLAIN_INTERNAL_H
#define VERDICT_PLAIN_INTERNAL_H

#include <stdio.h>

#include "flow.h"
#include "plain.h"
#include "strbuf.h"

#define PLAIN_NO_PAIR ((size_t)-1)

struct plain {
	struct flow *f;
	const struct plain_opts *o;
	FILE *in, *out;
	int utf8;               /* the locale writes UTF-8: bars of blocks */
	int echo;               /* the input is no terminal: each answer is written
	                         * after its question, so that the output reads as
	                         * the dialogue it was */
	char *line;             /* the last line read, trimmed */
	int started;            /* the start was shown before */
	int stop;               /* q, or the end of the input: stop, all is saved */
	int done;               /* the results were shown */
	int status;             /* the exit status, when not 0 */
	int ended;              /* the input ended */
	int was_complete;       /* the session opened was finished already */
	struct strbuf shown;    /* what was said since the step began: the help
	                         * explains the glossary terms in it */
	int chose;              /* how to weigh was asked in this visit to weighing */
	int pairs_told;         /* how to answer a comparison was said */
	size_t pair_at;         /* the comparison to ask next, or PLAIN_NO_PAIR: the
	                         * first not yet given */
};

/* What a line says. */
enum reply {
	REPLY_DEFAULT,          /* empty: the answer in [brackets] */
	REPLY_NUMBER,
	REPLY_BACK,             /* b */
	REPLY_QUIT,             /* q */
	REPLY_HELP,             /* ? */
	REPLY_RESET,            /* d: a weight back to its default */
	REPLY_OTHER,
};

/* Writes FMT as text_printf() does (every %s cleaned) to the output. */
void plain_say(struct plain *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Asks with the prompt FMT and reads the answer into p->line, trimmed.
 * Returns what it says; at the end of the input REPLY_QUIT, with p->stop. */
enum reply plain_ask(struct plain *p, long *number, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A new step: what it says is what the help looks for terms in. */
void plain_step_begins(struct plain *p);
/* What ? gives: the keys (with MORE), then the glossary's words for the
 * technical terms said since the step began. */
void plain_help(struct plain *p, const char *more);
/* A flow call failed with ERR: a storage failure stops, status 3. */
void plain_failed(struct plain *p, const struct verror *err);
/* Gives answer CH; says why not when it could not be saved. */
void plain_answer(struct plain *p, struct flow_change ch);
/* Goes to STEP; the step before (from the first, the start). */
void plain_go(struct plain *p, int step);
void plain_back(struct plain *p);

/* ---- weighing in pairs (plain_pairwise.c) ---- */

/* 1 when weighing is about to start in a session not finished: on its first
 * step of weighing, nothing weighed yet. */
int plain_weighing_starts(const struct plain *p);
/* The same, and how to weigh has not been asked in this visit. */
int plain_choosing(const struct plain *p);
/* Asks how to weigh: rating each criterion, or in pairs. */
void plain_weighing(struct plain *p);
/* The next comparison of a pairwise session. */
void plain_pairs(struct plain *p);
/* The review of a pairwise session: its consistency, hints and weights. */
void plain_pairs_review(struct plain *p);

#endif
