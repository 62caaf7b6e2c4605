import { useContext } from 'react';
import { AtlasContext } from '../../app/context';
import type { Coauthor, DatasetIndex } from '../../graph/dataIndex';
import type { Counting } from '../../graph/types';

export const LINKS_TITLE = 'VOSviewer’s Links: the number of distinct coauthors shown';
export const STRENGTH_TITLE =
  'VOSviewer’s Total link strength: the sum of the weights of this author’s links (shared papers, or 1/(n−1) per paper when counting fractionally)';

/** Total link strength to these coauthors, from the dataset itself (every paper, no filter). */
export function datasetStrength(coauthors: Coauthor[], index: DatasetIndex, counting: Counting): number {
  let s = 0;
  for (const c of coauthors) for (const p of c.sharedPaperIds) s += counting === 'fractional' ? 1 / Math.max(1, index.authorsOf(p).length - 1) : 1;
  return s;
}

export const formatStrength = (v: number) => String(Math.round(v * 100) / 100);

/**
 * An author's Links and Total link strength (VOSviewer), as drawn with the lenses on; on a cluster overview, where
 * authors are not drawn, over the whole dataset.
 */
export function LinkStrengthFacts({ node, coauthors, index }: { node: string; coauthors: Coauthor[]; index: DatasetIndex }) {
  const api = useContext(AtlasContext);
  if (!api) return null;
  const shown = api.lensView.linkStrengths?.get(node);
  const counting = api.options.counting;
  const links = shown ? shown.links : coauthors.length;
  const strength = shown ? shown.strength : datasetStrength(coauthors, index, counting);
  const where = shown ? '' : ' (whole dataset)';
  return (
    <>
      <dt title={LINKS_TITLE}>Links{where}</dt>
      <dd data-testid="links">{links}</dd>
      <dt title={STRENGTH_TITLE}>Total link strength{where}</dt>
      <dd data-testid="total-link-strength">{formatStrength(strength)}</dd>
    </>
  );
}
