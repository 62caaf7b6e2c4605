import type { Alias, Dataset } from '../model/types';
import type { Camera, SelectedItem } from '../model/view';
import { algorithmOptionErrors, OPTION_RANGES, type BuildOptions } from '../graph/types';

export const SNAPSHOT_FORMAT = 'coauthor-atlas-snapshot';
export const SNAPSHOT_VERSION = 1;

export type { Camera };
/** Every selection the app has. */
export type Selection = SelectedItem;

/** A saved view: the data, how it was built, and where the user was looking. Data only. */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  createdAt: string;
  dataset: Dataset;
  options: BuildOptions;
  merges: Alias[];
  positions: Record<string, [number, number]>;
  camera: Camera;
  filters: Record<string, unknown>;
  selection: Selection | null;
  theme?: string;
  /**
   * Set when the dataset is one the app ships with (e.g. "embedded-shown"): `dataset` then holds
   * only its id and title (no papers), and the opener takes the app's own copy. Keeps share links short.
   */
  datasetRef?: string;
}

export type SnapshotInput = Omit<Snapshot, 'format' | 'version' | 'createdAt'> & { createdAt?: string };

export function createSnapshot(input: SnapshotInput): Snapshot {
  const { createdAt, ...rest } = input;
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, createdAt: createdAt ?? new Date().toISOString(), ...rest };
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

/** Limits. Generous for real data, small enough to refuse hostile input early. */
export const SNAPSHOT_LIMITS = {
  maxJsonChars: 50_000_000,
  maxDepth: 24,
  maxPapers: 50_000,
  maxAuthorsPerPaper: 10_000,
  maxListItems: 1_000,
  maxAliases: 50_000,
  maxPositions: 500_000,
  maxFilterKeys: 200,
  shortText: 500,
  idText: 1_000,
  longText: 100_000,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] };

/** Parses JSON text and validates it. */
export function parseSnapshot(text: string): SnapshotResult {
  if (text.length > SNAPSHOT_LIMITS.maxJsonChars) return { ok: false, errors: [`snapshot: larger than ${SNAPSHOT_LIMITS.maxJsonChars} characters`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`snapshot: not JSON (${(e as Error).message})`] };
  }
  return validateSnapshot(value);
}

/**
 * Strict structural check of an untrusted snapshot: every field's type, the known format and
 * version, length limits, no unknown keys, no prototype-pollution keys anywhere.
 */
export function validateSnapshot(value: unknown): SnapshotResult {
  const v = new Validator();
  v.noForbiddenKeys(value, '$', 0);
  if (v.errors.length) return { ok: false, errors: v.errors };
  if (!v.object(value, '$')) return { ok: false, errors: v.errors };

  v.keys(
    value,
    '$',
    ['format', 'version', 'createdAt', 'dataset', 'options', 'merges', 'positions', 'camera', 'filters', 'selection'],
    ['theme', 'datasetRef'],
  );
  if (value.format !== SNAPSHOT_FORMAT) v.err('$.format', `expected "${SNAPSHOT_FORMAT}"`);
  if (value.version !== SNAPSHOT_VERSION) {
    v.err(
      '$.version',
      typeof value.version === 'number' ? `unsupported version ${value.version} (this app reads version ${SNAPSHOT_VERSION})` : 'not a number',
    );
  }
  if (v.string(value.createdAt, '$.createdAt', 40) && Number.isNaN(Date.parse(value.createdAt as string))) v.err('$.createdAt', 'not a date');
  v.dataset(value.dataset, '$.dataset');
  v.buildOptions(value.options, '$.options');
  v.aliases(value.merges, '$.merges');
  v.positions(value.positions, '$.positions');
  v.camera(value.camera, '$.camera');
  v.filters(value.filters, '$.filters');
  v.selection(value.selection, '$.selection');
  if (value.theme !== undefined && v.string(value.theme, '$.theme', 40) && !/^[a-z0-9-]+$/i.test(value.theme as string)) {
    v.err('$.theme', 'not a theme name');
  }
  if (value.datasetRef !== undefined && v.string(value.datasetRef, '$.datasetRef', 100, 1) && !/^[a-z0-9-]+$/i.test(value.datasetRef as string)) {
    v.err('$.datasetRef', 'not a dataset id');
  }
  return v.errors.length ? { ok: false, errors: v.errors } : { ok: true, snapshot: value as unknown as Snapshot };
}

