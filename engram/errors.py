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


class NotFoundError(EngramError, LookupError):
    """No memory with that id exists in the given scope."""

    code = "not_found"


class Mem0NotFoundError(NotFoundError, ValueError):
    """engram.compat.mem0: an id its app cannot see; a ``ValueError`` too, as mem0 raises."""


class ConflictError(EngramError):
    """A write lost a race (e.g. the expected version is no longer current)."""

    code = "conflict"


class ImportConflictError(ConflictError):
    """An unscoped import reuses ids of memories in other scopes; nothing was imported.
    ``lines`` are the file's line numbers; pass ``on_conflict="skip"`` or ``"new_id"``."""

    code = "import_conflict"

    def __init__(self, message: str, lines: list[int] | None = None) -> None:
        super().__init__(message)
        self.lines = lines or []


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


def install_hint(extra: str) -> str:
    """How to add an extra. Engram is installed from a checkout (its distribution is not
    on PyPI), so every hint names the form that works there."""
    return f"`pip install -e '.[{extra}]'` in your Engram checkout"


def reinstall_hint() -> str:
    """How to repair an install that lost files or packages (see :func:`install_hint`)."""
    return "reinstall it with `pip install --force-reinstall -e .` in your Engram checkout"


def upgrade_hint() -> str:
    """How to get a newer Engram (see :func:`install_hint`)."""
    return "upgrade Engram (`git pull`, then `pip install -e .` in your checkout)"


class MissingDependencyError(ConfigError, ImportError):
    """A backend needs packages that are not installed: an extra's (``extra``), or,
    with ``extra=None``, core dependencies that a broken install lost."""

    code = "missing_dependency"

    def __init__(self, feature: str, extra: str | None) -> None:
        if extra is None:
            advice = ("its packages are core dependencies of Engram, so the install is "
                      f"incomplete: {reinstall_hint()}.")
        else:
            advice = f"install them with {install_hint(extra)}."
        super().__init__(f"{feature} needs packages that are not installed: {advice}")
        self.extra = extra


class LLMError(EngramError):
    """The LLM server could not be reached or kept failing."""

    code = "llm_error"


# -- errors that only exist over the network (raised by EngramClient) ---------------
class RemoteError(EngramError):
    """The server failed (5xx) or sent something the client cannot understand."""

    code = "internal_error"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthenticationError(EngramError):
    """The API key is missing, unknown or revoked; pass a valid ``api_key``."""

    code = "unauthorized"


class PermissionDeniedError(EngramError, PermissionError):
    """The request names an app_id/user_id outside the API key's scope."""

    code = "forbidden"


class RateLimitError(EngramError):
    """Too many requests for this key; wait ``retry_after`` seconds."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailableError(StoreError):
    """The server is up but its store is not reachable."""

    code = "unavailable"
