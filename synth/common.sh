# common.sh - shell helpers shared by the flow scripts (sourced, not run).

# banner "text": a visible step header in logs
banner() { printf '\n==== %s ====\n' "$*"; }

die() { echo "${0##*/}: $*" >&2; exit 2; }

# kv_get FILE KEY: value of KEY=... in a key=value file (empty when absent)
kv_get() { sed -n "s/^$2=//p" "$1" | tail -n 1; }

# clock_mhz_from SOURCE: the target clock of a configuration, read from a
# generator make fragment (params.mk: a variable whose name ends in
# CLOCK_MHZ, e.g. SLT_CLOCK_MHZ) or a config file (key clock_mhz). The
# config is the only place the number is typed.
clock_mhz_from() {
  local src=$1 v=""
  [ -r "$src" ] || die "cannot read '$src' for clock_mhz"
  case "$src" in
    *.mk) v=$(sed -nE 's/^[[:space:]]*[A-Za-z0-9_]*CLOCK_MHZ[[:space:]]*[:?]?=[[:space:]]*([0-9.eE+-]+).*/\1/p' "$src" | tail -n 1) ;;
    *)    v=$(sed -nE 's/^[[:space:]]*clock_mhz[[:space:]]*=[[:space:]]*([0-9.eE+-]+).*/\1/p' "$src" | tail -n 1) ;;
  esac
  [ -n "$v" ] || die "no clock_mhz in '$src'"
  echo "$v"
}

# params_get FILE VAR: value of a make variable in a generator fragment
params_get() { sed -nE "s/^[[:space:]]*$2[[:space:]]*[:?]?=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" "$1" | tail -n 1; }

# calc EXPR: floating-point arithmetic through awk, printed with %g
calc() { awk "BEGIN { printf \"%.6g\", $* }"; }

# params_files PARAMS [VAR]: the RTL files a generator make fragment lists in
# VAR (default SLT_RTL_FILES; SLT_TOP_FILES for the accelerator top), with
# $(SLT_RTL_FILES) and $(SLT_DIR) (the fragment's folder) resolved
params_files() {
  local d rtl
  d=$(cd "$(dirname "$1")" && pwd)
  rtl=$(params_get "$1" SLT_RTL_FILES)
  params_get "$1" "${2:-SLT_RTL_FILES}" | sed -e "s|\$(SLT_RTL_FILES)|$rtl|g" -e "s|\$(SLT_DIR)|$d|g" |
    tr ' ' '\n' | sed '/^$/d'
}

# collect_sources: fill the arrays files[] and incdirs[]: the SLT_RTL_FILES of
# $params when no rtl_dirs[] are given, else every *.v of each rtl_dirs[]
# folder (sorted); then the files[] given one by one. A file name seen twice
# (a primitive copied next to the generated RTL) is read once, the first one.
collect_sources() {
  local d f all=()
  incdirs=()
  for d in "${rtl_dirs[@]}"; do
    [ -d "$d" ] || die "no RTL folder '$d'"
    incdirs+=("$(cd "$d" && pwd)" "$(cd "$d/.." && pwd)")
    while IFS= read -r f; do all+=("$f"); done < <(find "$d" -maxdepth 1 -name '*.v' | sort)
  done
  if [ ${#rtl_dirs[@]} -eq 0 ] && [ -n "${params:-}" ]; then
    while IFS= read -r f; do all+=("$f"); done < <(params_files "$params" "${files_var:-SLT_RTL_FILES}")
    incdirs+=("$(cd "$(dirname "$params")" && pwd)")
  fi
  all+=("${files[@]}")
  files=()
  local seen=" "
  for f in "${all[@]}"; do
    [ -r "$f" ] || die "cannot read '$f'"
    case "$seen" in *" ${f##*/} "*) continue ;; esac
    seen="$seen${f##*/} "
    files+=("$f")
    d=$(cd "$(dirname "$f")" && pwd)
    case " ${incdirs[*]:-} " in *" $d "*) ;; *) incdirs+=("$d") ;; esac
  done
  [ ${#files[@]} -gt 0 ] || die "no Verilog files (give --rtl, --file or --params)"
}

# Input and output delay of the SDC as a fraction of the clock period (an
# external register-to-port path takes this share of the cycle on each side).
# mk_sdc.sh writes it, sta.sh needs it to turn port-path slack into Fmax.
SLT_IO_FRAC_DEFAULT=0.2
# ABC's delay target, as a fraction of the clock period. Yosys runs ABC with
# `read_lib -w` (no wire-load model) and its gate delays are load-independent
# estimates, so a target of one period maps paths that OpenSTA, with the
# library's wire load, finds 20-40 % slower (sky130 Small). 0.6 makes ABC map
# and size those paths for speed; OpenSTA still times the result at the real
# period. Measured on slim (sky130): the array's Fmax 236 -> 257 MHz, area +1 %.
SLT_ABC_DELAY_FRAC=${SLT_ABC_DELAY_FRAC:-0.6}
