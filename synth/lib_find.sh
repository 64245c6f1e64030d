#!/usr/bin/env bash
# lib_find.sh [--where] sky130|asap7 - find the liberty files of a library by convention
# and print them ':'-separated (nothing, and exit 1, when none is found):
#   1. $PDK_ROOT, the usual install location of open PDKs:
#      sky130  $PDK_ROOT/sky130A/libs.ref/sky130_fd_sc_hd/lib/sky130_fd_sc_hd__tt_025C_1v80.lib
#              (open_pdks / volare layout)
#      asap7   $PDK_ROOT/asap7/lib/NLDM/ or $PDK_ROOT/asap7/lib/ (the OpenROAD-flow-scripts
#              platform layout, i.e. PDK_ROOT=<ORFS>/flow/platforms; .lib or .lib.gz)
#   2. $PDK_DIR (default ../shared/pdk next to this repository): the same file names,
#      .lib.gz or .lib, in one folder.
# An explicit LIB=<path> (make) bypasses this script. --where prints where the files
# were found instead ("PDK_ROOT=<dir>" or "PDK_DIR=<dir>").
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
where=0
[ "${1:-}" = --where ] && { where=1; shift; }
[ $# -eq 1 ] || { echo "usage: $0 [--where] sky130|asap7" >&2; exit 2; }
pdk_dir=${PDK_DIR:-$here/../shared/pdk}
pdk_dir=$(cd "$pdk_dir" 2>/dev/null && pwd || echo "$pdk_dir")
case "$1" in
  sky130) stems=(sky130_fd_sc_hd__tt_025C_1v80); root_dirs=("${PDK_ROOT:+$PDK_ROOT/sky130A/libs.ref/sky130_fd_sc_hd/lib}") ;;
  asap7) stems=(asap7sc7p5t_SIMPLE_RVT_FF_nldm_211120 asap7sc7p5t_SEQ_RVT_FF_nldm_220123 asap7sc7p5t_INVBUF_RVT_TT_nldm_220122)
         root_dirs=("${PDK_ROOT:+$PDK_ROOT/asap7/lib/NLDM}" "${PDK_ROOT:+$PDK_ROOT/asap7/lib}") ;;
  *) echo "lib_find: unknown library '$1' (sky130 or asap7; LIB=<path> for any other)" >&2; exit 2 ;;
esac
# in_dir DIR: every stem as DIR/<stem>.lib or .lib.gz, ':'-joined
in_dir() {
  local d=$1 s f out=""
  [ -n "$d" ] && [ -d "$d" ] || return 1
  for s in "${stems[@]}"; do
    f=""
    for x in "$d/$s.lib" "$d/$s.lib.gz"; do [ -r "$x" ] && { f=$x; break; }; done
    [ -n "$f" ] || return 1
    out="$out${out:+:}$f"
  done
  echo "$out"
}
for d in "${root_dirs[@]}"; do
  if r=$(in_dir "$d"); then [ $where = 1 ] && echo "PDK_ROOT=$PDK_ROOT" || echo "$r"; exit 0; fi
done
if r=$(in_dir "$pdk_dir"); then [ $where = 1 ] && echo "PDK_DIR=$pdk_dir" || echo "$r"; exit 0; fi
exit 1
