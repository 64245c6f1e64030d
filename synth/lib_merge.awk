# lib_merge.awk - merge several liberty files into one library for Yosys 0.23,
# whose dfflibmap / abc -liberty / stat -liberty read a single file (ASAP7
# ships its cells in separate SIMPLE, SEQ, INVBUF, ... files).
# Kept: the whole header of the FIRST file (units, operating conditions,
# templates); the table templates of later files whose names are not defined
# yet; every cell of every file. Dropped: the other files' header attributes.
# Only Yosys reads the result; OpenSTA reads the original files one by one.
# Usage: awk -f lib_merge.awk a.lib b.lib c.lib > merged.lib
function group_done(text, kind, name) {
  if (kind == "cell") {
    if (name in cell_seen) return           # first definition wins
    cell_seen[name] = 1
    cells = cells text
  } else if (file == 1) {
    header = header text
    seen[kind, name] = 1
  } else if (kind ~ /_template$/ && !((kind, name) in seen)) {
    seen[kind, name] = 1
    extra = extra text
  }
}
FNR == 1 { file++; depth = 0; ingroup = 0 }
{
  line = $0
  opens = gsub(/\{/, "{", line)
  closes = gsub(/\}/, "}", line)
  newdepth = depth + opens - closes
  if (!ingroup && depth == 1 && opens > 0) {
    kind = $0; sub(/^[ \t]*/, "", kind); sub(/[ \t]*\(.*/, "", kind)
    name = $0; sub(/^[^(]*\([ \t]*"?/, "", name); sub(/"?[ \t]*\).*/, "", name)
    buf = $0 "\n"
    if (newdepth == 1) group_done(buf, kind, name)   # one-line group
    else ingroup = 1
  } else if (ingroup) {
    buf = buf $0 "\n"
    if (newdepth == 1) { ingroup = 0; group_done(buf, kind, name) }
  } else if (file == 1 && !(depth == 1 && newdepth == 0)) {
    header = header $0 "\n"    # library (...) { line and depth-1 attributes
  }
  depth = newdepth
}
END { printf "%s%s%s}\n", header, extra, cells }
