#!/usr/bin/env bash
# slurm_vs_local.sh - `make t-dse-slurm`: the 4-point test sweep and its refused point
# (configs/dse/test.sweep) once under make -j2 and once as a Slurm job array on
# a one-node cluster started here (scripts/slurm_local.sh), from scratch both;
# results.csv must be identical (every column), every point must be ok, and the
# fifth (G = 9) must be recorded as refused with sltgen's message.
# DSE_ENERGY=0: the gate-level energy of a point takes minutes (make energy has
# its own test, t-energy-tiny); this test is about the two engines agreeing.
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${B:=build}" "${MAKE:=make}"
sl=$(mktemp -d /tmp/slt-slurm.XXXXXX)   # short path: munge's socket name is limited
local_out=$B/dse-test-local slurm_out=$B/dse-test-slurm
cleanup() { scripts/slurm_local.sh stop "$sl"; rm -rf "$sl"; }
trap cleanup EXIT
rm -rf "$local_out" "$slurm_out"

$MAKE --no-print-directory -j2 dse DSE=test DSE_ENERGY=0 DSE_OUT="$local_out" || { echo "FAIL: local sweep"; exit 1; }
env_line=$(scripts/slurm_local.sh start "$sl") || { echo "FAIL: could not start the one-node Slurm cluster"; exit 1; }
eval "$env_line"
echo "slurm: $(sinfo -h -o '%P %D %t %N') ($SLURM_CONF)"
$MAKE --no-print-directory dse-slurm DSE=test DSE_ENERGY=0 DSE_SLURM_OUT="$slurm_out" || { echo "FAIL: Slurm sweep"; exit 1; }
jobs=$(ls "$slurm_out"/slurm/*.out 2>/dev/null | wc -l)
[ "$jobs" -eq 5 ] || { echo "FAIL: expected 5 Slurm task logs, found $jobs"; exit 1; }
ok=$(awk -F, 'NR > 1 && $2 == "ok"' "$local_out/results.csv" | wc -l)
[ "$ok" -eq 4 ] || { echo "FAIL: $ok of 4 local points ok"; cat "$local_out/results.csv"; exit 1; }
grep -q '^t-refused-g9,refused,.*group_size = .9. is not legal' "$local_out/results.csv" ||
  { echo "FAIL: the G = 9 point is not recorded as refused with sltgen's message"; cat "$local_out/results.csv"; exit 1; }
if ! diff "$local_out/results.csv" "$slurm_out/results.csv"; then
  echo "FAIL: Slurm results differ from the local run"; exit 1
fi
echo "dse: 4 points passed and 1 refused: Slurm job array ($jobs tasks) results.csv identical to the local make -j2 run"
