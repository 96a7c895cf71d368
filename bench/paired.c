/* paired.c - times a command against its floor in paired runs: A, B, A, B,
 * ... each a whole process (fork, exec, wait), output thrown away. Wall time
 * is read from the monotonic clock around each run; peak RSS is the child's
 * own, from wait4(). A pair's runs are taken back to back, so whatever else
 * loads the machine weighs on both about alike, and the median of the
 * pairwise ratios A_i / B_i is far steadier than the ratio of two medians
 * taken apart.
 *
 *   paired RUNS A [ARG...] [-- B [ARG...]]
 *
 * Both runs of a pair are held to one processor, the pairs taking the
 * processors in turn. On the virtual machines we bench on, one virtual
 * processor sometimes runs at two thirds of the other's speed for minutes
 * (as if its host core were shared); left to the scheduler, A tended to
 * land on one and B on the other, run after run, and a whole series came
 * out 1.5 times off. Held together, a slow processor weighs on both runs of
 * a pair alike.
 *
 * One untimed run of each first (the files into the page cache, the
 * libraries mapped), then RUNS pairs. Prints one line of seven numbers:
 *
 *   RATIO A_MS B_MS DIFF_MS A_KB B_KB RSS_RATIO
 *
 * the median of the ratios A_i / B_i, the medians of A's and B's wall times
 * in milliseconds, the median of the differences A_i - B_i, the medians of
 * A's and B's peak RSS in kB, and the median of the ratios of the peak
 * RSS. Without "-- B" only A is run: the ratios are 0 and B's figures 0.
 * A command that fails (status other than 0, or a signal) stops it with
 * exit status 1: a timing of a failure would mean nothing. */
#ifdef __linux__
#define _GNU_SOURCE       /* sched_setaffinity() */
#include <sched.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct sample {
	double ms;
	double kb;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The processors this process may run on, in order, and how many. */
static int cpus[1024];
static int ncpus;

static void find_cpus(void)
{
#ifdef __linux__
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		for (int c = 0; c < CPU_SETSIZE && ncpus < 1024; c++)
			if (CPU_ISSET(c, &set))
				cpus[ncpus++] = c;
#endif
}

/* Holds this process, and so the children it starts from now on, to
 * processor CPU: a child forked then starts there, with no move after. */
static void hold_to(int cpu)
{
#ifdef __linux__
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	(void)sched_setaffinity(0, sizeof set, &set);
#else
	(void)cpu;
#endif
}

/* Runs ARGV on processor cpus[CPU] (CPU -1: wherever the system puts it) with its
 * standard streams on /dev/null (NUL, open) and returns its wall time and
 * peak RSS; exits when it cannot run or fails. */
static struct sample run(char **argv, int nul, int cpu)
{
	if (cpu >= 0)
		hold_to(cpus[cpu]);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("paired: fork");
		exit(1);
	}
	if (pid == 0) {
		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	/* The child started on CPU; this process, which only waits, moves out
	 * of its way, as the system would place the two. */
	if (cpu >= 0 && ncpus > 1)
		hold_to(cpus[(cpu + 1) % ncpus]);
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("paired: wait4");
			exit(1);
		}
	}
	struct sample s = { now_ms() - t0, (double)ru.ru_maxrss };
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "paired: '%s' failed (%s %d)\n", argv[0],
		        WIFEXITED(status) ? "exit status" : "signal",
		        WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		exit(1);
	}
	return s;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of the N values V (sorted in place); the mean of the middle
 * two when N is even. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: paired RUNS A [ARG...] [-- B [ARG...]]\n");
		return 2;
	}
	char *end;
	long runs = strtol(argv[1], &end, 10);
	if (*end || runs < 1 || runs > 100000) {
		fprintf(stderr, "paired: RUNS must be a number from 1 to 100000\n");
		return 2;
	}
	char **a = argv + 2, **b = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			b = argv + i + 1;
			break;
		}
	}
	if (!a[0] || (b && !b[0])) {
		fprintf(stderr, "paired: a command is missing\n");
		return 2;
	}
	int nul = open("/dev/null", O_RDWR);
	if (nul < 0) {
		perror("paired: /dev/null");
		return 1;
	}
	size_t n = (size_t)runs;
	double *v = malloc(7 * n * sizeof *v);
	if (!v) {
		perror("paired");
		return 1;
	}
	double *ams = v, *bms = v + n, *ratio = v + 2 * n, *diff = v + 3 * n;
	double *akb = v + 4 * n, *bkb = v + 5 * n, *rss = v + 6 * n;
	find_cpus();
	run(a, nul, -1);
	if (b)
		run(b, nul, -1);
	for (size_t i = 0; i < n; i++) {
		int cpu = ncpus ? (int)(i % (size_t)ncpus) : -1;
		struct sample sa = run(a, nul, cpu);
		struct sample sb = b ? run(b, nul, cpu) : (struct sample){ 0, 0 };
		ams[i] = sa.ms;
		akb[i] = sa.kb;
		bms[i] = sb.ms;
		bkb[i] = sb.kb;
		ratio[i] = b ? sa.ms / sb.ms : 0;
		diff[i] = sa.ms - sb.ms;
		rss[i] = b ? sa.kb / sb.kb : 0;
	}
	printf("%.4f %.3f %.3f %.3f %.0f %.0f %.4f\n", median(ratio, n), median(ams, n),
	       median(bms, n), median(diff, n), median(akb, n), median(bkb, n), median(rss, n));
	close(nul);
	free(v);
	return 0;
}
