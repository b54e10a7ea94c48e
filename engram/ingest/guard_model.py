"""The guard's detector: a learned model of "a directive to the agent", not a phrase list.

A-MemGuard's point is that poisoned records look like ordinary memories to a filter of
fixed words; so the text step here is a logistic regression (trained by
``benchmarks/train_guard.py`` on labelled probes and on real conversation turns, shipped
as ``guard_detector.npz``) over features that are not keyword tables:

* the bundled MiniLM sentence embedding of the normalised text (``guard_text.views``);
* hashed character 2-5-grams and word 1-2-grams of the lower-cased text, which carry other
  languages and spellings the embedding model does not know;
* a handful of structural cues: syntax that a model or a renderer acts on (template
  tokens, role labels, tool-call syntax, shell pipelines, URLs built to carry data,
  markdown images), never a phrase of some language.

A text is read as windows of at most :data:`WINDOW` characters at sentence boundaries (an
injection buried in a long conversation round is not averaged away) and as every part a
trick hid (markup, encodings, leetspeak). The highest probability becomes the verdict
weight through the operating point chosen by cross-validation (``threshold`` weighs 0.5,
the flag line); a hidden part that reads as more of an instruction than the visible text
adds ``hidden_instruction``. A flagged text is named after the nearest known attack of the
training set (exemplars, in the spirit of A-MemGuard's lesson memory).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from engram.ingest.guard_text import views
from engram.ingest.guard_verdict import Verdict

MODEL_PATH = Path(__file__).with_name("guard_detector.npz")
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

HASH_DIM = 2**18
CHAR_NGRAMS = (2, 5)
#: longest window read at once by default (about 120 MiniLM pieces, inside its 256); a
#: detector keeps the size it was trained with
WINDOW = 480
_WORDS = re.compile(r"\w+|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?;。！？])\s+|\n+")


Embed = Callable[[list[str]], np.ndarray]

#: payload identifiers: the words around them say what a text asks, the names themselves
#: only which domains the training texts happened to use (".example" in most attacks)
_PAYLOADS = [(re.compile(r"https?://[^\s)\]\"'<>]+"), "LINK"),
             (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "EMAIL"),
             (re.compile(r"\b(?:[\w-]+\.)+[a-z]{2,24}\b"), "SITE")]


def mask(text: str) -> str:
    """``text`` with links, emails and host names replaced by a placeholder word (what the
    n-grams and the embedding read; the syntax cues read the text itself)."""
    for pattern, word in _PAYLOADS:
        text = pattern.sub(word, text)
    return text


def vectorize(embed: Embed, texts: Sequence[str]) -> np.ndarray:
    """The embeddings the detector reads: of each text with its payloads masked."""
    return np.asarray(embed([mask(t) for t in texts]), dtype=np.float32)


def cues(text: str) -> list[float]:
    """One 0/1 value per cue in :data:`CUES` order."""
    return [1.0 if pattern.search(text) else 0.0 for _, pattern in CUES]


def windows(text: str, size: int = WINDOW) -> list[str]:
    """``text`` cut at sentence boundaries into windows of at most ``size`` characters (a
    longer sentence is cut at spaces); a short text is one window."""
    if len(text) <= size:
        return [text] if text.strip() else []
    out: list[str] = []
    current = ""
    for sentence in (s.strip() for s in _SENTENCE.split(text)):
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces = [current, sentence[:cut]] if current else [sentence[:cut]]
            out += [p for p in pieces if p]
            current, sentence = "", sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > size:
            out.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    return [w for w in [*out, current] if w.strip()]


@dataclass(frozen=True)
class Scales:
    """How much each feature block weighs before the regression (chosen on CV)."""

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
    window: int = WINDOW
    exemplars: np.ndarray = field(default_factory=lambda: np.zeros((0, 384), np.float32))
    exemplar_reasons: list[str] = field(default_factory=list)

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """P(directive to the model) for each text, given its :func:`vectorize` embedding."""
        z = np.asarray(vectors, dtype=np.float32) @ self.dense * self.scales.embedding
        for i, text in enumerate(texts):
            grams = hashed(mask(text), self.scales)
            keys = np.fromiter(grams.keys(), dtype=np.int64, count=len(grams))
            values = np.fromiter(grams.values(), dtype=np.float32, count=len(grams))
            z[i] += float(self.sparse[keys] @ values) if len(keys) else 0.0
            z[i] += float(np.asarray(cues(text), np.float32) @ self.structure) * \
                self.scales.structure
        return np.asarray(1.0 / (1.0 + np.exp(-(z + self.bias))), dtype=np.float64)

    def weight(self, p: float) -> float:
        """Verdict weight of probability ``p``: 0.5 at the operating point, linear on either
        side (0 at p = 0, 1 at p = 1)."""
        t = self.threshold
        return 0.5 * p / t if p < t else 0.5 + 0.5 * (p - t) / (1.0 - t)

    def reason(self, vector: np.ndarray) -> str:
        """The kind of the nearest known attack (cosine), or a generic name."""
        if not len(self.exemplars):
            return "instruction_to_the_agent"
        sims = self.exemplars @ np.asarray(vector, dtype=np.float32)
        return self.exemplar_reasons[int(np.argmax(sims))]

    def save(self, path: Path) -> None:
        """Write the detector as one compressed ``.npz`` (only the non-zero hashed weights)."""
        keys = np.flatnonzero(self.sparse).astype(np.int32)
        np.savez_compressed(
            path, keys=keys, values=self.sparse[keys].astype(np.float32),
            dense=self.dense.astype(np.float32), structure=self.structure.astype(np.float32),
            numbers=np.array([self.bias, self.threshold, self.strong, self.scales.embedding,
                              self.scales.chars, self.scales.words, self.scales.structure,
                              HASH_DIM, self.window]),
            model_id=np.array(self.model_id), exemplars=self.exemplars.astype(np.float16),
            exemplar_reasons=np.array(self.exemplar_reasons), names=np.array(NAMES))

    @classmethod
    def load(cls, path: Path) -> Detector:
        with np.load(path, allow_pickle=False) as data:
            numbers = data["numbers"]
            if int(numbers[7]) != HASH_DIM or tuple(data["names"]) != NAMES:
                raise ValueError(f"{path} was trained for other features; retrain it with "
                                 "python benchmarks/train_guard.py")
            sparse = np.zeros(HASH_DIM, np.float32)
            sparse[data["keys"]] = data["values"]
            return cls(sparse=sparse, dense=data["dense"], structure=data["structure"],
                       bias=float(numbers[0]), threshold=float(numbers[1]),
                       strong=float(numbers[2]), scales=Scales(*map(float, numbers[3:7])),
                       model_id=str(data["model_id"]), window=int(numbers[8]),
                       exemplars=data["exemplars"].astype(np.float32),
                       exemplar_reasons=[str(r) for r in data["exemplar_reasons"]])


@lru_cache(maxsize=1)
def shipped() -> Detector:
    """The detector that ships with Engram."""
    return Detector.load(MODEL_PATH)


#: the weight from which a text behind a trick counts as an instruction
HIDDEN_LEVEL = 0.5
HIDDEN_WEIGHT = 0.5
#: weights below this are noise, not a cue
MIN_WEIGHT = 0.1



def readings(text: str, window: int = WINDOW) -> tuple[list[str], list[str], list[str]]:
    """What the detector reads of ``text``: the windows of its visible (normalised) form,
    those of each part a trick hid, and the names of the tricks."""
    seen = views(text)
    parts = [*seen.hidden, *seen.decoded, *([seen.leet] if seen.leet else [])]
    return (windows(seen.visible, window), [w for part in parts for w in windows(part, window)],
            seen.tricks)


def judge(text: str | Sequence[str], detector: Detector, embed: Embed,
          into: Verdict | None = None) -> Verdict:
    """The detector's verdict on a text, or on every field of one item at once (one
    embedding call; no scope: the consensus comes after), added to ``into`` when given."""
    verdict = Verdict() if into is None else into
    parts = [t for t in ([text] if isinstance(text, str) else text) if t.strip()]
    read = [readings(t, detector.window) for t in parts]
    texts = [w for shown, behind, _ in read for w in (*shown, *behind)]
    if not texts:
        return verdict
    vectors = vectorize(embed, texts)
    p = detector.probabilities(texts, vectors)
    for t in texts:
        for name, pattern in CUES:
            if pattern.search(t):
                verdict.add(name, 0.0)
    best = int(np.argmax(p))
    weight = detector.weight(float(p[best]))
    if weight >= MIN_WEIGHT:  # below ``strong`` it stays open to a second opinion
        verdict.add(detector.reason(vectors[best]), weight, lowerable=p[best] < detector.strong)
    start = 0
    for shown, behind, tricks in read:
        # revealed by undoing a trick: a hidden part reads as more of an instruction than
        # the visible text (a leetspeak reading of an ordinary note does not)
        seen_p = float(p[start:start + len(shown)].max()) if shown else 0.0
        start += len(shown)
        hidden_p = float(p[start:start + len(behind)].max()) if behind else 0.0
        start += len(behind)
        if hidden_p > seen_p and detector.weight(hidden_p) >= HIDDEN_LEVEL:
            for trick in dict.fromkeys(tricks or ["obfuscation"]):
                verdict.add(f"hidden:{trick}", 0.0)
            verdict.add("hidden_instruction", HIDDEN_WEIGHT)
    verdict.score = round(verdict.score, 3)
    return verdict


__all__ = ["CUES", "MODEL_PATH", "NAMES", "Detector", "Scales", "judge", "readings",
           "shipped", "windows"]
