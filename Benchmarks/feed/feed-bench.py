#!/usr/bin/env python3
"""The workload users run: `dossier annotate --format json` on a JSON Lines feed of whole articles,
timed beside `wc -w` on the same file in the same run, plus the hostile shapes of issue 13.

    swift build -c release && Benchmarks/feed/feed-bench.py            # full run (several minutes)
    Benchmarks/feed/feed-bench.py --quick                              # 10 MB feed, 3 runs, no hostile inputs
    Benchmarks/feed/feed-bench.py --baseline OTHER/.build/release/dossier   # beside another build, interleaved

Prints Markdown tables: medians of --runs runs of wall-clock time, MB/s, the ratio to `wc -w`,
time per MB at 1, 10 and 100 MB, and wall time and peak RSS (from /usr/bin/time) of the hostile
shapes: a 50 MB single line of one repeated sentence (the fuzz script's shape), a 50 MB line of real
news text (emoji, curly quotes, a description or a cue in most sentences) and a file of 200,000 short
lines. Inputs are made under .build-bench/ (nothing big is committed).
"""
import argparse, os, resource, statistics, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

def run_timed(argv, stdin_path=None):
    """Wall-clock seconds of one run, output discarded; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        subprocess.run(argv, stdout=sink, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

def median_time(argv, runs):
    return statistics.median(run_timed(argv) for _ in range(runs))

def peak(argv):
    """(wall seconds, peak RSS in MB of 10^6 bytes, as the inputs are counted) of one run under /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + argv, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"feed-bench.py: {' '.join(argv)} exited {result.returncode}: {result.stderr.strip()[-300:]}")
    wall, kb = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) * 1024 / 1e6

def make_feed(work, megabytes, shared):
    path = os.path.join(work, f"feed-{megabytes}mb.jsonl")
    if not os.path.exists(path):
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "feed", "make-feed.py"),
                            "--megabytes", str(megabytes), "--shared", shared], stdout=out, check=True)
    return path

def make_news_line(work, shared, letters="latin"):
    """50 MB of real news text on one line (`make-feed.py --one-line`), its letters Latin, Cyrillic or Greek."""
    path = os.path.join(work, "news-line-50mb.txt" if letters == "latin" else f"news-line-{letters}-50mb.txt")
    if not os.path.exists(path):
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "feed", "make-feed.py"),
                            "--one-line", "--megabytes", "50", "--letters", letters, "--shared", shared],
                           stdout=out, check=True)
    return path

def make_short_paragraphs(work, shared):
    """50 MB of the same news text with every sentence a paragraph of its own (`make-feed.py --short-paragraphs`)."""
    path = os.path.join(work, "short-paragraphs-50mb.txt")
    if not os.path.exists(path):
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "feed", "make-feed.py"),
                            "--one-line", "--short-paragraphs", "--megabytes", "50", "--shared", shared],
                           stdout=out, check=True)
    return path

def hostile_inputs(work, shared):
    """The hostile shapes, by name: issue 13's, the news line in two scripts outside ASCII, and the
    news text cut into a paragraph a sentence."""
    single, lines = make_hostile(work)
    return (("50 MB single line", single),
            ("50 MB line of news text", make_news_line(work, shared)),
            ("50 MB line of news text, Cyrillic letters", make_news_line(work, shared, "cyrillic")),
            ("50 MB line of news text, Greek letters", make_news_line(work, shared, "greek")),
            ("50 MB of news text, a paragraph a sentence", make_short_paragraphs(work, shared)),
            ("200,000 short lines", lines))

