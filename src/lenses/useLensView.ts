import type { DatasetIndex } from '../graph/dataIndex';
import type { DisplayGraph } from '../graph/display';
import type { Selection } from '../app/selection';
import { EMPTY_LENS_VIEW, type LensState, type LensView } from './types';

/**
 * The lens view of the displayed graph for a lens state. Heavy metrics run off the main thread;
 * until they arrive the previous sizes stay. (Owned by the lenses feature.)
 */
export function useLensView(_graph: DisplayGraph, _index: DatasetIndex, _lens: LensState, _selection: Selection): LensView {
  return EMPTY_LENS_VIEW;
}
