// What is fuzzed, from which seeds, and what must hold for every input.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseAclXml } from '../../src/import/acl';
import { parseBibtex } from '../../src/import/bibtex';
import { parseCsv } from '../../src/import/csv';
import { parseInput } from '../../src/import';
import { parseCslJson, parseOpenAlex } from '../../src/import/json';
import { parseProfileText } from '../../src/import/profileText';
import { parsePubmed } from '../../src/import/pubmed';
import { parseRis } from '../../src/import/ris';
import { parseScopusCsv } from '../../src/import/scopus';
import type { ParseResult } from '../../src/import/types';
import { parseWos } from '../../src/import/wos';
import { readGraphFile, type ReadResult } from '../../src/graphfile';
import { READ_LIMITS } from '../../src/graphfile/common';
import { createSnapshot, parseSnapshot, serializeSnapshot, validateSnapshot, type SnapshotResult } from '../../src/export/snapshot';
import { decodeShareLink, encodeShareLink, type DecodeResult } from '../../src/export/shareLink';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { sampleDataset } from '../fixtures/graphfile/sample';
import { mutatedText, type MutateOptions, SPECIAL, TOKENS } from './mutate';
import { pageAfterGraph, pageAfterPapers, pageAfterSnapshot } from './page';

const root = resolve(import.meta.dirname, '../..');
const fixture = (p: string) => readFileSync(resolve(root, 'tests/fixtures', p), 'utf8');

export class Violation extends Error {}
function must(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Violation(message);
}

const KINDS = new Set(['author', 'paper', 'affiliation']);

/** What every paper parser must return, whatever the input. */
export function checkParseResult(r: ParseResult): void {
  must(r && typeof r === 'object', 'result is not an object');
  must(Array.isArray(r.papers), 'papers is not an array');
  const rep = r.report;
  must(rep && typeof rep === 'object', 'no report');
  for (const k of ['read', 'imported'] as const) must(Number.isInteger(rep[k]) && rep[k] >= 0, `report.${k} = ${rep[k]}`);
  for (const k of ['skipped', 'warnings', 'duplicatesMerged', 'truncated', 'noAuthors', 'noYear'] as const)
    must(Array.isArray(rep[k]), `report.${k} not an array`);
  must(rep.imported === r.papers.length, `report.imported ${rep.imported} ≠ ${r.papers.length} papers`);
  if (rep.fatal !== undefined) {
    must(typeof rep.fatal === 'string' && rep.fatal.length > 0, 'empty fatal');
    must(r.papers.length === 0, 'papers with a fatal report');
  }
  const ids = new Set<string>();
  for (const p of r.papers) {
    must(typeof p.id === 'string' && p.id.length > 0, `paper id ${JSON.stringify(p.id)}`);
    must(!ids.has(p.id), `duplicate paper id ${p.id}`);
    ids.add(p.id);
    must(typeof p.title === 'string' && p.title.trim().length > 0, `paper ${p.id}: empty title`);
    must(Array.isArray(p.authors), `paper ${p.id}: authors not an array`);
    for (const a of p.authors) must(a && typeof a.name === 'string' && a.name.trim().length > 0, `paper ${p.id}: author without a name`);
    must(typeof p.truncated === 'boolean', `paper ${p.id}: truncated not boolean`);
    if (p.year !== undefined) must(Number.isFinite(p.year), `paper ${p.id}: year ${p.year}`);
    for (const k of ['venue', 'abstract', 'doi', 'arxiv', 'url', 'date'] as const)
      if (p[k] !== undefined) must(typeof p[k] === 'string', `paper ${p.id}: ${k} not a string`);
  }
  for (const s of rep.skipped) must(typeof s.reason === 'string', 'skipped record without a reason');
  // The open worker posts the result to the page: it must survive structured cloning.
  structuredClone(r);
}

