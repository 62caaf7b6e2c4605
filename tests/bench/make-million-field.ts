/**
 * Writes the field benchmark's input: the seeded synthetic bibliography of make-million.ts (tests/bench/synthetic.ts,
 * the same items) as the OpenAlex /works responses a field query gets, and what the page must show of it, counted
 * here. Each person of the generator becomes one OpenAlex author (an id, a display name, one institution with its
 * country); each item one work with the fields the Field tab's `select=` asks for (FIELD_SELECT). Works with more than
 * 100 authorships are cut at 100 on their page with `is_authors_truncated`, as OpenAlex does, and their full record is
 * written apart (the tab refetches it). Output in OUT_DIR: `page-N.json` (cursor pages of OPENALEX_PAGE_SIZE works and
 * the empty page that ends the walk), `work-W….json` (full records), `meta.json` (counts, probes, filter, select).
 * Counts: authors by OpenAlex author id (independent of the app), distinct display names, and the app's own parser
 * and resolver on the full records.
 * Usage: node --import tsx tests/bench/make-million-field.ts OUT_DIR [AUTHORSHIPS]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPENALEX_PAGE_SIZE } from '../../src/import/openalex';
import { FIELD_SELECT } from '../../src/import/openalexField';
import { parseOpenAlexRecords } from '../../src/import/json';
import { resolveDataset } from '../../src/graph/authors';
import { syntheticItems } from './synthetic';

const OA = 'https://openalex.org/';
/** The one topic the benchmark's query picks (autocomplete offers it for any text). */
const TOPIC = { id: 'T90001', display_name: 'Synthetic collaboration structure' };
const FILTER = `topics.id:${TOPIC.id}`;
const CUT_AT = 100;
const COUNTRIES = ['US', 'CN', 'DE', 'GB', 'JP', 'FR', 'IN', 'BR', 'CA', 'IT', 'ES', 'KR', 'AU', 'NL', 'CH', 'SE', 'PL', 'PT', 'NG', 'ZA'];
const INSTITUTIONS = 1_200;

const out = resolve(process.argv[2] ?? 'test-results/bench-million-field');
const authorships = Number(process.argv[3]) || 1_000_000;
mkdirSync(out, { recursive: true });
const items = syntheticItems(authorships);

// One OpenAlex author per spelled name (the generator gives each person one spelling), numbered in order of appearance.
const people = new Map<string, { id: string; name: string; inst: Record<string, unknown>; country: string }>();
const personOf = (given: string, family: string) => {
  const name = `${given} ${family}`;
  let p = people.get(name);
  if (!p) {
    const n = people.size;
    const k = (n * 7919) % INSTITUTIONS;
    const country = COUNTRIES[k % COUNTRIES.length];
    const inst = { id: `${OA}I7${String(k).padStart(7, '0')}`, display_name: `Synthetic Institute ${k}`, ror: null, country_code: country, type: 'education' };
    p = { id: `${OA}A5${String(n).padStart(9, '0')}`, name, inst, country };
    people.set(name, p);
  }
  return p;
};

/** The full record of item i (every authorship). */
function fullWork(i: number) {
  const item = items[i];
  const year = item.issued['date-parts'][0][0];
  const id = `W3${String(i).padStart(9, '0')}`;
  const doi = `https://doi.org/${item.DOI}`;
  const n = item.author.length;
  return {
    id: `${OA}${id}`,
    doi,
    title: item.title,
    display_name: item.title,
    publication_year: year,
    publication_date: `${year}-0${1 + (i % 9)}-1${i % 9}`,
    type: 'article',
    authorships: item.author.map((a, k) => {
      const p = personOf(a.given, a.family);
      return {
        author_position: k === 0 ? 'first' : k === n - 1 ? 'last' : 'middle',
        author: { id: p.id, display_name: p.name, orcid: null },
        institutions: [p.inst],
        countries: [p.country],
        is_corresponding: k === 0,
        raw_author_name: p.name,
        raw_affiliation_strings: [p.inst.display_name],
      };
    }),
    primary_location: {
      landing_page_url: doi,
      source: { id: `${OA}S4${String(i % 40).padStart(8, '0')}`, display_name: item['container-title'], type: 'journal' },
    },
    cited_by_count: (i * 37) % 211,
    is_authors_truncated: false,
    ids: { openalex: `${OA}${id}`, doi },
  };
}

const cursorOf = (page: number) => Buffer.from(`bench-page:${page}`).toString('base64');
const pageMeta = (next: string | null) => ({
  count: items.length,
  db_response_time_ms: 30,
  page: null,
  per_page: OPENALEX_PAGE_SIZE,
  next_cursor: next,
  groups_count: null,
});

const authorIds = new Set<string>();
const names = new Set<string>();
const fullRecords: Record<string, unknown>[] = [];
let written = 0;
let cut = 0;
let bytes = 0;
const pages = Math.ceil(items.length / OPENALEX_PAGE_SIZE);
for (let page = 0; page < pages; page++) {
  const results = [];
  for (let i = page * OPENALEX_PAGE_SIZE; i < Math.min(items.length, (page + 1) * OPENALEX_PAGE_SIZE); i++) {
    const work = fullWork(i);
    for (const a of work.authorships) {
      authorIds.add(a.author.id);
      names.add(a.author.display_name);
      written++;
    }
    fullRecords.push(work);
    if (work.authorships.length > CUT_AT) {
      const text = JSON.stringify(work);
      writeFileSync(join(out, `work-${work.id.slice(OA.length)}.json`), text);
      bytes += text.length;
      results.push({ ...work, authorships: work.authorships.slice(0, CUT_AT), is_authors_truncated: true });
      cut++;
    } else results.push(work);
  }
  const text = JSON.stringify({ meta: pageMeta(cursorOf(page + 1)), results });
  bytes += text.length;
  writeFileSync(join(out, `page-${page}.json`), text);
}
// OpenAlex ends a cursor walk with an empty page.
writeFileSync(join(out, `page-${pages}.json`), JSON.stringify({ meta: pageMeta(null), results: [] }));

// The app's own count, as a cross-check of the independent one: its parser and resolver on the full records.
const parsed = parseOpenAlexRecords(fullRecords);
const resolved = resolveDataset({ id: 'f', title: 'f', papers: parsed.papers, aliases: [] });
const order = [...people.keys()];
const meta = {
  works: items.length,
  authorships: written,
  authorsById: authorIds.size,
  distinctNames: names.size,
  authors: resolved.authors.size,
  appPapers: parsed.papers.length,
  truncatedWorks: cut,
  pages,
  megabytes: Math.round(bytes / 1e6),
  probes: [0, 0.25, 0.5, 0.75, 0.999].map((q) => order[Math.floor(q * (order.length - 1))]),
  topic: TOPIC,
  filter: FILTER,
  select: FIELD_SELECT,
  perPage: OPENALEX_PAGE_SIZE,
  cursors: Array.from({ length: pages + 1 }, (_, p) => (p === 0 ? '*' : cursorOf(p))),
};
writeFileSync(join(out, 'meta.json'), JSON.stringify(meta));
console.log(JSON.stringify({ ...meta, cursors: `${meta.cursors.length} cursors` }));
