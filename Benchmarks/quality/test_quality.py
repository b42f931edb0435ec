"""Tests of quality.sh's machinery with stand-ins: a fake shared/eval (invented documents, a fake
score.py that logs what it was asked to score and with which model files) and a stand-in trainer
(DOSSIER_TRAIN_*_CMD) that logs its arguments and writes an empty model. Needs nothing beside the
repository.   python3 -m unittest discover -s Benchmarks/quality
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import textwrap
import unittest
from unittest import mock

import cv
import figures
import quality

FAKE_SCORER = textwrap.dedent('''
    import json, os, sys
    gold = sys.argv[sys.argv.index("--gold") + 1]
    names = sorted(n for n in os.listdir(gold) if n.endswith(".json"))
    models = {v: os.environ.get(v) for v in ("DOSSIER_ENTITY_MODEL", "DOSSIER_SPEAKER_MODEL")}
    with open(os.environ["FAKE_LOG"], "a") as log:
        log.write(json.dumps({"score": os.path.basename(os.path.realpath(os.path.join(gold, names[0])) and
                              os.path.dirname(os.path.realpath(os.path.join(gold, names[0])))),
                              "names": names, "models": models,
                              "exist": {v: bool(p) and os.path.isfile(p) for v, p in models.items()}}) + "\\n")
    # Every document is right once (ten speakers); an entity and a speaker of a "miss" document are missed;
    # FAKE_BAD misses a lot.
    missed = sum("miss" in n for n in names) + (50 * len(names) if os.environ.get("FAKE_BAD") else 0)
    out = {k: {"tp": len(names), "fp": 0, "fn": 0} for k in ("ent_untyped", "alias", "quote", "num")}
    out["ent"] = {"tp": len(names), "fp": 0, "fn": missed}
    out["speaker"] = {"right": 10 * len(names), "predicted": 10 * len(names), "gold": 10 * len(names) + missed}
    out["documents"] = len(names)
    print(json.dumps(out))
''')

FAKE_BOILERPLATE = 'import json; print(json.dumps({"precision": 0.99, "recall": 0.99, "f1": 0.99, "pages": 2}))\n'

STAND_IN_TRAINER = textwrap.dedent('''
    import json, os, sys
    args = sys.argv[1:]
    exclude = open(args[args.index("--exclude") + 1]).read().split()
    out = args[args.index("--out") + 1]
    with open(os.environ["FAKE_LOG"], "a") as log:
        log.write(json.dumps({"train": sys.argv[1], "exclude": exclude, "out": out,
                              "gold": [os.path.basename(a) for a in args[args.index("--out") + 2:]]}) + "\\n")
    open(out, "w").close()
''')

SETS = {
    "dev": ["GUM_news_alpha.json", "GUM_news_bravo.json", "GUM_news_charlie_miss.json", "GUM_news_delta.json",
            "GUM_news_echo.json", "GUM_news_foxtrot.json", "seed-article.json"],
    "quotes-dev": [f"{n:02x}cafe.json" for n in range(6)],
    "train": [f"GUM_{genre}_{n}.json" for genre in ("bio", "court", "voyage") for n in range(4)],
}


class FakeShared:
    """A shared/ folder with invented gold documents and the fake scorers; a log of every call."""

    def __init__(self, root):
        self.eval = os.path.join(root, "shared", "eval")
        for set_name, names in SETS.items():
            os.makedirs(os.path.join(self.eval, set_name))
            for name in names:
                with open(os.path.join(self.eval, set_name, name), "w") as handle:
                    json.dump({"text": f"Ada Quillfeather spoke in Norrvik ({name})."}, handle)
        self.write("score.py", FAKE_SCORER)
        self.write("score_boilerplate.py", FAKE_BOILERPLATE)
        self.trainer = os.path.join(root, "stand_in_trainer.py")
        with open(self.trainer, "w") as handle:
            handle.write(STAND_IN_TRAINER)
        self.log = os.path.join(root, "calls.jsonl")

    def write(self, name, text):
        with open(os.path.join(self.eval, name), "w") as handle:
            handle.write(text)

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as handle:
            return [json.loads(line) for line in handle]


class QualityScriptTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.shared = FakeShared(self.folder.name)
        self.environment = {"FAKE_LOG": self.shared.log,
                            # Inherited model variables must not reach the built-in runs.
                            "DOSSIER_ENTITY_MODEL": "/nonexistent/inherited.txt"}
        for variable in ("DOSSIER_TRAIN_ENTITIES_CMD", "DOSSIER_TRAIN_SPEAKERS_CMD", "DOSSIER_SPEAKER_MODEL", "FAKE_BAD"):
            self.environment[variable] = ""

    def tearDown(self):
        self.folder.cleanup()

    def stand_in(self):
        return f"{sys.executable} {self.shared.trainer}"

    def run_quality(self, *arguments, **environment):
        output, errors = io.StringIO(), io.StringIO()
        env = dict(self.environment, **environment)
        with mock.patch.dict(os.environ, env), contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
            status = quality.main(["--shared", os.path.dirname(self.shared.eval), "--binary", "/bin/true",
                                   "--no-build"] + list(arguments))
        return status, output.getvalue(), errors.getvalue()

    def test_folds_partition_every_set_evenly_and_never_change(self):
        assignment = cv.assign_folds(SETS)
        self.assertEqual(assignment, cv.assign_folds({k: list(reversed(v)) for k, v in SETS.items()}))
        for set_name, names in SETS.items():
            dealt = [name for fold in assignment for name in fold[set_name]]
            self.assertEqual(sorted(dealt), sorted(names))
            sizes = [len(fold[set_name]) for fold in assignment]
            self.assertLessEqual(max(sizes) - min(sizes), 1, set_name)
        # Each genre of train/ is spread over several folds, not kept in one.
        bio_folds = {i for i, fold in enumerate(assignment) for name in fold["train"] if "_bio_" in name}
        self.assertEqual(len(bio_folds), 4)

    def test_a_name_in_two_sets_is_refused(self):
        with self.assertRaises(ValueError):
            cv.assign_folds({"dev": ["a.json"], "train": ["a.json", "b.json"]})

    def test_every_document_is_scored_once_by_models_that_never_saw_it(self):
        status, output, errors = self.run_quality("--json", os.path.join(self.folder.name, "figures.json"),
                                                  DOSSIER_TRAIN_ENTITIES_CMD=self.stand_in(),
                                                  DOSSIER_TRAIN_SPEAKERS_CMD=self.stand_in())
        self.assertEqual(status, 0, errors)
        calls = self.shared.calls()
        trainings = {call["out"]: call for call in calls if "train" in call}
        self.assertEqual(len(trainings), 2 * cv.FOLDS)
        gold_dirs = {tuple(call["gold"]) for call in trainings.values()}
        self.assertEqual(gold_dirs, {("train", "dev"), ("quotes-dev", "dev")})
        scored = {set_name: [] for set_name in SETS}
        for call in calls:
            if "score" not in call or not call["models"]["DOSSIER_ENTITY_MODEL"]:
                continue
            self.assertEqual(call["exist"], {"DOSSIER_ENTITY_MODEL": True, "DOSSIER_SPEAKER_MODEL": True})
            for model in call["models"].values():
                self.assertTrue(set(call["names"]) <= set(trainings[model]["exclude"]), call)
            scored[call["score"]] += call["names"]
        for set_name, names in SETS.items():
            self.assertEqual(sorted(scored[set_name]), sorted(names), set_name)
        builtin = [call for call in calls if "score" in call and not call["models"]["DOSSIER_ENTITY_MODEL"]]
        self.assertEqual(sorted(call["score"] for call in builtin), sorted(SETS))
        self.assertTrue(all(call["models"]["DOSSIER_SPEAKER_MODEL"] is None for call in builtin))
        self.assertIn("## Cross-validated (5 folds by document)", output)
        self.assertIn("## Built-in models (trained on these documents: not a quality figure)", output)
        with open(os.path.join(self.folder.name, "figures.json")) as handle:
            written = json.load(handle)
        # dev/: 7 documents, one missed once → pooled F1 of tp 7, fn 1.
        self.assertAlmostEqual(written["cross_validated"]["dev"]["pooled"]["entity"], figures.f1(7, 0, 1))
        self.assertEqual(len(written["cross_validated"]["dev"]["folds"]["entity"]), cv.FOLDS)

    def test_quick_scores_dev_only_with_the_same_folds(self):
        status, output, errors = self.run_quality("--quick", DOSSIER_TRAIN_ENTITIES_CMD=self.stand_in())
        self.assertEqual(status, 0, errors)
        scored_sets = {call["score"] for call in self.shared.calls() if "score" in call}
        self.assertEqual(scored_sets, {"dev"})
        self.assertIn("`dev/` (7 docs), mean ± sd over 5 folds", output)
        self.assertIn("Not cross-validated: speaker", output)
        self.assertNotIn("saved HTML", output)

    def test_without_trainers_the_built_in_figures_are_reported_with_a_note(self):
        status, output, errors = self.run_quality()
        self.assertEqual(status, 0, errors)
        self.assertFalse([call for call in self.shared.calls() if "train" in call])
        self.assertIn("## No cross-validation", output)
        self.assertIn("--no-build and no DOSSIER_TRAIN_ENTITIES_CMD", output)
        self.assertIn("| `train/` (12 docs) |", output)

    def test_check_fails_below_a_floor_and_passes_above(self):
        status, output, _ = self.run_quality("--check", "--quick")
        self.assertEqual(status, 0, output)
        status, output, _ = self.run_quality("--check", "--quick", FAKE_BAD="1")
        self.assertEqual(status, 1)
        self.assertIn("BELOW dev entity", output)

    def test_a_failing_trainer_stops_the_run_with_one_line(self):
        status, _, errors = self.run_quality("--quick", DOSSIER_TRAIN_ENTITIES_CMD="false")
        self.assertEqual(status, 2)
        self.assertIn("quality.sh: error: dossier-train-entities failed", errors)

    def test_a_missing_shared_folder_is_a_clear_error(self):
        with mock.patch.dict(os.environ, {"DOSSIER_SHARED": ""}), contextlib.redirect_stderr(io.StringIO()) as errors:
            status = quality.main(["--shared", self.folder.name, "--binary", "/bin/true", "--no-build"])
        self.assertEqual(status, 2)
        self.assertIn("holds no eval/score.py", errors.getvalue())

    def test_declared_products_are_read_from_the_package_manifest(self):
        manifest = '.executableTarget(\n    name: "dossier-bench",\n), .executableTarget(name: "dossier-train-entities", path: "x")'
        self.assertEqual(quality.declared_products(manifest), {"dossier-bench", "dossier-train-entities"})


class FigureTests(unittest.TestCase):
    def totals(self, tp, fn, right, predicted, gold, documents=1):
        layers = {layer: (tp, 0, fn) for layer in ("ent", "alias", "quote", "num")}
        return figures.Totals(layers, (right, predicted, gold), documents)

    def test_mean_sd_and_pooled_over_folds(self):
        summary = figures.FoldSummary([self.totals(1, 0, 1, 1, 1), self.totals(1, 3, 1, 2, 4)])
        per_fold = [1.0, figures.f1(1, 0, 3)]
        self.assertAlmostEqual(summary.mean["entity"], sum(per_fold) / 2)
        self.assertAlmostEqual(summary.sd["entity"], abs(per_fold[0] - per_fold[1]) / 2 ** 0.5)
        self.assertAlmostEqual(summary.pooled["entity"], figures.f1(2, 0, 3))
        self.assertAlmostEqual(summary.pooled["speaker"], 2 / 5)
        self.assertAlmostEqual(summary.pooled["speaker_precision"], 2 / 3)

    def test_a_layer_no_document_labels_is_not_applicable(self):
        empty = figures.Totals({}, (0, 0, 0))
        self.assertIsNone(empty.figures()["quote"])
        self.assertIsNone(empty.figures()["speaker"])
        self.assertEqual(figures.cells(empty.figures()), ["n/a"] * 5)
        summary = figures.FoldSummary([empty, self.totals(2, 0, 1, 1, 1)])
        self.assertEqual(summary.folds["entity"], [1.0])
        self.assertEqual(summary.sd["entity"], 0.0)


if __name__ == "__main__":
    unittest.main()