export function checkGraphResult(r: ReadResult): void {
  must(r && typeof r === 'object' && typeof r.ok === 'boolean', 'no ok flag');
  if (!r.ok) {
    must(typeof r.error === 'string' && r.error.length > 0, 'refused without a message');
    return;
  }
  must(r.graph.order <= READ_LIMITS.maxNodes, 'too many nodes');
  r.graph.forEachNode((n, a) => {
    must(KINDS.has(a.kind), `node ${n}: kind ${a.kind}`);
    must(typeof a.label === 'string', `node ${n}: label not a string`);
    must(Number.isFinite(a.x) && Number.isFinite(a.y), `node ${n}: position ${a.x},${a.y}`);
    must(Number.isInteger(a.community) && a.community >= 0, `node ${n}: community ${a.community}`);
  });
  r.graph.forEachEdge((e, a) => must(Number.isFinite(a.weight) && a.weight > 0, `edge ${e}: weight ${a.weight}`));
  must(Array.isArray(r.warnings), 'warnings not an array');
  structuredClone({ graph: r.graph.export(), view: r.view, warnings: r.warnings });
}

export function checkSnapshotResult(r: SnapshotResult): void {
  must(r && typeof r.ok === 'boolean', 'no ok flag');
  if (!r.ok) {
    must(Array.isArray(r.errors) && r.errors.length > 0 && r.errors.every((e) => typeof e === 'string' && e.length > 0), 'refused without a message');
    return;
  }
  const again = validateSnapshot(JSON.parse(JSON.stringify(r.snapshot)));
  must(again.ok, `accepted snapshot fails re-validation: ${again.ok ? '' : again.errors[0]}`);
  for (const p of r.snapshot.dataset.papers) must(typeof p.title === 'string' && Array.isArray(p.authors), 'accepted paper with wrong types');
}

const REASONS = new Set(['no-snapshot', 'too-large', 'bad-encoding', 'invalid']);
export function checkShareResult(r: DecodeResult): void {
  must(r && typeof r.ok === 'boolean', 'no ok flag');
  if (!r.ok) {
    must(REASONS.has(r.reason), `unknown reason ${r.reason}`);
    must(r.errors.length > 0 && r.errors.every((e) => typeof e === 'string' && e.length > 0), 'refused without a message');
  } else checkSnapshotResult(r);
}

// ---------- seeds ----------

export function validSnapshot() {
  return createSnapshot({
    createdAt: '2025-01-02T03:04:05.000Z',
    dataset: sampleDataset(),
    options: { ...DEFAULT_BUILD_OPTIONS },
    merges: [{ from: 'A. Lovelace', to: 'Ada Lovelace' }],
    positions: { 'a:ada lovelace': [1.5, -2.25], 'p:p3': [0, 0] },
    camera: { x: 0.5, y: 0.5, ratio: 1.2, angle: 0 },
    filters: { minWeight: 2, communities: [0, 1], search: 'ada' },
    selection: { kind: 'author', key: 'ada lovelace' },
    theme: 'dark',
  });
}

/** Safe for the shared seed list: the sample dataset's TRICKY_LABEL holds <script>, which snapshots refuse. */
function cleanSnapshotText(): string {
  const s = validSnapshot();
  return serializeSnapshot(JSON.parse(JSON.stringify(s).replace(/<script>alert\(\\"x\\"\)<\/script>/g, 'x')));
}

export const SEEDS = {
  bibtex: ['import/sample.bib', 'import/e2e-library.bib', 'import/e2e-broken.bib'].map(fixture),
  ris: ['import/sample.ris'].map(fixture),
  cslJson: ['import/csl.json', 'import/e2e-library.csl.json'].map(fixture),
  openAlex: ['import/openalex.json'].map(fixture),
  csv: ['import/sample.csv', 'import/sample.tsv'].map(fixture),
  acl: ['hostile/acl-small.xml'].map(fixture),
  profile: ['import/profile-shown.txt'].map(fixture),
  wos: ['import/wos-plain.txt', 'import/wos-tab.txt'].map(fixture),
  scopus: ['import/scopus.csv'].map(fixture),
  pubmed: ['import/pubmed.nbib', 'import/pubmed.txt'].map(fixture),
  graph: [
    { name: 'gephi-1.2.gexf', text: fixture('graphfile/gephi-1.2.gexf') },
    { name: 'yed.graphml', text: fixture('graphfile/yed.graphml') },
    { name: 'vosviewer-map.json', text: fixture('graphfile/vosviewer-map.json') },
  ],
  get snapshot() {
    return [cleanSnapshotText()];
  },
  get shareLink() {
    const s = JSON.parse(cleanSnapshotText());
    const r = encodeShareLink(s, 1_000_000);
    if (!r.ok) throw new Error('seed share link too large');
    return [r.hash, `https://example.org/atlas/?x=1${r.hash}`];
  },
};

