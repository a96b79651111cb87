# tests/fuzz/fuzz.mk - libFuzzer targets; included by the top Makefile.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="load import render"]
#
# Builds the library again with clang, ASan, UBSan and libFuzzer's coverage
# (fuzzer-no-link) into $(FUZZ_BUILD), links tests/fuzz/fuzz_*.c against it,
# and runs each target for FUZZ_SECONDS on a working corpus in $(FUZZ_BUILD)
# that starts from the seeds (tests/fuzz/run.sh says which).  Nothing is
# written into the repository.  Fails, naming the input saved, when a target
# finds a crash, a leak, a hang or a sanitizer report.
#
# Uses the top Makefile's LIB_SRC, ALL_CPPFLAGS (pkg-config flags included),
# WARNINGS, LIBS and FORCE.

FUZZ_BUILD ?= build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= load import render

FUZZ_SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 $(WARNINGS) -O1 -g $(FUZZ_SANFLAGS)
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_LIBRARY = $(FUZZ_BUILD)/libaccgraph.a
FUZZ_ALL = load import render
FUZZ_BIN = $(FUZZ_ALL:%=$(FUZZ_BUILD)/fuzz_%)

.PHONY: fuzz fuzz-build

fuzz: fuzz-build
	@status=0; \
	for t in $(FUZZ_TARGETS); do \
		FUZZ_CC=$(FUZZ_CC) sh tests/fuzz/run.sh $(FUZZ_BUILD) $$t $(FUZZ_SECONDS) || status=1; \
	done; \
	exit $$status

fuzz-build: $(FUZZ_BIN)

FUZZ_FLAGS_STAMP = $(FUZZ_BUILD)/.flags
FUZZ_FLAGS_NOW = $(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) $(LIBS)
$(FUZZ_FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(FUZZ_FLAGS_NOW)' | cmp -s - $@ || echo '$(FUZZ_FLAGS_NOW)' > $@

$(FUZZ_BUILD)/%.o: %.c $(FUZZ_FLAGS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_LIBRARY): $(FUZZ_LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIBRARY) $(FUZZ_FLAGS_STAMP)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -Isrc $(FUZZ_CFLAGS) -fsanitize=fuzzer -MMD -MP -MF $@.d \
		-o $@ $< $(FUZZ_LIBRARY) $(LIBS)

-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)
