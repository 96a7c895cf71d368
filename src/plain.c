/* plain.c - the plain face: the walk-through's questions, line by line. */
#include "plain.h"
#include "plain_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "glossary.h"
#include "score_format.h"
#include "text.h"
#include "text_print.h"
#include "xalloc.h"

#define NAME_MAX_CHARS 80       /* characters in a project or respondent name, as the
                                 * walk-through's fields hold */

char *plain_read_line(FILE *in)
{
	size_t len = 0, cap = 128;
	char *buf = xmalloc(cap);
	int ch;
	while ((ch = getc(in)) != EOF && ch != '\n') {
		if (len + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
		buf[len++] = (char)ch;
	}
	if (ch == EOF && len == 0) {
		free(buf);
		return NULL;
	}
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return buf;
}

/* LINE without the blanks around it, in place. */
static char *trim(char *line)
{
	size_t n = strlen(line);
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

static enum reply classify(const char *s, long *number)
{
	if (!*s)
		return REPLY_DEFAULT;
	if (!s[1]) {
		switch (s[0]) {
		case 'b':
		case 'B':
			return REPLY_BACK;
		case 'q':
		case 'Q':
			return REPLY_QUIT;
		case '?':
			return REPLY_HELP;
		case 'd':
		case 'D':
			return REPLY_RESET;
		default:
			break;
		}
	}
	size_t digits = strspn(s, "0123456789");
	if (digits == strlen(s) && digits <= 9) {
		*number = strtol(s, NULL, 10);
		return REPLY_NUMBER;
	}
	return REPLY_OTHER;
}

/* Writes FMT with AP as text_printf() does (every %s cleaned) to the output. */
static void vsay(struct plain *p, const char *fmt, va_list ap)
{
	struct strbuf sb;
	strbuf_init(&sb);
	text_vformat(&sb, fmt, ap);
	fputs(strbuf_str(&sb), p->out);
	strbuf_add(&p->shown, strbuf_str(&sb), sb.len);
	strbuf_free(&sb);
}

/* A new step: what it says is what the help looks for terms in. */
void plain_step_begins(struct plain *p)
{
	strbuf_free(&p->shown);
	strbuf_init(&p->shown);
}

void plain_say(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(p, fmt, ap);
	va_end(ap);
}

/* Asks with the prompt FMT and reads the answer into p->line, trimmed.
 * Returns what it says; at the end of the input REPLY_QUIT, with p->stop. */
enum reply plain_ask(struct plain *p, long *number, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(p, fmt, ap);
	va_end(ap);
	fflush(p->out);
	free(p->line);
	p->line = plain_read_line(p->in);
	if (!p->line) {
		p->ended = 1;
		fputc('\n', p->out);
		p->stop = 1;
		return REPLY_QUIT;
	}
	if (p->echo)
		text_printf(p->out, "%s\n", p->line);
	char *s = trim(p->line);
	memmove(p->line, s, strlen(s) + 1);
	enum reply r = classify(p->line, number);
	if (r == REPLY_QUIT)
		p->stop = 1;
	return r;
}

/* The keys. */
static void keys_help(struct plain *p, const char *more)
{
	plain_say(p, "Type the number of an answer and press Enter; Enter alone takes the one in "
	    "[brackets].%s b goes back a step, q stops (every answer is already saved).\n", more);
}

/* What ? gives: the keys, then the glossary's words for the technical terms
 * said since the step began, as the walk-through's help gives those on its
 * screen. */
void plain_help(struct plain *p, const char *more)
{
	const struct criteria *c = p->f->c;
	size_t terms[32];
	size_t n = glossary_find(c, strbuf_str(&p->shown), terms, sizeof terms / sizeof terms[0]);
	keys_help(p, more);
	if (n > sizeof terms / sizeof terms[0])
		n = sizeof terms / sizeof terms[0];
	for (size_t i = 0; i < n; i++)
		text_printf(p->out, "  %s: %s\n", c->glossary[terms[i]].term,
		            c->glossary[terms[i]].definition);
}

/* A flow call failed with ERR: a storage failure stops, status 3; a session
 * that is not stored is said, and the start comes next. */
void plain_failed(struct plain *p, const struct verror *err)
{
	if (err->msg[0])
		text_printf(stderr, "verdict: %s\n", err->msg);
	if (err->kind != VERROR_INPUT) {
		p->status = verror_exit_status(err->kind);
		p->stop = 1;
	}
}

/* Gives answer CH; says why not when it could not be saved. */
void plain_answer(struct plain *p, struct flow_change ch)
{
	struct verror err;
	if (flow_answer(p->f, &ch, &err))
		plain_failed(p, &err);
}

void plain_go(struct plain *p, int step)
{
	struct verror err;
	if (flow_goto(p->f, step, &err))
		plain_failed(p, &err);
}

/* The step before; from the first, the start. */
void plain_back(struct plain *p)
{
	/* Back from the first step of weighing, nothing weighed: how to weigh. */
	if (p->chose && plain_weighing_starts(p)) {
		p->chose = 0;
		return;
	}
	if (p->f->step > 0)
		plain_go(p, p->f->step - 1);
	else
		flow_close(p->f);
}

/* "3", "2.5": a weight as people write it. */
static const char *weight_text(double w, char *buf, size_t len)
{
	return score_number(buf, len, w, 1);
}

/* ---- the start ---- */

/* A name for a new session: ASKED, with DEF (from the command line) the
 * default. Returns a new string ("" for none), or NULL when the person
 * stopped. */
static char *ask_name(struct plain *p, const char *asked, const char *def)
{
	for (;;) {
		long n;
		if (def && *def)
			plain_ask(p, &n, "%s [%s]: ", asked, def);
		else
			plain_ask(p, &n, "%s, or Enter for none: ", asked);
		if (!p->line || p->stop)
			return NULL;    /* the end of the input, or q: stop */
		if (!strcmp(p->line, "b"))
			return NULL;    /* back to the start's menu */
		if (!strcmp(p->line, "?")) {
			plain_say(p, "Type a name and press Enter%s; b goes back to the menu, q stops.\n",
			    def && *def ? ", or Enter alone for the one in [brackets]" :
			    ", or Enter alone for none");
			continue;
		}
		const char *s = p->line[0] ? p->line : def ? def : "";
		/* The same names as the walk-through's fields take. */
		size_t chars = 0, i = 0, len = strlen(s);
		int safe = 1;
		while (i < len) {
			uint32_t c;
			i += text_utf8_decode(s + i, len - i, &c);
			safe &= c != TEXT_BAD_CHAR && text_code_safe(c);
			chars++;
		}
		if (safe && chars <= NAME_MAX_CHARS)
			return xstrdup(s);
		if (!safe)
			plain_say(p, "A name cannot hold control characters or bytes that are not UTF-8; "
			    "type it again.\n");
		else
			plain_say(p, "A name holds at most %d characters; type a shorter one.\n",
			    NAME_MAX_CHARS);
	}
}

static void new_session(struct plain *p)
{
	char *project = ask_name(p, "Project name", p->o->project);
	char *respondent = project ? ask_name(p, "Respondent", p->o->respondent) : NULL;
	struct verror err;
	if (respondent && flow_new(p->f, project, respondent, &err))
		plain_failed(p, &err);
	free(project);
	free(respondent);
}

/* Says which session goes on, and where, once it is open. */
static void say_resumed(struct plain *p)
{
	const struct session *s = p->f->s;
	const char *who = s->project ? s->project : s->respondent;
	p->was_complete = p->f->complete;
	/* How to weigh was chosen already when the session weighs in pairs:
	 * it goes on with its comparisons (b from the first still offers the
	 * choice). */
	p->chose = s->weighting == WEIGHTING_PAIRWISE;
	if (p->f->complete) {
		plain_say(p, "\nSession %lld%s%s%s is finished; here is its result.\n", p->f->id,
		    who ? " (" : "", who ? who : "", who ? ")" : "");
		return;
	}
	char where[64];
	session_step_label(p->f->c, p->f->s, p->f->step, where, sizeof where);
	plain_say(p, "\nGoing on with session %lld%s%s%s at %s.\n", p->f->id, who ? " (" : "",
	    who ? who : "", who ? ")" : "", where);
}

static void open_session(struct plain *p, long long id)
{
	struct verror err;
	if (flow_open(p->f, id, &err)) {
		plain_failed(p, &err);
		if (!p->stop)
			plain_say(p, "Session %lld cannot be opened.\n", id);
		return;
	}
	say_resumed(p);
}

/* What the set is about, then: a new session, the unfinished one, or stop. */
static void start(struct plain *p)
{
	plain_step_begins(p);
	const struct criteria *c = p->f->c;
	struct verror err;
	long long resume;
	if (flow_resumable(p->f, &resume, &err)) {
		plain_failed(p, &err);
		return;
	}
	if (p->started)
		plain_say(p, "\n");  /* a %s argument would be cleaned: its line break a space */
	plain_say(p, "%s\n", c->title);
	p->started = 1;
	if (c->summary) {
		text_puts(p->out, c->summary, TEXT_LINES);
		fputc('\n', p->out);
	}
	char asked[64];
	if (c->nquestions)
		snprintf(asked, sizeof asked, "%zu question%s about your project, then ",
		         c->nquestions, c->nquestions == 1 ? "" : "s");
	else
		asked[0] = '\0';
	plain_say(p, "\n%s%zu point%s to weigh. Every answer is saved as you give it, so you can "
	    "stop at any time and resume later.\n", asked, c->ncriteria,
	    c->ncriteria == 1 ? "" : "s");
	keys_help(p, "");
	char label[200];
	int n = 0;
	plain_say(p, "  %d. Start a new session\n", ++n);
	if (resume) {
		flow_resume_label(p->f, resume, label, sizeof label);
		plain_say(p, "  %d. %s\n", ++n, label);
	}
	plain_say(p, "  %d. Quit\n", ++n);
	for (;;) {
		long pick = 1;
		enum reply r = plain_ask(p, &pick, "Choose 1-%d [1]: ", n);
		if (p->stop)
			return;
		int picked = r == REPLY_DEFAULT || r == REPLY_NUMBER;
		if (picked && pick == n) {
			p->stop = 1;
			return;
		}
		if (picked && pick == 1) {
			new_session(p);
			return;
		}
		if (picked && pick == 2 && resume) {
			open_session(p, resume);
			return;
		}
		if (r == REPLY_HELP)
			plain_help(p, "");
		else
			plain_say(p, "\"%s\" is not one of the answers: type a number from 1 to %d, or Enter "
			    "for 1.\n", p->line, n);
	}
}

/* ---- the steps ---- */

static void question(struct plain *p, size_t q)
{
	const struct criteria *c = p->f->c;
	const struct question *qu = &c->questions[q];
	int chosen = p->f->s->choices[q];
	int n = (int)qu->nchoices + 1, def = chosen >= 0 ? chosen + 1 : n;
	plain_say(p, "\nQuestion %zu of %zu: %s\n", q + 1, c->nquestions, qu->prompt);
	plain_say(p, "Your answer sets the starting weights of the points that follow; you can still "
	    "change each one.\n");
	for (size_t i = 0; i < qu->nchoices; i++)
		plain_say(p, "  %zu. %s\n", i + 1, qu->choices[i].label);
	plain_say(p, "  %d. Skip this question (keep the default weights)\n", n);
	for (;;) {
		long pick = def;
		enum reply r = plain_ask(p, &pick, "Answer 1-%d [%d]: ", n, def);
		if (p->stop)
			return;
		if (r == REPLY_BACK) {
			plain_back(p);
			return;
		}
		if (r == REPLY_HELP) {
			plain_help(p, "");
			continue;
		}
		if ((r == REPLY_DEFAULT || r == REPLY_NUMBER) && pick >= 1 && pick <= n) {
			plain_answer(p, flow_choice(p->f, q, pick < n ? (int)pick - 1 : SESSION_NO_CHOICE));
			if (!p->stop && p->f->id)
				plain_go(p, p->f->step + 1);
			return;
		}
		plain_say(p, "\"%s\" is not one of the answers: type a number from 1 to %d, or Enter for "
		    "%d.\n", p->line, n, def);
	}
}

/* "0 Does not matter, 1 Minor, ..., 5 Critical", or "0 to 5 (0 matters
 * least, 5 most)" for a scale labelled with its numbers only. */
static void say_scale(struct plain *p)
{
	const struct scale *sc = &p->f->c->scale;
	char num[16];
	snprintf(num, sizeof num, "%d", sc->max);
	if (strcmp(sc->labels[sc->max - sc->min], num) == 0) {
		plain_say(p, "Weights: %d to %d (%d matters least, %d most)\n", sc->min, sc->max, sc->min,
		    sc->max);
		return;
	}
	plain_say(p, "Weights:");
	for (int v = sc->min; v <= sc->max; v++)
		plain_say(p, "%s %d %s", v > sc->min ? "," : "", v, sc->labels[v - sc->min]);
	plain_say(p, "\n");
}

/* A weight for criterion K, asked with PROMPT (the criterion's name, or
 * none). Returns 1 when it was given or kept, 0 when the person went back
 * or stopped. */
static int ask_weight(struct plain *p, size_t k, const char *name)
{
	const struct scale *sc = &p->f->c->scale;
	for (;;) {
		char now[32];
		weight_text(flow_current_weight(p->f, k, NULL), now, sizeof now);
		long v = 0;
		enum reply r = name
		               ? plain_ask(p, &v, "Weight of %s, %d-%d or d for the default [%s]: ", name,
		                     sc->min, sc->max, now)
		               : plain_ask(p, &v, "Weight %d-%d, or d for the default [%s]: ", sc->min,
		                     sc->max, now);
		if (p->stop)
			return 0;
		switch (r) {
		case REPLY_DEFAULT:
			return 1;
		case REPLY_RESET:
			plain_answer(p, flow_default(k));
			return 1;
		case REPLY_BACK:
			return 0;
		case REPLY_HELP:
			plain_help(p, " d gives back the default weight.");
			continue;
		case REPLY_NUMBER:
			if (v >= sc->min && v <= sc->max) {
				plain_answer(p, flow_weight(p->f, k, (double)v));
				return 1;
			}
			break;
		default:
			break;
		}
		plain_say(p, "\"%s\" is not a weight: the weights run from %d to %d (d: the default).\n",
		    p->line, sc->min, sc->max);
	}
}

static void criterion(struct plain *p, size_t k)
{
	const struct criteria *c = p->f->c;
	const struct criterion *cr = &c->criteria[k];
	plain_say(p, "\nCriterion %zu of %zu%s%s%s: %s\n", k + 1, c->ncriteria, cr->group ? " (" : "",
	    cr->group ? cr->group : "", cr->group ? ")" : "", cr->name);
	plain_say(p, "%s\n", cr->question);
	for (size_t o = 0; o < c->noptions; o++)
		plain_say(p, "  %s: %s\n", c->options[o].name, cr->why[o] ? cr->why[o] : "(no reason given)");
	char *ratings = score_rating_story_new(c, p->f->s, k);
	if (ratings[0])
		plain_say(p, "%s\n", ratings);
	free(ratings);
	say_scale(p);
	double def = flow_default_weight(p->f, k);
	char dw[32];
	weight_text(def, dw, sizeof dw);
	if (score_profile_causes(c, p->f->s, k, NULL, 0)) {
		char *story = score_default_story_new(c, p->f->s, k, def);
		plain_say(p, "Default: %s (%s)\n", dw, story);
		free(story);
	} else {
		plain_say(p, "Default: %s\n", dw);
	}
	enum weight_source source;
	double w = flow_current_weight(p->f, k, &source);
	if (source == WEIGHT_PERSON) {
		char ww[32];
		plain_say(p, "Yours: %s\n", weight_text(w, ww, sizeof ww));
	}
	if (ask_weight(p, k, NULL)) {
		if (!p->stop && p->f->id)
			plain_go(p, p->f->step + 1);
	} else if (!p->stop) {
		plain_back(p);
	}
}

static void review(struct plain *p)
{
	const struct criteria *c = p->f->c;
	int n = (int)c->ncriteria;
	plain_say(p, "\nReview your weights: %zu %s\n", c->ncriteria,
	    c->ncriteria == 1 ? "criterion" : "criteria");
	for (size_t k = 0; k < c->ncriteria; k++) {
		enum weight_source source;
		double w = flow_current_weight(p->f, k, &source);
		char num[32];
		weight_text(w, num, sizeof num);
		const char *label = criteria_weight_label(c, w);
		plain_say(p, "  %zu. %s: %s%s%s (%s)\n", k + 1, c->criteria[k].name, num,
		    strcmp(label, num) ? " " : "", strcmp(label, num) ? label : "",
		    weight_source_name(source));
	}
	for (;;) {
		long pick = 0;
		enum reply r = plain_ask(p, &pick, "A criterion's number changes its weight; w compares "
		                         "them in pairs instead; Enter shows the results [Enter]: ");
		if (p->stop)
			return;
		if (!strcmp(p->line, "w")) {
			p->chose = 1;
			p->pair_at = PLAIN_NO_PAIR;
			plain_answer(p, flow_weighting(WEIGHTING_PAIRWISE));
			return;
		}
		switch (r) {
		case REPLY_DEFAULT:
			plain_go(p, p->f->step + 1);
			return;
		case REPLY_BACK:
			plain_back(p);
			return;
		case REPLY_HELP:
			plain_help(p, "");
			continue;
		case REPLY_NUMBER:
			if (pick >= 1 && pick <= n) {
				ask_weight(p, (size_t)pick - 1, c->criteria[pick - 1].name);
				return;         /* the review again, with the new weight */
			}
			break;
		default:
			break;
		}
		plain_say(p, "\"%s\" is not a criterion: type a number from 1 to %d, or Enter for the "
		    "results.\n", p->line, n);
	}
}

static void results(struct plain *p)
{
	struct verror err;
	if (flow_score(p->f, &err)) {
		plain_failed(p, &err);
		return;
	}
	const struct criteria *c = p->f->c;
	if (p->f->have_result) {
		fputc('\n', p->out);
		char careful[1200];
		if (score_pairwise_warning(c, &p->f->result, careful, sizeof careful) > 0)
			plain_say(p, "%s\n\n", careful);
		/* A write that fails is found when standard output is closed. */
		(void)score_write_text(p->out, c, p->f->s, &p->f->result, p->utf8);
		char dbw[600];
		cli_db_words(p->o->db, dbw, sizeof dbw);
		if (p->was_complete)
			plain_say(p, "\nTo try other answers, 'verdict %scopy %lld' makes a new session "
			    "from this one, to resume with 'verdict %srun --plain --resume ID'.\n", dbw,
			    p->f->id, dbw);
		else
			plain_say(p, "\nSaved as session %lld.\n", p->f->id);
		plain_say(p, "Once the choice is made, 'verdict %sdecide %lld --chose OPTION' records "
		    "it beside this advice.\n", dbw, p->f->id);
		p->done = p->stop = 1;
		return;
	}
	plain_say(p, "\nEvery weight is %d (%s), so there is nothing to weigh.\n", c->scale.min,
	    c->scale.labels[0]);
	for (;;) {
		long pick;
		enum reply r = plain_ask(p, &pick, "b goes back to give at least one point some weight; "
		                   "Enter stops here [Enter]: ");
		if (r == REPLY_DEFAULT)
			p->stop = 1;
		if (p->stop)
			return;
		if (r == REPLY_BACK) {
			plain_back(p);
			return;
		}
		plain_say(p, "\"%s\" is not b: type b to go back, or press Enter to stop.\n", p->line);
	}
}

static void step(struct plain *p)
{
	plain_step_begins(p);
	size_t i;
	if (plain_choosing(p)) {
		plain_weighing(p);
		return;
	}
	switch (session_step_kind(p->f->c, p->f->s->weighting, p->f->step, &i)) {
	case SESSION_STEP_QUESTION:
		question(p, i);
		break;
	case SESSION_STEP_CRITERION:
		criterion(p, i);
		break;
	case SESSION_STEP_PAIRS:
		plain_pairs(p);
		break;
	case SESSION_STEP_REVIEW:
		if (p->f->s->weighting == WEIGHTING_PAIRWISE)
			plain_pairs_review(p);
		else
			review(p);
		break;
	case SESSION_STEP_RESULTS:
		results(p);
		break;
	}
}

int plain_run(struct flow *f, const struct plain_opts *o, FILE *in, FILE *out)
{
	struct plain p = {
		.f = f,
		.o = o,
		.in = in,
		.out = out,
		.utf8 = cli_utf8_locale(),
		.echo = !isatty(fileno(in)),
		.pair_at = PLAIN_NO_PAIR,
	};
	strbuf_init(&p.shown);
	if (o->resume) {
		struct verror err;
		if (flow_open(f, o->resume, &err)) {
			plain_failed(&p, &err);
			strbuf_free(&p.shown);
			return p.status ? p.status : 1;
		}
		say_resumed(&p);
	}
	while (!p.stop) {
		if (f->id)
			step(&p);
		else
			start(&p);
	}
	free(p.line);
	if (!p.status && !f->id && p.ended)
		plain_say(&p, "The input ended before a session was started; nothing was saved.\n");
	char dbw[600];
	if (!p.status && f->id && !f->complete)
		plain_say(&p, "Session %lld is saved where you stopped; 'verdict %srun --plain --resume "
		    "%lld' goes on from there.\n", f->id, cli_db_words(o->db, dbw, sizeof dbw), f->id);
	strbuf_free(&p.shown);
	fflush(out);
	return p.status;
}
