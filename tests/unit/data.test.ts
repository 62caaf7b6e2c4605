import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, repoRoot } from './helpers';

const sharedDir = resolve(repoRoot, '../shared/data');

describe('embedded data', () => {
  const full = loadDataset('profile-full.json');
  const shown = loadDataset('profile-shown.json');

  it('has the 12 papers with full author lists, sources and notes', () => {
    expect(full.papers).toHaveLength(12);
    const distinct = new Set(full.papers.flatMap((p) => p.authors.map((a) => a.name)));
    expect(distinct.size).toBe(757);
    expect(full.papers.find((p) => p.title.startsWith('The Llama 3'))!.authors).toHaveLength(559);
    for (const p of full.papers) {
      expect(p.sources!.length).toBeGreaterThan(0);
      expect(p.notes).toBeTruthy();
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['AI', 'DC', 'IR', 'LG']).toContain(p.category);
    }
    const wlb = full.papers.find((p) => p.title.startsWith('WLB-LLM'))!;
    expect(wlb.authors.find((a) => a.name === 'Zheng Wang')!.affiliations).toEqual(['University of California, San Diego', 'Meta']);
    expect(full.profile).toMatchObject({ name: 'Yuchen Hao', hIndex: 25, papers: 12, citations: 16701 });
  });

  it('has the profile as shown: three authors and "et al."', () => {
    expect(shown.papers).toHaveLength(12);
    for (const p of shown.papers) {
      expect(p.authors).toHaveLength(3);
      expect(p.truncated).toBe(true);
    }
  });

  it('lists name variants as explicit aliases', () => {
    expect(full.aliases.map((a) => a.from).sort()).toEqual(['Adi Gangidi', 'Ellie Dingqiao Wen']);
  });

  it.skipIf(!existsSync(sharedDir))('matches ../shared/data (skipped where shared/ is absent)', () => {
    const src = JSON.parse(readFileSync(resolve(sharedDir, 'seed-papers.full.json'), 'utf8')) as { id: string; authors: string[]; title: string }[];
    for (const s of src) {
      const p = full.papers.find((q) => q.id === s.id)!;
      expect(p.title).toBe(s.title);
      expect(p.authors.map((a) => a.name)).toEqual(s.authors);
    }
  });
});
