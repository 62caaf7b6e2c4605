// Structured big inputs for the cost budget: valid files of every format, grown where parsers and the page
// pay for size (many records, many authors, deep but valid nesting, long runs of one character in a field,
// repeated ids and titles, extreme numbers). A format is one line in BIG_FORMATS.
import fc from 'fast-check';
import { parseAclXml } from '../../src/import/acl';
import { parseBibtex } from '../../src/import/bibtex';
import { parseCsv } from '../../src/import/csv';
import { parseCslJson, parseOpenAlex } from '../../src/import/json';
import { parseProfileText } from '../../src/import/profileText';
import { parsePubmed } from '../../src/import/pubmed';
import { parseRis } from '../../src/import/ris';
import { parseScopusCsv } from '../../src/import/scopus';
import type { ParseResult } from '../../src/import/types';
import { parseWos } from '../../src/import/wos';

/** What a big input looks like, whatever its format. */
export interface Shape {
  records: number;
  authors: number;
  /** Affiliations per author. */
  affiliations: number;
  /** A run of `runChar`, `run` long, in `runField` of every record. */
  run: number;
  runChar: string;
  runField: 'title' | 'author' | 'venue' | 'abstract' | 'id';
  /** Every record has the same id / title / author list. */
  sameIds: boolean;
  sameTitles: boolean;
  sameAuthors: boolean;
  /** Used as the year (and as weights and positions in graph files). */
  extreme: number;
  /** Valid nesting (braces, markup, arrays, hierarchy), this deep. */
  depth: number;
  /** Hyperauthor cap a snapshot carries (within the UI's range). */
  cap: number;
}

export const EXTREMES = [2020, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 99_999_999_999, 1e15, 9999, 1.5];
/** Characters a run is made of: each one is special to some format. */
export const RUN_CHARS = ['a', ' ', '{', '}', '"', '\\', ',', ';', '<', '&', '-', '\n', '@', '.', '|', '0', 'é', '\u00A0', '\t'];

/** Shapes whose inputs stay near `maxChars` at most (sizes are estimated, then the shape is scaled down). */
export function shapes(maxChars: number): fc.Arbitrary<Shape> {
  return fc
    .record({
      records: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20_000 })),
      authors: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 12_000 })),
      affiliations: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 200 })),
      run: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1_000_000 })),
      runChar: fc.constantFrom(...RUN_CHARS),
      runField: fc.constantFrom<Shape['runField']>('title', 'author', 'venue', 'abstract', 'id'),
      sameIds: fc.boolean(),
      sameTitles: fc.boolean(),
      sameAuthors: fc.boolean(),
      extreme: fc.constantFrom(...EXTREMES),
      depth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5_000 })),
      cap: fc.oneof(fc.constant(25), fc.integer({ min: 2, max: 10_000 })),
    })
    .map((s) => fit(s, maxChars));
}

/** Rough characters per record: ~24 per author (and affiliation), the run, the nesting, ~80 of fields. */
const estimate = (s: Shape) => s.records * (80 + s.run + 12 * s.depth + s.authors * (24 + 30 * s.affiliations));

function fit(s: Shape, maxChars: number): Shape {
  const out = { ...s };
  // Shrink the biggest factor until the estimate fits; runs and nesting are per record, so they go first.
  while (estimate(out) > maxChars) {
    if (out.run * out.records > maxChars / 2) out.run = Math.floor(out.run / 2);
    else if (12 * out.depth * out.records > maxChars / 2) out.depth = Math.floor(out.depth / 2);
    else if (out.affiliations > 1 && out.affiliations * out.authors > 4) out.affiliations = Math.floor(out.affiliations / 2);
    else if (out.records > 1 && out.records >= out.authors) out.records = Math.floor(out.records / 2);
    else if (out.authors > 1) out.authors = Math.floor(out.authors / 2);
    else if (out.records > 1) out.records = Math.floor(out.records / 2);
    else break;
  }
  return out;
}

// ---------- the fields of record i ----------

