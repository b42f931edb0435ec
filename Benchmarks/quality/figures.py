"""Counts and figures of ../shared/eval/score.py, summed over documents or folds.

score.py --json prints, per layer, tp/fp/fn (and for speakers right/predicted/gold); every figure
here is computed from those counts, so that folds can be pooled (counts summed) as well as averaged
(mean and standard deviation of the per-fold figures).
"""
import math
import statistics

# The columns of the quality table, in order, as (key, heading).
COLUMNS = (
    ("entity", "entity F1"),
    ("alias", "alias"),
    ("quote", "quote F1"),
    ("speaker", "speaker acc. (precision)"),
    ("number", "number"),
)
# score.py's layer behind each F1 column.
F1_LAYERS = {"entity": "ent", "alias": "alias", "quote": "quote", "number": "num"}


def f1(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Totals:
    """The counts of one score.py run (or a sum of runs): tp/fp/fn per layer, speaker counts."""

    def __init__(self, layers=None, speaker=(0, 0, 0), documents=0):
        self.documents = documents
        self.layers = {layer: tuple(counts) for layer, counts in (layers or {}).items()}
        for layer in F1_LAYERS.values():
            self.layers.setdefault(layer, (0, 0, 0))
        self.speaker = tuple(speaker)  # (right, predicted, gold)

    @classmethod
    def from_score_json(cls, scored):
        """The totals of `score.py --json` output (a dict)."""
        try:
            layers = {layer: (scored[layer]["tp"], scored[layer]["fp"], scored[layer]["fn"]) for layer in F1_LAYERS.values()}
            speaker = scored["speaker"]
            return cls(layers, (speaker["right"], speaker["predicted"], speaker["gold"]), scored.get("documents", 0))
        except (KeyError, TypeError) as error:
            raise ValueError(f"score.py's JSON lacks the counts it should carry ({error})") from None

    def __add__(self, other):
        layers = {k: tuple(a + b for a, b in zip(self.layers[k], other.layers[k])) for k in self.layers}
        return Totals(layers, tuple(a + b for a, b in zip(self.speaker, other.speaker)), self.documents + other.documents)

    def __eq__(self, other):
        return (isinstance(other, Totals) and self.layers == other.layers and self.speaker == other.speaker
                and self.documents == other.documents)

    def figures(self):
        """Column key → figure, or None where no gold document labels that layer (score.py's n/a).
        Speaker precision is None when no quote was attributed."""
        result = {}
        for column, layer in F1_LAYERS.items():
            counts = self.layers[layer]
            result[column] = f1(*counts) if sum(counts) else None
        right, predicted, gold = self.speaker
        result["speaker"] = right / gold if gold else None
        result["speaker_precision"] = right / predicted if predicted else None
        return result


FIGURE_KEYS = ("entity", "alias", "quote", "speaker", "speaker_precision", "number")


class FoldSummary:
    """Per-fold figures of one set: mean ± sample standard deviation over the folds that label a
    layer, and the pooled figure of the summed counts."""

    def __init__(self, fold_totals):
        self.fold_totals = list(fold_totals)
        self.pooled = sum(self.fold_totals, Totals()).figures()
        self.mean, self.sd, self.folds = {}, {}, {}
        per_fold = [totals.figures() for totals in self.fold_totals]
        for key in FIGURE_KEYS:
            values = [figures[key] for figures in per_fold if figures[key] is not None]
            self.folds[key] = values
            self.mean[key] = statistics.fmean(values) if values else None
            self.sd[key] = statistics.stdev(values) if len(values) >= 2 else (0.0 if values else None)


def number(value):
    return "n/a" if value is None or math.isnan(value) else f"{value:.3f}"


def spread(mean, sd):
    return "n/a" if mean is None else f"{mean:.3f} ± {sd:.3f}"


def cells(figures):
    """Table cells of one row of plain figures (pooled or one run)."""
    row = []
    for key, _ in COLUMNS:
        if key == "speaker":
            cell = number(figures["speaker"])
            if figures["speaker"] is not None:
                cell += f" ({number(figures['speaker_precision'])})"
            row.append(cell)
        else:
            row.append(number(figures[key]))
    return row


def spread_cells(summary):
    """Table cells of a mean ± sd row."""
    row = []
    for key, _ in COLUMNS:
        cell = spread(summary.mean[key], summary.sd[key])
        if key == "speaker" and summary.mean["speaker"] is not None:
            cell += f" ({spread(summary.mean['speaker_precision'], summary.sd['speaker_precision'])})"
        row.append(cell)
    return row
