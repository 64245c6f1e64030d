#!/usr/bin/env bash
# lint_rtl.sh DIR... - lint generated RTL (sltgen --out DIR) with all three
# front ends: Verilator -Wall, Icarus -g2005 -Wall, Yosys synth + check -assert.
# Any warning is a failure. One line per folder; the tool output on failure.
set -u
status=0
clean=0
for dir in "$@"; do
  top=$(sed -n 's/^SLT_TOP_ARRAY := //p' "$dir/params.mk")
  files=("$dir"/rtl/*.v)
  log=$(mktemp)
  ok=1
  # Verilator: -Wall, no waivers; any output is a warning.
  if ! verilator --lint-only -Wall --top-module "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL verilator $dir"; cat "$log"; ok=0
  fi
  # Icarus: Verilog-2005 only; any output is a warning.
  if ! iverilog -g2005 -Wall -o /dev/null -s "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL iverilog $dir"; cat "$log"; ok=0
  fi
  # Yosys: generic synthesis, then check -assert fails on any driver/loop problem.
  if ! yosys -q -l "$log.ys" -p "read_verilog ${files[*]}; synth -top $top; check -assert" >"$log" 2>&1 \
     || grep -qi 'warning' "$log.ys"; then
    echo "FAIL yosys $dir"; grep -i -B2 -A4 'warning\|error' "$log.ys" "$log" | head -40; ok=0
  fi
  rm -f "$log" "$log.ys"
  if [ $ok = 1 ]; then echo "lint ok   $dir ($top)"; clean=$((clean + 1)); else status=1; fi
done
echo "lint: $clean of $# configurations passed verilator -Wall, iverilog -Wall and yosys check -assert"
exit $status
