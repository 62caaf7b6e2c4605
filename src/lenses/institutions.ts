import type { Dataset } from '../model/types';
import type { AtlasGraph, BuildOptions } from '../graph/types';
import type { ResolvedDataset } from '../graph/authors';

/** The institution (or country) network: null means "not available for this dataset". (Owned by the lenses feature.) */
export function buildInstitutionGraph(_dataset: Dataset, _unit: 'institution' | 'country', _options: BuildOptions, _resolved: ResolvedDataset): AtlasGraph | null {
  return null;
}
