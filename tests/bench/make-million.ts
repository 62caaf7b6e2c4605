/**
 * Writes the million-authorship benchmark's input: the seeded synthetic bibliography (tests/bench/synthetic.ts) as
 * CSL-JSON, and what the page must show of it, counted here by the app's own resolver (authors) and independently
 * (papers, authorships, distinct names). Usage: node --import tsx tests/bench/make-million.ts OUT_DIR [AUTHORSHIPS]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseInput } from '../../src/import';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import { writeGexf } from '../../src/export/gexf';
import { syntheticItems } from './synthetic';

const out = resolve(process.argv[2] ?? 'test-results/bench-million');
const authorships = Number(process.argv[3]) || 1_000_000;
mkdirSync(out, { recursive: true });
const items = syntheticItems(authorships);
const text = JSON.stringify(items);
writeFileSync(join(out, 'papers.csl.json'), text);
const parsed = parseInput(text, 'csl-json');
const resolved = resolveDataset({ id: 'm', title: 'm', papers: parsed.papers, aliases: [] });
// A few authors to search for, spread over the population (their names as the items write them).
const names = [...new Set(items.flatMap((i) => i.author.map((a) => `${a.given} ${a.family}`)))];
const probes = [0, 0.25, 0.5, 0.75, 0.999].map((q) => names[Math.floor(q * (names.length - 1))]);
// Independent of the app: one author per distinct spelled name (the generator gives each person one spelling).
const distinctNames = new Set(items.flatMap((i) => i.author.map((a) => `${a.given.toLowerCase()}\u0000${a.family.toLowerCase()}`))).size;
const meta = {
  papers: items.length,
  distinctNames,
  authorships: items.reduce((n, i) => n + i.author.length, 0),
  authors: resolved.authors.size,
  megabytes: Math.round(text.length / 1e6),
  probes,
};
// The floor's input: the same graph as GEXF for the bare graphology + sigma page, where one string can hold it (V8's
// limit is about 512 M characters: past it neither this writer nor the bare page's Response.text() can make it).
let bare: { gexfMB: number; nodes: number; edges: number } | { unavailable: string };
try {
  const graph = buildGraph({ id: 'm', title: 'm', papers: parsed.papers, aliases: [] }, undefined, resolved);
  // Measured at 200k authorships: 147 MB of GEXF for 408k edges, ~360 characters an edge. Past V8's limit the writer
  // would only fill memory before failing (tried at 1M: over 7 GB), so the size is estimated first.
  const estimated = graph.size * 360;
  try {
    if (estimated > 500e6) throw new Error(`about ${Math.round(estimated / 1e6)} M characters (360 per edge), past the ~536 M a JS string can hold`);
    const gexf = writeGexf(graph);
    writeFileSync(join(out, 'graph.gexf'), gexf);
    bare = { gexfMB: Math.round(gexf.length / 1e6), nodes: graph.order, edges: graph.size };
  } catch (err) {
    bare = { unavailable: `the graph (${graph.order} nodes, ${graph.size} edges) does not fit one GEXF string: ${(err as Error).message}` };
  }
} catch (err) {
  bare = { unavailable: (err as Error).message };
}
writeFileSync(join(out, 'meta.json'), JSON.stringify({ ...meta, bare }));
console.log(JSON.stringify({ ...meta, bare }));
