#!/usr/bin/env bash
# check_lut_best.sh SLTREPORT JSONCHECK - report.json lut_vs_addsub_best from each source
# (docs/report.md "Where the LUT pays"), on configs/tiny.cfg with --quick:
#  1. only an energy-stage result (tests/report/energy_tiny.kv, SYNTHETIC test input):
#     ratio = slt / addsub array pJ/MAC of that file, source names the energy stage;
#  2. a sweep summary (sltdse gather's format, written here) wins over it: its ratio
#     and configuration are copied;
#  3. a sweep without a pair and no energy pair: null, with a note naming both.
set -u
rep=$1 jc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { "$rep" --config configs/tiny.cfg --flow "$1" --out "$tmp/out" --quick "${@:2}" >"$tmp/log" 2>&1 ||
          { cat "$tmp/log"; fail "sltreport exited"; }; }
get() { "$jc" "$tmp/out/report.json" "$@"; }
mkdir -p "$tmp/flow/energy" "$tmp/none" "$tmp/out"
cp tests/report/energy_tiny.kv "$tmp/flow/energy/energy.kv"

run "$tmp/flow"
want=$(awk -F= '/^slt.array_pj_per_mac=/ { s = $2 } /^addsub.array_pj_per_mac=/ { a = $2 } END { printf "%.6g", s / a }' \
  tests/report/energy_tiny.kv)
mapfile -t v < <(get lut_vs_addsub_best/ratio lut_vs_addsub_best/source lut_vs_addsub_best/target lut_vs_addsub_best/met lut_vs_addsub_best/best_against_best)
[ "${v[0]}" = "$want" ] || fail "energy-stage ratio ${v[0]}, expected $want"
[[ ${v[1]} == *"energy stage"* ]] || fail "energy-stage source '${v[1]}'"
[ "${v[2]}" = 0.75 ] || fail "target ${v[2]}"
# one pair at the same placement is not best against best: met stays null
[ "${v[3]}" = null ] && [ "${v[4]}" = false ] || fail "energy-stage pair: met '${v[3]}', best_against_best '${v[4]}' (expected null, false)"
grep -q "^## Where the LUT pays" "$tmp/out/report.md" || fail "report.md has no LUT section"
echo "ok: from the energy stage: ratio ${v[0]} (= slt / addsub of the energy result)"

cat >"$tmp/summary.json" <<'J'
{
  "points": 4,
  "points_ok": 4,
  "lut_vs_addsub_best": {"ratio": 0.875, "config": "group_size=4 lut_units=2", "addsub_config": "array=addsub group_size=4 lut_units=2", "macs_per_cycle": 64, "slt_pj_per_mac": 2.1, "addsub_pj_per_mac": 2.4, "target": 0.75, "met": false}
}
J
run "$tmp/flow" --dse "$tmp/summary.json"
mapfile -t v < <(get lut_vs_addsub_best/ratio lut_vs_addsub_best/config lut_vs_addsub_best/macs_per_cycle lut_vs_addsub_best/met lut_vs_addsub_best/best_against_best)
[ "${v[*]}" = "0.875 group_size=4 lut_units=2 64 false true" ] || fail "from the sweep: got '${v[*]}'"
echo "ok: from a sweep summary: ratio ${v[0]}, config '${v[1]}', ${v[2]} MAC/cycle, met ${v[3]}"

echo '{"points": 2, "points_ok": 0, "lut_vs_addsub_best": null}' >"$tmp/empty.json"
run "$tmp/none" --dse "$tmp/empty.json"
mapfile -t v < <(get lut_vs_addsub_best lut_vs_addsub_note)
[ "${v[0]}" = null ] || fail "no pair anywhere: lut_vs_addsub_best = '${v[0]}', expected null"
[[ ${v[1]} == *"no SLT and add/sub pair"*"energy stage measured no"* ]] || fail "note '${v[1]}'"
echo "ok: no pair: null, note '${v[1]}'"
echo "lut_vs_addsub_best: ok"
