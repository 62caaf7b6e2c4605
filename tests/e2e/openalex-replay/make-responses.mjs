#!/usr/bin/env node
// Writes the replayed OpenAlex responses in ./responses and ./manifest.json. They are hand-made in OpenAlex's shapes
// (as of 2025: authors with last_known_institutions, works with authorships and is_authors_truncated, cursor paging),
// not downloaded. The 120-author consortium paper is generated here because 120 authorships are tedious by hand;
// rerun this script after changing it (`node tests/e2e/openalex-replay/make-responses.mjs`) and commit the output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'responses');
mkdirSync(out, { recursive: true });

const OA = 'https://openalex.org/';
const inst = {
  lisboa: {
    id: `${OA}I141596103`,
    display_name: 'Universidade de Lisboa',
    ror: 'https://ror.org/01c27hj86',
    country_code: 'PT',
    type: 'education',
    lineage: [`${OA}I141596103`],
  },
  toronto: {
    id: `${OA}I185261750`,
    display_name: 'University of Toronto',
    ror: 'https://ror.org/03dbr7087',
    country_code: 'CA',
    type: 'education',
    lineage: [`${OA}I185261750`],
  },
  kiel: {
    id: `${OA}I146655781`,
    display_name: 'Kiel University',
    ror: 'https://ror.org/04v76ef78',
    country_code: 'DE',
    type: 'education',
    lineage: [`${OA}I146655781`],
  },
  tokyo: {
    id: `${OA}I74801974`,
    display_name: 'The University of Tokyo',
    ror: 'https://ror.org/057zh3y96',
    country_code: 'JP',
    type: 'education',
    lineage: [`${OA}I74801974`],
  },
  porto: {
    id: `${OA}I182534213`,
    display_name: 'Universidade do Porto',
    ror: 'https://ror.org/043pwc612',
    country_code: 'PT',
    type: 'education',
    lineage: [`${OA}I182534213`],
  },
};

const people = {
  ana: { id: `${OA}A5001234501`, display_name: 'Ana Ribeiro', orcid: 'https://orcid.org/0000-0002-1825-0097', inst: inst.lisboa },
  joao: { id: `${OA}A5001234502`, display_name: 'João Gonçalves', orcid: null, inst: inst.lisboa },
  joao2: { id: `${OA}A5001234502`, display_name: 'Joao Goncalves', orcid: null, inst: inst.porto },
  marta: { id: `${OA}A5001234503`, display_name: 'Marta Silva', orcid: null, inst: inst.porto },
  lena: { id: `${OA}A5001234504`, display_name: 'Lena Fischer', orcid: 'https://orcid.org/0000-0001-5109-3700', inst: inst.kiel },
  pedro: { id: `${OA}A5001234505`, display_name: 'Pedro Almeida', orcid: null, inst: inst.lisboa },
  kenji: { id: `${OA}A5001234506`, display_name: 'Kenji Watanabe', orcid: null, inst: inst.tokyo },
  sofia: { id: `${OA}A5001234507`, display_name: 'Sofia Costa', orcid: null, inst: null },
};

function authorship(p, position, raw) {
  return {
    author_position: position,
    author: { id: p.id, display_name: p.display_name, orcid: p.orcid },
    institutions: p.inst ? [p.inst] : [],
    countries: p.inst ? [p.inst.country_code] : [],
    is_corresponding: position === 'first',
    raw_author_name: raw ?? p.display_name,
    raw_affiliation_strings: p.inst ? [`${p.inst.display_name}, ${p.inst.country_code}`] : [],
    affiliations: p.inst ? [{ raw_affiliation_string: `${p.inst.display_name}, ${p.inst.country_code}`, institution_ids: [p.inst.id] }] : [],
  };
}
const authorships = (list) => list.map((p, i) => authorship(p, i === 0 ? 'first' : i === list.length - 1 ? 'last' : 'middle'));

