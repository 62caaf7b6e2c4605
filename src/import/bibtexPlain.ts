// Fields without LaTeX markup are read here, not by the library's LaTeX parser, which costs 3–5 µs per character
// whatever the text (a 1 MB file takes seconds). Such a field is handed to the library as a short placeholder and
// its text put back after; names are split the way the library splits them (its `parseCreator`).
import type { Creator, Entry } from '@retorquere/bibtex-parser';

interface Library {
  entries: Entry[];
  errors: { error: string; input?: string }[];
}

/** Fields read this way: the ones the importer reads as text or names (the library treats them alike). */
const PLAIN_READ = new Set(['title', 'abstract', 'journal', 'journaltitle', 'booktitle', 'howpublished', 'note', 'affiliation', 'affiliations']);
const NAME_FIELDS = new Set(['author', 'editor']);

/**
 * Text with nothing LaTeX or the library reads specially: no control characters of TeX, no quotes or ligature
 * characters (`--`, `''`, `` ` ``), no `<`/`>` (OT1 ¡/¿) or ¡/¿ themselves, no `=` (biblatex's extended names),
 * no paragraph break.
 */
const MARKUP = /[\\{}$~^_%&#"`'<>=@¡¿]|--|\n[ \t\r]*\n/;

const MARKER = 'qzxplainqzx';
/** A placeholder and the newlines it was given (so that the record keeps its lines). */
const TOKEN = /qzxplainqzx(\d+)q(\n*)/g;

/** What the placeholders of one library call stand for. */
export class PlainFields {
  private readonly values: string[] = [];
  private readonly names = new Map<number, Creator[]>();

  /** The record `record` with its plain fields replaced by placeholders (as many lines as before). */
  hide(record: string): string {
    if (record.includes(MARKER)) return record;
    const out: string[] = [];
    let last = 0;
    for (const f of bracedFields(record)) {
      const value = record.slice(f.from, f.to);
      if (!value.trim() || MARKUP.test(value)) continue;
      const isNames = NAME_FIELDS.has(f.name);
      if (!isNames && !PLAIN_READ.has(f.name)) continue;
      const names = isNames ? splitNames(value) : undefined;
      if (isNames && !names) continue;
      const n = this.values.push(value) - 1;
      if (names) this.names.set(n, names);
      out.push(record.slice(last, f.from), `${MARKER}${n}q`, '\n'.repeat(countNewlines(value)));
      last = f.to;
    }
    return out.length ? out.join('') + record.slice(last) : record;
  }

  get used(): boolean {
    return this.values.length > 0;
  }

  /** The library's result with every placeholder replaced: in fields (names too), record texts and errors. */
  restore<T extends Library>(lib: T): T {
    if (!this.used) return lib;
    for (const e of lib.entries) {
      for (const [k, v] of Object.entries(e.fields)) (e.fields as Record<string, unknown>)[k] = this.value(v);
      if (typeof e.input === 'string') e.input = this.show(e.input);
    }
    for (const err of lib.errors) {
      err.error = this.show(err.error);
      if (typeof err.input === 'string') err.input = this.show(err.input);
    }
    return lib;
  }

  /** The text a placeholder stood for, everywhere in `s`. */
  show(s: string): string {
    return s.replace(TOKEN, (_, n: string, newlines: string) => {
      const value = this.values[Number(n)];
      return value + newlines.slice(countNewlines(value));
    });
  }

  /** A field value from the library with its placeholder replaced (names: the names it stood for). */
  value(v: unknown): unknown {
    if (typeof v === 'string') return v.includes(MARKER) ? this.show(v) : v;
    if (!Array.isArray(v) || v.length !== 1) return v;
    const only = v[0] as Creator;
    const m = typeof only?.lastName === 'string' && !only.firstName ? /^qzxplainqzx(\d+)q$/.exec(only.lastName) : null;
    return m ? (this.names.get(Number(m[1])) ?? v) : v;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

interface Field {
  name: string;
  from: number;
  to: number;
}

const HEAD = /^\s*@\s*[a-zA-Z][\w:-]*\s*\{[^,{}()"=\s]*\s*,/;
const NAME = /\s*([a-zA-Z][\w:.+-]*)\s*=\s*/y;

/** End of a balanced `{…}` starting at `i` (after its `}`), or -1. */
function braceEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return j + 1;
  }
  return -1;
}

/** End of one value part at `i`: `{…}`, `"…"` (braces balanced inside) or a bare word; -1 when there is none. */
function partEnd(s: string, i: number): number {
  if (s[i] === '{') return braceEnd(s, i);
  if (s[i] === '"') {
    let depth = 0;
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
      else if (s[j] === '"' && depth === 0) return j + 1;
      if (depth < 0) return -1;
    }
    return -1;
  }
  const m = /[\w:.+-]+/y;
  m.lastIndex = i;
  return m.test(s) ? m.lastIndex : -1;
}

/**
 * The `name = {text}` fields of a `@type{key, …}` record whose value is one braced part (`from..to` is the text
 * inside the braces). Stops at anything it does not follow: the fields after it are left to the library.
 */
export function bracedFields(record: string): Field[] {
  const head = HEAD.exec(record);
  if (!head) return [];
  const out: Field[] = [];
  let i = head[0].length;
  for (;;) {
    NAME.lastIndex = i;
    const name = NAME.exec(record);
    if (!name) return out;
    i = NAME.lastIndex;
    const start = i;
    let parts = 0;
    for (;;) {
      const end = partEnd(record, i);
      if (end < 0) return out;
      parts++;
      i = end;
      const hash = /\s*#\s*/y;
      hash.lastIndex = i;
      if (!hash.test(record)) break;
      i = hash.lastIndex;
    }
    if (parts === 1 && record[start] === '{') out.push({ name: name[1].toLowerCase(), from: start + 1, to: i - 1 });
    const sep = /\s*([,}])/y;
    sep.lastIndex = i;
    const m = sep.exec(record);
    if (!m || m[1] === '}') return out;
    i = sep.lastIndex;
  }
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** Drops empty parts, as the library's `trimCreator` does. */
function creator(c: Creator): Creator {
  const out: Creator = {};
  for (const [k, v] of Object.entries(c) as [keyof Creator, string | undefined][]) {
    const t = trimmed(v);
    if (t !== undefined) (out as Record<string, string>)[k] = t;
  }
  return out;
}

/** "Last, First", "von Last, Jr, First" or "First von Last", as the library reads a name without markup. */
function splitName(words: string[]): Creator | undefined {
  const text = words.join(' ');
  if (text.includes(',')) {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length === 3 && parts[2] === '') parts.pop();
    if (parts.length > 3) return undefined; // the library reports these: left to it
    const [last0, suffix, firstName] = parts.length === 2 ? [parts[0], undefined, parts[1]] : parts;
    const m = /^([a-z'. ]+) (.+)/.exec(last0);
    return creator({ lastName: m ? m[2] : last0, firstName, prefix: m ? m[1] : undefined, suffix });
  }
  if (words.length === 1) return creator({ lastName: words[0] });
  const prefix = words.findIndex((w) => /^[a-z]/.test(w));
  const postfix = prefix <= 0 ? -1 : words.findIndex((w, i) => i > prefix && !/^[a-z]/.test(w));
  if (postfix === -1) return creator({ lastName: words[words.length - 1], firstName: words.slice(0, -1).join(' ') });
  return creator({ firstName: words.slice(0, prefix).join(' '), prefix: words.slice(prefix, postfix).join(' '), lastName: words.slice(postfix).join(' ') });
}

/**
 * A name list without markup split at the word "and" (any case); undefined for lists the library reads another
 * way (an "and" at either end or two in a row, a comma that is not after a word, more than two commas).
 */
export function splitNames(value: string): Creator[] | undefined {
  const words = value.split(/\s+/).filter(Boolean);
  const isAnd = (w: string) => w.toLowerCase() === 'and';
  if (!words.length || isAnd(words[0]) || isAnd(words[words.length - 1])) return undefined;
  const names: string[][] = [[]];
  for (const w of words) {
    if (!isAnd(w)) names[names.length - 1].push(w);
    else if (names[names.length - 1].length) names.push([]);
    else return undefined;
  }
  const out: Creator[] = [];
  for (const ws of names) {
    // A comma glued to the next word (",x") or alone is tokenised differently by the library: left to it.
    if (ws.some((w) => /,[^,\s]|^,/.test(w) && !/^,+$/.test(w))) return undefined;
    if (ws.some((w) => /^,+$/.test(w))) return undefined;
    const c = splitName(ws);
    if (!c) return undefined;
    if (Object.keys(c).length) out.push(c);
  }
  return out;
}
