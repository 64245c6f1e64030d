# stat2kv.awk - turn Yosys `stat` text reports into key=value lines.
#
# Generic flow:  awk -v MODE=generic -f stat2kv.awk stat.txt stat_count.txt
#   stat.txt        `stat -tech cmos` of the synthesised design (hierarchy kept)
#   stat_count.txt  the same after dfflegalize (enables, sync resets -> gates)
# Liberty flow:  awk -v MODE=liberty -v BBMODEL=model -v BBCELLS=cells -v LIBTAG=tag \
#                     -f stat2kv.awk stat.txt
#   stat.txt        `stat -liberty` of the mapped design
#   cells           black-box instances with their parameters (synth.tcl)
#   model           black-box area model, one line per case, first match wins:
#                     <module> [Param=value ...] [lib=<library tag glob>] <area_um2>
#                   e.g. "slt_sram_macro Depth=1024 Width=64 lib=sky130* 81234.5";
#                   a line without Param=value matches every instance
#
# Per module ("self": the module's own cells, not those of its submodules):
#   module.<name>.instances   times the module occurs under the top
#   module.<name>.cells       leaf cells (submodule and black-box instances excluded)
#   module.<name>.flops       flip-flops and latches (generic)
#   module.<name>.transistors transistor estimate (generic, see below)
#   module.<name>.area_um2    standard-cell area (liberty)
# Totals (whole design, every instance counted): cells, flops, transistors,
# area_logic_um2, area_blackbox_um2, area_um2, blackbox_instances.
# Black boxes (SRAM macros) have no cells and no transistors; their area comes
# only from the model (blackboxes_unmodelled lists those it does not cover).
#
# Transistor estimate = Yosys' CMOS table (`stat -tech cmos`, cost.h of
# Yosys 0.23, copied below and cross-checked against Yosys' own per-module
# sum, key transistor_table_check) + prices Yosys lacks: an asynchronous
# set/reset flop = 16 + 4 (in each of its two latches an inverter becomes a
# 2-input NAND/NOR, +2 each), set and reset = 16 + 8, a latch = 8 (half a flop).
BEGIN {
  split("$_BUF_ 1 $_NOT_ 2 $_AND_ 6 $_NAND_ 4 $_OR_ 6 $_NOR_ 4 $_ANDNOT_ 6 $_ORNOT_ 6 " \
        "$_XOR_ 12 $_XNOR_ 12 $_AOI3_ 6 $_OAI3_ 6 $_AOI4_ 8 $_OAI4_ 8 $_MUX_ 12 $_NMUX_ 10 " \
        "$_DFF_P_ 16 $_DFF_N_ 16", t, " ")
  for (i = 1; i in t; i += 2) ycost[t[i]] = t[i + 1] + 0
  nfile = 0
  nblocks = split("array_glue table_builders row_lanes control axi other", blocks, " ")
}
FNR == 1 { nfile++; section = "" }

