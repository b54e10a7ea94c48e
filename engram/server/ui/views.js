// The timeline and graph views: plain SVG computed client-side from the memories
// already loaded in the list. Labels are SVG text nodes, never markup.

import { s, formatTime, truncate } from "./dom.js";

const WIDTH = 1000;

function activate(node, label, handler) {
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  node.setAttribute("aria-label", label);
  node.addEventListener("click", handler);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      handler();
    }
  });
}

/**
 * The text of a memory without the speaker prefixes a conversation round carries
 * ("user: …\nassistant: …" → "… · …"); only prefixes naming the item's own role(s).
 */
export function plainText(content, role) {
  const names = new Set(String(role || "user+assistant").split("+").concat(["user", "assistant"]));
  return String(content ?? "").split("\n").map((line) => {
    const colon = line.indexOf(": ");
    return colon > 0 && names.has(line.slice(0, colon)) ? line.slice(colon + 2) : line;
  }).filter((line) => line.trim()).join(" · ");
}

const LANE_HEIGHT = 30;
const LABEL_PAD = 6;
const LANE_GAP = 8;

/** Greedy lanes: each label goes in the lowest lane where it overlaps no other label. */
export function assignLanes(points, width = WIDTH) {
  const laneEnds = [];
  return points.map(({ px, w }) => {
    const left = Math.max(4, Math.min(px - w / 2, width - w - 4));
    let lane = laneEnds.findIndex((end) => end + LANE_GAP <= left);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(-Infinity);
    }
    laneEnds[lane] = left + w;
    return { left, lane };
  });
}

function placeTimeline(svg, widths) {
  const points = [...svg.querySelectorAll(".tl-point")];
  const slots = assignLanes(points.map((g, i) => ({ px: Number(g.dataset.x), w: widths[i] })));
  const lanes = Math.max(1, ...slots.map((slot) => slot.lane + 1));
  const axisY = 50 + lanes * LANE_HEIGHT;
  points.forEach((group, i) => {
    const { left, lane } = slots[i];
    const px = Number(group.dataset.x);
    const labelY = axisY - 24 - lane * LANE_HEIGHT;
    group.dataset.lane = String(lane);
    const stem = svg.querySelector(`.stem[data-for="${group.dataset.id}"]`);
    const [rect, text, dot] = ["tl-label-bg", "tl-label", "dot"].map((c) => group.querySelector(`.${c}`));
    stem.setAttribute("y1", axisY);
    stem.setAttribute("y2", labelY + 6);
    rect.setAttribute("x", left);
    rect.setAttribute("y", labelY - 14);
    rect.setAttribute("width", widths[i]);
    text.setAttribute("x", left + LABEL_PAD);
    text.setAttribute("y", labelY);
    dot.setAttribute("cy", axisY);
  });
  for (const node of svg.querySelectorAll(".axis")) {
    node.setAttribute("y1", axisY);
    node.setAttribute("y2", axisY);
  }
  for (const node of svg.querySelectorAll(".tick")) {
    node.setAttribute("y1", axisY - 5);
    node.setAttribute("y2", axisY + 5);
  }
  for (const node of svg.querySelectorAll(".tick-label")) node.setAttribute("y", axisY + 22);
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${axisY + 50}`);
}

/** Memories on a horizontal time axis by event_time, labels in lanes; undated ones are
 * returned apart (``undated``) for a list of their own. */
export function renderTimeline(items, onSelect) {
  const dated = items
    .filter((item) => item.event_time && !Number.isNaN(Date.parse(item.event_time)))
    .sort((a, b) => Date.parse(a.event_time) - Date.parse(b.event_time));
  const undated = items.filter((item) => !dated.includes(item));
  const pad = 70;
  const times = dated.map((item) => Date.parse(item.event_time));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const x = (t) => (max === min ? WIDTH / 2 : pad + ((t - min) / (max - min)) * (WIDTH - 2 * pad));

  const svg = s("svg", {
    viewBox: `0 0 ${WIDTH} 150`, class: "timeline", role: "group",
    "aria-label": `Timeline of ${dated.length} memories by event time`,
  });
  svg.append(s("line", { x1: pad / 2, x2: WIDTH - pad / 2, y1: 0, y2: 0, class: "axis" }));
  const ticks = max === min ? 1 : 5;
  for (let i = 0; i < ticks; i++) {
    const t = ticks === 1 ? min : min + ((max - min) * i) / (ticks - 1);
    const tx = x(t);
    svg.append(
      s("line", { x1: tx, x2: tx, class: "tick" }),
      s("text", { x: tx, class: "tick-label", "text-anchor": "middle" }, formatTime(new Date(t).toISOString()).slice(0, 10)),
    );
  }
  const stems = s("g", { class: "stems" }); // under every label, so no stem crosses one
  svg.append(stems);
  const estimates = [];
  dated.forEach((item, index) => {
    const text = plainText(item.content, item.role);
    const label = truncate(text.split(" · ")[0], 34); // a round's first turn; the tooltip has it all
    const px = x(times[index]);
    estimates.push(label.length * 7.2 + 2 * LABEL_PAD); // refined by fitTimeline once on the page
    const group = s("g", { class: "tl-point", "data-id": item.id, "data-x": px.toFixed(1) },
      s("title", {}, `${formatTime(item.event_time)} — ${text}`),
      s("rect", { height: 20, rx: 4, class: "tl-label-bg" }),
      s("text", { class: "tl-label" }, label),
      s("circle", { cx: px, r: 6, class: `dot kind-${item.kind}` }),
    );
    activate(group, `${formatTime(item.event_time)}: ${truncate(text, 80)}. Show history.`, () => onSelect(item));
    stems.append(s("line", { x1: px, x2: px, class: "stem", "data-for": item.id }));
    svg.append(group);
  });
  placeTimeline(svg, estimates);
  return { svg, shown: dated.length, undated };
}

/** Re-lay the timeline with the labels' measured widths (call once it is in the page). */
export function fitTimeline(svg) {
  const widths = [...svg.querySelectorAll(".tl-point .tl-label")].map((t) => t.getComputedTextLength() + 2 * LABEL_PAD);
  placeTimeline(svg, widths);
}

/** Nodes and edges: memories ↔ their entities (and tags), memories ↔ memories sharing entities. */
export function buildGraph(items) {
  const nodes = new Map();
  const edges = [];
  const byEntity = new Map();
  for (const item of items) {
    nodes.set(`m:${item.id}`, { id: `m:${item.id}`, type: "memory", label: truncate(plainText(item.content, item.role).split(" · ")[0], 26), item });
    for (const [type, prefix, names] of [["entity", "e:", item.entities || []], ["tag", "t:", item.tags || []]]) {
      for (const name of new Set(names)) {
        const key = prefix + String(name).toLowerCase();
        if (!nodes.has(key)) nodes.set(key, { id: key, type, label: type === "tag" ? `#${name}` : String(name) });
        edges.push({ source: `m:${item.id}`, target: key, type });
        if (type === "entity") {
          if (!byEntity.has(key)) byEntity.set(key, []);
          byEntity.get(key).push(`m:${item.id}`);
        }
      }
    }
  }
  const shared = new Map();
  for (const members of byEntity.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = [members[i], members[j]].sort().join("|");
        shared.set(key, (shared.get(key) || 0) + 1);
      }
    }
  }
  for (const [key, weight] of shared) {
    const [source, target] = key.split("|");
    edges.push({ source, target, type: "shared", weight });
  }
  return { nodes: [...nodes.values()], edges };
}

