// Indicators of the embedded profile, against counts taken here straight from data/profile-full.json.
import { describe, expect, it } from 'vitest';
import { resolveDataset } from '../../src/graph/authors';
import { computeIndicators } from '../../src/metrics';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const alias = new Map(full.aliases.map((a) => [a.from, a.to]));
/** Each paper's distinct names after the aliases (the file has exact duplicates on the Llama 3 list). */
const teams = full.papers.map((p) => [...new Set(p.authors.map((a) => alias.get(a.name) ?? a.name))]);

describe('indicators of the embedded profile', () => {
  const ind = computeIndicators(resolveDataset(full));
  it('papers, authors, authorships, positions', () => {
    expect(ind.main.papers).toBe(12);
    expect(ind.main.authorPositions).toBe(full.papers.reduce((s, p) => s + p.authors.length, 0));
    expect(ind.main.authorships).toBe(teams.reduce((s, t) => s + t.length, 0));
    expect(ind.main.authorships).toBeLessThan(ind.main.authorPositions);
    expect(ind.main.authors).toBe(new Set(teams.flat()).size);
    expect(ind.main.coauthorsPerPaper).toBeCloseTo(teams.reduce((s, t) => s + t.length, 0) / 12, 12);
  });
  it('every paper is multi-authored and none is cut', () => {
    expect(ind.main.singleAuthoredPapers).toBe(teams.filter((t) => t.length === 1).length);
    expect(ind.main.singleAuthoredShare).toBe(0);
    expect(ind.main.truncatedPapers).toBe(full.papers.filter((p) => p.truncated).length);
    expect(ind.main.collaborationIndex).toBeCloseTo(teams.reduce((s, t) => s + t.length, 0) / 12, 12);
  });
  it('annual production', () => {
    const years = new Map<number, number>();
    for (const p of full.papers) years.set(Number(p.date!.slice(0, 4)), (years.get(Number(p.date!.slice(0, 4))) ?? 0) + 1);
    expect(ind.annual.years).toEqual([...years].sort((a, b) => a[0] - b[0]).map(([year, papers]) => ({ year, papers })));
  });
  it('the owner leads both rankings; fractional = Σ 1/team size', () => {
    const owner = ind.topByPapers[0];
    expect(owner.label).toBe('Yuchen Hao');
    expect(owner.papers).toBe(12);
    expect(owner.fractional).toBeCloseTo(
      teams.reduce((s, t) => s + 1 / t.length, 0),
      12,
    );
    expect(ind.topByFractional[0].label).toBe('Yuchen Hao');
    // First-authored multi-authored papers, counted here from the lists.
    const firsts = teams.filter((t) => t[0] === 'Yuchen Hao').length;
    expect(ind.dominance.find((d) => d.label === 'Yuchen Hao')!.firstAuthoredMulti).toBe(firsts);
  });
  it('Lotka: one point per distinct productivity, shares add to 1', () => {
    const perAuthor = new Map<string, number>();
    for (const t of teams) for (const n of t) perAuthor.set(n, (perAuthor.get(n) ?? 0) + 1);
    const dist = new Map<number, number>();
    for (const c of perAuthor.values()) dist.set(c, (dist.get(c) ?? 0) + 1);
    expect(ind.lotka.points.map((p) => [p.papers, p.authors])).toEqual([...dist].sort((a, b) => a[0] - b[0]));
    expect(ind.lotka.points.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(ind.lotka.fit!.exponent).toBeGreaterThan(1);
  });
});
