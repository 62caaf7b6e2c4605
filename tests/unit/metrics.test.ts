// Indicators on a small dataset written here, checked against values computed by hand (in the comments).
import { describe, expect, it } from 'vitest';
import { resolveDataset } from '../../src/graph/authors';
import type { Dataset, Paper } from '../../src/model/types';
import { computeIndicators, computeIndicatorsYielding } from '../../src/metrics';
import { authorCounts, dominance, topAuthors } from '../../src/metrics/authors';
import { allTablesCsv, authorsTable, indicatorTables, lotkaTable, mainTable, tableCsv } from '../../src/metrics/csv';
import { lotka } from '../../src/metrics/lotka';
import { annualProduction, mainInformation } from '../../src/metrics/production';

const A = 'Ana Ribeiro',
  B = 'Bo Chen',
  C = 'Carla Diaz',
  D = 'Dev Patel',
  E = 'Eve Stone';
const paper = (id: string, names: string[], more: Partial<Paper> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  authors: names.map((name) => ({ name })),
  truncated: false,
  ...more,
});

/**
 * P1 2020 [A B C]; P2 2020 [A]; P3 2021 [B A "ANA RIBEIRO"] (A twice: one authorship); P4 2023 [D et al.] (cut list);
 * P5 no year [A B C E]; P6 2021 no authors.
 */
const dataset: Dataset = {
  id: 't',
  title: 'fixture',
  aliases: [],
  papers: [
    paper('P1', [A, B, C], { year: 2020 }),
    paper('P2', [A], { year: 2020 }),
    paper('P3', [B, A, 'ANA RIBEIRO'], { date: '2021-05' }),
    paper('P4', [D], { year: 2023, truncated: true }),
    paper('P5', [A, B, C, E]),
    paper('P6', [], { year: 2021 }),
  ],
};
const resolved = resolveDataset(dataset);

describe('main information', () => {
  const m = mainInformation(resolved);
  it('counts papers, authors, authorships and positions', () => {
    expect(m.papers).toBe(6);
    expect(m.authors).toBe(5);
    expect(m.authorships).toBe(3 + 1 + 2 + 1 + 4 + 0); // 11: A counts once on P3
    expect(m.authorPositions).toBe(3 + 1 + 3 + 1 + 4 + 0); // 12
    expect(m.authorsPerPaper).toBeCloseTo(5 / 6, 12);
    expect(m.papersPerAuthor).toBeCloseTo(6 / 5, 12);
    expect(m.coauthorsPerPaper).toBeCloseTo(11 / 6, 12);
  });
  it('single- and multi-authored papers: a cut list is multi-authored, an empty one neither', () => {
    expect(m.singleAuthoredPapers).toBe(1); // P2
    expect(m.multiAuthoredPapers).toBe(4); // P1 P3 P4 P5
    expect(m.papersWithoutAuthors).toBe(1); // P6
    expect(m.singleAuthoredShare).toBeCloseTo(1 / 6, 12);
    expect(m.authorsOfSingleAuthoredPapers).toBe(1);
    expect(m.truncatedPapers).toBe(1);
  });
  it('collaboration index (Elango & Rajendran 2012): authorships of multi-authored papers / their number', () => {
    expect(m.collaborationIndex).toBe((3 + 2 + 1 + 4) / 4); // 2.5
  });
  it('timespan and nulls on an empty dataset', () => {
    expect([m.firstYear, m.lastYear]).toEqual([2020, 2023]);
    const empty = mainInformation(resolveDataset({ id: 'e', title: 'e', aliases: [], papers: [] }));
    expect(empty).toMatchObject({ papers: 0, authors: 0, authorsPerPaper: null, coauthorsPerPaper: null, collaborationIndex: null, singleAuthoredShare: null });
  });
});

describe('annual production', () => {
  it('papers per year present, papers without a year apart, growth rate', () => {
    const a = annualProduction(resolved);
    expect(a.years).toEqual([
      { year: 2020, papers: 2 },
      { year: 2021, papers: 2 },
      { year: 2023, papers: 1 },
    ]);
    expect(a.papersWithoutYear).toBe(1);
    // ((1 / 2)^(1/3) − 1) × 100
    expect(a.growthRate).toBeCloseTo(-20.62994740159, 9);
    expect(annualProduction(resolveDataset({ ...dataset, papers: [dataset.papers[0]] })).growthRate).toBeNull();
  });
});

