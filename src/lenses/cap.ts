/** What the hyperauthor cap does: papers above it become hubs instead of author cliques. */
export interface CapImpact {
  /** Papers with more authors than the cap (drawn as hubs). */
  hubPapers: number;
  /** Author–hub links drawn for them. */
  hubLinks: number;
  /** Author pairs their cliques would add (before merging pairs shared with other papers). */
  cliquePairs: number;
}

export function capImpact(authorCounts: number[], cap: number): CapImpact {
  const out = { hubPapers: 0, hubLinks: 0, cliquePairs: 0 };
  for (const n of authorCounts) {
    if (n <= cap) continue;
    out.hubPapers++;
    out.hubLinks += n;
    out.cliquePairs += (n * (n - 1)) / 2;
  }
  return out;
}

/** Authors-per-paper histogram on doubling bins: 1, 2, 3–4, 5–8, … up to the largest paper. */
export function authorCountBins(authorCounts: number[]): { lo: number; hi: number; count: number }[] {
  if (!authorCounts.length) return [];
  const top = Math.max(...authorCounts);
  const bins = [{ lo: 1, hi: 1, count: 0 }];
  for (let hi = 2; bins[bins.length - 1].hi < top; hi *= 2) bins.push({ lo: bins[bins.length - 1].hi + 1, hi, count: 0 });
  for (const n of authorCounts) bins.find((b) => n >= b.lo && n <= b.hi)!.count++;
  return bins;
}
