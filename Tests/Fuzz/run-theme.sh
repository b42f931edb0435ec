#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the reader's theme and config parsers (Tests/Fuzz/ThemeFuzz).
#   Tests/Fuzz/run-theme.sh [SECONDS [LIBFUZZER-FLAGS…]]   default 60; the corpus grows in .build-fuzz/corpus-theme
#   e.g. Tests/Fuzz/run-theme.sh 1800 -fork=1 -ignore_crashes=1   keeps going after a crash, to find them all in one run
# Seeds: themes/*.toml and a sample config. A crash leaves crash-* files in .build-fuzz/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
out="$root/.build-fuzz"
mkdir -p "$out/corpus-theme" "$out/seed-theme"
cp "$root"/themes/*.toml "$out/seed-theme/"
cp "$root"/Tests/Fixtures/hostile/theme-* "$out/seed-theme/" 2>/dev/null || true
cat > "$out/seed-theme/config.toml" <<'TOML'
theme = "light"
mouse = true
side-pane = false
side-pane-width = 40
[keys]
quit = ["q", "ctrl-c"]
down = "j"
TOML
# Release build of the root package's DossierTUI and TOMLKit with Swift code instrumented for
# coverage and AddressSanitizer; its own build path keeps it apart from the debug .build/.
# SwiftPM keeps the build plan of a path dependency and misses source files added to it since:
# dropping the plan makes it list DossierTUI's files again (the compiled objects stay).
rm -f "$out/theme-build/release.yaml" "$out/theme-build/release/description.json"
swift build -c release --package-path "$root/Tests/Fuzz/ThemeFuzz" --build-path "$out/theme-build" \
  -Xswiftc -sanitize=fuzzer,address > "$out/theme-build.log" 2>&1 || { tail -n 40 "$out/theme-build.log"; exit 1; }
binary="$(swift build -c release --package-path "$root/Tests/Fuzz/ThemeFuzz" --build-path "$out/theme-build" --show-bin-path)/ThemeFuzz"
cd "$out"
# A crash's Swift backtrace can take minutes on this sanitized binary; libFuzzer's report is enough.
export SWIFT_BACKTRACE=enable=no
# Themes and configs are small: -max_len 16 KiB; -timeout flags a hang.
"$binary" "$out/corpus-theme" "$out/seed-theme" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 "$@" 2>&1 | tail -n 25
