"""Benchmark QA against a real local OpenAI-compatible server with scripted replies
(no real LLM is reachable here; the fake stands in at that boundary)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_runner import write_locomo

from engram.bench.report import markdown
from engram.bench.runner import BenchConfig, run
from engram.config import Settings
from engram.errors import InvalidInputError
from engram.testing.fake_openai import FakeOpenAI


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    yield server
    server.close()


def scripted(body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
    prompt = body["messages"][0]["content"]
    if "Reference answer:" in prompt:  # the judge: correct when the answer names Comet
        return 200, json.dumps({"correct": "Comet" in prompt.split("Model answer:")[1]}), {}
    if "Porto marathon" in prompt.split("Question:")[-1]:
        return 200, "this is not json", {}  # malformed twice -> counted wrong, run continues
    answer = "Comet" if "Comet" in prompt.split("Question:")[0] else "I don't know"
    return 200, json.dumps({"answer": answer}), {}


def test_qa_answers_from_retrieved_context_and_judges(tmp_path: Path, fake_llm: FakeOpenAI) -> None:
    fake_llm.responder = scripted
    settings = Settings(embedder="hashing", data_dir=tmp_path / "data", llm_base_url=fake_llm.url,
                        llm_model="fake-model")
    config = BenchConfig(dataset="locomo", data=write_locomo(tmp_path / "d"), workdir=tmp_path / "w",
                         settings=settings, qa=True, systems=("bm25", "hybrid"), limit=2)
    result = run(config)
    hybrid = result["systems"]["hybrid"]
    assert hybrid["by_type"]["single-hop"]["qa_correct"] == 1.0  # the dog question
    assert hybrid["by_type"]["temporal"]["qa_correct"] == 0.0    # malformed replies
    assert "qa_correct" not in result["systems"]["bm25"]["all"]  # QA only for the QA system
    answer_prompts = [r for r in fake_llm.requests if "Conversation excerpts" in r["messages"][0]["content"]]
    assert any("Comet" in r["messages"][0]["content"] for r in answer_prompts)  # context was packed in
    assert "## QA accuracy" in markdown(result, "engram bench ...")


def test_qa_without_llm_is_a_clear_error(tmp_path: Path) -> None:
    config = BenchConfig(dataset="locomo", data=write_locomo(tmp_path / "d"), workdir=tmp_path / "w",
                         settings=Settings(embedder="hashing", data_dir=tmp_path / "data"), qa=True)
    with pytest.raises(InvalidInputError, match="ENGRAM_LLM_BASE_URL"):
        run(config)


def test_rerank_systems_use_the_reranker_and_baselines_do_not(tmp_path: Path, fake_llm: FakeOpenAI) -> None:
    def scores(body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:  # prefers the filler rounds
        docs = body["documents"]
        return 200, {"results": [{"index": n, "relevance_score": float("weather" in d)}
                                 for n, d in enumerate(docs)]}, {}

    fake_llm.responder = scores
    settings = Settings(embedder="hashing", data_dir=tmp_path / "data", reranker="http",
                        reranker_base_url=fake_llm.url)
    config = BenchConfig(dataset="locomo", data=write_locomo(tmp_path / "d"), workdir=tmp_path / "w",
                         settings=settings, systems=("bm25", "hybrid+rerank"))
    result = run(config)
    plain, reranked = (result["systems"][s]["answerable"] for s in ("bm25", "hybrid+rerank"))
    assert plain["turn_recall_any@1"] == 1.0 and reranked["turn_recall_any@1"] == 0.0
    # two searches per question (the top 10, and the pool packed contexts are built from),
    # each with one rerank call, for the +rerank system only
    assert len(fake_llm.requests) == 6
    with pytest.raises(InvalidInputError, match="ENGRAM_RERANKER"):
        run(BenchConfig(dataset="locomo", data=config.data, workdir=tmp_path / "w2",
                        settings=Settings(embedder="hashing", data_dir=tmp_path / "data"),
                        systems=("hybrid+rerank",)))
