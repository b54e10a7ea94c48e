"""An experiment: the poisoning guard's text rules replaced by a learned detector.

Not part of the package: the held-out figures missed issue #14's detection target (see
``benchmarks/results/guard-learned.md``), so the shipped guard keeps its rules. This module
holds everything the experiment needs, so that ``benchmarks/train_guard.py`` reproduces it.

The detector is a logistic regression over features that are not phrase lists:

* the bundled MiniLM sentence embedding of the normalised text (``guard_text.views``),
  the vector the write path computes anyway;
* hashed character 2-5-grams and word 1-2-grams of the lower-cased text, which carry other
  languages and spellings the embedding model does not know;
* a handful of structural cues: syntax a model or a renderer acts on (template tokens,
  role labels, tool-call syntax, shell pipelines, URLs built to carry data, markdown
  images), never a phrase of some language.

A text is scored on its readable form and on every part a trick hid (markup, encodings,
leetspeak); the highest probability becomes the verdict weight through the dev operating
point (``threshold`` weighs 0.5, the flag line), and a hidden part that reads as more of an
instruction than the visible text adds ``hidden_instruction``, as the rules do. A flagged
text is named after its nearest known dev attack (exemplars, in the spirit of A-MemGuard's
lesson memory).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from engram.ingest.guard_text import views
from engram.ingest.guard_verdict import LOWERABLE_BELOW, Verdict

_F = re.IGNORECASE | re.MULTILINE

#: (name, pattern): each a piece of syntax, never a phrase of some language
CUES: list[tuple[str, re.Pattern[str]]] = [
    ("chat_template_marker", re.compile(
        r"<\|[a-z_]{2,20}\|>|\[/?INST\]|<</?SYS>>|</?(?:system|instructions?|admin)>", _F)),
    # not "user:" / "assistant:": a transcript a user saves has those on every turn
    ("role_label", re.compile(r"^\s*\[?(?:system|admin|developer|root)\]?\s*:", _F)),
    ("tool_call_injection", re.compile(
        r"</?tool_call>|</?function_calls?>|\"(?:function_call|tool_calls?)\"\s*:|"
        r"\{\s*\"name\"\s*:\s*\"[\w.\-]{1,80}\"\s*,\s*\"(?:arguments|parameters)\"", _F)),
    ("shell_command", re.compile(r"\brm -rf\b|\|\s*(?:ba)?sh\b|os\.system\(|\bsubprocess\.|"
                                 r"\beval\(", _F)),
    ("exfiltration_url", re.compile(
        r"https?://[^\s)\"']{0,300}(?:\{\{?|\$\{|\$\(|%7B|<|\b[A-Z]{1,30}_[A-Z_]{1,30}\b)|"
        r"https?://[^\s)\"']{0,300}[?&][\w-]{1,40}=(?=[\s)\"']|$)", re.MULTILINE)),
    ("image_beacon", re.compile(r"!\[[^\]\n]{0,200}\]\(https?://", _F)),
]
NAMES: tuple[str, ...] = tuple(name for name, _ in CUES)


def cues(text: str) -> list[float]:
    """One 0/1 value per cue in :data:`CUES` order."""
    return [1.0 if pattern.search(text) else 0.0 for _, pattern in CUES]


HASH_DIM = 2**18
CHAR_NGRAMS = (2, 5)
_WORDS = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Scales:
    """How much each feature block weighs before the regression (chosen on dev)."""

    embedding: float = 1.0
    chars: float = 1.0
    words: float = 1.0
    structure: float = 3.0


def hashed(text: str, scales: Scales) -> dict[int, float]:
    """Character and word n-grams of ``text``, hashed; each block L2-normalised (log counts)."""
    out: dict[int, float] = {}
    low = " " + " ".join(text.lower().split()) + " "
    chars: dict[int, float] = {}
    for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        for i in range(len(low) - n + 1):
            key = zlib.crc32(low[i:i + n].encode()) % HASH_DIM
            chars[key] = chars.get(key, 0.0) + 1.0
    tokens = _WORDS.findall(low)
    words: dict[int, float] = {}
    for n in (1, 2):
        for i in range(len(tokens) - n + 1):
            key = zlib.crc32(("w:" + " ".join(tokens[i:i + n])).encode()) % HASH_DIM
            words[key] = words.get(key, 0.0) + 1.0
    for block, scale in ((chars, scales.chars), (words, scales.words)):
        if not block:
            continue
        values = np.log1p(np.fromiter(block.values(), dtype=np.float64))
        norm = float(np.linalg.norm(values)) or 1.0
        for key, value in zip(block, values):
            out[key] = out.get(key, 0.0) + scale * float(value) / norm
    return out


@dataclass
class Detector:
    """Weights of the regression, the operating point and the exemplars."""

    sparse: np.ndarray  # (HASH_DIM,) float32
    dense: np.ndarray  # (dim,) float32, on the embedding
    structure: np.ndarray  # (len(NAMES),) float32
    bias: float
    threshold: float
    strong: float
    scales: Scales = field(default_factory=Scales)
    model_id: str = ""
    exemplars: np.ndarray = field(default_factory=lambda: np.zeros((0, 384), np.float32))
    exemplar_reasons: list[str] = field(default_factory=list)

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """P(directive to the model) for each text, given its embedding."""
        z = np.asarray(vectors, dtype=np.float32) @ self.dense * self.scales.embedding
        for i, text in enumerate(texts):
            grams = hashed(text, self.scales)
            keys = np.fromiter(grams.keys(), dtype=np.int64, count=len(grams))
            values = np.fromiter(grams.values(), dtype=np.float32, count=len(grams))
            z[i] += float(self.sparse[keys] @ values) if len(keys) else 0.0
            z[i] += float(np.asarray(cues(text), np.float32) @ self.structure) * \
                self.scales.structure
        return np.asarray(1.0 / (1.0 + np.exp(-(z + self.bias))), dtype=np.float64)

    def weight(self, p: float) -> float:
        """Verdict weight of probability ``p``: 0.5 at the dev operating point, linear
        on either side (0 at p = 0, 1 at p = 1)."""
        t = self.threshold
        return 0.5 * p / t if p < t else 0.5 + 0.5 * (p - t) / (1.0 - t)

    def reason(self, vector: np.ndarray) -> str:
        """The kind of the nearest known attack (cosine), or a generic name."""
        if not len(self.exemplars):
            return "instruction_to_the_agent"
        sims = self.exemplars @ np.asarray(vector, dtype=np.float32)
        return self.exemplar_reasons[int(np.argmax(sims))]


#: the weight from which a text behind a trick counts as an instruction (CV on dev: 0.3 and
#: 0.4 flagged two more benign texts and caught nothing more)
HIDDEN_LEVEL = 0.5
HIDDEN_WEIGHT = 0.5
#: weights below this are noise, not a cue
MIN_WEIGHT = 0.1

Embed = Callable[[list[str]], np.ndarray]


def readings(text: str) -> tuple[str, list[str]]:
    """The visible text and what the detector reads of ``text``: the visible text first
    (when not blank), then each part a trick hid."""
    seen = views(text)
    parts = [*seen.hidden, *seen.decoded, *([seen.leet] if seen.leet else [])]
    return seen.visible, [t for t in [seen.visible, *parts] if t.strip()]


def judge(text: str, detector: Detector, embed: Embed) -> Verdict:
    """The learned detector's verdict on one text (what ``guard.scan`` is for the rules)."""
    verdict = Verdict()
    if not text.strip():
        return verdict
    seen = views(text)
    visible, texts = readings(text)
    if not texts:
        return verdict
    vectors = np.asarray(embed(texts), dtype=np.float32)
    p = detector.probabilities(texts, vectors)
    for t in texts:
        for name, pattern in CUES:
            if pattern.search(t):
                verdict.add(name, 0.0)
    best = int(np.argmax(p))
    weight = detector.weight(float(p[best]))
    if weight >= MIN_WEIGHT:
        verdict.add(detector.reason(vectors[best]), weight)
        if p[best] < detector.strong:  # open to a second opinion (consensus, lessons)
            verdict.strongest = min(verdict.strongest, LOWERABLE_BELOW / 2)
    # revealed by undoing a trick: a hidden part reads as more of an instruction than the
    # visible text (a leetspeak reading of an ordinary note does not)
    shown = float(p[0]) if texts[0] == visible else 0.0
    behind = p[1:] if texts[0] == visible else p
    if len(behind) and behind.max() > shown and \
            detector.weight(float(behind.max())) >= HIDDEN_LEVEL:
        for trick in dict.fromkeys(seen.tricks or ["obfuscation"]):
            verdict.add(f"hidden:{trick}", 0.0)
        verdict.add("hidden_instruction", HIDDEN_WEIGHT)
    verdict.score = round(verdict.score, 3)
    return verdict
