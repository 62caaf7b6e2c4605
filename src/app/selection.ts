import type { Selection } from '../model/view';

export type { Selection };

export type DatasetChoice = 'full' | 'shown';

/** The `dataset` URL parameter: an embedded choice or a stored dataset's id. */
export type DatasetParam = string;

export interface UrlState {
  /** 'full' (omitted from the URL), 'shown', or a stored dataset's id. */
  dataset: DatasetParam;
  selection: Selection;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const dataset = params.get('dataset') || 'full';
  let selection: Selection = null;
  const author = params.get('author');
  const pair = params.get('pair');
  const paper = params.get('paper');
  const cluster = params.get('cluster');
  const affiliation = params.get('affiliation');
  const country = params.get('country');
  if (pair) {
    const [a, b] = pair.split('|');
    if (a && b) selection = { kind: 'pair', a, b };
  } else if (author) selection = { kind: 'author', key: author };
  else if (paper) selection = { kind: 'paper', id: paper };
  else if (cluster !== null && /^\d+$/.test(cluster)) selection = { kind: 'cluster', community: Number(cluster) };
  else if (affiliation) selection = { kind: 'affiliation', node: affiliation };
  else if (country && /^[A-Za-z]{2}$/.test(country)) selection = { kind: 'country', code: country.toUpperCase() };
  return { dataset, selection };
}

/** Query string for a state; keeps parameters the app does not own (e.g. later lenses). */
export function writeUrlState(state: UrlState, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  for (const k of ['dataset', 'author', 'pair', 'paper', 'cluster', 'affiliation', 'country']) params.delete(k);
  if (state.dataset !== 'full') params.set('dataset', state.dataset);
  const s = state.selection;
  if (s?.kind === 'author') params.set('author', s.key);
  else if (s?.kind === 'pair') params.set('pair', `${s.a}|${s.b}`);
  else if (s?.kind === 'paper') params.set('paper', s.id);
  else if (s?.kind === 'cluster') params.set('cluster', String(s.community));
  else if (s?.kind === 'affiliation') params.set('affiliation', s.node);
  else if (s?.kind === 'country') params.set('country', s.code);
  const q = params.toString();
  return q ? `?${q}` : '';
}
