#!/usr/bin/env bash
# energy.sh - measured energy of one generated accelerator top: gate-level
# simulation activity on a decode GEMV window (docs/report.md "Measured energy").
#
#   synth/energy.sh --gen build/<cfg> --netlist FLAT.v --lib LIB.lib --out DIR
#                   [--label slt] [--k 2560] [--m 64] [--sigma 37] [--zero 33]
#                   [--seed 1] [--snap 500] [--force-rate 0.3] [--max-fanout 10]
#                   [--sltnet build/bin/sltnet] [--libref build/opt/lib/libsltref.a]
#                   [--rt-cache DIR]
#     --gen      the sltgen output of the configuration (config.cfg, params.mk, top/)
#     --netlist  the flattened sky130 netlist of the top (synth.sh: netlist_flat.v)
#     --lib      the uncompressed liberty OpenSTA reads (build/lib/<tag>/<tag>.lib)
#     --rt-cache where the Verilator run-time objects (verilated*.o), the same for every
#                top, are kept between tops, keyed on the compiler, Verilator and flags
#
# Steps (each timed in DIR/steps.kv):
#  1. buffer  sltnet buffer: fanout trees on the flat netlist; fanout/capacitance
#             violations (sltnet, pin loads) before and after
#  2. sta     OpenSTA: max-transition (slew) violations before and after; power per
#             instance at global toggle rates 0 and 1 (one process for all rates), and the
#             total at --force-rate for the self-check
#  3. models  Yosys read_liberty: Verilog models of every cell of the same liberty
#  4. build   Verilator --coverage-toggle: netlist + models + SRAM model + tb_top.cpp
#  5. sim     two windows through the AXI ports (tb_top +bench=KxM, N(0,sigma)
#             activations, zero_pct ternary zeros): M and 2M rows; the long one
#             writes the toggle counters every --snap cycles (convergence; 0: none)
#  6. energy  sltnet energy on each window, the snapshots and the forced rate
# Writes DIR/energy.kv (key=value, read by sltreport) and DIR/energy.json.
set -euo pipefail
# the whole script is one function, read before it runs (safe to edit while running)
main() {
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/common.sh"

gen="" netlist="" lib="" out="" label=slt k=2560 m=64 sigma=37 zero=33 seed=1 snap=500 frate=0.3 fo=10
sltnet="$root/build/bin/sltnet" libref="$root/build/opt/lib/libsltref.a" rtcache=""
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) gen=$2; shift ;;
    --netlist) netlist=$2; shift ;;
    --lib) lib=$2; shift ;;
    --out) out=$2; shift ;;
    --label) label=$2; shift ;;
    --k) k=$2; shift ;;
    --m) m=$2; shift ;;
    --sigma) sigma=$2; shift ;;
    --zero) zero=$2; shift ;;
    --seed) seed=$2; shift ;;
    --snap) snap=$2; shift ;;
    --force-rate) frate=$2; shift ;;
    --max-fanout) fo=$2; shift ;;
    --sltnet) sltnet=$2; shift ;;
    --libref) libref=$2; shift ;;
    --rt-cache) rtcache=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
[ -n "$gen" ] && [ -n "$netlist" ] && [ -n "$lib" ] && [ -n "$out" ] || die "need --gen, --netlist, --lib and --out"
[ -r "$gen/params.mk" ] || die "no $gen/params.mk"
[ -r "$netlist" ] || die "no netlist $netlist (synth.sh --lib writes netlist_flat.v)"
[ -r "$lib" ] || die "no liberty $lib"
[ -x "$sltnet" ] || die "no $sltnet (make build/bin/sltnet)"
gen=$(cd "$gen" && pwd)
mkdir -p "$out"
o=$(cd "$out" && pwd)
top=$(params_get "$gen/params.mk" SLT_TOP)
clock=$(clock_mhz_from "$gen/params.mk")
[ -n "$top" ] || die "no SLT_TOP in $gen/params.mk"
steps="$o/steps.kv"
: >"$steps"
t_step() { echo "step.$1.seconds=$2" >>"$steps"; }

