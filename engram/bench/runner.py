"""Run a retrieval benchmark: ingest each haystack once into its own scope, ask
every question with each system (baselines and hybrid) over the same store, and
score with LLM-free metrics."""

from __future__ import annotations

import logging
import os
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from engram.bench.beam import load_beam
from engram.bench.datasets import BenchCase, BenchSession, load_locomo, load_longmemeval
from engram.bench.metrics import aggregate, latency_summary
from engram.bench.scoring import BUDGETS, KS, score_case
from engram.bench.splits import split_of
from engram.config import Settings
from engram.embed.base import find_layer
from engram.embed.cache import CachedEmbedder
from engram.errors import InvalidInputError
from engram.ingest.rounds import to_units
from engram.memory import Memory
from engram.model import Filters, MemoryItem, Message, Scope, utcnow
from engram.retrieve.hybrid import BASELINES, make_retriever
from engram.retrieve.pack import pack_contexts
from engram.retrieve.pipeline import RankingPipeline
from engram.retrieve.rerank import Reranker, make_reranker

log = logging.getLogger(__name__)

LOADERS: dict[str, Callable[[Path], list[BenchCase]]] = {
    "locomo": load_locomo, "longmemeval": load_longmemeval, "beam": load_beam,
}
TOP_LIMIT = 10  # what an agent passes for its top hits; the top-k figures use it
PACK_LIMIT = 100  # hits a packed context is chosen from (enough for an 8k-token budget)
Progress = Callable[[str, int, int], None]
RERANK_SUFFIX = "+rerank"  # e.g. --systems bm25,hybrid,hybrid+rerank


@dataclass
class BenchConfig:
    dataset: str
    data: Path
    systems: tuple[str, ...] = ("bm25", "dense", "hybrid")
    limit: int | None = None  # first N questions
    sample: int | None = None  # or a seeded random sample of N questions
    split: str = "all"  # "dev", "test" or "all" (engram.bench.splits)
    types: tuple[str, ...] = ()  # only these question types (empty: all)
    seed: int = 7
    workdir: Path = field(default_factory=lambda: Path(".engram-bench"))
    settings: Settings | None = None
    qa: bool = False  # answer + judge with the configured LLM (settings.llm_*)
    qa_system: str = "hybrid"
    qa_budget: int = 4000  # tokens of packed context given to the reader


def select_cases(cases: list[BenchCase], config: BenchConfig) -> list[BenchCase]:
    if config.split not in ("dev", "test", "all"):
        raise InvalidInputError(f"split must be dev, test or all, not {config.split!r}")
    if config.split != "all":
        cases = [c for c in cases if split_of(config.dataset, c.case_id, c.haystack_id) == config.split]
    if config.types:
        known = {c.question_type for c in cases}
        unknown = set(config.types) - known
        if unknown:
            raise InvalidInputError(f"no question of type {sorted(unknown)} here; types: {sorted(known)}")
        cases = [c for c in cases if c.question_type in config.types]
    if config.sample:
        rng = random.Random(config.seed)
        cases = rng.sample(cases, min(config.sample, len(cases)))
    if config.limit:
        cases = cases[: config.limit]
    return cases


def session_messages(session: BenchSession) -> list[Message]:
    """Turns → messages. In two-speaker chats (LoCoMo) the session's first speaker
    plays "user", so a round is one speaker's turn plus the other's reply."""
    opener = session.turns[0].speaker if session.turns else None
    base = session.time
    out = []
    for n, turn in enumerate(session.turns):
        role = turn.role
        if turn.speaker is not None:
            role = "user" if turn.speaker == opener else "assistant"
        out.append(Message(role=role, content=turn.text, id=turn.turn_id, name=turn.speaker,
                           timestamp=base + timedelta(seconds=n) if base else None))
    return out


def fresh_database(path: Path) -> Path:
    """Each run ingests into a new file. Deleting the old haystacks through the API instead
    would also erase their rows from the embedding cache (deletion is complete by design),
    and every run would embed everything again."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return path


def memory_scope(user: str) -> Scope:
    return Scope(user_id=user)


WARM_CHUNK = 256  # texts per call while warming the cache (already sorted by length)


def rounds_of(session: BenchSession) -> list[Message]:
    """The session's messages that hold any text (what ingest stores)."""
    return [m for m in session_messages(session) if m.content.strip()]


def warm_cache(memory: Memory, haystacks: Sequence[BenchCase],
               progress: Progress | None = None) -> dict[str, Any]:
    """Embed every distinct round of every haystack first, in one pass sorted by length,
    when an embedding cache keeps the vectors (else it would be wasted work).

    A haystack's own ``add_many`` then only reads the cache. Across haystacks the same
    rounds recur (LongMemEval_S: ~96k distinct rounds in ~250k), and one global sort pads
    the model's batches far less than a sort inside each haystack. Work done survives an
    interrupted run: the next run embeds only what is missing."""
    if find_layer(memory.embedder, CachedEmbedder) is None:
        return {"texts": 0, "seconds": 0.0}
    started = time.perf_counter()
    texts = sorted({unit.text for case in haystacks for session in case.sessions
                    for unit in to_units(rounds_of(session), session.time)}, key=len)
    for start in range(0, len(texts), WARM_CHUNK):
        memory.embedder.embed(texts[start:start + WARM_CHUNK])
        if progress:
            progress("embed", min(start + WARM_CHUNK, len(texts)), len(texts))
    return {"texts": len(texts), "characters": sum(map(len, texts)),
            "seconds": time.perf_counter() - started}


