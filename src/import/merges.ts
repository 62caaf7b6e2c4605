import type { Alias, Dataset } from '../model/types';
import { foldText, nameKey } from '../model/names';
import { aliasKey, identityKeys, keyName, resolveDataset, type ResolvedAuthor } from '../graph/authors';

/**
 * The merge assistant's pure logic: likely name variants with their evidence, merge/split as alias
 * edits, and the VOSviewer thesaurus format (`label<TAB>replace by`). Names are compared on the name part of the
 * identity keys (`keyName`), so authors told apart by source ids (`ana ribeiro#a5001`) are candidates like any other.
 */

export type VariantRule = 'initials' | 'contained' | 'transliteration';

export interface MergeCandidate {
  /** Identity keys: `from` would be merged into `to` (the fuller name). */
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  rule: VariantRule;
  /** In words, e.g. "J. Smith has initials compatible with John Smith". */
  why: string;
  sharedCoauthors: string[];
  sharedAffiliations: string[];
  fromPapers: number;
  toPapers: number;
  /** Papers on which both names appear: evidence that they are two people. */
  together: number;
  score: number;
}

const UMLAUTS: [RegExp, string][] = [
  [/ae/g, 'a'],
  [/oe/g, 'o'],
  [/ue/g, 'u'],
];

/** Keys that coincide for transliteration variants: Müller/Mueller, "Wei Wang"/"Wang Wei", "Dingqiao Wen"/"Dingqiaowen". */
export function transliterationKeys(key: string): string[] {
  let k = foldText(key);
  for (const [re, to] of UMLAUTS) k = k.replace(re, to);
  const tokens = k.split(' ').filter(Boolean);
  return [`s:${[...tokens].sort().join(' ')}`, `j:${tokens.join('')}`];
}

/** How the given names of `a` relate to those of `b` (same last name assumed): b is the fuller one. */
function givenRelation(a: string[], b: string[]): VariantRule | null {
  if (a.length === 0 || a.length > b.length) return null;
  let usedInitial = false;
  let usedContainment = a.length < b.length;
  // a's given names must match b's in order, each equal, an initial of, or a prefix (≥ 3 letters) of b's.
  let j = 0;
  for (const t of a) {
    let found = false;
    while (j < b.length && !found) {
      const u = b[j++];
      if (t === u) found = true;
      else if (t.length === 1 && u.startsWith(t)) found = usedInitial = true;
      else if (t.length >= 3 && u.startsWith(t)) found = usedContainment = true;
      else usedContainment = true;
    }
    if (!found) return null;
  }
  if (usedInitial) return 'initials';
  return usedContainment ? 'contained' : null;
}

const RULE_WEIGHT: Record<VariantRule, number> = { transliteration: 3, initials: 2, contained: 1 };

/** The fuller of two authors becomes the target: more name tokens, longer label, then more papers. */
function fuller(a: ResolvedAuthor, b: ResolvedAuthor): boolean {
  const na = keyName(a.key),
    nb = keyName(b.key);
  const ta = na.split(' ').length,
    tb = nb.split(' ').length;
  if (ta !== tb) return ta > tb;
  if (na.length !== nb.length) return na.length > nb.length;
  return a.paperIds.length >= b.paperIds.length;
}

export interface CandidateOptions {
  /** Pairs (`from|to` keys, either order) the user said are different people. */
  dismissed?: Iterable<string>;
  /** At most this many candidates, best first (default 500). */
  limit?: number;
  /** Largest same-surname group compared pairwise (bigger ones are skipped; default 400). */
  maxGroup?: number;
}

