#!/bin/sh
# The quality table of issue 12 against ../shared/eval: entity, alias, quote, speaker and number
# figures of dev/, quotes-dev/ and train/, cross-validated by document (5 folds) when the trainers
# exist, the built-in models' figures, and the boilerplate F1s. See Benchmarks/README.md.
#   Benchmarks/quality.sh                 release build, then everything (several minutes)
#   Benchmarks/quality.sh --quick         dev/ and the pasted-text boilerplate figure only
#   Benchmarks/quality.sh --check         also exit 1 when a figure is below its floor (quality/floors.py)
# Other options: --shared PATH, --binary PATH, --no-build, --json FILE (--help lists them).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$here/quality/quality.py" "$@"
