// Scopus exports (CSV, BibTeX, RIS) on fixtures written from Scopus's export formats; counts are checked against
// plain computations on the fixture text (papaparse's own reading, string splits), not against the parser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import { authorNodeId } from '../../src/graph/types';
import { detectFormat, parseInput } from '../../src/import';
import { parseScopusCsv } from '../../src/import/scopus';
import type { Dataset, Paper } from '../../src/model/types';
import { repoRoot } from './helpers';

const fixture = (name: string) => readFileSync(resolve(repoRoot, 'tests/fixtures/import', name), 'utf8');
const CSV = fixture('scopus.csv');
const BIB = fixture('scopus.bib');
const RIS = fixture('scopus.ris');
const dataset = (papers: Paper[]): Dataset => ({ id: 'scopus', title: 'scopus', papers, aliases: [] });

/** The fixture's rows as papaparse reads them by itself (header row → objects). */
const table = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const idsOf = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s));
/** "Li, Shan (57190000001)" → "Shan Li". */
const fullToName = (entry: string) => {
  const [last, first] = entry
    .replace(/\s*\(\d+\)\s*$/, '')
    .split(',')
    .map((s) => s.trim());
  return `${first} ${last}`;
};
/** 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const authorNodes = (papers: Paper[]) => {
  const g = buildGraph(dataset(papers));
  return g
    .filterNodes((_n, a) => a.kind === 'author')
    .sort()
    .map((n) => ({ id: n, label: g.getNodeAttribute(n, 'label') }));
};

const TUM = 'Institut für Informatik, Technische Universität München, Garching, Germany';
const TSINGHUA = 'Department of Computer Science and Technology, Tsinghua University, Beijing, China';

describe('detection', () => {
  it('the Scopus CSV is scopus-csv (not generic csv), with or without BOM and file name; its BibTeX and RIS are bibtex and ris', () => {
    expect(CSV.charCodeAt(0)).toBe(0xfeff);
    expect(detectFormat(CSV, 'scopus.csv')).toBe('scopus-csv');
    expect(detectFormat(CSV.slice(1))).toBe('scopus-csv');
    expect(detectFormat(BIB, 'scopus.bib')).toBe('bibtex');
    expect(detectFormat(RIS, 'scopus.ris')).toBe('ris');
    expect(detectFormat(fixture('sample.csv'), 'sample.csv')).toBe('csv');
    expect(detectFormat('Title,Authors,Year\nA,B,2020\n', 'x.csv')).toBe('csv');
  });
});

describe('Scopus CSV', () => {
  const rows = table(CSV);
  const titled = rows.filter((r) => r.Title.trim());
  const r = parseInput(CSV, null, { fileName: 'scopus.csv' });
  const byEid = new Map(r.papers.map((p) => [p.ids?.scopus, p]));

  it('reads every titled row and skips the one without a title, naming its line', () => {
    expect(r.report.format).toBe('scopus-csv');
    expect(r.report.fatal).toBeUndefined();
    expect(r.report.read).toBe(rows.length);
    expect(r.papers.map((p) => p.title)).toEqual(titled.map((row) => row.Title));
    expect(r.report.skipped).toHaveLength(rows.length - titled.length);
    // The damaged row comes after a quoted abstract with a line break: its line is not its row number + 1.
    expect(r.report.skipped[0]).toMatchObject({ line: lineOf(CSV, '"Doe J."'), reason: 'row has no title' });
    expect(r.report.skipped[0].line).toBe(5);
    expect(r.report.warnings).toEqual([]);
  });

  it('one author per Scopus id, in order, with the id as scopus:<id> and the full name as name', () => {
    for (const row of titled) {
      const p = byEid.get(row.EID)!;
      const ids = idsOf(row['Author(s) ID']);
      expect(p.authors.map((a) => a.externalId)).toEqual(ids.map((id) => `scopus:${id}`));
      const full = row['Author full names']
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      expect(p.authors.map((a) => a.name)).toEqual(full.map(fullToName));
    }
    const positions = titled.reduce((n, row) => n + idsOf(row['Author(s) ID']).length, 0);
    expect(r.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(positions);
    expect(r.papers.find((p) => p.title.startsWith('Análisis'))!.authors.map((a) => a.name)).toEqual(['Song Li', 'Jürgen Müller', 'Marie-Ève Côté']);
  });

  it('keeps the paper fields: year, venue, DOI, EID, PubMed id, cited by, document type; drops "[No abstract available]"', () => {
    for (const row of titled) {
      const p = byEid.get(row.EID)!;
      expect(p.year).toBe(Number(row.Year));
      expect(p.venue).toBe(row['Source title']);
      expect(p.doi).toBe(row.DOI || undefined);
      expect(p.documentType).toBe(row['Document Type']);
      expect(p.citations).toBe(row['Cited by'] === '' ? undefined : Number(row['Cited by']));
      expect(p.ids?.pmid).toBe(row['PubMed ID'] || undefined);
      expect(p.url).toBe(row.Link);
    }
    const first = r.papers[0];
    // A quoted cell with commas, doubled quotes and a line break.
    expect(first.title).toBe('Coauthor networks, revisited: a "weighted" view');
    expect(first.abstract).toBe('We study "coauthor" graphs built from bibliographic exports. A second paragraph, with commas, follows. © 2021 Elsevier Ltd');
    const noDoi = byEid.get('2-s2.0-85100000002')!;
    expect(noDoi.id).toBe('2-s2.0-85100000002'); // no DOI: the EID names the paper
    expect(noDoi.abstract).toBeUndefined();
    expect(noDoi.citations).toBe(0);
    expect(noDoi.ids).toEqual({ scopus: '2-s2.0-85100000002', pmid: '35965444' });
    const empty = byEid.get('2-s2.0-85100000004')!;
    expect(empty.citations).toBeUndefined(); // an empty "Cited by" cell
    const editorial = byEid.get('2-s2.0-85100000006')!;
    expect(editorial.authors).toEqual([]); // "[No author name available]"
    expect(r.report.noAuthors).toEqual([editorial.id]);
  });

  it('per-author affiliations from "Authors with affiliations", cut at the paper\'s affiliations, with countries', () => {
    const [shan, song, jurgen] = r.papers[0].authors;
    expect(shan.affiliations).toEqual([TSINGHUA]);
    expect(song.affiliations).toEqual(['School of Computer Science, Peking University, Beijing, China']);
    expect(jurgen.affiliations).toEqual([TUM, TSINGHUA]);
    expect(jurgen.countries).toEqual(['Germany', 'China']);
    const [ana, karen] = byEid.get('2-s2.0-85100000005')!.authors;
    expect(ana.countries).toEqual(['Portugal']);
    expect(karen).toEqual({ name: 'Karen Østergaard', externalId: 'scopus:57190000006' }); // no affiliation written
    expect(byEid.get('2-s2.0-85100000004')!.authors[2].countries).toEqual(['Canada']);
  });

  it('two "Li S." with different ids are two people, each labelled by the full name; a shared id is one person', () => {
    const distinctIds = new Set(titled.flatMap((row) => idsOf(row['Author(s) ID'])));
    const nodes = authorNodes(r.papers);
    expect(nodes).toHaveLength(distinctIds.size);
    expect(
      nodes
        .filter((n) => / Li$/.test(n.label))
        .map((n) => n.label)
        .sort(),
    ).toEqual(['Shan Li', 'Song Li']);
    const resolved = resolveDataset(dataset(r.papers));
    expect(resolved.authors.size).toBe(distinctIds.size);
    // Coauthor edges: the distinct id pairs of each paper.
    const pairs = new Set<string>();
    for (const row of titled) {
      const ids = idsOf(row['Author(s) ID']);
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add([ids[i], ids[j]].sort().join('~'));
    }
    const g = buildGraph(dataset(r.papers));
    expect(g.filterEdges((_e, a) => a.kind === 'coauthor')).toHaveLength(pairs.size);
    const affiliations = new Set(
      titled.flatMap((row) =>
        row.Affiliations.split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    );
    expect(g.filterNodes((_n, a) => a.kind === 'affiliation')).toHaveLength(affiliations.size);
  });

  it('without the "Author full names" column, the same-written "Li S." are still told apart by their Author(s) ID', () => {
    const fields = Object.keys(rows[0]).filter((f) => f !== 'Author full names');
    const older = Papa.unparse(
      rows.map((row) => fields.map((f) => row[f])),
      { quotes: true, newline: '\r\n' },
    );
    const result = parseScopusCsv(`${Papa.unparse([fields], { quotes: true })}\r\n${older}`);
    expect(result.papers[0].authors.map((a) => a.name)).toEqual(['S. Li', 'S. Li', 'J. Müller']);
    const keys = resolveDataset(dataset(result.papers)).papers.map((p) => p.authorKeys);
    expect(keys[0]).toEqual(['s li#57190000001', 's li#57190000002', 'j muller']);
    expect(keys[1][0]).toBe('s li#57190000001'); // the same id on the next paper: the same person
    const nodes = authorNodes(result.papers);
    expect(nodes.filter((n) => n.label === 'S. Li').map((n) => n.id)).toEqual([authorNodeId('s li#57190000001'), authorNodeId('s li#57190000002')]);
  });

  it('without the "Author(s) ID" column, the ids come from "Author full names"', () => {
    const fields = Object.keys(rows[0]).filter((f) => f !== 'Author(s) ID');
    const text = Papa.unparse([fields, ...rows.map((row) => fields.map((f) => row[f]))], { quotes: true });
    const result = parseScopusCsv(text);
    expect(result.papers.map((p) => p.authors.map((a) => a.externalId))).toEqual(r.papers.map((p) => p.authors.map((a) => a.externalId)));
  });

  it('reads the same without BOM and with LF line ends', () => {
    const base = parseScopusCsv(CSV);
    expect(parseScopusCsv(CSV.slice(1))).toEqual(base);
    expect(parseScopusCsv(CSV.replace(/\r\n/g, '\n'))).toEqual(base);
  });

  it('a quote that never closes skips that row with its line and keeps the rows it ran into', () => {
    // The closing quote of row 2's last cell removed: papaparse runs that cell on into the next line.
    const broken = CSV.replace('"2-s2.0-85100000002"\r\n', '"2-s2.0-85100000002\r\n');
    expect(broken).not.toBe(CSV);
    const b = parseScopusCsv(broken);
    const lost = '2-s2.0-85100000002';
    expect(b.papers.map((p) => p.ids?.scopus)).toEqual(titled.map((row) => row.EID).filter((e) => e !== lost));
    expect(b.report.skipped.map((s) => s.line)).toEqual([lineOf(CSV, '"Li S.; Ribeiro A."'), lineOf(CSV, '"Doe J."')]);
    expect(b.report.skipped[0].reason).toMatch(/damaged/);
    expect(b.report.read).toBe(rows.length);
    // At the end of the file.
    const atEnd = CSV.replace(/"2-s2\.0-85100000006"\r\n$/, '"2-s2.0-85100000006\r\n');
    expect(atEnd).not.toBe(CSV);
    const e = parseScopusCsv(atEnd);
    expect(e.papers.map((p) => p.ids?.scopus)).toEqual(titled.map((row) => row.EID).filter((x) => x !== '2-s2.0-85100000006'));
    expect(e.report.skipped.map((s) => s.line)).toEqual([5, lineOf(CSV, '"[No author name available]"')]);
  });

  it('a 150-author record: every author, id and affiliation kept; the paper becomes a hub', () => {
    const n = 150;
    const initial = (i: number) => `${String.fromCharCode(65 + (i % 26))}.`;
    const people = Array.from({ length: n }, (_, i) => ({ last: `Nguyễn${i}`, first: `Thị ${initial(i)}`, id: String(57000000000 + i) }));
    const aff = (i: number) => `Lab ${i % 7}, University ${i % 7}, City, ${['Viet Nam', 'France', 'Japan'][i % 3]}`;
    const header = ['Authors', 'Author full names', 'Author(s) ID', 'Title', 'Year', 'Affiliations', 'Authors with affiliations', 'EID'];
    const row = [
      people.map((p, i) => `${p.last} ${initial(i)}`).join('; '),
      people.map((p) => `${p.last}, ${p.first} (${p.id})`).join('; '),
      people.map((p) => p.id).join('; '),
      'A big collaboration',
      '2024',
      Array.from({ length: 7 }, (_, i) => aff(i)).join('; '),
      people.map((p, i) => `${p.last} ${initial(i)}, ${aff(i)}`).join('; '),
      '2-s2.0-85199999999',
    ];
    const text = Papa.unparse([header, row], { quotes: true });
    const [p] = parseScopusCsv(text).papers;
    expect(p.authors).toHaveLength(idsOf(row[2]).length);
    expect(p.authors).toHaveLength(n);
    p.authors.forEach((a, i) => {
      expect(a.externalId).toBe(`scopus:${people[i].id}`);
      expect(a.name).toBe(`${people[i].first} ${people[i].last}`);
      expect(a.affiliations).toEqual([aff(i)]);
    });
    expect(new Set(p.authors.flatMap((a) => a.countries ?? []))).toEqual(new Set(['Viet Nam', 'France', 'Japan']));
    const g = buildGraph(dataset([p]));
    expect(g.filterNodes((_n, a) => a.kind === 'author')).toHaveLength(n);
    expect(g.filterEdges((_e, a) => a.kind === 'authorship')).toHaveLength(n);
  });

  it('one quote removed anywhere costs at most the row it was in (the header included), each skip with its line', () => {
    const quotes = [...CSV.matchAll(/"/g)].map((m) => m.index);
    expect(quotes.length).toBeGreaterThan(600);
    for (const at of quotes.filter((_, k) => k % 3 === 0)) {
      const b = parseScopusCsv(CSV.slice(0, at) + CSV.slice(at + 1));
      expect(b.report.fatal).toBeUndefined();
      const kept = new Set(b.papers.map((p) => p.ids?.scopus));
      expect(titled.filter((row) => !kept.has(row.EID)).length).toBeLessThanOrEqual(1);
      for (const s of b.report.skipped) expect(s.line).toBeGreaterThan(1);
    }
  });

  it('every other row broken: each broken row skipped with its line, every good row kept; all rows broken still ends', () => {
    const header = '"Authors","Title","Year","EID"';
    const lines = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? `"Li S.","Good paper ${i}","2020","2-s2.0-${1000 + i}"` : `"Li S.","Broken paper ${i}","2020","2-s2.0-${1000 + i}`,
    );
    const b = parseScopusCsv([header, ...lines].join('\r\n'));
    expect(b.papers.map((p) => p.title)).toEqual(lines.filter((_, i) => i % 2 === 0).map((_, k) => `Good paper ${2 * k}`));
    expect(b.report.skipped.map((x) => x.line)).toEqual(lines.map((_, i) => i + 2).filter((line) => line % 2 === 1));
    // The header and 12,000 rows without their last quote: read whole, each row would run on to the end of the file
    // (quadratic); past a budget the rest is read line by line.
    const many = Array.from({ length: 12_000 }, (_, i) => `"Li S.","Broken paper ${i}","2020","2-s2.0-${1000 + i}`);
    const a = parseScopusCsv([header.replace(/"$/, ''), ...many].join('\r\n'));
    expect(a.papers).toEqual([]);
    expect(a.report.read).toBe(many.length);
    expect(a.report.skipped.map((x) => x.line)).toEqual(many.map((_, i) => i + 2));
  });

  it('a header with broken quotes is read as plain names; a file without a Title column is refused', () => {
    const h = parseScopusCsv('"Authors","Title,"EID"\r\n"Li S.","A paper","2-s2.0-1"\r\n');
    expect(h.papers.map((p) => [p.title, p.ids?.scopus])).toEqual([['A paper', '2-s2.0-1']]);
    expect(h.report.warnings[0]).toMatchObject({ line: 1 });
    expect(parseScopusCsv('"Authors","EID"\r\n"Li S.","2-s2.0-1"\r\n').report.fatal).toMatch(/No Title column/);
  });
});

describe('Scopus BibTeX', () => {
  const r = parseInput(BIB, null, { fileName: 'scopus.bib' });
  const entries = BIB.split(/^@/m).slice(1);
  const byKey = new Map(r.papers.map((p) => [p.id, p]));

  it('reads the titled entries and skips the untitled one with its line', () => {
    expect(r.report.format).toBe('bibtex');
    expect(r.papers).toHaveLength(entries.filter((e) => /\btitle\s*=/.test(e)).length);
    expect(r.report.skipped).toHaveLength(1);
    expect(r.report.skipped[0].line).toBe(lineOf(BIB, '@ARTICLE{Broken2020'));
  });

  it('keeps EID, cited by, document type, and affiliations with countries', () => {
    for (const p of r.papers) {
      const entry = entries.find((e) => e.includes(`{${p.id},`))!;
      expect(p.ids?.scopus).toBe(entry.match(/eid=([^&]+)&/)![1]);
    }
    const [first, second, third] = ['Li2021101150', 'Li2022233', 'Li2020e276'].map((k) => byKey.get(k)!);
    expect([first.citations, second.citations, third.citations]).toEqual([12, 0, 3]); // "Cited by: 12", "cited By 3"
    expect([first.documentType, second.documentType, third.documentType]).toEqual(['Article', 'Conference paper', 'Article']);
    // As many affiliations as authors: one each, in order.
    expect(first.authors.map((a) => a.affiliations)).toEqual([[TSINGHUA], ['School of Computer Science, Peking University, Beijing, China'], [TUM]]);
    expect(first.authors.map((a) => a.countries)).toEqual([['China'], ['China'], ['Germany']]);
    // Two affiliations for three authors: both on every author.
    for (const a of second.authors) expect(a.countries).toEqual(['China', 'Portugal']);
    // The older singular "affiliation" field.
    expect(third.authors.map((a) => a.countries)).toEqual([['China'], ['Germany'], ['Canada']]);
    expect(third.authors.map((a) => a.name)).toEqual(['S. Li', 'J. Müller', 'M.-È. Côté']);
  });
});

describe('Scopus RIS', () => {
  const r = parseInput(RIS, null, { fileName: 'scopus.ris' });
  const records = RIS.replace(/^\uFEFF/, '')
    .split(/^TY {2}- /m)
    .slice(1);

  it('reads the titled records and skips the untitled one with its line', () => {
    expect(r.report.format).toBe('ris');
    expect(r.report.read).toBe(records.length);
    expect(r.papers).toHaveLength(records.filter((rec) => /^TI {2}- /m.test(rec)).length);
    expect(r.report.skipped.map((s) => s.line)).toEqual([lineOf(RIS, 'TY  - JOUR\r\nAU  - Doe, J.')]);
  });

  it('keeps AD affiliations with countries, the EID from UR, "Cited By" from N1 and M3 as document type', () => {
    const titled = records.filter((rec) => /^TI {2}- /m.test(rec));
    r.papers.forEach((p, i) => {
      expect(p.ids?.scopus).toBe(titled[i].match(/^UR {2}- .*eid=([^&]+)&/m)![1]);
      expect(p.documentType).toBe(titled[i].match(/^M3 {2}- (.*)\r$/m)![1]);
    });
    expect(r.papers.map((p) => p.citations)).toEqual([12, 0, 3]); // "Cited By: 12", "Cited By :0"
    const [first, second] = r.papers;
    expect(first.authors.map((a) => a.countries)).toEqual([['China'], ['China'], ['Germany']]);
    expect(second.authors.every((a) => a.affiliations?.length === 2)).toBe(true);
    // The multi-line References note does not spill into other fields.
    expect(first.abstract).toBe('We study coauthor graphs built from bibliographic exports.');
  });
});
