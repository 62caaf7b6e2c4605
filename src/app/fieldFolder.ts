/**
 * Opening a field folder (written by `npm run field`) from `?file=<url of its index.json>`: recognised by its content
 * (format and version fields), shown as its cluster overview; tiles and search shards are read from beside it.
 */
import { isFieldIndex, isFieldTile, type FieldIndex, type FieldSearchEntry, type FieldTile } from '../field/format';
import { fieldOverviewGraph } from '../field/graphs';
import { fetchFile } from './openFile';
import type { Workspace } from './workspace';

export interface FieldSource {
  /** The index's address: tiles and shards are read relative to it. */
  url: string;
  index: FieldIndex;
}

/** The field index in these bytes, or null when they are something else (any other file the link may point at). */
export function fieldIndexFrom(bytes: Uint8Array): FieldIndex | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  if (!/^\s*\{/.test(head) || !head.includes('"coauthor-atlas-field"')) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isFieldIndex(value) ? value : null;
  } catch {
    return null;
  }
}

export function fieldWorkspace(index: FieldIndex, url: string): Workspace {
  return {
    id: `field:${url}`,
    dataset: { id: `field:${url}`, title: index.title, description: fieldDescription(index), papers: [], aliases: [] },
    origin: 'link',
    graph: fieldOverviewGraph(index),
    field: { url, index },
    sourceUrl: url,
  };
}

/** What the side panel says of the field (its papers are not in the page: the counts come from the folder). */
export function fieldDescription(index: FieldIndex): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const s = index.summary;
  return (
    `A field mapped by npm run field: ${n(s.works)} works, ${n(s.authorships)} authorships, ${n(s.authors)} authors, ` +
    `${n(s.edges)} coauthor pairs, ${n(s.hubs)} works over ${index.options.hyperauthorCap} authors as hubs, ${n(s.clusters)} clusters. ` +
    `Open a cluster to read its authors.`
  );
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await fetchFile(url, { signal })));
}

export async function fetchTile(field: FieldSource, file: string, signal?: AbortSignal): Promise<FieldTile> {
  const value = await fetchJson(new URL(file, new URL(field.url, window.location.href)).href, signal);
  if (!isFieldTile(value)) throw new Error(`${file} is not a cluster tile of this field`);
  return value;
}

export async function fetchShard(field: FieldSource, file: string): Promise<FieldSearchEntry[]> {
  const value = await fetchJson(new URL(file, new URL(field.url, window.location.href)).href);
  if (!Array.isArray(value)) throw new Error(`${file} is not a search shard`);
  return value.filter((e): e is FieldSearchEntry => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isInteger(e[2]));
}
