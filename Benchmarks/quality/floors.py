"""The floors of `quality.sh --check`: a figure below its floor fails the check.

Where a trainer ran, a floor guards the pooled cross-validated figure, each about 0.02 under this
measure on 4 Dec 2026 (session 3, quality.sh at 6aa5bb9: dev/ entity 0.860, alias 0.976, quote
1.000, speaker 0.827; quotes-dev/ quote 0.978, speaker 0.802 at precision 0.916; train/ entity
0.768, alias 0.927, number 0.947; boilerplate 0.897 text, 0.982 HTML).

Session 5 (quality.sh at ea013f3): quotes-dev/ speaker 0.858 at precision 0.943, quote 0.982; the
quotes-dev floors moved up to about 0.02 under these.

Speaker linking (branch speaker-dev, quality.sh): dev/ speaker 52/52 = 1.000 cross-validated
(0.827 before); its floor moved from 0.80 to 0.96, two misses of the 52 quotations under it (issue 12
asks that no dev figure fall below 0.885).

Decision, session 3: the dev/ entity and speaker floors were 0.86 and 0.85 while the figures were
scored on the dev articles the hand rules had been written on. The learned models are scored on
folds they were not trained on, a harder and honest measure (the same rules scored 0.779 entity and
0.61-0.67 speaker on unseen news), so those two floors were re-based on the cross-validated
figures. Every other floor only went up. Raise a floor when its figure improves; never lower one
to let a change pass.
"""

# (set, figure) → floor. Figures: entity, alias, quote, speaker (accuracy), speaker_precision,
# number; for the set "boilerplate": text, html.
FLOORS = {
    ("dev", "entity"): 0.84,
    ("dev", "alias"): 0.95,
    ("dev", "quote"): 0.97,
    ("dev", "speaker"): 0.96,
    ("dev", "number"): 0.94,
    ("quotes-dev", "quote"): 0.96,
    ("quotes-dev", "speaker"): 0.84,
    ("quotes-dev", "speaker_precision"): 0.92,
    ("train", "entity"): 0.75,
    ("train", "alias"): 0.90,
    ("train", "number"): 0.92,
    ("boilerplate", "text"): 0.87,
    ("boilerplate", "html"): 0.95,
}


def check(headline, write, floors=FLOORS):
    """Compares each measured headline figure ((set, figure) → value) with its floor; writes one
    line per floor and returns the ones that failed. Floors of sets not measured are skipped."""
    failures = []
    write("")
    write("Floors (--check):")
    for key, floor in floors.items():
        if key not in headline:
            continue
        value = headline[key]
        ok = value is not None and value >= floor
        if not ok:
            failures.append(key)
        shown = "n/a" if value is None else f"{value:.3f}"
        write(f"  {'ok   ' if ok else 'BELOW'} {key[0]} {key[1]}: {shown} (floor {floor:.2f})")
    write("all figures at or above their floors" if not failures else f"{len(failures)} figure(s) below their floor")
    return failures
