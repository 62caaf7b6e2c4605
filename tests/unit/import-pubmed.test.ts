import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyName, resolveDataset } from '../../src/graph/authors';
import { buildGraph, edgeKey } from '../../src/graph/build';
import { authorNodeId } from '../../src/graph/types';
import { detectFormat, parseInput } from '../../src/import';
import { combineResults } from '../../src/import/combine';
import { countryOf, fullAuthorName, orcidFromAuid, shortAuthorName, splitAffiliations } from '../../src/import/pubmed/authors';
import { parsePubmed, pubmedDate } from '../../src/import/pubmed';
import type { Dataset, Paper } from '../../src/model/types';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
const byPmid = (papers: Paper[], pmid: string) => papers.find((p) => p.ids?.pmid === pmid)!;
const dataset = (papers: Paper[]): Dataset => ({ id: 't', title: 't', papers, aliases: [] });

/** Independent reading of a MEDLINE text: blocks between blank lines, each with its start line and raw lines. */
function blocks(text: string): { line: number; lines: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n/);
  const out: { line: number; lines: string[] }[] = [];
  let cur: { line: number; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      cur = null;
      continue;
    }
    if (lines[i].startsWith('PMID- ') && cur && cur.lines.some((l) => l.startsWith('PMID- '))) cur = null;
    if (!cur) {
      cur = { line: i + 1, lines: [] };
      out.push(cur);
    }
    cur.lines.push(lines[i]);
  }
  return out;
}
const pmidOf = (b: { lines: string[] }) =>
  b.lines
    .find((l) => l.startsWith('PMID- '))
    ?.slice(6)
    .trim();
/** Personal authors of a block as a reader counts them: FAU lines, or AU lines where a record has no FAU. */
function countAuthors(b: { lines: string[] }): number {
  let fau = 0,
    au = 0;
  for (const l of b.lines) {
    if (l.startsWith('FAU - ')) fau++;
    if (l.startsWith('AU  - ')) au++;
  }
  return fau > 0 ? fau : au;
}

describe('PubMed detection', () => {
  it('both fixtures are PubMed, not RIS or profile text, whatever their file names say', () => {
    expect(detectFormat(fixture('pubmed.txt'))).toBe('pubmed');
    expect(detectFormat(fixture('pubmed.txt'), 'pubmed-export.txt')).toBe('pubmed');
    expect(detectFormat(fixture('pubmed.nbib'))).toBe('pubmed');
    expect(detectFormat(fixture('pubmed.nbib'), 'citations.nbib')).toBe('pubmed');
    expect(detectFormat(fixture('pubmed.nbib'), 'citations.ris')).toBe('pubmed');
  });
  it('RIS (same "TI  - " lines, no PMID) stays RIS; a PMID line alone is not enough', () => {
    expect(detectFormat(fixture('sample.ris'))).toBe('ris');
    expect(detectFormat('TY  - JOUR\nTI  - A title\nAU  - Doe, Jane\nER  - \n')).toBe('ris');
    expect(detectFormat('PMID- 123\nsome notes\n')).not.toBe('pubmed');
  });
});

