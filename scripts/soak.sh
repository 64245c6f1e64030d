#!/usr/bin/env bash
# soak.sh SEED N STATE_DIR - the soak of docs/config.md ("Soak"): N random legal
# configurations soak<SEED>_<i> (tb/slt_randcfg.c --soak: every key, every corner),
# each generated (sltgen), linted (scripts/lint_rtl.sh and scripts/lint_top.sh:
# Verilator -Wall, Icarus -Wall, Yosys check -assert), co-simulated at the array
# (build/<cfg>/vl/Vslt_tb, `make sim`) and through the top's AXI ports with the
# error cases (build/<cfg>/vtop/Vtop, `make sim-top`). Every simulation runs under
# `timeout` (a hang is status HANG, never a pass).
#
# Resumable: a finished point leaves STATE_DIR/<cfg>.done (its summary row and the
# run parameters); a later run with the same parameters reuses it. Failed points
# leave only their log (STATE_DIR/<cfg>.log) and run again next time.
#
# Environment: B (build dir), MAKE, SOAK_SIM_ARGS / SOAK_TOP_ARGS (plusargs of the two
# testbenches), SOAK_TIMEOUT (seconds per simulation), SOAK_LINT (full: both lint
# scripts with Yosys; fast: Verilator and Icarus -Wall on the top, array files included).
# Prints one table row per configuration and a total; exits 1 unless every point passed.
set -u
cd "$(dirname "$0")/.."
seed=$1 n=$2 state=$3
B=${B:-build}
MAKE=${MAKE:-make}
sim_args=${SOAK_SIM_ARGS:-+random=200 +lane_rows=20000}
top_args=${SOAK_TOP_ARGS:-+errors +cases=80 +maxk=400 +maxm=600}
tmo=${SOAK_TIMEOUT:-1200}
lint=${SOAK_LINT:-full}
params="seed=$seed sim='$sim_args' top='$top_args' lint=$lint"
mkdir -p "$state"

# "matched N outputs" of a testbench log (0 when absent)
matched() { sed -n 's/.*matched \([0-9][0-9]*\) outputs.*/\1/p' "$1" | tail -n 1 | grep . || echo 0; }

# short description of a configuration: G U L A format array bus pipe, buffers, max shape
describe() {
  awk -F' *= *' '!/^#/ { v[$1] = $2 }
    END { printf "G%s U%s L%s A%s %s %s bus%s p%s acc%s | buf %s/%s/%s KiB | max %sx%s n%s",
          v["group_size"], v["lut_units"], v["row_lanes"], v["act_bits"], v["weight_format"], v["array"],
          v["bus_bits"], v["pipe_stages"], v["acc_bits"], v["wbuf_kib"], v["abuf_kib"], v["obuf_kib"],
          v["max_m"], v["max_k"], v["max_n"] }' "$1"
}

