"""Write a benchmark result as JSON, a Markdown table and a recall@k plot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from engram.bench.runner import BUDGETS, KS


def _fmt(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


def markdown(result: dict[str, Any], command: str) -> str:
    systems = result["systems"]
    lines = [
        f"# {result['dataset']} retrieval benchmark ({date.today().isoformat()})", "",
        f"Command: `{command}`", "",
        f"Data: `{result['data']}` — {result['questions']} questions "
        f"({result['abstention_questions']} abstention/adversarial, excluded from the overall rows), "
        f"{result['ingest']['haystacks']} haystacks, {result['ingest']['turns']} turns stored as "
        f"{result['ingest']['rounds']} rounds. Embedder `{result['settings']['embedder']}`, "
        f"ingest enrichers {result['settings']['enrichers']}, fact extraction "
        f"{'on' if result['settings'].get('extraction') else 'off'}, search limit "
        f"{result['settings']['search_limit']}. No LLM anywhere.", "",
        "## Overall (answerable questions)", "",
        "| system | " + " | ".join(f"turn R@{k}" for k in KS) + " | session R@5 | turn NDCG@10 | "
        + " | ".join(f"R@{b // 1000}k tok" for b in BUDGETS) + " | p50 ms | p95 ms |",
        "|---|" + "---|" * (len(KS) + 4 + len(BUDGETS)),
    ]
    for name, data in systems.items():
        row = data["answerable"]
        lines.append(
            f"| {name} | " + " | ".join(_fmt(row.get(f"turn_recall_any@{k}")) for k in KS)
            + f" | {_fmt(row.get('session_recall_any@5'))} | {_fmt(row.get('turn_ndcg@10'))} | "
            + " | ".join(_fmt(row.get(f"budget_recall@{b}")) for b in BUDGETS)
            + f" | {_fmt(data['latency_ms']['p50'])} | {_fmt(data['latency_ms']['p95'])} |")
    if "hybrid" in systems:
        lines += ["", "Ratios (hybrid ÷ baseline, turn Recall@10 / session Recall@5):", ""]
        hybrid = systems["hybrid"]["answerable"]
        for base in (s for s in systems if s != "hybrid"):
            other = systems[base]["answerable"]
            parts = []
            for metric in ("turn_recall_any@10", "session_recall_any@5"):
                if other.get(metric):
                    parts.append(f"{hybrid[metric] / other[metric]:.3f}")
            lines.append(f"- hybrid ÷ {base}: " + " / ".join(parts))
    lines += ["", "## Turn Recall@10 (any evidence) by question type", "",
              "| type | n | " + " | ".join(systems) + " |", "|---|---|" + "---|" * len(systems)]
    types = next(iter(systems.values()))["by_type"]
    for qtype, summary in types.items():
        lines.append(f"| {qtype} | {summary['n']} | " + " | ".join(
            _fmt(systems[s]["by_type"][qtype].get("turn_recall_any@10")) for s in systems) + " |")
    lines += ["", "## Turn Recall@10 (all evidence) by question type", "",
              "| type | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    for qtype in types:
        lines.append(f"| {qtype} | " + " | ".join(
            _fmt(systems[s]["by_type"][qtype].get("turn_recall_all@10")) for s in systems) + " |")
    if result.get("qa"):
        qa = result["qa"]
        qa_system = systems[qa["system"]]
        lines += ["", f"## QA accuracy (LLM judge; reader `{qa['model']}` on `{qa['system']}`, "
                  f"{qa['budget']} tokens of context)", "", "| type | n | accuracy |", "|---|---|---|",
                  f"| all | {qa_system['all']['n']} | {_fmt(qa_system['all'].get('qa_correct'))} |"]
        for qtype, summary in qa_system["by_type"].items():
            lines.append(f"| {qtype} | {summary['n']} | {_fmt(summary.get('qa_correct'))} |")
    ingest = result["ingest"]
    lines += ["", f"Ingest: {ingest['rounds']} rounds in {ingest['seconds']:.1f} s "
              f"({ingest['rounds_per_second']:.1f} rounds/s, embedding + key extraction + SQLite)."]
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
