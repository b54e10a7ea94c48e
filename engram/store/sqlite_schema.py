"""SQLite schema and forward-only migrations, tracked in ``schema_version``."""

from __future__ import annotations

import sqlite3

from engram.errors import SchemaVersionError, upgrade_hint
from engram.store.sqlite_sql import tenant_tokens

# Each entry upgrades the schema by one version. Never edit a shipped entry:
# append a new one.
MIGRATIONS: list[str] = [
    # v1: memories, lexical index, vectors, history, meta
    """
    CREATE TABLE memories (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        user_id TEXT, agent_id TEXT, session_id TEXT, app_id TEXT,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        content TEXT NOT NULL,
        role TEXT,
        keys TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        event_time TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        valid_from TEXT,
        valid_to TEXT,
        importance REAL NOT NULL,
        access_count INTEGER NOT NULL DEFAULT 0,
        last_accessed_at TEXT,
        provenance TEXT NOT NULL DEFAULT '{}',
        version INTEGER NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX memories_user ON memories(user_id, id);
    CREATE INDEX memories_agent ON memories(agent_id, id);
    CREATE INDEX memories_session ON memories(session_id, id);
    CREATE INDEX memories_app ON memories(app_id, id);
    CREATE INDEX memories_event_time ON memories(event_time);
    -- Lexical index: the text plus expansion keys (LongMemEval's key expansion).
    -- rowid = memories.rowid; porter stemming helps BM25 on conversational text.
    CREATE VIRTUAL TABLE memories_fts USING fts5(
        text, keys, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TABLE vectors (
        rowid INTEGER PRIMARY KEY REFERENCES memories(rowid) ON DELETE CASCADE,
        vec BLOB NOT NULL
    );
    CREATE TABLE history (
        id TEXT PRIMARY KEY,
        memory_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        op TEXT NOT NULL,
        actor TEXT,
        at TEXT NOT NULL,
        old TEXT,
        new TEXT,
        user_id TEXT, agent_id TEXT, session_id TEXT, app_id TEXT
    );
    CREATE INDEX history_memory ON history(memory_id, id);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta(key, value) VALUES ('vector_epoch', '0');
    """,
    # v2: links between memories (A-MEM's note links), each with the reason it was made.
    # No scope columns: both ends are memories, so reads join them to the caller's scope.
    """
    CREATE TABLE links (
        src TEXT NOT NULL,
        dst TEXT NOT NULL,
        reason TEXT NOT NULL,
        score REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (src, dst)
    );
    CREATE INDEX links_dst ON links(dst);
    """,
    # v3: a third lexical field, `context`: the text of the rounds just before and after
    # an active episodic item in its session (the answer to a question often sits in
    # the neighbouring round). FTS5 cannot add a column, so the table is rebuilt; the
    # contexts of existing rows are filled here, with the order of
    # sqlite_sql.session_order (event_time, NULL first, then rowid). The index serves
    # sqlite_sql.adjacent: one seek per neighbour lookup.
    """
    CREATE INDEX memories_session_order ON memories(session_id, coalesce(event_time, ''));
    ALTER TABLE memories_fts RENAME TO memories_fts_v2;
    CREATE VIRTUAL TABLE memories_fts USING fts5(
        text, keys, context, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO memories_fts(rowid, text, keys, context)
    SELECT f.rowid, f.text, f.keys, coalesce(w.context, '')
    FROM memories_fts_v2 f LEFT JOIN (
        SELECT rid, coalesce(prev || char(10) || next, prev, next, '') AS context FROM (
            SELECT m.rowid AS rid, lag(m.content) OVER s AS prev, lead(m.content) OVER s AS next
            FROM memories m
            WHERE m.status = 'active' AND m.kind = 'episodic' AND m.session_id IS NOT NULL
            WINDOW s AS (PARTITION BY m.user_id, m.agent_id, m.app_id, m.session_id
                         ORDER BY coalesce(m.event_time, ''), m.rowid)
        )
    ) w ON w.rid = f.rowid;
    DROP TABLE memories_fts_v2;
    """,
    # v4: the PII vault's encrypted originals (engram.ingest.pii.Vault), in the memory
    # database so that a memory and its vault rows commit (and are deleted) together.
    # Ciphertext only: the key stays in its own file, never beside these rows.
    """
    CREATE TABLE vault (
        memory_id TEXT NOT NULL,
        token TEXT NOT NULL,
        kind TEXT NOT NULL,
        secret BLOB NOT NULL,
        PRIMARY KEY (memory_id, token)
    ) WITHOUT ROWID;
    """,
    # v5: a fourth lexical field, `tenant` (sqlite_sql.tenant_tokens), so that a scoped
    # MATCH narrows to the tenant's rows before FTS5 scores them. The table is rebuilt
    # as in v3; engram_tenant_tokens is the Python function migrate() registers.
    """
    ALTER TABLE memories_fts RENAME TO memories_fts_v4;
    CREATE VIRTUAL TABLE memories_fts USING fts5(
        text, keys, context, tenant, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO memories_fts(rowid, text, keys, context, tenant)
    SELECT f.rowid, f.text, f.keys, f.context,
           engram_tenant_tokens(m.user_id, m.agent_id, m.session_id, m.app_id)
    FROM memories_fts_v4 f JOIN memories m ON m.rowid = f.rowid;
    DROP TABLE memories_fts_v4;
    """,
    # v6: the neighbour lookups' index also keys on the tenant (sqlite_sql.adjacent
    # matches user, agent and app with IS, which SQLite seeks on). Keyed on the session id
    # alone, a lookup stepped through every tenant's rows that reuse the id ("s1",
    # "default", LongMemEval's shared haystack sessions), and Store.neighbors was the
    # costliest step of a search on BEAM (7 of 17 ms).
    """
    CREATE INDEX memories_session_order_v6
    ON memories(session_id, user_id, agent_id, app_id, coalesce(event_time, ''));
    DROP INDEX memories_session_order;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION`; returns the version found."""
    conn.create_function("engram_tenant_tokens", 4, tenant_tokens, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        found = int(row[0] or 0)
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"this database uses schema v{found}, newer than this Engram supports "
                f"(v{SCHEMA_VERSION}); {upgrade_hint()} to open it"
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
        conn.execute("COMMIT")
        return found
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# FTS5's 'secure-delete' option (SQLite 3.42+) removes a deleted row's tokens from the
# index as part of the DELETE, so no whole-index 'optimize' is needed afterwards.
FTS_SECURE_DELETE = (3, 42, 0)


def fts_secure_delete(conn: sqlite3.Connection) -> bool:
    """Turn on FTS5 secure-delete when this SQLite has it; True when it is on.

    Enabling it is persistent (in ``memories_fts_config``) and done once per file; the
    first time, one 'optimize' merges away the tokens that earlier deletes only marked.
    A file with it on needs SQLite 3.42+ to write its index (FTS5 refuses older
    readers' writes), so it is never enabled from an older SQLite."""
    if sqlite3.sqlite_version_info < FTS_SECURE_DELETE:
        return False
    row = conn.execute("SELECT v FROM memories_fts_config WHERE k = 'secure-delete'").fetchone()
    if row is None or not row[0]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("INSERT INTO memories_fts(memories_fts, rank) VALUES ('secure-delete', 1)")
            conn.execute("INSERT INTO memories_fts(memories_fts) VALUES ('optimize')")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return True


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would auto-commit)."""
    parts: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            parts.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        parts.append(buffer.strip())
    return parts
