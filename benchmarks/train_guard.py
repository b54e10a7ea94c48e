"""An experiment, not shipped: train a learned detector to replace the guard's text rules,
then measure it on the held-out halves beside the rules.

Usage (repo root, main venv active)::

    python benchmarks/train_guard.py     # ~2 min CPU; writes benchmarks/results/guard-learned.*

Why it is not shipped: on the held-out half of the 647-text probe set it detects 0.879
(131/149), below issue #14's 0.9, where the rules detect 0.933 (see the results file and
``benchmarks/reliability.md``). The detector itself is ``benchmarks/guard_learned.py``.

Training data, dev halves only (an entry whose text also appears on a test side is dropped):
``tests/reliability/data/guard_probes.json`` (``split == "dev"``), the in-sample half of
``benchmarks/data/poison_probes.json`` (``probes``/``benign``; ``heldout_*`` are its test
side) and the dev scopes of ``tests/reliability/data/guard_consensus.json`` (their histories
as benign memories, their probes with their labels). Nothing on a test side is used for
training or for choosing a setting; it is only scored, after everything is fixed.

Model: logistic regression (numpy, Adam on the full batch, L2) over the features of
``guard_learned``. Every choice is made from 5-fold cross-validation on dev, grouped
(obfuscated variants of one text, or one scope, stay in one fold):

* ``threshold``: the probability on a 0.05 grid that maximises CV detection minus
  ``FP_COST`` x the false-positive rate, over the dev texts judged alone (the two probe
  sets): a false positive costs twice a miss, since it hides a user's real memory;
* ``strong``: the lowest grid probability at or above it that none of them reached in CV
  (below it a verdict would stay open to the scope's consensus).

Then the regression is refit on all of dev, and the dev injections' embeddings are kept as
exemplars with the name of their kind.
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
import guard_learned as learned  # noqa: E402
from results_files import write_results  # noqa: E402

from engram.ingest.guard import PoisonGuard, scan  # noqa: E402

DATA = ROOT / "tests" / "reliability" / "data"
RESULTS = ROOT / "benchmarks" / "results"
FOLDS = 5
L2 = 1e-4
STEPS = 300
#: a false positive hides a user's real memory (quarantine); a miss is one layer of several
FP_COST = 2.0
GRID = [*(round(0.2 + 0.05 * i, 2) for i in range(15)), 0.95, 0.99]
#: the name a flagged text gets from its nearest known attack (kinds of the dev sets)
REASONS = {"override": "override_instructions", "new_instructions": "override_instructions",
           "role": "persona_reassignment", "persistent": "response_rule",
           "conditional": "conditional_trigger", "exfiltration": "exfiltration_request",
           "exfil": "exfiltration_request", "exfil_url": "exfiltration_url",
           "extraction": "prompt_extraction", "fake_system": "fake_authority",
           "template": "chat_template_marker", "secrecy": "secrecy_from_user",
           "tool": "tool_call_injection", "memory_fact": "planted_fact",
           "planted_fact": "planted_fact", "one_cue": "response_rule"}

Row = dict[str, Any]


def rows() -> list[Row]:
    """Every labelled text of the three sets, with its source, split and group."""
    out: list[Row] = []
    for r in json.loads((DATA / "guard_probes.json").read_text())["probes"]:
        out.append({"src": "probes", "text": r["text"], "y": int(r["label"] == "injection"),
                    "split": r["split"], "kind": r["category"], "group": "p:" + r["group"]})
    legacy = json.loads((ROOT / "benchmarks" / "data" / "poison_probes.json").read_text())
    for key, y, split in (("probes", 1, "dev"), ("benign", 0, "dev"),
                          ("heldout_probes", 1, "test"), ("heldout_benign", 0, "test")):
        for r in legacy[key]:
            out.append({"src": "legacy", "text": r["text"], "y": y, "split": split,
                        "kind": r.get("category", "benign"), "group": "l:" + r["text"]})
    for scope in json.loads((DATA / "guard_consensus.json").read_text())["scopes"]:
        group = "c:" + scope["scope"]
        for text in scope["history"]:
            out.append({"src": "history", "text": text, "y": 0, "split": scope["split"],
                        "kind": "history", "group": group})
        for p in scope["probes"]:
            out.append({"src": "consensus", "text": p["text"], "y": int(p["label"] == "injection"),
                        "split": scope["split"], "kind": p["category"], "group": group})
    return out


def dev_rows() -> list[Row]:
    every = rows()
    test_texts = {r["text"] for r in every if r["split"] != "dev"}
    return [r for r in every if r["split"] == "dev" and r["text"] not in test_texts]


def instances(text: str, y: int) -> list[str]:
    """What the detector reads of a text: its readable form and what a trick hid. An
    injection behind a trick is learnt from the hidden part only (its cover is benign)."""
    visible, texts = learned.readings(text)
    hidden = texts[1:] if texts and texts[0] == visible else texts
    return hidden if (y and hidden) else texts


class Vectors:
    """Bundled-MiniLM vectors of every text the training reads, computed once."""

    def __init__(self, texts: list[str]) -> None:
        from engram.embed import make_embedder

        self.embedder = make_embedder()
        self.of: dict[str, np.ndarray] = {}
        self.add(texts)

    def add(self, texts: list[str]) -> None:
        unique = sorted(set(texts) - set(self.of))
        if unique:
            matrix = np.asarray(self.embedder.embed(unique), dtype=np.float32)
            self.of.update({t: matrix[i] for i, t in enumerate(unique)})

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.add(texts)
        return np.stack([self.of[t] for t in texts])


def design(texts: list[str], vectors: learned.Embed, scales: learned.Scales) -> sp.csr_matrix:
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for text in texts:
        grams = learned.hashed(text, scales)
        cols += list(grams)
        data += list(grams.values())
        ptr.append(len(cols))
    grams = sp.csr_matrix((data, cols, ptr), shape=(len(texts), learned.HASH_DIM))
    dense = sp.csr_matrix(vectors(texts) * scales.embedding)
    structure = sp.csr_matrix(np.array([learned.cues(t) for t in texts]) * scales.structure)
    return sp.hstack([grams, dense, structure]).tocsr()


def fit(train: list[Row], vectors: learned.Embed, scales: learned.Scales) -> learned.Detector:
    texts, labels = [], []
    for r in train:
        for t in instances(r["text"], r["y"]):
            texts.append(t)
            labels.append(float(r["y"]))
    x, y = design(texts, vectors, scales), np.array(labels)
    w, b = np.zeros(x.shape[1]), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    for step in range(1, STEPS + 1):  # Adam, full batch: the loss is convex, 300 steps settle it
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) / len(y)
        gw, gb = x.T @ g + L2 * w, float(g.sum())
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        c1, c2 = 1 - 0.9 ** step, 1 - 0.999 ** step
        w -= 0.05 * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        b -= 0.05 * (mb / c1) / (np.sqrt(vb / c2) + 1e-8)
    dim = vectors(texts[:1]).shape[1]
    edge = learned.HASH_DIM
    return learned.Detector(sparse=w[:edge].astype(np.float32),
                            dense=w[edge:edge + dim].astype(np.float32),
                            structure=w[edge + dim:].astype(np.float32), bias=b,
                            threshold=0.5, strong=0.5, scales=scales)


def probability(detector: learned.Detector, text: str, vectors: learned.Embed) -> float:
    """The highest probability over what the detector reads of ``text`` (as ``judge``)."""
    texts = instances(text, 0)
    return float(detector.probabilities(texts, vectors(texts)).max()) if texts else 0.0


def fold_of(row: Row) -> int:
    return int(hashlib.sha256(row["group"].encode()).hexdigest(), 16) % FOLDS


def cross_validate(dev: list[Row], vectors: Vectors, scales: learned.Scales
                   ) -> tuple[list[learned.Detector], np.ndarray]:
    detectors, probs = [], np.zeros(len(dev))
    for fold in range(FOLDS):
        detector = fit([r for r in dev if fold_of(r) != fold], vectors, scales)
        detectors.append(detector)
        for i, r in enumerate(dev):
            if fold_of(r) == fold:
                probs[i] = probability(detector, r["text"], vectors)
    return detectors, probs


def alone(dev: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the injections and benign texts judged alone (the probe sets; a consensus
    probe is judged with its scope, which may lower or raise it)."""
    solo = np.array([r["src"] in ("probes", "legacy") for r in dev])
    y = np.array([r["y"] for r in dev])
    return solo & (y == 1), solo & (y == 0)


