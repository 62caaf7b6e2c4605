/**
 * Synthetic bibliographies with realistic shapes, seeded: authors per paper with a heavy tail
 * (most papers 2–6 authors, a few hundreds to thousands), skewed productivity (Zipf-like author
 * choice), publication years over three decades. Output: CSL-JSON items (a real import format).
 */
import seedrandom from 'seedrandom';

export interface SyntheticItem {
  id: string;
  type: 'article-journal';
  title: string;
  author: { given: string; family: string }[];
  issued: { 'date-parts': [[number]] };
  'container-title': string;
  DOI: string;
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
  'Xenia',
  'Yusuf',
  'Zoe',
];
const FAMILY = [
  'Abe',
  'Berg',
  'Costa',
  'Dahl',
  'Eze',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kim',
  'Lund',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Park',
  'Quinn',
  'Rossi',
  'Singh',
  'Tanaka',
  'Usman',
  'Varga',
  'Wang',
  'Xu',
  'Yilmaz',
  'Zhou',
];

/** Items whose author positions add up to about `authorships`. */
export function syntheticItems(authorships: number, seed = 1): SyntheticItem[] {
  const rng = seedrandom(`synthetic:${seed}:${authorships}`);
  // A population sized like real fields: roughly one distinct author per 3.5 authorships.
  const population = Math.max(50, Math.round(authorships / 3.5));
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(rng(), 2.2)));
  const nameOf = (i: number) => ({
    given: `${GIVEN[i % 26]}${Math.floor(i / 676) || ''}`,
    family: `${FAMILY[Math.floor(i / 26) % 26]}${i % 7 === 0 ? '-Lee' : ''}`,
  });
  const teamSize = () => {
    const u = rng();
    if (u < 0.001) return 500 + Math.floor(rng() * 2500); // consortium papers
    if (u < 0.01) return 30 + Math.floor(rng() * 200);
    return 1 + Math.min(24, Math.floor(-Math.log(1 - rng()) * 3.2));
  };
  const items: SyntheticItem[] = [];
  let total = 0;
  while (total < authorships) {
    const n = Math.min(teamSize(), authorships - total || 1, population);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(zipf(population));
    const i = items.length;
    items.push({
      id: `syn-${i}`,
      type: 'article-journal',
      title: `Synthetic study ${i} of collaboration structure`,
      author: [...chosen].map(nameOf),
      issued: { 'date-parts': [[1995 + Math.floor(rng() * 30)]] },
      'container-title': `Journal ${i % 40}`,
      DOI: `10.5555/syn.${i}`,
    });
    total += n;
  }
  return items;
}
