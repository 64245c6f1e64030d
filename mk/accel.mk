# accel.mk - the integration wrapper slt_accel (gen/emit_wrapper.c, docs/top.md
# "Integration wrapper"): conventional AXI port names around the hashed top.
#
#   make lint-accel                       Verilator/Icarus/Yosys lint of slt_accel (tiny, random)
#   make sim-accel-icarus CFG=tiny SEED=1 Icarus replay of the top-level vectors through slt_accel
#
# The Icarus test is tb/top/slt_top_icarus_tb.v compiled with -DSLT_TB_ACCEL: the
# same vectors (tb/top/top_vecgen.c), random back-pressure and bit-exact checks as
# t-top-icarus, driven through the wrapper's ports.

ACCEL_LINT_CONFIGS = tiny rnd$(SEED)_0

$(B)/%/topvec/tb_accel.vvp: tb/top/slt_top_icarus_tb.v tb/top/slt_top_chk.v tb/top/slt_axi_check.v $(B)/%/params.mk
	@mkdir -p $(@D)
	iverilog -g2005 -Wall -I$(B)/$* -I$(B)/$*/top -DSLT_TB_ACCEL -s slt_top_icarus_tb -o $@ $(TOP_TB_IV) $(TOP_CHK_V) $(B)/$*/rtl/*.v $(B)/$*/top/*.v

.PHONY: lint-accel sim-accel-icarus t-accel-lint t-accel-icarus
lint-accel: $(foreach c,$(ACCEL_LINT_CONFIGS),$(B)/$(c)/params.mk) ## lint the wrapper slt_accel (tiny, random)
	scripts/lint_accel.sh $(foreach c,$(ACCEL_LINT_CONFIGS),$(B)/$(c))

sim-accel-icarus: $(B)/$(CFG_NAME)/topvec/tb_accel.vvp $(B)/$(CFG_NAME)/topvec/top_vecgen ## Icarus replay through slt_accel for CFG
	SLT_TB_VVP=tb_accel.vvp scripts/top_icarus.sh $(SEED) $(B)/$(CFG_NAME)

TEST_STEPS += t-accel-lint t-accel-icarus
t-accel-lint: lint-accel
t-accel-icarus: $(B)/tiny/topvec/tb_accel.vvp $(B)/tiny/topvec/top_vecgen
	SLT_TB_VVP=tb_accel.vvp scripts/top_icarus.sh $(SEED) $(B)/tiny

# ---- optional: cocotb + cocotbext-axi through the wrapper (Python tooling, not in make test) ----
# tests/cocotb/test_slt_accel.py finds the buses with from_prefix() and replays the same
# top_vecgen vectors; `scripts/deps.sh cocotb` installs cocotb and cocotbext-axi.
.PHONY: cocotb-accel
cocotb-accel: $(B)/$(CFG_NAME)/params.mk $(B)/$(CFG_NAME)/topvec/top_vecgen ## optional: cocotb + cocotbext-axi test of slt_accel (CFG=, SEED=)
	@scripts/deps.sh cocotb
	$(B)/$(CFG_NAME)/topvec/top_vecgen --config $(B)/$(CFG_NAME)/config.cfg --seed $(SEED) --out $(B)/$(CFG_NAME)/topvec/vec-cocotb
	$$(scripts/deps.sh --print-venv)/bin/python tests/cocotb/run.py $(B)/$(CFG_NAME) $(B)/$(CFG_NAME)/topvec/vec-cocotb $(SEED)
