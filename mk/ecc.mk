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
