/**
 * The folder `npm run field` writes and the app opens by `?file=<url of index.json>`: the cluster overview in
 * index.json, each cluster's authors in a tile file read when the user opens that cluster (like map tiles), and
 * the authors' names in search shards (one per first letter of a name's words). Pure: shared by the CLI
 * (scripts/field) and the page (src/app/fieldFolder.ts).
 */

export const FIELD_FORMAT = 'coauthor-atlas-field';
export const FIELD_VERSION = 1;
/** Communities drawn one by one in the overview (as the app's own overview); the smaller rest share one node. */
export const FIELD_OVERVIEW_CLUSTERS = 400;
/** The smaller communities are packed into shared tiles of about this many authors. */
export const FIELD_REST_TILE_AUTHORS = 5_000;

export interface FieldSummary {
  works: number;
  authorships: number;
  authors: number;
  /** Coauthor pairs (from works within the cap). */
  edges: number;
  clusters: number;
  /** Works over the cap, drawn as hubs. */
  hubs: number;
  /** Authors listed without an OpenAlex id, kept by their name (id `name:<name key>`; absent in older folders). */
  nameOnlyAuthors?: number;
  /** Their authorships. */
  nameOnlyAuthorships?: number;
}

export interface FieldOverviewCluster {
  community: number;
  /** The most connected author's name, or the rest's count of groups. */
  label: string;
  authors: number;
  x: number;
  y: number;
}

/** A tie between two overview clusters: shared works summed (full counting) and Σ 1/(n − 1) (fractional; absent in older folders). */
export interface FieldOverviewEdge {
  a: number;
  b: number;
  weight: number;
  fractional?: number;
}

export interface FieldIndex {
  format: typeof FIELD_FORMAT;
  version: typeof FIELD_VERSION;
  title: string;
  options: { hyperauthorCap: number; seed: number; where: string | null };
  summary: FieldSummary;
  /** Clusters drawn in the overview, largest first; `rest` gathers the smaller ones (community -1, not drillable). */
  overview: { clusters: FieldOverviewCluster[]; rest: FieldOverviewCluster | null; edges: FieldOverviewEdge[] };
  /**
   * Where a community's tile is: community c < `ownTiles` is `clusters/<c>.json`; a smaller one is in the
   * rest tile whose range holds it.
   */
  tiles: { ownTiles: number; rest: { file: string; first: number; last: number }[] };
  /** Search shard file of a first letter (a-z, 0-9, or "_" for any other). */
  search: Record<string, string>;
}

export interface FieldAuthor {
  /** OpenAlex id, short form (A5023888391), or `name:<name key>` for an author listed without one. */
  id: string;
  label: string;
  community: number;
  papers: number;
  firstYear: number | null;
  lastYear: number | null;
  institutions: string[];
  countries: string[];
  works: string[];
  x: number;
  y: number;
}

export interface FieldEdge {
  a: string;
  b: string;
  /** Shared works (full counting). */
  full: number;
  /** Sum over shared works of 1 / (n - 1). */
  fractional: number;
  works: string[];
}

export interface FieldHub {
  id: string;
  label: string;
  authorCount: number;
  community: number;
  authors: string[];
  x: number;
  y: number;
}

export interface FieldTile {
  format: 'coauthor-atlas-field-tile';
  version: typeof FIELD_VERSION;
  communities: number[];
  authors: FieldAuthor[];
  hubs: FieldHub[];
  edges: FieldEdge[];
}

/** One search entry: [name, author id, community]. */
export type FieldSearchEntry = [string, string, number];

/** Accent-, case- and punctuation-folded text, as the app's search folds it. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The shard letter of a folded word: a-z and 0-9 as they are, anything else "_". */
export function shardOf(word: string): string {
  const c = word.charAt(0);
  return /^[a-z0-9]$/.test(c) ? c : '_';
}

/** The shards a name is found in: one per distinct first letter of its words. */
export function shardsOfName(name: string): string[] {
  return [...new Set(foldName(name).split(' ').filter(Boolean).map(shardOf))];
}

/**
 * Search over one shard: the entries where a word starts with the query's first word and the folded name
 * holds the whole query; names starting with it first, then by name.
 */
export function searchShard(entries: FieldSearchEntry[], query: string, limit: number): FieldSearchEntry[] {
  const q = foldName(query);
  if (!q) return [];
  const first = q.split(' ')[0];
  const hits: { e: FieldSearchEntry; rank: number }[] = [];
  for (const e of entries) {
    const text = foldName(e[0]);
    const at = text.indexOf(q);
    if (at < 0 || !text.split(' ').some((w) => w.startsWith(first))) continue;
    hits.push({ e, rank: at === 0 ? 0 : 1 });
    if (hits.length > limit * 20) break;
  }
  return hits
    .sort((x, y) => x.rank - y.rank || x.e[0].localeCompare(y.e[0]))
    .slice(0, limit)
    .map((h) => h.e);
}

/** The tile file holding a community, or null when there is none. */
export function tileFileOf(index: FieldIndex, community: number): string | null {
  if (!Number.isInteger(community) || community < 0) return null;
  if (community < index.tiles.ownTiles) return `clusters/${community}.json`;
  return index.tiles.rest.find((r) => community >= r.first && community <= r.last)?.file ?? null;
}

/** Is this parsed JSON a field folder's index (by its format and version fields)? */
export function isFieldIndex(value: unknown): value is FieldIndex {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<FieldIndex>;
  return (
    v.format === FIELD_FORMAT &&
    v.version === FIELD_VERSION &&
    typeof v.summary === 'object' &&
    !!v.overview &&
    Array.isArray(v.overview.clusters) &&
    Array.isArray(v.overview.edges) &&
    !!v.tiles &&
    typeof v.search === 'object'
  );
}

export function isFieldTile(value: unknown): value is FieldTile {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<FieldTile>;
  return v.format === 'coauthor-atlas-field-tile' && v.version === FIELD_VERSION && Array.isArray(v.authors) && Array.isArray(v.edges) && Array.isArray(v.hubs);
}

/** OpenAlex's long id (https://openalex.org/A123) in its short form (A123). */
export const shortOpenAlexId = (id: string) => id.slice(id.lastIndexOf('/') + 1);
