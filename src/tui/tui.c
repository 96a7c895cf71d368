/* tui.c - the walk-through's loop, its terminal, and its one way out. */
#include "tui/tui.h"

#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wctype.h>

#include "tui/draw.h"
#include "tui/input.h"
#include "tui/walk.h"
#include "text_print.h"
#include "xalloc.h"

/* How often the loop wakes to look at the signal flag, in milliseconds. */
#define TUI_TICK_MS 200

volatile sig_atomic_t tui_signal;

/* The signals that end the walk-through, the terminal restored first: those
 * the keyboard sends (Ctrl-C, Ctrl-\), the terminal closing, and kill. */
static const int caught[TUI_SIGNALS] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP };

static const struct screen_ops *const screens[SCREEN_COUNT] = {
	[SCREEN_START] = &screen_start_ops,
	[SCREEN_PROFILE] = &screen_profile_ops,
	[SCREEN_CRITERION] = &screen_criterion_ops,
	[SCREEN_REVIEW] = &screen_review_ops,
	[SCREEN_RESULTS] = &screen_results_ops,
	[SCREEN_HISTORY] = &screen_history_ops,
	[SCREEN_HELP] = &screen_help_ops,
	[SCREEN_EXPORT] = &screen_export_ops,
	[SCREEN_EDIT] = &screen_edit_ops,
	[SCREEN_WEIGHING] = &screen_weighing_ops,
	[SCREEN_PAIRWISE] = &screen_pairwise_ops,
	[SCREEN_CONSISTENCY] = &screen_consistency_ops,
	[SCREEN_TEAM] = &screen_team_ops,
	[SCREEN_DECIDE] = &screen_decide_ops,
	[SCREEN_DIFF] = &screen_diff_ops,
	[SCREEN_IMPORT] = &screen_import_ops,
};

const struct screen_ops *tui_screen_ops(enum screen_id id)
{
	return screens[id];
}

static void on_signal(int sig)
{
	tui_signal = sig;
}

/* Before verdict ends for want of memory (xalloc.h): the terminal back to
 * itself, so that the message can be read. */
static void end_curses(void)
{
	endwin();
}

enum tui_terminal tui_check_terminal(char *why, size_t len)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, len, "the walk-through needs a terminal, and standard %s is not one.",
		         isatty(STDIN_FILENO) ? "output" : "input");
		return TUI_TERMINAL_NONE;
	}
	const char *term = getenv("TERM");
	if (!term || !*term) {
		snprintf(why, len, "TERM is not set, so the walk-through cannot tell how to draw on "
		         "this terminal.");
		return TUI_TERMINAL_UNDRAWABLE;
	}
	int err = 0;
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		snprintf(why, len, "the terminal type TERM=%s is %s.", term,
		         err == -1 ? "unknown here: no terminfo database was found"
		                   : "unknown or cannot be drawn on");
		return TUI_TERMINAL_UNDRAWABLE;
	}
	const char *cup = tigetstr("cup");
	int usable = cup && cup != (const char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!usable) {
		snprintf(why, len, "the terminal type TERM=%s cannot move the cursor, which the "
		         "walk-through needs.", term);
		return TUI_TERMINAL_UNDRAWABLE;
	}
	why[0] = '\0';
	return TUI_TERMINAL_OK;
}

int tui_open(struct tui *t)
{
	t->screen = SCREEN_START;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < TUI_SIGNALS; i++) {
		sigaction(caught[i], NULL, &t->old_sig[i]);
		/* One ignored when verdict started (nohup, a background job
		 * without job control) stays ignored. */
		if (t->old_sig[i].sa_handler != SIG_IGN)
			sigaction(caught[i], &sa, NULL);
	}
	t->term = newterm(NULL, stdout, stdin);
	if (!t->term) {
		for (int i = 0; i < TUI_SIGNALS; i++)
			sigaction(caught[i], &t->old_sig[i], NULL);
		text_printf(stderr, "verdict: cannot start on this terminal (TERM=%s); use 'verdict score' "
		            "without one\n", getenv("TERM") ? getenv("TERM") : "");
		return EXIT_USAGE;
	}
	set_term(t->term);
	const char *nc = getenv("NO_COLOR");
	t->color = has_colors() && !t->g->no_color && !(nc && *nc) && start_color() == OK;
	t->utf8 = cli_utf8_locale();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, TUI_TICK_MS);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_setup_roles(t);
	xalloc_set_hook(end_curses);
	for (int i = 0; i < SCREEN_COUNT; i++) {
		t->state[i] = xcalloc(1, screens[i]->state_size ? screens[i]->state_size : 1);
		if (screens[i]->init)
			screens[i]->init(t, t->state[i]);
	}
	const char *timing = getenv("VERDICT_TUI_TIMING");
	if (timing && *timing)
		t->timing = fopen(timing, "a");
	return 0;
}

void tui_teardown(struct tui *t)
{
	if (t->term) {
		xalloc_set_hook(NULL);
		curs_set(1);
		endwin();
		delscreen(t->term);
		t->term = NULL;
		for (int i = 0; i < TUI_SIGNALS; i++)
			sigaction(caught[i], &t->old_sig[i], NULL);
		xalloc_set_hook(NULL);
	}
	if (t->fatal[0])
		text_printf(stderr, "verdict: %s\n", t->fatal);
	t->fatal[0] = '\0';
	if (t->timing)
		fclose(t->timing);
	t->timing = NULL;
	for (int i = 0; i < SCREEN_COUNT; i++) {
		if (t->state[i] && screens[i]->done)
			screens[i]->done(t, t->state[i]);
		free(t->state[i]);
		t->state[i] = NULL;
	}
	flow_free(&t->flow);
	if (t->store)
		store_close(t->store);
	t->store = NULL;
	free(t->project_arg);
	free(t->respondent_arg);
	t->project_arg = t->respondent_arg = NULL;
}

