/*
 * output.h - writing a result file whole or not at all.
 *
 * A regular file (new or existing) is written to a temporary file in the same
 * directory and renamed over the destination only by acg_output_commit(), so a
 * failed or abandoned run never leaves a truncated file nor clobbers the old
 * one.  A symbolic link is followed and its target replaced.  Standard output
 * ("-") and anything that is not a regular file (a terminal, a pipe,
 * /dev/stdout, /dev/null, /dev/full) is written directly and never replaced.
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
 * Flushes and closes the stream and, for a regular file, renames the
 * temporary file into place.  Any write error seen on the stream, now or
 * before, makes it ACG_EIO with a diagnostic; the destination is then left as
 * it was.  Frees out in every case.  NULL-safe (returns ACG_OK).
 */
enum acg_status acg_output_commit(struct acg_output *out, struct acg_diags *diags);

/*
 * Abandons the output: removes the temporary file, leaves the destination as
 * it was, and frees out.  NULL-safe.
 */
void acg_output_discard(struct acg_output *out);

#endif /* ACCGRAPH_OUTPUT_H */
