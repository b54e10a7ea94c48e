"""PII redaction at ingest: personal data never reaches the store, index or embedder.

The ``pii`` enricher finds emails, phone numbers, payment card numbers (Luhn-checked),
IBANs (mod-97 checked), government ids (US SSN, UK NINO) and street addresses, and
replaces them before anything is stored, indexed or embedded:

* ``mask`` (default) is irreversible: ``alice@example.com`` → ``[EMAIL]``;
* ``vault`` is reversible: ``[PII:EMAIL:3f9a01c2]``, with the original encrypted
  (Fernet, key file under the data dir, ``0600``) in a separate vault file, keyed by
  memory id. :meth:`engram.Memory.reveal` restores the text for a caller who can read the
  memory's scope; deleting the memory deletes its vault rows (crypto-shredding).

Detection is pattern based (no model ships offline): precise for structured ids and
weaker for free-form addresses. Measured precision/recall: ``benchmarks/reliability.md``.
Put ``pii`` *first* in ``Settings.enrichers`` so later enrichers only see redacted text
(this enricher also redacts keys, entities, tags and metadata strings already present).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engram.errors import ConfigError, MissingDependencyError
from engram.model import MemoryItem, Scope

MODES = ("mask", "vault")
TOKEN = re.compile(r"\[PII:([A-Z_]+):([0-9a-f]{8,16})\]")

_STREET = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|"
           r"place|pl|terrace|parkway|pkwy|square|sq|highway|hwy|circle|cir|crescent|close|row)")
#: (kind, pattern, validator name or None) in priority order; earlier kinds win overlaps.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("EMAIL", re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*"
                         r"\.[A-Za-z]{2,24}\b")),
    ("CARD", re.compile(r"(?<![\d+-])(?:\d[ -]?){12,18}\d(?![\d-])")),
    ("IBAN", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")),
    ("SSN", re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")),
    ("NATIONAL_ID", re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                               r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")),
    ("PHONE", re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4})"
                         r"{1,4}(?![\w-])|(?<![\w+])\+\d{8,14}\b|(?<!\w)\d{10}(?!\w)")),
    ("ADDRESS", re.compile(
        r"\b\d{1,6}[A-Za-z]?,? (?:[A-Z][A-Za-z'.-]*\.? ){1,4}" + _STREET + r"\b\.?"
        r"(?:,? (?:apt|apartment|suite|unit|#)\.? ?[\w-]+)?|"
        r"\b(?:rua|avenida|calle|via|rue) (?:d[aoe]s? |de la |del )?(?:[A-Z][\w'-]*\s?){1,4},? \d{1,5}\b|"
        r"\b[A-Z][a-zäöü]+(?:straße|strasse|weg|gasse|platz) \d{1,5}[a-z]?\b", re.IGNORECASE)),
]


def luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(text: str) -> bool:
    raw = text.replace(" ", "")
    if not 15 <= len(raw) <= 34:
        return False
    moved = raw[4:] + raw[:4]
    try:
        return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1
    except ValueError:
        return False


def _valid(kind: str, text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if kind == "CARD":
        return 13 <= len(digits) <= 19 and luhn_ok(digits) and len(set(digits)) > 1
    if kind == "IBAN":
        return iban_ok(text)
    if kind == "PHONE":
        if not 9 <= len(digits) <= 15:
            return False
        # dates and times (2024-05-01, 12.05.2024) are not phone numbers
        return not re.fullmatch(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|"
                                r"\d{3}[- ]\d{2}[- ]\d{4}", text)  # dates; SSN-shaped (invalid) ids
    if kind == "ADDRESS":
        # "3 big ways" is not an address: the street-name words must be capitalised
        return not text[0].isdigit() or bool(re.search(r"[A-Z]", text[1:]))
    return True


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def find_pii(text: str) -> list[Finding]:
    """Non-overlapping PII spans in ``text``, in order; earlier kinds in :data:`PATTERNS` win."""
    taken: list[Finding] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            value = match.group(0).rstrip(" ,")
            end = start + len(value)
            if not _valid(kind, value):
                continue
            if any(start < f.end and f.start < end for f in taken):
                continue
            if TOKEN.search(text[max(0, start - 24):end + 24]) and _inside_token(text, start):
                continue
            taken.append(Finding(kind, start, end, value))
    return sorted(taken, key=lambda f: f.start)


def _inside_token(text: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in TOKEN.finditer(text))


def redact(text: str, replace: Any) -> tuple[str, list[tuple[Finding, str]]]:
    """Replace every finding with ``replace(finding)``; returns the text and what was replaced."""
    out, last, done = [], 0, []
    for finding in find_pii(text):
        token = replace(finding)
        out += [text[last:finding.start], token]
        last = finding.end
        done.append((finding, token))
    out.append(text[last:])
    return "".join(out), done


class Vault:
    """Encrypted originals of vaulted PII, keyed by (memory id, token).

    The Fernet key lives in its own file (created ``0600`` on first use); the vault
    rows in a small SQLite file beside it. Losing the key makes the vault unreadable
    by design; deleting a memory's rows makes its originals unrecoverable.
    """

    def __init__(self, key_path: str | Path, path: str | Path | None = None) -> None:
        try:
            from cryptography.fernet import Fernet
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependencyError("the PII vault", "pii") from exc
        self.key_path = Path(key_path)
        self.path = Path(path) if path else self.key_path.with_suffix(".sqlite")
        self.key_path.parent.mkdir(parents=True, exist_ok=True)
        if not self.key_path.exists():
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(Fernet.generate_key())
        key = self.key_path.read_bytes().strip()
        self._fernet = Fernet(key)
        self._mac_key = hashlib.sha256(b"engram-pii-token\x00" + key).digest()
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                     timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA secure_delete=ON")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS vault (memory_id TEXT NOT NULL, token TEXT NOT NULL, "
            "kind TEXT NOT NULL, secret BLOB NOT NULL, user_id TEXT, agent_id TEXT, "
            "session_id TEXT, app_id TEXT, PRIMARY KEY (memory_id, token))")

    def token(self, kind: str, value: str) -> str:
        """A stable token per value: the same email gets the same token everywhere."""
        digest = hmac.new(self._mac_key, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()
        return f"[PII:{kind}:{digest[:8]}]"

    def put(self, memory_id: str, scope: Scope, entries: Iterable[tuple[str, str, str]]) -> None:
        """Store ``(token, kind, original)`` rows for one memory."""
        rows = [(memory_id, tok, kind, self._fernet.encrypt(value.encode()), scope.user_id,
                 scope.agent_id, scope.session_id, scope.app_id) for tok, kind, value in entries]
        if rows:
            with self._lock:
                self._conn.executemany("INSERT OR IGNORE INTO vault VALUES (?,?,?,?,?,?,?,?)", rows)

    def originals(self, memory_id: str) -> dict[str, str]:
        with self._lock:
            rows = self._conn.execute("SELECT token, secret FROM vault WHERE memory_id = ?",
                                      (memory_id,)).fetchall()
        return {tok: self._fernet.decrypt(secret).decode() for tok, secret in rows}

    def reveal(self, memory_id: str, text: str) -> str:
        found = self.originals(memory_id)
        return TOKEN.sub(lambda m: found.get(m.group(0), m.group(0)), text)

    def forget(self, memory_ids: Sequence[str]) -> int:
        """Delete the originals of these memories; returns rows removed."""
        removed = 0
        with self._lock:
            for start in range(0, len(memory_ids), 500):
                chunk = list(memory_ids[start:start + 500])
                cur = self._conn.execute(
                    f"DELETE FROM vault WHERE memory_id IN ({','.join('?' * len(chunk))})", chunk)
                removed += cur.rowcount
        return removed

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM vault").fetchone()[0])

    def settle(self) -> None:
        """Truncate the WAL after :meth:`forget`: it would keep the deleted ciphertexts,
        which the key still opens."""
        from engram.store.sql_common import checkpoint

        checkpoint(self._conn, self._lock, self.path)

    def compact(self) -> None:
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


@dataclass
class PIIRedactor:
    """The ``pii`` enricher (see module docs). ``kinds`` limits what is redacted."""

    mode: str = "mask"
    vault: Vault | None = None
    kinds: frozenset[str] = field(default_factory=lambda: frozenset(k for k, _ in PATTERNS))

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown pii_mode {self.mode!r}; choose one of: {', '.join(MODES)}")

    def configure(self, settings: Any) -> None:
        """Take ``pii_mode`` and the vault key path from :class:`~engram.config.Settings`."""
        self.mode = getattr(settings, "pii_mode", self.mode)
        self.__post_init__()
        if self.mode == "vault" and self.vault is None:
            key = settings.vault_key_path or settings.data_dir / "vault.key"
            self.vault = Vault(key)

    def _replacement(self, finding: Finding) -> str:
        if self.mode == "vault":
            assert self.vault is not None, "vault mode needs a Vault (call configure)"
            return self.vault.token(finding.kind, finding.text)
        return f"[{finding.kind}]"

    def _clean(self, text: str, found: list[tuple[Finding, str]]) -> str:
        def replace(f: Finding) -> str:
            return self._replacement(f) if f.kind in self.kinds else f.text

        new, done = redact(text, replace)
        found += [(f, tok) for f, tok in done if f.kind in self.kinds]
        return new

    def _clean_json(self, value: Any, found: list[tuple[Finding, str]]) -> Any:
        if isinstance(value, str):
            return self._clean(value, found)
        if isinstance(value, dict):
            return {k: self._clean_json(v, found) for k, v in value.items()}
        if isinstance(value, list):
            return [self._clean_json(v, found) for v in value]
        return value

    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        if self.mode == "vault" and self.vault is None:
            raise ConfigError("pii_mode='vault' needs a vault key; set ENGRAM_VAULT_KEY_PATH or "
                              "ENGRAM_DATA_DIR")
        out = []
        for item in items:
            found: list[tuple[Finding, str]] = []
            update = {
                "content": self._clean(item.content, found),
                "keys": [self._clean(k, found) for k in item.keys],
                "entities": [self._clean(e, found) for e in item.entities],
                "tags": [self._clean(t, found) for t in item.tags],
                "metadata": self._clean_json(item.metadata, found),
            }
            if found:
                update["metadata"] = {**update["metadata"],
                                      "pii": sorted({f.kind for f, _ in found})}
                if self.vault is not None and self.mode == "vault":
                    self.vault.put(item.id, item.scope, [(tok, f.kind, f.text) for f, tok in found])
            out.append(item.model_copy(update=update))
        return out


__all__ = ["PATTERNS", "TOKEN", "Finding", "PIIRedactor", "Vault", "find_pii", "luhn_ok", "redact"]
