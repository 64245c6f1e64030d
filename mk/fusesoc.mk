# fusesoc.mk - FuseSoC cores (docs/fusesoc.md): the generator fusesoc/sltgen.core,
# an example user fusesoc/slt_accel_tiny.core, and the CAPI2 core of any generated
# design (scripts/fusesoc_core.sh). FuseSoC comes from PyPI (scripts/deps.sh puts it
# into the virtual environment it prints with --print-venv).
#
#   make fusesoc-core CFG=tiny   write build/<cfg>/slt_accel.core (lint/sim/synth targets)
#   make t-fusesoc               lint via the generator, lint + Icarus sim of the generated core

SLT_PY_VENV := $(shell scripts/deps.sh --print-venv)
FUSESOC ?= $(firstword $(wildcard $(SLT_PY_VENV)/bin/fusesoc) fusesoc)

.PHONY: fusesoc-core t-fusesoc
fusesoc-core: $(B)/$(CFG_NAME)/params.mk ## write build/<cfg>/slt_accel.core (FuseSoC CAPI2: lint, sim, synth targets)
	scripts/fusesoc_core.sh $(B)/$(CFG_NAME)

# the sim target replays tiny's top-level vectors (tb/top/top_vecgen.c, mk/top.mk)
TEST_STEPS += t-fusesoc
t-fusesoc: $(B)/tiny/topvec/top_vecgen $(B)/bin/sltgen
	$(B)/tiny/topvec/top_vecgen --config $(B)/tiny/config.cfg --seed $(SEED) --out $(B)/tiny/topvec/vec-fusesoc
	SLTGEN=$(CURDIR)/$(B)/bin/sltgen scripts/fusesoc_test.sh $(FUSESOC) $(B)/fusesoc $(CURDIR)/$(B)/tiny/topvec/vec-fusesoc $(SEED)
