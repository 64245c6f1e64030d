#!/usr/bin/env bash
# lint_accel.sh DIR... - lint the integration wrapper slt_accel (gen/emit_wrapper.c)
# of each generated folder as the top module: Verilator --lint-only -Wall, Icarus
# -g2005 -Wall, Yosys read + hierarchy -check + proc + check -assert (the logic
# inside is the hashed top, which scripts/lint_top.sh synthesises). Any warning
# is a failure; the port names are checked against the conventional list too.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
# the names from_prefix()/interface inference look for (docs/top.md)
want="aclk aresetn s_axil_awaddr s_axil_awprot s_axil_awvalid s_axil_awready s_axil_wdata s_axil_wstrb
s_axil_wvalid s_axil_wready s_axil_bresp s_axil_bvalid s_axil_bready s_axil_araddr s_axil_arprot s_axil_arvalid
s_axil_arready s_axil_rdata s_axil_rresp s_axil_rvalid s_axil_rready s_axis_tdata s_axis_tvalid s_axis_tready
s_axis_tlast m_axis_tdata m_axis_tvalid m_axis_tready m_axis_tlast irq"
status=0
for dir in "$@"; do
  top=$(sed -n 's/^SLT_ACCEL := //p' "$dir/params.mk")
  [ -n "$top" ] || { echo "FAIL $dir: no SLT_ACCEL in params.mk"; status=1; continue; }
  files=("$dir"/rtl/*.v "$dir"/top/*.v)
  log=$(mktemp)
  ok=1
  if ! verilator --lint-only -Wall -I"$dir" -I"$dir/top" --top-module "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL verilator $dir"; head -40 "$log"; ok=0
  fi
  if ! iverilog -g2005 -Wall -I"$dir" -I"$dir/top" -o /dev/null -s "$top" "${files[@]}" >"$log" 2>&1 || [ -s "$log" ]; then
    echo "FAIL iverilog $dir"; head -40 "$log"; ok=0
  fi
  if ! yosys -q -l "$log.ys" -p "read_verilog -D SLT_SRAM_BLACKBOX -I$dir -I$dir/top ${files[*]} $here/rtl/slt_sram_macro.v; hierarchy -check -top $top; proc; check -assert" >"$log" 2>&1 \
     || grep -qi 'warning' "$log.ys"; then
    echo "FAIL yosys $dir"; grep -i -B2 -A4 'warning\|error' "$log.ys" "$log" | head -40; ok=0
  fi
  # port names of the module header, in order of appearance
  have=$(sed -n "/^module $top (/,/^);/p" "$dir/top/$top.v" | sed -nE 's/^ *(input|output) +wire +(\[[^]]*\] +)?([a-z_]+).*/\3/p' | sort | tr '\n' ' ')
  exp=$(tr ' \n' '\n\n' <<<"$want" | sed '/^$/d' | sort | tr '\n' ' ')
  if [ "$have" != "$exp" ]; then
    echo "FAIL ports of $top in $dir:"; echo "  have: $have"; echo "  want: $exp"; ok=0
  fi
  rm -f "$log" "$log.ys"
  if [ $ok = 1 ]; then echo "lint ok   $dir ($top: $(wc -w <<<"$have") conventional ports)"; else status=1; fi
done
exit $status
