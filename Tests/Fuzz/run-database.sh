#!/usr/bin/env bash
# Robustness run for the notes database: random pages of a database with notes are overwritten,
# then it is opened by the store and by `dossier export`, again and again for SECONDS (default 300).
# A failure names the pages that were overwritten.
#   Tests/Fuzz/run-database.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-300}"
cd "$root"
swift build --build-tests > /dev/null
DOSSIER_DB_FUZZ_SECONDS="$seconds" swift test --skip-build --filter DatabaseFuzzTests 2>&1 | grep -E "database fuzz:|✘|passed after|failed after"
