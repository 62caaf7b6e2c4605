#!/usr/bin/env node
// Derives the app's embedded datasets in data/ from ../shared/data/.
// Run once when the shared data changes: `npm run data`. The app never reads ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data');
const read = (f) => JSON.parse(readFileSync(join(shared, f), 'utf8'));

const header = read('seed-profile.json');
const shown = read('seed-papers.seed.json');
const full = read('seed-papers.full.json');
const aliases = JSON.parse(readFileSync(join(root, 'data', 'aliases.json'), 'utf8'));

const profile = {
  name: header.name,
  category: header.category,
  hIndex: header.h_index,
  papers: header.papers,
  citations: header.citations,
  noveltyPercent: header.novelty_percent,
  aiScore: header.ai_score,
  sourceNote: header.source_note,
};

const year = (iso) => Number(iso.slice(0, 4));
const shownById = new Map(shown.map((p) => [p.id, p]));

const fullPapers = full.map((p) => {
  const s = shownById.get(p.id);
  const affs = p.affiliations ?? {};
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.map((name) => (affs[name] ? { name, affiliations: affs[name] } : { name })),
    truncated: false,
    date: p.date,
    year: year(p.date),
    category: p.category,
    ...(p.venue ? { venue: p.venue } : {}),
    arxiv: p.arxiv,
    doi: p.doi,
    abstract: p.abstract,
    affiliationTags: s?.affiliations_shown ?? [],
    sources: p.sources,
    notes: p.notes,
  };
});

const fullById = new Map(fullPapers.map((p) => [p.id, p]));
const shownPapers = shown.map((s) => {
  const f = fullById.get(s.id);
  return {
    id: s.id,
    title: s.title,
    authors: s.authors_shown.map((name) => ({ name })),
    truncated: Boolean(s.et_al),
    // The page shows e.g. "May 23" without a year; the ISO date comes from the full record.
    date: f.date,
    year: f.year,
    category: s.category,
    ...(f.venue ? { venue: f.venue } : {}),
    arxiv: f.arxiv,
    doi: f.doi,
    abstract: s.abstract,
    affiliationTags: s.affiliations_shown ?? [],
    sources: ['The profile page as shown (first three authors, "et al.")'],
    notes: `The profile page shows the date as "${s.date}". ${f.notes}`,
  };
});

const common = {
  owner: header.name,
  profile,
  aliases,
  sourceNotes: [header.source_note, 'Derived by scripts/derive-data.mjs from shared/data/seed-*.json.'],
};

const out = [
  [
    'profile-full.json',
    {
      id: 'embedded-full',
      title: `${header.name} — full author lists`,
      description: 'The 12 papers of the profile with full ordered author lists, venues, identifiers and sources.',
      ...common,
      papers: fullPapers,
    },
  ],
  [
    'profile-shown.json',
    {
      id: 'embedded-shown',
      title: `${header.name} — as the profile page shows it`,
      description: 'The same 12 papers with only the first three authors the profile page shows, then "et al.".',
      ...common,
      papers: shownPapers,
    },
  ],
];
for (const [file, dataset] of out) {
  writeFileSync(join(root, 'data', file), JSON.stringify(dataset, null, 1) + '\n');
  console.log(`data/${file}: ${dataset.papers.length} papers`);
}
