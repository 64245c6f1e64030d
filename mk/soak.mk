# soak.mk - `make soak`: random legal configurations over every key and corner
# (tb/slt_randcfg.c --soak), each generated, linted, co-simulated at the array
# (`make sim`) and through the top's AXI ports (`make sim-top`), with a summary
# table (scripts/soak.sh; docs/config.md "Soak").
#
#   make soak [SOAK_N=20] [SEED=1]   configurations soak<SEED>_0 .. soak<SEED>_<N-1>
#     resumable: finished points are kept in build/soak/ (<cfg>.done) and not rerun
#   SOAK_SIM_ARGS / SOAK_TOP_ARGS    testbench plusargs (defaults in scripts/soak.sh)
#   SOAK_TIMEOUT=1200                seconds per simulation (over it: HANG)
#   SOAK_LINT=full                   full: lint_top.sh + lint_rtl.sh (Yosys: minutes per top
#                                    on a loaded 2-core machine); fast: Verilator + Icarus -Wall only

SOAK_N ?= 20
SOAK_TIMEOUT ?= 1200
SOAK_LINT ?= full

# rewritten only when its text changes (as rnd%.cfg, mk/rtl.mk)
$(B)/rndcfg/soak%.cfg: $(B)/opt/bin/slt_randcfg
	@mkdir -p $(@D)
	@$(B)/opt/bin/slt_randcfg --soak $(subst _, ,$*) > $@.tmp && { cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@; }

soak_env = B=$(B) MAKE="$(MAKE)" SOAK_TIMEOUT=$(SOAK_TIMEOUT) SOAK_LINT=$(SOAK_LINT) \
  $(if $(SOAK_SIM_ARGS),SOAK_SIM_ARGS="$(SOAK_SIM_ARGS)") $(if $(SOAK_TOP_ARGS),SOAK_TOP_ARGS="$(SOAK_TOP_ARGS)")

.PHONY: soak t-soak
soak: $(B)/bin/sltgen $(B)/opt/bin/slt_randcfg $(B)/opt/lib/libsltref.a ## soak: SOAK_N random configs through gen, lint, sim, sim-top (resumable)
	$(soak_env) scripts/soak.sh $(SEED) $(SOAK_N) $(B)/soak

# test step: the first 4 soak configurations (every corner: 1 lane, G = 2..5, b1,
# act_bits 4/8/16, addsub, a 16-bit bus, tiny buffers) with short runs and the top's
# lint; always rerun (fresh state folder; the Verilator models are reused).
T_SOAK_SIM_ARGS ?= +random=24 +lane_rows=2000
T_SOAK_TOP_ARGS ?= +errors +cases=6 +maxk=120 +maxm=60
TEST_STEPS += t-soak
t-soak: $(B)/bin/sltgen $(B)/opt/bin/slt_randcfg $(B)/opt/lib/libsltref.a
	rm -rf $(B)/soak-test
	B=$(B) MAKE="$(MAKE)" SOAK_TIMEOUT=300 SOAK_LINT=fast SOAK_SIM_ARGS="$(T_SOAK_SIM_ARGS)" \
	  SOAK_TOP_ARGS="$(T_SOAK_TOP_ARGS)" scripts/soak.sh $(SEED) 4 $(B)/soak-test
