# synth.tcl - Yosys synthesis for slt-gen (run by synth/synth.sh: yosys -c synth.tcl).
# Inputs come from the environment (the driver sets them):
#   SLT_FILES      Verilog files, space separated
#   SLT_INCDIRS    include directories, space separated
#   SLT_DEFINES    Verilog defines, space separated (may be empty)
#   SLT_TOP        top module
#   SLT_BLACKBOX   modules to keep as black boxes (SRAM macros), may be empty
#   SLT_GEN_DIR    output folder of the generic flow
#   SLT_LIB        merged liberty for Yosys (empty: generic flow only)
#   SLT_LIB_DIR    output folder of the liberty flow
#   SLT_ABC_D      abc delay target in ps (empty: none)
#   SLT_ABC_CONSTR abc constraint file (driving cell, output load; may be empty)
#   SLT_GENERIC_IL the generic design (RTLIL) of an earlier run on the same inputs
#                  (synth.sh checks the inputs' key): read instead of synthesised
#                  (empty: synthesised)
#   SLT_GENERIC_IL_OUT where to write the generic design for a later run (may be empty)
# Hierarchy is kept everywhere so every figure is available per module.

proc env_or {name default} {
  if {[info exists ::env($name)]} { return $::env($name) }
  return $default
}
set top      $::env(SLT_TOP)
set gen_dir  $::env(SLT_GEN_DIR)
set lib      [env_or SLT_LIB ""]
set lib_dir  [env_or SLT_LIB_DIR ""]
set abc_d    [env_or SLT_ABC_D ""]
set abc_con  [env_or SLT_ABC_CONSTR ""]

set generic_il [env_or SLT_GENERIC_IL ""]
if {$generic_il ne ""} {
  # the generic flow of the same inputs ran before (synth.sh: same key): its design,
  # and its stat files in SLT_GEN_DIR, are reused; only the liberty flow runs
  yosys read_rtlil $generic_il
  yosys design -save generic
} else {
  # ---- read ---------------------------------------------------------------------
  set incs {}
  foreach d [env_or SLT_INCDIRS ""] { lappend incs -I$d }
  foreach d [env_or SLT_DEFINES ""] { lappend incs -D$d }
  foreach f $::env(SLT_FILES) { yosys read_verilog {*}$incs $f }

  # SRAM macros and other hard blocks: black boxes here, modelled area added
  # by the driver. A module the list names but the RTL lacks is not an error.
  foreach bb [env_or SLT_BLACKBOX ""] {
    if {[catch {yosys blackbox =$bb} msg]} { puts "note: black box '$bb' not in the design" }
  }

  # ---- generic flow: yosys internal gate library, no liberty ---------------------
  yosys hierarchy -check -top $top
  yosys synth -top $top
  # Any undriven net, multiple driver or logic loop is an error, not a warning.
  yosys check -assert
  yosys tee -q -o $gen_dir/stat.txt stat -tech cmos
  yosys tee -q -o $gen_dir/stat.json stat -json -tech cmos

  # Black-box instances and their parameters (an SRAM macro's area depends on
  # Depth and Width; Yosys keeps one cell type for all of them), for stat2kv.awk:
  #   module <name>   followed by the RTLIL dump of its black-box cells
  set bbf [open $gen_dir/blackbox_cells.txt w]
  close $bbf
  foreach bb [env_or SLT_BLACKBOX ""] {
    yosys tee -q -o $gen_dir/bb_list.tmp select -list */t:$bb
    set fh [open $gen_dir/bb_list.tmp r]
    set mods {}
    foreach i [split [read $fh] "\n"] {
      set cut [string first / $i]
      if {$cut > 0} { lappend mods [string range $i 0 [expr {$cut - 1}]] }
    }
    close $fh
    foreach m [lsort -unique $mods] {
      set bbf [open $gen_dir/blackbox_cells.txt a]
      puts $bbf "module $m"
      close $bbf
      yosys tee -q -a $gen_dir/blackbox_cells.txt dump $m/t:$bb
    }
  }
  file delete -force $gen_dir/bb_list.tmp
  yosys select -clear
  yosys design -save generic
  set il_out [env_or SLT_GENERIC_IL_OUT ""]
  if {$il_out ne ""} { yosys write_rtlil $il_out }

  # Transistor-count copy: Yosys' cmos table prices only $_DFF_P_/$_DFF_N_
  # among flops. Enables and synchronous resets become gates here (a mux per
  # enable flop, as in a standard cell), so stat2kv.awk only has to price the
  # asynchronous set/reset flops that remain.
  yosys dfflegalize \
    -cell {$_DFF_P_} 01 -cell {$_DFF_N_} 01 \
    -cell {$_DFF_PN0_} 01 -cell {$_DFF_PN1_} 01 -cell {$_DFF_PP0_} 01 -cell {$_DFF_PP1_} 01 \
    -cell {$_DFF_NN0_} 01 -cell {$_DFF_NN1_} 01 -cell {$_DFF_NP0_} 01 -cell {$_DFF_NP1_} 01 \
    -cell {$_DLATCH_P_} 01 -cell {$_DLATCH_N_} 01
  yosys tee -q -o $gen_dir/stat_count.txt stat -tech cmos
}

