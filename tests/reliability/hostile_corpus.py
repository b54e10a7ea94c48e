"""The hostile-input corpus (issue #14 target: >= 200 cases, 0 responses >= 500).

Each :class:`Case` is one raw HTTP request (method, path, query, headers, body bytes)
with what a correct server answers: ``"4xx"`` (refused, with a clear message) or
``"ok"`` (2xx or 4xx: the input is legitimate or arguably so; never 5xx). The corpus is
data: families of hostile values crossed with the routes that take them, plus the
exact inputs the issue reported. Placeholders in paths and bodies: ``{id}`` (a memory
of the caller), ``{other}`` (a memory of another tenant), ``{missing}`` (a free id).
``keyed`` cases go to a server with an app-wide API key for app ``acme``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

JSON = "application/json"
NDJSON = "application/x-ndjson"
SCOPE = {"user_id": "u"}


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    params: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    expect: str = "4xx"  # or "ok": 2xx or 4xx
    keyed: bool = False


def _json(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def post(name: str, path: str, body: bytes | object, expect: str = "4xx", *,
         content_type: str = JSON, **extra: object) -> Case:
    raw = body if isinstance(body, bytes) else _json(body)
    return Case(name, "POST", path, body=raw, content_type=content_type, expect=expect, **extra)  # type: ignore[arg-type]


# -- JSON bodies: every POST/PATCH route gets every malformed document ----------------------
BODY_ROUTES = [("POST", "/v1/memories"), ("POST", "/v1/search"), ("POST", "/v1/forget"),
               ("POST", "/v1/consolidate"), ("POST", "/v1/archive-stale"),
               ("POST", "/v1/procedures"), ("PATCH", "/v1/memories/{id}")]
MALFORMED: dict[str, bytes] = {
    "empty": b"", "open-brace": b"{", "array": b"[]", "null": b"null", "string": b'"text"',
    "number": b"42", "nan-literal": b"NaN", "trailing-comma": b'{"user_id": "u",}',
    "deep-array": b"[" * 100_000, "deep-object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "bad-utf8": b'{"user_id": "\xff\xfe"}', "bom": b"\xef\xbb\xbf{}", "nul-byte": b'{"user_id": "u"}\x00',
    "unknown-field": b'{"user_id": "u", "nonsense": 1}', "huge-int": b'{"user_id": "u", "x": 1' + b"0" * 5000 + b"}",
    "utf16": '{"user_id": "utf16-user"}'.encode("utf-16"),
}


def _bodies() -> list[Case]:
    cases = []
    for method, path in BODY_ROUTES:
        for label, raw in MALFORMED.items():
            # UTF-16 JSON is still JSON (RFC 8259 section 8.1 lets a parser detect it)
            cases.append(Case(f"{method} {path} {label}", method, path, body=raw, content_type=JSON,
                              expect="ok" if label == "utf16" else "4xx"))
    return cases


# -- hostile values in the fields of valid documents --------------------------------------
def _add(**fields: object) -> dict[str, object]:
    return {"content": "a note", **SCOPE, **fields}


ADD_FIELDS: list[tuple[str, dict[str, object], str]] = [
    ("content-150k", _add(content="x" * 150_000), "4xx"),
    ("content-empty", _add(content=""), "4xx"),
    ("content-nul", _add(content="a\u0000b"), "4xx"),
    ("content-lone-surrogate", {"content": "a\ud800b", **SCOPE}, "4xx"),
    ("content-rtl-zero-width", _add(content="\u202e\u200b\u2066 hidden"), "ok"),
    ("content-emoji-zwj", _add(content="👨‍👩‍👧‍👦" * 200), "ok"),
    ("content-number", _add(content=12), "4xx"),
    ("content-list", _add(content=["a"]), "4xx"),
    ("content-and-messages", _add(messages=[{"role": "user", "content": "x"}]), "4xx"),
    ("messages-1000-rounds", {"messages": [{"role": "user", "content": f"r{n}"} for n in range(1000)],
                              **SCOPE}, "4xx"),
    ("messages-bad-role", {"messages": [{"role": "root", "content": "x"}], **SCOPE}, "4xx"),
    ("messages-empty", {"messages": [], **SCOPE}, "4xx"),
    ("importance-nan", _add(importance=float("nan")), "4xx"),
    ("importance-inf", _add(importance=float("inf")), "4xx"),
    ("importance-neg-inf", _add(importance=float("-inf")), "4xx"),
    ("importance-1e400", {"content": "x", **SCOPE, "importance": 1e308 * 10}, "4xx"),
    ("importance-negative", _add(importance=-1), "4xx"),
    ("importance-string", _add(importance="high"), "4xx"),
    ("tags-10000", _add(tags=[f"t{n}" for n in range(10_000)]), "4xx"),
    ("tags-huge-tag", _add(tags=["t" * 100_000]), "4xx"),
    ("tags-not-list", _add(tags="a,b"), "4xx"),
    ("tags-nested", _add(tags=[["a"]]), "4xx"),
    ("tags-nul", _add(tags=["a\u0000"]), "4xx"),
    ("metadata-deep", _add(metadata=json.loads('{"a":' * 200 + "1" + "}" * 200)), "4xx"),
    ("metadata-list", _add(metadata=[1, 2]), "4xx"),
    ("metadata-10k-keys", _add(metadata={f"k{n}": n for n in range(10_000)}), "ok"),
    ("metadata-nan", _add(metadata={"score": float("nan")}), "ok"),
    ("metadata-inf", _add(metadata={"score": float("inf")}), "ok"),
    ("metadata-sql-key", _add(metadata={"a') OR 1=1 --": 1}), "ok"),
    ("metadata-reserved-key", _add(metadata={"engram.import": {"id": "../../etc/passwd"}}), "ok"),
    ("event-time-garbage", _add(event_time="yesterday-ish"), "4xx"),
    ("event-time-year-0", _add(event_time="0000-01-01T00:00:00Z"), "4xx"),
    ("event-time-year-99999", _add(event_time="99999-01-01T00:00:00Z"), "4xx"),
    ("event-time-number", _add(event_time=1e20), "4xx"),
    ("event-time-offset-99h", _add(event_time="2024-01-01T00:00:00+99:00"), "4xx"),
    ("kind-bogus", _add(kind="root"), "4xx"),
    ("scope-none", {"content": "x"}, "4xx"),
    ("scope-empty-user", {"content": "x", "user_id": ""}, "4xx"),
    ("scope-space-user", {"content": "x", "user_id": " "}, "4xx"),
    ("scope-newline-user", {"content": "x", "user_id": "a\nb"}, "4xx"),
    ("scope-long-user", {"content": "x", "user_id": "u" * 10_000}, "4xx"),
    ("scope-nul-user", {"content": "x", "user_id": "a\u0000"}, "4xx"),
    ("scope-object-user", {"content": "x", "user_id": {"$ne": None}}, "4xx"),
    ("scope-list-user", {"content": "x", "user_id": ["a", "b"]}, "4xx"),
    ("scope-traversal-user", {"content": "x", "user_id": "../../etc/passwd"}, "ok"),
    ("scope-sql-user", {"content": "x", "user_id": "' OR '1'='1"}, "ok"),
    ("source-huge", _add(source="s" * 100_000), "4xx"),
    ("actor-huge", _add(actor="a" * 100_000), "4xx"),
    ("tags-101", _add(tags=[f"t{n}" for n in range(101)]), "4xx"),
    ("tags-100-of-256", _add(tags=[f"{n:03d}" + "t" * 253 for n in range(100)]), "ok"),
    ("source-2049", _add(source="s" * 2049), "4xx"),
    ("actor-257", _add(actor="a" * 257), "4xx"),
]
SEARCH_FIELDS: list[tuple[str, object, str]] = [
    ("query-empty", {"query": "", **SCOPE}, "4xx"),
    ("query-100k", {"query": "word " * 20_000, **SCOPE}, "ok"),
    ("query-fts-syntax", {"query": 'NEAR(a b) OR "unterminated * col:x', **SCOPE}, "ok"),
    ("query-sql", {"query": "') UNION SELECT content FROM memories --", **SCOPE}, "ok"),
    ("query-nul", {"query": "a\u0000", **SCOPE}, "ok"),
    ("query-lone-surrogate", {"query": "\udfff", **SCOPE}, "ok"),
    ("query-number", {"query": 5, **SCOPE}, "4xx"),
    ("limit-negative", {"query": "x", "limit": -1, **SCOPE}, "4xx"),
    ("limit-zero", {"query": "x", "limit": 0, **SCOPE}, "4xx"),
    ("limit-huge", {"query": "x", "limit": 10**12, **SCOPE}, "4xx"),
    ("limit-float", {"query": "x", "limit": 2.5, **SCOPE}, "4xx"),
    ("limit-nan", {"query": "x", "limit": float("nan"), **SCOPE}, "4xx"),
    ("limit-inf", {"query": "x", "limit": float("inf"), **SCOPE}, "4xx"),
    ("token-budget-negative", {"query": "x", "token_budget": -5, **SCOPE}, "4xx"),
    ("token-budget-huge", {"query": "x", "token_budget": 10**30, **SCOPE}, "ok"),
    ("filters-995-tags", {"query": "x", "filters": {"tags": [f"t{n}" for n in range(995)]}, **SCOPE}, "4xx"),
    ("filters-unknown", {"query": "x", "filters": {"owner": "root"}, **SCOPE}, "4xx"),
    ("filters-metadata-sql", {"query": "x", "filters": {"metadata": {"a') OR 1=1 --": 1}}, **SCOPE}, "4xx"),
    ("filters-metadata-nested", {"query": "x", "filters": {"metadata": {"a": {"$gt": 1}}}, **SCOPE}, "ok"),
    ("filters-bad-kind", {"query": "x", "filters": {"kinds": ["root"]}, **SCOPE}, "4xx"),
    ("filters-string", {"query": "x", "filters": "tags=a", **SCOPE}, "4xx"),
    ("since-after-until", {"query": "x", "since": "2030-01-01T00:00:00Z", "until": "2020-01-01T00:00:00Z",
                           **SCOPE}, "ok"),
    ("since-garbage", {"query": "x", "since": "not a date", **SCOPE}, "4xx"),
    ("now-year-1", {"query": "x", "now": "0001-01-01T00:00:00Z", **SCOPE}, "ok"),
    ("now-year-9999", {"query": "x", "now": "9999-12-31T23:59:59Z", **SCOPE}, "ok"),
    ("now-nan", {"query": "x", "now": float("nan"), **SCOPE}, "4xx"),
    ("scope-none", {"query": "x"}, "4xx"),
]
UPDATE_FIELDS: list[tuple[str, object, str]] = [
    ("status-deleted", {"status": "deleted", **SCOPE}, "4xx"),
    ("status-bogus", {"status": "gone", **SCOPE}, "4xx"),
    ("expected-version-negative", {"content": "y", "expected_version": -1, **SCOPE}, "4xx"),
    ("expected-version-huge", {"content": "y", "expected_version": 10**30, **SCOPE}, "4xx"),
    ("content-150k", {"content": "y" * 150_000, **SCOPE}, "4xx"),
    ("tags-10000", {"tags": [f"t{n}" for n in range(10_000)], **SCOPE}, "4xx"),
    ("importance-nan", {"importance": float("nan"), **SCOPE}, "4xx"),
    ("metadata-deep", {"metadata": json.loads('{"a":' * 200 + "1" + "}" * 200), **SCOPE}, "4xx"),
    ("empty-update", {**SCOPE}, "ok"),
    ("other-tenant-scope", {"content": "y", "user_id": "victim"}, "4xx"),
]
OTHER_FIELDS: list[tuple[str, str, object, str]] = [
    ("forget-no-user", "/v1/forget", {}, "4xx"),
    ("forget-empty-user", "/v1/forget", {"user_id": ""}, "4xx"),
    ("forget-long-user", "/v1/forget", {"user_id": "u" * 10_000}, "4xx"),
    ("forget-purge-string", "/v1/forget", {"user_id": "nobody", "purge": "yes please"}, "4xx"),
    ("archive-negative-retention", "/v1/archive-stale", {"min_retention": -5, **SCOPE}, "4xx"),
    ("archive-nan-retention", "/v1/archive-stale", {"min_retention": float("nan"), **SCOPE}, "4xx"),
    ("archive-inf-importance", "/v1/archive-stale", {"max_importance": float("inf"), **SCOPE}, "4xx"),
    ("archive-now-year-1", "/v1/archive-stale", {"now": "0001-01-01T00:00:00Z", "dry_run": True, **SCOPE}, "ok"),
    ("archive-now-year-9999", "/v1/archive-stale", {"now": "9999-12-31T23:59:59Z", "dry_run": True, **SCOPE},
     "ok"),
    ("archive-session-field", "/v1/archive-stale", {"session_id": "s", **SCOPE}, "4xx"),
    ("archive-bad-kind", "/v1/archive-stale", {"kinds": ["root"], **SCOPE}, "4xx"),
    ("procedure-no-steps", "/v1/procedures", {"task": "t", "steps": [], **SCOPE}, "4xx"),
    ("procedure-10k-steps", "/v1/procedures", {"task": "t", "steps": ["s"] * 10_000, **SCOPE}, "4xx"),
    ("procedure-huge-task", "/v1/procedures", {"task": "t" * 150_000, "steps": ["s"], **SCOPE}, "4xx"),
    ("procedure-steps-not-strings", "/v1/procedures", {"task": "t", "steps": [1, None], **SCOPE}, "4xx"),
    ("consolidate-no-scope", "/v1/consolidate", {}, "4xx"),
    ("consolidate-unknown", "/v1/consolidate", {"user_id": "u", "force": True}, "4xx"),
]


def _fields() -> list[Case]:
    cases = [post(f"add {n}", "/v1/memories", b, e) for n, b, e in ADD_FIELDS]
    cases += [post(f"search {n}", "/v1/search", b, e) for n, b, e in SEARCH_FIELDS]
    cases += [Case(f"update {n}", "PATCH", "/v1/memories/{id}", body=_json(b), content_type=JSON, expect=e)
              for n, b, e in UPDATE_FIELDS]
    cases += [post(n, p, b, e) for n, p, b, e in OTHER_FIELDS]
    return cases


# -- path ids: every by-id route gets every bad id ---------------------------------------
ID_ROUTES = [("GET", ""), ("DELETE", ""), ("GET", "/history"), ("GET", "/related"), ("GET", "/reveal")]
BAD_IDS = {
    "traversal": "..%2F..%2Fetc%2Fpasswd", "dotdot": "..", "encoded-nul": "a%00b", "long": "x" * 5000,
    "sql": "%27%20OR%201%3D1%20--", "unicode": "%E2%80%AEdi", "bad-percent": "%zz",
    "other-tenant": "{other}", "missing": "{missing}", "ulid": "01ARZ3NDEKTSV4RRFFQ69G5FAV",
    "uuid-upper": "{ID_UPPER}",
}


def _ids() -> list[Case]:
    cases = []
    for method, tail in ID_ROUTES:
        for label, bad in BAD_IDS.items():
            cases.append(Case(f"{method} /v1/memories/:id{tail} {label}", method,
                              f"/v1/memories/{bad}{tail}", params=[("user_id", "u")]))
    cases.append(Case("PATCH traversal id", "PATCH", "/v1/memories/..%2F..%2Fetc%2Fpasswd",
                      body=_json({"content": "x", **SCOPE}), content_type=JSON))
    return cases


# -- query strings: list/count/stats/export/audit/delete-all ----------------------------
QUERY_ROUTES = [("GET", "/v1/memories"), ("GET", "/v1/count"), ("GET", "/v1/stats"),
                ("GET", "/v1/export"), ("GET", "/v1/audit")]
BAD_QUERIES: dict[str, list[tuple[str, str]]] = {
    "repeated-user": [("user_id", "u"), ("user_id", "v")],
    "empty-user": [("user_id", "")],
    "nul-user": [("user_id", "a\x00b")],
    "long-user": [("user_id", "u" * 10_000)],
    "unknown-param": [("user_id", "u"), ("owner", "root")],
    "body-field-in-query": [("user_id", "u"), ("query", "x")],
}
LIST_QUERIES: dict[str, list[tuple[str, str]]] = {
    "limit-negative": [("limit", "-1")], "limit-zero": [("limit", "0")],
    "limit-huge": [("limit", "99999999999999999999")], "limit-nan": [("limit", "NaN")],
    "limit-inf": [("limit", "inf")], "limit-float": [("limit", "2.5")],
    "limit-repeated": [("limit", "1"), ("limit", "2")],
    "tag-995": [("tag", f"t{n}") for n in range(995)],
    "cursor-garbage": [("cursor", "!!!not-a-cursor!!!")], "cursor-base64": [("cursor", "eyJ4IjogMX0=")],
    "cursor-long": [("cursor", "A" * 10_000)],
    "since-garbage": [("since", "yesterday")], "since-nan": [("since", "NaN")],
    "kind-bogus": [("kind", "root")], "status-bogus": [("status", "gone")],
    "oldest-first-maybe": [("oldest_first", "maybe")],
}


def _queries() -> list[Case]:
    cases = []
    for method, path in QUERY_ROUTES:
        for label, params in BAD_QUERIES.items():
            cases.append(Case(f"{method} {path} {label}", method, path, params=params))
    for path in ("/v1/memories", "/v1/count"):
        for label, params in LIST_QUERIES.items():
            if path == "/v1/count" and label.startswith(("limit", "cursor", "oldest")):
                continue
            cases.append(Case(f"GET {path} {label}", "GET", path, params=[("user_id", "u"), *params]))
    for label, params in [("limit-negative", [("limit", "-1")]), ("limit-huge", [("limit", "10000000")]),
                          ("since-garbage", [("since", "soon")])]:
        cases.append(Case(f"GET /v1/audit {label}", "GET", "/v1/audit", params=[("user_id", "u"), *params]))
    cases += [
        Case("GET /v1/stats all_scopes=maybe", "GET", "/v1/stats", params=[("all_scopes", "maybe")]),
        Case("DELETE all without confirm", "DELETE", "/v1/memories", params=[("user_id", "nobody")]),
        Case("DELETE all confirm=maybe", "DELETE", "/v1/memories",
             params=[("user_id", "nobody"), ("confirm", "maybe")]),
        Case("DELETE all scope in body (issue)", "DELETE", "/v1/memories", params=[("confirm", "true")],
             body=_json({"user_id": "carol"}), content_type=JSON),
        Case("DELETE all no scope", "DELETE", "/v1/memories", params=[("confirm", "true")]),
    ]
    return cases


# -- import bodies ----------------------------------------------------------------------
def _line(**item: object) -> dict[str, object]:
    return {"item": {"scope": SCOPE, "content": "imported", **item}}


IMPORT_BODIES: list[tuple[str, bytes, str]] = [
    ("deep-100k-brackets (issue)", b"[" * 100_000, "4xx"),
    ("not-json", b"hello world", "4xx"),
    ("bad-utf8", b'{"item": {"content": "\xff"}}', "4xx"),
    ("lone-surrogate", b'{"item": {"scope": {"user_id": "u"}, "content": "\\ud800"}}', "4xx"),
    ("content-150k (issue)", _json(_line(content="z" * 150_000)), "4xx"),
    ("id-empty (issue)", _json(_line(id="")), "4xx"),
    ("id-traversal (issue)", _json(_line(id="../../etc/passwd")), "4xx"),
    ("id-sql", _json(_line(id="DROP TABLE memories")), "4xx"),
    ("id-other-tenant", _json(_line(id="{other}")), "ok"),
    ("history-forged-actor", _json({**_line(id="{missing}"), "history": [
        {"id": "../../etc/passwd", "memory_id": "{missing}", "version": 1, "op": "add",
         "actor": "key:someone-else", "at": "2001-01-01T00:00:00+00:00"}]}), "ok"),
    ("history-5000-rows", _json({**_line(id="{missing}"), "history": [
        {"memory_id": "{missing}", "version": 1, "op": "add", "at": "2001-01-01T00:00:00+00:00"}] * 5000}),
     "4xx"),
    ("history-wrong-memory", _json({**_line(id="{missing}"), "history": [
        {"memory_id": "{other}", "version": 1, "op": "add", "at": "2001-01-01T00:00:00+00:00"}]}), "4xx"),
    ("unknown-key", _json({**_line(), "vectors": [1, 2]}), "4xx"),
    ("links-not-list", _json({**_line(), "links": "x"}), "4xx"),
    ("links-bad-dst", _json({**_line(), "links": [{"dst": "../x"}]}), "4xx"),
    ("links-nan-score", b'{"item": {"scope": {"user_id": "u"}, "content": "x"}, '
                        b'"links": [{"dst": "{missing}", "score": NaN}]}', "ok"),
    ("header-newer-version", _json({"format": "engram-export", "version": 99}), "4xx"),
    ("importance-nan", b'{"item": {"scope": {"user_id": "u"}, "content": "x", "importance": NaN}}', "4xx"),
    ("scope-missing", _json({"item": {"content": "x"}}), "4xx"),
    ("empty-body", b"", "ok"),
    ("only-newlines", b"\n\n\n", "ok"),
    ("duplicate-ids", _json(_line(id="{missing}")) + b"\n" + _json(_line(id="{missing}")), "4xx"),
]
IMPORT_QUERIES: list[tuple[str, list[tuple[str, str]], str]] = [
    ("skip-bad-maybe", [("skip_bad", "maybe")], "4xx"),
    ("on-conflict-bogus", [("on_conflict", "overwrite")], "4xx"),
    ("actor-huge", [("actor", "a" * 10_000)], "4xx"),
    ("repeated-skip-bad", [("skip_bad", "true"), ("skip_bad", "false")], "4xx"),
]


def _imports() -> list[Case]:
    cases = [post(f"import {n}", "/v1/import", b, e, content_type=NDJSON) for n, b, e in IMPORT_BODIES]
    valid = _json(_line())
    cases += [Case(f"import {n}", "POST", "/v1/import", params=q, body=valid, content_type=NDJSON, expect=e)
              for n, q, e in IMPORT_QUERIES]
    return cases


# -- headers: content types, Host, Origin ------------------------------------------------
CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                 "application/xml", "", "application/json-patch+json", "application/jsonx"]


def _headers() -> list[Case]:
    body = _json({"content": "x", **SCOPE})
    cases = [Case(f"POST /v1/memories content-type {ct or 'missing'}", "POST", "/v1/memories",
                  body=body, content_type=ct or None) for ct in CONTENT_TYPES]
    cases += [Case(f"POST /v1/import content-type {ct or 'missing'}", "POST", "/v1/import",
                   body=_json(_line()), content_type=ct or None) for ct in CONTENT_TYPES[:4]]
    cases += [
        Case("Host attacker.example (issue)", "POST", "/v1/memories", body=body, content_type=JSON,
             headers={"Host": "attacker.example"}),
        Case("Host rebinding with port", "GET", "/v1/stats", headers={"Host": "evil.test:8080"}),
        Case("Host empty", "GET", "/v1/stats", headers={"Host": ""}),
        Case("Origin cross-site", "POST", "/v1/memories", body=body, content_type=JSON,
             headers={"Origin": "https://evil.example"}),
        Case("Origin null", "GET", "/v1/stats", headers={"Origin": "null"}),
        Case("body on GET", "GET", "/v1/memories", params=[("user_id", "u")], body=b'{"x": 1}',
             content_type=JSON),
        Case("json with latin-1 charset", "POST", "/v1/memories",
             body='{"content": "caf\u00e9", "user_id": "u"}'.encode("latin-1"),
             content_type="application/json; charset=latin-1"),
        Case("body above 2 MB", "POST", "/v1/memories", body=_json({"content": "x" * 2_100_000, **SCOPE}),
             content_type=JSON),
        Case("unknown route", "GET", "/v1/../../etc/passwd"),
        Case("method not allowed", "PUT", "/v1/memories", body=body, content_type=JSON),
        Case("auth header on keyless server", "GET", "/v1/stats", headers={"Authorization": "Bearer nope"},
             expect="ok"),
    ]
    return cases


# -- a server with API keys: misplaced scopes, bad keys ----------------------------------
def _keyed() -> list[Case]:
    return [
        Case("keyed search scope in query (issue)", "POST", "/v1/search", params=[("user_id", "carol")],
             body=_json({"query": "x"}), content_type=JSON, keyed=True),
        Case("keyed delete-all scope in body (issue)", "DELETE", "/v1/memories", params=[("confirm", "true")],
             body=_json({"user_id": "carol"}), content_type=JSON, keyed=True),
        Case("keyed repeated user_id", "GET", "/v1/memories", params=[("user_id", "a"), ("user_id", "b")],
             keyed=True),
        Case("keyed repeated user_id in body", "POST", "/v1/search", keyed=True, content_type=JSON,
             body=b'{"query": "x", "user_id": "carol", "user_id": "dave"}'),
        Case("keyed repeated app_id in add body", "POST", "/v1/memories", keyed=True, content_type=JSON,
             body=b'{"content": "x", "app_id": "acme", "app_id": "globex"}'),
        Case("keyed repeated key in import line", "POST", "/v1/import", keyed=True, content_type=NDJSON,
             body=b'{"item": {"scope": {"user_id": "x", "user_id": "y"}, "content": "x"}}'),
        Case("keyed other app", "GET", "/v1/memories", params=[("app_id", "globex")], keyed=True),
        Case("keyed all_scopes", "GET", "/v1/stats", params=[("all_scopes", "true")], keyed=True),
        Case("keyed other app import", "POST", "/v1/import", content_type=NDJSON, keyed=True,
             body=_json({"item": {"scope": {"app_id": "globex", "user_id": "x"}, "content": "x"}})),
        Case("keyed other tenant id", "GET", "/v1/memories/{other}", keyed=True),
        Case("keyed bad key", "GET", "/v1/stats", headers={"Authorization": "Bearer engram_guess"}, keyed=True),
        Case("keyed malformed auth", "GET", "/v1/stats", headers={"Authorization": "Basic Zm9vOmJhcg=="},
             keyed=True),
        Case("keyed huge key", "GET", "/v1/stats", headers={"Authorization": "Bearer " + "k" * 8000}, keyed=True),
        Case("keyed forget other app user", "POST", "/v1/forget", body=_json({"user_id": "victim"}),
             content_type=JSON, keyed=True, expect="ok"),
    ]


def cases() -> list[Case]:
    """The whole corpus, in a stable order (names are unique: they are the test ids)."""
    found = _bodies() + _fields() + _ids() + _queries() + _imports() + _headers() + _keyed()
    names = [c.name for c in found]
    assert len(names) == len(set(names)), "case names must be unique"
    return found
