#!/usr/bin/env bash
# area.sh - SLT array vs add/sub baseline at the same ternary MACs per cycle.
#
#   synth/area.sh --sltgen BIN [--base CFG] [--macs N] [--units U | --lanes L]
#                 [--groups "2 3 4 5"] [--out DIR] [--lib LIBS] [--libdir DIR]
#
# For every group size G and both arrays (array=slt, array=addsub) the
# generator is run on the base configuration with
#   group_size=G lut_units=U row_lanes=L   where L*U*G = N (MACs per cycle)
# (--units fixes U and derives L, --lanes fixes L and derives U; a G for which
# the division is not exact is skipped and said so). Each array is synthesised
# alone (its SLT_TOP_ARRAY) with the generic flow (synth.sh), plus the liberty
# flow when --lib is given. Prints a table and writes DIR/area.kv.
#
# Default shape: U = 1, L = N/G - every MAC of a cycle shares one table per
# group, the SLT's most favourable shape at a fixed MAC rate (table cost is
# paid once per U, lookups cost the same for any L*U).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

sltgen="" base=configs/slim.cfg macs=60 units=1 lanes="" groups="2 3 4 5" out=build/area lib="" libroot=build/lib
while [ $# -gt 0 ]; do
  case "$1" in
    --sltgen) sltgen=$2; shift ;;
    --base) base=$2; shift ;;
    --macs) macs=$2; shift ;;
    --units) units=$2; lanes=""; shift ;;
    --lanes) lanes=$2; units=""; shift ;;
    --groups) groups=$2; shift ;;
    --out) out=$2; shift ;;
    --lib) lib=$2; shift ;;
    --libdir) libroot=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
[ -x "$sltgen" ] || die "no generator '$sltgen'"
[ -r "$base" ] || die "no base configuration '$base'"
mkdir -p "$out"
kv="$out/area.kv"
: >"$kv"

