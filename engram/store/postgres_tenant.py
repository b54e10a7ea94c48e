"""Hash partitioning of the PostgreSQL memory tables by tenant (schema v4).

The distribution key is a ``tenant`` column on ``memories``, ``vectors``, ``history`` and
``links``: the memory's ``user_id``, or, for memories without a user, its ``agent_id``,
``app_id`` or ``session_id`` (the first one set). ``user_id`` leads because it is the
field nearly every call sets (the mem0-style API, the benchmarks, the server's per-user
requests), and a query prunes only when it fixes the key: a scope that sets
``user_id = u`` matches only rows whose tenant is ``u``, so :func:`scope_tenant` adds
``tenant = u`` to it and the planner reads one partition. A scope without a user
(an agent's or an app's memories across users) reads every partition, still correctly.
The fallback fields only spread user-less memories over the partitions instead of
piling them into the one that NULL would hash to.

The same column is what a Citus cluster would distribute on
(``create_distributed_table('memories', 'tenant')``): every primary and foreign key
includes it, and every write and id lookup carries it. See docs/scaling.md.

Each table is ``PARTITION BY HASH (tenant)`` into ``partitions`` parts (16 by
default; fixed when the store is created, recorded in ``meta.partitions``), and
pgvector's HNSW index is built per partition, so a tenant's vector search walks the
graph of its own partition only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engram.errors import InvalidInputError
from engram.model import Scope

DEFAULT_PARTITIONS = 16
MAX_PARTITIONS = 256
TENANT_FIELDS = ("user_id", "agent_id", "app_id", "session_id")  # the key's order of precedence
# the same rule in SQL, for rows written before v4 (scope ids are never empty strings)
TENANT_SQL = f"coalesce({', '.join(TENANT_FIELDS)})"
TABLES = ("memories", "vectors", "history", "links")


def tenant_of(scope: Scope) -> str:
    """The partition key of a memory stored in ``scope``."""
    for name in TENANT_FIELDS:
        value: str | None = getattr(scope, name)
        if value:
            return value
    raise InvalidInputError("a scope needs at least one of user_id, agent_id, session_id, app_id")


def scope_tenant(scope: Scope) -> str | None:
    """The tenant every row matching query ``scope`` has, when the scope fixes it
    (it sets ``user_id``); ``None`` when matching rows may lie in any partition."""
    return scope.user_id or None


def check_partitions(partitions: int | str) -> int:
    if not str(partitions).isdigit() or not 1 <= int(partitions) <= MAX_PARTITIONS:
        raise InvalidInputError(f"partitions must be between 1 and {MAX_PARTITIONS}, not "
                                f"{partitions!r}; 16 suits most stores (it is fixed at creation)")
    return int(partitions)


# No foreign key from vectors to memories: checking it against a partitioned table cost
# 7x the COPY itself (1,700 vs 12,000 rows/s, measured). Vectors are written only for
# rows the same transaction inserted or locked, and PostgresStore._purge deletes them with
# their memories; integrity_check() reports any orphan.
_TABLES_DDL = [
    """
    CREATE TABLE memories (
        tenant TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
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
        key_text TEXT NOT NULL DEFAULT '',
        context_text TEXT NOT NULL DEFAULT '',
        -- a plain sequence, not an identity column: identity on partitioned tables
        -- needs PostgreSQL 17, and postgres_sql.PLACE_SQL draws from it by name
        seq BIGINT NOT NULL DEFAULT nextval('memories_seq'),
        tsv TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, content), 'A')
            || setweight(to_tsvector('english'::regconfig, key_text), 'B')
            || setweight(to_tsvector('english'::regconfig, context_text), 'C')
        ) STORED,
        PRIMARY KEY (tenant, id)
    ) PARTITION BY HASH (tenant)
    """,
    """
    CREATE TABLE vectors (
        tenant TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        embedding vector NOT NULL,
        PRIMARY KEY (tenant, id)
    ) PARTITION BY HASH (tenant)
    """,
    """
    CREATE TABLE history (
        tenant TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        memory_id TEXT COLLATE "C" NOT NULL,
        version INTEGER NOT NULL,
        op TEXT NOT NULL,
        actor TEXT,
        at TIMESTAMPTZ NOT NULL,
        old JSONB,
        new JSONB,
        user_id TEXT, agent_id TEXT, session_id TEXT, app_id TEXT,
        PRIMARY KEY (tenant, id)
    ) PARTITION BY HASH (tenant)
    """,
    # a link lives in its source's partition; both ends are in the caller's scope, so in
    # practice (a user's memories) in the same one
    """
    CREATE TABLE links (
        tenant TEXT COLLATE "C" NOT NULL,
        src TEXT COLLATE "C" NOT NULL,
        dst_tenant TEXT COLLATE "C" NOT NULL,
        dst TEXT COLLATE "C" NOT NULL,
        reason TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, src, dst),
        FOREIGN KEY (tenant, src) REFERENCES memories (tenant, id) ON DELETE CASCADE,
        FOREIGN KEY (dst_tenant, dst) REFERENCES memories (tenant, id) ON DELETE CASCADE
    ) PARTITION BY HASH (tenant)
    """,
]

_INDEXES = [  # v1-v3's indexes, now partitioned ones (one per partition)
    # ids are unique store-wide; the primary key only covers (tenant, id), so writes
    # look ids up here first (postgres_bulk.check_new_ids)
    "CREATE INDEX memories_id ON memories(id)",
    "CREATE INDEX memories_user ON memories(user_id, id)",
    "CREATE INDEX memories_agent ON memories(agent_id, id)",
    "CREATE INDEX memories_session ON memories(session_id, id)",
    "CREATE INDEX memories_app ON memories(app_id, id)",
    "CREATE INDEX memories_event_time ON memories(event_time)",
    "CREATE INDEX memories_tsv ON memories USING GIN (tsv)",
    "CREATE INDEX memories_session_order"
    " ON memories (session_id, (coalesce(event_time, '-infinity'::timestamptz)), seq)",
    "CREATE INDEX history_memory ON history(memory_id, id)",
    "CREATE INDEX links_dst ON links(dst_tenant, dst)",
]

_MEMORY_COLUMNS = (
    "id, user_id, agent_id, session_id, app_id, kind, status, content, role, keys, entities,"
    " tags, event_time, created_at, updated_at, valid_from, valid_to, importance, access_count,"
    " last_accessed_at, provenance, version, metadata, key_text, context_text, seq")
_HISTORY_COLUMNS = ("id, memory_id, version, op, actor, at, old, new,"
                    " user_id, agent_id, session_id, app_id")


def partition_tables(conn: Any, partitions: int, index_sql: Callable[[int, str], str | None]) -> None:
    """Schema v4: rebuild the four memory tables hash-partitioned by tenant, keeping
    every row (inside the migration's transaction). Rows are parked in temporary
    tables, the v3 tables dropped and recreated partitioned, and the rows copied back
    with their tenant; a database of any size migrates, at the cost of rewriting it
    (and rebuilding the HNSW index, whose statement ``index_sql(dim, kind)`` gives) once."""
    parts = check_partitions(partitions)
    for table in TABLES:
        conn.execute(f"CREATE TEMP TABLE v3_{table} ON COMMIT DROP AS SELECT * FROM {table}")
    dim = conn.execute("SELECT value FROM meta WHERE key = 'vector_dim'").fetchone()
    kind = conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
    conn.execute("DROP TABLE links, vectors, history, memories")  # drops memories_seq too
    conn.execute("CREATE SEQUENCE memories_seq")
    for statement in _TABLES_DDL:
        conn.execute(statement)
    for table in TABLES:
        for n in range(parts):
            conn.execute(f"CREATE TABLE {table}_p{n} PARTITION OF {table}"
                         f" FOR VALUES WITH (MODULUS {parts}, REMAINDER {n})")
    for statement in _INDEXES:
        conn.execute(statement)
    conn.execute(f"INSERT INTO memories (tenant, {_MEMORY_COLUMNS})"
                 f" SELECT {TENANT_SQL}, {_MEMORY_COLUMNS} FROM v3_memories")
    conn.execute("SELECT setval('memories_seq', (SELECT coalesce(max(seq), 0) + 1 FROM memories),"
                 " false)")
    conn.execute(f"INSERT INTO history (tenant, {_HISTORY_COLUMNS})"
                 f" SELECT {TENANT_SQL}, {_HISTORY_COLUMNS} FROM v3_history")
    conn.execute("INSERT INTO links (tenant, src, dst_tenant, dst, reason, score, created_at)"
                 " SELECT s.tenant, l.src, d.tenant, l.dst, l.reason, l.score, l.created_at"
                 " FROM v3_links l JOIN memories s ON s.id = l.src JOIN memories d ON d.id = l.dst")
    if dim is not None:
        conn.execute(f"ALTER TABLE vectors ALTER COLUMN embedding TYPE vector({int(dim[0])})")
        conn.execute("INSERT INTO vectors (tenant, id, embedding) SELECT m.tenant, v.id, v.embedding"
                     " FROM v3_vectors v JOIN memories m ON m.id = v.id")
        index = index_sql(int(dim[0]), kind[0] if kind else "vector")
        if index:
            conn.execute(index)
    conn.execute("INSERT INTO meta VALUES ('partitions', %s)"
                 " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(parts),))