const run = (s: Shape, field: Shape['runField']) => (s.runField === field && s.run ? s.runChar.repeat(s.run) : '');
/** Text without the format's own specials for fields where a run is not wanted. */
const id = (s: Shape, i: number) => `r${s.sameIds ? 0 : i}${run(s, 'id').replace(/[^a-z0-9]/gi, 'x')}`;
const title = (s: Shape, i: number) => `Title ${s.sameTitles ? 0 : i}${run(s, 'title')}`;
const venue = (s: Shape) => `Venue${run(s, 'venue')}`;
const abstract = (s: Shape) => `Abstract${run(s, 'abstract')}`;
const given = (s: Shape, i: number, j: number) => `G${s.sameAuthors ? j : i * 7919 + j}`;
const family = (s: Shape, j: number) => `Family${j % 97}${j === 0 ? run(s, 'author') : ''}`;
const affs = (s: Shape, j: number) => Array.from({ length: s.affiliations }, (_, k) => `Institute ${(j + k) % 50}, Germany`);
const each = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const people = (s: Shape, i: number) => each(s.authors, (j) => ({ given: given(s, i, j), family: family(s, j), affiliations: affs(s, j) }));
const num = (n: number) => String(n);
const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const csv = (t: string) => `"${t.replace(/"/g, '""')}"`;
/** A field with nothing that ends it early: no newlines (line formats). */
const oneLine = (t: string) => t.replace(/[\r\n]/g, ' ');

// ---------- formats ----------

function bibtex(s: Shape): string {
  const open = '{'.repeat(s.depth);
  const close = '}'.repeat(s.depth);
  // Braces in a braced field must balance: a run of "{" or "}" is written as a balanced pair.
  const braced = (t: string) => t.replace(/[{}]/g, '').replace(/\\/g, '') + (/[{}]/.test(t) ? '{}'.repeat(Math.min(s.run, 10_000)) : '');
  return each(s.records, (i) =>
    [
      `@article{${id(s, i)},`,
      `  author = {${people(s, i)
        .map((p) => braced(`${p.family}, ${p.given}`))
        .join(' and ')}},`,
      `  title = {${open}${braced(title(s, i))}${close}},`,
      `  journal = {${braced(venue(s))}},`,
      `  year = {${num(s.extreme)}},`,
      `  abstract = {${braced(abstract(s))}}`,
      '}',
    ].join('\n'),
  ).join('\n\n');
}

function ris(s: Shape): string {
  return each(s.records, (i) =>
    [
      'TY  - JOUR',
      `ID  - ${oneLine(id(s, i))}`,
      ...people(s, i).flatMap((p) => [`AU  - ${oneLine(`${p.family}, ${p.given}`)}`, ...p.affiliations.map((a) => `AD  - ${a}`)]),
      `TI  - ${oneLine(title(s, i))}`,
      `T2  - ${oneLine(venue(s))}`,
      `PY  - ${num(s.extreme)}`,
      `AB  - ${oneLine(abstract(s))}`,
      'ER  - ',
    ].join('\n'),
  ).join('\n');
}

const nest = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let d = 0; d < depth; d++) v = [v];
  return v;
};

function cslJson(s: Shape): string {
  return JSON.stringify(
    each(s.records, (i) => ({
      id: id(s, i),
      type: 'article-journal',
      title: title(s, i),
      'container-title': venue(s),
      abstract: abstract(s),
      author: people(s, i).map((p) => ({ family: p.family, given: p.given })),
      issued: { 'date-parts': [[s.extreme]] },
      note: nest(Math.min(s.depth, 900), 'deep'),
    })),
  );
}

