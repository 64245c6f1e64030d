#!/usr/bin/env bash
# check_report.sh DIR JSONCHECK PDK_DIR - check the `make run` report in DIR
# (build/<cfg>/): report.json is valid JSON with every required field, the
# figures are sane (latency >= link bound > 0, energy > 0, area > 0, Fmax > 0),
# the SVG charts are well-formed, report.md names every model. Liberty-based
# fields (area_um2, fmax_mhz, energy_mj) must be numbers when a sky130
# liberty is found (synth/lib_find.sh) and null otherwise (the report says "skipped").
set -u
dir=$1 jc=$2 pdk=$3
fail=0
bad() { echo "FAIL: $*"; fail=1; }
j="$dir/report.json"
[ -s "$j" ] || { echo "FAIL: no $j"; exit 1; }
"$jc" "$j" >/dev/null || { echo "FAIL: $j is not valid JSON"; exit 1; }
echo "ok: $j parses"
models="bitnet_b1_58-large bitnet_b1_58-xl bitnet_b1_58-3B BitNet-b1.58-2B-4T"
have_lib=0
# the same discovery as the flow (synth/lib_find.sh: $PDK_ROOT, else PDK_DIR)
PDK_DIR=$pdk "$(dirname "$0")/../../synth/lib_find.sh" sky130 >/dev/null && have_lib=1

# one value per line, in the order asked
paths=(config clock_mhz liberty area_um2 sram_area_um2 fmax_mhz)
for m in $models; do paths+=("models/$m/latency_s" "models/$m/energy_mj" "models/$m/link_bound_s"); done
mapfile -t vals < <("$jc" "$j" "${paths[@]}")
[ ${#vals[@]} -eq ${#paths[@]} ] || { echo "FAIL: lookup returned ${#vals[@]} values for ${#paths[@]} paths"; exit 1; }
declare -A v
for k in "${!paths[@]}"; do
  v[${paths[$k]}]=${vals[$k]}
  [ "${vals[$k]}" = MISSING ] && bad "field ${paths[$k]} missing"
done
isnum() { [[ $1 =~ ^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$ ]]; }
pos() { isnum "$2" && awk -v x="$2" 'BEGIN { exit !(x > 0) }' || bad "$1 = '$2', expected a number > 0"; }
libfield() {  # a liberty-based figure: > 0 with the PDK, null without
  if [ $have_lib = 1 ]; then pos "$1" "$2"
  else [ "$2" = null ] || bad "$1 = '$2', expected null without a liberty"; fi
}

[ -n "${v[config]}" ] && [ "${v[config]}" != MISSING ] || bad "config empty"
pos clock_mhz "${v[clock_mhz]}"
pos sram_area_um2 "${v[sram_area_um2]}"
libfield area_um2 "${v[area_um2]}"
libfield fmax_mhz "${v[fmax_mhz]}"
if [ $have_lib = 1 ]; then
  [[ ${v[liberty]} == sky130* ]] || bad "liberty = '${v[liberty]}', expected sky130..."
else
  [ "${v[liberty]}" = none ] || bad "liberty = '${v[liberty]}', expected none"
fi
for m in $models; do
  lat=${v[models/$m/latency_s]} lb=${v[models/$m/link_bound_s]} e=${v[models/$m/energy_mj]}
  pos "models/$m/latency_s" "$lat"
  pos "models/$m/link_bound_s" "$lb"
  libfield "models/$m/energy_mj" "$e"
  isnum "$lat" && isnum "$lb" && { awk -v a="$lat" -v b="$lb" 'BEGIN { exit !(a >= b * (1 - 1e-9)) }' ||
    bad "$m: latency $lat s < link bound $lb s"; }
done
[ $fail = 0 ] && echo "ok: required fields present and sane (liberty: $([ $have_lib = 1 ] && echo sky130 || echo none))"

# top-level figures: what area_um2 / fmax_mhz refer to, the area per block with the
# modelled SRAM, the measured RTL cycles next to the event model (rtl-check)
mapfile -t t < <("$jc" "$j" area_of fmax_of rtl_check/cycles rtl_check/predicted_cycles rtl_check/ratio \
  energy_model/controllers_axi_included area_blocks_um2/control area_blocks_um2/axi area_blocks_um2/sram_sky130_modelled \
  area_blocks_um2/sram_asap7 latency_source rtl_check/exact)
case "${t[0]}" in array|top) ;; *) bad "area_of = '${t[0]}', expected array or top" ;; esac
case "${t[1]}" in array|top) ;; *) bad "fmax_of = '${t[1]}', expected array or top" ;; esac
case "${t[5]}" in true|false) ;; *) bad "energy_model/controllers_axi_included = '${t[5]}'" ;; esac
if [ "${t[0]}" = top ]; then
  pos area_blocks_um2/control "${t[6]}"; pos area_blocks_um2/axi "${t[7]}"
  pos area_blocks_um2/sram_sky130_modelled "${t[8]}"
  [ "${t[9]}" = "not modelled" ] || bad "area_blocks_um2/sram_asap7 = '${t[9]}', expected 'not modelled'"
  grep -q '^### Accelerator top by block' "$dir/report.md" || bad "report.md has no top area table"
  grep -q 'SRAM macros .*MODEL' "$dir/report.md" || bad "report.md does not label the SRAM area as a model"
