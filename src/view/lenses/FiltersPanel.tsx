import { useMemo } from 'react';
import { useAtlas } from '../../app/context';
import { categoryLabel } from '../../model/types';
import { OPTION_RANGES, type NumberRange } from '../../graph/types';
import { paperFacet } from '../../lenses/papers';
import type { LensState } from '../../lenses/types';
import { CapHistogram } from './CapHistogram';
import { TOP_STRENGTH_RANGE } from '../../lenses/mapLens';

export function activeFilterCount(lens: LensState): number {
  return [lens.categories?.length, lens.venues?.length, lens.minPapers, lens.minShared, lens.largestComponent, lens.affiliation, lens.topStrength].filter(
    Boolean,
  ).length;
}

const MAX_FACETS = 40;
const { minPapers: MIN_PAPERS, minShared: MIN_SHARED } = OPTION_RANGES;

/** Paper filters (category, venue), structural filters, and the hyperauthor cap preview. */
export function FiltersPanel() {
  const { lens, setLens, index, options, setOptions } = useAtlas();
  const papers = index.dataset.papers;
  const categories = useMemo(() => paperFacet(papers, 'category').slice(0, MAX_FACETS), [papers]);
  const venues = useMemo(() => paperFacet(papers, 'venue').slice(0, MAX_FACETS), [papers]);
  const affiliations = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of index.resolved.authors.values()) for (const f of a.affiliations) counts.set(f, (counts.get(f) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [index]);

  const toggleIn = (list: string[] | undefined, v: string) => {
    const next = list?.includes(v) ? list.filter((x) => x !== v) : [...(list ?? []), v];
    return next.length ? next : undefined;
  };
  // 1 is no filter; values past the range (OPTION_RANGES) are clamped to it.
  const num = (v: string, range: NumberRange) => (Number(v) > 1 ? Math.min(range.max, Math.round(Number(v))) : undefined);

  return (
    <div className="lens-popover" role="group" aria-label="Filters">
      {categories.length > 0 && (
        <fieldset>
          <legend>Category</legend>
          {categories.map((c) => (
            <label key={c.value}>
              <input
                type="checkbox"
                checked={lens.categories?.includes(c.value) ?? false}
                onChange={() => setLens({ ...lens, categories: toggleIn(lens.categories, c.value) })}
              />
              {categoryLabel(c.value)} ({c.count})
            </label>
          ))}
        </fieldset>
      )}
      {venues.length > 0 && (
        <fieldset>
          <legend>Venue</legend>
          {venues.map((c) => (
            <label key={c.value} title={c.value}>
              <input
                type="checkbox"
                checked={lens.venues?.includes(c.value) ?? false}
                onChange={() => setLens({ ...lens, venues: toggleIn(lens.venues, c.value) })}
              />
              {c.value.length > 48 ? `${c.value.slice(0, 47)}…` : c.value} ({c.count})
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Authors and ties</legend>
        <label>
          Min papers per author{' '}
          <input
            type="number"
            min={MIN_PAPERS.min}
            max={MIN_PAPERS.max}
            value={lens.minPapers ?? 1}
            onChange={(e) => setLens({ ...lens, minPapers: num(e.target.value, MIN_PAPERS) })}
          />
        </label>
        <label title="VOSviewer's map wizard: the authors with the greatest total link strength, after the other filters">
          Top authors by total link strength{' '}
          <input
            type="number"
            min={TOP_STRENGTH_RANGE.min}
            max={TOP_STRENGTH_RANGE.max}
            placeholder="all"
            value={lens.topStrength ?? ''}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              setLens({ ...lens, topStrength: e.target.value && n >= 1 ? Math.min(TOP_STRENGTH_RANGE.max, n) : undefined });
            }}
          />
        </label>
        <label>
          Min shared papers per tie{' '}
          <input
            type="number"
            min={MIN_SHARED.min}
            max={MIN_SHARED.max}
            value={lens.minShared ?? 1}
            onChange={(e) => setLens({ ...lens, minShared: num(e.target.value, MIN_SHARED) })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={lens.largestComponent ?? false}
            onChange={(e) => setLens({ ...lens, largestComponent: e.target.checked || undefined })}
          />
          Largest connected group only
        </label>
        <label>
          Affiliation
          <select
            aria-label="Affiliation filter"
            value={lens.affiliation ?? ''}
            onChange={(e) => setLens({ ...lens, affiliation: e.target.value || undefined })}
          >
            <option value="">any</option>
            {affiliations.map(([f, n]) => (
              <option key={f} value={f}>
                {f} ({n})
              </option>
            ))}
          </select>
        </label>
        {affiliations.length === 0 && <span className="muted small">No per-author affiliations in this dataset.</span>}
      </fieldset>
      <CapHistogram />
      {setOptions ? (
        <fieldset className="lens-counting">
          <legend>Counting</legend>
          <label>
            <input type="radio" name="lens-counting" checked={options.counting === 'full'} onChange={() => setOptions({ counting: 'full' })} /> full (one per
            shared paper)
          </label>
          <label>
            <input type="radio" name="lens-counting" checked={options.counting === 'fractional'} onChange={() => setOptions({ counting: 'fractional' })} />{' '}
            fractional (1/(n−1) per paper)
          </label>
        </fieldset>
      ) : (
        <p className="muted small">This graph came ready-made from a file: its edge weights are the file's.</p>
      )}
      <button
        type="button"
        className="lens-button"
        disabled={!activeFilterCount(lens)}
        onClick={() =>
          setLens({
            ...lens,
            categories: undefined,
            venues: undefined,
            minPapers: undefined,
            minShared: undefined,
            largestComponent: undefined,
            affiliation: undefined,
            topStrength: undefined,
          })
        }
      >
        Clear filters
      </button>
    </div>
  );
}
