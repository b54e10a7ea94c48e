// Engram memory browser: scope → list / search → history with diffs, timeline,
// graph, delete with confirmation. All memory text is rendered as text nodes.

import { Api, SCOPE_FIELDS } from "./api.js";
import { diffWords } from "./diff.js";
import { fill, formatTime, h, truncate } from "./dom.js";
import { fitGraphLabels, fitTimeline, plainText, renderGraph, renderTimeline } from "./views.js";

// ?page_size=N overrides the page size (handy for trying out paging on small scopes).
const PAGE_SIZE = Math.min(1000, Math.max(1, Number(new URLSearchParams(location.search).get("page_size")) || 25));
const STORE = window.sessionStorage;
const $ = (id) => document.getElementById(id);

const state = {
  api: null,
  items: [],
  cursor: null,
  mode: "list", // "list" | "search"
  query: "",
  tab: "list",
  selected: null,
};

// -- status ---------------------------------------------------------------------
function say(message, kind = "info") {
  const status = $("status");
  status.textContent = message;
  status.dataset.kind = kind;
}

function fail(err) {
  const code = err && err.code ? ` [${err.code}]` : "";
  say(`${err && err.message ? err.message : String(err)}${code}`, "error");
}

// -- scope ----------------------------------------------------------------------
function readScopeForm() {
  const form = $("scope-form");
  const scope = {};
  for (const field of SCOPE_FIELDS) scope[field] = form.elements[field].value.trim();
  return { scope, apiKey: form.elements.api_key.value.trim() };
}

function restoreScope() {
  const form = $("scope-form");
  const params = new URLSearchParams(location.search);
  for (const field of SCOPE_FIELDS) {
    form.elements[field].value = params.get(field) || STORE.getItem(`engram.${field}`) || "";
  }
  form.elements.api_key.value = STORE.getItem("engram.api_key") || "";
}

async function applyScope(event) {
  if (event) event.preventDefault();
  const { scope, apiKey } = readScopeForm();
  // With an API key the server fills in the key's own app/user ids, so no id is needed.
  if (!SCOPE_FIELDS.some((f) => scope[f]) && !apiKey) {
    say("Enter at least one of user id, agent id, session id or app id (or an API key).", "error");
    $("scope-user_id").focus();
    return;
  }
  for (const field of SCOPE_FIELDS) STORE.setItem(`engram.${field}`, scope[field]);
  if (apiKey) STORE.setItem("engram.api_key", apiKey);
  else STORE.removeItem("engram.api_key");
  state.api = new Api(scope, apiKey);
  closeHistory();
  await showAll();
}

function requireScope() {
  if (state.api) return true;
  say("Choose a scope first (user id etc.) and press Load.", "error");
  return false;
}

// -- list and search --------------------------------------------------------------
async function showAll() {
  if (!requireScope()) return;
  state.mode = "list";
  state.query = "";
  $("search-query").value = "";
  state.items = [];
  state.cursor = null;
  renderAll(); // never leave the previous scope's memories on screen if loading fails
  await loadMore();
}

async function loadMore() {
  if (!requireScope()) return;
  say("Loading…");
  try {
    const page = await state.api.list({ limit: PAGE_SIZE, cursor: state.cursor });
    state.items = state.items.concat(page.items || []);
    state.cursor = page.next_cursor || null;
    say(state.items.length ? "" : "No memories in this scope yet.");
    renderAll();
  } catch (err) {
    fail(err);
  }
}

async function search(event) {
  event.preventDefault();
  if (!requireScope()) return;
  const query = $("search-query").value.trim();
  if (!query) return showAll();
  say("Searching…");
  try {
    const result = await state.api.search(query, PAGE_SIZE);
    state.mode = "search";
    state.query = query;
    state.items = (result.hits || []).map((hit) => ({ ...hit.item, _score: hit.score }));
    state.cursor = null;
    say(state.items.length ? "" : `Nothing found for “${query}”.`);
    renderAll();
  } catch (err) {
    fail(err);
  }
}

