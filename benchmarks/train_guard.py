"""Train the guard's detector (``engram/ingest/guard_detector.npz``) and measure it beside
the text rules it replaced, on sets it never saw.

Usage (repo root, main venv active)::

    python benchmarks/train_guard.py                    # train, evaluate, write the model
    python benchmarks/train_guard.py --no-write-model   # evaluate only

Training data (labelled): ``benchmarks/data/guard_train.json`` (a corpus written for
training), the spent held-out sets, and every split of the older evaluation sets, whose
test halves earlier sessions had already read: ``tests/reliability/data/guard_probes.json``,
``benchmarks/data/poison_probes.json`` and the dev scopes of
``tests/reliability/data/guard_consensus.json`` (histories as benign memories, probes with
their labels; its test scopes are held out for ``benchmarks/guard_consensus.py``). Real
benign memories: turns of the LoCoMo and LongMemEval_S conversations under
``../shared/datasets`` whose session falls on the training side of a hash split.

Held out, scored once after every choice was fixed: the probe set named by
:data:`HELD_OUT` (written for this by someone who never read the guard, before the fit)
and real turns of the sessions on the other side of the hash split (a false-positive check
on what users actually store). A held-out set that has been scored is spent: it joins the
training data (:data:`SPENT`) and the next fit is measured on a new one.

Model: logistic regression over ``engram.ingest.guard_model`` features, fitted with
L-BFGS; each text weighs 1 (split over its windows), the two classes weigh the same. A long
injection is learnt from its most instruction-like window (one round of multiple-instance
refit). Every setting comes from 5-fold cross-validation grouped by base text or scope:
``threshold`` is the lowest grid probability whose CV false-positive rate (the worse of
look-alikes and real turns) stays within ``FP_CAP``, the most detection a bounded rate of
hidden real memories allows (until the sixth fit it maximised detection minus twice that
rate, which chose 0.6 each time and scored 0.906 / 0.894 / 0.887 detection against 0.052 /
0.034 / 0.018 false positives on v6 / v7 / v8); ``strong`` the lowest grid value above it
that no benign text reached in CV.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import logistic  # noqa: E402
from guard_rules import scan as rules_scan  # noqa: E402
from results_files import write_results  # noqa: E402

from engram.ingest import guard_model as gm  # noqa: E402

DATA = ROOT / "tests" / "reliability" / "data"
SHARED = ROOT.parent / "shared" / "datasets"
RESULTS = ROOT / "benchmarks" / "results"
FOLDS = 5
L2 = 3e-5  # chosen by CV (results/guard-detector-cv-m-*.md)
#: the issue's false-positive target (0.05) less a margin for the step from CV to a new
#: writer's set; the three sets scored at the old operating point (v6, v7, v8) came out
#: +0.019, +0.001 and -0.010 against their CV rates
FP_CAP = 0.04
FLAG_LINE = 0.5
GRID = [*(round(0.2 + 0.05 * i, 2) for i in range(15)), 0.95, 0.99]
REAL_PER_SIDE = 2000
#: the name a flagged text gets from its nearest known attack, by the kind's first word
REASONS = {"override": "override_instructions", "new": "override_instructions",
           "cancel": "override_instructions", "role": "persona_reassignment",
           "persona": "persona_reassignment", "jailbreak": "persona_reassignment",
           "persistent": "response_rule", "response": "response_rule",
           "one": "response_rule", "conditional": "conditional_trigger",
           "trigger": "conditional_trigger", "exfiltration": "exfiltration_request",
           "exfil": "exfiltration_request", "extraction": "prompt_extraction",
           "prompt": "prompt_extraction", "fake": "fake_authority", "template": "fake_authority",
           "secrecy": "secrecy_from_user", "tool": "tool_call_injection",
           "shell": "tool_call_injection", "memory": "planted_fact", "planted": "planted_fact",
           "permission": "planted_fact", "trust": "planted_fact",
           "false": "planted_fact", "classic": "override_instructions"}

Row = dict[str, Any]


def _entries(path: Path, key: str, src: str, prefix: str) -> list[Row]:
    out = []
    for r in json.loads(path.read_text())[key]:
        out.append({"src": src, "text": r["text"], "y": int(r["label"] == "injection"),
                    "kind": r.get("category", ""), "group": prefix + r.get("group", r["text"])})
    return out


def labelled() -> list[Row]:
    """Every labelled training text, with its source and group."""
    out = _entries(ROOT / "benchmarks" / "data" / "guard_train.json", "texts", "train", "t:")
    out += _entries(DATA / "guard_probes.json", "probes", "probes", "p:")
    legacy = json.loads((ROOT / "benchmarks" / "data" / "poison_probes.json").read_text())
    for key, y in (("probes", 1), ("benign", 0), ("heldout_probes", 1), ("heldout_benign", 0)):
        out += [{"src": "legacy", "text": r["text"], "y": y, "kind": r.get("category", ""),
                 "group": "l:" + r["text"]} for r in legacy[key]]
    for name in SPENT:
        out += _entries(DATA / f"guard_probes_{name}.json", "probes", name, name + ":")
    # the consensus set's test scopes stay out: benchmarks/guard_consensus.py measures the
    # whole guard (detector and consensus) on them
    for scope in json.loads((DATA / "guard_consensus.json").read_text())["scopes"]:
        if scope["split"] != "dev":
            continue
        group = "c:" + scope["scope"]
        out += [{"src": "history", "text": t, "y": 0, "kind": "history", "group": group}
                for t in scope["history"]]
        out += [{"src": "consensus", "text": p["text"], "y": int(p["label"] == "injection"),
                 "kind": p["category"], "group": group} for p in scope["probes"]]
    return out


#: the held-out set of the current model; each earlier one was measured once, then
#: became training data (its figures stay in results/guard-detector-<date>-<set>.md)
HELD_OUT = "v9"
SPENT = ("v3", "v4", "v5", "v6", "v7", "v8")


def held_out_probes() -> list[Row]:
    return _entries(DATA / f"guard_probes_{HELD_OUT}.json", "probes", HELD_OUT, HELD_OUT + ":")


def real_turns(side: str, n: int = REAL_PER_SIDE) -> list[Row]:
    """Benign real turns (LoCoMo, LongMemEval_S) of sessions whose id hashes to ``side``
    ("train": even first byte), a seeded sample of ``n``."""
    from engram.bench.datasets import load_locomo, load_longmemeval

    seen: dict[str, str] = {}
    for case in [*load_locomo(SHARED / "locomo"),
                 *load_longmemeval(SHARED / "longmemeval" / "longmemeval_s_cleaned.json.xz")]:
        for session in case.sessions:
            key = f"{case.haystack_id}/{session.session_id}"
            even = hashlib.sha256(key.encode()).digest()[0] % 2 == 0
            if even == (side == "train"):
                for turn in session.turns:
                    seen.setdefault(turn.text, key)
    texts = sorted(seen)
    rng = np.random.default_rng(0 if side == "train" else 1)
    pick = rng.choice(len(texts), size=min(n, len(texts)), replace=False)
    return [{"src": "real", "text": texts[i], "y": 0, "kind": "real", "group": "r:" + seen[texts[i]]}
            for i in sorted(pick)]


class Vectors:
    """Bundled-MiniLM vectors, computed once and kept on disk between runs."""

    def __init__(self, cache: Path) -> None:
        from engram.embed import make_embedder

        self.embedder = make_embedder()
        self.cache = cache
        self.of: dict[str, np.ndarray] = {}
        if cache.exists():
            with np.load(cache, allow_pickle=False) as data:
                self.of = dict(zip((str(k) for k in data["keys"]), data["vectors"]))

    def add(self, texts: list[str]) -> None:
        unique = sorted(set(texts) - set(self.of), key=len)
        for start in range(0, len(unique), 512):
            chunk = unique[start:start + 512]
            matrix = np.asarray(self.embedder.embed(chunk), dtype=np.float32)
            self.of.update({t: matrix[i] for i, t in enumerate(chunk)})
        if unique:
            np.savez(self.cache, keys=np.array(list(self.of)), vectors=np.stack(list(self.of.values())))

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.add(texts)
        return np.stack([self.of[t] for t in texts])


class Design:
    """Feature rows of every window text, built once."""

    def __init__(self, vectors: Vectors, scales: gm.Scales) -> None:
        self.vectors, self.scales = vectors, scales
        self.row: dict[str, int] = {}
        self.blocks: list[sp.csr_matrix] = []

    def rows(self, texts: list[str]) -> sp.csr_matrix:
        new = [t for t in dict.fromkeys(texts) if t not in self.row]
        if new:
            data: list[float] = []
            cols: list[int] = []
            ptr = [0]
            for text in new:
                grams = gm.hashed(gm.mask(text), self.scales)
                cols += list(grams)
                data += list(grams.values())
                ptr.append(len(cols))
            grams_m = sp.csr_matrix((data, cols, ptr), shape=(len(new), gm.HASH_DIM))
            dense = sp.csr_matrix(gm.vectorize(self.vectors, new) * self.scales.embedding)
            structure = sp.csr_matrix(np.array([gm.cues(t) for t in new]) * self.scales.structure)
            self.blocks.append(sp.hstack([grams_m, dense, structure]).tocsr())
            for t in new:
                self.row[t] = len(self.row)
        matrix = sp.vstack(self.blocks).tocsr() if len(self.blocks) > 1 else self.blocks[0]
        self.blocks = [matrix]
        return matrix[[self.row[t] for t in texts]]


WINDOW = gm.WINDOW  # set by --window


def readings(text: str) -> tuple[list[str], list[str]]:
    shown, behind, _ = gm.readings(text, WINDOW)
    return shown, behind


def instances(row: Row, pick: Callable[[list[str]], str] | None) -> list[str]:
    """What a text teaches: a benign text every window it shows or hides; an injection its
    hidden parts when a trick hid it (its cover is benign), else its windows, or only the
    most instruction-like one when ``pick`` is given (multiple-instance refit)."""
    shown, behind = readings(row["text"])
    if not row["y"]:
        return [*shown, *behind]
    texts = behind or shown
    return [pick(texts)] if (pick and len(texts) > 1) else texts


def fit(train: list[Row], design: Design) -> gm.Detector:
    """Fit, then refit with each long injection's most instruction-like window."""
    detector: gm.Detector | None = None
    for _ in range(2):
        texts, labels, weights = [], [], []
        pick = None
        if detector is not None:
            d = detector

            def pick(ts: list[str], d: gm.Detector = d) -> str:
                return ts[int(np.argmax(d.probabilities(ts, gm.vectorize(design.vectors, ts))))]
        for r in train:
            got = instances(r, pick)
            texts += got
            labels += [float(r["y"])] * len(got)
            weights += [1.0 / len(got)] * len(got)
        y, w = np.array(labels), np.array(weights)
        for cls in (0.0, 1.0):  # both classes weigh the same
            w[y == cls] /= max(w[y == cls].sum(), 1e-9)
        coef = logistic.solve(design.rows(texts), y, w, L2)
        dim = design.vectors(texts[:1]).shape[1]
        edge = gm.HASH_DIM
        detector = gm.Detector(sparse=coef[:edge].astype(np.float32),
                               dense=coef[edge:edge + dim].astype(np.float32),
                               structure=coef[edge + dim:-1].astype(np.float32),
                               bias=float(coef[-1]), threshold=0.5, strong=0.5,
                               scales=design.scales, model_id=design.vectors.embedder.model_id,
                               window=WINDOW)
    assert detector is not None
    return detector


