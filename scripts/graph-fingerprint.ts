/**
 * Fingerprints of what the parser and buildGraph produce, to check that a performance change keeps
 * the output: `node --import tsx scripts/graph-fingerprint.ts [out.json]` prints (and writes) SHA-256
 * hashes of `JSON.stringify(buildGraph(...).export())` for the embedded datasets under several options,
 * of the ACL Anthology parse result, and the ACL graph's node/edge/community counts. Compare two runs
 * with `diff`. Uses ../shared/datasets/acl-anthology-2019 when present.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGraph } from '../src/graph/build';
import { parseAclFiles, parseNameVariantsYaml } from '../src/import/acl';
import type { BuildOptions } from '../src/graph/types';
import type { Dataset } from '../src/model/types';

const root = resolve(import.meta.dirname, '..');
const aclDir = resolve(root, '../shared/datasets/acl-anthology-2019');
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const out: Record<string, unknown> = {};

const variants: [string, Partial<BuildOptions>][] = [
  ['default', {}],
  ['fractional', { counting: 'fractional' }],
  ['all-hubs', { allPapersAsHubs: true }],
  ['cap-3-no-affiliations', { hyperauthorCap: 3, includeAffiliations: false }],
  ['seed-7', { seed: 7 }],
];
for (const file of ['profile-full.json', 'profile-shown.json']) {
  const dataset = JSON.parse(readFileSync(join(root, 'data', file), 'utf8')) as Dataset;
  for (const [name, opts] of variants) {
    const g = buildGraph(dataset, opts);
    out[`${file} ${name}`] = `${g.order} nodes ${g.size} edges ${g.getAttribute('communityCount')} communities ${sha(JSON.stringify(g.export()))}`;
  }
}

if (existsSync(join(aclDir, 'xml'))) {
  const files = readdirSync(join(aclDir, 'xml'))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(aclDir, 'xml', name), 'utf8') }));
  const r = parseAclFiles(files);
  out['acl parse'] = sha(JSON.stringify({ papers: r.papers, report: r.report, parts: [...r.authorParts] }));
  const aliases = parseNameVariantsYaml(readFileSync(join(aclDir, 'yaml/name_variants.yaml'), 'utf8'));
  const dataset: Dataset = { id: 'acl', title: 'ACL', papers: r.papers, aliases };
  for (const [name, opts] of variants.slice(0, 2)) {
    const g = buildGraph(dataset, opts);
    out[`acl ${name}`] = `${g.order} nodes ${g.size} edges ${g.getAttribute('communityCount')} communities ${sha(JSON.stringify(g.export()))}`;
  }
}
const text = JSON.stringify(out, null, 1);
console.log(text);
if (process.argv[2]) writeFileSync(process.argv[2], text);
