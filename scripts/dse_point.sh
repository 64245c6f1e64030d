#!/usr/bin/env bash
# dse_point.sh - one point of the design-space sweep (docs/dse.md).
#
#   scripts/dse_point.sh --base CFG --name NAME --out DIR [--set key=value]...
#
# Writes the configuration DIR/NAME.cfg (the base file plus the overrides),
# then runs on it, each step logged to DIR/<step>.log:
#   gen     sltgen into DIR/gen (a configuration it refuses is status=refused,
#           with sltgen's message)
#   sta     Yosys generic (transistors) + sky130 liberty synthesis of the
#           array, OpenSTA sky130 tt: Fmax, power at toggle rates 0 and 1
#   power   OpenSTA power per block (the report's energy calibration)
#           (synth, sta, power: the scripts `make sta` runs, into DIR/flow/)
#   energy  gate-level-simulation energy of the point's array (`make energy
#           ENERGY_ADDSUB=0`); DSE_ENERGY=0 leaves it out
#   report  sltreport: 3B decode latency and energy per token (event model)
#   predict sltdse predict: peak and prefill MAC/cycle (event model)
# and collects the figures in DIR/point.kv; DIR/done marks a finished point
# (a rerun of the sweep skips it: resumable; a failed point gets no marker and
# is retried). Runs in the current directory (the repository); B (default
# build) is the build folder. Prints one progress line; exit 0 whenever
# point.kv was written (status ok, refused: sltgen refused the configuration,
# or failed: the note names the step and its log), 2 on a usage error.
set -uo pipefail
base="" name="" out="" sets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift ;;
    --name) name=$2; shift ;;
    --out) out=$2; shift ;;
    --set) sets+=("$2"); shift ;;
    *) echo "dse_point.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -r "$base" ] && [ -n "$name" ] && [ -n "$out" ] ||
  { echo "dse_point.sh: usage: --base CFG --name NAME --out DIR [--set k=v]..." >&2; exit 2; }
: "${B:=build}" "${MAKE:=make}" "${PDK_DIR:=$PWD/../shared/pdk}"
MK=(${MAKE} --no-print-directory)
mkdir -p "$out"
rm -f "$out/done"
cfg="$out/$name.cfg"
kv="$out/point.kv"
t0=$(date +%s)
{ echo "# $name: $base with ${sets[*]:-no overrides} (scripts/dse_point.sh)"
  keys=" "; for s in "${sets[@]}"; do keys+="${s%%=*} "; done
  # the base without comments and without the keys the point sets
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$base" |
    awk -v keys="$keys" '{ k = $0; sub(/[[:space:]]*=.*/, "", k); sub(/^[[:space:]]*/, "", k) }
                         index(keys, " " k " ") == 0'
  for s in "${sets[@]}"; do echo "${s%%=*} = ${s#*=}"; done
} >"$cfg"

finish() {  # finish STATUS NOTE
  { echo "name=$name"; for s in "${sets[@]}"; do echo "set.$s"; done
    echo "status=$1"; echo "note=$2"; echo "seconds=$(( $(date +%s) - t0 ))"
    if [ -s "$out/figures.kv" ]; then cat "$out/figures.kv"; fi
  } >"$kv.tmp" && mv "$kv.tmp" "$kv"
  # (an `[ -s ] && cat` last in the group made a refused point, which has no figures,
  # fail the group: no point.kv, and `sltdse gather` stopped the whole sweep)
  # one progress line a point
  printf 'dse: %-28s %-8s %4ss  %s\n' "$name" "$1" "$(( $(date +%s) - t0 ))" \
    "$( [ "$1" = ok ] && sed -n 's/^\(area_um2\|fmax_mhz\|pj_per_mac\|energy_mj_3b\)=\(.*\)/\1=\2/p' "$out/figures.kv" | tr '\n' ' ' || echo "$2")"
  # a failed point is recorded but not marked done: the next run retries it
  [ "$1" = failed ] || touch "$out/done"
  exit 0
}
step() {  # step NAME CMD...
  local s=$1; shift
  "$@" >"$out/$s.log" 2>&1 || finish failed "step $s failed (log $out/$s.log: $(tail -n 1 "$out/$s.log"))"
}
fig() { echo "$1=$2" >>"$out/figures.kv"; }
: >"$out/figures.kv"

