# psum.mk - partial sums kept in the lanes across psum_chunks chunks (docs/top.md
# "Partial sums in the lanes"): the accelerator top co-simulated with
# configs/tiny_c4.cfg (four chunks per tile; K = 64 gives tiles of 4, 4 and 3 chunks)
# and configs/slim_c2.cfg (Verilator); variants of mk/slots.mk: tiny_c4as (C = 4, the add/sub
# array), tiny_c8 (C = 8, the largest) and tiny_c2m600 (one lane, M up to 600: more than
# 255 row blocks, the sequencer's saturated gap arithmetic); tiny_c4 on Icarus (vector
# replay); `make lint`
# covers both, as every configs/*.cfg. The array alone: t-array-slots (mk/slots.mk).
# Event and cycle models: t-unit-gemm, t-unit-busy.

TEST_STEPS += t-top-psum
.PHONY: t-top-psum

t-top-psum: $(B)/tiny_c4/vtop/Vtop $(B)/tiny_c4as/vtop/Vtop $(B)/tiny_c8/vtop/Vtop $(B)/tiny_c2m600/vtop/Vtop \
            $(B)/slim_c2/vtop/Vtop $(B)/tiny_c4/topvec/tb.vvp $(B)/tiny_c4/topvec/top_vecgen
	$(call run_top,tiny_c4,$(TOP_ARGS) +cases=24)
	$(call run_top,tiny_c4as,$(TOP_ARGS) +cases=24)
	$(call run_top,tiny_c8,$(TOP_ARGS) +cases=24)
	$(call run_top,tiny_c2m600,+cases=6 +maxm=600)
	$(call run_top,slim_c2,$(TOP_ARGS) +cases=8 +maxk=300 +maxm=40)
	scripts/top_icarus.sh $(SEED) $(B)/tiny_c4
