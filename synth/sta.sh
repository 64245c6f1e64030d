#!/usr/bin/env bash
# sta.sh - OpenSTA timing and power of a netlist from synth.sh.
#
#   synth/sta.sh --synth DIR --top TOP --lib LIBS --out DIR
#                (--params params.mk | --cfg file.cfg | --clock-mhz F) [options]
#     --synth DIR        the --out folder given to synth.sh (netlist in DIR/<lib tag>/)
#     --activities "A.." toggle rates for power, one OpenSTA process each
#                        (default "0 0.1 1": idle/clock only, typical, maximum)
#     --name NAME        label (default TOP)
#     --libdir DIR       library build copies (default build/lib)
#     --clock-port P     clock input (default clk_i)
#     --io-frac F        input/output delay, fraction of the period (default in common.sh)
#     --sdc-args "..."   extra mk_sdc.sh arguments
#
# Writes DIR/<lib tag>/: constraints.sdc, timing.rpt, sta.log, power_<A>.log,
# summary.kv (period, wns, tns, fmax, power per activity) and prints them.
# Fmax: 1 / (period - slack) for register-to-register paths, period and slack
# in the library time unit (ns for sky130, ps for ASAP7); port paths scale
# their io_frac share with the period (see below). Exit status non-zero when
# the OpenSTA timing run fails (a power crash is recorded, not fatal).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/common.sh"

sdir="" top="" lib="" out="" clock="" clk_arg=() name="" libroot="build/lib" acts="0 0.1 1" sdc_extra="" io_frac=$SLT_IO_FRAC_DEFAULT clk_port=clk_i
while [ $# -gt 0 ]; do
  case "$1" in
    --synth) sdir=$2; shift ;;
    --top) top=$2; shift ;;
    --lib) lib=$2; shift ;;
    --out) out=$2; shift ;;
    --params|--cfg) [ "${clk_arg[0]:-}" = --clock-mhz ] || { clk_arg=("$1" "$2"); clock=$(clock_mhz_from "$2"); }; shift ;;
    --clock-mhz) clk_arg=(--clock-mhz "$2"); clock=$2; shift ;;
    --activities) acts=$2; shift ;;
    --name) name=$2; shift ;;
    --libdir) libroot=$2; shift ;;
    --sdc-args) sdc_extra=$2; shift ;;
    --io-frac) io_frac=$2; shift ;;
    --clock-port) clk_port=$2; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
  shift
done
[ -n "$sdir" ] && [ -n "$top" ] && [ -n "$lib" ] && [ -n "$out" ] && [ -n "$clock" ] ||
  die "need --synth, --top, --lib, --out and a clock (--params/--cfg/--clock-mhz)"
name=${name:-$top}

libkv=$("$here/lib_prep.sh" "$libroot" "$lib")
tag=$(kv_get "$libkv" tag)
unit=$(kv_get "$libkv" time_unit)
ns_per=$(kv_get "$libkv" ns_per_time_unit)
netlist="$sdir/$tag/netlist.v"
[ -r "$netlist" ] || die "no netlist $netlist: run synth.sh with --lib first"
mkdir -p "$out/$tag"
o=$(cd "$out/$tag" && pwd)

banner "constraints: $o/constraints.sdc"
"$root/constraints/mk_sdc.sh" "${clk_arg[@]}" --time-unit "$unit" --name "$name" \
  --drive-cell "$(kv_get "$libkv" drive_cell)" --load "$(kv_get "$libkv" load_lib_units)" \
  --io-frac "$io_frac" --clock-port "$clk_port" $sdc_extra >"$o/constraints.sdc"
[ "$unit" = ps ] && period=$(calc "1e6 / $clock") || period=$(calc "1e3 / $clock")
grep -E '^create_clock|^set_(input|output)_delay' "$o/constraints.sdc"

# SRAM macros: the modelled timing liberty from synth.sh (sky130 only), else
# black boxes (untimed)
sram_lib="$sdir/$tag/sram_timing.lib"
sta_libs="$(kv_get "$libkv" sta_libs)"
if [ -r "$sram_lib" ]; then sta_libs="$sta_libs $(cd "$(dirname "$sram_lib")" && pwd)/sram_timing.lib"; else sram_lib=""; fi
export SLT_STA_LIBS="$sta_libs" SLT_NETLIST="$netlist" SLT_TOP="$top" \
       SLT_SDC="$o/constraints.sdc" SLT_WIRE_LOAD="$(kv_get "$libkv" wire_load)" SLT_OUT="$o" \
       SLT_SYNTH_DIR="$here" SLT_CLOCK_PORT="$clk_port" \
       SLT_ICG_ENABLE_PIN="$(kv_get "$libkv" icg_cell | awk '{ print $3 }')"

