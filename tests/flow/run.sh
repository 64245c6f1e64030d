#!/usr/bin/env bash
# run.sh - tests of the synthesis / timing / FPGA flows (make t-flow-<case>).
#
#   tests/flow/run.sh generic|sky130|asap7|fpga|tiny
#
# Runs the flow scripts on the small designs of tests/flow/ (and, for "tiny",
# on the generator's build/tiny) and checks the figures they report: each
# check prints "ok - ..." or "FAIL - ..."; the exit status is the number of
# failures. Environment: PDK_ROOT, PDK_DIR (liberty files by convention,
# synth/lib_find.sh; PDK_DIR defaults to ../shared/pdk),
# FLOW_OUT (scratch folder, default build/flow-test), TINY_DIR (build/tiny).
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
. synth/common.sh

case_=${1:-}
PDK_DIR=${PDK_DIR:-$root/../shared/pdk}
FLOW_OUT=${FLOW_OUT:-build/flow-test}
TINY_DIR=${TINY_DIR:-build/tiny}
T=tests/flow
out="$FLOW_OUT/$case_"
libdir="$FLOW_OUT/lib"
rm -rf "$out"
mkdir -p "$out"

# liberty by convention (synth/lib_find.sh: $PDK_ROOT, else PDK_DIR); the names in
# PDK_DIR when neither has them (need_pdk then skips)
export PDK_DIR
SKY=$(synth/lib_find.sh sky130) || SKY=$PDK_DIR/sky130_fd_sc_hd__tt_025C_1v80.lib.gz
A7=$(synth/lib_find.sh asap7) ||
  A7=$PDK_DIR/asap7sc7p5t_SIMPLE_RVT_FF_nldm_211120.lib.gz:$PDK_DIR/asap7sc7p5t_SEQ_RVT_FF_nldm_220123.lib.gz:$PDK_DIR/asap7sc7p5t_INVBUF_RVT_TT_nldm_220122.lib.gz
TOPFILES=(--file $T/flow_add.v --file $T/flow_cnt.v --file $T/flow_sram_bb.v --file $T/flow_top.v)

pass=0 fail=0
# check "what" command...: the command's status decides
check() {
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok - $what"
  else fail=$((fail + 1)); echo "FAIL - $what"; fi
}
# numeric comparisons on values that may be floats: num A op B
num() { awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
  if (a == "" || b == "") exit 1
  if (op == "<") exit !(a + 0 < b + 0); if (op == "<=") exit !(a + 0 <= b + 0)
  if (op == ">") exit !(a + 0 > b + 0); if (op == ">=") exit !(a + 0 >= b + 0)
  if (op == "==") exit !(a + 0 == b + 0); exit 1 }'; }
# near A B TOL: |A - B| <= TOL
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && d <= t) }' || { echo "   expected $2 (+-$3), got $1"; return 1; }; }
eq() { [ "$1" = "$2" ] || { echo "   expected '$2', got '$1'"; return 1; }; }
# run a flow script quietly, keep its output in a log, show it on failure
run() {
  local log=$1; shift
  if "$@" >"$log" 2>&1; then return 0; fi
  echo "   command failed: $*"; tail -n 15 "$log" | sed 's/^/   | /'
  return 1
}
finish() {
  echo "flow-$case_: $pass checks passed, $fail failed"
  exit $fail
}
need_pdk() {
  local f
  for f in "$@"; do
    if [ ! -r "${f%%:*}" ]; then
      echo "SKIP: no liberty file: neither \$PDK_ROOT (${PDK_ROOT:-unset}) nor $PDK_DIR has $(basename "${f%%:*}") (synth/lib_find.sh)"
      echo "flow-$case_: skipped, 0 checks run"
      exit 0
    fi
  done
}

