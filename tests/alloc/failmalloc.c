/*
 * failmalloc.c - an LD_PRELOAD allocator that fails on demand, for the
 * allocation-failure sweep (tests/alloc/sweep.sh).
 *
 * It replaces malloc, calloc, realloc, reallocarray, free and the aligned
 * allocators of glibc and passes every call on to glibc's own allocator
 * (__libc_malloc and friends; glibc routes its internal allocations, such as
 * strdup's, asprintf's and fopen's, through the replaced functions).  It does
 * nothing until main() starts (it wraps __libc_start_main), so what the
 * shared libraries' constructors and the dynamic loader allocate is neither
 * counted nor failed: only the program's run is.  Once armed, every call that
 * may allocate (realloc and reallocarray to a non-zero size included) counts,
 * and is numbered 1, 2, ...  The environment says what to do:
 *
 *   FAILMALLOC_N=N        call number N returns NULL with errno ENOMEM
 *                         (unset or 0: nothing fails, the calls are only counted)
 *   FAILMALLOC_MODE=once  only call N fails (the default)
 *   FAILMALLOC_MODE=from  call N and every later call fail
 *   FAILMALLOC_REPORT=F   at exit, append one line to file F:
 *                           calls=C failed=K spared=S live=L ours=U
 *                         C: the calls counted; K: how many returned NULL;
 *                         S: how many were spared; L: blocks allocated after
 *                         main() started and not freed by the time the
 *                         process ends (see below); U: those of them not
 *                         suppressed (only with FAILMALLOC_TRACE, else L).
 *
 * A pattern is a function name, "malloc_caller", matching a stack with a
 * frame in that function, or "inner<outer": a frame in `inner` with a frame
 * in `outer` further out (inner called, maybe indirectly, by outer).  Names
 * are the exported symbols dladdr() finds (a library's static functions and
 * the program's own have none).
 *   FAILMALLOC_TRACE=1    print the stack of each call that fails to standard
 *                         error, and at exit the stack that allocated each
 *                         block still live (for debugging: addr2line -f -i
 *                         -e accgraph ADDR resolves the program's frames)
 *   FAILMALLOC_SPARE=P... a call that would fail succeeds when its stack matches
 *                         one of the space-separated patterns P (below): for
 *                         the libraries' own bugs on their error paths, that
 *                         we cannot fix (tests/alloc/library-bugs)
 *   FAILMALLOC_SUPPRESS=P...  with FAILMALLOC_TRACE, the live blocks at exit
 *                         allocated under a matching stack are the libraries'
 *                         leaks, not counted in `ours` (below)
 *   FAILMALLOC_TIMEOUT=S  SIGALRM (which ends the process) after S seconds of
 *                         run, so that a hang is caught without a timeout(1)
 *                         process in between.
 *
 * Live blocks: every block allocated while armed is kept in a hash set until
 * it is freed.  Blocks the C library keeps for the life of the process (the
 * buffer of a stdio stream that is never closed) and the libraries' own
 * leaks make the count of a successful run non-zero; the sweep compares a
 * failing run's count with the successful run's (see sweep.sh).  The count is
 * taken when exit() runs our atexit handler, after main() has returned and
 * after every atexit handler registered later.
 *
 * Not for ASan or valgrind builds: those replace malloc themselves.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);
extern void *__libc_memalign(size_t align, size_t size);

/* What this file replaces; not all of them are declared by <stdlib.h>. */
void *memalign(size_t align, size_t size);
void *pvalloc(size_t size);
typedef int (*main_fn)(int, char **, char **);
int __libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
		      void (*fini)(void), void (*rtld_fini)(void), void *stack_end);

static atomic_bool armed;
static atomic_ulong calls;
static atomic_ulong failed;
static atomic_ulong spared;
static unsigned long fail_at;
static int fail_from;
static const char *report_path;
static int trace;
static _Thread_local int in_trace; /* backtrace() may allocate: not counted */

/* ---- the set of live blocks: open addressing, grown by doubling --------------- */

#define NFRAMES 40

struct slot {
	uintptr_t p; /* 0: empty; 1: deleted */
	void *frames[NFRAMES]; /* where it was allocated (FAILMALLOC_TRACE only) */
	int nframes;
};

static atomic_flag lock = ATOMIC_FLAG_INIT;
static struct slot *slots;
static size_t nslots, nused, nlive;

