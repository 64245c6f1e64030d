#!/usr/bin/env bash
# ice40.sh - the behavioural slt_sram must map to iCE40 block RAM: yosys synth_ice40,
# then stat: the expected number of SB_RAM40_4K, no memory left as flip-flops
# (at most a few cells of output muxing for multi-block depths).
# usage: tb/prims/ice40.sh BUILD_DIR     prints "matched N outputs" when all map.
set -u
cd "$(dirname "$0")/../.."
out=${1:-build/prims}/ice40
mkdir -p "$out"

# Depth | Width | SB_RAM40_4K expected | max other cells
cases=(
  "512|8|1|0"
  "256|16|1|2"
  "2048|2|1|0"
  "1000|16|4|40"
  "2048|32|16|80"
)
ok=0; fail=0
for c in "${cases[@]}"; do
  IFS='|' read -r depth width brams maxother <<<"$c"
  log="$out/sram_${depth}x${width}.log"
  yosys -p "read_verilog rtl/slt_sram.v; chparam -set Depth $depth -set Width $width slt_sram; synth_ice40 -top slt_sram; stat" >"$log" 2>&1 \
    || { echo "FAIL yosys synth_ice40 ${depth}x${width} (see $log)"; fail=1; continue; }
  # the last stat block
  stat=$(awk '/Printing statistics/ {s = ""} {s = s $0 "\n"} END {printf "%s", s}' "$log")
  got=$(printf '%s' "$stat" | awk '$1 == "SB_RAM40_4K" {print $2}')
  cells=$(printf '%s' "$stat" | awk '/Number of cells:/ {print $4}')
  membits=$(printf '%s' "$stat" | awk '/Number of memory bits:/ {print $5}')
  other=$(( ${cells:-0} - ${got:-0} ))
  if [ "${got:-0}" != "$brams" ] || [ "${membits:-1}" != 0 ] || [ "$other" -gt "$maxother" ]; then
    echo "FAIL slt_sram ${depth}x${width}: expected $brams SB_RAM40_4K and <= $maxother other cells, got ${got:-0} and $other (memory bits left: ${membits:-?})"
    fail=1
  else
    echo "  slt_sram ${depth}x${width}: $got SB_RAM40_4K, $other other cells"
    ok=$((ok + 1))
  fi
done
[ $fail -eq 0 ] || exit 1
echo "matched $ok outputs"
