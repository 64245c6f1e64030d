# power.tcl - OpenSTA power at one toggle rate (synth/sta.sh runs one
# process per rate, because Debian's OpenSTA 2019 report_power can crash).
#   SLT_ACTIVITY   toggles per clock cycle on every net and input (0..1; the
#                  clock nets toggle twice per cycle whatever the value)
# Activity source: this global default, not simulation (no VCD/SAIF reader).
source $::env(SLT_SYNTH_DIR)/sta_load.tcl
set_power_activity -global -activity $::env(SLT_ACTIVITY) -duty 0.5
report_power -digits 6
