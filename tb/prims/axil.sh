#!/usr/bin/env bash
# axil.sh - emit the AXI4-Lite register slave (gen/regs.c) for each configuration
# given, build the Verilator testbench tb/prims/tb_axil_regs.cpp against it and run it.
# usage: tb/prims/axil.sh BUILD_DIR SEED CFG.cfg...   prints "matched N outputs".
# The helpers link only gen/regs.c and ref/slt_config.c (with its validation), so they do not depend on
# the rest of the generator.
set -u
cd "$(dirname "$0")/../.."
top=$PWD
out=${1:-build/prims}/axil
seed=${2:-1}
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
CC=${CC:-cc}
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -O1 -g -Iref -Igen"

set -e
$CC $cflags -c gen/regs.c -o "$out/regs.o"
# the configuration and its validation (slt_config_finish checks the buffers: slt_bufgeom,
# which needs the key widths of slt_arrayif / slt_pack, and for the banking and latencies
# the ECC code widths of slt_secded and the SRAM model gen/sram_model.c; slt_err for the
# error messages), linked as one object
cfg_objs=()
for f in ref/slt_config ref/slt_bufgeom ref/slt_arrayif ref/slt_pack ref/slt_secded ref/slt_err gen/sram_model; do
  $CC $cflags -c $f.c -o "$out/$(basename $f).o"
  cfg_objs+=("$out/$(basename $f).o")
done
ld -r -o "$out/slt_config_all.o" "${cfg_objs[@]}"
$CC $cflags tb/prims/emit_regs.c "$out/regs.o" "$out/slt_config_all.o" -lm -o "$out/emit_regs"
set +e

total=0
for cfg in "$@"; do
  name=$(basename "$cfg" .cfg)
  dir="$out/$name"
  mkdir -p "$dir"
  mod=$("$out/emit_regs" --config "$cfg" --module) || exit 1
  "$out/emit_regs" --config "$cfg" --verilog "$dir/$mod.v" --header "$dir/slt_regs.h" --markdown "$dir/regs.md" || exit 1
  echo "== $name: $mod"
  # Verilator: C++ testbench, model of the register map from the same table
  if ! verilator --cc --exe --build -j 2 -Wall -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0" --prefix Vregs --top-module "$mod" \
      -CFLAGS "-std=c++17 -I$top/ref -I$top/gen -I$dir" \
      -LDFLAGS "$out/regs.o $out/slt_config_all.o -lm" \
      --Mdir "$dir/obj" "$dir/$mod.v" "$top/rtl/slt_clock_gate.v" "$top/tb/prims/tb_axil_regs.cpp" >"$dir/build.log" 2>&1; then
    tail -n 30 "$dir/build.log"; echo "FAIL verilator build for $name"; exit 1
  fi
  "$dir/obj/Vregs" "$cfg" "+seed=$seed" | tee "$dir/run.log"
  n=$(sed -n 's/^matched \([0-9]*\) outputs$/\1/p' "$dir/run.log")
  [ -n "$n" ] || { echo "FAIL tb_axil_regs $name (seed $seed; rerun: make t-prims-axil SEED=$seed)"; exit 1; }
  total=$((total + n))
done
echo "matched $total outputs"
