/* cli_pdf.c - finding and running verdict-pdf (cli_pdf.h). */
#include "cli_pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text_print.h"
#include "xalloc.h"

extern char **environ;

#define COMPANION "verdict-pdf"
#define LIBEXEC_DIR "../libexec/verdict/"
#define WHERE_MAX (2 * PATH_MAX + 64)

/* The directory of the running program, with its '/', into DIR (LEN bytes).
 * Returns 0, or -1 when it cannot be known. */
static int own_dir(char *dir, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", dir, len - 1);
	if (n <= 0 || (size_t)n >= len - 1)
		return -1;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return -1;
	slash[1] = '\0';
	return 0;
}

/* verdict-pdf's path into PATH (PATH_MAX bytes): beside this program, else
 * in its ../libexec/verdict/. Returns 0, or -1 with WHERE (LEN bytes)
 * naming the places looked in. */
static int companion(char *path, char *where, size_t len)
{
	char dir[PATH_MAX];
	if (own_dir(dir, sizeof dir)) {
		snprintf(where, len, "(the directory of verdict could not be found)");
		return -1;
	}
	static const char *const places[] = { "", LIBEXEC_DIR };
	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		int n = snprintf(path, PATH_MAX, "%s%s" COMPANION, dir, places[i]);
		if (n > 0 && n < PATH_MAX && access(path, X_OK) == 0)
			return 0;
	}
	snprintf(where, len, "%s or %s" LIBEXEC_DIR, dir, dir);
	return -1;
}

static int not_found(char *msg, size_t len, const char *where)
{
	snprintf(msg, len, "No report written: a PDF is drawn by " COMPANION ", which is not "
	         "installed beside verdict (looked in %s); 'make install' puts it there",
	         where);
	return EXIT_STORAGE;
}

int cli_pdf_exec(const char *cmd, int argc, char **argv, const struct global_opts *g)
{
	char path[PATH_MAX], where[WHERE_MAX], msg[WHERE_MAX + 200];
	if (companion(path, where, sizeof where)) {
		not_found(msg, sizeof msg, where);
		text_printf(stderr, "verdict %s: %s\n", cmd, msg);
		return EXIT_STORAGE;
	}
	char **words = xcalloc((size_t)argc + 5, sizeof *words);
	size_t n = 0;
	char db[] = "--db", nocolor[] = "--no-color";
	words[n++] = path;
	if (g->db) {
		words[n++] = db;
		words[n++] = (char *)g->db;
	}
	if (g->no_color)
		words[n++] = nocolor;
	for (int i = 0; i < argc; i++)
		words[n++] = argv[i];
	words[n] = NULL;
	fflush(stdout);
	execv(path, words);
	int e = errno;
	free(words);
	text_printf(stderr, "verdict %s: No report written: cannot run %s: %s\n", cmd, path,
	            strerror(e));
	return EXIT_STORAGE;
}

/* What the child said, in MSG: its lines joined with a space, the first
 * "verdict WORD: " of each dropped. */
static void tidy(const char *said, char *msg, size_t len)
{
	size_t m = 0;
	msg[0] = '\0';
	for (const char *line = said; *line && m + 1 < len;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		const char *text = line;
		if (n > 8 && strncmp(line, "verdict ", 8) == 0) {
			const char *colon = memchr(line, ':', n);
			if (colon && colon + 1 < line + n && colon[1] == ' ') {
				n -= (size_t)(colon + 2 - line);
				text = colon + 2;
			}
		}
		if (n) {
			int w = snprintf(msg + m, len - m, "%s%.*s", m ? " " : "", (int)n, text);
			m = w < 0 || (size_t)w >= len - m ? len - 1 : m + (size_t)w;
		}
		line = end ? end + 1 : line + strlen(line);
	}
}

int cli_pdf_run(char **argv, char *msg, size_t len)
{
	char path[PATH_MAX], where[WHERE_MAX];
	msg[0] = '\0';
	if (companion(path, where, sizeof where))
		return not_found(msg, len, where);
	int fds[2];
	if (pipe(fds) || fcntl(fds[0], F_SETFD, FD_CLOEXEC) || fcntl(fds[1], F_SETFD, FD_CLOEXEC)) {
		snprintf(msg, len, "No report written: cannot run %s: %s", path, strerror(errno));
		return EXIT_STORAGE;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
	argv[0] = path;
	pid_t pid;
	int e = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (e) {
		close(fds[0]);
		snprintf(msg, len, "No report written: cannot run %s: %s", path, strerror(e));
		return EXIT_STORAGE;
	}
	/* Read all it says (kept up to what MSG can show), so that it never
	 * waits on a full pipe. */
	char said[4096];
	size_t got = 0;
	for (;;) {
		char buf[512];
		ssize_t r = read(fds[0], buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		size_t keep = (size_t)r < sizeof said - 1 - got ? (size_t)r : sizeof said - 1 - got;
		memcpy(said + got, buf, keep);
		got += keep;
	}
	said[got] = '\0';
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(msg, len, "No report written: lost %s: %s", path, strerror(errno));
			return EXIT_STORAGE;
		}
	tidy(said, msg, len);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (!msg[0])
		snprintf(msg, len, "No report written: %s stopped (signal %d)", path,
		         WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return EXIT_STORAGE;
}
