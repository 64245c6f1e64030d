#!/usr/bin/env bash
# decode_errors.sh SLTREF - bad inputs to `sltref generate` give exit 2 and exactly one
# line on stderr starting "sltref: " (and nothing else on stdout but the model header).
set -u
sl=$1
fx=tests/fixtures/bitnet/tq256
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bad"; cp "$fx/model.safetensors" "$tmp/bad/"
fails=0
check() { # name, args...
  local name=$1; shift
  "$sl" generate "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q '^sltref: ' "$tmp/err"; then
    echo "FAIL $name: exit $rc, stderr:"; cat "$tmp/err"; fails=$((fails + 1))
  else
    echo "ok   $name: $(cat "$tmp/err")"
  fi
}
check "missing model"      "$tmp/nope" --prompt-ids 1 --n 1
check "missing --n"        "$fx" --prompt-ids 1
check "bad prompt"         "$fx" --prompt-ids 1,,2 --n 1
check "prompt id >= vocab" "$fx" --prompt-ids 64 --n 1
check "negative n"         "$fx" --prompt-ids 1 --n -3
check "context too long"   "$fx" --prompt-ids 1 --n 100
check "unknown option"     "$fx" --prompt-ids 1 --n 1 --bogus
printf '{"model_type": "bitnet", "hidden_size": 256,}' >"$tmp/bad/config.json"
check "trailing comma in config.json" "$tmp/bad" --prompt-ids 1 --n 1
sed 's/"relu2"/"silu"/' "$fx/config.json" >"$tmp/bad/config.json"
check "hidden_act silu"    "$tmp/bad" --prompt-ids 1 --n 1
sed 's/"hidden_size": 256/"hidden_size": 128/' "$fx/config.json" >"$tmp/bad/config.json"
check "shape mismatch"     "$tmp/bad" --prompt-ids 1 --n 1
head -c 100000 "$fx/model-tq2_0.gguf" >"$tmp/trunc.gguf"
check "truncated GGUF"     "$tmp/trunc.gguf" --prompt-ids 1 --n 1
check "b1 configuration"   "$fx" --prompt-ids 1 --n 1 --set weight_format=b1
[ "$fails" -eq 0 ] || exit 1
echo "decode errors: all bad inputs refused with one line and exit 2"

# Control: the fixtures must tell the two scale conventions apart. With linear_class flipped
# (AutoBitLinear multiplies by weight_scale, BitLinear divides) the tokens must differ from
# transformers', otherwise the parity test could not catch a wrong convention.
for d in tests/fixtures/bitnet/*/; do
  d=${d%/}
  prompt=$(sed -n 's/^prompt //p' "$d/expected.txt"); want=$(sed -n 's/^tokens //p' "$d/expected.txt")
  n=$(echo "$want" | tr ',' '\n' | wc -l)
  rm -rf "$tmp/flip"; cp -r "$d" "$tmp/flip"
  if grep -q '"autobitlinear"' "$d/config.json"; then sed -i 's/"autobitlinear"/"bitlinear"/' "$tmp/flip/config.json"
  else sed -i 's/"bitlinear"/"autobitlinear"/' "$tmp/flip/config.json"; fi
  got=$("$sl" generate "$tmp/flip" --prompt-ids "$prompt" --n "$n" --quiet) || { echo "FAIL $d flipped: exit $?"; exit 1; }
  if [ "${got#tokens: }" = "$want" ]; then
    echo "FAIL $d: the flipped scale convention gives the same tokens: the fixture cannot detect it"; exit 1
  fi
  echo "ok   $d: flipped linear_class gives ${got#tokens: }, not transformers' $want"
done