/**
 * Fruchterman–Reingold layout inside a frame, deterministic (nodes start on a circle).
 * Clamping to the frame every step (as in the original paper) keeps isolated nodes from
 * flying off and squashing the connected ones when the result is fitted to the box.
 */
export function layout(nodes, edges, width, height, iterations = 300) {
  const n = nodes.length;
  const margin = { left: 30, right: 170, top: 30, bottom: 30 };
  const inner = { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
  const k = Math.sqrt((inner.w * inner.h) / Math.max(1, n)) * 0.6;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const cx = margin.left + inner.w / 2;
  const cy = margin.top + inner.h / 2;
  const pos = nodes.map((_, i) => ({
    x: cx + (inner.w / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: cy + (inner.h / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
  }));
  if (n === 1) return [{ x: cx, y: cy }];
  let temperature = inner.w / 8;
  for (let step = 0; step < iterations; step++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01 * (i - j);
        const dy = pos[i].y - pos[j].y || 0.01;
        const dist = Math.max(0.01, Math.hypot(dx, dy));
        const force = (k * k) / dist;
        disp[i].x += (dx / dist) * force;
        disp[i].y += (dy / dist) * force;
        disp[j].x -= (dx / dist) * force;
        disp[j].y -= (dy / dist) * force;
      }
    }
    for (const edge of edges) {
      const a = index.get(edge.source);
      const b = index.get(edge.target);
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const dist = Math.max(0.01, Math.hypot(dx, dy));
      const force = ((dist * dist) / k) * (edge.type === "shared" ? 0.3 : 1);
      disp[a].x -= (dx / dist) * force;
      disp[a].y -= (dy / dist) * force;
      disp[b].x += (dx / dist) * force;
      disp[b].y += (dy / dist) * force;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps disconnected pieces together.
      disp[i].x += (cx - pos[i].x) * 0.06 * k / 10;
      disp[i].y += (cy - pos[i].y) * 0.06 * k / 10;
      const len = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / len) * Math.min(len, temperature);
      pos[i].y += (disp[i].y / len) * Math.min(len, temperature);
      pos[i].x = Math.min(width - margin.right, Math.max(margin.left, pos[i].x));
      pos[i].y = Math.min(height - margin.bottom, Math.max(margin.top, pos[i].y));
    }
    temperature = Math.max(0.5, temperature * 0.985);
  }
  return pos;
}

