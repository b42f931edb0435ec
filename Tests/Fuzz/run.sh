#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the annotation core.
#   Tests/Fuzz/run.sh [SECONDS [LIBFUZZER-FLAGS…]]   default 60; the corpus grows in .build-fuzz/corpus-core
#   e.g. Tests/Fuzz/run.sh 1800 -fork=1 -ignore_crashes=1   keeps going after a crash, to find them all in one run
# Seeds: seeds/*.txt, the test briefing and the hostile fixtures (all in the repository); set
# DOSSIER_EVAL_DIR to a folder of gold *.json (e.g. ../shared/eval/dev) to add their texts.
# A crash leaves crash-* files in .build-fuzz/; add each as a regression fixture under Tests/Fixtures/hostile/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
out="$root/.build-fuzz"
mkdir -p "$out/corpus-core" "$out/seed-core"
cp "$root"/seeds/*.txt "$out/seed-core/" 2>/dev/null || true
cp "$root"/Tests/Fixtures/briefing/[0-9]* "$out/seed-core/" 2>/dev/null || true
cp "$root"/Tests/Fixtures/hostile/* "$out/seed-core/" 2>/dev/null || true
eval_dir="${DOSSIER_EVAL_DIR:-}"
if [ -n "$eval_dir" ]; then
  python3 - "$eval_dir" "$out/seed-core" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in os.listdir(src):
    if name.endswith(".json"):
        text = json.load(open(os.path.join(src, name), encoding="utf-8"))["text"]
        open(os.path.join(dst, name[:-5] + ".txt"), "w", encoding="utf-8").write(text)
PY
fi
# Rebuilds only when a core source or the target is newer than the binary (the build takes minutes).
if [ ! -x "$out/fuzz-core" ] || [ -n "$(find "$root/Sources/DossierCore" "$root/Tests/Fuzz/CoreFuzzTarget.swift" -name '*.swift' -newer "$out/fuzz-core" | head -n 1)" ]; then
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name DossierCoreFuzz \
  $(find "$root/Sources/DossierCore" -name '*.swift') "$root/Tests/Fuzz/CoreFuzzTarget.swift" \
  -o "$out/fuzz-core" 2> "$out/build.log" || { cat "$out/build.log"; exit 1; }
fi
cd "$out"
export SWIFT_BACKTRACE=enable=no   # libFuzzer's report is enough; a Swift backtrace under ASan can take minutes
# -max_len 64 KiB keeps inputs article-sized; -timeout flags a hang (non-linear behaviour) as a failure.
./fuzz-core "$out/corpus-core" "$out/seed-core" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -print_final_stats=1 "$@" 2>&1 | tail -n 25
