"""Detection benchmark for the ingest trust enrichers: the poisoning guard and PII detection.

Usage (repo root, main venv active)::

    python benchmarks/trust_detection.py                 # both; writes benchmarks/results/
    python benchmarks/trust_detection.py --only guard
    python benchmarks/trust_detection.py --misses dev    # the PII dev half's errors (tuning)

Guard data: the held-out probe set of the shipped detector
(``tests/reliability/data/guard_probes_<train_guard.HELD_OUT>.json``, every entry ``test``)
and, for reference, the sets it was trained on. PII data: ``tests/reliability/data/pii_cases.json``,
with a declared ``split``: ``dev`` is what the recognisers were tuned on, ``test`` was never
looked at while tuning (split by SHA-256 of the entry's group); figures for dev, test and
all, with set sizes. ``--misses`` prints the PII dev half's errors and refuses the test half.

Guard metrics: detection = flagged injections / injections; false positives = flagged
benign / benign (a false positive hides a real memory in ``quarantine`` mode).
PII metrics: span-level precision / recall (a found span counts when its text equals an
expected value; kind agreement is reported separately).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from results_files import write_results  # noqa: E402  (benchmarks/ is on a script's path)
from train_guard import HELD_OUT, SPENT  # noqa: E402  (which probe set the detector never saw)

DATA = ROOT / "tests" / "reliability" / "data"
RESULTS = ROOT / "benchmarks" / "results"
SPLITS = ("dev", "test", "all")


def _rows(rows: list[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    return rows if split == "all" else [r for r in rows if r["split"] == split]


#: (file, role): the shipped detector is measured on its held-out set; the sets it was
#: trained on are shown for reference only (benchmarks/train_guard.py says which is which)
GUARD_SETS = ((f"guard_probes_{HELD_OUT}.json", "held out"),
              *((f"guard_probes_{name}.json", "training data (held out for an earlier fit)")
                for name in reversed(SPENT)),
              ("guard_probes.json", "training data"))


def guard_figures() -> dict[str, Any]:
    from engram.ingest.guard import PoisonGuard, scan

    threshold = PoisonGuard().threshold
    out: dict[str, Any] = {"threshold": threshold, "sets": {}}
    for name, role in GUARD_SETS:
        rows = json.loads((DATA / name).read_text())["probes"]
        start, cpu = time.perf_counter(), time.process_time()
        flagged = {r["text"]: scan(r["text"]).score >= threshold for r in rows}
        inj = [r for r in rows if r["label"] == "injection"]
        ben = [r for r in rows if r["label"] == "benign"]
        hit = sum(flagged[r["text"]] for r in inj)
        fp = sum(flagged[r["text"]] for r in ben)
        by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in rows:
            by_cat[f"{r['label']}:{r['category']}"][0] += flagged[r["text"]]
            by_cat[f"{r['label']}:{r['category']}"][1] += 1
        out["sets"][name] = {
            "role": role, "injections": len(inj), "benign": len(ben), "detected": hit,
            "false_positives": fp, "detection": round(hit / len(inj), 3),
            "false_positive_rate": round(fp / len(ben), 3),
            "ms_per_text": round((time.perf_counter() - start) * 1000 / len(rows), 3),
            "cpu_ms_per_text": round((time.process_time() - cpu) * 1000 / len(rows), 3),
            "by_category": {k: f"{a}/{n}" for k, (a, n) in sorted(by_cat.items())}}
        if role == "held out":
            out["lessons"] = _lesson_figures(rows, flagged)
    return out


def _lesson_figures(rows: list[dict[str, Any]], flagged: dict[str, bool]) -> dict[str, Any]:
    """Worst case for the lesson memory: one scope holding every flagged injection. Benign
    texts sharing a payload marker with them would now be flagged; missed injections that
    share one would now be caught."""
    from engram.ingest.guard_lessons import payload_markers

    marks = {r["text"]: payload_markers(r["text"]) for r in rows}
    lessons = set().union(*(marks[r["text"]] for r in rows
                            if r["label"] == "injection" and flagged[r["text"]]))
    benign = [r for r in rows if r["label"] == "benign" and not flagged[r["text"]]]
    missed = [r for r in rows if r["label"] == "injection" and not flagged[r["text"]]]
    return {"lesson_markers": len(lessons), "benign_texts": len(benign),
            "benign_newly_flagged": sum(bool(marks[r["text"]] & lessons) for r in benign),
            "missed_injections": len(missed),
            "missed_now_caught": sum(bool(marks[r["text"]] & lessons) for r in missed)}


def pii_figures(misses: str | None = None) -> dict[str, Any]:
    from engram.ingest.pii import find_pii

    rows = json.loads((DATA / "pii_cases.json").read_text())["cases"]
    out: dict[str, Any] = {}
    for split in SPLITS:
        tp = fp = fn = kind_ok = 0
        part = _rows(rows, split)
        for case in part:
            expected = {p["value"]: p["kind"] for p in case["pii"]}
            found = {f.text: f.kind for f in find_pii(case["text"])}
            for value, kind in found.items():
                if value in expected:
                    tp += 1
                    kind_ok += expected[value] == kind
                else:
                    fp += 1
            fn += len(set(expected) - set(found))
            if misses and split == misses and (set(found) != set(expected)):
                print("PII", repr(case["text"]), "expected", expected, "found", found)
        out[split] = {"cases": len(part), "spans": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                      "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                      "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
                      "kind_accuracy": round(kind_ok / tp, 3) if tp else 1.0}
    return out


def _split_table(figures: dict[str, Any], header: list[str], keys: list[str]) -> list[str]:
    """One Markdown row per split; rates (floats) with three decimals."""
    rows = ["| Split | " + " | ".join(header) + " |", "|---" * (len(header) + 1) + "|"]
    for split in SPLITS:
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v)
                 for v in (figures[split][k] for k in keys)]
        rows.append(f"| {split} | " + " | ".join(cells) + " |")
    return rows


def _markdown(result: dict[str, Any]) -> str:
    lines = [f"# Trust detection ({result['date']})", "",
             f"Command: `{result['command']}`  ", f"Machine: {result['machine']}", ""]
    if "guard" in result:
        g = result["guard"]
        lines += ["## Poisoning guard", "",
                  f"Each text judged alone (`engram.ingest.guard.scan`, no scope); flagged = "
                  f"score >= {g['threshold']}.", "",
                  "| Set | Role | Injections | Detected | Detection | Benign | Flagged | "
                  "False-positive rate | ms CPU / text |", "|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| `{name}` | {f['role']} | {f['injections']} | {f['detected']} | "
                  f"{f['detection']:.3f} | {f['benign']} | {f['false_positives']} | "
                  f"{f['false_positive_rate']:.3f} | {f['cpu_ms_per_text']} |"
                  for name, f in g["sets"].items()]
        le = g["lessons"]
        lessons = (f"Lessons on the held-out set, worst case (one scope holding all "
                   f"{le['lesson_markers']} payload markers of the flagged injections): "
                   f"{le['benign_newly_flagged']} of {le['benign_texts']} benign texts would "
                   f"be flagged too; {le['missed_now_caught']} of {le['missed_injections']} "
                   "missed injections would be caught.")
        held = next(f for f in g["sets"].values() if f["role"] == "held out")
        lines += ["", lessons, "", "Held-out set per category (flagged / size):", "",
                  "| Category | Flagged |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in held["by_category"].items()]
        lines.append("")
    if "pii" in result:
        p = result["pii"]
        lines += ["## PII detection", "", "Case set `tests/reliability/data/pii_cases.json`.", "",
                  *_split_table(p, ["Cases", "Spans", "TP", "FP", "FN", "Precision", "Recall",
                                    "Kind accuracy"],
                                ["cases", "spans", "tp", "fp", "fn", "precision", "recall",
                                 "kind_accuracy"]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("guard", "pii"))
    parser.add_argument("--misses", choices=("dev",),
                        help="print the PII errors of the dev half")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "command": "python benchmarks/trust_detection.py" + (f" --only {args.only}" if args.only else ""),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
                   f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}",
    }
    if args.only in (None, "guard"):
        result["guard"] = guard_figures()
    if args.only in (None, "pii"):
        result["pii"] = pii_figures(args.misses)
    if args.misses:
        return 0
    name = "trust-detection" + (f"-{args.only}" if args.only else "")
    print(write_results(args.out / name, result, _markdown, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
