#!/usr/bin/env bash
# lint.sh - elaborate every rtl/ primitive over several parameter sets with the three
# front ends (verilator --lint-only -Wall, iverilog -g2005 -Wall with no warning allowed,
# yosys synth + check -assert), like PULP common_cells; then check that illegal
# parameters stop elaboration in all three with the rule's name in the message.
# usage: tb/prims/lint.sh BUILD_DIR     prints "matched N outputs" when all are clean.
set -u
cd "$(dirname "$0")/../.."
out=${1:-build/prims}/lint
mkdir -p "$out"
rtl=rtl
# yosys reads every primitive; the controller modules (slt_ctrl_*, slt_top_ctrl) include
# the generated slt_regs_pkg.vh and are linted with the top (scripts/lint_top.sh)
ys_files=$(grep -L '^`include' $rtl/slt_*.v | tr '\n' ' ')

# top | parameters (Name=value ...) | defines | yosys? (1/0)
cases=(
  "slt_sram|Depth=2 Width=1||1"
  "slt_sram|Depth=5 Width=3||1"
  "slt_sram|Depth=16 Width=8||1"
  "slt_sram|Depth=1000 Width=17||0"
  "slt_sram|Depth=40960 Width=64|SLT_SRAM_BLACKBOX|1"
  "slt_sram|Depth=6 Width=8|SLT_SRAM_BLACKBOX|1"
  "slt_fifo|Depth=1 Width=1||1"
  "slt_fifo|Depth=2 Width=8||1"
  "slt_fifo|Depth=3 Width=8||1"
  "slt_fifo|Depth=4 Width=8||1"
  "slt_fifo|Depth=5 Width=33||1"
  "slt_fifo|Depth=16 Width=64||1"
  "slt_axis_skid|Width=1||1"
  "slt_axis_skid|Width=8||1"
  "slt_axis_skid|Width=73||1"
  "slt_t5_decode|||1"
  "slt_weight_decode|Format=0||1"
  "slt_weight_decode|Format=1||1"
  "slt_weight_decode|Format=2||1"
)
# top | parameters | text every tool must print
illegal=(
  "slt_sram|Depth=1|slt_sram_illegal_parameter_Depth_must_be_at_least_2"
  "slt_sram|Depth=8 AddrWidth=5|slt_sram_illegal_parameter_AddrWidth_is_derived_do_not_override"
  "slt_fifo|Depth=0|slt_fifo_illegal_parameter_Depth_must_be_at_least_1"
  "slt_fifo|Width=0|slt_fifo_illegal_parameter_Width_must_be_at_least_1"
  "slt_axis_skid|Width=0|slt_axis_skid_illegal_parameter_Width_must_be_at_least_1"
  "slt_weight_decode|Format=3|slt_weight_decode_illegal_parameter_Format_must_be_0_t2_1_t5_2_b1"
)

tool_args() {  # top params defines -> sets vl_args iv_args ys_set ys_def
  local top=$1 params=$2 defs=$3 p
  vl_args=(); iv_args=(); ys_set=""; ys_def=""
  for p in $params; do
    vl_args+=("-G$p"); iv_args+=("-P$top.$p"); ys_set+=" -set ${p%%=*} ${p#*=}"
  done
  for p in $defs; do
    vl_args+=("-D$p"); iv_args+=("-D$p"); ys_def+=" -D$p"
  done
}

# Each case runs in the background, two at a time; its verdict goes to a file.
run_case() {
  local i=$1 top=$2 params=$3 defs=$4 ys=$5 log="$out/case$1.log"
  tool_args "$top" "$params" "$defs"
  {
    echo "== $top $params $defs"
    verilator --lint-only -Wall -y $rtl --top-module "$top" "${vl_args[@]}" $rtl/$top.v || { echo "FAIL verilator"; exit 1; }
    iverilog -g2005 -Wall -y $rtl -Y .v -s "$top" "${iv_args[@]}" -o "$out/case$i.vvp" $rtl/$top.v >"$out/case$i.iv" 2>&1 \
      || { cat "$out/case$i.iv"; echo "FAIL iverilog"; exit 1; }
    if [ -s "$out/case$i.iv" ]; then cat "$out/case$i.iv"; echo "FAIL iverilog warnings"; exit 1; fi
    if [ "$ys" = 1 ]; then
      yosys -q -p "read_verilog$ys_def $ys_files; ${ys_set:+chparam$ys_set $top;} synth -top $top; check -assert" \
        || { echo "FAIL yosys"; exit 1; }
    fi
    echo "ok"
  } >"$log" 2>&1
}

run_illegal() {
  local i=$1 top=$2 params=$3 want=$4 log="$out/bad$1.log" t
  tool_args "$top" "$params" ""
  {
    echo "== illegal $top $params (expect: $want)"
    for t in verilator iverilog yosys; do
      case $t in
        verilator) verilator --lint-only -Wall -y $rtl --top-module "$top" "${vl_args[@]}" $rtl/$top.v >"$out/bad$i.$t" 2>&1 ;;
        iverilog) iverilog -g2005 -Wall -y $rtl -Y .v -s "$top" "${iv_args[@]}" -o /dev/null $rtl/$top.v >"$out/bad$i.$t" 2>&1 ;;
        yosys) yosys -q -p "read_verilog $ys_files; chparam$ys_set $top; synth -top $top" >"$out/bad$i.$t" 2>&1 ;;
      esac
      if [ $? -eq 0 ]; then echo "FAIL $t accepted illegal parameters"; exit 1; fi
      grep -q "$want" "$out/bad$i.$t" || { cat "$out/bad$i.$t"; echo "FAIL $t did not name $want"; exit 1; }
    done
    echo "ok"
  } >"$log" 2>&1
}

n=0
for c in "${cases[@]}"; do
  IFS='|' read -r top params defs ys <<<"$c"
  run_case $n "$top" "$params" "$defs" "$ys" &
  n=$((n + 1))
  [ $((n % 2)) -eq 0 ] && wait
done
m=0
for c in "${illegal[@]}"; do
  IFS='|' read -r top params want <<<"$c"
  run_illegal $m "$top" "$params" "$want" &
  m=$((m + 1))
  [ $((m % 2)) -eq 0 ] && wait
done
wait

fail=0; clean=0
for ((i = 0; i < n; i++)); do
  if tail -n 1 "$out/case$i.log" | grep -qx ok; then clean=$((clean + 1)); else fail=1; cat "$out/case$i.log"; fi
done
for ((i = 0; i < m; i++)); do
  if tail -n 1 "$out/bad$i.log" | grep -qx ok; then clean=$((clean + 1)); else fail=1; cat "$out/bad$i.log"; fi
done
echo "prims lint: $n parameter sets clean in verilator/iverilog/yosys, $m illegal sets rejected by all three"
[ $fail -eq 0 ] || { echo "FAIL prims lint"; exit 1; }
echo "matched $clean outputs"
