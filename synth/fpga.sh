#!/usr/bin/env bash
# fpga.sh - iCE40 flow: Yosys synth_ice40 + nextpnr-ice40 + icepack.
#
#   synth/fpga.sh --top TOP --out DIR (--rtl DIR | --file F.v)...
#                 (--params params.mk | --cfg file.cfg | --clock-mhz F) [options]
#   (--params alone also gives the files and the top, as for synth.sh)
#     --device hx8k|up5k|auto   (default auto = hx8k, the larger and faster part;
#                               up5k: 5280 cells, 2-3x slower, low power)
#     --clock-port P            (default clk_i)   --reset-port P (default rst_ni)
#     --name NAME
#
# Counts (LUT4, carry, flip-flops, block RAM) are those of the design alone.
# Place and route needs no pinout: the design goes inside a generated wrapper
# (DIR/fpga_wrap.v) with four pins - clock, reset, one serial input shifted
# into a register that drives every other input, one registered XOR of every
# output - so designs with more ports than the package has pins still place,
# and nothing is optimised away. Fmax is nextpnr's for that wrapped design
# (register to register; I/O pad timing is not part of it). Writes
# DIR/summary.kv, nextpnr.log, report.json, fpga_wrap.bin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

params="" top="" out="" clock="" clock_src="" device=auto name="" clk_port=clk_i rst_port=rst_ni
rtl_dirs=() files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --top) top=$2; shift ;;
    --out) out=$2; shift ;;
    --rtl) rtl_dirs+=("$2"); shift ;;
    --file) files+=("$2"); shift ;;
    --params) params=$2; [ "$clock_src" = "command line" ] || { clock=$(clock_mhz_from "$2"); clock_src=$2; }; shift ;;
    --cfg) [ "$clock_src" = "command line" ] || { clock=$(clock_mhz_from "$2"); clock_src=$2; }; shift ;;
    --clock-mhz) clock=$2; clock_src="command line"; shift ;;
    --device) device=$2; shift ;;
    --clock-port) clk_port=$2; shift ;;
    --reset-port) rst_port=$2; shift ;;
    --name) name=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
if [ -z "$top" ] && [ -n "$params" ]; then top=$(params_get "$params" SLT_TOP_ARRAY); fi
[ -n "$top" ] && [ -n "$out" ] && [ -n "$clock" ] || die "need --top (or --params), --out and a clock"
name=${name:-$top}
collect_sources
mkdir -p "$out"
o=$(cd "$out" && pwd)
yver=$(yosys -V | awk '{ print $1, $2 }')

# ---- 1. the design alone: counts and ports ------------------------------------------
banner "yosys synth_ice40: $name (design alone, for the counts)"
if ! SLT_FILES="${files[*]}" SLT_INCDIRS="${incdirs[*]:-}" SLT_TOP="$top" SLT_OUT="$o" SLT_STEP=count \
     yosys -q -l "$o/yosys_count.log" -c "$here/fpga.tcl" >/dev/null 2>&1; then
  echo "yosys failed; last lines of $o/yosys_count.log:" >&2; tail -n 20 "$o/yosys_count.log" >&2; exit 1
fi
# cell counts of the top (flattened): one "type count" line each
count() { awk -v re="$1" '/^   Number of cells:/ { c = 1; next } c && NF == 2 && $1 ~ re { n += $2 } /^$/ { c = 0 } END { print n + 0 }' "$o/stat.txt"; }
luts=$(count '^SB_LUT4$'); carry=$(count '^SB_CARRY$'); ffs=$(count '^SB_DFF'); brams=$(count '^SB_RAM40_4K$')
others=$(awk '/^   Number of cells:/ { c = 1; next } c && NF == 2 && $1 !~ /^SB_(LUT4|CARRY|DFF.*|RAM40_4K|GB|IO)$/ { printf "%s%s*%s", s, $1, $2; s = " " } /^$/ { c = 0 }' "$o/stat.txt")
echo "SB_LUT4 $luts, SB_CARRY $carry, flip-flops $ffs, SB_RAM40_4K $brams${others:+, other: $others}"
[ -z "$others" ] || die "cells iCE40 cannot place (black boxes?): $others"

