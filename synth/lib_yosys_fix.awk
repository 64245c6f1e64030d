# lib_yosys_fix.awk - rewrite flip-flops that store the inverted input
# (ASAP7: ff (IQN,IQNN) { next_state : "!D"; clear : "!SETN"; preset : "!RESETN"; })
# into the equivalent non-inverted form
#   ff (IQNN,IQN) { next_state : "D"; clear : "!RESETN"; preset : "!SETN"; }
# (state variables swapped, clear/preset swapped, clear_preset_var1/2
# swapped). Pin functions are untouched, so the cell is logically identical.
# Why: Yosys 0.23 dfflibmap maps such cells' set/reset pins the wrong way
# round (a reset flop gets its reset wired to SETN). Only the Yosys copy of
# the library is rewritten; OpenSTA reads the original.
# Usage: awk -f lib_yosys_fix.awk in.lib > out.lib   (prints ff_rewritten=N to stderr)
function attr(text, key,   m, v) {
  if (match(text, "\n[ \t]*" key "[ \t]*:[ \t]*[^;]*;")) {
    v = substr(text, RSTART, RLENGTH)
    sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]*;$/, "", v)
    return v
  }
  return ""
}
function setattr(text, key, val) {
  if (val == "") return text
  gsub("\n[ \t]*" key "[ \t]*:[ \t]*[^;]*;", "\n" indent key " : " val ";", text)
  return text
}
function rewrite(text,   ns, head, v1, v2, cl, pr, c1, c2, body) {
  ns = attr(text, "next_state")
  if (ns !~ /^"![A-Za-z_][A-Za-z0-9_]*"$/) return text     # not inverted storage
  head = text; sub(/\n.*/, "", head)                        # ff (A,B) {
  if (!match(head, /\([^)]*\)/)) return text
  split(substr(head, RSTART + 1, RLENGTH - 2), v, ",")
  v1 = v[1]; v2 = v[2]; gsub(/[ \t]/, "", v1); gsub(/[ \t]/, "", v2)
  if (v2 == "") return text
  body = substr(text, length(head) + 1)
  cl = attr(body, "clear"); pr = attr(body, "preset")
  c1 = attr(body, "clear_preset_var1"); c2 = attr(body, "clear_preset_var2")
  body = setattr(body, "next_state", "\"" substr(ns, 3))
  # swap clear/preset and the two clear_preset vars via placeholders
  gsub("\n[ \t]*clear[ \t]*:[ \t]*[^;]*;", "\n@CLEAR@", body)
  gsub("\n[ \t]*preset[ \t]*:[ \t]*[^;]*;", "\n@PRESET@", body)
  gsub("\n[ \t]*clear_preset_var1[ \t]*:[ \t]*[^;]*;", "\n@CPV1@", body)
  gsub("\n[ \t]*clear_preset_var2[ \t]*:[ \t]*[^;]*;", "\n@CPV2@", body)
  gsub(/@CLEAR@/, indent "preset : " cl ";", body)
  gsub(/@PRESET@/, indent "clear : " pr ";", body)
  gsub(/@CPV1@/, indent "clear_preset_var2 : " c1 ";", body)
  gsub(/@CPV2@/, indent "clear_preset_var1 : " c2 ";", body)
  sub(/\([^)]*\)/, "(" v2 "," v1 ")", head)
  fixed++
  return head body
}
BEGIN { fixed = 0; indent = "      " }
{
  if (!inff && $0 ~ /^[ \t]*ff[ \t]*\(/) { inff = 1; buf = $0; depth = 0 }
  else if (inff) buf = buf "\n" $0
  else { print; next }
  line = $0
  depth += gsub(/\{/, "{", line) - gsub(/\}/, "}", line)
  if (depth <= 0 && buf ~ /\}/) { print rewrite(buf); inff = 0 }
}
END { print "ff_rewritten=" fixed > "/dev/stderr" }
