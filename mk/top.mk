# top.mk - the accelerator top (docs/top.md): AXI4-Lite registers, AXI4-Stream
# in/out, SRAM buffers and controllers around the array, co-simulated through its
# AXI ports only against the golden model.
#
#   make sim-top CFG=tiny SEED=1 [TRACE=1]   Verilator: random GEMV/GEMM + error cases
#   make bench-top                            slim GEMV 3200x8640 t5 on the RTL (ratio to the link)
#   make lint-top                             verilator/iverilog/yosys on the top (tiny, slim, random)
#   make sim-top-icarus CFG=tiny SEED=1       Icarus replay of vector files (tb/top/top_vecgen.c)
#
# Per configuration: build/<cfg>/top/ (sltgen output) and build/<cfg>/vtop/Vtop.

TOP_TB_CPP := $(CURDIR)/tb/top/tb_top.cpp
TOP_TB_H := tb/top/tb_axi_host.h
# both testbenches simulate the top inside slt_top_chk: AXI protocol checkers on every channel
TOP_CHK_V := tb/top/slt_top_chk.v tb/top/slt_axi_check.v
TOP_VL_FLAGS := --cc -Wall --trace -O3 --x-assign fast --x-initial fast -Wno-fatal

# the generated files of the top: the array's rtl/ plus top/
top_files = $(wildcard $(B)/$(1)/rtl/*.v) $(wildcard $(B)/$(1)/top/*.v)

# the rtl/ primitives sltgen copies into top/ (refreshed here when they change):
# rtl/top_prims.list, the list gen/emit_top.c reads too
TOP_PRIMS := $(foreach p,$(shell sed -e 's/\#.*//' rtl/top_prims.list),rtl/$(p)$(if $(filter %.vh,$(p)),,.v))

$(B)/%/vtop/Vtop: $(B)/%/params.mk $(TOP_TB_CPP) $(TOP_TB_H) $(TOP_CHK_V) $(TOP_PRIMS) $(B)/opt/lib/libsltref.a $(VL_RUNTIME)/.built
	@echo "==== verilate top $* ===="
	cp $(TOP_PRIMS) $(B)/$*/top/
	@rm -rf $(@D) && mkdir -p $(@D)
	verilator $(TOP_VL_FLAGS) --exe --prefix Vtop \
	  --top-module slt_top_chk -DSLT_TOP_MODULE=$$(sed -n 's/^SLT_TOP := //p' $(B)/$*/params.mk) -I$(B)/$* -Mdir $(@D) \
	  -CFLAGS "$(VL_CFLAGS) -I$(CURDIR)/$(B)/$*/top -I$(CURDIR)/$(B)/$*" -I$(B)/$*/top \
	  -LDFLAGS "$(CURDIR)/$(B)/opt/lib/libsltref.a -lm" \
	  -o Vtop $(B)/$*/rtl/*.v $(B)/$*/top/*.v $(TOP_CHK_V) $(TOP_TB_CPP) > $(B)/$*/vtop-build.log 2>&1 \
	  || { cat $(B)/$*/vtop-build.log; exit 1; }
	cp $(addprefix $(VL_RUNTIME)/,$(VL_RUNTIME_OBJS)) $(@D)/ && touch $(addprefix $(@D)/,$(VL_RUNTIME_OBJS))
	$(MAKE) -s -C $(@D) -f Vtop.mk $(VL_MAKE) Vtop >> $(B)/$*/vtop-build.log 2>&1 \
	  || { tail -40 $(B)/$*/vtop-build.log; exit 1; }

run_top = $(B)/$(1)/vtop/Vtop +cfg=$(B)/$(1)/config.cfg +seed=$(SEED) $(2)

.PHONY: sim-top
sim-top: $(B)/$(CFG_NAME)/vtop/Vtop ## top-level co-simulation through the AXI ports (CFG=, SEED=, TRACE=1)
	$(call run_top,$(CFG_NAME),+errors $(if $(TRACE),+trace=$(B)/$(CFG_NAME)/top.vcd))

# ---- test steps ---------------------------------------------------------------------------
# tiny and slim (reduced shapes: K <= 300, M <= 40; tiny also its full max_k) and the
# first TOP_SIM_N random configurations of tb/slt_randcfg.c; every run includes the
# error cases (illegal descriptors, invalid codes, short/long streams, then a valid command).
TOP_SIM_N ?= 4
TOP_SIM_RANDOM = $(call rnd_names,$(TOP_SIM_N))
TOP_ARGS ?= +errors

TEST_STEPS += t-top-tiny t-top-slim t-top-random
.PHONY: t-top-tiny t-top-slim t-top-random
t-top-tiny: $(B)/tiny/vtop/Vtop
	$(call run_top,tiny,$(TOP_ARGS) +cases=40)

t-top-slim: $(B)/slim/vtop/Vtop
	$(call run_top,slim,$(TOP_ARGS) +cases=12 +maxk=300 +maxm=40)

t-top-random: $(foreach c,$(TOP_SIM_RANDOM),$(B)/$(c)/vtop/Vtop)
	@for c in $(TOP_SIM_RANDOM); do \
	  echo "==== $$c: $$(grep -v '^#' $(B)/$$c/config.cfg | tr '\n' ' ')"; \
	  $(B)/$$c/vtop/Vtop +cfg=$(B)/$$c/config.cfg +seed=$(SEED) $(TOP_ARGS) +cases=8 +maxk=300 +maxm=40 || exit 1; \
	done

# ---- benchmark: slim GEMV 3200x8640 (BitNet-3B up-projection) with t5 weights on the link ----
# cycles = PERF_CYCLES_BUSY of the GEMV command (GO to DONE), no back-pressure;
# ideal = weight bytes (packed + mode bits) / (bus_bits/8).
BENCH_STEPS += bench-top
.PHONY: bench-top
bench-top: $(B)/slim/vtop/Vtop ## RTL GEMV 3200x8640 t5 on slim: cycles vs the link-bound ideal
	@echo "==== bench-top: slim GEMV K=3200 M=8640, t5 weights streamed (Verilator) ===="
	$(B)/slim/vtop/Vtop +cfg=$(B)/slim/config.cfg +seed=$(SEED) +bench=3200x8640

# ---- lint of the top: Verilator -Wall, Icarus -g2005 -Wall, Yosys synth + check -assert ----
# (scripts/lint_top.sh; the buffers are rtl/slt_sram_macro.v black boxes for Yosys)
TOP_LINT_N ?= 2
TOP_LINT_RANDOM = $(call rnd_names,$(TOP_LINT_N))
TEST_STEPS += t-top-lint
.PHONY: lint-top t-top-lint
lint-top: $(foreach c,tiny slim $(TOP_LINT_RANDOM),$(B)/$(c)/params.mk) ## lint the accelerator top (tiny, slim, random)
	scripts/lint_top.sh $(foreach c,tiny slim $(TOP_LINT_RANDOM),$(B)/$(c))
t-top-lint: lint-top

# ---- Icarus: the top through its ports from vector files (tb/top/top_vecgen.c) -------------
TOP_ICARUS_CONFIGS = tiny rnd$(SEED)_1
TOP_TB_IV := tb/top/slt_top_icarus_tb.v

$(B)/%/topvec/top_vecgen: tb/top/top_vecgen.c $(B)/%/params.mk $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) -I$(B)/$*/top -O1 $< $(B)/opt/lib/libsltref.a $(LDLIBS) -o $@

