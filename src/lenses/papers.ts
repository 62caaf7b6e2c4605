import type { Paper } from '../model/types';
import { paperYear } from '../graph/authors';
import type { LensState } from './types';

/** Is any paper-level filter (years, categories, venues) on? */
export function hasPaperFilter(lens: LensState): boolean {
  return Boolean(lens.years || lens.categories?.length || lens.venues?.length);
}

/**
 * The ids of the papers the lens keeps, or null when no paper filter is on (everything kept).
 * A paper without a year is dropped by a year range; categories and venues are alternatives within each filter.
 */
export function visiblePapers(papers: Paper[], lens: LensState): Set<string> | null {
  if (!hasPaperFilter(lens)) return null;
  const cats = lens.categories?.length ? new Set(lens.categories) : null;
  const venues = lens.venues?.length ? new Set(lens.venues) : null;
  const kept = new Set<string>();
  for (const p of papers) {
    if (lens.years) {
      const y = paperYear(p);
      if (y === undefined || y < lens.years[0] || y > lens.years[1]) continue;
    }
    if (cats && !(p.category && cats.has(p.category))) continue;
    if (venues && !(p.venue && venues.has(p.venue))) continue;
    kept.add(p.id);
  }
  return kept;
}

/** Longest run of years the timeline fills gaps over; a wider spread (a stray year 10^15) shows only years with papers. */
export const MAX_TIMELINE_SPAN = 1_000;

/**
 * Papers per year (ascending), for the timeline: gaps filled with 0 when the years span at most
 * MAX_TIMELINE_SPAN, so the bins are never more than papers + MAX_TIMELINE_SPAN, whatever the years.
 */
export function papersPerYear(papers: Paper[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const p of papers) {
    const y = paperYear(p);
    if (y !== undefined && Number.isInteger(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (!counts.size) return [];
  const years = [...counts.keys()].sort((a, b) => a - b);
  const lo = years[0];
  const hi = years[years.length - 1];
  // Past 2^53 consecutive years are not all numbers (y + 1 === y): no gaps filled there either.
  if (hi - lo > MAX_TIMELINE_SPAN || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return years.map((year) => ({ year, count: counts.get(year)! }));
  const out = [];
  for (let y = lo; y <= hi; y++) out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

/** Distinct values of a paper field with their paper counts, most papers first. */
export function paperFacet(papers: Paper[], field: 'category' | 'venue'): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of papers) {
    const v = p[field];
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
