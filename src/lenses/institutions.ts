import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import seedrandom from 'seedrandom';
import type { Dataset } from '../model/types';
import { nameKey } from '../model/names';
import { edgeKey } from '../graph/build';
import { GraphBudgetError } from '../graph/budget';
import { affiliationNodeId, GRAPH_BUDGET, type AtlasGraph, type BuildOptions } from '../graph/types';
import { aliasResolver, identityKeys, type ResolvedDataset } from '../graph/authors';

/** Country names (and common short forms) recognised as the last part of an affiliation ("…, Germany"). */
const COUNTRIES: Record<string, string> = Object.fromEntries([
  ['usa', 'United States'],
  ['us', 'United States'],
  ['united states', 'United States'],
  ['united states of america', 'United States'],
  ['uk', 'United Kingdom'],
  ['united kingdom', 'United Kingdom'],
  ['england', 'United Kingdom'],
  ['scotland', 'United Kingdom'],
  ...[
    'China',
    'Germany',
    'France',
    'Canada',
    'Japan',
    'India',
    'Italy',
    'Spain',
    'Netherlands',
    'Switzerland',
    'Sweden',
    'Israel',
    'Singapore',
    'Australia',
    'Korea',
    'South Korea',
    'Brazil',
    'Denmark',
    'Finland',
    'Norway',
    'Belgium',
    'Austria',
    'Ireland',
    'Portugal',
    'Poland',
    'Czech Republic',
    'Greece',
    'Turkey',
    'Russia',
    'Taiwan',
    'Hong Kong',
    'Mexico',
    'Chile',
    'Argentina',
    'New Zealand',
    'Qatar',
    'United Arab Emirates',
    'Saudi Arabia',
    'Egypt',
    'South Africa',
    'Iran',
    'Pakistan',
    'Vietnam',
    'Thailand',
    'Indonesia',
    'Malaysia',
    'Luxembourg',
    'Estonia',
    'Hungary',
    'Romania',
  ].map((c) => [c.toLowerCase(), c]),
]);

/** The country an affiliation names as its last comma-separated part, if any. */
export function countryOf(affiliation: string): string | undefined {
  const last = affiliation.split(',').pop()!.trim().toLowerCase().replace(/\.$/, '');
  return COUNTRIES[last];
}

/** Which non-author units a dataset's per-author affiliations support (the lens bar's unit choice). */
export interface DatasetUnits {
  institution: boolean;
  country: boolean;
}

/**
 * Which non-author units this dataset's per-author affiliations support. Each distinct affiliation is read for a
 * country once: a field query's million authorships name a few thousand institutions, none with a country. A big
 * dataset's are read in the pipeline worker (usePipeline): on the page, each of those million affiliations is a string
 * of its own after structured clone, and hashing them for the set took ~250 ms of one task.
 */
export function availableUnits(dataset: Dataset): DatasetUnits {
  let institution = false;
  const seen = new Set<string>();
  for (const p of dataset.papers) {
    for (const a of p.authors) {
      for (const f of a.affiliations ?? []) {
        institution = true;
        if (seen.has(f)) continue;
        seen.add(f);
        if (countryOf(f)) return { institution, country: true };
      }
    }
  }
  return { institution, country: false };
}

/**
 * The institution (or country) network: one node per affiliation named on a paper's author list,
 * an edge between two when a paper has authors from both, weighted by such papers (full counting)
 * or by 1/(k−1) per paper with k institutions (fractional). Nodes carry `paperIds` (an extra attribute
 * the lenses read). null when the dataset names no affiliation (or no country) for any author.
 */
