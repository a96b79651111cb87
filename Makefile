# accgraph - GNU make, no generator.
#
#   make            build/libaccgraph.a and build/accgraph
#   make deps       install the Debian 12 packages that build, tests and run need
#   make run        deps + build + the main job on the default system -> out/
#   make check      deps + build + every test; the last line is "N passed, N failed"
#   make sanitize   the whole suite in an ASan+UBSan build (build-asan/)
#   make valgrind   the whole suite under memcheck, errors fatal
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean

PKG_CONFIG ?= pkg-config
CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build

PKGS = igraph jansson libgvc libcgraph
VERSION := $(shell sed -n 's/^\#define ACG_VERSION_STRING "\(.*\)"/\1/p' include/accgraph/accgraph.h)

# Lazily expanded: `make deps` may install the packages that pkg-config reads.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
SANFLAGS ?=
ALL_CPPFLAGS = -Iinclude -D_XOPEN_SOURCE=700 $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 -pthread $(WARNINGS) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
# libcsv has no pkg-config file.
LIBS = $(PKG_LIBS) -lcsv -lm -pthread

LIB_SRC = $(wildcard src/*.c)
CLI_SRC = $(wildcard src/cli/*.c)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
HEADERS = $(wildcard include/accgraph/*.h)

LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPS = $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d)

LIBRARY = $(BUILD)/libaccgraph.a
PROGRAM = $(BUILD)/accgraph

# Debian 12 packages: build, tests, run.
DEB_PACKAGES = gcc clang make pkg-config libigraph-dev libjansson-dev libgraphviz-dev \
	libcmocka-dev libcsv-dev valgrind time python3-jsonschema python3-networkx python3-igraph \
	fonts-liberation2 libxml2-utils graphviz libclang-rt-14-dev chromium

.PHONY: all deps run figures graphs check test check-headers sanitize valgrind bench install uninstall clean

all: $(LIBRARY) $(PROGRAM)

# The compiler and flags in use; a change rebuilds everything (redis's .make-settings).
FLAGS_STAMP = $(BUILD)/.flags
FLAGS_NOW = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LIBS)
$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(FLAGS_NOW)' | cmp -s - $@ || echo '$(FLAGS_NOW)' > $@

.PHONY: FORCE
FORCE:

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBRARY): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(PROGRAM): $(CLI_OBJ) $(LIBRARY)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBRARY) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBRARY) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Isrc $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -MMD -MP -MF $@.d \
		$(ALL_LDFLAGS) -o $@ $< $(LIBRARY) $(CMOCKA_LIBS) $(LIBS)

-include $(DEPS)

# Fragments kept with their tests: fuzzing (make fuzz) and the allocation-failure sweep.
-include tests/fuzz/fuzz.mk
-include tests/alloc/alloc.mk

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
			|| missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: every package is installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "deps: installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "deps: missing packages:$$missing"; \
		echo "deps: run as root: apt-get install -y$$missing"; exit 1; \
	fi

DEFAULT_SYSTEM = graphs/england-2013.json

run: deps
	$(MAKE) all
	@mkdir -p out
	$(PROGRAM) validate -o out/validate.txt $(DEFAULT_SYSTEM)
	$(PROGRAM) report -o out/report.txt $(DEFAULT_SYSTEM)
	$(PROGRAM) report -o out/report.md $(DEFAULT_SYSTEM)
	$(PROGRAM) report -o out/report.json $(DEFAULT_SYSTEM)
	$(PROGRAM) report -o out/report.html $(DEFAULT_SYSTEM)
	$(PROGRAM) metrics -o out/metrics.csv --columns all $(DEFAULT_SYSTEM)
	$(PROGRAM) chains -o out/chains.txt $(DEFAULT_SYSTEM)
	$(PROGRAM) render -o out/diagram.svg $(DEFAULT_SYSTEM)
	$(PROGRAM) render -o out/diagram.png $(DEFAULT_SYSTEM)
	$(PROGRAM) diff -o out/england-2012-2013.txt $(ENGLAND_DIFF)
	$(PROGRAM) diff -o out/england-2012-2013.md $(ENGLAND_DIFF)
	$(PROGRAM) diff -o out/england-2012-2013.json $(ENGLAND_DIFF)
	$(PROGRAM) render --diff -o out/england-2012-2013.svg $(ENGLAND_DIFF_DRAWING)
	$(PROGRAM) render --diff -o out/england-2012-2013.png $(ENGLAND_DIFF_DRAWING)
	@cat out/validate.txt
	@sed -n '/^== Multiple/,/^$$/p' out/report.txt
	@echo "run: results are in out/: validate.txt, report.txt, report.md, report.json,"
	@echo "     report.html (open it in a browser), metrics.csv, chains.txt,"
	@echo "     diagram.svg, diagram.png (the default system drawn),"
	@echo "     england-2012-2013.txt, .md, .json (the PCT era against the CCG era),"
	@echo "     england-2012-2013.svg, .png (the two eras drawn on one layout)"

# The 2012 -> 2013 comparison as written to out/ and drawn in the README, whose
# figures `make figures` redraws into graphs/figures/: every type the two
# files share (GP practices are in the 2013 file only: no source links them
# to PCTs).
ENGLAND_SHARED_TYPES = parliament,government,national_body,regulator,regional_team,area_team,commissioner,local_authority,health_wellbeing_board,provider,electorate,patient_public
ENGLAND_DIFF = --types $(ENGLAND_SHARED_TYPES) graphs/england-2012.json graphs/england-2013.json
ENGLAND_DIFF_DRAWING = --collapse area_team,regional_team $(ENGLAND_DIFF)

figures: all
	@mkdir -p graphs/figures
	$(PROGRAM) render -o graphs/figures/wirral-2013.svg --collapse gp_practice graphs/wirral-2013.json
	$(PROGRAM) render --diff -o graphs/figures/england-2012-2013.svg $(ENGLAND_DIFF_DRAWING)

# Every system of graphs/ rebuilt from its fact tables (graphs/build.sh);
# `make check` verifies that the committed files are what this makes.
graphs: all
	sh graphs/build.sh $(PROGRAM) graphs

check: deps
	$(MAKE) all
	$(MAKE) test

# Every test of the suite against the programs in $(BUILD); TEST_WRAP runs
# each program under a tool (valgrind).
test: all $(UNIT_BIN) check-headers
	@BUILD=$(BUILD) TEST_WRAP="$(TEST_WRAP)" sh tests/run.sh

# Each public header compiles on its own (git's hdr-check).
check-headers: $(HEADERS:include/%.h=$(BUILD)/hdr-check/%.ok)
$(BUILD)/hdr-check/%.ok: include/%.h
	@mkdir -p $(@D)
	$(CC) -Iinclude -std=c11 $(WARNINGS) -Werror -fsyntax-only -x c $<
	@touch $@

# LSAN_OPTIONS: Graphviz's own leaks (tests/lsan.supp) are not ours to fix.
sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build-asan CC=clang CFLAGS="-O1 -g" \
		SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		test

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp

valgrind: deps
	$(MAKE) BUILD=build-valgrind CFLAGS="-O0 -g" TEST_WRAP="$(VALGRIND)" test

# Speed and memory against plain jansson + igraph (tests/bench/floor.c), on
# synthetic systems of 10^3 to 10^6 organisations; results in
# tests/bench/RESULTS.md.  Not part of `make check`.
bench: all
	@BENCH_OUT=tests/bench/RESULTS.md sh tests/bench/run.sh $(PROGRAM)

install: all
	install -d '$(DESTDIR)$(PREFIX)/bin' '$(DESTDIR)$(PREFIX)/lib/pkgconfig' \
		'$(DESTDIR)$(PREFIX)/include/accgraph' '$(DESTDIR)$(PREFIX)/share/man/man1'
	install -m 755 $(PROGRAM) '$(DESTDIR)$(PREFIX)/bin/accgraph'
	install -m 644 $(LIBRARY) '$(DESTDIR)$(PREFIX)/lib/libaccgraph.a'
	install -m 644 $(HEADERS) '$(DESTDIR)$(PREFIX)/include/accgraph/'
	install -m 644 accgraph.1 '$(DESTDIR)$(PREFIX)/share/man/man1/accgraph.1'
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' accgraph.pc.in \
		> '$(DESTDIR)$(PREFIX)/lib/pkgconfig/accgraph.pc'

uninstall:
	rm -f '$(DESTDIR)$(PREFIX)/bin/accgraph' '$(DESTDIR)$(PREFIX)/lib/libaccgraph.a' \
		'$(DESTDIR)$(PREFIX)/share/man/man1/accgraph.1' \
		'$(DESTDIR)$(PREFIX)/lib/pkgconfig/accgraph.pc'
	rm -rf '$(DESTDIR)$(PREFIX)/include/accgraph'

clean:
	rm -rf build build-asan build-valgrind build-bench build-fuzz out
