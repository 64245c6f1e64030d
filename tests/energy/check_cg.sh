#!/usr/bin/env bash
# check_cg.sh RESULT_KV - the clock-gating comparison of `make energy ENERGY_CG=1`
# (t-energy-tiny): build/flow/<cfg>/cg_energy/result.kv must come from the
# gate-level instrument (method), both variants must have passed the instrument's
# self-checks (forced rate, root clock toggles), the gated variant must have clock
# gates and flip-flops behind them, the ungated one none, and the reduction must be
# 1 - on/off of the two measured figures. With gating on the measured array energy
# per MAC must be below the ungated one (it is on tiny: see docs/report.md).
set -uo pipefail
kv=$1
fail=0
get() { sed -n "s/^$1=//p" "$kv" | tail -n 1; }
bad() { echo "FAIL: $*"; fail=1; }
[ -s "$kv" ] || { echo "FAIL: no $kv"; exit 1; }
[ "$(get method)" = "gate-level simulation activity" ] || bad "method = '$(get method)'"
for v in on off; do
  [ "$(get $v.check_forced)" = ok ] || bad "$v: forced-rate check '$(get $v.check_forced)'"
  [ "$(get $v.check_clock_root)" = ok ] || bad "$v: root clock check '$(get $v.check_clock_root)'"
  awk -v x="$(get $v.array_pj_per_mac)" 'BEGIN { exit !(x + 0 > 0) }' || bad "$v.array_pj_per_mac = '$(get $v.array_pj_per_mac)'"
done
g_on=0 g_off=0 f_on=0 f_all=0
for b in table_builders row_lanes array_glue; do
  g_on=$(( g_on + $(get on.block.$b.clock_gates) )); g_off=$(( g_off + $(get off.block.$b.clock_gates) ))
  f_all=$(( f_all + $(get on.block.$b.flops) )); f_on=$(( f_on + $(get on.block.$b.flops) - $(get on.block.$b.flops_root_clock) ))
done
[ "$g_on" -gt 0 ] && [ "$f_on" -gt 0 ] || bad "gated array: $g_on clock gates, $f_on of $f_all flip-flops behind them"
[ "$g_off" = 0 ] || bad "ungated array has $g_off clock gates"
awk -v on="$(get on.array_pj_per_mac)" -v off="$(get off.array_pj_per_mac)" -v r="$(get reduction)" \
  'BEGIN { d = (1 - on / off) - r; exit !(r != "" && d < 1e-4 && d > -1e-4) }' || bad "reduction '$(get reduction)' is not 1 - on/off"
awk -v on="$(get on.array_pj_per_mac)" -v off="$(get off.array_pj_per_mac)" 'BEGIN { exit !(on + 0 < off + 0) }' ||
  bad "gating does not lower the array energy: on $(get on.array_pj_per_mac) vs off $(get off.array_pj_per_mac) pJ/MAC"
[ $fail = 0 ] && echo "ok: clock gating (gate-level) on $(get on.array_pj_per_mac) vs off $(get off.array_pj_per_mac) pJ/MAC, reduction $(get reduction); $f_on of $f_all array flip-flops gated"
exit $fail
