#!/usr/bin/env bash
# cg_clock_energy.sh CFG M K [N] [SEED] [OUTDIR] - clock energy of the array's flip-flops
# and clock gates per ternary MAC, clock_gating = on against off, on the same
# workload (docs/array.md, "Clock gating").
#
# How: both variants of CFG are generated; the Icarus array testbench replays
# the same `sltref vectors` GEMV/GEMM (M x K, N tokens, SEED) with a VCD of the
# array; the rising edges of every gated clock (<name>_gclk) and of clk_i are
# counted. Flip-flops behind each gate: the registers the generated RTL clocks
# by it (their declared widths); all other flip-flops (Yosys generic flow count)
# see every edge. Energy per edge from the sky130 tt liberty: dfxtp_1 CLK
# internal energy (rise + fall, 3rd slew point) + its CLK pin capacitance x V^2;
# dlclkp_1: the same for its CLK pin every cycle, plus its GCLK output internal
# energy in enabled cycles.
# This is the clock-pin energy only (a measured edge count times library
# energies): data-path, wiring and clock-tree energy are NOT included, so it is
# not the total energy per MAC of a gate-level simulation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cfg=$1 m=$2 k=$3 n=${4:-1} seed=${5:-1} work=${6:-build/cg_energy}
lib=build/lib/sky130_fd_sc_hd__tt_025C_1v80/sky130_fd_sc_hd__tt_025C_1v80.lib
[ -r "$lib" ] || { echo "cg_clock_energy: $lib missing (run make sta LIB=sky130 once)" >&2; exit 2; }
mkdir -p "$work"