describe('authors: full and fractional counting, dominance', () => {
  const rows = authorCounts(resolved);
  const byName = new Map(rows.map((r) => [r.label, r]));
  it('full and fractional counts', () => {
    // A: P1 1/3 + P2 1 + P3 1/2 + P5 1/4 = 25/12; B: 1/3 + 1/2 + 1/4 = 13/12; C: 1/3 + 1/4 = 7/12; D: 1; E: 1/4.
    const expected: [string, number, number][] = [
      [A, 4, 25 / 12],
      [B, 3, 13 / 12],
      [C, 2, 7 / 12],
      [D, 1, 1],
      [E, 1, 1 / 4],
    ];
    for (const [name, papers, fractional] of expected) {
      expect(byName.get(name)!.papers, name).toBe(papers);
      expect(byName.get(name)!.fractional, name).toBeCloseTo(fractional, 12);
    }
    // The fractions add up to the papers that have authors.
    expect(rows.reduce((s, r) => s + r.fractional, 0)).toBeCloseTo(5, 12);
  });
  it('rankings: ties broken by the other count', () => {
    expect(topAuthors(rows, 10, 'papers').map((r) => r.label)).toEqual([A, B, C, D, E]);
    expect(topAuthors(rows, 10, 'fractional').map((r) => r.label)).toEqual([A, B, D, C, E]);
    expect(topAuthors(rows, 2, 'fractional').map((r) => r.label)).toEqual([A, B]);
  });
  it('dominance factor (Kumar & Kumar 2008) = first-authored multi-authored papers / multi-authored papers', () => {
    // A: first on P1, P5 of 3 multi → 2/3; B: first on P3 of 3 → 1/3; C: 0/2; D: first on P4 (cut list) of 1 → 1; E: 0/1.
    const df = dominance(rows, 10);
    expect(df.map((d) => [d.label, d.firstAuthoredMulti, d.multiAuthored, d.singleAuthored])).toEqual([
      [D, 1, 1, 0],
      [A, 2, 3, 1],
      [B, 1, 3, 0],
      [C, 0, 2, 0],
      [E, 0, 1, 0],
    ]);
    expect(df.map((d) => d.dominance)).toEqual([1, 2 / 3, 1 / 3, 0, 0]);
    expect(df.map((d) => d.rankByDominance)).toEqual([1, 2, 3, 4, 4]);
    expect(df.map((d) => d.rankByPapers)).toEqual([4, 1, 2, 3, 4]);
    expect(dominance(rows, 2).map((d) => d.label)).toEqual([A, B]);
  });
  it('the owner appended to a cut list is not its first author', () => {
    const owned = resolveDataset({ ...dataset, owner: E, papers: [paper('Q', [D, A], { truncated: true })] });
    const counts = new Map(authorCounts(owned).map((r) => [r.label, r]));
    expect(counts.get(E)).toMatchObject({ papers: 1, multiAuthored: 1, firstAuthoredMulti: 0 });
    expect(counts.get(D)!.firstAuthoredMulti).toBe(1);
  });
});

