import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/model/names';
import { parseInput } from '../../src/import';
import { combineResults } from '../../src/import/combine';
import type { Paper } from '../../src/model/types';
import {
  aclIdentityKeyer,
  foldingCollisions,
  parseAclFiles,
  parseAclXml,
  parseNameVariantsYaml,
  readNameVariants,
  yearFromCollectionId,
} from '../../src/import/acl';

const dir = path.resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019');
const present = existsSync(path.join(dir, 'xml'));
if (!present) console.log(`ACL Anthology data not found at ${dir}: ACL dataset tests skipped.`);

/** Independent fold: NFKD, drop marks, lower case, punctuation to space. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Duplicates by the import's rule, computed here on its own: a paper is an earlier one with the same DOI (case folded),
 * else with the same folded title, the same year and a folded author name in common.
 */
function duplicatesByRule(papers: Paper[]): { doi: number; title: number } {
  const byDoi = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const count = { doi: 0, title: 0 };
  papers.forEach((p, i) => {
    const title = fold(p.title);
    const keys = p.authors.map((a) => `${title}|${p.year}|${fold(a.name)}`);
    let group = p.doi ? byDoi.get(p.doi.toLowerCase()) : undefined;
    if (group !== undefined) count.doi++;
    else {
      const hits = keys.map((k) => byTitle.get(k)).filter((g) => g !== undefined);
      group = hits.length ? Math.min(...hits) : undefined;
      if (group !== undefined) count.title++;
    }
    const g = group ?? i;
    if (p.doi && !byDoi.has(p.doi.toLowerCase())) byDoi.set(p.doi.toLowerCase(), g);
    for (const k of keys) if (!byTitle.has(k) || byTitle.get(k)! > g) byTitle.set(k, g);
  });
  return count;
}

describe('ACL XML (small)', () => {
  const xml = `<?xml version='1.0' encoding='UTF-8'?>
<collection id="W99">
  <volume id="1">
    <meta><booktitle>Workshop</booktitle><editor><first>Ed</first><last>Itor</last></editor></meta>
    <paper id="1">
      <title>The <fixed-case>B</fixed-case>ig Title</title>
      <author><first>Ana</first><last>López</last></author>
      <author id="bo-li-x"><first>Bo</first><last>Li</last></author>
      <editor><first>Not</first><last>Author</last></editor>
      <abstract>Some <i>abstract</i>.</abstract>
      <url>W99-0101</url><doi>10.3115/1234</doi>
    </paper>
    <paper id="2"><title></title></paper>
    <paper id="3"><title>Broken <b>paper</title>
  </volume>`;
  const r = parseAclXml(xml, { fileName: 'W99.xml' });
  it('keeps title text, skips editors, takes year from the collection id', () => {
    expect(r.papers[0]).toMatchObject({
      id: 'W99-0101',
      title: 'The Big Title',
      year: 1999,
      venue: 'Workshop',
      doi: '10.3115/1234',
      abstract: 'Some abstract.',
    });
    expect(r.papers[0].authors).toEqual([{ name: 'Ana López' }, { name: 'Bo Li', externalId: 'bo-li-x' }]);
    expect(r.report.skipped).toEqual([expect.objectContaining({ line: 13 })]);
    expect(r.report.warnings.length).toBeGreaterThan(0);
    expect(yearFromCollectionId('P18')).toBe(2018);
  });
});

(present ? describe : describe.skip)('ACL Anthology 2019 dataset', () => {
  const files = present
    ? readdirSync(path.join(dir, 'xml'))
        .filter((f) => f.endsWith('.xml'))
        .map((name) => ({ name, text: readFileSync(path.join(dir, 'xml', name), 'utf8') }))
    : [];
  const t0 = performance.now();
  const r = present ? parseAclFiles(files) : null;
  const ms = performance.now() - t0;
  const yamlText = present ? readFileSync(path.join(dir, 'yaml/name_variants.yaml'), 'utf8') : '';

  it('parses all papers fast', () => {
    console.log(`ACL: ${files.length} files parsed in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
    expect(r?.papers).toHaveLength(48_952);
    expect(r?.report.read).toBe(48_952);
    expect(r?.report.noYear).toEqual([]);
  });
  it('the page keeps the papers read less the duplicates merged, counted here by the same rule', () => {
    // As the import dialog does: each file parsed on its own, then combineResults (the one place that merges).
    const page = combineResults(files.map((f) => ({ fileName: f.name, result: parseInput(f.text, null, { fileName: f.name }) })));
    const read = page.files.reduce((s, f) => s + f.report.read, 0);
    expect(read).toBe(48_952);
    const expected = duplicatesByRule(r!.papers);
    console.log(`ACL: duplicates merged by DOI ${expected.doi}, by title, year and a shared author ${expected.title}`);
    expect(expected).toEqual({ doi: 2, title: 346 });
    const byRule = { doi: page.merged.filter((m) => m.by === 'doi').length, title: page.merged.filter((m) => m.by === 'title-year-author').length };
    expect(byRule).toEqual(expected);
    expect(page.papers).toHaveLength(48_952 - expected.doi - expected.title);
    expect(page.files.reduce((s, f) => s + f.report.imported, 0)).toBe(page.papers.length);
  });
  it('has the README counts of authorships and author-less papers', () => {
    const parts = [...(r?.authorParts.values() ?? [])];
    expect(parts.filter((p) => p.length === 0)).toHaveLength(596);
    expect(parts.reduce((s, p) => s + p.length, 0)).toBe(140_417);
    // One <author> has neither first nor last: left out of the paper, with a warning.
    const kept = r?.papers.reduce((s, p) => s + p.authors.length, 0);
    expect(kept).toBe(140_417 - (r?.report.warnings.filter((w) => /without a name/.test(w.message)).length ?? 0));
  });
  it('distinct names: as written, folded, with name variants', () => {
    const pairs = [...(r?.authorParts.values() ?? [])].flat();
    const key = (p: { first?: string; last?: string }) => `${p.first ?? ''}\u0000${p.last ?? ''}`;
    expect(new Set(pairs.map(key)).size).toBe(42_331);
    expect(new Set(pairs.map((p) => fold(`${p.first ?? ''} ${p.last ?? ''}`))).size).toBe(40_484);
    const variants = readNameVariants(yamlText);
    const canon = new Map<string, string>();
    for (const e of variants) for (const v of e.variants) canon.set(key(v), key(e.canonical));
    expect(new Set(pairs.map((p) => canon.get(key(p)) ?? key(p))).size).toBe(38_605);
  });
  it('aliases from name_variants merge through nameKey', () => {
    const aliases = parseNameVariantsYaml(yamlText);
    const keyer = aclIdentityKeyer(aliases);
    expect(keyer('Balamurali A.R.')).toBe(nameKey('Balamurali AR'));
    expect(keyer('Steve Abney')).toBe(nameKey('Steven Abney'));
    const names = new Set(r?.papers.flatMap((p) => p.authors.map((a) => a.name)));
    const merged = new Set([...names].map(keyer)).size;
    console.log(`ACL: distinct authors under nameKey + name_variants aliases: ${merged}`);
    expect(merged).toBeLessThan(38_605);
    // Folding only joins entries that are the same written name (homonyms the file separates by id).
    for (const c of foldingCollisions(readNameVariants(yamlText))) expect(new Set(c.canonicals).size).toBe(1);
  });
});
