// The reference implementation's side of the JSONata benchmark: the npm `jsonata` package
// (from PEER_DIR/node_modules, the peer install of tests/bench/run-bench.sh --install-peer).
// Same workloads and timing method as bench_jsonata: compile once, evaluate in batches until a
// batch lasts --min-batch-ms, median of --batches batches; one JSON line per workload.
//
// Usage: node jsonata-bench.mjs WORKLOADS.json SUITE_DIR [--min-batch-ms N] [--batches N] [--only NAME]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [workloadsFile, suiteDir, ...rest] = process.argv.slice(2);
const opt = { 'min-batch-ms': 50, batches: 7, only: '' };
for (let i = 0; i + 1 < rest.length; i += 2) opt[rest[i].replace(/^--/, '')] = rest[i + 1];
const peerDir = process.env.PEER_DIR;
const require = createRequire(path.join(peerDir, 'package.json'));
const jsonata = require('jsonata');

const spec = JSON.parse(readFileSync(workloadsFile, 'utf8'));
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

function fromSuite(rel) {
  let c = readJson(path.join(suiteDir, 'groups', rel));
  if (Array.isArray(c)) c = c[0];
  let input;
  if ('data' in c) input = c.data;
  else if (typeof c.dataset === 'string') input = readJson(path.join(suiteDir, 'datasets', c.dataset + '.json'));
  return { expr: c.expr, input, bindings: c.bindings || {} };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const entry of spec.workloads) {
  if (opt.only && entry.name !== opt.only) continue;
  const w = entry.suite ? fromSuite(entry.suite)
    : { expr: entry.expr, input: spec.states.input, bindings: { states: spec.states } };
  let expr;
  try { expr = jsonata(w.expr); } catch (e) {
    console.log(JSON.stringify({ name: entry.name, error: e.code || String(e) })); continue;
  }
  let first;
  try { first = await expr.evaluate(w.input, w.bindings); } catch (e) {
    console.log(JSON.stringify({ name: entry.name, error: e.code || String(e) })); continue;
  }
  let perBatch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) await expr.evaluate(w.input, w.bindings);
    if (performance.now() - t0 >= Number(opt['min-batch-ms']) || perBatch > 2 ** 30) break;
    perBatch *= 2;
  }
  const us = [];
  for (let b = 0; b < Number(opt.batches); b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) await expr.evaluate(w.input, w.bindings);
    us.push(((performance.now() - t0) * 1000) / perBatch);
  }
  const result = first === undefined ? { undefined: true } : JSON.parse(JSON.stringify(first));
  console.log(JSON.stringify({ name: entry.name, us_per_eval: median(us), evaluations: perBatch, result }));
}
