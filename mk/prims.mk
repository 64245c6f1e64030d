# prims.mk - hand-written primitives (rtl/) and the register map (gen/regs.c).
#
#   t-prims-lint   every primitive over several parameter sets through verilator
#                  --lint-only -Wall, iverilog -g2005 -Wall and yosys synth/check;
#                  illegal parameters must stop all three (tb/prims/lint.sh)
#   t-prims-sim    Icarus testbenches: FIFO and skid buffer with random back-pressure,
#                  SRAM against a model, weight decoders over all 256 bytes, the
#                  performance counters gated and ungated, the stream unpacker (tb/prims/sim.sh)
#   t-prims-vsim   the FIFO and skid testbenches again under Verilator (2-state, --timing)
#   t-prims-ice40  slt_sram maps to SB_RAM40_4K block RAM in synth_ice40 (tb/prims/ice40.sh)
#   t-prims-axil   the emitted AXI4-Lite register slave under a Verilator testbench,
#                  for the tiny and slim configurations (tb/prims/axil.sh)
#   regs-doc       regenerate docs/regs.md (slim); tests/test_regs.c checks it is current
# The unit tests tests/test_regs.c and tests/test_sram_model.c run as t-unit-regs and
# t-unit-sram_model through the generic rule of the top Makefile.

PRIMS_B := $(B)/prims

TEST_STEPS += t-prims-lint t-prims-sim t-prims-vsim t-prims-ice40 t-prims-axil

.PHONY: t-prims-lint t-prims-sim t-prims-vsim t-prims-ice40 t-prims-axil regs-doc

t-prims-lint:
	@echo "==== prims: lint rtl/ primitives (verilator, iverilog, yosys) ===="
	tb/prims/lint.sh $(PRIMS_B)

t-prims-sim: $(B)/tiny/params.mk
	@echo "==== prims: Icarus testbenches, SEED=$(SEED) ===="
	tb/prims/sim.sh $(PRIMS_B) $(SEED)

t-prims-vsim:
	@echo "==== prims: Verilator runs of the back-pressure testbenches, SEED=$(SEED) ===="
	tb/prims/sim.sh $(PRIMS_B) $(SEED) verilator

t-prims-ice40:
	@echo "==== prims: slt_sram -> iCE40 block RAM ===="
	tb/prims/ice40.sh $(PRIMS_B)

t-prims-axil:
	@echo "==== prims: AXI4-Lite register slave (Verilator), SEED=$(SEED) ===="
	tb/prims/axil.sh $(PRIMS_B) $(SEED) configs/tiny.cfg configs/slim.cfg

# Stand-alone emitter driver (only gen/regs.c and libsltref for the config: no sltgen needed).
$(PRIMS_B)/emit_regs: tb/prims/emit_regs.c gen/regs.c gen/regs.h $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) -O1 -g tb/prims/emit_regs.c gen/regs.c $(B)/opt/lib/libsltref.a $(LDLIBS) -o $@

regs-doc: $(PRIMS_B)/emit_regs ## regenerate docs/regs.md from gen/regs.c (slim configuration)
	$(PRIMS_B)/emit_regs --config configs/slim.cfg --markdown docs/regs.md
