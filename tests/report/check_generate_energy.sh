#!/usr/bin/env bash
# check_generate_energy.sh SLTREPORT SLTREF - `sltref generate --energy` end to end
# (docs/report.md "Energy parameters file"):
#  1. sltreport writes energy_params.kv for configs/tiny.cfg from a flow directory that
#     holds only a measured-energy result (tests/report/energy_tiny.kv: SYNTHETIC per-event
#     energies, a test input, not a measurement);
#  2. generate on the committed fixture prints energy_mj and the method on every position;
#  3. that energy equals the formula recomputed here (awk, independently of the library)
#     from the event counts generate prints and the numbers in the parameters file;
#  4. without --energy every position says n/a; a bad, incomplete or foreign parameters
#     file is refused: one line on stderr, nothing on stdout, exit 2.
set -u
rep=$1 ref=$2
fx=tests/fixtures/bitnet/small3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/flow/energy" "$tmp/out"
cp tests/report/energy_tiny.kv "$tmp/flow/energy/energy.kv"
"$rep" --config configs/tiny.cfg --flow "$tmp/flow" --out "$tmp/out" --quick >"$tmp/rep.log" 2>&1 ||
  { cat "$tmp/rep.log"; fail "sltreport exited $?"; }
par=$tmp/out/energy_params.kv
[ -s "$par" ] || fail "sltreport wrote no $par"
grep -qx 'method=gate-level simulation activity' "$par" || fail "method in $par is not the measured one"
echo "ok: sltreport wrote $par (method: gate-level simulation activity)"

args=("$fx" --prompt-ids 5,9,2 --n 3 --config configs/tiny.cfg)
out=$("$ref" generate "${args[@]}" --energy "$par") || fail "generate --energy exited $?"
npos=$(grep -c '^pos ' <<<"$out")
[ "$npos" -gt 0 ] || fail "no position lines"
[ "$(grep -c '^pos .* energy_mj [0-9.e+-]* \[gate-level simulation activity\]$' <<<"$out")" = "$npos" ] ||
  fail "not every position prints energy_mj and the method:"$'\n'"$out"
got=$(sed -n 's/^pos .* energy_mj \([0-9.e+-]*\) .*/\1/p' <<<"$out" | sort -u)
[ "$(wc -l <<<"$got")" = 1 ] || fail "energy differs between positions: $got"
ev=$(grep '^# events per token:' <<<"$out") || fail "no events line"
# the formula, typed here on purpose as an independent check of slt_energy_of_events
want=$(awk -v ev="$ev" -F= '
  { p[$1] = $2 }
  END {
    n = split(ev, w, /[ ,\/]+/)
    for (i = 1; i < n; i++) if (w[i + 1] ~ /^[0-9]+$/) e[w[i]] = w[i + 1]
    # "wbuf r/w R/W": split gives wbuf r w R W
    for (i = 1; i + 4 <= n; i++) if (w[i] ~ /^(wbuf|abuf|obuf)$/) { rd[w[i]] = w[i + 3]; wr[w[i]] = w[i + 4] }
    logic = p["logic.scale"] * (e["cycles"] * (p["logic.e_cycle_pj"] + p["logic.e_ctrl_per_cycle_pj"]) + \
            e["table_builds"] * p["logic.e_table_build_pj"] + e["accumulates"] * p["logic.e_term_pj"])
    sram = (wr["wbuf"] * p["sram.wbuf.write_bits"] + rd["wbuf"] * p["sram.wbuf.read_bits"]) * p["sram.wbuf.pj_per_bit"] + \
           (wr["abuf"] * p["sram.abuf.write_bits"] + rd["abuf"] * p["sram.abuf.read_bits"]) * p["sram.abuf.pj_per_bit"] + \
           (wr["obuf"] + rd["obuf"]) * p["sram.obuf.access_bits"] * p["sram.obuf.pj_per_bit"]
    if (!(e["cycles"] > 0 && e["accumulates"] > 0 && rd["obuf"] > 0)) { print "BADEVENTS"; exit }
    printf "%.9g\n", (logic + sram) * 1e-9
  }' "$par")
[ "$want" != BADEVENTS ] || fail "could not parse the events line: $ev"
awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b > 0 && d <= 1e-5 * b) }' ||
  fail "generate prints $got mJ/token, the formula on its events gives $want"
echo "ok: $npos positions print energy_mj $got [gate-level simulation activity] = independent recomputation $want"

out=$("$ref" generate "${args[@]}") || fail "generate exited $?"
[ "$(grep -c '^pos .* energy n/a (no energy parameters: run make run or pass --energy)$' <<<"$out")" = "$npos" ] ||
  fail "without --energy not every position says energy n/a"
echo "ok: without --energy every position prints 'energy n/a (no energy parameters ...)'"

refuse() {  # refuse WHAT FILE [extra args]: exit 2, one stderr line, no stdout
  local what=$1 f=$2; shift 2
  "$ref" generate "${args[@]}" --energy "$f" "$@" >"$tmp/o" 2>"$tmp/e"; local rc=$?
  [ $rc = 2 ] || fail "$what: exit $rc, expected 2"
  [ ! -s "$tmp/o" ] || fail "$what: wrote to stdout: $(head -c 200 "$tmp/o")"
  [ "$(wc -l <"$tmp/e")" = 1 ] || fail "$what: expected one error line, got: $(cat "$tmp/e")"
  echo "ok: $what refused: $(cat "$tmp/e")"
}
grep -v '^logic.e_term_pj=' "$par" >"$tmp/missing.kv"
refuse "incomplete parameters" "$tmp/missing.kv"
sed 's/^logic.scale=.*/logic.scale=abc/' "$par" >"$tmp/bad.kv"
refuse "non-numeric parameter" "$tmp/bad.kv"
refuse "a directory" "$tmp"
refuse "parameters of another configuration" "$par" --set clock_mhz=123
echo "generate energy: ok"