# 1. the generator: a refusal is a result of the sweep, not an error
gen="$out/gen" flow="$out/flow"
if ! "$B/bin/sltgen" --config "$cfg" --out "$gen" --quiet >"$out/gen.log" 2>&1; then
  msg=$(head -n 1 "$out/gen.log")
  finish refused "${msg//"$out/"/}" # (without the point's folder: the same note wherever it ran)
fi
params="$gen/params.mk"
top=$(sed -nE 's/^SLT_TOP_ARRAY[[:space:]]*:?=[[:space:]]*//p' "$params")
sky=$(PDK_DIR="$PDK_DIR" synth/lib_find.sh sky130) || finish failed "no sky130 liberty (synth/lib_find.sh: PDK_ROOT or PDK_DIR)"

# 2-3. synthesis (generic + sky130) and timing of the array, per-block power
# (the scripts `make sta` runs; everything of a point stays in its folder)
step synth synth/synth.sh --params "$params" --files-var SLT_RTL_FILES --top "$top" --name "$name" \
  --sram-model "$B/bin/sltsram" --libdir "$B/lib" --out "$flow/synth" --lib "$sky"
step sta synth/sta.sh --synth "$flow/synth" --top "$top" --name "$name" --params "$params" --lib "$sky" \
  --libdir "$B/lib" --out "$flow/sta" --activities "0 1"
step power synth/power_blocks.sh --synth "$flow/synth" --sta "$flow/sta" --top "$top" --lib "$sky" \
  --libdir "$B/lib" --out "$flow/power/sky130_fd_sc_hd__tt_025C_1v80/power_blocks.kv"
lsum="$flow/synth/sky130_fd_sc_hd__tt_025C_1v80/summary.kv"
gsum="$flow/synth/generic/summary.kv"
ssum="$flow/sta/sky130_fd_sc_hd__tt_025C_1v80/summary.kv"
fig area_um2 "$(sed -n 's/^area_um2=//p' "$lsum")"
fig transistors "$(sed -n 's/^transistors=//p' "$gsum" | tail -n 1)"
fig fmax_mhz "$(sed -n 's/^fmax_mhz=//p' "$ssum")"
fig clock_mhz "$(sed -n 's/^clock_mhz=//p' "$ssum")"

# 5. measured energy per MAC (gate-level simulation activity of this point's own
#    top, make energy with ENERGY_ADDSUB=0: the point's array, SLT or add/sub);
#    DSE_ENERGY=0 leaves it out (the column stays empty and energy_method says so)
if [ "${DSE_ENERGY:-1}" = 1 ]; then
  step energy "${MK[@]}" energy CFG="$cfg" PDK_DIR="$PDK_DIR" ENERGY_ADDSUB=0
  edir="$PWD/$B/flow/$name/energy"
  ekv="$edir/energy.kv"
  [ -s "$ekv" ] || finish failed "make energy wrote no $ekv"
  ln -sfn "$edir" "$flow/energy"   # the report (step 6) reads <flow>/energy/energy.kv
  fig pj_per_mac "$(sed -n 's/^slt\.array_pj_per_mac=//p' "$ekv")"
  fig energy_method "gate-level simulation activity"
  # where a point's time goes (wall seconds of make energy's steps; docs/dse.md)
  sed -n 's/^slt\.step\.\([a-z_]*\)\.seconds=/energy_step_\1_s=/p' "$ekv" >>"$out/figures.kv"
else
  fig pj_per_mac ""
  fig energy_method "not measured (DSE_ENERGY=0)"
fi

# 6. the report's event model: 3B decode latency and energy per token
mkdir -p "$out/report"
step report "$B/bin/sltreport" --config "$cfg" --flow "$flow" --out "$out/report"
jc="$B/opt/bin/sltjsoncheck"
mapfile -t v < <("$jc" "$out/report/report.json" models/bitnet_b1_58-3B/latency_s models/bitnet_b1_58-3B/energy_mj)
fig latency_ms_3b "$(awk -v s="${v[0]}" 'BEGIN { printf "%.6g", s * 1000 }')"
fig energy_mj_3b "${v[1]}"

# 7. peak and prefill MAC/cycle
step predict "$B/bin/sltdse" predict --config "$cfg"
sed -n 's/^\(peak_macs_per_cycle\|prefill_macs_per_cycle\|prefill_shape\)=/&/p' "$out/predict.log" >>"$out/figures.kv"
finish ok "array $top"
