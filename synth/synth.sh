#!/usr/bin/env bash
# synth.sh - Yosys synthesis driver: generic flow always, liberty flow when
# --lib is given. One Yosys run does both (synth.tcl).
#
#   synth/synth.sh --top TOP --out DIR (--rtl DIR | --file F.v)... [options]
#     --lib LIBS          liberty file(s), .lib or .lib.gz, ':'/space separated
#     --clock-mhz F       target clock (abc delay target in the liberty flow), or
#     --params FILE       read it from a generator params.mk (which also gives the
#                         files, SLT_RTL_FILES, and the top, SLT_TOP_ARRAY, when
#                         --rtl/--file/--top are not given), or
#     --cfg FILE          read it from a configuration file
#     --blackbox FILE     black-box area model (format: synth/stat2kv.awk), e.g.
#                         "slt_sram_macro Depth=1024 Width=64 lib=sky130* 81234.5";
#                         those modules are black boxes, their area is added
#     --define NAME       Verilog define for every file (e.g. SLT_SRAM_BLACKBOX)
#     --name NAME         label for the reports (default: TOP)
#     --libdir DIR        where library build copies go (default: build/lib)
#     --sram-model PROG   SRAM area model (build/bin/sltsram): black-box area file
#     --sram-timing PROG  SRAM timing model (build/bin/sltsramlib): for a sky130
#                         liberty, DIR/<lib tag>/sram_timing.lib (one cell per SRAM
#                         shape, read by sta.sh) and sram_timing.kv
#
# Environment: SLT_REUSE_GENERIC=1 reads the generic design a liberty run saved in
# DIR/generic (same inputs) instead of synthesising it (below; make run's ASAP7 runs).
#
# Writes DIR/yosys.log and
#   DIR/generic/summary.kv   cells, flops, transistors, per module (stat2kv.awk)
#   DIR/<lib tag>/summary.kv area in um^2 per module, black-box area
#   DIR/<lib tag>/netlist.v  mapped netlist for OpenSTA
# and prints a per-module table. Exit status is non-zero on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

params="" files_var="" sram_model="" sram_timing="" top="" out="" lib="" clock="" clock_src="" bbmodel="" name="" libroot="build/lib"
rtl_dirs=() files=() defines=()
while [ $# -gt 0 ]; do
  case "$1" in
    --top) top=$2; shift ;;
    --out) out=$2; shift ;;
    --rtl) rtl_dirs+=("$2"); shift ;;
    --file) files+=("$2"); shift ;;
    --lib) lib=$2; shift ;;
    --clock-mhz) clock=$2; clock_src="command line"; shift ;;
    --params) params=$2; [ "$clock_src" = "command line" ] || { clock=$(clock_mhz_from "$2"); clock_src=$2; }; shift ;;
    --cfg) [ "$clock_src" = "command line" ] || { clock=$(clock_mhz_from "$2"); clock_src=$2; }; shift ;;
    --define) defines+=("$2"); shift ;;
    --blackbox) bbmodel=$2; shift ;;
    --files-var) files_var=$2; shift ;;
    --sram-model) sram_model=$2; shift ;;
    --sram-timing) sram_timing=$2; shift ;;
    --name) name=$2; shift ;;
    --libdir) libroot=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
if [ -z "$top" ] && [ -n "$params" ]; then top=$(params_get "$params" SLT_TOP_ARRAY); fi
[ -n "$top" ] && [ -n "$out" ] || die "need --top (or --params with SLT_TOP_ARRAY) and --out"
name=${name:-$top}

collect_sources

bbnames=""
if [ -n "$bbmodel" ]; then
  [ -r "$bbmodel" ] || die "cannot read black-box model '$bbmodel'"
  bbnames=$(sed 's/#.*//' "$bbmodel" | awk 'NF >= 2 { print $1 }' | sort -u | tr '\n' ' ')
fi

# the SRAM model prices slt_sram_macro: keep it a black box and dump its shapes
if [ -n "$sram_model" ]; then
  case " $bbnames " in *" slt_sram_macro "*) ;; *) bbnames="$bbnames slt_sram_macro" ;; esac
fi

