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

/** Memories on a horizontal time axis by event_time; labels stacked in lanes. */
export function renderTimeline(items, onSelect) {
  const dated = items
    .filter((item) => item.event_time && !Number.isNaN(Date.parse(item.event_time)))
    .sort((a, b) => Date.parse(a.event_time) - Date.parse(b.event_time));
  const pad = 70;
  const times = dated.map((item) => Date.parse(item.event_time));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const x = (t) => (max === min ? WIDTH / 2 : pad + ((t - min) / (max - min)) * (WIDTH - 2 * pad));

  // Greedy lane assignment: a label goes in the first lane where it does not overlap.
  const laneEnds = [];
  const placed = dated.map((item, index) => {
    const label = truncate(item.content, 34);
    const px = x(times[index]);
    const width = label.length * 6.6 + 12;
    const left = Math.max(4, Math.min(px - width / 2, WIDTH - width - 4));
    let lane = laneEnds.findIndex((end) => end < left);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = left + width;
    return { item, label, px, left, width, lane };
  });
  const laneHeight = 30;
  const axisY = 50 + Math.max(1, laneEnds.length) * laneHeight;
  const height = axisY + 50;

  const svg = s("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`, class: "timeline", role: "group",
    "aria-label": `Timeline of ${dated.length} memories by event time`,
  });
  svg.append(s("line", { x1: pad / 2, x2: WIDTH - pad / 2, y1: axisY, y2: axisY, class: "axis" }));
  const ticks = max === min ? 1 : 5;
  for (let i = 0; i < ticks; i++) {
    const t = ticks === 1 ? min : min + ((max - min) * i) / (ticks - 1);
    const tx = x(t);
    svg.append(
      s("line", { x1: tx, x2: tx, y1: axisY - 5, y2: axisY + 5, class: "tick" }),
      s("text", { x: tx, y: axisY + 22, class: "tick-label", "text-anchor": "middle" },
        formatTime(new Date(t).toISOString()).slice(0, 10)),
    );
  }
  for (const p of placed) {
    const labelY = axisY - 24 - p.lane * laneHeight;
    const group = s("g", { class: "tl-point", "data-id": p.item.id },
      s("title", {}, `${formatTime(p.item.event_time)} — ${p.item.content}`),
      s("line", { x1: p.px, x2: p.px, y1: axisY, y2: labelY + 6, class: "stem" }),
      s("rect", { x: p.left, y: labelY - 14, width: p.width, height: 20, rx: 4, class: "tl-label-bg" }),
      s("text", { x: p.left + 6, y: labelY, class: "tl-label" }, p.label),
      s("circle", { cx: p.px, cy: axisY, r: 6, class: `dot kind-${p.item.kind}` }),
    );
    activate(group, `${formatTime(p.item.event_time)}: ${truncate(p.item.content, 80)}. Show history.`,
      () => onSelect(p.item));
    svg.append(group);
  }
  return { svg, shown: dated.length, undated: items.length - dated.length };
}

/** Nodes and edges: memories ↔ their entities (and tags), memories ↔ memories sharing entities. */
export function buildGraph(items) {
  const nodes = new Map();
  const edges = [];
  const byEntity = new Map();
  for (const item of items) {
    nodes.set(`m:${item.id}`, { id: `m:${item.id}`, type: "memory", label: truncate(item.content, 26), item });
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
export function renderGraph(items, onSelect) {
  const graph = buildGraph(items.slice(0, MAX_GRAPH_MEMORIES));
  const height = 620;
  const points = layout(graph.nodes, graph.edges, WIDTH, height);
  const where = new Map(graph.nodes.map((node, i) => [node.id, points[i]]));
  const svg = s("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`, class: "graph", role: "group",
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
    const group = s("g", { class: `node node-${node.type}`, "data-id": node.id, transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})` },
      s("title", {}, node.type === "memory" ? node.item.content : `${node.type}: ${node.label}`),
      s("circle", { r: radius }),
      s("text", { x: radius + 4, y: 4 }, node.label));
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
