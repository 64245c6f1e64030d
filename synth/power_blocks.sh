#!/usr/bin/env bash
# power_blocks.sh - OpenSTA power per block of a hierarchical netlist, for the
# energy model of the report (docs/report.md).
#
#   synth/power_blocks.sh --synth DIR --sta DIR --top TOP --lib LIBS --out FILE
#                         [--libdir DIR] [--activities "0 1"]
#     --synth DIR   the --out folder of synth.sh (netlist in DIR/<lib tag>/)
#     --sta DIR     the --out folder of sta.sh (constraints.sdc in DIR/<lib tag>/)
#     --lib LIBS    liberty files as given to synth.sh/sta.sh
#     --out FILE    key=value summary (written atomically)
#
# For each toggle rate (own OpenSTA process, like sta.sh) it runs
# `report_power -instances` over every leaf cell and sums the cells by the
# top-level instance they sit in, indices stripped: g_lane[3].u_lane/_12_ ->
# block g_lane.u_lane; cells of the top module itself -> block glue.
# Keys: tool, library, corners, activity_source, activities,
#       block.<b>.instances, block.<b>.cells, block.<b>.power_<a>_w (all
#       instances of the block together), total_power_<a>_w,
#       power_<a>=failed (...) when OpenSTA crashed at that rate.
# Activity source: `set_power_activity -global` (no simulation), as sta.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

sdir="" stadir="" top="" lib="" out="" libroot="build/lib" acts="0 1"
while [ $# -gt 0 ]; do
  case "$1" in
    --synth) sdir=$2; shift ;;
    --sta) stadir=$2; shift ;;
    --top) top=$2; shift ;;
    --lib) lib=$2; shift ;;
    --out) out=$2; shift ;;
    --libdir) libroot=$2; shift ;;
    --activities) acts=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
[ -n "$sdir" ] && [ -n "$stadir" ] && [ -n "$top" ] && [ -n "$lib" ] && [ -n "$out" ] ||
  die "need --synth, --sta, --top, --lib and --out"

libkv=$("$here/lib_prep.sh" "$libroot" "$lib")
tag=$(kv_get "$libkv" tag)
netlist="$sdir/$tag/netlist.v"
sdc="$stadir/$tag/constraints.sdc"
[ -r "$netlist" ] || die "no netlist $netlist: run synth.sh with --lib first"
[ -r "$sdc" ] || die "no $sdc: run sta.sh first"
mkdir -p "$(dirname "$out")"
work=$(dirname "$out")

export SLT_STA_LIBS="$(kv_get "$libkv" sta_libs)" SLT_NETLIST="$netlist" SLT_TOP="$top" \
       SLT_SDC="$sdc" SLT_WIRE_LOAD="$(kv_get "$libkv" wire_load)" SLT_SYNTH_DIR="$here"
tcl="$work/power_blocks.tcl"
cat >"$tcl" <<'EOF'
source $::env(SLT_SYNTH_DIR)/sta_load.tcl
set_power_activity -global -activity $::env(SLT_ACTIVITY) -duty 0.5
report_power -instances [get_cells -hierarchical *] -digits 6
EOF

kv="tool=OpenSTA 2.0.17 (Debian) report_power -instances, summed per top-level instance
library=$tag
corners=$(kv_get "$libkv" corners)
activity_source=global default toggle rate per net per cycle (no simulation)
activities=$acts"
for a in $acts; do
  log="$work/power_blocks_$a.log"
  set +e
  SLT_ACTIVITY=$a sta -no_init -no_splash -exit "$tcl" >"$log" 2>&1
  st=$?
  set -e
  if [ $st -ne 0 ] || ! grep -qE '^ *[0-9.]+e[-+][0-9]+ .* [^ ]+/[^ ]+$' "$log"; then
    kv="$kv"$'\n'"power_${a}=failed (OpenSTA exit $st, see $log)"
    echo "power_blocks: activity $a failed (exit $st)"
    continue
  fi
  # instance lines: internal switching leakage total name (5 fields, numeric first)
  kv="$kv"$'\n'"$(awk -v a="$a" '
    NF == 5 && $1 ~ /^[0-9.]+e[-+][0-9]+$/ && $4 ~ /^[0-9.]+e[-+][0-9]+$/ {
      n = $5
      if (n !~ /\//) { b = "glue"; inst = "glue" }
      else { inst = n; sub(/\/.*/, "", inst); b = inst; gsub(/\[[0-9]+\]/, "", b) }
      p[b] += $4; c[b]++; tot += $4
      if (!((b, inst) in seen)) { seen[b, inst] = 1; ni[b]++ }
    }
    END {
      for (b in p) {
        printf "block.%s.instances=%d\nblock.%s.cells=%d\nblock.%s.power_%s_w=%.6e\n", b, ni[b], b, c[b], b, a, p[b]
      }
      printf "total_power_%s_w=%.6e\n", a, tot
    }' "$log" | sort)"
done
# instances/cells repeat per activity: keep the first of each key
printf '%s\n' "$kv" | awk -F= '!seen[$1]++' >"$out.tmp"
mv "$out.tmp" "$out"
echo "power_blocks: $out"
