import { describe, expect, it } from 'vitest';
import { newestFirst, newestFirstHead } from '../../src/model/newestFirst';
import type { Paper } from '../../src/model/types';

const paper = (id: string, date?: string): Paper => ({ id, title: id, truncated: false, authors: [], ...(date === undefined ? {} : { date }) });
const byCollator = (papers: Paper[]) => [...papers].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

describe('papers newest first', () => {
  it('orders dates of digits and dashes as the collator does (undated last, ties kept in order)', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (s: string) => s[Math.floor(random() * s.length)];
    const papers = Array.from({ length: 3_000 }, (_, i) => {
      const r = random();
      const date =
        r < 0.1
          ? undefined
          : r < 0.2
            ? ''
            : `${1990 + Math.floor(random() * 35)}${random() < 0.7 ? `-${pick('01')}${pick('0123456789')}` : ''}${random() < 0.5 ? `-${pick('0123')}${pick('0123456789')}` : ''}`;
      return paper(`p${i}`, date);
    });
    expect(newestFirst(papers).map((p) => p.id)).toEqual(byCollator(papers).map((p) => p.id));
    // The head a panel shows first: the same papers in the same order as the whole sort's first n.
    for (const n of [0, 1, 2, 25, 100, 2_999, 3_000, 5_000])
      expect(newestFirstHead(papers, n).map((p) => p.id)).toEqual(
        byCollator(papers)
          .slice(0, n)
          .map((p) => p.id),
      );
  });

  it('falls back to the collator for other date texts', () => {
    const papers = [paper('a', 'Spring 2020'), paper('b', '2021-03'), paper('c', 'spring 2020'), paper('d', 'Été 2019'), paper('e')];
    expect(newestFirst(papers).map((p) => p.id)).toEqual(byCollator(papers).map((p) => p.id));
    for (const n of [1, 3, 5])
      expect(newestFirstHead(papers, n).map((p) => p.id)).toEqual(
        byCollator(papers)
          .slice(0, n)
          .map((p) => p.id),
      );
  });
});
