/* flow.h - the course of a session, whichever face asks its questions.
 *
 * The session being answered and the step it is on (session.h numbers the
 * steps); starting a session or opening a stored one; moving from step to
 * step; each answer saved through the store the moment it is given; a change
 * to a finished session, which goes into a copy or into the original with its
 * answers before kept as a revision; and scoring, which marks the session
 * finished with its winner. The walk-through (tui/) and the plain face
 * (plain*.c) both drive a struct flow: they differ only in how they show the
 * steps and read the answers.
 *
 * The flow knows no terminal and prints nothing. A function that can fail
 * returns 0, or -1 having filled ERR (verror.h; ERR may be NULL):
 *   - VERROR_STORAGE: the database failed; the message says why and what to
 *     do. The face ends, with status 3.
 *   - VERROR_INPUT: the session is not stored: one asked for by id is not
 *     there or cannot be read back, or the session being answered was deleted
 *     by another program meanwhile. In that last case the flow has closed it
 *     (f->id is 0 again) and the message says that the last change was not
 *     saved; the face goes back to its start.
 *
 * Ownership: a struct flow owns its criteria sources, the session and the
 * result, and borrows the store, which must outlive it. Its fields are there
 * to be read; they change only through the functions below. It holds
 * pointers into itself: it stays where flow_init() put it. */
#ifndef VERDICT_FLOW_H
#define VERDICT_FLOW_H

#include <stddef.h>
#include <time.h>

#include "criteria_source.h"
#include "score.h"
#include "session.h"
#include "store.h"
#include "verror.h"

struct flow {
	struct store *store;
	struct criteria_source fresh;   /* the set new sessions are answered on */
	struct criteria_source loaded;  /* an opened session's own set */
	const struct criteria *c;       /* the current session's set: fresh or loaded */
	const struct criteria_source *src;

	/* The session being answered: none while id is 0 (s is then NULL). */
	struct session *s;
	long long id;
	int step;                       /* the step on show (session.h) */
	int complete;                   /* finished: its results have been seen */
	struct result result;           /* its result, when have_result */
	int have_result;                /* 0 also when every weight is the scale's
	                                 * least: nothing to weigh (flow_score()) */
	enum score_status score_status; /* why not, when have_result is 0 after
	                                 * flow_score() */
	/* The latest decision recorded for the session (issue 15): the option
	 * chosen, an index of c's options, or -1 when none is; when it was
	 * recorded and why (NULL when no reason was given). */
	int decided;
	time_t decided_at;
	char *decided_note;
};

/* A flow on the criteria FRESH, whose contents it takes over (FRESH is left
 * empty), keeping sessions in ST. No session is open. */
void flow_init(struct flow *f, struct store *st, struct criteria_source *fresh);
/* Frees everything F owns; the store stays open. */
void flow_free(struct flow *f);

/* Starts a new session on the fresh criteria, with PROJECT and RESPONDENT
 * (NULL or "" when not given), on its first step. */
int flow_new(struct flow *f, const char *project, const char *respondent,
             struct verror *err);
/* Opens stored session ID with the criteria it was answered against: a
 * finished one on its results, another on the step where it stopped. On
 * failure the session open before stays open. */
int flow_open(struct flow *f, long long id, struct verror *err);
/* Forgets the current session (it stays stored). */
void flow_close(struct flow *f);

/* Goes to STEP (held to the first and last steps). The step reached is
 * stored, so an unfinished session resumes there; a finished one is only
 * looked at, and looking writes nothing. */
int flow_goto(struct flow *f, int step, struct verror *err);
int flow_next(struct flow *f, struct verror *err);
/* The step before; on the first step, nothing. */
int flow_back(struct flow *f, struct verror *err);

/* ---- answers ---- */

enum flow_change_kind {
	FLOW_CHOICE,            /* question INDEX answered with choice VALUE (or none) */
	FLOW_WEIGHT,            /* criterion INDEX given weight VALUE */
	FLOW_DEFAULT,           /* criterion INDEX back to its default: the person's
	                         * weight forgotten */
	FLOW_WEIGHTING,         /* weighing by ratings or in pairs: VALUE is the enum
	                         * weighting. The session goes to its first step of
	                         * weighing (session_weighing_step()), as numbered for
	                         * the new way */
	FLOW_JUDGMENT,          /* at LEVEL, INDEX matters VALUE times as much as OTHER */
	FLOW_UNJUDGE,           /* at LEVEL, the comparison of INDEX and OTHER forgotten */
};

