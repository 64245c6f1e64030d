# slt-gen: generator + golden model + flows for ternary/binary LUT accelerators.
# `make run` and `make test` are all a newcomer needs; both install missing
# tools first (scripts/deps.sh). `make help` lists the rest.

.DEFAULT_GOAL := help
SHELL := /bin/bash

# Configuration: a name in configs/ or a path to a .cfg file.
CFG  ?= slim
# Seed for every random test; printed on failure so it can be replayed.
SEED ?= 1
B    := build
.SECONDEXPANSION:

# A CFG given as a name means configs/<name>.cfg.
CFG_FILE = $(if $(findstring /,$(CFG)),$(CFG),configs/$(strip $(CFG)).cfg)
CFG_NAME = $(basename $(notdir $(strip $(CFG))))

# ---- C toolchain -----------------------------------------------------------
CC ?= cc
# C11 plus POSIX (open_memstream, mkstemp, rename) and nothing else.
CSTD     := -std=c11 -D_POSIX_C_SOURCE=200809L
# Warnings are errors: the golden model is the contract.
CWARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CINC     := -Iref -Igen
# Release flavour (make run, make bench): optimised.
OPTFLAGS := -O3 -march=x86-64-v2 -g
# Test flavour: every unit test and CLI test runs under ASan + UBSan.
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# gen/sram_model.c is in the golden model's library: the buffers' read latency (slt_bufgeom.c) comes from it
REF_SRC := $(wildcard ref/*.c) gen/sram_model.c
GEN_SRC := $(filter-out gen/sltgen.c gen/sram_model.c,$(wildcard gen/*.c))
CMOCKA_LIBS := -lcmocka
LDLIBS := -lm

# $(call objs,flavour,sources)
objs = $(patsubst %.c,$(B)/$(1)/obj/%.o,$(2))

$(B)/opt/obj/%.o: %.c $(wildcard ref/*.h gen/*.h)
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) $(OPTFLAGS) -c $< -o $@

$(B)/san/obj/%.o: %.c $(wildcard ref/*.h gen/*.h)
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) $(SANFLAGS) -c $< -o $@

$(B)/%/lib/libsltref.a: $$(call objs,$$*,$(REF_SRC))
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(B)/%/lib/libsltgen.a: $$(call objs,$$*,$(GEN_SRC))
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

FLAVFLAGS_opt := $(OPTFLAGS)
FLAVFLAGS_san := $(SANFLAGS)

$(B)/%/bin/sltref: $(B)/%/obj/ref/cli/sltref.o $(B)/%/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(FLAVFLAGS_$*) $^ $(LDLIBS) -o $@

$(B)/%/bin/sltgen: $(B)/%/obj/gen/sltgen.o $(B)/%/lib/libsltgen.a $(B)/%/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(FLAVFLAGS_$*) $^ $(LDLIBS) -o $@

.SECONDARY:

# Programs users run live in build/bin (release flavour).
PROGRAMS := sltref $(if $(wildcard gen/sltgen.c),sltgen)
$(B)/bin/%: $(B)/opt/bin/%
	@mkdir -p $(@D)
	cp $< $@

.PHONY: build deps help
build: $(addprefix $(B)/bin/,$(PROGRAMS)) ## build the programs into build/bin/

deps: ## install missing tools (Debian packages) - run by `make run`/`make test`
	@scripts/deps.sh

# ---- unit tests (cmocka): one executable per tests/test_<unit>.c ------------
UNIT_SRC   := $(wildcard tests/test_*.c)
UNIT_NAMES := $(patsubst tests/%.c,%,$(UNIT_SRC))

# Golden-model tests link libsltref only, so a generator change never blocks
# them; tests of generator code (test_gen*, test_regs*, test_sram*) link both.
needs_gen = $(filter test_gen% test_regs% test_sram%,$(1))
$(B)/san/tests/%: $(B)/san/obj/tests/%.o $$(if $$(call needs_gen,$$*),$(B)/san/lib/libsltgen.a) $(B)/san/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) $^ $(CMOCKA_LIBS) $(LDLIBS) -o $@

# Each test step is a phony target t-<name>; scripts/run_tests.sh runs them all
# and prints one PASS/FAIL line each and the closing "N passed, N failed".
TEST_STEPS := $(addprefix t-unit-,$(patsubst test_%,%,$(UNIT_NAMES)))

t-unit-%: $(B)/san/tests/test_% $(B)/san/bin/sltref
	SEED=$(SEED) SLTREF=$(B)/san/bin/sltref SLT_TOP=$(CURDIR) $<

# Fragments add their own steps (TEST_STEPS += t-...) and targets.
include $(sort $(wildcard mk/*.mk))

.PHONY: test test-steps
test: deps ## build everything with sanitizers and run every test
	@$(MAKE) --no-print-directory test-build
	@scripts/run_tests.sh $(TEST_STEPS)

test-build: $(addprefix $(B)/san/tests/,$(UNIT_NAMES)) $(B)/san/bin/sltref build

test-steps: ## list the test steps `make test` runs
	@printf '%s\n' $(TEST_STEPS)

.PHONY: bench
bench: deps build ## print benchmark figures (not tests)
	@$(MAKE) --no-print-directory $(BENCH_STEPS)

.PHONY: clean
clean: ## remove build/
	rm -rf $(B)

help: ## this list
	@echo "usage: make <target> [CFG=slim|tiny|path] [SEED=n]"
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-zA-Z_-]+):.*## /  \1\t/' | expand -t 16