# ---- 1. fanout buffering ---------------------------------------------------------
banner "1. fanout buffering ($label): $netlist"
t0=$(date +%s)
"$sltnet" buffer --lib "$lib" --in "$netlist" --check 1 --max-fanout "$fo" | sed 's/^/before./' >"$o/fanout.kv"
"$sltnet" buffer --lib "$lib" --in "$netlist" --max-fanout "$fo" --out "$o/netlist_buf.v" --out-sta "$o/netlist_buf_sta.v" |
  tee "$o/buffer.log" | grep -v '=' || true
"$sltnet" buffer --lib "$lib" --in "$o/netlist_buf.v" --check 1 --max-fanout "$fo" | sed 's/^/after./' >>"$o/fanout.kv"
# the unbuffered netlist as OpenSTA reads it (no parameters on black boxes)
"$sltnet" buffer --lib "$lib" --in "$netlist" --max-fanout 1000000000 --cap-frac 1e9 --out "$o/netlist_flat_sim.v" \
  --out-sta "$o/netlist_flat_sta.v" >/dev/null
rm -f "$o/netlist_flat_sim.v"
cat "$o/fanout.kv"
t_step buffer $(( $(date +%s) - t0 ))

# ---- 2. OpenSTA: slew violations, power per instance -------------------------------
banner "2. OpenSTA ($label): slew violations, power per instance at 0 and 1"
t0=$(date +%s)
"$root/constraints/mk_sdc.sh" --clock-mhz "$clock" --time-unit ns --name "$label" \
  --drive-cell sky130_fd_sc_hd__buf_2 --load 0.01 --io-frac "$SLT_IO_FRAC_DEFAULT" --clock-port clk_i >"$o/constraints.sdc"
cat >"$o/sta_load.tcl" <<EOF
read_liberty $lib
read_verilog \$::env(SLT_NETLIST)
link_design $top
set_wire_load_mode top
set_wire_load_model -name Small
read_sdc $o/constraints.sdc
EOF
cat >"$o/slew.tcl" <<EOF
source $o/sta_load.tcl
report_check_types -max_transition -all_violators > \$::env(SLT_OUT)
EOF
# power at the three global rates from one OpenSTA process (one liberty read and link
# instead of three): each rate's report goes to its own file; power_<a>.log is the load
# messages followed by that report, byte for byte what one process per rate printed
# (checked on the slim tops: the per-instance reports are identical)
cat >"$o/power.tcl" <<EOF
source $o/sta_load.tcl
foreach a \$::env(SLT_ACTIVITIES) inst \$::env(SLT_INSTANCES) {
  sta::redirect_file_begin $o/power_\$a.rpt
  set_power_activity -global -activity \$a -duty 0.5
  report_power -digits 6
  if {\$inst eq "1"} { report_power -instances [get_cells *] -digits 6 }
  sta::redirect_file_end
}
EOF
# Clock pins are left out of the counts (reported apart): the clock network is ideal
# in this pre-CTS flow (sltnet buffer leaves clock nets alone), and the nets behind an
# integrated clock-gating cell are the clock tree's job, as is the root clock.
slew_count() { grep 'VIOLATED' "$1" | grep -vEc '/G?CLK ' || true; }
slew_clock() { grep 'VIOLATED' "$1" | grep -Ec '/G?CLK ' || true; }
# the OpenSTA processes (single-threaded) run in the background next to steps 3-5
# (Yosys, Verilator, the C++ build, the simulation); step 6 waits for them
sta_runs() {
  for v in flat buf; do
    SLT_NETLIST="$o/netlist_${v}_sta.v" SLT_OUT="$o/slew_$v.rpt" sta -no_init -no_splash -exit "$o/slew.tcl" >"$o/slew_$v.log" 2>&1 ||
      die "OpenSTA failed on $o/netlist_${v}_sta.v (see $o/slew_$v.log)"
    grep -q '^Error' "$o/slew_$v.log" && die "OpenSTA errors in $o/slew_$v.log"
  done
  rm -f "$o"/power_*.rpt "$o"/power_*.log
  SLT_NETLIST="$o/netlist_buf_sta.v" SLT_ACTIVITIES="0 1 $frate" SLT_INSTANCES="1 1 0" \
    sta -no_init -no_splash -exit "$o/power.tcl" >"$o/power_load.log" 2>&1 || die "OpenSTA power failed ($o/power_load.log)"
  for a in 0 1 "$frate"; do
    cat "$o/power_load.log" "$o/power_$a.rpt" >"$o/power_$a.log" 2>/dev/null && rm -f "$o/power_$a.rpt"
    grep -q '^Total' "$o/power_$a.log" || die "no power report at activity $a in $o/power_$a.log (see $o/power_load.log)"
  done
  echo "step.sta.seconds=$(( $(date +%s) - t0 ))" >"$o/sta.seconds"
}
rm -f "$o/sta.seconds"
sta_runs >"$o/sta_runs.log" 2>&1 &
sta_pid=$!
trap 'kill "$sta_pid" 2>/dev/null || true' EXIT
echo "running in the background (pid $sta_pid, $o/sta_runs.log)"

