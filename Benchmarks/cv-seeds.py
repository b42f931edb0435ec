#!/usr/bin/env python3
"""Entity F1 over several perceptron seeds and both fold schemes, in one run: the figure to compare
a typing change by (one seed moves train/ entity F1 by about 0.01; a change worth keeping moves the
mean of 8 seeds).

    swift build -c release --product dossier
    swift build -c release --package-path Benchmarks --product dossier-train-entities
    python3 Benchmarks/cv-seeds.py [--shared DIR] [--seeds 12,1,2,3] [--schemes cv,q] [--keep DIR] [-- TRAINER ARGS]

Schemes (5 folds by document each): cv = cv-entities.sh's folds (train/ and dev/ sorted together by
file name, dealt in turn); q = quality.sh's (dev/, quotes-dev/ and train/ each sorted, dealt in turn
on one deal). Per fold the release trainer runs without the fold's documents (and with --seed) and
score.py scores the fold's train/ and dev/ documents with DOSSIER_ENTITY_MODEL. Prints pooled
entity F1 on train/ and dev/ per seed and scheme, the means per scheme and over all. Two folds run
at once; 4 seeds x 2 schemes take about three minutes on two cores (the trainer averages five perceptrons). --keep DIR leaves every fold's
model, exclude list and gold links in DIR/SCHEME-SEED-FOLD.
"""
import json, os, shutil, subprocess, sys, tempfile, concurrent.futures as cf

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
argv = sys.argv[1:]
shared = os.environ.get("DOSSIER_SHARED", os.path.join(REPO, "..", "shared"))
seeds, schemes, keep = ['12', '1', '2', '3'], ['cv', 'q'], None
while argv and argv[0] != '--':
    if argv[0] == '--seeds' and len(argv) > 1: seeds = argv[1].split(','); argv = argv[2:]
    elif argv[0] == '--schemes' and len(argv) > 1: schemes = argv[1].split(','); argv = argv[2:]
    elif argv[0] == '--keep' and len(argv) > 1: keep = argv[1]; argv = argv[2:]
    elif argv[0] == '--shared' and len(argv) > 1: shared = argv[1]; argv = argv[2:]
    else: sys.exit('cv-seeds.py: unknown option or missing value: ' + argv[0])
train_args = argv[1:] if argv else []
EVAL = os.path.join(os.path.abspath(shared), 'eval')
dossier = os.path.join(REPO, '.build/release/dossier')
trainer = os.path.join(REPO, 'Benchmarks/.build/release/dossier-train-entities')
for path in (os.path.join(EVAL, 'train'), dossier, trainer):
    if not os.path.exists(path):
        sys.exit(f'cv-seeds.py: {path} is missing (see the usage at the top of this file)')
def names(s): return sorted(n for n in os.listdir(f'{EVAL}/{s}') if n.endswith('.json'))
def folds(scheme):
    if scheme == 'cv':
        items = sorted([(n, s) for s in ('train', 'dev') for n in names(s)])
    else:
        items = [(n, s) for s in ('dev', 'quotes-dev', 'train') for n in names(s)]
    out = [[] for _ in range(5)]
    for k, (n, s) in enumerate(items):
        out[k % 5].append((s, n))
    return out
def run_fold(scheme, seed, k, fold, base):
    d = os.path.join(base, f'{scheme}-{seed}-{k}'); os.makedirs(d)
    with open(f'{d}/exclude', 'w') as f: f.write('\n'.join(n for _, n in fold) + '\n')
    subprocess.run([trainer, *train_args, '--seed', seed, '--exclude', f'{d}/exclude', '--out', f'{d}/model.txt',
                    f'{EVAL}/train', f'{EVAL}/dev'], check=True, stderr=subprocess.DEVNULL)
    res = {}
    for s in ('train', 'dev'):
        g = f'{d}/{s}'; os.makedirs(g)
        for ss, n in fold:
            if ss == s: os.symlink(f'{EVAL}/{s}/{n}', f'{g}/{n}')
        if not os.listdir(g): continue
        env = dict(os.environ, DOSSIER_ENTITY_MODEL=f'{d}/model.txt')
        out = subprocess.run(['python3', f'{EVAL}/score.py', '--json', '--gold', g, '--', dossier, 'annotate', '--format', 'json', '{file}'],
                             env=env, capture_output=True, text=True, check=True).stdout
        res[s] = json.loads(out)
    return scheme, seed, res
base = keep or tempfile.mkdtemp()
if keep: os.makedirs(keep, exist_ok=True)
jobs = []
with cf.ThreadPoolExecutor(2) as ex:
    for scheme in schemes:
        for seed in seeds:
            for k, fold in enumerate(folds(scheme)):
                jobs.append(ex.submit(run_fold, scheme, seed, k, fold, base))
    results = [j.result() for j in jobs]
f1 = lambda tp, fp, fn: 2 * tp / (2 * tp + fp + fn)
summary = {}
for scheme in schemes:
    for seed in seeds:
        row = []
        for s in ('train', 'dev'):
            tp = fp = fn = 0
            for sc, se, res in results:
                if sc == scheme and se == seed and s in res:
                    e = res[s]['ent']; tp += e['tp']; fp += e['fp']; fn += e['fn']
            row.append(f1(tp, fp, fn))
        summary[(scheme, seed)] = row
        print(f'{scheme} seed {seed:>3}: train {row[0]:.4f} dev {row[1]:.4f}')
for scheme in schemes:
    rows = [summary[(scheme, s)] for s in seeds]
    print(f'{scheme} mean: train {sum(r[0] for r in rows)/len(rows):.4f} dev {sum(r[1] for r in rows)/len(rows):.4f}')
allr = list(summary.values())
print(f'ALL mean: train {sum(r[0] for r in allr)/len(allr):.4f} dev {sum(r[1] for r in allr)/len(allr):.4f}  args {" ".join(train_args)}')
if not keep:
    shutil.rmtree(base)
