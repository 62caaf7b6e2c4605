// Countries per paper (full and fractional) and SCP/MCP, by hand on a fixture; OpenAlex authorships fill countries.
import { describe, expect, it } from 'vitest';
import { resolveDataset } from '../../src/graph/authors';
import { parseOpenAlex } from '../../src/import/json';
import type { AuthorRef, Dataset } from '../../src/model/types';
import { computeIndicators } from '../../src/metrics';
import { countriesTable, indicatorTables, tableCsv } from '../../src/metrics/csv';
import { countryTable } from '../../src/metrics/countries';

const ref = (name: string, countries?: string[]): AuthorRef => (countries ? { name, countries } : { name });

/**
 * Q1 [X USA, Y Germany, Z —]: 2 located authors → USA 1/2, Germany 1/2; multi-country.
 * Q2 [X USA, W usa+Canada]: X → USA 1/2; W → USA 1/4, Canada 1/4; multi-country ("usa" is "USA").
 * Q3 [Y Germany]: Germany 1; single-country. Q4 [Z —]: no country, not counted.
 */
const dataset: Dataset = {
  id: 'c',
  title: 'countries',
  aliases: [],
  papers: [
    { id: 'Q1', title: 'q1', truncated: false, authors: [ref('Xia Li', ['USA']), ref('Yann Meyer', ['Germany']), ref('Zoe Park')] },
    { id: 'Q2', title: 'q2', truncated: false, authors: [ref('Xia Li', ['USA']), ref('Wen Ho', ['usa', 'Canada'])] },
    { id: 'Q3', title: 'q3', truncated: false, authors: [ref('Yann Meyer', [' Germany '])] },
    { id: 'Q4', title: 'q4', truncated: false, authors: [ref('Zoe Park')] },
  ],
};

describe('countries', () => {
  const t = countryTable(resolveDataset(dataset));
  it('papers, fractional papers, SCP, MCP and MCP ratio per country', () => {
    expect(t.rows).toEqual([
      { country: 'Germany', papers: 2, fractional: 1.5, singleCountry: 1, multiCountry: 1, mcpRatio: 0.5 },
      { country: 'USA', papers: 2, fractional: 1.25, singleCountry: 0, multiCountry: 2, mcpRatio: 1 },
      { country: 'Canada', papers: 1, fractional: 0.25, singleCountry: 0, multiCountry: 1, mcpRatio: 1 },
    ]);
    expect([t.papersWithCountry, t.singleCountryPapers, t.multiCountryPapers]).toEqual([3, 1, 2]);
  });
  it('shows up as a CSV table only where some author has a country', () => {
    const ind = computeIndicators(resolveDataset(dataset));
    expect(indicatorTables(ind).map((x) => x.id)).toContain('countries');
    expect(tableCsv(countriesTable(ind)).split('\r\n')[1]).toBe('Germany,2,1.5,1,1,0.5');
    const none = computeIndicators(resolveDataset({ ...dataset, papers: [dataset.papers[3]] }));
    expect(indicatorTables(none).map((x) => x.id)).not.toContain('countries');
  });
  it('OpenAlex authorships give their countries (the `countries` list, else the institutions’ country_code)', () => {
    // Authorship fields as documented at docs.openalex.org (Work object → authorships → Authorship object).
    const work = {
      id: 'https://openalex.org/W1',
      title: 'Shared work',
      publication_year: 2024,
      authorships: [
        {
          author: { id: 'https://openalex.org/A1', display_name: 'Xia Li' },
          countries: ['US', 'CN'],
          institutions: [{ display_name: 'MIT', country_code: 'US' }],
        },
        {
          author: { id: 'https://openalex.org/A2', display_name: 'Yann Meyer' },
          institutions: [
            { display_name: 'TUM', country_code: 'DE' },
            { display_name: 'LMU', country_code: 'DE' },
          ],
        },
        { author: { id: 'https://openalex.org/A3', display_name: 'Zoe Park' }, institutions: [] },
      ],
    };
    const parsed = parseOpenAlex(JSON.stringify({ results: [work] }));
    expect(parsed.papers[0].authors.map((a) => a.countries)).toEqual([['US', 'CN'], ['DE'], undefined]);
    const rows = countryTable(resolveDataset({ id: 'o', title: 'o', aliases: [], papers: parsed.papers })).rows;
    // Xia Li: 1/2 split over US and CN (1/4 each); Yann Meyer: 1/2 to DE.
    expect(rows.map((r) => [r.country, r.papers, r.fractional, r.multiCountry])).toEqual([
      ['DE', 1, 0.5, 1],
      ['CN', 1, 0.25, 1],
      ['US', 1, 0.25, 1],
    ]);
  });
});