else
  grep -q 'accelerator top was not synthesised' "$dir/report.md" || bad "report.md does not say the top was not synthesised"
fi
if [ "${t[2]}" != MISSING ] && [ "${t[2]}" != null ]; then
  pos rtl_check/cycles "${t[2]}"; pos rtl_check/predicted_cycles "${t[3]}"; pos rtl_check/ratio "${t[4]}"
  # exact: the measured PERF_CYCLES_BUSY equals the event model's busy_cycles (ref/slt_busy.h)
  [ "${t[11]}" = true ] && [ "${t[2]}" = "${t[3]}" ] ||
    bad "rtl_check: measured ${t[2]} cycles, event model ${t[3]} (exact = ${t[11]}): they must be equal"
else
  # The top exists, so make run must have measured it (a silent skip would hide a broken top).
  bad "rtl_check missing from report.json: the top-level RTL was not measured"
fi
[[ ${t[10]} == *"event model"* ]] || bad "latency_source = '${t[10]}'"
grep -q '^## Latency: event model and measured RTL' "$dir/report.md" || bad "report.md has no model-vs-measured latency section"
[ $fail = 0 ] && echo "ok: area_of=${t[0]} fmax_of=${t[1]} rtl_check exact=${t[11]} ratio=${t[4]} controllers/AXI energy=${t[5]}"

# SVG: xmllint when installed, else a structural grep check
for s in area energy; do
  f="$dir/$s.svg"
  [ -s "$f" ] || { bad "no $f"; continue; }
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$f" || bad "$f is not well-formed XML"
  fi
  head -n 1 "$f" | grep -q '^<?xml ' || bad "$f: no XML declaration"
  grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$f" || bad "$f: no svg root"
  [ "$(tail -n 1 "$f")" = "</svg>" ] || bad "$f: does not end with </svg>"
  [ "$(grep -o '<text' "$f" | wc -l)" = "$(grep -o '</text>' "$f" | wc -l)" ] || bad "$f: unbalanced <text>"
  grep -q '<rect' "$f" || bad "$f: no bars"
  if grep -v '^<?xml' "$f" | grep -Eq '&[^a-z#]|<[^/a-z!?]'; then bad "$f: unescaped & or <"; fi
done
[ $fail = 0 ] && echo "ok: area.svg and energy.svg well-formed$(command -v xmllint >/dev/null 2>&1 && echo ' (xmllint)')"

