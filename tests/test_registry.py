"""Every plug point is an engram.registry.Registry looked up one way; a typo in a
setting fails loudly instead of falling back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from engram.config import Settings
from engram.embed import EMBEDDERS
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConfigError
from engram.ingest.pipeline import ENRICHERS
from engram.lifecycle.engine import DECIDERS, Lifecycle
from engram.lifecycle.updates import HeuristicDecider
from engram.registry import Registry
from engram.retrieve.hybrid import RETRIEVERS
from engram.retrieve.rerank import RERANKERS
from engram.store import STORES
from engram.store.sqlite import SQLiteStore
from engram.write import Writer


def test_every_plug_point_is_a_registry() -> None:
    for registry in (STORES, EMBEDDERS, ENRICHERS, RETRIEVERS, RERANKERS, DECIDERS):
        assert isinstance(registry, Registry) and registry.what


def test_lookup_names_the_choices_and_imports_lazily() -> None:
    with pytest.raises(ConfigError, match=r"unknown embedder 'bert-huge'; choose one of: .*hashing"):
        EMBEDDERS.lookup("bert-huge")
    assert EMBEDDERS.lookup("hashing") is HashingEmbedder  # a "module:attr" entry
    plugins: Registry[type] = Registry("widget", {"a": "engram.embed.hashing:HashingEmbedder"},
                                       hint=" (see the docs)")
    with pytest.raises(ConfigError, match=r"choose one of: a \(see the docs\)"):
        plugins.lookup("b")


def test_a_typo_in_a_mode_setting_is_refused() -> None:
    with pytest.raises(ValidationError, match="update_decider"):
        Settings(update_decider="heurstic")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="extractor"):
        Settings(extractor="lmm")  # type: ignore[arg-type]


def _lifecycle(tmp_path: Path, **options: object) -> Lifecycle:
    store = SQLiteStore(tmp_path / "d.db")
    settings = Settings(data_dir=tmp_path / "data", **options)  # type: ignore[arg-type]
    return Lifecycle(Writer(store, HashingEmbedder(), [], 1000), settings)


def test_asking_for_the_llm_decider_without_an_llm_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ENGRAM_LLM_BASE_URL"):
        _ = _lifecycle(tmp_path, update_decider="llm").decider
    assert isinstance(_lifecycle(tmp_path, update_decider="auto").decider, HeuristicDecider)