# ---- parsing --------------------------------------------------------------
/^=== design hierarchy ===/ { section = "@design"; next }
/^=== .* ===$/ {
  section = $0; sub(/^=== /, "", section); sub(/ ===$/, "", section)
  if (nfile == 1 && !(section in ismod)) { ismod[section] = 1; order[++nmods] = section }
  incells = 0; next
}
/^   Number of cells:/ {
  incells = 1
  if (nfile == 1) { if (section == "@design") ycells_total = $NF; else ycells_mod[section] = $NF }
  next
}
incells && /^     [^ ]/ && NF == 2 {
  # one "type count" line of the cell list
  if (section == "@design") { next }
  if (nfile == 1) { ntype[section, $1] = $2; types[section] = types[section] " " $1 }
  else            { ctype[section, $1] = $2; ctypes[section] = ctypes[section] " " $1 }
  next
}
/^$/ { incells = 0 }
/Estimated number of transistors:/ {
  v = $NF
  if (section == "@design" && nfile == 1) ytrans_total = v
  else if (nfile == 1) ytrans_main[section] = v
  else if (nfile == 2) { ytrans_mod[section] = v }
  next
}
/Chip area for module/ {
  name = $0; sub(/^[^']*'\\?/, "", name); sub(/': [0-9.eE+-]+$/, "", name)
  area[name] = $NF + 0; next
}
/Chip area for top module/ { yarea_top = $NF + 0; next }
/Area for cell type .* is unknown!/ {
  name = $0; sub(/^.*Area for cell type \\?/, "", name); sub(/ is unknown!$/, "", name)
  unknown[name] = 1; next
}

# ---- helpers --------------------------------------------------------------
# readable key for a module: $paramod\mod\P=s32'0..01000 -> mod__P_8
function keyname(n,   parts, k, i, p, v, bits, d, j, h) {
  sub(/^\\/, "", n)
  # long parameter lists: Yosys names the module $paramod$<sha1>\<module>
  if (n ~ /^\$paramod\$[0-9a-f]+\\/) {
    h = n; sub(/^\$paramod\$/, "", h); sub(/\\.*$/, "", h); sub(/^[^\\]*\\/, "", n)
    n = n "__h" substr(h, 1, 8)
  }
  if (n ~ /^\$paramod\\/) {
    sub(/^\$paramod\\/, "", n)
    k = split(n, parts, /\\/)
    n = parts[1]
    for (i = 2; i <= k; i++) {
      p = parts[i]; v = p; sub(/=.*/, "", p); sub(/^[^=]*=/, "", v)
      if (v ~ /^s?[0-9]+'[01]+$/) {
        bits = v; sub(/^s?[0-9]+'/, "", bits); d = 0
        for (j = 1; j <= length(bits); j++) d = d * 2 + substr(bits, j, 1)
        v = d
      }
      n = n "__" p "_" v
    }
  }
  gsub(/[^A-Za-z0-9_]/, "_", n)
  return n
}
# the block of the accelerator a module belongs to (report's area breakdown):
# array_glue (the array module itself), table_builders, row_lanes (with their
# valid pipes), control (slt_top_ctrl and its slt_ctrl_* parts, weight decoders, SRAM wrappers, the top's
# own glue), axi (AXI4-Lite register slave, AXI4-Stream skid buffers, pack and
# unpack), other
function block_of(k) {
  if (k ~ /^slt_table_builder/) return "table_builders"
  if (k ~ /lane|^slt_valid_pipe/) return "row_lanes"
  if (k ~ /^slt_array/) return "array_glue"
  if (k ~ /^slt_(axil_regs|axis_skid|pack|unpack)/) return "axi"
  if (k ~ /^slt_(top|ctrl|weight_decode|t5_decode|sram)/) return "control"
  return "other"
}
function is_flop(ty) { return ty ~ /^\$_(S?DFF|DFFE|SDFFE|SDFFCE|DFFSR|DFFSRE|ALDFF|ALDFFE|DLATCH|DLATCHSR|SR)_/ }
function extra_cost(ty) {
  if (ty ~ /^\$_DFF_[PN][PN][01]_$/) return 20
  if (ty ~ /^\$_DFFSR_[PN][PN][PN]_$/) return 24
  if (ty ~ /^\$_DLATCH_[PN]_$/) return 8
  return -1
}
function modname_of(ty,  c) { c = ty; sub(/^\\/, "", c); return c }

# a parameter value of an RTLIL dump: decimal, or 32'0101... binary
function decval(v,   bits, d, j) {
  if (v ~ /^[0-9]+'[01]+$/) {
    bits = v; sub(/^[0-9]+'/, "", bits); d = 0
    for (j = 1; j <= length(bits); j++) d = d * 2 + substr(bits, j, 1)
    return d
  }
  return v
}
# area of one black box of type t with parameters pv[]: the first model line
# whose module, parameters and library glob all match; "" when none does
function model_area(t,   i, c, ok, re) {
  for (i = 1; i <= nm; i++) {
    if (mmod[i] != t || marea[i] == "") continue
    ok = 1
    for (c = 1; c <= mncons[i]; c++) if (!((mck[i, c]) in pv) || pv[mck[i, c]] != mcv[i, c]) ok = 0
    if (mlib[i] != "") {
      re = mlib[i]; gsub(/[.+^$(){}|]/, "\\\\&", re); gsub(/\*/, ".*", re); gsub(/\?/, ".", re)
      if (LIBTAG !~ ("^" re "$")) ok = 0
    }
    if (ok) return marea[i]
  }
  return ""
}

END {
  top = ""
  # submodule and black-box instances: cell types that are modules / unknown non-$ types
  for (mi = 1; mi <= nmods; mi++) {
    m = order[mi]; n = split(types[m], tl, " ")
    for (i = 1; i <= n; i++) {
      ty = modname_of(tl[i])
      if (ty in ismod) { child[m, ty] = ntype[m, tl[i]]; isinst[ty] = 1 }
      else if (tl[i] !~ /^\$/ && (MODE == "generic" || (tl[i] in unknown) || (ty in unknown))) {
        bbcount[m, ty] = ntype[m, tl[i]]; bbs[m] = bbs[m] " " ty; bbtype[ty] = 1
      }
    }
  }
  for (mi = 1; mi <= nmods; mi++) if (!(order[mi] in isinst)) top = order[mi]
  # a design of one module has no "design hierarchy" section: its module is the total
  if (ycells_total == "") ycells_total = ycells_mod[top]
  if (ytrans_total == "") ytrans_total = ytrans_main[top]
  if (yarea_top == "") yarea_top = (top in area) ? area[top] : 0
  # multiplicities, top down (modules appear children-first in Yosys' order)
  mult[top] = 1
  for (pass = 0; pass < nmods; pass++) {
    for (mi = nmods; mi >= 1; mi--) {
      m = order[mi]; if (m == top) continue
      s = 0
      for (pi = 1; pi <= nmods; pi++) { p = order[pi]; if ((p, m) in child) s += mult[p] * child[p, m] }
      mult[m] = s
    }
  }
  print "top=" keyname(top)
  tot_cells = 0; tot_flops = 0; tot_tr = 0; tot_area = 0; bb_inst = 0; check = "ok"; uncounted = ""
  for (mi = 1; mi <= nmods; mi++) {
    m = order[mi]; k = keyname(m)
    cells = 0; flops = 0
    n = split(types[m], tl, " ")
    for (i = 1; i <= n; i++) {
      ty = modname_of(tl[i])
      if ((ty in ismod) || (ty in bbtype)) continue
      cells += ntype[m, tl[i]]
      if (is_flop(tl[i])) flops += ntype[m, tl[i]]
    }
    print "module." k ".instances=" mult[m]
    print "module." k ".cells=" cells
    tot_cells += mult[m] * cells
    if (MODE == "generic") {
      print "module." k ".flops=" flops
      tot_flops += mult[m] * flops
      tr = 0; ysum = 0
      n = split(ctypes[m], tl, " ")
      for (i = 1; i <= n; i++) {
        ty = tl[i]; c = ctype[m, ty]
        if (modname_of(ty) in ismod || modname_of(ty) in bbtype) continue
        if (ty in ycost) { tr += c * ycost[ty]; ysum += c * ycost[ty] }
        else if (extra_cost(ty) >= 0) tr += c * extra_cost(ty)
        else { uncounted = uncounted " " ty; }
      }
      yv = ytrans_mod[m]; sub(/\+$/, "", yv)
      if (yv + 0 != ysum) check = "mismatch(" k ": yosys " yv ", table " ysum ")"
      print "module." k ".transistors=" tr
      tot_tr += mult[m] * tr
    } else {
      a = (m in area) ? area[m] : 0
      printf "module.%s.area_um2=%.3f\n", k, a
      tot_area += mult[m] * a
    }
    n = split(bbs[m], bl, " ")
    for (i = 1; i <= n; i++) { bbinst[bl[i]] += mult[m] * bbcount[m, bl[i]] }
    b = block_of(k); blk_seen[b] = 1
    blk_cells[b] += mult[m] * cells
    if (MODE == "generic") { blk_flops[b] += mult[m] * flops; blk_tr[b] += mult[m] * tr }
    else blk_area[b] += mult[m] * a
  }
  # per block (every instance counted; SRAM macros are black boxes: no cells)
  for (bi = 1; bi <= nblocks; bi++) {
    b = blocks[bi]
    print "block." b ".cells=" blk_cells[b] + 0
    if (MODE == "generic") { print "block." b ".flops=" blk_flops[b] + 0; print "block." b ".transistors=" blk_tr[b] + 0 }
    else printf "block.%s.area_um2=%.3f\n", b, blk_area[b] + 0
  }
  # black boxes and their modelled area (see the model format at the top)
  bblist = ""; bbarea = 0; unmodelled = ""; nm = 0
  if (BBMODEL != "") {
    while ((getline line < BBMODEL) > 0) {
      sub(/#.*/, "", line)
      n = split(line, f, " ")
      if (n < 2) continue
      nm++; mmod[nm] = f[1]; mlib[nm] = ""; mncons[nm] = 0; marea[nm] = ""
      for (i = 2; i <= n; i++) {
        if (f[i] ~ /^lib=/) mlib[nm] = substr(f[i], 5)
        else if (f[i] ~ /=/) { c = ++mncons[nm]; mck[nm, c] = f[i]; sub(/=.*/, "", mck[nm, c]); mcv[nm, c] = f[i]; sub(/^[^=]*=/, "", mcv[nm, c]) }
        else marea[nm] = f[i] + 0
      }
    }
    close(BBMODEL)
  }
  # one instance per "cell" of the black-box dump, with its parameters
  if (BBCELLS != "") {
    cur = ""; incell = 0
    while ((getline line < BBCELLS) > 0) {
      n = split(line, f, " ")
      if (f[1] == "module") { cur = f[2]; continue }
      if (f[1] == "cell") { incell = 1; ctypename = f[2]; sub(/^\\/, "", ctypename); delete pv; plist = ""; continue }
      if (incell && f[1] == "parameter") { p = f[n - 1]; sub(/^\\/, "", p); pv[p] = decval(f[n]); plist = plist " " p "=" pv[p]; continue }
      if (incell && f[1] == "end") {
        # every black-box instance group with its parameters (the SRAM shapes
        # synth.sh hands to the SRAM model): <type> count=<instances> P=v ...
        print "blackbox_cell." (++nbbc) "=" ctypename " count=" mult[cur] plist
        incell = 0; a = model_area(ctypename)
        handled[ctypename] = 1
        if (a == "") { if (index(" " unmodelled " ", " " ctypename " ") == 0) unmodelled = unmodelled " " ctypename }
        else bbarea += mult[cur] * a
      }
    }
    close(BBCELLS)
  }
  for (b in bbinst) {
    bblist = bblist " " b "*" bbinst[b]; bb_inst += bbinst[b]
    if (b in handled) continue
    delete pv; a = model_area(b)
    if (a != "") bbarea += bbinst[b] * a
    else unmodelled = unmodelled " " b
  }
  sub(/^ /, "", bblist); sub(/^ /, "", unmodelled); sub(/^ /, "", uncounted)
  print "cells=" tot_cells
  print "blackbox_instances=" bb_inst
  print "blackboxes=" bblist
  if (MODE == "generic") {
    print "flops=" tot_flops
    print "transistors=" tot_tr
    print "transistors_yosys=" ytrans_total
    print "transistor_table_check=" check
    print "transistors_uncounted_types=" uncounted
    # Yosys' own total cell count includes one cell per black-box instance
    print "cells_check=" ((ycells_total == tot_cells + bb_inst) ? "ok" : "mismatch(yosys " ycells_total ")")
  } else {
    printf "area_logic_um2=%.3f\n", tot_area
    printf "area_blackbox_um2=%.3f\n", bbarea
    printf "area_um2=%.3f\n", tot_area + bbarea
    print "blackboxes_unmodelled=" unmodelled
    print "area_check=" ((yarea_top - tot_area < 0.01 && tot_area - yarea_top < 0.01) ? "ok" : "mismatch(yosys " yarea_top ")")
  }
}
