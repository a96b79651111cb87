/* accgraph.c - library set-up; see accgraph/accgraph.h. */
#include "accgraph/accgraph.h"

#include <stdlib.h>

#include <igraph.h>
#include <jansson.h>

#include "util.h"

/* igraph's warnings are advisory; the library never prints them. */
static void ignore_warning(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

void acg_init(void)
{
	json_malloc_t before_malloc;
	json_free_t before_free;

	/*
	 * igraph_error_handler_ignore frees igraph's cleanup stack
	 * (IGRAPH_FINALLY_FREE) and returns, so the failing igraph call returns
	 * its error code to us instead of aborting.
	 */
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(ignore_warning);
	/*
	 * So that the loader can tell jansson's failed allocations (load.c):
	 * the allocator jansson has (the program's own, if it set one) is kept
	 * and wrapped, and so is its free, so that the loader can also have
	 * jansson build in an arena (util.h).
	 */
	json_get_alloc_funcs(&before_malloc, &before_free);
	if (before_malloc != acg_json_malloc) {
		acg_json_malloc_wraps(before_malloc, before_free);
		json_set_alloc_funcs(acg_json_malloc, acg_json_free);
	}
}

const char *acg_version(void)
{
	return ACG_VERSION_STRING;
}