def make_hostile(work):
    single = os.path.join(work, "single-line-50mb.txt")
    if not os.path.exists(single):
        sentence = "The minister said the talks, which began in 2019, would resume with 1,200 delegates. "
        with open(single, "wb") as f:
            f.write((sentence * (50_000_000 // len(sentence) + 1)).encode()[:50_000_000])
    lines = os.path.join(work, "short-lines-200k.txt")
    if not os.path.exists(lines):
        with open(lines, "w") as f:
            f.writelines(f"Line {i} said Bob.\n" for i in range(200_000))
    return single, lines

def run_cpu(argv):
    """(wall seconds, CPU seconds: user + sys) of one run, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run_timed(argv)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def peak_cpu(argv):
    """(wall s, CPU s, peak RSS MB) of one run under /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + argv, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"feed-bench.py: {' '.join(argv)} exited {result.returncode}: {result.stderr.strip()[-300:]}")
    wall, user, system, kb = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(kb) * 1024 / 1e6

def compare(args, work, runs):
    """This build beside `--baseline`, run by turns in one run (the machine's load hits both alike):
    medians of wall and CPU time on the 10 MB feed, then the hostile inputs once each."""
    feed = make_feed(work, 10, args.shared)
    size = os.path.getsize(feed) / 1e6
    builds = (("baseline", args.baseline), ("this build", args.dossier))
    shapes = (("all cores", []), ("--jobs 1", ["--jobs", "1"]))
    times = {(b, j): [] for b, _ in builds for j, _ in shapes}
    wc = []
    for _ in range(runs):
        wc.append(run_timed(["wc", "-w", feed]))
        for shape, extra in shapes:
            for build, binary in builds:
                times[(build, shape)].append(run_cpu([binary, "annotate", "--format", "json"] + extra + [feed]))
    wc_s = statistics.median(wc)
    print(f"| 10 MB feed | build | median wall s | MB/s | × wc -w | median CPU s | wall, this / baseline | CPU, this / baseline |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(f"| wc -w | | {wc_s:.3f} | {size / wc_s:.1f} | 1 | | | |")
    for shape, _ in shapes:
        base_wall = statistics.median(w for w, _ in times[("baseline", shape)])
        base_cpu = statistics.median(c for _, c in times[("baseline", shape)])
        for build, _ in builds:
            wall = statistics.median(w for w, _ in times[(build, shape)])
            cpu = statistics.median(c for _, c in times[(build, shape)])
            ratios = f"{wall / base_wall:.2f} | {cpu / base_cpu:.2f}" if build != "baseline" else " | "
            print(f"| annotate --format json, {shape} | {build} | {wall:.3f} | {size / wall:.1f} | {wall / wc_s:.0f} | {cpu:.2f} | {ratios} |")
    if args.quick:
        return
    print("\n| hostile input | build | wall s | CPU s | peak RSS MB | × input |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, path in hostile_inputs(work, args.shared):
        megabytes = os.path.getsize(path) / 1e6
        for build, binary in builds:
            wall, cpu, rss = peak_cpu([binary, "annotate", "--format", "json", path])
            print(f"| {name} | {build} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {rss / megabytes:.1f} |")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="10 MB feed only, 3 runs")
    ap.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    ap.add_argument("--shared", default=os.environ.get("DOSSIER_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--baseline", help="another dossier binary: time both by turns and print ratios "
                    "(the 10 MB feed, then the hostile inputs unless --quick)")
    args = ap.parse_args()
    if not os.access(args.dossier, os.X_OK):
        sys.exit(f"feed-bench.py: no binary at {args.dossier} (run: swift build -c release)")
    runs = 3 if args.quick else args.runs
    work = os.path.join(ROOT, ".build-bench")
    os.makedirs(work, exist_ok=True)
    load = os.getloadavg()[0]
    print(f"feed benchmark, {os.cpu_count()} cores, load {load:.1f} at start, median of {runs}\n")
    if args.baseline:
        return compare(args, work, runs)

    feed = make_feed(work, 10, args.shared)
    size = os.path.getsize(feed) / 1e6
    annotate = [args.dossier, "annotate", "--format", "json"]
    wc = median_time(["wc", "-w", feed], runs)
    every_core = median_time(annotate + [feed], runs)
    one_core = median_time(annotate + ["--jobs", "1", feed], runs)
    print("| 10 MB feed of whole articles | median s | MB/s | × wc -w |")
    print("| --- | --- | --- | --- |")
    print(f"| wc -w (baseline) | {wc:.3f} | {size / wc:.1f} | 1 |")
    print(f"| dossier annotate --format json (all cores) | {every_core:.3f} | {size / every_core:.1f} | {every_core / wc:.0f} |")
    print(f"| dossier annotate --format json --jobs 1 | {one_core:.3f} | {size / one_core:.1f} | {one_core / wc:.0f} |")
    if args.quick:
        return

    print("\n| feed size | median s | ms per MB |")
    print("| --- | --- | --- |")
    for megabytes in (1, 10, 100):
        path = make_feed(work, megabytes, args.shared)
        seconds = median_time(annotate + [path], runs if megabytes < 100 else max(1, runs // 2))
        print(f"| {megabytes} MB | {seconds:.3f} | {1000 * seconds / (os.path.getsize(path) / 1e6):.1f} |")

    print("\n| hostile input | size MB | wall s | peak RSS MB | × input |")
    print("| --- | --- | --- | --- | --- |")
    for name, path in hostile_inputs(work, args.shared):
        wall, rss = peak(annotate + [path])
        megabytes = os.path.getsize(path) / 1e6
        print(f"| {name} | {megabytes:.1f} | {wall:.2f} | {rss:.0f} | {rss / megabytes:.1f} |")

if __name__ == "__main__":
    main()
