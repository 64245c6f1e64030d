#!/usr/bin/env bash
# Run each test step (a make target) given as an argument, one line per step,
# the log of a failing step on screen, and a closing "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p build/test-logs
pass=0; fail=0; failed=()
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
  printf '%s %-28s %4ss  %s\n' "$verdict" "$step" "$took" "$summary"
  if [ "$verdict" = FAIL ]; then
    echo "---- last 40 lines of $log ----"
    tail -n 40 "$log"
    echo "----"
  fi
done
echo
[ $fail -gt 0 ] && echo "failed steps: ${failed[*]} (logs in build/test-logs/)"
echo "tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