/** The snapshot with its dataset replaced by a reference (for datasets the app ships with). */
export function withDatasetRef(snapshot: Snapshot): Snapshot {
  const { id, title } = snapshot.dataset;
  return { ...snapshot, datasetRef: id, dataset: { id, title, papers: [], aliases: [] } };
}

type Obj = Record<string, unknown>;
const L = SNAPSHOT_LIMITS;

class Validator {
  errors: string[] = [];
  private readonly maxErrors = 50;

  err(path: string, message: string): false {
    if (this.errors.length < this.maxErrors) this.errors.push(`${path}: ${message}`);
    return false;
  }

  noForbiddenKeys(value: unknown, path: string, depth: number): void {
    if (typeof value !== 'object' || value === null) return;
    if (depth > L.maxDepth) return void this.err(path, `nested deeper than ${L.maxDepth}`);
    if (Array.isArray(value)) {
      value.forEach((x, i) => this.noForbiddenKeys(x, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) this.err(`${path}.${key}`, 'forbidden key');
      else this.noForbiddenKeys((value as Obj)[key], `${path}.${key}`, depth + 1);
    }
  }

  object(value: unknown, path: string): value is Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.err(path, 'not an object');
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return this.err(path, 'not a plain object');
    return true;
  }

  keys(value: Obj, path: string, required: readonly string[], optional: readonly string[] = []): void {
    const known = new Set([...required, ...optional]);
    for (const k of Object.keys(value)) if (!known.has(k)) this.err(`${path}.${k}`, 'unknown key');
    for (const k of required) if (!(k in value) || value[k] === undefined) this.err(`${path}.${k}`, 'missing');
  }

  string(value: unknown, path: string, max: number, min = 0): boolean {
    if (typeof value !== 'string') return this.err(path, 'not a string');
    if (value.length > max) return this.err(path, `longer than ${max} characters`);
    if (value.length < min) return this.err(path, min === 1 ? 'empty' : `shorter than ${min} characters`);
    return true;
  }

  optString(value: unknown, path: string, max: number): boolean {
    return value === undefined || this.string(value, path, max);
  }

