import type { KeyboardEvent } from 'react';
import type { ScaleBand } from 'd3';
import '../a11y.css';

interface BrushHandlesProps {
  years: number[];
  x: ScaleBand<number>;
  height: number;
  range: [number, number] | undefined;
  /** Sets the year range (undefined: all years). */
  setYears: (years: [number, number] | undefined) => void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The timeline brush for the keyboard: its two edges as sliders over the histogram. Arrow keys move an edge by a year
 * (Page Up/Down by five, Home/End to the ends); with Shift the whole range moves and keeps its length.
 */
export function BrushHandles({ years, x, height, range, setYears }: BrushHandlesProps) {
  if (!years.length) return null;
  const first = years[0];
  const last = years[years.length - 1];
  const [from, to] = range ?? [first, last];

  const onKey = (edge: 0 | 1) => (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5 }[e.key];
    let next: [number, number] | null = null;
    if (step !== undefined && e.shiftKey) {
      const shift = clamp(step, first - from, last - to);
      next = [from + shift, to + shift];
    } else if (step !== undefined) {
      next = edge === 0 ? [clamp(from + step, first, to), to] : [from, clamp(to + step, from, last)];
    } else if (e.key === 'Home') next = edge === 0 ? [first, to] : [from, from];
    else if (e.key === 'End') next = edge === 0 ? [to, to] : [from, last];
    if (!next) return;
    e.preventDefault();
    if (next[0] !== from || next[1] !== to) setYears(next);
  };

  const handle = (edge: 0 | 1) => {
    const year = edge === 0 ? from : to;
    const left = edge === 0 ? (x(from) ?? 0) : (x(to) ?? 0) + x.bandwidth();
    return (
      <div
        key={edge}
        role="slider"
        tabIndex={0}
        className={`brush-handle ${edge === 0 ? 'start' : 'end'}`}
        style={{ left: `${left}px`, height: `${height}px` }}
        aria-label={edge === 0 ? 'First year of the range' : 'Last year of the range'}
        aria-valuemin={edge === 0 ? first : from}
        aria-valuemax={edge === 0 ? to : last}
        aria-valuenow={year}
        aria-valuetext={`${year}${range ? '' : ' (all years)'}`}
        onKeyDown={onKey(edge)}
      />
    );
  };
  return (
    <>
      {handle(0)}
      {handle(1)}
    </>
  );
}
