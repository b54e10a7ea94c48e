"""Excerpts of long rounds for packed contexts (the last stage of the ranking pipeline).

LongMemEval rounds are long: an assistant's answer is often hundreds of words, and
the fact a question needs is usually in the user's turn, which is short. Under a token
budget a long round therefore contributes its opening turn whole when that fits (the
user's own words are the memory; a question often shares no word with the sentence
that answers it, e.g. "how many ..." asked of "I sold 12 dozen eggs"), then the other
sentences that best match the query (by content-word overlap, in their original order),
and a pointer (``memory <id>``) to fetch the whole round with ``Memory.get``. When the
opening turn alone is too long, its first line stands in for it.
"""

from __future__ import annotations

from collections.abc import Callable

from engram.ingest.sentences import quick_sentences
from engram.model import MemoryItem
from engram.retrieve.analysis import content_words, shared_words

LONG_BLOCK = 250  # tokens: a rendered round longer than this is excerpted
EXCERPT_TOKENS = 160  # tokens of sentences an excerpt keeps


def sentences(text: str) -> list[str]:
    """The project's quick splitter (titles, initials and decimals are no boundary), stripped:
    cheap enough for every packed round, and it never drops text."""
    return [part.strip() for part in quick_sentences(text) if part.strip()]


def _score(sentence: str, words: list[str]) -> float:
    return float(shared_words(words, sentence))


def excerpt(text: str, query: str, budget: int, counter: Callable[[str], int], *,
            opening: str = "") -> str:
    """``opening`` (the round's first turn, a prefix of ``text``) whole when it fits in
    ``budget`` tokens, else the first line; then the sentences that best match ``query``
    while they fit, in text order, gaps marked with "…"."""
    if opening and text.startswith(opening) and counter(opening) <= budget:
        head, used, rest = opening.strip(), counter(opening), sentences(text[len(opening):])
        if not rest:
            return text
    else:
        parts = sentences(text)
        if not parts:
            return text
        head, used, rest = parts[0], counter(parts[0]), parts[1:]
    words = content_words(query)
    scores = [_score(part, words) for part in rest]
    keep: set[int] = set()
    for i in sorted(range(len(rest)), key=lambda i: (-scores[i], i)):
        if scores[i] <= 0:
            break
        cost = counter(rest[i])
        if used + cost > budget:
            continue
        keep.add(i)
        used += cost
    out = [head]
    last = -1  # the head sits just before rest[0]
    for i in sorted(keep):
        if i != last + 1:
            out.append("…")
        out.append(rest[i])
        last = i
    if last != len(rest) - 1:
        out.append("…")
    return "\n".join(out)


def opening_turn(item: MemoryItem) -> str:
    """The round's first turn ("user: …" up to the reply's speaker label), or "" for a
    text with one speaker (``item.role`` names a round's speakers, joined by "+")."""
    speakers = (item.role or "").split("+")
    cuts = [at for label in speakers[1:] if (at := item.content.find(f"\n{label}: ")) > 0]
    return item.content[: min(cuts)] if cuts else ""


def shorten_block(item: MemoryItem, block: str, query: str, render: Callable[[MemoryItem], str],
                  counter: Callable[[str], int]) -> str:
    """``block`` itself when short, else the item rendered with an excerpt of its content
    and a pointer to the whole memory."""
    if counter(block) <= LONG_BLOCK:
        return block
    short = excerpt(item.content, query, EXCERPT_TOKENS, counter, opening=opening_turn(item))
    pointer = f"[excerpt of memory {item.id}; Memory.get(id) returns it whole]"
    return render(item.model_copy(update={"content": f"{short}\n{pointer}"}))
