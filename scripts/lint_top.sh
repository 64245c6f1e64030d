#!/usr/bin/env bash
# lint_top.sh DIR... - lint the generated accelerator top (sltgen --out DIR: rtl/ + top/)
# with all three front ends, like scripts/lint_rtl.sh does for the array:
#   Verilator --lint-only -Wall, Icarus -g2005 -Wall, and Yosys
#   read_verilog -D SLT_SRAM_BLACKBOX (buffers as rtl/slt_sram_macro.v black boxes);
#   synth -top SLT_TOP; check -assert.
# Any warning is a failure. One line per folder (with the Yosys time and cell count);
# the tool output on failure. SLT_LINT_STAT=1 also prints Yosys' cell statistics.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
status=0
clean=0
for dir in "$@"; do
  top=$(sed -n 's/^SLT_TOP := //p' "$dir/params.mk")
  files=("$dir"/rtl/*.v "$dir"/top/*.v)
  log=$(mktemp)
  ok=1
  if ! verilator --lint-only -Wall -I"$dir/top" --top-module "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL verilator $dir"; head -60 "$log"; ok=0
  fi
  if ! iverilog -g2005 -Wall -I"$dir/top" -o /dev/null -s "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL iverilog $dir"; head -60 "$log"; ok=0
  fi
  t0=$(date +%s.%N)
  if ! yosys -q -l "$log.ys" -p "read_verilog -D SLT_SRAM_BLACKBOX -I$dir/top ${files[*]} $here/rtl/slt_sram_macro.v; synth -top $top; check -assert; stat" >"$log" 2>&1 \
     || grep -qi 'warning' "$log.ys"; then
    echo "FAIL yosys $dir"; grep -i -B2 -A4 'warning\|error' "$log.ys" "$log" | head -40; ok=0
  fi
  t1=$(date +%s.%N)
  cells=$(awk '/Number of cells:/ { n = $NF } END { print n }' "$log.ys")
  if [ "${SLT_LINT_STAT:-0}" = 1 ]; then sed -n '/=== design hierarchy ===/,$p' "$log.ys"; fi
  rm -f "$log" "$log.ys"
  if [ $ok = 1 ]; then
    printf 'lint ok   %s (%s): yosys %.1f s, %s cells\n' "$dir" "$top" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$cells"
    clean=$((clean + 1))
  else status=1; fi
done
echo "lint-top: $clean of $# tops passed verilator -Wall, iverilog -Wall and yosys synth + check -assert"
exit $status