# ---- 3. cell models from the same liberty ---------------------------------------------
banner "3. cell models: Yosys read_liberty $lib"
t0=$(date +%s)
yosys -q -l "$o/models.log" -p "read_liberty -ignore_miss_func $lib; write_verilog -noattr $o/models_raw.v" >/dev/null 2>&1 ||
  die "yosys read_liberty failed ($o/models.log)"
{ echo '/* verilator coverage_off */'; echo '/* verilator lint_off UNUSEDSIGNAL */'; cat "$o/models_raw.v"
  # integrated clock-gating cells have a statetable, not a function, so read_liberty
  # gives no model: the same latch-based gate as rtl/slt_clock_gate.v, per cell used
  for c in $(grep -o 'sky130_fd_sc_hd__dlclkp_[0-9]*' "$netlist" | sort -u); do
    printf 'module %s (input CLK, input GATE, output GCLK);\n  reg m0;\n  /* verilator lint_off LATCH */\n  always @(CLK or GATE) if (!CLK) m0 = GATE;\n  /* verilator lint_on LATCH */\n  assign GCLK = CLK & m0;\nendmodule\n' "$c"
  done
} >"$o/models.v"
rm -f "$o/models_raw.v"
t_step models $(( $(date +%s) - t0 ))

# ---- 4. Verilator build ----------------------------------------------------------------
banner "4. Verilator build (toggle coverage): $o/vnet/Vtop"
t0=$(date +%s)
# the C++ compiler: clang++ when installed (scripts/deps.sh installs it): at -O0 it
# compiles the model's 14 MB files about 1.4x faster than g++ (slim top: 60 against
# 82 s CPU; the simulation runs about 1.4x slower, 11 against 8 s for both windows);
# the toggle counts are the same (coverage files byte-identical). Part of the build's key.
cxx=g++; command -v clang++ >/dev/null 2>&1 && cxx=clang++
src_sum=$( { cat "$o/netlist_buf.v" "$o/models.v" "$root/tb/energy/slt_sram_macro_sim.v" "$root/tb/top/tb_top.cpp" "$root/tb/top/tb_axi_host.h" "$libref"; echo "$cxx"; } | md5sum | cut -c1-16)
if [ -x "$o/vnet/Vtop" ] && [ "$(cat "$o/vnet/src.md5" 2>/dev/null)" = "$src_sum" ]; then
  echo "up to date (same netlist, models and harness)"
