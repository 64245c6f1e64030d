#!/usr/bin/env bash
# energy_run.sh - `make energy CFG=...` (mk/energy.mk sets the environment):
# the measured energy of the configuration's accelerator top and of the same
# top with the add/sub array at the same G/U/L (docs/report.md "Measured energy").
#
# Environment: CFG CFG_NAME B PDK_DIR MAKE SEED ENERGY_K ENERGY_M ENERGY_SIGMA
#              ENERGY_ZERO ENERGY_SNAP ENERGY_ADDSUB (1: also the add/sub top)
#              ENERGY_JOBS (top runs at a time, default 3: all of make run's tops at once)
#              ENERGY_PREP_ONLY (non-empty: only synthesise the variants' tops)
#              ENERGY_CG (1: also the top with clock_gating flipped; writes
#              build/flow/<cfg>/cg_energy/result.kv, on against off)
#              ENERGY_COMBINE_ONLY (non-empty: only rewrite the combined summary)
# Writes build/flow/<cfg>/energy/{slt,addsub}/energy.kv (synth/energy.sh) and
# build/flow/<cfg>/energy/energy.kv + energy.json: pj_per_mac for both arrays,
# their ratio, per-event energies for the report, the checks.
set -euo pipefail
# the whole script is one function, read before it runs (safe to edit while running)
main() {
cd "$(dirname "$0")/.."
. synth/common.sh
: "${CFG:=slim}" "${CFG_NAME:=$CFG}" "${B:=build}" "${PDK_DIR:=$PWD/../shared/pdk}" "${MAKE:=make}" "${SEED:=1}"
: "${ENERGY_K:=2560}" "${ENERGY_M:=64}" "${ENERGY_SIGMA:=37}" "${ENERGY_ZERO:=33}" "${ENERGY_SNAP:=500}" "${ENERGY_ADDSUB:=1}" "${ENERGY_CG:=0}" "${ENERGY_JOBS:=3}"
MK=(${MAKE} --no-print-directory)
tag=sky130_fd_sc_hd__tt_025C_1v80
export PDK_DIR
synth/lib_find.sh sky130 >/dev/null || die "no sky130 liberty (synth/lib_find.sh: PDK_ROOT or PDK_DIR=$PDK_DIR): the measured energy needs it"
out="$B/flow/$CFG_NAME/energy"
mkdir -p "$out"
t_all=$(date +%s)

# synth_top NAME CFGARG: the flattened sky130 netlist of a top, (re)made when
# missing or older than its generator output, the generator or the primitives
synth_top() {
  local name=$1 cfgarg=$2 n="$B/flow/$1/synth-top/$tag/netlist_flat.v"
  if [ ! -s "$n" ] || [ "$B/$name/params.mk" -nt "$n" ] || [ "$B/bin/sltgen" -nt "$n" ] ||
     [ -n "$(find rtl -name '*.v' -newer "$n" | head -n 1)" ]; then
    "${MK[@]}" synth CFG="$cfgarg" PART=top LIB=sky130 >"$out/synth-$name.log" 2>&1 ||
      { tail -n 20 "$out/synth-$name.log"; die "synthesis of the $name top failed ($out/synth-$name.log)"; }
  fi
  echo "$n"
}

cfg_val() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*([0-9]+).*/\1/p" "$2" | tail -n 1; }
# window: K and 2M clipped to the configuration (max_k, max_m)
"${MK[@]}" "$B/$CFG_NAME/params.mk" CFG="$CFG" >/dev/null
mk_=$(cfg_val max_k "$B/$CFG_NAME/config.cfg"); mm_=$(cfg_val max_m "$B/$CFG_NAME/config.cfg")
k=$(( ENERGY_K < mk_ ? ENERGY_K : mk_ )); m=$(( 2 * ENERGY_M <= mm_ ? ENERGY_M : mm_ / 2 ))
lib="$PWD/$B/lib/$tag/$tag.lib"

run_one() { # LABEL NAME CFGARG
  local label=$1 name=$2 cfgarg=$3 t0 n snap=$ENERGY_SNAP
  # convergence snapshots for the configuration's top only: the variants are the same
  # instrument on the same window, checked by their own two windows (slim: about 8 s
  # CPU per variant for its 17 snapshots and their energy runs)
  [ "$label" = slt ] || snap=0
  t0=$(date +%s)
  n=$(synth_top "$name" "$cfgarg")
  echo "[$label] synthesis of the top: $(( $(date +%s) - t0 )) s ($n)"
  echo "step.synth.seconds=$(( $(date +%s) - t0 ))" >"$out/$label.synth.kv"
  synth/energy.sh --gen "$B/$name" --netlist "$n" --lib "$lib" --out "$out/$label" --label "$label" \
    --k "$k" --m "$m" --sigma "$ENERGY_SIGMA" --zero "$ENERGY_ZERO" --seed "$SEED" --snap "$snap" \
    --sltnet "$B/bin/sltnet" --libref "$PWD/$B/opt/lib/libsltref.a" --rt-cache "$B/flow/verilator-rt" >"$out/$label.log" 2>&1
  local st=$?
  grep -E '^(slew|windows|array_pj|total_logic|check_|sltnet buffer)' "$out/$label.log" | sed "s/^/[$label] /"
  return $st
}

# variant NAME SED-EXPR KEY: a copy of the configuration with one key changed
variant() {
  local f="$out/$CFG_NAME-$1.cfg"
  sed -E "$2" "$B/$CFG_NAME/config.cfg" >"$f.tmp"
  grep -q "^$3 = " "$f.tmp" || echo "$4" >>"$f.tmp"
  cmp -s "$f.tmp" "$f" 2>/dev/null && rm -f "$f.tmp" || mv "$f.tmp" "$f"
  echo "$f"
}
# clock-gating pair: the configuration as it is, and a copy with clock_gating flipped
cg_now=$(sed -nE 's/^[[:space:]]*clock_gating[[:space:]]*=[[:space:]]*(on|off).*/\1/p' "$B/$CFG_NAME/config.cfg" | tail -n 1)
cg_now=${cg_now:-on} # the default of ref/slt_config.c
[ "$cg_now" = on ] && cg_other=off || cg_other=on
cg_label=cg$cg_other

st=0
spec_variants() { # the add/sub and clock-gating variants: "label|name|cfg" lines
  [ "$ENERGY_ADDSUB" = 1 ] &&
    echo "addsub|$CFG_NAME-addsub|$(variant addsub 's/^[[:space:]]*array[[:space:]]*=.*$/array = addsub/' array "array = addsub")"
  [ "$ENERGY_CG" = 1 ] &&
    echo "$cg_label|$CFG_NAME-$cg_label|$(variant "$cg_label" "s/^[[:space:]]*clock_gating[[:space:]]*=.*\$/clock_gating = $cg_other/" clock_gating "clock_gating = $cg_other")"
  return 0
}
if [ -n "${ENERGY_PREP_ONLY:-}" ]; then
  # only synthesise the variants' tops (make run starts this early, in the background,
  # so that it overlaps the single-threaded stages; make energy then reuses them)
  while IFS='|' read -r l n c_; do
    t0=$(date +%s); synth_top "$n" "$c_" >/dev/null; echo "[$l] synthesis of the top: $(( $(date +%s) - t0 )) s"
  done < <(spec_variants)
  exit 0
fi
if [ -n "${ENERGY_COMBINE_ONLY:-}" ]; then
  echo "ENERGY_COMBINE_ONLY: combining the existing $out/{slt,addsub,$cg_label}/energy.kv"
else
  # the configuration's top is synthesised first (usually reused from synth-top; it
  # also prepares the liberty the others read); then its energy run, the add/sub top
  # and the clock-gating variant run ENERGY_JOBS at a time, each in its own log, on
  # the same window, seed and workload
  synth_top "$CFG_NAME" "$CFG" >/dev/null
  specs=("slt|$CFG_NAME|$CFG")
  # (the clock_gating-off top, named by its label, goes first: see below)
  first=""; [ "$ENERGY_CG" = 1 ] && [ "$cg_now" = on ] && first=$cg_label
  while read -r sp; do
    if [ -n "$first" ] && [ "${sp%%|*}" = "$first" ]; then specs=("$sp" "${specs[@]}"); else specs+=("$sp"); fi
  done < <(spec_variants)
  # the top with clock_gating off starts first: every flop is clocked every cycle, so
  # its simulation is the longest (slim: about 60 s against 30 s), and a long job
  # started last would run alone at the end with one core idle. With the default
  # ENERGY_JOBS = 3 the three start together and finish close together (measured on
  # slim with 2: the add/sub top ran alone for the last 107 s, one core idle)
  # (with clock_gating = off in the configuration, its own top is that one, already first)
  pids=() labels=()
  for sp in "${specs[@]}"; do
    IFS='|' read -r l n c_ <<<"$sp"
    while [ "$(jobs -rp | wc -l)" -ge "$ENERGY_JOBS" ]; do wait -n || true; done
    run_one "$l" "$n" "$c_" >"$out/$l.summary" 2>&1 &
    pids+=($!) labels+=("$l")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || { st=1; echo "[${labels[$i]}] FAILED (see $out/${labels[$i]}.log)"; }
    cat "$out/${labels[$i]}.summary"
  done
fi

# ---- combined summary: energy.kv and energy.json ---------------------------------------
s="$out/slt/energy.kv" a="$out/addsub/energy.kv"
c="$out/$cg_label/energy.kv"
[ -s "$s" ] || die "no $s"
{
  echo "config=$CFG_NAME"
  echo "method=gate-level simulation activity"
  awk -F= '
    FNR == 1 { f++ }
    { v[f, $1] = $2 }
    END {
      for (i = 1; i <= f; i++) {
        L = v[i, "label"]
        c = v[i, "cycles_long"]
        keys = "workload convergence array_pj_per_mac_short clock_mhz k m_long cycles_long macs_long array_pj_per_mac total_logic_pj_per_mac slew_violations_before slew_violations_after slew_violations_array_before slew_violations_array_after slew_violations_clock_pins_after forced_rate sta_power_forced_w forced.power_total_w events_long.table_builds events_long.lookups events_long.buffer_adds fanout.before.fanout_violations fanout.after.fanout_violations fanout.before.cap_violations fanout.after.cap_violations check_windows check_windows_rel_diff check_forced check_forced_rel_diff check_clock_root long.e_clock_root_pin_pj_per_cycle long.cells_std"
        n = split(keys, K, " ")
        for (j = 1; j <= n; j++) printf "%s.%s=%s\n", L, K[j], v[i, K[j]]
        split("table_builders row_lanes array_glue control axi sram_wrappers top_buffers", B, " ")
        tot = v[i, "long.e_total_pj_per_cycle"]
        data_cycle = 0
        for (j = 1; j <= 7; j++) {
          e = v[i, "long.block." B[j] ".pj_per_cycle"]; e0 = v[i, "long.block." B[j] ".clock_leak_pj_per_cycle"]
          printf "%s.block.%s.pj_per_cycle=%s\n%s.block.%s.clock_leak_pj_per_cycle=%s\n%s.block.%s.share=%.4f\n%s.block.%s.flop_toggle_rate=%s\n%s.block.%s.cells=%s\n", \
            L, B[j], e, L, B[j], e0, L, B[j], (tot > 0 ? e / tot : 0), L, B[j], v[i, "long.block." B[j] ".flop_toggle_rate"], L, B[j], v[i, "long.block." B[j] ".cells"]
          if (B[j] != "table_builders" && B[j] != "row_lanes") data_cycle += e - e0
        }
        printf "%s.e_total_pj_per_cycle=%s\n%s.e_clock_leak_pj_per_cycle=%s\n", L, tot, L, v[i, "long.e_clock_leak_pj_per_cycle"]
        # per-event energies (sky130 pJ) for the per-token figures: clock + leakage
        # of every block and the data energy of the non-array blocks every cycle,
        # the builders data energy per table build, the lanes per lookup/buffer add
        printf "%s.e_cycle_pj=%.6f\n", L, v[i, "long.e_clock_leak_pj_per_cycle"] + data_cycle
        tb = v[i, "events_long.table_builds"]; lk = v[i, "events_long.lookups"] + v[i, "events_long.buffer_adds"]
        eb = v[i, "long.block.table_builders.pj_per_cycle"] - v[i, "long.block.table_builders.clock_leak_pj_per_cycle"]
        el = v[i, "long.block.row_lanes.pj_per_cycle"] - v[i, "long.block.row_lanes.clock_leak_pj_per_cycle"]
        if (tb > 0) printf "%s.e_table_build_pj=%.6f\n", L, eb * c / tb
        if (lk > 0) printf "%s.e_term_pj=%.6f\n", L, el * c / lk
        pj[L] = v[i, "array_pj_per_mac"]
        # SRAM macro accesses of the window (simulation markers), priced by the SRAM model at 28 nm
        printf "%s.sram_reads=%s\n%s.sram_writes=%s\n%s.sram_pj_28nm_per_mac=%.6f\n", L, v[i, "long.sram_reads"], L, v[i, "long.sram_writes"], \
          L, (v[i, "macs_long"] > 0 ? v[i, "long.sram_pj_28nm"] / v[i, "macs_long"] : 0)
      }
      if (pj["slt"] > 0 && pj["addsub"] > 0) printf "ratio_addsub_over_slt=%.4f\n", pj["addsub"] / pj["slt"]
    }' "$s" $( [ -s "$a" ] && echo "$a" ) $( [ "$ENERGY_CG" = 1 ] && [ -s "$c" ] && echo "$c" )
  for l in slt addsub $cg_label; do
    [ -s "$out/$l/steps.kv" ] && sed "s/^/$l./" "$out/$l/steps.kv" && sed "s/^/$l./" "$out/$l.synth.kv"
  done
  echo "seconds_total=$(( $(date +%s) - t_all ))"
} >"$out/energy.kv.tmp"
mv "$out/energy.kv.tmp" "$out/energy.kv"
# JSON: the same keys, nested at the dots, numbers as numbers
awk -F= '
  function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
  function isnum(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
  { key[++n] = $1; val[n] = substr($0, length($1) + 2) }
  END {
    printf "{"
    for (i = 1; i <= n; i++) printf "%s%s: %s", (i > 1 ? ", " : ""), q(key[i]), isnum(val[i]) ? val[i] : q(val[i])
    printf "}\n"
  }' "$out/energy.kv" >"$out/energy.json"
# ---- clock gating on vs off: build/flow/<cfg>/cg_energy/result.kv ------------------------
if [ "$ENERGY_CG" = 1 ] && [ -s "$c" ]; then
  if [ "$cg_now" = on ]; then on_kv=$s off_kv=$c; else on_kv=$c off_kv=$s; fi
  cgdir="$B/flow/$CFG_NAME/cg_energy"
  mkdir -p "$cgdir"
  {
    echo "method=gate-level simulation activity"
    echo "scope=SLT array (table builders, row lanes, array glue) of the mapped sky130 top, clock_gating on vs off, both from make energy on the same window: every cell's leakage, data energy at its output toggle rate, and its clock-pin energy at the toggles of the clock net on its pin (gated nets from the simulation), clock-gate cells and gated clock net switching (OpenSTA wire-load Small), root clock pin load; left out: glitches (zero-delay simulation), clock tree buffers, wires beyond the wire-load model, SRAM macros"
    echo "workload=$(kv_get "$s" workload), K=$(kv_get "$s" k) M=$(kv_get "$s" m_long) ($(kv_get "$s" cycles_long) cycles), same for both"
    echo "config=$CFG_NAME"
    echo "config_clock_gating=$cg_now"
    awk -F= -v ON="$on_kv" -v OFF="$off_kv" '
      FNR == 1 { f++ }
      { v[f, $1] = $2 }
      END {
        split("table_builders row_lanes array_glue control axi sram_wrappers top_buffers", B, " ")
        for (i = 1; i <= 2; i++) {
          L = (i == 1 ? "on" : "off"); c = v[i, "cycles_long"]; m = v[i, "macs_long"]
          pj[i] = v[i, "array_pj_per_mac"]
          printf "%s.array_pj_per_mac=%s\n%s.total_logic_pj_per_mac=%s\n", L, pj[i], L, v[i, "total_logic_pj_per_mac"]
          ck = 0
          for (j = 1; j <= 7; j++) {
            e = v[i, "long.block." B[j] ".pj_per_cycle"]; k = v[i, "long.block." B[j] ".clock_pj_per_cycle"]
            if (j <= 3) ck += k
            printf "%s.block.%s.pj_per_mac=%.6f\n%s.block.%s.clock_pj_per_mac=%.6f\n", L, B[j], e * c / m, L, B[j], k * c / m
            printf "%s.block.%s.flops=%s\n%s.block.%s.flops_root_clock=%s\n%s.block.%s.clock_gates=%s\n", \
              L, B[j], v[i, "long.block." B[j] ".flops"], L, B[j], v[i, "long.block." B[j] ".flops_root_clock"], L, B[j], v[i, "long.block." B[j] ".clock_gates"]
          }
          printf "%s.array_clock_pj_per_mac=%.6f\n%s.cycles=%s\n%s.check_forced=%s\n%s.check_windows=%s\n%s.check_clock_root=%s\n", \
            L, ck * c / m, L, c, L, v[i, "check_forced"], L, v[i, "check_windows"], L, v[i, "check_clock_root"]
        }
        if (pj[2] > 0) printf "reduction=%.4f\n", 1 - pj[1] / pj[2]
      }' "$on_kv" "$off_kv"
  } >"$cgdir/result.kv.tmp"
  mv "$cgdir/result.kv.tmp" "$cgdir/result.kv"
  echo "clock gating (gate-level, array): $(grep -E '^(on|off)\.array_pj_per_mac=|^reduction=' "$cgdir/result.kv" | tr '\n' ' ')-> $cgdir/result.kv"
fi
echo "energy: $out/energy.kv and energy.json ($(( $(date +%s) - t_all )) s)"
grep -E '^(slt|addsub)\.array_pj_per_mac=|^ratio' "$out/energy.kv"
exit $st
}
main "$@"
exit $?
