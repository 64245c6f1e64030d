# slots.mk - table slots (psum_chunks > 1, docs/array.md §7a): the array with C table
# slots per unit, co-simulated on Verilator (tb/tb_gemm.cpp: the tile schedule of
# slt_schedule_build, partial sums forwarded from row_psum_o inside a tile) and on
# Icarus (vector files), for C = 2, 4 and 8, slt and addsub, ternary and binary, sliced
# activations. configs/slim_c2.cfg is the shipped one (make lint, t-configs); the others
# are variants of shipped configurations, written to build/rndcfg/<name>.cfg from the
# base's text with the keys replaced (so the base's constants are typed once):
#   name:base:key=value[,key=value]
SLOT_VARIANTS := tiny_c2:tiny:psum_chunks=2 \
                 tiny_c4as:tiny:psum_chunks=4,array=addsub \
                 tiny_c4b1:tiny:psum_chunks=4,weight_format=b1 \
                 tiny_c2asb1:tiny:psum_chunks=2,array=addsub,weight_format=b1 \
                 tiny_s4_c4:tiny_s4:psum_chunks=4 \
                 tiny_c8:tiny:psum_chunks=8,wbuf_kib=2 \
                 tiny_c2m600:tiny:psum_chunks=2,row_lanes=1,max_m=600,wbuf_kib=3,obuf_kib=5
SLOT_NAMES := $(foreach v,$(SLOT_VARIANTS),$(firstword $(subst :, ,$(v))))
SLOT_ICARUS := slim_c2 tiny_c4as tiny_c4b1

slot_comma := ,
slot_empty :=
slot_space := $(slot_empty) $(slot_empty)
slot_var = $(filter $(1):%,$(SLOT_VARIANTS))
slot_base = $(word 2,$(subst :, ,$(call slot_var,$(1))))
slot_sets = $(subst $(slot_comma), ,$(word 3,$(subst :, ,$(call slot_var,$(1)))))
slot_keys = $(subst $(slot_space),,$(foreach kv,$(call slot_sets,$(1)),\|$(firstword $(subst =, ,$(kv)))))

$(patsubst %,$(B)/rndcfg/%.cfg,$(SLOT_NAMES)): $(B)/rndcfg/%.cfg: $$(call cfg_src,$$(call slot_base,$$*))
	@mkdir -p $(@D)
	{ echo "# $< with $(call slot_sets,$*) (mk/slots.mk)"; \
	  grep -v '^[[:space:]]*\(name$(call slot_keys,$*)\)[[:space:]]*=' $<; \
	  echo "name = $*"; $(foreach kv,$(call slot_sets,$*),echo "$(subst =, = ,$(kv))";) } > $@.tmp && mv $@.tmp $@

TEST_STEPS += t-array-slots
.PHONY: t-array-slots
t-array-slots: $(foreach c,slim_c2 $(SLOT_NAMES),$(B)/$(c)/vl/Vslt_tb) \
               $(foreach c,$(SLOT_ICARUS),$(B)/$(c)/icarus/tb.vvp) $(B)/bin/sltref
	$(call run_vl,slim_c2,+random=8 +lane_rows=300)
	@for c in $(SLOT_NAMES); do \
	  echo "==== $$c: $$(grep -v '^#' $(B)/$$c/config.cfg | tr '\n' ' ')"; \
	  $(call run_vl,$$c,+random=24 +lane_rows=500) || exit 1; \
	done
	scripts/rtl_icarus.sh $(SEED) $(foreach c,$(SLOT_ICARUS),$(B)/$(c))
