"""PostgreSQL schema and forward-only migrations, tracked in ``schema_version``.

Mirrors the SQLite schema (``sqlite_schema.py``) column for column, with native
types: ``timestamptz`` for times, ``jsonb`` for lists and documents, a ``tsvector`` for
lexical search (generated up to v4; since v5 written by the store, postgres_insert.py)
and a pgvector column for embeddings.

The vector column starts without a dimension; the first vector write fixes it
(``ALTER ... TYPE vector(dim)``) and builds the HNSW index, because the
dimension is a property of the embedder, unknown until then.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, NamedTuple

from engram.errors import ConflictError, EngramError, SchemaVersionError, StoreError, upgrade_hint
from engram.store.postgres_tenant import DEFAULT_PARTITIONS, partition_tables

# Each entry upgrades the schema by one version: statements, or a function of the
# connection and the store's options. Never edit a shipped entry: append a new one.
Migration = list[str] | Callable[[Any, "dict[str, Any]"], None]
MIGRATIONS: list[Migration] = [
    # v1: memories (+ lexical index), vectors, history, meta
    [
        """
        CREATE TABLE memories (
            -- ids compare bytewise (COLLATE "C"), as in SQLite and Python: paging
            -- by id and "oldest first" must not depend on the server's locale
            id TEXT COLLATE "C" PRIMARY KEY,
            user_id TEXT, agent_id TEXT, session_id TEXT, app_id TEXT,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            content TEXT NOT NULL,
            role TEXT,
            keys JSONB NOT NULL DEFAULT '[]',
            entities JSONB NOT NULL DEFAULT '[]',
            tags JSONB NOT NULL DEFAULT '[]',
            event_time TIMESTAMPTZ,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            valid_from TIMESTAMPTZ,
            valid_to TIMESTAMPTZ,
            importance DOUBLE PRECISION NOT NULL,
            access_count INTEGER NOT NULL DEFAULT 0,
            last_accessed_at TIMESTAMPTZ,
            provenance JSONB NOT NULL DEFAULT '{}',
            version INTEGER NOT NULL,
            metadata JSONB NOT NULL DEFAULT '{}',
            -- keys + entities + tags as one string (LongMemEval's key expansion)
            key_text TEXT NOT NULL DEFAULT '',
            -- content weighs A, expansion keys B (ts_rank_cd weights 1.0 / 0.4);
            -- the 'english' config stems like FTS5's porter tokenizer does
            tsv TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('english'::regconfig, content), 'A')
                || setweight(to_tsvector('english'::regconfig, key_text), 'B')
            ) STORED
        )
        """,
        "CREATE INDEX memories_user ON memories(user_id, id)",
        "CREATE INDEX memories_agent ON memories(agent_id, id)",
        "CREATE INDEX memories_session ON memories(session_id, id)",
        "CREATE INDEX memories_app ON memories(app_id, id)",
        "CREATE INDEX memories_event_time ON memories(event_time)",
        "CREATE INDEX memories_tsv ON memories USING GIN (tsv)",
        """
        CREATE TABLE vectors (
            id TEXT COLLATE "C" PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
            embedding vector NOT NULL
        )
        """,
        """
        CREATE TABLE history (
            id TEXT COLLATE "C" PRIMARY KEY,
            memory_id TEXT COLLATE "C" NOT NULL,
            version INTEGER NOT NULL,
            op TEXT NOT NULL,
            actor TEXT,
            at TIMESTAMPTZ NOT NULL,
            old JSONB,
            new JSONB,
            user_id TEXT, agent_id TEXT, session_id TEXT, app_id TEXT
        )
        """,
        "CREATE INDEX history_memory ON history(memory_id, id)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # v2: links between memories (A-MEM's note links), with the reason each was made;
    # deleting either end deletes the link (reads join both ends to the caller's scope)
    [
        """
        CREATE TABLE links (
            src TEXT COLLATE "C" NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            dst TEXT COLLATE "C" NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL DEFAULT 0,
            created_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (src, dst)
        )
        """,
        "CREATE INDEX links_dst ON links(dst)",
    ],
    # v3: a third lexical field, `context_text`: the content of the rounds just before
    # and after an active episodic item in its session (the answer to a question often
    # sits in the neighbouring round), weight C in the tsvector (ts_rank_cd weight 0.5).
    # `seq` numbers rows in insertion order (SQLite's rowid), existing ones by id
    # (UUIDv7: creation order); a session runs by (event_time NULLS FIRST, seq), as in
    # postgres_sql.session_order, and memories_session_order serves its lookups.
    [
        "ALTER TABLE memories ADD COLUMN context_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE memories ADD COLUMN seq BIGINT",
        """
        UPDATE memories SET seq = r.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM memories) r
        WHERE memories.id = r.id
        """,
        "ALTER TABLE memories ALTER COLUMN seq SET NOT NULL",
        # named, so that postgres_sql.PLACE_SQL can draw values without a catalog lookup
        """
        ALTER TABLE memories ALTER COLUMN seq
        ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME memories_seq)
        """,
        "SELECT setval('memories_seq', (SELECT coalesce(max(seq), 0) + 1 FROM memories), false)",
        "ALTER TABLE memories DROP COLUMN tsv",  # drops memories_tsv with it
        """
        ALTER TABLE memories ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, content), 'A')
            || setweight(to_tsvector('english'::regconfig, key_text), 'B')
            || setweight(to_tsvector('english'::regconfig, context_text), 'C')
        ) STORED
        """,
        "CREATE INDEX memories_tsv ON memories USING GIN (tsv)",
        """
        CREATE INDEX memories_session_order
        ON memories (session_id, (coalesce(event_time, '-infinity'::timestamptz)), seq)
        """,
        """
        UPDATE memories SET context_text = w.context
        FROM (
            SELECT id, concat_ws(chr(10), lag(content) OVER s, lead(content) OVER s) AS context
            FROM memories
            WHERE status = 'active' AND kind = 'episodic' AND session_id IS NOT NULL
            WINDOW s AS (PARTITION BY user_id, agent_id, app_id, session_id
                         ORDER BY coalesce(event_time, '-infinity'::timestamptz), seq)
        ) w
        WHERE memories.id = w.id AND w.context <> ''
        """,
    ],
    # v4: memories, vectors, history and links hash-partitioned by tenant
    # (postgres_tenant.py; the tables are rebuilt with every row kept)
    lambda conn, options: partition_tables(conn, options.get("partitions", DEFAULT_PARTITIONS),
                                           vector_index_sql),
    # v5: `tsv` is written by the store instead of generated (postgres_insert.py): each
    # round's text is parsed once, not again as the context of both its neighbours. The
    # rows keep the vectors v4 computed; a catalog change, no rewrite.
    ["ALTER TABLE memories ALTER COLUMN tsv DROP EXPRESSION"],
    # v6: the neighbour lookups' index leads with the tenant (postgres_sql.adjacent binds it),
    # as SQLite's v6 does: keyed on the session id first, a lookup in a partition stepped
    # through every tenant of that partition that reuses the id ("default", "s1").
    [
        "CREATE INDEX memories_session_order_v6 ON memories"
        " (tenant, session_id, (coalesce(event_time, '-infinity'::timestamptz)), seq)",
        "DROP INDEX memories_session_order",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
HNSW_MAX_DIM = 2000  # pgvector cannot index wider `vector` columns
HALFVEC_MAX_DIM = 4000  # ... nor wider `halfvec` expressions
logger = logging.getLogger(__name__)

# pg_advisory_xact_lock keys: serialise migrations and the first vector write
# across processes (arbitrary constants, "engr" and "vdim" in ASCII).
MIGRATION_LOCK = 0x656E6772
VECTOR_DIM_LOCK = 0x7664696D


def migrate(conn: Any, **options: Any) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION` in one transaction; returns the
    version found. ``conn`` is a psycopg connection in autocommit mode; ``options``
    (``partitions``) shape the tables a migration creates."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        found = int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"this database uses schema v{found}, newer than this Engram supports "
                f"(v{SCHEMA_VERSION}); {upgrade_hint()} to open it"
            )
        if found < SCHEMA_VERSION:
            _ensure_pgvector(conn)
        for version in range(found + 1, SCHEMA_VERSION + 1):
            step = MIGRATIONS[version - 1]
            if callable(step):
                step(conn, options)
            else:
                for statement in step:
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (version,))
        return found


def _ensure_pgvector(conn: Any) -> None:
    """Create the ``vector`` extension, or say exactly what an admin must do."""
    import psycopg

    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
        return
    available = conn.execute(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'").fetchone()
    if not available:
        raise StoreError(
            "the PostgreSQL server has no pgvector extension; install pgvector "
            "(https://github.com/pgvector/pgvector) on the server, then retry"
        )
    try:
        with conn.transaction():  # a savepoint, so the error message below is ours
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    except psycopg.errors.InsufficientPrivilege:
        raise StoreError(
            "the pgvector extension is not enabled in this database and this role may not "
            "enable it; ask an administrator to run `CREATE EXTENSION vector;` in it"
        ) from None


def fix_vector_dim(conn: Any, dim: int, index: str = "vector") -> None:
    """Give the vector column its dimension and build the HNSW index (first vector
    write only, inside the caller's transaction).

    ``index="halfvec"`` indexes ``embedding::halfvec(dim)`` instead: half the index
    size (float16, pgvector >= 0.7), while the column keeps float32 for exact scores.
    The choice is recorded in ``meta.vector_index`` and fixed from then on."""
    conn.execute(f"ALTER TABLE vectors ALTER COLUMN embedding TYPE vector({int(dim)})")
    conn.execute("INSERT INTO meta VALUES ('vector_index', %s)", (index,))
    statement = vector_index_sql(dim, index)
    if statement is None:
        logger.warning("vectors have %d dimensions, above pgvector's HNSW limit of %d: "
                       "vector search stays exact (slower on large scopes)", dim, HNSW_MAX_DIM)
        return
    conn.execute(statement)


VECTOR_INDEX_NAMES = {"vector": "vectors_hnsw", "halfvec": "vectors_hnsw_half"}


class VectorIndex(NamedTuple):
    """This store's HNSW index: how to drop and build it, and what it holds."""

    drop: str
    create: str
    dim: int
    kind: str  # "vector" or "halfvec" (VECTOR_INDEX_NAMES)


def vector_index_statements(conn: Any) -> VectorIndex | None:
    """This store's HNSW index (each partition's), so that a bulk load can drop it, copy
    its vectors and build the graph once (postgres_bulk.copy_vectors); None before the
    first vector write or above pgvector's dimension limit."""
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN"
                             " ('vector_dim', 'vector_index')").fetchall())
    if "vector_dim" not in meta:
        return None
    kind, dim = meta.get("vector_index", "vector"), int(meta["vector_dim"])
    create = vector_index_sql(dim, kind)
    return None if create is None else VectorIndex(
        f"DROP INDEX IF EXISTS {VECTOR_INDEX_NAMES[kind]}", create, dim, kind)