function openAlex(s: Shape): string {
  return JSON.stringify({
    meta: { count: s.records },
    results: each(s.records, (i) => ({
      id: `https://openalex.org/W${s.sameIds ? 1 : i + 1}`,
      title: title(s, i),
      publication_year: s.extreme,
      primary_location: { source: { display_name: venue(s) } },
      authorships: people(s, i).map((p, j) => ({
        author_position: j === 0 ? 'first' : 'middle',
        author: { id: `https://openalex.org/A${s.sameAuthors ? j + 1 : i * 100_000 + j + 1}`, display_name: `${p.given} ${p.family}` },
        institutions: p.affiliations.map((a, k) => ({ id: `https://openalex.org/I${k + 1}`, display_name: a, country_code: 'DE' })),
        raw_affiliation_strings: p.affiliations,
      })),
      abstract_inverted_index: { Abstract: [0], [`w${run(s, 'abstract').slice(0, 1000)}`]: [1] },
      extra: nest(Math.min(s.depth, 900), 0),
    })),
  });
}

function csvFile(s: Shape): string {
  const rows = each(s.records, (i) => {
    const ps = people(s, i);
    const names = ps.map((p) => `${p.family}, ${p.given}`).join('; ');
    return [title(s, i), names, num(s.extreme), venue(s), `10.1/${id(s, i)}`, ps.flatMap((p) => p.affiliations).join('; ')].map(csv).join(',');
  });
  return ['Title,Authors,Year,Source title,DOI,Affiliations', ...rows].join('\n');
}

function acl(s: Shape): string {
  const open = '<i>'.repeat(Math.min(s.depth, 500));
  const close = '</i>'.repeat(Math.min(s.depth, 500));
  const papers = each(s.records, (i) =>
    [
      `<paper id="${i + 1}">`,
      `<title>${open}${xml(title(s, i))}${close}</title>`,
      ...people(s, i).map((p) => `<author><first>${xml(p.given)}</first><last>${xml(p.family)}</last></author>`),
      `<abstract>${xml(abstract(s))}</abstract>`,
      `<url>W99-${String(i + 1).padStart(4, '0')}</url>`,
      '</paper>',
    ].join(''),
  );
  const meta = `<meta><booktitle>${xml(venue(s))}</booktitle><year>${num(s.extreme)}</year></meta>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<collection id="W99"><volume id="1">${meta}${papers.join('\n')}</volume></collection>`;
}

function profile(s: Shape): string {
  const head = ['Some Person', 'LG', 'h-index25', `${s.records}papers`, '16,701citations', 'Novelty56%', 'AI Score53', ''];
  const papers = each(s.records, (i) =>
    [
      'LG',
      'Jul 31, 2024',
      oneLine(title(s, i)),
      people(s, i)
        .map((p) => oneLine(`${p.given} ${p.family}`).replace(/,/g, ' '))
        .join(', ') || 'Anon Ymous',
      oneLine(abstract(s)),
      '',
    ].join('\n'),
  );
  return [...head, ...papers].join('\n');
}

/** Authors of the whole input as graph nodes, coauthors of one record as edges. */
function graphOf(s: Shape): { nodes: string[]; edges: [number, number][] } {
  const nodes = each(Math.max(2, s.authors), (j) => `${family(s, j)} ${j}`);
  const edges: [number, number][] = [];
  for (let i = 0; i < s.records; i++) edges.push([i % nodes.length, (i * 7 + 1) % nodes.length]);
  return { nodes, edges };
}

function gexf(s: Shape): string {
  const { nodes, edges } = graphOf(s);
  const depth = Math.min(s.depth, 500);
  // Hierarchical GEXF: nodes inside nodes, `depth` levels.
  const deep = `${each(depth, (d) => `<node id="d${d}"><nodes>`).join('')}${'</nodes></node>'.repeat(depth)}`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">' +
    '<graph defaultedgetype="undirected">' +
    `<nodes>${nodes.map((label, i) => `<node id="n${i}" label="${xml(label)}"><viz:position x="${s.extreme}" y="1"/></node>`).join('')}${deep}</nodes>` +
    `<edges>${edges.map(([a, b], i) => `<edge id="e${s.sameIds ? 0 : i}" source="n${a}" target="n${b}" weight="${s.extreme}"/>`).join('')}</edges>` +
    '</graph></gexf>'
  );
}