export function buildInstitutionGraph(dataset: Dataset, unit: 'institution' | 'country', options: BuildOptions, resolved: ResolvedDataset): AtlasGraph | null {
  const refusal = institutionRefusal(unit, resolved);
  if (refusal) throw new GraphBudgetError(refusal);
  const unitOf = (aff: string) => (unit === 'institution' ? aff.trim() : countryOf(aff));
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ datasetId: dataset.id, options, communityCount: 0 });
  const members = new Map<string, Set<string>>();
  const personOf = aliasResolver(dataset.aliases ?? []);
  const papersOf = new Map<string, string[]>();

  // The same person keys as the author graph (ids where the source has them), before aliases.
  const identity = identityKeys(dataset);
  for (let pi = 0; pi < resolved.papers.length; pi++) {
    const { paper } = resolved.papers[pi];
    const here = new Map<string, string>();
    paper.authors.forEach((ref, ri) => {
      for (const aff of ref.affiliations ?? []) {
        const label = unitOf(aff);
        if (!label) continue;
        const id = affiliationNodeId(nameKey(label) || label);
        if (!here.has(id)) here.set(id, label);
        if (!members.has(id)) members.set(id, new Set());
        members.get(id)!.add(personOf(identity.refKeys[pi][ri]));
      }
    });
    for (const [id, label] of here) {
      if (!graph.hasNode(id)) graph.addNode(id, { kind: 'affiliation', label, authorCount: 0, community: 0, x: 0, y: 0 });
      const list = papersOf.get(id);
      if (list) list.push(paper.id);
      else papersOf.set(id, [paper.id]);
    }
    const ids = [...here.keys()].sort();
    const increment = options.counting === 'full' ? 1 : 1 / Math.max(1, ids.length - 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = edgeKey(ids[i], ids[j]);
        if (graph.hasEdge(key)) {
          const attrs = graph.getEdgeAttributes(key);
          attrs.weight += increment;
          attrs.paperIds.push(paper.id);
        } else graph.addEdgeWithKey(key, ids[i], ids[j], { kind: 'coauthor', weight: increment, paperIds: [paper.id] });
      }
    }
  }
  if (graph.order === 0) return null;
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === 'affiliation') attrs.authorCount = members.get(node)?.size ?? 0;
    (attrs as { paperIds?: string[] }).paperIds = papersOf.get(node) ?? [];
  });
  assignCommunitiesAndPositions(graph, options.seed);
  return graph;
}

/** Σ k(k−1)/2 over papers with k distinct units: the ties the institution graph would have at most. */
export function institutionPairs(unit: 'institution' | 'country', resolved: ResolvedDataset): number {
  let pairs = 0;
  for (const { paper } of resolved.papers) {
    const here = new Set<string>();
    for (const ref of paper.authors) {
      for (const aff of ref.affiliations ?? []) {
        const label = unit === 'institution' ? aff.trim() : countryOf(aff);
        if (label) here.add(nameKey(label) || label);
      }
    }
    pairs += (here.size * (here.size - 1)) / 2;
  }
  return pairs;
}

/** Why the institution (or country) graph is not built, or null when it fits GRAPH_BUDGET. */
export function institutionRefusal(unit: 'institution' | 'country', resolved: ResolvedDataset): string | null {
  const pairs = institutionPairs(unit, resolved);
  const max = GRAPH_BUDGET.maxCoauthorEdges;
  if (pairs <= max) return null;
  return `the ${unit} network would have up to ${pairs.toLocaleString('en-US')} ties, more than the ${max.toLocaleString('en-US')} a page can hold`;
}

/** Seeded Louvain (communities numbered by size) and seeded starting positions around each community's centre. */
function assignCommunitiesAndPositions(graph: AtlasGraph, seed: number): void {
  const raw: Record<string, number> = graph.size
    ? louvain(graph, { rng: seedrandom(`louvain:${seed}`), getEdgeWeight: 'weight' })
    : Object.fromEntries(graph.nodes().map((n, i) => [n, i]));
  const sizes = new Map<number, number>();
  for (const n of graph.nodes()) sizes.set(raw[n], (sizes.get(raw[n]) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const renumber = new Map(order.map((c, i) => [c, i]));
  graph.setAttribute('communityCount', order.length);
  const rng = seedrandom(`positions:${seed}`);
  const golden = Math.PI * (3 - Math.sqrt(5));
  graph.forEachNode((n, a) => {
    const c = renumber.get(raw[n])!;
    a.community = c;
    const r = 10 * Math.sqrt(c);
    const spread = 2 + Math.sqrt(sizes.get(raw[n])!) * 0.6;
    const angle = rng() * 2 * Math.PI;
    const radius = spread * Math.sqrt(rng());
    a.x = r * Math.cos(c * golden) + radius * Math.cos(angle);
    a.y = r * Math.sin(c * golden) + radius * Math.sin(angle);
  });
}
