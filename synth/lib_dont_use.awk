# lib_dont_use.awk - copy a liberty file, adding `dont_use : true;` to every
# cell whose name matches one of the glob patterns in PATTERNS (space
# separated, shell-style * and ?). Cells already marked are left alone.
# Yosys 0.23's abc has no -dont_use option, so this is how unwanted cells
# (sky130 lpflow_*, probe*, delay cells, ...) are kept out of the mapping.
# Usage: awk -v PATTERNS="*lpflow_* *probe*" -f lib_dont_use.awk in.lib > out.lib
# Prints the number of marked cells to stderr as "dont_use_marked=N".
function glob2re(g,   r) {
  r = g
  gsub(/[.+^$(){}|\[\]\\]/, "\\\\&", r)
  gsub(/\*/, ".*", r)
  gsub(/\?/, ".", r)
  return "^" r "$"
}
BEGIN {
  n = split(PATTERNS, pats, /[ \t]+/)
  for (i = 1; i <= n; i++) if (pats[i] != "") res[i] = glob2re(pats[i])
  marked = 0
}
{
  print
  if ($0 ~ /^[ \t]*cell[ \t]*\(/) {
    name = $0
    sub(/^[ \t]*cell[ \t]*\([ \t]*"?/, "", name)
    sub(/"?[ \t]*\).*$/, "", name)
    for (i in res) {
      if (name ~ res[i]) {
        print "    dont_use : true;"
        marked++
        break
      }
    }
  }
}
END { print "dont_use_marked=" marked > "/dev/stderr" }