def vector_index_sql(dim: int, index: str) -> str | None:
    """The HNSW index over ``vectors`` (on the partitioned table: PostgreSQL builds one
    per partition), or None when pgvector cannot index this many dimensions."""
    if index == "halfvec" and dim <= HALFVEC_MAX_DIM:
        return (f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX_NAMES['halfvec']} ON vectors "
                f"USING hnsw ((embedding::halfvec({int(dim)})) halfvec_cosine_ops)")
    if dim > HNSW_MAX_DIM:
        return None
    # HNSW with cosine distance; m/ef_construction are pgvector's defaults.
    return (f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX_NAMES['vector']} ON vectors"
            " USING hnsw (embedding vector_cosine_ops)")


def check_embedder(conn: Any, model_id: str | None, dim: int, index: str = "vector",
                   known: dict[str, str] | None = None) -> dict[str, str] | None:
    """Record the embedder (and fix the vector dimension) on the first vector
    write; refuse vectors from another embedder afterwards. Runs inside the
    caller's write transaction.

    Returns the stored ``embed_model`` / ``vector_dim`` when it *read* them (committed
    rows), for the caller to pass back as ``known`` on later writes, which then skip the
    read: both rows are written once, by the first vector write, and never changed (a
    new embedder means a new store), so no process can hold a stale copy. None when this
    transaction wrote them: it may still roll back."""
    select = "SELECT key, value FROM meta WHERE key IN ('embed_model', 'vector_dim')"
    stored = known or dict(conn.execute(select).fetchall())
    if "embed_model" not in stored:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (VECTOR_DIM_LOCK,))
        stored = dict(conn.execute(select).fetchall())  # another process may have won
        if "embed_model" not in stored:
            conn.execute("INSERT INTO meta VALUES ('embed_model', %s), ('vector_dim', %s)",
                         (model_id or "unknown", str(dim)))
            fix_vector_dim(conn, dim, index)
            return None
    if stored["embed_model"] != (model_id or "unknown"):
        raise StoreError(
            f"this store's vectors come from embedder {stored['embed_model']!r}, not "
            f"{model_id!r}; use the same embedder, or move to the new one with `engram export --all` "
            "and `engram --db NEW.db import` (import re-embeds everything)"
        )
    if int(stored["vector_dim"]) != dim:
        raise StoreError(
            f"these vectors have {dim} dimensions but the store holds "
            f"{stored['vector_dim']}-dimensional ones; use the same embedder, or move to the new one "
            "with `engram export --all` and `engram --db NEW.db import` (import re-embeds everything)"
        )
    return stored


