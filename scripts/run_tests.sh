#!/usr/bin/env bash
# Run each test step (a make target) given as an argument, one line per step,
# the log of a failing step on screen, and a closing "N passed, N failed".
# A step that could not run what it tests prints a line starting "SKIP:" (and exits
# 0): it is reported SKIP with that reason, never counted as passed. Under CI=true
# every tool the tests need must be there (scripts/deps.sh --check): a missing one
# is a failed step "tools", and so is a step skipped for a missing tool ("SKIP: tool").
set -u
cd "$(dirname "$0")/.."
mkdir -p build/test-logs
pass=0; fail=0; failed=(); skipped=()
if [ "${CI:-}" = true ]; then
  if out=$(scripts/deps.sh --check 2>&1); then
    pass=$((pass + 1)); printf 'PASS %-28s %4ss  %s\n' tools 0 "every tool of scripts/deps.sh present (CI=true)"
  else
    fail=$((fail + 1)); failed+=(tools)
    printf 'FAIL %-28s %4ss  %s\n' tools 0 "$out"
  fi
fi
for step in "$@"; do
  log="build/test-logs/$step.log"
  start=$(date +%s)
  if make --no-print-directory "$step" >"$log" 2>&1; then
    pass=$((pass + 1)); verdict=PASS
  else
    fail=$((fail + 1)); verdict=FAIL; failed+=("$step")
  fi
  took=$(( $(date +%s) - start ))
  summary=$(grep -E 'matched [0-9]+|\[  PASSED  \]|passed' "$log" | tail -n 1)
  skip=$(grep -m1 '^SKIP:' "$log")
  if [ "$verdict" = PASS ] && [ -n "$skip" ]; then
    pass=$((pass - 1)); summary=$skip
    if [ "${CI:-}" = true ] && grep -q '^SKIP: tool' <<<"$skip"; then
      fail=$((fail + 1)); verdict=FAIL; failed+=("$step")
    else
      verdict=SKIP; skipped+=("$step")
    fi
  fi
  printf '%s %-28s %4ss  %s\n' "$verdict" "$step" "$took" "$summary"
  if [ "$verdict" = FAIL ]; then
    echo "---- last 40 lines of $log ----"
    tail -n 40 "$log"
    echo "----"
  fi
done
echo
[ $fail -gt 0 ] && echo "failed steps: ${failed[*]} (logs in build/test-logs/)"
[ ${#skipped[@]} -gt 0 ] && echo "skipped steps (not counted as passed): ${skipped[*]}"
echo "tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