static void leave(struct tui *t, enum screen_id id)
{
	if (screens[id]->leave)
		screens[id]->leave(t, t->state[id]);
}

static void enter(struct tui *t, enum screen_id id)
{
	t->screen = id;
	if (screens[id]->enter)
		screens[id]->enter(t, t->state[id]);
}

void tui_show(struct tui *t, enum screen_id id)
{
	leave(t, t->screen);
	while (t->nunder > 0) {
		t->screen = t->under[--t->nunder];
		leave(t, t->screen);
	}
	t->left = t->screen;
	enter(t, id);
}

void tui_open_over(struct tui *t, enum screen_id id)
{
	if (t->nunder == TUI_UNDER_MAX)
		return;
	t->under[t->nunder++] = t->screen;
	enter(t, id);
}

void tui_close_over(struct tui *t)
{
	if (t->nunder == 0)
		return;
	leave(t, t->screen);
	t->screen = t->under[--t->nunder];
}

void *tui_state(const struct tui *t, enum screen_id id)
{
	return t->state[id];
}

enum screen_id tui_under(const struct tui *t)
{
	return t->nunder ? t->under[t->nunder - 1] : t->screen;
}

void tui_draw_under(struct tui *t)
{
	enum screen_id id = tui_under(t);
	if (id != t->screen)
		screens[id]->draw(t, t->state[id]);
}

void tui_message(struct tui *t, enum role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_role = role;
}

int tui_fail_storage(struct tui *t)
{
	snprintf(t->fatal, sizeof t->fatal, "%s", store_error(t->store)->msg);
	t->status = verror_exit_status(store_error(t->store)->kind);
	t->quit = 1;
	return -1;
}

/* The key context of the moment: a mode within the screen, or the screen. */
static unsigned context(const struct tui *t)
{
	if (t->small)
		return KC_SMALL;
	const struct screen_ops *ops = screens[t->screen];
	return ops->mode ? ops->mode(t, t->state[t->screen]) : ops->context;
}

static void redraw(struct tui *t)
{
	for (int pass = 0; pass < 3; pass++) {
		t->again = 0;
		t->nhits = 0;
		getmaxyx(stdscr, t->rows, t->cols);
		t->small = t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
		t->cursor_y = -1;
		werase(stdscr);
		if (t->small) {
			draw_too_small(t);
		} else {
			draw_header(t);
			screens[t->screen]->draw(t, t->state[t->screen]);
			draw_footer(t, context(t));
		}
		if (!t->again || t->quit)
			break;
	}
	if (t->cursor_y >= 0 && !t->small) {
		move(t->cursor_y, t->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void act(struct tui *t, enum action a, int arg)
{
	switch (a) {
	case ACT_NONE:
		return;
	case ACT_QUIT:
		t->quit = 1;
		return;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return;
	case ACT_HELP:
		tui_open_over(t, SCREEN_HELP);
		return;
	default:
		if (t->small)
			break;
		screens[t->screen]->act(t, t->state[t->screen], a, arg);
	}
}

static void mouse(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || t->small)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		act(t, ACT_UP, 0);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		act(t, ACT_DOWN, 0);
	} else if (ev.bstate & BUTTON1_PRESSED) {
		const struct hit *h = hit_find(t, ev.y, ev.x);
		if (h)
			act(t, h->action, h->arg);
	}
}

/* Bytes typed that the locale cannot read: said where text is typed. */
static void unreadable(struct tui *t)
{
	t->message[0] = '\0';
	if (!(context(t) & KC_TYPING))
		return;
	const char *cs = nl_langinfo(CODESET);
	if (input_ascii_only())
		tui_message(t, ROLE_WARN, "Left out: only ASCII can be typed in this locale (%s). "
		            "For other letters, start verdict with LC_ALL=C.UTF-8.", cs ? cs : "C");
	else
		tui_message(t, ROLE_WARN, "Left out: what was typed is not in this locale's encoding "
		            "(%s). Set LC_ALL or LANG to match the terminal.", cs ? cs : "unknown");
}

static void key(struct tui *t, int fkey, wint_t ch)
{
	t->message[0] = '\0';
	if (fkey && ch == KEY_RESIZE)
		return;
	if (fkey && ch == KEY_MOUSE) {
		mouse(t);
		return;
	}
	unsigned ctx = context(t);
	int arg, code = fkey || ch < 128 ? (int)ch : -1;
	enum action a = keys_lookup(ctx, code, fkey, &arg);
	if (a == ACT_NONE && (ctx & KC_TYPING) && !fkey && iswprint(ch)) {
		a = ACT_CHAR;
		arg = (int)ch;
	}
	act(t, a, arg);
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int tui_run(struct tui *t)
{
	redraw(t);
	while (!t->quit && !tui_signal) {
		wint_t ch = 0;
		enum input_kind got = input_read(&t->input, &ch);
		if (tui_signal)
			break;
		if (got == INPUT_HANGUP) {
			/* The terminal closed without a SIGHUP reaching us (it is
			 * ignored): end as the signal would. */
			tui_signal = SIGHUP;
			break;
		}
		if (got == INPUT_NONE)
			continue;
		long long start = t->timing ? now_us() : 0;
		if (got != INPUT_UNREADABLE)
			key(t, got == INPUT_KEY, ch);
		if (got == INPUT_UNREADABLE || t->input.dropped)
			unreadable(t);
		if (t->quit)
			break;
		long long drawn = t->timing ? now_us() : 0;
		redraw(t);
		if (t->timing)
			fprintf(t->timing, "%lld %lld\n", drawn - start, now_us() - drawn);
	}
	t->signal = (int)tui_signal;
	return t->status;
}