# liberty: value 3 of the table after "<kind>_power" in pin P's internal_power of cell C
lib_val() { awk -v c="\"sky130_fd_sc_hd__$1\"" -v p="\"$2\"" -v kind="$3" '
  $0 ~ "cell \\(" c "\\)" { f = 1 } f && $0 ~ "pin \\(" p "\\)" { q = 1 }
  q && $0 ~ kind "_power" { r = 1 } r && /values/ { s = $0; sub(/.*values\("/, "", s); split(s, v, ","); print v[3] + 0; exit }' "$lib"; }
lib_cap() { awk -v c="\"sky130_fd_sc_hd__$1\"" -v p="\"$2\"" '
  $0 ~ "cell \\(" c "\\)" { f = 1 } f && $0 ~ "pin \\(" p "\\)" { q = 1 } q && /^ *capacitance/ { s = $3; sub(/;/, "", s); print s + 0; exit }' "$lib"; }
vdd=1.8
e_ff=$(awk -v r="$(lib_val dfxtp_1 CLK rise)" -v f="$(lib_val dfxtp_1 CLK fall)" -v c="$(lib_cap dfxtp_1 CLK)" -v v=$vdd 'BEGIN { printf "%.6g", r + f + c * v * v }')
e_icg=$(awk -v r="$(lib_val dlclkp_1 CLK rise)" -v f="$(lib_val dlclkp_1 CLK fall)" -v c="$(lib_cap dlclkp_1 CLK)" -v v=$vdd 'BEGIN { printf "%.6g", r + f + c * v * v }')
e_icg_on=$(awk -v r="$(lib_val dlclkp_1 GCLK rise)" -v f="$(lib_val dlclkp_1 GCLK fall)" 'BEGIN { printf "%.6g", r + f }')

for v in on off; do
  d=$work/$v
  sed '/^[[:space:]]*clock_gating/d' "$cfg" >"$work/$v.cfg"
  echo "clock_gating = $v" >>"$work/$v.cfg"
  build/bin/sltgen --config "$work/$v.cfg" --out "$d" --quiet
  printf 'module cg_dump;\n  initial begin $dumpfile("%s/array.vcd"); $dumpvars(0, slt_array_tb.u_dut); end\nendmodule\n' "$d" >"$d/cg_dump.v"
  iverilog -g2005 -I"$d" -s slt_array_tb -s cg_dump -o "$d/tb.vvp" tb/slt_array_tb.v "$d"/rtl/*.v "$d/cg_dump.v"
  build/bin/sltref vectors --config "$d/config.cfg" --shape "$m,$k" --n "$n" --seed "$seed" "$d/vec" >/dev/null
  out=$(vvp -n "$d/tb.vvp" +vec="$d/vec")
  grep -q '^PASS' <<<"$out" || { echo "$out" >&2; echo "cg_clock_energy: simulation failed ($v)" >&2; exit 1; }
  # flip-flops of the array (generic synthesis)
  p=$(sed -nE 's/^SLT_TOP_ARRAY[[:space:]]*:?=[[:space:]]*//p' "$d/params.mk")
  synth/synth.sh --params "$d/params.mk" --top "$p" --out "$d/synth" >/dev/null
  ff=$(sed -n 's/^flops=//p' "$d/synth/generic/summary.kv")
  # bits behind each gate name: widths of the registers clocked by <name>_gclk
  cat "$d"/rtl/*.v | awk '
    /^ *reg / { w = 1; nm = $NF; sub(/;.*/, "", nm); if (match($0, /\[[0-9]+:0\]/)) w = substr($0, RSTART + 1, RLENGTH - 4) + 1; width[nm] = w }
    /always @\(posedge [A-Za-z0-9_]+_gclk/ { cur = $0; sub(/.*posedge /, "", cur); sub(/_gclk.*/, "", cur) }
    cur != "" && /<=/ { q = $0; sub(/ *<=.*/, "", q); n = split(q, a, " "); q = a[n]; sub(/.*\) */, "", q)
      if (!((cur, q) in seen)) { seen[cur, q] = 1; bits[cur] += width[q] } }
    cur != "" && (/<=.*;/ && !/begin *$/ && /always/ || /^ *end *$/) { cur = "" }
    END { for (g in bits) print g, bits[g] }' >"$d/gate_bits.txt"
  # rising edges per gated clock instance, and of clk_i
  awk -v BITS="$d/gate_bits.txt" -v FF="$ff" -v V="$v" -v M="$m" -v K="$k" -v N="$n" -v EFF="$e_ff" -v EICG="$e_icg" -v EON="$e_icg_on" '
    BEGIN { while ((getline l < BITS) > 0) { split(l, a, " "); bits[a[1]] = a[2] } }
    /^\$scope/ { depth++ } /^\$upscope/ { depth-- }
    /^\$var/ { nm = $5; id = $4
      if (nm ~ /_gclk$/) { g = nm; sub(/_gclk$/, "", g); gate[id] = g; ngates[id] = 1 }
      if (nm == "clk_i" && clk == "") clk = id }
    /^1/ { id = substr($0, 2); if (id == clk) cycles++; if (id in gate) edges[id]++ }
    END {
      gated_bits = 0; e_on = 0
      for (id in gate) { gated_bits += bits[gate[id]]; e_on += edges[id] * bits[gate[id]]; icg++; en += edges[id] }
      macs = M * K * N
      FF -= icg   # the generic flop count includes the latch of every clock gate
      # RTL widths can exceed what synthesis keeps (a constant bit removed): no negative count
      if (FF < gated_bits) FF = gated_bits
      e = (cycles * (FF - gated_bits) + e_on) * EFF + cycles * icg * EICG + en * EON
      printf "clock_gating=%s cycles=%d flops=%d gated_flops=%d clock_gates=%d flop_clock_edges=%d clock_pj=%.4g macs=%d clock_pj_per_mac=%.6g\n",
        V, cycles, FF, gated_bits, icg, cycles * (FF - gated_bits) + e_on, e, macs, e / macs }' "$d/array.vcd"
done | tee "$work/result.txt"
echo "energy per flop clock edge $e_ff pJ, clock gate $e_icg pJ per cycle + $e_icg_on pJ when enabled (sky130 tt liberty)"
# key=value summary for the report (sltreport: clock_gating_pj_per_mac)
{
  echo "scope=flip-flop and clock-gate clock pins of the array only (Icarus RTL clock-edge counts x sky130 tt liberty energies); data path, wires and clock tree excluded"
  echo "workload=sltref vectors M=$m K=$k N=$n seed=$seed"
  echo "e_ff_pj=$e_ff"
  echo "e_icg_pj=$e_icg"
  echo "e_icg_enabled_pj=$e_icg_on"
  awk '{ split($1, a, "="); v = a[2]; for (i = 2; i <= NF; i++) { split($i, b, "="); print v "." b[1] "=" b[2] } }' "$work/result.txt"
} >"$work/result.kv"
