"""Write a benchmark result as JSON, a Markdown report and a recall@k plot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from engram.bench.scoring import BUDGETS, KS

MAIN = [("turn R@1", "turn_recall_any@1"), ("turn R@5", "turn_recall_any@5"),
        ("turn R@10", "turn_recall_any@10"), ("turn all@10", "turn_recall_all@10"),
        ("session R@1", "session_recall_any@1"), ("session R@5", "session_recall_any@5"),
        ("session all@10", "session_recall_all@10"), ("turn NDCG@10", "turn_ndcg@10")] + [
    (f"in {b // 1000}k tok", f"budget_recall@{b}") for b in BUDGETS]
BY_TYPE = [("turn R@10", "turn_recall_any@10"), ("turn all@10", "turn_recall_all@10"),
           ("session R@1", "session_recall_any@1"), ("in 2k tok", "budget_recall@2000"),
           ("in 4k tok", "budget_recall@4000")]
PUBLISHED = {"longmemeval": [
    "Published figures (Wu et al., ICLR 2025, Table 3 / Figure 7, original release, LongMemEval_M — "
    "about 500 sessions per question, ten times S's haystack, so not directly comparable): Stella V5 "
    "with key = value + extracted facts, round Recall@5 0.644 and Recall@10 0.784, session Recall@5 "
    "0.732 and Recall@10 0.862; BM25 session Recall@5 0.634. Public LLM-free systems claim session "
    "Recall@5 of 0.95-0.98 on S; those are claims, not our measurements."]}
UPDATES = [("newest evidence session first (LongMemEval knowledge-update)", "newest_first"),
           ("the asked state's session first: newest, or oldest when the question asks about "
            "an earlier state (LongMemEval knowledge-update)", "asked_state_first"),
           ("updated_info above original_info (BEAM knowledge_update)", "updated_above_original@10"),
           ("both statements in top 10 (BEAM contradiction_resolution)", "both_statements@10")]


def _fmt(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(r) + " |" for r in rows)]


def markdown(result: dict[str, Any], command: str) -> str:
    systems = result["systems"]
    settings, ingest = result["settings"], result["ingest"]
    lines = [
        f"# {result['dataset']} retrieval benchmark ({date.today().isoformat()})", "",
        f"Command: `{command}`", "",
        (f"Data: `{result['data']}` — {result['questions']} questions "
         f"(split {result['selection'].get('split', 'all')}, sample {result['selection'].get('sample')}, "
         f"seed {result['selection'].get('seed')}"
         + (f", types {', '.join(result['selection']['types'])}" if result['selection'].get('types') else "")
         + f"; {result['abstention_questions']} abstention/adversarial, "
         f"reported apart), {ingest['haystacks']} haystacks, {ingest['turns']} turns stored as "
         f"{ingest['rounds']} rounds. Embedder `{settings['embedder']}`, ingest enrichers "
         f"{settings['enrichers']}, fact extraction {'on' if settings.get('extraction') else 'off'}, "
         f"candidate depth {settings.get('search_depth')}; top-k figures from `search(limit="
         f"{settings['search_limit']})`, packed figures from `search(token_budget=B)`'s packing of "
         f"the first {settings.get('pack_limit')} hits. No LLM anywhere. Machine load: "
         f"{result.get('load', 'not recorded')}."), "",
        "## Overall (answerable questions)", "",
    ]
    lines += _table(["system", *(h for h, _ in MAIN), "p50 ms", "p95 ms"], [
        [name, *(_fmt(data["answerable"].get(m)) for _, m in MAIN),
         _fmt(data["latency_ms"]["p50"]), _fmt(data["latency_ms"]["p95"])]
        for name, data in systems.items()])
    lines += ["", "## Dev / test / all (declared split, engram.bench.splits)", ""]
    keys = [("turn R@10", "turn_recall_any@10"), ("turn all@10", "turn_recall_all@10"),
            ("session R@1", "session_recall_any@1"), ("in 2k tok", "budget_recall@2000"),
            ("in 4k tok", "budget_recall@4000")]
    rows = []
    for name, data in systems.items():
        for split in ("dev", "test"):
            part = data.get("by_split", {}).get(split, {})
            rows.append([name, split, str(part.get("n", 0)), *(_fmt(part.get(m)) for _, m in keys)])
        rows.append([name, "all", str(data["answerable"].get("n", 0)),
                     *(_fmt(data["answerable"].get(m)) for _, m in keys)])
    lines += _table(["system", "split", "n", *(h for h, _ in keys)], rows)
    types = next(iter(systems.values()))["by_type"]
    for header, metric in BY_TYPE:
        lines += ["", f"## {header} by question type", ""]
        lines += _table(["type", "n", *systems], [
            [qtype, str(summary["n"]), *(_fmt(systems[s]["by_type"].get(qtype, {}).get(metric)) for s in systems)]
            for qtype, summary in types.items()])
    updates = [(label, metric) for label, metric in UPDATES
               if any(data["answerable"].get(f"n_{metric}") for data in systems.values())]
    if updates:
        lines += ["", "## Knowledge updates and contradictions", ""]
        counts = next(iter(systems.values()))["answerable"]  # every system saw the same questions
        lines += _table(["check", "n", *systems], [
            [label, str(counts.get(f"n_{metric}", 0)),
             *(_fmt(systems[s]["answerable"].get(metric)) for s in systems)] for label, metric in updates])
        unrankable = counts.get("n_same_message_labelled_both", 0)
        if unrankable:
            lines += ["", f"Left out of the BEAM knowledge_update check: {unrankable} question(s) whose "
                      "annotation names one message as both the original and the updated information, "
                      "so no ranking can put one above the other."]
    abstain = {s: d.get("abstention", {}) for s, d in systems.items()}
    if any(a.get("n") for a in abstain.values()):
        lines += ["", "## Abstention questions (no evidence in the history)", "",
                  "Mean top score (0-1 for the calibrated hybrid; lower is better, an agent can abstain "
                  "below a threshold): " + ", ".join(
                      f"{s} {_fmt(a.get('top_score'))} (n={a.get('n', 0)})" for s, a in abstain.items())]
    for note in PUBLISHED.get(result["dataset"], []):
        lines += ["", "## Published figures", "", note]
    if result.get("qa"):
        qa = result["qa"]
        qa_system = systems[qa["system"]]
        lines += ["", (f"## QA accuracy (LLM judge; reader `{qa['model']}` on `{qa['system']}`, "
                  f"{qa['budget']} tokens of context)"), "", "| type | n | accuracy |", "|---|---|---|",
                  f"| all | {qa_system['all']['n']} | {_fmt(qa_system['all'].get('qa_correct'))} |"]
        for qtype, summary in qa_system["by_type"].items():
            lines.append(f"| {qtype} | {summary['n']} | {_fmt(summary.get('qa_correct'))} |")
    lines += ["", (f"Ingest: {ingest['rounds']} rounds in {ingest['seconds']:.1f} s "
              f"({ingest['rounds_per_second'] or 0:.1f} rounds/s, embedding + key extraction + SQLite).")]
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4))
    for name, data in result["systems"].items():
        ax.plot(KS, [data["answerable"].get(f"turn_recall_any@{k}") or 0 for k in KS], marker="o",
                label=name)
    ax.set_xscale("log")
    ax.set_xticks(KS, [str(k) for k in KS])
    ax.set_xlabel("k (retrieved rounds)")
    ax.set_ylabel("turn-level Recall@k (any evidence)")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.set_title(f"{result['dataset']}: {result['questions']} questions")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write(result: dict[str, Any], out_dir: Path, command: str, *, tag: str | None = None) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{result['dataset']}-{date.today().isoformat()}" + (f"-{tag}" if tag else "")
    paths = {"json": out_dir / f"{stem}.json", "md": out_dir / f"{stem}.md",
             "png": out_dir / f"{stem}.png"}
    paths["json"].write_text(json.dumps({**result, "command": command}, indent=2, default=str))
    paths["md"].write_text(markdown(result, command))
    try:
        plot(result, paths["png"])
    except ImportError:
        paths.pop("png")  # matplotlib is the `bench` extra
    return paths