describe('PubMed format (.txt)', () => {
  const text = fixture('pubmed.txt');
  const r = parseInput(text, undefined, { fileName: 'pubmed.txt' });
  const raw = blocks(text);

  it('reads every record, skips the damaged ones with their first line and an excerpt', () => {
    expect(r.report.format).toBe('pubmed');
    expect(r.report.read).toBe(raw.length);
    const damaged = raw.filter((b) => !pmidOf(b) || !b.lines.some((l) => l.startsWith('TI  - ')));
    expect(damaged.length).toBe(2);
    expect(r.report.skipped.map((s) => s.line)).toEqual(damaged.map((b) => b.line));
    expect(r.report.skipped.map((s) => s.reason)).toEqual(['PubMed record has no title (TI)', 'PubMed record has no PMID']);
    expect(r.report.skipped[0].excerpt).toContain('PMID- 31000005');
    expect(r.report.skipped[1].excerpt).toContain('OWN - NLM');
    expect(r.report.imported).toBe(raw.length - damaged.length);
    expect(r.papers.map((p) => p.ids?.pmid)).toEqual(raw.filter((b) => !damaged.includes(b)).map(pmidOf));
  });

  it('keeps every author of every record, in order (FAU, or AU where there is no FAU)', () => {
    for (const b of raw) {
      const pmid = pmidOf(b);
      const paper = pmid ? r.papers.find((p) => p.ids?.pmid === pmid) : undefined;
      if (paper) expect(paper.authors.length, `PMID ${pmid}`).toBe(countAuthors(b));
    }
    const p = byPmid(r.papers, '31000001');
    expect(p.authors.map((a) => a.name)).toEqual(['Jürgen Müller', 'José María Sánchez-García', 'Åse Ødegård', 'Thị Minh Nguyễn']);
  });

  it('joins continuation lines and reads title, date, DOI ([doi], not [pii]), venue, abstract, type, PMID', () => {
    const p = byPmid(r.papers, '31000001');
    expect(p.title).toBe('Ödem und Entzündung: a multicentre study of drug-induced oedema across European cohorts.');
    expect(p.abstract).toMatch(/^BACKGROUND: Drug-induced oedema is under-reported\. METHODS: We pooled four cohorts\. RESULTS:/);
    expect(p.abstract).toMatch(/Oedema deserves attention\.$/);
    expect(p).toMatchObject({
      date: '2020-01-15',
      year: 2020,
      doi: '10.1000/xyz.2020.001',
      venue: 'European journal of pharmacology studies',
      documentType: 'Journal Article',
      ids: { pmid: '31000001' },
      id: 'pmid:31000001',
      truncated: false,
      url: 'https://pubmed.ncbi.nlm.nih.gov/31000001/',
    });
    expect(p.sources).toEqual(['pubmed.txt (PubMed record 1, PMID 31000001)']);
    expect(byPmid(r.papers, '31000002').date).toBe('2021-03');
    expect(byPmid(r.papers, '31000003')).toMatchObject({ date: '2019', year: 2019 }); // "2019 Spring"
    expect(byPmid(r.papers, '9000001')).toMatchObject({ date: '1998-12-10', year: 1998 }); // "1998 Dec 10-24"
    expect(r.report.noYear).toEqual([]);
  });

  it('gives each author the AD lines after them: affiliations, countries (e-mail removed), ORCID', () => {
    const [muller, sanchez, odegard, nguyen] = byPmid(r.papers, '31000001').authors;
    expect(muller.affiliations).toEqual([
      'Institut für Pharmakologie, Universität Heidelberg, Heidelberg, Germany.',
      'Deutsches Krebsforschungszentrum (DKFZ), Im Neuenheimer Feld 280, Heidelberg, Germany.',
    ]);
    expect(muller.countries).toEqual(['Germany']);
    expect(muller.externalId).toBe('orcid:0000-0002-1825-0097');
    expect(sanchez).toEqual({
      name: 'José María Sánchez-García',
      affiliations: ['Departamento de Bioquímica, Universidad de Sevilla, Sevilla, Spain.'],
      countries: ['Spain'],
    });
    // "Electronic address: …" removed; the group author's AD after CN is not hers.
    expect(odegard.affiliations).toEqual(['Department of Clinical Medicine, University of Bergen, Bergen, Norway.']);
    expect(odegard.externalId).toBe('orcid:0000-0001-5109-3700');
    // The investigator's AUID after the last author is not the last author's.
    expect(nguyen).toEqual({ name: 'Thị Minh Nguyễn', affiliations: ['Hanoi Medical University, Hanoi, Vietnam.'], countries: ['Vietnam'] });
  });

  it('group authors (CN) stay on the paper and never become people; investigators (FIR/IR) are not authors', () => {
    const p = byPmid(r.papers, '31000001');
    expect(p.groupAuthors).toEqual(['European Oedema Study Group']);
    const group = byPmid(r.papers, '31000007');
    expect(group.groupAuthors).toEqual(['Paediatric Sepsis Consensus Collaboration']);
    expect(group.authors).toEqual([]);
    expect(r.report.noAuthors).toEqual(['pmid:31000007']);
    const names = r.papers.flatMap((x) => x.authors.map((a) => a.name));
    expect(names.some((n) => /Consortium|Group|Collaboration|Dubois|Rossi/.test(n))).toBe(false);
  });

  it('empty fields are absent; AU-only records give "initials last" names; an AD before the authors is the first author\'s', () => {
    const p = byPmid(r.papers, '9000001');
    expect(p.abstract).toBeUndefined();
    expect(p.venue).toBe('Surg Outcomes'); // JT is empty: TA
    expect(p.doi).toBeUndefined();
    expect(p.authors).toEqual([
      { name: 'J A Smith', affiliations: ['Department of Surgery, Johns Hopkins University, Baltimore, MD 21205, USA.'], countries: ['USA'] },
      { name: "J C O'Brien Jr" },
    ]);
  });

  it('two "Wang W" with different ORCIDs are two nodes after resolveDataset and buildGraph', () => {
    // Independent count: distinct ORCIDs on the AUID lines that follow "FAU - Wang, Wei".
    const lines = text.split('\n');
    const orcids = new Set<string>();
    for (let i = 0; i + 2 < lines.length; i++) {
      if (lines[i] === 'FAU - Wang, Wei' && lines[i + 1] === 'AU  - Wang W') orcids.add(lines[i + 2].replace('AUID- ORCID: ', ''));
    }
    expect(orcids.size).toBe(2);
    const ds = dataset(r.papers);
    const wangs = [...resolveDataset(ds).authors.keys()].filter((k) => keyName(k) === 'wei wang').sort();
    expect(wangs).toHaveLength(orcids.size);
    expect(wangs.every((k) => k.startsWith('wei wang#'))).toBe(true);
    const g = buildGraph(ds);
    const [w1, w2] = wangs.map(authorNodeId);
    expect(g.hasNode(w1) && g.hasNode(w2)).toBe(true);
    const kim = authorNodeId('min jun kim'),
      li = authorNodeId('na li');
    const withKim = g.hasEdge(edgeKey(w1, kim)) ? w1 : w2;
    const withLi = withKim === w1 ? w2 : w1;
    expect(g.getEdgeAttribute(edgeKey(withKim, kim), 'paperIds')).toEqual(['pmid:31000002']);
    expect(g.getEdgeAttribute(edgeKey(withLi, li), 'paperIds')).toEqual(['pmid:31000003']);
    expect(g.hasEdge(edgeKey(withKim, li)) || g.hasEdge(edgeKey(withLi, kim))).toBe(false);
  });
});

