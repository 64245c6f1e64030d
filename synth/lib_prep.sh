#!/usr/bin/env bash
# lib_prep.sh - make build copies of one or more liberty files for the flows.
#
#   synth/lib_prep.sh LIBROOT LIB[:LIB...]     (or space-separated in one arg)
#
# LIB may be .lib or .lib.gz. Works in LIBROOT/<tag> (never in the source
# tree; tag = the file stem of a single library, the common prefix of the
# stems of several, or $LIBTAG) and prints the path of its lib.kv:
#   <stem>.lib   uncompressed copy of each input, dont_use cells marked
#                (OpenSTA 2019 cannot read .gz; it reads these one by one)
#   synth.lib    the single library Yosys 0.23 reads: all inputs merged
#                (lib_merge.awk), dont_use marked, inverted-storage flops
#                rewritten (lib_yosys_fix.awk)
#   lib.kv       key=value facts the other scripts use (units, corners,
#                drive cell, load, the file lists)
# Cached: nothing is redone when lib.kv is newer than every input and the
# scripts, and lists the same inputs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { echo "usage: $0 LIBROOT LIB[:LIB...]" >&2; exit 2; }
read -r -a libs <<<"${2//:/ }"
[ ${#libs[@]} -gt 0 ] || { echo "lib_prep: no liberty file given" >&2; exit 2; }

abs=() stems=()
for l in "${libs[@]}"; do
  [ -r "$l" ] || { echo "lib_prep: cannot read liberty file '$l'" >&2; exit 2; }
  abs+=("$(cd "$(dirname "$l")" && pwd)/$(basename "$l")")
  s=$(basename "$l"); s=${s%.gz}; stems+=("${s%.lib}")
done

# tag: the stem of a single library; the common prefix of several
tag=${stems[0]}
if [ ${#stems[@]} -gt 1 ]; then
  for s in "${stems[@]}"; do
    while [ "${s#"$tag"}" = "$s" ]; do tag=${tag%?}; done
  done
  tag=${tag%_}; tag=${tag%-}
  [ -n "$tag" ] || tag=multi
fi
tag=${LIBTAG:-$tag}

out=$1/$tag
mkdir -p "$out"
out=$(cd "$out" && pwd)
kv="$out/lib.kv"
# one preparation at a time per library (parallel make)
if command -v flock >/dev/null 2>&1; then exec 9>"$out/.lock"; flock 9; fi
if [ -f "$kv" ] && grep -qxF "sources=${abs[*]}" "$kv"; then
  fresh=1
  for f in "${abs[@]}" "$here/lib_prep.sh" "$here/libs.cfg" "$here"/lib_*.awk; do
    [ "$f" -nt "$kv" ] && fresh=0
  done
  [ $fresh = 1 ] && { echo "$kv"; exit 0; }
fi
# settings from libs.cfg for one library file name: $(setting name key)
setting() {
  awk -v name="$1" -v key="$2" '
    function glob2re(g, r) { r = g; gsub(/[.+^$(){}|]/, "\\\\&", r); gsub(/\*/, ".*", r); gsub(/\?/, ".", r); return "^" r "$" }
    /^[ \t]*(#|$)/ { next }
    $2 == key && name ~ glob2re($1) { for (i = 3; i <= NF; i++) v = v (v == "" ? "" : " ") $i }
    END { print v }' "$here/libs.cfg"
}

# one fact from the library header: $(header file attribute)
header() {
  awk -v a="$2" '/^[ \t]*cell[ \t]*\(/ { exit }
    $0 ~ "^[ \t]*" a "[ \t]*[:(]" { v = $0; sub("^[ \t]*" a "[ \t]*[:(][ \t]*", "", v); sub(/[ \t]*[;)].*$/, "", v); gsub(/"/, "", v); print v; exit }' "$1"
}

copies=()
marked_total=0
for l in "${abs[@]}"; do
  stem=$(basename "$l"); stem=${stem%.gz}; stem=${stem%.lib}
  dst="$out/$stem.lib"
  pats=$(setting "$stem" dont_use)
  if [[ "$l" == *.gz ]]; then reader=(gzip -dc "$l"); else reader=(cat "$l"); fi
  "${reader[@]}" | awk -v PATTERNS="$pats" -f "$here/lib_dont_use.awk" >"$dst.tmp" 2>"$dst.count"
  mv "$dst.tmp" "$dst"
  n=$(sed -n 's/^dont_use_marked=//p' "$dst.count"); rm -f "$dst.count"
  marked_total=$((marked_total + n))
  copies+=("$dst")
done

awk -f "$here/lib_merge.awk" "${copies[@]}" >"$out/synth.merged.tmp"
awk -f "$here/lib_yosys_fix.awk" "$out/synth.merged.tmp" >"$out/synth.lib.tmp" 2>"$out/fix.count"
rm -f "$out/synth.merged.tmp"
mv "$out/synth.lib.tmp" "$out/synth.lib"
fixed=$(sed -n 's/^ff_rewritten=//p' "$out/fix.count"); rm -f "$out/fix.count"

# Units must agree between the files, or periods and slacks would be mixed.
first=${copies[0]}
tu=$(header "$first" time_unit)
for c in "${copies[@]}"; do
  t=$(header "$c" time_unit)
  [ "$t" = "$tu" ] || { echo "lib_prep: time units differ: $first has $tu, $c has $t" >&2; exit 2; }
done
case "$tu" in
  1ns) time_unit=ns; ns_per_unit=1 ;;
  1ps) time_unit=ps; ns_per_unit=0.001 ;;
  100ps) time_unit=100ps; ns_per_unit=0.1 ;;
  *) echo "lib_prep: unsupported time_unit '$tu' in $first" >&2; exit 2 ;;
esac
capu=$(header "$first" capacitive_load_unit | tr -d ' ' | tr 'A-Z' 'a-z')
case "$capu" in
  1,pf|1.0*,pf) cap_unit=pf; ff_per_cap=1000 ;;
  1,ff|1.0*,ff) cap_unit=ff; ff_per_cap=1 ;;
  *) echo "lib_prep: unsupported capacitive_load_unit '$capu' in $first" >&2; exit 2 ;;
