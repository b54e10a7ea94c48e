"""Long rounds and the dense channel (issue #12, item 4): which vector(s) should stand for a
round longer than the embedder's 256-word-piece window? Measured on a dev split only.

Variants, each swapped in as the dense channel of the real pipeline (dense-only and hybrid):

* ``truncated`` — what ships: one vector of the round's first window;
* ``max`` — a vector per 256-piece window, the round scores its best window (max-sim);
* ``mean`` — the windows' vectors averaged, weighted by their lengths (one vector per round);
* ``user`` — max of the round's vector and its user turn's alone;
* ``max+user`` — every window and the user turn;
* ``turns`` — max of the round's vector and each of its turns' alone (a turn's first window);
* ``user-long`` — as ``user``, for rounds longer than the embedder's window only (a round
  the window reads whole keeps one vector);
* ``user-sum`` — one vector per round: the round's and its user turn's, summed and normalised
  (the one variant a store with one vector per memory can hold).

A round's turns are found by its speakers (``MemoryItem.role``, e.g. ``user+assistant`` or
two LoCoMo names), so ``--dataset locomo`` and ``--dataset beam`` work too; their "user
turn" is the round's opening turn.

Windows are cut at word-piece offsets of the bundled tokenizer and embedded through the
configured embedder (so the embedding cache keeps them: a rerun embeds nothing).

    engram bench longmemeval --data LME.json.xz --types knowledge-update --sample 12 --workdir WD
    python benchmarks/long_rounds.py --data LME.json.xz --db WD/longmemeval.db --sample 12 \\
        --types knowledge-update

The database is the one ``engram bench`` left in its workdir; the same selection flags pick the
same questions, of which only the dev split's are scored. ``--dev-first`` selects as
``benchmarks/tune_retrieval.py`` does (the dev filter before the sample), so its
``tune-<dataset>.db`` files serve. ``--variants truncated,user`` embeds
only the user turns (a round's later windows cost most of a run's embedding time).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from engram import Memory
from engram.bench.metrics import aggregate
from engram.bench.runner import LOADERS, BenchConfig, memory_scope, select_cases, top_k_record
from engram.bench.splits import split_of
from engram.config import Settings
from engram.embed.onnx_minilm import MAX_TOKENS, TOKENIZER_PATH
from engram.ingest.extract import turn_lines
from engram.model import Filters, MemoryItem
from engram.retrieve import channels
from engram.retrieve.hybrid import make_retriever
from engram.retrieve.pipeline import RankingPipeline

sys.path.insert(0, os.path.dirname(__file__))
from results_files import write_results  # noqa: E402

VARIANTS = ("truncated", "max", "mean", "user", "max+user", "turns", "user-long", "user-sum")
WINDOWED = {"max", "mean", "max+user"}  # variants that read a round's later windows
WITH_USER = {"user", "max+user", "user-long", "user-sum"}  # ... and its user turn alone
WITH_TURNS = {"turns"}  # ... and each of its turns alone
EMBED_CHUNK = 512
TYPE_METRICS = ("turn_recall_all@10", "session_recall_any@1")  # per question type too
METRICS = ("turn_recall_any@1", "turn_recall_any@5", "turn_recall_any@10", "turn_recall_all@10",
           "session_recall_any@1")
PIECES = MAX_TOKENS - 2  # a window's word pieces, between [CLS] and [SEP]


def windows(text: str, tokenizer: Any) -> list[str]:
    """``text`` cut into consecutive pieces of at most :data:`PIECES` word pieces."""
    offsets = tokenizer.encode(text, add_special_tokens=False).offsets
    starts = [offsets[i][0] for i in range(0, len(offsets), PIECES)] or [0]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]


def turns(item: MemoryItem) -> list[str]:
    """The round's turns without their speaker labels (the whole text if none is found)."""
    return [text for _, text in turn_lines(item) if text] or [item.content]


class Vectors:
    """Every scope's rounds with their window and user-turn vectors, embedded once."""

    def __init__(self, memory: Memory, scopes: list[str], variants: tuple[str, ...] = VARIANTS) -> None:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.items = {s: memory.store.list(memory_scope(s), Filters(), limit=1_000_000) for s in scopes}
        rounds = [i for items in self.items.values() for i in items]
        self.base = {s: memory.store.vectors(memory_scope(s), [i.id for i in items])
                     for s, items in self.items.items()}
        self.pieces = {i.id: windows(i.content, tokenizer) for i in rounds}
        windowed = bool(WINDOWED & set(variants))  # else their texts are not embedded at all
        users = bool(WITH_USER & set(variants))
        each = bool(WITH_TURNS & set(variants))
        self.turns = {i.id: turns(i) for i in rounds}
        texts = sorted({t for i in rounds for t in (*(self.pieces[i.id][1:] if windowed else ()),
                                                      *((self.turns[i.id][0],) if users else ()),
                                                      *(self.turns[i.id] if each else ()))},
                       key=len)
        print(f"{len(rounds)} rounds, {len(texts)} window and user-turn texts to embed", flush=True)
        self.vector: dict[str, np.ndarray] = {}
        for start in range(0, len(texts), EMBED_CHUNK):  # the cache keeps each chunk at once
            chunk = texts[start:start + EMBED_CHUNK]
            self.vector.update(zip(chunk, memory.embedder.embed(chunk)))
            print(f"embedded {start + len(chunk)}/{len(texts)}", flush=True)

    def matrices(self, scope: str, variant: str) -> tuple[list[str], list[np.ndarray]]:
        ids, mats = [], []
        for item in self.items[scope]:
            first = np.asarray(self.base[scope][item.id], dtype=np.float32)
            rest = [self.vector[t] for t in self.pieces[item.id][1:]] if variant in WINDOWED else []
            user = [self.vector[self.turns[item.id][0]]] if variant in WITH_USER else []
            each = [self.vector[t] for t in self.turns[item.id]] if variant in WITH_TURNS else []
            if variant == "user-long" and len(self.pieces[item.id]) < 2:
                user = []  # the window reads this round whole
            if variant == "user-sum":
                total = first + user[0]
                rows = [total / np.linalg.norm(total)]
            elif variant == "mean":
                weights = [len(t) for t in self.pieces[item.id]]
                mean = sum(w * v for w, v in zip(weights, [first, *rest]))
                rows = [mean / np.linalg.norm(mean)]
            else:  # truncated: the first window alone; the others: the best of every row
                rows = [first, *rest, *user, *each]
            ids.append(item.id)
            mats.append(np.stack(rows))
        return ids, mats


