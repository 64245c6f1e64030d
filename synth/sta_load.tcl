# sta_load.tcl - common start of every OpenSTA run (sourced by sta.tcl and
# power.tcl): libraries, netlist, wire load, constraints. Environment:
#   SLT_STA_LIBS   uncompressed liberty copies, space separated (lib_prep.sh)
#   SLT_NETLIST    mapped Verilog netlist (synth.sh, write_verilog -noattr ...)
#   SLT_TOP        top module
#   SLT_SDC        constraints (constraints/mk_sdc.sh)
#   SLT_WIRE_LOAD  wire-load model name from the library, or "none"
foreach lib $::env(SLT_STA_LIBS) { read_liberty $lib }
read_verilog $::env(SLT_NETLIST)
link_design $::env(SLT_TOP)
if {$::env(SLT_WIRE_LOAD) ne "none"} {
  set_wire_load_mode top
  set_wire_load_model -name $::env(SLT_WIRE_LOAD)
}
read_sdc $::env(SLT_SDC)
