#!/usr/bin/env bash
# timing_all.sh - sky130 timing of every configuration at one clock (make timing-all):
# the accelerator top (SRAM macros timed by the SRAM model's liberty) and the
# array alone, one configuration after the other (OpenSTA, pre-layout).
#
#   synth/timing_all.sh [--mhz 200] [--cfgs "slim tiny ..."] [--lib sky130] [--out DIR]
#                       [--parts "top array"] [--reuse]
#     --mhz F     clock for synthesis (ABC target) and STA (default 200: 5.0 ns)
#     --cfgs L    configuration names of configs/ (default: every configs/*.cfg)
#     --lib L     liberty short name or path (default sky130)
#     --parts P   which parts (default "top array")
#     --reuse     do not rerun a part whose summary.kv exists at this clock
#     --out DIR   table folder (default build/timing): timing.csv, timing.txt
# Environment: MAKE (default make), B (build folder, default build).
# Prints one row per configuration: top WNS at the clock, top Fmax and what
# limits it, whether the SRAM paths were timed, the read/write path slack, the
# array's Fmax. A failed run is a row with "failed", never a number.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/common.sh"
cd "$root"

mhz=200 cfgs="" lib=sky130 out="" parts="top array" reuse=0
MAKE=${MAKE:-make}
B=${B:-build}
while [ $# -gt 0 ]; do
  case "$1" in
    --mhz) mhz=$2; shift ;;
    --cfgs) cfgs=$2; shift ;;
    --lib) lib=$2; shift ;;
    --out) out=$2; shift ;;
    --parts) parts=$2; shift ;;
    --reuse) reuse=1 ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
[ -n "$cfgs" ] || cfgs=$(for f in configs/*.cfg; do basename "$f" .cfg; done | tr '\n' ' ')
out=${out:-$B/timing}
mkdir -p "$out/logs"

# summary.kv of one part (the first liberty tag folder that has one)
# (the library's own tag folder: a short name matches <name>*, a path any folder)
summary_of() {
  local g='*'
  case "$lib" in */*|*.lib|*.gz) ;; *) g="$lib*" ;; esac
  ls "$B/flow/$1/$2"/$g/summary.kv 2>/dev/null | head -n 1
}

for c in $cfgs; do
  [ -r "configs/$c.cfg" ] || die "no configs/$c.cfg"
  for p in $parts; do
    d=sta; [ "$p" = top ] && d=sta-top
    sm=$(summary_of "$c" $d)
    # reuse only a result timed at this clock (make run times at the config's own)
    ran=0
    if [ $reuse = 0 ] || [ -z "$sm" ] || [ "$(kv_get "$sm" clock_mhz)" != "$mhz" ]; then
      ran=1
      rm -rf "$B/flow/$c/$d"
      log="$out/logs/$c-$p.log"
      t0=$(date +%s)
      banner "timing-all: $c $p at $mhz MHz ($lib)"
      if nice -n 10 $MAKE --no-print-directory sta CFG=$c LIB=$lib PART=$p CLOCK_MHZ=$mhz POWER_ACTIVITIES= >"$log" 2>&1; then
        echo "done in $(( $(date +%s) - t0 )) s: $(grep -E '^(period|Fmax|SRAM)' "$log" | tr '\n' ' ')"
      else
        echo "FAILED after $(( $(date +%s) - t0 )) s (log $log)"
      fi
      echo "seconds=$(( $(date +%s) - t0 ))" >"$out/logs/$c-$p.time"
    fi
    # the same top netlist with the SRAM macros as untimed black boxes (the flow
    # before the SRAM timing model): STA only, no synthesis
    if [ "$p" = top ] && [ -n "$(summary_of "$c" sta-top)" ] && { [ $ran = 1 ] || [ -z "$(summary_of "$c" sta-top-nosram)" ]; }; then
      sd="$B/flow/$c/synth-top"; tag=$(basename "$(dirname "$(summary_of "$c" sta-top)")")
      rm -rf "$B/flow/$c/synth-top-nosram" "$B/flow/$c/sta-top-nosram"
      mkdir -p "$B/flow/$c/synth-top-nosram"
      cp -r "$sd/$tag" "$B/flow/$c/synth-top-nosram/" && rm -f "$B/flow/$c/synth-top-nosram/$tag/sram_timing.lib"
      libs=$(synth/lib_find.sh "$lib" 2>/dev/null || echo "$lib")
      nice -n 10 synth/sta.sh --synth "$B/flow/$c/synth-top-nosram" --top "$(params_get "$B/$c/params.mk" SLT_TOP)" \
        --name "$c" --clock-mhz "$mhz" --lib "$libs" --libdir "$B/lib" --out "$B/flow/$c/sta-top-nosram" \
        --activities "" >"$out/logs/$c-top-nosram.log" 2>&1 || echo "untimed-SRAM rerun failed (log $out/logs/$c-top-nosram.log)"
    fi
  done
done

# ---- table -----------------------------------------------------------------------
csv="$out/timing.csv"
echo "config,clock_mhz,top_wns_sram_untimed,top_fmax_sram_untimed,top_wns,top_met,top_fmax_mhz,top_limited_by,sram_timed,sram_read_slack,sram_write_slack,top_crit_start,top_crit_end,array_wns,array_fmax_mhz,time_unit" >"$csv"
for c in $cfgs; do
  t=$(summary_of "$c" sta-top); a=$(summary_of "$c" sta)
  v() { if [ -n "$1" ]; then kv_get "$1" "$2"; fi; }
  tw=$(v "$t" wns); aw=$(v "$a" wns)
  u=$(summary_of "$c" sta-top-nosram)
  echo "$c,$mhz,$(v "$u" wns),$(v "$u" fmax_mhz),${tw:-failed},$(v "$t" met),$(v "$t" fmax_mhz),$(v "$t" fmax_limited_by),$(v "$t" sram_timed),$(v "$t" slack_sram_read),$(v "$t" slack_sram_write),$(v "$t" crit_start),$(v "$t" crit_end),${aw:-failed},$(v "$a" fmax_mhz),$(v "$t" time_unit)" >>"$csv"
done
{
  echo "sky130 timing at $mhz MHz ($(calc "1000 / $mhz") ns), pre-layout (wire load), OpenSTA; SRAM macros: model liberty (synth/sram_model.md)"
  echo "(untimed: the same top netlist with the SRAM macros as black boxes, as before the model)"
  printf '%-10s %12s %12s %10s %5s %10s %-10s %5s %10s %10s %12s\n' config wns_untimed fmax_untimed top_wns met top_fmax limited sram sram_rd sram_wr array_fmax
  tail -n +2 "$csv" | while IFS=, read -r c _ uw uf tw tm tf tl st sr sw _ _ _ af _; do
    printf '%-10s %12s %12s %10s %5s %10s %-10s %5s %10s %10s %12s\n' "$c" "${uw:--}" "${uf:--}" "$tw" "${tm:--}" "${tf:--}" "${tl:--}" "${st:--}" "${sr:--}" "${sw:--}" "${af:--}"
  done
} | tee "$out/timing.txt"
echo "table: $csv"