case "$case_" in
# ---------------------------------------------------------------------------------------
generic)
  banner "generic flow on tests/flow/flow_top (2 adders, 1 counter, 1 black box)"
  check "synth.sh runs (no liberty)" run "$out/top.log" \
    synth/synth.sh --top flow_top --out "$out/top" "${TOPFILES[@]}" --blackbox $T/flow_blackbox.txt
  g="$out/top/generic/summary.kv"
  check "top module found" eq "$(kv_get "$g" top)" flow_top
  check "hierarchy kept: flow_add Width=8 once" eq "$(kv_get "$g" module.flow_add__Width_8.instances)" 1
  check "hierarchy kept: flow_add Width=9 once" eq "$(kv_get "$g" module.flow_add__Width_9.instances)" 1
  check "hierarchy kept: flow_cnt once" eq "$(kv_get "$g" module.flow_cnt__Width_8.instances)" 1
  check "27 flip-flops (9 + 10 + 8)" eq "$(kv_get "$g" flops)" 27
  check "black box counted, not synthesised" eq "$(kv_get "$g" blackboxes)" "flow_sram_bb*1"
  check "our CMOS table equals Yosys' own sum" eq "$(kv_get "$g" transistor_table_check)" ok
  check "cell totals agree with Yosys" eq "$(kv_get "$g" cells_check)" ok
  # transistors = Yosys' figure + 27 async-reset flops x 20 + 8 enable muxes x 12
  raw=$(kv_get "$g" transistors_yosys); raw=${raw%+}
  check "flops Yosys omits are priced (27x20 + 8x12 added)" \
    eq "$(kv_get "$g" transistors)" "$(( raw + 27 * 20 + 8 * 12 ))"
  cells_top=$(kv_get "$g" cells)
  check "cells plausible: at least 50" num "$cells_top" ">=" 50
  check "cells plausible: at most 400" num "$cells_top" "<=" 400

  banner "the long path design is bigger"
  check "synth.sh on flow_longpath" run "$out/long.log" \
    synth/synth.sh --top flow_longpath --out "$out/long" --file $T/flow_longpath.v
  check "a 16x16 multiplier has more transistors than flow_top" \
    num "$(kv_get "$out/long/generic/summary.kv" transistors)" ">" "$(kv_get "$g" transistors)"
  check "one-module design: totals check ok" eq "$(kv_get "$out/long/generic/summary.kv" cells_check)" ok

  banner "a broken design must fail"
  check "two drivers on one net: synth.sh fails (check -assert)" \
    bash -c "! synth/synth.sh --top flow_bad --out '$out/bad' --file $T/flow_bad.v >'$out/bad.log' 2>&1"

  banner "SDC from the configured clock"
  sdc=$(constraints/mk_sdc.sh --cfg configs/tiny.cfg --time-unit ns)
  clk=$(clock_mhz_from configs/tiny.cfg)
  check "period from configs/tiny.cfg, ns" \
    grep -q "create_clock -name clk -period $(calc "1000 / $clk") \[get_ports {clk_i}\]" <<<"$sdc"
  check "input delay 0.2 x period" grep -q "set_input_delay  $(calc "200 / $clk") " <<<"$sdc"
  sdc=$(constraints/mk_sdc.sh --cfg configs/tiny.cfg --time-unit ps)
  check "the same in ps" grep -q -- "-period $(calc "1e6 / $clk") " <<<"$sdc"
  printf 'SLT_CFG_NAME := x\nSLT_CLOCK_MHZ := 250\n' >"$out/params.mk"
  check "period from a params.mk (250 MHz -> 4 ns)" \
    grep -q -- "-period 4 " <<<"$(constraints/mk_sdc.sh --params "$out/params.mk" --time-unit ns)"
  check "clock_mhz = 0 is rejected" \
    bash -c "! constraints/mk_sdc.sh --clock-mhz 0 --time-unit ns >/dev/null 2>&1"
  check "unknown time unit is rejected" \
    bash -c "! constraints/mk_sdc.sh --clock-mhz 100 --time-unit us >/dev/null 2>&1"

  # the SRAM black-box area file comes from gen/sram_model.c through build/bin/sltsram
  SLTSRAM=${SLTSRAM:-build/bin/sltsram}
  if [ -x "$SLTSRAM" ]; then
    banner "SRAM macro area model (sltsram): black-box file and summary"
    check "sltsram runs" run "$out/sltsram.log" "$SLTSRAM" --blackbox "$out/bb_sram.txt" --kv "$out/sram.kv" 1024x64*2 512x32
    # sky130 1024x64 = 64 Kbit = one macro: 6.494 um^2/bit * 65536 + 111093 = 536683.784 um^2;
    # 512x32: 6.494 * 16384 + 111093 = 217490.696; total 2 * 536683.784 + 217490.696 = 1290858.264
    check "sky130 line: 6.494 * 65536 + 111093 um^2" near \
      "$(awk '$1 == "slt_sram_macro" && $2 == "Depth=1024" && $3 == "Width=64" && $4 == "lib=sky130*" { print $5 }' "$out/bb_sram.txt")" 536683.784 0.01
    check "a 28 nm line per shape" eq "$(grep -c 'lib=28nm\*' "$out/bb_sram.txt")" 2
    check "no ASAP7 line (not modelled), and the file says so" \
      bash -c "! grep -q 'lib=asap7' '$out/bb_sram.txt' && grep -q 'NOT MODELLED for ASAP7' '$out/bb_sram.txt' && grep -q MODELLED '$out/sram.kv'"
    check "summary: 3 instances, total = 2 x 1024x64 + 1 x 512x32 (sky130)" near "$(kv_get "$out/sram.kv" sram.sky130.area_um2)" \
      1290858.264 0.01
    check "a malformed shape is rejected" bash -c "! '$SLTSRAM' --kv /dev/null 10x >/dev/null 2>&1"
  else
    echo "note: $SLTSRAM not built: SRAM model checks skipped (make build/bin/sltsram)"
  fi
  finish ;;
