#!/usr/bin/env python3
"""Buckets the speaker attribution misses of dossier against gold quotations (issue 12).

    python3 Benchmarks/speaker-errors.py [--eval DIR] [--set quotes-dev --set dev] [--dossier PATH] [--list]

For every gold speech quotation with a speaker, runs `dossier annotate --format json` on the
article (once per article) and sorts the quotation into one of:
  right, no speaker (the quote found but left without one), wrong speaker, quote missed.
Each miss is also tagged by where the gold cue word sits (before the quote in its paragraph,
after it, in the paragraph before, or none: a continuation paragraph), and by the kind of
speaker phrase written next to the cue (pronoun, title-only description, organisation word,
unnamed phrase). Prints the counts per bucket and, with --list, every miss with its context,
so that the next fix is chosen by how many quotations it would reach, never by one article.
Set DOSSIER_SPEAKER_MODEL to score with a cross-validation fold's model instead of the built-in one.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
ORG_WORDS = {"ministry", "department", "agency", "company", "group", "office", "police", "government", "court",
             "statement", "report", "letter", "council", "committee", "union", "party", "firm", "university"}


def load_scorer(eval_dir):
    sys.path.insert(0, eval_dir)
    import score  # the gold folder's scorer: its name matching and trimming are the measure
    return score


def annotate(dossier, text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "article.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        out = subprocess.run([dossier, "annotate", "--format", "json", path], capture_output=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.decode(errors="replace")[:300])
        return json.loads(out.stdout.decode("utf-8"))


def overlaps(text, score, predicted, gold):
    s, e = score.trim(text, gold["start"], gold["end"])
    inter = min(predicted[1], e) - max(predicted[0], s)
    return inter > 0 and inter >= 0.5 * (e - s)


def paragraph_bounds(text, offset):
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


def cue_position(text, quote, cue):
    """Where the gold cue word is: before/after the quote in its paragraph, the paragraph before, or none."""
    if not cue:
        return "none"
    p_start, p_end = paragraph_bounds(text, quote["start"])
    word = re.compile(r"\b" + re.escape(cue.split()[0]) + r"\b", re.I)
    if word.search(text, quote["end"], p_end):
        return "after"
    if word.search(text, p_start, quote["start"]):
        return "before"
    prev_start, _ = paragraph_bounds(text, max(0, p_start - 2))
    if word.search(text, prev_start, p_start):
        return "paragraph-before"
    return "elsewhere"


def subject_form(text, quote, cue):
    """The kind of words next to the cue: pronoun, title-only ('the spokeswoman'), organisation, or a name."""
    if not cue:
        return "-"
    p_start, p_end = paragraph_bounds(text, quote["start"])
    window = text[max(p_start, quote["start"] - 160):min(p_end, quote["end"] + 160)]
    m = re.search(r"(\b\w+\W+\w+\W+)?\b" + re.escape(cue.split()[0]) + r"\b\W+(\w+\W+\w+)?", window, re.I)
    if not m:
        return "-"
    words = [w.lower() for w in re.findall(r"[\w’']+", m.group(0))]
    if PRONOUNS & set(words):
        return "pronoun"
    if "according" in words:
        return "according-to"
    if any(w in ORG_WORDS for w in words):
        return "organisation-word"
    if re.search(r"\b(the|a|an)\s+[a-z]", m.group(0)):
        return "description"
    return "name"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=os.environ.get("DOSSIER_EVAL", os.path.join(here, "..", "..", "shared", "eval")))
    ap.add_argument("--set", action="append", help="gold folder under --eval (default: quotes-dev and dev)")
    ap.add_argument("--dossier", default=os.path.join(here, "..", ".build", "debug", "dossier"))
    ap.add_argument("--list", action="store_true", help="print every miss with its context")
    args = ap.parse_args()
    if not os.path.isdir(args.eval):
        sys.exit(f"speaker-errors.py: no gold folder {args.eval} (give --eval DIR)")
    if not os.access(args.dossier, os.X_OK):
        sys.exit(f"speaker-errors.py: no dossier binary at {args.dossier} (swift build first)")
    score = load_scorer(args.eval)
    buckets = collections.Counter()
    detail = collections.Counter()
    misses = []
    for folder in args.set or ["quotes-dev", "dev"]:
        directory = os.path.join(args.eval, folder)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".json"):
                continue
            gold = json.load(open(os.path.join(directory, name), encoding="utf-8"))
            golds = [q for q in gold.get("quotes", []) if q.get("speech", True) and q.get("speaker")]
            if not golds:
                continue
            text = gold["text"]
            pred = annotate(args.dossier, text)
            omap = score.OffsetMap(pred.get("text", text), text)
            names = {str(e.get("id")): e.get("name") for e in pred.get("entities", [])}
            predicted = []
            for q in pred.get("quotes", []):
                span = omap(q["start"], q["end"])
                if span is None:
                    continue
                s, e = score.trim(text, *span)
                sp = q.get("speaker")
                predicted.append((s, e, names.get(str(sp), sp) if sp is not None else None))
            # As score.py pairs them: each predicted quotation goes to the first speech quotation it
            # overlaps by half, and only the first prediction paired with a gold quotation counts.
            speech = [q for q in gold.get("quotes", []) if q.get("speech", True)]
            paired = {}
            for p in predicted:
                g = next((g for g in speech if overlaps(text, score, p, g)), None)
                if g is not None and id(g) not in paired:
                    paired[id(g)] = p
            for g in golds:
                hit = paired.get(id(g))
                if hit is None:
                    outcome = "quote missed"
                elif not hit[2]:
                    outcome = "no speaker"
                elif score.name_match(hit[2], g["speaker"]):
                    outcome = "right"
                else:
                    outcome = "wrong speaker"
                buckets[(folder, outcome)] += 1
                if outcome == "right":
                    continue
                where = cue_position(text, g, g.get("cue"))
                form = subject_form(text, g, g.get("cue"))
                detail[(folder, outcome, where, form)] += 1
                p_start, p_end = paragraph_bounds(text, g["start"])
                misses.append((folder, name[:10], outcome, where, form, g["speaker"], hit[2] if hit else None,
                               g.get("cue"), text[max(p_start, g["start"] - 200):min(p_end, g["end"] + 120)]))
    for folder in args.set or ["quotes-dev", "dev"]:
        total = sum(n for (f, _), n in buckets.items() if f == folder)
        print(f"{folder}: {total} gold quotations with a speaker")
        for (f, outcome), n in sorted(buckets.items()):
            if f == folder:
                print(f"  {outcome:14s} {n}")
        for (f, outcome, where, form), n in sorted(detail.items(), key=lambda x: -x[1]):
            if f == folder:
                print(f"    {n:3d}  {outcome:14s} cue {where:16s} {form}")
    if args.list:
        for m in misses:
            print("\n--- {} {} | {} | cue {} ({}) | gold {!r} got {!r} | cue word {!r}".format(*m[:8]))
            print("    " + m[8].replace("\n", " "))


if __name__ == "__main__":
    main()