// ---------- structural JSON mutation ----------

const NASTY_VALUES: unknown[] = [
  null,
  '',
  0,
  -1,
  1e308,
  -0,
  true,
  [],
  {},
  [[]],
  { 'date-parts': 'x' },
  [null],
  [{}],
  '<script>window.__pwned=1</script>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\u202Eevil',
  '\u200B',
  'x'.repeat(5_000),
  { raw: 5 },
  { 'date-parts': [['2020', {}, null]] },
  { display_name: [] },
  ['a', 1, null],
  Number.MAX_SAFE_INTEGER + 2,
  'NaN',
];

function paths(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0): typeof out {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([value, i]);
      paths(v, out, depth + 1);
    });
  else
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, k]);
      paths(v, out, depth + 1);
    }
  return out;
}

/** A JSON seed with 1–4 values replaced by random or hostile ones (or removed). */
export function jsonMutated(seeds: string[]): fc.Arbitrary<string> {
  const replacement = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...NASTY_VALUES), fc.constant(undefined));
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), replacement), { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => {
      const value = JSON.parse(seed.replace(/^\uFEFF/, ''));
      for (const [at, v] of edits) {
        const ps = paths(value);
        if (!ps.length) break;
        const [parent, key] = ps[Math.min(ps.length - 1, Math.floor(at * ps.length))];
        if (v === undefined && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
        else (parent as Record<string | number, unknown>)[key] = v === undefined ? null : structuredClone(v);
      }
      return JSON.stringify(value);
    });
}

// ---------- targets ----------

export interface Target {
  name: string;
  arbitrary: (o: MutateOptions) => fc.Arbitrary<string>;
  /** Runs the code under test and checks its result; throws on a violation (or passes through an unhandled throw). */
  check: (input: string) => void;
  /** Smaller mutations for code that is slow on long runs (kept apart as a known cost, not fuzzed at full size). */
  limits?: Partial<MutateOptions>;
}

/** The BibTeX library is super-linear in the length of an unclosed record or long field: see tests/unit/hostile-huge.test.ts. */
const BIBTEX_LIMITS: Partial<MutateOptions> = { hugeMax: 4_000, deepMax: 4_000 };

const text = (seeds: string[], tokens: string[]) => (o: MutateOptions) => mutatedText(seeds, tokens, o);
const both = (seeds: string[], tokens: string[]) => (o: MutateOptions) =>
  fc.oneof({ arbitrary: mutatedText(seeds, tokens, o), weight: 3 }, { arbitrary: jsonMutated(seeds), weight: 2 });

/** A paper parser's result checked, then what the page runs on its papers. */
const onPage = (parse: (text: string) => ParseResult) => (text: string) => {
  const r = parse(text);
  checkParseResult(r);
  pageAfterPapers(r.papers);
};

/** Titles of a good file; used by the "good records are kept" properties. */
export const titles = (r: ParseResult) => new Set(r.papers.map((p) => p.title));

function keepsAll(before: ParseResult, after: ParseResult, what: string): void {
  const have = titles(after);
  for (const t of titles(before)) must(have.has(t), `${what}: good record "${t}" lost`);
}

