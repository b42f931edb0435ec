"""Cross-validation by document (docs TRAINING.md §6, issue 12 part 4).

The gold documents of every evaluated set (`dev/`, `quotes-dev/`, `train/`) are dealt into K folds:
each set's files sorted by name and dealt round-robin, the count carrying on from one set to the next,
so that every fold holds a share of each set and of each genre (the names start with the genre) and
the assignment never changes between runs. For each fold the trainers run with the fold's base names
in their `--exclude` list, and the fold's documents of each set are scored with the models so
trained (`DOSSIER_ENTITY_MODEL`, `DOSSIER_SPEAKER_MODEL`): no document is scored by a model that saw it.
"""
import os
import shlex
import subprocess

FOLDS = 5


class Trainer:
    """One model's trainer: `COMMAND [--exclude LISTFILE] --out MODEL.txt GOLD_DIR...` (TRAINING.md §3)."""

    def __init__(self, kind, product, override_variable, model_variable, gold_sets):
        self.kind = kind                          # "entity", "speaker": what the model decides
        self.product = product                    # the executable product in Benchmarks/Package.swift
        self.override_variable = override_variable  # a command line replacing the built product
        self.model_variable = model_variable      # what `dossier annotate` reads the model file from
        self.gold_sets = gold_sets                # the sets of ../shared/eval it trains on
        self.command = None                       # argv prefix, None when neither built nor overridden
        self.missing_reason = None

    def train(self, exclude_file, model_file, eval_folder, log):
        argv = self.command + ["--exclude", exclude_file, "--out", model_file]
        argv += [os.path.join(eval_folder, name) for name in self.gold_sets]
        completed = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if completed.returncode != 0:
            tail = completed.stderr.decode(errors="replace").strip()[-600:]
            raise RuntimeError(f"{self.product} failed (exit {completed.returncode}): {shlex.join(argv)}\n{tail}")
        if not os.path.isfile(model_file):
            raise RuntimeError(f"{self.product} wrote no model at {model_file}: {shlex.join(argv)}")
        log(f"  trained the {self.kind} model without {os.path.basename(exclude_file)}'s documents")


def default_trainers():
    return [
        Trainer("entity", "dossier-train-entities", "DOSSIER_TRAIN_ENTITIES_CMD", "DOSSIER_ENTITY_MODEL", ("train", "dev")),
        Trainer("speaker", "dossier-train-speakers", "DOSSIER_TRAIN_SPEAKERS_CMD", "DOSSIER_SPEAKER_MODEL", ("quotes-dev", "dev")),
    ]


def gold_names(folder):
    """The base names of the gold files of a folder, sorted."""
    return sorted(name for name in os.listdir(folder) if name.endswith(".json"))


def assign_folds(names_by_set, folds=FOLDS):
    """[{set: [base name…]} per fold]: each set's sorted names dealt round-robin, carrying on across sets."""
    seen = {}
    for set_name, names in names_by_set.items():
        for name in names:
            if name in seen:
                # The exclude list holds base names: one name in two sets could not be left out of one alone.
                raise ValueError(f"{name} is in both {seen[name]}/ and {set_name}/; base names must be unique")
            seen[name] = set_name
    assignment = [{set_name: [] for set_name in names_by_set} for _ in range(folds)]
    dealt = 0
    for set_name, names in names_by_set.items():
        for name in sorted(names):
            assignment[dealt % folds][set_name].append(name)
            dealt += 1
    return assignment


def link_folder(folder, source_folder, names):
    """A folder of symbolic links to `names` in `source_folder`: what score.py reads as --gold."""
    os.makedirs(folder)
    for name in names:
        os.symlink(os.path.join(os.path.abspath(source_folder), name), os.path.join(folder, name))
    return folder


def cross_validate(eval_folder, scored_sets, trainers, score_folder, work, log, folds=FOLDS):
    """Per scored set, the Totals of each fold, in fold order.

    `trainers` are the ones with a command; `score_folder(folder, models)` scores a gold folder with
    `models` (model variable → file) set and returns its Totals. Folds are dealt over all three sets
    whatever is scored, so a set's figures do not depend on which other sets a run includes.
    """
    names_by_set = {name: gold_names(os.path.join(eval_folder, name)) for name in ("dev", "quotes-dev", "train")}
    assignment = assign_folds(names_by_set, folds)
    results = {set_name: [] for set_name in scored_sets}
    for index, fold in enumerate(assignment, start=1):
        log(f"fold {index}/{folds}: {sum(len(names) for names in fold.values())} documents held out")
        exclude_file = os.path.join(work, f"fold-{index}.exclude")
        with open(exclude_file, "w", encoding="utf-8") as handle:
            handle.writelines(name + "\n" for names in fold.values() for name in names)
        models = {}
        for trainer in trainers:
            model_file = os.path.join(work, f"fold-{index}.{trainer.kind}-model.txt")
            trainer.train(exclude_file, model_file, eval_folder, log)
            models[trainer.model_variable] = model_file
        for set_name in scored_sets:
            names = fold[set_name]
            if not names:
                continue
            folder = link_folder(os.path.join(work, f"fold-{index}-{set_name}"), os.path.join(eval_folder, set_name), names)
            results[set_name].append(score_folder(folder, models))
            log(f"  scored {len(names)} documents of {set_name}/")
    return results