static void lock_set(void)
{
	while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire))
		;
}

static void unlock_set(void)
{
	atomic_flag_clear_explicit(&lock, memory_order_release);
}

static size_t hash(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9e3779b97f4a7c15ULL);
}

static struct slot *insert_slot(struct slot *v, size_t n, uintptr_t p)
{
	size_t i = hash(p) & (n - 1);

	while (v[i].p > 1)
		i = (i + 1) & (n - 1);
	v[i].p = p;
	return &v[i];
}

static void track(void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	struct slot *s;

	if (!p)
		return;
	lock_set();
	if ((nused + 1) * 2 > nslots) {
		size_t n = nslots ? nslots : 1024, i;
		struct slot *v;

		while ((nlive + 1) * 4 > n)
			n *= 2;
		v = __libc_calloc(n, sizeof(*v));
		if (!v) { /* cannot track: forget it (the count is then low) */
			unlock_set();
			return;
		}
		for (i = 0; i < nslots; i++)
			if (slots[i].p > 1)
				*insert_slot(v, n, slots[i].p) = slots[i];
		__libc_free(slots);
		slots = v;
		nslots = n;
		nused = nlive;
	}
	s = insert_slot(slots, nslots, p);
	s->nframes = 0;
	if (trace) {
		in_trace = 1;
		s->nframes = backtrace(s->frames, NFRAMES);
		in_trace = 0;
	}
	nused++;
	nlive++;
	unlock_set();
}

static void untrack(void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	size_t i;

	if (!p || !nslots)
		return;
	lock_set();
	for (i = hash(p) & (nslots - 1); slots[i].p; i = (i + 1) & (nslots - 1))
		if (slots[i].p == p) {
			slots[i].p = 1;
			nlive--;
			break;
		}
	unlock_set();
}

/* Prints to standard error without allocating (dprintf may: a FILE buffer). */
static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		(void)!write(2, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* ---- stack patterns -------------------------------------------------------------- */

#define MAXPATTERNS 64

struct pattern {
	const char *inner, *outer; /* outer: NULL for any */
};

struct patterns {
	char text[4096];
	struct pattern v[MAXPATTERNS];
	int n;
};

static struct patterns spare, suppress;

/* Splits the environment variable `var` into patterns, without allocating. */
static void parse_patterns(struct patterns *ps, const char *var)
{
	const char *env = getenv(var);
	char *p, *lt;

	ps->n = 0;
	if (!env)
		return;
	snprintf(ps->text, sizeof(ps->text), "%s", env);
	for (p = strtok(ps->text, " \t\n"); p && ps->n < MAXPATTERNS; p = strtok(NULL, " \t\n")) {
		ps->v[ps->n].inner = p;
		ps->v[ps->n].outer = NULL;
		if ((lt = strchr(p, '<'))) {
			*lt = '\0';
			ps->v[ps->n].outer = lt + 1;
		}
		ps->n++;
	}
}

static int frame_in(void *addr, const char *name)
{
	Dl_info info;

	return dladdr(addr, &info) && info.dli_sname && !strcmp(info.dli_sname, name);
}

/* Whether the stack frames[0..n) (innermost first) matches one of ps. */
static int stack_matches(const struct patterns *ps, void *const *frames, int n)
{
	int k, i, j;

	for (k = 0; k < ps->n; k++)
		for (i = 0; i < n; i++) {
			if (!frame_in(frames[i], ps->v[k].inner))
				continue;
			if (!ps->v[k].outer)
				return 1;
			for (j = i + 1; j < n; j++)
				if (frame_in(frames[j], ps->v[k].outer))
					return 1;
		}
	return 0;
}

/* ---- counting and failing ------------------------------------------------------ */

/* True when this call is to fail (and counts it). */
static int should_fail(void)
{
	unsigned long n;

	if (!atomic_load(&armed) || in_trace)
		return 0;
	n = atomic_fetch_add(&calls, 1) + 1;
	if (fail_at && (n == fail_at || (fail_from && n > fail_at))) {
		void *frames[64];
		int k = 0;

		if (trace || spare.n) {
			in_trace = 1;
			k = backtrace(frames, 64);
			in_trace = 0;
		}
		if (spare.n && stack_matches(&spare, frames, k)) {
			atomic_fetch_add(&spared, 1);
			if (trace)
				say("failmalloc: call %lu spared\n", n);
			return 0;
		}
		atomic_fetch_add(&failed, 1);
		if (trace) {
			say("failmalloc: call %lu fails:\n", n);
			backtrace_symbols_fd(frames, k, 2);
		}
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

static void *tracked(void *p)
{
	if (atomic_load(&armed) && !in_trace)
		track(p);
	return p;
}

void *malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return tracked(__libc_malloc(size));
}

void *calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	return tracked(__libc_calloc(n, size));
}

void *realloc(void *p, size_t size)
{
	void *q;

	if (p && size == 0) { /* glibc: frees p */
		untrack(p);
		return __libc_realloc(p, 0);
	}
	if (should_fail())
		return NULL; /* p stays allocated */
	q = __libc_realloc(p, size);
	if (q && q != p) {
		untrack(p);
		tracked(q);
	}
	return q;
}

void *reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n * size);
}