else
  rm -rf "$o/vnet" && mkdir -p "$o/vnet"
  # no --trace (its code doubles the C++ build); the harness links the VCD writer itself.
  # --output-split 400000: ~11 C++ files instead of ~59 for slim; every file includes the
  # model's 5 MB class header, whose parsing was half of g++'s time (slim add/sub top:
  # make 156 -> 93 s CPU; same code, so the same toggle counts, byte for byte)
  verilator --cc --exe --prefix Vtop --coverage-toggle --coverage-underscore --coverage-max-width 1000000 \
    --output-split 400000 --output-split-cfuncs 20000 \
    -O3 --x-assign fast --x-initial fast -Wno-fatal -Wno-lint -Wno-style -Wno-MULTITOP -Wno-UNOPTFLAT \
    --top-module "$top" -Mdir "$o/vnet" \
    -CFLAGS "-std=c++17 -DSLT_TB_NETLIST -I$root/ref -I$root/tb -I$gen/top -I$gen" -LDFLAGS "$libref -lm" -o Vtop \
    "$o/models.v" "$root/tb/energy/slt_sram_macro_sim.v" "$o/netlist_buf.v" "$root/tb/top/tb_top.cpp" \
    "$(verilator --getenv VERILATOR_ROOT)/include/verilated_vcd_c.cpp" >"$o/vnet/verilator.log" 2>&1 ||
    { tail -20 "$o/vnet/verilator.log"; die "verilator failed"; }
  echo "$cxx" >"$o/vnet/cxx.txt"
  # clang++: the model's class header (7 MB for slim), included by every model file, is
  # parsed once into a precompiled header (-include-pch) instead of once per file (about
  # 0.5 s CPU a file, 15 files); the object files are byte-identical with and without
  # it (checked on slim), so the model and its toggle counts are the same
  pch_mk=Vtop.mk
  if [ "$cxx" = clang++ ]; then
    pch_mk=pch.mk
    printf '#include "verilated.h"\n#include "verilated_cov.h"\n#include "Vtop__Syms.h"\n#include "Vtop___024root.h"\n' >"$o/vnet/Vtop__pch.h"
    cat >"$o/vnet/pch.mk" <<'EOF'
# synth/energy.sh: Vtop.mk with the model's headers precompiled for its own files
include Vtop.mk
Vtop__pch.h.pch: Vtop__pch.h Vtop.h Vtop__Syms.h Vtop___024root.h
	$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(PCH_OPT) -x c++-header $< -o $@
$(VK_FAST_OBJS) $(VK_SLOW_OBJS): Vtop__pch.h.pch
$(VK_FAST_OBJS) $(VK_SLOW_OBJS): PCH_USE = -include-pch Vtop__pch.h.pch
EOF
  fi
  # the Verilator run-time objects do not depend on the model (byte-identical between the
  # slim tops): compiled once per key (compiler and Verilator versions, their compile
  # commands without the per-top include directories) and copied into each model
  rt_objs="verilated.o verilated_cov.o verilated_threads.o verilated_vcd_c.o" rt=""
  if [ -n "$rtcache" ]; then
    # shellcheck disable=SC2086
    rt_cmds=$(make -n -C "$o/vnet" -f Vtop.mk CXX="$cxx" OPT_FAST=-O0 OPT_GLOBAL=-O1 VM_PARALLEL_BUILDS=1 $rt_objs 2>&1 |
      grep -F -- ' -c ' | sed -e "s| -I$gen/top||g; s| -I$gen||g" || true)
    rt_key=$( { "$cxx" --version; verilator --version; echo "$rt_cmds"; } | md5sum | cut -c1-16)
    # (no cache unless make names one compile command per object)
    [ "$(echo "$rt_cmds" | grep -c -- ' -c ')" = 4 ] && rt="$rtcache/$rt_key"
    if [ -n "$rt" ] && [ -f "$rt/ok" ]; then
      for f in $rt_objs; do cp "$rt/$f" "$o/vnet/$f"; done
      touch -c $(printf "$o/vnet/%s " $rt_objs) # newer than Vtop.mk: make keeps them
      echo "Verilator run-time objects from $rt"
    fi
  fi
  make -s -C "$o/vnet" -f "$pch_mk" CXX="$cxx" LINK="$cxx" PCH_OPT=-O0 OPT_FAST='-O0 $(PCH_USE)' OPT_SLOW='-O0 $(PCH_USE)' OPT_GLOBAL=-O1 \
    VM_PARALLEL_BUILDS=1 -j 2 Vtop >"$o/vnet/make.log" 2>&1 ||
    { tail -20 "$o/vnet/make.log"; die "C++ build of the netlist model failed"; }
  rm -f "$o/vnet/Vtop__pch.h.pch"
  if [ -n "$rt" ] && [ ! -f "$rt/ok" ]; then
    mkdir -p "$rtcache"
    rt_tmp=$(mktemp -d "$rtcache/tmp.XXXXXX")
    for f in $rt_objs; do cp "$o/vnet/$f" "$rt_tmp/"; done
    touch "$rt_tmp/ok"
    mv -T "$rt_tmp" "$rt" 2>/dev/null || rm -rf "$rt_tmp" # another top stored it first
  fi
  echo "$src_sum" >"$o/vnet/src.md5"