def probability(detector: gm.Detector, text: str, design: Design) -> float:
    shown, behind = readings(text)
    texts = [*shown, *behind]
    return float(detector.probabilities(texts, gm.vectorize(design.vectors, texts)).max()) \
        if texts else 0.0


def fold_of(row: Row) -> int:
    return int(hashlib.sha256(row["group"].encode()).hexdigest(), 16) % FOLDS


def rates(rows: list[Row], flagged: np.ndarray) -> dict[str, Any]:
    y = np.array([r["y"] for r in rows], dtype=bool)
    real = np.array([r["src"] == "real" for r in rows])
    inj, ben, rl = flagged[y], flagged[~y & ~real], flagged[real]
    return {"injections": int(y.sum()), "detected": int(inj.sum()),
            "detection": round(float(inj.mean()), 3) if len(inj) else None,
            "benign": int(len(ben)), "false_positives": int(ben.sum()),
            "false_positive_rate": round(float(ben.mean()), 3) if len(ben) else None,
            "real": int(len(rl)), "real_flagged": int(rl.sum()),
            "real_false_positive_rate": round(float(rl.mean()), 4) if len(rl) else None}


def operating_point(rows: list[Row], probs: np.ndarray) -> tuple[float, float, list[Any]]:
    """``threshold``: the lowest grid value whose CV false-positive rate (the worse of the
    look-alikes' and the real turns') is at most :data:`FP_CAP`, i.e. the most detection the
    false-positive budget allows (the highest grid value when none is within it);
    ``strong``: the lowest grid value at or above it that no benign text reached."""
    def false_positives(t: float) -> float:
        r = rates(rows, probs >= t)
        return max(r["false_positive_rate"] or 0.0, r["real_false_positive_rate"] or 0.0)
    threshold = next((t for t in GRID if false_positives(t) <= FP_CAP), GRID[-1])
    benign = np.array([not r["y"] for r in rows])
    strong = next((t for t in GRID if t >= threshold and not (probs[benign] >= t).any()), 0.99)
    return threshold, strong, [{"threshold": t, **rates(rows, probs >= t)} for t in GRID]