# ---- 2. pick the device ----------------------------------------------------------------
# logic cells: one LUT4 + one FF + carry each; a rough need is max(LUT, FF)
# plus the wrapper's shift register (one FF per input bit)
read -r nin nout < <(awk -v clk="$clk_port" -v rst="$rst_port" '
  /^[ \t]*(input|output|inout)[ \t]/ {
    line = $0; sub(/;.*/, "", line); n = split(line, w, /[ \t]+/); nm = w[n]; width = 1
    if (match(line, /\[[0-9]+:[0-9]+\]/)) { split(substr(line, RSTART + 1, RLENGTH - 2), r, ":"); width = (r[1] > r[2] ? r[1] - r[2] : r[2] - r[1]) + 1 }
    if (line ~ /inout/) { print "inout", "inout"; exit }
    if (line ~ /input/ && nm != clk && nm != rst) i += width
    if (line ~ /output/) o += width
  } END { print i + 0, o + 0 }' "$o/ports.v")
[ "$nin" = inout ] && die "inout ports are not supported by the wrapper"
need=$(( (luts > ffs + nin ? luts : ffs + nin) + nout / 3 + 1 ))
fits() { # fits DEVICE: logic cells and BRAMs within 90% / 100%
  case "$1" in
    up5k) [ $need -le $((5280 * 9 / 10)) ] && [ "$brams" -le 30 ] ;;
    hx8k) [ $need -le $((7680 * 9 / 10)) ] && [ "$brams" -le 32 ] ;;
    *) die "unknown device '$1' (up5k, hx8k or auto)" ;;
  esac
}
fit=yes
case "$device" in
  auto) device=hx8k; fits hx8k || fit=no ;;
  *) fits "$device" || fit=no ;;
esac
case "$device" in up5k) pkg=sg48; lcs=5280 ;; hx8k) pkg=ct256; lcs=7680 ;; esac

{
  echo "flow=fpga"
  echo "name=$name"
  echo "tool=$yver synth_ice40 (flattened); $(nextpnr-ice40 --version 2>&1 | head -n 1)"
  echo "clock_mhz=$clock"
  echo "clock_source=$clock_src"
  echo "sb_lut4=$luts"
  echo "sb_carry=$carry"
  echo "flipflops=$ffs"
  echo "sb_ram40_4k=$brams"
  echo "inputs_bits=$nin"
  echo "outputs_bits=$nout"
  echo "device=$device"
  echo "package=$pkg"
  echo "fit=$fit"
} >"$o/summary.kv"

if [ $fit = no ]; then
  banner "does not fit"
  echo "DOES NOT FIT: $name needs about $need logic cells and $brams block RAMs;" \
       "the $device has $lcs logic cells (90% usable assumed) and $([ $device = up5k ] && echo 30 || echo 32) block RAMs." \
       "No place-and-route run; counts above are from synthesis."
  echo "summary: $o/summary.kv"
  exit 0
fi

# ---- 3. wrapper: four pins whatever the design's ports --------------------------------
banner "wrapper: $nin input bits from a shift register, $nout output bits XOR-reduced"
awk -v top="$top" -v clk="$clk_port" -v rst="$rst_port" -v nin="$nin" -v nout="$nout" '
  /^[ \t]*(input|output)[ \t]/ {
    line = $0; sub(/;.*/, "", line); n = split(line, w, /[ \t]+/); nm = w[n]; width = 1
    if (match(line, /\[[0-9]+:[0-9]+\]/)) { split(substr(line, RSTART + 1, RLENGTH - 2), r, ":"); width = (r[1] > r[2] ? r[1] - r[2] : r[2] - r[1]) + 1 }
    if (nm == clk) conn[++k] = "." nm "(clk_i)"
    else if (nm == rst && line ~ /input/) conn[++k] = "." nm "(rst_ni)"
    else if (line ~ /input/) { conn[++k] = sprintf(".%s(in_q[%d:%d])", nm, ip + width - 1, ip); ip += width }
    else { conn[++k] = sprintf(".%s(out_w[%d:%d])", nm, op + width - 1, op); op += width }
  }
  END {
    print "// fpga_wrap: generated by synth/fpga.sh - place-and-route shell around " top "."
    print "// Every data input comes from one shift register fed by sin_i, every output"
    print "// goes into one registered XOR: four pins, nothing optimised away."
    print "module fpga_wrap ("
    print "  input  wire clk_i,"
    print "  input  wire rst_ni,"
    print "  input  wire sin_i,"
    print "  output wire sout_o"
    print ");"
    ni = (nin > 0 ? nin : 1); no = (nout > 0 ? nout : 1)
    printf "  reg  [%d:0] in_q;\n", ni - 1
    printf "  wire [%d:0] out_w;\n", no - 1
    print "  reg         out_q;"
    if (ni > 1) printf "  always @(posedge clk_i) in_q <= {in_q[%d:0], sin_i};\n", ni - 2
    else        print  "  always @(posedge clk_i) in_q <= sin_i;"
    if (nout == 0) print "  assign out_w = 1'\''b0;"
    print "  always @(posedge clk_i) out_q <= ^out_w;"
    print "  assign sout_o = out_q;"
    printf "  %s u_dut (\n", top
    for (i = 1; i <= k; i++) printf "    %s%s\n", conn[i], (i < k ? "," : "")
    print "  );"
    print "endmodule"
  }' "$o/ports.v" >"$o/fpga_wrap.v"

