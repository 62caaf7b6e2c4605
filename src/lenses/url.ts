import { inRange, OPTION_RANGES, type NumberRange } from '../graph/types';
import { DEFAULT_LENS, type LensState } from './types';
import { scoreOf, weightOf } from './mapMeasures';
import { readMapLens, writeMapLens } from './mapLens';

/**
 * Lens state ⇄ URL parameters. Defaults are left out; parameters the lenses do not own are kept.
 * (`affiliation` belongs to the selection, so the affiliation filter is `aff`.)
 */
const OWN = ['years', 'cat', 'venue', 'minPapers', 'minShared', 'lcc', 'aff', 'color', 'size', 'ego', 'path', 'unit'] as const;

const COLOR_BY: LensState['colorBy'][] = ['community', 'affiliation', 'firstYear', 'lastYear', 'avgYear', 'citations'];
const SIZE_BY: LensState['sizeBy'][] = ['papers', 'coauthors', 'weightedDegree', 'betweenness', 'pagerank'];
const UNITS: LensState['unit'][] = ['author', 'institution', 'country'];

/** A whole number inside the UI's range (OPTION_RANGES), or undefined. */
const intIn = (v: string | null, range: NumberRange) => (v !== null && /^\d{1,9}$/.test(v) && inRange(Number(v), range) ? Number(v) : undefined);
/** Longest author key or text value a lens parameter may carry, and most values of a repeated one. */
const MAX_PARAM_CHARS = 1_000;
const MAX_PARAM_VALUES = 200;
const textValues = (values: string[]) => values.filter((v) => v && v.length <= MAX_PARAM_CHARS).slice(0, MAX_PARAM_VALUES);
const oneOf = <T extends string>(v: string | null, allowed: T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

export function readLensState(search: string): LensState {
  const p = new URLSearchParams(search);
  const lens: LensState = {
    colorBy: scoreOf(p.get('color') ?? '') !== undefined ? (p.get('color') as LensState['colorBy']) : oneOf(p.get('color'), COLOR_BY, DEFAULT_LENS.colorBy),
    sizeBy: weightOf(p.get('size') ?? '') !== undefined ? (p.get('size') as LensState['sizeBy']) : oneOf(p.get('size'), SIZE_BY, DEFAULT_LENS.sizeBy),
    unit: oneOf(p.get('unit'), UNITS, DEFAULT_LENS.unit),
  };
  const years = p.get('years')?.match(/^(\d{4})(?:-(\d{4}))?$/);
  if (years && inRange(Number(years[1]), OPTION_RANGES.year) && inRange(Number(years[2] ?? years[1]), OPTION_RANGES.year)) {
    const a = Number(years[1]);
    const b = Number(years[2] ?? years[1]);
    lens.years = [Math.min(a, b), Math.max(a, b)];
  }
  const cats = textValues(p.getAll('cat'));
  if (cats.length) lens.categories = cats;
  const venues = textValues(p.getAll('venue'));
  if (venues.length) lens.venues = venues;
  const minPapers = intIn(p.get('minPapers'), OPTION_RANGES.minPapers);
  if (minPapers && minPapers > 1) lens.minPapers = minPapers;
  const minShared = intIn(p.get('minShared'), OPTION_RANGES.minShared);
  if (minShared && minShared > 1) lens.minShared = minShared;
  if (p.get('lcc') === '1') lens.largestComponent = true;
  const [aff] = textValues([p.get('aff') ?? '']);
  if (aff) lens.affiliation = aff;
  const ego = intIn(p.get('ego'), OPTION_RANGES.egoDepth);
  if (ego) lens.egoDepth = ego as 1 | 2 | 3;
  const path = p.get('path')?.split('|');
  if (path && path.length === 2 && textValues(path).length === 2) lens.path = [path[0], path[1]];
  return { ...lens, ...readMapLens(p) };
}

export function writeLensState(lens: LensState, currentSearch: string): string {
  const p = new URLSearchParams(currentSearch);
  for (const k of OWN) p.delete(k);
  if (lens.years) p.set('years', lens.years[0] === lens.years[1] ? String(lens.years[0]) : `${lens.years[0]}-${lens.years[1]}`);
  for (const c of lens.categories ?? []) p.append('cat', c);
  for (const v of lens.venues ?? []) p.append('venue', v);
  if (lens.minPapers && lens.minPapers > 1) p.set('minPapers', String(lens.minPapers));
  if (lens.minShared && lens.minShared > 1) p.set('minShared', String(lens.minShared));
  if (lens.largestComponent) p.set('lcc', '1');
  if (lens.affiliation) p.set('aff', lens.affiliation);
  if (lens.colorBy !== DEFAULT_LENS.colorBy) p.set('color', lens.colorBy);
  if (lens.sizeBy !== DEFAULT_LENS.sizeBy) p.set('size', lens.sizeBy);
  if (lens.egoDepth) p.set('ego', String(lens.egoDepth));
  if (lens.path) p.set('path', `${lens.path[0]}|${lens.path[1]}`);
  if (lens.unit !== DEFAULT_LENS.unit) p.set('unit', lens.unit);
  writeMapLens(lens, p);
  const q = p.toString();
  return q ? `?${q}` : '';
}