export const pairId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Likely name variants of one dataset (after its current aliases), with evidence, best first. */
export function findMergeCandidates(dataset: Dataset, opts: CandidateOptions = {}): MergeCandidate[] {
  const resolved = resolveDataset(dataset);
  const dismissed = new Set(opts.dismissed ?? []);
  const maxGroup = opts.maxGroup ?? 400;
  const coauthors = new Map<string, Set<string>>();
  const paperSets = new Map<string, Set<string>>();
  for (const rp of resolved.papers) {
    for (const k of rp.authorKeys) {
      let s = coauthors.get(k);
      if (!s) coauthors.set(k, (s = new Set()));
      for (const o of rp.authorKeys) if (o !== k) s.add(o);
      let ps = paperSets.get(k);
      if (!ps) paperSets.set(k, (ps = new Set()));
      ps.add(rp.paper.id);
    }
  }
  const authors = [...resolved.authors.values()].filter((a) => a.key);
  const found = new Map<string, MergeCandidate>();

  const consider = (x: ResolvedAuthor, y: ResolvedAuthor, rule: VariantRule) => {
    if (x.key === y.key) return;
    const id = pairId(x.key, y.key);
    if (dismissed.has(id)) return;
    const prev = found.get(id);
    if (prev && RULE_WEIGHT[prev.rule] >= RULE_WEIGHT[rule]) return;
    const [from, to] = fuller(x, y) ? [y, x] : [x, y];
    const cx = coauthors.get(from.key) ?? new Set<string>();
    const cy = coauthors.get(to.key) ?? new Set<string>();
    const shared = [...cx].filter((k) => cy.has(k) && k !== from.key && k !== to.key);
    const affTo = new Set(to.affiliations.map(nameKey));
    const sharedAff = from.affiliations.filter((a) => affTo.has(nameKey(a)));
    const px = paperSets.get(from.key) ?? new Set<string>();
    const together = [...(paperSets.get(to.key) ?? [])].filter((p) => px.has(p)).length;
    const idPart = (k: string) => k.slice(keyName(k).length + 1);
    const why =
      keyName(from.key) === keyName(to.key)
        ? `${from.label} (${idPart(from.key) || 'no id'}) and ${to.label} (${idPart(to.key) || 'no id'}) have the same name but different source ids`
        : rule === 'initials'
          ? `${from.label} has initials compatible with ${to.label}`
          : rule === 'contained'
            ? `${from.label} is contained in ${to.label}`
            : `${from.label} and ${to.label} are the same name once transliterated or reordered`;
    found.set(id, {
      from: from.key,
      to: to.key,
      fromLabel: from.label,
      toLabel: to.label,
      rule,
      why,
      sharedCoauthors: shared.map((k) => resolved.authors.get(k)?.label ?? k),
      sharedAffiliations: sharedAff,
      fromPapers: from.paperIds.length,
      toPapers: to.paperIds.length,
      together,
      score: RULE_WEIGHT[rule] + 2 * Math.min(shared.length, 10) + 2 * Math.min(sharedAff.length, 3) - 4 * together,
    });
  };

  // Same key after transliteration or reordering.
  const byTranslit = new Map<string, ResolvedAuthor[]>();
  for (const a of authors) {
    for (const k of transliterationKeys(keyName(a.key))) {
      const list = byTranslit.get(k);
      if (list) list.push(a);
      else byTranslit.set(k, [a]);
    }
  }
  for (const group of byTranslit.values()) {
    if (group.length < 2 || group.length > maxGroup) continue;
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) consider(group[i], group[j], 'transliteration');
  }

  // Initials and containment, within one last name.
  const bySurname = new Map<string, ResolvedAuthor[]>();
  for (const a of authors) {
    const tokens = keyName(a.key).split(' ');
    if (tokens.length < 2) continue;
    const last = tokens[tokens.length - 1];
    const list = bySurname.get(last);
    if (list) list.push(a);
    else bySurname.set(last, [a]);
  }
  for (const group of bySurname.values()) {
    if (group.length < 2 || group.length > maxGroup) continue;
    for (let i = 0; i < group.length; i++) {
      const gi = keyName(group[i].key).split(' ').slice(0, -1);
      for (let j = i + 1; j < group.length; j++) {
        const gj = keyName(group[j].key).split(' ').slice(0, -1);
        const rule = givenRelation(gi, gj) ?? givenRelation(gj, gi);
        if (rule) consider(group[i], group[j], rule);
      }
    }
  }

  return [...found.values()]
    .sort((a, b) => b.score - a.score || a.toLabel.localeCompare(b.toLabel) || a.fromLabel.localeCompare(b.fromLabel))
    .slice(0, opts.limit ?? 500);
}

/** Adds "treat `from` as `to`" (identity keys or names); a previous alias of `from` is replaced. */
export function mergeAuthors(aliases: Alias[], from: string, to: string, reason: string): Alias[] {
  const f = aliasKey(from);
  return [...aliases.filter((a) => aliasKey(a.from) !== f), { from, to, reason }];
}

/** Undoes a merge: drops the aliases from `from`. */
export function splitAuthor(aliases: Alias[], from: string): Alias[] {
  const f = aliasKey(from);
  return aliases.filter((a) => aliasKey(a.from) !== f);
}

export const THESAURUS_HEADER = 'label\treplace by';

const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * A VOSviewer thesaurus: one line per spelling to replace. Each alias is written with every spelling
 * in the dataset whose identity key (before aliases) is the alias's `from`, replaced by the label of the author it
 * resolves to. VOSviewer matches labels only, so a thesaurus cannot tell apart two people that ids separate.
 */
export function toThesaurus(dataset: Dataset): string {
  const resolved = resolveDataset(dataset);
  const { refKeys } = identityKeys(dataset);
  const spellingsByKey = new Map<string, Set<string>>();
  dataset.papers.forEach((p, pi) => {
    p.authors.forEach((a, ri) => {
      const k = refKeys[pi][ri];
      let s = spellingsByKey.get(k);
      if (!s) spellingsByKey.set(k, (s = new Set()));
      s.add(clean(a.name));
    });
  });
  const lines = [THESAURUS_HEADER];
  for (const alias of dataset.aliases) {
    const fromKey = aliasKey(alias.from);
    const target = resolved.authors.get(aliasKey(alias.to));
    const to = clean(target?.label ?? alias.to);
    const spellings = spellingsByKey.get(fromKey);
    for (const s of spellings?.size ? spellings : [clean(alias.from)]) if (nameKey(s) !== nameKey(to)) lines.push(`${s}\t${to}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface ThesaurusRead {
  aliases: Alias[];
  problems: { line: number; reason: string }[];
}

/** Reads a VOSviewer thesaurus (tab-separated, header `label\treplace by`). Empty replacements (VOSviewer's "ignore") are reported, not applied. */
export function fromThesaurus(text: string): ThesaurusRead {
  const aliases: Alias[] = [];
  const problems: ThesaurusRead['problems'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (i === 0 && /^label\s*\treplace by$/i.test(line)) return;
    const cells = raw.split('\t');
    if (cells.length < 2) return problems.push({ line: i + 1, reason: 'no tab between label and replacement' });
    const from = cells[0].trim();
    const to = cells[1].trim();
    if (!from) return problems.push({ line: i + 1, reason: 'empty label' });
    if (!to) return problems.push({ line: i + 1, reason: `“${from}” has no replacement (VOSviewer would ignore the term); not applied` });
    if (aliasKey(from) === aliasKey(to)) return;
    aliases.push({ from, to, reason: 'VOSviewer thesaurus' });
  });
  return { aliases, problems };
}