void free(void *p)
{
	untrack(p);
	__libc_free(p);
}

void *memalign(size_t align, size_t size)
{
	if (should_fail())
		return NULL;
	return tracked(__libc_memalign(align, size));
}

void *aligned_alloc(size_t align, size_t size)
{
	return memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (align % sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	if (should_fail())
		return ENOMEM;
	if (!(p = __libc_memalign(align, size)))
		return ENOMEM;
	*out = tracked(p);
	return 0;
}

void *valloc(size_t size)
{
	return memalign((size_t)sysconf(_SC_PAGESIZE), size);
}

void *pvalloc(size_t size)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	return memalign(page, (size + page - 1) / page * page);
}

/* ---- arming when main() starts; the report at exit ----------------------------- */

static void report(void)
{
	FILE *f;
	char line[160];
	int n;

	size_t ours = nlive;

	atomic_store(&armed, 0);
	if (trace) {
		size_t i;

		ours = 0;
		for (i = 0; i < nslots; i++) {
			const struct slot *b = &slots[i];
			int mine;

			if (b->p <= 1)
				continue;
			mine = !stack_matches(&suppress, b->frames, b->nframes);
			ours += mine;
			say("failmalloc: live at exit%s: %p, allocated at:\n",
			    mine ? "" : " (suppressed)", (void *)b->p);
			backtrace_symbols_fd(b->frames, b->nframes, 2);
		}
	}
	if (!report_path)
		return;
	n = snprintf(line, sizeof(line), "calls=%lu failed=%lu spared=%lu live=%zu ours=%zu\n",
		     atomic_load(&calls), atomic_load(&failed), atomic_load(&spared), nlive,
		     ours);
	/* fopen allocates: the shim is disarmed, so that is neither counted nor failed. */
	f = fopen(report_path, "a");
	if (f) {
		fwrite(line, 1, (size_t)n, f);
		fclose(f);
	}
}

static main_fn real_main;

static int armed_main(int argc, char **argv, char **envp)
{
	const char *n = getenv("FAILMALLOC_N"), *mode = getenv("FAILMALLOC_MODE");
	const char *timeout = getenv("FAILMALLOC_TIMEOUT");

	fail_at = n ? strtoul(n, NULL, 10) : 0;
	fail_from = mode && !strcmp(mode, "from");
	report_path = getenv("FAILMALLOC_REPORT");
	parse_patterns(&spare, "FAILMALLOC_SPARE");
	parse_patterns(&suppress, "FAILMALLOC_SUPPRESS");
	if (timeout)
		alarm((unsigned)strtoul(timeout, NULL, 10));
	trace = getenv("FAILMALLOC_TRACE") && strcmp(getenv("FAILMALLOC_TRACE"), "") &&
		strcmp(getenv("FAILMALLOC_TRACE"), "0");
	if (trace) {
		void *frame;

		backtrace(&frame, 1); /* loads libgcc_s now, not in a counted call */
	}
	/* Registered before anything main() registers, so it runs after all of it. */
	atexit(report);
	atomic_store(&armed, 1);
	return real_main(argc, argv, envp);
}

typedef int (*start_fn)(main_fn, int, char **, void (*)(void), void (*)(void),
			void (*)(void), void *);

int __libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
		      void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	start_fn real;
	void *sym = dlsym(RTLD_NEXT, "__libc_start_main");

	memcpy(&real, &sym, sizeof(real)); /* POSIX's way from object to function pointer */

	real_main = main;
	return real(armed_main, argc, argv, init, fini, rtld_fini, stack_end);
}
