"""One exception hierarchy, rooted at :class:`EngramError`.

Every message says what went wrong *and* what the caller can do about it.
Messages never include memory content (it is personal data).
"""

from __future__ import annotations


class EngramError(Exception):
    """Base class of every error Engram raises on purpose."""

    code: str = "engram_error"


class InvalidInputError(EngramError, ValueError):
    """The caller passed something Engram cannot store or interpret."""

    code = "invalid_input"


class ContentTooLargeError(InvalidInputError):
    """Content exceeds the configured ``max_content_chars`` limit."""

    code = "content_too_large"


class ScopeError(InvalidInputError):
    """A scope is missing, empty, or does not own the requested memory."""

    code = "invalid_scope"


class NotFoundError(EngramError, LookupError):
    """No memory with that id exists in the given scope."""

    code = "not_found"


class ConflictError(EngramError):
    """A write lost a race (e.g. the expected version is no longer current)."""

    code = "conflict"


class ImportFormatError(InvalidInputError):
    """A JSONL import contained malformed lines; nothing was imported."""

    code = "import_format"

    def __init__(self, message: str, bad_lines: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.bad_lines = bad_lines or []


class StoreError(EngramError):
    """The storage backend is unavailable, corrupt, or misconfigured."""

    code = "store_error"


class CorruptStoreError(StoreError):
    """The database file exists but is not a readable Engram store."""

    code = "corrupt_store"


class SchemaVersionError(StoreError):
    """The database was written by a newer Engram than this one."""

    code = "schema_version"


class EmbedderError(EngramError):
    """The embedding model could not be loaded or called."""

    code = "embedder_error"


class RerankerError(EngramError):
    """The optional reranking server failed or answered something unusable."""

    code = "reranker_error"


class ConfigError(EngramError):
    """Settings are invalid or name an unknown backend."""

    code = "config_error"


class MissingDependencyError(ConfigError, ImportError):
    """An optional backend needs an extra that is not installed."""

    code = "missing_dependency"

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs optional dependencies: install them with "
            f"`pip install 'engramdb[{extra}]'`."
        )
        self.extra = extra
