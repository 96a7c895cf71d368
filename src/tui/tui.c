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

#include "glossary.h"
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
};

const struct screen_ops *tui_screen_ops(enum screen_id id)
{
	return screens[id];
}

static void on_signal(int sig)
{
	tui_signal = sig;
}

int tui_check_terminal(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		text_printf(stderr,
		            "verdict: the walk-through needs a terminal, and standard %s is not one.\n"
		            "For scripts and pipes, use 'verdict score -c FILE -a ANSWERS' "
		            "('verdict score --help' says more).\n",
		            isatty(STDIN_FILENO) ? "output" : "input");
		return EXIT_USAGE;
	}
	const char *term = getenv("TERM");
	if (!term || !*term) {
		text_printf(stderr,
		            "verdict: TERM is not set, so the walk-through cannot tell how to draw on this\n"
		            "terminal. Set it to your terminal's type (for example TERM=xterm-256color),\n"
		            "or use 'verdict score' without a terminal.\n");
		return EXIT_USAGE;
	}
	int err = 0;
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		text_printf(stderr,
		            "verdict: the terminal type TERM=%s is %s.\n"
		            "Set TERM to your terminal's type (for example TERM=xterm-256color), or use\n"
		            "'verdict score' without a terminal.\n",
		            term, err == -1 ? "unknown here: no terminfo database was found"
		                            : "unknown or cannot be drawn on");
		return EXIT_USAGE;
	}
	const char *cup = tigetstr("cup");
	int usable = cup && cup != (const char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!usable) {
		text_printf(stderr,
		            "verdict: the terminal type TERM=%s cannot move the cursor, which the\n"
		            "walk-through needs. Set TERM to your terminal's type (for example\n"
		            "TERM=xterm-256color), or use 'verdict score' without a terminal.\n",
		            term);
		return EXIT_USAGE;
	}
	return 0;
}

/* Memory ran out (xalloc.h): the terminal as it was before the message. */
static void restore_terminal(void)
{
	endwin();
}

int tui_open(struct tui *t)
{
	t->screen = SCREEN_START;
	t->c = t->fresh.model;
	t->src = &t->fresh;
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
	const char *cs = nl_langinfo(CODESET);
	t->utf8 = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
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
	xalloc_set_hook(restore_terminal);
	const char *timing = getenv("VERDICT_TUI_TIMING");
	if (timing && *timing)
		t->timing = fopen(timing, "a");
	return 0;
}

static void free_history(struct tui *t)
{
	for (size_t i = 0; i < t->history.nrows; i++) {
		struct history_row *r = &t->history.rows[i];
		free(r->project);
		free(r->respondent);
		free(r->title);
		free(r->winner);
	}
	free(t->history.rows);
	t->history.rows = NULL;
	t->history.nrows = t->history.cap = 0;
}

void tui_teardown(struct tui *t)
{
	if (t->term) {
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
	walk_close(t);
	free_history(t);
	criteria_source_free(&t->fresh);
	t->c = NULL;
	if (t->store)
		store_close(t->store);
	t->store = NULL;
	free(t->project_arg);
	free(t->respondent_arg);
	t->project_arg = t->respondent_arg = NULL;
}

void tui_show(struct tui *t, enum screen_id id)
{
	if (t->screen == SCREEN_HISTORY && id != SCREEN_HISTORY && id != SCREEN_HELP)
		free_history(t);
	t->left = t->screen;
	t->screen = id;
	t->field = NULL;
	if (screens[id]->enter)
		screens[id]->enter(t);
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

int tui_fail_memory(struct tui *t)
{
	snprintf(t->fatal, sizeof t->fatal, "out of memory");
	t->status = EXIT_STORAGE;
	t->quit = 1;
	return -1;
}

/* The key context of the moment: a mode within the screen, or the screen. */
static unsigned context(const struct tui *t)
{
	if (t->small)
		return KC_SMALL;
	if ((t->screen == SCREEN_HISTORY && t->history.confirm) ||
	    (t->screen == SCREEN_EXPORT && t->export.confirm))
		return KC_CONFIRM;
	if (t->edit.asking)
		return KC_EDIT;
	if (t->field)
		return t->screen == SCREEN_EXPORT ? KC_PATH : KC_FIELD;
	return screens[t->screen]->context;
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
			screens[t->screen]->draw(t);
			if (t->edit.asking)
				edit_dialog_draw(t);
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

/* The glossary terms on the screen as it stands, for the help to define:
 * the text is read back from the terminal's window, so that what counts is
 * exactly what the person sees. */
static void glossary_of_screen(struct tui *t)
{
	t->nterms = 0;
	const struct criteria *c = t->c ? t->c : t->fresh.model;
	if (!c || !c->nglossary)
		return;
	size_t room = (size_t)t->rows * ((size_t)t->cols * MB_LEN_MAX + 1) + 1;
	char *text = malloc(room);
	wchar_t *line = malloc(((size_t)t->cols + 1) * sizeof *line);
	if (!text || !line) {
		free(text);
		free(line);
		return;
	}
	size_t used = 0;
	for (int y = 0; y < t->rows; y++) {
		if (mvwinnwstr(stdscr, y, 0, line, t->cols) == ERR)
			continue;
		/* Character by character, so that one the locale cannot write
		 * (curly quotes, bars, in a non-UTF-8 locale) costs only itself. */
		for (const wchar_t *w = line; *w; w++) {
			int n = wctomb(text + used, *w);
			if (n < 0)
				text[used++] = ' ';
			else
				used += (size_t)n;
		}
		text[used++] = '\n';
	}
	text[used] = '\0';
	size_t n = glossary_find(c, text, t->terms, TUI_TERMS_MAX);
	t->nterms = n < TUI_TERMS_MAX ? n : TUI_TERMS_MAX;
	free(text);
	free(line);
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
		t->help_from = t->screen;
		glossary_of_screen(t);
		t->screen = SCREEN_HELP;
		screens[SCREEN_HELP]->enter(t);
		return;
	default:
		if (t->small)
			break;
		if (t->edit.asking)
			edit_dialog_act(t, a, arg);
		else
			screens[t->screen]->act(t, a, arg);
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
