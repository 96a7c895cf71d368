/* save.c - what saving one answer durably costs, through the store API the
 * walk-through uses: the database is opened once, a session created, then
 * N weights are saved one at a time (each its own BEGIN IMMEDIATE
 * transaction, committed with synchronous=FULL, so an fsync of the WAL each)
 * and each call is timed. Prints the median, 90th and 99th percentile and
 * the worst, in milliseconds, and the time to open the file.
 *
 *   save DB N
 *
 * DB may already hold sessions (bench/gen_sessions.py), to see whether a
 * save grows with the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The value at quantile Q of the N sorted values V: the nearest rank,
 * ceil(Q * N), counted from 1. */
static double quantile(const double *v, size_t n, double q)
{
	double rank = q * (double)n;
	size_t i = (size_t)rank;
	if ((double)i < rank)
		i++;
	if (i > n)
		i = n;
	return v[i ? i - 1 : 0];
}

int main(int argc, char **argv)
{
	if (argc != 3 || atoi(argv[2]) <= 0) {
		fprintf(stderr, "usage: save DB N\n");
		return 2;
	}
	size_t n = (size_t)atoi(argv[2]);
	struct verror err;
	struct store *st;
	double t0 = now_ms();
	if (store_open(argv[1], &st, &err)) {
		fprintf(stderr, "save: %s\n", err.msg);
		return 1;
	}
	double opened = now_ms() - t0;
	static const char text[] = "verdict: 1\nid: bench\n";
	long long id;
	if (store_create(st, "bench.yaml", text, sizeof text - 1, "bench", "Bench", "Bench",
	                 NULL, &id)) {
		fprintf(stderr, "save: %s\n", store_error(st)->msg);
		store_close(st);
		return 1;
	}
	double *ms = malloc(n * sizeof *ms);
	if (!ms) {
		store_close(st);
		return 1;
	}
	static const char *const names[] = { "speed", "syntax", "hiring", "libraries", "upkeep" };
	for (size_t i = 0; i < n; i++) {
		double t = now_ms();
		if (store_save_weight(st, id, names[i % 5], (double)(i % 6))) {
			fprintf(stderr, "save: %s\n", store_error(st)->msg);
			free(ms);
			store_close(st);
			return 1;
		}
		ms[i] = now_ms() - t;
	}
	store_close(st);
	qsort(ms, n, sizeof *ms, by_value);
	printf("saves %zu  open_ms %.2f  median_ms %.3f  p90_ms %.3f  p99_ms %.3f  max_ms %.3f\n", n,
	       opened, quantile(ms, n, 0.5), quantile(ms, n, 0.9), quantile(ms, n, 0.99),
	       ms[n - 1]);
	free(ms);
	return 0;
}
