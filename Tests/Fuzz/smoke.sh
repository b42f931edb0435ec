#!/usr/bin/env bash
# CI fuzz smoke run: each libFuzzer target for about 30 seconds (core, theme/config, file names).
# Fails when a fuzzer finds a crash, a hang (-timeout) or an out-of-memory.
#   Tests/Fuzz/smoke.sh [SECONDS_PER_TARGET]     default 30
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-30}"
status=0
for target in run.sh run-theme.sh run-names.sh; do
  output="$("$here/$target" "$seconds" 2>&1)" || status=1
  printf '%s\n' "$output" | tail -n 8
  printf '%s\n' "$output" | grep '^Done ' > /dev/null || status=1
done
[ "$status" -eq 0 ] && echo "fuzz smoke: every target ran ${seconds}s without a crash" || echo "fuzz smoke: a fuzzer failed (see crash-* in .build-fuzz/)"
exit "$status"
