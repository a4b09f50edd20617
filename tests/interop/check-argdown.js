// Compares what the real Argdown parser read (`argdown json` output) with the map argmap
// exported (argmap's own JSON export): one statement per node with the node's text, one
// relation per link with the same ends and kind. Prints one line; exits 1 on a mismatch.
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
const expected = new Set(map.links.map((l) => `${l.from}\u0000${l.to}\u0000${l.relation}`));
const kinds = { support: "supports", attack: "opposes" };
for (const r of ad.relations) {
  const key = `${idOf[r.from]}\u0000${idOf[r.to]}\u0000${kinds[r.relationType] || r.relationType}`;
  if (!expected.delete(key)) {
    problems.push(`unexpected relation ${r.relationType} [${r.from}] -> [${r.to}]`);
  }
}
for (const key of expected) {
  problems.push(`missing relation ${key.split("\u0000").join(" ")}`);
}
const counts = `${map.nodes.length} nodes = ${Object.keys(ad.statements).length} statements, ` +
  `${map.links.length} links = ${ad.relations.length} relations, ${Object.keys(ad.arguments).length} arguments`;
const countsMatch = map.nodes.length === Object.keys(ad.statements).length &&
  map.links.length === ad.relations.length && Object.keys(ad.arguments).length === 0;
if (!countsMatch) problems.unshift("counts differ");
if (problems.length > 0) {
  console.log(`FAIL ${name}: ${counts}`);
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  process.exit(1);
}
console.log(`ok   ${name}: ${counts}; every text and relation matches`);
