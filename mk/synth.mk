# synth.mk - synthesis, timing, power, FPGA and area flows (docs/flows.md).
#
#   make synth CFG=tiny [LIB=sky130|asap7|file[:file...]]   Yosys generic (+ liberty)
#   make sta   CFG=tiny LIB=sky130                          OpenSTA timing and power
#   make fpga  CFG=tiny [FPGA_DEVICE=auto|hx8k|up5k|85k] [PART=top]  iCE40/ECP5 LUT/FF/BRAM/DSP, Fmax
#   make area  [AREA_MACS=60] [AREA_UNITS=1|AREA_LANES=L]   SLT vs add/sub transistors
#   make timing-all [TIMING_MHZ=200] [TIMING_CFGS=...]     sky130 top + array timing of every config
#
# Every flow reads the generator's output build/<cfg>/ (made here from
# configs/<cfg>.cfg when missing) and writes build/flow/<cfg>/{synth,sta,fpga}/
# (not inside build/<cfg>/, which sltgen replaces as a whole on every run).
# The clock always comes from build/<cfg>/params.mk (SLT_CLOCK_MHZ, i.e. the
# config's clock_mhz); CLOCK_MHZ=... overrides it for a sweep.

# ---- knobs ---------------------------------------------------------------------------
# Liberty: a short name or one or more paths (.lib or .lib.gz, ':'-separated).
# A short name is found by convention (synth/lib_find.sh): $PDK_ROOT (open_pdks
# sky130A, ORFS asap7 layout), else PDK_DIR (default ../shared/pdk).
PDK_DIR   ?= $(CURDIR)/../shared/pdk
export PDK_DIR
LIB       ?=
LIB_NAMES := sky130 asap7
LIB_FILES  = $(if $(filter $(LIB_NAMES),$(strip $(LIB))),$(or $(shell synth/lib_find.sh $(strip $(LIB))),$(error \
  no $(strip $(LIB)) liberty found: set LIB=<file.lib>, PDK_ROOT (see synth/lib_find.sh) or PDK_DIR)),$(LIB))
# What to synthesise: the array (SLT_TOP_ARRAY) or the accelerator (SLT_TOP);
# TOP=<module> names any module of the generated RTL instead.
PART      ?= array
TOP       ?=
CLOCK_MHZ ?=
# Toggle rates for OpenSTA power: idle (clock only), typical, maximum.
POWER_ACTIVITIES ?= 0 0.1 1
FPGA_DEVICE ?= auto
# ASIC flows: SRAMs become the black box rtl/slt_sram_macro.v; their area
# comes from BLACKBOX (format in synth/stat2kv.awk), when that file exists.
ASIC_DEFINES ?= SLT_SRAM_BLACKBOX
ASIC_EXTRA   ?= $(wildcard rtl/slt_sram_macro.v)
# By default the flow writes that file itself from the SRAM shapes of the
# netlist with SRAM_MODEL (build/bin/sltsram = gen/sram_model.c: sky130 and
# 28 nm modelled, ASAP7 not modelled); BLACKBOX=<file> overrides it.
BLACKBOX     ?=
SRAM_MODEL   ?= $(B)/bin/sltsram
# ... and the SRAM timing (gen/sram_model.c slt_sram_timing_of, sky130 only) as a
# liberty with one cell per shape, read by OpenSTA (synth/sltsramlib.c)
SRAM_TIMING  ?= $(B)/bin/sltsramlib

