/**
 * A synthetic OpenAlex works snapshot, seeded, in the snapshot's own layout: works/updated_date=YYYY-MM-DD/part_NNN.gz,
 * gzip JSON Lines, one work per line with id, title, publication_year, type and authorships (author id and
 * display_name, institutions with id, display_name and country_code, countries). Authors work in groups (most of a
 * work's authors come from one group), a few works are over the hyperauthor cap, and some authors are written in two
 * spellings (so the label is the most common one); a few listings carry no OpenAlex id (kept by name, as the app does).
 *
 *   node --import tsx tests/bench/make-snapshot.ts --works 1000000 --authors 1000000 --out tmp/snapshot [--seed 1]
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip, constants } from 'node:zlib';
import seedrandom from 'seedrandom';

export interface SnapshotOptions {
  out: string;
  works: number;
  authors: number;
  /** Mean authors per work (4 gives 4M authorships per 1M works). */
  authorsPerWork?: number;
  seed?: number;
  /** Works per part file. */
  worksPerPart?: number;
  /** Share of works over the cap (26–120 authors). */
  hyperShare?: number;
  /**
   * Share of listings without an OpenAlex id (default 0.02): half of them the author's own name (so the id that claims
   * the name takes them, unless several ids share it), half a guest name no id carries (a name-only author).
   */
  nameOnlyShare?: number;
}

