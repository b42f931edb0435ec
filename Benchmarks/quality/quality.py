"""Benchmarks/quality.sh: the quality table of issue 12 against ../shared/eval (see Benchmarks/README.md).

Prints, for dev/, quotes-dev/ and train/, entity F1 | alias | quote F1 | speaker accuracy (precision) |
number, cross-validated by document when the trainers are there (cv.py), the same figures of the
built-in models (trained on these documents, so not a quality figure), and the two boilerplate F1
figures. --check exits 1 when a figure is below its floor (floors.py). Standard library only.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import cv
import floors
import report
from figures import Totals

BENCHMARKS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCHMARKS)
ALL_SETS = ("dev", "quotes-dev", "train")
MODEL_VARIABLES = ("DOSSIER_ENTITY_MODEL", "DOSSIER_SPEAKER_MODEL")


class Failure(Exception):
    """A one-line reason to stop, printed as `quality.sh: error: …`."""


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="Benchmarks/quality.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="dev/ and the pasted-text boilerplate figure only")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--shared", metavar="PATH",
                        help="the shared folder holding eval/ (default: $DOSSIER_SHARED, else shared/ beside the "
                             "repository or one of its parents)")
    parser.add_argument("--binary", metavar="PATH",
                        help="the dossier binary to score (default: build Benchmarks/.build/release/dossier)")
    parser.add_argument("--no-build", action="store_true",
                        help="build nothing: needs --binary; trainers come only from DOSSIER_TRAIN_*_CMD")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON to FILE")
    options = parser.parse_args(argv)
    if options.no_build and not options.binary:
        parser.error("--no-build needs --binary PATH")
    return options


def locate_shared(option):
    if option or os.environ.get("DOSSIER_SHARED"):
        shared = option or os.environ["DOSSIER_SHARED"]
        if not os.path.isfile(os.path.join(shared, "eval", "score.py")):
            raise Failure(f"{shared} holds no eval/score.py; pass --shared with the folder that does")
        return os.path.abspath(shared)
    folder = os.path.dirname(ROOT)
    while True:
        candidate = os.path.join(folder, "shared")
        if os.path.isfile(os.path.join(candidate, "eval", "score.py")):
            return candidate
        if folder == os.path.dirname(folder):
            raise Failure(f"no shared/eval/score.py beside {ROOT} or its parents; pass --shared PATH")
        folder = os.path.dirname(folder)


def swift_build(arguments):
    argv = ["swift", "build", "-c", "release"] + arguments
    log("$ " + shlex.join(argv))
    if subprocess.run(argv, stdout=sys.stderr).returncode != 0:
        raise Failure(f"the build failed: {shlex.join(argv)}")


def dossier_binary(options):
    if options.binary:
        if not os.access(options.binary, os.X_OK):
            raise Failure(f"{options.binary} is not an executable file")
        return os.path.abspath(options.binary)
    # Built from the Benchmarks package (which depends on the main one), so that the trainers and the
    # binary share one release build of DossierCore.
    swift_build(["--package-path", BENCHMARKS, "--product", "dossier"])
    return os.path.join(BENCHMARKS, ".build", "release", "dossier")


def declared_products(package_swift):
    """The executable target names declared in a Package.swift's text."""
    return set(re.findall(r'\.executableTarget\(\s*name:\s*"([^"]+)"', package_swift))


def drop_stale_build_plan():
    """As Benchmarks/run.sh: SwiftPM keeps the build plan of the path dependency (the main package)
    and misses source files added to it since; without the plan it lists them again."""
    for plan in [os.path.join(BENCHMARKS, ".build", "release.yaml")] + glob.glob(
            os.path.join(BENCHMARKS, ".build", "*", "release", "description.json")):
        if os.path.exists(plan):
            os.remove(plan)


def prepare_trainers(options):
    """The default trainers, each with a command: DOSSIER_TRAIN_*_CMD, else its product built in
    release from the Benchmarks package; else a reason why it is missing."""
    trainers = cv.default_trainers()
    with open(os.path.join(BENCHMARKS, "Package.swift"), encoding="utf-8") as handle:
        products = declared_products(handle.read())
    for trainer in trainers:
        override = os.environ.get(trainer.override_variable, "").strip()
        if override:
            trainer.command = shlex.split(override)
        elif options.no_build:
            trainer.missing_reason = f"--no-build and no {trainer.override_variable}"
        elif trainer.product not in products:
            trainer.missing_reason = f"Benchmarks/Package.swift has no {trainer.product} product on this branch"
        else:
            swift_build(["--package-path", BENCHMARKS, "--product", trainer.product])
            trainer.command = [os.path.join(BENCHMARKS, ".build", "release", trainer.product)]
    return trainers


def environment(models):
    """The environment of a scorer run: the given model files and no inherited ones."""
    env = {key: value for key, value in os.environ.items() if key not in MODEL_VARIABLES}
    env.update(models)
    return env


def run_json(argv, env):
    completed = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if completed.returncode != 0:
        tail = completed.stderr.decode(errors="replace").strip()[-600:]
        raise Failure(f"{shlex.join(argv[:2])} … exited with {completed.returncode}: {tail}")
    try:
        return json.loads(completed.stdout)
    except json.JSONDecodeError:
        raise Failure(f"{argv[1]} printed no JSON: {completed.stdout[:300]!r}") from None


def scorer(eval_folder, binary):
    annotate = [binary, "annotate", "--format", "json", "{file}"]

    def score_folder(folder, models):
        argv = [sys.executable, os.path.join(eval_folder, "score.py"), "--gold", folder, "--json", "--"] + annotate
        return Totals.from_score_json(run_json(argv, environment(models)))

    def boilerplate(html):
        argv = [sys.executable, os.path.join(eval_folder, "score_boilerplate.py"),
                os.path.join(eval_folder, "boilerplate-dev.json"), "--json"]
        if html:
            argv += ["--html", os.path.join(eval_folder, "html-dev")]
        return run_json(argv + ["--"] + annotate, environment({}))

    return score_folder, boilerplate


def commit():
    described = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True)
    return described.stdout.strip() or "unknown"


def measure(options):
    eval_folder = os.path.join(locate_shared(options.shared), "eval")
    sets = ("dev",) if options.quick else ALL_SETS
    if not options.no_build:
        drop_stale_build_plan()
    binary = dossier_binary(options)
    trainers = prepare_trainers(options)
    ready = [trainer for trainer in trainers if trainer.command]
    score_folder, boilerplate = scorer(eval_folder, binary)
    measured = report.Measurements(sets, trainers)
    measured.source = f"Commit {commit()}; `{binary}`; gold and scorers in `{eval_folder}`."
    if ready:
        with tempfile.TemporaryDirectory(prefix="dossier-quality-") as work:
            measured.folds = cv.cross_validate(eval_folder, sets, ready, score_folder, work, log)
    for set_name in sets:
        log(f"built-in models on {set_name}/")
        measured.builtin[set_name] = score_folder(os.path.join(eval_folder, set_name), {})
    for html in (False,) if options.quick else (False, True):
        log("boilerplate, " + ("saved HTML" if html else "pasted text"))
        measured.boilerplate["html" if html else "text"] = boilerplate(html)
    return measured


def main(argv):
    options = parse_arguments(argv)
    try:
        measured = measure(options)
    except (Failure, RuntimeError, ValueError, OSError) as error:
        print(f"quality.sh: error: {error}", file=sys.stderr)
        return 2
    print(report.render(measured))
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump(measured.as_json(), handle, indent=1)
    if options.check:
        failures = floors.check(measured.headline(), print)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
