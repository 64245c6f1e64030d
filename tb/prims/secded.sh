#!/usr/bin/env bash
# secded.sh BUILD_DIR SEED - rtl/slt_secded_enc.v + rtl/slt_secded_dec.v (their code:
# rtl/slt_secded_cov.v) against the C
# model ref/slt_secded.c under Icarus, for data widths covering every code length
# boundary and the SRAM word widths of tiny and slim (vectors: tb/prims/secded_vec.c;
# every single flip and every/400 random double flips of 5 data words per width), and
# the check-bit count of rtl/slt_secded_bits.vh against the C model's for widths 1..262125.
# Prints one line per width and "matched N outputs", or the failing width's log.
set -u
cd "$(dirname "$0")/../.."
out=${1:-build/prims}/secded
seed=${2:-1}
mkdir -p "$out"
widths="1 2 3 4 5 11 12 20 26 27 30 48 57 58 64 80 92 96 120 121 247 248"
total=0
for w in $widths; do
  "$out/../secded_vec" "$w" "$seed" > "$out/w$w.txt" || { echo "FAIL secded_vec $w"; exit 1; }
  iverilog -g2005 -Wall -Irtl -s tb_slt_secded -Ptb_slt_secded.Width="$w" -o "$out/w$w.vvp" \
    tb/prims/tb_slt_secded.v rtl/slt_secded_cov.v rtl/slt_secded_enc.v rtl/slt_secded_dec.v > "$out/w$w.log" 2>&1 \
    || { cat "$out/w$w.log"; echo "FAIL compile Width $w"; exit 1; }
  vvp -n "$out/w$w.vvp" +vec="$out/w$w.txt" > "$out/w$w.log" 2>&1
  n=$(sed -n 's/^matched \([0-9]*\) outputs$/\1/p' "$out/w$w.log")
  if [ -z "$n" ] || grep -q '^FAIL' "$out/w$w.log"; then
    cat "$out/w$w.log"; echo "FAIL secded Width $w (seed $seed; rerun: make t-ecc-prims SEED=$seed)"; exit 1
  fi
  total=$((total + n))
done
# the check-bit count: rtl/slt_secded_bits.vh against slt_secded_check_bits for every width
"$out/../secded_vec" --check-bits 262125 > "$out/bits_c.txt" || { echo "FAIL secded_vec --check-bits"; exit 1; }
{ iverilog -g2005 -Wall -Irtl -s tb_secded_bits -o "$out/bits.vvp" tb/prims/tb_secded_bits.v &&
  vvp -n "$out/bits.vvp" > "$out/bits_v.txt"; } > "$out/bits.log" 2>&1 || { cat "$out/bits.log"; echo "FAIL tb_secded_bits"; exit 1; }
if ! cmp -s "$out/bits_c.txt" "$out/bits_v.txt"; then
  diff "$out/bits_c.txt" "$out/bits_v.txt" | head -5
  echo "FAIL check bits: rtl/slt_secded_bits.vh and ref/slt_secded.c differ (lines: width count)"; exit 1
fi
total=$((total + $(wc -l < "$out/bits_v.txt")))
echo "secded check bits: Verilog = C for widths 1..262125"
echo "secded widths: $widths"
echo "matched $total outputs"
