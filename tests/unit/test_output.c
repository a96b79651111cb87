/*
 * test_output.c - unit tests of accgraph/output.h: result files written whole
 * or not at all.  Every test works in its own directory made with mkdtemp()
 * under $TMPDIR (or /tmp) and removes it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accgraph/output.h"
#include "util.h"

/* ---- helpers ----------------------------------------------------------------- */

static char *make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = acg_asprintf("%s/acg-test-output.XXXXXX", base && *base ? base : "/tmp");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* Per-test fixture: a fresh directory, and the process state a test may change. */
struct fixture {
	char *dir;
	mode_t mask;
	int cwd;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	fx->dir = make_tmpdir();
	fx->mask = umask(022);
	umask(fx->mask);
	fx->cwd = open(".", O_RDONLY);
	*state = fx;
	return fx->cwd < 0 ? -1 : 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Runs after every test, failed or not: restores the process and removes the directory. */
static int teardown(void **state)
{
	struct fixture *fx = *state;
	int rc = 0;

	if (!fx)
		return 0;
	if (fx->cwd >= 0) {
		rc |= fchdir(fx->cwd);
		close(fx->cwd);
	}
	umask(fx->mask);
	rc |= nftw(fx->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(fx->dir);
	free(fx);
	return rc ? -1 : 0;
}

#define DIR_OF(state) (((struct fixture *)*(state))->dir)

static char *path_in(const char *dir, const char *name)
{
	char *p = acg_asprintf("%s/%s", dir, name);

	assert_non_null(p);
	return p;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

/* The whole content of a file (NUL-terminated), or NULL if it cannot be opened. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return NULL;
	buf = malloc(1 << 16);
	assert_non_null(buf);
	n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void assert_content(const char *path, const char *want)
{
	char *got = read_file(path);

	if (!got)
		fail_msg("%s cannot be read: %s", path, strerror(errno));
	assert_string_equal(got, want);
	free(got);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted and joined by ",": "" for an empty directory. */
static char *listing(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *names[64], *out;
	size_t n = 0, i, len = 1;

	assert_non_null(d);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		assert_true(n < 64);
		names[n] = acg_strdup(e->d_name);
		assert_non_null(names[n]);
		len += strlen(names[n]) + 1;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	out = malloc(len);
	assert_non_null(out);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, ",");
		strcat(out, names[i]);
		free(names[i]);
	}
	return out;
}

static void assert_listing(const char *dir, const char *want)
{
	char *got = listing(dir);

	assert_string_equal(got, want);
	free(got);
}

static void assert_mode(const char *path, mode_t want)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	if ((st.st_mode & 07777) != want)
		fail_msg("%s has mode %04o, expected %04o", path, (unsigned)(st.st_mode & 07777),
			 (unsigned)want);
}

/* One ACG_EIO error naming path, whose message mentions the system's reason. */
static void assert_io_diag(const struct acg_diags *d, const char *path, int err)
{
	assert_int_equal(d->n, 1);
	assert_int_equal(d->errors, 1);
	assert_int_equal(d->v[0].severity, ACG_ERROR);
	assert_int_equal(d->v[0].status, ACG_EIO);
	assert_non_null(d->v[0].file);
	assert_string_equal(d->v[0].file, path);
	assert_null(d->v[0].pointer);
	assert_int_equal(d->v[0].line, 0);
	if (err && !strstr(d->v[0].message, strerror(err)))
		fail_msg("message \"%s\" does not say \"%s\"", d->v[0].message, strerror(err));
}

/* ---- tests ---------------------------------------------------------------------- */

static void test_new_file(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "new.txt");

	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	assert_non_null(o);
	assert_non_null(acg_output_stream(o));
	assert_true(fprintf(acg_output_stream(o), "hello %d\n", 42) > 0);
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(d.n, 0);
	assert_content(path, "hello 42\n");
	/* Nothing else is left in the directory. */
	assert_listing(dir, "new.txt");
	free(path);
}

