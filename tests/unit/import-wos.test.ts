import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import { authorNodeId } from '../../src/graph/types';
import { detectFormat, parseInput } from '../../src/import';
import { decodeText } from '../../src/import/decode';
import { looksLikeWos, parseWos } from '../../src/import/wos';
import type { Dataset, Paper } from '../../src/model/types';
import { runTarget } from '../fuzz/harness';
import { FAST, mutatedText, SPECIAL } from '../fuzz/mutate';
import { checkParseResult, type Target } from '../fuzz/targets';

const fixturePath = (name: string) => path.resolve(import.meta.dirname, '../fixtures/import', name);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const dataset = (papers: Paper[]): Dataset => ({ id: 't', title: 't', papers, aliases: [] });
const authorNodes = (ds: Dataset) =>
  buildGraph(ds)
    .filterNodes((_n, a) => a.kind === 'author')
    .sort();
/** Accents and case folded, as a reader would compare two spellings. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .trim();
const byTitle = (papers: Paper[], start: string) => papers.find((p) => p.title.startsWith(start))!;
/** The test's own reading of a WoS address's country: last comma part, with WoS's two abbreviations undone. */
const countryOfAddress = (a: string) => {
  const last = a.slice(a.lastIndexOf(',') + 1).trim();
  return /USA$/.test(last) ? 'USA' : last === 'Peoples R China' ? 'China' : last;
};
const affiliationsOf = (papers: Paper[]) => new Set(papers.flatMap((p) => p.authors.flatMap((a) => a.affiliations ?? [])));
const countriesOf = (papers: Paper[]) => new Set(papers.flatMap((p) => p.authors.flatMap((a) => a.countries ?? [])));

/** An independent plain-text reader: record → tag → its lines (continuations as their own entries). */
function plainRecords(text: string): { line: number; tags: Map<string, string[]> }[] {
  const records: { line: number; tags: Map<string, string[]> }[] = [];
  let cur: { line: number; tags: Map<string, string[]> } | null = null;
  let tag = '';
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.startsWith('PT ')) records.push((cur = { line: i + 1, tags: new Map() }));
    if (!cur) return;
    if (l === 'ER') cur = null;
    else if (l.startsWith('   ')) cur.tags.get(tag)?.push(l.trim());
    else if (/^[A-Z][A-Z0-9]( |$)/.test(l)) {
      tag = l.slice(0, 2);
      cur.tags.set(tag, [...(cur.tags.get(tag) ?? []), l.slice(3).trim()]);
    }
  });
  return records;
}

/** C1 lines of a plain record as addresses: an address ends with a period at the end of a line. */
function plainAddresses(c1: string[]): string[] {
  const out: string[] = [];
  let acc = '';
  for (const l of c1) {
    acc = acc ? `${acc} ${l}` : l;
    if (acc.endsWith('.')) {
      out.push(acc.replace(/^\[[^\]]*\]\s*/, '').slice(0, -1));
      acc = '';
    }
  }
  return out;
}

