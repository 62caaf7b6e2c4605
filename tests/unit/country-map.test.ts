// Country collaboration for the world map: ISO countries from the sources' spellings, SCP/MCP and pairs by hand.
import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../src/app/selection';
import { resolveDataset } from '../../src/graph/authors';
import type { AuthorRef, Dataset } from '../../src/model/types';
import { computeIndicators } from '../../src/metrics';
import { canonicalCountry, countryByNumeric } from '../../src/metrics/countryCodes';
import { countryAuthors, countryCollaboration } from '../../src/metrics/countryMap';
import { validateSnapshot } from '../../src/export/snapshot';

const ref = (name: string, ...countries: string[]): AuthorRef => (countries.length ? { name, countries } : { name });

/**
 * P1 [Ann US, Bo "Peoples R China", Cy England] → US, CN, GB: multi-country; pairs CN–GB, CN–US, GB–US.
 * P2 [Ann "USA", Dee "CA 94305 USA"] → US: single-country.
 * P3 [Bo "CN", Eve Scotland] → CN, GB: multi-country; pair CN–GB.
 * P4 [Fay "Atlantis"] → no country we know (listed as unrecognised). P5 [Gus] → no country.
 */
const dataset: Dataset = {
  id: 'm',
  title: 'map',
  aliases: [],
  papers: [
    { id: 'P1', title: 'p1', truncated: false, authors: [ref('Ann Lee', 'US'), ref('Bo Chen', 'Peoples R China'), ref('Cy Hart', 'England')] },
    { id: 'P2', title: 'p2', truncated: false, authors: [ref('Ann Lee', 'USA'), ref('Dee Ray', 'CA 94305 USA')] },
    { id: 'P3', title: 'p3', truncated: false, authors: [ref('Bo Chen', 'CN'), ref('Eve Ross', 'Scotland')] },
    { id: 'P4', title: 'p4', truncated: false, authors: [ref('Fay Moss', 'Atlantis')] },
    { id: 'P5', title: 'p5', truncated: false, authors: [ref('Gus Hill')] },
  ],
};

describe('canonicalCountry', () => {
  it('reads codes, names, Web of Science spellings and the end of addresses with postcodes', () => {
    const code = (s: string) => canonicalCountry(s)?.code;
    expect(['US', 'USA', 'United States of America', 'CA 94305 USA', 'u.s.a.'].map(code)).toEqual(['US', 'US', 'US', 'US', 'US']);
    expect(['Peoples R China', 'China', '100084 Beijing, China'.split(',').pop()!, 'CN'].map(code)).toEqual(['CN', 'CN', 'CN', 'CN']);
    expect(['England', 'Scotland', 'North Ireland', 'UK'].map(code)).toEqual(['GB', 'GB', 'GB', 'GB']);
    expect(['U Arab Emirates', 'South Korea', 'Turkiye', "Cote d'Ivoire", 'Côte d’Ivoire'].map(code)).toEqual(['AE', 'KR', 'TR', 'CI', 'CI']);
    // Not countries: a state without a postcode, a city, lower-case two letters that are not a code.
    expect(['New South Wales', 'Boston', 'zz', ''].map(code)).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('gives the world-atlas feature id (ISO numeric)', () => {
    expect(canonicalCountry('Germany')?.numeric).toBe('276');
    expect(countryByNumeric(840)?.name).toBe('United States');
    expect(countryByNumeric('036')?.code).toBe('AU');
  });
});

describe('countryCollaboration', () => {
  const c = countryCollaboration(dataset);
  it('papers, SCP and MCP per country, and the totals', () => {
    expect(c.countries.map((x) => [x.code, x.papers, x.singleCountry, x.multiCountry])).toEqual([
      ['CN', 2, 0, 2],
      ['GB', 2, 0, 2],
      ['US', 2, 1, 1],
    ]);
    expect([c.papersWithCountry, c.singleCountryPapers, c.multiCountryPapers]).toEqual([3, 1, 2]);
    expect(c.unrecognised).toEqual([{ text: 'Atlantis', count: 1 }]);
  });
  it('pairs of countries weighted by shared papers', () => {
    expect(c.links).toEqual([
      { a: 'CN', b: 'GB', papers: 2 },
      { a: 'CN', b: 'US', papers: 1 },
      { a: 'GB', b: 'US', papers: 1 },
    ]);
  });
  it("each country's authors are the graph's identity keys", () => {
    const keys = new Set(resolveDataset(dataset).authors.keys());
    expect(countryAuthors(dataset, 'US').sort()).toEqual(['ann lee', 'dee ray']);
    expect(countryAuthors(dataset, 'GB').sort()).toEqual(['cy hart', 'eve ross']);
    expect(countryAuthors(dataset, 'CN')).toEqual(['bo chen']);
    for (const k of ['US', 'GB', 'CN'].flatMap((code) => countryAuthors(dataset, code))) expect(keys.has(k)).toBe(true);
    expect(countryAuthors(dataset, 'FR')).toEqual([]);
  });
  it('an alias joins an author to the person it names', () => {
    const aliased = { ...dataset, aliases: [{ from: 'Dee Ray', to: 'Ann Lee', reason: 'test' }] };
    expect(countryAuthors(aliased, 'US')).toEqual(['ann lee']);
  });
  it('the Indicators table groups the spellings of one country under its ISO name', () => {
    const rows = computeIndicators(resolveDataset(dataset)).countries.rows;
    // US: P1 (Ann 1/3) + P2 (Ann 1/2 + Dee 1/2) = 1 + 1/3; Atlantis stays as written (P4, 1).
    const us = rows.find((r) => r.country === 'United States')!;
    expect([us.papers, us.fractional, us.singleCountry, us.multiCountry]).toEqual([2, 1 + 1 / 3, 1, 1]);
    expect(rows.map((r) => r.country).sort()).toEqual(['Atlantis', 'China', 'United Kingdom', 'United States']);
  });
});

describe('the country selection', () => {
  it('lives in the URL as ?country=<code> and in snapshots', () => {
    expect(writeUrlState({ dataset: 'full', selection: { kind: 'country', code: 'DE' } }, '?x=1')).toBe('?x=1&country=DE');
    expect(readUrlState('?country=de').selection).toEqual({ kind: 'country', code: 'DE' });
    expect(readUrlState('?country=Germany').selection).toBeNull();
  });
  it('a snapshot accepts a country code and refuses anything else', () => {
    const base = JSON.parse(JSON.stringify({ dataset })) as { dataset: Dataset };
    const snap = (selection: unknown) => ({
      format: 'coauthor-atlas-snapshot',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      dataset: base.dataset,
      options: {},
      merges: [],
      positions: {},
      camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
      filters: {},
      selection,
    });
    const errorsOf = (s: unknown) => {
      const r = validateSnapshot(snap(s));
      return r.ok ? [] : r.errors.filter((e) => e.includes('selection'));
    };
    expect(errorsOf({ kind: 'country', code: 'DE' })).toEqual([]);
    expect(errorsOf({ kind: 'country', code: '<b>' }).length).toBe(1);
  });
});