function graphml(s: Shape): string {
  const { nodes, edges } = graphOf(s);
  const depth = Math.min(s.depth, 500);
  const deep = `${'<graph edgedefault="undirected"><node id="deep">'.repeat(depth)}${'</node></graph>'.repeat(depth)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">` +
    '<key id="label" for="node" attr.name="label" attr.type="string"/><key id="x" for="node" attr.name="x" attr.type="double"/>' +
    '<key id="w" for="edge" attr.name="weight" attr.type="double"/><graph id="G" edgedefault="undirected">' +
    nodes.map((label, i) => `<node id="n${i}"><data key="label">${xml(label)}</data><data key="x">${s.extreme}</data></node>`).join('') +
    (depth ? `<node id="holder">${deep}</node>` : '') +
    edges.map(([a, b]) => `<edge source="n${a}" target="n${b}"><data key="w">${s.extreme}</data></edge>`).join('') +
    '</graph></graphml>'
  );
}

function vosviewer(s: Shape): string {
  const { nodes, edges } = graphOf(s);
  const finite = Number.isFinite(s.extreme) ? s.extreme : 1;
  return JSON.stringify({
    config: { deep: nest(Math.min(s.depth, 900), 1) },
    network: {
      items: nodes.map((label, i) => ({ id: i, label, x: finite, y: 0, cluster: 1 + (i % 5), weights: { Documents: 1 } })),
      links: edges.map(([a, b]) => ({ source_id: a, target_id: b, strength: Math.abs(finite) })),
    },
  });
}

function snapshot(s: Shape): string {
  const papers = each(s.records, (i) => ({
    id: id(s, i),
    title: title(s, i),
    authors: people(s, i).map((p) => ({ name: `${p.given} ${p.family}`, affiliations: p.affiliations })),
    truncated: false,
    ...(Number.isInteger(s.extreme) && s.extreme >= 0 && s.extreme <= 9999 ? { year: s.extreme } : {}),
    venue: venue(s),
    abstract: abstract(s),
  }));
  return JSON.stringify({
    format: 'coauthor-atlas-snapshot',
    version: 1,
    createdAt: '2025-01-02T03:04:05.000Z',
    dataset: { id: 'big', title: 'Big', papers, aliases: [] },
    options: { hyperauthorCap: s.cap, counting: 'full', allPapersAsHubs: false, includeAffiliations: true, seed: 42 },
    filters: { deep: nest(Math.min(s.depth, 6), 1) },
  });
}

/** Web of Science tagged text (FN/VR header; PT, AU/AF, C1, TI, SO, PY, AB, ER per record; EF). */
function wos(s: Shape): string {
  const cont = (tag: string, values: string[]) => values.map((v, k) => `${k === 0 ? tag : '  '} ${oneLine(v)}`);
  return [
    'FN Clarivate Analytics Web of Science',
    'VR 1.0',
    ...each(s.records, (i) =>
      [
        'PT J',
        ...cont(
          'AU',
          people(s, i).map((p) => `${p.family}, ${p.given}`),
        ),
        ...cont(
          'AF',
          people(s, i).map((p) => `${p.family}, ${p.given}`),
        ),
        ...cont(
          'C1',
          people(s, i).flatMap((p) => p.affiliations.map((a) => `[${p.family}, ${p.given}] ${a}`)),
        ),
        `TI ${oneLine(title(s, i))}`,
        `SO ${oneLine(venue(s))}`,
        `PY ${num(s.extreme)}`,
        `AB ${oneLine(abstract(s))}`,
        `UT WOS:${String(s.sameIds ? 1 : i + 1).padStart(15, '0')}`,
        'ER',
        '',
      ].join('\n'),
    ),
    'EF',
  ].join('\n');
}