describe('citation-manager export (.nbib): BOM, CRLF, glued records', () => {
  const text = fixture('pubmed.nbib');
  const r = parseInput(text, 'pubmed');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');

  it('fixture really has a BOM and Windows line ends', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.includes('\r\n')).toBe(true);
  });
  it('a PMID line right after a record, with no blank line, starts a new record', () => {
    let pmidLines = 0;
    for (const l of lines) if (l.startsWith('PMID- ')) pmidLines++;
    expect(r.report.read).toBe(pmidLines);
    expect(r.report.imported).toBe(pmidLines);
    expect(r.report.skipped).toEqual([]);
    expect(r.papers.map((p) => p.title)).toEqual([
      'Perioperative opioid requirements in children: a pharmacogenetic study of CYP2D6 variants.',
      'Zoonotic reservoirs of hantaviruses in Central Europe.',
      'Wearable sensors for gait analysis after stroke.',
    ]);
    expect(r.papers.map((p) => p.authors.length)).toEqual(blocks(text).map(countAuthors));
  });
  it('splits numbered affiliations ("1] … [2] …"), hyphenates compact and URL ORCIDs, warns about a bad one', () => {
    const [sadler, celik, wrobel] = r.papers[0].authors;
    expect(sadler.affiliations).toEqual([
      "Department of Anesthesia, Cincinnati Children's Hospital Medical Center, Cincinnati, OH, USA",
      'Department of Pediatrics, University of Cincinnati, Cincinnati, OH, USA.',
    ]);
    expect(sadler.countries).toEqual(['USA']);
    expect(celik).toMatchObject({ name: 'Ayşe Çelik', externalId: 'orcid:0000-0001-7913-1932', countries: ['Turkey'] });
    expect(wrobel.externalId).toBeUndefined();
    expect(r.papers[1].authors[1]).toMatchObject({ name: 'Zsófia Horváth', externalId: 'orcid:0000-0003-4523-3062' });
    expect(r.papers[1].authors[1].affiliations).toEqual(['National Public Health Center, Budapest, Hungary.']);
    const badLine = lines.indexOf('AUID- ORCID: 12345') + 1;
    expect(r.report.warnings).toContainEqual({ index: 0, line: badLine, message: 'AUID line names ORCID but holds no ORCID iD; ignored' });
  });
  it('a line without tag or indent is kept as part of the field above, with a warning at its line', () => {
    expect(r.papers[2].abstract).toBe('We review wearable sensors for gait analysis. Nine trials met the inclusion criteria.');
    const line = lines.indexOf('Nine trials met the inclusion criteria.') + 1;
    expect(r.report.warnings).toContainEqual({ index: 2, line, message: '1 line(s) without a field tag read as part of the field above' });
    expect(r.papers[1]).toMatchObject({ date: '2018', year: 2018 });
  });
  it('the same name without ORCIDs on two papers is one person', () => {
    const keys = [...resolveDataset(dataset(r.papers)).authors.keys()];
    expect(keys.filter((k) => keyName(k) === 'lukasz wrobel')).toEqual(['lukasz wrobel']);
  });
});

