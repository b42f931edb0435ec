#!/usr/bin/env python3
"""Writes a JSON Lines feed of whole articles, the workload `dossier annotate` sees from a crawler.

The articles are the texts of ../shared/eval (train/, dev/ and quotes-dev/), each line one article
with its title, repeated in a fixed shuffled order until the feed reaches the size asked for.

    Benchmarks/feed/make-feed.py --megabytes 10 --shared ../shared > /tmp/feed10.jsonl

With --one-line it writes instead one line of real news text, the hostile shape that the fuzz
script's repeated sentence is not: the dev/ and quotes-dev/ texts, line breaks made spaces, joined
by spaces and repeated, cut to the size at a character boundary (no line feed at the end).
--letters cyrillic or greek writes that text with each Latin letter replaced by one of that
alphabet, letter for letter and case kept: the words, their repetitions, capitals and punctuation of
real news, in a script whose every letter is outside ASCII (two bytes in UTF-8).
--short-paragraphs writes the GUM texts of dev/ and train/ (news, interviews, guides, biographies:
clean text, no pasted page) with every sentence a paragraph of its own, opened by a running time
stamp as in a transcript ("[01:02:03] "): hundreds of thousands of short paragraphs, the shape whose
per-paragraph costs the single line never shows. The stamps keep the repeated text from reading as a
page printed twice (the boilerplate filter drops a paragraph whose opening repeats an earlier one's);
leaving out the pasted pages (the seed, quotes-dev/) keeps their chrome from making the whole text
read as one page, of which the filter keeps only the article.
"""
import argparse, glob, json, os, random, re, sys

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--megabytes", type=float, default=10, help="size of the feed (default 10)")
    ap.add_argument("--shared", default=os.environ.get("DOSSIER_SHARED", "../shared"), help="the shared folder holding eval/")
    ap.add_argument("--seed", type=int, default=1, help="shuffle seed (default 1)")
    ap.add_argument("--one-line", action="store_true", help="one line of news text (dev/ and quotes-dev/), not a feed")
    ap.add_argument("--letters", choices=sorted(LETTERS), default="latin",
                    help="with --one-line: the alphabet its letters are written in (default latin)")
    ap.add_argument("--short-paragraphs", action="store_true",
                    help="with --one-line: every sentence a paragraph of its own (blank lines between)")
    args = ap.parse_args()
    if args.short_paragraphs and not args.one_line:
        sys.exit("make-feed.py: --short-paragraphs goes with --one-line")
    if args.one_line:
        return write_one_line(args)
    lines = [json.dumps({"title": gold.get("title") or "", "text": gold["text"]}, ensure_ascii=False) + "\n"
             for gold in gold_articles(args.shared, ("dev", "quotes-dev", "train"))]
    random.Random(args.seed).shuffle(lines)
    target = int(args.megabytes * 1_000_000)
    out, written, k = sys.stdout, 0, 0
    while written < target:
        line = lines[k % len(lines)]
        out.write(line)
        written += len(line.encode("utf-8"))
        k += 1
    print(f"make-feed.py: {k} articles, {written} bytes", file=sys.stderr)

def gold_articles(shared, sets):
    """The gold JSON of every article of `sets` under shared/eval, set by set. Within a set the order
    is `glob`'s, as it has been for every feed figure in Benchmarks/README.md (the feed is shuffled)."""
    files = [f for s in sets for f in glob.glob(os.path.join(shared, "eval", s, "*.json"))]
    if not files:
        sys.exit(f"make-feed.py: no eval articles under {shared}/eval (give --shared)")
    for path in files:
        with open(path, encoding="utf-8") as f:
            yield json.load(f)

# a–z in another alphabet, letter for letter (the capitals are their uppercase forms).
LETTERS = {
    "latin": "abcdefghijklmnopqrstuvwxyz",
    "cyrillic": "абцдефгхийклмнопярстужвьыз",
    "greek": "αβψδεφγηιξκλμνοπρστθωςυχζά",
}

def write_one_line(args):
    if args.short_paragraphs:
        return write_short_paragraphs(args.shared, int(args.megabytes * 1_000_000))
    texts = [gold["text"].replace("\r", " ").replace("\n", " ") for gold in gold_articles(args.shared, ("dev", "quotes-dev"))]
    letters = LETTERS[args.letters]
    table = str.maketrans("abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", letters + letters.upper())
    target = int(args.megabytes * 1_000_000)
    unit = (" ".join(texts) + " ").translate(table).encode("utf-8")
    data = (unit * (target // len(unit) + 1))[:target]
    # Cut at a character boundary: drop the continuation bytes of a character the size split.
    while data and (data[-1] & 0xC0) == 0x80:
        data = data[:-1]
    if data and data[-1] >= 0xC0:
        data = data[:-1]
    sys.stdout.buffer.write(data)
    print(f"make-feed.py: one line of {len(texts)} articles repeated, {args.letters} letters, {len(data)} bytes", file=sys.stderr)

def write_short_paragraphs(shared, target):
    files = sorted(f for s in ("dev", "train") for f in glob.glob(os.path.join(shared, "eval", s, "GUM_*.json")))
    if not files:
        sys.exit(f"make-feed.py: no GUM texts under {shared}/eval (give --shared)")
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            texts.append(json.load(f)["text"].replace("\r", " ").replace("\n", " "))
    sentences = [s.strip() for s in re.split(r"(?<=[.?!]) ", " ".join(texts)) if s.strip()]
    out, written, k = sys.stdout.buffer, 0, 0
    while written < target:
        seconds = k * 7
        line = f"[{seconds // 3600 % 100:02}:{seconds // 60 % 60:02}:{seconds % 60:02}] {sentences[k % len(sentences)]}\n\n"
        data = line.encode("utf-8")[:target - written]
        while data and (data[-1] & 0xC0) == 0x80:   # cut at a character boundary
            data = data[:-1]
        if data and data[-1] >= 0xC0:
            data = data[:-1]
        if not data:
            break
        out.write(data)
        written += len(data)
        k += 1
    print(f"make-feed.py: {k} short paragraphs of {len(sentences)} sentences, {written} bytes", file=sys.stderr)

if __name__ == "__main__":
    main()