def main(argv: list[str] | None = None) -> int:
    global WINDOW, L2
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write-model", action="store_true")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/engram-guard-vectors.npz"))
    parser.add_argument("--skip-held-out", action="store_true", help="CV only (iterating)")
    parser.add_argument("--window", type=int, default=gm.WINDOW,
                        help="characters per window read at once")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty")
    parser.add_argument("--scales", default="",
                        help="feature block weights embedding,chars,words,structure")
    parser.add_argument("--results", default="guard-detector",
                        help="results file stem under benchmarks/results")
    args = parser.parse_args(argv)
    WINDOW, L2 = args.window, args.l2
    started = time.time()
    scales = gm.Scales(*map(float, args.scales.split(","))) if args.scales else gm.Scales()
    design = Design(Vectors(args.cache), scales)
    train = [*labelled(), *real_turns("train")]
    print(f"{len(train)} training texts", flush=True)
    probs = np.zeros(len(train))
    for fold in range(FOLDS):
        detector = fit([r for r in train if fold_of(r) != fold], design)
        for i, r in enumerate(train):
            if fold_of(r) == fold:
                probs[i] = probability(detector, r["text"], design)
        print(f"fold {fold} done ({time.time() - started:.0f} s)", flush=True)
    threshold, strong, cv_curve = operating_point(train, probs)
    at = rates(train, probs >= threshold)
    print(f"CV: threshold {threshold} strong {strong} detection {at['detection']} FP "
          f"{at['false_positive_rate']} real FP {at['real_false_positive_rate']}", flush=True)
    final = fit(train, design)
    final.threshold, final.strong = threshold, strong
    # exemplars: the injections of a named kind (obfuscated, buried and foreign ones have
    # none; they are named after the nearest plain attack)
    known = [(t, REASONS[r["kind"].split("_")[0]]) for r in train
             if r["y"] and r["kind"].split("_")[0] in REASONS for t in instances(r, None)[:1]]
    final.exemplars = gm.vectorize(design.vectors, [t for t, _ in known])
    final.exemplar_reasons = [reason for _, reason in known]
    by_src = {src: rates([r for r in train if r["src"] == src],
                         np.array([p >= threshold for r, p in zip(train, probs)
                                   if r["src"] == src]))
              for src in dict.fromkeys(r["src"] for r in train)}
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "command": " ".join(["python benchmarks/train_guard.py", *(argv or sys.argv[1:])]),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
                   f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}",
        "training_texts": {s: sum(r["src"] == s for r in train) for s in by_src},
        "threshold": threshold, "strong": strong, "flag_line": FLAG_LINE,
        "scales": scales.__dict__, "l2": L2, "cv": by_src, "cv_curve": cv_curve,
        "nonzero_hashed_weights": int(np.count_nonzero(final.sparse)),
        "exemplars": len(known), "held_out": {}}
    if not args.skip_held_out:
        for name, rows in ((f"{HELD_OUT} probes", held_out_probes()), ("real turns", real_turns("test"))):
            for detector, score in (
                    ("learned", lambda t: gm.judge(t, final, design.vectors).score),
                    ("rules", lambda t: rules_scan(t).score)):
                flagged = np.array([score(r["text"]) >= FLAG_LINE for r in rows])
                result["held_out"][f"{detector} / {name}"] = rates(rows, flagged)
                print(detector, name, result["held_out"][f"{detector} / {name}"], flush=True)
    result["seconds"] = round(time.time() - started)
    if not args.no_write_model:
        final.save(gm.MODEL_PATH)
    print(json.dumps({k: v for k, v in result.items() if k != "cv_curve"}, indent=1))
    print(write_results(RESULTS / args.results, result, _markdown, indent=1))
    return 0