describe('large and hostile input', () => {
  it('a 150-author record keeps all 150 authors in order with their own affiliations and ORCIDs', () => {
    const countries = ['Japan', 'Chile', 'Kenya', 'Norway', 'Peru', 'Oman', 'Fiji'];
    const out = ['PMID- 40000001', 'DP  - 2024 Feb 29', 'TI  - A very large consortium paper.'];
    for (let i = 1; i <= 150; i++) {
      out.push(`FAU - Author${i}, Given${i} Q`, `AU  - Author${i} GQ`);
      if (i % 10 === 0) out.push(`AUID- ORCID: 0000-0000-0000-${String(i).padStart(4, '0')}`);
      out.push(`AD  - Lab ${i}, Institute ${i}, City ${i},`, `      ${countries[i % 7]}.`);
      if (i % 3 === 0) out.push(`AD  - Second Lab ${i}, Other City, ${countries[(i + 1) % 7]}.`);
    }
    out.push('PT  - Journal Article', 'JT  - Consortium journal');
    const text = out.join('\n');
    let fau = 0,
      ad = 0,
      auid = 0;
    for (const l of out) {
      if (l.startsWith('FAU - ')) fau++;
      if (l.startsWith('AD  - ')) ad++;
      if (l.startsWith('AUID- ')) auid++;
    }
    const r = parsePubmed(text);
    const authors = r.papers[0].authors;
    expect(authors).toHaveLength(fau);
    expect(authors.map((a) => a.name)).toEqual(Array.from({ length: 150 }, (_, i) => `Given${i + 1} Q Author${i + 1}`));
    expect(authors.reduce((n, a) => n + (a.affiliations?.length ?? 0), 0)).toBe(ad);
    expect(authors.filter((a) => a.externalId).length).toBe(auid);
    expect(authors[9].externalId).toBe('orcid:0000-0000-0000-0010');
    expect(authors[2].countries).toEqual(['Norway', 'Peru']);
    expect(authors[0].affiliations).toEqual(['Lab 1, Institute 1, City 1, Chile.']);
    expect(r.papers[0].date).toBe('2024-02-29');
  });

  it('many records: every one read, none lost', () => {
    const n = 2000;
    const recs: string[] = [];
    for (let i = 0; i < n; i++) recs.push(`PMID- ${50000000 + i}\nTI  - Paper ${i}\nFAU - Doe, Jane\nAU  - Doe J\nDP  - 2001`);
    const r = parsePubmed(recs.join('\n\n'));
    expect(r.report.read).toBe(n);
    expect(r.papers).toHaveLength(n);
  });

  it('text outside records is a warning with its line, not a record; text before the first tag of a record too', () => {
    const r = parsePubmed('Search: sepsis\nPMID- 1\nTI  - T\n\nExported from PubMed\n      by a user\n\nPMID- 2\nTI  - U');
    expect(r.report.read).toBe(2);
    expect(r.papers.map((p) => p.title)).toEqual(['T', 'U']);
    expect(r.report.warnings).toEqual([
      { index: -1, line: 5, message: '2 line(s) outside any record ignored: "Exported from PubMed"' },
      { index: 0, line: 1, message: '1 line(s) before the first field tag ignored: "Search: sepsis"' },
    ]);
  });

  it('a book record: title from BTI, editors (FED/ED) and their ORCIDs are not authors', () => {
    const text = [
      'PMID- 20301001',
      'BTI - Handbook of Rare Diseases',
      'DP  - 2010 Feb 4',
      'FED - Lindqvist, Karin',
      'ED  - Lindqvist K',
      'AUID- ORCID: 0000-0001-2345-6789',
      'FAU - Patel, Anil',
      'AU  - Patel A',
      'AD  - Mayo Clinic, Rochester, MN, USA.',
      'PT  - Review',
      'PT  - Book Chapter',
    ].join('\n');
    const [p] = parsePubmed(text).papers;
    expect(p).toMatchObject({ title: 'Handbook of Rare Diseases', date: '2010-02-04', documentType: 'Review' });
    expect(p.authors).toEqual([{ name: 'Anil Patel', affiliations: ['Mayo Clinic, Rochester, MN, USA.'], countries: ['USA'] }]);
  });

  it('the same DOI twice is one paper once imported (combineResults merges), reported as merged, both PMIDs kept', () => {
    const rec = (pmid: string) => `PMID- ${pmid}\nTI  - Same paper\nLID - 10.1000/dup.1 [doi]\nFAU - Doe, Jane\nAU  - Doe J`;
    const parsed = parsePubmed(`${rec('1')}\n\n${rec('2')}`);
    expect(parsed.papers).toHaveLength(2);
    const r = combineResults([{ fileName: 'dup.nbib', result: parsed }]);
    expect(r.papers.map((p) => p.id)).toEqual(['pmid:1']);
    expect(r.merged).toMatchObject([{ keptId: 'pmid:1', droppedIndex: 1, droppedLine: 7, by: 'doi', authorsAdded: 0 }]);
  });

  it('never throws; nothing readable is a fatal report, not an exception', () => {
    expect(parsePubmed('hello\nworld').report.fatal).toMatch(/PMID/);
    for (const bad of ['PMID-', 'PMID- \nTI  - x', '\uFEFF', 'AD  - x\nAUID- ORCID:', 'PMID- 1\nAU  -\nFAU - ,\nAUID- ORCID: x']) {
      expect(() => parsePubmed(bad)).not.toThrow();
    }
    const r = parsePubmed('PMID- 12a\nTI  - Title');
    expect(r.report.skipped[0].reason).toMatch(/not a number/);
  });
});

