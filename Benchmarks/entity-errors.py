#!/usr/bin/env python3
"""Where the cross-validated entity figures lose points, by kind of error and by genre.

    Benchmarks/cv-entities.sh --keep /tmp/cv
    python3 Benchmarks/entity-errors.py /tmp/cv [--dossier .build/debug/dossier] [--examples N]

For each fold kept by `cv-entities.sh --keep`, every held-out gold article is annotated with that
fold's model (DOSSIER_ENTITY_MODEL) and compared with the gold the way `score.py` does (a prediction
hits a gold unit when it overlaps the unit's head and stays inside the unit). Predictions are cached
in FOLD/pred/ so a second run (another breakdown, more examples) costs nothing; delete them after
changing the code. Counted per scored gold unit (person, organisation, place):
  ok          hit by a prediction of its type
  wrong-type  hit only by predictions of another scored type (counted as gold->predicted)
  as-other    hit only by predictions of an unscored kind (other, group, event, work)
  boundary    not hit, but a prediction overlaps it (too long, or misses the head)
  missed      no prediction overlaps it
and per scored prediction that hits no gold unit (and overlaps no unscored one): spurious, by kind.
Optional gold units (inside a longer gold name) count only when hit, as in score.py.
--examples N prints up to N example texts per category (they hold real names: for the terminal only).
Last, score.py's own entity F1 (typed and untyped, pooled over folds) per genre by file-name prefix
("GUM_news_x" -> news; files without a GUM_ prefix count under their set, e.g. dev) and per set.
"""
import argparse, collections, glob, json, os, subprocess, sys, tempfile

SCORED = ("person", "organization", "place")


