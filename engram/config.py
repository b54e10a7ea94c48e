"""Settings: ``ENGRAM_*`` environment variables over a TOML config file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def default_config_file() -> Path:
    return Path(os.environ.get("ENGRAM_CONFIG") or platformdirs.user_config_path("engram") / "config.toml")


class Settings(BaseSettings):
    """Everything configurable. Backends are chosen by name through registries."""

    model_config = SettingsConfigDict(env_prefix="ENGRAM_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("engram"))
    db: Path | None = None  # default: <data_dir>/engram.db
    store: str = "sqlite"  # sqlite or postgres
    database_url: str | None = None  # postgresql://... when store = postgres
    embedder: str = "minilm-onnx"
    embedder_options: dict[str, Any] = Field(default_factory=dict)
    embedding_cache: bool = True
    # Search access statistics are written every this many seconds in one batch instead of
    # one write per search (engram/store/access_buffer.py); 0 writes them at once.
    # `engram serve` uses 1.0 unless this is set.
    access_flush_s: float = Field(default=0.0, ge=0)
    cache_dir: Path | None = None  # default: <data_dir>/cache
    max_content_chars: int = Field(default=100_000, gt=0)
    # Rounds one add() may store: each is embedded and indexed, so this bounds the work a
    # single request can cause (1,000 rounds took 17 s of CPU); the longest session of
    # LoCoMo has 260 turns. Split longer conversations into several calls.
    max_rounds_per_add: int = Field(default=500, gt=0)
    ann_threshold: int = Field(default=20_000, gt=0)
    # Compact vectors (docs/scaling.md). SQLite: float32 (exact) or int8 blobs (4x smaller;
    # recall in benchmarks/results/quantization-*.md; old blobs stay readable). PostgreSQL: float32 or halfvec
    # (a float16 HNSW index over float32 vectors; fixed at the first vector write).
    vector_dtype: Literal["float32", "int8", "halfvec"] = "float32"
    # PostgreSQL: hash partitions of the memory tables by tenant, fixed when the store is
    # created (engram/store/postgres_tenant.py, docs/scaling.md)
    pg_partitions: int = Field(default=16, ge=1, le=256)
    # PostgreSQL: after a delete, rewrite (VACUUM FULL) the touched tenants' partitions so no
    # table file keeps the deleted text ("off": only purge() does; docs/trust.md)
    pg_erase: Literal["rewrite", "off"] = "rewrite"
    retriever: str = "hybrid"  # hybrid, bm25, dense
    # Candidates taken from each channel whatever `limit` is, so the top k never depend on
    # how many hits were asked for (chosen by measurement: benchmarks/results/README.md).
    search_depth: int = Field(default=100, ge=10, le=1000)
    # Optional cross-encoder reranking through any server with POST /rerank (llama.cpp,
    # vLLM, TEI, Infinity, Jina/Cohere-compatible APIs); off unless reranker = "http".
    reranker: str | None = None
    reranker_base_url: str | None = None  # e.g. http://localhost:8080/v1
    reranker_model: str = ""
    reranker_api_key: str | None = None
    reranker_timeout_s: float = Field(default=30.0, gt=0)
    rerank_depth: int = Field(default=30, ge=2, le=200)  # how many fused hits the reranker reorders
    # The learned-relevance stage (engram/retrieve/learned.py): a logistic model fitted on the
    # benchmarks' dev splits re-scores the fused head of the retriever it was fitted for. Opt-in:
    # with the current-state stage as it stands, the dev objective was higher without it
    # (benchmarks/results/ranker-2026-12-03-all3c.md; README, "The learned-relevance stage").
    learned_ranking: bool = False
    # The current-state stage's rival gate (engram/retrieve/rival_gate.py): a logistic model
    # fitted on the dev splits decides which newer rival value may move above the top rival.
    # On: CV on dev put it ahead of the ungated stage (benchmarks/results/rival-gate-2026-12-04.md).
    rival_gate: bool = True
    enrichers: list[str] = Field(default_factory=lambda: ["keys"])
    # ConvoMem: a history that fits the caller's token budget is returned whole
    # (exhaustive) instead of retrieved; this caps how many items are considered.
    exhaustive_max_items: int = Field(default=300, ge=0)
    log_content: bool = False  # memory text never reaches logs unless this is set
    # -- lifecycle (docs/lifecycle.md); all off by default so plain add() stays one write --
    llm_base_url: str | None = None  # an OpenAI-compatible server, e.g. http://localhost:11434/v1
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(default=60.0, gt=0)
    extraction: bool = False  # derive kind=fact memories from each stored round
    extractor: Literal["auto", "heuristic", "llm"] = "auto"  # auto: llm when llm_base_url is set
    update_decider: Literal["auto", "heuristic", "llm"] = "auto"  # ADD/UPDATE/DELETE/NOOP for new facts
    duplicate_similarity: float = Field(default=0.9, ge=0, le=1)  # cosine for "same fact"
    links: bool = False  # A-MEM: link each new memory to its nearest related ones
    link_min_similarity: float = Field(default=0.55, ge=-1, le=1)
    link_max: int = Field(default=5, ge=0)
    consolidate_on_add: bool = False  # run consolidate(scope) after every add
    retention_weight: float = Field(default=0.0, ge=0, le=1)  # MemoryBank forgetting curve in ranking
    retention_base_days: float = Field(default=30.0, gt=0)  # strength of an unaccessed, 0.5-importance item
    # -- trust (engram.ingest.guard / engram.ingest.pii; enable with enrichers=[..., "guard", "pii"])
    guard_mode: str = "flag"  # flag | downweight | quarantine
    guard_trusted_sources: list[str] = Field(default_factory=list)  # empty: provenance not judged
    guard_lessons: bool = True  # flag memories carrying the payload of a flagged one in the scope
    guard_consensus: bool = True  # judge instruction-like memories against the scope's others
    guard_judge: Literal["auto", "heuristic", "llm"] = "auto"  # auto: llm when llm_base_url is set
    pii_mode: str = "mask"  # mask (irreversible) | vault (reversible, encrypted originals)
    # national phone formats read by the pii enricher (ISO 3166 codes); "+"/"00" numbers always
    pii_phone_regions: list[str] = Field(
        default_factory=lambda: ["US", "GB", "DE", "FR", "ES", "IT", "NL"])
    # default: <data_dir>/vault.key. The vault's rows live in the store; every server on
    # one PostgreSQL database must be given the same key file to reveal what others wrote.
    vault_key_path: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings,
                TomlConfigSettingsSource(settings_cls, toml_file=default_config_file()))

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "engram.db"

    @property
    def vault_key_file(self) -> Path:
        return self.vault_key_path or self.data_dir / "vault.key"

    @property
    def guard_lessons_path(self) -> Path:
        """The guard's lesson store (``Memory.guard_feedback``) under the SQLite store,
        beside the database (under PostgreSQL it is the ``guard_lessons`` table)."""
        return self.db_path.with_name(self.db_path.stem + ".lessons.sqlite")

    @property
    def embedding_cache_path(self) -> Path:
        return (self.cache_dir or self.data_dir / "cache") / "embeddings.sqlite"