describe('PubMed field helpers', () => {
  it('names: FAU "Last, First M" and AU "Last FM"', () => {
    expect(fullAuthorName('Sánchez-García, José María')).toBe('José María Sánchez-García');
    expect(fullAuthorName("O'Brien, John C Jr")).toBe("John C O'Brien Jr");
    expect(fullAuthorName('Madonna')).toBe('Madonna');
    expect(shortAuthorName('De Grassi A')).toBe('A De Grassi');
    expect(shortAuthorName('Wang WX')).toBe('W X Wang');
    expect(shortAuthorName('Madonna')).toBe('Madonna');
  });
  it('dates from DP', () => {
    expect(pubmedDate('2020 Jan 15')).toEqual({ year: 2020, date: '2020-01-15' });
    expect(pubmedDate('2021 Sep-Oct')).toEqual({ year: 2021, date: '2021-09' });
    expect(pubmedDate('2000 Fall-Winter')).toEqual({ year: 2000, date: '2000' });
    expect(pubmedDate('2018')).toEqual({ year: 2018, date: '2018' });
    expect(pubmedDate('n.d.')).toEqual({});
  });
  it('ORCIDs, affiliations and countries', () => {
    expect(orcidFromAuid('ORCID: 0000-0002-1825-009x')).toBe('orcid:0000-0002-1825-009X');
    expect(orcidFromAuid('ORCID: 000000021825009X')).toBe('orcid:0000-0002-1825-009X');
    expect(orcidFromAuid('ORCID: 0000')).toBeNull();
    expect(orcidFromAuid('ISNI: 0000000121032683')).toBeUndefined();
    expect(splitAffiliations('Dept A, Univ B, Oslo, Norway. a@b.no')).toEqual(['Dept A, Univ B, Oslo, Norway.']);
    expect(countryOf('Harvard Medical School, Boston, MA 02115')).toBeUndefined();
    expect(countryOf('Harvard University.')).toBeUndefined();
    expect(countryOf('Kyoto University, Kyoto, Japan.')).toBe('Japan');
  });
});