banner "area: SLT vs add/sub, $macs ternary MAC/cycle, base $(basename "$base"), ${units:+U=$units}${lanes:+L=$lanes}"
rows=()
for g in $groups; do
  per=$(( macs / g ))
  if [ $(( per * g )) -ne "$macs" ]; then echo "G=$g skipped: $macs MAC/cycle is not a multiple of $g"; continue; fi
  if [ -n "$units" ]; then u=$units; l=$(( per / u )); [ $(( l * u )) -eq $per ] || { echo "G=$g skipped: $per not a multiple of U=$u"; continue; }
  else l=$lanes; u=$(( per / l )); [ $(( l * u )) -eq $per ] || { echo "G=$g skipped: $per not a multiple of L=$l"; continue; }
  fi
  for a in slt addsub; do
    d="$out/${a}_g${g}_u${u}_l${l}"
    if ! "$sltgen" --config "$base" --set array=$a --set group_size=$g --set lut_units=$u \
         --set row_lanes=$l --out "$d" --quiet >"$out/${a}_g$g.gen.log" 2>&1; then
      echo "G=$g $a: generator failed ($(head -n 1 "$out/${a}_g$g.gen.log"))"
      echo "$a.g$g=generator failed" >>"$kv"
      continue
    fi
    if ! "$here/synth.sh" --params "$d/params.mk" --out "$d/synth" --name "${a}_g$g" \
         ${lib:+--lib "$lib" --libdir "$libroot"} >"$d/synth.log" 2>&1; then
      echo "G=$g $a: synthesis failed, see $d/synth.log"; tail -n 5 "$d/synth.log"
      echo "$a.g$g=synthesis failed" >>"$kv"
      continue
    fi
    gs="$d/synth/generic/summary.kv"
    area=""
    if [ -n "$lib" ]; then
      ls=$(ls "$d"/synth/*/summary.kv | grep -v /generic/ | head -n 1)
      area=$(kv_get "$ls" area_logic_um2)
    fi
    {
      echo "$a.g$g.lanes=$l"
      echo "$a.g$g.units=$u"
      echo "$a.g$g.top=$(kv_get "$gs" top)"
      echo "$a.g$g.cells=$(kv_get "$gs" cells)"
      echo "$a.g$g.flops=$(kv_get "$gs" flops)"
      echo "$a.g$g.transistors=$(kv_get "$gs" transistors)"
      [ -n "$area" ] && echo "$a.g$g.area_um2=$area"
    } >>"$kv"
    echo "G=$g $a: L=$l U=$u done ($(kv_get "$gs" transistors) transistors)"
  done
done

banner "area table: transistors = Yosys stat -tech cmos + the flops it omits (synth/stat2kv.awk)${lib:+; area_um2 = stat -liberty, logic only}"
awk -F= -v macs="$macs" -v LIB="$lib" '
  { split($1, k, "."); v[k[1], k[2], k[3]] = $2; if (!(k[2] in seen)) { seen[k[2]] = 1; gs[++n] = k[2] } }
  END {
    printf "%-10s %-7s %4s %4s %9s %7s %12s %8s %14s", "config", "array", "L", "U", "cells", "flops", "transistors", "MAC/cyc", "transistors/MAC"
    if (LIB != "") printf " %12s %10s", "area_um2", "um2/MAC"
    printf " %11s", "addsub/slt"
    if (LIB != "") printf " %11s", "area ratio"
    printf "\n"
    best = ""; bestadd = ""
    for (i = 1; i <= n; i++) {
      g = gs[i]
      for (j = 1; j <= 2; j++) {
        a = (j == 1 ? "slt" : "addsub")
        t = v[a, g, "transistors"]
        if (t == "") { printf "%-10s %-7s %s\n", g, a, "(no result)"; continue }
        ratio = ""; aratio = ""
        if (a == "addsub" && v["slt", g, "transistors"] != "") ratio = sprintf("%.3f", t / v["slt", g, "transistors"])
        if (a == "addsub" && v["slt", g, "area_um2"] > 0) aratio = sprintf("%.3f", v[a, g, "area_um2"] / v["slt", g, "area_um2"])
        printf "%-10s %-7s %4d %4d %9d %7d %12d %8d %14.1f", g, a, v[a, g, "lanes"], v[a, g, "units"], v[a, g, "cells"], v[a, g, "flops"], t, macs, t / macs
        if (LIB != "") printf " %12.1f %10.2f", v[a, g, "area_um2"], v[a, g, "area_um2"] / macs
        printf " %11s", ratio
        if (LIB != "") printf " %11s", aratio
        printf "\n"
        if (a == "slt" && (best == "" || t < v["slt", best, "transistors"])) best = g
        if (a == "addsub" && (bestadd == "" || t < v["addsub", bestadd, "transistors"])) bestadd = g
      }
    }
    if (best != "") {
      r_same = (v["addsub", best, "transistors"] != "") ? v["addsub", best, "transistors"] / v["slt", best, "transistors"] : 0
      r_best = (bestadd != "") ? v["addsub", bestadd, "transistors"] / v["slt", best, "transistors"] : 0
      printf "\nbest SLT: %s, %.1f transistors per MAC/cycle\n", best, v["slt", best, "transistors"] / macs
      printf "addsub/slt at the same G: %.2fx; against the best add/sub (%s): %.2fx\n", r_same, bestadd, r_best
      printf "goal (SPEC 9: >= 1.5x fewer transistors per MAC/cycle for the SLT array): %s\n", (r_same >= 1.5 ? "met" : "NOT met") " at " best
      if (LIB != "") {
        abest = ""
        for (i = 1; i <= n; i++) if (v["slt", gs[i], "area_um2"] > 0 && (abest == "" || v["slt", gs[i], "area_um2"] < v["slt", abest, "area_um2"])) abest = gs[i]
        if (abest != "" && v["addsub", abest, "area_um2"] > 0)
          printf "by area: best SLT %s, %.1f um^2 per MAC/cycle; addsub/slt at the same G %.2fx (SPEC 9 asks >= 1.5x ops per um^2)\n", abest, v["slt", abest, "area_um2"] / macs, v["addsub", abest, "area_um2"] / v["slt", abest, "area_um2"]
      }
      printf "best_slt=%s\nratio_same_g=%.4f\nratio_vs_best_addsub=%.4f\n", best, r_same, r_best > "/dev/stderr"
    }
  }' "$kv" 2>>"$kv"
echo "results: $kv (per-config synthesis in $out/)"
