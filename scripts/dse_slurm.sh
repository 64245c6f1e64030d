#!/usr/bin/env bash
# dse_slurm.sh - run the points of a sweep as one Slurm job array (docs/dse.md).
#
#   scripts/dse_slurm.sh --sweep FILE --out DIR [--partition P]
#
# Submits `sbatch --array=0-(N-1) --wait`, one task a point: task i runs
# scripts/dse_point.sh on the i-th point of FILE (skipping points already done
# in DIR/points/, so a resubmission resumes), logs in DIR/slurm/. The cluster
# must share this repository's folder with its nodes (the one-node cluster of
# scripts/slurm_local.sh does). Returns sbatch's status: non-zero when a task
# failed. Gathering is `sltdse gather`, as for the local sweep (mk/dse.mk).
set -euo pipefail
sweep="" out="" part=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sweep) sweep=$2; shift ;;
    --out) out=$2; shift ;;
    --partition) part=$2; shift ;;
    --task) task=1 ;;
    *) echo "dse_slurm.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -r "$sweep" ] && [ -n "$out" ] || { echo "dse_slurm.sh: usage: --sweep FILE --out DIR" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "dse_slurm.sh: no sbatch (Debian package slurm-wlm)" >&2; exit 2; }
: "${B:=build}" "${MAKE:=make}" "${PDK_DIR:=$PWD/../shared/pdk}"
base=$(awk '$1 == "base" { print $2; exit }' "$sweep")
mapfile -t points < <(awk '!/^[[:space:]]*(#|$)/ && $1 != "base"' "$sweep")

# inside a task: run point number SLURM_ARRAY_TASK_ID
if [ -n "${task:-}" ]; then
  read -r -a p <<<"${points[$SLURM_ARRAY_TASK_ID]}"
  name=${p[0]}
  [ -e "$out/points/$name/done" ] && { echo "dse: $name already done"; exit 0; }
  sets=()
  for kv in "${p[@]:1}"; do sets+=(--set "$kv"); done
  scripts/dse_point.sh --base "$base" --name "$name" --out "$out/points/$name" "${sets[@]}"
  [ -e "$out/points/$name/done" ]   # a failed point fails its task
  exit
fi

n=${#points[@]}
[ "$n" -gt 0 ] || { echo "dse_slurm.sh: $sweep has no points" >&2; exit 2; }
mkdir -p "$out/slurm"
echo "dse-slurm: $n points of $sweep as one job array (sbatch --array=0-$((n - 1)) --wait)"
printf 'dse-slurm: job id '
sbatch --wait --parsable --array="0-$((n - 1))" --job-name=slt-dse ${part:+--partition="$part"} \
  --chdir="$PWD" --cpus-per-task=1 --output="$out/slurm/%A_%a.out" \
  --export=ALL,B="$B",MAKE="$MAKE",PDK_DIR="$PDK_DIR",DSE_ENERGY="${DSE_ENERGY:-1}" \
  --wrap="scripts/dse_slurm.sh --sweep '$sweep' --out '$out' --task" && status=0 || status=$?
cat "$out"/slurm/*.out | grep '^dse: ' || true
exit $status