# ---- derived ---------------------------------------------------------------------------
SYN_DIR    = $(B)/$(CFG_NAME)
SYN_PARAMS = $(SYN_DIR)/params.mk
FLOW_DIR   = $(B)/flow/$(CFG_NAME)
SYN_TOPVAR = $(if $(filter top,$(PART)),SLT_TOP,SLT_TOP_ARRAY)
SYN_FILESVAR = $(if $(filter top,$(PART)),SLT_TOP_FILES,SLT_RTL_FILES)
# PART=top writes build/flow/<cfg>/{synth,sta}-top/ so the array's results stay
SYN_SUFFIX = $(if $(filter top,$(PART)),-top)
# evaluated when a recipe runs, i.e. after params.mk has been generated
syn_top    = $(or $(TOP),$(shell sed -nE 's/^$(SYN_TOPVAR)[[:space:]]*:?=[[:space:]]*//p' $(SYN_PARAMS)))
syn_clock  = $(if $(CLOCK_MHZ),--clock-mhz $(CLOCK_MHZ))
# stop early when params.mk names no such top
syn_check  = @test -n "$(syn_top)" || { echo "no $(SYN_TOPVAR) in $(SYN_PARAMS): give TOP=<module>"; exit 2; }
syn_common = --params $(SYN_PARAMS) --files-var $(SYN_FILESVAR) --top $(syn_top) --name $(CFG_NAME) $(syn_clock) \
             $(addprefix --define ,$(ASIC_DEFINES)) $(addprefix --file ,$(ASIC_EXTRA)) \
             $(if $(BLACKBOX),--blackbox $(BLACKBOX)) --sram-model $(SRAM_MODEL) --sram-timing $(SRAM_TIMING) --libdir $(B)/lib

$(B)/opt/bin/sltsramlib: $(B)/opt/obj/synth/sltsramlib.o $(B)/opt/obj/gen/sram_model.o
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

# ---- generator output ------------------------------------------------------------------
# build/<name>/params.mk (and rtl/, headers) comes from the pattern rule of
# mk/rtl.mk (configs/<name>.cfg or a random configuration). A CFG given as a
# path to a .cfg file is generated here.
ifneq ($(findstring /,$(CFG)),)
$(SYN_PARAMS): $(B)/bin/sltgen $(CFG_FILE)
	@echo "==== sltgen: $(CFG_FILE) -> $(@D) ===="
	$(B)/bin/sltgen --config $(CFG_FILE) --out $(@D) --quiet
endif

# ---- user targets ----------------------------------------------------------------------
.PHONY: synth sta fpga area bench-area
synth: $(SYN_PARAMS) $(SRAM_MODEL) $(SRAM_TIMING) ## Yosys: cells, transistors per module (CFG=, LIB= adds um^2 and a netlist)
	$(syn_check)
	@echo "==== synth: $(CFG_NAME), top $(syn_top)$(if $(LIB), + liberty $(LIB)) ===="
	synth/synth.sh $(syn_common) --out $(FLOW_DIR)/synth$(SYN_SUFFIX) $(if $(LIB),--lib "$(LIB_FILES)")

sta: $(SYN_PARAMS) $(SRAM_MODEL) $(SRAM_TIMING) ## OpenSTA: slack, Fmax, power at POWER_ACTIVITIES (CFG=, LIB= required)
	$(syn_check)
	@test -n "$(LIB)" || { echo "make sta needs LIB=sky130|asap7|<liberty path>"; exit 2; }
	@echo "==== sta: $(CFG_NAME), top $(syn_top), liberty $(LIB) ===="
	synth/synth.sh $(syn_common) --out $(FLOW_DIR)/synth$(SYN_SUFFIX) --lib "$(LIB_FILES)"
	synth/sta.sh --synth $(FLOW_DIR)/synth$(SYN_SUFFIX) --top $(syn_top) --name $(CFG_NAME) --params $(SYN_PARAMS) $(syn_clock) \
	  --lib "$(LIB_FILES)" --libdir $(B)/lib --out $(FLOW_DIR)/sta$(SYN_SUFFIX) --activities "$(POWER_ACTIVITIES)"

