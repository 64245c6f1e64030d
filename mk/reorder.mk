# reorder.mk - index reordering (docs/array.md §3a): key-bus transitions with and
# without reorder = greedy on BitNet-like weights (a benchmark, not a test), and a
# top-level co-simulation with reordering on (test step t-top-reorder).

BENCH_STEPS += bench-reorder

$(B)/opt/bin/sltreorderbench: $(B)/opt/obj/ref/bench/sltreorderbench.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

.PHONY: bench-reorder
bench-reorder: $(B)/bin/sltreorderbench ## key-bus toggles with/without index reordering (3B up-projection shape)
	@echo "==== bench-reorder: $(B)/bin/sltreorderbench --config $(CFG_FILE) ===="
	$(B)/bin/sltreorderbench --config $(CFG_FILE)
	$(B)/bin/sltreorderbench --config $(CFG_FILE) --set array=addsub

# Co-simulation of the top with reorder = greedy (tb/top/tb_top.cpp permutes the
# packet rows and un-permutes the results; counters checked against slt_predict).
# Reordering variants of a configuration X are named X_reorder (build/rndcfg/X_reorder.cfg:
# X's text with reorder = greedy, so X's constants are typed once); the generic
# $(B)/%/params.mk rule (mk/rtl.mk) generates them.
$(B)/rndcfg/%_reorder.cfg: $$(call cfg_src,$$*)
	@mkdir -p $(@D)
	{ echo "# $(call cfg_src,$*) with reorder = greedy (mk/reorder.mk): the host sends the rows of"; \
	  echo "# each weight packet permuted and puts the results back"; \
	  grep -v '^[[:space:]]*\(name\|reorder\)[[:space:]]*=' $(call cfg_src,$*); \
	  echo "name = $*_reorder"; echo "reorder = greedy"; } > $@.tmp && mv $@.tmp $@

TEST_STEPS += t-top-reorder
.PHONY: t-top-reorder
t-top-reorder: $(B)/tiny_reorder/vtop/Vtop
	$(call run_top,tiny_reorder,+cases=40)

# The driver with reorder = greedy: libsltdrv permutes each GEMV's packet rows and puts
# the results back; the decoder's tokens and every GEMV checked as in t-decode-rtl.
TEST_STEPS += t-decode-rtl-reorder
.PHONY: t-decode-rtl-reorder
t-decode-rtl-reorder: $(B)/tiny_reorder/vdec/Vdec
	scripts/decode_parity.sh $(B)/tiny_reorder/vdec/Vdec +cfg=$(B)/tiny_reorder/config.cfg +seed=$(SEED)
