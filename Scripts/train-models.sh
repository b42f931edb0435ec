#!/bin/sh
# Regenerates the built-in learned models from the gold data in ../shared/eval (or $DOSSIER_SHARED/eval):
# release builds of the trainers in the Benchmarks package, each writing its generated Swift file.
#   Scripts/train-models.sh
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="${DOSSIER_SHARED:-$repo/../shared}/eval"
[ -d "$eval_dir/train" ] || { echo "train-models.sh: no $eval_dir/train (set DOSSIER_SHARED)" >&2; exit 66; }
bench="$repo/Benchmarks"
rm -f "$bench/.build/release.yaml" "$bench"/.build/*/release/description.json
models="$repo/Sources/DossierCore/Learning/Models"

swift build -c release --package-path "$bench" --product dossier-train-entities >&2
"$bench/.build/release/dossier-train-entities" --swift-out "$models/EntityTypeModel.swift" "$eval_dir/train" "$eval_dir/dev"
# The speaker ranker reads entity types as features: train it after the entity model.
# The shipped SpeakerRankerModel.swift is still ed23881's: retrained after the WordNet typing features
# it let a previous paragraph's speaker carry into a passive "was told to" quotation
# (SpeakerRecallTests.aVerbInASeriesHasTheSubjectOfTheSentence); docs/QUALITY.md, top section.
swift build -c release --package-path "$bench" --product dossier-train-speakers >&2
"$bench/.build/release/dossier-train-speakers" --swift-out "$models/SpeakerRankerModel.swift" "$eval_dir/quotes-dev" "$eval_dir/dev"