fi
t_step build $(( $(date +%s) - t0 ))

# ---- 5. simulation windows ---------------------------------------------------------------
banner "5. gate-level simulation: GEMV K=$k, M=$m and $((2 * m)), activations N(0,$sigma), $zero % zero weights, seed $seed"
t0=$(date +%s)
run_window() { # NAME M [extra args]
  local name=$1 mm=$2; shift 2
  "$o/vnet/Vtop" +cfg="$gen/config.cfg" +seed="$seed" +bench="${k}x${mm}" +act_sigma="$sigma" +zero_pct="$zero" \
    +cov="$o/cov_$name.dat" "$@" >"$o/sim_$name.log" 2>&1 || { tail -5 "$o/sim_$name.log"; die "simulation $name failed (seed $seed)"; }
  grep -q '^matched' "$o/sim_$name.log" || die "simulation $name: no result check"
  sed -n 's/^energy_window cycles=\([0-9]*\).*/\1/p' "$o/sim_$name.log" | tail -n 1
}
rm -f "$o"/cov_*.dat* "$o/cycles_short.txt"
# the two windows are independent runs of the same model: side by side (two cores)
run_window short "$m" >"$o/cycles_short.txt" &
short_pid=$!
trap 'kill "$sta_pid" "$short_pid" 2>/dev/null || true' EXIT
cyc2=$(run_window long $((2 * m)) +cov_every="$snap")
wait "$short_pid" || die "simulation short failed (seed $seed)"
cyc1=$(cat "$o/cycles_short.txt")
echo "windows: short $cyc1 cycles (M=$m), long $cyc2 cycles (M=$((2 * m))); results bit-exact against the golden model: $(grep '^matched' "$o/sim_long.log")"
t_step sim $(( $(date +%s) - t0 ))

# ---- 2, end: the OpenSTA results -----------------------------------------------------------
banner "2. OpenSTA ($label): waiting for the background runs"
wait "$sta_pid" || { cat "$o/sta_runs.log"; die "OpenSTA step failed (see $o/sta_runs.log)"; }
trap - EXIT
cat "$o/sta_runs.log"
slew_before=$(slew_count "$o/slew_flat.rpt"); slew_after=$(slew_count "$o/slew_buf.rpt")
slew_arr() { grep '^u_array\.' "$1" | grep 'VIOLATED' | grep -vEc '/G?CLK ' || true; }
slew_arr_before=$(slew_arr "$o/slew_flat.rpt"); slew_arr_after=$(slew_arr "$o/slew_buf.rpt")
slew_clk_after=$(slew_clock "$o/slew_buf.rpt")
echo "slew (max_transition) violations: $slew_before before buffering, $slew_after after (array: $slew_arr_before before, $slew_arr_after after); clock pins (ideal clock, left to CTS): $slew_clk_after"
sta_total() { awk '/^Total/ { print $5; exit }' "$o/power_$1.log"; }
echo "OpenSTA total power (buffered netlist): a=0 $(sta_total 0) W, a=1 $(sta_total 1) W, a=$frate $(sta_total "$frate") W"
# steps.kv in step order (the OpenSTA step's wall time, measured while steps 3-5 ran)
{ grep '^step\.buffer\.' "$steps"; cat "$o/sta.seconds"; grep -v '^step\.buffer\.' "$steps"; } >"$steps.tmp"
mv "$steps.tmp" "$steps"

