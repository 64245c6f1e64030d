#!/usr/bin/env bash
# rtl_icarus.sh SEED DIR... - for each generated folder: write vector files
# (`sltref vectors`: a ragged shape over a few chunks and row blocks) and replay them
# on the Icarus testbench compiled in DIR/icarus/tb.vvp.
set -euo pipefail
seed=$1; shift
param() { sed -n "s/^$2 := //p" "$1/params.mk"; }
for dir in "$@"; do
  L=$(param "$dir" SLT_ROW_LANES)
  UG=$(( $(param "$dir" SLT_LUT_UNITS) * $(param "$dir" SLT_GROUP_SIZE) ))
  MK=$(param "$dir" SLT_MAX_K); MN=$(param "$dir" SLT_MAX_N); MM=$(param "$dir" SLT_MAX_M)
  K=$(( 6 * UG + 2 < MK ? 6 * UG + 2 : MK ))
  N=$(( MN < 3 ? MN : 3 ))
  M=$(( 4 * L + 3 < MM ? 4 * L + 3 : MM ))
  build/bin/sltref vectors --config "$dir/config.cfg" --shape $M,$K --n $N --seed "$seed" "$dir/vec"
  out=$(vvp -n "$dir/icarus/tb.vvp" +vec="$dir/vec")
  echo "$out"
  # vvp exits 0 whatever happened: the verdict is in the text
  if grep -q FAIL <<<"$out" || ! grep -q '^PASS' <<<"$out"; then exit 1; fi
done
