# ecc.mk - optional SECDED ECC per SRAM word (ecc = secded; docs/memory.md "ECC").
#
#   t-ecc-prims   rtl/slt_secded_enc.v / slt_secded_dec.v against ref/slt_secded.c (Icarus)
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
t-ecc-top: $(foreach c,$(ECC_TOP_CONFIGS) tiny,$(B)/$(c)/vtop/Vtop)
	@for c in $(ECC_TOP_CONFIGS); do \
	  echo "==== $$c: $$(grep -v '^#' $(B)/$$c/config.cfg | tr '\n' ' ')"; \
	  $(B)/$$c/vtop/Vtop +cfg=$(B)/$$c/config.cfg +seed=$(SEED) +errors +cases=4 +maxk=150 +maxm=24 \
	    +inject=$(ECC_INJECT_N) || exit 1; \
	done
	@echo "==== tiny (ecc = none): the same injection must corrupt results"
	$(B)/tiny/vtop/Vtop +cfg=$(B)/tiny/config.cfg +seed=$(SEED) +cases=0 +maxk=64 +maxm=24 +inject=20

t-ecc-icarus: $(foreach c,$(ECC_ICARUS_CONFIGS),$(B)/$(c)/topvec/tb.vvp $(B)/$(c)/topvec/top_vecgen)
	@for c in $(ECC_ICARUS_CONFIGS); do \
	  d=$(B)/$$c; \
	  $$d/topvec/top_vecgen --config $$d/config.cfg --seed $(SEED) --out $$d/topvec/vec-inject --inject $(ECC_ICARUS_N) || exit 1; \
	  out=$$(vvp -n $$d/topvec/tb.vvp +vec=$$d/topvec/vec-inject +seed=$(SEED)); echo "$$out"; \
	  if grep -q FAIL <<<"$$out" || ! grep -q '^PASS' <<<"$$out"; then exit 1; fi; \
	done
