"""Knowledge-update benchmark: does memory answer with the *current* value?

Usage (repo root, main venv active; matplotlib for the plot)::

    python benchmarks/knowledge_updates.py            # all cases, writes benchmarks/results/
    python benchmarks/knowledge_updates.py --limit 10 # a quick look

Each case in ``benchmarks/data/knowledge_updates.json`` is a scripted multi-session
conversation in which a fact about the user changes (a move, a new job, a changed
preference, a correction, a negation), is repeated (duplicates), or is surrounded by
distractors (other people's moves and jobs). Every case is ingested into a fresh store
with the real bundled embedder (all-MiniLM-L6-v2 int8), one ``add`` per session with
the session's date as event time; questions are asked 10 days after the last session.

Systems:

* ``episodic`` — rounds only (extraction off): the baseline.
* ``episodic+facts`` — heuristic extractor on; default search over every kind.
* ``facts-first`` — same store; search ``kinds=["fact"]`` first and fall back to all
  kinds when no fact matches (how an agent would ask for the current state).

Metrics (values are matched as whole words, case-insensitively):

* current-value accuracy — the top hit mentions a current value;
* stale-value leak@5 — some top-5 hit mentions a superseded value and no current one;
* duplicate rate@5 — among top-5 hits that mention an expected value, the share that
  repeat a value already shown by a higher-ranked hit (wasted context);
* past recall@5 — for "where did the user live before?" questions, a superseded value
  is in the top 5 (the old value must stay findable);
* stored duplicate facts — active facts repeating an active fact's slot and value.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "knowledge_updates.json"
RESULTS = ROOT / "benchmarks" / "results"
K = 5
SYSTEMS = ("episodic", "episodic+facts", "facts-first")


def _at(day: str) -> datetime:
    d = date.fromisoformat(day)
    return datetime(d.year, d.month, d.day, 12, tzinfo=UTC)


def _mentions(text: str, values: list[str]) -> list[str]:
    return [v for v in values if re.search(r"\b" + re.escape(v) + r"\b", text, re.IGNORECASE)]


def _is_stale(text: str, case: dict[str, Any]) -> bool:
    if _mentions(text, case["current"]):
        return False
    if case.get("stale_regex"):
        return re.search(case["stale_regex"], text, re.IGNORECASE) is not None
    return bool(_mentions(text, case["stale"]))


def ingest(case: dict[str, Any], folder: Path, embedder: Any, extraction: bool) -> Any:
    from engram import Memory
    from engram.config import Settings

    settings = Settings(data_dir=folder, embedding_cache=False, extraction=extraction,
                        extractor="heuristic", exhaustive_max_items=0)
    mem = Memory(folder / "ku.db", settings=settings, embedder=embedder)
    for n, session in enumerate(case["sessions"]):
        messages = [m for user, assistant in session["turns"]
                    for m in ({"role": "user", "content": user}, {"role": "assistant", "content": assistant})]
        mem.add(messages, user_id="u", session_id=f"s{n + 1}", event_time=_at(session["date"]))
    return mem


def ask(mem: Any, question: str, now: datetime, system: str) -> list[str]:
    if system == "facts-first":
        hits = mem.search(question, user_id="u", limit=K, now=now, filters={"kinds": ["fact"]}).hits
        if hits:
            return [h.item.content for h in hits]
    return [h.item.content for h in mem.search(question, user_id="u", limit=K, now=now).hits]


def score(case: dict[str, Any], hits: list[str]) -> dict[str, float]:
    shown: set[str] = set()
    relevant = repeated = 0
    for text in hits:
        values = {v.lower() for v in _mentions(text, case["current"] + case["stale"])}
        if values:
            relevant += 1
            repeated += bool(values & shown)
            shown |= values
    return {"current_at_1": float(bool(hits) and bool(_mentions(hits[0], case["current"]))),
            "stale_leak_at_5": float(any(_is_stale(t, case) for t in hits)),
            "dup_hits": repeated, "relevant_hits": relevant}


def stored_duplicates(mem: Any) -> tuple[int, int]:
    facts = mem.list(user_id="u", filters={"kinds": ["fact"]}, limit=1000).items
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for f in facts:
        seen[(f.metadata.get("slot", ""), f.metadata.get("value_norm", f.content))] += 1
    return sum(n - 1 for n in seen.values()), len(facts)


def run(cases: list[dict[str, Any]]) -> dict[str, Any]:
    from engram.embed import make_embedder

    embedder = make_embedder("minilm-onnx")
    rows: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
    dup_facts = [0, 0]
    timings: dict[str, list[float]] = {"ingest_plain_s": [], "ingest_extract_s": []}
    for n, case in enumerate(cases, start=1):
        now = _at(case["question_date"])
        for extraction in (False, True):
            folder = Path(tempfile.mkdtemp(prefix="engram-ku-"))
            try:
                started = time.perf_counter()
                mem = ingest(case, folder, embedder, extraction)
                timings["ingest_extract_s" if extraction else "ingest_plain_s"].append(
                    time.perf_counter() - started)
                systems = ("episodic+facts", "facts-first") if extraction else ("episodic",)
                for system in systems:
                    row = {"id": case["id"], "category": case["category"],
                           **score(case, ask(mem, case["question"], now, system))}
                    if case.get("past_question"):
                        past = ask(mem, case["past_question"], now, system)
                        row["past_at_5"] = float(any(_mentions(t, case["stale"]) for t in past))
                    rows[system].append(row)
                if extraction:
                    dups, total = stored_duplicates(mem)
                    dup_facts[0] += dups
                    dup_facts[1] += total
                mem.close()
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        print(f"\r{n}/{len(cases)} cases", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return {"rows": rows, "summary": {s: summarize(r) for s, r in rows.items()},
            "by_category": {s: {c: summarize([x for x in r if x["category"] == c])
                                for c in sorted({x["category"] for x in r})} for s, r in rows.items()},
            "stored_duplicate_facts": {"duplicates": dup_facts[0], "facts": dup_facts[1],
                                       "rate": dup_facts[0] / dup_facts[1] if dup_facts[1] else 0.0},
            "ingest_seconds_per_case": {k: statistics.mean(v) for k, v in timings.items() if v}}


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    past = [r["past_at_5"] for r in rows if "past_at_5" in r]
    relevant = sum(r["relevant_hits"] for r in rows)
    return {"n": len(rows),
            "current_accuracy": statistics.mean(r["current_at_1"] for r in rows),
            "stale_leak_rate": statistics.mean(r["stale_leak_at_5"] for r in rows),
            "duplicate_rate": sum(r["dup_hits"] for r in rows) / relevant if relevant else 0.0,
            "past_recall": statistics.mean(past) if past else None, "past_n": len(past)}


def markdown(result: dict[str, Any], command: str) -> str:
    f = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"# Knowledge-update benchmark ({date.today().isoformat()})", "",
             f"Command: `{command}`", "",
             f"{result['cases']} scripted cases (`benchmarks/data/knowledge_updates.json`), real bundled "
             "embedder (all-MiniLM-L6-v2 int8), heuristic extractor, no LLM. Top-k = 5.", "",
             "| system | current-value accuracy | stale-value leak@5 | duplicate rate@5 | past recall@5 |",
             "|---|---|---|---|---|"]
    for system, s in result["summary"].items():
        lines.append(f"| {system} | {f(s['current_accuracy'])} | {f(s['stale_leak_rate'])} | "
                     f"{f(s['duplicate_rate'])} | {f(s['past_recall'])} (n={s['past_n']}) |")
    dup = result["stored_duplicate_facts"]
    lines += ["", f"Stored duplicate facts (extractor on): {dup['duplicates']} of {dup['facts']} "
              f"active facts ({dup['rate']:.3f}).", "",
              "Mean ingest time per case: " + ", ".join(
                  f"{k.removeprefix('ingest_').removesuffix('_s')} {v:.2f} s"
                  for k, v in result["ingest_seconds_per_case"].items()) + ".", "",
              "## Current-value accuracy by category", "",
              "| category | n | " + " | ".join(SYSTEMS) + " |", "|---|---|" + "---|" * len(SYSTEMS)]
    for cat, s in result["by_category"]["episodic"].items():
        lines.append(f"| {cat} | {s['n']} | " + " | ".join(
            f(result["by_category"][sys_][cat]["current_accuracy"]) for sys_ in SYSTEMS) + " |")
    lines += ["", "## Stale-value leak@5 by category", "",
              "| category | " + " | ".join(SYSTEMS) + " |", "|---|" + "---|" * len(SYSTEMS)]
    for cat in result["by_category"]["episodic"]:
        lines.append(f"| {cat} | " + " | ".join(
            f(result["by_category"][sys_][cat]["stale_leak_rate"]) for sys_ in SYSTEMS) + " |")
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [("current_accuracy", "current-value\naccuracy ↑"), ("stale_leak_rate", "stale leak@5 ↓"),
               ("duplicate_rate", "duplicate rate@5 ↓"), ("past_recall", "past recall@5 ↑")]
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.8 / len(SYSTEMS)
    for n, system in enumerate(SYSTEMS):
        values = [result["summary"][system][m] or 0.0 for m, _ in metrics]
        bars = ax.bar([i + n * width for i in range(len(metrics))], values, width, label=system)
        ax.bar_label(bars, fmt="%.2f", fontsize=7)
    ax.set_xticks([i + width for i in range(len(metrics))], [label for _, label in metrics])
    ax.set_ylim(0, 1.1)
    ax.set_title(f"Knowledge updates ({result['cases']} cases, MiniLM, heuristic extractor)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    cases = json.loads(args.data.read_text())["cases"][: args.limit]
    result = {"cases": len(cases), **run(cases)}
    command = "python benchmarks/knowledge_updates.py" + (f" --limit {args.limit}" if args.limit else "")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "knowledge-updates.json").write_text(json.dumps(result, indent=1))
    (args.out / "knowledge-updates.md").write_text(markdown(result, command))
    try:
        plot(result, args.out / "knowledge-updates.png")
    except ImportError:
        print("matplotlib is not installed; skipped the plot", file=sys.stderr)
    print(markdown(result, command))


if __name__ == "__main__":
    main()