# ---- 6. energy ---------------------------------------------------------------------------
banner "6. energy per cell (sltnet energy)"
t0=$(date +%s)
# liberty facts for the clock pins: supply, capacitance unit, and each clock gate's
# CLK pin internal energy per cycle (rise + fall, first slew point: the ideal clock)
vdd=$(awk '/^[[:space:]]*nom_voltage/ { s = $3; sub(/;/, "", s); print s + 0; exit }' "$lib")
capu=$(awk '/capacitive_load_unit/ { u = tolower($0); print (u ~ /"ff"/ ? "1e-15" : (u ~ /"pf"/ ? "1e-12" : "?")); exit }' "$lib")
[ -n "$vdd" ] && [ "$capu" != "?" ] && [ -n "$capu" ] || die "no nom_voltage / capacitive_load_unit in $lib"
icg=""
for c in $(grep -oE 'sky130_fd_sc_hd__dlclkp_[0-9]+' "$o/netlist_buf.v" | sort -u); do
  pj=$(awk -v c="\"$c\"" '
    $0 ~ "cell \\(" c "\\)" { f = 1 } f && /pin \("CLK"\)/ { q = 1 }
    q && /(rise|fall)_power/ { r = 1 } r && /values/ { s = $0; sub(/.*values\("/, "", s); split(s, v, ","); e += v[1]; n++; r = 0; if (n == 2) { print e; exit } }' "$lib")
  [ -n "$pj" ] || die "no CLK internal power for $c in $lib"
  icg="$icg${icg:+,}$c=$pj"
done
en() { "$sltnet" energy --lib "$lib" --netlist "$o/netlist_buf.v" --p0 "$o/power_0.log" --p1 "$o/power_1.log" --clock-mhz "$clock" \
  --vdd "$vdd" --cap-unit "$capu" --icg-clk-pj "$icg" "$@"; }
en --cov "$o/cov_short.dat" --cycles "$cyc1" --out "$o/e_short.kv"
en --cov "$o/cov_long.dat" --cycles "$cyc2" --out "$o/e_long.kv" --clock-nets "$o/clock_nets.txt"
en --force-rate "$frate" --cycles "$cyc2" --out "$o/e_forced.kv"
: >"$o/convergence.txt"
for f in $(ls "$o"/cov_long.dat.* 2>/dev/null | sort -t. -k3 -n); do
  c=$(sed -n "s|^energy_snapshot n=[0-9]* cycles=\([0-9]*\) file=$f\$|\1|p" "$o/sim_long.log")
  [ -n "$c" ] || continue
  en --cov "$f" --cycles "$c" --out "$o/e_snap.kv" 2>/dev/null
  echo "$c $(kv_get "$o/e_snap.kv" e_total_pj_per_cycle) $(kv_get "$o/e_snap.kv" block.row_lanes.pj_per_cycle) $(kv_get "$o/e_snap.kv" block.table_builders.pj_per_cycle)" >>"$o/convergence.txt"
done
rm -f "$o/e_snap.kv" "$o"/cov_long.dat.*
t_step energy $(( $(date +%s) - t0 ))

# ---- 7. summary ---------------------------------------------------------------------------
counter() { sed -n "s/^energy_counter $2=//p" "$o/sim_$1.log" | tail -n 1; }
{
  echo "label=$label"
  echo "config=$(basename "$gen")"
  echo "top=$top"
  echo "clock_mhz=$clock"
  echo "library=$(basename "$lib" .lib)"
  echo "method=gate-level simulation activity"
  echo "activity_source=Verilator $(verilator --version | awk '{ print $2 }') --coverage-toggle on the buffered sky130 netlist (zero-delay: no glitches)"
  echo "model_cxx=$(cat "$o/vnet/cxx.txt" 2>/dev/null || echo g++)"
  echo "workload=decode GEMV through the AXI ports (tb/top/tb_top.cpp +bench), weights ternary with $zero % zeros (+-1 equally likely), activations round(N(0,$sigma)) clipped to act_bits, seed $seed"
  echo "k=$k"
  echo "m_short=$m"
  echo "m_long=$((2 * m))"
  echo "cycles_short=$cyc1"
  echo "cycles_long=$cyc2"
  echo "macs_short=$((k * m))"
  echo "macs_long=$((k * 2 * m))"
  for c in table_builds lookups skipped_groups buffer_adds wbuf_reads abuf_reads obuf_reads obuf_writes; do
    v=$(counter long $c); [ -n "$v" ] && echo "events_long.$c=$v"
    v=$(counter short $c); [ -n "$v" ] && echo "events_short.$c=$v"
  done
  sed 's/^/fanout./' "$o/fanout.kv"
  echo "slew_violations_before=$slew_before"
  echo "slew_violations_after=$slew_after"
  echo "slew_violations_array_before=$slew_arr_before"
  echo "slew_violations_array_after=$slew_arr_after"
  echo "slew_violations_clock_pins_after=$slew_clk_after"
  echo "sta_power_0_w=$(sta_total 0)"
  echo "sta_power_1_w=$(sta_total 1)"
  echo "sta_power_forced_w=$(sta_total "$frate")"
  echo "forced_rate=$frate"
  sed 's/^/short./' "$o/e_short.kv"
  sed 's/^/long./' "$o/e_long.kv"
  sed 's/^/forced./' "$o/e_forced.kv"
} >"$o/raw.kv"
awk -F= -v f="$frate" '
  { v[$1] = $2 }
  END {
    arr = "table_builders row_lanes array_glue"
    n = split(arr, A, " ")
    for (w = 1; w <= 2; w++) {
      s = (w == 1 ? "short" : "long")
      e = 0; for (i = 1; i <= n; i++) e += v[s ".block." A[i] ".pj_per_cycle"]
      pj[s] = e * v["cycles_" s] / v["macs_" s]
      tot[s] = v[s ".e_total_pj_per_cycle"] * v["cycles_" s] / v["macs_" s]
      printf "array_pj_per_mac_%s=%.6f\ntotal_logic_pj_per_mac_%s=%.6f\n", s, pj[s], s, tot[s]
    }
    printf "array_pj_per_mac=%.6f\n", pj["long"]
    printf "total_logic_pj_per_mac=%.6f\n", tot["long"]
    d = pj["short"] > 0 ? (pj["long"] - pj["short"]) / pj["short"] : 1
    # a window shorter than 2000 cycles is dominated by the command overhead (descriptor,
    # pipeline fill, result stream): the check needs longer windows (tiny cannot have them)
    cw = (v["cycles_short"] < 2000) ? "not applicable (short window under 2000 cycles)" : ((d < 0.05 && d > -0.05) ? "ok" : "FAILED")
    printf "check_windows_rel_diff=%.6f\ncheck_windows=%s\n", d, cw
    # the forced run charges every clock net at the clock rate, like OpenSTA (which
    # propagates the clock through a gate whatever its enable); the root clock net
    # pin load, which report_power leaves out (no driving cell), is not compared
    sta = v["sta_power_forced_w"]; ours = v["forced.power_sta_scope_w"]
    r = sta > 0 ? (ours - sta) / sta : 1
    printf "check_forced_rel_diff=%.6f\ncheck_forced=%s\n", r, (r < 0.01 && r > -0.01) ? "ok" : "FAILED"
    # the root clock toggles: 2 per cycle, or the coverage misses clock edges (and
    # with them the gated clock net toggles the clock pins are charged by)
    for (w = 1; w <= 2; w++) {
      s = (w == 1 ? "short" : "long"); c = v[s ".clock_root_toggles_per_cycle"]
      if (c == "" || c < 1.99 || c > 2.01) bad = bad " " s "=" c
    }
    printf "check_clock_root=%s\n", bad == "" ? "ok" : "FAILED (root clock toggles per cycle:" bad ")"
  }' "$o/raw.kv" >"$o/derived.kv"
echo "convergence=$(awk '{ printf "%s%s:%s", (NR > 1 ? " " : ""), $1, $2 }' "$o/convergence.txt")" >>"$o/derived.kv"
cat "$o/raw.kv" "$o/derived.kv" "$steps" >"$o/energy.kv"
echo "convergence (cycles, total pJ/cycle, lanes pJ/cycle, builders pJ/cycle):"
cat "$o/convergence.txt"
grep -E '^(array_pj_per_mac|total_logic_pj_per_mac|check_)' "$o/derived.kv"
echo "summary: $o/energy.kv"
grep -q 'check_.*=FAILED' "$o/derived.kv" && { echo "energy: a self-check FAILED"; exit 1; }
exit 0
}
main "$@"
exit $?