# ---------------------------------------------------------------------------------------
sky130)
  need_pdk "$SKY"
  banner "sky130: liberty synthesis of flow_top at 100 MHz"
  check "synth.sh --lib sky130" run "$out/top.log" \
    synth/synth.sh --top flow_top --out "$out/top" "${TOPFILES[@]}" --blackbox $T/flow_blackbox.txt \
      --lib "$SKY" --clock-mhz 100 --libdir "$libdir"
  tag=sky130_fd_sc_hd__tt_025C_1v80
  l="$out/top/$tag/summary.kv"
  a=$(kv_get "$l" area_logic_um2)
  check "logic area plausible: 27 flops (~25 um^2 each) + gates, 500..5000 um^2" num "$a" ">=" 500
  check "logic area below 5000 um^2" num "$a" "<=" 5000
  check "per-module areas add up to Yosys' chip area" eq "$(kv_get "$l" area_check)" ok
  check "black box area from the model's sky130 line" num "$(kv_get "$l" area_blackbox_um2)" "==" 1234.5
  check "total = logic + black boxes" near "$(kv_get "$l" area_um2)" "$(calc "$a + 1234.5")" 0.01
  check "netlist written" test -s "$out/top/$tag/netlist.v"
  # the saved generic design (synth.sh): read only with SLT_REUSE_GENERIC=1 and the same inputs
  check "generic design saved with its key" test -s "$out/top/generic/generic.il" -a -s "$out/top/generic/generic.key"
  sy() { local reuse=$1; shift
         SLT_REUSE_GENERIC=$reuse synth/synth.sh --top flow_top --out "$out/top" "${TOPFILES[@]}" \
           --blackbox $T/flow_blackbox.txt --lib "$SKY" --clock-mhz 100 --libdir "$libdir" "$@"; }
  check "a second run synthesises afresh without SLT_REUSE_GENERIC" run "$out/top2.log" sy ""
  check "  (it did not read the saved design)" bash -c "! grep -q 'generic flow: reusing' '$out/top2.log'"
  check "SLT_REUSE_GENERIC=1 reads the saved design" run "$out/top3.log" sy 1
  check "  (it says so)" grep -q 'generic flow: reusing' "$out/top3.log"
  check "  and maps it: the same logic area within 10 %" near "$(kv_get "$l" area_logic_um2)" "$a" "$(calc "$a * 0.1")"
  check "other inputs (a define): not reused" run "$out/top4.log" sy 1 --define SLT_FLOW_TEST_KEY
  check "  (it synthesised)" bash -c "! grep -q 'generic flow: reusing' '$out/top4.log'"
  sy "" >"$out/top5.log" 2>&1 # (the folder as the first run left it, for the checks below)
  check "no dont_use cell in the netlist (lpflow, probe, delay cells)" \
    bash -c "! grep -qE 'lpflow|probe|dlygate|clkdlybuf|dlymetal' '$out/top/$tag/netlist.v'"
  check "library copy outside the source tree, dont_use marked" \
    grep -q 'dont_use : true' "$libdir/$tag/$tag.lib"

  banner "sky130: black-box area per parameter set (the SRAM macro hook)"
  # flow_cnt made a black box through the model; its instance has Width=8
  printf '%s\n' "flow_sram_bb 10" "flow_cnt Width=9 lib=sky130* 999" "flow_cnt Width=8 lib=asap7* 888" \
    "flow_cnt Width=8 lib=sky130* 100" >"$out/bbmodel.txt"
  check "synth.sh with a parameterised model" run "$out/bb.log" \
    synth/synth.sh --top flow_top --out "$out/bb" "${TOPFILES[@]}" --blackbox "$out/bbmodel.txt" \
      --lib "$SKY" --clock-mhz 100 --libdir "$libdir"
  b="$out/bb/$tag/summary.kv"
  check "model module became a black box" eq "$(kv_get "$out/bb/generic/summary.kv" blackbox_instances)" 2
  check "area = the Width=8, sky130 line + the SRAM line (100 + 10)" near "$(kv_get "$b" area_blackbox_um2)" 110 0.001
  check "its cells left the logic area" num "$(kv_get "$b" area_logic_um2)" "<" "$a"

  banner "sky130: OpenSTA on flow_top at 100 MHz"
  check "sta.sh runs" run "$out/sta.log" \
    synth/sta.sh --synth "$out/top" --top flow_top --lib "$SKY" --libdir "$libdir" \
      --out "$out/sta" --clock-mhz 100
  s="$out/sta/$tag/summary.kv"
  check "period 10 ns" num "$(kv_get "$s" period)" "==" 10
  check "timing met at 100 MHz" eq "$(kv_get "$s" met)" yes
  check "Fmax above 100 MHz" num "$(kv_get "$s" fmax_mhz)" ">" 100
  check "reg2reg Fmax = 1/(period - slack), ns" near "$(kv_get "$s" fmax_reg2reg_mhz)" \
    "$(calc "1000 / (10 - ($(kv_get "$s" slack_reg2reg)))")" 0.01
  check "in2reg Fmax = 1/(period - slack/(1 - 0.2)), ns" near "$(kv_get "$s" fmax_in2reg_mhz)" \
    "$(calc "1000 / (10 - ($(kv_get "$s" slack_in2reg)) / 0.8)")" 0.01
  check "Fmax is the lowest of the path classes" bash -c "grep -E '^fmax_.*2.*_mhz=' '$s' | cut -d= -f2 | sort -g | head -n 1 | grep -qx '$(kv_get "$s" fmax_mhz)'"
  check "worst path named" test -n "$(kv_get "$s" crit_end)"
  check "SRAM black box noted by OpenSTA" eq "$(kv_get "$s" sta_blackbox_instances)" 1
  # power: a figure at every rate, or the crash recorded as such
  p0=$(kv_get "$s" power_0_total_w); p1=$(kv_get "$s" power_0.1_total_w); p2=$(kv_get "$s" power_1_total_w)
  if [ -n "$p0" ] && [ -n "$p1" ] && [ -n "$p2" ]; then
    check "power grows with activity: 0 < P(0) < P(0.1) < P(1)" \
      bash -c "awk -v a=$p0 -v b=$p1 -v c=$p2 'BEGIN { exit !(0 < a && a < b && b < c) }'"
    check "no switching power at activity 0" num "$(kv_get "$s" power_0_switching_w)" "<" 1e-12
    check "leakage > 0" num "$(kv_get "$s" power_0_leakage_w)" ">" 0
  else
    check "power failure recorded as 'failed (OpenSTA crash, exit N)'" grep -q '^power_.*=failed (' "$s"
  fi

  banner "sky130: SRAM macro timing (model liberty): read and write paths through slt_sram"
  SLTSRAM=${SLTSRAM:-build/bin/sltsram}; SLTSRAMLIB=${SLTSRAMLIB:-build/bin/sltsramlib}
  if [ -x "$SLTSRAM" ] && [ -x "$SLTSRAMLIB" ]; then
    check "synth.sh flow_sram_path (slt_sram black box + timing model)" run "$out/sp.log" \
      synth/synth.sh --top flow_sram_path --out "$out/sp" --file rtl/slt_sram.v --file rtl/slt_sram_macro.v \
        --file $T/flow_sram_path.v --define SLT_SRAM_BLACKBOX --sram-model "$SLTSRAM" --sram-timing "$SLTSRAMLIB" \
        --lib "$SKY" --clock-mhz 100 --libdir "$libdir"
    check "macro renamed per shape in the netlist" grep -q 'slt_sram_macro_16x8 ' "$out/sp/$tag/netlist.v"
    check "sta.sh with the SRAM timing liberty" run "$out/sp_sta.log" synth/sta.sh --synth "$out/sp" \
      --top flow_sram_path --lib "$SKY" --libdir "$libdir" --out "$out/sp_sta" --clock-mhz 100 --activities ""
    ss="$out/sp_sta/$tag/summary.kv"; sr="$out/sp_sta/$tag/sram_paths.rpt"
    cq=$(kv_get "$out/sp/$tag/sram_timing.kv" sram_timing.16x8.clk_q_ns)
    check "SRAM paths timed" eq "$(kv_get "$ss" sram_timed)" yes
    check "no black box left for OpenSTA" eq "$(kv_get "$ss" sta_blackbox_instances)" 0
    check "a read path starts at the macro" grep -qE '^Startpoint: u_sram/(g_one[.])?u_macro( |$)' "$sr"
    check "a write path ends at the macro" grep -qE '^Endpoint: u_sram/(g_one[.])?u_macro( |$)' "$sr"
    check "the read path = the model's clk->rdata ($cq ns) + an xor + flop setup (0.3 +- 0.3 ns)" \
      near "$(calc "10 - $(kv_get "$ss" slack_sram_read)")" "$(calc "$cq + 0.3")" 0.3
    check "the write path's required time is the model's setup (10 - 0.33 ns)" grep -qE '^ +-0\.3300 +9\.6700 +library setup time' "$sr"
    check "worst path is the SRAM read (its clk->rdata dominates)" eq "$(kv_get "$ss" crit_start)" u_sram/g_one.u_macro
    check "Fmax named as limited by the SRAM read paths" eq "$(kv_get "$ss" fmax_limited_by)" sram_read
    check "sltsramlib rejects a malformed shape (exit 2)" bash -c "'$SLTSRAMLIB' --lib '$out/bad.lib' 10x >/dev/null 2>&1; [ \$? = 2 ]"
    mkdir -p "$out/sp_nolib"; cp -r "$out/sp/$tag" "$out/sp_nolib/"; rm -f "$out/sp_nolib/$tag/sram_timing.lib"
    check "sta.sh without the liberty" run "$out/sp_nolib_sta.log" synth/sta.sh --synth "$out/sp_nolib" \
      --top flow_sram_path --lib "$SKY" --libdir "$libdir" --out "$out/sp_nolib_sta" --clock-mhz 100 --activities ""
    check "without it the macro is an untimed black box" eq \
      "$(kv_get "$out/sp_nolib_sta/$tag/summary.kv" sram_timed)/$(kv_get "$out/sp_nolib_sta/$tag/summary.kv" sta_blackbox_instances)" no/1
  else
    echo "note: $SLTSRAM or $SLTSRAMLIB not built: SRAM timing checks not run (make build/bin/sltsram build/bin/sltsramlib)"
    fail=$((fail + 1)); echo "FAIL - SRAM timing tools missing"
  fi

  banner "sky130: a long combinational path fails at 1 GHz, passes at 20 MHz"
  check "synth.sh flow_longpath" run "$out/long.log" \
    synth/synth.sh --top flow_longpath --out "$out/long" --file $T/flow_longpath.v \
      --lib "$SKY" --clock-mhz 1000 --libdir "$libdir"
  check "sta.sh at 1000 MHz" run "$out/sta_fast.log" synth/sta.sh --synth "$out/long" --top flow_longpath \
    --lib "$SKY" --libdir "$libdir" --out "$out/sta_fast" --clock-mhz 1000 --activities ""
  check "sta.sh at 20 MHz" run "$out/sta_slow.log" synth/sta.sh --synth "$out/long" --top flow_longpath \
    --lib "$SKY" --libdir "$libdir" --out "$out/sta_slow" --clock-mhz 20 --activities ""
  f="$out/sta_fast/$tag/summary.kv"; sl="$out/sta_slow/$tag/summary.kv"
  check "1 GHz: timing violated" eq "$(kv_get "$f" met)" no
  check "1 GHz: negative slack" num "$(kv_get "$f" wns)" "<" 0
  check "20 MHz: timing met" eq "$(kv_get "$sl" met)" yes
  check "Fmax of one netlist does not depend on the clock asked (within 0.5%)" \
    bash -c "awk -v a=$(kv_get "$f" fmax_mhz) -v b=$(kv_get "$sl" fmax_mhz) 'BEGIN { d = a / b - 1; exit !(d < 0.005 && d > -0.005) }'"
  check "Fmax between 20 MHz and 1 GHz" num "$(kv_get "$f" fmax_mhz)" "<" 1000
  finish ;;
