# energy.mk - measured energy: gate-level simulation activity of the accelerator
# top on a decode GEMV window (synth/energy.sh, docs/report.md "Measured energy").
#
#   make energy CFG=slim [ENERGY_K=2560 ENERGY_M=64 ...]
#     -> build/flow/<cfg>/energy/energy.kv (and energy.json): pJ per ternary MAC,
#        energy per cycle and per event for every block, SRAM accesses, checks
#   The add/sub array at the same G/U/L is measured in the same run
#   (ENERGY_ADDSUB=0 skips it).

ENERGY_SRC := ref/energy/sltnet.c ref/energy/netlist.c
$(B)/opt/bin/sltnet: $(call objs,opt,$(ENERGY_SRC)) $(B)/opt/obj/gen/sram_model.o
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

$(B)/opt/obj/ref/energy/%.o: ref/energy/%.c ref/energy/netlist.h gen/sram_model.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) -Iref/energy $(OPTFLAGS) -c $< -o $@

ENERGY_K      ?= 2560
ENERGY_M      ?= 64
ENERGY_SIGMA  ?= 37
ENERGY_ZERO   ?= 33
ENERGY_SNAP   ?= 500
ENERGY_ADDSUB ?= 1
# 1: also the top with clock_gating flipped (build/flow/<cfg>/cg_energy/result.kv)
ENERGY_CG     ?= 0
# non-empty: only rewrite energy.kv/energy.json from the per-top results
ENERGY_COMBINE_ONLY ?=
# non-empty: only synthesise the add/sub and clock-gating tops (make run, in the background)
ENERGY_PREP_ONLY ?=

.PHONY: energy
energy: $(B)/bin/sltnet $(B)/bin/sltgen $(B)/bin/sltsram $(B)/opt/lib/libsltref.a ## measured energy: gate-level simulation activity of the top and the add/sub top (CFG=)
	@CFG=$(CFG) CFG_NAME=$(CFG_NAME) B=$(B) PDK_DIR=$(PDK_DIR) SEED=$(SEED) MAKE="$(MAKE)" \
	  ENERGY_K=$(ENERGY_K) ENERGY_M=$(ENERGY_M) ENERGY_SIGMA=$(ENERGY_SIGMA) ENERGY_ZERO=$(ENERGY_ZERO) \
	  ENERGY_SNAP=$(ENERGY_SNAP) ENERGY_ADDSUB=$(ENERGY_ADDSUB) ENERGY_CG=$(ENERGY_CG) ENERGY_COMBINE_ONLY=$(ENERGY_COMBINE_ONLY) ENERGY_PREP_ONLY=$(ENERGY_PREP_ONLY) scripts/energy_run.sh

# ---- test: the instrument's self-checks on tiny (the SLT top only) ---------------------
TEST_STEPS += t-energy-tiny
.PHONY: t-energy-tiny
# (like t-flow-sky130, it prints SKIP - reported as SKIP, never PASS - without a sky130 liberty)
t-energy-tiny:
	@if ! PDK_DIR=$(PDK_DIR) synth/lib_find.sh sky130 >/dev/null 2>&1; then echo "SKIP: no sky130 liberty (synth/lib_find.sh: PDK_ROOT or $(PDK_DIR))"; else \
	  $(MAKE) --no-print-directory energy CFG=tiny ENERGY_ADDSUB=0 ENERGY_CG=1 && \
	  tests/energy/check_energy.sh $(B)/flow/tiny/energy/energy.kv && \
	  tests/energy/check_cg.sh $(B)/flow/tiny/cg_energy/result.kv; fi

# ---- Icarus cross-check of the gate-level model (after make energy) -------------------
.PHONY: energy-icarus
energy-icarus: $(B)/$(CFG_NAME)/topvec/top_vecgen ## Icarus replay of the top vector tests on the energy flow's buffered netlist (CFG=, after make energy)
	synth/energy_icarus.sh $(B)/$(CFG_NAME) $(B)/flow/$(CFG_NAME)/energy/slt $(SEED)

# ---- benchmark: a longer window (M = 4 x the make run window) ---------------------------
BENCH_STEPS += bench-energy
.PHONY: bench-energy
bench-energy: ## measured energy of slim on a 4x longer GEMV window (SLT and add/sub)
	@$(MAKE) --no-print-directory energy CFG=slim ENERGY_M=256 ENERGY_SNAP=2000
