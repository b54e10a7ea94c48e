"""A-MemGuard's lesson memory, kept small: what a scope's flagged memories were after.

A-MemGuard (Wei et al., 2025) keeps the lessons of detected poisoning apart from ordinary
memory and consults them before acting. Poisoning campaigns (MINJA, AgentPoison) write
several records that push one payload: a domain, an address, a brand. Here the scope's
memories already marked ``suspicious`` are the lessons, and their *payload markers* (URL
hosts and domains, email addresses, CamelCase brand names, account numbers) are what is
remembered; a new
memory of the same user that carries one of them is flagged even when its own wording
looks harmless ("QuickBank has the best savings rates").

Only markers are compared, never whole texts, and only within the user's own scope, so a
lesson never leaks across tenants. It only ever raises a score: lowering one because the
scope "agrees" would let an attacker vouch for their own records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from engram.ingest.guard_text import views
from engram.model import Filters, MemoryItem, MemoryStatus, Scope

LESSON_WEIGHT = 0.5
MAX_LESSONS = 200

# Bounded repeats (RFC 5321/1035 lengths: a local part <= 64, a label <= 63, a name <= 253):
# unbounded ones backtracked quadratically on a long run of word characters (16,000 letters
# in a metadata value took 9 s to add).
_HOST = re.compile(r"https?://([^/\s)\"'?#:]{1,253})", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![@\w.-])((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})\b", re.IGNORECASE)
_NOT_A_DOMAIN = re.compile(r"\.(?:py|js|ts|json|ya?ml|toml|txt|md|csv|png|jpe?g|gif|svg|pdf|"
                           r"html?|sh|exe|zip|tar|gz|log|ini|cfg|e\.g|i\.e)$", re.IGNORECASE)
_BRAND = re.compile(r"(?<![\w-])[A-Z][a-z]{1,40}[A-Z][A-Za-z]{1,40}\b")
#: where money or a call would go: an IBAN, or a run of 8+ digits in groups (an account,
#: a card, a phone number); times, dates and amounts have fewer digits or other separators
_ACCOUNT = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b|"
                      r"(?<![\w.,:/-])\d(?:[ -]?\d){7,18}(?![\w.,:/-]?\d)")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}$")


def payload_markers(text: str) -> set[str]:
    """Hosts, domains, emails, brand names and account numbers in ``text``, hidden and
    decoded parts included."""
    seen = views(text)
    markers: set[str] = set()
    for part in [seen.visible, *seen.hidden, *seen.decoded]:
        markers |= {h.lower() for h in _HOST.findall(part)}
        emails = {e.lower() for e in _EMAIL.findall(part)}
        markers |= emails
        markers |= {d.lower() for d in _DOMAIN.findall(part) if not _NOT_A_DOMAIN.search(d)
                    and not any(d.lower() in e for e in emails)}
        markers |= {b.lower() for b in _BRAND.findall(part)}
        markers |= {re.sub(r"[ -]", "", a).lower() for a in _ACCOUNT.findall(part)
                    if not _DATE.match(a)}
    return {m.removeprefix("www.") for m in markers}


def item_markers(item: MemoryItem) -> set[str]:
    texts = [item.content, *item.tags, *(str(v) for v in item.metadata.values()
                                         if isinstance(v, str))]
    return set().union(*(payload_markers(t) for t in texts))


class Lessons:
    """Payload markers of the flagged memories in a scope, read from the store."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def markers(self, scope: Scope, exclude: Iterable[str] = ()) -> set[str]:
        skip = set(exclude)
        flagged = self.store.list(
            scope.across_sessions(),
            Filters(tags=["suspicious"], statuses=[MemoryStatus.ACTIVE, MemoryStatus.ARCHIVED]),
            limit=MAX_LESSONS)
        return set().union(*(item_markers(i) for i in flagged if i.id not in skip))


__all__ = ["LESSON_WEIGHT", "Lessons", "item_markers", "payload_markers"]
