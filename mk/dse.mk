# dse.mk - the design-space sweep (docs/dse.md).
#
#   make dse [DSE=quick|full|test|path.sweep] [-j N]   points in parallel under make
#   make dse-slurm [DSE=...]                           the same points as a Slurm job array
#
# A sweep file (configs/dse/<name>.sweep) names a base configuration and one
# point a line (NAME key=value...). Each point is scripts/dse_point.sh: sltgen,
# Yosys + OpenSTA sky130, measured energy (make energy, when present), the
# report's event model; its figures go to build/dse/points/<NAME>/point.kv and
# a `done` marker makes a rerun skip it (resumable; `make dse-clean` forgets
# them). `sltdse gather` then writes build/dse/results.csv, results.json,
# summary.json (lut_vs_addsub_best) and the Pareto plots
# pareto_energy_area.svg and pareto_pj_macs.svg.

DSE      ?= quick
DSE_FILE  = $(if $(findstring /,$(DSE)),$(DSE),configs/dse/$(DSE).sweep)
DSE_OUT  ?= $(B)/dse
DSE_BASE  = $(shell awk '$$1 == "base" { print $$2; exit }' $(DSE_FILE))
DSE_NAMES = $(shell awk '!/^[[:space:]]*(\#|$$)/ && $$1 != "base" { print $$1 }' $(DSE_FILE))
DSE_DONE  = $(foreach p,$(DSE_NAMES),$(DSE_OUT)/points/$(p)/done)
# 1: every point measures its energy per MAC (make energy: synthesis of the point's
# top + gate-level simulation, many minutes a point); 0: left out, said so
DSE_ENERGY ?= 1

$(B)/opt/bin/sltdse: $(call objs,opt,$(wildcard ref/dse/*.c) ref/report/report_text.c) $(B)/opt/obj/gen/sram_model.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

# everything the points share, built once before they run in parallel
# (programs, the prepared sky130 liberty)
.PHONY: dse dse-prep dse-gather dse-clean dse-slurm
dse-prep: $(B)/bin/sltgen $(B)/bin/sltref $(B)/bin/sltreport $(B)/bin/sltsram $(B)/bin/sltdse $(B)/opt/bin/sltjsoncheck \
          $(if $(filter 1,$(DSE_ENERGY)),$(B)/bin/sltnet $(B)/opt/lib/libsltref.a)
	@test -r "$(DSE_FILE)" || { echo "dse: no sweep file $(DSE_FILE)"; exit 2; }
	@test -n "$(DSE_BASE)" -a -r "$(DSE_BASE)" || { echo "dse: $(DSE_FILE) names no readable 'base' configuration"; exit 2; }
	@sky=$$(PDK_DIR=$(PDK_DIR) synth/lib_find.sh sky130) || { echo "dse: no sky130 liberty (synth/lib_find.sh: PDK_ROOT or PDK_DIR)"; exit 2; }; \
	  synth/lib_prep.sh $(B)/lib "$$sky" >/dev/null

dse: deps ## design-space sweep DSE=quick|full|test|file (make -j N runs points in parallel)
	@$(MAKE) --no-print-directory dse-prep
	@$(MAKE) --no-print-directory dse-gather

dse-gather: $(DSE_DONE)
	$(B)/bin/sltdse gather --out $(DSE_OUT) $(foreach p,$(DSE_NAMES),$(DSE_OUT)/points/$(p))

$(DSE_OUT)/points/%/done: | dse-prep
	@sets=$$(awk -v n=$* '$$1 == n { for (i = 2; i <= NF; i++) printf " --set %s", $$i }' $(DSE_FILE)); \
	  B=$(B) PDK_DIR=$(PDK_DIR) MAKE="$(MAKE)" DSE_ENERGY=$(DSE_ENERGY) scripts/dse_point.sh --base $(DSE_BASE) --name $* --out $(@D) $$sets

dse-clean: ## forget the finished sweep points (build/dse/)
	rm -rf $(DSE_OUT)

# ---- the same sweep on Slurm: one array task per point (scripts/dse_slurm.sh) ----
DSE_SLURM_OUT ?= $(B)/dse-slurm
dse-slurm: deps ## the sweep as a Slurm job array (sbatch --array), gathered like make dse
	@$(MAKE) --no-print-directory dse-prep
	B=$(B) PDK_DIR=$(PDK_DIR) MAKE="$(MAKE)" DSE_ENERGY=$(DSE_ENERGY) scripts/dse_slurm.sh --sweep $(DSE_FILE) --out $(DSE_SLURM_OUT)
	$(B)/bin/sltdse gather --out $(DSE_SLURM_OUT) $(foreach p,$(DSE_NAMES),$(DSE_SLURM_OUT)/points/$(p))

# ---- test: a one-node Slurm cluster on this machine runs the 4-point test sweep,
# and its results.csv must equal the local make -j run's -----------------------
TEST_STEPS += t-dse-slurm
.PHONY: t-dse-slurm
t-dse-slurm:
	tests/dse/slurm_vs_local.sh
