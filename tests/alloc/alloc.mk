# tests/alloc/alloc.mk - the allocation-failure sweep (issue 8), included by
# the top Makefile.
#
#   make alloc-sweep    every allocation of validate, metrics, report, chains,
#                       diff, convert (json, gml) on tests/data/wirral-2013-small.json and
#                       of import on a CSV pair made to fail, once and from
#                       then on (tests/alloc/sweep.sh says what is checked).
#                       Not swept: render (Graphviz keeps thousands of blocks
#                       live on success), convert to GraphML (igraph's writer
#                       aborts on a failed allocation: library-bugs), and the
#                       CSV pair of convert (two outputs; errors-output checks
#                       both-or-neither)
#
#   ALLOC_STRIDE=S      try every S-th allocation only (default 1: all)
#   ALLOC_JOBS=J        runs in parallel (default: the processors)
#   ALLOC_SYSTEM=FILE   the system to load (default tests/data/wirral-2013-small.json)
#
# `make test` runs a shorter sweep on tests/data/small.json through the script
# case tests/cli/alloc-sweep.  The shim is an LD_PRELOAD library: built
# without the sanitizers (SANFLAGS), and of no use with an ASan build or under
# valgrind, which replace malloc themselves.

FAILMALLOC = $(BUILD)/tests/alloc/failmalloc.so
ALLOC_STRIDE ?= 1
ALLOC_JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
ALLOC_SYSTEM ?= tests/data/wirral-2013-small.json

.PHONY: alloc-sweep

$(FAILMALLOC): tests/alloc/failmalloc.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARNINGS) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

# The script case of `make test` needs the shim.
test: $(FAILMALLOC)

alloc-sweep: $(PROGRAM) $(FAILMALLOC)
	sh tests/alloc/sweep.sh -j $(ALLOC_JOBS) -s $(ALLOC_STRIDE) -m both $(PROGRAM) $(FAILMALLOC) \
		validate.txt:$(ALLOC_SYSTEM):validate \
		metrics.csv:$(ALLOC_SYSTEM):metrics \
		report.txt:$(ALLOC_SYSTEM):report \
		report.json:$(ALLOC_SYSTEM):report \
		chains.txt:$(ALLOC_SYSTEM):chains \
		"diff.txt:$(ALLOC_SYSTEM):diff $(ALLOC_SYSTEM)" \
		convert.json:$(ALLOC_SYSTEM):convert \
		convert.gml:$(ALLOC_SYSTEM):convert \
		"import.json:tests/data/import/basic.organisations.csv:import tests/data/import/basic.links.csv"
