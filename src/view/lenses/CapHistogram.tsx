import { useMemo, useState } from 'react';
import { useAtlas } from '../../app/context';
import { authorCountBins, capImpact } from '../../lenses/cap';
import { OPTION_RANGES } from '../../graph/types';

const CAP = OPTION_RANGES.hyperauthorCap;

const W = 260;
const H = 48;

/**
 * Authors per paper, with a slider previewing what a hyperauthor cap would do, and a button that
 * applies it (the cap is a build option: applying it rebuilds the graph).
 */
export function CapHistogram() {
  const { index, options, setOptions } = useAtlas();
  const counts = useMemo(() => index.resolved.papers.map((p) => p.authorKeys.length).filter((n) => n > 0), [index]);
  const bins = useMemo(() => authorCountBins(counts), [counts]);
  const [cap, setCap] = useState(options.hyperauthorCap);
  if (!counts.length) return null;
  // The slider runs up to the biggest paper, within the cap's range (OPTION_RANGES).
  const top = Math.min(
    CAP.max,
    counts.reduce((m, n) => Math.max(m, n), 0),
  );
  const impact = capImpact(counts, cap);
  const peak = Math.max(...bins.map((b) => b.count));
  const bw = W / bins.length;
  return (
    <fieldset className="lens-cap">
      <legend>Hyperauthor cap</legend>
      <svg width={W} height={H + 12} role="img" aria-label="Papers by number of authors">
        {bins.map((b, i) => {
          const h = (b.count / peak) * H;
          return (
            <g key={b.lo}>
              <rect x={i * bw + 1} y={H - h} width={bw - 2} height={h} className={b.lo > cap ? 'over' : 'under'}>
                <title>{`${b.lo === b.hi ? b.lo : `${b.lo}–${b.hi}`} authors: ${b.count} papers`}</title>
              </rect>
              <text x={i * bw + bw / 2} y={H + 10} fontSize={9} textAnchor="middle" fill="currentColor">
                {b.hi}
              </text>
            </g>
          );
        })}
      </svg>
      <label>
        Cap {cap}
        <input
          type="range"
          min={CAP.min}
          max={Math.max(CAP.min + 1, top)}
          value={Math.min(cap, Math.max(CAP.min + 1, top))}
          onChange={(e) => setCap(Number(e.target.value))}
          aria-label="Hyperauthor cap preview"
        />
      </label>
      <span className="small" role="status">
        At {cap}: {impact.hubPapers} paper{impact.hubPapers === 1 ? '' : 's'} drawn as hubs ({impact.hubLinks.toLocaleString()} author links) instead of{' '}
        {impact.cliquePairs.toLocaleString()} coauthor pairs. Current cap: {options.hyperauthorCap}.
      </span>
      {setOptions && (
        <button type="button" className="lens-button" disabled={cap === options.hyperauthorCap} onClick={() => setOptions({ hyperauthorCap: cap })}>
          Apply cap {cap}
        </button>
      )}
    </fieldset>
  );
}
