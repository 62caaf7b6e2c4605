/** All indicators of a dataset, computed once per resolved dataset (linear in the authorships). */
import type { ResolvedDataset } from '../graph/authors';
import { countAuthorPapers, dominance, emptyAuthorCounts, topAuthors, type AuthorCount, type DominanceRow } from './authors';
import { countryTable, isoNaming, type CountryTable } from './countries';
import { lotka, type Lotka } from './lotka';
import { annualProduction, mainInformation, type AnnualProduction, type MainInformation } from './production';

export const TOP_AUTHORS = 10;
/** Papers counted per step (about 25k authorships on the ACL Anthology). */
const PAPERS_PER_STEP = 8000;

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

/**
 * The computation as steps of a few tens of milliseconds each on the ACL Anthology (140k authorships), so that a
 * page can yield between them; the last step returns the indicators.
 */
export function indicatorSteps(resolved: ResolvedDataset): (() => Indicators | undefined)[] {
  const cached = cache.get(resolved);
  if (cached) return [() => cached];
  const parts: Partial<Indicators> = {};
  let rows: Map<string, AuthorCount> | undefined;
  const counting: (() => undefined)[] = [];
  for (let from = 0; from < resolved.papers.length; from += PAPERS_PER_STEP) {
    counting.push(() => void countAuthorPapers(resolved, rows!, from, Math.min(resolved.papers.length, from + PAPERS_PER_STEP)));
  }
  return [
    () => void (parts.main = mainInformation(resolved)),
    () => void (parts.annual = annualProduction(resolved)),
    () => void (rows = emptyAuthorCounts(resolved)),
    ...counting,
    () => {
      const authors = (parts.authors = [...rows!.values()]);
      parts.topByPapers = topAuthors(authors, TOP_AUTHORS, 'papers');
      parts.topByFractional = topAuthors(authors, TOP_AUTHORS, 'fractional');
      parts.lotka = lotka(authors.map((a) => a.papers));
      parts.dominance = dominance(authors, TOP_AUTHORS);
    },
    () => {
      parts.countries = countryTable(resolved, isoNaming);
      const result = parts as Indicators;
      cache.set(resolved, result);
      return result;
    },
  ];
}

export function computeIndicators(resolved: ResolvedDataset): Indicators {
  let result: Indicators | undefined;
  for (const step of indicatorSteps(resolved)) result = step();
  return result!;
}

/** The steps with a yield to the page between them; rejects with an AbortError when `signal` aborts. */
export async function computeIndicatorsYielding(resolved: ResolvedDataset, signal?: AbortSignal): Promise<Indicators> {
  let result: Indicators | undefined;
  for (const step of indicatorSteps(resolved)) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
    result = step();
  }
  return result!;
}

export type { AuthorCount, DominanceRow } from './authors';
export type { CountryRow, CountryTable } from './countries';
export type { Lotka, LotkaFit, LotkaPoint } from './lotka';
export type { AnnualProduction, MainInformation } from './production';
