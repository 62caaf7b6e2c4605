/**
 * Where the memory of building the synthetic bibliography's graph goes, in node:
 *
 *   node --expose-gc --import tsx tests/bench/node-memory.ts [authorships=200000] [--types] [--no-breakdown]
 *
 * 1. Steps: heap after a full GC (`process.memoryUsage().heapUsed`) after each step of the app's own path
 *    (CSL-JSON text → parseInput → resolveDataset → buildGraph), with each step's time and the process's peak RSS
 *    so far. The build's time is resolveDataset + buildGraph, as `npm run bench:node` reports it.
 * 2. Breakdown: what each part of the result holds, measured by taking it away (a shared empty value in its place)
 *    and reading the heap after a full GC again. Parts are taken away in the table's order, so each row is what that
 *    part alone kept alive once the rows above it were gone (strings shared with the parsed papers stay with them).
 * 3. `--types`: a heap snapshot after the build, its objects' own sizes summed by type and constructor
 *    (tests/bench/heap-types.ts): how many records of each kind there are and what each costs.
 * The fingerprint line hashes the built graph (every node and edge with its attributes, in order, and the graph's
 * attributes): a memory change must leave it as it was. Writes test-results/node-memory-<authorships>.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { writeHeapSnapshot } from 'node:v8';
import { parseInput } from '../../src/import';
import { resolveDataset, type ResolvedDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import type { AtlasGraph } from '../../src/graph/types';
import type { Dataset } from '../../src/model/types';
import { syntheticItems } from './synthetic';
import { heapTypes } from './heap-types';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const authorships = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');
const MB = (bytes: number) => bytes / 1e6;
/** Heap after a full GC (twice: the first may leave weak references and finalisers for the second). */
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const peakRssMB = () => process.resourceUsage().maxRSS / 1e3; // maxRSS is in KiB; near enough in MB for this table

interface Step {
  step: string;
  ms: number;
  /** CPU time of the process over the step (user + system, all threads: the GC's helpers included), less exposed to a busy machine than wall time. */
  cpuMs: number;
  heapMB: number;
  peakRssMB: number;
}
const steps: Step[] = [];
const base = heapAfterGc();
let cpuAt = process.cpuUsage();
/** CPU ms since the last call. */
const cpuLap = () => {
  const used = process.cpuUsage(cpuAt);
  cpuAt = process.cpuUsage();
  return (used.user + used.system) / 1e3;
};
const record = (step: string, ms: number, cpuMs: number) => steps.push({ step, ms, cpuMs, heapMB: MB(heapAfterGc() - base), peakRssMB: peakRssMB() });

let t0 = performance.now();
cpuLap();
let text: string | null = JSON.stringify(syntheticItems(authorships));
record('CSL-JSON text generated', performance.now() - t0, cpuLap());
t0 = performance.now();
cpuLap();
let dataset: Dataset | null = { id: 'synthetic', title: 'synthetic', papers: parseInput(text, 'csl-json').papers, aliases: [] };
const parseMs = performance.now() - t0;
const parseCpuMs = cpuLap();
text = null;
record('papers parsed (text dropped)', parseMs, parseCpuMs);
t0 = performance.now();
cpuLap();
let resolved: ResolvedDataset | null = resolveDataset(dataset);
const resolveMs = performance.now() - t0;
const resolveCpuMs = cpuLap();
record('resolved (resolveDataset)', resolveMs, resolveCpuMs);
t0 = performance.now();
cpuLap();
let graph: AtlasGraph | null = buildGraph(dataset, {}, resolved);
const graphMs = performance.now() - t0;
const graphCpuMs = cpuLap();
record('graph built (buildGraph)', graphMs, graphCpuMs);

const counts = { papers: dataset.papers.length, authors: resolved.authors.size, nodes: graph.order, edges: graph.size };
const fingerprint = graphFingerprint(graph);

/** SHA-256 of every node and edge with its attributes, in order, and the graph's attributes (no giant string). */
function graphFingerprint(g: AtlasGraph): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(g.getAttributes()));
  g.forEachNode((node, attributes) => hash.update(`${node}\u0001${JSON.stringify(attributes)}\u0002`));
  g.forEachEdge((edge, attributes, source, target) => hash.update(`${edge}\u0001${source}\u0001${target}\u0001${JSON.stringify(attributes)}\u0002`));
  return hash.digest('hex').slice(0, 16);
}