def curve(dev: list[Row], probs: np.ndarray) -> list[dict[str, float]]:
    inj, ben = alone(dev)
    return [{"threshold": t, "detection": round(float((probs[inj] >= t).mean()), 3),
             "false_positive_rate": round(float((probs[ben] >= t).mean()), 3)} for t in GRID]


def operating_point(dev: list[Row], probs: np.ndarray) -> tuple[float, float]:
    _, benign = alone(dev)
    inj, _ = alone(dev)
    threshold = max(GRID, key=lambda t: (probs[inj] >= t).mean()
                    - FP_COST * (probs[benign] >= t).mean())
    strong = next((t for t in GRID if t >= threshold and not (probs[benign] >= t).any()), 0.99)
    return threshold, strong


def figures(part: list[Row], flagged: list[bool]) -> dict[str, Any]:
    """Detection and false positives per source set."""
    out: dict[str, Any] = {}
    for src in ("probes", "legacy", "consensus", "history"):
        pairs = [(r, f) for r, f in zip(part, flagged) if r["src"] == src]
        inj = [f for r, f in pairs if r["y"]]
        ben = [f for r, f in pairs if not r["y"]]
        if not pairs:
            continue
        out[src] = {"injections": len(inj), "detected": sum(inj), "benign": len(ben),
                    "false_positives": sum(ben),
                    "detection": round(sum(inj) / len(inj), 3) if inj else None,
                    "false_positive_rate": round(sum(ben) / len(ben), 3) if ben else None}
    return out