const MAX_GRAPH_MEMORIES = 150;

/** The SVG graph; selecting a memory node calls onSelect, an entity node highlights its neighbours. */
export function renderGraph(items, onSelect, aspect = 0.62) {
  const graph = buildGraph(items.slice(0, MAX_GRAPH_MEMORIES));
  const height = Math.round(WIDTH * Math.min(1.2, Math.max(0.4, aspect)));
  const points = layout(graph.nodes, graph.edges, WIDTH, height);
  const where = new Map(graph.nodes.map((node, i) => [node.id, points[i]]));
  const svg = s("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`, class: "graph", role: "group", preserveAspectRatio: "xMidYMid meet",
    "aria-label": `Graph of ${graph.nodes.length} nodes and ${graph.edges.length} links`,
  });
  const edgeLayer = s("g", { class: "edges" });
  for (const edge of graph.edges) {
    const a = where.get(edge.source);
    const b = where.get(edge.target);
    edgeLayer.append(s("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge edge-${edge.type}`,
      "data-source": edge.source, "data-target": edge.target,
    }));
  }
  svg.append(edgeLayer);
  const neighbours = (id) => new Set(graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
  const highlight = (id) => {
    const near = neighbours(id);
    const wasActive = svg.dataset.focus === id;
    svg.dataset.focus = wasActive ? "" : id;
    for (const node of svg.querySelectorAll(".node")) {
      node.classList.toggle("dim", !wasActive && node.dataset.id !== id && !near.has(node.dataset.id));
    }
  };
  for (const node of graph.nodes) {
    const p = where.get(node.id);
    const radius = node.type === "memory" ? 7 : 10;
    node.radius = radius;
    const group = s("g", { class: `node node-${node.type}`, "data-id": node.id, transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})` },
      s("title", {}, node.type === "memory" ? node.item.content : `${node.type}: ${node.label}`),
      s("circle", { r: radius }),
      s("text", { x: radius + 4, y: 4, class: "node-label" }, node.label));
    group.dataset.r = String(radius);
    if (node.type === "memory") {
      activate(group, `Memory: ${truncate(node.item.content, 80)}. Show history.`, () => onSelect(node.item));
    } else {
      activate(group, `${node.type} ${node.label}: highlight connected memories`, () => highlight(node.id));
    }
    svg.append(group);
  }
  const counts = { memory: 0, entity: 0, tag: 0 };
  for (const node of graph.nodes) counts[node.type]++;
  return { svg, counts, links: graph.edges.filter((e) => e.type === "shared").length };
}

const LABEL_HALO = 2.5; // half the graph labels' CSS stroke (3px) plus a little air

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Place each node's label beside it (right, left, above or below) where it overlaps no
 * label placed before and no other node, inside the frame; a label with no free place
 * is hidden (its node keeps the full text as a tooltip). Entities and tags go first.
 */
export function fitGraphLabels(svg) {
  const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
  const nodes = [...svg.querySelectorAll(".node")].map((group) => {
    const [tx, ty] = group.getAttribute("transform").match(/-?[\d.]+/g).map(Number);
    return { group, x: tx, y: ty, r: Number(group.dataset.r), memory: group.classList.contains("node-memory") };
  });
  const discs = nodes.map((n) => ({ x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r }));
  const placed = [];
  const order = [...nodes.keys()].sort((a, b) => Number(nodes[a].memory) - Number(nodes[b].memory));
  for (const index of order) {
    const node = nodes[index];
    const text = node.group.querySelector(".node-label");
    text.classList.remove("label-hidden");
    const bb = text.getBBox(); // in the drawing's units, whatever the font and zoom
    const halo = LABEL_HALO; // the text's outline (CSS stroke) is drawn outside its box
    const w = bb.width + 2 * halo;
    const h = bb.height + 2 * halo;
    const baseline = Number(text.getAttribute("y")) - bb.y + halo;
    const gap = node.r + 4;
    const options = [[gap, -h / 2], [-gap - w, -h / 2], [-w / 2, -gap - h], [-w / 2, gap]];
    const free = options.map(([dx, dy]) => ({ x: node.x + dx, y: node.y + dy, w, h })).find((box) =>
      box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height
      && !placed.some((other) => overlaps(box, other))
      && !discs.some((disc, j) => j !== index && overlaps(box, disc)));
    text.classList.toggle("label-hidden", !free);
    if (!free) continue;
    placed.push(free);
    text.setAttribute("x", (free.x - node.x + halo).toFixed(1));
    text.setAttribute("y", (free.y - node.y + baseline).toFixed(1));
  }
  return placed.length;
}
