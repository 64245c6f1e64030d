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
