/*
 * accgraph.h - the accgraph library: accountability systems read, checked,
 * measured and drawn.  This umbrella header includes every module's header.
 *
 * A program calls acg_init() once before any other function.
 */
#ifndef ACCGRAPH_ACCGRAPH_H
#define ACCGRAPH_ACCGRAPH_H

#include "accgraph/chains.h"
#include "accgraph/date.h"
#include "accgraph/diag.h"
#include "accgraph/diff.h"
#include "accgraph/export.h"
#include "accgraph/graph.h"
#include "accgraph/import.h"
#include "accgraph/load.h"
#include "accgraph/metrics.h"
#include "accgraph/model.h"
#include "accgraph/output.h"
#include "accgraph/render.h"
#include "accgraph/report.h"
#include "accgraph/select.h"
#include "accgraph/structure.h"
#include "accgraph/table.h"

#define ACG_VERSION_MAJOR 0
#define ACG_VERSION_MINOR 1
#define ACG_VERSION_PATCH 0
#define ACG_VERSION_STRING "0.1.0"

/*
 * Prepares the libraries accgraph stands on.  It replaces igraph's error
 * handler, which by default aborts the process, with one that unwinds
 * igraph's cleanup stack and returns, so an igraph error comes back to accgraph
 * as an error code; and it silences igraph's warnings, which would otherwise be
 * printed.  It wraps jansson's allocation function (the program's own, if it
 * set one with json_set_alloc_funcs() before) so that the loader can tell a
 * failed allocation from a syntax error.  Call it once, before other
 * accgraph calls, from the main thread.  It changes igraph's and jansson's
 * process-wide handlers; a program that installs its own afterwards takes
 * over that responsibility (the loader then cannot tell jansson's allocation
 * failures from syntax errors).
 */
void acg_init(void);

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *acg_version(void);

#endif /* ACCGRAPH_ACCGRAPH_H */