banner "OpenSTA timing: $name, $tag, $clock MHz"
rm -f "$o/timing_raw.kv"
set +e
sta -no_init -no_splash -exit "$here/sta.tcl" >"$o/sta.log" 2>&1
st=$?
set -e
if [ $st -ne 0 ] || [ ! -s "$o/timing_raw.kv" ] || grep -q '^Error' "$o/sta.log"; then
  echo "OpenSTA timing run failed (exit $st); last lines of $o/sta.log:" >&2
  tail -n 20 "$o/sta.log" >&2
  exit 1
fi
wns=$(calc "$(kv_get "$o/timing_raw.kv" wns)")
# OpenSTA prints a huge value when nothing is constrained
if awk -v w="$wns" 'BEGIN { exit !(w > 1e20 || w < -1e20) }'; then
  die "no constrained timing path in $name (is the clock port right?)"
fi
# Fmax. A register-to-register path of slack s needs a period of T - s. Paths
# from or to a port also carry the external delay io_frac x T, which shrinks
# with the period: an in->reg or reg->out path needs T - s / (1 - io_frac),
# an in->out path T - s / (1 - 2 io_frac). Fmax = 1 / the largest need.
tmin=""; limit=""; class_kv=""
# SRAM read (through a macro's rdata_o) and write (to its inputs) paths count as
# register-to-register paths: the macro is clocked by clk_i
for c in reg2reg in2reg reg2out in2out sram_read sram_write; do
  s_si=$(kv_get "$o/timing_raw.kv" "slack_${c}_seconds")
  [ -n "$s_si" ] || continue
  s=$(calc "$s_si / ($ns_per * 1e-9)")
  case $c in
    reg2reg|sram_*) need=$(calc "$period - ($s)") ;;
    in2out)  need=$(calc "$period - ($s) / (1 - 2 * $io_frac)") ;;
    *)       need=$(calc "$period - ($s) / (1 - $io_frac)") ;;
  esac
  class_kv="$class_kv"$'\n'"slack_$c=$s"$'\n'"fmax_${c}_mhz=$(calc "1000 / ($need * $ns_per)")"
  # (an SRAM class names the limit when it ties: OpenSTA counts a timed macro among
  # the registers, so its read path is also the reg2reg one)
  ge=">"; case $c in sram_*) ge=">=" ;; esac
  if [ -z "$tmin" ] || awk -v a="$need" -v b="$tmin" "BEGIN { exit !(a $ge b) }"; then tmin=$need; limit=$c; fi