def ingest(memory: Memory, cases: Sequence[BenchCase], scope_prefix: str,
           progress: Progress | None = None) -> dict[str, Any]:
    haystacks: dict[str, BenchCase] = {}
    for case in cases:
        haystacks.setdefault(case.haystack_id, case)
    warmed = warm_cache(memory, list(haystacks.values()), progress)
    rounds = turns = 0
    started = time.perf_counter()
    for n, (haystack_id, case) in enumerate(haystacks.items(), 1):
        user = f"{scope_prefix}{haystack_id}"
        requests: list[dict[str, Any]] = []
        for session in case.sessions:
            messages = rounds_of(session)
            if messages:
                turns += len(messages)
                requests.append({"data": messages, "user_id": user,
                                 "session_id": session.session_id, "event_time": session.time})
        # one length-sorted embedding pass per haystack, as a bulk import would run
        rounds += sum(len(items) for items in memory.add_many(requests))
        if progress:
            progress("ingest", n, len(haystacks))
    seconds = time.perf_counter() - started
    return {"haystacks": len(haystacks), "turns": turns, "rounds": rounds, "seconds": seconds,
            "rounds_per_second": rounds / seconds if seconds else None, "embedding_warm_up": warmed}


def run(config: BenchConfig, progress: Progress | None = None) -> dict[str, Any]:
    if config.dataset not in LOADERS:
        raise InvalidInputError(f"unknown dataset {config.dataset!r}; choose {sorted(LOADERS)}")
    if not config.data.exists():
        raise InvalidInputError(f"no benchmark data at {config.data}; pass --data PATH")
    retrievers = {name: make_retriever(name.removesuffix(RERANK_SUFFIX))
                  for name in config.systems}  # fail before ingest
    cases = select_cases(LOADERS[config.dataset](config.data), config)
    config.workdir.mkdir(parents=True, exist_ok=True)
    settings = (config.settings or Settings()).model_copy(update={"exhaustive_max_items": 0})
    records: dict[str, list[dict[str, Any]]] = defaultdict(list)
    latencies: dict[str, list[float]] = defaultdict(list)
    reranker = _reranker(config, settings)
    database = fresh_database(config.workdir / f"{config.dataset}.db")
    with Memory(database, settings=settings) as memory:
        ingest_stats = ingest(memory, cases, f"bench:{config.dataset}:", progress)
        llm = _qa_client(config, settings)
        rounds: dict[str, dict[str, list[str]]] = {}
        for n, case in enumerate(cases, 1):
            user = f"bench:{config.dataset}:{case.haystack_id}"
            if user not in rounds:  # round id -> turn ids, to credit derived memories
                rounds[user] = {i.id: list(i.provenance.source_ids) for i in memory.store.iter_items(
                    memory_scope(user)) if i.kind.value == "episodic"}
            turn_text = turn_texts(case)
            for name, retriever in retrievers.items():
                memory.retriever = retriever
                memory.reranker = reranker if name.endswith(RERANK_SUFFIX) else None
                staged = name not in BASELINES  # the baselines stay plain BM25 / dense
                pipeline = replace(memory.pipeline(name.removesuffix(RERANK_SUFFIX)),
                                   current_state=staged, facets=staged)
                record = _ask(memory, pipeline, case, user, rounds[user], turn_text, latencies[name],
                              (*BUDGETS, config.qa_budget))
                record["abstention"] = case.abstention
                record["split"] = split_of(config.dataset, case.case_id, case.haystack_id)
                if llm is not None and name == config.qa_system:
                    from engram.bench.qa import answer_and_judge

                    record.update(answer_and_judge(llm, case, record.pop("_packed")[config.qa_budget]))
                record.pop("_packed", None)
                records[name].append(record)
            if progress:
                progress("search", n, len(cases))
    return summarize(config, cases, records, latencies, ingest_stats, settings)


def _ask(memory: Memory, pipeline: RankingPipeline, case: BenchCase, user: str,
         derived: dict[str, list[str]], turn_text: dict[str, str], latencies: list[float] | None,
         budgets: Sequence[int]) -> dict[str, Any]:
    """One question to one system: the top-k search at the user-facing limit (timed), then
    the packed contexts exactly as ``search(q, token_budget=B)`` builds them."""
    scope = memory_scope(user)
    if latencies is None:  # untimed (tuning): the top k is the prefix of the deep search
        deep, best = _search(memory, pipeline, case, scope, PACK_LIMIT)
        top = deep[:TOP_LIMIT]
    else:
        started = time.perf_counter()
        top, best = _search(memory, pipeline, case, scope, TOP_LIMIT)
        latencies.append((time.perf_counter() - started) * 1000)
        deep, _ = _search(memory, pipeline, case, scope, PACK_LIMIT)
    packed = {b: p.text for b, p in pack_contexts(deep, sorted(set(budgets)), query=case.question).items()}
    turns = [[t for s in i.provenance.source_ids for t in derived.get(s, [s])] for i in top]
    sessions = [i.scope.session_id or "" for i in top]
    record = score_case(case, turns, sessions, {b: packed[b] for b in BUDGETS if b in packed}, turn_text)
    record["_packed"] = packed
    record["top_score"] = best
    return record