/* One answer, as it will be saved. */
struct flow_change {
	enum flow_change_kind kind;
	size_t index;
	double value;
	size_t other;           /* FLOW_JUDGMENT, FLOW_UNJUDGE */
	enum judgment_level level; /* FLOW_JUDGMENT, FLOW_UNJUDGE */
};

/* Answering question Q with choice CHOICE; one out of range (as
 * SESSION_NO_CHOICE) skips the question. */
struct flow_change flow_choice(const struct flow *f, size_t q, int choice);
/* Giving criterion K weight WEIGHT, held to the scale. */
struct flow_change flow_weight(const struct flow *f, size_t k, double weight);
/* Forgetting the person's weight of criterion K. */
struct flow_change flow_default(size_t k);
/* Choosing how to weigh (enum weighting). */
struct flow_change flow_weighting(enum weighting w);
/* A over B = VALUE at LEVEL (VALUE snapped to Saaty's scale, ahp.h);
 * forgetting that comparison. */
struct flow_change flow_judgment(enum judgment_level level, size_t a, size_t b, double value);
struct flow_change flow_unjudge(enum judgment_level level, size_t a, size_t b);

/* 1 when CH would change the session's answers, 0 when they are so already. */
int flow_changes(const struct flow *f, const struct flow_change *ch);

/* Gives answer CH (nothing happens when it changes nothing). A finished
 * session is a record: a face asks first where a change to it goes and calls
 * flow_edit_finished(); given here, the change goes into the original, the
 * store keeping its answers before as a revision. A changed session is in
 * progress until its results are seen again, and resumes on the step it was
 * changed on. */
int flow_answer(struct flow *f, const struct flow_change *ch, struct verror *err);

/* Where a change to a finished session goes. */
enum flow_where {
	FLOW_IN_COPY,           /* a new session (store_copy()), which becomes the one
	                         * being answered; the original stays as it was */
	FLOW_IN_ORIGINAL,       /* the session itself, its answers before kept first as
	                         * a revision (store_revision_save()) */
};

/* Gives answer CH to the finished session WHERE says. *REV gets the
 * revision kept (FLOW_IN_ORIGINAL), else 0. */
int flow_edit_finished(struct flow *f, const struct flow_change *ch, enum flow_where where,
                       long long *rev, struct verror *err);

/* ---- weights and the result ---- */

/* Criterion K's weight as it stands, and where it comes from (SOURCE may be
 * NULL). */
double flow_current_weight(const struct flow *f, size_t k, enum weight_source *source);
/* Criterion K's weight before the person's own: the default as the profile
 * answers moved it, held to the scale. Reads only. */
double flow_default_weight(const struct flow *f, size_t k);

/* Scores the session into f->result. When every weight is the scale's least
 * there is nothing to weigh: have_result stays 0 and nothing is stored.
 * Otherwise have_result is 1, and an unfinished session is stored as finished,
 * with its winner's name. */
int flow_score(struct flow *f, struct verror *err);

/* Scores the session into R without storing anything, for the review of a
 * pairwise session (its consistency and hints) before the results. On
 * SCORE_OK the caller frees R with result_free(). */
enum score_status flow_preview(const struct flow *f, struct result *r);

/* ---- the decision journal ---- */

/* Records that option O of the session's criteria was chosen, with NOTE
 * (NULL or "" for none), beside the advice: the result's winner when the
 * session is finished and has one, else none (store_decide()). It changes
 * none of the answers. Sets decided, decided_at and decided_note. */
int flow_decide(struct flow *f, size_t o, const char *note, struct verror *err);

/* ---- the start ---- */

/* The session to offer to resume into *ID: the current one when it is
 * unfinished, else the newest unfinished one stored, else 0. */
int flow_resumable(struct flow *f, long long *id, struct verror *err);
/* "Resume "Shop rewrite" at criterion 3 of 14" (the project, else the
 * respondent, else "the unfinished session"), into BUF, for session ID;
 * "Resume session ID" when it cannot be read. */
void flow_resume_label(struct flow *f, long long id, char *buf, size_t len);

#endif
