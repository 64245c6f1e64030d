# psum.mk - partial sums kept in the lanes across psum_chunks chunks (docs/top.md
# "Partial sums in the lanes"): the accelerator top co-simulated with
# configs/tiny_c4.cfg (four chunks per tile; K = 64 gives tiles of 4, 4 and 3 chunks)
# and configs/slim_c2.cfg, which `make lint` also covers, as every configs/*.cfg.
# Event and cycle models: t-unit-gemm, t-unit-busy.

TEST_STEPS += t-top-psum
.PHONY: t-top-psum

t-top-psum: $(B)/tiny_c4/vtop/Vtop $(B)/slim_c2/vtop/Vtop
	$(call run_top,tiny_c4,$(TOP_ARGS) +cases=24)
	$(call run_top,slim_c2,$(TOP_ARGS) +cases=8 +maxk=300 +maxm=40)