/**
 * Scopus CSV export, the columns the parser reads in the export's order: Authors ("Family I."), Author full names
 * ("Family, Given (id)"), Author(s) ID, Title, Year, Source title, Link (with the EID), Affiliations (the paper's,
 * each once) and Authors with affiliations ("Family I., Aff 1, Aff 2; …").
 */
function scopus(s: Shape): string {
  const rows = each(s.records, (i) => {
    const ps = people(s, i);
    const short = ps.map((p) => `${p.family} ${p.given[0]}.`);
    const ids = ps.map((_, j) => String(57_000_000_000 + (s.sameAuthors ? j : i * 7919 + j)));
    const full = ps.map((p, j) => `${p.family}, ${p.given} (${ids[j]})`).join('; ');
    const link = `https://www.scopus.com/inward/record.uri?eid=2-s2.0-${s.sameIds ? 1 : i + 1}&partnerID=40`;
    const withAffs = ps.map((p, j) => [short[j], ...p.affiliations].join(', ')).join('; ');
    return [
      short.join('; '),
      full,
      ids.join('; '),
      title(s, i),
      num(s.extreme),
      venue(s),
      link,
      [...new Set(ps.flatMap((p) => p.affiliations))].join('; '),
      withAffs,
    ]
      .map(csv)
      .join(',');
  });
  return ['Authors,Author full names,Author(s) ID,Title,Year,Source title,Link,Affiliations,Authors with affiliations', ...rows].join('\n');
}

/** PubMed MEDLINE text (PMID, TI, FAU/AU, AD, DP, TA, AB; records separated by a blank line). */
function pubmed(s: Shape): string {
  return each(s.records, (i) =>
    [
      `PMID- ${s.sameIds ? 1 : i + 1}`,
      `TI  - ${oneLine(title(s, i))}`,
      ...people(s, i).flatMap((p) => [
        `FAU - ${oneLine(`${p.family}, ${p.given}`)}`,
        `AU  - ${oneLine(`${p.family} ${p.given[0]}`)}`,
        ...p.affiliations.map((a) => `AD  - ${a}`),
      ]),
      `DP  - ${num(s.extreme)}`,
      `TA  - ${oneLine(venue(s))}`,
      `AB  - ${oneLine(abstract(s))}`,
    ].join('\n'),
  ).join('\n\n');
}

/** How a format's text is read: a paper parser, a graph file reader (with a file name), or a snapshot. */
export type Reader = { papers: (text: string) => ParseResult } | { graph: string } | { snapshot: true };

export interface BigFormat {
  name: string;
  render: (s: Shape) => string;
  read: Reader;
}

/** Every format the budget runs, one line each: its name, how a shape is written in it, how it is read. */
export const BIG_FORMATS: BigFormat[] = [
  { name: 'bibtex', render: bibtex, read: { papers: (t) => parseBibtex(t) } },
  { name: 'ris', render: ris, read: { papers: (t) => parseRis(t) } },
  { name: 'csl-json', render: cslJson, read: { papers: (t) => parseCslJson(t) } },
  { name: 'openalex', render: openAlex, read: { papers: (t) => parseOpenAlex(t) } },
  { name: 'csv', render: csvFile, read: { papers: (t) => parseCsv(t) } },
  { name: 'acl-xml', render: acl, read: { papers: (t) => parseAclXml(t, { fileName: 'W99.xml' }) } },
  { name: 'profile-text', render: profile, read: { papers: (t) => parseProfileText(t, { referenceYear: 2025 }) } },
  { name: 'wos', render: wos, read: { papers: (t) => parseWos(t) } },
  { name: 'scopus', render: scopus, read: { papers: (t) => parseScopusCsv(t) } },
  { name: 'pubmed', render: pubmed, read: { papers: (t) => parsePubmed(t) } },
  { name: 'gexf', render: gexf, read: { graph: 'big.gexf' } },
  { name: 'graphml', render: graphml, read: { graph: 'big.graphml' } },
  { name: 'vosviewer', render: vosviewer, read: { graph: 'big.json' } },
  { name: 'snapshot', render: snapshot, read: { snapshot: true } },
];
