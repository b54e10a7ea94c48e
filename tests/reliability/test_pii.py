"""PII redaction at ingest: precision/recall on the case set, mask vs vault modes,
and that raw PII never reaches the store, index, history or vectors."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import pytest

from engram import Memory
from engram.errors import InvalidInputError, NotFoundError
from engram.ingest.pii import find_pii, luhn_ok

from .conftest import DATA, record

CASES = json.loads((DATA / "pii_cases.json").read_text())


def score(cases: list[dict]) -> dict[str, float]:
    tp = fp = fn = kind_ok = 0
    for case in cases:
        expected = {(p["kind"], p["value"]) for p in case["pii"]}
        found = {(f.kind, f.text) for f in find_pii(case["text"])}
        values = {v for _, v in expected}
        for kind, value in found:
            if value in values:
                tp += 1
                kind_ok += (kind, value) in expected
            else:
                fp += 1
        fn += len(values - {v for _, v in found})
    return {"cases": len(cases), "spans": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "kind_accuracy": kind_ok / tp if tp else 1.0}


def test_precision_and_recall_on_the_case_set() -> None:
    main, held = score(CASES["cases"]), score(CASES["heldout"])
    record("pii", {"in_sample": main, "heldout": held})
    assert main["precision"] >= 0.9 and main["recall"] >= 0.9
    assert held["precision"] >= 0.8 and held["recall"] >= 0.7


def test_luhn() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")


def raw_text(mem: Memory) -> str:
    conn = sqlite3.connect(mem.store.path)
    rows = conn.execute("SELECT content, keys, entities, tags, metadata FROM memories").fetchall()
    rows += conn.execute("SELECT text, keys, '', '', '' FROM memories_fts").fetchall()
    rows += conn.execute("SELECT coalesce(old, ''), coalesce(new, ''), '', '', '' FROM history").fetchall()
    conn.close()
    return "\n".join(" ".join(map(str, r)) for r in rows)


SECRET = ("I'm Ana, email ana.canary@example.org, phone +1 415 555 0134, card 4111 1111 1111 1111, "
          "SSN 219-09-9999, I live at 31 Wombat Street")
RAW = ["ana.canary@example.org", "555 0134", "4111 1111 1111 1111", "219-09-9999", "Wombat"]


def test_mask_mode_is_irreversible(make_memory: Callable[..., Memory]) -> None:
    mem = make_memory(enrichers=["pii", "keys"])
    [item] = mem.add(SECRET, user_id="u", metadata={"contact": "ana.canary@example.org"})
    assert "[EMAIL]" in item.content and "[CARD]" in item.content and "[SSN]" in item.content
    assert item.metadata["contact"] == "[EMAIL]"
    assert set(item.metadata["pii"]) >= {"EMAIL", "PHONE", "CARD", "SSN", "ADDRESS"}
    text = raw_text(mem)
    assert not [r for r in RAW if r in text]
    with pytest.raises(InvalidInputError, match="vault"):
        mem.reveal(item.id, user_id="u")


def test_vault_mode_is_reversible_for_the_scope_only(make_memory: Callable[..., Memory]) -> None:
    pytest.importorskip("cryptography", reason="the vault needs the `pii` extra")
    mem = make_memory(enrichers=["pii", "keys"], pii_mode="vault")
    [item] = mem.add(SECRET, user_id="u")
    [again] = mem.add("write to ana.canary@example.org", user_id="u")
    assert "[PII:EMAIL:" in item.content and not [r for r in RAW if r in raw_text(mem)]
    token = next(t for t in item.content.split() if t.startswith("[PII:EMAIL"))
    assert token.rstrip(",") in again.content  # stable tokens: the same email links up
    assert mem.reveal(item.id, user_id="u").content == SECRET
    with pytest.raises(NotFoundError):
        mem.reveal(item.id, user_id="mallory")
    key = mem.settings.data_dir / "vault.key"
    assert key.stat().st_mode & 0o077 == 0  # the key file is private
    vault_bytes = (mem.settings.data_dir / "vault.sqlite").read_bytes()
    assert b"ana.canary" not in vault_bytes  # originals are encrypted at rest
    mem.delete(item.id, user_id="u")  # deleting shreds the vaulted originals
    assert mem.vault.originals(item.id) == {}
    assert mem.reveal(again.id, user_id="u").content == "write to ana.canary@example.org"