# -- connection helpers --------------------------------------------------------

def has_schema(conn: Any) -> bool:
    return conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0] is True


def describe(url: str) -> str:
    """host:port/dbname of a connection string, never its password."""
    import psycopg

    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise StoreError("ENGRAM_DATABASE_URL is not a valid PostgreSQL connection string; "
                         "use postgresql://user:password@host:5432/dbname") from None
    host = info.get("host") or os.environ.get("PGHOST") or "localhost"
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    return f"{host}:{port}/{info.get('dbname') or os.environ.get('PGDATABASE') or '(default)'}"


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def translate_error(exc: Exception, server: str) -> EngramError:
    """A psycopg / pool error as an Engram error that says what to do. Connection
    trouble (no SQLSTATE, classes 08, 57, 28, 3D, pool timeouts) is "unreachable"."""
    import psycopg
    from psycopg_pool import PoolTimeout

    if isinstance(exc, psycopg.errors.UniqueViolation):
        if exc.diag.table_name == "history":
            return ConflictError("a history entry with this id already exists; "
                                 "give each history entry a new id")
        return ConflictError(
            "a memory with one of these ids already exists; use update() to change it")
    pg_error = exc if isinstance(exc, psycopg.Error) else None  # PoolTimeout is one too
    sqlstate = pg_error.sqlstate if pg_error is not None else None
    if isinstance(exc, PoolTimeout) or (
        isinstance(exc, psycopg.OperationalError)
        and (sqlstate is None or sqlstate[:2] in ("08", "57", "28", "3D"))
    ):
        text = str(exc).strip()
        reason = text.splitlines()[0] if text else type(exc).__name__
        return StoreError(f"cannot reach the PostgreSQL store at {server} ({reason}); "
                          "start PostgreSQL or set ENGRAM_DATABASE_URL to a reachable server")
    message = (pg_error.diag.message_primary if pg_error is not None else None) or type(exc).__name__
    return StoreError(f"PostgreSQL refused the operation ({sqlstate or 'no sqlstate'}: "
                      f"{message}); check the server log and the store's schema")
