"""PII redaction at ingest: personal data never reaches the store, index or embedder.

The ``pii`` enricher finds emails, phone numbers (libphonenumber), payment card numbers
(Luhn-checked), IBANs (python-stdnum: format and mod-97), government ids (US SSN, UK NINO)
and street addresses (detection: :mod:`engram.ingest.pii_detect`), and replaces them
before anything is stored, indexed or embedded:

* ``mask`` (default) is irreversible: ``alice@example.com`` → ``[EMAIL]``;
* ``vault`` is reversible: ``[PII:EMAIL:3f9a01c2]``, with the original encrypted
  (Fernet, key file under the data dir, ``0600``) in the store's ``vault`` table, keyed
  by memory id and written in the memory's own transaction. :meth:`engram.Memory.reveal` restores the text for a caller who can read the
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
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engram.config import Settings
from engram.errors import ConfigError, MissingDependencyError
from engram.ingest.pii_detect import DEFAULT_REGIONS, KINDS, Finding
from engram.ingest.pii_detect import find_pii as detect
from engram.ingest.pii_legacy import migrate_legacy_vault
from engram.model import MemoryItem
from engram.store.base import SecretRow, SecretRows

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

    The Fernet key lives in its own file (created ``0600`` on first use); the rows live
    in the configured store (:class:`~engram.store.base.SecretRows`: a table of the
    SQLite file or of the PostgreSQL database), never beside the key. Redaction stages a
    memory's rows (:meth:`stage`); the writer takes them (:meth:`take`) and stores them in
    the memory's own transaction, so a failed add leaves none, and deleting the memory
    deletes them (crypto-shredding). Every server on a shared database needs the same
    key file to reveal what another wrote.
    """

    def __init__(self, key_path: str | Path, rows: SecretRows | None = None) -> None:
        try:
            from cryptography.fernet import Fernet, InvalidToken
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependencyError("the PII vault", "pii") from exc
        self.key_path = Path(key_path)
        self.key_path.parent.mkdir(parents=True, exist_ok=True)
        if not self.key_path.exists():
            _create_key(self.key_path, Fernet.generate_key())
        key = self.key_path.read_bytes().strip()
        self._fernet = Fernet(key)
        self._invalid = InvalidToken
        self._mac_key = hashlib.sha256(b"engram-pii-token\x00" + key).digest()
        self._lock = threading.Lock()
        self._staged: dict[str, list[SecretRow]] = {}
        self.rows: SecretRows | None = None
        if rows is not None:
            self.bind(rows)

    def bind(self, rows: SecretRows) -> None:
        """Keep (and read) the rows in this store; an old data dir's ``vault.sqlite``
        is moved into it first (:mod:`engram.ingest.pii_legacy`)."""
        migrate_legacy_vault(self.key_path, rows)
        self.rows = rows

    def token(self, kind: str, value: str) -> str:
        """A stable token per value: the same email gets the same token everywhere."""
        digest = hmac.new(self._mac_key, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()
        return f"[PII:{kind}:{digest[:8]}]"

    def stage(self, memory_id: str, entries: Iterable[tuple[str, str, str]]) -> None:
        """Encrypt ``(token, kind, original)`` rows for one memory, to be stored with it."""
        rows = [SecretRow(memory_id, tok, kind, self._fernet.encrypt(value.encode()))
                for tok, kind, value in entries]
        if rows:
            with self._lock:
                self._staged.setdefault(memory_id, []).extend(rows)

    def take(self, memory_ids: Iterable[str]) -> list[SecretRow]:
        """The staged rows of these memories, removed from the stage (the writer passes
        them to the store's write; if that fails they are simply gone)."""
        with self._lock:
            return [row for i in dict.fromkeys(memory_ids) for row in self._staged.pop(i, ())]

    def _store(self) -> SecretRows:
        if self.rows is None:
            raise ConfigError("the PII vault has no store to keep its rows in; use it through "
                              "engram.Memory (which binds the configured store)")
        return self.rows

    def originals(self, memory_id: str) -> dict[str, str]:
        try:
            return {tok: self._fernet.decrypt(secret).decode()
                    for tok, secret in self._store().secrets(memory_id).items()}
        except self._invalid:
            raise ConfigError(
                f"the vault key {self.key_path} does not open memory {memory_id}'s originals: "
                "they were written with another key. Every server on one database must use "
                "the same key file (ENGRAM_VAULT_KEY_PATH)") from None

    def reveal(self, memory_id: str, text: str) -> str:
        found = self.originals(memory_id)
        return TOKEN.sub(lambda m: found.get(m.group(0), m.group(0)), text)

    def count(self) -> int:
        """Vault rows in the store (every memory's)."""
        return self._store().secret_count()


def _create_key(path: Path, key: bytes) -> None:
    """Write a new key file whole, or keep the one another process made first: the key is
    written to a private temporary file and hard-linked into place (atomic, never
    overwrites), so servers starting together never read a half-written key."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race: use its key
    finally:
        tmp.unlink(missing_ok=True)


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
        if self.mode == "vault" and self.vault is None:  # Settings owns the key path
            self.vault = Vault(settings.vault_key_file)

    def bind_store(self, store: object) -> None:
        """The vault keeps its rows in the memory's store (:class:`ReadsStore`)."""
        if self.vault is None:
            return
        if not isinstance(store, SecretRows):
            raise ConfigError(f"{type(store).__name__} cannot keep the PII vault's rows (it "
                              "lacks secrets/secret_count); use pii_mode='mask' or another store")
        self.vault.bind(store)

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
                    self.vault.stage(item.id, [(tok, f.kind, f.text) for f, tok in found])
            out.append(item.model_copy(update=update))
        return out


__all__ = ["KINDS", "TOKEN", "Finding", "PIIRedactor", "Vault", "find_pii", "redact"]
