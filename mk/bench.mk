# bench.mk - golden-model GEMV throughput (SPEC §9: >= 1 G ternary MAC/s, one core).
# Built in the release flavour; `make bench` runs every BENCH_STEPS target.

BENCH_STEPS += bench-gemv

$(B)/opt/bin/sltbench: $(B)/opt/obj/ref/bench/sltbench.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

.PHONY: bench-gemv
bench-gemv: $(B)/bin/sltbench ## golden-model GEMV throughput, BitNet-3B up-projection (LUT vs naive)
	@echo "==== bench-gemv: $(B)/bin/sltbench --config $(CFG_FILE) ===="
	$(B)/bin/sltbench --config $(CFG_FILE)
