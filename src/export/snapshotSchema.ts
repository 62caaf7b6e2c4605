/**
 * The snapshot's shape as a valibot schema: every field's type, the known format and version, length limits, no
 * unknown keys, no prototype-pollution keys anywhere. Each rejection reads `<path>: <why>` (`$.camera.ratio: not
 * positive`): `schemaErrors` (schemaParts.ts) writes valibot's issues as those lines.
 */
import * as v from 'valibot';
import { algorithmOptionErrors, OPTION_RANGES } from '../graph/types';
import { aliasesSchema, datasetSchema } from './datasetSchema';
import { anyPlainObject, at, bool, isPlainObject, keyMessage, L, num, plainObjectMessage, record, step, text, type AddIssue, type Obj } from './schemaParts';

export { SNAPSHOT_LIMITS, schemaErrors } from './schemaParts';

export const SNAPSHOT_FORMAT = 'coauthor-atlas-snapshot';
export const SNAPSHOT_VERSION = 1;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An optional algorithm option (layout, clustering, resolution), judged by the graph's own rule. */
const algorithmOption = (key: 'layout' | 'clustering' | 'resolution') =>
  v.optional(
    v.custom(
      (x) => algorithmOptionErrors({ [key]: x }).length === 0,
      (issue) => algorithmOptionErrors({ [key]: issue.input })[0]?.[1] ?? 'not valid',
    ),
  );

const buildOptionsSchema = record({
  // The UI's ranges (OPTION_RANGES): a link cannot ask for a cap the graph options would not offer.
  hyperauthorCap: num({ integer: true, ...OPTION_RANGES.hyperauthorCap }),
  counting: v.custom<'full' | 'fractional'>((x) => x === 'full' || x === 'fractional', 'not "full" or "fractional"'),
  allPapersAsHubs: bool(),
  includeAffiliations: bool(),
  seed: num({ integer: true, ...OPTION_RANGES.seed }),
  layout: algorithmOption('layout'),
  clustering: algorithmOption('clustering'),
  resolution: algorithmOption('resolution'),
});

/** Node id → [x, y]. */
const positionsSchema = v.pipe(
  anyPlainObject(),
  v.rawCheck<Obj>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const value = dataset.value;
    const keys = Object.keys(value);
    if (keys.length > L.maxPositions) return addIssue({ message: `more than ${L.maxPositions} entries` });
    for (const k of keys) {
      const at = step(value, k.slice(0, 80), 'record');
      if (k.length > L.idText) addIssue({ message: 'node id too long', path: [at] });
      const xy = value[k];
      if (!Array.isArray(xy) || xy.length !== 2) addIssue({ message: 'not an [x, y] pair', path: [at] });
      else
        xy.forEach((n, i) => {
          if (typeof n !== 'number' || !Number.isFinite(n)) addIssue({ message: 'not a finite number', path: [at, step(xy, i, 'array')] });
        });
    }
  }),
);

const cameraSchema = record({
  x: num(),
  y: num(),
  ratio: v.pipe(
    num(),
    v.check((r) => r > 0, 'not positive'),
  ),
  angle: num(),
});

/** Free-form filter state: plain JSON values only, bounded. */
const filtersSchema = v.pipe(
  anyPlainObject(),
  v.rawCheck<Obj>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    if (Object.keys(dataset.value).length > L.maxFilterKeys) return addIssue({ message: `more than ${L.maxFilterKeys} keys` });
    walkFilter(dataset.value, [], 0, addIssue);
  }),
);

