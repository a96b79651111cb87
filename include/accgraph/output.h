/*
 * output.h - writing a result file whole or not at all.
 *
 * A regular file (new or existing) is written to a temporary file in the same
 * directory and renamed over the destination only by acg_output_commit(), so a
 * failed or abandoned run never leaves a truncated file nor clobbers the old
 * one.  A symbolic link is followed and its target replaced.  Standard output
 * ("-"), the names of open descriptors (/dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N: the descriptor itself is written, at its offset, so
 * `-o /dev/stdout >> log` appends) and anything that is not a regular file (a
 * terminal, a pipe, /dev/null, /dev/full) are written directly and never
 * replaced.
 *
 * A write error is reported with the errno of the first write that failed
 * ("No space left on device"), however long before the commit it happened.
 *
 * Usage:
 *     struct acg_output *o;
 *     if (acg_output_open(path, &o, diags) != ACG_OK) ...
 *     fprintf(acg_output_stream(o), ...);
 *     status = acg_output_commit(o, diags);   (frees o)
 * or, to give up, acg_output_discard(o) (frees o, removes the temporary).
 */
#ifndef ACCGRAPH_OUTPUT_H
#define ACCGRAPH_OUTPUT_H

#include <stdio.h>

#include "accgraph/diag.h"

struct acg_output;

/*
 * Opens path ("-" or NULL for standard output) for writing.  On ACG_OK *out
 * is set; on ACG_EIO (with a diagnostic naming path) or ACG_ENOMEM it is NULL.
 * A directory, or a path in a directory that does not exist, is ACG_EIO.
 */
enum acg_status acg_output_open(const char *path, struct acg_output **out,
				struct acg_diags *diags);

/* The stream to write to; owned by the output.  Never NULL. */
FILE *acg_output_stream(struct acg_output *out);

/*
 * The errno of the first write to the stream that failed, or 0 (none yet, or
 * out is NULL): for a caller that reports a failed write itself.
 */
int acg_output_error(const struct acg_output *out);

/*
 * Flushes the stream without committing: ACG_OK, or ACG_EIO with a
 * diagnostic naming the path and the first write error.  NULL-safe.
 */
enum acg_status acg_output_flush(struct acg_output *out, struct acg_diags *diags);

/*
 * Flushes and closes the stream and, for a regular file, renames the
 * temporary file into place.  Any write error seen on the stream, now or
 * before, makes it ACG_EIO with a diagnostic naming its cause; the
 * destination is then left as it was.  Frees out in every case.  NULL-safe
 * (returns ACG_OK).
 */
enum acg_status acg_output_commit(struct acg_output *out, struct acg_diags *diags);

/*
 * Abandons the output: what is still buffered is dropped, the temporary file
 * removed, the destination left as it was, and out freed.  NULL-safe.
 */
void acg_output_discard(struct acg_output *out);

#endif /* ACCGRAPH_OUTPUT_H */
