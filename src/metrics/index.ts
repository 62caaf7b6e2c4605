/** All indicators of a dataset, computed once per resolved dataset (linear in the authorships). */
import type { ResolvedDataset } from '../graph/authors';
import { authorCounts, dominance, topAuthors, type AuthorCount, type DominanceRow } from './authors';
import { countryTable, type CountryTable } from './countries';
import { lotka, type Lotka } from './lotka';
import { annualProduction, mainInformation, type AnnualProduction, type MainInformation } from './production';

export const TOP_AUTHORS = 10;

export interface Indicators {
  main: MainInformation;
  annual: AnnualProduction;
  /** Every author (first-seen order): the tables take their top rows, the CSV takes all. */
  authors: AuthorCount[];
  topByPapers: AuthorCount[];
  topByFractional: AuthorCount[];
  lotka: Lotka;
  dominance: DominanceRow[];
  countries: CountryTable;
}

const cache = new WeakMap<ResolvedDataset, Indicators>();

export function computeIndicators(resolved: ResolvedDataset): Indicators {
  const cached = cache.get(resolved);
  if (cached) return cached;
  const authors = authorCounts(resolved);
  const result: Indicators = {
    main: mainInformation(resolved),
    annual: annualProduction(resolved),
    authors,
    topByPapers: topAuthors(authors, TOP_AUTHORS, 'papers'),
    topByFractional: topAuthors(authors, TOP_AUTHORS, 'fractional'),
    lotka: lotka(authors.map((a) => a.papers)),
    dominance: dominance(authors, TOP_AUTHORS),
    countries: countryTable(resolved),
  };
  cache.set(resolved, result);
  return result;
}

export type { AuthorCount, DominanceRow } from './authors';
export type { CountryRow, CountryTable } from './countries';
export type { Lotka, LotkaFit, LotkaPoint } from './lotka';
export type { AnnualProduction, MainInformation } from './production';