  number(value: unknown, path: string, opts: { min?: number; max?: number; integer?: boolean } = {}): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.err(path, 'not a finite number');
    if (opts.integer && !Number.isInteger(value)) return this.err(path, 'not an integer');
    if (opts.min !== undefined && value < opts.min) return this.err(path, `less than ${opts.min}`);
    if (opts.max !== undefined && value > opts.max) return this.err(path, `greater than ${opts.max}`);
    return true;
  }

  boolean(value: unknown, path: string): boolean {
    return typeof value === 'boolean' || this.err(path, 'not a boolean');
  }

  array(value: unknown, path: string, max: number): value is unknown[] {
    if (!Array.isArray(value)) return this.err(path, 'not an array');
    if (value.length > max) return this.err(path, `more than ${max} items`);
    return true;
  }

  stringList(value: unknown, path: string, maxItems: number, maxLen: number): void {
    if (!this.array(value, path, maxItems)) return;
    value.forEach((s, i) => this.string(s, `${path}[${i}]`, maxLen));
  }

  optStringList(value: unknown, path: string, maxItems: number, maxLen: number): void {
    if (value !== undefined) this.stringList(value, path, maxItems, maxLen);
  }

  url(value: unknown, path: string): void {
    if (value === undefined || !this.string(value, path, 4000)) return;
    if (!/^https?:\/\//i.test(value as string)) this.err(path, 'not an http(s) URL');
  }

  dataset(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.keys(value, path, ['id', 'title', 'papers', 'aliases'], ['description', 'owner', 'profile', 'sourceNotes']);
    this.string(value.id, `${path}.id`, L.idText, 1);
    this.string(value.title, `${path}.title`, L.shortText);
    this.optString(value.description, `${path}.description`, L.longText);
    this.optString(value.owner, `${path}.owner`, L.shortText);
    if (value.profile !== undefined) this.profile(value.profile, `${path}.profile`);
    this.optStringList(value.sourceNotes, `${path}.sourceNotes`, L.maxListItems, L.longText);
    this.aliases(value.aliases, `${path}.aliases`);
    if (this.array(value.papers, `${path}.papers`, L.maxPapers)) {
      const ids = new Set<string>();
      value.papers.forEach((p, i) => {
        this.paper(p, `${path}.papers[${i}]`);
        const id = (p as Obj | null)?.id;
        if (typeof id === 'string') {
          if (ids.has(id)) this.err(`${path}.papers[${i}].id`, `duplicate paper id "${id.slice(0, 80)}"`);
          ids.add(id);
        }
      });
    }
  }

  profile(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    const numbers = ['hIndex', 'papers', 'citations', 'noveltyPercent', 'aiScore'];
    this.keys(value, path, ['name'], ['category', 'sourceNote', ...numbers]);
    this.string(value.name, `${path}.name`, L.shortText);
    this.optString(value.category, `${path}.category`, L.shortText);
    this.optString(value.sourceNote, `${path}.sourceNote`, L.longText);
    for (const k of numbers) if (value[k] !== undefined) this.number(value[k], `${path}.${k}`);
  }

  paper(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.keys(
      value,
      path,
      ['id', 'title', 'authors', 'truncated'],
      [
        'date',
        'year',
        'category',
        'venue',
        'arxiv',
        'doi',
        'url',
        'abstract',
        'affiliationTags',
        'sources',
        'notes',
        'groupAuthors',
        'documentType',
        'citations',
        'ids',
      ],
    );
    this.string(value.id, `${path}.id`, L.idText, 1);
    this.string(value.title, `${path}.title`, L.idText * 4);
    this.boolean(value.truncated, `${path}.truncated`);
    if (this.array(value.authors, `${path}.authors`, L.maxAuthorsPerPaper)) {
      value.authors.forEach((a, i) => this.authorRef(a, `${path}.authors[${i}]`));
    }
    if (value.date !== undefined && this.string(value.date, `${path}.date`, 10) && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value.date as string)) {
      this.err(`${path}.date`, 'not YYYY, YYYY-MM or YYYY-MM-DD');
    }
    if (value.year !== undefined) this.number(value.year, `${path}.year`, { integer: true, min: 0, max: 9999 });
    for (const k of ['category', 'venue', 'arxiv', 'doi']) this.optString(value[k], `${path}.${k}`, L.shortText);
    this.url(value.url, `${path}.url`);
    this.optString(value.abstract, `${path}.abstract`, L.longText);
    this.optString(value.notes, `${path}.notes`, L.longText);
    this.optStringList(value.affiliationTags, `${path}.affiliationTags`, L.maxListItems, L.shortText);
    this.optStringList(value.sources, `${path}.sources`, L.maxListItems, L.idText);
    this.optStringList(value.groupAuthors, `${path}.groupAuthors`, L.maxListItems, L.shortText);
    this.optString(value.documentType, `${path}.documentType`, L.shortText);
    if (value.citations !== undefined) this.number(value.citations, `${path}.citations`, { integer: true, min: 0, max: 1e9 });
    if (value.ids !== undefined && this.object(value.ids, `${path}.ids`)) {
      const ids = value.ids as Record<string, unknown>;
      this.keys(ids, `${path}.ids`, [], ['wos', 'scopus', 'pmid', 'openalex']);
      for (const k of ['wos', 'scopus', 'pmid', 'openalex']) this.optString(ids[k], `${path}.ids.${k}`, L.shortText);
    }
  }

  authorRef(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.keys(value, path, ['name'], ['affiliations', 'externalId', 'countries']);
    this.string(value.name, `${path}.name`, L.shortText);
    this.optStringList(value.affiliations, `${path}.affiliations`, L.maxListItems, L.idText);
    this.optStringList(value.countries, `${path}.countries`, L.maxListItems, L.shortText);
    this.optString(value.externalId, `${path}.externalId`, L.shortText);
  }

  aliases(value: unknown, path: string): void {
    if (!this.array(value, path, L.maxAliases)) return;
    value.forEach((a, i) => {
      const p = `${path}[${i}]`;
      if (!this.object(a, p)) return;
      this.keys(a, p, ['from', 'to'], ['reason']);
      this.string(a.from, `${p}.from`, L.shortText, 1);
      this.string(a.to, `${p}.to`, L.shortText, 1);
      this.optString(a.reason, `${p}.reason`, L.idText);
    });
  }

  buildOptions(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.keys(value, path, ['hyperauthorCap', 'counting', 'allPapersAsHubs', 'includeAffiliations', 'seed'], ['layout', 'clustering', 'resolution']);
    // The UI's ranges (OPTION_RANGES): a link cannot ask for a cap the graph options would not offer.
    this.number(value.hyperauthorCap, `${path}.hyperauthorCap`, { integer: true, ...OPTION_RANGES.hyperauthorCap });
    if (value.counting !== 'full' && value.counting !== 'fractional') this.err(`${path}.counting`, 'not "full" or "fractional"');
    this.boolean(value.allPapersAsHubs, `${path}.allPapersAsHubs`);
    this.boolean(value.includeAffiliations, `${path}.includeAffiliations`);
    this.number(value.seed, `${path}.seed`, { integer: true, ...OPTION_RANGES.seed });
    for (const [key, message] of algorithmOptionErrors(value)) this.err(`${path}.${key}`, message);
  }

  positions(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    const keys = Object.keys(value);
    if (keys.length > L.maxPositions) return void this.err(path, `more than ${L.maxPositions} entries`);
    for (const k of keys) {
      const p = `${path}["${k.slice(0, 80)}"]`;
      if (k.length > L.idText) this.err(p, 'node id too long');
      const xy = value[k];
      if (!Array.isArray(xy) || xy.length !== 2) this.err(p, 'not an [x, y] pair');
      else {
        this.number(xy[0], `${p}[0]`);
        this.number(xy[1], `${p}[1]`);
      }
    }
  }

  camera(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.keys(value, path, ['x', 'y', 'ratio', 'angle']);
    this.number(value.x, `${path}.x`);
    this.number(value.y, `${path}.y`);
    if (this.number(value.ratio, `${path}.ratio`) && (value.ratio as number) <= 0) this.err(`${path}.ratio`, 'not positive');
    this.number(value.angle, `${path}.angle`);
  }

  /** Free-form filter state: plain JSON values only, bounded. */
  filters(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    if (Object.keys(value).length > L.maxFilterKeys) return void this.err(path, `more than ${L.maxFilterKeys} keys`);
    const walk = (x: unknown, p: string, depth: number): void => {
      if (x === null || typeof x === 'boolean') return;
      if (typeof x === 'number') return void this.number(x, p);
      if (typeof x === 'string') return void this.string(x, p, L.idText);
      if (depth > 6) return void this.err(p, 'nested too deep');
      if (Array.isArray(x)) {
        if (this.array(x, p, L.maxListItems * 10)) x.forEach((y, i) => walk(y, `${p}[${i}]`, depth + 1));
        return;
      }
      if (!this.object(x, p)) return;
      const ks = Object.keys(x);
      if (ks.length > L.maxFilterKeys) return void this.err(p, `more than ${L.maxFilterKeys} keys`);
      for (const k of ks) {
        if (k.length > 100) this.err(`${p}.${k.slice(0, 40)}…`, 'key too long');
        walk(x[k], `${p}.${k}`, depth + 1);
      }
    };
    walk(value, path, 0);
  }

  selection(value: unknown, path: string): void {
    if (value === null) return;
    if (!this.object(value, path)) return;
    const id = (k: string) => this.string(value[k], `${path}.${k}`, L.idText, 1);
    switch (value.kind) {
      case 'author':
        this.keys(value, path, ['kind', 'key']);
        return void id('key');
      case 'pair':
        this.keys(value, path, ['kind', 'a', 'b']);
        id('a');
        return void id('b');
      case 'paper':
        this.keys(value, path, ['kind', 'id']);
        return void id('id');
      case 'cluster':
        this.keys(value, path, ['kind', 'community']);
        return void this.number(value.community, `${path}.community`, { integer: true, min: 0, max: 1_000_000 });
      case 'affiliation':
        this.keys(value, path, ['kind', 'node']);
        return void id('node');
      case 'country':
        this.keys(value, path, ['kind', 'code']);
        if (typeof value.code !== 'string' || !/^[A-Z]{2}$/.test(value.code)) this.err(`${path}.code`, 'not a two-letter country code');
        return;
      default:
        this.err(`${path}.kind`, 'not one of "author", "pair", "paper", "cluster", "affiliation", "country"');
    }
  }
}