done
[ -n "$tmin" ] || die "no register or port path constrained in $name"
fmax=$(calc "1000 / ($tmin * $ns_per)")
bb=$(grep -c 'Creating black box' "$o/sta.log" || true)
# worst path: the one with the smallest slack among the groups of worst.rpt
read -r crit_start crit_end crit_group < <(awk '
  /^Startpoint:/ { s = $2 } /^Endpoint:/ { e = $2 } /^Path Group:/ { g = $3 }
  /slack \(/ { if (best == "" || $1 + 0 < best) { best = $1 + 0; bs = s; be = e; bg = g } }
  END { print bs, be, bg }' "$o/worst.rpt")

# ---- power: one process per toggle rate ----------------------------------------
banner "OpenSTA power: activities $acts (own process each)"
pkv=""
for a in $acts; do
  log="$o/power_$a.log"
  set +e
  SLT_ACTIVITY=$a sta -no_init -no_splash -exit "$here/power.tcl" >"$log" 2>&1
  st=$?
  set -e
  line=$(grep -E '^Total[[:space:]]' "$log" | head -n 1 || true)
  if [ $st -ne 0 ] || [ -z "$line" ]; then
    why="OpenSTA crash, exit $st"; [ $st -eq 0 ] && why="no power report in $log"
    pkv="$pkv"$'\n'"power_${a}=failed ($why)"
    echo "activity $a: power: failed ($why)"
  else
    # Total  internal switching leakage total percent (watts)
    read -r _ pi ps pl pt _ <<<"$line"
    pkv="$pkv"$'\n'"power_${a}_internal_w=$pi"$'\n'"power_${a}_switching_w=$ps"$'\n'"power_${a}_leakage_w=$pl"$'\n'"power_${a}_total_w=$pt"
    printf 'activity %-4s total %s W (internal %s, switching %s, leakage %s)\n' "$a" "$pt" "$pi" "$ps" "$pl"
  fi
done

{
  echo "flow=sta"
  echo "name=$name"
  echo "tool=OpenSTA $(sta -version 2>/dev/null | head -n 1) (Debian)"
  echo "library=$tag"
  echo "corners=$(kv_get "$libkv" corners)"
  echo "wire_load=$(kv_get "$libkv" wire_load)"
  echo "parasitics=none (no place-and-route)"
  echo "clock_mhz=$clock"
  echo "time_unit=$unit"
  echo "period=$period"
  echo "wns=$wns"
  echo "tns=$(kv_get "$o/timing_raw.kv" tns)"
  echo "met=$(awk -v w="$wns" 'BEGIN { print (w >= 0) ? "yes" : "no" }')"
  echo "fmax_mhz=$fmax"
  echo "fmax_limited_by=$limit"
  echo "io_frac=$io_frac"
  printf '%s\n' "${class_kv#$'\n'}"
  echo "crit_start=$crit_start"
  echo "crit_end=$crit_end"
  echo "crit_group=$crit_group"
  echo "sta_blackbox_instances=$bb"
  # SRAM macro timing: yes when the model's liberty was read and macro pins were found
  srd=$(kv_get "$o/timing_raw.kv" sram_read_pins); swr=$(kv_get "$o/timing_raw.kv" sram_write_pins)
  if [ -n "$sram_lib" ] && [ "${srd:-0}" -gt 0 ]; then echo "sram_timed=yes"
  elif [ "${srd:-0}" -gt 0 ] || [ "$bb" -gt 0 ]; then echo "sram_timed=no"
  else echo "sram_timed=none"; fi
  echo "sram_timing_lib=${sram_lib:-none}"
  echo "sram_read_pins=${srd:-0}"
  echo "sram_write_pins=${swr:-0}"
  [ -n "$sram_lib" ] && [ -r "$sdir/$tag/sram_timing.kv" ] && grep '^sram_timing\.' "$sdir/$tag/sram_timing.kv"
  # clock gates (integrated clock-gating cells): count and the worst slack of
  # their enable checks (setup, hold), library time unit
  echo "clock_gates=$(kv_get "$o/timing_raw.kv" clock_gates)"
  for k in cg_setup cg_hold; do
    v=$(kv_get "$o/timing_raw.kv" "slack_${k}_seconds")
    [ -n "$v" ] && echo "slack_$k=$(calc "$v / ($ns_per * 1e-9)")"
  done
  echo "power_activity_source=global default toggle rate per net per cycle (no simulation)"
  echo "power_activities=$acts"
  echo "power_unit=W"
  printf '%s\n' "${pkv#$'\n'}"
} >"$o/summary.kv"

banner "timing: $name, $tag"
echo "period $period $unit, worst slack $wns $unit ($(kv_get "$o/summary.kv" met | sed 's/yes/met/; s/no/VIOLATED/'))"
echo "worst path: $crit_start -> $crit_end (path group $crit_group)"
echo "Fmax $fmax MHz, limited by $limit paths (reg2reg: 1/(period - slack); port paths scale io_frac = $io_frac with the period)"
[ "$bb" -gt 0 ] && echo "note: $bb black-box instance(s) (SRAM macros): paths through them are not timed"
if [ "$(kv_get "$o/summary.kv" sram_timed)" = yes ]; then
  echo "SRAM macros timed (MODELLED clk->rdata and setup, $sram_lib): read paths slack $(kv_get "$o/summary.kv" slack_sram_read), write paths slack $(kv_get "$o/summary.kv" slack_sram_write) $unit ($o/sram_paths.rpt)"
fi
cgn=$(kv_get "$o/summary.kv" clock_gates)
[ -n "$cgn" ] && [ "$cgn" != 0 ] && echo "clock gates: $cgn, enable check slack setup $(kv_get "$o/summary.kv" slack_cg_setup) / hold $(kv_get "$o/summary.kv" slack_cg_hold) $unit"
echo "summary: $o/summary.kv  reports: $o/timing.rpt $o/sta.log"
