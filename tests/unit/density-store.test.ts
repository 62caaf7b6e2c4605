import { describe, expect, it } from 'vitest';
import { createDensityStore, viewFromUrl, type DensityFrame, type StageView } from '../../src/view/density/densityState';

const frame: DensityFrame = { width: 10, height: 8, grid: { cols: 2, rows: 2, cell: 5, values: new Float32Array(4), max: 0 }, labels: [] };

describe('density store (one per app)', () => {
  it('reads the view from the address', () => {
    expect(viewFromUrl('?view=density&dataset=full')).toBe('density');
    expect(viewFromUrl('?view=other')).toBe('network');
    expect(viewFromUrl('')).toBe('network');
  });

  it('two stores are independent: a change in one is not seen by the other', () => {
    const a = createDensityStore('network', () => {});
    const b = createDensityStore('network', () => {});
    a.setView('density');
    a.setKernel(4);
    expect(a.get()).toMatchObject({ view: 'density', kernel: 4 });
    expect(b.get()).toMatchObject({ view: 'network', kernel: 2 });
  });

  it('writes the address only on a change of view, and tells its listeners', () => {
    const written: StageView[] = [];
    const store = createDensityStore('network', (v) => written.push(v));
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.setView('network');
    expect(written).toEqual([]);
    store.setView('density');
    store.setView('density');
    store.setView('network');
    expect(written).toEqual(['density', 'network']);
    expect(calls).toBe(2);
    stop();
    store.setView('density');
    expect(calls).toBe(2);
  });

  it('clamps and rounds the kernel to the five widths', () => {
    const store = createDensityStore('density', () => {});
    store.setKernel(9);
    expect(store.get().kernel).toBe(4);
    store.setKernel(-3);
    expect(store.get().kernel).toBe(0);
    store.setKernel(1.6);
    expect(store.get().kernel).toBe(2);
  });

  it('shows its frame to the exports only in the density view, and drops it on leaving', () => {
    const store = createDensityStore('density', () => {});
    expect(store.shownDensity()).toBeNull();
    store.setFrame(frame);
    expect(store.shownDensity()).toBe(frame);
    store.setView('network');
    expect(store.shownDensity()).toBeNull();
    expect(store.get().frame).toBeNull();
  });
});
