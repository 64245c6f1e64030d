# report.mk - the energy parameters that `make run` writes (build/<cfg>/energy_params.kv,
# docs/report.md) read back by `sltref generate --energy` (docs/decode.md).
#
# t-energy-generate: sltreport writes the parameters from a flow directory holding a
#   synthetic measured-energy result; generate prints energy per token on the committed
#   fixture, equal to the formula recomputed independently; bad parameter files refused.
TEST_STEPS += t-energy-generate
.PHONY: t-energy-generate
t-energy-generate: $(B)/opt/bin/sltreport $(B)/san/bin/sltref
	tests/report/check_generate_energy.sh $(B)/opt/bin/sltreport $(B)/san/bin/sltref

# t-report-lut: report.json lut_vs_addsub_best from a sweep summary, from the energy stage's
#   SLT/add-sub pair, and null with a note when neither exists (tests/report/check_lut_best.sh)
TEST_STEPS += t-report-lut
.PHONY: t-report-lut
t-report-lut: $(B)/opt/bin/sltreport $(B)/opt/bin/sltjsoncheck
	tests/report/check_lut_best.sh $(B)/opt/bin/sltreport $(B)/opt/bin/sltjsoncheck

# t-report-cg: report.json clock_gating_pj_per_mac from stage cg-energy's result.kv, with
#   and without its `method` key, and absent (tests/report/check_cg.sh)
TEST_STEPS += t-report-cg
.PHONY: t-report-cg
t-report-cg: $(B)/opt/bin/sltreport $(B)/opt/bin/sltjsoncheck
	tests/report/check_cg.sh $(B)/opt/bin/sltreport $(B)/opt/bin/sltjsoncheck