/* An empty result still replaces the old file with an empty one. */
static void test_empty_output(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "f.txt");

	write_file(path, "old\n");
	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_content(path, "");
	assert_listing(dir, "f.txt");
	free(path);
}

static void test_replaced_only_on_commit(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "f.txt");
	char *l;

	write_file(path, "old content\n");
	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	fputs("new content\n", acg_output_stream(o));
	assert_int_equal(fflush(acg_output_stream(o)), 0); /* on disk, but elsewhere */
	/* Before commit, the old content is still there... */
	assert_content(path, "old content\n");
	/* ...and the new one is in a second file of the same directory. */
	l = listing(dir);
	assert_non_null(strstr(l, "f.txt"));
	assert_non_null(strchr(l, ','));
	free(l);
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(d.n, 0);
	assert_content(path, "new content\n");
	assert_listing(dir, "f.txt");
	free(path);
}

static void test_discard_existing(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "f.txt");

	write_file(path, "old\n");
	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	assert_int_equal(fflush(acg_output_stream(o)), 0);
	acg_output_discard(o);
	assert_content(path, "old\n");
	assert_listing(dir, "f.txt"); /* no temporary file left */
	assert_int_equal(d.n, 0);
	free(path);
}

static void test_discard_new(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "f.txt");
	struct stat st;

	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	acg_output_discard(o);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(errno, ENOENT);
	assert_listing(dir, "");
	free(path);
}

static void test_missing_directory(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = (struct acg_output *)&d; /* must be reset to NULL */
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "no-such-dir/f.txt");

	assert_int_equal(acg_output_open(path, &o, &d), ACG_EIO);
	assert_null(o);
	assert_io_diag(&d, path, ENOENT);
	assert_listing(dir, "");
	acg_diags_release(&d);
	free(path);
}

static void test_directory(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = (struct acg_output *)&d;
	const char *dir = DIR_OF(state);
	char *sub = path_in(dir, "sub");

	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(acg_output_open(sub, &o, &d), ACG_EIO);
	assert_null(o);
	assert_io_diag(&d, sub, EISDIR);
	/* Nothing was created next to it or inside it. */
	assert_listing(dir, "sub");
	assert_listing(sub, "");
	acg_diags_release(&d);
	free(sub);
}

