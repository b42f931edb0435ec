#!/usr/bin/env bash
# Peak memory and time of opening one file in the reader (a real terminal: tmux) until it is
# annotated, then quitting (issue 13: bounded cost on any input).
#   Benchmarks/reader-memory.sh FILE [DOSSIER]      DOSSIER defaults to .build/release/dossier
# Prints: seconds until the status line stopped saying "annotating…"/"reading…" (polled every 0.2 s),
# then /usr/bin/time's wall and CPU seconds and peak RSS (= VmHWM) of the whole run, quitting included.
set -euo pipefail
source "$(dirname "$0")/reader-tmux.sh"
tmux_ new-session -d -s "$session" -x 200 -y 60 \
  "export TERM=tmux-256color XDG_CONFIG_HOME='$scratch/config' XDG_DATA_HOME='$scratch/data'; unset DOSSIER_DB; \
   /usr/bin/time -v -o '$scratch/time.log' '$dossier' '$file'; sleep 30"
start=$(date +%s.%N)
seen=0
while true; do
  sleep 0.2
  screen="$(tmux_ capture-pane -p -t "$session" 2>/dev/null || true)"
  # The reader is up once the file's name (or its text) shows; done when no longer annotating.
  if [ $seen -eq 0 ] && [ -n "$(printf '%s' "$screen" | tr -d '[:space:]')" ]; then seen=1; fi
  if [ $seen -eq 1 ] && ! printf '%s' "$screen" | grep -q -e 'annotating' -e 'reading…' -e 'loading…' -e 'waiting'; then break; fi
  if [ -s "$scratch/time.log" ]; then break; fi   # the reader ended by itself (an error)
done
annotated=$(echo "$(date +%s.%N) - $start" | bc)
tmux_ send-keys -t "$session" q
for _ in $(seq 1 300); do [ -s "$scratch/time.log" ] && break; sleep 0.1; done
wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$scratch/time.log")"
cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$scratch/time.log")"
rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$scratch/time.log")"
printf 'annotated_s %.2f wall_s %s cpu_s %s peak_rss_mb %s\n' "$annotated" "$wall" "$cpu" "$rss"
