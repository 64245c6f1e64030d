#!/usr/bin/env bash
# Install whatever this project needs and is missing, on Debian 12.
# Idempotent and quiet when everything is already there; `make run` and
# `make test` call it first. Set SLT_NO_DEPS=1 to skip it entirely.
set -euo pipefail

[ "${SLT_NO_DEPS:-0}" = 1 ] && exit 0

# command-or-file  debian-package
needs=(
  "gcc:gcc"
  "g++:g++"
  "make:make"
  "verilator:verilator"
  "iverilog:iverilog"
  "yosys:yosys"
  "sta:opensta"
  "nextpnr-ice40:nextpnr-ice40"
  "icepack:fpga-icestorm"
  "/usr/include/cmocka.h:libcmocka-dev"
  "gzip:gzip"
  "xmllint:libxml2-utils"
  "sbatch:slurm-wlm"
  "munged:munge"
)

missing=()
for pair in "${needs[@]}"; do
  what=${pair%%:*}
  pkg=${pair#*:}
  case "$what" in
    /*) [ -e "$what" ] && continue ;;
    *) command -v "$what" >/dev/null 2>&1 && continue ;;
  esac
  missing+=("$pkg")
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "deps: apt-get failed installing: ${missing[*]}" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "deps: installed ${missing[*]}"
