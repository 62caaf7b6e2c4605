/**
 * Checks that the ACL Anthology reader's fast paths give exactly what the reference readers give:
 * `node --import tsx scripts/check-acl-parser.ts [fuzz runs, default 2000]`.
 *
 * - every XML file of ../shared/datasets/acl-anthology-2019, one by one and all together: parseAclFiles
 *   with the fast scanner ('auto') against saxes alone ('reference'), papers, report and author parts
 *   deeply equal and serialised identically (key order included);
 * - name_variants.yaml: readNameVariants against the `yaml` library alone;
 * - fuzzed texts (fast-check, seeded): real files and the hostile fixture, mutated (damaged ones go to
 *   saxes) or kept well-formed with references, markup, multi-line tags and empty titles (the scanner
 *   reads those); chunks of name_variants.yaml with YAML's special characters spliced in.
 * Exits 1 on any difference. The fuzz keeps the comparison honest on inputs the fast paths must refuse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseAclFiles, readNameVariants, type AclFile, type AclParseResult, type AclReader } from '../src/import/acl';
import { FAST, mutatedText, TOKENS } from '../tests/fuzz/mutate';

const root = resolve(import.meta.dirname, '..');
const aclDir = resolve(root, '../shared/datasets/acl-anthology-2019');
const runs = Number(process.argv[2] ?? 2000);
let failures = 0;
const fail = (what: string, detail = '') => {
  failures++;
  if (failures <= 5) console.log(`DIFFERENT: ${what}${detail ? `\n  ${detail.slice(0, 600)}` : ''}`);
};

const shape = (r: AclParseResult) => ({ papers: r.papers, report: r.report, parts: [...r.authorParts] });
const sameParse = (files: AclFile[]) => {
  const [a, b] = (['auto', 'reference'] as AclReader[]).map((how) => shape(parseAclFiles(files, undefined, how)));
  return isDeepStrictEqual(a, b) && JSON.stringify(a) === JSON.stringify(b);
};
const attempt = <T>(f: () => T) => {
  try {
    return { value: f() };
  } catch {
    return { threw: true };
  }
};
const sameVariants = (text: string) =>
  isDeepStrictEqual(
    attempt(() => readNameVariants(text, 'auto')),
    attempt(() => readNameVariants(text, 'reference')),
  );

if (!existsSync(join(aclDir, 'xml'))) {
  console.log(`ACL Anthology data not found at ${aclDir}: nothing to check.`);
  process.exit(0);
}
const files = readdirSync(join(aclDir, 'xml'))
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(aclDir, 'xml', name), 'utf8') }));
for (const f of files) if (!sameParse([f])) fail(f.name);
if (!sameParse(files)) fail('all files together');
console.log(`XML: ${files.length} files checked one by one and together`);
const yaml = readFileSync(join(aclDir, 'yaml/name_variants.yaml'), 'utf8');
if (!sameVariants(yaml)) fail('name_variants.yaml');

// Fuzzed XML.
const small = files
  .filter((f) => f.text.length < 20_000)
  .slice(0, 30)
  .map((f) => f.text);
const seeds = [...small, readFileSync(join(root, 'tests/fixtures/hostile/acl-small.xml'), 'utf8')];
const wellFormed = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(
          '&amp;',
          '&lt;',
          '&#233;',
          '&#x1F4A5;',
          '&quot;',
          '&apos;',
          '\n',
          '  ',
          '\t',
          '<fixed-case>X</fixed-case>',
          '<i/>',
          '<b >y</b >',
          '>',
          '"',
          "'",
          'é',
          '💥',
          '\u00a0',
          '\u2028',
          '’',
          '&bogus;',
          '&#0;',
        ),
      ),
      { maxLength: 6 },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([seed, pieces, multiLine, noTitle]) => {
    let t = seed;
    for (const [at, piece] of pieces) {
      // Only into text between tags, after the root opens.
      const i = Math.floor(at * t.length);
      const gt = t.lastIndexOf('>', i);
      const lt = t.indexOf('<', i);
      if (gt < 0 || lt < 0 || t.lastIndexOf('<', i) > gt || gt < t.indexOf('<collection')) continue;
      t = t.slice(0, lt) + piece + t.slice(lt);
    }
    if (multiLine) t = t.replace(/<paper id="(\d+)">/g, '<paper\n  id="$1"\n>').replace(/<author>/g, '<author\n>');
    if (noTitle) t = t.replace(/<title>[^<]*<\/title>/, '<title>  </title>');
    return t;
  });
for (const arbitrary of [mutatedText(seeds, TOKENS.xml, FAST), wellFormed]) {
  fc.assert(
    fc.property(arbitrary, (text) => {
      if (!sameParse([{ name: 'W99.xml', text }])) fail('fuzzed XML', JSON.stringify(text.slice(0, 400)));
      return true;
    }),
    { numRuns: runs, seed: 1 },
  );
}
console.log(`XML: ${2 * runs} fuzzed texts checked`);

// Fuzzed YAML.
const lines = yaml.split('\n');
const starts = lines.flatMap((l, i) => (l.startsWith('- ') ? [i] : [])).slice(0, -20);
const yamlTokens = [
  ':',
  ': ',
  '- ',
  '  ',
  '  - ',
  "'",
  "''",
  '"',
  '#',
  ' #',
  '{',
  '}',
  '[',
  ']',
  ',',
  ', ',
  'null',
  'Null',
  '1',
  '1.5',
  '0x1F',
  '~',
  '\t',
  '\u2028',
  '\u0085',
  '\r\n',
  'é',
  '💥',
  '&a',
  '*a',
  '!!str ',
  '? ',
  '---\n',
  '...',
  '%YAML 1.2\n',
  '\n',
  'first',
  'last',
  'canonical',
  'variants',
  'id',
  'true',
  '.inf',
  '<<: ',
  '|',
  '>',
  '@',
  '`',
  '\uFEFF',
  'a:b',
];
const mutatedYaml = fc
  .tuple(
    fc.constantFrom(...starts).map((i) => lines.slice(i, i + 60).join('\n')),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...yamlTokens), fc.boolean()), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, token, remove]) => {
      const i = Math.floor(at * t.length);
      return remove ? t.slice(0, i) + t.slice(i + token.length) : t.slice(0, i) + token + t.slice(i);
    }, text),
  );
const warn = process.emitWarning;
process.emitWarning = () => {}; // the yaml library warns about odd anchors and keys on stderr
fc.assert(
  fc.property(mutatedYaml, (text) => {
    if (!sameVariants(text)) fail('fuzzed YAML', JSON.stringify(text.slice(0, 400)));
    return true;
  }),
  { numRuns: runs, seed: 2 },
);
process.emitWarning = warn;
console.log(`YAML: ${runs} fuzzed texts checked`);

console.log(failures ? `${failures} difference(s)` : 'no difference');
process.exit(failures ? 1 : 0);
