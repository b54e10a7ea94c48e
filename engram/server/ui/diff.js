// Word-level diff (LCS over words and the whitespace between them), used to show
// what changed between two consecutive versions of a memory.

const MAX_CELLS = 4_000_000; // beyond this, show a whole replacement instead of an O(n·m) table

export function tokenize(text) {
  return String(text ?? "").split(/(\s+)/).filter((t) => t !== "");
}

/**
 * Diff two texts into runs: [{op: "same"|"add"|"del", text}], in reading order.
 * Adjacent runs of the same op are merged so the output is compact.
 */
export function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  let ops;
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    ops = [...a.map((t) => ["del", t]), ...b.map((t) => ["add", t])];
  } else {
    ops = lcsOps(a, b);
  }
  const runs = [];
  for (const [op, text] of ops) {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  }
  return runs;
}

function lcsOps(a, b) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j]
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(["same", a[i]]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      ops.push(["del", a[i++]]);
    } else {
      ops.push(["add", b[j++]]);
    }
  }
  while (i < n) ops.push(["del", a[i++]]);
  while (j < m) ops.push(["add", b[j++]]);
  return ops;
}
