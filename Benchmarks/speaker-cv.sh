#!/bin/sh
# Cross-validated speaker attribution (issue 12): 5 folds by document over the gold articles with
# quotations (../shared/eval/quotes-dev and ../shared/eval/dev). Per fold, dossier-train-speakers
# learns from the other folds' documents and score.py scores the fold's documents with
# DOSSIER_SPEAKER_MODEL set to that model. Prints each fold, mean ± standard deviation, and the
# pooled figures of each gold folder. Deterministic: documents in name order, fold = index mod 5.
#   Benchmarks/speaker-cv.sh [--eval DIR] [--release] [--keep DIR]
# The gold is --eval DIR, else $DOSSIER_EVAL, else $DOSSIER_SHARED/eval (as the other scripts read it),
# else ../shared/eval beside the repository.
# --keep DIR keeps each fold's model and gold links (DIR/model<fold>.txt, DIR/fold<fold>/<set>/), so
# that speaker-errors.py can list the cross-validated misses of one fold:
#   DOSSIER_SPEAKER_MODEL=DIR/model0.txt python3 Benchmarks/speaker-errors.py --eval DIR/fold0 --list
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
eval_dir=${DOSSIER_EVAL:-${DOSSIER_SHARED:-$root/../shared}/eval}
config=debug
keep=
while [ $# -gt 0 ]; do
    case "$1" in
        --eval) eval_dir=$2; shift 2 ;;
        --release) config=release; shift ;;
        --keep) keep=$2; shift 2 ;;
        *) echo "speaker-cv.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -d "$eval_dir/quotes-dev" ] || { echo "speaker-cv.sh: no gold folder $eval_dir/quotes-dev (give --eval DIR)" >&2; exit 66; }
swift build -c "$config" --package-path "$root" --product dossier >&2
swift build -c "$config" --package-path "$here" --product dossier-train-speakers >&2
dossier="$root/.build/$config/dossier"
trainer="$here/.build/$config/dossier-train-speakers"
if [ -n "$keep" ]; then
    rm -rf "$keep"; mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
ls "$eval_dir/quotes-dev" "$eval_dir/dev" | grep '\.json$' | sort > "$work/all"
for fold in 0 1 2 3 4; do
    awk -v f="$fold" '(NR - 1) % 5 == f' "$work/all" > "$work/exclude$fold"
    mkdir -p "$work/fold$fold/quotes-dev" "$work/fold$fold/dev"
    while read -r name; do
        for set in quotes-dev dev; do
            [ -f "$eval_dir/$set/$name" ] && ln -s "$eval_dir/$set/$name" "$work/fold$fold/$set/$name"
        done
    done < "$work/exclude$fold"
    "$trainer" --exclude "$work/exclude$fold" --out "$work/model$fold.txt" "$eval_dir/quotes-dev" "$eval_dir/dev" 2>/dev/null
    for set in quotes-dev dev; do
        if [ -n "$(ls "$work/fold$fold/$set")" ]; then
            DOSSIER_SPEAKER_MODEL="$work/model$fold.txt" python3 "$eval_dir/score.py" --json --gold "$work/fold$fold/$set" \
                -- "$dossier" annotate --format json {file} > "$work/score$fold-$set.json"
        fi
    done
done
python3 - "$work" <<'PY'
import json, os, statistics, sys
work = sys.argv[1]
pooled = {s: [0, 0, 0] for s in ("quotes-dev", "dev")}
accuracies = []
print("fold  speaker right/gold  accuracy  precision  (quotes-dev + dev)")
for fold in range(5):
    right = predicted = gold = 0
    for s in pooled:
        path = os.path.join(work, f"score{fold}-{s}.json")
        if not os.path.exists(path):
            continue
        sp = json.load(open(path))["speaker"]
        r, p, g = sp["right"], sp["predicted"], sp["gold"]
        pooled[s][0] += r; pooled[s][1] += p; pooled[s][2] += g
        right += r; predicted += p; gold += g
    accuracies.append(right / gold)
    print(f"{fold}     {right:4d}/{gold:<4d}          {right / gold:.3f}     {right / max(predicted, 1):.3f}")
print(f"mean ± sd accuracy over folds: {statistics.mean(accuracies):.3f} ± {statistics.stdev(accuracies):.3f}")
for s, (r, p, g) in pooled.items():
    print(f"pooled {s}: speaker accuracy {r / g:.3f} ({r}/{g}), precision {r / max(p, 1):.3f} ({r}/{p})")
PY
