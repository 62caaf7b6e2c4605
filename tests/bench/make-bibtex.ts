/**
 * A large BibTeX library for `npm run bench:bibtex`: the seeded synthetic bibliography (synthetic.ts: heavy-tailed
 * team sizes up to consortium papers, Zipf-like productivity, three decades) written as realistic BibTeX, with
 * abstracts, keywords, pages, braces, TeX accents, @string macros and a mix of entry types, cut at `megabytes`.
 *
 *   node --import tsx tests/bench/make-bibtex.ts <out.bib> [megabytes=50] [seed=1]
 *
 * Prints one JSON line: { bytes, entries, authorships }.
 */
import { writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { syntheticItems } from './synthetic';

const [out, mbArg = '50', seedArg = '1'] = process.argv.slice(2);
if (!out) {
  console.error('usage: make-bibtex.ts <out.bib> [megabytes] [seed]');
  process.exit(2);
}
const targetBytes = Number(mbArg) * 1e6;
const seed = Number(seedArg);
const rng = seedrandom(`bibtex:${seed}`);
const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];

const WORDS = (
  'graph network coauthorship collaboration model learning inference distributed training scalable sparse dense ' +
  'attention transformer embedding community detection clustering citation bibliometric analysis structure dynamics evolution ' +
  'temporal spatial robust efficient optimisation gradient stochastic bayesian estimation sampling large language retrieval ' +
  'benchmark dataset evaluation experiment result method approach framework system architecture hardware memory throughput ' +
  'latency parallel pipeline tensor kernel compiler accelerator protein genome cell climate energy policy survey theory'
).split(' ');
const ACCENTED: [string, string][] = [
  ['M{\\"u}ller', 'Müller'],
  ["Garc{\\'i}a", 'García'],
  ['Bj{\\"o}rk', 'Björk'],
  ['{\\v{C}}apek', 'Čapek'],
  ['Fran{\\c{c}}ois', 'François'],
];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'ACL', 'EMNLP', 'KDD', 'WWW', 'SIGMOD', 'VLDB', 'OSDI', 'ISCA', 'MLSys'];

const sentence = (n: number) => {
  const ws = Array.from({ length: n }, () => pick(WORDS));
  ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
  return `${ws.join(' ')}.`;
};
const abstractText = () => Array.from({ length: 5 + Math.floor(rng() * 6) }, () => sentence(10 + Math.floor(rng() * 12))).join(' ');
const title = (i: number) => {
  const t = sentence(6 + Math.floor(rng() * 8)).slice(0, -1);
  // Some titles protect acronyms with braces, as real libraries do.
  return rng() < 0.3 ? `{${pick(['GPU', 'LLM', 'BERT', 'FSDP', 'DNA'])}}-based ${t.toLowerCase()} ${i}` : `${t} ${i}`;
};

function entry(item: ReturnType<typeof syntheticItems>[number], i: number): string {
  const authors = item.author.map((a, k) => {
    // A few accented family names written in TeX, as exported by reference managers.
    if ((i + k) % 53 === 0) return `${pick(ACCENTED)[0]}, ${a.given}`;
    return `${a.family}, ${a.given}`;
  });
  const year = item.issued['date-parts'][0][0];
  const u = rng();
  const fields: [string, string][] = [
    ['author', `{${authors.join(' and ')}}`],
    ['title', `{${title(i)}}`],
  ];
  let type: string;
  if (u < 0.55) {
    type = 'article';
    fields.push(['journal', rng() < 0.5 ? 'jcn' : `{${item['container-title']}}`], ['volume', `{${1 + (i % 60)}}`], ['number', `{${1 + (i % 12)}}`]);
  } else if (u < 0.9) {
    type = 'inproceedings';
    fields.push(['booktitle', `{Proceedings of ${pick(VENUES)} ${year}}`]);
  } else {
    type = 'misc';
    fields.push(
      ['eprint', `{${String(year).slice(2)}${String(1 + (i % 12)).padStart(2, '0')}.${String(i % 99999).padStart(5, '0')}}`],
      ['archiveprefix', '{arXiv}'],
    );
  }
  const first = 1 + Math.floor(rng() * 900);
  fields.push(
    ['year', `{${year}}`],
    ['month', pick(['jan', 'mar', 'jun', 'sep', 'dec'])],
    ['pages', `{${first}--${first + 5 + Math.floor(rng() * 20)}}`],
    ['doi', `{${item.DOI}}`],
    ['keywords', `{${Array.from({ length: 3 }, () => pick(WORDS)).join(', ')}}`],
    ['abstract', `{${abstractText()}}`],
  );
  return `@${type}{${item.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n\n`;
}

// About 1.3 KB and 7 authorships an entry: ask for enough authorships, then cut at the size.
const items = syntheticItems(Math.ceil((targetBytes / 1300) * 8), seed);
const parts = [
  '% Synthetic library for the Coauthor Atlas BibTeX benchmark (seeded; tests/bench/make-bibtex.ts)\n',
  '@string{jcn = "Journal of Collaboration Networks"}\n\n',
];
let bytes = parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
let entries = 0;
let authorships = 0;
for (const item of items) {
  if (bytes >= targetBytes) break;
  const e = entry(item, entries);
  parts.push(e);
  bytes += Buffer.byteLength(e);
  entries++;
  authorships += item.author.length;
}
if (bytes < targetBytes) console.error(`warning: only ${bytes} bytes from ${items.length} items`);
writeFileSync(out, parts.join(''));
console.log(JSON.stringify({ bytes, entries, authorships }));