# ---------------------------------------------------------------------------------------
asap7)
  need_pdk "$A7"
  banner "ASAP7 (3 libraries merged for Yosys): flow_top at 1 GHz"
  check "synth.sh --lib asap7 (3 files)" run "$out/top.log" \
    synth/synth.sh --top flow_top --out "$out/top" "${TOPFILES[@]}" --blackbox $T/flow_blackbox.txt \
      --lib "$A7" --clock-mhz 1000 --libdir "$libdir"
  l="$out/top/asap7sc7p5t/summary.kv"
  a=$(kv_get "$l" area_logic_um2)
  check "logic area plausible for 7 nm: 5..100 um^2" num "$a" ">=" 5
  check "logic area below 100 um^2" num "$a" "<=" 100
  check "per-module areas add up" eq "$(kv_get "$l" area_check)" ok
  check "black box area from the model's asap7 line" num "$(kv_get "$l" area_blackbox_um2)" "==" 25
  check "flops mapped to ASAP7 cells" grep -q 'DFFASRHQNx1_ASAP7_75t_R' "$out/top/asap7sc7p5t/netlist.v"
  check "time unit ps recorded" eq "$(kv_get "$libdir/asap7sc7p5t/lib.kv" time_unit)" ps

  banner "ASAP7: OpenSTA, units in ps"
  check "sta.sh runs" run "$out/sta.log" synth/sta.sh --synth "$out/top" --top flow_top \
    --lib "$A7" --libdir "$libdir" --out "$out/sta" --clock-mhz 1000 --activities "0.1"
  s="$out/sta/asap7sc7p5t/summary.kv"
  check "period 1000 ps at 1 GHz" num "$(kv_get "$s" period)" "==" 1000
  check "reg2reg Fmax in ps: 1e6/(period - slack)" near "$(kv_get "$s" fmax_reg2reg_mhz)" \
    "$(calc "1e6 / (1000 - ($(kv_get "$s" slack_reg2reg)))")" 0.5
  check "Fmax plausible for 7 nm (1..20 GHz)" num "$(kv_get "$s" fmax_mhz)" ">" 1000
  check "power figure or recorded failure" grep -qE '^power_0.1_(total_w=[0-9]|.*failed \()' "$s"

  banner "ASAP7: reset flops mapped correctly (equivalence, SAT)"
  # Yosys 0.23 wires the set/reset of ASAP7's inverted-storage flops the
  # wrong way round; lib_yosys_fix.awk rewrites them. Prove the mapped
  # counter equals its RTL, cell models read from the ORIGINAL libraries.
  check "map flow_cnt" run "$out/cnt.log" synth/synth.sh --top flow_cnt --out "$out/cnt" \
    --file $T/flow_cnt.v --lib "$A7" --libdir "$libdir"
  read_libs=""
  for f in $(kv_get "$libdir/asap7sc7p5t/lib.kv" sta_libs); do read_libs="$read_libs read_liberty -ignore_miss_func $f;"; done
  check "gate netlist == RTL (sat -tempinduct)" run "$out/equiv.log" yosys -p "
    read_verilog $T/flow_cnt.v; rename flow_cnt gold;
    read_verilog $out/cnt/asap7sc7p5t/netlist.v; rename flow_cnt gate;
    $read_libs proc; flatten; async2sync;
    miter -equiv -flatten -make_assert gold gate miter; hierarchy -top miter;
    sat -verify -tempinduct -prove-asserts -set-init-zero -set-at 1 in_rst_ni 0 -seq 1 miter"
  finish ;;
