/**
 * Building blocks of the snapshot's valibot schema (snapshotSchema.ts), each giving the message the app has always
 * given (`not a string`, `longer than 500 characters`, `unknown key`, `missing`), and `schemaErrors`, which writes
 * valibot's issues as `<path>: <why>` lines (`$.dataset.papers[0].title: not a string`).
 */
import * as v from 'valibot';

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

export const L = SNAPSHOT_LIMITS;
const MAX_ERRORS = 50;

export type Obj = Record<string, unknown>;
export type IssuePath = [v.IssuePathItem, ...v.IssuePathItem[]];
export type AddIssue = (info: { message: string; path?: IssuePath }) => void;

/** The issue's `path` field for a path that may be empty (the root). */
export const at = (path: v.IssuePathItem[]): { path?: IssuePath } => (path.length ? { path: path as IssuePath } : {});

/** A path step under an object key (`.key`), an array index (`[i]`), or a record key written `["key"]`. */
export const step = (input: unknown, key: string | number, kind: 'object' | 'array' | 'record' = 'object'): v.IssuePathItem =>
  kind === 'array'
    ? { type: 'array', origin: 'value', input: input as unknown[], key: key as number, value: undefined }
    : kind === 'record'
      ? { type: 'unknown', origin: 'value', input, key, value: undefined }
      : { type: 'object', origin: 'value', input: input as Obj, key: String(key), value: undefined };

// ---- building blocks, each with the message the app has always given ----

export const isPlainObject = (x: unknown): x is Obj => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};
export const plainObjectMessage = (issue: { input: unknown }) =>
  typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input) ? 'not an object' : 'not a plain object';
export const keyMessage = (issue: { expected: string | null }) =>
  issue.expected === 'never' ? 'unknown key' : issue.expected?.startsWith('"') ? 'missing' : 'not an object';

/** A plain object (no class instances) with exactly these keys. */
export function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Obj>(isPlainObject, plainObjectMessage), v.strictObject(entries, keyMessage));
}

/** A plain object checked as a whole (entries of any name). */
export const anyPlainObject = () => v.custom<Obj>(isPlainObject, plainObjectMessage);

export function text(max: number, min = 0) {
  return v.pipe(
    v.string('not a string'),
    v.maxLength(max, `longer than ${max} characters`),
    v.minLength(min, min === 1 ? 'empty' : `shorter than ${min} characters`),
  );
}

export function num(opts: { min?: number; max?: number; integer?: boolean } = {}) {
  return v.pipe(
    v.number('not a finite number'),
    v.finite('not a finite number'),
    v.check((x) => !opts.integer || Number.isInteger(x), 'not an integer'),
    v.check((x) => opts.min === undefined || x >= opts.min, `less than ${opts.min}`),
    v.check((x) => opts.max === undefined || x <= opts.max, `greater than ${opts.max}`),
  );
}

export const bool = () => v.boolean('not a boolean');

/** An array of at most `max` items: its length is checked before its items. */
export function list<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(v.array(v.unknown(), 'not an array'), v.maxLength(max, `more than ${max} items`), v.array(item));
}

export const texts = (maxItems: number, maxLen: number) => list(text(maxLen), maxItems);
export const httpUrl = () => v.pipe(text(4000), v.regex(/^https?:\/\//i, 'not an http(s) URL'));

/** `$.dataset.papers[0].title`, `$.positions["a:x"][0]`: where an issue is, as the messages have always said it. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '$';
  for (const item of issue.path ?? []) {
    if (item.type === 'array') path += `[${String(item.key)}]`;
    else if (item.type === 'unknown') path += `["${String(item.key)}"]`;
    else path += `.${String(item.key)}`;
  }
  return path;
}

/** The rejections of a value, as `<path>: <why>` lines (at most 50), or none when the schema accepts it. */
export function schemaErrors(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  return result.success ? [] : result.issues.slice(0, MAX_ERRORS).map((issue) => `${pathOf(issue)}: ${issue.message}`);
}
