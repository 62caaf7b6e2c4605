#!/usr/bin/env node
// Writes the replayed OpenAlex responses of a field query (./responses/field-*.json and ./field-manifest.json):
// autocomplete for a topic, a venue and an institution, the count, two cursor pages of 200 and 60 works and the
// empty page that ends the walk, one work whose author list is cut at 100 and its full record. Hand-made in
// OpenAlex's shapes (works with `select=` fields only), from a seeded generator; not downloaded. Rerun after a change
// (`node tests/e2e/openalex-replay/make-field-responses.mjs`) and commit the output.
// The manifest's `before` lists what the server answers first on a route (a 429 with Retry-After, a dropped
// connection), once per server start, before the recorded file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const OA = 'https://openalex.org/';
const SELECT = 'id,doi,title,display_name,publication_year,publication_date,type,authorships,primary_location,cited_by_count,is_authors_truncated,ids';
export const FIELD_FILTER = 'topics.id:T10181,publication_year:2019-2021';
export const FIELD_TOPIC = { id: 'T10181', display_name: 'Natural Language Processing Techniques' };

let seed = 20251202;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(rand() * list.length)];

const insts = [
  { id: `${OA}I141596103`, display_name: 'Universidade de Lisboa', ror: 'https://ror.org/01c27hj86', country_code: 'PT', type: 'education' },
  { id: `${OA}I185261750`, display_name: 'University of Toronto', ror: 'https://ror.org/03dbr7087', country_code: 'CA', type: 'education' },
  { id: `${OA}I146655781`, display_name: 'Kiel University', ror: 'https://ror.org/04v76ef78', country_code: 'DE', type: 'education' },
  { id: `${OA}I74801974`, display_name: 'The University of Tokyo', ror: 'https://ror.org/057zh3y96', country_code: 'JP', type: 'education' },
];
const FIRST = ['Aino', 'Bruno', 'Carla', 'Dmitri', 'Eva', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lucia', 'Mateo', 'Nadia'];
const LAST = ['Andersen', 'Barros', 'Chen', 'Dubois', 'Eriksen', 'Ferreira', 'Garcia', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski', 'Lopes'];
const people = [];
for (let i = 0; i < 150; i++) {
  people.push({
    id: `${OA}A58${String(i).padStart(8, '0')}`,
    display_name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
    inst: insts[i % 4],
  });
}

const authorship = (p, i, n) => ({
  author_position: i === 0 ? 'first' : i === n - 1 ? 'last' : 'middle',
  author: { id: p.id, display_name: p.display_name, orcid: null },
  institutions: [p.inst],
  countries: [p.inst.country_code],
  raw_author_name: p.display_name,
});

function work(n, list, cutAt) {
  const year = 2019 + (n % 3);
  const id = `W46${String(n).padStart(8, '0')}`;
  const all = list.map((p, i) => authorship(p, i, list.length));
  return {
    id: `${OA}${id}`,
    doi: `https://doi.org/10.5555/field.${n}`,
    title: `Field work ${n}: ${pick(['parsing', 'tagging', 'translation', 'summarisation', 'retrieval'])} of ${pick(['dialogue', 'news', 'code', 'tweets'])}`,
    display_name: `Field work ${n}`,
    publication_year: year,
    publication_date: `${year}-0${1 + (n % 9)}-1${n % 9}`,
    type: 'article',
    ids: { openalex: `${OA}${id}`, doi: `https://doi.org/10.5555/field.${n}` },
    primary_location: {
      landing_page_url: `https://doi.org/10.5555/field.${n}`,
      source: { id: `${OA}S2764455111`, display_name: 'Computational Linguistics', type: 'journal' },
    },
    authorships: cutAt ? all.slice(0, cutAt) : all,
    is_authors_truncated: Boolean(cutAt),
    cited_by_count: Math.floor(rand() * 40),
  };
}

const works = [];
for (let n = 0; n < 260; n++) {
  const k = 2 + Math.floor(rand() * 4);
  const list = new Set();
  while (list.size < k) list.add(pick(people));
  works.push(work(n, [...list]));
}
// The 120-author work: 120 distinct people (the pool has 150).
works[7] = work(7, people.slice(0, 120), 100);
const full7 = { ...work(7, people.slice(0, 120)), is_authors_truncated: false };

const C2 = 'IlsxNjAwMDAwMDAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQ2MDAwMDAxOTknXSI=';
const C3 = 'IlsxNTkwMDAwMDAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQ2MDAwMDAyNTknXSI=';
const meta = (next) => ({ count: works.length, db_response_time_ms: 40, page: null, per_page: 200, next_cursor: next, groups_count: null });
const auto = (results) => ({ meta: { count: results.length, db_response_time_ms: 5, page: 1, per_page: 10 }, results });

const files = {
  'field-autocomplete-topics.json': auto([
    {
      id: `${OA}${FIELD_TOPIC.id}`,
      display_name: FIELD_TOPIC.display_name,
      hint: 'Artificial Intelligence',
      works_count: 260,
      cited_by_count: 5100,
      entity_type: 'topic',
    },
    {
      id: `${OA}T11307`,
      display_name: 'Natural Language Generation',
      hint: 'Artificial Intelligence',
      works_count: 9120,
      cited_by_count: 88000,
      entity_type: 'topic',
    },
  ]),
  'field-autocomplete-sources.json': auto([
    { id: `${OA}S2764455111`, display_name: 'Computational Linguistics', hint: 'MIT Press', works_count: 2400, entity_type: 'source' },
  ]),
  'field-autocomplete-institutions.json': auto([
    { id: `${OA}I141596103`, display_name: 'Universidade de Lisboa', hint: 'Lisbon, Portugal', works_count: 98000, entity_type: 'institution' },
  ]),
  'field-count.json': { meta: { ...meta(null), per_page: 1, page: 1 }, results: [{ id: works[0].id }] },
  'field-page-1.json': { meta: meta(C2), results: works.slice(0, 200) },
  'field-page-2.json': { meta: meta(C3), results: works.slice(200) },
  'field-page-3.json': { meta: meta(null), results: [] },
  'field-work-W4600000007.json': full7,
};
for (const [name, body] of Object.entries(files)) writeFileSync(join(here, 'responses', name), `${JSON.stringify(body)}\n`);

const page = (cursor) => ({ filter: FIELD_FILTER, 'per-page': '200', cursor, select: SELECT });
const manifest = [
  { path: '/autocomplete/topics', query: { q: 'natural language' }, file: 'field-autocomplete-topics.json' },
  { path: '/autocomplete/sources', query: { q: 'computational' }, file: 'field-autocomplete-sources.json' },
  { path: '/autocomplete/institutions', query: { q: 'lisboa' }, file: 'field-autocomplete-institutions.json' },
  { path: '/works', query: { filter: FIELD_FILTER, 'per-page': '1', select: 'id' }, file: 'field-count.json' },
  { path: '/works', query: page('*'), file: 'field-page-1.json' },
  // Too many requests, twice (the client's own retry, then the field fetch's), then the page.
  {
    path: '/works',
    query: page(C2),
    file: 'field-page-2.json',
    before: [
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 429, headers: { 'Retry-After': '1' } },
    ],
  },
  // The connection drops once, then the page.
  { path: '/works', query: page(C3), file: 'field-page-3.json', before: [{ drop: true }] },
  { path: '/works/W4600000007', query: {}, file: 'field-work-W4600000007.json' },
];
writeFileSync(join(here, 'field-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${Object.keys(files).length} field responses and field-manifest.json`);