banner "yosys synth_ice40: wrapped design for place-and-route"
if ! SLT_FILES="${files[*]} $o/fpga_wrap.v" SLT_INCDIRS="${incdirs[*]:-}" SLT_TOP=fpga_wrap SLT_OUT="$o" SLT_STEP=pnr \
     yosys -q -l "$o/yosys_pnr.log" -c "$here/fpga.tcl" >/dev/null 2>&1; then
  echo "yosys failed; last lines of $o/yosys_pnr.log:" >&2; tail -n 20 "$o/yosys_pnr.log" >&2; exit 1
fi

# ---- 4. nextpnr + icepack ---------------------------------------------------------------
banner "nextpnr-ice40: $device-$pkg, target $clock MHz"
# --pcf-allow-unconstrained: the four pins may go anywhere
# --timing-allow-fail: a missed target is a result (Fmax below it), not an error
# --seed 1: the same placement every run
if ! nextpnr-ice40 --$device --package $pkg --json "$o/pnr.json" --asc "$o/fpga_wrap.asc" \
       --pcf-allow-unconstrained --freq "$clock" --timing-allow-fail --seed 1 \
       --report "$o/report.json" >"$o/nextpnr.log" 2>&1; then
  echo "nextpnr-ice40 failed; last lines of $o/nextpnr.log:" >&2; tail -n 20 "$o/nextpnr.log" >&2
  echo "pnr=failed" >>"$o/summary.kv"
  exit 1
fi
icepack "$o/fpga_wrap.asc" "$o/fpga_wrap.bin"

# Fmax of the design's clock: the last "Max frequency" line of the log
fline=$(grep -E "Max frequency for clock" "$o/nextpnr.log" | tail -n 1)
fmax=$(sed -E 's/.*: ([0-9.]+) MHz.*/\1/' <<<"$fline")
pass=$(grep -q 'PASS at' <<<"$fline" && echo yes || echo no)
# utilisation from the JSON report: "NAME": { "available": A, "used": U }
util() { tr -d '\n ' <"$o/report.json" | grep -oE "\"$1\":\{\"available\":[0-9]+,\"used\":[0-9]+\}" | sed -E 's/.*available":([0-9]+),"used":([0-9]+).*/\2\/\1/'; }
{
  echo "pnr=ok"
  echo "fmax_mhz=$fmax"
  echo "fmax_meets_target=$pass"
  echo "wrapped_logic_cells=$(util ICESTORM_LC)"
  echo "wrapped_bram=$(util ICESTORM_RAM)"
  echo "wrapped_io=$(util SB_IO)"
  echo "fmax_scope=wrapped design, register to register, nextpnr timing model, no I/O pads"
} >>"$o/summary.kv"

banner "FPGA: $name on iCE40 $device-$pkg"
echo "design alone: $luts LUT4, $carry carry, $ffs flip-flops, $brams BRAM (4 kbit)"
echo "wrapped: logic cells $(util ICESTORM_LC), BRAM $(util ICESTORM_RAM), pins $(util SB_IO)"
echo "Fmax $fmax MHz (target $clock MHz: $( [ $pass = yes ] && echo met || echo missed ))"
echo "summary: $o/summary.kv  log: $o/nextpnr.log  bitstream: $o/fpga_wrap.bin"
