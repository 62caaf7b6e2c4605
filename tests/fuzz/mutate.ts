// Mutation-based input generators (fast-check): real fixtures truncated, spliced, duplicated and salted
// with the characters that break parsers (NUL, BOM, CRLF, bidi controls, lone surrogates, huge runs,
// unbalanced brackets, deep nesting).
import fc from 'fast-check';

export interface MutateOptions {
  /** Longest run a "huge" mutation inserts (characters). */
  hugeMax: number;
  /** Deepest nesting a "deep" mutation inserts. */
  deepMax: number;
}

export const FAST: MutateOptions = { hugeMax: 5_000, deepMax: 1_000 };
/**
 * Kept at 50k: the BibTeX library is super-linear on unclosed records (see tests/unit/hostile-huge.test.ts),
 * and 10,000 cases of 200k-character runs would take most of an hour there.
 */
export const FULL: MutateOptions = { hugeMax: 50_000, deepMax: 10_000 };

export const SPECIAL = [
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\r',
  '\n',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u200D',
  '\uD800',
  '\uDC00',
  '\u0085',
  '\u2028',
  '\\',
  '"',
  "'",
  '\t',
  '\u00A0',
  '💥',
  'é',
];

/** Tokens with meaning in each format, spliced at random places. */
export const TOKENS: Record<string, string[]> = {
  bibtex: [
    '@article{',
    '@inproceedings{k,',
    '@string{a = "',
    '@comment{',
    '@preamble{',
    '}',
    '{',
    '{{{',
    '}}}',
    '"',
    '#',
    '=',
    ',',
    '\\',
    '\\"{',
    '%',
    'author = ',
    'title = {',
    ' and ',
    'crossref = {',
    '@',
    '@{',
    '(',
    ')',
    'others',
    '$',
    '^',
    '_',
    '~',
  ],
  ris: ['TY  - JOUR\n', 'ER  - \n', 'AU  - ', 'TI  - ', 'PY  - ', 'DA  - ', 'DO  - ', 'AD  - ', 'UR  - ', '\n', '  - ', 'et al.', ',', '/'],
  json: [
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    'null',
    'true',
    '1e999',
    '-0',
    '"__proto__":',
    '"constructor":{"prototype":{}}',
    '"title":',
    '"author":[',
    '"issued":{"date-parts":[[',
    '\\u0000',
    '\\ud800',
    '"authorships":[',
    '"abstract_inverted_index":{"a":[1e9]}',
    '"abstract_inverted_index":{"a":[-1, 0.5, 4294967295]}',
  ],
  xml: [
    '<',
    '>',
    '</',
    '/>',
    '<!DOCTYPE x [<!ENTITY e "ee">]>',
    '&e;',
    '&amp;',
    '&#0;',
    '&#xD800;',
    '&lt;',
    ']]>',
    '<![CDATA[',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    'xmlns:a="b"',
    '<paper id="9">',
    '<title>',
    '</title>',
    '<author>',
    '<node id="x"/>',
    '<edge source="x" target="y"/>',
    '<attvalue for="0" value="[1,2"/>',
    '"',
    "'",
  ],
  csv: ['"', '""', ',', ';', '\t', '\n', '\r\n', 'title', '=cmd|calc', 'et al.', ' and ', '|'],
  wos: ['PT J\n', 'ER\n', 'EF\n', 'AU ', 'AF ', 'C1 ', 'TI ', 'PY ', 'UT WOS:', '   ', '\n', '\t', '[', ']', '; ', ', '],
  pubmed: ['PMID- ', 'TI  - ', 'FAU - ', 'AU  - ', 'AD  - ', 'AUID- ORCID: ', 'DP  - ', 'LID - ', '      ', '\n\n', '\n', '; '],
  text: ['\n', '\n\n', 'LG', 'cs.CL', 'Jul 31, 2024', 'May 23', ' et al.', ', ', 'meta, google'],
};