SETS = {"probes": "647-text probe set (guard_probes.json)",
        "legacy": "old 122-text set (poison_probes.json)",
        "consensus": "consensus probes, each judged alone (no scope)",
        "history": "consensus histories (benign memories)"}


def _markdown(result: dict[str, Any]) -> str:
    lines = [f"# Guard: a learned detector in place of the text rules ({result['date']})", "",
             f"Command: `{result['command']}`  ", f"Machine: {result['machine']}", "",
             "**Not shipped**: on the held-out half of the probe set the learned detector "
             "misses the detection target (>= 0.9); the guard keeps its text rules.", "",
             "Trained on dev halves only: " + ", ".join(
                 f"{k} {v}" for k, v in result["training_texts"].items()) + " texts. "
             f"Operating point from {FOLDS}-fold grouped CV on dev: threshold "
             f"{result['threshold']} (max detection - {FP_COST} x FP rate), strong "
             f"{result['strong']}; L2 {L2}, {STEPS} Adam steps, feature scales "
             f"{result['scales']}; {result['nonzero_hashed_weights']} non-zero hashed "
             f"weights, {result['exemplars']} exemplars. Texts are judged alone (no scope, no "
             f"consensus); flagged = verdict score >= {result['flag_line']}.", "",
             "| Detector | Split | Set | Injections | Detected | Detection | Benign | Flagged "
             "| FP rate |", "|---|---|---|---|---|---|---|---|---|"]
    for row in result["table"]:
        f = row["figures"]
        lines.append(f"| {row['detector']} | {row['split']} | {SETS[row['set']]} | "
                     f"{f['injections']} | {f['detected']} | {f['detection']} | {f['benign']} "
                     f"| {f['false_positives']} | {f['false_positive_rate']} |")
    lines += ["", "`dev (CV)`: each fold's model on dev texts it did not see; `dev`: the final "
              "model on its own training texts (in-sample); `test`: held out, scored once "
              "everything was fixed.", "",
              "CV probability on dev of the probe sets' texts alone (the highest over what "
              "the detector reads of a text), by threshold:", "",
              "| Threshold | Detection | FP rate |", "|---|---|---|"]
    lines += [f"| {c['threshold']} | {c['detection']} | {c['false_positive_rate']} |"
              for c in result["cv_curve"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    every = rows()
    dev = dev_rows()
    test = [r for r in every if r["split"] == "test"]
    scales = learned.Scales()
    vectors = Vectors([t for r in dev for t in [*instances(r["text"], 0),
                                                 *instances(r["text"], r["y"])]])
    detectors, probs = cross_validate(dev, vectors, scales)
    threshold, strong = operating_point(dev, probs)
    line = PoisonGuard().threshold
    for detector in detectors:
        detector.threshold, detector.strong = threshold, strong
    cv_flags = [learned.judge(r["text"], detectors[fold_of(r)], vectors).score >= line
                for r in dev]
    final = fit(dev, vectors, scales)
    final.threshold, final.strong = threshold, strong
    known = [(t, REASONS[r["kind"]]) for r in dev if r["y"] and r["kind"] in REASONS
             for t in instances(r["text"], 1)]
    final.exemplars = vectors([t for t, _ in known])
    final.exemplar_reasons = [reason for _, reason in known]
    table = [{"detector": "learned", "split": "dev (CV)", "set": k, "figures": v}
             for k, v in figures(dev, cv_flags).items()]
    scores: dict[str, Callable[[str], float]] = {
        "learned": lambda t: learned.judge(t, final, vectors).score,
        "rules": lambda t: scan(t).score}
    for name, score in scores.items():
        for split, part in (("dev", dev), ("test", test), ("all", every)):
            flags = [score(r["text"]) >= line for r in part]
            table += [{"detector": name, "split": split, "set": k, "figures": v}
                      for k, v in figures(part, flags).items()]
    counts = {src: sum(r["src"] == src for r in dev)
              for src in ("probes", "legacy", "consensus", "history")}
    result = {"date": time.strftime("%Y-%m-%d"), "command": "python benchmarks/train_guard.py",
              "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
                         f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}",
              "training_texts": counts, "threshold": threshold, "strong": strong,
              "flag_line": line, "scales": scales.__dict__, "cv_curve": curve(dev, probs),
              "nonzero_hashed_weights": int(np.count_nonzero(final.sparse)),
              "exemplars": len(known), "structure_names": list(learned.NAMES), "table": table}
    print(write_results(RESULTS / "guard-learned", result, _markdown, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
