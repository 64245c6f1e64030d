#!/usr/bin/env bash
# sim.sh - Icarus testbenches of the rtl/ primitives over several parameter sets:
# FIFO and skid buffer with random valid/ready back-pressure against a scoreboard,
# SRAM against a model array (behavioural, and the banked ASIC netlist with the macros
# simulated), weight decoders exhaustively over all 256 bytes,
# performance counters gated and ungated against a 64-bit model, the stream
# unpacker (frames of random length, random gaps) against a bit-level model.
# usage: tb/prims/sim.sh BUILD_DIR SEED [icarus|verilator]
#   REGS_INC (environment): a generated build's top/ with slt_regs_pkg.vh (the
#   register table's counter list), default build/tiny/top
# prints "matched N outputs" when all pass; a failing bench prints its seed, cycle,
# expected and actual values. With verilator (5, --binary --timing) a subset of the
# same testbenches runs as a second, 2-state simulator; the same seed gives the same
# stimulus in both.
set -u
cd "$(dirname "$0")/../.."
out=${1:-build/prims}/sim
seed=${2:-1}
sim=${3:-icarus}
out=$out/$sim
mkdir -p "$out"
rtl=rtl
tb=tb/prims
inc=${REGS_INC:-build/tiny/top}
[ -f "$inc/slt_regs_pkg.vh" ] || { echo "FAIL prims sim: $inc/slt_regs_pkg.vh missing (make build/tiny/params.mk)"; exit 1; }

# the ASIC (black-box) SRAM: macros simulated by the energy flow's model (path from rtl/)
bb="slt_sram.v slt_clock_gate.v ../tb/energy/slt_sram_macro_sim.v"
# name | testbench top | parameters | rtl files
benches=(
  "fifo_d1|tb_slt_fifo|Depth=1 Width=8|slt_fifo.v"
  "fifo_d2|tb_slt_fifo|Depth=2 Width=3|slt_fifo.v"
  "fifo_d5|tb_slt_fifo|Depth=5 Width=8|slt_fifo.v"
  "fifo_d8|tb_slt_fifo|Depth=8 Width=16|slt_fifo.v"
  "skid_w1|tb_slt_axis_skid|Width=1|slt_axis_skid.v"
  "skid_w32|tb_slt_axis_skid|Width=32|slt_axis_skid.v"
  "sram_2x1|tb_slt_sram|Depth=2 Width=1|slt_sram.v"
  "sram_37x12|tb_slt_sram|Depth=37 Width=12|slt_sram.v"
  "sram_256x64|tb_slt_sram|Depth=256 Width=64|slt_sram.v"
  "sram_bb_b4|tb_slt_sram_banked|Depth=37 Width=12 Banks=4 BankDepth=10 ClockGating=0 WGroup=3|$bb"
  "sram_bb_b10_cg|tb_slt_sram_banked|Depth=64 Width=8 Banks=10 BankDepth=7 ClockGating=1 WGroup=4|$bb"
  "sram_bb_b9_cg|tb_slt_sram_banked|Depth=45 Width=20 Banks=9 BankDepth=5 ClockGating=1 WGroup=4|$bb"
  "sram_bb_b1_cg|tb_slt_sram_banked|Depth=37 Width=12 Banks=1 BankDepth=37 ReadLatency=2 WriteLatency=1 ClockGating=1|$bb"
  "decode|tb_slt_weight_decode||slt_weight_decode.v slt_t5_decode.v"
  "counters|tb_slt_ctrl_counters||slt_ctrl_counters.v slt_clock_gate.v"
  "unpack_8x12|tb_slt_unpack|InW=8 OutW=12|slt_unpack.v"
  "unpack_64x96|tb_slt_unpack|InW=64 OutW=96|slt_unpack.v"
  "unpack_1x1|tb_slt_unpack|InW=1 OutW=1|slt_unpack.v"
  "unpack_64x4|tb_slt_unpack|InW=64 OutW=4|slt_unpack.v"
)

if [ "$sim" = verilator ]; then
  # the back-pressure benches; -O0: compile time dominates these short runs
  benches=("${benches[2]}" "${benches[5]}")
fi

run_bench() {
  local name=$1 top=$2 params=$3 files=$4 p args=() srcs=()
  for p in $files; do srcs+=("$rtl/$p"); done
  {
    echo "== $name: $top $params seed=$seed ($sim)"
    if [ "$sim" = verilator ]; then
      for p in $params; do args+=("-G$p"); done
      verilator --binary --timing -j 1 -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0" -Wno-fatal -Wno-lint -Wno-style -I$tb -I"$inc" --top-module "$top" "${args[@]}" \
        --Mdir "$out/$name.obj" "$tb/$top.v" "${srcs[@]}" >"$out/$name.build" 2>&1 \
        || { tail -n 20 "$out/$name.build"; echo "FAIL compile"; exit 1; }
      "$out/$name.obj/V$top" "+seed=$seed"
    else
      for p in $params; do args+=("-P$top.$p"); done
      iverilog -g2005 -Wall -I$tb -I"$inc" -s "$top" "${args[@]}" -o "$out/$name.vvp" "$tb/$top.v" "${srcs[@]}" || { echo "FAIL compile"; exit 1; }
      vvp -n "$out/$name.vvp" "+seed=$seed"
    fi
  } >"$out/$name.log" 2>&1
}

i=0
for b in "${benches[@]}"; do
  IFS='|' read -r name top params files <<<"$b"
  run_bench "$name" "$top" "$params" "$files" &
  i=$((i + 1))
  [ $((i % 2)) -eq 0 ] && wait
done
wait

total=0; fail=0
for b in "${benches[@]}"; do
  IFS='|' read -r name _ <<<"$b"
  log="$out/$name.log"
  n=$(sed -n 's/^matched \([0-9]*\) outputs$/\1/p' "$log")
  if [ -z "$n" ] || grep -q '^FAIL\|^ERROR' "$log"; then
    fail=1; echo "---- $name (seed $seed) ----"; cat "$log"
  else
    printf '  %-12s %s\n' "$name" "$(grep -v '^matched\|^==\|Verilog \$finish' "$log" | tail -n 1)"
    total=$((total + n))
  fi
done
[ $fail -eq 0 ] || { echo "FAIL prims sim $sim (seed $seed; rerun: make t-prims-sim SEED=$seed)"; exit 1; }
echo "matched $total outputs"
