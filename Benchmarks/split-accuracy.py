#!/usr/bin/env python3
"""How well `dossier annotate` cuts a paste of several articles into its articles.

    python3 Benchmarks/split-accuracy.py [--eval ../shared/eval] [--pastes 200] [--seed 14] -- .build/debug/dossier

Pastes are built from the articles of the eval folder (dev, train, quotes-dev; a quotes-dev body gets
the headline of its page) as a person would paste them: per article a headline line, maybe a byline,
a date line or a wire dateline opening the body ("KESTRAVA — …"), then the body; 2 to 5 articles in
random order, joined

  - with separators:    a rule (`---`, `* * *`, `====`) between articles, the byline/date maybe absent;
  - without separators: each article carries a byline, a date line or a dateline;
  - bare:               no rule and no byline, date or dateline. A headline over body text then looks
                        like a section heading; these are reported apart, as the known limit;
  - pages:              2 to 3 whole pasted web pages of boilerplate-dev.json (site chrome included).

A paste is split exactly when annotate prints one JSON line per article and each starts on the
article's headline line (its "source" is FILE:LINE), or, for pages, each printed article holds most
of its own page's body and little of any other. Each article and each page alone must stay one
article ("one stays one").
"""
import argparse, glob, json, os, random, re, subprocess, sys, tempfile
from collections import Counter

# Invented names only: none occurs in the eval texts.
BYLINES = ["By Ada Quell", "By Tomas Varga and Lin Oduya", "BY RENATA SKOV", "By Ilse Marwick, Staff Writer",
           "By Kofi Brandt | Correspondent", "By: Mira Halvorsen"]
DATELINES = ["KESTRAVA \u2014 ", "PORT ELLIS, Vendara \u2014 ", "NORDHAVEN (Wire Service) - ", "OSTERLIND \u2013 "]
DATES = ["Tuesday, March 3, 2026", "Published 12 March 2026 09:40", "Nov. 20, 2025", "Updated: June 4, 2026 at 5:06 pm"]
SEPARATORS = ["---", "* * *", "====", "-----", "***"]
WORD = re.compile(r"\w+", re.UNICODE)


def site_suffix_removed(title):
    for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if len(tail.split()) <= 5 and len(head.split()) >= 3:
                return head
    return title


def load_articles(root):
    pages = json.load(open(os.path.join(root, "boilerplate-dev.json"), encoding="utf-8"))["pages"]
    page_title = {p["body"]: site_suffix_removed(p["input"].strip().split("\n")[0].strip()) for p in pages}
    articles = []
    for folder in ("dev", "train", "quotes-dev"):
        for path in sorted(glob.glob(os.path.join(root, folder, "*.json"))):
            doc = json.load(open(path, encoding="utf-8"))
            text = doc["text"].strip()
            title = doc.get("title") or ""
            if isinstance(title, dict):  # a title span: what comes before it (a breadcrumb) is left out
                text = doc["text"][title["end"]:].strip()
                title = title["text"]
            title = title.strip()
            if title and text.startswith(title):
                body = text[len(title):].strip()
            elif title:
                body = text
            else:
                title = page_title.get(doc["text"]) or ""
                body = text
            if title and body:
                articles.append((os.path.basename(path), title, body))
    return articles, pages