# PART=top writes build/flow/<cfg>/fpga-top-<device>/; 85k = ECP5 LFE5U-85F, whose
# tools come from PyPI (scripts/deps.sh ecp5, run here)
FPGA_OUT = $(FLOW_DIR)/fpga$(if $(filter top,$(PART)),-top-$(FPGA_DEVICE))
fpga: $(SYN_PARAMS) ## FPGA (yosys + nextpnr): LUT/FF/BRAM/DSP, Fmax, bitstream (CFG=, PART=top, FPGA_DEVICE=up5k|hx8k|85k)
	$(syn_check)
	$(if $(filter 85k lfe5u-85f,$(FPGA_DEVICE)),@scripts/deps.sh ecp5)
	@echo "==== fpga: $(CFG_NAME), top $(syn_top), device $(FPGA_DEVICE) ===="
	synth/fpga.sh --params $(SYN_PARAMS) --files-var $(SYN_FILESVAR) --top $(syn_top) --name $(CFG_NAME) $(syn_clock) \
	  --device $(FPGA_DEVICE) --out $(FPGA_OUT)

# SLT array vs add/sub baseline at equal MAC/cycle, G = 2..5 (SPEC 9)
AREA_BASE  ?= configs/slim.cfg
AREA_MACS  ?= 60
AREA_UNITS ?= 1
AREA_LANES ?=
area: $(B)/bin/sltgen ## SLT vs add/sub array: transistors per MAC/cycle, G=2..5 (LIB= adds um^2)
	synth/area.sh --sltgen $(B)/bin/sltgen --base $(AREA_BASE) --macs $(AREA_MACS) \
	  $(if $(AREA_LANES),--lanes $(AREA_LANES),--units $(AREA_UNITS)) \
	  --out $(B)/area $(if $(LIB),--lib "$(LIB_FILES)" --libdir $(B)/lib)

BENCH_STEPS += bench-area
bench-area: area

# sky130 timing of every configs/*.cfg at TIMING_MHZ: top (SRAM paths timed by the
# model's liberty) and array, sequentially, then a table (build/timing/timing.{csv,txt}).
# A benchmark (tens of minutes), not a test. TIMING_REUSE=1 only re-prints the table.
TIMING_MHZ   ?= 200
TIMING_CFGS  ?=
TIMING_REUSE ?=
.PHONY: timing-all
timing-all: $(B)/bin/sltgen $(SRAM_MODEL) $(SRAM_TIMING) ## sky130 top + array timing of every config at TIMING_MHZ (200), table
	MAKE="$(MAKE)" B=$(B) synth/timing_all.sh --mhz $(TIMING_MHZ) $(if $(TIMING_CFGS),--cfgs "$(TIMING_CFGS)") $(if $(TIMING_REUSE),--reuse)

# ---- test steps (tests/flow/run.sh): small designs of tests/flow/ and build/tiny -------
# t-flow-sky130 / -asap7 print "SKIP: ..." when PDK_DIR is missing: reported SKIP, not passed.
FLOW_TEST = tests/flow/run.sh
FLOW_ENV  = PDK_DIR=$(PDK_DIR) FLOW_OUT=$(B)/flow-test
TEST_STEPS += t-flow-generic t-flow-sky130 t-flow-asap7 t-flow-fpga t-flow-tiny
.PHONY: t-flow-generic t-flow-sky130 t-flow-asap7 t-flow-fpga t-flow-tiny
t-flow-generic: $(SRAM_MODEL)
t-flow-sky130: $(SRAM_MODEL) $(SRAM_TIMING)
t-flow-generic t-flow-sky130 t-flow-asap7 t-flow-fpga:
	$(FLOW_ENV) SLTSRAM=$(SRAM_MODEL) SLTSRAMLIB=$(SRAM_TIMING) $(FLOW_TEST) $(patsubst t-flow-%,%,$@)

# the generated tiny array through every flow (needs the generator)
t-flow-tiny: $(if $(wildcard gen/sltgen.c),$(B)/tiny/params.mk)
	$(FLOW_ENV) TINY_DIR=$(B)/tiny $(FLOW_TEST) tiny
