/**
 * Node side of `npm run bench`: parse + build throughput against JSON.parse of the same data,
 * measured side by side in one run. Prints a table and writes test-results/bench-node.json.
 *
 * BENCH_ONLY=<comma-separated names> runs only some rows, e.g. `BENCH_ONLY=acl npm run bench:node`
 * while iterating (names: acl, 10k, 100k, 1m). Build time is reported whole and split into
 * resolveDataset (identity keys) and buildGraph (nodes, edges, Louvain, positions).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import seedrandom from 'seedrandom';
import { parseAclFiles, parseNameVariantsYaml } from '../../src/import/acl';
import { parseInput } from '../../src/import';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import type { Dataset, Paper } from '../../src/model/types';
import { syntheticItems } from './synthetic';

const root = resolve(import.meta.dirname, '../..');
const aclDir = resolve(root, '../shared/datasets/acl-anthology-2019');

interface Row {
  name: string;
  papers: number;
  authorships: number;
  authors: number;
  nodes: number;
  edges: number;
  parseMs: number;
  /** resolveDataset + buildGraph, best run. */
  buildMs: number;
  /** Of which resolveDataset and buildGraph, each its best run. */
  resolveMs: number;
  graphMs: number;
  jsonParseMs: number;
  ratio: number;
  /**
   * What the libraries alone cost on the same graph, for scale: graphology inserting the same node and edge keys
   * with no attributes (nothing else), and graphology-communities-louvain on the built graph (seeded, weighted, as
   * buildGraph runs it). Best runs; each also as a ratio to JSON.parse.
   */
  graphologyFloorMs: number;
  louvainFloorMs: number;
  authorshipsPerSec: number;
  /** heapUsed at the end of the row, no GC: the bench's own copies (JSON text, JSON.parse result, edge list) included. */
  heapMB: number;
  /** Heap after a full GC holding the app's result only (parsed papers, resolved authors, graph), above the row's start. */
  resultMB: number;
}

const ms = (t0: number) => performance.now() - t0;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => process.memoryUsage().heapUsed / 1e6;
const heapAfterGcMB = () => {
  gc();
  gc();
  return heapMB();
};

/** Best of `runs` timings of fn (the first run warms the JIT up too). */
function best<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let bestMs = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    value = fn();
    bestMs = Math.min(bestMs, ms(t0));
  }
  return { ms: bestMs, value };
}

function measure(name: string, runs: number, parse: () => { papers: Paper[]; aliases: Dataset['aliases'] }, jsonText: () => string): Row {
  const startMB = heapAfterGcMB();
  const parsed = best(runs, parse);
  const dataset: Dataset = { id: name, title: name, papers: parsed.value.papers, aliases: parsed.value.aliases };
  let resolveMs = Infinity;
  let graphMs = Infinity;
  const built = best(runs, () => {
    const t0 = performance.now();
    const resolved = resolveDataset(dataset);
    const t1 = performance.now();
    const graph = buildGraph(dataset, {}, resolved);
    resolveMs = Math.min(resolveMs, t1 - t0);
    graphMs = Math.min(graphMs, performance.now() - t1);
    return { resolved, graph };
  });
  const resultMB = heapAfterGcMB() - startMB;
  const text = jsonText();
  const json = best(runs, () => JSON.parse(text));
  const built0 = built.value.graph;
  const nodeKeys = built0.nodes();
  const edgeEnds: [string, string, string][] = [];
  built0.forEachEdge((edge, _attributes, source, target) => edgeEnds.push([edge, source, target]));
  const graphologyFloor = best(runs, () => {
    const bare = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (const node of nodeKeys) bare.addNode(node);
    for (const [edge, source, target] of edgeEnds) bare.addEdgeWithKey(edge, source, target);
    return bare.size;
  });
  const louvainFloor = best(runs, () => louvain(built0, { rng: seedrandom('louvain:1'), getEdgeWeight: 'weight', resolution: 1 }));
  const authorships = dataset.papers.reduce((s, p) => s + p.authors.length, 0);
  const total = parsed.ms + built.ms;
  return {
    name,
    papers: dataset.papers.length,
    authorships,
    authors: built.value.resolved.authors.size,
    nodes: built.value.graph.order,
    edges: built.value.graph.size,
    parseMs: parsed.ms,
    buildMs: built.ms,
    resolveMs,
    graphMs,
    jsonParseMs: json.ms,
    ratio: total / json.ms,
    graphologyFloorMs: graphologyFloor.ms,
    louvainFloorMs: louvainFloor.ms,
    authorshipsPerSec: authorships / (total / 1000),
    heapMB: heapMB(),
    resultMB,
  };
}

