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

  remove(id) {
    return this.request("DELETE", `/memories/${encodeURIComponent(id)}`, { query: this.scope });
  }
}
