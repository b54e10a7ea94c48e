"""PostgreSQL lexical ranking of LoCoMo questions, this build against another (issue #17).

Why: schema v5 builds a round's ``tsv`` from its neighbours' stored content vectors
(``||``) instead of parsing their text again, which can number the context's positions
differently; ``ts_rank_cd`` of the store's OR-queries should not notice. This ingests
whole LoCoMo conversations (two ``add_many`` calls each, so the second joins stored
rounds; hashing embedder: the lexical channel does not use vectors) and records
``lexical_search``'s top 10 per question, keyed by session and text (ids differ between
runs). ``--before DIR`` runs the same with the Engram checkout in ``DIR`` in a subprocess
and compares: identical order, identical scores, top-10 overlap.

    python benchmarks/pg_lexical_ranking.py --conversations 26 30 41 --before /tmp/engram-before
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))
LOCOMO = Path("/work/shared/datasets/locomo")

from results_files import write_results  # noqa: E402


def rankings(conversations: list[str], data: Path) -> dict[str, list[tuple[str, float]]]:
    from pg_server import PgServer

    from engram.bench.datasets import load_locomo
    from engram.bench.runner import rounds_of
    from engram.config import Settings
    from engram.embed.hashing import HashingEmbedder
    from engram.memory import Memory
    from engram.model import Filters, Scope

    server = PgServer()
    url = server.fresh_url()
    out: dict[str, list[tuple[str, float]]] = {}
    try:
        mem = Memory(settings=Settings(store="postgres", database_url=url, embedding_cache=False,
                                       data_dir=tempfile.mkdtemp()), embedder=HashingEmbedder())
        for conv in conversations:
            cases = load_locomo(data / f"{conv}.json")
            scope = Scope(user_id=f"u{conv}")
            requests = [{"data": rounds_of(s), "user_id": scope.user_id, "session_id": s.session_id,
                         "event_time": s.time} for s in cases[0].sessions if rounds_of(s)]
            mem.add_many(requests[: len(requests) // 2])
            mem.add_many(requests[len(requests) // 2:])
            items = {i.id: i for i in mem.store.iter_items(scope)}
            for case in cases:
                hits = mem.store.lexical_search(scope, case.question, Filters(), limit=10)
                out[f"{conv}:{case.case_id}"] = [
                    (f"{items[h].scope.session_id}|{items[h].content}", round(s, 9)) for h, s in hits]
        mem.close()
    finally:
        server.release(url)
        server.stop()
    return out


def compare(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(before)
    order = sum(1 for k in keys if [h[0] for h in before[k]] == [h[0] for h in after.get(k, [])])
    exact = sum(1 for k in keys if [list(h) for h in before[k]] == [list(h) for h in after.get(k, [])])
    overlap = [len({h[0] for h in before[k]} & {h[0] for h in after.get(k, [])}) / max(1, len(before[k]))
               for k in keys]
    return {"questions": len(keys), "same_order": order, "same_order_and_scores": exact,
            "mean_top10_overlap": round(sum(overlap) / max(1, len(overlap)), 4),
            "max_score_diff": max((abs(a[1] - b[1]) for k in keys
                                   for a, b in zip(before[k], after.get(k, []))), default=0.0)}


def markdown(result: dict[str, Any]) -> str:
    c = result["comparison"]
    return "\n".join([
        f"# PostgreSQL lexical ranking, {result['before']} vs this build ({result['date']})", "",
        f"Command: `{result['command']}`", "",
        f"Data: LoCoMo conversations {', '.join(result['conversations'])} (each in two `add_many` "
        "calls), every question through `PostgresStore.lexical_search(limit=10)`; hashing embedder.",
        f"Load average at start {result['loadavg_start']}. Counts, not timings.", "",
        "| questions | same top-10 order | same order and scores | mean top-10 overlap | max score difference |",
        "|---|---|---|---|---|",
        f"| {c['questions']} | {c['same_order']} | {c['same_order_and_scores']} | "
        f"{c['mean_top10_overlap']} | {c['max_score_diff']:.3g} |", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", nargs="+", default=["26", "30", "41"])
    parser.add_argument("--data", type=Path, default=LOCOMO)
    parser.add_argument("--before", type=Path, required=False)
    parser.add_argument("--rankings-json", type=Path, help=argparse.SUPPRESS)  # --before's subprocess
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    if args.rankings_json is not None or args.before is None:
        ranked = rankings(args.conversations, args.data)
        (args.rankings_json or Path("/dev/stdout")).write_text(json.dumps(ranked))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "before.json"
        subprocess.run([sys.executable, __file__, "--conversations", *args.conversations,
                        "--data", str(args.data), "--rankings-json", str(path)],
                       env={**os.environ, "PYTHONPATH": str(args.before.resolve())}, check=True)
        before = json.loads(path.read_text())
    commit = subprocess.run(["git", "-C", str(args.before), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    result = {"date": date.today().isoformat(), "command": "python " + " ".join(sys.argv),
              "before": commit or str(args.before), "conversations": args.conversations,
              "loadavg_start": [round(x, 2) for x in os.getloadavg()],
              "comparison": compare(before, rankings(args.conversations, args.data))}
    print(write_results(args.out / f"pg-lexical-ranking-{result['date']}", result, markdown))


if __name__ == "__main__":
    main()
