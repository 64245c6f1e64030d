# import.mk - checkpoint readers and `sltref import` (docs/import.md).
#
#   make bench-import          import speed on a BitNet-2B-sized tensor (in memory)
#   make fuzz-gguf             libFuzzer on the GGUF reader      (FUZZ_RUNS, default 10^6)
#   make fuzz-safetensors      libFuzzer on the safetensors reader
#   make fuzz                  both
#   make import-crosscheck     optional: tools/import_crosscheck.py against gguf-py and
#                              safetensors (Python packages; scripts/deps.sh py)
# The fuzzers need clang and its libFuzzer runtime (scripts/deps.sh fuzz); they are
# not part of `make test` (t-unit-import runs the readers' unit tests, including
# 3000 random corruptions under ASan/UBSan).

BENCH_STEPS += bench-import

$(B)/opt/bin/sltimportbench: $(B)/opt/obj/ref/bench/sltimportbench.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

.PHONY: bench-import
bench-import: $(B)/bin/sltimportbench ## import speed: decode + pack of a 6912x2560 tensor per source encoding
	@echo "==== bench-import: $(B)/bin/sltimportbench ===="
	$(B)/bin/sltimportbench

# ---- fuzzing (clang libFuzzer + ASan + UBSan) -------------------------------------------
FUZZ_CC    ?= $(firstword $(shell command -v clang clang-16 clang-15 clang-14 2>/dev/null))
FUZZ_RUNS  ?= 1000000
FUZZ_MAXLEN ?= 4096
FUZZ_FLAGS := $(CSTD) -Iref -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_LIB   := ref/slt_err.c ref/slt_tensorfile.c ref/slt_gguf.c ref/slt_safetensors.c ref/slt_ternary.c ref/slt_f16.c
FUZZ_B     := $(B)/fuzz

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_LIB) $(wildcard ref/slt_t*.h ref/slt_f16.h ref/slt_err.h)
	@test -n "$(FUZZ_CC)" || { echo "fuzz: no clang (run scripts/deps.sh fuzz)"; exit 2; }
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $< $(FUZZ_LIB) -o $@

$(B)/opt/bin/fuzz_seeds: $(B)/opt/obj/tests/fuzz/fuzz_seeds.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

$(FUZZ_B)/seeds.done: $(B)/opt/bin/fuzz_seeds
	@mkdir -p $(FUZZ_B)/seeds-gguf $(FUZZ_B)/seeds-safetensors $(FUZZ_B)/corpus-gguf $(FUZZ_B)/corpus-safetensors
	$< $(FUZZ_B)/seeds-gguf $(FUZZ_B)/seeds-safetensors && touch $@

# The run's last lines (executions, crashes) are kept in build/fuzz/<target>.log.
.PHONY: fuzz fuzz-gguf fuzz-safetensors fuzz-deps
fuzz-deps:
	@scripts/deps.sh fuzz

fuzz-gguf fuzz-safetensors: fuzz-%: fuzz-deps $(FUZZ_B)/seeds.done ## libFuzzer, FUZZ_RUNS executions (default 10^6)
	@$(MAKE) --no-print-directory $(FUZZ_B)/fuzz_$*
	@echo "==== fuzz-$*: $(FUZZ_RUNS) runs, seed $(SEED) ===="
	$(FUZZ_B)/fuzz_$* -runs=$(FUZZ_RUNS) -seed=$(SEED) -max_len=$(FUZZ_MAXLEN) -print_final_stats=1 -artifact_prefix=$(FUZZ_B)/ \
	  $(FUZZ_B)/corpus-$* $(FUZZ_B)/seeds-$* 2>&1 | tee $(FUZZ_B)/fuzz-$*.log | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==|SUMMARY)' ; \
	  test $${PIPESTATUS[0]} -eq 0

fuzz: fuzz-gguf fuzz-safetensors ## both fuzzers

# ---- optional cross-check against gguf-py and safetensors (Python, not in make test) -------
.PHONY: import-crosscheck
import-crosscheck: $(B)/bin/sltref ## cross-check sltref import against gguf-py / safetensors (scripts/deps.sh py)
	@scripts/deps.sh py
	$$(scripts/deps.sh --print-venv)/bin/python tools/import_crosscheck.py $(B)/bin/sltref $(B)/crosscheck $(SEED)
