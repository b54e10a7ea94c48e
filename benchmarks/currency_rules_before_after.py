"""The current-state stage's 2026-12-02 rules switched off (the stage before them) and on, over
one bench database: every answerable question, by declared split. A measurement of what the
rules (chosen on dev: benchmarks/results/currency-ablation-2026-12-02-past-events.md) do on
test too, never a place to choose anything.

    python benchmarks/currency_rules_before_after.py longmemeval LME.json.xz WORKDIR/longmemeval.db 100
    python benchmarks/currency_rules_before_after.py beam ../shared/datasets/beam/100K WORKDIR/beam.db

The database is what ``engram bench`` left in its workdir; the optional last argument is its
``--sample``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from engram.bench.metrics import aggregate
from engram.bench.runner import LOADERS, BenchConfig, select_cases, top_k_record
from engram.bench.splits import split_of
from engram.config import Settings
from engram.memory import Memory
from engram.retrieve import currency

RULES = ("PAST_EVENTS_UNORDERED", "HISTORY_UNORDERED", "TENSE_IS_NO_STATE_CUE", "SUBJECT_MUST_MATCH")
METRICS = ("turn_recall_any@1", "session_recall_any@1", "turn_recall_any@5", "newest_first",
           "asked_state_first", "updated_above_original@10")


def main() -> None:
    name, data, db = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    sample = int(sys.argv[4]) if len(sys.argv) > 4 else None
    config = BenchConfig(dataset=name, data=data, sample=sample)
    cases = [c for c in select_cases(LOADERS[name](data), config) if not c.abstention]
    memory = Memory(db, settings=Settings().model_copy(update={"exhaustive_max_items": 0}))
    try:
        for on in (False, True):
            for rule in RULES:
                setattr(currency, rule, on)
            records = []
            for case in cases:
                record = top_k_record(memory, replace(memory.pipeline()), case, name)
                record["split"] = split_of(name, case.case_id, case.haystack_id)
                records.append(record)
            for split in ("dev", "test", "all"):
                chosen = [r for r in records if split == "all" or r["split"] == split]
                overall = aggregate(chosen, METRICS)["overall"]
                print("rules on" if on else "rules off", split, len(chosen),
                      {m: None if overall.get(m) is None else round(float(overall[m]), 3)  # type: ignore[arg-type]
                       for m in METRICS}, flush=True)
    finally:
        memory.close()


if __name__ == "__main__":
    main()