# the energy parameters for sltref generate --energy: present exactly when the energy is
e3=${v[models/bitnet_b1_58-3B/energy_mj]}
if [ "$e3" != null ]; then
  grep -qx 'format=slt-energy-params 1' "$dir/energy_params.kv" 2>/dev/null || bad "energy_mj is $e3 but $dir/energy_params.kv is missing or malformed"
  grep -q '^method=' "$dir/energy_params.kv" 2>/dev/null || bad "$dir/energy_params.kv has no method"
else
  [ ! -e "$dir/energy_params.kv" ] || bad "energy_mj is null but $dir/energy_params.kv exists"
fi
[ $fail = 0 ] && echo "ok: energy_params.kv $([ "$e3" != null ] && echo "written ($(sed -n 's/^method=//p' "$dir/energy_params.kv"))" || echo "absent (no logic energy)")"

# ECC cost (stage ecc-cost + the SRAM model): what secded costs or would cost
mapfile -t ec < <("$jc" "$j" ecc_cost/ecc ecc_cost/sram_area_sky130_um2/overhead ecc_cost/coder_logic_transistors \
  ecc_cost/coder_logic_area_um2 ecc_cost/energy_mj_per_token_3b/none ecc_cost/energy_mj_per_token_3b/secded)
case "${ec[0]}" in none|secded) ;; *) bad "ecc_cost/ecc = '${ec[0]}', expected none or secded" ;; esac
pos ecc_cost/sram_area_sky130_um2/overhead "${ec[1]}"
pos ecc_cost/coder_logic_transistors "${ec[2]}"   # stage ecc-cost runs in every make run (Yosys)
libfield ecc_cost/coder_logic_area_um2 "${ec[3]}"
if [ "$e3" != null ]; then
  pos ecc_cost/energy_mj_per_token_3b/none "${ec[4]}"; pos ecc_cost/energy_mj_per_token_3b/secded "${ec[5]}"
  # the configuration's own energy is the matching column
  want=${ec[4]}; [ "${ec[0]}" = secded ] && want=${ec[5]}
  awk -v a="$want" -v b="$e3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 1e-5 * b) }' ||
    bad "ecc_cost energy for ecc = ${ec[0]} ($want) is not the headline 3B energy ($e3)"
fi
grep -q '^## ECC cost' "$dir/report.md" || bad "report.md has no ECC cost section"
[ $fail = 0 ] && echo "ok: ecc_cost (ecc = ${ec[0]}): SRAM +${ec[1]}, coders ${ec[2]} transistors / ${ec[3]} um2, 3B ${ec[4]} -> ${ec[5]} mJ"

# where the LUT pays: a ratio with its source, or null with the reason
lb=$("$jc" "$j" lut_vs_addsub_best)
if [ "$lb" = null ]; then
  note=$("$jc" "$j" lut_vs_addsub_note)
  [ -n "$note" ] && [ "$note" != MISSING ] || bad "lut_vs_addsub_best is null without lut_vs_addsub_note"
  [ $fail = 0 ] && echo "ok: lut_vs_addsub_best null: $note"
else
  mapfile -t lb < <("$jc" "$j" lut_vs_addsub_best/ratio lut_vs_addsub_best/source)
  pos lut_vs_addsub_best/ratio "${lb[0]}"
  [ -n "${lb[1]}" ] && [ "${lb[1]}" != MISSING ] || bad "lut_vs_addsub_best has no source"
  [ $fail = 0 ] && echo "ok: lut_vs_addsub_best ${lb[0]} (${lb[1]})"
fi
grep -q '^## Where the LUT pays' "$dir/report.md" || bad "report.md has no LUT vs add/sub section"

md="$dir/report.md"
[ -s "$md" ] || bad "no $md"
for m in $models; do grep -q -- "| $m |" "$md" || bad "report.md has no row for $m"; done
grep -q '^## Goals' "$md" || bad "report.md has no Goals section"
grep -q 'scaled to 28 nm\|Scaling to 28 nm' "$md" || [ $have_lib = 0 ] || bad "report.md does not label the 28 nm scaling"
[ $fail = 0 ] && echo "ok: report.md has every model and the goals" && echo "report checks passed"
exit $fail
