"""PII redaction at ingest: personal data never reaches the store, index or embedder.

The ``pii`` enricher finds emails, phone numbers (libphonenumber), payment card numbers
(Luhn-checked), IBANs (python-stdnum: format and mod-97), government ids (US SSN, UK NINO)
and street addresses (detection: :mod:`engram.ingest.pii_detect`), and replaces them
before anything is stored, indexed or embedded:

* ``mask`` (default) is irreversible: ``alice@example.com`` → ``[EMAIL]``;
* ``vault`` is reversible: ``[PII:EMAIL:3f9a01c2]``, with the original encrypted
  (Fernet, key file under the data dir, ``0600``) in a separate vault file, keyed by
  memory id. :meth:`engram.Memory.reveal` restores the text for a caller who can read the
  memory's scope; deleting the memory deletes its vault rows (crypto-shredding).

Structured ids are validated by well-kept libraries (the ``pii`` extra); free-form
addresses are a pattern and the weakest kind. National phone formats are read for
``Settings.pii_phone_regions``. Measured precision/recall: ``benchmarks/reliability.md``.
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

from engram.config import Settings
from engram.errors import ConfigError, MissingDependencyError
from engram.ingest.pii_detect import DEFAULT_REGIONS, KINDS, Finding
from engram.ingest.pii_detect import find_pii as detect
from engram.model import MemoryItem, Scope

MODES = ("mask", "vault")
TOKEN = re.compile(r"\[PII:([A-Z_]+):([0-9a-f]{8,16})\]")



def find_pii(text: str, regions: Sequence[str] = DEFAULT_REGIONS) -> list[Finding]:
    """PII spans (see :mod:`engram.ingest.pii_detect`), less those inside a vault token."""
    tokens = [m.span() for m in TOKEN.finditer(text)]
    return [f for f in detect(text, regions)
            if not any(s <= f.start < e or s < f.end <= e for s, e in tokens)]


def redact(text: str, replace: Any, regions: Sequence[str] = DEFAULT_REGIONS
           ) -> tuple[str, list[tuple[Finding, str]]]:
    """Replace every finding with ``replace(finding)``; returns the text and what was replaced."""
    out, last, done = [], 0, []
    for finding in find_pii(text, regions):
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
    kinds: frozenset[str] = field(default_factory=lambda: frozenset(KINDS))
    regions: Sequence[str] = DEFAULT_REGIONS

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown pii_mode {self.mode!r}; choose one of: {', '.join(MODES)}")

    def configure(self, settings: Settings) -> None:
        """Take ``pii_mode``, ``pii_phone_regions`` and the vault paths from the settings."""
        self.mode = settings.pii_mode
        self.regions = tuple(settings.pii_phone_regions)
        self.__post_init__()
        if self.mode == "vault" and self.vault is None:  # Settings owns the paths
            self.vault = Vault(settings.vault_key_file, settings.vault_path)

    def _replacement(self, finding: Finding) -> str:
        if self.mode == "vault":
            assert self.vault is not None, "vault mode needs a Vault (call configure)"
            return self.vault.token(finding.kind, finding.text)
        return f"[{finding.kind}]"

    def _clean(self, text: str, found: list[tuple[Finding, str]]) -> str:
        def replace(f: Finding) -> str:
            return self._replacement(f) if f.kind in self.kinds else f.text

        new, done = redact(text, replace, self.regions)
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


__all__ = ["KINDS", "TOKEN", "Finding", "PIIRedactor", "Vault", "find_pii", "redact"]
