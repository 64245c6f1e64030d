#!/usr/bin/env bash
# check_energy.sh ENERGY_KV - the self-checks of `make energy` (t-energy-tiny):
#   - the instrument with every net forced to one rate equals OpenSTA's report_power
#     at that global rate within 1 % (slt.check_forced = ok)
#   - fanout buffering leaves no net over the fanout limit or max_capacitance and no
#     max-transition violation on the array's pins
#   - the measured pJ per MAC is a positive number, every block has cells
#   - the root clock net toggles twice per cycle in the coverage (clock edges are seen,
#     so the gated clock nets' toggles that charge the gated flip-flops are too)
#   - the two windows agree within 5 % per MAC when they are long enough (not on tiny)
set -uo pipefail
kv=$1
fail=0
get() { sed -n "s/^$1=//p" "$kv" | tail -n 1; }
bad() { echo "FAIL: $*"; fail=1; }
[ -s "$kv" ] || { echo "FAIL: no $kv"; exit 1; }
[ "$(get slt.check_forced)" = ok ] || bad "forced-rate check: $(get slt.check_forced) (rel. diff $(get slt.check_forced_rel_diff))"
[ "$(get slt.check_clock_root)" = ok ] || bad "root clock toggles: $(get slt.check_clock_root)"
case "$(get slt.check_windows)" in ok|not\ applicable*) ;; *) bad "window check: $(get slt.check_windows) ($(get slt.check_windows_rel_diff))" ;; esac
[ "$(get slt.fanout.after.fanout_violations)" = 0 ] || bad "fanout violations after buffering: $(get slt.fanout.after.fanout_violations)"
[ "$(get slt.fanout.after.cap_violations)" = 0 ] || bad "capacitance violations after buffering: $(get slt.fanout.after.cap_violations)"
[ "$(get slt.slew_violations_array_after)" = 0 ] || bad "array slew violations after buffering: $(get slt.slew_violations_array_after)"
awk -v v="$(get slt.array_pj_per_mac)" 'BEGIN { exit !(v + 0 > 0) }' || bad "array_pj_per_mac = '$(get slt.array_pj_per_mac)'"
for b in table_builders row_lanes control axi; do
  [ "$(get slt.block.$b.cells)" -gt 0 ] 2>/dev/null || bad "block $b has no cells"
done
[ $fail = 0 ] && echo "ok: forced-rate check $(get slt.check_forced_rel_diff), $(get slt.array_pj_per_mac) pJ/MAC, buffering clean, windows: $(get slt.check_windows)"
exit $fail