mkdir -p "$out/generic"
gen_dir=$(cd "$out/generic" && pwd)
lib_dir="" synth_lib="" tag="" abc_d="" constr=""
if [ -n "$lib" ]; then
  banner "liberty: preparing build copies"
  libkv=$("$here/lib_prep.sh" "$libroot" "$lib")
  tag=$(kv_get "$libkv" tag)
  synth_lib=$(kv_get "$libkv" synth_lib)
  echo "library: $tag ($(kv_get "$libkv" corners)): $(kv_get "$libkv" sources)"
  echo "build copies: $(dirname "$libkv") (dont_use marked: $(kv_get "$libkv" dont_use_marked) cells)"
  mkdir -p "$out/$tag"
  lib_dir=$(cd "$out/$tag" && pwd)
  # abc: delay target = clock period in ps; inputs driven by drive_cell,
  # outputs loaded by load_ff (abc -constr wants femtofarads)
  # delay target: a fraction of the period (common.sh: ABC sees no wire load)
  if [ -n "$clock" ]; then abc_d=$(calc "1e6 / $clock * $SLT_ABC_DELAY_FRAC"); fi
  # clock gates: rtl/slt_clock_gate.v becomes the library's integrated
  # clock-gating cell (libs.cfg icg_cell), which OpenSTA times as a clock gate
  icg_file=""
  if grep -qs '^module slt_clock_gate\b' "${files[@]}"; then
    read -r icg_c icg_ck icg_en icg_gclk icg_se <<<"$(kv_get "$libkv" icg_cell)"
    [ -n "${icg_gclk:-}" ] || die "the design has clock gates (slt_clock_gate) but $tag has no icg_cell in synth/libs.cfg (or generate with clock_gating = off)"
    icg_file="$lib_dir/slt_clock_gate_icg.v"
    icg_tie=""; [ -n "${icg_se:-}" ] && icg_tie=", .$icg_se(1'b0)"
    {
      echo "// slt_clock_gate mapped to $icg_c (synth/libs.cfg icg_cell), written by synth.sh"
      echo "module slt_clock_gate (input wire clk_i, input wire en_i, output wire clk_o);"
      echo "  $icg_c u_icg (.$icg_ck(clk_i), .$icg_en(en_i)$icg_tie, .$icg_gclk(clk_o));"
      echo "endmodule"
    } >"$icg_file"
    echo "clock gates: slt_clock_gate -> $icg_c"
  fi
  drive=$(kv_get "$libkv" drive_cell); load=$(kv_get "$libkv" load_ff)
  if [ -n "$drive" ] && [ -n "$load" ]; then
    constr="$lib_dir/abc.constr"
    printf 'set_driving_cell %s\nset_load %s\n' "$drive" "$load" >"$constr"
  fi
fi

banner "yosys: $name (top $top, ${#files[@]} files${tag:+, library $tag})"
log="$out/yosys.log"
start=$(date +%s)
# The generic flow does not depend on the library: every liberty run saves its generic
# design (generic.il, RTLIL, with a key), and a run with SLT_REUSE_GENERIC=1 on the same
# inputs reads it instead of synthesising again (make run: the ASAP7 runs after the
# sky130 ones). Opt-in only, because the design read back reaches ABC in another order
# and maps differently: a run that reads it would otherwise give other figures
# depending on what ran before in this folder. The key: the Yosys version, synth.tcl,
# top, black boxes, defines, the files and every file in the include folders, by content.
gen_key=$( { yosys -V; cat "$here/synth.tcl"; echo "$top|$bbnames|${defines[*]:-}"
             cat "${files[@]}"; for d in ${incdirs[@]+"${incdirs[@]}"}; do find "$d" -maxdepth 1 -type f -name '*.v*' | LC_ALL=C sort | xargs -r cat; done; } | md5sum | cut -c1-16)
il_in="" il_out=""
if [ -n "$lib" ]; then
  if [ "${SLT_REUSE_GENERIC:-}" = 1 ] && [ -s "$gen_dir/generic.il" ] && [ "$(cat "$gen_dir/generic.key" 2>/dev/null)" = "$gen_key" ]; then
    il_in="$gen_dir/generic.il"
    echo "generic flow: reusing $il_in (same inputs, key $gen_key)"
  else
    il_out="$gen_dir/generic.il"
  fi
fi
rm -f "$gen_dir/generic.key" # (written again only when this run succeeds)
if ! SLT_FILES="${files[*]}" SLT_INCDIRS="${incdirs[*]:-}" SLT_DEFINES="${defines[*]:-}" SLT_TOP="$top" SLT_BLACKBOX="$bbnames" \
     SLT_GEN_DIR="$gen_dir" SLT_LIB="$synth_lib" SLT_LIB_DIR="$lib_dir" \
     SLT_ABC_D="$abc_d" SLT_ABC_CONSTR="$constr" SLT_ICG_FILE="${icg_file:-}" \
     SLT_GENERIC_IL="$il_in" SLT_GENERIC_IL_OUT="$il_out" \
     yosys -q -l "$log" -c "$here/synth.tcl" >/dev/null 2>&1; then
  echo "yosys failed; last lines of $log:" >&2
  grep -v 'unsupported expression' "$log" | tail -n 25 >&2
  exit 1
