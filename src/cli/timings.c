/*
 * timings.c - `--timings`: the wall-clock time of each phase of a command
 * (load, select, graph, compute, write), printed on standard error when the
 * command ends, with the process's peak memory.  Off unless enabled; the
 * phases are marked by the command's code with cli_phase().
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cli.h"

#define MAX_PHASES 16

static struct {
	bool on;
	double start;           /* when timing began */
	double mark;            /* when the current phase began */
	size_t n;               /* phases entered, in order of first entry */
	size_t current;         /* the phase under way; n when none */
	const char *name[MAX_PHASES];
	double seconds[MAX_PHASES];
} timings;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void cli_timings_enable(void)
{
	timings.on = true;
	timings.start = timings.mark = now();
	timings.n = timings.current = 0;
}

/* Charges the time since the last mark to the phase under way. */
static void close_phase(double t)
{
	if (timings.current < timings.n)
		timings.seconds[timings.current] += t - timings.mark;
	timings.mark = t;
}

void cli_phase(const char *name)
{
	size_t i;

	if (!timings.on)
		return;
	close_phase(now());
	for (i = 0; i < timings.n; i++) /* a phase entered again goes on adding up */
		if (!strcmp(timings.name[i], name))
			break;
	/* Past MAX_PHASES names a new phase is not timed (current becomes n: none). */
	if (i == timings.n && timings.n < MAX_PHASES) {
		timings.name[timings.n] = name;
		timings.seconds[timings.n++] = 0;
	}
	timings.current = i;
}

void cli_timings_print(void)
{
	struct rusage ru;
	double t;
	size_t i;

	if (!timings.on)
		return;
	t = now();
	close_phase(t);
	fputs("accgraph: timings:", stderr);
	for (i = 0; i < timings.n; i++)
		fprintf(stderr, "%s %s %.3f s", i ? "," : "", timings.name[i], timings.seconds[i]);
	fprintf(stderr, "%s total %.3f s", timings.n ? ";" : "", t - timings.start);
	if (getrusage(RUSAGE_SELF, &ru) == 0) /* ru_maxrss: KiB on Linux */
		fprintf(stderr, "; peak memory %.1f MiB", (double)ru.ru_maxrss / 1024.0);
	fputc('\n', stderr);
}
