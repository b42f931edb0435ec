#!/usr/bin/env bash
# Builds and runs the libFuzzer target for file names (Tests/Fuzz/NameFuzzTarget.swift): random bytes
# as a name through PrintableName and the CLI's message path; no control, C1 or bidi character survives.
#   Tests/Fuzz/run-names.sh [SECONDS [LIBFUZZER-FLAGS…]]   default 60; corpus in .build-fuzz/corpus-names
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
out="$root/.build-fuzz"
mkdir -p "$out/corpus-names" "$out/seed-names"
# Seeds: hostile names (OSC title and clipboard, CSI, C1, bidi, invalid UTF-8, newlines) and the fixtures' names.
printf 'a\033]0;TITLE\007b\033]52;c;SGVsbG8=\007\342\200\256txt.txt' > "$out/seed-names/osc-bidi"
printf 'x\033[2J\033[H\302\233\061m\302\235\060;t\302\234\n\r\tz' > "$out/seed-names/csi-c1"
printf '\377\376\300\257\355\240\200name\342\201\246\357\273\277' > "$out/seed-names/invalid-utf8"
ls "$root/Tests/Fixtures/hostile" > "$out/seed-names/fixture-names"
if [ ! -x "$out/fuzz-names" ] || [ -n "$(find "$root/Sources/DossierCore" "$root/Tests/Fuzz/NameFuzzTarget.swift" -name '*.swift' -newer "$out/fuzz-names" | head -n 1)" ]; then
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name DossierNameFuzz \
  $(find "$root/Sources/DossierCore" -name '*.swift') "$root/Tests/Fuzz/NameFuzzTarget.swift" \
  -o "$out/fuzz-names" 2> "$out/build-names.log" || { cat "$out/build-names.log"; exit 1; }
fi
cd "$out"
export SWIFT_BACKTRACE=enable=no
./fuzz-names "$out/corpus-names" "$out/seed-names" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 "$@" 2>&1 | tail -n 25
