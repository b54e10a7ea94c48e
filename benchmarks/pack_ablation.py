"""The packed-context share of the best hit, on a declared dev split (never test), over an
existing bench database: evidence inside 1k-8k tokens with the best hit kept whole when it
takes at most 1/SHARE of the budget (:data:`engram.retrieve.pack.TOP_WHOLE_SHARE`), for
several shares and with the rule off (every long round excerpted). Same hits for every
variant: each question is searched once. Writes JSON + Markdown.

    python benchmarks/pack_ablation.py longmemeval LME.json.xz BENCH.db [--sample N] [--split dev]
"""

from __future__ import annotations

from typing import Any

import dev_ablation

from engram import Memory
from engram.bench.runner import packing_hits, turn_texts
from engram.bench.scoring import BUDGETS, budget_recall
from engram.retrieve import pack
from engram.retrieve.hybrid import make_retriever
from engram.retrieve.pipeline import RankingPipeline

SHARES = {"off": 10**9, "1/8": 8, "1/4": 4, "1/2": 2}


def run(memory: Memory, cases: list[Any], dataset: str) -> dict[str, dict[str, float]]:
    pipeline = RankingPipeline(make_retriever("hybrid"))
    hits = [(case, turn_texts(case), packing_hits(memory, pipeline, case, dataset)) for case in cases]
    shipped = pack.TOP_WHOLE_SHARE
    rows: dict[str, dict[str, float]] = {}
    try:
        for name, share in SHARES.items():
            pack.TOP_WHOLE_SHARE = share
            recalls: dict[int, list[float]] = {b: [] for b in BUDGETS}
            for case, texts, items in hits:
                packed = pack.pack_contexts(items, BUDGETS, query=case.question)
                for budget in BUDGETS:
                    recall = budget_recall(case, packed[budget].text, texts)
                    if recall is not None:
                        recalls[budget].append(recall)
            rows[name] = {str(b): round(sum(r) / max(len(r), 1), 3) for b, r in recalls.items()}
            print(name, rows[name], flush=True)
    finally:
        pack.TOP_WHOLE_SHARE = shipped
    return rows


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# The best hit's share of a packed context ({result['dataset']}, {result['split']} split)", "",
             f"Command: `{result['command']}`. {result['n']} answerable questions; evidence inside the "
             f"packed text (the bench's budget recall). Shipped: 1/{result['shipped']}. "
             f"Load at the end: {result['load']}.", "",
             "| best hit whole when ≤ | " + " | ".join(f"{b // 1000}k" for b in BUDGETS) + " |",
             "|---|" + "---|" * len(BUDGETS)]
    for name, row in result["rows"].items():
        lines.append(f"| {name} of the budget | " + " | ".join(f"{row[str(b)]:.3f}" for b in BUDGETS) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    dev_ablation.main("pack-ablation", __doc__, run, markdown, lambda cases: {"shipped": pack.TOP_WHOLE_SHARE})
