# ecc.mk - optional SECDED ECC per SRAM word (ecc = secded; docs/memory.md "ECC").
#
#   t-ecc-prims   rtl/slt_secded_enc.v / slt_secded_dec.v (+ slt_secded_cov.v) against ref/slt_secded.c (Icarus)
#   t-ecc-top     Verilator: ecc = secded on tiny and one random configuration, bit flips
#                 injected through the SRAM backdoor during GEMV/GEMM (+inject); plain tiny
#                 as the negative control (the same flips must corrupt results there)
#   t-ecc-icarus  Icarus: the same injection on ecc_tiny from vector files
#   ecc-cost      benchmark: area of the top with ecc = none vs secded (tiny, slim)
# ECC variants of a configuration X are named ecc_X (build/rndcfg/ecc_X.cfg: X's text
# with ecc = secded).

ECC_B := $(B)/ecc

$(B)/prims/secded_vec: tb/prims/secded_vec.c ref/slt_secded.c ref/slt_secded.h ref/slt_prng.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) -O1 -g tb/prims/secded_vec.c ref/slt_secded.c -o $@

TEST_STEPS += t-ecc-prims
.PHONY: t-ecc-prims
t-ecc-prims: $(B)/prims/secded_vec
	@echo "==== ecc: SECDED encoder/decoder RTL vs the C model (Icarus), SEED=$(SEED) ===="
	tb/prims/secded.sh $(B)/prims $(SEED)

# ---- ECC variants of configurations: ecc_X = X with ecc = secded ----------------------
$(B)/rndcfg/ecc_%.cfg: $$(call cfg_src,$$*) $(B)/bin/sltgen
	@mkdir -p $(@D)
	{ echo "# $(call cfg_src,$*) with ecc = secded (mk/ecc.mk)"; \
	  grep -v '^[[:space:]]*\(name\|ecc\)[[:space:]]*=' $(call cfg_src,$*); \
	  echo "name = ecc_$*"; echo "ecc = secded"; } > $@.tmp && mv $@.tmp $@

# ---- top-level fault injection -------------------------------------------------------------
# Verilator: tb/top/tb_top.cpp +inject (run_inject); Icarus: tb/top/top_vecgen.c --inject
# replayed by tb/top/slt_top_icarus_tb.v (I lines arm the backdoor hierarchically).
ECC_INJECT_N ?= 60
ECC_TOP_CONFIGS = ecc_tiny ecc_rnd$(SEED)_1
ECC_ICARUS_CONFIGS = ecc_tiny
ECC_ICARUS_N ?= 24

TEST_STEPS += t-ecc-top t-ecc-icarus
.PHONY: t-ecc-top t-ecc-icarus
# ecc_tiny: every regular case and error case too, then the injection; the random
# configuration (any size, so possibly slow corners): the injection alone
t-ecc-top: $(foreach c,$(ECC_TOP_CONFIGS) tiny,$(B)/$(c)/vtop/Vtop)
	@echo "==== ecc_tiny: $$(grep -v '^#' $(B)/ecc_tiny/config.cfg | tr '\n' ' ')"
	$(B)/ecc_tiny/vtop/Vtop +cfg=$(B)/ecc_tiny/config.cfg +seed=$(SEED) +errors +cases=4 +maxk=150 +maxm=24 \
	  +inject=$(ECC_INJECT_N)
	@echo "==== ecc_rnd$(SEED)_1: $$(grep -v '^#' $(B)/ecc_rnd$(SEED)_1/config.cfg | tr '\n' ' ')"
	$(B)/ecc_rnd$(SEED)_1/vtop/Vtop +cfg=$(B)/ecc_rnd$(SEED)_1/config.cfg +seed=$(SEED) +maxk=150 +maxm=24 \
	  +injectonly=$(ECC_INJECT_N)
	@echo "==== tiny (ecc = none): the same injection must corrupt results"
	$(B)/tiny/vtop/Vtop +cfg=$(B)/tiny/config.cfg +seed=$(SEED) +cases=0 +maxk=64 +maxm=24 +inject=20

t-ecc-icarus: $(foreach c,$(ECC_ICARUS_CONFIGS),$(B)/$(c)/topvec/tb.vvp $(B)/$(c)/topvec/top_vecgen)
	@for c in $(ECC_ICARUS_CONFIGS); do \
	  d=$(B)/$$c; \
	  $$d/topvec/top_vecgen --config $$d/config.cfg --seed $(SEED) --out $$d/topvec/vec-inject --inject $(ECC_ICARUS_N) || exit 1; \
	  out=$$(vvp -n $$d/topvec/tb.vvp +vec=$$d/topvec/vec-inject +seed=$(SEED)); echo "$$out"; \
	  if grep -q FAIL <<<"$$out" || ! grep -q '^PASS' <<<"$$out"; then exit 1; fi; \
	done

# ---- benchmark: what ECC costs --------------------------------------------------------------
$(B)/opt/bin/sltecc: $(B)/opt/obj/ref/report/sltecc.o $(B)/opt/lib/libsltgen.a $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