if {$lib eq ""} { exit 0 }

# ---- liberty flow -----------------------------------------------------------------
yosys design -load generic
# Cell port directions for check/stat; the cells stay black boxes.
yosys read_liberty -lib $lib
# Clock gates: the latch-based slt_clock_gate becomes the library's integrated
# clock-gating cell (synth.sh writes the one-cell module from libs.cfg icg_cell).
set icg [env_or SLT_ICG_FILE ""]
if {$icg ne ""} {
  yosys read_verilog -overwrite $icg
  yosys hierarchy -top $top
}
yosys dfflibmap -liberty $lib
set abc_args [list -liberty $lib]
if {$abc_d ne ""}   { lappend abc_args -D $abc_d }
if {$abc_con ne ""} { lappend abc_args -constr $abc_con }
yosys abc {*}$abc_args
yosys opt_clean -purge
yosys check -assert
yosys tee -q -o $lib_dir/stat.txt stat -liberty $lib
yosys tee -q -o $lib_dir/stat.json stat -json -liberty $lib
yosys design -save mapped
# A netlist OpenSTA 2019 reads: no attributes, no expressions, bit-level
# constants, simple left-hand sides, and no parameters on black-box instances
# (its Verilog reader rejects `slt_sram_macro #(.Depth(..))`; the shapes were
# dumped to blackbox_cells.txt above and the area is already counted).
# SRAM macros get one cell type per shape, slt_sram_macro_<Depth>x<Width>, which
# the SRAM timing liberty (synth/sltsramlib.c, written by synth.sh) defines, so
# OpenSTA times the paths through them (unknown cells stay black boxes there).
proc slt_decval {v} {
  if {[regexp {^[0-9]+'([01]+)$} $v -> b]} { set n 0; foreach c [split $b ""] { set n [expr {2 * $n + $c}] }; return $n }
  return $v
}
if {[lsearch -exact [env_or SLT_BLACKBOX ""] slt_sram_macro] >= 0} {
  set fh [open $gen_dir/blackbox_cells.txt r]
  set shapes {}; set incell 0; set d ""; set w ""
  foreach ln [split [read $fh] "\n"] {
    if {[regexp {^\s*cell \\slt_sram_macro } $ln]} { set incell 1; set d ""; set w ""; continue }
    if {$incell && [regexp {parameter .*\\Depth (\S+)$} $ln -> v]} { set d [slt_decval $v] }
    if {$incell && [regexp {parameter .*\\Width (\S+)$} $ln -> v]} { set w [slt_decval $v] }
    if {$incell && [regexp {^\s*end\s*$} $ln]} {
      set incell 0
      if {$d ne "" && $w ne ""} { lappend shapes "$d $w" }
    }
  }
  close $fh
  foreach sh [lsort -unique $shapes] {
    lassign $sh d w
    yosys chtype -set slt_sram_macro_${d}x${w} t:slt_sram_macro r:Depth=$d %i r:Width=$w %i
  }
  yosys select -clear
}
foreach bb [env_or SLT_BLACKBOX ""] {
  foreach prm {Depth Width AddrWidth} {
    catch {yosys setparam -unset $prm */t:slt_sram_macro_*}
    catch {yosys setparam -unset $prm */t:$bb}
  }
}
yosys write_verilog -noattr -noexpr -nohex -nodec -simple-lhs $lib_dir/netlist.v
# The same netlist flattened, SRAM parameters kept, for the energy flow
# (synth/energy.sh): every cell keeps its hierarchical name (u_array.g_lane[3]...),
# so a cell's block is known after the fanout buffering, which needs one module.
yosys design -load mapped
# public names first, or flatten would give every cell a private (renumbered) name
yosys rename -enumerate -pattern c%_
yosys flatten
yosys opt_clean -purge
yosys write_verilog -noattr -noexpr -nohex -nodec -simple-lhs $lib_dir/netlist_flat.v
