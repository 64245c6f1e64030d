# fpga.tcl - Yosys synth_ice40 for the FPGA flow (synth/fpga.sh runs it twice).
# Environment: SLT_FILES, SLT_INCDIRS, SLT_TOP, SLT_OUT as in synth.tcl, and
#   SLT_STEP = count  the design alone: cell counts (stat.txt); fpga.sh writes
#                     its port list (ports.v) for the I/O wrapper beforehand
#            = pnr    the design inside the wrapper (SLT_TOP is the wrapper):
#                     netlist for nextpnr (pnr.json)
set out $::env(SLT_OUT)
set incs {}
foreach d $::env(SLT_INCDIRS) { lappend incs -I$d }
# No gated clocks on an FPGA: slt_clock_gate passes the clock through and the
# registers behind it keep their load enable as the flip-flop's clock enable.
lappend incs -DSLT_FPGA
foreach f $::env(SLT_FILES) { yosys read_verilog {*}$incs $f }
yosys hierarchy -check -top $::env(SLT_TOP)
# flattened, iCE40 cells: SB_LUT4, SB_CARRY, SB_DFF*, SB_RAM40_4K; no DSP
# (ternary arrays have no multipliers; the hx8k has none anyway)
if {$::env(SLT_STEP) eq "count"} {
  # counts only: synth_ice40 without its `autoname` (names only, not counts; seconds
  # on a large top), the rest of its check step as it is
  yosys synth_ice40 -top $::env(SLT_TOP) -run :check
  yosys hierarchy -check
  yosys check -noinit
  yosys blackbox =A:whitebox
  yosys tee -q -o $out/stat.txt stat
} else {
  yosys synth_ice40 -top $::env(SLT_TOP)
  yosys tee -q -o $out/stat_pnr.txt stat
  yosys write_json $out/pnr.json
}
