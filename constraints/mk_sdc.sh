#!/usr/bin/env bash
# mk_sdc.sh - write the SDC of one design from its configured clock, by
# filling in the template constraints/slt.sdc.in.
#
#   constraints/mk_sdc.sh (--params params.mk | --cfg file.cfg | --clock-mhz F)
#                         --time-unit ns|ps [options] > design.sdc
#     --name N           design name for the header
#     --clock-port P     clock input (default clk_i, lowRISC style)
#     --reset-port P     asynchronous reset input, made a false path (default
#                        rst_ni; ignored when the design has no such port)
#     --drive-cell C     library cell driving every other input (optional)
#     --load L           load on every output, in the library's capacitance unit (optional)
#     --io-frac F        input and output delay as a fraction of the period
#                        (default 0.2: an external register-to-port path uses
#                        20% of the cycle on each side, leaving 60% for the
#                        design's own input-to-register and register-to-output logic)
#
# The clock comes from the configuration (clock_mhz), never typed here;
# --clock-mhz exists for sweeps and tests. SDC times are in the library's
# time unit (sky130: ns, ASAP7: ps), so the caller passes that unit.
set -euo pipefail
. "$(cd "$(dirname "$0")/../synth" && pwd)/common.sh"

here=$(cd "$(dirname "$0")" && pwd)
clock="" src="" unit="" name="" clk_port=clk_i rst_port=rst_ni drive="" load="" io_frac=$SLT_IO_FRAC_DEFAULT
while [ $# -gt 0 ]; do
  case "$1" in
    --params|--cfg) clock=$(clock_mhz_from "$2"); src="clock_mhz from $2"; shift ;;
    --clock-mhz) clock=$2; src="clock_mhz given on the command line"; shift ;;
    --time-unit) unit=$2; shift ;;
    --name) name=$2; shift ;;
    --clock-port) clk_port=$2; shift ;;
    --reset-port) rst_port=$2; shift ;;
    --drive-cell) drive=$2; shift ;;
    --load) load=$2; shift ;;
    --io-frac) io_frac=$2; shift ;;
    *) die "unknown argument '$1'" ;;
  esac
  shift
done
[ -n "$clock" ] || die "need --params, --cfg or --clock-mhz"
case "$unit" in
  ns) per_unit=1000 ;;      # period in ns = 1000 / MHz
  ps) per_unit=1000000 ;;   # period in ps = 1e6 / MHz
  *) die "--time-unit must be ns or ps" ;;
esac
awk -v c="$clock" 'BEGIN { exit !(c > 0) }' || die "clock_mhz must be > 0 (got '$clock')"

period=$(calc "$per_unit / $clock")
io=$(calc "$period * $io_frac")

name=${name:-design}
# optional lines are commented out when their value is unknown
drive_pfx="" load_pfx=""
[ -n "$drive" ] || { drive_pfx="# no drive cell: "; drive=CELL; }
[ -n "$load" ]  || { load_pfx="# no load: "; load=LOAD; }
sed -e "s|@NAME@|$name|g" -e "s|@SOURCE@|$src|g" -e "s|@CLOCK_MHZ@|$clock|g" \
    -e "s|@UNIT@|$unit|g" -e "s|@PER_UNIT@|$per_unit|g" -e "s|@IO_FRAC@|$io_frac|g" \
    -e "s|@PERIOD@|$period|g" -e "s|@IO_DELAY@|$io|g" \
    -e "s|@CLK_PORT@|$clk_port|g" -e "s|@RST_PORT@|$rst_port|g" \
    -e "s|@DRIVE@|$drive_pfx|" -e "s|@DRIVE_CELL@|$drive|" \
    -e "s|@LOAD@|$load_pfx|" -e "s|@LOAD_VALUE@|$load|" \
    "$here/slt.sdc.in"
