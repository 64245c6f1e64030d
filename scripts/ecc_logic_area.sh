#!/usr/bin/env bash
# ecc_logic_area.sh SLTECC CFG OUT [LIBS] - the logic cost of ecc = secded for the make run
# report (stage ecc-cost, docs/report.md "ECC cost"): for every SRAM of the accelerator
# top that SECDED protects (SLTECC --widths: wbuf, abuf, obuf, and the mode memory for
# ternary weights), one encoder (rtl/slt_secded_enc.v) and one decoder
# (rtl/slt_secded_dec.v), each with its code (rtl/slt_secded_cov.v), at that SRAM's data
# width - what rtl/slt_sram_ecc.v instantiates -
# synthesised alone with Yosys: generic gates (`stat -tech cmos` transistors) and, with
# LIBS (liberty, .lib or .lib.gz, ':'-separated), sky130 cell area (abc -liberty, `stat
# -liberty`; no placement, no wires). Written to OUT (key=value), for either value of the
# configuration's ecc key: for ecc = none it is what secded would add.
set -euo pipefail
sltecc=$1 cfg=$2 out=$3 libs=${4:-}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
synth_lib=""
if [ -n "$libs" ]; then
  # build copies cached in LIBROOT (the flow's build/lib), else made here
  libkv=$("$here/synth/lib_prep.sh" "${LIBROOT:-$work/lib}" "$libs")
  synth_lib=$(sed -n 's/^synth_lib=//p' "$libkv")
  tag=$(sed -n 's/^tag=//p' "$libkv")
fi
"$sltecc" --config "$cfg" --widths >"$work/widths"
{
  echo "method=Yosys 0.23 synth of rtl/slt_secded_enc.v + rtl/slt_secded_dec.v alone at each protected SRAM's data width${synth_lib:+; abc -liberty $tag, stat -liberty cell area, no placement}"
  echo "library=${tag:-none}"
} >"$work/kv"
tot_tr=0 tot_um2=0
while read -r name depth width ecc; do
  echo "$name.width=$width" >>"$work/kv"
  echo "$name.protected=$ecc" >>"$work/kv"
  [ "$ecc" = 1 ] || continue
  for prim in enc dec; do
    map=""; [ -n "$synth_lib" ] && map="abc -liberty $synth_lib; tee -q -o $work/lib.txt stat -liberty $synth_lib;"
    yosys -q -p "read_verilog -I$here/rtl $here/rtl/slt_secded_cov.v $here/rtl/slt_secded_$prim.v; chparam -set Width $width slt_secded_$prim;
      synth -flatten -top slt_secded_$prim; tee -q -o $work/gen.txt stat -tech cmos; $map" >"$work/yosys.log" 2>&1 ||
      { cat "$work/yosys.log"; echo "ecc_logic_area: yosys failed on slt_secded_$prim Width=$width"; exit 1; }
    tr=$(sed -n 's/.*Estimated number of transistors: *\([0-9]*\).*/\1/p' "$work/gen.txt" | tail -n 1)
    [ -n "$tr" ] || { echo "ecc_logic_area: no transistor count for slt_secded_$prim Width=$width"; exit 1; }
    echo "$name.$prim.transistors=$tr" >>"$work/kv"
    tot_tr=$((tot_tr + tr))
    if [ -n "$synth_lib" ]; then
      a=$(sed -n 's/.*Chip area for module.*: *\([0-9.]*\).*/\1/p' "$work/lib.txt" | tail -n 1)
      [ -n "$a" ] || { echo "ecc_logic_area: no cell area for slt_secded_$prim Width=$width"; exit 1; }
      echo "$name.$prim.area_um2=$a" >>"$work/kv"
      tot_um2=$(awk -v a="$tot_um2" -v b="$a" 'BEGIN { printf "%.3f", a + b }')
    fi
  done
done <"$work/widths"
echo "total.transistors=$tot_tr" >>"$work/kv"
[ -n "$synth_lib" ] && echo "total.area_um2=$tot_um2" >>"$work/kv"
mkdir -p "$(dirname "$out")"
mv "$work/kv" "$out"
cat "$out"
