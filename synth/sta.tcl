# sta.tcl - OpenSTA timing run (synth/sta.sh runs it: sta -no_init -exit sta.tcl).
# Environment: as sta_load.tcl, plus SLT_OUT (output folder) and
# SLT_CLOCK_PORT (the clock input, excluded from "inputs" below).
# Writes $SLT_OUT/timing.rpt (worst paths in full, min paths, slew
# violators), $SLT_OUT/worst.rpt (the worst path of each path group) and
# $SLT_OUT/timing_raw.kv:
#   wns, tns              worst / total negative slack, library time unit
#   slack_<class>_seconds worst slack per path class, in seconds:
#                         reg2reg, in2reg, reg2out, in2out (absent: no such path)
source $::env(SLT_SYNTH_DIR)/sta_load.tcl
set out $::env(SLT_OUT)
proc env_or_empty {name} { if {[info exists ::env($name)]} { return $::env($name) }; return "" }

report_checks -path_delay max -group_count 3 -format full_clock_expanded \
  -fields {slew cap input_pin fanout} -digits 4 > $out/timing.rpt
report_checks -path_delay min -digits 4 >> $out/timing.rpt
report_check_types -all_violators -max_transition >> $out/timing.rpt
report_checks -unconstrained -group_count 1 -digits 4 > $out/unconstrained.rpt
report_checks -path_delay max -group_count 1 -endpoint_count 1 -digits 6 > $out/worst.rpt

set kv [open $out/timing_raw.kv w]
puts $kv "wns=[worst_slack -max]"
puts $kv "tns=[total_negative_slack -max]"

# Worst slack of each class of path. The input and output delays are a
# fraction of the period, so sta.sh scales each class differently for Fmax.
set inputs  [delete_from_list [all_inputs] [get_ports $::env(SLT_CLOCK_PORT)]]
set outputs [all_outputs]
set reg_ck  [all_registers -clock_pins]
set reg_d   [all_registers -data_pins]
foreach {class from to} [list reg2reg $reg_ck $reg_d in2reg $inputs $reg_d \
                              reg2out $reg_ck $outputs in2out $inputs $outputs] {
  if {[llength $from] == 0 || [llength $to] == 0} continue
  set worst ""
  foreach pe [find_timing_paths -from $from -to $to -path_delay max -group_count 1 -endpoint_count 1] {
    if {[$pe is_unconstrained]} continue
    if {$worst eq "" || [$pe slack] < $worst} { set worst [$pe slack] }
  }
  if {$worst ne ""} { puts $kv "slack_${class}_seconds=$worst" }
}
# SRAM macros with modelled timing (sram_timing.lib, cells slt_sram_macro_<D>x<W>,
# instances *u_macro of slt_sram, one per bank): read paths go through their rdata_o pins,
# write paths end at their inputs (setup checks). Worst slack of each, in
# seconds, and the worst path of each in $out/sram_paths.rpt.
# (the pins through -of_objects: OpenSTA 2.0's hierarchical pin patterns miss most
# bus pins of these instances)
set sram_rd {}
set sram_wr {}
set sram_cells [get_cells -quiet -hierarchical *u_macro]
if {[llength $sram_cells] > 0} {
  set sram_rd [get_pins -quiet -of_objects $sram_cells -filter "direction == output"]
  foreach pin [get_pins -quiet -of_objects $sram_cells -filter "direction == input"] {
    if {![string match */clk_i [get_full_name $pin]]} { lappend sram_wr $pin }
  }
}
puts $kv "sram_read_pins=[llength $sram_rd]"
puts $kv "sram_write_pins=[llength $sram_wr]"
set rpt [open $out/sram_paths.rpt w]
close $rpt
foreach {key pins mode} [list sram_read $sram_rd -through sram_write $sram_wr -to] {
  if {[llength $pins] == 0} continue
  set worst ""
  foreach pe [find_timing_paths $mode $pins -path_delay max -group_count 1 -endpoint_count 1] {
    if {[$pe is_unconstrained]} continue
    if {$worst eq "" || [$pe slack] < $worst} { set worst [$pe slack] }
  }
  if {$worst ne ""} { puts $kv "slack_${key}_seconds=$worst" }
  set rpt [open $out/sram_paths.rpt a]
  puts $rpt "==== $key: worst path [string map {- {}} $mode] the SRAM macro pins"
  close $rpt
  report_checks $mode $pins -path_delay max -digits 4 -fields {cap input_pin} >> $out/sram_paths.rpt
}
# Clock gates (slt_clock_gate mapped to the library's integrated clock-gating
# cell, instance u_icg): OpenSTA checks the enable against the clock (setup and
# hold of the cell's enable pin, its clock-gating check).
set cg_en [env_or_empty SLT_ICG_ENABLE_PIN]
if {$cg_en ne ""} {
  set pins [get_pins -quiet -hierarchical u_icg/$cg_en]
  puts $kv "clock_gates=[llength $pins]"
  if {[llength $pins] > 0} {
    foreach {mm key} {max cg_setup min cg_hold} {
      set worst ""
      foreach pe [find_timing_paths -to $pins -path_delay $mm -group_count 1 -endpoint_count 1] {
        if {$worst eq "" || [$pe slack] < $worst} { set worst [$pe slack] }
      }
      if {$worst ne ""} { puts $kv "slack_${key}_seconds=$worst" }
    }
  }
}
close $kv