const inverted = (text) => {
  const idx = {};
  text.split(' ').forEach((w, i) => (idx[w] ??= []).push(i));
  return idx;
};

function work({ id, doi, title, date, venue, list, abstract, arxiv, truncatedAt }) {
  const all = authorships(list);
  return {
    id: `${OA}${id}`,
    doi: doi ? `https://doi.org/${doi}` : null,
    title,
    display_name: title,
    publication_year: Number(date.slice(0, 4)),
    publication_date: date,
    ids: { openalex: `${OA}${id}`, ...(doi ? { doi: `https://doi.org/${doi}` } : {}), ...(arxiv ? { arxiv: `https://arxiv.org/abs/${arxiv}` } : {}) },
    language: 'en',
    primary_location: {
      is_oa: true,
      landing_page_url: doi ? `https://doi.org/${doi}` : `${OA}${id}`,
      source: venue ? { id: `${OA}S1983995261`, display_name: venue, type: 'journal' } : null,
    },
    type: 'article',
    authorships: truncatedAt ? all.slice(0, truncatedAt) : all,
    is_authors_truncated: Boolean(truncatedAt),
    corresponding_author_ids: [list[0].id],
    cited_by_count: 3,
    abstract_inverted_index: abstract ? inverted(abstract) : null,
    updated_date: '2025-03-01T09:12:44.123456',
    created_date: '2023-06-10',
  };
}

