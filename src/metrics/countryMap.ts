/**
 * Country collaboration for the world map: each author's countries recognised as ISO countries (`canonicalCountry`),
 * papers per country, single- vs multiple-country papers (SCP/MCP), the authors of each country, and the pairs of
 * countries that share papers. Pure and DOM-free.
 */
import { aliasResolver, identityKeys } from '../graph/authors';
import type { Dataset } from '../model/types';
import { canonicalCountry, type Country } from './countryCodes';

export interface CountryNode extends Country {
  /** Papers with at least one author from this country. */
  papers: number;
  /** Of those, papers whose authors (with a recognised country) are all from this one country. */
  singleCountry: number;
  /** Of those, papers with authors from other countries too. */
  multiCountry: number;
  /** Identity keys (as in the graph: `a:<key>`) of the authors listed with this country on some paper. */
  authors: string[];
}

export interface CountryLink {
  /** Alpha-2 codes, a < b. */
  a: string;
  b: string;
  /** Papers with authors from both countries. */
  papers: number;
}

export interface CountryCollaboration {
  /** Most papers first, then by name. */
  countries: CountryNode[];
  /** Most shared papers first. */
  links: CountryLink[];
  /** Papers with at least one recognised country. */
  papersWithCountry: number;
  singleCountryPapers: number;
  multiCountryPapers: number;
  /** Country fields that name no country we know, with how often each was met. */
  unrecognised: { text: string; count: number }[];
}

const cache = new WeakMap<Dataset, CountryCollaboration>();

/** Whether any author of the dataset carries a country. */
export const hasCountries = (dataset: Dataset): boolean => dataset.papers.some((p) => p.authors.some((a) => a.countries?.length));

export function countryCollaboration(dataset: Dataset): CountryCollaboration {
  const cached = cache.get(dataset);
  if (cached) return cached;
  const nodes = new Map<string, CountryNode>();
  const authorSets = new Map<string, Set<string>>();
  const links = new Map<string, CountryLink>();
  const unrecognised = new Map<string, number>();
  let withCountry = 0,
    scp = 0,
    mcp = 0;
  if (hasCountries(dataset)) {
    const refKeys = identityKeys(dataset).refKeys;
    const resolve = aliasResolver(dataset.aliases ?? []);
    dataset.papers.forEach((paper, pi) => {
      const here = new Set<string>();
      paper.authors.forEach((ref, ri) => {
        for (const raw of ref.countries ?? []) {
          const country = canonicalCountry(raw);
          if (!country) {
            const text = raw.trim();
            if (text) unrecognised.set(text, (unrecognised.get(text) ?? 0) + 1);
            continue;
          }
          here.add(country.code);
          if (!nodes.has(country.code)) {
            nodes.set(country.code, { ...country, papers: 0, singleCountry: 0, multiCountry: 0, authors: [] });
            authorSets.set(country.code, new Set());
          }
          const key = refKeys[pi][ri] ? resolve(refKeys[pi][ri]) : '';
          if (key) authorSets.get(country.code)!.add(key);
        }
      });
      if (!here.size) return;
      withCountry++;
      const multi = here.size > 1;
      if (multi) mcp++;
      else scp++;
      for (const code of here) {
        const node = nodes.get(code)!;
        node.papers++;
        if (multi) node.multiCountry++;
        else node.singleCountry++;
      }
      const codes = [...here].sort();
      for (let i = 0; i < codes.length; i++)
        for (let j = i + 1; j < codes.length; j++) {
          const id = `${codes[i]}|${codes[j]}`;
          const link = links.get(id) ?? { a: codes[i], b: codes[j], papers: 0 };
          link.papers++;
          links.set(id, link);
        }
    });
  }
  for (const [code, set] of authorSets) nodes.get(code)!.authors = [...set];
  const result: CountryCollaboration = {
    countries: [...nodes.values()].sort((x, y) => y.papers - x.papers || x.name.localeCompare(y.name)),
    links: [...links.values()].sort((x, y) => y.papers - x.papers || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    papersWithCountry: withCountry,
    singleCountryPapers: scp,
    multiCountryPapers: mcp,
    unrecognised: [...unrecognised].map(([text, count]) => ({ text, count })).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text)),
  };
  cache.set(dataset, result);
  return result;
}

/** The identity keys of a country's authors (empty when none, or when the code is unknown). */
export function countryAuthors(dataset: Dataset, code: string): string[] {
  return countryCollaboration(dataset).countries.find((c) => c.code === code)?.authors ?? [];
}