function chips(label, values, className) {
  if (!values || !values.length) return null;
  return h("span", { class: "chips", "aria-label": label }, values.map((v) => h("span", { class: `chip ${className}` }, v)));
}

function validity(item) {
  const from = item.valid_from ? formatTime(item.valid_from) : null;
  const to = item.valid_to ? formatTime(item.valid_to) : null;
  if (!from && !to) return null;
  const text = to ? `valid ${from || "…"} – ${to}` : `valid since ${from}`;
  return h("span", { class: `validity${to ? " ended" : ""}`, title: "validity interval" }, text);
}

function card(item) {
  const meta = [
    h("span", { class: `badge kind-${item.kind}` }, item.kind),
    item.status && item.status !== "active" ? h("span", { class: "badge status" }, item.status) : null,
    h("time", { datetime: item.event_time || "" }, formatTime(item.event_time)),
    h("span", { class: "rev", title: "version" }, `v${item.version}`),
    item.scope && item.scope.session_id ? h("span", { class: "session", title: "session id" }, `session ${item.scope.session_id}`) : null,
    validity(item),
    item._score !== undefined ? h("span", { class: "score" }, `score ${item._score.toFixed(3)}`) : null,
    chips("Tags", (item.tags || []).map((t) => `#${t}`), "tag"),
    chips("Entities", item.entities, "entity"),
  ];
  const label = truncate(item.content, 40);
  const node = h("li", { class: "card", "data-id": item.id },
    h("p", { class: "content" }, item.content),
    h("div", { class: "meta" }, meta),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "edit-button", "aria-label": `Edit “${label}”`, onclick: () => editCard(node, item) }, "Edit"),
      h("button", { type: "button", class: "history-button", "aria-label": `History of “${label}”`, onclick: () => openHistory(item) }, "History"),
      h("button", { type: "button", class: "danger delete-button", "aria-label": `Delete “${label}”`, onclick: () => confirmDelete(item) }, "Delete")));
  return node;
}

// -- add and edit --------------------------------------------------------------------
async function addMemory(event) {
  event.preventDefault();
  if (!requireScope()) return;
  const text = $("new-content").value.trim();
  if (!text) {
    say("Type the memory's text first.", "error");
    $("new-content").focus();
    return;
  }
  const tags = $("new-tags").value.split(",").map((t) => t.trim()).filter(Boolean);
  try {
    const result = await state.api.add(text, { session_id: $("new-session").value.trim(), kind: $("new-kind").value, tags });
    $("new-content").value = "";
    await showAll();
    say(`Memory added (${(result.items || []).length}).`);
  } catch (err) {
    fail(err);
  }
}

function editCard(node, item) {
  const box = h("textarea", { class: "edit-content", "aria-label": "Memory text", rows: 3 });
  box.value = item.content;
  const save = h("button", { type: "button", class: "primary", onclick: async () => {
    const content = box.value.trim();
    if (!content || content === item.content) return cancel();
    try {
      const updated = await state.api.update(item, content);
      state.items = state.items.map((i) => (i.id === item.id ? { ...updated, _score: i._score } : i));
      renderAll();
      say(`Memory updated to version ${updated.version}.`);
    } catch (err) {
      fail(err);
    }
  } }, "Save");
  const cancel = () => node.replaceWith(card(item));
  const editor = h("div", { class: "editor" }, box,
    h("div", { class: "actions" }, save, h("button", { type: "button", onclick: cancel }, "Cancel")));
  node.querySelector(".content").replaceWith(editor);
  node.querySelector(".actions:not(.editor .actions)").hidden = true;
  box.focus();
}

