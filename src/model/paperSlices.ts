import type { Paper } from './types';

/**
 * Papers per message between a worker and the page. One message with tens of thousands of papers holds the
 * receiving thread for its whole structured clone (about 0.2 s for the ACL Anthology's 49k papers); slices of this
 * size cost a few milliseconds each. No dependencies: the import and store workers use it too.
 */
export const PAPER_SLICE = 1_500;

/** `papers` in consecutive slices of `PAPER_SLICE`, in order. */
export function* paperSlices(papers: readonly Paper[]): Generator<Paper[]> {
  for (let i = 0; i < papers.length; i += PAPER_SLICE) yield papers.slice(i, i + PAPER_SLICE);
}