$(B)/%/topvec/tb.vvp: $(TOP_TB_IV) $(TOP_CHK_V) $(B)/%/params.mk
	@mkdir -p $(@D)
	iverilog -g2005 -Wall -I$(B)/$* -I$(B)/$*/top -DSLT_TOP_MODULE=$$(sed -n 's/^SLT_TOP := //p' $(B)/$*/params.mk) \
	  -s slt_top_icarus_tb -o $@ $(TOP_TB_IV) $(TOP_CHK_V) $(B)/$*/rtl/*.v $(B)/$*/top/*.v

.PHONY: sim-top-icarus t-top-icarus
sim-top-icarus: $(B)/$(CFG_NAME)/topvec/tb.vvp $(B)/$(CFG_NAME)/topvec/top_vecgen ## Icarus replay of top-level vectors for CFG
	scripts/top_icarus.sh $(SEED) $(B)/$(CFG_NAME)

TEST_STEPS += t-top-icarus
t-top-icarus: $(foreach c,$(TOP_ICARUS_CONFIGS),$(B)/$(c)/topvec/tb.vvp $(B)/$(c)/topvec/top_vecgen)
	scripts/top_icarus.sh $(SEED) $(foreach c,$(TOP_ICARUS_CONFIGS),$(B)/$(c))
