import { useEffect, useMemo, useRef, useState } from 'react';
import { brushX, max, scaleBand, scaleLinear, select, type BrushBehavior } from 'd3';
import { useAtlas } from '../../app/context';
import { papersPerYear } from '../../lenses/papers';
import type { LensState } from '../../lenses/types';
import { BrushHandles } from './BrushHandles';
import './lenses.css';

const HEIGHT = 56;
const STEP_MS = 900;
type PlayMode = 'cumulative' | 'window';

/**
 * Papers per year under the graph, with a brush that sets `lens.years` (snapped to whole years),
 * From/To selects for the keyboard, and a play button that steps through the years.
 */
export function Timeline() {
  const { index, lens, setLens } = useAtlas();
  const bins = useMemo(() => papersPerYear(index.dataset.papers), [index]);
  const [width, setWidth] = useState(600);
  const [playing, setPlaying] = useState(false);
  const [mode, setMode] = useState<PlayMode>('cumulative');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(120, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [bins.length]);

  const years = bins.map((b) => b.year);
  const first = years[0];
  const last = years[years.length - 1];
  const range = lens.years;

  // Play: one step per tick, from the current frame; stops after the last year.
  useEffect(() => {
    if (!playing || !range) return;
    const timer = window.setTimeout(() => {
      const next: [number, number] = mode === 'cumulative' ? [range[0], range[1] + 1] : [range[0] + 1, range[1] + 1];
      // A step that moves nothing (years past 2^53, where y + 1 === y) ends the play too.
      if (next[1] > last || next[1] === range[1]) setPlaying(false);
      else setLens({ ...lens, years: next });
    }, STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, range, mode, last, lens, setLens]);

  if (!bins.length) return null;

  const setYears = (y: [number, number] | undefined) => setLens({ ...lens, years: y && (y[0] > first || y[1] < last) ? y : undefined });
  const play = () => {
    if (playing) return setPlaying(false);
    const span = range && mode === 'window' ? range[1] - range[0] : 0;
    setLens({ ...lens, years: [first, first + span] });
    setPlaying(true);
  };

  return (
    <section className="lens-timeline" aria-label="Timeline">
      <div className="lens-timeline-controls">
        <button
          type="button"
          className="lens-button"
          onClick={play}
          aria-pressed={playing}
          aria-label={playing ? 'Pause timeline' : 'Play timeline'}
          title="Step through the years"
        >
          <span aria-hidden="true">{playing ? '⏸' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        <select aria-label="Play mode" value={mode} onChange={(e) => setMode(e.target.value as PlayMode)}>
          <option value="cumulative">cumulative</option>
          <option value="window">sliding window</option>
        </select>
        <label>
          From{' '}
          <select
            aria-label="From year"
            value={range?.[0] ?? first}
            onChange={(e) => {
              const a = Number(e.target.value);
              setYears([a, Math.max(a, range?.[1] ?? last)]);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select
            aria-label="To year"
            value={range?.[1] ?? last}
            onChange={(e) => {
              const b = Number(e.target.value);
              setYears([Math.min(b, range?.[0] ?? first), b]);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="lens-button"
          onClick={() => {
            setPlaying(false);
            setYears(undefined);
          }}
          disabled={!range}
        >
          All years
        </button>
        <span className="muted small" role="status">
          {describe(bins, range)}
        </span>
      </div>
      <div ref={box} className="lens-timeline-chart">
        <Histogram
          bins={bins}
          width={width}
          lens={lens}
          setLens={setLens}
          onUserBrush={() => setPlaying(false)}
          setYears={(y) => {
            setPlaying(false);
            setYears(y);
          }}
        />
      </div>
    </section>
  );
}

function describe(bins: { year: number; count: number }[], range?: [number, number]): string {
  const kept = bins.filter((b) => !range || (b.year >= range[0] && b.year <= range[1])).reduce((s, b) => s + b.count, 0);
  const span = range ? (range[0] === range[1] ? `${range[0]}` : `${range[0]}–${range[1]}`) : 'all years';
  return `${kept} paper${kept === 1 ? '' : 's'}, ${span}`;
}

interface HistogramProps {
  bins: { year: number; count: number }[];
  width: number;
  lens: LensState;
  setLens: (l: LensState) => void;
  onUserBrush: () => void;
  setYears: (years: [number, number] | undefined) => void;
}

function Histogram({ bins, width, lens, setLens, onUserBrush, setYears }: HistogramProps) {
  const brushG = useRef<SVGGElement>(null);
  const brushRef = useRef<BrushBehavior<unknown> | null>(null);
  const latest = useRef({ lens, setLens, onUserBrush });
  useEffect(() => {
    latest.current = { lens, setLens, onUserBrush };
  });

  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(bins.map((b) => b.year))
        .range([0, width])
        .paddingInner(0.08),
    [bins, width],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, max(bins, (b) => b.count) ?? 1])
        .range([HEIGHT - 14, 2]),
    [bins],
  );
  const range = lens.years;

  // The brush is d3's; React owns the bars. A user brush sets the years; the brush then snaps to them.
  useEffect(() => {
    const g = brushG.current;
    if (!g) return;
    const brush = brushX<unknown>()
      .extent([
        [0, 0],
        [width, HEIGHT - 14],
      ])
      .on('end', (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        if (!event.sourceEvent) return;
        const { lens: l, setLens: set, onUserBrush: stop } = latest.current;
        stop();
        const inside = event.selection
          ? x.domain().filter((yr) => {
              const mid = x(yr)! + x.bandwidth() / 2;
              return mid >= event.selection![0] && mid <= event.selection![1];
            })
          : [];
        const all = x.domain();
        const full = inside.length === all.length;
        set({ ...l, years: inside.length && !full ? [inside[0], inside[inside.length - 1]] : undefined });
        if (!inside.length || full) select(g).call(brush.move, null);
      });
    brushRef.current = brush;
    select(g).call(brush);
    return () => {
      select(g).on('.brush', null);
    };
  }, [x, width]);

  // Keep the brush on the lens's years (URL, play, selects), without firing the handler as a user move.
  useEffect(() => {
    const g = brushG.current;
    if (!g || !brushRef.current) return;
    const px: [number, number] | null = range
      ? [x(Math.max(range[0], x.domain()[0])) ?? 0, (x(Math.min(range[1], x.domain()[x.domain().length - 1])) ?? 0) + x.bandwidth()]
      : null;
    select(g).call(brushRef.current.move, px);
  }, [range, x]);

  // One year label per ~36 px (a field's half century would overlap otherwise), on round years where possible.
  const labelEvery = Math.max(1, Math.ceil(36 / Math.max(1, x.step())));
  const step = [1, 2, 5, 10, 20, 25, 50].find((n) => n >= labelEvery) ?? labelEvery;
  return (
    <div className="lens-histogram-box">
      <svg width={width} height={HEIGHT} className="lens-histogram" role="img" aria-label="Papers per year; drag to choose a range of years">
        {bins.map((b) => {
          const inRange = !range || (b.year >= range[0] && b.year <= range[1]);
          return (
            <g key={b.year}>
              <rect
                x={x(b.year)}
                y={y(b.count)}
                width={x.bandwidth()}
                height={Math.max(0, HEIGHT - 14 - y(b.count))}
                className={inRange ? 'bar in' : 'bar out'}
              >
                <title>{`${b.year}: ${b.count} paper${b.count === 1 ? '' : 's'}`}</title>
              </rect>
            </g>
          );
        })}
        <g ref={brushG} className="lens-brush" />
      </svg>
      {/* Year labels are HTML under the chart (text inside an SVG image is beyond contrast checkers). */}
      <div className="lens-ticks" aria-hidden="true">
        {bins
          .filter((b) => b.year % step === 0 && (x(b.year) ?? 0) + x.bandwidth() / 2 >= 14)
          .map((b) => (
            <span key={b.year} className="tick" style={{ left: `${(x(b.year) ?? 0) + x.bandwidth() / 2}px` }}>
              {b.year}
            </span>
          ))}
      </div>
      <BrushHandles years={x.domain()} x={x} height={HEIGHT - 14} range={range} setYears={setYears} />
    </div>
  );
}
