"""Result files of benchmarks/load.py: JSON, a Markdown table (with a row-by-row
comparison against a baseline run when given) and a plot of ops/s and p99 by clients."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

Row = dict[str, Any]
KEY = ("backend", "workers", "clients")


def write(rows: list[Row], setup: dict[str, Any], out: Path, tag: str = "",
          baseline: dict[str, Any] | None = None) -> Path:
    """Write load-<date>[-<tag>].{json,md,png}; returns the Markdown file."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"load-{date.today().isoformat()}{'-' + tag if tag else ''}"
    stem.with_suffix(".json").write_text(json.dumps({**setup, "rows": rows}, indent=2) + "\n")
    lines = [f"# REST server under load ({date.today().isoformat()}{', ' + setup['label'] if setup['label'] else ''})",
             "", f"`engram serve` on loopback, embedder `{setup['embedder']}`, a fresh store per row; "
             f"asyncio clients (`{setup['client']}`: {setup['client_about']}) on the same machine, "
             "40 % search / 30 % add / 15 % update / 10 % get / 5 % delete, each in its own user "
             "scope. Before the timed window every client makes one untimed add and search "
             f"(warm-up: connections, the server's first-use costs). {setup['cores']} cores shared "
             "with other jobs (load averages 1/5/15 after each row): read ops/s as a ratio within "
             "one run; CPU ms per operation is the figure other jobs disturb least (server: the "
             "`engram serve` processes; PostgreSQL: the throwaway server's processes, where "
             "measured). On 2 cores, ops/s cannot exceed 2000 / (server + PostgreSQL + client "
             "CPU ms per op).", "", *_table(rows, setup["cores"] or 1), "", *_by_op(rows)]
    if baseline is not None:
        lines += ["", f"## Against the baseline ({baseline.get('label') or baseline.get('command')})", "",
                  *_compare(baseline["rows"], rows)]
    plot = _plot(rows, baseline["rows"] if baseline else None, stem.with_suffix(".png"))
    if plot:
        lines += ["", f"![ops/s and p99 by clients]({plot.name})"]
    lines += ["", f"Command: `{setup['command']}`", ""]
    stem.with_suffix(".md").write_text("\n".join(lines))
    return stem.with_suffix(".md")


def _or_dash(value: Any) -> str:
    return "–" if value is None else str(value)


def _ceiling(row: Row, cores: int) -> str:
    """ops/s the measured CPU per operation allows on ``cores`` with nothing else running."""
    parts = [row.get(k) for k in ("server_cpu_ms_per_op", "store_cpu_ms_per_op", "client_cpu_ms_per_op")]
    if parts[0] is None or (row["backend"] == "postgres" and parts[1] is None):
        return "–"
    total = sum(p for p in parts if p is not None)
    return str(round(1000 * cores / total)) if total else "–"


def _table(rows: list[Row], setup_cores: int) -> list[str]:
    out = ["| backend | workers | clients | warm-up s | ops/s | p50 ms | p95 ms | p99 ms | errors "
           "| lost/extra writes | server CPU ms/op | PostgreSQL CPU ms/op | client CPU ms/op "
           "| CPU-bound ceiling ops/s | load |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    out += [f"| {r['backend']} | {r['workers']} | {r['clients']} | {r['warm_up_s']} | {r['ops_per_s']} | "
            f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['errors']} | "
            f"{len(r['lost_or_extra_writes'])} | {r['server_cpu_ms_per_op']} | "
            f"{_or_dash(r.get('store_cpu_ms_per_op'))} | {r['client_cpu_ms_per_op']} | "
            f"{_ceiling(r, setup_cores)} | {' '.join(map(str, r['load']))} |" for r in rows]
    return out


def _by_op(rows: list[Row]) -> list[str]:
    """p50 / p99 per operation: which requests set the tail."""
    ops = ("search", "add", "update", "get", "delete")
    out = ["p50 / p99 ms by operation:", "",
           "| backend | workers | clients | " + " | ".join(ops) + " |", "|---|---|---|" + "---|" * len(ops)]
    for r in rows:
        p50, p99 = r.get("per_op_p50_ms", {}), r.get("per_op_p99_ms", {})
        out.append(f"| {r['backend']} | {r['workers']} | {r['clients']} | " + " | ".join(
            f"{_or_dash(p50.get(op))} / {_or_dash(p99.get(op))}" for op in ops) + " |")
    return out


def _compare(before: list[Row], after: list[Row]) -> list[str]:
    old = {tuple(r[k] for k in KEY): r for r in before}
    out = ["| backend | workers | clients | ops/s before → after | p99 ms before → after "
           "| server CPU ms/op before → after | PostgreSQL CPU ms/op before → after "
           "| errors before/after |", "|---|---|---|---|---|---|---|---|"]
    for r in after:
        b = old.get(tuple(r[k] for k in KEY))
        if b is None:
            continue
        ratio = f" (×{r['ops_per_s'] / b['ops_per_s']:.1f})" if b["ops_per_s"] else ""
        out.append(f"| {r['backend']} | {r['workers']} | {r['clients']} | {b['ops_per_s']} → "
                   f"{r['ops_per_s']}{ratio} | {b['p99_ms']} → {r['p99_ms']} | "
                   f"{b.get('server_cpu_ms_per_op')} → {r['server_cpu_ms_per_op']} | "
                   f"{_or_dash(b.get('store_cpu_ms_per_op'))} → {_or_dash(r.get('store_cpu_ms_per_op'))} | "
                   f"{b['errors']}/{r['errors']} |")
    return out


def _plot(rows: list[Row], before: list[Row] | None, path: Path) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # the `bench` extra; the JSON and the table are written anyway
        return None
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    every = sorted({(r["backend"], r["workers"]) for r in [*rows, *(before or [])]})
    colors = {series: f"C{i}" for i, series in enumerate(every)}
    for data, style, suffix in ((rows, "-o", ""), (before or [], "--x", " (baseline)")):
        for series in sorted({(r["backend"], r["workers"]) for r in data}):
            pts = sorted((r["clients"], r["ops_per_s"], r["p99_ms"]) for r in data
                         if (r["backend"], r["workers"]) == series)
            label = f"{series[0]}, {series[1]} worker{'s' if series[1] > 1 else ''}{suffix}"
            for ax, k in ((axes[0], 1), (axes[1], 2)):
                ax.plot([p[0] for p in pts], [p[k] for p in pts], style, label=label,
                        color=colors[series])
    for ax, title in zip(axes, ("ops/s (higher is better)", "p99 latency, ms (lower is better)")):
        ax.set_xlabel("concurrent clients")
        ax.set_xscale("log")
        ax.set_xticks(sorted({r["clients"] for r in rows}), [str(c) for c in sorted({r["clients"] for r in rows})])
        ax.set_title(title)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