const GIVEN = [
  'Ana',
  'Bo',
  'Chen',
  'Dara',
  'Eli',
  'Fatima',
  'Goran',
  'Hiro',
  'Ines',
  'Jun',
  'Kofi',
  'Lea',
  'Mina',
  'Nils',
  'Omar',
  'Priya',
  'Quan',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Vera',
  'Wei',
  'Xi',
  'Yara',
  'Zoltán',
];
const FAMILY = [
  'Abe',
  'Berg',
  'Costa',
  'Díaz',
  'Eng',
  'Fischer',
  'García',
  'Hansen',
  'Ito',
  'Jensen',
  'Kim',
  'López',
  'Müller',
  'Nakamura',
  'Okafor',
  'Park',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
  'Ueda',
  'Volkov',
  'Wang',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const COUNTRIES = ['US', 'CN', 'DE', 'GB', 'JP', 'FR', 'BR', 'IN', 'NG', 'ES'];

export const authorId = (i: number) => `https://openalex.org/A${5_000_000_000 + i}`;
export const workId = (i: number) => `https://openalex.org/W${4_000_000_000 + i}`;

/** The author's usual name, and the other spelling some works use (the initial of the given name). */
function namesOf(i: number): [string, string] {
  const given = `${GIVEN[i % GIVEN.length]}${i >= GIVEN.length ? ` ${String.fromCharCode(65 + (Math.floor(i / GIVEN.length) % 26))}.` : ''}`;
  const family = `${FAMILY[Math.floor(i / 676) % FAMILY.length]}${i >= 676 * FAMILY.length ? `-${FAMILY[Math.floor(i / (676 * 26)) % FAMILY.length]}` : ''}`;
  return [`${given} ${family}`, `${given.charAt(0)}. ${family}`];
}

export async function makeSnapshot(o: SnapshotOptions): Promise<{ files: string[]; authorships: number }> {
  const rng = seedrandom(String(o.seed ?? 1));
  const mean = o.authorsPerWork ?? 4;
  const perPart = o.worksPerPart ?? 50_000;
  const hyperShare = o.hyperShare ?? 0.002;
  const nameOnlyShare = o.nameOnlyShare ?? 0.02;
  const guests = Math.max(1, Math.ceil(o.authors / 50));
  const groupSize = 40;
  const groups = Math.max(1, Math.ceil(o.authors / groupSize));
  const nInstitutions = Math.max(1, Math.ceil(o.authors / 200));
  rmSync(join(o.out, 'works'), { recursive: true, force: true });
  const files: string[] = [];
  let authorships = 0;
  let w = 0;
  for (let part = 0; w < o.works; part++) {
    const date = `2024-${String(1 + (part % 12)).padStart(2, '0')}-${String(1 + (Math.floor(part / 12) % 28)).padStart(2, '0')}`;
    const dir = join(o.out, 'works', `updated_date=${date}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `part_${String(part).padStart(3, '0')}.gz`);
    files.push(file);
    const gz = createGzip({ level: constants.Z_BEST_SPEED });
    const done = new Promise<void>((resolve, reject) => gz.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject));
    let buffer = '';
    for (const end = Math.min(o.works, w + perPart); w < end; w++) {
      const hyper = rng() < hyperShare;
      // 1 + a geometric count with mean (mean - 1); hyper works 26–120 authors.
      const n = hyper ? 26 + Math.floor(rng() * 95) : 1 + Math.floor(Math.log(1 - rng()) / Math.log(1 - 1 / mean));
      const group = Math.floor(Math.pow(rng(), 1.3) * groups);
      const chosen = new Set<number>();
      for (let k = 0; chosen.size < Math.min(n, o.authors) && k < n * 4; k++) {
        const a = rng() < 0.9 ? Math.min(o.authors - 1, group * groupSize + Math.floor(rng() * groupSize)) : Math.floor(rng() * o.authors);
        chosen.add(a);
      }
      const list = [...chosen].map((a, position) => {
        const [name, variant] = namesOf(a);
        const inst = (a * 7 + 3) % nInstitutions;
        const country = COUNTRIES[inst % COUNTRIES.length];
        const hasInst = rng() < 0.8;
        const written = rng() < 0.15 ? variant : name;
        const nameOnly = nameOnlyShare > 0 && rng() < nameOnlyShare;
        const author = !nameOnly
          ? { id: authorId(a), display_name: written, orcid: null }
          : rng() < 0.5
            ? { id: null, display_name: written, orcid: null }
            : { id: null, display_name: `${namesOf(o.authors + Math.floor(rng() * guests))[0]} (guest)`, orcid: null };
        return {
          author_position: position === 0 ? 'first' : position === chosen.size - 1 ? 'last' : 'middle',
          author,
          institutions: hasInst
            ? [{ id: `https://openalex.org/I${100 + inst}`, display_name: `Institute ${inst}`, ror: null, country_code: country, type: 'education' }]
            : [],
          countries: hasInst ? [country] : [],
          is_corresponding: position === 0,
          raw_author_name: author.display_name,
        };
      });
      authorships += list.length;
      const year = 1995 + Math.floor(rng() * 30);
      const work = {
        id: workId(w),
        doi: `https://doi.org/10.5555/syn.${w}`,
        title: `Synthetic work ${w}`,
        display_name: `Synthetic work ${w}`,
        publication_year: year,
        publication_date: `${year}-06-01`,
        type: rng() < 0.85 ? 'article' : 'preprint',
        language: 'en',
        authorships: list,
        cited_by_count: Math.floor(rng() * 50),
        primary_topic: { id: `https://openalex.org/T${10000 + (group % 50)}`, display_name: `Topic ${group % 50}` },
      };
      buffer += `${JSON.stringify(work)}\n`;
      if (buffer.length > 1 << 20) {
        if (!gz.write(buffer)) await new Promise((r) => gz.once('drain', r));
        buffer = '';
      }
    }
    gz.end(buffer);
    await done;
  }
  return { files, authorships };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: { works: { type: 'string' }, authors: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, mean: { type: 'string' } },
  });
  const works = Number(values.works ?? 1000);
  const t0 = performance.now();
  makeSnapshot({
    out: values.out ?? 'tmp/snapshot',
    works,
    authors: Number(values.authors ?? works),
    seed: Number(values.seed ?? 1),
    authorsPerWork: Number(values.mean ?? 4),
  }).then((r) =>
    process.stdout.write(`${JSON.stringify({ works, authorships: r.authorships, files: r.files.length, seconds: (performance.now() - t0) / 1000 })}\n`),
  );
}
