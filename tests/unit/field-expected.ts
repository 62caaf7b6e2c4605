/**
 * The field pipeline's answer computed independently, in plain JS over the same works JSON (no SQL, no DuckDB):
 * what the CLI's counts, pairs, hubs and authors are checked against in field-cli.test.ts.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface RawWork {
  id: string;
  title?: string | null;
  publication_year?: number | null;
  type?: string | null;
  authorships?: {
    author?: { id?: string | null; display_name?: string | null } | null;
    raw_author_name?: string | null;
    institutions?: { id?: string | null; display_name?: string | null; country_code?: string | null }[] | null;
    countries?: string[] | null;
  }[];
}

export const short = (id: string) => id.slice(id.lastIndexOf('/') + 1);

export function readJsonLines(files: string[]): RawWork[] {
  return files.flatMap((f) =>
    gunzipSync(readFileSync(f))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as RawWork),
  );
}

/**
 * The key of a name written without an OpenAlex id (README "Beyond the page"): lower-cased, the runs of characters other
 * than ASCII spaces and punctuation joined by one space.
 */
export const nameKeyOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[\x20-\x2f\x3a-\x60\x7b-\x7e]+/)
    .filter(Boolean)
    .join(' ');

export interface Expected {
  works: number;
  authorships: number;
  /** Authors known by name only (no OpenAlex id on any of their listings, none claiming their name), and their authorships. */
  nameOnlyAuthors: number;
  nameOnlyAuthorships: number;
  authors: Map<
    string,
    { label: string; papers: number; firstYear: number | null; lastYear: number | null; institutions: string[]; countries: string[]; works: string[] }
  >;
  /** By `<a>|<b>` (short ids, a < b as the full ids sort; a name-only id holds spaces). */
  pairs: Map<string, { full: number; fractional: number; works: string[] }>;
  hubs: Map<string, number>;
  /** Each hub's authors (short ids). */
  hubAuthors: Map<string, string[]>;
}

export function expectedField(all: RawWork[], cap: number, keep: (w: RawWork) => boolean = () => true): Expected {
  const works = all.filter(keep);
  const workIds = new Set(works.map((w) => w.id));
  // Distinct (work, author); names, institutions and countries from every listing.
  const authorsOf = new Map<string, Set<string>>();
  const yearOf = new Map<string, number | null>();
  const names = new Map<string, Map<string, number>>();
  const institutions = new Map<string, Set<string>>();
  const countries = new Map<string, Set<string>>();
  const add = <T>(m: Map<string, Set<T>>, k: string, v: T) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  const nameOf = (a: NonNullable<RawWork['authorships']>[number]) => a.author?.display_name ?? a.raw_author_name ?? null;
  // Which OpenAlex ids each name key is written for: a listing without an id under a key only one id claims is that author.
  const claims = new Map<string, Set<string>>();
  for (const w of works)
    for (const a of w.authorships ?? []) {
      const name = nameOf(a);
      const key = name === null ? '' : nameKeyOf(name);
      if (a.author?.id && key) add(claims, key, a.author.id);
    }
  const identity = (a: NonNullable<RawWork['authorships']>[number]): string | null => {
    if (a.author?.id) return a.author.id;
    const name = nameOf(a);
    const key = name === null ? '' : nameKeyOf(name);
    if (!key) return null;
    const claimed = claims.get(key);
    return claimed?.size === 1 ? [...claimed][0] : `name:${key}`;
  };
  for (const w of works) {
    yearOf.set(w.id, w.publication_year ?? null);
    const set = authorsOf.get(w.id) ?? authorsOf.set(w.id, new Set()).get(w.id)!;
    for (const a of w.authorships ?? []) {
      const id = identity(a);
      if (!id) continue;
      set.add(id);
      if (!institutions.has(id)) institutions.set(id, new Set());
      if (!countries.has(id)) countries.set(id, new Set());
      const name = nameOf(a);
      if (name) {
        const m = names.get(id) ?? names.set(id, new Map()).get(id)!;
        m.set(name, (m.get(name) ?? 0) + 1);
      }
      for (const i of a.institutions ?? []) {
        if (!i.id) continue;
        if (i.display_name) add(institutions, id, i.display_name);
        if (i.country_code) add(countries, id, i.country_code);
      }
      for (const c of a.countries ?? []) if (c) add(countries, id, c);
    }
  }
  const authors: Expected['authors'] = new Map();
  let authorships = 0;
  const pairs: Expected['pairs'] = new Map();
  const hubs: Expected['hubs'] = new Map();
  const hubAuthors: Expected['hubAuthors'] = new Map();
  for (const [work, set] of authorsOf) {
    const ids = [...set].sort();
    const n = ids.length;
    authorships += n;
    const year = yearOf.get(work) ?? null;
    for (const id of ids) {
      const a =
        authors.get(id) ?? authors.set(id, { label: '', papers: 0, firstYear: null, lastYear: null, institutions: [], countries: [], works: [] }).get(id)!;
      a.papers++;
      a.works.push(short(work));
      if (year !== null) {
        a.firstYear = a.firstYear === null ? year : Math.min(a.firstYear, year);
        a.lastYear = a.lastYear === null ? year : Math.max(a.lastYear, year);
      }
    }
    if (n > cap) {
      hubs.set(short(work), n);
      hubAuthors.set(short(work), ids.map(short));
      continue;
    }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const key = `${short(ids[i])}|${short(ids[j])}`;
        const p = pairs.get(key) ?? pairs.set(key, { full: 0, fractional: 0, works: [] }).get(key)!;
        p.full++;
        p.fractional += 1 / (n - 1);
        p.works.push(short(work));
      }
  }
  for (const [id, a] of authors) {
    // The most common spelling; ties: the first in code-point order.
    const spelled = [...(names.get(id) ?? new Map<string, number>())].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    a.label = spelled[0]?.[0] ?? id;
    a.works.sort();
    a.institutions = [...institutions.get(id)!].sort();
    a.countries = [...countries.get(id)!].sort();
  }
  for (const p of pairs.values()) p.works.sort();
  const nameOnly = [...authors].filter(([id]) => id.startsWith('name:'));
  return {
    works: workIds.size,
    authorships,
    nameOnlyAuthors: nameOnly.length,
    nameOnlyAuthorships: nameOnly.reduce((s, [, a]) => s + a.papers, 0),
    authors,
    pairs,
    hubs,
    hubAuthors,
  };
}