def dense_channel(vectors: Vectors, variant: str) -> Callable[..., list[tuple[str, float]]]:
    prepared = {s: vectors.matrices(s, variant) for s in vectors.items}

    def dense(query: Any, store: Any, ctx: Any) -> list[tuple[str, float]]:
        ids, mats = prepared[query.scope.user_id]
        q = ctx.vector()
        scores = np.array([float((m @ q).max()) for m in mats])
        order = np.argsort(-scores)[: ctx.depth]
        return [(ids[i], float(scores[i])) for i in order]
    return dense


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# Long rounds and the dense channel ({result['date']})", "", f"Command: `{result['command']}`", "",
             f"Data: {result['data']} — {result['questions']} dev questions ({result['selection']}), "
             f"{result['rounds']} rounds. Machine load: {result['load']}.", "",
             "| variant | system | " + " | ".join(METRICS) + " |", "|---|---|" + "---|" * len(METRICS)]
    for row in result["rows"]:
        lines.append(f"| {row['variant']} | {row['system']} | "
                     + " | ".join(f"{row[m]:.3f}" if row[m] is not None else "—" for m in METRICS) + " |")
    types = sorted({t for row in result["rows"] for t in row.get("by_type", {})})
    if types:
        lines += ["", "By question type (" + ", ".join(TYPE_METRICS) + "):", "",
                  "| variant | system | " + " | ".join(types) + " |", "|---|---|" + "---|" * len(types)]
        for row in result["rows"]:
            cells = []
            for t in types:
                v = row["by_type"].get(t, {})
                cells.append(" / ".join(f"{v[m]:.3f}" if v.get(m) is not None else "—" for m in TYPE_METRICS)
                             + f" (n {v.get('n', 0)})")
            lines.append(f"| {row['variant']} | {row['system']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="longmemeval", choices=sorted(LOADERS))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--dev-first", action="store_true",
                        help="sample N dev questions, as tune_retrieval.py does (its tune-<dataset>.db serves)")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--types", default="")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--tag", default="")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated subset of " + ", ".join(VARIANTS))
    args = parser.parse_args()
    types = tuple(t for t in args.types.split(",") if t)
    variants = tuple(v for v in args.variants.split(",") if v)
    unknown = set(variants) - set(VARIANTS)
    if unknown or not variants:
        parser.error(f"--variants: choose from {', '.join(VARIANTS)} (got {sorted(unknown) or 'none'})")
    config = BenchConfig(dataset=args.dataset, data=args.data, sample=args.sample, types=types,
                         split="dev" if args.dev_first else "all")
    cases = [c for c in select_cases(LOADERS[args.dataset](args.data), config) if not c.abstention
             and split_of(args.dataset, c.case_id, c.haystack_id) == "dev"]
    memory = Memory(args.db, settings=Settings().model_copy(update={"exhaustive_max_items": 0}))
    scopes = sorted({f"bench:{args.dataset}:{c.haystack_id}" for c in cases})
    vectors = Vectors(memory, scopes, variants)
    shipped = channels.CHANNELS["dense"]
    rows = []
    try:
        for variant in variants:
            channels.CHANNELS["dense"] = dense_channel(vectors, variant)
            for system in ("dense", "hybrid"):
                pipeline = RankingPipeline(make_retriever(system), current_state=system == "hybrid")
                records = [top_k_record(memory, pipeline, case, args.dataset) for case in cases]
                summary = aggregate(records, METRICS)
                overall = summary["overall"]
                rows.append({"variant": variant, "system": system,
                             **{m: overall.get(m) for m in METRICS},
                             "by_type": {t: {"n": v["n"], **{m: v.get(m) for m in TYPE_METRICS}}
                                         for t, v in summary["by_type"].items()}})
                print(rows[-1], flush=True)
    finally:
        channels.CHANNELS["dense"] = shipped
        memory.close()
    result = {"date": date.today().isoformat(), "command": "python " + " ".join(sys.argv),
              "data": str(args.data), "questions": len(cases), "rounds": sum(map(len, vectors.items.values())),
              "selection": f"{args.dataset}, sample {args.sample}{' of dev' if args.dev_first else ''}, "
                           f"types {list(types) or 'all'}, seed 7",
              "load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "rows": rows}
    stem = args.out / f"long-rounds-{result['date']}{args.tag}"
    print(write_results(stem, result, markdown))


if __name__ == "__main__":
    main()
