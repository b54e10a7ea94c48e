"""The benchmark runner and report end to end on small files the test writes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from engram.bench.datasets import load_locomo
from engram.bench.runner import BenchConfig, ingest, run, session_messages
from engram.cli import app
from engram.config import Settings
from engram.embed.base import find_layer
from engram.embed.cache import CachedEmbedder
from engram.memory import Memory

FILLER = ["We watched a movie about space.", "The weather was rainy all week.",
          "I cooked pasta for dinner.", "Work has been busy lately."]


def write_locomo(folder: Path) -> Path:
    folder.mkdir()
    turns1 = [{"speaker": "Ana", "dia_id": "D1:1", "text": "I adopted a greyhound named Comet!"},
              {"speaker": "Ben", "dia_id": "D1:2", "text": "Comet is a great name."}]
    turns1 += [{"speaker": "Ana" if i % 2 else "Ben", "dia_id": f"D1:{i + 3}", "text": t}
               for i, t in enumerate(FILLER)]
    turns2 = [{"speaker": "Ben", "dia_id": "D2:1", "text": "How was the marathon in Porto?"},
              {"speaker": "Ana", "dia_id": "D2:2", "text": "I finished the Porto marathon in four hours."}]
    record = {
        "speaker_a": "Ana", "speaker_b": "Ben",
        "session_1_date_time": "1:56 pm on 8 May, 2023", "session_1": turns1,
        "session_2_date_time": "10:00 am on 20 June, 2023", "session_2": turns2,
        "qa": [
            {"question": "What is the name of Ana's dog?", "answer": "Comet", "evidence": ["D1:1"],
             "category": 4},
            {"question": "How long did the Porto marathon take?", "answer": "four hours",
             "evidence": ["D2:2"], "category": 2},
            {"question": "What did Ben cook?", "adversarial_answer": "pasta", "evidence": ["D1:5"],
             "category": 5},
        ],
    }
    (folder / "1.json").write_text(json.dumps(record))
    return folder


def test_session_messages_pair_two_speakers(tmp_path: Path) -> None:
    case = load_locomo(write_locomo(tmp_path / "d"))[0]
    messages = session_messages(case.sessions[1])
    assert [m.role for m in messages] == ["user", "assistant"]  # Ben opens session 2
    assert [m.id for m in messages] == ["D2:1", "D2:2"] and messages[0].name == "Ben"


def test_run_scores_every_system(tmp_path: Path) -> None:
    config = BenchConfig(dataset="locomo", data=write_locomo(tmp_path / "d"), workdir=tmp_path / "w",
                         settings=Settings(embedder="hashing", data_dir=tmp_path / "data"))
    result = run(config)
    assert result["questions"] == 3 and result["abstention_questions"] == 1
    assert result["ingest"]["turns"] == 8 and result["ingest"]["rounds"] == 4
    for name in ("bm25", "dense", "hybrid"):
        overall = result["systems"][name]["answerable"]
        assert overall["n"] == 2
        assert overall["turn_recall_any@10"] == 1.0  # tiny haystack: every evidence round is found
        assert 0 <= overall["turn_recall_any@1"] <= 1
        assert result["systems"][name]["latency_ms"]["n"] == 3
    assert result["systems"]["bm25"]["answerable"]["turn_recall_any@1"] == 1.0
    assert result["settings"]["search_limit"] == 10  # the limit an agent passes
    splits = result["systems"]["hybrid"]["by_split"]
    assert splits["dev"]["n"] + splits["test"]["n"] == 2


def test_cli_writes_json_markdown_and_plot(tmp_path: Path) -> None:
    data = write_locomo(tmp_path / "d")
    out = tmp_path / "results"
    outcome = CliRunner().invoke(app, [
        "bench", "locomo", "--data", str(data), "--workdir", str(tmp_path / "w"), "--out", str(out),
        "--systems", "bm25,lexical+dense", "--limit", "2"], env={"ENGRAM_EMBEDDER": "hashing"})
    assert outcome.exit_code == 0, outcome.output
    files = sorted(p.suffix for p in out.iterdir())
    assert files == [".json", ".md", ".png"]
    saved = json.loads(next(out.glob("*.json")).read_text())
    assert saved["questions"] == 2 and set(saved["systems"]) == {"bm25", "lexical+dense"}
    assert "| bm25 |" in next(out.glob("*.md")).read_text()
    bad = CliRunner().invoke(app, ["bench", "locomo", "--data", str(tmp_path / "missing")])
    assert bad.exit_code == 2 and "no benchmark data" in bad.output


def test_a_rerun_keeps_the_embedding_cache(tmp_path: Path) -> None:
    """Each run ingests into a fresh file; deleting the old haystacks through the API would
    also erase their vectors from the embedding cache (complete deletion) and re-embed all."""
    import sqlite3

    settings = Settings(embedder="hashing", data_dir=tmp_path / "data")
    config = BenchConfig(dataset="locomo", data=write_locomo(tmp_path / "d"), workdir=tmp_path / "w",
                         settings=settings, systems=("bm25",))

    def cached() -> int:
        with sqlite3.connect(settings.embedding_cache_path) as conn:
            return int(conn.execute("SELECT count(*) FROM embeddings").fetchone()[0])

    run(config)
    first = cached()
    run(config)
    assert first >= 4 and cached() == first


def test_the_warm_up_embeds_each_distinct_round_once_before_ingest(tmp_path: Path) -> None:
    """One length-sorted pass over every haystack's rounds; add_many then only reads the cache."""
    cases = load_locomo(write_locomo(tmp_path / "d"))
    settings = Settings(embedder="hashing", data_dir=tmp_path / "data")
    with Memory(tmp_path / "m.db", settings=settings) as memory:
        cache = find_layer(memory.embedder, CachedEmbedder)
        assert cache is not None, "no embedding cache among the layers"
        stats = ingest(memory, cases, "bench:t:")
        warmed = stats["embedding_warm_up"]
        assert warmed["texts"] == stats["rounds"] > 3  # every round of this file is distinct
        assert cache.misses == warmed["texts"]  # the model saw each text once, in the warm-up
        assert cache.hits >= stats["rounds"]  # ingest itself was served from the cache
    off = Settings(embedder="hashing", data_dir=tmp_path / "data2", embedding_cache=False)
    with Memory(tmp_path / "n.db", settings=off) as memory:
        assert ingest(memory, cases, "bench:t:")["embedding_warm_up"]["texts"] == 0  # nothing kept: skip
