/**
 * The subset of YAML that name_variants.yaml is written in, read directly (the `yaml` library takes about half a
 * second on it); anything else returns undefined and goes to the library.
 */

// The `yaml` library takes about half a second on the 370 kB of name_variants.yaml. The file is written in
// a small regular subset of YAML, read below directly; anything outside that subset (or anything whose
// value YAML would not read as a plain string) returns undefined and goes to the library.

type SimpleValue = string | Record<string, string> | string[] | Record<string, string>[];

/** Characters YAML forbids or reads specially (tabs, CR, controls, BOM, surrogates): the library handles those files. */
// eslint-disable-next-line no-control-regex
const YAML_UNUSUAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** Plain scalars the core schema reads as null, booleans or numbers (and some strings, to be safe): the library decides. */
const YAML_NOT_PLAIN_STRING = /^(?:[-+.0-9~]|(?:null|true|false)$)/i;
/** Characters that cannot start a plain scalar (indicators), or that we leave to the library. */
const YAML_INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const YAML_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A plain (unquoted) scalar that is certainly that string, or undefined. `flow`: inside {…} or […]. */
function plainScalar(v: string, flow: boolean): string | undefined {
  if (!v || YAML_INDICATOR.test(v) || YAML_NOT_PLAIN_STRING.test(v) || v.endsWith(' ') || v.endsWith(':')) return undefined;
  if (v.includes(': ') || v.includes(' #')) return undefined;
  if (flow && /[,[\]{}:]/.test(v)) return undefined;
  return v;
}

/** One flow collection `{k: v, ...}` or `[v, ...]` of scalars, the whole of `text`; undefined if not that simple. */
function flowCollection(text: string): Record<string, string> | string[] | undefined {
  const isMap = text[0] === '{';
  if (text[text.length - 1] !== (isMap ? '}' : ']')) return undefined;
  const map: Record<string, string> = {};
  const list: string[] = [];
  let i = 1;
  const end = text.length - 1;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  skip();
  if (i === end) return isMap ? map : list;
  for (;;) {
    skip();
    let key: string | undefined;
    if (isMap) {
      const colon = text.indexOf(': ', i);
      if (colon < 0) return undefined;
      key = text.slice(i, colon);
      if (!YAML_KEY.test(key) || Object.hasOwn(map, key)) return undefined;
      i = colon + 2;
      skip();
    }
    let value: string | undefined;
    if (text[i] === "'") {
      let j = i + 1;
      let v = '';
      for (;;) {
        const q = text.indexOf("'", j);
        if (q < 0 || q > end) return undefined;
        v += text.slice(j, q);
        if (text[q + 1] === "'") {
          v += "'";
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      value = v;
      skip();
    } else {
      let j = i;
      while (j < end && text[j] !== ',') j++;
      value = plainScalar(text.slice(i, j), true);
      i = j;
    }
    if (value === undefined) return undefined;
    if (isMap) map[key!] = value;
    else list.push(value);
    if (i === end) return isMap ? map : list;
    if (text[i] !== ',' || text[i + 1] !== ' ') return undefined;
    i += 2;
  }
}

/** A block value after `key: `: a flow collection, a single-quoted or a plain scalar. */
function blockValue(v: string): SimpleValue | undefined {
  if (v[0] === '{' || v[0] === '[') return flowCollection(v);
  if (v[0] === "'") {
    if (v.length < 2 || v[v.length - 1] !== "'") return undefined;
    const inner = v.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) return undefined;
    return inner.replace(/''/g, "'");
  }
  return plainScalar(v, false);
}

/**
 * A YAML document that is a block sequence of block maps (`- key: value`, `  key: value`), whose values
 * are scalars, one-line flow collections, or block sequences of one-line flow maps (`  - {…}`) — the shape
 * of name_variants.yaml. Undefined for anything else.
 */
export function readSimpleYaml(text: string): Record<string, SimpleValue>[] | undefined {
  if (YAML_UNUSUAL.test(text)) return undefined;
  const entries: Record<string, SimpleValue>[] = [];
  let entry: Record<string, SimpleValue> | undefined;
  let list: Record<string, string>[] | undefined; // the block sequence being read
  let lastKey: string | undefined; // a key waiting for its block sequence
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') continue;
    let rest: string;
    if (line.startsWith('- ')) {
      if (lastKey !== undefined) return undefined; // a key left without a value
      entry = {};
      entries.push(entry);
      list = undefined;
      rest = line.slice(2);
    } else if (line.startsWith('  - ')) {
      if (!entry) return undefined;
      if (lastKey !== undefined) {
        list = [];
        entry[lastKey] = list;
        lastKey = undefined;
      }
      if (!list) return undefined;
      const item = flowCollection(line.slice(4));
      if (!item || Array.isArray(item)) return undefined;
      list.push(item);
      continue;
    } else if (line.startsWith('  ') && line[2] !== ' ') {
      if (!entry || lastKey !== undefined) return undefined;
      list = undefined;
      rest = line.slice(2);
    } else return undefined;
    const colon = rest.indexOf(':');
    if (colon < 0) return undefined;
    const key = rest.slice(0, colon);
    if (!YAML_KEY.test(key) || Object.hasOwn(entry, key)) return undefined;
    if (colon === rest.length - 1) {
      lastKey = key;
      list = undefined;
      continue;
    }
    if (rest[colon + 1] !== ' ') return undefined;
    const value = blockValue(rest.slice(colon + 2));
    if (value === undefined) return undefined;
    entry[key] = value;
  }
  return lastKey === undefined && entries.length > 0 ? entries : undefined;
}
