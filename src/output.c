/* output.c - result files written whole or not at all; see accgraph/output.h. */
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

struct acg_output {
	FILE *stream;
	char *path;   /* the destination, as given (for messages) */
	char *target; /* where the temporary file is renamed to; NULL: direct */
	char *tmp;    /* the temporary file; NULL: direct */
	bool is_stdout;
};

static enum acg_status io_error(struct acg_diags *diags, const char *path, const char *what,
				int err)
{
	if (acg_diags_add(diags, ACG_ERROR, ACG_EIO, path, 0, 0, NULL, "%s: %s", what,
			  strerror(err)) == ACG_ENOMEM)
		return ACG_ENOMEM;
	return ACG_EIO;
}

static void output_free(struct acg_output *o)
{
	if (!o)
		return;
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
	if (fchmod(fd, existing ? existing->st_mode & 07777 : creation_mode()) != 0 ||
	    !(o->stream = fdopen(fd, "wb"))) {
		int err = errno;

		close(fd);
		unlink(o->tmp);
		return io_error(diags, o->path, "cannot create", err);
	}
	return ACG_OK;
}

enum acg_status acg_output_open(const char *path, struct acg_output **out,
				struct acg_diags *diags)
{
	struct acg_output *o;
	struct stat st;
	enum acg_status status = ACG_OK;
	bool exists;

	*out = NULL;
	o = calloc(1, sizeof(*o));
	if (!o)
		return ACG_ENOMEM;
	if (!path || !strcmp(path, "-")) {
		o->is_stdout = true;
		o->stream = stdout;
		*out = o;
		return ACG_OK;
	}
	if (!(o->path = acg_strdup(path))) {
		status = ACG_ENOMEM;
		goto out;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		status = io_error(diags, path, "cannot write", EISDIR);
	} else if (exists && !S_ISREG(st.st_mode)) {
		/* A device or a pipe: written in place, never replaced. */
		if (!(o->stream = fopen(path, "wb")))
			status = io_error(diags, path, "cannot open", errno);
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

enum acg_status acg_output_commit(struct acg_output *o, struct acg_diags *diags)
{
	enum acg_status status = ACG_OK;
	int err = 0;

	if (!o)
		return ACG_OK;
	errno = 0;
	if (fflush(o->stream) != 0 || ferror(o->stream))
		err = errno ? errno : EIO;
	if (o->tmp && !err && fsync(fileno(o->stream)) != 0 && errno != EINVAL)
		err = errno;
	if (!o->is_stdout && fclose(o->stream) != 0 && !err)
		err = errno ? errno : EIO;
	if (o->is_stdout)
		clearerr(o->stream);
	if (!err && o->tmp && rename(o->tmp, o->target) != 0)
		err = errno;
	if (err) {
		if (o->tmp)
			unlink(o->tmp);
		status = io_error(diags, o->is_stdout ? "<stdout>" : o->path, "cannot write", err);
	}
	output_free(o);
	return status;
}

void acg_output_discard(struct acg_output *o)
{
	if (!o)
		return;
	if (!o->is_stdout) {
		fclose(o->stream);
		if (o->tmp)
			unlink(o->tmp);
	}
	output_free(o);
}