// The consortium: 120 people, Ana Ribeiro 7th and Lena Fischer 118th (beyond OpenAlex's cut at 100).
const FIRST = ['Aino', 'Bruno', 'Carla', 'Dmitri', 'Eva', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lucia'];
const LAST = ['Andersen', 'Barros', 'Chen', 'Dubois', 'Eriksen', 'Ferreira', 'Garcia', 'Hansen', 'Ivanova', 'Jensen'];
const consortium = [];
for (let i = 0; consortium.length < 118; i++) {
  const f = FIRST[i % FIRST.length];
  const l = LAST[Math.floor(i / FIRST.length) % LAST.length];
  consortium.push({
    id: `${OA}A50099${String(i).padStart(5, '0')}`,
    display_name: `${f} ${l}`,
    orcid: null,
    inst: [inst.kiel, inst.porto, inst.tokyo, null][i % 4],
  });
}
consortium.splice(6, 0, people.ana);
consortium.splice(117, 0, people.lena);

const works = [
  work({
    id: 'W4391000001',
    doi: '10.1016/j.csr.2024.105211',
    title: 'Seasonal drift in coastal sediment transport off the Tagus estuary',
    date: '2024-03-14',
    venue: 'Continental Shelf Research',
    list: [people.ana, people.joao, people.marta],
    abstract: 'We measure seasonal sediment drift with moored sensors.',
  }),
  work({
    id: 'W4391000002',
    doi: '10.5194/os-19-1021-2023',
    title: 'Wave-driven resuspension: a two-year record',
    date: '2023-09-02',
    venue: 'Ocean Science',
    list: [people.ana, people.joao2, people.lena],
  }),
  work({
    id: 'W4391000003',
    doi: '10.1038/s41586-023-06000-1',
    title: 'A pan-European coastal observatory network: design and first results',
    date: '2023-05-20',
    venue: 'Nature',
    list: consortium,
    truncatedAt: 100,
  }),
  work({
    id: 'W4391000004',
    doi: null,
    title: 'Low-cost turbidity sensing with open hardware',
    date: '2022-11-30',
    venue: null,
    list: [people.ana, people.pedro],
    arxiv: '2211.16543',
  }),
  work({
    id: 'W4391000005',
    doi: '10.1029/2021JC017777',
    title: 'Tidal asymmetry and fine sediment trapping',
    date: '2021-06-01',
    venue: 'Journal of Geophysical Research: Oceans',
    list: [people.ana, people.marta, people.kenji],
  }),
  work({
    id: 'W4391000006',
    doi: '10.1016/j.margeo.2020.106300',
    title: 'Grain-size trends in a mesotidal lagoon',
    date: '2020-08-15',
    venue: 'Marine Geology',
    list: [people.sofia, people.pedro, people.ana],
  }),
];

const CURSOR_2 = 'IlsxNjg0NTQwODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTEwMDAwMDQnXSI=';
const CURSOR_3 = 'IlsxNTk3NDQ5NjAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTEwMDAwMDYnXSI=';
const worksMeta = (next) => ({ count: works.length, db_response_time_ms: 31, page: null, per_page: 200, next_cursor: next, groups_count: null });

function author(p, worksCount, citedBy, alternatives, insts) {
  return {
    id: p.id,
    orcid: p.orcid,
    display_name: p.display_name,
    display_name_alternatives: alternatives,
    works_count: worksCount,
    cited_by_count: citedBy,
    summary_stats: { '2yr_mean_citedness': 1.7, h_index: 4, i10_index: 2 },
    ids: { openalex: p.id, ...(p.orcid ? { orcid: p.orcid } : {}) },
    affiliations: insts.map((i) => ({ institution: i, years: [2024, 2023, 2022] })),
    last_known_institutions: insts,
    topics: [],
    works_api_url: `https://api.openalex.org/works?filter=author.id:${p.id.replace(OA, '')}`,
    updated_date: '2025-03-01T04:11:01.000000',
    created_date: '2023-07-21',
  };
}
const ana = author(people.ana, works.length, 129, ['Ana Ribeiro', 'A. Ribeiro', 'Ana M. Ribeiro'], [inst.lisboa]);
const otherAna = author({ id: `${OA}A5077700001`, orcid: null, display_name: 'Ana Ribeiro' }, 3, 12, ['Ana Ribeiro', 'A. C. Ribeiro'], [inst.toronto]);

const files = {
  'authors-search-ana-ribeiro.json': {
    meta: { count: 2, db_response_time_ms: 22, page: 1, per_page: 25, groups_count: null },
    results: [ana, otherAna],
    group_by: [],
  },
  'authors-orcid-0000-0002-1825-0097.json': {
    meta: { count: 1, db_response_time_ms: 9, page: 1, per_page: 25, groups_count: null },
    results: [ana],
    group_by: [],
  },
  'works-page-1.json': { meta: worksMeta(CURSOR_2), results: works.slice(0, 4), group_by: [] },
  'works-page-2.json': { meta: worksMeta(CURSOR_3), results: works.slice(4), group_by: [] },
  'works-page-3.json': { meta: worksMeta(null), results: [], group_by: [] },
  'work-W4391000003.json': { ...works[2], authorships: authorships(consortium), is_authors_truncated: false },
};
for (const [name, body] of Object.entries(files)) writeFileSync(join(out, name), `${JSON.stringify(body, null, 2)}\n`);

const AUTHOR = 'A5001234501';
const manifest = [
  { path: '/authors', query: { search: 'Ana Ribeiro', 'per-page': '25' }, file: 'authors-search-ana-ribeiro.json' },
  { path: '/authors', query: { filter: 'orcid:0000-0002-1825-0097' }, file: 'authors-orcid-0000-0002-1825-0097.json' },
  { path: '/works', query: { filter: `author.id:${AUTHOR}`, 'per-page': '200', cursor: '*' }, file: 'works-page-1.json' },
  { path: '/works', query: { filter: `author.id:${AUTHOR}`, 'per-page': '200', cursor: CURSOR_2 }, file: 'works-page-2.json' },
  { path: '/works', query: { filter: `author.id:${AUTHOR}`, 'per-page': '200', cursor: CURSOR_3 }, file: 'works-page-3.json' },
  { path: '/works/W4391000003', query: {}, file: 'work-W4391000003.json' },
];
writeFileSync(join(here, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${Object.keys(files).length} responses and manifest.json`);