const special = fc.constantFrom(...SPECIAL);

function insertAt(text: string, at: number, piece: string): string {
  const i = Math.min(text.length, Math.max(0, Math.floor(at * text.length)));
  return text.slice(0, i) + piece + text.slice(i);
}

type Mutation = (text: string) => string;

/** One mutation over a text, as a fast-check arbitrary of functions (shown readably on failure). */
export function mutation(tokens: string[], opts: MutateOptions): fc.Arbitrary<Mutation> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const tok = fc.constantFrom(...tokens);
  const piece = fc.oneof(
    tok,
    special,
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.oneof(tok, special), { maxLength: 12 }).map((a) => a.join('')),
  );
  const named = <T>(arb: fc.Arbitrary<T>, name: string, f: (v: T) => Mutation) =>
    arb.map((v) => Object.assign(f(v), { toString: () => `${name}(${JSON.stringify(v)?.slice(0, 200)})` }));
  return fc.oneof(
    named(at, 'truncate', (a) => (t) => t.slice(0, Math.floor(a * t.length))),
    named(
      fc.tuple(at, piece),
      'insert',
      ([a, p]) =>
        (t) =>
          insertAt(t, a, p),
    ),
    named(fc.tuple(at, at), 'delete', ([a, b]) => (t) => {
      const [i, j] = [Math.floor(Math.min(a, b) * t.length), Math.floor(Math.max(a, b) * t.length)];
      return t.slice(0, i) + t.slice(j);
    }),
    named(fc.tuple(at, at, at), 'duplicate', ([a, b, c]) => (t) => {
      const [i, j] = [Math.floor(Math.min(a, b) * t.length), Math.floor(Math.max(a, b) * t.length)];
      return insertAt(t, c, t.slice(i, j));
    }),
    named(fc.tuple(at, at), 'swap-halves', ([a]) => (t) => {
      const i = Math.floor(a * t.length);
      return t.slice(i) + t.slice(0, i);
    }),
    named(
      fc.tuple(at, fc.oneof(tok, special), fc.integer({ min: 1, max: opts.hugeMax })),
      'huge',
      ([a, p, n]) =>
        (t) =>
          insertAt(t, a, p.repeat(Math.ceil(n / Math.max(1, p.length)))),
    ),
    named(
      fc.tuple(at, fc.constantFrom('{', '}', '[', ']', '(', '"', '<a>', '</a>', '{"a":', '[[', '<x:y a="1">', '\\'), fc.integer({ min: 1, max: opts.deepMax })),
      'deep',
      ([a, p, n]) =>
        (t) =>
          insertAt(t, a, p.repeat(n)),
    ),
    named(fc.constantFrom('\r\n', '\r', '\u2028', '\u0085', ''), 'newlines', (nl) => (t) => t.replace(/\r?\n/g, nl)),
    named(
      fc.tuple(special, fc.integer({ min: 2, max: 50 })),
      'sprinkle',
      ([s, every]) =>
        (t) =>
          t.replace(new RegExp(`(.{${every}})`, 'gs'), `$1${s}`),
    ),
    named(fc.constant(0), 'bom', () => (t) => `\uFEFF${t}`),
    named(fc.constant(0), 'nul-bytes', () => (t) => t.replace(/ /g, '\u0000')),
  );
}

/** A fixture text with 0–4 mutations, or (1 in 10) random text of its own. */
export function mutatedText(seeds: string[], tokens: string[], opts: MutateOptions): fc.Arbitrary<string> {
  const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation(tokens, opts), { maxLength: 4 })).map(([seed, ms]) => ms.reduce((t, m) => m(t), seed));
  const random = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...tokens, ...SPECIAL), { maxLength: 80 }).map((a) => a.join('')),
  );
  return fc.oneof({ arbitrary: mutated, weight: 9 }, { arbitrary: random, weight: 1 });
}
