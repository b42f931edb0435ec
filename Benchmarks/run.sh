#!/bin/sh
# Builds the benchmarks in release mode and prints the Markdown tables of Benchmarks/README.md.
#   Benchmarks/run.sh            full run (10 MB throughput, 1/10/100 MB scaling, 10/100 MB memory); a few minutes
#   Benchmarks/run.sh --quick    1 MB smoke run
# Other options: --runs N, --shared PATH (the shared folder holding eval/dev; default $DOSSIER_SHARED or ../shared).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# SwiftPM keeps the build plan of the path dependency (the main package) and misses source files
# added to it since; dropping the plan makes it list them again (compiled objects are kept).
rm -f "$here/.build/release.yaml" "$here"/.build/*/release/description.json
swift build -c release --package-path "$here" --product dossier-bench >&2
exec "$here/.build/release/dossier-bench" "$@"
