# decode.mk - BitNet b1.58 decoding (docs/decode.md, docs/driver.md): `sltref generate`,
# parity with transformers' greedy tokens on the committed fixtures (tests/fixtures/bitnet/)
# through the golden model and through the Verilated top (--rtl, libsltdrv), the optional
# fixture generator and the decoder benchmark.
#
#   make decode-rtl [DEC_RTL_CFG=tiny]   build build/<cfg>/vdec/Vdec (the --rtl decoder)
#   make fixtures                        regenerate tests/fixtures/bitnet/ (needs PyPI packages)
#   make bench-decode                    decoder tokens/s, one core, 2B-4T shapes (fewer layers)

DEC_FIX     := tests/fixtures/bitnet
DEC_RTL_CFG ?= tiny

# ---- libsltdrv: compiled per configuration against its generated slt_regs.h -------------
$(B)/%/drv/libsltdrv.a: drv/slt_drv.c drv/slt_drv.h $(B)/%/params.mk $(wildcard ref/*.h)
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CWARN) $(CINC) -Idrv -I$(B)/$*/top -O2 -g -c $< -o $(@D)/slt_drv.o
	rm -f $@ && ar rcs $@ $(@D)/slt_drv.o

# ---- the --rtl decoder: libsltref's decoder + libsltdrv + the Verilated top ---------------
# Links against the model that `make sim-top` / t-top-* already built (build/<cfg>/vtop:
# Vtop__ALL.a and the Verilator runtime objects), so the top is verilated once.
VL_ROOT = $(shell verilator --getenv VERILATOR_ROOT)
DEC_VL_DEFS := -DVM_COVERAGE=0 -DVM_SC=0 -DVM_TRACE=1 -DVM_TRACE_FST=0 -DVM_TRACE_VCD=1
$(B)/%/vdec/Vdec: tb/decode/tb_decode.cpp tb/top/tb_axi_host.h $(B)/%/vtop/Vtop $(B)/%/drv/libsltdrv.a $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CXX) -std=c++17 -O1 -g -Wall -Wextra -Werror $(DEC_VL_DEFS) -isystem $(VL_ROOT)/include -isystem $(VL_ROOT)/include/vltstd \
	  -I$(B)/$*/vtop -Iref -Idrv -Itb/top -I$(B)/$*/top -I$(B)/$* -c $< -o $(@D)/tb_decode.o
	$(CXX) $(@D)/tb_decode.o $(B)/$*/vtop/Vtop__ALL.a $(addprefix $(B)/$*/vtop/,$(VL_RUNTIME_OBJS)) \
	  $(B)/$*/drv/libsltdrv.a $(B)/opt/lib/libsltref.a -pthread -lpthread -latomic -lm -o $@

.PHONY: decode-rtl
decode-rtl: $(B)/$(DEC_RTL_CFG)/vdec/Vdec ## the --rtl decoder: Vdec +cfg=build/<cfg>/config.cfg generate MODEL ...

# ---- tests ------------------------------------------------------------------------------
# t-decode-parity: sltref generate (golden model, ASan/UBSan build) reproduces transformers'
#   greedy tokens from every fixture file (safetensors, TQ2_0, TQ1_0); bad inputs -> exit 2.
# t-decode-rtl: the same with every ternary linear on the Verilated tiny top (libsltdrv,
#   random AXI gaps seeded by SEED), each GEMV checked bit for bit against the golden model.
TEST_STEPS += t-decode-parity t-decode-rtl
.PHONY: t-decode-parity t-decode-rtl
t-decode-parity: $(B)/san/bin/sltref
	scripts/decode_parity.sh $(B)/san/bin/sltref
	scripts/decode_errors.sh $(B)/san/bin/sltref

t-decode-rtl: $(B)/$(DEC_RTL_CFG)/vdec/Vdec $(B)/san/bin/sltref
	scripts/decode_parity.sh $(B)/$(DEC_RTL_CFG)/vdec/Vdec +cfg=$(B)/$(DEC_RTL_CFG)/config.cfg +seed=$(SEED)
	@echo "---- the same through sltref generate --rtl $(B)/$(DEC_RTL_CFG) (seed 1) ----"
	FIXTURES=$(DEC_FIX) scripts/decode_parity.sh $(B)/san/bin/sltref --rtl $(B)/$(DEC_RTL_CFG)

# ---- optional: regenerate the fixtures with transformers + gguf-py (never run by make test)
# `scripts/deps.sh py` (Debian python3/venv; gguf,
# safetensors, numpy into the project venv, scripts/deps.sh --print-venv); torch (CPU use, --no-deps: no CUDA wheels) and transformers +
# accelerate at the versions of scripts/requirements-fixtures.txt into the same venv.
FIXTURE_VENV ?= $(shell scripts/deps.sh --print-venv)
.PHONY: fixtures
fixtures: ## regenerate tests/fixtures/bitnet/ with transformers + gguf-py (PyPI, optional)
	scripts/deps.sh py
	@test -x $(FIXTURE_VENV)/bin/python || python3 -m venv $(FIXTURE_VENV)
	$(FIXTURE_VENV)/bin/pip install -q --no-deps torch==2.15.0
	$(FIXTURE_VENV)/bin/pip install -q -r scripts/requirements-fixtures.txt
	$(FIXTURE_VENV)/bin/python tools/make_bitnet_fixture.py --out $(DEC_FIX)/tq256 --gguf
	$(FIXTURE_VENV)/bin/python tools/make_bitnet_fixture.py --out $(DEC_FIX)/small3 --hidden 64 --inter 128 \
	  --layers 3 --heads 4 --kv-heads 2 --untied --prompt 5,9,2 --n 10
	$(FIXTURE_VENV)/bin/python tools/make_bitnet_fixture.py --out $(DEC_FIX)/bitlinear2 --hidden 64 --inter 128 \
	  --layers 2 --heads 2 --kv-heads 1 --linear-class bitlinear --prompt 7,3 --n 10

# ---- benchmark: decoder tokens/s on one core ------------------------------------------------
$(B)/opt/bin/sltdecbench: $(B)/opt/obj/ref/bench/sltdecbench.o $(B)/opt/lib/libsltref.a
	@mkdir -p $(@D)
	$(CC) $(OPTFLAGS) $^ $(LDLIBS) -o $@

BENCH_STEPS += bench-decode
DEC_BENCH_LAYERS ?= 4
.PHONY: bench-decode
bench-decode: $(B)/opt/bin/sltdecbench ## decoder tokens/s, one core, random model with 2B-4T shapes
	$(B)/opt/bin/sltdecbench --layers $(DEC_BENCH_LAYERS)
