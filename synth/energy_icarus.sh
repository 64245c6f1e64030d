#!/usr/bin/env bash
# energy_icarus.sh GEN_DIR ENERGY_DIR [SEED] - Icarus cross-check of the energy
# flow's gate-level model: the buffered netlist (ENERGY_DIR/netlist_buf.v), the
# Yosys cell models of the liberty (ENERGY_DIR/models.v) and the SRAM macro model
# replay the top-level vector tests of tb/top/slt_top_icarus_tb.v (vectors from
# tb/top/top_vecgen.c, results checked against the golden model). A second
# simulator agreeing with Verilator on the function of the same netlist and models.
set -euo pipefail
cd "$(dirname "$0")/.."
gen=$1 edir=$2 seed=${3:-1}
top=$(sed -n 's/^SLT_TOP := //p' "$gen/params.mk")
[ -s "$edir/netlist_buf.v" ] && [ -s "$edir/models.v" ] || { echo "energy_icarus: run make energy first ($edir)" >&2; exit 2; }
[ -x "$gen/topvec/top_vecgen" ] || { echo "energy_icarus: no $gen/topvec/top_vecgen (make $gen/topvec/top_vecgen)" >&2; exit 2; }
iverilog -g2005 -I"$gen" -DSLT_TOP_MODULE="$top" -s slt_top_icarus_tb -o "$edir/icarus.vvp" \
  tb/top/slt_top_icarus_tb.v "$edir/models.v" tb/energy/slt_sram_macro_sim.v "$edir/netlist_buf.v" 2>"$edir/icarus_build.log" ||
  { tail -5 "$edir/icarus_build.log"; exit 1; }
mkdir -p "$edir/icarus_vec"
"$gen/topvec/top_vecgen" --config "$gen/config.cfg" --seed "$seed" --out "$edir/icarus_vec/vec"
out=$(vvp -n "$edir/icarus.vvp" +vec="$edir/icarus_vec/vec" +seed="$seed")
echo "$out" | tail -n 3
if grep -q FAIL <<<"$out" || ! grep -q '^PASS' <<<"$out"; then echo "energy_icarus: FAILED (seed $seed)"; exit 1; fi
echo "energy_icarus: the gate-level netlist passes the Icarus vector replay (seed $seed)"