def load_score_module(path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotate(dossier, model, text, cache):
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            return json.load(f)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "article.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        env = dict(os.environ, DOSSIER_ENTITY_MODEL=model)
        out = subprocess.run([dossier, "annotate", "--format", "json", path], capture_output=True, env=env, check=True)
    pred = json.loads(out.stdout.decode("utf-8"))
    with open(cache, "w", encoding="utf-8") as f:
        json.dump(pred, f)
    return pred


def breakdown(score, gold, pred):
    """Yields (category, detail, example text) for one article."""
    text = gold["text"]
    omap = score.OffsetMap(pred.get("text", text), text)
    golds = gold.get("entities", [])
    for g in golds:
        g.setdefault("head_start", g["start"]); g.setdefault("head_end", g["end"])
        g["optional"] = any(o is not g and o["start"] <= g["start"] and g["end"] <= o["end"]
                            and (o["end"] - o["start"]) > (g["end"] - g["start"]) for o in golds)
    preds = []
    for ent in pred.get("entities", []):
        kind = score.kind_of(ent.get("kind") or ent.get("type"))
        for m in ent.get("mentions", []):
            span = omap(m["start"], m["end"])
            if span is None:
                continue
            s, e = score.trim(text, *span)
            preds.append(dict(start=s, end=e, kind=kind))

    def hits(p, g):
        return p["start"] < g["head_end"] and g["head_start"] < p["end"] and g["start"] <= p["start"] and p["end"] <= g["end"]

    for g in golds:
        if g["type"] not in SCORED:
            continue
        hitting = [p for p in preds if hits(p, g)]
        example = text[g["start"]:g["end"]]
        if any(score.same_type(p["kind"], g) for p in hitting):
            yield "ok", g["type"], example
            continue
        if g["optional"]:
            continue
        scored = [p["kind"] for p in hitting if p["kind"] in SCORED]
        if scored:
            yield "wrong-type", f"{g['type']}->{scored[0]}", example
        elif hitting:
            yield "as-other", f"{g['type']}->{hitting[0]['kind']}", example
        elif any(p["start"] < g["end"] and g["start"] < p["end"] for p in preds):
            yield "boundary", g["type"], example
        else:
            yield "missed", g["type"], example
    for p in preds:
        if p["kind"] not in SCORED or any(hits(p, g) for g in golds):
            continue
        if any(p["start"] < g["end"] and g["start"] < p["end"] and g["type"] not in SCORED for g in golds):
            continue
        yield "spurious", p["kind"], text[p["start"]:p["end"]]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    shared = os.environ.get("DOSSIER_SHARED", os.path.join(repo, "..", "shared"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", help="the --keep folder of cv-entities.sh")
    ap.add_argument("--dossier", default=os.path.join(repo, ".build", "debug", "dossier"))
    ap.add_argument("--score", default=os.path.join(shared, "eval", "score.py"))
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    if not os.path.isdir(args.keep):
        sys.exit(f"entity-errors.py: no folder {args.keep}")
    score = load_score_module(args.score)

    counts = collections.Counter()
    # score.py's (tp, fp, fn) of "ent" and "ent_untyped", summed per file-name genre and per set.
    exact = collections.defaultdict(lambda: {"ent": [0, 0, 0], "ent_untyped": [0, 0, 0], "documents": 0})
    details = collections.Counter()
    by_genre = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    folds = sorted(glob.glob(os.path.join(args.keep, "fold*")))
    if not folds:
        sys.exit(f"entity-errors.py: no fold folders in {args.keep}")
    for fold in folds:
        model = os.path.join(fold, "model.txt")
        os.makedirs(os.path.join(fold, "pred"), exist_ok=True)
        for gold_path in sorted(glob.glob(os.path.join(fold, "*", "*.json"))):
            set_name = os.path.basename(os.path.dirname(gold_path))
            if set_name == "pred":
                continue
            with open(gold_path, encoding="utf-8") as f:
                gold = json.load(f)
            cache = os.path.join(fold, "pred", os.path.basename(gold_path))
            pred = annotate(args.dossier, model, gold["text"], cache)
            genre = gold.get("genre") or set_name
            result = score.score_doc(json.loads(json.dumps(gold)), pred)
            for group in (name_genre(os.path.basename(gold_path), set_name), set_name + "/"):
                exact[group]["documents"] += 1
                for key in ("ent", "ent_untyped"):
                    exact[group][key] = [x + y for x, y in zip(exact[group][key], result[key])]
            for category, detail, example in breakdown(score, gold, pred):
                counts[category] += 1
                details[(category, detail)] += 1
                by_genre[genre][category] += 1
                if len(examples[(category, detail)]) < args.examples:
                    examples[(category, detail)].append(example)

    categories = ["ok", "wrong-type", "as-other", "boundary", "missed", "spurious"]
    print("totals: " + ", ".join(f"{c} {counts[c]}" for c in categories))
    for (category, detail), n in sorted(details.items(), key=lambda x: (categories.index(x[0][0]), -x[1])):
        if category == "ok":
            continue
        line = f"  {category:<10} {detail:<26} {n:5d}"
        if examples[(category, detail)]:
            line += "   e.g. " + " | ".join(examples[(category, detail)])
        print(line)
    print("by genre (F1 from these counts: tp ok; fp wrong-type + spurious; fn the rest):")
    for genre, c in sorted(by_genre.items()):
        tp, fp = c["ok"], c["wrong-type"] + c["spurious"]
        fn = c["wrong-type"] + c["as-other"] + c["boundary"] + c["missed"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {genre:<12} F1 {f:.3f}  " + ", ".join(f"{k} {c[k]}" for k in categories))

    print("score.py entity F1 by file-name genre and by set (pooled over folds):")
    for group, c in sorted(exact.items(), key=lambda x: (x[0].endswith("/"), x[0])):
        print(f"  {group:<12} {c['documents']:3d} docs  entity {f1(*c['ent']):.3f}  untyped {f1(*c['ent_untyped']):.3f}"
              f"  (tp {c['ent'][0]}, fp {c['ent'][1]}, fn {c['ent'][2]})")


def name_genre(file_name, set_name):
    """"GUM_news_clock.json" -> "news"; a file without the GUM_ prefix counts under its set."""
    parts = file_name.split("_")
    return parts[1] if len(parts) >= 3 and parts[0] == "GUM" else set_name


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    main()