// -- stats and export ----------------------------------------------------------------
async function showStats() {
  if (!requireScope()) return;
  try {
    const stats = await state.api.stats();
    const rows = [["memories", stats.memories], ["by kind", describe(stats.by_kind)],
      ["by status", describe(stats.by_status)], ["versions (history rows)", stats.history_rows],
      ["vectors", stats.vectors], ["scopes", stats.scopes]];
    if (stats.db_bytes !== null && stats.db_bytes !== undefined) rows.push(["on disk", `${(stats.db_bytes / 1024).toFixed(0)} KiB`]);
    fill($("stats"), rows.map(([k, v]) => [h("dt", {}, k), h("dd", { "data-key": k }, String(v))]));
    $("stats").hidden = false;
    say("");
  } catch (err) {
    fail(err);
  }
}

function describe(counts) {
  const parts = Object.entries(counts || {}).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(", ") : "none";
}

async function exportScope() {
  if (!requireScope()) return;
  try {
    const text = await state.api.exportText();
    const name = Object.values(state.api.scope).join("-").replace(/[^\w.-]+/g, "_") || "engram";
    const link = h("a", { href: URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" })), download: `${name}.jsonl` });
    document.body.append(link);
    link.click();
    link.remove();
    const lines = text.split("\n").filter(Boolean).length - 1;
    say(`Exported ${lines} memor${lines === 1 ? "y" : "ies"} as ${name}.jsonl.`);
  } catch (err) {
    fail(err);
  }
}

function renderList() {
  fill($("memory-list"), state.items.map(card));
  $("load-more").hidden = !(state.mode === "list" && state.cursor);
  const n = state.items.length;
  $("list-summary").textContent = state.mode === "search"
    ? `${n} result${n === 1 ? "" : "s"} for “${state.query}”`
    : `${n} memor${n === 1 ? "y" : "ies"} loaded${state.cursor ? " (more available)" : ""}`;
}

function renderViews() {
  const source = state.mode === "search" ? `${state.items.length} search results` : `${state.items.length} loaded memories`;
  if (state.tab === "timeline") {
    const { svg, shown, undated } = renderTimeline(state.items, openHistory);
    fill($("timeline"), shown ? svg : h("p", { class: "empty" }, "No dated memories to place on the timeline."));
    if (shown) fitTimeline(svg); // measure the real label widths once the SVG is on the page
    $("timeline-summary").textContent = `Timeline of ${source} by event time.`;
    fill($("undated-list"), undated.map((item) => h("li", {},
      h("button", { type: "button", class: "link", onclick: () => openHistory(item) }, truncate(plainText(item.content), 90)))));
    $("undated").hidden = !undated.length;
  }
  if (state.tab === "graph") {
    const frame = $("graph").getBoundingClientRect();  // fit the graph to what is left of the window
    const aspect = (window.innerHeight - Math.max(0, frame.top) - 24) / Math.max(1, frame.width);
    const { svg, counts, links } = renderGraph(state.items, openHistory, aspect);
    fill($("graph"), counts.memory ? svg : h("p", { class: "empty" }, "No memories to draw."));
    if (counts.memory) fitGraphLabels(svg);
    $("graph-summary").textContent = `Graph of ${source}: ${counts.entity} entities, ${counts.tag} tags, ` +
      `${links} links between memories that share an entity. Select an entity to highlight its memories.`;
  }
}

function renderAll() {
  renderList();
  renderViews();
}

// -- tabs -------------------------------------------------------------------------
const TABS = ["list", "timeline", "graph"];

function selectTab(name, focus = false) {
  state.tab = name;
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const active = tab === name;
    button.setAttribute("aria-selected", String(active));
    button.tabIndex = active ? 0 : -1;
    $(`panel-${tab}`).hidden = !active;
    if (active && focus) button.focus();
  }
  renderViews();
}

function tabKeys(event) {
  const index = TABS.indexOf(state.tab);
  const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index };
  if (!(event.key in moves)) return;
  event.preventDefault();
  selectTab(TABS[(index + moves[event.key] + TABS.length) % TABS.length], true);
}

