#!/usr/bin/env bash
# check_cg.sh SLTREPORT JSONCHECK - report.json clock_gating_pj_per_mac from stage
# cg-energy's result.kv (docs/report.md), on configs/tiny.cfg --quick.
# The result files are SYNTHETIC test inputs written here, not measurements:
#  1. with `method` (gate-level simulation activity): on/off.array_pj_per_mac, reduction,
#     method and scope copied;
#  2. without it (not a gate-level result): on/off null, scope says so;
#  3. no result: on/off null, scope "not measured".
set -u
rep=$1 jc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { "$rep" --config configs/tiny.cfg --flow "$tmp/flow" --out "$tmp/out" --quick >"$tmp/log" 2>&1 ||
          { cat "$tmp/log"; fail "sltreport exited"; }; }
cg() { "$jc" "$tmp/out/report.json" clock_gating_pj_per_mac/on clock_gating_pj_per_mac/off \
         clock_gating_pj_per_mac/reduction clock_gating_pj_per_mac/method clock_gating_pj_per_mac/scope; }
mkdir -p "$tmp/flow/cg_energy" "$tmp/out"
cat >"$tmp/flow/cg_energy/result.kv" <<'K'
method=gate-level simulation activity
scope=the whole array (data, clock pins, clock gates, leakage) of the sky130 netlist
workload=synthetic test input
on.array_pj_per_mac=1.5
off.array_pj_per_mac=2.5
reduction=0.4
on.clock_pj_per_mac=9
off.clock_pj_per_mac=10
K
run
mapfile -t v < <(cg)
[ "${v[0]} ${v[1]} ${v[2]}" = "1.5 2.5 0.4" ] || fail "new format: on/off/reduction '${v[0]} ${v[1]} ${v[2]}'"
[ "${v[3]}" = "gate-level simulation activity" ] || fail "new format: method '${v[3]}'"
[[ ${v[4]} == "the whole array"* ]] || fail "new format: scope '${v[4]}'"
grep -q '^| clock gating, array pJ/MAC | 1.5 gated vs 2.5 ungated (40.0 % less) | gate-level simulation activity' \
  "$tmp/out/report.md" || fail "report.md clock-gating row"
echo "ok: method key present: on ${v[0]}, off ${v[1]}, reduction ${v[2]}, method '${v[3]}'"

grep -v '^\(method\|scope\|reduction\|on.array\|off.array\)' "$tmp/flow/cg_energy/result.kv" >"$tmp/old" &&
  mv "$tmp/old" "$tmp/flow/cg_energy/result.kv"
run
mapfile -t v < <(cg)
[ "${v[0]} ${v[1]} ${v[3]}" = "null null null" ] || fail "no method key: '${v[*]}'"
[[ ${v[4]} == "not measured: "*"no method key"* ]] || fail "no method key: scope '${v[4]}'"
echo "ok: no method key: null, scope '${v[4]}'"

rm "$tmp/flow/cg_energy/result.kv"
run
mapfile -t v < <(cg)
[ "${v[0]} ${v[1]} ${v[3]} ${v[4]}" = "null null null not measured" ] || fail "no result: '${v[*]}'"
echo "ok: no result: null, 'not measured'"
echo "clock_gating_pj_per_mac: ok"