def _search(memory: Memory, pipeline: RankingPipeline, case: BenchCase, scope: Scope,
            limit: int) -> tuple[list[Any], float | None]:
    """What ``Memory.search`` ranks, with this system's pipeline (the bench swaps systems)."""
    from engram.retrieve.base import Query

    query = Query(text=case.question, scope=scope, filters=Filters(), limit=limit,
                  now=case.question_time or utcnow())
    ranked, items = pipeline.rank(query, memory.store, memory.embedder)
    return [items[r.id] for r in ranked if r.id in items], ranked[0].score if ranked else None


def turn_texts(case: BenchCase) -> dict[str, str]:
    """Each turn's text by turn id (what the packed-evidence check looks for)."""
    return {t.turn_id: t.text for s in case.sessions for t in s.turns}


def top_k_record(memory: Memory, pipeline: RankingPipeline, case: BenchCase, dataset: str) -> dict[str, Any]:
    """One question's top-k metrics on a database ``run`` left (scope ``bench:<dataset>:<haystack>``),
    untimed and without packing: what the tuning and ablation scripts compare across settings."""
    record = _ask(memory, pipeline, case, f"bench:{dataset}:{case.haystack_id}", {}, turn_texts(case),
                  None, ())
    record.pop("_packed")
    return record


def packing_hits(memory: Memory, pipeline: RankingPipeline, case: BenchCase,
                 dataset: str) -> list[MemoryItem]:
    """The :data:`PACK_LIMIT` hits a question's packed contexts are chosen from, as ``run``
    searches them: what the packing ablation packs in several ways."""
    scope = memory_scope(f"bench:{dataset}:{case.haystack_id}")
    return _search(memory, pipeline, case, scope, PACK_LIMIT)[0]


def _reranker(config: BenchConfig, settings: Settings) -> Reranker | None:
    """The configured reranker, used only by systems named ``<retriever>+rerank`` (so the
    baselines in the same run stay unreranked)."""
    if not any(name.endswith(RERANK_SUFFIX) for name in config.systems):
        return None
    reranker = make_reranker(settings)
    if reranker is None:
        raise InvalidInputError(f"systems ending in {RERANK_SUFFIX!r} need a reranker: set "
                                "ENGRAM_RERANKER=http and ENGRAM_RERANKER_BASE_URL")
    return reranker


def _qa_client(config: BenchConfig, settings: Settings) -> Any:
    if not config.qa:
        return None
    if not settings.llm_base_url:
        raise InvalidInputError("--qa needs an OpenAI-compatible LLM: set ENGRAM_LLM_BASE_URL "
                                "(and ENGRAM_LLM_MODEL / ENGRAM_LLM_API_KEY)")
    if config.qa_system not in config.systems:
        raise InvalidInputError(f"the QA system {config.qa_system!r} must be one of --systems")
    from engram.llm.client import LLMClient

    return LLMClient(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                     timeout=settings.llm_timeout_s)


def summarize(config: BenchConfig, cases: Sequence[BenchCase], records: dict[str, list[dict[str, Any]]],
              latencies: dict[str, list[float]], ingest_stats: dict[str, Any],
              settings: Settings) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    for name, rows in records.items():
        answerable = [r for r in rows if not r["abstention"]]
        systems[name] = {
            "answerable": aggregate(answerable)["overall"],
            "all": aggregate(rows)["overall"],
            "by_type": aggregate(answerable)["by_type"],
            "by_split": {split: aggregate([r for r in answerable if r["split"] == split])["overall"]
                         for split in ("dev", "test")},
            "abstention": aggregate([r for r in rows if r["abstention"]])["overall"],
            "latency_ms": latency_summary(latencies[name]),
        }
    return {
        "dataset": config.dataset,
        "load": "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "data": str(config.data),
        "questions": len(cases),
        "abstention_questions": sum(c.abstention for c in cases),
        "selection": {"limit": config.limit, "sample": config.sample, "seed": config.seed,
                      "split": config.split, "types": list(config.types) or None},
        "settings": {"embedder": settings.embedder, "enrichers": settings.enrichers,
                     "extraction": settings.extraction, "search_depth": settings.search_depth,
                     "search_limit": TOP_LIMIT, "pack_limit": PACK_LIMIT, "ks": KS, "budgets": BUDGETS,
                     "exhaustive_mode": "off"},
        "ingest": ingest_stats,
        "qa": {"system": config.qa_system, "budget": config.qa_budget,
               "model": settings.llm_model} if config.qa else None,
        "systems": systems,
    }