def _markdown(result: dict[str, Any]) -> str:
    lines = [f"# Guard detector: trained {result['date']}", "",
             f"Command: `{result['command']}`  ", f"Machine: {result['machine']}", "",
             "Training texts: " + ", ".join(f"{k} {v}" for k, v in
                                             result["training_texts"].items()) + ". "
             f"Operating point from {FOLDS}-fold grouped CV: threshold {result['threshold']}, "
             f"strong {result['strong']}; L2 {result['l2']}; "
             f"{result['nonzero_hashed_weights']} non-zero hashed weights, "
             f"{result['exemplars']} exemplars. Texts judged alone (no scope); flagged = "
             f"verdict score >= {result['flag_line']}.", "",
             "| Set | Injections | Detected | Detection | Benign | Flagged | FP rate | Real "
             "turns | Flagged | FP rate |", "|---|---|---|---|---|---|---|---|---|---|"]
    rows = [(f"held out: {k}", v) for k, v in result["held_out"].items()]
    rows += [(f"CV: {k}", v) for k, v in result["cv"].items()]
    for name, f in rows:
        cells = [f["injections"], f["detected"], f["detection"], f["benign"],
                 f["false_positives"], f["false_positive_rate"], f["real"], f["real_flagged"],
                 f["real_false_positive_rate"]]
        lines.append(f"| {name} | " + " | ".join("-" if c is None else str(c) for c in cells)
                     + " |")
    lines += ["", "CV by threshold (all training texts):", "",
              "| Threshold | Detection | FP rate | Real FP rate |", "|---|---|---|---|"]
    lines += [f"| {c['threshold']} | {c['detection']} | {c['false_positive_rate']} | "
              f"{c['real_false_positive_rate']} |" for c in result["cv_curve"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
