#!/bin/sh
# Cross-validated entity figures of the learned entity type model: k folds by document over the
# gold articles of ../shared/eval/train and ../shared/eval/dev together (file names sorted, the
# k-th file into fold k mod K, so every fold holds every genre). Per fold, dossier-train-entities
# trains without the fold's documents and score.py scores them with DOSSIER_ENTITY_MODEL set.
# Prints per set (train/, dev/) the mean ± standard deviation over folds and the pooled totals.
#   Benchmarks/cv-entities.sh [--folds K] [--release] [--keep DIR] [--models DIR]
# --models DIR scores with the fold models an earlier run kept in DIR (DIR/foldK/model.txt) instead
# of training: a change to candidate generation is then measured with the model held fixed. (Retraining
# on changed candidates alone moves the figures by about 0.01 either way: the perceptron's luck.)
# TRAIN_ARGS (environment) are passed to the trainer, e.g. TRAIN_ARGS="--epochs 8".
# --keep DIR leaves each fold's exclude list, model and scores in DIR/foldK (for error analysis).
# Debug builds by default (the machine is shared); --release for the real speed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${DOSSIER_SHARED:-$repo/../shared}
eval_dir="$shared/eval"
folds=5
config=debug
keep=
models=
while [ $# -gt 0 ]; do
    case "$1" in
        --folds) folds=$2; shift 2 ;;
        --release) config=release; shift ;;
        --keep) keep=$2; shift 2 ;;
        --models) models=$(cd "$2" && pwd); shift 2 ;;
        *) echo "cv-entities.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -d "$eval_dir/train" ] || { echo "cv-entities.sh: no $eval_dir/train (set DOSSIER_SHARED)" >&2; exit 66; }

rm -f "$here/.build/$config.yaml" "$here"/.build/*/$config/description.json
swift build -c "$config" --package-path "$repo" --product dossier >&2
swift build -c "$config" --package-path "$here" --product dossier-train-entities >&2
dossier="$repo/.build/$config/dossier"
trainer="$here/.build/$config/dossier-train-entities"

if [ -n "$keep" ]; then
    rm -rf "$keep"; mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
ls "$eval_dir/train" "$eval_dir/dev" >/dev/null
k=0
for set in train dev; do
    for path in "$eval_dir/$set"/*.json; do echo "$set $(basename "$path")"; done
done | sort -k2 | while read -r set name; do
    fold=$((k % folds))
    mkdir -p "$work/fold$fold/$set"
    ln -s "$eval_dir/$set/$name" "$work/fold$fold/$set/$name"
    echo "$name" >> "$work/fold$fold/exclude"
    k=$((k + 1))
done

fold=0
while [ $fold -lt "$folds" ]; do
    if [ -n "$models" ]; then
        cp "$models/fold$fold/model.txt" "$work/fold$fold/model.txt"
    else
        # shellcheck disable=SC2086
        "$trainer" ${TRAIN_ARGS:-} --exclude "$work/fold$fold/exclude" --out "$work/fold$fold/model.txt" "$eval_dir/train" "$eval_dir/dev" 2>/dev/null
    fi
    for set in train dev; do
        [ -d "$work/fold$fold/$set" ] || continue
        DOSSIER_ENTITY_MODEL="$work/fold$fold/model.txt" python3 "$eval_dir/score.py" --json --gold "$work/fold$fold/$set" \
            -- "$dossier" annotate --format json '{file}' > "$work/fold$fold/$set.json"
    done
    fold=$((fold + 1))
done

python3 - "$work" "$folds" <<'PY'
import json, os, statistics, sys
work, folds = sys.argv[1], int(sys.argv[2])
def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
print(f"{folds}-fold cross-validation by document (trained on train/ + dev/ minus the fold)")
for s in ("train", "dev"):
    runs = [json.load(open(p)) for p in (os.path.join(work, f"fold{k}", s + ".json") for k in range(folds)) if os.path.exists(p)]
    print(f"{s}/ ({sum(r['documents'] for r in runs)} documents)")
    for key in ("ent", "ent_untyped", "alias", "num"):
        f1s = [r[key]["f1"] for r in runs]
        pooled = [sum(r[key][x] for r in runs) for x in ("tp", "fp", "fn")]
        p, rec, f = prf(*pooled)
        sd = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
        print(f"  {key:<12} F1 {statistics.mean(f1s):.3f} ± {sd:.3f} over folds | pooled P {p:.3f} R {rec:.3f} F1 {f:.3f}")
PY
