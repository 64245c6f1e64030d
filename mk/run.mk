# run.mk - `make run`: the whole flow on one configuration and its report
# (docs/report.md). scripts/run_flow.sh does the work, one progress line per
# stage; build/bin/sltreport (ref/report/sltreport.c) writes the report.
#
#   make run [CFG=slim] [SEED=1] [RUN_AREA=1] [RUN_QUICK=1]
#     -> build/<cfg>/report.md, report.json, area.svg, energy.svg
#        (flow outputs in build/flow/<cfg>/, copied at the end because sltgen
#        replaces build/<cfg>/ as a whole)
#   RUN_AREA=1   rerun `make area` (SLT vs add/sub, 8 syntheses, ~1 min); by
#                default build/area/area.kv is reused when it exists
#   RUN_QUICK=1  predict reduced layer shapes (test only; the report says so)
#   RUN_TOP_REQUIRED=   (empty) a failing `make sim-top` / rtl-check is only a
#                warning; default 1: it fails the run, since the report would
#                otherwise rest on an unverified top
#   RUN_TOP_SYNTH_TIMEOUT=600  seconds allowed to stage synth-top (Yosys + OpenSTA
#                on the accelerator top); over it the stage is a warning and the
#                report falls back to the array alone

RUN_AREA  ?=
RUN_QUICK ?=
RUN_TOP_REQUIRED ?= 1
RUN_TOP_SYNTH_TIMEOUT ?= 600
# stage energy (mk/energy.mk, gate-level simulation activity); RUN_ENERGY= skips it
RUN_ENERGY ?= 1

$(B)/opt/bin/sltreport: $(B)/opt/obj/ref/report/sltreport.o $(addprefix $(B)/opt/obj/ref/report/,report_load.o report_model.o report_json.o report_svg.o report_md.o) $(B)/opt/obj/ref/report/sltreport_fpga.o $(B)/opt/obj/ref/report/report_text.o \
  $(B)/opt/obj/ref/report/report_kv.o $(B)/opt/obj/ref/report/report_energy.o $(B)/opt/obj/ref/report/report_params.o $(B)/opt/obj/ref/report/report_ecc.o $(B)/opt/obj/ref/report/report_lut.o $(B)/opt/obj/ref/report/report_cg.o $(B)/opt/obj/gen/sram_model.o \
  $(B)/opt/lib/libsltgen.a $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

# the SRAM macro area model for the ASIC flow's black boxes (mk/synth.mk SRAM_MODEL)
$(B)/opt/bin/sltsram: $(B)/opt/obj/ref/report/sltsram.o $(B)/opt/obj/gen/sram_model.o
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

$(B)/opt/bin/sltjsoncheck: $(B)/opt/obj/tests/run/sltjsoncheck.o
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

.PHONY: run run-tools
run-tools: $(B)/bin/sltgen $(B)/bin/sltref $(B)/bin/sltreport $(B)/bin/sltsram $(B)/bin/sltnet $(B)/bin/sltecc

run: deps ## the whole flow on CFG (gen, lint, sim, synth, STA, energy) -> build/<cfg>/report.md
	@$(MAKE) --no-print-directory -j2 run-tools
	@CFG=$(CFG) CFG_FILE=$(CFG_FILE) CFG_NAME=$(CFG_NAME) SEED=$(SEED) PDK_DIR=$(PDK_DIR) B=$(B) \
	  RUN_AREA=$(RUN_AREA) RUN_QUICK=$(RUN_QUICK) RUN_TOP_REQUIRED=$(RUN_TOP_REQUIRED) RUN_TOP_SYNTH_TIMEOUT=$(RUN_TOP_SYNTH_TIMEOUT) RUN_FPGA=$(RUN_FPGA) RUN_FPGA_TIMEOUT=$(RUN_FPGA_TIMEOUT) RUN_ENERGY=$(RUN_ENERGY) MAKE="$(MAKE)" scripts/run_flow.sh

# ---- test: the whole pipeline on tiny, then check the report ---------------------
# (liberty stages and their fields are checked when PDK_DIR holds the libraries,
# skipped - and checked to be null - when it does not)
TEST_STEPS += t-run-tiny
.PHONY: t-run-tiny
# the top's synthesis is capped (T_RUN_TOP_SYNTH_TIMEOUT s) so the test stays short; a
# capped top is a warning, and the report (and the check) fall back to the array
T_RUN_TOP_SYNTH_TIMEOUT ?= 75
t-run-tiny: $(B)/opt/bin/sltjsoncheck
	@$(MAKE) --no-print-directory run CFG=tiny RUN_TOP_SYNTH_TIMEOUT=$(T_RUN_TOP_SYNTH_TIMEOUT) RUN_FPGA=0 RUN_ENERGY=
	tests/run/check_report.sh $(B)/tiny $(B)/opt/bin/sltjsoncheck $(PDK_DIR)

# the report's own headers (ref/report/*.h) are not in the generic object rule's prerequisites
REPORT_OBJ := $(patsubst %.c,$(B)/opt/obj/%.o,$(wildcard ref/report/*.c))
$(REPORT_OBJ): $(wildcard ref/report/*.h)