fi
[ -n "$lib" ] && echo "$gen_key" >"$gen_dir/generic.key"
secs=$(( $(date +%s) - start ))
yver=$(yosys -V | awk '{ print $1, $2 }')

# ---- key=value summaries ------------------------------------------------------
{
  echo "flow=generic"
  echo "name=$name"
  echo "tool=$yver (synth -top, hierarchy kept; stat -tech cmos)"
  echo "library=none (Yosys internal gates)"
  echo "files=${#files[@]}"
  echo "yosys_seconds=$secs"
  awk -v MODE=generic -v BBCELLS="$gen_dir/blackbox_cells.txt" -f "$here/stat2kv.awk" "$gen_dir/stat.txt" "$gen_dir/stat_count.txt"
} >"$gen_dir/summary.kv"

# ---- SRAM macros: modelled area from gen/sram_model.c (build/bin/sltsram) --------
# The shapes (Depth x Width, instances) of the slt_sram_macro black boxes of this
# netlist go to the model, which writes the black-box area file (sky130 and
# 28 nm lines; none for ASAP7: not modelled) and sram.kv (totals per node).
rm -f "$out/blackbox_area.txt" "$out/sram.kv"
if [ -n "$sram_model" ]; then
  shapes=$(sed -n 's/^blackbox_cell\.[0-9]*=slt_sram_macro //p' "$gen_dir/summary.kv" |
    awk '{ d = w = ""; c = 0
           for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "Depth") d = kv[2]; else if (kv[1] == "Width") w = kv[2]; else if (kv[1] == "count") c = kv[2] }
           if (d != "" && w != "") { k = d "x" w; if (!(k in n)) o[++m] = k; n[k] += c } }
         END { for (i = 1; i <= m; i++) printf "%s*%d ", o[i], n[o[i]] }')
  if [ -n "$shapes" ]; then
    [ -x "$sram_model" ] || die "SRAM model program '$sram_model' not found (make build/bin/sltsram)"
    # shellcheck disable=SC2086
    "$sram_model" --blackbox "$out/blackbox_area.txt" --kv "$out/sram.kv" $shapes || die "$sram_model failed"
    echo "SRAM macros (modelled, gen/sram_model.c): $shapes -> $out/blackbox_area.txt"
    [ -n "$bbmodel" ] || bbmodel="$out/blackbox_area.txt"
  fi
fi
# ---- SRAM macros: modelled timing (sky130 only), a liberty cell per shape ----------
rm -f "${lib_dir:-/nonexistent}/sram_timing.lib" "${lib_dir:-/nonexistent}/sram_timing.kv"
if [ -n "$lib" ] && [ -n "$sram_timing" ] && [ -n "${shapes:-}" ]; then
  case "$tag" in
    sky130*)
      [ -x "$sram_timing" ] || die "SRAM timing program '$sram_timing' not found (make build/bin/sltsramlib)"
      # shellcheck disable=SC2086
      "$sram_timing" --lib "$lib_dir/sram_timing.lib" --kv "$lib_dir/sram_timing.kv" $shapes || die "$sram_timing failed"
      echo "SRAM macros (timing MODELLED, gen/sram_model.c): $lib_dir/sram_timing.lib"
      sed -n 's/^sram_timing\.\([^.]*\)\.clk_q_ns=/  \1 clk->rdata (ns): /p' "$lib_dir/sram_timing.kv" ;;
    *) echo "SRAM macros: timing NOT MODELLED for $tag (black boxes, paths through them untimed)" ;;
  esac
fi
if [ -n "$lib" ]; then
  {
    echo "flow=liberty"
    echo "name=$name"
    echo "tool=$yver (dfflibmap + abc -liberty, hierarchy kept; stat -liberty)"
    echo "library=$tag"
    echo "liberty_files=$(kv_get "$libkv" sources)"
    echo "corners=$(kv_get "$libkv" corners)"
    echo "clock_mhz=${clock:-none}"
    echo "clock_source=${clock_src:-none}"
    echo "abc_delay_target_ps=${abc_d:-none}"
    echo "abc_delay_frac=$SLT_ABC_DELAY_FRAC"
    echo "abc_drive_cell=${drive:-none}"
    echo "abc_load_ff=${load:-none}"
    echo "blackbox_model=${bbmodel:-none}"
    echo "netlist=$lib_dir/netlist.v"
    awk -v MODE=liberty -v BBMODEL="$bbmodel" -v BBCELLS="$gen_dir/blackbox_cells.txt" -v LIBTAG="$tag" \
      -f "$here/stat2kv.awk" "$lib_dir/stat.txt"
  } >"$lib_dir/summary.kv"
