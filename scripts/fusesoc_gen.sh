#!/usr/bin/env bash
# fusesoc_gen.sh INPUT.yml - the FuseSoC generator of fusesoc/sltgen.core.
# FuseSoC runs it in an empty folder with its generator input (GAPI 1.0):
#   files_root: ..., gapi: '1.0', parameters: {config: tiny, <key>: <value>...}, vlnv: ...
# parameters: config = a name in configs/ or a path to a .cfg file (relative paths
# from the calling core's files_root; default slim); every other parameter is a
# configuration key (docs/config.md) passed to sltgen as --set key=value.
# Writes ./slt/ (sltgen output) and ./slt/slt_accel.core (scripts/fusesoc_core.sh)
# under the VLNV FuseSoC asks for. sltgen is $SLTGEN, else build/bin/sltgen of
# this repository (built with make when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "fusesoc_gen: $*" >&2; exit 2; }
[ $# -eq 1 ] && [ -r "$1" ] || die "usage: $0 INPUT.yml (the FuseSoC generator input)"

# flat YAML as FuseSoC writes it: top-level keys, and two-space keys under parameters
unq() { sed -E "s/^'(.*)'\$/\1/; s/^\"(.*)\"\$/\1/"; }
top_key() { sed -nE "s/^$1:[[:space:]]*(.*)\$/\1/p" "$2" | head -n 1 | unq; }
files_root=$(top_key files_root "$1")
vlnv=$(top_key vlnv "$1")
[ -n "$vlnv" ] || die "no vlnv in $1"
config=slim
sets=()
while IFS= read -r line; do
  key=${line%%:*}; val=$(sed -E 's/^[^:]*:[[:space:]]*//' <<<"$line" | unq)
  [[ "$key" =~ ^[a-z_][a-z0-9_]*$ ]] || die "bad parameter name '$key'"
  [ -n "$val" ] || die "parameter '$key' has no scalar value"
  if [ "$key" = config ]; then config=$val; else sets+=(--set "$key=$val"); fi
done < <(awk '/^parameters:/ { p = 1; next } /^[^ ]/ { p = 0 } p && /^  [^ ]/ { sub(/^  /, ""); print }' "$1")

case "$config" in
  */*|*.cfg) case "$config" in /*) cfg=$config ;; *) cfg=$files_root/$config ;; esac ;;
  *) cfg=$here/configs/$config.cfg ;;
esac
[ -r "$cfg" ] || die "no configuration '$config' ($cfg)"

sltgen=${SLTGEN:-$here/build/bin/sltgen}
if [ ! -x "$sltgen" ]; then
  make -s -C "$here" build/bin/sltgen >&2 || die "cannot build sltgen"
fi
rm -rf slt
"$sltgen" --config "$cfg" "${sets[@]}" --out slt --rtl-dir "$here/rtl" --quiet
"$here/scripts/fusesoc_core.sh" slt "$vlnv"