describe('Web of Science plain text', () => {
  const text = fixture('wos-plain.txt');
  const r = parseInput(text, null, { fileName: 'savedrecs.txt' });
  const records = plainRecords(text);
  const kept = records.filter((rec) => rec.tags.get('TI')?.[0]);

  it('is detected as Web of Science, not profile text, with its .txt name', () => {
    expect(detectFormat(text, 'savedrecs.txt')).toBe('wos');
    expect(r.report.format).toBe('wos');
  });

  it('reads every record, skips the two without a title with their lines and excerpts', () => {
    expect(r.report.read).toBe(records.length);
    expect(r.papers).toHaveLength(kept.length);
    const untitled = records.filter((rec) => !rec.tags.get('TI')?.[0]);
    expect(untitled).toHaveLength(2);
    expect(r.report.skipped.map((s) => s.line)).toEqual(untitled.map((rec) => rec.line));
    expect(r.report.skipped[0].excerpt).toContain('Broken, A');
    expect(r.report.skipped[1].excerpt).toContain('not a field');
    expect(r.report.skipped[1].reason).toMatch(/no title.*2 line\(s\).*not fields/);
  });

  it('keeps every author position, in order, with full names turned to "First Last"', () => {
    const authorships = kept.reduce((n, rec) => n + (rec.tags.get('AU')?.length ?? 0), 0);
    expect(r.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(authorships);
    const first = r.papers[0];
    expect(first.authors.map((a) => a.name)).toEqual(['José Gómez', 'Jürgen Müller', 'Wei Zhang', 'Chidi N. Okafor']);
    expect(first.title).toBe('Coauthorship networks in computational linguistics: a longitudinal study of collaboration across continents');
    // Continuation lines are joined by one space.
    expect(first.abstract).toBe(
      'We study how researchers in computational linguistics collaborate across institutions and countries over three decades, using coauthorship ' +
        'networks built from bibliographic records.',
    );
  });

  it('fills the paper fields from their tags', () => {
    expect(r.papers[0]).toMatchObject({
      id: 'WOS:000625000100001',
      venue: 'JOURNAL OF INFORMETRICS',
      year: 2021,
      date: '2021-03-15',
      doi: '10.1016/j.joi.2021.101123',
      documentType: 'Article',
      citations: 17,
      ids: { wos: 'WOS:000625000100001', pmid: '33612345' },
      truncated: false,
    });
    const atlas = byTitle(r.papers, 'Measurement of the top quark');
    // "DI " is written with nothing after it: no DOI, no empty string.
    expect(atlas.doi).toBeUndefined();
    expect(atlas.date).toBe('2019-01'); // PD "JAN-FEB"
    expect(byTitle(r.papers, 'Graph neural').date).toBe('2020-06'); // PD "2020 JUN"
    expect(byTitle(r.papers, 'Protein folding').date).toBe('2021'); // no PD
    expect(r.papers[0].sources).toEqual(['savedrecs.txt (Web of Science record 1)']);
  });

  it('keeps group authors (CA) on the paper and never as people', () => {
    const atlas = byTitle(r.papers, 'Measurement of the top quark');
    expect(atlas.groupAuthors).toEqual(['ATLAS Collaboration']);
    expect(atlas.authors.map((a) => a.name)).toEqual(['Georges Aad', 'Brad Abbott']);
    expect(r.papers.flatMap((p) => p.authors).some((a) => /collaboration/i.test(a.name))).toBe(false);
  });

  it('gives each author the addresses whose brackets name them, and all addresses when C1 has no brackets', () => {
    const [gomez, muller, zhang, okafor] = r.papers[0].authors;
    expect(gomez.affiliations).toEqual(['Univ Barcelona, Fac Filol, E-08007 Barcelona, Spain']);
    // Named "Muller, Juergen" in one bracket and "Muller, Jurgen" in the other: both are him.
    expect(muller.affiliations).toEqual(['Univ Barcelona, Fac Filol, E-08007 Barcelona, Spain', 'Univ Oxford, Dept Stat, Oxford OX1 3LB, England']);
    expect(muller.countries).toEqual(['Spain', 'England']);
    // An address wrapped onto a second line is one address.
    expect(zhang.affiliations).toEqual(['Tsinghua Univ, Dept Comp Sci & Technol, Beijing 100084, Peoples R China']);
    expect(zhang.countries).toEqual(['China']);
    expect(okafor.countries).toEqual(['USA']);
    const atlas = byTitle(r.papers, 'Measurement of the top quark');
    for (const a of atlas.authors) expect(a.countries).toEqual(['Switzerland', 'USA']);
    // Short names in brackets ("[Li, J; Chen, W]") match too.
    for (const a of byTitle(r.papers, 'Contrastive').authors) expect(a.countries).toEqual(['China']);
  });

  it('counts distinct affiliations and countries as the C1 lines give them', () => {
    const addresses = kept.flatMap((rec) => plainAddresses(rec.tags.get('C1') ?? []));
    expect(affiliationsOf(r.papers)).toEqual(new Set(addresses));
    expect(affiliationsOf(r.papers).size).toBe(9);
    expect(countriesOf(r.papers)).toEqual(new Set(addresses.map(countryOfAddress)));
    expect(countriesOf(r.papers).size).toBe(6);
  });

  it('puts ORCIDs (OI) and ResearcherIDs (RI) on the authors they name, accents and case folded', () => {
    const [gomez, muller, zhang, okafor] = r.papers[0].authors;
    expect(gomez.externalId).toBe('orcid:0000-0002-1825-0097 rid:B-5678-2012');
    expect(muller.externalId).toBeUndefined();
    expect(zhang.externalId).toBe('rid:ABC-1234-2019');
    // OI writes "Okafor, Chidi", AF "Okafor, Chidi N.".
    expect(okafor.externalId).toBe('orcid:0000-0001-5109-3700');
    expect(r.report.warnings).toEqual([]);
  });

  it('two people with the same name and different ORCIDs are two nodes; the same ORCID with a ResearcherID is one', () => {
    // Independent count: distinct (folded full name, ORCID the OI field gives that exact name).
    const people = new Set<string>();
    for (const rec of kept) {
      const oi = (rec.tags.get('OI') ?? [])
        .join(' ')
        .split(';')
        .map((e) => e.split('/').map((s) => s.trim()));
      for (const af of rec.tags.get('AF') ?? []) people.add(`${fold(af)}|${oi.find(([n]) => fold(n) === fold(af))?.[1] ?? ''}`);
    }
    const ds = dataset(r.papers);
    expect(resolveDataset(ds).authors.size).toBe(people.size);
    expect(people.size).toBe(10);
    const nodes = authorNodes(ds);
    expect(nodes).toHaveLength(people.size);
    expect(nodes).toContain(authorNodeId('jing li#0000-0003-0000-0001'));
    expect(nodes).toContain(authorNodeId('jing li#0000-0002-9999-0002'));
    const li = resolveDataset(ds).authors.get('jing li#0000-0003-0000-0001')!;
    expect(li.paperIds).toEqual(['WOS:000560000300002', 'WOS:000870000500004']);
  });

  it('reads the same with Windows line ends and a BOM', () => {
    const crlf = parseInput(`\uFEFF${text.replace(/\n/g, '\r\n')}`, null, { fileName: 'savedrecs.txt' });
    expect(crlf.report.format).toBe('wos');
    expect(crlf.papers).toEqual(r.papers);
    expect(crlf.report.skipped).toEqual(r.report.skipped);
  });
});

describe('Web of Science tab-delimited', () => {
  const text = fixture('wos-tab.txt');
  const r = parseInput(text, null, { fileName: 'savedrecs.txt' });
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => l.trim());
  const header = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const cell = (row: string[], tag: string) => (row[header.indexOf(tag)] ?? '').trim();
  const keptRows = rows.filter((row) => cell(row, 'TI'));

  it('fixture is a real UTF-8 export: BOM, the 68-column header, a trailing tab', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(header.filter(Boolean)).toHaveLength(68);
    expect(lines[1].endsWith('\t')).toBe(true);
  });

  it('is detected as Web of Science, not CSV', () => {
    expect(detectFormat(text, 'savedrecs.txt')).toBe('wos');
    expect(detectFormat(text, 'savedrecs.tsv')).toBe('wos');
  });

  it('reads one record per row and skips the damaged row with its line', () => {
    expect(r.report.read).toBe(rows.length);
    expect(r.papers).toHaveLength(keptRows.length);
    const damaged = lines.findIndex((l) => l.startsWith('J\tDoe, J')) + 1;
    expect(r.report.skipped).toHaveLength(1);
    expect(r.report.skipped[0].line).toBe(damaged);
    expect(r.report.skipped[0].excerpt).toContain('Doe, Jane');
  });

  it('counts author positions as the AU cells give them, group authors left out', () => {
    const authorships = keptRows.reduce((n, row) => {
      const groups = new Set(
        cell(row, 'CA')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      return (
        n +
        cell(row, 'AU')
          .split(';')
          .map((s) => s.trim())
          .filter((a) => a && !groups.has(a)).length
      );
    }, 0);
    expect(r.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(authorships);
    const genome = byTitle(r.papers, 'Initial sequencing');
    expect(genome.authors.map((a) => a.name)).toEqual(['Eric S. Lander']);
    expect(genome.groupAuthors).toEqual(['Human Genome Sequencing Consortium']);
    // Quotes are text: the tab format has no quoting.
    expect(genome.title).toBe('Initial sequencing and analysis of a "reference" genome');
  });

  it('splits C1 at the semicolons between addresses, not those inside brackets', () => {
    const [nowak, orsted, fernandez] = r.papers[0].authors;
    expect(r.papers[0].authors.map((a) => a.name)).toEqual(['Zofia Nowak', 'Lars Ørsted', 'María Fernández-López']);
    expect(nowak.countries).toEqual(['Poland']);
    expect(orsted.affiliations).toEqual(['Tech Univ Denmark, Dept Appl Math & Comp Sci, DK-2800 Lyngby, Denmark']);
    expect(fernandez.countries).toEqual(['Poland', 'Spain']);
    const addresses = keptRows.flatMap((row) =>
      cell(row, 'C1')
        .split(/;\s*(?=\[)|;\s*(?![^[]*\])/)
        .map((a) => a.replace(/^\[[^\]]*\]\s*/, '').trim()),
    );
    expect(affiliationsOf(r.papers)).toEqual(new Set(addresses.filter(Boolean)));
    expect(countriesOf(r.papers)).toEqual(new Set(addresses.filter(Boolean).map(countryOfAddress)));
  });

  it('matches OI/RI names to authors whatever their case and accents', () => {
    const [nowak, orsted, fernandez] = r.papers[0].authors;
    expect(nowak.externalId).toBe('orcid:0000-0001-2345-6789'); // OI writes "nowak, zofia"
    expect(orsted.externalId).toBe('rid:AAB-9876-2020'); // RI writes "Orsted, Lars"
    expect(fernandez.externalId).toBe('orcid:0000-0002-3456-7890');
  });

  it('empty cells give no field; dates from PD, year from PD when PY is empty', () => {
    const note = byTitle(r.papers, 'Citation counts');
    expect(note.doi).toBeUndefined();
    expect(note.abstract).toBeUndefined();
    expect(note.citations).toBe(0);
    expect(note.date).toBe('2023');
    const open = byTitle(r.papers, 'Open bibliographic');
    expect(open).toMatchObject({ year: 2020, date: '2020-09', documentType: 'Proceedings Paper' });
    expect(byTitle(r.papers, 'Initial sequencing')).toMatchObject({ date: '2001-02-15', ids: { wos: 'WOS:000166984200054', pmid: '11237011' } });
  });

  it('two exports joined into one file: the second header is no record', () => {
    const body = text.replace(/^\uFEFF/, '');
    const joined = parseInput(`${body}${body}`, null);
    expect(joined.report.read).toBe(2 * rows.length);
    expect(joined.papers).toHaveLength(2 * keptRows.length);
  });

  it('the UTF-16 LE export (BOM, CRLF) decodes to the same text and reads the same', () => {
    const bytes = readFileSync(fixturePath('wos-tab-utf16.txt'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(text.replace(/^\uFEFF/, '').replace(/\n/g, '\r\n'));
    expect(detectFormat(decoded.text, 'savedrecs.txt')).toBe('wos');
    const r16 = parseInput(decoded.text, null, { fileName: 'savedrecs.txt' });
    expect(r16.papers).toEqual(r.papers);
    expect(r16.report.skipped).toEqual(r.report.skipped);
    // Read as UTF-8, as before, it would have been nothing.
    expect(detectFormat(readFileSync(fixturePath('wos-tab-utf16.txt'), 'utf8'), 'savedrecs.txt')).not.toBe('wos');
  });
});

describe('Web of Science detection', () => {
  it('other formats are not taken for Web of Science', () => {
    for (const name of ['sample.bib', 'sample.ris', 'sample.csv', 'sample.tsv', 'profile-shown.txt', 'csl.json']) {
      expect(
        looksLikeWos(
          fixture(name)
            .replace(/^\uFEFF/, '')
            .slice(0, 20000),
        ),
      ).toBe(false);
    }
  });
  it('a file cut down to its records (no FN/VR header) is still recognised', () => {
    const text = fixture('wos-plain.txt');
    expect(looksLikeWos(text.slice(text.indexOf('PT J')))).toBe(true);
  });
  it('a header with no record is read as nothing, with a reason', () => {
    const r = parseWos('FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n');
    expect(r.papers).toEqual([]);
    expect(r.report.fatal).toMatch(/No Web of Science records/);
  });
});

/** A plain-text record with `n` authors, written the way WoS writes one. */
function bigRecord(n: number, ut: string): string {
  const families = Array.from({ length: n }, (_, i) => `Author${i}`);
  const au = families.map((f, i) => `${i ? '   ' : 'AU '}${f}, ${String.fromCharCode(65 + (i % 26))}`);
  const af = families.map((f, i) => `${i ? '   ' : 'AF '}${f}, Given${i}`);
  const third = Math.ceil(n / 3);
  const group = (from: number, to: number) =>
    families
      .slice(from, to)
      .map((f, i) => `${f}, Given${from + i}`)
      .join('; ');
  const c1 = [
    `C1 [${group(0, third)}] Univ One, Dept A, Boston, MA 02115 USA.`,
    `   [${group(third, 2 * third)}] Univ Two, Dept B, Lyon, France.`,
    `   [${group(2 * third, n)}] Univ Three, Dept C, Beijing 100871, Peoples R China.`,
  ];
  const orcid = (i: number) => `0000-0001-${String(1000 + Math.floor(i / 10)).padStart(4, '0')}-${String(100 + i).slice(-3)}${i % 10}`;
  const oi = `OI ${families.map((f, i) => `${f}, Given${i}/${orcid(i)}`).join('; ')}`;
  return ['PT J', ...au, ...af, `TI Big collaboration paper ${ut}`, 'SO BIG JOURNAL', ...c1, oi, 'PY 2024', `UT ${ut}`, 'ER', ''].join('\n');
}

describe('Web of Science at scale', () => {
  it('a record with 150 authors keeps them all, in order, each with its address and ORCID', () => {
    const r = parseWos(`FN Clarivate Analytics Web of Science\nVR 1.0\n${bigRecord(150, 'WOS:000000000000001')}EF\n`);
    const authors = r.papers[0].authors;
    expect(authors).toHaveLength(150);
    expect(authors.map((a) => a.name)).toEqual(Array.from({ length: 150 }, (_, i) => `Given${i} Author${i}`));
    expect(new Set(authors.map((a) => a.externalId)).size).toBe(150);
    expect(authors.every((a) => a.externalId?.startsWith('orcid:') && a.affiliations?.length === 1)).toBe(true);
    expect(authors.filter((a) => a.countries?.[0] === 'USA')).toHaveLength(50);
    expect(authors[149].countries).toEqual(['China']);
  });

  it('a file of 2000 records reads whole', () => {
    const template = bigRecord(10, 'WOS:#');
    const records = Array.from({ length: 2000 }, (_, i) => template.replaceAll('WOS:#', `WOS:${String(i).padStart(15, '0')}`));
    const r = parseWos(`FN Clarivate Analytics Web of Science\nVR 1.0\n${records.join('')}EF\n`);
    expect(r.papers).toHaveLength(2000);
    expect(r.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(20000);
    expect(r.report.warnings).toEqual([]);
  });
});

describe('ResearcherIDs and short names', () => {
  it('the same short name with two ResearcherIDs is two people; a name with no id cannot be told apart and stays apart', () => {
    const rec = (ut: string, ri?: string) =>
      ['PT J', 'AU Silva, R', '   Costa, A', `TI Paper ${ut}`, ri ? `RI ${ri}` : '', `UT ${ut}`, 'ER'].filter(Boolean).join('\n');
    const records = [rec('WOS:1', 'Silva, R/K-4321-2015'), rec('WOS:2', 'Silva, R/M-1111-2018'), rec('WOS:3')];
    const text = ['FN Clarivate Analytics Web of Science', 'VR 1.0', ...records, 'EF'].join('\n');
    const r = parseWos(text);
    expect(r.papers.map((p) => p.authors[0].externalId)).toEqual(['rid:K-4321-2015', 'rid:M-1111-2018', undefined]);
    expect(authorNodes(dataset(r.papers))).toEqual(
      [authorNodeId('a costa'), authorNodeId('r silva'), authorNodeId('r silva#k-4321-2015'), authorNodeId('r silva#m-1111-2018')].sort(),
    );
  });
});

describe('ids and addresses that name no single author', () => {
  it('are given to nobody, with a warning: two authors of one paper with the same name never share an id', () => {
    const text = [
      'PT J',
      'AU Wang, W',
      '   Wang, W',
      '   Park, K',
      'AF Wang, Wei',
      '   Wang, Wei',
      '   Park, Kim',
      'TI Two namesakes',
      'C1 [Wang, Wei] Univ A, Seoul, South Korea.',
      '   [Park, Kim; Nobody, N] Univ B, Busan, South Korea.',
      'OI Wang, Wei/0000-0002-1825-0097; Stranger, S/0000-0001-5109-3700; Park, Kim/0000-0003-0000-0001',
      'ER',
    ].join('\n');
    const r = parseWos(text);
    const [w1, w2, park] = r.papers[0].authors;
    expect([w1.externalId, w2.externalId, park.externalId]).toEqual([undefined, undefined, 'orcid:0000-0003-0000-0001']);
    expect([w1.affiliations, w2.affiliations, park.affiliations]).toEqual([undefined, undefined, ['Univ B, Busan, South Korea']]);
    expect(r.report.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, '2 ORCID/ResearcherID entries name no single author of the record'],
      [1, '2 name(s) in the addresses (C1) match no single author of the record'],
    ]);
  });
});

describe('Web of Science under mutated input (seeded)', () => {
  const seeds = [fixture('wos-plain.txt'), fixture('wos-tab.txt'), decodeText(readFileSync(fixturePath('wos-tab-utf16.txt'))).text];
  const tokens = [
    'PT J\n',
    'ER\n',
    'EF\n',
    'FN x\nVR 1.0\n',
    'AU ',
    'AF ',
    'CA ',
    'TI ',
    'C1 [',
    '] ',
    '; ',
    ',',
    'OI ',
    'RI ',
    '/',
    '/0000-0002-1825-0097',
    '/A-1234-2010',
    '\n   ',
    '\t',
    'PD ',
    'PY ',
    'JAN',
    'USA',
    'Peoples R China',
  ];
  const titlesOf = (r: { papers: Paper[] }) => new Set(r.papers.map((p) => p.title));
  const targets: Target[] = [
    { name: 'wos', arbitrary: (o) => mutatedText(seeds, tokens, o), check: (t) => checkParseResult(parseInput(t, 'wos')) },
    ...(['plain', 'tab-delimited'] as const).map((kind, i): Target => ({
      name: `wos ${kind}: garbage after a good file keeps every record`,
      arbitrary: (o) => mutatedText(['', 'PT J\n', 'TI x\n', '\t'], [...tokens, ...SPECIAL], o),
      check: (garbage) => {
        const r = parseInput(`${seeds[i]}\n${garbage}`, 'wos');
        checkParseResult(r);
        const have = titlesOf(r);
        for (const t of titlesOf(parseInput(seeds[i], 'wos'))) if (!have.has(t)) throw new Error(`good record "${t}" lost`);
      },
    })),
  ];
  for (const target of targets) {
    it(`${target.name}: 25 mutated inputs, never throws, always a well-formed result`, () => {
      const stats = runTarget(target, 25, 13, FAST);
      expect(stats.failures.map((f) => `${f.error}\n  input: ${f.input}`)).toEqual([]);
    });
  }
});
