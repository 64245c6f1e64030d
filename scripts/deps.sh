#!/usr/bin/env bash
# Install whatever this project needs and is missing, on Debian 12.
# Idempotent and quiet when everything is already there; `make run` and
# `make test` call it first. Set SLT_NO_DEPS=1 to skip it entirely.
# `scripts/deps.sh --check` installs nothing: it names what is missing and fails
# (scripts/run_tests.sh runs it under CI=true, where a missing tool fails `make test`).
set -euo pipefail

check_only=0
[ "${1:-}" = --check ] && check_only=1
[ $check_only = 0 ] && [ "${SLT_NO_DEPS:-0}" = 1 ] && exit 0

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
)

# Optional groups, never needed by `make run`/`make test`:
#   scripts/deps.sh fuzz   clang + libFuzzer runtime (make fuzz-gguf / fuzz-safetensors)
#   scripts/deps.sh py     Python venv build/py with gguf, safetensors, numpy (make import-crosscheck)
for group in "$@"; do
  case "$group" in
    fuzz)
      fuzzlib=$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -n 1)
      needs+=("clang:clang" "${fuzzlib:-/nonexistent/libclang_rt.fuzzer-x86_64.a}:libclang-rt-dev") ;;
    py) needs+=("python3:python3" "/usr/lib/python3/dist-packages/pip:python3-pip" "/usr/share/doc/python3-venv:python3-venv") ;;
    *) echo "deps: unknown group '$group' (expected fuzz or py)" >&2; exit 2 ;;
  esac
done

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

py_env() {
  # PyPI packages for the optional tools, in a venv (Debian's python is externally managed)
  [[ " $* " == *" py "* ]] || return 0
  [ -x build/py/bin/python ] && build/py/bin/python -c 'import gguf, safetensors, numpy' 2>/dev/null && return 0
  echo "deps: creating build/py (pip: gguf safetensors numpy)"
  python3 -m venv build/py && build/py/bin/pip install -q gguf safetensors numpy
}

if [ ${#missing[@]} -eq 0 ]; then py_env "$@"; exit 0; fi
if [ $check_only = 1 ]; then echo "deps: missing Debian packages: ${missing[*]}"; exit 1; fi

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
py_env "$@"
