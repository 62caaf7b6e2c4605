import { DEFAULT_LENS, type LensState } from './types';

/** Lens state ⇄ URL parameters. (Owned by the lenses feature; must keep unknown parameters intact.) */
export function readLensState(_search: string): LensState {
  return { ...DEFAULT_LENS };
}

export function writeLensState(_lens: LensState, currentSearch: string): string {
  return currentSearch;
}