const only = process.env.BENCH_ONLY?.toLowerCase()
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const wanted = (name: string) => !only || only.includes(name);
const rows: Row[] = [];
if (!wanted('acl')) {
  // skipped by BENCH_ONLY
} else if (existsSync(join(aclDir, 'xml'))) {
  const files = readdirSync(join(aclDir, 'xml'))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ name: f, text: readFileSync(join(aclDir, 'xml', f), 'utf8') }));
  const yaml = readFileSync(join(aclDir, 'yaml/name_variants.yaml'), 'utf8');
  let papers: Paper[] = [];
  rows.push(
    measure(
      'ACL Anthology 2019',
      3,
      () => {
        const r = parseAclFiles(files);
        papers = r.papers;
        return { papers: r.papers, aliases: parseNameVariantsYaml(yaml) };
      },
      () => JSON.stringify(papers),
    ),
  );
} else {
  console.log(`ACL Anthology data not found at ${aclDir}: skipping that row.`);
}
for (const [label, n, runs] of [
  ['synthetic 10k', 10_000, 3],
  ['synthetic 100k', 100_000, 2],
  ['synthetic 1M', 1_000_000, 1],
] as const) {
  if (!wanted(label.replace('synthetic ', '').toLowerCase())) continue;
  const text = JSON.stringify(syntheticItems(n));
  rows.push(
    measure(
      `${label} authorships`,
      runs,
      () => {
        const r = parseInput(text, 'csl-json');
        return { papers: r.papers, aliases: [] };
      },
      () => text,
    ),
  );
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log('\nNode: parse + build vs JSON.parse of the same data (best of runs, ms)');
console.log(
  '| dataset | papers | authorships | authors | nodes | edges | parse | build (resolve + graph) | parse+build | JSON.parse | ratio | authorships/s | heap MB | result after GC, MB |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.papers)} | ${fmt(r.authorships)} | ${fmt(r.authors)} | ${fmt(r.nodes)} | ${fmt(r.edges)} | ${fmt(r.parseMs)} | ${fmt(r.buildMs)} (${fmt(r.resolveMs)} + ${fmt(r.graphMs)}) | ${fmt(r.parseMs + r.buildMs)} | ${fmt(r.jsonParseMs)} | ${fmt(r.ratio, 1)}× | ${fmt(r.authorshipsPerSec)} | ${fmt(r.heapMB)} | ${fmt(r.resultMB)} |`,
  );
}
console.log('\nThe libraries alone on the same graphs, for scale (best of runs, ms; × JSON.parse)');
console.log(
  '| dataset | graphology: insert the same node and edge keys, no attributes | graphology-communities-louvain on the built graph | both | parse + build less both |',
);
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  const both = r.graphologyFloorMs + r.louvainFloorMs;
  const x = (v: number) => `${fmt(v)} (${fmt(v / r.jsonParseMs, 1)}×)`;
  console.log(`| ${r.name} | ${x(r.graphologyFloorMs)} | ${x(r.louvainFloorMs)} | ${x(both)} | ${x(r.parseMs + r.buildMs - both)} |`);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/bench-node.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 1));
