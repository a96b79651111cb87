/* output.c - result files written whole or not at all; see accgraph/output.h. */
#define _GNU_SOURCE /* fopencookie */
#include "accgraph/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/*
 * The stream is a stdio stream over our own write function (fopencookie), so
 * that the errno of the first write that fails is kept: stdio keeps only an
 * error flag, and a later fflush() with nothing left to write succeeds with
 * errno untouched, which would leave "Input/output error" as the only thing
 * to say.
 */
struct acg_output {
	FILE *stream;
	int fd;       /* what the stream writes to: ours, closed at the end */
	int err;      /* errno of the first write that failed; 0: none */
	bool discarding; /* acg_output_discard(): drop what is still buffered */
	char *path;   /* the destination, as given (for messages); NULL: stdout */
	char *target; /* where the temporary file is renamed to; NULL: direct */
	char *tmp;    /* the temporary file; NULL: direct */
};

static enum acg_status io_error(struct acg_diags *diags, const char *path, const char *what,
				int err)
{
	if (acg_diags_add(diags, ACG_ERROR, ACG_EIO, path, 0, 0, NULL, "%s: %s", what,
			  strerror(err)) == ACG_ENOMEM)
		return ACG_ENOMEM;
	return ACG_EIO;
}

/* The stream's write function: all of buf, or the error is kept and reported short. */
static ssize_t stream_write(void *cookie, const char *buf, size_t n)
{
	struct acg_output *o = cookie;
	size_t done = 0;

	if (o->discarding)
		return (ssize_t)n;
	while (done < n) {
		ssize_t k = write(o->fd, buf + done, n - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (!o->err)
				o->err = k < 0 ? errno : EIO;
			break;
		}
		done += (size_t)k;
	}
	return (ssize_t)done;
}

/* The descriptor is closed by commit or discard, after fsync and with its error seen. */
static int stream_close(void *cookie)
{
	(void)cookie;
	return 0;
}

/* Makes o->stream over o->fd; ACG_OK or ACG_ENOMEM. */
static enum acg_status make_stream(struct acg_output *o)
{
	static const cookie_io_functions_t io = {NULL, stream_write, NULL, stream_close};

	o->stream = fopencookie(o, "w", io);
	return o->stream ? ACG_OK : ACG_ENOMEM;
}

static void output_free(struct acg_output *o)
{
	if (!o)
		return;
	if (o->fd >= 0)
		close(o->fd);
	free(o->path);
	free(o->target);
	free(o->tmp);
	free(o);
}

/*
 * The path that writing to `path` really creates or replaces: symbolic links
 * followed, even when the last one dangles.  NULL with errno set on failure
 * (ELOOP after 40 links, ENOMEM).
 */
static char *follow_links(const char *path)
{
	char *p = acg_strdup(path);
	struct stat st;
	int hops;

	if (!p) {
		errno = ENOMEM;
		return NULL;
	}
	for (hops = 0; lstat(p, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		char buf[PATH_MAX], *next;
		ssize_t n;
		const char *slash = strrchr(p, '/');

		if (hops == 40 || (n = readlink(p, buf, sizeof(buf) - 1)) < 0) {
			if (hops == 40)
				errno = ELOOP;
			free(p);
			return NULL;
		}
		buf[n] = '\0';
		if (buf[0] == '/' || !slash)
			next = acg_strdup(buf);
		else
			next = acg_asprintf("%.*s%s", (int)(slash - p + 1), p, buf);
		free(p);
		if (!(p = next)) {
			errno = ENOMEM;
			return NULL;
		}
	}
	return p;
}

/* The permissions a newly created file gets: 0666 less the umask. */
static mode_t creation_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

/* Opens a temporary file next to target, with the mode the result should have. */
static enum acg_status open_temporary(struct acg_output *o, const struct stat *existing,
				      struct acg_diags *diags)
{
	const char *slash = strrchr(o->target, '/');
	int dirlen = slash ? (int)(slash - o->target + 1) : 0;
	int fd;

	o->tmp = acg_asprintf("%.*s.%s.XXXXXX", dirlen, o->target,
			      slash ? slash + 1 : o->target);
	if (!o->tmp)
		return ACG_ENOMEM;
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		int err = errno;

		free(o->tmp);
		o->tmp = NULL;
		return io_error(diags, o->path, "cannot create", err);
	}
	o->fd = fd;
	if (fchmod(fd, existing ? existing->st_mode & 07777 : creation_mode()) != 0) {
		int err = errno;

		unlink(o->tmp);
		return io_error(diags, o->path, "cannot create", err);
	}
	if (make_stream(o) != ACG_OK) {
		unlink(o->tmp);
		return ACG_ENOMEM;
	}
	return ACG_OK;
}

