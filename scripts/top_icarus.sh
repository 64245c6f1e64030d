#!/usr/bin/env bash
# top_icarus.sh SEED DIR... - for each generated folder: write the top-level vector
# files (DIR/topvec/top_vecgen, tb/top/top_vecgen.c) and replay them on the Icarus
# testbench DIR/topvec/tb.vvp (tb/top/slt_top_icarus_tb.v) with random back-pressure.
# SLT_TB_VVP=tb_accel.vvp replays them through the wrapper slt_accel instead (mk/accel.mk).
set -euo pipefail
seed=$1; shift
for dir in "$@"; do
  "$dir/topvec/top_vecgen" --config "$dir/config.cfg" --seed "$seed" --out "$dir/topvec/vec"
  out=$(vvp -n "$dir/topvec/${SLT_TB_VVP:-tb.vvp}" +vec="$dir/topvec/vec" +seed="$seed")
  echo "$out"
  # vvp exits 0 whatever happened: the verdict is in the text
  if grep -q FAIL <<<"$out" || ! grep -q '^PASS' <<<"$out"; then exit 1; fi
done