const GARBAGE = (o: MutateOptions) =>
  fc.oneof(
    mutatedText(['', '@', '{', '}', 'TY  - '], Object.values(TOKENS).flat(), o),
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.array(fc.constantFrom(...SPECIAL, ...TOKENS.bibtex), { maxLength: 50 }).map((a) => a.join('')),
  );

const goodBib = fixture('import/e2e-library.bib');
const goodBibResult = parseBibtex(goodBib);
const goodRis = fixture('import/sample.ris');
const goodRisResult = parseRis(goodRis);
const goodCsv = fixture('import/sample.csv');
const goodCsvResult = parseCsv(goodCsv);
const goodCsl = JSON.parse(fixture('import/e2e-library.csl.json')) as unknown[];
const goodCslResult = parseCslJson(JSON.stringify(goodCsl));
const goodAcl = fixture('hostile/acl-small.xml');
const goodAclResult = parseAclXml(goodAcl);

export const TARGETS: Target[] = [
  { name: 'bibtex', arbitrary: text(SEEDS.bibtex, TOKENS.bibtex), check: onPage(parseBibtex), limits: BIBTEX_LIMITS },
  { name: 'ris', arbitrary: text(SEEDS.ris, TOKENS.ris), check: onPage(parseRis) },
  { name: 'csl-json', arbitrary: both(SEEDS.cslJson, TOKENS.json), check: onPage(parseCslJson) },
  { name: 'openalex', arbitrary: both(SEEDS.openAlex, TOKENS.json), check: onPage(parseOpenAlex) },
  { name: 'csv', arbitrary: text(SEEDS.csv, TOKENS.csv), check: onPage(parseCsv) },
  { name: 'acl-xml', arbitrary: text(SEEDS.acl, TOKENS.xml), check: onPage((t) => parseAclXml(t, { fileName: 'W99.xml' })) },
  { name: 'profile-text', arbitrary: text(SEEDS.profile, TOKENS.text), check: onPage((t) => parseProfileText(t, { referenceYear: 2025 })) },
  { name: 'wos', arbitrary: text(SEEDS.wos, TOKENS.wos), check: onPage(parseWos) },
  { name: 'scopus-csv', arbitrary: text(SEEDS.scopus, TOKENS.csv), check: onPage(parseScopusCsv) },
  { name: 'pubmed', arbitrary: text(SEEDS.pubmed, TOKENS.pubmed), check: onPage(parsePubmed) },
  {
    name: 'parseInput (auto-detect)',
    arbitrary: text(
      [...SEEDS.bibtex, ...SEEDS.ris, ...SEEDS.cslJson, ...SEEDS.openAlex, ...SEEDS.csv, ...SEEDS.acl, ...SEEDS.wos, ...SEEDS.scopus, ...SEEDS.pubmed],
      Object.values(TOKENS).flat(),
    ),
    check: onPage((t) => parseInput(t, null, { fileName: 'x.txt' })),
    limits: BIBTEX_LIMITS,
  },
  {
    name: 'graph files (GEXF, GraphML, VOSviewer)',
    arbitrary: (o) =>
      fc.oneof(
        {
          arbitrary: mutatedText(
            SEEDS.graph.map((g) => g.text),
            [...TOKENS.xml, ...TOKENS.json],
            o,
          ),
          weight: 3,
        },
        { arbitrary: jsonMutated([SEEDS.graph[2].text]), weight: 1 },
      ),
    check: (t) => {
      for (const name of ['file.gexf', 'file.graphml', 'map.json']) {
        const r = readGraphFile(t, name);
        checkGraphResult(r);
        pageAfterGraph(r);
      }
    },
  },
  {
    name: 'snapshot',
    arbitrary: both(SEEDS.snapshot, TOKENS.json),
    check: (t) => {
      const r = parseSnapshot(t);
      checkSnapshotResult(r);
      pageAfterSnapshot(r);
    },
  },
  {
    name: 'share link',
    arbitrary: (o) =>
      fc.oneof(
        mutatedText(SEEDS.shareLink, ['#s=', '&', 's=', '%', '=', '-', '_', '+', '/', 'A', '#'], { ...o, hugeMax: Math.min(o.hugeMax, 40_000) }),
        jsonMutated(SEEDS.snapshot).map((j) => {
          const r = encodeShareLink(JSON.parse(j), 1_000_000);
          return r.ok ? r.hash : '#s=';
        }),
      ),
    check: (t) => {
      const r = decodeShareLink(t);
      checkShareResult(r);
      if (r.ok) pageAfterSnapshot(r);
    },
  },
  // Good records of a damaged file are kept.
  {
    name: 'bibtex: garbage after a good file keeps every entry',
    arbitrary: GARBAGE,
    check: (g) => {
      const r = parseBibtex(`${goodBib}\n${g}`);
      checkParseResult(r);
      keepsAll(goodBibResult, r, 'bibtex+garbage');
    },
    limits: BIBTEX_LIMITS,
  },
  {
    name: 'bibtex: a broken record between entries keeps the others',
    arbitrary: (o) =>
      fc
        .tuple(
          fc.nat(),
          fc.oneof(
            GARBAGE(o),
            fc.constantFrom('@article{bad, title = {unclosed', '@article{bad, title = "unclosed', '@article{', '@string{x = {', '@comment{', '@preamble{"'),
          ),
        )
        .map((v) => JSON.stringify(v)),
    check: (input) => {
      const [n, g] = JSON.parse(input) as [number, string];
      const parts = goodBib.split(/\n(?=@)/);
      const i = 1 + (n % (parts.length - 1));
      // A record that opens a brace it never closes may swallow what follows up to the next line starting with "@".
      const r = parseBibtex([...parts.slice(0, i), `${g.replace(/\n@/g, '\n ')}\n`, ...parts.slice(i)].join('\n'));
      checkParseResult(r);
      keepsAll(goodBibResult, r, 'bibtex+broken record');
    },
    limits: BIBTEX_LIMITS,
  },
  {
    name: 'ris: garbage after a good file keeps every record',
    arbitrary: GARBAGE,
    check: (g) => {
      const r = parseRis(`${goodRis}\n${g}`);
      checkParseResult(r);
      keepsAll(goodRisResult, r, 'ris+garbage');
    },
  },
  {
    name: 'csv: garbage rows after a good file keep every row',
    arbitrary: GARBAGE,
    // Lone CRs are left out: papaparse picks the line ending by majority, so enough trailing "\r" re-splits the
    // whole file (a known issue, pinned in tests/unit/hostile-faults.test.ts).
    check: (g) => {
      const r = parseCsv(`${goodCsv.replace(/\s*$/, '')}\n${g.replace(/\r(?!\n)/g, '')}`);
      checkParseResult(r);
      keepsAll(goodCsvResult, r, 'csv+garbage');
    },
  },
  {
    name: 'csl-json: bad records among good ones keep the good ones',
    arbitrary: () =>
      fc.array(fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...NASTY_VALUES))), { minLength: 1, maxLength: 5 }).map((bad) => {
        const list: unknown[] = [...goodCsl];
        for (const [n, v] of bad) list.splice(n % (list.length + 1), 0, isGoodCsl(v) ? 'not a record' : v);
        return JSON.stringify(list);
      }),
    check: (t) => {
      const r = parseCslJson(t);
      checkParseResult(r);
      keepsAll(goodCslResult, r, 'csl-json+bad records');
    },
  },
  {
    name: 'acl-xml: a file cut or spoilt after a paper keeps the papers before',
    arbitrary: GARBAGE,
    check: (g) => {
      const cut = goodAcl.indexOf('</paper>', goodAcl.indexOf('Third Paper')) + '</paper>'.length;
      const r = parseAclXml(goodAcl.slice(0, cut) + g);
      checkParseResult(r);
      keepsAll(goodAclResult, r, 'acl+garbage');
    },
  },
];

/** A random JSON value that happens to be a complete CSL record would add a paper; not a failure, just skip it. */
function isGoodCsl(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { title?: unknown }).title === 'string';
}
