import { useAtlas } from '../../app/context';
import type { LensState } from '../../lenses/types';

const TITLE =
  'How links are weighted for the layout and the edge widths, as in VOSviewer: none (shared papers), association strength ' +
  '(s_ij / (s_i s_j), scaled by the total link strength) or fractionalization';

/** VOSviewer's normalisation of links: drives ForceAtlas2's attraction and the drawn edge widths. */
export function NormalisationSelect() {
  const { lens, setLens } = useAtlas();
  return (
    <label title={TITLE}>
      Normalisation
      <select
        aria-label="Normalisation"
        value={lens.normalization ?? 'none'}
        disabled={lens.unit !== 'author'}
        onChange={(e) => setLens({ ...lens, normalization: e.target.value === 'none' ? undefined : (e.target.value as LensState['normalization']) })}
      >
        <option value="none">none</option>
        <option value="association">association strength</option>
        <option value="fractionalization">fractionalization</option>
      </select>
    </label>
  );
}