describe("Lotka's law", () => {
  it('observed distribution and the log–log least-squares fit', () => {
    // Papers per author 4, 3, 2, 1, 1 → x = 1: 2 authors (0.4), x = 2, 3, 4: 1 each (0.2).
    const l = lotka([4, 3, 2, 1, 1]);
    expect(l.totalAuthors).toBe(5);
    expect(l.points.map((p) => [p.papers, p.authors, p.share])).toEqual([
      [1, 2, 0.4],
      [2, 1, 0.2],
      [3, 1, 0.2],
      [4, 1, 0.2],
    ]);
    // X = log10 x = 0, .30103, .47712, .60206 (mean .34505); Y = log10 share = −.39794, −.69897 ×3 (mean −.62371).
    // Sxy = −.103871, Sxx = .204494 → slope −.507942, n = .507942; intercept −.448467 → C = 10^−.448467 = .356086.
    // SSres / Syy → R² = .776299.
    const fit = l.fit!;
    expect(fit.exponent).toBeCloseTo(0.5079422, 6);
    expect(fit.constant).toBeCloseTo(0.3560856, 6);
    expect(fit.r2).toBeCloseTo(0.7762987, 6);
    expect(l.points[1].fitted).toBeCloseTo(0.3560856 / 2 ** 0.5079422, 6);
    // Cumulative observed .4 .6 .8 1; fitted .35609 .60649 .81029 .98639 → D = |.4 − .35609| = .043914.
    expect(fit.ks).toBeCloseTo(0.0439144, 6);
    expect(fit.ksCritical).toBeCloseTo(1.63 / Math.sqrt(5), 12);
  });
  it('no fit with a single distinct x; the classic n = 2 comes back exactly', () => {
    expect(lotka([1, 1, 1]).fit).toBeNull();
    expect(lotka([]).points).toEqual([]);
    // 12 authors with 1 paper, 3 with 2 = 12/4: shares 12/15 and 3/15, a ratio of 4 = 2^2.
    const classic = lotka([...Array(12).fill(1), 2, 2, 2]).fit!;
    expect(classic.exponent).toBeCloseTo(2, 12);
    expect(classic.constant).toBeCloseTo(12 / 15, 12);
  });
});

/** Minimal RFC 4180 reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV', () => {
  const ind = computeIndicators(resolved);
  it('is computed once per resolved dataset', () => {
    expect(computeIndicators(resolved)).toBe(ind);
  });
  it('main information and authors as rows', () => {
    const main = parseCsv(tableCsv(mainTable(ind)));
    expect(main[0]).toEqual(['indicator', 'value']);
    expect(main).toContainEqual(['Authorships', '11']);
    expect(main).toContainEqual(['Collaboration index', '2.5']);
    expect(main).toContainEqual(['Co-authors per paper', '1.8333']);
    const authors = parseCsv(tableCsv(authorsTable(ind)));
    expect(authors.slice(0, 3)).toEqual([
      ['author', 'key', 'papers', 'papersFractional'],
      [A, 'ana ribeiro', '4', '2.0833'],
      [B, 'bo chen', '3', '1.0833'],
    ]);
    expect(authors).toHaveLength(6);
  });
  it('Lotka table carries the fit', () => {
    const rows = parseCsv(tableCsv(lotkaTable(ind)));
    expect(rows[1]).toEqual(['1', '2', '0.4', '0.3561']);
    expect(rows).toContainEqual(['exponent n', '0.5079']);
  });
  it('formula-looking names are written inert', () => {
    const hostile = computeIndicators(resolveDataset({ id: 'h', title: 'h', aliases: [], papers: [paper('H', ['=HYPERLINK("x")', '+Bob'])] }));
    const text = tableCsv(authorsTable(hostile));
    const cells = parseCsv(text)
      .slice(1)
      .map((r) => r[0]);
    expect(cells.sort()).toEqual(["'+Bob", '\'=HYPERLINK("x")']);
  });
  it('one file with a titled section per table; no country table without countries', () => {
    const tables = indicatorTables(ind);
    expect(tables.map((t) => t.id)).toEqual(['main-information', 'annual-production', 'authors', 'lotka', 'dominance']);
    const rows = parseCsv(allTablesCsv(tables));
    expect(rows[0]).toEqual(['Main information']);
    expect(rows).toContainEqual(['Annual production']);
    expect(rows).toContainEqual(['no year', '1']);
    expect(rows).toContainEqual(["Lotka's law"]);
  });
});

describe('computed in steps for big datasets', () => {
  it('gives the same indicators as the one-go computation, and stops when aborted', async () => {
    const fresh = resolveDataset(dataset);
    const stepped = await computeIndicatorsYielding(fresh);
    expect(stepped).toEqual(computeIndicators(resolveDataset(dataset)));
    expect(computeIndicators(fresh)).toBe(stepped);
    const abort = new AbortController();
    const run = computeIndicatorsYielding(resolveDataset(dataset), abort.signal);
    abort.abort();
    await expect(run).rejects.toThrow();
  });
});
