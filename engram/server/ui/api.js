// REST client for /v1. The scope travels as query parameters (GET/DELETE) or body
// fields (POST); the optional API key as a bearer token. Errors become ApiError
// carrying the server's {"error": {"code", "message"}}.

const ROOT = location.pathname.replace(/\/ui(\/.*)?$/, "");
export const API_BASE = `${ROOT}/v1`;
export const SCOPE_FIELDS = ["user_id", "agent_id", "session_id", "app_id"];

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class Api {
  constructor(scope, apiKey) {
    this.scope = Object.fromEntries(SCOPE_FIELDS.filter((f) => scope[f]).map((f) => [f, scope[f]]));
    this.apiKey = apiKey || "";
  }

  async request(method, path, { query = {}, body } = {}) {
    const url = new URL(API_BASE + path, location.origin);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === "") continue;
      url.searchParams.set(key, String(value));
    }
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiError(0, "network", `Cannot reach the Engram server (${err.message}).`);
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = (data && data.error) || {};
      const message = error.message || (data && typeof data.detail === "string" ? data.detail : response.statusText);
      throw new ApiError(response.status, error.code || "http_" + response.status, message || "request failed");
    }
    return data;
  }

  list({ limit = 25, cursor } = {}) {
    return this.request("GET", "/memories", { query: { ...this.scope, limit, cursor } });
  }

  search(query, limit = 25) {
    return this.request("POST", "/search", { body: { ...this.scope, query, limit } });
  }

  async history(id) {
    const data = await this.request("GET", `/memories/${encodeURIComponent(id)}/history`, { query: this.scope });
    if (Array.isArray(data)) return data;
    return (data && (data.items || data.history || data.versions)) || [];
  }

  add(text, { session_id, kind, tags } = {}) {
    const body = { ...this.scope, text, kind: kind || "episodic", tags: tags || [] };
    if (session_id && !this.scope.session_id) body.session_id = session_id;
    return this.request("POST", "/memories", { body });
  }

  update(item, content) {
    // The memory's own scope fields keep the PATCH inside it; expected_version guards
    // against overwriting a change made meanwhile (409 conflict).
    return this.request("PATCH", `/memories/${encodeURIComponent(item.id)}`, {
      body: { ...this.scope, content, expected_version: item.version },
    });
  }

  stats() {
    return this.request("GET", "/stats", { query: this.scope });
  }

  /** The scope as JSON lines (Engram's export format), as text. */
  async exportText() {
    const url = new URL(API_BASE + "/export", location.origin);
    for (const [key, value] of Object.entries(this.scope)) url.searchParams.set(key, value);
    const headers = { Accept: "application/x-ndjson" };
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    const response = await fetch(url, { headers });
    const text = await response.text();
    if (!response.ok) {
      let error = {};
      try { error = JSON.parse(text).error || {}; } catch { error = {}; }
      throw new ApiError(response.status, error.code || "http_" + response.status, error.message || response.statusText);
    }
    return text;
  }

  remove(id) {
    return this.request("DELETE", `/memories/${encodeURIComponent(id)}`, { query: this.scope });
  }
}
