"""What quality.sh measured, and the Markdown it prints."""
from figures import COLUMNS, FIGURE_KEYS, FoldSummary, cells, number, spread_cells

# Which model each column's figure comes from: a column is cross-validated only when that model's
# trainer ran (quote and number depend on no learned model).
MODEL_COLUMNS = {"entity": ("entity", "alias"), "speaker": ("speaker",)}


class Measurements:
    def __init__(self, sets, trainers):
        self.sets = tuple(sets)
        self.trainers = trainers
        self.folds = {}        # set → [Totals per fold]; empty when no trainer ran
        self.builtin = {}      # set → Totals of the built-in models on the whole set
        self.boilerplate = {}  # "text" / "html" → score_boilerplate.py's JSON
        self.source = ""       # what was measured: commit, binary, eval folder

    def summaries(self):
        return {set_name: FoldSummary(totals) for set_name, totals in self.folds.items() if totals}

    def headline(self):
        """(set, figure) → the figure that counts: cross-validated (pooled) where folds ran, else the
        built-in models'; and the boilerplate F1s as ("boilerplate", "text"/"html")."""
        summaries = self.summaries()
        result = {}
        for set_name in self.sets:
            figures = summaries[set_name].pooled if set_name in summaries else self.builtin[set_name].figures()
            for key in FIGURE_KEYS:
                result[(set_name, key)] = figures[key]
        for kind, scored in self.boilerplate.items():
            result[("boilerplate", kind)] = scored["f1"]
        return result

    def as_json(self):
        summaries = self.summaries()
        return {
            "source": self.source,
            "trainers": {t.product: (t.missing_reason or "ran") for t in self.trainers},
            "cross_validated": {s: {"mean": v.mean, "sd": v.sd, "pooled": v.pooled, "folds": v.folds}
                                for s, v in summaries.items()},
            "builtin": {s: totals.figures() for s, totals in self.builtin.items()},
            "boilerplate": self.boilerplate,
        }


def table(rows):
    lines = ["| set | " + " | ".join(heading for _, heading in COLUMNS) + " |",
             "| --- |" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def render(measured):
    out = [f"# Quality against ../shared/eval", "", measured.source, ""]
    summaries = measured.summaries()
    missing = [t for t in measured.trainers if not t.command]
    if summaries:
        folds = max(len(s.fold_totals) for s in summaries.values())
        rows = []
        for set_name in measured.sets:
            summary = summaries[set_name]
            documents = sum(t.documents for t in summary.fold_totals)
            rows.append([f"`{set_name}/` ({documents} docs), mean ± sd over {len(summary.fold_totals)} folds"]
                        + spread_cells(summary))
            rows.append([f"`{set_name}/`, pooled (counts summed over folds)"] + cells(summary.pooled))
        out += [f"## Cross-validated ({folds} folds by document)", "", table(rows), "",
                "Per fold, the trainers ran without the fold's documents and score.py scored the fold's "
                "documents with the models so trained (`DOSSIER_ENTITY_MODEL`, `DOSSIER_SPEAKER_MODEL`). "
                "Speaker: accuracy (precision).", ""]
        for trainer in missing:
            columns = ", ".join(MODEL_COLUMNS[trainer.kind])
            out += [f"Not cross-validated: {columns} — {trainer.missing_reason}; those columns are the "
                    f"built-in {trainer.kind} model's, which was trained on these documents.", ""]
    else:
        reasons = "; ".join(f"{t.product}: {t.missing_reason}" for t in missing)
        out += ["## No cross-validation", "",
                f"No trainer could run ({reasons}), so no figure below is cross-validated: they are the "
                "built-in models' only, and --check applies the floors to them.", ""]
    rows = [[f"`{set_name}/` ({measured.builtin[set_name].documents} docs)"] + cells(measured.builtin[set_name].figures())
            for set_name in measured.sets]
    out += ["## Built-in models (trained on these documents: not a quality figure)", "", table(rows), ""]
    for kind, label in (("text", "pasted text"), ("html", "saved HTML, --html")):
        if kind in measured.boilerplate:
            scored = measured.boilerplate[kind]
            out.append(f"Boilerplate F1, {label}: {number(scored['f1'])} (precision {number(scored['precision'])}, "
                       f"recall {number(scored['recall'])}, {scored.get('pages', '?')} pages)")
    return "\n".join(out)
