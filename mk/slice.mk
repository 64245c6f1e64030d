# slice.mk - activation slicing (act_slice_bits = 4, docs/array.md "Activation
# slicing"): the array and the accelerator top co-simulated with the sliced
# configurations configs/tiny_s4.cfg and configs/slim_s4.cfg (which `make lint`
# also covers, as every configs/*.cfg). Golden-model property tests: t-unit-slice.

TEST_STEPS += t-array-slice t-top-slice
.PHONY: t-array-slice t-top-slice

t-array-slice: $(B)/tiny_s4/vl/Vslt_tb $(B)/slim_s4/vl/Vslt_tb
	$(call run_vl,tiny_s4,+random=24 +lane_rows=1000)
	$(call run_vl,slim_s4,+random=12 +lane_rows=500)

t-top-slice: $(B)/tiny_s4/vtop/Vtop $(B)/slim_s4/vtop/Vtop
	$(call run_top,tiny_s4,$(TOP_ARGS) +cases=24)
	$(call run_top,slim_s4,$(TOP_ARGS) +cases=8 +maxk=300 +maxm=40)
