# rtl.mk - the generated processing array: generation, lint with three front
# ends, Verilator co-simulation against the golden model, Icarus replay of
# vector files (docs/array.md). Per configuration everything lives in
# build/<cfg>/: rtl/ + headers (sltgen), vl/ (verilated model), vec/ (vector
# files), icarus/ (compiled testbench).
#
#   make gen  CFG=tiny        generate build/<cfg>/
#   make lint                 lint every configs/*.cfg and a random sweep (SEED)
#   make sim  CFG=tiny        Verilator co-simulation (TRACE=1 writes build/<cfg>/trace.vcd)
#   make sim-icarus CFG=tiny  Icarus replay of vector files

SLTGEN := $(B)/bin/sltgen
RTL_CONFIGS := $(basename $(notdir $(wildcard configs/*.cfg)))
# Random configurations: rnd<SEED>_<i>, drawn by tb/slt_randcfg.c; the first
# RTL_SIM_N are co-simulated, the first RTL_LINT_N linted.
RTL_SIM_N  ?= 8
RTL_LINT_N ?= 12
rnd_names = $(foreach i,$(shell seq 0 $$(($(1) - 1))),rnd$(SEED)_$(i))
RTL_SIM_RANDOM  = $(call rnd_names,$(RTL_SIM_N))
RTL_LINT_RANDOM = $(call rnd_names,$(RTL_LINT_N))

# ---- helper programs (release flavour, link libsltref) -----------------------
$(B)/opt/bin/slt_randcfg: $(B)/opt/bin/%: $(B)/opt/obj/tb/%.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

# ---- generation ------------------------------------------------------------------
# A configuration name is configs/<name>.cfg, CFG given as a path, or a random
# one in build/rndcfg/.
cfg_src = $(or $(wildcard configs/$(1).cfg),$(if $(filter $(1),$(CFG_NAME)),$(CFG_FILE)),$(B)/rndcfg/$(1).cfg)

# Rewritten only when its text changes: a rebuilt slt_randcfg (every libsltref change)
# reruns this, but only a changed draw rebuilds what depends on the configuration.
$(B)/rndcfg/rnd%.cfg: $(B)/opt/bin/slt_randcfg
	@mkdir -p $(@D)
	@$(B)/opt/bin/slt_randcfg $(subst _, ,$*) > $@.tmp && { cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@; }

$(B)/%/params.mk: $$(call cfg_src,$$*) $(SLTGEN) $(wildcard rtl/*.v rtl/*.vh)
	$(SLTGEN) --config $(call cfg_src,$*) --out $(B)/$* --quiet

.PHONY: gen
gen: $(B)/$(CFG_NAME)/params.mk ## generate RTL + headers for CFG into build/<cfg>/

# ---- lint: Verilator -Wall, Icarus -g2005 -Wall, Yosys synth + check -assert ----
.PHONY: lint
lint: $(foreach c,$(RTL_CONFIGS) $(RTL_LINT_RANDOM),$(B)/$(c)/params.mk) ## lint every config and a random sweep
	@echo "==== lint: configs/*.cfg and $(RTL_LINT_N) random configurations (SEED=$(SEED)) ===="
	scripts/lint_rtl.sh $(foreach c,$(RTL_CONFIGS) $(RTL_LINT_RANDOM),$(B)/$(c))
	@echo "lint: rtl/ primitives over several parameter values"
	@for d in 1 2 5; do \
	  verilator --lint-only -Wall -GDepth=$$d rtl/slt_valid_pipe.v || exit 1; \
	  iverilog -g2005 -Wall -Pslt_valid_pipe.Depth=$$d -o /dev/null rtl/slt_valid_pipe.v || exit 1; \
	done; echo "lint ok   rtl/slt_valid_pipe.v (Depth 1, 2, 5)"

# ---- Verilator co-simulation ---------------------------------------------------------
# One model per configuration (build/<cfg>/vl/Vslt_tb), shared by every seed.
# Build time dominates (the simulations take well under a second), so the C++
# is compiled at -O0 and the Verilator runtime (verilated*.o, identical for all
# configurations) is compiled once into build/vl-runtime/ and copied in.
TB_VL_TOP := tb/slt_tb_top.v
TB_VL_CPP := $(addprefix $(CURDIR)/tb/,tb_main.cpp tb_units.cpp tb_gemm.cpp)
TB_VL_DEPS := $(TB_VL_TOP) $(wildcard tb/tb_*.cpp tb/tb_*.h) $(B)/opt/lib/libsltref.a
VL_RUNTIME := $(B)/vl-runtime
VL_RUNTIME_OBJS := verilated.o verilated_threads.o verilated_vcd_c.o
# verilator: C++ output, linted like the RTL, tracing compiled in (+trace at run time)
VL_FLAGS := --cc -Wall --trace
VL_FLAGS += -O3 --x-assign fast
# C++: the harness needs ref/ and tb/; slt_params.h comes from the config folder
VL_CFLAGS := -std=c++17 -I$(CURDIR)/ref -I$(CURDIR)/tb
# make inside the model folder: fast compile, parallel units, 2 cores
VL_MAKE := OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O1 VM_PARALLEL_BUILDS=1 -j 2

$(VL_RUNTIME)/.built:
	@mkdir -p $(@D)
	printf 'module vl_runtime (\n  input wire clk_i\n);\nendmodule\n' > $(@D)/vl_runtime.v
	verilator --cc --trace -Mdir $(@D) -CFLAGS "$(VL_CFLAGS)" $(@D)/vl_runtime.v
	$(MAKE) -s -C $(@D) -f Vvl_runtime.mk $(VL_MAKE) $(VL_RUNTIME_OBJS)
	touch $@

$(B)/%/vl/Vslt_tb: $(B)/%/params.mk $(TB_VL_DEPS) $(VL_RUNTIME)/.built
	@echo "==== verilate $* ===="
	verilator $(VL_FLAGS) --exe --top-module slt_tb_top -Mdir $(@D) -I$(B)/$* \
	  -CFLAGS "$(VL_CFLAGS) -I$(CURDIR)/$(B)/$*" -LDFLAGS "$(CURDIR)/$(B)/opt/lib/libsltref.a -lm" \
	  -o Vslt_tb $(TB_VL_TOP) $(B)/$*/rtl/*.v $(TB_VL_CPP)
	cp $(addprefix $(VL_RUNTIME)/,$(VL_RUNTIME_OBJS)) $(@D)/ && touch $(addprefix $(@D)/,$(VL_RUNTIME_OBJS))
	$(MAKE) -s -C $(@D) -f Vslt_tb_top.mk $(VL_MAKE) Vslt_tb > $(B)/$*/vl-build.log 2>&1 \
	  || { cat $(B)/$*/vl-build.log; exit 1; }

# $(call run_vl,cfg,extra plusargs)
run_vl = $(B)/$(1)/vl/Vslt_tb +cfg=$(B)/$(1)/config.cfg +seed=$(SEED) $(2)

.PHONY: sim
sim: $(B)/$(CFG_NAME)/vl/Vslt_tb ## Verilator co-simulation of CFG (TRACE=1: build/<cfg>/trace.vcd)
	$(call run_vl,$(CFG_NAME),$(if $(TRACE),+trace=$(B)/$(CFG_NAME)/trace.vcd))

TEST_STEPS += t-array-tiny t-array-slim t-array-random t-array-icarus t-lint

.PHONY: t-array-tiny t-array-slim t-array-random t-array-icarus t-lint
t-array-tiny: $(B)/tiny/vl/Vslt_tb
	$(call run_vl,tiny,+random=40 +lane_rows=2000)

# slim at reduced shapes: the widest-K case still runs its full max_k
t-array-slim: $(B)/slim/vl/Vslt_tb
	$(call run_vl,slim,+random=24 +lane_rows=1000)

t-array-random: $(foreach c,$(RTL_SIM_RANDOM),$(B)/$(c)/vl/Vslt_tb)
	@for c in $(RTL_SIM_RANDOM); do \
	  echo "==== $$c: $$(grep -v '^#' $(B)/$$c/config.cfg | tr '\n' ' ')"; \
	  $(B)/$$c/vl/Vslt_tb +cfg=$(B)/$$c/config.cfg +seed=$(SEED) +random=16 || exit 1; \
	done; echo "random sweep: all $(RTL_SIM_N) configurations of SEED=$(SEED) passed"

t-lint: lint

# ---- Icarus: replay vector files, 4-state (no X on outputs after reset) -------------
TB_IV := tb/slt_array_tb.v
RTL_ICARUS_CONFIGS = tiny slim rnd$(SEED)_1 rnd$(SEED)_6

$(B)/%/icarus/tb.vvp: $(B)/%/params.mk $(TB_IV)
	@mkdir -p $(@D)
	iverilog -g2005 -Wall -I$(B)/$* -s slt_array_tb -o $@ $(TB_IV) $(B)/$*/rtl/*.v

# Vector files are written every run (they depend on SEED) by scripts/rtl_icarus.sh.
.PHONY: sim-icarus
sim-icarus: $(B)/$(CFG_NAME)/icarus/tb.vvp $(B)/bin/sltref ## Icarus replay of vector files for CFG
	scripts/rtl_icarus.sh $(SEED) $(B)/$(CFG_NAME)

t-array-icarus: $(foreach c,$(RTL_ICARUS_CONFIGS),$(B)/$(c)/icarus/tb.vvp) $(B)/bin/sltref
	scripts/rtl_icarus.sh $(SEED) $(foreach c,$(RTL_ICARUS_CONFIGS),$(B)/$(c))
