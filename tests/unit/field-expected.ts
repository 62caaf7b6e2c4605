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

export interface Expected {
  works: number;
  authorships: number;
  authors: Map<
    string,
    { label: string; papers: number; firstYear: number | null; lastYear: number | null; institutions: string[]; countries: string[]; works: string[] }
  >;
  pairs: Map<string, { full: number; fractional: number; works: string[] }>;
  hubs: Map<string, number>;
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
  for (const w of works) {
    yearOf.set(w.id, w.publication_year ?? null);
    const set = authorsOf.get(w.id) ?? authorsOf.set(w.id, new Set()).get(w.id)!;
    for (const a of w.authorships ?? []) {
      const id = a.author?.id;
      if (!id) continue;
      set.add(id);
      if (!institutions.has(id)) institutions.set(id, new Set());
      if (!countries.has(id)) countries.set(id, new Set());
      const name = a.author?.display_name;
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
      continue;
    }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const key = `${short(ids[i])} ${short(ids[j])}`;
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
  return { works: workIds.size, authorships, authors, pairs, hubs };
}