// -- history ------------------------------------------------------------------------
function diffView(before, after) {
  return h("p", { class: "diff" }, diffWords(before, after).map((run) =>
    run.op === "same" ? run.text : h(run.op === "add" ? "ins" : "del", {}, run.text)));
}

function versionView(entry, previous) {
  const content = entry.new && entry.new.content;
  const prior = previous && previous.new ? previous.new.content : entry.old && entry.old.content;
  let body;
  if (entry.op === "delete") body = h("p", { class: "tombstone" }, "Deleted — content erased.");
  else if (content === undefined || content === null) body = h("p", { class: "tombstone" }, "No content recorded.");
  else if (prior !== undefined && prior !== null && prior !== content) body = diffView(prior, content);
  else body = h("p", { class: "diff" }, content);
  const unchanged = entry.op !== "add" && prior === content && content !== undefined;
  return h("li", { class: `version op-${entry.op}`, "data-version": entry.version },
    h("div", { class: "version-head" },
      h("strong", {}, `v${entry.version}`),
      h("span", { class: "badge" }, entry.op),
      h("time", { datetime: entry.at }, formatTime(entry.at)),
      entry.actor ? h("span", { class: "actor" }, `by ${entry.actor}`) : null,
      unchanged ? h("span", { class: "note" }, "content unchanged") : null),
    body);
}

async function openHistory(item) {
  if (!requireScope()) return;
  state.selected = item.id;
  const panel = $("history-panel");
  panel.hidden = false;
  fill($("history-body"), h("p", {}, "Loading…"));
  try {
    const entries = await state.api.history(item.id);
    if (state.selected !== item.id) return;
    const rows = entries.map((entry, i) => versionView(entry, entries[i - 1]));
    fill($("history-body"),
      h("p", { class: "history-of" }, truncate(item.content, 120)),
      h("ol", { class: "versions", "aria-label": "Versions, oldest first" }, rows));
    $("close-history").focus();
  } catch (err) {
    fill($("history-body"), h("p", { class: "error" }, err.message));
  }
}

function closeHistory() {
  state.selected = null;
  $("history-panel").hidden = true;
}

// -- delete ---------------------------------------------------------------------------
function confirmDelete(item) {
  const dialog = $("confirm-delete");
  $("confirm-text").textContent = truncate(item.content, 300);
  dialog.returnValue = "";
  dialog.onclose = async () => {
    if (dialog.returnValue !== "delete") {
      say("Delete cancelled.");
      return;
    }
    try {
      await state.api.remove(item.id);
      state.items = state.items.filter((i) => i.id !== item.id);
      if (state.selected === item.id) closeHistory();
      renderAll();
      say("Memory deleted.");
    } catch (err) {
      fail(err);
    }
  };
  dialog.showModal();
}

// -- wiring -----------------------------------------------------------------------------
function init() {
  restoreScope();
  $("scope-form").addEventListener("submit", applyScope);
  $("search-form").addEventListener("submit", search);
  $("clear-search").addEventListener("click", showAll);
  $("load-more").addEventListener("click", loadMore);
  $("add-form").addEventListener("submit", addMemory);
  $("show-stats").addEventListener("click", showStats);
  $("export").addEventListener("click", exportScope);
  window.addEventListener("resize", () => { if (state.tab === "graph") renderViews(); });
  $("close-history").addEventListener("click", closeHistory);
  for (const tab of TABS) $(`tab-${tab}`).addEventListener("click", () => selectTab(tab));
  document.querySelector("[role=tablist]").addEventListener("keydown", tabKeys);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("history-panel").hidden && !$("confirm-delete").open) closeHistory();
  });
  const { scope, apiKey } = readScopeForm();
  if (SCOPE_FIELDS.some((f) => scope[f]) || apiKey) applyScope();
  else say("Choose a scope to start: enter a user id (or agent, session, app) and press Load.");
}

init();
