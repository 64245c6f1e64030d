#!/usr/bin/env bash
# decode_parity.sh GENERATOR [extra args...] - run `GENERATOR generate` (sltref, or the
# Verilated --rtl driver) on every committed BitNet fixture (tests/fixtures/bitnet/*/:
# the Hugging Face directory and each GGUF copy) and compare the greedy tokens with the
# ones transformers produced (expected.txt, written by tools/make_bitnet_fixture.py).
# Exit 1 on the first mismatch, naming fixture, file and both token lists.
set -u
gen=$1; shift
fx=${FIXTURES:-tests/fixtures/bitnet}
n_ok=0
for d in "$fx"/*/; do
  d=${d%/}
  prompt=$(sed -n 's/^prompt //p' "$d/expected.txt")
  want=$(sed -n 's/^tokens //p' "$d/expected.txt")
  [ -n "$prompt" ] && [ -n "$want" ] || { echo "FAIL $d: no prompt/tokens in expected.txt"; exit 1; }
  n=$(echo "$want" | tr ',' '\n' | wc -l)
  for model in "$d" "$d"/*.gguf; do
    [ -e "$model" ] || continue
    got=$("$gen" generate "$model" --prompt-ids "$prompt" --n "$n" --quiet "$@") || { echo "FAIL $model: $gen exited $?"; exit 1; }
    got=${got#tokens: }
    if [ "$got" != "$want" ]; then
      echo "FAIL $model: prompt $prompt: got $got, transformers $want"; exit 1
    fi
    echo "ok   $model: $n tokens equal to transformers' ($want)"
    n_ok=$((n_ok + 1))
  done
done
[ "$n_ok" -gt 0 ] || { echo "FAIL no fixtures under $fx"; exit 1; }
echo "decode parity: matched $n_ok model files to transformers' greedy tokens ($*)"