# lint one generated folder. full: scripts/lint_top.sh and scripts/lint_rtl.sh (with
# Yosys); fast: Verilator -Wall and Icarus -Wall on the top (array files included), any
# output a failure, and says that Yosys was not run.
lint_point() {
  local dir=$1
  if [ "$lint" = full ]; then
    nice -n 10 scripts/lint_top.sh "$dir" && nice -n 10 scripts/lint_rtl.sh "$dir"
    return
  fi
  local top files msg
  top=$(sed -n 's/^SLT_TOP := //p' "$dir/params.mk")
  files=("$dir"/rtl/*.v "$dir"/top/*.v)
  msg=$( { nice -n 10 verilator --lint-only -Wall -I"$dir" -I"$dir/top" --top-module "$top" "${files[@]}" &&
           nice -n 10 iverilog -g2005 -Wall -I"$dir" -I"$dir/top" -o /dev/null -s "$top" "${files[@]}"; } 2>&1) || { echo "$msg"; return 1; }
  [ -z "$msg" ] || { echo "$msg"; return 1; }
  echo "lint ok   $dir ($top): verilator -Wall, iverilog -Wall (fast lint: Yosys not run)"
}

# run_sim LOG CMD... : 0 pass, 1 fail, 2 hang (timeout)
run_sim() {
  local log=$1; shift
  timeout "$tmo" nice -n 10 "$@" >>"$log" 2>&1
  local rc=$?
  if [ $rc = 124 ]; then echo "HANG: no result within $tmo s: $*" >>"$log"; return 2; fi
  [ $rc = 0 ] && return 0 || return 1
}

# one point: prints its summary row (config|desc|outputs|mismatches|seconds|status)
soak_point() {
  local c=$1 log=$state/$1.log t0 out=0 mism=0 status=PASS r
  t0=$(date +%s)
  : >"$log"
  echo "==== $c ($params)" >>"$log"
  if ! nice -n 10 $MAKE --no-print-directory -s "$B/$c/params.mk" >>"$log" 2>&1; then
    status=GEN-FAIL
  elif ! { cat "$B/$c/config.cfg"; lint_point "$B/$c"; } >>"$log" 2>&1; then
    status=LINT-FAIL
  elif ! nice -n 10 $MAKE --no-print-directory -s "$B/$c/vl/Vslt_tb" "$B/$c/vtop/Vtop" >>"$log" 2>&1; then
    status=BUILD-FAIL
  else
    local alog=$state/$c.array.log tlog=$state/$c.top.log
    : >"$alog"; : >"$tlog"
    # shellcheck disable=SC2086
    run_sim "$alog" "$B/$c/vl/Vslt_tb" +cfg="$B/$c/config.cfg" +seed="$seed" $sim_args; r=$?
    [ $r = 0 ] || { status=$([ $r = 2 ] && echo HANG || echo SIM-FAIL); grep -q '^FAIL' "$alog" && mism=$((mism + 1)); }
    # shellcheck disable=SC2086
    run_sim "$tlog" "$B/$c/vtop/Vtop" +cfg="$B/$c/config.cfg" +seed="$seed" $top_args; r=$?
    [ $r = 0 ] || { [ $status = PASS ] && status=$([ $r = 2 ] && echo HANG || echo TOP-FAIL); grep -q '^FAIL' "$tlog" && mism=$((mism + 1)); }
    out=$(( $(matched "$alog") + $(matched "$tlog") ))
    cat "$alog" "$tlog" >>"$log"
    grep -h "^SKIP" "$tlog" >"$state/$c.skips" 2>/dev/null || true
  fi
  local desc
  desc=$(describe "$B/rndcfg/$c.cfg" 2>/dev/null || echo "?|?|?")   # three fields, as describe prints
  printf '%s|%s|%s|%s|%s|%s\n' "$c" "$desc" "$out" "$mism" "$(( $(date +%s) - t0 ))" "$status"
}

rows=()
fail=0
for i in $(seq 0 $((n - 1))); do
  c=soak${seed}_$i
  done_file=$state/$c.done
  # a point linted in full (with Yosys) also satisfies a fast-lint run
  if [ -f "$done_file" ] && { [ "$(sed -n 1p "$done_file")" = "$params" ] ||
                              [ "$(sed -n 1p "$done_file")" = "${params/lint=fast/lint=full}" ]; }; then
    row=$(sed -n 2p "$done_file")
    echo "soak: $c done earlier (kept: $done_file)"
  else
    echo "soak: $c ..."
    nice -n 10 $MAKE --no-print-directory -s "$B/rndcfg/$c.cfg" >/dev/null 2>&1 || true
    row=$(soak_point "$c")
    case "$row" in
      *"|PASS") printf '%s\n%s\n' "$params" "$row" >"$done_file" ;;
      *) fail=$((fail + 1)); echo "soak: $c FAILED, log $state/$c.log (seed $seed)"; tail -n 15 "$state/$c.log" ;;
    esac
  fi
  rows+=("$row")
done

echo
printf '%-12s %-78s %10s %10s %7s  %s\n' config "parameters" outputs mismatches "time s" status
tot_out=0 tot_mis=0 tot_t=0 pass=0
for row in "${rows[@]}"; do
  IFS='|' read -r c d1 d2 d3 o m t s <<<"$row"
  printf '%-12s %-78s %10s %10s %7s  %s\n' "$c" "$d1|$d2|$d3" "$o" "$m" "$t" "$s"
  tot_out=$((tot_out + o)); tot_mis=$((tot_mis + m)); tot_t=$((tot_t + t))
  [ "$s" = PASS ] && pass=$((pass + 1))
done
hangs=$(printf '%s\n' "${rows[@]}" | grep -c '|HANG$' || true)
printf '%-12s %-78s %10s %10s %7s  %s\n' TOTAL "$n configurations, seed $seed" "$tot_out" "$tot_mis" "$tot_t" "$pass passed, $fail failed, $hangs hangs"
skips=$(cat "$state"/soak"${seed}"_*.skips 2>/dev/null | wc -l)
[ "$skips" -gt 0 ] && echo "soak: $skips error case(s) skipped (SKIP lines in $state/*.skips)"
echo "soak: compared $tot_out outputs, $tot_mis mismatches, $hangs hangs over $n configurations (seed $seed)"
[ $fail = 0 ]
