#!/usr/bin/env bash
# ecc_cost.sh BUILD CFG... - side-by-side cost of ecc = secded (make ecc-cost): for each
# configuration X, the accelerator top X (ecc = none) against ecc_X (ecc = secded), from
# the flows' build/flow/<cfg>/synth-top/ summaries (make synth PART=top [LIB=sky130]):
#   Yosys generic cells / transistors of the logic (SRAM macros are black boxes, 0 here),
#   sky130 logic area (Yosys + abc), MODELLED SRAM macro area (gen/sram_model.c) and total;
# then build/bin/sltecc: per-buffer code bits and the MODELLED SRAM access energy of one
# GEMV (28 nm). Encoder/decoder switching energy is not included.
set -euo pipefail
b=$1; shift
kv() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a + 0 == 0) print "-"; else printf "%.3f", b / a }'; }
printf '%-10s %-8s %10s %12s %14s %16s %14s\n' config ecc cells transistors "logic um^2" "SRAM um^2 (mod.)" "total um^2"
for c in "$@"; do
  declare -A v=()
  for e in none secded; do
    n=$c; [ $e = secded ] && n=ecc_$c
    gen=$b/flow/$n/synth-top/generic/summary.kv
    lib=$(ls -d "$b"/flow/"$n"/synth-top/sky130*/summary.kv 2>/dev/null | head -n 1 || true)
    [ -r "$gen" ] || { echo "ecc_cost: missing $gen (make synth CFG=$n PART=top)"; exit 1; }
    v[$e.cells]=$(kv "$gen" cells); v[$e.tr]=$(kv "$gen" transistors)
    v[$e.logic]=$(kv "$lib" area_logic_um2); v[$e.sram]=$(kv "$lib" area_blackbox_um2); v[$e.total]=$(kv "$lib" area_um2)
    printf '%-10s %-8s %10s %12s %14s %16s %14s\n' "$c" $e "${v[$e.cells]}" "${v[$e.tr]}" "${v[$e.logic]:--}" \
      "${v[$e.sram]:--}" "${v[$e.total]:--}"
  done
  printf '%-10s %-8s %10s %12s %14s %16s %14s\n' "$c" ratio "$(ratio "${v[none.cells]}" "${v[secded.cells]}")" \
    "$(ratio "${v[none.tr]}" "${v[secded.tr]}")" "$(ratio "${v[none.logic]}" "${v[secded.logic]}")" \
    "$(ratio "${v[none.sram]}" "${v[secded.sram]}")" "$(ratio "${v[none.total]}" "${v[secded.total]}")"
  unset v
done
echo "(Yosys 0.23 generic gates and sky130_fd_sc_hd tt_025C_1v80 + abc, pre-layout; SRAM macros MODELLED by"
echo " gen/sram_model.c for the codeword width, same depth: the ECC bits come on top of the configured KiB)"
for c in "$@"; do
  echo
  "$b/bin/sltecc" --config "$b/$c/config.cfg"
done
echo "(SRAM energy MODELLED, 28 nm; the model's bank split can make a wider word slightly cheaper per access)"