/* A device is written in place; a full one fails at commit at the latest. */
static void test_dev_full(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	struct stat st;

	(void)state;
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	assert_int_equal(acg_output_open("/dev/full", &o, &d), ACG_OK);
	assert_non_null(o);
	fputs("this cannot be written\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_EIO);
	assert_io_diag(&d, "/dev/full", ENOSPC);
	acg_diags_release(&d);
	/* Still the device: not replaced by a regular file. */
	assert_int_equal(stat("/dev/full", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* A write error seen before commit (and no longer pending) still fails the commit. */
static void test_dev_full_error_seen_before(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	struct stat st;

	(void)state;
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	assert_int_equal(acg_output_open("/dev/full", &o, &d), ACG_OK);
	fputs("this cannot be written\n", acg_output_stream(o));
	assert_int_not_equal(fflush(acg_output_stream(o)), 0);
	assert_int_equal(acg_output_error(o), ENOSPC);
	assert_int_equal(acg_output_commit(o, &d), ACG_EIO);
	/* The cause, not a generic "Input/output error". */
	assert_io_diag(&d, "/dev/full", ENOSPC);
	acg_diags_release(&d);
}

/*
 * A write that bypasses the buffer and fails leaves stdio's error flag with
 * nothing pending: a later fflush() succeeds and errno says nothing.  The
 * commit still names the cause.
 */
static void test_dev_full_large_write(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	static char big[65536];
	struct stat st;

	(void)state;
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	memset(big, 'x', sizeof(big));
	assert_int_equal(acg_output_open("/dev/full", &o, &d), ACG_OK);
	assert_int_not_equal(fwrite(big, 1, sizeof(big), acg_output_stream(o)), sizeof(big));
	errno = 0;
	fputs("more\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_EIO);
	assert_io_diag(&d, "/dev/full", ENOSPC);
	acg_diags_release(&d);
}

/* acg_output_flush() reports the first write error, and the output stays usable. */
static void test_flush_reports_cause(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	struct stat st;

	(void)state;
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	assert_int_equal(acg_output_open("/dev/full", &o, &d), ACG_OK);
	fputs("this cannot be written\n", acg_output_stream(o));
	assert_int_equal(acg_output_flush(o, &d), ACG_EIO);
	assert_io_diag(&d, "/dev/full", ENOSPC);
	acg_output_discard(o);
	acg_diags_release(&d);
	assert_int_equal(acg_output_flush(NULL, &d), ACG_OK);
	assert_int_equal(acg_output_error(NULL), 0);
}

/*
 * The names of an open descriptor are written through that descriptor, at
 * its offset: never reopened (which would truncate an appended file) nor
 * replaced by a rename.
 */
static void test_descriptor_names(void **state)
{
	static const char *const names[] = {"/dev/fd/%d", "/proc/self/fd/%d"};
	struct acg_diags d = ACG_DIAGS_INIT;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "log.txt");
	size_t i;

	write_file(path, "old\n");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct acg_output *o = NULL;
		int fd = open(path, O_WRONLY | O_APPEND);
		char *name;
		struct stat st;

		assert_true(fd >= 0);
		name = acg_asprintf(names[i], fd);
		assert_non_null(name);
		if (stat(name, &st) != 0) { /* no /proc */
			close(fd);
			free(name);
			continue;
		}
		assert_int_equal(acg_output_open(name, &o, &d), ACG_OK);
		fputs("new\n", acg_output_stream(o));
		assert_int_equal(acg_output_commit(o, &d), ACG_OK);
		/* The descriptor is still the caller's, and open. */
		assert_int_equal(write(fd, "", 0), 0);
		close(fd);
		free(name);
	}
	assert_int_equal(d.n, 0);
	{
		FILE *f = fopen(path, "r");
		char buf[64] = "";
		size_t n;

		assert_non_null(f);
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
		buf[n] = '\0';
		assert_true(!strcmp(buf, "old\nnew\nnew\n") || !strcmp(buf, "old\nnew\n"));
	}
	assert_listing(dir, "log.txt");
	free(path);
}

/* A name of a descriptor that is not open is an error, and nothing is created. */
static void test_descriptor_not_open(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;

	(void)state;
	assert_int_equal(acg_output_open("/dev/fd/987", &o, &d), ACG_EIO);
	assert_null(o);
	assert_io_diag(&d, "/dev/fd/987", EBADF);
	acg_diags_release(&d);
}

/*
 * A write error on a regular file (here: the file size limit, EFBIG) fails the
 * commit, leaves the old file as it was and removes the temporary file.
 */
static void test_write_error_keeps_old_file(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "f.txt");
	struct rlimit saved, small;
	void (*old_handler)(int);
	enum acg_status st;
	int i;

	write_file(path, "old\n");
	assert_int_equal(acg_output_open(path, &o, &d), ACG_OK);
	for (i = 0; i < 100; i++)
		fputs("0123456789", acg_output_stream(o)); /* 1000 bytes, still buffered */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 10;
	/* Nothing may be written to standard output while the limit is low. */
	fflush(stdout);
	fflush(stderr);
	old_handler = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	st = acg_output_commit(o, &d);
	setrlimit(RLIMIT_FSIZE, &saved);
	signal(SIGXFSZ, old_handler);
	assert_int_equal(st, ACG_EIO);
	assert_io_diag(&d, path, EFBIG);
	assert_content(path, "old\n");
	assert_listing(dir, "f.txt");
	acg_diags_release(&d);
	free(path);
}

static void test_symlink_followed(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *target = path_in(dir, "target.txt"),
	     *link = path_in(dir, "link.txt");
	char buf[64];
	ssize_t n;
	struct stat st;

	write_file(target, "old\n");
	assert_int_equal(symlink("target.txt", link), 0);
	assert_int_equal(acg_output_open(link, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(d.n, 0);
	/* The link is still a link, to the same name... */
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	n = readlink(link, buf, sizeof(buf) - 1);
	assert_int_equal(n, strlen("target.txt"));
	buf[n] = '\0';
	assert_string_equal(buf, "target.txt");
	/* ...and the target has the new content. */
	assert_int_equal(lstat(target, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_content(target, "new\n");
	assert_listing(dir, "link.txt,target.txt");
	free(target);
	free(link);
}

/* A link into another directory: the target there is replaced, nothing left behind. */
static void test_symlink_other_directory(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *a = path_in(dir, "a"), *b = path_in(dir, "b"),
	     *target = path_in(dir, "a/target.txt"), *link = path_in(dir, "b/link.txt");
	struct stat st;

	assert_int_equal(mkdir(a, 0755), 0);
	assert_int_equal(mkdir(b, 0755), 0);
	write_file(target, "old\n");
	assert_int_equal(symlink("../a/target.txt", link), 0);
	assert_int_equal(acg_output_open(link, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_content(target, "new\n");
	assert_listing(a, "target.txt");
	assert_listing(b, "link.txt");
	free(a);
	free(b);
	free(target);
	free(link);
}

/*
 * A symbolic link whose target does not exist yet.  output.h: "A symbolic
 * link is followed and its target replaced", so the link should stay a link
 * and the file it names be created (as the shell's `>` does).
 *
 * Regression test: stat() fails on the dangling link, so the link used to be
 * treated as a new file and the temporary file renamed over the link itself:
 * the link was replaced by a regular file and the target never appeared
 * (fixed in a9b1515).
 */
static void test_dangling_symlink_followed(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *target = path_in(dir, "target.txt"),
	     *link = path_in(dir, "link.txt");
	struct stat st;

	assert_int_equal(symlink("target.txt", link), 0);
	assert_int_equal(acg_output_open(link, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_content(target, "new\n");
	free(target);
	free(link);
}

/* A chain of links, relative and absolute: the file at the end is replaced. */
static void test_symlink_chain(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *sub = path_in(dir, "sub"), *target = path_in(dir, "sub/target.txt"),
	     *l1 = path_in(dir, "l1"), *l2 = path_in(dir, "sub/l2"), *l3 = path_in(dir, "l3");
	struct stat st;

	assert_int_equal(mkdir(sub, 0755), 0);
	write_file(target, "old\n");
	/* l3 -> (absolute) l1 -> sub/l2 -> target.txt (relative to sub/) */
	assert_int_equal(symlink("target.txt", l2), 0);
	assert_int_equal(symlink("sub/l2", l1), 0);
	assert_int_equal(symlink(l1, l3), 0);
	assert_int_equal(acg_output_open(l3, &o, &d), ACG_OK);
	fputs("new\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(d.n, 0);
	assert_content(target, "new\n");
	assert_int_equal(lstat(l1, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(l2, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(l3, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_listing(dir, "l1,l3,sub");
	assert_listing(sub, "l2,target.txt");
	free(sub);
	free(target);
	free(l1);
	free(l2);
	free(l3);
}

/* Links that point at each other resolve to nothing: ACG_EIO, nothing written. */
static void test_symlink_loop(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = (struct acg_output *)&d;
	const char *dir = DIR_OF(state);
	char *a = path_in(dir, "a"), *b = path_in(dir, "b");

	assert_int_equal(symlink("b", a), 0);
	assert_int_equal(symlink("a", b), 0);
	assert_int_equal(acg_output_open(a, &o, &d), ACG_EIO);
	assert_null(o);
	assert_io_diag(&d, a, ELOOP);
	assert_listing(dir, "a,b");
	acg_diags_release(&d);
	free(a);
	free(b);
}

/* A new file gets 0666 & ~umask; the umask itself is left as it was. */
static void test_new_file_mode(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *p1 = path_in(dir, "a.txt"), *p2 = path_in(dir, "b.txt");
	mode_t old = umask(027);

	assert_int_equal(acg_output_open(p1, &o, &d), ACG_OK);
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	/* 0666 & ~0027 = rw-r----- = 0640 */
	assert_mode(p1, 0640);
	/* The library did not change the process's umask. */
	assert_int_equal(umask(0), 027);
	assert_int_equal(acg_output_open(p2, &o, &d), ACG_OK);
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	/* 0666 & ~0 = 0666 (not mkstemp()'s 0600) */
	assert_mode(p2, 0666);
	assert_int_equal(umask(old), 0);
	assert_int_equal(d.n, 0);
	free(p1);
	free(p2);
}

/* An existing file keeps its mode, whatever the umask. */
static void test_existing_keeps_mode(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	char *p1 = path_in(dir, "a.txt"), *p2 = path_in(dir, "b.sh");
	mode_t old = umask(077);

	write_file(p1, "a\n");
	assert_int_equal(chmod(p1, 0604), 0);
	write_file(p2, "b\n");
	assert_int_equal(chmod(p2, 0755), 0);
	assert_int_equal(acg_output_open(p1, &o, &d), ACG_OK);
	fputs("A\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(acg_output_open(p2, &o, &d), ACG_OK);
	fputs("B\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	umask(old);
	assert_mode(p1, 0604);
	assert_mode(p2, 0755);
	assert_content(p1, "A\n");
	assert_content(p2, "B\n");
	free(p1);
	free(p2);
}

/* A bare file name (no directory part) is written in the current directory. */
static void test_relative_name(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;
	const char *dir = DIR_OF(state);
	int here = open(".", O_RDONLY);

	assert_true(here >= 0);
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(acg_output_open("rel.txt", &o, &d), ACG_OK);
	fputs("rel\n", acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(fchdir(here), 0);
	close(here);
	{
		char *p = path_in(dir, "rel.txt");

		assert_content(p, "rel\n");
		free(p);
	}
	assert_listing(dir, "rel.txt");
}

static void test_stdout(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_output *o = NULL;

	(void)state;
	assert_int_equal(acg_output_open("-", &o, &d), ACG_OK);
	assert_non_null(acg_output_stream(o));
	assert_int_equal(acg_output_commit(o, &d), ACG_OK);
	assert_int_equal(acg_output_open(NULL, &o, &d), ACG_OK);
	assert_non_null(acg_output_stream(o));
	acg_output_discard(o);
	/* Standard output is still open and usable after both. */
	assert_true(fileno(stdout) >= 0);
	assert_int_equal(fflush(stdout), 0);
	assert_false(ferror(stdout));
	assert_int_equal(d.n, 0);
}

static void test_null_safe(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;

	(void)state;
	assert_int_equal(acg_output_commit(NULL, &d), ACG_OK);
	assert_int_equal(acg_output_commit(NULL, NULL), ACG_OK);
	acg_output_discard(NULL);
	assert_int_equal(d.n, 0);
}

/* diags may be NULL (diag.h: a NULL list is accepted). */
static void test_null_diags(void **state)
{
	struct acg_output *o = (struct acg_output *)&o;
	const char *dir = DIR_OF(state);
	char *path = path_in(dir, "x/y.txt");

	assert_int_equal(acg_output_open(path, &o, NULL), ACG_EIO);
	assert_null(o);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_output, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replaced_only_on_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard_existing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dev_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dev_full_error_seen_before, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_error_keeps_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_other_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dangling_symlink_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_loop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_file_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_existing_keeps_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_relative_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stdout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dev_full_large_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flush_reports_cause, setup, teardown),
		cmocka_unit_test_setup_teardown(test_descriptor_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_descriptor_not_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_safe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_diags, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
