/**
 * Writes the browser benchmark's inputs into a folder: the ACL Anthology 2019 graph as GEXF (with the
 * seeded starting positions, so both pages draw the same picture without a layout) and its papers as
 * CSL-JSON. Falls back to a synthetic 100k-authorship bibliography where the ACL data is absent.
 * Usage: node --import tsx tests/bench/make-data.ts OUT_DIR
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAclFiles, parseNameVariantsYaml } from '../../src/import/acl';
import { parseInput } from '../../src/import';
import { buildGraph } from '../../src/graph/build';
import { writeGexf } from '../../src/export/gexf';
import { toCslJson } from '../../src/export/bibliography';
import type { Dataset } from '../../src/model/types';
import { syntheticItems } from './synthetic';

const out = resolve(process.argv[2] ?? 'test-results/bench-data');
mkdirSync(out, { recursive: true });
const aclDir = resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019');

let dataset: Dataset;
const synthetic = Number(process.env.BENCH_SYNTHETIC) || 0;
if (!synthetic && existsSync(join(aclDir, 'xml'))) {
  const files = readdirSync(join(aclDir, 'xml'))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ name: f, text: readFileSync(join(aclDir, 'xml', f), 'utf8') }));
  const r = parseAclFiles(files);
  dataset = {
    id: 'acl-2019',
    title: 'ACL Anthology 2019',
    papers: r.papers,
    aliases: parseNameVariantsYaml(readFileSync(join(aclDir, 'yaml/name_variants.yaml'), 'utf8')),
  };
} else {
  const n = synthetic || 100_000;
  if (!synthetic) console.log('ACL data absent: the browser benchmark uses a synthetic 100k-authorship bibliography.');
  const r = parseInput(JSON.stringify(syntheticItems(n)), 'csl-json');
  dataset = { id: `synthetic-${n}`, title: `Synthetic ${n.toLocaleString('en-US')} authorships`, papers: r.papers, aliases: [] };
}
const graph = buildGraph(dataset);
writeFileSync(join(out, 'graph.gexf'), writeGexf(graph));
writeFileSync(join(out, 'papers.csl.json'), JSON.stringify(toCslJson(dataset.papers)));
writeFileSync(join(out, 'meta.json'), JSON.stringify({ title: dataset.title, papers: dataset.papers.length, nodes: graph.order, edges: graph.size }));
console.log(`${dataset.title}: ${graph.order} nodes, ${graph.size} edges → ${out}`);