function walkFilter(x: unknown, path: v.IssuePathItem[], depth: number, addIssue: AddIssue): void {
  const add = (message: string) => addIssue({ message, ...at(path) });
  if (x === null || typeof x === 'boolean') return;
  if (typeof x === 'number') return void (Number.isFinite(x) || add('not a finite number'));
  if (typeof x === 'string') return void (x.length <= L.idText || add(`longer than ${L.idText} characters`));
  if (depth > 6) return add('nested too deep');
  if (Array.isArray(x)) {
    const max = L.maxListItems * 10;
    if (x.length > max) return add(`more than ${max} items`);
    return x.forEach((y, i) => walkFilter(y, [...path, step(x, i, 'array')], depth + 1, addIssue));
  }
  if (!isPlainObject(x)) return add(plainObjectMessage({ input: x }));
  const ks = Object.keys(x);
  if (ks.length > L.maxFilterKeys) return add(`more than ${L.maxFilterKeys} keys`);
  for (const k of ks) {
    if (k.length > 100) addIssue({ message: 'key too long', ...at([...path, step(x, `${k.slice(0, 40)}…`)]) });
    walkFilter(x[k], [...path, step(x, k)], depth + 1, addIssue);
  }
}

const nodeId = () => text(L.idText, 1);
const selectionSchema = v.nullable(
  v.pipe(
    v.custom<Obj>(isPlainObject, plainObjectMessage),
    v.variant(
      'kind',
      [
        v.strictObject({ kind: v.literal('author'), key: nodeId() }, keyMessage),
        v.strictObject({ kind: v.literal('pair'), a: nodeId(), b: nodeId() }, keyMessage),
        v.strictObject({ kind: v.literal('paper'), id: nodeId() }, keyMessage),
        v.strictObject({ kind: v.literal('cluster'), community: num({ integer: true, min: 0, max: 1_000_000 }) }, keyMessage),
        v.strictObject({ kind: v.literal('affiliation'), node: nodeId() }, keyMessage),
        v.strictObject(
          { kind: v.literal('country'), code: v.custom<string>((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c), 'not a two-letter country code') },
          keyMessage,
        ),
      ],
      'not one of "author", "pair", "paper", "cluster", "affiliation", "country"',
    ),
  ),
);

/** Refuses `__proto__`, `constructor` and `prototype` keys anywhere, and nesting deeper than the limit. */
function forbiddenKeys(value: unknown, path: v.IssuePathItem[], depth: number, addIssue: AddIssue): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > L.maxDepth) return addIssue({ message: `nested deeper than ${L.maxDepth}`, ...at(path) });
  if (Array.isArray(value)) return value.forEach((x, i) => forbiddenKeys(x, [...path, step(value, i, 'array')], depth + 1, addIssue));
  for (const key of Object.keys(value)) {
    const next = [...path, step(value, key)];
    if (FORBIDDEN_KEYS.has(key)) addIssue({ message: 'forbidden key', ...at(next) });
    else forbiddenKeys((value as Obj)[key], next, depth + 1, addIssue);
  }
}

/** The whole snapshot. Forbidden keys and depth are checked first; with any of them, nothing else is looked at. */
export const snapshotSchema = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => forbiddenKeys(dataset.value, [], 0, addIssue)),
  record({
    format: v.custom<typeof SNAPSHOT_FORMAT>((x) => x === SNAPSHOT_FORMAT, `expected "${SNAPSHOT_FORMAT}"`),
    version: v.custom<typeof SNAPSHOT_VERSION>(
      (x) => x === SNAPSHOT_VERSION,
      (issue) => (typeof issue.input === 'number' ? `unsupported version ${issue.input} (this app reads version ${SNAPSHOT_VERSION})` : 'not a number'),
    ),
    createdAt: v.pipe(
      text(40),
      v.check((d) => !Number.isNaN(Date.parse(d)), 'not a date'),
    ),
    dataset: datasetSchema,
    options: buildOptionsSchema,
    merges: aliasesSchema,
    positions: positionsSchema,
    camera: cameraSchema,
    filters: filtersSchema,
    selection: selectionSchema,
    theme: v.optional(v.pipe(text(40), v.regex(/^[a-z0-9-]+$/i, 'not a theme name'))),
    datasetRef: v.optional(v.pipe(text(100, 1), v.regex(/^[a-z0-9-]+$/i, 'not a dataset id'))),
  }),
);
