#!/usr/bin/env bash
# fusesoc_test.sh FUSESOC BUILD_DIR VEC_DIR SEED - the FuseSoC test on tiny (mk/fusesoc.mk):
#   1. lint target of fusesoc/slt_accel_tiny.core: FuseSoC runs the generator of
#      fusesoc/sltgen.core (scripts/fusesoc_gen.sh: sltgen with config: tiny), then
#      Verilator --lint-only -Wall on slt_accel;
#   2. the core that generator wrote (scripts/fusesoc_core.sh), as a core of its own:
#      its lint target (Verilator) and its sim target (Icarus: the top-level vector
#      replay of VEC_DIR through slt_accel, bit-exact; vvp exits 0 either way, so
#      the verdict is the PASS/FAIL text).
# Any warning fails the lint (Verilator -Wall warnings are fatal).
set -euo pipefail
fusesoc=$1 out=$2 vec=$3 seed=$4
here=$(cd "$(dirname "$0")/.." && pwd)
command -v "$fusesoc" >/dev/null 2>&1 || { echo "fusesoc_test: no '$fusesoc' (scripts/deps.sh installs it)" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out"
out=$(cd "$out" && pwd)
# no user or project fusesoc.conf: only the cores given here
cd "$out"
export XDG_CONFIG_HOME=$out/xdg/config XDG_DATA_HOME=$out/xdg/data XDG_CACHE_HOME=$out/xdg/cache
fs() { "$fusesoc" --config "$out/fusesoc.conf" "$@"; }
: >"$out/fusesoc.conf"

echo "==== fusesoc: lint of slt-gen:examples:accel_tiny (runs the sltgen generator) ===="
fs --cores-root "$here/fusesoc" run --build-root "$out/gen" --target lint slt-gen:examples:accel_tiny
core=$(find "$out/gen" -name slt_accel.core | head -n 1)
[ -n "$core" ] || { echo "fusesoc_test: the generator wrote no slt_accel.core" >&2; exit 1; }
vlnv=$(sed -n 's/^name: //p' "$core")
echo "generated core: $core ($vlnv)"

echo "==== fusesoc: lint target of $vlnv ===="
fs --cores-root "$(dirname "$core")" run --build-root "$out/ip" --target lint "$vlnv"

echo "==== fusesoc: sim target of $vlnv (Icarus, vectors $vec, seed $seed) ===="
fs --cores-root "$(dirname "$core")" run --build-root "$out/ip" --target sim "$vlnv" --vec="$vec" --seed="$seed" | tee "$out/sim.log"
if grep -q FAIL "$out/sim.log" || ! grep -q '^PASS' "$out/sim.log"; then
  echo "fusesoc_test: the sim target did not pass" >&2; exit 1
fi
echo "fusesoc: lint (generator core), lint + sim (generated core) passed"
