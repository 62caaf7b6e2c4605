/**
 * Countries of the authors (AuthorRef.countries): papers per country, full and fractional, and single- vs
 * multiple-country papers (SCP/MCP). bibliometrix counts the corresponding author's country; this counts every
 * author's, so a paper counts for each country on it.
 */
import type { ResolvedDataset } from '../graph/authors';
import { canonicalCountry } from './countryCodes';

export interface CountryRow {
  country: string;
  /** Papers with at least one author from the country. */
  papers: number;
  /**
   * Each paper with country data gives 1 in all: 1/m to each of its m authors with a country, split evenly among
   * that author's countries.
   */
  fractional: number;
  /** Papers of this country on which every author with a country is from this one country. */
  singleCountry: number;
  /** Papers of this country with authors from other countries too. */
  multiCountry: number;
  /** multiCountry / papers. */
  mcpRatio: number;
}

export interface CountryTable {
  rows: CountryRow[];
  /** Papers with at least one author's country. */
  papersWithCountry: number;
  singleCountryPapers: number;
  multiCountryPapers: number;
}

/** How a country field is grouped (`key`) and shown (`label`); an empty key is no country. */
export type CountryNaming = (raw: string) => { key: string; label: string };

/** Country names folded for grouping ("usa" and "USA" are one); the first spelling met names the row. */
export const asWritten: CountryNaming = (c) => ({ key: c.trim().replace(/\s+/g, ' ').toLowerCase(), label: c.trim() });

/**
 * ISO countries where the field names one ("USA", "US", "United States" are one row, "United States"), else as
 * written.
 */
export const isoNaming: CountryNaming = (c) => {
  const country = canonicalCountry(c);
  return country ? { key: country.code, label: country.name } : asWritten(c);
};

export function countryTable(resolved: ResolvedDataset, naming: CountryNaming = asWritten): CountryTable {
  const rows = new Map<string, CountryRow>();
  let withCountry = 0,
    scp = 0,
    mcp = 0;
  for (const { paper } of resolved.papers) {
    const shares = new Map<string, number>();
    const located = paper.authors.filter((a) => a.countries?.some((c) => naming(c).key));
    for (const ref of located) {
      const own = new Map<string, string>();
      for (const c of ref.countries!) {
        const { key, label } = naming(c);
        if (key && !own.has(key)) own.set(key, label);
      }
      for (const [key, label] of own) {
        if (!rows.has(key)) rows.set(key, { country: label, papers: 0, fractional: 0, singleCountry: 0, multiCountry: 0, mcpRatio: 0 });
        shares.set(key, (shares.get(key) ?? 0) + 1 / located.length / own.size);
      }
    }
    if (!shares.size) continue;
    withCountry++;
    const multi = shares.size > 1;
    if (multi) mcp++;
    else scp++;
    for (const [key, share] of shares) {
      const row = rows.get(key)!;
      row.papers++;
      row.fractional += share;
      if (multi) row.multiCountry++;
      else row.singleCountry++;
    }
  }
  const list = [...rows.values()];
  for (const r of list) r.mcpRatio = r.multiCountry / r.papers;
  list.sort((a, b) => b.papers - a.papers || b.fractional - a.fractional || a.country.localeCompare(b.country));
  return { rows: list, papersWithCountry: withCountry, singleCountryPapers: scp, multiCountryPapers: mcp };
}
