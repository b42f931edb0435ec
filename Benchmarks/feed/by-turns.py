#!/usr/bin/env python3
"""Times `dossier annotate --format json FILE` for two or more builds by turns, and prints the
median wall and CPU (user + sys, from the children's rusage: finer than /usr/bin/time's 10 ms).

    python3 Benchmarks/feed/by-turns.py 20 /tmp/tiny.txt old=/tmp/dossier-base new=.build/release/dossier
    python3 Benchmarks/feed/by-turns.py --jobs 1 41 .build-bench/feed-1mb.jsonl old=... new=...

Each LABEL=BINARY runs once per round; the order of the builds flips every round, so that a
machine getting busier or quieter does not favour one. With two builds it also prints the median
of the per-round ratios (the second over the first): each round's two runs are a minute apart at
most, so the ratio is steadier than the ratio of the medians when the machine's speed drifts. The
machine is shared and noisy: compare builds only within one call.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    arguments = sys.argv[1:]
    jobs = []
    if arguments[:1] == ["--jobs"] and len(arguments) >= 2:
        jobs = ["--jobs", arguments[1]]
        arguments = arguments[2:]
    if len(arguments) < 3:
        sys.exit(__doc__)
    runs, path = int(arguments[0]), arguments[1]
    builds = [argument.split("=", 1) for argument in arguments[2:]]
    times = {label: [] for label, _ in builds}
    for round_number in range(runs):
        for label, binary in (builds if round_number % 2 == 0 else builds[::-1]):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([binary, "annotate", "--format", "json", *jobs, path],
                           stdout=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times[label].append((wall, cpu))
    for label, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        print(f"{label:8} wall median {1000 * wall:7.1f} ms   CPU median {1000 * cpu:7.1f} ms   ({len(samples)} runs)")
    if len(builds) == 2:
        (first, _), (second, _) = builds
        pairs = list(zip(times[first], times[second]))
        wall_ratio = statistics.median(b[0] / a[0] for a, b in pairs)
        cpu_ratio = statistics.median(b[1] / a[1] for a, b in pairs)
        print(f"{second}/{first} per round, median: wall {wall_ratio:.3f}   CPU {cpu_ratio:.3f}")


if __name__ == "__main__":
    main()
