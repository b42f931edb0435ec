#!/usr/bin/env python3
"""Writes a JSON Lines feed of whole articles, the workload `dossier annotate` sees from a crawler.

The articles are the texts of ../shared/eval (train/, dev/ and quotes-dev/), each line one article
with its title, repeated in a fixed shuffled order until the feed reaches the size asked for.

    Benchmarks/feed/make-feed.py --megabytes 10 --shared ../shared > /tmp/feed10.jsonl
"""
import argparse, glob, json, os, random, sys

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--megabytes", type=float, default=10, help="size of the feed (default 10)")
    ap.add_argument("--shared", default=os.environ.get("DOSSIER_SHARED", "../shared"), help="the shared folder holding eval/")
    ap.add_argument("--seed", type=int, default=1, help="shuffle seed (default 1)")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.shared, "eval", s, "*.json")) for s in ("train", "dev", "quotes-dev"))
    files = [f for group in files for f in group]
    if not files:
        sys.exit(f"make-feed.py: no eval articles under {args.shared}/eval (give --shared)")
    lines = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        lines.append(json.dumps({"title": gold.get("title") or "", "text": gold["text"]}, ensure_ascii=False) + "\n")
    random.Random(args.seed).shuffle(lines)
    target = int(args.megabytes * 1_000_000)
    out, written, k = sys.stdout, 0, 0
    while written < target:
        line = lines[k % len(lines)]
        out.write(line)
        written += len(line.encode("utf-8"))
        k += 1
    print(f"make-feed.py: {k} articles, {written} bytes", file=sys.stderr)

if __name__ == "__main__":
    main()