fi

# ---- human-readable table -------------------------------------------------------
banner "per-module figures: $name (per instance; TOTAL counts every instance; cells, flops, transistors: generic flow)"
awk -F= -v LIB="${lib_dir:+$lib_dir/summary.kv}" '
  FNR == 1 { f++ }
  /^module\./ { k = $1; sub(/^module\./, "", k); m = k; sub(/\.[^.]*$/, "", m); p = k; sub(/^.*\./, "", p)
                if (!(m in seen)) { seen[m] = 1; order[++n] = m }; v[f, m, p] = $2; next }
  { tot[f, $1] = $2 }
  END {
    printf "%-40s %5s %8s %6s %11s", "module", "inst", "cells", "flops", "transistors"
    if (LIB != "") printf " %9s %12s", "lib cells", "area_um2"
    printf "\n"
    for (i = 1; i <= n; i++) { m = order[i]
      printf "%-40s %5d %8d %6d %11d", substr(m, 1, 40), v[1, m, "instances"], v[1, m, "cells"], v[1, m, "flops"], v[1, m, "transistors"]
      if (LIB != "") printf " %9d %12.3f", v[2, m, "cells"], v[2, m, "area_um2"]
      printf "\n" }
    printf "%-40s %5s %8d %6d %11d", "TOTAL (all instances)", "", tot[1, "cells"], tot[1, "flops"], tot[1, "transistors"]
    if (LIB != "") printf " %9d %12.3f", tot[2, "cells"], tot[2, "area_logic_um2"]
    printf "\n"
  }' "$gen_dir/summary.kv" ${lib_dir:+"$lib_dir/summary.kv"}
# per block (accelerator top: array parts, controllers, AXI) and the modelled SRAM
if [ "$(kv_get "$gen_dir/summary.kv" block.control.cells)" != 0 ] || [ "$(kv_get "$gen_dir/summary.kv" block.axi.cells)" != 0 ]; then
  banner "per-block figures: $name (every instance; SRAM macros: black boxes, area MODELLED by gen/sram_model.c)"
  printf '%-16s %8s %11s %14s\n' block cells transistors "${tag:+area_um2}"
  for b in array_glue table_builders row_lanes control axi other; do
    printf '%-16s %8s %11s %14s\n' "$b" "$(kv_get "$gen_dir/summary.kv" block.$b.cells)" \
      "$(kv_get "$gen_dir/summary.kv" block.$b.transistors)" "${lib_dir:+$(kv_get "$lib_dir/summary.kv" block.$b.area_um2)}"
  done
  if [ -s "$out/sram.kv" ]; then
    echo "SRAM macros (MODEL, $(kv_get "$out/sram.kv" sram.instances) instances, $(kv_get "$out/sram.kv" sram.kbit) Kbit):" \
      "sky130 $(kv_get "$out/sram.kv" sram.sky130.area_um2) um^2, 28nm $(kv_get "$out/sram.kv" sram.28nm.area_um2) um^2, ASAP7 not modelled"
  fi
fi
g="$gen_dir/summary.kv"
echo "transistors: $(kv_get "$g" transistors) (Yosys stat -tech cmos alone: $(kv_get "$g" transistors_yosys), flops it leaves out added)"
[ "$(kv_get "$g" blackbox_instances)" != 0 ] && echo "black boxes: $(kv_get "$g" blackboxes) (no cells, no transistors counted)"
if [ -n "$lib" ]; then
  l="$lib_dir/summary.kv"
  echo "area ($tag): logic $(kv_get "$l" area_logic_um2) um^2 + black boxes $(kv_get "$l" area_blackbox_um2) um^2 = $(kv_get "$l" area_um2) um^2"
  um=$(kv_get "$l" blackboxes_unmodelled)
  [ -n "$um" ] && echo "WARNING: black boxes without a modelled area (counted as 0): $um"
fi
for c in transistor_table_check cells_check; do
  [ "$(kv_get "$g" $c)" = ok ] || echo "WARNING: $c = $(kv_get "$g" $c)"
done
[ -n "$lib" ] && [ "$(kv_get "$lib_dir/summary.kv" area_check)" != ok ] && echo "WARNING: area_check = $(kv_get "$lib_dir/summary.kv" area_check)"
echo "summaries: $gen_dir/summary.kv${lib_dir:+ $lib_dir/summary.kv}"
echo "log: $log"