ECC_COST_CONFIGS ?= tiny slim
BENCH_STEPS += ecc-cost
.PHONY: ecc-cost
# (the ECC variant is given to `make synth` as a path, so its folder is generated there)
ecc-cost: $(B)/bin/sltecc $(foreach c,$(ECC_COST_CONFIGS),$(B)/rndcfg/ecc_$(c).cfg) ## ECC cost: top area (Yosys generic, sky130) and SRAM area/energy, ecc = none vs secded
	@for c in $(ECC_COST_CONFIGS); do for v in $$c $(B)/rndcfg/ecc_$$c.cfg; do \
	  n=$$(basename $$v .cfg); echo "==== ecc-cost: make synth CFG=$$v PART=top (log $(B)/flow-ecc-$$n.log)"; \
	  $(MAKE) --no-print-directory synth CFG=$$v PART=top $(if $(wildcard $(LIB_sky130)),LIB=sky130) \
	    > $(B)/flow-ecc-$$n.log 2>&1 || { tail -20 $(B)/flow-ecc-$$n.log; exit 1; }; \
	done; done
	scripts/ecc_cost.sh $(B) $(ECC_COST_CONFIGS)

# ---- lint: the ECC primitives alone over several widths, and the whole top of ecc_tiny --------
# (verilator -Wall, iverilog -Wall, yosys synth + check -assert; any warning fails)
TEST_STEPS += t-ecc-lint
.PHONY: t-ecc-lint
t-ecc-lint: $(B)/ecc_tiny/params.mk
	@echo "==== ecc: lint rtl/slt_secded_{cov,enc,dec}.v, slt_sram_ecc.v, slt_sat_count.v and the ecc_tiny top ===="
	@set -e; log=$$(mktemp); for w in 1 4 11 26 57 64 250; do \
	  for m in slt_secded_enc slt_secded_dec; do \
	    verilator --lint-only -Wall -Irtl -GWidth=$$w --top-module $$m rtl/$$m.v rtl/slt_secded_cov.v > $$log 2>&1 && ! [ -s $$log ] || { cat $$log; echo "FAIL verilator $$m Width=$$w"; exit 1; }; \
	    iverilog -g2005 -Wall -Irtl -s $$m -P$$m.Width=$$w -o /dev/null rtl/$$m.v rtl/slt_secded_cov.v > $$log 2>&1 && ! [ -s $$log ] || { cat $$log; echo "FAIL iverilog $$m Width=$$w"; exit 1; }; \
	  done; \
	  for e in 0 1; do \
	    verilator --lint-only -Wall -Irtl -GDepth=5 -GWidth=$$w -GEcc=$$e --top-module slt_sram_ecc rtl/slt_sram_ecc.v rtl/slt_sram.v \
	      rtl/slt_secded_cov.v rtl/slt_secded_enc.v rtl/slt_secded_dec.v > $$log 2>&1 && ! [ -s $$log ] || { cat $$log; echo "FAIL verilator slt_sram_ecc Width=$$w Ecc=$$e"; exit 1; }; \
	    iverilog -g2005 -Wall -Irtl -s slt_sram_ecc -Pslt_sram_ecc.Depth=5 -Pslt_sram_ecc.Width=$$w -Pslt_sram_ecc.Ecc=$$e -o /dev/null \
	      rtl/slt_sram_ecc.v rtl/slt_sram.v rtl/slt_secded_cov.v rtl/slt_secded_enc.v rtl/slt_secded_dec.v > $$log 2>&1 && ! [ -s $$log ] \
	      || { cat $$log; echo "FAIL iverilog slt_sram_ecc Width=$$w Ecc=$$e"; exit 1; }; \
	  done; \
	done; \
	yosys -q -l $$log.ys -p "read_verilog -D SLT_SRAM_BLACKBOX -Irtl rtl/slt_sram_ecc.v rtl/slt_sram.v rtl/slt_secded_cov.v rtl/slt_secded_enc.v rtl/slt_secded_dec.v rtl/slt_sram_macro.v; chparam -set Width 57 -set Ecc 1 slt_sram_ecc; synth -top slt_sram_ecc; check -assert" > $$log 2>&1 \
	  && ! grep -qi warning $$log.ys || { cat $$log; grep -i warning $$log.ys; echo "FAIL yosys slt_sram_ecc"; exit 1; }; \
	for n in 1 4; do verilator --lint-only -Wall -GN=$$n rtl/slt_sat_count.v > $$log 2>&1 && ! [ -s $$log ] || { cat $$log; exit 1; }; \
	  iverilog -g2005 -Wall -Pslt_sat_count.N=$$n -o /dev/null rtl/slt_sat_count.v > $$log 2>&1 && ! [ -s $$log ] || { cat $$log; exit 1; }; done; \
	rm -f $$log $$log.ys; echo "lint ok   ECC primitives (Width 1..250, Ecc 0/1)"
	scripts/lint_top.sh $(B)/ecc_tiny
