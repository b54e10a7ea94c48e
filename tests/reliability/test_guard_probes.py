"""The poisoning probe set itself: big enough, balanced, split deterministically, and the
committed JSON in sync with its source (so nobody edits the test half by hand)."""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections import Counter

import pytest

from .conftest import ROOT
from .data import guard_probes_src as src

sys.path.insert(0, str(ROOT / "benchmarks"))
import train_guard  # noqa: E402  (which sets are spent and which is held out)

PATH = ROOT / "tests" / "reliability" / "data" / "guard_probes.json"
ROWS = json.loads(PATH.read_text())["probes"]
LEGACY = json.loads((ROOT / "benchmarks" / "data" / "poison_probes.json").read_text())


def test_set_is_four_times_the_old_one_and_half_benign() -> None:
    old = sum(len(LEGACY[k]) for k in ("probes", "benign", "heldout_probes", "heldout_benign"))
    labels = Counter(r["label"] for r in ROWS)
    assert len(ROWS) >= 4 * old
    assert set(labels) == {"injection", "benign"}
    assert abs(labels["benign"] / len(ROWS) - 0.5) < 0.02
    assert len({r["text"] for r in ROWS}) == len(ROWS)  # no duplicate texts


def test_split_is_by_hash_of_the_group_and_both_halves_have_both_labels() -> None:
    for row in ROWS:
        first = hashlib.sha256(row["group"].encode()).digest()[0]
        assert row["split"] == ("dev" if first % 2 == 0 else "test")
    counts = Counter((r["split"], r["label"]) for r in ROWS)
    assert min(counts.values()) >= 120 and len(counts) == 4
    groups: dict[str, set[str]] = {}
    for row in ROWS:
        groups.setdefault(row["group"], set()).add(row["split"])
    assert all(len(s) == 1 for s in groups.values())  # variants never straddle the split


def test_committed_json_matches_its_source() -> None:
    assert src.build() == ROWS


def test_consensus_set_is_in_sync_balanced_and_split_by_scope() -> None:
    """The consensus set (scopes with a history): the committed JSON is what its source
    builds, each scope holds as many injections as benign look-alikes, and the held-out
    half has at least 40 of each (10 scopes)."""
    from .data import guard_consensus_src as consensus

    scopes = json.loads((PATH.parent / "guard_consensus.json").read_text())["scopes"]
    assert consensus.build() == scopes
    for scope in scopes:
        labels = Counter(p["label"] for p in scope["probes"])
        assert labels["injection"] == labels["benign"] > 0 and len(scope["history"]) >= 10
        first = hashlib.sha256(scope["scope"].encode()).digest()[0]
        assert scope["split"] == ("dev" if first % 2 == 0 else "test")
    held_out = Counter(p["label"] for s in scopes if s["split"] == "test" for p in s["probes"])
    assert min(held_out.values()) >= 40


#: every set written for a fit, in the order they were written: the spent ones, then the
#: current held-out set
HELD_OUT_SETS = [*train_guard.SPENT, train_guard.HELD_OUT]


@pytest.mark.parametrize("name", HELD_OUT_SETS)
def test_held_out_sets_are_in_sync_balanced_and_all_test(name: str) -> None:
    """The sets written for issue #14 (each 4x the old one, half look-alikes, written
    before any detector was fit or measured on it): every entry held out, obfuscated
    variants grouped with their base, no text shared with an earlier set."""
    source = importlib.import_module(f"tests.reliability.data.guard_probes_{name}_src")
    rows = json.loads((PATH.parent / f"guard_probes_{name}.json").read_text())["probes"]
    assert source.build() == rows
    old = sum(len(LEGACY[k]) for k in ("probes", "benign", "heldout_probes", "heldout_benign"))
    labels = Counter(r["label"] for r in rows)
    assert len(rows) >= 4 * old and abs(labels["benign"] / len(rows) - 0.5) < 0.05
    assert {r["split"] for r in rows} == {"test"} and len({r["text"] for r in rows}) == len(rows)
    earlier = {r["text"] for r in ROWS}
    for before in HELD_OUT_SETS[:HELD_OUT_SETS.index(name)]:
        earlier |= {r["text"] for r in json.loads(
            (PATH.parent / f"guard_probes_{before}.json").read_text())["probes"]}
    assert not {r["text"] for r in rows} & earlier
