"""The declared dev/test splits that every tuned constant is chosen on.

Weights and thresholds are chosen on the **dev** half only and reported on dev, test
and all side by side (README, "Retrieval"). The splits are fixed here, before any
tuning, so a result file can always say which half it came from:

* LoCoMo: by conversation, the first five conversation files (26, 30, 41, 42, 43)
  are dev and the other five (44, 47, 48, 49, 50) test.
* LongMemEval: by question, ``sha256(question_id)`` even is dev, odd is test.
* BEAM: by conversation, 1-10 dev, 11-20 test.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["dev", "test"]
LOCOMO_DEV = frozenset({"26", "30", "41", "42", "43"})
BEAM_DEV = frozenset(str(n) for n in range(1, 11))


def hash_parity(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2


def split_of(dataset: str, case_id: str, haystack_id: str) -> Split:
    """Which half a benchmark case belongs to (see the module docstring)."""
    if dataset == "longmemeval":
        return "dev" if hash_parity(case_id) == 0 else "test"
    if dataset == "locomo":
        return "dev" if haystack_id.removeprefix("locomo-") in LOCOMO_DEV else "test"
    if dataset == "beam":
        return "dev" if haystack_id.removeprefix("beam-") in BEAM_DEV else "test"
    return "dev" if hash_parity(haystack_id) == 0 else "test"