esac

stem0=$(basename "$first" .lib)

corners=""; names=""
for c in "${copies[@]}"; do
  oc=$(header "$c" default_operating_conditions)
  v=$(header "$c" nom_voltage); t=$(header "$c" nom_temperature)
  v=$(awk -v x="$v" 'BEGIN { printf "%g", x }'); t=$(awk -v x="$t" 'BEGIN { printf "%g", x }')
  corners="$corners${corners:+ }$(basename "$c" .lib)=${oc:-?}(${v}V,${t}C)"
  names="$names${names:+ }$(grep -m1 -oE '^[ \t]*library[ \t]*\([^)]*\)' "$c" | sed -E 's/.*\( *"?//; s/"? *\)//')"
done

# dont_use patterns of all files, each once
dont_use_all=$(for c in "${copies[@]}"; do setting "$(basename "$c" .lib)" dont_use; done |
  tr ' ' '\n' | awk 'NF && !seen[$0]++' | paste -sd ' ' -)
drive=$(setting "$stem0" drive_cell)
load_ff=$(setting "$stem0" load_ff)
wire_load=$(setting "$stem0" wire_load)
icg_cell=$(setting "$stem0" icg_cell)
load_lib=""
[ -n "$load_ff" ] && load_lib=$(awk -v f="$load_ff" -v k="$ff_per_cap" 'BEGIN { printf "%g", f / k }')

{
  echo "sources=${abs[*]}"
  echo "tag=$tag"
  echo "library_names=$names"
  echo "sta_libs=${copies[*]}"
  echo "synth_lib=$out/synth.lib"
  echo "icg_cell=$icg_cell"
  echo "time_unit=$time_unit"
  echo "ns_per_time_unit=$ns_per_unit"
  echo "cap_unit=$cap_unit"
  echo "leakage_power_unit=$(header "$first" leakage_power_unit)"
  echo "area_unit=um^2"
  echo "corners=$corners"
  echo "drive_cell=$drive"
  echo "load_ff=$load_ff"
  echo "load_lib_units=$load_lib"
  echo "wire_load=${wire_load:-none}"
  echo "dont_use_patterns=$dont_use_all"
  echo "dont_use_marked=$marked_total"
  echo "ff_rewritten_for_yosys=$fixed"
} >"$kv.tmp"
mv "$kv.tmp" "$kv"
echo "$kv"