let types: ReturnType<typeof heapTypes> | undefined;
if (args.includes('--types')) {
  const file = join(root, 'test-results', `node-memory-${authorships}.heapsnapshot`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeHeapSnapshot(file);
  types = heapTypes(file, 16);
}

interface Part {
  part: string;
  MB: number;
  note?: string;
}
const parts: Part[] = [];
if (!args.includes('--no-breakdown')) {
  const g = graph;
  const empty: string[] = [];
  /** Runs `takeAway`, then records what the heap lost. */
  const part = (name: string, takeAway: () => void, note?: string) => {
    const before = heapAfterGc();
    takeAway();
    parts.push({ part: name, MB: MB(before - heapAfterGc()), note });
  };
  let keyBytes = 0;
  g.forEachEdge((edge) => (keyBytes += stringBytes(edge)));
  let nodeKeyBytes = 0;
  g.forEachNode((node) => (nodeKeyBytes += stringBytes(node)));
  part('resolved papers (ResolvedPaper + authorKeys per paper)', () => (resolved!.papers = []));
  part("resolver's author map (+ ResolvedAuthor records)", () => (resolved!.authors = new Map()));
  resolved = null;
  part('edge paperIds arrays', () => g.forEachEdge((_e, a) => (a.paperIds = empty)), 'the id strings stay with the papers');
  part(
    'author spellings/paperIds/affiliations arrays',
    () =>
      g.forEachNode((_n, a) => {
        if (a.kind !== 'author') return;
        a.spellings = empty;
        a.paperIds = empty;
        a.affiliations = empty;
      }),
    'the strings stay with the papers',
  );
  const sharedEdgeAttributes = { kind: 'coauthor' as const, weight: 1, paperIds: empty };
  part('edge attribute objects', () => g.forEachEdge((e) => g.replaceEdgeAttributes(e, sharedEdgeAttributes)));
  const sharedNodeAttributes = { kind: 'paper' as const, label: '', paperId: '', authorCount: 0, community: 0, x: 0, y: 0 };
  part('node attribute objects (+ identity key strings, x/y numbers)', () => g.forEachNode((n) => g.replaceNodeAttributes(n, sharedNodeAttributes)));
  part(
    'graphology edges: EdgeData, edge map, edge keys, the neighbour dictionaries',
    () => g.clearEdges(),
    `of which edge key strings ≈ ${MB(keyBytes).toFixed(1)} MB (own size, computed)`,
  );
  part(
    'graphology nodes: NodeData, node map, node keys',
    () => {
      g.clear();
      graph = null;
    },
    `of which node key strings ≈ ${MB(nodeKeyBytes).toFixed(1)} MB`,
  );
  part('parsed papers (Paper, AuthorRef, strings)', () => (dataset = null));
  parts.push({ part: 'left (module code, caches)', MB: MB(heapAfterGc() - base) });
}

/** Own size of a sequential one-byte string on 64-bit V8: a 16-byte header, the characters, rounded to 8. */
function stringBytes(s: string): number {
  return 16 + Math.ceil(s.length / 8) * 8;
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `\nSynthetic ${fmt(authorships)} authorships: ${fmt(counts.papers)} papers, ${fmt(counts.authors)} authors, ${fmt(counts.nodes)} nodes, ${fmt(counts.edges)} edges`,
);
console.log(
  `build ${fmt(resolveMs + graphMs)} ms (resolve ${fmt(resolveMs)} + graph ${fmt(graphMs)}), CPU ${fmt(resolveCpuMs + graphCpuMs)} ms; parse ${fmt(parseMs)} ms; load ${os.loadavg()[0].toFixed(1)}; graph fingerprint ${fingerprint}`,
);
console.log('| step | wall ms | CPU ms | heap after GC, MB (above the start) | peak RSS so far, MB |');
console.log('|---|---:|---:|---:|---:|');
for (const s of steps) console.log(`| ${s.step} | ${fmt(s.ms)} | ${fmt(s.cpuMs)} | ${fmt(s.heapMB)} | ${fmt(s.peakRssMB)} |`);
if (parts.length) {
  console.log('\n| what it holds (taken away in this order) | MB | note |');
  console.log('|---|---:|---|');
  for (const p of parts) console.log(`| ${p.part} | ${fmt(p.MB, 1)} | ${p.note ?? ''} |`);
}
if (types) {
  console.log('\n| heap snapshot after the build: type / constructor | count | own size, MB | bytes each |');
  console.log('|---|---:|---:|---:|');
  for (const t of types) console.log(`| ${t.type} / ${t.name} | ${fmt(t.count)} | ${fmt(MB(t.bytes), 1)} | ${fmt(t.bytes / t.count)} |`);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(
  join(root, `test-results/node-memory-${authorships}.json`),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      load: os.loadavg(),
      authorships,
      counts,
      fingerprint,
      resolveMs,
      graphMs,
      parseMs,
      steps,
      parts,
      types,
    },
    null,
    1,
  ),
);