# ---------------------------------------------------------------------------------------
fpga)
  banner "iCE40: flow_add (8-bit registered adder)"
  check "fpga.sh runs" run "$out/add.log" synth/fpga.sh --top flow_add --file $T/flow_add.v \
    --out "$out/add" --clock-mhz 50 --device up5k
  s="$out/add/summary.kv"
  check "place-and-route done" eq "$(kv_get "$s" pnr)" ok
  check "9 flip-flops (sum register)" eq "$(kv_get "$s" flipflops)" 9
  check "LUTs > 0" num "$(kv_get "$s" sb_lut4)" ">" 0
  check "Fmax parsed from nextpnr" num "$(kv_get "$s" fmax_mhz)" ">" 0
  check "bitstream written" test -s "$out/add/fpga_wrap.bin"
  check "wrapper: 4 pins" grep -q '^wrapped_io=4/' "$s"
  # make run's way: the place-and-route synthesis only after the counts (same result)
  check "SLT_FPGA_OVERLAP=0 runs" run "$out/add0.log" env SLT_FPGA_OVERLAP=0 synth/fpga.sh --top flow_add \
    --file $T/flow_add.v --out "$out/add0" --clock-mhz 50 --device up5k
  check "SLT_FPGA_OVERLAP=0: place-and-route done" eq "$(kv_get "$out/add0/summary.kv" pnr)" ok
  check "SLT_FPGA_OVERLAP=0: same bitstream" cmp -s "$out/add/fpga_wrap.bin" "$out/add0/fpga_wrap.bin"
  check "design with a black box is refused clearly" \
    bash -c "! synth/fpga.sh --top flow_top ${TOPFILES[*]} --out '$out/top' --clock-mhz 50 >'$out/top.log' 2>&1 && grep -q 'cannot place' '$out/top.log'"
  finish ;;
