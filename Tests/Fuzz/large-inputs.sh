#!/usr/bin/env bash
# Full-size hostile inputs through the release binary, with wall time and peak RSS per input
# (the debug test suite runs scaled-down versions: Tests/EndToEndTests/HostileInputTests.swift).
#   Tests/Fuzz/large-inputs.sh              builds .build/release/dossier if needed
#   DOSSIER=/path/to/dossier Tests/Fuzz/large-inputs.sh
# Inputs: a 50 MB single line, a million one-word paragraphs, a 10 MB word (a URL without a
# break), 10,000 unmatched quote marks, 200,000 lines of escape sequences, 5 MB of emoji + combining marks.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dossier="${DOSSIER:-$root/.build/release/dossier}"
if [ ! -x "$dossier" ]; then
  swift build -c release --package-path "$root" --product dossier >/dev/null
fi
work="$root/.build-fuzz/large"
mkdir -p "$work"
python3 - "$work" <<'PY'
import os, sys
d = sys.argv[1]
def write(name, data):
    path = os.path.join(d, name)
    if not os.path.exists(path):
        open(path, "wb").write(data)
sentence = "The minister said the talks, which began in 2019, would resume with 1,200 delegates. "
write("single-line-50mb.txt", (sentence * (50_000_000 // len(sentence) + 1)).encode()[:50_000_000])
write("million-paragraphs.txt", "\n\n".join("word%d" % (i % 97) for i in range(1_000_000)).encode())
write("url-10mb.txt", ("Title\n\nSee https://example.com/" + "a1b2c3/" * 1_500_000 + " for details.\n").encode())
write("unmatched-quotes-10k.txt", ("Title\n\n" + "\u201c \" \u00ab ' " * 2500 + "\n").encode())
write("escapes-200k-lines.txt", "".join("Line %d \x1b[2J\x1b]0;T\x07\x1b]52;c;eA==\x07\u202e\u200b visible.\n" % i for i in range(200_000)).encode())
write("emoji-combining-5mb.txt", ("\U0001F469\u200d\U0001F469\u200d\U0001F467 e\u0301 \u0928\u093f \U0001F1EB\U0001F1F7 " * 200_000).encode())
PY
printf '%-28s %10s %8s %8s %10s %6s\n' input bytes wall_s cpu_s peak_rss_mb exit
for input in "$work"/*.txt; do
  log="$(mktemp)"
  set +e
  /usr/bin/time -v "$dossier" annotate --format json "$input" > /dev/null 2> "$log"
  status=$?
  set -e
  seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")"
  printf '%-28s %10d %8s %8s %10s %6s\n' "$(basename "$input")" "$(stat -c %s "$input")" "$seconds" "$cpu" "$rss" "$status"
  [ "$status" -eq 0 ] || grep -v '^\s' "$log" | head -n 3
  rm -f "$log"
done
