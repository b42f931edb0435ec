#!/usr/bin/env python3
"""Times `dossier annotate --format json FILE` for two or more builds by turns, and prints the
median wall and CPU (user + sys, from the children's rusage: finer than /usr/bin/time's 10 ms).

    python3 Benchmarks/feed/by-turns.py 20 /tmp/tiny.txt old=/tmp/dossier-base new=.build/release/dossier

Each LABEL=BINARY runs once per round; the order of the builds flips every round, so that a
machine getting busier or quieter does not favour one. The machine is shared and noisy: compare
builds only within one call.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, path = int(sys.argv[1]), sys.argv[2]
    builds = [argument.split("=", 1) for argument in sys.argv[3:]]
    times = {label: [] for label, _ in builds}
    for round_number in range(runs):
        for label, binary in (builds if round_number % 2 == 0 else builds[::-1]):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([binary, "annotate", "--format", "json", path],
                           stdout=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times[label].append((wall, cpu))
    for label, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        print(f"{label:8} wall median {1000 * wall:7.1f} ms   CPU median {1000 * cpu:7.1f} ms   ({len(samples)} runs)")


if __name__ == "__main__":
    main()