# ---------------------------------------------------------------------------------------
tiny)
  if [ ! -f gen/sltgen.c ] || [ ! -r "$TINY_DIR/params.mk" ]; then
    echo "SKIP: generator output $TINY_DIR/params.mk not available (gen/sltgen.c missing)"
    echo "flow-tiny: skipped, 0 checks run"
    exit 0
  fi
  p="$TINY_DIR/params.mk"
  top=$(params_get "$p" SLT_TOP_ARRAY)
  banner "generated tiny array ($top): generic flow"
  check "synth.sh --params build/tiny/params.mk" run "$out/gen.log" \
    synth/synth.sh --params "$p" --out "$out/synth" --name tiny
  g="$out/synth/generic/summary.kv"
  check "top is SLT_TOP_ARRAY" eq "$(kv_get "$g" top)" "$top"
  check "transistor table check" eq "$(kv_get "$g" transistor_table_check)" ok
  check "cells > 0" num "$(kv_get "$g" cells)" ">" 0
  # the netlist hierarchy matches the generator's parameters
  b=$(params_get "$p" SLT_MOD_BUILDER); ln=$(params_get "$p" SLT_MOD_LANE)
  if [ -n "$b" ] && [ "$(params_get "$p" SLT_HAS_BUILDER)" != 0 ]; then
    check "one table builder per lut_unit ($b)" eq "$(kv_get "$g" "module.$b.instances")" "$(params_get "$p" SLT_LUT_UNITS)"
  fi
  if [ -n "$ln" ]; then
    check "one row lane per row_lane ($ln)" eq "$(kv_get "$g" "module.$ln.instances")" "$(params_get "$p" SLT_ROW_LANES)"
  fi
  if [ -r "$SKY" ]; then
    banner "generated tiny array: sky130 area, timing and power at the configured clock"
    check "synth.sh --lib sky130" run "$out/lib.log" synth/synth.sh --params "$p" --out "$out/synth" \
      --name tiny --lib "$SKY" --libdir "$libdir"
    tag=sky130_fd_sc_hd__tt_025C_1v80
    check "area > 0" num "$(kv_get "$out/synth/$tag/summary.kv" area_um2)" ">" 0
    check "sta.sh at clock_mhz of params.mk" run "$out/sta.log" synth/sta.sh --synth "$out/synth" \
      --top "$top" --params "$p" --lib "$SKY" --libdir "$libdir" --out "$out/sta" --name tiny
    s="$out/sta/$tag/summary.kv"
    check "clock from params.mk" eq "$(kv_get "$s" clock_mhz)" "$(params_get "$p" SLT_CLOCK_MHZ)"
    check "slack parsed, Fmax > 0" num "$(kv_get "$s" fmax_mhz)" ">" 0
    echo "   tiny @ $(kv_get "$s" clock_mhz) MHz: wns $(kv_get "$s" wns) ns, Fmax $(kv_get "$s" fmax_mhz) MHz, met $(kv_get "$s" met)"
  else
    echo "SKIP: sky130 part of flow-tiny: ../shared/pdk not found (the other checks ran)"
  fi
  banner "generated tiny array: iCE40"
  check "fpga.sh --params" run "$out/fpga.log" synth/fpga.sh --params "$p" --out "$out/fpga" --name tiny
  f="$out/fpga/summary.kv"
  if [ "$(kv_get "$f" fit)" = yes ]; then
    check "placed and routed" eq "$(kv_get "$f" pnr)" ok
    check "Fmax parsed" num "$(kv_get "$f" fmax_mhz)" ">" 0
  else
    check "too big is said clearly" grep -q 'DOES NOT FIT' "$out/fpga.log"
  fi
  finish ;;
*)
  echo "usage: $0 generic|sky130|asap7|fpga|tiny" >&2
  exit 2 ;;
esac
