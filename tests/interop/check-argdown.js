// Compares what the real Argdown parser read (`argdown json` output) with the map argmap
// exported (argmap's own JSON export): one statement per node with the node's text, and
// each reason once, as a relation or as an argument whose premise–conclusion structure has
// its premises, with the same target (a node, or the reason an undercut attacks) and kind.
// Prints one line; exits 1 on a mismatch.
//
// usage: node check-argdown.js NAME ARGDOWN_JSON ARGMAP_JSON
"use strict";
const fs = require("fs");
const [name, argdownFile, argmapFile] = process.argv.slice(2);
const ad = JSON.parse(fs.readFileSync(argdownFile, "utf8"));
const map = JSON.parse(fs.readFileSync(argmapFile, "utf8"));
const problems = [];

// What a statement shows: whitespace and control characters folded to single spaces
// (argmap writes exact texts with line breaks in the statement's data).
const oneLine = (t) => t.replace(/[\p{White_Space}\p{Cc}]+/gu, " ").trim() || "(no printable text)";
const nodes = new Map(map.nodes.map((n) => [n.id, n]));
const idOf = {}; // statement title -> node id
for (const [title, st] of Object.entries(ad.statements)) {
  if (st.data && st.data.argmap === "against") continue; // an opposing reason's conclusion
  const id = st.data && typeof st.data.id === "string" ? st.data.id : title;
  idOf[title] = id;
  const node = nodes.get(id);
  if (!node) {
    problems.push(`statement [${title}] is no node of the map`);
    continue;
  }
  const def = st.members.find((m) => typeof m.text === "string");
  const text = def ? def.text.replace(/\s*#(claim|evidence|counterpoint)\s*$/, "").trim() : "";
  if (text !== oneLine(node.text)) {
    problems.push(`[${title}] reads ${JSON.stringify(text)}, expected ${JSON.stringify(oneLine(node.text))}`);
  }
  if (!(st.tags || []).includes(node.kind)) {
    problems.push(`[${title}] lacks the tag #${node.kind}`);
  }
}
// Reasons, each as a signature: its premises (sorted), what it bears on (a node, or the
// signature of the reason it undercuts) and how. From argmap's JSON export…
const reasonsById = new Map(map.reasons.map((r) => [r.id, r]));
const mapSig = (r) =>
  `${[...r.premises].sort().join("+")} ${r.relation} ` +
  (r.target.node !== undefined ? r.target.node : `(${mapSig(reasonsById.get(r.target.reason))})`);
const expected = new Map();
for (const r of map.reasons) {
  const sig = mapSig(r);
  expected.set(sig, (expected.get(sig) || 0) + 1);
}
// …and from what Argdown read: a relation between statements, an undercut of an argument's
// inference, or an argument with a premise–conclusion structure (whose conclusion, when
// argmap marked it {argmap: against}, stands for what the reason opposes).
const isAgainst = (title) => {
  const st = ad.statements[title];
  return !!(st && st.data && st.data.argmap === "against");
};
const relationsFrom = new Map();
for (const r of ad.relations) {
  if (!relationsFrom.has(r.from)) relationsFrom.set(r.from, []);
  relationsFrom.get(r.from).push(r);
}
const argSig = (title, seen = new Set()) => {
  const arg = ad.arguments[title];
  if (!arg || !arg.pcs || seen.has(title)) return `<${title}>?`;
  seen.add(title);
  const premises = arg.pcs.filter((s) => s.role === "premise").map((s) => idOf[s.title] || `[${s.title}]?`);
  const conclusion = arg.pcs.find((s) => s.role === "main-conclusion");
  let tail;
  if (conclusion && isAgainst(conclusion.title)) {
    const out = relationsFrom.get(conclusion.title) || [];
    const r = out[0];
    tail = !r ? "opposes ?" : r.relationType === "undercut" ? `opposes (${argSig(r.to, seen)})` : `opposes ${idOf[r.to]}`;
  } else {
    tail = `supports ${conclusion ? idOf[conclusion.title] : "?"}`;
  }
  return `${premises.sort().join("+")} ${tail}`;
};
const kinds = { support: "supports", attack: "opposes" };
const found = [];
for (const r of ad.relations) {
  if (isAgainst(r.from)) continue; // part of its argument's signature
  if (r.relationType === "undercut") {
    found.push(`${idOf[r.from]} opposes (${argSig(r.to)})`);
  } else {
    found.push(`${idOf[r.from]} ${kinds[r.relationType] || r.relationType} ${idOf[r.to]}`);
  }
}
for (const title of Object.keys(ad.arguments)) found.push(argSig(title));
for (const sig of found) {
  const n = expected.get(sig) || 0;
  if (n === 0) problems.push(`unexpected reason ${sig}`);
  else if (n === 1) expected.delete(sig);
  else expected.set(sig, n - 1);
}
for (const sig of expected.keys()) problems.push(`missing reason ${sig}`);
const statements = Object.keys(ad.statements).filter((t) => !isAgainst(t)).length;
const counts = `${map.nodes.length} nodes = ${statements} statements, ` +
  `${map.reasons.length} reasons = ${found.length} relations and arguments ` +
  `(${Object.keys(ad.arguments).length} arguments)`;
const countsMatch = map.nodes.length === statements && map.reasons.length === found.length;
if (!countsMatch) problems.unshift("counts differ");
if (problems.length > 0) {
  console.log(`FAIL ${name}: ${counts}`);
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  process.exit(1);
}
console.log(`ok   ${name}: ${counts}; every text and reason matches`);
