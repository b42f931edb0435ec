#!/bin/sh
# Regenerates the built-in learned models from the gold data in ../shared/eval (or $DOSSIER_SHARED/eval):
# release builds of the trainers in the Benchmarks package, each writing its generated Swift file.
#   Scripts/train-models.sh [--speakers]
# By default only the entity type model. --speakers also retrains the speaker ranker, after the entity
# model (it reads entity types as features). Why not by default: the shipped SpeakerRankerModel.swift
# is ed23881's; retrained over the WordNet typing features it let a previous paragraph's speaker carry
# into a passive "was told to" quotation (SpeakerRecallTests.aVerbInASeriesHasTheSubjectOfTheSentence
# fails; docs/QUALITY.md, top section). Run `swift test` after --speakers.
set -eu
speakers=no
case "${1:-}" in
    "") ;;
    --speakers) speakers=yes ;;
    *) echo "train-models.sh: unknown option $1 (usage: Scripts/train-models.sh [--speakers])" >&2; exit 64 ;;
esac
repo=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="${DOSSIER_SHARED:-$repo/../shared}/eval"
[ -d "$eval_dir/train" ] || { echo "train-models.sh: no $eval_dir/train (set DOSSIER_SHARED)" >&2; exit 66; }
bench="$repo/Benchmarks"
rm -f "$bench/.build/release.yaml" "$bench"/.build/*/release/description.json
models="$repo/Sources/DossierCore/Learning/Models"

swift build -c release --package-path "$bench" --product dossier-train-entities >&2
"$bench/.build/release/dossier-train-entities" --swift-out "$models/EntityTypeModel.swift" "$eval_dir/train" "$eval_dir/dev"
if [ "$speakers" = yes ]; then
    swift build -c release --package-path "$bench" --product dossier-train-speakers >&2
    "$bench/.build/release/dossier-train-speakers" --swift-out "$models/SpeakerRankerModel.swift" "$eval_dir/quotes-dev" "$eval_dir/dev"
fi