def render(title, body, cue):
    """The article's lines as pasted, with the cue asked for."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    head = [title]
    if cue == "byline":
        head.append(random.choice(BYLINES))
    elif cue == "date":
        head.append(random.choice(DATES))
    elif cue == "dateline":
        paragraphs[0] = random.choice(DATELINES) + paragraphs[0]
    return "\n\n".join(head + paragraphs)


def build(articles, n, separators, cues):
    chosen = random.sample(articles, n)
    pieces, starts, line = [], [], 1
    for k, (_, title, body) in enumerate(chosen):
        if k:
            joint = "\n\n" + random.choice(SEPARATORS) + "\n\n" if separators else "\n\n"
            pieces.append(joint)
            line += joint.count("\n")
        starts.append(line)
        piece = render(title, body, random.choice(cues))
        pieces.append(piece)
        line += piece.count("\n")
    return "".join(pieces), starts


def run(binary, text, folder):
    path = os.path.join(folder, "paste.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = subprocess.run([binary, "annotate", "--format", "json", path], capture_output=True, timeout=300)
    if out.returncode != 0:
        sys.exit(f"exit {out.returncode}: {out.stderr.decode(errors='replace')[:300]}")
    results = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]
    return results


def start_lines(results):
    lines = []
    for r in results:
        source = r.get("source", "")
        tail = source.rsplit(":", 1)[-1] if ":" in source else "1"
        lines.append(int(tail) if tail.isdigit() else 1)
    return lines


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def share(body, text):
    """The share of the body's 4-word shingles found in text."""
    b, t = shingles(body), shingles(text)
    total = sum(b.values())
    return sum(min(c, t[k]) for k, c in b.items()) / total if total else 0.0


def pages_exact(results, bodies):
    if len(results) != len(bodies):
        return False
    for k, r in enumerate(results):
        shares = [share(body, r.get("text", "")) for body in bodies]
        if shares[k] < 0.5 or any(s > 0.2 for j, s in enumerate(shares) if j != k):
            return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    near = [os.path.join(repo, *[".."] * up, "shared", "eval") for up in (1, 2)]
    ap.add_argument("--eval", default=next((d for d in near if os.path.isdir(d)), near[0]))
    ap.add_argument("--pastes", type=int, default=200, help="pastes per kind (pages: half as many)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--keep", metavar="DIR", help="with --show, write every paste not split exactly into DIR")
    ap.add_argument("--show", action="store_true", help="print the start lines of every paste that is not split exactly")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    a, cmd = ap.parse_args(argv[:cut]), argv[cut + 1:]
    binary = cmd[0] if cmd else ".build/debug/dossier"
    random.seed(a.seed)
    articles, pages = load_articles(a.eval)
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        kinds = [("with separators", True, ["none", "byline", "date", "dateline"]),
                 ("without separators", False, ["byline", "date", "dateline"]),
                 ("bare", False, ["none"])]
        for name, separators, cues in kinds:
            exact = 0
            for _ in range(a.pastes):
                text, starts = build(articles, random.randint(2, 5), separators, cues)
                got = start_lines(run(binary, text, folder))
                if got == starts:
                    exact += 1
                elif a.show:
                    print(f"  {name}: expected {starts}, got {got}")
                    if a.keep:
                        os.makedirs(a.keep, exist_ok=True)
                        with open(os.path.join(a.keep, f"{name.replace(' ', '-')}-{exact}-{len(os.listdir(a.keep))}.txt"), "w") as f:
                            f.write(text)
                            f.write("\n#expected " + json.dumps(starts) + " got " + json.dumps(got) + "\n")
            figures[name] = (exact, a.pastes)
        exact = 0
        page_pastes = a.pastes // 2
        for _ in range(page_pastes):
            chosen = random.sample(pages, random.randint(2, 3))
            joint = "\n\n" + random.choice(SEPARATORS) + "\n\n" if random.random() < 0.5 else "\n\n"
            results = run(binary, joint.join(p["input"] for p in chosen), folder)
            if pages_exact(results, [p["body"] for p in chosen]):
                exact += 1
            elif a.show:
                print(f"  pages: {len(chosen)} pages, got {len(results)} articles")
        figures["pages"] = (exact, page_pastes)
        alone = 0
        for _, title, body in articles:
            alone += len(run(binary, render(title, body, random.choice(["none", "byline", "date", "dateline"])), folder)) == 1
        for page in pages:
            alone += len(run(binary, page["input"], folder)) == 1
        figures["one stays one"] = (alone, len(articles) + len(pages))
    for name, (hit, total) in figures.items():
        print(f"{name:20s} {hit:4d}/{total:<4d} {100 * hit / total:5.1f} %")
    main_hit = figures["with separators"][0] + figures["without separators"][0]
    main_total = figures["with separators"][1] + figures["without separators"][1]
    print(f"split exact (with and without separators): {100 * main_hit / main_total:.1f} %")


if __name__ == "__main__":
    main()