/*
 * The descriptor that path names when it is one of the names of an open
 * descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), else -1.
 * Opening such a name anew would start at offset 0 (and truncate) or, for a
 * regular file, replace the file by a rename, where the shell's descriptor
 * (`>> log`, a pipe) is what the user means.
 */
static int descriptor_named(const char *path)
{
	const char *num = NULL;
	char *end;
	long fd;

	if (!strcmp(path, "/dev/stdout"))
		return STDOUT_FILENO;
	if (!strcmp(path, "/dev/stderr"))
		return STDERR_FILENO;
	if (!strncmp(path, "/dev/fd/", 8))
		num = path + 8;
	else if (!strncmp(path, "/proc/self/fd/", 14))
		num = path + 14;
	if (!num || *num < '0' || *num > '9')
		return -1;
	errno = 0;
	fd = strtol(num, &end, 10);
	if (*end || errno || fd > INT_MAX)
		return -1;
	return (int)fd;
}

enum acg_status acg_output_open(const char *path, struct acg_output **out,
				struct acg_diags *diags)
{
	struct acg_output *o;
	struct stat st;
	enum acg_status status = ACG_OK;
	bool exists;
	int fd;

	*out = NULL;
	o = calloc(1, sizeof(*o));
	if (!o)
		return ACG_ENOMEM;
	o->fd = -1;
	if (!path || !strcmp(path, "-"))
		fd = STDOUT_FILENO;
	else if ((o->path = acg_strdup(path)))
		fd = descriptor_named(path);
	else {
		free(o);
		return ACG_ENOMEM;
	}
	if (fd >= 0) {
		/* Standard output or a name of an open descriptor: written in place. */
		if (fd == STDOUT_FILENO)
			fflush(stdout); /* what the program printed first comes first */
		if ((o->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0)
			status = io_error(diags, path ? path : "<stdout>", "cannot write", errno);
		else
			status = make_stream(o);
		goto out;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		status = io_error(diags, path, "cannot write", EISDIR);
	} else if (exists && !S_ISREG(st.st_mode)) {
		/* A device or a pipe: written in place, never replaced. */
		if ((o->fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)) < 0)
			status = io_error(diags, path, "cannot open", errno);
		else
			status = make_stream(o);
	} else if (!(o->target = follow_links(path))) {
		/* A regular file, or a new one: the final name behind any symlink. */
		status = errno == ENOMEM ? ACG_ENOMEM : io_error(diags, path, "cannot resolve", errno);
	} else {
		status = open_temporary(o, exists ? &st : NULL, diags);
	}
out:
	if (status != ACG_OK) {
		output_free(o);
		return status;
	}
	*out = o;
	return ACG_OK;
}

FILE *acg_output_stream(struct acg_output *o)
{
	return o->stream;
}

int acg_output_error(const struct acg_output *o)
{
	return o ? o->err : 0;
}

enum acg_status acg_output_flush(struct acg_output *o, struct acg_diags *diags)
{
	if (!o)
		return ACG_OK;
	errno = 0;
	if (fflush(o->stream) == 0 && !ferror(o->stream))
		return ACG_OK;
	return io_error(diags, o->path ? o->path : "<stdout>", "cannot write",
			o->err ? o->err : errno ? errno : EIO);
}

enum acg_status acg_output_commit(struct acg_output *o, struct acg_diags *diags)
{
	enum acg_status status = ACG_OK;
	int err;

	if (!o)
		return ACG_OK;
	errno = 0;
	if (fflush(o->stream) != 0 || ferror(o->stream))
		o->err = o->err ? o->err : errno ? errno : EIO;
	err = o->err;
	fclose(o->stream); /* its buffer only: the descriptor is closed below */
	o->stream = NULL;
	if (o->tmp && !err && fsync(o->fd) != 0 && errno != EINVAL)
		err = errno;
	/* close() reports what a network file system could not write. */
	if (close(o->fd) != 0 && !err && errno != EINTR)
		err = errno;
	o->fd = -1;
	if (!err && o->tmp && rename(o->tmp, o->target) != 0)
		err = errno;
	if (err) {
		if (o->tmp)
			unlink(o->tmp);
		status = io_error(diags, o->path ? o->path : "<stdout>", "cannot write", err);
	}
	output_free(o);
	return status;
}

void acg_output_discard(struct acg_output *o)
{
	if (!o)
		return;
	o->discarding = true;
	fclose(o->stream);
	o->stream = NULL;
	if (o->tmp)
		unlink(o->tmp);
	output_free(o);
}
