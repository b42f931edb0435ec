#!/usr/bin/env bash
# How long the reader takes on a feed or folder of many articles, in a real terminal (tmux):
# seconds until the library lists the articles (no entry "waiting" for its file to be read), and
# until nothing is being annotated any more (issue 13: no cost per event that grows with the
# briefing).
#   Benchmarks/reader-feed-time.sh FEED [DOSSIER]     DOSSIER defaults to .build/release/dossier
# Prints: listed_s A annotated_s B (polled every 0.1 s, so ±0.1 s).
set -euo pipefail
source "$(dirname "$0")/reader-tmux.sh"
start=$(date +%s.%N)
tmux_ new-session -d -s "$session" -x 150 -y 40 \
  "export TERM=tmux-256color XDG_CONFIG_HOME='$scratch/config' XDG_DATA_HOME='$scratch/data'; unset DOSSIER_DB; '$dossier' '$file'; sleep 30"
screen() { tmux_ capture-pane -p -t "$session" 2>/dev/null || true; }
# The reader is up once anything shows; listed once no entry waits for its file.
until [ -n "$(screen | tr -d '[:space:]')" ]; do sleep 0.05; done
while screen | grep -q -e 'waiting' -e 'reading…' -e 'loading…'; do sleep 0.1; done
listed=$(echo "$(date +%s.%N) - $start" | bc)
while screen | grep -q -e 'annotating' -e 'waiting'; do sleep 0.1; done
annotated=$(echo "$(date +%s.%N) - $start" | bc)
tmux_ send-keys -t "$session" q
printf 'listed_s %.2f annotated_s %.2f\n' "$listed" "$annotated"
